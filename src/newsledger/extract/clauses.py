"""Content clauses of speech cues, outside quotation marks: "X said (that) …", "…, X said",
"Beyond that, he said, the talks …", "according to X, …". Each is an indirect quote when its
speaker is a named person or an official by role, and a claim otherwise (claims.py).
"""
from __future__ import annotations

import re

from .. import lexicons
from .cues import ADDRESSED, CLAUSE_CUES, CONTINUING, CUE_RX
from .speech import (ACCORDING, ADVERBIAL, ROLE_NOUNS, Attribution, Context, Speaker, _addressee,
                     _before, _description, _head, _subject_start, _trim, is_noun_phrase)

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
    last: tuple[Speaker, int] | None = None  # the last clause's speaker, and where the next cue would be
    for m in CUE_RX.finditer(text, s, e):
        cue = m.group()
        if cue not in CLAUSE_CUES and not _PROGRESSIVE.search(text, max(s, m.start() - 30), m.start()) \
                or any(qs < m.start() < qe for qs, qe in quoted):
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
            named = _named_with_appositive(ctx, prev_end, lead_end)
            if named and (_clause_after_is_empty(text, m.end(), e) or _told_whom(text, m.end(), e, cue)):
                # '…, Jane Doe, a former mayor, told AFP.': the speaker is the name before
                sp, name_at = named
                yield sp, *_content_before(ctx, s, name_at), cue, None
                prev_end = e
                continue
            # '…, says X, an analyst.': the speaker follows the cue
            sp = _inverted_speaker(ctx, m.end(), e)
            if sp:
                yield sp, *_content_before(ctx, s, lead_end), cue, None
                prev_end = e
                continue
        if final and lead_words >= 3 and no_cue and cue not in CONTINUING \
                and _clause_after_is_empty(text, m.end(), e):
            # '…, X said (on Thursday).' the content is before ('…, saying, "…"' has none)
            sp = _subject_speaker(ctx, *_subject_words(text, prev_end + final.start(1), m.start()), cue)
            c_s, c_e = _content_before(ctx, s, lead_end)
            if sp:
                yield sp, c_s, c_e, cue, None
        else:
            lo = prev_end + _subject_start(before, len(before))
            if last and last[1] == m.start() and cue in CONTINUING:
                sp = last[0]  # '… that X is safe adding that …': the same speaker goes on
            elif _COORDINATED.search(before):
                # 'X condemned the attack and said that …': the subject of the first verb
                sp = _parsed_subject(ctx, m.start(), ("person", "role", "group", "anon"))
            else:
                sp = _subject_speaker(ctx, lo, m.start(), cue)
            c_s = _content_start(text, m.end(), e, cue)
            cut = _NEXT_CLAUSE.search(text, c_s, e)
            c_e = _trim(text, c_s, cut.start() if cut else e)[1]
            c_e = c_e - 1 if text[c_e - 1:c_e] in ".!?" else c_e
            addressee = _addressee(ctx, m.end()) if cue in ADDRESSED else None
            if sp and c_s < c_e and _is_clause(ctx, m.start(), c_s, c_e):
                yield sp, c_s, c_e, cue, addressee
                last = (sp, cut.start() + len(re.match(r",?\s*", text[cut.start():]).group()) if cut else e)
            prev_end = c_s
            continue
        prev_end = m.end()


# 'is telling reporters that', 'was also telling': a finite progressive, which takes a clause
_PROGRESSIVE = re.compile(
    rf"(?<![\w'’])(?:{lexicons.alternation('progressive_auxiliaries')})\s+(?:\w+ly\s+|also\s+)?$", re.IGNORECASE)


def _told_whom(text: str, at: int, e: int, cue: str) -> bool:
    """'told a news conference.', 'told reporters in Sanaa.': only the addressee follows."""
    return cue in ADDRESSED and \
        bool(re.fullmatch(r"\s+[\w'’\- ]{1,50}?[.!?]?[\s\"”’]*", text[at:e]))


