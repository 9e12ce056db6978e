"""Names as the gazetteer keys them (folding), the countries' English names, aliases and
demonyms, and the static rank of a place for a name. The index build reads these too."""
from __future__ import annotations

import math
from functools import lru_cache

from anyascii import anyascii

from .. import lexicons

# --- folding -------------------------------------------------------------------------------
_KEY_TABLE = str.maketrans({"'": None, "`": None, "-": " ", ".": " ", ",": " ", "/": " ",
                            "(": " ", ")": " ", "_": " "})


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The index key of a name: ASCII, lower case, no apostrophes, hyphens and dots as spaces.
    "Tillabéri" → "tillaberi", "İstanbul" → "istanbul", "Côte d’Ivoire" → "cote divoire".
    (anyascii runs before lower(): "İ".lower() would leave a combining dot behind.)"""
    s = text if text.isascii() else anyascii(text)
    return " ".join(s.lower().translate(_KEY_TABLE).split())


def fold(text: str) -> str:
    """Diacritics and case folded, punctuation kept: for comparing names loosely."""
    return (text if text.isascii() else anyascii(text)).lower()


# --- countries -----------------------------------------------------------------------------
# English names where GeoNames' differ from news usage.
COUNTRY_NAMES: dict[str, str] = lexicons.mapping("country_names")


def _by_name(table: dict[str, list[str]]) -> dict[str, str]:
    """{"CD": ["DRC", "Zaire"]} → {"DRC": "CD", "Zaire": "CD"}: the first code a name has wins."""
    out: dict[str, str] = {}
    for iso, names in table.items():
        for name in names:
            out.setdefault(str(name), str(iso))
    return out


COUNTRY_ALIASES: dict[str, str] = _by_name(lexicons.mapping("country_aliases"))
DEMONYMS: dict[str, str] = _by_name(lexicons.mapping("demonyms"))
# Names that are not countries but that country_code() should still answer.
_COUNTRY_CODE_EXTRAS: dict[str, str] = lexicons.mapping("country_code_extras")
CONTINENT_ALIASES: dict[str, str] = lexicons.mapping("continent_aliases")
NATION_DEMONYMS: dict[str, str] = lexicons.mapping("nation_demonyms")
ADMIN1_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    abbr: (cc, unit) for cc, units in lexicons.mapping("admin1_abbreviations").items()
    for unit, abbrs in units.items() for abbr in abbrs}
# Surface forms find() accepts only in this exact case ("US" yes, "us" never).
ACRONYMS: dict[str, str] = {a: c for a, c in COUNTRY_ALIASES.items()
                            if a.replace(".", "").isupper() and a != "CAR"}

# --- ranking -------------------------------------------------------------------------------
# A country outranks a same-named province or town ("Georgia", "Niger", "Mexico"), a town a
# same-named district; otherwise population decides (a province's is the sum of its towns),
# and a place's own name counts more than a foreign exonym ("Salisbury" is not Harare).
_KIND_BONUS = {"continent": 3.0, "country": 3.0, "admin1": 0.0, "city": 0.0, "admin2": -1.5}


def prominence(kind: str, population: int, primary: bool) -> float:
    """Static rank of a place for a name: log population, kind, and whether the name is the
    place's own rather than one of its alternate names."""
    return math.log10(population + 1) + _KIND_BONUS.get(kind, 0.0) + (1.0 if primary else 0.0)
