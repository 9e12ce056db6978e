import pytest

from newsledger.extract.triage import may_hold_event


@pytest.mark.parametrize("text", [
    "Gunmen attacked a village, residents said.",
    "Two soldiers were killed when a roadside bomb exploded.",
    "Police fired tear gas at protesters outside parliament.",
    "A drone strike hit a convoy of militants.",
])
def test_violent_articles_pass(text):
    assert may_hold_event(text)


@pytest.mark.parametrize("text", [
    "The striker fired a long-range shot in the final minute.",
    "The film was shot in Morocco last spring.",
    "The team kept attacking until the end and won the battle for second place.",
    "The central bank raised its main rate by a quarter point.",
])
def test_everyday_senses_do_not(text):
    assert not may_hold_event(text)


def test_every_dev_article_passes():
    from conftest import dev_corpus_or_skip

    dev = dev_corpus_or_skip()
    assert all(may_hold_event(p.read_text(encoding="utf-8")) for p in dev.glob("*.txt"))
