"""`newsledger ingest`: read inputs, extract ledgers on every core, store, merge incidents.

The main process reads and plans (what is new, what is already stored, what failed) and
writes to the database; worker processes, forked from a fork server that loaded the pipeline
once (triage on: spaCy runs only on sentences that may hold an event, quote or claim),
extract batches of articles.
Batches are committed in the order they were read, each in one transaction, so a run killed
at any point (even with SIGKILL) leaves whole articles only, and the next run skips what is
stored and resumes where it stopped. The database file is open only while a batch is written
(or a chunk looked up), so readers (the web page) and a second ingest get in between; a
file held by another process is waited for (`wait` seconds), then the run stops cleanly.

Articles with none of the pipeline's event trigger words cannot yield an event; they are
stored with an empty ledger and never parsed (`no_event_words`). Nor are articles whose
trigger words all read in an everyday sense, with no sentence that tells an incident
(`no_event_sentence`, decided before spaCy by extract/screen.py). `all_ledgers=True` /
`--all-ledgers` extracts the quotes, entities and claims of both. In a general news feed
that is most articles.

Nothing lost, nothing doubled:
- every input record gets a `sources` row with its status;
- a record already stored with the same text is skipped (key: source + sha1 of the text);
- a text already stored under another source only gains a source row (no re-extraction);
- stored rows are upserted, so replaying a batch changes nothing.
"""
from __future__ import annotations

import importlib
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import NewsledgerError
from .readers import Record, read_paths
from .rows import (NO_EVENT_SENTENCE, NO_EVENT_WORDS, Job, Rows, content_hash,
                   rows, source_row)
from .store import DEFAULT_WAIT, BatchWrite, SourceRow, Store

DEFAULT_PIPELINE = "newsledger.corpus.ingest:load_pipeline"
PLAN_CHUNK = 256  # records looked up in the database at once
STORE_MEMORY = "512MB"  # DuckDB's cache in the main process: the workers need the memory
STORE_THREADS = 1  # DuckDB in the main process: its writes must not take a core from a worker
# A batch closes at `batch_size` articles or this many characters, whichever comes first, so
# the workers' batches cost about the same and neither waits long for the other at the end.
BATCH_CHARS = 64_000


def load_pipeline(actor_files: Sequence[str] = ()) -> Any:
    from ..pipeline import Pipeline

    return Pipeline.load(actor_files=actor_files, triage=True)


# -- worker side -------------------------------------------------------------------------------
_PIPELINE: Any = None
# The pipeline loaded by the fork server (worker_preload.py): ((factory, actor_files), pipeline).
PRELOADED: tuple[tuple[str, tuple[str, ...]], Any] | None = None
PRELOAD_ENV = "NEWSLEDGER_PRELOAD_PIPELINE"  # JSON [factory, actor_files], read by the fork server
# A short article of our own, extracted once in the fork server so that what the pipeline
# builds on first use (the truecaser's names, spaCy's first batch) is built there, once.
WARM_UP = ("KABUL, March 3 (Wire) - Gunmen killed two police officers and wounded three "
           "civilians in an attack on a checkpoint in Kabul on Monday, the interior ministry "
           "said. \"We will find those responsible,\" spokesman Ahmad Noori told reporters.")


def _init_worker(factory: str, actor_files: Sequence[str], parent: int | None = None) -> None:
    """Runs once in each worker process: the model and gazetteer are loaded once, not per
    batch, and not at all when the fork server this worker was forked from loaded them."""
    global _PIPELINE
    if parent is not None:
        _exit_with_parent(parent)
    key = (factory, tuple(actor_files))
    if PRELOADED is not None and PRELOADED[0] == key:
        _PIPELINE = PRELOADED[1]
    else:
        _PIPELINE = resolve(factory)(actor_files)


