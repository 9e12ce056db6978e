"""Places through the whole pipeline (extract/geo.py): which country, province and place an
incident is given, on short made-up texts published on Friday 10 May 2024."""
from __future__ import annotations

import pytest

PUBLISHED = "2024-05-10"


@pytest.fixture(scope="module")
def events(extract):
    """events(text) → the ledger's events of a text published on PUBLISHED."""
    return lambda text: extract(text, published=PUBLISHED)["events"]


def where(e: dict) -> tuple:
    return e["country"], e["admin1"], e["location"]


# --- the article's country --------------------------------------------------------------

def test_a_village_told_of_often_does_not_make_its_namesake_the_story(events):
    # 'Gao' is a Malian city; told of four times in a Nigerian story it is a Nigerian village
    text = ("Bandits killed seven people in Zamfara state in northwest Nigeria, officials said on "
            "Thursday.\n\nThe gunmen stormed Gao village on Wednesday night and shot seven "
            "farmers.\n\nResidents of Gao said the attackers came on motorcycles.\n\n"
            "Gao has been attacked twice this year.\n\nA local leader in Gao said many had fled.")
    found = [e for e in events(text) if e["location"] == "Gao"]
    assert found and all(e["country"] == "NG" for e in found)


def test_the_city_in_a_story_about_its_own_country(events):
    e = events("Gunmen killed four soldiers in Gao in northern Mali on Monday.")[0]
    assert where(e)[0::2] == ("ML", "Gao")


# --- a village the gazetteer lacks: its province -----------------------------------------

def test_an_unlisted_village_takes_the_province_told_before_it(events):
    text = ("Gunmen killed five people in Zamfara state on Monday, police said.\n\n"
            "They stormed Dabagi village at night and set fire to the market.")
    assert any(where(e) == ("NG", "Zamfara", "Dabagi") for e in events(text))


def test_an_unlisted_village_with_no_province_told_has_none(events):
    e = events("Gunmen stormed Dabagi village in Nigeria on Monday, killing five people.")[0]
    assert where(e) == ("NG", None, "Dabagi")


def test_a_place_told_by_what_it_is(events):
    e = events("Shelling killed a civilian in Kafrun, a town in Idlib province, on Sunday.")[0]
    assert where(e) == ("SY", "Idlib", "Kafrun")


# --- provinces and capitals ----------------------------------------------------------------

def test_a_province_named_as_such_is_not_its_capital_city(events):
    e = events("In Damascus province, troops shelled the town of Douma on Friday, "
               "killing three people.")[0]
    assert e["location"].endswith("ma") and e["admin1"] == "Rif Dimashq"  # Dūmā, not Damascus


@pytest.mark.parametrize("text, location", [
    ("Algerian students marched in the capital on Tuesday against the army chief.", "Algiers"),
    ("Gangs attacked Haiti's capital early on Tuesday, killing three residents.", "Port-au-Prince"),
    ("Students protested in the capital Algiers on Tuesday against the army chief.", "Algiers"),
])
def test_the_capital_is_the_countrys_capital(events, text, location):
    assert events(text)[0]["location"] == location


def test_a_place_east_of_the_capital_is_not_the_capital(events):
    e = events("Gunmen killed two soldiers in the town of Mamou, east of the capital, in Guinea "
               "on Monday.")[0]
    assert e["location"] == "Mamou"


def test_a_name_describing_the_country_is_no_place(events):
    e = events("Police fired tear gas at mourners in Bahrain on Tuesday, the latest unrest in "
               "the Gulf state.")[0]
    assert (e["country"], e["location"]) == ("BH", None)


# --- an incident placed nowhere, in a story about one province ---------------------------

def test_an_unplaced_incident_takes_the_one_province_of_the_story(events):
    text = ("Rebels attacked an army base in Mao in Kanem province on Saturday, the army said.\n\n"
            "Troops later killed twenty rebels in the north of the country on Sunday.\n\n"
            "Kanem is a desert province, and most people in Mao herd camels.")
    found = [e for e in events(text) if e["fatalities"] == 20]
    assert found and (found[0]["admin1"], found[0]["location"]) == ("Kanem", None)


def test_an_unplaced_incident_in_a_story_of_two_provinces_has_none(events):
    text = ("Rebels attacked an army base in Mao in Kanem province on Saturday, the army said.\n\n"
            "Troops later killed twenty rebels in the north of the country on Sunday.\n\n"
            "Traders from Abeche and Adre in Ouaddai province sell camels in Mao.")
    found = [e for e in events(text) if e["fatalities"] == 20]
    assert found and found[0]["admin1"] is None


