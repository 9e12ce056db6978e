"""Quotes: who said what, in the article's words.

Direct quotes are the stretches inside quotation marks (straight or curly) of four words or more,
joined when a cue splits them ("The talks," he said, "will resume") and continued over
paragraphs that open with a quote mark and leave the previous one unclosed. Indirect quotes are
content clauses of speech cues ("X said (that) …", "…, X said", "according to X, …") whose
speaker is a named person or an official by role; the same clauses from organisations or
anonymous sources are claims (see claims.py, which shares the cue analysis here).

Speakers are found by position, not by the parser: the words between the cue verb and the
quote or the sentence boundary, matched against the article's entities; pronouns and "the
minister" resolve to the most recent speaker that fits.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Doc
from .nlp import coarse_pos
from ..ledger import Quote
from .cues import CLAUSE_CUES, CUE_RX, SPEECH

QUOTE_MIN_WORDS = 4
ROLE_NOUNS = {
    "spokesman", "spokeswoman", "spokesperson", "minister", "prosecutor", "commander", "chief",
    "director", "director-general", "president", "governor", "mayor", "ambassador", "envoy",
    "secretary", "secretary-general", "leader", "head", "chairman", "chairwoman", "premier",
    "mp", "lawmaker", "senator", "attorney", "judge", "coordinator", "adviser", "advisor",
    "inspector", "commissioner", "superintendent", "colonel", "general", "administrator",
    "chancellor", "king", "prime", "rapporteur", "ombudsman", "prefect", "deputy", "speaker",
}
ANON_NOUNS = {
    "official", "officials", "source", "sources", "resident", "residents", "witness",
    "witnesses", "eyewitness", "eyewitnesses", "doctor", "doctors", "medic", "medics", "nurse",
    "worker", "workers", "officer", "officers", "diplomat", "diplomats", "analyst", "analysts",
    "activist", "activists", "man", "woman", "villager", "villagers", "survivor", "survivors",
    "relative", "relatives", "member", "members", "people", "person", "student", "students",
    "journalist", "journalists", "expert", "experts", "observer", "observers", "farmer",
    "trader", "teacher", "father", "mother", "brother", "sister", "son", "daughter", "wife",
    "husband", "friend", "neighbour", "neighbor", "elder", "elders", "monitor", "monitors",
}
GROUP_NOUNS = {
    "police", "military", "army", "government", "authorities", "ministry", "media", "reports",
    "report", "protesters", "protestors", "demonstrators", "supporters", "rebels", "militants",
    "organisation", "organization", "group", "agency", "statement", "committee", "council",
    "brigade", "forces", "troops", "soldiers", "office", "department", "service", "gazette",
    "publication", "website", "outlet", "newspaper", "broadcaster", "broadcasters", "television",
    "radio", "authority", "administration", "regime", "junta", "court", "commission", "party",
    "movement", "campaigners", "crowd", "crowds", "mob", "insurgents", "fighters", "gunmen",
}
PRONOUNS = {"he": "sing", "she": "sing", "they": "plural", "it": "group", "we": "plural"}
DETERMINERS = re.compile(
    r"^(?:(?:a|an|the|one|another|this|that|these|those|his|her|their|its|some|two|three|"
    r"hundreds of|thousands of|dozens of|scores of|many|several|other)\s+)+", re.IGNORECASE)
AUX = re.compile(r"\s+(?:has|have|had|was|were|is|are|also|later|then|earlier|again|"
                 r"previously|has also|had also|would|will|could)$", re.IGNORECASE)
# Words between a cue and its clause: time, manner, addressee ('said on Tuesday that').
ADVERBIAL = re.compile(
    r"(?:\s*,?\s*(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"yesterday|today|last\s+\w+|earlier|later|late|in a statement|in an interview|in a "
    r"(?:televised|video|radio|press|news|written)\s+\w+(?:\s+\w+)?|on condition of anonymity|"
    r"at a (?:press|news) conference|via \w+|on \w+ (?:television|radio|media)|"
    r"(?:the\s+)?(?:BBC|AFP|Reuters|AP|dpa|DPA|journalists|reporters|the media|state media)|"
    r"(?:morning|afternoon|evening|night)|(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{1,2})(?!['’]s)\s*,?)+")
# 'Khartoum, Jan 20 (IANS)', 'BENGHAZI (Reuters) -': a dateline is not part of the content
DATELINE = re.compile(r"[^\n()]{0,60}?\([A-Za-z][\w\-. ]{1,25}\)\s*[-–—:]?\s*")
OPENERS = "\"“‘"
# Some texts write quotation marks as two apostrophes (''…''): read as '"' plus a space, which
# keeps every offset, so spans found in the normalised text index the article text as given.
DOUBLED = re.compile(r"''(?!')")
ACCORDING = re.compile(r"\b[Aa]ccording to\s+")


@dataclass(frozen=True)
class Speaker:
    name: str | None
    kind: str           # person | role | anon | group | unknown
    start: int          # where its words are (for pronoun resolution order)
    words: str = ""     # the subject words as written ('Interior Minister X') for 'the minister'
    plural: bool = False
    derived: bool = False  # resolved from a pronoun or 'the minister': not a new antecedent


@dataclass(frozen=True)
class Attribution:
    """A speech cue with its content clause: an indirect quote or a claim."""

    speaker: Speaker
    cue: str
    start: int
    end: int
    addressee: str | None = None


# ---- entry point ----------------------------------------------------------------------------
def analyse_speech(doc: Doc) -> tuple["Context", list[Quote], list[Attribution]]:
    """The article's direct quotes and attributions, read once for both quotes and claims
    (kept on the Doc): the speaker history first holds every named speaker, so a pronoun
    resolves to the nearest one before it whichever cue was read first."""
    if doc.speech is None:
        ctx = Context.of(doc)
        doc.speech = (ctx, _direct_quotes(ctx), attributions(ctx))
    return doc.speech


def extract_quotes(doc: Doc) -> list[Quote]:
    _, direct, atts = analyse_speech(doc)
    indirect = [a for a in atts if a.speaker.kind in ("person", "role")]
    out = direct + [Quote(a.speaker.name, doc.text[a.start:a.end], "indirect", a.start, a.end,
                          a.cue, a.addressee) for a in indirect]
    return sorted(out, key=lambda q: q.start)


class Context:
    """The article's text, sentences, entity mentions and the running speaker history."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = normalise_marks(doc.text)  # for analysis; quoted words come from doc.text
        self.mentions = sorted(
            ((m.start, m.end, e.canonical, e.type) for e in doc.entities for m in e.mentions),
            key=lambda x: x[0])
        self.history: list[Speaker] = []
        self._cache: dict[tuple[int, int], Speaker] = {}
        # spans between quotation marks, as (open, close) offsets: found once per article
        self.quoted = [(s.open, s.close) for s in quote_spans(self.text)]

    @classmethod
    def of(cls, doc: Doc) -> "Context":
        """A context whose history already holds every named speaker of the article, so a
        pronoun resolves to the nearest one before it whichever cue was read first."""
        ctx = cls(doc)
        _direct_quotes(ctx)
        attributions(ctx)
        ctx._cache.clear()
        return ctx

    def entities_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        return [m for m in self.mentions if start <= m[0] and m[1] <= end]

    def sentence_span(self, offset: int) -> tuple[int, int]:
        s = self.doc.sentences[self.doc.sentence_at(offset)]
        return s.start, s.end

    def speaker(self, start: int, end: int, inverted: bool = False) -> Speaker:
        key = (start, end)
        if key not in self._cache:
            self._cache[key] = resolve_speaker(self, start, end, inverted)
            sp = self._cache[key]
            if sp.kind != "unknown" and not sp.derived and sp not in self.history:
                self.history.append(sp)
        return self._cache[key]


