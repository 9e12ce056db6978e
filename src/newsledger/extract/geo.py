"""Where an event happened: the article's countries, and the best place for one mention.

The gazetteer finds every place name; here we decide which one a mention means: the most
specific name in its words, disambiguated by the countries the article is about.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..document import Doc
from .cues import PLACE_OF_SPEECH
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
    r"locality|area|sub-district|county|township|state|province|hill)\b")
# "Kuruvita, 125 kilometers south of Kandy": a place told by its distance from a known one
_UNLISTED_DISTANCE = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?),? (?:about |some |nearly |around )?"
    r"\d[\d,.]* ?(?:kilometers?|kilometres?|km|miles?) (?:\(.{0,20}\) )?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)? (?:of|from)|from|outside)\b")
# "an attack on a mosque in Kouyape in northern Cameroon": a small place inside a known one
_UNLISTED_IN_IN = re.compile(
    r"\b(?:in|at) (?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?),? in (?:the )?"
    r"(?:(?:north|south|east|west|central)\w* )?(?=[A-Z])")
_UNLISTED_RULES = ((_UNLISTED_BEFORE, ""), (_UNLISTED_AFTER, ""), (_UNLISTED_DISTANCE, "distance"),
                   (_UNLISTED_IN_IN, "town"))
# 'told reporters in Colombo', 'reporting from Nairobi': where it was said, not where it happened
# 'rockets launched from Gaza': where it came from, not where it struck; 'near the border
# with Mali': the neighbour, not the place
_REPORTED_FROM = re.compile(
    rf"\b{PLACE_OF_SPEECH}\s+(?:\w+\s+){{0,2}}(?:in|from)\s+$|"
    r"\b(?:launched|fired|came|coming) from\s+(?:the\s+)?$|\bborder with\s+$", re.IGNORECASE)
_PREPOSITIONS = {"In", "At", "On", "Near", "From", "Outside"}
_NOT_NAMES = {"The", "A", "An", "This", "That", "Its", "Their", "His", "Her", "Local", "Nearby",
              "Northern", "Southern", "Eastern", "Western", "Central", "Same", "Border", "As",
              "If", "When", "While", "But", "And", "Or", "For", "Of", "Each", "Every", "Which",
              "Police", "Army", "Security", "Government", "Islamic", "Federal", "Rebel", "Home"}


def article_countries(doc: Doc, gazetteer) -> list[str]:
    """ISO codes of the countries an article is about, most mentioned first.
    Countries and demonyms count 2, other places 1 — an ambiguous place ('Tripoli' in a
    story that names Lebanon) for its namesake in a country the article names."""
    votes: Counter[str] = Counter()
    for m in doc.places:
        if m.candidates and m.candidates[0].kind == "country":
            votes[m.candidates[0].country] += 2
    for n in doc.names:
        if n.label == "NORP":
            code = gazetteer.country_code(n.text)
            if code:
                votes[code] += 2
    named = set(votes)
    for m in doc.places:
        if m.candidates and m.candidates[0].kind != "country":
            local = [c for c in m.candidates if c.country in named]
            votes[(local or m.candidates)[0].country] += 1
    return [c for c, _ in votes.most_common()]


def _in_region(candidates: Sequence, regions: set[tuple[str, str]]):
    """'Hyderabad in Sindh province': the namesake in a province the same words name."""
    return next((c for c in candidates if c.kind != "admin1" and (c.country, c.admin1) in regions),
                None)


def _major_countries(doc: Doc) -> set[str]:
    """The article's main country and any other it names nearly as often (Israel and the
    Palestinian territories in one story), not one a stray name points to."""
    votes = Counter(m.candidates[0].country for m in doc.places if m.candidates)
    top = votes[doc.countries[0]] if doc.countries else 0
    return set(doc.countries[:1]) | {c for c, n in votes.items() if n >= 2 and 2 * n >= top}


def rank_candidates(candidates: Sequence, countries: Sequence[str]) -> list:
    """Candidates in the article's countries first (in the article's order), then the rest."""
    order: dict[str, int] = {}
    for c in countries:
        order.setdefault(c, len(order))  # a country's first place in the list counts
    return sorted(candidates, key=lambda p: order.get(p.country, len(order)))


def choose_place(doc: Doc, lo: int, hi: int, skip: Sequence[tuple[int, int]] = (),
                 gazetteer=None, anchor: int | None = None) -> Located | None:
    """The most specific place named between offsets lo and hi (ties: the first named);
    a village or camp the gazetteer lacks wins over the region it lies in."""
    skip = [*skip, doc.dateline] if doc.dateline else list(skip)
    inside = [m for m in doc.places if lo <= m.start and m.end <= hi and m.candidates
              and not any(s <= m.start and m.end <= e for s, e in skip)
              and not _REPORTED_FROM.search(doc.text[max(0, m.start - 40):m.start])]
    named = {m.candidates[0].country for m in inside if m.candidates[0].kind == "country"}
    trusted = _major_countries(doc) | named
    regions = {(m.candidates[0].country, m.candidates[0].name) for m in inside
               if m.candidates[0].kind == "admin1"}
    best: tuple | None = None
    for m in inside:
        place = _in_region(m.candidates, regions) or \
            rank_candidates(m.candidates, [*doc.countries[:1], *named, *doc.countries])[0]
        if place.kind == "country" and _is_adjective(doc.text, m) or _far_fetched(m, place, trusted):
            continue
        key = (KIND_RANK.get(place.kind, 0), -m.start)
        if best is None or key > best[0]:
            near = bool(_NEAR.search(doc.text[max(0, m.start - 40):m.start]))
            best = (key, Located(place, m.start, m.end, near, _surface_name(m, place, gazetteer)))
    found = best[1] if best else None
    known = [(m.start, m.end) for m in doc.places if m.candidates and not _far_fetched(
        m, rank_candidates(m.candidates, [*doc.countries[:1], *named, *doc.countries])[0], trusted)]
    small = _unlisted(doc, lo, hi, skip, found, known, gazetteer)
    if small is None:
        return found
    if found is None or found.place.kind != "city" or small.name_kind == "distance":
        return small  # 'Kuruvita, 125 km south of Kandy': Kandy only measures the way
    if small.name_kind not in SETTLEMENTS:
        return found
    # a village beats a town named beside it ('X village near Y'), not one told of elsewhere
    # in the sentence: of the two, the one nearer the event's trigger word
    if anchor is not None and abs(found.start - anchor) < abs(small.start - anchor):
        return found
    return small


def dateline_place(doc: Doc) -> Located | None:
    """The place a story was filed from, for 'in this city' and 'here' in its body."""
    for lo, hi in [doc.dateline] if doc.dateline else []:
        for m in doc.places:
            if m.start == lo and m.end == hi and m.candidates:
                place = rank_candidates(m.candidates, doc.countries)[0]
                if place.kind != "country":
                    return Located(place, m.start, m.end, False)
    return None


def _far_fetched(m, place, trusted: set[str]) -> bool:
    """A place outside the article's main country and the countries its sentence names is
    trusted only when it is a large city written as GeoNames writes it: 'Bodo' in a story from
    Cameroon is a village there, not Bodø in Norway; 'Adane' in Ethiopia is not Adana; the
    'Sahel region' of a story from Niger is not Burkina Faso's province."""
    if place.kind == "country" or not trusted or place.country in trusted:
        return False
    return place.kind != "city" or place.population < 150_000 or fold(m.text) != fold(place.name)


