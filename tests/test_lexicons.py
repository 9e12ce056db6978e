"""The lexicon loader: shipped lists, user files that add and remove, clear errors."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger import lexicons
from newsledger.errors import InputError

SRC = Path(lexicons.__file__).resolve().parents[1]


def test_every_shipped_lexicon_loads_and_says_what_it_decides():
    from importlib import resources

    folder = resources.files("newsledger").joinpath("data/lexicons")
    assert lexicons.names(), "no lexicons shipped"
    for name in lexicons.names():
        path = folder.joinpath(f"{name}.txt")
        if not path.is_file():
            path = folder.joinpath(f"{name}.yaml")
        assert path.read_text("utf-8").startswith("#"), f"{name}: no comment at the top"
        value = lexicons._lexicon(name)
        assert value, f"{name} is empty"


def test_order_is_kept_and_alternation_prefers_longer_entries():
    assert lexicons.words("weekdays")[0] == "Monday"
    assert lexicons.words("months")[11] == "December"
    import re

    assert re.fullmatch(lexicons.alternation("months", lower=True), "march")


def test_user_file_adds_and_removes(tmp_path, monkeypatch):
    user = tmp_path / "mine.yaml"
    user.write_text("weekdays: {add: [Funday], remove: [Sunday]}\n", encoding="utf-8")
    monkeypatch.setenv(lexicons.ENV_VAR, str(user))
    lexicons._lexicon.cache_clear()
    try:
        days = lexicons.words("weekdays")
        assert days[-1] == "Funday" and "Sunday" not in days
    finally:
        monkeypatch.delenv(lexicons.ENV_VAR)
        lexicons._lexicon.cache_clear()
    assert "Sunday" in lexicons.words("weekdays")


@pytest.mark.parametrize("content, message", [
    ("weekdayz: [x]\n", "no lexicon named 'weekdayz'"),
    ("- just a list\n", "expected a mapping"),
    ("weekdays: [unclosed\n", "not valid YAML"),
])
def test_bad_user_file_is_one_clear_error(tmp_path, content, message):
    user = tmp_path / "bad.yaml"
    user.write_text(content, encoding="utf-8")
    lexicons._user_file.cache_clear()
    with pytest.raises(InputError, match=message):
        lexicons.use([str(user)])


def test_missing_user_file_is_one_clear_error_on_the_command_line(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    article = tmp_path / "a.txt"
    article.write_text("Nothing happened here.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "newsledger", "extract", str(article),
                           "--lexicon", str(tmp_path / "nope.yaml")],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "nope.yaml" in done.stderr


# --- the two styles: plain words and regex fragments -------------------------------------
_READ_AS_REGEX = re.compile(r"\b(?:_lex|lexicon_rx|lexicons\.pattern)\(\s*[\"'](\w+)[\"']"
                            r"|\"\|\"\.join\(lexicons\.words\(\s*[\"'](\w+)[\"']")
_READ_AS_WORDS = re.compile(r"\b(?:lexicons\.alternation|_words)\(\s*[\"'](\w+)[\"']")
_REGEX_CHARS = re.compile(r"[\\()\[\]?*+|{}^$]")


def _read_in_source(rx: re.Pattern[str]) -> set[str]:
    found: set[str] = set()
    for path in SRC.joinpath("newsledger").rglob("*.py"):
        for m in rx.finditer(path.read_text("utf-8")):
            found.add(next(g for g in m.groups() if g))
    return found


def test_every_shipped_lexicon_declares_its_style():
    assert {lexicons.style(name) for name in lexicons.names()} <= set(lexicons.STYLES)


def _entries(name: str) -> list[str]:
    """A list lexicon's entries, or every entry of a mapping's lists (frame_words)."""
    try:
        return list(lexicons.words(name))
    except TypeError:
        return [str(w) for ws in lexicons.mapping(name).values() for w in ws]


def test_regex_lexicons_hold_fragments_that_compile():
    for name in lexicons.names():
        if lexicons.style(name) == "regex":
            for entry in _entries(name):
                re.compile(entry)  # raises on a broken fragment


def test_each_lexicon_is_read_the_way_its_header_says():
    for name in _read_in_source(_READ_AS_WORDS):
        assert lexicons.style(name) == "words", f"{name}: escaped by alternation() but regex-style"
    for name in _read_in_source(_READ_AS_REGEX):
        # a words lexicon joined unescaped still works while no entry holds a regex character
        plain_ok = not any(_REGEX_CHARS.search(w) for w in lexicons.words(name))
        assert lexicons.style(name) == "regex" or plain_ok, f"{name}: joined unescaped"


@pytest.mark.parametrize("name, wrong", [("weekdays", lexicons.pattern),
                                         ("kill_triggers", lexicons.alternation)])
def test_a_lexicon_read_against_its_style_is_refused(name, wrong):
    with pytest.raises(TypeError):
        wrong(name)


def test_a_file_without_a_style_line_is_refused(tmp_path, monkeypatch):
    folder = tmp_path / "data" / "lexicons"
    folder.mkdir(parents=True)
    (folder / "colours.txt").write_text("# Colour words.\nred\nblue\n", encoding="utf-8")
    (folder / "shapes.txt").write_text("# Shapes.\n# style: words\nsquare\n", encoding="utf-8")
    monkeypatch.setattr(lexicons.resources, "files", lambda package: tmp_path)
    lexicons._shipped_text.cache_clear()
    lexicons._lexicon.cache_clear()
    try:
        assert lexicons.words("shapes") == ("square",)
        with pytest.raises(ValueError, match="style"):
            lexicons.words("colours")
    finally:
        lexicons._shipped_text.cache_clear()
        lexicons._lexicon.cache_clear()
