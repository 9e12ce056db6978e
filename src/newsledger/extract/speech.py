"""The reading of who speaks, shared by quotes and claims: the article's quoted spans,
speakers and their history, and the word lists that tell a person from an official, an
anonymous source or an organisation.

Speakers are found by position, not by the parser: the words between the cue verb and the
quote or the sentence boundary, matched against the article's entities; pronouns and "the
minister" resolve to the most recent speaker that fits.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import lexicons
from ..document import Doc
from .nlp import coarse_pos
from .text import _is_abbreviation

QUOTE_MIN_WORDS = 4
ROLE_NOUNS = frozenset(lexicons.words("role_nouns"))
ANON_NOUNS = frozenset(lexicons.words("anonymous_source_nouns"))
GROUP_NOUNS = frozenset(lexicons.words("group_nouns"))
PRONOUNS: dict[str, str] = lexicons.mapping("speaker_pronouns")



DETERMINERS = re.compile(rf"^(?:{lexicons.pattern('speaker_determiners')}\s+)+", re.IGNORECASE)
AUX = re.compile(rf"\s+{lexicons.pattern('speaker_trailing_aux')}$", re.IGNORECASE)
# Words between a cue and its clause: time, manner, addressee ('said on Tuesday that').
ADVERBIAL = re.compile(
    r"(?:\s*,?\s*(?:on\s+)?(?:" + "|".join([
        lexicons.alternation("weekdays"), lexicons.pattern("speech_adverbials"),
        lexicons.alternation("times_of_day"), lexicons.alternation("months") + r"\s+\d{1,2}"])
    + r")(?!['’]s)\s*,?)+")
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

    def entities_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        return [m for m in self.mentions if start <= m[0] and m[1] <= end]

    def sentence_span(self, offset: int) -> tuple[int, int]:
        s = self.doc.sentences[self.doc.sentence_at(offset)]
        return s.start, s.end

    def speaker(self, start: int, end: int, inverted: bool = False) -> Speaker:
        start = self._after_header(start, end)
        key = (start, end)
        if key not in self._cache:
            self._cache[key] = resolve_speaker(self, start, end, inverted)
            sp = self._cache[key]
            if sp.kind != "unknown" and not sp.derived and sp not in self.history:
                self.history.append(sp)
        return self._cache[key]

    def _after_header(self, start: int, end: int) -> int:
        """Where the speaker's words begin after a dateline that opens them ('ADEN (Saba) The
        governor said'): the dateline names where the story was filed, not who speaks."""
        for h in self.doc.header_records():
            if h.start <= start < h.end < end:
                start = h.end
                while start < end and self.text[start] in " \t-–—:":
                    start += 1
        return start


def normalise_marks(text: str) -> str:
    return DOUBLED.sub('" ', text) if "''" in text else text


# ---- quoted spans ---------------------------------------------------------------------------
@dataclass
class _Span:
    open: int    # offset of the opening mark
    close: int   # offset of the closing mark (or the end of the stretch when unclosed)
    closed: bool


def quote_spans(text: str) -> list[_Span]:
    """Quoted stretches per paragraph; an unclosed one running to the end of its paragraph is
    joined with a next paragraph that opens with a quote mark (one quote, several paragraphs)."""
    spans: list[_Span] = []
    single = not re.search(r"[\"“”]", text)  # an outlet that quotes speech in single marks
    for ps, pe in _paragraphs(text):
        spans += _single_spans(text, ps, pe) if single else _paragraph_spans(text, ps, pe)
    merged: list[_Span] = []
    for sp in spans:
        prev = merged[-1] if merged else None
        if prev and not prev.closed and text[prev.close:sp.open].strip() == "" \
                and not TRANSCRIPT_LABEL.match(text, sp.open + 1):  # 'PENCE: …' is the next speaker
            prev.close, prev.closed = sp.close, sp.closed
            continue
        merged.append(sp)
    return merged


# 'PENCE: Well, look …': a transcript's speaker label, in capitals, opening a quoted paragraph
TRANSCRIPT_LABEL = re.compile(r"\s*([A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+){0,2}):\s")


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


