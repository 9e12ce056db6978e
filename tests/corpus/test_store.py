"""The corpus database: schema, bulk idempotent upserts, one transaction per batch."""
from __future__ import annotations

import subprocess
import sys
import time
from datetime import date

import pytest

from corpus_helpers import event, ledger
from newsledger.errors import InputError
from newsledger.corpus.store import (
    SCHEMA_VERSION, BatchWrite, LockedError, SourceRow, Store, article_row, date_bounds, event_rows, table_digest,
)


def batch_of(*ledgers: dict, path: str = "/in") -> BatchWrite:
    write = BatchWrite()
    for n, led in enumerate(ledgers):
        h = f"{n:040x}"
        text = f"text of {led['id']}"
        write.articles.append(article_row(h, text, led))
        write.events.extend(event_rows(h, led))
        write.sources.append(SourceRow(f"{path}/{led['id']}.txt", f"{path}/{led['id']}.txt", None, "ok",
                                       content_hash=h, id=led["id"]))
    return write


def test_schema_is_created_once_and_reopens(tmp_path):
    db = tmp_path / "c.duckdb"
    Store(db).close()
    with Store(db) as store:
        assert store.counts()["articles"] == 0
        assert store.scalar("SELECT value FROM meta WHERE key = 'schema_version'") == SCHEMA_VERSION


def test_writing_the_same_batch_twice_changes_nothing(tmp_path):
    write = batch_of(ledger("a", [event(), event(event_id="e2", location="Hawija")]),
                     ledger("b", [event(fatalities=5)]))
    with Store(tmp_path / "c.duckdb") as store:
        store.write_batch(write)
        first = table_digest(store)
        store.write_batch(write)
        assert table_digest(store) == first
        assert store.counts()["events"] == 3
        assert store.counts()["articles"] == 2


def test_a_failing_batch_leaves_nothing(tmp_path):
    write = batch_of(ledger("a", [event()]))
    write.articles[0]["n_words"] = "not a number"  # Arrow refuses it mid-transaction
    with Store(tmp_path / "c.duckdb") as store:
        with pytest.raises(Exception):
            store.write_batch(write)
        assert store.counts()["sources"] == 0
        assert store.counts()["events"] == 0
        store.write_batch(batch_of(ledger("b", [event()])))  # the connection is still usable
        assert store.counts()["articles"] == 1


