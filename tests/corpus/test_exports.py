"""Exports of a corpus database (ACLED CSV, JSONL, GeoJSON, Parquet), filters, and stats."""
from __future__ import annotations

import csv
import io
import json

import pytest

from corpus_helpers import event, ledger
from newsledger.cli import main
from newsledger.corpus.exports import Filters, corpus_stats, export, format_stats
from newsledger.corpus.merge import merge_store
from newsledger.corpus.store import BatchWrite, SourceRow, Store, article_row, event_rows


@pytest.fixture()
def db(tmp_path):
    """Three articles: two reports of one Kirkuk bombing (3 vs 5 dead), a Mosul clash in
    April, and an event with no coordinates in Nigeria; one file arrived under two names."""
    ledgers = [
        ledger("afp", [event(fatalities=3)], source="AFP"),
        ledger("rtr", [event(fatalities=5, injured=7)], source="Reuters"),
        ledger("ap", [event(event_date="2016-04-10", location="Mosul", admin1="Nineveh",
                            latitude=36.335, longitude=43.119, event_type="Battles",
                            sub_event_type="Armed clash", fatalities=None),
                      event(event_id="e2", event_date="2016-04", date_precision="month", country="NG",
                            admin1="Borno", location="Maiduguri", latitude=None, longitude=None,
                            event_type="Violence against civilians", sub_event_type="Attack")],
               source="AP"),
    ]
    write = BatchWrite()
    for n, led in enumerate(ledgers):
        h = f"{n:040x}"
        write.articles.append(article_row(h, f"text {n}", led))
        write.events.extend(event_rows(h, led))
        write.sources.append(SourceRow(f"/in/{led['id']}.txt", f"/in/{led['id']}.txt", None, "ok", content_hash=h))
    write.sources.append(SourceRow("/in/copy-of-afp.txt", "/in/copy-of-afp.txt", None, "ok", content_hash=f"{0:040x}"))
    write.sources.append(SourceRow("/in/empty.txt", "/in/empty.txt", None, "empty", "empty text"))
    path = tmp_path / "c.duckdb"
    with Store(path) as store:
        store.write_batch(write)
        merge_store(store)
    return path


def _export(db, fmt: str, **kw) -> str:
    out = io.StringIO()
    with Store(db, read_only=True) as store:
        export(store, fmt, out, kw.pop("filters", None), **kw)
    return out.getvalue()


def test_jsonl_incidents_list_every_report_with_sources_and_evidence(db):
    rows = [json.loads(line) for line in _export(db, "jsonl").splitlines()]
    assert len(rows) == 3
    kirkuk = next(r for r in rows if r["location"] == "Kirkuk")
    assert (kirkuk["fatalities"], kirkuk["fatalities_low"], kirkuk["fatalities_high"]) == (5, 3, 5)
    assert kirkuk["disagreements"] == ["fatalities"] and kirkuk["n_reports"] == 2
    assert [r["source"] for r in kirkuk["reports"]] == ["AFP", "Reuters"]
    assert kirkuk["reports"][0]["files"] == ["/in/afp.txt", "/in/copy-of-afp.txt"]
    assert kirkuk["reports"][1]["evidence"][0]["text"] == "A bomb went off"
    assert kirkuk["date_start"] == "2016-03-01"


def test_acled_csv_has_acled_columns_then_ucdp_estimates(db):
    rows = list(csv.DictReader(io.StringIO(_export(db, "acled-csv"))))
    kirkuk = next(r for r in rows if r["location"] == "Kirkuk")
    assert kirkuk["country"] == "Iraq" and kirkuk["time_precision"] == "1"
    assert (kirkuk["fatalities"], kirkuk["fatalities_low"], kirkuk["fatalities_high"]) == ("5", "3", "5")
    assert kirkuk["source"] == "AFP; Reuters" and kirkuk["disagreements"] == "fatalities"
    assert kirkuk["event_id_cnty"].startswith("IQI")
    mosul = next(r for r in rows if r["location"] == "Mosul")
    assert mosul["fatalities"] == ""  # no number given stays empty, not 0


def test_events_export_gives_raw_rows_with_their_incident(db):
    rows = [json.loads(line) for line in _export(db, "jsonl", events=True).splitlines()]
    assert len(rows) == 4
    kirkuk = [r for r in rows if r["location"] == "Kirkuk"]
    assert {r["fatalities"] for r in kirkuk} == {3, 5}
    assert kirkuk[0]["incident_id"] == kirkuk[1]["incident_id"]
    assert isinstance(rows[0]["provenance"], dict)
    csv_rows = list(csv.DictReader(io.StringIO(_export(db, "acled-csv", events=True))))
    assert len(csv_rows) == 4 and all(r["incident_id"] for r in csv_rows)


def test_geojson_is_a_feature_collection_with_null_geometry_when_unplaced(db):
    data = json.loads(_export(db, "geojson"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 3
    geometries = {f["properties"]["location"]: f["geometry"] for f in data["features"]}
    assert geometries["Kirkuk"] == {"type": "Point", "coordinates": [44.392, 35.468]}
    assert geometries["Maiduguri"] is None


def test_parquet_keeps_nested_reports(db, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "x.parquet"
    with Store(db, read_only=True) as store:
        assert export(store, "parquet", out) == 3
    table = pq.read_table(out)
    assert table.num_rows == 3
    reports = table.column("reports").to_pylist()
    assert sorted(len(r) for r in reports) == [1, 1, 2]


@pytest.mark.parametrize("filters, locations", [
    (Filters(countries=["iq"]), {"Kirkuk", "Mosul"}),
    (Filters(types=["battles"]), {"Mosul"}),
    (Filters(types=["Remote explosive/landmine/IED"]), {"Kirkuk"}),
    (Filters(date_from=__import__("datetime").date(2016, 4, 1)), {"Mosul", "Maiduguri"}),
    (Filters(date_to=__import__("datetime").date(2016, 4, 5)), {"Kirkuk", "Maiduguri"}),  # April overlaps
    (Filters(countries=["NG"], types=["Battles"]), set()),
])
def test_filters(db, filters, locations):
    rows = [json.loads(line) for line in _export(db, "jsonl", filters=filters).splitlines()]
    assert {r["location"] for r in rows} == locations


def test_stats_count_by_status_country_type_and_month(db):
    with Store(db, read_only=True) as store:
        stats = corpus_stats(store)
    assert stats["totals"]["incidents"] == 3 and stats["totals"]["merged_incidents"] == 1
    assert dict((s, n) for s, n in stats["status"]) == {"ok": 4, "empty": 1}
    assert ["IQ", 2, 3] in stats["country"]
    assert ["2016-03", 1] in stats["month"] and ["2016-04", 2] in stats["month"]
    text = format_stats(stats)
    assert "by status" in text and "Iraq" in text and "2016-04" in text


def test_cli_export_and_stats(db, tmp_path, capsys):
    out = tmp_path / "x.csv"
    assert main(["export", "--db", str(db), "--format", "acled-csv", "--country", "IQ,NG", "-o", str(out)]) == 0
    assert len(out.read_text().splitlines()) == 4
    assert main(["export", "--db", str(db), "--format", "parquet"]) == 2  # binary needs -o
    assert main(["export", "--db", str(db), "--from", "May 3"]) == 2
    assert main(["stats", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["totals"]["articles"] == 3
    assert main(["stats", "--db", str(tmp_path / "none.duckdb")]) == 2
