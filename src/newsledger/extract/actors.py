"""The actor dictionary: well-known armed groups, state forces, parties, state bodies,
international bodies and news agencies, with the canonical names events use.

It ships as `data/actors.yaml`; users extend or override it with their own YAML files
(`ActorDictionary.load(extra_files)` or the `NEWSLEDGER_ACTORS` variable, paths joined by
`os.pathsep`), without editing the package. A file is a list of entries:

    - canonical: Islamic State
      kind: armed_group          # armed_group|state_force|party|government|international|media|other
      country: null              # ISO 3166-1 alpha-2, or null for transnational actors
      aliases: [ISIL, ISIS, Daesh]

Merging: an entry whose canonical name is already known adds its aliases (and replaces kind or
country when given). An entry that lists an existing actor's canonical name among its aliases
takes that actor over under the new canonical name (that is how a user renames a group); one that
lists only some existing aliases takes just those aliases.

Matching rules (see `find`): names match case- and diacritic-insensitively; aliases written in
capitals (acronyms: ISIS, RSF, IS) match only in capitals, since "is"/"Is" are words, and those of
four letters or more also in title case ("Isis", "Nato"), the British style.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources
from pathlib import Path

import yaml

from .. import lexicons
from ..errors import InputError
from .text import fold

KINDS = ("armed_group", "state_force", "party", "government", "international", "media", "other")
ENV_VAR = "NEWSLEDGER_ACTORS"
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&/\-.]*[A-Z0-9.]$|^[A-Z]$")
# spaCy's entity ruler matches lower-cased: acronyms that are English words must not feed it.
_RULER_STOP = frozenset(lexicons.words("acronyms_that_are_words"))
_ARTICLES = frozenset(lexicons.words("name_articles"))  # Arabic 'al-' is lower-case


@dataclass(frozen=True)
class Actor:
    canonical: str
    kind: str  # one of KINDS
    country: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class ActorMatch:
    start: int
    end: int
    text: str
    actor: Actor


def is_acronym(alias: str) -> bool:
    """'ISIS', 'M23', 'SPLM/A-IO', 'U.N.', 'FAMa', 'Itar-Tass': one word with capitals inside,
    matched only as written (lower-cased, many are words: 'is', 'let', 'fact')."""
    if not alias or any(c.isspace() for c in alias):
        return False
    letters = [c for c in alias if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return bool(_ACRONYM.match(alias))
    # 'Al-Shabaab' is a name with capitals per part; 'FAMa', 'JuD', 'Zanu-PF' are spellings
    return any(sum(c.isupper() for c in part) >= 2 for part in re.split(r"[-/]", alias))


def ascii_fold_same_length(text: str) -> str:
    """Text with accented letters replaced one-for-one ('Pétionville' → 'Petionville'), so
    offsets in the result are offsets in `text`. ASCII input is returned as is."""
    if text.isascii():
        return text
    table = {ord(c): _fold_char(c) for c in set(text) if ord(c) > 127}
    return text.translate(table)


def _fold_char(c: str) -> str:
    from anyascii import anyascii

    a = anyascii(c)
    if len(a) == 1:
        return a
    if c in "\u2018\u2019\u201b\u2032":
        return "'"
    return a[:1] if a[:1].isalpha() and len(c.lower()) == 1 else (c if len(c.lower()) == 1 else "?")


@dataclass
class _Entry:
    canonical: str
    kind: str
    country: str | None
    aliases: list[str] = field(default_factory=list)


class ActorDictionary:
    """Alias → actor lookups and a fast whole-text scan (two trie-shaped regexes)."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self._actors: dict[str, Actor] = {}
        self._names: dict[str, Actor] = {}      # fold(alias) → actor, for ordinary names
        self._acronyms: dict[str, Actor] = {}   # exact spelling → actor, for capitals
        self._lower_ok: set[str] = set()        # names that may start lower-case in the text
        for actor in actors:
            self._actors[fold(actor.canonical)] = actor
            for alias in (actor.canonical, *actor.aliases):
                self._index(alias, actor)

    def _index(self, alias: str, actor: Actor) -> None:
        if is_acronym(alias):
            self._acronyms[alias] = actor
        else:
            key = fold(alias)
            self._names[key] = actor
            if not alias[0].isupper() or key.split()[0] in _ARTICLES:
                self._lower_ok.add(key)

    # ---- loading -------------------------------------------------------------------------
    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = ()) -> "ActorDictionary":
        """The shipped dictionary, then $NEWSLEDGER_ACTORS files, then `extra_files`."""
        entries: dict[str, _Entry] = {}
        shipped = resources.files("newsledger").joinpath("data/actors.yaml").read_text("utf-8")
        _merge(entries, _parse(shipped, "data/actors.yaml"), user=False)
        env = [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
        for path in [*env, *extra_files]:
            _merge(entries, _parse(_read(Path(path)), str(path)), user=True)
        return cls(
            Actor(e.canonical, e.kind, e.country, tuple(dict.fromkeys(e.aliases)))
            for e in entries.values()
        )

    # ---- lookups -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self):
        return iter(self._actors.values())

    def get(self, canonical: str) -> Actor | None:
        return self._actors.get(fold(canonical))

    def lookup(self, name: str) -> Actor | None:
        """The actor a name (canonical or alias) stands for, under the matching rules."""
        name = name.strip()
        if name in self._acronyms:
            return self._acronyms[name]
        if is_acronym(name):
            return None
        return self._names.get(fold(name))

    def canonical(self, name: str) -> str | None:
        actor = self.lookup(name)
        return actor.canonical if actor else None

    def ruler_patterns(self) -> tuple[tuple[str, str], ...]:
        """(label, phrase) pairs for spaCy's entity ruler, which matches lower-cased text:
        proper names only ('Sudanese Armed Forces', not 'Sudanese troops', so the model still
        sees 'Sudanese' as a nationality), and no acronym that is also an English word."""
        from spacy.lang.en.stop_words import STOP_WORDS  # lazy: spaCy is slow to import

        out: set[tuple[str, str]] = set()
        for actor in self._actors.values():
            for alias in (actor.canonical, *actor.aliases):
                if len(alias) >= 3 and alias.lower() not in _RULER_STOP | STOP_WORDS \
                        and _is_proper(alias):
                    out.add(("ORG", alias))
        return tuple(sorted(out))

    # ---- scanning ------------------------------------------------------------------------
    def find(self, text: str) -> list[ActorMatch]:
        """Every alias occurrence, word-bounded, leftmost-longest and non-overlapping."""
        folded = ascii_fold_same_length(text)
        hits: list[tuple[int, int, Actor]] = []
        for m in self._names_rx.finditer(folded):
            key = fold(m.group())
            actor = self._names.get(key)
            # 'amnesty', 'wagner', 'security council' in lower case are words, not the names
            if actor and (folded[m.start()].isupper() or key in self._lower_ok):
                hits.append((m.start(), m.end(), actor))
        for m in self._acronyms_rx.finditer(folded):
            actor = self._acronyms.get(text[m.start():m.end()]) or self._acronyms.get(m.group())
            if actor and not _in_capitals_run(folded, m.start(), m.end()):
                hits.append((m.start(), m.end(), actor))
        return _non_overlapping(text, hits)

    @cached_property
    def _names_rx(self) -> re.Pattern[str]:
        keys = {_pattern_key(a) for a in self._all_name_aliases()}
        # not 'Hamas' of 'Hamas-run', but 'Defence Forces' of 'Defence Forces-UPDF'
        return re.compile(r"(?<!\w)(?:" + _trie_regex(keys) + r")(?!\w|-(?-i:[a-z0-9]))", re.IGNORECASE)

    @cached_property
    def _acronyms_rx(self) -> re.Pattern[str]:
        keys = {tuple(a) for a in self._acronyms}
        return re.compile(r"(?<![\w@])(?:" + _trie_regex(keys) + r")(?![\w]|-[A-Z])")

    def _all_name_aliases(self) -> list[str]:
        out = []
        for actor in self._actors.values():
            out += [a for a in (actor.canonical, *actor.aliases) if not is_acronym(a)]
        return out


# ---- helpers ---------------------------------------------------------------------------------
SEP = "\0sep"   # a space or hyphen in an alias: matches any run of spaces/hyphens
APOS = "\0apos"  # an apostrophe in an alias: optional in the text


def _pattern_key(alias: str) -> tuple[str, ...]:
    """An alias as trie units: lower-case ASCII letters plus flexible separators."""
    s = ascii_fold_same_length(alias).lower()
    units: list[str] = []
    for c in s:
        if c in " -\u2010\u2011":
            if not units or units[-1] != SEP:
                units.append(SEP)
        elif c in "'\u2019":
            units.append(APOS)
        else:
            units.append(c)
    return tuple(units)


def _unit_regex(unit: str) -> str:
    if unit == SEP:
        return r"[\s\-\u2010\u2011]+"
    if unit == APOS:
        return r"'?"
    return re.escape(unit)


def _trie_regex(keys: Iterable[tuple[str, ...]]) -> str:
    """One regex alternation shaped like a trie of the keys, longest alternatives first, so the
    engine compares a few characters per text position however many aliases there are."""
    trie: dict = {}
    for key in keys:
        node = trie
        for unit in key:
            node = node.setdefault(unit, {})
        node[""] = {}
    return _emit(trie)[0] or "(?!)"


def _emit(node: dict) -> tuple[str, int]:
    """The regex of a trie node and its depth (1 + its deepest child's), read in one pass."""
    children = [(unit, *_emit(node[unit])) for unit in node if unit]
    children.sort(key=lambda c: (-c[2], c[0]))  # deepest first
    depth = 1 + max((d for _, _, d in children), default=0)
    branches = [_unit_regex(unit) + rx for unit, rx, _ in children]
    if not branches:
        return "", depth
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return (f"(?:{body})?" if "" in node else body), depth


_FUNCTION_WORDS = frozenset(lexicons.words("name_function_words"))


def _is_proper(alias: str) -> bool:
    words = re.split(r"[\s\-/]+", alias)
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _FUNCTION_WORDS or not w
               for w in words)


