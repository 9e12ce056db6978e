"""Speed on real news: `newsledger ingest` against the spaCy-only peer, in one run.

    python benchmarks/speed_bench.py [N] [--rounds 2]       # ingest vs peer, articles/s and ratio
    python benchmarks/speed_bench.py [N] --baseline DIR     # also race another checkout's ingest
    python benchmarks/speed_bench.py [N] --profile          # where the time goes, per article kind
    python benchmarks/speed_bench.py --dev GOLD --speech-names parse --out F  # the NER-less experiment, scored

The corpus is `../shared/bench/real_corpus.py N` (real texts, not distributed with the
project). Each round runs the commands back to back on the same input, so the ratio holds
on a noisy machine; each also gets its CPU seconds (user + system, its worker processes
included), which other processes' load inflates less than wall time. `--baseline DIR` runs
the ingest of another checkout (DIR holds its `src/`) in the same rounds: a before/after
figure on a shared machine. `--profile` extracts in this process (one core), as ingest's
workers do (the article gate, then the screen before spaCy), and splits the CPU time per
stage (`--wall`: wall time) between articles with no event word, with trigger words but no
sentence telling an incident (screened out before spaCy), parsed but with no event, and
with events.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
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


@dataclass
class Run:
    seconds: float  # wall
    cpu: float      # user + system of the command and its children
    log: str


def timed(cmd: list[str], src: Path = ROOT / "src") -> Run:
    env = {**os.environ, "PYTHONPATH": str(src)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stderr[-2000:]}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return Run(seconds, cpu, done.stdout + done.stderr)


def ingest(corpus: Path, db: Path, src: Path) -> Run:
    return timed([sys.executable, "-m", "newsledger", "ingest", str(corpus), "--db", str(db),
                  "--quiet"], src)


def race(corpus: Path, n: int, rounds: int, folder: Path, baseline: Path | None) -> None:
    ratios: dict[str, list[float]] = {"newsledger": [], "baseline": []}
    for r in range(rounds):
        runs = {"newsledger": ingest(corpus, folder / f"ours{r}.duckdb", ROOT / "src")}
        if baseline is not None:
            runs["baseline"] = ingest(corpus, folder / f"base{r}.duckdb", baseline / "src")
        peer = timed([sys.executable, str(ROOT / "benchmarks" / "spacy_peer.py"), str(corpus)])
        print(f"round {r + 1}: spaCy peer {n / peer.seconds:.1f} articles/s "
              f"({peer.seconds:.1f} s, {peer.cpu:.1f} s CPU)")
        for name, run in runs.items():
            ratios[name].append(peer.seconds / run.seconds)
            print(f"  {name} ingest {n / run.seconds:.1f} articles/s ({run.seconds:.1f} s, "
                  f"{run.cpu:.1f} s CPU) -> ratio {peer.seconds / run.seconds:.2f}x "
                  f"(CPU ratio {peer.cpu / run.cpu:.2f}x)")
            print("    " + run.log.strip().splitlines()[-1])
    for name, values in ratios.items():
        if values:
            values.sort()
            print(f"{name}: median ratio over {rounds} rounds {values[len(values) // 2]:.2f}x")


def profile(corpus: Path, wall: bool = False, speech_names: str = "ner") -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from newsledger.article import Article, parse_published
    from newsledger.corpus.rows import has_event_words
    from newsledger.pipeline import Pipeline

    clock = time.perf_counter if wall else time.process_time
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    pipeline = Pipeline.load(triage=True, speech_names=speech_names)
    pipeline.clock = clock
    per_kind: dict[str, Counter] = {}
    counts: Counter = Counter()
    for row in rows:
        article = Article(row["text"], published=parse_published(row.get("published")))
        t = clock()
        if not has_event_words(article.text):
            kind, stages = "no event word", Counter({"article gate": clock() - t})
        else:
            before = Counter(pipeline.seconds)
            gate = clock() - t
            [(ledger, parsed)] = pipeline.screen_many([article])
            stages = Counter(pipeline.seconds)
            stages.subtract(before)
            stages["article gate"] += gate
            kind = ("events" if ledger.events else "parsed, no event") if parsed \
                else "no incident sentence"
        counts[kind] += 1
        per_kind.setdefault(kind, Counter()).update(stages)
    total = sum(sum(c.values()) for c in per_kind.values())
    what = "wall" if wall else "CPU"
    print(f"{len(rows)} articles, {total:.1f} s {what} in one process ({len(rows) / total:.1f} articles/s); "
          "ms per article:")
    names = sorted({k for c in per_kind.values() for k in c}, key=lambda k: -sum(c[k] for c in per_kind.values()))
    print("| kind | articles | ms/article | " + " | ".join(names) + " |")
    print("|---|---|---|" + "---|" * len(names))
    for kind, stages in sorted(per_kind.items()):
        n = counts[kind]
        cells = " | ".join(f"{1000 * stages[k] / n:.1f}" for k in names)
        print(f"| {kind} | {n} | {1000 * sum(stages.values()) / n:.1f} | {cells} |")


def dev(gold: Path, out: Path, speech_names: str) -> None:
    """The dev set extracted as ingest's workers do (dev_bench.py --ingest) with the given
    `speech_names`, scored; and the CPU seconds of that extraction."""
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from dev_bench import ingest_ledgers, load_gold_articles
    from newsledger.pipeline import Pipeline

    articles = load_gold_articles(gold)
    pipeline = Pipeline.load(triage=True, speech_names=speech_names)
    pipeline.extract(articles[0])  # warm up, as dev_bench does
    t = time.process_time()
    ledgers = ingest_ledgers(pipeline, articles)
    cpu = time.process_time() - t
    out.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in ledgers), encoding="utf-8")
    subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(out)], check=False)
    print(f"speech_names={speech_names}: {len(articles)} articles, {cpu:.2f} s CPU extracting")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--baseline", type=Path, help="another checkout whose ingest races too")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--wall", action="store_true", help="profile wall time, not CPU time")
    ap.add_argument("--speech-names", choices=("ner", "parse"), default="ner",
                    help="with --profile or --dev: 'parse' names speech sentences with no "
                         "trigger word from their parse, without the NER (an experiment)")
    ap.add_argument("--dev", type=Path, metavar="GOLD", help="score GOLD's ledgers as ingest "
                    "extracts them (with --speech-names) instead of timing the real corpus")
    ap.add_argument("--out", type=Path, default=Path("dev-speech-names.jsonl"), help="with --dev")
    args = ap.parse_args()
    if args.dev is not None:
        dev(args.dev, args.out, args.speech_names)
        return 0
    if args.baseline is not None and not (args.baseline / "src" / "newsledger").is_dir():
        sys.exit(f"{args.baseline}: no src/newsledger there")
    with tempfile.TemporaryDirectory(prefix="nl-speed-") as tmp:
        corpus = build_corpus(args.n, Path(tmp))
        if args.profile:
            profile(corpus, args.wall, args.speech_names)
        else:
            race(corpus, args.n, args.rounds, Path(tmp), args.baseline)
    return 0


if __name__ == "__main__":
    sys.exit(main())
