"""Temporal expressions in news text, resolved to ACLED-style dates.

`find_dates(text, published)` returns every temporal expression of an article in text
order, each resolved to ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` with an ACLED precision
(day, week, month, year).  Resolution follows the corpus dating rules:

* a weekday name is the most recent such day on or before publication;
* "yesterday" / "last night" are the day before publication;
* "last week" / "this week" get a central day, "over the weekend" its Saturday, both at
  week precision (the scorer accepts +-3 days);
* a day and month without a year take the most recent such date on or before publication;
* "the same day", "two days later", "hours after the attack" are *anchored*: an offset
  from an earlier (or nearby) date in the text, not from the publication date;
* "since May 10" / "over the past week" are aggregates (kind ``since``), "from Saturday to
  Monday" a ``range`` dated to its first day, a dateline ("KIRKUK, May 4 (AFP) -") a
  ``header``.

Nothing is ever resolved against today's date: when `published` is None every
expression that needs it gets ``date=None`` (and ``precision=None``).

The rules are plain compiled regular expressions (dateparser is several hundred times
slower and resolves relative phrases against the wrong anchor).  Each rule yields
candidate spans; the longest non-overlapping ones are kept, then small passes merge
ranges, mark "since" aggregates and dateline headers, and resolve anchored phrases in
text order.  Most patterns begin at their one obligatory keyword (a month, a weekday, a
digit) and find optional modifiers ("late on", "last", "about two") by looking back, and
each starts with a first-character lookahead: the regex engine then skips most positions
at C speed instead of trying every alternative everywhere.
"""
from __future__ import annotations

import bisect
import re
from datetime import date as Date
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import lexicons
from .date_calendar import (  # TimeExpr and resolve_weekday are this module's API
    DAY, MONTH, TimeExpr, WEEK, YEAR,
    _RANK, _apply, _back, _fmt, _safe_date, resolve_weekday,
)
from .date_expressions import (
    _Hit, _RULES,
)

if TYPE_CHECKING:
    from ..document import Dateline

__all__ = ["TimeExpr", "find_dates", "resolve_weekday"]


# --------------------------------------------------------------------------- passes

def _collect(text: str, pub: Date | None) -> list[_Hit]:
    hits = []
    for rule in _RULES:
        if rule.gate is not None and not rule.gate.search(text):
            continue
        for m in rule.pattern.finditer(text):
            hit = rule.handler(m, text, pub)
            if hit is not None and hit.end > hit.start:
                hits.append(hit)
    return hits


def _select(hits: list[_Hit], size: int) -> list[_Hit]:
    """Longest spans first (a full date beats its weekday, "the day before yesterday"
    beats "yesterday"), calendar dates on ties; then text order."""
    taken = bytearray(size)
    chosen = []
    for h in sorted(hits, key=lambda h: (h.start - h.end, h.prio, h.start)):
        if taken.find(1, h.start, h.end) < 0:
            taken[h.start:h.end] = b"\x01" * (h.end - h.start)
            chosen.append(h)
    return sorted(chosen, key=lambda h: h.start)


_RANGE_GAP = re.compile(rf"\s*{lexicons.alternation('range_links')}\s*", re.I)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.I)


def _merge_ranges(text: str, hits: list[_Hit]) -> list[_Hit]:
    """"from Saturday to Monday", "between May 3 and May 5, 2015" → one range dated to its
    start (ACLED dates a multi-day event to its first day)."""
    out: list[_Hit] = []
    i = 0
    while i < len(hits):
        a, b = hits[i], hits[i + 1] if i + 1 < len(hits) else None
        opener = _back(_RANGE_OPEN, text, a.start, 10)
        if (b and opener and {a.kind, b.kind} <= {"absolute", "relative"}
                and _RANGE_GAP.fullmatch(text, a.end, b.start)):
            value = a.value
            if a.yearless and b.value and b.yearless is None and b.value[1] == DAY:
                # a year written once, at the end, belongs to both ends
                (month, day), end = a.yearless, b.value[0]
                year = end.year if (month, day) <= (end.month, end.day) else end.year - 1
                d = _safe_date(year, month, day)
                value = (d, DAY) if d else None
            out.append(_Hit(opener.start(), b.end, "range", value, prio=0))
            i += 2
        else:
            out.append(a)
            i += 1
    return out


_SINCE = re.compile(r"\b(?:ever\s+)?since\s+$", re.I)


# "since April, when a man was found dead": the clause after it tells what happened then
_WHEN_AFTER = re.compile(r",?\s+when\b", re.I)


def _mark_since(text: str, hits: list[_Hit]) -> None:
    """"since May 10", "since 2015": aggregates; the span takes in "since"."""
    for h in hits:
        if h.kind in ("absolute", "relative") and not _WHEN_AFTER.match(text, h.end):
            m = _back(_SINCE, text, h.start, 12)
            if m:
                h.start, h.kind = m.start(), "since"


