"""Events: typed mentions found in sentences, merged into one event per incident.

A mention is a sentence (or a clause of one, when a sentence tells several incidents with
their own dates or places) that holds a trigger. Mentions of one incident — a headline and
its paragraph, a summary and a later detail — merge when their dates, places and types agree.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from .casualties import Count, figure, find_counts, next_figure, parse_number
from .. import lexicons
from .cues import REPORTING
from ..document import Doc
from .geo import Located, article_countries, article_province, choose_place, country_in, dateline_place, rank_candidates
from ..ledger import Event, Span
from .roles import Roles, claimed_by, event_roles
from .sense import Frame, Verdict, article_frame, hedged_in_parse, judge
from .text import Sentence, fold
from .taxonomy import (ATTACKERS, BOMB, CLASH, INTERVENTION, KILL, PROTEST, RIOT, SHELL, TRIGGER, EventKind,
                       _state_kills, classify, lexicon_rx)

PRECISION_RANK = {"day": 4, "week": 3, "month": 2, "year": 1, None: 0}
FAMILY = {
    "Battles": "violence", "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence", "Protests": "unrest", "Riots": "unrest",
    "Strategic developments": "other",
}
_MODAL = re.compile(
    r"\b(?:will|would|could|might|may|threaten(?:s|ed)? to|plan(?:s|ned)? to|vow(?:s|ed)? to|"
    r"to prevent|fears? of|warn(?:s|ed)? of|risk of|aim(?:s|ed)? to|prepar(?:e|ing) to|"
    r"if|unless|no)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(
    r"[;,]\s+|\s+(?:and|while|as|after|followed|follows|came after|comes after|"
    r"days after|weeks after|months after|a day after)\s+")
_ANAPHORA = re.compile(r"\b(?:the|that|this|today's|yesterday's|(?:mon|tues|wednes|thurs|fri|satur|sun)day's|"
                       r"the latest) "
                       r"(?:attack|blast|bombing|explosion|ambush|raid|strike|clash|violence|"
                       r"incident|assault|shooting|protest|riot)s?\b", re.IGNORECASE)
# 'in this city', 'here': the place the story was filed from
_HERE = re.compile(r"\b(?:in this (?:city|town|capital)|here)\b", re.IGNORECASE)
_THERE = re.compile(r"\bthere\b", re.IGNORECASE)
# the attacker's own death: no one else was killed (the gold's perpetrator rule)
_SELF_KILLED = re.compile(r"\b(?:attacker|bomber|assailant|gunman|militant)\b[^.;]{0,40}?\b"
                          r"(?:killing|killed) (?:him|her|himself|herself)\b|"
                          r"\bblew (?:himself|herself) up\b(?![^.]*\b(?:killing|killed)\b)", re.IGNORECASE)
_SCENE = re.compile(r"\b(?:the|that) (?:scene|site|area|spot)\b", re.IGNORECASE)


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


@dataclass
class Draft:
    mentions: list[Mention]

    @property
    def kind(self) -> EventKind:
        """The event type most of the incident's words support (each mention votes with the
        specificity of its wording, mentions that only elaborate at half), and its most
        specific sub-type."""
        votes: dict[str, float] = {}
        for m in self.mentions:
            weight = 1.0 if (m.date or m.place or m.counts) else 0.5
            votes[m.kind.event_type] = votes.get(m.kind.event_type, 0) + m.kind.rank * weight
        event_type = max(votes, key=lambda t: votes[t])
        if event_type == "Protests" and any(m.kind.event_type == "Riots" and not m.headline
                                            for m in self.mentions) and not any(
                m.kind.sub_event_type == "Excessive force against protesters" for m in self.mentions):
            event_type = "Riots"  # a protest that turned violent is coded as the riot it became
        # within the type, the most specific wording: 'suicide bombers' over 'the bombing'
        return max((m.kind for m in self.mentions if m.kind.event_type == event_type),
                   key=lambda k: k.rank)

    @property
    def scope(self) -> bool:
        """Only sums over many places ('killing six in several cities') and their headline."""
        return any(m.scope for m in self.mentions) and all(m.scope or m.headline for m in self.mentions)

    @property
    def date(self):
        dated = [m.date for m in self.mentions if m.date is not None]
        return max(dated, key=lambda d: PRECISION_RANK[d.precision], default=None)

    @property
    def place(self) -> Located | None:
        placed = [m.place for m in self.mentions if m.place is not None]
        return max(placed, key=lambda p: p.specificity, default=None)


def extract_events(doc: Doc, gazetteer) -> list[Event]:
    doc.countries = article_countries(doc, gazetteer)
    unrest = _unrest_article(doc)
    frame = article_frame(doc.text)
    mentions = [m for i in doc.live_sentences() for m in sentence_mentions(doc, i, gazetteer, frame)]
    if unrest:
        lethal = _lethal_state(doc, mentions)
        mentions = [_as_unrest(doc, m, lethal) for m in mentions]
    drafts = merge_mentions(doc, mentions)
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
    return events


# 'In December 2014 they killed 36 quarry workers': the doers of the incident told before
_PRONOUN_AGENT = re.compile(r"\b(?:they|he|she)\s+(?:\w+\s+)?(?:killed|attacked|shot|abducted|kidnapped|"
                            r"stormed|raided|bombed|beheaded|burned|torched|ambushed|hijacked)\b",
                            re.IGNORECASE)


def _resolve_pronoun_actors(doc: Doc, events: list[Event]) -> None:
    """An incident whose attackers are only 'they' takes the named attackers of the one before."""
    for prev, e in zip(events, events[1:]):
        if "actor1" in e.provenance or "actor1" not in prev.provenance:
            continue
        if e.actor1 and e.actor1.startswith("Unidentified") and _PRONOUN_AGENT.search(e.evidence[0].text):
            e.actor1 = prev.actor1


# --- finding mentions -------------------------------------------------------------------

def sentence_mentions(doc: Doc, index: int, gazetteer=None, frame: Frame | None = None) -> list[Mention]:
    s = doc.sentences[index]
    frame = frame or article_frame(doc.text)
    if not TRIGGER.search(s.text):
        return []
    if not _has_real_trigger(s.text) and not any(c.value == 0 for c in find_counts(s.text)):
        return []  # 'could attack', 'no protest' — but 'no one was hurt' is news
    dates = [d for d in doc.in_sentence(doc.dates, index)]
    claim = _CLAIMED.search(s.text)
    if claim:  # 'Later on Thursday, ISIL claimed responsibility for the attack': the claim's day
        dates = [d for d in dates if d.start >= s.start + claim.end()]
    named = [d for d in dates if not _possessive(doc, d)]
    if len(named) < len(dates) and (named or _SINCE.search(s.text)):
        dates = named  # 'near the scene of Wednesday's shootout': another incident's day
    wounded_in = [d for d in dates if _WOUNDED_IN.search(doc.text[max(0, d.start - 60):d.start])]
    if wounded_in:  # 'died yesterday of injuries suffered in the Aug. 17 attack': the attack's day
        dates = wounded_in
    if _aggregate(s.text, dates, s.start):
        return []  # a tally over a period ("94 have died since May"): not one incident
    dates = [d for d in dates if d.kind not in ("since", "header") and d.date
             and not _REPORTED_ON.search(doc.text[max(0, d.start - 40):d.start])
             and not _SINCE_CLAUSE.search(doc.text[max(s.start, d.start - 60):d.start])
             and not _future(d, doc.article.published)]
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
            mentions.extend(_segment_mentions(doc, index, a, b, own, gazetteer, shared, frame))
    if len(mentions) > 1:
        for m in mentions:
            m.split = True
    return mentions


# 'The attacks come four days after …', 'Monday's attack followed …': the story's incident,
# named again to date or introduce another one
_FOLLOWS = re.compile(
    r"^(?:\w+\W+){0,3}?(?:attacks?|blasts?|bombings?|violence|killings?|clashes|raid|strike|"
    r"unrest|protests?|ambush|explosions?)(?: in [A-Z][\w ]{0,30}?)?\s+"
    r"(?:(?:comes?|came)(?=\s+(?:\w+\s+){0,4}(?:after|before)\b)|follows?|followed)\s+"
    r"(?:just\s+|only\s+)?", re.IGNORECASE)
# 'in several cities and towns', 'nationwide': a sum of incidents, told place by place later
_SCOPE = re.compile(r"\b(?:nationwide|countrywide|across the (?:country|nation)|"
                    r"(?:in|to|across) (?:several|many|various|a number of|dozens of|other) "
                    r"(?:cities|towns|places|parts|"
                    r"areas|provinces|regions|districts))\b", re.IGNORECASE)
_ELSEWHERE = re.compile(r"\b(?:elsewhere|other (?:people|places)|others)\b", re.IGNORECASE)
_APART = re.compile(r"\belsewhere\b", re.IGNORECASE)
_LATER = re.compile(r"\b(?:later|separately|in a separate)\b", re.IGNORECASE)
# habits, running totals and campaigns told as a whole: not one incident
_HABITUAL = lexicon_rx("habit_words")
_SINCE = lexicon_rx("tally_phrases")
_CAMPAIGN = lexicon_rx("campaign_phrases")
_TALLY = lexicon_rx("multi_incident_tallies")


# 'officials said Tuesday', 'told AFP on Wednesday': the day of the report, not of the event
# (but 'told AFP that late Monday …' dates what was told)
_REPORTED_ON = re.compile(
    rf"\b(?:told(?: (?!that\b)\w+){{1,3}}|{REPORTING}|"
    r"(?:discovered|found|recovered|claimed responsibility(?: for [\w ]{0,30})?)|"
    r"according to \w+(?: \w+)?)\s*,?\s*(?:on\s+|late\s+|early\s+|late on\s+)?$", re.IGNORECASE)


# 'the deadliest day since an uprising began in March 2011': a date of the background
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){1,6}$", re.I)


def _date_rank(d) -> tuple[int, bool]:
    """The finest date first; of equal ones, a stated day over one counted from another
    ('came hours after a drone strike … late on Wednesday': Wednesday)."""
    return PRECISION_RANK[d.precision], d.kind != "anchored"


def _in_relative_clause(doc: Doc, lo: int, d) -> bool:
    """'an act that killed 56 in September 2010': a date of another incident, not shared."""
    return bool(re.search(r"\b(?:that|which|who)\b[^,;]*$", doc.text[lo:d.start]))


# '... of (her) injuries suffered in the Aug. 17 attack': a later death from an earlier incident
_WOUNDED_IN = re.compile(rf"\b{lexicons.alternation('wounded_in')}\s+(?:the|a|an|last)\s+$", re.IGNORECASE)
_CLAIMED = re.compile(r"\bclaim(?:ed|s|ing)? (?:responsibility|credit)\b", re.IGNORECASE)


def _possessive(doc: Doc, d) -> bool:
    return doc.text[d.end:d.end + 2] in ("'s", "’s")


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
    if any(d.kind == "since" for d in dates) or _SINCE.search(text):
        return not any(d.kind not in ("since", "header") and d.precision == "day"
                       and not _REPORTED_ON.search(text[:max(0, d.start - base)]) for d in dates)
    return False


def _unrest_article(doc: Doc) -> bool:
    """An article about riots or protests: its vague 'violence' means unrest, not an attack."""
    text = doc.text
    # arson and looting by armed attackers are part of their attacks, not unrest
    crowd = " ".join(s.text for s in doc.sentences if not ATTACKERS.search(s.text))
    unrest = len(RIOT.findall(crowd)) + len(PROTEST.findall(crowd))
    armed = len(BOMB.findall(text)) + len(CLASH.findall(text)) + len(SHELL.findall(text))
    return unrest >= 3 and unrest > armed


# an armed side named: a gunfight, not a crowd
_ARMED_SIDE = re.compile(r"\b(?:militants?|gunm[ae]n|rebels?|insurgents?|jihadists?|terrorists?|"
                         r"fighters?|militias?|militiam[ae]n|guerrillas?|bandits?)\b", re.I)
_CROWD_VIOLENCE = re.compile(RIOT.pattern + r"|\b(?:clash(?:es|ed)?|stones?|bricks?|sticks|"
                             r"fists|attacked police|torched)\b", re.I)
_MOB = re.compile(r"\b(?:mobs?|loot\w*|ransack\w*|vandali\w*)\b", re.I)


def _as_unrest(doc: Doc, m: Mention, lethal_state: bool) -> Mention:
    """In a riot or protest story, a killing or a clash is part of the unrest: crowds that
    fight are rioters; deaths at the hands of forces that fired on a crowd are excessive
    force; a bomb hurled by a crowd is still a riot, and so are shops looted or burned."""
    kind, words = m.kind, doc.text[m.start:m.end]
    crude_bomb = kind.sub_event_type == "Remote explosive/landmine/IED"
    if kind.sub_event_type not in ("Attack", "Armed clash", "Looting/property destruction") \
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
    return any(not _MODAL.search(text[max(0, m.start() - 40):m.start()])
               and not re.search(r"\bto\s+$", text[max(0, m.start() - 4):m.start()])
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
    kind = classify(words)
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
                   place, find_counts(words, lo), groups, verdict=verdict)
    base.scope = bool(_SCOPE.search(words)) and not _ELSEWHERE.search(words) and \
        (place is None or place.location is None)
    base.elsewhere, base.later = bool(_APART.search(words)), bool(_LATER.search(words))
    shares = _distributed(doc, lo, hi, base)
    if shares:
        return shares
    listed = _listed_places(doc, lo, hi, skip)
    if len(listed) < 2:
        return [base]
    return [Mention(index, lo, hi, kind, base.trigger, date, p, [], groups, shared=True,
                    verdict=verdict) for p in listed]


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
_SHARE = re.compile(r"(?<![\w-])(?P<num>\d{1,4}|(?i:%s))(?:\s+(?:more|others?|people|of\s+them|"
                    r"[a-z]+s))?\s+(?:(?:were|was)\s+(?:\w+\s+){0,2})?(?:in|at)\s+(?:the\s+)?$"
                    % lexicons.alternation("number_words")[3:-1])


def _distributed(doc: Doc, lo: int, hi: int, base: Mention) -> list[Mention]:
    """One mention per place a toll is shared out over, each with its own share of the
    victims ('two in Tumaco, five in Caucasia'), the total given to none; [] unless two or
    more places get a share."""
    kinds = [c.kind for c in base.counts if c.kind in ("killed", "injured")]
    if not kinds:
        return []
    shares = []
    for m in doc.places:
        if not (lo <= m.start and m.end <= hi and m.candidates):
            continue
        before = _SHARE.search(doc.text[max(lo, m.start - 40):m.start])
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
        if _possessive(doc, d):
            m = re.match(r"['’]s\s+\w+", doc.text[d.end:hi])
            if m:
                a, b = d.start - lo, d.end + m.end() - lo
                words = words[:a] + " " * (b - a) + words[b:]
    return words


_BETWEEN = re.compile(r"\b(?:between|from)\s+(?:the\s+)?(?:towns?\s+of\s+|cities\s+of\s+)?$",
                      re.IGNORECASE)


def _listed_places(doc: Doc, lo: int, hi: int, skip) -> list[Located]:
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
    return [Located(p, m.start, m.end, False) for p, m in zip(places, run)]


# --- merging mentions into incidents ---------------------------------------------------

def merge_mentions(doc: Doc, mentions: list[Mention]) -> list[Draft]:
    drafts: list[Draft] = []
    headline = [m for m in mentions if m.sentence == doc.title]
    for m in mentions:
        if m.sentence == doc.title:
            continue
        separate = bool(_SEPARATE.search(doc.text[m.start:m.end]))  # 'another explosion …'
        target = None if separate else _elaborated(doc, drafts, m) or _same_incident(drafts, m)
        if target is not None:
            target.mentions.append(m)
        elif not _only_refers(doc, m):
            drafts.append(Draft([m]))
    for m in headline:  # a headline sums up an incident the body tells: join it, first
        m.headline = True
        target = _headline_target(drafts, m)
        if target is not None:
            target.mentions.insert(0, m)
        else:
            drafts.insert(0, Draft([m]))
    return drafts


def _headline_target(drafts: list[Draft], m: Mention) -> Draft | None:
    fitting = [d for d in drafts if _kinds_agree(d.kind, m.kind) and _draft_place_agrees(d, m.place)]
    if not fitting:
        return None
    killed = {c.value for c in m.counts if c.kind == "killed"}
    same_toll = [d for d in fitting if killed & {c.value for x in d.mentions for c in x.counts
                                                  if c.kind == "killed"}]
    return (same_toll or fitting)[0]


def _elaborated(doc: Doc, drafts: list[Draft], m: Mention) -> Draft | None:
    """A mention with no date or place of its own that continues a recent incident
    ('The blast also wounded five.'), or refers back to it ('the attack'): of the incidents
    told in the last sentences, the latest of the same type, else the latest that fits."""
    if not drafts or m.date is not None or m.split or _arrest_elsewhere(m) or m.elsewhere \
            or _SEPARATE.search(doc.text[m.start:m.end]):
        return None  # 'in a separate attack …' begins another incident
    refers = bool(_ANAPHORA.search(doc.text[m.start:m.end]))
    recent = [d for d in reversed(drafts) if m.sentence - d.mentions[-1].sentence <= 2] or \
        ([drafts[-1]] if refers else [])
    # an arrest may add to a protest, but a protest does not continue an arrest
    fits = [d for d in recent if d.scope == m.scope and _kinds_agree(d.kind, m.kind)
            and (FAMILY[d.kind.event_type] != "other" or FAMILY[m.kind.event_type] == "other")
            and (m.place is None or _draft_place_agrees(d, m.place))]
    same = [d for d in fits if d.kind.event_type == m.kind.event_type]
    return (same or fits or [None])[0]


def _only_refers(doc: Doc, m: Mention) -> bool:
    """'troops guarded Kandy, the epicenter of the violence', 'three days after the attack in
    Mosul': the only event words refer back to what was told, with no date or toll of their
    own — nothing new to code ('the attack on Pétionville was led by …' still tells where)."""
    if m.date is not None or m.counts:
        return False
    words = doc.text[m.start:m.end]
    refs = [(r.start(), r.end()) for r in _ANAPHORA.finditer(words)]
    anchor = any(re.search(r"\b(?:after|before|since|following)\s+$", words[:a]) for a, _ in refs)
    if not anchor and m.place is not None and re.search(
            r"\s+(?:on|in|at)\s+$", doc.text[max(m.start, m.place.start - 5):m.place.start]):
        return False
    return bool(refs) and all(any(a <= t.start() < b for a, b in refs) for t in TRIGGER.finditer(words))


def _arrest_elsewhere(m: Mention) -> bool:
    """'Eighty people were detained in the city of Arak': arrests at a place of their own
    are an incident of their own, not the intervention at another protest."""
    return m.kind.sub_event_type == "Arrests" and m.place is not None and m.place.location is not None


def _same_incident(drafts: list[Draft], m: Mention) -> Draft | None:
    for d in reversed(drafts):
        if any(x.sentence == m.sentence for x in d.mentions) and m.split:
            continue
        if not _kinds_agree(d.kind, m.kind) or d.scope != m.scope:
            continue
        if _arrest_elsewhere(m) and d.kind.event_type != m.kind.event_type or m.elsewhere:
            continue
        if m.later and d.kind.sub_event_type != m.kind.sub_event_type:
            continue  # 'a man was later shot dead': after the bombing, another incident
        if not _dates_agree(d.date, m.date) or not _draft_place_agrees(d, m.place):
            continue
        if d.date is None and m.date is None and (d.place is None or m.place is None):
            continue  # too little in common to call it one incident
        return d
    return None


def _kinds_agree(a: EventKind, b: EventKind) -> bool:
    """Same type or family; property looted or burned belongs to the riot or the attack it
    was part of (the annotation rules)."""
    if a.event_type == b.event_type:
        return True
    if "Looting/property destruction" in (a.sub_event_type, b.sub_event_type):
        return True
    fa, fb = FAMILY[a.event_type], FAMILY[b.event_type]
    return fa == fb or "other" in (fa, fb) and "unrest" in (fa, fb)


def _dates_agree(a, b) -> bool:
    """Unknown agrees with anything; stated dates must be the same at the same precision
    ('earlier this month' is not 'on Tuesday'), a week-precision date within 3 days of
    another, and within a day of a stated day ('over the weekend' is not 'today')."""
    if a is None or b is None:
        return True
    if a.precision != b.precision and "week" not in (a.precision, b.precision):
        return False
    n = min(len(a.date), len(b.date))
    if a.precision == "week" or b.precision == "week":
        try:
            days = abs((date.fromisoformat(a.date[:10]) - date.fromisoformat(b.date[:10])).days)
            return days <= (3 if a.precision == b.precision else 1)
        except ValueError:
            return a.date[:7] == b.date[:7]
    return a.date[:n] == b.date[:n]


def _draft_place_agrees(d: Draft, place: Located | None) -> bool:
    """A place fits an incident when it agrees with every place the incident was given
    (a region named in one sentence and a town in the next both bind), and the incident
    was not told as happening 'elsewhere'."""
    if place is not None and place.location and any(m.elsewhere for m in d.mentions):
        return False
    return all(_places_agree(m.place, place) for m in d.mentions)


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

def to_event(doc: Doc, d: Draft, gazetteer, placed: dict[int, Located]) -> Event | None:
    first = d.mentions[0]
    when, precision, date_span = _event_date(doc, d)
    told_apart = any(m.elsewhere and m.counts for m in d.mentions)  # 'four others died elsewhere'
    located = d.place or (None if told_apart else _context_place(doc, d, placed))
    if located is None and not told_apart and not d.scope and \
            _event_country(doc, d, None, gazetteer) in doc.countries[:1]:
        located = article_province(doc, gazetteer)  # the story's one province, in its country
    if located is not None:
        placed.update((m.sentence, located) for m in d.mentions)
    lent = d.date is None and date_span is not None and _lead_date(doc, first) is not None \
        and date_span == (_lead_date(doc, first).start, _lead_date(doc, first).end)
    if (date_span is None or lent) and located is None and first.sentence > 2 and not told_apart:
        return None  # neither a date nor a place of its own: not codable as one incident
    country = _event_country(doc, d, located, gazetteer)
    kind = _with_intervention(doc, d, d.kind)
    if _militants_killed(d, kind):  # a security operation: both sides armed
        kind = EventKind("Battles", "Armed clash", kind.rank)
    fatalities, injured, count_spans = _casualties(doc, d, kind)
    roles = event_roles(doc.text, d.mentions, kind.event_type, kind.sub_event_type,
                        gazetteer.country_name(country) if country else None, gazetteer)
    evidence = _evidence(doc, d)
    place = located.place if located else None
    exact = place is not None and place.kind != "country"
    provenance = {"event_type": list(_trigger_of(d)), **count_spans}
    if date_span:
        provenance["event_date"] = list(date_span)
    if located and located.end > located.start:  # an implied province has no words of its own
        provenance["location"] = [located.start, located.end]
    if roles.span1:
        provenance["actor1"] = list(roles.span1)
    if roles.span2:
        provenance["actor2"] = list(roles.span2)
    return Event(
        event_id=_event_id(doc, d, kind),
        event_date=when, date_precision=precision, country=country,
        admin1=_admin1(place), admin2=place.admin2 if place and place.kind in ("city", "admin2") else None,
        location=located.location if located else None,
        latitude=round(place.latitude, 5) if exact else None,
        longitude=round(place.longitude, 5) if exact else None,
        geo_precision=_geo_precision(located),
        geonames_id=place.geonames_id if exact and not located.unlisted else None,
        event_type=kind.event_type, sub_event_type=kind.sub_event_type,
        actor1=roles.actor1, actor2=roles.actor2,
        fatalities=fatalities, injured=injured, evidence=evidence, provenance=provenance,
        confidence=_confidence(when, located, fatalities, roles),
        reason=_reason(doc, d, date_span, located),
    )


def _reason(doc: Doc, d: Draft, date_span, located: Located | None) -> str:
    """Why the event was kept, for a user who disagrees: the trigger, the sense that decided
    it (sense.judge) and the anchor — its own date or place, or the report's date."""
    best = max(d.mentions, key=lambda m: m.kind.rank)
    verdict = best.verdict or next((m.verdict for m in d.mentions if m.verdict), None)
    said = f"trigger '{verdict.trigger}' ({verdict.sense})" if verdict else "trigger"
    anchors = []
    if date_span:
        anchors.append(f"date '{doc.text[date_span[0]:date_span[1]]}'")
    if located:
        anchors.append(f"place '{doc.text[located.start:located.end]}'")
    return f"{said}; anchor: {', '.join(anchors) or 'the report (lead sentences)'}"


