"""The corpus database (DuckDB): articles, the status of every input, events and incidents.

One file, no server. Tables:
- `sources`   one row per input record (a file, a JSONL line, a WARC record) with its status
              (ok, empty, not_text, bad_encoding, too_large, unsupported, failed, …); an ok row
              points at the article it gave by `content_hash`, so the same text arriving under two
              names is one article with two sources.
- `articles`  one row per distinct text (key: sha1 of the text), with its extraction results
              and how it was extracted (`full`, or `no_event_words` / `no_event_sentence`: skipped, see ingest.py).
- `events`    the ledger events of each article, one row per event.
- `incidents` events of different articles merged into one incident (see merge.py), and
  `incident_reports` which events each incident is made of.
- `meta`      schema version (an older file is migrated when opened for writing).

One process at a time may open the file (DuckDB's lock). `Store(path, wait=SECONDS)` waits
for a file another process holds, saying so on stderr, and stops with `LockedError` (one
line, exit status 2) when the wait is over. A store opened with `hold=False` opens the file
only for each call (each ingest batch, each lookup), so that other processes (a second
ingest, the web page's read-only connections) get their turn between them.

Writes go in bulk through Arrow tables (row-by-row executemany is ~1.5k rows/s), and one
ingest batch is one transaction: a process killed at any point leaves whole articles or none.
Every write is an idempotent upsert, so replaying a batch changes nothing.
"""
from __future__ import annotations

import functools
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import InputError, NewsledgerError

SCHEMA_VERSION = "2"
# Changes from each older version, applied in order when a writer opens an older file.
MIGRATIONS: dict[str, list[str]] = {
    "1": ["ALTER TABLE sources ADD COLUMN IF NOT EXISTS encoding VARCHAR"],
}
DEFAULT_WAIT = 60.0  # seconds to wait for a file another process holds
QUIET_WAIT = 1.0     # a wait shorter than this (a reader between two batches) goes unsaid
_LOCK_HOLDER = re.compile(r"Conflicting lock is held in .*?\(PID (\d+)\)")

_SPAN = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])

SOURCE_SCHEMA = pa.schema([
    ("source_key", pa.string()), ("path", pa.string()), ("member", pa.string()),
    ("status", pa.string()), ("message", pa.string()), ("content_hash", pa.string()),
    ("id", pa.string()), ("published", pa.date32()), ("title", pa.string()),
    ("url", pa.string()), ("source", pa.string()), ("encoding", pa.string()),
])
ARTICLE_SCHEMA = pa.schema([
    ("content_hash", pa.string()), ("id", pa.string()), ("published", pa.date32()),
    ("title", pa.string()), ("url", pa.string()), ("source", pa.string()),
    ("text", pa.string()), ("n_words", pa.int32()), ("n_events", pa.int32()),
    ("quotes", pa.string()), ("entities", pa.string()), ("claims", pa.string()),
    ("extraction", pa.string()), ("normalized", pa.string()),
])
EVENT_SCHEMA = pa.schema([
    ("event_key", pa.string()), ("content_hash", pa.string()), ("seq", pa.int32()),
    ("event_id", pa.string()), ("event_date", pa.string()), ("date_precision", pa.string()),
    ("date_start", pa.date32()), ("date_end", pa.date32()),
    ("country", pa.string()), ("admin1", pa.string()), ("admin2", pa.string()),
    ("location", pa.string()), ("latitude", pa.float64()), ("longitude", pa.float64()),
    ("geo_precision", pa.int32()), ("geonames_id", pa.int64()),
    ("event_type", pa.string()), ("sub_event_type", pa.string()),
    ("actor1", pa.string()), ("actor2", pa.string()),
    ("fatalities", pa.int32()), ("injured", pa.int32()),
    ("evidence", pa.list_(_SPAN)), ("provenance", pa.string()),
    ("confidence", pa.float64()), ("notes", pa.string()), ("reason", pa.string()),
])
INCIDENT_SCHEMA = pa.schema([
    ("incident_id", pa.string()), ("country", pa.string()),
    ("event_date", pa.string()), ("date_precision", pa.string()),
    ("date_start", pa.date32()), ("date_end", pa.date32()),
    ("admin1", pa.string()), ("admin2", pa.string()), ("location", pa.string()),
    ("latitude", pa.float64()), ("longitude", pa.float64()),
    ("geo_precision", pa.int32()), ("geonames_id", pa.int64()),
    ("event_type", pa.string()), ("sub_event_type", pa.string()),
    ("actor1", pa.string()), ("actor2", pa.string()),
    ("fatalities", pa.int32()), ("fatalities_low", pa.int32()), ("fatalities_high", pa.int32()),
    ("injured", pa.int32()), ("injured_low", pa.int32()), ("injured_high", pa.int32()),
    ("n_reports", pa.int32()), ("disagreement", pa.bool_()),
    ("disagreements", pa.list_(pa.string())), ("confidence", pa.float64()),
])
MEMBER_SCHEMA = pa.schema([("event_key", pa.string()), ("incident_id", pa.string()),
                           ("fatalities_role", pa.string()), ("merge_reason", pa.string())])

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS sources (
    source_key VARCHAR PRIMARY KEY, path VARCHAR, member VARCHAR,
    status VARCHAR NOT NULL, message VARCHAR, content_hash VARCHAR,
    id VARCHAR, published DATE, title VARCHAR, url VARCHAR, source VARCHAR,
    encoding VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    content_hash VARCHAR PRIMARY KEY, id VARCHAR, published DATE, title VARCHAR,
    url VARCHAR, source VARCHAR, text VARCHAR, n_words INTEGER, n_events INTEGER,
    quotes VARCHAR, entities VARCHAR, claims VARCHAR, extraction VARCHAR, normalized VARCHAR);
