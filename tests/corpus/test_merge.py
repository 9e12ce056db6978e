"""Cross-article merging on reports that differ the way real coverage does: place depth,
date precision, actor names, revised tolls; and the near misses that must stay apart.
Event rows are built by hand (the reports are ones we wrote: a village raid in Zamfara, a
market bombing in Kirkuk), so the merge is tested without the NLP pipeline."""
from __future__ import annotations

import json
import random
from datetime import date

import pytest

from corpus_helpers import event, ledger
from newsledger.corpus.merge import (actor_evidence, best_low_high, blocks, figure_roles, link,
                                     merge_events, merge_store)
from newsledger.corpus.store import BatchWrite, SourceRow, Store, article_row, date_bounds, event_rows

# Dan Sadau, a village in Zamfara state (Nigeria); Gusau, the state capital ~110 km away.
VILLAGE = dict(country="NG", admin1="Zamfara", admin2="Maru", location="Dansadau",
               latitude=11.98, longitude=6.26, geo_precision=1, geonames_id=2334000)
STATE = dict(country="NG", admin1="Zamfara", admin2=None, location="Zamfara",
             latitude=None, longitude=None, geo_precision=3, geonames_id=None)
COUNTRY_ONLY = dict(country="NG", admin1=None, admin2=None, location=None,
                    latitude=None, longitude=None, geo_precision=3, geonames_id=None)
CAPITAL = dict(country="NG", admin1="Zamfara", admin2="Gusau", location="Gusau",
               latitude=12.17, longitude=6.66, geo_precision=1, geonames_id=2339354)
RAID = dict(event_type="Violence against civilians", sub_event_type="Attack",
            actor1="Unidentified Armed Group (Nigeria)", actor2="Civilians",
            event_date="2024-05-13", fatalities=12)


def report(key: str, published: str = "2024-05-14", **fields) -> dict:
    """One merge row: `key` names the article (one event each unless given as 'art#n')."""
    article, _, seq = key.partition("#")
    e = {**event(**{**VILLAGE, **RAID}), **fields}
    start, end = date_bounds(e["event_date"], e["date_precision"])
    return {**e, "event_key": f"{article}#{seq or 0}", "content_hash": article,
            "date_start": start, "date_end": end, "published": date.fromisoformat(published)}


def groups(rows: list[dict]) -> list[set[str]]:
    incidents, members = merge_events(rows)
    by_incident: dict[str, set[str]] = {}
    for m in members:
        by_incident.setdefault(m["incident_id"], set()).add(m["event_key"].split("#")[0])
    return sorted(by_incident.values(), key=sorted)


def together(*rows: dict) -> bool:
    return len(groups(list(rows))) == 1


# -- the same incident, told differently ------------------------------------------------------
@pytest.mark.parametrize("case, other", [
    ("the state only", dict(**STATE)),
    ("no place below the country", dict(**COUNTRY_ONLY)),
    ("another spelling of the village", dict(VILLAGE, location="Dan Sadau", latitude=None,
                                             longitude=None, geonames_id=None)),
    ("a hamlet 6 km away", dict(VILLAGE, location="Kabaro", latitude=12.03, longitude=6.25,
                                geonames_id=None)),
    ("'bandits' for 'gunmen'", dict(actor1="Unidentified Armed Group (Nigeria)")),
    ("the group the other blames", dict(actor1="Boko Haram")),
    ("'last week' (week precision)", dict(event_date="2024-05-15", date_precision="week",
                                          published="2024-05-19")),
    ("'in May' (month precision)", dict(event_date="2024-05", date_precision="month")),
    ("a toll revised upward days later", dict(fatalities=31, published="2024-05-16")),
    ("'Monday night', dated Tuesday by the other", dict(event_date="2024-05-14", fatalities=13)),
])
def test_reports_of_one_incident_merge(case, other):
    assert together(report("a"), report("b", **other)), case


def test_three_reports_at_three_depths_take_the_most_specific_place():
    rows = [report("a", **STATE, fatalities=12), report("b", **VILLAGE, fatalities=15),
            report("c", **COUNTRY_ONLY, fatalities=15, published="2024-05-15")]
    incidents, _ = merge_events(rows)
    assert len(incidents) == 1
    assert (incidents[0]["location"], incidents[0]["admin2"]) == ("Dansadau", "Maru")


