"""Where a name stands in a text, for the rules of `Gazetteer.find()`: the words it must not
take for a place, runs of capitalised words and their tokens, and a candidate's context (the
word before, an admin word after, a dateline, a person's name around it). Internal to
`places`: the gazetteer imports these names."""
from __future__ import annotations

import re
from collections.abc import Sequence

from .. import lexicons
from .names import name_key

# --- what find() must not take for a place ---------------------------------------------------
# The index holds 235k towns, and thousands are also English words or names ("Police" is a
# Polish town, "We" a village). find() therefore trusts a single capitalised word only when
# it names a country, a province or a city of {_BIG:,}+ people, and wants a cue for smaller
# places: a locative word before ("in", "near", "village of"), a list of places it continues,
# ", Country" after, "… province" after, or a dateline. lookup() ignores all of this.
_BIG = 100_000
STOPWORDS: frozenset[str] = frozenset(lexicons.words("gazetteer_stopwords"))
STOP_PHRASES: frozenset[str] = frozenset(lexicons.words("gazetteer_stop_phrases"))
COMMON_WORDS: frozenset[str] = frozenset(lexicons.words("gazetteer_common_words"))
PLACE_FOLLOWERS: frozenset[str] = frozenset(lexicons.words("place_followers"))
TITLES: frozenset[str] = frozenset(lexicons.words("gazetteer_titles"))
CUE_WORDS: frozenset[str] = frozenset(lexicons.words("place_cue_words"))
# A speech cue after a place's name makes a speaker of it ("Allen said").
_SPEECH = re.compile(r"[ \u00a0]+" + lexicons.alternation("speech_cues") + r"\b")
CONNECTORS: frozenset[str] = frozenset(lexicons.words("name_connectors"))
ADMIN_WORDS: frozenset[str] = frozenset(lexicons.words("admin_words"))
ADMIN_PART_WORDS: frozenset[str] = frozenset(lexicons.words("admin_part_words"))
CITY_WORDS: frozenset[str] = frozenset(lexicons.words("city_words"))
_ADMIN_OFFICE = re.compile(rf"[ \u00a0]+{lexicons.alternation('admin_office_words')}\b", re.IGNORECASE)
_DOTTED = re.compile(r"\b(?:U\.S\.(?:A\.)?|U\.K\.|U\.A\.E\.)")
# A run of capitalised words (and connectors between them); all the rest is skipped at C speed.
_CAP = (r"(?:(?:St|Ste|Mt|Ft)\."                                  # "St. Louis"
        r"|(?:(?:al|el|ad|an|ar|as|at|az|ash|ed|en|er|es|et|ez|ul|d|l)['’-])?"  # "al-", "d'"
        r"[^\W\d_a-z][^\W\d_]*(?:['’-][^\W\d_]+)*)")                   # "Guinea-Bissau"
_JOIN = "|".join(sorted(CONNECTORS))
_RUN = re.compile(rf"(?<![\w'’-]){_CAP}(?:[ \u00a0](?:(?:{_JOIN})[ \u00a0])*{_CAP})*")
_TOKEN = re.compile(r"[^ \u00a0]+")
_POSSESSIVE = ("'s", "’s")
_Token = tuple[int, int, str, bool]  # start, end, word, ends the name (a possessive, "-based")
_WORD = re.compile(r"[^\W\d_]+")
_PREV_WORD = re.compile(r"([A-Za-z]+)[ \u00a0]+$")
_NEXT_WORD = re.compile(r"[ \u00a0]+([A-Za-z]+)")
_COMMA_NAME = re.compile(r",[ \u00a0]+([^\W\d_][\w'’-]*(?:[ \u00a0][^\W\d_][\w'’-]*){0,3})")
_LIST_GAPS = frozenset({", ", " and ", ", and ", " or ", ", or ", "/", " / "})
_SENTENCE_END = ".!?:;\n\"“”‘’«»([|•*—–-"
# "Banana Kenya Ltd.", "Nairobi Fire Brigade": an organisation's name, no place
_ORG_END = re.compile(r"(?:^|\s)(?:" + "|".join(map(re.escape, sorted(lexicons.words("organisation_name_ends"))))
                      + r")$")


def organisation_name(run: str) -> bool:
    """A capitalised run that ends as a company's or a public service's name does."""
    return bool(_ORG_END.search(name_key(run)))


