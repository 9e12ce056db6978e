"""The spaCy pipeline as loaded (extract/nlp.py) and the pipeline's stage clock.

The entity ruler's phrases are tokenized only when they are added (not tagged or parsed, which
cost ~0.9 s of each worker's start): they must still match, case-insensitively, and every
component must be on again afterwards.
"""
from __future__ import annotations

import itertools

import pytest

from newsledger.article import Article

PATTERNS = (("ORG", "Front for the Liberation of Qarth"), ("ORG", "Ashford Valley Militia"))


@pytest.fixture(scope="module")
def nlp():
    from newsledger.extract.nlp import load_model

    return load_model(PATTERNS)


def test_every_component_is_on_after_the_patterns_are_added(nlp):
    assert set(nlp.disabled) <= {"senter"}  # off in the shipped model: the parser splits
    assert {"tok2vec", "tagger", "parser", "entity_ruler", "ner"} <= set(nlp.pipe_names)
    doc = nlp("The minister said the talks would resume on Monday.")
    assert any(t.dep_ == "ccomp" for t in doc) and all(t.tag_ for t in doc)


@pytest.mark.parametrize("text, name", [
    ("Fighters of the Front for the Liberation of Qarth attacked the town.",
     "Front for the Liberation of Qarth"),
    ("the ashford valley militia denied the report.", "ashford valley militia"),  # LOWER
])
def test_a_ruler_phrase_is_one_org(nlp, text, name):
    assert (name, "ORG") in [(e.text, e.label_) for e in nlp(text).ents]


def test_without_the_ruler_the_lower_case_phrase_is_no_org():
    """The other side: the model alone does not find the lower-cased name."""
    from newsledger.extract.nlp import load_model

    doc = load_model(())("the ashford valley militia denied the report.")
    assert ("ashford valley militia", "ORG") not in [(e.text, e.label_) for e in doc.ents]


def test_stage_seconds_follow_the_pipelines_clock(pipeline):
    ticks = itertools.count()
    before = pipeline.clock
    pipeline.seconds.clear()
    pipeline.clock = lambda: float(next(ticks))  # each reading one second after the last
    try:
        pipeline.extract(Article("Gunmen killed three people in Kano on Tuesday, police said."))
        stages = dict(pipeline.seconds)
    finally:
        pipeline.clock = before
        pipeline.seconds.clear()
    assert stages and all(v == 1.0 for v in stages.values()), stages
    assert {"normalize", "spacy", "events"} <= set(stages)
