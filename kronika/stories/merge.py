"""Event identity across documents: which stored reports describe one real-world event.

How merging stays incremental and independent of the order articles arrive in:

1. A *link* is a pairwise decision between two reports (``compare``): a pure, symmetric
   function of the two reports' stored fields and the settings in resources/merge.yaml.
   Links are stored (table ``merge_links``) with their score and the fields that agreed.
2. When a document is stored, each of its events is compared with every stored event a link
   is possible with: same type, a shared actor (KB id, name or country) and a year within one
   of its own (or no date). The index finds all of them, so the set of links is the same
   whatever the order of arrival.
3. A *component* is a connected component of links. Within one, reports are joined greedily,
   strongest link first (ties broken by event id), never putting two reports that a veto
   separates (different dates, different people, different places) into one merged event.
   That depends only on the component's content, so re-clustering just the component a new
   document touches gives the partition a full recomputation would give.

Reports whose compared fields are all equal (copies of one story) form a *twin class*: they
compare alike with everything, so links, candidates and clustering use one representative per
class (its smallest event id, whatever the order of arrival). A twin joins its class in one row
without comparisons, which keeps the cost per document flat however many copies pile up.

Deleting or replacing a document detaches its events and re-clusters what remains of their
components. A merged event's id is the smallest id among its reports.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as Date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

import yaml

from kronika.errors import ResourceError

log = logging.getLogger("kronika")

_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_CHUNK = 500  # SQLite caps bound parameters per statement
VETOES = ("date", "actors", "place", "mode")
NOT_A_COUNTRY = {"IGO"}  # an organisation's "country"; sharing it says nothing


# -- settings --------------------------------------------------------------------------------
@dataclass(frozen=True)
class MergeSettings:
    symmetric_types: frozenset[str]
    weights: dict[str, float]
    threshold: float
    date_tolerance_days: int
    undated_require_named_both_sides: bool
    undated_threshold: float
    one_sided_threshold: float
    vetoes: frozenset[str]
    story_min_shared_actors: int
    story_window_days: int


_WEIGHTS = ("named", "country", "date_day", "date_near", "date_month", "date_year", "place", "mode")


@lru_cache(maxsize=1)
def load_settings() -> MergeSettings:
    """The bundled resources/merge.yaml, validated, read once."""
    path = "kronika/resources/merge.yaml"
    try:
        data = yaml.safe_load(resources.files("kronika").joinpath("resources/merge.yaml").read_text("utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ResourceError(f"{path} is unreadable ({e}); reinstall Kronika") from e
    return settings_from_dict(data, path)


def settings_from_dict(data: dict[str, Any], where: str = "merge settings") -> MergeSettings:
    try:
        weights = {k: float(data["weights"][k]) for k in _WEIGHTS}
        vetoes = frozenset(data.get("vetoes") or ())
        bad = vetoes - set(VETOES)
        if bad:
            raise ResourceError(f"{where}: unknown veto {', '.join(sorted(bad))}; use some of: {', '.join(VETOES)}")
        undated = data.get("undated") or {}
        stories = data.get("stories") or {}
        return MergeSettings(
            symmetric_types=frozenset(data.get("symmetric_types") or ()),
            weights=weights,
            threshold=float(data["threshold"]),
            date_tolerance_days=int(data.get("date_tolerance_days", 0)),
            undated_require_named_both_sides=bool(undated.get("require_named_both_sides", True)),
            undated_threshold=float(undated.get("threshold", data["threshold"])),
            one_sided_threshold=float((data.get("one_sided") or {}).get("threshold", data["threshold"])),
            vetoes=vetoes,
            story_min_shared_actors=int(stories.get("min_shared_actors", 2)),
            story_window_days=int(stories.get("window_days", 7)),
        )
    except (KeyError, TypeError, ValueError) as e:
        raise ResourceError(f"{where}: missing or malformed setting ({e}); see the comments in "
                            "kronika/resources/merge.yaml for the expected keys") from e


# -- reports and the pairwise rule -----------------------------------------------------------
@dataclass(frozen=True)
class Side:
    """One side (source or target) of a report, reduced to what identity needs."""

    named: frozenset[str] = frozenset()  # KB ids, or "name:<name>" for unlinked named actors
    countries: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Report:
    """One stored event, as merging sees it."""

    id: str
    doc_id: str
    type: str
    date: str | None
    place: str | None
    source: Side
    target: Side
    modality: str = "asserted"
    mode: str | None = None


@dataclass
class Decision:
    """Whether two reports are one event, and why: the score and what agreed (or the veto)."""

    linked: bool
    score: float = 0.0
    agreed: dict[str, str] = field(default_factory=dict)
    veto: str | None = None


def actor_key(actor_id: str | None, name: str | None) -> str | None:
    if actor_id:
        return actor_id
    return f"name:{name}" if name else None


def make_side(refs: Iterable[dict | Any]) -> Side:
    named, countries = set(), set()
    for r in refs:
        get = r.get if isinstance(r, dict) else lambda k, r=r: getattr(r, k)
        key = actor_key(get("actor_id"), get("name"))
        if key:
            named.add(key)
        if get("country") and get("country") not in NOT_A_COUNTRY:
            countries.add(get("country"))
    return Side(frozenset(named), frozenset(countries))


def parse_date(value: str | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) at the value's precision; None for no date or no leading year."""
    if not value:
        return None
    m = _ISO_PREFIX.match(value)
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        return (year, None, None)
    if day is not None:
        try:
            Date(year, month, day)
        except ValueError:
            return (year, month, None)
    return (year, month, day)