class _Context:
    """Where a candidate name stands in the text, for the find() rules."""

    __slots__ = ("text", "i", "j", "start", "end", "surface", "after_name", "last_end",
                 "admin_word", "city_word", "prev_word", "next_word", "initial", "dateline")

    def __init__(self, text: str, tokens: list[_Token], i: int, j: int, after_name: bool,
                 last_end: int, headers: Sequence[tuple[int, int]] = ()) -> None:
        self.text, self.i, self.j = text, i, j
        self.start, self.end = tokens[i][0], tokens[j][1]
        self.surface = text[self.start:self.end]
        self.after_name, self.last_end = after_name, last_end
        # "Tillaberi region", "the province of Ar-Raqqah": the name is a province's
        m = _PREV_WORD.search(text, max(0, self.start - 24), self.start)
        self.prev_word = m.group(1).lower() if m else ""
        # … and "upstate New York", "New York Gov. …": a part or an office of the unit
        self.admin_word = _admin_word_follows(text, self.end) or _admin_word_before(text, self.start) \
            or self.prev_word in ADMIN_PART_WORDS or bool(_ADMIN_OFFICE.match(text, self.end))
        # "Quebec City", "Kirkuk city", "Hawija town": the town, not the province it names
        self.city_word = _city_word_follows(text, self.end)
        following = tokens[j + 1][2] if j + 1 < len(tokens) and not tokens[j][3] else ""
        self.next_word = "" if _is_connector(following) else following
        self.initial = _sentence_start(text, self.start)
        # in a dateline's or a paragraph header's place ('BENGHAZI/TRIPOLI (AFP) -', 'Hawija,
        # May 4:'; the clean stage found them)
        self.dateline = any(lo <= self.start and self.end <= hi for lo, hi in headers)

    def in_name(self) -> bool:
        """Inside a capitalised sequence that looks like a person's name, outside headlines."""
        key = name_key(self.next_word) if self.next_word else ""
        before_name = (bool(key) and self.next_word[0].isupper() and key not in STOPWORDS
                       and key not in PLACE_FOLLOWERS)
        return (self.after_name or before_name) and not _title_case_line(self.text, self.start)


# --- helpers ---------------------------------------------------------------------------------
def _tokens(run: str, offset: int) -> list[_Token]:
    """(start, end, word, ends-with-possessive) for the words of a run."""
    out = []
    for m in _TOKEN.finditer(run):
        word, s, e = m.group(), offset + m.start(), offset + m.end()
        possessive = word.endswith(_POSSESSIVE) and len(word) > 3
        if possessive:
            word, e = word[:-2], e - 2
        tail = _LOWER_TAIL.search(word)
        if tail and not possessive:  # "Los Angeles-based": the name ends at the hyphen,
            word, e = word[:tail.start()], e - len(tail.group())  # as at a possessive
            possessive = True
        out.append((s, e, word, possessive))
    return out


# "-based", "-born", "-led": a compound tail after a name ("Guinea-Bissau", "al-Shabaab",
# "Port-au-Prince" end on a capital and keep theirs; "Sar-i-pul", truecased from lower case,
# keeps its lower-case part: only the listed tails end a name)
_LOWER_TAIL = re.compile(rf"(?<=[^\W\d_])-{lexicons.alternation('compound_tails')}$")


def _is_connector(word: str) -> bool:
    return word in CONNECTORS  # lower-case only: "El Fasher" is a name, "el" joins one


def _may_be_forename(text: str, token: _Token) -> bool:
    """An unmatched capitalised word inside a sentence may be a first name ("Barack")."""
    word = token[2]
    return (len(word) > 1 and not word.isupper() and name_key(word) not in STOPWORDS
            and not _sentence_start(text, token[0]))


def _hyphen_parts(token: _Token) -> list[_Token]:
    start, _, word, _ = token
    out, pos = [], start
    for part in word.split("-"):
        if part:
            out.append((pos, pos + len(part), part, False))
        pos += len(part) + 1
    return out


def _title_case_line(text: str, pos: int) -> bool:
    """A headline in title case ("Gunmen Kill Six In Mandera Attack"): there capitalised
    words are no sign of a person's name."""
    lo = text.rfind("\n", max(0, pos - 200), pos) + 1
    hi = text.find("\n", pos, pos + 200)
    words = [w for w in _WORD.findall(text, lo, hi if hi >= 0 else pos + 200) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _admin_word_follows(text: str, end: int) -> bool:
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m.group(1).lower() in ADMIN_WORDS


def _city_word_follows(text: str, end: int) -> bool:
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m.group(1).lower() in CITY_WORDS


_ADMIN_OF = re.compile(rf"\b(?:the|a|{lexicons.alternation('compass_words')})"
                       r"[ \u00a0]+([a-z]+)[ \u00a0]+of[ \u00a0]+$")


def _admin_word_before(text: str, start: int) -> bool:
    """"the province of Ar-Raqqah", "the northwest province of …" (lower case: "State of
    Mexico" is a name of its own)."""
    m = _ADMIN_OF.search(text, max(0, start - 40), start)
    return bool(m) and m.group(1) in ADMIN_WORDS