def preload(factory: str, actor_files: Sequence[str]) -> None:
    """In the fork server: load the workers' pipeline and run it once on WARM_UP."""
    global PRELOADED
    from ..article import Article

    pipeline = resolve(factory)(actor_files)
    job = Job(content_hash(WARM_UP), Article(WARM_UP, id="warm-up"), [])
    list(rows([job], pipeline, False, batch_size=1))
    PRELOADED = ((factory, tuple(actor_files)), pipeline)


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent (the ingest's main process) was killed (kill -9) would wait
    forever on the task queue, which its sibling keeps open: a daemon thread ends it when the
    parent is gone. A forked worker's own parent is the fork server, which lives as long as
    its workers: the main process is watched by its pid."""
    import os
    import threading

    def alive() -> bool:
        try:
            os.kill(parent, 0)
        except (ProcessLookupError, PermissionError):  # gone, or the pid is another user's now
            return False
        return True

    def watch() -> None:
        while alive():
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def resolve(spec: str) -> Callable[..., Any]:
    """`package.module:function` → the function (the pipeline factory is named, not passed,
    so that worker processes can import it)."""
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def extract_jobs(jobs: list[Job], all_ledgers: bool = False) -> list[Rows]:
    """Runs in a worker: the rows of one batch (`rows.rows`, the path Spark's executors take
    too), with the pipeline this process loaded once."""
    return list(rows(jobs, _PIPELINE, all_ledgers, batch_size=max(len(jobs), 1)))


class InlineExecutor:
    """Runs batches in this process (workers=0): for debugging and small runs."""

    def __init__(self, factory: str, actor_files: Sequence[str]) -> None:
        _init_worker(factory, actor_files)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        future: Future = Future()
        future.set_result(fn(*args))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def make_executor(workers: int, factory: str, actor_files: Sequence[str]) -> Any:
    if workers <= 0:
        return InlineExecutor(factory, actor_files)
    import multiprocessing
    import os

    # Not fork: forking a process that holds an open DuckDB connection and its threads is
    # unsafe. A fork server is a fresh interpreter (it holds no DuckDB) that loads the
    # pipeline once; each worker is forked from it with the model already loaded, instead
    # of every spawned worker importing and loading it again (~2.7 s CPU each).
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        _start_fork_server(context, factory, actor_files)
    else:  # Windows: spawned workers, each loading its own
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context,
        initializer=_init_worker, initargs=(factory, tuple(actor_files), os.getpid()))


def _start_fork_server(context: Any, factory: str, actor_files: Sequence[str]) -> None:
    """Start this process's fork server with the pipeline preloaded (worker_preload.py).
    A fork server already running (another ingest of this process under way) is kept:
    workers whose pipeline it did not preload load their own (_init_worker)."""
    import json
    import os
    from multiprocessing import forkserver

    context.set_forkserver_preload(["newsledger.corpus.worker_preload"])
    before = os.environ.get(PRELOAD_ENV)
    os.environ[PRELOAD_ENV] = json.dumps([factory, list(actor_files)])
    try:
        forkserver.ensure_running()
    finally:  # the fork server has read it; nothing else in this process should
        if before is None:
            os.environ.pop(PRELOAD_ENV, None)
        else:
            os.environ[PRELOAD_ENV] = before


def _stop_fork_server() -> None:
    """Stop the fork server once its workers are gone (after `shutdown(wait=True)`): it frees
    its copy of the pipeline, and this process reaps it, so that its CPU time and its workers'
    count in this process's (and `time`'s) children. multiprocessing has no public call for
    it; without `_stop`, the server ends with this process."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return
    from multiprocessing import forkserver

    stop = getattr(forkserver._forkserver, "_stop", None)
    if stop is not None:
        stop()


def _done(value: Any) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


# -- main side -------------------------------------------------------------------------------
@dataclass
class Batch:
    jobs: list[Job] = field(default_factory=list)
    rows: list[SourceRow] = field(default_factory=list)  # rows needing no extraction
    records: int = 0
    chars: int = 0  # length of the texts to extract


