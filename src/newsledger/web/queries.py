"""What the API answers, as SQL over one read-only connection. Every value from a request
reaches DuckDB as a bound parameter; only names from the fixed tables below are formatted
into the SQL text."""
from __future__ import annotations

import json
import math
from datetime import date
from functools import lru_cache
from typing import Any

import duckdb

from ..corpus.exports import country_names
from .filters import BadRequest, IncidentFilters

Con = duckdb.DuckDBPyConnection

TABLE_COLUMNS = (
    "incident_id", "event_date", "date_precision", "date_start", "date_end", "country",
    "admin1", "location", "latitude", "longitude", "geo_precision", "event_type",
    "sub_event_type", "actor1", "actor2", "fatalities", "fatalities_low", "fatalities_high",
    "injured", "n_reports", "disagreement", "disagreements",
)
# sort key in the URL → column
SORTS = {
    "date": "date_start", "country": "country", "admin1": "admin1", "location": "location",
    "type": "event_type", "sub_type": "sub_event_type", "actor1": "actor1", "actor2": "actor2",
    "fatalities": "fatalities", "fatalities_low": "fatalities_low",
    "fatalities_high": "fatalities_high", "reports": "n_reports",
}
MAX_PAGE_SIZE = 500
BUCKETS = ("day", "week", "month")
MAX_MAP_CELLS = 1500     # markers one answer may hold; coarser cells beyond that
SINGLE_ZOOM = 10         # from this zoom on, every incident is its own marker