def test_lookup_tells_stored_sources_from_known_texts(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        write = batch_of(ledger("a", []))
        store.write_batch(write)
        h = write.articles[0]["content_hash"]
        done, known = store.lookup(["/in/a.txt", "/elsewhere/a.txt", "/x"], [h, h, "f" * 40])
        assert done == {("/in/a.txt", h)}
        assert known == {h}


def test_source_status_rows_are_replaced_by_the_latest(tmp_path):
    with Store(tmp_path / "c.duckdb") as store:
        store.write_batch(BatchWrite(sources=[SourceRow("/x", "/x", None, "failed", "boom")]))
        store.write_batch(BatchWrite(sources=[SourceRow("/x", "/x", None, "empty", "empty text")]))
        assert store.rows("SELECT status, message FROM sources") == [("empty", "empty text")]


def test_same_key_twice_in_one_batch_is_written_once(tmp_path):
    rows = [SourceRow("/x", "/x", None, "ok", content_hash="1"), SourceRow("/x", "/x", None, "ok", content_hash="2")]
    with Store(tmp_path / "c.duckdb") as store:
        store.write_batch(BatchWrite(sources=rows))
        assert store.rows("SELECT content_hash FROM sources") == [("2",)]


def test_event_rows_coerce_odd_values_instead_of_failing():
    led = ledger("a", [event(fatalities="twelve", latitude="35.5", geo_precision=None, injured="4")])
    row = event_rows("h" * 40, led)[0]
    assert row["fatalities"] is None
    assert row["latitude"] == 35.5
    assert row["injured"] == 4
    assert row["event_key"] == "h" * 40 + "#0"
    assert row["date_start"] == row["date_end"] == date(2016, 3, 1)


def test_article_row_keeps_quotes_entities_claims_as_json():
    led = ledger("a", [])
    led["quotes"] = [{"speaker": "X", "text": "hi", "kind": "direct", "start": 0, "end": 2}]
    led["published"] = "not a date"
    row = article_row("h", "some words here", led)
    assert row["quotes"].startswith('[{"speaker":"X"')
    assert row["published"] is None
    assert row["n_words"] == 3


@pytest.mark.parametrize("value, precision, expected", [
    ("2016-03-05", "day", (date(2016, 3, 5), date(2016, 3, 5))),
    ("2016-03-05", "week", (date(2016, 3, 2), date(2016, 3, 8))),
    ("2016-02", "month", (date(2016, 2, 1), date(2016, 2, 29))),
    ("2016", "year", (date(2016, 1, 1), date(2016, 12, 31))),
    (None, "day", (None, None)),
    ("2016-13-40", "day", (None, None)),
])
def test_date_bounds(value, precision, expected):
    assert date_bounds(value, precision) == expected


def test_read_only_store_refuses_a_missing_file(tmp_path):
    from newsledger.errors import InputError

    with pytest.raises(InputError):
        Store(tmp_path / "missing.duckdb", read_only=True)


# -- one process at a time: waiting for the lock ------------------------------------------------
HOLDER = """import duckdb, sys, time
con = duckdb.connect(sys.argv[1])
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


@pytest.fixture
def hold(tmp_path):
    """hold(db, seconds): another process opens `db` for writing and keeps it that long."""
    procs = []

    def start(db, seconds: float) -> subprocess.Popen:
        proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), str(seconds)],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "held"
        procs.append(proc)
        return proc

    yield start
    for proc in procs:
        proc.kill()
        proc.wait()


def test_a_held_file_is_waited_for_then_refused_in_one_line(tmp_path, hold, capsys):
    db = tmp_path / "c.duckdb"
    Store(db).close()
    holder = hold(db, 60)
    started = time.monotonic()
    with pytest.raises(LockedError) as err:
        Store(db, wait=1.5)
    assert 1.5 <= time.monotonic() - started < 10
    assert err.value.code == "locked" and "\n" not in str(err.value)
    assert f"(PID {holder.pid})" in str(err.value) and "--wait" in str(err.value)
    assert "waiting for" in capsys.readouterr().err
    with pytest.raises(LockedError):  # readers wait too
        Store(db, read_only=True, wait=0.2)


def test_a_file_released_during_the_wait_is_opened(tmp_path, hold, capsys):
    db = tmp_path / "c.duckdb"
    Store(db).close()
    hold(db, 2)
    with Store(db, wait=30) as store:
        assert store.counts()["articles"] == 0
    assert "held by another newsledger process" in capsys.readouterr().err


def test_a_store_that_does_not_hold_its_file_lets_others_in(tmp_path):
    db = tmp_path / "c.duckdb"
    store = Store(db, hold=False)
    store.write_batch(batch_of(ledger("a", [event()])))
    # between calls another process may open the file, for reading or writing
    probe = "import duckdb, sys; print(duckdb.connect(sys.argv[1]).execute('SELECT count(*) FROM articles').fetchone()[0])"
    out = subprocess.run([sys.executable, "-c", probe, str(db)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "1", out.stderr
    with store.session():
        assert store.scalar("SELECT count(*) FROM events") == 1
        inside = subprocess.run([sys.executable, "-c", probe, str(db)], capture_output=True, text=True, timeout=60)
        assert inside.returncode != 0 and "lock" in inside.stderr  # held for the session
    with pytest.raises(RuntimeError, match="session"):
        store.arrow_reader("SELECT 1")  # a streamed result needs the file held


def test_a_file_that_is_no_database_is_one_clear_error(tmp_path):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("shopping list\n")
    with pytest.raises(InputError, match="cannot open the database"):
        Store(bad)


def test_a_newer_schema_is_refused_and_left_as_it_is(tmp_path):
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        store.con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(InputError, match="newer"):
        Store(db)
    with Store(db, read_only=True) as store:  # closed after the refusal: it opens again
        assert store.scalar("SELECT value FROM meta WHERE key = 'schema_version'") == "99"
