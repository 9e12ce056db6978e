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

from .casualties import Count, find_counts
from .document import Doc
from .geo import KIND_RANK, Located, article_countries, choose_place, country_in, rank_candidates
from .ledger import Event, Span
from .roles import assign_roles
from .taxonomy import BOMB, CLASH, PROTEST, RIOT, SHELL, TRIGGER, EventKind, classify

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
_ANAPHORA = re.compile(r"\b(?:the|that|this|today's|yesterday's|tuesday's|the latest) "
                       r"(?:attack|blast|bombing|explosion|ambush|raid|strike|clash|violence|"
                       r"incident|assault|shooting|protest|riot)s?\b", re.IGNORECASE)
_THERE = re.compile(r"\bthere\b", re.IGNORECASE)


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


@dataclass
class Draft:
    mentions: list[Mention]

    @property
    def kind(self) -> EventKind:
        """The kind most of the incident's words support: each mention votes with the
        specificity of its wording, mentions that only elaborate (no date, place or count) at half."""
        votes: dict[EventKind, float] = {}
        for m in self.mentions:
            weight = 1.0 if (m.date or m.place or m.counts) else 0.5
            votes[m.kind] = votes.get(m.kind, 0) + m.kind.rank * weight
        return max(votes, key=lambda k: (votes[k], k.rank))

    @property
    def date(self):
        dated = [m.date for m in self.mentions if m.date is not None]
        return max(dated, key=lambda d: PRECISION_RANK[d.precision], default=None)

    @property
    def place(self) -> Located | None:
        placed = [m.place for m in self.mentions if m.place is not None]
        return max(placed, key=lambda p: p.specificity, default=None)


def extract_events(doc: Doc, gazetteer, actors) -> list[Event]:
    doc.countries = article_countries(doc, gazetteer)
    unrest = _unrest_article(doc)
    mentions = [m for i in doc.live_sentences() for m in sentence_mentions(doc, i, gazetteer)]
    if unrest:
        mentions = [_as_unrest(m) for m in mentions]
    drafts = merge_mentions(doc, mentions)
    placed: dict[int, Located] = {}  # sentence → the place its incident was given
    events = []
    for d in sorted(drafts, key=lambda d: d.mentions[-1].sentence):
        event = to_event(doc, d, gazetteer, placed)
        if event is not None:
            events.append(event)
    return sorted(events, key=lambda e: e.evidence[0].start)


# --- finding mentions -------------------------------------------------------------------

def sentence_mentions(doc: Doc, index: int, gazetteer=None) -> list[Mention]:
    s = doc.sentences[index]
    if not TRIGGER.search(s.text) or not _has_real_trigger(s.text):
        return []
    dates = [d for d in doc.in_sentence(doc.dates, index)]
    if _aggregate(s.text, dates):
        return []  # a tally over a period ("94 have died since May"): not one incident
    dates = [d for d in dates if d.kind not in ("since", "header") and d.date
             and not _REPORTED_ON.search(doc.text[max(0, d.start - 40):d.start])]
    mentions = []
    for lo, hi in _segments(s.text, s.start, dates):
        mentions.extend(_segment_mentions(doc, index, lo, hi, dates, gazetteer))
    if len(mentions) > 1:
        for m in mentions:
            m.split = True
    return mentions


_SINCE = re.compile(r"\b(?:since|so far this year|in the past (?:\w+ )?(?:days|weeks|months|years)|"
                    r"over the past|this year alone|to date)\b", re.IGNORECASE)


# 'officials said Tuesday', 'told AFP on Wednesday': the day of the report, not of the event
_REPORTED_ON = re.compile(
    r"\b(?:said|says|told \w+(?: \w+){0,2}|announced|reported|confirmed|added|stated|"
    r"according to \w+(?: \w+)?)\s*,?\s*(?:on\s+|late\s+|early\s+|late on\s+)?$", re.IGNORECASE)


def _aggregate(text: str, dates: list) -> bool:
    """'since the clashes erupted a fortnight ago, 94 people have died': a running total."""
    if any(d.kind == "since" for d in dates) or _SINCE.search(text):
        return not any(d.kind not in ("since", "header") and d.precision == "day" for d in dates)
    return False


def _unrest_article(doc: Doc) -> bool:
    """An article about riots or protests: its vague 'violence' means unrest, not an attack."""
    text = doc.text
    unrest = len(RIOT.findall(text)) + len(PROTEST.findall(text))
    armed = len(BOMB.findall(text)) + len(CLASH.findall(text)) + len(SHELL.findall(text))
    return unrest >= 3 and unrest > 2 * armed


