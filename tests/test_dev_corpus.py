"""Every ledger on the shared dev corpus validates against the spec (offsets and enums).

The dev corpus is not distributed with the project: these tests skip where it is absent.
"""
from __future__ import annotations

import json

from conftest import dev_corpus_or_skip
from newsledger.article import Article, parse_published
from newsledger.validate import ledger_problems


def test_dev_ledgers_validate(pipeline):
    dev = dev_corpus_or_skip()
    articles, texts = [], {}
    for gold_file in sorted(dev.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = gold_file.with_suffix(".txt").read_text(encoding="utf-8")
        texts[gold_file.stem] = text
        articles.append(Article(text, id=gold_file.stem, published=parse_published(gold["published"])))
    problems = {}
    n_events = 0
    for ledger in pipeline.extract_many(articles):
        d = ledger.to_dict()
        n_events += len(d["events"])
        found = ledger_problems(d, texts[d["id"]])
        if found:
            problems[d["id"]] = found[:5]
    assert problems == {}
    assert n_events > 0
