"""Ingest end to end, with a fast stand-in pipeline: readers and statuses, nothing lost and
nothing doubled, resuming after SIGKILL, and merging reports of one incident."""
from __future__ import annotations

import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

import newsledger
from corpus_helpers import event
from newsledger.corpus.generate import generate
from newsledger.corpus.ingest import ingest
from newsledger.corpus.merge import best_low_high, cluster, merge_events
from newsledger.corpus.readers import read_paths, split_header
from newsledger.corpus.store import SCHEMA_VERSION, Store, date_bounds, table_digest

FAKE = "corpus_helpers:fake_pipeline"
SRC = Path(newsledger.__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent


def run(paths, db, workers: int = 0, **kw):
    return ingest([str(p) for p in paths], db, workers=workers, progress=False, pipeline=FAKE, **kw)


def statuses(db) -> dict[str, str]:
    with Store(db, read_only=True) as store:
        return {Path(k).name + (("#" + m) if m else ""): s
                for k, m, s in store.rows("SELECT path, member, status FROM sources")}


LEDE = "KIRKUK, Iraq (Wire) - A roadside bomb killed {n} people in Kirkuk on Tuesday, police said.\n\nMore text follows here.\n"


# -- readers ----------------------------------------------------------------------------------
def test_txt_metadata_from_sidecar_header_or_file_name(tmp_path):
    (tmp_path / "a.txt").write_text("Body of a.\n", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"id": "A", "published": "2015-05-04", "source": "X"}))
    (tmp_path / "b.txt").write_text("title: Bee\npublished: 2016-01-02\nurl: https://b.example\n\nBody of b.\n")
    (tmp_path / "2017-03-04-c.txt").write_text("WASHINGTON: Body of c.\n\nSecond paragraph.\n")
    records = {Path(r.path).name: r for r in read_paths([tmp_path])}
    assert set(records) == {"a.txt", "b.txt", "2017-03-04-c.txt"}  # the sidecar is not an input
    a, b, c = (records[n].article for n in ("a.txt", "b.txt", "2017-03-04-c.txt"))
    assert (a.id, str(a.published), a.source, a.text) == ("A", "2015-05-04", "X", "Body of a.\n")
    assert (b.title, str(b.published), b.url, b.text) == ("Bee", "2016-01-02", "https://b.example", "Body of b.\n")
    assert str(c.published) == "2017-03-04" and c.text.startswith("WASHINGTON:")


def test_header_needs_known_keys():
    assert split_header("Note: this is text\n\nmore")[0] == {}
    assert split_header("Source: Wire\nDate: 2015-01-02\n\nbody") == ({"source": "Wire", "date": "2015-01-02"}, "body")


def test_jsonl_json_html_and_warc(tmp_path):
    lines = [{"text": "First article.", "id": "j1", "published": "2016-01-01"}, "not an object",
             {"text": ""}, {"text": "Bad date.", "published": "yesterday"}]
    (tmp_path / "f.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken\n")
    (tmp_path / "g.json").write_text(json.dumps([{"text": "One."}, {"text": "Two."}]))
    (tmp_path / "p.html").write_text(_page("Dam opens", "A new dam opened on the river. " * 20))
    _warc(tmp_path / "crawl.warc.gz")
    got = {(Path(r.path).name, r.member): r for r in read_paths([tmp_path])}
    assert got[("f.jsonl", "line=1")].article.id == "j1"
    assert got[("f.jsonl", "line=2")].status == "failed"
    assert got[("f.jsonl", "line=3")].status == "empty"
    assert got[("f.jsonl", "line=4")].status == "ok" and "date ignored" in got[("f.jsonl", "line=4")].message
    assert got[("f.jsonl", "line=5")].status == "failed"
    assert [got[("g.json", f"item={i}")].article.text for i in (0, 1)] == ["One.", "Two."]
    page = got[("p.html", None)].article
    assert "A new dam opened" in page.text and "alert" not in page.text and "Home | World" not in page.text
    warc = sorted((k, r) for k, r in got.items() if k[0] == "crawl.warc.gz")
    kinds = [r.status for _, r in warc]
    assert kinds.count("ok") == 1 and kinds.count("unsupported") == 1
    assert next(r for _, r in warc if r.status == "ok").article.url == "https://news.example/a"


