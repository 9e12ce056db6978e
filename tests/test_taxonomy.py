import pytest

from newsledger.taxonomy import classify

CASES = [
    ("A suicide bomber blew himself up at a market, killing 12.", "Suicide bomb"),
    ("A car bomb exploded near a police station.", "Remote explosive/landmine/IED"),
    ("Two soldiers were wounded when a roadside bomb hit their convoy.", "Remote explosive/landmine/IED"),
    ("An air strike hit a village, killing four.", "Air/drone strike"),
    ("A drone strike killed a commander.", "Air/drone strike"),
    ("Militants fired mortars at the base.", "Shelling/artillery/missile attack"),
    ("Rockets were fired at the town overnight.", "Shelling/artillery/missile attack"),
    ("A man threw a grenade into the crowd.", "Grenade"),
    ("Attackers hurled hand explosives at the checkpoint.", "Grenade"),
    ("Troops clashed with rebels for six hours.", "Armed clash"),
    ("A gunfight broke out between police and gang members.", "Armed clash"),
    ("Gunmen shot dead three farmers.", "Attack"),
    ("Five villagers were martyred by the attackers.", "Attack"),
    ("Gunmen abducted 20 students from their school.", "Abduction/forced disappearance"),
    ("Thousands of people protested peacefully in the capital.", "Peaceful protest"),
    ("Police fired tear gas to disperse protesters.", "Protest with intervention"),
    ("Security forces opened fire on protesters, killing six.", "Excessive force against protesters"),
    ("Protesters threw stones at police and torched cars.", "Violent demonstration"),
    ("A mob looted shops and burned homes.", "Mob violence"),
    ("Police arrested 14 people suspected of smuggling weapons.", "Arrests"),
]


@pytest.mark.parametrize("sentence, sub_type", CASES)
def test_classify(sentence, sub_type):
    kind = classify(sentence)
    assert kind is not None and kind.sub_event_type == sub_type


def test_no_event_words_no_event():
    assert classify("The minister opened a new school on Monday.") is None
