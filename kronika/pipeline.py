"""Named stages run in order over an Article, and ingest: read -> stages -> store.

    pipeline = build_pipeline(Settings.load())
    result = pipeline.run(article)        # an Article, or a Failure naming the stage and reason
    report = ingest(["news/"], Store("kronika.db"), settings)

Stages are built here, in one place, from the entry points in docs/CONTRACTS.md. A stage
whose module is not installed yet is left out with a warning (``Pipeline.skipped``), so the
foundation runs before every stage exists. Stages pickle, so an engine can ship a Pipeline
to worker processes; a stage that raises turns that one article into a Failure and the batch
goes on.
"""
from __future__ import annotations

import importlib
import inspect
import logging
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kronika.errors import ConfigError, KronikaError
from kronika.model import Article, Failure
from kronika.settings import STAGE_ORDER, Settings

log = logging.getLogger("kronika")

StageFn = Callable[[Article], Article]
# Documents per batch shipped and written by kronika.distributed.
BATCH_SIZE = 100
# The writer streams: a commit every COMMIT_DOCUMENTS documents or COMMIT_SECONDS seconds,
# whichever comes first (a commit rewrites every index page it touched, so fewer are cheaper;
# readers see new documents within COMMIT_SECONDS; a crash loses at most one span, which a
# rerun redoes).
COMMIT_DOCUMENTS = 500
COMMIT_SECONDS = 5.0


@dataclass
class Stage:
    name: str
    fn: StageFn

    def __call__(self, article: Article) -> Article:
        return self.fn(article)


class StageUnavailable(KronikaError):
    """A stage's module or entry point is not installed."""


def _accepts(fn: Callable, name: str) -> bool:
    try:
        return name in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def _bind(fn: Callable, **options) -> Callable:
    """Pass only the options an entry point declares: the contracts fix the first argument
    and leave keyword options (languages, max_bytes) to each module."""
    accepted = {k: v for k, v in options.items() if _accepts(fn, k)}
    return partial(fn, **accepted) if accepted else fn


def _entry_point(module: str, name: str) -> Callable:
    try:
        return getattr(importlib.import_module(module), name)
    except ImportError as e:
        raise StageUnavailable(f"{module} cannot be imported ({e})") from e
    except AttributeError:
        raise StageUnavailable(f"{module} has no {name}") from None


def _make_clean(settings: Settings) -> StageFn:
    return _bind(_entry_point("kronika.clean", "clean_article"), languages=settings.languages)


def _make_language(settings: Settings) -> StageFn:
    return _bind(_entry_point("kronika.detect.language", "detect_language"), languages=settings.languages)


def _make_published(settings: Settings) -> StageFn:
    return _entry_point("kronika.detect.published", "detect_published")


def _make_actors(settings: Settings) -> StageFn:
    make_linker = _entry_point("kronika.actors", "make_linker")
    if settings.kb_dirs:
        load_kb = _entry_point("kronika.actors", "load_kb")
        return make_linker(load_kb(extra_dirs=tuple(settings.kb_dirs)))
    return make_linker()


def _make_events(settings: Settings) -> StageFn:
    return _entry_point("kronika.events", "make_extractor")()


# Every built-in stage, in pipeline order: name -> factory(settings) -> callable.
STAGE_FACTORIES: dict[str, Callable[[Settings], StageFn]] = {
    "clean": _make_clean,
    "language": _make_language,
    "published": _make_published,
    "actors": _make_actors,
    "events": _make_events,
}
assert tuple(STAGE_FACTORIES) == STAGE_ORDER


