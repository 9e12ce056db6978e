"""Where an event happened: the article's countries, and the best place for one mention.

The gazetteer finds every place name; here we decide which one a mention means: the most
specific name in its words, disambiguated by the countries the article is about.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz.fuzz import ratio

from .. import lexicons
from ..places.distance import haversine
from ..places.gazetteer import CONTEXT_MARGIN, default_gazetteer
from ..places.names import name_key
from ..places.variants import CLOSE_VARIANT, translated_town
from ..document import Doc
from .cues import PLACE_OF_SPEECH
from .text import fold

# A named region ("Darfur", "Donbas") locates no better than a province.
KIND_RANK = {"city": 3, "admin2": 2, "admin1": 1, "region": 1, "country": 0}
SETTLEMENTS = set(lexicons.words("settlement_words"))
_NEAR = re.compile(
    rf"\b{lexicons.pattern('near_place_cues')}\s+(?:the\s+)?(?:town of\s+|city of\s+)?$",
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
    implied: bool = False    # only the province the whole story is about: no location of its own

    @property
    def specificity(self) -> float:
        """How precisely it locates: a town 3, a village the gazetteer lacks 2.5, district 2…"""
        return 2.5 if self.unlisted else KIND_RANK.get(self.place.kind, 0)

    @property
    def location(self) -> str | None:
        if self.place.kind == "country" and not self.unlisted or self.implied:
            return None
        return self.name or self.place.name


_APPROX = lexicons.alternation("date_approximators")  # 'about 10 km', 'more than 20 miles'
_COMPASS = lexicons.alternation("compass_words")
# "the village of X", "X refugee camp", "X district": places too small for the gazetteer
_UNLISTED_BEFORE = re.compile(
    rf"\b{lexicons.pattern('unlisted_place_kinds_before')} of "
    r"(?P<name>(?:(?:al|el|an|ar|as|ad|ash)-)?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})")
_UNLISTED_AFTER = re.compile(
    r"(?<![\w-])(?P<name>(?:(?:al|el|an|ar|as|ad|ash)-)?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}) "
    rf"(?P<kind>{lexicons.pattern('unlisted_place_kinds_after')})\b")
# "Kuruvita, 125 kilometers south of Kandy": a place told by its distance from a known one
_UNLISTED_DISTANCE = re.compile(
    rf"(?<![\w-])(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?),? (?:{_APPROX} )?"
    r"\d[\d,.]* ?(?:kilometers?|kilometres?|km|miles?) (?:\(.{0,20}\) )?"
    rf"(?:{_COMPASS}(?:-?(?:east|west))?(?:ern)? (?:of|from)|from|outside)\b")
# "an attack on a mosque in Kouyape in northern Cameroon": a small place inside a known one
_UNLISTED_IN_IN = re.compile(
    r"\b(?:in|at) (?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?),? in (?:the )?"
    rf"(?:{_COMPASS}\w* )?(?=[A-Z])")
# "shelling of Antareb, a town in Aleppo province": a place told by what it is
_UNLISTED_APPOSITION = re.compile(
    rf"(?<![\w-])(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?), an? (?:{lexicons.alternation('place_apposition_adjectives')} )?"
    rf"(?P<kind>{lexicons.pattern('unlisted_place_kinds_apposition')}) "
    r"(?:in|of|near|on|outside)\b")
# a capitalised name right before 'village of …': the name is the village's ('X village of Y')
_NAME_BEFORE = re.compile(r"(?<![\w-])(?!(?:The|A|An|This|That)\b)[A-Z][\w'’-]+ $")
# 'the Djibo department', 'Khakrez district': a town's name told as its unit's
_UNIT_AFTER = re.compile(rf"\s+{lexicons.alternation('admin_words')}\b", re.IGNORECASE)
_UNLISTED_RULES = ((_UNLISTED_BEFORE, ""), (_UNLISTED_AFTER, ""), (_UNLISTED_DISTANCE, "distance"),
                   (_UNLISTED_IN_IN, "town"), (_UNLISTED_APPOSITION, ""))
# 'told reporters in Colombo', 'reporting from Nairobi': where it was said, not where it happened
# 'rockets launched from Gaza': where it came from, not where it struck; 'near the border
# with Mali': the neighbour, not the place
_REPORTED_FROM = re.compile(
    rf"\b{PLACE_OF_SPEECH}\s+(?:\w+\s+){{0,2}}(?:in|from)\s+$|"
    rf"\b{lexicons.alternation('place_origin_verbs')} from\s+(?:the\s+)?$|\bborder with\s+$|"
    rf"\b(?:an?|another)\s+\w+\s+{lexicons.pattern('beside_place_verbs')}\s+$", re.IGNORECASE)
# 'a Toronto-based mining company': where a company or group is based, not where it happened
_BASED = re.compile(r"[-‐–]based\b")
_DESCRIBES = re.compile(rf"\s+{lexicons.alternation('descriptive_place_heads')}\b")
_PREPOSITIONS = set(lexicons.words("unlisted_place_prepositions"))
_NEVER_PERSON = frozenset(lexicons.words("unlisted_kinds_never_person"))
_NOT_NAMES = set(lexicons.words("not_place_name_words"))
_OWNER = re.compile(r"\w['’]s$")       # 'Peshawar's' before the name of a part of it
_POSSESSIVE = re.compile(r"['’]s\s+")  # the gap between the town and its part


def article_countries(doc: Doc, gazetteer) -> list[str]:
    """ISO codes of the countries an article is about, most mentioned first.
    Countries and demonyms count 2 a mention, other places 1 a name — an ambiguous place
    ('Tripoli' in a story that names Lebanon) for its namesake in a country the article
    names, and a village told of five times no more than once."""
    votes: Counter[str] = Counter()
    for m in doc.places:
        if m.candidates and m.candidates[0].kind == "country":
            votes[m.candidates[0].country] += 2
    for n in doc.names:
        if n.label == "NORP":
            code = gazetteer.country_code(n.text)
            if code:  # 'Russian drones', 'Nigerian troops': whose weapons, barely where
                votes[code] += 0.1 if _WEAPONS_AFTER.match(doc.text, n.end) else 2
    named = set(votes)
    seen: set[str] = set()
    for m in doc.places:  # each other place once: a village named five times is one place
        if m.candidates and m.candidates[0].kind != "country" and fold(m.text) not in seen:
            seen.add(fold(m.text))
            local = [c for c in m.candidates if c.country in named]
            place = (local or m.candidates)[0]
            votes[place.country] += _country_evidence(place)
    return [c for c, _ in votes.most_common()]


def _country_evidence(place) -> float:
    """How much a place name tells of the article's country: a province or district more
    than a town ('Benue State' names few countries), a hamlet of no listed people less
    (GeoNames has one of almost every name somewhere: 'Guma' in Xinjiang)."""
    if place.kind in ("admin1", "admin2", "region"):
        return 1.5
    return 0.5 if place.kind == "city" and place.population < HAMLET else 1.0


HAMLET = 1000  # people: below it a town is weak evidence of its country


def _namesake_in_context(doc: Doc, m, place, gazetteer):
    """Of same-named towns or districts in one country ('Bagh' in two provinces), the one in
    the province the story tells of around the name (its sentence, paragraph or the whole
    article), not simply the biggest."""
    namesakes = [c for c in m.candidates if c.country == place.country and c.kind == place.kind
                 and c.kind in ("city", "admin2") and c.admin1]
    if len({c.admin1 for c in namesakes}) < 2:
        return place
    region = _context_region(doc, gazetteer, place.country, m.start, exclude=m.start)
    return next((c for c in namesakes if region is not None and c.admin1 == region.name), place)


def _in_region(candidates: Sequence, regions: set[tuple[str, str]]):
    """'Hyderabad in Sindh province': the namesake in a province the same words name."""
    return next((c for c in candidates if c.kind != "admin1" and (c.country, c.admin1) in regions),
                None)


def _major_countries(doc: Doc) -> set[str]:
    """The article's main country and any other it names nearly as often (Israel and the
    Palestinian territories in one story), not one a stray name points to."""
    names = {fold(m.text): m.candidates[0].country for m in doc.places if m.candidates}
    votes = Counter(names.values())  # by name: one village told of often is not a country
    top = votes[doc.countries[0]] if doc.countries else 0
    return set(doc.countries[:1]) | {c for c, n in votes.items() if n >= 2 and 2 * n >= top}


# A city this big abroad keeps its name against a namesake in the article's country that it
# outnumbers by CONTEXT_MARGIN (log10 people): 'clashes in Paris' in a US story is France's
# Paris, not Paris, Texas; a village of the story's country still beats a town abroad.
WORLD_CITY = 1_000_000


def rank_candidates(candidates: Sequence, countries: Sequence[str]) -> list:
    """Candidates in the article's countries first (in the article's order), then the rest,
    but a world city first against a far smaller namesake (see WORLD_CITY)."""
    order: dict[str, int] = {}
    for c in countries:
        order.setdefault(c, len(order))  # a country's first place in the list counts
    ranked = sorted(candidates, key=lambda p: order.get(p.country, len(order)))
    top = candidates[0] if candidates else None
    if top is not None and ranked[0] is not top and _dwarfs(top, ranked[0]):
        ranked.remove(top)
        ranked.insert(0, top)
    return ranked


def _dwarfs(big, small) -> bool:
    return big.kind == "city" and small.kind == "city" and big.population >= WORLD_CITY and \
        math.log10(big.population + 1) - math.log10(small.population + 1) > CONTEXT_MARGIN


def choose_place(doc: Doc, lo: int, hi: int, skip: Sequence[tuple[int, int]] = (),
                 gazetteer=None, anchor: int | None = None) -> Located | None:
    """The most specific place named between offsets lo and hi (ties: the first named);
    a village or camp the gazetteer lacks wins over the region it lies in; a named region
    over several provinces takes its admin1 from the text around it (`_region_province`)."""
    found = _choose_place(doc, lo, hi, skip, gazetteer, anchor)
    return _region_province(doc, gazetteer, found) if found is not None else None


def _choose_place(doc: Doc, lo: int, hi: int, skip: Sequence[tuple[int, int]],
                  gazetteer, anchor: int | None) -> Located | None:
    skip = [*skip, doc.dateline.place] if doc.dateline else list(skip)
    skip += _within_names(doc, lo, hi)
    inside = [m for m in doc.places if lo <= m.start and m.end <= hi and m.candidates
              and not any(s <= m.start and m.end <= e for s, e in skip)
              and not _REPORTED_FROM.search(doc.text[max(0, m.start - 40):m.start])
              and not _BASED.match(doc.text, m.end)]
    # in order of mention: the order ranks candidates, so it must not be a set's
    named = list(dict.fromkeys(m.candidates[0].country for m in inside
                               if m.candidates[0].kind == "country"))
    trusted = _major_countries(doc) | set(named)
    regions = {(m.start, m.candidates[0].country, m.candidates[0].name) for m in inside
               if m.candidates[0].kind == "admin1"}
    best: tuple | None = None
    for m in inside:
        # another name's region only: 'Damascus province' is not the city in its own province
        others = {(c, n) for at, c, n in regions if at != m.start}
        place = _in_region(m.candidates, others) or \
            rank_candidates(m.candidates, [*doc.countries[:1], *named, *doc.countries])[0]
        place = _namesake_in_context(doc, m, place, gazetteer)
        if place.kind == "country" and (_is_adjective(doc.text, m) or _qualifying_possessive(doc.text, m)) \
                or _far_fetched(m, place, trusted) or _site_in_other_place(doc.text, m, inside):
            continue
        # a town named as its district locates no better than the district: a village
        # told in it is more precise ('the village of X in the Djibo department')
        as_unit = place.kind == "city" and bool(_UNIT_AFTER.match(doc.text, m.end))
        # 'Lagos's Ikeja area': a town the town before it owns is the more precise of the two
        owned = place.kind == "city" and any(_owns(doc.text, o, m) for o in inside)
        key = (KIND_RANK["admin2"] if as_unit else KIND_RANK.get(place.kind, 0), owned, -m.start)
        if best is None or key > best[0]:
            near = bool(_NEAR.search(doc.text[max(0, m.start - 40):m.start]))
            best = (key, Located(place, m.start, m.end, near, _surface_name(m, place, gazetteer),
                                 name_kind="district" if as_unit else ""))
    found = best[1] if best else None
    if found is None or found.place.kind != "city":
        found = _capital(doc, lo, hi, gazetteer) or found
    known = [(m.start, m.end) for m in doc.places if m.candidates and not _far_fetched(
        m, rank_candidates(m.candidates, [*doc.countries[:1], *named, *doc.countries])[0], trusted)]
    small = _unlisted(doc, lo, hi, skip, found, known, gazetteer)
    if small is None:
        return found
    if found is None or found.place.kind != "city" or small.name_kind == "distance" \
            or found.name_kind == "district" and small.name_kind in SETTLEMENTS:
        return small  # 'Kuruvita, 125 km south of Kandy': Kandy only measures the way
    if _owned_by_town(doc.text, small, found):
        return small  # 'Bamako's Kalaban Coura neighbourhood': the part, wherever the trigger
    if small.name_kind not in SETTLEMENTS and not _part_of_town(doc.text, small, found):
        return found
    # a village beats a town named beside it ('X village near Y'), not one told of elsewhere
    # in the sentence: of the two, the one nearer the event's trigger word
    if anchor is not None and abs(found.start - anchor) < abs(small.start - anchor):
        return found
    return small


def _part_of_town(text: str, small: Located, town: Located) -> bool:
    """'the Karrada district of Baghdad', 'Kibera, a slum of Nairobi': a district the words
    make part of the town named right after it is a neighbourhood of it, more precise than
    the town."""
    kind = re.escape(small.name_kind)
    return bool(small.name_kind) and town.start > small.end and re.fullmatch(
        rf"(?:\s+{kind}\s+of|,\s+an?\s+(?:[\w-]+\s+)?{kind}\s+(?:of|in))\s+(?:the\s+)?(?:city\s+of\s+)?",
        text[small.end:town.start], re.IGNORECASE) is not None


def _owns(text: str, owner, m) -> bool:
    """'Lagos's Ikeja': the town match `owner` names match `m` as a part of it."""
    return owner.end < m.start and owner.candidates[0].kind == "city" and \
        _POSSESSIVE.fullmatch(text, owner.end, m.start) is not None


