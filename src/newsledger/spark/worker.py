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

from ..corpus.readers import (MAX_BYTES, Record, _from_json_bytes, _key, _lines, failure,
                               read_file)
from ..errors import InputError
from ..corpus.rows import Job, Rows, content_hash, record_of, rows, source_row
from ..corpus.store import SourceRow

DEFAULT_PIPELINE = "newsledger.corpus.ingest:load_pipeline"
PARQUET_COLUMNS = ("text", "id", "published", "url", "title", "source")
PARQUET_BATCH = 256  # rows read from a Parquet file at once

Order = tuple[int, str, int]  # (input file rank, path, record number): the local read order
# Part of a file one task reads: the whole file (None), ("lines", first byte, end byte, number
# of the first line that begins there) of a JSONL file, or ("rows", first row group, end row
# group, number of the first row) of a Parquet file.
Part = tuple | None
Piece = tuple[int, str, Part]  # (input file rank, path, part)


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


def read_parquet(path: Path, groups: range | None = None, first_row: int = 0) -> Iterator[Record]:
    """Rows with text and optional id, published, url, title, source, checked as JSON objects
    are; `row=N` counts from 1 as `line=N` does. Read a few hundred rows at a time, from the
    row groups `groups` (all by default), whose first row is number `first_row` + 1."""
    import pyarrow.parquet as pq

    where = str(path)
    try:
        f = pq.ParquetFile(path)
        columns = [c for c in PARQUET_COLUMNS if c in f.schema_arrow.names]
        if "text" not in columns:
            yield failure(where, None, "failed", f"{where}: no `text` column")
            return
        n = first_row
        for batch in f.iter_batches(batch_size=PARQUET_BATCH, columns=columns, row_groups=groups):
            for row in batch.to_pylist():
                n += 1
                yield record_of(row, where, f"row={n}")
    except Exception as err:  # a corrupt file: report it, keep the rows read before
        yield failure(where, None, "failed", f"{where}: unreadable Parquet: {type(err).__name__}: {err}")


def read_local(items: Iterable[Piece]) -> Iterator[tuple[Order, Record]]:
    """Pieces of files every executor can open → each record with its read order (the
    pieces of one file number their records alike: by line, by row)."""
    for rank, path, part in items:
        for n, record in read_part(Path(path), part):
            yield (rank, path, n), record


def read_part(path: Path, part: Part) -> Iterator[tuple[int, Record]]:
    if part is None:
        yield from enumerate(read_input(path))
    elif part[0] == "rows":
        _, first, end, row = part
        yield from enumerate(read_parquet(path, range(first, end), row), start=row)
    else:
        _, start, end, line = part
        yield from read_jsonl_part(path, start, end, line)


def line_starts(path: str, start: int, end: int) -> int:
    """How many lines begin at a byte in [start, end): the one at 0, one after each newline
    (a line that runs on from before `start` belongs to the part before)."""
    with open(path, "rb") as f:
        end = min(end, os.fstat(f.fileno()).st_size)
        if start >= end:
            return 0
        n, pos = (1, 0) if start == 0 else (0, start - 1)
        f.seek(pos)
        while pos < end - 1:  # a newline at p begins a line at p + 1
            chunk = f.read(min(end - 1 - pos, 1 << 24))
            if not chunk:
                break
            n, pos = n + chunk.count(b"\n"), pos + len(chunk)
        return n


def read_jsonl_part(path: Path, start: int, end: int, line: int) -> Iterator[tuple[int, Record]]:
    """The records of the lines that begin in bytes [start, end) of a JSONL file, the first
    numbered `line`: the records, keys and messages the local reader gives for those lines."""
    where = str(path)
    try:
        with path.open("rb") as f:
            if start > 0:
                f.seek(start - 1)
                if f.read(1) != b"\n":
                    for _ in _lines(f, MAX_BYTES):  # the rest of the line begun before
                        break
            lines = _lines(f, MAX_BYTES)
            while f.tell() < end:
                got = next(lines, None)
                if got is None:
                    return
                member = f"line={line}"
                if got[1] is None:
                    yield line, failure(where, member, "too_large",
                                        f"{where}:{line}: line longer than {MAX_BYTES:,} bytes")
                elif got[1].strip():
                    yield line, _from_json_bytes(got[1], where, member)
                line += 1
    except InputError as err:  # as read_file reports a file it cannot read
        yield line, failure(where, None, err.code, str(err))
    except Exception as err:
        yield line, failure(where, None, "failed", f"{where}: {type(err).__name__}: {err}")


def read_blobs(rank: int, items: Iterable[tuple[str, bytes]]) -> Iterator[tuple[Order, Record]]:
    """(URI, bytes) from `binaryFiles` (HDFS, S3, …): spooled to a local file so the same
    readers read it (one record at a time), the records then named after the URI."""
    for uri, data in items:
        name = uri.rstrip("/").rsplit("/", 1)[-1]
        with tempfile.TemporaryDirectory(prefix="newsledger-") as tmp:
            local = Path(tmp) / name
            local.write_bytes(data)
            del data  # the file's bytes are on disk: hold one record, not the file twice
            for n, record in enumerate(read_input(local)):
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
