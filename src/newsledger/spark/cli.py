"""`newsledger spark-ingest` and `newsledger import`; registered with the corpus commands
(corpus/cli.py REGISTRARS). Spark is imported only when `spark-ingest` runs."""
from __future__ import annotations

import argparse
import sys

from ..cli import add_lexicon_option
from ..errors import InputError


def cmd_spark_ingest(args: argparse.Namespace) -> int:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise InputError("spark-ingest needs Spark: pip install 'newsledger[spark]'", "missing") from None
    from .job import spark_ingest
    from .worker import Settings

    if args.partitions is not None and args.partitions < 1:
        raise InputError("--partitions must be at least 1", "usage")
    if args.split_mb <= 0:
        raise InputError("--split-mb must be positive", "usage")
    settings = Settings(pipeline=args.pipeline, actor_files=tuple(args.actors or ()),
                        lexicon_files=tuple(args.lexicon or ()), all_ledgers=args.all_ledgers,
                        batch_size=args.batch_size)
    conf = dict(_conf(c) for c in args.conf or ())
    result = spark_ingest(args.inputs, args.out, master=args.master, partitions=args.partitions,
                          settings=settings, conf=conf, split_bytes=int(args.split_mb * 2**20))
    print(result.format(), file=sys.stderr)
    return 0


def _conf(item: str) -> tuple[str, str]:
    key, sep, value = item.partition("=")
    if not sep or not key:
        raise InputError(f"--conf {item!r}: expected KEY=VALUE", "usage")
    return key, value


def add_spark_ingest(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("spark-ingest", help="extract ledgers on Apache Spark into Parquet datasets",
                       description="Read JSONL, Parquet (columns text, id, published, url, title, "
                       "source), WARC/WARC.gz and the other `ingest` formats on a Spark cluster; "
                       "extract on the executors with the same code as `ingest`; merge incidents; "
                       "write Parquet datasets sources/ articles/ events/ quotes/ entities/ "
                       "incidents/ incident_reports/ under --out. Re-running writes the same datasets.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files or folders (every executor must see them), or URIs Spark reads "
                   "(hdfs://, s3a://, …)")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder or URI (replaced)")
    p.add_argument("--master", help="local[2], local[*], spark://HOST:7077, yarn, … "
                   "(default: spark-submit's, or local[*])")
    p.add_argument("--partitions", type=int, metavar="N",
                   help="extraction and merge partitions (default 4 × the cores)")
    p.add_argument("--split-mb", type=float, default=128, metavar="MB",
                   help="a local JSONL or Parquet file larger than this is read by several tasks "
                   "(byte ranges, runs of row groups; default 128)")
    p.add_argument("--batch-size", type=int, default=32, help="articles extracted at once per task")
    p.add_argument("--conf", action="append", metavar="KEY=VALUE", help="a Spark setting; may be repeated")
    p.add_argument("--actors", action="append", metavar="FILE",
                   help="extra actor dictionary (YAML), readable on every executor; may be repeated")
    add_lexicon_option(p)
    p.add_argument("--all-ledgers", action="store_true",
                   help="also extract quotes, entities and claims of articles with no event word")
    p.add_argument("--pipeline", default="newsledger.corpus.ingest:load_pipeline", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_spark_ingest)


def cmd_import(args: argparse.Namespace) -> int:
    from .importer import import_dir

    t = import_dir(args.dir, args.db)
    print(f"database: {t['articles']:,} articles from {t['sources']:,} sources, {t['events']:,} "
          f"events → {t['incidents']:,} incidents", file=sys.stderr)
    return 0


def add_import(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="load a spark-ingest output into a corpus database")
    p.add_argument("dir", metavar="DIR", help="the --out folder of spark-ingest")
    p.add_argument("--db", required=True, metavar="FILE", help="DuckDB file (created if missing)")
    p.set_defaults(func=cmd_import)


REGISTRARS = [add_spark_ingest, add_import]