def _surface_name(m, place, gazetteer) -> str | None:
    """Report the text's own spelling when it is another GeoNames name of the place
    ('Helwan' for Ḩalwān) rather than a typo of it ('Mogadisu')."""
    if fold(m.text) == fold(place.name) or gazetteer is None:
        return None
    exact = gazetteer.lookup(m.text, fuzzy=False)
    if not any(p.name == place.name and p.country == place.country for p in exact):
        return None
    return m.text.title() if m.text.isupper() else m.text


def _unlisted(doc: Doc, lo: int, hi: int, skip, region: Located | None,
              known: Sequence[tuple[int, int]] = (), gazetteer=None) -> Located | None:
    """A named village/camp/district that the gazetteer does not list, placed in the region
    the same words name (its coordinates stand in, geo_precision 2)."""
    words = doc.text[lo:hi]
    people = _people(doc)
    for rx, default_kind in _UNLISTED_RULES:
        for m in rx.finditer(words):
            start = lo + m.start("name")
            name = m.group("name")
            first, _, rest = name.partition(" ")
            if first in _PREPOSITIONS and rest:  # 'In Kuruvita, 125 km south of …'
                name, start = rest, start + len(first) + 1
            named_person = rx is _UNLISTED_BEFORE and any(
                s <= start < e and " " in doc.text[s:e] for s, e in people)
            if name.split()[0] in _NOT_NAMES or named_person or any(s <= start < e for s, e in skip):
                continue  # 'the capture in the city of Salah Abdeslam': a person, not a town
            if any(a < start + len(name) and start < b for a, b in known) or _demonym(name, gazetteer):
                continue  # the gazetteer knows it, or 'the Iranian town of …'
            within = region or _country_of_article(doc, gazetteer)
            if within is None:
                return None
            kind = m.groupdict().get("kind") or default_kind or m.group(0).split(" of ")[0].split()[-1]
            return Located(within.place, start, start + len(name), True, name, True, kind.lower())
    return _stray_name(doc, lo, hi, skip, known, region, gazetteer)


