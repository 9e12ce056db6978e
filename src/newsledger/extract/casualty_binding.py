"""Binding casualty cues to number phrases in one sentence ("killed 12 people", "12 people
were killed", "claimed the lives of"), named victims, negations and totals. Steps 4 and 5
of casualties.py's reading; `scan` is its entry point."""
from __future__ import annotations

import re
from bisect import bisect_left

from .. import lexicons
from .casualty_cues import (
    KINDS, _ATTACKERS, _AUX, _BREAKDOWN, _BREAKDOWN_FIRST,
    _CLAUSE_SPLIT, _CUE_INFO, _CUE_RE, _CUMULATIVE_RE, _DETERMINERS,
    _GAP_BLOCK, _GAP_PUNCT, _IN_ALL_RE, _KIND_NOUNS, _MONTHS,
    _NEG_NOUN_KIND, _NEG_NOUN_RE, _NONPERSON, _OBJECT_WORDS, _PERSON_PL,
    _PERSON_SG, _QUAL_BY_FIRST, _QUICK_RE, _REPORTING, _STOP,
    _TENS, _TOLL_LINK, _TOLL_RE, _UNITS, _VAGUE,
    _VAGUE_SEQ, _WEEKDAYS,
)
from .casualty_phrases import (
    POSSESSIVES, _Cue, _Hit, _NP, _Scan, _Tok,
    _cap, _low, _match_seq, _parse_np, _tok_index,
    _tokenize,
)


# --------------------------------------------------------------------------- scanning

def _find_cues(sc: _Scan) -> set[int]:
    toks = sc.toks
    for m in _CUE_RE.finditer(sc.low):
        kind, mode = _CUE_INFO[m.lastgroup or ""]
        t0 = _tok_index(toks, m.start())
        t1 = _tok_index(toks, m.end())
        if t0 >= t1:
            continue
        before = _low(toks, t0 - 1)
        word = toks[t0].low
        # "the injured", "the dead": nouns, not cues; "not injured", "to kill": no count
        if mode in ("both", "post") and t1 - t0 == 1 and before in (
                "the", "their", "his", "her", "its", "our"):
            continue
        if before in ("not", "never", "nor") or (before == "to" and word in (
                "kill", "die", "injure", "hurt", "arrest", "detain", "kidnap", "abduct")):
            continue
        sc.cues.append(_Cue(t0, t1, (kind,), mode))
    # "murdered and beheaded", "killed or injured": one cue
    merged: list[_Cue] = []
    for c in sc.cues:
        if merged:
            p = merged[-1]
            gap = [toks[x].low for x in range(p.t1, c.t0)]
            if gap in (["and"], ["or"], [","], [",", "and"], ["and", "then"]):
                if gap == ["or"] or set(p.kinds) == set(c.kinds):
                    kinds = tuple(dict.fromkeys(p.kinds + c.kinds))
                    merged[-1] = _Cue(p.t0, c.t1, kinds, c.mode)  # the last verb decides
                    continue
                # "killed and wounded 20": a casualty figure of both kinds together
                merged[-1] = _Cue(p.t0, c.t1, p.kinds + c.kinds, "ambiguous")
                continue
        merged.append(c)
    sc.cues = merged
    cue_tok: set[int] = set()
    for c in sc.cues:
        cue_tok.update(range(c.t0, c.t1))
    return cue_tok


def _find_nps(sc: _Scan, cue_tok: set[int], skip: set[int]) -> None:
    toks = sc.toks
    i, prev = 0, None
    while i < len(toks):
        if i in skip or toks[i].typ == "p" or i in cue_tok:
            i += 1
            continue
        t = toks[i]
        if t.typ != "n" and t.low not in _NP_START and t.low.split("-", 1)[0] not in _TENS:
            i += 1
            continue
        np = _parse_np(toks, i, cue_tok, prev)
        if np is None:
            i += 1
            continue
        sc.nps.append(np)
        prev = np if np.value is not None else prev
        i = max(np.h1, i + 1)


# Words a number phrase can start with (anything else is skipped at once).
_NP_START = (set(_UNITS) | set(_TENS) | set(_QUAL_BY_FIRST) | _VAGUE
             | {seq[0] for seq in _VAGUE_SEQ}
             | {"a", "an", "the", "no", "no-one", "nobody", "none", "between", "from", "as",
                "half", "dozen"} | POSSESSIVES)


