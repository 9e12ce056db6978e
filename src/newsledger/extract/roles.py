"""Who did it to whom: actor1 (initiator) and actor2 (target) of one event mention.

Named groups come from the actor dictionary; generic wording ("soldiers", "police",
"gunmen", "villagers") becomes ACLED's generic actors for the event's country.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MILITARY = re.compile(
    r"\b(?:soldiers?|troops?|army|military|servicem[ae]n|security forces|government forces|"
    r"armed forces|paratroopers?|marines?|rangers?|air force|warplanes?|jets?|navy|"
    r"special forces|commandos?|national guard|gendarmes?|gendarmerie)\b", re.I)
POLICE = re.compile(
    r"\b(?:police(?:m[ae]n|wom[ae]n)?|riot police|officers?|constables?|cops?|"
    r"security officers?)\b", re.I)
CIVILIANS = re.compile(
    r"\b(?:civilians?|people|villagers?|residents?|worshippers?|passengers?|students?|"
    r"children|women|men|man|woman|boys?|girls?|workers?|farmers?|shoppers?|pilgrims?|"
    r"fishermen|traders?|miners?|teachers?|guests?|tourists?|families|family|"
    r"non-Muslims|Christians|Muslims|Hindus|journalists?|aid workers?|members of the public|"
    r"herders?|locals?|bystanders?|patients|doctors?|nurses?|shops?|homes?|mosques?|churches?)\b",
    re.I)
UNIDENTIFIED = re.compile(
    r"\b(?:gunm[ae]n|militants?|attackers?|assailants?|insurgents?|jihadists?|armed men|"
    r"bandits?|terrorists?|extremists?|rebels?|fighters?|separatists?|unknown|unidentified|"
    r"suspected|bomber|bombers|armed groups?|jihadist groups?|kidnappers?|gangs?|gangsters?)\b",
    re.I)
PROTESTERS = re.compile(r"\b(?:protesters?|protestors?|demonstrators?|marchers?|crowds?)\b", re.I)
RIOTERS = re.compile(r"\b(?:rioters?|mobs?|looters?|youths?)\b", re.I)
AGENT_AFTER = re.compile(r"\b(?:by|from|claimed by|blamed on|carried out by)\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class Roles:
    actor1: str | None
    actor2: str | None
    span1: tuple[int, int] | None = None
    span2: tuple[int, int] | None = None


def assign_roles(text: str, base: int, event_type: str, sub_type: str,
                 groups: list, country_name: str | None) -> Roles:
    """`text` is the mention's words starting at article offset `base`; `groups` are the
    actor-dictionary matches inside it (article offsets)."""
    cn = country_name or "Unknown"
    named = [g for g in groups if g.actor.kind == "armed_group"]
    if event_type in ("Protests", "Riots"):
        return _crowd_roles(text, base, event_type, sub_type, cn)
    if sub_type == "Arrests":
        force = _first(text, base, POLICE, f"Police Forces of {cn}") or \
            _first(text, base, MILITARY, f"Military Forces of {cn}")
        return Roles(force[0] if force else f"Police Forces of {cn}", None,
                     force[1] if force else None)
    initiator = None
    if named:
        g = named[0]
        initiator = (g.actor.canonical, (g.start, g.end))
    state = _state_force(text, base, cn)
    civ = _first(text, base, CIVILIANS, "Civilians")
    unid = _first(text, base, UNIDENTIFIED, f"Unidentified Armed Group ({cn})")
    if sub_type == "Air/drone strike" and not _group_flies(text, base, named):
        # air power is almost always a state's: a named group here is what was struck
        target = initiator or civ
        initiator = state or (f"Military Forces of {cn}", None)
        return Roles(initiator[0], target[0] if target else None, initiator[1],
                     target[1] if target else None)
    if initiator is None and unid:
        initiator = unid
    if initiator is None and state and event_type == "Violence against civilians" and civ and \
            _agent_before(text, base, state):
        initiator, state = state, None
    target = state or (civ if event_type != "Battles" else None)  # fighters, not bystanders
    if event_type == "Battles" and state:
        initiator, target = _battle_sides(text, base, initiator, state, unid, cn)
    if event_type == "Violence against civilians" and target is None:
        target = ("Civilians", None)
    if event_type == "Violence against civilians" and target and target[0] != "Civilians":
        target = ("Civilians", civ[1] if civ else None)
    if initiator is None and event_type != "Battles" and target and target[0] != "Civilians" or \
            initiator is None and event_type in ("Violence against civilians",
                                                 "Explosions/Remote violence"):
        initiator = (f"Unidentified Armed Group ({cn})", None)
    a1, a2 = initiator or (None, None), target or (None, None)
    return Roles(a1[0], a2[0] if a2[0] != a1[0] else None, a1[1], a2[1])


def _group_flies(text: str, base: int, named: list) -> bool:
    """'Houthi drones struck …': the named group right before the aircraft is the doer."""
    return any(re.match(r"[\w'’ -]{0,20}?\b(?:drones?|aircraft|warplanes?)\b", text[g.end - base:])
               for g in named)


def _battle_sides(text: str, base: int, initiator, state, unid, cn: str):
    """(initiator, target) of a fight with state forces: the forces when they strike
    ('soldiers killed five militants') or run an operation ('gunmen were killed in a special
    operation'), their enemy when they are attacked ('troops were ambushed')."""
    operation = _OPERATION.search(text) and not _ASSAILED.search(text)
    if (initiator is None or initiator == unid) and (_strikes(text, base, state) or operation):
        return state, unid
    if initiator is not None:
        return initiator, state
    if _ASSAILED.search(text) and not _OPERATION.search(text):
        return (f"Unidentified Armed Group ({cn})", None), state
    return state, unid  # 'killed in a shoot-out during a police operation'


# a group named as the setting or the foe, not the doer ('violence connected to Boko Haram')
_NOT_AGENT = re.compile(r"\b(?:connected|linked|related|attributed) to\s+(?:the\s+)?(?:\w+\s+){0,3}$|"
                        r"\b(?:against|defeat|fight|fighting|combat|combating|battle)\s+(?:the\s+)?$",
                        re.I)


def attributed(text: str, g) -> bool:
    """Whether the article text makes a named group (an actor match) the doer rather than
    the backdrop."""
    return not _NOT_AGENT.search(text[max(0, g.start - 60):g.start])


def _crowd_roles(text: str, base: int, event_type: str, sub_type: str, cn: str) -> Roles:
    crowd = _first(text, base, RIOTERS if event_type == "Riots" else PROTESTERS,
                   f"{'Rioters' if event_type == 'Riots' else 'Protesters'} ({cn})")
    crowd = crowd or (f"{'Rioters' if event_type == 'Riots' else 'Protesters'} ({cn})", None)
    force = _state_force(text, base, cn)
    if sub_type == "Excessive force against protesters":
        return Roles(force[0] if force else f"Police Forces of {cn}", crowd[0],
                     force[1] if force else None, crowd[1])
    if sub_type == "Mob violence" and not force:
        civ = _first(text, base, CIVILIANS, "Civilians")
        return Roles(crowd[0], civ[0] if civ else None, crowd[1], civ[1] if civ else None)
    if event_type == "Protests" and sub_type == "Peaceful protest":
        force = None
    return Roles(crowd[0], force[0] if force else None, crowd[1], force[1] if force else None)


def _state_force(text: str, base: int, cn: str):
    police = _first(text, base, POLICE, f"Police Forces of {cn}")
    military = _first(text, base, MILITARY, f"Military Forces of {cn}")
    if police and military:
        return police if police[1][0] < military[1][0] else military
    return police or military


def _first(text: str, base: int, rx: re.Pattern, name: str):
    """The first mention of an actor that is not only the source ('police said')."""
    for m in rx.finditer(text):
        if not _SPEAKS.match(text, m.end()):
            return name, (base + m.start(), base + m.end())
    return None


_SPEAKS = re.compile(r"\s+(?:said|say|says|told|reported|confirmed|announced|spokesm[ae]n)\b", re.I)
# an actor that is the object of the violence ('an ambush on troops', 'soldiers were killed')
_VICTIM_BEFORE = re.compile(r"\b(?:on|against|at|targeting|killing|killed|including)\s+(?:the\s+)?"
                            r"(?:\w+\s+){0,2}$", re.I)
_VICTIM_AFTER = re.compile(r"(?:\s+\w+){0,2}\s+(?:were|was|had been|have been)\s+"
                           r"(?:\w+\s+)?(?:killed|wounded|injured|attacked|ambushed|hurt|shot|"
                           r"martyred|slain|abducted|kidnapped)", re.I)


# who began a fight with state forces: the ones named as striking, else the assailants
_ASSAILED = re.compile(r"\b(?:ambush\w*|attack\w*|assault\w*|stormed|overran)\b", re.I)
_OPERATION = re.compile(r"\b(?:operations?|raids?|offensive|crackdown|manhunt|sweep)\b", re.I)
_STRIKES = re.compile(r"(?:\s+\w+){0,2}\s+(?:killed|attacked|raided|shot|opened fire|launched|"
                      r"stormed|ambushed|bombed|fired|struck|hit|targeted)\b", re.I)


def _acts(text: str, base: int, found) -> bool:
    """Whether an actor found in the text is the initiator rather than the victim."""
    lo, hi = found[1][0] - base, found[1][1] - base
    return not _VICTIM_BEFORE.search(text[:lo]) and not _VICTIM_AFTER.match(text, hi)


def _strikes(text: str, base: int, found) -> bool:
    """The actor is the subject of a violent verb ('soldiers killed …', 'police raided …')."""
    return _acts(text, base, found) and bool(_STRIKES.match(text, found[1][1] - base))


def _agent_before(text: str, base: int, found) -> bool:
    """Whether the found actor follows an agent cue ('killed by police')."""
    if not found or not found[1]:
        return False
    return bool(AGENT_AFTER.search(text[: max(0, found[1][0] - base)]))
