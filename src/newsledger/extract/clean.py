"""Mark boilerplate (scraped furniture, related-headline lists) as sentences to skip.

Never changes the text: offsets must keep indexing the article as given.
"""
from __future__ import annotations

import re

from ..document import Doc

_FURNITURE = re.compile(
    r"^\s*(read more|also read|related( stories| articles| news)?|recommended|more on this|"
    r"click here|share (this|on)|follow us|sign up|subscribe|advertisement|copyright|©|"
    r"all rights reserved|photo:|image:|video:|watch:|listen:|updated:|posted:|published:|"
    r"you may also like|trending|most read|comments?\b)",
    re.IGNORECASE,
)
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
    r"(?P<place>[A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,3})"
    r"(?:,\s*(?:[A-Z][a-z]+,\s*)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{2,4})?"
    r"|,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?(?=\s*\())?"  # 'LAGOS, Nigeria (Reuters) —': a country, no date
    r",?\s*(?P<agency>\([^)\n]{1,40}\))?\s*(?P<dash>[-–—:]{1,2})?"
)


_PLACE_COUNTRY_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,2}),\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?\s*[:–—-]\s|"
    r"(?P<town>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2})\s+[—–]\s")


def mark_dateline(doc: Doc) -> None:
    """A wire dateline ('BAGHDAD, March 14 (Reuters) -', 'TEHRAN (Tasnim) –') names where the
    story was filed; its place must not be taken for the place of the events. Run after
    `mark_title`: a headline is not a dateline."""
    for i in doc.live_sentences()[:3]:
        s = doc.sentences[i]
        if i > 0 and doc.sentences[i - 1].paragraph == s.paragraph:
            continue
        m = _DATELINE.match(s.text)
        if not m or not (m.group("agency") or m.group("dash")):
            continue
        place = m.group("place")
        if place.isupper() or m.group("agency"):
            doc.dateline = (s.start + m.start("place"), s.start + m.end("place"))
            return
    for i in doc.live_sentences()[:3]:  # no date: 'NAYPYITAW, Myanmar: …', 'Maputo — …'
        s = doc.sentences[i]
        m = _PLACE_COUNTRY_DATELINE.match(s.text)
        if m and i != doc.title:
            group = "place" if m.group("place") else "town"
            doc.dateline = (s.start + m.start(group), s.start + m.end(group))
            return


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