@dataclass
class Pipeline:
    stages: list[Stage]
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (stage, why it is not there)

    def __post_init__(self) -> None:
        positions = [STAGE_ORDER.index(s.name) if s.name in STAGE_ORDER else -1 for s in self.stages]
        known = [p for p in positions if p >= 0]
        if known != sorted(known) or len(set(s.name for s in self.stages)) != len(self.stages):
            raise ConfigError(f"stages out of order: {', '.join(self.names)}; the order is {', '.join(STAGE_ORDER)}")

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    @property
    def fingerprint(self) -> str:
        """Which stages made a stored version; a document stored by other stages is reprocessed."""
        return ",".join(self.names)

    def split(self, after: str) -> tuple["Pipeline", "Pipeline"]:
        """(stages up to and including ``after``, the rest); ``after`` absent: (empty, all)."""
        if after not in self.names:
            return Pipeline([]), self
        cut = self.names.index(after) + 1
        return Pipeline(self.stages[:cut]), Pipeline(self.stages[cut:])

    def run(self, article: Article) -> Article | Failure:
        for stage in self.stages:
            try:
                article = stage(article)
            except Exception as e:  # one article's failure must not stop a batch
                log.debug("stage %s failed on %s", stage.name, article.id, exc_info=True)
                return Failure(source=article.source, doc_id=article.id, stage=stage.name,
                               reason=f"{type(e).__name__}: {e}" if str(e) else type(e).__name__)
            if not isinstance(article, Article):
                return Failure(source="?", stage=stage.name, reason=f"stage returned {type(article).__name__}")
        return article

    __call__ = run


def build_pipeline(settings: Settings | None = None) -> Pipeline:
    """The stages ``settings.stages`` names, built in pipeline order; unavailable ones skipped."""
    settings = settings or Settings.load()
    stages, skipped = [], []
    for name in STAGE_ORDER:
        if name not in settings.stages:
            continue
        try:
            stages.append(Stage(name, STAGE_FACTORIES[name](settings)))
        except StageUnavailable as e:
            log.warning("stage %s is not available and is skipped: %s", name, e)
            skipped.append((name, str(e)))
    return Pipeline(stages, skipped)


# -- ingest ----------------------------------------------------------------------------------
@dataclass
class IngestReport:
    """What happened to every input: each ends ingested (new or replaced), unchanged or failed."""

    ingested: int = 0
    replaced: int = 0  # of the ingested: an older version with the same id was replaced
    unchanged: int = 0
    failures: list[Failure] = field(default_factory=list)
    skipped_stages: list[tuple[str, str]] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def total(self) -> int:
        return self.ingested + self.unchanged + self.failed

    def as_dict(self) -> dict:
        return {
            "ingested": self.ingested, "replaced": self.replaced, "unchanged": self.unchanged, "failed": self.failed,
            "failures": [{"source": f.source, "doc_id": f.doc_id, "stage": f.stage, "reason": f.reason}
                         for f in self.failures],
            "skipped_stages": [list(s) for s in self.skipped_stages], "stages": self.stages,
            "seconds": round(self.seconds, 3),
        }


def read_inputs(paths: Iterable[str | Path], settings: Settings) -> Iterator[Article | Failure]:
    """Every Article (or Failure) the reader makes of the paths; a missing path or a reader
    crash becomes a Failure too, so nothing is lost silently."""
    read_path = _bind(_entry_point("kronika.read", "read_path"), max_bytes=settings.max_bytes)
    for path in paths:
        path = Path(path)
        if not path.exists():
            yield Failure(source=str(path), reason="no such file or folder", stage="read")
            continue
        try:
            yield from read_path(path)
        except KronikaError as e:
            yield Failure(source=str(path), reason=str(e), stage="read")
        except Exception as e:  # a reader bug must not end the batch
            log.debug("reading %s failed", path, exc_info=True)
            yield Failure(source=str(path), reason=f"reader crashed: {type(e).__name__}: {e}", stage="read")


def _process_many(head: Pipeline, tail: Pipeline, articles: list[Article]) -> list[Article | Failure]:
    """Both halves on a worker (it has no store to ask in between), a few articles per task
    so shipping them costs less than running them."""
    results = []
    for article in articles:
        result = head.run(article)
        results.append(tail.run(result) if isinstance(result, Article) else result)
    return results


