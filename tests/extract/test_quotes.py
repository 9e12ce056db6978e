"""Quotes: direct and indirect speech with speakers, cues and addressees (sentences written here)."""
from __future__ import annotations

import pytest
from test_entities import analyse

from newsledger.extract.quotes import extract_quotes


def quotes(text: str):
    doc = analyse(text)
    out = extract_quotes(doc)
    for q in out:
        assert doc.text[q.start:q.end] == q.text
    return out


def test_straight_and_curly_direct_quotes_with_their_speakers():
    qs = quotes('"We will rebuild every house in the valley," said Maria Okafor, the mayor.\n'
                "“Nobody will be left without shelter this winter,” Tomas Lindqvist told reporters.")
    assert [(q.kind, q.speaker, q.cue) for q in qs] == [
        ("direct", "Maria Okafor", "said"), ("direct", "Tomas Lindqvist", "told")]
    assert qs[0].text == "We will rebuild every house in the valley"


def test_quote_split_around_the_cue_is_one_quote():
    qs = quotes('"The talks," Maria Okafor said, "will resume next week in the capital."')
    assert len(qs) == 1
    assert qs[0].text.startswith("The talks") and qs[0].text.endswith("in the capital.")
    assert qs[0].speaker == "Maria Okafor"


def test_quote_running_over_two_paragraphs():
    text = ('Relief worker Ahmed Farouk described the scene. "The water came at night and took '
            'the bridge with it.\n\n"By morning there was nothing left of the market."')
    qs = quotes(text)
    assert len(qs) == 1
    assert "nothing left of the market" in qs[0].text
    assert qs[0].speaker == "Ahmed Farouk"


def test_scare_quotes_and_short_fragments_are_not_quotes():
    assert quotes('The army promised an "iron fist" against the "terrorists" in the north.') == []


def test_cue_before_the_quote_and_addressee():
    qs = quotes("Interior Minister Rafael Montes told the BBC: “We will not negotiate with armed groups.”")
    assert [(q.speaker, q.cue, q.addressee) for q in qs] == [("Rafael Montes", "told", "BBC")]


def test_pronoun_resolves_to_the_last_person_who_spoke():
    qs = quotes("Defence Minister Rafael Montes visited the base on Friday. "
                '"Our soldiers have done their duty with courage," he said.')
    assert [(q.speaker, q.kind) for q in qs] == [("Rafael Montes", "direct")]


def test_indirect_speech_forms():
    text = ("Governor Ana Ruiz said that the curfew would be lifted on Monday. "
            "The roads to the north remain closed, Ruiz said. "
            "According to Ana Ruiz, the schools will reopen next month.")
    qs = [q for q in quotes(text) if q.kind == "indirect"]
    assert [q.text for q in qs] == ["the curfew would be lifted on Monday",
                                    "The roads to the north remain closed",
                                    "the schools will reopen next month"]
    assert len({q.speaker for q in qs}) == 1 and qs[0].speaker.endswith("Ruiz")


def test_told_reporters_and_an_official_by_role():
    text = ("An army spokesman told reporters the toll had risen to 12. "
            "Colonel Idris Bako said the convoy was attacked near the bridge, adding that two "
            "vehicles were burnt.")
    qs = [q for q in quotes(text) if q.kind == "indirect"]
    assert [(q.speaker, q.text) for q in qs] == [
        ("army spokesman", "the toll had risen to 12"),
        ("Idris Bako", "the convoy was attacked near the bridge"),
        ("Idris Bako", "two vehicles were burnt")]


def test_the_minister_resolves_to_the_named_minister():
    text = ("Health Minister Clara Dube visited the hospital on Tuesday. "
            "The minister said that 40 people were still being treated.")
    qs = quotes(text)
    assert [(q.speaker, q.kind) for q in qs] == [("Clara Dube", "indirect")]


def test_police_and_witnesses_are_claims_not_quotes():
    text = ("Police said the gunmen fled on motorbikes. Witnesses said the shooting lasted an hour. "
            "A doctor told AFP that six people were wounded.")
    assert quotes(text) == []


