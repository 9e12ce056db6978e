"""The evidence text filter, made fast: every incident's evidence sentences, lowercased and
joined, held in an in-memory DuckDB table. A search scans ~20 MB of memory for 100,000
incidents (~20 ms) where the same search over the file's nested evidence lists takes ~100 ms
per statement, and one page load runs several statements.

The copy is rebuilt when the corpus file (or its write-ahead log) changes, so a search
never misses what `ingest` has committed; the first search after a change pays the build
(~0.5 s per 100,000 incidents)."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import duckdb

_BUILD = """
SELECT r.incident_id, lower(string_agg(s.text, chr(10))) AS text
FROM incident_reports r JOIN (SELECT event_key, unnest(evidence) AS s FROM events) e USING (event_key)
GROUP BY 1"""


class EvidenceIndex:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._version: tuple | None = None
        self._memory: duckdb.DuckDBPyConnection | None = None
        self._lock = threading.Lock()

    def matches(self, con: duckdb.DuckDBPyConnection, words: str) -> Any:
        """An Arrow table of the ids of incidents whose evidence contains `words` (literal,
        case-insensitive). `con` is the request's connection, read only to rebuild."""
        with self._lock:
            version = self._file_version()
            if version != self._version or self._memory is None:
                self._rebuild(con)
                self._version = version
            cursor = self._memory.cursor()
        try:
            return cursor.sql("SELECT incident_id FROM evidence WHERE contains(text, lower(?))",
                              params=[words]).to_arrow_table()
        finally:
            cursor.close()

    def _file_version(self) -> tuple:
        wal = self.path.with_name(self.path.name + ".wal")
        stats = [p.stat() for p in (self.path, wal) if p.exists()]
        return tuple((s.st_mtime_ns, s.st_size) for s in stats)

    def _rebuild(self, con: duckdb.DuckDBPyConnection) -> None:
        table = con.sql(_BUILD).to_arrow_table()
        memory = duckdb.connect()
        memory.register("_built", table)
        memory.execute("CREATE TABLE evidence AS SELECT * FROM _built")
        memory.unregister("_built")
        if self._memory is not None:
            self._memory.close()
        self._memory = memory