def _page(title: str, body: str) -> str:
    return (f"<html><head><title>{title}</title><script>alert('x'); var s = 'killed 99';</script></head>"
            f"<body><nav>Home | World</nav><article><h1>{title}</h1><p>{body}</p></article>"
            "<script>document.write('more script')</script></body></html>")


WARC_PAGES = (
    ("https://news.example/a", "text/html; charset=utf-8", _page("Bridge", "The bridge reopened today. " * 20).encode()),
    ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
)


def _warc(path: Path, pages=WARC_PAGES, only_requests: bool = False) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for url, ctype, body in pages:
            if only_requests:
                headers = StatusAndHeaders("GET / HTTP/1.0", [("Host", "news.example")], is_http_request=True)
                writer.write_record(writer.create_warc_record(url, "request", http_headers=headers))
                continue
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


# -- encodings -----------------------------------------------------------------------------------
QUOTE = "\u201cWe will rebuild,\u201d said Jos\u00e9 N\u00fa\u00f1ez \u2014 the mayor of K\u00f6ln \u2014 on Monday.\n"


@pytest.mark.parametrize("name, data, encoding", [
    ("cp1252.txt", QUOTE.encode("cp1252"), "cp1252"),
    ("latin1.txt", "Caf\u00e9 owners in G\u00f6ttingen met na\u00efve voters.\n".encode("latin-1"), "cp1252"),
    ("utf16le.txt", QUOTE.encode("utf-16"), "utf-16-le"),  # Python writes the BOM, little-endian
    ("utf16be.txt", b"\xfe\xff" + QUOTE.encode("utf-16-be"), "utf-16-be"),
    ("utf32.txt", QUOTE.encode("utf-32"), "utf-32-le"),
    ("utf8bom.txt", b"\xef\xbb\xbf" + QUOTE.encode(), "utf-8"),
    ("utf8.txt", QUOTE.encode(), "utf-8"),
    ("cp1251.txt", "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0437\u0430\u044f\u0432\u0438\u043b, "
     "\u0447\u0442\u043e \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b \u043f\u0440\u043e\u0434\u043e\u043b\u0436\u0430\u0442\u0441\u044f.\n".encode("cp1251"), "cp1251"),
])
def test_text_files_in_other_encodings_are_stored_with_the_right_text(tmp_path, name, data, encoding):
    (tmp_path / name).write_bytes(data)
    db = tmp_path / "c.duckdb"
    run([tmp_path / name], db)
    expected = data.decode(encoding).lstrip("\ufeff")
    with Store(db, read_only=True) as store:
        assert store.rows("SELECT s.status, s.encoding, a.text FROM sources s JOIN articles a "
                          "USING (content_hash)") == [("ok", encoding, expected)]


