"""See through text as it arrives: mojibake, HTML entities, odd spaces and quotes, and text
(or sentences) written all in lower or all in upper case.

The text the user gave is never changed. `normalize` returns a *working copy* that every
stage reads, and an offset map back to the original: the ledger's spans are mapped back when
it is built, so its offsets index the text as given and its evidence is `original[start:end]`.

- Mojibake (UTF-8 read as Windows-1252 or Latin-1, once or twice: 'â€™' for '’') is repaired
  by ftfy, one run of non-ASCII characters at a time, so each repair is a local edit.
- HTML entities are decoded: '&#39;', '&amp;', '&nbsp;', '&amp;quot;', and the '& # 39;' form
  that some scrapers leave.
- Odd spaces, invisible characters and rare quote forms are unified
  (`lexicons/unified_characters.yaml`), and 'governor''s' becomes 'governor's'.
- Case: sentences in a single case get their capitals back (`truecase.Truecaser`). This edit
  keeps every character in place, so it needs no offset map.

What was repaired is counted in `Normalized.repairs`, which the ledger carries as `normalized`.
"""
from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from .. import lexicons

if TYPE_CHECKING:
    from .truecase import Truecaser

# Entities: numeric ('&#39;', '&#x27;', the scraped '& # 39;'), named ('&amp;', '&rsquo;'),
# each possibly escaped again ('&amp;#39;'). Non-ASCII runs may be mojibake or odd characters.
# A doubled apostrophe inside a word ('governor''s') is an escaped apostrophe.
_SUSPECT = re.compile(
    r"&(?:amp;)*[ ]?#[ ]?(?:\d{1,7}|[xX][0-9a-fA-F]{1,6})[ ]?;"
    r"|&(?:amp;)*[A-Za-z][A-Za-z0-9]{1,31};"
    r"|[^\x00-\x7f]+"
    r"|(?<=[^\W\d_])''(?=[^\W\d_])"
)
# First characters of UTF-8 multibyte sequences read as Windows-1252/Latin-1 ('Ã', 'â', 'Å'…):
# a run without one holds no mojibake, and ftfy is not asked.
_LEAD = re.compile(r"[\u00c2-\u00f4]")
_LOWER_LEAD = re.compile(r"[\u00e0-\u00fe]")  # the same, after the archive was lower-cased


@dataclass(frozen=True)
class OffsetMap:
    """Original ↔ working offsets. Each edit replaced original[o0:o1] by working[w0:w1];
    between edits the two texts agree character for character. Edits never touch (touching
    ones are merged), so both columns are strictly increasing."""

    orig_starts: tuple[int, ...]
    orig_ends: tuple[int, ...]
    work_starts: tuple[int, ...]
    work_ends: tuple[int, ...]

    @classmethod
    def from_edits(cls, edits: list[tuple[int, int, str]]) -> OffsetMap:
        o0, o1, w0, w1 = [], [], [], []
        shift = 0
        for start, end, new in edits:
            o0.append(start)
            o1.append(end)
            w0.append(start + shift)
            w1.append(start + shift + len(new))
            shift += len(new) - (end - start)
        return cls(tuple(o0), tuple(o1), tuple(w0), tuple(w1))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """A working span's original span; a span touching an edit covers all of it."""
        return _map(start, end, self.work_starts, self.work_ends, self.orig_starts, self.orig_ends)

    def to_working(self, start: int, end: int) -> tuple[int, int]:
        return _map(start, end, self.orig_starts, self.orig_ends, self.work_starts, self.work_ends)


def _map(start: int, end: int, s0: tuple[int, ...], s1: tuple[int, ...],
         d0: tuple[int, ...], d1: tuple[int, ...]) -> tuple[int, int]:
    k = bisect_right(s0, start) - 1
    if k < 0:
        a = start
    elif start < s1[k]:
        a = d0[k]  # inside an edit: the start of what it came from
    else:
        a = d1[k] + start - s1[k]
    if end == start:
        return a, a
    k = bisect_left(s0, end) - 1
    if k < 0:
        b = end
    elif end <= s1[k]:
        b = d1[k]  # inside an edit: the end of what it came from
    else:
        b = d1[k] + end - s1[k]
    return a, b


