"""Read-only access to the corpus file while `ingest` may be writing it.

DuckDB lets one process hold a file for writing, and a read-only connection in another
process also blocks a writer. So the server never keeps the file open: each request opens a
read-only connection and closes it when it is answered (~10 ms), leaving the file free
between requests. When `ingest` holds the write lock for a batch, opening fails; we retry
briefly, since a batch commits in well under a second. `open_read_only` is the one place
that knows this, so it can be pointed at the store's own lock wait when there is one.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..corpus.store import LockedError, connect_waiting
from ..errors import InputError, NewsledgerError
from .filters import IncidentFilters, with_matches
from .search import EvidenceIndex

LOCK_WAIT_S = 5.0  # how long a request waits for a writer's batch before giving up


class DatabaseBusy(NewsledgerError):
    """The corpus file stayed locked by a writer for longer than the wait."""

    code = "busy"


def open_read_only(path: Path, wait: float = LOCK_WAIT_S) -> duckdb.DuckDBPyConnection:
    """A read-only connection, with the store's wait while a writer holds the lock."""
    try:
        return connect_waiting(path, read_only=True, wait=wait, tell=False)
    except LockedError as err:
        raise DatabaseBusy(f"{path.name} is being written; try again in a moment") from err


class Corpus:
    """The database file the server reads. Queries select `e.*` from events, so columns a
    later schema adds (the `reason` each event was kept) reach the page without a change."""

    def __init__(self, path: str | Path, wait: float = LOCK_WAIT_S) -> None:
        self.path = Path(path)
        self.wait = wait
        if not self.path.is_file():
            raise InputError(f"{self.path}: no such database", "missing")
        try:
            tables = self._tables()
        except duckdb.Error as err:
            raise InputError(f"{self.path}: not a DuckDB database ({str(err).splitlines()[0][:120]})",
                             "usage") from None
        if not {"incidents", "events", "articles", "incident_reports"} <= tables:
            raise InputError(f"{self.path}: not a newsledger corpus (no incidents table)", "usage")
        self.evidence = EvidenceIndex(self.path)

    def _tables(self) -> set[str]:
        with self.read() as con:
            return {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}

    def narrow(self, con: duckdb.DuckDBPyConnection, filters: IncidentFilters) -> IncidentFilters:
        """The filters with their text search (if any) answered from the in-memory copy."""
        if not filters.q or filters.within:
            return filters
        return with_matches(con, filters, self.evidence.matches(con, filters.q))

    @contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        con = open_read_only(self.path, self.wait)
        try:
            yield con
        finally:
            con.close()