def _find_regions(sc: _Scan, cue_tok: set[int]) -> None:
    """Stretches after "including" / "among them" whose numbers are breakdowns."""
    toks = sc.toks
    for i in range(len(toks)):
        if toks[i].low not in _BREAKDOWN_FIRST:
            continue
        for seq in _BREAKDOWN:
            if not _match_seq(toks, i, seq):
                continue
            j = i - 1
            while j >= 0 and toks[j].text in "“\"'(‘":
                j -= 1
            after_comma = j >= 0 and toks[j].text in (",", "—", "–", "-")
            if seq in (("mostly",), ("mainly",)) and not after_comma:
                continue
            end = i + len(seq)
            while end < len(toks):
                t = toks[end]
                if t.text in (",", ";", ".", ")", "”", "\"", "!", "?", "—", ":"):
                    break
                if t.low in ("that", "which", "who") and not any(
                        i < np.i0 < end for np in sc.nps) and not (
                        after_comma and not _cue_in_clause(toks, end, cue_tok)):
                    break  # 'including twin bombings that killed 100': no one broken down
                    # (but 'Nobody, including those who were waiting, was hurt': an aside)
                # no comma before the marker: the clause goes on to its verb
                if not after_comma and end in cue_tok:
                    break
                if not after_comma and t.low in _AUX and end > i + len(seq) + 1:
                    break
                end += 1
            sc.regions.append((i, end))
            break
    # ", four of whom are policemen," and ", one of them a child,": breakdowns too,
    # unless they carry their own verb (", one of whom died")
    for np in sc.nps:
        if not np.partitive or np.i0 == 0 or toks[np.i0 - 1].text not in (",", "—", "–", "("):
            continue
        end = np.h1
        while end < len(toks) and toks[end].text not in (",", ";", ".", ")", "—", "–"):
            end += 1
        if not any(np.i0 <= x < end for x in cue_tok):
            sc.regions.append((np.i0, end))
    for r0, r1 in sc.regions:
        for c in sc.cues:
            if r0 <= c.t0 < r1:
                c.disabled = True
        for np in sc.nps:
            if r0 <= np.i0 < r1:
                np.breakdown = True


def _cue_in_clause(toks: list[_Tok], i: int, cue_tok: set[int]) -> bool:
    """A casualty verb between token i and the clause's next comma or stop."""
    for x in range(i, len(toks)):
        if toks[x].text in (",", ";", ".", ")", "—", ":"):
            return False
        if x in cue_tok:
            return True
    return False


def _in_region(sc: _Scan, i: int) -> bool:
    return any(r0 <= i < r1 for r0, r1 in sc.regions)


def _np_at(sc: _Scan, i: int) -> _NP | None:
    for np in sc.nps:
        if np.i0 == i:
            return np
        if np.i0 > i:
            break
    return None


def _add_hit(sc: _Scan, np: _NP, kinds: tuple[str, ...], group: int, *,
             total: bool = False, cumulative: bool = False, suicide: bool = False) -> None:
    np.claimed = True
    toks = sc.toks
    start, end = toks[np.i0].start, toks[np.i1 - 1].end
    head = np.head
    perp = suicide or (head in _ATTACKERS) or (head == "members" and "gang" in np.mods) \
        or (head in ("men", "man") and "armed" in np.mods)
    suicide = suicide or (bool(perp) and "suicide" in np.mods)
    who = head if head and head not in _KIND_NOUNS else None
    for kind in kinds:
        sc.hits.append(_Hit(kind, np, start, end, np.value, group, who=who,
                            perpetrator=bool(perp), suicide=suicide,
                            total=total or np.total, cumulative=cumulative,
                            additive=np.additive, neg=np.neg,
                            text=sc.text[start:end], order=np.i0))


def _eligible(np: _NP) -> bool:
    return not (np.nonperson or np.breakdown or np.kind_noun is not None)