def _indirect(text: str):
    return [(q.speaker, q.text, q.cue) for q in quotes(text) if q.kind == "indirect"]


def test_cue_in_the_middle_of_the_sentence():
    found = _indirect("Beyond the border, Governor Ana Ruiz said, the roads will stay closed until spring.")
    assert [(s.endswith("Ana Ruiz"), c) for s, _, c in found] == [(True, "said")]
    assert "the roads will stay closed" in found[0][1] and found[0][1].startswith("Beyond")


def test_inverted_cue_with_an_appositive():
    found = _indirect("The bridge will reopen next month, said Tomas Lindqvist, a regional engineer.")
    assert found == [("Tomas Lindqvist", "The bridge will reopen next month", "said")]


def test_words_between_the_cue_and_that():
    found = _indirect("Governor Ana Ruiz said during a visit to the port on Friday that the ferries "
                      "would resume.")
    assert [(s.endswith("Ana Ruiz"), t, c) for s, t, c in found] == [
        (True, "the ferries would resume", "said")]


def test_quotes_written_with_doubled_apostrophes():
    qs = quotes("''We will not leave this valley,'' said Maria Okafor, a farmer.")
    assert [(q.kind, q.speaker, q.text) for q in qs] == [
        ("direct", "Maria Okafor", "We will not leave this valley")]


def test_quote_with_no_cue_takes_the_speaker_of_the_sentence_before():
    qs = quotes('The curfew will be lifted soon, Maria Okafor said. "Nobody should travel at night '
                'until then."')
    assert [(q.kind, q.speaker) for q in qs if q.kind == "direct"] == [("direct", "Maria Okafor")]


def test_quote_signed_with_a_dash():
    qs = quotes("“We need clean water before anything else.” ― Maria Okafor")
    assert [(q.speaker, q.cue) for q in qs] == [("Maria Okafor", "―")]


def test_clause_fragments_are_not_speakers():
    text = ("The minister visited the camp where she delivered a long speech and said the aid "
            "would arrive on Monday.")
    assert all(q.speaker not in ("and", "where she delivered a long speech") for q in quotes(text))


def test_sentence_final_cue_after_a_name_and_its_description():
    qs = quotes("Two more homes were burned when the gunmen came back at dawn, Ibrahim Sule, "
                "a former district chairman, told reporters.")
    assert [(q.kind, q.speaker) for q in qs] == [("indirect", "Ibrahim Sule")]
    assert qs[0].text.startswith("Two more homes were burned")
    # a description alone is an anonymous source: a claim, not a quote
    assert quotes("Two more homes were burned when the gunmen came back at dawn, "
                  "a local official, told reporters.") == []


def test_pronoun_takes_up_the_person_who_opens_the_sentence_before():
    qs = quotes("Governor Ana Ruiz said the road would reopen. Pedro Salas, who farms near the "
                "river, gave a different account. He said the bridge had collapsed overnight.")
    assert [(q.speaker, q.text) for q in qs][-1] == ("Pedro Salas", "the bridge had collapsed overnight")


def test_a_definite_role_takes_up_the_last_person_named_as_subject():
    qs = quotes("General Tahar Benali criticised the opposition on Monday.\n"
                "The armed forces chief of staff said the army would guarantee the vote.")
    assert [(q.speaker, q.kind) for q in qs] == [("Tahar Benali", "indirect")]


def test_subject_with_an_acronym_in_brackets_is_not_a_dateline():
    qs = quotes("The offensive by the Coastal Fishers Union (CFU) has failed, "
                "army spokesman Colonel Ahmed Toure told AFP.")
    assert [q.text for q in qs] == ["The offensive by the Coastal Fishers Union (CFU) has failed"]
    qs = quotes("KANO (Reuters) - The offensive has failed, army spokesman Colonel Ahmed Toure said.")
    assert [q.text for q in qs] == ["The offensive has failed"]


