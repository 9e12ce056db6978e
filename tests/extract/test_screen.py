"""The article screen before spaCy (extract/screen.py): both sides, and exact on each.

An article whose trigger words all read in an everyday sense is stored without spaCy
(`no_event_sentence`); an article telling a real incident is parsed. Either way the screened
ledger has the events the unscreened pipeline finds. Every text is made up for these tests.
"""
from __future__ import annotations

import pytest

from newsledger.article import Article, parse_published
from newsledger.corpus import rows

SKIPPED = [
    # sport: strikes, shots, attacking play and a fight for the title; police only keep order
    "The visitors' captain struck twice before half-time, and a late shot from the edge of "
    "the box sealed the win. The coach praised his attacking midfielders and said the fight "
    "for the league title would go on. Police said the crowd of 40,000 left the stadium "
    "peacefully.",
    # a death from disease, with troops in the story
    "Three members of one family died of cholera in a village near Mopti last week, health "
    "officials said, as troops helped deliver clean water.",
    # a fire: deaths with no armed hand
    "Two people died when a fire swept through a textile warehouse in Dhaka on Monday. "
    "Firefighters said the blaze started in the boiler room; police closed the road.",
]
PARSED = [
    "Gunmen attacked a police checkpoint on the outskirts of Kano on Tuesday, killing three "
    "officers, a police spokesman said.",
    "Hundreds of protesters marched through the centre of Dakar on Monday, chanting slogans "
    "against the new fuel tax.",
    "Soldiers arrested two opposition activists in Bamako on Sunday, their lawyer said.",
]


def _article(text: str) -> Article:
    return Article(text, published=parse_published("2024-05-10"))


@pytest.mark.parametrize("text", SKIPPED)
def test_everyday_senses_skip_spacy(pipeline, text):
    assert rows.has_event_words(text)  # the cheap gate lets it through: the screen decides
    [(ledger, parsed)] = pipeline.screen_many([_article(text)])
    assert not parsed and ledger.events == [] and ledger.claims == []
    assert pipeline.extract(_article(text)).events == []  # parsed, it holds no event either


@pytest.mark.parametrize("text", PARSED)
def test_real_incidents_are_parsed(pipeline, text):
    [(ledger, parsed)] = pipeline.screen_many([_article(text)])
    assert parsed and ledger.events
    assert ledger.to_dict() == pipeline.extract(_article(text)).to_dict()


def test_all_ledgers_parses_everything(pipeline):
    [(ledger, parsed)] = pipeline.screen_many([_article(SKIPPED[0])], screen=False)
    assert parsed and ledger.claims  # "Police said the crowd … left the stadium peacefully"


def test_ingest_records_why_an_article_was_not_parsed(pipeline):
    texts = [SKIPPED[0], PARSED[0], "The council approved the new library budget on Monday."]
    articles = [_article(t) for t in texts]
    got = [(ok, extraction) for ok, _, extraction in rows.extract_batch(pipeline, articles)]
    assert got == [(True, rows.NO_EVENT_SENTENCE), (True, rows.FULL), (True, rows.NO_EVENT_WORDS)]
    got = [extraction for _, _, extraction in rows.extract_batch(pipeline, articles, all_ledgers=True)]
    assert got == [rows.FULL] * 3
