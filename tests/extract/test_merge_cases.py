"""Extraction cases that cross-article merging depends on (issue 14), each with its other
side: a site's name ('X Shrine in Y'), a country's possessive ('militants from X's group'),
a wire dateline with a country and an agency, and a death from an earlier attack's injuries.
Short made-up texts, published Friday 10 May 2024."""
from __future__ import annotations

import pytest

PUBLISHED = "2024-05-10"


@pytest.fixture(scope="module")
def first_event(extract):
    def run(text: str) -> dict:
        events = extract(text, published=PUBLISHED)["events"]
        assert events, text
        return events[0]
    return run


@pytest.mark.parametrize("text, country, location", [
    ("A bomb killed 9 people on Monday at Erawan Shrine in Bangkok, police said.", "TH", "Bangkok"),
    ("A bomb killed 9 people on Monday at a shrine in Erawan, police said.", "TH", "Erawan"),
    ("Gunmen killed 12 students on Tuesday at Garissa University College in Garissa.", "KE", "Garissa"),
])
def test_a_sites_name_is_placed_in_the_town_it_is_in(first_event, text, country, location):
    e = first_event(text)
    assert (e["country"], e["location"]) == (country, location)


@pytest.mark.parametrize("text, country", [
    ("Militants from Somalia's al-Shabaab group killed 20 people on Thursday in northeast Kenya.", "KE"),
    ("Gunmen killed 20 people on Thursday in Somalia's south, officials said.", "SO"),
])
def test_a_countrys_possessive_qualifies_unless_it_is_where(first_event, text, country):
    assert first_event(text)["country"] == country


@pytest.mark.parametrize("dateline", ["LAGOS, Nigeria (Reuters) — ", "LAGOS (Reuters) — "])
def test_a_dateline_is_not_the_place_of_the_event(first_event, dateline):
    e = first_event(dateline + "Bandits killed 15 villagers in Zamfara state on Monday, police said.")
    assert e["admin1"] == "Zamfara" and e["location"] != "Lagos"


@pytest.mark.parametrize("text, day", [
    ("A woman died yesterday of injuries suffered in the May 2 bomb attack in Kirkuk.", "2024-05-02"),
    ("A woman was killed yesterday in a bomb attack in Kirkuk.", "2024-05-09"),
])
def test_a_later_death_from_an_earlier_attack_is_dated_by_the_attack(first_event, text, day):
    assert first_event(text)["event_date"] == day


@pytest.mark.parametrize("text, killed", [
    ("Gunmen killed at least 40 people in a school in Garissa on Thursday, officials said.\n\n"
     "Most of those killed were pupils, but two police officers and a guard also died.", 40),
    ("Gunmen killed at least 40 people in Garissa on Thursday, officials said.\n\n"
     "Two police officers also died in a second attack on the same school, officials said.", 42),
])
def test_a_breakdown_of_the_toll_adds_no_victims(first_event, text, killed):
    assert first_event(text)["fatalities"] == killed