def _as_unrest(m: Mention) -> Mention:
    words_kind = m.kind
    if words_kind.event_type == "Violence against civilians" and words_kind.rank <= 3:
        m.kind = EventKind("Riots", "Violent demonstration", 4)
    return m


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
    for prev, nxt in zip(distinct, distinct[1:]):
        cut = _best_break(text, base, prev.end, nxt.start)
        if cut is not None:
            cuts.append(cut)
    cuts.append(base + len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


_RELATIVE_BREAK = re.compile(r"\s+(?:that|which)\s+(?=\w+ed\b|killed|left|claimed)")


def _best_break(text: str, base: int, lo: int, hi: int, relative: bool = False) -> int | None:
    """The last clause break between two dates after which a trigger follows; with
    `relative`, only a relative clause ('an attack that killed 56 in 2010')."""
    best = None
    for m in (_RELATIVE_BREAK if relative else _CLAUSE_BREAK).finditer(text, lo - base, hi - base):
        if TRIGGER.search(text, m.end(), hi - base):
            best = base + m.end()
    return best


def _segment_mentions(doc: Doc, index: int, lo: int, hi: int, dates: list,
                      gazetteer=None) -> list[Mention]:
    words = doc.text[lo:hi]
    kind = classify(words)
    trig = TRIGGER.search(words)
    if kind is None or trig is None:
        return []
    own_dates = [d for d in dates if lo <= d.start and d.end <= hi]
    date = max(own_dates, key=lambda d: PRECISION_RANK[d.precision], default=None)
    groups = [a for a in doc.actors if lo <= a.start and a.end <= hi]
    skip = [(a.start, a.end) for a in doc.actors]
    base = Mention(index, lo, hi, kind, (lo + trig.start(), lo + trig.end()), date,
                   choose_place(doc, lo, hi, skip, gazetteer), find_counts(words, lo), groups)
    listed = _listed_places(doc, lo, hi, skip)
    if len(listed) < 2:
        return [base]
    return [Mention(index, lo, hi, kind, base.trigger, date, p, [], groups) for p in listed]


def _listed_places(doc: Doc, lo: int, hi: int, skip) -> list[Located]:
    """'in Songkhla, Narathiwat, and Yala': places of one kind joined only by commas/'and'."""
    found = [m for m in doc.places if lo <= m.start and m.end <= hi and m.candidates
             and not any(s <= m.start and m.end <= e for s, e in skip)]
    run: list = []
    for m in found:
        if run and re.fullmatch(r",?\s*(?:and\s+|,\s*)?", doc.text[run[-1].end:m.start]):
            run.append(m)
        elif len(run) < 2:
            run = [m]
    if len(run) < 2:
        return []
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
        target = _elaborated(doc, drafts, m) or _same_incident(drafts, m)
        if target is not None:
            target.mentions.append(m)
        else:
            drafts.append(Draft([m]))
    for m in headline:  # a headline sums up an incident the body tells: join it, first
        target = _headline_target(drafts, m)
        if target is not None:
            target.mentions.insert(0, m)
        else:
            drafts.insert(0, Draft([m]))
    return drafts


def _headline_target(drafts: list[Draft], m: Mention) -> Draft | None:
    fitting = [d for d in drafts if _kinds_agree(d.kind, m.kind) and _places_agree(d.place, m.place)]
    if not fitting:
        return None
    killed = {c.value for c in m.counts if c.kind == "killed"}
    same_toll = [d for d in fitting if killed & {c.value for x in d.mentions for c in x.counts
                                                  if c.kind == "killed"}]
    return (same_toll or fitting)[0]


def _elaborated(doc: Doc, drafts: list[Draft], m: Mention) -> Draft | None:
    """A mention with no date or place of its own that continues the previous incident
    ('The blast also wounded five.'), or refers back to it ('the attack')."""
    if not drafts or m.date is not None or m.split:
        return None
    last = drafts[-1]
    near = m.sentence - last.mentions[-1].sentence <= 2
    refers = bool(_ANAPHORA.search(doc.text[m.start:m.end]))
    if m.place is not None and not _places_agree(last.place, m.place):
        return None
    if (near or refers) and _kinds_agree(last.kind, m.kind):
        return last
    return None


def _same_incident(drafts: list[Draft], m: Mention) -> Draft | None:
    for d in reversed(drafts):
        if any(x.sentence == m.sentence for x in d.mentions) and m.split:
            continue
        if not _kinds_agree(d.kind, m.kind):
            continue
        if not _dates_agree(d.date, m.date) or not _places_agree(d.place, m.place):
            continue
        if d.date is None and m.date is None and (d.place is None or m.place is None):
            continue  # too little in common to call it one incident
        return d
    return None


def _kinds_agree(a: EventKind, b: EventKind) -> bool:
    if a.event_type == b.event_type:
        return True
    fa, fb = FAMILY[a.event_type], FAMILY[b.event_type]
    return fa == fb or "other" in (fa, fb) and "unrest" in (fa, fb)


def _dates_agree(a, b) -> bool:
    """Unknown agrees with anything; stated dates must be the same at the same precision
    ('earlier this month' is not 'on Tuesday'), a week-precision date within 3 days."""
    if a is None or b is None:
        return True
    if a.precision != b.precision and "week" not in (a.precision, b.precision):
        return False
    n = min(len(a.date), len(b.date))
    if a.precision == "week" or b.precision == "week":
        try:
            return abs((date.fromisoformat(a.date[:10]) - date.fromisoformat(b.date[:10])).days) <= 3
        except ValueError:
            return a.date[:7] == b.date[:7]
    return a.date[:n] == b.date[:n]


def _places_agree(a: Located | None, b: Located | None) -> bool:
    if a is None or b is None:
        return True
    pa, pb = a.place, b.place
    if pa.country != pb.country:
        return False
    if pa.name == pb.name or "country" in (pa.kind, pb.kind):
        return True
    if pa.kind == "admin1" or pb.kind == "admin1":
        return (pa.admin1 or pa.name) == (pb.admin1 or pb.name)
    return False


# --- assembling the event ---------------------------------------------------------------

def to_event(doc: Doc, d: Draft, gazetteer, placed: dict[int, Located]) -> Event | None:
    first = d.mentions[0]
    when, precision, date_span = _event_date(doc, d)
    located = d.place or _context_place(doc, d, placed)
    if located is not None:
        placed.update((m.sentence, located) for m in d.mentions)
    if date_span is None and located is None and first.sentence > 2:
        return None  # neither a date nor a place: not codable as one incident
    country = _event_country(doc, d, located, gazetteer)
    kind = d.kind
    if _militants_killed(d, kind):  # a security operation: both sides armed
        kind = EventKind("Battles", "Armed clash", kind.rank)
    fatalities, injured, count_spans = _casualties(d, kind)
    if injured == 0 and fatalities is None:
        fatalities = 0  # 'no one was hurt': nobody was killed either
    roles = assign_roles(doc.text[first.start:first.end], first.start, kind.event_type,
                         kind.sub_event_type, [g for m in d.mentions for g in m.groups],
                         gazetteer.country_name(country) if country else None)
    evidence = _evidence(doc, d)
    place = located.place if located else None
    exact = place is not None and place.kind != "country"
    provenance = {"event_type": list(_trigger_of(d)), **count_spans}
    if date_span:
        provenance["event_date"] = list(date_span)
    if located:
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
    )


