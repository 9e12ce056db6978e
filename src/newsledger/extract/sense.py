"""Whether a typed mention reports a real incident: the sense of its trigger in context.

`classify` (taxonomy.py) types the words of a mention; this module decides whether they tell
violence, unrest or a political arrest at all, and says why (`Verdict.sense`, shown as the
event's `reason`). Everyday senses of trigger words are the main source of invented events
on general news: 'the senator attacked the governor', 'a three-run blast', 'a campaign
rally', 'three siblings died of bird flu'. The rules, in order:

1. a death or harm with a non-violent cause (disease, self-harm, animals, disasters) is none;
2. a struggle named as a cause ('the fight against terrorism') is masked;
3. triggers under a hedge ('could attack', 'threatened to kill', 'plans to march') or in a
   clause of prevention ('stopped from marching') are dropped ('took to the streets to
   protest' is a purpose fulfilled);
4. an unambiguous trigger ('ambushed', 'beheaded', 'rioters') stands on its own;
5. a trigger with everyday senses needs an armed agent or weapon in the same words, or an
   article whose frame is conflict (not sport, health, disaster, elections or markets); a death alone
   ('died', 'bodies') needs a weapon, or a toll or an armed agent in a conflict story;
6. talk about violence (talks, truces, trials, anniversaries) needs a toll of its own;
7. politicians who attack or battle with no weapon, armed agent or toll trade words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicons
from .casualties import find_counts
from .first_chars import compile_guarded
from .taxonomy import (ACCIDENT, AIR_ATTACK, ARREST_PROTEST, BOMB, DISASTER, DISRUPTED, PROTEST, STRONG, TRIGGER,
                       EventKind, lexicon_rx)

ARMED_AGENTS = lexicon_rx("armed_agents")
WEAPONS = lexicon_rx("weapons")
CRUDE_WEAPONS = lexicon_rx("crude_weapons")  # a cue beside a fight, not a sign of a conflict story
NONVIOLENT_CAUSE = lexicon_rx("nonviolent_causes")
ANIMALS = lexicon_rx("animal_words")
ANIMAL_COMPOUNDS = lexicon_rx("animal_compounds")  # 'a cattle camp': a place, not animals harmed
TALK = lexicon_rx("talk_words")
STRUGGLE = lexicon_rx("struggle_phrases")
EVERYDAY = lexicon_rx("everyday_senses")
COMPARISON = lexicon_rx("comparison_references")
POLITICAL_DETAINEES = lexicon_rx("political_detainees")
POLITICAL_ROLES = lexicon_rx("political_roles")
CRIMINAL_DETAINEES = lexicon_rx("criminal_detainees")
SELF_HARM = lexicon_rx("self_harm")
POLICE = lexicon_rx("police_words")
INSTRUMENTS = re.compile(lexicons.pattern("instrument_words"), re.IGNORECASE)
AGREEMENT_ACTS = lexicon_rx("agreement_acts")
RELIEF = lexicon_rx("relief_words")
DEATH_ONLY = re.compile("(?:" + "|".join(lexicons.words("death_words")) + ")", re.IGNORECASE)
# 'the capture in the city of Salah Abdeslam': an arrest noun with the person named
_NAMED_DETAINEE = re.compile(r"\w+(?:\s+[\w’']+){0,5}?\s+of\s+(?:[A-Z][\w’'-]+\s+){1,3}", re.UNICODE)
# ground left: a place given up ('withdrew from Gao', 'handed over control')
_HANDED_OVER = re.compile(rf"\b{lexicons.pattern('handover_verbs')}\s+(?:\w+\s+){{0,3}}?"
                          r"(?:from|of|control)\b", re.IGNORECASE)
# a verb with a doer: an armed agent beside it killed, not merely died
_INFLICTED = lexicon_rx("inflicting_verbs")
_PROTEST_SENSES = lexicons.mapping("protest_senses")
WEAK_PROTEST = re.compile(r"\b(?:" + "|".join(_PROTEST_SENSES["weak"]) + r")\b", re.IGNORECASE)
PROTEST_CONTEXT = re.compile(r"(?:" + "|".join(_PROTEST_SENSES["context"]) + r")\b", re.IGNORECASE)
# a hedge in the few words before a trigger ('could attack', 'threatened to kill')
MODAL = re.compile(r"\b(?:" + "|".join(lexicons.words("modality_cues")) + r")\s+(?:\S+\s+){0,2}$",
                   re.IGNORECASE)
HEDGING_VERBS = re.compile("(?:" + "|".join(lexicons.words("hedging_verbs")) + ")", re.IGNORECASE)
FRAMES = {name: compile_guarded(r"\b(?:" + "|".join(map(str, words)) + r")\b", re.IGNORECASE)
          for name, words in lexicons.mapping("frame_words").items()}
# 'the protest camp', 'a protest vote': a protest word naming a thing
_PROTEST_COMPOUND = re.compile(rf"[ \t]+{lexicons.alternation('protest_compound_heads')}\b", re.IGNORECASE)
# 'were stopped from marching to the capital for a rally': prevented, in the clause that
# tells it ('blocked villagers from fleeing and shot dead two farmers': the shooting happened)
_PREVENTED = re.compile(rf"\b{lexicons.pattern('prevention_phrases')}\s+\w+ing\b(?:(?!\b(?:and|but)\b)[^,;:])*$",
                        re.IGNORECASE)
_PREVENTED_HERE = re.compile(rf"\b{lexicons.pattern('prevention_phrases')}\s+$", re.IGNORECASE)
# 'took to the streets to protest': the purpose of a crowd's act, not a hedge
_PURPOSE_ACT = re.compile(rf"\b{lexicons.pattern('protest_purpose_acts')}\s+to\s+$", re.IGNORECASE)
# 'a demonstration of', 'demonstrated that', 'demonstrating her skill': to show, not to protest
_SHOW = re.compile(rf"\bdemonstrat(?:ed|es|ing|e|ion)\s+{lexicons.pattern('show_sense_followers')}\b", re.IGNORECASE)


QUIET_WORDS = 150  # a story this long with no armed agent, weapon or strong trigger is general news


@dataclass(frozen=True)
class Frame:
    """What an article is about: `conflict`, or the frame whose words outnumber its conflict words."""
    name: str
    conflict: int
    other: int

    @property
    def open(self) -> bool:
        """Whether a trigger may keep its violent sense without a cue beside it: in a conflict
        story, or one with no frame at all (a short wire item)."""
        return self.name in ("conflict", "none")


@dataclass(frozen=True)
class Verdict:
    trigger: str  # the trigger word kept
    sense: str    # what decided its sense, in a few words


def doc_frame(doc) -> Frame:
    """The frame of a Doc's text, read once: the screen asks it, then the events stage."""
    if doc.frame is None:
        doc.frame = article_frame(doc.text)
    return doc.frame


