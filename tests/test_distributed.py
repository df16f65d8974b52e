"""The Dask path on a real LocalCluster (2 worker processes): the same store as in-process
ingest, the same outcome accounting, failures per article, bounded batches in flight."""
import os
import pickle
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
import cloudpickle  # noqa: E402  (comes with distributed)
import dask  # noqa: E402

from kronika.distributed import ClusterError, dask_client, ingest_distributed  # noqa: E402
from kronika.model import Article, Failure  # noqa: E402
from kronika.pipeline import Pipeline, Stage, build_pipeline, ingest  # noqa: E402
from kronika.settings import Settings  # noqa: E402
from kronika.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
WARM_UP = ("Warsaw, 3 March 2021. The Polish foreign minister met his Lithuanian counterpart in Vilnius.\n\n"
           "W Warszawie premier spotkał się z ministrem obrony.\n")
# Test-made stages must reach the workers by value: the test module is not importable there.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

# Columns that differ between two runs by design (write times) are left out of comparisons.
COMPARED = {
    "documents": "id, source, content_hash, stages, raw, clean, title, url, language, published, published_source, "
                 "removed, headings, paragraph_languages, date_evidence",
    "sentences": "*",
    "mentions": "*",
    "events": "*",
    "event_actors": "*",
    "failures": "source, doc_id, stage, reason",
}


def stored(db: Path) -> dict[str, set[tuple]]:
    conn = sqlite3.connect(db)
    try:
        return {table: set(map(tuple, conn.execute(f"SELECT {cols} FROM {table}"))) for table, cols in COMPARED.items()}
    finally:
        conn.close()


def short_corpus(folder: Path, copies: int = 2, keep_chars: int = 400) -> Path:
    """The demo articles cut to their first paragraphs (fast), each ``copies`` times under
    its own id, plus inputs that must fail: an unsupported format, an empty file, a JSONL
    line that is not JSON."""
    folder.mkdir()
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = path.read_text("utf-8")
        cut = text.find("\n\n", keep_chars)
        for i in range(copies):
            (folder / f"{path.stem}_{i}.txt").write_text(text if cut < 0 else text[:cut] + "\n", "utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 not text")
    (folder / "empty.txt").write_text("", "utf-8")
    (folder / "feed.jsonl").write_text('{"id": "feed-1", "text": "The minister spoke."}\n{not json\n', "utf-8")
    return folder


@pytest.fixture(scope="module")
def client():
    """A real 2-process LocalCluster. Its workers are forked from this process once the
    stages have loaded their data here: a cold worker spends most of a minute loading on a
    busy 2-core machine. The pipeline still travels to them pickled; cold spawned workers
    are exercised by the CLI test below."""
    build_pipeline(Settings.load(environ={})).run(Article(id="warm", source="warm", raw=WARM_UP))
    with dask.config.set({"distributed.worker.multiprocessing-method": "fork"}):
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    # Not the process's default client, as the CLI's is not for a remote scheduler.
    with cluster, distributed.Client(cluster, set_as_default=False) as c:
        yield c


def test_the_built_pipeline_pickles_and_runs_the_same():
    pipeline = build_pipeline(Settings.load(environ={}))
    clone = pickle.loads(pickle.dumps(pipeline))
    assert clone.names == pipeline.names
    original = pipeline.run(Article(id="x", source="x", raw=WARM_UP))
    copied = clone.run(Article(id="x", source="x", raw=WARM_UP))
    assert (copied.clean, copied.language, copied.mentions, copied.events) == \
        (original.clean, original.language, original.mentions, original.events)


def test_same_store_as_in_process_and_a_rerun_adds_nothing(tmp_path, client):
    corpus = short_corpus(tmp_path / "corpus")
    inputs = [corpus, tmp_path / "missing.txt"]
    settings = Settings.load(environ={}, db=tmp_path / "here.db")
    pipeline = build_pipeline(settings)
    with Store(tmp_path / "here.db") as store:
        here = ingest(inputs, store, settings, pipeline=pipeline)
    seen = []
    with Store(tmp_path / "dask.db") as store:
        there = ingest_distributed(inputs, store, settings, client, pipeline=pipeline, per_task=4,
                                   progress=lambda report, source: seen.append(source))
        assert (there.ingested, there.unchanged, there.failed) == (here.ingested, here.unchanged, here.failed)
        assert here.ingested == 31 and here.failed >= 3  # 30 articles and the JSONL line; 4 bad inputs
        assert sorted((f.source, f.stage, f.reason) for f in there.failures) == \
            sorted((f.source, f.stage, f.reason) for f in here.failures)
        assert len(seen) == there.total  # progress once per input
        assert there.stages == pipeline.names

        again = ingest_distributed(inputs, store, settings, client, pipeline=pipeline, per_task=4)
        assert (again.ingested, again.unchanged, again.failed) == (0, here.ingested, here.failed)
    a, b = stored(tmp_path / "here.db"), stored(tmp_path / "dask.db")
    assert len(a["documents"]) == 31 and a["mentions"] and a["events"]  # a real comparison, not of empties
    for table in COMPARED:
        assert b[table] == a[table], table


# -- small stages (module level, shipped by value) for the accounting tests -----------------------
def copy_raw(article: Article) -> Article:
    article.clean = article.raw.strip()
    return article


def refuse_the_word_boom(article: Article) -> Article:
    if "boom" in article.clean:
        raise ValueError("cannot handle boom")
    article.language = "en"
    return article


def simple_pipeline() -> Pipeline:
    return Pipeline([Stage("clean", copy_raw), Stage("events", refuse_the_word_boom)])