def test_html_and_warc_honour_declared_charsets(tmp_path):
    body = "Caf\u00e9 owners in G\u00f6ttingen met the mayor on Monday \u2014 \u201cnever again\u201d, they said. " * 8
    meta = _page("Rents", body).replace("<head>", '<head><meta charset="windows-1252">')
    (tmp_path / "meta.html").write_bytes(meta.encode("cp1252"))
    http_equiv = _page("Rents", body.replace("\u2014", "-").replace("\u201c", '"').replace("\u201d", '"')).replace(
        "<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">')
    (tmp_path / "equiv.html").write_bytes(http_equiv.encode("latin-1"))
    plain = "Der B\u00fcrgermeister sprach am Montag \u00fcber die Stra\u00dfen.\n"
    _warc(tmp_path / "crawl.warc.gz", pages=(
        ("https://news.example/header", "text/html; charset=windows-1252", _page("Rents", body).encode("cp1252")),
        ("https://news.example/plain", "text/plain; charset=iso-8859-1", plain.encode("latin-1")),
        ("https://news.example/wrong", "text/html; charset=utf-8", _page("Rents", body).encode("cp1252")),
    ))
    got = {(Path(r.path).name, r.member): r for r in read_paths([tmp_path])}
    texts = {k: (r.status, r.encoding, r.article and r.article.text) for k, r in got.items()}
    assert texts[("meta.html", None)][:2] == ("ok", "cp1252") and "G\u00f6ttingen" in texts[("meta.html", None)][2]
    assert "\u201cnever again\u201d" in texts[("meta.html", None)][2]
    assert texts[("equiv.html", None)][:2] == ("ok", "cp1252") and "Caf\u00e9" in texts[("equiv.html", None)][2]
    warc = sorted(v for (name, _), v in texts.items() if name == "crawl.warc.gz")
    assert [w[:2] for w in warc] == [("ok", "cp1252")] * 3  # a wrong declaration is not believed
    assert {w[2] for w in warc if "Montag" in w[2]} == {plain}
    assert all("G\u00f6ttingen" in w[2] for w in warc if "Montag" not in w[2])


def test_an_old_database_gains_the_encoding_column(tmp_path):
    import duckdb

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))  # the version-1 layout of sources and meta
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("CREATE TABLE sources (source_key VARCHAR PRIMARY KEY, path VARCHAR, member VARCHAR, "
                "status VARCHAR NOT NULL, message VARCHAR, content_hash VARCHAR, id VARCHAR, "
                "published DATE, title VARCHAR, url VARCHAR, source VARCHAR)")
    con.execute("INSERT INTO sources (source_key, path, status) VALUES ('/x', '/x', 'empty')")
    con.close()
    (tmp_path / "a.txt").write_bytes(QUOTE.encode("cp1252"))
    run([tmp_path / "a.txt"], db)
    with Store(db, read_only=True) as store:
        assert store.scalar("SELECT value FROM meta WHERE key = 'schema_version'") == SCHEMA_VERSION
        assert set(store.rows("SELECT path, status, encoding FROM sources")) == {
            ("/x", "empty", None), (str(tmp_path / "a.txt"), "ok", "cp1252")}