# 'It is over,' she said. / ‘It is over’: a single mark opens after a space or bracket before
# a word, and closes after a word or punctuation before a space, punctuation or the end; an
# apostrophe inside a word ('Nigeria’s', 'don't') is neither.
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–:-]))[‘'](?=[\w$£€])(.+?)(?<=[\w.,!?…%])[’'](?=[\s,.;:!?)\]—–-]|$)")


def _single_spans(text: str, ps: int, pe: int) -> list[_Span]:
    return [_Span(ps + m.start(), ps + m.end() - 1, True) for m in _SINGLE.finditer(text[ps:pe])]


def _opens(text: str, i: int, ps: int) -> bool:
    return i == ps or text[i - 1] in " \t([—–-:\u00a0" or text[i - 1] in OPENERS


def _closes(text: str, i: int, pe: int) -> bool:
    return i + 1 >= pe or not text[i + 1].isalnum()




def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


def _subject_start(head: str, verb: int) -> int:
    """Start of the subject before a cue verb: after the last opening quote, colon or
    sentence-opening adverbial ('Following the exchange of fire, X told')."""
    lo = 0
    # a short parenthesis belongs to the name ('Rep. Jane Doe (D-Ohio) said'): blank it out
    masked = re.sub(r"\((?:[^()\s]+\s?){1,4}\)", lambda m: " " * len(m.group()), head[:verb])
    for m in re.finditer(r"[\"“”:;()–—]|\s-\s|(?<=\w)\.\s", masked):
        if m.group().startswith(".") and _is_abbreviation(masked, 0, m.start()):
            continue  # 'Jane Q. Doe', 'Mr. Doe': no sentence ends there
        lo = m.end()
    chunk = head[lo:verb]
    opener = _CONNECTIVES.match(chunk)
    if opener:  # 'However, 63 percent said', 'Still, the agency said': no subject
        lo, chunk = lo + opener.end(), chunk[opener.end():]
    # 'X, a spokesman for Y, said' keeps its commas; 'In Kuruvita, south of Kandy, police said'
    # and 'Later on Thursday, X said' keep only the words after the last comma
    parts = chunk.split(",")
    last = parts[-1].strip()
    if len(parts) >= 2 and last and not _ONLY_AUX.fullmatch(last):
        if _head(_description(last)) in ROLE_NOUNS | ANON_NOUNS | GROUP_NOUNS \
                or last[:1].isupper() or len(parts) == 2 and not _head(_description(parts[0])) \
                or _CONJUNCTION_NAME.match(last):  # '…, but Harlow said': a new clause
            lo += len(chunk) - len(parts[-1])
    # 'the mine, which Mr. Doe says he will keep open': the subject of a relative clause
    rel = _RELATIVE_OPENER.match(head, lo + len(chunk) - len(parts[-1]), verb)
    return rel.end() if rel else lo


# bare words before a subject ('So he says', 'later the officers said'), a contracted
# auxiliary after a pronoun ("I've argued")
_BARE_WORDS_FIRST = re.compile(rf"^(?:(?i:{lexicons.pattern('bare_speaker_words')})\s+)+(?=\w)")
_CONTRACTED = re.compile(r"(?<=\w)['’](?:ve|d|ll|m|re)$", re.IGNORECASE)
_CONJUNCTION_NAME = re.compile(rf"{lexicons.alternation('speaker_leading_conjunctions')}\s+[A-Z]")
_CONNECTIVES = re.compile(rf"\s*(?:(?i:{lexicons.pattern('sentence_connectives')}|"
                          rf"{lexicons.pattern('bare_speaker_words')})\s*,\s*)+")
_RELATIVE_OPENER = re.compile(rf"\s*(?:{lexicons.alternation('relative_pronouns')})\s+(?=[A-Z][^,]*$)")


_ONLY_AUX = re.compile(rf"(?:{lexicons.pattern('speaker_trailing_aux')}|\s)+")
_RELATIVE_CLAUSE = re.compile(rf",\s*{lexicons.alternation('relative_pronouns')}\b")
_DESCRIPTION_BREAK = re.compile(rf",|\s+{lexicons.alternation('speaker_description_breaks')}\b")
_LEADING_CONJUNCTION = re.compile(rf"^{lexicons.alternation('speaker_leading_conjunctions')}\s+", re.I)


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



