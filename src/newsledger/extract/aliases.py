"""Aliases: the rules that link the forms of one thing in an article (entities.py collects
the mentions, then links them here): same spelling up to case and accents, one actor of the
dictionary, acronyms defined, joined or spelled out in the text, "also known as" and quoted
nicknames, surnames after a full name (without article, with particle, a middle name, one
letter apart), the head or an inner word of a long name ("the Brotherhood", "the
Observatory"), a name without its opening nationality, a place without its "State"/"Strip"
or with an abbreviated first word ("S Lanka"), one country's names.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from anyascii import anyascii

from .. import lexicons
from .actors import ActorDictionary, is_acronym
from .text import find_literals, fold

# Titles before a name: stripped so "President Buhari" and "Buhari" share the surname.
_TITLE_ABBR = lexicons.alternation("title_abbreviations")
TITLES = re.compile(rf"^(?:(?:{lexicons.alternation('titles')}|{_TITLE_ABBR})\.?\s+)+")
# First words that do not name a place on their own ("North" of "North Darfur").
GENERIC_FIRST = frozenset(lexicons.words("place_generic_first_words"))
PLACE_SUFFIX = re.compile(rf"\s+{lexicons.alternation('place_name_suffixes')}$")
# Head words too generic to stand for one organisation when they open a sentence ("Police said").
GENERIC_HEADS = frozenset(lexicons.words("generic_name_heads"))
TITLE_ACRONYMS = frozenset(lexicons.words("title_acronyms"))
FUNCTION_WORDS = frozenset(lexicons.words("name_function_words"))

ALIAS_CUE = re.compile(
    r"\b" + lexicons.pattern("alias_cues")
    + r"\s+[\"“‘']?(the\s+)?[\"“‘']?((?:[A-Z][\w'’\-]*)(?:[ ][A-Z][\w'’\-]*){0,3})")
# what may stand between a name and a cue whose alias opens with 'the' ('Jean Moreau, known as
# "the Crocodile"', 'the Unity Front, also called the Front'): a comma, 'who is' — nothing longer,
# as 'the area known as the Green Zone' names no earlier mention
_THE_ALIAS_GAP = re.compile(r"\s*[,(]?\s*(?:(?:who|which|that)\s+(?:is|was|are|were)\s+)?$")
ACRONYM_PAREN = re.compile(r"\(\s*([A-Z][A-Za-z0-9&/\-]*[A-Z0-9][a-z]?)\s*(?=[),;]|\s+also\b)")
ACRONYM_HYPHEN = re.compile(r"(?<=[a-z])[-–]([A-Z]{2,8})\b")
NAME_PAREN = re.compile(r"\(\s*([A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|the|and|for|de|al))+)\s*\)")
DEMONYM = re.compile(rf"{lexicons.alternation('demonym_suffixes')}s?$")
MEDIA_SUFFIX = re.compile(rf"\s+{lexicons.alternation('media_suffixes')}$")


@dataclass
class _M:
    """A candidate mention; `key` is its normalised form (one node of the grouping)."""

    start: int
    end: int
    text: str
    label: str
    key: str
    actor: str | None = None   # canonical name from the actor dictionary
    place: str | None = None   # gazetteer name
    rank: int = 0              # overlap priority: higher wins


_NAME_WORD = r"(?:[A-ZÀ-Þ]\.|[A-ZÀ-Þ][\w'’\-]+)"
# a weekday, a month or a function word standing alone is never a name's word
_NOT_NAME = re.compile("(?:" + "|".join(
    lexicons.words("weekdays") + lexicons.words("months") + lexicons.words("not_name_words")) + r")\.?$")



def _key(form: str, label: str) -> str:
    k = fold(form)
    k = re.sub(r"^the ", "", k)
    k = k.replace(" of the ", " of ")  # 'Democratic Republic of the Congo'
    k = re.sub(r" s$", "", k)
    k = MEDIA_SUFFIX.sub("", k) if label == "ORG" else k
    if label == "NORP" and len(k) > 4 and k.endswith("s") and not k.endswith("ss"):
        k = k[:-1]
    return k



# ---- grouping -------------------------------------------------------------------------------
class _Groups:
    """Union-find over forms (normalised keys)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, m: _M) -> None:
        self.parent.setdefault(m.key, m.key)
        if m.actor:
            self.union(m.key, "actor:" + fold(m.actor))

    def find(self, k: str) -> str:
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _link(text: str, mentions: list[_M], groups: _Groups, actors: ActorDictionary) -> list[_M]:
    """Apply the linking rules; returns the mentions they found in addition."""
    added: list[_M] = []
    for rule in (_acronyms_defined, _aliases_defined, _nicknames, _surnames, _spelling_variants,
                 _head_words, _place_variants, _acronyms_by_initials, _without_last_word):
        new = rule(text, mentions + added, groups)
        for m in new:
            groups.add(m)
        added += new
    named: dict[str, str] = {}  # 'national liberation army' → the actor named 'National Liberation Army (ELN)'
    for m in mentions + added:  # forms the dictionary knows as one actor
        actor = actors.lookup(m.text)
        if actor:
            groups.union(m.key, "actor:" + fold(actor.canonical))
            full = re.match(r"(.+?)\s*\([^()]+\)$", actor.canonical)
            if full:
                named[fold(full.group(1))] = "actor:" + fold(actor.canonical)
    for m in mentions + added:  # the full name of an 'X (ACR)' actor the article names
        if fold(m.text) in named:
            groups.union(m.key, named[fold(m.text)])
    return added


