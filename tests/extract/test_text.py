import re

import pytest

from newsledger.extract.text import find_literals, fold, split_sentences


def test_sentences_keep_offsets_and_abbreviations():
    text = ("Gen. Ali Musa said on Jan. 13 that U.S. troops left.  Two were hurt!\n\n"
            "\"It was awful,\" he said. A third line follows")
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "Gen. Ali Musa said on Jan. 13 that U.S. troops left.",
        "Two were hurt!",
        "\"It was awful,\" he said.",
        "A third line follows",
    ]
    for s in sents:
        assert text[s.start:s.end] == s.text
    assert sents[0].paragraph == sents[1].paragraph != sents[2].paragraph


def test_fold_ignores_case_and_diacritics():
    assert fold("Öcalan") == fold("OCALAN") == "ocalan"
    assert fold("İstanbul") == "istanbul"


def test_hard_wrapped_block_is_one_paragraph():
    text = ("Gunmen attacked a bus on the road between two\n"
            "villages late on Friday, killing four passengers, and\n"
            "fled into the hills. Police gave chase.\n\n"
            "A short line.\nAnother line.")
    sents = split_sentences(text)
    assert sents[0].text.endswith("fled into the hills.")
    assert sents[0].paragraph == sents[1].paragraph
    assert [s.text for s in sents[2:]] == ["A short line.", "Another line."]
    assert sents[2].paragraph != sents[3].paragraph


def test_bullet_points_are_sentences_of_their_own():
    text = "Headline here\n\n• 30 dead, 100 injured\n• The worst riot in years\n• Protests spread to the capital\n"
    got = [s.text for s in split_sentences(text)]
    assert got[1:] == ["• 30 dead, 100 injured", "• The worst riot in years", "• Protests spread to the capital"]
    # lines hard-wrapped without bullets are still one paragraph
    wrapped = "Gunmen killed 12 people in\nthe village of Kabaro on\nMonday night, police said\nlate on Tuesday."
    assert len(split_sentences(wrapped)) == 1


# find_literals: the spans re.finditer gives for the same alternation, without compiling it
_BEFORE, _AFTER = re.compile(r"[\w@]"), re.compile(r"\w|['’][a-rt-z]")
_NAMES_TEXT = ("Amina Diallo met Diallo's aides in Kano; @Diallo and Diallos did not come. "
               "Amina Diallo-Ba, Kano State and Kanosh were named, then Dia'ra and Kano's.")


@pytest.mark.parametrize("alternatives", [
    ["Amina Diallo", "Diallo", "Kano State", "Kano"],   # longer first: 'Kano State' whole
    ["Diallo", "Amina Diallo"],                         # order decides at one start
    ["Kano", "Kano State"],                             # the first that fits wins, not the longest
    ["Dia", "Diallo", "Dia'ra"],                        # the lookahead refuses 'Dia' before 'llo'
    ["ano", "Ka", "Kanosh"],                            # inside a word: never
    ["Diallo", "Diallo"],                               # a repeat changes nothing
    ["no name here"],
])
def test_find_literals_gives_the_spans_of_the_alternation(alternatives):
    rx = re.compile(r"(?<![\w@])(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w|['’][a-rt-z])")
    expected = [m.span() for m in rx.finditer(_NAMES_TEXT)]
    assert find_literals(_NAMES_TEXT, alternatives, _BEFORE, _AFTER) == expected


def test_find_literals_leaves_overlapping_matches_to_the_leftmost():
    text = "Upper Nile State Nile"
    assert find_literals(text, ["Nile State", "Upper Nile", "Nile"], _BEFORE, _AFTER) == [(0, 10), (17, 21)]


@pytest.mark.parametrize("form", ["Democratic Republic of Congo", "Bank of Ghana", "Gulf of the Gulf of Aden"])
def test_a_form_with_the_after_of_finds_what_the_optional_the_found(form):
    from newsledger.extract.entities import _with_the

    text = ("The Democratic Republic of the Congo and the Democratic Republic of Congo; Bank of "
            "the Ghana, Bank of Ghana; Gulf of the Gulf of Aden and Gulf of Gulf of the Aden.")
    rx = re.compile(r"(?<![\w@])(?:" + re.escape(form).replace(r"\ of\ ", r"\ of\ (?:the\ )?") + r")(?!\w)")
    expected = [m.span() for m in rx.finditer(text)]
    assert expected and find_literals(text, _with_the(form), _BEFORE, re.compile(r"\w")) == expected
