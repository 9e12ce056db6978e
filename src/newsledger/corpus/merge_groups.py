"""Grouping reports into incidents: blocks (independent units of work), the candidate pairs
of a block's sweep, and agglomerative clustering over the links.

Clustering is agglomerative over the links, strongest first: two groups join when no pair
across them conflicts or comes from one article, and their average evidence reaches the
threshold. Every ordering is by event content (scores, then event keys), so the same reports
give the same incidents and incident ids in any order of arrival.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .merge_evidence import DAY_SLACK, MERGE_SCORE, PRECISION_RANK, Event, Link, folded, link

CELL_DEG = 0.5         # grid of the spatial index; 3×3 cells cover 25 km up to ~60° latitude
NEIGHBOURS = 12        # earlier reports each report is compared with on the sweep (nearest first)
SHORT_DAYS = 6         # widest window of a day or week date (a week: the day ±3)
LONG_DAYS = 30         # widest window of a month date


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
    adm = folded(e["admin1"])
    if adm:
        keys.append(("in", adm))
    if e["latitude"] is not None and e["longitude"] is not None:
        keys.append(("cell", *_cell(e)))
    else:
        keys.append(("unplaced", adm))
    return keys


def _lookup_keys(e: Event) -> list[tuple]:
    """Buckets that hold every earlier report whose place may meet e's."""
    adm = folded(e["admin1"])
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
    adm_a, adm_b = folded(a["admin1"]), folded(b["admin1"])
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
        out.extend(members for members, _ in cluster_block(block))
    return out


def cluster_block(events: list[Event]) -> list[tuple[list[Event], dict[str, dict]]]:
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