def _same_country(mentions: list[_M], groups: _Groups, gazetteer) -> None:
    """'the United States … US troops': names of one country (its name, short name or
    acronym, by the gazetteer) are one entity; nationalities stay apart (NORP)."""
    if not hasattr(gazetteer, "country_code"):
        return
    first: dict[str, str] = {}
    for m in mentions:
        if m.label != "GPE" or DEMONYM.search(m.text) and not m.text.isupper():
            continue
        code = gazetteer.country_code(m.text)
        if code and m.place and fold(m.place) == fold(m.text) \
                and fold(m.place) != fold(gazetteer.country_name(code) or ""):
            continue  # 'Mexico City' is a city of Mexico, not Mexico
        if code:
            groups.union(first.setdefault(code, m.key), m.key)


def _covering(mentions: Iterable[_M], start: int, end: int) -> _M | None:
    return next((m for m in mentions if m.start <= start and end <= m.end), None)


def _acronyms_defined(text: str, mentions: list[_M], groups: _Groups) -> list[_M]:
    """'the Movement for the Emancipation of the Niger Delta (MEND)', 'PKK (Kurdistan …)'."""
    added = []
    for m in ACRONYM_PAREN.finditer(text):
        acr, s, e = m.group(1), m.start(1), m.end(1)
        if not is_acronym(acr):
            continue
        before = text[:m.start()].rstrip()
        long = _mention_ending(mentions, len(before)) or _phrase_for(text, len(before), acr)
        if long is None:
            continue
        inner = _covering(mentions, s, e) or _M(s, e, acr, long.label, _key(acr, long.label), rank=3)
        if inner not in mentions:
            added.append(inner)
        if long not in mentions and long not in added:
            added.append(long)
        groups.union(long.key, inner.key)
    for m in ACRONYM_HYPHEN.finditer(text):  # 'the Uganda People's Defence Forces-UPDF'
        acr, s, e = m.group(1), m.start(1), m.end(1)
        long = _mention_ending(mentions, m.start()) or _phrase_for(text, m.start(), acr)
        if long is None or not _initials_fit(long.text, acr):
            continue
        inner = _covering(mentions, s, e) or _M(s, e, acr, long.label, _key(acr, long.label), rank=3)
        added += [x for x in (inner, long) if x not in mentions and x not in added]
        groups.union(long.key, inner.key)
    for m in NAME_PAREN.finditer(text):
        short = _mention_ending(mentions, len(text[:m.start()].rstrip()))
        if short is not None and is_acronym(short.text):
            long = _covering(mentions, m.start(1), m.end(1)) or _M(
                m.start(1), m.end(1), m.group(1), short.label, _key(m.group(1), short.label), rank=3)
            added += [long] if long not in mentions else []
            groups.union(short.key, long.key)
    return added


