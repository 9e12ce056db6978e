"""Claims: statements the article attributes to a source instead of asserting them.

Two kinds: content clauses of speech cues whose source is an organisation, an anonymous
source or "reports" ("police said …", "according to the military, …", "security sources told
AFP …"; the same clauses from a named person or an official by role are indirect quotes, see
quotes.py, which finds both), and accusations and denials ("X accused Y of …", "X blamed …",
"X denied …"). The claimant is the canonical name of an entity where the source is one,
otherwise the description as written ("police", "witnesses", "security sources").
"""
from __future__ import annotations

import re

from .. import lexicons
from ..document import Doc
from ..ledger import Claim
from .cues import ACCUSATIONS
from .quotes import analyse_speech
from .speech import (ANON_NOUNS, GROUP_NOUNS, Attribution, Context, Speaker,
                     is_noun_phrase)

ACCUSE = re.compile(rf"\b({ACCUSATIONS})\s+(?!that\b)")
# An accusation's object ends at the clause: ', and', ';', '.', ', allegations …'.
CLAUSE_END = re.compile(rf"[.;!?]|,\s+{lexicons.alternation('accusation_clause_breaks')}\b|\n")
REPORTS = re.compile(r"\b(?:[Tt]here (?:were|have been|are) )?(reports?) (?:of|that) ")


def extract_claims(doc: Doc) -> list[Claim]:
    ctx, _, atts = analyse_speech(doc)
    names = {m[2] for m in ctx.mentions}
    claims = [_claim(ctx, a, names) for a in atts if a.speaker.kind not in ("person", "role")]
    claims += _accusations(ctx) + _reports(ctx)
    return _dedupe([c for c in claims if c is not None])


def claimant(sp: Speaker, names: set[str] = frozenset()) -> str | None:
    """The source as the ledger names it: an entity's canonical name, or the description with
    a common noun in lower case ('Police' at a sentence start → 'police')."""
    name = sp.name
    if not name:
        return None
    if name in names:
        return name
    first = name.split()[0]
    if first.lower() in GROUP_NOUNS | ANON_NOUNS:
        name = first.lower() + name[len(first):]
    return name


def _claim(ctx: Context, a: Attribution, names: set[str]) -> Claim | None:
    who = claimant(a.speaker, names)
    if who is None:
        return None
    return Claim(who, ctx.doc.text[a.start:a.end], a.start, a.end, a.cue)


def _accusations(ctx: Context) -> list[Claim]:
    """'The Brotherhood has accused the army of staging a coup' → claimant Brotherhood,
    text 'the army of staging a coup'."""
    text = ctx.text
    out: list[Claim] = []
    for m in ACCUSE.finditer(text):
        s, e = ctx.sentence_span(m.start())
        stop = CLAUSE_END.search(text, m.end(), e)
        end = stop.start() if stop else e
        if len(text[m.end():end].split()) < 2:
            continue
        sp = _subject(ctx, s, m.start(), out)
        who = claimant(sp) if sp else None
        if who:
            out.append(Claim(who, ctx.doc.text[m.end():end], m.end(), end, m.group(1)))
    return out


def _subject(ctx: Context, s: int, verb: int, earlier: list[Claim]) -> Speaker | None:
    """The subject before an accusation verb; '…, and blamed' reuses the sentence's last one."""
    text = ctx.text
    before = text[s:verb]
    if re.search(r"(?:,\s*|\s)and\s+$", before) and earlier and earlier[-1].start >= s:
        last = earlier[-1]
        return Speaker(last.claimant, "group", last.start)
    chunk = re.sub(rf"\s+{lexicons.pattern('speaker_trailing_aux')}\s*$", "", before)
    words = re.split(r"[,;:“”\"]", chunk)[-1].strip()
    lo = s + chunk.rfind(words)
    if not words or len(words.split()) > 12 or not is_noun_phrase(ctx, lo, lo + len(words)):
        return None
    return ctx.speaker(lo, lo + len(words))


def _reports(ctx: Context) -> list[Claim]:
    """'There were reports of violence in several towns' → claimant 'reports'."""
    text = ctx.text
    out = []
    for m in REPORTS.finditer(text):
        s, e = ctx.sentence_span(m.start())
        stop = CLAUSE_END.search(text, m.end(), e)
        end = stop.start() if stop else e
        if len(text[m.end():end].split()) >= 2:
            out.append(Claim("reports", ctx.doc.text[m.end():end], m.end(), end, m.group(1)))
    return out


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen: set[tuple[int, int]] = set()
    out = []
    for c in sorted(claims, key=lambda c: (c.start, c.end)):
        if (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            out.append(c)
    return out