# -- hostile inputs ------------------------------------------------------------------------------
def test_hostile_inputs_each_get_a_status_and_none_stops_the_run(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "blank.txt").write_bytes(b" \n\n \t\n")
    (src / "binary.txt").write_bytes(bytes(random.Random(1).randrange(256) for _ in range(4096)) + b"\x00")
    (src / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with (src / "huge.txt").open("wb") as f:  # 50 MB on one line
        f.write(b"word " * 10_000_000)
    with (src / "huge.jsonl").open("wb") as f:
        f.write(b'{"text": "' + b"x" * 50_000_000 + b'"}\n{"text": "A short fine line."}\n')
    (src / "latin1.txt").write_bytes("Caf\u00e9 in G\u00f6ttingen, na\u00efve.".encode("latin-1"))
    (src / "broken-utf8.txt").write_bytes("Caf\u00e9 in G\u00f6ttingen, ".encode() + b"na\xefve.")
    (src / "not-a-warc.warc.gz").write_bytes(b"This is a text file with the wrong name.\n")
    (src / "garbage.warc.gz").write_bytes(b"\x1f\x8b\x08\x00" + bytes(random.Random(2).randrange(256) for _ in range(999)))
    _warc(src / "requests-only.warc.gz", only_requests=True)
    (src / "escapes.jsonl").write_text('{"text": "A lone \\ud800 surrogate."}\n{"text": "The next line."}\n')
    (src / "scripts.html").write_text(_page("Vote", "Parliament voted on the budget on Monday. " * 15))
    (src / "only-script.html").write_text("<html><script>var a = 1;</script></html>")
    (src / "raises.txt").write_text("RAISE-IN-PIPELINE: a bomb killed two people.\n")
    (src / "good.txt").write_text(LEDE.format(n=3))
    db = tmp_path / "c.duckdb"
    summary = run([src, tmp_path / "missing-dir"], db)
    got = statuses(db)
    assert got == {
        "empty.txt": "empty", "blank.txt": "empty", "binary.txt": "not_text",
        "image.png": "unsupported", "huge.txt": "too_large", "huge.jsonl#line=1": "too_large",
        "huge.jsonl#line=2": "ok", "latin1.txt": "ok", "broken-utf8.txt": "bad_encoding",
        "not-a-warc.warc.gz": "failed", "garbage.warc.gz": "failed", "requests-only.warc.gz": "empty",
        "escapes.jsonl#line=1": "bad_encoding", "escapes.jsonl#line=2": "ok", "scripts.html": "ok",
        "only-script.html": "empty", "raises.txt": "failed", "good.txt": "ok",
        "missing-dir": "missing",
    }
    assert summary.records == len(got)
    with Store(db, read_only=True) as store:
        text = store.scalar("SELECT text FROM articles a JOIN sources s USING (content_hash) "
                            "WHERE s.path LIKE '%scripts.html'")
        assert "Parliament voted" in text and "alert" not in text and "document.write" not in text
        reason = store.scalar("SELECT message FROM sources WHERE path LIKE '%raises.txt'")
        assert "RuntimeError: boom" in reason
        messages = dict(store.rows("SELECT regexp_extract(path, '[^/]+$'), message FROM sources"))
    assert messages["not-a-warc.warc.gz"].endswith(": not a WARC file")
    assert messages["garbage.warc.gz"].endswith(": not a WARC file")
    assert messages["requests-only.warc.gz"].endswith(": no HTML or text responses")
    assert messages["broken-utf8.txt"].endswith("invalid UTF-8 at byte 23 (line 1)")


# -- nothing lost, nothing doubled ----------------------------------------------------------------
def test_reingest_adds_nothing_and_duplicates_are_one_article(tmp_path):
    corpus = tmp_path / "corpus"
    generate(40, corpus, violent_share=0.5, seed=2)
    copy = tmp_path / "copy"
    copy.mkdir()
    first = next(corpus.rglob("*.txt"))
    (copy / "renamed.txt").write_bytes(first.read_bytes())
    db = tmp_path / "c.duckdb"
    s1 = run([corpus, copy], db, workers=2, batch_size=8)  # the worker-pool path
    assert (s1.new_articles, s1.new_sources, s1.records) == (40, 1, 41)
    with Store(db, read_only=True) as store:
        before = table_digest(store)
        assert store.scalar("SELECT count(*) FROM sources WHERE content_hash = "
                            "(SELECT content_hash FROM sources WHERE path LIKE '%renamed.txt')") == 2
    s2 = run([corpus, copy], db)
    assert (s2.new_articles, s2.new_sources, s2.skipped) == (0, 0, 41)
    with Store(db, read_only=True) as store:
        assert table_digest(store) == before


def test_an_edited_file_is_extracted_again(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(LEDE.format(n=3))
    db = tmp_path / "c.duckdb"
    run([src], db)
    src.write_text(LEDE.format(n=4))
    assert run([src], db).new_articles == 1
    with Store(db, read_only=True) as store:
        assert store.rows("SELECT count(*) FROM sources") == [(1,)]
        assert store.rows("SELECT count(*) FROM articles") == [(2,)]  # the old text stays


def test_articles_with_no_event_word_skip_extraction_until_asked(tmp_path):
    (tmp_path / "a.txt").write_text("published: 2016-03-02\n\nThe central bank held rates, officials said.\n")
    (tmp_path / "b.txt").write_text("published: 2016-03-02\n\n" + LEDE.format(n=3))
    db = tmp_path / "c.duckdb"
    assert run([tmp_path], db).no_event_words == 1
    with Store(db, read_only=True) as store:
        assert sorted(store.rows("SELECT extraction, n_events FROM articles")) == [
            ("full", 1), ("no_event_words", 0)]
    again = run([tmp_path], db, all_ledgers=True)
    assert (again.new_articles, again.skipped, again.no_event_words) == (1, 1, 0)
    with Store(db, read_only=True) as store:
        assert store.rows("SELECT DISTINCT extraction FROM articles") == [("full",)]
        assert store.scalar("SELECT count(*) FROM articles") == 2


def test_kill_9_then_resume_equals_an_uninterrupted_run(tmp_path):
    """Killed at several points (each resumed run killed again further on), then finished:
    the same articles, events, incidents and incident ids as one uninterrupted run."""
    corpus = tmp_path / "corpus"
    generate(240, corpus, violent_share=0.7, seed=4)
    (corpus / "broken.txt").write_bytes("caf\u00e9 ".encode() + b"\xff bad")
    (corpus / "cp1252.txt").write_bytes(LEDE.format(n=2).replace("Wire", "D\u00e9p\u00eache").encode("cp1252"))
    killed, clean = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(TESTS)]),
           "NEWSLEDGER_FAKE_DELAY": "0.04"}
    cmd = [sys.executable, "-m", "newsledger", "ingest", str(corpus), "--db", str(killed),
           "--pipeline", FAKE, "--batch-size", "8", "--workers", "2"]
    stored = 0
    for at_least in (16, 90, 170):  # progress counts the records a resumed run skips too
        proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
        _wait_for_progress(proc, at_least=at_least)
        workers = _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        _assert_gone(workers)  # orphaned workers end themselves
        with Store(killed) as store:
            before, stored = stored, store.scalar("SELECT count(*) FROM articles")
            assert before < stored < 241, "the run was not killed mid-way"
            _assert_whole_articles(store)
    env.pop("NEWSLEDGER_FAKE_DELAY")
    resumed = subprocess.run(cmd + ["--quiet"], env=env, capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert "already stored" in resumed.stderr
    run([corpus], clean)
    with Store(killed, read_only=True) as a, Store(clean, read_only=True) as b:
        assert table_digest(a) == table_digest(b)
        assert a.counts() == b.counts()
        ids = "SELECT incident_id, event_key FROM incident_reports ORDER BY 1, 2"
        assert a.rows(ids) == b.rows(ids)


def _wait_for_progress(proc: subprocess.Popen, at_least: int, timeout: float = 60) -> None:
    """Read the progress bar until `at_least` articles are committed."""
    import re

    deadline = time.monotonic() + timeout
    seen = b""
    while time.monotonic() < deadline:
        chunk = os.read(proc.stderr.fileno(), 4096)
        if not chunk:
            break
        seen += chunk
        counts = [int(n) for n in re.findall(rb"ingest: (\d+) articles", seen)]
        if counts and max(counts) >= at_least:
            return
    pytest.fail(f"no progress seen: {seen[-500:]!r}")


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:  # not Linux: nothing to check
        return []


def _assert_gone(pids: list[int], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = [p for p in pids if Path(f"/proc/{p}").exists() and "zombie" not in _state(p)]
        if not alive:
            return
        time.sleep(0.2)
    for p in alive:  # do not leave them behind even when the check fails
        os.kill(p, signal.SIGKILL)
    pytest.fail(f"worker processes outlived their killed parent: {alive}")


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0].lower()
    except (OSError, IndexError):
        return "zombie"


def _assert_whole_articles(store: Store) -> None:
    """Every stored article has all its events and a source; every ok source its article."""
    assert store.scalar(
        "SELECT count(*) FROM articles a WHERE n_events <> "
        "(SELECT count(*) FROM events e WHERE e.content_hash = a.content_hash)") == 0
    assert store.scalar("SELECT count(*) FROM articles a ANTI JOIN sources s USING (content_hash)") == 0
    assert store.scalar("SELECT count(*) FROM sources s ANTI JOIN articles a USING (content_hash) "
                        "WHERE s.status = 'ok'") == 0


# -- incidents --------------------------------------------------------------------------------------
def test_two_reports_with_different_counts_merge_with_best_low_high(tmp_path):
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": "afp", "published": "2016-03-02", "source": "AFP", "text": LEDE.format(n=3)},
            {"id": "rtr", "published": "2016-03-02", "source": "Reuters", "text": LEDE.format(n=5).replace("police", "officials")},
            {"id": "far", "published": "2016-03-02", "source": "AP",
             "text": LEDE.format(n=7).replace("Kirkuk", "Mosul").replace("KIRKUK", "MOSUL")}]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows))
    db = tmp_path / "c.duckdb"
    run([feed], db)
    with Store(db, read_only=True) as store:
        incidents = store.dicts("SELECT * FROM incidents ORDER BY n_reports DESC")
        assert len(incidents) == 2
        merged = incidents[0]
        assert merged["location"] == "Kirkuk" and merged["n_reports"] == 2
        # one day's reports: the larger toll is best (counting goes on), and they are rivals
        assert (merged["fatalities"], merged["fatalities_low"], merged["fatalities_high"]) == (5, 3, 5)
        assert merged["disagreement"] and merged["disagreements"] == ["fatalities"]
        reports = store.rows("SELECT e.fatalities FROM incident_reports r JOIN events e USING (event_key) "
                             "WHERE r.incident_id = ? ORDER BY 1", [merged["incident_id"]])
        assert reports == [(3,), (5,)]  # each report keeps its own value


