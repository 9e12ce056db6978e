"""Invented events on event-free news: the `none` texts of ../shared/corpus/negatives/labels.tsv.

    python benchmarks/negatives_bench.py [--shared DIR] [--triage | --ingest] [--sample N] [--out FILE]

Every event the extractor outputs on a text hand-labelled `none` is a false positive. Prints
invented events per 100 articles per set and overall, the share of texts with any, the ten
most common sub-event types, and a sample of the invented rows with their evidence and
`reason`. The texts stay under ../shared (publishers' copyright): nothing is copied here.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from newsledger.article import Article, parse_published
from newsledger.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def load_negatives(labels: Path, benchmarks: Path) -> list[tuple[str, Article]]:
    """(set, article) for every `none` row, loaded as the negatives README describes."""
    articles_of: dict[str, list] = {}

    def articles(name: str) -> list:
        if name not in articles_of:
            root = ET.parse(benchmarks / "geoparsing" / f"{name}.xml").getroot()
            articles_of[name] = root.findall("article")
        return articles_of[name]

    with open(benchmarks / "polnear" / "metadata.tsv", encoding="utf-8") as f:
        published = {r["filename"]: r["publication_date"] for r in csv.DictReader(f, delimiter="\t")}
    out = []
    with open(labels, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["decision"] != "none":
                continue
            item = r["item"].split()[0]
            if r["set"] == "polnear_dev":
                text = (benchmarks / "polnear" / "dev" / "text" / f"{item}.txt").read_text(encoding="utf-8")
                date = parse_published(published.get(r["item"], "")[:10] or None)
            else:
                art = articles("GeoVirus" if r["set"] == "geovirus" else "GWN")[int(item)]
                text, date = art.find("text").text or "", None
            out.append((r["set"], Article(text, id=f"{r['set']}/{item}", published=date)))
    return out


def ingest_ledgers(pipeline: Pipeline, articles: list[Article]) -> list:
    """The events `ingest` would store: none for an article with no event word, else the
    pipeline's with the screen before spaCy (as in corpus/rows.py's `extract_batch`)."""
    from newsledger.corpus.rows import has_event_words
    from newsledger.ledger import Ledger

    gated = [has_event_words(a.text) for a in articles]
    screened = iter(pipeline.screen_many([a for a, g in zip(articles, gated) if g]))
    return [next(screened)[0] if g else Ledger(id=a.id, published=None) for a, g in zip(articles, gated)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(SHARED), help="the shared folder (default ../shared)")
    ap.add_argument("--triage", action="store_true", help="spaCy only on triaged sentences")
    ap.add_argument("--ingest", action="store_true",
                    help="as `ingest` extracts: triage, and articles with no event word or no "
                         "sentence telling an incident not parsed")
    ap.add_argument("--sample", type=int, default=15, help="invented rows to print")
    ap.add_argument("--out", help="also write the invented rows as JSON lines")
    args = ap.parse_args()
    shared = Path(args.shared)
    labels, benchmarks = shared / "corpus" / "negatives" / "labels.tsv", shared / "benchmarks"
    if not labels.is_file() or not benchmarks.is_dir():
        print(f"negatives not found: need {labels} and {benchmarks} (pass --shared DIR "
              "if the shared folder is not beside the project)", file=sys.stderr)
        return 2
    docs = load_negatives(labels, benchmarks)
    pipeline = Pipeline.load(triage=args.triage or args.ingest)
    t0 = time.perf_counter()
    articles = [a for _, a in docs]
    ledgers = ingest_ledgers(pipeline, articles) if args.ingest else list(pipeline.extract_many(articles))
    seconds = time.perf_counter() - t0

    per_set: dict[str, list[int]] = {}
    rows = []
    for (name, article), ledger in zip(docs, ledgers):
        per_set.setdefault(name, []).append(len(ledger.events))
        rows += [(article.id, e) for e in ledger.events]
    print(f"{'set':<12} {'texts':>5} {'events':>6} {'per 100':>8} {'texts with any':>15}")
    for name, counts in [*sorted(per_set.items()), ("all", [n for c in per_set.values() for n in c])]:
        hit = sum(n > 0 for n in counts)
        print(f"{name:<12} {len(counts):>5} {sum(counts):>6} {100 * sum(counts) / len(counts):>8.1f} "
              f"{hit:>6} ({100 * hit / len(counts):.0f}%)")
    kinds = Counter(f"{e.event_type} / {e.sub_event_type}" for _, e in rows)
    print("\nmost common sub-event types:")
    for kind, n in kinds.most_common(10):
        print(f"  {n:>4}  {kind}")
    print(f"\nsample of invented rows ({min(args.sample, len(rows))} of {len(rows)}):")
    step = max(1, len(rows) // max(1, args.sample))
    for doc_id, e in rows[::step][:args.sample]:
        evidence = " ".join(s.text for s in e.evidence)[:220].replace("\n", " ")
        print(f"- {doc_id}: {e.sub_event_type} | {getattr(e, 'reason', '')}\n    {evidence}")
    if args.out:
        Path(args.out).write_text("".join(
            json.dumps({"id": d, "event": e.__dict__ | {"evidence": [s.__dict__ for s in e.evidence]}},
                       ensure_ascii=False) + "\n" for d, e in rows), encoding="utf-8")
    print(f"\n{len(docs)} texts in {seconds:.1f}s (noisy on a shared machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
