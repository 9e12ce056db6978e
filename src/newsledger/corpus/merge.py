"""Cross-article incident merging: events from different articles that report one incident
become one incident listing every report, with the reason each report joined.

The unit of work is a *block*: the events of one country whose date windows chain together
(see `merge_groups.blocks`). No two events of different blocks can be one incident, so blocks
are merged independently — by the local store merge here, and per block on the executors of a
distributed runner — with one pure function, `merge_events(block_events)`.

The pieces, each in its own module and importable from here:
- `merge_evidence`: two reports compared field by field (`link`): conflicts that rule a merge
  out, and the evidence each agreeing field adds;
- `merge_groups`: blocks, the sweep's candidate pairs, agglomerative clustering over links;
- `merge_summary`: an incident's row (place, date, type, actors) and its figures, UCDP-style.
"""
from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Iterable
from typing import Any

from .merge_evidence import (DAY_SLACK, MAX_KM, MERGE_SCORE, Event, Link, actor_category,
                             actor_evidence, distance_km, haversine, link, names_match)
from .merge_groups import block_key, blocks, candidate_pairs, cluster, cluster_block, order_key
from .merge_summary import (VALUE_FIELDS, best_low_high, disagreements, figure_roles, incident_id,
                            summarise)

__all__ = [  # the merge's public names, as before the split into modules
    "DAY_SLACK", "MAX_KM", "MERGE_SCORE", "VALUE_FIELDS", "Event", "Link", "actor_category",
    "actor_evidence", "best_low_high", "block_key", "blocks", "candidate_pairs", "cluster",
    "disagreements", "distance_km", "figure_roles", "haversine", "incident_id", "link",
    "merge_events", "merge_store", "names_match", "order_key", "summarise",
]


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
        for group, why in cluster_block(block):
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
    whose dates chain to its own. Returns how many countries had a block re-merged. A
    country's re-merged blocks are read in one query and replaced in one transaction; the
    file is held for at most about HOLD_SECONDS at a time."""
    todo = deque(countries if countries is not None else store.countries_to_merge())
    everything = countries is not None
    touched = 0
    while todo:
        # The file is held for a few countries at a time, then closed so that readers and
        # other writers get in: each opening and closing (with its checkpoint) costs ~60 ms.
        with store.session():
            held = time.monotonic()
            while todo and (time.monotonic() - held < HOLD_SECONDS):
                touched += _merge_country(store, todo.popleft(), everything)
    return touched


HOLD_SECONDS = 0.5  # how long the merge keeps the file before letting others in


def _merge_country(store: Any, country: str, everything: bool) -> bool:
    """Whether a block of the country was re-merged (in one transaction for the country)."""
    dirty = [b for b in blocks(store.event_spans(country))
             if everything or any(not e["merged"] for e in b)]
    if dirty:
        keys = [e["event_key"] for block in dirty for e in block]
        incidents, members = _merge_blocks(dirty, store.events_by_keys(keys))
        store.replace_block(keys, incidents, members)
    return bool(dirty)


def _merge_blocks(dirty: list[list[Event]], rows: list[Event]) -> tuple[list, list]:
    """Each block merged on its own rows (in the order the store gave them, by event key),
    as if each had been read alone; the incidents and members of all of them."""
    block_of = {e["event_key"]: i for i, block in enumerate(dirty) for e in block}
    per_block: list[list[Event]] = [[] for _ in dirty]
    for row in rows:
        per_block[block_of[row["event_key"]]].append(row)
    incidents: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    for block_rows in per_block:
        found, joined = merge_events(block_rows)
        incidents += found
        members += joined
    return incidents, members
