"""The offline GeoNames gazetteer: folding, lookup, ranking, countries, and find() on
sentences written for these tests (place names are public facts)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.places.gazetteer import Gazetteer, PlaceMatch, default_gazetteer, fold, name_key


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()  # builds the index on first use when it is missing


def top(gaz: Gazetteer, name: str, **hints):
    hits = gaz.lookup(name, **hints)
    assert hits, f"nothing for {name!r}"
    return hits[0]


def found(gaz: Gazetteer, text: str, **kw) -> list[str]:
    return [m.text for m in gaz.find(text, **kw)]


# --- folding ----------------------------------------------------------------------------------
@pytest.mark.parametrize("raw, key", [
    ("Tillabéri", "tillaberi"),
    ("İstanbul", "istanbul"),          # dotted capital I must not leave a combining dot
    ("Diyarbakır", "diyarbakir"),      # dotless i
    ("Côte d’Ivoire", "cote divoire"),
    ("Al-Hasakah", "al hasakah"),
    ("St. Louis", "st louis"),
    ("  Rio   de Janeiro ", "rio de janeiro"),
])
def test_name_key_folds_script_case_and_punctuation(raw, key):
    assert name_key(raw) == key


def test_fold_keeps_punctuation():
    assert fold("Öcalan's") == "ocalan's"


# --- lookup -----------------------------------------------------------------------------------
@pytest.mark.parametrize("spelling", ["Tillabéri", "Tillaberi", "TILLABERI", "tillaberi"])
def test_lookup_ignores_diacritics_and_case(gaz, spelling):
    place = top(gaz, spelling)
    assert (place.country, place.admin1) == ("NE", "Tillaberi")


@pytest.mark.parametrize("spelling", ["İstanbul", "Istanbul", "ISTANBUL", "istanbul"])
def test_lookup_turkish_dotted_i(gaz, spelling):
    place = top(gaz, spelling)
    assert (place.name, place.country, place.kind) == ("Istanbul", "TR", "city")


@pytest.mark.parametrize("typo, name", [
    ("Mogadisu", "Mogadishu"),        # GeoNames lists this spelling itself
    ("Mogadishuu", "Mogadishu"), ("Makhachkla", "Makhachkala"), ("Ouagadogou", "Ouagadougou"),
    ("Narathiwatt", "Narathiwat"),
])
def test_one_letter_typo_of_a_long_name_resolves(gaz, typo, name):
    assert top(gaz, typo).name == name


def test_typos_only_when_fuzzy(gaz):
    assert gaz.lookup("Makhachkla", fuzzy=False) == []


def test_short_names_are_never_guessed(gaz):
    assert all(p.name != "Kidal" for p in gaz.lookup("Kidl"))


def test_exact_match_wins_over_a_typo_neighbour(gaz):
    assert {p.name for p in gaz.lookup("Mandera")[:2]} == {"Mandera"}


def test_hyderabad_without_hints_is_the_bigger_one(gaz):
    assert top(gaz, "Hyderabad").country == "IN"


@pytest.mark.parametrize("hints", [{"countries": ["PK"]}, {"admin1": "Sindh"},
                                   {"admin1": "Sindh Province"}])
def test_hyderabad_with_hints_is_in_sindh(gaz, hints):
    place = top(gaz, "Hyderabad", **hints)
    assert (place.country, place.admin1, place.kind) == ("PK", "Sindh", "city")


def test_admin1_hint_may_use_another_spelling(gaz):
    assert top(gaz, "Mosul", admin1="Ninawa").admin1 == "Nineveh"


def test_country_hint_reorders(gaz):
    assert top(gaz, "Tripoli").country == "LY"
    assert top(gaz, "Tripoli", countries=["LB"]).country == "LB"
    assert top(gaz, "Niger").kind == "country"
    assert top(gaz, "Niger", countries=["NG"]).kind == "admin1"


@pytest.mark.parametrize("name, country", [
    ("Narathiwat", "TH"), ("North Darfur", "SD"), ("Tillaberi", "NE"), ("Tillabéri", "NE"),
    ("Mandera", "KE"), ("Borno", "NG"), ("Kirkuk", "IQ"), ("Cabo Delgado", "MZ"),
    ("Dagestan", "RU"), ("Papua", "ID"), ("Sindh", "PK"), ("Far North", "CM"),
    ("Jammu and Kashmir", "IN"), ("Lakes", "SS"), ("Ituri", "CD"), ("Brussels Capital", "BE"),
])
def test_admin1_units_are_places_with_coordinates(gaz, name, country):
    units = [p for p in gaz.lookup(name, countries=[country]) if p.kind == "admin1"]
    assert units, f"no admin1 unit for {name}"
    unit = units[0]
    assert unit.country == country and unit.admin1 == unit.name
    assert fold(unit.name) == fold(name) or name == "Tillabéri"
    assert -90 <= unit.latitude <= 90 and -180 <= unit.longitude <= 180
    assert (unit.latitude, unit.longitude) != (0.0, 0.0)


@pytest.mark.parametrize("city, country, admin1", [
    ("Makhachkala", "RU", "Dagestan"), ("Mosul", "IQ", "Nineveh"), ("Kirkuk", "IQ", "Kirkuk"),
    ("El Fasher", "SD", "North Darfur"), ("Srinagar", "IN", "Jammu and Kashmir"),
    ("Maroua", "CM", "Far North"), ("Pétionville", "HT", "Ouest"), ("Kandy", "LK", "Central"),
    ("Pattani", "TH", "Pattani"), ("Mogadishu", "SO", "Banadir"), ("Ouallam", "NE", "Tillaberi"),
])
def test_cities_carry_their_admin1_in_english(gaz, city, country, admin1):
    place = top(gaz, city, countries=[country])
    assert (place.country, place.admin1) == (country, admin1)


def test_admin_suffix_prefers_the_unit(gaz):
    assert top(gaz, "Tillaberi region").kind == "admin1"
    assert top(gaz, "North Darfur State").name == "North Darfur"
    unity = top(gaz, "Unity State")
    assert (unity.country, unity.kind) == ("SS", "admin1")


def test_place_fields(gaz):
    kirkuk = top(gaz, "Kirkuk")
    assert kirkuk.kind == "city" and kirkuk.geonames_id and kirkuk.population > 500_000
    assert abs(kirkuk.latitude - 35.47) < 0.2 and abs(kirkuk.longitude - 44.39) < 0.2


def test_unknown_name(gaz):
    assert gaz.lookup("Qwxzptlk Vrrnx") == []


def km(a, b) -> float:
    import math
    (la1, lo1), (la2, lo2) = (map(math.radians, a), map(math.radians, b))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 2 * 6371 * math.asin(math.sqrt(h))


@pytest.mark.parametrize("name, point", [
    ("Canada", (60.1, -113.6)), ("Russia", (60, 100)), ("Turkey", (39, 35)),
    ("China", (35, 105)), ("United States", (39.8, -98.5)), ("Egypt", (27, 30)),
])
def test_large_countries_sit_at_the_middle_of_their_territory(gaz, name, point):
    place = top(gaz, name)
    assert place.kind == "country" and km((place.latitude, place.longitude), point) < 161


def test_small_countries_sit_among_their_towns(gaz):
    place = top(gaz, "Lebanon")
    assert place.kind == "country" and km((place.latitude, place.longitude), (33.9, 35.5)) < 100


@pytest.mark.parametrize("name, hints, code", [
    ("US", {}, "US"), ("U.S.", {"countries": ["US"]}, "US"), ("UK", {}, "GB"),
    ("UAE", {}, "AE"), ("Canadian", {}, "CA"), ("Spanish", {"countries": ["CA"]}, "ES"),
    ("German", {}, "DE"), ("Jordanian", {"countries": ["JO", "CA"]}, "JO"),
    ("Russians", {"countries": ["US"]}, "RU"), ("Republic of Armenia", {}, "AM"),
    ("Kingdom of Morocco", {}, "MA"),
])
def test_acronyms_demonyms_and_formal_names_mean_the_country(gaz, name, hints, code):
    place = top(gaz, name, **hints)
    assert (place.kind, place.country) == ("country", code)


def test_formal_prefix_keeps_a_unit_of_that_name(gaz):
    assert top(gaz, "State of Mexico").kind == "admin1"


def test_nation_demonyms_mean_the_nation(gaz):
    place = top(gaz, "Welsh")
    assert (place.name, place.kind) == ("Wales", "admin1")


@pytest.mark.parametrize("name, continent", [
    ("Asia", "Asia"), ("Africa", "Africa"), ("European", "Europe"), ("EU", "Europe"),
])
def test_continents_are_not_towns(gaz, name, continent):
    place = top(gaz, name)
    assert (place.name, place.kind, place.country) == (continent, "continent", "")


def test_eu_in_lower_case_is_the_town(gaz):
    assert top(gaz, "Eu").country == "FR"


@pytest.mark.parametrize("name, hints, unit", [
    ("Ky.", {}, "Kentucky"), ("KY", {"countries": ["US"]}, "Kentucky"),
    ("B.C.", {}, "British Columbia"), ("BC", {"countries": ["CA"]}, "British Columbia"),
    ("W. Va.", {}, "West Virginia"), ("Calif.", {}, "California"),
])
def test_state_and_province_abbreviations(gaz, name, hints, unit):
    place = top(gaz, name, **hints)
    assert (place.name, place.kind) == (unit, "admin1")


def test_postal_codes_need_their_country(gaz):
    assert all(p.name != "Kentucky" for p in gaz.lookup("KY"))


@pytest.mark.parametrize("name, countries, want", [
    ("London", ["CA"], "CA"),      # London, Ontario in a Canadian story
    ("Paris", ["US"], "FR"),       # Paris, Texas is too small to beat Paris
    ("Turkey", ["US"], "TR"),      # a hamlet never beats a country
    ("Georgia", ["US"], "US"),     # the state in a US story
    ("Georgia", [], "GE"),
])
def test_context_country_against_a_bigger_namesake(gaz, name, countries, want):
    assert top(gaz, name, countries=countries).country == want


# --- countries --------------------------------------------------------------------------------
@pytest.mark.parametrize("name, code", [
    ("Kenya", "KE"), ("Kenyan", "KE"), ("Kenyans", "KE"), ("Somali", "SO"), ("Somalis", "SO"),
    ("S Lanka", "LK"), ("Sri Lankan", "LK"), ("Burkinabe", "BF"), ("Burkinabé", "BF"),
    ("Iraqi", "IQ"), ("Iraqis", "IQ"), ("DRC", "CD"), ("U.S.", "US"), ("the United States", "US"),
    ("UK", "GB"), ("British", "GB"), ("Côte d'Ivoire", "CI"), ("Ivorian", "CI"),
    ("Nigerien", "NE"), ("Nigerian", "NG"), ("Palestinian", "PS"), ("Swiss", "CH"),
    ("Filipinos", "PH"), ("Burma", "MM"), ("KE", "KE"),
])
def test_country_code(gaz, name, code):
    assert gaz.country_code(name) == code


@pytest.mark.parametrize("name", ["Atlantis", "said", "Police", ""])
def test_country_code_unknown(gaz, name):
    assert gaz.country_code(name) is None


def test_country_name(gaz):
    assert gaz.country_name("KE") == "Kenya"
    assert gaz.country_name("ke") == "Kenya"
    assert gaz.country_name("PS") == "Palestine"
    assert gaz.country_name("ZZ") is None


# --- find() -----------------------------------------------------------------------------------
def test_find_sentence_offsets_and_kinds(gaz):
    text = ("Gunmen killed six people in Mandera, Kenya, on Tuesday, police in Nairobi said, "
            "days after an attack near Mogadishu.")
    matches = gaz.find(text)
    assert [m.text for m in matches] == ["Mandera", "Kenya", "Nairobi", "Mogadishu"]
    for m in matches:
        assert isinstance(m, PlaceMatch) and text[m.start:m.end] == m.text and m.candidates
    assert matches[1].candidates[0].kind == "country"
    assert matches[0].candidates[0].country == "KE"


def test_find_longest_match_first(gaz):
    text = "Fighting spread from North Darfur to Tillabéri and Cabo Delgado."
    assert found(gaz, text) == ["North Darfur", "Tillabéri", "Cabo Delgado"]
    assert found(gaz, "Clashes in Côte d'Ivoire and Rio de Janeiro.") == [
        "Côte d'Ivoire", "Rio de Janeiro"]


@pytest.mark.parametrize("text", [
    "Police said on Monday that May was calm.",
    "President Hassan met Barack Obama in March.",
    "Security forces and the Army said on Sunday that Reuters had it wrong.",
    "We will see. But She said no.",
    "Protests spread across Latin America and the Middle East.",
])
def test_find_skips_common_words_and_names(gaz, text):
    assert found(gaz, text) == []


@pytest.mark.parametrize("verb, place", [
    ("said", False), ("warned", False), ("explained", False), ("told reporters", False),
    ("on Monday", True),  # no speech cue: a town of 290k stands alone
])
def test_find_a_speech_cue_after_a_town_makes_a_speaker(gaz, verb, place):
    found_it = found(gaz, f"The plan is sound, Lincoln {verb}.") == ["Lincoln"]
    assert found_it == place


def test_find_datelines_in_capitals(gaz):
    assert found(gaz, "BENGHAZI, Libya (Reuters) - Clashes erupted.") == ["BENGHAZI", "Libya"]
    assert found(gaz, "TEHRAN (Tasnim) – Protests spread.") == ["TEHRAN"]


def test_find_possessive_and_hyphenated(gaz):
    [m] = gaz.find("Kenya's army said.")
    assert (m.start, m.end, m.text) == (0, 5, "Kenya")
    assert found(gaz, "a London-based group") == ["London"]


def test_find_small_places_need_a_cue(gaz):
    text = "Gunmen killed two people in Loumbila, a village near Ouagadougou."
    assert found(gaz, text) == ["Loumbila", "Ouagadougou"]


def test_find_country_acronyms_are_case_sensitive(gaz):
    text = "The U.S. and UK condemned the attack in the DRC, the UN said; us too."
    matches = gaz.find(text)
    assert [(m.text, m.candidates[0].country) for m in matches] == [
        ("U.S.", "US"), ("UK", "GB"), ("DRC", "CD")]


def test_find_admin_word_puts_the_province_first(gaz):
    [m] = gaz.find("Cattle raiders struck in Lakes state.")
    assert (m.text, m.candidates[0].kind, m.candidates[0].country) == ("Lakes", "admin1", "SS")
    matches = gaz.find("Bombs went off in Narathiwat, Yala and Pattani provinces.")
    assert [m.text for m in matches] == ["Narathiwat", "Yala", "Pattani"]
    assert matches[-1].candidates[0].kind == "admin1"


@pytest.mark.parametrize("text, name, country", [
    ("Gunmen attacked Mandera county on Monday.", "Mandera", "KE"),
    ("Gunmen attacked villages in Lamu County.", "Lamu", "KE"),
    ("Troops deployed to the Mopti region.", "Mopti", "ML"),
    ("Raids in Kilifi district, Kenya.", "Kilifi", "KE"),
    ("Clashes in Diffa Region.", "Diffa", "NE"),
])
def test_find_admin_word_makes_the_unit(gaz, text, name, country):
    m = gaz.find(text)[0]
    assert (m.text, m.candidates[0].kind, m.candidates[0].country) == (name, "admin1", country)


def test_find_never_yields_continents(gaz):
    assert found(gaz, "Leaders from Asia, Africa and Europe met; the EU said no.") == []


def test_find_turkish_and_diacritics(gaz):
    assert found(gaz, "He flew from İstanbul to Diyarbakır.") == ["İstanbul", "Diyarbakır"]


def test_find_country_hint_reorders_candidates(gaz):
    [m] = gaz.find("Clashes in Tripoli.", countries=["LB"])
    assert m.candidates[0].country == "LB"
    [m] = gaz.find("Clashes in Tripoli.")
    assert m.candidates[0].country == "LY"


def test_find_title_case_headline(gaz):
    assert found(gaz, "Six Killed In Mogadishu Hotel Attack") == ["Mogadishu"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Kenya Mandera'’s-,. \n\u00a0İıéDRCUS")), max_size=80))
def test_find_offsets_always_index_the_text(text):
    for m in default_gazetteer().find(text):
        assert text[m.start:m.end] == m.text
        assert 0 <= m.start < m.end <= len(text)


def test_find_on_empty_and_odd_input(gaz):
    assert gaz.find("") == []
    assert gaz.find("   \n\t") == []
    assert gaz.find("1234 -- !!! ???") == []


# --- a person's surname is not a namesake town -------------------------------------------------
@pytest.mark.parametrize("text, places", [
    ("Tom Garner, the local MP, visited the market. Residents handed a petition to Garner.", []),
    ("Residents handed a petition to Garner on Friday.", ["Garner"]),   # no person named
    ("Officials in Helen Hoover's office wrote to Hoover.", []),
    ("Fighting spread to Southern Kaduna. Gunmen later attacked Kaduna.", ["Kaduna", "Kaduna"]),
    ("Nigerian troops entered Kano State; schools in Kano closed.", ["Kano", "Kano"]),
])
def test_surname_of_a_person_named_in_full_is_no_place(gaz, text, places):
    assert found(gaz, text) == places


# --- a place inside an organisation's name is no place of the text ------------------------------
@pytest.mark.parametrize("text, places", [
    ("A spokesman for the Nairobi Fire Brigade said crews were called.", []),
    ("Rebels burned a harvester owned by Banana Kenya Ltd. near the farm.", []),
    ("Crews were called to a fire in Nairobi on Monday.", ["Nairobi"]),
    ("The brigade was sent to Nairobi, Kenya, on Monday.", ["Nairobi", "Kenya"]),
])
def test_a_place_in_a_company_or_service_name_is_no_place(gaz, text, places):
    assert found(gaz, text) == places


# --- spelling variants: a name written closed up ------------------------------------------------
@pytest.mark.parametrize("key, closed", [
    ("dan sadau", ["dansadau"]),
    ("el fasher", ["elfasher"]),
    ("la paz", []),                 # too short: closed-up forms collide with words
    ("gusau", []),                  # one word
    ("rio de la plata", []),        # four words
])
def test_closed_up_variants(key, closed):
    from newsledger.places.variants import closed_up
    assert closed_up(key) == closed


# --- spelling variants: an Arabic name's final -ah written -a, and back ---------------------------
@pytest.mark.parametrize("key, other", [
    ("shabwah", ["shabwa"]),
    ("shabwa", ["shabwah"]),
    ("al hudaydah", ["al hudayda"]),   # the last word varies
    ("gaza", []),                      # too short: a common name, written one way
    ("abyan", []),                     # no such ending
    ("sanaa", []),                     # a long vowel, not the feminine ending
])
def test_final_a_variants(key, other):
    from newsledger.places.variants import final_a
    assert final_a(key) == other


@pytest.mark.parametrize("text, admin1", [
    ("Fighters attacked a checkpoint in Shabwa province on Thursday.", "Shabwah"),
    ("Fighters attacked a checkpoint in Shabwah province on Thursday.", "Shabwah"),
])
def test_an_arabic_province_is_found_with_or_without_its_final_h(gaz, text, admin1):
    hits = [m for m in gaz.find(text) if m.candidates]
    assert [m.candidates[0].name for m in hits] == [admin1]


@pytest.mark.parametrize("key, other", [
    ("madinat hamad", ["hamad town", "hamad city"]),
    ("hamad", []),
    ("madinat", []),
])
def test_translated_town_variants(key, other):
    from newsledger.places.variants import translated_town
    assert translated_town(key) == other


def test_madinat_x_is_found_as_x_town(gaz):
    hits = [m for m in gaz.find("Police fired tear gas in Hamad Town on Monday.") if m.candidates]
    assert [(m.text, m.candidates[0].country) for m in hits] == [("Hamad Town", "BH")]


def test_a_final_h_is_no_variant_outside_arabic_countries(gaz):
    # "Utah" is not also "Uta": the ending is read only in Arabic-speaking countries
    assert not [m for m in gaz.find("He lives in Uta now.") if m.candidates and m.candidates[0].country == "US"]


@pytest.mark.parametrize("text", ["Gunmen attacked Dansadau village on Monday.",
                                  "Gunmen attacked Dan Sadau village on Monday.",
                                  "Gunmen attacked Dan-Sadau village on Monday."])
def test_a_village_is_found_however_its_name_is_spaced(gaz, text):
    hits = [m for m in gaz.find(text) if m.candidates and m.candidates[0].admin1 == "Zamfara"]
    assert [m.candidates[0].name for m in hits] == ["Dan Sadau"]


# --- spelling variants: an Arabic qaf written "k", the article "al" written "el" ---------------
@pytest.mark.parametrize("key, other", [
    ("al tabqa", ["al tabka", "el tabqa"]),
    ("qamishli", ["kamishli"]),
    ("al arish", ["el arish"]),
    ("homs", []),                      # neither letter
    ("alma", []),                      # "al" only as a word of its own
])
def test_arabic_spellings(key, other):
    from newsledger.places.variants import arabic_spellings
    assert arabic_spellings(key) == other


def test_a_qaf_written_k_finds_the_town(gaz):
    hit = top(gaz, "Tabka", countries=["SY"])
    assert (hit.name, hit.admin1) == ("Al-Tabqa", "Raqqa")


def test_q_is_no_k_outside_arabic_countries(gaz):
    assert not [p for p in gaz.lookup("Kuebec", fuzzy=False) if p.country == "CA"]


# --- a province and its namesake town ----------------------------------------------------------
@pytest.mark.parametrize("name, kind", [
    ("Kirkuk", "city"),        # the town holds most of the province's people
    ("Mandera", "city"),
    ("Quebec", "admin1"),      # Québec city holds a twentieth of the province
    ("Xinjiang", "admin1"),    # a hamlet of that name is no namesake
    ("Minnesota", "admin1"),   # Minneota lists "Minnesota" among its alternate names
])
def test_a_bare_province_name_is_its_town_only_where_the_town_is_big(gaz, name, kind):
    assert top(gaz, name).kind == kind


@pytest.mark.parametrize("name, country, unit", [
    ("Jiangsu", "CN", "Jiangsu"),          # GeoNames: "Jiangsu Sheng"
    ("Chongqing", "CN", "Chongqing"),      # "Chongqing Shi" (the town also comes first)
    ("Guangxi", "CN", "Guangxi"),          # "Guangxi Zhuangzu Zizhiqu"
    ("North Jeolla", "KR", "North Jeolla"),
])
def test_chinese_and_korean_provinces_in_english(gaz, name, country, unit):
    units = [p for p in gaz.lookup(name) if p.kind == "admin1"]
    assert units and (units[0].country, units[0].name) == (country, unit)


@pytest.mark.parametrize("text, kind", [
    ("Fighting spread in the province of Kirkuk on Monday.", "admin1"),
    ("Fighting spread in the northern province of Kirkuk on Monday.", "admin1"),
    ("Fighting spread in Kirkuk province on Monday.", "admin1"),
    ("Fighting spread in the city of Kirkuk on Monday.", "city"),
    ("Fighting spread in Kirkuk on Monday.", "city"),
])
def test_a_name_called_a_province_is_the_province(gaz, text, kind):
    hits = [m for m in gaz.find(text) if m.candidates]
    assert [m.candidates[0].kind for m in hits] == [kind]


# --- the provinces of a text's other names choose among namesakes -----------------------------
def first(gaz: Gazetteer, text: str, name: str):
    return next(m.candidates[0] for m in gaz.find(text) if m.text == name and m.candidates)


@pytest.mark.parametrize("text, admin1", [
    ("Police in London said the man was arrested after a chase through Kitchener and "
     "Mississauga, in Ontario.", "Ontario"),
    ("Police in London said the man was arrested after a chase through Manchester and "
     "Birmingham.", "England"),
    ("London was calm on Monday.", "England"),  # no other name: the biggest
])
def test_a_namesake_in_the_province_of_the_other_names(gaz, text, admin1):
    assert first(gaz, text, "London").admin1 == admin1


def test_other_names_never_make_a_country_a_town(gaz):
    text = "Farmers in Dallas and Houston sell soybeans to China, traders in Austin said."
    assert first(gaz, text, "China").kind == "country"


@pytest.mark.parametrize("name, regions, want", [
    # a Californian town's alternate name, a thousandfold smaller than the state: not taken
    ("Florida", {("US", "California"): 3}, ("US", "Florida")),
    # a namesake of a like size in the province the text is about: taken
    ("London", {("CA", "Ontario"): 2}, ("CA", "Ontario")),
    ("London", {}, ("GB", "England")),
])
def test_only_a_namesake_of_a_like_size_takes_the_name(gaz, name, regions, want):
    hit = top(gaz, name, regions=regions)
    assert (hit.country, hit.admin1) == want


def test_regions_of_counts_each_name_once_and_not_the_one_resolved(gaz):
    from newsledger.places.gazetteer import regions_of
    found = gaz.find("Shelling hit Aleppo, then Aleppo again, and Homs on Monday.")
    assert regions_of(found) == {("SY", "Aleppo"): 1, ("SY", "Homs"): 1}
    assert regions_of(found, exclude="aleppo") == {("SY", "Homs"): 1}


# --- a name told with its province or country after a comma ----------------------------------
@pytest.mark.parametrize("text, name, want", [
    ("The festival was held in Paris, Texas, on Saturday.", "paris", ("US", "Texas")),
    ("LONDON, Ky. (AP) - Police in London arrested two men.", "london", ("US", "Kentucky")),
    ("A rally was held in London, Ont., on Monday.", "london", ("CA", "Ontario")),
    ("The festival was held in Paris, France, on Saturday.", "paris", ("FR", "Ile-de-France")),
    ("EDMONTON, Ky (WBKO) -- Fire crews worked through the night.", "edmonton", ("US", "Kentucky")),
    ("In Paris, Del Ponte said the court would sit.", "paris", ("FR", "Ile-de-France")),  # no dateline
    ("Leaders met in Paris, London and Berlin.", "paris", ("FR", "Ile-de-France")),  # a list
])
def test_a_town_told_with_its_province_is_the_namesake_there(gaz, text, name, want):
    hits = [m for m in gaz.find(text) if m.candidates and m.text.lower() == name]
    assert hits and all((m.candidates[0].country, m.candidates[0].admin1) == want for m in hits)


@pytest.mark.parametrize("text, name, want", [
    ("Flights from Atlanta, Georgia, were cancelled.", "Georgia", ("US", "admin1")),
    ("Troops paraded in Tbilisi, Georgia, on Monday.", "Georgia", ("GE", "country")),
    ("A cat was found in Wainwright, Alta., by a conductor.", "Alta", ("CA", "admin1")),
    ("He works at a hospital in Bronx, New York.", "New York", ("US", "admin1")),
    ("He works at a hospital in New York.", "New York", ("US", "city")),
])
def test_a_qualifier_is_the_unit_its_town_lies_in(gaz, text, name, want):
    hit = next(m for m in gaz.find(text) if m.text == name)
    assert (hit.candidates[0].country, hit.candidates[0].kind) == want


@pytest.mark.parametrize("text, name, admin1", [
    ("Police found him at a house in Edmonton, south of Cairns, on Monday.", "Edmonton", "Queensland"),
    ("Floods reached Paris, 20 km from Dallas, on Monday.", "Paris", "Texas"),
    ("Police found him at a house in Edmonton on Monday.", "Edmonton", "Alberta"),  # told by nothing
    ("They flew to Paris, near Versailles.", "Paris", "Ile-de-France"),            # already nearest
])
def test_a_town_told_by_a_nearby_one_is_the_namesake_near_it(gaz, text, name, admin1):
    assert first(gaz, text, name).admin1 == admin1


# --- a state named like its city or a country: the words around it tell which -------------
@pytest.mark.parametrize("text, name, kind", [
    ("Snow closed schools across upstate New York on Monday.", "New York", "admin1"),
    ("New York Gov. Ruth Palmer signed the bill on Monday.", "New York", "admin1"),
    ("The Washington legislature passed the budget late on Friday.", "Washington", "admin1"),
    ("Snow closed schools across New York on Monday.", "New York", "city"),
    ("The New York mayor signed the bill on Monday.", "New York", "city"),
    ("The Kano governor visited the market after the fire.", "Kano", "admin1"),
    ("Traders in Kano reopened the market after the fire.", "Kano", "city"),
])
def test_a_part_or_an_office_of_a_state_makes_the_name_the_state(gaz, text, name, kind):
    assert first(gaz, text, name).kind == kind


@pytest.mark.parametrize("text, name, want", [
    ("Tech firms left states such as California or Washington for Texas.", "Washington", ("US", "admin1")),
    ("Storms swept Texas, New York and Georgia on Tuesday.", "New York", ("US", "admin1")),
    ("Storms swept Texas, New York and Georgia on Tuesday.", "Georgia", ("US", "admin1")),
    ("Troops were sent to Borno, Kano and Yobe after the raids.", "Kano", ("NG", "admin1")),
    # a list of towns, or a state beside no state of its country, keeps the town or country
    ("Flights from Washington to Chicago were cancelled.", "Washington", ("US", "city")),
    ("Gunmen attacked markets in Kano and Kaduna on Monday.", "Kano", ("NG", "city")),
    ("Envoys from Armenia and Georgia met on Monday.", "Georgia", ("GE", "country")),
    ("Envoys from Chechnya and Georgia met on Monday.", "Georgia", ("GE", "country")),
])
def test_a_name_listed_beside_states_of_its_country_is_the_state(gaz, text, name, want):
    hit = first(gaz, text, name)
    assert (hit.country, hit.kind) == want


@pytest.mark.parametrize("text, name, kind", [
    ("The ranking compares Toronto, Montreal, Quebec City and Halifax.", "Quebec", "city"),
    ("Fighting spread in Kirkuk city on Monday.", "Kirkuk", "city"),
    ("The festival moved to Montreal, Quebec, in June.", "Quebec", "admin1"),
    ("Police in Quebec said the roads were closed.", "Quebec", "admin1"),
])
def test_a_city_word_after_a_province_name_makes_it_the_town(gaz, text, name, kind):
    assert first(gaz, text, name).kind == kind


# --- namesakes in one country: the province the text tells ---------------------------------
@pytest.mark.parametrize("text, name, admin1", [
    # a small county in the state the story is about beats a big one elsewhere
    ("Farmers from Des Moines and Ames in Iowa met at the Montgomery County fair.",
     "Montgomery County", "Iowa"),
    ("Farmers in Ohio and Athens sold hay; the Montgomery County fair opened in Dayton.",
     "Montgomery County", "Ohio"),
    ("The Montgomery County fair opened on Saturday.", "Montgomery County", "Pennsylvania"),  # none told: the biggest
])
def test_a_district_namesake_in_the_province_of_the_other_names(gaz, text, name, admin1):
    assert first(gaz, text, name).admin1 == admin1


@pytest.mark.parametrize("text, name, want", [
    ("The family bought a farm in Monroe County in northeast Missouri.", "Monroe County", ("US", "Missouri")),
    ("Fighters killed six farmers in Bara in northeastern Nigeria. Bara lies on the road.",
     "Bara", ("NG", "Gombe")),
    ("Gunmen killed four soldiers in Gao in northern Mali.", "Gao", ("ML", "Gao")),
    # a province before 'in' is no town told by its country
    ("Protests over Kashmir in Pakistan grew on Friday.", "Kashmir", ("IN", "Jammu and Kashmir")),
])
def test_a_town_told_in_its_province_or_country_is_the_namesake_there(gaz, text, name, want):
    hits = [m for m in gaz.find(text) if m.text == name]
    assert hits and all((m.candidates[0].country, m.candidates[0].admin1) == want for m in hits)


# --- compounds and short names ---------------------------------------------------------------
@pytest.mark.parametrize("text, name, country", [
    ("A claim was filed against a Los Angeles-based broker.", "Los Angeles", "US"),
    ("The move came as Seattle-based Starbucks cut prices.", "Seattle", "US"),
    ("A Nairobi-born runner won the race.", "Nairobi", "KE"),
    # a tail that opens with a capital is part of the name
    ("Aid reached Port-au-Prince and Guinea-Bissau on Monday.", "Port-au-Prince", "HT"),
    ("Aid reached Port-au-Prince and Guinea-Bissau on Monday.", "Guinea-Bissau", "GW"),
    # a lower-case part that is no compound tail is the name's own (truecased 'sar-i-pul')
    ("Fighting was reported in Sar-i-pul province on Monday.", "Sar-i-pul", "AF"),
])
def test_a_lower_case_compound_tail_ends_the_name(gaz, text, name, country):
    assert first(gaz, text, name).country == country


@pytest.mark.parametrize("text, name, want", [
    ("Bankers in Frankfurt cut rates on Monday.", "Frankfurt", "Frankfurt am Main"),
    ("Doctors in Newcastle, Leeds and Sunderland tried the method.", "Newcastle", "Newcastle upon Tyne"),
    ("Doctors in Newcastle and Sydney tried the method.", "Newcastle", "Newcastle"),  # the Australian one
])
def test_a_towns_name_without_its_qualifier_finds_it(gaz, text, name, want):
    assert first(gaz, text, name).name == want


@pytest.mark.parametrize("alt, name, short", [
    ("Frankfurt", "Frankfurt am Main", True), ("Halle", "Halle (Saale)", True),
    ("Rostov", "Rostov-na-Donu", True),
    ("Mexico", "Mexico City", False), ("Santa", "Santa Cruz", False), ("Bad", "Bad Ems", False),
])
def test_short_form_is_the_name_before_a_lower_case_qualifier(alt, name, short):
    from newsledger.places.build.keys import _short_form
    assert _short_form(alt, name) is short


@pytest.mark.parametrize("text, admin1s", [
    ("Police found him at a house in Edmonton, south of Cairns. He had lived at Edmonton for "
     "a year.", ["Queensland", "Queensland"]),
    ("He had lived at Edmonton for a year.", ["Alberta"]),  # told by nothing: the big one
])
def test_a_town_told_by_a_nearby_one_is_that_namesake_each_time_it_is_named(gaz, text, admin1s):
    assert [m.candidates[0].admin1 for m in gaz.find(text) if m.text == "Edmonton"] == admin1s


@pytest.mark.parametrize("text, kept", [
    # an acronym before a town is a broadcaster's or a body's name, not a forename
    ("The director told CTV Winnipeg that the dog was driven to Winnipeg.", True),
    # a person named in full: his surname alone later is him
    ("Officer Mark Winnipeg said the dog was found. Winnipeg said it was nearly dead.", False),
])
def test_a_town_after_an_acronym_is_no_surname(gaz, text, kept):
    alone = [m for m in gaz.find(text) if m.text == "Winnipeg" and text[m.start - 4:m.start] != "CTV "]
    assert bool(alone) is kept


@pytest.mark.parametrize("raw, name", [
    ("Province du Soum", "Soum"), ("Province de la Kossi", "Kossi"),   # the longest prefix
    ("Province de l'Oudalan", "Oudalan"), ("Departement des Landes", "Landes"),
    ("Prefecture de Bassar", "Bassar"), ("Sahiwal District", "Sahiwal"),
    ("Kirklees", "Kirklees"),                                            # nothing to drop
])
def test_a_districts_name_loses_its_local_word_for_district(raw, name):
    from newsledger.places.build.admin import clean_admin2_name
    assert clean_admin2_name(raw) == name


@pytest.mark.parametrize("text, found", [
    ("Militants stormed a village in Soum province on Saturday.", ("admin2", "BF")),
    ("Troops patrolled the Seno province on Friday.", ("admin2", "BF")),
    ("Soum said the talks failed.", None),  # a short district name alone is no place
])
def test_a_short_district_name_is_found_with_its_admin_word(gaz, text, found):
    hits = [(m.candidates[0].kind, m.candidates[0].country) for m in gaz.find(text) if m.candidates]
    assert hits == ([found] if found else [])


@pytest.mark.parametrize("text, agency", [
    # a news agency alone in brackets after a dateline credits the wire: no place
    ("SANAA (Saba) - An air strike hit a market in Saada province on Monday.", True),
    ("TEHRAN (Fars) - Protesters gathered outside the embassy on Monday.", True),
    # the same name outside brackets, or in brackets with more words, is the place
    ("Tourists flew from Saba to Sint Maarten on Monday.", False),
    ("The ferry left the island (Saba and Statia) on Monday.", False),
])
def test_a_news_agency_in_brackets_is_no_place(gaz, text, agency):
    names = [m.text for m in gaz.find(text)]
    assert (not any(n in ("Saba", "Fars") for n in names)) is agency


@pytest.mark.parametrize("text, kind_word", [
    # 'The Village of X' opening a sentence tells the kind of X: not the US town 'The Village'
    ("The Village of Kafr Qasim saw protests on Monday.", True),
    ("The village of Kafr Qasim saw protests on Monday.", True),
    # the town itself, named without 'of'
    ("Residents of The Village in Oklahoma protested on Monday.", False),
])
def test_the_village_of_a_place_is_its_kind(gaz, text, kind_word):
    names = [m.text for m in gaz.find(text)]
    assert ("The Village" not in names) is kind_word and ("Kafr Qasim" in names or not kind_word)
