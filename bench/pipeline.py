#!/usr/bin/env python3
"""Whole-pipeline benchmark: the demo corpus (examples/) repeated to N documents (default
5,000, each copy with its own id), ingested with every stage, into a fresh store.

    python bench/pipeline.py [--n 5000] [--stages ...] [--workers 1]

Prints documents per second (wall and per CPU second), peak memory at N/4, N/2 and N, the
time per stage, and how many mentions and events were stored.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ingest import run_benchmark  # noqa: E402  (bench/ingest.py: the same measuring loop)

from kronika.settings import STAGE_ORDER, Settings  # noqa: E402
from kronika.store import connect, queries  # noqa: E402


def repeat_corpus(source: Path, folder: Path, n: int) -> int:
    """Copy the corpus's files round-robin until there are n, each under a distinct id."""
    files = sorted(p for p in source.iterdir() if p.is_file() and not p.name.startswith("."))
    if not files:
        raise SystemExit(f"no files in {source}")
    for i in range(n):
        original = files[i % len(files)]
        stem, _, ext = original.name.partition(".")
        shutil.copyfile(original, folder / f"{stem}__{i:05d}.{ext}")
    return len(files)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5_000, help="documents (default 5000)")
    ap.add_argument("--corpus", type=Path, default=ROOT / "examples", help="folder to repeat (default examples/)")
    ap.add_argument("--stages", default=",".join(STAGE_ORDER), help="stages to run, comma-separated (default all)")
    ap.add_argument("--workers", type=int, default=1, help="worker processes (default 1: one core)")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kronika-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        distinct = repeat_corpus(a.corpus, folder, a.n)
        print(f"{a.n} documents: {distinct} distinct articles from {a.corpus}, repeated")
        settings = Settings.load(environ={}, db=Path(tmp) / "bench.db", stages=a.stages, workers=a.workers)
        t = time.perf_counter()
        run_benchmark(folder, a.n, settings, "whole pipeline")
        counts = queries.count_documents(connect(settings.db, readonly=True))
        print(f"stored: {counts['documents']} documents, {counts['mentions']} mentions "
              f"({counts['linked_mentions']} linked), {counts['events']} events, {counts['failures']} failures "
              f"[{time.perf_counter() - t:.0f} s in all]")


if __name__ == "__main__":
    main()
