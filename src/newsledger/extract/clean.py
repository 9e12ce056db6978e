"""Mark boilerplate (scraped furniture, related-headline lists) as sentences to skip.

Never changes the text: offsets must keep indexing the article as given.
"""
from __future__ import annotations

import re

from .. import lexicons
from ..document import Dateline, Doc

_FURNITURE = re.compile(r"^\s*(?:" + lexicons.alternation("furniture_lines") + r"|comments?\b)",
                        re.IGNORECASE)
_TERMINAL = re.compile(r"""[.!?:;"'”’)]\s*$""")


def mark_boilerplate(doc: Doc) -> None:
    """Skip furniture lines, and runs of 3+ short headline-like lines after the body
    began (a scraped 'related headlines' list): each looks like a title, none ends a sentence."""
    sentences = doc.sentences
    body_started = False
    run: list[int] = []
    for i, s in enumerate(sentences):
        if _FURNITURE.match(s.text):
            doc.skipped.add(i)
            continue
        headline_like = _is_headline_like(s.text) and _alone_in_paragraph(doc, i)
        if headline_like and body_started:
            run.append(i)
            continue
        if len(run) >= 3:
            doc.skipped.update(run)
        run = []
        if not headline_like:
            body_started = True
    if len(run) >= 3:
        doc.skipped.update(run)


_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,3}"
    r"(?:/[A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,3})*)"  # 'BENGHAZI/TRIPOLI'
    r"(?:,\s*(?:[A-Z][a-z]+,\s*)?(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{2,4})?)"
    r"|,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?(?=\s*\())?"  # 'LAGOS, Nigeria (Reuters) —': a country, no date
    r",?\s*(?P<agency>\([^)\n]{1,40}\))?\s*(?P<dash>[-–—:]{1,2})?"
)


_PLACE_COUNTRY_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,2}),\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?\s*[:–—-]\s|"
    r"(?P<town>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2})\s+[—–]\s")


# A dated header at a line start: "KIRKUK, Iraq, May 4 (Reuters) -", "Kirkuk, May 4:", "May 4 -".
_MONTH = "(?:" + lexicons.alternation("months") + "|" + lexicons.alternation("month_abbreviations") + r"\.?)"
_HEADER = re.compile(
    r"[ \t]*(?:(?P<place>[A-Z][\w.'’ -]{0,40}?),[ \t]*(?:[A-Z][\w.'’ -]{0,30}?,[ \t]*)?)?"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
    r"[ \t]*(?:(?P<agency>\([^()\n]{1,40}\))(?:[ \t]*[:\-–—]{1,2})?|[:\-–—])")


def mark_dateline(doc: Doc) -> None:
    """Paragraph headers: a wire dateline ('BAGHDAD, March 14 (Reuters) -', 'TEHRAN (Tasnim) –')
    names where the story was filed, and its place must not be taken for the place of the
    events (`doc.dateline`); every dated header, the dateline's or a chronology's ('Kirkuk,
    May 4:'), dates its paragraph (`doc.headers`). Run after `mark_title`: a headline is not
    a dateline."""
    doc.headers = _dated_headers(doc.text)
    doc.dateline = _story_dateline(doc)


def _dated_headers(text: str) -> list[Dateline]:
    out = []
    for line in re.finditer(r"^", text, re.MULTILINE):
        m = _HEADER.match(text, line.start())
        if m:
            out.append(Dateline(m.start(), m.end(), _span(m, "place", 0), _span(m, "date", 0),
                                _span(m, "agency", 0, inner=True)))
    return out


def _story_dateline(doc: Doc) -> Dateline | None:
    for i in doc.live_sentences()[:3]:
        s = doc.sentences[i]
        if i > 0 and doc.sentences[i - 1].paragraph == s.paragraph:
            continue
        m = _DATELINE.match(s.text)
        if not m or not (m.group("agency") or m.group("dash")):
            continue
        place = m.group("place")
        if place.isupper() or m.group("agency"):
            return Dateline(s.start, s.start + m.end(), _span(m, "place", s.start),
                            _span(m, "date", s.start), _span(m, "agency", s.start, inner=True))
    for i in doc.live_sentences()[:3]:  # no date: 'NAYPYITAW, Myanmar: …', 'Maputo — …'
        s = doc.sentences[i]
        m = _PLACE_COUNTRY_DATELINE.match(s.text)
        if m and i != doc.title:
            group = "place" if m.group("place") else "town"
            return Dateline(s.start, s.start + m.end(), _span(m, group, s.start))
    return None


def _span(m: re.Match, group: str, base: int, inner: bool = False) -> tuple[int, int] | None:
    """A group's span in article offsets (None when it did not match); `inner` drops the
    first and last character (an agency's brackets)."""
    if m.group(group) is None:
        return None
    cut = 1 if inner else 0
    return base + m.start(group) + cut, base + m.end(group) - cut


def mark_title(doc: Doc) -> None:
    """The text opens with a headline: a first line alone in its paragraph, no final stop."""
    if doc.sentences and _is_headline_like(doc.sentences[0].text) and _alone_in_paragraph(doc, 0):
        doc.title = 0


def _is_headline_like(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 16 and not _TERMINAL.search(text)


def _alone_in_paragraph(doc: Doc, i: int) -> bool:
    p = doc.sentences[i].paragraph
    before = i > 0 and doc.sentences[i - 1].paragraph == p
    after = i + 1 < len(doc.sentences) and doc.sentences[i + 1].paragraph == p
    return not before and not after
