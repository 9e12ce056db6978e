"""Cross-article incident merging: events from different articles that report one incident
become one incident listing every report, with the reason each report joined.

The unit of work is a *block*: the events of one country whose date windows chain together
(see `blocks`). No two events of different blocks can be one incident, so blocks are merged
independently — by the local store merge here, and per block on the executors of a
distributed runner — with one pure function, `merge_events(block_events)`.

Two reports are compared field by field (`link`). Some differences rule a merge out
(a *conflict*): another country; dates that cannot overlap given each report's own precision
(a day, a week, a month; ±1 day between two exact days, for overnight attacks and time zones);
places more than 25 km apart, or in different provinces; incompatible event types; two different
named armed groups; a toll of 0 against one of 3 or more. Otherwise each field adds evidence:
the same day or an overlapping window, the same place, a place inside the other's district or
province (the gazetteer hierarchy the event rows carry as admin1/admin2), the same sub-event
type, the same named actor (an unidentified armed group is compatible with a named one), close
tolls. A pair whose evidence reaches `MERGE_SCORE` is a link.

Clustering is agglomerative over the links, strongest first: two groups join when no pair
across them conflicts or comes from one article, and their average evidence reaches the
threshold. Every ordering is by event content (scores, then event keys), so the same reports
give the same incidents and incident ids in any order of arrival.

Figures follow UCDP: every report keeps its own value; `best` is the figure of the latest
report (reports of one day: the larger figure, a toll grows as counting goes on), `low`/`high`
the smallest and largest reported. A later report's different figure is a *revision*; only
reports of the same day that differ are *rival* figures, a disagreement.
"""
from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Any

from rapidfuzz.fuzz import ratio

from .. import lexicons
from ..extract.text import fold

DAY_SLACK = 1          # days between two exact dates of one incident (overnight, time zones)
MAX_KM = 25.0          # "the same place or nearby"
SAME_KM = 2.0          # one spot: the same town centre, a landmark in it
CELL_DEG = 0.5         # grid of the spatial index; 3×3 cells cover 25 km up to ~60° latitude
NEIGHBOURS = 12        # earlier reports each report is compared with on the sweep (nearest first)
SHORT_DAYS = 6         # widest window of a day or week date (a week: the day ±3)
LONG_DAYS = 30         # widest window of a month date
MERGE_SCORE = 2.5      # evidence two reports (or two groups, on average) need to be merged
ZERO_AGAINST = 3       # "nobody was killed" cannot be the incident another report counts 3+ dead
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# Pairs of types that reports of one incident commonly code differently.
COMPATIBLE_TYPES = {
    frozenset({"Explosions/Remote violence", "Violence against civilians"}),
    frozenset({"Explosions/Remote violence", "Battles"}),
    frozenset({"Battles", "Violence against civilians"}),
    frozenset({"Protests", "Riots"}),
}
VALUE_FIELDS = ("fatalities", "injured")
Event = dict[str, Any]  # a row of the events table (store.MERGE_COLUMNS, with `published`)


# -- blocks ---------------------------------------------------------------------------------
def block_key(e: Event) -> tuple:
    """Events of different keys are never one incident: another country, or a year-precision
    date (which meets only year-precision dates of the same year), or no date at all."""
    country = e["country"] or ""
    if e["date_start"] is None:
        return (country, "undated", e["event_key"])
    if e["date_precision"] == "year":
        return (country, "year", e["date_start"].year)
    return (country, "dated")


def blocks(events: Iterable[Event]) -> list[list[Event]]:
    """The blocking rule: cut events into independent blocks. Within a block key, dated events
    sorted by start date form one block while each starts at most DAY_SLACK days after the
    latest end seen so far; a longer gap starts the next block. Any two events that could be
    one incident fall in the same block, and the cut depends only on the events' dates."""
    by_key: dict[tuple, list[Event]] = defaultdict(list)
    for e in events:
        by_key[block_key(e)].append(e)
    out: list[list[Event]] = []
    for key in sorted(by_key, key=repr):
        group = sorted(by_key[key], key=order_key)
        if key[1] != "dated":
            out.append(group)
            continue
        current: list[Event] = []
        horizon: date | None = None
        for e in group:
            if current and (e["date_start"] - horizon).days > DAY_SLACK:
                out.append(current)
                current = []
            horizon = e["date_end"] if not current else max(horizon, e["date_end"])
            current.append(e)
        if current:
            out.append(current)
    return out


