import sqlite3

import pytest

from kronika.errors import StoreError
from kronika.model import Failure
from kronika.store import Store, content_hash, plover_types
from kronika.store import queries


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "k.db") as s:
        yield s


def count(store, table):
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_opens_in_wal_mode_with_schema_version(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "1"


def test_reopening_an_existing_file_keeps_its_data(tmp_path, make_article):
    with Store(tmp_path / "k.db") as s:
        s.write(make_article())
    with Store(tmp_path / "k.db") as s:
        assert count(s, "documents") == 1


def test_write_stores_every_part(store, make_article):
    assert store.write(make_article()) == "ingested"
    assert (count(store, "documents"), count(store, "sentences"), count(store, "mentions")) == (1, 2, 3)
    assert (count(store, "events"), count(store, "event_actors")) == (2, 3)
    assert count(store, "actors") == 3  # Putin, Lukashenko, Russia (linked mentions)
    row = store.conn.execute("SELECT content_hash, removed FROM documents").fetchone()
    assert row[0] == content_hash(make_article().clean)
    assert "share_prompt" in row[1]


def test_same_text_again_is_unchanged(store, make_article):
    store.write(make_article())
    assert store.write(make_article()) == "unchanged"
    assert count(store, "events") == 2


def test_other_stages_reprocess_the_same_text(store, make_article):
    store.write(make_article(), stages="clean")
    assert store.write(make_article(), stages="clean,actors") == "replaced"


def test_edited_article_replaces_the_old_version_and_its_parts(store, make_article):
    store.write(make_article())
    edited = make_article(clean="Putin met Lukashenko in Sochi.", with_events=False)
    assert store.write(edited) == "replaced"
    assert count(store, "documents") == 1
    assert count(store, "events") == 0 and count(store, "event_actors") == 0
    assert count(store, "mentions") == 2
    assert store.conn.execute("SELECT clean FROM documents").fetchone()[0] == "Putin met Lukashenko in Sochi."


def test_crash_inside_the_transaction_leaves_the_old_version(store, make_article, monkeypatch):
    store.write(make_article())
    original = Store._insert_document

    def insert_then_crash(self, db, article, digest, stages):
        original(self, db, article, digest, stages)  # everything written ...
        raise RuntimeError("power cut")  # ... and then the process dies before COMMIT

    monkeypatch.setattr(Store, "_insert_document", insert_then_crash)
    with pytest.raises(RuntimeError):
        store.write(make_article(clean="Putin met Lukashenko in Sochi.", with_events=False))
    assert store.conn.execute("SELECT clean FROM documents").fetchone()[0].endswith("Russia sent troops.")
    assert (count(store, "events"), count(store, "mentions")) == (2, 3)

    monkeypatch.setattr(Store, "_insert_document", original)
    assert store.write(make_article(clean="Putin met Lukashenko in Sochi.", with_events=False)) == "replaced"
    assert (count(store, "documents"), count(store, "events"), count(store, "mentions")) == (1, 0, 2)


def test_crash_on_a_new_document_leaves_nothing_and_a_rerun_finishes(store, make_article, monkeypatch):
    def crash(self, db, article, digest, stages):
        db.execute("INSERT INTO documents (id, source, content_hash, raw, clean, ingested_at)"
                   " VALUES ('doc1', 's', 'h', '', '', 'now')")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Store, "_insert_document", crash)
    with pytest.raises(StoreError, match="cannot write document doc1"):
        store.write(make_article())
    assert count(store, "documents") == 0
    monkeypatch.undo()
    assert store.write(make_article()) == "ingested"
    assert store.write(make_article()) == "unchanged"
    assert count(store, "documents") == 1 and count(store, "events") == 2


def test_failures_are_kept_once_per_source_and_stage(store):
    store.write_failure(Failure(source="/in/bad.txt", reason="empty file", doc_id="bad"))
    store.write_failure(Failure(source="/in/bad.txt", reason="empty file", doc_id="bad"))
    store.write_failure(Failure(source="/in/x.jsonl:3", reason="line 3: not JSON"))
    rows = queries.list_failures(store.reader())
    assert sorted((r["source"], r["reason"]) for r in rows) == [
        ("/in/bad.txt", "empty file"), ("/in/x.jsonl:3", "line 3: not JSON")]


def test_a_document_that_later_succeeds_clears_its_failure(store, make_article):
    store.write_failure(Failure(source="/corpus/doc1.txt", reason="stage crashed", doc_id="doc1", stage="events"))
    store.write(make_article())
    assert count(store, "failures") == 0


def test_events_get_their_quad_class_from_plover_yaml(store, make_article):
    store.write(make_article())
    quads = dict(store.conn.execute("SELECT type, quad FROM events"))
    assert quads == {"CONSULT": "verbal_cooperation", "MOBILIZE": "material_conflict"}


def test_plover_yaml_has_the_16_types_and_sanction_is_material_conflict():
    types = plover_types()
    assert len(types) == 16
    assert types["SANCTION"]["quad"] == "material_conflict"
    assert {t["quad_code"] for t in types.values()} == {1, 2, 3, 4}
    assert "visit" in types["CONSULT"]["modes"]


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable Kronika database"):
        Store(bad)


def test_a_missing_folder_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nowhere" / "k.db")


def test_reader_sees_committed_documents_beside_the_writer(store, make_article):
    reader = store.reader()
    store.write(make_article())
    assert [d["id"] for d in queries.list_documents(reader)] == ["doc1"]
    with pytest.raises(sqlite3.OperationalError):
        reader.execute("DELETE FROM documents")


def test_a_batch_commits_once_and_each_write_stays_atomic(store, make_article, monkeypatch):
    original = Store._insert_document

    def crash_on_b(self, db, article, digest, stages):
        original(self, db, article, digest, stages)
        if article.id == "b":
            raise RuntimeError("crash while writing b")

    monkeypatch.setattr(Store, "_insert_document", crash_on_b)
    with store.batch():
        store.write(make_article("a"))
        with pytest.raises(RuntimeError):
            store.write(make_article("b"))
        store.write(make_article("c"))
        assert store.reader().execute("SELECT count(*) FROM documents").fetchone()[0] == 0  # not committed yet
    ids = [r[0] for r in store.conn.execute("SELECT id FROM documents ORDER BY id")]
    assert ids == ["a", "c"]
    assert store.conn.execute("SELECT count(DISTINCT doc_id) FROM events").fetchone()[0] == 2


def test_a_crash_that_ends_a_batch_loses_only_that_batch(store, make_article):
    store.write(make_article("a"))
    with pytest.raises(KeyboardInterrupt):
        with store.batch():
            store.write(make_article("b"))
            raise KeyboardInterrupt
    assert [r[0] for r in store.conn.execute("SELECT id FROM documents")] == ["a"]
    with store.batch():
        assert store.write(make_article("a")) == "unchanged"
        assert store.write(make_article("b")) == "ingested"
    assert count(store, "documents") == 2
