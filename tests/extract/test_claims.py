"""Claims: statements attributed to a source (sentences written here)."""
from __future__ import annotations

from test_entities import analyse

from newsledger.extract.claims import extract_claims


def claims(text: str):
    doc = analyse(text)
    out = extract_claims(doc)
    for c in out:
        assert doc.text[c.start:c.end] == c.text
    return [(c.claimant, c.text) for c in out]


def test_police_and_witnesses_said():
    assert claims("Police said the gunmen fled on motorbikes. "
                  "Witnesses said the shooting lasted an hour.") == [
        ("police", "the gunmen fled on motorbikes"),
        ("witnesses", "the shooting lasted an hour")]


def test_according_to_police_and_sentence_final_cue():
    assert claims("According to police, the bomb was hidden in a car. "
                  "Three suspects were arrested on Sunday, officials said.") == [
        ("police", "the bomb was hidden in a car"),
        ("officials", "Three suspects were arrested on Sunday")]


def test_organisation_claims_use_the_entity_name():
    found = claims("The Muslim Brotherhood said the arrests were politically motivated.")
    assert found == [("Muslim Brotherhood", "the arrests were politically motivated")]


def test_accusations_and_denials():
    found = claims("The government has accused Boko Haram of organising the attack. "
                   "Boko Haram denied any role in the bombing.")
    assert ("government", "Boko Haram of organising the attack") in found
    assert ("Boko Haram", "any role in the bombing") in found


def test_reports_said():
    assert ("reports", "looting in the eastern districts") in \
        claims("There were reports of looting in the eastern districts.")


def test_a_named_persons_statement_is_a_quote_not_a_claim():
    assert claims("Governor Ana Ruiz said that the curfew would be lifted on Monday.") == []


def test_clause_fragments_are_not_claimants():
    found = claims("Aid arrived late, although they said the road had been cleared on Monday.")
    assert all(not who.lower().startswith(("although", "and", "where")) for who, _ in found)
