#!/usr/bin/env python3
"""Score the actor stage alone on the seeds: read -> clean -> detect -> link -> document_actors,
then the scorer's countries and named-actor P/R/F1.

    python scripts/eval_actors.py [--seeds DIR] [--gold FILE] [--show]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("kronika_shared_score", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def articles(seeds: Path):
    from kronika.clean import clean_article
    from kronika.detect import detect_language, detect_published
    from kronika.model import Article
    from kronika.read import read_path

    for a in read_path(seeds):
        if not isinstance(a, Article):
            print(f"skipped {a.source}: {a.reason}", file=sys.stderr)
            continue
        a = detect_published(detect_language(clean_article(a)))
        yield a


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "seeds.jsonl")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--show", action="store_true", help="print each document's misses and extras")
    args = ap.parse_args(argv)

    from kronika.actors import document_actors, make_linker

    score = load_scorer(args.scorer)
    gold = score.load(str(args.gold))
    linker = make_linker()
    pred = {}
    for a in articles(args.seeds):
        linker(a)
        pred[a.id] = {"doc_id": a.id, "language": a.language, "published": a.published, "actors": document_actors(a)}
    countries, named = score.Tally(), score.Tally()
    for doc_id, g in gold.items():
        p = pred.get(doc_id, {})
        gc, pc = score.countries(g.get("actors")), score.countries(p.get("actors"))
        gn, pn = score.names(g.get("actors")), score.names(p.get("actors"))
        score.set_tally(countries, gc, pc)
        score.set_tally(named, gn, pn)
        if args.show:
            print(f"{doc_id}: countries -{sorted(gc - pc)} +{sorted(pc - gc)}  named -{sorted(gn - pn)} +{sorted(pn - gn)}")
    print(json.dumps({"docs": len(gold), "countries_prf": countries.prf(), "named_prf": named.prf()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