def normalise_marks(text: str) -> str:
    return DOUBLED.sub('" ', text) if "''" in text else text


# ---- direct quotes --------------------------------------------------------------------------
@dataclass
class _Span:
    open: int    # offset of the opening mark
    close: int   # offset of the closing mark (or the end of the stretch when unclosed)
    closed: bool


def quote_spans(text: str) -> list[_Span]:
    """Quoted stretches per paragraph; an unclosed one running to the end of its paragraph is
    joined with a next paragraph that opens with a quote mark (one quote, several paragraphs)."""
    spans: list[_Span] = []
    for ps, pe in _paragraphs(text):
        spans += _paragraph_spans(text, ps, pe)
    merged: list[_Span] = []
    for sp in spans:
        prev = merged[-1] if merged else None
        if prev and not prev.closed and text[prev.close:sp.open].strip() == "":
            prev.close, prev.closed = sp.close, sp.closed
            continue
        merged.append(sp)
    return merged


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            yield m.start(), m.end()


def _paragraph_spans(text: str, ps: int, pe: int) -> list[_Span]:
    out: list[_Span] = []
    opened: int | None = None
    for m in re.finditer(r"[\"“”]", text[ps:pe]):
        i, ch = ps + m.start(), m.group()
        if opened is None:
            if ch == "”" and not _opens(text, i, ps):
                continue  # a stray closing mark
            opened = i
        elif ch == "“" or (ch == '"' and _opens(text, i, ps) and not _closes(text, i, pe)):
            continue  # nested or odd mark: keep the outer quote open
        else:
            out.append(_Span(opened, i, True))
            opened = None
    if opened is not None:
        end = pe
        while end > opened and text[end - 1] in " \t\r":
            end -= 1
        out.append(_Span(opened, end, False))
    return out


def _opens(text: str, i: int, ps: int) -> bool:
    return i == ps or text[i - 1] in " \t([—–-:\u00a0" or text[i - 1] in OPENERS