# -- different incidents nearby ------------------------------------------------------------------
@pytest.mark.parametrize("case, other", [
    ("the same village a week later", dict(event_date="2024-05-20", published="2024-05-21")),
    ("the same district four days later", dict(event_date="2024-05-17", location="Kabaro",
                                               latitude=12.03, longitude=6.25, geonames_id=None)),
    ("the state capital, 45 km away", dict(**CAPITAL)),
    ("another state", dict(STATE, admin1="Katsina", location="Katsina")),
    ("a clearly different incident type", dict(event_type="Protests",
                                               sub_event_type="Peaceful protest", actor1=None)),
    ("another named group than the group the first blames", dict(actor1="ISWAP")),
    ("nobody killed against twelve", dict(fatalities=0)),
    ("a kidnapping the same day in the same village", dict(
        sub_event_type="Abduction/forced disappearance", fatalities=None,
        actor1="Unidentified Armed Group (Nigeria)")),
    ("the army's air strike on the village that day", dict(
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        actor1="Military Forces of Nigeria", fatalities=14)),
    ("a week-precision report four days after", dict(event_date="2024-05-17", date_precision="week")),
])
def test_different_incidents_stay_apart(case, other):
    assert not together(report("a", actor1="Boko Haram"), report("b", **other)), case


def test_the_next_day_in_the_same_city_needs_more_than_place_and_type():
    """One day apart, same town, same type, no toll to compare: too little to merge."""
    a = report("a", fatalities=None, actor2=None)
    assert not together(a, report("b", event_date="2024-05-14", fatalities=None, actor2="Police Forces of Nigeria"))
    assert together(a, report("b", event_date="2024-05-13", fatalities=None))


# A market town's mob killing told as a riot by one report and as an attack by another.
MOB = dict(event_type="Riots", sub_event_type="Mob violence", actor1="Rioters (Nigeria)", actor2=None)


def test_a_mob_killing_told_as_a_riot_and_as_an_attack_merges():
    assert together(report("a", fatalities=12), report("b", **MOB, fatalities=13))
    # ... but not a riot in another town of the state the same day, nor a riot in the
    # village that day whose toll is not the attack's
    assert not together(report("a"), report("b", **MOB, **CAPITAL))
    assert not together(report("a", fatalities=12), report("b", **MOB, fatalities=2))
    assert not together(report("a", fatalities=12), report("b", **MOB, fatalities=None))


# A report placed only by its province carries the province's centre as coordinates.
STATE_POINT = dict(STATE, latitude=12.0, longitude=6.27)


def test_a_provinces_point_is_no_spot():
    """A report placed only by its province is 'inside' it, not 'the same place' as a town
    that happens to lie near the province's centre."""
    assert "same place" in link(report("a"), report("b")).agreed["place"]
    got = link(report("a"), report("b", **STATE_POINT))
    assert got is not None and got.agreed["place"].startswith("inside Zamfara")
    assert got.score < link(report("a"), report("b")).score
    # the next day in the same province, no toll to compare: too little
    assert not together(report("a", fatalities=None),
                        report("b", **STATE_POINT, event_date="2024-05-14", fatalities=None))


def test_one_articles_events_stay_apart():
    assert not together(report("a#0"), report("a#1"))


# -- why, and the figures -----------------------------------------------------------------------
def test_every_merge_records_the_fields_that_agreed():
    _, members = merge_events([report("a"), report("b", **STATE, fatalities=13)])
    why = {m["event_key"]: json.loads(m["merge_reason"]) for m in members}
    assert why["a#0"]["with"] == "b#0" and why["a#0"]["score"] >= 2.5
    assert set(why["a#0"]["agreed"]) == {"date", "place", "type", "actor1", "actor2", "fatalities"}
    assert "same day" in why["a#0"]["agreed"]["date"] and "Zamfara" in why["a#0"]["agreed"]["place"]


def test_link_gives_none_on_a_conflict_and_scores_agreement():
    assert link(report("a"), report("b", **CAPITAL)) is None
    assert link(report("a"), report("b")).score > link(report("a"), report("b", **STATE)).score


