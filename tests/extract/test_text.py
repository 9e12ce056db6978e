from newsledger.extract.text import fold, split_sentences


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
