"""Full-text search that understands inflection: SQLite FTS5 over lemmas, plus actors.

Each document is indexed as the surface forms *and* lemmas of its words (so "Łukaszence"
is found by "Łukaszenko"), plus the canonical names and ids of the actors its mentions link
to (so an English name finds Polish articles about that actor). A query is lemmatised the
same way, and a word that names a KB actor also matches that actor's id and written forms.

    index_article(conn, article)        called by the store's write path
    unindex_document(conn, doc_id)      called when a document is deleted or replaced
    rebuild_index(conn) -> int          re-index every stored document
    search(conn, "Łukaszenka") -> dict  {total, results: [{doc_id, title, ..., snippets}], terms}

The FTS5 tokenizer folds case and diacritics ("remove_diacritics 2"), so "Lukaszenka" and
"Łukaszenka" meet too.
"""
from __future__ import annotations

import logging
import re
import sqlite3
from functools import lru_cache
from typing import Any, Iterable

from kronika.errors import ConfigError

log = logging.getLogger("kronika")

INDEX_TABLE = "search_index"
# An actor id becomes one token ("kid_alexander_lukashenko"): '_' is a token character in
# the index's tokenizer, so an id never collides with an ordinary word.
_ACTOR_PREFIX = "kid_"
_WORD = re.compile(r"\w", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Candidate forms that stand for the actor itself (not "Minsk" for Belarus, nor "Belarusian").
_NAME_VIAS = {"name", "surname", "abbreviation"}
MAX_QUERY_WORDS = 12


def actor_token(actor_id: str) -> str:
    return _ACTOR_PREFIX + re.sub(r"\W", "_", actor_id.lower())


def _morphology(lang: str | None):
    from kronika.lang import get_morphology

    try:
        return get_morphology(lang or "en")
    except Exception:  # an unknown or uninstalled language: index surface forms only
        log.debug("search: no morphology for %r; indexing surface forms", lang)
        return None


def _word_terms(word: str, morph) -> list[str]:
    """The surface form and its lemmas, lower-cased; lemma pieces that are not words dropped."""
    out = [word.lower()]
    if morph is not None:
        for lemma in morph.lemmas(word):
            low = lemma.lower()
            if low not in out and _WORD.match(low):
                out.append(low)
    return out


# The word tokens of kronika.lang.tokenize (its other tokens are single non-word characters),
# found without building Token objects: indexing runs in the store's one writer.
_WORDS = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)


@lru_cache(maxsize=200_000)
def _cached_terms(lang: str | None, word: str) -> str:
    # News repeats its words: lemmatise each form once per language, not once per occurrence.
    return " ".join(_word_terms(word, _morphology(lang)))


def text_terms(text: str, lang: str | None) -> str:
    """The words of ``text`` with their lemmas, space-separated, for the index."""
    return " ".join([_cached_terms(lang, word) for word in _WORDS.findall(text)])


@lru_cache(maxsize=1)
def _kb():
    try:
        from kronika.actors import load_kb

        return load_kb()
    except Exception as e:  # search still works on words without the KB
        log.warning("search: actor knowledge base unavailable (%s); actor names are not expanded", e)
        return None


def _actor_terms(mentions: Iterable[tuple[str | None, str | None, str | None, str | None]]) -> str:
    """Ids and canonical names of the actors that mentions link to: (actor_id, name, kind, country)."""
    seen: set[str] = set()
    terms: list[str] = []
    for actor_id, name, kind, country in mentions:
        if not actor_id and kind == "country" and country:
            actor_id = country
        if not actor_id or actor_id in seen:
            continue
        seen.add(actor_id)
        if not name:
            kb = _kb()
            found = kb.get(actor_id) if kb is not None else None
            name = found.name if found else None
        terms.append(actor_token(actor_id))
        if name:
            terms.append(name)
    return " ".join(terms)


# -- writing ---------------------------------------------------------------------------------
def index_document(conn: sqlite3.Connection, doc_id: str, title: str | None, clean: str, language: str | None,
                   mentions: Iterable[tuple[str | None, str | None, str | None, str | None]]) -> None:
    unindex_document(conn, doc_id)
    cur = conn.execute("INSERT INTO search_docs (doc_id) VALUES (?)", (doc_id,))
    conn.execute(
        f"INSERT INTO {INDEX_TABLE} (rowid, title, body, actors) VALUES (?, ?, ?, ?)",
        (cur.lastrowid, text_terms(title or "", language), text_terms(clean, language), _actor_terms(mentions)),
    )