def article_frame(text: str) -> Frame:
    """Conflict when the article's armed agents (police aside), weapons and unambiguous
    triggers are at least half as many as the words of its strongest other frame, or when its
    first line (the headline, or the lead) tells violence: an unambiguous trigger or people
    killed ('71 killed in clashes after football match': a riot story, however many words of
    sport it holds)."""
    agents = len(ARMED_AGENTS.findall(text)) - len(POLICE.findall(text))
    conflict = max(0, agents) + len(WEAPONS.findall(text)) + len(STRONG.findall(text))
    counts = {name: len(rx.findall(text)) for name, rx in FRAMES.items()}
    counts["disaster"] = len(DISASTER.findall(text))  # a quake's or a storm's toll is no attack
    name, other = max(counts.items(), key=lambda kv: kv[1], default=("none", 0))
    if conflict >= 1 and (2 * conflict >= other or _violent_lead(text)):
        return Frame("conflict", conflict, other)
    if other < 3 and conflict == 0 and len(text.split()) >= QUIET_WORDS:
        return Frame("general", conflict, other)  # a long story with no word of violence at all
    return Frame(name if other >= 3 else "none", conflict, other)  # a frame needs some words


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z\"“])")


def _violent_lead(text: str) -> bool:
    # the headline, or the lead sentence of a text with no line breaks (not the whole story)
    lead = _SENTENCE_END.split(text.lstrip().split("\n", 1)[0], 1)[0]
    if _nonviolent_cause(lead):
        return False
    if any(not hedged(lead, m.start()) for m in STRONG.finditer(lead)):
        return True
    return any(c.kind == "killed" and c.value > 0 for c in find_counts(lead))


