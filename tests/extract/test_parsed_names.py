"""Names read from a parsed sentence without the NER (speech_names="parse", an experiment):
proper-noun runs labelled from titles, organisation heads, the gazetteer and demonyms."""
from dataclasses import replace

import pytest

from newsledger.article import Article
from newsledger.extract.parsed_names import parsed_names


@pytest.fixture(scope="module")
def names_of(pipeline):
    def run(text: str) -> dict[str, str]:
        doc = pipeline._prepare(Article(text))
        pipeline._find(doc)
        out = {}
        with pipeline.nlp.select_pipes(disable=["ner"]):
            for i, sentence in enumerate(doc.sentences):
                parsed = pipeline.nlp(sentence.text)
                out.update({n.text: n.label for n in parsed_names(doc, i, parsed, pipeline.gazetteer)})
        return out

    return run


@pytest.mark.parametrize("text, name, label", [
    ("President Halima Osei said the vote would go ahead.", "Halima Osei", "PERSON"),  # title
    ("The Interior Ministry said the curfew would stay.", "Interior Ministry", "ORG"),  # its head
    ("Residents of Nairobi said the water was cut off.", "Nairobi", "GPE"),            # gazetteer
    ("Kenyan officials said the talks would resume.", "Kenyan", "NORP"),               # demonym
    ("The spokesman told reporters Daniel Otieno had resigned.", "Daniel Otieno", "PERSON"),
])
def test_a_proper_noun_run_gets_a_label(names_of, text, name, label):
    assert names_of(text).get(name) == label


@pytest.mark.parametrize("text, word", [
    ("Officials said on Monday that the road was open.", "Monday"),   # a date word
    ("The former mayor said the road was open.", "former"),           # a modifier, no name
    ("Okonkwo said the road was open.", "Okonkwo"),                   # a lone word: left to the NER
])
def test_no_name(names_of, text, word):
    assert word not in names_of(text)


def test_a_country_is_a_place_not_a_nation(names_of):
    assert names_of("Sudan said the road was open.").get("Sudan") == "GPE"


def test_the_pipeline_reads_them_only_when_asked(pipeline):
    """Off by default; with "parse", a speech sentence with no trigger word skips the NER."""
    text = "Police said two people died. Amina Diallo said the vote would go ahead."
    assert pipeline.speech_names == "ner"
    found = {}
    for mode in ("ner", "parse"):
        p = replace(pipeline, speech_names=mode)
        doc = p._prepare(Article(text))
        p._find(doc)
        doc.selected.update(range(len(doc.sentences)))
        p._parse([doc])
        found[mode] = [(n.text, n.label) for n in doc.names if n.sentence == 1]
    ner = pipeline.nlp(doc.sentences[1].text).ents
    assert found["ner"] == [(e.text, e.label_) for e in ner]
    assert found["parse"] == [("Amina Diallo", "PERSON")]
