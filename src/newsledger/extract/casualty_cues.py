"""Casualty cues: the word lists and patterns that say someone was killed, hurt, missing,
arrested or abducted ("were martyred", "death toll", "no casualties"), read by
casualty_binding. Step 2 of casualties.py's reading."""
from __future__ import annotations

import re

from .. import lexicons


KINDS = ("killed", "injured", "missing", "arrested", "abducted")


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


