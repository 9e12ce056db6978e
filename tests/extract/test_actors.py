"""The actor dictionary: shipped names, matching rules, and users' own files."""
from __future__ import annotations

import pytest

from newsledger.extract.actors import ActorDictionary
from newsledger.errors import InputError


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def test_shipped_aliases_resolve_to_canonical_names(actors):
    assert actors.canonical("ISIL") == "Islamic State"
    assert actors.canonical("Daesh") == "Islamic State"
    assert actors.canonical("al-Shabab") == "Al-Shabaab"
    assert actors.canonical("Harakat al-Shabaab al-Mujahideen") == "Al-Shabaab"
    assert actors.canonical("Ansar Allah") == "Houthis"
    assert actors.canonical("Kurdistan Workers' Party") == "PKK"
    assert actors.canonical("Movement for the Emancipation of the Niger Delta") == "MEND"
    assert actors.get("Rapid Support Forces").country == "SD"
    assert actors.get("Reuters").kind == "media"


def test_find_is_case_and_accent_insensitive_and_word_bounded(actors):
    text = "AL-SHABAB and al-Shabaab claimed it; Medecins Sans Frontieres and Médecins Sans Frontières helped."
    found = [(m.text, m.actor.canonical) for m in actors.find(text)]
    assert found == [("AL-SHABAB", "Al-Shabaab"), ("al-Shabaab", "Al-Shabaab"),
                     ("Medecins Sans Frontieres", "Doctors Without Borders"),
                     ("Médecins Sans Frontières", "Doctors Without Borders")]
    assert actors.find("The Shabaabs are a band.") == []


def test_find_prefers_the_longest_alias_and_offsets_index_the_text(actors):
    text = "Fighters of the Islamic State of Iraq and the Levant (ISIL) attacked."
    found = actors.find(text)
    assert [m.text for m in found] == ["Islamic State of Iraq and the Levant", "ISIL"]
    assert all(text[m.start:m.end] == m.text for m in found)


def test_acronyms_match_only_in_capitals(actors):
    assert actors.find("It is what it is, says the report.") == []
    assert [m.actor.canonical for m in actors.find("IS fighters and Isis supporters")] == \
        ["Islamic State", "Islamic State"]
    assert actors.canonical("is") is None


def test_common_words_in_lower_case_are_not_names(actors):
    assert actors.find("The court granted amnesty to the prisoners.") == []
    assert [m.text for m in actors.find("Amnesty International said so.")] == ["Amnesty International"]


def test_ruler_patterns_are_hashable_proper_names(actors):
    patterns = actors.ruler_patterns()
    hash(patterns)
    assert ("ORG", "Boko Haram") in patterns
    assert ("ORG", "IS") not in patterns            # 'is' would be tagged everywhere
    assert ("ORG", "Kenyan troops") not in patterns  # a description, not a name


def test_user_file_extends_an_actor_and_adds_a_new_one(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text(
        "- canonical: Al-Shabaab\n  aliases: [Shabaab al-Mujahideen Movement]\n"
        "- canonical: River Valley Defenders\n  kind: armed_group\n  country: ZZ\n"
        "  aliases: [RVD, Valley Defenders]\n", encoding="utf-8")
    actors = ActorDictionary.load([f])
    assert actors.canonical("Shabaab al-Mujahideen Movement") == "Al-Shabaab"
    assert actors.canonical("al-Shabab") == "Al-Shabaab"  # shipped aliases kept
    found = actors.find("The RVD, or Valley Defenders, struck.")
    assert [(m.text, m.actor.canonical) for m in found] == [
        ("RVD", "River Valley Defenders"), ("Valley Defenders", "River Valley Defenders")]
    assert actors.get("River Valley Defenders").kind == "armed_group"


def test_user_file_renames_a_canonical_name(tmp_path):
    f = tmp_path / "rename.yaml"
    f.write_text("- canonical: Daesh (IS)\n  aliases: [Islamic State]\n", encoding="utf-8")
    actors = ActorDictionary.load([f])
    assert actors.canonical("ISIL") == "Daesh (IS)"
    assert actors.canonical("Islamic State") == "Daesh (IS)"
    assert [m.actor.canonical for m in actors.find("ISIS and Daech")] == ["Daesh (IS)"] * 2
    assert actors.get("Islamic State") is None


def test_user_file_takes_a_single_alias(tmp_path):
    f = tmp_path / "alias.yaml"
    f.write_text("- canonical: Islamic Jihad Union\n  kind: armed_group\n  aliases: [Islamic Jihad]\n",
                 encoding="utf-8")
    actors = ActorDictionary.load([f])
    assert actors.canonical("Islamic Jihad") == "Islamic Jihad Union"
    assert actors.canonical("PIJ") == "Palestinian Islamic Jihad"


def test_environment_variable_lists_user_files(tmp_path, monkeypatch):
    f = tmp_path / "env.yaml"
    f.write_text("- canonical: Northern Hill Brigade\n  aliases: [NHB]\n", encoding="utf-8")
    monkeypatch.setenv("NEWSLEDGER_ACTORS", str(f))
    assert ActorDictionary.load().canonical("NHB") == "Northern Hill Brigade"


@pytest.mark.parametrize("content", ["- [not, a, mapping]\n", "canonical: x\n", "- {kind: party}\n",
                                     "- {canonical: X, kind: wizard}\n", "- {canonical: [\n"])
def test_bad_user_files_are_clear_errors(tmp_path, content):
    f = tmp_path / "bad.yaml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError):
        ActorDictionary.load([f])


def test_missing_user_file_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="actor file"):
        ActorDictionary.load([tmp_path / "absent.yaml"])