# ---- speakers -------------------------------------------------------------------------------
def resolve_speaker(ctx: Context, start: int, end: int, inverted: bool = False) -> Speaker:
    text = ctx.text
    words = AUX.sub("", text[start:end].strip(" ,")).strip()
    words = AUX.sub("", words)  # 'X has also later': a second trailing word
    words = _CONTRACTED.sub("", _BARE_WORDS_FIRST.sub("", words))  # 'So he', "I've" → 'he', 'I'
    ents = ctx.entities_in(start, end)
    # 'the local news website Actuniger': a name after an outlet noun is the outlet's
    clause = _RELATIVE_CLAUSE.search(text, start, end)
    head_end = clause.start() if clause else end  # 'the general, who is close to X,'
    people = [m for m in ents if m[3] == "PERSON" and m[1] <= head_end
              and _word_before(text, m[0]).lower() not in GROUP_NOUNS
              and _word_after(text, m[1]) not in GROUP_NOUNS | ANON_NOUNS]
    if people:
        return Speaker(people[0][2], "person", start, words)
    surname = _surname_of(ctx, words)
    if surname:  # 'Lynch said …' after 'Attorney General Jane Lynch': the person, not a group
        return Speaker(surname, "person", start, words)
    unnamed = _NAME_WITH_APPOSITIVE.match(words)
    if unnamed and not any(m[0] <= start + words.find(unnamed.group(1)) < m[1] for m in ents):
        # 'Jane Q Doe, the father of …': a name the NER missed, described as a person
        return Speaker(unnamed.group(1), "person", start, words)
    low = words.lower()
    if low in PRONOUNS:
        return _pronoun(ctx, low, start)
    clause_subject = _clause_pronoun(low)
    if clause_subject:  # 'He then defended the remark, saying', '… to drive up prices, she said'
        return _pronoun(ctx, clause_subject, start)
    desc = _description(words)
    head = _head(desc)
    named = _name_in_apposition(ctx, end) if inverted and head in ROLE_NOUNS else None
    if named:  # '…, said the regional commander, Gen. Jane Doe.': the name says who
        return Speaker(named, "person", start, words)
    if re.match(r"(?i)the\s", words) and head in ROLE_NOUNS | ANON_NOUNS:
        earlier = _definite(ctx, head, start)
        if earlier is None and head in ROLE_NOUNS:  # 'General X criticized … The chief of staff said'
            earlier = _subject_after(ctx, start - 1500, start)
            if earlier and _another_office(ctx, earlier.name, head, start):
                earlier = None  # 'Governor X visited … the minister said': someone else
        if earlier:
            return earlier
    orgs = [m for m in ents if m[3] in ("ORG", "GPE", "NORP")]
    document = _DOCUMENT.search(words)
    owner = document and DETERMINERS.sub("", words[:document.start()]).strip()
    owners = [m for m in orgs if owner and text[m[0]:m[1]] == owner]
    if owners:  # 'the CSNS statement says', "the ministry's statement said": the organisation's words
        return Speaker(owners[0][2], "group", start, words, True)
    if head in ROLE_NOUNS:
        return Speaker(desc, "role", start, words)
    if head in ANON_NOUNS:
        plural = head.endswith("s") or head == "people"
        return Speaker(desc, "anon", start, words, plural)
    if orgs and (not head or head not in GROUP_NOUNS or _covers_head(orgs, end)):
        return Speaker(orgs[0][2], "group", start, words, True)
    if head in GROUP_NOUNS:
        body = _DOCUMENT.sub("", desc)  # 'a government statement said' → 'government'
        return Speaker(body or desc, "group", start, words, True)
    return Speaker(desc or None, "unknown", start, words)


# a comma, capitalised titles ('Gen.', 'Lt. Col.'), then the name and the end of the phrase
_TITLES_THEN = re.compile(r",\s*(?:[A-Z][\w'’\-]*\.?\s+){0,3}?")
_PHRASE_END = re.compile(r"\s*(?:[,.;!?\"”’)]|$)", re.MULTILINE)


