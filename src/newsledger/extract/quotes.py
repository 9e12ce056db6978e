"""Quotes: who said what, in the article's words.

Direct quotes are the stretches inside quotation marks (straight or curly) of four words or more,
joined when a cue splits them ("The talks," he said, "will resume") and continued over
paragraphs that open with a quote mark and leave the previous one unclosed. Indirect quotes are
content clauses of speech cues ("X said (that) …", "…, X said", "according to X, …") whose
speaker is a named person or an official by role; the same clauses from organisations or
anonymous sources are claims (see claims.py, which shares this reading).

The shared reading lives beside this module: speech.py (quoted spans, speakers and their
history), clauses.py (content clauses of cues), cues.py (the speech-cue lexicons).
"""
from __future__ import annotations

import re

from .. import lexicons
from ..document import Doc
from ..ledger import Quote
from .clauses import _cues_in, attributions
from .cues import ADDRESSED, SPEECH
from .text import _is_abbreviation
from .speech import (_CONNECTIVES, ACCORDING, BARE_WORDS, QUOTE_MIN_WORDS, TRANSCRIPT_LABEL, Attribution, Context, Speaker, _addressee, _inside_quote, _Span,
                     _subject_start, _trim, quote_spans, resolve_speaker)

# the cue after a closing quote: ', said X' (inverted), ', X said', and ', the spokesman told'
# further on when the first words before a cue are bare ('and claimed')
# (a participle after the quote, '…," saying the unrest had ended', is no inverted cue)
# a cue beside a quote is a speech cue or one of the verbs that speak only there ('she demanded')
SIDE_CUES = frozenset(lexicons.words("quote_side_cues"))
_BESIDE = rf"(?:{SPEECH}|{lexicons.alternation('quote_side_cues')})"
_BESIDE_RX = re.compile(rf"\b{_BESIDE}\b")
_INVERTED_CUE = re.compile(rf"\s*,?\s*(?!\w+ing\b)({_BESIDE})\b\s+")
# the cue opening the sentence before a quote: 'Said Jane Doe: "…"'
_CUE_FIRST = re.compile(rf"^[\s\"“”]*((?i:{_BESIDE}))\s+([A-Z][^,:;.!?\"“”]{{1,60}}?)\s*[,:]\s*$")
# the speaker's possessive right before the quote: 'Al Hussein's statement that "…"'
_OWNED_SPEECH = re.compile(rf"['’]s\s+(?:\w+\s+)?(?P<noun>{lexicons.alternation('possessive_speech_nouns')})"
                           r"\s*(?:that\s+|:\s*)?$", re.I)
# (read in a tail already cut at its first full stop that ends no abbreviation: 'Mr. Doe said')
_SPEAKER_CUE = re.compile(rf"\s*,?\s*([^;!?\"“”]{{1,160}}?)\s+({_BESIDE})\b")
_LATER_SPEAKER_CUE = re.compile(rf",\s*([^,;!?\"“”]{{1,160}}?)\s+({_BESIDE})\b")
_CLAUSE_STOP = re.compile(r"[.!?;\"“\n]")
_APPOSITIVE_STOP = re.compile(r"[,.;!?\"“”\n]")


# ---- entry point ----------------------------------------------------------------------------
def analyse_speech(doc: Doc) -> tuple["Context", list[Quote], list[Attribution]]:
    """The article's direct quotes and attributions, read once for both quotes and claims
    (kept on the Doc): the speaker history first holds every named speaker, so a pronoun
    resolves to the nearest one before it whichever cue was read first."""
    if doc.speech is None:
        ctx = _context(doc)
        doc.speech = (ctx, _direct_quotes(ctx), attributions(ctx))
    return doc.speech


def extract_quotes(doc: Doc) -> list[Quote]:
    _, direct, atts = analyse_speech(doc)
    indirect = [a for a in atts if a.speaker.kind in ("person", "role")]
    out = direct + [Quote(a.speaker.name, doc.text[a.start:a.end], "indirect", a.start, a.end,
                          a.cue, a.addressee) for a in indirect]
    return sorted(out, key=lambda q: q.start)