def order_key(e: Event) -> tuple:
    start = e["date_start"] or date.max
    return (e["country"] or "", start, PRECISION_RANK.get(e["date_precision"], 9), e["event_key"])


# -- comparing two reports ------------------------------------------------------------------
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
        same = a["geonames_id"] is not None and a["geonames_id"] == b["geonames_id"] or km <= SAME_KM
        near = 2 in (a["geo_precision"], b["geo_precision"])  # "near X": X only measures the way
        if same:
            return [("place", 1.5 if near else 2.0, f"same place ({_name(a, b)})")]
        return [("place", 1.0, f"{km:.0f} km apart")]
    adm_a, adm_b = _fold(a["admin1"]), _fold(b["admin1"])
    if adm_a and adm_b and adm_a != adm_b:
        return None
    loc_a, loc_b = _fold(a["location"]), _fold(b["location"])
    if loc_a and loc_a == loc_b:
        return [("place", 1.5, f"same place name ({a['location']})")]
    if _specific(a) and _specific(b):
        if min(len(loc_a), len(loc_b)) >= 5 and ratio(loc_a, loc_b) >= 85:
            return [("place", 1.0, f"similar names ({a['location']} / {b['location']})")]
        return [("place", -0.5, f"different places in {a['admin1'] or 'the country'}")]
    if not adm_a or not adm_b:
        return [("place", 0.0, "one report names no province")]
    adm2_a, adm2_b = _fold(a["admin2"]), _fold(b["admin2"])
    if adm2_a and adm2_a == adm2_b:
        return [("place", 1.0, f"inside {a['admin2']}")]
    return [("place", 0.5, f"inside {a['admin1']}")]


def _specific(e: Event) -> bool:
    """Names a place below the province (a town, a village, a district)."""
    return bool(e["location"]) and e["geo_precision"] != 3


def _name(a: Event, b: Event) -> str:
    return a["location"] if a["geo_precision"] == 1 or not b["location"] else b["location"]


def distance_km(a: Event, b: Event) -> float | None:
    if None in (a["latitude"], a["longitude"], b["latitude"], b["longitude"]):
        return None
    return haversine(a["latitude"], a["longitude"], b["latitude"], b["longitude"])


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _type_evidence(a: Event, b: Event) -> Evidence | None:
    sa, sb = a["sub_event_type"], b["sub_event_type"]
    if sa and sa == sb:
        return [("type", 1.0, f"same sub-event type ({sa})")]
    if a["event_type"] != b["event_type"] and \
            frozenset({a["event_type"], b["event_type"]}) not in COMPATIBLE_TYPES:
        return None
    if sa in _distinct_acts() or sb in _distinct_acts():
        return [("type", -2.0, f"different acts ({sa} / {sb})")]
    if a["event_type"] == b["event_type"]:
        return [("type", 0.5, f"same event type ({a['event_type']})")]
    return [("type", 0.0, "compatible types")]


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
    if names_match(_fold(x), _fold(y)):
        return (0.0, f"both {cx}") if _is_generic(x) else (1.0, f"same actor ({x})")
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


def _is_generic(name: str) -> bool:
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
    if share >= 0.75:
        return [("fatalities", 1.0, f"close tolls ({fa} / {fb})")]
    if share >= 0.5:
        return [("fatalities", 0.5, f"tolls within a factor of two ({fa} / {fb})")]
    later, earlier = (a, b) if (_reported(a) or date.min) > (_reported(b) or date.min) else (b, a)
    if _reported(later) != _reported(earlier) and later["fatalities"] > earlier["fatalities"]:
        return [("fatalities", 0.0, f"toll revised upward ({earlier['fatalities']} → {later['fatalities']})")]
    return [("fatalities", -0.5, f"tolls far apart the same day or falling ({fa} / {fb})")]


@lru_cache(maxsize=1 << 16)
def _fold(s: str | None) -> str:
    """Folded names, cached: every pair of candidate reports compares the same few names."""
    return fold(s) if s else ""