def test_addressed_cue_and_adding_without_a_comma():
    qs = quotes("Colonel Ahmed Toure assured the visitors that the park remains safe adding that "
                "by the end of the week, the roads will be patrolled.")
    assert [(q.speaker, q.cue, q.text) for q in qs] == [
        ("Ahmed Toure", "assured", "the park remains safe"),
        ("Ahmed Toure", "adding", "by the end of the week, the roads will be patrolled")]


def test_quote_opening_a_paragraph_is_attributed_in_the_next():
    text = ("The council met on Monday to discuss the floods.\n\n"
            "“We will not abandon the families who lost everything this spring.”\n\n"
            "Mayor Jane Okonkwo said the town would rebuild the bridge within a year.")
    assert [(q.kind, q.speaker) for q in quotes(text)] == [("direct", "Jane Okonkwo"),
                                                          ("indirect", "Jane Okonkwo")]
    # the next sentence's speaker must open it: a cue deep in a sentence about something else
    text = ("The council met on Monday to discuss the floods.\n\n"
            "“We will not abandon the families who lost everything this spring.”\n\n"
            "Rain fell for a fifth day on the valley and the roads to the two northern villages "
            "were still closed on Tuesday, Mayor Jane Okonkwo said.")
    assert quotes(text)[0].speaker is None


def test_single_quote_marks_where_the_article_has_no_double_ones():
    qs = quotes("'We will rebuild every house in the valley,' said Maria Okafor, the mayor. "
                "The villagers' leaders met on Monday.\n\n"
                "‘Nobody will be left without shelter this winter,’ Okafor told reporters.")
    assert [(q.speaker, q.text) for q in qs] == [
        ("Maria Okafor", "We will rebuild every house in the valley"),
        ("Maria Okafor", "Nobody will be left without shelter this winter")]
    assert quotes("The protesters' demands were not met, and the mayor's office was shut. "
                  "It's over, the organisers' statement added.") == []
    # with double marks in the article, single ones are nested or scare quotes
    qs = quotes('"The so-called \'peace plan\' will not bring the families home," Okafor said.')
    assert [q.text for q in qs] == ["The so-called 'peace plan' will not bring the families home"]


def test_a_document_speaks_for_the_body_that_issued_it():
    qs = quotes('"A group of rioters threw stones at the station from a rooftop," '
                "a government statement said.")
    assert [q.speaker for q in qs] == ["government"]
    qs = quotes('"The suspects will face the full weight of the law," the police said.')
    assert [q.speaker for q in qs] == ["police"]


@pytest.mark.parametrize("tail", ["told Reuters by phone.", "said after the meeting.", "said in Quito."])
def test_sentence_final_cue_with_a_short_phrase_after_it(tail):
    qs = quotes("The road to the northern villages will stay closed until the bridge is repaired, "
                "Governor Ana Ruiz " + tail)
    assert [(q.kind, q.text) for q in qs] == [
        ("indirect", "The road to the northern villages will stay closed until the bridge is repaired")]


@pytest.mark.parametrize("second, found", [
    # 'it' opening the content clause is its subject, not the cue's object
    ("He said it was wrong of the opposition to exploit the unrest.",
     [("Karim Haddad", "it was wrong of the opposition to exploit the unrest")]),
    ("He said it in a statement.", []),
    # a participle cue takes the subject of the verb it hangs on
    ("He also rejected the report, saying the violence had largely ended.",
     [("Karim Haddad", "the violence had largely ended")]),
])
def test_pronoun_subjects_of_indirect_speech(second, found):
    qs = quotes("Interior Minister Karim Haddad visited the province on Monday.\n\n" + second)
    assert [(q.speaker, q.text) for q in qs] == found