ALTER TABLE articles ADD COLUMN IF NOT EXISTS normalized VARCHAR;
CREATE TABLE IF NOT EXISTS events (
    event_key VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, seq INTEGER,
    event_id VARCHAR, event_date VARCHAR, date_precision VARCHAR,
    date_start DATE, date_end DATE, country VARCHAR, admin1 VARCHAR, admin2 VARCHAR,
    location VARCHAR, latitude DOUBLE, longitude DOUBLE, geo_precision INTEGER,
    geonames_id BIGINT, event_type VARCHAR, sub_event_type VARCHAR,
    actor1 VARCHAR, actor2 VARCHAR, fatalities INTEGER, injured INTEGER,
    evidence STRUCT("start" INTEGER, "end" INTEGER, "text" VARCHAR)[],
    provenance VARCHAR, confidence DOUBLE, notes VARCHAR, reason VARCHAR);
ALTER TABLE events ADD COLUMN IF NOT EXISTS reason VARCHAR;
CREATE TABLE IF NOT EXISTS incidents (
    incident_id VARCHAR PRIMARY KEY, country VARCHAR, event_date VARCHAR,
    date_precision VARCHAR, date_start DATE, date_end DATE, admin1 VARCHAR, admin2 VARCHAR,
    location VARCHAR, latitude DOUBLE, longitude DOUBLE, geo_precision INTEGER,
    geonames_id BIGINT, event_type VARCHAR, sub_event_type VARCHAR,
    actor1 VARCHAR, actor2 VARCHAR,
    fatalities INTEGER, fatalities_low INTEGER, fatalities_high INTEGER,
    injured INTEGER, injured_low INTEGER, injured_high INTEGER,
    n_reports INTEGER, disagreement BOOLEAN, disagreements VARCHAR[], confidence DOUBLE);
CREATE TABLE IF NOT EXISTS incident_reports (
    event_key VARCHAR PRIMARY KEY, incident_id VARCHAR NOT NULL);
