"""The clean stage's dateline record: found once, read by dates, entities, quotes and places."""
from __future__ import annotations

import pytest

from newsledger.article import Article
from newsledger.document import Doc
from newsledger.extract.clean import mark_dateline, mark_title
from newsledger.extract.text import split_sentences


def cleaned(text: str) -> Doc:
    doc = Doc(Article(text), split_sentences(text))
    mark_title(doc)
    mark_dateline(doc)
    return doc


def spans(doc: Doc, record) -> tuple:
    def part(span):
        return doc.text[span[0]:span[1]] if span else None
    return part(record.place), part(record.date), part(record.agency), doc.text[record.end:].lstrip()[:8]


@pytest.mark.parametrize("text, expected", [
    ("KIRKUK, Iraq, May 4 (Reuters) - A bomb killed two.", ("KIRKUK", "May 4", "Reuters", "A bomb k")),
    ("VOLGOGRAD, August 11 (Itar-Tass) — Six gunmen died.", ("VOLGOGRAD", "August 11", "Itar-Tass", "Six gunm")),
    ("Tamale, Jan 20 (GNA) At least nine died.", ("Tamale", "Jan 20", "GNA", "At least")),
    ("HARBEL/KAKATA (AFP) - Rival crowds met.", ("HARBEL/KAKATA", None, "AFP", "Rival cr")),
    ("ORLA (Vox) – Protests spread.", ("ORLA", None, "Vox", "Protests")),
    ("Gunmen Raid a Farm\n\nKOUDOUGOU, Burkina Faso: Gunmen raided a farm.", ("KOUDOUGOU", None, None, "Gunmen r")),
    ("Beira — Flood waters rose again on Sunday.", ("Beira", None, None, "Flood wa")),
])
def test_a_dateline_is_recorded_with_its_place_date_and_agency(text, expected):
    doc = cleaned(text)
    assert spans(doc, doc.dateline) == expected


@pytest.mark.parametrize("text", [
    "Police said on Monday that the road was open again.",
    "Ten Killed In Market Blast\n\nTen people were killed on Monday.",  # a headline is no dateline
    "The raid by the Coastal Front (CF) has failed, officials said.",
])
def test_no_dateline(text):
    assert cleaned(text).dateline is None


def test_every_dated_paragraph_header_is_recorded_but_only_one_dateline():
    doc = cleaned("Hawija, May 4: Two soldiers were killed by a bomb.\n\n"
                  "Tikrit, May 6: Gunmen shot dead a shopkeeper.\n\n"
                  "Officials said on May 7 that both towns were calm.")
    assert [spans(doc, h)[:3] for h in doc.headers] == [
        ("Hawija", "May 4", None), ("Tikrit", "May 6", None)]
    assert doc.dateline is None  # a chronology's entries: where it happened, not where filed


def test_the_record_is_the_places_cue():
    from newsledger.places.gazetteer import default_gazetteer

    doc = cleaned("LOUMBILA (AFP) - Gunmen raided a farm.")
    gaz = default_gazetteer()
    found = [m.text for m in gaz.find(doc.text, headers=doc.header_places())]
    assert found[:1] == ["LOUMBILA"]
    assert "LOUMBILA" not in [m.text for m in gaz.find(doc.text)]  # no record, no cue
