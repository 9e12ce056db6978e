"""The gazetteer's index file: where it lives, the build stamp it records, and building it
in a child process when it is missing or outdated."""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from .. import lexicons

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "gazetteer.sqlite"
# Bump when the file layout changes: load() rebuilds an index of another version. Edits to
# the build's code and lexicons are noticed without a bump (see index_stamp()).
INDEX_VERSION = 2


def default_path() -> Path:
    """Where the index lives (see `index_path`; $NEWSLEDGER_GAZETTEER)."""
    return index_path(DEFAULT_PATH, "NEWSLEDGER_GAZETTEER")


def index_path(default: Path, env_var: str) -> Path:
    """Where a built index lives: $ENV_VAR, else `default` in the package's data directory,
    else (a read-only install) the user's cache directory. The gazetteer and the truecaser's
    casing table both live this way."""
    if os.environ.get(env_var):
        return Path(os.environ[env_var])
    if default.exists() or os.access(default.parent, os.W_OK):
        return default
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "newsledger" / default.name


def _connect(path: Path) -> sqlite3.Connection:
    # Read-only and immutable: no locks, and a rebuild (atomic rename) never disturbs readers.
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)


# The code and data an index is built from. A change to any of them rebuilds the index on the
# next load: every module of the build package and the names it imports (folding, country
# tables, prominence), and the lexicons it indexes (a user may extend them).
BUILD_MODULES = ("build", "names.py", "variants.py")  # under places/; a folder counts with all its .py files
BUILD_LEXICONS = ("country_names", "country_aliases", "admin1_english", "admin1_by_capital",
                  "admin_name_prefixes", "admin_name_suffixes", "admin_name_keep_whole",
                  "arabic_countries", "name_articles", "arabic_articles", "preferred_places",
                  "translated_town_words", "named_regions")


def build_sources() -> list[Path]:
    """The source files of the build, in a fixed order."""
    here = Path(__file__).resolve().parent
    files: list[Path] = []
    for name in BUILD_MODULES:
        path = here / name
        files += sorted(path.glob("*.py")) if path.is_dir() else [path]
    return files


def _source_bytes(path: Path) -> bytes:
    return path.read_bytes()


def _lexicon_value(name: str) -> object:
    try:
        return lexicons.mapping(name)
    except TypeError:  # a list lexicon
        return list(lexicons.words(name))


def index_stamp() -> str:
    """What an up-to-date index records: the index version and a hash of the build's source
    files and of the lexicons it indexes."""
    digest = hashlib.sha1()
    for path in build_sources():
        digest.update(f"{path.parent.name}/{path.name}\0".encode() + _source_bytes(path))
    values = [_lexicon_value(name) for name in BUILD_LEXICONS]
    digest.update(json.dumps(values, sort_keys=True, ensure_ascii=False).encode())
    return f"{INDEX_VERSION}:{digest.hexdigest()[:12]}"


def index_file_stamp(path: Path) -> str | None:
    """The build stamp a SQLite index records in its `meta` table (None: missing or unreadable).
    The gazetteer and the truecaser's casing table both check theirs this way."""
    if not path.exists():
        return None
    try:
        con = _connect(path)
        try:
            row = con.execute("SELECT value FROM meta WHERE key='stamp'").fetchone()
        finally:
            con.close()
        return row[0] if row else None
    except sqlite3.Error:
        return None


def ensure_index(path: Path, stamp: str, args: list[str], fallback) -> None:
    """Build the index at `path` (`python -m ARGS`, see `build_in_child`) unless it records
    `stamp`. Callers that start together (ingest's workers, Spark's Python workers) wait on
    one lock file, and all but the first find the index fresh: it is built once, not by each."""
    if index_file_stamp(path) == stamp:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if index_file_stamp(path) != stamp:
            build_in_child(args, path, fallback)


def build_in_child(args: list[str], path: Path, fallback) -> None:
    """Run `python -m ARGS` in a child process (a build reads far more JSON than the caller
    should keep); `fallback(path)` builds in-process if the child cannot run."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    if subprocess.run([sys.executable, "-m", *args], env=env, capture_output=True).returncode == 0 \
            and path.exists():
        return
    fallback(path)


def ensure_gazetteer(path: Path) -> None:
    """Build the gazetteer index at `path` if it is missing or outdated."""
    from .build import build

    ensure_index(path, index_stamp(), ["newsledger.places.build", "--out", str(path)], build)