@pytest.mark.parametrize("second, found", [
    # 'pointed out that' and 'promised that' open a content clause
    ("He pointed out that the new bridge had been built without a permit.",
     [("Karim Haddad", "the new bridge had been built without a permit")]),
    ("He promised on Sunday that the schools would reopen before the rains.",
     [("Karim Haddad", "the schools would reopen before the rains")]),
    # without a clause they report nothing
    ("He pointed out the damaged houses to reporters.", []),
    ("He promised to rebuild the schools.", []),
])
def test_cues_that_open_a_clause_only_with_that(second, found):
    qs = quotes("Interior Minister Karim Haddad visited the province on Monday.\n\n" + second)
    assert [(q.speaker, q.text) for q in qs] == found


@pytest.mark.parametrize("text, speakers", [
    # a participle after a quote is no inverted cue: the quote is the possessor's statement
    ('Interior Minister Karim Haddad spoke on Monday. He rejected Judge Maria Okafor\'s statement '
     'that "the courts have been silenced for a year," saying the courts were working.',
     ["Maria Okafor"]),
    # an inverted cue after a quote still names its speaker
    ('"The courts have been silenced for a year," said Judge Maria Okafor on Monday.', ["Maria Okafor"]),
])
def test_a_quote_owned_by_a_possessive(text, speakers):
    assert [q.speaker for q in quotes(text) if q.kind == "direct"] == speakers


@pytest.mark.parametrize("middle, speaker", [
    # 'He …' opening the sentence before: the person he stands for, not a possessive name
    ("He blamed the unrest on rivals of President Tomas Lindqvist's party.", "Karim Haddad"),
    # a person named (not as a possessive) in the sentence before speaks
    ("Relief worker Ahmed Farouk described the damage.", "Ahmed Farouk"),
])
def test_a_quote_opening_a_paragraph_after_a_sentence_with_no_cue(middle, speaker):
    text = ("Interior Minister Karim Haddad said on Monday that the roads were open.\n\n" + middle
            + '\n\n"We cannot deny that the bridge has been damaged by the floods."')
    found = [q for q in quotes(text) if q.kind == "direct"]
    assert [q.speaker for q in found] == [speaker]


# ---- cues past an abbreviation, cues beside a quote only, questions (written for issue 10) ----
@pytest.mark.parametrize("sentence, speaker", [
    ('"The bridge will reopen before the rains," Mr. Okonkwo said.', "Okonkwo"),
    ('"The bridge will reopen before the rains," said Gen. Amadou K. Traore, the army chief.',
     "Amadou K. Traore"),
    ('"The bridge will reopen before the rains," Rep. Lena Varga (D-Md.) said on Monday.', "Lena Varga"),
    ('"The bridge will reopen before the rains," Senator Paul Brandt, R-Ky., said.', "Paul Brandt"),
])
def test_a_cue_after_the_quote_reads_past_an_abbreviations_full_stop(sentence, speaker):
    qs = quotes("Officials met in the capital on Monday to discuss the floods.\n\n" + sentence)
    assert speaker in qs[0].speaker and qs[0].cue == "said"


def test_a_full_stop_that_ends_the_sentence_still_ends_the_cue_search():
    # the quote's sentence ends; the next sentence's cue belongs to someone else's words
    qs = quotes('Mayor Ines Duarte toured the valley. "We have lost the harvest this year," she said. '
                "Farmer Jonas Weber said the river rose in an hour.")
    assert qs[0].speaker == "Ines Duarte"


@pytest.mark.parametrize("text, speaker, cue", [
    ('Senator Mara Lind pressed the banker. "Why is this bank still too big to manage?" Lind demanded.',
     "Mara Lind", "demanded"),
    ('Mary Holt, whose husband died in the attack, spoke after the vote. She continued, '
     '"All we ask for is a day in court."', "Mary Holt", "continued"),
    ('The economist Peter Brandt was blunt. Said Brandt: "Nobody here believes the budget adds up."',
     "Peter Brandt", "said"),
    ('As Lucia P. Ferrer, a tax lawyer, recently put it, "Was this legal avoidance or illegal evasion?"',
     "Lucia P. Ferrer", "put it"),
])
def test_cues_beside_a_quote(text, speaker, cue):
    qs = quotes("Budget talks stall\n\n" + text)
    assert (qs[-1].speaker, qs[-1].cue) == (speaker, cue)


