"""The result for one article, in the format of the spec (shared/spec/ledger-format.md).

Pure data: building a ledger does no NLP. Every span keeps offsets into the article text.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb",
        "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}
SUB_EVENT_TYPES = {sub: etype for etype, subs in EVENT_TYPES.items() for sub in subs}
DATE_PRECISIONS = ("day", "week", "month", "year")
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP")
QUOTE_KINDS = ("direct", "indirect")


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class Event:
    event_id: str
    event_date: str | None
    date_precision: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    geonames_id: int | None
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    fatalities: int | None
    injured: int | None
    evidence: list[Span]
    provenance: dict[str, list[int]] = field(default_factory=dict)
    confidence: float = 0.5
    notes: str = ""
    reason: str = ""  # why the event was kept: its trigger, the sense that decided, its anchor


@dataclass
class Quote:
    speaker: str | None
    text: str
    kind: str
    start: int
    end: int
    cue: str | None = None
    addressee: str | None = None


@dataclass
class Mention:
    text: str
    start: int
    end: int


@dataclass
class Entity:
    id: str
    canonical: str
    type: str
    mentions: list[Mention]


@dataclass
class Claim:
    claimant: str | None
    text: str
    start: int
    end: int
    cue: str | None = None


@dataclass
class Ledger:
    id: str
    published: str | None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    normalized: dict[str, Any] | None = None  # what was repaired to read the text (normalize.py)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


_LEAVES = (str, int, float, bool, type(None))
_NAMES: dict[type, tuple[str, ...]] = {}  # a dataclass's field names, read once per class


def _plain(value: Any) -> Any:
    """`dataclasses.asdict`, without its deep copy of every leaf (a str or a number is its
    own copy): the same dicts and lists, built several times faster."""
    kind = type(value)
    if kind in _LEAVES:
        return value
    if kind is list:
        return [_plain(v) for v in value]
    if kind is dict:
        return {_plain(k): _plain(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        names = _NAMES.get(kind)
        if names is None:
            names = _NAMES[kind] = tuple(f.name for f in fields(value))
        return {name: _plain(getattr(value, name)) for name in names}
    if kind is tuple:
        return tuple(_plain(v) for v in value)
    return copy.deepcopy(value)