def _coordinate(sc: _Scan, np: _NP, kinds: tuple[str, ...], group: int,
                forward: bool) -> None:
    """'two soldiers and two rangers', 'one reporter and two cameramen': share a cue.

    A list needs its "and": "Of the 40 passengers, 12 were killed" is no list.
    """
    toks = sc.toks
    idx = sc.nps.index(np)
    step = 1 if forward else -1
    cur = np
    chain: list[tuple[_NP, bool]] = []
    k = idx + step
    while 0 <= k < len(sc.nps):
        other = sc.nps[k]
        a, b = (cur, other) if forward else (other, cur)
        gap = [toks[x].low for x in range(a.h1, b.i0)]
        if gap not in _COORD_GAPS:
            break
        if other.claimed or not _eligible(other) or other.neg != np.neg:
            break
        if forward and _low(toks, other.h1) in _AUX | {"died", "dead"}:
            break  # "killed two and 14 were injured": 14 has its own verb
        if forward and other.h1 in _cue_starts(sc):
            break
        chain.append((other, "and" in gap))
        cur = other
        k += step
    if forward:
        ands = [n for n, (_, has_and) in enumerate(chain) if has_and]
        chain = chain[:ands[-1] + 1] if ands else []
        if _restated(toks, np, [other for other, _ in chain]):
            chain = []  # 'killed three people, a policeman and two civilians': the same three
    elif chain and not chain[0][1]:
        chain = []
    elif chain and _restated(toks, chain[-1][0], [n for n, _ in reversed(chain[:-1])] + [np]):
        # 'Three people, a policeman and two civilians, were killed': the three, once
        sc.hits = [h for h in sc.hits if h.group != group]
        _add_hit(sc, chain[-1][0], kinds, group)
        return
    for other, _ in chain:
        _add_hit(sc, other, kinds, group)


_GENERIC_PEOPLE = frozenset(lexicons.words("casualty_generic_people"))


def _restated(toks: list[_Tok], head: _NP, listed: list[_NP]) -> bool:
    """A figure of people in general, a comma, then phrases that add up to it: an apposition
    that tells who they were, not more victims."""
    if not listed or head.head not in _GENERIC_PEOPLE or head.value is None:
        return False
    if [toks[x].low for x in range(head.h1, listed[0].i0)] != [","]:
        return False
    return sum(n.value or 0 for n in listed) == head.value


_COORD_GAPS = tuple([*pre, *post] for pre in ([], [","]) for post in (
    ["and"], ["and", "his"], ["and", "her"], ["and", "their"], ["and", "its"])) + ([","],)


def _cue_starts(sc: _Scan) -> set[int]:
    return {c.t0 for c in sc.cues}


def _bind_tolls(sc: _Scan) -> None:
    toks, text = sc.toks, sc.low
    for m in _TOLL_RE.finditer(text):
        kind = "injured" if m.group("inj") else "killed"
        t_end = _tok_index(toks, m.end())
        cumulative = bool(_CUMULATIVE_RE.search(text[:m.start()]))
        for np in sc.nps:
            if np.i0 < t_end:
                continue
            if np.i0 - t_end > 20 or any(toks[x].text in (".", ";") for x in range(t_end, np.i0)):
                break
            if np.claimed or np.breakdown or (np.value is None and not np.neg):
                if np.value is None and _low(toks, np.i0 - 1) in _TOLL_LINK:
                    np.claimed = True  # "toll rose to dozens": vague
                    break
                continue
            if np.nonperson:
                continue
            if _low(toks, np.i0 - 1) in _TOLL_LINK:
                _add_hit(sc, np, (kind,), sc.new_group(), total=True, cumulative=cumulative)
                break


# "put the toll at 12, but the ministry later raised it to 14": the revised toll
# ("the toll, once put at 93, has now surged to 115": the toll itself rising)
_REVISED_RE = re.compile(
    rf"\b(?:{lexicons.pattern('toll_revision_stems')}\w*\s+(?:it|the\s+(?:death\s+)?toll|the\s+figure)"
    rf"\s+(?:up\s+)?|(?:has|have|had)\s+(?:now\s+|since\s+)?{lexicons.alternation('toll_rise_verbs')}\s+)to\s+$")


def _bind_revised(sc: _Scan) -> None:
    """A toll told again with 'raised it to N' after its first figure is that toll too."""
    heads = list(_TOLL_RE.finditer(sc.low))
    if not heads:
        return
    kind = "injured" if heads[0].group("inj") else "killed"
    for np in sc.nps:
        if np.claimed or np.value is None or np.nonperson or sc.toks[np.i0].start < heads[0].end():
            continue
        if _REVISED_RE.search(sc.low[max(0, sc.toks[np.i0].start - 40):sc.toks[np.i0].start]):
            _add_hit(sc, np, (kind,), sc.new_group(), total=True)


