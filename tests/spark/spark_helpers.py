"""Pipeline factories for the Spark tests. `crash_once_pipeline`: the real pipeline, whose
Python worker process dies in the middle of its first partition (once per marker file), so
Spark retries the task; every Spark run of the tests uses it, so each Python worker loads the
model once. `cached_pipeline`: the real pipeline, loaded once in the test process for the
local `ingest` runs."""
from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

MARKER = "NEWSLEDGER_TEST_CRASH_MARKER"


class CrashOnce:
    def __init__(self, inner: Any, marker: Path) -> None:
        self.inner, self.marker, self.calls = inner, marker, 0

    def screen_many(self, articles, batch: int = 16, screen: bool = True):
        self.calls += 1
        if self.calls == 2 and not self.marker.exists():  # rows of one batch already given
            self.marker.write_text(str(os.getpid()))
            os._exit(3)
        return self.inner.screen_many(articles, batch, screen)

    def extract_many(self, articles, batch: int = 16):
        return (ledger for ledger, _ in self.screen_many(articles, batch, screen=False))

    def extract(self, article):
        return self.inner.extract(article)


def crash_once_pipeline(actor_files: Sequence[str] = ()) -> CrashOnce:
    from newsledger.corpus.ingest import load_pipeline

    return CrashOnce(load_pipeline(actor_files), Path(os.environ[MARKER]))


_CACHED: dict[tuple[str, ...], Any] = {}


def cached_pipeline(actor_files: Sequence[str] = ()) -> Any:
    from newsledger.corpus.ingest import load_pipeline

    key = tuple(actor_files)
    if key not in _CACHED:
        _CACHED[key] = load_pipeline(actor_files)
    return _CACHED[key]
