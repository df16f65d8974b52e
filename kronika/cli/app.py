"""The ``kronika`` command: thin typer commands over plain functions; rich output lives here only.

Every command takes ``--db FILE``. Errors end as one line on stderr and exit code 1, never a
traceback (set KRONIKA_DEBUG=1 to see one).
"""
from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from kronika.errors import ConfigError, KronikaError
from kronika.settings import KNOWN_LANGUAGES, STAGE_ORDER, Settings

app = typer.Typer(
    help="Kronika: multilingual news (pl, en, ru, uk) to a dated, source-grounded record of PLOVER events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
kb_app = typer.Typer(help="The actor knowledge base (bundled data files, plus imports).", no_args_is_help=True)
app.add_typer(kb_app, name="kb")

# Piped output is not squeezed to 80 columns: tables stay one row per line where they can.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    Optional[Path],
    typer.Option("--db", help="SQLite database file [default: kronika.db, or $KRONIKA_DB].", dir_okay=False),
]
SinceOption = Annotated[Optional[str], typer.Option("--since", help="From this date on (YYYY, YYYY-MM or YYYY-MM-DD).")]
UntilOption = Annotated[Optional[str], typer.Option("--until", help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
LimitOption = Annotated[int, typer.Option("--limit", min=1, help="At most this many rows.")]
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"kronika: error: {' '.join(str(message).split())}", err=True)
    raise typer.Exit(code)


def edge(fn: Callable) -> Callable:
    """Turn every error into one line on stderr and a non-zero exit."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except KronikaError as e:
            _fail(str(e))
        except sqlite3.Error as e:
            _fail(f"database error: {e}; is the --db file a Kronika database?")
        except OSError as e:
            where = f"{e.filename}: " if e.filename else ""
            _fail(f"{where}{e.strerror or e}")
        except KeyboardInterrupt:
            _fail("interrupted", code=130)
        except Exception as e:  # a bug: still one line, the traceback on request
            if os.environ.get("KRONIKA_DEBUG"):
                raise
            _fail(f"internal error: {type(e).__name__}: {e} (set KRONIKA_DEBUG=1 for the traceback)")

    return wrapper


def _check_date(value: str | None, option: str) -> str | None:
    if value is not None and not _DATE.match(value):
        raise ConfigError(f"{option} {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _reader(db: Path | None):
    from kronika.store import connect

    return connect(Settings.load(db=db).db, readonly=True)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _table(title: str | None, columns: list[str], rows: list[list[Any]], long: tuple[str, ...] = (),
           **kw: Any) -> Table:
    """A table; ``long`` columns are cut with an ellipsis instead of wrapping over many lines."""
    table = Table(title=title, **kw)
    for c in columns:
        if c in long:
            table.add_column(c, no_wrap=True, overflow="ellipsis", max_width=70)
        else:
            table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*["" if v is None else escape(str(v)) for v in r])
    return table


def _actors_text(actors: list[dict]) -> str:
    return "; ".join(
        (a.get("name") or a.get("country") or "?") + (f" ({a['country']})" if a.get("name") and a.get("country") else "")
        for a in actors
    ) or "-"


# -- ingest ----------------------------------------------------------------------------------
def _count_files(paths: list[Path]) -> int:
    total = 0
    for p in paths:
        if p.is_dir():
            for _root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                total += sum(1 for f in files if not f.startswith("."))
        else:
            total += 1
    return total


def _dask_client(address: str):
    """A Dask client for ``--dask`` (kronika/distributed.py), or None when the option is off."""
    if not address:
        return contextlib.nullcontext()
    from kronika.distributed import dask_client

    if err.is_terminal:  # starting workers takes seconds before the progress bar shows
        what = f"starting {address[len('local:'):]} local workers" if address.startswith("local:") else f"connecting to {address}"
        err.print(f"[dim]Dask: {escape(what)}[/]")
    return dask_client(address)


@app.command()
@edge
def ingest(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", help="Files or folders (.txt, .html, .htm, .jsonl; .gz too).")],
    db: DbOption = None,
    languages: Annotated[Optional[str], typer.Option(help=f"Languages to detect, comma-separated [default: {','.join(KNOWN_LANGUAGES)}].")] = None,
    max_bytes: Annotated[Optional[int], typer.Option(help="Refuse inputs larger than this many bytes [default: 20 MiB].")] = None,
    workers: Annotated[Optional[int], typer.Option(help="Processes running the stages [default: 1].")] = None,
    stages: Annotated[Optional[str], typer.Option(help=f"Stages to run, comma-separated [default: {','.join(STAGE_ORDER)}].")] = None,
    force: Annotated[bool, typer.Option("--force", help="Reprocess documents even when unchanged.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON instead of a table.")] = False,
    dask: Annotated[Optional[str], typer.Option("--dask", metavar="ADDRESS", help="Run the stages on a Dask cluster: a scheduler address (tcp://HOST:8786), or local:N to start N worker processes here [default: off, or $KRONIKA_DASK].")] = None,
) -> None:
    """Read files and folders, run the pipeline and store every document; report each input's fate."""
    from kronika.pipeline import build_pipeline
    from kronika.pipeline import ingest as run_ingest
    from kronika.store import Store

    settings = Settings.load(db=db, languages=languages, max_bytes=max_bytes, workers=workers, stages=stages,
                             force=force or None, dask=dask)
    total_files = _count_files(paths)
    files_seen: set[str] = set()
    # The cluster is reached before the database is opened: a bad address leaves no file behind.
    with _dask_client(settings.dask) as client, Store(settings.db) as store:
        pipeline = build_pipeline(settings)
        for name, why in pipeline.skipped:
            err.print(f"[yellow]note:[/] stage {name} not available, skipped ({escape(why)})")
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("files"), TimeElapsedColumn(), console=err, transient=True,
                      disable=as_json or not err.is_terminal) as progress:
            task = progress.add_task("ingesting", total=total_files or None)

            def on_item(report, source: str) -> None:
                files_seen.add(re.sub(r":\d+$", "", source))
                progress.update(task, completed=min(len(files_seen), total_files),
                                description=f"{report.total} documents")

            if client is not None:
                from kronika.distributed import ingest_distributed

                report = ingest_distributed(paths, store, settings, client, progress=on_item, pipeline=pipeline)
            else:
                report = run_ingest(paths, store, settings, progress=on_item, pipeline=pipeline)
    if as_json:
        _print_json(report.as_dict())
    else:
        summary = _table(f"Ingested into {settings.db}", ["outcome", "documents"], [
            ["ingested", f"{report.ingested}" + (f" ({report.replaced} replaced an older version)" if report.replaced else "")],
            ["unchanged", report.unchanged],
            ["failed", report.failed],
        ])
        out.print(summary)
        if report.failures:
            out.print(_table("Failures", ["source", "stage", "reason"],
                             [[f.source, f.stage, f.reason] for f in report.failures]))
        rate = report.total / report.seconds if report.seconds else 0
        out.print(f"{report.total} inputs in {report.seconds:.1f} s ({rate:.0f}/s); stages: {', '.join(report.stages) or 'none'}"
                  + (f"; on Dask ({settings.dask})" if settings.dask else ""))