# ---- who did it to whom (roles.py), through the whole pipeline -------------------------------
@pytest.mark.parametrize("text, actor1, actor2", [
    # a state's forces named by nationality are that state's, wherever the event is
    ("Russian shelling killed four civilians in Kherson on Monday.",
     "Military Forces of Russia", "Civilians"),
    ("Israeli warplanes struck a Hamas training camp in Khan Younis on Monday.",
     "Military Forces of Israel", "Hamas"),
    # a place before the weapon says where, not whose
    ("A Gaza raid killed two gunmen on Monday, witnesses said.",
     "Unidentified Armed Group (Palestine)", None),
    # a mutual fight: the side named first
    ("Fighting broke out between Sudanese troops and the RSF in El Obeid on Monday.",
     "Military Forces of Sudan", "Rapid Support Forces"),
    ("Fighting broke out between the RSF and Sudanese troops in El Obeid on Monday.",
     "Rapid Support Forces", "Military Forces of Sudan"),
    # a bomb at a police post hits the police, not 'people'
    ("A car bomb exploded at a police checkpoint in Ramadi on Monday, killing seven people.",
     "Unidentified Armed Group (Iraq)", "Police Forces of Iraq"),
    ("A car bomb exploded at a market in Ramadi on Monday, killing seven people.",
     "Unidentified Armed Group (Iraq)", "Civilians"),
    # who was arrested, when the text says they were a crowd
    ("Police arrested 12 men for looting in Lahore on Thursday.",
     "Police Forces of Pakistan", "Rioters (Pakistan)"),
    # one state's forces on another's: the one that strikes first
    ("Azerbaijani troops shot dead an Armenian soldier on the border near Sotk on Wednesday.",
     "Military Forces of Azerbaijan", "Military Forces of Armenia"),
    ("Tajik border guards opened fire on Kyrgyz border guards near Leilek on Friday, wounding two.",
     "Military Forces of Tajikistan", "Military Forces of Kyrgyzstan"),
    # a group known by its acronym takes its full canonical name
    ("CJNG gunmen killed five people in Celaya on Monday.",
     "Jalisco New Generation Cartel (CJNG)", "Civilians"),
    # forces that shell are the doers; a bomb that hit no armed side hit civilians
    ("Government troops shelled the town of Ariha on Sunday, killing four people.",
     "Military Forces of Syria", "Civilians"),
    ("A bomb exploded outside a bank in Yala on Sunday.",
     "Unidentified Armed Group (Thailand)", "Civilians"),
    # the state's forces retake a town, whoever the sentence names first
    ("Soldiers retook the town of Menaka from jihadists on Friday, the army said.",
     "Military Forces of Mali", "Unidentified Armed Group (Mali)"),
    # gunmen killed in a security operation: the state's forces ran it
    ("Six gunmen were killed in a special operation in Nalchik on Monday.",
     "Military Forces of Russia", "Unidentified Armed Group (Russia)"),
    # a force after 'by' is the doer, whoever the victim
    ("A 16-year-old was killed in Sitra on Friday by police gunfire.",
     "Police Forces of Bahrain", "Civilians"),
    # a fight between communities: communal militias on both sides
    ("Tribal clashes left 20 people dead in Warrap state on Sunday, officials said.",
     "Communal Militia (South Sudan)", "Communal Militia (South Sudan)"),
    ("Clashes left 20 people dead in Warrap state on Sunday, officials said.", None, None),
    # two nationalities before one force noun: each names its own state's forces
    ("Kyrgyz and Tajik border guards exchanged fire near Batken on Friday, killing three.",
     "Military Forces of Kyrgyzstan", "Military Forces of Tajikistan"),
    # the state's forces after 'by' began it, though named second
    ("A Georgian soldier was shot dead by Russian troops near Tskhinvali on Tuesday.",
     "Military Forces of Russia", "Military Forces of Georgia"),
    ("Georgian troops shot dead a Russian soldier near Tskhinvali on Tuesday.",
     "Military Forces of Georgia", "Military Forces of Russia"),
    # two states named as the sides of a fight stand for their forces
    ("A clash between Eritrea and Ethiopia near Badme on Monday killed three soldiers.",
     "Military Forces of Eritrea", "Military Forces of Ethiopia"),
    # a state named by its air strikes struck; the group hit is the target
    ("French air strikes hit a FACT column near Faya on Sunday, killing 20 rebels.",
     "Military Forces of France", "Front for Change and Concord in Chad (FACT)"),
    # students who clash with residents: the residents are the other side
    ("Students protesting the fee rise clashed with residents in Kano on Monday, throwing stones "
     "at shops; five people were hurt.", "Rioters (Nigeria)", "Civilians"),
    # the side blamed for a killing did it
    ("A journalist was shot dead in Homs on Monday, and activists blamed security forces for "
     "the killing.", "Military Forces of Syria", "Civilians"),
    ("A journalist was shot dead in Homs on Monday, activists said.",
     "Unidentified Armed Group (Syria)", "Civilians"),
    # police and soldiers hit together: the military side
    ("Gunmen killed four police officers and soldiers at a checkpoint in Gao on Monday.",
     "Unidentified Armed Group (Mali)", "Military Forces of Mali"),
    ("Gunmen killed four police officers at a checkpoint in Gao on Monday.",
     "Unidentified Armed Group (Mali)", "Police Forces of Mali"),
    # vehicles and businesses set on fire are civilians' property
    ("Gang members set fire to five buses and several businesses in Celaya on Tuesday, police said.",
     "Unidentified Armed Group (Mexico)", "Civilians"),
    ("A mob torched dozens of cars in Lyon on Saturday night.", "Rioters (France)", "Civilians"),
    ("A mob threw stones in Lyon on Saturday night.", "Rioters (France)", None),
    # drones and missiles named by a nationality are that state's, wherever they strike
    ("Russian drones struck an apartment block in Odesa on Friday, killing eight people.",
     "Military Forces of Russia", "Civilians"),
    ("Israeli missiles hit a house in Rafah on Monday, killing six people.",
     "Military Forces of Israel", "Civilians"),
])
def test_roles(extract, text, actor1, actor2):
    found = extract(text, published="2024-05-10")["events"]
    assert len(found) == 1, found
    assert (found[0]["actor1"], found[0]["actor2"]) == (actor1, actor2)