def write_texts(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, "utf-8")
    return folder


def test_a_stage_error_fails_that_article_only_as_in_process(tmp_path, client):
    corpus = write_texts(tmp_path / "c", {"calm": "All quiet.", "loud": "Then boom.", "also": "Quiet again."})
    settings = Settings.load(environ={})
    with Store(tmp_path / "here.db") as store:
        here = ingest([corpus], store, settings, pipeline=simple_pipeline())
    with Store(tmp_path / "dask.db") as store:
        there = ingest_distributed([corpus], store, settings, client, pipeline=simple_pipeline(), per_task=2)
    assert (there.ingested, there.failed) == (here.ingested, here.failed) == (2, 1)
    failure = there.failures[0]
    assert isinstance(failure, Failure)
    assert (failure.doc_id, failure.stage, failure.reason) == ("loud", "events", "ValueError: cannot handle boom")
    assert stored(tmp_path / "dask.db") == stored(tmp_path / "here.db")


def test_an_edited_article_replaces_and_force_reprocesses(tmp_path, client):
    corpus = write_texts(tmp_path / "c", {"one": "First text.", "two": "Second text."})
    settings = Settings.load(environ={})
    with Store(tmp_path / "k.db") as store:
        ingest_distributed([corpus], store, settings, client, pipeline=simple_pipeline())
        (corpus / "two.txt").write_text("Second text, edited.", "utf-8")
        edited = ingest_distributed([corpus], store, settings, client, pipeline=simple_pipeline())
        assert (edited.ingested, edited.replaced, edited.unchanged) == (1, 1, 1)
        forced = ingest_distributed([corpus], store, settings.with_(force=True), client, pipeline=simple_pipeline())
        assert (forced.ingested, forced.unchanged) == (2, 0)


class CountingClient:
    """The real client, counting the articles submitted (to check how many are in flight)."""

    def __init__(self, client):
        self.client, self.submitted = client, 0

    def submit(self, fn, pipeline, batch, *args, **kwargs):
        self.submitted += len(batch)
        return self.client.submit(fn, pipeline, batch, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.client, name)


def test_batches_in_flight_are_bounded(tmp_path, client):
    corpus = write_texts(tmp_path / "c", {f"doc{i:02d}": f"Text number {i}." for i in range(30)})
    counting = CountingClient(client)
    ahead = []

    def progress(report, source):
        ahead.append(counting.submitted - report.total)

    with Store(tmp_path / "k.db") as store:
        report = ingest_distributed([corpus], store, Settings.load(environ={}), counting,
                                    pipeline=simple_pipeline(), per_task=3, in_flight=2, progress=progress)
    assert report.ingested == 30 and len(ahead) == 30
    assert max(ahead) <= 2 * 3  # never more than in_flight tasks of per_task articles unwritten


def pretend_other_code(on: bool) -> None:
    """On a worker: its Kronika fingerprint reads as another version's (or as its own again)."""
    import kronika.distributed as d

    real = d.__dict__.setdefault("real_fingerprint", d.code_fingerprint)
    d.code_fingerprint = (lambda: "another version") if on else real


def test_workers_with_other_code_or_data_are_refused(tmp_path, client):
    corpus = write_texts(tmp_path / "c", {"a": "Some text."})
    client.run(pretend_other_code, True)
    try:
        with Store(tmp_path / "k.db") as store, pytest.raises(ClusterError, match="other Kronika code or data"):
            ingest_distributed([corpus], store, Settings.load(environ={}), client, pipeline=simple_pipeline())
    finally:
        client.run(pretend_other_code, False)


def test_an_unreachable_scheduler_is_one_clear_error():
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        with dask_client("tcp://127.0.0.1:9", timeout=2):
            pass


# -- the command line ---------------------------------------------------------------------------
def kronika(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kronika.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=240, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_cli_ingest_on_a_local_cluster_end_to_end(tmp_path):
    """Cold spawned workers, as on a real cluster (cheap stages only, to stay fast; reruns
    and the costly stages are checked above)."""
    corpus = write_texts(tmp_path / "c", {"en": "London, 2 May 2022. The government met the unions.",
                                          "pl": "Warszawa, 2 maja 2022. Rząd spotkał się ze związkowcami."})
    stages = "--stages=clean,language,published"
    first = kronika("ingest", str(corpus), "missing.txt", "--db", "k.db", "--dask", "local:2", stages, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert re.search(r"ingested\s*│\s*2\b", first.stdout) and re.search(r"failed\s*│\s*1\b", first.stdout)
    assert "missing.txt" in first.stdout and "on Dask (local:2)" in first.stdout
    languages = sqlite3.connect(tmp_path / "k.db").execute("SELECT id, language FROM documents ORDER BY id").fetchall()
    assert languages == [("en", "en"), ("pl", "pl")]


@pytest.mark.parametrize("address, message", [
    ("tcp://127.0.0.1:9", "cannot reach the Dask scheduler at tcp://127.0.0.1:9"),
    ("local:zero", "is not a Dask address"),
])
def test_cli_bad_address_is_one_error_line_and_no_database(tmp_path, monkeypatch, address, message):
    from typer.testing import CliRunner

    from kronika.cli import app

    monkeypatch.setattr("kronika.distributed.CONNECT_TIMEOUT_S", 1.0)
    corpus = write_texts(tmp_path / "c", {"a": "Some text."})
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "k.db"), "--dask", address])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kronika: error:") and message in lines[0]
    assert not (tmp_path / "k.db").exists()