def index_article(conn: sqlite3.Connection, article) -> None:
    """Index one stored Article (called inside the store's write transaction)."""
    index_document(conn, article.id, article.title, article.clean, article.language,
                   [(m.actor_id, m.name, m.kind, m.country) for m in article.mentions])


def unindex_document(conn: sqlite3.Connection, doc_id: str) -> None:
    row = conn.execute("SELECT rowid FROM search_docs WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is not None:
        conn.execute(f"DELETE FROM {INDEX_TABLE} WHERE rowid = ?", (row[0],))
        conn.execute("DELETE FROM search_docs WHERE rowid = ?", (row[0],))


def rebuild_index(conn: sqlite3.Connection) -> int:
    """Re-index every stored document (after a tokenizer or lexicon change); returns the count.
    The caller owns the transaction (``with store.transaction() as db: rebuild_index(db)``)."""
    conn.execute(f"DELETE FROM {INDEX_TABLE}")
    conn.execute("DELETE FROM search_docs")
    n = 0
    for doc in conn.execute("SELECT id, title, clean, language FROM documents ORDER BY id").fetchall():
        mentions = conn.execute("SELECT actor_id, name, kind, country FROM mentions WHERE doc_id = ?",
                                (doc[0],)).fetchall()
        index_document(conn, doc[0], doc[1], doc[2], doc[3], [tuple(m) for m in mentions])
        n += 1
    log.info("search: re-indexed %d documents", n)
    return n


def index_is_stale(conn: sqlite3.Connection) -> bool:
    """True when the index lacks documents the store has (a database from before the index)."""
    try:
        indexed = conn.execute("SELECT count(*) FROM search_docs").fetchone()[0]
    except sqlite3.OperationalError:
        return True
    return indexed != conn.execute("SELECT count(*) FROM documents").fetchone()[0]


# -- querying --------------------------------------------------------------------------------
def _query_languages(word: str) -> tuple[str, ...]:
    # The query's language is unknown: lemmatise with every language of its script.
    return ("ru", "uk") if _CYRILLIC.search(word) else ("pl", "en")


def _fts_string(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _actor_forms(actor) -> set[str]:
    """One-word forms of an actor in every language: surnames, one-word names, abbreviations."""
    forms: set[str] = set()
    for names in actor.names.values():
        for n in names:
            # A person's last word is a surname; an organisation's ("Union") says little alone.
            if actor.type == "person" or " " not in n:
                forms.add(n.split()[-1])
    forms.update(actor.surname.values())
    forms.update(actor.abbreviations)
    return {f for f in forms if f}


def _actors_for(text: str) -> list:
    kb = _kb()
    if kb is None:
        return []
    found = []
    for lang in _query_languages(text):
        cands = [c for c in kb.candidates(text, lang) if c.via in _NAME_VIAS]
        if cands:
            best = max(c.score for c in cands)
            found += [c.actor for c in cands if c.score == best]
    return list({a.id: a for a in found}.values())


def parse_query(q: str) -> tuple[str, dict[str, Any]]:
    """An FTS5 MATCH expression for what a person typed, and what it was expanded to.

    Every word must match (AND); a word matches by any of its forms, lemmas or the actor it
    names (OR). A query that as a whole names an actor ("United States") matches that actor too.
    """
    from kronika.lang import get_morphology, tokenize

    words = [t.text for t in tokenize(q) if _WORD.match(t.text)][:MAX_QUERY_WORDS]
    if not words:
        raise ConfigError("the search query has no words; type a name or a word, like Łukaszenka")
    groups: list[list[str]] = []
    actors: dict[str, str] = {}
    for w in words:
        alternatives: list[str] = []
        for lang in _query_languages(w):
            for t in _word_terms(w, get_morphology(lang)):
                if t not in alternatives:
                    alternatives.append(t)
        for a in {a.id: a for t in list(alternatives) for a in _actors_for(t if t != w.lower() else w)}.values():
            actors[a.id] = a.name
            alternatives.append(actor_token(a.id))
            alternatives += sorted(f.lower() for f in _actor_forms(a) if f.lower() not in alternatives)
        groups.append(alternatives)
    expr = " AND ".join("(" + " OR ".join(_fts_string(t) for t in g) + ")" for g in groups)
    whole = _actors_for(" ".join(words)) if len(words) > 1 else []
    if whole:
        for a in whole:
            actors[a.id] = a.name
        expr = f"({expr}) OR " + " OR ".join(_fts_string(actor_token(a.id)) for a in whole)
    terms = {t for g in groups for t in g if not t.startswith(_ACTOR_PREFIX)}
    return expr, {"words": words, "terms": sorted(terms), "actors": actors}


def _fold(s: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if not unicodedata.combining(c))


def _snippets(conn: sqlite3.Connection, doc_id: str, language: str | None, terms: set[str],
              actor_ids: set[str], limit: int = 2) -> list[dict[str, Any]]:
    """Sentences of a document that hold a query word (by form or lemma) or a mention of a
    query actor, each with the matching spans (offsets within the sentence)."""
    from kronika.lang import tokenize

    folded = {_fold(t) for t in terms}
    morph = _morphology(language)
    mention_spans: dict[int, list[tuple[int, int]]] = {}
    if actor_ids:
        for m in conn.execute('SELECT sentence, start, "end", actor_id, kind, country FROM mentions WHERE doc_id = ?',
                              (doc_id,)):
            aid = m["actor_id"] or (m["country"] if m["kind"] == "country" else None)
            if aid in actor_ids:
                mention_spans.setdefault(m["sentence"], []).append((m["start"], m["end"]))
    out = []
    for s in conn.execute('SELECT idx, start, "end", text FROM sentences WHERE doc_id = ? ORDER BY idx', (doc_id,)):
        spans = [(a - s["start"], b - s["start"]) for a, b in mention_spans.get(s["idx"], [])]
        for tok in tokenize(s["text"]):
            if _WORD.match(tok.text) and any(_fold(t) in folded for t in _word_terms(tok.text, morph)):
                spans.append((tok.start, tok.end))
        if spans:
            out.append({"sentence": s["idx"], "start": s["start"], "text": s["text"], "marks": _merge(spans)})
            if len(out) >= limit:
                break
    return out


def _merge(spans: list[tuple[int, int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return merged


def search(conn: sqlite3.Connection, q: str, *, language: str | None = None, limit: int = 20,
           offset: int = 0) -> dict[str, Any]:
    """Documents matching ``q``, best first: {query, total, terms, actors, results}."""
    expr, info = parse_query(q)
    if language:
        base = (f" FROM {INDEX_TABLE} JOIN search_docs s ON s.rowid = {INDEX_TABLE}.rowid"
                f" JOIN documents d ON d.id = s.doc_id WHERE {INDEX_TABLE} MATCH ? AND d.language = ?")
        args: list = [expr, language]
        total = conn.execute("SELECT count(*)" + base, args).fetchone()[0]
        page = [r[0] for r in conn.execute(f"SELECT {INDEX_TABLE}.rowid{base} ORDER BY {INDEX_TABLE}.rank"
                                           " LIMIT ? OFFSET ?", [*args, limit, offset])]
    else:
        # Rank inside FTS5 first; only the page's rows are joined to their documents.
        total = conn.execute(f"SELECT count(*) FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH ?", [expr]).fetchone()[0]
        page = [r[0] for r in conn.execute(f"SELECT rowid FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH ?"
                                           " ORDER BY rank LIMIT ? OFFSET ?", [expr, limit, offset])]
    by_rowid = {r["rowid"]: r for r in conn.execute(
        "SELECT s.rowid AS rowid, d.id AS doc_id, d.title, d.language, d.published, d.source FROM search_docs s"
        f" JOIN documents d ON d.id = s.doc_id WHERE s.rowid IN ({','.join('?' * len(page))})", page)} if page else {}
    rows = [by_rowid[r] for r in page if r in by_rowid]
    results = []
    for r in rows:
        item = {k: r[k] for k in r.keys() if k != "rowid"}
        item["snippets"] = _snippets(conn, r["doc_id"], r["language"], set(info["terms"]), set(info["actors"]))
        results.append(item)
    return {"query": q, "total": total, "terms": info["terms"], "actors": info["actors"], "results": results}
