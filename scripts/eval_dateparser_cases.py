"""Run dateparser's own test cases (peers/dateparser-cases) through Kronika's time finder
and resolver, and print how many it gets right per language and per test kind.

Usage: python scripts/eval_dateparser_cases.py [CASES.jsonl] [--passing OUT.json]

What "right" means, per record kind (dates are compared as ISO strings; a value of ours is
right when it is the expected date cut to our precision, and that precision is the finest
the phrase can carry):
- relative cases (``ago`` / ``in_future`` from "now"): "now" is frozen at ANCHOR; the expected
  day is ANCHOR minus/plus the years, months, weeks and days (hours and minutes below a day
  are ignored, as Kronika dates to the day); the period ("day", "month", "year") is the
  precision asked for.
- search cases (a running text with expected substrings and datetimes): the anchor is the
  RELATIVE_BASE setting when given, else the first full date in the text (dateparser reads
  later dates against it); each expected substring must overlap one expression of ours that
  resolves to that day.
- translation cases (a phrase and dateparser's English rendering): the expected date is
  dateparser's own reading of its English rendering against ANCHOR (past preferred).
Bare durations ("9 месяцев", "2 роки") have no "ago": Kronika reads them as durations, never
as dates, so they count as misses.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kronika.events.time import find_time_expressions, resolve_sentence_date, resolve_time  # noqa: E402

DEFAULT = Path("/work/shared/peers/dateparser-cases/dateparser_pl_ru_uk_en_cases.jsonl")
ANCHOR = dt.date(2015, 6, 15)
_PRECISION = {"day": 10, "week": 10, "month": 7, "year": 4}


def _shift(day: dt.date, delta: dict, sign: int) -> dt.date:
    from dateutil.relativedelta import relativedelta

    keys = {k: sign * int(v) for k, v in delta.items() if k in ("years", "months", "weeks", "days")}
    return day + relativedelta(**keys)


def _natural_precision(expr) -> int:
    """The finest precision a phrase can carry: "три месяца назад" names a month, not a day."""
    if expr is None:
        return 10
    if expr.kind in ("date", "deadline", "since") and expr.year is not None:
        return 10 if expr.day else 7 if expr.month else 4
    if expr.kind == "date":
        return 10 if expr.day else 7
    if expr.unit in ("year",) and not expr.extra:
        return 4
    if expr.unit in ("month",) and all(u in ("year", "month") for u, _ in expr.extra):
        return 7
    if expr.kind == "calendar" and expr.unit == "week":
        return 7
    return 10


def _right(value: str | None, expected: str, precision: int) -> bool:
    return value is not None and len(value) >= precision and expected.startswith(value)


def _check_relative(r: dict) -> tuple[bool, str]:
    sign = -1 if "ago" in r else 1
    expected = _shift(ANCHOR, r.get("ago") or r.get("in_future"), sign).isoformat()
    value, expr = resolve_sentence_date(r["date_string"], r["lang"], ANCHOR.isoformat(), allow_future=True)
    precision = min(_PRECISION.get(r.get("period", "day"), 10), _natural_precision(expr))
    return _right(value, expected, precision), f"{r['date_string']!r}: got {value} ({expr and expr.text!r}), want {expected[:precision]}"


def _check_search(r: dict) -> tuple[bool, str]:
    text, lang = r.get("string") or r.get("text"), r["lang"]
    exprs = find_time_expressions(text, lang)
    base = (r.get("settings") or {}).get("RELATIVE_BASE")
    anchor = base[:10] if base else next((resolve_time(e, None) for e in exprs if e.year and e.day), None)
    problems = []
    cursor = 0
    for substring, iso in r["expected"]:
        at = text.find(substring, cursor)
        at = text.find(substring) if at < 0 else at
        cursor = at + len(substring)
        hit = next((e for e in exprs if e.start < at + len(substring) and at < e.end), None)
        value = resolve_time(hit, anchor) if hit else None
        precision = _natural_precision(hit)
        if not _right(value, iso[:10], precision):
            problems.append(f"{substring!r}: got {value}, want {iso[:10]}")
    return not problems, "; ".join(problems) or "ok"


def _check_translation(r: dict) -> tuple[bool, str]:
    import dateparser

    base = dt.datetime.combine(ANCHOR, dt.time(12))
    parsed = dateparser.parse(r["expected_translation"], languages=["en"],
                              settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    if parsed is None:
        return False, f"dateparser cannot read its own rendering {r['expected_translation']!r}"
    expected = parsed.date().isoformat()
    value, expr = resolve_sentence_date(r["datetime_string"], r["lang"], ANCHOR.isoformat(), allow_future=True)
    precision = _natural_precision(expr)
    return _right(value, expected, precision), f"{r['datetime_string']!r}: got {value}, want {expected}"


def check(record: dict) -> tuple[bool, str]:
    """Whether Kronika reads one dateparser case right, and a line saying what it did."""
    if "date_string" in record:
        return _check_relative(record)
    if "expected" in record:
        return _check_search(record)
    if "expected_translation" in record:
        return _check_translation(record)
    return False, f"no expected value in {record.get('test')}"


def case_id(record: dict) -> str:
    return f"{record['source_file']}:{record['line']}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--passing", type=Path, help="write the ids of passing cases to this JSON file")
    parser.add_argument("--show", choices=("fail", "pass", "all"), default=None, help="print each case")
    args = parser.parse_args(argv)
    records = [json.loads(line) for line in args.cases.read_text(encoding="utf-8").splitlines() if line.strip()]
    totals: Counter = Counter()
    right: Counter = Counter()
    by_test: dict = defaultdict(Counter)
    passing = []
    for r in records:
        ok, detail = check(r)
        totals[r["lang"]] += 1
        by_test[(r["lang"], r["test"])]["n"] += 1
        if ok:
            right[r["lang"]] += 1
            by_test[(r["lang"], r["test"])]["ok"] += 1
            passing.append(case_id(r))
        if args.show == "all" or (args.show == "fail" and not ok) or (args.show == "pass" and ok):
            print(f"{'PASS' if ok else 'FAIL'} {r['lang']} {r['test']}: {detail}")
    for lang in sorted(totals):
        print(f"{lang}: {right[lang]}/{totals[lang]} right")
        for (lg, test), c in sorted(by_test.items()):
            if lg == lang:
                print(f"    {test}: {c['ok']}/{c['n']}")
    print(f"all: {sum(right.values())}/{sum(totals.values())} right")
    if args.passing:
        args.passing.write_text(json.dumps(sorted(passing), indent=0) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
