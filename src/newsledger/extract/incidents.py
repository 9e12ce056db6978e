"""Incidents: mentions of one incident merged — a headline and its paragraph, a summary and
a later detail — when their dates, places and types agree."""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations
from datetime import date

from ..corpus.merge import MAX_KM as NEARBY_KM
from ..places.distance import haversine
from .. import lexicons
from ..document import Doc
from .geo import Located
from .taxonomy import TRIGGER, EventKind
from .mentions import PRECISION_RANK, Mention, _admin1, _places_agree
from .text import fold

FAMILY = {
    "Battles": "violence", "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence", "Protests": "unrest", "Riots": "unrest",
    "Strategic developments": "other",
}
_ANAPHORA = re.compile(rf"\b{lexicons.pattern('anaphora_determiners')} {lexicons.pattern('anaphora_nouns')}s?\b", re.IGNORECASE)
_PLURALS = frozenset(w.lower() for w in lexicons.words("incident_plurals"))
_PREQUEL = re.compile(rf"\W*{lexicons.pattern('prequel_openers')},", re.IGNORECASE)
_SEPARATE = re.compile(rf"^\W*(?:(?:in|during)\s+)?{lexicons.pattern('separate_openers')}\s+(?:\w+\s+)?"
                       rf"{lexicons.pattern('separate_incident_nouns')}\b", re.I)


_PROPERTY = "Looting/property destruction"
_REMOTE = "Explosions/Remote violence"


@dataclass
class Draft:
    mentions: list[Mention]
    # a nearby town an anaphor told it at ('the capital' … 'the attack on Pétionville'): its
    # places are then one area, and that town its closest place
    area: Located | None = None

    @property
    def kind(self) -> EventKind:
        """The event type most of the incident's words support (each mention votes with the
        specificity of its wording, mentions that only elaborate at half), and its most
        specific sub-type."""
        votes: dict[str, float] = {}
        # property burned belongs to the riot or attack it was part of (the annotation rules)
        burned = [m for m in self.mentions if m.kind.sub_event_type == _PROPERTY]
        voters = [m for m in self.mentions if m not in burned and m.kind.rank > 1] or self.mentions
        for m in voters:
            weight = 1.0 if (m.date or m.place or m.counts) else 0.5
            votes[m.kind.event_type] = votes.get(m.kind.event_type, 0) + m.kind.rank * weight
        event_type = max(votes, key=lambda t: votes[t])
        if _REMOTE in votes and all(m.kind.event_type == "Battles" and m.kind.rank <= 4 or not m.counts
                                    for m in voters if m.kind.event_type != _REMOTE):
            # 'the attack on the patrol' retells the bombing, it is no clash (a gunmen's attack
            # with victims of its own stays one: a bomb that opened the door is not the attack)
            event_type = _REMOTE
        if event_type == "Protests" and any(m.kind.event_type == "Riots" and not m.headline
                                            for m in self.mentions) and not any(
                m.kind.sub_event_type == "Excessive force against protesters" for m in self.mentions):
            event_type = "Riots"  # a protest that turned violent is coded as the riot it became
        # within the type, the most specific wording: 'suicide bombers' over 'the bombing'
        return max((m.kind for m in voters if m.kind.event_type == event_type),
                   key=lambda k: k.rank)

    @property
    def scope(self) -> bool:
        """Only sums over many places ('killing six in several cities') and their headline."""
        return any(m.scope for m in self.mentions) and all(m.scope or m.headline for m in self.mentions)

    @property
    def date(self):
        dated = [m.date for m in self.mentions if m.date is not None and not m.recalled] or \
            [m.date for m in self.mentions if m.date is not None]  # a recalled one has the sentence's day
        return max(dated, key=lambda d: PRECISION_RANK[d.precision], default=None)

    @property
    def place(self) -> Located | None:
        placed = [m.place for m in self.mentions if m.place is not None]
        # a recalled incident's 'near Garissa' gives way to where it is told again
        firm = [m.place for m in self.mentions if m.place is not None and not (m.recalled and m.place.near)]
        return max(firm or placed, key=lambda p: (p.specificity, p is self.area, not p.near), default=None)  # "in X" over "near Y"


def merge_mentions(doc: Doc, mentions: list[Mention]) -> list[Draft]:
    drafts: list[Draft] = []
    headline = [m for m in mentions if m.sentence == doc.title]
    for m in mentions:
        if m.sentence == doc.title:
            continue
        separate = bool(_SEPARATE.search(doc.text[m.start:m.end]))  # 'another explosion …'
        target = None if separate else _elaborated(doc, drafts, m) or _same_incident(doc, drafts, m) \
            or _town_of_part(doc, drafts, m) or _recalled_before(drafts, m)
        if target is not None:
            target.mentions.append(m)
        elif not _only_refers(doc, m):
            drafts.append(Draft([m]))
    for m in headline:  # a headline sums up an incident the body tells: join it, first
        m.headline = True
        target = _headline_target(drafts, m)
        if target is not None:
            if not _draft_place_agrees(target, m.place):
                m.place = None  # the headline named the province: the body's town places it
            target.mentions.insert(0, m)
        else:
            drafts.insert(0, Draft([m]))
    return [d for d in drafts if not _sum_of_parts(d, drafts)]


