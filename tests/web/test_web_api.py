"""The JSON API over a small hand-built corpus: filters, validation, paging and sorting,
stats, the map grid, an incident's highlighted reports, downloads through the exports,
entities and quotes, and the safety rules (400s, no path out of the packaged files)."""
from __future__ import annotations

import csv
import io

import duckdb
import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from web_corpus import build  # noqa: E402

from newsledger.web import queries  # noqa: E402
from newsledger.web.app import create_app  # noqa: E402
from newsledger.web.filters import BadRequest, parse_filters  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("web") / "corpus.duckdb")


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db))


def ids(client, query=""):
    return sorted(r["incident_id"] for r in client.get(f"/api/incidents?{query}").json()["rows"])


def test_incidents_lists_every_incident_once_reports_merged(client):
    body = client.get("/api/incidents").json()
    assert body["total"] == 3          # the two Tikrit reports are one incident
    tikrit = next(r for r in body["rows"] if r["location"] == "Tikrit")
    assert (tikrit["fatalities_low"], tikrit["fatalities_high"], tikrit["n_reports"]) == (3, 5, 2)
    assert tikrit["disagreements"] == ["fatalities"]


@pytest.mark.parametrize("query, locations", [
    ("country=NG", ["Lagos"]),
    ("country=iq", ["Mosul", "Tikrit"]),
    ("country=IQ,NG", ["Lagos", "Mosul", "Tikrit"]),
    ("country=IQ&country=NG", ["Lagos", "Mosul", "Tikrit"]),
    ("from=2026-03-01", ["Mosul", "Tikrit"]),
    ("to=2026-03-01", ["Lagos"]),
    ("from=2026-03-10&to=2026-03-10", ["Tikrit"]),
    ("admin1=nineveh", ["Mosul"]),
    ("type=Protests", ["Lagos"]),
    ("type=Attack", ["Mosul"]),                       # a sub-type name works as a type, as in export
    ("sub_type=Remote explosive/landmine/IED", ["Tikrit"]),
    ("actor=protesters", ["Lagos"]),
    ("actor=civilians", ["Mosul", "Tikrit"]),
    ("min_fatalities=3", ["Tikrit"]),
    ("min_fatalities=0", ["Lagos", "Mosul", "Tikrit"]),
    ("disagreement=1", ["Tikrit"]),
    ("disagreement=0", ["Lagos", "Mosul", "Tikrit"]),
    ("q=car bomb", ["Tikrit"]),
    ("q=FUEL PRICES", ["Lagos"]),
    ("q=100%", []),                                  # literal text, not a LIKE pattern
    ("q=_", []),
    ("country=IQ&min_fatalities=3&q=market", ["Tikrit"]),
])
def test_filters(client, query, locations):
    rows = client.get(f"/api/incidents?{query}").json()["rows"]
    assert sorted(r["location"] for r in rows) == locations


@pytest.mark.parametrize("query, words", [
    ("country=Iraq", "two-letter"),
    ("from=2026-13-01", "not a date"),
    ("from=2026-03-02&to=2026-03-01", "after the last day"),
    ("min_fatalities=-1", "whole number"),
    ("min_fatalities=lots", "whole number"),
    ("disagreement=maybe", "1 or 0"),
    ("sort=password", "sort"),
    ("page=0", "page"),
    ("per_page=100000", "per_page"),
    ("contry=IQ", "unknown parameter 'contry'"),
    ("q=" + "x" * 201, "at most 200"),
    ("from=2026-01-01&from=2026-02-01", "give it once"),
])
def test_bad_parameters_get_400_with_a_message(client, query, words):
    response = client.get(f"/api/incidents?{query}")
    assert response.status_code == 400
    assert words in response.json()["error"]


def test_sorting_and_paging(client):
    by_toll = client.get("/api/incidents?sort=-fatalities").json()["rows"]
    assert [r["fatalities"] for r in by_toll] == [5, 2, None]   # nulls last both ways
    assert [r["fatalities"] for r in client.get("/api/incidents?sort=fatalities").json()["rows"]] == [2, 5, None]
    pages = [client.get(f"/api/incidents?sort=date&per_page=2&page={n}").json() for n in (1, 2)]
    assert pages[0]["pages"] == 2 and [len(p["rows"]) for p in pages] == [2, 1]
    dates = [r["event_date"] for p in pages for r in p["rows"]]
    assert dates == sorted(dates)


