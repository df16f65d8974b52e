#!/usr/bin/env python3
"""In-process ingest against a Dask LocalCluster: the demo corpus (examples/) repeated to N
documents (default 2,000, each copy with its own id), every stage, each into a fresh store.

    python bench/dask_ingest.py [--n 2000] [--workers 2] [--per-task 64]

Prints documents per second for both, after warming up (the one-off costs, loading the
language data in this process and in each worker, are printed apart), and checks that both
stores hold the same number of documents, mentions and events. Workers are spawned cold, as
on a real cluster. On a 2-core machine expect a modest gain at best: the writer and the
workers share the cores.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # spawned workers import this file again, with the path set below
    sys.path.insert(0, str(ROOT))
if __name__ == "__main__":
    # Both paths run one snapshot of the code and data, wherever the tree is edited meanwhile
    # (spawned workers inherit this path; its temporary folder goes when the bench ends).
    _snapshot = tempfile.TemporaryDirectory(prefix="kronika-code-")
    shutil.copytree(ROOT / "kronika", Path(_snapshot.name) / "kronika",
                    ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, _snapshot.name)

from pipeline import repeat_corpus  # noqa: E402  (bench/pipeline.py: the same corpus copies)

from kronika.distributed import dask_client, ingest_distributed, run_batch  # noqa: E402
from kronika.model import Article  # noqa: E402
from kronika.pipeline import build_pipeline, ingest  # noqa: E402
from kronika.settings import Settings  # noqa: E402
from kronika.store import Store, connect, queries  # noqa: E402

# One short article per language, so each process loads every language's data before timing.
WARM_UP = (
    "Warsaw, 3 March 2021. The Polish foreign minister met his Lithuanian counterpart in Vilnius.\n",
    "Warszawa, 3 marca 2021. Minister spraw zagranicznych Polski spotkał się w Wilnie z ministrem Litwy.\n",
    "Москва, 3 марта 2021 года. Министр иностранных дел России встретился в Минске с коллегой.\n",
    "Київ, 3 березня 2021 року. Міністр закордонних справ України зустрівся у Варшаві з колегою.\n",
)


def warm_articles() -> list[Article]:
    return [Article(id=f"warm{i}", source="warm", raw=text) for i, text in enumerate(WARM_UP)]


def counts(db: Path) -> tuple[int, int, int]:
    c = queries.count_documents(connect(db, readonly=True))
    return c["documents"], c["mentions"], c["events"]


def line(label: str, report, seconds: float) -> str:
    return (f"{label:<28} {report.total:>6} docs in {seconds:7.1f} s = {report.total / seconds:6.1f} docs/s "
            f"({report.ingested} ingested, {report.failed} failed)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2_000, help="documents (default 2000)")
    ap.add_argument("--workers", type=int, default=2, help="Dask worker processes, one thread each (default 2)")
    ap.add_argument("--per-task", type=int, default=64, help="articles per Dask task (default 64)")
    ap.add_argument("--corpus", type=Path, default=ROOT / "examples", help="folder to repeat (default examples/)")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kronika-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        distinct = repeat_corpus(a.corpus, folder, a.n)
        print(f"{a.n} documents: {distinct} distinct articles from {a.corpus}, repeated; "
              f"code from {Path(sys.modules['kronika'].__file__).parent}")
        settings = Settings.load(environ={}, db=Path(tmp) / "here.db")

        t = time.perf_counter()
        pipeline = build_pipeline(settings)
        for article in warm_articles():
            pipeline.run(article)
        print(f"warm-up in this process: {time.perf_counter() - t:.1f} s")
        t, cpu = time.perf_counter(), time.process_time()
        with Store(settings.db) as store:
            here = ingest([folder], store, settings, pipeline=pipeline)
        here_s, here_cpu = time.perf_counter() - t, time.process_time() - cpu

        t = time.perf_counter()
        with dask_client(f"local:{a.workers}") as client:
            started = time.perf_counter() - t
            t = time.perf_counter()
            shipped = client.scatter(pipeline, broadcast=True, hash=False)
            warm = [(article, None) for article in warm_articles()]
            client.gather([client.submit(run_batch, shipped, warm, "", False, workers=[w], pure=False)
                           for w in client.scheduler_info()["workers"]])
            print(f"Dask: cluster of {a.workers} started in {started:.1f} s, workers warmed up in "
                  f"{time.perf_counter() - t:.1f} s")
            worker_cpu = client.run(time.process_time)
            t, cpu = time.perf_counter(), time.process_time()
            with Store(Path(tmp) / "dask.db") as store:
                there = ingest_distributed([folder], store, settings, client, pipeline=pipeline, per_task=a.per_task)
            there_s, client_cpu = time.perf_counter() - t, time.process_time() - cpu
            worker_cpu = [after - worker_cpu[w] for w, after in client.run(time.process_time).items()]

        print(line("in-process (1 core)", here, here_s) + f"; CPU {here_cpu:.1f} s")
        print(line(f"Dask LocalCluster ({a.workers} workers)", there, there_s)
              + f"; CPU: writer {client_cpu:.1f} s, workers {', '.join(f'{c:.1f}' for c in worker_cpu)} s")
        print(f"speed-up (wall): {here_s / there_s:.2f}x")
        # Wall figures follow whatever else runs on the machine; CPU seconds do not. With a core
        # for each process, the slowest of them (writer or busiest worker) bounds the wall time.
        bound = max([client_cpu, *worker_cpu])
        print(f"with a free core per process: in-process {a.n / here_cpu:.1f} docs/s, "
              f"Dask {a.n / bound:.1f} docs/s ({here_cpu / bound:.2f}x; the busiest process: {bound:.1f} CPU s)")
        same = counts(settings.db) == counts(Path(tmp) / "dask.db")
        print(f"stored (documents, mentions, events): in-process {counts(settings.db)}, "
              f"Dask {counts(Path(tmp) / 'dask.db')} -> {'same' if same else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
