"""Page helpers that turn query results into drawable pieces: marked-up text segments and
SVG geometry. Templates escape every string they print; nothing here builds HTML."""
from __future__ import annotations

import math
import random
from datetime import date, timedelta
from typing import Any, Iterable

QUAD_COLOURS = {
    "verbal_cooperation": "#6baed6",
    "material_cooperation": "#2171b5",
    "verbal_conflict": "#fd8d3c",
    "material_conflict": "#cb181d",
}
QUAD_LABELS = {
    "verbal_cooperation": "verbal cooperation",
    "material_cooperation": "material cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
}


def segments(text: str, spans: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cut ``text`` at every span boundary; each piece lists the spans covering it.

    A span is {start, end, kind, title?, href?}; pieces are {text, kinds, title, href, first}.
    Overlapping spans (an evidence sentence holding mentions and a trigger) nest naturally.
    """
    spans = [s for s in spans if 0 <= s["start"] < s["end"] <= len(text)]
    cuts = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [s for s in spans if s["start"] <= a and b <= s["end"]]
        out.append({
            "text": text[a:b],
            "kinds": " ".join(sorted({s["kind"] for s in covering})),
            "title": "; ".join(s["title"] for s in covering if s.get("title")),
            "href": next((s["href"] for s in covering if s.get("href")), None),
            "anchor": next((s["anchor"] for s in covering if s.get("anchor") and s["start"] == a), None),
        })
    return out


def _bucket_span(bucket: str, interval: str) -> tuple[date, date]:
    """The first day of a bucket and the day after its last."""
    if interval == "year":
        d = date(int(bucket[:4]), 1, 1)
        return d, date(d.year + 1, 1, 1)
    if interval == "month":
        d = date(int(bucket[:4]), int(bucket[5:7]), 1)
        return d, date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    d = date.fromisoformat(bucket[:10])
    return d, d + timedelta(days=7 if interval == "week" else 1)


def _time_axis(buckets: list[dict[str, Any]], interval: str, width: int, pad: int, ticks: int = 8):
    """A linear time scale over the buckets: x of each bucket, its width, and dated tick marks.
    Empty stretches of time stay empty on the axis, so gaps between events are visible."""
    spans = [_bucket_span(b["bucket"], interval) for b in buckets]
    lo = min(a for a, _ in spans)
    hi = max(b for _, b in spans)
    days = max((hi - lo).days, 1)
    scale = (width - 2 * pad) / days
    placed = [(pad + (a - lo).days * scale, max((b - a).days * scale * 0.85, 3.0)) for a, b in spans]
    marks = []
    for i in range(ticks + 1):
        d = lo + timedelta(days=round(days * i / ticks))
        text = d.isoformat()[:{"year": 4, "month": 7}.get(interval, 10)]
        if not marks or marks[-1]["text"] != text:
            marks.append({"x": round(pad + (d - lo).days * scale, 1), "text": text})
    return placed, marks


def stacked_bars(buckets: list[dict[str, Any]], keys: Iterable[str], interval: str = "month", width: int = 900,
                 height: int = 220, pad: int = 40) -> dict[str, Any]:
    """Geometry for stacked bars on a time axis, one bar per bucket, one segment per key (bottom up)."""
    keys = list(keys)
    if not buckets:
        return {"width": width, "height": height, "pad": pad, "bars": [], "max": 0, "base": height - 30, "ticks": []}
    top = max([sum(b.get(k, 0) for k in keys) for b in buckets] + [1])
    base = height - 30
    scale = (base - 15) / top
    placed, marks = _time_axis(buckets, interval, width, pad)
    bars = []
    for b, (x, bar_w) in zip(buckets, placed):
        y = base
        parts = []
        for k in keys:
            h = b.get(k, 0) * scale
            if h:
                y -= h
                parts.append({"key": k, "x": round(x, 1), "y": round(y, 1), "w": round(bar_w, 1), "h": round(h, 1),
                              "n": b.get(k, 0), "colour": QUAD_COLOURS.get(k, "#888")})
        first, after = _bucket_span(b["bucket"], interval)
        bars.append({"bucket": b["bucket"], "x": round(x, 1), "w": round(bar_w, 1), "parts": parts,
                     "total": sum(b.get(k, 0) for k in keys), "since": first.isoformat(),
                     "until": (after - timedelta(days=1)).isoformat()})
    return {"width": width, "height": height, "pad": pad, "bars": bars, "max": top, "base": base, "ticks": marks}


def balance_bars(buckets: list[dict[str, Any]], interval: str = "month", width: int = 900, height: int = 220,
                 pad: int = 40) -> dict[str, Any]:
    """Cooperation above the axis, conflict below it, per bucket, on a time axis."""
    mid = (height - 20) / 2
    if not buckets:
        return {"width": width, "height": height, "mid": mid, "pad": pad, "bars": [], "max": 0, "ticks": []}
    top = max([max(b["cooperation"], b["conflict"]) for b in buckets] + [1])
    scale = (mid - 10) / top
    placed, marks = _time_axis(buckets, interval, width, pad)
    bars = []
    for b, (x, bar_w) in zip(buckets, placed):
        up, down = b["cooperation"] * scale, b["conflict"] * scale
        bars.append({"bucket": b["bucket"], "x": round(x, 1), "w": round(bar_w, 1),
                     "up_y": round(mid - up, 1), "up_h": round(up, 1), "down_h": round(down, 1),
                     "cooperation": b["cooperation"], "conflict": b["conflict"], "score": b.get("score")})
    return {"width": width, "height": height, "mid": mid, "pad": pad, "bars": bars, "max": top, "ticks": marks}


def network_layout(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], width: int = 900, height: int = 600,
                   iterations: int = 200, seed: int = 7) -> dict[str, Any]:
    """Positions for a force-directed drawing (Fruchterman-Reingold).

    Hand-written: a few dozen nodes drawn server-side as SVG need no graph library, and the
    seeded start makes the same data draw the same picture."""
    rng = random.Random(seed)
    n = len(nodes)
    if n == 0:
        return {"width": width, "height": height, "nodes": [], "edges": []}
    pos = {nd["id"]: [rng.uniform(0.2, 0.8) * width, rng.uniform(0.2, 0.8) * height] for nd in nodes}
    k = math.sqrt(width * height / n) * 0.6
    temp = width / 8
    links = [(e["source"], e["target"]) for e in edges if e["source"] in pos and e["target"] in pos]
    ids = list(pos)
    for _ in range(iterations):
        disp = {i: [0.0, 0.0] for i in ids}
        for ai in range(n):
            a = ids[ai]
            for bi in range(ai + 1, n):
                b = ids[bi]
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                d = math.hypot(dx, dy) or 0.01
                f = k * k / d
                disp[a][0] += dx / d * f
                disp[a][1] += dy / d * f
                disp[b][0] -= dx / d * f
                disp[b][1] -= dy / d * f
        for a, b in links:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = math.hypot(dx, dy) or 0.01
            f = d * d / k
            disp[a][0] -= dx / d * f
            disp[a][1] -= dy / d * f
            disp[b][0] += dx / d * f
            disp[b][1] += dy / d * f
        for i in ids:  # a little gravity keeps unconnected groups from drifting to the edges
            disp[i][0] -= (pos[i][0] - width / 2) * 0.02 * k / 10
            disp[i][1] -= (pos[i][1] - height / 2) * 0.02 * k / 10
        for i in ids:
            dx, dy = disp[i]
            d = math.hypot(dx, dy) or 0.01
            pos[i][0] = min(width - 60, max(60, pos[i][0] + dx / d * min(d, temp)))
            pos[i][1] = min(height - 30, max(30, pos[i][1] + dy / d * min(d, temp)))
        temp = max(temp * 0.97, 1.0)
    top_w = max(nd["weight"] for nd in nodes) or 1
    top_e = max([e["weight"] for e in edges] + [1])
    out_nodes = [{**nd, "x": round(pos[nd["id"]][0], 1), "y": round(pos[nd["id"]][1], 1),
                  "r": round(5 + 13 * math.sqrt(nd["weight"] / top_w), 1)} for nd in nodes]
    radius = {nd["id"]: nd["r"] for nd in out_nodes}
    out_edges = []
    for e in edges:
        if e["source"] not in pos or e["target"] not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        d = math.hypot(x2 - x1, y2 - y1) or 1.0
        cut = radius[e["target"]] + 2  # the arrow ends at the target's rim, not under it
        x2, y2 = x2 - (x2 - x1) / d * cut, y2 - (y2 - y1) / d * cut
        colour = "#2171b5" if e["balance"] > 0.2 else "#cb181d" if e["balance"] < -0.2 else "#888888"
        out_edges.append({**e, "x1": round(x1, 1), "y1": round(y1, 1), "x2": round(x2, 1), "y2": round(y2, 1),
                          "stroke": round(1 + 6 * e["weight"] / top_e, 1), "colour": colour})
    return {"width": width, "height": height, "nodes": out_nodes, "edges": out_edges}
