"""Speed of the web page on a large corpus: /api/incidents with each filter, /api/stats,
/api/map, and the page's first full render (map + timeline + table) in headless Chromium.

    python benchmarks/web_bench.py                      # 100,000 incidents, in a temp folder
    python benchmarks/web_bench.py --db /tmp/big.duckdb # build once, then reuse the file
    python benchmarks/web_bench.py --json               # one JSON line for BENCHMARKS.md

Targets (issue 12): /api/incidents with any filter < 150 ms, /api/stats < 300 ms, first full
render < 2 s. Each request is timed over HTTP against `newsledger serve` in its own process,
`--repeat` times; the median and the slowest are printed, with the server's CPU time per
request (from /proc), which other work on a shared machine disturbs less than wall time.

The database is written directly through the store's functions (store.event_rows,
Store.write_batch, merge.summarise, Store.replace_block), not by `generate` + `ingest`:
extraction would take hours for ~150,000 articles, and the page reads only the stored rows.
Each incident has one to three reports (articles) whose tolls may differ, places and
types come from generate.py's tables, dates spread over two years.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsledger.corpus.generate import COUNTRIES, KINDS  # noqa: E402
from newsledger.corpus.ingest import content_hash  # noqa: E402
from newsledger.corpus.merge import summarise  # noqa: E402
from newsledger.corpus.store import (MERGE_COLUMNS, BatchWrite, SourceRow, Store, article_row,  # noqa: E402
                                     event_rows)

CHROMIUM = "/usr/bin/chromium"
VENUES = ("market", "checkpoint", "school", "bus station", "mosque", "village", "police station")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
INCIDENT_QUERIES = {
    "no filter": "",
    "country": "country=IQ",
    "date range": "from=2025-03-01&to=2025-05-31",
    "type": "type=Battles",
    "sub-type": "sub_type=Suicide bomb",
    "admin1": "country=IQ&admin1=Kirkuk",
    "actor": "actor=civilians",
    "fatalities >= 10": "min_fatalities=10",
    "disagreements": "disagreement=1",
    "evidence text": "q=market",
    "all at once": "country=IQ&from=2025-01-01&to=2025-12-31&type=Explosions/Remote violence&min_fatalities=1&q=killed",
    "sort by fatalities, page 40": "sort=-fatalities&page=40",
}
STATS_QUERIES = {"no filter": "", "country": "country=SO", "date range": "from=2025-03-01&to=2025-05-31",
                 "evidence text": "q=market"}
MAP_QUERIES = {"world (zoom 2)": "zoom=2", "a country (zoom 6)": "zoom=6&bbox=38,29,49,38",
               "close (zoom 11)": "zoom=11&bbox=44,35,44.8,35.8"}


def build(db: Path, n: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    first = date(2024, 6, 1)
    by_country: dict[str, tuple[list, list]] = {}
    with Store(db, memory_limit="2GB") as store:
        batch = BatchWrite()
        for i in range(n):
            country = rng.choice(COUNTRIES)
            place, kind = rng.choice(country.places), rng.choice(KINDS)
            day = first + timedelta(days=rng.randrange(730))
            killed = rng.choice([0, 1, 2, 3, 5, 8, 12, 20, 40]) if rng.random() < 0.8 else None
            reports = rng.choices([1, 2, 3], weights=[70, 20, 10])[0]
            members = []
            for r in range(reports):
                toll = killed if killed is None or rng.random() < 0.7 else killed + rng.randint(1, 4)
                text, led = _report(i, r, country, place, kind, day, toll)
                h = content_hash(text)
                rows = event_rows(h, led)
                batch.articles.append(article_row(h, text, led))
                batch.events.extend(rows)
                batch.sources.append(SourceRow(f"/bench/{i}-{r}.txt", f"/bench/{i}-{r}.txt", None, "ok",
                                               content_hash=h, id=led["id"]))
                members.append({c: rows[0].get(c) for c in MERGE_COLUMNS})
            incident = summarise(members)
            incidents, links = by_country.setdefault(country.code, ([], []))
            incidents.append(incident)
            links.extend({"event_key": m["event_key"], "incident_id": incident["incident_id"]} for m in members)
            if len(batch.articles) >= 5000:
                store.write_batch(batch)
                batch = BatchWrite()
        store.write_batch(batch)
        for code, (incidents, links) in sorted(by_country.items()):
            store.replace_block([link["event_key"] for link in links], incidents, links)


def _report(i: int, r: int, country, place, kind, day: date, toll: int | None) -> tuple[str, dict]:
    told = "an unknown number of" if toll is None else str(toll)
    venue = VENUES[(i + r) % len(VENUES)]
    lede = (f"{place.name.upper()} ({['Wire', 'Gazette', 'Radio'][r]}) - A {kind.sub_event_type.lower()} "
            f"killed {told} people near a {venue} in {place.name} on {day:%B %d}, officials said.")
    words = {"event_type": kind.sub_event_type.lower(), "location": place.name, "event_date": f"{day:%B %d}"}
    if toll is not None:
        words["fatalities"] = str(toll)
    provenance = {k: [lede.index(w), lede.index(w) + len(w)] for k, w in words.items()}
    event = {"event_date": day.isoformat(), "date_precision": "day", "country": country.code,
             "admin1": place.admin1, "location": place.name, "latitude": place.lat, "longitude": place.lon,
             "geo_precision": 1, "event_type": kind.event_type, "sub_event_type": kind.sub_event_type,
             "actor1": country.groups[0] if country.groups else None, "actor2": "Civilians",
             "fatalities": toll, "injured": None, "confidence": 0.9, "provenance": provenance,
             "evidence": [{"start": 0, "end": len(lede), "text": lede}]}
    led = {"id": f"bench-{i}-{r}", "published": (day + timedelta(days=r)).isoformat(),
           "title": f"{kind.sub_event_type} in {place.name}", "source": ["Wire", "Gazette", "Radio"][r],
           "url": None, "events": [event], "quotes": [], "entities": [], "claims": []}
    return f"{lede}\n\nReport {i}-{r}.", led


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cpu_ms(pid: int) -> float:
    """CPU time (user + system, all threads) the server process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def _time(url: str, repeat: int, pid: int) -> tuple[float, float, float]:
    """Median and slowest wall time of a request, and the server's CPU time per request
    (less sensitive than wall time to other work on a shared machine)."""
    urllib.request.urlopen(url).read()  # warm: the first request also loads the country names
    times = []
    cpu = _cpu_ms(pid)
    for _ in range(repeat):
        started = time.perf_counter()
        with urllib.request.urlopen(url) as response:
            response.read()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times), (_cpu_ms(pid) - cpu) / repeat


