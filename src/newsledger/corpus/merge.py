"""Cross-article incident merging: events from different articles that describe one incident
become one incident listing every report.

Two events may describe one incident when all of these hold:
- they come from different articles (an article's own events were already merged by the
  extractor, so two events of one article are two incidents);
- their dates are compatible given precision (intervals overlap, ±1 day for overnight events
  and time zones; a `year` date only meets another `year` date);
- same country, and the same place: within ~25 km, the same place name (when coordinates
  are missing), or one report naming only the province the other's place is in;
- compatible types (the same, or a pair reports often code differently, e.g. a bombing as
  Explosions/Remote violence or as Violence against civilians);
- compatible actors (a missing actor matches anything; names match when folded, or when one
  is a word-subset of the other; initiator and target may be swapped in a battle).

Clustering is greedy complete-linkage: events are visited in a canonical order (country,
date, key), and each joins the closest existing incident all of whose reports it is compatible
with. The order depends only on the set of events, so the result is deterministic: the same
events give the same incidents whatever order the articles arrived in. New articles trigger a
re-merge of the countries they touch (see `merge_store`).

Where reports disagree, every report keeps its own value (the events table); the incident
gives best/low/high as UCDP does — low and high the extremes reported, best the value most
reports give (ties: the lower median, as ACLED takes the most conservative figure) — and lists
the fields that disagree.
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from rapidfuzz.fuzz import ratio

from ..extract.text import fold

DAY_SLACK = 1          # days: overnight attacks and time zones put one incident on two dates
MAX_KM = 25.0          # "same place or nearby"
CELL_DEG = 0.5         # grid for the spatial index; 3×3 cells cover 25 km up to ~60° latitude
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# Pairs of types that reports of one incident commonly code differently.
COMPATIBLE_TYPES = {
    frozenset({"Explosions/Remote violence", "Violence against civilians"}),
    frozenset({"Explosions/Remote violence", "Battles"}),
    frozenset({"Protests", "Riots"}),
}
VALUE_FIELDS = ("fatalities", "injured")
Event = dict[str, Any]  # a row of the events table (store.MERGE_COLUMNS)


@dataclass
class Cluster:
    seq: int
    members: list[Event] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    min_end: date | None = None  # earliest date_end among members: the pruning horizon

    def add(self, e: Event) -> None:
        self.members.append(e)
        self.articles.add(e["content_hash"])
        end = e["date_end"]
        self.min_end = end if self.min_end is None else min(self.min_end, end)

    def expired(self, start: date) -> bool:
        """No event starting at `start` or later can be compatible with every member."""
        return (start - self.min_end).days > DAY_SLACK


# -- compatibility ----------------------------------------------------------------------
def dates_compatible(a: Event, b: Event) -> bool:
    if a["date_start"] is None or b["date_start"] is None:
        return False
    year_a, year_b = a["date_precision"] == "year", b["date_precision"] == "year"
    if year_a != year_b:
        return False
    return ((a["date_start"] - b["date_end"]).days <= DAY_SLACK
            and (b["date_start"] - a["date_end"]).days <= DAY_SLACK)


def distance_km(a: Event, b: Event) -> float | None:
    if None in (a["latitude"], a["longitude"], b["latitude"], b["longitude"]):
        return None
    return haversine(a["latitude"], a["longitude"], b["latitude"], b["longitude"])


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def same_place(a: Event, b: Event) -> bool:
    """Same country, and: a report naming only a province meets reports in that province;
    otherwise coordinates decide (≤ 25 km), or the place names when coordinates are missing;
    two country-level reports meet, leaving it to date, type and actors.
    Names compare exactly once folded, so that `place_keys` can index them."""
    if (a["country"] or "") != (b["country"] or ""):
        return False
    if _province_level(a) or _province_level(b):
        aa, ab = _fold(a["admin1"]), _fold(b["admin1"])
        if aa or ab:
            return aa == ab
        return not a["location"] and not b["location"]
    km = distance_km(a, b)
    if km is not None:
        return km <= MAX_KM
    return _fold(a["location"]) == _fold(b["location"])


def _province_level(e: Event) -> bool:
    return not e["location"] or e["geo_precision"] == 3


def types_compatible(a: Event, b: Event) -> bool:
    ta, tb = a["event_type"], b["event_type"]
    return ta == tb or frozenset({ta, tb}) in COMPATIBLE_TYPES


def actors_compatible(a: Event, b: Event) -> bool:
    straight = _actor_ok(a["actor1"], b["actor1"]) and _actor_ok(a["actor2"], b["actor2"])
    if straight:
        return True
    if a["event_type"] == b["event_type"] == "Battles":  # "clashes between X and Y"
        return _actor_ok(a["actor1"], b["actor2"]) and _actor_ok(a["actor2"], b["actor1"])
    return False


def _actor_ok(x: str | None, y: str | None) -> bool:
    return not x or not y or names_match(_fold(x), _fold(y))


def names_match(x: str, y: str) -> bool:
    """Folded names: equal, one a word-subset of the other, or a near-equal spelling."""
    if x == y:
        return True
    wx, wy = set(x.split()), set(y.split())
    if wx and wy and (wx <= wy or wy <= wx):
        return True
    return min(len(x), len(y)) >= 5 and ratio(x, y) >= 88


def compatible(a: Event, b: Event) -> bool:
    return (a["content_hash"] != b["content_hash"] and dates_compatible(a, b)
            and types_compatible(a, b) and same_place(a, b) and actors_compatible(a, b))


@lru_cache(maxsize=1 << 16)
def _fold(s: str | None) -> str:
    """Folded names, cached: every pair of candidate reports compares the same few names."""
    return fold(s) if s else ""


# -- clustering -------------------------------------------------------------------------
def order_key(e: Event) -> tuple:
    start = e["date_start"] or date.max
    return (e["country"] or "", start, PRECISION_RANK.get(e["date_precision"], 9), e["event_key"])


def place_keys(e: Event) -> list[tuple]:
    """Index keys an event is filed under; candidates are looked up under the same keys,
    so any compatible pair shares at least one key."""
    keys: list[tuple] = []
    if e["location"]:
        keys.append(("loc", _fold(e["location"])))
    if e["admin1"]:
        keys.append(("adm", _fold(e["admin1"])))
    if e["latitude"] is not None and e["longitude"] is not None:
        keys.append(("cell",) + _cell(e))
    if not keys:
        keys.append(("country",))
    return keys


def lookup_keys(e: Event) -> list[tuple]:
    keys = [k for k in place_keys(e) if k[0] != "cell"]
    if e["latitude"] is not None and e["longitude"] is not None:
        ci, cj = _cell(e)
        keys += [("cell", ci + di, cj + dj) for di in (-1, 0, 1) for dj in (-1, 0, 1)]
    return keys


def _cell(e: Event) -> tuple[int, int]:
    return math.floor(e["latitude"] / CELL_DEG), math.floor(e["longitude"] / CELL_DEG)


def cluster(events: Iterable[Event]) -> list[list[Event]]:
    """Group one country's events into incidents (lists of reports), deterministically."""
    clusters: list[Cluster] = []
    index: dict[tuple, list[Cluster]] = defaultdict(list)
    for e in sorted(events, key=order_key):
        target = None if e["date_start"] is None else _best_cluster(e, index)
        if target is None:
            target = Cluster(len(clusters))
            clusters.append(target)
            if e["date_start"] is not None:
                for key in place_keys(e):
                    index[key].append(target)
        target.add(e)
    return [c.members for c in clusters]


