import pytest

from newsledger.extract.taxonomy import classify

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
    # strategic developments and the territory battles
    ("The two factions signed a ceasefire agreement in the capital on Sunday.", "Agreement"),
    ("Forty rebel fighters surrendered to the army near the river crossing.", "Agreement"),
    ("The warring sides exchanged prisoners at the border post.", "Agreement"),
    ("Troops recaptured the town of Dalaro from the insurgents after a week of fighting.",
     "Government regains territory"),
    ("The army regained control of three villages on Tuesday.", "Government regains territory"),
    ("Militants seized control of the district headquarters and two nearby villages.",
     "Non-state actor overtakes territory"),
    ("The town fell to rebels on Friday, a local official said.", "Non-state actor overtakes territory"),
    ("Government troops withdrew from the border town, leaving it to the militia without a fight.",
     "Non-violent transfer of territory"),
    ("The coalition established a new military base near the airport.",
     "Headquarters or base established"),
    ("Bomb disposal experts defused an explosive device found under a bridge.", "Disrupted weapons use"),
    ("Police seized 40 rifles and 2,000 rounds of ammunition from a warehouse.", "Disrupted weapons use"),
    ("A cache of weapons was discovered in a cave outside the city.", "Disrupted weapons use"),
    ("Hundreds of fighters defected to the government side last week.", "Change to group/activity"),
    ("Dozens of shops were looted and set on fire overnight.", "Looting/property destruction"),
    ("Helicopters dropped barrels of chlorine on the town, residents said.", "Chemical weapon"),
    ("Dozens were treated for breathing problems after a poison gas attack.", "Chemical weapon"),
    ("Fighters attacked a checkpoint, killing six security personnel.", "Armed clash"),
    ("The army killed 12 insurgents in the hills.", "Armed clash"),
    ("The march turned violent as protesters smashed shop windows.", "Violent demonstration"),
    # ground taken: a district's offices, and the passive with its taker after 'by'
    ("Insurgents captured the administrative centre of Darband district overnight.",
     "Non-state actor overtakes territory"),
    ("The town, which was seized by the army in March, lies near the border.",
     "Government regains territory"),
    ("Several villages taken by rebels during the offensive remain empty.",
     "Non-state actor overtakes territory"),
    # a person taken near a place is an arrest, not ground taken
    ("Police captured the suspect near the district office on Monday.", "Arrests"),
    ("Soldiers captured two gunmen in the village at dawn.", "Arrests"),
    # live fire that wounds protesters is lethal force; rubber bullets are an intervention
    ("Live fire left dozens of protesters injured outside the parliament.",
     "Excessive force against protesters"),
    ("Police fired tear gas and rubber bullets at the protesters.", "Protest with intervention"),
    # 'the bombing of a town' is bombardment; a bombing of a market is a planted bomb
    ("A child was killed in the bombing of Tal Sara town on Sunday.",
     "Shelling/artillery/missile attack"),
    ("Five people were killed in the bombing of the city's main market.",
     "Remote explosive/landmine/IED"),
    # power seized is a coup, not an abduction; people seized are
    ("The army seized power in a coup and detained the president.", "Arrests"),
    ("Gunmen seized two aid workers on the road to the camp.", "Abduction/forced disappearance"),
    # armed men among the dead make an attack a battle
    ("Eight people, including three militia members, were killed in the raid.", "Armed clash"),
    ("Eight people, including three children, were killed in the raid.", "Attack"),
    # an ambush of a bus or a truck with no armed side aboard is an attack on civilians
    ("Bandits ambushed a bus on the highway, killing four passengers.", "Attack"),
    ("Rebels ambushed a military truck, killing two soldiers.", "Armed clash"),
    ("Militants ambushed an army patrol near the border.", "Armed clash"),
    # forces named as a report's source are no side of the fight
    ("A police spokesperson said bandits had shot dead four herders.", "Attack"),
    ("Security sources said gunmen killed four farmers.", "Attack"),
    ("Gunmen killed four farmers and two policemen, a police statement said.", "Armed clash"),
    # stones thrown or pelted, barricades raised: demonstrators turned violent
    ("Protesters had set up barricades and thrown stones at police, witnesses said.",
     "Violent demonstration"),
    ("Marchers pelted the riot police with stones outside the court.", "Violent demonstration"),
    ("Protesters set up a stall and handed out leaflets outside the court.", "Peaceful protest"),
    # an armed group's arson with no one hurt is property destruction, 'violence' or not
    ("The unrest started when the cartel answered the capture of its boss by setting buses and "
     "shops on fire.", "Looting/property destruction"),
    ("A wave of violence began when gang members set trucks alight on the main road.",
     "Looting/property destruction"),
    ("Gunmen set a bus on fire and killed two of its passengers.", "Attack"),
    # vehicles or weapons seized are no abduction; people seized are
    ("Armed men seized and burned at least a dozen cars in the port town.",
     "Looting/property destruction"),
    ("Armed men seized three truck drivers near the border post.", "Abduction/forced disappearance"),
    ("Armed men seized two farmers and their cattle near the border post.",
     "Abduction/forced disappearance"),
    # explosives used make a bombing whoever the target; recovered, they are seized weapons
    ("Nine policemen died when rebels attacked their convoy with homemade explosives.",
     "Remote explosive/landmine/IED"),
    ("Nine policemen died when rebels attacked their convoy with rifles.", "Armed clash"),
    # a bomb told beside tear gas canisters is still a bombing (the other side: test_no_weapon)
    ("Soldiers fired tear gas canisters after a bomb exploded at the market, killing two.",
     "Remote explosive/landmine/IED"),
    # forces that raid a house to detain someone make an arrest; a raid that kills is an attack
    ("Police raided the home of an opposition journalist before dawn, detaining him and his son.",
     "Arrests"),
    ("Police raided the house, shooting dead two men and detaining a third.", "Attack"),
    # a crackdown that kills protesters is excessive force; a crackdown with no dead is not
    ("A security crackdown on demonstrators left three people dead in the capital.",
     "Excessive force against protesters"),
    # harm while fleeing forces at a protest is an intervention; a bystander force is not
    ("A marcher died after falling from a bridge while fleeing the police during the protest.",
     "Protest with intervention"),
    ("Two people were killed as protests spread and extra police were deployed in the city.",
     "Attack"),
    # ground falls into hands; a man falls into a ravine
    ("The district fell into the hands of the insurgents after a week of fighting.",
     "Non-state actor overtakes territory"),
]


