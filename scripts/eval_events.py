#!/usr/bin/env python3
"""Score the event stage on the seeds: read -> clean -> detect -> link -> extract, written as
eval-jsonl (shared/spec/EVAL-FORMAT.md) and scored with shared/eval/score.py.

    python scripts/eval_events.py [--seeds DIR] [--gold FILE] [--out FILE] [--show-misses] [--show-events]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def eval_record(article) -> dict:
    from kronika.actors import document_actors

    return {
        "doc_id": article.id,
        "language": article.language,
        "published": article.published,
        "actors": document_actors(article),
        "events": [e.as_eval() for e in article.events],
    }


def run_documents(paths) -> list:
    """Articles through the whole pipeline up to events (the pipeline's own stages)."""
    from kronika.model import Article
    from kronika.pipeline import build_pipeline, read_inputs
    from kronika.settings import Settings

    settings = Settings.load()
    pipeline = build_pipeline(settings)
    out = []
    for item in read_inputs(paths, settings):
        if not isinstance(item, Article):
            print(f"skipped {item.source}: {item.reason}", file=sys.stderr)
            continue
        result = pipeline.run(item)
        if isinstance(result, Article):
            out.append(result)
        else:
            print(f"failed {result.source} at {result.stage}: {result.reason}", file=sys.stderr)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default=str(SHARED / "seeds"))
    ap.add_argument("--gold", default=str(SHARED / "gold" / "seeds.jsonl"))
    ap.add_argument("--out", default="/tmp/kronika-events-seeds.jsonl")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--show-events", action="store_true", help="print every predicted event")
    a = ap.parse_args(argv)
    articles = run_documents([a.seeds])
    with open(a.out, "w", encoding="utf-8") as f:
        for art in articles:
            f.write(json.dumps(eval_record(art), ensure_ascii=False) + "\n")
    if a.show_events:
        for art in articles:
            for e in art.events:
                src = "+".join(x.name or x.country or "?" for x in e.source) or "?"
                tgt = "+".join(x.name or x.country or "?" for x in e.target) or "?"
                print(f"PRED {art.id[:3]} {e.type:9} {src} -> {tgt} {e.date} {e.modality} [{e.trigger}] :: {e.evidence[:80]}")
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), a.gold, a.out]
    if a.show_misses:
        cmd.append("--show-misses")
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
