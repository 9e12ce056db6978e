"""`newsledger` command line: a thin twin of the library, one function per command."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from . import lexicons
from .errors import NewsledgerError

Command = Callable[[argparse.Namespace], int]


def cmd_extract(args: argparse.Namespace) -> int:
    lexicons.use(args.lexicon or ())  # before the extractor is imported: it reads them at import
    from .article import Article, parse_published, read_article
    from .formats import acled_rows, table, to_json, write_csv
    from .pipeline import Pipeline

    published = parse_published(args.published)
    raw = read_article(args.file)
    article = Article(raw.text, id=args.id or "", published=published,
                      title=args.title, source=args.source, url=args.url)
    pipeline = Pipeline.load(actor_files=args.actors or ())
    ledger = pipeline.extract(article).to_dict()
    out = sys.stdout
    if args.format == "json":
        out.write(to_json(ledger) + "\n")
    elif args.format == "jsonl":
        out.write(to_json(ledger, indent=None) + "\n")
    elif args.format == "csv":
        names = {e["country"]: pipeline.gazetteer.country_name(e["country"]) or e["country"]
                 for e in ledger["events"] if e.get("country")}
        write_csv(acled_rows(ledger, names), out)
    else:
        out.write(table(ledger))
    if args.output:
        from pathlib import Path

        Path(args.output).write_text(to_json(ledger) + "\n", encoding="utf-8")
    return 0


def add_extract(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="one article in, one ledger out")
    p.add_argument("file", help="a UTF-8 text file, or - for standard input")
    p.add_argument("--published", help="publication date YYYY-MM-DD (anchors relative dates)")
    p.add_argument("--id", help="ledger id (default: a hash of the text)")
    p.add_argument("--title")
    p.add_argument("--source")
    p.add_argument("--url")
    p.add_argument("--format", choices=("json", "jsonl", "table", "csv"), default="json")
    p.add_argument("--output", "-o", help="also write the ledger JSON to this file")
    p.add_argument("--actors", action="append", metavar="FILE",
                   help="extra actor dictionary (YAML); may be repeated")
    add_lexicon_option(p)
    p.set_defaults(func=cmd_extract)


def add_lexicon_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lexicon", action="append", metavar="FILE",
                   help="a YAML file adding to or removing from the word lists (data/lexicons); "
                        "may be repeated")


# Each corpus command module registers itself here: (module, function adding its parser).
REGISTRARS: list[Callable[[argparse._SubParsersAction], None]] = [add_extract]


def _corpus_registrars() -> list[Callable[[argparse._SubParsersAction], None]]:
    """The corpus commands (ingest, export, …) and the web page's (serve)."""
    found: list[Callable[[argparse._SubParsersAction], None]] = []
    for module in ("corpus.cli", "web.cli"):
        try:
            found += import_module(f".{module}", __package__).REGISTRARS
        except ImportError:
            continue
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsledger",
        description="Turn news text into a source-linked ledger of conflict events.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for register in REGISTRARS + _corpus_registrars():
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except NewsledgerError as err:
        print(f"newsledger: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsledger: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
