"""Dates: the expressions — one rule per kind of temporal phrase ("May 4", "last
week", "two days after the vote", "Sunday's attack"), each a compiled pattern and a
handler that turns its match into a hit. dates.find_dates runs the rule table."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date as Date, timedelta
from typing import Callable

from .. import lexicons
from .date_calendar import (
    DAY, MONTH, WEEK, YEAR, _APPROX,
    _DAY, _FULL_MON, _MON, _NP, _NUM,
    _ORDINALS, _UNIT, _WD, _YEAR, _add_months,
    _apply, _back, _capitalised, _infer_year, _monday,
    _month_number, _number, _offset, _rx, _safe_date,
    resolve_weekday,
)


# --------------------------------------------------------------------------- hits

Value = tuple[Date, str] | None


@dataclass(slots=True)
class _Hit:
    """A candidate span.  Anchored hits carry an offset instead of a value until resolved."""

    start: int
    end: int
    kind: str
    value: Value = None
    prio: int = 1                       # 0 for explicit calendar dates: they win ties
    monthday: bool = False              # a calendar day (may be a dateline header)
    yearless: tuple[int, int] | None = None   # (month, day) whose year was inferred
    # anchored only
    shift: int = 0
    unit: str = DAY                     # day | month | year (arithmetic); "none": vague
    out_precision: str = DAY
    noun: str | None = None             # "the election" in "three days after the election"
    after_pos: int | None = None        # where the text after "after"/"before" starts
    reverse: bool = False               # "X comes N days after Y": the phrase dates Y


Handler = Callable[[re.Match, str, "Date | None"], "_Hit | None"]


# ----- explicit calendar dates

# "late on Tuesday, " before "May 4"; "Tuesday " before "22 March".
_WD_BEFORE = re.compile(rf"\b(?:(?:early|late|overnight)(?:\s+on)?\s+)?(?P<wd>{_WD}),?\s+"
                        r"(?:the\s+)?$", re.I)
_YREL = {"last": -1, "this": 0, "next": 1}


def _calendar_day(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    """Month-first and day-first dates: validate, then pick the year."""
    if not _capitalised(m["mon"]):
        return None
    gd = m.groupdict()
    days = [int(re.match(r"\d+", x).group()) for x in (gd.get("day0"), m["day"], gd.get("day2"))
            if x]
    if not all(1 <= x <= 31 for x in days):
        return None
    month, day = _month_number(m["mon"]), days[0]
    kind = "range" if len(days) > 1 else "absolute"    # "May 3-5": dated to its start
    yearless = None
    if m["year"]:
        value = _safe_date(int(m["year"]), month, day)
        if value is None:
            return None
    elif m["yrel"]:
        value = None if pub is None else _safe_date(pub.year + _YREL[m["yrel"].lower()],
                                                    month, day)
    else:
        if _safe_date(2000, month, day) is None:   # 31 April: no year makes it valid
            return None
        value = None if pub is None else _infer_year(month, day, pub)
        yearless = (month, day)
    start = m.start()
    wd = _back(_WD_BEFORE, text, start)
    if wd and _capitalised(wd["wd"]):
        start = wd.start()
    return _Hit(start, m.end(), kind, (value, DAY) if value else None,
                prio=0, monthday=True, yearless=yearless)


def _h_month_day(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    if m["wd2"] and not _capitalised(m["wd2"]):
        return None
    return _calendar_day(m, text, pub)


def _h_iso(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    d = _safe_date(int(m["year"]), int(m["mon"]), int(m["day"]))
    return _Hit(m.start(), m.end(), "absolute", (d, DAY), prio=0, monthday=True) if d else None


def _h_month_year(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    if not _capitalised(m["mon"]):
        return None
    d = Date(int(m["year"]), _month_number(m["mon"]), 1)
    return _Hit(m.start(), m.end(), "absolute", (d, MONTH), prio=0)


_MONTH_REL = re.compile(r"\b(?P<rel>last|this|next|(?:this\s+)?past)\s+$", re.I)
# Words before a lone month name that make it a date ("in May", "since March", "mid-June").
_MONTH_LICENCE = re.compile(
    rf"(?:\b{lexicons.alternation('month_licences')}|\bthe\s+month\s+of)[\s-]+$", re.I)


def _h_bare_month(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    if not _capitalised(m["mon"]):
        return None
    start, yrel = m.start(), (m["yrel"] or "").lower()
    rel_m = _back(_MONTH_REL, text, start, 16)
    rel = rel_m["rel"].lower().split()[-1] if rel_m else ""
    if rel_m:
        start = rel_m.start()
    elif not (yrel or _back(_MONTH_LICENCE, text, start, 24)):
        return None
    kind = "relative" if rel or yrel else "absolute"
    if pub is None:
        return _Hit(start, m.end(), kind)
    month = _month_number(m["mon"])
    if yrel:
        year = pub.year + _YREL[yrel]
    elif rel in ("last", "past"):
        year = pub.year if month < pub.month else pub.year - 1
    elif rel == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif rel == "this":
        year = pub.year
    else:                                   # "in August": the most recent August
        year = pub.year if month <= pub.month else pub.year - 1
    return _Hit(start, m.end(), kind, (Date(year, month, 1), MONTH))


# A bare year is a date only after one of these ("in 2013", "since 2004", "by mid-2015").
_YEAR_BEFORE = re.compile(
    rf"(?:(?<![\w-]){lexicons.alternation('year_licences')}\s+(?P<body>(?:early|late|mid)[\s-]+"
    rf"|the\s+{lexicons.alternation('period_parts')}\s+of\s+)?"
    r"|\b(?P<body2>(?:early|late|mid)[\s-]+))$", re.I)


# "the 2020 war", "during the 2011 uprising": the year names when that episode happened
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_NAMED_EVENT_AFTER = re.compile(rf"\s+{lexicons.alternation('year_named_events')}\b", re.I)


def _h_year(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    before = _back(_YEAR_BEFORE, text, m.start(), 40)
    if before is None:
        if _back(_THE_BEFORE, text, m.start(), 8) and _NAMED_EVENT_AFTER.match(text, m.end()):
            return _Hit(m.start(), m.end(), "absolute", (Date(int(m["year"]), 1, 1), YEAR), prio=0)
        return None
    body = "body" if before["body"] else "body2" if before["body2"] else None
    start = before.start(body) if body else m.start()
    return _Hit(start, m.end(), "absolute", (Date(int(m["year"]), 1, 1), YEAR), prio=0)


def _h_year_range(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    return _Hit(m.start(), m.end(), "range", (Date(int(m["y1"]), 1, 1), YEAR), prio=0)


# ----- seasons: ACLED has no season precision, so a season is dated to its year

_SEASONS: dict[str, tuple[int, int]] = {k: tuple(v) for k, v in lexicons.mapping("seasons").items()}


def _season_year(season: str, rel: str, pub: Date) -> int:
    """The year (the one it ends in) of the season meant by last/this/next/bare."""
    first, last = _SEASONS[season]

    def bounds(end_year: int) -> tuple[Date, Date]:
        start = Date(end_year if first <= last else end_year - 1, first, 1)
        return start, Date(end_year, last, calendar.monthrange(end_year, last)[1])

    years = range(pub.year - 2, pub.year + 3)
    if rel in ("last", "past"):
        return max(y for y in years if bounds(y)[1] < pub)
    if rel == "this":
        return min(y for y in years if bounds(y)[1] >= pub)
    if rel == "next":
        return min(y for y in years if bounds(y)[0] > pub)
    return max(y for y in years if bounds(y)[0] <= pub)


_SEASON_BEFORE = re.compile(r"(?:\b(?P<rel>last|this|next|past)\s+)?(?:\b(?P<the>the)\s+)?$",
                            re.I)
_SEASON_LICENCE = re.compile(rf"\b{lexicons.alternation('season_licences')}\s+$", re.I)


def _h_season(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    season, year = m["season"].lower(), m["year"]
    before = _back(_SEASON_BEFORE, text, m.start(), 16)
    rel = (before["rel"] or "").lower() if before else ""
    start = before.start() if before and (before["rel"] or before["the"]) else m.start()
    licensed = _back(_SEASON_LICENCE, text, start, 16)
    # "fall" is mostly a noun or verb ("the fall of Mosul"): only with a year or last/this/next
    if not (year or rel or (licensed and season != "fall")):
        return None
    if year:
        return _Hit(start, m.end(), "absolute", (Date(int(year), 1, 1), YEAR), prio=0)
    if pub is None:
        return _Hit(start, m.end(), "relative")
    return _Hit(start, m.end(), "relative", (Date(_season_year(season, rel, pub), 1, 1), YEAR))


# ----- weekdays

_WD_MOD = re.compile(r"\b(?P<mod>(?:this\s+)?past|last|this|next|coming|early|late|later"
                     r"|earlier|overnight)(?:\s+(?:on|into))?\s+$", re.I)
_WD_NOT_BEFORE = re.compile(r"\b(?-i:Bloody|Black|Good|Super|Ash|Palm|Holy|Maundy|Cyber|Shrove"
                            r"|Mail\s+on|Independent\s+on)\s+$", re.I)
# Newspapers and institutions named after a day ("Sunday Times", "Good Friday Agreement",
# "Sunday school"): a weekday followed by a capitalised word of a name (not a month, a day, a
# part of the day, or a function word of a title-case headline), or by a noun it names.
_NOT_A_NAME_WORD = {w.lower() for w in (*lexicons.words("months"), *lexicons.words("month_abbreviations"),
                                        *lexicons.words("weekdays"), *lexicons.words("times_of_day"),
                                        *lexicons.words("function_words"))}
_WD_NOT_AFTER = re.compile(rf"\s+(?:{lexicons.alternation('weekday_nouns')}s?\b)", re.I)
_NEXT_CAPITAL = re.compile(r"[ \t]+(?P<word>[A-Z][a-z]+)\b")


def _names_a_title(text: str, end: int) -> bool:
    """'Sunday Times', 'Monday Night Live': the weekday begins a name, it dates nothing."""
    m = _NEXT_CAPITAL.match(text, end)
    return bool(m) and m["word"].lower() not in _NOT_A_NAME_WORD


def _h_weekday(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    wd = m["wd"]
    if not _capitalised(wd) or _back(_WD_NOT_BEFORE, text, m.start(), 16) \
            or _WD_NOT_AFTER.match(text, m.end("wd")) or _names_a_title(text, m.end("wd")):
        return None
    end = m.end("wd") if m["poss"] else m.end()     # "Tuesday's attack" → "Tuesday"
    mod_m = _back(_WD_MOD, text, m.start(), 24)
    start = mod_m.start() if mod_m else m.start()
    if pub is None:
        return _Hit(start, end, "relative")
    mod = mod_m["mod"].lower().split()[-1] if mod_m else ""
    day = resolve_weekday(wd, pub)
    if mod in ("past", "last") and day == pub:
        day -= timedelta(days=7)         # "last Friday" said on a Friday is a week ago
    elif mod in ("next", "coming"):
        day += timedelta(days=7)         # future: the first such day after publication
    return _Hit(start, end, "relative", (day, DAY))


# ----- fixed relative phrases ("yesterday", "last week", ...)

def _weekend(pub: Date, which: str) -> Date:
    sat = pub - timedelta(days=(pub.weekday() - 5) % 7)   # most recent Saturday
    if which == "last" and pub.weekday() >= 5:
        return sat - timedelta(days=7)
    if which in ("this", "next") and pub.weekday() < 5:
        return sat + timedelta(days=7)
    return sat


def _days(n: int) -> Callable[[Date], Value]:
    return lambda p: (p + timedelta(days=n), DAY)


def _months(k: int) -> Callable[[Date], Value]:
    return lambda p: (_add_months(p, k), MONTH)


def _years(k: int) -> Callable[[Date], Value]:
    return lambda p: (Date(p.year + k, 1, 1), YEAR)


_TIMES_OF_DAY = lexicons.alternation("times_of_day")
_TOD = rf"(?:\s+{_TIMES_OF_DAY})?"
# (pattern, resolver).  Week values are central days; a weekend is its Saturday.
_PHRASES: list[tuple[str, Callable[[Date], Value]]] = [
    (r"the\s+day\s+before\s+yesterday", _days(-2)),
    (rf"yesterday{_TOD}", _days(-1)),
    (r"(?:(?:late|early)\s+)?last\s+night", _days(-1)),
    (r"overnight", _days(-1)),           # like "last night": the night before publication
    (rf"(?:(?:earlier|later)\s+)?today(?!\s+{lexicons.alternation('title_after_today')}\b)", _days(0)),
    (r"tonight", _days(0)),
    (r"(?:(?:early|earlier|later)\s+)?this\s+(?:morning|afternoon|evening)", _days(0)),
    (rf"tomorrow{_TOD}", _days(1)),
    # the previous Monday-Sunday week: its Thursday ("the last week of March" is not one)
    (r"(?:(?:earlier|early|late)\s+)?(?<!the\s)last\s+week(?!\s+of\b)",
     lambda p: (_monday(p) - timedelta(days=4), WEEK)),
    # the current week up to publication: its middle day
    (r"(?:earlier\s+)?this\s+week",
     lambda p: (_monday(p) + timedelta(days=p.weekday() // 2), WEEK)),
    (r"later\s+this\s+week", lambda p: (p + timedelta(days=(7 - p.weekday()) // 2), WEEK)),
    (r"next\s+week", lambda p: (_monday(p) + timedelta(days=10), WEEK)),
    (rf"(?:{lexicons.alternation('weekend_prepositions')}\s+)?the\s+weekend(?:['’]s)?",
     lambda p: (_weekend(p, ""), WEEK)),
    (r"(?:this\s+past|past|last)\s+weekend", lambda p: (_weekend(p, "last"), WEEK)),
    (r"this\s+weekend", lambda p: (_weekend(p, "this"), WEEK)),
    (r"next\s+weekend", lambda p: (_weekend(p, "next"), WEEK)),
    (r"(?:(?:earlier|later|early|late)\s+)?this\s+month", _months(0)),
    (r"(?:(?:earlier|early|late)\s+)?(?<!the\s)last\s+month(?!\s+of\b)", _months(-1)),
    (r"next\s+month", _months(1)),
    (r"(?:(?:earlier|later|early|late)\s+)?this\s+year", _years(0)),
    (r"(?:(?:earlier|early|late)\s+)?(?<!the\s)last\s+year(?!\s+of\b)", _years(-1)),
    (r"next\s+year", _years(1)),
]


def _h_phrase(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    resolve = _PHRASES[int(m.lastgroup[1:])][1]
    return _Hit(m.start(), m.end(), "relative", None if pub is None else resolve(pub))


# ----- counted offsets from publication: "two days ago", "over the past week"

_AMOUNT_BEFORE = re.compile(rf"\b(?P<amt>{_APPROX}?{_NUM})\s+$", re.I)


def _h_ago(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    amt = _back(_AMOUNT_BEFORE, text, m.start(), 30)
    start = amt.start() if amt else m.start()
    off = _offset(_number(amt["amt"] if amt else None), m["unit"])
    if pub is None or off is None:
        return _Hit(start, m.end(), "relative")
    amount, unit, precision = off
    return _Hit(start, m.end(), "relative", (_apply(pub, -amount, unit), precision))


def _h_window(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    """"over the past two weeks": an aggregate, dated to the start of the window."""
    n = _number(m["amt"])
    off = _offset(1 if n is None else n, m["unit"])
    if pub is None or off is None:
        return _Hit(m.start(), m.end(), "since")
    amount, unit, precision = off
    if m["unit"].lower().startswith("hour") and (n or 0) >= 12:
        amount = 1                       # "the past 24 hours" begins the day before
    return _Hit(m.start(), m.end(), "since", (_apply(pub, -amount, unit), precision))


# ----- anchored phrases: an offset from another date of the text

_FORWARD = {"later", "after", "afterwards", "afterward", "next", "following"}
_RELATIONAL = {"after", "before", "prior"}        # take an object: "after the vote"
_COMES = re.compile(r"\b(?:comes?|came|coming)\s+$", re.I)


def _anchored(m: re.Match, shift: int, unit: str, precision: str, start: int | None = None
              ) -> _Hit:
    gd = m.groupdict()
    noun, rel = gd.get("noun"), (gd.get("dir") or "").lower().split()
    return _Hit(m.start() if start is None else start, m.end(), "anchored", shift=shift,
                unit=unit, out_precision=precision, noun=noun.lower() if noun else None,
                after_pos=m.end("dir") if rel and rel[0] in _RELATIONAL else None)


def _h_offset(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    """"three days after the election", "a day later", "hours after the attack"."""
    amt = _back(_AMOUNT_BEFORE, text, m.start(), 30)
    start = amt.start() if amt else m.start()
    off = _offset(_number(amt["amt"] if amt else None), m["unit"])
    if off is None:                      # "years later": anchored, but no usable date
        return _Hit(start, m.end(), "anchored", unit="none")
    amount, unit, precision = off
    sign = 1 if m["dir"].lower().split()[0] in _FORWARD else -1
    hit = _anchored(m, sign * amount, unit, precision, start)
    hit.reverse = bool(_back(_COMES, text, start, 12))
    return hit


def _h_next_day(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    which, unit = m["which"].lower(), m["unit"].lower()
    sign = 0 if which == "same" else 1 if which in _FORWARD else -1
    if unit == "week":
        return _anchored(m, 7 * sign, DAY, WEEK)
    if unit in (MONTH, YEAR):
        return _anchored(m, sign, unit, unit)
    return _anchored(m, sign, DAY, DAY)


def _h_same_day(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    return _anchored(m, 0, DAY, DAY)


def _h_day_after(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    return _anchored(m, 1 if m["dir"].lower() == "after" else -1, DAY, DAY)


def _h_eve(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    return _anchored(m, -1, DAY, DAY)


def _h_nth_day(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    """"for a fifth consecutive day": a run ending on the anchor day, dated to its central
    day at week precision (corpus rule); "on the fourth consecutive day" is that day."""
    if not m["span"]:
        return _anchored(m, 0, DAY, DAY)
    raw = m["ord"].lower()
    n = _ORDINALS.get(raw) or int(re.match(r"\d+", raw).group())
    return _anchored(m, -((n - 1) // 2), DAY, WEEK) if n >= 2 else None


def _h_days_running(m: re.Match, text: str, pub: Date | None) -> _Hit | None:
    """"for five consecutive days", "for three days in a row": as above."""
    n = _number(m["n"]) or 3
    return _anchored(m, -((n - 1) // 2), DAY, WEEK) if n >= 2 else None


# --------------------------------------------------------------------------- rule table

@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    handler: Handler
    gate: re.Pattern[str] | None = None   # skip the rule when the text lacks this word


_MONTH_FIRST = "jfmasond"


def _firsts(entries) -> str:
    """The letters a lexicon's entries start with: a rule's first-character gate (so that a
    user's added entry is tried too)."""
    return "".join(sorted({str(w)[0].lower() for w in entries}))
_RUN_GATE = re.compile(lexicons.alternation("consecutive_words"), re.I)
_RULES: tuple[_Rule, ...] = (
    # "May 4, 2015", "Jan. 13", "Aug 2", "January 13 (Sunday)", "May 3-5", "May 10 last year"
    _Rule(_rx(rf"""\b(?P<mon>{_MON})\s*(?P<day>{_DAY})
                   (?:\s*(?:-|–|to)\s*(?P<day2>{_DAY}))?
                   (?:,?\s+(?P<year>{_YEAR}))?
                   (?:\s+(?P<yrel>last|this|next)\s+year\b)?
                   (?:\s*\((?P<wd2>{_WD})\))?""", _MONTH_FIRST), _h_month_day),
    # "4 May 2015", "13 January", "22nd of March", "3-5 May"
    _Rule(_rx(rf"""(?<![\w.,:/-])(?:(?P<day0>{_DAY})\s*(?:-|–|to)\s*)?
                   (?P<day>{_DAY})(?:\s+of)?\s+(?P<mon>{_MON})
                   (?:,?\s+(?P<year>{_YEAR}))?
                   (?:\s+(?P<yrel>last|this|next)\s+year\b)?""", "0-9"), _calendar_day),
    # "2015-05-04", "2015/05/04"
    _Rule(_rx(r"""(?<![\w-])(?P<year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<mon>0[1-9]|1[0-2])(?P=sep)
                  (?P<day>0[1-9]|[12]\d|3[01])(?![\w-])""", "12"), _h_iso),
    # "November 2014", "September of 2010"
    _Rule(_rx(rf"\b(?P<mon>{_MON}),?\s+(?:of\s+)?(?P<year>{_YEAR})", _MONTH_FIRST),
          _h_month_year),
    # "in August", "last December", "December last year"
    _Rule(_rx(rf"\b(?P<mon>{_FULL_MON})(?:\s+(?P<yrel>last|this|next)\s+year\b)?",
              _MONTH_FIRST), _h_bare_month),
    # "in 2013", "since 2004", "by mid-2015"
    _Rule(_rx(rf"(?P<year>{_YEAR})", "12"), _h_year),
    _Rule(_rx(rf"""\b(?:from|between)\s+(?P<y1>{_YEAR})\s*{lexicons.alternation('range_links')}\s*
                   (?P<y2>{_YEAR})""", "fb"), _h_year_range),
    # "in the spring of 2010", "last summer"
    _Rule(_rx(rf"""\b(?P<season>{lexicons.alternation('seasons')})\b
                   (?:\s+(?:of\s+)?(?P<year>{_YEAR}))?""", _firsts(_SEASONS)), _h_season),
    # "Thursday", "Tuesday's", "Saturday night" (+ "late on", "last" found by looking back)
    _Rule(_rx(rf"""\b(?P<wd>{_WD})(?P<poss>['’]s\b)?
                   (?(poss)|(?:,?\s+(?:{_TIMES_OF_DAY}|overnight)\b)?)""",
              "mtwfs"), _h_weekday),
    _Rule(_rx("|".join(rf"(?P<p{i}>\b{p}\b)" for i, (p, _) in enumerate(_PHRASES)),
              "tyleoadpn"), _h_phrase),
    # "two days ago", "a fortnight ago", "nearly 20 years ago"
    _Rule(_rx(rf"\b{_UNIT}\s+ago\b", "mhdnwfy"), _h_ago, re.compile(r"\bago\b", re.I)),
    _Rule(_rx(rf"""\b{lexicons.alternation('window_prepositions')}\s+the\s+(?:past|last|previous)\s+
                   (?:(?P<amt>{_NUM})\s+)?{_UNIT}(?!\s+of\b)""", _firsts(lexicons.words("window_prepositions"))), _h_window,
          re.compile(r"\b(?:past|last|previous)\b", re.I)),
    # anchored
    _Rule(_rx(rf"""\b{_UNIT}\s+(?P<dir>later|earlier|afterwards?|after|before|prior\s+to)\b
                   (?:\s+{_NP})?""", "mhdnwfy"), _h_offset,
          re.compile(r"\b(?:later|earlier|after|afterwards?|before|prior)\b", re.I)),
    _Rule(_rx(r"""\bthe\s+(?P<which>next|following|previous|preceding|same)\s+
                  (?P<unit>day|morning|afternoon|evening|night|week|month|year)\b""", "t"),
          _h_next_day),
    _Rule(_rx(rf"""\b(?:(?:later|earlier)\s+(?:on\s+)?)?that(?:\s+same)?\s+
                  (?:day|{_TIMES_OF_DAY})\b
                  |\b(?:later|earlier)\s+in\s+the\s+(?:day|{_TIMES_OF_DAY})\b""",
              "let"), _h_same_day),
    _Rule(_rx(rf"\bthe\s+(?:day|night)\s+(?P<dir>after|before)\b(?:\s+{_NP})?", "t"), _h_day_after),
    _Rule(_rx(rf"\b{lexicons.alternation('immediacy_words')}\s+(?P<dir>after|before)\s+{_NP}",
              _firsts(lexicons.words("immediacy_words"))), _h_same_day),
    _Rule(_rx(rf"\bthe\s+eve\s+of\s+{_NP}", "t"), _h_eve),
    # runs of days: "for a fifth consecutive day", "for five days in a row"
    _Rule(_rx(rf"""(?P<span>\bfor\s+)?\b(?:a|the)\s+(?P<ord>{lexicons.alternation('ordinal_words')}
                  |\d{{1,2}}(?:st|nd|rd|th))\s+
                  (?:consecutive|straight|successive)\s+day\b""", "fat"), _h_nth_day,
          _RUN_GATE),
    _Rule(_rx(rf"""\bfor\s+(?P<n>{_NUM})\s+(?:(?:consecutive|straight|successive)\s+days
                   |days\s+in\s+a\s+row)\b""", "f"), _h_days_running, _RUN_GATE),
)


