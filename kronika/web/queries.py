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
from kronika.store.queries import _attach_actors, _parse_dyad, _parse_quad, check_modality, list_events, parse_types
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


def split_dyad(dyad: str) -> tuple[str, str]:
    """'RUS-BLR', 'RUS>BLR' or 'vladimir-putin>alexander-lukashenko' -> (source, target)."""
    if ">" in dyad:
        parts = [p.strip() for p in dyad.split(">")]
        if len(parts) == 2 and all(parts):
            return parts[0], parts[1]
        raise ConfigError(f"dyad {dyad!r} should be SOURCE>TARGET (actor ids or country codes), like RUS>BLR")
    return _parse_dyad(dyad)


def _is_country(side: str) -> bool:
    return (len(side) == 3 and side.isalpha() and side.isupper()) or side.upper() == "IGO"


def actor_keys(conn: sqlite3.Connection, actor: str) -> list[str]:
    """The stored actor keys (KB ids, or country codes for states) for what a user typed:
    a key itself, or the ids of actors with that name."""
    for key in dict.fromkeys((actor, actor.upper() if len(actor) == 3 else actor)):
        if conn.execute("SELECT 1 FROM event_sides WHERE key = ? LIMIT 1", (key,)).fetchone():
            return [key]
    ids = [r[0] for r in conn.execute(
        "SELECT actor_id FROM event_actors WHERE name = ? COLLATE NOCASE AND actor_id IS NOT NULL"
        " UNION SELECT id FROM actors WHERE name = ? COLLATE NOCASE LIMIT 20", (actor, actor))]
    return ids or [actor]


def _in(column: str, values: list[str]) -> str:
    return f"{column} IN ({','.join('?' * len(values))})"


def _selection(conn: sqlite3.Connection, *, actor: str | None = None, country: str | None = None,
               dyad: str | None = None, type: str | None = None, quad: str | None = None,
               modality: str | None = None, since: str | None = None, until: str | None = None,
               symmetric: bool = False) -> tuple[str, str, list[str], list]:
    """The events that filters select, over the narrowest table: event_pairs for a dyad,
    event_sides for an actor or a country, events otherwise (the first two repeat an event
    once per side or pair: count distinct ids). Returns (FROM, id column, WHERE parts, args);
    the table's alias is x. ``symmetric`` takes a dyad both ways."""
    where: list[str] = []
    args: list = []
    if dyad:
        src, tgt = split_dyad(dyad)

        def side(role: str, who: str) -> tuple[str, list]:
            if _is_country(who):
                return f"x.{role}_country = ?", [who.upper()]
            keys = actor_keys(conn, who)
            return _in(f"x.{role}", keys), keys

        (a, a_args), (b, b_args) = side("source", src), side("target", tgt)
        if symmetric:
            (c, c_args), (d, d_args) = side("source", tgt), side("target", src)
            where.append(f"(({a} AND {b}) OR ({c} AND {d}))")
            args += a_args + b_args + c_args + d_args
        else:
            where += [a, b]
            args += a_args + b_args
        table, idc = "event_pairs x", "x.event_id"
        if actor:
            keys = actor_keys(conn, actor)
            where.append(f"x.event_id IN (SELECT event_id FROM event_sides WHERE {_in('key', keys)})")
            args += keys
        if country:
            where.append("x.event_id IN (SELECT event_id FROM event_sides WHERE country = ?)")
            args.append(country.upper())
    elif actor:
        keys = actor_keys(conn, actor)
        table, idc = "event_sides x", "x.event_id"
        where.append(_in("x.key", keys) + " AND x.first_key = 1")
        args += keys
        if country:
            where.append("x.event_id IN (SELECT event_id FROM event_sides WHERE country = ?)")
            args.append(country.upper())
    elif country:
        table, idc = "event_sides x", "x.event_id"
        where.append("x.country = ? AND x.first_country = 1")
        args.append(country.upper())
    else:
        table, idc = "events x", "x.id"
    if type:
        wanted = parse_types(type)
        where.append(_in("x.type", wanted))
        args += wanted
    if quad:
        where.append("x.quad = ?")
        args.append(_parse_quad(quad))
    if modality:
        check_modality(modality)
        where.append("x.modality = ?")
        args.append(modality)
    _dates("x.date", since, until, where, args)
    return table, idc, where, args