def _event_date(doc: Doc, d: Draft):
    t = d.date
    if t is not None:
        return t.date, t.precision, (t.start, t.end)
    header = _header_date(doc, d.mentions[0].sentence) or _carried_date(doc, d.mentions[0]) \
        or _lead_date(doc, d.mentions[0])
    if header is not None:
        return header.date, header.precision, (header.start, header.end)
    published = doc.article.published
    if published:
        # a fresh incident whose day is not stated: the report's week (ACLED precision 2)
        return published.isoformat(), "week", None
    return None, None, None


def _header_date(doc: Doc, index: int):
    para = doc.sentences[index].paragraph
    for t in doc.dates:
        if t.kind == "header" and doc.sentences[doc.sentence_at(t.start)].paragraph == para and t.date:
            return t
    return None


# 'In one attack, …', 'In a separate attack, …': one of the incidents a sentence before summed
# ('Another explosion hit …' at a clause's head begins another incident; 'yet another attack' inside
# a clause does not)
_ONE_OF = re.compile(r"^\W*(?:in|during)\s+(?:one|another|a\s+second|a\s+separate|a\s+further|"
                     r"the\s+(?:other|first|second|third|latest|deadliest))\s+(?:\w+\s+)?"
                     r"(?:attack|incident|bombing|blast|explosion|raid|ambush|strike|clash)\b", re.I)
