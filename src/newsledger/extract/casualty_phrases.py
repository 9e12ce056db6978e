"""Number phrases of casualty counts: tokens, number words ("twenty-five", "two dozen",
"at least 1,200") and the noun phrases they head ("18 civilians", "a policeman"). Steps
1 and 3 of casualties.py's reading."""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import lexicons
from .casualty_cues import (
    _ADDITIVE_QUAL, _AUX, _CURRENCY_PREV, _CURRENCY_WORDS, _KIND_NOUNS,
    _LABELS, _LY_OK, _MONTHS, _NONPERSON, _NOT_PERSON_SG,
    _PERSON_PL, _PERSON_SG, _PERSON_SUFFIX, _PRENOMINAL, _QUAL_BY_FIRST,
    _SCALES, _STOP, _TENS, _TIME_NEXT, _TOKEN_RE,
    _TOTAL_QUAL, _UNITS, _VAGUE, _VAGUE_SEQ,
)


# --------------------------------------------------------------------------- internals

@dataclass(slots=True)
class _Tok:
    text: str
    low: str
    start: int
    end: int
    typ: str  # "n" number, "a" word, "w" word with digits (never a count), "p" punct


@dataclass
class _NP:
    i0: int  # first token of the number phrase (qualifiers included)
    i1: int  # token after the number phrase
    h1: int  # token after the head noun (== i1 for a bare number)
    value: int | None
    head: str | None = None
    mods: tuple[str, ...] = ()
    neg: bool = False
    additive: bool = False
    total: bool = False
    article: bool = False
    nonperson: bool = False
    prenominal: str | None = None
    kind_noun: str | None = None
    breakdown: bool = False
    claimed: bool = False
    partitive: bool = False  # "two of them", "four of whom"


@dataclass
class _Cue:
    t0: int
    t1: int
    kinds: tuple[str, ...]
    mode: str
    disabled: bool = False


@dataclass
class _Hit:
    kind: str
    np: _NP | None
    start: int
    end: int
    value: int | None
    group: int
    who: str | None = None
    perpetrator: bool = False
    suicide: bool = False
    total: bool = False
    cumulative: bool = False
    additive: bool = False
    neg: bool = False
    text: str = ""
    order: int = 0  # token index, for "first group" and clause checks
    clause: int = 0  # clauses split at "while", ";": additions stay inside one


@dataclass
class _Scan:
    text: str
    low: str  # text.lower(), same length: every pattern runs on it (re.I is slow)
    toks: list[_Tok]
    caps: bool = False  # an all-capitals sentence: capital letters tell nothing
    nps: list[_NP] = field(default_factory=list)
    cues: list[_Cue] = field(default_factory=list)
    hits: list[_Hit] = field(default_factory=list)
    regions: list[tuple[int, int]] = field(default_factory=list)
    group: int = 0

    def new_group(self) -> int:
        self.group += 1
        return self.group


def _tokenize(text: str) -> list[_Tok]:
    toks = []
    for m in _TOKEN_RE.finditer(text):
        typ = m.lastgroup or "p"
        s = m.group()
        toks.append(_Tok(s, s.lower(), m.start(), m.end(), typ))
    return toks


def _tok_index(toks: list[_Tok], char: int) -> int:
    """Index of the first token starting at or after `char`."""
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < char:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _is_word(t: _Tok) -> bool:
    return t.typ in ("a", "w")


def _low(toks: list[_Tok], i: int) -> str:
    return toks[i].low if 0 <= i < len(toks) else ""


def _match_seq(toks: list[_Tok], i: int, seq: tuple[str, ...]) -> bool:
    if i + len(seq) > len(toks):
        return False
    return all(toks[i + k].low == w for k, w in enumerate(seq))


def _personish(w: str) -> bool:
    """Could this word head a phrase naming people (or things: checked later)?"""
    if w in _PERSON_SG or w in _PERSON_PL or w in _NONPERSON or w in _KIND_NOUNS:
        return True
    if w.endswith("s") and len(w) > 2 and not w.endswith("ss") and not w.endswith("'s"):
        return True
    if w.endswith("men") and len(w) > 4:  # gunmen, policemen, servicemen
        return True
    return _person_sg(w)