# -- clustering one block ---------------------------------------------------------------------
def candidate_pairs(events: list[Event]) -> Iterable[tuple[int, int]]:
    """Index pairs (i < j, in `order_key` order) to compare on the sweep: for each report, the
    NEIGHBOURS nearest earlier reports (a sorted neighbourhood) whose dates may overlap it and
    whose places may meet (nearby grid cells, one province, or a report with no place below
    the country). The limit keeps the cost per report flat however dense the coverage; it
    does not cap an incident's size, since groups are checked pair by pair when they join."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for j, e in enumerate(events):
        if e["date_start"] is None:  # an undated report is its own incident
            continue
        near: set[int] = set()
        for key in _lookup_keys(e):
            for span in ("short", "long"):
                near.update(i for i in _recent(buckets.get((span, *key), ()), events, e, span)
                            if _may_meet(events[i], e))
        for i in sorted(near, reverse=True)[:NEIGHBOURS]:
            yield i, j
        span = "long" if (e["date_end"] - e["date_start"]).days > SHORT_DAYS else "short"
        for key in _register_keys(e):
            buckets[(span, *key)].append(j)


def _recent(bucket: Iterable[int], events: list[Event], e: Event, span: str) -> Iterable[int]:
    """A bucket's reports, latest first, back to the earliest start that may still meet e."""
    reach = (SHORT_DAYS if span == "short" else LONG_DAYS) + DAY_SLACK
    start = e["date_start"]
    for i in reversed(bucket):
        other = events[i]
        if (start - other["date_start"]).days > reach:
            return
        if (start - other["date_end"]).days <= DAY_SLACK:
            yield i


def _register_keys(e: Event) -> list[tuple]:
    """Buckets a report is filed under: its grid cell, its province (any report there) and,
    without coordinates, its province's or the country's list of unplaced reports."""
    keys: list[tuple] = [("all",)]
    adm = _fold(e["admin1"])
    if adm:
        keys.append(("in", adm))
    if e["latitude"] is not None and e["longitude"] is not None:
        keys.append(("cell", *_cell(e)))
    else:
        keys.append(("unplaced", adm))
    return keys


def _lookup_keys(e: Event) -> list[tuple]:
    """Buckets that hold every earlier report whose place may meet e's."""
    adm = _fold(e["admin1"])
    if e["latitude"] is not None and e["longitude"] is not None:
        ci, cj = _cell(e)
        return [("cell", ci + di, cj + dj) for di in (-1, 0, 1) for dj in (-1, 0, 1)] + \
            [("unplaced", adm), ("unplaced", "")]
    if adm:
        return [("in", adm), ("unplaced", "")]
    return [("all",)]


def _cell(e: Event) -> tuple[int, int]:
    return math.floor(e["latitude"] / CELL_DEG), math.floor(e["longitude"] / CELL_DEG)


def _may_meet(a: Event, b: Event) -> bool:
    if a["latitude"] is not None and b["latitude"] is not None:
        return (abs(a["latitude"] - b["latitude"]) <= 2 * CELL_DEG
                and abs(a["longitude"] - b["longitude"]) <= 2 * CELL_DEG / max(
                    0.2, math.cos(math.radians(a["latitude"]))))
    adm_a, adm_b = _fold(a["admin1"]), _fold(b["admin1"])
    return not adm_a or not adm_b or adm_a == adm_b


@dataclass
class Group:
    members: list[int]
    articles: set[str] = field(default_factory=set)


def cluster(events: Iterable[Event]) -> list[list[Event]]:
    """Group the events of one or more blocks into incidents (lists of reports),
    deterministically and independently of input order."""
    out: list[list[Event]] = []
    for block in blocks(events):
        out.extend(members for members, _ in _cluster_block(block))
    return out


def _cluster_block(events: list[Event]) -> list[tuple[list[Event], dict[str, dict]]]:
    """Incidents of one block, each with the reason each report joined it (by event key)."""
    links: dict[tuple[int, int], Link | None] = {}
    for i, j in candidate_pairs(events):
        links[(i, j)] = link(events[i], events[j])

    def pair(i: int, j: int) -> Link | None:
        key = (i, j) if i < j else (j, i)
        if key not in links:  # beyond the sweep's neighbourhood: compared when groups meet
            links[key] = link(events[key[0]], events[key[1]])
        return links[key]

    group_of = {i: Group([i], {e["content_hash"]}) for i, e in enumerate(events)}
    strong = sorted(((lk.score, i, j) for (i, j), lk in links.items()
                     if lk is not None and lk.score >= MERGE_SCORE),
                    key=lambda t: (-t[0], events[t[1]]["event_key"], events[t[2]]["event_key"]))
    for _, i, j in strong:
        ga, gb = group_of[i], group_of[j]
        if ga is gb or ga.articles & gb.articles:
            continue
        cross = [pair(x, y) for x in ga.members for y in gb.members]
        if any(lk is None for lk in cross) or sum(lk.score for lk in cross) / len(cross) < MERGE_SCORE:
            continue
        ga.members += gb.members
        ga.articles |= gb.articles
        for k in gb.members:
            group_of[k] = ga
    seen: set[int] = set()
    out = []
    for i in range(len(events)):
        g = group_of[i]
        if id(g) in seen:
            continue
        seen.add(id(g))
        members = sorted(g.members)
        why = {events[k]["event_key"]: _reason(k, members, events, pair) for k in members}
        out.append(([events[k] for k in members], why))
    return out