def _object_follows(sc: _Scan, c: _Cue) -> _NP | None:
    np = _np_at(sc, c.t1)
    if np is not None and not np.claimed and not np.breakdown:
        return np
    return None


# ------------------------------------------------------------- named victims
# "Luz Leon, a councilwoman, was seriously wounded", "the death of Miguel Colmenares":
# a named person is one victim.  Only looked for next to a cue, never elsewhere.
_NAME_LINK = set(lexicons.words("casualty_name_link"))  # data/lexicons/casualty_name_link
_NAME_STOP = (_STOP | _PERSON_SG | _PERSON_PL | _ATTACKERS | _NONPERSON
              | {w.lower() for w in _MONTHS | _WEEKDAYS}
              | {"police", "army", "government", "security", "military", "ministry",
                 "forces", "officials", "residents", "witnesses", "sources", "media",
                 "reuters", "afp", "ap", "state", "authorities", "prosecutors"})


def _name_tok(t: _Tok) -> bool:
    """A capitalised word of a name, or one joined to its particle ('al-Haddad', 'el-Sayed')."""
    head, dash, rest = t.text.partition("-")
    particle = bool(dash) and head.lower() in _NAME_LINK and rest[:1].isupper()
    return t.typ == "a" and (t.text[:1].isupper() or particle) and t.low not in _NAME_STOP


_PLACE_PREP = set(lexicons.words("casualty_place_prep"))  # data/lexicons/casualty_place_prep
_VICTIM_NOUNS = frozenset(lexicons.words("casualty_name_nouns"))
_RELATIVE_DAY = frozenset(lexicons.words("relative_day_words"))  # 'killed the previous day'



def _name_ok(toks: list[_Tok], a: int, b: int) -> bool:
    """Is a..b a plausible personal name (not "Palestinians", "FMLN", "in Burkina Faso")?"""
    if _low(toks, a - 1) in _PLACE_PREP and not (a >= 2 and toks[a - 2].low in _VICTIM_NOUNS):
        return False
    if b - a == 1:
        t = toks[a]
        at_start = a == 0 or toks[a - 1].text in "“\"'‘—–-:"
        if at_start or t.text.isupper() or t.low.endswith("s"):
            return False
    return True


def _name_ending(toks: list[_Tok], end: int) -> int | None:
    """Start of a name ending just before token `end`."""
    j = end
    while j > 0 and (_name_tok(toks[j - 1]) or (
            toks[j - 1].low in _NAME_LINK and j - 2 >= 0 and _name_tok(toks[j - 2])
            and j < end)):
        j -= 1
    if j == end or not _name_ok(toks, j, end):
        return None
    return j


def _name_starting(toks: list[_Tok], start: int) -> int | None:
    """End of a name starting at token `start` ("Miguel Colmenares, who ...")."""
    j = start
    while j < len(toks) and (_name_tok(toks[j]) or (
            toks[j].low in _NAME_LINK and j > start and j + 1 < len(toks)
            and _name_tok(toks[j + 1]))):
        j += 1
    if j == start or not _name_ok(toks, start, j):
        return None
    # "killed Israeli soldiers", "Patriotic Union [UP] members": adjectives, not names
    k = j
    if k < len(toks) and toks[k].text in "([":
        while k < len(toks) and toks[k].text not in ")]":
            k += 1
        k += 1
    if k < len(toks) and toks[k].typ == "a" and toks[k].low not in _STOP:
        return None
    return j


def _add_name(sc: _Scan, a: int, b: int) -> _NP:
    np = _NP(a, b, b, 1, article=True)
    sc.nps.insert(bisect_left([n.i0 for n in sc.nps], a), np)
    return np


def _name_after(sc: _Scan, c: _Cue) -> bool:
    toks = sc.toks
    k = c.t1
    if k < len(toks) and toks[k].typ == "w" and "year-old" in toks[k].low:
        k += 1  # "the death of 36-year-old Miguel Colmenares"
    end = _name_starting(toks, k)
    if end is None:
        return False
    kinds = tuple(x for x in c.kinds if x != "killed" or toks[c.t0].low != "lost")
    if not kinds or c.mode == "ambiguous":
        return False
    g = sc.new_group()
    _add_hit(sc, _add_name(sc, k, end), kinds, g)
    if _low(sc.toks, end) == "and":  # "the murder of X and Y"
        end2 = _name_starting(toks, end + 1)
        if end2 is not None:
            _add_hit(sc, _add_name(sc, end + 1, end2), kinds, g)
    return True


