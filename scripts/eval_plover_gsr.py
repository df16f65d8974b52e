#!/usr/bin/env python3
"""Peer check of the event stage on English one-sentence gold sets (countries only).

    python scripts/eval_plover_gsr.py [--set plover|petr2|all] [--show N]

plover: shared/gold/plover-gsr-docs.jsonl vs plover-gsr.jsonl (PLOVER gold standard records);
petr2:  shared/gold/petr2-gsr-docs.jsonl vs petr2-gsr.jsonl (UD-PETRARCH validation).
Each record runs through clean -> language -> actors -> events (language forced to the
record's). Prints event-type accuracy among records where the system finds an event (the
first event's type against the gold types), recall of records with a gold event where a
gold type is found, and the scorer's dyad P/R/F1.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GOLD = ROOT.parent / "shared" / "gold"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
SETS = {"plover": ("plover-gsr-docs.jsonl", "plover-gsr.jsonl"), "petr2": ("petr2-gsr-docs.jsonl", "petr2-gsr.jsonl")}


def load_scorer():
    spec = importlib.util.spec_from_file_location("kronika_shared_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def process(record: dict, stages) -> dict:
    from kronika.actors import document_actors
    from kronika.model import Article

    text = record["text"]
    a = Article(id=record["id"], source="gsr", raw=text, declared_language=record.get("language", "en"),
                declared_published=record.get("published"))
    for name, stage in stages:
        a = stage(a)
        if name == "language":
            a.language = record.get("language", "en")  # one sentence is too short to detect reliably
            a.published = a.published or record.get("published")
    return {"doc_id": a.id, "language": a.language, "published": a.published, "actors": document_actors(a),
            "events": [e.as_eval() for e in a.events]}


def build_stages():
    from kronika.pipeline import build_pipeline
    from kronika.settings import Settings

    pipe = build_pipeline(Settings.load())
    return [(s.name, s.fn) for s in pipe.stages]


def evaluate(name: str, show: int) -> dict:
    docs_file, gold_file = SETS[name]
    stages = build_stages()
    records = [json.loads(line) for line in open(GOLD / docs_file, encoding="utf-8") if line.strip()]
    preds = {r["id"]: process(r, stages) for r in records}
    scorer = load_scorer()
    gold = scorer.load(str(GOLD / gold_file))
    rep = scorer.score(gold, preds)
    found = correct = with_gold = recalled = 0
    shown = 0
    for doc_id, g in gold.items():
        gtypes = {e["type"] for e in g.get("events", [])}
        p = preds.get(doc_id, {"events": []})
        ptypes = [e["type"] for e in p["events"]]
        if gtypes:
            with_gold += 1
            recalled += bool(gtypes & set(ptypes))
        if ptypes and gtypes:
            found += 1
            ok = ptypes[0] in gtypes
            correct += ok
            if not ok and shown < show:
                shown += 1
                print(f"  {doc_id}: gold {sorted(gtypes)} got {ptypes} :: {g['events'][0]['evidence'][:100]}")
    out = {
        "set": name,
        "records": len(gold),
        "type_accuracy_where_found": round(correct / found, 3) if found else 0.0,
        "records_found": found,
        "type_recall": round(recalled / with_gold, 3) if with_gold else 0.0,
        "dyad_prf": rep.events["dyad"].prf(),
    }
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=["plover", "petr2", "all"], default="all")
    ap.add_argument("--show", type=int, default=0, help="print up to N records with a wrong type")
    a = ap.parse_args(argv)
    for name in (["plover", "petr2"] if a.set == "all" else [a.set]):
        print(json.dumps(evaluate(name, a.show)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