def _owned_by_town(text: str, small: Located, town: Located) -> bool:
    """'Peshawar's Qissa Khwani area': a part the town's possessive names is a part of it."""
    return bool(small.name_kind) and town.end < small.start and \
        _POSSESSIVE.fullmatch(text, town.end, small.start) is not None


# 'marched in the capital', 'Haiti's capital': the capital named by its title alone
_CAPITAL = re.compile(r"\b(?:the|its|(?P<owner>[A-Z][\w'’-]+)['’]s?)(?: (?:country|nation)['’]s)? "
                      rf"capital(?: city\b)?(?! city)(?! {lexicons.pattern('not_capital_city_followers')}\b)"
                      r"(?![,]? [A-Z])")


def _capital(doc: Doc, lo: int, hi: int, gazetteer) -> Located | None:
    """The capital of the article's country (or of the country that owns it in the words),
    where the text calls it only 'the capital' ('the capital Manama' names it instead)."""
    m = _CAPITAL.search(doc.text, lo, hi)
    before = doc.text[max(0, m.start() - 40):m.start()] if m else ""
    if m is None or gazetteer is None or _REPORTED_FROM.search(before) or _NEAR.search(before) \
            or re.search(r"[A-Z][\w'’-]*,\s*$", before):
        return None  # 'east of the capital' only measures the way; 'X, the capital …' names it
    owner = gazetteer.country_code(m.group("owner")) if m.group("owner") else None
    if m.group("owner") and owner is None:
        return None  # 'Kandy's capital' is no country's
    country = owner or (doc.countries or [None])[0]
    place = gazetteer.capital(country) if country else None
    return Located(place, m.start(), m.end(), False) if place else None


