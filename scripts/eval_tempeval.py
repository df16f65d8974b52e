"""Score Kronika's English time finder and resolver on the TempEval-3 platinum test set.

Usage: python scripts/eval_tempeval.py [GOLD_DIR]

The gold TIMEX3 of type DATE are the target (TIME, DURATION and SET are not event dates).
- detection recall: gold DATEs overlapped by one of our expressions;
- detection precision: our date-bearing expressions (not durations) that overlap a gold
  TIMEX3 of any type;
- value accuracy: among gold DATEs we overlap whose value is an ISO date (YYYY, YYYY-MM,
  YYYY-MM-DD), those whose resolution against the document creation time agrees to the
  gold's precision (the rule of the eval scorer's `dated` match).
"""
from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kronika.events.time import find_time_expressions, resolve_time  # noqa: E402

DEFAULT = Path("/work/shared/peers/tempeval3-platinum/gold")
_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _text_and_timexes(path: Path) -> tuple[str, str, list[tuple[int, int, str, str]]]:
    root = ET.parse(path).getroot()
    dct = root.find("DCT/TIMEX3").get("value")
    text_el = root.find("TEXT")
    parts: list[str] = []
    timexes = []

    def walk(el):
        if el is not text_el:
            start = sum(map(len, parts))
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if el.tag == "TIMEX3":
            timexes.append((start, sum(map(len, parts)), el.get("type"), el.get("value")))

    walk(text_el)
    return "".join(parts), dct, timexes


def main(argv: list[str] | None = None) -> int:
    gold_dir = Path((argv or sys.argv[1:] or [DEFAULT])[0])
    gold_dates = found = ours = ours_right = valued = valued_right = 0
    for path in sorted(gold_dir.glob("*.tml")):
        text, dct, timexes = _text_and_timexes(path)
        exprs = [e for e in find_time_expressions(text, "en") if e.kind not in ("duration", "anaphoric")]
        for e in exprs:
            ours += 1
            if any(s < e.end and e.start < t for s, t, _, _ in timexes):
                ours_right += 1
        for s, t, kind, value in timexes:
            if kind != "DATE":
                continue
            gold_dates += 1
            hit = next((e for e in exprs if s < e.end and e.start < t), None)
            if hit is None:
                continue
            found += 1
            if value and _ISO.fullmatch(value):
                valued += 1
                got = resolve_time(hit, dct)
                if got is not None and len(got) >= len(value) and got.startswith(value):
                    valued_right += 1
    print(f"gold DATE timexes: {gold_dates}; found {found} (recall {found / max(gold_dates, 1):.2f})")
    print(f"our expressions: {ours}; on a gold timex {ours_right} (precision {ours_right / max(ours, 1):.2f})")
    print(f"value right to the gold precision: {valued_right}/{valued} ({valued_right / max(valued, 1):.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