def _name_before(sc: _Scan, c: _Cue, after: int) -> bool:
    """'X was killed', 'X, 32, who was fatally injured', 'X and Y were abducted'."""
    toks = sc.toks
    j, aux = c.t0, False
    while j > 0 and (toks[j - 1].low in _AUX or (
            toks[j - 1].typ == "a" and toks[j - 1].low.endswith("ly"))):
        aux = aux or toks[j - 1].low in ("was", "is", "has", "had", "were")
        j -= 1
    if not aux:
        return False
    relative = _low(toks, j - 1) == "who"
    if relative:
        j -= 1
        if _low(toks, j - 1) != ",":
            return False
    start = None
    if relative and _name_ending(toks, j - 1) is not None:  # 'the funeral of X, who was killed'
        start, j = _name_ending(toks, j - 1), j - 1
    elif _low(toks, j - 1) == ",":  # one appositive: ", a councilwoman for Meta,"
        k = j - 2
        while k >= 0 and j - k <= 16 and toks[k].text not in (",", ".", ";", "(", ")"):
            k -= 1
        if k < 0 or toks[k].text != ",":
            return False
        start = _name_ending(toks, j - 1)  # "her husband, Parmenides Cuenca, was killed"
        if start is None or start != k + 1:
            start, j = _name_ending(toks, k), k
        else:
            j -= 1
    else:
        start = _name_ending(toks, j)
    if start is None or start < after or any(n.i0 == start and n.claimed for n in sc.nps):
        return False
    g = sc.new_group()
    _add_hit(sc, _add_name(sc, start, j), c.kinds, g)
    if _low(toks, start - 1) == "and":
        first = _name_ending(toks, start - 1)
        if first is not None:
            _add_hit(sc, _add_name(sc, first, start - 1), c.kinds, g)
    return True


def _bind_active(sc: _Scan) -> None:
    for c in sc.cues:
        if c.disabled or c.mode in ("post", "self"):
            continue
        np = _object_follows(sc, c)
        if np is None:
            if _name_after(sc, c):
                c.mode = "done"
            continue
        if np.nonperson:
            continue
        if sc.toks[c.t0].low == "lost" and (np.head is None or np.kind_noun is not None):
            continue  # "lost 3" could be a match; "lost three soldiers" is not
        kinds = c.kinds if c.mode != "ambiguous" else ()
        if np.kind_noun:  # "claimed six lives" -> killed; "left 25 deaths" etc.
            kinds = (np.kind_noun,)
        g = sc.new_group()
        if not kinds:
            np.claimed = True
            continue
        _add_hit(sc, np, kinds, g)
        _coordinate(sc, np, kinds, g, forward=True)
        _companions(sc, np.h1, kinds, g)
        c.mode = "done"


_COMPANION_LINKS = tuple(tuple(w.split()) for w in lexicons.words("casualty_companion_links"))


def _companions(sc: _Scan, at: int, kinds: tuple[str, ...], group: int) -> None:
    """'a soldier was killed along with two civilians': the phrase after the link at token
    `at` shares the count of the victims just bound."""
    for link in _COMPANION_LINKS:
        if _match_seq(sc.toks, at, link):
            np = _np_at(sc, at + len(link))
            if np is not None and not np.claimed and _eligible(np) and not np.neg:
                _add_hit(sc, np, kinds, group)
                _coordinate(sc, np, kinds, group, forward=True)
            return


def _gap_ok(sc: _Scan, a: int, b: int, limit: int) -> bool:
    """Can words a..b stand between a number phrase and its verb?"""
    toks = sc.toks
    words = 0
    for x in range(a, b):
        if _in_region(sc, x):
            continue
        t = toks[x]
        if t.text in _GAP_PUNCT:
            return False
        if t.low in _GAP_BLOCK:
            return False
        if t.low in _REPORTING and _low(toks, x - 1) not in _AUX | {"are", "being"}:
            return False
        if t.low in ("and", "or", "but") and _low(toks, x + 1) in _DETERMINERS:
            return False
        if t.typ != "p":
            words += 1
    return words <= limit


