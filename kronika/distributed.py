"""Ingest on a Dask cluster: stages 1-5 run on workers, the store is written here.

    with dask_client("local:2") as client:          # or "tcp://scheduler:8786"
        report = ingest_distributed(["news/"], Store("kronika.db"), settings, client)

Same contract and outcome accounting as ``kronika.pipeline.ingest``: every input ends
ingested (new or replaced), unchanged or failed, and a stage that raises turns that one
article into a Failure naming the stage. Inputs are read in this process (workers need not
see the files) and shipped to workers in batches; results are written as batches complete,
by this process alone, so the store keeps its one writer. A bounded number of batches is in
flight, so memory stays flat however large the corpus. One difference: if one run holds two
inputs with the same id and different texts, the version whose batch finishes last is kept
(in-process: the later input's).

Workers need Kronika installed (the same version); the pipeline is shipped to each worker
once. Needs the ``dask`` extra (``pip install 'kronika[dask]'``).
"""
from __future__ import annotations

import hashlib
import logging
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kronika.errors import KronikaError
from kronika.model import Article, Failure
from kronika.pipeline import BATCH_SIZE, UNCHANGED, IngestReport, Pipeline, build_pipeline, read_inputs
from kronika.settings import Settings
from kronika.store.store import content_hash

log = logging.getLogger("kronika")

# Articles per task: enough that shipping a task costs little next to running it.
PER_TASK = 64
# A task's articles are also capped by size, so a batch of large pages stays a small message.
MAX_TASK_BYTES = 8 * 1024 * 1024
CONNECT_TIMEOUT_S = 10.0


class ClusterError(KronikaError):
    """The Dask cluster cannot be reached or started, or has no workers."""


def _distributed():
    try:
        import distributed
    except ImportError:
        raise ClusterError("the Dask path needs dask[distributed]; install it with: pip install 'kronika[dask]'") from None
    return distributed


@contextmanager
def dask_client(address: str, timeout: float | None = None) -> Iterator["distributed.Client"]:  # noqa: F821
    """A client for ``address``: ``local:N`` starts a LocalCluster of N single-threaded worker
    processes (closed on exit); anything else is an existing scheduler's address, which must
    answer within ``timeout`` seconds (default CONNECT_TIMEOUT_S)."""
    distributed = _distributed()
    timeout = CONNECT_TIMEOUT_S if timeout is None else timeout
    if address.startswith("local:"):
        n = int(address.split(":", 1)[1])
        try:
            cluster = distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                               dashboard_address=None, silence_logs=logging.CRITICAL)
        except Exception as e:  # any start-up failure is one clear line for the user
            raise ClusterError(f"cannot start a local Dask cluster of {n} workers: {type(e).__name__}: {e}") from e
        with cluster, distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {e}") from e
    with client:
        yield client


# The kinds of files that can change what is stored (code and language data; not web pages).
_RESULT_FILES = frozenset({".py", ".yaml", ".yml", ".json", ".txt", ".tsv", ".sql"})


def code_fingerprint() -> str:
    """A digest of Kronika's code and data files as this machine has them: workers running
    another version would store other results, so they are refused."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha1()
    for path in sorted(root.rglob("*")):
        if path.suffix in _RESULT_FILES and path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _check_versions(client) -> None:
    ours = code_fingerprint()
    differ = sorted(w for w, theirs in client.run(code_fingerprint).items() if theirs != ours)
    if differ:
        raise ClusterError(f"Dask workers {', '.join(differ)} run other Kronika code or data than this machine; "
                           "install the same version on every worker")


def _worker_threads(client, timeout: float) -> int:
    """Threads across the cluster's workers, waiting a while for a first worker to join."""
    if not client.scheduler_info().get("workers"):
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            raise ClusterError(f"the Dask cluster at {client.scheduler.address} has no workers") from None
    return sum(w.get("nthreads", 1) for w in client.scheduler_info(n_workers=-1)["workers"].values()) or 1


def run_batch(pipeline: Pipeline, batch: list[tuple[Article, tuple[str, str] | None]], fingerprint: str,
              force: bool) -> list[Article | Failure | str]:
    """On a worker: each (article, stored (content_hash, stages) or None) through the stages.
    UNCHANGED when the stored version has the same clean text and stages, checked right after
    cleaning as the in-process path does, so the costly stages are not run again."""
    head, tail = pipeline.split("clean")
    results: list[Article | Failure | str] = []
    for article, stored in batch:
        result = head.run(article)
        if isinstance(result, Article) and not force and stored == (content_hash(result.clean), fingerprint):
            results.append(UNCHANGED)
        else:
            results.append(tail.run(result) if isinstance(result, Article) else result)
    return results