def test_acronym_groups_are_named_in_full_and_keep_the_acronym(actors):
    assert actors.canonical("ADF") == "Allied Democratic Forces (ADF)"
    assert actors.canonical("Allied Democratic Forces") == "Allied Democratic Forces (ADF)"
    assert actors.canonical("Union of Resistance Forces") == "Union of Resistance Forces (UFR)"
    assert [m.text for m in actors.find("The Uganda People's Defence Forces-UPDF said")] == \
        ["Uganda People's Defence Forces", "UPDF"]
    assert actors.find("the Hamas-run ministry") == []


@pytest.mark.parametrize("claim, actor1", [
    ("The Baloch Liberation Army claimed responsibility for the attack in a statement.",
     "Baloch Liberation Army"),
    # naming a group is not claiming for it
    ("The army said the Baloch Liberation Army had been weakened.",
     "Unidentified Armed Group (Pakistan)"),
])
def test_responsibility_claimed_in_a_sentence_of_its_own(extract, claim, actor1):
    text = "Two bombs exploded at a bus station in Quetta on Monday, killing nine people.\n\n" + claim
    found = extract(text, published="2024-05-10")["events"]
    assert [e["actor1"] for e in found] == [actor1]


@pytest.mark.parametrize("later, actor1", [
    # a claim of 'the attacks' in the lead covers the same day's attacks told after it
    ("Another bomb exploded at a bus station in Quetta on Monday, killing three people.",
     "Baloch Liberation Army"),
    # not an attack of another day
    ("In 2019 a bomb exploded at a bus station in Quetta, killing three people.",
     "Unidentified Armed Group (Pakistan)"),
])
def test_a_lead_claim_covers_the_days_attacks(extract, later, actor1):
    text = ("Two bombs exploded at a market in Turbat on Monday, killing nine people. "
            "The Baloch Liberation Army claimed responsibility for the attacks.\n\n"
            "Police sealed off the area.\n\nOfficials met on Tuesday.\n\n" + later)
    found = extract(text, published="2024-05-07")["events"]
    assert [e["actor1"] for e in found][-1] == actor1


