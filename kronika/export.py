"""Export the store: ``eval-jsonl`` (shared/spec/EVAL-FORMAT.md, exactly), full ``jsonl``,
``csv`` (one row per event, for analysts) and ``events-merged-jsonl`` (one merged event per
line with its reports from every document, kronika/stories).

Documents are streamed one at a time, so exporting a large store keeps memory flat.
"""
from __future__ import annotations

import csv
import json
import logging
import sqlite3
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

from kronika.errors import ConfigError
from kronika.model import ActorRef, Article, DateEvidence, Event, Mention, Place, Removed, Sentence, Span
from kronika.store import queries

log = logging.getLogger("kronika")

FORMATS = ("eval-jsonl", "jsonl", "csv", "events-merged-jsonl")
CSV_COLUMNS = (
    "event_id", "doc_id", "published", "language", "type", "quad", "mode", "modality", "date",
    "source_names", "source_countries", "source_sectors", "target_names", "target_countries", "target_sectors",
    "location", "location_country", "trigger", "evidence", "confidence",
)
# A bare country in the eval `actors` list is a country itself, not the country of an IGO.
NOT_A_COUNTRY = {"IGO"}


def actors_from_mentions(mentions: Iterable[Mention | dict]) -> list[dict]:
    """The eval ``actors`` list from mentions: each named person or organisation once
    (name, country, sector), then each country mentioned as a country once (name null).

    Used when kronika.actors offers no ``document_actors``; the same rule over stored rows.
    """
    named: dict[tuple, dict] = {}
    countries: dict[str, dict] = {}
    for m in mentions:
        get = m.get if isinstance(m, dict) else lambda k, m=m: getattr(m, k)
        name, country, sector = get("name"), get("country"), get("sector")
        if name:
            named.setdefault((name.lower(), country, sector), {"name": name, "country": country, "sector": sector})
        elif country and country not in NOT_A_COUNTRY and get("kind") in ("country", "group", "place", "title"):
            countries.setdefault(country, {"name": None, "country": country, "sector": None})
    return list(named.values()) + list(countries.values())


def _document_actors_fn() -> Callable[[Article], list[dict]] | None:
    try:
        from kronika.actors import document_actors
    except ImportError:
        return None
    return document_actors


def article_from_record(doc: dict[str, Any]) -> Article:
    """Rebuild an Article from ``queries.get_document``'s record (for stages that read Articles)."""
    article = Article(
        id=doc["id"], source=doc["source"], raw=doc["raw"], title=doc.get("title"), url=doc.get("url"),
        clean=doc["clean"], language=doc.get("language"), published=doc.get("published"),
        published_source=doc.get("published_source"),
    )
    article.removed = [Removed(**r) for r in doc.get("removed", [])]
    article.headings = [Span(**h) for h in doc.get("headings", [])]
    article.date_evidence = [DateEvidence(**d) for d in doc.get("date_evidence", [])]
    article.paragraph_languages = [tuple(p) for p in doc.get("paragraph_languages", [])]
    article.sentences = [
        Sentence(start=s["start"], end=s["end"], text=s["text"], is_heading=bool(s["is_heading"]),
                 paragraph=s["paragraph"])
        for s in doc.get("sentences", [])
    ]
    article.mentions = [
        Mention(start=m["start"], end=m["end"], text=m["text"], kind=m["kind"], lemma=m["lemma"],
                actor_id=m["actor_id"], name=m["name"], country=m["country"], sector=m["sector"],
                sentence=m["sentence"], via=m["via"])
        for m in doc.get("mentions", [])
    ]
    article.events = [_event_from_row(e) for e in doc.get("events", [])]
    return article


def _ref(row: dict) -> ActorRef:
    return ActorRef(name=row["name"], country=row["country"], sector=row["sector"], actor_id=row["actor_id"],
                    start=row["start"], end=row["end"])


def _event_from_row(e: dict) -> Event:
    return Event(
        type=e["type"], source=[_ref(r) for r in e["source"]], target=[_ref(r) for r in e["target"]],
        modality=e["modality"], mode=e["mode"], date=e["date"],
        location=Place(e["location_name"], e["location_country"]) if e["location_name"] else None,
        sentence=e["sentence"], evidence=e["evidence"], evidence_start=e["evidence_start"],
        evidence_end=e["evidence_end"], trigger=e["trigger"], trigger_start=e["trigger_start"],
        trigger_end=e["trigger_end"], confidence=e["confidence"],
    )


def eval_record(article: Article, document_actors: Callable[[Article], list[dict]] | None = None) -> dict:
    """One line of the eval format, with exactly its keys, in its order."""
    actors = document_actors(article) if document_actors else actors_from_mentions(article.mentions)
    return {
        "doc_id": article.id,
        "language": article.language,
        "published": article.published,
        "actors": [{"name": a.get("name"), "country": a.get("country"), "sector": a.get("sector")} for a in actors],
        "events": [e.as_eval() for e in article.events],
    }


def full_record(doc: dict[str, Any]) -> dict:
    """Everything stored about a document, for the ``jsonl`` format."""
    record = dict(doc)  # raw + removed keep cleaning reversible
    record["events"] = [
        {k: v for k, v in e.items() if k not in ("published", "language", "title")} for e in doc["events"]
    ]
    return record


def iter_documents(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]
    for doc_id in ids:
        doc = queries.get_document(conn, doc_id)
        if doc is not None:
            yield doc


def _csv_row(e: dict) -> dict:
    def side(role: str, key: str) -> str:
        return "; ".join(a[key] or "" for a in e[role])

    return {
        "event_id": e["id"], "doc_id": e["doc_id"], "published": e["published"], "language": e["language"],
        "type": e["type"], "quad": e["quad"], "mode": e["mode"], "modality": e["modality"], "date": e["date"],
        "source_names": side("source", "name"), "source_countries": side("source", "country"),
        "source_sectors": side("source", "sector"), "target_names": side("target", "name"),
        "target_countries": side("target", "country"), "target_sectors": side("target", "sector"),
        "location": e["location_name"], "location_country": e["location_country"], "trigger": e["trigger"],
        "evidence": e["evidence"], "confidence": e["confidence"],
    }


def write_export(conn: sqlite3.Connection, fmt: str, out: IO[str]) -> int:
    """Write the whole store in a format to an open text file; returns the number of records."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for doc in iter_documents(conn):
            for e in doc["events"]:
                writer.writerow(_csv_row(e))
                count += 1
        return count
    if fmt == "events-merged-jsonl":  # one real-world event per line, with all its reports
        from kronika.stories.queries import iter_merged_events

        for merged in iter_merged_events(conn):
            out.write(json.dumps(merged, ensure_ascii=False) + "\n")
            count += 1
        return count
    document_actors = _document_actors_fn()
    for doc in iter_documents(conn):
        record = eval_record(article_from_record(doc), document_actors) if fmt == "eval-jsonl" else full_record(doc)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def export(conn: sqlite3.Connection, fmt: str, path: str | Path) -> int:
    """Export to a file (``-`` is not handled here: the CLI passes stdout to write_export)."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        return write_export(conn, fmt, out)