def _context(doc: Doc) -> Context:
    """A context whose history already holds every named speaker of the article, so a
    pronoun resolves to the nearest one before it whichever cue was read first."""
    ctx = Context(doc)
    _direct_quotes(ctx)
    attributions(ctx)
    ctx._cache.clear()
    return ctx


# ---- direct quotes --------------------------------------------------------------------------
def _direct_quotes(ctx: Context) -> list[Quote]:
    text = ctx.text
    spans = [s for s in _join_split(text, quote_spans(text))]
    out: list[Quote] = []
    prev: tuple[_Span, Quote] | None = None
    for sp in spans:
        start, end = _trim(text, sp.open + 1, sp.close)
        if len(text[start:end].split()) < QUOTE_MIN_WORDS:
            # too short to be a quote of its own; with a cue of its own ('"It's over," said
            # Jane Doe.') it still says who goes on speaking in the next one
            said = _cue_after(ctx, sp)
            if said and said[0]:
                prev = (sp, Quote(said[0], ctx.doc.text[start:end], "direct", start, end, said[1], said[2]))
            continue
        speaker, cue, addressee = _direct_speaker(ctx, sp)
        if speaker is None and prev and _continues(text, prev[0], sp):
            speaker, cue, addressee = prev[1].speaker, prev[1].cue, None
        if speaker is None:
            speaker, cue, addressee = _cue_just_after(ctx, sp) or (None, None, None)
        q = Quote(speaker, ctx.doc.text[start:end], "direct", start, end, cue, addressee)
        out.append(q)
        prev = (sp, q)
    return out + _embedded_posts(ctx, spans)