@dataclass
class Summary:
    records: int = 0
    new_articles: int = 0
    new_sources: int = 0       # same text as a stored article, arriving under another name
    skipped: int = 0           # already stored: nothing to do
    new_events: int = 0
    no_event_words: int = 0    # new articles with no event word: empty ledger, no NLP
    no_event_sentence: int = 0  # new articles with trigger words but no incident told: no spaCy
    statuses: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    merged_countries: int = 0
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0

    def format(self) -> str:
        failed = {k: v for k, v in sorted(self.statuses.items()) if k != "ok"}
        lines = [
            f"read {self.records:,} input articles in {self.seconds:.1f} s ({self.rate:.1f} articles/s)",
            f"  new articles {self.new_articles:,} · new sources of stored articles {self.new_sources:,}"
            f" · already stored {self.skipped:,}",
            "  not stored: " + (", ".join(f"{k} {v:,}" for k, v in failed.items()) or "none"),
            f"  new events {self.new_events:,} · articles with no event word (not parsed) "
            f"{self.no_event_words:,} · with no sentence telling an incident (not parsed) "
            f"{self.no_event_sentence:,} · countries re-merged {self.merged_countries}",
        ]
        if self.totals:
            t = self.totals
            lines.append(
                f"database: {t['articles']:,} articles from {t['sources']:,} sources, "
                f"{t['events']:,} events → {t['incidents']:,} incidents "
                f"({t['merged_incidents']:,} from several reports, {t['disagreements']:,} with disagreements)")
        return "\n".join(lines)


