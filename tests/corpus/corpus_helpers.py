"""Helpers for the corpus tests: a small, fast, deterministic stand-in for the pipeline and
hand-built ledgers, so the store, ingest and exports are tested without loading spaCy.

`FakePipeline` reads the lede of an article: the first place of generate.COUNTRIES it names,
the first number as the toll, a type from a few keywords, the published date as the event
date. Enough to give events that merge across reports of one incident.
"""
from __future__ import annotations

import os
import re
import time
from datetime import date, timedelta
from collections.abc import Iterable, Iterator, Sequence

from newsledger.article import Article
from newsledger.corpus.generate import COUNTRIES, MONTHS, WEEKDAYS
from newsledger.ledger import Event, Ledger, Span

PLACES = {p.name: (c.code, p) for c in COUNTRIES for p in c.places}
_PLACE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, PLACES), key=len, reverse=True)) + r")\b")
_NUMBER = re.compile(r"\b(\d+)\b")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_MONTH_DAY = re.compile(r"\b(January|February|March|April|May|June|July|August|September|"
                        r"October|November|December) (\d{1,2})\b")
_KINDS = (
    ("bomb", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("strike", "Explosions/Remote violence", "Air/drone strike"),
    ("shell", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("mortar", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("clash", "Battles", "Armed clash"),
    ("fighting", "Battles", "Armed clash"),
    ("gunmen", "Violence against civilians", "Attack"),
    ("shot dead", "Violence against civilians", "Attack"),
    ("abduct", "Violence against civilians", "Abduction/forced disappearance"),
    ("protest", "Riots", "Violent demonstration"),
)


class FakePipeline:
    """Duck-types newsledger.pipeline.Pipeline: extract / extract_many → Ledger."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    def extract(self, article: Article) -> Ledger:
        return next(iter(self.extract_many([article])))

    def screen_many(self, articles: Iterable[Article], batch: int = 16,
                    screen: bool = True) -> Iterator[tuple[Ledger, bool]]:
        return ((ledger, True) for ledger in self.extract_many(articles, batch))

    def extract_many(self, articles: Iterable[Article], batch: int = 16) -> Iterator[Ledger]:
        for a in articles:
            if self.delay:
                time.sleep(self.delay)
            if "RAISE-IN-PIPELINE" in a.text:
                raise RuntimeError("boom")
            yield Ledger(id=a.id, published=a.published.isoformat() if a.published else None,
                         title=a.title, source=a.source, url=a.url, events=list(_events(a)))


def _events(a: Article) -> Iterator[Event]:
    end = a.text.find("\n")
    lede = a.text[: end if end > 0 else len(a.text)]
    place = _PLACE.search(lede)
    kind = next((k for k in _KINDS if k[0] in lede.lower()), None)
    if not place or not kind or not a.published:
        return
    code, p = PLACES[place.group(1)]
    number = _NUMBER.search(_MONTH_DAY.sub("", lede))  # not the day of "March 3"
    yield Event(
        event_id=f"{a.id}-e1", event_date=_event_date(lede, a.published).isoformat(),
        date_precision="day",
        country=code, admin1=p.admin1, admin2=None, location=p.name, latitude=p.lat,
        longitude=p.lon, geo_precision=1, geonames_id=None, event_type=kind[1],
        sub_event_type=kind[2], actor1=None, actor2=None,
        fatalities=int(number.group(1)) if number else None, injured=None,
        evidence=[Span(0, len(lede), lede)], provenance={"location": [place.start(), place.end()]},
        confidence=0.5)


def _event_date(lede: str, published: date) -> date:
    """'on Tuesday' → the last Tuesday up to publication; 'on March 3' → that day."""
    weekday = _WEEKDAY.search(lede)
    if weekday:
        back = (published.weekday() - WEEKDAYS.index(weekday.group(1))) % 7
        return published - timedelta(days=back)
    month_day = _MONTH_DAY.search(lede)
    if month_day:
        try:
            return date(published.year, MONTHS.index(month_day.group(1)) + 1, int(month_day.group(2)))
        except ValueError:
            pass
    return published


def fake_pipeline(actor_files: Sequence[str] = ()) -> FakePipeline:
    """Factory named on the command line (`--pipeline corpus_helpers:fake_pipeline`);
    NEWSLEDGER_FAKE_DELAY slows it down so a test can kill a run mid-way."""
    return FakePipeline(delay=float(os.environ.get("NEWSLEDGER_FAKE_DELAY", "0")))


def event(**fields) -> dict:
    """A ledger event dict (spec format) with defaults for what a test does not care about."""
    base = {
        "event_id": "e1", "event_date": "2016-03-01", "date_precision": "day", "country": "IQ",
        "admin1": "Kirkuk", "admin2": None, "location": "Kirkuk", "latitude": 35.468,
        "longitude": 44.392, "geo_precision": 1, "geonames_id": None,
        "event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED",
        "actor1": "Islamic State", "actor2": "Civilians", "fatalities": 3, "injured": None,
        "evidence": [{"start": 0, "end": 10, "text": "A bomb went off"}],
        "provenance": {}, "confidence": 0.6,
    }
    base.update(fields)
    return base


def ledger(id: str, events: list[dict], source: str = "Wire", published: str = "2016-03-02") -> dict:
    return {"id": id, "published": published, "title": f"title {id}", "source": source,
            "url": f"https://news.example/{id}", "events": events, "quotes": [],
            "entities": [], "claims": []}
