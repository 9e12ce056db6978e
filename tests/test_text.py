from newsledger.text import fold, split_sentences


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
