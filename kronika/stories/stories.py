"""Stories: documents grouped by the events they share and the actors they share in time.

Two documents are in one story when they report one merged event, or when at least
``min_shared_actors`` named actors (KB ids, so a Polish and an English article meet) take
part in events of both and their publication dates lie within ``window_days`` (at the dates'
precision). Stories are the connected components of that relation, computed on demand from
the store: a pure function of its content, so the arrival order cannot change them.
"""
from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from datetime import date as Date, timedelta
from itertools import combinations
from typing import Any

from kronika.stories.merge import MergeSettings, _UnionFind, load_settings, parse_date


def date_range(value: str | None) -> tuple[Date, Date] | None:
    """First and last day a date at its precision covers ("2022-12" -> Dec 1..31)."""
    parsed = parse_date(value)
    if parsed is None:
        return None
    year, month, day = parsed
    if day is not None:
        d = Date(year, month, day)
        return d, d
    if month is not None:
        first = Date(year, month, 1)
        return first, (Date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1))
    return Date(year, 1, 1), Date(year, 12, 31)


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two dates' ranges (0 when they overlap); None when either is undated."""
    ra, rb = date_range(a), date_range(b)
    if ra is None or rb is None:
        return None
    if ra[1] < rb[0]:
        return (rb[0] - ra[1]).days
    if rb[1] < ra[0]:
        return (ra[0] - rb[1]).days
    return 0


def find_stories(conn: sqlite3.Connection, cfg: MergeSettings | None = None, *, min_documents: int = 2,
                 actor: str | None = None, since: str | None = None, until: str | None = None,
                 limit: int | None = None) -> list[dict[str, Any]]:
    """Stories, largest first: id, first/last publication date, documents, actors, shared merged events."""
    cfg = cfg or load_settings()
    docs = {r[0]: {"id": r[0], "title": r[1], "language": r[2], "published": r[3]}
            for r in conn.execute("SELECT id, title, language, published FROM documents")}
    uf = _UnionFind(docs)
    why: dict[str, Counter] = defaultdict(Counter)

    shared_events: dict[str, set[str]] = defaultdict(set)
    for mid, doc_id in conn.execute("SELECT m.merged_id, e.doc_id FROM merged_members m JOIN events e ON e.id = m.event_id"):
        shared_events[mid].add(doc_id)
    for mid, group in shared_events.items():
        if len(group) > 1:
            first = min(group)
            for other in group:
                uf.union(first, other)

    actor_names: dict[str, str] = {}
    doc_actors: dict[str, set[str]] = defaultdict(set)
    for doc_id, actor_id, name in conn.execute(
            "SELECT DISTINCT e.doc_id, ea.actor_id, ea.name FROM event_actors ea JOIN events e ON e.id = ea.event_id"
            " WHERE ea.name IS NOT NULL"):
        key = actor_id or f"name:{name}"
        doc_actors[doc_id].add(key)
        actor_names.setdefault(key, name)
    # Pairs come from each actor's documents sorted by date, only within the window, so a
    # much-reported leader does not make every pair of documents a candidate.
    by_actor: dict[str, list[tuple[Date, str]]] = defaultdict(list)
    for doc_id, keys in doc_actors.items():
        span = date_range(docs[doc_id]["published"]) if doc_id in docs else None
        if span:
            for key in keys:
                by_actor[key].append((span[0], doc_id))
    pairs: Counter = Counter()
    reach = timedelta(days=cfg.story_window_days + 366)  # widest a year-precision date can span
    for entries in by_actor.values():
        entries.sort()
        for i, (start, doc_id) in enumerate(entries):
            for later, other in entries[i + 1:]:
                if later - start > reach:
                    break
                pairs[(doc_id, other) if doc_id < other else (other, doc_id)] += 1
    for (a, b), shared in pairs.items():
        if shared < cfg.story_min_shared_actors:
            continue
        gap = days_apart(docs[a]["published"], docs[b]["published"])
        if gap is not None and gap <= cfg.story_window_days:
            uf.union(a, b)

    stories = []
    for root, members in uf.groups().items():
        if len(members) < min_documents:
            continue
        members.sort(key=lambda d: (docs[d]["published"] or "9999", d))
        dated = [docs[d]["published"] for d in members if parse_date(docs[d]["published"])]
        counts = Counter(k for d in members for k in doc_actors.get(d, ()))
        merged = sum(1 for group in shared_events.values() if len(group) > 1 and group <= set(members))
        stories.append({
            "id": min(members),
            "first": min(dated) if dated else None,
            "last": max(dated) if dated else None,
            "documents": [docs[d] for d in members],
            "languages": sorted({docs[d]["language"] for d in members if docs[d]["language"]}),
            "actors": [{"id": k if not k.startswith("name:") else None, "name": actor_names[k], "documents": n}
                       for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n > 1],
            "shared_events": merged,
        })
    if actor:
        wanted = actor.casefold()
        stories = [s for s in stories if any(wanted in ((a["id"] or "").casefold(), (a["name"] or "").casefold())
                                             for a in s["actors"])]
    if since:
        stories = [s for s in stories if s["last"] and s["last"][:len(since)] >= since]
    if until:
        stories = [s for s in stories if s["first"] and s["first"][:len(until)] <= until]
    stories.sort(key=lambda s: (-len(s["documents"]), -s["shared_events"], s["id"]))
    return stories[:limit] if limit else stories