def dicts(con: Con, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


# -- the table --------------------------------------------------------------------------------
def incidents(con: Con, filters: IncidentFilters, sort: str = "-date", page: int = 1,
              per_page: int = 50) -> dict[str, Any]:
    column, direction = _sort(sort)
    if page < 1 or not 1 <= per_page <= MAX_PAGE_SIZE:
        raise BadRequest(f"page must be ≥ 1 and per_page from 1 to {MAX_PAGE_SIZE}")
    where, params = filters.where("i")
    total = con.execute(f"SELECT count(*) FROM incidents i{where}", params).fetchone()[0]
    rows = dicts(con, f"SELECT {', '.join(TABLE_COLUMNS)} FROM incidents i{where} "
                      f"ORDER BY {column} {direction} NULLS LAST, incident_id LIMIT ? OFFSET ?",
                 params + [per_page, (page - 1) * per_page])
    return {"total": total, "page": page, "per_page": per_page, "sort": sort,
            "pages": max(1, math.ceil(total / per_page)), "rows": rows}


def _sort(sort: str) -> tuple[str, str]:
    key = sort.removeprefix("-")
    if key not in SORTS:
        raise BadRequest(f"sort: {sort[:30]!r} is not one of {', '.join(SORTS)} (prefix - for descending)")
    return SORTS[key], "DESC" if sort.startswith("-") else "ASC"


# -- stats and the timeline ---------------------------------------------------------------------
def stats(con: Con, filters: IncidentFilters, bucket: str = "auto") -> dict[str, Any]:
    where, params = filters.where("i")
    totals = dicts(con, "SELECT count(*) AS incidents, coalesce(sum(fatalities), 0) AS fatalities, "
                        "coalesce(sum(n_reports), 0) AS reports, count(*) FILTER (disagreement) "
                        f"AS disagreements FROM incidents i{where}", params)[0]
    by_type = dicts(con, "SELECT event_type, count(*) AS incidents, coalesce(sum(fatalities), 0) "
                         f"AS fatalities FROM incidents i{where} GROUP BY 1 ORDER BY 2 DESC, 1", params)
    names = _country_names()
    by_country = [{**r, "name": names.get(r["country"] or "", "")} for r in dicts(
        con, f"SELECT country, count(*) AS incidents FROM incidents i{where} GROUP BY 1 "
             "ORDER BY 2 DESC, 1", params)]
    return {"totals": totals, "by_type": by_type, "by_country": by_country,
            "timeline": timeline(con, filters.without_dates(), bucket),
            "facets": facets(con, filters)}


def timeline(con: Con, filters: IncidentFilters, bucket: str = "auto") -> dict[str, Any]:
    """Incidents and fatalities per bucket and type, over all dates (the brush picks the
    range). Dated to the first day they may mean; year-only dates are left out (counted)."""
    where, params = filters.where("i")
    dated = (" AND " if where else " WHERE ") + "date_start IS NOT NULL AND date_precision <> 'year'"
    first, last, undated = con.execute(
        f"SELECT min(date_start) FILTER (date_start IS NOT NULL AND date_precision <> 'year'), "
        f"max(date_start) FILTER (date_start IS NOT NULL AND date_precision <> 'year'), "
        f"count(*) FILTER (date_start IS NULL OR date_precision = 'year') FROM incidents i{where}",
        params).fetchone()
    if bucket == "auto":
        bucket = _auto_bucket(first, last)
    elif bucket not in BUCKETS:
        raise BadRequest(f"bucket: {bucket[:20]!r} is not one of auto, {', '.join(BUCKETS)}")
    rows = con.execute(
        f"SELECT date_trunc('{bucket}', date_start)::DATE, event_type, count(*), "
        f"coalesce(sum(fatalities), 0) FROM incidents i{where}{dated} GROUP BY ALL ORDER BY 1, 2",
        params).fetchall()
    return {"bucket": bucket, "first": first, "last": last, "undated": undated,
            "bins": [{"start": b, "event_type": t, "incidents": n, "fatalities": f} for b, t, n, f in rows]}


def _auto_bucket(first: date | None, last: date | None) -> str:
    span = (last - first).days if first and last else 0
    return "day" if span <= 120 else "week" if span <= 3 * 365 else "month"


def facets(con: Con, filters: IncidentFilters) -> dict[str, Any]:
    """The values each filter may take, over the whole corpus (admin1: of the chosen
    countries), so a choice never hides the others."""
    names = _country_names()
    countries = [{"code": c, "name": names.get(c, c), "incidents": n} for c, n in con.execute(
        "SELECT country, count(*) FROM incidents WHERE country IS NOT NULL GROUP BY 1 ORDER BY 1").fetchall()]
    types = con.execute("SELECT DISTINCT event_type, sub_event_type FROM incidents "
                        "WHERE event_type IS NOT NULL ORDER BY 1, 2").fetchall()
    admin1: list[str] = []
    if filters.countries:
        admin1 = [a for (a,) in con.execute(
            f"SELECT DISTINCT admin1 FROM incidents WHERE admin1 IS NOT NULL AND country IN "
            f"({', '.join('?' for _ in filters.countries)}) ORDER BY 1", filters.countries).fetchall()]
    by_type: dict[str, list[str]] = {}
    for kind, sub in types:
        by_type.setdefault(kind, [])
        if sub:
            by_type[kind].append(sub)
    return {"countries": countries, "event_types": by_type, "admin1": admin1}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return country_names()


# -- the map ----------------------------------------------------------------------------------
def map_cells(con: Con, filters: IncidentFilters, zoom: int,
              bbox: tuple[float, float, float, float] | None) -> dict[str, Any]:
    """Incidents grouped on a grid as fine as the zoom (about 64 px a cell), so the page
    draws at most a few thousand SVG markers whatever the corpus size; a cell holding one
    incident comes back as that incident, with its place's precision."""
    where, params = filters.where("i")
    located = (" AND " if where else " WHERE ") + "latitude IS NOT NULL AND longitude IS NOT NULL"
    if bbox:
        west, south, east, north = bbox
        located += " AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?"
        params = params + [south, north, west, east]
    cell = 360.0 / 2 ** zoom / 4
    while True:
        size = 0.0 if zoom >= SINGLE_ZOOM else cell
        rows = _cells(con, where + located, params, size)
        if len(rows) <= MAX_MAP_CELLS or size == 0.0 and zoom >= 18:
            break
        zoom, cell = zoom - 1, cell * 2  # too many markers: coarser cells
    unlocated_where = (" AND " if where else " WHERE ") + "(latitude IS NULL OR longitude IS NULL)"
    unlocated = con.execute(f"SELECT count(*) FROM incidents i{where}{unlocated_where}",
                            filters.where("i")[1]).fetchone()[0]
    return {"cell_degrees": size, "cells": rows, "unlocated": unlocated}


def _cells(con: Con, where: str, params: list[Any], size: float) -> list[dict[str, Any]]:
    group = "incident_id" if size == 0.0 else "floor(longitude / ?), floor(latitude / ?)"
    group_params = [] if size == 0.0 else [size, size]
    return dicts(con, f"""
        SELECT count(*) AS n, avg(latitude) AS lat, avg(longitude) AS lon,
          coalesce(sum(fatalities), 0) AS fatalities, mode(event_type) AS event_type,
          CASE WHEN count(*) = 1 THEN min(incident_id) END AS incident_id,
          CASE WHEN count(*) = 1 THEN min(location) END AS location,
          CASE WHEN count(*) = 1 THEN min(admin1) END AS admin1,
          CASE WHEN count(*) = 1 THEN min(country) END AS country,
          CASE WHEN count(*) = 1 THEN min(event_date) END AS event_date,
          CASE WHEN count(*) = 1 THEN min({_PRECISION}) END AS precision
        FROM incidents i{where} GROUP BY {group} ORDER BY n DESC, incident_id""",
                 params + group_params)


# What a marker's place is: the place itself, near it or part of a region, only the province
# (ACLED geo precision 1/2/3), or only the country (no place or province named).
_PRECISION = ("CASE WHEN location IS NULL AND admin1 IS NULL THEN 'country' "
              "WHEN geo_precision = 3 THEN 'admin1' WHEN geo_precision = 2 THEN 'near' "
              "ELSE 'point' END")


# -- one incident --------------------------------------------------------------------------------
# Colour groups of the incident page: which ledger fields each highlight colour stands for.
FIELD_GROUPS = {
    "event_date": "date", "date_precision": "date",
    "country": "place", "admin1": "place", "admin2": "place", "location": "place",
    "event_type": "type", "sub_event_type": "type",
    "actor1": "actors", "actor2": "actors",
    "fatalities": "numbers", "injured": "numbers",
}


def incident(con: Con, incident_id: str) -> dict[str, Any] | None:
    found = dicts(con, "SELECT * FROM incidents WHERE incident_id = ?", [incident_id])
    if not found:
        return None
    row = found[0]
    reports = dicts(con, """
        SELECT e.* EXCLUDE (content_hash), a.id AS article_id, a.title, a.source, a.url,
          a.published, a.text, r.* EXCLUDE (event_key, incident_id)
        FROM incident_reports r JOIN events e USING (event_key) JOIN articles a USING (content_hash)
        WHERE r.incident_id = ? ORDER BY a.published NULLS LAST, e.event_key""", [incident_id])
    for n, report in enumerate(reports, 1):
        report["n"] = n
        report["provenance"] = json.loads(report["provenance"] or "{}")
        report["segments"] = segments(report.pop("text") or "", report["provenance"],
                                      report.get("evidence") or [])
    row["country_name"] = _country_names().get(row["country"] or "", "")
    row["reports"] = reports
    for report in reports:  # why the merge put it here (older corpora have no such column)
        report["merge_reason"] = json.loads(report.get("merge_reason") or "{}")
    disagree = list(row.get("disagreements") or [])
    # a figure a later report changed is a revision (UCDP), shown beside the disagreements
    revised = [name for name in ("fatalities", "injured") if name not in disagree
               and len({r.get(name) for r in reports if r.get(name) is not None}) > 1]
    row["sides"] = {name: [{"report": r["n"], "value": r.get(name), "source": r["source"],
                            "title": r["title"], "published": r["published"]} for r in reports]
                    for name in disagree + revised}
    row["side_kinds"] = {**{name: "disagreement" for name in disagree},
                         **{name: "revision" for name in revised}}
    row["field_groups"] = FIELD_GROUPS
    return row


def segments(text: str, provenance: dict[str, Any], evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The article cut where any highlight starts or ends: each piece with the fields whose
    words it is and whether it lies in an evidence sentence. Offsets are code points (the
    ledger's), cut here in Python so the page never has to convert them."""
    spans = [(int(v[0]), int(v[1]), name) for name, v in sorted(provenance.items())
             if isinstance(v, (list, tuple)) and len(v) == 2 and 0 <= int(v[0]) < int(v[1]) <= len(text)]
    marks = [(int(s["start"]), int(s["end"])) for s in evidence
             if s.get("start") is not None and s.get("end") is not None]
    cuts = sorted({0, len(text), *(p for s, e, _ in spans for p in (s, e)),
                   *(p for s, e in marks for p in (s, e) if 0 <= p <= len(text))})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        fields = [name for s, e, name in spans if s <= start and end <= e]
        out.append({"text": text[start:end], "fields": fields,
                    "evidence": any(s <= start and end <= e for s, e in marks)})
    return out


# -- entities and quotes ------------------------------------------------------------------------
_ENTITY_JSON = '[{"canonical":"VARCHAR","type":"VARCHAR","mentions":[{"text":"VARCHAR"}]}]'
_QUOTE_JSON = ('[{"speaker":"VARCHAR","text":"VARCHAR","kind":"VARCHAR","start":"INTEGER",'
               '"end":"INTEGER","cue":"VARCHAR","addressee":"VARCHAR"}]')
_QUOTES = f"""
  SELECT q.speaker, q.text, q.kind, q.cue, q.addressee, q.start, a.id AS article_id,
    a.title, a.source, a.published, a.content_hash
  FROM (SELECT a.*, unnest(from_json(a.quotes, '{_QUOTE_JSON}')) AS q FROM articles a
        WHERE a.quotes IS NOT NULL AND a.quotes <> '[]') a"""


def entity(con: Con, name: str) -> dict[str, Any] | None:
    """One name across the corpus: the surface forms articles use for it, the incidents it
    is an actor in, and what it said."""
    aliases = dicts(con, f"""
        SELECT m.text AS alias, count(*) AS mentions, min(e.type) AS type FROM
          (SELECT unnest(from_json(entities, '{_ENTITY_JSON}')) AS e FROM articles
           WHERE entities IS NOT NULL AND entities <> '[]') t(e), unnest(e.mentions) AS u(m)
        WHERE lower(e.canonical) = lower(?) GROUP BY 1 ORDER BY 2 DESC, 1""", [name])
    acts = dicts(con, f"SELECT {', '.join(TABLE_COLUMNS)} FROM incidents WHERE lower(actor1) = "
                      "lower(?) OR lower(actor2) = lower(?) ORDER BY date_start DESC NULLS LAST, "
                      "incident_id LIMIT 500", [name, name])
    said = dicts(con, _QUOTES + " WHERE lower(q.speaker) = lower(?) ORDER BY a.published DESC "
                      "NULLS LAST, a.content_hash, q.start LIMIT 500", [name])
    if not (aliases or acts or said):
        return None
    return {"name": name, "aliases": aliases, "incidents": acts, "quotes": _quote_rows(said)}


def quotes(con: Con, q: str | None, speaker: str | None, page: int, per_page: int) -> dict[str, Any]:
    if page < 1 or not 1 <= per_page <= MAX_PAGE_SIZE:
        raise BadRequest(f"page must be ≥ 1 and per_page from 1 to {MAX_PAGE_SIZE}")
    clauses, params = [], []
    if q:
        clauses.append("(contains(lower(q.text), ?) OR contains(lower(q.speaker), ?))")
        params += [q.lower()] * 2
    if speaker:
        clauses.append("lower(q.speaker) = lower(?)")
        params.append(speaker)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = con.execute(f"SELECT count(*) FROM ({_QUOTES}{where})", params).fetchone()[0]
    rows = dicts(con, f"{_QUOTES}{where} ORDER BY a.published DESC NULLS LAST, a.content_hash, "
                      "q.start LIMIT ? OFFSET ?", params + [per_page, (page - 1) * per_page])
    return {"total": total, "page": page, "per_page": per_page,
            "pages": max(1, math.ceil(total / per_page)), "rows": _quote_rows(rows)}


def _quote_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        row.pop("content_hash", None)
    return rows
