"""Entities: one per real-world thing named in the article, with every surface form of it.

Mentions come from spaCy's NER (parsed sentences only), the actor dictionary, the gazetteer and a
few regexes (datelines, @handles, institutions written in lower case). Forms are then linked by
the rules of aliases.py (acronyms, surnames, nicknames, head words, place variants …).
Finally every known form is searched for in the whole text, so sentences that spaCy never saw
(triage) still yield their mentions.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from .. import lexicons
from .actors import ActorDictionary, is_acronym
from .aliases import (DEMONYM, TITLES, _M, _NAME_WORD, _NOT_NAME, _TITLE_ABBR, _foreign_name_before,
                      _Groups, _key, _link, _NAME_CHAR_BEFORE, _same_country, _sentence_initial,
                      _without_nationality)
from ..document import Doc
from .nlp import coarse_pos
from ..ledger import Entity, Mention
from ..places.gazetteer import STATE_KINDS  # trusted over the tagger and at a sentence's start
from .text import find_literals, fold

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC", "NORP": "NORP"}
PLACE_KINDS = {"country", "admin1", "admin2", "region", "city", "town", "village", "populated"}
# a name in lower case may open with one of these ('al-Shabaab', 'bin Laden', 'van Dijk')
_ARTICLES, _PARTICLES = lexicons.alternation("name_articles"), lexicons.alternation("surname_particles")
# State forces named by nationality and a common noun are descriptions, not names.
GENERIC_FORCE = re.compile(r"\b(?:" + "|".join(lexicons.words("generic_force_nouns")) + ")$")
INSTITUTIONS = re.compile(
    r"\b(?:the\s+)(" + "|".join(map(re.escape, lexicons.words("institution_nouns"))) + r")\b")
HANDLE = re.compile(r"@([A-Za-z0-9_]{2,30})\b")



def build_entities(doc: Doc, gazetteer, actors: ActorDictionary) -> list[Entity]:
    text = doc.text
    mentions = _resolve(_collect(doc, gazetteer, actors))
    groups = _Groups()
    for m in mentions:
        groups.add(m)
    mentions += _link(text, mentions, groups, actors)
    mentions += _without_nationality(text, mentions, groups, gazetteer)
    _short_place_names(mentions, groups, doc.places)
    _same_country(mentions, groups, gazetteer)
    mentions = _resolve(mentions + _propagate(text, mentions, groups))
    return _entities(mentions, groups)


# ---- collecting -----------------------------------------------------------------------------
def _collect(doc: Doc, gazetteer, actors: ActorDictionary) -> list[_M]:
    text = doc.text
    out: list[_M] = []
    for a in doc.actors:
        out += _from_actor(text, a, gazetteer)
    places = {(p.start, p.end): p for p in doc.places if getattr(p, "candidates", None)}
    headline = _headline_end(text)
    for n in doc.names:
        label = LABELS.get(n.label)
        if label and _proper(doc, n) and not (n.end <= headline and " " in n.text.strip()):
            out += [_relabel(text, m, places, gazetteer) for m in _clean(text, n.start, n.end, label)]
    for p in doc.places:
        m = _from_place(text, p, gazetteer)
        if m:
            out.append(m)
    out += _datelines(doc, actors)
    out += _handles(text)
    out += _particle_names(text)
    out += [_make(text, m.start(1), m.end(1), "ORG", 3) for m in INSTITUTIONS.finditer(text)]
    return [m for m in out if m is not None]


def _proper(doc: Doc, n) -> bool:
    """spaCy's NER tags some common words at a sentence start ('Requesting', 'Anger'): keep a
    span only if the parser saw a proper noun (or a nationality) in it."""
    parsed = doc.parsed.get(n.sentence)
    if parsed is None or n.label == "NORP":
        return True
    base = doc.sentences[n.sentence].start
    span = parsed.char_span(n.start - base, n.end - base, alignment_mode="expand")
    return span is None or any(coarse_pos(t) == "PROPN" for t in span)


def _headline_end(text: str) -> int:
    """End of a title-case first line without final punctuation (NER is unreliable there)."""
    first = re.match(r"[^\n]*", text).group()
    words = re.findall(r"[A-Za-z][\w'’\-]*", first)
    caps = sum(w[0].isupper() for w in words)
    if words and not first.rstrip().endswith((".", "!", "?")) and caps >= 0.6 * len(words):
        return len(first)
    return 0


def _relabel(text: str, m: _M, places: dict, gazetteer) -> _M:
    """Gazetteer knowledge fixes NER types: 'Mali' tagged PERSON, 'Nigerien' tagged GPE; a
    name no place has, followed by an office, is a person."""
    p = places.get((m.start, m.end))
    if p and fold(p.text) == fold(p.candidates[0].name) and p.candidates[0].kind in PLACE_KINDS:
        m.place = p.candidates[0].name
        if m.label in ("PERSON", "ORG", "NORP") and p.candidates[0].kind in STATE_KINDS:
            m.label = "GPE"
        return m
    if m.label in ("GPE", "LOC") and _OFFICE_AFTER.match(text, m.end) \
            and re.fullmatch(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})+", m.text):
        m.label = "PERSON"  # 'Babur Ishchi, the head of the council' tagged LOC: an officer's name
        return m
    code = gazetteer.country_code(m.text) if hasattr(gazetteer, "country_code") else None
    name = gazetteer.country_name(code) if code and hasattr(gazetteer, "country_name") else None
    if code and (not name or fold(name) != fold(m.text)) and DEMONYM.search(m.text):
        m.label, m.key = "NORP", _key(m.text, "NORP")
    return m


def _short_place_names(mentions: list[_M], groups: _Groups, places) -> None:
    """'Nagorno-Karabakh … in Karabakh': a mention the gazetteer knows as another name of a
    place the article names in full, whose words it is part of, is that place whatever type
    spaCy gave each ('Bissau' is a city of its own, not 'Guinea-Bissau'; a person is never
    joined to a place for a word they share)."""
    full = {fold(m.place): m for m in mentions if m.place}
    at = {(p.start, p.end): p for p in places if getattr(p, "candidates", None)}
    for m in mentions:
        p = at.get((m.start, m.end))
        if m.place or m.label == "PERSON" or p is None:
            continue
        name = fold(p.candidates[0].name)
        owner = full.get(name)
        if owner is not None and owner.label != "PERSON" and fold(m.text) != name \
                and fold(m.text) in re.split(r"[\s\-]+", name):
            groups.union(owner.key, m.key)
            m.label = owner.label


def _from_actor(text: str, a, gazetteer) -> list[_M]:
    """An actor match; 'Haiti's National Police' gives the place and the body separately,
    'Kenyan troops' gives nothing (the nationality comes from NER)."""
    start, end = a.start, a.end
    out = []
    pos = re.match(r"([A-Z][\w\- ]*?)['’]s\s+", text[start:end])
    if pos and _is_place(gazetteer, pos.group(1)):  # not 'Uganda People's Defence Forces'
        out.append(_make(text, start, start + len(pos.group(1)), "GPE", 3))
        start += pos.end()
    body = text[start:end]
    if a.actor.kind == "state_force" and (GENERIC_FORCE.search(body) or body[:1].islower()):
        return out
    if body.split()[-1].islower() and not is_acronym(body) and a.actor.kind == "state_force" \
            and not re.search(rf"\b{lexicons.alternation('armed_services')}$", body):
        return out
    paren = re.match(r"(.+?)\s*\(([^()]+)\)$", body)  # 'West Papua … Army (TPNPB)': two forms
    spans = [(start, start + len(paren.group(1))), (end - 1 - len(paren.group(2)), end - 1)] \
        if paren else [(start, end)]
    for s, e in spans:
        m = _make(text, s, e, "ORG", 4)
        if m:
            m.actor = a.actor.canonical
            out.append(m)
    return out


def _is_place(gazetteer, name: str) -> bool:
    if hasattr(gazetteer, "country_code") and gazetteer.country_code(name):
        return True
    return hasattr(gazetteer, "lookup") and bool(gazetteer.lookup(name, fuzzy=False))


def _from_place(text: str, p, gazetteer) -> _M | None:
    """A gazetteer match, kept only where it is spelled as the place is named (the index also
    holds alternate names: 'At', 'More', 'Santo' are places somewhere)."""
    if not getattr(p, "candidates", None) or not p.text[:1].isupper():
        return None
    top = p.candidates[0]
    if fold(p.text) != fold(top.name):
        code = gazetteer.country_code(p.text) if hasattr(gazetteer, "country_code") else None
        return _make(text, p.start, p.end, "NORP", 1) if code and top.kind == "country" else None
    if _sentence_initial(text, p.start) and top.kind not in STATE_KINDS:
        return None
    m = _make(text, p.start, p.end, "GPE" if top.kind in PLACE_KINDS else "LOC", 1)
    if m:
        m.place = top.name
    return m


def _datelines(doc: Doc, actors: ActorDictionary) -> list[_M]:
    """'BENGHAZI/TRIPOLI (Reuters) -', 'MOSCOW, August 11': the places of datelines and
    paragraph headers written in capitals (the clean stage's records)."""
    text, out = doc.text, []
    for lo, hi in doc.header_places():
        if not text[lo:hi].isupper():
            continue
        pos = lo
        for part in re.finditer(r"[^/]+", text[lo:hi]):
            word = part.group().strip()
            if len(word) < 3 or actors.lookup(word) or is_acronym(word) and len(word) < 4:
                continue
            s = pos + part.start()
            mm = _make(text, s, s + len(word), "GPE", 1)
            if mm:
                out.append(mm)
    return out


def _handles(text: str) -> list[_M]:
    """'(@David_Cameron)': a handle is a form of the name it spells."""
    out = []
    for m in HANDLE.finditer(text):
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "."):
            continue  # an e-mail address
        name = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", m.group(1).replace("_", " "))
        out.append(_M(m.start(), m.end(), m.group(), "PERSON", fold(name), rank=5))
    return out


