"""Speech cues, read once from the lexicons for every stage that asks "is this someone's
words?": triage (parse the sentence), quotes and claims (who said what), dates (a day after
a cue is the report's) and places (a place after a cue is where it was said)."""
from __future__ import annotations

import re

from .. import lexicons

CUES: tuple[str, ...] = lexicons.words("speech_cues")
# Cues that introduce a content clause (indirect speech or a claim); 'urged' does not.
CLAUSE_CUES: frozenset[str] = frozenset(CUES) - frozenset(lexicons.words("speech_cues_without_clause"))
SPEECH = lexicons.alternation("speech_cues")             # a regex group of every cue
# Cues whose object is the person spoken to: an addressee comes before the content
ADDRESSED: frozenset[str] = frozenset(lexicons.words("addressed_speech_cues"))
# Participles that go on with the subject of the verb before (', adding that …')
CONTINUING: frozenset[str] = frozenset(lexicons.words("continuing_speech_cues"))
# Cues that report news: a date right after one is the report's ('said on Monday')
REPORTING = lexicons.alternation("report_cues")
# Words after which 'in X' is where it was said ('told reporters in Nairobi')
PLACE_OF_SPEECH = lexicons.alternation("place_of_speech_cues")
ACCUSATIONS = lexicons.alternation("accusation_cues")
CUE_RX = re.compile(rf"\b{SPEECH}\b")