def _closes(text: str, i: int, pe: int) -> bool:
    return i + 1 >= pe or not text[i + 1].isalnum()


def _direct_quotes(ctx: Context) -> list[Quote]:
    text = ctx.text
    spans = [s for s in _join_split(text, quote_spans(text))]
    out: list[Quote] = []
    prev: tuple[_Span, Quote] | None = None
    for sp in spans:
        start, end = _trim(text, sp.open + 1, sp.close)
        if len(text[start:end].split()) < QUOTE_MIN_WORDS:
            continue
        speaker, cue, addressee = _direct_speaker(ctx, sp)
        if speaker is None and prev and _continues(text, prev[0], sp):
            speaker, cue, addressee = prev[1].speaker, prev[1].cue, None
        q = Quote(speaker, ctx.doc.text[start:end], "direct", start, end, cue, addressee)
        out.append(q)
        prev = (sp, q)
    return out + _embedded_posts(ctx, spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


def _join_split(text: str, spans: list[_Span]) -> list[_Span]:
    """'"The talks," he said, "will resume"' is one quote: the first part ends with a comma and
    the words between are a short cue clause ending with a comma."""
    out: list[_Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if prev and prev.closed and text[prev.close - 1] == ",":
            gap = text[prev.close + 1:sp.open]
            if len(gap.split()) <= 12 and gap.rstrip().endswith(",") and CUE_RX.search(gap) \
                    and not re.search(r"[.!?]", gap) and "\n" not in gap:
                prev.close, prev.closed = sp.close, sp.closed
                continue
        out.append(sp)
    return out


def _continues(text: str, prev: _Span, sp: _Span) -> bool:
    """A quote right after the previous one (same paragraph, or opening the next paragraph)
    with no other cue between: the same speaker goes on."""
    between = text[prev.close + 1:sp.open]
    para_start = text.rfind("\n", 0, sp.open) >= sp.open - 2 or sp.open == 0
    return (para_start or "\n" not in between) and between.count("\n") <= 2 \
        and len(between.split()) <= 40


def _direct_speaker(ctx: Context, sp: _Span) -> tuple[str | None, str | None, str | None]:
    """The cue after the quote (', he said'), else before it ('X told reporters: "…'), else
    any cue of the sentence that holds it (a quoted fragment in reported speech)."""
    text = ctx.text
    after = _cue_after(ctx, sp)
    if after:
        return after
    before = _cue_before(ctx, sp)
    if before:
        return before
    s, e = ctx.sentence_span(sp.open)
    _, e = ctx.sentence_span(max(sp.open, sp.close - 1))
    for att in _cues_in(ctx, s, e):
        if att[1] < sp.close and att[0].kind != "unknown":  # before it, or in a split quote's gap
            return att[0].name, att[2], att[3]
    return _cue_just_before(ctx, sp.open) or _named_just_before(ctx, sp.open)


def _cue_just_before(ctx: Context, pos: int) -> tuple[str | None, str | None, str | None] | None:
    """'…, Schiff said. "The other factor …"': a quote that opens its sentence with no cue of
    its own goes to the last speaker named with a cue in the sentence before."""
    i = ctx.doc.sentence_at(pos)
    if i == 0 or ctx.doc.sentences[i].start < pos - 1:
        return None
    prev = ctx.doc.sentences[i - 1]
    if ctx.text[prev.end:pos].count("\n") > 2:
        return None
    found = [a for a in _cues_in(ctx, prev.start, prev.end) if a[0].kind in ("person", "role")]
    return (found[-1][0].name, found[-1][2], None) if found else None


def _named_just_before(ctx: Context, pos: int) -> tuple[str | None, str | None, str | None]:
    """'Relief worker X described the scene. "…"': the person named in the sentence before a
    quote that opens its own sentence, when no cue says otherwise."""
    i = ctx.doc.sentence_at(pos)
    if i == 0 or ctx.doc.sentences[i].start < pos - 1:
        return (None, None, None)
    prev = ctx.doc.sentences[i - 1]
    people = [m for m in ctx.entities_in(prev.start, prev.end) if m[3] == "PERSON"]
    return (people[-1][2], None, None) if len(people) == 1 else (None, None, None)


def _cue_after(ctx: Context, sp: _Span):
    text = ctx.text
    if not sp.closed:
        return None
    _, sent_end = ctx.sentence_span(sp.close)
    stop = _clause_end(text, sp.close + 1, max(sent_end, sp.close + 1))
    tail = text[sp.close + 1:stop]
    base = sp.close + 1
    dash = re.match(r"\s*([―—–])\s*([A-Z][^,.;()\n]{1,60})", tail)
    if dash:  # '"…" ― Jane Doe': a quote signed with a dash
        return _resolved(ctx, base + dash.start(2), base + dash.end(2), dash.group(1))
    inv = re.match(rf"\s*,?\s*({SPEECH})\b\s+", tail)
    if inv:  # '…," said Enas Madkour, a 19-year-old student'
        s = base + inv.end()
        e = base + _appositive_end(tail, inv.end())
        return _resolved(ctx, s, e, inv.group(1), inverted=True)
    m = re.match(rf"\s*,?\s*([^.;!?\"“”]{{1,160}}?)\s+({SPEECH})\b", tail)
    if m and len(m.group(1).split()) <= 25:
        s, e = base + m.start(1), base + m.end(1)
        return _resolved(ctx, s, e, m.group(2), told_at=base + m.end(2))
    return None


def _cue_before(ctx: Context, sp: _Span):
    text = ctx.text
    s, _ = ctx.sentence_span(sp.open)
    lo = max(s, text.rfind("\n", 0, sp.open) + 1)
    head = text[lo:sp.open]
    cues = list(CUE_RX.finditer(head))
    if not cues:
        return None
    c = cues[-1]
    rest = head[c.end():]
    if len(rest.split()) > 6 or re.search(r"[.!?]", rest) or _inside_quote(text, lo + c.start()):
        return None
    subj_lo = _subject_start(head, c.start())
    return _resolved(ctx, lo + subj_lo, lo + c.start(), c.group(), told_at=lo + c.end())


def _resolved(ctx: Context, s: int, e: int, cue: str, inverted: bool = False,
              told_at: int | None = None):
    sp = ctx.speaker(s, e, inverted)
    addressee = _addressee(ctx, told_at) if told_at is not None and cue in ("told", "tells", "tell") else None
    return sp.name, cue, addressee


def _clause_end(text: str, start: int, sent_end: int) -> int:
    m = re.compile(r"[.!?;\"“\n]").search(text, start, sent_end)
    return m.start() if m else sent_end


def _appositive_end(tail: str, at: int) -> int:
    m = re.compile(r"[,.;!?\"“”\n]").search(tail, at)
    return m.start() if m else len(tail)


def _subject_start(head: str, verb: int) -> int:
    """Start of the subject before a cue verb: after the last opening quote, colon or
    sentence-opening adverbial ('Following the exchange of fire, X told')."""
    lo = 0
    # a short parenthesis belongs to the name ('Rep. Jane Doe (D-Ohio) said'): blank it out
    masked = re.sub(r"\((?:[^()\s]+\s?){1,4}\)", lambda m: " " * len(m.group()), head[:verb])
    for m in re.finditer(r"[\"“”:;()–—]|\s-\s|(?<=\w)\.\s", masked):
        lo = m.end()
    chunk = head[lo:verb]
    # 'X, a spokesman for Y, said' keeps its commas; 'In Kuruvita, south of Kandy, police said'
    # and 'Later on Thursday, X said' keep only the words after the last comma
    parts = chunk.split(",")
    last = parts[-1].strip()
    if len(parts) >= 2 and last and not re.fullmatch(r"(?:has|have|had|was|were|is|are|also|\s)+", last):
        if _head(_description(last)) in ROLE_NOUNS | ANON_NOUNS | GROUP_NOUNS \
                or last[:1].isupper() or len(parts) == 2 and not _head(_description(parts[0])):
            lo += len(chunk) - len(parts[-1])
    return lo


def _inside_quote(text: str, pos: int) -> bool:
    ps = text.rfind("\n", 0, pos) + 1
    return any(s.open < pos < s.close for s in _paragraph_spans(text, ps, text.find("\n", pos)
                                                                  if "\n" in text[pos:] else len(text)))


def _addressee(ctx: Context, at: int) -> str | None:
    """'told the BBC in an interview' → 'BBC'; 'told reporters' → None."""
    m = re.match(r"\s+(?:the\s+)?", ctx.text[at:at + 10])
    pos = at + (m.end() if m else 0)
    for s, e, canonical, etype in ctx.mentions:
        if s == pos and etype in ("ORG", "PERSON"):
            return canonical
    return None


def _embedded_posts(ctx: Context, spans: list[_Span]) -> list[Quote]:
    """An embedded tweet: a paragraph followed by '— Name (@handle) date'."""
    text = ctx.text
    out = []
    for m in re.finditer(r"^[—–-]\s*([^\n(]{2,60}?)\s*\(@\w+\)[^\n]*$", text, re.MULTILINE):
        prev_end = m.start() - 1
        prev_start = text.rfind("\n", 0, max(0, prev_end)) + 1
        start, end = _trim(text, prev_start, prev_end)
        if len(text[start:end].split()) < QUOTE_MIN_WORDS or any(s.open <= start < s.close for s in spans):
            continue
        sp = ctx.speaker(m.start(1), m.end(1))
        out.append(Quote(sp.name or m.group(1).strip(), ctx.doc.text[start:end], "direct", start, end,
                         "tweeted", None))
    return out


# ---- speakers -------------------------------------------------------------------------------
def resolve_speaker(ctx: Context, start: int, end: int, inverted: bool = False) -> Speaker:
    text = ctx.text
    words = AUX.sub("", text[start:end].strip(" ,")).strip()
    words = re.sub(r"\s+(?:also|later|earlier|then)$", "", words)
    ents = ctx.entities_in(start, end)
    # 'the local news website Actuniger': a name after an outlet noun is the outlet's
    people = [m for m in ents if m[3] == "PERSON"
              and _word_before(text, m[0]).lower() not in GROUP_NOUNS
              and _word_after(text, m[1]) not in GROUP_NOUNS | ANON_NOUNS]
    if people:
        return Speaker(people[0][2], "person", start, words)
    low = words.lower()
    if low in PRONOUNS:
        return _pronoun(ctx, low, start)
    desc = _description(words)
    head = _head(desc)
    if re.match(r"(?i)the\s", words) and head in ROLE_NOUNS | ANON_NOUNS:
        earlier = _definite(ctx, head, start)
        if earlier:
            return earlier
    orgs = [m for m in ents if m[3] in ("ORG", "GPE", "NORP")]
    if head in ROLE_NOUNS:
        return Speaker(desc, "role", start, words)
    if head in ANON_NOUNS:
        plural = head.endswith("s") or head == "people"
        return Speaker(desc, "anon", start, words, plural)
    if orgs and (not head or head not in GROUP_NOUNS or _covers_head(orgs, text, start, end)):
        return Speaker(orgs[0][2], "group", start, words, True)
    if head in GROUP_NOUNS:
        return Speaker(desc, "group", start, words, True)
    return Speaker(desc or None, "unknown", start, words)


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z\-]+)\W*$", text[max(0, pos - 30):pos])
    return m.group(1) if m else ""


