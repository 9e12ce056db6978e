"""`newsledger serve`: the web page over a corpus database."""
from __future__ import annotations

import argparse
import sys

from ..errors import InputError


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from .app import check_assets, create_app
    except ImportError as err:
        raise InputError(f"the web page needs the web extra: pip install 'newsledger[web]' ({err.name} missing)",
                         "missing") from None
    if not 0 < args.port < 65536:
        raise InputError(f"--port {args.port}: expected 1 to 65535", "usage")
    app = create_app(args.db)
    check_assets()
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"newsledger: serving on {args.host}: anyone who can reach it can read the corpus",
              file=sys.stderr)
    print(f"newsledger: open http://{args.host}:{args.port}/ (Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def add_serve(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="a local web page over a corpus database: map, timeline, table, evidence",
                       description="Serve the corpus read-only on a local web page; `ingest` may "
                       "keep writing the same file meanwhile.")
    p.add_argument("--db", required=True, metavar="FILE", help="DuckDB corpus file")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.set_defaults(func=cmd_serve)


REGISTRARS = [add_serve]