@pytest.mark.parametrize("day, actor1", [
    ("2024-05-06", "Baloch Liberation Army"),
    # another day than the lead names: not the attacks claimed
    ("2024-05-07", "Unidentified Armed Group (Pakistan)"),
])
def test_a_lead_claim_covers_the_attacks_of_the_day_the_lead_names(actors, day, actor1):
    """The lead's total is a summary, no event of its own: its day still dates the claim."""
    from types import SimpleNamespace as NS

    from newsledger.extract.date_calendar import TimeExpr
    from newsledger.extract.roles import claimed_by

    text = ("Bombs in two cities killed 13 people on Monday. The Baloch Liberation Army claimed "
            "responsibility for the attacks.\n\nA bomb exploded at a station in Quetta.")
    ends = [text.index(".") + 1, text.index("attacks.") + 8, len(text)]
    sentences = [NS(start=s, end=e, text=text[s:e]) for s, e in zip([0, ends[0] + 1, ends[1] + 2], ends)]
    monday = text.index("Monday")
    doc = NS(text=text, sentences=sentences, actors=actors.find(text),
             dates=[TimeExpr(monday, monday + 6, "Monday", "2024-05-06", "day", "relative")])
    event = NS(evidence=[NS(start=sentences[2].start)], event_date=day,
               actor1="Unidentified Armed Group (Pakistan)", provenance={})
    claimed_by(doc, [event])
    assert event.actor1 == actor1


@pytest.mark.parametrize("text, event_type", [
    # a crowd against the police with no armed side is a riot
    ("Supporters of the party clashed with police in Lahore on Sunday, leaving two officers dead.",
     "Riots"),
    ("Gunmen clashed with police in Lahore on Sunday, leaving two officers dead.", "Battles"),
    # students or fans who fight the police are a crowd too; gunmen among students are not
    ("Students clashed with police in Rajshahi on Sunday, leaving 20 injured.", "Riots"),
    ("Football fans clashed with police outside the stadium in Alexandria on Sunday, leaving 12 injured.", "Riots"),
    ("Gunmen clashed with police in Rajshahi on Sunday, leaving two students dead.", "Battles"),
])
def test_a_crowd_fighting_police_is_a_riot(extract, text, event_type):
    found = extract(text, published="2024-05-07")["events"]
    assert [e["event_type"] for e in found] == [event_type]


def test_state_forces_without_a_country_in_their_name_do_not_break_roles(extract):
    found = extract("Azov fighters and Russian troops clashed near Mariupol on Monday, "
                    "killing four.", published="2024-05-10")["events"]
    assert found and found[0]["actor1"]


@pytest.mark.parametrize("second, location", [
    # 'in the city' with no name after: the city the story named before
    ("Two days later police arrested a suspect in the city, officials said.", "Mombasa"),
    # 'the city of X' names its own place
    ("Two days later police arrested a suspect in the city of Nairobi, officials said.", "Nairobi"),
])
def test_the_city_is_the_city_named_before(extract, second, location):
    text = ("A bomb exploded at a bus station in Mombasa on Monday, killing three people.\n\n"
            "The governor visited the wounded in hospital.\n\n" + second)
    found = extract(text, published="2024-05-10")["events"]
    arrests = [e for e in found if e["sub_event_type"] == "Arrests"]
    assert [e["location"] for e in arrests] == [location]


@pytest.mark.parametrize("text, person", [
    ("Bishop Rolando Mendoza was detained on Friday. Mendoza had criticised the government.",
     "Rolando Mendoza"),
])
def test_a_title_before_a_full_name_makes_a_person(extract, text, person):
    entities = extract(text, published="2024-05-10")["entities"]
    people = [e for e in entities if e["type"] == "PERSON"]
    assert any(e["canonical"] == person for e in people), entities


@pytest.mark.parametrize("text, actor2", [
    # the person an arrest names right after its trigger is its target
    ("Police arrested opposition leader Carlos Medina in Arequipa on Monday.", "Carlos Medina"),
    # a person named in another clause is not the one held
    ("Police arrested two men in Arequipa on Monday, mayor Carlos Medina said.", None),
    # a title before the name is not the person; a surname stands for the full name
    ("Police arrested Bishop Rolando Alvarez in Matagalpa on Friday.", "Rolando Alvarez"),
    ("Bishop Rolando Alvarez led a mass on Sunday.\n\nPolice arrested Alvarez in Matagalpa on "
     "Friday.", "Rolando Alvarez"),
])
def test_the_person_arrested(extract, text, actor2):
    found = extract(text, published="2024-05-10")["events"]
    assert [e["actor2"] for e in found] == [actor2]


@pytest.mark.parametrize("text, sub_type", [
    # unarmed people who strike, with no armed side: mob violence
    ("Angry villagers lynched two suspected cattle thieves in Kasese on Monday.",
     "Mob violence"),
    ("Gunmen shot dead two suspected cattle thieves in Kasese on Monday.", "Attack"),
])
def test_villagers_who_strike_are_a_mob(extract, text, sub_type):
    found = extract(text, published="2024-05-10")["events"]
    assert [e["sub_event_type"] for e in found] == [sub_type]


