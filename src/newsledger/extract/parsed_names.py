"""Names without the NER: runs of proper nouns in a parsed sentence, labelled from what the
project knows (an experiment for issue 11; the pipeline uses it only with
`speech_names="parse"`, for speech sentences with no trigger word).

en_core_web_sm's NER has its own tok2vec and costs more than the tagger and parser together;
a speech sentence is parsed anyway (quotes and claims read its clauses), so its tags already
say where the proper nouns are. A run of NNP/NNPS tokens the entity ruler did not label is:
a person after a title ('President Ruto', 'Gen. Musa'), a place or a nation when the
gazetteer knows it, an organisation when its last word heads one ('Interior Ministry'), a
date word never, and otherwise a person when it has two words or more (a lone word the NER
would have had to guess is left out).
"""
from __future__ import annotations

from typing import Any

from .. import lexicons
from ..document import Doc, NamedSpan
from .aliases import DEMONYM
from .entities import PLACE_KINDS
from .text import fold

# offices before a name, as written ('President', 'Gen'): the lower-case modifiers ('former',
# 'the') make no person by themselves
_TITLES = {w for w in (*lexicons.words("titles"), *lexicons.words("title_abbreviations"))
           if w[0].isupper()}
_ORG_HEADS = {w.lower() for w in (*lexicons.words("generic_name_heads"),
                                  *lexicons.words("organisation_name_ends"))}
_DATE_WORDS = {w.lower() for w in (*lexicons.words("months"), *lexicons.words("weekdays"))}
_PROPER = ("NNP", "NNPS")


def parsed_names(doc: Doc, index: int, parsed: Any, gazetteer: Any) -> list[NamedSpan]:
    """The names of sentence `index` from its parse and the ruler's labels (`parsed.ents`)."""
    base = doc.sentences[index].start
    out = [NamedSpan(base + e.start_char, base + e.end_char, e.text, e.label_, index)
           for e in parsed.ents]
    taken = {t.i for e in parsed.ents for t in e}
    places = {(p.start - base, p.end - base): p for p in doc.places if p.candidates}
    run: list[Any] = []
    for token in [*parsed, None]:
        if token is not None and token.i not in taken and token.tag_ in _PROPER:
            run.append(token)
            continue
        if run:
            named = _label(run, parsed, places, gazetteer)
            if named is not None:
                start, end, label = named
                out.append(NamedSpan(base + start, base + end, parsed.text[start:end], label, index))
            run = []
        if token is not None and token.i not in taken and token.tag_ == "JJ" \
                and _nation(token.text, gazetteer):  # 'Kenyan officials'
            out.append(NamedSpan(base + token.idx, base + token.idx + len(token), token.text,
                                 "NORP", index))
    return sorted(out, key=lambda n: n.start)


def _label(run: list[Any], parsed: Any, places: dict, gazetteer: Any) -> tuple[int, int, str] | None:
    while run and run[-1].text in ("'s", "’s"):
        run = run[:-1]
    if run and run[-1].lower_ in _ORG_HEADS:  # 'Interior Ministry', 'Kenya Defence Forces'
        return run[0].idx, run[-1].idx + len(run[-1]), "ORG"
    titled = run[0].i > 0 and parsed[run[0].i - 1].text.rstrip(".") in _TITLES
    while run and run[0].text.rstrip(".") in _TITLES:  # 'President Ruto': the name after it
        run, titled = run[1:], True
    if not run or all(t.lower_ in _DATE_WORDS for t in run):
        return None
    start, end = run[0].idx, run[-1].idx + len(run[-1])
    text = parsed.text[start:end]
    if titled:
        return start, end, "PERSON"
    place = places.get((start, end))
    if place is not None and place.candidates[0].kind in PLACE_KINDS:
        return start, end, "GPE"
    if _nation(text, gazetteer):
        return start, end, "NORP"
    if gazetteer.country_code(text):
        return start, end, "GPE"
    if text.isupper() and len(text) >= 2:  # an acronym
        return start, end, "ORG"
    return (start, end, "PERSON") if len(run) >= 2 else None


def _nation(word: str, gazetteer: Any) -> bool:
    """A demonym of a country the gazetteer knows ('Kenyan', 'Somalis'; not 'Sudan')."""
    code = gazetteer.country_code(word) if DEMONYM.search(word) else None
    return code is not None and fold(gazetteer.country_name(code) or "") != fold(word)
