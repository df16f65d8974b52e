#!/usr/bin/env python3
"""Ingest benchmark: N synthetic articles through read -> clean -> language -> date -> store.

    python bench/ingest.py [--n 20000] [--stages clean,language,published] [--workers 1]

Prints documents per second and memory at N/4, N/2 and N (peak RSS should stay flat in N),
and the time spent in each stage. The articles are generated from a small bank of sentences
(Polish and English, written for this script), with boilerplate lines, a date header on most
and web-style "Updated:" lines on some, so every stage has real work to do.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kronika.pipeline import Pipeline, Stage, build_pipeline, ingest  # noqa: E402
from kronika.settings import Settings  # noqa: E402
from kronika.store import Store  # noqa: E402

POLISH = [
    "Minister spraw zagranicznych spotkał się we wtorek z ambasadorem sąsiedniego kraju.",
    "Rząd zapowiedział nowe przepisy dotyczące ochrony granicy państwowej.",
    "Prezydent podpisał ustawę o zwiększeniu wydatków na obronność.",
    "W stolicy odbyła się demonstracja przeciwko podwyżkom cen energii.",
    "Parlament przyjął rezolucję potępiającą ataki na infrastrukturę cywilną.",
    "Według ministerstwa rozmowy mają być kontynuowane w przyszłym miesiącu.",
    "Premier oświadczył, że jego rząd nie zgodzi się na takie warunki.",
    "Wojsko rozpoczęło ćwiczenia w pobliżu wschodniej granicy kraju.",
    "Sąd skazał opozycyjnego działacza na kilka lat więzienia.",
    "Delegacje obu państw uzgodniły plan współpracy gospodarczej.",
    "Rzecznik resortu odmówił komentarza w sprawie doniesień mediów.",
    "Władze zatrzymały kilkunastu uczestników nielegalnego zgromadzenia.",
]
ENGLISH = [
    "The foreign minister met his counterpart in the capital on Tuesday.",
    "The government announced new rules on border protection.",
    "The president signed a law raising defence spending.",
    "Thousands of people protested against higher energy prices.",
    "Parliament passed a resolution condemning attacks on civilian infrastructure.",
    "According to the ministry, the talks will continue next month.",
    "The prime minister said his government would not accept such terms.",
    "The army began exercises near the country's eastern border.",
    "A court sentenced an opposition activist to several years in prison.",
    "Delegations from both countries agreed on a plan for economic cooperation.",
    "A spokesman for the ministry declined to comment on the media reports.",
    "Police detained more than a dozen people at an unauthorised rally.",
]
BOILERPLATE = ["Share this article", "Read more", "Subscribe to our newsletter", "Comments (12)", "Udostępnij",
               "Czytaj także", "Zapisz się do newslettera"]


def write_corpus(folder: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for i in range(n):
        sentences = POLISH if i % 2 == 0 else ENGLISH
        paragraphs = [" ".join(rng.sample(sentences, 4)) for _ in range(rng.randint(2, 4))]
        lines = []
        if i % 5:
            lines.append(f" date 20{rng.randint(10, 25):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        lines.append(rng.choice(sentences).rstrip("."))  # headline
        if i % 3 == 0:
            lines.append(rng.choice(BOILERPLATE))
        if i % 5 == 0:
            lines.append(f"Updated: Mar {rng.randint(1, 28)}, 2023")
        lines += paragraphs
        if i % 4 == 0:
            lines.append(rng.choice(BOILERPLATE))
        (folder / f"synthetic_{i:06d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")


def rss_mb() -> tuple[float, float]:
    """(current RSS, peak RSS) of this process in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    try:
        with open("/proc/self/statm") as f:
            current = int(f.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        current = float("nan")
    return current, peak


def timed(pipeline: Pipeline, totals: dict[str, float]) -> Pipeline:
    """The same stages, each adding its run time to ``totals``."""

    def wrap(stage: Stage) -> Stage:
        def run(article):
            t = time.perf_counter()
            try:
                return stage.fn(article)
            finally:
                totals[stage.name] = totals.get(stage.name, 0.0) + time.perf_counter() - t
        return Stage(stage.name, run)

    return Pipeline([wrap(s) for s in pipeline.stages], pipeline.skipped)


def run_benchmark(folder: Path, n: int, settings: Settings, label: str) -> None:
    totals: dict[str, float] = {}
    pipeline = build_pipeline(settings)
    if settings.workers == 1:
        pipeline = timed(pipeline, totals)
    for name, why in pipeline.skipped:
        print(f"  stage {name} skipped: {why}")
    checkpoints = {max(1, n // 4), max(1, n // 2), n}
    started, cpu_started = time.perf_counter(), time.process_time()
    last = [0, started, cpu_started]

    def progress(report, source):
        done = report.total
        if done in checkpoints:
            now, cpu = time.perf_counter(), time.process_time()
            current, peak = rss_mb()
            # The rate since the last checkpoint: flat in N when nothing grows with the store.
            span, cpu_span = now - last[1], cpu - last[2]
            print(f"  {done:>7} docs  {now - started:7.1f} s   since last: {(done - last[0]) / span:5.0f} docs/s wall, "
                  f"{(done - last[0]) / cpu_span:5.0f} docs/s CPU   RSS {current:5.0f} MB  peak {peak:5.0f} MB", flush=True)
            last[:] = [done, now, cpu]

    with Store(settings.db) as store:
        if settings.workers == 1:
            write = store.write

            def timed_write(*args, **kwargs):  # the writer's share (store, search index, merging)
                t = time.perf_counter()
                try:
                    return write(*args, **kwargs)
                finally:
                    totals["store"] = totals.get("store", 0.0) + time.perf_counter() - t

            store.write = timed_write
        report = ingest([folder], store, settings, progress=progress, pipeline=pipeline)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(f"{label}: {report.total} documents ({report.ingested} ingested, {report.unchanged} unchanged, "
          f"{report.failed} failed) in {elapsed:.1f} s = {report.total / elapsed:.0f} docs/s wall, "
          f"{report.total / cpu:.0f} docs/s per CPU second (one core; the wall figure drops when the machine is shared); "
          f"peak RSS {rss_mb()[1]:.0f} MB; stages: {', '.join(report.stages)}")
    if totals:
        rest = elapsed - sum(totals.values())
        parts = [f"{k} {v / report.total * 1000:.2f}" for k, v in totals.items()]
        print(f"  ms per document: {', '.join(parts)}, read+commit+other {rest / report.total * 1000:.2f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000, help="number of synthetic articles (default 20000)")
    ap.add_argument("--stages", default="clean,language,published", help="stages to run, comma-separated")
    ap.add_argument("--workers", type=int, default=1, help="worker processes (default 1: one core)")
    ap.add_argument("--keep", type=Path, help="generate into this folder and keep it (default: a temporary one)")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kronika-bench-") as tmp:
        folder = a.keep or Path(tmp) / "corpus"
        folder.mkdir(parents=True, exist_ok=True)
        t = time.perf_counter()
        write_corpus(folder, a.n)
        print(f"generated {a.n} articles in {time.perf_counter() - t:.1f} s")
        settings = Settings.load(environ={}, db=Path(tmp) / "bench.db", stages=a.stages, workers=a.workers)
        run_benchmark(folder, a.n, settings, "first ingest")
        run_benchmark(folder, a.n, settings, "second ingest (all unchanged)")


if __name__ == "__main__":
    main()