def _person_sg(w: str) -> bool:
    if w in _PERSON_SG:
        return True
    return w not in _NOT_PERSON_SG and len(w) > 3 and w.endswith(_PERSON_SUFFIX)


# ----------------------------------------------------------------------- number words

def _word_number(toks: list[_Tok], j: int) -> tuple[int, int] | None:
    """'twenty-five', 'two hundred', 'one hundred and twenty' -> (value, next index)."""
    total, cur, seen, k = 0, 0, False, j
    while k < len(toks):
        w = toks[k].low
        if w in _UNITS:
            cur += _UNITS[w]
        elif w in _TENS:
            cur += _TENS[w]
        elif "-" in w and w.split("-", 1)[0] in _TENS and w.split("-", 1)[1] in _UNITS:
            a, b = w.split("-", 1)
            cur += _TENS[a] + _UNITS[b]
        elif w == "hundred" and seen:
            cur = max(cur, 1) * 100
        elif w in ("thousand", "million") and seen:
            total += max(cur, 1) * _SCALES[w]
            cur = 0
        elif (w == "and" and seen and _low(toks, k - 1) in _SCALES
              and (_low(toks, k + 1) in _UNITS or _low(toks, k + 1) in _TENS
                   or _low(toks, k + 1).split("-", 1)[0] in _TENS)):
            k += 1
            continue
        else:
            break
        seen = True
        k += 1
    return (total + cur, k) if seen else None


def _cap(t: _Tok) -> str:
    """'MAY', 'May' -> 'May'; 'may' stays (the verb).  For month and label lists."""
    return t.text.capitalize() if t.text[:1].isupper() else t.text


def _digits_ok(toks: list[_Tok], i: int) -> bool:
    """False for numbers that are dates, years, times, money, ages, labels, scores."""
    t = toks[i]
    raw = t.text.replace(",", "")
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    prv = toks[i - 1] if i > 0 else None
    nlow = nxt.low if nxt else ""
    # scores and ranges glued by a hyphen ("3-1"), versions ("v2")
    if prv is not None and prv.end == t.start and prv.text in "-/–.":
        return False
    if nxt is not None and nxt.start == t.end and nxt.text in "-/–":
        return False
    if nxt is not None and (nxt.text == "%" or nlow in ("percent", "pc")
                            or (nlow == "per" and _low(toks, i + 2) == "cent")):
        return False
    if prv is not None and (prv.low in _CURRENCY_PREV or prv.text in "$€£¥₹"):
        return False
    if nlow in _CURRENCY_WORDS or (nlow in ("million", "billion")
                                   and _low(toks, i + 2) in _CURRENCY_WORDS):
        return False
    if nlow in _TIME_NEXT or (nxt is not None and nxt.text == ":"):
        return False
    # counts are whole numbers: "13.00" is a time, "2.5" a distance or a share
    if "." in raw and nlow not in _SCALES:
        return False
    # dates ("May 4", "Jan. 13") and labels ("Resolution 1701", "No. 5", "Route 66"): the
    # word before, past an abbreviation's dot
    j = i - 1
    if j >= 0 and toks[j].text == ".":
        j -= 1
    if j >= 0 and (_cap(toks[j]) in _MONTHS or _cap(toks[j]) in _LABELS):
        return False
    if nxt is not None and _cap(nxt) in _MONTHS:  # "4 May", "Tuesday 22 March"
        return False
    # years: 1800-2099 written without a comma, unless people follow ("2000 people")
    if len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2099:
        if not (nxt is not None and (nlow in _PERSON_PL or _personish(nlow))
                and nlow not in _NONPERSON):
            return False
    # ages: "aged 32", "aged 12 and 14", "Calderon, 32, who", "(32)"
    if prv is not None and prv.low in ("aged", "age", "ages"):
        return False
    if (prv is not None and prv.low in ("and", ",", "to") and i >= 3
            and toks[i - 2].typ == "n" and toks[i - 3].low in ("aged", "ages")):
        return False
    if prv is not None and nxt is not None:
        if prv.text == "(" and nxt.text == ")":
            return False
        if (prv.text == "," and nxt.text == "," and i >= 2 and toks[i - 2].typ == "a"
                and toks[i - 2].text[:1].isupper()):
            return False
    return True


