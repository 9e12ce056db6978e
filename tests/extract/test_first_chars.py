"""The first-character guard: a lookahead that skips positions where no match can begin,
and never changes a match."""
import re

import pytest

from newsledger import lexicons
from newsledger.extract.first_chars import guarded
from newsledger.extract.taxonomy import TRIGGER

TEXT = ("Gunmen attacked a police post near the river on Tuesday; two officers were killed "
        "and 14-year-old Amir was hurt. KILLED IN AMBUSH: the army's (3rd) brigade shelled "
        "al-Nour. 'They fired at us,' said a man who fled -- rioters burned cars.\n"
        "Protesters marched, and the Ministry said: ‘No one was arrested.’ Strike_team #9.")


@pytest.mark.parametrize("pattern, flags, guard", [
    (r"\b(?:kill(?:ed|s)?|attack)\b", re.I, r"\b(?=[ak])"),
    (r"\b(?:(?:army|police) post|shell\w*)\b", re.I, r"\b(?=[aps])"),
    (r"(?:\b(?:riot|mob)|\bloot)ers?", re.I, r"\b(?=[lmr])"),  # every way begins with \b
    (r"(?:\briot|mob)s?", re.I, "(?=[mr])"),            # 'mob' may begin inside a word
    (r"(?<!\w)riot", re.I, "(?=[r])"),                  # a lookbehind is not \b: not assumed
    (r"(?:\b\w+ )?talks", re.I, r"(?=[\wt])"),          # the optional group may be skipped
    (r"(?:\w+ )?talks", re.I, r"(?=[\wt])"),
    (r"[A-Z][a-z]+|\d{2}", 0, r"(?=[A-Z\d])"),
    (r"(?:al-)?Nour", 0, "(?=[Na])"),
    (r"'s|-year-old", 0, r"(?=['\-])"),
    (r"(a)\1", 0, "(?=[a])"),      # a group, then a back-reference
])
def test_a_guard_on_the_characters_a_match_can_begin_with(pattern, flags, guard):
    assert guarded(pattern, flags) == guard + "(?:" + pattern + ")"


@pytest.mark.parametrize("pattern, flags", [
    (r"(?:\w+ )?", 0),             # can match the empty string
    (r"\b$", 0),                   # zero width only
    (r".+ed\b", 0),                # any character
    (r"[^,;]+ed\b", 0),            # a negated class
    (r"(?-i:[A-Z])\w+", re.I),     # its first character compares under other flags
    (r"(?i)attack", 0),            # a global flag must stay first
])
def test_no_guard_when_the_first_characters_cannot_be_listed(pattern, flags):
    assert guarded(pattern, flags) == pattern


def test_a_word_edge_alone_when_only_it_is_known():
    assert guarded(r"\b.+ed\b", 0) == r"\b(?:\b.+ed\b)"


def _spans(rx: re.Pattern, text: str) -> list:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


@pytest.mark.parametrize("pattern, flags", [
    (r"\b(?:kill(?:ed|s)?|attack(?:ed)?|hurt)\b", re.I),
    (r"(?<!\w)(?:rioters?|(?P<who>officers?|protesters?))\b", re.I),
    (r"'s|-year-old|\(\d+\w*\)", 0),
    (r"\b(?:[A-Z]{2,}\s+)+", 0),
    (r"(?:\w+ )?(?:were|was) (?:killed|hurt|arrested)", re.I),
    (r"(?:\b(?:riot|mob)|\bloot)ers?|\b[^\W\d]+ed\b", re.I),
    (r"(?:\bofficers?|ers)\b", re.I),
])
def test_the_same_matches_with_and_without_the_guard(pattern, flags):
    plain, guard = re.compile(pattern, flags), re.compile(guarded(pattern, flags), flags)
    assert guard.pattern != plain.pattern
    assert _spans(guard, TEXT) == _spans(plain, TEXT)
    assert _spans(guard, TEXT.upper()) == _spans(plain, TEXT.upper())


def test_every_shipped_regex_lexicon_keeps_its_matches():
    """Each shipped lexicon as taxonomy.lexicon_rx joins it, guarded and not, on text that
    holds its own entries (its fragments with the regex syntax taken out)."""
    for name in lexicons.names():
        try:
            entries = lexicons.words(name)
        except TypeError:
            continue  # a mapping
        pattern = r"\b(?:" + "|".join(entries) + r")\b"
        try:
            plain = re.compile(pattern, re.I)
        except re.error:
            continue  # not meant as a regex (a list of punctuation)
        words = " ".join(re.sub(r"[\\()?:|+*\[\]{}^$]", "", e) for e in entries)
        text = f"{TEXT} {words}. {words.upper()}"
        assert _spans(re.compile(guarded(pattern, re.I), re.I), text) == _spans(plain, text), name


def test_the_trigger_pattern_is_guarded():
    assert TRIGGER.pattern.startswith(r"\b(?=[")
    body = TRIGGER.pattern[TRIGGER.pattern.index("])(?:") + 5:-1]  # the class escapes its ']'
    assert _spans(TRIGGER, TEXT) == _spans(re.compile(body, re.I), TEXT)