def dateline_place(doc: Doc) -> Located | None:
    """The place a story was filed from, for 'in this city' and 'here' in its body."""
    for lo, hi in [doc.dateline.place] if doc.dateline else []:
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
    """Report the text's own spelling where it is the place's name as English writes it: a
    close spelling of its GeoNames name ('Helwan' for Ḩalwān) or the name translated ('Hamad
    Town' for Madīnat Ḩamad). Not a typo ('Mogadisu'), nor a name far from the GeoNames one
    ('Antareb' for Al Atārib, 'Tabka' for Al-Tabqa): there the gazetteer's name is the one a
    reader finds the place by."""
    if fold(m.text) == fold(place.name) or gazetteer is None:
        return None
    exact = gazetteer.lookup(m.text, fuzzy=False)
    if not any(p.name == place.name and p.country == place.country for p in exact):
        return None
    key, own = name_key(m.text), name_key(place.name)
    if key not in translated_town(own) and ratio(key, own) < CLOSE_VARIANT:
        return None
    return m.text.title() if m.text.isupper() else m.text


def located_name(m, place, gazetteer=None) -> Located:
    """The place a name match means, reported as `_surface_name` says (for callers outside
    choose_place: a list of places in one sentence). Pass the pipeline's gazetteer: the
    process-wide default is a second copy in memory, loaded on first use."""
    return Located(place, m.start, m.end, False,
                   _surface_name(m, place, gazetteer or default_gazetteer()))


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
            if (first in _PREPOSITIONS or _OWNER.search(first)) and rest:
                # 'In Kuruvita, 125 km south of …'; 'Peshawar's Qissa Khwani area': the town
                # owns the part, the part is the name
                name, start = rest, start + len(first) + 1
            named_person = rx is _UNLISTED_BEFORE and \
                m.group(0).split(" of ")[0].split()[-1].lower() not in _NEVER_PERSON and any(
                    s <= start < e and " " in doc.text[s:e] for s, e in people)
            if name.split()[0] in _NOT_NAMES or named_person or any(s <= start < e for s, e in skip):
                continue  # 'the capture in the city of Salah Abdeslam': a person, not a town
            if rx is _UNLISTED_BEFORE and _NAME_BEFORE.search(words, 0, m.start()):
                continue  # 'Ghorak village of Khakrez district': Ghorak is the village
            told = _told_holder(doc, lo + m.end(), 40 if rx is _UNLISTED_DISTANCE else 25) \
                if rx in (_UNLISTED_DISTANCE, _UNLISTED_APPOSITION, _UNLISTED_IN_IN) else None
            namesake = rx is _UNLISTED_DISTANCE and told is not None and \
                _namesake_too_far(doc, start, name, m.group(0), told)
            if any(a < start + len(name) and start < b for a, b in known) and not namesake \
                    or _demonym(name, gazetteer):
                continue  # the gazetteer knows it, or 'the Iranian town of …'
            if _DESCRIBES.match(words, m.start("name") + len(name)) and any(
                    p.start == start and p.candidates for p in doc.places):
                continue  # 'the Gulf state': a name known abroad describing a country
            # 'Antareb, a town in Aleppo province near Idlib': the place its own words put it in
            within = told if told is not None and rx is not _UNLISTED_DISTANCE or namesake \
                else _holder(doc, region, gazetteer, start)
            if within is None:
                return None
            kind = m.groupdict().get("kind") or default_kind or m.group(0).split(" of ")[0].split()[-1]
            return Located(within.place, start, start + len(name), True, name, True, kind.lower())
    return _stray_name(doc, lo, hi, skip, known, region, gazetteer)