def _named_with_appositive(ctx: Context, lo: int, comma: int) -> tuple[Speaker, int] | None:
    """'…, Jane Doe, a former mayor,' before a cue: a person's name, then a description of
    them, between the last commas of the words before the cue; (speaker, the comma before
    the name)."""
    text = ctx.text
    m = re.search(r",\s*([^,]{2,60}?)\s*,\s*([^,]{2,120}?)\s*$", text[lo:comma])
    if not m:
        return None
    for name, other in ((1, 2), (2, 1)):  # '…, Jane Doe, a former mayor,' or '…, the mayor, Jane Doe,'
        n_s, n_e = lo + m.start(name), lo + m.end(name)
        people = [x for x in ctx.entities_in(n_s, n_e) if x[3] == "PERSON"]
        # the name ends the words, after nothing but capitalised titles ('Colonel Jane Doe')
        if len(people) != 1 or people[0][1] != n_e or \
                not re.fullmatch(r"(?:[A-Z][\w.\-]*\s+)*", text[n_s:people[0][0]]):
            continue
        if name == 2 and _head(_description(m.group(other))) not in ROLE_NOUNS:
            continue  # '…, in Kano, Jane Doe, told': a place is no office
        sp = ctx.speaker(n_s, n_e)
        return (sp, lo + m.start()) if sp.kind == "person" else None
    return None


# where a content clause gives way to the next cue: ', adding that', ', according to', and
# 'adding' even without its comma ('… remains safe adding that …')
_NEXT_CLAUSE = re.compile(rf"(?:,\s+{lexicons.pattern('next_clause_cues')}|\s+adding\s+that)\b")


def _subject_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The subject between a comma and a sentence-final cue, without opening quote marks."""
    return start + re.match(r"[\s\"“”'‘’]*", text[start:end]).end(), end


# After a mid-sentence cue ('…, he said, the talks …') the words go on as the content clause;
# a participle, conjunction, relative pronoun or preposition starts another kind of phrase.
MID_REST = re.compile(
    rf"\s*(?![\"“”'‘’]|{lexicons.pattern('mid_sentence_stops')}\b)[\w$]\S*(?:\s+\S+){{2}}")


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
    if cue in CONTINUING and (not words or words.endswith(",")):
        # ', adding that …' takes the subject of the verb before it: the parse's where the
        # sentence has one ('He rejected the report, saying …'), else the last speaker
        subject = _parsed_subject(ctx, e)
        if subject is not None:
            return subject
        near = _before(ctx, e, 400)
        return near[0] if near else None
    if not words or len(words.split()) > 20 or not is_noun_phrase(ctx, s, e):
        return None
    return ctx.speaker(s, e)


_COORDINATED = re.compile(r"\w\s+and\s+$")


def _parsed_subject(ctx: Context, cue_at: int, kinds: tuple[str, ...] = ("person", "role")
                    ) -> Speaker | None:
    """The subject of the verb a participle cue hangs on ('He rejected it, saying …' → he),
    or that a coordinated cue shares ('He claimed it and said …'), of one of `kinds` (a
    person or an official), from the sentence's parse."""
    doc = ctx.doc
    i = doc.sentence_at(cue_at)
    parsed = doc.parsed.get(i)
    if parsed is None:
        return None
    base = doc.sentences[i].start
    cue = parsed.char_span(cue_at - base, cue_at - base + 1, alignment_mode="expand")
    if cue is None or cue[0].head is cue[0]:
        return None
    subjects = [t for t in cue[0].head.children if t.dep_ == "nsubj" and t.i < cue[0].i]
    if not subjects:
        return None
    tokens = list(subjects[0].subtree)
    sp = ctx.speaker(base + tokens[0].idx, base + tokens[-1].idx + len(tokens[-1].text))
    return sp if sp.kind in kinds else None


def _clause_after_is_empty(text: str, at: int, e: int) -> bool:
    adv = ADVERBIAL.match(text, at, e)
    rest = text[adv.end() if adv else at:e].strip()
    # '…, she told Reuters by phone.', '…, he said in Kabul.', '…, X said after the meeting.'
    return not rest or rest[0] in ".!?," or bool(_TRAILING_PHRASE.match(rest))


_TRAILING_PHRASE = re.compile(rf"^{lexicons.alternation('cue_trailing_prepositions')}\s+\w+(?:\s+\w+){{0,4}}[.]$")