def _sum_of_parts(s: Draft, drafts: list[Draft]) -> bool:
    """'Explosions at the airport and a metro station killed 34', each blast then told at its
    own place: a sum, told only with a plural ('explosions', 'the attacks'), of two or more
    incidents at distinct places within it on its day is no incident of its own."""
    anchored = [m for m in s.mentions if m.date is not None or m.place is not None and m.place.location]
    if not anchored or not all(m.verdict and m.verdict.trigger.lower() in _PLURALS for m in anchored):
        return False
    parts = [d for d in drafts if d is not s and _kinds_agree(d.kind, s.kind)
             and _dates_agree(d.date, s.date) and d.place is not None and d.place.location
             and (s.place is None or _places_agree(s.place, d.place) or _nearby(s.place, d.place))]
    return any(not _places_agree(a.place, b.place) for a, b in combinations(parts, 2))


def _headline_target(drafts: list[Draft], m: Mention) -> Draft | None:
    fitting = [d for d in drafts if _kinds_agree(d.kind, m.kind) and _draft_place_agrees(d, m.place)] \
        or [d for d in drafts if _kinds_agree(d.kind, m.kind) and _names_province_of(m.place, d.place)]
    if not fitting:
        return None
    killed = {c.value for c in m.counts if c.kind == "killed"}
    same_toll = [d for d in fitting if killed & {c.value for x in d.mentions for c in x.counts
                                                  if c.kind == "killed"}]
    return (same_toll or fitting)[0]


def _names_province_of(headline: Located | None, body: Located | None) -> bool:
    """'Air strikes hit Idlib' over 'struck a market in Ariha in Idlib province': the
    headline's place bears the name of the province the body's place lies in (a headline
    names the region, though the gazetteer reads its city)."""
    if headline is None or body is None or headline.location is None:
        return False
    province = _admin1(body.place)
    return headline.place.country == body.place.country and province is not None \
        and fold(headline.location) == fold(province)


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
            and not (_prequel(doc, m) and d.kind.sub_event_type != m.kind.sub_event_type)
            and (FAMILY[d.kind.event_type] != "other" or FAMILY[m.kind.event_type] == "other")
            and (m.place is None or _draft_place_agrees(d, m.place)
                 or refers and _draft_nearby(d, m.place))]
    same = [d for d in fits if d.kind.event_type == m.kind.event_type]
    target = (same or fits or [None])[0]
    if target is not None and m.place is not None and not _draft_place_agrees(target, m.place):
        target.area = m.place
    return target


def _recalled_before(drafts: list[Draft], m: Mention) -> Draft | None:
    """'… attacked a checkpoint in Mandera, hours after a drone strike near Garissa', then 'The
    assault came hours after a drone strike killed three militants late on Wednesday …': an
    incident first only recalled, with no day of its own, is the one of its sub-type told
    again later."""
    for d in reversed(drafts):
        if all(x.recalled for x in d.mentions) \
                and d.kind.sub_event_type == m.kind.sub_event_type and d.scope == m.scope \
                and (d.place is None or m.place is None or d.place.place.country == m.place.place.country):
            return d
    return None


_TOWN_PARTS = frozenset(lexicons.words("town_part_kinds"))


def _town_of_part(doc: Doc, drafts: list[Draft], m: Mention) -> Draft | None:
    """'a teenager had been shot dead in the suburb of Sonkorong' in a story of clashes in the
    capital and in a provincial town: a part of a town the gazetteer lacks, with no town named
    in its words (the province it was given is the story's, not its own), belongs to the
    biggest town the story's incidents of its kind and day are told at."""
    part = m.place
    if part is None or not part.unlisted or part.name_kind not in _TOWN_PARTS or m.elsewhere or m.split:
        return None
    if any(m.start <= p.start and p.end <= m.end and p.candidates for p in doc.places):
        return None  # 'the suburb of X in Kindia': its own words say which town's
    towns = [d for d in drafts if d.place is not None and d.place.place.kind == "city"
             and not d.place.unlisted and d.place.place.country == part.place.country]
    biggest = max(towns, key=lambda d: d.place.place.population, default=None)
    if biggest is None or biggest.scope != m.scope or not _kinds_agree(biggest.kind, m.kind) \
            or not _dates_agree(biggest.date, m.date):
        return None
    if (m.later or _prequel(doc, m)) and biggest.kind.sub_event_type != m.kind.sub_event_type:
        return None
    return biggest