@pytest.mark.parametrize("text, doer", [
    ("The Baloch Liberation Army denied carrying out the attack.", False),
    ("The Baloch Liberation Army did not claim the bombing.", False),
    ("The Baloch Liberation Army planted the bomb.", True),
    ("The army said it was fighting the Baloch Liberation Army.", False),
])
def test_a_group_that_disowns_the_act_is_not_its_doer(actors, text, doer):
    from newsledger.extract.roles import attributed

    group = next(m for m in actors.find(text) if m.actor.canonical == "Baloch Liberation Army")
    assert attributed(text, group) is doer


@pytest.mark.parametrize("first, actor1", [
    # 'the militants' after a named group are that group
    ("Al-Shabaab fighters overran an army base in Lower Shabelle on Monday.", "Al-Shabaab"),
    # with no group named before, they stay unidentified
    ("Heavy rain fell on Lower Shabelle on Monday.", "Unidentified Armed Group (Somalia)"),
])
def test_the_militants_are_the_group_named_before(extract, first, actor1):
    text = first + "\n\nThe militants killed nine soldiers at a checkpoint in Afgoye on Tuesday."
    events = [e for e in extract(text)["events"] if e["location"] == "Afgoye"]
    assert [e["actor1"] for e in events] == [actor1]


@pytest.mark.parametrize("name, canonical", [
    ("EPL", "Popular Liberation Army (EPL)"), ("Los Pelusos", "Popular Liberation Army (EPL)"),
    ("CONAIE", "Confederation of Indigenous Nationalities of Ecuador (CONAIE)"),
    ("Chhatra League", "Bangladesh Chhatra League"), ("RCSS", "Restoration Council of Shan State (RCSS)"),
    ("PLGA", "CPI (Maoist)"), ("Cártel de Santa Rosa de Lima", "Santa Rosa de Lima Cartel"),
])
def test_groups_of_many_countries_are_known(actors, name, canonical):
    assert actors.canonical(name) == canonical


@pytest.mark.parametrize("text, canonical", [
    # Latin American cartels, gangs and security forces by the names news text uses
    ("Gunmen of the Arellano Félix Organization opened fire.", "Tijuana Cartel"),
    ("The Caballeros Templarios blocked the highway.", "Knights Templar Cartel"),
    ("Members of the Unión Tepito were detained.", "Union Tepito"),
    ("ESMAD officers fired tear gas at students.", "Police Forces of Colombia"),
    ("FAES agents raided the neighbourhood.", "Police Forces of Venezuela"),
    ("Mexican marines arrested the suspect.", "Military Forces of Mexico"),
    # a town's name alone is no cartel, and an acronym in lower case is a word
    ("Gunmen opened fire in Tijuana on Monday.", None),
    ("The esmad of the story is a word.", None),
])
def test_latin_american_groups_and_forces(text, canonical):
    found = ActorDictionary.load().find(text)
    assert (found[0].actor.canonical if found else None) == canonical


@pytest.mark.parametrize("text, actor1, actor2", [
    # 'forces' after a nationality are that state's forces; alone or after 'rebel', no state's
    ("Pakistani forces killed six militants in North Waziristan on Monday.",
     "Military Forces of Pakistan", "Unidentified Armed Group (Pakistan)"),
    ("Israeli forces killed two Palestinians in Jenin on Monday.",
     "Military Forces of Israel", "Civilians"),
    ("Rebel forces attacked the town of Bambari on Monday, killing four people.",
     "Unidentified Armed Group (Central African Republic)", "Civilians"),
    # a named group hit by anonymous attackers is the side hit; when it strikes, the doer
    ("Gunmen killed four Koglweogo militiamen in Kaya on Monday.",
     "Unidentified Armed Group (Burkina Faso)", "Koglweogo"),
    ("Attackers ambushed two members of the Civilian Joint Task Force in Konduga on Monday, "
     "killing both.", "Unidentified Armed Group (Nigeria)", "Civilian Joint Task Force (CJTF)"),
    ("Koglweogo militiamen killed three gunmen in Kaya on Monday.",
     "Koglweogo", "Unidentified Armed Group (Burkina Faso)"),
    # two named groups in one fight: the second is the side fought
    ("M23 rebels fought Wazalendo fighters near Sake on Monday, killing six.",
     "March 23 Movement (M23)", "Wazalendo"),
    # herders and farmers who fight are communal militias; a herders' raid stays an attack
    ("Herders and farmers clashed in Plateau on Monday, leaving 12 dead.",
     "Communal Militia (Nigeria)", "Communal Militia (Nigeria)"),
    ("Armed herdsmen attacked farmers in Benue on Monday, killing 12.",
     "Unidentified Armed Group (Nigeria)", "Civilians"),
    # a group's own fighters are not a second, anonymous side
    ("Al-Shabaab fighters killed three soldiers in Afgoye on Monday.",
     "Al-Shabaab", "Military Forces of Somalia"),
])
def test_sides_named_by_nationality_and_by_position(extract, text, actor1, actor2):
    found = extract(text, published="2024-05-10")["events"]
    assert len(found) == 1, found
    assert (found[0]["actor1"], found[0]["actor2"]) == (actor1, actor2)


