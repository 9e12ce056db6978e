"""`newsledger import DIR --db FILE`: load a `spark-ingest` output into a local corpus
database, so exports, stats and the web page work on results computed on a cluster. Needs
DuckDB only (it reads the Parquet files itself), not Spark.

Rows are upserted as a local ingest writes them (articles and sources replaced, events kept
once), in one transaction. The imported incidents replace those of their countries; a
country that also holds events the output does not cover (ingested locally before) is then
merged again locally, so the incidents always cover every event.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..corpus.merge import merge_store
from ..corpus.store import Store
from ..errors import InputError

TABLES = (("articles", "OR REPLACE"), ("events", "OR IGNORE"), ("sources", "OR REPLACE"),
          ("incidents", "OR REPLACE"), ("incident_reports", "OR REPLACE"))


def read_manifest(out: str | Path) -> dict[str, Any] | None:
    """The manifest `spark-ingest` writes first (`running`) and last (`complete`)."""
    parts = sorted(Path(out, "manifest").glob("part-*"))
    text = parts[0].read_text(encoding="utf-8").strip() if parts else ""
    return json.loads(text) if text else None


def import_dir(out: str | Path, db: str | Path) -> dict[str, int]:
    """Load the datasets under `out` into the database `db` (created if missing); returns
    the database's counts."""
    out = Path(out)
    manifest = read_manifest(out)
    if manifest is None:
        raise InputError(f"{out}: not a spark-ingest output (no manifest/)", "missing")
    if manifest.get("state") != "complete":
        raise InputError(f"{out}: the spark-ingest run that wrote it did not finish; "
                         "run it again", "incomplete")
    with Store(db) as store:
        store.con.begin()
        try:
            _drop_incidents_of_imported_countries(store, out)
            for table, mode in TABLES:
                files = _files(out, table)
                if files:
                    store.con.execute(f"INSERT {mode} INTO {table} BY NAME "
                                      "SELECT * FROM read_parquet(?)", [files])
            store.con.commit()
        except BaseException:
            store.con.rollback()
            raise
        merge_store(store)  # countries with events no imported incident covers
        return store.counts()


def _files(out: Path, table: str) -> list[str]:
    return [str(p) for p in sorted((out / table).glob("*.parquet"))]


def _drop_incidents_of_imported_countries(store: Store, out: Path) -> None:
    events = _files(out, "events")
    if not events:
        return
    countries = [c for (c,) in store.rows(
        "SELECT DISTINCT coalesce(country, '') FROM read_parquet(?) ORDER BY 1", [events])]
    for country in countries:
        store.con.execute(
            "DELETE FROM incident_reports WHERE event_key IN "
            "(SELECT event_key FROM events WHERE coalesce(country, '') = ?)", [country])
        store.con.execute("DELETE FROM incidents WHERE coalesce(country, '') = ?", [country])
