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

_VAGUE = set(lexicons.words("casualty_vague"))  # data/lexicons/casualty_vague
_VAGUE_SEQ = tuple(tuple(p.split()) for p in lexicons.words("casualty_vague_seq"))  # data/lexicons/casualty_vague_seq

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
_ADDITIVE_QUAL = {tuple(p.split()) for p in lexicons.words("casualty_additive_qual")}  # data/lexicons/casualty_additive_qual

_PERSON_SG = set(lexicons.words("casualty_person_sg"))  # data/lexicons/casualty_person_sg
_PERSON_PL = set(lexicons.words("casualty_person_pl"))  # data/lexicons/casualty_person_pl
_PERSON_SUFFIX = lexicons.words("casualty_person_suffix")  # data/lexicons/casualty_person_suffix
_NOT_PERSON_SG = set(lexicons.words("casualty_not_person_sg"))  # data/lexicons/casualty_not_person_sg

_NONPERSON = set(lexicons.words("casualty_nonperson"))  # data/lexicons/casualty_nonperson
_KIND_NOUNS = lexicons.mapping("casualty_kind_nouns")  # data/lexicons/casualty_kind_nouns
_ATTACKERS = set(lexicons.words("casualty_attackers"))  # data/lexicons/casualty_attackers

_MONTHS = {*lexicons.words("months"), *lexicons.words("month_abbreviations")}
_WEEKDAYS = set(lexicons.words("weekdays"))
_LABELS = set(lexicons.words("number_labels"))
_CURRENCY_WORDS = set(lexicons.words("currency_words"))
_CURRENCY_PREV = set(lexicons.words("currency_prefixes"))
_TIME_NEXT = set(lexicons.words("time_words"))

_STOP = set(lexicons.words("casualty_stop"))  # data/lexicons/casualty_stop
_LY_OK = set(lexicons.words("casualty_ly_ok"))  # data/lexicons/casualty_ly_ok
_GAP_BLOCK = set(lexicons.words("casualty_gap_block"))  # data/lexicons/casualty_gap_block
_REPORTING = set(lexicons.words("casualty_reporting"))  # data/lexicons/casualty_reporting
_GAP_PUNCT = set(lexicons.words("casualty_gap_punct"))  # data/lexicons/casualty_gap_punct
_DETERMINERS = set(lexicons.words("casualty_determiners"))  # data/lexicons/casualty_determiners
_OBJECT_WORDS = set(lexicons.words("casualty_object_words"))  # data/lexicons/casualty_object_words
_AUX = set(lexicons.words("casualty_aux"))  # data/lexicons/casualty_aux

_BREAKDOWN = tuple(tuple(p.split()) for p in lexicons.words("casualty_breakdown"))  # data/lexicons/casualty_breakdown

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
    (lexicons.pattern("casualty_killed_cues"), "killed", "both"),
    (lexicons.pattern("casualty_killing_cues"), "killed", "ing"),
    (lexicons.pattern("casualty_died_cues"), "killed", "post"),
    (lexicons.pattern("casualty_injured_cues"), "injured", "both"),
    (lexicons.pattern("casualty_injuring_cues"), "injured", "ing"),
    (r"(?:sustained|suffered|received)\s+(?:\w+\s+){0,2}?(?:injuries|wounds)"
     r"|hospitali[sz]ed|(?:taken|admitted|rushed)\s+to\s+(?:(?:the|a)\s+)?hospitals?"
     r"|treated\s+for\s+(?:\w+\s+){0,2}?(?:injuries|wounds)",
     "injured", "post"),
    (lexicons.pattern("casualty_missing_cues"), "missing", "post"),
    (lexicons.pattern("casualty_arrested_cues"), "arrested", "both"),
    (r"arresting|detaining", "arrested", "ing"),
    (lexicons.pattern("casualty_abducted_cues"), "abducted", "both"),
    (r"abducting|kidnapping", "abducted", "ing"),
    # last, so "lost their lives" wins: "the army lost three soldiers", and only a
    # phrase naming people counts ("lost 12 seats" does not)
    (r"lost", "killed", "pre"),
)
_CUE_RE = re.compile(
    r"\b(?:" + "|".join(rf"(?P<c{i}>{pat})" for i, (pat, _, _) in enumerate(_CUE_TABLE))
    + r")\b")