_INNER_PARTICLE = re.compile(rf"\s(?:{lexicons.alternation('inner_name_particles')})\s")


def _without_last_word(text: str, mentions: list[_M], groups: _Groups) -> list[_M]:
    """'Casa de la Cultura Nacional … the Casa de la Cultura': a name with a lower-case
    particle inside (Spanish, Portuguese, Arabic and Dutch names put an adjective last) is
    the one longer name that only adds a capitalised word to it. Not for names without a
    particle: 'Islamic State' is no 'Islamic State Khorasan'."""
    names = [m for m in mentions if m.label in ("ORG", "LOC", "GPE") and not is_acronym(m.text)]
    longer: dict[str, set[str]] = defaultdict(set)
    for m in names:
        parts = m.text.split()
        if len(parts) >= 4 and parts[-1][:1].isupper() and _INNER_PARTICLE.search(" ".join(parts[:-1]) + " "):
            longer[" ".join(parts[:-1])].add(groups.find(m.key))
    for m in names:
        owners = longer.get(m.text, set())
        if len(owners) == 1:
            groups.union(next(iter(owners)), m.key)
    return []


def _initials_fit(name: str, acr: str) -> bool:
    """'Uganda People's Defence Forces' and 'UPDF': the acronym's letters are the initials of
    the name's content words, in order."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in FUNCTION_WORDS]
    return "".join(w[0] for w in words).upper() == acr.upper()


def _mention_ending(mentions: list[_M], end: int) -> _M | None:
    return next((m for m in mentions if m.end == end and m.label in ("ORG", "GPE", "LOC")), None)


def _phrase_for(text: str, end: int, acr: str) -> _M | None:
    """The words before `end` whose initials spell the acronym ('National oil corporation')."""
    letters = [c.lower() for c in acr if c.isalpha()]
    words = list(re.finditer(r"[A-Za-zÀ-ɏ][\w'’\-]*", text[max(0, end - 150):end]))
    base = max(0, end - 150)
    for i in range(len(words) - 1, -1, -1):
        content = [w.group() for w in words[i:] if w.group().lower() not in FUNCTION_WORDS]
        if len(content) > len(letters):
            break
        if [w[0].lower() for w in content] == letters and words[i].group()[0].isupper() \
                and words[i].group().lower() not in FUNCTION_WORDS:
            s = base + words[i].start()
            return _M(s, end, text[s:end], "ORG", _key(text[s:end], "ORG"), rank=3)
    return None


def _aliases_defined(text: str, mentions: list[_M], groups: _Groups) -> list[_M]:
    """'Chérizier, who is also known as Barbecue', 'Magomedaliyev, dubbed as Daud',
    'Devashtich (formerly Ghonchi)'."""
    added = []
    for m in ALIAS_CUE.finditer(text):
        prev = [x for x in mentions if x.end <= m.start() and x.label in ("PERSON", "ORG", "GPE", "LOC")
                and m.start() - x.end < 80 and "." not in text[x.end:m.start()].replace("a.k.a.", "")]
        if not prev:
            continue
        owner = prev[-1]
        if m.group(1) and not _THE_ALIAS_GAP.match(text[owner.end:m.start()]):
            continue
        s, e = m.start(2), m.end(2)
        alias = _covering(mentions, s, e) or _M(s, e, m.group(2), owner.label,
                                                _key(m.group(2), owner.label), rank=3)
        if alias not in mentions:
            added.append(alias)
        groups.union(owner.key, alias.key)
        if owner.label == "PERSON":  # a person's nickname names that person wherever it stands
            for x in mentions + added:
                if x.key == alias.key and not x.actor and not x.place:
                    x.label = "PERSON"
    return added


def _spelling_variants(text: str, mentions: list[_M], groups: _Groups) -> list[_M]:
    """'Nikol Pashinian … Pashinyan said': person names of the same words but one, which
    differs by a single letter (a transliteration or a typo) in a word of six letters or
    more, are one person; so is such a variant of a surname standing alone."""
    from rapidfuzz.distance import Levenshtein

    people = {m.key: m for m in mentions if m.label == "PERSON"}
    surnames = {form for m in people.values() for form in _surname_forms(m.text)}
    owners: dict[str, set[str]] = defaultdict(set)
    for m in people.values():
        for form in _surname_forms(m.text):
            owners[fold(form)].add(groups.find(m.key))
    keys = sorted(set(people) | {fold(f) for f in surnames})
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            wa, wb = a.split(), b.split()
            diff = [(x, y) for x, y in zip(wa, wb) if x != y]
            if len(wa) == len(wb) and len(diff) == 1 and min(map(len, diff[0])) >= 6 \
                    and diff[0][0][0] == diff[0][1][0] and Levenshtein.distance(*diff[0]) == 1 \
                    and groups.find(a) != groups.find(b):
                groups.union(a, b)
                for k in (a, b):  # 'Zelensky' a letter from 'Zelenskiy', one person's surname: theirs
                    if k not in people and len(owners[k]) == 1:
                        groups.union(next(iter(owners[k])), k)
    # a variant the NER never tagged: a capitalised word outside every mention
    owners = {f: groups.find(m.key) for m in people.values() for f in _surname_forms(m.text)
              if " " not in f and len(f) >= 6}
    added = []
    for w in re.finditer(r"(?<![\w@])[A-ZÀ-Þ][\w'’\-]{5,}(?!\w)", text):
        if any(m.start < w.end() and w.start() < m.end for m in mentions) or w.group() in owners:
            continue
        near = [r for f, r in owners.items() if f[0] == w.group()[0] and Levenshtein.distance(f, w.group()) == 1]
        if len(set(near)) == 1:
            m = _M(w.start(), w.end(), w.group(), "PERSON", _key(w.group(), "PERSON"), rank=2)
            groups.union(near[0], m.key)
            added.append(m)
    return added


def _nicknames(text: str, mentions: list[_M], groups: _Groups) -> list[_M]:
    """'Johnny "Tiger" Baptiste … Tiger said': a nickname quoted inside a person's name is
    that person wherever it stands alone."""
    found = {m.group(1): groups.find(p.key) for p in mentions if p.label == "PERSON"
             for m in [_NICKNAME.search(p.text)] if m}
    return _standalone(text, mentions, groups, found, "PERSON", relabel=("PERSON", "ORG", "GPE", "NORP"))


def _without_nationality(text: str, mentions: list[_M], groups: _Groups, gazetteer) -> list[_M]:
    """'the Kyrgyz Border Service … the Border Service': an organisation's name without the
    nationality or country that opens it, when no other organisation has that rest."""
    if not hasattr(gazetteer, "country_code"):
        return []
    owners: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        words = m.text.split()
        if m.label == "ORG" and len(words) >= 3 and all(w[:1].isupper() for w in words[1:]) \
                and gazetteer.country_code(words[0]):
            owners[" ".join(words[1:])].add(groups.find(m.key))
    found = {rest: next(iter(ids)) for rest, ids in owners.items()
             if len(ids) == 1 and rest.split()[-1].lower() not in FUNCTION_WORDS}
    return _standalone(text, mentions, groups, found, "ORG", relabel=("ORG",))


def _surnames(text: str, mentions: list[_M], groups: _Groups) -> list[_M]:
    """'Muhammadu Buhari … Buhari said': a surname of a full name, when only one person in
    the article has it, is that person wherever it stands alone. A surname is the last word
    ('Buhari'), without its article ('al-Haddad' → 'Haddad'), with a particle before it
    ('Zeid Ra'ad Al Hussein' → 'Al Hussein'), or, in a name of three words or more, a middle
    word (the paternal name before a clan or family name: 'Idriss Deby Itno' → 'Deby')."""
    owners: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.label == "PERSON":
            for form in _surname_forms(m.text):
                owners[form].add(groups.find(m.key))
    found = {name: next(iter(ids)) for name, ids in owners.items() if len(ids) == 1}
    added = _standalone(text, mentions, groups, found, "PERSON", relabel=("PERSON", "ORG", "GPE", "NORP"),
                        own_words=_person_words(mentions))
    _relabel_surnames(text, mentions, set(owners))
    return added


_ARTICLE = lexicons.alternation("name_articles")
_PARTICLE = re.compile(rf"(?:{_ARTICLE}|{lexicons.alternation('surname_particles')})$", re.IGNORECASE)


_NICKNAME = re.compile(r"\s+[\"“‘']([A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?)[\"”’']\s+")


def _surname_forms(name: str) -> list[str]:
    parts = _NICKNAME.sub(" ", name).split()  # 'Johnny "Tiger" Baptiste' → 'Baptiste'
    if len(parts) < 2 or not all(p[:1].isupper() or _PARTICLE.match(p.split("-")[0]) for p in parts):
        return []
    last = parts[-1]
    forms = [last] if last[:1].isupper() and len(last) > 2 else []
    article = re.match(rf"{_ARTICLE}[-‐](?=[A-Z])", last, re.IGNORECASE)
    if article and len(last) - article.end() > 2:
        forms.append(last[article.end():])
    first = len(parts) - 1  # where the particles before the last word begin ('van der Berg')
    while first > 1 and _PARTICLE.match(parts[first - 1]):
        first -= 1
    if len(parts) >= 3 and _PARTICLE.match(parts[-2]) and parts[-2][:1].isupper():
        forms.append(" ".join(parts[-2:]))
    elif first < len(parts) - 1 and last[:1].isupper():
        # 'Mohammed bin Salman' → 'bin Salman', and 'Bin Salman' opening a sentence
        tail = " ".join(parts[first:])
        forms += [tail, tail[:1].upper() + tail[1:]]
    elif len(parts) >= 3 and all(p[:1].isupper() and len(p) > 2 for p in parts[-2:]):
        forms.append(" ".join(parts[-2:]))  # two surnames: 'Andrés Manuel López Obrador' → 'López Obrador'
    if len(parts) >= 3:
        forms += [p for p in parts[1:-1] if len(p) > 3 and p[:1].isupper() and not _PARTICLE.match(p)
                  and not TITLES.match(p + " ")]
    return forms


def _relabel_surnames(text: str, mentions: list[_M], surnames: set[str]) -> None:
    """NER tags a lone surname ORG now and then ('Okafor told reporters'): a surname that ends
    a person's name elsewhere in the article, or follows a title, is a person, even when two
    people share it and it cannot be linked to either."""
    for m in mentions:
        if m.label == "PERSON" or m.actor or m.place or " " in m.text:
            continue
        titled = re.search(rf"\b{_TITLE_ABBR}\.?\s+$", text[max(0, m.start - 8):m.start])
        if m.text in surnames or titled:
            m.label = "PERSON"


def _head_words(text: str, mentions: list[_M], groups: _Groups) -> list[_M]:
    """'the Muslim Brotherhood … the Brotherhood', 'Lebanese Army … the Army'."""
    owners: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        parts = m.text.split()
        if m.label == "ORG" and len(parts) >= 2 and parts[-1][:1].isupper() and len(parts[-1]) > 3 \
                and parts[-1].isalpha() and not parts[-1].isupper():
            owners[parts[-1]].add(groups.find(m.key))
    found = {w: next(iter(ids)) for w, ids in owners.items() if len(ids) == 1 and w.lower() != "state"}
    added = _standalone(text, mentions, groups, found, "ORG", relabel=("ORG",), generic_check=True)
    return added + _the_inner_word(text, mentions + added, groups, set(found))


def _inner_words(name: str) -> list[str]:
    """Capitalised content words of a long name other than its head (already a rule) and its
    first word when that is a nationality or place: 'Syrian Observatory for Human Rights' →
    'Observatory', 'Human', 'Rights'."""
    words = [w for w in name.split() if w.isalpha()]
    return [w for w in words[1:-1] if w[:1].isupper() and not w.isupper() and len(w) > 4
            and w.lower() not in FUNCTION_WORDS | GENERIC_HEADS]


def _the_inner_word(text: str, mentions: list[_M], groups: _Groups, heads: set[str]) -> list[_M]:
    """'the Syrian Observatory for Human Rights … the Observatory said': an inner word of one
    organisation's long name stands for it after 'the', when no other name holds the word."""
    owners: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.label == "ORG" and len(m.text.split()) >= 3:
            for w in _inner_words(m.text):
                owners[w].add(groups.find(m.key))
    found = {w: next(iter(ids)) for w, ids in owners.items() if len(ids) == 1 and w not in heads}
    if not found:
        return []
    added = _standalone(text, mentions, groups, found, "ORG", relabel=("ORG",))
    return [m for m in added if re.search(r"\b[Tt]he $", text[max(0, m.start - 4):m.start])]


def _place_variants(text: str, mentions: list[_M], groups: _Groups) -> list[_M]:
    """'North Darfur State' → 'North Darfur'; 'Gaza Strip' → 'Gaza'; 'Burkina Faso' → 'Burkina';
    'Sri Lanka' → 'S Lanka'."""
    found: dict[str, str] = {}
    abbrev: dict[str, str] = {}
    own_places = {m.text for m in mentions if m.place and fold(m.place) == fold(m.text)}
    for m in mentions:
        if m.label not in ("GPE", "LOC") or " " not in m.text:
            continue
        root = groups.find(m.key)
        short = PLACE_SUFFIX.sub("", m.text)
        if short != m.text and not _other_place(m, short, own_places):
            found.setdefault(short, root)
        parts = m.text.split()
        if len(parts) == 2 and m.label == "GPE" and parts[0].lower() not in GENERIC_FIRST \
                and len(parts[0]) > 3 and parts[0][0].isupper() and parts[0] not in own_places:
            found.setdefault(parts[0], root)
        if parts[0][0].isupper() and len(parts[0]) > 1:
            abbrev.setdefault(parts[0][0] + ". " + " ".join(parts[1:]), root)
            abbrev.setdefault(parts[0][0] + " " + " ".join(parts[1:]), root)
    return _standalone(text, mentions, groups, {**found, **abbrev}, "GPE", relabel=("GPE", "LOC", "ORG", "PERSON"))


def _other_place(m: _M, short: str, own_places: set[str]) -> bool:
    """'Mexico City' and 'Mexico': a city the gazetteer knows by its full name, whose short
    form is a place of its own in the article, is another place ('North Darfur State' and
    'Davao City' are not: the gazetteer names them 'North Darfur', 'Davao')."""
    return m.text.endswith(" City") and bool(m.place) and fold(m.place) == fold(m.text) \
        and short in own_places


def _acronyms_by_initials(text: str, mentions: list[_M], groups: _Groups) -> list[_M]:
    """An acronym never defined in the text ('the BNP') whose letters are the initials of one
    long name in it ('Bangladesh Nationalist Party', 'the supreme court' → 'SC')."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        words = [w for w in re.split(r"[\s\-]+", m.text) if w and w.lower() not in FUNCTION_WORDS]
        if m.label in ("ORG", "GPE") and len(words) >= 2 and not is_acronym(m.text):
            by_initials["".join(w[0] for w in words).upper()].add(groups.find(m.key))
    found = {a: next(iter(ids)) for a, ids in by_initials.items()
             if len(ids) == 1 and a not in TITLE_ACRONYMS}
    known = {m.text for m in mentions if m.actor}  # the actor dictionary's acronyms say who they are
    found.update(_reordered_acronyms(text, by_initials, known))
    added = _standalone(text, mentions, groups, found, "ORG", relabel=("ORG", "GPE", "PERSON", "NORP"))
    # two letters are too easily initials of anything: 'the SC' yes, 'local MP' no
    added = [m for m in added if len(m.text) > 2 or re.search(r"\b[Tt]he $", text[:m.start])]
    return added + _names_by_initials(text, mentions + added, groups, set(by_initials))


_CAPITALS = re.compile(r"(?<![\w@])[A-Z]{3,6}(?![\w])")


def _reordered_acronyms(text: str, by_initials: dict[str, set[str]], known: set[str]
                        ) -> dict[str, str]:
    """An acronym of the name in another language, whose word order differs ('UFR' of the
    'Union of Resistance Forces', the Union des forces de la résistance; 'CJNG' of the Jalisco
    New Generation Cartel): three letters or more, the initials of one long name of the text
    in another order, no name's initials in their own order, not an acronym of the actor
    dictionary (which names its own)."""
    by_letters: dict[str, set[str]] = defaultdict(set)
    for initials, ids in by_initials.items():
        if len(initials) >= 3:
            by_letters["".join(sorted(initials))] |= ids
    out = {}
    for acr in sorted({m.group() for m in _CAPITALS.finditer(text)}):
        ids = by_letters.get("".join(sorted(acr)), set())
        if acr not in by_initials and acr not in TITLE_ACRONYMS and acr not in known and len(ids) == 1:
            out[acr] = next(iter(ids))
    return out


# a name of capitalised words, function words between them: 'Congress for Progress and Justice'
_CAPITALISED_NAME = re.compile(
    rf"(?<![\w'’])[A-Z][\w'’\-]*(?:\s+(?:(?:{lexicons.alternation('name_function_words')})\s+)*[A-Z][\w'’\-]*)+")


def _names_by_initials(text: str, mentions: list[_M], groups: _Groups, spelled: set[str]) -> list[_M]:
    """An acronym of three letters or more that no mention's initials spell, whose letters are
    the initials of exactly one run of capitalised words in the text, which the NER cut short
    or missed ('Congress for Progress' of '… Progress and Justice' … 'the CPJ'): that run
    is its full name."""
    acronyms = {m.text: m for m in mentions if m.label in ("ORG", "GPE") and is_acronym(m.text)
                and m.text.isalpha() and m.text.isupper() and len(m.text) >= 3 and m.text not in spelled
                and m.text not in TITLE_ACRONYMS and len({groups.find(m.key)}) == 1}
    lone = {a: m for a, m in acronyms.items()
            if not any(groups.find(x.key) == groups.find(m.key) and not is_acronym(x.text) for x in mentions)}
    if not lone:
        return []
    runs: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    sizes = {len(a) for a in lone}
    for r in _CAPITALISED_NAME.finditer(text):
        # every stretch of the run from one capitalised word to another ('Supporters of the
        # Congress for Progress and Justice' holds 'Congress … Justice')
        words = [w for w in re.finditer(r"\S+", r.group()) if w.group()[0].isupper()]
        for i in range(len(words)):
            for n in sizes:
                if i + n <= len(words):
                    initials = "".join(w.group()[0] for w in words[i:i + n]).upper()
                    if initials in lone:
                        s, e = r.start() + words[i].start(), r.start() + words[i + n - 1].end()
                        runs[initials].setdefault(fold(text[s:e]), (s, e))
    added = []
    for acr, found in sorted(runs.items()):
        if len(found) != 1:
            continue  # two names with the same initials: which one is meant is not known
        s, e = next(iter(found.values()))
        if _sentence_initial(text, s) and text[s:e].split()[0].lower() in GENERIC_HEADS:
            continue
        long = next((m for m in mentions if (m.start, m.end) == (s, e)), None) \
            or _M(s, e, text[s:e], "ORG", _key(text[s:e], "ORG"), rank=3)
        if long not in mentions:
            added.append(long)
        groups.union(lone[acr].key, long.key)
    return added


# a form's occurrence stands alone: no word character or '@' before it, none after it, nor an
# apostrophe and a lower-case letter other than s (a possessive ends a name, 'Dia'ra' runs on)
_NAME_CHAR_BEFORE = re.compile(r"[\w@]")
_NAME_GOES_ON_AFTER = re.compile(r"[\w]|['’][a-rt-z]")


def _standalone(text: str, mentions: list[_M], groups: _Groups, forms: dict[str, str],
                label: str, relabel: tuple[str, ...] = (), generic_check: bool = False,
                own_words: set[str] | None = None) -> list[_M]:
    """Occurrences of `forms` (exact case) that are not part of a longer mention: existing
    single mentions with the same text are linked, new ones are returned. With `own_words`
    (the words of the article's person names), an occurrence right after a capitalised word
    that is none of them ends another name the NER missed ('Tely Oury Bah' is not
    'Mamadou Bah')."""
    if not forms:
        return []
    forms = {**{anyascii(f): r for f, r in forms.items()}, **forms}  # 'Öcalan' → also 'Ocalan'
    spans = sorted(mentions, key=lambda m: m.start)
    added = []
    for s, e in find_literals(text, sorted(forms, key=len, reverse=True), _NAME_CHAR_BEFORE,
                              _NAME_GOES_ON_AFTER):
        form = text[s:e]
        cover = _covering(spans, s, e)
        if cover is not None and (cover.start, cover.end) != (s, e):
            continue  # inside a longer name
        if generic_check and form.lower() in GENERIC_HEADS and _sentence_initial(text, s):
            continue
        if own_words is not None and _foreign_name_before(text, s, own_words):
            continue
        root = forms[form]
        if cover is not None:
            if cover.label in relabel and groups.find(cover.key) != root:
                groups.union(root, cover.key)
            continue
        inside = [m for m in spans if m.start < e and s < m.end]
        if inside and (label != "PERSON" or any(m.start < s or e < m.end or m.label not in relabel
                                                for m in inside)):
            continue
        for m in inside:  # 'Van der Berg' that the NER cut to 'Berg': the part is the person too
            groups.union(root, m.key)
        m = _M(s, e, form, label, _key(form, label), rank=2)
        groups.union(root, m.key)
        added.append(m)
    return added


def _person_words(mentions: list[_M]) -> set[str]:
    return {w for m in mentions if m.label == "PERSON" for w in m.text.split()}


def _foreign_name_before(text: str, pos: int, own_words: set[str] | None) -> bool:
    """A capitalised word right before `pos` that is no title, date or word of a known
    person's name, and does not open a sentence: the start of a name the NER missed."""
    if not own_words:
        return False
    m = re.search(r"(?<![\w.])([A-ZÀ-Þ][\w'’\-]+) $", text[max(0, pos - 40):pos])
    if not m or m.group(1) in own_words or TITLES.match(m.group(1) + " ") or _NOT_NAME.match(m.group(1)):
        return False
    before = text[:pos - len(m.group(0))].rstrip(" \t")
    return bool(before) and before[-1] not in ".!?\n\"“”:"  # a capital opening a sentence says nothing


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 6):pos]
    return pos == 0 or bool(re.search(r"(?:^|[.!?\n][\"”’)]*)\s*$", before)) or "\n" in before