def judge(words: str, kind: EventKind, frame: Frame, armed_names: list[str] = (),
          toll: bool = False, none_hurt: bool = False) -> Verdict | None:
    """A verdict when the words of a mention (typed `kind`) tell a real incident, else None.
    `armed_names` are the armed groups and state forces the actor dictionary found in them;
    `toll` whether they give a count of victims, `none_hurt` whether they say no one was hurt
    (news of an incident told before, though its trigger is negated)."""
    if _nonviolent_cause(words):
        return None
    masked = everyday_masked(words)
    live = _unhedged(masked)
    if not live:
        return Verdict("no one hurt", "a nil toll") if none_hurt else None
    if kind.event_type == "Protests" or kind.sub_event_type == "Violent demonstration":
        verdict = _protest_verdict(masked, live)
        if verdict is not None or kind.event_type == "Protests":
            return verdict
    if kind.sub_event_type == "Arrests":
        return _arrest_verdict(masked, live, frame, armed_names)
    if kind.sub_event_type == "Agreement":
        return _agreement_verdict(masked, live, armed_names)
    if kind.sub_event_type == "Change to group/activity" and (RELIEF.search(masked) or not (
            _armed_cue(masked, armed_names, []) and not TALK.search(masked))):
        return None  # 'the council was formed', a unit formed at a parade, a field hospital set up
    if kind.sub_event_type == "Non-violent transfer of territory" and not (
            _HANDED_OVER.search(masked) and _armed_cue(masked, armed_names, live)):
        return None  # 'until the National Guard was withdrawn': no ground changed hands
    if kind.sub_event_type == "Disrupted weapons use" and frame.open and _explosive_found(masked):
        return Verdict(_explosive_found(masked), "explosives found or defused")
    strong = [m for m in STRONG.finditer(masked) if not hedged(masked, m.start())
              and not WEAK_PROTEST.fullmatch(m.group())]
    talk = _talk(masked)
    if strong and not (talk and not toll):
        return Verdict(strong[0].group(), "unambiguous trigger")
    cue = _armed_cue(masked, armed_names, live, police=frame.open)
    doers = [m for m in live if not DEATH_ONLY.fullmatch(m.group()) and not INSTRUMENTS.fullmatch(m.group())]
    trigger = (doers or live)[0].group()
    if talk and not toll:
        return None  # talks, truces, trials: violence named, not told
    if cue and (doers or cue.startswith("weapon") or _air_struck(masked, kind)):
        return Verdict(trigger, cue)
    if POLITICAL_ROLES.search(masked) and not toll:
        return None  # 'the senator attacked the governor': words between politicians
    # a death alone ('two bodies were found') is violence only in a conflict story
    if frame.open and (doers or frame.name == "conflict" and (toll or cue and cue.startswith("weapon"))):
        return Verdict(trigger, f"violence word, in a {frame.name} story")
    return None


def _explosive_found(words: str) -> str | None:
    """The words that tell a bomb, mine or grenade found, seized or defused ('a bomb has been
    found near his home'), or an attack foiled: the act, though no one wielded a weapon. Guns
    found are not enough (a police search in any crime story finds one)."""
    found = DISRUPTED.search(words)
    if found and (BOMB.search(found.group()) or _STOPPED.fullmatch(found.group())):
        return found.group()
    return None


_STOPPED = lexicon_rx("disruption_words")  # 'defused', 'foiled a plot', 'bomb squad'


def _talk(words: str) -> bool:
    """Talks, truces or trials named other than as the setting of the violence told ('seized
    the oil fields ahead of peace talks', 'despite the truce')."""
    return any(not _TALK_SETTING.search(words, max(0, m.start() - 50), m.start()) for m in TALK.finditer(words))


