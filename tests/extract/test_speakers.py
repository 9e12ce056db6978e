"""Who speaks, in sentence shapes read wrong on unseen articles (sentences written here): each
rule with a row on both sides — where it names the speaker, and where it must not."""
from __future__ import annotations

import pytest
from test_entities import analyse

from newsledger.article import Article
from newsledger.extract.claims import extract_claims
from newsledger.extract.quotes import extract_quotes


def attributed(text: str) -> list[tuple[str, str | None, str]]:
    """(kind, speaker or claimant, first words) of every quote and claim, in text order."""
    doc = analyse(text)
    out = [(q.kind, q.speaker, q.text, q.start) for q in extract_quotes(doc)]
    out += [("claim", c.claimant, c.text, c.start) for c in extract_claims(doc)]
    for _, _, words, start in out:
        assert doc.text[start:start + len(words)] == words
    return [(k, who, " ".join(words.split()[:3])) for k, who, words, _ in sorted(out, key=lambda x: x[3])]


def speakers(text: str) -> list[str | None]:
    return [who for _, who, _ in attributed(text)]


@pytest.mark.parametrize("text, expected", [
    # an official's role after an inverted cue gives way to the name in apposition…
    ("The raid took place in a remote village in the north of the province, said the "
     "regional army commander, Gen. Pedro Luis Marquez.", ["Pedro Luis Marquez"]),
    ('"We will rebuild every house that was lost in the storm," said the regional governor, '
     "Dr. Maria Lopez.", ["Maria Lopez"]),
    # …not to a name that is someone else's ('whose deputy, Maria Lopez,')
    ('"We will rebuild every house that was lost in the storm," said a spokesman, whose '
     "deputy Maria Lopez was away.", ["spokesman"]),
    # a name in apposition after a role before the cue is no compound of the group noun
    ('"Aid will reach every village by Friday," a spokesman for the agency, Yusuf Garba, said.',
     ["Yusuf Garba"]),
    ("A spokesman for the agency, Yusuf Garba, said aid would reach every village by Friday.",
     ["Yusuf Garba"]),
    # a role, then the name, before a cue that ends the sentence…
    ("More than 300 houses were razed in the villages, while the cattle were driven off, the "
     "state police spokesman, Gambo Isah, told reporters.", ["Gambo Isah"]),
    # …not a place before the name ('in Kano, Gambo Isah,' is no office)
    ("More than 300 houses were razed in the villages, while the cattle were driven off, in "
     "Kano, Gambo Isah, told reporters.", []),
])
def test_names_in_apposition_to_a_role(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the truecaser made '(D-Md.) said' a sentence of its own: 'Said in a phone interview.'
    ('"He would be a fine governor. Not good, great," Rep. Anna B. Holloway (D-Md.) said in '
     "a phone interview.", ["Anna B. Holloway"]),
    ('"He would be a fine governor, and a great one," Rep. Anna B. Holloway said.',
     ["Anna B. Holloway"]),
])
def test_a_party_and_state_after_the_name(pipeline, text, expected):
    # the truecaser runs in the pipeline's normaliser, before the sentences are split
    assert [q.speaker for q in pipeline.extract(Article(text)).quotes] == expected