# --- namesakes in one country: the one in the story's province ----------------------------

@pytest.mark.parametrize("province", ["Kaduna", "Bauchi"])
def test_a_town_named_in_two_provinces_is_the_one_the_story_tells_of(events, province):
    # GeoNames has a Lere in Kaduna state and another in Bauchi state
    text = (f"Bandits attacked villages in {province} state on Monday, officials said.\n\n"
            "They killed six farmers near Lere, residents said.")
    found = [e for e in events(text) if e["location"] == "Lere"]
    assert found and found[0]["admin1"] == province


@pytest.mark.parametrize("second, country", [
    # a country's name right before its forces says whose forces, not where
    ("In October 2017, fighters killed four US special troops and as many Nigerien soldiers "
     "in an ambush.", "NE"),
    ("In October 2017, fighters killed four soldiers in an ambush in the US.", "US"),
])
def test_a_country_before_its_forces_is_not_the_place(events, second, country):
    text = ("Gunmen killed 12 soldiers near Tillaberi in western Niger on Monday, Niger's defence "
            "ministry said.\n\n" + second)
    assert [e["country"] for e in events(text)][-1] == country


# --- a place told by its own words: a distance, an apposition, a town after a comma --------

@pytest.mark.parametrize("text, admin1, location", [
    # GeoNames' only Imota lies in Lagos state, 700 km from Gusau: this one is near Gusau
    ("Gunmen killed six farmers in Imota, some 30 km from Gusau, on Monday, police said.",
     "Zamfara", "Imota"),
    # Ikorodu does lie some 20 km from Lagos: the listed town
    ("Gunmen killed six people in Ikorodu, some 20 km from Lagos, on Monday, police said.",
     "Lagos", "Ikorodu"),
])
def test_a_village_measured_from_a_town_is_near_that_town(events, text, admin1, location):
    assert where(events(text)[0])[1:] == (admin1, location)


@pytest.mark.parametrize("text, admin1", [
    ("A civilian was killed on Sunday in shelling of Bir Hamdan, a village in Hama province "
     "near Idlib, activists said.", "Hama"),
    ("A civilian was killed on Sunday in shelling of Bir Hamdan near Idlib, activists said.", "Idlib"),
])
def test_a_village_told_as_lying_in_a_province_is_held_by_it(events, text, admin1):
    assert events(text)[0]["admin1"] == admin1


@pytest.mark.parametrize("text, country, admin1, location", [
    # GeoNames lists Ikotun only in Nigeria: in a Pakistani story, a part of Karachi
    ("Police clashed with stone-throwing protesters in Ikotun, Karachi on Monday, Pakistani "
     "officials said.", "PK", "Sindh", "Ikotun"),
    ("Police clashed with stone-throwing protesters in Apapa, Lagos on Monday, Nigerian "
     "officials said.", "NG", "Lagos", "Apapa"),
])
def test_a_foreign_namesake_before_a_home_town_is_its_neighbourhood(events, text, country, admin1, location):
    assert (country, admin1, location) in [where(e) for e in events(text)]


@pytest.mark.parametrize("text, admin1", [
    # ACLED codes Uganda's districts as its first level, not GeoNames' four regions
    ("Rebels killed four farmers in Soroti in eastern Uganda on Tuesday, police said.", "Soroti"),
    ("Gunmen killed six people in Ikorodu on Monday, Nigerian police said.", "Lagos"),
    # a village the gazetteer lacks: the district its story names, not the region
    ("Security was tightened in Kasese, Uganda, on Tuesday.\n\nOn Friday rebels killed two "
     "traders in Kitembe village, police said.", "Kasese"),
    ("Security was tightened in Kano, Nigeria, on Tuesday.\n\nOn Friday gunmen killed two "
     "traders in Kitembe village, police said.", "Kano"),
])
def test_admin1_is_the_district_where_acled_codes_districts(events, text, admin1):
    assert events(text)[0]["admin1"] == admin1


