#!/usr/bin/env python3
"""Score the event stage on the hand-coded Polish news in tests/data/pl_news: the same runner
and scoring as scripts/eval_ru_uk.py (imported from it), on another corpus.

    python scripts/eval_pl.py [--show-misses] [--show-events] [--json]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
CORPUS = ROOT / "tests" / "data" / "pl_news"

import eval_ru_uk  # noqa: E402  (its loader, runner and scorer, pointed at this corpus)
from eval_ru_uk import SCORER, _show_events, _write_jsonl, scores  # noqa: E402


def load_gold(path: Path = CORPUS / "gold.jsonl") -> dict[str, dict]:
    return eval_ru_uk.load_gold(path)


def predict(corpus: Path = CORPUS) -> dict[str, dict]:
    """doc_id -> eval record for every article of the corpus."""
    return eval_ru_uk.predict(None, corpus)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--show-events", action="store_true", help="print every predicted event")
    ap.add_argument("--json", action="store_true", help="one JSON object: language -> figures")
    a = ap.parse_args(argv)
    gold, pred_all = load_gold(), predict()
    pred = {k: pred_all.get(k, {"doc_id": k, "events": []}) for k in gold}
    if a.show_events:
        _show_events(pred)
    figures = {"pl": scores(gold, pred)}
    if a.json:
        print(json.dumps(figures))
        return 0
    print(f"== pl: {len(gold)} documents, {sum(len(d['events']) for d in gold.values())} gold events")
    if not SCORER.exists():
        print("\n".join(f"{k:20} {v}" for k, v in figures["pl"].items()))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        gold_path, pred_path = Path(tmp) / "gold_pl.jsonl", Path(tmp) / "pred_pl.jsonl"
        _write_jsonl(gold, gold_path)
        _write_jsonl(pred, pred_path)
        cmd = [sys.executable, str(SCORER), str(gold_path), str(pred_path)]
        return subprocess.call(cmd + (["--show-misses"] if a.show_misses else []))


if __name__ == "__main__":
    raise SystemExit(main())
