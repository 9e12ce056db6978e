"""Blocking the incident merge so that no task needs more than one block of events, with the
same incidents as the local merge, which clusters each country's events whole.

Two events can be one incident only when their dates come within the merge's slack
(`merge.DAY_SLACK`) of each other, and the local merge visits a country's events in date
order. So a country's events split exactly where the days sweep past a gap: an event whose
first day is more than the slack after the last day of every earlier event starts a new
block, and no event before the gap can meet one after it. Each block is clustered by the
local merge's own pure function, `merge.merge_events`, and gives the incidents that clustering
the whole country would give (incident ids are named after their reports, not their order).

Events with no date never merge: they are spread over a few blocks by a hash of their key.
The blocks are found from a table of (country, first day) → last day, which is small (at most
one row per country and day) and is the only thing the driver collects.

The lead: when issue 14 widens the date rule, the slack read in `blocks` must cover it, and
`merge_block` is the one call into the local merge.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import groupby
from typing import Any

from ..corpus import merge as local_merge

Event = dict[str, Any]
Span = tuple[tuple[str, date], date]  # ((country, first day), the latest last day from it)


def day_key(e: Event) -> tuple[str, date | None]:
    return e["country"] or "", e["date_start"]


def day_span(e: Event) -> Span:
    return day_key(e), e["date_end"]


def blocks(spans: Iterable[Span]) -> dict[tuple[str, date], str]:
    """(country, first day) → the id of its block, sweeping each country's days in order."""
    slack = local_merge.DAY_SLACK
    table: dict[tuple[str, date], str] = {}
    country, reach, block = None, None, ""
    for (c, start), end in sorted(spans):
        if c != country or (start - reach).days > slack:
            country, reach, block = c, end, f"{c}|{start.isoformat()}"
        else:
            reach = max(reach, end)
        table[(c, start)] = block
    return table


def block_of(e: Event, table: dict[tuple[str, date], str], undated_blocks: int) -> str:
    country = e["country"] or ""
    if e["date_start"] is None:
        bucket = zlib.crc32(e["event_key"].encode("utf-8")) % max(undated_blocks, 1)
        return f"{country}|undated|{bucket}"
    return table[(country, e["date_start"])]


def block_sizes(days: Iterable[tuple[tuple[str, date | None], int]],
                table: dict[tuple[str, date], str]) -> tuple[int, int]:
    """(how many blocks, events in the largest), from the events per (country, first day);
    each undated event counts as a block of its own (it never merges)."""
    sizes: dict[str, int] = {}
    undated = 0
    for (country, start), n in days:
        if start is None:
            undated += n
        else:
            sizes[table[(country, start)]] = sizes.get(table[(country, start)], 0) + n
    return len(sizes) + undated, max(max(sizes.values(), default=0), min(undated, 1))


def merge_block(events: list[Event]) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """Incidents and memberships of one block: the local merge's pure per-block entry point."""
    return local_merge.merge_events(events)


def merge_sorted(pairs: Iterable[tuple[str, Event]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(block, event) pairs sorted by block → ("incidents", row) and ("incident_reports",
    row); one block in memory at a time."""
    for _, group in groupby(pairs, key=lambda p: p[0]):
        incidents, members = merge_block([e for _, e in group])
        for row in incidents:
            yield "incidents", row
        for row in members:
            yield "incident_reports", row