@pytest.mark.parametrize("text, country", [
    # 'Russian drones', 'Russian forces': whose weapons, not the story's country
    ("Russian drones struck the Kharkiv region overnight, wounding four people, officials said.\n\n"
     "Russian forces have targeted the region for months.", "UA"),
    # with no place named, the nationality is all there is
    ("Nigerian troops killed 20 militants on Monday, the army said.", "NG"),
])
def test_a_nationality_before_forces_or_weapons_barely_votes_for_the_country(events, text, country):
    assert events(text)[0]["country"] == country



@pytest.mark.parametrize("second, location", [
    # 'the clash' is the gunfight just told, though that incident is assembled later
    ("The clash set off a confrontation between demonstrators and police, who fired tear gas at "
     "youths hurling stones.", "Baramulla"),
    # no anaphor: the confrontation is placed nowhere of its own
    ("Elsewhere, a confrontation between demonstrators and police ended when police fired tear "
     "gas at youths hurling stones.", None),
])
def test_an_anaphor_takes_the_place_of_the_incident_just_told(events, second, location):
    text = ("A gunfight between militants and police killed four people in Baramulla in Indian "
            "Kashmir on Wednesday, police said.\n\n" + second + "\n\nPolice said three militants "
            "and a policeman died in the shootout near the old market.")
    riots = [e for e in events(text) if e["event_type"] == "Riots"]
    assert riots and riots[0]["location"] == location


@pytest.mark.parametrize("text, country", [
    # a place name that begins a person's name is part of the name
    ("Gunmen shot dead Chad Mensah, a trader, on Monday, police in Ghana said.", "GH"),
    ("Gunmen shot dead a trader in Chad on Monday, police said.", "TD"),
])
def test_a_place_inside_a_persons_name_is_no_place(events, text, country):
    assert events(text)[0]["country"] == country


@pytest.mark.parametrize("text, location", [
    # 'a province bordering X' is the neighbour of X, not X
    ("Rebels kidnapped two engineers on Monday in a province bordering Zamfara, police said.", None),
    ("Rebels kidnapped two engineers on Monday in Zamfara, near the border, police said.", "Zamfara"),
    # where the engineers' company is based is not where they were taken
    ("Rebels kidnapped two engineers of a Lagos-based firm on Monday in Zamfara, police said.",
     "Zamfara"),
    ("Rebels kidnapped two engineers of a Lagos-based firm on Monday, police said.", None),
])
def test_a_place_beside_the_one_named_is_not_it(events, text, location):
    assert events(text)[0]["location"] == location


@pytest.mark.parametrize("text, country", [
    # a national abroad names whose, not where; a demonym before a village names where
    ("Rebels kidnapped a French engineer on Sunday in a state bordering Zamfara, Nigerian police "
     "said.", "NG"),
    ("Rebels kidnapped an engineer on Sunday in a French village near the border, police said.", "FR"),
])
def test_a_victims_nationality_is_not_the_place(events, text, country):
    assert events(text)[0]["country"] == country


# --- the name reported: the text's spelling or the gazetteer's ------------------------------

@pytest.mark.parametrize("text, location", [
    # a translated name is how English writes it: the text's
    ("Riot police clashed with protesters in Hamad Town on Monday, injuring four.", "Hamad Town"),
    ("Riot police clashed with protesters in Manama and Hamad Town on Monday.", "Hamad Town"),
    # a transliteration far from GeoNames' spelling: the gazetteer's
    ("Shelling killed two civilians in the town of Tabka on Sunday.", "Al-Tabqa"),
])
def test_the_reported_name(events, text, location):
    assert location in [e["location"] for e in events(text)]


@pytest.mark.parametrize("text, where_", [
    # a big city's name as the surname after a forename: the person
    ("Two protesters were killed on Monday when police fired on a march led by Carlos Medina "
     "in Arequipa, officials said.", ("PE", "Arequipa", "Arequipa")),
    # the city itself
    ("Gunmen killed three people in Medina on Monday, Saudi police said.",
     ("SA", "Al Madinah al Munawwarah", "Medina")),
    # a place name of two words is still the place
    ("Clashes erupted in Port Harcourt on Monday, killing two people.",
     ("NG", "Rivers", "Port Harcourt")),
])
def test_a_place_that_ends_a_persons_name_is_the_surname(events, text, where_):
    assert where(events(text)[0]) == where_


