"""Properties of the extractor over generated text (Hypothesis): whatever the text, the
pipeline returns a ledger, never raises; every offset indexes the text and every enum is
one the spec allows (`validate.ledger_problems`); a second call gives the same ledger, and
so does a second process (another hash seed).

Two kinds of text: arbitrary Unicode, and real-looking news (sentences written for these
tests, shuffled, repeated, truncated, with HTML, control characters, very long lines,
right-to-left and combining characters inserted). Example counts are kept small and the
examples are the same in every run (derandomized), so the file runs in well under a minute
and a failure replays; NEWSLEDGER_EXPLORE=N draws new examples, N times as many."""
from __future__ import annotations

import json
import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.article import Article, parse_published
from newsledger.validate import ledger_problems

from test_determinism import in_this_process, ledgers, start_process

EXPLORE = int(os.environ.get("NEWSLEDGER_EXPLORE") or 0)
SETTINGS = dict(deadline=None, derandomize=not EXPLORE, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def examples(n: int) -> int:
    return n * max(EXPLORE, 1)

SENTENCES = [
    "A roadside bomb killed three soldiers near Kirkuk on Tuesday, police said.",
    "Gunmen abducted 12 passengers from a bus in Zamfara state on Friday night.",
    "\"We will not give up,\" said Maria Okafor, the mayor of the town.",
    "Hundreds of farmers marched peacefully through Nairobi on Monday to demand lower taxes.",
    "Security forces fired tear gas at protesters in Dhaka, injuring at least 20 people.",
    "The ministry said two civilians were wounded when mortar shells hit a market in Aleppo.",
    "Officials in Kabul denied that any talks had taken place.",
    "Rebels seized the village of Kiwanja after heavy fighting with the army, residents said.",
    "The United Nations said 4,000 people had fled the clashes since March 3.",
    "An air strike on a wedding in Hodeidah killed at least 15 people, medics said.",
    "President Ruto told reporters the attackers would be brought to justice.",
    "No group claimed responsibility for the attack.",
    "Police arrested 31 people after the riot in Karachi, a spokesman said on Sunday.",
    "The central bank held interest rates at 7 percent, citing inflation.",
]
FRAGMENTS = [
    "<p>", "</p>", "<script>var killed = 99;</script>", "<b>Breaking:</b> ", "&amp;", "&nbsp;",
    "<a href='https://news.example/x'>more</a>", "<!-- comment -->", "<br/>",
    "\x00", "\x07", "\x1b[31m", "\r\n", "\t", "\f", "\x0b", "\u2028", "\u2029", "\x85",
    "\u200f", "\u202e", "\u2066", "\u200b", "\ufeff", "\u00ad",          # marks, bidi, zero-width
    "\u0642\u062a\u0644 \u062b\u0644\u0627\u062b\u0629 \u0623\u0634\u062e\u0627\u0635",  # Arabic
    "\u05e0\u05d4\u05e8\u05d2\u05d5 \u05e9\u05e0\u05d9\u05d9\u05dd",                      # Hebrew
    "e\u0301\u0302\u0303\u0304", "K\u0327i\u0308rkuk", "Z\u0336a\u0336l\u0336g\u0336o\u0336",
    "\U0001f4a5\U0001f1fa\U0001f1e6", "\u4e24\u540d\u58eb\u5175\u906d\u88ad\u51fb",
    "\uff21\uff22\uff23", "\u2460\u2461", "\u0663\u0664", "\u00bd", "\u2014", "\u201c\u201d",
    "\n\n", "...", " -- ", "KIRKUK, Iraq (Wire) - ",
]


@st.composite
def real_looking(draw) -> str:
    sentences = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8))
    joiners = draw(st.lists(st.sampled_from([" ", "\n", "\n\n", "  ", ""]), min_size=len(sentences),
                            max_size=len(sentences)))
    text = "".join(s + j for s, j in zip(sentences, joiners))
    for fragment, where in draw(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.floats(0, 1)),
                                         max_size=6)):
        at = int(where * len(text))
        text = text[:at] + fragment + text[at:]
    if draw(st.booleans()):  # one very long line (20k-150k characters), no newline
        unit = draw(st.sampled_from(["killed ", "x" * 50, "\u0644" * 40 + " ", "12, "]))
        text += unit * draw(st.integers(500, 3000))
    elif draw(st.booleans()):  # one paragraph of many event sentences (each is parsed: kept short)
        text += " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=20, max_size=60)))
    if draw(st.booleans()):  # truncated anywhere, mid-word or mid-sentence
        text = text[: draw(st.integers(0, len(text)))]
    return text


def check(pipeline, text: str, published: str | None = "2024-05-10") -> dict:
    article = Article(text, published=parse_published(published))
    ledger = pipeline.extract(article).to_dict()
    assert ledger_problems(ledger, text) == []
    assert pipeline.extract(article).to_dict() == ledger, "a second call differs"
    json.dumps(ledger)  # serialisable as the spec's JSON
    return ledger


@settings(max_examples=examples(40), **SETTINGS)
@given(text=st.text(max_size=400))
def test_any_unicode_text(pipeline, text):
    check(pipeline, text)


@settings(max_examples=examples(25), **SETTINGS)
@given(text=st.text(st.characters(codec="utf-8"), min_size=200, max_size=2000),
       published=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_long_unicode_text_with_any_published_date(pipeline, text, published):
    check(pipeline, text, published)


@settings(max_examples=examples(60), **SETTINGS)
@given(text=real_looking())
def test_real_looking_text(pipeline, text):
    check(pipeline, text)


def test_real_looking_text_gives_the_same_ledger_in_another_process(pipeline):
    """The same mutations, drawn with a seeded generator: the ledgers of a second process
    (its own hash seed) are byte-identical to this one's."""
    rng = random.Random(8)
    texts = []
    for _ in range(30):
        text = " ".join(rng.choices(SENTENCES, k=rng.randint(1, 8)))
        for fragment in rng.choices(FRAGMENTS, k=rng.randint(0, 5)):
            at = rng.randint(0, len(text))
            text = text[:at] + fragment + text[at:]
        texts.append(text[: rng.randint(len(text) // 2, len(text))])
    other = start_process(texts, seed=7)
    here = in_this_process(pipeline, texts)
    assert ledgers(other) == here
    assert any(json.loads(line)["events"] for line in here)  # not a run of empty ledgers


@pytest.mark.parametrize("text", [
    "", " ", "\n" * 50, "\x00" * 10, "\ufeff", "\u202e" + SENTENCES[0][::-1],
    SENTENCES[0].upper(), SENTENCES[0].lower(), "killed " * 5000, "1" * 10000,
    "\"" * 300, "(" * 300 + SENTENCES[1], SENTENCES[2].replace(" ", "\u00a0"),
])
def test_edge_texts(pipeline, text):
    check(pipeline, text)