def compare_dates(a: str | None, b: str | None, tolerance_days: int = 0) -> str | None:
    """'day' | 'near' | 'month' | 'year' (agree at that precision) | 'conflict' | None (one is undated)."""
    pa, pb = parse_date(a), parse_date(b)
    if pa is None or pb is None:
        return None
    if pa[2] is not None and pb[2] is not None:
        gap = abs((Date(*pa) - Date(*pb)).days)
        return "day" if gap == 0 else "near" if gap <= tolerance_days else "conflict"
    if pa[0] != pb[0]:
        return "conflict"
    if pa[1] is None or pb[1] is None:
        return "year"
    return "month" if pa[1] == pb[1] else "conflict"


def compare_sides(x: Side, y: Side) -> str | None:
    """'named' | 'country' (what they share) | 'conflict' | None (one side says nothing)."""
    if x.named & y.named:
        return "named"
    if x.named and y.named:
        return "conflict"  # both name their actors and none is common: other people
    if x.countries & y.countries:
        return "country"
    if x.countries and y.countries:
        return "conflict"
    return None


def compare(a: Report, b: Report, cfg: MergeSettings | None = None) -> Decision:
    """The scored rule: are two reports one event? Symmetric in a and b."""
    cfg = cfg or load_settings()
    w = cfg.weights
    if a.type != b.type:
        return Decision(False, veto="type")
    agreed: dict[str, str] = {"type": a.type}

    orientations = [("direct", a.source, a.target)]
    if a.type in cfg.symmetric_types:
        orientations.append(("swapped", a.target, a.source))
    best: tuple[float, str, str | None, str | None] | None = None
    any_conflict = False
    for name, src, tgt in orientations:
        s, t = compare_sides(src, b.source), compare_sides(tgt, b.target)
        if "conflict" in (s, t) and "actors" in cfg.vetoes:
            any_conflict = True
            continue
        score = w.get(s or "", 0.0) + w.get(t or "", 0.0)
        if best is None or score > best[0]:
            best = (score, name, s, t)
    if best is None:
        return Decision(False, veto="actors")
    actor_score, orientation, s, t = best
    if s not in ("named", "country") and t not in ("named", "country"):
        return Decision(False, agreed=agreed)  # no actor in common: nothing ties them
    agreed.update({k: v for k, v in (("source", s), ("target", t)) if v and v != "conflict"})
    if orientation == "swapped":
        agreed["orientation"] = "swapped"

    when = compare_dates(a.date, b.date, cfg.date_tolerance_days)
    if when == "conflict" and "date" in cfg.vetoes:
        return Decision(False, agreed=agreed, veto="date")
    date_score = {"day": w["date_day"], "near": w["date_near"], "month": w["date_month"],
                  "year": w["date_year"]}.get(when or "", 0.0)
    if when and when != "conflict":
        agreed["date"] = when

    place_score = 0.0
    if a.place and b.place:
        if a.place.casefold() == b.place.casefold():
            place_score = w["place"]
            agreed["place"] = a.place
        elif "place" in cfg.vetoes:
            return Decision(False, agreed=agreed, veto="place")

    mode_score = 0.0
    if a.mode and b.mode:
        if a.mode == b.mode:
            mode_score = w["mode"]
            agreed["mode"] = a.mode
        elif "mode" in cfg.vetoes:  # a phone call and a visit are two events
            return Decision(False, agreed=agreed, veto="mode")

    score = round(actor_score + date_score + place_score + mode_score, 6)
    needed = cfg.threshold
    if s is None or t is None:  # one side unknown in a report: only the other side ties them
        needed = max(needed, cfg.one_sided_threshold)
    if when is None:  # at least one report is undated
        if cfg.undated_require_named_both_sides and (s, t) != ("named", "named"):
            return Decision(False, score, agreed)
        needed = max(needed, cfg.undated_threshold)
    return Decision(score >= needed, score, agreed)


