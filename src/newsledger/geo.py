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
from .text import fold

KIND_RANK = {"city": 3, "admin2": 2, "admin1": 1, "country": 0}
# Words that name a settlement (more precise than a town named beside it), not an area.
SETTLEMENTS = {"village", "camp", "refugee camp", "hamlet", "settlement", "administrative post",
               "neighbourhood", "neighborhood", "locality", "town"}
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
    name: str | None = None  # the name to report when it is not the gazetteer's own
    unlisted: bool = False   # a village or camp the gazetteer lacks: coordinates are its region's
    name_kind: str = ""      # the word that called it a place: "village", "camp", "district"…

    @property
    def specificity(self) -> float:
        """How precisely it locates: a town 3, a village the gazetteer lacks 2.5, district 2…"""
        return 2.5 if self.unlisted else KIND_RANK.get(self.place.kind, 0)

    @property
    def location(self) -> str | None:
        if self.place.kind == "country" and not self.unlisted:
            return None
        return self.name or self.place.name


# "the village of X", "X refugee camp", "X district": places too small for the gazetteer
_UNLISTED_BEFORE = re.compile(
    r"\b(?:village|town|city|camp|district|locality|neighbou?rhood|suburb|settlement|commune|"
    r"municipality|administrative post|hamlet|township|market town) of "
    r"(?P<name>(?:(?:al|el|an|ar|as|ad|ash)-)?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})")
_UNLISTED_AFTER = re.compile(
    r"(?<![\w-])(?P<name>(?:(?:al|el|an|ar|as|ad|ash)-)?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}) "
    r"(?P<kind>village|refugee camp|camp|district|administrative post|town|neighbou?rhood|"
    r"locality|area|sub-district|county|township)\b")
_NOT_NAMES = {"The", "A", "An", "This", "That", "Its", "Their", "His", "Her", "Local", "Nearby",
              "Northern", "Southern", "Eastern", "Western", "Central", "Same", "Border"}


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


def choose_place(doc: Doc, lo: int, hi: int, skip: Sequence[tuple[int, int]] = (),
                 gazetteer=None) -> Located | None:
    """The most specific place named between offsets lo and hi (ties: the first named);
    a village or camp the gazetteer lacks wins over the region it lies in."""
    skip = list(skip) + ([doc.dateline] if doc.dateline else [])
    inside = [m for m in doc.places if lo <= m.start and m.end <= hi and m.candidates
              and not any(s <= m.start and m.end <= e for s, e in skip)]
    named = {m.candidates[0].country for m in inside if m.candidates[0].kind == "country"}
    trusted = set(doc.countries[:1]) | named
    best: tuple | None = None
    for m in inside:
        place = rank_candidates(m.candidates, [*doc.countries[:1], *named, *doc.countries])[0]
        if place.kind == "country" and _is_adjective(doc.text, m) or _far_fetched(m, place, trusted):
            continue
        key = (KIND_RANK.get(place.kind, 0), -m.start)
        if best is None or key > best[0]:
            near = bool(_NEAR.search(doc.text[max(0, m.start - 40):m.start]))
            best = (key, Located(place, m.start, m.end, near, _surface_name(m, place, gazetteer)))
    found = best[1] if best else None
    small = _unlisted(doc, lo, hi, skip, found)
    if small is None:
        return found
    if found is None or found.place.kind != "city" or small.name_kind in SETTLEMENTS:
        return small
    return found


def _far_fetched(m, place, trusted: set[str]) -> bool:
    """A place outside the article's main country and the countries its sentence names is
    trusted only when it is large and written as GeoNames writes it: 'Bodo' in a story from
    Cameroon is a village there, not Bodø in Norway; 'Adane' in Ethiopia is not Adana."""
    if place.kind == "country" or not trusted or place.country in trusted:
        return False
    return place.population < 150_000 or fold(m.text) != fold(place.name)


def _surface_name(m, place, gazetteer) -> str | None:
    """Report the text's own spelling when it is another GeoNames name of the place
    ('Helwan' for Ḩalwān) rather than a typo of it ('Mogadisu')."""
    if fold(m.text) == fold(place.name) or gazetteer is None:
        return None
    exact = gazetteer.lookup(m.text, fuzzy=False)
    if not any(p.name == place.name and p.country == place.country for p in exact):
        return None
    return m.text.title() if m.text.isupper() else m.text


def _unlisted(doc: Doc, lo: int, hi: int, skip, region: Located | None) -> Located | None:
    """A named village/camp/district that the gazetteer does not list, placed in the region
    the same words name (its coordinates stand in, geo_precision 2)."""
    words = doc.text[lo:hi]
    for rx in (_UNLISTED_BEFORE, _UNLISTED_AFTER):
        for m in rx.finditer(words):
            name = m.group("name")
            start = lo + m.start("name")
            if name.split()[0] in _NOT_NAMES or any(s <= start < e for s, e in skip):
                continue
            if region is not None and region.start <= start < region.end:
                continue  # the gazetteer knows it after all
            if any(p.start <= start < p.end and p.candidates[0].kind == "country"
                   for p in doc.places if p.candidates):
                continue  # 'the Iranian town of …': a country word, not the town's name
            within = region or _country_of_article(doc)
            if within is None:
                return None
            kind = m.groupdict().get("kind") or m.group(0).split(" of ")[0].split()[-1]
            return Located(within.place, start, start + len(name), True, name, True, kind.lower())
    return None


def _country_of_article(doc: Doc) -> Located | None:
    """The article's main country, as a place, to hold a village nothing else locates."""
    for m in doc.places:
        top = m.candidates[0] if m.candidates else None
        if top is not None and top.kind == "country" and doc.countries[:1] == [top.country]:
            return Located(top, m.start, m.end, False)
    return None


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