UNCHANGED = "unchanged"


def _run_here(items: Iterator[Article | Failure], head: Pipeline, tail: Pipeline, store,
              fingerprint: str, force: bool) -> Iterator[tuple[Article | Failure | str, str]]:
    """(result, source) per input; UNCHANGED when the stored version has the same clean text,
    found right after cleaning so the costly stages are not run again."""
    for item in items:
        if isinstance(item, Failure):
            yield item, item.source
            continue
        result = head.run(item)
        if isinstance(result, Article) and not force and store.is_unchanged(result, fingerprint):
            yield UNCHANGED, item.source
        else:
            yield (tail.run(result) if isinstance(result, Article) else result), item.source


def _run_on_workers(items: Iterator[Article | Failure], head: Pipeline, tail: Pipeline,
                    workers: int, per_task: int = 16) -> Iterator[tuple[Article | Failure, str]]:
    """(result, source) per input, in input order, the stages running on worker processes.
    A bounded window of tasks in flight keeps memory flat however many inputs there are."""
    window = workers * 4
    pending: deque = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        def flush(chunk: list) -> None:
            articles = [a for a in chunk if isinstance(a, Article)]
            pending.append((chunk, pool.submit(_process_many, head, tail, articles) if articles else None))

        def drain_one() -> Iterator[tuple[Article | Failure, str]]:
            chunk, future = pending.popleft()
            results = iter(future.result() if future else ())
            for item in chunk:
                yield (item if isinstance(item, Failure) else next(results)), item.source

        chunk: list = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= per_task:
                flush(chunk)
                chunk = []
                while len(pending) > window:
                    yield from drain_one()
        if chunk:
            flush(chunk)
        while pending:
            yield from drain_one()


def ingest(paths: Iterable[str | Path], store, settings: Settings | None = None,
           progress: Callable[[IngestReport, str], None] | None = None,
           pipeline: Pipeline | None = None) -> IngestReport:
    """Read, run the stages and store every input; return what happened to each.

    An unchanged document (same id, same clean text, same stages) is detected right after
    cleaning, so its later stages are not run again unless ``settings.force``. Writes are
    committed every COMMIT_DOCUMENTS documents or COMMIT_SECONDS seconds, each document atomic on its own.
    """
    settings = settings or Settings.load()
    pipeline = pipeline or build_pipeline(settings)
    report = IngestReport(skipped_stages=list(pipeline.skipped), stages=pipeline.names)
    head, tail = pipeline.split("clean")
    started = time.perf_counter()
    items = read_inputs(paths, settings)
    if settings.workers > 1:
        results = _run_on_workers(items, head, tail, settings.workers)
    else:
        results = _run_here(items, head, tail, store, pipeline.fingerprint, settings.force)
    results = iter(results)
    first = next(results, None)
    while first is not None:
        # Results are written as they come (no batch held in memory), one commit per span.
        with store.batch():
            span_started, written = time.perf_counter(), 0
            for result, source in chain([first], results):
                if isinstance(result, Failure):
                    store.write_failure(result)
                    report.failures.append(result)
                elif result == UNCHANGED:
                    report.unchanged += 1
                else:
                    status = store.write(result, stages=pipeline.fingerprint, force=settings.force)
                    if status == "unchanged":
                        report.unchanged += 1
                    else:
                        report.ingested += 1
                        report.replaced += status == "replaced"
                if progress:
                    progress(report, source)
                written += 1
                if written >= COMMIT_DOCUMENTS or time.perf_counter() - span_started >= COMMIT_SECONDS:
                    break
        first = next(results, None)
    report.seconds = time.perf_counter() - started
    log.info("ingest: %d ingested, %d unchanged, %d failed in %.1f s",
             report.ingested, report.unchanged, report.failed, report.seconds)
    return report
