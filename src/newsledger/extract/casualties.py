"""Casualty counts (killed, injured, missing, arrested, abducted) in news sentences.

The event extractor calls :func:`find_counts` on each mention's words and combines the
figures with :func:`figure` and :func:`next_figure`; :func:`casualties` applies the same
rule to a list of evidence sentences.  Everything here is
regular expressions plus a tiny token scanner: no NLP model, because the input is
thousands of articles and most sentences carry no count at all (those leave after
one regex search).

How a sentence is read
1. tokens: words, numbers, punctuation; numbers glued to letters ("AK-47",
   "25-year-old", "14th", "8am") are words, so they never become counts;
2. cues: verbs and nouns of harm ("were martyred", "shot dead", "claimed the lives
   of", "death toll", "sustained injuries"), each with a kind and a direction;
3. number phrases: "at least 18 civilians", "over a dozen", "two dozen",
   "a policeman", "No one", "hundreds of protesters" (vague: never a figure);
4. binding: a cue followed by a number phrase takes it ("killed 12 people"),
   otherwise it takes the nearest number phrase before it ("12 people were
   killed"), within a few words and the same clause; coordinated phrases
   ("two soldiers and two rangers") share the cue and are summed by the caller;
5. breakdowns: number phrases after "including" / "among them" are dropped and
   the phrase they break down is flagged ``total``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from .. import lexicons

__all__ = ["Count", "find_counts", "parse_number", "figure", "next_figure", "casualties", "KINDS"]

KINDS = ("killed", "injured", "missing", "arrested", "abducted")


@dataclass(frozen=True)
class Count:
    kind: str  # "killed" | "injured" | "missing" | "arrested" | "abducted"
    value: int
    start: int  # offsets of the number phrase in the sentence, plus `offset`
    end: int
    text: str  # the number phrase as in the text ("at least 18", "No one")
    who: str | None  # head noun counted ("people", "soldiers"), None for a bare number
    perpetrator: bool  # the counted are the attackers (bombers, militants, gunmen ...)
    total: bool  # a toll or a total that other figures break down
    cumulative: bool = False  # "bringing the death toll to N": earlier incidents included
    clause: int = 0  # which clause of the sentence ("three died in A while five died in B")


# --------------------------------------------------------------------------- lexicons

_NUMBERS: dict[str, int] = lexicons.mapping("number_words")
_UNITS = {w: n for w, n in _NUMBERS.items() if n < 20}
_TENS = {w: n for w, n in _NUMBERS.items() if n >= 20}
_SCALES: dict[str, int] = lexicons.mapping("number_scales")

# Quantities without a figure: the gold codes them as null, so they bind a cue
# (to keep it from grabbing another number) but never yield a Count.
_VAGUE = {
    "dozens", "hundreds", "thousands", "millions", "scores", "several", "many",
    "numerous", "countless", "tens", "few", "multiple", "some", "most", "all",
}
_VAGUE_SEQ = (("a", "number", "of"), ("a", "large", "number", "of"), ("a", "few"),
              ("a", "handful", "of"), ("a", "lot", "of"), ("large", "numbers", "of"),
              ("an", "unknown", "number", "of"), ("an", "undetermined", "number", "of"))

# Qualifiers are dropped ("at least 18" is 18, the gold rule); a few mark a total
# or an addition to a figure given before.
_QUALIFIERS: tuple[tuple[str, ...], ...] = tuple(sorted((
    ("at", "least"), ("at", "most"), ("more", "than"), ("less", "than"),
    ("fewer", "than"), ("no", "fewer", "than"), ("no", "less", "than"),
    ("not", "less", "than"), ("as", "many", "as"), ("as", "few", "as"), ("up", "to"),
    ("close", "to"), ("upwards", "of"), ("in", "excess", "of"), ("well", "over"),
    ("just", "over"), ("just", "under"), ("over",), ("nearly",), ("almost",),
    ("about",), ("around",), ("approximately",), ("roughly",), ("some",),
    ("an", "estimated"), ("estimated",), ("a", "total", "of"), ("total", "of"),
    ("a", "further",), ("further",), ("another",), ("an", "additional"),
    ("additional",), ("only",), ("possibly",), ("perhaps",), ("under",),
    ("an", "extra"),
), key=len, reverse=True))
_QUAL_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _q in _QUALIFIERS:
    _QUAL_BY_FIRST.setdefault(_q[0], []).append(_q)
_TOTAL_QUAL = {("a", "total", "of"), ("total", "of")}
_ADDITIVE_QUAL = {("another",), ("a", "further"), ("further",), ("an", "additional"),
                  ("additional",), ("an", "extra")}

# Singular heads a/an/the can count as one victim ("a policeman was killed").
_PERSON_SG = {
    "man", "woman", "boy", "girl", "child", "baby", "infant", "toddler", "teenager",
    "teen", "person", "civilian", "soldier", "policeman", "policewoman", "officer",
    "ranger", "guard", "driver", "passenger", "worker", "farmer", "fisherman",
    "student", "pupil", "teacher", "doctor", "nurse", "medic", "paramedic",
    "journalist", "reporter", "cameraman", "photographer", "activist", "protester",
    "protestor", "demonstrator", "resident", "villager", "shopkeeper", "trader",
    "merchant", "businessman", "official", "politician", "leader", "commander",
    "chief", "member", "militant", "gunman", "attacker", "assailant", "bomber",
    "insurgent", "rebel", "fighter", "jihadist", "terrorist", "militiaman",
    "volunteer", "suspect", "prisoner", "inmate", "detainee", "pilgrim",
    "worshipper", "monk", "priest", "imam", "pastor", "cleric", "judge", "lawyer",
    "mayor", "councillor", "councilor", "governor", "minister", "diplomat",
    "tourist", "migrant", "refugee", "youth", "youngster", "elder", "mother",
    "father", "son", "daughter", "wife", "husband", "brother", "sister", "trooper",
    "serviceman", "paramilitary", "marine", "sergeant", "captain", "colonel",
    "lieutenant", "constable", "gendarme", "agent", "employee", "contractor",
    "engineer", "labourer", "laborer", "miner", "herder", "vendor", "bystander",
    "pedestrian", "motorist", "cyclist", "spectator", "supporter", "lawmaker",
    "senator", "deputy", "spokesman", "peacekeeper", "policeman", "cop", "security",
    "colleague", "relative", "friend", "neighbour", "neighbor", "victim",
    "shepherd", "hostage", "civil", "other", "attendant", "recruit", "cadet",
    "gangster", "bandit", "smuggler", "trafficker", "kidnapper", "shooter",
}
_PERSON_PL = {
    "people", "persons", "men", "women", "children", "police", "personnel", "staff",
    "youths", "others", "civilians", "troops", "folk", "folks", "kids", "taliban",
}
# -man, -ist, -ian ... as in fisherman, activist, civilian, volunteer, detainee.
_PERSON_SUFFIX = ("man", "woman", "ist", "ian", "ier", "eer", "ee", "ant")
_NOT_PERSON_SG = {"three", "plan", "german", "woman's", "guarantee", "committee", "tree",
                  "plant", "restaurant", "giant", "elephant", "fee", "decree",
                  "degree", "coffee", "jubilee", "meeting", "government"}

# Heads that make a number a non-casualty ("2,000 troops" stays, "three vehicles"
# and "five hours" go).
_NONPERSON = {
    "vehicle", "vehicles", "car", "cars", "truck", "trucks", "bus", "buses", "tank",
    "tanks", "house", "houses", "home", "homes", "building", "buildings", "shop",
    "shops", "store", "stores", "church", "churches", "mosque", "mosques", "school",
    "schools", "village", "villages", "town", "towns", "city", "cities", "district",
    "districts", "province", "provinces", "region", "regions", "state", "states",
    "country", "countries", "km", "kms", "kilometres", "kilometers", "miles",
    "metres", "meters", "feet", "hours", "hour", "days", "day", "weeks", "week",
    "months", "month", "years", "year", "minutes", "seconds", "decades", "times",
    "percent", "dollars", "euros", "pounds", "rupees", "naira", "shillings",
    "rockets", "missiles", "shells", "mortars", "bombs", "grenades", "rounds",
    "bullets", "shots", "weapons", "guns", "rifles", "munitions", "fires",
    "explosions", "blasts", "attacks", "incidents", "strikes", "airstrikes",
    "raids", "cases", "groups", "group", "units", "points", "seats", "votes",
    "tonnes", "tons", "acres", "hectares", "flights", "planes", "aircraft",
    "drones", "helicopters", "boats", "ships", "sites", "positions", "checkpoints",
    "posts", "bases", "camps", "kilograms", "kg", "litres", "liters", "barrels",
    "cattle", "cows", "goats", "sheep", "camels", "animals", "dogs", "horses",
    "livestock", "families", "households", "hospitals", "streets", "roads",
    "locations", "places", "areas", "parts", "provinces", "offices", "companies",
    "battalions", "brigades", "divisions", "regiments", "vessels", "packages",
    "sirens", "cities", "neighbourhoods", "neighborhoods", "provinces", "stations",
    "occasions", "hits", "people's",
}
# Heads that are the cue themselves ("25 deaths", "16 bodies", "56 human lives").
_KIND_NOUNS = {
    "deaths": "killed", "fatalities": "killed", "bodies": "killed",
    "corpses": "killed", "lives": "killed", "dead": "killed",
    "injuries": "injured", "arrests": "arrested", "abductions": "abducted",
    "kidnappings": "abducted", "casualties": "",  # "" = vague: swallowed, no figure
}
# Counted people who are the attackers; the caller decides whether they count.
_ATTACKERS = {
    "militant", "militants", "gunman", "gunmen", "attacker", "attackers",
    "assailant", "assailants", "bomber", "bombers", "insurgent", "insurgents",
    "jihadist", "jihadists", "terrorist", "terrorists", "rebel", "rebels",
    "extremist", "extremists", "raider", "raiders", "kidnapper", "kidnappers",
    "abductor", "abductors", "hijacker", "hijackers", "gangster", "gangsters",
    "bandit", "bandits", "shooter", "shooters", "assassin", "assassins",
    "islamists", "islamist", "separatists", "separatist", "guerrillas",
    "guerrilla", "taliban",
}

_MONTHS = {*lexicons.words("months"), *lexicons.words("month_abbreviations")}
_WEEKDAYS = set(lexicons.words("weekdays"))
_LABELS = set(lexicons.words("number_labels"))
_CURRENCY_WORDS = set(lexicons.words("currency_words"))
_CURRENCY_PREV = set(lexicons.words("currency_prefixes"))
_TIME_NEXT = set(lexicons.words("time_words"))

# Words that end a noun phrase: never modifiers or heads.
_STOP = {
    "were", "was", "is", "are", "be", "been", "being", "have", "has", "had", "will",
    "would", "could", "may", "might", "must", "shall", "should", "did", "do", "does",
    "in", "on", "at", "by", "from", "to", "for", "with", "of", "near", "during",
    "after", "before", "since", "inside", "outside", "across", "around", "about",
    "into", "among", "amongst", "including", "while", "as", "than", "over", "under",
    "and", "or", "but", "nor", "the", "a", "an", "this", "that", "these", "those",
    "his", "her", "their", "its", "our", "my", "your", "who", "which", "whom",
    "whose", "they", "he", "she", "it", "we", "them", "him", "us", "i", "you",
    "said", "says", "say", "reportedly", "also", "later", "then", "still", "so",
    "when", "where", "there", "here", "not", "no", "more", "other", "else",
    "each", "every", "both", "either", "neither", "all", "some", "any", "such",
    "yesterday", "today", "tonight", "overnight", "last", "earlier", "ago",
    "according", "between", "against", "along", "via", "per", "without", "within",
    "because", "if", "although", "though", "whereas", "until", "unless", "least",
    "only", "just", "even", "too", "very", "got", "get",
}
_LY_OK = {"elderly", "family", "ally", "holy", "bully"}
# In the words between a number phrase and its cue these close the clause.
_GAP_BLOCK = {"while", "whereas", "but", "although", "though", "when", "because",
              "unless", "meanwhile", "whilst", "elsewhere"}
# "The mayor said Jana Novak was wounded": the mayor is the speaker ("five were
# said to have died" is still one clause: the aux before the verb tells).
_REPORTING = {"said", "says", "say", "told", "tells", "stated", "added", "announced",
              "confirmed", "claimed", "denied", "alleged", "reported", "reports"}
_GAP_PUNCT = {".", ";", "!", "?", ":", "—", "–"}
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "this", "that",
                "these", "those", "police", "security", "he", "she", "they", "it",
                "we", "i"}
# Objects that show a transitive verb ("killed him") has no number to take.
_OBJECT_WORDS = {"him", "her", "them", "it", "the", "a", "an", "his", "their",
                 "its", "this", "that", "these", "those", "himself", "herself",
                 "themselves", "us", "me", "you", "one's"}
_AUX = {"were", "was", "is", "are", "have", "has", "had", "been", "being", "be",
        "will", "would", "also", "reportedly", "later", "then", "all", "both"}

# Breakdown markers: number phrases after them detail a figure already given.
_BREAKDOWN = (("including",), ("incl",), ("among", "them"), ("among", "whom"),
              ("among", "those"), ("among", "the", "dead"), ("of", "whom"),
              ("mostly",), ("mainly",), ("most", "of", "them"),
              ("many", "of", "them"), ("all", "of", "them"), ("among", "which"))

_BREAKDOWN_FIRST = {seq[0] for seq in _BREAKDOWN}

# --------------------------------------------------------------------------- cues
# (regex, kind, mode).  mode: "both" = a number after the cue is its object,
# otherwise the number before it is its subject ("killed 5" / "5 were killed");
# "pre" = only a number after; "ing" = participle, only a number after ("killing
# 12"), never the subject before it; "post" = only a number before; "self" = a
# reflexive ("blew himself up"): the subject is a perpetrator who died.
# A kind "killed|injured" means both kinds (used by "killed or injured").
_CUE_TABLE: tuple[tuple[str, str, str], ...] = (
    (r"blew\s+(?:himself|herself|themselves)\s+up|(?:killed|shot)\s+(?:himself|herself|themselves)"
     r"|detonated\s+(?:his|her|their)\s+(?:explosive|suicide)\s+(?:vests?|belts?)",
     "killed", "self"),
    (r"claim(?:ed|ing|s)?\s+the\s+lives?\s+of|cost\s+the\s+lives?\s+of"
     r"|(?:dead\s+)?bodies\s+of(?:\s+the)?|deaths?\s+of(?:\s+the)?|killings?\s+of(?:\s+the)?"
     r"|murders?\s+of(?:\s+the)?|massacre\s+of(?:\s+the)?",
     "killed", "pre"),
    (r"(?:injuries|injury)\s+to|wounding\s+of", "injured", "pre"),
    (r"(?:abductions?|kidnappings?)\s+of(?:\s+the)?", "abducted", "pre"),
    (r"(?:arrests?|detentions?)\s+of(?:\s+the)?", "arrested", "pre"),
    (r"fatally\s+(?:shot|wounded|injured|stabbed|hurt)|mortally\s+wounded"
     r"|shot\s+(?:dead|and\s+killed)|gunned\s+down|cut\s+down"
     r"|(?:stabbed|hacked|beaten|burned|burnt|bludgeoned|stoned|clubbed|crushed|trampled"
     r"|shot|tortured|starved)\s+to\s+death"
     r"|killed|kills?|murdered|murders|massacred|slaughtered|executed|beheaded"
     r"|decapitated|lynched|assassinated|slew|neutrali[sz]ed|eliminated",
     "killed", "both"),
    (r"killing|murdering|massacring|slaughtering|executing|beheading|claiming\s+(?=\S+\s+lives)",
     "killed", "ing"),
    (r"died|dies|die|perished|succumbed(?:\s+to\s+(?:their|his|her)\s+(?:injuries|wounds))?"
     r"|dead|slain|martyred|lost\s+(?:their|his|her)\s+lives?",
     "killed", "post"),
    (r"(?:shot|stabbed|beaten)\s+and\s+(?:wounded|injured)|wounded|injured|injures?|hurt|maimed",
     "injured", "both"),
    (r"wounding|injuring|hurting|maiming", "injured", "ing"),
    (r"(?:sustained|suffered|received)\s+(?:\w+\s+){0,2}?(?:injuries|wounds)"
     r"|hospitali[sz]ed|(?:taken|admitted|rushed)\s+to\s+(?:(?:the|a)\s+)?hospitals?"
     r"|treated\s+for\s+(?:\w+\s+){0,2}?(?:injuries|wounds)",
     "injured", "post"),
    (r"(?:went|gone|are|were|is|was|remain|remained|still|reported)\s+missing|missing"
     r"|unaccounted\s+for|disappeared", "missing", "post"),
    (r"arrested|arrests?|detained|detains?|apprehended|rounded\s+up|taken\s+into\s+custody",
     "arrested", "both"),
    (r"arresting|detaining", "arrested", "ing"),
    (r"abducted|abducts?|kidnapped|kidnaps?|taken\s+hostage|held\s+hostage|taken\s+captive",
     "abducted", "both"),
    (r"abducting|kidnapping", "abducted", "ing"),
    # last, so "lost their lives" wins: "the army lost three soldiers", and only a
    # phrase naming people counts ("lost 12 seats" does not)
    (r"lost", "killed", "pre"),
)
_CUE_RE = re.compile(
    r"\b(?:" + "|".join(rf"(?P<c{i}>{pat})" for i, (pat, _, _) in enumerate(_CUE_TABLE))
    + r")\b")
_CUE_INFO = {f"c{i}": (kind, mode) for i, (_, kind, mode) in enumerate(_CUE_TABLE)}
# Single-word cues that can also stand before a noun ("16 slain workers").
_PRENOMINAL = {"slain", "dead", "wounded", "injured", "missing", "killed",
               "kidnapped", "abducted", "detained", "arrested"}

# Tolls: the head, then the first number after a linking word ("rose to 28").
_TOLL_RE = re.compile(
    r"\b(?P<inj>injury\s+toll|number\s+of\s+(?:the\s+)?(?:injured|wounded|injuries))\b"
    r"|\b(?:death\s+toll|toll|(?:total\s+)?number\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities"
    r"|those\s+killed|people\s+killed|victims)"
    r"|total\s+(?:number\s+of\s+)?(?:fatalities|deaths|dead))\b")
_TOLL_LINK = {"to", "at", "of", "reached", "hit", "hits", "hitting", "is", "was",
              "stands", "stood", "now", "past", "passed", "exceeded", "topped",
              "surpassed", ":", "reaching", "reach", "rises", "rose", "climbed",
              "risen", "as", "be", "been"}
# A toll that something "brought" to N is cumulative over earlier events; an own
# figure in the same sentence is this event's (Monday's three, bringing it to six).
_CUMULATIVE_RE = re.compile(
    r"\b(?:bring|brings|bringing|brought|rais(?:e|es|ed|ing)|tak(?:e|es|ing)|took"
    r"|push(?:ed|es|ing)?)\b\W+(?:\w+\W+){0,3}$")

# "no casualties", "there were no injuries", "no loss of life".
_NEG_NOUN_RE = re.compile(
    r"\b(?:no|zero|without(?:\s+(?:causing\s+)?any)?"
    r"|(?:did\s+not|didn't|does\s+not|not)\s+(?:cause|leave|result\s+in|suffer)\s+any)"
    r"\s+(?P<imm>immediate\s+|initial\s+)?(?:reports?\s+of\s+)?"
    r"(?:(?:any|further|other|serious|human)\s+)?"
    r"(?P<noun>casualties|casualty|deaths|death|fatalities|fatality|injuries|injury|dead"
    r"|loss(?:es)?\s+of\s+(?:human\s+)?life|lives\s+(?:were\s+)?lost)\b")
_NEG_NOUN_KIND = {"casualties": ("killed", "injured"), "casualty": ("killed", "injured"),
                  "deaths": ("killed",), "death": ("killed",), "fatalities": ("killed",),
                  "fatality": ("killed",), "injuries": ("injured",), "injury": ("injured",),
                  "dead": ("killed",)}

# "Two were killed in A while four others were killed in B": two places, no sum.
_CLAUSE_SPLIT = {"while", "whereas", "whilst", ";", "meanwhile", "elsewhere"}

_IN_ALL_RE = re.compile(r"\b(?:in\s+all|in\s+total|altogether|all\s+told)\b")

# Cheap gate: a sentence without any of these stems has no count to find.
_QUICK_RE = re.compile(
    r"kill|dead|\bdie[sd]?\b|death|toll|wound|injur|hurt|martyr|bodies|casualt|fatalit|lives"
    r"|slain|\bslew\b|massacr|behead|decapitat|lynch|murder|executed|executing"
    r"|assassinat|slaughter|gunned|cut down|perish|succumb|missing|unaccounted"
    r"|disappeared|arrest|detain|custody|apprehend|rounded up|abduct|kidnap|hostage"
    r"|captive|hospitali|maim|blew|detonated|\blost\b|neutrali|eliminated")

_L = r"[^\W\d_]"
# Possessive quantifiers (Python 3.11) keep a plain word from being re-tried letter
# by letter against the digit-bearing alternatives.
_TOKEN_RE = re.compile(
    rf"(?P<w>{_L}++(?:-{_L}++)*+-\d+\w*"  # AK-47, COVID-19
    rf"|\d++(?:[.,]\d+)*+-{_L}+(?:-{_L}+)*"  # 25-year-old, 24-hour
    rf"|\d{{1,2}}[:.]\d{{2}}\s?(?:[ap]\.?m\b\.?)|\d{{1,2}}:\d{{2}}"  # times
    rf"|\d++{_L}\w*|{_L}++\d\w*"  # 14th, 8am, 1990s, MH17
    rf")|(?P<n>\d+(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"|(?P<a>{_L}+(?:['’\-]{_L}+)*)"
    rf"|(?P<p>\S)")


# --------------------------------------------------------------------------- internals

@dataclass(slots=True)
class _Tok:
    text: str
    low: str
    start: int
    end: int
    typ: str  # "n" number, "a" word, "w" word with digits (never a count), "p" punct


@dataclass
class _NP:
    i0: int  # first token of the number phrase (qualifiers included)
    i1: int  # token after the number phrase
    h1: int  # token after the head noun (== i1 for a bare number)
    value: int | None
    head: str | None = None
    mods: tuple[str, ...] = ()
    neg: bool = False
    additive: bool = False
    total: bool = False
    article: bool = False
    nonperson: bool = False
    prenominal: str | None = None
    kind_noun: str | None = None
    breakdown: bool = False
    claimed: bool = False
    partitive: bool = False  # "two of them", "four of whom"


@dataclass
class _Cue:
    t0: int
    t1: int
    kinds: tuple[str, ...]
    mode: str
    disabled: bool = False


@dataclass
class _Hit:
    kind: str
    np: _NP | None
    start: int
    end: int
    value: int | None
    group: int
    who: str | None = None
    perpetrator: bool = False
    suicide: bool = False
    total: bool = False
    cumulative: bool = False
    additive: bool = False
    neg: bool = False
    text: str = ""
    order: int = 0  # token index, for "first group" and clause checks
    clause: int = 0  # clauses split at "while", ";": additions stay inside one


@dataclass
class _Scan:
    text: str
    low: str  # text.lower(), same length: every pattern runs on it (re.I is slow)
    toks: list[_Tok]
    caps: bool = False  # an all-capitals sentence: capital letters tell nothing
    nps: list[_NP] = field(default_factory=list)
    cues: list[_Cue] = field(default_factory=list)
    hits: list[_Hit] = field(default_factory=list)
    regions: list[tuple[int, int]] = field(default_factory=list)
    group: int = 0

    def new_group(self) -> int:
        self.group += 1
        return self.group


def _tokenize(text: str) -> list[_Tok]:
    toks = []
    for m in _TOKEN_RE.finditer(text):
        typ = m.lastgroup or "p"
        s = m.group()
        toks.append(_Tok(s, s.lower(), m.start(), m.end(), typ))
    return toks


def _tok_index(toks: list[_Tok], char: int) -> int:
    """Index of the first token starting at or after `char`."""
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < char:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _is_word(t: _Tok) -> bool:
    return t.typ in ("a", "w")


def _low(toks: list[_Tok], i: int) -> str:
    return toks[i].low if 0 <= i < len(toks) else ""


def _match_seq(toks: list[_Tok], i: int, seq: tuple[str, ...]) -> bool:
    if i + len(seq) > len(toks):
        return False
    return all(toks[i + k].low == w for k, w in enumerate(seq))


def _personish(w: str) -> bool:
    """Could this word head a phrase naming people (or things: checked later)?"""
    if w in _PERSON_SG or w in _PERSON_PL or w in _NONPERSON or w in _KIND_NOUNS:
        return True
    if w.endswith("s") and len(w) > 2 and not w.endswith("ss") and not w.endswith("'s"):
        return True
    if w.endswith("men") and len(w) > 4:  # gunmen, policemen, servicemen
        return True
    return _person_sg(w)


def _person_sg(w: str) -> bool:
    if w in _PERSON_SG:
        return True
    return w not in _NOT_PERSON_SG and len(w) > 3 and w.endswith(_PERSON_SUFFIX)


# ----------------------------------------------------------------------- number words

def _word_number(toks: list[_Tok], j: int) -> tuple[int, int] | None:
    """'twenty-five', 'two hundred', 'one hundred and twenty' -> (value, next index)."""
    total, cur, seen, k = 0, 0, False, j
    while k < len(toks):
        w = toks[k].low
        if w in _UNITS:
            cur += _UNITS[w]
        elif w in _TENS:
            cur += _TENS[w]
        elif "-" in w and w.split("-", 1)[0] in _TENS and w.split("-", 1)[1] in _UNITS:
            a, b = w.split("-", 1)
            cur += _TENS[a] + _UNITS[b]
        elif w == "hundred" and seen:
            cur = max(cur, 1) * 100
        elif w in ("thousand", "million") and seen:
            total += max(cur, 1) * _SCALES[w]
            cur = 0
        elif (w == "and" and seen and _low(toks, k - 1) in _SCALES
              and (_low(toks, k + 1) in _UNITS or _low(toks, k + 1) in _TENS
                   or _low(toks, k + 1).split("-", 1)[0] in _TENS)):
            k += 1
            continue
        else:
            break
        seen = True
        k += 1
    return (total + cur, k) if seen else None


def _cap(t: _Tok) -> str:
    """'MAY', 'May' -> 'May'; 'may' stays (the verb).  For month and label lists."""
    return t.text.capitalize() if t.text[:1].isupper() else t.text


def _digits_ok(toks: list[_Tok], i: int) -> bool:
    """False for numbers that are dates, years, times, money, ages, labels, scores."""
    t = toks[i]
    raw = t.text.replace(",", "")
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    prv = toks[i - 1] if i > 0 else None
    nlow = nxt.low if nxt else ""
    # scores and ranges glued by a hyphen ("3-1"), versions ("v2")
    if prv is not None and prv.end == t.start and prv.text in "-/–.":
        return False
    if nxt is not None and nxt.start == t.end and nxt.text in "-/–":
        return False
    if nxt is not None and (nxt.text == "%" or nlow in ("percent", "pc")
                            or (nlow == "per" and _low(toks, i + 2) == "cent")):
        return False
    if prv is not None and (prv.low in _CURRENCY_PREV or prv.text in "$€£¥₹"):
        return False
    if nlow in _CURRENCY_WORDS or (nlow in ("million", "billion")
                                   and _low(toks, i + 2) in _CURRENCY_WORDS):
        return False
    if nlow in _TIME_NEXT or (nxt is not None and nxt.text == ":"):
        return False
    # counts are whole numbers: "13.00" is a time, "2.5" a distance or a share
    if "." in raw and nlow not in _SCALES:
        return False
    # dates ("May 4", "Jan. 13") and labels ("Resolution 1701", "No. 5", "Route 66"): the
    # word before, past an abbreviation's dot
    j = i - 1
    if j >= 0 and toks[j].text == ".":
        j -= 1
    if j >= 0 and (_cap(toks[j]) in _MONTHS or _cap(toks[j]) in _LABELS):
        return False
    if nxt is not None and _cap(nxt) in _MONTHS:  # "4 May", "Tuesday 22 March"
        return False
    # years: 1800-2099 written without a comma, unless people follow ("2000 people")
    if len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2099:
        if not (nxt is not None and (nlow in _PERSON_PL or _personish(nlow))
                and nlow not in _NONPERSON):
            return False
    # ages: "aged 32", "aged 12 and 14", "Calderon, 32, who", "(32)"
    if prv is not None and prv.low in ("aged", "age", "ages"):
        return False
    if (prv is not None and prv.low in ("and", ",", "to") and i >= 3
            and toks[i - 2].typ == "n" and toks[i - 3].low in ("aged", "ages")):
        return False
    if prv is not None and nxt is not None:
        if prv.text == "(" and nxt.text == ")":
            return False
        if (prv.text == "," and nxt.text == "," and i >= 2 and toks[i - 2].typ == "a"
                and toks[i - 2].text[:1].isupper()):
            return False
    return True


def _parse_core(toks: list[_Tok], j: int) -> tuple[int | None, int, bool] | None:
    """A bare quantity at j -> (value or None if vague, next index, vague)."""
    n = len(toks)
    if j >= n:
        return None
    t = toks[j]
    w = t.low
    if t.typ == "n":
        if not _digits_ok(toks, j):
            return None
        number = float(t.text.replace(",", ""))
        k = j + 1
        if _low(toks, k) in _SCALES:
            number *= _SCALES[_low(toks, k)]
            k += 1
        value = int(round(number))
        if _low(toks, k) == "dozen":
            value *= 12
            k += 1
        return value, k, False
    for seq in _VAGUE_SEQ if w in ("a", "an", "large") else ():
        if _match_seq(toks, j, seq):
            k = j + len(seq)
            if _low(toks, k) == "of":
                k += 1
            return None, k, True
    if w == "half" and _match_seq(toks, j + 1, ("a", "dozen")):
        return 6, j + 3, False
    if w in ("a", "an") and _low(toks, j + 1) in ("dozen", "hundred", "thousand"):
        k = j + 2
        value = 12 if _low(toks, j + 1) == "dozen" else _SCALES[_low(toks, j + 1)]
        if _low(toks, k) == "of":  # "a dozen of" is rare, "a hundred of them" is not
            k += 1
        return value, k, False
    if w == "a" and _low(toks, j + 1) == "couple":
        k = j + 2 + (_low(toks, j + 2) == "of")
        return 2, k, False
    if w == "dozen":
        return 12, j + 1, False
    if w in _UNITS or w in _TENS or w.split("-", 1)[0] in _TENS:
        if w == "one" and _low(toks, j + 1) in ("another", "day"):
            return None  # "one another", "one day"
        got = _word_number(toks, j)
        if got is None:
            return None
        value, k = got
        if _low(toks, k) == "dozen":
            value *= 12
            k += 1
        return value, k, False
    if w in _VAGUE:
        k = j + 1
        if w == "tens" and _low(toks, k) == "of":
            k += 2  # "tens of thousands"
        if _low(toks, k) == "of" and _low(toks, k + 1) in ("thousands", "millions"):
            k += 2
        if _low(toks, k) == "of":
            k += 1
        return None, k, True
    return None


def _parse_run(toks: list[_Tok], k: int, cue_tok: set[int],
               singular: bool) -> tuple[int | None, str | None, tuple[str, ...]]:
    """Modifiers and head noun after a quantity -> (head index, prenominal kind, mods)."""
    words: list[int] = []
    pren: str | None = None
    i = k
    while i < len(toks) and len(words) < 5:
        t = toks[i]
        if not _is_word(t):
            break
        low = t.low
        if i in cue_tok:
            # "16 slain construction workers": a cue adjective before a noun
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if (low in _PRENOMINAL and nxt is not None and _is_word(nxt)
                    and nxt.low not in _STOP and (i + 1) not in cue_tok):
                pren = pren or _PRENOMINAL_KIND[low]
                words.append(i)
                i += 1
                continue
            break
        acronym = len(t.text) > 1 and t.text.isupper()  # "US troops", not "us"
        if not acronym and (low in _STOP or (low.endswith("ly") and low not in _LY_OK)):
            break
        if low in _UNITS or low in _TENS or low.split("-", 1)[0] in _TENS:
            break  # "in 1989 three peasants": a new quantity
        words.append(i)
        i += 1
    head = None
    for idx in words:
        low = toks[idx].low
        if singular:
            if _person_sg(low) and not low.endswith("s"):
                head = idx
        elif _personish(low):
            head = idx
    if head is None:
        return None, None, ()
    if singular and head != words[-1]:
        nxt = toks[head + 1].low
        # "a student demonstration", "an army convoy": the person word is a modifier
        if _personish(nxt) or nxt.endswith(_NOUN_SUFFIX):
            return None, None, ()
    mods = tuple(toks[x].low for x in words if x < head)
    return head, pren, mods


_NOUN_SUFFIX = ("tion", "sion", "ment", "ance", "ence", "ity", "ism", "ship", "hood",
                "ness", "ade")

_PRENOMINAL_KIND = {"slain": "killed", "dead": "killed", "killed": "killed",
                    "wounded": "injured", "injured": "injured", "missing": "missing",
                    "kidnapped": "abducted", "abducted": "abducted",
                    "detained": "arrested", "arrested": "arrested"}


def _parse_np(toks: list[_Tok], i: int, cue_tok: set[int], prev: _NP | None) -> _NP | None:
    """A number phrase starting at token i, with its head noun if any."""
    low = toks[i].low
    n = len(toks)
    # negatives: "no one", "No-one", "nobody", "none", "no others", "no civilians"
    if low in ("no-one", "nobody", "none") or (low == "no" and _low(toks, i + 1) == "one"):
        k = i + (2 if low == "no" else 1)
        additive = False
        if _low(toks, k) == "else":
            k += 1
            additive = True
        if low == "none" and _low(toks, k) == "of":
            k += 1
            if _low(toks, k) in ("the", "them", "those"):
                k += 1
            head, _, _ = _parse_run(toks, k, cue_tok, False)
            return _NP(i, k, (head + 1) if head is not None else k, 0, neg=True,
                       head=toks[head].low if head is not None else None)
        return _NP(i, k, k, 0, neg=True, additive=additive)
    if low == "no":
        k = i + 1
        additive = _low(toks, k) in ("other", "others", "further", "more", "additional")
        head, _, mods = _parse_run(toks, k, cue_tok, False)
        if head is None:
            return None
        h = toks[head].low
        if h in _NONPERSON or h in _KIND_NOUNS:
            return None
        return _NP(i, k, head + 1, 0, head=h, mods=mods, neg=True,
                   additive=additive or h == "others")
    # qualifiers, then a quantity
    total, additive = False, False
    core = None
    for seq in _QUAL_BY_FIRST.get(low, ()):
        if _match_seq(toks, i, seq):
            k = i + len(seq)
            # "at least another 5", "some more than 20": allow one more qualifier
            for seq2 in _QUAL_BY_FIRST.get(_low(toks, k), ()):
                if _match_seq(toks, k, seq2):
                    if _parse_core(toks, k + len(seq2)) is not None:
                        additive = additive or seq2 in _ADDITIVE_QUAL
                        k += len(seq2)
                    break
            got = _parse_core(toks, k)
            if got is not None and not got[2]:
                core = got
                total = seq in _TOTAL_QUAL
                additive = additive or seq in _ADDITIVE_QUAL
                break
    if core is None:
        if low == "between":
            got = _parse_core(toks, i + 1)
            if got and got[0] is not None and _low(toks, got[1]) == "and":
                got2 = _parse_core(toks, got[1] + 1)
                if got2 is not None:
                    core = (got[0], got2[1], False)  # the lower bound, as ACLED does
        elif low == "as" and _low(toks, i + 1) == "many" and _low(toks, i + 2) != "as":
            # "four US troops and as many Nigerien soldiers"
            core = ((prev.value if prev is not None else None), i + 2, prev is None)
        else:
            core = _parse_core(toks, i)
    if core is None and low == "another":
        # "two were killed and another was injured": one more
        nxt = _low(toks, i + 1)
        if (nxt in _AUX or (i + 1) in cue_tok or nxt in (",", ".")
                or (nxt.endswith("ly") and (i + 2) in cue_tok)):  # "another badly hurt"
            return _NP(i, i + 1, i + 1, 1, additive=True)
        head, pren, mods = _parse_run(toks, i + 1, cue_tok, True)
        if head is None:
            return None
        return _NP(i, i + 1, head + 1, 1, head=toks[head].low, mods=mods, additive=True,
                   prenominal=pren)
    if core is None:
        # "a policeman", "an elderly woman", "the suicide bomber"
        if low in ("a", "an", "the") and i + 1 < n:
            head, pren, mods = _parse_run(toks, i + 1, cue_tok, True)
            if head is None:
                return None
            h = toks[head].low
            if low == "the" and h not in _PERSON_SG:
                return None
            return _NP(i, i + 1, head + 1, 1, head=h, mods=mods, article=True,
                       prenominal=pren)
        return None
    value, k, vague = core
    i1 = k
    if _low(toks, k) in ("more", "further", "additional", "other"):
        additive = True
        if _low(toks, k) != "other":
            k += 1
    if _low(toks, k) == "of" and _low(toks, k + 1) in ("the", "those", "these", "his",
                                                      "her", "their", "its"):
        k += 2  # "three of the victims", "four of his bodyguards"
        if value == 1 and _low(toks, i - 1) in ("was", "is", "became"):
            return None  # "he was one of the 12 people killed": the 12 counts
        inner = _parse_core(toks, k)
        if inner is not None:
            k = inner[1]  # "two of the five suspects": two
    elif _low(toks, k) == "of" and _low(toks, k + 1) in ("them", "whom", "us", "which"):
        # "four of whom are policemen": a part of a figure given before
        return _NP(i, i1, k + 2, None if vague else value, additive=additive, total=total,
                   partitive=True)
    head, pren, mods = _parse_run(toks, k, cue_tok, False)
    if head is None:
        return _NP(i, i1, i1, value, additive=additive, total=total)
    h = toks[head].low
    np = _NP(i, i1, head + 1, value, head=h, mods=mods, additive=additive or h == "others",
             total=total, prenominal=pren)
    if h in _NONPERSON:
        np.nonperson = True
    elif h in _KIND_NOUNS:
        np.kind_noun = _KIND_NOUNS[h]
    return np


# --------------------------------------------------------------------------- scanning

def _find_cues(sc: _Scan) -> set[int]:
    toks = sc.toks
    for m in _CUE_RE.finditer(sc.low):
        kind, mode = _CUE_INFO[m.lastgroup or ""]
        t0 = _tok_index(toks, m.start())
        t1 = _tok_index(toks, m.end())
        if t0 >= t1:
            continue
        before = _low(toks, t0 - 1)
        word = toks[t0].low
        # "the injured", "the dead": nouns, not cues; "not injured", "to kill": no count
        if mode in ("both", "post") and t1 - t0 == 1 and before in (
                "the", "their", "his", "her", "its", "our"):
            continue
        if before in ("not", "never", "nor") or (before == "to" and word in (
                "kill", "die", "injure", "hurt", "arrest", "detain", "kidnap", "abduct")):
            continue
        sc.cues.append(_Cue(t0, t1, (kind,), mode))
    # "murdered and beheaded", "killed or injured": one cue
    merged: list[_Cue] = []
    for c in sc.cues:
        if merged:
            p = merged[-1]
            gap = [toks[x].low for x in range(p.t1, c.t0)]
            if gap in (["and"], ["or"], [","], [",", "and"], ["and", "then"]):
                if gap == ["or"] or set(p.kinds) == set(c.kinds):
                    kinds = tuple(dict.fromkeys(p.kinds + c.kinds))
                    merged[-1] = _Cue(p.t0, c.t1, kinds, c.mode)  # the last verb decides
                    continue
                # "killed and wounded 20": a casualty figure of both kinds together
                merged[-1] = _Cue(p.t0, c.t1, p.kinds + c.kinds, "ambiguous")
                continue
        merged.append(c)
    sc.cues = merged
    cue_tok: set[int] = set()
    for c in sc.cues:
        cue_tok.update(range(c.t0, c.t1))
    return cue_tok


def _find_nps(sc: _Scan, cue_tok: set[int], skip: set[int]) -> None:
    toks = sc.toks
    i, prev = 0, None
    while i < len(toks):
        if i in skip or toks[i].typ == "p" or i in cue_tok:
            i += 1
            continue
        t = toks[i]
        if t.typ != "n" and t.low not in _NP_START and t.low.split("-", 1)[0] not in _TENS:
            i += 1
            continue
        np = _parse_np(toks, i, cue_tok, prev)
        if np is None:
            i += 1
            continue
        sc.nps.append(np)
        prev = np if np.value is not None else prev
        i = max(np.h1, i + 1)


# Words a number phrase can start with (anything else is skipped at once).
_NP_START = (set(_UNITS) | set(_TENS) | set(_QUAL_BY_FIRST) | _VAGUE
             | {seq[0] for seq in _VAGUE_SEQ}
             | {"a", "an", "the", "no", "no-one", "nobody", "none", "between", "as",
                "half", "dozen"})


def _find_regions(sc: _Scan, cue_tok: set[int]) -> None:
    """Stretches after "including" / "among them" whose numbers are breakdowns."""
    toks = sc.toks
    for i in range(len(toks)):
        if toks[i].low not in _BREAKDOWN_FIRST:
            continue
        for seq in _BREAKDOWN:
            if not _match_seq(toks, i, seq):
                continue
            j = i - 1
            while j >= 0 and toks[j].text in "“\"'(‘":
                j -= 1
            after_comma = j >= 0 and toks[j].text in (",", "—", "–", "-")
            if seq in (("mostly",), ("mainly",)) and not after_comma:
                continue
            end = i + len(seq)
            while end < len(toks):
                t = toks[end]
                if t.text in (",", ";", ".", ")", "”", "\"", "!", "?", "—", ":"):
                    break
                # no comma before the marker: the clause goes on to its verb
                if not after_comma and end in cue_tok:
                    break
                if not after_comma and t.low in _AUX and end > i + len(seq) + 1:
                    break
                end += 1
            sc.regions.append((i, end))
            break
    # ", four of whom are policemen," and ", one of them a child,": breakdowns too,
    # unless they carry their own verb (", one of whom died")
    for np in sc.nps:
        if not np.partitive or np.i0 == 0 or toks[np.i0 - 1].text not in (",", "—", "–", "("):
            continue
        end = np.h1
        while end < len(toks) and toks[end].text not in (",", ";", ".", ")", "—", "–"):
            end += 1
        if not any(np.i0 <= x < end for x in cue_tok):
            sc.regions.append((np.i0, end))
    for r0, r1 in sc.regions:
        for c in sc.cues:
            if r0 <= c.t0 < r1:
                c.disabled = True
        for np in sc.nps:
            if r0 <= np.i0 < r1:
                np.breakdown = True


def _in_region(sc: _Scan, i: int) -> bool:
    return any(r0 <= i < r1 for r0, r1 in sc.regions)


def _np_at(sc: _Scan, i: int) -> _NP | None:
    for np in sc.nps:
        if np.i0 == i:
            return np
        if np.i0 > i:
            break
    return None


def _add_hit(sc: _Scan, np: _NP, kinds: tuple[str, ...], group: int, *,
             total: bool = False, cumulative: bool = False, suicide: bool = False) -> None:
    np.claimed = True
    toks = sc.toks
    start, end = toks[np.i0].start, toks[np.i1 - 1].end
    head = np.head
    perp = suicide or (head in _ATTACKERS) or (head == "members" and "gang" in np.mods) \
        or (head in ("men", "man") and "armed" in np.mods)
    suicide = suicide or (bool(perp) and "suicide" in np.mods)
    who = head if head and head not in _KIND_NOUNS else None
    for kind in kinds:
        sc.hits.append(_Hit(kind, np, start, end, np.value, group, who=who,
                            perpetrator=bool(perp), suicide=suicide,
                            total=total or np.total, cumulative=cumulative,
                            additive=np.additive, neg=np.neg,
                            text=sc.text[start:end], order=np.i0))


def _eligible(np: _NP) -> bool:
    return not (np.nonperson or np.breakdown or np.kind_noun is not None)


def _coordinate(sc: _Scan, np: _NP, kinds: tuple[str, ...], group: int,
                forward: bool) -> None:
    """'two soldiers and two rangers', 'one reporter and two cameramen': share a cue.

    A list needs its "and": "Of the 40 passengers, 12 were killed" is no list.
    """
    toks = sc.toks
    idx = sc.nps.index(np)
    step = 1 if forward else -1
    cur = np
    chain: list[tuple[_NP, bool]] = []
    k = idx + step
    while 0 <= k < len(sc.nps):
        other = sc.nps[k]
        a, b = (cur, other) if forward else (other, cur)
        gap = [toks[x].low for x in range(a.h1, b.i0)]
        if gap not in _COORD_GAPS:
            break
        if other.claimed or not _eligible(other) or other.neg != np.neg:
            break
        if forward and _low(toks, other.h1) in _AUX | {"died", "dead"}:
            break  # "killed two and 14 were injured": 14 has its own verb
        if forward and other.h1 in _cue_starts(sc):
            break
        chain.append((other, "and" in gap))
        cur = other
        k += step
    if forward:
        ands = [n for n, (_, has_and) in enumerate(chain) if has_and]
        chain = chain[:ands[-1] + 1] if ands else []
    elif chain and not chain[0][1]:
        chain = []
    for other, _ in chain:
        _add_hit(sc, other, kinds, group)


_COORD_GAPS = tuple([*pre, *post] for pre in ([], [","]) for post in (
    ["and"], ["and", "his"], ["and", "her"], ["and", "their"], ["and", "its"])) + ([","],)


def _cue_starts(sc: _Scan) -> set[int]:
    return {c.t0 for c in sc.cues}


def _bind_tolls(sc: _Scan) -> None:
    toks, text = sc.toks, sc.low
    for m in _TOLL_RE.finditer(text):
        kind = "injured" if m.group("inj") else "killed"
        t_end = _tok_index(toks, m.end())
        cumulative = bool(_CUMULATIVE_RE.search(text[:m.start()]))
        for np in sc.nps:
            if np.i0 < t_end:
                continue
            if np.i0 - t_end > 20 or any(toks[x].text in (".", ";") for x in range(t_end, np.i0)):
                break
            if np.claimed or np.breakdown or (np.value is None and not np.neg):
                if np.value is None and _low(toks, np.i0 - 1) in _TOLL_LINK:
                    np.claimed = True  # "toll rose to dozens": vague
                    break
                continue
            if np.nonperson:
                continue
            if _low(toks, np.i0 - 1) in _TOLL_LINK:
                _add_hit(sc, np, (kind,), sc.new_group(), total=True, cumulative=cumulative)
                break


# "put the toll at 12, but the ministry later raised it to 14": the revised toll
_REVISED_RE = re.compile(
    r"\b(?:rais|revis|increas|updat|lift|upp|push)\w*\s+(?:it|the\s+(?:death\s+)?toll|the\s+figure)"
    r"\s+(?:up\s+)?to\s+$")


def _bind_revised(sc: _Scan) -> None:
    """A toll told again with 'raised it to N' after its first figure is that toll too."""
    heads = list(_TOLL_RE.finditer(sc.low))
    if not heads:
        return
    kind = "injured" if heads[0].group("inj") else "killed"
    for np in sc.nps:
        if np.claimed or np.value is None or np.nonperson or sc.toks[np.i0].start < heads[0].end():
            continue
        if _REVISED_RE.search(sc.low[max(0, sc.toks[np.i0].start - 40):sc.toks[np.i0].start]):
            _add_hit(sc, np, (kind,), sc.new_group(), total=True)


def _object_follows(sc: _Scan, c: _Cue) -> _NP | None:
    np = _np_at(sc, c.t1)
    if np is not None and not np.claimed and not np.breakdown:
        return np
    return None


# ------------------------------------------------------------- named victims
# "Luz Leon, a councilwoman, was seriously wounded", "the death of Miguel Colmenares":
# a named person is one victim.  Only looked for next to a cue, never elsewhere.
_NAME_LINK = {"de", "da", "del", "della", "di", "du", "dos", "das", "al", "el", "la",
              "le", "bin", "ibn", "abu", "van", "von", "der", "y"}
_NAME_STOP = (_STOP | _PERSON_SG | _PERSON_PL | _ATTACKERS | _NONPERSON
              | {w.lower() for w in _MONTHS | _WEEKDAYS}
              | {"police", "army", "government", "security", "military", "ministry",
                 "forces", "officials", "residents", "witnesses", "sources", "media",
                 "reuters", "afp", "ap", "state", "authorities", "prosecutors"})


def _name_tok(t: _Tok) -> bool:
    return t.typ == "a" and t.text[:1].isupper() and t.low not in _NAME_STOP


_PLACE_PREP = {"in", "at", "from", "of", "near", "to", "for", "on", "by", "into", "across",
               "outside", "inside", "around", "throughout", "towards", "toward", "within"}


def _name_ok(toks: list[_Tok], a: int, b: int) -> bool:
    """Is a..b a plausible personal name (not "Palestinians", "FMLN", "in Burkina Faso")?"""
    if _low(toks, a - 1) in _PLACE_PREP and not (a >= 2 and toks[a - 2].low in (
            "death", "deaths", "killing", "killings", "murder", "murders", "kidnapping",
            "abduction", "arrest", "assassination", "bodies", "body", "detention")):
        return False
    if b - a == 1:
        t = toks[a]
        at_start = a == 0 or toks[a - 1].text in "“\"'‘—–-:"
        if at_start or t.text.isupper() or t.low.endswith("s"):
            return False
    return True


def _name_ending(toks: list[_Tok], end: int) -> int | None:
    """Start of a name ending just before token `end`."""
    j = end
    while j > 0 and (_name_tok(toks[j - 1]) or (
            toks[j - 1].low in _NAME_LINK and j - 2 >= 0 and _name_tok(toks[j - 2])
            and j < end)):
        j -= 1
    if j == end or not _name_ok(toks, j, end):
        return None
    return j


def _name_starting(toks: list[_Tok], start: int) -> int | None:
    """End of a name starting at token `start` ("Miguel Colmenares, who ...")."""
    j = start
    while j < len(toks) and (_name_tok(toks[j]) or (
            toks[j].low in _NAME_LINK and j > start and j + 1 < len(toks)
            and _name_tok(toks[j + 1]))):
        j += 1
    if j == start or not _name_ok(toks, start, j):
        return None
    # "killed Israeli soldiers", "Patriotic Union [UP] members": adjectives, not names
    k = j
    if k < len(toks) and toks[k].text in "([":
        while k < len(toks) and toks[k].text not in ")]":
            k += 1
        k += 1
    if k < len(toks) and toks[k].typ == "a" and toks[k].low not in _STOP:
        return None
    return j


def _add_name(sc: _Scan, a: int, b: int) -> _NP:
    np = _NP(a, b, b, 1, article=True)
    sc.nps.insert(bisect_left([n.i0 for n in sc.nps], a), np)
    return np


def _name_after(sc: _Scan, c: _Cue) -> bool:
    toks = sc.toks
    k = c.t1
    if k < len(toks) and toks[k].typ == "w" and "year-old" in toks[k].low:
        k += 1  # "the death of 36-year-old Miguel Colmenares"
    end = _name_starting(toks, k)
    if end is None:
        return False
    kinds = tuple(x for x in c.kinds if x != "killed" or toks[c.t0].low != "lost")
    if not kinds or c.mode == "ambiguous":
        return False
    g = sc.new_group()
    _add_hit(sc, _add_name(sc, k, end), kinds, g)
    if _low(sc.toks, end) == "and":  # "the murder of X and Y"
        end2 = _name_starting(toks, end + 1)
        if end2 is not None:
            _add_hit(sc, _add_name(sc, end + 1, end2), kinds, g)
    return True


def _name_before(sc: _Scan, c: _Cue, after: int) -> bool:
    """'X was killed', 'X, 32, who was fatally injured', 'X and Y were abducted'."""
    toks = sc.toks
    j, aux = c.t0, False
    while j > 0 and (toks[j - 1].low in _AUX or (
            toks[j - 1].typ == "a" and toks[j - 1].low.endswith("ly"))):
        aux = aux or toks[j - 1].low in ("was", "is", "has", "had", "were")
        j -= 1
    if not aux:
        return False
    if _low(toks, j - 1) == "who":
        j -= 1
        if _low(toks, j - 1) != ",":
            return False
    start = None
    if _low(toks, j - 1) == ",":  # one appositive: ", a councilwoman for Meta,"
        k = j - 2
        while k >= 0 and j - k <= 16 and toks[k].text not in (",", ".", ";", "(", ")"):
            k -= 1
        if k < 0 or toks[k].text != ",":
            return False
        start = _name_ending(toks, j - 1)  # "her husband, Parmenides Cuenca, was killed"
        if start is None or start != k + 1:
            start, j = _name_ending(toks, k), k
        else:
            j -= 1
    else:
        start = _name_ending(toks, j)
    if start is None or start < after or any(n.i0 == start and n.claimed for n in sc.nps):
        return False
    g = sc.new_group()
    _add_hit(sc, _add_name(sc, start, j), c.kinds, g)
    if _low(toks, start - 1) == "and":
        first = _name_ending(toks, start - 1)
        if first is not None:
            _add_hit(sc, _add_name(sc, first, start - 1), c.kinds, g)
    return True


def _bind_active(sc: _Scan) -> None:
    for c in sc.cues:
        if c.disabled or c.mode in ("post", "self"):
            continue
        np = _object_follows(sc, c)
        if np is None:
            if _name_after(sc, c):
                c.mode = "done"
            continue
        if np.nonperson:
            continue
        if sc.toks[c.t0].low == "lost" and (np.head is None or np.kind_noun is not None):
            continue  # "lost 3" could be a match; "lost three soldiers" is not
        kinds = c.kinds if c.mode != "ambiguous" else ()
        if np.kind_noun:  # "claimed six lives" -> killed; "left 25 deaths" etc.
            kinds = (np.kind_noun,)
        g = sc.new_group()
        if not kinds:
            np.claimed = True
            continue
        _add_hit(sc, np, kinds, g)
        _coordinate(sc, np, kinds, g, forward=True)
        c.mode = "done"


def _gap_ok(sc: _Scan, a: int, b: int, limit: int) -> bool:
    """Can words a..b stand between a number phrase and its verb?"""
    toks = sc.toks
    words = 0
    for x in range(a, b):
        if _in_region(sc, x):
            continue
        t = toks[x]
        if t.text in _GAP_PUNCT:
            return False
        if t.low in _GAP_BLOCK:
            return False
        if t.low in _REPORTING and _low(toks, x - 1) not in _AUX | {"are", "being"}:
            return False
        if t.low in ("and", "or", "but") and _low(toks, x + 1) in _DETERMINERS:
            return False
        if t.typ != "p":
            words += 1
    return words <= limit


def _bind_passive(sc: _Scan) -> None:
    toks = sc.toks
    weekday_month = _WEEKDAYS | _MONTHS
    for c in sc.cues:
        if c.disabled or c.mode in ("pre", "ing", "done"):
            continue
        if c.mode in ("both", "ambiguous"):
            nxt = toks[c.t1] if c.t1 < len(toks) else None
            # "killed him", "killed the driver", "killed Ahmed": an object, no subject count
            if nxt is not None and (nxt.low in _OBJECT_WORDS or (
                    nxt.typ == "a" and nxt.text[:1].isupper() and _cap(nxt) not in weekday_month
                    and nxt.low not in ("in", "on", "at", "as", "after", "by"))):
                if not sc.caps:
                    continue
            if _np_at(sc, c.t1) is not None and not _np_at(sc, c.t1).nonperson:
                continue
        cand = None
        for np in sc.nps:
            if np.h1 > c.t0:
                break
            if np.breakdown or np.nonperson or np.kind_noun is not None:
                continue
            if np.partitive and not _gap_ok(sc, np.h1, c.t0, 2):
                continue  # "Twenty people, four of whom are police, were hurt": twenty
            cand = np
        # a name right before the verb is nearer than any number phrase
        if c.mode not in ("self", "ambiguous") and not sc.caps and _name_before(
                sc, c, cand.h1 if cand is not None else 0):
            continue
        limit = 8 if cand is not None and cand.head else (6 if cand and cand.neg else 5)
        if cand is None or cand.claimed or not _gap_ok(sc, cand.h1, c.t0, limit):
            continue
        g = sc.new_group()
        if c.mode == "ambiguous":
            cand.claimed = True
            continue
        if c.mode == "self":
            _add_hit(sc, cand, ("killed",), g, suicide=True)
        else:
            _add_hit(sc, cand, c.kinds, g)
        _coordinate(sc, cand, c.kinds if c.mode != "self" else ("killed",), g, forward=False)
    # "blew himself up" with no number before it: one attacker
    for c in sc.cues:
        if c.mode == "self" and not any(h.order < c.t0 and h.suicide for h in sc.hits):
            refl = [x for x in range(c.t0, c.t1) if toks[x].low in ("himself", "herself")]
            if refl:
                x = refl[0]
                sc.hits.append(_Hit("killed", None, toks[x].start, toks[x].end, 1,
                                    sc.new_group(), who=None, perpetrator=True, suicide=True,
                                    text=toks[x].text, order=x))


_LIVES_VERBS = {"claimed", "claiming", "claims", "claim", "cost", "costing", "costs",
                "took", "taking", "takes", "lost", "losing", "loses"}


def _lives_lost(toks: list[_Tok], i: int) -> bool:
    """'claimed six lives', 'the loss of 20 lives' (not 'saved 300 lives')."""
    before = _low(toks, i - 1)
    return before in _LIVES_VERBS or (before == "of" and _low(toks, i - 2) == "loss")


def _bind_nouns(sc: _Scan) -> None:
    """'25 deaths', '16 bodies were found', '16 slain workers', 'no casualties'."""
    for np in sc.nps:
        if np.claimed or np.breakdown:
            continue
        if np.kind_noun is not None:
            if np.head == "lives" and not _lives_lost(sc.toks, np.i0):
                np.claimed = True  # "saved 300 lives"
            elif np.kind_noun:
                _add_hit(sc, np, (np.kind_noun,), sc.new_group())
            np.claimed = True
        elif np.prenominal and not np.nonperson:
            _add_hit(sc, np, (np.prenominal,), sc.new_group())


def _bind_neg_nouns(sc: _Scan) -> set[int]:
    used: set[int] = set()
    for m in _NEG_NOUN_RE.finditer(sc.low):
        t0 = _tok_index(sc.toks, m.start())
        t1 = _tok_index(sc.toks, m.end())
        used.update(range(t0, t1))
        if m.group("imm"):
            continue  # "no immediate reports of casualties": not yet known
        noun = m.group("noun").lower()
        if noun.startswith("loss") or noun.startswith("lives"):
            kinds: tuple[str, ...] = ("killed",)
        else:
            kinds = _NEG_NOUN_KIND[noun]
        g = sc.new_group()
        for kind in kinds:
            sc.hits.append(_Hit(kind, None, m.start(), m.end(), 0, g, neg=True,
                                text=sc.text[m.start():m.end()], order=t0))
    return used


def _mark_totals(sc: _Scan) -> None:
    """The figure a breakdown follows is a total ("nine people, including 4 soldiers")."""
    toks = sc.toks
    for r0, r1 in sc.regions:
        if not any(r0 <= np.i0 < r1 for np in sc.nps):
            continue
        j = r0 - 1
        while j >= 0 and toks[j].typ == "p":
            j -= 1
        for h in sc.hits:
            if h.np is None:
                continue
            cue_end = _cue_end_for(sc, h)
            if h.np.h1 - 1 == j or cue_end - 1 == j:
                h.total = True
    m = _IN_ALL_RE.search(sc.low)
    if m and sc.hits:
        t = _tok_index(toks, m.start())
        nearest = min(sc.hits, key=lambda h: abs(h.order - t))
        for h in sc.hits:
            if h.group == nearest.group:
                h.total = True


def _cue_end_for(sc: _Scan, h: _Hit) -> int:
    """End token of the cue a passive hit was bound to (its nearest cue after it)."""
    assert h.np is not None
    for c in sc.cues:
        if c.t0 >= h.np.h1:
            return c.t1
    return -1


def _lower(text: str) -> str:
    """Lower case that keeps offsets ("İ".lower() has two code points)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def _scan(sentence: str) -> _Scan:
    low = _lower(sentence)
    sc = _Scan(sentence, low, [])
    if not _QUICK_RE.search(low):
        return sc
    sc.toks = _tokenize(sentence)
    sc.caps = len(sentence) > 20 and sentence[:200].isupper()
    cue_tok = _find_cues(sc)
    used = _bind_neg_nouns(sc)
    _find_nps(sc, cue_tok, used)
    _find_regions(sc, cue_tok)
    _bind_tolls(sc)
    _bind_revised(sc)
    _bind_active(sc)
    _bind_passive(sc)
    _bind_nouns(sc)
    _mark_totals(sc)
    bounds = [i for i, t in enumerate(sc.toks) if t.low in _CLAUSE_SPLIT]
    for h in sc.hits:
        h.clause = bisect_left(bounds, h.order)
    sc.hits.sort(key=lambda h: (h.start, KINDS.index(h.kind)))
    return sc


