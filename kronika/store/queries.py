"""Read-side queries: plain functions over a connection, returning plain data (dicts, lists).

The CLI and the web app render what these return; none of them prints.
Date filters compare at the filter's precision: ``since="2023-06"`` keeps "2023-06-15" and
"2023-07"; ``until="2023-06"`` keeps "2023-06-30" too.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from kronika.errors import ConfigError
from kronika.store.store import plover_types, quad_names

MODALITIES = ("asserted", "claimed", "planned", "denied")


def _dicts(rows) -> list[dict[str, Any]]:
    return [dict(r) for r in rows]


def _date_filters(column: str, since: str | None, until: str | None, where: list[str], args: list) -> None:
    if since:
        where.append(f"{column} IS NOT NULL AND substr({column}, 1, length(?)) >= ?")
        args += [since, since]
    if until:
        where.append(f"{column} IS NOT NULL AND substr({column}, 1, length(?)) <= ?")
        args += [until, until]


def _clause(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(f"({w})" for w in where)) if where else ""


# -- documents -------------------------------------------------------------------------------
def list_documents(conn: sqlite3.Connection, language: str | None = None, since: str | None = None,
                   until: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    where, args = [], []
    if language:
        where.append("d.language = ?")
        args.append(language)
    _date_filters("d.published", since, until, where, args)
    sql = (
        "SELECT d.id, d.source, d.title, d.language, d.published, d.published_source, d.ingested_at,"
        " length(d.clean) AS chars,"
        " (SELECT count(*) FROM mentions m WHERE m.doc_id = d.id) AS mentions,"
        " (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events"
        f" FROM documents d{_clause(where)} ORDER BY d.published DESC, d.id LIMIT ? OFFSET ?"
    )
    return _dicts(conn.execute(sql, [*args, limit, offset]))


def count_documents(conn: sqlite3.Connection) -> dict[str, int]:
    """Totals for summaries: documents, by language, mentions, events, failures."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    by_language = {r[0] or "?": r[1] for r in conn.execute(
        "SELECT language, count(*) FROM documents GROUP BY language ORDER BY count(*) DESC")}
    return {
        "documents": one("SELECT count(*) FROM documents"),
        "by_language": by_language,
        "sentences": one("SELECT count(*) FROM sentences"),
        "mentions": one("SELECT count(*) FROM mentions"),
        "linked_mentions": one("SELECT count(*) FROM mentions WHERE actor_id IS NOT NULL"),
        "events": one("SELECT count(*) FROM events"),
        "failures": one("SELECT count(*) FROM failures"),
    }