@pytest.mark.parametrize("x, y, expected", [
    ("Unidentified Armed Group (Nigeria)", "Boko Haram", 0.0),
    ("Boko Haram", "Boko Haram", 1.0),
    ("Boko Haram", "ISWAP", None),
    ("Civilians", "Police Forces of Nigeria", -0.5),
    (None, "Boko Haram", 0.0),
    # communal fighters and descriptive rebels are unnamed armed sides, no 'other' kind
    ("Communal Militia (Nigeria)", "Unidentified Armed Group (Nigeria)", 0.0),
    ("Rebels (Syria)", "Hayat Tahrir al-Sham", 0.0),
    ("Communal Militia (Nigeria)", "Communal Militia (Nigeria)", 0.0),
    ("Communal Militia (Nigeria)", "Civilians", -0.5),
])
def test_actor_categories(x, y, expected):
    got = actor_evidence(x, y)
    assert (got if got is None else got[0]) == expected


def test_best_is_the_latest_report_and_a_revision_is_not_a_disagreement():
    rows = [report("a", fatalities=12, published="2024-05-13"),
            report("b", fatalities=20, published="2024-05-14"),
            report("c", fatalities=31, published="2024-05-16")]
    incidents, members = merge_events(rows)
    (inc,) = incidents
    assert (inc["fatalities"], inc["fatalities_low"], inc["fatalities_high"]) == (31, 12, 31)
    assert "fatalities" not in inc["disagreements"]
    assert {m["event_key"]: m["fatalities_role"] for m in members} == {
        "a#0": "first", "b#0": "revision", "c#0": "revision"}


def test_rival_figures_of_one_day_are_a_disagreement():
    rows = [report("a", fatalities=12), report("b", fatalities=15)]
    (inc,), members = merge_events(rows)
    assert inc["fatalities"] == 15 and "fatalities" in inc["disagreements"]
    assert figure_roles(rows)["b#0"] == "rival"


def test_a_later_lower_figure_is_best_too():
    rows = [(date(2024, 1, 3), 103), (date(2024, 1, 4), 84), (date(2024, 1, 3), 73)]
    assert best_low_high(rows) == (84, 73, 103)


# -- order, blocks, the store ----------------------------------------------------------------------
def _mixed_rows(rng: random.Random) -> list[dict]:
    """Sixty reports of a dozen raids over a month in three places, depths mixed."""
    rows = []
    for i in range(60):
        day = 1 + rng.randrange(12) * 2
        place = rng.choice([VILLAGE, STATE, COUNTRY_ONLY, CAPITAL])
        rows.append(report(f"art{i:02d}", **place, event_date=f"2024-05-{day:02d}",
                           fatalities=rng.choice([None, 3, 4, 12, 15]),
                           published=f"2024-05-{day + rng.randrange(3):02d}"))
    return rows


def test_same_reports_in_any_order_give_the_same_incidents_and_ids():
    rng = random.Random(14)
    rows = _mixed_rows(rng)
    reference = merge_events(rows)
    assert 1 < len(reference[0]) < len(rows)
    for _ in range(8):
        rng.shuffle(rows)
        assert merge_events(rows) == reference


def test_blocks_cut_only_where_no_pair_can_meet():
    rows = [report("a", event_date="2024-05-01"), report("b", event_date="2024-05-02"),
            report("c", event_date="2024-05-05"), report("d", event_date="2024-05", date_precision="month"),
            report("e", event_date="2024", date_precision="year"), report("f", event_date=None)]
    cut = [sorted(e["content_hash"] for e in b) for b in blocks(rows)]
    assert ["a", "b", "c", "d"] in cut, "a month window joins the days inside it"
    assert ["e"] in cut and ["f"] in cut
    apart = [report("a", event_date="2024-05-01"), report("b", event_date="2024-05-04")]
    assert len(blocks(apart)) == 2


def _store_with(path, articles: list[tuple[str, str, list[dict]]]) -> None:
    write = BatchWrite()
    for name, published, events in articles:
        h = name.ljust(40, "0")
        led = ledger(name, events, published=published)
        write.articles.append(article_row(h, f"text {name}", led))
        write.events.extend(event_rows(h, led))
        write.sources.append(SourceRow(f"/in/{name}", f"/in/{name}", None, "ok", content_hash=h))
    with Store(path) as store:
        store.write_batch(write)
        merge_store(store)