def _parse_core(toks: list[_Tok], j: int) -> tuple[int | None, int, bool] | None:
    """A bare quantity at j -> (value or None if vague, next index, vague)."""
    n = len(toks)
    if j >= n:
        return None
    t = toks[j]
    w = t.low
    if t.typ == "n":
        if not _digits_ok(toks, j):
            return None
        number = float(t.text.replace(",", ""))
        k = j + 1
        if _low(toks, k) in _SCALES:
            number *= _SCALES[_low(toks, k)]
            k += 1
        value = int(round(number))
        if _low(toks, k) == "dozen":
            value *= 12
            k += 1
        return value, k, False
    for seq in _VAGUE_SEQ if w in ("a", "an", "large") else ():
        if _match_seq(toks, j, seq):
            k = j + len(seq)
            if _low(toks, k) == "of":
                k += 1
            return None, k, True
    if w == "half" and _match_seq(toks, j + 1, ("a", "dozen")):
        return 6, j + 3, False
    if w in ("a", "an") and _low(toks, j + 1) in ("dozen", "hundred", "thousand"):
        k = j + 2
        value = 12 if _low(toks, j + 1) == "dozen" else _SCALES[_low(toks, j + 1)]
        if _low(toks, k) == "of":  # "a dozen of" is rare, "a hundred of them" is not
            k += 1
        return value, k, False
    if w == "a" and _low(toks, j + 1) == "couple":
        k = j + 2 + (_low(toks, j + 2) == "of")
        return 2, k, False
    if w == "dozen":
        return 12, j + 1, False
    if w in _UNITS or w in _TENS or w.split("-", 1)[0] in _TENS:
        if w == "one" and _low(toks, j + 1) in ("another", "day"):
            return None  # "one another", "one day"
        got = _word_number(toks, j)
        if got is None:
            return None
        value, k = got
        if _low(toks, k) == "dozen":
            value *= 12
            k += 1
        return value, k, False
    if w in _VAGUE:
        k = j + 1
        if w == "tens" and _low(toks, k) == "of":
            k += 2  # "tens of thousands"
        if _low(toks, k) == "of" and _low(toks, k + 1) in ("thousands", "millions"):
            k += 2
        if _low(toks, k) == "of":
            k += 1
        return None, k, True
    return None


def _parse_run(toks: list[_Tok], k: int, cue_tok: set[int],
               singular: bool) -> tuple[int | None, str | None, tuple[str, ...]]:
    """Modifiers and head noun after a quantity -> (head index, prenominal kind, mods)."""
    words: list[int] = []
    pren: str | None = None
    i = k
    while i < len(toks) and len(words) < 5:
        t = toks[i]
        if not _is_word(t):
            break
        low = t.low
        if i in cue_tok:
            # "16 slain construction workers": a cue adjective before a noun
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if (low in _PRENOMINAL and nxt is not None and _is_word(nxt)
                    and nxt.low not in _STOP and (i + 1) not in cue_tok):
                pren = pren or _PRENOMINAL_KIND[low]
                words.append(i)
                i += 1
                continue
            break
        acronym = len(t.text) > 1 and t.text.isupper()  # "US troops", not "us"
        if not acronym and (low in _STOP or (low.endswith("ly") and low not in _LY_OK)):
            break
        if low in _UNITS or low in _TENS or low.split("-", 1)[0] in _TENS:
            break  # "in 1989 three peasants": a new quantity
        words.append(i)
        i += 1
    head = None
    for idx in words:
        low = toks[idx].low
        if singular:
            if _person_sg(low) and not low.endswith("s"):
                head = idx
        elif _personish(low):
            head = idx
    if head is None:
        return None, None, ()
    if singular and head != words[-1]:
        nxt = toks[head + 1].low
        # "a student demonstration", "an army convoy": the person word is a modifier
        if _personish(nxt) or nxt.endswith(_NOUN_SUFFIX):
            return None, None, ()
        if toks[head].text[:1].isupper() and toks[head + 1].text[:1].islower():
            return None, None, ()  # "a Russian glide bomb": a nationality before a thing
    mods = tuple(toks[x].low for x in words if x < head)
    return head, pren, mods


