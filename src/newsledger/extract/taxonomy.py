"""Trigger words and the rules that type an event mention in the ACLED taxonomy.

Plain, reviewable tables: a rule is (event_type, sub_event_type, pattern). The most specific
rule that matches the event's words wins; context words refine (protest + tear gas →
Protest with intervention; attack + soldiers as victims → Battles).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicons
from .first_chars import compile_guarded


def lexicon_rx(name: str) -> re.Pattern[str]:
    """A lexicon of regex fragments (data/lexicons/NAME.txt) as one whole-word pattern."""
    return compile_guarded(r"\b(?:" + "|".join(lexicons.words(name)) + r")\b", re.IGNORECASE)


_lex = lexicon_rx


# Words that state that violence, unrest or an arrest happened (triage and detection).
KILL = _lex("kill_triggers")
HURT = _lex("hurt_triggers")
ATTACK = _lex("attack_triggers")
CLASH = _lex("clash_triggers")
# a structure blown up: explosives used on property ('militants blew up a pipeline'); no
# preposition before the structure ('blew up at the office' is temper, not a blast)
_BLOWN_UP = r"(?:bl(?:ew|ow|ows|owing|own)\s+up|dynamit(?:ed|ing))"
_STRUCTURE = rf"{lexicons.alternation('sabotage_targets')}\b"
BLOWN_UP = compile_guarded(
    rf"\b{_BLOWN_UP}\s+(?:(?!{lexicons.alternation('object_ending_prepositions')}\b)[\w-]+\s+){{0,3}}?{_STRUCTURE}"
    rf"|\b{_STRUCTURE}\s+(?:\w+\s+){{0,3}}?{lexicons.alternation('passive_auxiliaries')}\s+"
    rf"(?:blown\s+up|dynamited)\b", re.IGNORECASE)
BOMB = compile_guarded(_lex("bomb_triggers").pattern + "|" + BLOWN_UP.pattern, re.IGNORECASE)
SUICIDE = _lex("suicide_bomb_words")
AIR = _lex("air_strike_words")
SHELL = _lex("shelling_words")
GRENADE = _lex("grenade_words")
CHEMICAL = _lex("chemical_weapon_words")
SEXUAL = _lex("sexual_violence_triggers")
ABDUCT = _lex("abduction_triggers")
RIOT = _lex("riot_triggers")
PROTEST = _lex("protest_triggers")
ARREST = _lex("arrest_triggers")
INTERVENTION = _lex("protest_intervention")
LETHAL_FORCE = _lex("lethal_force")
LIVE_FIRE = _lex("live_fire")
STATE_FORCE = _lex("state_force_words")

# --- Battles over ground and Strategic developments ------------------------------------
# a place taken: the verb, then within a few words what was taken
# ('captured the suspect in the city' took a person: a preposition ends the object)
_GROUND = (r"(?:(?!" + lexicons.alternation("object_ending_prepositions") + r"\b)\w+[^\w.!?;\n]+){0,4}?"
           + lexicons.pattern("ground_words") + r"\b")
TERRITORY = re.compile(
    r"\b" + lexicons.pattern("territory_verbs") + r"[^\w.!?;\n]+"  # never across a sentence end
    + _GROUND + "|" + lexicon_rx("territory_phrases").pattern
    # the passive, taken ground first: 'a village captured by government forces'
    + r"|\b" + lexicons.pattern("ground_words") + r",?\s+(?:(?:which|that) (?:was|were|had been) )?"
    + lexicons.pattern("territory_verbs") + r"\s+by\b",
    re.IGNORECASE)
# ground given up without a fight
WITHDRAWAL = _lex("withdrawal_triggers")
AGREEMENT = _lex("agreement_words")
HEADQUARTERS = re.compile(
    rf"\b{lexicons.pattern('base_verbs')}\s+(?:\w+\s+){{0,3}}?(?:{lexicons.pattern('base_modifiers')} ?)?"
    rf"{lexicons.pattern('base_nouns')}\b", re.IGNORECASE)
# weapons stopped before use: found, seized, defused
WEAPONS = lexicons.pattern("disrupted_weapon_nouns")
DISRUPTED = re.compile(
    lexicon_rx("disruption_words").pattern + "|"
    r"\b" + lexicons.pattern("weapon_finding_verbs") + r"\s+(?:[\w-]+[\s,]+){0,6}?" + WEAPONS + r"\b|"
    r"\b" + WEAPONS + r"\s+(?:\w+[\s,]+){0,10}?" + lexicons.alternation("passive_auxiliaries") + r"\s+"
    r"(?:\w+\s+)?" + lexicons.pattern("weapon_finding_participles") + r"\b", re.IGNORECASE)
# finite forms only: 'for sending troops into Somalia in 2011' is a motive, not news
CHANGE = _lex("change_words")
# wording of events that are not political violence: disasters, accidents, diplomacy, blame
DISASTER = _lex("disaster_words")
ACCIDENT = _lex("accident_words")
DIPLOMACY = _lex("diplomacy_words")
BLAME = _lex("blame_words")
STRATEGIC = (TERRITORY, WITHDRAWAL, AGREEMENT, HEADQUARTERS, DISRUPTED, CHANGE)

TRIGGER = compile_guarded(  # the guard: scanned over every article and sentence
    "|".join(p.pattern for p in (KILL, HURT, ATTACK, CLASH, BOMB, AIR, SHELL, GRENADE, ABDUCT,
                                  RIOT, PROTEST, ARREST, SEXUAL, CHEMICAL, *STRATEGIC)),
    re.IGNORECASE,
)


def sentence_has_trigger(doc, index: int) -> bool:
    """Whether sentence `index` of a Doc holds a trigger word, searched once per sentence:
    the screen, triage and the events stage all ask."""
    found = doc.triggers.get(index)
    if found is None:
        found = doc.triggers[index] = TRIGGER.search(doc.sentences[index].text) is not None
    return found


@dataclass(frozen=True)
class EventKind:
    event_type: str
    sub_event_type: str
    rank: int  # how specific the evidence for this kind is; higher wins when mentions merge


def classify(text: str) -> EventKind | None:
    """Type the words of one event mention (a sentence or clause); None when they tell no
    political violence, unrest or strategic development."""
    if ARREST.search(text):  # 'arrested for rioting': the riot is only the charge
        text = ARREST_PROTEST.sub(" ", _CHARGE.sub(" ", text))  # '… who organise protests'
    if PROTEST.search(text):  # 'a march against gun violence': the grievance, not the act
        text = _GRIEVANCE.sub(lambda m: " " * len(m.group()), text)
    if not_an_event(text):
        return None
    return _protest_kind(text) or _strategic_kind(text) or _violence_kind(text) or _minor_kind(text)


_GRIEVANCE = _lex("grievance_phrases")
ARREST_PROTEST = _lex("arrest_protest_contexts")  # sense.py: such detainees are political


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
    # 'shot dead in front of his clinic, blaming security forces': blame beside the incident itself
    return bool(BLAME.search(text)) and not _PROTEST_WORDS.search(text) and not STRONG.search(text)


# a weapon or an armed agent: an explosion or a death that someone inflicted
_ARMED_HAND = _lex("armed_hand")
_PROTEST_WORDS = _lex("protest_words")


def _protest_kind(text: str) -> EventKind | None:
    has = lambda rx: bool(rx.search(text))  # noqa: E731 - a readable local shorthand
    if not has(PROTEST) or _protest_is_background(text):
        return None
    if has(TERRITORY) and all(_WEAK_PROTEST.fullmatch(m.group()) for m in PROTEST.finditer(text)):
        return None  # 'troops captured the town and marched deeper into the city': no protest
    if any(STRONG.fullmatch(m.group()) for m in ABDUCT.finditer(text)) and not has(RIOT):
        return None  # 'gunmen abducted three protest leaders': the abduction, not a protest
    if has(KILL) and (has(LETHAL_FORCE) or _state_kills(text)):
        return EventKind("Protests", "Excessive force against protesters", 7)
    if has(HURT) and has(LIVE_FIRE):  # 'live fire and injuries': lethal force, though none died
        return EventKind("Protests", "Excessive force against protesters", 7)
    if has(RIOT) or has(CLASH) or has(_UNRULY):
        return EventKind("Riots", "Violent demonstration", 6)
    side = _attack_side(text) if has(ATTACK) and not has(ATTACKERS) else None
    if side == "crowd":  # 'protesters attacked the police station'
        return EventKind("Riots", "Violent demonstration", 6)
    if side == "forces":  # 'police attacked the march': force short of killing, unless some died
        return EventKind("Protests", "Excessive force against protesters", 7) if has(KILL) \
            else EventKind("Protests", "Protest with intervention", 6)
    if has(INTERVENTION):
        return EventKind("Protests", "Protest with intervention", 6)
    # 'a protester died fleeing the military': harm where forces acted short of lethal force
    if (has(KILL) or has(HURT)) and has(_FLEEING_FORCES) and not has(ATTACKERS):
        return EventKind("Protests", "Protest with intervention", 6)
    if not (has(KILL) or has(HURT) or has(ATTACK)):
        return EventKind("Protests", "Peaceful protest", 5)
    return None


_PROTESTERS = _lex("protester_words")


def _attack_side(text: str) -> str | None:
    """Who attacked at a protest: 'crowd' when protesters are the subject of the first attack
    word ('demonstrators attacked a police post'), 'forces' when state forces are ('police
    attacked the sit-in', 'protesters were attacked by troops'); None when neither is named."""
    m = ATTACK.search(text)
    if re.match(r"\s+by\b", text[m.end():]):  # the passive names the attacker after 'by'
        after = text[m.end():m.end() + 40]
        sides = [(x.start(), "crowd") for x in _PROTESTERS.finditer(after)]
        sides += [(x.start(), "forces") for x in STATE_FORCE.finditer(after)]
        if sides:
            return min(sides)[1]
    before = text[max(0, m.start() - 80):m.start()]
    sides = [(x.end(), "crowd") for x in _PROTESTERS.finditer(before)]
    sides += [(x.end(), "forces") for x in STATE_FORCE.finditer(before)]
    return max(sides)[1] if sides else None


# protest words with everyday senses ('marched', 'rally'): sense.py reads the same lexicon
_WEAK_PROTEST = re.compile(r"\b(?:" + "|".join(lexicons.mapping("protest_senses")["weak"]) + r")\b", re.I)
_FLEEING_FORCES = re.compile(rf"\b{lexicons.pattern('fleeing_words')}\s+(?:from\s+)?(?:the\s+)?(?:[\w-]+\s+)?"
                             r"(?:" + "|".join(lexicons.words("state_force_words")) + r")\b", re.IGNORECASE)
# a crowd that turned on people or property, short of a riot word
_UNRULY = _lex("unruly_crowd")


def _strategic_kind(text: str) -> EventKind | None:
    """Chemical weapons, weapons seized before use, ground taken or handed over, truces and
    bases: what the act changed outweighs the violence that came with it."""
    if CHEMICAL.search(_CHEMICAL_NOT_USE.sub(" ", text)) and not re.search(r"\btear gas\b", text, re.I):
        return EventKind("Explosions/Remote violence", "Chemical weapon", 9)
    hurt = KILL.search(text) or HURT.search(text)
    disrupted = DISRUPTED.search(text)
    if disrupted and not _hurt_beside(text, disrupted):
        return EventKind("Strategic developments", "Disrupted weapons use", 4)
    ground = TERRITORY.search(text)
    # 'without a fight', 'a deal ending weeks of fighting': no fight in this act
    unfought = _ENDED_VIOLENCE.sub(" ", re.sub(r"\bwithout (?:a |any )?fight(?:ing)?\b", " ", text, flags=re.I))
    if WITHDRAWAL.search(text) and not hurt and not CLASH.search(unfought):
        return EventKind("Strategic developments", "Non-violent transfer of territory", 4)
    if ground:
        if _non_state_taker(text, ground):
            if _raided_only(text, ground):
                return EventKind("Battles", "Armed clash", 5)  # a raid, no territory held
            return EventKind("Battles", "Non-state actor overtakes territory", 6)
        return EventKind("Battles", "Government regains territory", 6)
    # a truce named beside violence is the violence's setting; truces and talks themselves are
    # dropped by the sense rules (talk_words)
    if AGREEMENT.search(text) and not hurt and not CLASH.search(unfought) and not ATTACK.search(unfought):
        return EventKind("Strategic developments", "Agreement", 3)
    if HEADQUARTERS.search(text) and not hurt:
        return EventKind("Strategic developments", "Headquarters or base established", 3)
    return None


_ENDED_VIOLENCE = _lex("ended_violence")


def _hurt_beside(text: str, disrupted: re.Match) -> bool:
    """Harm told beside weapons stopped, outside their words ('shot down 20 drones' is an
    interception: its 'shot' hurt no one)."""
    rest = text[:disrupted.start()] + " " * len(disrupted.group()) + text[disrupted.end():]
    return bool(KILL.search(rest) or HURT.search(rest))
# an armed post overrun ('overran three army checkpoints'): a raid that holds no territory; a
# base captured or taken control of is ground held
_OVERRAN_INSTALLATION = re.compile(rf"^overr(?:a|u)n\b.*\b{lexicons.pattern('military_installations')}$",
                                   re.IGNORECASE)
_TRANSIENT = re.compile(rf"\b{lexicons.alternation('transient_words')}\b", re.IGNORECASE)


def _raided_only(text: str, ground: re.Match) -> bool:
    """Ground taken but not held (ACLED's territory needs a monopoly of force): an armed post
    overrun, or a town seized 'briefly' or 'for a few hours'."""
    return bool(_OVERRAN_INSTALLATION.match(ground.group())) or bool(
        _TRANSIENT.search(text, max(0, ground.start() - 20), min(len(text), ground.end() + 40)))


_CHEMICAL_NOT_USE = _lex("chemical_not_use")
STATE_SIDE = _lex("state_side")
NON_STATE_SIDE = _lex("non_state_side")


def _non_state_taker(text: str, ground: re.Match) -> bool:
    """Whether the side that took the ground is a non-state group: the side named last before
    the verb, else the first named after it ('fell to rebels', 'was seized by militants');
    the state by default."""
    before = [(m.start(), True) for m in NON_STATE_SIDE.finditer(text, 0, ground.start())
              if not _NOT_SUBJECT.match(text, m.end()) and not _PREP_BEFORE.search(text, 0, m.start())]
    before += [(m.start(), False) for m in STATE_SIDE.finditer(text, 0, ground.start())
               if not _NOT_SUBJECT.match(text, m.end()) and not _PREP_BEFORE.search(text, 0, m.start())]
    after = [(m.start(), True) for m in NON_STATE_SIDE.finditer(text, ground.end(), ground.end() + 60)]
    after += [(m.start(), False) for m in STATE_SIDE.finditer(text, ground.end(), ground.end() + 60)]
    if after and ground.group().lower().endswith(" by"):  # the passive names the taker after 'by'
        return min(after)[1]
    if before:
        return max(before)[1]
    return min(after)[1] if after else False


# a side named as the object of a preposition or as whose ground it was ('a crackdown on the
# Taliban', 'clashing with insurgents', 'a rebel-held town'): not the side that took the ground
_PREP_BEFORE = re.compile(rf"\b{lexicons.alternation('side_object_prepositions')}\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?$",
                          re.IGNORECASE)
_NOT_SUBJECT = re.compile(rf"-{lexicons.alternation('held_ground_suffixes')}\b", re.IGNORECASE)


def _violence_kind(text: str) -> EventKind | None:
    has = lambda rx: bool(rx.search(text))  # noqa: E731 - a readable local shorthand
    violent = has(KILL) or has(HURT) or has(ATTACK) or has(CLASH)
    if has(SUICIDE) and (has(BOMB) or has(ATTACK)):
        return EventKind("Explosions/Remote violence", "Suicide bomb", 9)
    if has(AIR) and (violent or has(BOMB) or _AIR_ATTACK.search(text)):
        return EventKind("Explosions/Remote violence", "Air/drone strike", 8)
    if _weapon(GRENADE, text) and not has(CLASH):  # grenades thrown in a gunfight are part of the battle
        return EventKind("Explosions/Remote violence", "Grenade", 8)
    if has(SHELL) and not re.search(r"shell(?:ed)? casings?", text, re.I):
        return EventKind("Explosions/Remote violence", "Shelling/artillery/missile attack", 8)
    if _weapon(BOMB, text):
        return EventKind("Explosions/Remote violence", "Remote explosive/landmine/IED", 7)
    if has(SEXUAL):
        return EventKind("Violence against civilians", "Sexual violence", 7)
    if has(ABDUCT) and not has(KILL):
        return EventKind("Violence against civilians", "Abduction/forced disappearance", 6)
    if not has(CLASH) and _AMBUSH.search(text) and has(_TRAVELLERS) and not _armed_target(text) \
            and not has(STATE_FORCE):
        return EventKind("Violence against civilians", "Attack", 4)  # 'ambushed a bus'
    if has(CLASH) and has(_MOB_DOERS) and has(_CRUDE) and not (has(_FIREARMS) or has(STATE_FORCE)
                                                                 or has(ATTACKERS) or has(_INSURGENTS)):
        return EventKind("Riots", "Mob violence", 5)  # 'villagers clashed with sticks and rods'
    if has(CLASH) or _AMBUSH.search(text):
        return EventKind("Battles", "Armed clash", 5)
    if has(RIOT) and not has(ATTACKERS):
        return _riot_kind(text)
    if _crowd_strikes(text) and not (has(_FIREARMS) or has(ATTACKERS) or has(_INSURGENTS) or _armed_victims(text)):
        # 'villagers stormed the police station': unarmed people's violence is a riot
        return EventKind("Riots", "Mob violence" if has(_MOB) else "Violent demonstration", 5)
    unhurt = not (has(KILL) or has(HURT))
    if has(ARREST) and unhurt and _attack_words_all(_RAID, text):
        return EventKind("Strategic developments", "Arrests", 2)  # 'police raided …, detaining him'
    if has(RIOT) and unhurt and _attack_words_all(_VAGUE_VIOLENCE, text):
        # 'the violence began when the cartel set vehicles on fire': the arson is the act
        return EventKind("Strategic developments", "Looting/property destruction", 4)
    if has(KILL) or has(ATTACK) or has(HURT):
        if _armed_target(text) or _armed_sides(text) or _armed_victims(text):  # ACLED: armed on both sides
            return EventKind("Battles", "Armed clash", 4)
        # 'the violence spread to three cities': an attack named by no act of its own
        vague = not (has(KILL) or has(HURT)) and _attack_words_all(_VAGUE_VIOLENCE, text)
        return EventKind("Violence against civilians", "Attack", 1 if vague else 3)
    if has(RIOT):  # an armed group's arson with no one hurt: property destroyed
        return EventKind("Strategic developments", "Looting/property destruction", 4)
    return None


_AMBUSH = re.compile(r"\bambush", re.IGNORECASE)
_MOB_DOERS = _lex("mob_doer_words")
_CRUDE = _lex("crude_weapons")
def _crowd_strikes(text: str) -> bool:
    """Villagers, youths or a crowd as the doers of violence ('villagers stormed the police
    station'), not its victims ('villagers were massacred'): unarmed people's riot, whoever
    its target (ACLED's Riots)."""
    return any(_AGENT_OF.match(text, _OF_GROUP.match(text, m.end()).end()) for m in _MOB_DOERS.finditer(text))


# whose the crowd is, between it and its verb ('supporters of the ruling party attacked')
_OF_GROUP = re.compile(r"(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+(?=\s))?")


_FIREARMS = _lex("firearm_words")
_TRAVELLERS = _lex("civilian_travellers")
ATTACKERS = _lex("armed_attackers")
STRONG = _lex("strong_triggers")  # their arson and looting are part of their attack
MOB = _MOB = _lex("mob_words")
_CROWD = _lex("crowd_words")
_AIR_ATTACK = AIR_ATTACK = re.compile(lexicons.pattern("air_attack_nouns") + "|"  # 'warplanes pounded the village'
                                      + lexicon_rx("air_attack_verbs").pattern, re.I)
_NOT_BOMB = _lex("not_bomb_phrases")


_RAID = _lex("raid_words")
_VAGUE_VIOLENCE = _lex("vague_violence_words")


def _attack_words_all(kind: re.Pattern[str], text: str) -> bool:
    """Attack words in the text, every one of one kind (raids; the vague noun 'violence')."""
    found = [m.group() for m in ATTACK.finditer(text)]
    return bool(found) and all(kind.fullmatch(w) for w in found)


def _weapon(rx: re.Pattern[str], text: str) -> bool:
    """A weapon word outside the phrases that name no weapon ('tear gas canisters', 'the bomb
    squad'): a protest's tear gas is no bombing, though a bomb may be told beside it."""
    spared = [m.span() for m in _NOT_BOMB.finditer(text)]
    return any(not any(a <= m.start() < b for a, b in spared) for m in rx.finditer(text))


def _riot_kind(text: str) -> EventKind:
    """Riot words: a crowd's violence, or property looted or burned with no crowd named (a
    crowd only as the source, 'residents said', is none) or by state forces ('soldiers
    looted shops'), and no one hurt."""
    crowd = any(not _SAYS.match(text, m.end()) for m in _CROWD.finditer(text))
    if (not crowd or _forces_looted(text)) and not (KILL.search(text) or HURT.search(text)):
        return EventKind("Strategic developments", "Looting/property destruction", 4)
    return EventKind("Riots", "Mob violence" if _MOB.search(text) else "Violent demonstration", 5)


def _forces_looted(text: str) -> bool:
    """State forces as the doers of the looting or burning ('soldiers looted homes'): no riot."""
    return any(_RIOT_AFTER.match(text, m.end()) for m in STATE_SIDE.finditer(text))


_RIOT_AFTER = re.compile(
    rf"\s+(?:(?!{lexicons.alternation('passive_auxiliaries')}\b)[\w-]+\s+){{0,2}}?(?:{RIOT.pattern})", re.IGNORECASE)


def _minor_kind(text: str) -> EventKind | None:
    """Arrests, and changes to an armed group."""
    if ARREST.search(text):
        return EventKind("Strategic developments", "Arrests", 2)
    if CHANGE.search(text):
        return EventKind("Strategic developments", "Change to group/activity", 1)
    return None


ARMED_TARGET = _lex("armed_target")
_BY = re.compile(r"\bby (?:the )?(?:\w+ ){0,2}$", re.IGNORECASE)


def _state_kills(text: str) -> bool:
    """Forces named as the killers ('killed by police', 'troops shot dead …'), not as bystanders
    ('thousands of extra police were deployed')."""
    return any(_BY.search(text[max(0, m.start() - 30):m.start()])
               or _KILLS_AFTER.match(text[m.end():])
               for m in STATE_FORCE.finditer(text))


_KILLS_AFTER = re.compile(rf"\s+(?:\w+\s+)?{lexicons.pattern('state_kill_verbs')}\b")
_PLACE_ONLY_TARGET = re.compile(rf"^{lexicons.pattern('place_only_targets')}$", re.IGNORECASE)
_CIVILIAN_VICTIMS = _lex("civilian_victims")


def _armed_target(text: str) -> bool:
    """Soldiers or police named as victims, not as the agents ('shot dead by police',
    'soldiers executed 20 villagers'). A checkpoint, convoy or patrol alone does not make armed
    victims of civilians shot there, nor is 'an election officer' police."""
    civilians = bool(_CIVILIAN_VICTIMS.search(text))
    civil = [m.span() for m in _CIVIL_OFFICER.finditer(text)]
    return any(not _BY.search(text[max(0, m.start() - 30):m.start()])
               and not _BLAMED.search(text[max(0, m.start() - 30):m.start()])
               and not (civilians and _PLACE_ONLY_TARGET.match(m.group()))
               and not _AGENT_OF.match(text, m.end())
               and not any(a <= m.start() < b for a, b in civil)
               for m in ARMED_TARGET.finditer(text))


# the subject of an active verb of violence: 'troops (on Monday) executed …', not 'soldiers
# killed in an ambush' or 'soldiers were killed'
_AGENT_OF = re.compile(
    rf"\s+(?:(?!{lexicons.alternation('passive_auxiliaries')}\b)[\w-]+\s+){{0,3}}?"
    rf"{lexicons.pattern('agent_harm_verbs')}\b"
    rf"(?!\s*(?:[,.;:!?]|$)|\s+{lexicons.alternation('passive_participle_followers')}\b)", re.IGNORECASE)
_CIVIL_OFFICER = re.compile(rf"\b{lexicons.alternation('civilian_officer_titles')}\s+officers?\b", re.IGNORECASE)
# armed men as the object of a killing: 'killed ten Al-Shabaab fighters' (no preposition or
# conjunction between: 'killed by militants', 'killed when the attackers stormed' name the doers)
_HARMED_BEFORE = re.compile(
    rf"\b{lexicons.pattern('harm_object_verbs')}\s+(?:(?!{lexicons.alternation('harm_object_breaks')}\b)"
    r"[\w'-]+\s+){0,4}$", re.IGNORECASE)


def _armed_victims(text: str) -> bool:
    """Armed men killed or wounded by the act ('the army killed ten Al-Shabaab fighters',
    'police shot dead two gunmen'): they were a side of a fight, so it is a battle. Not where
    the sentence names civilians as victims ('police shot dead the attackers after they drove
    into pedestrians'): attackers stopped in a one-sided attack make it no battle (ACLED)."""
    if _CIVILIAN_VICTIMS.search(text):
        return False
    return any(_HARMED_BEFORE.search(text, max(0, m.start() - 60), m.start())
               for m in ATTACKERS.finditer(text))


# 'blaming security forces', 'accused the army': the forces named as the doers
_BLAMED = re.compile(rf"\b{lexicons.pattern('blaming_verbs')}\s+(?:the\s+)?(?:\w+\s+){{0,2}}$", re.IGNORECASE)


def _armed_sides(text: str) -> bool:
    """A non-state armed group and state forces both named ('Taliban fighters attacked a
    checkpoint', 'the army killed scores of terrorists'), not forces only as the source."""
    state = [m for m in STATE_SIDE.finditer(text) if not _SAYS.match(text, m.end())]
    return bool(state) and bool(_INSURGENTS.search(text))


def forces_acting(text: str) -> bool:
    """State forces named in the words other than as a report's source ('police said')."""
    return any(not _SAYS.match(text, m.end()) for m in STATE_FORCE.finditer(text))


_INSURGENTS = _lex("insurgent_words")
_SAYS = re.compile(rf"\s+(?:\w+\s+)?{lexicons.pattern('source_verbs')}\b", re.IGNORECASE)
_CHARGE = re.compile(r"\b(?:for|over) (?:their )?(?:role in |taking part in )?(?:the )?"
                     + lexicons.pattern("charge_offences") + r"\b", re.IGNORECASE)
_BACKGROUND_PROTEST = re.compile(r"\bsince (?:the )?(?:anti-\w+ )?protests\b|"
                                 rf"\b{lexicons.pattern('sparking_verbs')} (?:\w+ ){{0,2}}(?:protests|demonstrations)\b", re.I)


def _protest_is_background(text: str) -> bool:
    """'protests' named only as the setting or the aftermath of another act ('since protests
    began', 'the shooting sparked protests')."""
    return bool(_BACKGROUND_PROTEST.search(text))