@pytest.mark.parametrize("name, canonical", [
    # state forces' units and acronyms resolve to ACLED's state actor
    ("PNP", "Police Forces of Philippines"), ("CTD", "Police Forces of Pakistan"),
    ("NSCDC", "Police Forces of Nigeria"), ("GSU", "Police Forces of Kenya"),
    ("Danab", "Military Forces of Somalia"), ("Internal Security Forces", "Police Forces of Lebanon"),
    ("OMON", "Police Forces of Russia"), ("FDNB", "Military Forces of Burundi"),
    ("Sandinista Popular Army", "Military Forces of Nicaragua"),
    # groups and their short names
    ("FMLN", "Farabundo Marti National Liberation Front (FMLN)"),
    ("National Liberation Army", "National Liberation Army (ELN)"),
    ("EIGS", "Islamic State Sahel Province"), ("KKB", "West Papua National Liberation Army (TPNPB)"),
    ("KDPI", "Democratic Party of Iranian Kurdistan"), ("Darfur Joint Force", "Joint Darfur Force"),
    ("Extraditables", "Medellin Cartel"), ("EZLN", "Zapatista Army of National Liberation (EZLN)"),
])
def test_state_units_and_groups_of_many_countries(actors, name, canonical):
    assert actors.canonical(name) == canonical


def test_ambiguous_acronyms_are_not_guessed(actors):
    # 'DPR' is Indonesia's parliament as often as Donetsk; 'KIA' is 'killed in action'
    assert actors.canonical("DPR") is None and actors.canonical("KIA") is None
    assert actors.canonical("DNR") == "Donetsk People's Republic"


@pytest.mark.parametrize("text, actor1, actor2", [
    # a named group that does the detaining holds them; one detained by a force is held
    ("Taliban fighters detained two journalists in Kabul on Monday.", "Taliban", None),
    ("Houthi rebels detained 11 UN staff members in Sanaa on Monday.", "Houthis", None),
    ("Police arrested three Taliban fighters in Quetta on Monday.",
     "Police Forces of Pakistan", "Taliban"),
    ("Three Taliban fighters were arrested by Pakistani police in Quetta on Monday.",
     "Police Forces of Pakistan", "Taliban"),
])
def test_the_captor_and_the_held(extract, text, actor1, actor2):
    found = extract(text, published="2024-05-10")["events"]
    assert len(found) == 1, found
    assert (found[0]["sub_event_type"], found[0]["actor1"], found[0]["actor2"]) == \
        ("Arrests", actor1, actor2)


@pytest.mark.parametrize("text, actor1, actor2", [
    # police of any rank hit are the police, not civilians
    ("Gunmen killed a police inspector in Sukkur on Wednesday.",
     "Unidentified Armed Group (Pakistan)", "Police Forces of Pakistan"),
    ("A police constable was stabbed to death in Anantnag on Wednesday.",
     "Unidentified Armed Group (India)", "Police Forces of India"),
    ("Gunmen killed a shopkeeper in Sukkur on Wednesday.",
     "Unidentified Armed Group (Pakistan)", "Civilians"),
    # a lone officer hit is a police officer; an officer who speaks is a source
    ("Unknown attackers shot dead an off-duty officer in Sukkur on Wednesday.",
     "Unidentified Armed Group (Pakistan)", "Police Forces of Pakistan"),
    ("Gunmen on motorcycles killed a traffic officer in Sukkur on Wednesday.",
     "Unidentified Armed Group (Pakistan)", "Police Forces of Pakistan"),
    ("An officer said gunmen killed a shopkeeper in Sukkur on Wednesday.",
     "Unidentified Armed Group (Pakistan)", "Civilians"),
    # forces that strike a named group: the forces began it, the group was hit
    ("Nigerien troops killed 12 Boko Haram fighters near Diffa on Thursday.",
     "Military Forces of Niger", "Boko Haram"),
    ("The Nigerien army said its soldiers killed 12 Boko Haram fighters near Diffa on Thursday.",
     "Military Forces of Niger", "Boko Haram"),
    ("Boko Haram fighters killed 12 Nigerien soldiers near Diffa on Thursday.",
     "Boko Haram", "Military Forces of Niger"),
    # the arresting force is the one that says it made the arrests, by its nationality
    ("The Israeli army said it detained 14 Palestinians near Tubas overnight.",
     "Military Forces of Israel", None),
    ("Residents said soldiers detained 14 men near Kayes overnight.",
     "Military Forces of Mali", None),
    # a force word inside a group's name is the group's, not the state's
    # (a bridge blown up is a remote explosive: the four people it killed are civilians)
    ("ELN [National Liberation Army] rebels blew up a bridge near Saravena on Friday, killing four people.",
     "National Liberation Army (ELN)", "Civilians"),
])
def test_forces_hit_forces_striking_and_forces_reporting(extract, text, actor1, actor2):
    found = extract(text, published="2024-05-10")["events"]
    assert len(found) == 1, found
    assert (found[0]["actor1"], found[0]["actor2"]) == (actor1, actor2)