@dataclass(frozen=True)
class Normalized:
    """The text as given, the working copy the stages read, and how to get back."""

    original: str
    text: str
    offsets: OffsetMap | None = None  # None: every character kept its place
    repairs: dict[str, Any] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_original(start, end) if self.offsets else (start, end)

    def to_working(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_working(start, end) if self.offsets else (start, end)


def normalize(text: str, truecaser: Truecaser | None = None) -> Normalized:
    """The working copy of `text` (see the module docstring). Without a truecaser, case is
    left as it is."""
    edits, repairs = character_edits(text)
    working = _apply(text, edits) if edits else text
    if truecaser is not None:
        working, case = truecaser.restore(working)
        if case:
            repairs["case"] = case
    offsets = OffsetMap.from_edits(edits) if edits else None
    return Normalized(text, working, offsets, repairs)


def character_edits(text: str) -> tuple[list[tuple[int, int, str]], dict[str, Any]]:
    """(start, end, replacement) edits of the text, in order, never touching and never empty
    (so no two offsets outside the edits meet in the working copy), and how many of each kind
    (mojibake, entities, characters)."""
    edits: list[tuple[int, int, str]] = []
    counts = {"mojibake": 0, "entities": 0, "characters": 0}
    if text.isascii() and "&" not in text and "''" not in text:
        return edits, {}
    for m in _SUSPECT.finditer(text):
        found = m.group()
        if found[0] == "&":
            new, kind = _entity(found), "entities"
        elif found == "''":
            new, kind = "'", "characters"
        else:
            new, kind = _non_ascii(found)
        if new == found:
            continue
        start, end = m.start(), m.end()
        if not new:  # a dropped character goes with the one before it: no empty span
            if start == 0:
                continue
            if not edits or edits[-1][1] != start:
                start, new = start - 1, text[start - 1]
        counts[kind] += 1
        if edits and edits[-1][1] == start:  # touching edits are one edit
            start, _, prev = edits.pop()
            new = prev + new
        edits.append((start, end, new))
    return edits, {k: n for k, n in counts.items() if n}


def _entity(found: str) -> str:
    """'&amp;#39;' → "'"; an unknown name ('&foo;') stays as it is."""
    s = found.replace(" ", "")
    for _ in range(4):  # '&amp;amp;quot;': each round undoes one escaping
        decoded = html.unescape(s)
        if decoded == s:
            break
        s = decoded
    return _unify(s) if s != found.replace(" ", "") else found


def _non_ascii(run: str) -> tuple[str, str]:
    """A run of non-ASCII characters repaired: (new text, kind of repair)."""
    fixed = _fix_encoding(run) if _LEAD.search(run) or _LOWER_LEAD.search(run) else run
    kind = "mojibake" if fixed != run else "characters"
    return _unify(fixed), kind


def _fix_encoding(run: str) -> str:
    import ftfy  # lazily: most texts never need it
    from ftfy.badness import is_bad

    for damaged, meant in _residue().items():
        if run.endswith(damaged):  # its last byte was lost: nothing follows that could end it
            run = run[:-len(damaged)] + meant
    fixed = ftfy.fix_encoding(run)
    if fixed == run and _LOWER_LEAD.search(run):
        # Mojibake lower-cased with the rest of an archive ('ã©' for 'Ã©', 'é'): the lead
        # character is read back in capitals, and the repaired letter lower-cased again.
        raised = _LOWER_LEAD.sub(lambda m: m.group().upper(), run)
        again = ftfy.fix_encoding(raised)
        if again != raised and not is_bad(again):
            fixed = again.lower()
    return fixed


@cache
def _residue() -> dict[str, str]:
    return lexicons.mapping("mojibake_residue")


@cache
def _unify_table() -> dict[int, str]:
    return {ord(k): v for k, v in lexicons.mapping("unified_characters").items()}


def _unify(s: str) -> str:
    return s if s.isascii() else s.translate(_unify_table())


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    parts, pos = [], 0
    for start, end, new in edits:
        parts += [text[pos:start], new]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