def _told_holder(doc: Doc, at: int, width: int) -> Located | None:
    """The place named just after offset `at` ('… a town in | Aleppo province', '… 35 km from
    | Ouahigouya'), below the country level; None when none is named there."""
    for m in doc.places:
        if at <= m.start < at + width and m.candidates and not re.search(r"[.;]", doc.text[at:m.start]):
            place = rank_candidates(m.candidates, doc.countries)[0]
            return Located(place, m.start, m.end, False) if place.kind != "country" else None
    return None


_DISTANCE = re.compile(r"(?P<n>\d[\d,.]*) ?(?P<unit>k|m)", re.IGNORECASE)


def _namesake_too_far(doc: Doc, start: int, name: str, words: str, told: Located) -> bool:
    """'Loumbila, some 35 km from Ouahigouya' where the gazetteer's only Loumbila lies 160 km
    away: the text's village is an unlisted namesake near the town it is measured from."""
    listed = [m for m in doc.places if m.start == start and m.end == start + len(name) and m.candidates]
    far = _DISTANCE.search(words)
    if not listed or far is None:
        return False
    stated = float(far["n"].replace(",", "")) * (1.609 if far["unit"].lower() == "m" else 1.0)
    place, ref = rank_candidates(listed[0].candidates, doc.countries)[0], told.place
    return haversine(place.latitude, place.longitude, ref.latitude, ref.longitude) > 2 * stated + 50


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
        if _REPORTED_FROM.search(doc.text[max(0, m.start - 40):m.start]) or _DESCRIBES.match(doc.text, m.end):
            continue  # 'the Gulf state': a kind of country, not a place in this one
        within = _holder(doc, region, gazetteer, m.start)
        if within is not None:
            return Located(within.place, m.start, m.end, True, m.text, True, "")
    return None