def _bind_passive(sc: _Scan) -> None:
    toks = sc.toks
    weekday_month = _WEEKDAYS | _MONTHS
    for c in sc.cues:
        if c.disabled or c.mode in ("pre", "ing", "done"):
            continue
        if c.mode in ("both", "ambiguous"):
            nxt = toks[c.t1] if c.t1 < len(toks) else None
            # "killed him", "killed the driver", "killed Ahmed": an object, no subject count
            time_after = nxt is not None and nxt.low == "the" and _low(toks, c.t1 + 1) in _RELATIVE_DAY
            if nxt is not None and not time_after and (nxt.low in _OBJECT_WORDS or (
                    nxt.typ == "a" and nxt.text[:1].isupper() and _cap(nxt) not in weekday_month
                    and nxt.low not in ("in", "on", "at", "as", "after", "by"))):
                if not sc.caps:
                    continue
            if _np_at(sc, c.t1) is not None and not _np_at(sc, c.t1).nonperson:
                continue
        cand = None
        for np in sc.nps:
            if np.h1 > c.t0:
                break
            if np.breakdown or np.nonperson or np.kind_noun is not None:
                continue
            if np.partitive and not _gap_ok(sc, np.h1, c.t0, 2):
                continue  # "Twenty people, four of whom are police, were hurt": twenty
            cand = np
        # a name right before the verb is nearer than any number phrase
        if c.mode not in ("self", "ambiguous") and not sc.caps and _name_before(
                sc, c, cand.h1 if cand is not None else 0):
            continue
        limit = 8 if cand is not None and cand.head else (6 if cand and cand.neg else 5)
        if cand is None or cand.claimed or not _gap_ok(sc, cand.h1, c.t0, limit):
            continue
        g = sc.new_group()
        if c.mode == "ambiguous":
            cand.claimed = True
            continue
        if c.mode == "self":
            _add_hit(sc, cand, ("killed",), g, suicide=True)
        else:
            _add_hit(sc, cand, c.kinds, g)
            _companions(sc, c.t1, c.kinds, g)
        _coordinate(sc, cand, c.kinds if c.mode != "self" else ("killed",), g, forward=False)
    # "blew himself up" with no number before it: one attacker
    for c in sc.cues:
        if c.mode == "self" and not any(h.order < c.t0 and h.suicide for h in sc.hits):
            refl = [x for x in range(c.t0, c.t1) if toks[x].low in ("himself", "herself")]
            if refl:
                x = refl[0]
                sc.hits.append(_Hit("killed", None, toks[x].start, toks[x].end, 1,
                                    sc.new_group(), who=None, perpetrator=True, suicide=True,
                                    text=toks[x].text, order=x))


_LIVES_VERBS = set(lexicons.words("casualty_lives_verbs"))  # data/lexicons/casualty_lives_verbs


def _lives_lost(toks: list[_Tok], i: int) -> bool:
    """'claimed six lives', 'the loss of 20 lives' (not 'saved 300 lives')."""
    before = _low(toks, i - 1)
    return before in _LIVES_VERBS or (before == "of" and _low(toks, i - 2) == "loss")


def _bind_nouns(sc: _Scan) -> None:
    """'25 deaths', '16 bodies were found', '16 slain workers', 'no casualties'."""
    for np in sc.nps:
        if np.claimed or np.breakdown:
            continue
        if np.kind_noun is not None:
            if np.head == "lives" and not _lives_lost(sc.toks, np.i0):
                np.claimed = True  # "saved 300 lives"
            elif np.kind_noun:
                _add_hit(sc, np, (np.kind_noun,), sc.new_group())
            np.claimed = True
        elif np.prenominal and not np.nonperson:
            _add_hit(sc, np, (np.prenominal,), sc.new_group())


def _bind_neg_nouns(sc: _Scan) -> set[int]:
    used: set[int] = set()
    for m in _NEG_NOUN_RE.finditer(sc.low):
        t0 = _tok_index(sc.toks, m.start())
        t1 = _tok_index(sc.toks, m.end())
        used.update(range(t0, t1))
        if m.group("imm"):
            continue  # "no immediate reports of casualties": not yet known
        noun = m.group("noun").lower()
        if noun.startswith("loss") or noun.startswith("lives"):
            kinds: tuple[str, ...] = ("killed",)
        else:
            kinds = _NEG_NOUN_KIND[noun]
        g = sc.new_group()
        for kind in kinds:
            sc.hits.append(_Hit(kind, None, m.start(), m.end(), 0, g, neg=True,
                                text=sc.text[m.start():m.end()], order=t0))
    return used


