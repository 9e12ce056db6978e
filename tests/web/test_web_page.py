"""End to end in a real headless Chromium (Debian's, driven by Playwright): the page over a
corpus ingested from the bundled sample articles with the real pipeline. Markers on the
map, bars on the timeline, filtering by country and by brushing the timeline, an incident's
highlighted evidence, the filtered CSV download, and the hostile sample running nothing.
Saves the README's screenshots to docs/screenshots/."""
from __future__ import annotations

import csv
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium); "
                ".ci/run installs it", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the test extra) is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="the web extra is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from newsledger.corpus.ingest import ingest
    from newsledger.web.app import check_assets, create_app

    check_assets()  # Leaflet and the basemap: built by `make web-assets`, not committed
    db = tmp_path_factory.mktemp("page") / "samples.duckdb"
    ingest([ROOT / "samples"], db, workers=0, progress=False)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    pg.problems = []   # console errors, page errors and dialogs: none may happen
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(f"console: {m.text}"))
    pg.on("pageerror", lambda e: pg.problems.append(f"pageerror: {e}"))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    context.close()


def ready(page, before: str | None = None) -> str:
    """Wait for the page's views to finish loading (after `before`, a previous load)."""
    page.wait_for_function("b => document.body.dataset.ready && document.body.dataset.ready !== b",
                           arg=before, timeout=15000)
    return page.evaluate("document.body.dataset.ready")


def table_rows(page) -> list[dict[str, str]]:
    names = ["date", "country", "admin1", "location", "type", "actors", "fatalities"]
    return [dict(zip(names, (c.strip() for c in row))) for row in page.eval_on_selector_all(
        "#incidents tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")]


def test_map_timeline_and_table_show_the_corpus(server, page):
    page.goto(server)
    ready(page)
    page.wait_for_function("Number(document.getElementById('map').dataset.cells) > 0")
    markers = page.locator("#map path.incident").count() + page.locator("#map .cluster").count()
    assert markers >= 3
    assert page.locator("#map path.country").count() > 100           # the offline basemap
    assert page.locator("#timeline rect.bar").count() >= 3
    rows = table_rows(page)
    total = page.request.get(f"{server}/api/stats").json()["totals"]["incidents"]
    assert len(rows) == total >= 5
    assert {"NG", "SO", "IQ", "PK"} <= {r["country"] for r in rows}
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(".map-view").screenshot(path=SHOTS / "map.png")
    page.locator(".table-view").screenshot(path=SHOTS / "table.png")
    page.screenshot(path=SHOTS / "page.png", full_page=True)
    # zoomed in: single incidents as circles, and the admin-1 outlines of the countries shown
    page.evaluate("IncidentMap.map.setView([34.5, 44.0], 6)")
    page.wait_for_function("document.querySelectorAll('#map path.admin1').length > 10")
    page.wait_for_function("document.querySelectorAll('#map path.incident').length >= 3")
    page.locator(".map-view").screenshot(path=SHOTS / "map-zoomed.png")
    assert page.problems == []


def test_filter_by_country_rewrites_the_url_and_every_view(server, page):
    page.goto(server)
    before = ready(page)
    page.select_option("select[name=country]", "SO")
    ready(page, before)
    assert "country=SO" in page.url
    rows = table_rows(page)
    assert rows and {r["country"] for r in rows} == {"SO"}
    assert "Somalia" in page.locator("select[name=country]").input_value() or \
        page.locator("select[name=country]").input_value() == "SO"
    cells = page.request.get(f"{server}/api/map?country=SO&zoom=10").json()["cells"]
    assert cells and all(c["country"] == "SO" for c in cells)
    # the map frames Somalia: every marker drawn is one of its incidents
    page.wait_for_function("() => IncidentMap.map.getCenter().lng > 30 && IncidentMap.map.getCenter().lat < 12")
    page.wait_for_function("() => document.querySelectorAll('#map path.incident, #map .cluster').length > 0")
    drawn = page.evaluate("() => { const out = []; IncidentMap.map.eachLayer(l => l.getLatLng && out.push(l.getLatLng())); return out; }")
    assert drawn and all(-2 < p["lat"] < 12 and 40 < p["lng"] < 52 for p in drawn)
    # the link is shareable: a fresh page on the same URL shows the same rows
    page.goto(page.url)
    ready(page)
    assert table_rows(page) == rows
    assert page.problems == []