@pytest.mark.parametrize("text, place", [
    # a world city against a far smaller namesake of the story's country: the world city
    ("American protesters clashed with police in Paris on Monday, US officials in Washington "
     "said, after rallies in New York and Chicago.", ("FR", "Paris")),
    # a namesake of a like size in the story's country: the story's
    ("Police in London arrested 12 protesters on Monday after clashes near Toronto, Canadian "
     "officials said.", ("CA", "London")),
])
def test_a_world_city_against_a_small_namesake_of_the_storys_country(events, text, place):
    e = events(text)[0]
    assert (e["country"], e["location"]) == place


# --- a named region: coded at its admin1, coarse precision ---------------------------------

@pytest.mark.parametrize("text, place", [
    ("Fighters attacked a camp for displaced people in Darfur on Tuesday, killing 12 civilians.",
     ("SD", None, "Darfur")),
    ("Militants killed three soldiers in Waziristan on Monday, the army said.",
     ("PK", "Khyber Pakhtunkhwa", "Waziristan")),
    ("Gunmen kidnapped six oil workers in the Niger Delta on Wednesday, police said.",
     ("NG", None, "Niger Delta")),
])
def test_an_event_told_only_by_a_region(events, text, place):
    e = events(text)[0]
    assert (where(e), e["geo_precision"]) == (place, 3)


def test_a_region_that_is_a_district_is_coded_as_the_district(events):
    e = events("Militants killed three soldiers in North Waziristan on Monday, the army said.")[0]
    assert (where(e), e["admin2"], e["geo_precision"]) == \
        (("PK", "Khyber Pakhtunkhwa", "North Waziristan"), "North Waziristan", 2)
    assert abs(e["latitude"] - 33.0) < 0.3  # at Miran Shah, not Khyber Pakhtunkhwa's point


def test_a_region_over_two_provinces_takes_the_one_its_sentence_names(events):
    e = events("Shelling killed two civilians in the Donbas on Sunday, the governor of the "
               "Donetsk region said.")[0]
    assert where(e)[:2] == ("UA", "Donetsk")


def test_a_town_in_a_region_is_the_town(events):
    e = events("Gunmen killed four soldiers in El Fasher in Darfur on Monday.")[0]
    assert (where(e), e["geo_precision"]) == (("SD", "North Darfur", "El Fasher"), 1)


# --- a Nigerian local government area; the country of a story told by its provinces ----------
@pytest.mark.parametrize("text, want", [
    ("Bandits killed nine villagers in Bokkos LGA of Plateau State on Tuesday.",
     ("NG", "Plateau", "Bokkos")),
    # a district GeoNames lists only as a hamlet abroad: the story's province tells the country
    ("Gunmen killed 12 people in Guma Local Government Area of Benue State on Sunday.",
     ("NG", "Benue", "Guma")),
    ("Herdsmen attacked Torkula village in Guma LGA of Benue State on Sunday, killing seven farmers.",
     ("NG", "Benue", "Torkula")),
    ("Bandits killed nine villagers in Bokkos on Tuesday.", ("NG", "Plateau", "Bokkos")),
])
def test_a_local_government_area_is_a_place_of_its_state(events, text, want):
    assert where(events(text)[0]) == want


@pytest.mark.parametrize("kind, population, weight", [
    ("admin1", 900_000, 1.5), ("region", 0, 1.5),   # a province names few countries
    ("city", 50_000, 1.0),
    ("city", 0, 0.5),                               # a hamlet: GeoNames has one of most names
])
def test_what_a_place_tells_of_the_articles_country(kind, population, weight):
    from newsledger.extract.geo import _country_evidence
    from newsledger.places.gazetteer import Place
    assert _country_evidence(Place("X", "NG", None, None, 0.0, 0.0, population, kind, None)) == weight


@pytest.mark.parametrize("text, want", [
    ("A bomb exploded in the Karrada district of Baghdad on Monday, killing five people.",
     ("IQ", "Baghdad", "Karrada")),
    ("A bomb exploded in the Adhamiya district of the city of Baghdad on Monday, killing five people.",
     ("IQ", "Baghdad", "Adhamiya")),
    # a district told beside the town, not as part of it: the town
    ("A bomb exploded near a market in Baghdad on Monday, killing five people, officials of the "
     "Karrada district said.", ("IQ", "Baghdad", "Baghdad")),
])
def test_a_district_of_a_town_is_a_neighbourhood_of_it(events, text, want):
    assert where(events(text)[0]) == want