def _where(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(f"({w})" for w in where)) if where else ""


def find_events(conn: sqlite3.Connection, *, limit: int = 50, offset: int = 0, order: str = "date",
                **filters: Any) -> dict[str, Any]:
    """A page of events (newest first, or oldest first with order="timeline"; undated last)
    and whether more follow."""
    table, idc, where, args = _selection(conn, **filters)
    direction = {"date": "DESC", "timeline": "ASC"}[order]
    if table.startswith("events"):
        ids = _page_of_events(conn, where, args, direction, limit + 1, offset)
    else:
        ids = _page_of_sides(conn, table, where, args, direction, limit + 1, offset)
    more = len(ids) > limit
    ids = ids[:limit]
    by_id = {e["id"]: e for e in _events_by_id(conn, ids)}
    return {"events": [by_id[i] for i in ids if i in by_id], "limit": limit, "offset": offset, "more": more}


def _page_of_events(conn: sqlite3.Connection, where: list[str], args: list, direction: str, limit: int,
                    offset: int) -> list[str]:
    """Ids of a page over the events table: dated events in date order by the date index,
    then the undated ones (sorting "undated last" in one query would defeat the index)."""
    ids = [r[0] for r in conn.execute(
        f"SELECT x.id FROM events x{_where(where + ['x.date IS NOT NULL'])} ORDER BY x.date {direction}, x.id"
        " LIMIT ? OFFSET ?", [*args, limit, offset])]
    if len(ids) < limit and not any("x.date >=" in w or "x.date <=" in w for w in where):
        dated = conn.execute(f"SELECT count(*) FROM events x{_where(where + ['x.date IS NOT NULL'])}",
                             args).fetchone()[0]
        ids += [r[0] for r in conn.execute(
            f"SELECT x.id FROM events x{_where(where + ['x.date IS NULL'])} ORDER BY x.id LIMIT ? OFFSET ?",
            [*args, limit - len(ids), max(0, offset - dated)])]
    return ids


def _page_of_sides(conn: sqlite3.Connection, table: str, where: list[str], args: list, direction: str, limit: int,
                   offset: int) -> list[str]:
    """Ids of a page over event_sides or event_pairs, which repeat an event once per side.
    Rows come in index order (date, quad, id), so no sort of every match is needed; the
    repeats are skipped here, reading only as far as the page reaches."""
    wanted = offset + limit
    order = f"x.date {direction}, x.quad {direction}, x.event_id {direction}"
    seen: dict[str, None] = {}
    for clause in ("x.date IS NOT NULL", "x.date IS NULL"):
        if clause == "x.date IS NULL" and any("x.date >=" in w or "x.date <=" in w for w in where):
            break  # a date range leaves undated events out
        for (event_id,) in conn.execute(f"SELECT x.event_id FROM {table}{_where(where + [clause])} ORDER BY {order}",
                                        args):
            seen.setdefault(event_id)
            if len(seen) >= wanted:
                return list(seen)[offset:]
    return list(seen)[offset:]


def _bucket_sql(interval: str) -> tuple[str, int]:
    """SQL for an event's bucket (over alias x), and the date length (precision) it needs."""
    if interval not in INTERVALS:
        raise ConfigError(f"unknown interval {interval!r}; use one of: {', '.join(INTERVALS)}")
    if interval == "week":  # the Monday that starts the ISO week
        return "date(substr(x.date, 1, 10), '-' || ((CAST(strftime('%w', substr(x.date, 1, 10)) AS INTEGER) + 6) % 7) || ' days')", 10
    length = {"day": 10, "month": 7, "year": 4}[interval]
    return f"substr(x.date, 1, {length})", length