def _word_after(text: str, pos: int) -> str:
    m = re.match(r"\s+([a-z\-]+)", text[pos:pos + 30])
    return m.group(1) if m else ""


def _covers_head(orgs, text: str, start: int, end: int) -> bool:
    return any(e >= end - 2 for _, e, _, _ in orgs)


def _description(words: str) -> str:
    """'a local official, who did not give his name' → 'local official'."""
    words = re.split(r",|\s+(?:who|whose|which|reporting|speaking|adding|citing)\b", words)[0]
    words = re.sub(r"^(?:while|and|but|as|after|when|whereas)\s+", "", words.strip(), flags=re.I)
    words = DETERMINERS.sub("", words.strip())
    first = re.split(r"\s+and\s+", words)[0]  # 'an army spokesman and security sources'
    if re.search(r"[A-Za-z]+$", first) and re.search(r"[A-Za-z]+$", first).group().lower() in \
            ROLE_NOUNS | ANON_NOUNS | GROUP_NOUNS:
        words = first
    if len(words.split()) > 5:
        words = re.split(r"\s+in\s+", words)[0]
    return words.strip(" ,")


def _head(desc: str) -> str:
    """The noun that says who speaks: the last known noun before a preposition."""
    pre = re.split(r"\s+(?:for|of|in|at|with|from|on|to)\s+", desc)[0].lower()
    toks = re.findall(r"[a-z][a-z\-]*", pre)
    for t in reversed(toks):
        if t in ROLE_NOUNS or t in ANON_NOUNS or t in GROUP_NOUNS:
            return t
    return toks[-1] if toks else ""


