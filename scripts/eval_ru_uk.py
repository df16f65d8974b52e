#!/usr/bin/env python3
"""Score the event stage on the hand-coded Russian and Ukrainian news in tests/data/ru_uk_news:
read -> clean -> detect -> link -> extract (scripts/eval_events.py's own runner), written as
eval-jsonl and scored per language with shared/eval/score.py (kronika.evaluate, which gives the
same figures, where shared/ is absent).

    python scripts/eval_ru_uk.py [--lang ru|uk] [--show-misses] [--show-events] [--json]
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
CORPUS = ROOT / "tests" / "data" / "ru_uk_news"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
LANGS = ("ru", "uk")

from eval_events import eval_record, run_documents  # noqa: E402  (the seeds' runner, reused)


def load_gold(path: Path = CORPUS / "gold.jsonl") -> dict[str, dict]:
    with path.open(encoding="utf-8") as f:
        return {d["doc_id"]: d for d in map(json.loads, filter(str.strip, f))}


def predict(lang: str | None = None, corpus: Path = CORPUS) -> dict[str, dict]:
    """doc_id -> eval record for the corpus articles of one language (both when None)."""
    paths = sorted(str(p) for p in corpus.glob("*.txt") if lang is None or p.name.startswith(f"{lang}_"))
    return {a.id: eval_record(a) for a in run_documents(paths)}


def scores(gold: dict[str, dict], pred: dict[str, dict]) -> dict:
    from kronika.evaluate import score_documents

    return score_documents(gold, pred).summary()


def _write_jsonl(docs: dict[str, dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for d in docs.values():
            f.write(json.dumps(d, ensure_ascii=False) + "\n")


def _show_events(pred: dict[str, dict]) -> None:
    def side(actors):
        return "+".join(a["name"] or a["country"] or "?" for a in actors) or "?"

    for doc_id, rec in pred.items():
        for e in rec["events"]:
            print(f"PRED {doc_id[:22]:22} {e['type']:9} {side(e['source'])} -> {side(e['target'])} "
                  f"{e['date']} {e['modality']} :: {e['evidence'][:80]}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=LANGS, help="one language only (default: each in turn)")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--show-events", action="store_true", help="print every predicted event")
    ap.add_argument("--json", action="store_true", help="one JSON object: language -> figures")
    a = ap.parse_args(argv)
    gold_all, pred_all = load_gold(), predict()
    if a.show_events:
        _show_events({k: v for k, v in pred_all.items() if not a.lang or k.startswith(f"{a.lang}_")})
    figures, rc = {}, 0
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ([a.lang] if a.lang else LANGS):
            gold = {k: v for k, v in gold_all.items() if v["language"] == lang}
            pred = {k: pred_all.get(k, {"doc_id": k, "events": []}) for k in gold}
            figures[lang] = scores(gold, pred)
            if a.json:
                continue
            print(f"== {lang}: {len(gold)} documents, {sum(len(d['events']) for d in gold.values())} gold events")
            if not SCORER.exists():
                print("\n".join(f"{k:20} {v}" for k, v in figures[lang].items()))
                continue
            gold_path, pred_path = Path(tmp) / f"gold_{lang}.jsonl", Path(tmp) / f"pred_{lang}.jsonl"
            _write_jsonl(gold, gold_path)
            _write_jsonl(pred, pred_path)
            cmd = [sys.executable, str(SCORER), str(gold_path), str(pred_path)]
            rc |= subprocess.call(cmd + (["--show-misses"] if a.show_misses else []))
    if a.json:
        print(json.dumps(figures))
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