def _within_names(doc: Doc, lo: int, hi: int) -> list[tuple[int, int]]:
    """Person names between lo and hi that begin with a place name and run on with another
    capitalised word ('Chad Mensah', 'Aung San Suu Kyi'), or end with one after a forename
    ('Carlos Medina'): the place is part of the name. (A
    name the tagger gives the exact words of a place may be the place misread, and 'Mary of
    Bethany' may name one: both are kept.)"""
    spans = [(n.start, n.end) for n in doc.names if n.label == "PERSON" and lo <= n.start < hi]
    return [(s, e) for s, e in spans
            if any(m.start == s and m.end < e and _NAME_GOES_ON.match(doc.text, m.end)
                   or _surname_place(doc, m, s, e) for m in doc.places)]


def _surname_place(doc: Doc, m, start: int, end: int) -> bool:
    """A place that ends a person's name after a forename that is no place ('Carlos Medina',
    'Jorge Lima'): the surname, not the town."""
    if not (start < m.start and m.end == end) or not _NAME_GOES_ON.match(doc.text, m.start - 1):
        return False
    return not any(p.start == start for p in doc.places)


_NAME_GOES_ON = re.compile(r" [A-Z]")


def _people(doc: Doc) -> list[tuple[int, int]]:
    return [(n.start, n.end) for n in doc.names if n.label == "PERSON"]


