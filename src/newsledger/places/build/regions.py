"""Named regions (lexicon `named_regions`): places that conflict news tells events by but
that are no administrative unit ("Darfur", "Donbas", "the Niger Delta"). Each (region,
country) becomes a unit of kind "region" accumulated from the towns of the admin1 units it
spans, so its point and population come from GeoNames, never from typed coordinates."""
from __future__ import annotations

from ... import lexicons
from ..names import name_key
from .units import Unit


def build_regions(units1: dict[tuple[str, str], Unit]) -> list[Unit]:
    """One region unit per (region, country) of the lexicon, in lexicon order. Its admin1 is
    its unit when it spans one, else None (the text's other places tell which). A unit the
    index lacks is a mistake in the lexicon: the build stops with its name."""
    by_name: dict[tuple[str, str], Unit] = {}
    for u in units1.values():
        for n in (u.name, *sorted(u.aliases)):
            by_name.setdefault((u.cc, name_key(n)), u)
    out = []
    for name, entry in lexicons.mapping("named_regions").items():
        aliases = {str(a) for a in entry.get("aliases") or ()}
        for cc, names in entry["units"].items():
            parts = [_unit(by_name, name, cc, str(n)) for n in names]
            region = Unit(str(name), cc, parts[0].name if len(parts) == 1 else None, "region",
                          set(aliases))
            for p in parts:
                region.lats += p.lats
                region.lons += p.lons
                region.pop += p.pop
            out.append(region)
    return out


def _unit(by_name: dict[tuple[str, str], Unit], region: str, cc: str, name: str) -> Unit:
    unit = by_name.get((cc, name_key(name)))
    if unit is None or not unit.lats:
        raise ValueError(f"named_regions: {region}: {cc} has no admin1 unit {name!r} with towns")
    return unit