# -- reading reports from the store ----------------------------------------------------------
def _chunks(items: list, size: int = _CHUNK) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def load_reports(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, Report]:
    ids = sorted(set(ids))
    rows: dict[str, tuple] = {}
    refs: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for part in _chunks(ids):
        marks = ",".join("?" * len(part))
        for r in conn.execute("SELECT id, doc_id, type, date, location_name, modality, mode FROM events"
                              f" WHERE id IN ({marks})", part):
            rows[r[0]] = tuple(r)
        for r in conn.execute("SELECT event_id, role, actor_id, name, country FROM event_actors"
                              f" WHERE event_id IN ({marks})", part):
            refs[(r[0], r[1])].append({"actor_id": r[2], "name": r[3], "country": r[4]})
    return {
        eid: Report(id=eid, doc_id=doc_id, type=type_, date=date if parse_date(date) else None, place=place,
                    source=make_side(refs[(eid, "source")]), target=make_side(refs[(eid, "target")]),
                    modality=modality, mode=mode)
        for eid, (_, doc_id, type_, date, place, modality, mode) in rows.items()
    }


_DATED = "e.date GLOB '[0-9][0-9][0-9][0-9]*'"  # what parse_date reads as dated
_HAS_MONTH = ("(e.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'"
              " AND CAST(substr(e.date, 6, 2) AS INTEGER) BETWEEN 1 AND 12)")


_IS_REP = "EXISTS (SELECT 1 FROM merge_classes c WHERE c.rep = e.id)"  # twins are found through their class


def _actor_disjuncts(named: frozenset[str], countries: frozenset[str], alias: str = "ea") -> list[tuple[str, list]]:
    """SQL conditions on an event_actors row, one per kind of key (KB ids, names, countries)."""
    ids = sorted(k for k in named if not k.startswith("name:"))
    names = sorted(k[5:] for k in named if k.startswith("name:"))
    out = []
    if ids:
        out.append((f"{alias}.actor_id IN ({','.join('?' * len(ids))})", ids))
    if names:
        # NOCASE: served by the index on names (a superset; compare matches names exactly)
        out.append((f"({alias}.actor_id IS NULL AND {alias}.name COLLATE NOCASE IN ({','.join('?' * len(names))}))", names))
    if countries:
        out.append((f"{alias}.country IN ({','.join('?' * len(countries))})", sorted(countries)))
    return out