def _clean(text: str, start: int, end: int, label: str) -> list[_M]:
    """A span trimmed of articles, titles, possessives and punctuation, split at an inner
    possessive ('Candido Mendes University’s Public Safety Observatory' is two names)."""
    span = text[start:end]
    if "\n" in span.strip():
        return []
    inner = re.search(r"['’]s\s+(?=[A-Z])", span)
    if inner:
        owner = _clean(text, start, start + inner.start(), "ORG" if label == "PERSON" else label)
        return owner + _clean(text, start + inner.end(), end, label)
    lead = re.match(r"(?:[\s\"“‘'(\[—–\-•*]|the\s+|The\s+|pro-|anti-|Pro-|Anti-)*", span).end()
    if label != "PERSON" and re.match(rf"{_TITLE_ABBR}\.?\s+[A-Z]", span[lead:]):
        label = "PERSON"  # 'Col Getnet Adane' tagged ORG
    titled = TITLES.match(span[lead:]) if label in ("ORG", "NORP") else None
    if titled and re.fullmatch(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})+\W*", span[lead + titled.end():]):
        label = "PERSON"  # 'Bishop Rolando Álvarez' tagged ORG: a title and a full name
    if label == "PERSON":
        lead += _cue_first(text, start + lead, end)
        lead += _NATIONAL_TITLE.match(span[lead:]).end()  # 'Azerbaijani President' of a name
        title = TITLES.match(span[lead:])
        lead += title.end() if title else 0
    trail = re.search(r"(?:['’]s?|[\s\"”’',.;:)\]\-—–])*$", span[lead:])
    s, e = start + lead, start + lead + (trail.start() if trail else len(span) - lead)
    e = _over_particles(text, s, e)
    if label == "PERSON":
        s, e = _extend_name(text, s, e)
    m = _make(text, s, e, label, 2)
    return [m] if m else []