def render_times(base: str, repeat: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(repeat):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            started = time.perf_counter()
            page.goto(base)
            page.wait_for_function("() => document.body.dataset.ready && Number(document.getElementById('map')"
                                   ".dataset.cells) > 0 && document.querySelectorAll('#timeline rect.bar')"
                                   ".length > 0 && document.querySelectorAll('#incidents tbody tr').length > 0",
                                   timeout=30000)
            out.append(time.perf_counter() - started)
            context.close()
        browser.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--incidents", type=int, default=100_000)
    ap.add_argument("--db", type=Path, help="database to build (if missing) and reuse")
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--renders", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "web_bench.duckdb"
    if not db.exists():
        started = time.perf_counter()
        build(db, args.incidents)
        print(f"built {db} ({args.incidents:,} incidents) in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    with Store(db, read_only=True) as store:
        counts = store.counts()
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "newsledger", "serve", "--db", str(db), "--port", str(port)],
                              env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{base}/api/openapi.json").read()
                break
            except OSError:
                time.sleep(0.1)
        results = {"incidents": counts["incidents"], "events": counts["events"], "api": {}}
        for group, path, queries in (("/api/incidents", "incidents", INCIDENT_QUERIES),
                                     ("/api/stats", "stats", STATS_QUERIES), ("/api/map", "map", MAP_QUERIES)):
            for name, query in queries.items():
                url = f"{base}/api/{path}?{urllib.parse.quote(query, safe='=&,/')}"
                median, worst, cpu = _time(url, args.repeat, server.pid)
                results["api"][f"{group} {name}"] = {"median_ms": round(median, 1), "max_ms": round(worst, 1),
                                                     "server_cpu_ms": round(cpu, 1)}
                if not args.json:
                    print(f"{group:<15} {name:<30} median {median:7.1f} ms   max {worst:7.1f} ms   "
                          f"server CPU {cpu:6.1f} ms")
        renders = render_times(base, args.renders)
        results["first_render_s"] = {"median": round(statistics.median(renders), 2), "max": round(max(renders), 2)}
        results["load_average"] = [round(v, 1) for v in os.getloadavg()]
        if args.json:
            print(json.dumps(results))
        else:
            print(f"first full render (map + timeline + table), {args.renders} fresh pages: "
                  f"median {statistics.median(renders):.2f} s, max {max(renders):.2f} s")
            print(f"corpus: {counts['incidents']:,} incidents, {counts['events']:,} events; "
                  f"load average {' '.join(f'{v:.1f}' for v in os.getloadavg())} on {os.cpu_count()} cores")
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