@pytest.mark.parametrize("text, expected", [
    # a sentence connective is no subject…
    ("However, 63 percent of voters said the senator was right to keep the report private.",
     [("claim", "63 percent of voters", "the senator was")]),
    ("Still, the agency said the cuts would hurt growth in the coming years.",
     [("claim", "agency", "the cuts would")]),
    # …and a comma after a name keeps it ('Mr. Harlan, however, said')
    ("Mr. Tom Harlan, however, said the plan would raise taxes on the rich.",
     [("indirect", "Tom Harlan", "the plan would")]),
    # '…, but Harlow said' starts a new clause with its own subject…
    ("The man had raised his hands before he was hit, but Jim Harlow said he refused "
     "to follow orders.", [("indirect", "Jim Harlow", "he refused to")]),
    # …and so do words in lower case after it, without the bare words that open them
    ("The man had raised his hands before he was hit, but later the officers said he refused "
     "to follow orders.", [("claim", "officers", "he refused to")]),
])
def test_what_opens_the_sentence_before_the_subject(text, expected):
    assert attributed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a possessive or a subject pronoun after the cue opens a clause where the parse says so…
    ("Attorney General Loretta Kemp said her colleague had not worked on the case.",
     [("indirect", "Loretta Kemp", "her colleague had")]),
    ("Critics say it underscores the resolve of the regime to build more warheads.",
     [("claim", "Critics", "it underscores the")]),
    # …an object pronoun does not ('said it in a speech', 'told them to leave')
    ("Governor Maria Lopez said it in a speech to supporters on Monday night.", []),
    ("Officials told them to leave the area at once.", []),
])
def test_a_pronoun_after_the_cue(text, expected):
    assert attributed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a coordinated cue takes the first verb's subject…
    ("Governor Maria Lopez condemned the violence and reported that several arrests had been "
     "made.", [("indirect", "Maria Lopez", "several arrests had")]),
    ("The ministry condemned the attack and said that the culprits would be punished.",
     [("claim", "ministry", "the culprits would")]),
    # …and without a subject that names someone, nobody speaks
    ("He claimed vast wealth and said it ensured he was not beholden to anyone.", []),
])
def test_coordinated_cues(text, expected):
    assert attributed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a colon after a short clause opened by a person…
    ('Senator Claire Dunmore (D-Mo.) scolded him: "The scientific community is almost united '
     'against you on this."', ["Claire Dunmore"]),
    # …not when another person is named before the colon
    ('Senator Claire Dunmore read out the letter of Ruth Kagame: "The scientific community is '
     'almost united against you on this."', [None]),
    ('According to Tom Hartley, "if it was left up to her, she would not have time to say '
     'anything positive."', ["Tom Hartley"]),
])
def test_a_speaker_before_the_quote_without_a_cue(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the person opening the pronoun's own sentence is the one it takes up…
    ("Dr. Paul Hendry, a surgeon, said the treatment had no proven effect. Senator Claire "
     'Dunmore (D-Mo.) scolded him: "The scientific community is almost united against you on '
     'this," she said.', ["Paul Hendry", "Claire Dunmore"]),
    # …but not a name inside its quote
    ('Mayor Jane Holt spoke first. "Ruth Kagame is wrong about the budget," he said.',
     ["Jane Holt"]),
    # a bare word before the pronoun and a contracted auxiliary after it are not the speaker
    ("Mayor Jane Holt spoke first. So she says that parents should borrow against the house.",
     ["Jane Holt"]),
    ("I've argued that the rules should apply to every candidate equally.", ["I"]),
    # 'it' and 'they' take up an organisation that opens a sentence before them…
    ("The Interior Ministry issued a statement on Monday. It said the curfew would be lifted "
     "at dawn.", ["Interior Ministry"]),
    # …not one named later in its sentence
    ("Reporters asked about the Interior Ministry on Monday. It said the curfew would be "
     "lifted at dawn.", []),
])
def test_pronouns(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a lone surname of one person of the article is that person…
    ("Attorney General Loretta Kemp met the families on Monday. Kemp said her office had not "
     "worked on the case.", ["Loretta Kemp"]),
    # …not when two people share it
    ("Loretta Kemp and John Kemp met the families on Monday. Kemp said the office had not "
     "worked on the case.", ["Kemp"]),
])
def test_surnames(text, expected):
    assert [who for k, who, _ in attributed(text)] == expected


def test_a_dateline_opening_the_speakers_words_is_cut():
    assert speakers("ADEN (Saba) The governor said the curfew would be lifted on Friday.") \
        == ["governor"]
    assert speakers("The governor of Aden said the curfew would be lifted on Friday.") \
        == ["governor of Aden"]


@pytest.mark.parametrize("text, expected", [
    # an organisation's statement speaks for the organisation, named as the entity…
    ('The State Committee for National Security (SCNS) said the guards opened fire. "Two '
     'guards were wounded by the return fire of the other side," the SCNS statement says.',
     ["State Committee for National Security", "State Committee for National Security"]),
    # …a statement of no organisation named is the document's body as written
    ("A government statement said the curfew would be lifted.", ["government"]),
])
def test_an_organisations_statement(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a quote too short to keep, with its own cue, says who goes on speaking in the next one…
    ("In Lima the mood was grim. ''That is weak,'' said Luis Herrera, who heads the Center for "
     "Rural Studies in Lima. ''There is nothing more important here than the treaty.''",
     ["Luis Herrera"]),
    # …a scare quote, with no cue of its own, does not
    ('The army promised an "iron fist" in the north. "We will not allow the town to fall to the '
     'rebels," the statement read.', [None]),
])
def test_a_short_quote_with_its_own_cue(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a connective before the subject that characterises a quotation…
    ('Mayor Jane Holt spoke first. However, she described the plan as "a betrayal of every '
     'family in the valley".', ["Jane Holt"]),
    ('Mayor Jane Holt spoke first. In contrast, Governor Tom Reyes called the plan "a gift to '
     'every family in the valley".', ["Tom Reyes"]),
    # …and a place before it is no connective
    ('Mayor Jane Holt spoke first. In Lima, the papers called the plan "a gift to every family '
     'in the valley".', [None]),
])
def test_a_connective_before_a_characterising_subject(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a participle cue before a quote has its content after it, none before it…
    ('Governor Tom Reyes mocked the plan during the debate, saying, "Nobody in this state '
     'believes a word of it."', [("direct", "Tom Reyes", "Nobody in this")]),
    # …a sentence-final cue has it before
    ("The talks will resume in the capital in May, Governor Tom Reyes said.",
     [("indirect", "Tom Reyes", "The talks will")]),
])
def test_a_participle_cue_before_a_quote(text, expected):
    assert attributed(text) == expected
