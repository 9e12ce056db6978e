"""A small corpus written straight through the store (no NLP), for the API tests: two
reports of one bombing that disagree on the toll (3 vs 5 dead), a protest elsewhere, and an
article full of markup. Provenance points at words of the texts, as the extractor's does."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from newsledger.corpus.ingest import content_hash
from newsledger.corpus.merge import merge_store
from newsledger.corpus.store import BatchWrite, SourceRow, Store, article_row, event_rows

HOSTILE = ('Gunmen shot dead two guards in Mosul on Sunday. <script>window.__pwned = true</script> '
           '<img src=x onerror="window.__pwned = true">')

ARTICLES = [
    dict(id="wire-1", published="2026-03-10", source="Test Wire", title="Bomb kills three in Tikrit",
         text="A car bomb killed three people at a market in Tikrit on Tuesday, police said.",
         event=dict(event_date="2026-03-10", country="IQ", admin1="Salah ad Din", location="Tikrit",
                    latitude=34.6, longitude=43.68, geo_precision=1, event_type="Explosions/Remote violence",
                    sub_event_type="Remote explosive/landmine/IED", actor1=None, actor2="Civilians",
                    fatalities=3, injured=None),
         words=dict(event_type="bomb", fatalities="three", location="Tikrit", event_date="Tuesday",
                    actor2="people"),
         quotes=[{"speaker": "Ali Hassan", "text": "The market was full", "kind": "direct",
                  "start": 0, "end": 5, "cue": "said", "addressee": None}],
         entities=[{"id": "E1", "canonical": "Ali Hassan", "type": "PERSON",
                    "mentions": [{"text": "Ali Hassan", "start": 0, "end": 5},
                                 {"text": "Hassan", "start": 6, "end": 9}]}]),
    dict(id="gazette-1", published="2026-03-10", source="Test Gazette", title="Gazette puts Tikrit toll at five",
         text="The toll from Tuesday's car bomb in Tikrit rose to five, a doctor said.",
         event=dict(event_date="2026-03-10", country="IQ", admin1="Salah ad Din", location="Tikrit",
                    latitude=34.61, longitude=43.68, geo_precision=1, event_type="Explosions/Remote violence",
                    sub_event_type="Remote explosive/landmine/IED", actor1=None, actor2="Civilians",
                    fatalities=5, injured=None),
         words=dict(event_type="bomb", fatalities="five", location="Tikrit", event_date="Tuesday")),
    dict(id="wire-2", published="2026-02-02", source="Test Wire", title="Protest in Lagos",
         text="Hundreds of people protested fuel prices in Lagos on Monday.",
         event=dict(event_date="2026-02-02", country="NG", admin1="Lagos", location="Lagos",
                    latitude=6.45, longitude=3.39, geo_precision=1, event_type="Protests",
                    sub_event_type="Peaceful protest", actor1="Protesters (Nigeria)", actor2=None,
                    fatalities=None, injured=None),
         words=dict(event_type="protested", location="Lagos", event_date="Monday", actor1="people")),
    dict(id="hostile-1", published="2026-03-15", source='<img src=x onerror="window.__pwned=1">',
         title="<script>window.__pwned = true</script>Mosul", text=HOSTILE,
         event=dict(event_date="2026-03-15", country="IQ", admin1="Nineveh", location="Mosul",
                    latitude=36.34, longitude=43.13, geo_precision=1, event_type="Violence against civilians",
                    sub_event_type="Attack", actor1="Unidentified Armed Group (Iraq)", actor2="Civilians",
                    fatalities=2, injured=None),
         words=dict(event_type="shot dead", fatalities="two", location="Mosul", event_date="Sunday",
                    actor1="Gunmen")),
]


def ledger(spec: dict[str, Any]) -> dict[str, Any]:
    text = spec["text"]
    provenance = {}
    for name, word in spec["words"].items():
        start = text.index(word)
        provenance[name] = [start, start + len(word)]
    end = text.find(".") + 1
    event = {**spec["event"], "date_precision": "day", "confidence": 0.9, "provenance": provenance,
             "evidence": [{"start": 0, "end": end, "text": text[:end]}]}
    return {"id": spec["id"], "published": spec["published"], "title": spec["title"],
            "source": spec["source"], "url": f"https://example.org/{spec['id']}", "events": [event],
            "quotes": spec.get("quotes", []), "entities": spec.get("entities", []), "claims": []}


def build(path: Path) -> Path:
    batch = BatchWrite()
    with Store(path) as store:
        for spec in ARTICLES:
            h = content_hash(spec["text"])
            led = ledger(spec)
            batch.articles.append(article_row(h, spec["text"], led))
            batch.events.extend(event_rows(h, led))
            batch.sources.append(SourceRow(f"/in/{spec['id']}.txt", f"/in/{spec['id']}.txt", None, "ok",
                                           content_hash=h, id=spec["id"]))
        store.write_batch(batch)
        merge_store(store)
    return path