def _actor_clause(named: frozenset[str], countries: frozenset[str], alias: str = "ea") -> tuple[str, list] | None:
    parts = _actor_disjuncts(named, countries, alias)
    return (" OR ".join(p[0] for p in parts), [a for p in parts for a in p[1]]) if parts else None


def _orientations(report: Report, cfg: MergeSettings) -> list[tuple[Side, Side]]:
    """(side matched against stored sources, side matched against stored targets), as compare tries them."""
    out = [(report.source, report.target)]
    if report.type in cfg.symmetric_types:
        out.append((report.target, report.source))
    return out


def _any_side_clause(report: Report, cfg: MergeSettings, alias: str = "ea") -> tuple[str, list] | None:
    """Some side of a stored event shares an actor or country with the side of ``report`` it is
    compared with (a link needs that: compare ties reports source to source, target to target)."""
    ors, args = [], []
    for as_source, as_target in _orientations(report, cfg):
        for role, side in (("source", as_source), ("target", as_target)):
            clause = _actor_clause(side.named, side.countries, alias)
            if clause:
                ors.append(f"({alias}.role = '{role}' AND ({clause[0]}))")
                args += clause[1]
    return (" OR ".join(ors), args) if ors else None


def _prefix(column: str, prefix: str) -> tuple[str, list]:
    """``column`` starts with ``prefix``, as a range the (type, date) index can serve."""
    return f"({column} >= ? AND {column} < ?)", [prefix, prefix + "\x7f"]


def _date_clause(when: tuple[int, int | None, int | None], tolerance_days: int) -> tuple[str, list]:
    """Stored dates that may agree with ``when`` at some precision (a superset; compare decides)."""
    year, month, day = when
    y = f"{year:04d}"
    in_year, year_args = _prefix("e.date", y)
    no_month = f"({in_year} AND NOT {_HAS_MONTH})"
    if day is not None:
        d = Date(year, month, day)
        months = sorted({(d + timedelta(days=k)).strftime("%Y-%m") for k in (-tolerance_days, 0, tolerance_days)})
        ranges = [_prefix("e.date", m) for m in months]
        return (f"({' OR '.join(r[0] for r in ranges)} OR {no_month})",
                [a for r in ranges for a in r[1]] + year_args)
    if month is not None:
        in_month, month_args = _prefix("e.date", f"{y}-{month:02d}")
        return f"({in_month} OR {no_month})", month_args + year_args
    return in_year, year_args


def candidate_ids(conn: sqlite3.Connection, report: Report, cfg: MergeSettings) -> set[str]:
    """Every stored event a link with ``report`` is possible with (a superset; compare decides):
    the same type, an actor or country in common on a side compare ties (source to source,
    target to target, or swapped for symmetric types), and a date that may agree. With no date
    on either report a link needs named actors in common on both sides, and only those are found."""
    found: set[str] = set()
    when = parse_date(report.date)
    base = f"e.type = ? AND e.id != ? AND {_IS_REP}"
    undated_only = f" AND NOT coalesce({_DATED}, 0)" if when is not None else ""
    if cfg.undated_require_named_both_sides:
        # found through the actor index: a named actor on the source side, then the target side
        for as_source, as_target in _orientations(report, cfg):
            tgt = _actor_clause(as_target.named, frozenset(), "eb")
            # one query per kind of key, so each is driven by its index (an OR makes SQLite scan the type)
            for src in _actor_disjuncts(as_source.named, frozenset(), "ea") if tgt else ():
                sql = ("SELECT DISTINCT e.id FROM event_actors ea JOIN events e ON e.id = ea.event_id"
                       f" WHERE ea.role = 'source' AND ({src[0]}) AND {base}{undated_only}"
                       " AND EXISTS (SELECT 1 FROM event_actors eb WHERE eb.event_id = e.id AND eb.role = 'target'"
                       f" AND ({tgt[0]}))")
                found |= {r[0] for r in conn.execute(sql, [*src[1], report.type, report.id, *tgt[1]])}
    else:
        sides = _any_side_clause(report, cfg)
        if sides:
            sql = ("SELECT DISTINCT e.id FROM event_actors ea JOIN events e ON e.id = ea.event_id"
                   f" WHERE ({sides[0]}) AND {base}{undated_only}")
            found |= {r[0] for r in conn.execute(sql, [*sides[1], report.type, report.id])}
    sides = _any_side_clause(report, cfg)
    if when is not None and sides:  # dated ones: by type and date range first, then actors
        dates, date_args = _date_clause(when, cfg.date_tolerance_days)
        sql = (f"SELECT e.id FROM events e WHERE {base} AND {dates}"
               f" AND EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND ({sides[0]}))")
        found |= {r[0] for r in conn.execute(sql, [report.type, report.id, *date_args, *sides[1]])}
    return found


