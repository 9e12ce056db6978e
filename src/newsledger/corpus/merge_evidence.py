"""Comparing two reports field by field: the evidence that they tell one incident (`link`).

Some differences rule a merge out (a *conflict*): another country; dates that cannot overlap
given each report's own precision (a day, a week, a month; ±1 day between two exact days, for
overnight attacks and time zones); places more than 25 km apart, or in different provinces;
incompatible event types; two different named armed groups; a toll of 0 against one of 3 or
more. Otherwise each field adds evidence: the same day or an overlapping window, the same
place, a place inside the other's district or province (the gazetteer hierarchy the event rows
carry as admin1/admin2), the same sub-event type, the same named actor (an unidentified armed
group is compatible with a named one), close tolls. A pair whose evidence reaches
`MERGE_SCORE` is a link.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any

from rapidfuzz.fuzz import ratio

from .. import lexicons
from ..extract.text import fold
from ..places.distance import haversine

DAY_SLACK = 1          # days between two exact dates of one incident (overnight, time zones)
MAX_KM = 25.0          # "the same place or nearby"
SAME_KM = 2.0          # one spot: the same town centre, a landmark in it
MERGE_SCORE = 2.5      # evidence two reports (or two groups, on average) need to be merged
CLOSE_SHARE = 0.75     # tolls this close (smaller / larger) are "close"
ZERO_AGAINST = 3       # "nobody was killed" cannot be the incident another report counts 3+ dead
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# Pairs of types that reports of one incident commonly code differently.
COMPATIBLE_TYPES = {
    frozenset({"Explosions/Remote violence", "Violence against civilians"}),
    frozenset({"Explosions/Remote violence", "Battles"}),
    frozenset({"Battles", "Violence against civilians"}),
    frozenset({"Protests", "Riots"}),
}
# Pairs of types that are one incident only when the reports count the same dead: a mob's
# killing is mob violence in one report and an attack in another, but a riot and an attack in
# one town on one day are, without tolls that agree, two incidents.
TOLL_BOUND_TYPES = {
    frozenset({"Riots", "Violence against civilians"}),
}
Event = dict[str, Any]  # a row of the events table (store.MERGE_COLUMNS, with `published`)


@dataclass(frozen=True)
class Link:
    """The evidence that two reports are one incident: a score and the fields that agreed."""

    score: float
    parts: tuple[tuple[str, float, str], ...]  # (field, points, why)

    @property
    def agreed(self) -> dict[str, str]:
        return {name: f"{why} ({points:+g})" for name, points, why in self.parts}

    def as_dict(self) -> dict[str, Any]:
        return {"score": round(self.score, 2), "agreed": self.agreed}


def link(a: Event, b: Event) -> Link | None:
    """Field-by-field evidence that reports a and b tell one incident; None on a conflict."""
    if a["content_hash"] == b["content_hash"] or (a["country"] or "") != (b["country"] or ""):
        return None
    parts = []
    for judge in (_date_evidence, _place_evidence, _type_evidence, _actor_evidence,
                  _toll_evidence):
        part = judge(a, b)
        if part is None:
            return None
        parts.extend(part)
    return Link(sum(points for _, points, _ in parts), tuple(parts))


Evidence = list[tuple[str, float, str]]  # (field, points, why)


def _date_evidence(a: Event, b: Event) -> Evidence | None:
    if a["date_start"] is None or b["date_start"] is None:
        return None
    pa, pb = a["date_precision"], b["date_precision"]
    if (pa == "year") != (pb == "year"):
        return None
    gap = max((a["date_start"] - b["date_end"]).days, (b["date_start"] - a["date_end"]).days)
    if pa == pb == "day":
        if gap > DAY_SLACK:
            return None
        # a day apart: overnight or another time zone, or the next day's incident nearby
        return [("date", 2.0, "same day")] if gap <= 0 else [("date", -1.0, f"{gap} day apart")]
    if gap > 0:  # a week or month window is already the report's own uncertainty
        return None
    widest = max(PRECISION_RANK.get(pa, 9), PRECISION_RANK.get(pb, 9))
    points = {1: 1.0, 2: 0.5}.get(widest, 0.0)
    return [("date", points, f"within the same {['day', 'week', 'month', 'year'][min(widest, 3)]}")]


def _place_evidence(a: Event, b: Event) -> Evidence | None:
    """Coordinates decide between two located reports; otherwise the admin hierarchy: a report
    naming only the province (or district) meets any report inside it."""
    km = distance_km(a, b)
    if km is not None:
        if km > MAX_KM:
            return None
        if 3 in (a["geo_precision"], b["geo_precision"]):  # a province's point, not a spot
            return [("place", 0.5, f"inside {a['admin1'] or b['admin1'] or 'one province'}")]
        same = a["geonames_id"] is not None and a["geonames_id"] == b["geonames_id"] or km <= SAME_KM
        near = 2 in (a["geo_precision"], b["geo_precision"])  # "near X": X only measures the way
        if same:
            return [("place", 1.5 if near else 2.0, f"same place ({_name(a, b)})")]
        return [("place", 1.0, f"{km:.0f} km apart")]
    adm_a, adm_b = folded(a["admin1"]), folded(b["admin1"])
    if adm_a and adm_b and adm_a != adm_b:
        return None
    loc_a, loc_b = folded(a["location"]), folded(b["location"])
    if loc_a and loc_a == loc_b:
        return [("place", 1.5, f"same place name ({a['location']})")]
    if is_specific(a) and is_specific(b):
        if min(len(loc_a), len(loc_b)) >= 5 and ratio(loc_a, loc_b) >= 85:
            return [("place", 1.0, f"similar names ({a['location']} / {b['location']})")]
        return [("place", -0.5, f"different places in {a['admin1'] or 'the country'}")]
    if not adm_a or not adm_b:
        return [("place", 0.0, "one report names no province")]
    adm2_a, adm2_b = folded(a["admin2"]), folded(b["admin2"])
    if adm2_a and adm2_a == adm2_b:
        return [("place", 1.0, f"inside {a['admin2']}")]
    return [("place", 0.5, f"inside {a['admin1']}")]


def is_specific(e: Event) -> bool:
    """Names a place below the province (a town, a village, a district)."""
    return bool(e["location"]) and e["geo_precision"] != 3


def _name(a: Event, b: Event) -> str:
    return a["location"] if a["geo_precision"] == 1 or not b["location"] else b["location"]


def distance_km(a: Event, b: Event) -> float | None:
    if None in (a["latitude"], a["longitude"], b["latitude"], b["longitude"]):
        return None
    return haversine(a["latitude"], a["longitude"], b["latitude"], b["longitude"])


def _type_evidence(a: Event, b: Event) -> Evidence | None:
    sa, sb = a["sub_event_type"], b["sub_event_type"]
    if sa and sa == sb:
        return [("type", 1.0, f"same sub-event type ({sa})")]
    pair = frozenset({a["event_type"], b["event_type"]})
    if pair in TOLL_BOUND_TYPES:
        if not _close_tolls(a, b):
            return None
        return [("type", 0.0, f"compatible types with close tolls ({a['event_type']} / {b['event_type']})")]
    if a["event_type"] != b["event_type"] and pair not in COMPATIBLE_TYPES:
        return None
    if sa in _distinct_acts() or sb in _distinct_acts():
        return [("type", -2.0, f"different acts ({sa} / {sb})")]
    if a["event_type"] == b["event_type"]:
        return [("type", 0.5, f"same event type ({a['event_type']})")]
    return [("type", 0.0, "compatible types")]


def _close_tolls(a: Event, b: Event) -> bool:
    fa, fb = a["fatalities"], b["fatalities"]
    return bool(fa and fb) and min(fa, fb) / max(fa, fb) >= CLOSE_SHARE


@cache
def _distinct_acts() -> frozenset[str]:
    return frozenset(lexicons.words("distinct_sub_events"))


def _actor_evidence(a: Event, b: Event) -> Evidence | None:
    straight = _sides(a["actor1"], b["actor1"], a["actor2"], b["actor2"])
    if a["event_type"] == b["event_type"] == "Battles":  # "clashes between X and Y"
        swapped = _sides(a["actor1"], b["actor2"], a["actor2"], b["actor1"])
        if straight is None or swapped is not None and _points(swapped) > _points(straight):
            return swapped
    return straight


def _sides(x1: str | None, y1: str | None, x2: str | None, y2: str | None) -> Evidence | None:
    one, two = actor_evidence(x1, y1, initiator=True), actor_evidence(x2, y2)
    if one is None or two is None:
        return None
    return [("actor1", *one), ("actor2", *two)]


def _points(ev: Evidence) -> float:
    return sum(p for _, p, _ in ev)


ARMED = frozenset({"armed_group", "unidentified"})


def actor_evidence(x: str | None, y: str | None, initiator: bool = False) -> tuple[float, str] | None:
    """One side of two reports: the same named actor agrees; an unidentified armed group is
    compatible with a named one; two different named armed groups conflict; two different
    kinds of actor count against the merge without ruling it out (extraction confuses a
    target's kind), the more so when one report's attacker is the state and the other's an
    armed group."""
    if not x or not y:
        return 0.0, "not named in one report"
    cx, cy = actor_category(x), actor_category(y)
    if names_match(folded(x), folded(y)):
        return (0.0, f"both {cx}") if is_generic(x) else (1.0, f"same actor ({x})")
    if {cx, cy} == {"unidentified", "armed_group"} or cx == cy == "unidentified":
        return 0.0, "unidentified armed group and a named group"
    if cx == cy == "armed_group":
        return None
    if cx == cy:
        return 0.0, f"both {cx}"
    if initiator and "state_force" in (cx, cy) and ARMED & {cx, cy}:
        return -1.5, f"{cx} / {cy} did it"
    return -0.5, f"{cx} / {cy}"


@cache
def actor_category(name: str) -> str:
    """unidentified | armed_group | state_force | civilians | crowd | party | … (actor kinds)."""
    for prefix, category in _generic_prefixes():
        if name.startswith(prefix):
            return category
    actor = _actors().lookup(name)
    return actor.kind if actor else "other"


def is_generic(name: str) -> bool:
    return any(name.startswith(prefix) for prefix, _ in _generic_prefixes())


@cache
def _generic_prefixes() -> tuple[tuple[str, str], ...]:
    return tuple(lexicons.mapping("generic_actors").items())


@cache
def _actors() -> Any:
    from ..extract.actors import ActorDictionary

    return ActorDictionary.load()


def names_match(x: str, y: str) -> bool:
    """Folded names: equal, one a word-subset of the other, or a near-equal spelling."""
    if x == y:
        return True
    wx, wy = set(x.split()), set(y.split())
    if wx and wy and (wx <= wy or wy <= wx):
        return True
    return min(len(x), len(y)) >= 5 and ratio(x, y) >= 88


def _toll_evidence(a: Event, b: Event) -> Evidence | None:
    """Close tolls support a merge. Tolls far apart do not count against it when the later
    report has the larger one (tolls rise); a toll more than halved later, or far apart in
    reports of one day, counts a little against; a report that nobody died against one that
    counts several dead rules the merge out."""
    fa, fb = a["fatalities"], b["fatalities"]
    if fa is None or fb is None:
        return []
    low, high = min(fa, fb), max(fa, fb)
    if low == 0 and high >= ZERO_AGAINST:
        return None
    share = low / high if high else 1.0
    if share >= CLOSE_SHARE:
        return [("fatalities", 1.0, f"close tolls ({fa} / {fb})")]
    if share >= 0.5:
        return [("fatalities", 0.5, f"tolls within a factor of two ({fa} / {fb})")]
    later, earlier = (a, b) if (reported_on(a) or date.min) > (reported_on(b) or date.min) else (b, a)
    if reported_on(later) != reported_on(earlier) and later["fatalities"] > earlier["fatalities"]:
        return [("fatalities", 0.0, f"toll revised upward ({earlier['fatalities']} → {later['fatalities']})")]
    return [("fatalities", -0.5, f"tolls far apart the same day or falling ({fa} / {fb})")]


@lru_cache(maxsize=1 << 16)
def folded(s: str | None) -> str:
    """Folded names, cached: every pair of candidate reports compares the same few names."""
    return fold(s) if s else ""



def reported_on(m: Event) -> date | None:
    """When a report was published (its event's start date when the article has no date)."""
    return m.get("published") or m["date_start"]
