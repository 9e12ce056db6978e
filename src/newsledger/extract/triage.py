"""Choose cheaply what needs spaCy: the articles and sentences that may state an event, a
quote or a claim.

A regex over the raw text costs ~1/100 of a spaCy parse, and in a general news feed most
articles and sentences hold none of these, so this is where throughput comes from.
"""
from __future__ import annotations

import re

from ..document import Doc
from .. import lexicons
from . import cues
from .taxonomy import TRIGGER, lexicon_rx, sentence_has_trigger

SPEECH = re.compile(rf"""["“”]|\b(?:{cues.SPEECH}|{cues.ACCUSATIONS}|according to)\b""", re.IGNORECASE)
# Trigger words with everyday senses: alone they do not make an article worth parsing.
WEAK_TRIGGER = re.compile("(?:" + "|".join(lexicons.words("weak_triggers")) + ")", re.IGNORECASE)
# Words that put a weak trigger in a story of violence, unrest or policing.
CONFLICT_CONTEXT = lexicon_rx("conflict_context")


def select_sentences(doc: Doc, triage: bool) -> None:
    for i in doc.live_sentences():
        text = doc.sentences[i].text
        if not triage or sentence_has_trigger(doc, i) or SPEECH.search(text):
            doc.selected.add(i)


def may_hold_event(text: str) -> bool:
    """Whether an article can yield an event: some trigger word, and if every trigger is one
    with an everyday sense, at least one word of violence, unrest or policing beside it."""
    found = False
    for m in TRIGGER.finditer(text):
        if not WEAK_TRIGGER.fullmatch(m.group()):
            return True
        found = True
    return found and CONFLICT_CONTEXT.search(text) is not None
