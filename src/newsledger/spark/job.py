"""`spark-ingest`, the driver: plan the inputs, read and extract on the executors, merge
incidents block by block, write Parquet datasets.

    files ──read (a task per few files, or per part of a large JSONL or Parquet file)──▶
      records ──shuffle by text hash──▶ one job per text ──extract (corpus.rows.rows)──▶
      rows (kept, memory and disk) ──▶ sources/ articles/ events/ quotes/ entities/
    events ──(country, day) spans to the driver──▶ blocks ──shuffle by block──▶ merge_events
      ──▶ incidents/ incident_reports/

Nothing lost, nothing doubled:
- every input record gets a `sources` row (a file that gives no record, as an empty JSONL
  file, gives none, as in a local run);
- records of one text are shuffled together: one article, extracted once, with every source;
  the article's metadata are those of its first reading in read order, as in a local run;
- every dataset is written whole, in overwrite mode, from rows that depend only on the input
  (each part sorted by its key), through Spark's commit protocol: a retried task replaces its
  output, and a re-run over the same input writes the same rows;
- `manifest/` says `running` from the start and `complete` once every dataset is written, so
  `newsledger import` never loads a half-written output.
"""
from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..corpus.readers import Record, walk
from ..corpus.rows import ENTITY_SCHEMA, QUOTE_SCHEMA, Rows
from ..corpus.store import (ARTICLE_SCHEMA, EVENT_SCHEMA, INCIDENT_SCHEMA, MEMBER_SCHEMA,
                            MERGE_COLUMNS, SOURCE_SCHEMA)
from ..errors import InputError
from . import blocks, worker
from .worker import Settings

DATASETS: dict[str, tuple[pa.Schema, tuple[str, ...]]] = {  # name → (columns, sort key)
    "sources": (SOURCE_SCHEMA, ("source_key",)),
    "articles": (ARTICLE_SCHEMA, ("content_hash",)),
    "events": (EVENT_SCHEMA, ("event_key",)),
    "quotes": (QUOTE_SCHEMA, ("content_hash", "seq")),
    "entities": (ENTITY_SCHEMA, ("content_hash", "seq")),
    "incidents": (INCIDENT_SCHEMA, ("incident_id",)),
    "incident_reports": (MEMBER_SCHEMA, ("event_key",)),
}
REMOTE_RANK = 1 << 62  # remote files come after local ones, in URI order
SPLIT_BYTES = 128 << 20  # a local JSONL or Parquet file larger than this is read by several tasks


@dataclass
class Plan:
    local: list[worker.Piece] = field(default_factory=list)  # (rank, path, part) in walk order
    remote: list[str] = field(default_factory=list)              # URIs Spark reads
    missing: list[tuple[worker.Order, Record]] = field(default_factory=list)


@dataclass
class Result:
    out: str
    seconds: float = 0.0
    partitions: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    blocks: int = 0
    largest_block: int = 0
    phases: dict[str, float] = field(default_factory=dict)  # seconds: where the time went

    def format(self) -> str:
        c = self.counts
        bad = {k: v for k, v in sorted(self.statuses.items()) if k != "ok"}
        return "\n".join([
            f"read {c.get('sources', 0):,} input articles in {self.seconds:.1f} s "
            f"({self.partitions} partitions) → {self.out}",
            "  not stored: " + (", ".join(f"{k} {v:,}" for k, v in bad.items()) or "none"),
            f"  {c.get('articles', 0):,} articles, {c.get('events', 0):,} events → "
            f"{c.get('incidents', 0):,} incidents ({self.blocks:,} merge blocks, the largest "
            f"{self.largest_block:,} events); {c.get('quotes', 0):,} quotes, "
            f"{c.get('entities', 0):,} entities",
        ])


# -- inputs ----------------------------------------------------------------------------------
def is_remote(path: str) -> bool:
    return "://" in path and not path.startswith("file:")


def local_path(path: str) -> str:
    """`file:///a/b` and `file:/a/b` → `/a/b`."""
    if path.startswith("file:"):
        path = "/" + path[len("file:"):].lstrip("/")
    return path


def plan_inputs(inputs: Sequence[str], split_bytes: int = SPLIT_BYTES) -> Plan:
    """Local files in the order a local `ingest` reads them (each once; a JSONL or Parquet
    file over `split_bytes` in parts), remote URIs as given, and a status row for each path
    that does not exist."""
    plan, seen, rank = Plan(), set(), 0
    for raw in inputs:
        if is_remote(raw):
            plan.remote.append(raw)
            continue
        for found in walk([local_path(raw)]):
            rank += 1
            if isinstance(found, Record):
                plan.missing.append(((rank, found.path, 0), found))
            elif str(found) not in seen and not _dataset_marker(found):
                seen.add(str(found))
                plan.local.extend((rank, str(found), part) for part in _parts(found, split_bytes))
    if not (plan.local or plan.remote or plan.missing):
        raise InputError("no input files", "usage")
    return plan