def test_stats_counts_the_filtered_set_but_the_timeline_spans_all_dates(client):
    stats = client.get("/api/stats?from=2026-03-01").json()
    assert stats["totals"]["incidents"] == 2
    assert stats["totals"]["fatalities"] == 7    # Tikrit's best estimate (5: same-day rivals, the larger) + Mosul's 2
    assert {r["country"] for r in stats["by_country"]} == {"IQ"}
    starts = {b["start"] for b in stats["timeline"]["bins"]}
    assert "2026-02-02" in starts                # outside the date filter, still on the timeline
    assert stats["timeline"]["bucket"] == "day"
    assert [c["code"] for c in stats["facets"]["countries"]] == ["IQ", "NG"]
    weekly = client.get("/api/stats?bucket=week").json()["timeline"]
    assert weekly["bucket"] == "week" and all(b["start"] <= "2026-03-15" for b in weekly["bins"])
    assert client.get("/api/stats?bucket=hour").status_code == 400


def test_map_groups_when_zoomed_out_and_splits_when_zoomed_in(client):
    world = client.get("/api/map?zoom=1").json()["cells"]
    assert sum(c["n"] for c in world) == 3 and len(world) < 3       # Tikrit and Mosul share a cell
    close = client.get("/api/map?zoom=10").json()["cells"]
    assert len(close) == 3 and all(c["n"] == 1 and c["incident_id"] for c in close)
    assert {c["precision"] for c in close} == {"point"}
    nigeria = client.get("/api/map?zoom=10&bbox=0,0,10,10").json()["cells"]
    assert [c["location"] for c in nigeria] == ["Lagos"]
    assert client.get("/api/map?bbox=1,2,3").status_code == 400
    assert client.get("/api/map?zoom=99").status_code == 400


def test_incident_page_data_highlights_each_field_from_provenance(client):
    tikrit = client.get("/api/incidents?q=car bomb").json()["rows"][0]["incident_id"]
    body = client.get(f"/api/incidents/{tikrit}").json()
    assert sorted(r["source"] for r in body["reports"]) == ["Test Gazette", "Test Wire"]
    first = next(r for r in body["reports"] if r["source"] == "Test Wire")
    marked = {s["text"]: s["fields"] for s in first["segments"] if s["fields"]}
    assert marked == {"bomb": ["event_type"], "three": ["fatalities"], "Tikrit": ["location"],
                      "Tuesday": ["event_date"], "people": ["actor2"]}
    assert "".join(s["text"] for s in first["segments"]).startswith("A car bomb killed three")
    assert any(s["evidence"] for s in first["segments"])
    assert sorted(s["value"] for s in body["sides"]["fatalities"]) == [3, 5]  # side by side
    assert body["field_groups"]["fatalities"] == "numbers"


def test_segments_cut_at_code_points_and_keep_overlaps():
    text = "Ünïcode 😀 bomb killed two"
    segs = queries.segments(text, {"event_type": [10, 14], "fatalities": [22, 25], "bad": [3, 999]},
                            [{"start": 0, "end": len(text)}])
    assert "".join(s["text"] for s in segs) == text
    assert [s["text"] for s in segs if s["fields"]] == ["bomb", "two"]
    nested = queries.segments("abcdef", {"a": [0, 4], "b": [2, 6]}, [])
    assert [(s["text"], s["fields"]) for s in nested] == [("ab", ["a"]), ("cd", ["a", "b"]), ("ef", ["b"])]


def test_missing_and_malformed_incident_ids(client):
    assert client.get("/api/incidents/Inothere").status_code == 404
    assert client.get("/api/incidents/..%2f..%2fetc").status_code in (400, 404)
    assert client.get("/api/incidents/a;DROP").status_code == 400