def _before(ctx: Context, start: int, window: int = 1500) -> list[Speaker]:
    """Named speakers before `start`, nearest first."""
    cands = [sp for sp in ctx.history if sp.start < start and start - sp.start < window]
    return sorted(cands, key=lambda sp: -sp.start)


def _pronoun(ctx: Context, pron: str, start: int) -> Speaker:
    number = PRONOUNS[pron]
    for sp in _before(ctx, start):
        if number == "sing" and sp.kind in ("person", "role", "anon") and not sp.plural:
            return Speaker(sp.name, sp.kind, start, sp.words, False, True)
        if number != "sing" and (sp.plural or sp.kind == "group"):
            return Speaker(sp.name, sp.kind, start, sp.words, True, True)
    if number == "sing":
        people = [m for m in ctx.mentions if m[3] == "PERSON" and m[1] <= start and start - m[1] < 600]
        if people:
            return Speaker(people[-1][2], "person", start, "", False, True)
    return Speaker(None, "unknown", start, pron)


def _definite(ctx: Context, head: str, start: int) -> Speaker | None:
    """'the minister said' after 'Interior Minister X told …': X."""
    for sp in _before(ctx, start, 3000):
        if re.search(rf"\b{re.escape(head)}\b", sp.words, re.IGNORECASE) \
                and sp.kind in ("person", "role", "anon"):
            return Speaker(sp.name, sp.kind, start, sp.words, sp.plural, True)
    text = ctx.text
    for s, e, canonical, etype in reversed(ctx.mentions):  # 'Health Minister X visited …'
        if etype == "PERSON" and e <= start and start - e < 2000 and \
                re.search(rf"\b{re.escape(head)}\b", text[max(0, s - 40):s], re.IGNORECASE):
            return Speaker(canonical, "person", start, text[max(0, s - 40):e], False, True)
    return None