def _batches(items: Iterator[Article | Failure], per_task: int) -> Iterator[list[Article | Failure]]:
    """Consecutive inputs cut into lists of at most ``per_task`` articles (and MAX_TASK_BYTES);
    read failures ride along and are written by the client without going to a worker."""
    chunk: list[Article | Failure] = []
    articles = size = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Article):
            articles += 1
            size += len(item.raw)
        if articles >= per_task or size >= MAX_TASK_BYTES:
            yield chunk
            chunk, articles, size = [], 0, 0
    if chunk:
        yield chunk


def ingest_distributed(paths: Iterable[str | Path], store, settings: Settings | None, client,
                       progress: Callable[[IngestReport, str], None] | None = None,
                       pipeline: Pipeline | None = None, per_task: int = PER_TASK,
                       in_flight: int | None = None) -> IngestReport:
    """Read here, run the stages on the client's Dask workers, write each batch as it completes.

    ``in_flight`` bounds the batches submitted and not yet written (default: twice the
    cluster's worker threads). Returns the same IngestReport as ``kronika.pipeline.ingest``.
    """
    distributed = _distributed()
    settings = settings or Settings.load()
    pipeline = pipeline or build_pipeline(settings)
    fingerprint = pipeline.fingerprint
    report = IngestReport(skipped_stages=list(pipeline.skipped), stages=pipeline.names)
    started = time.perf_counter()
    window = in_flight or 2 * _worker_threads(client, CONNECT_TIMEOUT_S)
    _check_versions(client)
    # One copy per worker, kept there: stages load their data once per worker, not per task.
    shipped = client.scatter(pipeline, broadcast=True, hash=False)
    done = distributed.as_completed(loop=client.loop)  # this client, default or not
    pending: dict = {}  # future -> [(doc_id, source)] of its articles, in order

    def record(result: Article | Failure | str, source: str) -> None:
        if isinstance(result, Failure):
            store.write_failure(result)
            report.failures.append(result)
        elif result == UNCHANGED:
            report.unchanged += 1
        else:
            status = store.write(result, stages=fingerprint, force=settings.force)
            if status == "unchanged":
                report.unchanged += 1
            else:
                report.ingested += 1
                report.replaced += status == "replaced"
        if progress:
            progress(report, source)

    def write_completed(future) -> None:
        meta = pending.pop(future)
        try:
            results = future.result()
        except Exception as e:  # a worker died or the task could not run: its articles fail, the rest go on
            log.warning("a Dask task of %d articles failed: %s", len(meta), e)
            results = [Failure(source=source, doc_id=doc_id, stage="worker",
                               reason=f"the Dask task failed: {type(e).__name__}: {e}") for doc_id, source in meta]
        future.release()
        with store.batch():
            for result, (_doc_id, source) in zip(results, meta):
                record(result, source)

    read_failures: list[Failure] = []

    def write_read_failures() -> None:
        with store.batch():
            for failure in read_failures:
                record(failure, failure.source)
        read_failures.clear()

    try:
        for chunk in _batches(read_inputs(paths, settings), per_task):
            read_failures.extend(f for f in chunk if isinstance(f, Failure))
            if len(read_failures) >= BATCH_SIZE:
                write_read_failures()
            articles = [a for a in chunk if isinstance(a, Article)]
            if not articles:
                continue
            batch = [(a, None if settings.force else store.lookup(a.id)) for a in articles]
            future = client.submit(run_batch, shipped, batch, fingerprint, settings.force, pure=False)
            pending[future] = [(a.id, a.source) for a in articles]
            done.add(future)
            while len(pending) >= window:
                write_completed(next(done))
        write_read_failures()
        for future in done:
            write_completed(future)
    finally:
        if pending:  # interrupted: nothing left running on the cluster for us
            client.cancel(list(pending))
        shipped.release()
    report.seconds = time.perf_counter() - started
    log.info("ingest on Dask: %d ingested, %d unchanged, %d failed in %.1f s",
             report.ingested, report.unchanged, report.failed, report.seconds)
    return report


__all__ = ["ClusterError", "code_fingerprint", "dask_client", "ingest_distributed", "run_batch", "PER_TASK"]