def _best_cluster(e: Event, index: dict[tuple, list[Cluster]]) -> Cluster | None:
    best, best_score = None, None
    for c in _candidates(e, index):
        if e["content_hash"] in c.articles or not all(compatible(e, m) for m in c.members):
            continue
        score = (_closeness(e, c), c.seq)
        if best_score is None or score < best_score:
            best, best_score = c, score
    return best


def _candidates(e: Event, index: dict[tuple, list[Cluster]]) -> Iterator[Cluster]:
    seen: set[int] = set()
    for key in lookup_keys(e):
        bucket = index.get(key)
        if not bucket:
            continue
        live = [c for c in bucket if not c.expired(e["date_start"])]
        index[key] = live  # events come in date order: an expired cluster stays expired
        for c in live:
            if c.seq not in seen:
                seen.add(c.seq)
                yield c


def _closeness(e: Event, c: Cluster) -> tuple[int, float]:
    days = min(abs((e["date_start"] - m["date_start"]).days) for m in c.members)
    kms = [distance_km(e, m) for m in c.members]
    km = min((k for k in kms if k is not None), default=MAX_KM)
    return days, round(km, 3)


# -- incident summary -----------------------------------------------------------------------
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
        "actor1": _mode_name(m["actor1"] for m in members),
        "actor2": _mode_name(m["actor2"] for m in members),
        "n_reports": len(members),
        "confidence": max((m["confidence"] or 0.0) for m in members),
    }
    for name in VALUE_FIELDS:
        best, low, high = best_low_high([m[name] for m in members])
        row.update({name: best, f"{name}_low": low, f"{name}_high": high})
    row["disagreements"] = disagreements(members)
    row["disagreement"] = bool(row["disagreements"])
    return row