_TALK_SETTING = re.compile(rf"\b{lexicons.pattern('talk_setting_cues')}\s+(?:[\w.-]+\s+){{0,4}}?$", re.IGNORECASE)


def _air_struck(words: str, kind: EventKind) -> bool:
    """'Syrian warplanes destroyed the depot': an air force word is the instrument, and the
    verb of its strike, not a trigger, tells the act."""
    return kind.sub_event_type == "Air/drone strike" and bool(AIR_ATTACK.search(words))


def _unhedged(words: str) -> list[re.Match]:
    """Triggers not under a hedge; one joined by 'and'/'or' to a hedged one shares its hedge
    ('they will end up fighting and killing each other')."""
    live, prev = [], None
    for m in TRIGGER.finditer(words):
        joined = prev is not None and re.fullmatch(r"\s+(?:and|or)\s+", words[prev[0].end():m.start()])
        off = hedged(words, m.start()) or bool(joined and prev[1])
        if not off:
            live.append(m)
        prev = (m, off)
    return live


def everyday_masked(words: str) -> str:
    """The words with struggles, everyday senses and comparisons blanked (offsets kept)."""
    for rx in (STRUGGLE, EVERYDAY, COMPARISON):
        words = rx.sub(lambda m: " " * len(m.group()), words)
    return words


def hedged(text: str, at: int) -> bool:
    """A hedge, a negation or a purpose just before the trigger ('could attack', 'no protest',
    'troops sent to fight')."""
    before = re.sub(r"\bMay(?=\s+\d)", "   ", text[max(0, at - 40):at])  # the month, not the modal
    if MODAL.search(before):
        return True
    if purpose(text, at):
        return True
    if _PREVENTED.search(text, max(0, at - 100), at) or _PREVENTED_HERE.search(text, max(0, at - 40), at):
        return True  # 'stopped from marching … for a rally'; 'stopped from marching' itself
    # 'people are detained in overcrowded cells': a present passive tells a habit
    return bool(re.search(r"\bare\s+(?:being\s+|often\s+|routinely\s+)?$", before)
                and re.match(r"\w+ed\b", text[at:]))


# 'continue to detain', 'began to shell': the act itself, not a purpose
_ASPECTUAL = re.compile(rf"\b{lexicons.alternation('aspectual_verbs')}\s+to\s+$", re.IGNORECASE)


def purpose(text: str, at: int) -> bool:
    """'troops sent to fight': the trigger at `at` is a purpose, not what happened — unless
    it completes a crowd's act ('took to the streets to protest', 'gathered to protest')."""
    if not re.search(r"\bto\s+$", text[max(0, at - 4):at]) or _ASPECTUAL.search(text, max(0, at - 30), at):
        return False
    return not (PROTEST.match(text, at) and _PURPOSE_ACT.search(text, max(0, at - 80), at))


def _nonviolent_cause(words: str) -> bool:
    """Self-harm; deaths or harm from disease, disasters or accidents, or of animals, with no
    weapon, unambiguous trigger or armed agent that inflicted them in the same words."""
    if SELF_HARM.search(words):
        return True
    if not (NONVIOLENT_CAUSE.search(words) or ANIMALS.search(ANIMAL_COMPOUNDS.sub(" ", words))
            or DISASTER.search(words) or ACCIDENT.search(words)):
        return False
    if WEAPONS.search(words) or CRUDE_WEAPONS.search(words) or STRONG.search(words):
        return False
    agent = ARMED_AGENTS.search(words)
    return not (agent and _INFLICTED.search(words))


def _armed_cue(words: str, armed_names: list[str], triggers: list[re.Match],
               police: bool = True) -> str | None:
    """A weapon or an armed agent beside the triggers (not a trigger itself: 'bombs' alone is no
    cue for 'bombs'); police count only when `police` (in a conflict story)."""
    spans = [(t.start(), t.end()) for t in triggers]
    for rx, label in ((WEAPONS, "weapon"), (CRUDE_WEAPONS, "weapon"), (ARMED_AGENTS, "armed agent")):
        for m in rx.finditer(words):
            if any(a < m.end() and m.start() < b for a, b in spans):
                continue
            if not police and POLICE.fullmatch(m.group()):
                continue
            return f"{label} '{m.group()}'"
    if armed_names:
        return f"armed group '{armed_names[0]}'"
    return None


