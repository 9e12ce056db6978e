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


@dataclass
class Doc:
    article: Article
    sentences: list[Sentence]
    skipped: set[int] = field(default_factory=set)    # boilerplate sentences (clean stage)
    dateline: tuple[int, int] | None = None  # "TEHRAN (Tasnim) –": where it was filed, not where it happened
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

    @property
    def text(self) -> str:
        """The working copy every stage reads (the text as given when nothing was repaired);
        its offsets are mapped back to the text as given when the ledger is built."""
        return self.article.text

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