def test_merge_is_rerun_when_a_new_report_arrives(tmp_path):
    db = tmp_path / "c.duckdb"
    header = "published: 2016-03-02\n\n"
    (tmp_path / "a.txt").write_text(header + LEDE.format(n=3))
    run([tmp_path / "a.txt"], db)
    (tmp_path / "b.txt").write_text(header + LEDE.format(n=8).replace("police", "medics"))
    run([tmp_path / "a.txt", tmp_path / "b.txt"], db)
    with Store(db, read_only=True) as store:
        assert store.rows("SELECT n_reports, fatalities_low, fatalities_high FROM incidents") == [(2, 3, 8)]


def _ev(key: str, article: str, **fields) -> dict:
    e = event(**fields)
    start, end = date_bounds(e["event_date"], e["date_precision"])
    return {**e, "event_key": key, "content_hash": article, "date_start": start, "date_end": end}


def test_merge_rules():
    base = _ev("a#0", "a")
    assert len(cluster([base, _ev("b#0", "b", fatalities=9)])) == 1
    assert len(cluster([base, _ev("b#0", "a")])) == 2, "one article's events stay apart"
    assert len(cluster([base, _ev("b#0", "b", event_date="2016-03-04")])) == 2, "days apart"
    assert len(cluster([base, _ev("b#0", "b", event_date="2016-03-02")])) == 1, "overnight"
    assert len(cluster([base, _ev("b#0", "b", location="Mosul", latitude=36.335, longitude=43.119)])) == 2
    near = _ev("b#0", "b", location="Hawija", latitude=35.324, longitude=43.773)  # ~58 km
    assert len(cluster([base, near])) == 2
    close = _ev("b#0", "b", location="Laylan", latitude=35.30, longitude=44.50)  # ~21 km
    assert len(cluster([base, close])) == 1
    province = _ev("b#0", "b", location=None, latitude=None, longitude=None, geo_precision=3)
    assert len(cluster([base, province])) == 1, "a report naming only the province"
    assert len(cluster([base, _ev("b#0", "b", actor1="Kurdistan Workers Party")])) == 2
    assert len(cluster([base, _ev("b#0", "b", event_type="Protests", sub_event_type="Peaceful protest")])) == 2
    assert len(cluster([base, _ev("b#0", "b", event_date="2016", date_precision="year")])) == 2
    assert len(cluster([base, _ev("b#0", "b", event_date="2016-03", date_precision="month")])) == 1
    assert len(cluster([base, _ev("b#0", "b", event_date=None)])) == 2


