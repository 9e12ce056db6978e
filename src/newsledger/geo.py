"""Where an event happened: the article's countries, and the best place for one mention.

The gazetteer finds every place name; here we decide which one a mention means: the most
specific name in its words, disambiguated by the countries the article is about.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .document import Doc

KIND_RANK = {"city": 3, "admin2": 2, "admin1": 1, "country": 0}
_NEAR = re.compile(
    r"\b(?:near|outside|close to|on the outskirts of|kilometers? from|kilometres? from|km from|"
    r"miles? from|north of|south of|east of|west of|between)\s+(?:the\s+)?(?:town of\s+|city of\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Located:
    """A place chosen for an event, with the words it was read from."""

    place: object  # gazetteer.Place
    start: int
    end: int
    near: bool  # "near X", "10 km from X": geo_precision 2


def article_countries(doc: Doc, gazetteer) -> list[str]:
    """ISO codes of the countries an article is about, most mentioned first.
    Countries and demonyms count 2, other unambiguous places 1."""
    votes: Counter[str] = Counter()
    for m in doc.places:
        if not m.candidates:
            continue
        top = m.candidates[0]
        votes[top.country] += 2 if top.kind == "country" else 1
    for n in doc.names:
        if n.label == "NORP":
            code = gazetteer.country_code(n.text)
            if code:
                votes[code] += 2
    return [c for c, _ in votes.most_common()]


def rank_candidates(candidates: Sequence, countries: Sequence[str]) -> list:
    """Candidates in the article's countries first (in the article's order), then the rest."""
    order = {c: i for i, c in enumerate(countries)}
    return sorted(candidates, key=lambda p: order.get(p.country, len(order)))


def choose_place(doc: Doc, lo: int, hi: int, skip: Sequence[tuple[int, int]] = ()) -> Located | None:
    """The most specific place named between offsets lo and hi (ties: the first named)."""
    best: tuple | None = None
    for m in doc.places:
        if not (lo <= m.start and m.end <= hi) or not m.candidates:
            continue
        if any(s <= m.start and m.end <= e for s, e in skip):
            continue
        place = rank_candidates(m.candidates, doc.countries)[0]
        if place.kind == "country" and _is_adjective(doc.text, m):
            continue
        key = (KIND_RANK.get(place.kind, 0), -m.start)
        if best is None or key > best[0]:
            near = bool(_NEAR.search(doc.text[max(0, m.start - 40):m.start]))
            best = (key, Located(place, m.start, m.end, near))
    return best[1] if best else None


def country_in(doc: Doc, gazetteer, lo: int, hi: int) -> str | None:
    """A country named in a span, by name or demonym ('Nigerien troops' → NE)."""
    for m in doc.places:
        if lo <= m.start and m.end <= hi and m.candidates and m.candidates[0].kind == "country":
            return m.candidates[0].country
    for word in re.findall(r"\b[A-Z][a-z]+(?:ian|ean|an|ese|i|ish|ic)\b", doc.text[lo:hi]):
        code = gazetteer.country_code(word)
        if code:
            return code
    return None


def _is_adjective(text: str, m) -> bool:
    """'Kenyan police', 'Iraqi troops': the country word only qualifies a noun."""
    return m.text.endswith(("an", "ese", "i", "ish")) and m.text != m.candidates[0].name