def _parts(path: Path, split_bytes: int) -> list[worker.Part]:
    """A large JSONL file in byte ranges (`number_lines` numbers their first lines), a
    large Parquet file in runs of row groups; any other file whole."""
    size = path.stat().st_size
    name = path.name.lower()
    if size <= split_bytes:
        return [None]
    if name.endswith((".jsonl", ".ndjson")):
        return [("bytes", a, min(a + split_bytes, size)) for a in range(0, size, split_bytes)]
    if name.endswith(".parquet"):
        return _row_group_runs(path, split_bytes)
    return [None]


def _row_group_runs(path: Path, split_bytes: int) -> list[worker.Part]:
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except Exception:  # unreadable: read whole, where the reader reports it
        return [None]
    parts, first, row, size, rows = [], 0, 0, 0, 0
    for g in range(meta.num_row_groups):
        size, rows = size + meta.row_group(g).total_byte_size, rows + meta.row_group(g).num_rows
        if size >= split_bytes or g == meta.num_row_groups - 1:
            parts.append(("rows", first, g + 1, row))
            first, row, size, rows = g + 1, row + rows, 0, 0
    return parts or [None]


Ranges = list[tuple[int, str, int, int]]  # (piece, path, first byte, end byte)


def count_here(ranges: Ranges) -> dict[int, int]:
    return {i: worker.line_starts(path, a, b) for i, path, a, b in ranges}


def count_on(sc: Any) -> Callable[[Ranges], dict[int, int]]:
    """Counts lines in parallel on the executors, a task per range."""
    def count(ranges: Ranges) -> dict[int, int]:
        return dict(sc.parallelize(ranges, len(ranges))
                    .map(lambda r: (r[0], worker.line_starts(*r[1:]))).collect())
    return count


def number_lines(pieces: list[worker.Piece],
                 count: Callable[[Ranges], dict[int, int]] = count_here) -> list[worker.Piece]:
    """("bytes", start, end) parts → ("lines", start, end, number of the first line that
    begins there): the lines of each range counted (`count`), then summed in file order."""
    ranges = [(i, path, part[1], part[2]) for i, (_, path, part) in enumerate(pieces)
              if part and part[0] == "bytes"]
    counts = count(ranges) if ranges else {}
    out, before = [], {}
    for i, (rank, path, part) in enumerate(pieces):  # a file's ranges come in byte order
        if i in counts:
            line = before.get(path, 0) + 1
            before[path] = line - 1 + counts[i]
            part = ("lines", part[1], part[2], line)
        out.append((rank, path, part))
    return out


def _dataset_marker(path: Path) -> bool:
    """`_SUCCESS` and the like beside Parquet part files: a writer's marks, not inputs."""
    return path.name.startswith("_") and any(path.parent.glob("*.parquet"))


