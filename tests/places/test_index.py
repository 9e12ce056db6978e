"""The gazetteer index's build stamp: a change to any module or lexicon the build reads must
rebuild the index on the next load."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger.places import index

SRC = Path(__file__).resolve().parents[2] / "src"


def test_the_stamp_covers_every_module_the_build_imports():
    code = ("import json, sys, newsledger.places.build as b; "
            "print(json.dumps(sorted(m.__file__ for n, m in sys.modules.items() "
            "if n.startswith('newsledger.places') and getattr(m, '__file__', None))))")
    env = dict(os.environ, PYTHONPATH=str(SRC))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True).stdout
    imported = {Path(p).resolve() for p in json.loads(out)}
    # places/__init__ is empty, and index.py is where the stamp (and INDEX_VERSION) live
    exempt = {SRC / "newsledger/places/__init__.py", SRC / "newsledger/places/index.py"}
    assert imported - exempt <= set(index.build_sources())
    assert SRC / "newsledger/places/build/keys.py" in imported  # the check sees the package


@pytest.mark.parametrize("source", index.build_sources(), ids=lambda p: p.name)
def test_editing_any_build_module_changes_the_stamp(source, monkeypatch):
    before = index.index_stamp()
    real = index._source_bytes
    monkeypatch.setattr(index, "_source_bytes",
                        lambda p: real(p) + (b"\n# edited\n" if p == source else b""))
    assert index.index_stamp() != before


def test_every_lexicon_the_build_reads_is_in_the_stamp():
    read = set()
    for source in index.build_sources():
        read |= set(re.findall(r"lexicons\.\w+\(\"(\w+)\"", source.read_text("utf-8")))
    read -= {"demonyms", "country_code_extras", "continent_aliases", "nation_demonyms",
             "admin1_abbreviations"}  # names.py's tables that find() uses, not the build
    assert read <= set(index.BUILD_LEXICONS)


def test_a_user_lexicon_of_country_names_changes_the_stamp(tmp_path, monkeypatch):
    from newsledger import lexicons

    before = index.index_stamp()
    user = tmp_path / "mine.yaml"
    user.write_text("country_aliases: {KE: [Kenya Republic]}\n", encoding="utf-8")
    monkeypatch.delenv(lexicons.ENV_VAR, raising=False)
    lexicons.use([str(user)])
    try:
        assert index.index_stamp() != before
    finally:
        monkeypatch.delenv(lexicons.ENV_VAR, raising=False)
        lexicons._lexicon.cache_clear()
    assert index.index_stamp() == before


def _write_index(path: Path, stamp: str) -> None:
    import sqlite3

    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    con.execute("INSERT INTO meta VALUES ('stamp', ?)", (stamp,))
    con.commit()
    con.close()


def test_workers_that_start_together_build_the_index_once(tmp_path):
    import threading
    import time

    path, builds = tmp_path / "idx.sqlite", []

    def build(p: Path) -> None:  # the child cannot run (no such module): built in-process
        builds.append(p)
        time.sleep(0.3)  # long enough for the other callers to find the index stale
        _write_index(p, "s1")

    callers = [threading.Thread(target=index.ensure_index,
                                args=(path, "s1", ["newsledger.no_such_module"], build))
               for _ in range(4)]
    for t in callers:
        t.start()
    for t in callers:
        t.join()
    assert builds == [path]
    assert index.index_file_stamp(path) == "s1"
    index.ensure_index(path, "s2", ["newsledger.no_such_module"],
                       lambda p: builds.append(p) or _write_index(p, "s2"))
    assert len(builds) == 2 and index.index_file_stamp(path) == "s2"  # a new stamp: rebuilt