def _draft_nearby(d: Draft, place: Located) -> bool:
    """Every place the incident was given lies within `NEARBY_KM` of `place`: 'an attack on the
    capital …' then 'the attack on Pétionville', a suburb of it, tell one place more closely."""
    placed = [m.place for m in d.mentions if m.place is not None and m.place.location]
    return bool(placed) and all(_nearby(p, place) or _unlisted_within(place, p) for p in placed)


def _unlisted_within(small: Located, town: Located) -> bool:
    """'… in Kisumu City', then 'the ambush took place in Ombeyi district': a place the
    gazetteer lacks, placed only in the province the town lies in, may be part of that town."""
    return (small.unlisted and small.place.kind == "admin1" and not town.unlisted
            and town.place.kind == "city" and town.place.country == small.place.country
            and town.place.admin1 == small.place.name)


def _nearby(a: Located, b: Located) -> bool:
    """Two points of the gazetteer (not a region, nor a village placed at its region's
    coordinates) in one country, within `NEARBY_KM`."""
    if any(x.unlisted or x.place.kind != "city" for x in (a, b)) or a.place.country != b.place.country:
        return False
    return haversine(a.place.latitude, a.place.longitude, b.place.latitude, b.place.longitude) <= NEARBY_KM


def _prequel(doc: Doc, m: Mention) -> bool:
    """'Earlier, tanks shelled …': the sentence tells what came before the incident just told."""
    return bool(_PREQUEL.match(doc.text, doc.sentences[m.sentence].start))


def _only_refers(doc: Doc, m: Mention) -> bool:
    """'troops guarded Kandy, the epicenter of the violence', 'three days after the attack in
    Mosul': the only event words refer back to what was told, with no date or toll of their
    own — nothing new to code ('the attack on Pétionville was led by …' still tells where)."""
    if m.date is not None or m.counts:
        return False
    words = doc.text[m.start:m.end]
    refs = [(r.start(), r.end()) for r in _ANAPHORA.finditer(words)]
    anchor = any(re.search(rf"\b{lexicons.alternation('anchor_prepositions')}\s+$", words[:a]) for a, _ in refs)
    if not anchor and m.place is not None and re.search(
            r"\s+(?:on|in|at)\s+$", doc.text[max(m.start, m.place.start - 5):m.place.start]):
        return False
    return bool(refs) and all(any(a <= t.start() < b for a, b in refs) for t in TRIGGER.finditer(words))


def _arrest_elsewhere(m: Mention) -> bool:
    """'Eighty people were detained in the city of Arak': arrests at a place of their own
    are an incident of their own, not the intervention at another protest."""
    return m.kind.sub_event_type == "Arrests" and m.place is not None and m.place.location is not None


def _arrest_at_unrest(d: Draft, m: Mention) -> bool:
    """'55 people were arrested in London on Saturday night' in a story of that night's riot in
    Tottenham: arrests on the day of a riot or protest, at a town nearby, are part of it."""
    return (m.kind.sub_event_type == "Arrests" and FAMILY[d.kind.event_type] == "unrest"
            and d.date is not None and m.date is not None and d.date.date == m.date.date
            and m.place is not None and (_draft_place_agrees(d, m.place) or _draft_nearby(d, m.place)))


def _same_incident(doc: Doc, drafts: list[Draft], m: Mention) -> Draft | None:
    for d in reversed(drafts):
        if any(x.sentence == m.sentence for x in d.mentions) and m.split:
            continue
        if not _kinds_agree(d.kind, m.kind) or d.scope != m.scope:
            continue
        at_unrest = _arrest_at_unrest(d, m)
        if _arrest_elsewhere(m) and d.kind.event_type != m.kind.event_type and not at_unrest \
                or m.elsewhere:
            continue
        if (m.later or _prequel(doc, m)) and d.kind.sub_event_type != m.kind.sub_event_type:
            continue  # 'a man was later shot dead': after the bombing, another incident
        if not _dates_agree(d.date, m.date) or not (_draft_place_agrees(d, m.place) or at_unrest):
            continue
        if d.date is None and m.date is None and (d.place is None or m.place is None):
            continue  # too little in common to call it one incident
        return d
    return None


def _kinds_agree(a: EventKind, b: EventKind) -> bool:
    """Same type or family; property looted or burned belongs to the riot or the attack it
    was part of (the annotation rules)."""
    if {a.sub_event_type, b.sub_event_type} == {"Arrests", "Looting/property destruction"}:
        return False  # the arresting force is not the one that burned the property
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
    return all(_places_agree(m.place, place) or d.area is not None and m.place is not None and place is not None
               and _nearby(m.place, place) for m in d.mentions)
