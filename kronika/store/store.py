"""The SQLite store: one writer, many readers, schema from schema.sql.

``Store(path)`` opens (or creates) the file in WAL mode, so readers (the CLI, the web app)
see committed documents while one process writes. ``store.write(article)`` writes a
document with all its sentences, mentions and events in one transaction, so a crash
leaves either the old version or the new one, never half of either.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator, Literal

import yaml

from kronika.errors import ResourceError, StoreError
from kronika.model import Article, Failure

log = logging.getLogger("kronika")

WriteStatus = Literal["ingested", "replaced", "unchanged"]
SCHEMA_VERSION = 1


def content_hash(clean_text: str) -> str:
    return hashlib.sha256(clean_text.encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@lru_cache(maxsize=1)
def plover_types() -> dict[str, dict]:
    """PLOVER types from resources/plover.yaml: {type: {quad, quad_code, score, modes}}."""
    try:
        data = yaml.safe_load(resources.files("kronika").joinpath("resources/plover.yaml").read_text("utf-8"))
        quads = data["quads"]
        return {
            name: {"quad": t["quad"], "quad_code": quads[t["quad"]]["code"], "score": t.get("score"),
                   "modes": tuple(t.get("modes") or ())}
            for name, t in data["types"].items()
        }
    except (OSError, KeyError, TypeError, yaml.YAMLError) as e:
        raise ResourceError(f"kronika/resources/plover.yaml is unreadable ({e}); reinstall Kronika") from e


def quad_names() -> dict[str, int]:
    """Quad class name -> code (1..4)."""
    return {t["quad"]: t["quad_code"] for t in plover_types().values()}


def _schema_sql() -> str:
    return resources.files("kronika.store").joinpath("schema.sql").read_text("utf-8")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def connect(path: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection with rows as sqlite3.Row. Read-only connections never create the file."""
    try:
        if readonly:
            if not Path(path).exists():
                raise StoreError(f"no database at {path}; ingest something first (kronika ingest PATH --db {path})")
            conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, check_same_thread=False)
        else:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        return conn
    except sqlite3.Error as e:
        raise StoreError(f"cannot open database {path}: {e}") from e


def _search_index(db: sqlite3.Connection, article: Article) -> None:
    """Full-text search rows for a document (kronika/search.py), in the same transaction."""
    from kronika.search import index_article

    index_article(db, article)


def _attach_merged(db: sqlite3.Connection, doc_id: str) -> None:
    """Attach a stored document's events to merged events (kronika/stories/merge.py), same transaction."""
    from kronika.stories.merge import attach_document

    attach_document(db, doc_id)


def _detach_merged(db: sqlite3.Connection, doc_id: str) -> None:
    from kronika.stories.merge import detach_document

    detach_document(db, doc_id)


