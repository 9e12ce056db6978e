"""Text as it arrives: mojibake, HTML entities, odd characters and single-case text are read
through a working copy, and every offset of the ledger still indexes the text as given."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.extract.normalize import character_edits, normalize
from newsledger.extract.truecase import case_spans
from newsledger.validate import ledger_problems


def _moji(s: str) -> str:
    """UTF-8 read as Windows-1252, as a feed that decodes wrongly delivers it."""
    import ftfy.bad_codecs  # noqa: F401

    return s.encode("utf-8").decode("sloppy-windows-1252")


# ---- characters --------------------------------------------------------------------------------
@pytest.mark.parametrize("given_text, working", [
    ("the governor&#39;s office", "the governor's office"),
    ("the governor& # 39;s office", "the governor's office"),
    ("the governor&#x27;s office", "the governor's office"),
    ("salt &amp; pepper", "salt & pepper"),
    ("salt &amp;amp; pepper", "salt & pepper"),
    ("said &amp;quot;no&amp;quot;", 'said "no"'),
    ("25&nbsp;km away", "25 km away"),
    ("the governor''s office", "the governor's office"),
    ("25\u00a0km and\u200b more", "25 km and more"),
    (_moji("Öcalan’s “party”"), "Öcalan’s “party”"),
    (_moji(_moji("the mayor’s office")), "the mayor’s office"),
    (_moji("“We will stay,”").replace("\x9d", ""), "“We will stay,”"),   # the lost 0x9D byte
    (_moji("the café in são tomé").lower(), "the café in são tomé"),   # lower-cased mojibake
])
def test_damaged_characters_are_repaired_in_the_working_copy(given_text, working):
    norm = normalize(given_text)
    assert norm.text == working
    assert norm.original == given_text


@pytest.mark.parametrize("clean", [
    "Öcalan’s “party” met in São Tomé — café, naïve, İstanbul, Ḥamā, €5, ½.",
    "AT&T and H&M; the R&D budget; fish & chips; a ''quoted'' word",
    "Plain ASCII text, with 'quotes' and \"double quotes\".",
])
def test_clean_text_is_left_alone(clean):
    edits, repairs = character_edits(clean)
    assert edits == [] and repairs == {}
    assert normalize(clean).offsets is None


def test_repairs_are_counted_by_kind():
    text = _moji("The minister’s aide") + " said &quot;no&quot; &amp; left\u00a0early."
    assert normalize(text).repairs == {"mojibake": 1, "entities": 3, "characters": 1}


# ---- the offset map ------------------------------------------------------------------------------
def test_spans_map_back_to_the_text_as_given():
    text = "Ali&#39;s men &amp; " + _moji("Öcalan’s") + " fighters"
    norm = normalize(text)
    assert norm.text == "Ali's men & Öcalan’s fighters"
    for word in ("Ali's", "men", "&", "Öcalan’s", "fighters", "Ali's men & Öcalan’s fighters"):
        start = norm.text.index(word)
        a, b = norm.to_original(start, start + len(word))
        assert normalize(text[a:b]).text == word
    # a span ending inside a repaired character covers all of what it came from
    start = norm.text.index("Ö")
    a, b = norm.to_original(start, start + 1)
    assert text[a:b] == _moji("Ö")


def test_a_dropped_character_goes_with_the_one_before_it():
    text = "Mandera\u200b county"
    norm = normalize(text)
    assert norm.text == "Mandera county"
    assert norm.to_original(0, 7) == (0, 8)  # 'Mandera' and its invisible tail
    assert norm.to_original(7, 14) == (8, 15)
    assert norm.to_original(0, 6) == (0, 6)


_PIECES = st.sampled_from([
    "a", "B", " ", "\n", ".", "'", "&", "&#39;", "& # 39;", "&amp;", "&nbsp;", "&foo;",
    "\u00a0", "\u200b", "’", "é", _moji("é"), _moji("’"), _moji("—"), "''", "x''y", "Ã",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_normalising_then_mapping_back_is_the_identity_on_offsets(text):
    norm = normalize(text)
    edits = norm.offsets
    inside, edited = set(), set()
    if edits:
        for a, b in zip(edits.orig_starts, edits.orig_ends):
            inside.update(range(a + 1, b))
            edited.update(range(a, b))
    bounds = [o for o in range(len(text) + 1) if o not in inside]
    for o in bounds:  # every offset outside a repair goes there and back unchanged
        assert norm.to_original(*norm.to_working(o, o)) == (o, o)
    for a, b in zip(bounds, bounds[1:]):
        wa, wb = norm.to_working(a, b)
        assert norm.to_original(wa, wb) == (a, b)
        if not edited & set(range(a, b)):  # text no repair touched reads the same
            assert norm.text[wa:wb] == text[a:b]
    for wa in range(len(norm.text) + 1):  # any working span maps into the text as given
        for wb in range(wa, len(norm.text) + 1):
            a, b = norm.to_original(wa, wb)
            assert 0 <= a <= b <= len(text)
    assert norm.to_original(0, len(norm.text)) == (0, len(text))


# ---- case -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Police said the attack in Mandera killed six people. Two were hurt.", []),
    ("NAIROBI, Kenya — Police said six people were killed.", []),
    ("KENYA ATTACK: SIX KILLED IN MANDERA\n\nPolice said six people were killed.", ["upper"]),
    ("police said the attack in mandera killed six people. two were hurt.", ["lower", "lower"]),
    ("Police said six people died. then they said the gunmen fled into the bush.", ["lower"]),
    ("GUNMEN KILLED SIX. POLICE SAID SO.", ["upper", "upper"]),
    # a wrapped line running on from a full line above begins no sentence
    ("The bomb exploded in front of the church in the town centre on Sunday and\n"
     "damaged the roof, the windows and two cars parked nearby.", []),
    ("GUNMEN KILL SIX VILLAGERS IN AN ATTACK ON A MARKET IN THE NORTH\n"
     "the gunmen fled on motorbikes after the attack, police said.", ["upper", "lower"]),
    # a party and state or a rank in brackets after a name ends no sentence…
    ('"He would make a fine senator," Rep. Anna B. Holloway (D-Md.) said in a phone call.', []),
    ("Col. Dale Moss (Ret.) said the unit would be disbanded within the year.", []),
    # …but a sentence in brackets does, and a lower-case one after it is still found
    ("The road was closed (it had flooded.) then the police said nobody could pass it.", ["lower"]),
])
def test_single_case_sentences_are_found(text, expected):
    assert [case for _, _, case in case_spans(text)] == expected


@pytest.fixture(scope="module")
def truecase(pipeline):
    return lambda text: pipeline.truecaser.restore(text)[0]


@pytest.mark.parametrize("given_text, working", [
    ("police said here on wednesday.", "Police said here on Wednesday."),
    ("POLICE SAID HERE ON WEDNESDAY.", "Police said here on Wednesday."),
    ("the un said the rapid support forces shelled el fasher in north darfur.",
     "The UN said the Rapid Support Forces shelled El Fasher in North Darfur."),
    ("fighters from al-shabab attacked a bus near the somalia border, kenyan police said.",
     "Fighters from al-Shabab attacked a bus near the Somalia border, Kenyan police said."),
    ("the march on may 5 was peaceful, and it may go on in march.",
     "The march on May 5 was peaceful, and it may go on in march."),
    ("is it true that the governor's aide and mr. ochieng didn't go to south sudan?",
     "Is it true that the governor's aide and Mr. Ochieng didn't go to South Sudan?"),
    ("TROOPS FROM TURKEY AND THE U.S. ENTERED THE TOWN.",
     "Troops from Turkey and the U.S. entered the town."),
])
def test_truecasing_restores_names_and_sentence_starts(truecase, given_text, working):
    assert truecase(given_text) == working


@pytest.mark.parametrize("given_text", [
    "nairobi, kenya — gunmen killed six villagers in mandera county on tuesday, police said.",
    "NAIROBI, KENYA — GUNMEN KILLED SIX VILLAGERS IN MANDERA COUNTY ON TUESDAY, POLICE SAID.",
    "nairobi (afp) - gunmen killed six villagers in mandera county on tuesday, police said.",
])
def test_a_dateline_is_not_the_place_of_the_events(extract, given_text):
    events = extract(given_text)["events"]
    assert [e["location"] for e in events] == ["Mandera"]


def test_a_sentence_opening_with_a_word_is_no_dateline(truecase):
    assert truecase("police said: a bomb killed five people in mosul.").startswith("Police said:")


def test_truecasing_keeps_every_character_in_place(truecase):
    text = "the governor's aide said on tuesday that 12 people died in kisumu, ISTANBUL."
    out = truecase(text)
    assert len(out) == len(text) and out.lower() == text.lower()


# ---- through the pipeline: every form of one report ---------------------------------------------
REPORT = ("Gunmen killed six villagers in Mandera county, Kenya, on Tuesday, police said. "
          "Governor Ali Roba's office said the attackers fled towards the Somalia border.")


def _forms() -> list[tuple[str, str, dict]]:
    upper_title = "GUNMEN KILL SIX IN MANDERA\n\n" + REPORT
    return [
        ("lower", REPORT.lower(), {"case": "lower"}),
        ("upper", REPORT.upper(), {"case": "upper"}),
        ("mojibake", _moji(REPORT.replace("'", "’")), {"mojibake": 1}),
        ("entities", REPORT.replace("'", "&#39;").replace(", ", ",&nbsp;"), {"entities": 4}),
        ("mixed", _moji(upper_title.replace("Roba's", "Roba’s")).replace("police", "&amp;police"),
         {"mojibake": 1, "entities": 1, "case": "upper"}),
    ]


@pytest.mark.parametrize("name, text, repairs", _forms(), ids=[f[0] for f in _forms()])
def test_each_form_gives_the_event_of_the_clean_text(extract, name, text, repairs):
    clean = extract(REPORT)["events"]
    ledger = extract(text)
    assert ledger_problems(ledger, text) == []
    assert ledger["normalized"] == repairs
    events = ledger["events"]
    assert [(e["sub_event_type"], e["location"], e["fatalities"], e["event_date"]) for e in events] \
        == [(e["sub_event_type"], e["location"], e["fatalities"], e["event_date"]) for e in clean]
    for e in events:
        for span in e["evidence"]:
            assert text[span["start"]:span["end"]] == span["text"]


def test_clean_text_has_no_repairs_on_its_ledger(extract):
    assert extract(REPORT)["normalized"] is None


def test_without_repair_the_text_is_read_as_given(pipeline):
    from newsledger.article import Article

    pipeline.repair = False
    try:
        ledger = pipeline.extract(Article(REPORT.lower())).to_dict()
    finally:
        pipeline.repair = True
    assert ledger["normalized"] is None


def test_the_corpus_records_what_was_repaired(tmp_path, extract):
    from newsledger.corpus.store import BatchWrite, Store, article_row

    text = REPORT.lower()
    rows = [article_row("h1", text, extract(text)), article_row("h2", REPORT, extract(REPORT))]
    with Store(tmp_path / "c.duckdb") as store:
        store.write_batch(BatchWrite(articles=rows))
        got = dict(store.rows("SELECT content_hash, normalized FROM articles ORDER BY 1"))
    assert got == {"h1": '{"case": "lower"}', "h2": None}
