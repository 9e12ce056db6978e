"""Casualty counts (killed, injured, missing, arrested, abducted) in news sentences.

The event extractor calls :func:`find_counts` on each mention's words and combines the
figures with :func:`figure` and :func:`next_figure`; :func:`casualties` applies the same
rule to a list of evidence sentences.  Everything here is
regular expressions plus a tiny token scanner: no NLP model, because the input is
thousands of articles and most sentences carry no count at all (those leave after
one regex search).

How a sentence is read
1. tokens: words, numbers, punctuation; numbers glued to letters ("AK-47",
   "25-year-old", "14th", "8am") are words, so they never become counts;
2. cues: verbs and nouns of harm ("were martyred", "shot dead", "claimed the lives
   of", "death toll", "sustained injuries"), each with a kind and a direction;
3. number phrases: "at least 18 civilians", "over a dozen", "two dozen",
   "a policeman", "No one", "hundreds of protesters" (vague: never a figure);
4. binding: a cue followed by a number phrase takes it ("killed 12 people"),
   otherwise it takes the nearest number phrase before it ("12 people were
   killed"), within a few words and the same clause; coordinated phrases
   ("two soldiers and two rangers") share the cue and are summed by the caller;
5. breakdowns: number phrases after "including" / "among them" are dropped and
   the phrase they break down is flagged ``total``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .. import lexicons
from .casualty_binding import _scan
from .casualty_cues import KINDS
from .casualty_phrases import _parse_np, _tokenize

__all__ = ["Count", "find_counts", "parse_number", "figure", "next_figure", "casualties", "KINDS"]


@dataclass(frozen=True)
class Count:
    kind: str  # "killed" | "injured" | "missing" | "arrested" | "abducted"
    value: int
    start: int  # offsets of the number phrase in the sentence, plus `offset`
    end: int
    text: str  # the number phrase as in the text ("at least 18", "No one")
    who: str | None  # head noun counted ("people", "soldiers"), None for a bare number
    perpetrator: bool  # the counted are the attackers (bombers, militants, gunmen ...)
    total: bool  # a toll or a total that other figures break down
    cumulative: bool = False  # "bringing the death toll to N": earlier incidents included
    clause: int = 0  # which clause of the sentence ("three died in A while five died in B")


# --------------------------------------------------------------------------- public API

def find_counts(sentence: str, offset: int = 0) -> list[Count]:
    """Every casualty figure stated in one sentence, in text order.

    Vague quantities ("dozens", "several") and breakdowns ("including 4 soldiers")
    are not returned; "no one was hurt" is a Count of value 0.
    """
    out = []
    for h in _scan(sentence).hits:
        if h.value is None:
            continue
        out.append(Count(h.kind, h.value, h.start + offset, h.end + offset, h.text,
                         h.who, h.perpetrator, h.total, h.cumulative, h.clause))
    return _survivors(sentence, offset, out)


_NUMBER = rf"(?:\d[\d,]*|{lexicons.alternation('number_words')})"
# 'three policemen were shot and one died': of the three shot, two survived wounded
_SHOT_THEN_DIED = re.compile(
    rf"\b(?P<n>{_NUMBER})\s+(?:[\w-]+\s+){{0,2}}?(?:were|had been)\s+{lexicons.alternation('survivable_harm')}"
    rf"\s*,?\s+and\s+(?P<m>{_NUMBER})\s+(?:of them\s+)?(?:later\s+)?(?:died|succumbed)\b", re.IGNORECASE)


def _survivors(sentence: str, offset: int, counts: list[Count]) -> list[Count]:
    """Add the wounded who survived when a sentence tells how many were shot and how many of
    them died; the dead are counted already."""
    for m in _SHOT_THEN_DIED.finditer(sentence):
        shot, died = parse_number(m["n"]), parse_number(m["m"])
        if shot is None or died is None or shot <= died:
            continue
        a, b = m.start("n") + offset, m.end("n") + offset
        counts = [c for c in counts if not (c.kind == "injured" and c.start < b and a < c.end)]
        clause = next((c.clause for c in counts if c.kind == "killed"), 0)
        counts.append(Count("injured", shot - died, a, b, m["n"], None, False, False, clause=clause))
        counts.sort(key=lambda c: c.start)
    return counts


def parse_number(phrase: str) -> int | None:
    """'seven' -> 7, 'three dozen' -> 36, 'at least 1,200' -> 1200; vague -> None."""
    toks = _tokenize(phrase.strip())
    if not toks:
        return None
    np = _parse_np(toks, 0, set(), None)
    if np is None or np.article:
        return None
    return np.value


# --------------------------------------------------------------------------- one event's toll
# the one rule that turns counts into an event's figures: mentions.py applies it mention by
# mention; casualties() applies it sentence by sentence

def figure(counts: Sequence[Count], kind: str, battle: bool
           ) -> tuple[int | None, tuple[int, int] | None, bool]:
    """(value, span, is_total) of one mention's figure for `kind`; (0, None, False) when
    only the attackers died (perpetrators count only in battles, or when alone)."""
    found = [c for c in counts if c.kind == kind]
    if any(not c.cumulative for c in found):  # 'three died, bringing the toll to six': three
        found = [c for c in found if not c.cumulative]
    if not found:
        return None, None, False
    victims = [c for c in found if battle or not c.perpetrator]
    if not victims:
        return 0, None, False  # a suicide bomber's own death is not a fatality of the attack
    totals = [c for c in victims if c.total]
    if totals:
        c = max(totals, key=lambda c: c.value)
        return c.value, (c.start, c.end), True
    # groups of one clause add up ('a policeman and two civilians'); 'three died in A while
    # five died in B' tells two incidents, of which this is the first
    victims = [c for c in victims if c.clause == victims[0].clause]
    return sum(c.value for c in victims), (victims[0].start, victims[-1].end), False


# a toll that supersedes the first figure ('rose to 28'), not a rival count ('put it at five')
_TOLL_UPDATE = re.compile(rf"\b{lexicons.alternation('toll_update_words')}\b", re.IGNORECASE)
_ADDED = re.compile(rf"\b{lexicons.alternation('added_victim_words')}\b", re.IGNORECASE)
_RANK = re.compile(rf"[\s-]+{lexicons.alternation('ordinal_ranks')}\b", re.IGNORECASE)  # 'second-largest'
_BREAKDOWN = re.compile(rf"\b{lexicons.alternation('toll_breakdown')}\b", re.IGNORECASE)


def next_figure(current: int | None, value: int, total: bool, words: str,
                counts: Sequence[Count] = (), kind: str = "killed", headline: bool = False,
                base: int = 0) -> int | None:
    """An incident's figure after one more mention's (`words`, its `counts`, whose offsets
    are `base` + offsets in `words`): the first stands unless a later toll updates it ('the
    death toll rose to 28'), or the mention adds victims ('another died'; not 'three died,
    while another 15 were hurt'); a headline's or a running toll's never replaces it."""
    if current is None:
        return value
    if headline or all(c.cumulative for c in counts if c.kind == kind):
        return current
    if total and value > current and _TOLL_UPDATE.search(words):
        return value
    if not total and _added(words, counts, kind, base) and not _BREAKDOWN.search(words):
        return current + value  # ('another died'), but not a breakdown of the toll given
    return current


ADDED_REACH = 12  # characters before a count within which an added-victim word is that count's


def _added(words: str, counts: Sequence[Count], kind: str, base: int) -> bool:
    """'another died', 'a second policeman was killed': an added-victim word in the mention,
    unless it is another kind's count ('three died, while another 15 were hurt')."""
    others = [(c.start - base, c.end - base) for c in counts if c.kind != kind]
    return any(not any(a - ADDED_REACH <= m.start() < b for a, b in others)
               and not _RANK.match(words, m.end()) for m in _ADDED.finditer(words))


def casualties(sentences: Sequence[str] | str, *,
               include_perpetrators: bool = False) -> tuple[int | None, int | None]:
    """(fatalities, injured) of one event told in `sentences`, by the rule assemble.py uses.

    None where no number is given; 0 only where the text says no one was. Perpetrators
    (militants, gunmen … killed) are left out unless they are the only figure;
    ``include_perpetrators=True`` counts everyone, as ACLED does for battles.
    """
    if isinstance(sentences, str):
        sentences = [sentences]
    result: dict[str, int | None] = {"killed": None, "injured": None}
    for sentence in sentences:
        counts = find_counts(sentence)
        for kind in result:
            value, span, total = figure(counts, kind, include_perpetrators)
            if value is not None:
                result[kind] = next_figure(result[kind], value, total and span is not None,
                                           sentence, counts, kind)
    return result["killed"], result["injured"]
