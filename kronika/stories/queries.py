"""Read-side queries over merged events: plain functions returning plain data.

A merged event is one real-world event with all its reports (document, sentence, modality);
``sources`` counts distinct documents. Events stored before merging existed (no row in
merged_members) show as merged events of one report until ``merge.rebuild`` runs.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Any, Iterator

from kronika.store.queries import MODALITIES, find_actor_ids, parse_types
from kronika.stories.merge import _chunks, parse_date

_MERGED_ID = "coalesce(mm.merged_id, e.id)"
_FROM = "FROM events e LEFT JOIN merged_members mm ON mm.event_id = e.id"


def _merged_ids(conn: sqlite3.Connection, *, type: str | None = None, actor: str | None = None,
                country: str | None = None, since: str | None = None, until: str | None = None,
                min_sources: int = 1, limit: int | None = 100, offset: int = 0) -> list[str]:
    where, args = [], []
    if type:
        wanted = parse_types(type)
        where.append(f"e.type IN ({','.join('?' * len(wanted))})")
        args += wanted
    if country:
        where.append("e.id IN (SELECT event_id FROM event_actors WHERE country = ?)")
        args.append(country.upper())
    if actor:
        ids = find_actor_ids(conn, actor)
        where.append("e.id IN (SELECT event_id FROM event_actors WHERE name = ? COLLATE NOCASE"
                     + (f" OR actor_id IN ({','.join('?' * len(ids))})" if ids else "") + ")")
        args += [actor, *ids]
    for value, op in ((since, ">="), (until, "<=")):
        if value:
            where.append(f"e.date IS NOT NULL AND substr(e.date, 1, length(?)) {op} ?")
            args += [value, value]
    clause = (" WHERE " + " AND ".join(f"({w})" for w in where)) if where else ""
    # Filters pick merged events through any of their reports; the count is over all reports.
    sql = (f"SELECT {_MERGED_ID} AS mid, max(e.date) AS last {_FROM}{clause} GROUP BY mid")
    sql = (f"SELECT f.mid FROM ({sql}) f JOIN (SELECT {_MERGED_ID} AS mid, count(DISTINCT e.doc_id) AS n {_FROM}"
           " GROUP BY mid) c ON c.mid = f.mid WHERE c.n >= ? ORDER BY c.n DESC, f.last IS NULL, f.last DESC, f.mid")
    args.append(min_sources)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    return [r[0] for r in conn.execute(sql, args)]


def _most_precise(dates: list[str]) -> str | None:
    """The most precise date its reports give (the commonest among equals; then the earliest)."""
    dated = [d for d in dates if parse_date(d)]
    if not dated:
        return None
    counts = Counter(dated)
    return min(counts, key=lambda d: (-len(d), -counts[d], d))


def _actor_list(refs: list[dict]) -> list[dict]:
    seen: dict[tuple, dict] = {}
    for r in refs:
        key = (r["actor_id"] or r["name"], r["country"]) if (r["actor_id"] or r["name"]) else (None, r["country"])
        seen.setdefault(key, {"name": r["name"], "country": r["country"], "sector": r["sector"],
                              "actor_id": r["actor_id"]})
    named = [a for a in seen.values() if a["name"]]
    covered = {a["country"] for a in named}
    return named + [a for a in seen.values() if not a["name"] and a["country"] not in covered]


def load_merged(conn: sqlite3.Connection, merged_ids: list[str]) -> list[dict[str, Any]]:
    """Full records of these merged events, in the given order."""
    reports: dict[str, list[dict]] = {m: [] for m in merged_ids}
    merged_of: dict[str, str] = {}  # event id -> merged id, found through indexes (no scan)
    for part in _chunks(merged_ids):
        marks = ",".join("?" * len(part))
        merged_of.update(conn.execute(f"SELECT event_id, merged_id FROM merged_members WHERE merged_id IN ({marks})",
                                      part))
        merged_of.update((eid, eid) for (eid,) in conn.execute(
            f"SELECT e.id FROM events e WHERE e.id IN ({marks})"
            " AND NOT EXISTS (SELECT 1 FROM merged_members m WHERE m.event_id = e.id)", part))
    events: dict[str, dict] = {}
    for part in _chunks(sorted(merged_of)):
        marks = ",".join("?" * len(part))
        for r in conn.execute(f"SELECT e.*, d.published, d.language, d.title FROM events e"
                              f" JOIN documents d ON d.id = e.doc_id WHERE e.id IN ({marks})", part):
            r = dict(r)
            r["source"], r["target"] = [], []
            events[r["id"]] = r
    for r in sorted(events.values(), key=lambda r: (r["doc_id"], r["idx"])):
        reports[merged_of[r["id"]]].append(r)
    ids = list(events)
    links: dict[str, list[dict]] = {}
    for part in _chunks(ids):
        marks = ",".join("?" * len(part))
        for a in conn.execute(f"SELECT * FROM event_actors WHERE event_id IN ({marks}) ORDER BY event_id, role, idx",
                              part):
            a = dict(a)
            events[a.pop("event_id")][a.pop("role")].append(a)
        for link in conn.execute(f"SELECT * FROM merge_links WHERE event_a IN ({marks})", part):
            links.setdefault(link["event_a"], []).append(
                {"a": link["event_a"], "b": link["event_b"], "score": link["score"],
                 "agreed": json.loads(link["agreed"] or "{}")})
    out = []
    for mid in merged_ids:
        members = reports[mid]
        if not members:
            continue
        inside = {e["id"] for e in members}
        first = next((e for e in members if e["id"] == mid), members[0])
        places = Counter((e["location_name"], e["location_country"]) for e in members if e["location_name"])
        place = min(places, key=lambda p: (-places[p], p)) if places else None
        out.append({
            "id": mid,
            "type": first["type"],
            "quad": first["quad"],
            "date": _most_precise([e["date"] for e in members if e["date"]]),
            "location": {"name": place[0], "country": place[1]} if place else None,
            "source": _actor_list([a for a in first["source"]]),
            "target": _actor_list([a for a in first["target"]]),
            "actors": _actor_list([a for e in members for a in e["source"] + e["target"]]),
            "sources": len({e["doc_id"] for e in members}),
            "report_count": len(members),
            "languages": sorted({e["language"] for e in members if e["language"]}),
            "modalities": {m: n for m in MODALITIES if (n := sum(e["modality"] == m for e in members))},
            "reports": [
                {"event_id": e["id"], "doc_id": e["doc_id"], "sentence": e["sentence"], "modality": e["modality"],
                 "date": e["date"], "location": e["location_name"], "language": e["language"],
                 "published": e["published"], "title": e["title"], "trigger": e["trigger"],
                 "evidence": e["evidence"],
                 "source": [{k: a[k] for k in ("name", "country", "sector")} for a in e["source"]],
                 "target": [{k: a[k] for k in ("name", "country", "sector")} for a in e["target"]]}
                for e in members
            ],
            "links": [l for e in sorted(inside) for l in links.get(e, []) if l["b"] in inside],
        })
    return out


def list_merged_events(conn: sqlite3.Connection, *, type: str | None = None, actor: str | None = None,
                       country: str | None = None, since: str | None = None, until: str | None = None,
                       min_sources: int = 1, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Merged events, most sources first, then newest; each with its reports and the links that joined them."""
    ids = _merged_ids(conn, type=type, actor=actor, country=country, since=since, until=until,
                      min_sources=min_sources, limit=limit, offset=offset)
    return load_merged(conn, ids)


def iter_merged_events(conn: sqlite3.Connection, chunk: int = 200) -> Iterator[dict[str, Any]]:
    """Every merged event, streamed in chunks (for export)."""
    ids = [r[0] for r in conn.execute(f"SELECT DISTINCT {_MERGED_ID} AS mid {_FROM} ORDER BY mid")]
    for part in _chunks(ids, chunk):
        yield from load_merged(conn, part)


def count_merged(conn: sqlite3.Connection) -> dict[str, int]:
    """Events (reports) before merging, merged events after, and those with several sources."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "events": one("SELECT count(*) FROM events"),
        "merged_events": one(f"SELECT count(DISTINCT {_MERGED_ID}) {_FROM}"),
        "multi_source": one(f"SELECT count(*) FROM (SELECT {_MERGED_ID} AS mid {_FROM} GROUP BY mid"
                            " HAVING count(DISTINCT e.doc_id) > 1)"),
    }