def _mark_headers(hits: list[_Hit], headers: Sequence[Dateline]) -> None:
    """The date of a paragraph header ("KIRKUK, May 4 (Reuters) -", "Kirkuk, May 4:", found
    by the clean stage) dates its paragraph."""
    spans = [h.date for h in headers if h.date]
    for h in hits:
        if h.monthday and any(lo <= h.start < hi for lo, hi in spans):
            h.kind = "header"


def _fine_enough(h: _Hit, need: str) -> bool:
    return h.value is not None and _RANK[h.value[1]] <= _RANK[need]


@lru_cache(maxsize=256)
def _noun_re(noun: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(noun)}(?:e?s)?\b", re.I)


_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")


def _near_noun(text: str, hits: list[_Hit], me: _Hit, need: str) -> _Hit | None:
    """A date written next to another mention of the anchor noun ("the election on March
    3", "Sunday's election"): the mention nearest before `me`, else the first after."""
    dated = [h for h in hits if h.kind not in ("anchored", "since") and _fine_enough(h, need)]
    starts = [h.start for h in dated]
    before, after = None, None
    for nm in _noun_re(me.noun).finditer(text):
        if me.start <= nm.start() < me.end:
            continue
        lo = bisect.bisect_left(starts, nm.start() - 120)
        for h in dated[lo:]:
            if h.start > nm.end() + 40:
                break
            gap = (h.end, nm.start()) if h.end <= nm.start() else (nm.end(), h.start)
            if 0 <= gap[1] - gap[0] <= 40 and not _SENTENCE_BREAK.search(text, *gap):
                if nm.start() < me.start:
                    before = h
                elif after is None:
                    after = h
                break
    return before or after


_RIGHT_AFTER = re.compile(r"\s*(?:on\s+|,\s*)?")
# "two days after <something>", not "two days after." nor "the night before in the city"
_HAS_OBJECT = re.compile(rf"\s+(?!{lexicons.alternation('anchor_non_objects')}\b)\w", re.IGNORECASE)


def _resolve_anchored(text: str, hits: list[_Hit], pub: Date | None) -> None:
    """Anchored phrases, in text order, so "the next day" can follow "the same day"."""
    for i, h in enumerate(hits):
        if h.kind != "anchored" or h.unit == "none":
            continue
        need = {DAY: DAY if h.out_precision == DAY else WEEK, MONTH: MONTH, YEAR: YEAR}[h.unit]
        anchor, shift = None, h.shift
        # 1. a date right after "after"/"before" or after the phrase:
        #    "two days after May 4", "a day after Sunday's vote", "... the attack on Sunday"
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        for pos in (h.after_pos, h.end if h.noun else None):
            if (pos is not None and nxt is not None and nxt.kind != "since"
                    and _RIGHT_AFTER.match(text, pos).end() == nxt.start
                    and _fine_enough(nxt, need)):
                anchor = nxt
                break
        # 2. a date next to another mention of the anchor noun
        if anchor is None and h.noun:
            anchor = _near_noun(text, hits, h, need)
        # 3. the most recent resolved date before it.  When that is the date of the
        #    sentence's own subject ("On Wednesday, two days after the ceasefire collapsed";
        #    "The attack comes four days after the capture"), the phrase dates its object:
        #    count back from the subject instead of forward.
        if anchor is None:
            anchor = next((p for p in reversed(hits[:i])
                           if p.kind != "since" and _fine_enough(p, need)), None)
            if anchor is not None and (h.reverse or (
                    h.after_pos is not None and _HAS_OBJECT.match(text, h.after_pos)
                    and not _SENTENCE_BREAK.search(text, anchor.end, h.start))):
                shift = -shift
        if anchor is None:
            continue
        d, p = anchor.value
        value = (_apply(d, shift, h.unit), max(p, h.out_precision, key=_RANK.__getitem__))
        # An anchored phrase never dates a reported event after publication: a future
        # result means the anchor was the wrong one, so it stays unresolved.
        if pub is None or value[0] <= pub:
            h.value = value


def _expr(text: str, h: _Hit) -> TimeExpr:
    if h.value is None or h.value[0] is None:
        return TimeExpr(h.start, h.end, text[h.start:h.end], None, None, h.kind)
    d, precision = h.value
    return TimeExpr(h.start, h.end, text[h.start:h.end], _fmt(d, precision), precision, h.kind)


def find_dates(text: str, published: Date | None,
               headers: Sequence[Dateline] = ()) -> list[TimeExpr]:
    """Every temporal expression in `text`, in text order, resolved against `published`
    (None: whatever needs the publication date stays unresolved, never today's date); the
    dates of `headers` (the clean stage's `doc.headers`) are of kind "header"."""
    hits = _merge_ranges(text, _select(_collect(text, published), len(text)))
    _mark_since(text, hits)
    _mark_headers(hits, headers)
    _resolve_anchored(text, hits, published)
    return [_expr(text, h) for h in hits]