class Store:
    """The one writer of a Kronika database file."""

    def __init__(self, path: str | Path = "kronika.db"):
        self.path = Path(path)
        self._in_batch = False
        if self.path.parent and not self.path.parent.exists():
            raise StoreError(f"cannot create database {path}: folder {self.path.parent} does not exist")
        self.conn = connect(self.path)
        try:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")  # WAL keeps it crash-safe; only the last commits may be lost on power loss
            self.conn.execute("PRAGMA cache_size = -32768")  # 32 MB: the many indexes of a large store stay in memory
            self.conn.executescript(_schema_sql())
            found = int(self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])
            if found != SCHEMA_VERSION:
                raise StoreError(f"{path} has schema version {found}, this Kronika needs {SCHEMA_VERSION}; "
                                 "ingest into a new database file")
            with self.transaction():
                self.conn.executemany(
                    "INSERT OR REPLACE INTO event_types (type, quad, quad_code, score) VALUES (?, ?, ?, ?)",
                    [(name, t["quad"], t["quad_code"], t["score"]) for name, t in plover_types().items()],
                )
                if self.conn.execute("SELECT EXISTS (SELECT 1 FROM merged_members)"
                                     " AND NOT EXISTS (SELECT 1 FROM merge_twins)").fetchone()[0]:
                    # merged by a Kronika before twin classes: new reports would not find the old ones
                    from kronika.stories.merge import rebuild

                    log.info("store: %s merged events recomputed with twin classes", rebuild(self.conn))
        except sqlite3.DatabaseError as e:
            self.conn.close()
            raise StoreError(f"{path} is not a usable Kronika database: {e}") from e

    # -- plumbing --------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception (which is re-raised).
        Inside ``batch()`` it is a savepoint: the unit stays atomic, the commit waits for the batch."""
        if self._in_batch:
            self.conn.execute("SAVEPOINT unit")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK TO unit")
                self.conn.execute("RELEASE unit")
                raise
            self.conn.execute("RELEASE unit")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextmanager
    def batch(self) -> Iterator["Store"]:
        """Group many writes into one commit (a commit per document costs more than the document).
        Each write stays atomic; a crash loses at most the uncommitted batch, which a rerun redoes."""
        if self._in_batch:
            yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._in_batch = True
        try:
            yield self
        except BaseException:
            self._in_batch = False
            self.conn.execute("ROLLBACK")
            raise
        self._in_batch = False
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def reader(self) -> sqlite3.Connection:
        """A read-only connection for queries (many may exist beside the writer)."""
        return connect(self.path, readonly=True)

    # -- writing ---------------------------------------------------------------------------
    def lookup(self, doc_id: str) -> tuple[str, str] | None:
        """(content_hash, stages) of the stored version of a document, or None."""
        row = self.conn.execute("SELECT content_hash, stages FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def is_unchanged(self, article: Article, stages: str = "") -> bool:
        """True when the same id is stored with the same clean text by the same stages."""
        return self.lookup(article.id) == (content_hash(article.clean), stages)

    def write(self, article: Article, stages: str = "", force: bool = False) -> WriteStatus:
        """Store a document and everything derived from it, in one transaction.

        Same id, same clean text, same stages: nothing is written ("unchanged").
        Same id, other text: the old version and all it carried are replaced ("replaced").
        """
        digest = content_hash(article.clean)
        try:
            with self.transaction() as db:
                old = db.execute("SELECT content_hash, stages FROM documents WHERE id = ?", (article.id,)).fetchone()
                if old and (old[0], old[1]) == (digest, stages) and not force:
                    return "unchanged"
                if old:
                    self._delete_document(db, article.id)
                self._insert_document(db, article, digest, stages)
                if article.events:
                    _attach_merged(db, article.id)
                _search_index(db, article)
                db.execute("DELETE FROM failures WHERE source = ? OR doc_id = ?", (article.source, article.id))
        except sqlite3.Error as e:
            raise StoreError(f"cannot write document {article.id} to {self.path}: {e}") from e
        return "replaced" if old else "ingested"

    def write_failure(self, failure: Failure) -> None:
        try:
            with self.transaction() as db:
                db.execute(
                    "INSERT OR REPLACE INTO failures (source, doc_id, stage, reason, at) VALUES (?, ?, ?, ?, ?)",
                    (failure.source, failure.doc_id or "", failure.stage, failure.reason, _now()),
                )
        except sqlite3.Error as e:
            raise StoreError(f"cannot record the failure of {failure.source} in {self.path}: {e}") from e

    def delete(self, doc_id: str) -> bool:
        with self.transaction() as db:
            found = db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if found:
                self._delete_document(db, doc_id)
        return bool(found)

    @staticmethod
    def _delete_document(db: sqlite3.Connection, doc_id: str) -> None:
        _detach_merged(db, doc_id)
        from kronika.search import unindex_document

        unindex_document(db, doc_id)
        db.execute("DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE doc_id = ?)", (doc_id,))
        for table in ("events", "mentions", "sentences"):
            db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))  # other tables go by ON DELETE CASCADE

    def _insert_document(self, db: sqlite3.Connection, a: Article, digest: str, stages: str) -> None:
        db.execute(
            "INSERT INTO documents (id, source, content_hash, stages, raw, clean, title, url, language, published,"
            " published_source, removed, headings, paragraph_languages, date_evidence, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a.id, a.source, digest, stages, a.raw, a.clean, a.title, a.url, a.language, a.published,
                a.published_source,
                _json([dataclasses.asdict(r) for r in a.removed]),
                _json([dataclasses.asdict(h) for h in a.headings]),
                _json([list(p) for p in a.paragraph_languages]),
                _json([dataclasses.asdict(d) for d in a.date_evidence]),
                _now(),
            ),
        )
        db.executemany(
            'INSERT INTO sentences (doc_id, idx, start, "end", text, is_heading, paragraph) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [(a.id, i, s.start, s.end, s.text, int(s.is_heading), s.paragraph) for i, s in enumerate(a.sentences)],
        )
        db.executemany(
            'INSERT INTO mentions (doc_id, idx, start, "end", text, kind, lemma, actor_id, name, country, sector,'
            " sentence, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (a.id, i, m.start, m.end, m.text, m.kind, m.lemma, m.actor_id, m.name, m.country, m.sector,
                 m.sentence, m.via)
                for i, m in enumerate(a.mentions)
            ],
        )
        db.executemany(
            "INSERT INTO actors (id, name, type, country, sector) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type,"
            " country = excluded.country, sector = excluded.sector",
            list({m.actor_id: (m.actor_id, m.name, m.kind, m.country, m.sector) for m in a.mentions if m.actor_id}.values()),
        )
        types = plover_types()
        event_rows, actor_rows = [], []
        for n, e in enumerate(a.events):
            event_id = f"{a.id}#{n}"
            quad = types[e.type]["quad"] if e.type in types else None
            if quad is None:
                log.warning("document %s: event type %r is not PLOVER; stored without a quad class", a.id, e.type)
            event_rows.append((
                event_id, a.id, n, e.type, quad, e.mode, e.date,
                e.location.name if e.location else None, e.location.country if e.location else None,
                e.modality, e.sentence, e.evidence, e.evidence_start, e.evidence_end,
                e.trigger, e.trigger_start, e.trigger_end, e.confidence,
            ))
            actor_rows += [
                (event_id, role, i, r.actor_id, r.name, r.country, r.sector, r.start, r.end)
                for role, refs in (("source", e.source), ("target", e.target))
                for i, r in enumerate(refs)
            ]
        # all events before their actors: the read-table triggers on event_actors look the event up
        db.executemany(
            "INSERT INTO events (id, doc_id, idx, type, quad, mode, date, location_name, location_country, modality,"
            " sentence, evidence, evidence_start, evidence_end, trigger, trigger_start, trigger_end, confidence)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            event_rows,
        )
        db.executemany(
            'INSERT INTO event_actors (event_id, role, idx, actor_id, name, country, sector, start, "end")'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            actor_rows,
        )