def _name_in_apposition(ctx: Context, end: int) -> str | None:
    """The person named right after an official's role ('the commander, Gen. Jane Doe.')."""
    text = ctx.text
    for s, e, canonical, etype in ctx.mentions:
        if s < end:
            continue
        if s > end + 40:
            break
        if etype == "PERSON" and _TITLES_THEN.fullmatch(text, end, s) and _PHRASE_END.match(text, e):
            return canonical
    return None


def _surname_of(ctx: Context, words: str) -> str | None:
    """A lone capitalised word ('Lynch', 'Mr. Lynch') that ends the name of one person of the
    article: that person, however the entity finder typed the lone word."""
    m = _LONE_NAME.fullmatch(words)
    if not m:
        return None
    people = {c for _, _, c, t in ctx.mentions
              if t == "PERSON" and " " in c and c.split()[-1] == m.group(1)}
    return people.pop() if len(people) == 1 else None


_LONE_NAME = re.compile(rf"(?:{lexicons.alternation('title_abbreviations')}\.?\s+)?([A-Z][a-z][\w'’\-]*)")


def _clause_pronoun(low: str) -> str | None:
    """A pronoun standing for the speaker in words that are a clause, not a name: the words
    after the last comma ('… your pay, she'), or the subject opening a clause ('he then
    defended the remark', 'she urged him to leave and repeatedly'); 'he and his aides' is
    no clause."""
    last = low.rsplit(",", 1)[-1].strip()
    if "," in low and last in PRONOUNS:
        return last
    words = low.split()
    if len(words) >= 3 and words[0] in PRONOUNS and PRONOUNS[words[0]] == "sing" \
            and words[1] not in ("and", "or", "of", "with"):
        return words[0]
    return None


_DOCUMENT = re.compile(rf"(?:['’]s)?\s+{lexicons.alternation('speech_documents')}$", re.I)
# two to four capitalised words, then ', the/a …' describing them
_NAME_WITH_APPOSITIVE = re.compile(r"((?:[A-Z][\w'’\-]+\s+){1,3}[A-Z][\w'’\-]+),\s+(?:the|a|an)\s+\w")


def _word_before(text: str, pos: int) -> str:
    """The word right before `pos`; none across a comma ('a spokesman for the agency, Jane
    Doe': the name in apposition is no compound of 'agency')."""
    m = re.search(r"([A-Za-z\-]+)[^\w,;:]*$", text[max(0, pos - 30):pos])
    return m.group(1) if m else ""


def _word_after(text: str, pos: int) -> str:
    m = re.match(r"\s+([a-z\-]+)", text[pos:pos + 30])
    return m.group(1) if m else ""


def _covers_head(orgs, end: int) -> bool:
    """An organisation's name ends the speaker's words ('the Interior Ministry')."""
    return any(e >= end - 2 for _, e, _, _ in orgs)


def _description(words: str) -> str:
    """'a local official, who did not give his name' → 'local official'."""
    words = _DESCRIPTION_BREAK.split(words)[0]
    words = _LEADING_CONJUNCTION.sub("", words.strip())
    words = _BARE_WORDS_FIRST.sub("", words)  # 'later the officers'
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
            subject = _subject_after(ctx, sp.start, start)
            return subject or Speaker(sp.name, sp.kind, start, sp.words, False, True)
        if number != "sing" and (sp.plural or sp.kind == "group"):
            subject = _subject_after(ctx, sp.start, start, _GROUP_TYPES)
            return subject or Speaker(sp.name, sp.kind, start, sp.words, True, True)
    if number != "sing":  # 'The Interior Ministry issued a statement. It said …'
        subject = _subject_after(ctx, start - 1500, start, _GROUP_TYPES)
        if subject:
            return subject
    if number == "sing":
        subject = _subject_after(ctx, start - 1500, start)
        if subject:
            return subject
        people = [m for m in ctx.mentions if m[3] == "PERSON" and m[1] <= start and start - m[1] < 600]
        if people:
            return Speaker(people[-1][2], "person", start, "", False, True)
    return Speaker(None, "unknown", start, pron)


_GROUP_TYPES = ("ORG",)