# Words that open a subordinate clause, never a speaker ('where she spoke', 'although they');
# a bare conjunction or adverb ('and', 'later') is no speaker either.
CLAUSE_OPENERS = re.compile(
    r"(?:where|although|though|because|if|since|which|whose|whom|what|that|unless|whether)$",
    re.IGNORECASE)
BARE_WORDS = re.compile(r"(?:and|or|but|nor|so|yet|while|when|as|then|also|later|earlier|"
                        r"again|now|still)$", re.IGNORECASE)
SUBORDINATE = ("relcl", "acl", "appos", "advcl")


def is_noun_phrase(ctx: Context, start: int, end: int) -> bool:
    """Whether the words can name who speaks: no finite verb in the parse outside a relative
    clause or appositive, and not a clause opener or a bare conjunction ('where she delivered
    a speech', 'and', 'he said', 'later joked that', 'although they')."""
    words = ctx.text[start:end].split()
    if not words or CLAUSE_OPENERS.match(words[0]) or len(words) == 1 and BARE_WORDS.match(words[0]):
        return False
    i = ctx.doc.sentence_at(start)
    parsed = ctx.doc.parsed.get(i)
    base = ctx.doc.sentences[i].start
    s, e = _trim(ctx.text, start, end)
    span = parsed.char_span(s - base, e - base, alignment_mode="expand") if parsed else None
    if span is None:
        return True
    toks = list(span)
    while toks and coarse_pos(toks[-1]) in ("AUX", "ADV", "PART", "PUNCT", "SPACE"):  # 'the army has also'
        toks.pop()
    return not any(_finite(t) and not _subordinate(t, span) for t in toks)


def _finite(tok) -> bool:
    return tok.tag_ in ("VBD", "VBZ", "MD") or tok.tag_ == "VBP" and coarse_pos(tok) == "AUX"


def _subordinate(tok, span) -> bool:
    """In a relative clause or appositive inside the span ('X, who runs the group,')."""
    return tok.dep_ in SUBORDINATE or any(a.dep_ in SUBORDINATE and a in span for a in tok.ancestors)


# ---- content clauses (indirect speech and claims) -------------------------------------------
def attributions(ctx: Context) -> list[Attribution]:
    """Every speech cue with a content clause outside quotation marks, in text order."""
    quoted = ctx.quoted
    out: list[Attribution] = []
    for sent in ctx.doc.sentences:
        if not CUE_RX.search(sent.text) and not ACCORDING.search(sent.text):
            continue
        for sp, s, e, cue, addressee in _clauses(ctx, sent.start, sent.end, quoted):
            if e - s > 3 and not _mostly_quoted(s, e, quoted):
                out.append(Attribution(sp, cue, s, e, addressee))
    return _dedupe(out)


def _dedupe(atts: list[Attribution]) -> list[Attribution]:
    """Two cues reading one clause ('told reporters, adding that …'): keep the tighter."""
    out: list[Attribution] = []
    for a in sorted(atts, key=lambda a: (a.end - a.start)):
        if not any(a.start < b.end and b.start < a.end for b in out):
            out.append(a)
    return sorted(out, key=lambda a: a.start)


def _mostly_quoted(s: int, e: int, quoted: list[tuple[int, int]]) -> bool:
    inside = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in quoted)
    return inside > 0.5 * (e - s)


def _cues_in(ctx: Context, s: int, e: int):
    """(speaker, cue offset, cue, addressee) for each cue verb of a sentence outside quotes."""
    text = ctx.text
    out = []
    for m in CUE_RX.finditer(text, s, e):
        if any(qs < m.start() < qe for qs, qe in ctx.quoted):
            continue
        lo = s + _subject_start(text[s:m.start()], m.start() - s)
        sp = ctx.speaker(lo, m.start())
        out.append((sp, m.start(), m.group(), None))
    return out


