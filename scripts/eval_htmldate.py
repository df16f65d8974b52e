#!/usr/bin/env python3
"""Publication-date accuracy of Kronika's HTML path on htmldate's Media Cloud 2020 set (../shared/peers).

Each page goes read -> clean -> detect_published, exactly as in ingest; a page counts as right
when the published date equals the gold day (a month-only or missing date is wrong).
``--compare`` also scores htmldate called directly with extensive search, for reference.

    python scripts/eval_htmldate.py [--bench DIR] [--compare] [--show-misses N]
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kronika.clean import clean_article  # noqa: E402
from kronika.detect.published import detect_published  # noqa: E402
from kronika.model import Article  # noqa: E402
from kronika.read import read_file  # noqa: E402

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "peers" / "htmldate-mediacloud-2020"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--compare", action="store_true", help="also score htmldate(extensive_search=True) directly")
    parser.add_argument("--show-misses", type=int, default=0)
    args = parser.parse_args()
    gold = json.loads((args.bench / "eval_mediacloud_2020.json").read_text(encoding="utf-8"))
    right = 0
    outcomes: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    misses = []
    direct_right = 0
    started = time.perf_counter()
    unlabelled = [url for url, record in gold.items() if not str(record.get("date", ""))[:1].isdigit()]
    for url in unlabelled:
        del gold[url]  # a few gold entries say "nan": no gold date to compare with
    for url, record in sorted(gold.items()):
        page = args.bench / "html" / record["file_gz"]
        result = next(iter(read_file(page)))
        predicted = None
        if isinstance(result, Article):
            article = detect_published(clean_article(result))
            predicted = article.published
            sources[article.published_source or "none"] += 1
        else:
            sources["read failure"] += 1
        if predicted == record["date"]:
            right += 1
            outcomes["right"] += 1
        elif predicted is None:
            outcomes["no date"] += 1
            misses.append((url, record["date"], None))
        else:
            outcomes["wrong date"] += 1
            misses.append((url, record["date"], predicted))
        if args.compare:
            from htmldate import find_date

            html = gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace")
            direct_right += find_date(html, extensive_search=True, original_date=True, url=url) == record["date"]
    elapsed = time.perf_counter() - started
    n = len(gold)
    print(f"(left out {len(unlabelled)} pages whose gold date is missing)")
    print(f"pages: {n}  accuracy: {right / n:.3f} ({right}/{n})  {dict(outcomes)}  sources: {dict(sources)}  ({elapsed:.1f} s)")
    if args.compare:
        print(f"htmldate direct, extensive_search=True, url given: accuracy {direct_right / n:.3f}")
    for url, want, got in misses[: args.show_misses]:
        print(f"  miss: gold {want} got {got}  {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