def _demonym(name: str, gazetteer) -> bool:
    return gazetteer is not None and bool(gazetteer.country_code(name))


def _holder(doc: Doc, region: Located | None, gazetteer, at: int) -> Located | None:
    """What holds a village the gazetteer lacks: the place its own words name, else — when
    they name only the country — the province its sentence or paragraph names, or the one
    province the whole article is about; else the country."""
    if region is not None and region.place.kind != "country" and not _spans_units(region.place):
        return region
    country = region.place.country if region is not None else (doc.countries or [None])[0]
    province = _context_region(doc, gazetteer, country, at)
    if province is not None:
        return Located(province, region.start if region else 0, region.end if region else 0, False)
    return region or _country_of_article(doc, gazetteer)


def _spans_units(place) -> bool:
    """A named region over several provinces ('Darfur', 'Donbas'): no admin1 of its own."""
    return place.kind == "region" and place.admin1 is None


def _region_province(doc: Doc, gazetteer, found: Located) -> Located:
    """A region over several provinces takes its admin1 from the province the text tells
    around it ('fighting in Donbas … in the Donetsk region'); else it keeps none."""
    if not _spans_units(found.place):
        return found
    province = _context_region(doc, gazetteer, found.place.country, found.start, exclude=found.start)
    if province is None:
        return found
    return replace(found, place=replace(found.place, admin1=province.name))


