"""Read queries the web app needs beyond kronika.store.queries: aggregations for charts,
the actor network, events related to an event. Plain functions over a connection.

Date filters compare ISO strings at the filter's precision, as kronika.store.queries does,
but in a form an index can serve: ``date >= since`` and ``date <= until || '~'`` ('~' sorts
after every digit and '-', so "2023-06" as ``until`` keeps "2023-06-30").
"""
from __future__ import annotations

import sqlite3
from datetime import date as Date, timedelta
from functools import lru_cache
from typing import Any

from kronika.errors import ConfigError
from kronika.store.queries import _attach_actors, _parse_dyad, _parse_quad, find_actor_ids, list_events
from kronika.store.store import plover_types

INTERVALS = ("day", "week", "month", "year")
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
COOPERATION = {"verbal_cooperation", "material_cooperation"}
# An event's key in the network and in dyads: its KB actor, else its country (a state as actor).
ACTOR_KEY = "coalesce(ea.actor_id, ea.country)"


@lru_cache(maxsize=1)
def actor_names() -> dict[str, str]:
    """Canonical names of KB actors (countries included), for labels; {} without the KB."""
    try:
        from kronika.actors import load_kb

        return {a.id: a.name for a in load_kb()}
    except Exception:  # labels fall back to ids
        return {}


def label(key: str | None, name: str | None = None) -> str:
    if name:
        return name
    if not key:
        return "?"
    return actor_names().get(key, key)


def _dates(column: str, since: str | None, until: str | None, where: list[str], args: list) -> None:
    if since:
        where.append(f"{column} >= ?")
        args.append(since)
    if until:
        where.append(f"{column} <= ?")
        args.append(until + "~")


def _actor_clause(conn: sqlite3.Connection, actor: str, where: list[str], args: list, role: str | None = None) -> None:
    ids = find_actor_ids(conn, actor) or [actor]
    role_sql = " AND role = ?" if role else ""
    marks = ",".join("?" * len(ids))
    where.append(f"e.id IN (SELECT event_id FROM event_actors WHERE (actor_id IN ({marks})"
                 f" OR (actor_id IS NULL AND country IN ({marks}))){role_sql})")
    args += [*ids, *ids] + ([role] if role else [])


def _side_clause(conn: sqlite3.Connection, side: str, role: str, where: list[str], args: list) -> None:
    """One side of a dyad: a country code (any actor of that country) or an actor id/name."""
    if len(side) == 3 and side.isalpha() and side.upper() == side or side.upper() == "IGO":
        where.append("e.id IN (SELECT event_id FROM event_actors WHERE country = ? AND role = ?)")
        args += [side.upper(), role]
    else:
        _actor_clause(conn, side, where, args, role=role)


def split_dyad(dyad: str) -> tuple[str, str]:
    """'RUS-BLR', 'RUS>BLR' or 'vladimir-putin>alexander-lukashenko' -> (source, target)."""
    if ">" in dyad:
        parts = [p.strip() for p in dyad.split(">")]
        if len(parts) == 2 and all(parts):
            return parts[0], parts[1]
        raise ConfigError(f"dyad {dyad!r} should be SOURCE>TARGET (actor ids or country codes), like RUS>BLR")
    return _parse_dyad(dyad)


