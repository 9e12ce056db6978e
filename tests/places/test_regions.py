"""Named regions (lexicon `named_regions`, places/build/regions.py): areas over admin1 units
that conflict news names ("Darfur", "Donbas"), indexed as places of kind "region"."""
from __future__ import annotations

import pytest

from newsledger import lexicons
from newsledger.places.build.keys import index_names
from newsledger.places.build.geonames import City
from newsledger.places.build.regions import build_regions
from newsledger.places.build.units import Row, Unit
from newsledger.places.distance import haversine
from newsledger.places.gazetteer import Gazetteer, default_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


@pytest.mark.parametrize("name, country, admin1", [
    ("Darfur", "SD", None),                     # five states
    ("Donbas", "UA", None),                     # Donetsk and Luhansk
    ("Donbass", "UA", None),
    ("the Niger Delta", "NG", None),
    ("Nagorno-Karabakh", "AZ", None),
    ("Iraqi Kurdistan", "IQ", None),
    ("the Sinai Peninsula", "EG", None),
    ("Kordofan", "SD", None),
    ("the Middle Belt", "NG", None),
    ("Anglophone regions", "CM", None),
    ("Waziristan", "PK", "Khyber Pakhtunkhwa"),  # one unit: its admin1
    ("Eastern Ghouta", "SY", "Rif Dimashq"),
    ("Pakistani Kashmir", "PK", "Azad Kashmir"),
])
def test_a_named_region_resolves(gaz, name, country, admin1):
    top = gaz.lookup(name)[0]
    assert (top.kind, top.country, top.admin1) == ("region", country, admin1)


def test_a_regions_point_lies_among_its_units(gaz):
    donbas = gaz.lookup("Donbas")[0]
    donetsk, luhansk = gaz.region("UA", "Donetsk"), gaz.region("UA", "Luhansk")
    span = haversine(donetsk.latitude, donetsk.longitude, luhansk.latitude, luhansk.longitude)
    for unit in (donetsk, luhansk):
        assert haversine(donbas.latitude, donbas.longitude, unit.latitude, unit.longitude) < span


def test_a_region_comes_before_a_small_foreign_namesake(gaz):
    # 'Sinai' was a Mexican hamlet before the region was indexed
    assert [(p.kind, p.country) for p in gaz.lookup("Sinai")][:2] == [("region", "EG"), ("city", "MX")]


def test_a_region_of_several_countries_follows_the_storys_country(gaz):
    assert gaz.lookup("Lake Chad region", countries=["NE"])[0].admin1 == "Diffa"
    assert gaz.lookup("Lake Chad region", countries=["CM"])[0].admin1 == "Far North"


def test_a_bare_kashmir_stays_the_indian_unit(gaz):
    top = gaz.lookup("Kashmir")[0]
    assert (top.kind, top.country) == ("admin1", "IN")


@pytest.mark.parametrize("name, district", [("South Waziristan", "South Waziristan"),
                                            ("North Waziristan", "North Waziristan"),
                                            ("Khyber", "Khyber"), ("Khyber Agency", "Khyber"),
                                            ("Kurram", "Kurram"), ("Bajaur", "Bajaur")])
def test_a_region_that_is_a_district_is_an_admin2_unit(gaz, name, district):
    top = gaz.lookup(name)[0]
    assert (top.kind, top.admin1, top.admin2) == ("admin2", "Khyber Pakhtunkhwa", district)


@pytest.mark.parametrize("region, seat", [("South Waziristan", "Wana"), ("North Waziristan", "Miran Shah"),
                                          ("Kurram", "Parachinar"), ("Bajaur", "Khar"),
                                          ("Eastern Ghouta", "Douma")])
def test_a_small_region_lies_at_its_towns_not_its_provinces_point(gaz, region, seat):
    place = gaz.lookup(region)[0]
    town = next(p for p in gaz.lookup(seat) if p.kind == "city" and p.country == place.country)
    unit = gaz.region(place.country, place.admin1)
    to_town = haversine(place.latitude, place.longitude, town.latitude, town.longitude)
    assert to_town < 40 and haversine(place.latitude, place.longitude, unit.latitude, unit.longitude) > to_town + 20


def test_a_region_without_towns_lies_among_its_units_towns(gaz):
    # Darfur names no seat: the middle of its five states
    darfur = gaz.lookup("Darfur")[0]
    assert 10 < darfur.latitude < 17 and 22 < darfur.longitude < 27


def test_find_reads_a_region_in_a_sentence(gaz):
    found = {m.text: m.candidates[0].kind for m in gaz.find(
        "Heavy fighting was reported across Darfur and in the Donbas on Sunday.")}
    assert found == {"Darfur": "region", "Donbas": "region"}