def get_document(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    """One document with its sentences, removed lines, mentions and events; None if absent."""
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    doc = dict(row)
    for key in ("removed", "headings", "paragraph_languages", "date_evidence"):
        doc[key] = json.loads(doc[key] or "[]")
    doc["sentences"] = _dicts(conn.execute("SELECT * FROM sentences WHERE doc_id = ? ORDER BY idx", (doc_id,)))
    doc["mentions"] = _dicts(conn.execute("SELECT * FROM mentions WHERE doc_id = ? ORDER BY start, idx", (doc_id,)))
    doc["events"] = list_events(conn, doc_id=doc_id, limit=100_000, order="idx")
    return doc


def list_failures(conn: sqlite3.Connection, stage: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
    where, args = ([], []) if not stage else (["stage = ?"], [stage])
    return _dicts(conn.execute(f"SELECT * FROM failures{_clause(where)} ORDER BY at DESC, source LIMIT ?",
                               [*args, limit]))


# -- actors ----------------------------------------------------------------------------------
def top_actors(conn: sqlite3.Connection, country: str | None = None, sector: str | None = None,
               kind: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Linked actors by number of mentions: id, name, kind, country, sector, mentions, documents."""
    where, args = ["m.actor_id IS NOT NULL"], []
    if country:
        where.append("m.country = ?")
        args.append(country.upper())
    if sector:
        where.append("m.sector = ?")
        args.append(sector.upper())
    if kind:
        where.append("m.kind = ?")
        args.append(kind)
    sql = (
        "SELECT m.actor_id AS id, coalesce(a.name, max(m.name)) AS name, coalesce(a.type, max(m.kind)) AS kind,"
        " coalesce(a.country, max(m.country)) AS country, coalesce(a.sector, max(m.sector)) AS sector,"
        " count(*) AS mentions, count(DISTINCT m.doc_id) AS documents"
        f" FROM mentions m LEFT JOIN actors a ON a.id = m.actor_id{_clause(where)}"
        " GROUP BY m.actor_id ORDER BY mentions DESC, documents DESC, id LIMIT ?"
    )
    return _dicts(conn.execute(sql, [*args, limit]))


def find_actor_ids(conn: sqlite3.Connection, actor: str) -> list[str]:
    """Actor ids whose id or name matches (exactly, case-insensitively) what a user typed."""
    rows = conn.execute(
        "SELECT DISTINCT actor_id FROM event_actors WHERE actor_id = ? OR name = ? COLLATE NOCASE"
        " UNION SELECT id FROM actors WHERE id = ? OR name = ? COLLATE NOCASE",
        (actor, actor, actor, actor),
    )
    return [r[0] for r in rows if r[0]]


# -- events ----------------------------------------------------------------------------------
def _parse_quad(quad: str) -> str:
    names = quad_names()
    key = quad.strip().lower().replace("-", "_").replace(" ", "_")
    if key in names:
        return key
    by_code = {str(code): name for name, code in names.items()}
    if key in by_code:
        return by_code[key]
    raise ConfigError(f"unknown quad class {quad!r}; use one of: {', '.join(names)} (or 1-4)")


def _parse_dyad(dyad: str) -> tuple[str, str]:
    parts = [p.strip().upper() for p in dyad.replace(">", "-").split("-") if p.strip()]
    if len(parts) != 2:
        raise ConfigError(f"dyad {dyad!r} should be SOURCE-TARGET country codes, like RUS-BLR")
    return parts[0], parts[1]


def parse_types(types: str) -> list[str]:
    """'consult, AGREE' -> ['CONSULT', 'AGREE'], refusing names that are not PLOVER types."""
    wanted = [t.strip().upper() for t in types.split(",") if t.strip()]
    bad = [t for t in wanted if t not in plover_types()]
    if bad:
        raise ConfigError(f"unknown event type {', '.join(bad)}; use one of: {', '.join(plover_types())}")
    return wanted


def check_modality(modality: str) -> None:
    if modality not in MODALITIES:
        raise ConfigError(f"unknown modality {modality!r}; use one of: {', '.join(MODALITIES)}")


def list_events(conn: sqlite3.Connection, *, actor: str | None = None, country: str | None = None,
                dyad: str | None = None, type: str | None = None, quad: str | None = None,
                modality: str | None = None, since: str | None = None, until: str | None = None,
                doc_id: str | None = None, limit: int = 100, offset: int = 0,
                order: str = "date") -> list[dict[str, Any]]:
    """Events with their source and target actors, filtered; newest first unless order="timeline"."""
    where, args = [], []
    if type:
        wanted = parse_types(type)
        where.append(f"e.type IN ({','.join('?' * len(wanted))})")
        args += wanted
    if quad:
        where.append("e.quad = ?")
        args.append(_parse_quad(quad))
    if modality:
        check_modality(modality)
        where.append("e.modality = ?")
        args.append(modality)
    if doc_id:
        where.append("e.doc_id = ?")
        args.append(doc_id)
    if country:
        where.append("e.id IN (SELECT event_id FROM event_actors WHERE country = ?)")
        args.append(country.upper())
    if dyad:
        src, tgt = _parse_dyad(dyad)
        where.append("e.id IN (SELECT event_id FROM event_actors WHERE role = 'source' AND country = ?)"
                     " AND e.id IN (SELECT event_id FROM event_actors WHERE role = 'target' AND country = ?)")
        args += [src, tgt]
    if actor:
        ids = find_actor_ids(conn, actor)
        where.append(
            "e.id IN (SELECT event_id FROM event_actors WHERE name = ? COLLATE NOCASE"
            + (f" OR actor_id IN ({','.join('?' * len(ids))})" if ids else "") + ")"
        )
        args += [actor, *ids]
    _date_filters("e.date", since, until, where, args)
    order_by = {
        "date": "e.date IS NULL, e.date DESC, e.doc_id, e.idx",
        "timeline": "e.date IS NULL, e.date ASC, e.doc_id, e.idx",
        "idx": "e.idx",
    }[order]
    rows = _dicts(conn.execute(
        "SELECT e.*, d.published, d.language, d.title"
        f" FROM events e JOIN documents d ON d.id = e.doc_id{_clause(where)} ORDER BY {order_by} LIMIT ? OFFSET ?",
        [*args, limit, offset],
    ))
    _attach_actors(conn, rows)
    return rows


def _attach_actors(conn: sqlite3.Connection, events: list[dict[str, Any]]) -> None:
    if not events:
        return
    by_id = {e["id"]: e for e in events}
    for e in events:
        e["source"], e["target"] = [], []
    ids = list(by_id)
    for chunk in range(0, len(ids), 500):  # SQLite caps bound parameters
        part = ids[chunk:chunk + 500]
        for r in conn.execute(
            f"SELECT * FROM event_actors WHERE event_id IN ({','.join('?' * len(part))}) ORDER BY event_id, role, idx",
            part,
        ):
            r = dict(r)
            by_id[r.pop("event_id")][r.pop("role")].append(r)


def timeline(conn: sqlite3.Connection, actor: str, limit: int = 1000) -> list[dict[str, Any]]:
    """Every event an actor (id or name) takes part in, oldest first; undated ones last."""
    return list_events(conn, actor=actor, limit=limit, order="timeline")
