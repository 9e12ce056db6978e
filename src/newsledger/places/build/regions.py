"""Named regions (lexicon `named_regions`): places that conflict news tells events by but
that are no administrative unit ("Darfur", "Donbas", "the Niger Delta"). Each (region,
country) becomes a unit of kind "region" accumulated from the towns of the admin1 units it
spans, so its point and population come from GeoNames, never from typed coordinates.

A region far smaller than its unit ("South Waziristan" in Khyber Pakhtunkhwa) names the
towns it is told by (`towns`): its point is theirs, not its province's. One that is a
second-level unit GeoNames has but the tables we build from lack (`district: true`) is
indexed as an admin2 unit, its own name its admin2, as ACLED codes it."""
from __future__ import annotations

from ... import lexicons
from ..names import name_key
from .geonames import City
from .units import Unit


def build_regions(units1: dict[tuple[str, str], Unit], cities: list[City] = ()) -> list[Unit]:
    """One region unit per (region, country) of the lexicon, in lexicon order. Its admin1 is
    its unit when it spans one, else None (the text's other places tell which). A unit or a
    town the index lacks is a mistake in the lexicon: the build stops with its name."""
    by_name: dict[tuple[str, str], Unit] = {}
    for u in units1.values():
        for n in (u.name, *sorted(u.aliases)):
            by_name.setdefault((u.cc, name_key(n)), u)
    towns: dict[tuple[str, str, str], City] = {}  # (country, admin1, name key) → the biggest
    for c in sorted(cities, key=lambda c: (-c.pop, c.gid)):
        for n in (c.name, *c.alts):  # 'Douma' is an alternate name of Dūmā
            towns.setdefault((c.cc, c.admin1 or "", name_key(n)), c)
    out = []
    for name, entry in lexicons.mapping("named_regions").items():
        aliases = {str(a) for a in entry.get("aliases") or ()}
        for cc, names in entry["units"].items():
            parts = [_unit(by_name, name, cc, str(n)) for n in names]
            one = parts[0].name if len(parts) == 1 else None
            district = bool(entry.get("district")) and one is not None
            region = Unit(str(name), cc, one, "admin2" if district else "region", set(aliases))
            seats = [_town(towns, name, cc, parts, str(t)) for t in (entry.get("towns") or {}).get(cc, ())]
            for p in parts:
                region.pop += p.pop
                if not seats:
                    region.lats += p.lats
                    region.lons += p.lons
            for t in seats:
                region.lats.append(t.lat)
                region.lons.append(t.lon)
            out.append(region)
    return out


def _unit(by_name: dict[tuple[str, str], Unit], region: str, cc: str, name: str) -> Unit:
    unit = by_name.get((cc, name_key(name)))
    if unit is None or not unit.lats:
        raise ValueError(f"named_regions: {region}: {cc} has no admin1 unit {name!r} with towns")
    return unit


def _town(towns: dict[tuple[str, str, str], City], region: str, cc: str, parts: list[Unit],
          name: str) -> City:
    """A town the region is told by, in one of its units."""
    for p in parts:
        town = towns.get((cc, p.name, name_key(name)))
        if town is not None:
            return town
    raise ValueError(f"named_regions: {region}: no town {name!r} in its {cc} units")