_SEPARATE = re.compile(r"^\W*(?:(?:in|during)\s+)?(?:a\s+separate|another|a\s+second|a\s+further)\s+(?:\w+\s+)?"
                       r"(?:attack|incident|bombing|blast|explosion|raid|ambush|strike)\b", re.I)
_SUM = re.compile(r"\b(?:attacks|incidents|bombings|blasts|explosions|raids|ambushes|strikes|"
                  r"clashes)\b", re.I)


def _incident_days(doc: Doc, k: int) -> list:
    """The stated days of sentence k that date an incident (not a report, a reference or a
    background clause)."""
    prev = doc.sentences[k]
    return [t for t in doc.in_sentence(doc.dates, k) if t.date and t.kind not in ("since", "header")
            and t.precision == "day" and not _possessive(doc, t)
            and not _REPORTED_ON.search(doc.text[max(0, t.start - 40):t.start])
            and not _in_relative_clause(doc, prev.start, t)]


# a paragraph that turns to another incident than the story's
_NEW_DEVELOPMENT = re.compile(r"^\W*(?:separately|meanwhile|elsewhere|in\s+other\s+news|"
                              r"in\s+(?:another|a\s+separate|an\s+unrelated)\s+(?:incident|development|case))\b",
                              re.I)


def _lead_date(doc: Doc, m: Mention):
    """The story's day, for an incident told after the lead without a day of its own: 'Four
    attacks killed 57 on Monday' … 'In Kunduz, …'. The day the lead's incident is dated to
    (not the day it was reported), never lent to the lead itself nor across a paragraph
    that opens another development ('Separately, …', 'In another incident, …')."""
    if _NEW_DEVELOPMENT.search(doc.text[doc.sentences[m.sentence].start:m.end]):
        return None
    for k in [k for k in range(len(doc.sentences)) if k != doc.title][:2]:
        if k >= m.sentence:
            return None
        days = _incident_days(doc, k) if TRIGGER.search(doc.sentences[k].text) else []
        if days:
            return days[0]
    return None


