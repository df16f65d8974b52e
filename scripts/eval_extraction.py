#!/usr/bin/env python3
"""Score Kronika's HTML path on the Zyte article-extraction benchmark (../shared/peers).

Reads every page through ``kronika.read.read_file`` (decoding + trafilatura), optionally
cleans it, and compares the text with the gold ``articleBody``. Two figures, both averaged
per document (precision over documents with a prediction, recall over all, F1 of the means,
as the benchmark's own README describes): word 4-gram shingles (the benchmark's metric)
and single words ("token-level"). Prints figures; exits 1 below ``--floor`` (shingle F1).

    python scripts/eval_extraction.py [--bench DIR] [--clean] [--floor 0.90] [--show-worst N]
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kronika.clean import clean_article  # noqa: E402
from kronika.model import Article  # noqa: E402
from kronika.read import read_file  # noqa: E402

DEFAULT_BENCH = Path(__file__).resolve().parents[2] / "shared" / "peers" / "article-extraction-benchmark"
_WORD = re.compile(r"\w+")


def grams(text: str, n: int) -> Counter:
    words = _WORD.findall(text or "")
    if n == 1:
        return Counter(words)
    return Counter(tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1)) if words[i:i + n])


def counts(gold: str, pred: str, n: int) -> tuple[float, float, float]:
    g, p = grams(gold, n), grams(pred, n)
    tp = sum((g & p).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    return tp, fp, fn


def summary(rows: list[tuple[float, float, float]]) -> dict[str, float]:
    precisions = [1.0 if fp == fn == 0 else tp / (tp + fp) for tp, fp, fn in rows if tp + fp > 0]
    recalls = [1.0 if fp == fn == 0 else tp / (tp + fn) for tp, fp, fn in rows if tp + fn > 0]
    p, r = statistics.mean(precisions), statistics.mean(recalls)
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--clean", action="store_true", help="also run clean_article and score the clean text")
    parser.add_argument("--floor", type=float, default=0.90, help="fail below this shingle F1")
    parser.add_argument("--show-worst", type=int, default=0)
    args = parser.parse_args()
    gold = json.loads((args.bench / "ground-truth.json").read_text(encoding="utf-8"))
    shingles: dict[str, list] = {"raw": [], "clean": []}
    tokens: dict[str, list] = {"raw": [], "clean": []}
    failures = []
    per_doc = []
    started = time.perf_counter()
    for doc_id, record in sorted(gold.items()):
        page = args.bench / "html" / f"{doc_id}.html.gz"
        result = next(iter(read_file(page)))
        text = result.raw if isinstance(result, Article) else ""
        if not isinstance(result, Article):
            failures.append((doc_id, result.reason))
        variants = {"raw": text}
        if args.clean:
            variants["clean"] = clean_article(result).clean if isinstance(result, Article) else ""
        for name, pred in variants.items():
            shingles[name].append(counts(record["articleBody"], pred, 4))
            tokens[name].append(counts(record["articleBody"], pred, 1))
        tp, fp, fn = shingles["raw"][-1]
        per_doc.append((tp / (tp + fp + fn) if tp + fp + fn else 1.0, doc_id, record.get("url")))
    elapsed = time.perf_counter() - started
    print(f"pages: {len(gold)}  failed to read: {len(failures)}  ({elapsed:.1f} s, {len(gold) / elapsed:.1f} pages/s)")
    for name in shingles:
        if shingles[name]:
            print(f"{name:<6} shingle(4) {summary(shingles[name])}  token {summary(tokens[name])}")
    for doc_id, reason in failures:
        print(f"  failed {doc_id[:12]}: {reason}")
    for score, doc_id, url in sorted(per_doc)[: args.show_worst]:
        print(f"  worst {score:.2f} {doc_id[:12]} {url}")
    f1 = summary(shingles["raw"])["f1"]
    if f1 < args.floor:
        print(f"FAIL: shingle F1 {f1} is below the floor {args.floor}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