def test_merge_is_deterministic_whatever_the_order():
    rng = random.Random(7)
    events = [_ev(f"{i:03d}#0", f"art{i}", fatalities=rng.randint(1, 9),
                  event_date=f"2016-03-0{rng.randint(1, 4)}",
                  latitude=35.468 + rng.uniform(-0.3, 0.3), longitude=44.392 + rng.uniform(-0.3, 0.3))
              for i in range(60)]
    reference = merge_events(events)
    for _ in range(5):
        rng.shuffle(events)
        assert merge_events(events) == reference


D1, D2 = date(2016, 3, 1), date(2016, 3, 2)


@pytest.mark.parametrize("values, expected", [
    ([(D1, 3), (D2, 5)], (5, 3, 5)), ([(D1, 5), (D2, 3)], (3, 3, 5)), ([(D2, 4), (D2, 9), (D1, 12)], (9, 4, 12)),
    ([(D1, None), (D2, 7)], (7, 7, 7)), ([(D1, None), (D2, None)], (None, None, None)),
    ([(None, 2), (D1, 0)], (0, 0, 2)), ([3, 5], (5, 3, 5)),
])
def test_best_low_high(values, expected):
    assert best_low_high(values) == expected


def test_real_pipeline_two_reports_become_one_incident(tmp_path):
    """The real extractor end to end: two agencies report one bombing with different tolls."""
    (tmp_path / "a.json").write_text(json.dumps({"id": "wire-a", "published": "2024-05-10", "source": "Wire A",
        "text": "A car bomb killed five people in Kirkuk on Thursday, police said."}))
    (tmp_path / "b.json").write_text(json.dumps({"id": "wire-b", "published": "2024-05-10", "source": "Wire B",
        "text": "Seven people were killed when a car bomb exploded in Kirkuk on Thursday, officials said."}))
    db = tmp_path / "c.duckdb"
    summary = ingest([str(tmp_path)], db, workers=0, progress=False)
    assert summary.new_events == 2
    with Store(db, read_only=True) as store:
        rows = store.rows("SELECT fatalities, fatalities_low, fatalities_high, n_reports FROM incidents")
    assert len(rows) == 1 and rows[0][1:] == (5, 7, 2) and rows[0][0] in (5, 7)