# -- clustering ------------------------------------------------------------------------------
class _UnionFind:
    def __init__(self, items: Iterable[str]):
        self.parent = {i: i for i in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for x in self.parent:
            out[self.find(x)].append(x)
        return out


def cluster_component(reports: dict[str, Report], links: list[tuple[str, str, float]],
                      cfg: MergeSettings) -> dict[str, str]:
    """event id -> merged id for one component: strongest links first, never across a veto."""
    members: dict[str, set[str]] = {eid: {eid} for eid in reports}
    owner = {eid: eid for eid in reports}
    vetoed: dict[tuple[str, str], bool] = {}

    def blocked(x: str, y: str) -> bool:
        key = (x, y) if x < y else (y, x)
        if key not in vetoed:
            vetoed[key] = compare(reports[key[0]], reports[key[1]], cfg).veto is not None
        return vetoed[key]

    for a, b, _score in sorted(links, key=lambda l: (-l[2], l[0], l[1])):
        ga, gb = owner[a], owner[b]
        if ga == gb or any(blocked(x, y) for x in members[ga] for y in members[gb]):
            continue
        keep, gone = min(ga, gb), max(ga, gb)
        members[keep] |= members.pop(gone)
        for x in members[keep]:
            owner[x] = keep
    return {eid: min(members[owner[eid]]) for eid in reports}


def _links_among(conn: sqlite3.Connection, ids: set[str]) -> list[tuple[str, str, float]]:
    found = []
    for part in _chunks(sorted(ids)):
        for r in conn.execute(f"SELECT event_a, event_b, score FROM merge_links WHERE event_a IN ({','.join('?' * len(part))})",
                              part):
            if r[1] in ids:
                found.append((r[0], r[1], r[2]))
    return found


# -- twin classes ----------------------------------------------------------------------------
def signature(report: Report) -> str:
    """Everything ``compare`` reads of a report: equal signatures compare alike with anything
    (same links, same scores, same vetoes), so a class of twins is one node of the graph."""
    key = [report.type, report.date, report.place, report.mode,
           sorted(report.source.named), sorted(report.source.countries),
           sorted(report.target.named), sorted(report.target.countries)]
    return hashlib.blake2b(json.dumps(key, ensure_ascii=False).encode("utf-8"), digest_size=16).hexdigest()


def _in(column: str, part: list) -> str:
    return f"{column} IN ({','.join('?' * len(part))})"


def _drop_links(conn: sqlite3.Connection, reps: Iterable[str]) -> None:
    for part in _chunks(sorted(set(reps))):
        conn.execute(f"DELETE FROM merge_links WHERE {_in('event_a', part)} OR {_in('event_b', part)}", part + part)


def _component_classes(conn: sqlite3.Connection, reps: set[str]) -> set[str]:
    """Representatives of every class in the components these classes sit in."""
    components: set[str] = set()
    for part in _chunks(sorted(reps)):
        components |= {r[0] for r in conn.execute(f"SELECT component FROM merge_classes WHERE {_in('rep', part)}", part)}
    members: set[str] = set()
    for part in _chunks(sorted(components)):
        members |= {r[0] for r in conn.execute(f"SELECT rep FROM merge_classes WHERE {_in('component', part)}", part)}
    return members


def recluster(conn: sqlite3.Connection, reps: Iterable[str], cfg: MergeSettings | None = None) -> None:
    """Recompute components and merged events for these class representatives (whole
    components only); only classes whose merged event changed have their reports rewritten."""
    cfg = cfg or load_settings()
    reps = set(reps)
    if not reps:
        return
    state: dict[str, tuple] = {}  # rep -> (sig, self_link, merged_id, component)
    for part in _chunks(sorted(reps)):
        for r in conn.execute("SELECT rep, sig, self_link, merged_id, component FROM merge_classes"
                              f" WHERE {_in('rep', part)}", part):
            state[r[0]] = tuple(r)[1:]
    reps &= set(state)
    links = _links_among(conn, reps)
    uf = _UnionFind(reps)
    for a, b, _ in links:
        uf.union(a, b)
    by_component: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
    for link in links:
        by_component[uf.find(link[0])].append(link)
    wanted: dict[str, tuple[str | None, str]] = {}
    for root, group in uf.groups().items():
        component = min(group)
        if len(group) == 1:
            rep = group[0]
            # alone: its twins are one event if they link to each other, else each its own
            wanted[rep] = (rep if state[rep][1] else None, rep)
            continue
        merged = cluster_component(load_reports(conn, group), by_component[root], cfg)
        wanted.update((rep, (mid, component)) for rep, mid in merged.items())
    for rep, (mid, component) in wanted.items():
        sig, _, old_mid, old_component = state[rep]
        if (mid, component) == (old_mid, old_component):
            continue
        conn.execute("UPDATE merge_classes SET merged_id = ?, component = ? WHERE rep = ?", (mid, component, rep))
        members = "event_id IN (SELECT event_id FROM merge_twins WHERE sig = ?)"
        if mid is None:
            conn.execute(f"UPDATE merged_members SET merged_id = event_id, component = event_id WHERE {members}", (sig,))
        else:
            conn.execute(f"UPDATE merged_members SET merged_id = ?, component = ? WHERE {members}",
                         (mid, component, sig))


def _event_ids(conn: sqlite3.Connection, doc_id: str) -> list[str]:
    return [r[0] for r in conn.execute("SELECT id FROM events WHERE doc_id = ? ORDER BY idx", (doc_id,))]


def _link(conn: sqlite3.Connection, reports: dict[str, Report], cfg: MergeSettings) -> set[str]:
    """Store the links of these class representatives; return the representatives they touch."""
    found: dict[str, set[str]] = {eid: candidate_ids(conn, r, cfg) for eid, r in reports.items()}
    others = load_reports(conn, set().union(*found.values()) - set(reports)) if found else {}
    everyone = {**others, **reports}
    rows, touched = [], set(reports)
    for eid, cands in found.items():
        for cid in cands:
            if cid not in everyone:
                continue
            a, b = sorted((eid, cid))  # one fixed order, so the stored explanation is too
            decision = compare(everyone[a], everyone[b], cfg)
            if decision.linked:
                rows.append((a, b, decision.score, json.dumps(decision.agreed, ensure_ascii=False)))
                touched.add(cid)
    conn.executemany("INSERT OR REPLACE INTO merge_links (event_a, event_b, score, agreed) VALUES (?, ?, ?, ?)", rows)
    return touched


def attach_document(conn: sqlite3.Connection, doc_id: str, cfg: MergeSettings | None = None) -> None:
    """Attach a just-stored document's events to merged events (call inside its transaction).
    A twin of a stored report joins its class in one row; only a new class (or a new smallest
    id of a class) is compared with the store and re-clusters its component."""
    cfg = cfg or load_settings()
    reports = load_reports(conn, _event_ids(conn, doc_id))
    relink: dict[str, Report] = {}
    rows = []
    for eid in sorted(reports):
        report = reports[eid]
        sig = signature(report)
        cls = conn.execute("SELECT rep, merged_id, component FROM merge_classes WHERE sig = ?", (sig,)).fetchone()
        conn.execute("INSERT OR REPLACE INTO merge_twins (event_id, sig) VALUES (?, ?)", (eid, sig))
        if cls is None:
            conn.execute("INSERT INTO merge_classes (sig, rep, self_link, merged_id, component) VALUES (?, ?, ?, NULL, ?)",
                         (sig, eid, int(compare(report, report, cfg).linked), eid))
            rows.append((eid, eid, eid))
            relink[eid] = report
            continue
        rep, mid, component = cls
        rows.append((eid, mid, component) if mid is not None else (eid, eid, eid))
        if eid < rep:  # the class's representative is its smallest id, whatever the order of arrival
            _drop_links(conn, [rep])
            conn.execute("UPDATE merge_classes SET rep = ? WHERE sig = ?", (eid, sig))
            relink[eid] = report
    conn.executemany("INSERT OR REPLACE INTO merged_members (event_id, merged_id, component) VALUES (?, ?, ?)", rows)
    if relink:
        touched = _link(conn, relink, cfg)
        recluster(conn, touched | _component_classes(conn, touched), cfg)


def detach_document(conn: sqlite3.Connection, doc_id: str, cfg: MergeSettings | None = None) -> None:
    """Take a document's events out of merged events before it is deleted or replaced."""
    cfg = cfg or load_settings()
    ids = _event_ids(conn, doc_id)
    if not ids:
        return
    sigs: set[str] = set()
    for part in _chunks(sorted(ids)):
        sigs |= {r[0] for r in conn.execute(f"SELECT sig FROM merge_twins WHERE {_in('event_id', part)}", part)}
        conn.execute(f"DELETE FROM merge_twins WHERE {_in('event_id', part)}", part)
        conn.execute(f"DELETE FROM merged_members WHERE {_in('event_id', part)}", part)
    components: set[str] = set()
    relink: list[str] = []
    for sig in sorted(sigs):
        rep, component = conn.execute("SELECT rep, component FROM merge_classes WHERE sig = ?", (sig,)).fetchone()
        components.add(component)
        first = conn.execute("SELECT min(event_id) FROM merge_twins WHERE sig = ?", (sig,)).fetchone()[0]
        if first == rep:
            continue
        _drop_links(conn, [rep])
        if first is None:
            conn.execute("DELETE FROM merge_classes WHERE sig = ?", (sig,))
        else:
            conn.execute("UPDATE merge_classes SET rep = ? WHERE sig = ?", (first, sig))
            relink.append(first)
    touched = _link(conn, load_reports(conn, relink), cfg) if relink else set()
    remaining: set[str] = set()
    for part in _chunks(sorted(components)):
        remaining |= {r[0] for r in conn.execute(f"SELECT rep FROM merge_classes WHERE {_in('component', part)}", part)}
    recluster(conn, remaining | touched | _component_classes(conn, touched), cfg)


def rebuild(conn: sqlite3.Connection, cfg: MergeSettings | None = None) -> int:
    """Recompute every link and merged event of the store (for stores ingested before merging,
    or after changing merge.yaml). Returns the number of merged events."""
    cfg = cfg or load_settings()
    for table in ("merge_links", "merged_members", "merge_classes", "merge_twins"):
        conn.execute(f"DELETE FROM {table}")
    for (doc_id,) in conn.execute("SELECT id FROM documents ORDER BY id").fetchall():
        attach_document(conn, doc_id, cfg)
    return conn.execute("SELECT count(DISTINCT merged_id) FROM merged_members").fetchone()[0]


def partition(conn: sqlite3.Connection) -> set[frozenset[str]]:
    """The merged events as a set of sets of event ids (events not yet attached are alone)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for eid, mid in conn.execute("SELECT e.id, coalesce(m.merged_id, e.id) FROM events e"
                                 " LEFT JOIN merged_members m ON m.event_id = e.id"):
        groups[mid].add(eid)
    return {frozenset(g) for g in groups.values()}