def _event_date(doc: Doc, d: Draft):
    t = d.date
    if t is not None:
        return t.date, t.precision, (t.start, t.end)
    header = _header_date(doc, d.mentions[0].sentence)
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


def _context_place(doc: Doc, d: Draft, placed: dict[int, Located]) -> Located | None:
    """A place from the paragraph header, or from the previous sentence for 'there'."""
    first = d.mentions[0]
    s = doc.sentences[first.sentence]
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
    return None


def _event_country(doc: Doc, d: Draft, located: Located | None, gazetteer) -> str | None:
    if located is not None:
        return located.place.country
    for m in d.mentions:
        code = country_in(doc, gazetteer, m.start, m.end)
        if code:
            return code
    return doc.countries[0] if doc.countries else None


def _casualties(d: Draft, kind: EventKind) -> tuple[int | None, int | None, dict]:
    """The first figure an incident is given, replaced only by a larger toll or total told
    later ('the death toll rose to 28'), not by a detail ('one died in hospital'). In one
    mention, totals beat breakdowns and distinct groups add up; perpetrators count only in
    battles, or when alone."""
    result: dict[str, int | None] = {"killed": None, "injured": None}
    spans: dict = {}
    for m in d.mentions:
        for k, field_name in (("killed", "fatalities"), ("injured", "injured")):
            value, span, total = _mention_count(m.counts, k, kind.event_type == "Battles")
            if value is None:
                continue
            current = result[k]
            if current is None or (total and span is not None and value > current):
                result[k] = value
                if span:
                    spans[field_name] = list(span)
    return result["killed"], result["injured"], spans


def _militants_killed(d: Draft, kind: EventKind) -> bool:
    """'Six gunmen were killed in a special operation': the dead are the armed side."""
    if kind.event_type != "Violence against civilians":
        return False
    killed = [c for m in d.mentions for c in m.counts if c.kind == "killed"]
    return bool(killed) and all(c.perpetrator for c in killed)


def _mention_count(counts: list[Count], k: str, battle: bool):
    """(value, span) of one mention's figure; (0, None) when only the attackers died."""
    found = [c for c in counts if c.kind == k]
    if not found:
        return None, None, False
    victims = [c for c in found if battle or not c.perpetrator]
    if not victims:
        return 0, None, False  # a suicide bomber's own death is not a fatality of the attack
    totals = [c for c in victims if c.total]
    if totals:
        c = max(totals, key=lambda c: c.value)
        return c.value, (c.start, c.end), True
    return sum(c.value for c in victims), (victims[0].start, victims[-1].end), False


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
