"""What runs on Spark's executors: reading input files with the project's readers, extracting
through `corpus.rows.rows` with one pipeline per Python worker process, and merging one block
of events. Everything here is a plain function of its arguments (Spark ships them by
reference and may run a task twice: a retried task must give the same rows)."""
from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..corpus.readers import Record, _key, failure, read_file
from ..corpus.rows import Job, Rows, content_hash, record_of, rows, source_row
from ..corpus.store import SourceRow

DEFAULT_PIPELINE = "newsledger.corpus.ingest:load_pipeline"
PARQUET_COLUMNS = ("text", "id", "published", "url", "title", "source")
PARQUET_BATCH = 256  # rows read from a Parquet file at once

Order = tuple[int, str, int]  # (input file rank, path, record number): the local read order


@dataclass(frozen=True)
class Settings:
    """How to extract, sent to every task."""

    pipeline: str = DEFAULT_PIPELINE
    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()
    all_ledgers: bool = False
    batch_size: int = 32


# -- one pipeline per process --------------------------------------------------------------------
_LOADED: tuple[tuple, Any] | None = None
LOADS: Counter = Counter()  # pipeline spec → loads in this process (the tests check ≤ 1)


def pipeline(settings: Settings) -> Any:
    """This process's pipeline, loaded on its first task and kept: Spark reuses its Python
    worker processes across tasks (`spark.python.worker.reuse`, on by default), so the model
    and gazetteer load once per process, not per partition or row."""
    global _LOADED
    key = (settings.pipeline, settings.actor_files, settings.lexicon_files)
    if _LOADED is None or _LOADED[0] != key:
        from .. import lexicons
        from ..corpus.ingest import resolve

        lexicons.use(list(settings.lexicon_files))
        _LOADED = None  # free the old one before loading another
        _LOADED = (key, resolve(settings.pipeline)(settings.actor_files))
        LOADS[settings.pipeline] += 1
    return _LOADED[1]


def loads(_: Any = None) -> Iterator[tuple[int, dict[str, int]]]:
    yield os.getpid(), dict(LOADS)


# -- reading -------------------------------------------------------------------------------------
def read_input(path: Path) -> Iterator[Record]:
    """Records of one file: Parquet here, every other format by the local readers."""
    if path.name.lower().endswith(".parquet"):
        yield from read_parquet(path)
    else:
        yield from read_file(path)


def read_parquet(path: Path) -> Iterator[Record]:
    """Rows with text and optional id, published, url, title, source, checked as JSON objects
    are; `row=N` counts from 1 as `line=N` does. Read a few hundred rows at a time."""
    import pyarrow.parquet as pq

    where = str(path)
    try:
        f = pq.ParquetFile(path)
        columns = [c for c in PARQUET_COLUMNS if c in f.schema_arrow.names]
        if "text" not in columns:
            yield failure(where, None, "failed", f"{where}: no `text` column")
            return
        n = 0
        for batch in f.iter_batches(batch_size=PARQUET_BATCH, columns=columns):
            for row in batch.to_pylist():
                n += 1
                yield record_of(row, where, f"row={n}")
    except Exception as err:  # a corrupt file: report it, keep the rows read before
        yield failure(where, None, "failed", f"{where}: unreadable Parquet: {type(err).__name__}: {err}")


def read_local(items: Iterable[tuple[int, str]]) -> Iterator[tuple[Order, Record]]:
    """(rank, path) of files every executor can open → each record with its read order."""
    for rank, path in items:
        for n, record in enumerate(read_input(Path(path))):
            yield (rank, path, n), record


def read_blobs(rank: int, items: Iterable[tuple[str, bytes]]) -> Iterator[tuple[Order, Record]]:
    """(URI, bytes) from `binaryFiles` (HDFS, S3, …): spooled to a local file so the same
    readers read it, the records then named after the URI."""
    for uri, data in items:
        name = uri.rstrip("/").rsplit("/", 1)[-1]
        with tempfile.TemporaryDirectory(prefix="newsledger-") as tmp:
            local = Path(tmp) / name
            local.write_bytes(data)
            records = list(read_input(local))
        for n, record in enumerate(records):
            yield (rank, uri, n), replace(record, path=uri, key=_key(uri, record.member),
                                          message=_renamed(record.message, str(local), uri))


def _renamed(message: str | None, local: str, uri: str) -> str | None:
    return message.replace(local, uri) if message else message


# -- one job per distinct text -------------------------------------------------------------------
# A group: the first reading in read order, its article (or the Record of a record that was not
# read), and every source of the text.
Group = tuple[Order, Any, list[tuple[Order, SourceRow]]]
FAILED = "\0"  # prefix of the shuffle key of a record that was not read (its source key)


def keyed(item: tuple[Order, Record]) -> tuple[str, Group]:
    """The shuffle key: the text's hash (one job per text), or the source key of a record
    with no text (it only needs its status row)."""
    order, record = item
    if record.article is None:
        return FAILED + record.key, (order, record, [])
    h = content_hash(record.article.text)
    return h, (order, record.article, [(order, source_row(record, h))])


def combine(a: Group, b: Group) -> Group:
    """Two readings of one text: the first in read order gives the article (as in a local
    run), both give sources. Associative and commutative, so any shuffle order agrees."""
    first = a if a[0] <= b[0] else b
    return first[0], first[1], a[2] + b[2]


def item(pair: tuple[str, Group]) -> Job | Record:
    key, (_, payload, sources) = pair
    if key.startswith(FAILED):
        return payload
    return Job(key, payload, [row for _, row in sorted(sources, key=lambda s: s[0])])


class LazyPipeline:
    """Stands for this process's pipeline, loaded when the first job comes: a partition
    holding only unreadable records loads no model. Loaded outside the extraction's error
    handling, so a pipeline that cannot load fails the task (loudly) instead of every article."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.loaded: Any = None

    def loading(self, items: Iterable[Job | Record]) -> Iterator[Job | Record]:
        for it in items:
            if self.loaded is None and isinstance(it, Job):
                self.loaded = pipeline(self.settings)
            yield it

    def __getattr__(self, name: str) -> Any:
        return getattr(self.loaded, name)


def extract(settings: Settings, items: Iterable[Job | Record]) -> Iterator[Rows]:
    """One partition's rows, through the same function as local ingest (`corpus.rows.rows`),
    `batch_size` articles at a time."""
    model = LazyPipeline(settings)
    return rows(model.loading(items), model, settings.all_ledgers, settings.batch_size)