def _stray_name(doc: Doc, lo: int, hi: int, skip, known, region: Located | None,
                gazetteer=None) -> Located | None:
    """A name the gazetteer knows only abroad ('neighbouring Enfield' in a London story, where
    GeoNames lists Enfield in the US): still a place of the story's own country."""
    people = _people(doc)
    for m in doc.places:
        if not (lo <= m.start and m.end <= hi and m.candidates) or (m.start, m.end) in known:
            continue
        if any(s <= m.start and m.end <= e for s, e in [*skip, *people]) or not m.text[:1].isupper():
            continue
        if re.search(r"[A-Z]\w*\s+$", doc.text[max(0, m.start - 20):m.start]) or \
                re.match(r"\s+[A-Z]", doc.text[m.end:m.end + 3]):
            continue  # part of a longer name ('Col Getnet Adane'), likely a person's
        if _REPORTED_FROM.search(doc.text[max(0, m.start - 40):m.start]):
            continue
        within = region or _country_of_article(doc, gazetteer)
        if within is not None:
            return Located(within.place, m.start, m.end, True, m.text, True, "")
    return None


def _people(doc: Doc) -> list[tuple[int, int]]:
    return [(n.start, n.end) for n in doc.names if n.label == "PERSON"]


def _demonym(name: str, gazetteer) -> bool:
    return gazetteer is not None and bool(gazetteer.country_code(name))


def _country_of_article(doc: Doc, gazetteer=None) -> Located | None:
    """The article's main country, as a place, to hold a village nothing else locates
    (looked up by name when the text never names the country itself)."""
    for m in doc.places:
        top = m.candidates[0] if m.candidates else None
        if top is not None and top.kind == "country" and doc.countries[:1] == [top.country]:
            return Located(top, m.start, m.end, False)
    if gazetteer is None or not doc.countries:
        return None
    name = gazetteer.country_name(doc.countries[0])
    found = [p for p in gazetteer.lookup(name, fuzzy=False) if p.kind == "country"] if name else []
    return Located(found[0], 0, 0, False) if found else None


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