def _agreement_verdict(words: str, live: list[re.Match], armed_names: list[str]) -> Verdict | None:
    """An agreement by armed sides: a surrender or an exchange of prisoners, or a truce made
    ('rebels and government forces agreed a 48-hour ceasefire'), not hedged; talk of truces
    ('peace talks opened', 'a call for a ceasefire') and agreements between governments alone
    ('the two countries signed a trade deal') are no event."""
    act = next((m for m in AGREEMENT_ACTS.finditer(words) if not hedged(words, m.start())), None)
    if act is None and TALK.search(words):
        return None
    trigger = act or live[0]
    cue = _armed_cue(words, armed_names, [trigger])
    return Verdict(trigger.group(), f"agreement by armed sides, {cue}") if cue else None


def _protest_verdict(words: str, live: list[re.Match]) -> Verdict | None:
    """A protest word in its protest sense: an unambiguous one ('protesters', 'sit-in'), or a
    weak one ('rally', 'march', 'vigil') beside a word of protest ('against', 'slogans')."""
    for m in live:
        if not PROTEST.fullmatch(m.group()) and not STRONG.fullmatch(m.group()):
            continue
        if _SHOW.match(words, m.start()) or _PROTEST_COMPOUND.match(words, m.end()):
            continue  # 'demonstrated her skill', 'the protest camp'
        if not WEAK_PROTEST.fullmatch(m.group()):
            return Verdict(m.group(), "protest word")
        context = [c for c in PROTEST_CONTEXT.finditer(words) if c.start() != m.start()]
        if context:
            return Verdict(m.group(), f"protest context '{context[0].group()}'")
    return None


def _arrest_verdict(words: str, live: list[re.Match], frame: Frame,
                    armed_names: list[str]) -> Verdict | None:
    """A political arrest: of protesters, activists, militants or opposition figures, or any
    arrest in a conflict story; ordinary crime elsewhere is not coded."""
    trigger = live[0].group()
    who = POLITICAL_DETAINEES.search(words) or ARREST_PROTEST.search(words)  # '… who organise protests'
    if who:
        return Verdict(trigger, f"political detainee '{who.group()}'")
    if armed_names:
        return Verdict(trigger, f"armed group '{armed_names[0]}'")
    if CRIMINAL_DETAINEES.search(words):
        return None  # 'the two inmates have been captured': ordinary crime
    verbs = [m for m in live if re.search(r"(?:ed|up|custody)$", m.group(), re.I)
             or _NAMED_DETAINEE.match(words, m.start()) or _COUNTED_ARRESTS.match(words, m.start())]
    if frame.open and verbs:
        return Verdict(verbs[0].group(), f"arrest, in a {frame.name} story")
    return None


# 'arrests included 50 in Kisumu', 'the arrests of 40 people': arrests counted, told as done
_COUNTED_ARRESTS = re.compile(r"arrests\s+(?:\w+\s+){0,2}?\d+\b", re.IGNORECASE)


def hedged_in_parse(parsed, at: int) -> bool:
    """From the dependency parse of the sentence (when it has one): the verb that governs the
    trigger at character `at` has a modal or a negation ('Mexico should send demonstrators',
    'they did not attack'), or hangs on a verb of threat, plan or denial ('threatened to
    storm the city', 'denied killing them')."""
    token = next((t for t in parsed if t.idx <= at < t.idx + len(t.text)), None)
    steps = 0
    while token is not None and not token.tag_.startswith("VB") and token.head is not token and steps < 6:
        token, steps = token.head, steps + 1
    if token is None or not token.tag_.startswith("VB"):
        return False
    if any(c.dep_ == "neg" or c.dep_ == "aux" and c.tag_ == "MD" for c in token.children):
        return True
    return token.dep_ in ("xcomp", "pcomp", "ccomp") and token.head is not token \
        and bool(HEDGING_VERBS.fullmatch(token.head.text)) and token.head.dep_ != "amod"
