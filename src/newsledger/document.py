"""The working state of one article while the stages run: sentences, parses and found spans."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .article import Article
from .extract.text import Sentence


@dataclass(frozen=True)
class NamedSpan:
    """A named-entity span in article offsets (from spaCy's NER or the entity ruler)."""

    start: int
    end: int
    text: str
    label: str
    sentence: int


@dataclass(frozen=True)
class Dateline:
    """A header that opens a paragraph, found once by the clean stage: a wire dateline
    ('BAGHDAD, March 14 (Reuters) -', 'TEHRAN (Tasnim) –': where and when the story was filed,
    by whom) or a chronology's entry ('Kirkuk, May 4:'); [start, end) is the whole header,
    dash included. Spans in article offsets."""

    start: int
    end: int
    place: tuple[int, int] | None = None
    date: tuple[int, int] | None = None
    agency: tuple[int, int] | None = None  # the name inside the brackets


@dataclass
class Doc:
    article: Article
    sentences: list[Sentence]
    skipped: set[int] = field(default_factory=set)    # boilerplate sentences (clean stage)
    dateline: Dateline | None = None         # the story's: "TEHRAN (Tasnim) –" (clean stage)
    headers: list[Dateline] = field(default_factory=list)  # every dated one: "Kirkuk, May 4:"
    title: int | None = None                 # index of the headline sentence, if the text opens with one
    selected: set[int] = field(default_factory=set)   # sentences sent to spaCy (triage stage)
    parsed: dict[int, Any] = field(default_factory=dict)  # sentence index → spaCy Doc
    names: list[NamedSpan] = field(default_factory=list)
    places: list[Any] = field(default_factory=list)   # gazetteer.PlaceMatch, article offsets
    dates: list[Any] = field(default_factory=list)    # dates.TimeExpr
    actors: list[Any] = field(default_factory=list)   # actors.ActorMatch
    countries: list[str] = field(default_factory=list)  # ISO codes the article is about, most first
    entities: list[Any] = field(default_factory=list)   # ledger.Entity
    events: list[Any] = field(default_factory=list)
    quotes: list[Any] = field(default_factory=list)
    claims: list[Any] = field(default_factory=list)
    speech: Any = None  # quotes.analyse_speech's reading, shared by the quotes and claims stages
    normalized: Any = None  # normalize.Normalized: the text as given ↔ the working copy
    # read once, asked by several stages (speed only: the same answer as asking again)
    frame: Any = None  # sense.Frame of the text (sense.doc_frame)
    triggers: dict[int, bool] = field(default_factory=dict)  # sentence → holds a trigger word

    @property
    def text(self) -> str:
        """The working copy every stage reads (the text as given when nothing was repaired);
        its offsets are mapped back to the text as given when the ledger is built."""
        return self.article.text

    def header_records(self) -> list[Dateline]:
        """The story's dateline and every dated paragraph header, in text order, once each."""
        found = [*self.headers, *([self.dateline] if self.dateline else [])]
        return sorted(set(found), key=lambda h: (h.start, h.end))

    def header_places(self) -> list[tuple[int, int]]:
        """The place spans of the header records ('BENGHAZI/TRIPOLI', 'Kirkuk')."""
        return [h.place for h in self.header_records() if h.place]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding `offset` (binary search; sentences are sorted)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def in_sentence(self, spans: list, index: int) -> list:
        s = self.sentences[index]
        return [x for x in spans if s.start <= x.start and x.end <= s.end]

    def live_sentences(self) -> list[int]:
        return [i for i in range(len(self.sentences)) if i not in self.skipped]
