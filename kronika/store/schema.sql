-- Kronika's store: one SQLite file, written by one writer (kronika.store.Store).
-- Every statement is idempotent (CREATE ... IF NOT EXISTS) so opening an existing file is safe.
-- Offsets (start, end) index documents.clean. Dates are ISO strings whose length is the precision.
-- Bump schema_version when a change needs a migration.

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', '1');

CREATE TABLE IF NOT EXISTS documents (
    id                  TEXT PRIMARY KEY,
    source              TEXT NOT NULL,
    content_hash        TEXT NOT NULL,          -- sha256 of the clean text
    stages              TEXT NOT NULL DEFAULT '',  -- the stages that produced this version, comma-separated
    raw                 TEXT NOT NULL,
    clean               TEXT NOT NULL,
    title               TEXT,
    url                 TEXT,
    language            TEXT,
    published           TEXT,
    published_source    TEXT,
    removed             TEXT NOT NULL DEFAULT '[]',  -- JSON: [{raw_start, raw_end, text, rule}]
    headings            TEXT NOT NULL DEFAULT '[]',  -- JSON: [{start, end, text}]
    paragraph_languages TEXT NOT NULL DEFAULT '[]',  -- JSON: [[start, end, lang]]
    date_evidence       TEXT NOT NULL DEFAULT '[]',  -- JSON: [{value, source, text}]
    ingested_at         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_hash ON documents (content_hash);
CREATE INDEX IF NOT EXISTS documents_language ON documents (language);
CREATE INDEX IF NOT EXISTS documents_published ON documents (published);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id     TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    is_heading INTEGER NOT NULL DEFAULT 0,
    paragraph  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_id, idx)
);

-- An input that could not be ingested, and why. One row per (source, doc, stage): a rerun updates it.
CREATE TABLE IF NOT EXISTS failures (
    source TEXT NOT NULL,
    doc_id TEXT NOT NULL DEFAULT '',
    stage  TEXT NOT NULL,
    reason TEXT NOT NULL,
    at     TEXT NOT NULL,
    PRIMARY KEY (source, doc_id, stage)
);
-- A stored document clears its failures by source or id: both by index, not a scan per write.
CREATE INDEX IF NOT EXISTS failures_doc ON failures (doc_id);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    text     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    lemma    TEXT NOT NULL DEFAULT '',
    actor_id TEXT,
    name     TEXT,
    country  TEXT,
    sector   TEXT,
    sentence INTEGER NOT NULL DEFAULT -1,
    via      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions (actor_id);
CREATE INDEX IF NOT EXISTS mentions_country ON mentions (country);

-- The linked actors seen in stored mentions, for listing (the KB itself lives in data files).
CREATE TABLE IF NOT EXISTS actors (
    id      TEXT PRIMARY KEY,
    name    TEXT,
    type    TEXT,
    country TEXT,
    sector  TEXT
);

-- PLOVER types and their quad classes, filled from kronika/resources/plover.yaml on open.
CREATE TABLE IF NOT EXISTS event_types (
    type  TEXT PRIMARY KEY,
    quad  TEXT NOT NULL,
    quad_code INTEGER NOT NULL,
    score REAL
);

CREATE TABLE IF NOT EXISTS events (
    id               TEXT PRIMARY KEY,      -- "<doc_id>#<n>": stable across reruns of the same text
    doc_id           TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx              INTEGER NOT NULL,
    type             TEXT NOT NULL,
    quad             TEXT,
    mode             TEXT,
    date             TEXT,
    location_name    TEXT,
    location_country TEXT,
    modality         TEXT NOT NULL DEFAULT 'asserted',
    sentence         INTEGER NOT NULL DEFAULT -1,
    evidence         TEXT NOT NULL DEFAULT '',
    evidence_start   INTEGER NOT NULL DEFAULT -1,
    evidence_end     INTEGER NOT NULL DEFAULT -1,
    trigger          TEXT NOT NULL DEFAULT '',
    trigger_start    INTEGER NOT NULL DEFAULT -1,
    trigger_end      INTEGER NOT NULL DEFAULT -1,
    confidence       REAL NOT NULL DEFAULT 1.0
);
CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id);
CREATE INDEX IF NOT EXISTS events_type ON events (type);
CREATE INDEX IF NOT EXISTS events_quad ON events (quad);
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE INDEX IF NOT EXISTS events_modality ON events (modality);