# lower-case particles, then capitalised words: the rest of a name ('… de la Cultura')
_PARTICLE_RUN = re.compile(
    rf"(?:\s+(?:{lexicons.alternation('inner_name_particles')})){{1,3}}((?:\s+{_NAME_WORD}){{1,3}})")


# capitalised words joined by lower-case particles: 'Casa de la Cultura', 'Jaish al Adl'
_PARTICLE_NAME = re.compile(
    rf"(?<![\w'’]){_NAME_WORD}(?:\s+{_NAME_WORD})*"
    rf"(?:(?:\s+(?:{lexicons.alternation('inner_name_particles')})){{1,3}}(?:\s+{_NAME_WORD})+)+")


def _particle_names(text: str) -> list[_M]:
    """Names the NER missed whole that are plainly names by their form: capitalised words
    joined by lower-case particles, none of them a date ('Casa de la Cultura'). Their rank is
    the lowest: any other reading of the words wins; their type is ORG until one says more."""
    out = []
    for m in _PARTICLE_NAME.finditer(text):
        if "\n" in m.group() or any(_NOT_NAME.match(w) or TITLES.fullmatch(w + " ")
                                     for w in m.group().split() if w[:1].isupper()):
            continue
        made = _make(text, m.start(), m.end(), "ORG", 0)
        out += [made] if made else []
    return out