def _carried_date(doc: Doc, m: Mention):
    """The day an undated incident takes from its context: the date of an incident told
    earlier in its paragraph ('Last Sunday, gunmen raided three villages. In one they
    killed nine.'), or, for 'in one attack' or 'in a separate attack', the date of the
    sentence that summed the attacks (a paragraph or two before). A date never crosses a
    paragraph break into an incident that is not one of those summed."""
    s = doc.sentences[m.sentence]
    one_of = bool(_ONE_OF.search(doc.text[s.start:m.end]))
    for k in range(m.sentence - 1, max(-1, m.sentence - (7 if one_of else 4)), -1):
        prev = doc.sentences[k]
        same_paragraph = prev.paragraph == s.paragraph
        if k == doc.title or not (same_paragraph or one_of):
            break
        if not TRIGGER.search(prev.text) or not same_paragraph and not _SUM.search(prev.text):
            continue
        dates = _incident_days(doc, k)
        if dates:
            return dates[0]
    return None


def _context_place(doc: Doc, d: Draft, placed: dict[int, Located]) -> Located | None:
    """A place from the paragraph header, the dateline for 'in this city', or from the
    previous sentence for 'there'."""
    first = d.mentions[0]
    s = doc.sentences[first.sentence]
    if any(_HERE.search(doc.text[m.start:m.end]) for m in d.mentions):
        filed = dateline_place(doc)
        if filed is not None:
            return filed
    para_start = min(x.start for x in doc.sentences if x.paragraph == s.paragraph)
    header = choose_place(doc, para_start, min(para_start + 40, s.end), (), None)
    if header is not None and (doc.text[para_start:para_start + 40].split(",")[0].isupper()
                               or any(t.kind == "header" for t in doc.dates
                                      if para_start <= t.start < para_start + 60)):
        if first.sentence > 1 or header.place.country in doc.countries[:1]:
            return header
    if first.sentence > 0 and doc.sentences[first.sentence - 1].paragraph == s.paragraph \
            or _THERE.search(doc.text[first.start:first.end]) and first.sentence > 0:
        # 'there', or a story going on in the same paragraph: the place just named
        prev = doc.sentences[first.sentence - 1]
        return placed.get(first.sentence - 1) or choose_place(doc, prev.start, prev.end, (), None)
    if _ANAPHORA.search(doc.text[first.start:first.end]) or _SCENE.search(doc.text[first.start:first.end]):
        # 'the clash sparked protests', 'near the scene': where the incident just told happened
        for k in range(first.sentence - 1, max(-1, first.sentence - 4), -1):
            if k in placed:
                return placed[k]
    return None


