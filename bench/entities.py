#!/usr/bin/env python3
"""Speed of the actor stage: mentions per second and documents per second.

    python bench/entities.py [--corpus examples/] [--docs 5000]

The demo corpus is read and cleaned once (not timed), then repeated to ``--docs``
documents and linked on one core; the KB load and index build are timed apart.
"""
from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def prepared(corpus: Path):
    from kronika.clean import clean_article
    from kronika.detect import detect_language, detect_published
    from kronika.model import Article
    from kronika.read import read_path

    return [detect_published(detect_language(clean_article(a))) for a in read_path(corpus) if isinstance(a, Article)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "examples")
    ap.add_argument("--docs", type=int, default=5000)
    args = ap.parse_args(argv)

    from kronika.actors import load_kb, make_linker

    docs = prepared(args.corpus)
    if not docs:
        print(f"no documents in {args.corpus}", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    kb = load_kb()
    t_kb = time.perf_counter() - t0
    linker = make_linker(kb)
    t0 = time.perf_counter()
    for lang in sorted({d.language for d in docs if d.language in linker.languages}):
        linker.index(lang)
    t_index = time.perf_counter() - t0

    batch = [copy.copy(docs[i % len(docs)]) for i in range(args.docs)]
    chars = sum(len(d.clean) for d in batch)
    mentions = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for d in batch:
        mentions += len(linker(d).mentions)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"corpus: {len(docs)} documents from {args.corpus}, repeated to {len(batch)} "
          f"(mean {chars / len(batch):.0f} characters)")
    print(f"KB load: {t_kb:.2f} s ({len(kb)} actors); index build: {t_index:.2f} s")
    print(f"actor stage: {len(batch) / elapsed:.0f} docs/s, {mentions / elapsed:.0f} mentions/s "
          f"({mentions} mentions in {elapsed:.1f} s wall, one core)")
    # CPU time too: on a shared machine the wall clock also counts other people's work
    print(f"per CPU second: {len(batch) / cpu:.0f} docs/s, {mentions / cpu:.0f} mentions/s, "
          f"{chars / cpu / 1000:.0f} k characters/s ({cpu:.1f} s CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
