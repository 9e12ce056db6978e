"""Check a ledger against the spec: every offset indexes the text, every enum is known."""
from __future__ import annotations

from typing import Any

from .ledger import DATE_PRECISIONS, ENTITY_TYPES, EVENT_TYPES, QUOTE_KINDS

_DATE_LEN = {"day": 10, "week": 10, "month": 7, "year": 4}


def ledger_problems(ledger: dict[str, Any], text: str) -> list[str]:
    """Every way `ledger` breaks the spec for `text`; an empty list means it is valid."""
    problems: list[str] = []
    for key in ("id", "events", "quotes", "entities", "claims"):
        if key not in ledger:
            problems.append(f"missing {key}")
    for n, e in enumerate(ledger.get("events", [])):
        problems += [f"event {n}: {p}" for p in _event_problems(e, text)]
    for n, q in enumerate(ledger.get("quotes", [])):
        if q.get("kind") not in QUOTE_KINDS:
            problems.append(f"quote {n}: kind {q.get('kind')!r}")
        problems += [f"quote {n}: {p}" for p in _span_problems(q, text)]
    for n, c in enumerate(ledger.get("claims", [])):
        problems += [f"claim {n}: {p}" for p in _span_problems(c, text)]
    for n, ent in enumerate(ledger.get("entities", [])):
        if ent.get("type") not in ENTITY_TYPES:
            problems.append(f"entity {n}: type {ent.get('type')!r}")
        for m in ent.get("mentions", []):
            problems += [f"entity {n}: {p}" for p in _span_problems(m, text)]
    return problems


def _event_problems(e: dict, text: str) -> list[str]:
    out = []
    if e.get("sub_event_type") not in EVENT_TYPES.get(e.get("event_type"), ()):
        out.append(f"type {e.get('event_type')!r}/{e.get('sub_event_type')!r}")
    prec, when = e.get("date_precision"), e.get("event_date")
    if when is not None and (prec not in DATE_PRECISIONS or len(when) != _DATE_LEN[prec]):
        out.append(f"date {when!r} with precision {prec!r}")
    if when is None and prec is not None:
        out.append("precision without a date")
    if e.get("geo_precision") not in (None, 1, 2, 3):
        out.append(f"geo_precision {e.get('geo_precision')!r}")
    for k in ("fatalities", "injured"):
        if e.get(k) is not None and (not isinstance(e[k], int) or e[k] < 0):
            out.append(f"{k} {e[k]!r}")
    for span in e.get("evidence", []):
        out += _span_problems(span, text)
    for name, (start, end) in e.get("provenance", {}).items():
        if not (0 <= start < end <= len(text)):
            out.append(f"provenance {name} [{start}, {end}] outside the text")
    if not e.get("evidence"):
        out.append("no evidence")
    return out


def _span_problems(span: dict, text: str) -> list[str]:
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
        return [f"bad offsets {start!r}..{end!r}"]
    if text[start:end] != span.get("text"):
        return [f"text[{start}:{end}] != {span.get('text')!r}"]
    return []
