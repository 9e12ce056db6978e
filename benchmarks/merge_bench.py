"""Cross-article merging, two ways.

    python benchmarks/merge_bench.py                       # the real merge set (make bench-merge)
    python benchmarks/merge_bench.py FOLDER                # another folder of NN.txt + NN.json + clusters.json
    python benchmarks/merge_bench.py --scale 10000 100000  # the merge step alone, cost per article
    python benchmarks/merge_bench.py --scale 10000 100000 --chunk 10000  # ... at constant density

The first ingests the folder (default ../shared/corpus/merge) into a fresh corpus with this
checkout's code and prints pairwise precision/recall/F1 and best/low/high agreement, by
running the shared scorer `merge_score.py` (it calls `./.venv/bin/newsledger` from its working
directory: it is run from a scratch directory whose `.venv/bin/newsledger` runs this source).

The second times `merge_events` alone on event rows built from the generator's own facts for
N articles (`newsledger generate`'s incidents, no NLP): one report per violent article, its
place, date, type and toll as the generator wrote them, so reports of one incident differ in
toll and date as the generated articles do. It prints seconds, µs per article and incidents
against the generator's distinct incidents.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

# ../shared beside the project root (a checkout) or beside its parent (a worktree under wt/)
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parents[1] / "shared") if p.is_dir()),
              ROOT.parent / "shared")
SCORER = SHARED / "bench" / "merge_score.py"
MERGE_SET = SHARED / "corpus" / "merge"


def score(folder: Path) -> int:
    if not SCORER.exists():
        print(f"{SCORER}: no such scorer", file=sys.stderr)
        return 2
    scorer = SCORER
    with tempfile.TemporaryDirectory() as scratch:
        wrapper = Path(scratch) / ".venv" / "bin" / "newsledger"
        wrapper.parent.mkdir(parents=True)
        wrapper.write_text(f"#!/bin/sh\nPYTHONPATH={ROOT / 'src'} exec {sys.executable} -m newsledger \"$@\"\n")
        wrapper.chmod(0o755)
        return subprocess.run([sys.executable, str(scorer), str(folder.resolve())], cwd=scratch).returncode


def synthetic_rows(n: int, seed: int = 0, chunk: int | None = None) -> tuple[list[dict], int]:
    """Event rows for the violent articles among n generated ones, and how many distinct
    incidents the generator told. With `chunk`, the n articles are generated `chunk` at a
    time, each chunk after the last in time (coverage as dense at 100k as at 10k; the
    generator alone spreads any n over at most two years)."""
    from newsledger.corpus.generate import COUNTRIES, Generator
    from newsledger.corpus.store import date_bounds

    coords = {(c.code, p.name): (p.lat, p.lon) for c in COUNTRIES for p in c.places}
    rows, truths = [], set()
    size = chunk or n
    days = min(730, max(7, size // 15)) + 7  # the generator's span for one chunk, and a gap
    articles = (a for k in range(0, n, size) for a in Generator(
        seed=seed + k, start=date(2016, 1, 4) + timedelta(days=days * (k // size))).articles(min(size, n - k)))
    for i, a in enumerate(articles):
        t = a["truth"]
        if t is None:
            continue
        truths.add((t["country"], t["location"], t["date"], t["sub_event_type"]))
        lat, lon = coords[(t["country"], t["location"])]
        start, end = date_bounds(t["date"], "day")
        rows.append({
            "event_key": f"{i:07d}#0", "content_hash": f"{i:07d}", "event_date": t["date"],
            "date_precision": "day", "date_start": start, "date_end": end,
            "country": t["country"], "admin1": t["admin1"], "admin2": None,
            "location": t["location"], "latitude": lat, "longitude": lon, "geo_precision": 1,
            "geonames_id": None, "event_type": t["event_type"],
            "sub_event_type": t["sub_event_type"], "actor1": None, "actor2": None,
            "fatalities": t["fatalities"], "injured": t["injured"], "confidence": 0.5,
            "published": date.fromisoformat(a["published"]),
        })
    return rows, len(truths)


def scale(sizes: list[int], chunk: int | None) -> int:
    from newsledger.corpus.merge import merge_events

    print(f"{'articles':>9} {'reports':>8} {'seconds':>8} {'µs/article':>11} {'incidents':>10} {'generated':>10}")
    for n in sizes:
        rows, told = synthetic_rows(n, chunk=chunk)
        started = time.perf_counter()
        incidents, _ = merge_events(rows)
        seconds = time.perf_counter() - started
        print(f"{n:>9,} {len(rows):>8,} {seconds:>8.2f} {seconds / n * 1e6:>11.1f} "
              f"{len(incidents):>10,} {told:>10,}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=MERGE_SET)
    parser.add_argument("--scale", nargs="+", type=int, metavar="N",
                        help="time the merge step alone on N generated articles")
    parser.add_argument("--chunk", type=int, metavar="N",
                        help="with --scale: generate N articles at a time, one chunk after another "
                             "(constant density; by default the generator spreads any N over two years)")
    args = parser.parse_args()
    if args.scale:
        return scale(args.scale, args.chunk)
    return score(args.folder)


if __name__ == "__main__":
    sys.exit(main())
