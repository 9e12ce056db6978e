"""A first-character guard for big alternations: the same matches, found about twice as fast.

Python's `re` tries every alternative of a pattern at every position of the text, and its own
first-character shortcut gives up on case-insensitive patterns and on a leading `\\b`. The
trigger pattern (hundreds of words) is scanned over every article and sentence, so most of
that work is spent at positions where no alternative can begin. `guarded` prefixes a pattern
with a lookahead on the characters its matches can begin with (`(?=[Iabc…])`), read from the
pattern's own parse: at a position where the lookahead fails no alternative could have
matched, and elsewhere the engine proceeds exactly as before, so every match (start, end,
groups) is the same. When the first characters cannot be listed (a class like `\\w` is
kept; `.`, a negated class, an inline flag change or a pattern that can match the empty
string are not), the pattern is returned unchanged. When every match must begin at a `\\b`
(a lexicon's `\\b(?:…)\\b`), the guard checks that first: positions inside a word, most of a
text's, are then passed over at once (the trigger scan ~30% faster again).
"""
from __future__ import annotations

import re
from re import _constants as C, _parser as P  # the stdlib's own parse of a pattern

_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_CATEGORIES = {C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W", C.CATEGORY_DIGIT: r"\d",
               C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s", C.CATEGORY_NOT_SPACE: r"\S"}
_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.ASCII | re.LOCALE


def guarded(pattern: str, flags: int = 0) -> str:
    """`pattern` behind a lookahead on its first characters (a pattern to embed or compile
    with the same `flags`), or `pattern` itself when they cannot be listed."""
    parsed = P.parse(pattern, flags)
    if parsed.state.flags & _FLAGS & ~flags:  # a global inline flag: the guard would precede it
        return pattern
    firsts, nullable = _first(parsed.data)
    if nullable:
        return pattern
    edge = r"\b" if _at_word_edge(parsed.data) else ""
    if firsts is None:
        return edge + "(?:" + pattern + ")" if edge else pattern
    return edge + "(?=[" + "".join(sorted(set(firsts))) + "])(?:" + pattern + ")"


def compile_guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(guarded(pattern, flags), flags)


def _first(items: list) -> tuple[list[str] | None, bool]:
    """(class items a match may begin with, whether the items can match the empty string);
    None when unknown."""
    out: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is C.LITERAL:
            return out + [re.escape(chr(av))], False
        if op is C.IN:
            members = _members(av)
            return (None, False) if members is None else (out + members, False)
        if op is C.BRANCH:
            subs = av[1]
        elif op is C.SUBPATTERN:
            if av[1] or av[2]:  # (?i:…), (?-i:…): its characters compare under other flags
                return None, False
            subs = [av[3]]
        elif op is C.ATOMIC_GROUP:
            subs = [av]
        elif op in _REPEATS:
            subs = [av[2]]
        else:
            return None, False
        nullable = op in _REPEATS and av[0] == 0
        for sub in subs:
            firsts, empty = _first(sub.data)
            if firsts is None:
                return None, False
            out += firsts
            nullable |= empty
        if not nullable:
            return out, False
    return out, True


def _at_word_edge(items: list) -> bool:
    """Whether every match of the items begins where `\\b` holds: each way through them meets
    a `\\b` before any character is consumed (a lexicon pattern's `\\b(?:…)`). Then the guard
    checks it first, and positions inside a word are passed over before the alternatives are
    tried one by one. False when unsure."""
    for op, av in items:
        if op is C.AT:
            if av is C.AT_BOUNDARY:
                return True
            continue
        if op in (C.ASSERT, C.ASSERT_NOT):
            continue
        if op is C.BRANCH:
            return all(_at_word_edge(sub.data) for sub in av[1])
        if op is C.SUBPATTERN and not (av[1] or av[2]):
            return _at_word_edge(av[3].data)
        if op is C.ATOMIC_GROUP:
            return _at_word_edge(av.data)
        if op in _REPEATS and av[0] >= 1:
            return _at_word_edge(av[2].data)
        return False
    return False


def _members(items: list) -> list[str] | None:
    """A character class's members as class syntax; None for a negated class."""
    out = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is C.RANGE:
            out.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif op is C.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            return None
    return out