def _event_country(doc: Doc, d: Draft, located: Located | None, gazetteer) -> str | None:
    if located is not None:
        return located.place.country
    for m in d.mentions:
        code = country_in(doc, gazetteer, m.start, m.end)
        if code:
            return code
    return doc.countries[0] if doc.countries else None


def _casualties(doc: Doc, d: Draft, kind: EventKind) -> tuple[int | None, int | None, dict]:
    """The first figure an incident is given, replaced only by a larger toll told later as an
    update ('the death toll rose to 28'), not by a rival count or a detail ('one died in
    hospital'); victims a later mention adds ('another died') add up. In one mention, totals
    beat breakdowns and distinct groups add up; perpetrators count only in battles, or when
    alone. A headline's figure, or a lead's that sums several incidents ('two attacks killed
    nine … in one attack, a bomb killed five'), serves only when the body gives none, and a
    running toll ('bringing the death toll to six') never replaces the incident's own."""
    result: dict[str, int | None] = {"killed": None, "injured": None}
    spans: dict = {}
    shared = any(m.shared for m in d.mentions)
    for m in sorted(d.mentions, key=lambda m: m.headline or _sums(doc, m)):
        if shared and m.place is None:
            continue  # a toll told for several places together is no one place's
        for k, field_name in (("killed", "fatalities"), ("injured", "injured")):
            value, span, total = figure(m.counts, k, kind.event_type == "Battles")
            if value is None:
                continue
            new = next_figure(result[k], value, total and span is not None, doc.text[m.start:m.end],
                              m.counts, k, m.headline or _sums(doc, m))
            if new != result[k]:
                result[k] = new
                if span:
                    spans[field_name] = list(span)
    killed, injured = result["killed"], result["injured"]
    if killed is None and (injured == 0 or any(_SELF_KILLED.search(doc.text[m.start:m.end])
                                               for m in d.mentions)):
        killed = 0  # 'no one was hurt', or a grenade that killed only the man who held it
    return killed, injured, spans


