"""The Spark merge's blocks give the incidents of the local merge, which takes each country
whole: random reports (several countries, dates of every precision, some undated), merged
country by country and block by block. No Spark needed."""
from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta

import pytest

from newsledger.corpus.merge import merge_events
from newsledger.corpus.store import date_bounds
from newsledger.spark.blocks import block_of, blocks, day_span, merge_block

PLACES = {"IQ": [("Kirkuk", "Kirkuk", 35.47, 44.39), ("Mosul", "Nineveh", 36.34, 43.12)],
          "NG": [("Maiduguri", "Borno", 11.85, 13.16), ("Mubi", "Adamawa", 10.27, 13.26)]}
TYPES = [("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         ("Violence against civilians", "Attack"), ("Battles", "Armed clash")]


def _events(seed: int, n: int = 160) -> list[dict]:
    r = random.Random(seed)
    out = []
    for i in range(n):
        country = r.choice(sorted(PLACES))
        name, admin1, lat, lon = r.choice(PLACES[country])
        day = date(2024, 1, 1) + timedelta(days=r.choice([r.randrange(20), 40 + r.randrange(5), 90 + r.randrange(60)]))
        precision = r.choice(["day"] * 6 + ["week", "month", "year", None])
        value = {None: None, "day": day.isoformat(), "week": day.isoformat(),
                 "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]
        start, end = date_bounds(value, precision)
        kind = r.choice(TYPES)
        h = f"{r.randrange(40):04d}"  # several events of one article, too
        out.append({"event_key": f"{h}#{i}", "content_hash": h, "event_date": value,
                    "date_precision": precision, "date_start": start, "date_end": end,
                    "country": country, "admin1": admin1, "admin2": None,
                    "location": r.choice([name, None]), "latitude": lat, "longitude": lon,
                    "geo_precision": 1, "geonames_id": None, "event_type": kind[0],
                    "sub_event_type": kind[1], "actor1": None, "actor2": None,
                    "fatalities": r.choice([None, 2, 3, 5]), "injured": None, "confidence": 0.5,
                    "published": day + timedelta(days=1)})
    return out


def _canonical(incidents: list[dict], members: list[dict]) -> tuple:
    return (sorted(tuple(sorted((k, repr(v)) for k, v in row.items())) for row in incidents),
            sorted(tuple(sorted((k, repr(v)) for k, v in row.items())) for row in members))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_blocks_give_the_incidents_of_whole_countries(seed):
    events = _events(seed)
    by_country = defaultdict(list)
    for e in events:
        by_country[e["country"]].append(e)
    whole = ([], [])
    for country in sorted(by_country):
        inc, mem = merge_events(by_country[country])
        whole[0].extend(inc)
        whole[1].extend(mem)
    table = blocks(day_span(e) for e in events if e["date_start"] is not None)
    by_block = defaultdict(list)
    for e in reversed(events):  # another order: the result must not depend on it
        by_block[block_of(e, table, 3)].append(e)
    blocked = ([], [])
    for block in sorted(by_block):
        inc, mem = merge_block(by_block[block])
        blocked[0].extend(inc)
        blocked[1].extend(mem)
    assert len(by_block) > 2 * len(by_country)  # the dates do cut countries into blocks
    assert any(len(i) > 0 and i["n_reports"] > 1 for i in whole[0])  # and some reports merge
    assert _canonical(*blocked) == _canonical(*whole)


def test_a_gap_longer_than_the_slack_starts_a_block():
    d = date(2024, 3, 1)
    day = [d + timedelta(days=k) for k in range(5)]
    spans = [(("IQ", day[0]), day[0]), (("IQ", day[1]), day[1]),   # the next day: within the slack
             (("IQ", day[3]), day[3]), (("NG", d), d)]             # two days on: a new block
    table = blocks(spans)
    assert table[("IQ", day[0])] == table[("IQ", day[1])] != table[("IQ", day[3])]
    assert table[("NG", d)] != table[("IQ", d)]
    wide = blocks([(("IQ", d), d + timedelta(days=30)), (("IQ", d + timedelta(days=20)), d + timedelta(days=20))])
    assert len(set(wide.values())) == 1  # a month date reaches the day inside it