def _join_split(text: str, spans: list[_Span]) -> list[_Span]:
    """'"The talks," he said, "will resume"' is one quote: the first part ends with a comma and
    the words between are a short cue clause ending with a comma."""
    out: list[_Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if prev and prev.closed and text[prev.close - 1] == ",":
            gap = text[prev.close + 1:sp.open]
            if len(gap.split()) <= 12 and gap.rstrip().endswith(",") and _BESIDE_RX.search(gap) \
                    and not _has_stop(gap) and "\n" not in gap:
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
    after = _cue_after(ctx, sp)
    if after:
        return after
    owned = _owner_before(ctx, sp.open)
    if owned:
        return owned
    before = _cue_before(ctx, sp) or _colon_subject(ctx, sp) or _according_before(ctx, sp)
    if before:
        return before
    s, e = ctx.sentence_span(sp.open)
    _, e = ctx.sentence_span(max(sp.open, sp.close - 1))
    for att in _cues_in(ctx, s, e):
        if att[1] < sp.close and att[0].kind != "unknown":  # before it, or in a split quote's gap
            return att[0].name, att[2], att[3]
    return _transcript_label(ctx, sp) or _characterising_subject(ctx, sp, s) \
        or _cue_just_before(ctx, sp.open) or _named_or_next(ctx, sp)


def _named_or_next(ctx: Context, sp: _Span) -> tuple[str | None, str | None, str | None]:
    """The person named in the sentence before a quote, unless the quote is a paragraph of
    its own after that sentence's paragraph and the next paragraph opens with someone who
    speaks ('"…"' ¶ 'Minister X said …'): a cue says more than a name."""
    named = _named_just_before(ctx, sp.open)
    i = ctx.doc.sentence_at(sp.open)
    alone = i > 0 and ctx.doc.sentences[i - 1].paragraph != ctx.doc.sentences[i].paragraph \
        and ctx.doc.sentences[ctx.doc.sentence_at(max(sp.open, sp.close - 1))].end <= sp.close + 2
    if named[0] and alone:
        return _cue_just_after(ctx, sp) or named
    return named


def _transcript_label(ctx: Context, sp: _Span) -> tuple[str, None, None] | None:
    """An interview transcript quoted paragraph by paragraph: the label names the speaker,
    the person of the article whose name ends with it ('PENCE' → 'Mike Pence')."""
    m = TRANSCRIPT_LABEL.match(ctx.text, sp.open + 1)
    if not m or len(m.group(1)) < 3:
        return None
    label = m.group(1).title()
    people = [c for _, _, c, t in ctx.mentions if t == "PERSON" and c.split()[-1].lower() == label.lower()]
    return (people[0] if people else label), None, None


# the subject's verb after a name: 'Jane Doe (also) called', 'He has described'
_CHARACTERISES = re.compile(
    rf"\s+(?:{lexicons.pattern('speaker_trailing_aux')}\s+)*{lexicons.alternation('characterising_verbs')}\b")


# capitalised words only (titles, an organisation) before a name that opens its sentence
_TITLE_RUN = re.compile(r"[\s\"“‘]*(?:[A-Z][\w.'’\-]*\s+){0,5}")


def _characterising_subject(ctx: Context, sp: _Span, s: int) -> tuple[str, str, None] | None:
    """'Jane Doe called the ruling "a victory for every voter"': a quotation inside a sentence
    whose subject, a person named at its start (or 'he'/'she'), characterises something."""
    found = _opening_subject(ctx, s, sp.open)  # 'Ohio Party Chairman Jane Doe called'
    if not found:
        return None
    at, who = found
    verb = _CHARACTERISES.match(ctx.text, at, sp.open)
    if not verb or who.kind not in ("person", "role") or not who.name:
        return None
    return who.name, verb.group().split()[-1], None


def _opening_subject(ctx: Context, s: int, end: int) -> tuple[int, Speaker] | None:
    """The person who opens the sentence at `s` (after capitalised titles, or 'He'/'She'),
    and where their words end."""
    text = ctx.text
    opener = _CONNECTIVES.match(text, s, end)  # 'However, he characterised …'
    s = opener.end() if opener else s
    first = next((m for m in ctx.mentions if s <= m[0] < end and m[3] == "PERSON"), None)
    if first and _TITLE_RUN.fullmatch(text, s, first[0]):  # 'Ohio Party Chairman Jane Doe'
        return first[1], Speaker(first[2], "person", first[0])
    pron = _PRONOUN_OPENS.match(text, s)
    if pron:
        return pron.end(1), ctx.speaker(pron.start(1), pron.end(1))
    return None


# the words between a subject and a colon that opens a quote: a verb and a short object
# ('scolded him:', 'put it this way:'), no second clause
_TO_COLON = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?(?P<verb>[a-z][\w'’\-]*)[^.;!?\"“”:]{0,60}:\s*$")


def _colon_subject(ctx: Context, sp: _Span) -> tuple[str, str, None] | None:
    """'Sen. Jane Doe (D-Mo.) scolded him: "…"': a quote after a colon that ends a short
    clause whose subject, a person named at its start (or 'he'/'she'), is the speaker."""
    s, _ = ctx.sentence_span(sp.open)
    found = _opening_subject(ctx, s, sp.open)
    if not found:
        return None
    at, who = found
    verb = _TO_COLON.fullmatch(ctx.text, at, sp.open)
    if not verb or who.kind not in ("person", "role") or not who.name \
            or any(at <= m[0] < sp.open and m[3] == "PERSON" for m in ctx.mentions):
        return None
    return who.name, verb.group("verb"), None


def _owner_before(ctx: Context, pos: int) -> tuple[str | None, str, None] | None:
    """'He rejected Al Hussein's statement that "…"': the named owner of the words."""
    head = ctx.text[max(0, pos - 80):pos]
    m = _OWNED_SPEECH.search(head)
    if not m:
        return None
    end = pos - len(head) + m.start()
    names = [x for x in ctx.mentions if x[1] == end and x[3] in ("PERSON", "ORG")]
    if not names:
        return None
    sp = resolve_speaker(ctx, names[-1][0], names[-1][1])  # an owner, not a subject: no antecedent
    return (sp.name, m.group("noun"), None) if sp.name else None


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


def _cue_just_after(ctx: Context, sp: _Span) -> tuple[str | None, str | None, str | None] | None:
    """'“We will not give up.”' then, opening the next paragraph, 'Jane Doe, the mayor, said
    the town would rebuild': a quote with no speaker of its own goes to a person or official
    who speaks at the start of the sentence right after it."""
    text = ctx.text
    i = ctx.doc.sentence_at(max(sp.open, sp.close - 1))
    if not sp.closed or i + 1 >= len(ctx.doc.sentences):
        return None
    nxt = ctx.doc.sentences[i + 1]
    if nxt.start <= sp.close or text[sp.close:nxt.start].count("\n") > 2:
        return None
    for who, at, cue, addressee in _cues_in(ctx, nxt.start, nxt.end):
        if who.kind in ("person", "role") and len(text[nxt.start:at].split()) <= 12:
            return who.name, cue, addressee
        break  # only the sentence's first cue can be its opening subject's
    return None


def _named_just_before(ctx: Context, pos: int) -> tuple[str | None, str | None, str | None]:
    """'Relief worker X described the scene. "…"': the person named in the sentence before a
    quote that opens its own sentence, when no cue says otherwise."""
    i = ctx.doc.sentence_at(pos)
    if i == 0 or ctx.doc.sentences[i].start < pos - 1:
        return (None, None, None)
    prev = ctx.doc.sentences[i - 1]
    people = [m for m in ctx.entities_in(prev.start, prev.end) if m[3] == "PERSON"
              and not _POSSESSIVE_AFTER.match(ctx.text, m[1])]  # 'Nkurunziza's term' speaks not
    if len(people) == 1:
        return people[0][2], None, None
    pronoun = _PRONOUN_OPENS.match(ctx.text, prev.start)
    if not people and pronoun:
        # 'He blamed the unrest on a small minority. "We cannot deny …"': the one he stands for
        sp = resolve_speaker(ctx, pronoun.start(1), pronoun.end(1))
        return (sp.name, None, None) if sp.kind in ("person", "role") else (None, None, None)
    return (None, None, None)


_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
_PRONOUN_OPENS = re.compile(r"\s*([Hh]e|[Ss]he)\b")


def _cue_after(ctx: Context, sp: _Span):
    text = ctx.text
    if not sp.closed:
        return None
    sent_end, question = _sentence_after_quote(ctx, sp)
    stop = _clause_end(text, sp.close + 1, max(sent_end, sp.close + 1))
    tail = text[sp.close + 1:stop]
    base = sp.close + 1
    if question:  # '"…?" Vitter demanded.': only a short cue sentence goes with the quote
        m = _SPEAKER_CUE.match(tail)
        if not m or len(m.group(1).split()) > 8 or len(re.split(r",", tail[m.end():])[0].split()) > 5:
            return None
    dash = re.match(r"\s*([―—–])\s*([A-Z][^,.;()\n]{1,60})", tail)
    if dash:  # '"…" ― Jane Doe': a quote signed with a dash
        return _resolved(ctx, base + dash.start(2), base + dash.end(2), dash.group(1))
    inv = _INVERTED_CUE.match(tail)
    if inv:  # '…," said Enas Madkour, a 19-year-old student'
        s = base + inv.end()
        e = base + _appositive_end(tail, inv.end())
        return _resolved(ctx, s, e, inv.group(1), inverted=True)
    m = _SPEAKER_CUE.match(tail)
    if m and BARE_WORDS.fullmatch(m.group(1).strip()):
        # '"…" and claimed …, the spokesman told AFP': the quote's own cue comes later
        m = _LATER_SPEAKER_CUE.search(tail, m.end())
    if m and len(m.group(1).split()) <= 25:
        s, e = base + m.start(1), base + m.end(1)
        return _resolved(ctx, s, e, m.group(2), told_at=base + m.end(2))
    return None


def _sentence_after_quote(ctx: Context, sp: _Span) -> tuple[int, bool]:
    """The end of the sentence that holds the words after a closing quote, and whether it is
    the next one: the splitter ends a sentence at '?"' or '!"' before a capital ('"Why not?"
    Doe asked.'), so the words of the same paragraph after it are read as the quote's."""
    i = ctx.doc.sentence_at(sp.close)
    sents = ctx.doc.sentences
    if sents[i].end > sp.close + 1 or ctx.text[sp.close - 1:sp.close] not in ("?", "!") \
            or i + 1 >= len(sents) or sents[i + 1].paragraph != sents[i].paragraph:
        return sents[i].end, False
    return sents[i + 1].end, True


def _cue_before(ctx: Context, sp: _Span):
    text = ctx.text
    s, _ = ctx.sentence_span(sp.open)
    lo = max(s, text.rfind("\n", 0, sp.open) + 1)
    head = text[lo:sp.open]
    first = _CUE_FIRST.match(head)
    if first:  # 'Said Jane Doe: "…"'
        return _resolved(ctx, lo + first.start(2), lo + first.end(2), first.group(1).lower(), inverted=True)
    cues = list(_BESIDE_RX.finditer(head))
    if not cues:
        return None
    c = cues[-1]
    rest = head[c.end():]
    if len(rest.split()) > 6 or _has_stop(rest) or _inside_quote(text, lo + c.start()):
        return None
    subj_lo = _subject_start(head, c.start())
    return _resolved(ctx, lo + subj_lo, lo + c.start(), c.group(), told_at=lo + c.end())


_ACCORDING_BEFORE = re.compile(ACCORDING.pattern + r"([^,;:.!?\"“”]{2,60}?)\s*,\s*$")


def _according_before(ctx: Context, sp: _Span):
    """'According to Jane Doe, "…"': the source named just before the quote."""
    s, _ = ctx.sentence_span(sp.open)
    m = _ACCORDING_BEFORE.search(ctx.text, s, sp.open)
    return _resolved(ctx, m.start(1), m.end(1), "according to") if m else None


def _resolved(ctx: Context, s: int, e: int, cue: str, inverted: bool = False,
              told_at: int | None = None):
    sp = ctx.speaker(s, e, inverted)
    if sp.kind == "unknown" and " ".join(cue.lower().split()) in SIDE_CUES:
        return None  # '"…," read a sign': a verb that speaks only for a speaker it names
    addressee = _addressee(ctx, told_at) if told_at is not None and cue in ADDRESSED else None
    return sp.name, cue, addressee


def _clause_end(text: str, start: int, sent_end: int) -> int:
    return _first_stop(_CLAUSE_STOP, text, start, sent_end)


def _appositive_end(tail: str, at: int) -> int:
    return _first_stop(_APPOSITIVE_STOP, tail, at, len(tail))


_STOP = re.compile(r"[.!?]")


def _has_stop(words: str) -> bool:
    return _first_stop(_STOP, words, 0, len(words)) < len(words)


def _first_stop(rx: re.Pattern, text: str, start: int, end: int) -> int:
    """The first stop of `rx` in text[start:end], passing over the full stop of an
    abbreviation or an initial ('Mr. Doe said', 'said Rep. Jane Q. Doe (D-Ohio)')."""
    for m in rx.finditer(text, start, end):
        if not _is_abbreviation(text, start, m.start()) and not _NO_END_AFTER.match(text, m.end()):
            return m.start()
    return end


# a full stop before a comma, a closing bracket or a word in lower case ends no sentence:
# 'Rep. Jane Doe (D-Md.) said', 'Sen. John Roe, R-Ky., said'
_NO_END_AFTER = re.compile(r"[,)]|\s+[a-z]")




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