CREATE TABLE IF NOT EXISTS event_actors (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('source', 'target')),
    idx      INTEGER NOT NULL,
    actor_id TEXT,
    name     TEXT,
    country  TEXT,
    sector   TEXT,
    start    INTEGER NOT NULL DEFAULT -1,
    "end"    INTEGER NOT NULL DEFAULT -1,
    PRIMARY KEY (event_id, role, idx)
);
CREATE INDEX IF NOT EXISTS event_actors_country ON event_actors (country, role);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors (actor_id);
CREATE INDEX IF NOT EXISTS event_actors_name ON event_actors (name COLLATE NOCASE);

-- Full-text search (kronika/search.py): words with their lemmas, and the ids and names of the
-- actors a document's mentions link to. search_docs gives each indexed document a stable rowid.
CREATE TABLE IF NOT EXISTS search_docs (
    rowid  INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5 (
    title, body, actors,
    tokenize = "unicode61 remove_diacritics 2 tokenchars '_'"
);

-- Merged events (kronika.stories.merge): reports of one real-world event across documents.
-- A link is one pairwise "same event" decision, kept with its score and the fields that agreed
-- (JSON), so every merge can be explained. event_a < event_b.
CREATE TABLE IF NOT EXISTS merge_links (
    event_a TEXT NOT NULL,
    event_b TEXT NOT NULL,
    score   REAL NOT NULL,
    agreed  TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (event_a, event_b)
);
CREATE INDEX IF NOT EXISTS merge_links_b ON merge_links (event_b);

-- Each event's merged event (merged_id: the smallest event id among its reports) and the
-- connected component of links it sits in (re-clustered as a whole when a document arrives).
CREATE TABLE IF NOT EXISTS merged_members (
    event_id  TEXT PRIMARY KEY,
    merged_id TEXT NOT NULL,
    component TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS merged_members_merged ON merged_members (merged_id);
CREATE INDEX IF NOT EXISTS merged_members_component ON merged_members (component);
-- Twin classes: reports whose fields that merging reads are all equal (the same event copied
-- or syndicated) compare alike with everything, so links and clustering work on one
-- representative per class (its smallest event id) and a new twin costs one row.
-- merged_id NULL: an unlinked class whose reports do not link to each other (each its own).
CREATE TABLE IF NOT EXISTS merge_classes (
    sig       TEXT PRIMARY KEY,
    rep       TEXT NOT NULL UNIQUE,
    self_link INTEGER NOT NULL,
    merged_id TEXT,
    component TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS merge_classes_component ON merge_classes (component);
CREATE TABLE IF NOT EXISTS merge_twins (
    event_id TEXT PRIMARY KEY,
    sig      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS merge_twins_sig ON merge_twins (sig, event_id);
-- Candidates for merging are found by type and date range first (kronika.stories.merge).
CREATE INDEX IF NOT EXISTS events_type_date ON events (type, date);

-- Read tables for the web app's filters and charts (kronika/web/queries.py), kept by the
-- triggers below: one row per side of an event (its actor key: the KB id, else the country),
-- and one per source-target pair, with the event's date, quad, type and modality copied in so
-- a timeline or the network reads one index, without joins. Rebuilt by
-- kronika.web.queries.rebuild_event_sides for stores written before these tables existed.
-- first_key / first_country: 1 on an event's first side with that key / country, so counting
-- events of an actor or a country needs no DISTINCT (an event may name Russia on both sides).
CREATE TABLE IF NOT EXISTS event_sides (
    event_id      TEXT NOT NULL,
    role          TEXT NOT NULL,
    key           TEXT NOT NULL,
    country       TEXT,
    date          TEXT,
    quad          TEXT,
    type          TEXT NOT NULL,
    modality      TEXT NOT NULL,
    first_key     INTEGER NOT NULL DEFAULT 1,
    first_country INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS event_sides_key ON event_sides (key, first_key, date, quad, event_id, role, type, modality);
CREATE INDEX IF NOT EXISTS event_sides_country ON event_sides (country, first_country, date, quad, event_id, role, type, modality);
CREATE INDEX IF NOT EXISTS event_sides_event ON event_sides (event_id);
CREATE TABLE IF NOT EXISTS event_pairs (
    event_id       TEXT NOT NULL,
    source         TEXT NOT NULL,
    target         TEXT NOT NULL,
    source_country TEXT,
    target_country TEXT,
    date           TEXT,
    quad           TEXT,
    type           TEXT NOT NULL,
    modality       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_pairs_date ON event_pairs (date, quad, source, target, type, modality);
CREATE INDEX IF NOT EXISTS event_pairs_keys ON event_pairs (source, target, quad, date, event_id);
CREATE INDEX IF NOT EXISTS event_pairs_countries ON event_pairs (source_country, target_country, date, quad, event_id);
CREATE INDEX IF NOT EXISTS event_pairs_event ON event_pairs (event_id);
CREATE INDEX IF NOT EXISTS events_date_quad ON events (date, quad, type, modality);

-- Dropped and made again on every open, so older stores get the current body. The unary '+'
-- keeps SQLite on the event_id index: by key or country it reads every side with that key.
DROP TRIGGER IF EXISTS event_actors_to_sides;
CREATE TRIGGER IF NOT EXISTS event_actors_to_sides AFTER INSERT ON event_actors
WHEN coalesce(NEW.actor_id, NEW.country) IS NOT NULL
BEGIN
    INSERT INTO event_pairs (event_id, source, target, source_country, target_country, date, quad, type, modality)
    SELECT NEW.event_id,
           CASE WHEN NEW.role = 'source' THEN coalesce(NEW.actor_id, NEW.country) ELSE s.key END,
           CASE WHEN NEW.role = 'source' THEN s.key ELSE coalesce(NEW.actor_id, NEW.country) END,
           CASE WHEN NEW.role = 'source' THEN NEW.country ELSE s.country END,
           CASE WHEN NEW.role = 'source' THEN s.country ELSE NEW.country END,
           s.date, s.quad, s.type, s.modality
    FROM event_sides s WHERE s.event_id = NEW.event_id AND s.role != NEW.role;
    INSERT INTO event_sides (event_id, role, key, country, date, quad, type, modality, first_key, first_country)
    SELECT NEW.event_id, NEW.role, coalesce(NEW.actor_id, NEW.country), NEW.country, e.date, e.quad, e.type, e.modality,
           NOT EXISTS (SELECT 1 FROM event_sides s WHERE s.event_id = NEW.event_id
                       AND +s.key = coalesce(NEW.actor_id, NEW.country)),
           NEW.country IS NOT NULL AND NOT EXISTS (SELECT 1 FROM event_sides s WHERE s.event_id = NEW.event_id
                                                   AND +s.country = NEW.country)
    FROM events e WHERE e.id = NEW.event_id;
END;
CREATE TRIGGER IF NOT EXISTS events_delete_sides AFTER DELETE ON events
BEGIN
    DELETE FROM event_sides WHERE event_id = OLD.id;
    DELETE FROM event_pairs WHERE event_id = OLD.id;
END;
CREATE TRIGGER IF NOT EXISTS events_update_sides AFTER UPDATE OF date, quad, type, modality ON events
BEGIN
    UPDATE event_sides SET date = NEW.date, quad = NEW.quad, type = NEW.type, modality = NEW.modality WHERE event_id = NEW.id;
    UPDATE event_pairs SET date = NEW.date, quad = NEW.quad, type = NEW.type, modality = NEW.modality WHERE event_id = NEW.id;
END;
