"""The pipeline's own behaviour, with small stages written here (module-level, so they pickle)."""
import gzip
import pickle
from pathlib import Path

import pytest

from kronika.errors import ConfigError
from kronika.model import Article, Failure
from kronika.pipeline import IngestReport, Pipeline, Stage, build_pipeline, ingest
from kronika.settings import STAGE_ORDER, Settings
from kronika.store import Store, queries


def copy_raw(article: Article) -> Article:
    article.clean = article.raw.strip()
    return article


def english(article: Article) -> Article:
    article.language = "en"
    return article


def refuse_the_word_boom(article: Article) -> Article:
    if "boom" in article.clean:
        raise ValueError("cannot handle boom")
    return article


def simple_pipeline() -> Pipeline:
    return Pipeline([Stage("clean", copy_raw), Stage("language", english), Stage("events", refuse_the_word_boom)])


def test_stages_run_in_order_and_fill_the_article():
    result = simple_pipeline().run(Article(id="a", source="a.txt", raw="  Hello.  "))
    assert (result.clean, result.language) == ("Hello.", "en")


def test_an_error_in_a_stage_becomes_a_failure_naming_it():
    result = simple_pipeline().run(Article(id="b", source="b.txt", raw="boom"))
    assert isinstance(result, Failure)
    assert (result.stage, result.doc_id, result.source) == ("events", "b", "b.txt")
    assert "cannot handle boom" in result.reason


def test_stages_out_of_order_are_refused():
    with pytest.raises(ConfigError, match="out of order"):
        Pipeline([Stage("language", english), Stage("clean", copy_raw)])


def test_a_pipeline_pickles_and_still_works():
    clone = pickle.loads(pickle.dumps(simple_pipeline()))
    assert clone.names == ["clean", "language", "events"]
    assert clone.run(Article(id="a", source="a", raw="x")).language == "en"


def test_split_after_clean():
    head, tail = simple_pipeline().split("clean")
    assert (head.names, tail.names) == (["clean"], ["language", "events"])


def test_build_pipeline_lists_the_named_stages_in_order():
    pipeline = build_pipeline(Settings.load(environ={}))
    built = pipeline.names + [name for name, _ in pipeline.skipped]
    assert sorted(built, key=STAGE_ORDER.index) == list(STAGE_ORDER)
    assert pipeline.names == [s for s in STAGE_ORDER if s in pipeline.names]


def test_build_pipeline_honours_the_stage_setting():
    pipeline = build_pipeline(Settings.load(environ={}, stages="clean"))
    assert pipeline.names + [n for n, _ in pipeline.skipped] == ["clean"]


def test_the_real_pipeline_pickles():
    """A distributed engine ships the stages to workers: they must pickle."""
    pipeline = build_pipeline(Settings.load(environ={}))
    assert pickle.loads(pickle.dumps(pipeline)).names == pipeline.names


# -- ingest ----------------------------------------------------------------------------------
@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text(" date 2023-06-16 The first article.", encoding="utf-8")
    (folder / "sub" / "two.txt").write_text("The second article.", encoding="utf-8")
    (folder / "three.txt.gz").write_bytes(gzip.compress("The third boom article.".encode()))
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def run(paths, db, **settings):
    with Store(db) as store:
        return ingest(paths, store, Settings.load(environ={}, db=db, **settings), pipeline=simple_pipeline())


def test_every_input_ends_ingested_unchanged_or_failed(corpus, tmp_path):
    seen = []
    with Store(tmp_path / "k.db") as store:
        report = ingest([corpus, tmp_path / "missing"], store, Settings.load(environ={}),
                        progress=lambda r, source: seen.append(source), pipeline=simple_pipeline())
    assert isinstance(report, IngestReport)
    assert (report.ingested, report.unchanged, report.failed) == (2, 0, 3)
    reasons = {f.source.rsplit("/", 1)[-1]: (f.stage, f.reason) for f in report.failures}
    assert reasons["three.txt.gz"] == ("events", "ValueError: cannot handle boom")
    assert reasons["missing"] == ("read", "no such file or folder")
    assert reasons["empty.txt"][0] == "read"
    assert len(seen) == 5
    stored = queries.list_failures(Store(tmp_path / "k.db").reader())
    assert len(stored) == 3