def _reason(k: int, members: list[int], events: list[Event], pair) -> dict[str, Any]:
    """Why report k is in its incident: the other report it agrees with most, and how."""
    others = [(pair(k, m), m) for m in members if m != k]
    if not others:
        return {}
    best, m = max(others, key=lambda t: (t[0].score, -t[1]))
    return {"with": events[m]["event_key"], **best.as_dict()}


# -- incident summary -------------------------------------------------------------------------
def incident_id(members: list[Event]) -> str:
    """Named after its first report in key order: stable as later reports join."""
    first = min(m["event_key"] for m in members)
    return "I" + hashlib.sha1(first.encode("utf-8")).hexdigest()[:15]


def summarise(members: list[Event]) -> dict[str, Any]:
    members = sorted(members, key=lambda m: m["event_key"])
    when = _pick_date(members)
    where = _pick_place(members)
    kind = _pick_type(members)
    row: dict[str, Any] = {
        "incident_id": incident_id(members),
        "country": members[0]["country"],
        **{k: when[k] for k in ("event_date", "date_precision", "date_start", "date_end")},
        **{k: where[k] for k in ("admin1", "admin2", "location", "latitude", "longitude",
                                 "geo_precision", "geonames_id")},
        "event_type": kind["event_type"],
        "sub_event_type": kind["sub_event_type"],
        "actor1": _pick_actor(m["actor1"] for m in members),
        "actor2": _pick_actor(m["actor2"] for m in members),
        "n_reports": len(members),
        "confidence": max((m["confidence"] or 0.0) for m in members),
    }
    for name in VALUE_FIELDS:
        best, low, high = best_low_high(_figures(members, name))
        row.update({name: best, f"{name}_low": low, f"{name}_high": high})
    row["disagreements"] = disagreements(members)
    row["disagreement"] = bool(row["disagreements"])
    return row


Figure = tuple[date | None, int | None]  # (when the report was published, its figure)


def _figures(members: list[Event], name: str) -> list[Figure]:
    return [(_reported(m), m[name]) for m in members]


def _reported(m: Event) -> date | None:
    return m.get("published") or m["date_start"]


def best_low_high(values: Iterable[int | None | Figure]) -> tuple[int | None, int | None, int | None]:
    """UCDP-style estimates from the reports' figures: low and high the smallest and largest
    reported, best the figure of the latest report (of reports of one day, the larger).
    `values` are (published, figure) pairs, or bare figures (then the largest is the latest).
    Nulls (no number given) are ignored."""
    known = [v if isinstance(v, tuple) else (None, v) for v in values]
    known = [(day, n) for day, n in known if n is not None]
    if not known:
        return None, None, None
    figures = [n for _, n in known]
    latest = max(known, key=lambda t: (t[0] or date.min, t[1]))
    return latest[1], min(figures), max(figures)


def figure_roles(members: list[Event], name: str = "fatalities") -> dict[str, str]:
    """Each report's figure against the others (by event key): `first` (the earliest figure),
    `same` (equal to an earlier one), `revision` (a later report changing it), `rival` (a
    different figure reported the same day as another), `none` (no figure)."""
    dated = sorted((m for m in members if m[name] is not None),
                   key=lambda m: (_reported(m) or date.min, m[name], m["event_key"]))
    roles = {m["event_key"]: "none" for m in members}
    earlier: list[Event] = []
    for m in dated:
        if not earlier:
            roles[m["event_key"]] = "first"
        elif any(p[name] == m[name] for p in earlier):
            roles[m["event_key"]] = "same"
        elif any(_reported(p) == _reported(m) for p in earlier):
            roles[m["event_key"]] = "rival"
        else:
            roles[m["event_key"]] = "revision"
        earlier.append(m)
    return roles


def disagreements(members: list[Event]) -> list[str]:
    """Fields the reports disagree on. Figures disagree only when reports of one day differ
    (a later different figure is a revision, not a disagreement)."""
    out = [name for name in VALUE_FIELDS if "rival" in figure_roles(members, name).values()]
    if len({m["event_date"] for m in members if m["date_precision"] == "day"}) > 1:
        out.append("event_date")
    if len({_fold(m["location"]) for m in members if _specific(m)}) > 1:
        out.append("location")
    for name in ("event_type", "sub_event_type"):
        if len({m[name] for m in members}) > 1:
            out.append(name)
    for name in ("actor1", "actor2"):
        if len({_fold(m[name]) for m in members if m[name]}) > 1:
            out.append(name)
    return out