def event_filters(conn: sqlite3.Connection, *, actor: str | None = None, country: str | None = None,
                  dyad: str | None = None, type: str | None = None, quad: str | None = None,
                  modality: str | None = None, since: str | None = None, until: str | None = None,
                  symmetric: bool = False) -> tuple[list[str], list]:
    """WHERE parts over ``events e`` for the usual filters. ``symmetric`` counts a dyad both ways."""
    where: list[str] = []
    args: list = []
    if type:
        wanted = [t.strip().upper() for t in type.split(",") if t.strip()]
        bad = [t for t in wanted if t not in plover_types()]
        if bad:
            raise ConfigError(f"unknown event type {', '.join(bad)}; use one of: {', '.join(plover_types())}")
        where.append(f"e.type IN ({','.join('?' * len(wanted))})")
        args += wanted
    if quad:
        where.append("e.quad = ?")
        args.append(_parse_quad(quad))
    if modality:
        from kronika.store.queries import MODALITIES

        if modality not in MODALITIES:
            raise ConfigError(f"unknown modality {modality!r}; use one of: {', '.join(MODALITIES)}")
        where.append("e.modality = ?")
        args.append(modality)
    if country:
        where.append("e.id IN (SELECT event_id FROM event_actors WHERE country = ?)")
        args.append(country.upper())
    if actor:
        _actor_clause(conn, actor, where, args)
    if dyad:
        src, tgt = split_dyad(dyad)
        one_way_w, one_way_a = [], []
        _side_clause(conn, src, "source", one_way_w, one_way_a)
        _side_clause(conn, tgt, "target", one_way_w, one_way_a)
        if symmetric:
            back_w, back_a = [], []
            _side_clause(conn, tgt, "source", back_w, back_a)
            _side_clause(conn, src, "target", back_w, back_a)
            where.append(f"(({' AND '.join(one_way_w)}) OR ({' AND '.join(back_w)}))")
            args += one_way_a + back_a
        else:
            where += one_way_w
            args += one_way_a
    _dates("e.date", since, until, where, args)
    return where, args


def _where(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(f"({w})" for w in where)) if where else ""


def find_events(conn: sqlite3.Connection, *, limit: int = 50, offset: int = 0, order: str = "date",
                **filters: Any) -> dict[str, Any]:
    """A page of events (newest first, or oldest first with order="timeline") and whether more follow."""
    where, args = event_filters(conn, **filters)
    order_by = {"date": "e.date DESC", "timeline": "e.date ASC"}[order]
    rows = [dict(r) for r in conn.execute(
        "SELECT e.*, d.published, d.language, d.title FROM events e JOIN documents d ON d.id = e.doc_id"
        f"{_where(where + ['e.date IS NOT NULL'])} ORDER BY {order_by}, e.id LIMIT ? OFFSET ?",
        [*args, limit + 1, offset])]
    more = len(rows) > limit
    rows = rows[:limit]
    if len(rows) < limit and not filters.get("since") and not filters.get("until"):
        # Undated events follow the dated ones (a date range leaves them out).
        dated = conn.execute(f"SELECT count(*) FROM events e{_where(where + ['e.date IS NOT NULL'])}",
                             args).fetchone()[0]
        skip = max(0, offset - dated)
        extra = [dict(r) for r in conn.execute(
            "SELECT e.*, d.published, d.language, d.title FROM events e JOIN documents d ON d.id = e.doc_id"
            f"{_where(where + ['e.date IS NULL'])} ORDER BY e.id LIMIT ? OFFSET ?",
            [*args, limit - len(rows) + 1, skip])]
        more = len(extra) > limit - len(rows)
        rows += extra[:limit - len(rows)]
    _attach_actors(conn, rows)
    for e in rows:
        for ref in e["source"] + e["target"]:
            ref["label"] = label(ref.get("actor_id") or ref.get("country"), ref.get("name"))
    return {"events": rows, "limit": limit, "offset": offset, "more": more}


def _bucket_sql(interval: str) -> tuple[str, int]:
    """SQL for an event's bucket, and the date length (precision) it needs."""
    if interval not in INTERVALS:
        raise ConfigError(f"unknown interval {interval!r}; use one of: {', '.join(INTERVALS)}")
    if interval == "week":  # the Monday that starts the ISO week
        return "date(substr(e.date, 1, 10), '-' || ((CAST(strftime('%w', substr(e.date, 1, 10)) AS INTEGER) + 6) % 7) || ' days')", 10
    length = {"day": 10, "month": 7, "year": 4}[interval]
    return f"substr(e.date, 1, {length})", length


