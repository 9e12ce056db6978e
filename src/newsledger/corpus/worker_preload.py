"""Imported by the fork server of `ingest`'s workers (multiprocessing's forkserver preload):
loads the pipeline named in the environment (ingest.PRELOAD_ENV) once, so that every worker
forked from the server starts with it loaded. Imported anywhere else, it does nothing.

A pipeline that fails to load here is left to the workers, which load it again and report
the error the usual way (an exception here would only kill the fork server)."""
from __future__ import annotations

import json
import os

from .ingest import PRELOAD_ENV, preload


def _preload() -> None:
    spec = os.environ.get(PRELOAD_ENV)
    if not spec:
        return
    try:
        factory, actor_files = json.loads(spec)
        preload(factory, actor_files)
    except Exception:  # noqa: BLE001 - see the module's docstring
        pass


_preload()
