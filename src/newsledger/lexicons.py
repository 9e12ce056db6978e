"""The word lists that decide what the extractor sees, loaded once from data files.

Every list lives once, in `data/lexicons/NAME.txt` (one entry a line) or `NAME.yaml` (a list
or a mapping), each with a comment at its top saying what it decides and a `# style:` line
saying how its entries are read (the loader refuses a file without one):

- `# style: words`: plain entries, compared as written or escaped by `alternation()`;
- `# style: regex`: regular-expression fragments (`kill(?:s|ed|ing)?`), joined unescaped into
  one pattern by `pattern()` (or `taxonomy.lexicon_rx`); a user's additions are fragments too.

Modules read them at import time:

    WEEKDAYS = lexicons.words("weekdays")          # tuple, in file order
    NUMBERS = lexicons.mapping("number_words")     # dict, in file order

Users add or remove entries with their own YAML files, named by `--lexicon FILE` or the
`NEWSLEDGER_LEXICONS` variable (paths separated by the OS path separator), in this form:

    attack_triggers: [torched, firebombed]          # added to a list
    number_words: {a score: 20}                     # merged into a mapping
    stop_words: {remove: [may]}                     # taken out of a list or a mapping

The files are read when a lexicon is first asked for, so the CLI applies `--lexicon` by
setting the variable before the extractor is imported (worker processes inherit it).
"""
from __future__ import annotations

import os
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError

ENV_VAR = "NEWSLEDGER_LEXICONS"
STYLES = ("words", "regex")
_STYLE = re.compile(r"^# style: (\w+)", re.MULTILINE)


def words(name: str) -> tuple[str, ...]:
    """A list lexicon: its entries in file order, user additions last, duplicates dropped."""
    value = _lexicon(name)
    if not isinstance(value, tuple):
        raise TypeError(f"lexicon {name!r} is a mapping, not a list")
    return value


def mapping(name: str) -> dict[str, Any]:
    """A mapping lexicon (a copy: callers may not change the shared one)."""
    value = _lexicon(name)
    if not isinstance(value, dict):
        raise TypeError(f"lexicon {name!r} is a list, not a mapping")
    return dict(value)


def use(files: list[str] | tuple[str, ...]) -> None:
    """Make user lexicon files apply in this process and in the processes it starts."""
    if not files:
        return
    for path in files:
        _user_file(str(path))  # a bad file stops here, with its name, before any work
    present = [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    os.environ[ENV_VAR] = os.pathsep.join([*present, *map(str, files)])
    _lexicon.cache_clear()


def names() -> list[str]:
    """The shipped lexicons, by name."""
    folder = resources.files("newsledger").joinpath("data/lexicons")
    return sorted({Path(p.name).stem for p in folder.iterdir() if p.name.endswith((".txt", ".yaml"))})


@cache
def _lexicon(name: str) -> tuple[str, ...] | dict[str, Any]:
    value = _shipped(name)
    for path in [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]:
        change = _user_file(path).get(name)
        if change is not None:
            value = _apply(value, change, f"{path}: {name}")
    return value


def style(name: str) -> str:
    """How a shipped lexicon's entries are read: "words" or "regex" (its `# style:` line)."""
    return _shipped_text(name)[1]


@cache
def _shipped_text(name: str) -> tuple[str, str, str]:
    """(text, style, suffix) of a shipped lexicon file."""
    folder = resources.files("newsledger").joinpath("data/lexicons")
    for suffix in (".txt", ".yaml"):
        path = folder.joinpath(f"{name}{suffix}")
        if path.is_file():
            text = path.read_text("utf-8")
            head = text[:_header_end(text)]
            m = _STYLE.search(head)
            if not m or m.group(1) not in STYLES:
                raise ValueError(f"data/lexicons/{name}{suffix}: its header has no "
                                 f"'# style: words' or '# style: regex' line")
            return text, m.group(1), suffix
    raise KeyError(f"no lexicon named {name!r} in data/lexicons")


def _header_end(text: str) -> int:
    """Where the opening comment block ends."""
    pos = 0
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        pos += len(line)
    return pos


def _shipped(name: str) -> tuple[str, ...] | dict[str, Any]:
    text, _, suffix = _shipped_text(name)
    if suffix == ".txt":
        lines = (line.split(" #")[0].strip() for line in text.splitlines())
        return tuple(dict.fromkeys(line for line in lines if line and not line.startswith("#")))
    if suffix == ".yaml":
        data = yaml.safe_load(text)
        if isinstance(data, list):
            return tuple(dict.fromkeys(str(x) for x in data))
        if isinstance(data, dict):
            return data
    raise ValueError(f"data/lexicons/{name}.yaml holds neither a list nor a mapping")


@cache
def _user_file(path: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(Path(path).read_text("utf-8"))
    except OSError as err:
        raise InputError(f"lexicon file {path}: {err.strerror or err}") from None
    except yaml.YAMLError as err:
        raise InputError(f"lexicon file {path}: not valid YAML ({str(err).splitlines()[0]})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"lexicon file {path}: expected a mapping of lexicon names to entries")
    known = set(names())
    unknown = sorted(set(data) - known)
    if unknown:
        raise InputError(f"lexicon file {path}: no lexicon named {unknown[0]!r} "
                         f"(known: {', '.join(sorted(known))})")
    return data


def _apply(value: tuple[str, ...] | dict[str, Any], change: Any, where: str):
    remove: list[Any] = []
    if isinstance(change, dict) and set(change) <= {"add", "remove"}:
        remove = list(change.get("remove") or [])
        change = change.get("add") or ([] if isinstance(value, tuple) else {})
    if isinstance(value, tuple):
        if not isinstance(change, list):
            raise InputError(f"lexicon file {where}: expected a list of entries")
        gone = {str(x) for x in remove}
        return tuple(dict.fromkeys(x for x in (*value, *map(str, change)) if x not in gone))
    if not isinstance(change, dict):
        raise InputError(f"lexicon file {where}: expected a mapping of entries")
    merged = {k: v for k, v in value.items() if k not in set(map(str, remove))}
    merged.update(change)
    return merged


def alternation(name: str, *, lower: bool = False) -> str:
    """A regex group matching any entry of a list lexicon (or key of a mapping), longest
    first, e.g. for `rf"\\b{alternation('weekdays')}\\b"`; entries are escaped, spaces match
    any whitespace. Only for `# style: words` lexicons."""
    if style(name) != "words":
        raise TypeError(f"lexicon {name!r} holds regex fragments: read it with pattern()")
    entries = sorted(map(str, _lexicon(name)), key=lambda w: (-len(w), w))
    parts = [re.escape(w.lower() if lower else w).replace(r"\ ", r"\s+") for w in entries]
    return "(?:" + "|".join(parts) + ")"


def pattern(name: str) -> str:
    """A regex group of a `# style: regex` lexicon's fragments, in file order, unescaped."""
    if style(name) != "regex":
        raise TypeError(f"lexicon {name!r} holds plain words: read it with alternation()")
    return "(?:" + "|".join(map(str, _lexicon(name))) + ")"
