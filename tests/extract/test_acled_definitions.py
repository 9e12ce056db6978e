"""Event types by ACLED's own sub-type definitions, each rule with sentences written for it on
both sides (published Friday 10 May 2024)."""
from __future__ import annotations

import pytest

from newsledger.extract.taxonomy import classify

PUBLISHED = "2024-05-10"


@pytest.fixture(scope="module")
def kinds(extract):
    def run(text: str) -> list[str]:
        return [e["sub_event_type"] for e in extract(text, published=PUBLISHED)["events"]]
    return run


TYPED = [
    # Battles are fights between two armed sides: armed men killed by the act were a side
    ("Kenyan forces killed 10 Al-Shabaab fighters near the town of Garissa on Monday.", "Armed clash"),
    ("Police shot dead two gunmen on the outskirts of Kano on Monday.", "Armed clash"),
    ("Militants killed ten villagers in the town of Gwoza on Monday, police said.", "Attack"),
    # the dead of a raid named after 'when', 'by': not what was killed
    ("Twelve villagers were killed when the attackers stormed the village of Yelwata on Monday.", "Attack"),
    # forces as the doers of a killing are no victims: civilians killed by them are attacked
    ("Soldiers executed 20 civilians in the village of Moura on Monday.", "Attack"),
    ("Troops on Monday shot dead three farmers in the village of Moura.", "Attack"),
    ("Three soldiers were killed in an ambush near Moura on Monday.", "Armed clash"),
    ("Militants killed five soldiers in an attack on a base near Moura on Monday.", "Armed clash"),
    # a lone officer is police or army, unless a civil title makes him an official
    ("An officer was killed when gunmen opened fire on his car in Kano on Monday.", "Armed clash"),
    ("Gunmen shot dead an election officer in the town of Kano on Monday.", "Attack"),
    # a suicide bomb: the attacker dies setting it off; a kamikaze drone is a drone
    ("Two female kamikazes blew themselves up at a market in Maiduguri on Monday, killing 12 people.",
     "Suicide bomb"),
    ("A kamikaze drone hit a building in Kharkiv on Monday, wounding three people.", "Air/drone strike"),
    # a non-state group that holds ground overtakes territory; one that raids a post, or holds a
    # town only briefly, fought a battle
    ("Rebels seized the town of Kidal on Monday after a week of fighting.", "Non-state actor overtakes territory"),
    ("Rebels briefly seized the town of Kidal on Monday, residents said.", "Armed clash"),
    ("Militants overran three army checkpoints near Kidal on Monday, killing nine soldiers.", "Armed clash"),
    ("Militants overran the district of Tessit on Monday, killing nine soldiers.",
     "Non-state actor overtakes territory"),
    # government forces regain a location, posts included; a capital is ground
    ("Government troops retook two army posts from the rebels near Kidal on Monday.",
     "Government regains territory"),
    ("The Taliban captured the provincial capital of Kunduz on Sunday after a two-day battle.",
     "Non-state actor overtakes territory"),
    # arrests away from a protest: of its organisers, or ahead of it
    ("Police in Cairo arrested 40 activists on Monday ahead of planned protests.", "Arrests"),
    ("The security service continues to detain people who organise or take part in the demonstrations "
     "in Khartoum, activists said on Monday.", "Arrests"),
    ("Security forces detained dozens of students during a protest in Khartoum on Monday.",
     "Protest with intervention"),
    # the dead a protest mourns are its grievance
    ("Thousands rallied in Khartoum on Saturday to mourn protesters killed last month in a raid on a sit-in.",
     "Peaceful protest"),
    ("Hundreds protested in Dhaka on Monday demanding justice for two students killed in a road accident.",
     "Peaceful protest"),
    ("Thousands rallied in Khartoum on Saturday to mourn protesters killed last month, and police shot "
     "dead two marchers.", "Excessive force against protesters"),
    ("Anti-government protests were held in several towns on Monday night; people carried pictures of "
     "the martyrs.", "Peaceful protest"),
    # a march is a protest
    ("The police suppressed a march of the opposition coalition in Goma on Monday.", "Protest with intervention"),
    ("Hundreds of students held a peaceful march through Goma on Monday.", "Peaceful protest"),
    # an intervention planned or opposed is no intervention
    ("Thousands of protesters rallied in Chicago on Saturday against the government's plan for mass "
     "arrests of migrants.", "Peaceful protest"),
    ("Thousands of protesters rallied in Chicago on Saturday and police made mass arrests.",
     "Protest with intervention"),
    # a checkpoint is only where a civilian was killed, named in the singular too
    ("Soldiers beat and killed a farmer at a checkpoint near Bamenda on Monday.", "Attack"),
    ("Gunmen attacked a checkpoint near Bamenda on Monday, killing two soldiers.", "Armed clash"),
    # ACLED's violent demonstration: road-blocking with burning tyres, or beating the forces
    ("Protesters blocked roads with burning tyres in Port-au-Prince on Monday.", "Violent demonstration"),
    ("Protesters blocked a road in Port-au-Prince on Monday, singing and waving flags.", "Peaceful protest"),
    ("Protesters beat a police officer outside parliament in Beirut on Saturday.", "Violent demonstration"),
    ("Protesters beat drums and chanted slogans outside parliament in Beirut on Saturday.", "Peaceful protest"),
    # forces who beat protesters intervene; one protester killed by them is excessive force
    ("Riot police beat an anti-government protester during a protest near parliament in Beirut on "
     "Saturday.", "Protest with intervention"),
    ("A protester was shot dead by police in the capital, Luanda, on Monday.",
     "Excessive force against protesters"),
    ("A demonstrator was killed in the city of Basra on Monday when security forces opened fire.",
     "Excessive force against protesters"),
    # striking workers who gather protest; a mine that is dug is no landmine; stun grenades are
    # crowd control
    ("Hundreds of striking teachers gathered outside parliament in Nairobi on Monday, chanting slogans.",
     "Peaceful protest"),
    ("Police fired rubber bullets and stun grenades on Wednesday to disperse striking mineworkers who "
     "had blocked the entrance to a platinum mine near Rustenburg.", "Protest with intervention"),
    ("A landmine exploded near a gold mine outside the town of Kuri on Monday, killing two miners.",
     "Remote explosive/landmine/IED"),
    # ACLED's agreements are made, not talked about: a prisoner exchange is one
    ("The army and the militia exchanged 40 prisoners in the town of Kuri on Monday under a deal "
     "brokered by the UN.", "Agreement"),
    # ACLED's riots: unorganised crowds that fight, riot or strike; armed men make it a battle
    ("Youths from two rival villages clashed with machetes and clubs near Kuri on Monday, leaving "
     "three dead.", "Mob violence"),
    ("Two men were killed near Kuri on Monday as youths clashed with gunmen who fired on them.", "Armed clash"),
    ("Football fans rioted after the match in Kuri on Sunday, smashing shop windows and burning cars.",
     "Mob violence"),
    ("Shops were torched in Kuri on Sunday night, police said.", "Looting/property destruction"),
    ("Supporters of two rival parties threw stones at each other during a rally in Kuri on Monday.",
     "Violent demonstration"),
    ("A crowd beat a suspected thief to death in a market in Kuri on Monday.", "Mob violence"),
    ("Villagers attacked a police station in Kuri on Monday after a man died in custody, injuring "
     "two officers.", "Violent demonstration"),
    ("Gunmen attacked a police station in Kuri on Monday, injuring two officers.", "Armed clash"),
    ("Residents attacked gunmen with machetes in Kuri on Monday.", "Armed clash"),
    ("Gunmen attacked villagers in Kuri on Monday, killing five.", "Attack"),
    ("Troops came under fire in the camp on Monday and shot two gunmen.", "Armed clash"),
    ("Police shot a suspect in the camp near Kuri on Monday, witnesses said.", "Attack"),
    # looting by state forces is property destruction, not a riot; a crowd named only as the
    # source makes no riot; a crowd that loots riots
    ("Soldiers looted homes and shops in the town of Kuri on Monday, residents said.",
     "Looting/property destruction"),
    ("Shops were looted in Kuri on Monday, residents said.", "Looting/property destruction"),
    ("Youths looted shops in Kuri on Monday, residents said.", "Mob violence"),
    ("Rioters looted shops in Kuri on Monday as soldiers watched.", "Mob violence"),
    # new leadership of an armed group is a change to the group
    ("Al-Shabaab named a new leader on Monday, the group said in a statement.", "Change to group/activity"),
    # hostages taken are abducted
    ("Gunmen took 12 passengers hostage after stopping a bus on the road to Kaduna on Monday.",
     "Abduction/forced disappearance"),
]


