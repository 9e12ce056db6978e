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
CHEMICAL = _rx(r"chemical (?:weapons?|attack)", r"sarin", r"chlorine gas", r"nerve agent")
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

TRIGGER = re.compile(
    "|".join(p.pattern for p in (KILL, HURT, ATTACK, CLASH, BOMB, AIR, SHELL, GRENADE, ABDUCT,
                                  RIOT, PROTEST, ARREST, SEXUAL)),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EventKind:
    event_type: str
    sub_event_type: str
    rank: int  # how specific the evidence for this kind is; higher wins when mentions merge


def classify(text: str) -> EventKind | None:
    """Type the words of one event mention (a sentence or clause)."""
    if ARREST.search(text):  # 'arrested for rioting': the riot is only the charge
        text = _CHARGE.sub(" ", text)
    has = lambda rx: bool(rx.search(text))  # noqa: E731 - a readable local shorthand
    violent = has(KILL) or has(HURT) or has(ATTACK) or has(CLASH)
    if has(PROTEST) and not _protest_is_background(text):
        if has(KILL) and (has(LETHAL_FORCE) or _state_kills(text)):
            return EventKind("Protests", "Excessive force against protesters", 6)
        if has(RIOT) or has(CLASH) or re.search(r"\bviolent\b", text, re.I):
            return EventKind("Riots", "Violent demonstration", 6)
        if has(INTERVENTION):
            return EventKind("Protests", "Protest with intervention", 6)
        if not violent:
            return EventKind("Protests", "Peaceful protest", 5)
    if has(CHEMICAL):
        return EventKind("Explosions/Remote violence", "Chemical weapon", 9)
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
        mob = re.search(r"\b(?:mobs?|loot\w*|ransack\w*|vandali\w*)\b", text, re.I)
        return EventKind("Riots", "Mob violence" if mob else "Violent demonstration", 5)
    if has(KILL) or has(ATTACK) or has(HURT):
        if _armed_target(text):  # ACLED: attacks on soldiers or police are battles
            return EventKind("Battles", "Armed clash", 4)
        return EventKind("Violence against civilians", "Attack", 3)
    if has(ARREST):
        return EventKind("Strategic developments", "Arrests", 2)
    return None


ARMED_TARGET = _rx(
    r"soldiers?", r"troops", r"servicem[ae]n", r"policem[ae]n", r"police officers?",
    r"officers", r"security forces", r"rangers?", r"gendarmes?", r"army (?:post|base|patrol|camp)",
    r"military (?:post|base|patrol|camp|convoy)", r"police (?:post|station|patrol|checkpoint)",
    r"(?:army|military|police) checkpoint", r"patrol", r"convoy",
)
_BY = re.compile(r"\bby (?:the )?(?:\w+ ){0,2}$", re.IGNORECASE)


def _state_kills(text: str) -> bool:
    """Forces named as the killers ('killed by police', 'troops shot dead …'), not as bystanders
    ('thousands of extra police were deployed')."""
    return any(_BY.search(text[max(0, m.start() - 30):m.start()])
               or re.match(r"\s+(?:\w+\s+)?(?:killed|shot|fired|opened fire)\b", text[m.end():])
               for m in STATE_FORCE.finditer(text))


def _armed_target(text: str) -> bool:
    """Soldiers or police named as victims, not as the agents ('shot dead by police')."""
    return any(not _BY.search(text[max(0, m.start() - 30):m.start()])
               for m in ARMED_TARGET.finditer(text))


_CHARGE = re.compile(r"\b(?:for|over) (?:their )?(?:role in |taking part in )?(?:the )?"
                     r"(?:rioting|riots?|looting|protesting|protests?|unrest|violence)\b", re.IGNORECASE)


def _protest_is_background(text: str) -> bool:
    """'protests' named only as the setting or the aftermath of another act ('since protests
    began', 'the shooting sparked protests')."""
    return bool(re.search(r"\bsince (?:the )?(?:anti-\w+ )?protests\b|"
                          r"\b(?:sparked|sparking|triggered|triggering|prompted|prompting) "
                          r"(?:\w+ ){0,2}(?:protests|demonstrations)\b", text, re.I))