def _in_capitals_run(text: str, start: int, end: int) -> bool:
    """An acronym between two all-capitals words ('WHAT IS NEXT') belongs to a headline."""
    before = re.search(r"([A-Za-z]+)[ ,:]{1,3}$", text[max(0, start - 20):start])
    after = re.match(r"[ ,:]{1,3}([A-Za-z]+)", text[end:end + 20])
    return bool(before and after) and all(
        m.group(1).isupper() and len(m.group(1)) > 1 for m in (before, after))


def _non_overlapping(text: str, hits: list[tuple[int, int, Actor]]) -> list[ActorMatch]:
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[ActorMatch] = []
    for start, end, actor in hits:
        if out and start < out[-1].end:
            continue
        out.append(ActorMatch(start, end, text[start:end], actor))
    return out


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"actor file {path}: {err.strerror or err}", "bad_actor_file") from None


def _parse(source: str, where: str) -> list[_Entry]:
    try:
        data = yaml.load(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as err:
        raise InputError(f"actor file {where}: not valid YAML ({err})", "bad_actor_file") from None
    if isinstance(data, dict) and "actors" in data:
        data = data["actors"]
    if not isinstance(data, list):
        raise InputError(f"actor file {where}: expected a list of entries", "bad_actor_file")
    return [_entry(item, where) for item in data]


def _entry(item: object, where: str) -> _Entry:
    if not isinstance(item, dict) or not str(item.get("canonical") or "").strip():
        raise InputError(f"actor file {where}: every entry needs a canonical name: {item!r}",
                         "bad_actor_file")
    kind = str(item.get("kind") or "")
    if kind and kind not in KINDS:
        raise InputError(f"actor file {where}: unknown kind {kind!r} for {item['canonical']!r} "
                         f"(one of {', '.join(KINDS)})", "bad_actor_file")
    aliases = item.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    country = item.get("country")
    return _Entry(str(item["canonical"]).strip(), kind, str(country).upper() if country else None,
                  [str(a).strip() for a in aliases if str(a).strip()])


def _merge(entries: dict[str, _Entry], new: list[_Entry], user: bool) -> None:
    for e in new:
        key = fold(e.canonical)
        if key in entries:
            _extend(entries[key], e)
            continue
        if user:
            _take_over(entries, e)
        entries[key] = replace(e, kind=e.kind or "other", aliases=list(e.aliases))


def _extend(old: _Entry, new: _Entry) -> None:
    old.aliases += [a for a in new.aliases if a not in old.aliases]
    old.kind = new.kind or old.kind
    old.country = new.country or old.country


def _take_over(entries: dict[str, _Entry], new: _Entry) -> None:
    """A user entry claims existing names: a whole actor when it lists that actor's canonical
    name (a rename), otherwise only the aliases it lists."""
    wanted = {fold(a) for a in new.aliases}
    for key in list(entries):
        old = entries[key]
        if key in wanted:
            del entries[key]
            new.aliases += [old.canonical] + [a for a in old.aliases if a not in new.aliases]
            new.kind = new.kind or old.kind
            new.country = new.country or old.country
        else:
            old.aliases = [a for a in old.aliases if fold(a) not in wanted]