# 'Two bomb attacks killed nine', 'a series of raids': a figure summed over several incidents
_SUMMED = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|multiple|twin|"
                     r"a\s+series\s+of|a\s+string\s+of|a\s+wave\s+of)\s+(?:separate\s+|different\s+|"
                     r"coordinated\s+|simultaneous\s+)?(?:\w+\s+)?(?:attacks|bombings|blasts|explosions|"
                     r"raids|ambushes|strikes|incidents)\b", re.I)


def _sums(doc: Doc, m: Mention) -> bool:
    return bool(_SUMMED.search(doc.text[m.start:m.end]))


def _with_intervention(doc: Doc, d: Draft, kind: EventKind) -> EventKind:
    """A peaceful protest whose reports tell of tear gas or arrests was met with intervention."""
    if kind.sub_event_type == "Peaceful protest" and any(
            INTERVENTION.search(doc.text[m.start:m.end]) for m in d.mentions):
        return EventKind("Protests", "Protest with intervention", kind.rank)
    return kind


def _militants_killed(d: Draft, kind: EventKind) -> bool:
    """'Six gunmen were killed in a special operation': the dead are the armed side."""
    if kind.event_type != "Violence against civilians":
        return False
    killed = [c for m in d.mentions for c in m.counts if c.kind == "killed"]
    return bool(killed) and all(c.perpetrator for c in killed)