@pytest.mark.parametrize("text, sub_type", TYPED)
def test_typed(kinds, text, sub_type):
    assert kinds(text) == [sub_type]


NOT_EVENTS = [
    # the month, not a march
    "Elections are due in March, the party said on Monday.",
    # a march of troops is no protest
    "The army began a march toward the city on Monday.",
    # the accident a protest seeks justice for is no event of its own
    "Two students were killed in a road accident in Dhaka on Monday.",
    # a strike that keeps people at home is no protest (ACLED codes events, not absence of action)
    "Thousands of teachers went on strike in Nairobi on Monday demanding higher pay.",
    # a striker who scores, a striking image: no strike
    "The striker scored twice as the Chiefs beat the Pirates in Soweto on Saturday.",
    "A striking image of the city of Nairobi was published on Monday.",
    "Peace talks between the government and the rebels resumed in Doha on Monday.",
    # a company's or a party's new leader is no armed group's
    "The company appointed a new chief executive on Monday.",
    "The party elected a new leader in Nairobi on Monday.",
    # a hostage role is no hostage taken
    "The actor took the hostage role in a new film made in Lagos on Monday.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_not_events(kinds, text):
    assert kinds(text) == []


@pytest.mark.parametrize("text, sub_type", [
    ("Militants overran five army posts near the city after fierce clashes.", "Armed clash"),
    ("Militants captured a military base near the city after fierce clashes.",
     "Non-state actor overtakes territory"),
    ("Militants took control of the city after fierce clashes.", "Non-state actor overtakes territory"),
])
def test_overrun_posts_are_a_raid(text, sub_type):
    assert classify(text).sub_event_type == sub_type


@pytest.mark.parametrize("text, sub_type", [
    ("Police shot dead three attackers after they drove a car into pedestrians.", "Attack"),
    ("Police shot dead three attackers after a chase through the market.", "Armed clash"),
])
def test_attackers_stopped_in_a_one_sided_attack_make_no_battle(text, sub_type):
    # the sentence alone: the attack on the pedestrians is the event, the attackers' deaths its end
    assert classify(text).sub_event_type == sub_type


ARTICLES = [
    # tear gas told in the next sentence of the protest's paragraph: intervention
    ("Protest in Ouagadougou\n\nHundreds of people protested in Ouagadougou on Tuesday against the "
     "insecurity. Police fired tear gas to disperse them.", ["Protest with intervention"]),
    # a crowd that dispersed by itself met no force
    ("Protest in Ouagadougou\n\nHundreds of people protested in Ouagadougou on Tuesday against the "
     "insecurity. The crowd dispersed peacefully in the evening after speeches.",
     ["Peaceful protest"]),
    # a headline that names the province of the town the body tells is that incident, not one
    # more at the province's capital
    ("Air strikes hit Idlib\n\nGovernment warplanes struck a market in the town of Ariha in Idlib "
     "province on Monday, killing 15 people, rescuers said.", ["Air/drone strike"]),
    # a headline's town of its own stays its own incident
    ("Air strikes hit Aleppo\n\nGovernment warplanes struck a market in the town of Ariha in Idlib "
     "province on Monday, killing 15 people, rescuers said.", ["Air/drone strike", "Air/drone strike"]),
]


@pytest.mark.parametrize("text, rows", ARTICLES)
def test_articles(extract, text, rows):
    found = extract(text, published=PUBLISHED)["events"]
    assert [e["sub_event_type"] for e in found] == rows
