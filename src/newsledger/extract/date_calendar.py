"""Dates: the calendar side of reading them — precisions, the TimeExpr type, month and
weekday words, and the arithmetic that resolves a phrase against the publication day
("the most recent Thursday", "a month back"). Used by date_expressions and dates."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date, timedelta

from .. import lexicons


DAY, WEEK, MONTH, YEAR = "day", "week", "month", "year"
_RANK = {DAY: 0, WEEK: 1, MONTH: 2, YEAR: 3}   # finer is smaller


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str                # text[start:end] of the string given to find_dates
    date: str | None         # "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None when unresolvable
    precision: str | None    # "day" | "week" | "month" | "year" | None (None with date None)
    kind: str                # absolute | relative | anchored | header | since | range


# --------------------------------------------------------------------------- vocabulary

_WEEKDAYS = tuple(w.lower() for w in lexicons.words("weekdays"))
_MONTHS = tuple(m.lower()[:3] for m in lexicons.words("months"))
_NUMBER_WORDS = {**lexicons.mapping("number_words"), **lexicons.mapping("indefinite_numbers")}
_ORDINALS: dict[str, int] = lexicons.mapping("ordinal_words")

_WD = r"(?:" + "|".join(_WEEKDAYS) + r")\b"
_FULL_MON = lexicons.alternation("months", lower=True) + r"\b"
# Abbreviations only take the dot, so a full name never swallows a full stop.
_MON = rf"(?:{_FULL_MON}|{lexicons.alternation('month_abbreviations', lower=True)}\b\.?)"
# A noun right after a year makes it a count ("in 2011 people ..."), not a date.
_COUNT_NOUN = lexicons.alternation("year_count_nouns")[3:-1]  # inside the group below
_YEAR = (rf"(?<![\w$£€.,])(?:1[89]\d\d|20\d\d)"
         rf"(?![\w%]|[.,:]\d|-\d|\s+(?:{_COUNT_NOUN})\b)")
# After a day number: no digit, time ("4:30", "4 pm"), thousands ("4,000") or percentage.
_DAY = (r"[0-3]?\d(?:st|nd|rd|th)?\b"
        r"(?![\w%]|[:.]\d|,\d{3}|\s*(?:%|per\s*cent|percent|am\b|pm\b|a\.m\.|p\.m\.))")
_NUM = (rf"(?:\d{{1,3}}|{lexicons.alternation('number_words')}|{lexicons.alternation('indefinite_numbers')}"
        rf"|{lexicons.alternation('vague_counts')})")
_APPROX = rf"(?:{lexicons.alternation('date_approximators')}\s+)"
_UNIT = rf"(?P<unit>{lexicons.alternation('time_units')}s?)\b"
# Nouns that name an occurrence another date can be counted from ("after the election").
_EVENT_NOUN = rf"(?P<noun>{lexicons.alternation('anchor_event_nouns')})(?:e?s)?\b"
# "the (deadly) attack (in Mosul)": up to three modifiers, an optional capitalised place.
_NP = (rf"(?P<np>the\s+(?:[\w'’-]+\s+){{0,3}}?{_EVENT_NOUN}"
       rf"(?:\s+(?:in|at|near|outside)\s+(?:the\s+)?(?!{_MON}|{_WD})(?-i:[A-Z])[\w'’-]+"
       rf"(?:\s+(?-i:[A-Z])[\w'’-]+)*)?)")

_FLAGS = re.I | re.X


def _rx(pattern: str, first: str | None = None) -> re.Pattern[str]:
    """Compile; `first` lists the characters a match can start with (see module doc).
    Every rule's match starts a word, so the word-boundary test comes first: cheapest."""
    return re.compile(rf"\b(?=[{first}])(?:{pattern})" if first else pattern, _FLAGS)


def _back(rx: re.Pattern[str], text: str, start: int, width: int = 40) -> re.Match[str] | None:
    """Match `rx` (anchored with $) on the text just before `start`."""
    return rx.search(text, max(0, start - width), start)


# --------------------------------------------------------------------------- date helpers

def _add_months(d: Date, k: int) -> Date:
    """First day of the month k months from d's month."""
    n = d.year * 12 + d.month - 1 + k
    return Date(n // 12, n % 12 + 1, 1)


def _monday(d: Date) -> Date:
    return d - timedelta(days=d.weekday())


def _weekday_index(name: str) -> int:
    key = name.strip().lower()
    for i, full in enumerate(_WEEKDAYS):
        if len(key) >= 3 and full.startswith(key):
            return i
    raise ValueError(f"not a weekday name: {name!r}")


def resolve_weekday(name: str, published: Date) -> Date:
    """The most recent `name` day on or before `published` (the same day if it is one).
    Accepts full names and abbreviations of three letters or more, in any case."""
    return published - timedelta(days=(published.weekday() - _weekday_index(name)) % 7)


def _month_number(token: str) -> int:
    return _MONTHS.index(token.lower().rstrip(".")[:3]) + 1


def _capitalised(token: str | None) -> bool:
    """Month and weekday names count only when capitalised: "may", "a march" are words."""
    return bool(token) and token[0].isupper()


def _safe_date(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


def _infer_year(month: int, day: int, pub: Date) -> Date | None:
    """Most recent month/day on or before publication (29 February may go back years)."""
    for y in range(pub.year, pub.year - 8, -1):
        d = _safe_date(y, month, day)
        if d is not None and d <= pub:
            return d
    return None


def _fmt(d: Date, precision: str) -> str:
    if precision in (DAY, WEEK):
        return d.isoformat()
    if precision == MONTH:
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


_APPROX_RE = re.compile(rf"^{_APPROX}", re.I)


def _number(words: str | None) -> int | None:
    """"three" → 3, "about 12" → 12; None for vague amounts ("a few", "several", none)."""
    w = _APPROX_RE.sub("", re.sub(r"\s+", " ", (words or "").lower()).strip() + " ").strip()
    if w.isdigit():
        return int(w)
    return _NUMBER_WORDS.get(w)


def _apply(d: Date, amount: int, unit: str) -> Date:
    if unit == DAY:
        return d + timedelta(days=amount)
    if unit == MONTH:
        return _add_months(d, amount)
    return Date(d.year + amount, 1, 1)


def _offset(n: int | None, unit: str) -> tuple[int, str, str] | None:
    """(amount, arithmetic unit, precision) for n units; None when too vague to date
    ("months later").  Vague days ("days later") are taken as three, at week precision."""
    u = unit.lower().rstrip("s")
    if u in ("minute", "hour"):
        return 0, DAY, DAY
    if u in ("day", "night"):
        return (n, DAY, DAY) if n is not None else (3, DAY, WEEK)
    if u == "week":
        return 7 * (n if n is not None else 2), DAY, WEEK
    if u == "fortnight":
        return 14 * (n or 1), DAY, WEEK
    if n is None:
        return None
    if u == "month":
        return n, MONTH, MONTH
    return (10 * n if u == "decade" else n), YEAR, YEAR