@pytest.mark.parametrize("per_commit", [1, 2, 500])
def test_the_writer_commits_as_it_goes(corpus, tmp_path, monkeypatch, per_commit):
    """Every document is stored whatever the commit span; a reader sees spans already committed."""
    import kronika.pipeline as pipeline_module

    monkeypatch.setattr(pipeline_module, "COMMIT_DOCUMENTS", per_commit)
    visible = []
    with Store(tmp_path / "k.db") as store:
        reader = store.reader()
        report = ingest([corpus], store, Settings.load(environ={}), pipeline=simple_pipeline(),
                        progress=lambda r, source: visible.append(
                            reader.execute("SELECT count(*) FROM documents").fetchone()[0]))
    assert (report.ingested, report.failed) == (2, 2)
    assert Store(tmp_path / "k.db").conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    if per_commit == 1:
        assert visible[-1] >= 1  # earlier documents were committed before the last one was written
    if per_commit == 500:
        assert visible == [0] * len(visible)  # one span: nothing visible before its commit


def test_ingesting_the_same_folder_twice_adds_nothing(corpus, tmp_path):
    run([corpus], tmp_path / "k.db")
    again = run([corpus], tmp_path / "k.db")
    assert (again.ingested, again.unchanged, again.failed) == (0, 2, 2)
    with Store(tmp_path / "k.db") as store:
        assert store.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
        assert store.conn.execute("SELECT count(*) FROM failures").fetchone()[0] == 2


def test_an_edited_article_replaces_its_old_version(corpus, tmp_path):
    run([corpus], tmp_path / "k.db")
    (corpus / "one.txt").write_text(" date 2023-06-16 The first article, corrected.", encoding="utf-8")
    again = run([corpus], tmp_path / "k.db")
    assert (again.ingested, again.replaced, again.unchanged) == (1, 1, 1)
    with Store(tmp_path / "k.db") as store:
        assert queries.get_document(store.conn, "one")["clean"].endswith("corrected.")


def test_force_reprocesses_unchanged_documents(corpus, tmp_path):
    run([corpus], tmp_path / "k.db")
    again = run([corpus], tmp_path / "k.db", force=True)
    assert (again.ingested, again.replaced, again.unchanged) == (2, 2, 0)


def test_workers_give_the_same_outcome(corpus, tmp_path):
    report = run([corpus], tmp_path / "k.db", workers=2)
    assert (report.ingested, report.unchanged, report.failed) == (2, 0, 2)


# -- the real stages on a folder of bad inputs ---------------------------------------------------
def test_a_folder_of_bad_inputs_is_ingested_in_one_run(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    polish = "Premier spotkał się w środę z prezydentem. Rozmowy dotyczyły bezpieczeństwa granicy i współpracy."
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "invalid_utf8.txt").write_bytes("Zażółć gęślą jaźń. ".encode() * 3 + b"\xff\xfe\xc3\x28 broken")
    (bad / "legacy_cp1250.txt").write_bytes((" date 2021-11-09\n" + polish).encode("cp1250"))
    with open(bad / "huge.txt", "wb") as f:
        f.seek(50 * 1024 * 1024)
        f.write(b"x")
    (bad / "truncated.txt.gz").write_bytes(gzip.compress(polish.encode())[:40])
    (bad / "records.jsonl").write_text(
        '{"id": "r1", "text": "The minister met the ambassador on Tuesday to discuss trade."}\n'
        "{broken json\n"
        '{"text": "a record without an id"}\n'
        '{"id": "r2", "text": "Parliament approved the new budget after a long debate.", "published": "2022-05-01"}\n',
        encoding="utf-8",
    )
    settings = Settings.load(environ={}, db=tmp_path / "k.db", stages="clean,language,published")
    with Store(tmp_path / "k.db") as store:
        report = ingest([bad], store, settings)
        docs = {d["id"]: d for d in queries.list_documents(store.conn)}
        failures = queries.list_failures(store.conn)
    sources = {f["source"].split("/")[-1].split(":")[0] for f in failures}
    sources |= {Path(queries.get_document(store.reader(), i)["source"].split(":")[0]).name for i in docs}
    assert sources == {p.name for p in bad.iterdir()}  # every file accounted for
    assert report.total == len(docs) + len(failures)
    assert {"legacy_cp1250", "r1", "r2"} <= set(docs)
    cp1250 = queries.get_document(store.reader(), "legacy_cp1250")
    assert "spotkał się w środę" in cp1250["clean"] and cp1250["published"] == "2021-11-09"
    assert docs["r2"]["published"] == "2022-05-01"
    for name in ("empty.txt", "binary.txt", "huge.txt", "truncated.txt.gz"):
        assert name in sources and name.split(".")[0] not in docs