def test_a_district_of_a_province_abroad_is_no_namesake_town_there(events):
    # 'Chora' is also a Greek village: the Afghan province tells the country
    e = events("Militants attacked a checkpoint in the Chora district of Uruzgan province on "
               "Sunday, killing two policemen.")[0]
    assert where(e) == ("AF", "Uruzgan", "Chora")


@pytest.mark.parametrize("text, want", [
    # 'X village of Y district': X is the village, not 'the village of Y'
    ("Taliban fighters overran a checkpoint in Ghorak village of Khakrez district in Kandahar "
     "province on Monday, killing four policemen.", ("AF", "Kandahar", "Ghorak")),
    ("Taliban fighters overran a checkpoint in the village of Ghorak in Kandahar province on "
     "Monday, killing four policemen.", ("AF", "Kandahar", "Ghorak")),
    # a village in a district named after its town is more precise than the town
    ("Militants stormed Wuro Sawa village in the Djibo department on Saturday, killing 14 "
     "civilians.", ("BF", "Sahel", "Wuro Sawa")),
    # the town itself, or the district with no village told: the town
    ("Militants attacked a market in Djibo on Saturday, killing 14 civilians.", ("BF", "Sahel", "Djibo")),
    ("Militants killed 14 civilians in the Djibo department on Saturday.", ("BF", "Sahel", "Djibo")),
])
def test_a_village_in_a_district_is_the_village(events, text, want):
    assert where(events(text)[0]) == want


def test_a_village_in_a_short_named_province_takes_its_district(events):
    e = events("Militants stormed the village of Wuro Sawa in Soum province on Saturday, killing "
               "14 civilians.")[0]
    assert (where(e), e["admin2"]) == (("BF", "Sahel", "Wuro Sawa"), "Soum")


@pytest.mark.parametrize("text, want", [
    # a town's possessive names a part of it: the part, placed in the town's province
    ("Gunmen shot dead two shopkeepers in Peshawar's Qissa Khwani area on Monday, police said.",
     ("PK", "Khyber Pakhtunkhwa", "Qissa Khwani")),
    ("Soldiers killed three people in Bamako's Kalaban Coura neighbourhood on Sunday.",
     ("ML", "Bamako", "Kalaban Coura")),
    # a part told by an apposition: 'X, a slum of Y'
    ("Police fired tear gas at protesters in Kibera, a slum of Nairobi, on Tuesday.",
     ("KE", "Nairobi", "Kibera")),
    # a part the gazetteer knows as a town of its own: the part
    ("Gunmen killed four people in Lagos's Ikeja area on Monday, police said.",
     ("NG", "Lagos", "Ikeja")),
    # the two towns named apart: the first named
    ("Gunmen killed four people in Lagos on Monday, police in Ikeja said.",
     ("NG", "Lagos", "Lagos")),
    # no part named after the possessive: the town
    ("Gunmen shot dead two shopkeepers in Peshawar's old city on Monday, police said.",
     ("PK", "Khyber Pakhtunkhwa", "Peshawar")),
    # a slum told beside the town, not as part of it: the town
    ("Police fired tear gas at protesters in Nairobi on Tuesday, residents of the Kibera slum said.",
     ("KE", "Nairobi", "Nairobi")),
])
def test_a_part_a_town_owns_is_the_place(events, text, want):
    assert where(events(text)[0]) == want


def test_a_news_agency_in_a_dateline_is_not_the_place(events):
    e = events("SANAA (Saba) - An air strike killed five civilians in Saada province on Monday.")[0]
    assert where(e)[:2] == ("YE", "Saada") and e["location"] != "Saba"


@pytest.mark.parametrize("text, want", [
    # a tribal district of Khyber Pakhtunkhwa is coded as the district, at its own towns
    ("Gunmen killed six soldiers in Khyber district on Monday, officials said.",
     ("PK", "Khyber Pakhtunkhwa", "Khyber", 34.05)),
    ("Militants attacked a police post in the Bajaur district on Monday, killing two policemen.",
     ("PK", "Khyber Pakhtunkhwa", "Bajaur", 34.74)),
    # the province named in full is the province, not its district
    ("Militants attacked a police post in Khyber Pakhtunkhwa on Monday, killing two policemen.",
     ("PK", "Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa", None)),
])
def test_a_district_our_tables_lacked_is_the_district(events, text, want):
    e = events(text)[0]
    lat = round(e["latitude"], 2) if want[3] is not None else None
    assert (*where(e), lat) == want