def timeline(conn: sqlite3.Connection, *, interval: str = "month", **filters: Any) -> dict[str, Any]:
    """Events per bucket per quad class: {interval, buckets: [{bucket, <quad>: n, ..., total}], imprecise}.
    Events whose date is coarser than the interval are counted in ``imprecise``, not placed."""
    bucket, need = _bucket_sql(interval)
    where, args = event_filters(conn, **filters, symmetric=bool(filters.get("dyad")))
    rows = conn.execute(
        f"SELECT {bucket} AS bucket, e.quad AS quad, count(*) AS n FROM events e"
        f"{_where(where + [f'length(e.date) >= {need}'])} GROUP BY bucket, e.quad ORDER BY bucket", args)
    by_bucket: dict[str, dict[str, Any]] = {}
    for r in rows:
        b = by_bucket.setdefault(r["bucket"], {"bucket": r["bucket"], **{q: 0 for q in QUADS}, "total": 0})
        if r["quad"] in QUADS:
            b[r["quad"]] += r["n"]
        b["total"] += r["n"]
    imprecise = conn.execute(
        f"SELECT count(*) FROM events e{_where(where + [f'(e.date IS NULL OR length(e.date) < {need})'])}",
        args).fetchone()[0]
    return {"interval": interval, "buckets": list(by_bucket.values()), "imprecise": imprecise}


def dyad_balance(conn: sqlite3.Connection, dyad: str, *, interval: str = "month", since: str | None = None,
                 until: str | None = None) -> dict[str, Any]:
    """Cooperation versus conflict between two sides (both directions) per bucket, with the
    mean PLOVER score of the bucket's events (positive: cooperative)."""
    bucket, need = _bucket_sql(interval)
    where, args = event_filters(conn, dyad=dyad, since=since, until=until, symmetric=True)
    rows = conn.execute(
        f"SELECT {bucket} AS bucket, e.quad AS quad, count(*) AS n, avg(t.score) AS score FROM events e"
        " LEFT JOIN event_types t ON t.type = e.type"
        f"{_where(where + [f'length(e.date) >= {need}'])} GROUP BY bucket, e.quad ORDER BY bucket", args)
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        b = out.setdefault(r["bucket"], {"bucket": r["bucket"], "cooperation": 0, "conflict": 0, "_s": 0.0, "_n": 0})
        b["cooperation" if r["quad"] in COOPERATION else "conflict"] += r["n"]
        if r["score"] is not None:
            b["_s"] += r["score"] * r["n"]
            b["_n"] += r["n"]
    buckets = []
    for b in out.values():
        s, n = b.pop("_s"), b.pop("_n")
        b["score"] = round(s / n, 2) if n else None
        buckets.append(b)
    src, tgt = split_dyad(dyad)
    return {"dyad": [src, tgt], "labels": [label(src), label(tgt)], "interval": interval, "buckets": buckets}


def network(conn: sqlite3.Connection, *, since: str | None = None, until: str | None = None,
            actor: str | None = None, quad: str | None = None, type: str | None = None,
            country: str | None = None, max_edges: int = 80) -> dict[str, Any]:
    """Actors as nodes, source->target pairs as edges weighted by their number of events
    (with a count per quad class). ``actor`` keeps the edges that touch that actor."""
    where, args = event_filters(conn, since=since, until=until, quad=quad, type=type, country=country)
    if actor:
        ids = find_actor_ids(conn, actor) or [actor]
        marks = ",".join("?" * len(ids))
        touch = f"(s.k IN ({marks}) OR t.k IN ({marks}))"
        touch_args = [*ids, *ids]
    else:
        touch, touch_args = "1", []
    sql = (
        "WITH sides AS (SELECT ea.event_id, ea.role, " + ACTOR_KEY + " AS k, max(ea.name) AS name"
        "  FROM event_actors ea WHERE " + ACTOR_KEY + " IS NOT NULL"
        "  AND ea.event_id IN (SELECT e.id FROM events e" + _where(where) + ")"
        "  GROUP BY ea.event_id, ea.role, k)"
        " SELECT s.k AS source, t.k AS target, max(s.name) AS source_name, max(t.name) AS target_name,"
        " count(*) AS weight, e.quad AS quad"
        " FROM sides s JOIN sides t ON t.event_id = s.event_id AND s.role = 'source' AND t.role = 'target'"
        " JOIN events e ON e.id = s.event_id"
        f" WHERE s.k != t.k AND {touch} GROUP BY s.k, t.k, e.quad"
    )
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    names: dict[str, str | None] = {}
    for r in conn.execute(sql, [*args, *touch_args]):
        key = (r["source"], r["target"])
        e = edges.setdefault(key, {"source": r["source"], "target": r["target"], "weight": 0,
                                   **{q: 0 for q in QUADS}})
        e["weight"] += r["weight"]
        if r["quad"] in QUADS:
            e[r["quad"]] += r["weight"]
        names.setdefault(r["source"], r["source_name"])
        names.setdefault(r["target"], r["target_name"])
    kept = sorted(edges.values(), key=lambda e: (-e["weight"], e["source"], e["target"]))[:max_edges]
    degree: dict[str, int] = {}
    for e in kept:
        coop = e["verbal_cooperation"] + e["material_cooperation"]
        e["balance"] = round((coop - (e["weight"] - coop)) / e["weight"], 2)  # -1 all conflict .. +1 all cooperation
        for k in (e["source"], e["target"]):
            degree[k] = degree.get(k, 0) + e["weight"]
    nodes = [{"id": k, "label": label(k, names.get(k)), "weight": w}
             for k, w in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"nodes": nodes, "edges": kept, "truncated": len(edges) > len(kept)}