def test_a_side_cue_without_a_named_speaker_gives_none():
    # 'reads' speaks only for a speaker it names: a banner is none, and the quote stays unattributed
    qs = quotes('Flood waters rose overnight.\n\n"Nobody came to help us in time," reads a banner on the bridge.')
    assert qs[0].speaker is None


def test_a_new_sentence_after_a_question_is_not_its_cue():
    qs = quotes('Flood waters rose overnight in the valley.\n\n'
                '"Why did nobody come to help us?" Residents said the police stayed away for hours '
                "while the water rose in the streets.")
    assert all(q.speaker != "Residents" for q in qs)
    assert qs[0].cue is None


@pytest.mark.parametrize("text, speaker, cue", [
    ('Maria Okafor, the governor, welcomed the decision. She called the ruling '
     '"a victory for every voter in the state."', "Maria Okafor", "called"),
    ('Rafael Montes described the plan as "reckless and far too late for the farmers."', "Rafael Montes",
     "described"),
])
def test_a_subject_who_characterises_something_in_quotation_marks(text, speaker, cue):
    qs = quotes("Ruling upheld\n\n" + text)
    assert (qs[-1].speaker, qs[-1].cue) == (speaker, cue)


@pytest.mark.parametrize("text", [
    'Police found a note reading "we will come back for the rest of you."',  # no person subject
    'Rafael Montes read a poem titled "The Long Night of the River Crossing."',  # no such verb
])
def test_a_quotation_in_a_sentence_whose_subject_does_not_speak_it(text):
    assert quotes("Ruling upheld\n\n" + text)[-1].speaker is None


def test_transcript_labels_name_the_speaker():
    text = ("Governor Mike Pence spoke to Chris Wallace on Sunday.\n\n"
            '"WALLACE: Will the guest be there tomorrow night, Governor?\n\n'
            '"PENCE: She will not be attending the debate tomorrow night."')
    assert [q.speaker for q in quotes(text)] == ["Chris Wallace", "Mike Pence"]


def test_a_capitalised_opening_without_a_colon_is_no_label():
    qs = quotes('Governor Mike Pence spoke on Sunday.\n\n"NATO must spend more on its own defence," he said.')
    assert qs[0].speaker == "Mike Pence"


@pytest.mark.parametrize("text, speaker", [
    # the pronoun after the last comma of a clause before the cue
    ('Senator Ruth Warren questioned the banker. "You squeezed your staff to the breaking point" '
     "to drive up the stock price and your pay, she said.", "Ruth Warren"),
    # the pronoun opening the clause a participle cue hangs on
    ('Governor Paul Dean appeared on television on Tuesday. He then defended the remark, saying, '
     '"I do not think this is a ridiculous idea at all."', "Paul Dean"),
])
def test_a_pronoun_in_a_clause_before_the_cue_is_the_speaker(text, speaker):
    qs = [q for q in quotes("Hearing ends\n\n" + text) if q.kind == "direct"]
    assert qs[-1].speaker == speaker


def test_a_pronoun_joined_to_others_is_no_clause_subject():
    from newsledger.extract.speech import _clause_pronoun
    assert _clause_pronoun("he and his aides") is None
    assert _clause_pronoun("the minister") is None
    assert _clause_pronoun("he then defended the remark") == "he"


def test_a_characterising_subject_after_a_run_of_titles():
    qs = quotes("Ruling upheld\n\nRiver State Farmers Union Chairman Pedro Alves called the ruling "
                '"a huge win for every farmer in the valley."')
    assert (qs[0].speaker, qs[0].cue) == ("Pedro Alves", "called")


def test_a_characterising_subject_must_open_the_sentence():
    qs = quotes("Ruling upheld\n\nAfter the vote in the town where Pedro Alves lives, the council called the "
                'ruling "a huge win for every farmer in the valley."')
    assert qs[0].speaker is None


