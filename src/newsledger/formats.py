"""Writers for one ledger: JSON, JSONL, a terminal table, and ACLED-style CSV rows."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, TextIO

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "country", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities", "injured",
)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def to_json(ledger: dict[str, Any], indent: int | None = 1) -> str:
    return json.dumps(ledger, ensure_ascii=False, indent=indent)


def acled_rows(ledger: dict[str, Any], country_names: dict[str, str] | None = None) -> list[dict]:
    """One ACLED-style row per event. `country` is written as a name where one is known."""
    rows = []
    for n, e in enumerate(ledger.get("events", []), 1):
        rows.append({
            **acled_fields(e, country_names or {}),
            "event_id_cnty": f"{e.get('country') or 'XX'}{ledger['id'][:8]}-{n}",
            "source": ledger.get("source") or ledger.get("url") or "",
            "notes": " ".join(s["text"] for s in e.get("evidence", [])),
        })
    return rows


def acled_fields(e: dict[str, Any], country_names: dict[str, str]) -> dict[str, Any]:
    """The ACLED columns an event (or an incident) fills by itself; blanks for nulls."""
    when = e.get("event_date") or ""
    code = e.get("country") or ""
    return {
        "event_date": when,
        "year": when[:4],
        "time_precision": TIME_PRECISION.get(e.get("date_precision") or "", ""),
        "event_type": e.get("event_type") or "",
        "sub_event_type": e.get("sub_event_type") or "",
        "actor1": e.get("actor1") or "",
        "actor2": e.get("actor2") or "",
        "country": country_names.get(code, code),
        "admin1": e.get("admin1") or "",
        "admin2": e.get("admin2") or "",
        "location": e.get("location") or "",
        **{k: blank_if_none(e.get(k)) for k in
           ("latitude", "longitude", "geo_precision", "fatalities", "injured")},
    }


def blank_if_none(value: Any) -> Any:
    return "" if value is None else value


def write_csv(rows: list[dict], out: TextIO, header: bool = True) -> None:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, extrasaction="ignore")
    if header:
        writer.writeheader()
    writer.writerows(rows)


def table(ledger: dict[str, Any]) -> str:
    """A plain-text view for the terminal: events, then quotes, claims and entities."""
    out = io.StringIO()
    events = ledger.get("events", [])
    out.write(f"{ledger['id']}  published {ledger.get('published') or 'unknown'}  "
              f"{len(events)} events\n")
    cols = ("event_date", "country", "location", "sub_event_type", "actor1", "actor2",
            "fatalities", "injured")
    widths = (10, 2, 22, 30, 30, 26, 4, 4)
    heads = ("date", "cc", "location", "type", "actor1", "actor2", "dead", "inj")
    out.write(_row(heads, widths) + "\n" + _row(["-" * w for w in widths], widths) + "\n")
    for e in events:
        out.write(_row([_cell(e.get(c)) for c in cols], widths) + "\n")
    if ledger.get("quotes"):
        out.write(f"\nquotes ({len(ledger['quotes'])})\n")
        for q in ledger["quotes"]:
            out.write(f"  {q.get('speaker') or '?'} [{q['kind']}]: {_clip(q['text'], 90)}\n")
    if ledger.get("claims"):
        out.write(f"\nclaims ({len(ledger['claims'])})\n")
        for c in ledger["claims"]:
            out.write(f"  {c.get('claimant') or '?'}: {_clip(c['text'], 90)}\n")
    multi = [e for e in ledger.get("entities", []) if len({m["text"] for m in e["mentions"]}) > 1]
    out.write(f"\nentities ({len(ledger.get('entities', []))}; with aliases:)\n")
    for e in multi:
        forms = sorted({m["text"] for m in e["mentions"]})
        out.write(f"  {e['canonical']} [{e['type']}]: {' / '.join(forms)}\n")
    return out.getvalue()


def _cell(v: Any) -> str:
    return "" if v is None else str(v)


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _row(cells, widths) -> str:
    return "  ".join(_clip(c, w).ljust(w) for c, w in zip(cells, widths)).rstrip()