def _over_particles(text: str, s: int, e: int) -> int:
    """The end of a name the NER cut before a lower-case particle ('Casa' of 'Casa de la
    Cultura'): over the particles and the capitalised words after them, not a date's."""
    for _ in range(2):
        if e <= s or not text[e - 1].isalpha():
            break
        m = _PARTICLE_RUN.match(text, e)
        if not m or any(_NOT_NAME.match(w) or TITLES.match(w + " ") for w in m.group(1).split()):
            break
        e = m.end()
    return e


# a speech cue that opens a sentence before the name it speaks for: 'Said Brandt: "…"'
_CUE_WORD = re.compile(rf"(?:{lexicons.alternation('speech_cues')})\s+(?=[A-Z])", re.I)


def _cue_first(text: str, s: int, e: int) -> int:
    """The length of a capitalised cue opening a sentence before a name that a colon follows
    ('Said Brandt: "…"'), else 0; with a comma it may be a first name ('Said Ahmed, a
    shopkeeper, said …')."""
    m = _CUE_WORD.match(text, s, e)
    if m and text[s].isupper() and _sentence_initial(text, s) and text[e:e + 1] == ":":
        return m.end() - s
    return 0


def _extend_name(text: str, s: int, e: int) -> tuple[int, int]:
    """spaCy often cuts long names ('Roch Marc' | 'Christian Kabore', 'Santo' | 'Domic Chol'):
    take in directly adjacent capitalised words that are not titles or dates; a possessive
    ('Ilham Aliyev’s statement') ends the name before its 's."""
    for _ in range(3):
        m = re.match(r" (" + _NAME_WORD + r")(?=[\s,.;:)]|$)", text[e:e + 40])
        if not m or _NOT_NAME.match(m.group(1)) or TITLES.match(m.group(1) + " "):
            break  # 'Azerbaijani' tagged a person does not take in 'President Ilham Aliyev'
        owner = _POSSESSIVE.search(m.group(1))
        if owner:
            e += m.end() - len(owner.group())
            break
        e += m.end()
    for _ in range(2):
        m = re.search(r"(?<![\w.])(" + _NAME_WORD + r") $", text[max(0, s - 40):s])
        if not m or _NOT_NAME.match(m.group(1)) or TITLES.match(m.group(1) + " ") \
                or _sentence_initial(text, s - len(m.group(0))):
            break
        s -= len(m.group(0))
    return s, e


# an appositive office after a name: ', the head of …', ', a provincial police spokesman'
_OFFICE_AFTER = re.compile(rf",\s+(?:the|an?)\s+(?:[\w'’\-]+\s+){{0,3}}?"
                           rf"{lexicons.alternation('role_nouns')}\b", re.I)
_POSSESSIVE = re.compile(r"(?<=\w)['’]s?$")
# a nationality or country word before a title: 'Azerbaijani President', 'US Secretary of State'
_NATIONAL_TITLE = re.compile(rf"(?:[A-Z][\w\-]*\s+(?=[A-Z])(?=(?:{lexicons.alternation('titles')})\s))?")


def _make(text: str, start: int, end: int, label: str, rank: int) -> _M | None:
    word = text[start:end]
    if end - start < 2 or not re.search(r"[A-Za-zÀ-ɏ]", word) or TITLES.fullmatch(word + " "):
        return None
    if word[:1].islower() and rank < 3 \
            and not re.match(rf"(?:{_ARTICLES}|{_PARTICLES})[-\s]", word):
        return None
    return _M(start, end, word, label, _key(word, label), rank=rank)



def _resolve(mentions: list[_M]) -> list[_M]:
    """Non-overlapping mentions: higher rank first, then longer."""
    chosen: list[_M] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(mentions, key=lambda m: (-m.rank, -(m.end - m.start), m.start)):
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        chosen.append(m)
        taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


# ---- propagation and output -----------------------------------------------------------------
_WORD_CHAR = re.compile(r"\w")


def _with_the(form: str) -> list[str]:
    """The form, and with 'the' after each 'of' ('Republic of Congo' → 'Republic of the
    Congo'), in the order a pattern with an optional '(?:the )?' after each 'of' tries them."""
    parts = form.split(" of ")
    out = [parts[0]]
    for part in parts[1:]:
        out = [f"{o} of {the}{part}" for o in out for the in ("the ", "")]
    return out


