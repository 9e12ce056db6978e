"""Mentions: the sentences (or clauses of one) that tell an incident, typed and anchored.

A mention is a sentence, or a clause of one when a sentence tells several incidents with their
own dates or places, that holds a trigger; it carries the date, place, counts and actors its
words give. incidents.py merges them, assemble.py turns each merged incident into an Event.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .casualties import Count, find_counts, parse_number
from .. import lexicons
from .cues import REPORTING
from ..document import Doc
from .geo import Located, choose_place, located_name, rank_candidates
from .roles import CLAIMED
from .text import Sentence, fold
from .sense import (DEATH_ONLY, Frame, Verdict, article_frame, everyday_masked, hedged, hedged_in_parse,
                    judge, purpose)
from .taxonomy import (ATTACKERS, BOMB, CLASH, KILL, MOB, PROTEST, RIOT, SHELL, TRIGGER, EventKind,
                       _state_kills, classify, lexicon_rx, sentence_has_trigger)

PRECISION_RANK = {"day": 4, "week": 3, "month": 2, "year": 1, None: 0}
_MODAL = re.compile(rf"\b{lexicons.pattern('prefilter_hedges')}\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;,]\s+|\s+" + "(?:" + "|".join(lexicons.words("clause_break_words")) + r")\s+")


@dataclass
class Mention:
    sentence: int
    start: int
    end: int
    kind: EventKind
    trigger: tuple[int, int]
    date: object | None = None         # dates.TimeExpr
    place: Located | None = None
    counts: list[Count] = field(default_factory=list)
    groups: list = field(default_factory=list)  # actors.ActorMatch
    split: bool = False                # one of several incidents told in one sentence
    shared: bool = False               # one of several places told together ('in A, B and C')
    scope: bool = False                # a sum of incidents in many places ('nationwide clashes')
    elsewhere: bool = False            # 'four other people were killed elsewhere'
    later: bool = False                # 'a man was later shot dead': a sequel, maybe another incident
    headline: bool = False
    verdict: Verdict | None = None     # why the words tell an incident (sense.judge)
    recalled: bool = False             # an earlier incident recalled, no day of its own ('…, hours after a raid')
    claim_only: bool = False           # only what a group claims ('IS claimed the attack'): no incident alone




# named again to date or introduce another one
# --- finding mentions -------------------------------------------------------------------

def sentence_mentions(doc: Doc, index: int, gazetteer=None, frame: Frame | None = None) -> list[Mention]:
    s = doc.sentences[index]
    frame = frame or article_frame(doc.text)
    if not sentence_has_trigger(doc, index):
        return []
    if not _has_real_trigger(s.text) and not any(c.value == 0 for c in find_counts(s.text)):
        return []  # 'could attack', 'no protest' — but 'no one was hurt' is news
    dates = [d for d in doc.in_sentence(doc.dates, index)]
    claim = _CLAIMED.search(s.text)
    if claim:  # 'Later on Thursday, ISIL claimed responsibility for the attack': the claim's day
        dates = [d for d in dates if d.start >= s.start + claim.end()]
    toll_of = [d for d in dates if _toll_of(doc, d)]
    if toll_of:  # 'on Tuesday revised the toll from Monday's bombing to 20': the bombing's day
        dates = toll_of
    named = [d for d in dates if not _possessive(doc, d)]
    if len(named) < len(dates) and (named or _SINCE.search(s.text)):
        dates = named  # 'near the scene of Wednesday's shootout': another incident's day
    wounded_in = [d for d in dates if _WOUNDED_IN.search(doc.text[max(0, d.start - 60):d.start])]
    if wounded_in:  # 'died yesterday of injuries suffered in the Aug. 17 attack': the attack's day
        dates = wounded_in
    elif (_LATER_DEATH.search(s.text) or _TOLL_RISE.search(s.text)) and not _has_doer(s.text):
        # 'three of the wounded died in hospital on Tuesday', 'by Wednesday the toll had risen
        # to 11': the day of the deaths or of the count ('Sunday's unrest' still dates it)
        dates = [d for d in dates if _possessive(doc, d)]
    if _aggregate(s.text, dates, s.start):
        return []  # a tally over a period ("94 have died since May"): not one incident
    if _CONDITION.match(s.text) or _LAUNCH.search(s.text) and not any(
            c.value > 0 for c in find_counts(s.text)):
        return []  # 'If the attackers …, this could be …'; an offensive's start, with no victims
    dates = [d for d in dates if d.kind not in ("since", "header") and d.date
             and not _REPORTED_ON.search(doc.text[max(0, d.start - 40):d.start])
             and not _SINCE_CLAUSE.search(doc.text[max(s.start, d.start - 60):d.start])
             and not _future(d, doc.article.published)
             and not _contrast_clause_date(s.text, s.start, d)]
    follows = _FOLLOWS.search(s.text)
    if follows:  # 'Today's attack followed bombings in …': only the earlier incident is news
        if not TRIGGER.search(s.text, follows.end()):
            return []
        s = Sentence(s.start + follows.end(), s.end, s.text[follows.end():], s.paragraph)
        dates = [d for d in dates if d.start >= s.start]
    mentions = []
    for lo, hi in _segments(s.text, s.start, dates):
        parts = _place_segments(doc, lo, hi, gazetteer)
        told = [d for d in dates if lo <= d.start and d.end <= hi]
        for a, b in parts:  # places told in one clause share its date ('… on Wednesday while …')
            own = [d for d in told if a <= d.start and d.end <= b]
            shared = max((d for d in told if not _in_relative_clause(doc, lo, d)),
                         key=_date_rank, default=None)
            # '…, hours after a drone strike': an earlier incident, with no day of its own
            recalled = not own and a > s.start and _recalls(doc.text, s.start, a)
            found = _segment_mentions(doc, index, a, b, own, gazetteer, shared, frame)
            for m in found:
                m.recalled = recalled
            mentions.extend(found)
    if follows:  # told only as what the story's incident came after: needs its own anchor
        mentions = [m for m in mentions if _own_anchor(m)]
    if len(mentions) > 1:
        for m in mentions:
            m.split = True
    return mentions


def _own_anchor(m: Mention) -> bool:
    """A day, a place or a toll of its own ('hours after a drone strike killed three late on
    Wednesday'), not only a vague count from the story's day ('days after gang violence …')."""
    return bool(m.date is not None and m.date.precision == "day" or m.place is not None
                and m.place.location or any(c.value > 0 for c in m.counts))


# 'The attacks come four days after …', 'Monday's attack followed …': the story's incident,

_FOLLOWS = re.compile(
    r"^(?:\w+\W+){0,3}?" + lexicons.pattern("follows_subjects") + r"(?: in [A-Z][\w ]{0,30}?)?\s+"
    r"(?:(?:comes?|came)(?=\s+(?:\w+\s+){0,4}(?:after|before)\b)|follows?|followed)\s+"
    r"(?:just\s+|only\s+)?", re.IGNORECASE)
# '…, hours after a drone strike near Garissa': a clause that recalls an earlier incident
_RECALL_CLAUSE = re.compile(
    rf"(?:just\s+|only\s+|some\s+)?(?:(?:a|an|{lexicons.alternation('number_words')[3:-1]}|\d+)\s+)?"
    rf"{lexicons.alternation('time_units')}s?\s+(?:after|before)\b", re.IGNORECASE)
_RECALLED_AFTER = re.compile(_RECALL_CLAUSE.pattern + r"\s+$", re.IGNORECASE)


def _recalls(text: str, lo: int, at: int) -> bool:
    """The clause at `at` (in a sentence from `lo`) opens with, or follows, 'hours after'."""
    return bool(_RECALL_CLAUSE.match(text, at) or _RECALLED_AFTER.search(text, max(lo, at - 40), at))
# 'in several cities and towns', 'nationwide': a sum of incidents, told place by place later
_SCOPE = lexicon_rx("scope_phrases")
_ELSEWHERE = lexicon_rx("elsewhere_words")
_APART = re.compile(r"\belsewhere\b", re.IGNORECASE)
_LATER = lexicon_rx("sequel_words")
# habits, running totals and campaigns told as a whole: not one incident
_HABITUAL = lexicon_rx("habit_words")
_SINCE = lexicon_rx("tally_phrases")
_CAMPAIGN = lexicon_rx("campaign_phrases")
_TALLY = lexicon_rx("multi_incident_tallies")
_LAUNCH = lexicon_rx("offensive_launches")
_CONDITION = re.compile(rf"\W*{lexicons.alternation('conditional_openers')}\b", re.IGNORECASE)


# 'officials said Tuesday', 'told AFP on Wednesday': the day of the report, not of the event
# (but 'told AFP that late Monday …' dates what was told)
_REPORTED_ON = re.compile(
    rf"\b(?:told(?: (?!that\b)\w+){{1,3}}|{REPORTING}|"
    rf"{lexicons.pattern('report_day_verbs')}|"
    r"according to \w+(?: \w+)?)\s*,?\s*(?:on\s+|late\s+|early\s+|late on\s+)?$", re.IGNORECASE)


# 'the deadliest day since an uprising began in March 2011': a date of the background
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){1,6}$", re.I)


_CONTRAST = re.compile(rf"(?:,\s*|\s+){lexicons.alternation('contrast_conjunctions')}\s+", re.I)


def _contrast_clause_date(text: str, base: int, d) -> bool:
    """'31 were killed, but officials on Thursday were still checking the toll': a date in a
    clause opened by 'but' or 'although', with no event word of its own, dates that clause,
    not the incident told before it. `base` is the offset of `text` in the article."""
    turns = [m for m in _CONTRAST.finditer(text, 0, max(0, d.start - base))]
    if not turns or not TRIGGER.search(text, 0, turns[-1].start()):
        return False
    return not TRIGGER.search(text, turns[-1].end())


def _date_rank(d) -> tuple[int, bool]:
    """The finest date first; of equal ones, a stated day over one counted from another
    ('came hours after a drone strike … late on Wednesday': Wednesday)."""
    return PRECISION_RANK[d.precision], d.kind != "anchored"


def _in_relative_clause(doc: Doc, lo: int, d) -> bool:
    """'an act that killed 56 in September 2010': a date of another incident, not shared."""
    return bool(re.search(r"\b(?:that|which|who)\b[^,;]*$", doc.text[lo:d.start]))


# '... of (her) injuries suffered in the Aug. 17 attack': a later death from an earlier incident
_WOUNDED_IN = re.compile(rf"\b{lexicons.alternation('wounded_in')}\s+(?:the|a|an|last)\s+$", re.IGNORECASE)
_LATER_DEATH = lexicon_rx("later_deaths")
_TOLL_RISE = re.compile(rf"\btolls?\b(?:\s+[\w']+){{0,4}}?\s+{lexicons.alternation('toll_update_words')}\b",
                        re.IGNORECASE)


def _has_doer(text: str) -> bool:
    """A trigger that tells an act, not only a death or a wound ('gunmen shot …')."""
    return any(not DEATH_ONLY.fullmatch(m.group()) for m in TRIGGER.finditer(text))


_CLAIMED = re.compile(r"\bclaim(?:ed|s|ing)? (?:responsibility|credit)\b", re.IGNORECASE)


def _possessive(doc: Doc, d) -> bool:
    return doc.text[d.end:d.end + 2] in ("'s", "’s")


# 'the death toll from Monday night's bombing': the day a toll counts, the incident's own
_TOLL_OF = re.compile(r"\btoll\s+(?:from|of|in)\s+(?:the\s+)?$", re.IGNORECASE)


def _toll_of(doc: Doc, d) -> bool:
    return _possessive(doc, d) and bool(_TOLL_OF.search(doc.text[max(0, d.start - 30):d.start]))


def _future(d, published: date | None) -> bool:
    """'elections due in January 2014': a date after publication dates no incident."""
    return published is not None and d.date[:10] > published.isoformat()[:len(d.date)]


def _aggregate(text: str, dates: list, base: int = 0) -> bool:
    """'since the clashes erupted a fortnight ago, 94 people have died': a running total;
    'plunged into civil war in 2013': a war as a whole. The day a figure was given ('the army
    said on Thursday that 500 had been killed since April') does not make it one incident;
    `base` is the offset of `text` in the article."""
    if _CAMPAIGN.search(text) or _TALLY.search(text) or _HABITUAL.search(text) and not dates:
        return True
    # 'airstrikes over the past 48 hours killed three': a window of a day or three, no tally
    text = _SHORT_WINDOW.sub(lambda m: " " * len(m.group()), text)
    dates = [d for d in dates if not (d.kind == "since" and _SHORT_WINDOW.fullmatch(d.text))]
    since = _SINCE.search(text)
    if since and _tally_clause_only(text, since.start()):
        return True  # 'the council extended the mission in Sudan, where fighting has killed …'
    if any(d.kind == "since" for d in dates) or since:
        return not any(d.kind not in ("since", "header") and _names_day(d)
                       and not _REPORTED_ON.search(text[:max(0, d.start - base)]) for d in dates)
    return False


_SHORT_WINDOW = lexicon_rx("short_windows")
_WEEKDAY = lexicon_rx("weekdays")


def _names_day(d) -> bool:
    """A date of day precision, or a weekday that no publication date resolves ('on Tuesday'
    in a text with no date of its own): either names the incident's day."""
    return d.precision == "day" or d.date is None and bool(_WEEKDAY.search(d.text))


_RELATIVE = re.compile(r"\b(?:where|which|whose)\b", re.IGNORECASE)


def _tally_clause_only(text: str, at: int) -> bool:
    """The running total at `at` sits in a relative clause and no event word comes before it:
    the sentence tells something else about a place of long violence."""
    rel = None
    for rel in _RELATIVE.finditer(text, 0, at):
        pass
    return rel is not None and not TRIGGER.search(text, 0, rel.start())


def _unrest_article(doc: Doc) -> bool:
    """An article about riots or protests: its vague 'violence' means unrest, not an attack."""
    text = doc.text
    # arson and looting by armed attackers are part of their attacks, not unrest
    crowd = " ".join(s.text for s in doc.sentences if not ATTACKERS.search(s.text))
    unrest = len(RIOT.findall(crowd)) + len(PROTEST.findall(crowd))
    armed = len(BOMB.findall(text)) + len(CLASH.findall(text)) + len(SHELL.findall(text))
    return unrest >= 3 and unrest > armed


# an armed side named: a gunfight, not a crowd
_ARMED_SIDE = lexicon_rx("armed_side_words")
_CROWD_VIOLENCE = re.compile(RIOT.pattern + "|" + lexicon_rx("crowd_violence_words").pattern, re.I)
_MOB = MOB


def _as_unrest(doc: Doc, m: Mention, lethal_state: bool) -> Mention:
    """In a riot or protest story, a killing or a clash is part of the unrest: crowds that
    fight are rioters; deaths at the hands of forces that fired on a crowd are excessive
    force; a bomb hurled by a crowd is still a riot, and so are shops looted or burned."""
    kind, words = m.kind, doc.text[m.start:m.end]
    crude_bomb = kind.sub_event_type == "Remote explosive/landmine/IED"
    if kind.sub_event_type not in ("Attack", "Armed clash", "Looting/property destruction", "Mob violence") \
            and not crude_bomb:
        return m
    if _ARMED_SIDE.search(words):
        return m
    if _CROWD_VIOLENCE.search(words):
        m.kind = EventKind("Riots", "Mob violence" if _MOB.search(words) else "Violent demonstration", 5)
    elif crude_bomb:
        return m
    elif kind.sub_event_type == "Attack" and _state_kills(words) and not PROTEST.search(words):
        return m  # 'a teenager killed on Friday by police gunfire': forces' own attack, not the riot
    elif lethal_state and KILL.search(words):
        m.kind = EventKind("Protests", "Excessive force against protesters", 5)
    else:
        m.kind = EventKind("Riots", "Violent demonstration", 4)
    return m


def _lethal_state(doc: Doc, mentions: list[Mention]) -> bool:
    """The story leads with forces firing on protesters (its headline or first sentences)."""
    return any(m.kind.sub_event_type == "Excessive force against protesters" and m.sentence <= 2
               for m in mentions)


def _has_real_trigger(text: str) -> bool:
    """At least one trigger not governed by a modal, a negation or a purpose ('could attack',
    'no protest', 'troops sent to fight')."""
    return any(not _MODAL.search(text[max(0, m.start() - 40):m.start()]) and not purpose(text, m.start())
               for m in TRIGGER.finditer(text))


def _segments(text: str, base: int, dates: list) -> list[tuple[int, int]]:
    """Split a sentence between dates that differ, at the clause break nearest the next
    incident's trigger, so each incident keeps its own date and words."""
    distinct = []
    for d in sorted(dates, key=lambda d: d.start):
        if not distinct or d.date != distinct[-1].date:
            distinct.append(d)
    cuts = [base]
    if distinct:  # an incident told before the first date ('gunmen, behind an attack that …')
        cut = _best_break(text, base, base, distinct[0].start, relative=True)
        if cut is not None and TRIGGER.search(text, 0, cut - base):
            cuts.append(cut)
    for k, (prev, nxt) in enumerate(zip(distinct, distinct[1:])):
        # the next incident's trigger may follow its date ('… in the November 2015 bombings')
        reach = distinct[k + 2].start if k + 2 < len(distinct) else base + len(text)
        cut = _best_break(text, base, prev.end, nxt.start, reach=reach)
        if cut is not None:
            cuts.append(cut)
    cuts.append(base + len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _place_segments(doc: Doc, lo: int, hi: int, gazetteer=None) -> list[tuple[int, int]]:
    """Split a clause list that tells incidents at different places ('two were killed in
    Mandalay while four died in Monywa') at the break between them."""
    best = None  # the last break with an incident at another place on each side
    for m in _CLAUSE_BREAK.finditer(doc.text[lo:hi]):
        end, cut = lo + m.start(), lo + m.end()
        if not (TRIGGER.search(doc.text, lo, end) and TRIGGER.search(doc.text, cut, hi)):
            continue
        if _in_place_list(doc, end, cut):
            continue
        a, b = choose_place(doc, lo, end, (), gazetteer), choose_place(doc, cut, hi, (), gazetteer)
        if a and b and a.location and b.location and not _places_agree(a, b):
            best = (end, cut)
    if best is None:
        return [(lo, hi)]
    return [(lo, best[0]), *_place_segments(doc, best[1], hi, gazetteer)]


def _in_place_list(doc: Doc, end: int, cut: int) -> bool:
    """'in Songkhla, Narathiwat, and Yala': a break between two listed places."""
    before = any(p.end == end or doc.text[p.end:end].strip(" ,") == "" and p.end <= end
                 for p in doc.places if end - 3 <= p.end <= end)
    after = any(cut <= p.start <= cut + 5 and doc.text[cut:p.start].strip() in ("", "and", "or")
                for p in doc.places)
    return before and after


_RELATIVE_BREAK = re.compile(r"\s+(?:that|which)\s+(?=\w+ed\b|killed|left|claimed)")


def _best_break(text: str, base: int, lo: int, hi: int, relative: bool = False,
                reach: int | None = None) -> int | None:
    """The last clause break between two dates after which a trigger follows (before `reach`,
    by default the second date); with `relative`, only a relative clause ('an attack that
    killed 56 in 2010')."""
    best = None
    for m in (_RELATIVE_BREAK if relative else _CLAUSE_BREAK).finditer(text, lo - base, hi - base):
        if TRIGGER.search(text, m.end(), (reach or hi) - base):
            best = base + m.end()
    return best


def _segment_mentions(doc: Doc, index: int, lo: int, hi: int, dates: list,
                      gazetteer=None, shared_date=None, frame: Frame | None = None) -> list[Mention]:
    words = _mask_references(doc, lo, hi)
    if _forced_crush(doc):  # the stampede's toll is the force's: not an accident
        words = _CRUSH.sub(lambda m: " " * len(m.group()), words)
    kind = classify(_unhedged(everyday_masked(words))) or classify(words)
    trig = TRIGGER.search(words)
    if kind is None or trig is None:
        return []
    armed = [a.text for a in doc.actors if lo <= a.start and a.end <= hi
             and a.actor.kind in ("armed_group", "state_force")]
    counts = find_counts(words, lo)
    verdict = judge(words, kind, frame or article_frame(doc.text), armed,
                    toll=any(c.value > 0 for c in counts), none_hurt=any(c.value == 0 for c in counts))
    if verdict is None or _hedged_in_parse(doc, index, lo, words, verdict):
        return []  # a trigger in an everyday sense, hedged, or a death with no armed hand
    own_dates = [d for d in dates if lo <= d.start and d.end <= hi]
    date = max(own_dates, key=_date_rank, default=shared_date)
    groups = [a for a in doc.actors if lo <= a.start and a.end <= hi]
    skip = [(a.start, a.end) for a in doc.actors]
    place = choose_place(doc, lo, hi, skip, gazetteer, anchor=lo + trig.start())
    base = Mention(index, lo, hi, kind, (lo + trig.start(), lo + trig.end()), date,
                   place, _own_counts(words, lo, counts), groups, verdict=verdict)
    base.scope = bool(_SCOPE.search(words)) and not _ELSEWHERE.search(words) and \
        (place is None or place.location is None)
    base.elsewhere, base.later = bool(_APART.search(words)), bool(_LATER.search(words))
    base.claim_only = _claim_only(words, counts, own_dates)
    shares = _distributed(doc, lo, hi, base)
    if shares:
        return shares
    listed = _listed_places(doc, lo, hi, skip, gazetteer)
    if len(listed) < 2:
        return [base]
    return [Mention(index, lo, hi, kind, base.trigger, date, p, [], groups, shared=True,
                    verdict=verdict, claim_only=base.claim_only) for p in listed]


def _claim_only(words: str, counts: list[Count], dates: list) -> bool:
    """'IS claimed responsibility for the attack on the embassy': every trigger is what a group
    claims, with no toll and no day of its own — a claim about an incident told elsewhere
    (it may lend that incident its attacker), not news of one alone ('… claimed the bombing that
    killed 12 on Monday' tells it)."""
    claim = CLAIMED.search(words)
    if claim is None or TRIGGER.search(words, 0, claim.start()):
        return False
    return not any(c.value > 0 for c in counts) and not any(d.precision == "day" for d in dates)


# '…, a day after another family killed 13', '… comes after a bombing that killed 13': the
# toll of the earlier incident the clause recalls (not 'A day after the truce, 12 were killed')
_EARLIER_CLAUSE = re.compile(
    r"(?:,\s+(?:just\s+|only\s+)?(?:a|" + lexicons.alternation("number_words") + r"|\d+)\s+(?:days?|hours?|weeks?)"
    r"|\b(?:comes?|came|coming))\s+after\b", re.IGNORECASE)


def _own_counts(words: str, lo: int, counts: list[Count]) -> list[Count]:
    """The counts of a mention, without those of an earlier incident its clause recalls."""
    m = _EARLIER_CLAUSE.search(words)
    if m is None:
        return counts
    return [c for c in counts if c.start < lo + m.start()]


_CRUSH = lexicon_rx("crowd_crush")
_CROWD_FORCE = lexicon_rx("crowd_force")


def _forced_crush(doc: Doc) -> bool:
    """The article tells a stampede caused by forces firing on the crowd, in one sentence
    ('police fired tear gas …, prompting a stampede'): its stampede is no accident."""
    found = getattr(doc, "_forced_crush", None)
    if found is None:
        found = any(_CRUSH.search(s.text) and _CROWD_FORCE.search(s.text) for s in doc.sentences)
        doc._forced_crush = found
    return found


def _unhedged(words: str) -> str:
    """The words with hedged triggers blanked: a kind is read from what happened, not from
    what was planned or feared ('the suspect, arrested on Tuesday, had planned to attack a
    synagogue' is an arrest)."""
    for m in TRIGGER.finditer(words):
        if hedged(words, m.start()):
            words = words[:m.start()] + " " * (m.end() - m.start()) + words[m.end():]
    return words


def _hedged_in_parse(doc: Doc, index: int, lo: int, words: str, verdict: Verdict) -> bool:
    """The kept trigger hedged by its clause, where the sentence was parsed (speech sentences
    are, for quotes): 'X said Mexico should send peace demonstrators to the border'."""
    parsed = doc.parsed.get(index)
    at = words.find(verdict.trigger)
    if parsed is None or at < 0 or verdict.sense == "a nil toll":
        return False
    return hedged_in_parse(parsed, lo + at - doc.sentences[index].start)


# 'eight killed in three attacks: two in Tumaco, five in Caucasia and one in Cali': a toll
# shared out place by place (a number, maybe its noun, then 'in' and a place)
# ('14 police officers and soldiers in Mandera county': the noun may take a few words)
_SHARE = re.compile(r"(?<![\w-])(?P<num>\d{1,4}|(?i:%s))(?:\s+(?:of\s+them|(?!(?:in|at|were|was)\b)"
                    r"[a-z-]+)){0,5}?\s+(?:(?:were|was)\s+(?:\w+\s+){0,2})?(?:in|at)\s+(?:the\s+)?$"
                    % lexicons.alternation("number_words")[3:-1])


def _distributed(doc: Doc, lo: int, hi: int, base: Mention) -> list[Mention]:
    """One mention per place a toll is shared out over, each with its own share of the
    victims ('two in Tumaco, five in Caucasia'), the total given to none; [] unless two or
    more places get a share."""
    kinds = [c.kind for c in base.counts if c.kind in ("killed", "injured")]
    if not kinds and base.kind.sub_event_type == "Arrests":
        kinds = ["arrested"]  # 'arrests included 50 in Kisumu, 25 in Nakuru'
    if not kinds:
        return []
    shares = []
    for m in doc.places:
        if not (lo <= m.start and m.end <= hi and m.candidates):
            continue
        before = _SHARE.search(doc.text[max(lo, m.start - 60):m.start])
        value = parse_number(before["num"]) if before else None
        place = rank_candidates(m.candidates, doc.countries)[0]
        if value is not None and place.kind != "country":  # 'three attacks in Colombia'
            shares.append((m, place, value))
    if len(shares) < 2:
        return []
    return [Mention(base.sentence, lo, hi, base.kind, base.trigger, base.date,
                    Located(p, m.start, m.end, False),
                    [Count(kinds[0], v, m.start, m.end, doc.text[m.start:m.end], None, False, False)],
                    base.groups, split=True, verdict=base.verdict) for m, p, v in shares]


def _mask_references(doc: Doc, lo: int, hi: int) -> str:
    """The words of a mention with 'Wednesday's shootout' blanked when the mention has a date
    of its own: a day-named reference to another incident says nothing of this one's kind."""
    words = doc.text[lo:hi]
    inside = [d for d in doc.dates if lo <= d.start and d.end <= hi]
    if all(_possessive(doc, d) for d in inside):
        return words
    for d in inside:
        if _possessive(doc, d) and not _toll_of(doc, d):
            m = re.match(r"['’]s\s+\w+", doc.text[d.end:hi])
            if m:
                a, b = d.start - lo, d.end + m.end() - lo
                words = words[:a] + " " * (b - a) + words[b:]
    return words


_BETWEEN = re.compile(r"\b(?:between|from)\s+(?:the\s+)?(?:towns?\s+of\s+|cities\s+of\s+)?$",
                      re.IGNORECASE)


def _listed_places(doc: Doc, lo: int, hi: int, skip, gazetteer=None) -> list[Located]:
    """'in Songkhla, Narathiwat, and Yala': places of one kind joined only by commas/'and'."""
    found = [m for m in doc.places if lo <= m.start and m.end <= hi and m.candidates
             and not any(s <= m.start and m.end <= e for s, e in skip)]
    run: list = []
    for m in found:
        # joined by a comma or 'and': 'Queen Elizabeth National Park' is one name, not a list
        if run and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)", doc.text[run[-1].end:m.start]):
            run.append(m)
        elif len(run) < 2:
            run = [m]
    if len(run) < 2 or _BETWEEN.search(doc.text[max(lo, run[0].start - 40):run[0].start]):
        return []  # 'on the highway between X and Y': one place on a road, not a list
    places = [rank_candidates(m.candidates, doc.countries)[0] for m in run]
    if any(p.kind == "country" for p in places):
        return []
    listed = _one_per_place([located_name(m, p, gazetteer) for p, m in zip(places, run)])
    return listed if len(listed) >= 2 else []


def _one_per_place(listed: list[Located]) -> list[Located]:
    """'in Maiduguri, Borno state': a town and the province it lies in name one place (the
    town), not two; the places of a real list ('in Songkhla, Narathiwat and Yala') differ."""
    kept: list[Located] = []
    for x in listed:
        if kept and _places_agree(kept[-1], x):
            kept[-1] = max(kept[-1], x, key=lambda p: p.specificity)
        else:
            kept.append(x)
    return kept


# --- comparing places ---------------------------------------------------------------

def _places_agree(a: Located | None, b: Located | None) -> bool:
    """Unknown or country-wide agrees with anything in the country; two towns or villages
    agree only by name; a region agrees with what lies in it."""
    if a is None or b is None:
        return True
    pa, pb = a.place, b.place
    if pa.country != pb.country:
        return False
    if a.location is None or b.location is None or fold(a.location) == fold(b.location):
        return True
    if _is_point(a) and _is_point(b):
        return False
    ra, rb = _region_of(a), _region_of(b)
    return ra is None or rb is None or ra == rb


def _is_point(x: Located) -> bool:
    return x.unlisted or x.place.kind == "city"


def _region_of(x: Located) -> str | None:
    """The province a place lies in; None when unknown (a village placed only by country)."""
    return None if x.place.kind == "country" else _admin1(x.place)


# --- assembling the event ---------------------------------------------------------------


def _admin1(place) -> str | None:
    if place is None or place.kind == "country":
        return None
    return place.name if place.kind == "admin1" else place.admin1