@pytest.mark.parametrize("office, speaker", [
    ("the president", "Samuel Okoro"),          # the office after the name, as an appositive
    ("the president's brother", "president"),   # another's office: 'the president' stays unnamed
])
def test_the_office_named_after_a_person(office, speaker):
    qs = quotes(f"Border talks\n\nOn Sunday, state radio interviewed Samuel Okoro, {office}, about the war.\n\n"
                "The president said the rebels had been pushed back across the border.")
    assert qs[-1].speaker == speaker


def test_a_sentence_final_cue_after_a_long_clause_takes_the_named_official():
    qs = quotes("Governor Maria Okafor visited the flooded district on Monday.\n\n"
                "The waters had risen faster than at any time since records began in the valley, and the "
                "dams upstream, built decades ago for a smaller river, could not hold them back, the governor said.")
    assert (qs[-1].kind, qs[-1].speaker) == ("indirect", "Maria Okafor")
    assert qs[-1].text.startswith("The waters had risen") and qs[-1].text.endswith("hold them back")


@pytest.mark.parametrize("after, speaker", [
    # the next paragraph opens with someone who speaks: the quote is theirs
    ("Interior Minister Rafael Montes said the police would patrol the highway day and night.", "Rafael Montes"),
    # it names someone without a cue: the person named before keeps the quote
    ("The words of Interior Minister Rafael Montes came after a week of killings.", "Omar Diallo"),
])
def test_a_quote_paragraph_attributed_in_the_next(after, speaker):
    qs = quotes("Police chief Omar Diallo toured the checkpoints on Monday.\n\n"
                '"We will not tolerate any more attacks on our officers and their families."\n\n' + after)
    assert qs[0].kind == "direct" and qs[0].speaker == speaker


@pytest.mark.parametrize("clause, speaker", [
    ("which Mr. Clarke says he is doing everything he can to keep open", "Tom Clarke"),
    ("which says it is doing everything it can to keep the pits open", None),  # the mine's own words
])
def test_the_subject_of_a_relative_clause_speaks(clause, speaker):
    qs = [q for q in quotes("Mine deal\n\nTom Clarke bought the mine in 2015. The union took a stake in the "
                            f"Federal mine, {clause}.") if q.kind == "indirect"]
    assert [q.speaker for q in qs] == ([speaker] if speaker else [])


@pytest.mark.parametrize("text, speaker", [
    # another civil office: the minister is not the governor named before
    ('Governor Amina Bello visited the flooded town on Monday. "We will rebuild every home," '
     "the minister said.", "minister"),
    ("Gov. Amina Bello visited the flooded town on Monday.\n"
     "The president said the army would help.", "president"),
    # the same office, or a rank whose holder has the role
    ('Governor Amina Bello visited the flooded town on Monday. "We will rebuild every home," '
     "the governor said.", "Amina Bello"),
    ('General Ali Musa inspected the troops on Monday. "We are ready to defend the border," '
     "the chief of staff said.", "Ali Musa"),
    ('Foreign Minister Ana Reyes landed in Lima on Monday. "Our talks were useful," the minister said.',
     "Ana Reyes"),
])
def test_a_definite_office_takes_up_a_person_of_that_office_only(text, speaker):
    assert [q.speaker for q in quotes(text)] == [speaker]


@pytest.mark.parametrize("text, speaker, content", [
    ("The mayor, Carlos Ruiz, is telling reporters that the city will stay calm.",
     "Carlos Ruiz", "the city will stay calm"),
    ("Carlos Ruiz was saying that the city will stay calm.", "Carlos Ruiz", "the city will stay calm"),
    ("Carlos Ruiz was repeatedly telling residents that the water was safe.",
     "Carlos Ruiz", "the water was safe"),
])
def test_a_progressive_cue_introduces_indirect_speech(text, speaker, content):
    assert [(q.speaker, q.text, q.kind) for q in quotes(text)] == [(speaker, content, "indirect")]


def test_a_participle_telling_alone_takes_no_clause():
    qs = quotes("Carlos Ruiz left the hall, telling his aides to wait outside.")
    assert [q for q in qs if q.kind == "indirect"] == []