def _clauses(ctx: Context, s: int, e: int, quoted: list[tuple[int, int]]):
    text = ctx.text
    yield from _according(ctx, s, e)
    prev_end = s
    for m in CUE_RX.finditer(text, s, e):
        cue = m.group()
        if cue not in CLAUSE_CUES or any(qs < m.start() < qe for qs, qe in quoted):
            continue
        if re.search(r"\b(?:to|not|n't|never)\s+$", text[max(s, m.start() - 6):m.start()]):
            continue  # 'declined to say', 'did not say'
        before = text[prev_end:m.start()]
        final = re.search(r",\s*([^,]{1,120}?)\s*$", before)
        lead_end = prev_end + final.start() if final else prev_end
        lead_words = len(text[s:lead_end].split())
        no_cue = final and not CUE_RX.search(text[prev_end + final.start(1):m.start()])
        if final and lead_words >= 1 and no_cue and _mid_sentence_rest(text, m.end(), e):
            # 'Beyond that, he said, the talks will resume': the content is the whole sentence
            sp = _subject_speaker(ctx, *_subject_words(text, prev_end + final.start(1), m.start()), cue)
            c_s, c_e = _content_before(ctx, s, _sentence_end(text, m.end(), e))
            if sp:
                yield sp, c_s, c_e, cue, None
            prev_end = m.end()
            continue
        if final and lead_words >= 3 and not final.group(1).strip(" \"”'’"):
            # '…, says X, an analyst.': the speaker follows the cue
            sp = _inverted_speaker(ctx, m.end(), e)
            if sp:
                yield sp, *_content_before(ctx, s, lead_end), cue, None
                prev_end = e
                continue
        if final and lead_words >= 3 and no_cue and _clause_after_is_empty(text, m.end(), e):
            # '…, X said (on Thursday).' the content is before
            sp = _subject_speaker(ctx, *_subject_words(text, prev_end + final.start(1), m.start()), cue)
            c_s, c_e = _content_before(ctx, s, lead_end)
            if sp:
                yield sp, c_s, c_e, cue, None
        else:
            lo = prev_end + _subject_start(before, len(before))
            sp = _subject_speaker(ctx, lo, m.start(), cue)
            c_s = _content_start(text, m.end(), e, cue)
            cut = re.compile(r",\s+(?:adding|saying|citing|according to)\b").search(text, c_s, e)
            c_e = _trim(text, c_s, cut.start() if cut else e)[1]
            c_e = c_e - 1 if text[c_e - 1:c_e] in ".!?" else c_e
            addressee = _addressee(ctx, m.end()) if cue in ("told", "tells", "tell") else None
            if sp and c_s < c_e and _is_clause(ctx, m.start(), c_s, c_e):
                yield sp, c_s, c_e, cue, addressee
            prev_end = c_s
            continue
        prev_end = m.end()


