"""The name keys of each place (its own name and spelling variants, its alternate names,
and whether find() may use them) and the names table: key → place ids, best first."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from rapidfuzz.fuzz import ratio

from ... import lexicons
from ..names import name_key, prominence
from ..variants import CLOSE_VARIANT, arabic_spellings, closed_up, final_a, translated_town
from .geonames import City

if TYPE_CHECKING:
    from .units import Row

NameKeys = list[tuple[str, bool, bool]]  # (key, the place's own name, usable by find())

# News usage that population alone gets wrong: this place comes first for this name.
PREFERRED: dict[str, int] = {str(k): int(v) for k, v in lexicons.mapping("preferred_places").items()}


# The least share of a province's people its namesake town must hold to come first for the
# name (see _namesake_city_first).
NAMESAKE_SHARE = 0.1

# Arab countries: "Al Qaim", "Ar Ramadi" are also written without the article.
_ARABIC_CC = frozenset(lexicons.words("arabic_countries"))
_ARTICLES = sorted({*lexicons.words("name_articles"), *lexicons.words("arabic_articles")},
                   key=lambda a: (-len(a), a))
_ARTICLE = re.compile(r"^(?:" + "|".join(map(re.escape, _ARTICLES)) + r") (?=\w{4})")


def _country_names(name: str, aliases: Iterable[str]) -> list[tuple[str, bool, bool]]:
    out = [(name_key(name), True, True)]
    out += [(name_key(a), False, True) for a in aliases]
    return out


def _unit_names(name: str, aliases: Iterable[str], cc: str) -> list[tuple[str, bool, bool]]:
    out = [(k, True, True) for k in _variants(name, cc)]
    out += [(k, False, True) for a in aliases for k in _variants(a, cc)]
    return out


def _city_names(c: City) -> list[tuple[str, bool, bool]]:
    out = [(k, True, True) for k in _variants(c.name, c.cc)]
    own = name_key(c.name)
    out += [(k, True, True) for k in closed_up(own)]  # "Dan Sadau" written "Dansadau"
    for a in c.alts:
        short = _short_form(a, c.name)
        for k in _variants(a, c.cc):
            close = short or ratio(k, own) >= CLOSE_VARIANT
            out.append((k, close, _alt_findable(k, close, c.pop)))
    return out


# After a town's short name, what its full name adds: a lower-case word ("Frankfurt am Main",
# "Newcastle upon Tyne", "Freiburg im Breisgau", "Rostov-na-Donu") or a bracket ("Halle (Saale)")
_QUALIFIER_TAIL = re.compile(r"[ -](?:\(|[a-z])")


def _short_form(alt: str, name: str) -> bool:
    """An alternate name that is the town's own name without its qualifier: as close to it
    as a spelling (news writes "Newcastle", "Frankfurt")."""
    return len(alt) >= 4 and name.startswith(alt) and bool(_QUALIFIER_TAIL.match(name, len(alt)))


def _alt_findable(alt: str, close: bool, pop: int) -> bool:
    """Whether find() may use an alternate name. GeoNames lists exonyms in many languages,
    and some are English words ("Soul" for Seoul, "Can" for Caen): keep the spellings close to
    the town's own name ("Kiev", "Banghazi") and, for big cities only, long distinct ones
    ("Bombay", "Peking")."""
    if pop < 15000 or len(alt) < 4:
        return False
    return close or (pop >= 1_000_000 and len(alt) >= 6)


def _variants(name: str, cc: str) -> Iterator[str]:
    key = name_key(name)
    if not key:
        return
    yield key
    if key.startswith("saint "):
        yield "st " + key[6:]
    elif key.startswith("st "):
        yield "saint " + key[3:]
    elif key.startswith("sainte "):
        yield "ste " + key[7:]
    if cc in _ARABIC_CC:
        bare = _ARTICLE.sub("", key) if _ARTICLE.match(key) else None
        if bare:
            yield bare
        for k in (key, bare):
            if k:
                yield from final_a(k)  # "Shabwah" written "Shabwa"
                yield from arabic_spellings(k)  # "Tabqa" written "Tabka"
        yield from translated_town(key)  # "Madinat Hamad" written "Hamad Town"


def index_names(rows: list[Row], names: list[list[tuple[str, bool, bool]]]
                ) -> dict[str, str]:
    """key → "[*]id,id,…" with ids best first: a negative id = matched through an alternate
    name; "~" before an id = not for find(); "*" first = some id is for find()."""
    by_key: dict[str, dict[int, tuple[bool, bool]]] = defaultdict(dict)
    for pid, entries in enumerate(names, start=1):
        for key, primary, findable in entries:
            old = by_key[key].get(pid, (False, False))
            by_key[key][pid] = (old[0] or primary, old[1] or findable)
    out = {}
    for key, hits in by_key.items():
        order = sorted(hits, key=lambda pid: (-prominence(rows[pid - 1].kind, rows[pid - 1].pop,
                                                          hits[pid][0]), pid))
        order = _namesake_city_first(order, rows)
        order = _region_after_town(order, rows)
        if key in PREFERRED:
            order.sort(key=lambda pid: rows[pid - 1].gid != PREFERRED[key])
        ids = ",".join(("" if hits[pid][1] else "~") + str(pid if hits[pid][0] else -pid)
                       for pid in order)
        out[key] = ("*" if any(f for _, f in hits.values()) else "") + ids
    return out


def _namesake_city_first(order: list[int], rows: list[Row]) -> list[int]:
    """A province named after its capital ("Kirkuk", "Mandera"): the city comes first,
    since a bare name in a news report usually means the town. Only a town that holds a good
    share of the province's people: "Quebec" and "Xinjiang" in the news are the province, not
    Québec city (5%) or a hamlet; "Minnesota" is not Minneota (its alternate names list it)."""
    order = list(order)
    for i, pid in enumerate(order):
        r = rows[pid - 1]
        if r.kind != "admin1":
            continue
        for j in range(i + 1, len(order)):
            c = rows[order[j] - 1]
            if c.kind == "city" and c.cc == r.cc and c.admin1 == r.name \
                    and c.pop >= NAMESAKE_SHARE * r.pop:
                order.insert(i, order.pop(j))
                break
    return order


def _region_after_town(order: list[int], rows: list[Row]) -> list[int]:
    """A named region after a same-named town of its own country: a bare name the country's
    GeoNames lists as a town is that town in its news ("Sinai" the region in Egypt, but a
    town called like a region where one is); a foreign town only by population."""
    order = list(order)
    for pid in [p for p in order if rows[p - 1].kind == "region"]:
        r = rows[pid - 1]
        towns = [i for i, p in enumerate(order) if rows[p - 1].kind == "city" and rows[p - 1].cc == r.cc]
        if towns and towns[-1] > order.index(pid):
            order.remove(pid)
            order.insert(towns[-1], pid)  # the list shrank by one: this is just after it
    return order