def actor_summary(conn: sqlite3.Connection, *, limit: int = 50, since: str | None = None,
                  until: str | None = None) -> list[dict[str, Any]]:
    """Actors by number of events they take part in (as source or target), with mentions."""
    where, args = [], []
    _dates("e.date", since, until, where, args)
    rows = conn.execute(
        "SELECT " + ACTOR_KEY + " AS id, max(ea.name) AS name, max(ea.country) AS country,"
        " count(DISTINCT ea.event_id) AS events,"
        " sum(ea.role = 'source') AS as_source, sum(ea.role = 'target') AS as_target"
        " FROM event_actors ea" + (" JOIN events e ON e.id = ea.event_id" if where else "")
        + _where(where + [ACTOR_KEY + " IS NOT NULL"])
        + " GROUP BY id ORDER BY events DESC, id LIMIT ?", [*args, limit])
    out = []
    for r in rows:
        d = dict(r)
        d["label"] = label(d["id"], d["name"])
        out.append(d)
    return out


def top_dyads(conn: sqlite3.Connection, limit: int = 10) -> list[dict[str, Any]]:
    data = network(conn, max_edges=limit)
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    return [{**e, "source_label": labels[e["source"]], "target_label": labels[e["target"]]} for e in data["edges"]]


def quad_totals(conn: sqlite3.Connection) -> dict[str, int]:
    counts = {q: 0 for q in QUADS}
    for r in conn.execute("SELECT quad, count(*) FROM events GROUP BY quad"):
        if r[0] in counts:
            counts[r[0]] = r[1]
    return counts


