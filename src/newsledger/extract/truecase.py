"""Capitals back for text (or sentences) written all in lower or all in upper case.

Archives lower-case whole articles, wire services send bulletins and headlines in capitals;
the stages that lean on capitals (sentences, the entity ruler and NER, the gazetteer, actors,
datelines, titles and names) then see nothing. The truecaser gives each word of such a
sentence its usual spelling, keeping every character in its place (only its case changes):

1. names the project knows, longest first: the actor dictionary's names and acronyms, the
   gazetteer's country, province and town names, demonyms ('south sudan' → 'South Sudan',
   'rapid support forces' → 'Rapid Support Forces', 'un' → 'UN', 'the us' → 'the US');
2. otherwise the word's most frequent spelling in spaCy's English frequency table
   (`spacy-lookups-data`, `en_lexeme_prob`: case-sensitive log probabilities of ~1M tokens),
   when it beats the lower-case one clearly, or at all for a word rare as a word ('kenya' →
   'Kenya', 'kaya' → 'Kaya'; 'police', 'rose' stay); compass words stay small;
3. a word the table does not know is taken for a name ('mandera' → 'Mandera');
4. the first word of each sentence is capitalised, a title before a name joins it
   ('president Maduro' → 'President Maduro'), a name spelled out before its acronym in
   brackets gets its capitals ('union of resistance forces (ufr)'), a wire dateline its
   capitals ('NAIROBI, Kenya —'), and a month that is also a word ('may', 'march') is one
   only beside a number.

Case is only restored in sentences that need it (`case_spans`): one with no capital at all
(in a text that is lower case throughout, or long enough not to be a fragment), or one with
no small letter (several words of capitals: a headline, a bulletin).
"""
from __future__ import annotations

import gzip
import json
import os
import re
import sqlite3
import sys
from collections.abc import Iterable
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from .. import lexicons
from ..places.index import ensure_index, index_path
from .text import paragraphs

# A word: letters and digits, with inner apostrophes and stops ("o'brien", "u.s."), and a
# final stop kept for the lookup ("gen.", "u.s."). Hyphens separate words ('al-shabab').
_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*\.?")
# A sentence ends at . ! ? (and closing quotes) before a space; the next one starts there.
_END = re.compile(r"""[.!?]+["'”’)\]]*\s+""")
_LETTER = re.compile(r"[^\W\d_]")
# A cheap first look: a sentence that starts small, or three words in capitals.
_MAYBE_SINGLE_CASE = re.compile(
    r"(?:^|[.!?][\"'”’)\]]*\s)[\s\"'“‘(\[]*[^\W\d_A-Z]|(?:[^\W\d_a-z]{2,}[^\w\n]+){2}[^\W\d_a-z]{2}",
    re.MULTILINE)
_NUMBER = re.compile(r"\d")
# A dateline's place: up to three words, then maybe ', Country' or ', March 14', maybe an
# agency in brackets, then a dash or a colon ('nairobi, kenya —', 'tehran (tasnim) –').
_DATELINE_HEAD = re.compile(
    r"([^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2})"
    r"(?=(?:,[ \t]*[^\n,:()]{2,40}?)?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:[—–:]|--?)\s)")
# Joins between the words of one name: a space or a hyphen (never a comma or a stop).
_NAME_GAP = re.compile(r"[ \-]")
_MAX_NAME_WORDS = 6
# A name's lower-case spelling must be this much rarer (natural log) than its capitalised
# one before the capitalised one is chosen: sentence-initial words ('However', 'Police')
# are capitalised in the table too, and must not pass for names.
_MARGIN = 0.5
# A known name (country, actor) wins over a word unless the word is this much more frequent:
# 'turkey' is the country in the news, 'said' is never the town.
_NAME_MARGIN = 2.0
# A word rarer than this (natural log of its lower-case frequency) is rare as a word.
_RARE = -15.0
# A word this close to its capitalised spelling (natural log) takes it beside a name.
_ATTRACT = 1.0
LOWER, UPPER = "lower", "upper"
_SENTENCE_END = ".!?:;\"”’)]"
_FULL_LINE = 50  # characters: a line this long that stops mid-sentence was wrapped
_ADDRESS = re.compile(r"://|www\.|@|\.(?:com|org|net)\b")  # web and mail addresses keep their case


