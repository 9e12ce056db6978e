"""The page's filters: one set, parsed from the URL's query string, used by every view and by
the downloads. They extend the exports' `Filters` (date range, countries, types) with the
page's own (admin1, sub-type, actor, fatalities ≥ N, disagreements only, text search over
evidence), so a download goes through the existing export writers with exactly the rows
the page shows."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..corpus.exports import Filters

MAX_VALUES = 50          # values of one list parameter
MAX_TEXT = 200           # characters of a search or actor string
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


class BadRequest(ValueError):
    """A query parameter the page cannot use; answered with 400 and this message."""


@dataclass
class IncidentFilters(Filters):
    admin1: list[str] = field(default_factory=list)
    sub_types: list[str] = field(default_factory=list)
    actor: str | None = None
    min_fatalities: int | None = None
    disagreement: bool = False
    q: str | None = None
    # A table of the incident ids whose evidence holds `q`, registered on the request's
    # connection by `with_matches` (the server's fast search): statements join it instead
    # of scanning every evidence sentence. Set only by code, never from a URL.
    within: str | None = None

    def where(self, alias: str) -> tuple[str, list[Any]]:
        """The exports' clauses and the page's, for the `incidents` table under `alias`."""
        base, params = super().where(alias)
        clauses = [base.removeprefix(" WHERE ")] if base else []
        if self.admin1:
            clauses.append(f"lower({alias}.admin1) IN ({_marks(self.admin1)})")
            params += [a.lower() for a in self.admin1]
        if self.sub_types:
            clauses.append(f"lower({alias}.sub_event_type) IN ({_marks(self.sub_types)})")
            params += [t.lower() for t in self.sub_types]
        if self.actor:
            clauses.append(f"(contains(lower({alias}.actor1), ?) OR contains(lower({alias}.actor2), ?))")
            params += [self.actor.lower()] * 2
        if self.min_fatalities is not None:
            clauses.append(f"coalesce({alias}.fatalities, 0) >= ?")
            params.append(self.min_fatalities)
        if self.disagreement:
            clauses.append(f"{alias}.disagreement")
        if self.within:
            clauses.append(f"{alias}.incident_id IN (SELECT incident_id FROM {self.within})")
        elif self.q:
            clauses.append(f"{alias}.incident_id IN ({EVIDENCE_MATCHES})")
            params.append(like_pattern(self.q))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def without_dates(self) -> "IncidentFilters":
        """The same filters over all dates: the timeline shows the whole range it brushes."""
        return replace(self, date_from=None, date_to=None)


# The text filter's definition: incidents any of whose reports has an evidence sentence
# containing the words, case-insensitive and literal (see like_pattern). The server answers
# it from search.py's in-memory copy; this SQL serves any other caller of `where`.
EVIDENCE_MATCHES = ("SELECT incident_id FROM incident_reports WHERE event_key IN (SELECT event_key FROM "
                    "events _e WHERE len(list_filter(_e.evidence, lambda s: s.text ILIKE ? ESCAPE '\\')) > 0)")
MATCHES_TABLE = "_evidence_matches"


def like_pattern(words: str) -> str:
    """`%words%` with the user's own % and _ taken literally."""
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def with_matches(con: Any, filters: "IncidentFilters", matches: Any) -> "IncidentFilters":
    """The same filters with the text search answered by `matches` (an Arrow table of
    incident ids, see search.py), registered on this connection for its statements."""
    con.register(MATCHES_TABLE, matches)
    return replace(filters, within=MATCHES_TABLE)


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


# -- parsing --------------------------------------------------------------------------------
# URL parameter → what it holds. Lists may repeat (country=IQ&country=SY) or use commas.
PARAMETERS = {
    "from": "first day, YYYY-MM-DD",
    "to": "last day, YYYY-MM-DD",
    "country": "ISO 3166-1 alpha-2 code(s)",
    "admin1": "province or state name(s)",
    "type": "event type(s) (or sub-event types)",
    "sub_type": "sub-event type(s)",
    "actor": "words in actor 1 or actor 2",
    "min_fatalities": "fatalities (best estimate) at least N",
    "disagreement": "1: only incidents whose reports disagree",
    "q": "words in any report's evidence",
}


def parse_filters(query: Mapping[str, Sequence[str]]) -> IncidentFilters:
    """Filters from a query string's values (each parameter → its list of values)."""
    def one(name: str) -> str | None:
        values = [v for v in query.get(name, ()) if v.strip()]
        if len(values) > 1:
            raise BadRequest(f"{name}: give it once")
        return values[0].strip() if values else None

    def many(name: str) -> list[str]:
        values = [v.strip() for raw in query.get(name, ()) for v in raw.split(",") if v.strip()]
        if len(values) > MAX_VALUES:
            raise BadRequest(f"{name}: at most {MAX_VALUES} values")
        return list(dict.fromkeys(values))

    countries = many("country")
    for code in countries:
        if not _COUNTRY.match(code):
            raise BadRequest(f"country: {code[:20]!r} is not a two-letter ISO code")
    filters = IncidentFilters(
        date_from=_date("from", one("from")), date_to=_date("to", one("to")),
        countries=[c.upper() for c in countries], types=many("type"),
        admin1=many("admin1"), sub_types=many("sub_type"),
        actor=_text("actor", one("actor")), min_fatalities=_count("min_fatalities", one("min_fatalities")),
        disagreement=_flag("disagreement", one("disagreement")), q=_text("q", one("q")),
    )
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise BadRequest("from: the first day is after the last day (to)")
    return filters


def _date(name: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"{name}: {value[:20]!r} is not a date (YYYY-MM-DD)") from None


def _count(name: str, value: str | None, limit: int = 10_000_000) -> int | None:
    if value is None:
        return None
    if not value.isdigit() or int(value) > limit:
        raise BadRequest(f"{name}: {value[:20]!r} is not a whole number from 0 to {limit:,}")
    return int(value)


def _flag(name: str, value: str | None) -> bool:
    if value is None or value.lower() in ("0", "false", "no"):
        return False
    if value.lower() in ("1", "true", "yes"):
        return True
    raise BadRequest(f"{name}: {value[:20]!r} is not 1 or 0")


def _text(name: str, value: str | None) -> str | None:
    if value is not None and len(value) > MAX_TEXT:
        raise BadRequest(f"{name}: at most {MAX_TEXT} characters")
    return value