# -- documents -------------------------------------------------------------------------------
@app.command()
@edge
def docs(
    db: DbOption = None,
    language: Annotated[Optional[str], typer.Option(help="Only documents in this language (pl, en, ru, uk).")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 100,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List stored documents (newest first), filtered by language and publication date."""
    from kronika.store import queries

    rows = queries.list_documents(_reader(db), language=language, since=_check_date(since, "--since"),
                                  until=_check_date(until, "--until"), limit=limit)
    if as_json:
        _print_json(rows)
        return
    out.print(_table(f"{len(rows)} documents", ["id", "lang", "published", "title", "mentions", "events"],
                     [[r["id"], r["language"], r["published"], r["title"] or "", r["mentions"], r["events"]]
                      for r in rows], long=("title",)))


@app.command()
@edge
def stats(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Summary of the store: documents by language, sentences, mentions, events, failures."""
    from kronika.store import queries

    counts = queries.count_documents(_reader(db))
    if as_json:
        _print_json(counts)
        return
    by_language = ", ".join(f"{k} {v}" for k, v in counts["by_language"].items()) or "-"
    out.print(_table(f"{Settings.load(db=db).db}", ["what", "count"], [
        ["documents", f"{counts['documents']} ({by_language})"],
        ["sentences", counts["sentences"]],
        ["mentions", f"{counts['mentions']} ({counts['linked_mentions']} linked)"],
        ["events", counts["events"]],
        ["failures", counts["failures"]],
    ]))


def _marked_text(clean: str, mentions: list[dict]) -> Text:
    """Clean text with mentions marked inline: [Putina|Vladimir Putin]."""
    text, at = Text(), 0
    for m in sorted(mentions, key=lambda m: (m["start"], -m["end"])):
        if m["start"] < at:  # nested or overlapping: the outer one is already marked
            continue
        text.append(clean[at:m["start"]])
        label = m["name"] or m["country"] or ("?" if not m["actor_id"] else m["actor_id"])
        text.append(f"[{clean[m['start']:m['end']]}|{label}]", style="bold cyan" if m["actor_id"] else "yellow")
        at = m["end"]
    text.append(clean[at:])
    return text


@app.command()
@edge
def show(
    doc_id: Annotated[str, typer.Argument(metavar="ID", help="Document id (file name without extension).")],
    db: DbOption = None,
    mentions: Annotated[bool, typer.Option("--mentions", help="Mark mentions inline as [text|actor].")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the stored record as JSON.")] = False,
) -> None:
    """Show one document: its clean text, and what cleaning removed with the rule that removed it."""
    from kronika.store import queries

    doc = queries.get_document(_reader(db), doc_id)
    if doc is None:
        raise ConfigError(f"no document {doc_id!r} in the database; list them with: kronika docs")
    if as_json:
        _print_json(doc)
        return
    out.print(Text(f"{doc['id']}  ", style="bold") + Text(f"{doc['language'] or '?'}  published {doc['published'] or '?'}"
              f" ({doc['published_source'] or 'unknown'})  source {doc['source']}"))
    if doc["title"]:
        out.print(Text(doc["title"], style="bold"))
    out.rule("clean text")
    out.print(_marked_text(doc["clean"], doc["mentions"]) if mentions else Text(doc["clean"]))
    out.rule(f"removed by cleaning ({len(doc['removed'])})")
    for r in doc["removed"]:
        out.print(Text(f"[{r['rule']}] ", style="red") + Text(r["text"]))
    if doc["events"]:
        out.rule(f"events ({len(doc['events'])})")
        for e in doc["events"]:
            out.print(f"{e['type']} ({e['modality']}, {e['date'] or 'undated'}): "
                      f"{escape(_actors_text(e['source']))} -> {escape(_actors_text(e['target']))}")


@app.command()
@edge
def failures(
    db: DbOption = None,
    stage: Annotated[Optional[str], typer.Option(help="Only failures of this stage (read, clean, ...).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the inputs that could not be ingested, and why."""
    from kronika.store import queries

    rows = queries.list_failures(_reader(db), stage=stage)
    if as_json:
        _print_json(rows)
        return
    out.print(_table(f"{len(rows)} failures", ["source", "doc", "stage", "reason", "at"],
                     [[r["source"], r["doc_id"], r["stage"], r["reason"], r["at"]] for r in rows]))


@app.command()
@edge
def actors(
    db: DbOption = None,
    country: Annotated[Optional[str], typer.Option(help="Only actors of this country (ISO alpha-3, e.g. RUS).")] = None,
    sector: Annotated[Optional[str], typer.Option(help="Only actors of this sector (GOV, MIL, COP, MED, ...).")] = None,
    limit: LimitOption = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Top linked actors by number of mentions."""
    from kronika.store import queries

    rows = queries.top_actors(_reader(db), country=country, sector=sector, limit=limit)
    if as_json:
        _print_json(rows)
        return
    out.print(_table(f"{len(rows)} actors", ["id", "name", "kind", "country", "sector", "mentions", "documents"],
                     [[r["id"], r["name"], r["kind"], r["country"], r["sector"], r["mentions"], r["documents"]]
                      for r in rows]))


def _render_events(rows: list[dict], fmt: str, title: str) -> None:
    if fmt == "json":
        _print_json(rows)
        return
    if fmt != "table":
        raise ConfigError(f"unknown --format {fmt!r}; use table or json")
    out.print(_table(title, ["date", "type", "modality", "source", "target", "where", "doc", "evidence"], [
        [e["date"] or "-", e["type"], e["modality"], _actors_text(e["source"]), _actors_text(e["target"]),
         e["location_name"] or "", e["doc_id"], e["evidence"] or ""]
        for e in rows
    ], long=("evidence",)))


@app.command()
@edge
def events(
    db: DbOption = None,
    actor: Annotated[Optional[str], typer.Option(help="Events with this actor (KB id or English name).")] = None,
    country: Annotated[Optional[str], typer.Option(help="Events with an actor of this country (e.g. BLR).")] = None,
    dyad: Annotated[Optional[str], typer.Option(help="Source-target countries, e.g. RUS-BLR.")] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type(s), comma-separated (e.g. CONSULT,AGREE).")] = None,
    quad: Annotated[Optional[str], typer.Option(help="Quad class: verbal_cooperation, material_cooperation, verbal_conflict, material_conflict (or 1-4).")] = None,
    modality: Annotated[Optional[str], typer.Option(help="asserted, claimed, planned or denied.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 100,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many rows (paging).")] = 0,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    merged: Annotated[bool, typer.Option("--merged", help="One row per real-world event, its reports from all documents merged.")] = False,
    min_sources: Annotated[int, typer.Option("--min-sources", min=1, help="With --merged: only events reported by at least this many documents.")] = 1,
) -> None:
    """List events, newest first, filtered by actor, country, dyad, type, quad class, modality and date."""
    from kronika.store import queries

    if merged:
        _merged_events(db, actor=actor, country=country, type=type, since=since, until=until, limit=limit,
                       offset=offset, fmt=fmt, min_sources=min_sources, unsupported={"--dyad": dyad, "--quad": quad,
                                                                                     "--modality": modality})
        return
    rows = queries.list_events(_reader(db), actor=actor, country=country, dyad=dyad, type=type, quad=quad,
                               modality=modality, since=_check_date(since, "--since"),
                               until=_check_date(until, "--until"), limit=limit, offset=offset)
    _render_events(rows, fmt, f"{len(rows)} events")


# -- merged events and stories (kronika/stories) ----------------------------------------------
def _merged_events(db: Optional[Path], *, fmt: str, unsupported: dict[str, Any], since: str | None,
                   until: str | None, **filters: Any) -> None:
    from kronika.stories.queries import list_merged_events

    given = [name for name, value in unsupported.items() if value]
    if given:
        raise ConfigError(f"{', '.join(given)} cannot be used with --merged; filter by actor, country, type or date")
    rows = list_merged_events(_reader(db), since=_check_date(since, "--since"), until=_check_date(until, "--until"),
                              **filters)
    if fmt == "json":
        _print_json(rows)
        return
    if fmt != "table":
        raise ConfigError(f"unknown --format {fmt!r}; use table or json")
    out.print(_table(f"{len(rows)} merged events", ["id", "date", "type", "sources", "reports", "modality", "source",
                                                     "target", "where", "languages"], [
        [m["id"], m["date"] or "-", m["type"], m["sources"], m["report_count"],
         ", ".join(f"{k} {v}" for k, v in m["modalities"].items()), _actors_text(m["source"]),
         _actors_text(m["target"]), (m["location"] or {}).get("name") or "", ",".join(m["languages"])]
        for m in rows
    ]))


@app.command()
@edge
def stories(
    db: DbOption = None,
    actor: Annotated[Optional[str], typer.Option(help="Stories whose shared actors include this one (KB id or name).")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    min_documents: Annotated[int, typer.Option("--min-documents", min=1, help="Only stories of at least this many documents.")] = 2,
    limit: LimitOption = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Documents grouped into stories by the events and actors they share (any language)."""
    from kronika.stories.stories import find_stories

    rows = find_stories(_reader(db), min_documents=min_documents, actor=actor, since=_check_date(since, "--since"),
                        until=_check_date(until, "--until"), limit=limit)
    if as_json:
        _print_json(rows)
        return
    out.print(_table(f"{len(rows)} stories", ["story", "from", "to", "docs", "languages", "shared events", "actors",
                                              "documents"], [
        [s["id"], s["first"] or "?", s["last"] or "?", len(s["documents"]), ",".join(s["languages"]),
         s["shared_events"], "; ".join(a["name"] for a in s["actors"][:6]) or "-",
         " ".join(d["id"] for d in s["documents"])]
        for s in rows
    ], long=("documents",)))


@app.command()
@edge
def merge(db: DbOption = None) -> None:
    """Recompute every merged event of the store (after changing kronika/resources/merge.yaml)."""
    from kronika.store import Store
    from kronika.stories.merge import rebuild
    from kronika.stories.queries import count_merged

    settings = Settings.load(db=db)
    _reader(db).close()  # a clear error when there is no database yet
    with Store(settings.db) as store:
        with store.transaction() as conn:
            rebuild(conn)
        counts = count_merged(store.conn)
    out.print(f"{counts['events']} events -> {counts['merged_events']} merged events "
              f"({counts['multi_source']} reported by several documents)")


@app.command()
@edge
def timeline(
    actor: Annotated[str, typer.Argument(metavar="ACTOR", help="KB id or English name, e.g. 'Alexander Lukashenko'.")],
    db: DbOption = None,
    limit: LimitOption = 1000,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Every event an actor takes part in, in date order (undated last)."""
    from kronika.store import queries

    rows = queries.timeline(_reader(db), actor, limit=limit)
    _render_events(rows, fmt, f"{actor}: {len(rows)} events")


# -- export and evaluation -------------------------------------------------------------------
@app.command()
@edge
def export(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="eval-jsonl (shared/spec/EVAL-FORMAT.md), jsonl (everything stored), csv (one row per event) or events-merged-jsonl (one merged event per line with its reports).")] = "eval-jsonl",
    output: Annotated[str, typer.Option("-o", "--output", help="Output file; - for standard output.")] = "-",
) -> None:
    """Export the whole store to a file."""
    from kronika.export import FORMATS, write_export

    if fmt not in FORMATS:
        raise ConfigError(f"unknown --format {fmt!r}; use one of: {', '.join(FORMATS)}")
    conn = _reader(db)
    if output == "-":
        write_export(conn, fmt, sys.stdout)
        return
    with open(output, "w", encoding="utf-8", newline="") as f:
        n = write_export(conn, fmt, f)
    what = {"csv": "events", "events-merged-jsonl": "merged events"}.get(fmt, "documents")
    err.print(f"wrote {n} {what} to {output}")


@app.command("eval")
@edge
def evaluate(
    gold: Annotated[Path, typer.Argument(metavar="GOLD.jsonl", help="Gold file in the eval format (JSON lines).")],
    documents: Annotated[list[Path], typer.Argument(metavar="DOCS", help="The documents (files or folders) the gold file describes.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    show_misses: Annotated[bool, typer.Option("--show-misses", help="List the gold events not found.")] = False,
    keep: Annotated[Optional[Path], typer.Option(help="Also write the predictions (eval-jsonl) to this file.")] = None,
    db: Annotated[Optional[Path], typer.Option("--db", dir_okay=False, help="Ingest into this database and keep it [default: a temporary one].")] = None,
) -> None:
    """Ingest documents into a temporary store, export them and score them against gold."""
    from kronika.evaluate import format_miss, format_summary, load_jsonl, score_documents
    from kronika.export import write_export
    from kronika.pipeline import ingest as run_ingest
    from kronika.store import Store

    gold_docs = load_jsonl(gold)
    with tempfile.TemporaryDirectory(prefix="kronika-eval-") as tmp:
        db_path = db or Path(tmp) / "eval.db"
        settings = Settings.load(db=db_path)
        with Store(db_path) as store:
            report = run_ingest(documents, store, settings)
            for f in report.failures:
                err.print(f"[yellow]not ingested:[/] {escape(f.source)}: {escape(f.reason)}")
            pred_path = Path(tmp) / "pred.jsonl"
            with open(pred_path, "w", encoding="utf-8") as f:
                write_export(store.conn, "eval-jsonl", f)
        if keep:
            keep.write_text(pred_path.read_text(encoding="utf-8"), encoding="utf-8")
        scores = score_documents(gold_docs, load_jsonl(pred_path))
    summary = scores.summary()
    if as_json:
        sys.stdout.write(json.dumps(summary) + "\n")
    else:
        sys.stdout.write(format_summary(summary) + "\n")
    if show_misses:
        for doc_id, e in scores.missed:
            sys.stdout.write(format_miss(doc_id, e) + "\n")


# -- knowledge base --------------------------------------------------------------------------
@kb_app.command("import-wikidata")
@edge
def import_wikidata(
    dump: Annotated[Path, typer.Argument(help="Wikidata JSON dump (one entity a line), .json or .json.gz.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the imported KB records (use it with KRONIKA_KB_DIRS).")] = Path("kb-wikidata"),
    languages: Annotated[Optional[str], typer.Option(help="Label languages, comma-separated [default: pl,en,ru,uk].")] = None,
    db: DbOption = None,
) -> None:
    """Import people with positions held (P39) and organisations from a Wikidata dump."""
    try:
        from kronika.actors.wikidata import import_wikidata as run_import
    except ImportError as e:
        raise ConfigError(f"the Wikidata importer is not installed in this Kronika ({e})") from None
    if not dump.exists():
        raise ConfigError(f"no such file: {dump}")
    settings = Settings.load(db=db, languages=languages)
    counts = run_import(dump, out_dir, settings.languages)
    out.print(_table(f"Imported from {dump} into {out_dir}", ["kind", "records"],
                     [[k, v] for k, v in counts.items()]))
    out.print(f"use them with: KRONIKA_KB_DIRS={out_dir} kronika ingest ...")


# -- web (kronika/web) ------------------------------------------------------------------------
@app.command()
@edge
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on; keep 127.0.0.1 unless others should read the store.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Start the read-only web UI and JSON API (/docs) on this store."""
    from kronika.web.server import prepare
    from kronika.web.server import serve as run_server

    path = Settings.load(db=db).db
    rebuilt = prepare(path)
    if rebuilt:
        err.print(f"built the search index for {rebuilt} documents")
    err.print(f"Kronika web UI: http://{'[' + host + ']' if ':' in host else host}:{port}/  (API docs at /docs; Ctrl+C stops)")
    run_server(path, host=host, port=port)


def main() -> None:
    """Console entry point."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - outside a command
        typer.echo("kronika: error: interrupted", err=True)
        sys.exit(130)