def timeline(conn: sqlite3.Connection, *, interval: str = "month", **filters: Any) -> dict[str, Any]:
    """Events per bucket per quad class: {interval, buckets: [{bucket, <quad>: n, ..., total}], imprecise}.
    Events whose date is coarser than the interval are counted in ``imprecise``, not placed.
    A dyad counts both directions."""
    bucket, need = _bucket_sql(interval)
    table, idc, where, args = _selection(conn, **filters, symmetric=bool(filters.get("dyad")))
    # One row per event, except over pairs or several actor ids: those count distinct events.
    one_row = table.startswith("events") or (table.startswith("event_sides") and "?," not in where[0])
    count = "count(*)" if one_row else f"count(DISTINCT {idc})"
    rows = conn.execute(
        f"SELECT {bucket} AS bucket, x.quad AS quad, {count} AS n FROM {table}"
        f"{_where(where + [f'length(x.date) >= {need}'])} GROUP BY bucket, x.quad ORDER BY bucket", args)
    by_bucket: dict[str, dict[str, Any]] = {}
    for r in rows:
        b = by_bucket.setdefault(r["bucket"], {"bucket": r["bucket"], **{q: 0 for q in QUADS}, "total": 0})
        if r["quad"] in QUADS:
            b[r["quad"]] += r["n"]
        b["total"] += r["n"]
    imprecise = conn.execute(
        f"SELECT {count} FROM {table}{_where(where + [f'(x.date IS NULL OR length(x.date) < {need})'])}",
        args).fetchone()[0]
    return {"interval": interval, "buckets": list(by_bucket.values()), "imprecise": imprecise}