# --------------------------------------------------------------------------- public API

def find_counts(sentence: str, offset: int = 0) -> list[Count]:
    """Every casualty figure stated in one sentence, in text order.

    Vague quantities ("dozens", "several") and breakdowns ("including 4 soldiers")
    are not returned; "no one was hurt" is a Count of value 0.
    """
    out = []
    for h in _scan(sentence).hits:
        if h.value is None:
            continue
        out.append(Count(h.kind, h.value, h.start + offset, h.end + offset, h.text,
                         h.who, h.perpetrator, h.total, h.cumulative, h.clause))
    return out


def parse_number(phrase: str) -> int | None:
    """'seven' -> 7, 'three dozen' -> 36, 'at least 1,200' -> 1200; vague -> None."""
    toks = _tokenize(phrase.strip())
    if not toks:
        return None
    np = _parse_np(toks, 0, set(), None)
    if np is None or np.article:
        return None
    return np.value


# --------------------------------------------------------------------------- one event's toll
# the one rule that turns counts into an event's figures: events.py applies it mention by
# mention; casualties() applies it sentence by sentence

def figure(counts: Sequence[Count], kind: str, battle: bool
           ) -> tuple[int | None, tuple[int, int] | None, bool]:
    """(value, span, is_total) of one mention's figure for `kind`; (0, None, False) when
    only the attackers died (perpetrators count only in battles, or when alone)."""
    found = [c for c in counts if c.kind == kind]
    if any(not c.cumulative for c in found):  # 'three died, bringing the toll to six': three
        found = [c for c in found if not c.cumulative]
    if not found:
        return None, None, False
    victims = [c for c in found if battle or not c.perpetrator]
    if not victims:
        return 0, None, False  # a suicide bomber's own death is not a fatality of the attack
    totals = [c for c in victims if c.total]
    if totals:
        c = max(totals, key=lambda c: c.value)
        return c.value, (c.start, c.end), True
    # groups of one clause add up ('a policeman and two civilians'); 'three died in A while
    # five died in B' tells two incidents, of which this is the first
    victims = [c for c in victims if c.clause == victims[0].clause]
    return sum(c.value for c in victims), (victims[0].start, victims[-1].end), False


