"""One article in, one ledger out: the stages in order, heavy resources loaded once.

text → normalize → Article → Doc → clean → triage → places → dates → actors → [screen] → nlp
     → entities → events → quotes → claims → Ledger (offsets mapped back to the text as given)

Places, dates and actors need no spaCy, so they run first; with `screen`, an article none
of whose sentences tells an incident (extract/screen.py) stops there, without spaCy.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from .extract import nlp as nlp_mod
from .extract.actors import ActorDictionary, is_acronym
from .article import Article
from .extract.claims import extract_claims
from .extract.clean import mark_boilerplate, mark_dateline, mark_title
from .extract.dates import find_dates
from .document import Doc, NamedSpan
from .extract.entities import build_entities
from .extract.events import extract_events
from .extract.normalize import Normalized, normalize
from .extract.truecase import Truecaser, gazetteer_names
from .places.gazetteer import Gazetteer
from .ledger import Ledger
from .extract.quotes import extract_quotes
from .extract.screen import reports_incident
from .extract.text import split_sentences
from .extract.parsed_names import parsed_names
from .extract.taxonomy import sentence_has_trigger
from .extract.triage import SPEECH, select_sentences


@dataclass
class Pipeline:
    """Holds the model, gazetteer and actor dictionary; `extract` is pure per article."""

    nlp: object
    gazetteer: Gazetteer
    actors: ActorDictionary
    triage: bool = False  # True: spaCy only on sentences that may hold an event, quote or claim
    seconds: Counter = field(default_factory=Counter)  # time per stage, for benchmarks
    repair: bool = True  # False: read the text as given (no mojibake, entity or case repair)
    # What `seconds` counts: wall time; `time.process_time` on a shared machine, where other
    # processes' load would otherwise be counted as this pipeline's.
    clock: Callable[[], float] = time.perf_counter
    # "ner": spaCy's NER names every parsed sentence. "parse" (an experiment, issue 11): a
    # speech sentence with no trigger word skips the NER, its names read from the parse
    # (extract/parsed_names.py); the ledger changes (BENCHMARKS.md has the figures).
    speech_names: str = "ner"

    @classmethod
    def load(cls, actor_files: Sequence[str | Path] = (), triage: bool = False,
             speech_names: str = "ner") -> "Pipeline":
        actors = ActorDictionary.load(actor_files)
        model = nlp_mod.load_model(actors.ruler_patterns())
        return cls(model, Gazetteer.load(), actors, triage, speech_names=speech_names)

    def extract(self, article: Article) -> Ledger:
        return next(iter(self.extract_many([article])))

    def extract_many(self, articles: Iterable[Article], batch: int = 16) -> Iterator[Ledger]:
        """Articles are parsed in batches so spaCy sees many sentences per call."""
        for ledger, _ in self.screen_many(articles, batch, screen=False):
            yield ledger

    def screen_many(self, articles: Iterable[Article], batch: int = 16,
                    screen: bool = True) -> Iterator[tuple[Ledger, bool]]:
        """(ledger, extracted) per article. With `screen`, an article with no sentence that
        tells an incident is not parsed: its ledger holds no event, quote, entity or claim,
        and `extracted` is False."""
        pending: list[Doc] = []
        for article in articles:
            pending.append(self._prepare(article))
            if len(pending) >= batch:
                yield from self._finish(pending, screen)
                pending = []
        if pending:
            yield from self._finish(pending, screen)

    @cached_property
    def truecaser(self) -> Truecaser:
        """Knows the actor dictionary's and the gazetteer's names (read on first use)."""
        names, units = gazetteer_names(self.gazetteer.path)
        strong = [*(name for _, name in self.actors.ruler_patterns()), *units, *_demonyms()]
        strong += [a for actor in self.actors for a in (actor.canonical, *actor.aliases)
                   if is_acronym(a)]
        return Truecaser(names, strong)

    def _prepare(self, article: Article) -> Doc:
        t = self.clock()
        norm = normalize(article.text, self.truecaser) if self.repair else None
        self.seconds["normalize"] += self.clock() - t
        t = self.clock()
        if norm is not None and norm.changed:
            article = replace(article, text=norm.text)
        doc = Doc(article, split_sentences(article.text), normalized=norm)
        mark_boilerplate(doc)
        mark_title(doc)
        mark_dateline(doc)
        self.seconds["split+clean"] += self.clock() - t
        return doc

    def _finish(self, docs: list[Doc], screen: bool) -> Iterator[tuple[Ledger, bool]]:
        for doc in docs:
            self._find(doc)
        t = self.clock()
        keep = [not screen or reports_incident(doc, self.gazetteer) for doc in docs]
        self.seconds["screen"] += self.clock() - t
        parse = [doc for doc, k in zip(docs, keep) if k]
        t = self.clock()
        for doc in parse:  # here, not in _prepare: a screened-out article needs no choice
            select_sentences(doc, self.triage)
        self.seconds["triage"] += self.clock() - t
        t = self.clock()
        self._parse(parse)
        self.seconds["spacy"] += self.clock() - t
        for doc, k in zip(docs, keep):
            if k:
                self._analyse(doc)
            yield build_ledger(doc), k

    def _parse(self, docs: list[Doc]) -> None:
        """spaCy on the selected sentences. Only speech needs the dependency parse (quotes
        and claims read clauses from it); other sentences skip the parser, which changes
        neither their tags nor their entities."""
        speech: list[tuple[Doc, int]] = []
        plain: list[tuple[Doc, int]] = []
        talk: list[tuple[Doc, int]] = []  # speech, no trigger word: with speech_names="parse"
        for doc in docs:
            for i in sorted(doc.selected):
                if not SPEECH.search(doc.sentences[i].text):
                    plain.append((doc, i))
                elif self.speech_names == "parse" and not sentence_has_trigger(doc, i):
                    talk.append((doc, i))
                else:
                    speech.append((doc, i))
        self._run_spacy(speech)
        with self.nlp.select_pipes(disable=["parser"]):
            self._run_spacy(plain)
        if talk:
            with self.nlp.select_pipes(disable=["ner"]):
                self._run_spacy(talk, names=lambda doc, i, parsed: parsed_names(
                    doc, i, parsed, self.gazetteer))
        for doc in docs:
            doc.names.sort(key=lambda n: n.start)

    def _run_spacy(self, jobs: list[tuple[Doc, int]],
                   names: Callable[[Doc, int, object], list[NamedSpan]] | None = None) -> None:
        texts = (doc.sentences[i].text for doc, i in jobs)
        for (doc, i), parsed in zip(jobs, self.nlp.pipe(texts, batch_size=64)):
            doc.parsed[i] = parsed
            if names is not None:
                doc.names.extend(names(doc, i, parsed))
                continue
            base = doc.sentences[i].start
            doc.names.extend(
                NamedSpan(base + e.start_char, base + e.end_char, e.text, e.label_, i)
                for e in parsed.ents
            )

    def _find(self, doc: Doc) -> None:
        """The stages that read the text without spaCy."""
        text = doc.text
        self._stages((
            ("places", lambda: setattr(doc, "places", self.gazetteer.find(
                text, headers=doc.header_places()))),
            ("dates", lambda: setattr(doc, "dates", find_dates(
                text, doc.article.published, doc.headers))),
            ("actors", lambda: setattr(doc, "actors", self.actors.find(text))),
        ))

    def _analyse(self, doc: Doc) -> None:
        self._stages((
            ("entities", lambda: setattr(
                doc, "entities", build_entities(doc, self.gazetteer, self.actors))),
            ("events", lambda: setattr(doc, "events", extract_events(doc, self.gazetteer))),
            ("quotes", lambda: setattr(doc, "quotes", extract_quotes(doc))),
            ("claims", lambda: setattr(doc, "claims", extract_claims(doc))),
        ))

    def _stages(self, stages: Sequence[tuple[str, Callable[[], object]]]) -> None:
        for name, run in stages:
            t = self.clock()
            run()
            self.seconds[name] += self.clock() - t


def build_ledger(doc: Doc) -> Ledger:
    a = doc.article
    ledger = Ledger(
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
    norm = doc.normalized
    if norm is not None and norm.changed:
        _to_original(ledger, norm)
    if norm is not None and norm.repairs:
        ledger.normalized = dict(norm.repairs)
    return ledger


def _to_original(ledger: Ledger, norm: Normalized) -> None:
    """Every span of the ledger, read on the working copy, re-pointed at the text as given:
    offsets mapped back, texts cut from the original."""
    text = norm.original

    def span(x):
        start, end = norm.to_original(x.start, x.end)
        return replace(x, start=start, end=end, text=text[start:end])

    for e in ledger.events:
        e.evidence = [span(s) for s in e.evidence]
        e.provenance = {k: list(norm.to_original(*v)) for k, v in e.provenance.items()}
    ledger.quotes = [span(q) for q in ledger.quotes]
    ledger.claims = [span(c) for c in ledger.claims]
    for ent in ledger.entities:
        ent.mentions = [span(m) for m in ent.mentions]


def _demonyms() -> list[str]:
    from .places.gazetteer import COUNTRY_ALIASES, DEMONYMS

    return [*DEMONYMS, *COUNTRY_ALIASES]
