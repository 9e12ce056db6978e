"""Ingest throughput, end to end: generate N articles, ingest them into a fresh database
(read, parse, extract on the worker pool, store, merge), print articles/s and peak memory.

    python benchmarks/ingest_bench.py 10000                     # all articles report violence
    python benchmarks/ingest_bench.py 10000 --violent-share 0.2 # a general news feed
    python benchmarks/ingest_bench.py 1000 --json               # one JSON line for BENCHMARKS.md

Targets (issue 5, 2 cores): ≥ 25 articles/s all-violent, ≥ 100 articles/s at one in five,
peak memory ≤ 3 GB (the sum over the main process and its workers, sampled every 0.2 s).
Wall-clock rates suffer when other work shares the cores, so the CPU time per article (all
processes) and the load average are printed too.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsledger.corpus.generate import Generator, generate  # noqa: E402
from newsledger.corpus.ingest import DEFAULT_PIPELINE, ingest  # noqa: E402


class TreeMemory:
    """Peak of the summed RSS of this process and its descendants (the fork server and its
    workers), from /proc; and of their summed PSS, which counts a page shared by forked
    processes once (summed RSS counts the model the workers share with the server 3 times)."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peak = 0
        self.peak_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(os.getpid()))
            self.peak_pss = max(self.peak_pss, tree_pss(os.getpid()))
            self._stop.wait(self.interval)


def tree_rss(pid: int) -> int:
    """Bytes resident in `pid` and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open(f"/proc/{p}/task/{p}/children") as f:
                stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def tree_pss(pid: int) -> int:
    """Proportional set size of `pid` and all its descendants, in bytes (0 where the kernel
    has no smaps_rollup)."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                total += next((int(line.split()[1]) * 1024 for line in f if line.startswith("Pss:")), 0)
            with open(f"/proc/{p}/task/{p}/children") as f:
                stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def cpu_seconds() -> float:
    """User + system time of this process and of its reaped children (the workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def triage_share(n: int, violent_share: float, seed: int) -> tuple[float, float]:
    """Share of sentences and of words that triage sends to spaCy, on a sample."""
    from newsledger.article import Article
    from newsledger.extract.clean import mark_boilerplate
    from newsledger.document import Doc
    from newsledger.extract.text import split_sentences
    from newsledger.extract.triage import select_sentences

    kept = total = kept_words = words = 0
    for a in Generator(seed=seed, violent_share=violent_share).articles(n):
        doc = Doc(Article(a["text"]), split_sentences(a["text"]))
        mark_boilerplate(doc)
        select_sentences(doc, True)
        total += len(doc.sentences)
        kept += len(doc.selected)
        words += sum(len(s.text.split()) for s in doc.sentences)
        kept_words += sum(len(doc.sentences[i].text.split()) for i in doc.selected)
    return kept / max(total, 1), kept_words / max(words, 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", default=1000)
    ap.add_argument("--violent-share", type=float, default=1.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    ap.add_argument("--pipeline", default=DEFAULT_PIPELINE, help=argparse.SUPPRESS)
    ap.add_argument("--dir", help="work folder (kept); default: a temporary one, removed")
    ap.add_argument("--json", action="store_true", help="print one JSON line of results")
    ap.add_argument("--quiet", action="store_true", help="no progress bar")
    args = ap.parse_args()

    work = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    corpus, db = work / "corpus", work / "corpus.duckdb"
    try:
        t0 = time.perf_counter()
        generate(args.n, corpus, violent_share=args.violent_share, seed=args.seed, fmt=args.format)
        gen_s = time.perf_counter() - t0
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.rglob("*.*"))
        if db.exists():
            db.unlink()
        cpu0, load0 = cpu_seconds(), os.getloadavg()[0]
        with TreeMemory() as mem:
            summary = ingest([corpus], db, workers=args.workers, batch_size=args.batch_size,
                             progress=not args.quiet, pipeline=args.pipeline)
        cpu_ms = (cpu_seconds() - cpu0) * 1000 / args.n
        load1 = os.getloadavg()[0]
        sentences, word_share = triage_share(min(args.n, 300), args.violent_share, args.seed)
        result = {
            "articles": args.n, "violent_share": args.violent_share, "workers": args.workers,
            "words": words, "generate_s": round(gen_s, 1), "ingest_s": round(summary.seconds, 1),
            "articles_per_s": round(args.n / summary.seconds, 1),
            "words_per_s": round(words / summary.seconds),
            "cpu_ms_per_article": round(cpu_ms, 1),
            # what 2 idle cores would give: wall time suffers when other work shares them
            "cpu_bound_articles_per_s_2_cores": round(2000 / cpu_ms, 1),
            "load_before_after": [round(load0, 2), round(load1, 2)],
            "peak_rss_mb": round(mem.peak / 2**20),
            "peak_pss_mb": round(mem.peak_pss / 2**20),
            "main_max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "worker_max_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
            "db_mb": round(db.stat().st_size / 2**20, 1),
            "triage_sentence_share": round(sentences, 3), "triage_word_share": round(word_share, 3),
            **{k: summary.totals.get(k) for k in ("events", "incidents", "merged_incidents", "disagreements")},
            "python": sys.version.split()[0], "cpus": os.cpu_count(),
        }
    finally:
        if not args.dir:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(result))
    else:
        print(summary.format())
        print(f"\n{result['articles']:,} articles ({result['words']:,} words, violent share "
              f"{args.violent_share}) in {result['ingest_s']} s on {args.workers} workers: "
              f"{result['articles_per_s']} articles/s, {result['words_per_s']:,} words/s")
        print(f"peak memory {result['peak_rss_mb']:,} MB summed RSS, {result['peak_pss_mb']:,} MB PSS "
              f"(all processes; main alone "
              f"{result['main_max_rss_mb']} MB, largest worker {result['worker_max_rss_mb']} MB); "
              f"database {result['db_mb']} MB")
        print(f"CPU {cpu_ms:.1f} ms per article (all processes): {2000 / cpu_ms:.1f} articles/s "
              f"on 2 idle cores; load average {load0:.2f} before, {load1:.2f} after")
        print(f"triage sends {sentences:.0%} of sentences ({word_share:.0%} of words) to spaCy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