# a toll that supersedes the first figure ('rose to 28'), not a rival count ('put it at five')
_TOLL_UPDATE = re.compile(rf"\b{lexicons.alternation('toll_update_words')}\b", re.IGNORECASE)
_ADDED = re.compile(rf"\b{lexicons.alternation('added_victim_words')}\b", re.IGNORECASE)


def next_figure(current: int | None, value: int, total: bool, words: str,
                counts: Sequence[Count] = (), kind: str = "killed", headline: bool = False) -> int | None:
    """An incident's figure after one more mention's (`words`, its `counts`): the first
    stands unless a later toll updates it ('the death toll rose to 28'), or the mention
    adds victims ('another died'); a headline's or a running toll's never replaces it."""
    if current is None:
        return value
    if headline or all(c.cumulative for c in counts if c.kind == kind):
        return current
    if total and value > current and _TOLL_UPDATE.search(words):
        return value
    if not total and _ADDED.search(words):
        return current + value
    return current


def casualties(sentences: Sequence[str] | str, *,
               include_perpetrators: bool = False) -> tuple[int | None, int | None]:
    """(fatalities, injured) of one event told in `sentences`, by the rule events.py uses.

    None where no number is given; 0 only where the text says no one was. Perpetrators
    (militants, gunmen … killed) are left out unless they are the only figure;
    ``include_perpetrators=True`` counts everyone, as ACLED does for battles.
    """
    if isinstance(sentences, str):
        sentences = [sentences]
    result: dict[str, int | None] = {"killed": None, "injured": None}
    for sentence in sentences:
        counts = find_counts(sentence)
        for kind in result:
            value, span, total = figure(counts, kind, include_perpetrators)
            if value is not None:
                result[kind] = next_figure(result[kind], value, total and span is not None,
                                           sentence, counts, kind)
    return result["killed"], result["injured"]