@pytest.mark.parametrize("text, actor1, actor2", [
    # a civil guard is a police force; a battalion or garrison is the army
    ("Rebels shot dead two civil guards in Tocache on Monday.",
     "Unidentified Armed Group (Peru)", "Police Forces of Peru"),
    ("Rebels attacked the garrison at Tocache on Monday, killing two soldiers.",
     "Unidentified Armed Group (Peru)", "Military Forces of Peru"),
    ("Rebels attacked a bus in Tocache on Monday, killing two passengers.",
     "Unidentified Armed Group (Peru)", "Civilians"),
    # an air force hit on the ground is the target; one that bombs is the doer
    ("Unidentified men armed with rifles attacked an air force base near Cali on Monday, wounding three soldiers.",
     "Unidentified Armed Group (Colombia)", "Military Forces of Colombia"),
    ("Air force jets bombed a rebel camp near Cali on Monday, killing ten people.",
     "Military Forces of Colombia", "Civilians"),
    # forces that shell or bomb a named group's positions are the doers
    ("Sudanese troops shelled RSF positions in Omdurman on Monday, killing five civilians.",
     "Military Forces of Sudan", "Rapid Support Forces"),
    ("RSF fighters shelled army positions in Omdurman on Monday, killing five civilians.",
     "Rapid Support Forces", "Military Forces of Sudan"),
])
def test_posts_bases_and_positions_hit(extract, text, actor1, actor2):
    found = extract(text, published="2024-05-10")["events"]
    assert len(found) == 1, found
    assert (found[0]["actor1"], found[0]["actor2"]) == (actor1, actor2)


@pytest.mark.parametrize("text, actor1, actor2", [
    # air strikes that kill people with no armed side named hit civilians; a side named is hit
    ("Israeli airstrikes killed 14 Palestinians in Khan Younis on Monday.",
     "Military Forces of Israel", "Civilians"),
    ("Israeli airstrikes hit Hezbollah positions near Nabatieh on Monday.",
     "Military Forces of Israel", "Hezbollah"),
    ("French air strikes stopped a rebel incursion near Faya on Sunday.",
     "Military Forces of France", None),
    # territory taken: the side that took it is actor1, whoever lost it
    ("M23 rebels seized the town of Bunagana from Congolese troops on Monday.",
     "March 23 Movement (M23)", "Military Forces of Democratic Republic of Congo"),
    ("Congolese troops recaptured the town of Bunagana from M23 rebels on Monday.",
     "Military Forces of Democratic Republic of Congo", "March 23 Movement (M23)"),
    # forces manning a post that is bombed are hit; forces that kill are the doers
    ("An explosion at a checkpoint manned by Syrian government forces in Deir ez-Zor killed two soldiers on Monday.",
     "Unidentified Armed Group (Syria)", "Military Forces of Syria"),
    ("Syrian government forces killed two rebels in Deir ez-Zor on Monday.",
     "Military Forces of Syria", "Unidentified Armed Group (Syria)"),
])
def test_air_strikes_territory_and_manned_posts(extract, text, actor1, actor2):
    found = extract(text, published="2024-05-10")["events"]
    assert len(found) == 1, found
    assert (found[0]["actor1"], found[0]["actor2"]) == (actor1, actor2)


@pytest.mark.parametrize("text, actor1, actor2", [
    # a people's armed men who strike are that people's ethnic militia
    ("Fulani herders killed 14 farmers in Benue state on Sunday.",
     "Fulani Ethnic Militia (Nigeria)", "Civilians"),
    ("Suspected Fulani herdsmen attacked the village of Yelwata in Benue state on Sunday, killing nine people.",
     "Fulani Ethnic Militia (Nigeria)", "Civilians"),
    # the same men as victims, or men with no people named, are not
    ("Gunmen killed five Fulani herders in Benue state on Sunday.",
     "Unidentified Armed Group (Nigeria)", "Civilians"),
    ("Herders killed 14 farmers in Benue state on Sunday.",
     "Unidentified Armed Group (Nigeria)", "Civilians"),
])
def test_ethnic_militias(extract, text, actor1, actor2):
    found = extract(text, published="2024-05-10")["events"]
    assert len(found) == 1, found
    assert (found[0]["actor1"], found[0]["actor2"]) == (actor1, actor2)