def _content_before(ctx: Context, s: int, end: int) -> tuple[int, int]:
    """Content that opens the sentence; a sentence split after 'a.m.'/'p.m.' is re-joined."""
    text = ctx.text
    i = ctx.doc.sentence_at(s)
    if i > 0:
        prev = ctx.doc.sentences[i - 1]
        if re.search(r"\b[ap]\.m\.$", prev.text) and prev.paragraph == ctx.doc.sentences[i].paragraph:
            s = prev.start
    opening = [h.end for h in ctx.doc.header_records()  # 'BENGHAZI (Reuters) -' is no content
               if s <= h.start and h.end <= end and not text[s:h.start].strip()]
    s = max(opening, default=s)
    return _trim(text, s, end)


def _content_start(text: str, at: int, e: int, cue: str) -> int:
    adv = ADVERBIAL.match(text, at, e) if cue in CLAUSE_CUES else None  # 'said on Monday that'
    pos = adv.end() if adv else at
    phrase = PHRASE_THAT.match(text, pos, e)
    if phrase and (cue in ADDRESSED or PREP_START.match(text, pos)):
        return phrase.end()  # 'said in a letter to the court that …', 'told a rally that …'
    if cue in ADDRESSED and not adv:
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
    rf"(?!{lexicons.pattern('relative_that_aux')}\b)(?=\w)")
PREP_START = re.compile(rf"\s*,?\s*{lexicons.pattern('cue_phrase_openers')}\b")


NOT_CLAUSE_START = re.compile(rf"{lexicons.pattern('not_clause_starts')}\b", re.IGNORECASE)


_PRONOUN_START = re.compile(rf"{lexicons.pattern('clause_start_pronouns')}\s", re.IGNORECASE)
# with no parse, a finite auxiliary or a past form makes a clause
_FINITE = re.compile(rf"\b(?:{lexicons.alternation('finite_auxiliaries')}|\w+ed)\b")
# 'it' as the subject of the content clause, not the cue's object ('said it was wrong')
SUBJECT_IT = re.compile(rf"it\s+{lexicons.alternation('finite_auxiliaries')}\b", re.IGNORECASE)


def _is_clause(ctx: Context, cue_at: int, start: int, end: int) -> bool:
    """Whether the words after a cue are a content clause ('said the toll has risen'), not an
    object ('declared a state of emergency', 'said in a statement'). The parse decides where
    there is one: a clausal complement (ccomp) of the cue inside the words."""
    content = ctx.text[start:end]
    if len(content.split()) < 3:
        return False
    if content.startswith("that ") or re.search(r"\bthat\s+$", ctx.text[max(0, start - 6):start]):
        return True  # 'adding that by the end of the day …': 'that' makes it a clause
    doc = ctx.doc
    i = doc.sentence_at(cue_at)
    parsed = doc.parsed.get(i)
    if NOT_CLAUSE_START.match(content) and not SUBJECT_IT.match(content) \
            and not (parsed is not None and _PRONOUN_START.match(content)):
        return False  # 'said in a statement', 'told him' — but 'said it was wrong' is a clause
    if parsed is None:
        # no parse: a finite auxiliary or a past form makes it a clause
        return bool(_FINITE.search(content))
    base = doc.sentences[i].start
    cue = parsed.char_span(cue_at - base, cue_at - base + 1, alignment_mode="expand")
    if cue is None:
        return False
    verb = cue[0]
    return any(t.dep_ in ("ccomp", "parataxis") and start <= base + t.idx < end
               and (verb in t.ancestors or t.head.head == verb) for t in parsed)


_SOURCE_END = re.compile(r"[,.;]")  # where the source named after 'according to' ends


def _according(ctx: Context, s: int, e: int):
    """'According to X, …' and '…, according to X.'"""
    text = ctx.text
    for m in ACCORDING.finditer(text, s, e):
        src_end_m = _SOURCE_END.search(text, m.end(), e)
        src_end = src_end_m.start() if src_end_m else e
        sp = _subject_speaker(ctx, m.end(), src_end, "according")
        if m.start() <= s + 1 or text[s:m.start()].strip() == "":  # 'According to X, …'
            c_s, c_e = _trim(text, src_end + 1, e)
            c_e = c_e - 1 if text[c_e - 1:c_e] in ".!?" else c_e
        else:  # '…, according to X.'
            comma = text.rfind(",", s, m.start())
            c_s, c_e = _content_before(ctx, s, comma if comma >= 0 else m.start())
        if sp and c_e > c_s:
            yield sp, c_s, c_e, "according to", None