def _context_region(doc: Doc, gazetteer, country: str | None, at: int, exclude: int = -1):
    """The province of the main country a village at offset `at` lies in, as its words tell:
    one its sentence names; else the last one named before it in its paragraph or the two
    sentences before; else the one
    most of the article's places lie in, when no other comes close. None when the story
    gives no province for it."""
    if gazetteer is None or not country or country != (doc.countries or [None])[0]:
        return None
    sentence = doc.sentences[doc.sentence_at(at)]
    provinces: list[tuple[int, str]] = []  # (offset, province) of each place in the country
    for m in doc.places:
        if not m.candidates or m.start == exclude or \
                doc.dateline and doc.dateline.place[0] <= m.start < doc.dateline.place[1]:
            continue
        place = rank_candidates(m.candidates, doc.countries)[0]
        name = admin1_of(place)
        if place.country == country and place.kind != "country" and name:
            provinces.append((m.start, name))
    own = [n for o, n in provinces if sentence.start <= o < sentence.end]
    first = doc.sentences[max(0, doc.sentence_at(at) - 2)].start  # wire paragraphs are short
    before = [n for o, n in provinces if o < at and (
        o >= first or doc.sentences[doc.sentence_at(o)].paragraph == sentence.paragraph)]
    if own or before:
        return _first_level(gazetteer, country, (own or before[::-1])[0])
    return _dominant_region(doc, gazetteer, country, margin=2)


def _first_level(gazetteer, country: str, name: str):
    """The unit an event's admin1 names: the province, or the district where ACLED codes
    districts as the first level (see admin1_of)."""
    if country in _DISTRICT_ADMIN1:
        district = gazetteer.district(country, name)
        if district is not None:
            return district
    return gazetteer.region(country, name)


def article_province(doc: Doc, gazetteer) -> Located | None:
    """The province of an incident the text places nowhere, when the story is about one
    province of its country (its places lie there three times as often as in any other):
    an admin1 with no location ('fighting in the north of the country' in a story on Kanem)."""
    province = _dominant_region(doc, gazetteer, (doc.countries or [None])[0], margin=3)
    return Located(province, 0, 0, False, implied=True) if province is not None else None


def _dominant_region(doc: Doc, gazetteer, country: str | None, margin: int):
    """The province most of the article's places in `country` lie in, when it has `margin`
    times the places of the next one."""
    if gazetteer is None or not country:
        return None
    votes: Counter[str] = Counter()
    for m in doc.places:
        if not m.candidates or doc.dateline and doc.dateline.place[0] <= m.start < doc.dateline.place[1]:
            continue
        place = rank_candidates(m.candidates, doc.countries)[0]
        name = admin1_of(place)
        if place.country == country and place.kind != "country" and name:
            votes[name] += 1
    ranked = votes.most_common(2)
    if not ranked or len(ranked) > 1 and ranked[1][1] * margin > ranked[0][1]:
        return None
    return _first_level(gazetteer, country, ranked[0][0])


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


_DEMONYM_WORD = re.compile(rf"\b[A-Z][a-z]+{lexicons.alternation('demonym_suffixes')}\b")  # 'Nigerien'


def country_in(doc: Doc, gazetteer, lo: int, hi: int) -> str | None:
    """A country named in a span, by name or demonym ('Nigerien troops' → NE)."""
    for m in doc.places:  # not 'US troops': forces serve abroad, their name says whose
        if lo <= m.start and m.end <= hi and m.candidates and m.candidates[0].kind == "country" \
                and not _FORCES_AFTER.match(doc.text, m.end):
            return m.candidates[0].country
    for m in _DEMONYM_WORD.finditer(doc.text[lo:hi]):
        code = gazetteer.country_code(m.group())
        national = _NATIONALS.search(doc.text[max(0, lo + m.start() - 12):lo + m.start()]) \
            and not _PLACE_KIND_AFTER.match(doc.text, lo + m.end()) \
            and not _FORCES_AFTER.match(doc.text, lo + m.end())  # 'an Armenian soldier': its forces' ground
        if code and not national:
            return code
    return None