def _pick_date(members: list[Event]) -> Event:
    dated = [m for m in members if m["date_start"] is not None] or members
    rank = min(PRECISION_RANK.get(m["date_precision"], 9) for m in dated)
    precise = [m for m in dated if PRECISION_RANK.get(m["date_precision"], 9) == rank]
    counts = Counter(m["event_date"] for m in precise)
    value = min(counts, key=lambda v: (-counts[v], v or ""))
    return next(m for m in precise if m["event_date"] == value)


def _pick_place(members: list[Event]) -> Event:
    """The most specific place any report names: located below the province first, then by
    ACLED precision, then the name most reports give."""
    located = [m for m in members if m["location"]] or members

    def depth(m: Event) -> tuple:
        return (not _specific(m), m["latitude"] is None, m["geo_precision"] or 9,
                m["admin2"] is None)

    top = min(depth(m) for m in located)
    precise = [m for m in located if depth(m) == top]
    counts = Counter(_fold(m["location"]) for m in precise)
    value = min(counts, key=lambda v: (-counts[v], v))
    return next(m for m in precise if _fold(m["location"]) == value)


def _pick_type(members: list[Event]) -> Event:
    counts = Counter((m["event_type"], m["sub_event_type"]) for m in members)
    value = min(counts, key=lambda v: (-counts[v], v))
    return next(m for m in members if (m["event_type"], m["sub_event_type"]) == value)


def _pick_actor(values: Iterable[str | None]) -> str | None:
    """The name most reports give, a named actor before a generic one ('gunmen' in one
    report, the group another blames)."""
    named = [v for v in values if v]
    if not named:
        return None
    counts = Counter(named)
    return min(counts, key=lambda v: (_is_generic(v), -counts[v], v))


# -- the block function and the store ------------------------------------------------------------
def merge_events(events: list[Event]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Merge the event rows of one block into incidents. Pure and deterministic: the result
    depends only on the set of rows, not their order.

    `events`: rows with the columns of `store.MERGE_COLUMNS` plus `published` (the article's
    date, a `date` or None): event_key, content_hash, event_date, date_precision, date_start,
    date_end, country, admin1, admin2, location, latitude, longitude, geo_precision,
    geonames_id, event_type, sub_event_type, actor1, actor2, fatalities, injured, confidence.
    Rows of several blocks may be given: they are cut with `blocks` first (so a runner may
    pass a whole country, or one block as cut by the blocking rule of `blocks`: same country;
    dated events chained while each starts ≤ DAY_SLACK days after the latest end so far;
    year-precision events by year; each undated event alone).

    Returns (incidents, memberships): incident rows (store.INCIDENT_SCHEMA) and one row per
    event (store.MEMBER_SCHEMA): event_key, incident_id, fatalities_role (`figure_roles`) and
    merge_reason (JSON: the report it agreed with most, the score, the fields that agreed)."""
    incidents, members = [], []
    for block in blocks(events):
        for group, why in _cluster_block(block):
            row = summarise(group)
            roles = figure_roles(group)
            incidents.append(row)
            members.extend({"event_key": m["event_key"], "incident_id": row["incident_id"],
                            "fatalities_role": roles[m["event_key"]],
                            "merge_reason": json.dumps(why[m["event_key"]], sort_keys=True)}
                           for m in group)
    return incidents, members


def merge_store(store: Any, countries: Iterable[str] | None = None) -> int:
    """Re-merge the blocks that hold events not yet in an incident (or every block of the
    countries given): a new report re-merges only its neighbourhood, the block of its country
    whose dates chain to its own. Returns how many countries had a block re-merged. Each block
    is replaced in one transaction."""
    todo = list(countries) if countries is not None else store.countries_to_merge()
    everything = countries is not None
    touched = 0
    for country in todo:
        with store.session():  # one country's read and rewrite while no other writer is in
            dirty = [b for b in blocks(store.event_spans(country))
                     if everything or any(not e["merged"] for e in b)]
            for block in dirty:
                keys = [e["event_key"] for e in block]
                incidents, members = merge_events(store.events_by_keys(keys))
                store.replace_block(keys, incidents, members)
        touched += bool(dirty)
    return touched
