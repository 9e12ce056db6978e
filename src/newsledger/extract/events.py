"""Events: typed mentions found in sentences, merged into one event per incident.

The flow, a module a step: mentions.py finds the sentences (or clauses) that tell an incident
and anchors them; incidents.py merges the mentions of one incident (a headline and its
paragraph, a summary and a later detail) when their dates, places and types agree;
assemble.py turns each merged incident into an Event with its fields and their evidence.
"""
from __future__ import annotations

import re

from .. import lexicons
from ..document import Doc
from .geo import Located, article_countries
from ..ledger import Event
from .roles import attacker_by_siblings, claimed_by, held_by_siblings
from .sense import doc_frame
from .mentions import sentence_mentions, _unrest_article, _as_unrest, _lethal_state
from .incidents import merge_mentions
from .assemble import to_event


def extract_events(doc: Doc, gazetteer) -> list[Event]:
    doc.countries = article_countries(doc, gazetteer)
    unrest = _unrest_article(doc)
    frame = doc_frame(doc)
    mentions = [m for i in doc.live_sentences() for m in sentence_mentions(doc, i, gazetteer, frame)]
    if unrest:
        lethal = _lethal_state(doc, mentions)
        mentions = [_as_unrest(doc, m, lethal) for m in mentions]
    # a claim of responsibility names an incident's attacker, but is no incident alone
    drafts = [d for d in merge_mentions(doc, mentions) if not all(m.claim_only for m in d.mentions)]
    if any(not d.scope for d in drafts):  # the incidents themselves are told: drop their sum
        drafts = [d for d in drafts if not d.scope]
    placed: dict[int, Located] = {}  # sentence → the place its incident was given
    events = []
    for d in sorted(drafts, key=lambda d: d.mentions[-1].sentence):
        event = to_event(doc, d, gazetteer, placed)
        if event is not None:
            events.append(event)
    events.sort(key=lambda e: e.evidence[0].start)
    _resolve_pronoun_actors(doc, events)
    claimed_by(doc, events)
    held_by_siblings(doc, events)
    attacker_by_siblings(events)
    return events


# 'In December 2014 they killed 36 quarry workers': the doers of the incident told before
_PRONOUN_AGENT = re.compile(rf"\b(?:they|he|she)\s+(?:\w+\s+)?{lexicons.alternation('pronoun_agent_verbs')}\b",
                            re.IGNORECASE)


def _resolve_pronoun_actors(doc: Doc, events: list[Event]) -> None:
    """An incident whose attackers are only 'they' takes the named attackers of the one before."""
    for prev, e in zip(events, events[1:]):
        if "actor1" in e.provenance or "actor1" not in prev.provenance:
            continue
        if e.actor1 and e.actor1.startswith("Unidentified") and _PRONOUN_AGENT.search(e.evidence[0].text):
            e.actor1 = prev.actor1