def _propagate(text: str, mentions: list[_M], groups: _Groups) -> list[_M]:
    """Every known form, searched over the whole text as written and in capitals (datelines)."""
    forms: dict[str, _M] = {}
    for m in mentions:
        if len(m.text) >= 3 or is_acronym(m.text):
            forms.setdefault(m.text, m)
            if not is_acronym(m.text) and m.label in ("GPE", "LOC"):
                forms.setdefault(m.text.upper(), m)
    if not forms:
        return []
    # 'Democratic Republic of Congo' also finds 'Democratic Republic of the Congo'
    alts = [v for f in sorted(forms, key=len, reverse=True) for v in _with_the(f)]
    keyed = {m.key: m for m in forms.values()}
    full_words: dict[str, set[str]] = defaultdict(set)  # a person's full names, by group
    for m in mentions:
        if m.label == "PERSON" and " " in m.text:
            full_words[groups.find(m.key)].update(m.text.split())
    out = []
    headline = _headline_end(text)
    for found, end in find_literals(text, alts, _NAME_CHAR_BEFORE, _WORD_CHAR):
        form = text[found:end]
        src = forms.get(form) or keyed.get(_key(form, "GPE")) or keyed.get(_key(form, "ORG"))
        if src is None:
            continue
        start = found
        if src.label == "PERSON" and " " not in src.text:
            known = full_words.get(groups.find(src.key))
            if _foreign_name_before(text, start, known):
                continue  # a surname ending another person's name
            if not known and start >= headline:
                start = _full_name_before(text, start, end, mentions)
        # a longer form around a shorter mention ('the Congo' of '… Republic of the Congo') wins
        longer = any(x.start >= start and x.end <= end and x.end - x.start < end - start for x in mentions)
        key = src.key if start == found else _key(text[start:end], src.label)
        m = _M(start, end, text[start:end], src.label, key, src.actor, src.place,
               rank=src.rank if longer else 0)
        groups.union(src.key, m.key)
        out.append(m)
    return out


_ROLE_WORDS = frozenset(lexicons.words("role_nouns"))


def _full_name_before(text: str, start: int, end: int, mentions: list[_M]) -> int:
    """Where the full name of a lone surname begins, when the NER tagged only the surname:
    'Bishop Rolando Alvarez' → 'Rolando Alvarez'. The words taken in follow a title, a word
    in lower case or a comma, and are no other mention, office or sentence opening ('in Kabul
    Alvarez', 'Director Alvarez', '"Did Alvarez …')."""
    wider = _extend_name(text, start, end)[0]
    if wider == start or any(x.start < start and wider < x.end for x in mentions) \
            or any(w.lower() in _ROLE_WORDS for w in text[wider:start].split()):
        return start
    before = re.search(r"(\S+)\s+$", text[max(0, wider - 40):wider])
    word = before.group(1) if before else ""
    if word and (TITLES.match(word + " ") or word[0].islower() or word[-1] in ",("):
        return wider
    return start


def _entities(mentions: list[_M], groups: _Groups) -> list[Entity]:
    by_root: dict[str, list[_M]] = defaultdict(list)
    for m in mentions:
        by_root[groups.find(m.key)].append(m)
    ordered = sorted(by_root.values(), key=lambda ms: min(m.start for m in ms))
    out = []
    for i, ms in enumerate(ordered, 1):
        ms.sort(key=lambda m: m.start)
        out.append(Entity(f"E{i}", _canonical(ms), _type(ms),
                          [Mention(m.text, m.start, m.end) for m in ms]))
    return out


def _type(ms: list[_M]) -> str:
    if any(m.actor for m in ms):
        return "ORG"
    votes = Counter(m.label for m in ms if m.rank >= 1) or Counter(m.label for m in ms)
    if any(m.place for m in ms) and votes["PERSON"] <= votes["GPE"] + votes["LOC"] + 1:
        return "LOC" if votes["LOC"] > votes["GPE"] else "GPE"  # the gazetteer knows the place
    return max(votes, key=lambda lab: (votes[lab], lab == "PERSON"))


def _canonical(ms: list[_M]) -> str:
    actor = next((m.actor for m in ms if m.actor), None)
    if actor:
        return actor
    place = next((m.place for m in ms if m.place), None)
    if place:
        return place
    names = [m.text for m in ms if not m.text.startswith("@")] or [m.text for m in ms]
    best = max(names, key=lambda t: (not t.isupper(), len(t.split()), len(t)))
    return best.title() if best.isupper() and len(best) > 4 else best
