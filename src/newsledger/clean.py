"""Mark boilerplate (scraped furniture, related-headline lists) as sentences to skip.

Never changes the text: offsets must keep indexing the article as given.
"""
from __future__ import annotations

import re

from .document import Doc

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


def _is_headline_like(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 16 and not _TERMINAL.search(text)


def _alone_in_paragraph(doc: Doc, i: int) -> bool:
    p = doc.sentences[i].paragraph
    before = i > 0 and doc.sentences[i - 1].paragraph == p
    after = i + 1 < len(doc.sentences) and doc.sentences[i + 1].paragraph == p
    return not before and not after