@pytest.mark.parametrize("sentence, sub_type", CASES)
def test_classify(sentence, sub_type):
    kind = classify(sentence)
    assert kind is not None and kind.sub_event_type == sub_type


def test_no_event_words_no_event():
    assert classify("The minister opened a new school on Monday.") is None


@pytest.mark.parametrize("sentence", [
    "A student was wounded by a tear gas grenade outside the university.",
    "A protester lost an eye to a tear-gas canister fired by the police.",
    "Riot police threw smoke bombs and stun grenades into the crowd.",
])
def test_no_weapon(sentence):
    """Tear gas canisters, smoke bombs and stun grenades are no bombing or grenade attack."""
    kind = classify(sentence)
    assert kind is None or kind.event_type != "Explosions/Remote violence"


@pytest.mark.parametrize("sentence", [
    "A strong earthquake killed 14 people and destroyed hundreds of homes.",
    "Flash floods and landslides left at least 30 people dead in the hills.",
    "Four workers were injured when a gas cylinder exploded at a factory.",
    "Eleven passengers died when their bus crashed into a ravine.",
    "Six people died after drinking adulterated alcohol.",
    "The government expelled three diplomats and imposed new sanctions over the missile tests.",
    "The ministry denied that its aircraft were responsible for the strike on the hospital.",
])
def test_not_an_event(sentence):
    assert classify(sentence) is None


@pytest.mark.parametrize("sentence, sub_type", [
    ("Gunmen shot dead two traders after a storm cut power to the town.", "Attack"),
    ("A roadside bomb exploded under a truck carrying gas cylinders, killing two.",
     "Remote explosive/landmine/IED"),
    ("Fighting resumed despite the ceasefire, killing five soldiers.", "Armed clash"),
])
def test_violence_beside_non_event_words(sentence, sub_type):
    kind = classify(sentence)
    assert kind is not None and kind.sub_event_type == sub_type