def test_reason_is_shown_when_the_events_table_has_it(db, tmp_path):
    copy = tmp_path / "with_reason.duckdb"
    copy.write_bytes(db.read_bytes())
    with duckdb.connect(str(copy)) as con:
        con.execute("UPDATE events SET reason = 'a killing verb with a count'")
    client = TestClient(create_app(copy))
    some = client.get("/api/incidents").json()["rows"][0]["incident_id"]
    assert client.get(f"/api/incidents/{some}").json()["reports"][0]["reason"] == "a killing verb with a count"
    plain = TestClient(create_app(db)).get(f"/api/incidents/{some}").json()["reports"][0]
    assert plain["reason"] is None  # a corpus whose events carry no reason shows none


def test_csv_download_is_the_filtered_set_through_the_exports(client):
    response = client.get("/api/export?format=csv&country=IQ")
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert sorted(r["location"] for r in rows) == ["Mosul", "Tikrit"]
    assert {r["country"] for r in rows} == {"Iraq"}
    assert {"fatalities_low", "fatalities_high", "n_reports", "incident_id"} <= set(rows[0])


def test_geojson_and_parquet_downloads(client, tmp_path):
    geo = client.get("/api/export?format=geojson&min_fatalities=3").json()
    assert [f["properties"]["location"] for f in geo["features"]] == ["Tikrit"]
    assert geo["features"][0]["geometry"]["type"] == "Point"
    import pyarrow.parquet as pq

    path = tmp_path / "x.parquet"
    path.write_bytes(client.get("/api/export?format=parquet&disagreement=1").content)
    assert pq.read_table(path).column("location").to_pylist() == ["Tikrit"]
    assert client.get("/api/export?format=exe").status_code == 400


def test_entity_and_quotes(client):
    person = client.get("/api/entities/Ali Hassan").json()
    assert [a["alias"] for a in person["aliases"]] == ["Ali Hassan", "Hassan"]
    assert [q["text"] for q in person["quotes"]] == ["The market was full"]
    civilians = client.get("/api/entities/civilians").json()
    assert {r["location"] for r in civilians["incidents"]} == {"Tikrit", "Mosul"}
    assert client.get("/api/entities/Nobody At All").status_code == 404
    found = client.get("/api/quotes?q=market").json()
    assert found["total"] == 1 and found["rows"][0]["speaker"] == "Ali Hassan"
    assert client.get("/api/quotes?q=nothing said").json()["total"] == 0
    assert client.get("/api/quotes?speaker=ali hassan").json()["total"] == 1


def test_pages_assets_and_no_way_out_of_the_package(client):
    page = client.get("/")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/vendor/leaflet.js").status_code == 200, "run `make web-assets`"
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2f..%2fpyproject.toml",
                 "/static//etc/passwd", "/incidents/..%2f..%2fetc%2fpasswd"):
        response = client.get(path)
        assert response.status_code in (400, 404), path
        assert "import" not in response.text and "root:" not in response.text


def test_openapi_documents_the_api(client):
    schema = client.get("/api/openapi.json").json()
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/stats", "/api/map",
            "/api/export", "/api/entities/{name}", "/api/quotes"} <= set(schema["paths"])
    names = {p["name"] for p in schema["paths"]["/api/incidents"]["get"]["parameters"]}
    assert {"from", "to", "country", "admin1", "type", "sub_type", "actor", "min_fatalities",
            "disagreement", "q", "sort", "page", "per_page"} <= names


def test_parse_filters_directly():
    f = parse_filters({"country": ["iq, sy"], "q": ["  car bomb "], "disagreement": ["true"]})
    assert (f.countries, f.q, f.disagreement) == (["IQ", "SY"], "car bomb", True)
    with pytest.raises(BadRequest):
        parse_filters({"country": [",".join(["IQ"] * 10 + [f"A{chr(65 + i % 26)}" for i in range(60)])]})