def get_event(conn: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT e.*, d.published, d.language, d.title, d.source AS doc_source"
                       " FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    event = dict(row)
    _attach_actors(conn, [event])
    for ref in event["source"] + event["target"]:
        ref["label"] = label(ref.get("actor_id") or ref.get("country"), ref.get("name"))
    return event


def _table_exists(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?",
                        (name,)).fetchone() is not None


def related_events(conn: sqlite3.Connection, event: dict[str, Any], days: int = 3, limit: int = 20) -> dict[str, Any]:
    """Other reports of the same event: its merged event (kronika.stories) when the store has
    one with other reports; else events of the same type between the same sides, dated within
    ``days``, in other documents."""
    if _table_exists(conn, "merged_members"):
        ids = [r[0] for r in conn.execute(
            "SELECT event_id FROM merged_members WHERE merged_id IN"
            " (SELECT merged_id FROM merged_members WHERE event_id = ?) AND event_id != ? LIMIT ?",
            (event["id"], event["id"], limit))]
        if ids:
            return {"method": "merged event (reports linked by the story merger)", "events": _events_by_id(conn, ids)}
    keys = {role: sorted({(r.get("actor_id") or r.get("country")) for r in event[role]} - {None})
            for role in ("source", "target")}
    where = ["e.type = ?", "e.doc_id != ?"]
    args: list = [event["type"], event["doc_id"]]
    if event.get("date") and len(event["date"]) >= 10:
        d = Date.fromisoformat(event["date"][:10])
        where.append("substr(e.date, 1, 10) BETWEEN ? AND ?")
        args += [(d - timedelta(days=days)).isoformat(), (d + timedelta(days=days)).isoformat()]
    elif event.get("date"):
        where.append("e.date LIKE ?")
        args.append(event["date"] + "%")
    for role, ks in keys.items():
        if ks:
            marks = ",".join("?" * len(ks))
            where.append(f"e.id IN (SELECT event_id FROM event_actors ea WHERE ea.role = ? AND {ACTOR_KEY} IN ({marks}))")
            args += [role, *ks]
    ids = [r[0] for r in conn.execute(f"SELECT e.id FROM events e{_where(where)} ORDER BY e.date, e.id LIMIT ?",
                                      [*args, limit])]
    return {"method": f"same type and actors within {days} days", "events": _events_by_id(conn, ids)}


def _events_by_id(conn: sqlite3.Connection, ids: list[str]) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = [dict(r) for r in conn.execute(
        "SELECT e.*, d.published, d.language, d.title FROM events e JOIN documents d ON d.id = e.doc_id"
        f" WHERE e.id IN ({','.join('?' * len(ids))}) ORDER BY e.date, e.id", ids)]
    _attach_actors(conn, rows)
    for e in rows:
        for ref in e["source"] + e["target"]:
            ref["label"] = label(ref.get("actor_id") or ref.get("country"), ref.get("name"))
    return rows


def actor_detail(conn: sqlite3.Connection, actor_id: str) -> dict[str, Any] | None:
    """An actor (KB id or country code) with its counts and partners; None if it takes no part in anything."""
    ids = find_actor_ids(conn, actor_id) or [actor_id]
    marks = ",".join("?" * len(ids))
    row = conn.execute(
        f"SELECT count(DISTINCT event_id) AS events, max(name) AS name, max(country) AS country FROM event_actors"
        f" WHERE actor_id IN ({marks}) OR (actor_id IS NULL AND country IN ({marks}))", [*ids, *ids]).fetchone()
    mentions = conn.execute(
        f"SELECT count(*) AS mentions, count(DISTINCT doc_id) AS documents, max(name) AS name, max(kind) AS kind,"
        f" max(country) AS country, max(sector) AS sector FROM mentions"
        f" WHERE actor_id IN ({marks}) OR (actor_id IS NULL AND kind = 'country' AND country IN ({marks}))",
        [*ids, *ids]).fetchone()
    if not row["events"] and not mentions["mentions"]:
        return None
    key = ids[0]
    net = network(conn, actor=key, max_edges=30)
    return {"id": key, "label": label(key, row["name"] or mentions["name"]),
            "country": row["country"] or mentions["country"], "kind": mentions["kind"], "sector": mentions["sector"],
            "events": row["events"], "mentions": mentions["mentions"], "documents": mentions["documents"],
            "partners": [n for n in net["nodes"] if n["id"] != key][:20]}


def document_view(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    from kronika.store.queries import get_document

    doc = get_document(conn, doc_id)
    if doc is None:
        return None
    for e in doc["events"]:
        for ref in e["source"] + e["target"]:
            ref["label"] = label(ref.get("actor_id") or ref.get("country"), ref.get("name"))
    return doc


def options(conn: sqlite3.Connection) -> dict[str, Any]:
    """Values for the filter menus: event types, quads, countries that take part in events."""
    countries = [r[0] for r in conn.execute(
        "SELECT country FROM event_actors WHERE country IS NOT NULL GROUP BY country ORDER BY count(*) DESC LIMIT 200")]
    return {"types": list(plover_types()), "quads": list(QUADS), "intervals": list(INTERVALS),
            "countries": sorted(countries), "modalities": ["asserted", "claimed", "planned", "denied"]}


__all__ = ["actor_detail", "actor_summary", "document_view", "dyad_balance", "find_events", "get_event",
           "list_events", "network", "options", "quad_totals", "related_events", "timeline", "top_dyads"]
