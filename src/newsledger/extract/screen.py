"""The article-level decision before spaCy: does any sentence tell an incident at all?

The event stage reads spaCy for three things only: the dependency parse of speech sentences
(a hedge found there drops a mention), PERSON names (skipped when a place is chosen) and
nationalities (votes for the article's country). None of them creates a mention: a mention
is a trigger typed by `taxonomy.classify` and kept by the checks of its sense (`sense.judge`:
frame, hedges, armed agent or weapon, toll) on the words of its clause, with places, dates
and actors from the gazetteer, the date reader and the actor dictionary — all read without
spaCy. So the
mentions of an article read before spaCy are a superset of those read after it, and an
article with none cannot yield an event: it is stored without spaCy, as an article with no
trigger word is.
"""
from __future__ import annotations

from ..document import Doc
from .mentions import sentence_mentions
from .sense import doc_frame


def reports_incident(doc: Doc, gazetteer) -> bool:
    """Whether some live sentence yields an event mention before spaCy has run (`doc.places`,
    `doc.dates` and `doc.actors` are set). Stops at the first mention: an article that passes
    costs little more than its first event sentence."""
    frame = doc_frame(doc)  # read once: the sense checks ask it of every mention
    return any(sentence_mentions(doc, i, gazetteer, frame) for i in doc.live_sentences())
