"""One article in, one ledger out: the stages in order, heavy resources loaded once.

text → Article → Doc → clean → triage → nlp → places → dates → actors → entities
     → events → quotes → claims → Ledger
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .extract import nlp as nlp_mod
from .extract.actors import ActorDictionary
from .article import Article
from .extract.claims import extract_claims
from .extract.clean import mark_boilerplate, mark_dateline, mark_title
from .extract.dates import find_dates
from .document import Doc, NamedSpan
from .extract.entities import build_entities
from .extract.events import extract_events
from .places.gazetteer import Gazetteer
from .ledger import Ledger
from .extract.quotes import extract_quotes
from .extract.text import split_sentences
from .extract.triage import SPEECH, select_sentences


@dataclass
class Pipeline:
    """Holds the model, gazetteer and actor dictionary; `extract` is pure per article."""

    nlp: object
    gazetteer: Gazetteer
    actors: ActorDictionary
    triage: bool = False  # True: spaCy only on sentences that may hold an event, quote or claim
    seconds: Counter = field(default_factory=Counter)  # time per stage, for benchmarks

    @classmethod
    def load(cls, actor_files: Sequence[str | Path] = (), triage: bool = False) -> "Pipeline":
        actors = ActorDictionary.load(actor_files)
        model = nlp_mod.load_model(actors.ruler_patterns())
        return cls(model, Gazetteer.load(), actors, triage)

    def extract(self, article: Article) -> Ledger:
        return next(iter(self.extract_many([article])))

    def extract_many(self, articles: Iterable[Article], batch: int = 16) -> Iterator[Ledger]:
        """Articles are parsed in batches so spaCy sees many sentences per call."""
        pending: list[Doc] = []
        for article in articles:
            pending.append(self._prepare(article))
            if len(pending) >= batch:
                yield from self._finish(pending)
                pending = []
        if pending:
            yield from self._finish(pending)

    def _prepare(self, article: Article) -> Doc:
        t = time.perf_counter()
        doc = Doc(article, split_sentences(article.text))
        mark_boilerplate(doc)
        mark_title(doc)
        mark_dateline(doc)
        select_sentences(doc, self.triage)
        self.seconds["split+clean+triage"] += time.perf_counter() - t
        return doc

    def _finish(self, docs: list[Doc]) -> Iterator[Ledger]:
        t = time.perf_counter()
        self._parse(docs)
        self.seconds["spacy"] += time.perf_counter() - t
        for doc in docs:
            self._analyse(doc)
            yield build_ledger(doc)

    def _parse(self, docs: list[Doc]) -> None:
        """spaCy on the selected sentences. Only speech needs the dependency parse (quotes
        and claims read clauses from it); other sentences skip the parser, which changes
        neither their tags nor their entities."""
        speech: list[tuple[Doc, int]] = []
        plain: list[tuple[Doc, int]] = []
        for doc in docs:
            for i in sorted(doc.selected):
                (speech if SPEECH.search(doc.sentences[i].text) else plain).append((doc, i))
        self._run_spacy(speech)
        with self.nlp.select_pipes(disable=["parser"]):
            self._run_spacy(plain)
        for doc in docs:
            doc.names.sort(key=lambda n: n.start)

    def _run_spacy(self, jobs: list[tuple[Doc, int]]) -> None:
        texts = (doc.sentences[i].text for doc, i in jobs)
        for (doc, i), parsed in zip(jobs, self.nlp.pipe(texts, batch_size=64)):
            doc.parsed[i] = parsed
            base = doc.sentences[i].start
            doc.names.extend(
                NamedSpan(base + e.start_char, base + e.end_char, e.text, e.label_, i)
                for e in parsed.ents
            )

    def _analyse(self, doc: Doc) -> None:
        text = doc.text
        stages = (
            ("places", lambda: setattr(doc, "places", self.gazetteer.find(text))),
            ("dates", lambda: setattr(doc, "dates", find_dates(text, doc.article.published))),
            ("actors", lambda: setattr(doc, "actors", self.actors.find(text))),
            ("entities", lambda: setattr(
                doc, "entities", build_entities(doc, self.gazetteer, self.actors))),
            ("events", lambda: setattr(doc, "events", extract_events(doc, self.gazetteer))),
            ("quotes", lambda: setattr(doc, "quotes", extract_quotes(doc))),
            ("claims", lambda: setattr(doc, "claims", extract_claims(doc))),
        )
        for name, run in stages:
            t = time.perf_counter()
            run()
            self.seconds[name] += time.perf_counter() - t


def build_ledger(doc: Doc) -> Ledger:
    a = doc.article
    return Ledger(
        id=a.id,
        published=a.published.isoformat() if a.published else None,
        title=a.title,
        source=a.source,
        url=a.url,
        events=doc.events,
        quotes=doc.quotes,
        entities=doc.entities,
        claims=doc.claims,
    )