def test_brushing_the_timeline_filters_the_table(server, page):
    page.goto(server)
    before = ready(page)
    everything = table_rows(page)
    bars = page.locator("#timeline rect.bar")
    starts = sorted({bars.nth(i).get_attribute("data-start") for i in range(bars.count())})
    # brush from the left edge of the second-latest day's bars to the right end of the chart
    box = page.locator(f"#timeline rect.bar[data-start='{starts[-2]}']").first.bounding_box()
    chart = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 1, y)
    page.mouse.down()
    page.mouse.move(chart["x"] + chart["width"] - 12, y, steps=8)
    page.mouse.up()
    ready(page, before)
    assert "from=" in page.url and "to=" in page.url
    chosen = page.evaluate("Object.fromEntries(new URLSearchParams(location.search))")
    rows = table_rows(page)
    assert 0 < len(rows) < len(everything)
    assert all(chosen["from"] <= r["date"] <= chosen["to"] for r in rows)
    assert page.locator("#timeline rect.brush").get_attribute("visibility") != "hidden"
    assert page.problems == []


def test_incident_page_highlights_the_evidence_and_the_disagreement(server, page):
    page.goto(f"{server}/?country=NG")
    ready(page)
    page.locator("#incidents tbody tr a").first.click()
    page.wait_for_url("**/incidents/*")
    ready(page)
    reports = page.locator("section.report")
    assert reports.count() == 2                         # two sample articles report it
    numbers = page.locator("section.report mark.f-numbers").all_text_contents()
    assert "three" in numbers and "five" in numbers    # 3 dead in one report, 5 in the other
    for group in ("date", "place", "type", "actors"):
        assert page.locator(f"section.report mark.f-{group}").count() >= 2, group
    assert page.locator("section.report .evidence").count() >= 2
    sides = page.locator("#disagreements tr.disagree, #disagreements tr.revision").all_text_contents()
    assert any(s.startswith("fatalities") and "3" in s and "5" in s for s in sides)
    page.screenshot(path=SHOTS / "incident.png", full_page=True)
    assert page.problems == []


def test_downloaded_csv_holds_the_filtered_rows(server, page, tmp_path):
    page.goto(f"{server}/?country=SO")
    ready(page)
    shown = table_rows(page)
    with page.expect_download() as info:
        page.click("#dl-csv")
    path = tmp_path / "incidents.csv"
    info.value.save_as(path)
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(shown) > 0
    assert {r["country"] for r in rows} == {"Somalia"}
    assert sorted(r["location"] for r in rows) == sorted(r["location"] for r in shown)
    assert page.problems == []


def test_the_hostile_article_shows_as_text_and_runs_nothing(server, page):
    found = page.request.get(f"{server}/api/incidents?q=shop owners").json()["rows"]
    assert found, "the hostile sample's incident is in the corpus"
    page.goto(f"{server}/incidents/{found[0]['incident_id']}")
    ready(page)
    text = page.locator("section.report").first.inner_text()
    assert "<script>window.__pwned = true;" in text
    assert "<img src=x onerror=" in text
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.body.dataset.pwned") is None
    assert "pwned" not in page.title()
    assert page.locator("img").count() == 0
    assert page.locator("script:not([src])").count() == 0
    assert page.locator("b[onmouseover]").count() == 0
    page.locator("section.report .article-text").first.hover()
    assert page.problems == []


def test_quotes_search_leads_to_the_speakers_entity_page(server, page):
    page.goto(f"{server}/quotes")
    before = ready(page)
    page.fill("input[name=q]", "justice")
    page.press("input[name=q]", "Enter")
    page.locator("input[name=q]").blur()
    ready(page, before)
    assert "q=justice" in page.url
    items = page.locator("ul.quotes li")
    assert items.count() == 1 and "bring them to justice" in items.first.inner_text()
    items.first.locator("a").click()
    page.wait_for_url("**/entities/*")
    ready(page)
    assert page.locator("h1").inner_text() == "Saad Maan"
    assert "bring them to justice" in page.locator("ul.quotes").inner_text()
    assert page.problems == []
