"""An incident's row from its reports: the most specific place, the most precise date, and
the figures as UCDP gives them.

Figures follow UCDP: every report keeps its own value; `best` is the figure of the latest
report (reports of one day: the larger figure, a toll grows as counting goes on), `low`/`high`
the smallest and largest reported. A later report's different figure is a *revision*; only
reports of the same day that differ are *rival* figures, a disagreement.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from .merge_evidence import PRECISION_RANK, Event, folded, is_generic, is_specific, reported_on

VALUE_FIELDS = ("fatalities", "injured")


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
    return [(reported_on(m), m[name]) for m in members]


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
                   key=lambda m: (reported_on(m) or date.min, m[name], m["event_key"]))
    roles = {m["event_key"]: "none" for m in members}
    earlier: list[Event] = []
    for m in dated:
        if not earlier:
            roles[m["event_key"]] = "first"
        elif any(p[name] == m[name] for p in earlier):
            roles[m["event_key"]] = "same"
        elif any(reported_on(p) == reported_on(m) for p in earlier):
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
    if len({folded(m["location"]) for m in members if is_specific(m)}) > 1:
        out.append("location")
    for name in ("event_type", "sub_event_type"):
        if len({m[name] for m in members}) > 1:
            out.append(name)
    for name in ("actor1", "actor2"):
        if len({folded(m[name]) for m in members if m[name]}) > 1:
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
        return (not is_specific(m), m["latitude"] is None, m["geo_precision"] or 9,
                m["admin2"] is None)

    top = min(depth(m) for m in located)
    precise = [m for m in located if depth(m) == top]
    counts = Counter(folded(m["location"]) for m in precise)
    value = min(counts, key=lambda v: (-counts[v], v))
    return next(m for m in precise if folded(m["location"]) == value)


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
    return min(counts, key=lambda v: (is_generic(v), -counts[v], v))
