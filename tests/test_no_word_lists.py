"""Word lists are data (issue 15): no regex in a .py file under extract/ may spell out an
alternation of four or more plain words ("said|says|told|added"); such a list belongs in a
lexicon file, read with `lexicons.alternation()` or `lexicons.pattern()`."""
from __future__ import annotations

import ast
import re
from pathlib import Path

EXTRACT = Path(__file__).resolve().parents[1] / "src" / "newsledger" / "extract"
MIN_WORDS = 4
_WORD = re.compile(r"[A-Za-z][a-z'’-]*(?: [A-Za-z][a-z'’-]*)*")
_SPACE = re.compile(r"\\s[+*]?|\[ \\t\]\+?| ")

# Alternations that stay in code: (file under extract/, its first four words), each with the
# reason it is grammar rather than a list a user would extend (words the code resolves one by
# one, a negation's spellings, a table row of fixed phrases).
KNOWN: set[tuple[str, str]] = {
    ('assemble.py', 'him|her|himself|herself'),  # grammar, not a word list: the object and reflexive pronouns of an attacker killing himself
    ('casualty_cues.py', "did not|didn't|does not|not"),  # grammar, not a word list: the spellings of a negated auxiliary before cause/leave/suffer
    ('date_expressions.py', 'day|morning|afternoon|evening'),  # not a list to extend: the units _h_next_day() resolves one by one
    ('date_expressions.py', 'earlier|later|early|late'),  # one row of the _PHRASES table of fixed phrases, each row with its own resolver
    ('date_expressions.py', 'last|this|next|coming'),  # not a list to extend: _h_weekday() resolves each modifier itself (past/last back, next/coming on)
    ('date_expressions.py', 'last|this|next|past'),  # not a list to extend: _season_year() resolves each of these words itself
    ('date_expressions.py', 'later|earlier|after|before'),  # not a list to extend: the direction words, read by _FORWARD to sign the offset
    ('entities.py', 'the|The|pro-|anti-'),  # grammar, not a word list: the article and two prefixes skipped before a name, in both cases
}


def _alternatives(body: str) -> list[str]:
    """The top-level alternatives of a regex group's body."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(body[start:i])
            start = i + 1
        i += 1
    return [*out, body[start:]]


def _groups(rx: str) -> list[str]:
    """The whole pattern and the body of each group (after '(?:', '(?P<n>' or '(')."""
    bodies, stack, i = [rx], [], 0
    while i < len(rx):
        c = rx[i]
        if c == "\\":
            i += 2
            continue
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            open_at = stack.pop()
            body = rx[open_at + 1:i]
            m = re.match(r"\?(?::|P<\w+>|i:)", body)
            if body.startswith("?") and not m:
                i += 1
                continue  # a lookaround or a flag group
            bodies.append(body[m.end():] if m else body)
        i += 1
    return bodies


def plain_words(rx: str) -> list[str]:
    """The largest set of plain-word alternatives in one group of a regex (suffix groups
    after a word stem, 'kill(?:s|ed|ing|er)', are morphology, not a word list)."""
    best: list[str] = []
    for body in _groups(rx):
        stem = rx.find("(" + body) > 0 and rx[rx.find("(" + body) - 1].isalpha()
        if stem:
            continue
        words = [_SPACE.sub(" ", a).strip() for a in _alternatives(body)]
        words = [w for w in words if _WORD.fullmatch(w) and len(w) > 2]
        if len(words) > len(best):
            best = words
    return best


def word_alternations(source: str) -> list[tuple[int, list[str]]]:
    """(line, words) of each string in a module that holds a regex word list."""
    out, tree = [], ast.parse(source)
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if id(node) in docstrings:
            continue
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "\0" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "|" in node.value:
            text = node.value
        else:
            continue
        words = plain_words(text)
        if len(words) >= MIN_WORDS:
            out.append((node.lineno, words))
    return out


def _offenders() -> dict[tuple[str, str], int]:
    found = {}
    for path in sorted(EXTRACT.rglob("*.py")):
        for line, words in word_alternations(path.read_text("utf-8")):
            found[(str(path.relative_to(EXTRACT)), "|".join(words[:MIN_WORDS]))] = line
    return found


def test_no_regex_word_list_in_extract_modules():
    new = {k: line for k, line in _offenders().items() if k not in KNOWN}
    assert not new, "word lists in regexes (move them to data/lexicons/): " + ", ".join(
        f"{path}:{line} {words}" for (path, words), line in sorted(new.items()))


def test_the_known_list_only_shrinks():
    gone = KNOWN - set(_offenders())
    assert not gone, f"no longer in the code, take them off KNOWN: {sorted(gone)}"


def test_the_check_sees_both_sides():
    flagged = 'X = re.compile(r"\\b(?:said|says|told|added)\\b")'
    assert word_alternations(flagged)
    for fine in ('X = re.compile(r"kill(?:s|ed|ing|er)")',           # a stem's endings
                 'X = re.compile(r"\\b(?:said|says|told)\\b")',           # three words
                 'X = re.compile(lexicons.alternation("speech_cues"))',  # from a lexicon
                 'X = re.compile(r"(?<=said|says|told|noted)")',         # a lookbehind
                 'X = "a|b|c|d"'):                                       # no words
        assert not word_alternations(fine), fine


def test_no_regex_word_list_in_places_web_or_the_generator():
    src = EXTRACT.parent
    found = [f"{path.relative_to(src)}:{line} {words}"
             for path in [*sorted((src / "places").rglob("*.py")), *sorted((src / "web").rglob("*.py")),
                          src / "corpus" / "generate.py"]
             for line, words in word_alternations(path.read_text("utf-8"))]
    assert not found, found