class Ingest:
    """One ingest run over one store. `run` drives it; the pieces are small on purpose."""

    def __init__(self, store: Store, executor: Any, batch_size: int = 32,
                 window: int = 4, progress: Any = None, all_ledgers: bool = False) -> None:
        self.store = store
        self.executor = executor
        self.batch_size = batch_size
        self.all_ledgers = all_ledgers  # also extract articles with no event word
        self.window = window            # batches in flight: keeps both workers busy, memory bounded
        self.progress = progress
        self.summary = Summary()
        self.pending: deque[tuple[Batch, Future]] = deque()
        self.inflight: dict[str, Job] = {}   # hash → job not yet committed
        self.committed: set[str] = set()     # hashes committed since this chunk's lookup
        self.batch = Batch()

    def run(self, records: Iterable[Record]) -> Summary:
        for chunk in _chunks(records, PLAN_CHUNK):
            self._plan(chunk)
        self._submit()
        while self.pending:
            self._commit_head()
        return self.summary

    def _plan(self, chunk: list[Record]) -> None:
        hashes = [content_hash(r.article.text) if r.article else None for r in chunk]
        ok = [(r.key, h) for r, h in zip(chunk, hashes) if h]
        done, known = self.store.lookup([k for k, _ in ok], [h for _, h in ok],
                                        need_full=self.all_ledgers)
        self.committed = set()
        for record, h in zip(chunk, hashes):
            self.summary.records += 1
            self.batch.records += 1
            if h is None:
                self.summary.statuses[record.status] += 1
                self.batch.rows.append(source_row(record))
            elif (record.key, h) in done:
                self.summary.skipped += 1
            elif h in known or h in self.committed:
                self.summary.new_sources += 1
                self.batch.rows.append(source_row(record, h))
            elif h in self.inflight:  # same text twice in this run: one extraction, two sources
                job = self.inflight[h]
                if all(row.source_key != record.key for row in job.sources):
                    self.summary.new_sources += 1
                    job.sources.append(source_row(record, h))
                else:  # the same path given twice
                    self.summary.skipped += 1
            else:
                job = Job(h, record.article, [source_row(record, h)])
                self.inflight[h] = job
                self.batch.jobs.append(job)
                self.batch.chars += len(record.article.text)
            if (len(self.batch.jobs) >= self.batch_size or self.batch.chars >= BATCH_CHARS
                    or len(self.batch.rows) >= 4 * PLAN_CHUNK):
                self._submit()

    def _submit(self) -> None:
        batch, self.batch = self.batch, Batch()
        if not batch.records:
            return
        future = (self.executor.submit(extract_jobs, batch.jobs, self.all_ledgers)
                  if batch.jobs else _done([]))
        self.pending.append((batch, future))
        while len(self.pending) > self.window:
            self._commit_head()

    def _commit_head(self) -> None:
        """Commit the oldest batch once extracted, and in the same opening of the file the
        batches behind it that are already done (each still in its own transaction)."""
        self.pending[0][1].result()  # wait for the workers without holding the file
        with self.store.session():
            self._commit_one()
            while self.pending and self.pending[0][1].done():
                self._commit_one()

    def _commit_one(self) -> None:
        batch, future = self.pending.popleft()
        write = BatchWrite(sources=list(batch.rows))
        for job, result in zip(batch.jobs, future.result()):
            self._add_result(write, job, result)
        self.store.write_batch(write)
        for job in batch.jobs:
            self.inflight.pop(job.content_hash, None)
            self.committed.add(job.content_hash)
        if self.progress is not None:
            self.progress.update(batch.records)
            self.progress.set_postfix(new=self.summary.new_articles, skip=self.summary.skipped,
                                      bad=sum(v for k, v in self.summary.statuses.items() if k != "ok"),
                                      refresh=False)

    def _add_result(self, write: BatchWrite, job: Job, result: Rows) -> None:
        # job.sources, not result.sources: a source may have joined the job after it was sent
        if result.failure is not None:
            for row in job.sources:
                row.status, row.message = "failed", result.failure
            self.summary.statuses["failed"] += len(job.sources)
            write.sources.extend(job.sources)
            return
        events = result.events
        write.articles.append(result.article)
        write.events.extend(events)
        write.sources.extend(job.sources)
        self.summary.statuses["ok"] += len(job.sources)
        self.summary.new_articles += 1
        self.summary.no_event_words += result.article["extraction"] == NO_EVENT_WORDS
        self.summary.no_event_sentence += result.article["extraction"] == NO_EVENT_SENTENCE
        self.summary.new_events += len(events)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest(paths: Sequence[str | Path], db: str | Path, workers: int = 2, batch_size: int = 32,
           progress: bool = True, pipeline: str = DEFAULT_PIPELINE,
           actor_files: Sequence[str] = (), merge: bool = True,
           all_ledgers: bool = False, wait: float = DEFAULT_WAIT) -> Summary:
    """Ingest files and folders into the database at `db`; returns the run's summary.
    `all_ledgers` extracts quotes, entities and claims of articles with no event word too
    (slower: in a general feed that is most articles); a later run with it re-extracts
    the articles an earlier run skipped. `pipeline` names the factory of the extractor
    (`module:function`, called with `actor_files` once per worker). `wait` is how long each
    opening of the database waits for another process holding it (store.LockedError after).

    Workers are forked from a fork server (a fresh interpreter, not this process): a script
    calling this must guard its entry point with `if __name__ == "__main__":`, as for any
    multiprocessing code."""
    from .merge import merge_store

    started = time.perf_counter()
    store = Store(db, memory_limit=STORE_MEMORY, wait=wait, hold=False,
                  threads=STORE_THREADS if workers > 0 else None)
    executor = make_executor(workers, pipeline, actor_files)
    bar = _progress_bar(progress)
    try:
        run = Ingest(store, executor, batch_size=batch_size, window=2 * max(workers, 1),
                     progress=bar, all_ledgers=all_ledgers)
        try:
            summary = run.run(read_paths(paths))
        except BrokenProcessPool:
            raise NewsledgerError(
                "a worker process died (see the error above); the batches stored so far are "
                "kept: run the same command again to resume", "worker") from None
        if merge:  # one country at a time, each in its own opening: readers get in between
            summary.merged_countries = merge_store(store)
        summary.totals = store.counts()
    finally:
        if bar is not None:
            bar.close()
        executor.shutdown(wait=True, cancel_futures=True)
        if workers > 0:
            _stop_fork_server()
        store.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _progress_bar(enabled: bool) -> Any:
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(desc="ingest", unit=" articles", file=sys.stderr, smoothing=0.1,
                dynamic_ncols=True, mininterval=0.5)
