"""Choose cheaply what needs spaCy: the articles and sentences that may state an event, a
quote or a claim.

A regex over the raw text costs ~1/100 of a spaCy parse, and in a general news feed most
articles and sentences hold none of these, so this is where throughput comes from.
"""
from __future__ import annotations

import re

from ..document import Doc
from . import cues
from .taxonomy import TRIGGER

SPEECH = re.compile(rf"""["“”]|\b(?:{cues.SPEECH}|{cues.ACCUSATIONS}|according to)\b""", re.IGNORECASE)
# Trigger words with everyday senses ('a long-range shot', 'the attacking midfielder', 'a fight
# for the title'): alone they do not make an article worth parsing.
WEAK_TRIGGER = re.compile(
    r"(?:shot|shots|shooting|attack\w*|fight\w*|fought|battle\w*|struck|strike|strikes|raid\w*|"
    r"violence|targeted|targeting|captured|seized|clash\w*|dead|die|died|deaths?|bodies|"
    r"injur\w*|hurt|wound\w*|casualties|march\w*|rall\w*|mines?|jets?|drones?|shell\w*|"
    r"missiles?|rockets?|projectiles?|explosions?|blasts?|disturbances?|unrest|vigils?|"
    r"chant\w*|picket\w*|detention|arrest\w*|detain\w*|apprehended)",
    re.IGNORECASE,
)
# Words that put a weak trigger in a story of violence, unrest or policing.
CONFLICT_CONTEXT = re.compile(
    r"\b(?:gunm[ae]n|militants?|insurgents?|rebels?|jihadists?|terror\w*|soldiers?|troops|army|"
    r"military|police\w*|security forces|civilians?|villagers?|protesters?|demonstrators?|"
    r"rioters?|bomb\w*|explosives?|weapons?|rifles?|guns?|grenades?|armed|killed|kill|"
    r"killing|murder\w*|wounded|fatalities|hostages?|kidnap\w*|abduct\w*|curfew|checkpoint|"
    r"air ?strikes?|artillery|mortars?|warplanes?|gangs?|suspects?|assailants?|attackers?)\b",
    re.IGNORECASE,
)


def select_sentences(doc: Doc, triage: bool) -> None:
    for i in doc.live_sentences():
        text = doc.sentences[i].text
        if not triage or TRIGGER.search(text) or SPEECH.search(text):
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