def _evidence(doc: Doc, d: Draft) -> list[Span]:
    seen, out = set(), []
    for m in d.mentions:
        s = doc.sentences[m.sentence]
        if m.sentence not in seen:
            seen.add(m.sentence)
            out.append(Span(s.start, s.end, s.text))
    return out


def _trigger_of(d: Draft) -> tuple[int, int]:
    best = max(d.mentions, key=lambda m: m.kind.rank)
    return best.trigger


def _admin1(place) -> str | None:
    if place is None or place.kind == "country":
        return None
    return place.name if place.kind == "admin1" else place.admin1


def _geo_precision(located: Located | None) -> int | None:
    if located is None:
        return None
    kind = located.place.kind
    if located.unlisted:
        return 2
    if kind == "country" or kind == "admin1":
        return 3
    return 2 if located.near or kind == "admin2" else 1


def _confidence(when, located, fatalities, roles) -> float:
    score = 0.4 + 0.15 * (when is not None) + 0.15 * (located is not None)
    score += 0.15 * (fatalities is not None) + 0.1 * (roles.actor1 is not None)
    return round(min(score, 0.95), 2)


def _event_id(doc: Doc, d: Draft, kind: EventKind) -> str:
    """Stable for the same text: built from where the incident is first told, and how."""
    first = d.mentions[0]
    where = first.place.start if first.place else -1
    key = f"{doc.article.id}:{first.start}:{where}:{kind.sub_event_type}"
    return hashlib.sha1(key.encode()).hexdigest()[:12]