def test_sidecar_of_any_text_file_is_not_an_article(tmp_path):
    (tmp_path / "A.TXT").write_text("Body of A.\n", encoding="utf-8")
    (tmp_path / "A.json").write_text(json.dumps({"published": "2015-05-04"}))
    (tmp_path / "notes").write_text("Body of notes.\n", encoding="utf-8")
    (tmp_path / "notes.json").write_text(json.dumps({"source": "Desk"}))
    records = {Path(r.path).name: r for r in read_paths([tmp_path])}
    assert set(records) == {"A.TXT", "notes"}


# -- two processes at once ---------------------------------------------------------------------------
def _ingest_cmd(paths, db, *extra: str) -> list[str]:
    return [sys.executable, "-m", "newsledger", "ingest", *map(str, paths), "--db", str(db),
            "--pipeline", FAKE, "--workers", "0", "--quiet", *extra]


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(TESTS)]), **extra}


def test_a_second_writer_waits_then_stops_in_one_line_losing_nothing(tmp_path):
    corpus = tmp_path / "corpus"
    generate(12, corpus, seed=5)
    db = tmp_path / "c.duckdb"
    run([corpus], db)
    with Store(db) as store:  # this process holds the file, as a running ingest would
        before = table_digest(store)
        (corpus / "late.txt").write_text(LEDE.format(n=9))
        second = subprocess.run(_ingest_cmd([corpus], db, "--wait", "1"), env=_env(),
                                capture_output=True, text=True, timeout=120)
    assert second.returncode == 2
    assert "Traceback" not in second.stderr and "IOException" not in second.stderr
    assert "waiting for" in second.stderr
    last = second.stderr.strip().splitlines()[-1]
    assert "held by another process" in last and "--wait" in last
    with Store(db, read_only=True) as store:
        assert table_digest(store) == before  # nothing half-written
    again = subprocess.run(_ingest_cmd([corpus], db), env=_env(), capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    with Store(db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM sources WHERE path LIKE '%late.txt' AND status = 'ok'") == 1


def test_readers_get_in_between_the_batches_of_a_running_ingest(tmp_path):
    corpus = tmp_path / "corpus"
    generate(60, corpus, violent_share=1.0, seed=6)
    db = tmp_path / "c.duckdb"
    proc = subprocess.Popen(_ingest_cmd([corpus], db, "--batch-size", "4"),
                            env=_env(NEWSLEDGER_FAKE_DELAY="0.05"),
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    seen: set[int] = set()
    try:
        deadline = time.monotonic() + 90
        while proc.poll() is None and time.monotonic() < deadline:
            if db.exists():
                with Store(db, read_only=True, wait=30) as store:  # as the web page does
                    seen.add(store.scalar("SELECT count(*) FROM articles"))
            time.sleep(0.1)
        assert proc.wait(timeout=90) == 0, proc.stderr.read()
    finally:
        proc.kill()
    assert len(seen - {0, 60}) >= 2, f"no read between batches: {sorted(seen)}"
    with Store(db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM articles") == 60


def test_two_ingests_at_once_end_as_one_ingest_of_both(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    generate(40, one, violent_share=1.0, seed=7)
    generate(40, two, violent_share=1.0, seed=8)
    (two / "copy.txt").write_bytes(next(one.rglob("*.txt")).read_bytes())  # shared by both
    db, alone = tmp_path / "c.duckdb", tmp_path / "alone.duckdb"
    env = _env(NEWSLEDGER_FAKE_DELAY="0.02")
    procs = [subprocess.Popen(_ingest_cmd([folder], db, "--batch-size", "4"), env=env,
                              stderr=subprocess.PIPE, text=True) for folder in (one, two)]
    for proc in procs:
        _, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    run([one, two], alone)
    with Store(db, read_only=True) as a, Store(alone, read_only=True) as b:
        assert table_digest(a) == table_digest(b)


def test_a_worker_takes_the_pipeline_its_fork_server_loaded(monkeypatch):
    """Forked from the fork server, a worker uses the pipeline loaded there when it is the one
    asked for (same factory and actor files), and loads its own when it is not."""
    from newsledger.corpus import ingest as ingest_mod

    loaded = object()
    monkeypatch.setattr(ingest_mod, "PRELOADED", ((FAKE, ("a.yaml",)), loaded))
    ingest_mod._init_worker(FAKE, ["a.yaml"])
    assert ingest_mod._PIPELINE is loaded
    ingest_mod._init_worker(FAKE, ["b.yaml"])
    assert ingest_mod._PIPELINE is not loaded and ingest_mod._PIPELINE is not None
    monkeypatch.setattr(ingest_mod, "_PIPELINE", None)


def test_the_fork_server_preloads_the_pipeline_named_in_its_environment(monkeypatch):
    from newsledger.corpus import ingest as ingest_mod
    from newsledger.corpus import worker_preload

    monkeypatch.setattr(ingest_mod, "PRELOADED", None)
    monkeypatch.setenv(ingest_mod.PRELOAD_ENV, json.dumps([FAKE, []]))
    worker_preload._preload()
    assert ingest_mod.PRELOADED is not None and ingest_mod.PRELOADED[0] == (FAKE, ())
    monkeypatch.setattr(ingest_mod, "PRELOADED", None)
    monkeypatch.setenv(ingest_mod.PRELOAD_ENV, json.dumps(["no_such_module:factory", []]))
    worker_preload._preload()  # a pipeline that fails to load is left to the workers
    assert ingest_mod.PRELOADED is None