def test_store_merge_is_incremental_and_equals_a_fresh_merge(tmp_path):
    raid = {**VILLAGE, **RAID}
    other = {**CAPITAL, **RAID, "event_date": "2024-04-02"}
    first = [("a", "2024-05-14", [event(**raid)]), ("x", "2024-04-02", [event(**other)])]
    later = [("b", "2024-05-16", [event(**{**raid, **STATE, "fatalities": 20})])]
    _store_with(tmp_path / "inc.duckdb", first)
    with Store(tmp_path / "inc.duckdb") as store:
        april = store.rows("SELECT incident_id FROM incidents WHERE event_date = '2024-04-02'")
    _store_with(tmp_path / "inc.duckdb", later)
    _store_with(tmp_path / "fresh.duckdb", later + first)
    query = ("SELECT i.incident_id, i.fatalities, i.fatalities_low, i.fatalities_high, i.location, "
             "r.fatalities_role, r.merge_reason FROM incidents i JOIN incident_reports r USING (incident_id) "
             "JOIN events e USING (event_key) ORDER BY e.event_key")
    with Store(tmp_path / "inc.duckdb", read_only=True) as inc, \
            Store(tmp_path / "fresh.duckdb", read_only=True) as fresh:
        assert inc.rows(query) == fresh.rows(query)
        assert inc.rows("SELECT n_reports, fatalities, location FROM incidents ORDER BY 1") == [
            (1, 12, "Gusau"), (2, 20, "Dansadau")]
        assert inc.rows("SELECT incident_id FROM incidents WHERE event_date = '2024-04-02'") == april


def test_exports_show_each_reports_role_and_why_it_was_merged(tmp_path):
    import csv
    import io

    from newsledger.corpus.exports import export

    raid = {**VILLAGE, **RAID}
    _store_with(tmp_path / "c.duckdb", [("a", "2024-05-14", [event(**raid)]),
                                        ("b", "2024-05-16", [event(**{**raid, **STATE, "fatalities": 20})])])
    with Store(tmp_path / "c.duckdb", read_only=True) as store:
        out = io.StringIO()
        export(store, "jsonl", out)
        (row,) = [json.loads(line) for line in out.getvalue().splitlines()]
        out = io.StringIO()
        export(store, "acled-csv", out)
        (csv_row,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    roles = {r["article_id"]: r["fatalities_role"] for r in row["reports"]}
    assert roles == {"a": "first", "b": "revision"} and row["fatalities"] == 20
    assert all(r["merge_reason"]["agreed"]["date"].startswith("same day") for r in row["reports"])
    assert "a [first] score" in csv_row["merge_reasons"] and "b [revision]" in csv_row["merge_reasons"]


def test_a_countrys_blocks_merged_in_one_pass_equal_each_block_merged_alone(tmp_path):
    """The store merge reads a country's dirty blocks at once and writes them in one
    transaction: the incidents are those of merging each block on its own."""
    raid = {**VILLAGE, **RAID}
    months = ["2024-01-10", "2024-03-10", "2024-05-13", "2024-07-10"]  # four blocks, weeks apart
    articles = [(f"{k}{m[5:7]}", m, [event(**{**raid, "event_date": m, "fatalities": 5 + i})])
                for i, m in enumerate(months) for k in "ab"]
    articles.append(("o", "2024-05-13", [event(**{**CAPITAL, **RAID, "actor1": "Boko Haram"})]))
    _store_with(tmp_path / "c.duckdb", articles)
    with Store(tmp_path / "c.duckdb", read_only=True) as store:
        spans = store.event_spans("NG")
        assert len(blocks(spans)) == 4
        expected = []
        for block in blocks(spans):
            incidents, members = merge_events(store.events_by_keys([e["event_key"] for e in block]))
            expected += [(m["event_key"], m["incident_id"], m["merge_reason"]) for m in members]
        stored = store.rows("SELECT event_key, incident_id, merge_reason FROM incident_reports")
        assert sorted(stored) == sorted(expected)
        assert store.scalar("SELECT count(*) FROM incidents") == len({i for _, i, _ in expected})
