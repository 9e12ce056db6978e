"""Run the extractor over an annotated folder, score it with the reference scorer, time it.

    python benchmarks/dev_bench.py [GOLD_DIR] [--out out/dev.jsonl] [--triage] [--half A|B]

GOLD_DIR defaults to ../shared/corpus/dev (NAME.txt + NAME.json pairs, published dates in
the gold). Prints the scorer's summary, articles/s, and seconds per stage. `--half A` (or B)
keeps the articles whose id's SHA-1 falls in that half, so rules are tuned on one half of an
external benchmark and checked on the other.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from newsledger.article import Article, parse_published
from newsledger.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def load_gold_articles(gold_dir: Path) -> list[Article]:
    articles = []
    for gold_file in sorted(gold_dir.glob("*.json")):
        text_file = gold_file.with_suffix(".txt")
        if not text_file.exists():
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        articles.append(Article(text_file.read_text(encoding="utf-8"), id=gold.get("id") or gold_file.stem,
                                published=parse_published(gold.get("published")),
                                url=gold.get("url"), source=gold.get("source")))
    return articles


def half_of(article_id: str) -> str:
    """'A' or 'B', fixed by the id's SHA-1 (the same split in every run and process)."""
    return "AB"[hashlib.sha1(article_id.encode()).digest()[0] & 1]


def half_gold_dir(gold_dir: Path, articles: list[Article], into: Path) -> Path:
    """A folder linking only `articles`' gold and text, for the scorer (it reads a whole folder)."""
    stems = {a.id for a in articles}
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if (gold.get("id") or gold_file.stem) in stems:
            for f in (gold_file, gold_file.with_suffix(".txt")):
                (into / f.name).symlink_to(f.resolve())
    return into


def ingest_ledgers(pipeline: Pipeline, articles: list[Article]) -> list[dict]:
    """The ledgers `ingest`'s workers would store (the same function, in this process)."""
    from newsledger.corpus.rows import extract_batch

    results = extract_batch(pipeline, articles)
    skipped = Counter(extraction for _, _, extraction in results)
    print("articles by extraction: " + ", ".join(f"{k} {v}" for k, v in sorted(skipped.items())))
    return [ledger for _, ledger, _ in results]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(SHARED / "corpus" / "dev"))
    ap.add_argument("--out", default=str(ROOT / "out" / "dev.jsonl"))
    ap.add_argument("--triage", action="store_true", help="spaCy only on triaged sentences")
    ap.add_argument("--ingest", action="store_true",
                    help="as `ingest` extracts: triage on, articles with no event word or no "
                         "sentence telling an incident not parsed (their ledgers hold no event)")
    ap.add_argument("--per-article", action="store_true")
    ap.add_argument("--half", choices=("A", "B"), help="only the articles of this half (by id hash)")
    args = ap.parse_args()
    gold_dir = Path(args.gold)
    if not gold_dir.is_dir():
        print(f"no gold folder at {gold_dir}", file=sys.stderr)
        return 2
    articles = load_gold_articles(gold_dir)
    if args.half:
        articles = [a for a in articles if half_of(a.id) == args.half]
        print(f"half {args.half}: {len(articles)} articles")
    t0 = time.perf_counter()
    pipeline = Pipeline.load(triage=args.triage or args.ingest)
    pipeline.extract(articles[0])  # warm up: compiled patterns and caches are built once
    pipeline.seconds.clear()
    load_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    ledgers = (ingest_ledgers(pipeline, articles) if args.ingest
               else [ledger.to_dict() for ledger in pipeline.extract_many(articles)])
    run_s = time.perf_counter() - t1
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in ledgers), encoding="utf-8")
    scorer = SHARED / "eval" / "score.py"
    with tempfile.TemporaryDirectory() as tmp:
        scored_dir = half_gold_dir(gold_dir, articles, Path(tmp)) if args.half else gold_dir
        cmd = [sys.executable, str(scorer), str(scored_dir), str(out)] + (["--per-article"] if args.per_article else [])
        subprocess.run(cmd, check=False)
    words = sum(len(a.text.split()) for a in articles)
    print(f"articles: {len(articles)}  words: {words}  load: {load_s:.1f}s  extract: {run_s:.2f}s  "
          f"-> {len(articles) / run_s:.1f} articles/s, {words / run_s:,.0f} words/s")
    ours = sum(v for k, v in pipeline.seconds.items() if k != "spacy")
    print("seconds per stage: " + ", ".join(f"{k} {v:.2f}" for k, v in pipeline.seconds.most_common()))
    print(f"spaCy {pipeline.seconds['spacy']:.2f}s vs newsledger's own stages {ours:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
