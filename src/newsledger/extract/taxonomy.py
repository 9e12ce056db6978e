"""Trigger words and the rules that type an event mention in the ACLED taxonomy.

Plain, reviewable tables: a rule is (event_type, sub_event_type, pattern). The most specific
rule that matches the event's words wins; context words refine (protest + tear gas →
Protest with intervention; attack + soldiers as victims → Battles).
"""
from __future__ import annotations

import re
from dataclasses import dataclass


def _rx(*words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


# Words that state that violence, unrest or an arrest happened (triage and detection).
KILL = _rx(
    r"kill(?:s|ed|ing)?", r"martyr(?:ed|s)?", r"dead", r"died", r"die", r"deaths?",
    r"death toll", r"lost (?:their|his|her) lives", r"claimed the lives", r"slain", r"slew",
    r"massacred?", r"massacres", r"behead(?:ed|ing|ings)?", r"shot dead", r"gunned down",
    r"murder(?:ed|s)?", r"executed", r"hacked to death", r"stabbed", r"bodies", r"lynched",
    r"fatalities", r"assassinat(?:ed|ion)", r"shot and killed", r"shot",
)
HURT = _rx(r"wound(?:ed|ing|s)?", r"injur(?:ed|ies|ing|y)", r"hurt", r"casualties")
ATTACK = _rx(
    r"attack(?:s|ed|ing)?", r"assault(?:ed|s)?", r"raid(?:s|ed)?", r"ambush(?:ed|es)?",
    r"opened fire", r"open fire", r"fired on", r"fired at", r"stormed", r"hijacked", r"struck",
    r"targeted", r"targeting", r"violence", r"shooting", r"gunfire", r"shootout",
)
CLASH = _rx(
    r"clash(?:es|ed)?", r"gun ?battles?", r"gunfights?", r"firefights?", r"exchange of fire",
    r"exchanged (?:gun)?fire", r"fighting", r"fought", r"battles?", r"battled", r"skirmish(?:es)?",
    r"shoot-?out", r"fight",
)
BOMB = _rx(
    r"bomb(?:s|ed|ing|ings|er|ers)?", r"explosions?", r"explod(?:ed|es)", r"blasts?",
    r"IEDs?", r"improvised explosive", r"explosive devices?", r"landmines?", r"mines?",
    r"booby[- ]trap(?:ped)?", r"car bomb", r"detonat(?:ed|ion)",
)
SUICIDE = _rx(r"suicide", r"blew (?:himself|herself|themselves) up", r"self-detonat\w*")
AIR = _rx(
    r"air ?strikes?", r"airstrikes?", r"air raids?", r"drone strikes?", r"drones?", r"warplanes?",
    r"jets?", r"aerial (?:bombardment|attack)", r"helicopter gunships?", r"air force",
)
SHELL = _rx(
    r"shell(?:s|ed|ing)", r"mortars?", r"artillery", r"rockets?", r"missiles?", r"katyushas?",
    r"projectiles?",
)
GRENADE = _rx(r"grenades?", r"hand explosives?")
CHEMICAL = _rx(
    r"chemical (?:weapons?|attacks?|munitions|agents?)", r"sarin", r"chlorine", r"nerve (?:agent|gas)",
    r"mustard gas", r"(?:poison(?:ous)?|toxic) gas(?:es)?", r"gas attacks?", r"novichok",
)
SEXUAL = _rx(r"rap(?:ed|e|es|ing)", r"sexual(?:ly)? (?:assault(?:ed)?|violence|abuse)")
ABDUCT = _rx(
    r"abduct(?:ed|ion|ions|s|ing)?", r"kidnap(?:ped|ping|pings|s)?", r"taken hostage",
    r"held hostage", r"seized", r"went missing",
)
RIOT = _rx(
    r"riot(?:s|ed|ing|ers)?", r"loot(?:ed|ing|ers)?", r"ransack(?:ed)?", r"torch(?:ed|ing)",
    r"set (?:on )?fire", r"set ablaze", r"burn(?:ed|t|ing) down", r"mobs?", r"rampage",
    r"(?:threw|hurled|throwing|hurling) (?:stones|rocks|petrol bombs|molotov)",
    r"stone[- ]throwing", r"petrol bombs?", r"molotov cocktails?", r"vandali[sz]ed",
    r"disturbances?", r"unrest", r"arson",
)
PROTEST = _rx(
    r"protest(?:s|ed|ers|ors|ing)?", r"demonstrat(?:ion|ions|ors|ed|ing|e)", r"rall(?:y|ies|ied)",
    r"marche[sd]", r"marchers", r"sit-ins?", r"hartal", r"general strike", r"picket(?:s|ed)?",
    r"vigils?", r"chant(?:ed|ing)",
)
ARREST = _rx(
    r"arrest(?:ed|s|ing)?", r"detain(?:ed|ing)?", r"detention", r"rounded up",
    r"taken into custody", r"apprehended", r"captured", r"capture",
)
INTERVENTION = _rx(
    r"tear ?gas", r"water cannons?", r"dispers(?:e|ed|ing)", r"rubber bullets", r"batons?",
    r"arrest(?:ed|s)?", r"detain(?:ed)?", r"baton charges?", r"pellets?",
)
LETHAL_FORCE = _rx(r"live (?:ammunition|rounds|fire)", r"opened fire", r"fired on", r"shot")
STATE_FORCE = _rx(
    r"soldiers?", r"troops?", r"army", r"military", r"servicem[ae]n", r"police(?:m[ae]n)?",
    r"officers?", r"security forces", r"forces", r"rangers?", r"gendarmes?", r"patrol",
    r"personnel", r"marines?", r"paratroopers?", r"convoy", r"checkpoint", r"base", r"outpost",
    r"guards?", r"militiam[ae]n", r"volunteers",
)

# --- Battles over ground and Strategic developments ------------------------------------
# a place taken: the verb, then within a few words what was taken
_GROUND = (r"(?:\w+[^\w.!?;\n]+){0,4}?(?:(?:full |total |effective )?control|towns?|villages?|cit(?:y|ies)|"
           r"districts?|areas?|regions?|territor(?:y|ies)|bases?|airbase|positions?|ports?|"
           r"neighbou?rhoods?|provinces?|crossings?|hills?|heights|airports?|strongholds?|"
           r"bastions?|border (?:point|post|crossing)s?|oil ?fields?|camps?|ground|outskirts|"
           r"highway|road|checkpoints?|outposts?)\b")
TERRITORY = re.compile(
    r"\b(?:(?:re)?captur(?:ed|es|ing)|retook|retaken|retake|seiz(?:ed|es|ing)|overr(?:a|u)n|"
    r"(?:took|taken|tak(?:es|ing))(?! place| part)|gain(?:ed|s)|regain(?:ed|s)?|"
    r"liberat(?:ed|es|ing)|freed|(?:pushed|pushing|drove|driven|forced) (?:\w+ ){0,4}?(?:out|back))[^\w.!?;\n]+"  # never across a sentence end
    + _GROUND + r"|\b(?:fell|falls|fallen) (?:in)?to\b|\bunder (?:the )?(?:full )?control of\b|"
    r"\bachieved (?:\w+ )?military victory\b|\bgain(?:ed)? ground\b",
    re.IGNORECASE)
# ground given up without a fight
WITHDRAWAL = _rx(
    r"withdr(?:ew|awn|aws|awing)", r"withdrawal", r"pull(?:ed|s|ing)? out", r"vacat(?:ed|es|ing)",
    r"handed (?:over )?(?:control|authority)", r"hand(?:ed|s|ing)? over", r"handover",
    r"without (?:a fight|any fight|resistance|any resistance|fighting)",
    r"(?:had not|did not|didn't) (?:encounter|meet) (?:any )?resistance",
)
AGREEMENT = _rx(
    r"cease-?fires?", r"truces?", r"peace (?:deal|agreement|accord|talks|treaty|process|pact)",
    r"(?:signed|reached|agreed|struck) (?:an? |the )?(?:\w+ ){0,2}(?:deal|agreement|accord|pact)",
    r"agreed (?:a|to|on)", r"(?:prisoners?|captives?|detainees?|bodies) (?:exchange|swap)s?",
    r"exchange of (?:prisoners|captives|bodies)", r"exchanged prisoners", r"swapped",
    r"in exchange for", r"surrender(?:ed|s|ing)?", r"laid down (?:their )?arms",
    r"(?:started|began|resumed?|joined|held) (?:\w+ )?talks", r"negotiat(?:ed|ions)",
)
# a ceasefire only named as the setting of another act ('despite a truce', 'violating the ceasefire')
_AGREEMENT_BACKGROUND = re.compile(
    r"\b(?:despite|amid|violat\w*|breach\w*|broke|broken|since|during|under|defying)\s+(?:\w+\s+){0,3}"
    r"(?:cease-?fires?|truces?|peace|deal|agreement|accord)\b|"
    r"\b(?:cease-?fires?|truces?) (?:was |were |had been )?(?:violated|breached)\b|"
    r"\b(?:impose|enforce|restore|maintain|monitor|call(?:ed|s)? for|urg(?:e|ed|es|ing)|push for|"
    r"propos(?:e|ed|al for)|seek|sought) (?:an? |the )?(?:\w+ )?(?:cease-?fire|truce)", re.IGNORECASE)
HEADQUARTERS = re.compile(
    r"\b(?:set(?:s|ting)? up|establish(?:ed|es|ing)|buil[dt]|built|creat(?:ed|es|ing)|open(?:ed|s)|"
    r"install(?:ed|s))\s+(?:\w+\s+){0,3}?(?:military |army |new |forward |air ?)?"
    r"(?:bases?|headquarters|outposts?|military checkpoints?|command (?:post|centre|center)s?)\b",
    re.IGNORECASE)
# weapons stopped before use: found, seized, defused
WEAPONS = (r"(?:weapons?|arms|ammunition|munitions|explosives?|IEDs?|improvised explosive devices?|"
           r"bombs?|devices?|guns|firearms|rifles|pistols|revolvers|cache|caches|stockpiles?|arsenal|"
           r"grenades|mortar rounds|rockets|missiles|rounds|bullets|cartridges|detonators|"
           r"suicide (?:vests?|belts?)|packages)")
DISRUPTED = re.compile(
    r"\b(?:defus(?:ed|ing|e)|dismantl(?:ed|ing)|neutrali[sz](?:ed|ing)|foil(?:ed|ing)|"
    r"thwart(?:ed|ing)|bomb squad|bomb disposal|controlled (?:explosion|detonation)|"
    r"accidentally (?:detonated|activated|exploded|triggered))\b|"
    r"\b(?:found|discovered|seized|seizure of|recovered|confiscated|captured|destroyed|unearthed|"
    r"uncovered|impounded|displayed?|haul of)\s+(?:\w+[\s,]+){0,6}?" + WEAPONS + r"\b|"
    r"\b" + WEAPONS + r"\s+(?:\w+[\s,]+){0,10}?(?:were|was|have been|has been|had been)\s+"
    r"(?:\w+\s+)?(?:found|discovered|seized|recovered|confiscated|captured|destroyed|defused|"
    r"unearthed|impounded)\b", re.IGNORECASE)
# finite forms only: 'for sending troops into Somalia in 2011' is a motive, not news
CHANGE = _rx(
    r"defected", r"defections?", r"deployed", r"redeployed", r"dispatched", r"reinforced",
    r"reinforcements (?:were|have been|had been|arrived)", r"mobili[sz]ed", r"pulled back",
    r"(?:moved|sent) (?:\w+ ){0,2}(?:troops|forces|reinforcements|fighters)",
    r"(?:was|were|has been|have been|had been) (?:set up|formed|created|disbanded|dissolved)",
    r"(?:formed|created|disbanded|dissolved) (?:a|an|the) (?:new )?(?:\w+ )?(?:unit|brigade|"
    r"battalion|group|force|militia|organi[sz]ation|wing|faction|alliance|coalition)",
    r"joined (?:forces|the ranks)", r"merged", r"fortified", r"relocated", r"stationed",
)
# wording of events that are not political violence: disasters, accidents, diplomacy, blame
DISASTER = _rx(
    r"earthquakes?", r"quakes?", r"tremors?", r"aftershocks?", r"floods?", r"flooding", r"flooded",
    r"landslides?", r"mudslides?", r"tsunamis?", r"volcan\w+", r"eruptions?", r"erupted",
    r"cyclones?", r"hurricanes?", r"typhoons?", r"tornado(?:es)?", r"storms?", r"torrential",
    r"heavy rains?", r"wildfires?", r"bush ?fires?", r"forest fires?", r"avalanches?", r"drought",
    r"heat ?waves?", r"lightning", r"natural disasters?",
)
ACCIDENT = _rx(
    r"(?:plane|air|car|road|bus|train|helicopter|traffic|vehicle|multi-vehicle|truck|boat) "
    r"(?:crash|crashes|accident|collision)", r"crash(?:ed)? (?:into|near|in|on)", r"collided",
    r"derail(?:ed|ment)", r"capsiz(?:ed|es)", r"(?:boat|ship|ferry|vessel) sank",
    r"(?:gas|boiler|tanker|tank|cylinder|pipeline|chemical|factory|plant|mine|warehouse|fireworks|"
    r"transformer|container|propane|fuel|dust|methane|reactor|industrial)\s+(?:\w+\s+)?"
    r"(?:explosion|explosions|blast|fire|leak|spill|exploded|explodes|caught fire|collapse)",
    r"(?:chemical|gas|oil|toxic) (?:leak|spill)", r"poison(?:ed|ing)", r"adulterated", r"consuming",
    r"contaminated", r"(?:building|bridge|roof|mine|dam) collaps\w+", r"stampede", r"electrocuted",
    r"drowned", r"accident(?:al|ally)?", r"caught fire", r"fire broke out", r"industrial disaster",
)
DIPLOMACY = _rx(
    r"sanctions?", r"expel(?:s|led|ling)?", r"expulsions?", r"diplomats?", r"diplomatic",
    r"ambassadors?", r"envoys?", r"consulates?", r"embassy staff", r"(?:severs?|cut|severed) ties",
    r"(?:missile|nuclear|bomb|weapons?) tests?", r"test(?:ed)? (?:launch|fire)", r"summit",
)
BLAME = _rx(
    r"den(?:ied|ies|y|ying)", r"reject(?:ed|s)? (?:\w+ ){0,2}(?:accusations?|allegations?|claims?|"
    r"reports?)", r"accus(?:ed|es|ing|ations?)", r"allegations?", r"blam(?:ed|es|ing)",
    r"suspected (?:to be|of being) behind", r"(?:was|were|is|are) responsible",
)
STRATEGIC = (TERRITORY, WITHDRAWAL, AGREEMENT, HEADQUARTERS, DISRUPTED, CHANGE)

TRIGGER = re.compile(
    "|".join(p.pattern for p in (KILL, HURT, ATTACK, CLASH, BOMB, AIR, SHELL, GRENADE, ABDUCT,
                                  RIOT, PROTEST, ARREST, SEXUAL, CHEMICAL, *STRATEGIC)),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EventKind:
    event_type: str
    sub_event_type: str
    rank: int  # how specific the evidence for this kind is; higher wins when mentions merge


def classify(text: str) -> EventKind | None:
    """Type the words of one event mention (a sentence or clause); None when they tell no
    political violence, unrest or strategic development."""
    if ARREST.search(text):  # 'arrested for rioting': the riot is only the charge
        text = _CHARGE.sub(" ", text)
    if not_an_event(text):
        return None
    return _protest_kind(text) or _strategic_kind(text) or _violence_kind(text) or _minor_kind(text)


def not_an_event(text: str) -> bool:
    """Deaths or blasts with no armed hand in them (an earthquake, a gas explosion, a plane
    crash), diplomatic measures ('sanctions over the missile tests'), and denials or blame
    for an attack told elsewhere: news, but not ACLED events."""
    armed = bool(_ARMED_HAND.search(text))
    if (DISASTER.search(text) or ACCIDENT.search(text)) and not armed:
        return True
    hurt = KILL.search(text) or HURT.search(text)
    if DIPLOMACY.search(text) and not hurt:
        return True
    return bool(BLAME.search(text)) and not _PROTEST_WORDS.search(text)


# a weapon or an armed agent: an explosion or a death that someone inflicted
_ARMED_HAND = _rx(
    r"bomb(?:s|ed|ing|ings|er|ers)?", r"IEDs?", r"explosive devices?", r"grenades?", r"rockets?",
    r"mortars?", r"missiles?", r"shell(?:ed|ing)", r"air ?strikes?", r"airstrikes?", r"gunm[ae]n",
    r"militants?", r"attack(?:s|ed|ers?)?", r"insurgents?", r"rebels?", r"terroris\w+", r"suicide",
    r"shot", r"gunfire", r"troops", r"soldiers", r"jihadists?", r"arson\w*", r"torched", r"set fire",
    r"fighters", r"militias?", r"stabbed", r"massacred?",
)
_PROTEST_WORDS = _rx(r"protest\w*", r"demonstrat\w+", r"riot\w*")


def _protest_kind(text: str) -> EventKind | None:
    has = lambda rx: bool(rx.search(text))  # noqa: E731 - a readable local shorthand
    if not has(PROTEST) or _protest_is_background(text):
        return None
    if has(KILL) and (has(LETHAL_FORCE) or _state_kills(text)):
        return EventKind("Protests", "Excessive force against protesters", 6)
    if has(RIOT) or has(CLASH) or has(_UNRULY):
        return EventKind("Riots", "Violent demonstration", 6)
    if has(INTERVENTION):
        return EventKind("Protests", "Protest with intervention", 6)
    if not (has(KILL) or has(HURT) or has(ATTACK)):
        return EventKind("Protests", "Peaceful protest", 5)
    return None


# a crowd that turned on people or property, short of a riot word
_UNRULY = _rx(r"violent", r"turned violent", r"scuffl(?:es|ed)", r"smash(?:ed|ing)",
              r"(?:threw|hurled|throwing|hurling) (?:\w+ )?(?:objects|bottles|fireworks|firecrackers)",
              r"pelted", r"aggressive", r"pull(?:ed)? down", r"broke (?:through|down)")


def _strategic_kind(text: str) -> EventKind | None:
    """Chemical weapons, weapons seized before use, ground taken or handed over, truces and
    bases: what the act changed outweighs the violence that came with it."""
    if CHEMICAL.search(text) and not re.search(r"\btear gas\b", text, re.I):
        return EventKind("Explosions/Remote violence", "Chemical weapon", 9)
    hurt = KILL.search(text) or HURT.search(text)
    if DISRUPTED.search(text) and not hurt:
        return EventKind("Strategic developments", "Disrupted weapons use", 4)
    ground = TERRITORY.search(text)
    unfought = re.sub(r"\bwithout (?:a |any )?fight(?:ing)?\b", " ", text, flags=re.I)
    if WITHDRAWAL.search(text) and not hurt and not CLASH.search(unfought):
        return EventKind("Strategic developments", "Non-violent transfer of territory", 4)
    if ground:
        if _non_state_taker(text, ground):
            return EventKind("Battles", "Non-state actor overtakes territory", 6)
        return EventKind("Battles", "Government regains territory", 6)
    if AGREEMENT.search(text) and not _AGREEMENT_BACKGROUND.search(text):
        return EventKind("Strategic developments", "Agreement", 3)
    if HEADQUARTERS.search(text) and not hurt:
        return EventKind("Strategic developments", "Headquarters or base established", 3)
    return None


STATE_SIDE = _rx(
    r"soldiers?", r"troops?", r"army", r"military", r"government(?:-led)? forces", r"security forces",
    r"armed forces", r"pro-government forces", r"regime forces", r"police", r"servicem[ae]n",
    r"paramilitar(?:y|ies)", r"(?:national|republican) guard", r"special forces", r"peshmerga",
    r"popular mobili[sz]ation (?:forces|units)", r"hashd",
)
NON_STATE_SIDE = _rx(
    r"militants?", r"rebels?", r"insurgents?", r"jihadists?", r"terrorists?", r"fighters",
    r"militias?", r"guerrillas?", r"Taliban", r"(?:al-)?Shabaa?b", r"Islamic State", r"IS", r"ISIS",
    r"ISIL", r"Daesh", r"Houthis?", r"Boko Haram", r"al-Qaeda", r"Nusra", r"opposition",
    r"separatists?", r"mujahideen", r"mujahidin", r"HTS", r"SDF", r"YPG",
)


def _non_state_taker(text: str, ground: re.Match) -> bool:
    """Whether the side that took the ground is a non-state group: the side named last before
    the verb, else the first named after it ('fell to rebels', 'was seized by militants');
    the state by default."""
    before = [(m.start(), True) for m in NON_STATE_SIDE.finditer(text, 0, ground.start())]
    before += [(m.start(), False) for m in STATE_SIDE.finditer(text, 0, ground.start())]
    if before:
        return max(before)[1]
    after = [(m.start(), True) for m in NON_STATE_SIDE.finditer(text, ground.end(), ground.end() + 60)]
    after += [(m.start(), False) for m in STATE_SIDE.finditer(text, ground.end(), ground.end() + 60)]
    return min(after)[1] if after else False


def _violence_kind(text: str) -> EventKind | None:
    has = lambda rx: bool(rx.search(text))  # noqa: E731 - a readable local shorthand
    violent = has(KILL) or has(HURT) or has(ATTACK) or has(CLASH)
    if has(SUICIDE) and (has(BOMB) or has(ATTACK)):
        return EventKind("Explosions/Remote violence", "Suicide bomb", 9)
    if has(AIR) and (violent or has(BOMB) or re.search(r"strikes?|raids?|bombard", text, re.I)):
        return EventKind("Explosions/Remote violence", "Air/drone strike", 8)
    if has(GRENADE) and not has(CLASH):  # grenades thrown in a gunfight are part of the battle
        return EventKind("Explosions/Remote violence", "Grenade", 8)
    if has(SHELL) and not re.search(r"shell(?:ed)? casings?", text, re.I):
        return EventKind("Explosions/Remote violence", "Shelling/artillery/missile attack", 8)
    if has(BOMB) and not re.search(r"\b(?:bomb squad|bomb disposal|petrol bombs?)\b", text, re.I):
        return EventKind("Explosions/Remote violence", "Remote explosive/landmine/IED", 7)
    if has(SEXUAL):
        return EventKind("Violence against civilians", "Sexual violence", 7)
    if has(ABDUCT) and not has(KILL):
        return EventKind("Violence against civilians", "Abduction/forced disappearance", 6)
    if has(CLASH) or re.search(r"\bambush", text, re.I):
        return EventKind("Battles", "Armed clash", 5)
    if has(RIOT):
        return _riot_kind(text)
    if has(KILL) or has(ATTACK) or has(HURT):
        if _armed_target(text) or _armed_sides(text):  # ACLED: fights with soldiers or police are battles
            return EventKind("Battles", "Armed clash", 4)
        return EventKind("Violence against civilians", "Attack", 3)
    return None


_MOB = re.compile(r"\b(?:mobs?|loot\w*|ransack\w*|vandali\w*)\b", re.I)
_CROWD = re.compile(r"\b(?:mobs?|crowds?|rioters?|protest\w*|demonstrat\w+|youths?|residents|"
                    r"villagers|groups?|hundreds|thousands|dozens of (?:people|men|youths))\b", re.I)


def _riot_kind(text: str) -> EventKind:
    """Riot words: a crowd's violence, or property looted or burned with no crowd named and
    no one hurt."""
    if not _CROWD.search(text) and not (KILL.search(text) or HURT.search(text)):
        return EventKind("Strategic developments", "Looting/property destruction", 4)
    return EventKind("Riots", "Mob violence" if _MOB.search(text) else "Violent demonstration", 5)


def _minor_kind(text: str) -> EventKind | None:
    if ARREST.search(text):
        return EventKind("Strategic developments", "Arrests", 2)
    if CHANGE.search(text):
        return EventKind("Strategic developments", "Change to group/activity", 1)
    return None


ARMED_TARGET = _rx(
    r"soldiers?", r"troops", r"servicem[ae]n", r"policem[ae]n", r"police officers?",
    r"officers", r"security forces", r"rangers?", r"gendarmes?", r"army (?:post|base|patrol|camp)",
    r"military (?:post|base|patrol|camp|convoy)", r"police (?:post|station|patrol|checkpoint)",
    r"(?:army|military|police) checkpoint", r"patrol", r"convoy", r"checkpoints?",
    r"security (?:force )?(?:members|personnel)", r"(?:army|military) bases?", r"government forces",
    r"border guards", r"militiam[ae]n",
)
_BY = re.compile(r"\bby (?:the )?(?:\w+ ){0,2}$", re.IGNORECASE)


def _state_kills(text: str) -> bool:
    """Forces named as the killers ('killed by police', 'troops shot dead …'), not as bystanders
    ('thousands of extra police were deployed')."""
    return any(_BY.search(text[max(0, m.start() - 30):m.start()])
               or re.match(r"\s+(?:\w+\s+)?(?:killed|shot|fired|opened fire)\b", text[m.end():])
               for m in STATE_FORCE.finditer(text))


_PLACE_ONLY_TARGET = re.compile(r"^(?:checkpoints?|convoy|patrol)$", re.IGNORECASE)
_CIVILIAN_VICTIMS = _rx(r"civilians", r"villagers", r"worshippers", r"passengers", r"shoppers",
                        r"students", r"pupils", r"children", r"farmers", r"traders")


def _armed_target(text: str) -> bool:
    """Soldiers or police named as victims, not as the agents ('shot dead by police'). A
    checkpoint, convoy or patrol alone does not make armed victims of civilians shot there."""
    civilians = bool(_CIVILIAN_VICTIMS.search(text))
    return any(not _BY.search(text[max(0, m.start() - 30):m.start()])
               and not (civilians and _PLACE_ONLY_TARGET.match(m.group()))
               for m in ARMED_TARGET.finditer(text))


def _armed_sides(text: str) -> bool:
    """A non-state armed group and state forces both named ('Taliban fighters attacked a
    checkpoint', 'the army killed scores of terrorists'), not forces only as the source."""
    state = [m for m in STATE_SIDE.finditer(text) if not _SAYS.match(text, m.end())]
    return bool(state) and bool(re.search(r"\b(?:militants?|rebels?|insurgents?|jihadists?|"
                                          r"terrorists?|fighters|militias?|guerrillas?)\b", text, re.I))


_SAYS = re.compile(r"\s+(?:\w+\s+)?(?:said|say|says|told|reported|confirmed|announced|spokesm[ae]n)\b",
                   re.IGNORECASE)
_CHARGE = re.compile(r"\b(?:for|over) (?:their )?(?:role in |taking part in )?(?:the )?"
                     r"(?:rioting|riots?|looting|protesting|protests?|unrest|violence)\b", re.IGNORECASE)


def _protest_is_background(text: str) -> bool:
    """'protests' named only as the setting or the aftermath of another act ('since protests
    began', 'the shooting sparked protests')."""
    return bool(re.search(r"\bsince (?:the )?(?:anti-\w+ )?protests\b|"
                          r"\b(?:sparked|sparking|triggered|triggering|prompted|prompting) "
                          r"(?:\w+ ){0,2}(?:protests|demonstrations)\b", text, re.I))