ALTER TABLE incident_reports ADD COLUMN IF NOT EXISTS fatalities_role VARCHAR;
ALTER TABLE incident_reports ADD COLUMN IF NOT EXISTS merge_reason VARCHAR;
"""

# Columns the merge step reads (evidence and provenance are not needed to decide a merge).
MERGE_COLUMNS = (
    "event_key", "content_hash", "event_date", "date_precision", "date_start", "date_end",
    "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "geonames_id", "event_type", "sub_event_type", "actor1", "actor2", "fatalities",
    "injured", "confidence",
)


@dataclass
class SourceRow:
    """What one input record was and what became of it."""

    source_key: str
    path: str
    member: str | None
    status: str
    message: str | None = None
    content_hash: str | None = None
    id: str | None = None
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    encoding: str | None = None  # of the bytes the text was read from (utf-8, cp1252, …)


@dataclass
class BatchWrite:
    """Everything one ingest batch writes, committed together or not at all."""

    sources: list[SourceRow] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)  # ARTICLE_SCHEMA rows
    events: list[dict[str, Any]] = field(default_factory=list)    # EVENT_SCHEMA rows


class LockedError(NewsledgerError):
    """The database file stayed held by another process for the whole wait."""

    code = "locked"


def _connected(method: Callable[..., Any]) -> Callable[..., Any]:
    """Run a method on an open connection: a store that does not hold its file opens it for
    the call and closes it after (see `Store.session`)."""
    @functools.wraps(method)
    def run(self: "Store", *args: Any, **kwargs: Any) -> Any:
        with self.session():
            return method(self, *args, **kwargs)
    return run


def connect_waiting(path: Path, read_only: bool, wait: float, tell: bool = True) -> duckdb.DuckDBPyConnection:
    """Open the file, waiting up to `wait` seconds while another process holds it (saying so
    on stderr when `tell`); then `LockedError`."""
    started = time.monotonic()
    delay, told = 0.02, not tell
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as err:
            holder = _LOCK_HOLDER.search(str(err))
            if holder is None:  # not a lock: a file that is no database, a bad path
                raise InputError(f"{path}: cannot open the database: "
                                 f"{str(err).splitlines()[0]}", "bad_db") from None
            waited = time.monotonic() - started
            if waited >= wait:
                raise LockedError(
                    f"{path} is held by another process (PID {holder.group(1)}) after "
                    f"waiting {wait:g} s; nothing more was written: run again when it "
                    "is done (or give --wait SECONDS)", "locked") from None
            if not told and waited >= min(QUIET_WAIT, wait / 2):
                print(f"waiting for {path}, held by another newsledger process "
                      f"(PID {holder.group(1)})… (up to {wait:g} s)", file=sys.stderr)
                told = True
            time.sleep(min(delay, max(wait - waited, 0.0)))
            delay = min(2 * delay, 0.5)


class Store:
    """A DuckDB corpus file. Not thread-safe: one Store per process (or per request).

    `read_only` opens for reading (the file must exist); `wait` is how long to wait, in
    seconds, for a file another process holds; `hold=False` opens the file only during each
    call or `session()`, letting other processes in between."""

    def __init__(self, path: str | Path, read_only: bool = False, threads: int | None = None,
                 memory_limit: str | None = None, wait: float = DEFAULT_WAIT,
                 hold: bool = True) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise InputError(f"{self.path}: no such database", "missing")
        self.read_only, self.wait = read_only, wait
        self._settings: list[tuple[str, list[Any]]] = []  # applied at each opening
        if threads:
            self._settings.append((f"SET threads = {int(threads)}", []))
        if memory_limit:  # DuckDB caches written blocks up to 80% of RAM by default
            self._settings.append(("SET memory_limit = ?", [memory_limit]))
        self._con: duckdb.DuckDBPyConnection | None = None
        self._open()
        try:
            if not read_only:
                self._create()
        except BaseException:
            self.close()
            raise
        if not hold:
            self.close()

    @classmethod
    def adopt(cls, con: duckdb.DuckDBPyConnection, path: str | Path) -> "Store":
        """A read-only Store over a connection opened elsewhere (the web server's per-request
        one): it neither opens nor creates anything."""
        store = cls.__new__(cls)
        store.path, store.read_only, store.wait = Path(path), True, 0.0
        store._settings, store._con = [], con
        return store

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise RuntimeError(f"{self.path} is not open here: use `with store.session():`")
        return self._con

    @contextmanager
    def session(self) -> Iterator["Store"]:
        """The file open for the statements inside (already open: kept open)."""
        if self._con is not None:
            yield self
            return
        self._open()
        try:
            yield self
        finally:
            self.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """The statements inside as one transaction: all applied, or none (then re-raised)."""
        self.con.begin()
        try:
            yield
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    def _open(self) -> None:
        self._con = self._connect()
        for sql, params in self._settings:
            self._con.execute(sql, params)

    def _connect(self) -> duckdb.DuckDBPyConnection:
        return connect_waiting(self.path, self.read_only, self.wait)

    def _create(self) -> None:
        """The tables, or the migration of an older file to this version."""
        version = self._version()
        if version is not None and version != SCHEMA_VERSION:
            if int(version) > int(SCHEMA_VERSION):
                raise InputError(f"{self.path}: schema version {version} is newer than this "
                                 f"newsledger's ({SCHEMA_VERSION}): upgrade newsledger", "bad_db")
            with self._transaction():
                for step in sorted(MIGRATIONS, key=int):
                    if int(step) >= int(version):
                        for statement in MIGRATIONS[step]:
                            self.con.execute(statement)
                self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                                 [SCHEMA_VERSION])
        for statement in filter(str.strip, _DDL.split(";")):
            self.con.execute(statement)
        self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])

    def _version(self) -> str | None:
        has_meta = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()[0]
        if not has_meta:
            return None
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return row[0] if row else None

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- queries -------------------------------------------------------------------------
    @_connected
    def rows(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple]:
        """Run a query to its end (duckdb 2 refuses new work while a result is unread)."""
        return self.con.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        rows = self.rows(sql, params)
        return rows[0][0] if rows else None

    @_connected
    def dicts(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def iter_batches(self, sql: str, params: Sequence[Any] | None = None,
                     size: int = 2048) -> Iterator[list[dict[str, Any]]]:
        """Stream a large result as lists of row dicts (exports of millions of rows)."""
        for batch in self.arrow_reader(sql, params, size):
            yield batch.to_pylist()

    def arrow_reader(self, sql: str, params: Sequence[Any] | None = None, size: int = 8192) -> Any:
        """Record batches of a query, streamed (a relation avoids the copy a cursor makes)."""
        return self.con.sql(sql, params=params).to_arrow_reader(size)

    @_connected
    def lookup(self, keys: Sequence[str], hashes: Sequence[str],
               need_full: bool = False) -> tuple[set[tuple[str, str]], set[str]]:
        """For an ingest chunk: which (source_key, content_hash) pairs are already stored ok,
        and which hashes already have an article. With `need_full`, articles stored without
        full extraction count as not stored. Point lookups through the primary-key indexes:
        ~20 ms for 256 keys in a million rows, where a join scans the whole table."""
        articles = self._in("content_hash, extraction", "articles", "content_hash", hashes)
        stored = {h for h, extraction in articles if extraction == "full" or not need_full}
        sources = self._in("source_key, content_hash, status", "sources", "source_key", keys)
        done = {(k, h) for k, h, status in sources if status == "ok" and h in stored}
        return done, stored

    def _in(self, columns: str, table: str, key: str, values: Sequence[str]) -> list[tuple]:
        values = list(dict.fromkeys(values))
        if not values:
            return []
        marks = ", ".join("?" for _ in values)
        return self.rows(f"SELECT {columns} FROM {table} WHERE {key} IN ({marks})", values)

    # -- writes --------------------------------------------------------------------------
    @_connected
    def write_batch(self, batch: BatchWrite) -> None:
        """One transaction. Events are keyed by text and position, so they are inserted once;
        article rows are replaced (a full extraction supersedes a skipped one); source rows
        are replaced, the latest status winning."""
        with self._transaction():
            self._insert("articles", ARTICLE_SCHEMA, _unique(batch.articles, "content_hash"), "OR REPLACE")
            self._insert("events", EVENT_SCHEMA, _unique(batch.events, "event_key"), "OR IGNORE")
            sources = _unique([vars(s) for s in batch.sources], "source_key")
            self._insert("sources", SOURCE_SCHEMA, sources, "OR REPLACE")

    def _insert(self, table: str, schema: pa.Schema, rows: list[dict[str, Any]], mode: str) -> None:
        if not rows:
            return
        data = pa.Table.from_pylist(rows, schema=schema)
        self.con.register("_batch", data)
        try:
            self.con.execute(f"INSERT {mode} INTO {table} BY NAME SELECT * FROM _batch")
        finally:
            self.con.unregister("_batch")

    # -- incidents -----------------------------------------------------------------------
    @_connected
    def countries_to_merge(self) -> list[str]:
        """Countries holding events not yet in any incident ('' for events with no country)."""
        return [c for (c,) in self.rows(
            "SELECT DISTINCT coalesce(e.country, '') FROM events e "
            "ANTI JOIN incident_reports r ON e.event_key = r.event_key ORDER BY 1")]

    @_connected
    def events_of(self, country: str) -> list[dict[str, Any]]:
        cols = ", ".join(MERGE_COLUMNS)
        return self.dicts(
            f"SELECT {cols} FROM events WHERE coalesce(country, '') = ? ORDER BY event_key",
            [country])

    @_connected
    def event_spans(self, country: str) -> list[dict[str, Any]]:
        """The dates of one country's events and whether each is merged yet: what the merge's
        blocking needs to find the blocks that new events touch."""
        return self.dicts(
            "SELECT e.event_key, coalesce(e.country, '') AS country, e.date_start, e.date_end, "
            "e.date_precision, r.event_key IS NOT NULL AS merged FROM events e "
            "LEFT JOIN incident_reports r USING (event_key) WHERE coalesce(e.country, '') = ?",
            [country])

    @_connected
    def events_by_keys(self, keys: Sequence[str]) -> list[dict[str, Any]]:
        """Merge rows (MERGE_COLUMNS and the article's published date) of the given events."""
        cols = ", ".join(f"e.{c}" for c in MERGE_COLUMNS)
        self.con.register("_keys", pa.table({"event_key": pa.array(list(keys), pa.string())}))
        try:
            return self.dicts(
                f"SELECT {cols}, a.published FROM events e JOIN _keys USING (event_key) "
                "LEFT JOIN articles a USING (content_hash) ORDER BY e.event_key")
        finally:
            self.con.unregister("_keys")

    @_connected
    def replace_block(self, keys: Sequence[str], incidents: list[dict[str, Any]],
                      members: list[dict[str, Any]]) -> None:
        """Swap the incidents of merge blocks (the events `keys`) for a fresh merge, in one
        transaction."""
        self.con.register("_keys", pa.table({"event_key": pa.array(list(keys), pa.string())}))
        try:
            with self._transaction():
                self.con.execute(
                    "DELETE FROM incidents WHERE incident_id IN (SELECT r.incident_id FROM "
                    "incident_reports r JOIN _keys USING (event_key))")
                self.con.execute("DELETE FROM incident_reports WHERE event_key IN (SELECT event_key FROM _keys)")
                self._insert("incidents", INCIDENT_SCHEMA, incidents, "OR REPLACE")
                self._insert("incident_reports", MEMBER_SCHEMA, members, "OR REPLACE")
        finally:
            self.con.unregister("_keys")

    # -- summary -------------------------------------------------------------------------
    @_connected
    def counts(self) -> dict[str, int]:
        return {
            "sources": self.scalar("SELECT count(*) FROM sources"),
            "articles": self.scalar("SELECT count(*) FROM articles"),
            "events": self.scalar("SELECT count(*) FROM events"),
            "incidents": self.scalar("SELECT count(*) FROM incidents"),
            "merged_incidents": self.scalar("SELECT count(*) FROM incidents WHERE n_reports > 1"),
            "disagreements": self.scalar("SELECT count(*) FROM incidents WHERE disagreement"),
        }

    @_connected
    def status_counts(self) -> dict[str, int]:
        return dict(self.rows("SELECT status, count(*) FROM sources GROUP BY 1 ORDER BY 2 DESC, 1"))


def _unique(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """Last row per key: one statement may not upsert the same key twice (the same path
    given twice on the command line)."""
    return list({row[key]: row for row in rows}.values())


def article_row(content_hash: str, text: str, ledger: dict[str, Any],
                extraction: str = "full") -> dict[str, Any]:
    """An `articles` row from a ledger dict (the spec's JSON). `extraction` says how it was
    made: `full`, `no_event_words` (no event trigger in the text: empty ledger, no NLP) or
    `no_event_sentence` (trigger words, none telling an incident: empty ledger, no spaCy)."""
    from ..article import parse_published

    return {
        "content_hash": content_hash,
        "id": ledger.get("id"),
        "published": _safe_date(ledger.get("published"), parse_published),
        "title": ledger.get("title"),
        "url": ledger.get("url"),
        "source": ledger.get("source"),
        "text": text,
        "n_words": len(text.split()),
        "n_events": len(ledger.get("events") or ()),
        "quotes": _json(ledger.get("quotes")),
        "entities": _json(ledger.get("entities")),
        "claims": _json(ledger.get("claims")),
        "extraction": extraction,
        # what the text needed to be read (mojibake, entities, case: normalize.py), or null
        "normalized": json.dumps(ledger["normalized"]) if ledger.get("normalized") else None,
    }


_EVENT_TYPES = {f.name: f.type for f in EVENT_SCHEMA}  # column → Arrow type, looked up per field


def event_rows(content_hash: str, ledger: dict[str, Any]) -> list[dict[str, Any]]:
    """`events` rows of one ledger. The key is the text's hash and the event's position,
    both stable for the same text, so re-extraction upserts onto the same rows."""
    rows = []
    for seq, e in enumerate(ledger.get("events") or ()):
        start, end = date_bounds(e.get("event_date"), e.get("date_precision"))
        rows.append({
            **{name: _coerce(e.get(name), kind) for name, kind in _EVENT_TYPES.items() if name in e},
            "event_key": f"{content_hash}#{seq}",
            "content_hash": content_hash,
            "seq": seq,
            "date_start": start,
            "date_end": end,
            "evidence": [{"start": s.get("start"), "end": s.get("end"), "text": s.get("text")}
                         for s in e.get("evidence") or ()],
            "provenance": _json(e.get("provenance") or {}),
        })
    return rows


def date_bounds(value: str | None, precision: str | None = None) -> tuple[date | None, date | None]:
    """`YYYY-MM-DD` / `YYYY-MM` / `YYYY` → the first and last day it may mean; a day with
    `week` precision means the seven days around it (the scorer's ±3 days)."""
    import calendar
    from datetime import timedelta

    if not value:
        return None, None
    try:
        parts = [int(p) for p in str(value).split("-")]
        if len(parts) == 3:
            d = date(*parts)
            pad = timedelta(days=3 if precision == "week" else 0)
            return d - pad, d + pad
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except (ValueError, TypeError, OverflowError):
        return None, None


def _coerce(value: Any, kind: pa.DataType) -> Any:
    """Cast a ledger value to its column type; an odd value becomes null rather than
    failing the whole batch of articles."""
    if value is None or value == "":
        return None
    try:
        if pa.types.is_integer(kind):
            return int(value)
        if pa.types.is_floating(kind):
            return float(value)
        if pa.types.is_string(kind):
            return value if isinstance(value, str) else str(value)
    except (TypeError, ValueError):
        return None
    return value


def _safe_date(value: Any, parse: Any) -> date | None:
    try:
        return parse(value)
    except Exception:  # a malformed date must not lose the article
        return None


def _json(value: Any) -> str:
    return json.dumps(value if value is not None else [], ensure_ascii=False, separators=(",", ":"))


def table_digest(store: Store, tables: Iterable[str] = ("sources", "articles", "events",
                                                          "incidents", "incident_reports")) -> dict[str, str]:
    """An order-independent fingerprint of each table's content (tests compare databases)."""
    out = {}
    for t in tables:
        out[t] = store.scalar(
            f"SELECT coalesce(bit_xor(hash(t)), 0)::VARCHAR || ':' || count(*) FROM {t} t")
    return out