_LIST_HEADS = lexicons.mapping("casualty_victim_list_heads")
_VICTIM_LIST_RE = re.compile(
    rf"\b(?:(?P<head>{lexicons.alternation('casualty_victim_list_heads', lower=True)})"
    rf"|among\s+(?P<among>{lexicons.alternation('casualty_victim_list_heads', lower=True)}))"
    rf"\s+{lexicons.alternation('casualty_victim_list_verbs')}\s+")


def _bind_victim_lists(sc: _Scan) -> None:
    """'The dead included a policeman and two civilians', 'Among the wounded were three
    children': a list of the victims with no figure of its kind beside it is that figure."""
    for m in _VICTIM_LIST_RE.finditer(sc.low):
        kind = _LIST_HEADS[" ".join((m.group("head") or m.group("among")).split())]
        if any(h.kind == kind for h in sc.hits):
            continue  # 'Twelve died; among the dead were two soldiers': a breakdown
        t = _tok_index(sc.toks, m.end())
        np = next((n for n in sc.nps if n.i0 == t and not n.claimed and not n.nonperson
                   and n.kind_noun is None and n.value is not None), None)
        if np is None:
            continue
        listed = [n for n in sc.nps if n.i0 >= t]
        for n in listed:
            n.breakdown = False  # no total here: the list is the figure
        g = sc.new_group()
        _add_hit(sc, np, (kind,), g)
        _coordinate(sc, np, (kind,), g, forward=True)


def _mark_totals(sc: _Scan) -> None:
    """The figure a breakdown follows is a total ("nine people, including 4 soldiers")."""
    toks = sc.toks
    for r0, r1 in sc.regions:
        if not any(r0 <= np.i0 < r1 for np in sc.nps):
            continue
        j = r0 - 1
        while j >= 0 and toks[j].typ == "p":
            j -= 1
        for h in sc.hits:
            if h.np is None or _coordinated(sc, h):
                continue  # 'nine policemen and nine civilians, including four clerks': 18
            cue_end = _cue_end_for(sc, h)
            if h.np.h1 - 1 == j or cue_end - 1 == j:
                h.total = True
    m = _IN_ALL_RE.search(sc.low)
    if m and sc.hits:
        t = _tok_index(toks, m.start())
        nearest = min(sc.hits, key=lambda h: abs(h.order - t))
        for h in sc.hits:
            if h.group == nearest.group:
                h.total = True


def _coordinated(sc: _Scan, h: _Hit) -> bool:
    """The hit is one of phrases joined under one cue ('two soldiers and five civilians'):
    a breakdown after the last breaks down that phrase only, and the phrases still add up."""
    return any(o is not h and o.group == h.group and o.kind == h.kind for o in sc.hits)


def _cue_end_for(sc: _Scan, h: _Hit) -> int:
    """End token of the cue a passive hit was bound to (its nearest cue after it)."""
    assert h.np is not None
    for c in sc.cues:
        if c.t0 >= h.np.h1:
            return c.t1
    return -1


def _lower(text: str) -> str:
    """Lower case that keeps offsets ("İ".lower() has two code points)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def _scan(sentence: str) -> _Scan:
    low = _lower(sentence)
    sc = _Scan(sentence, low, [])
    if not _QUICK_RE.search(low):
        return sc
    sc.toks = _tokenize(sentence)
    sc.caps = len(sentence) > 20 and sentence[:200].isupper()
    cue_tok = _find_cues(sc)
    used = _bind_neg_nouns(sc)
    _find_nps(sc, cue_tok, used)
    _find_regions(sc, cue_tok)
    _bind_tolls(sc)
    _bind_revised(sc)
    _bind_active(sc)
    _bind_passive(sc)
    _bind_nouns(sc)
    _bind_victim_lists(sc)
    _mark_totals(sc)
    bounds = [i for i, t in enumerate(sc.toks) if t.low in _CLAUSE_SPLIT]
    for h in sc.hits:
        h.clause = bisect_left(bounds, h.order)
    sc.hits.sort(key=lambda h: (h.start, KINDS.index(h.kind)))
    return sc