def best_low_high(values: Iterable[int | None]) -> tuple[int | None, int | None, int | None]:
    """UCDP-style estimates from the reports' figures (nulls ignored: no number given)."""
    known = sorted(v for v in values if v is not None)
    if not known:
        return None, None, None
    counts = Counter(known)
    top = max(counts.values())
    tied = sorted(v for v, n in counts.items() if n == top)
    best = tied[(len(tied) - 1) // 2]
    return best, known[0], known[-1]


def disagreements(members: list[Event]) -> list[str]:
    out = [name for name in VALUE_FIELDS if len({m[name] for m in members if m[name] is not None}) > 1]
    if len({m["event_date"] for m in members if m["date_precision"] == "day"}) > 1:
        out.append("event_date")
    if len({_fold(m["location"]) for m in members if m["location"]}) > 1:
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
    located = [m for m in members if m["location"]] or members
    rank = min(m["geo_precision"] or 9 for m in located)
    precise = [m for m in located if (m["geo_precision"] or 9) == rank]
    counts = Counter(_fold(m["location"]) for m in precise)
    value = min(counts, key=lambda v: (-counts[v], v))
    return next(m for m in precise if _fold(m["location"]) == value)


def _pick_type(members: list[Event]) -> Event:
    counts = Counter((m["event_type"], m["sub_event_type"]) for m in members)
    value = min(counts, key=lambda v: (-counts[v], v))
    return next(m for m in members if (m["event_type"], m["sub_event_type"]) == value)


def _mode_name(values: Iterable[str | None]) -> str | None:
    named = [v for v in values if v]
    if not named:
        return None
    counts = Counter(named)
    return min(counts, key=lambda v: (-counts[v], v))


# -- over the store -------------------------------------------------------------------------
def merge_events(events: list[Event]) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """Incidents and (event_key, incident_id) memberships for one country's events."""
    incidents, members = [], []
    for group in cluster(events):
        row = summarise(group)
        incidents.append(row)
        members.extend({"event_key": m["event_key"], "incident_id": row["incident_id"]} for m in group)
    return incidents, members


def merge_store(store: Any, countries: Iterable[str] | None = None) -> int:
    """Re-merge the countries that have unmerged events (or those given); returns how many
    countries were merged. Each country is replaced in one transaction."""
    todo = list(countries) if countries is not None else store.countries_to_merge()
    for country in todo:
        incidents, members = merge_events(store.events_of(country))
        store.replace_incidents(country, incidents, members)
    return len(todo)