@pytest.mark.parametrize("text, actor1", [
    # an ambush has an ambusher, named or not; a fight told with no side names none
    ("A village defence patrol was ambushed near Tambo on Sunday, and one of its members was killed.",
     "Unidentified Armed Group (Peru)"),
    ("Fighting broke out near Tambo on Sunday, leaving three dead.", None),
])
def test_an_ambush_has_an_ambusher(extract, text, actor1):
    found = extract(text, published="2024-05-10")["events"]
    assert len(found) == 1, found
    assert found[0]["actor1"] == actor1


@pytest.mark.parametrize("text, actor1, actor2", [
    # a first report that names no side yields to a later one whose reading gives the doer
    ("Eleven people were killed near Segovia in Antioquia on Sunday. The attack killed six policemen and five "
     "civilians.", "Unidentified Armed Group (Colombia)", "Police Forces of Colombia"),
    # a side named later still wins over the default
    ("Eleven people were killed near Segovia in Antioquia on Sunday. ELN rebels killed six policemen and five "
     "civilians in the attack.", "National Liberation Army (ELN)", "Police Forces of Colombia"),
])
def test_the_doer_from_the_first_report_that_gives_one(extract, text, actor1, actor2):
    found = extract(text, published="2024-05-10")["events"]
    assert len(found) == 1, found
    assert (found[0]["actor1"], found[0]["actor2"]) == (actor1, actor2)


@pytest.mark.parametrize("text, actor1, actor2", [
    # a weapon seized or defused: the forces that stopped it, and whose it was when named
    ("Police seized a cache of rifles and explosives in Buenaventura on Monday.",
     "Police Forces of Colombia", None),
    ("Troops found an arms cache belonging to Boko Haram near Gwoza on Monday.",
     "Military Forces of Nigeria", "Boko Haram"),
    # with no force named, no force is made up
    ("A bomb was defused near a school in Gao on Monday.", None, None),
])
def test_disrupted_weapons_use(extract, text, actor1, actor2):
    found = extract(text, published="2024-05-10")["events"]
    assert len(found) == 1, found
    assert found[0]["sub_event_type"] == "Disrupted weapons use"
    assert (found[0]["actor1"], found[0]["actor2"]) == (actor1, actor2)


@pytest.mark.parametrize("name, canonical", [
    ("FDLR-FOCA", "Democratic Forces for the Liberation of Rwanda (FDLR)"),
    ("OLA-Shane", "Oromo Liberation Army"),
    ("Amba fighters", "Ambazonia Defence Forces"),
    ("JeM", "Jaish-e-Mohammed"),
    ("LeT", "Lashkar-e-Taiba"),
])
def test_acronyms_and_short_names_of_groups(actors, name, canonical):
    assert [m.actor.canonical for m in actors.find(f"{name} claimed the attack.")] == [canonical]


def test_short_names_that_are_words_or_names_stay_unmatched(actors):
    assert actors.find("Let them go, said Shane Smith.") == []


@pytest.mark.parametrize("text, actor1, actor2", [
    # whose shelling or strike it was: the state named by agent, weapon or its own name
    ("Shelling by Russian forces killed three civilians in Kherson on Monday.",
     "Military Forces of Russia", "Civilians"),
    ("Russia shelled Nikopol on Monday, killing one person.", "Military Forces of Russia", "Civilians"),
    ("A Russian glide bomb killed five people in Kharkiv on Monday.", "Military Forces of Russia", "Civilians"),
    ("The United States struck an al-Shabaab camp near Jilib on Monday, killing 12 militants.",
     "Military Forces of United States", "Al-Shabaab"),
    # a country named as the place of the blast is where, not who
    ("A bomb planted on a minibus in southern Iraq killed four passengers on Monday.",
     "Unidentified Armed Group (Iraq)", "Civilians"),
    ("Officials in Kherson said shelling killed two people on Monday.",
     "Unidentified Armed Group (Ukraine)", "Civilians"),
])
def test_the_state_whose_strike_it_was(extract, text, actor1, actor2):
    found = extract(text, published="2024-05-10")["events"]
    assert len(found) == 1, found
    assert (found[0]["actor1"], found[0]["actor2"]) == (actor1, actor2)


@pytest.mark.parametrize("text, actor1, actor2", [
    # forces taken are held, by the side that took them; forces that take others hold them
    ("Rebels captured 12 soldiers near Rutshuru in North Kivu on Monday.",
     "Unidentified Armed Group (Democratic Republic of the Congo)",
     "Military Forces of Democratic Republic of the Congo"),
    ("Soldiers captured 12 rebels near Rutshuru in North Kivu on Monday.",
     "Military Forces of Democratic Republic of the Congo", None),
    # a place after 'near' is where, not who was held
    ("Border guards arrested 30 migrants near Calais on Monday.", "Military Forces of France", None),
])
def test_who_held_whom(extract, text, actor1, actor2):
    found = extract(text, published="2024-05-10")["events"]
    assert len(found) == 1, found
    assert (found[0]["actor1"], found[0]["actor2"]) == (actor1, actor2)
