"""Events that are real (issue 9): each failure class on general news, both sides of each line.

Every text is made up for these tests and published on Friday 10 May 2024.
"""
from __future__ import annotations

import pytest

from newsledger.extract.sense import Frame, article_frame, judge
from newsledger.extract.taxonomy import classify

PUBLISHED = "2024-05-10"


@pytest.fixture(scope="module")
def events(extract):
    def run(text: str) -> list[dict]:
        return extract(text, published=PUBLISHED)["events"]
    return run


def kinds(found: list[dict]) -> list[tuple[str, str]]:
    return [(e["event_type"], e["sub_event_type"]) for e in found]


# --- no event: everyday senses, causes, tallies, talk, hedges -----------------------------

NOT_EVENTS = [
    # metaphor: politics, sport, business, fire fighting
    "The senator attacked the governor over the budget on Tuesday.",
    "Trump spent the rally in Ohio on Monday attacking Clinton's record on trade.",
    "The governor has been battling the state legislature for years.",
    "The striker shot past the keeper in the second half to win the match for the home team.",
    "It was a three-run blast that won the game for the visitors on Sunday.",
    "Firefighters spent the night fighting two apartment fires in Winnipeg.",
    "The company has set aside its competitive battles to lobby the European Commission.",
    "The developers systematically looted investors' money in Vermont, the complaint says.",
    "The road projects in Waziristan have been executed by army engineers since March.",
    "Army engineers executed the irrigation plan in Peshawar on Monday.",
    # death without an attacker: disease, animals, accidents, self-harm
    "Three siblings died of bird flu in the town of Van on Monday.",
    "The plan prepares local officials for 320,000 deaths in a flu pandemic.",
    "Thousands of chickens were killed at a farm in Norfolk after bird flu was found there.",
    "A dead swan found in Fife tested positive for the H5N1 virus on Tuesday.",
    "Two people died when a fire broke out in a hostel in Leeds on Friday.",
    "Two hikers were killed when a volcano erupted on the island of Kyushu on Tuesday.",
    "An explosion tore through a chemical warehouse in the port of Tianjin on Wednesday, killing 50.",
    "Two blasts hit the port on Tuesday, caused by ammonium nitrate stored in a hangar, killing 20.",
    "A retired police officer shot himself in the parking lot of a hospital in Boston last month.",
    # aggregates and generic tallies
    "More than 300 people were killed in seven countries in the past year.",
    "The city police reported 2,521 shooting incidents between January 1 and September 18.",
    "Armed groups have stepped up attacks on military targets across the Sahel this year.",
    "The two countries fought a war in 2020 that killed more than 6,500 people.",
    "The UN Security Council on Friday extended its mission in South Sudan, where fighting has "
    "killed thousands since 2013.",
    "The army announced on Monday that it had foiled an attempted coup.",
    # talk about violence, not violence
    "Rebel and government negotiators opened peace talks in Addis Ababa on Monday.",
    "Hundreds gathered in Kigali on Sunday to mark the anniversary of the massacre.",
    "The army deployed two more battalions to the northern province on Monday.",
    "The two countries signed a trade agreement in Geneva on Monday.",
    "The rebels said they could agree a ceasefire with the army in Kidal next week.",
    # hedges and modality
    "Militants threatened to attack the town of Kidal on Monday.",
    "The opposition said it could stage protests in the capital next week.",
    "The candidate said the country should send peace demonstrators to the border.",
    "Migrants on the island face the threat of detention and deportation.",
    # protest senses: a campaign rally, a vigil in church, to show
    "Trump held a campaign rally in Ohio on Saturday, his third of the week.",
    "The archbishop led the Easter Vigil at the cathedral on Saturday.",
    "She has demonstrated her skill as a negotiator over a lifetime in public life.",
    # ordinary crime, and deaths with no doer outside a conflict story
    "The two inmates who escaped on Monday have been captured in Chattanooga, the sheriff said.",
    "Police are investigating after two bodies were found on a beach near Brighton on Tuesday.",
    "Police arrested four vendors for selling rotten meat at a market in Manila on Wednesday.",
    # a deal struck, a condition, an offensive's start
    "The mining company struck a deal with the ministry in Lima on Monday to reopen the mine.",
    "If the gunmen attack the village of Kaga, dozens of people could be killed.",
    "Should the rebels storm Goma, thousands of families would flee the city.",
    "The rebels launched an offensive from their bases in Libya on 11 April.",
    # an air weapon named as a thing, not an act
    "Troops seized 24 vehicles and a large quantity of fuel from smugglers near Faya on Sunday.",
    "The search for the missing jet resumed off Perth on Monday after the firm struck a deal.",
    # a protest prevented, a protest word naming a thing
    "Supporters were stopped from marching to the capital for a rally against the tax on Saturday.",
    "Police surrounded the protest camp in Accra on Sunday.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_not_an_event(events, text):
    assert events(text) == []


# --- the other side of each line: real incidents stay, with the right type -----------------

EVENTS = [
    ("Gunmen attacked a village in Borno state on Tuesday, killing five people.",
     "Violence against civilians", "Attack"),
    ("Militants attacked an army base near Kidal on Monday, killing four soldiers.",
     "Battles", "Armed clash"),
    ("Troops battled rebels near Goma on Sunday.", "Battles", "Armed clash"),
    ("A gunman shot dead a trader in Kano on Monday.", "Violence against civilians", "Attack"),
    ("Three siblings were shot dead by gunmen in the town of Van on Monday.",
     "Violence against civilians", "Attack"),
    ("Five people were killed in a shooting in Chicago on Sunday.",
     "Violence against civilians", "Attack"),
    ("Thousands rallied against the new tax in Accra on Saturday.", "Protests", "Peaceful protest"),
    ("Police arrested 12 opposition activists in Harare on Monday.",
     "Strategic developments", "Arrests"),
    # the types of issue 10
    ("A roadside bomb struck a police patrol in Helmand on Monday, killing three officers.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("A bomb planted under a police car exploded in Quetta on Tuesday, killing two policemen.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Rebels shelled the town of Kaga on Sunday, killing two civilians.",
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Police opened fire on protesters in Lagos on Tuesday, killing three.",
     "Protests", "Excessive force against protesters"),
    ("Gunmen abducted 20 students from a school in Kaduna on Friday.",
     "Violence against civilians", "Abduction/forced disappearance"),
    # history as history: a background bombing from the air is an air strike, not an IED
    ("The atomic bomb dropped on Hiroshima in August 1945 killed tens of thousands of people.",
     "Explosions/Remote violence", "Air/drone strike"),
    ("Gunmen abducted three protest leaders in Bamenda on Friday.",
     "Violence against civilians", "Abduction/forced disappearance"),
    ("The army retook the town of Kidal from rebels on Friday after heavy fighting.",
     "Battles", "Government regains territory"),
    # ... and the other side of the lines above
    ("Rebel gunmen struck a military convoy near Gao on Monday, killing four soldiers.",
     "Battles", "Armed clash"),
    ("The rebels launched an attack from their bases on Monday, killing 12 soldiers in Tibesti.",
     "Battles", "Armed clash"),
    ("Government forces wrested control of a military camp from separatists near Aden on Sunday.",
     "Battles", "Government regains territory"),
    ("The army recovered control of two villages near Idlib on Monday after heavy fighting.",
     "Battles", "Government regains territory"),
    # a protest against violence is a protest, not the violence
    ("Hundreds of students marched in Charlotte on Wednesday in a peaceful protest over the police "
     "shooting of a man last week.", "Protests", "Peaceful protest"),
    ("Thousands rallied in Belgrade on Saturday against gun violence.", "Protests", "Peaceful protest"),
    ("Protests erupted in Nanterre on Wednesday, and protesters burned cars and threw stones at police.",
     "Riots", "Violent demonstration"),
    ("Protesters threw stones at police in Belgrade on Saturday, injuring four officers.",
     "Riots", "Violent demonstration"),
    ("Rebels and government forces agreed a 48-hour ceasefire in the town of Zabadani on Sunday.",
     "Strategic developments", "Agreement"),
    ("Gunmen killed five people in Jos on Monday, the deadliest attack in the city since 2019.",
     "Violence against civilians", "Attack"),
    ("Troops foiled an attack on a checkpoint near Gao on Monday, defusing two bombs.",
     "Strategic developments", "Disrupted weapons use"),
    ("A car bomb ripped through a busy market in Baghdad on Wednesday, killing 30 people.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Gunmen seized 14 passengers from a bus near Faya on Sunday.",
     "Violence against civilians", "Abduction/forced disappearance"),
    ("Jets bombed the town of Ariha on Friday, killing five civilians.",
     "Explosions/Remote violence", "Air/drone strike"),
    ("A mine planted by militants exploded near Gao on Monday, killing six villagers.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    # the other side: a crowd's purpose fulfilled, a protest not prevented, a protest's thing
    ("Thousands took to the streets to protest against the new tax in Lima on Monday.",
     "Protests", "Peaceful protest"),
    ("Protesters marched to the capital for a rally against the tax in Accra on Saturday.",
     "Protests", "Peaceful protest"),
    ("Police stopped the crowd from entering the square, and protesters threw stones at "
     "officers in Accra on Saturday.", "Riots", "Violent demonstration"),
    ("Protesters set up a protest camp outside parliament in Accra on Sunday.",
     "Protests", "Peaceful protest"),
    # a prevention ends at 'and': what follows happened
    ("Gunmen blocked villagers from fleeing and shot dead two farmers in Borno state on Tuesday.",
     "Violence against civilians", "Attack"),
    # executions of people stay killings, though orders or plans are named nearby
    ("Militants executed the villagers on orders from their commander in Gao on Monday.",
     "Violence against civilians", "Attack"),
    ("Despite the court's orders, militants executed five hostages in Sirte on Friday.",
     "Violence against civilians", "Attack"),
    # ground taken: a district's government centre, not a person
    ("Rebels captured the government centre of Bama in Borno state on Monday, killing five soldiers.",
     "Battles", "Non-state actor overtakes territory"),
]


@pytest.mark.parametrize("text, event_type, sub_type", EVENTS)
def test_real_incident_is_kept_and_typed(events, text, event_type, sub_type):
    assert kinds(events(text)) == [(event_type, sub_type)]


@pytest.mark.parametrize("text, n", [
    ("The minister said troops should storm the rebel camp near Goma to end the siege.", 0),
    ("The minister said troops stormed the rebel camp near Goma on Monday, killing six rebels.", 1),
    ("The spokesman said the group had threatened to bomb the bridge at Kidal.", 0),
    ("The spokesman said the group bombed the bridge at Kidal on Sunday.", 1),
])
def test_hedges_read_from_the_parse_of_a_speech_sentence(events, text, n):
    assert len(events(text)) == n


def test_background_attack_with_its_own_date_is_an_event_beside_a_trial(events):
    found = events("The trial opened on Monday of three men charged over the bombing of a market "
                   "in Kano in March 2014 that killed 40 people.")
    # which of the sentence's dates it takes is the date binding's business (issue 10)
    assert [(e["location"], e["fatalities"]) for e in found] == [("Kano", 40)]


def test_a_comparison_names_no_incident_of_its_own(events):
    found = events("Gunmen killed four farmers in Jos on Sunday, the deadliest attack in Plateau "
                   "state since 2021.")
    assert [(e["location"], e["fatalities"]) for e in found] == [("Jos", 4)]


def test_peaceful_protest_is_not_a_riot_because_the_headline_says_clash(events):
    found = events("Protesters and police clash over fuel prices\n\n"
                   "Thousands of protesters marched peacefully through Quito on Monday against "
                   "the rise in fuel prices.")
    assert kinds(found) == [("Protests", "Peaceful protest")]


def test_frame_decides_ambiguous_triggers():
    sport = ("The home team won the match 2-1. The striker scored twice and the coach praised "
             "the players. Their attack was relentless all season in the league.")
    war = "Gunmen killed five villagers. Troops pursued the militants after the attack."
    assert article_frame(sport).name == "sport" and not article_frame(sport).open
    assert article_frame(war).name == "conflict"
    assert article_frame("Five people were killed in Kano on Monday.").open


@pytest.mark.parametrize("words, frame, kept", [
    ("The team's attack was relentless.", Frame("sport", 0, 5), False),
    ("Gunmen's attack on the village was relentless.", Frame("sport", 0, 5), True),
    ("The attack came on Saturday night.", Frame("conflict", 9, 1), True),
    ("The attack came on Saturday night.", Frame("elections", 1, 9), False),
    ("Two bodies were found on a coastal path.", Frame("elections", 0, 3), False),
    ("Two bodies with gunshot wounds were found on a coastal path.", Frame("elections", 0, 3), True),
])
def test_judge_reads_cues_and_frame(words, frame, kept):
    kind = classify(words)
    assert kind is not None
    assert (judge(words, kind, frame) is not None) == kept


def test_every_event_says_why_it_was_kept(events):
    (event,) = events("Gunmen attacked a village in Borno state on Tuesday, killing five people.")
    reason = event["reason"]
    assert "trigger 'attacked'" in reason and "armed agent 'Gunmen'" in reason
    assert "date 'on Tuesday'" in reason or "date 'Tuesday'" in reason
    assert "place 'Borno" in reason


def test_reason_is_stored_with_the_event():
    from newsledger.corpus.store import EVENT_SCHEMA, event_rows

    assert "reason" in EVENT_SCHEMA.names
    rows = event_rows("abc", {"events": [{"event_id": "e1", "reason": "trigger 'shot' (weapon)",
                                          "evidence": []}]})
    assert rows[0]["reason"] == "trigger 'shot' (weapon)"


@pytest.mark.parametrize("text, name", [
    # 'who' the pronoun is no word of health; WHO the agency is
    ("A bomb killed 9 people in Kirkuk. Doctors who treated the wounded, who were many, said "
     "hospital staff who worked all night were exhausted.", "conflict"),
    ("The WHO said the virus outbreak had spread; WHO doctors treated patients in hospital.", "health"),
])
def test_the_frame_reads_who_by_its_case(text, name):
    assert article_frame(text).name == name


@pytest.mark.parametrize("text, event", [
    ("Fans flooded the pitch and beat rival supporters, killing three.", True),
    ("Protesters storm the parliament and beat two guards to death.", True),
    ("Flood waters flooded the town, killing three.", False),
    ("A storm hit the coast, killing three.", False),
])
def test_a_crowd_that_floods_or_storms_a_place_is_no_disaster(text, event):
    assert (classify(text) is not None) == event


@pytest.mark.parametrize("words, kept", [
    ("Aid workers said people in the camp will end up fighting and killing each other.", False),
    ("Gunmen stormed the camp, fighting guards and killing four.", True),
])
def test_a_trigger_joined_to_a_hedged_one_shares_its_hedge(words, kept):
    conflict = Frame("conflict", 3, 0)
    kind = classify(words)
    assert kind is not None and (judge(words, kind, conflict) is not None) == kept


def test_a_long_story_without_a_word_of_violence_is_general_news():
    calm = " ".join(["The council met on Tuesday and talked about the new school budget."] * 20)
    assert article_frame(calm).name == "general" and not article_frame(calm).open
    assert article_frame("Two people died in a fight in the market, residents said.").open


# --- event-free news on disasters and health (GeoVirus-like stories) ----------------------

_QUAKE = ("Rescue teams reached the mountain villages on Thursday, three days after the earthquake "
          "struck the region. Aid agencies say the quake left 200,000 people without shelter and "
          "the aftershocks have not stopped. Some looting of shops was reported in the valley town. "
          "{toll} Snow and heavy rains are now slowing the relief flights, officials said.")


@pytest.mark.parametrize("toll", [
    "The death toll in Kashmir, which officially stands at 12,000, is expected to rise.",
    "More than 400 were killed in Pakistan, India and Afghanistan.",
])
def test_a_disaster_story_s_toll_is_no_attack(events, toll):
    """A toll in a story framed by a quake, a storm or a flood, with no weapon or armed agent
    beside it, is the disaster's, though the story's first line has no break (a whole article
    on one line is not its headline). The looting told beside it stays an event."""
    assert kinds(events(_QUAKE.format(toll=toll))) == [("Strategic developments", "Looting/property destruction")]


def test_a_killing_by_gunmen_in_a_disaster_story_is_still_an_attack(events):
    found = events(_QUAKE.format(toll="Gunmen shot dead 12 aid workers at a camp in the valley on Wednesday."))
    assert ("Violence against civilians", "Attack") in kinds(found)


def test_the_lead_is_the_first_sentence_when_a_text_has_no_line_breaks():
    """Looting told after a quake's lead is no violent lead; looting in the lead sentence is."""
    rest = "The aftershocks and the floods that followed went on all night. " + "Rescuers dug through the rubble. " * 20
    later = "An earthquake struck the valley on Monday. " + rest + "Some looting of shops was reported."
    first = "Looting broke out in the valley on Monday after the earthquake. " + rest
    assert article_frame(later).name == "disaster"
    assert article_frame(first).name == "conflict"


@pytest.mark.parametrize("text, n", [
    ("Activists held a news conference in Lima on Monday ahead of a scheduled protest against the mine.", 0),
    ("Students in Lima are set to march against the fee rise on Friday, their union said on Monday.", 0),
    ("The upcoming rally against the dam in Lima has drawn wide support, organisers said on Monday.", 0),
    ("Thousands of students marched against the fee rise in Lima on Monday.", 1),
    ("Hundreds of miners protested against the pit closure in Lima on Monday.", 1),
])
def test_a_scheduled_protest_has_not_happened_yet(events, text, n):
    assert len(events(text)) == n


@pytest.mark.parametrize("text, n", [
    ("Troops set up a field hospital in the flooded town of Jacobabad on Tuesday.", 0),
    ("Soldiers also set up a water purification unit in the camp on Tuesday.", 0),
    ("The rebels set up a new militia unit in the hills of Kivu on Tuesday, the army said.", 1),
])
def test_troops_who_set_up_relief_change_no_armed_group(events, text, n):
    assert len(events(text)) == n


@pytest.mark.parametrize("text, n", [
    ("Drug-related violence has hurt tourism in the resort of Mazatlan, hotel owners said on Monday.", 0),
    ("Gang violence has scared investors away from the port city of Lazaro Cardenas, bankers said.", 0),
    ("Cartel gunmen killed six police officers in an ambush in Mazatlan on Monday.", 1),
])
def test_drug_and_gang_violence_as_a_social_ill_is_no_incident(events, text, n):
    assert len(events(text)) == n


@pytest.mark.parametrize("text, n", [
    ("The letters, which were posted from Ohio, targeted six mosques across Texas on Monday.", 0),
    ("New sanctions announced on Monday targeted three banks in Tehran.", 0),
    ("Letter bombs targeted six judges in Athens on Monday, police said.", 1),
    ("Gunmen targeted a mosque in Kano on Monday, killing four worshippers.", 1),
])
def test_letters_and_sanctions_that_target_someone_are_no_attack(events, text, n):
    assert len(events(text)) == n