class Truecaser:
    """Built once per pipeline from the names it knows. The frequency table is an index
    built once from spacy-lookups-data (~10 s, `CaseTable`) and opened on the first text that
    needs it, so clean text never pays for it."""

    def __init__(self, names: Iterable[str] = (), strong: Iterable[str] = ()) -> None:
        """`names`: cased names whose words are recognised together ('South Sudan'); a
        multi-word name counts only if one of its words is capitalised by the table anyway,
        so 'Union City' does not capitalise 'union city'. `strong`: names taken as given
        even where the table prefers a word, unless by far ('Turkey', 'Hamas', 'UN')."""
        self._names = tuple(names)
        self._strong_names = tuple(strong)

    # ---- resources ------------------------------------------------------------------------
    @cached_property
    def _table(self) -> CaseTable:
        return CaseTable()

    @cached_property
    def _phrases(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        out: dict[tuple[str, ...], tuple[str, ...]] = {}
        for name, guarded in [*((n, False) for n in self._strong_names),
                              *((n, True) for n in self._names)]:
            words = tuple(m.group() for m in _WORD.finditer(name))
            if len(words) < 2 or len(words) > _MAX_NAME_WORDS:
                continue
            key = tuple(w.lower() for w in words)
            if key in out:  # 'al-Shabab' and 'Al Shabab': the particle stays small mid-sentence
                if _small(words) > _small(out[key]):
                    out[key] = words
                continue
            if guarded and not any(self._capitalised(k) for k in key):
                continue
            if all(k in self._compass or k in _function_words() for k in key):
                continue  # 'north west' is a direction before it is a province
            out[key] = words
        return out

    @cached_property
    def _strong(self) -> dict[str, str]:
        """Single-word names: 'Turkey', 'Hamas' (not 'HAMAS'), 'UN'. Those that are also
        function words ('US', 'WHO') are in `_after_the`."""
        out: dict[str, str] = {}
        for name in self._strong_names:
            words = _WORD.findall(name)
            key = name.lower()
            if len(words) != 1 or words[0] != name or key in _stop_words():
                continue
            _, gain, _ = self._table.get(key) or (name, 99.0, 0.0)
            usual = (self._table.get(key) or ("",))[0]
            if gain > -_NAME_MARGIN and (key not in out or name == usual):
                out[key] = name  # 'Hamas' and 'HAMAS', 'ISIL' and 'Isil': the usual one
        return out

    @cached_property
    def _after_the(self) -> dict[str, str]:
        """Acronyms that are also function words: a name only after 'the' ('the US army',
        'the WHO said'; but 'told us')."""
        return {n.lower(): n for n in self._strong_names
                if n.isupper() and n.lower() in _stop_words() and _WORD.fullmatch(n)}

    @cached_property
    def _months(self) -> frozenset[str]:
        """Months whose lower-case spelling is also a common word ('may', 'march')."""
        return frozenset(m.lower() for m in lexicons.words("months")
                         if (self._table.get(m.lower()) or ("", -99.0))[1] < 2 * _MARGIN)

    @cached_property
    def _compass(self) -> frozenset[str]:
        return frozenset(lexicons.words("compass_words"))

    @cached_property
    def _abbreviations(self) -> frozenset[str]:
        return frozenset(lexicons.words("abbreviations"))

    @cached_property
    def _clitics(self) -> tuple[str, ...]:
        return tuple(sorted(lexicons.words("clitics"), key=len, reverse=True))

    # ---- restoring ------------------------------------------------------------------------
    def restore(self, text: str) -> tuple[str, str | None]:
        """The text with capitals restored where a sentence has none (or only capitals), and
        'lower', 'upper' or 'mixed' for what was found (None: nothing to do)."""
        spans = case_spans(text, self._abbreviations)
        if not spans:
            return text, None
        chars = list(text)
        for start, end, case in spans:
            self._restore_sentence(text, start, end, case, chars)
        self._datelines(text, spans, chars)
        kinds = {case for _, _, case in spans}
        return "".join(chars), kinds.pop() if len(kinds) == 1 else "mixed"

    def _datelines(self, text: str, spans: list[tuple[int, int, str]], chars: list[str]) -> None:
        """Wire datelines are written in capitals ('NAIROBI, Kenya —'): a place name opening
        one of the first paragraphs before a dash, a colon or an agency gets them back, so
        the dateline is not taken for the place of the events."""
        starts = {s for s, _, _ in spans}
        for start, _ in paragraphs(text)[:3]:
            m = _DATELINE_HEAD.match(text, start)
            if start not in starts or not m:
                continue
            words = _WORD.findall(m.group(1))
            if all(self._form(w.lower().rstrip("."))[:1].isupper() for w in words):
                now = "".join(chars[m.start(1):m.end(1)])
                _put(chars, m.start(1), now, now.upper())

    def _restore_sentence(self, text: str, start: int, end: int, case: str,
                          chars: list[str]) -> None:
        found = list(_WORD.finditer(text, start, end))
        words = [m for m in found if not _keep_as_is(text, m, case)]
        forms: list[str] = []
        named: list[bool] = []  # spelled by a known name (not by the word table)
        i = 0
        while i < len(words):
            n, spelled = self._name_at(text, words, i)
            forms += spelled or [self._word_form(text, words, i)]
            named += [bool(spelled)] * n
            i += n
        self._attract(text, words, forms, named)
        _spelled_out(text, words, forms)
        for m, form in zip(words, forms):
            if found and m.start() == found[0].start() and _sentence_starts(text, start):
                form = form[:1].upper() + form[1:]
            _put(chars, m.start(), m.group(), form)

    def _attract(self, text: str, words: list[re.Match], forms: list[str],
                 named: list[bool]) -> None:
        """'the us army' → 'the US army'; a word the table nearly capitalises before a name
        joins it: 'president Maduro' → 'President Maduro' (not after one: 'Sudanese army')."""
        for k in range(1, len(words)):
            word = forms[k].lower()
            if word in self._after_the and words[k - 1].group().lower() == "the":
                forms[k] = self._after_the[word]
        for k in range(len(forms) - 2, -1, -1):  # right to left: 'deputy prime minister X'
            form = forms[k]
            if named[k] or not form.islower() or form in _stop_words() or form in self._compass:
                continue
            hit = self._table.get(form)
            if hit is None or hit[1] <= -_ATTRACT or not hit[0][:1].isupper():
                continue
            if _joined(text, words, k, k + 1) and forms[k + 1][:1].isupper():
                forms[k] = hit[0]

    def _name_at(self, text: str, words: list[re.Match], i: int) -> tuple[int, tuple[str, ...]]:
        """(number of words, their spelling) of the longest known name starting at word i;
        (1, ()) when none does."""
        key: list[str] = []
        best: tuple[int, tuple[str, ...]] = (1, ())
        for j in range(i, min(len(words), i + _MAX_NAME_WORDS)):
            if j > i and not _NAME_GAP.fullmatch(text[words[j - 1].end():words[j].start()]):
                break
            key.append(words[j].group().lower().rstrip("."))
            hit = self._phrases.get(tuple(key))
            if hit:
                best = (j - i + 1, hit)
        return best

    def _word_form(self, text: str, words: list[re.Match], i: int) -> str:
        """The usual spelling of word i (same length, only the case may differ)."""
        word = words[i].group().lower()
        bare = word.rstrip(".")
        if bare in self._months:
            near = [words[k].group() for k in (i - 1, i + 1) if 0 <= k < len(words)]
            return bare.capitalize() + word[len(bare):] if any(
                _NUMBER.search(w) for w in near) else word
        # the stop stays in the lookup only for abbreviations ('gen.', 'u.s.'): 'border.' is
        # rare in the table and capitalised there (headlines)
        dotted = word != bare and ("." in bare or bare in self._abbreviations)
        return self._form(word if dotted else bare) + word[len(word if dotted else bare):]

    def _form(self, word: str) -> str:
        if word in self._strong:
            return self._strong[word]
        stem, ending = self._split_clitic(word)
        if ending:  # "mandera's" → "Mandera's", "don't" → "don't"
            return self._form(stem) + ending
        if word in self._compass:
            return word
        found = self._lookup(word)
        if found is not None:
            return found
        if _LETTER.match(word) and len(word) > 1 and not _NUMBER.search(word):
            return word.capitalize()  # unknown to the table: most such words are names
        return word

    def _lookup(self, key: str) -> str | None:
        """The table's spelling of a word it knows, else None."""
        hit = self._table.get(key.replace("’", "'"))
        if hit is None:
            return None
        form, gain, rarity = hit
        if len(form) != len(key):
            return key
        # a rare word capitalised more often than not is a name ('kaya', 'tongo'); a common
        # one needs a clear lead ('rose', 'dawn' stay words)
        return form if gain > _MARGIN or (gain > 0 and rarity < _RARE) else key

    def _capitalised(self, key: str) -> bool:
        hit = self._table.get(key)
        return hit is None or (hit[1] > _MARGIN and hit[0][:1].isupper())

    def _split_clitic(self, word: str) -> tuple[str, str]:
        plain = word.replace("’", "'")
        for ending in self._clitics:
            if plain.endswith(ending) and len(plain) > len(ending):
                return word[:-len(ending)], word[-len(ending):]
        return word, ""


def _spelled_out(text: str, words: list[re.Match], forms: list[str]) -> None:
    """'union of resistance forces (ufr)': a name followed by its acronym in brackets has as
    many words (besides 'of', 'the'…) as the acronym has letters, the first one its first
    letter ('VDP', 'FACT' spell names in French: only the first letter is checked)."""
    for k, m in enumerate(words):
        acronym = m.group()
        if not (text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")"
                and 2 <= len(acronym) <= 6 and acronym.isalpha()):
            continue
        content: list[int] = []
        j = k - 1
        while j >= 0 and len(content) < len(acronym):
            if text[words[j].end():words[j + 1].start()] not in (" ", " (") or "." in words[j].group():
                break
            if forms[j].lower() not in _function_words():
                content.append(j)
            j -= 1
        if len(content) == len(acronym) and forms[content[-1]][:1].lower() == acronym[0].lower():
            for j in content:
                forms[j] = forms[j] if not forms[j].islower() else forms[j].capitalize()
            forms[k] = acronym.upper()


def _joined(text: str, words: list[re.Match], k: int, j: int) -> bool:
    """Words k and j exist and stand side by side, one space apart."""
    if not 0 <= j < len(words):
        return False
    a, b = sorted((k, j))
    return text[words[a].end():words[b].start()] == " "


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(lexicons.words("name_function_words"))


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # lazy: spaCy is slow to import

    return frozenset(STOP_WORDS)


def _small(words: tuple[str, ...]) -> int:
    return sum(c.islower() for w in words for c in w)


def _put(chars: list[str], start: int, word: str, form: str) -> None:
    """Write `form`'s case onto `word` in place, letter by letter, where it changes no length."""
    for k, (old, new) in enumerate(zip(word, form)):
        if old != new and len(new) == 1 and new.lower() == old.lower():
            chars[start + k] = new


def _keep_as_is(text: str, m: re.Match, case: str) -> bool:
    """A word already written in mixed case, or part of an address, keeps its spelling."""
    word = m.group()
    if case == LOWER and any(c.isupper() for c in word):
        return True
    if case == UPPER and any(c.islower() for c in word):
        return True
    lo = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    hi = min(x for x in (text.find(" ", m.end()), text.find("\n", m.end()), len(text)) if x >= 0)
    return bool(_ADDRESS.search(text, lo, hi))


# ---- which sentences -------------------------------------------------------------------------
def case_spans(text: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """(start, end, 'lower' | 'upper') of the sentences written in a single case."""
    if not _MAYBE_SINGLE_CASE.search(text):
        return []  # most texts: every sentence starts with a capital, no run of capitals
    sentences = [s for ps, pe in paragraphs(text) for s in _sentences(text, ps, pe, abbreviations)]
    stats = [_letters(text, s, e) for s, e in sentences]
    upper = sum(u for u, _ in stats)
    lower = sum(low for _, low in stats)
    all_lower = lower >= 20 and upper <= 0.01 * (upper + lower)
    all_upper = upper >= 20 and lower <= 0.01 * (upper + lower)
    out = []
    for (s, e), (u, low) in zip(sentences, stats):
        words = len(text[s:e].split())
        if low == 0 and u >= 2 and (all_upper or (words >= 3 and u >= 12)):
            out.append((s, e, UPPER))
        elif u == 0 and low >= 2 and (all_lower or (
                words >= 5 and _starts_lower(text, s, e) and _sentence_starts(text, s))):
            out.append((s, e, LOWER))
        elif all_lower and u <= 0.02 * low and _starts_lower(text, s, e):
            out.append((s, e, LOWER))  # a lower-case archive with a stray capital
    return out


def _sentences(text: str, start: int, end: int, abbreviations: frozenset[str]):
    """Sentence spans of a paragraph, found without looking at case."""
    pos = start
    for m in _END.finditer(text, start, end):
        word = re.search(r"([\w.]+)\.$", text[max(pos, m.start() - 12):m.start() + 1])
        if word and (word.group(1).lower() in abbreviations or len(word.group(1)) == 1):
            continue
        if _BRACKETED_ABBREVIATION.search(text, max(pos, m.start() - 12), m.end() + 1):
            continue  # 'Rep. Jane Doe (D-Md.) said': the stop closes a bracketed abbreviation
        yield pos, m.start() + len(m.group().rstrip())
        pos = m.end()
    if pos < end:
        yield pos, end


# one word in brackets ending in a stop, then a word in lower case: a party and state after a
# name ('(D-Md.)', '(R-Ky.)'), a rank ('(Ret.)'); a sentence in brackets has spaces in it
_BRACKETED_ABBREVIATION = re.compile(r"\([^\s()]{1,10}\.\)\s+(?=[a-z])")


def _sentence_starts(text: str, start: int) -> bool:
    """Whether a sentence begins at `start`: the text before ends one, or a blank line, a
    short line or a line in capitals (a headline, a byline) stands before it. A hard-wrapped line that runs on from
    a full line above begins none."""
    before = text[max(0, start - 200):start]
    body = before.rstrip()
    if not body or body[-1] in _SENTENCE_END or "\n\n" in before[len(body):]:
        return True
    if "\n" not in before[len(body):]:
        return False
    line = body[body.rfind("\n") + 1:]
    return len(line) < _FULL_LINE or not any(c.islower() for c in line)  # or a caps headline


def _letters(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    return sum(map(str.isupper, span)), sum(map(str.islower, span))


def _starts_lower(text: str, start: int, end: int) -> bool:
    m = _LETTER.search(text, start, end)
    return bool(m) and m.group().islower()


# ---- the frequency table ---------------------------------------------------------------------
TABLE_VERSION = "3"
_ACRONYM_LETTERS = 4  # longer words in capitals are read as shouting, not acronyms
_ODD_CASE = re.compile(r"[a-z]{3}[A-Z]")  # 'canNOT' is shouting too ('McDonald' is not)
DEFAULT_TABLE = Path(__file__).resolve().parents[1] / "data" / "casing.sqlite"


class CaseTable:
    """lower-case word → (its most frequent spelling other than all lower case, how much more
    frequent that spelling is than the lower-case one as a natural-log ratio: +99 when the word
    is never written lower case, -99 when it is only written so). Read from an index built
    once from spaCy's `en_lexeme_prob` (~6 s, see `build_table`); lookups are cached."""

    def __init__(self, path: Path | None = None) -> None:
        path = path or _table_path()
        ensure_index(path, _source_stamp(), ["newsledger.extract.truecase", str(path)],
                     build_table)  # in a child: the build reads ~300 MB of JSON
        self._con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True,
                                    check_same_thread=False)
        self._pid = os.getpid()
        self._path = path
        self.get = lru_cache(maxsize=200_000)(self._get)

    def _get(self, key: str) -> tuple[str, float, float] | None:
        if self._pid != os.getpid():  # a forked worker opens its own connection
            self._con = sqlite3.connect(f"file:{self._path}?mode=ro&immutable=1", uri=True,
                                        check_same_thread=False)
            self._pid = os.getpid()
        row = self._con.execute("SELECT form, gain, lower FROM words WHERE key = ?",
                                (key,)).fetchone()
        return tuple(row) if row else None


def build_table(path: Path) -> None:
    """Write the index of `CaseTable` (atomically: readers never see half a file)."""
    src = resources.files("spacy_lookups_data").joinpath("data/en_lexeme_prob.json.gz")
    with src.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        probs: dict[str, float] = json.load(f)
    # The rarest spellings (the table's floor, seen about once) say nothing either way, and
    # long words in capitals come from headlines ('CANNOT'), not from acronyms.
    floor = min(probs.values()) + 0.01
    probs = {form: p for form, p in probs.items() if p > floor}
    best: dict[str, tuple[str, float]] = {}
    for form, p in probs.items():
        key = form.lower()
        odd = (form.isupper() and len(form) > _ACRONYM_LETTERS) or _ODD_CASE.search(form)
        if form != key and not odd and (key not in best or p > best[key][1]):
            best[key] = (form, p)
    rows = []
    for key, (form, p) in best.items():
        lower = probs.get(key, floor)
        rows.append((key, form, round(p - lower, 3) if key in probs else 99.0, round(lower, 3)))
    rows += [(key, key, -99.0, round(p, 3)) for key, p in probs.items()
             if key == key.lower() and key not in best]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    con = sqlite3.connect(tmp)
    try:
        con.execute("CREATE TABLE words(key TEXT PRIMARY KEY, form TEXT, gain REAL, lower REAL) "
                    "WITHOUT ROWID")
        con.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
        con.executemany("INSERT OR REPLACE INTO words VALUES (?, ?, ?, ?)", sorted(rows))
        con.execute("INSERT INTO meta VALUES ('stamp', ?)", (_source_stamp(),))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)


def _table_path() -> Path:
    """$NEWSLEDGER_CASING, else the package's data directory, else (a read-only install) the
    user's cache directory."""
    return index_path(DEFAULT_TABLE, "NEWSLEDGER_CASING")


def _source_stamp() -> str:
    from importlib.metadata import version

    return f"{TABLE_VERSION}:{version('spacy-lookups-data')}"


def gazetteer_names(path: str | Path) -> tuple[list[str], list[str]]:
    """(names, units) from the gazetteer index: country, province and district names and
    towns of 20,000 people or more, largest first; and the countries' and provinces' names
    alone ('Kenya', 'West Bank'), which the truecaser takes even when their words are common."""
    import sqlite3

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT name, kind FROM places WHERE kind IN ('country', 'admin1', 'admin2') "
            "OR pop >= 20000 ORDER BY pop DESC, id").fetchall()
    finally:
        con.close()
    units = [n for n, kind in rows if kind == "country" or (kind == "admin1" and " " in n)]
    return [n for n, _ in rows], units

if __name__ == "__main__":
    build_table(Path(sys.argv[1]) if len(sys.argv) > 1 else _table_path())
