"""Who did it to whom: actor1 (initiator) and actor2 (target) of one event mention.

Named groups come from the actor dictionary; generic wording ("soldiers", "police",
"gunmen", "villagers") becomes ACLED's generic actors for the event's country.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .. import lexicons

Nation = Callable[[str, bool], "str | None"]  # ('Russian', possessive?) → 'Russia'

def _words(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{lexicons.alternation(name)}\b", re.I)



MILITARY = _words("military_words")
POLICE = _words("police_words")
CIVILIANS = _words("civilian_words")
UNIDENTIFIED = _words("armed_men_words")
PROTESTERS = _words("protester_words")
RIOTERS = _words("rioter_words")
COMMUNAL = _words("communal_fight_words")
AGENT_AFTER = re.compile(rf"\b{lexicons.pattern('role_agent_cues')}\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class Roles:
    actor1: str | None
    actor2: str | None
    span1: tuple[int, int] | None = None
    span2: tuple[int, int] | None = None


def assign_roles(text: str, base: int, event_type: str, sub_type: str,
                 groups: list, country_name: str | None, nation: Nation | None = None,
                 mutual: bool = True) -> Roles:
    """`text` is the mention's words starting at article offset `base`; `groups` are the
    actor-dictionary matches of the incident (article offsets); `nation` names the country
    of a nationality or country word ('Russian', 'Chad's'), so that 'Russian shelling' is
    the Military Forces of Russia wherever it falls; `mutual` is False when some sentence of
    the incident says who attacked whom (then mention order does not decide a fight)."""
    cn = country_name or "Unknown"
    named = [g for g in groups if g.actor.kind == "armed_group"]
    forces = _Forces(text, base, cn, nation, groups, crowd=event_type in ("Protests", "Riots"))
    if event_type in ("Protests", "Riots"):
        return _crowd_roles(text, base, event_type, sub_type, cn, forces, _armed_doer(text, base, named))
    if sub_type == "Arrests":
        force = forces.first(arrest=True)
        if force and force[1] and _HELD_BEFORE.search(text[:force[1][0] - base]):
            # 'rebels captured 12 soldiers': the forces were taken, by whoever the text names
            taker = _captor_group(text, base, named) or _first(text, base, UNIDENTIFIED, f"Unidentified Armed Group ({cn})")
            return Roles(taker[0] if taker else None, force[0], taker[1] if taker else None, force[1])
        captor = None if force else _captor_group(text, base, named)
        if captor:  # 'Taliban fighters detained two journalists': the group holds them
            return Roles(captor[0], None, captor[1], None)
        held = _held_group(text, base, groups) or _arrested_crowd(text, base, cn)
        return Roles(force[0] if force else f"Police Forces of {cn}", held[0] if held else None,
                     force[1] if force else None, held[1] if held else None)
    if sub_type == "Disrupted weapons use":
        disrupted = _disrupted(text, base, named, forces)
        if disrupted:
            return disrupted
    initiator = None
    unid = _ethnic_militia(text, base, cn) or _first(text, base, UNIDENTIFIED, f"Unidentified Armed Group ({cn})")
    victim = _victim_group(text, base, named, unid)
    if named and not victim:
        g = named[0]
        initiator = (g.actor.canonical, (g.start, g.end))
    state = forces.first()
    foes = forces.opposed()
    if foes and initiator is None and _agent_of(text, base, foes[1]):
        # 'an Armenian soldier was shot dead by Azerbaijani troops': the agent did it
        state, initiator = foes
    elif foes and initiator is None and (_strikes(text, base, foes[0]) or _MUTUAL.search(text)):
        # 'Azerbaijani troops shot dead an Armenian soldier': one state's forces on another's
        initiator, state = foes
    if initiator and initiator[1] and state and state[1] and event_type != "Battles" \
            and _strikes(text, base, state) and not _acts(text, base, initiator):
        initiator, state = state, initiator  # 'the army shelled RSF positions': the group was hit
    weapon = forces.wielding()
    if weapon and initiator is None:  # 'Russian shelling killed …': the state's forces did it
        initiator = weapon
        state = forces.first(besides=weapon[0])
    civ = _first(text, base, CIVILIANS, "Civilians")
    hit_on_ground = bool(unid and unid[1] and state and state[1] and _acts(text, base, unid)
                         and not _acts(text, base, state))  # 'gunmen attacked an air force base'
    if sub_type == "Air/drone strike" and not _group_flies(text, base, named) and not hit_on_ground:
        # air power is almost always a state's: a named group here is what was struck
        if weapon and initiator == weapon:  # 'French air strikes stopped the column': France struck
            target = (named[0].actor.canonical, (named[0].start, named[0].end)) if named else civ
        else:
            target = initiator or civ  # 'Israeli airstrikes hit Hezbollah positions': Israel struck
            initiator = state or weapon or (f"Military Forces of {cn}", None)
        if target is None and _HARMED.search(text):  # 'air strikes killed 20 Palestinians': no armed side hit
            target = ("Civilians", None)
        return Roles(initiator[0], target[0] if target else None, initiator[1],
                     target[1] if target else None)
    if initiator is None and unid:
        initiator = unid
    if initiator is None and state and event_type == "Violence against civilians" and \
            _agent_before(text, base, state):
        initiator, state = state, None  # 'killed by police gunfire'
    if initiator is None and state and event_type in ("Violence against civilians",
                                                      "Explosions/Remote violence") \
            and _strikes(text, base, state):
        initiator, state = state, None  # 'troops shelled the village': the forces did it
    if sub_type == "Government regains territory" and state:
        return _regained(initiator, state, unid)
    if sub_type == "Non-state actor overtakes territory" and state:
        taker = initiator if initiator and initiator != state else unid
        if taker:  # 'M23 rebels seized Rubaya from Congolese troops': the group took it
            return Roles(taker[0], state[0], taker[1], state[1])
    if event_type == "Battles" and state is None and initiator == unid and unid \
            and _STATE_OPERATION.search(text) and not _ASSAILED.search(text):
        # 'six gunmen were killed in a special operation': the state's forces ran it
        return Roles(f"Military Forces of {cn}", unid[0], None, unid[1])
    target = state or victim or (civ if event_type != "Battles" else None)  # fighters, not bystanders
    if event_type == "Battles" and target is None and initiator and initiator != unid:
        target = _other_group(text, base, named, initiator) or \
            _armed_men_hit(text, base, named, cn)  # 'Koglweogo militiamen killed three gunmen'
    if event_type == "Battles" and state:
        initiator, target = _battle_sides(text, base, initiator, state, unid, cn, mutual)
    if event_type == "Violence against civilians" and target is None or \
            event_type == "Explosions/Remote violence" and target is None:
        target = ("Civilians", None)  # a bomb or shell that hit no armed side hit civilians
    if event_type == "Violence against civilians" and target and target[0] != "Civilians":
        target = ("Civilians", civ[1] if civ else None)
    if initiator is None and event_type != "Battles" and target and target[0] != "Civilians" or \
            initiator is None and event_type in ("Violence against civilians",
                                                 "Explosions/Remote violence"):
        initiator = (f"Unidentified Armed Group ({cn})", None)
    if event_type == "Battles" and initiator is None and _AMBUSH.search(text):
        initiator = (f"Unidentified Armed Group ({cn})", None)  # 'the patrol was ambushed': by someone
    if event_type == "Battles" and initiator is None and target is None and COMMUNAL.search(text):
        militia = f"Communal Militia ({cn})"  # 'days of tribal clashes': one community on another
        return Roles(militia, militia)
    a1, a2 = initiator or (None, None), target or (None, None)
    return Roles(a1[0], a2[0] if a2[0] != a1[0] else None, a1[1], a2[1])


def _disrupted(text: str, base: int, named: list, forces: "_Forces") -> Roles | None:
    """A weapon seized, defused or shot down ('police seized an arms cache', 'Ukrainian air
    defences downed 20 Russian drones'): the state's forces that stopped it are actor1, and
    the side whose weapon it was actor2 when named (ACLED)."""
    weapon = forces.wielding()
    force = forces.first(besides=weapon[0] if weapon else None)
    if force is None:
        return None
    owner = next(((g.actor.canonical, (g.start, g.end)) for g in named if _in_mention(text, base, g)), None)
    owner = owner or (weapon if weapon and weapon[0] != force[0] else None)
    return Roles(force[0], owner[0] if owner else None, force[1], owner[1] if owner else None)


def _victim_group(text: str, base: int, named: list, unid):
    """The named group that only suffers the violence, when anonymous attackers do it before
    it ('gunmen killed three Koglweogo members', 'attackers ambushed a convoy of M23
    rebels'): the attackers are actor1 and the group the side hit, not the other way round."""
    if not named or not unid or not unid[1] or unid[1][0] > named[0].start:
        return None
    if any(_acts(text, base, (None, (g.start, g.end))) for g in named):
        return None
    if not _acts(text, base, unid):
        return None
    g = named[0]
    return g.actor.canonical, (g.start, g.end)


def _other_group(text: str, base: int, named: list, initiator):
    """The second named group a fight's mention names ('M23 rebels fought Wazalendo
    fighters'): the side the initiator fought."""
    g = next((g for g in named if g.actor.canonical != initiator[0] and _in_mention(text, base, g)), None)
    return (g.actor.canonical, (g.start, g.end)) if g else None


def _armed_men_hit(text: str, base: int, named: list, cn: str):
    """Anonymous armed men the mention names as the ones hit ('killed three gunmen', 'an
    attack on bandits'), not the named group's own fighters ('Al-Shabaab fighters')."""
    for m in UNIDENTIFIED.finditer(text):
        at = base + m.start()
        if any(0 <= at - g.end <= 1 for g in named):
            continue  # the group's own men
        if not _acts(text, base, (None, (at, base + m.end()))):
            return f"Unidentified Armed Group ({cn})", (at, base + m.end())
    return None


def _regained(initiator, state, unid) -> Roles:
    """'The army retook the town from the rebels': the state's forces are actor1 whoever the
    sentence names first, the side that lost the town actor2."""
    force = state
    loser = initiator if initiator and initiator != state else unid
    return Roles(force[0], loser[0] if loser else None, force[1], loser[1] if loser else None)


def _in_mention(text: str, base: int, g) -> bool:
    return base <= g.start and g.end <= base + len(text)


def _held_group(text: str, base: int, groups: list):
    """The named group whose people an arrest took ('police detained 40 members of the
    party', 'activists of the TLP were arrested'): a non-state group of this mention."""
    held = next((g for g in groups if g.actor.kind in _HELD_KINDS and _in_mention(text, base, g)), None)
    return (held.actor.canonical, (held.start, held.end)) if held else None


def _captor_group(text: str, base: int, named: list):
    """A named armed group that is the subject of the arrest ('Taliban fighters detained two
    journalists', 'the Houthis arrested UN staff'), with no state force named: the captor."""
    for g in named:
        if _in_mention(text, base, g) and _ARRESTS.match(text, g.end - base):
            return g.actor.canonical, (g.start, g.end)
    return None


# the active arrest verb right after a group's name ('… fighters detained', '… have arrested')
_ARRESTS = re.compile(rf"(?:\s+(?!(?:{lexicons.pattern('role_victim_aux')})\b)[\w'’-]+){{0,2}}?\s+"
                      rf"{lexicons.pattern('arrest_triggers')}\b", re.I)
# the force right after an arrest verb is the one held ('captured 12 soldiers')
_HELD_BEFORE = re.compile(rf"\b{lexicons.pattern('arrest_triggers')}\s+(?:(?!{lexicons.pattern('role_agent_cues')}\s)[\w-]+\s+){{0,3}}$", re.I)
_HELD_KINDS = ("armed_group", "party")  # not the state, media or agencies that report it


def _armed_doer(text: str, base: int, named: list):
    """An armed group this mention names as the doer of a riot ('the cartel set buses on
    fire'): it is actor1, not an anonymous crowd."""
    g = next((g for g in named if _in_mention(text, base, g)
              and _acts(text, base, (None, (g.start, g.end)))), None)
    return (g.actor.canonical, (g.start, g.end)) if g else None


def _arrested_crowd(text: str, base: int, cn: str):
    """Who was held, where the text says they were a crowd: 'detained 40 protesters',
    'arrested for rioting'."""
    if _FOR_RIOTING.search(text):
        return _first(text, base, _FOR_RIOTING, f"Rioters ({cn})")
    return _first(text, base, RIOTERS, f"Rioters ({cn})") or \
        _first(text, base, PROTESTERS, f"Protesters ({cn})")


_FOR_RIOTING = re.compile(rf"\bfor {lexicons.pattern('role_arrest_offences')}\b", re.I)


def _group_flies(text: str, base: int, named: list) -> bool:
    """'Houthi drones struck …': the named group right before the aircraft is the doer."""
    return any(_AIRCRAFT_AFTER.match(text[g.end - base:])
               for g in named)


def _battle_sides(text: str, base: int, initiator, state, unid, cn: str, mutual: bool = True):
    """(initiator, target) of a fight with state forces: the forces when they strike
    ('soldiers killed five militants') or run an operation ('gunmen were killed in a special
    operation'), their enemy when they are attacked ('troops were ambushed'); in a fight told
    as mutual ('clashes between troops and rebels', 'X and Y clashed') the side named first."""
    other = initiator or unid
    if other and other[1] and state[1] and _agent_of(text, base, other) != _agent_of(text, base, state):
        # 'soldiers were killed by the rebels' · 'rebels were killed by troops': the agent began it
        return (other, state) if _agent_of(text, base, other) else (state, other)
    if mutual and other and other[1] and state[1] and _MUTUAL.search(text) \
            and not _ASSAILED.search(text):
        return (state, other) if state[1][0] < other[1][0] else (other, state)
    operation = _OPERATION.search(text) and not _ASSAILED.search(text)
    if (initiator is None or initiator == unid) and (_strikes(text, base, state) or operation):
        return state, unid
    if initiator is not None and initiator[1] and _strikes(text, base, state) \
            and not _acts(text, base, initiator):
        return state, initiator  # 'Nigerian troops killed 30 Boko Haram fighters': the group was hit
    if initiator is not None:
        return initiator, state
    if _ASSAILED.search(text) and not _OPERATION.search(text) or \
            state[1] and not _acts(text, base, state) and not _OPERATION.search(text):
        # 'troops were ambushed' · 'a police constable was stabbed to death': the forces were hit
        return (f"Unidentified Armed Group ({cn})", None), state
    return state, unid  # 'killed in a shoot-out during a police operation'


# a group named as the setting or the foe, not the doer ('violence connected to Boko Haram')
_NOT_AGENT = re.compile(rf"\b{lexicons.pattern('role_backdrop_links')} to\s+(?:the\s+)?(?:\w+\s+){{0,3}}$|"
                        rf"\b{lexicons.pattern('role_foe_words')}\s+(?:the\s+)?$", re.I)


def attributed(text: str, g) -> bool:
    """Whether the article text makes a named group (an actor match) the doer rather than
    the backdrop."""
    return not _NOT_AGENT.search(text[max(0, g.start - 60):g.start]) \
        and not _DISOWNS.match(text, g.end)


# a group that disowns the act after its name ('the Taliban denied involvement', '… did not
# claim the attack') is not its doer
_DISOWNS = re.compile(rf"(?:\s+\w+){{0,2}}?\s+{lexicons.pattern('role_disowning_words')}\b", re.I)


def _crowd_roles(text: str, base: int, event_type: str, sub_type: str, cn: str,
                 forces: "_Forces", armed=None) -> Roles:
    crowd = _first(text, base, RIOTERS if event_type == "Riots" else PROTESTERS,
                   f"{'Rioters' if event_type == 'Riots' else 'Protesters'} ({cn})")
    if event_type == "Riots" and armed and not crowd:
        crowd = armed  # no rioters named: the armed group named as doing it did it
    crowd = crowd or (f"{'Rioters' if event_type == 'Riots' else 'Protesters'} ({cn})", None)
    force = forces.first()
    if sub_type == "Excessive force against protesters":
        return Roles(force[0] if force else f"Police Forces of {cn}", crowd[0],
                     force[1] if force else None, crowd[1])
    if sub_type == "Mob violence" and not force:
        civ = _first(text, base, CIVILIANS, "Civilians")
        return Roles(crowd[0], civ[0] if civ else None, crowd[1], civ[1] if civ else None)
    if sub_type == "Violent demonstration" and not force:
        civ = next((m for m in CIVILIANS.finditer(text) if _FOUGHT_WITH.search(text[:m.start()])), None)
        if civ:  # 'students clashed with residents': the crowd's foes are civilians
            return Roles(crowd[0], "Civilians", crowd[1], (base + civ.start(), base + civ.end()))
    if event_type == "Protests" and sub_type == "Peaceful protest":
        force = None
    return Roles(crowd[0], force[0] if force else None, crowd[1], force[1] if force else None)


_JOINED_FORCES = re.compile(r"\s*(?:officers\s+)?(?:and|&)\s+(?:other\s+)?(?:\w+\s+)?", re.I)
_FOUGHT_WITH = re.compile(rf"\b{lexicons.pattern('role_fought_with')}\s+(?:\w+\s+){{0,3}}$", re.I)


class _Forces:
    """The state forces a mention names, each as (name, article span), in text order: force
    nouns ('soldiers', 'riot police'), the dictionary's state forces ('UPDF'), and a
    nationality before a force noun or a weapon of states ('Nigerien soldiers', 'Israeli
    warplanes', 'Russian shelling') naming that country's forces instead of the event's."""

    def __init__(self, text: str, base: int, cn: str, nation: Nation | None, groups: list,
                 crowd: bool = False) -> None:
        self.cn, self.text, self.base = cn, text, base
        found: list[tuple[str, tuple[int, int], bool]] = []  # name, span, weak
        self.weapons: list[tuple[str, tuple[int, int]]] = []  # 'Russian shelling', 'Israeli raid'
        # 'Army' of 'National Liberation Army', 'Armed Forces' of 'Revolutionary Armed Forces
        # of Colombia': a force word inside a named group's name is that group, not the state's
        inside = [(g.start - base, g.end - base) for g in groups]
        for rx, kind in ((POLICE, "Police"), (MILITARY, "Military"), (STATE_WEAPONS, "Military"),
                         (NATION_FORCES, "Military")):
            for m in rx.finditer(text):
                if _only_speaks(text, m.end()) or _NOT_FORCE.match(text, m.end()):
                    continue  # 'police said', 'a police uniform' (but 'the army said it detained')
                if any(a <= m.start() < b for a, b in inside):
                    continue
                if crowd and _ON_STANDBY.match(text, m.end()):
                    continue  # 'with thousands of police deployed': there, not facing the crowd
                country = _nation_before(text, m.start(), nation)
                if rx in (STATE_WEAPONS, NATION_FORCES) and country is None:
                    continue  # 'shelling', 'rebel forces' alone say nothing of whose
                if rx is NATION_FORCES and any(a <= base + m.start() < b for _, (a, b), _ in found):
                    continue  # the 'forces' of 'security forces', found already
                name, span = f"{kind} Forces of {country or cn}", (base + m.start(), base + m.end())
                if rx is STATE_WEAPONS:
                    self.weapons.append((name, span))
                else:
                    found.append((name, span, bool(_WEAK_FORCE.fullmatch(m.group()))))
                    partner = _coordinated_nation(text, m.start(), nation) if country else None
                    if partner and partner[0] != country:  # 'Kyrgyz and Tajik border guards'
                        found.append((f"{kind} Forces of {partner[0]}",
                                      (base + partner[1][0], base + partner[1][1]), False))
        for m in _STATE_STRIKES.finditer(text) if nation else ():
            country = nation(m.group(1), True)  # 'Russia shelled Nikopol': a state by its name
            if country and (country == m.group(1) or m.group(1).isupper()) \
                    and _SUBJECT_START.search(text, 0, m.start(1)):  # not 'a bomb in Iraq killed'
                found.append((f"Military Forces of {country}", (base + m.start(1), base + m.end(1)), False))
        for m in _STATE_CLASH.finditer(text) if nation else ():  # 'a clash between Tajikistan and Kyrgyzstan'
            sides = [(nation(m.group(k), True), m.span(k)) for k in ("a", "b")]
            if all(c for c, _ in sides) and sides[0][0] != sides[1][0]:
                found += [(f"Military Forces of {c}", (base + a, base + b), False) for c, (a, b) in sides]
        for g in groups:
            if g.actor.kind == "state_force" and _in_mention(text, base, g) \
                    and not _only_speaks(text, g.end - base):
                found.append((g.actor.canonical, (g.start, g.end), False))
        found.sort(key=lambda f: f[1][0])
        self.found = found

    def opposed(self):
        """The first force named and the first of another country after it, when the text names
        two states' forces ('Tajik border guards fired on Kyrgyz border guards')."""
        national = [f for f in self.found if " Forces of " in f[0]]  # not 'Azov', 'Wagner'
        if not national:
            return None
        first = national[0]
        country = first[0].split(" of ", 1)[1]
        other = next((f for f in national[1:] if f[0].split(" of ", 1)[1] != country), None)
        return ((first[0], first[1]), (other[0], other[1])) if other else None

    def wielding(self):
        """The first state named by its weapon or operation ('Russian shelling'): the doer."""
        return self.weapons[0] if self.weapons else None

    def first(self, arrest: bool = False, besides: str | None = None):
        """The force that acts or is hit: a force of the event's country before a foreign one
        ('US and Nigerien soldiers' in Niger), a specific noun before 'officers'; police
        before soldiers for arrests; none named `besides`."""
        named = [f for f in self.found if f[0] != besides]
        if not named:
            return None
        pool = [f for f in named if not f[2]] or named
        if arrest:
            pool = [f for f in pool if f[0].startswith("Police")] or pool
        home = [f for f in pool if f[0].endswith(f" of {self.cn}")]
        name, span, _ = (home or pool)[0]
        return self._with_soldiers(name, span)

    def _with_soldiers(self, name: str, span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
        """'police officers and soldiers', 'policemen and troops': one side of mixed forces is
        the military (the police serve beside it)."""
        if not name.startswith("Police Forces of "):
            return name, span
        army = name.replace("Police Forces of ", "Military Forces of ", 1)
        for other, (start, end), _ in self.found:
            between = self.text[span[1] - self.base:start - self.base] if start >= span[1] else None
            if other == army and between is not None and _JOINED_FORCES.fullmatch(between):
                return other, (start, end)
        return name, span


def _nation_before(text: str, at: int, nation: Nation | None) -> str | None:
    """The country named right before a force word: 'Nigerien soldiers', 'Syria's army',
    'US special troops', 'the Sudanese Armed Forces' (NER-free: capitalised words only)."""
    if nation is None:
        return None
    m = _NATION_WORDS.search(text, max(0, at - 60), at)
    if not m:
        return None
    words, possessive = m.group(1).split(), bool(m.group(2))
    for i in range(len(words)):  # 'South Sudanese' before 'Sudanese'
        country = nation(" ".join(words[i:]), possessive)
        if country:
            return country
    return None


def _coordinated_nation(text: str, at: int, nation: Nation | None):
    """The first of two nationalities joined before one force noun ('Kyrgyz and Tajik border
    guards'), with its span in `text`: each names its own country's forces."""
    m = _NATION_WORDS.search(text, max(0, at - 60), at)
    if nation is None or not m:
        return None
    joined = _JOINED_NATION.search(text, max(0, m.start(1) - 40), m.start(1))
    country = nation(joined.group(1), False) if joined else None
    return (country, joined.span(1)) if country else None


_JOINED_NATION = re.compile(r"([A-Z][\w.\-]*)\s+and\s+$")


# 'Fulani herders', 'Nuer youths': a people's armed men, named by their people
_ETHNIC_MILITIA = re.compile(rf"\b(?-i:(?P<people>{lexicons.alternation('ethnic_militia_peoples')}))\s+"
                             rf"{lexicons.alternation('ethnic_militia_nouns')}\b", re.I)


def _ethnic_militia(text: str, base: int, cn: str):
    """The ethnic militia ACLED names by its people ('Fulani herders killed 20 farmers' →
    Fulani Ethnic Militia (Nigeria)), when those men do the violence, not suffer it."""
    for m in _ETHNIC_MILITIA.finditer(text):
        found = (f"{m.group('people')} Ethnic Militia ({cn})", (base + m.start(), base + m.end()))
        if not _SPEAKS.match(text, m.end()) and _acts(text, base, found):
            return found
    return None


def _first(text: str, base: int, rx: re.Pattern, name: str):
    """The first mention of an actor that is not only the source ('police said')."""
    for m in rx.finditer(text):
        if not _SPEAKS.match(text, m.end()):
            return name, (base + m.start(), base + m.end())
    return None


# 'Israeli raid', 'Russian shelling': weapons and operations of states, named by nationality
STATE_WEAPONS = _words("state_weapon_words")
NATION_FORCES = _words("nation_force_nouns")  # 'Pakistani forces': a state's by its nationality
_WEAK_FORCE = re.compile(lexicons.alternation("weak_force_words"), re.I)  # police or soldiers
# a force only posted where a crowd is ('thousands of police and paramilitaries deployed.')
_ON_STANDBY = re.compile(rf"(?:\s+(?:and\s+)?[\w-]+){{0,3}}?\s+(?:{lexicons.pattern('role_victim_aux')}\s+)?"
                         rf"{lexicons.pattern('role_standby_words')}"
                         rf"(?=\s*(?:[.,;]|$|\s+{lexicons.pattern('role_standby_places')}\b))", re.I)
_NOT_FORCE = re.compile(rf"\s+{lexicons.pattern('role_not_force_after')}\b", re.I)
_NATION_WORDS = re.compile(
    r"((?:[A-Z][\w.\-]*\s+){0,2}[A-Z][\w.\-]*?)(['’]s)?\s+"
    rf"(?:{lexicons.alternation('role_force_modifiers')}\s+)?$")
_STATE = r"(?-i:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)"
_SUBJECT_START = re.compile(r"(?:^|[.,;:\"“(]\s*|\b(?i:the)\s+)$")  # a clause's subject starts here
_STATE_STRIKES = re.compile(rf"\b(?-i:([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?))\s+(?:has\s+|have\s+|had\s+)?"
                            rf"{lexicons.pattern('role_striking_verbs')}\b")
_STATE_CLASH = re.compile(rf"\b{lexicons.pattern('role_state_clash')}\s+(?:the\s+)?(?P<a>{_STATE})\s+and\s+"
                          rf"(?:the\s+)?(?P<b>{_STATE})", re.I)
# a fight told as mutual: the order of the sides is the only clue of who began it
_MUTUAL = re.compile(rf"\b{lexicons.pattern('role_mutual_fight_words')}\b", re.I)
_SPEAKS = re.compile(rf"\s+{lexicons.pattern('role_source_verbs')}\b", re.I)
# a force that reports its own act is its doer: 'the Israeli army said it detained 20 men'
_SAID_IT_DID = re.compile(rf"\s+{lexicons.pattern('role_source_verbs')}\s+(?:that\s+)?"
                          rf"(?:it|they|its\s+[\w-]+|their\s+[\w-]+)\s+(?:had\s+|have\s+)?"
                          rf"(?:{lexicons.pattern('arrest_triggers')}|{lexicons.pattern('role_striking_verbs')})\b", re.I)


def _only_speaks(text: str, at: int) -> bool:
    """The actor ending at `at` is only the source ('police said'), not the doer who
    reports its own act ('the army said it detained …')."""
    return bool(_SPEAKS.match(text, at)) and not _SAID_IT_DID.match(text, at)
# an actor that is the object of the violence ('an ambush on troops', 'soldiers were killed')
_VICTIM_BEFORE = re.compile(rf"\b{lexicons.pattern('role_victim_before')}\s+(?:the\s+)?(?:\w+\s+){{0,2}}"
                            rf"(?:{lexicons.alternation('group_member_nouns')}\s+of\s+(?:the\s+)?)?$", re.I)
_VICTIM_AFTER = re.compile(rf"(?:\s+\w+){{0,2}}\s+{lexicons.pattern('role_victim_aux')}\s+"
                           rf"(?:\w+\s+)?{lexicons.pattern('role_victim_verbs')}", re.I)


# who began a fight with state forces: the ones named as striking, else the assailants
_AMBUSH = re.compile(r"\bambush\w*", re.I)
_ASSAILED = re.compile(rf"\b{lexicons.pattern('role_assault_words')}\b", re.I)
_OPERATION = re.compile(rf"\b{lexicons.pattern('role_operation_words')}\b", re.I)
_STATE_OPERATION = re.compile(rf"\b{lexicons.pattern('role_state_operation_words')}\b", re.I)
_HARMED = re.compile(rf"\b(?:{lexicons.pattern('role_victim_verbs')}|{lexicons.pattern('casualty_killing_cues')}|"
                     rf"{lexicons.pattern('casualty_injuring_cues')})\b", re.I)  # people killed or hurt
_STRIKES = re.compile(rf"(?:\s+\w+){{0,2}}\s+{lexicons.pattern('role_striking_verbs')}\b", re.I)
_AIRCRAFT_AFTER = re.compile(rf"[\w'’ -]{{0,20}}?\b{lexicons.pattern('role_aircraft_words')}\b")


def _acts(text: str, base: int, found) -> bool:
    """Whether an actor found in the text is the initiator rather than the victim."""
    lo, hi = found[1][0] - base, found[1][1] - base
    return not _VICTIM_BEFORE.search(text[:lo]) and not _VICTIM_AFTER.match(text, hi)


def _strikes(text: str, base: int, found) -> bool:
    """The actor is the subject of a violent verb ('soldiers killed …', 'police raided …')."""
    end = found[1][1] - base
    return _acts(text, base, found) and bool(_STRIKES.match(text, end) or _SAID_IT_DID.match(text, end))


def _agent_before(text: str, base: int, found) -> bool:
    """Whether the found actor follows an agent cue ('killed by police')."""
    if not found or not found[1]:
        return False
    return bool(AGENT_AFTER.search(text[: max(0, found[1][0] - base)]))


def _agent_of(text: str, base: int, found) -> bool:
    """Whether the found actor, with the nationality before it, follows an agent cue
    ('shot by Azerbaijani troops', 'fire from Tajik border guards')."""
    if not found or not found[1]:
        return False
    lo = max(0, found[1][0] - base)
    nationality = _NATION_WORDS.search(text, max(0, lo - 60), lo)
    lo = nationality.start() if nationality else lo
    return bool(AGENT_AFTER.search(text[:lo]))


CROWD_SIDE = _words("crowd_side_words")


def crowd_fight(text: str, mentions: list) -> bool:
    """A fight whose sides are a crowd and state forces, with no armed group, gunmen or
    weapon of war named ('supporters of the party clashed with police'): a riot, not a battle."""
    words = [text[m.start:m.end] for m in mentions]
    crowd = any(rx.search(w) for w in words for rx in (PROTESTERS, RIOTERS, CROWD_SIDE))
    force = any(rx.search(w) for w in words for rx in (POLICE, MILITARY))
    armed = any(g.actor.kind == "armed_group" for m in mentions for g in m.groups) or \
        any(UNIDENTIFIED.search(w) or STATE_WEAPONS.search(w) for w in words)
    return crowd and force and not armed


MOB_DOERS = _words("mob_doer_words")
_HEDGES = frozenset(lexicons.words("armed_men_hedges"))


def mob_attack(text: str, mentions: list) -> bool:
    """Unarmed people who strike ('angry villagers lynched two thieves', 'a mob torched
    shops') with no armed group, gunmen or force acting: mob violence, not an armed attack."""
    for m in mentions:
        words = text[m.start:m.end]
        if any(g.actor.kind == "armed_group" for g in m.groups) or any(
                w.group().lower() not in _HEDGES for w in UNIDENTIFIED.finditer(words)):
            return False  # 'suspected thieves' are no armed side; 'suspected gunmen' are
        doers = [w for rx in (RIOTERS, MOB_DOERS) for w in rx.finditer(words)]
        if any(_strikes(words, 0, (None, (w.start(), w.end()))) for w in doers):
            return not any(_strikes(words, 0, (None, (f.start(), f.end())))
                           for rx in (POLICE, MILITARY) for f in rx.finditer(words))
    return False


def arrested_person(doc, mentions: list):
    """The person an arrest is told of by name right after its trigger ('police arrested
    opposition leader Juan Perez', 'the capture of Salah Abdeslam'), as (name, span)."""
    # the article's people, titles stripped and surnames joined ('Bishop Rolando Álvarez',
    # later 'Álvarez'), else the model's names
    people = sorted((x.start, x.end, e.canonical) for e in doc.entities if e.type == "PERSON"
                    for x in e.mentions) or \
        [(n.start, n.end, n.text.strip()) for n in doc.names if n.label == "PERSON"]
    for m in mentions:
        after = m.trigger[1]
        for start, end, name in people:
            if after <= start < min(m.end, after + _ARREST_REACH) \
                    and not _NAME_BREAK.search(doc.text, after, start) \
                    and not _AT_PLACE.search(doc.text, max(0, start - 12), start):
                return name, (start, end)
        titled = _TITLED_NAME.match(doc.text, after)  # a name the model missed, by its title
        if titled and titled.end() <= m.end:
            return titled.group(1), titled.span(1)
    return _titled_detainee(doc, mentions)


def _titled_detainee(doc, mentions: list):
    """'Police detained a bishop critical of the government … Bishop Rolando Alvarez': the
    detainee named only by an office, and the one person the article gives that title."""
    for m in mentions:
        after = m.trigger[1]
        reach = doc.text[after:min(m.end, after + _ARREST_REACH)]
        office = _OFFICE.search(reach)
        if office is None or _NAME_BREAK.search(reach, 0, office.start()):
            continue
        title = re.escape(office.group(1))
        named = {n.group(1): n.span(1) for n in re.finditer(
            rf"\b(?-i:{title[0].upper()}){title[1:]}\s+((?-i:[A-Z][\w'’\-]+)(?:\s+(?-i:[A-Z][\w'’\-]+)){{0,2}})",
            doc.text, re.I)}
        if len(named) == 1:
            return next(iter(named.items()))
    return None


_TITLED_NAME = re.compile(rf"\s+(?:[a-z]+\s+){{0,2}}?(?=[A-Z])(?:{lexicons.alternation('titles')})\s+"
                          r"((?-i:[A-Z][\w'’\-]+)(?:\s+(?-i:[A-Z][\w'’\-]+)){1,2})\b")
_ARREST_REACH = 60  # characters between 'arrested' and the name: a title and a phrase at most
# an office written in lower case after the arrest ('detained a Catholic bishop'): a detainee
_OFFICE = re.compile(r"\b(?-i:(" + "|".join(
    re.escape(t.lower()) for t in lexicons.words("titles") if t[:1].isupper()) + r"))\b")
# 'detained 11 staff in Sanaa': a name after 'in', 'at' is where, not who (the model may call it a person)
_AT_PLACE = re.compile(rf"\b(?:{lexicons.alternation('locative_words')}|{lexicons.pattern('near_place_cues')})\s+$", re.I)
_NAME_BREAK = re.compile(rf"[.;:,]|\b{lexicons.pattern('role_name_breaks')}\b", re.I)


# ---- one incident, told over several sentences -----------------------------------------------
def event_roles(text: str, mentions: list, event_type: str, sub_type: str,
                country_name: str | None, gazetteer=None, actors: list = ()) -> Roles:
    """actor1 and actor2 of an incident from its mentions (objects with `start`, `end` and
    `groups`, article offsets): each side as the first sentence that names it (a headline may
    name neither), a state force hit at its post ('a bomb at a police checkpoint') before
    the people of another sentence, and the first sentence's defaults otherwise."""
    groups = [g for m in mentions for g in m.groups if attributed(text, g)]
    nation = _nation_resolver(gazetteer)
    if country_name is None and gazetteer is not None:  # no place: the named group's country
        home = next((g.actor.country for g in groups if g.actor.kind == "armed_group" and g.actor.country), None)
        country_name = gazetteer.country_name(home) if home else None
    mutual = not any(_ASSAILED.search(text[m.start:m.end]) for m in mentions)
    told = [assign_roles(text[m.start:m.end], m.start, event_type, sub_type, groups,
                         country_name, nation, mutual) for m in mentions]
    # the first sentence that names the doer, else the first whose reading gives one ('the attack
    # killed nine policemen': their attackers) over a first that gives none ('18 were killed')
    one = next((r for r in told if r.span1), next((r for r in told if r.actor1), told[0]))
    two = next((r for r in told if r.span2 and r.actor2 != one.actor1), told[0])
    if event_type in ("Explosions/Remote violence", "Battles") and two.actor2 != one.actor1:
        posted = _force_at_post(text, mentions, country_name or "Unknown", nation, groups)
        two = posted if posted and posted.actor2 != one.actor1 else two
    communal = (one.actor1 or "").startswith("Communal Militia")  # both sides share the name
    actor2 = two.actor2 if two.actor2 != one.actor1 or communal else None
    roles = Roles(one.actor1, actor2, one.span1, two.span2 if actor2 else None)
    if event_type in ("Protests", "Riots"):
        roles = _police_over_security_forces(text, roles, told)
    return _named_by_anaphora(text, roles, actors)


def _police_over_security_forces(text: str, roles: Roles, told: list[Roles]) -> Roles:
    """'Security forces clashed with protesters … police and gendarmes fired tear gas': at a
    crowd, the generic 'security forces' are the police that another sentence of the same
    incident names."""
    first = roles.actor1 and roles.actor1.startswith("Military Forces of ")
    name, span = (roles.actor1, roles.span1) if first else (roles.actor2, roles.span2)
    if not (name and name.startswith("Military Forces of ") and span
            and _GENERIC_FORCE.search(text[span[0]:span[1]])):
        return roles
    police = name.replace("Military Forces of ", "Police Forces of ", 1)
    named = next(((a, sp) for r in told for a, sp in ((r.actor1, r.span1), (r.actor2, r.span2))
                  if a == police and sp), None)
    if named is None:
        return roles
    return replace(roles, actor1=police, span1=named[1]) if first else \
        replace(roles, actor2=police, span2=named[1])


_GENERIC_FORCE = re.compile(rf"\b{lexicons.alternation('generic_force_words')}$", re.I)  # 'Guinean security forces'


def _named_by_anaphora(text: str, roles: Roles, actors: list) -> Roles:
    """'Taliban insurgents attacked four districts … The insurgents killed 14 police': a side
    named only 'the insurgents' is the armed group named last before it (actor matches of the
    article, within a few paragraphs) that the text makes a doer."""
    sides = {}
    for key, name, span in (("1", roles.actor1, roles.span1), ("2", roles.actor2, roles.span2)):
        if not (name or "").startswith("Unidentified Armed Group") or not span \
                or not _ANAPHOR.search(text[max(0, span[0] - 5):span[1]]):
            continue
        before = [a for a in actors if a.actor.kind == "armed_group" and a.end <= span[0]
                  and span[0] - a.start <= _ANAPHOR_REACH and attributed(text, a)]
        if before:
            sides[key] = before[-1]
    if not sides:
        return roles
    one, two = sides.get("1"), sides.get("2")
    return Roles(one.actor.canonical if one else roles.actor1, two.actor.canonical if two else roles.actor2,
                 (one.start, one.end) if one else roles.span1, (two.start, two.end) if two else roles.span2)


_ANAPHOR = re.compile(rf"\bthe\s+{lexicons.alternation('role_group_anaphora')}$", re.I)
_ANAPHOR_REACH = 1500  # characters back to the group's name: the few paragraphs before


# the target is a force where the blow falls on its post or its men on duty
_AT_POST = re.compile(
    rf"\b{lexicons.pattern('role_post_cues')}\s+(?:an?|the)?\s*(?:[A-Z][\w\-]*\s+)?(?P<force>"
    rf"{lexicons.pattern('role_post_force_heads')}\s+{lexicons.pattern('role_post_nouns')}|{lexicons.pattern('role_forces_on_duty')})\b",
    re.I)


def _force_at_post(text: str, mentions: list, cn: str, nation, groups) -> Roles | None:
    for m in mentions:
        words = text[m.start:m.end]
        hit = _AT_POST.search(words)
        if not hit:
            continue
        forces = _Forces(words[hit.start("force"):], m.start + hit.start("force"), cn, nation, groups)
        force = forces.first()
        if force:
            return Roles(None, force[0], None, force[1])
    return None


def _nation_resolver(gazetteer) -> Nation | None:
    """'Russian' → 'Russia' by the gazetteer's demonyms and written acronyms ('US', 'UK'), a
    country name only as a possessive ('Chad's army'): a place before a noun is where, not
    whose ('West Bank raid'), and 'AU' or 'IS' are more often the African Union and the
    Islamic State than Australia and Iceland."""
    if gazetteer is None or not hasattr(gazetteer, "country_code"):
        return None
    from ..places.gazetteer import ACRONYMS, DEMONYMS, name_key

    demonyms = {name_key(d) for d in DEMONYMS}

    def nation(words: str, possessive: bool) -> str | None:
        if not (possessive or words in ACRONYMS or name_key(words) in demonyms
                or name_key(words).rstrip("s") in demonyms):
            return None
        code = gazetteer.country_code(words)
        return gazetteer.country_name(code) if code else None
    return nation


# ---- responsibility claimed in a sentence of its own -----------------------------------------
# 'claimed responsibility', 'took credit', 'claimed the attack'
CLAIMED = _CLAIMED = re.compile(
    rf"\b{lexicons.pattern('role_claim_verbs')}\s+(?:the\s+)?{lexicons.pattern('role_claim_objects')}\b|"
    rf"\bclaimed\s+{lexicons.pattern('role_claimed_determiners')}\s+(?:\w+\s+)?"
    rf"{lexicons.pattern('role_claimed_attacks')}\b", re.I)


def claimed_by(doc, events: list) -> None:
    """'Three bombs hit the market. … The Islamic State claimed responsibility.': a named
    armed group that claims an attack in a sentence of its own is actor1 of the unattributed
    incidents told in the four sentences up to it."""
    for i, sent in enumerate(doc.sentences):
        claim = _CLAIMED.search(sent.text)
        if not claim:
            continue
        group = next((a for a in doc.actors if sent.start <= a.start < sent.start + claim.start()
                      and a.actor.kind == "armed_group"), None)
        if group is None:
            continue
        lo = doc.sentences[max(0, i - 4)].start
        told = [e for e in events if lo <= min(s.start for s in e.evidence) <= sent.end]
        # a claim of 'the attacks' in the lead covers the same day's attacks told after it
        days = {e.event_date for e in told if e.event_date} | _lead_days(doc, sent.end) \
            if i <= _LEAD_SENTENCES else set()
        later = [e for e in events if min(s.start for s in e.evidence) > sent.end
                 and e.event_date in days]
        for e in told + later:
            if (e.actor1 or "").startswith("Unidentified Armed Group"):
                e.actor1 = group.actor.canonical
                e.provenance["actor1"] = [group.start, group.end]


_LEAD_SENTENCES = 3  # the headline and the first sentences: a claim there speaks for the story


def _lead_days(doc, end: int) -> set[str]:
    """The days the lead names up to a claim ('… killed 34 people on Tuesday 22 March. Isis
    claimed the attacks'): the attacks it claims are those of these days, though the lead's
    own summary is no event."""
    return {t.date for t in doc.dates if t.end <= end and t.precision == "day" and t.date
            and t.kind != "header"}


def held_by_siblings(doc, events: list) -> None:
    """'Police arrested 90 activists of the party across three districts. Arrests included 50
    in X, 25 in Y …': arrests shared out place by place are one round-up, so each holds the
    party that its own sentence, or the arrest sentence right before it, says was taken."""
    for e in events:
        if e.sub_event_type != "Arrests" or e.actor2 is not None:
            continue
        i = doc.sentence_at(min(s.start for s in e.evidence))
        before = doc.sentences[i - 1] if i > 0 else None
        if before is None or not _ARRESTED.search(before.text):
            continue
        held = next((a for a in doc.actors if before.start <= a.start and a.end <= before.end
                     and a.actor.kind in _HELD_KINDS), None)
        if held:
            e.actor2 = held.actor.canonical
            e.provenance["actor2"] = [held.start, held.end]


_ARRESTED = re.compile(rf"\b{lexicons.pattern('arrest_triggers')}\b", re.I)


def attacker_by_siblings(events: list) -> None:
    """'Armed men set alight vehicles in Tecate, Tijuana and Mexicali. … set ablaze by
    CJNG-affiliated criminals': incidents told together in one sentence, place by place, are
    one wave by the same hand, so a group named for one of them is the attacker of those whose
    attacker is unidentified (when no other group is named for any)."""
    by_sentence: dict[tuple[int, str], list] = {}
    for e in events:
        by_sentence.setdefault((min(s.start for s in e.evidence), e.sub_event_type), []).append(e)
    for told in by_sentence.values():
        named = {e.actor1 for e in told if e.actor1 and not e.actor1.startswith("Unidentified")}
        if len(told) < 2 or len(named) != 1:
            continue
        source = next(e for e in told if e.actor1 in named)
        for e in told:
            if (e.actor1 or "").startswith("Unidentified"):
                e.actor1 = source.actor1
                if "actor1" in source.provenance:
                    e.provenance["actor1"] = source.provenance["actor1"]