def dyad_balance(conn: sqlite3.Connection, dyad: str, *, interval: str = "month", since: str | None = None,
                 until: str | None = None) -> dict[str, Any]:
    """Cooperation versus conflict between two sides (both directions) per bucket, with the
    mean PLOVER score of the bucket's events (-10 .. +10; positive: cooperative)."""
    bucket, need = _bucket_sql(interval)
    table, idc, where, args = _selection(conn, dyad=dyad, since=since, until=until, symmetric=True)
    rows = conn.execute(
        f"SELECT {bucket} AS bucket, x.quad AS quad, x.type AS type, count(DISTINCT {idc}) AS n FROM {table}"
        f"{_where(where + [f'length(x.date) >= {need}'])} GROUP BY bucket, x.quad, x.type ORDER BY bucket", args)
    scores = {t: info.get("score") for t, info in plover_types().items()}
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        b = out.setdefault(r["bucket"], {"bucket": r["bucket"], "cooperation": 0, "conflict": 0, "_s": 0.0, "_n": 0})
        b["cooperation" if r["quad"] in COOPERATION else "conflict"] += r["n"]
        if scores.get(r["type"]) is not None:
            b["_s"] += scores[r["type"]] * r["n"]
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
    (with a count per quad class). ``actor`` keeps the edges that touch that actor;
    ``country`` the edges with a side of that country."""
    _t, _i, where, args = _selection(conn, since=since, until=until, quad=quad, type=type)
    if actor:
        keys = actor_keys(conn, actor)
        where.append(f"({_in('x.source', keys)} OR {_in('x.target', keys)})")
        args += keys + keys
    if country:
        where.append("(x.source_country = ? OR x.target_country = ?)")
        args += [country.upper()] * 2
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for r in conn.execute(
            "SELECT x.source AS source, x.target AS target, x.quad AS quad, count(*) AS n FROM event_pairs x"
            f"{_where(where + ['x.source != x.target'])} GROUP BY x.source, x.target, x.quad", args):
        e = edges.setdefault((r["source"], r["target"]), {"source": r["source"], "target": r["target"], "weight": 0,
                                                          **{q: 0 for q in QUADS}})
        e["weight"] += r["n"]
        if r["quad"] in QUADS:
            e[r["quad"]] += r["n"]
    kept = sorted(edges.values(), key=lambda e: (-e["weight"], e["source"], e["target"]))[:max_edges]
    degree: dict[str, int] = {}
    for e in kept:
        coop = e["verbal_cooperation"] + e["material_cooperation"]
        e["balance"] = round((coop - (e["weight"] - coop)) / e["weight"], 2)  # -1 all conflict .. +1 all cooperation
        for k in (e["source"], e["target"]):
            degree[k] = degree.get(k, 0) + e["weight"]
    nodes = [{"id": k, "label": label(k), "weight": w} for k, w in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"nodes": nodes, "edges": kept, "truncated": len(edges) > len(kept)}


def actor_summary(conn: sqlite3.Connection, *, limit: int = 50, since: str | None = None,
                  until: str | None = None) -> list[dict[str, Any]]:
    """Actors by number of events they take part in (as source or target)."""
    where, args = [], []
    _dates("x.date", since, until, where, args)
    rows = conn.execute(
        "SELECT x.key AS id, max(x.country) AS country, count(*) AS events,"
        " sum(x.role = 'source') AS as_source, sum(x.role = 'target') AS as_target"
        f" FROM event_sides x{_where(where)} GROUP BY x.key ORDER BY events DESC, id LIMIT ?", [*args, limit])
    return [{**dict(r), "label": label(r["id"])} for r in rows]


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


def sides_are_stale(conn: sqlite3.Connection) -> bool:
    """True when event_sides lacks rows (a store written before its triggers existed)."""
    expected = conn.execute("SELECT count(*) FROM event_actors WHERE coalesce(actor_id, country) IS NOT NULL").fetchone()[0]
    return expected != conn.execute("SELECT count(*) FROM event_sides").fetchone()[0]


def rebuild_event_sides(conn: sqlite3.Connection) -> int:
    """Refill event_sides and event_pairs from events and event_actors; returns the sides written.
    The caller owns the transaction."""
    conn.execute("DELETE FROM event_sides")
    conn.execute("DELETE FROM event_pairs")
    conn.execute(
        "INSERT INTO event_sides (event_id, role, key, country, date, quad, type, modality, first_key, first_country)"
        " SELECT event_id, role, key, country, date, quad, type, modality,"
        " row_number() OVER (PARTITION BY event_id, key ORDER BY role, idx) = 1,"
        " country IS NOT NULL AND row_number() OVER (PARTITION BY event_id, country ORDER BY role, idx) = 1"
        " FROM (SELECT ea.event_id, ea.role, ea.idx, coalesce(ea.actor_id, ea.country) AS key, ea.country, e.date,"
        " e.quad, e.type, e.modality FROM event_actors ea JOIN events e ON e.id = ea.event_id"
        " WHERE coalesce(ea.actor_id, ea.country) IS NOT NULL)")
    conn.execute(
        "INSERT INTO event_pairs (event_id, source, target, source_country, target_country, date, quad, type, modality)"
        " SELECT s.event_id, s.key, t.key, s.country, t.country, s.date, s.quad, s.type, s.modality"
        " FROM event_sides s JOIN event_sides t ON t.event_id = s.event_id AND t.role = 'target'"
        " WHERE s.role = 'source'")
    return conn.execute("SELECT count(*) FROM event_sides").fetchone()[0]


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
    keys = actor_keys(conn, actor_id)
    row = conn.execute(f"SELECT count(DISTINCT event_id) AS events, max(country) AS country FROM event_sides"
                       f" WHERE {_in('key', keys)}", keys).fetchone()
    mentions = conn.execute(
        f"SELECT count(*) AS mentions, count(DISTINCT doc_id) AS documents, max(name) AS name, max(kind) AS kind,"
        f" max(country) AS country, max(sector) AS sector FROM mentions"
        f" WHERE {_in('actor_id', keys)} OR (actor_id IS NULL AND kind = 'country' AND {_in('country', keys)})",
        [*keys, *keys]).fetchone()
    if not row["events"] and not mentions["mentions"]:
        return None
    key = keys[0]
    net = network(conn, actor=key, max_edges=30)
    return {"id": key, "label": label(key, mentions["name"]),
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
    countries = [r[0] for r in conn.execute("SELECT DISTINCT country FROM event_sides WHERE country IS NOT NULL")]
    return {"types": list(plover_types()), "quads": list(QUADS), "intervals": list(INTERVALS),
            "countries": sorted(countries), "modalities": ["asserted", "claimed", "planned", "denied"]}


__all__ = ["actor_detail", "actor_keys", "actor_summary", "document_view", "dyad_balance", "find_events", "get_event",
           "list_events", "network", "options", "quad_totals", "rebuild_event_sides", "related_events",
           "sides_are_stale", "timeline", "top_dyads"]