def _subject_after(ctx: Context, lo: int, start: int, types: tuple[str, ...] = ("PERSON",)
                   ) -> Speaker | None:
    """The last person (or organisation, of `types`) who opens a sentence between `lo` (the
    last speaker) and a pronoun ('Jane Doe, who lives there, gave a similar account. He said
    …'): the subject the pronoun most likely takes up, though no speech cue named them."""
    i = ctx.doc.sentence_at(start)
    # the pronoun's own sentence too: 'Sen. Jane Doe scolded him: "…," she said'
    for sent in reversed(ctx.doc.sentences[:i + 1]):
        if sent.end <= lo:
            break
        # the first person named, after nothing but capitalised words ('Democratic Sen.')
        first = next((m for m in ctx.mentions if sent.start <= m[0] < sent.end
                      and m[3] in types), None)
        own = sent is ctx.doc.sentences[i]  # the pronoun's: not a name inside its quote
        if first and lo < first[0] and first[1] <= start \
                and not (own and any(qs < first[0] < qe for qs, qe in ctx.quoted)) \
                and re.fullmatch(r"[\s\"“‘]*(?:[A-Z][\w.\-]*\s+){0,3}", ctx.text[sent.start:first[0]]):
            group = "PERSON" not in types
            return Speaker(first[2], "group" if group else "person", start, "", group, True)
    return None


def _another_office(ctx: Context, name: str | None, head: str, before: int) -> bool:
    """Whether `head` is a civil office and the article gave the person `name` (before
    `before`) only other civil offices: a title just before a mention ('Governor X', 'Gov.
    X') or an office in apposition after one ('X, the state governor,')."""
    office = EXCLUSIVE_OFFICES.get(head)
    if office is None or name is None:
        return False
    held: set[str] = set()
    for s, e, canonical, _ in ctx.mentions:
        if canonical != name or s >= before:
            continue
        title = _TITLE_BEFORE.search(ctx.text, max(0, s - 40), s)
        after = _OFFICE_APPOSITION.match(ctx.text, e, min(len(ctx.text), e + 60))
        for words in (title.group() if title else "", after.group(1) if after else ""):
            held |= {EXCLUSIVE_OFFICES[w] for w in re.findall(r"[a-z\-]+", words.lower())
                     if w in EXCLUSIVE_OFFICES}
    return bool(held) and office not in held


EXCLUSIVE_OFFICES: dict[str, str] = lexicons.mapping("exclusive_offices")
# the capitalised title words right before a name ('Deputy Gov. ', 'State Governor ')
_TITLE_BEFORE = re.compile(r"(?:[A-Z][\w\-]*\.?\s+){1,4}$")
# an office after a name: ', the state governor,' (its words up to the next punctuation)
_OFFICE_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+([\w\s\-]+?)\s*[,.;]")


def _definite(ctx: Context, head: str, start: int) -> Speaker | None:
    """'the minister said' after 'Interior Minister X told …': X."""
    for sp in _before(ctx, start, 3000):
        if re.search(rf"\b{re.escape(head)}\b", sp.words, re.IGNORECASE) \
                and sp.kind in ("person", "role", "anon"):
            return Speaker(sp.name, sp.kind, start, sp.words, sp.plural, True)
    text = ctx.text
    # 'Health Minister X visited …', or the office after the name: 'X, the president, spoke'
    appositive = re.compile(rf",\s+(?:the|a|an)\s+(?:[\w'’\-]+\s+){{0,4}}?{re.escape(head)}\b(?!['’])", re.IGNORECASE)
    for s, e, canonical, etype in reversed(ctx.mentions):
        if etype == "PERSON" and e <= start and start - e < 2000 and \
                (re.search(rf"\b{re.escape(head)}\b", text[max(0, s - 40):s], re.IGNORECASE)
                 or appositive.match(text, e, min(start, e + 60))):
            return Speaker(canonical, "person", start, text[max(0, s - 40):e], False, True)
    return None


# Words that open a subordinate clause, never a speaker ('where she spoke', 'although they');
# a bare conjunction or adverb ('and', 'later') is no speaker either.
CLAUSE_OPENERS = re.compile(rf"{lexicons.pattern('clause_openers')}$", re.IGNORECASE)
BARE_WORDS = re.compile(rf"{lexicons.pattern('bare_speaker_words')}$", re.IGNORECASE)
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


