"""The corpus database: schema, bulk idempotent upserts, one transaction per batch."""
from __future__ import annotations

from datetime import date

import pytest

from corpus_helpers import event, ledger
from newsledger.corpus.store import (
    SCHEMA_VERSION, BatchWrite, SourceRow, Store, article_row, date_bounds, event_rows, table_digest,
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