# -- the session -----------------------------------------------------------------------------
def session(master: str | None, conf: dict[str, str] | None = None) -> Any:
    """A Spark session; `master` None keeps spark-submit's (or local[*] when run directly).
    A local master runs executors with this Python, whatever `python3` is on the PATH."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("newsledger spark-ingest")
    if master:
        builder = builder.master(master)
    local = master is None or master.startswith("local")
    if local and "PYSPARK_PYTHON" not in os.environ:
        os.environ["PYSPARK_PYTHON"] = sys.executable  # read when the JVM starts its workers
    for key, value in {"spark.ui.showConsoleProgress": "false", **(conf or {})}.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


# -- the job ---------------------------------------------------------------------------------
def spark_ingest(inputs: Sequence[str], out: str, master: str | None = None,
                 partitions: int | None = None, settings: Settings = Settings(),
                 spark: Any = None, conf: dict[str, str] | None = None,
                 split_bytes: int = SPLIT_BYTES) -> Result:
    """Read `inputs` (files, folders, URIs), extract, merge, and write the datasets under
    `out`. A given (or already active) session is used and left open; otherwise one is made
    and stopped at the end."""
    from pyspark.sql import SparkSession

    started = time.perf_counter()
    spark = spark or SparkSession.getActiveSession()
    own = spark is None
    spark = spark or session(master, conf)
    try:
        sc = spark.sparkContext
        parts = partitions or 4 * sc.defaultParallelism
        out = out if is_remote(out) else str(Path(local_path(out)).absolute())
        plan = plan_inputs(inputs, split_bytes)
        _manifest(spark, out, {"state": "running"})
        rows = _extract(sc, plan, parts, settings)
        tagged = rows.flatMap(_tagged).persist(_memory_and_disk())
        result = Result(out=out, partitions=parts)
        clock = time.perf_counter()

        def phase(name: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            result.phases[name] = round(now - clock, 2)
            clock = now

        tagged.count()  # read, shuffle by text, extract: the rows are then kept
        phase("read_extract")
        for name in ("sources", "articles", "events", "quotes", "entities"):
            _write(spark, tagged, name, out)
        phase("write_rows")
        merged = _merge(sc, tagged, parts, result).persist(_memory_and_disk())
        for name in ("incidents", "incident_reports"):
            _write(spark, merged, name, out)
        phase("merge_write")
        status = SOURCE_SCHEMA.names.index("status")
        counted = sc.union([tagged, merged]).map(
            lambda t: (t[0], t[1][status] if t[0] == "sources" else None)).countByValue()
        result.counts = {name: sum(n for (k, _), n in counted.items() if k == name) for name in DATASETS}
        result.statuses = {s: n for (k, s), n in counted.items() if k == "sources"}
        phase("counts")
        result.seconds = time.perf_counter() - started
        _manifest(spark, out, {"state": "complete", "inputs": list(inputs), **asdict(result)})
        tagged.unpersist()
        merged.unpersist()
        return result
    finally:
        if own:
            spark.stop()


def _memory_and_disk() -> Any:
    from pyspark import StorageLevel

    return StorageLevel.MEMORY_AND_DISK


def _extract(sc: Any, plan: Plan, parts: int, settings: Settings) -> Any:
    """RDD of `Rows`: every record read, shuffled by text, extracted once per text."""
    pieces = []
    if plan.local:
        local = number_lines(plan.local, count_on(sc))
        pieces.append(sc.parallelize(local, max(1, min(len(local), parts)))
                      .mapPartitions(worker.read_local))
    for uri in plan.remote:
        pieces.append(sc.binaryFiles(uri).mapPartitions(partial(worker.read_blobs, REMOTE_RANK)))
    if plan.missing:
        pieces.append(sc.parallelize(plan.missing, 1))
    records = pieces[0] if len(pieces) == 1 else sc.union(pieces)
    return (records.map(worker.keyed)
            .reduceByKey(worker.combine, numPartitions=parts)
            .map(worker.item)
            .mapPartitions(partial(worker.extract, settings)))


def _tagged(r: Rows) -> Iterator[tuple[str, tuple]]:
    """One item's rows as (dataset, row tuple)."""
    from .schema import to_tuple

    for s in r.sources:
        yield "sources", to_tuple(vars(s), SOURCE_SCHEMA)
    if r.article is not None:
        yield "articles", to_tuple(r.article, ARTICLE_SCHEMA)
    for name, rows in (("events", r.events), ("quotes", r.quotes), ("entities", r.entities)):
        for row in rows:
            yield name, to_tuple(row, DATASETS[name][0])
    for e in r.events:  # what the merge reads: its columns, and the article's date
        yield "merge", {**{c: e.get(c) for c in MERGE_COLUMNS}, "published": r.article["published"]}


def _merge(sc: Any, tagged: Any, parts: int, result: Result) -> Any:
    """RDD of (dataset, row tuple) for incidents and their reports, merged block by block,
    from the ("merge", event dict) items of `tagged`."""
    from .schema import to_tuple

    events = tagged.filter(lambda t: t[0] == "merge").values()
    spans = (events.map(lambda e: (blocks.day_key(e), (e["date_end"], 1)))
             .reduceByKey(lambda a, b: (_later(a[0], b[0]), a[1] + b[1])).collect())
    table = blocks.blocks([(k, end) for k, (end, _) in spans if k[1] is not None])
    result.blocks, result.largest_block = blocks.block_sizes(((k, n) for k, (_, n) in spans), table)
    table = sc.broadcast(table)
    keyed = events.map(lambda e: (blocks.block_of(e, table.value, parts), e))
    merged = (keyed.repartitionAndSortWithinPartitions(parts, keyfunc=lambda k: k)
              .mapPartitions(blocks.merge_sorted))
    return merged.map(lambda p: (p[0], to_tuple(p[1], DATASETS[p[0]][0])))


def _later(a: Any, b: Any) -> Any:
    return b if a is None else a if b is None else max(a, b)


def _write(spark: Any, tagged: Any, name: str, out: str) -> None:
    from .schema import spark_schema

    schema, key = DATASETS[name]
    rows = tagged.filter(lambda t, n=name: t[0] == n).values()
    frame = spark.createDataFrame(rows, spark_schema(schema), verifySchema=False)
    frame.sortWithinPartitions(*key).write.mode("overwrite").parquet(f"{out}/{name}")


def _manifest(spark: Any, out: str, content: dict[str, Any]) -> None:
    """`out/manifest/`: one JSON line, written (and replaced) through Spark like the data."""
    line = json.dumps(content, default=str, sort_keys=True)
    (spark.createDataFrame([(line,)], "value string").coalesce(1)
     .write.mode("overwrite").text(f"{out}/manifest"))