def _subject_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The subject between a comma and a sentence-final cue, without opening quote marks."""
    return start + re.match(r"[\s\"“”'‘’]*", text[start:end]).end(), end


# After a mid-sentence cue ('…, he said, the talks …') the words go on as the content clause;
# a participle, conjunction, relative pronoun or preposition starts another kind of phrase.
MID_REST = re.compile(
    r"\s*(?![\"“”'‘’]|(?:adding|saying|citing|according|who|whose|which|where|when|as|and|but|"
    r"or|nor|because|while|after|before|in|on|at|with|without|though|although|if|than|to|for|"
    r"from|by|during|since|until|\w+ing)\b)[\w$]\S*(?:\s+\S+){2}")


def _mid_sentence_rest(text: str, at: int, e: int) -> bool:
    adv = ADVERBIAL.match(text, at, e)
    pos = adv.end() if adv else at
    if not text[at:pos].rstrip().endswith(","):
        comma = re.match(r"\s*,", text[pos:e])
        if not comma:
            return False
        pos += comma.end()
    return bool(MID_REST.match(text, pos, e))


def _sentence_end(text: str, at: int, e: int) -> int:
    end = _trim(text, at, e)[1]
    return end - 1 if text[end - 1:end] in ".!?" else end


def _inverted_speaker(ctx: Context, at: int, e: int) -> Speaker | None:
    """The speaker after a cue that ends its sentence: 'says X' or 'said X, a spokesman for Y'."""
    text = ctx.text
    m = re.match(r"\s+([^,.;:!?\"“”()]{2,80}?)\s*(?:[,(][^;!?\"“”]*)?[.!?]?[\s\"”'’]*$", text[at:e])
    # the whole tail must be a noun phrase (with its appositive), not a clause with a subject
    if not m or PREP_START.match(m.group(1)) or not is_noun_phrase(ctx, at + m.start(1), e):
        return None
    sp = ctx.speaker(at + m.start(1), at + m.end(1), inverted=True)
    return sp if sp.kind != "unknown" else None


def _subject_speaker(ctx: Context, s: int, e: int, cue: str) -> Speaker | None:
    words = ctx.text[s:e].strip()
    if cue in ("adding", "saying", "announcing", "confirming", "reporting") and \
            (not words or words.endswith(",")):
        # ', adding that …' takes the subject of the verb before it
        near = _before(ctx, e, 400)
        return near[0] if near else None
    if not words or len(words.split()) > 20 or not is_noun_phrase(ctx, s, e):
        return None
    return ctx.speaker(s, e)


def _clause_after_is_empty(text: str, at: int, e: int) -> bool:
    adv = ADVERBIAL.match(text, at, e)
    rest = text[adv.end() if adv else at:e].strip()
    return not rest or rest[0] in ".!?," or bool(re.match(r"^(?:in|on|at)\s+\w+(?:\s+\w+){0,4}[.]$", rest))


def _content_before(ctx: Context, s: int, end: int) -> tuple[int, int]:
    """Content that opens the sentence; a sentence split after 'a.m.'/'p.m.' is re-joined."""
    text = ctx.text
    i = ctx.doc.sentence_at(s)
    if i > 0:
        prev = ctx.doc.sentences[i - 1]
        if re.search(r"\b[ap]\.m\.$", prev.text) and prev.paragraph == ctx.doc.sentences[i].paragraph:
            s = prev.start
    dateline = DATELINE.match(text, s, end)
    return _trim(text, dateline.end() if dateline else s, end)


def _content_start(text: str, at: int, e: int, cue: str) -> int:
    adv = ADVERBIAL.match(text, at, e) if cue in ("said", "says", "told", "tells", "stated",
                                                     "confirmed", "announced", "added", "reported",
                                                     "warned", "claimed", "noted") else None
    pos = adv.end() if adv else at
    phrase = PHRASE_THAT.match(text, pos, e)
    if phrase and (cue in ("told", "tells", "tell") or PREP_START.match(text, pos)):
        return phrase.end()  # 'said in a letter to the court that …', 'told a rally that …'
    if cue in ("told", "tells", "tell") and not adv:
        m = re.match(r"\s+(?:the\s+)?[A-Za-z][\w\-]*(?:\s+[A-Z][\w\-]*)*(?:\s+news agency)?", text[pos:e])
        pos += m.end() if m else 0
    m = re.match(r"\s*(?:,\s*)?(?:that\s+)?", text[pos:e])
    pos += m.end() if m else 0
    return pos


# Words between a cue and 'that' ('said during a rally in Ohio on Friday that', 'told a meeting
# of leaders that'): up to 14 words with no sentence punctuation; 'that' followed by an auxiliary
# is a relative pronoun ('a letter that was sent'), not a complementiser.
PHRASE_THAT = re.compile(
    r"(?:\s+[^\s.;:!?\"“”]+){1,14}?,?\s+that\s+"
    r"(?!(?:was|were|is|are|has|had|have|will|would|could|can|may|might)\b)(?=\w)")
PREP_START = re.compile(
    r"\s*,?\s*(?:in|at|during|on|after|before|from|with|via|through|over|to|this|last|earlier|"
    r"later|just|again|repeatedly|publicly|privately|also|previously|recently|once|often|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b")


NOT_CLAUSE_START = re.compile(
    r"(?:on|in|at|for|to|with|from|by|about|of|during|after|before|as|while|outside|inside|near|"
    r"over|under|when|if|because|and|but|or|so|him|her|them|us|me|it|\w+ing)\b", re.IGNORECASE)


def _is_clause(ctx: Context, cue_at: int, start: int, end: int) -> bool:
    """Whether the words after a cue are a content clause ('said the toll has risen'), not an
    object ('declared a state of emergency', 'said in a statement'). The parse decides where
    there is one: a clausal complement (ccomp) of the cue inside the words."""
    content = ctx.text[start:end]
    if len(content.split()) < 3 or NOT_CLAUSE_START.match(content):
        return False
    if content.startswith("that ") or re.search(r"\bthat\s+$", ctx.text[max(0, start - 6):start]):
        return True
    doc = ctx.doc
    i = doc.sentence_at(cue_at)
    parsed = doc.parsed.get(i)
    if parsed is None:
        return bool(re.search(r"\b(?:is|are|was|were|has|had|have|will|would|could|\w+ed)\b",
                              content))
    base = doc.sentences[i].start
    cue = parsed.char_span(cue_at - base, cue_at - base + 1, alignment_mode="expand")
    if cue is None:
        return False
    verb = cue[0]
    return any(t.dep_ in ("ccomp", "parataxis") and start <= base + t.idx < end
               and (verb in t.ancestors or t.head.head == verb) for t in parsed)


def _according(ctx: Context, s: int, e: int):
    """'According to X, …' and '…, according to X.'"""
    text = ctx.text
    for m in ACCORDING.finditer(text, s, e):
        src_end_m = re.compile(r"[,.;]").search(text, m.end(), e)
        src_end = src_end_m.start() if src_end_m else e
        if m.start() <= s + 1 or text[s:m.start()].strip() == "":
            sp = _subject_speaker(ctx, m.end(), src_end, "according")
            c_s, c_e = _trim(text, src_end + 1, e)
            c_e = c_e - 1 if text[c_e - 1:c_e] in ".!?" else c_e
        else:
            sp = _subject_speaker(ctx, m.end(), src_end, "according")
            c_s, c_e = _content_before(ctx, s, text.rfind(",", s, m.start()) if "," in text[s:m.start()] else m.start())
        if sp and c_e > c_s:
            yield sp, c_s, c_e, "according to", None