# --- ranking a region among its namesakes (the index build) ---------------------------------
def _rows(*rows: tuple[str, str, str, int]) -> list[Row]:
    return [Row(name, cc, None, None, 0.0, 0.0, pop, kind, None) for name, cc, kind, pop in rows]


def test_a_town_named_like_a_region_in_its_own_country_stays_first():
    rows = _rows(("Kidal", "ML", "region", 480_000), ("Kidal", "ML", "city", 40_000),
                 ("Kidal", "ID", "city", 300))
    order = index_names(rows, [[("kidal", True, True)]] * 3)["kidal"]
    assert order == "*2,1,3"  # the Malian town, the region, the foreign hamlet


def test_a_region_outranks_a_same_named_town_abroad():
    rows = _rows(("Sinai", "EG", "region", 390_000), ("Sinai", "MX", "city", 800))
    assert index_names(rows, [[("sinai", True, True)]] * 2)["sinai"] == "*1,2"


# --- the lexicon --------------------------------------------------------------------------
def _units(*names: tuple[str, str]) -> dict[tuple[str, str], Unit]:
    out = {}
    for i, (cc, name) in enumerate(names):
        unit = Unit(name, cc, None, "admin1")
        unit.lats, unit.lons, unit.pop = [10.0 + i], [20.0 + i], 1000 * (i + 1)
        out[(cc, str(i))] = unit
    return out


def test_a_region_over_two_units_has_their_people_and_no_admin1(monkeypatch):
    monkeypatch.setattr(lexicons, "mapping", lambda name: {
        "Twin Valleys": {"units": {"XX": ["East Vale", "West Vale"]}, "aliases": ["the Vales"]}})
    [region] = build_regions(_units(("XX", "East Vale"), ("XX", "West Vale")))
    assert (region.name, region.cc, region.admin1, region.kind, region.pop) == \
        ("Twin Valleys", "XX", None, "region", 3000)
    assert region.aliases == {"the Vales"} and region.latlon() == (10.5, 20.5)


def test_a_region_in_one_unit_takes_it_as_admin1(monkeypatch):
    monkeypatch.setattr(lexicons, "mapping", lambda name: {"High Pass": {"units": {"XX": ["East Vale"]}}})
    assert build_regions(_units(("XX", "East Vale")))[0].admin1 == "East Vale"


def _city(name: str, cc: str, admin1: str, lat: float, lon: float, alts=()) -> City:
    return City(1, name, lat, lon, cc, "0", 500, list(alts), admin1)


def test_a_region_told_by_its_towns_lies_at_them(monkeypatch):
    monkeypatch.setattr(lexicons, "mapping", lambda name: {
        "High Pass": {"units": {"XX": ["East Vale"]}, "towns": {"XX": ["Dunmore"]}, "district": True},
        "Low Pass": {"units": {"XX": ["East Vale"]}}})
    towns = [_city("Dûnmorë", "XX", "East Vale", 12.0, 24.0, ["Dunmore"])]
    high, low = build_regions(_units(("XX", "East Vale")), towns)
    assert (high.kind, high.admin1, high.latlon(), high.pop) == ("admin2", "East Vale", (12.0, 24.0), 1000)
    assert (low.kind, low.latlon()) == ("region", (10.0, 20.0))  # no towns named: its unit's


def test_a_town_outside_the_regions_units_stops_the_build(monkeypatch):
    monkeypatch.setattr(lexicons, "mapping", lambda name: {
        "High Pass": {"units": {"XX": ["East Vale"]}, "towns": {"XX": ["Dunmore"]}}})
    with pytest.raises(ValueError, match="High Pass.*Dunmore"):
        build_regions(_units(("XX", "East Vale"), ("XX", "West Vale")),
                      [_city("Dunmore", "XX", "West Vale", 12.0, 24.0)])


def test_a_unit_the_index_lacks_stops_the_build(monkeypatch):
    monkeypatch.setattr(lexicons, "mapping", lambda name: {"Lost Land": {"units": {"XX": ["Nowhere"]}}})
    with pytest.raises(ValueError, match="Lost Land.*Nowhere"):
        build_regions(_units(("XX", "East Vale")))


def test_every_shipped_region_names_units_the_index_has(gaz):
    for name, entry in lexicons.mapping("named_regions").items():
        for cc in entry["units"]:
            assert any(p.kind == ("admin2" if entry.get("district") else "region") and p.country == cc
                       for p in gaz.lookup(name, fuzzy=False)), (name, cc)