_CUE_INFO = {f"c{i}": (kind, mode) for i, (_, kind, mode) in enumerate(_CUE_TABLE)}
_PRENOMINAL = set(lexicons.words("casualty_prenominal"))  # data/lexicons/casualty_prenominal

# Tolls: the head, then the first number after a linking word ("rose to 28").
_TOLL_RE = re.compile(
    r"\b(?P<inj>injury\s+toll|number\s+of\s+(?:the\s+)?(?:injured|wounded|injuries))\b"
    r"|\b(?:death\s+toll|toll|(?:total\s+)?number\s+of\s+(?:the\s+)?"
    + lexicons.alternation("casualty_toll_counted") +
    r"|total\s+(?:number\s+of\s+)?(?:fatalities|deaths|dead))\b")
_TOLL_LINK = set(lexicons.words("casualty_toll_link"))  # data/lexicons/casualty_toll_link
# A toll that something "brought" to N is cumulative over earlier events; an own
# figure in the same sentence is this event's (Monday's three, bringing it to six).
_CUMULATIVE_RE = re.compile(
    r"\b" + lexicons.pattern("casualty_cumulative_verbs") + r"\b\W+(?:\w+\W+){0,3}$")

# "no casualties", "there were no injuries", "no loss of life".
_NEG_NOUN_RE = re.compile(
    r"\b(?:no|zero|without(?:\s+(?:causing\s+)?any)?"
    r"|(?:did\s+not|didn't|does\s+not|not)\s+(?:cause|leave|result\s+in|suffer)\s+any)"
    r"\s+(?P<imm>immediate\s+|initial\s+)?(?:reports?\s+of\s+)?"
    r"(?:" + lexicons.alternation("casualty_neg_modifiers") + r"\s+)?"
    r"(?P<noun>" + lexicons.alternation("casualty_neg_noun_kind")
    + r"|loss(?:es)?\s+of\s+(?:human\s+)?life|lives\s+(?:were\s+)?lost)\b")
_NEG_NOUN_KIND = {k: tuple(v) for k, v in lexicons.mapping("casualty_neg_noun_kind").items()}  # data/lexicons/casualty_neg_noun_kind

_CLAUSE_SPLIT = set(lexicons.words("casualty_clause_split"))  # data/lexicons/casualty_clause_split

_IN_ALL_RE = re.compile(rf"\b{lexicons.alternation('casualty_in_all')}\b")

# Cheap gate: a sentence without any of these stems has no count to find.
_QUICK_RE = re.compile(lexicons.pattern("casualty_quick_stems"))

_L = r"[^\W\d_]"
# Possessive quantifiers (Python 3.11) keep a plain word from being re-tried letter
# by letter against the digit-bearing alternatives.
_TOKEN_RE = re.compile(
    rf"(?P<w>{_L}++(?:-{_L}++)*+-\d+\w*"  # AK-47, COVID-19
    rf"|\d++(?:[.,]\d+)*+-{_L}+(?:-{_L}+)*"  # 25-year-old, 24-hour
    rf"|\d++\s+years?(?:-|\s+)old\b"  # an age spaced out: 'an 18 year-old girl', '25 years old'
    rf"|\d{{1,2}}[:.]\d{{2}}\s?(?:[ap]\.?m\b\.?)|\d{{1,2}}:\d{{2}}"  # times
    rf"|\d++{_L}\w*|{_L}++\d\w*"  # 14th, 8am, 1990s, MH17
    rf")|(?P<n>\d+(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"|(?P<a>{_L}+(?:['’\-]{_L}+)*)"
    rf"|(?P<p>\S)")


