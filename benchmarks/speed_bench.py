"""Speed on real news: `newsledger ingest` against the spaCy-only peer, in one run.

    python benchmarks/speed_bench.py [N] [--rounds 2]       # ingest vs peer, articles/s and ratio
    python benchmarks/speed_bench.py [N] --profile          # where the time goes, per article kind

The corpus is `../shared/bench/real_corpus.py N` (real texts, not distributed with the
project). Each round runs the two commands back to back on the same input, so the ratio holds
on a noisy machine. `--profile` extracts in this process (one core), as ingest's workers do (the
article gate, then the screen before spaCy), and splits the time per stage between articles
with no event word, with trigger words but no sentence telling an incident (screened out
before spaCy), parsed but with no event, and with events.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def build_corpus(n: int, folder: Path) -> Path:
    out = folder / f"real_{n}.jsonl"
    maker = SHARED / "bench" / "real_corpus.py"
    if not maker.exists():
        sys.exit(f"no real corpus maker at {maker}: ../shared is not beside this checkout")
    subprocess.run([sys.executable, str(maker), str(n), str(out)], check=True)
    return out


def timed(cmd: list[str]) -> tuple[float, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if done.returncode:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - t, done.stdout + done.stderr


def race(corpus: Path, n: int, rounds: int, folder: Path) -> None:
    ratios = []
    for r in range(rounds):
        db = folder / f"round{r}.duckdb"
        ours, log = timed([sys.executable, "-m", "newsledger", "ingest", str(corpus), "--db", str(db),
                           "--quiet"])
        peer, peer_log = timed([sys.executable, str(ROOT / "benchmarks" / "spacy_peer.py"), str(corpus)])
        ratios.append(peer / ours)
        print(f"round {r + 1}: newsledger ingest {n / ours:.1f} articles/s ({ours:.1f} s), "
              f"spaCy peer {n / peer:.1f} articles/s ({peer:.1f} s) -> ratio {peer / ours:.2f}x")
        print("  " + log.strip().splitlines()[-1])
    ratios.sort()
    print(f"median ratio over {rounds} rounds: {ratios[len(ratios) // 2]:.2f}x")


def profile(corpus: Path) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from newsledger.article import Article, parse_published
    from newsledger.corpus.ingest import has_event_words
    from newsledger.pipeline import Pipeline

    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    pipeline = Pipeline.load(triage=True)
    per_kind: dict[str, Counter] = {}
    counts: Counter = Counter()
    for row in rows:
        article = Article(row["text"], published=parse_published(row.get("published")))
        t = time.perf_counter()
        if not has_event_words(article.text):
            kind, stages = "no event word", Counter({"article gate": time.perf_counter() - t})
        else:
            before = Counter(pipeline.seconds)
            gate = time.perf_counter() - t
            [(ledger, parsed)] = pipeline.screen_many([article])
            stages = Counter(pipeline.seconds)
            stages.subtract(before)
            stages["article gate"] += gate
            kind = ("events" if ledger.events else "parsed, no event") if parsed \
                else "no incident sentence"
        counts[kind] += 1
        per_kind.setdefault(kind, Counter()).update(stages)
    total = sum(sum(c.values()) for c in per_kind.values())
    print(f"{len(rows)} articles, {total:.1f} s in one process ({len(rows) / total:.1f} articles/s)")
    names = sorted({k for c in per_kind.values() for k in c}, key=lambda k: -sum(c[k] for c in per_kind.values()))
    print("| kind | articles | ms/article | " + " | ".join(names) + " |")
    print("|---|---|---|" + "---|" * len(names))
    for kind, stages in sorted(per_kind.items()):
        n = counts[kind]
        cells = " | ".join(f"{1000 * stages[k] / n:.1f}" for k in names)
        print(f"| {kind} | {n} | {1000 * sum(stages.values()) / n:.1f} | {cells} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="nl-speed-") as tmp:
        corpus = build_corpus(args.n, Path(tmp))
        if args.profile:
            profile(corpus)
        else:
            race(corpus, args.n, args.rounds, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