_RANGE_VERBS = set(lexicons.words("casualty_range_verbs"))  # data/lexicons/casualty_range_verbs
_NOUN_SUFFIX = lexicons.words("casualty_noun_suffix")  # data/lexicons/casualty_noun_suffix

_PRENOMINAL_KIND = lexicons.mapping("casualty_prenominal_kind")  # data/lexicons/casualty_prenominal_kind
POSSESSIVES = frozenset(lexicons.words("casualty_possessives"))  # data/lexicons/casualty_possessives
_ORDINALS = frozenset(lexicons.mapping("ordinal_words"))  # 'a third': one more of a set told
_LIST_GAPS = ([","], ["and"], [",", "and"])


def _listed_after(toks: list[_Tok], i: int, prev: _NP | None) -> bool:
    """Token i follows a counted phrase with only a comma or 'and' between ('a farmer, his
    wife'): the next item of a list of victims."""
    return prev is not None and [t.low for t in toks[prev.h1:i]] in _LIST_GAPS


def _listed_person(toks: list[_Tok], i: int, cue_tok: set[int], prev: _NP | None) -> _NP | None:
    """One more victim named without a number: 'his wife' listed after a counted phrase, or
    'a third' ('shot dead two villagers and wounded a third'), one more of a set told before."""
    low = toks[i].low
    if low in POSSESSIVES and _listed_after(toks, i, prev):
        head, pren, mods = _parse_run(toks, i + 1, cue_tok, True)
        if head is not None and head == i + 1:
            return _NP(i, i + 1, head + 1, 1, head=toks[head].low, article=True, prenominal=pren)
    if low in ("a", "an") and _low(toks, i + 1) in _ORDINALS and prev is not None:
        nxt = toks[i + 2] if i + 2 < len(toks) else None
        if nxt is None or not _is_word(nxt) or nxt.low in _STOP:  # not 'a third term'
            return _NP(i, i + 2, i + 2, 1, head=prev.head, additive=True)
    return None


