"""Cheap text structure: paragraphs and sentences with offsets, and name folding.

The sentence splitter is rule-based on purpose: it runs on every sentence of every article,
where spaCy's parser would cost ~100× more; spaCy then runs only on the sentences that need it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from anyascii import anyascii

from .. import lexicons

ABBREVIATIONS = {*lexicons.words("abbreviations"), *(t.lower() for t in lexicons.words("title_abbreviations"))}
# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a likely start.
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of the paragraph (block of non-blank lines) it belongs to


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans. Most scraped news has one paragraph per line; wire and archive texts
    are hard-wrapped at a fixed width, so a block of lines that mostly run on without a final
    stop is one paragraph (a line that ends a sentence may still end the paragraph)."""
    spans: list[tuple[int, int]] = []
    for block in re.finditer(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*", text):
        lines = _trimmed_lines(text, block.start(), block.end())
        if _hard_wrapped(text, lines):
            spans.append((lines[0][0], lines[-1][1]))
        else:
            spans.extend(lines)
    return spans


def _trimmed_lines(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text[lo:hi]):
        s, e = lo + m.start(), lo + m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


_BULLET = re.compile(r"[•·▪●◦‣*–-]\s")  # a list item's mark at the start of a line


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Lines that run on are one wrapped paragraph; a list of bullet points is not one
    ('• 73 dead' / '• Protests spread to Cairo': each item says its own thing)."""
    if len(lines) < 3 or all(_BULLET.match(text, s) for s, _ in lines):
        return False
    inner = lines[:-1]
    running_on = sum(not re.search(r"[.!?:\"”)]$", text[s:e]) for s, e in inner)
    return running_on >= 0.6 * len(inner)


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for p, (ps, pe) in enumerate(paragraphs(text)):
        start = ps
        for m in _BOUNDARY.finditer(text, ps, pe):
            if _is_abbreviation(text, ps, m.start()):
                continue
            end = m.end()
            out.append(Sentence(start, end, text[start:end], p))
            start = end
            while start < pe and text[start].isspace():
                start += 1
        if start < pe:
            out.append(Sentence(start, pe, text[start:pe], p))
    return out


def _is_abbreviation(text: str, lo: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    m = re.search(r"([A-Za-z.]+)$", text[max(lo, dot - 12):dot])
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    return word in ABBREVIATIONS or (len(word) == 1 and text[dot - 1].isupper())


def fold(s: str) -> str:
    """Case- and diacritic-insensitive key for names (ı/İ handled by anyascii)."""
    return " ".join(re.sub(r"[^\w\s]", " ", anyascii(s).lower()).split())


def find_literals(text: str, alternatives: list[str], not_before: re.Pattern[str],
                  not_after: re.Pattern[str]) -> list[tuple[int, int]]:
    """The spans `re.finditer` gives for `(?<!B)(?:A1|A2|…)(?!C)` with literal alternatives
    tried in the order given (leftmost match first; at one start, the first alternative that
    fits), where `not_before` matches B at the character before a start and `not_after`
    matches C at an end. Found with `str.find`: an article's own names make a new pattern for
    every article, and compiling one costs more than the search (empty alternatives skipped)."""
    found: list[tuple[int, int, int]] = []
    for rank, alt in enumerate(alternatives):
        if not alt:
            continue
        at = text.find(alt)
        while at >= 0:
            end = at + len(alt)
            if not (at and not_before.match(text, at - 1)) and not not_after.match(text, end):
                found.append((at, rank, end))
            at = text.find(alt, at + 1)
    found.sort()
    spans: list[tuple[int, int]] = []
    last = 0
    for start, _, end in found:
        if start >= last:  # sorted by rank at one start: the first that fits is taken
            spans.append((start, end))
            last = end
    return spans
