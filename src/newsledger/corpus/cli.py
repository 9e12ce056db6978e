"""Corpus commands: `ingest`, `export`, `stats`, `generate`. Each parses its arguments and
calls one library function (ingest.ingest, exports.export, exports.corpus_stats,
generate.generate); cli.py collects them through REGISTRARS."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date

from ..cli import add_lexicon_option
from ..errors import InputError


def cmd_ingest(args: argparse.Namespace) -> int:
    from .. import lexicons

    lexicons.use(args.lexicon or ())  # before the extractor is imported: it reads them at import
    from .ingest import ingest

    summary = ingest(args.paths, args.db, workers=args.workers, batch_size=args.batch_size,
                     progress=not args.quiet, pipeline=args.pipeline,
                     actor_files=args.actors or (), all_ledgers=args.all_ledgers,
                     **({"wait": args.wait} if args.wait is not None else {}))
    print(summary.format(), file=sys.stderr)
    return 0


def add_ingest(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="read files and folders of articles into a corpus database",
                       description="Read .txt (with a NAME.json sidecar or a `key: value` header), "
                       ".jsonl/.json, .html and .warc/.warc.gz files, recursively; extract "
                       "ledgers on several cores; store them; merge reports of one incident. "
                       "Re-running adds nothing; an interrupted run resumes where it stopped.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("--db", required=True, metavar="FILE", help="DuckDB file (created if missing)")
    p.add_argument("--workers", type=int, default=2,
                   help="extraction processes (default 2; 0 runs in this process)")
    p.add_argument("--batch-size", type=int, default=32, help="articles per committed batch")
    p.add_argument("--wait", type=float, default=None, metavar="SECONDS",
                   help="how long to wait for a database another process holds, at each batch "
                   "(default 60); then stop with exit status 2, keeping what was stored")
    p.add_argument("--actors", action="append", metavar="FILE",
                   help="extra actor dictionary (YAML); may be repeated")
    add_lexicon_option(p)
    p.add_argument("--all-ledgers", action="store_true",
                   help="also extract quotes, entities and claims of articles with no event "
                   "word (by default they are stored with an empty ledger, unparsed)")
    p.add_argument("--pipeline", default="newsledger.corpus.ingest:load_pipeline", help=argparse.SUPPRESS)
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_ingest)


def cmd_export(args: argparse.Namespace) -> int:
    from .exports import Filters, export
    from .store import Store

    filters = Filters(date_from=_date(args.date_from), date_to=_date(args.date_to),
                      countries=_list(args.country), types=_list(args.type))
    if args.format == "parquet" and not args.output:
        raise InputError("parquet is a binary format: give an output file with -o FILE", "usage")
    with Store(args.db, read_only=True) as store:
        if args.format == "parquet":
            n = export(store, "parquet", args.output, filters, events=args.events)
        elif args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                n = export(store, args.format, out, filters, events=args.events)
        else:
            n = export(store, args.format, sys.stdout, filters, events=args.events)
    what = "events" if args.events else "incidents"
    print(f"exported {n:,} {what}", file=sys.stderr)
    return 0


def add_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write incidents (or events) from a corpus database")
    p.add_argument("--db", required=True, metavar="FILE")
    p.add_argument("--format", choices=("acled-csv", "jsonl", "geojson", "parquet"), default="jsonl")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="first day to include")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day to include")
    p.add_argument("--country", action="append", metavar="CC",
                   help="ISO 3166-1 alpha-2 code; repeat or separate with commas")
    p.add_argument("--type", action="append", metavar="TYPE",
                   help="event or sub-event type, e.g. Battles or 'Suicide bomb'; may be repeated")
    p.add_argument("--events", action="store_true", help="raw article events instead of incidents")
    p.add_argument("--output", "-o", metavar="FILE", help="output file (default: standard output)")
    p.set_defaults(func=cmd_export)


def cmd_stats(args: argparse.Namespace) -> int:
    from .exports import corpus_stats, format_stats
    from .store import Store

    with Store(args.db, read_only=True) as store:
        stats = corpus_stats(store)
    if args.json:
        print(json.dumps(stats, default=str, indent=1))
    else:
        sys.stdout.write(format_stats(stats))
    return 0


def add_stats(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="counts by status, country, type and month")
    p.add_argument("--db", required=True, metavar="FILE")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_stats)


def cmd_generate(args: argparse.Namespace) -> int:
    from .generate import generate

    if not 0.0 <= args.violent_share <= 1.0:
        raise InputError("--violent-share must be between 0 and 1", "usage")
    n = generate(args.n, args.out, violent_share=args.violent_share, seed=args.seed, fmt=args.format)
    print(f"wrote {n:,} articles to {args.out}", file=sys.stderr)
    return 0


def add_generate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("generate", help="write N synthetic wire-style articles (for benchmarks)")
    p.add_argument("n", type=int, metavar="N")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--violent-share", type=float, default=1.0,
                   help="share of articles reporting violence (default 1.0; 0.2 = a general feed)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    p.set_defaults(func=cmd_generate)


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"bad date {value!r}: expected YYYY-MM-DD", "usage") from None


def _list(values: list[str] | None) -> list[str]:
    return [v.strip() for item in values or () for v in item.split(",") if v.strip()]


def _spark_registrars() -> list[Callable[[argparse._SubParsersAction], None]]:
    from ..spark.cli import REGISTRARS as spark  # spark-ingest, import (Spark loads on use)

    return list(spark)


REGISTRARS: list[Callable[[argparse._SubParsersAction], None]] = [
    add_ingest, add_export, add_stats, add_generate, *_spark_registrars(),
]