def _parse_np(toks: list[_Tok], i: int, cue_tok: set[int], prev: _NP | None) -> _NP | None:
    """A number phrase starting at token i, with its head noun if any."""
    low = toks[i].low
    n = len(toks)
    # negatives: "no one", "No-one", "nobody", "none", "no others", "no civilians"
    if low in ("no-one", "nobody", "none") or (low == "no" and _low(toks, i + 1) == "one"):
        k = i + (2 if low == "no" else 1)
        additive = False
        if _low(toks, k) == "else":
            k += 1
            additive = True
        if low == "none" and _low(toks, k) == "of":
            k += 1
            if _low(toks, k) in ("the", "them", "those"):
                k += 1
            head, _, _ = _parse_run(toks, k, cue_tok, False)
            return _NP(i, k, (head + 1) if head is not None else k, 0, neg=True,
                       head=toks[head].low if head is not None else None)
        return _NP(i, k, k, 0, neg=True, additive=additive)
    if low == "no":
        k = i + 1
        additive = _low(toks, k) in ("other", "others", "further", "more", "additional")
        head, _, mods = _parse_run(toks, k, cue_tok, False)
        if head is None:
            return None
        h = toks[head].low
        if h in _NONPERSON or h in _KIND_NOUNS:
            return None
        return _NP(i, k, head + 1, 0, head=h, mods=mods, neg=True,
                   additive=additive or h == "others")
    # qualifiers, then a quantity
    total, additive = False, False
    core = None
    for seq in _QUAL_BY_FIRST.get(low, ()):
        if _match_seq(toks, i, seq):
            k = i + len(seq)
            # "at least another 5", "some more than 20": allow one more qualifier
            for seq2 in _QUAL_BY_FIRST.get(_low(toks, k), ()):
                if _match_seq(toks, k, seq2):
                    if _parse_core(toks, k + len(seq2)) is not None:
                        additive = additive or seq2 in _ADDITIVE_QUAL
                        k += len(seq2)
                    break
            got = _parse_core(toks, k)
            if got is not None and not got[2]:
                core = got
                total = seq in _TOTAL_QUAL
                additive = additive or seq in _ADDITIVE_QUAL
                break
    if core is None:
        # "between 52 and 58", "tolls ranging from 52 to 58" (not "rose from 12 to 20")
        ranged = low == "from" and _low(toks, i - 1) in _RANGE_VERBS
        if low == "between" or ranged:
            got = _parse_core(toks, i + 1)
            if got and got[0] is not None and _low(toks, got[1]) == ("to" if ranged else "and"):
                got2 = _parse_core(toks, got[1] + 1)
                if got2 is not None:
                    core = (got[0], got2[1], False)  # the lower bound, as ACLED does
        elif low == "as" and _low(toks, i + 1) == "many" and _low(toks, i + 2) != "as":
            # "four US troops and as many Nigerien soldiers"
            core = ((prev.value if prev is not None else None), i + 2, prev is None)
        else:
            core = _parse_core(toks, i)
    if core is None and low == "another":
        # "two were killed and another was injured": one more
        nxt = _low(toks, i + 1)
        if (nxt in _AUX or (i + 1) in cue_tok or nxt in (",", ".")
                or (nxt.endswith("ly") and (i + 2) in cue_tok)):  # "another badly hurt"
            return _NP(i, i + 1, i + 1, 1, additive=True)
        head, pren, mods = _parse_run(toks, i + 1, cue_tok, True)
        if head is None:
            return None
        return _NP(i, i + 1, head + 1, 1, head=toks[head].low, mods=mods, additive=True,
                   prenominal=pren)
    if core is None:
        listed = _listed_person(toks, i, cue_tok, prev)
        if listed is not None:
            return listed
        # "a policeman", "an elderly woman", "the suicide bomber"
        if low in ("a", "an", "the") and i + 1 < n:
            head, pren, mods = _parse_run(toks, i + 1, cue_tok, True)
            if head is None:
                return None
            h = toks[head].low
            if low == "the" and h not in _PERSON_SG:
                return None
            return _NP(i, i + 1, head + 1, 1, head=h, mods=mods, article=True,
                       prenominal=pren)
        return None
    value, k, vague = core
    i1 = k
    if _low(toks, k) in ("more", "further", "additional", "other"):
        additive = True
        if _low(toks, k) != "other":
            k += 1
    if _low(toks, k) == "of" and _low(toks, k + 1) in ("the", "those", "these", "his",
                                                      "her", "their", "its"):
        k += 2  # "three of the victims", "four of his bodyguards"
        if value == 1 and _low(toks, i - 1) in ("was", "is", "became"):
            return None  # "he was one of the 12 people killed": the 12 counts
        inner = _parse_core(toks, k)
        if inner is not None:
            k = inner[1]  # "two of the five suspects": two
    elif _low(toks, k) == "of" and _low(toks, k + 1) in ("them", "whom", "us", "which"):
        # "four of whom are policemen": a part of a figure given before
        return _NP(i, i1, k + 2, None if vague else value, additive=additive, total=total,
                   partitive=True)
    head, pren, mods = _parse_run(toks, k, cue_tok, False)
    if head is None:
        return _NP(i, i1, i1, value, additive=additive, total=total)
    h = toks[head].low
    np = _NP(i, i1, head + 1, value, head=h, mods=mods, additive=additive or h == "others",
             total=total, prenominal=pren)
    if h in _NONPERSON:
        np.nonperson = True
    elif h in _KIND_NOUNS:
        np.kind_noun = _KIND_NOUNS[h]
    return np