def test_a_locked_file_is_waited_for_then_reported_busy(db, tmp_path):
    import subprocess
    import sys
    import time

    from newsledger.web.db import DatabaseBusy, open_read_only

    holder = subprocess.Popen([sys.executable, "-c",
                               "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('locked', flush=True); time.sleep(float(sys.argv[2]))",
                               str(db), "1.0"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(DatabaseBusy):
            open_read_only(db, wait=0.2)
        started = time.monotonic()
        con = open_read_only(db, wait=10)          # the writer lets go after ~1 s
        assert con.execute("SELECT count(*) FROM incidents").fetchone()[0] == 3
        con.close()
        assert time.monotonic() - started < 5
    finally:
        holder.wait(timeout=10)


def test_a_request_during_a_long_write_gets_503_and_retry_after(db):
    import subprocess
    import sys

    app = create_app(db)
    app.state.corpus.wait = 0.2
    client = TestClient(app)
    holder = subprocess.Popen([sys.executable, "-c",
                               "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('locked', flush=True); time.sleep(2)", str(db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        response = client.get("/api/stats")
        assert response.status_code == 503 and response.headers["retry-after"] == "1"
        assert "being written" in response.json()["error"]
    finally:
        holder.wait(timeout=10)
    assert client.get("/api/stats").status_code == 200


def test_browsing_and_a_writer_with_short_transactions_take_turns(db, tmp_path):
    """The server holds the file only while it answers: a writer that commits in short
    transactions (as ingest does per batch) and waits for the lock gets every write in,
    and every request is answered meanwhile."""
    import subprocess
    import sys

    copy = tmp_path / "shared.duckdb"
    copy.write_bytes(db.read_bytes())
    writer = subprocess.Popen([sys.executable, "-c", """
import sys, time, duckdb
done = 0
for n in range(8):
    deadline = time.monotonic() + 10
    while True:
        try:
            con = duckdb.connect(sys.argv[1])
            break
        except duckdb.IOException:
            assert time.monotonic() < deadline, "no turn to write"
            time.sleep(0.02)
    con.execute("CREATE TABLE IF NOT EXISTS scratch (n INTEGER)")
    con.execute("INSERT INTO scratch VALUES (?)", [n])
    con.close()
    done += 1
    time.sleep(0.05)
print(done)
""", str(copy)], stdout=subprocess.PIPE, text=True)
    client = TestClient(create_app(copy))
    statuses = []
    while writer.poll() is None:
        statuses.append(client.get("/api/stats").status_code)
    assert writer.stdout.read().strip() == "8"
    assert statuses and set(statuses) == {200}
    with duckdb.connect(str(copy), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM scratch").fetchone()[0] == 8


@pytest.mark.parametrize("words", ["car bomb", "TIKRIT", "fuel", "<script>", "100%", "_", "shot dead two"])
def test_the_fast_text_search_agrees_with_its_sql_definition(db, words):
    from newsledger.web.db import Corpus
    from newsledger.web.filters import IncidentFilters

    corpus = Corpus(db)
    plain = IncidentFilters(q=words)
    with corpus.read() as con:
        by_sql = queries.incidents(con, plain)["rows"]
        fast = corpus.narrow(con, plain)
        assert fast.within
        by_index = queries.incidents(con, fast)["rows"]
    assert by_index == by_sql


def test_the_text_search_sees_what_a_writer_commits_later(db, tmp_path):
    copy = tmp_path / "growing.duckdb"
    copy.write_bytes(db.read_bytes())
    client = TestClient(create_app(copy))
    assert client.get("/api/incidents?q=tikrit").json()["total"] == 1
    assert client.get("/api/incidents?q=gunmen").json()["total"] == 1
    with duckdb.connect(str(copy)) as con:   # a later ingest rewrites the Mosul evidence
        con.execute("UPDATE events SET evidence = [{'start': 0, 'end': 5, 'text': 'Tikrit again'}] "
                    "WHERE country = 'IQ' AND location = 'Mosul'")
    assert client.get("/api/incidents?q=tikrit").json()["total"] == 2
    assert client.get("/api/incidents?q=gunmen").json()["total"] == 0


def test_the_pages_share_one_layout():
    from newsledger.web.pages import rendered

    html = rendered()
    assert set(html) == {"index", "incident", "entity", "quotes"}
    for name, page in html.items():
        assert page.count('<nav><a href="/">Incidents</a>') == 1, name
        assert page.count('<p id="error"') == 1 and page.count("/static/common.js") == 1, name
        assert "$" not in page, name  # every slot filled
    assert '<main id="entity" class="page"></main>' in html["entity"]
    assert "leaflet.js" in html["index"] and "leaflet.js" not in html["quotes"]