# 'a Canadian mining executive', 'two French tourists': whose nationals, not where ('a Nigerian
# village' still is where)
_NATIONALS = re.compile(rf"\b(?:an?|{lexicons.alternation('number_words')}|\d+)\s+$", re.IGNORECASE)
_PLACE_KIND_AFTER = re.compile(rf"\s+(?:[\w-]+\s+)?{lexicons.pattern('unlisted_place_kinds_apposition')}\b")


SITE_WORDS = frozenset(lexicons.words("site_words"))
LOCATIVE_WORDS = frozenset(lexicons.words("locative_words"))
_SITE_GAP = re.compile(r"\s+(?P<word>[A-Z][a-z]+)(?:\s+[A-Z][\w'’-]*){0,3},?\s+in\s+(?:the\s+)?")


def _site_in_other_place(text: str, m, inside) -> bool:
    """'the bombing at Erawan Shrine in Bangkok': the name begins a site's name and the
    sentence says the site is in another named place, which the event takes."""
    for other in inside:
        if other.start > m.end:
            gap = _SITE_GAP.fullmatch(text, m.end, other.start)
            if gap and gap.group("word").lower() in SITE_WORDS:
                return True
    return False


def _qualifying_possessive(text: str, m) -> bool:
    """'militants from Somalia's al-Shabaab group': a country's possessive only qualifies the
    noun after it, unless a locative word comes before it ('in Kenya's north-east')."""
    if text[m.end:m.end + 2] not in ("'s", "’s"):
        return False
    before = re.search(r"(\w+)\W*$", text[max(0, m.start - 20):m.start])
    return not before or before.group(1).lower() not in LOCATIVE_WORDS


def _is_adjective(text: str, m) -> bool:
    """'Kenyan police', 'Iraqi troops', 'US special troops': the country word only qualifies
    a noun (a nationality, or a country name right before its forces: whose, not where)."""
    return m.text.endswith(("an", "ese", "i", "ish")) and m.text != m.candidates[0].name \
        or bool(_FORCES_AFTER.match(text, m.end))


_WEAPONS_AFTER = re.compile(rf"\s+(?:{lexicons.alternation('role_force_modifiers')}\s+)?"
                            rf"(?:{lexicons.pattern('state_force_words')}|"
                            rf"{lexicons.pattern('shelling_words')}|{lexicons.pattern('air_strike_words')})\b",
                            re.IGNORECASE)
_FORCES_AFTER = re.compile(rf"\s+(?:{lexicons.alternation('role_force_modifiers')}\s+)?"
                           rf"(?:{lexicons.alternation('military_words')}|"
                           rf"{lexicons.alternation('police_words')})\b", re.IGNORECASE)


_DISTRICT_ADMIN1 = frozenset(lexicons.words("district_admin1_countries"))


def admin1_of(place) -> str | None:
    """The event's admin1: the place's first-level unit, or its district where ACLED codes
    districts as the first level (Uganda); None for a country."""
    if place is None or place.kind == "country":
        return None
    if place.country in _DISTRICT_ADMIN1 and place.kind in ("city", "admin2") and place.admin2:
        return place.name if place.kind == "admin2" else place.admin2
    return place.name if place.kind == "admin1" else place.admin1


_COMMA = re.compile(r",\s*")


def as_neighbourhood(doc: Doc, located: Located | None) -> Located | None:
    """'Shahdara, Lahore' in a Pakistani story, where GeoNames lists Shahdara only in Delhi:
    a name read in a country the story is not about, followed by a town of the story's own
    country, is a neighbourhood of that town: its own name, the town's admin units."""
    if located is None or located.unlisted or located.place.kind == "country":
        return located
    named = next((m for m in doc.places if m.start == located.start and m.candidates), None)
    if named is None or not _far_fetched(named, located.place, _major_countries(doc)):
        return located
    comma = _COMMA.match(doc.text, located.end)
    town = next((m for m in doc.places if comma and m.start == comma.end() and m.candidates), None)
    place = rank_candidates(town.candidates, doc.countries)[0] if town else None
    if place is None or place.kind != "city" or place.country not in doc.countries[:1]:
        return located
    return Located(place, located.start, town.end, located.near,
                   doc.text[located.start:located.end], name_kind="neighbourhood")
