"""Assembling an event: the date, place, type, actors and tolls of one merged incident."""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from .. import lexicons
from .casualties import figure, find_counts, next_figure
from ..document import Doc
from .geo import Located, admin1_of, article_province, as_neighbourhood, choose_place, country_in, dateline_place
from ..ledger import Event, Span
from .roles import arrested_person, crowd_fight, event_roles, mob_attack
from .sense import hedged
from .taxonomy import INTERVENTION, PROTEST, TRIGGER, EventKind, forces_acting
from .mentions import _REPORTED_ON, Mention, _in_relative_clause, _possessive
from .incidents import Draft, _ANAPHORA

# 'in this city', 'here': the place the story was filed from
_HERE = re.compile(r"\b(?:in this (?:city|town|capital)|here)\b", re.IGNORECASE)
_THERE = re.compile(r"\bthere\b", re.IGNORECASE)
# the attacker's own death: no one else was killed (the gold's perpetrator rule)
_SELF_KILLED = re.compile(rf"\b{lexicons.alternation('casualty_attackers')}\b[^.;]{{0,40}}?\b"
                          r"(?:killing|killed) (?:him|her|himself|herself)\b|"
                          r"\bblew (?:himself|herself) up\b(?![^.]*\b(?:killing|killed)\b)", re.IGNORECASE)
_SCENE = re.compile(rf"\b(?:the|that) {lexicons.alternation('scene_nouns')}\b", re.IGNORECASE)
# 'In one attack, …', 'In a separate attack, …': one of the incidents a sentence before summed
# ('Another explosion hit …' at a clause's head begins another incident; 'yet another attack' inside
# a clause does not)
_ONE_OF = re.compile(r"^\W*(?:in|during)\s+(?:one|another|a\s+second|a\s+separate|a\s+further|"
                     r"the\s+" + lexicons.alternation("incident_selectors") + r")\s+(?:\w+\s+)?"
                     r"(?:" + lexicons.pattern("separate_incident_nouns") + r"|clash)\b", re.I)
_SUM = re.compile(rf"\b{lexicons.alternation('incident_plurals')}\b", re.I)
# a paragraph that turns to another incident than the story's
_NEW_DEVELOPMENT = re.compile(rf"^\W*{lexicons.pattern('new_development_openers')}\b", re.I)


def to_event(doc: Doc, d: Draft, gazetteer, placed: dict[int, Located]) -> Event | None:
    first = d.mentions[0]
    when, precision, date_span = _event_date(doc, d)
    told_apart = any(m.elsewhere and m.counts for m in d.mentions)  # 'four others died elsewhere'
    located = as_neighbourhood(doc, d.place) or (None if told_apart else _context_place(doc, d, placed))
    if located is None and not told_apart and not d.scope and \
            _event_country(doc, d, None, gazetteer) in doc.countries[:1]:
        located = article_province(doc, gazetteer)  # the story's one province, in its country
    if (located is None or located.place.kind == "country") and not told_apart and not d.scope \
            and any(c.kind == "killed" and c.value for m in d.mentions for c in m.counts):
        located = _scene_between(doc, d) or located  # 'dozens died in a stampede' · '… in X'
    if located is not None:
        placed.update((m.sentence, located) for m in d.mentions)
    lead = _lead_date(doc, first) if d.date is None and date_span is not None else None
    lent = lead is not None and date_span == (lead.start, lead.end)
    if (date_span is None or lent) and located is None and first.sentence > 2 and not told_apart:
        return None  # neither a date nor a place of its own: not codable as one incident
    country = _event_country(doc, d, located, gazetteer)
    kind = _with_intervention(doc, d, _body_over_headline(d))
    if _militants_killed(d, kind) or _armed_dead(doc, d, kind):  # both sides armed
        kind = EventKind("Battles", "Armed clash", kind.rank)
    elif kind.sub_event_type == "Armed clash" and crowd_fight(doc.text, d.mentions):
        kind = EventKind("Riots", "Violent demonstration", kind.rank)  # a crowd, not an armed side
    elif kind.event_type == "Violence against civilians" and mob_attack(doc.text, d.mentions):
        kind = EventKind("Riots", "Mob violence", kind.rank)  # 'villagers lynched two thieves'
    elif kind.sub_event_type == "Violent demonstration" and _communal_riot(doc, d):
        kind = EventKind("Riots", "Mob violence", kind.rank)  # rioters with no protest: a mob
    fatalities, injured, count_spans = _casualties(doc, d, kind)
    roles = event_roles(doc.text, d.mentions, kind.event_type, kind.sub_event_type,
                        gazetteer.country_name(country) if country else None, gazetteer, doc.actors)
    if kind.sub_event_type == "Arrests" and roles.actor2 is None:
        held = arrested_person(doc, d.mentions)  # 'police arrested opposition leader X'
        if held:
            roles = replace(roles, actor2=held[0], span2=held[1])
    evidence = _evidence(doc, d)
    place = located.place if located else None
    exact = place is not None and place.kind != "country"
    provenance = {"event_type": list(_trigger_of(d)), **count_spans}
    if date_span:
        provenance["event_date"] = list(date_span)
    if located and located.end > located.start:  # an implied province has no words of its own
        provenance["location"] = [located.start, located.end]
    if roles.span1:
        provenance["actor1"] = list(roles.span1)
    if roles.span2:
        provenance["actor2"] = list(roles.span2)
    return Event(
        event_id=_event_id(doc, d, kind),
        event_date=when, date_precision=precision, country=country,
        admin1=admin1_of(place), admin2=place.admin2 if place and place.kind in ("city", "admin2") else None,
        location=located.location if located else None,
        latitude=round(place.latitude, 5) if exact else None,
        longitude=round(place.longitude, 5) if exact else None,
        geo_precision=_geo_precision(located),
        geonames_id=place.geonames_id if exact and not located.unlisted else None,
        event_type=kind.event_type, sub_event_type=kind.sub_event_type,
        actor1=roles.actor1, actor2=roles.actor2,
        fatalities=fatalities, injured=injured, evidence=evidence, provenance=provenance,
        confidence=_confidence(when, located, fatalities, roles),
        reason=_reason(doc, d, date_span, located),
    )


def _reason(doc: Doc, d: Draft, date_span, located: Located | None) -> str:
    """Why the event was kept, for a user who disagrees: the trigger, the sense that decided
    it (sense.judge) and the anchor — its own date or place, or the report's date."""
    best = max(d.mentions, key=lambda m: m.kind.rank)
    verdict = best.verdict or next((m.verdict for m in d.mentions if m.verdict), None)
    said = f"trigger '{verdict.trigger}' ({verdict.sense})" if verdict else "trigger"
    anchors = []
    if date_span:
        anchors.append(f"date '{doc.text[date_span[0]:date_span[1]]}'")
    if located:
        anchors.append(f"place '{doc.text[located.start:located.end]}'")
    return f"{said}; anchor: {', '.join(anchors) or 'the report (lead sentences)'}"


def _event_date(doc: Doc, d: Draft):
    t = d.date
    if t is not None:
        return t.date, t.precision, (t.start, t.end)
    header = _header_date(doc, d.mentions[0].sentence) or _carried_date(doc, d.mentions[0]) \
        or _lead_date(doc, d.mentions[0])
    if header is not None:
        return header.date, header.precision, (header.start, header.end)
    published = doc.article.published
    if published:
        # a fresh incident whose day is not stated: the report's week (ACLED precision 2)
        return published.isoformat(), "week", None
    return None, None, None


def _header_date(doc: Doc, index: int):
    para = doc.sentences[index].paragraph
    for t in doc.dates:
        if t.kind == "header" and doc.sentences[doc.sentence_at(t.start)].paragraph == para and t.date:
            return t
    return None


def _incident_days(doc: Doc, k: int) -> list:
    """The stated days of sentence k that date an incident (not a report, a reference or a
    background clause)."""
    prev = doc.sentences[k]
    return [t for t in doc.in_sentence(doc.dates, k) if t.date and t.kind not in ("since", "header")
            and t.precision == "day" and not _possessive(doc, t)
            and not _REPORTED_ON.search(doc.text[max(0, t.start - 40):t.start])
            and not _in_relative_clause(doc, prev.start, t)]


def _lead_date(doc: Doc, m: Mention):
    """The story's day, for an incident told after the lead without a day of its own: 'Four
    attacks killed 57 on Monday' … 'In Kunduz, …'. The day the lead's incident is dated to
    (not the day it was reported), never lent to the lead itself nor across a paragraph
    that opens another development ('Separately, …', 'In another incident, …')."""
    if _NEW_DEVELOPMENT.search(doc.text[doc.sentences[m.sentence].start:m.end]):
        return None
    for k in [k for k in range(len(doc.sentences)) if k != doc.title][:2]:
        if k >= m.sentence:
            return None
        days = _incident_days(doc, k) if TRIGGER.search(doc.sentences[k].text) else []
        if days:
            return days[0]
    return None


def _carried_date(doc: Doc, m: Mention):
    """The day an undated incident takes from its context: the date of an incident told
    earlier in its paragraph ('Last Sunday, gunmen raided three villages. In one they
    killed nine.'), or, for 'in one attack' or 'in a separate attack', the date of the
    sentence that summed the attacks (a paragraph or two before). A date never crosses a
    paragraph break into an incident that is not one of those summed."""
    s = doc.sentences[m.sentence]
    one_of = bool(_ONE_OF.search(doc.text[s.start:m.end]))
    for k in range(m.sentence - 1, max(-1, m.sentence - (7 if one_of else 4)), -1):
        prev = doc.sentences[k]
        same_paragraph = prev.paragraph == s.paragraph
        if k == doc.title or not (same_paragraph or one_of):
            break
        if not TRIGGER.search(prev.text) or not same_paragraph and not _SUM.search(prev.text):
            continue
        dates = _incident_days(doc, k)
        if dates:
            return dates[0]
    return None


def _context_place(doc: Doc, d: Draft, placed: dict[int, Located]) -> Located | None:
    """A place from the paragraph header, the dateline for 'in this city', or from the
    previous sentence for 'there'."""
    first = d.mentions[0]
    s = doc.sentences[first.sentence]
    if any(_HERE.search(doc.text[m.start:m.end]) for m in d.mentions):
        filed = dateline_place(doc)
        if filed is not None:
            return filed
    para_start = min(x.start for x in doc.sentences if x.paragraph == s.paragraph)
    header = choose_place(doc, para_start, min(para_start + 40, s.end), (), None)
    if header is not None and (doc.text[para_start:para_start + 40].split(",")[0].isupper()
                               or any(t.kind == "header" for t in doc.dates
                                      if para_start <= t.start < para_start + 60)):
        if first.sentence > 1 or header.place.country in doc.countries[:1]:
            return header
    if first.sentence > 0 and doc.sentences[first.sentence - 1].paragraph == s.paragraph \
            or _THERE.search(doc.text[first.start:first.end]) and first.sentence > 0:
        # 'there', or a story going on in the same paragraph: the place just named
        prev = doc.sentences[first.sentence - 1]
        just_named = placed.get(first.sentence - 1) or choose_place(doc, prev.start, prev.end, (), None)
        if just_named is not None:
            return just_named
    if _ANAPHORA.search(doc.text[first.start:first.end]) or _SCENE.search(doc.text[first.start:first.end]):
        # 'the clash sparked protests', 'near the scene': where the incident just told happened
        # (that incident may be assembled later: then the place its sentence names)
        for k in range(first.sentence - 1, max(-1, first.sentence - 4), -1):
            told = placed.get(k) or _named_in(doc, k)
            if told is not None:
                return told
    return next((p for p in (_settlement_before(doc, m) for m in d.mentions) if p), None)


def _named_in(doc: Doc, k: int) -> Located | None:
    """The place below the country that sentence k names, in the story's own country."""
    if k == doc.title or not TRIGGER.search(doc.sentences[k].text):
        return None  # only a sentence that tells an incident
    found = choose_place(doc, doc.sentences[k].start, doc.sentences[k].end, (), None)
    if found is None or found.place.kind == "country" or found.place.country not in doc.countries[:1]:
        return None
    return found


# 'in the city', 'the village' with no name after: the settlement the story named last
_DEFINITE_SETTLEMENT = re.compile(rf"\b(?:the|that|this) {lexicons.alternation('settlement_anaphors')}\b"
                                  r"(?:\s+of\s+(?=[A-Z]))?", re.I)
_SETTLEMENTS = ("city", "town", "village", "populated")


def _settlement_before(doc: Doc, m: Mention) -> Located | None:
    """The town, city or village named in the nearest of the six sentences before a mention
    that speaks of 'the city' or 'the village' without naming it."""
    said = _DEFINITE_SETTLEMENT.search(doc.text[m.start:m.end])
    if not said or any(p.start == m.start + said.end() for p in doc.places):
        return None  # 'the city of Aleppo' names it
    for k in range(m.sentence - 1, max(-1, m.sentence - 7), -1):
        if k == doc.title:
            continue
        prev = doc.sentences[k]
        found = choose_place(doc, prev.start, prev.end, (), None)
        if found is not None and found.place.kind in _SETTLEMENTS:
            return found
    return None


def _scene_between(doc: Doc, d: Draft) -> Located | None:
    """The place a sentence between the mentions of the story's own incident (the one its
    first lines tell), or just after the last, names with no incident of its own ('Dozens
    were killed in a stampede …' · 'At least 50 died.' · 'Two million attended the festival
    in the town of X.'): the scene of the story told."""
    told = {m.sentence for m in d.mentions}
    lead = next((k for k in doc.live_sentences() if TRIGGER.search(doc.sentences[k].text)), None)
    if min(told) != lead:
        return None  # only the story's own incident, told from its first lines
    for k in range(min(told) + 1, min(max(told) + 2, len(doc.sentences))):
        s = doc.sentences[k]
        if k in told or not (doc.countries and s.text):
            continue
        got = choose_place(doc, s.start, s.end, (), None)
        if got is not None and got.location and got.place.kind != "country" \
                and got.place.country == doc.countries[0]:
            return got
    return None


def _event_country(doc: Doc, d: Draft, located: Located | None, gazetteer) -> str | None:
    if located is not None:
        return located.place.country
    for m in d.mentions:
        code = country_in(doc, gazetteer, m.start, m.end)
        if code:
            return code
    return doc.countries[0] if doc.countries else None


def _casualties(doc: Doc, d: Draft, kind: EventKind) -> tuple[int | None, int | None, dict]:
    """The first figure an incident is given, replaced only by a larger toll told later as an
    update ('the death toll rose to 28'), not by a rival count or a detail ('one died in
    hospital'); victims a later mention adds ('another died') add up. In one mention, totals
    beat breakdowns and distinct groups add up; perpetrators count only in battles, or when
    alone. A headline's figure, or a lead's that sums several incidents ('two attacks killed
    nine … in one attack, a bomb killed five'), serves only when the body gives none, and a
    running toll ('bringing the death toll to six') never replaces the incident's own."""
    result: dict[str, int | None] = {"killed": None, "injured": None}
    stated: dict[str, bool] = {"killed": False, "injured": False}  # an updated overall toll
    spans: dict = {}
    shared = any(m.shared for m in d.mentions)
    for m in sorted(d.mentions, key=lambda m: m.headline or _sums(doc, m)):
        if shared and m.place is None:
            continue  # a toll told for several places together is no one place's
        counts, updated = _own_running_toll(doc, m)
        for k, field_name in (("killed", "fatalities"), ("injured", "injured")):
            value, span, total = figure(counts, k, kind.event_type == "Battles")
            if value is None or stated[k] and not total:
                continue  # victims told after the updated overall toll are among it
            if result[k] is not None and _quoted(doc, m):
                continue  # a witness's words retell the toll the report gave, they add no one
            new = next_figure(result[k], value, total and span is not None, doc.text[m.start:m.end],
                              counts, k, m.headline or _sums(doc, m), base=m.start)
            if new != result[k]:
                result[k] = new
                stated[k] = updated and total
                if span:
                    spans[field_name] = list(span)
    killed, injured = result["killed"], result["injured"]
    if killed is None and injured is None and _nil_toll_after(doc, d):
        killed = injured = 0  # '… five of which were intercepted.' · 'No-one was hurt.'
    if killed is None and (injured == 0 or any(_SELF_KILLED.search(doc.text[m.start:m.end])
                                               for m in d.mentions)):
        killed = 0  # 'no one was hurt', or a grenade that killed only the man who held it
    return killed, injured, spans


def _nil_toll_after(doc: Doc, d: Draft) -> bool:
    """A short sentence of its own that says no one was hurt, one or two sentences after a
    report of the incident ('Rockets were fired at the town. No-one was hurt.')."""
    told = {m.sentence for m in d.mentions}
    for j in sorted({k + step for k in told for step in (1, 2)} - told):
        if j >= len(doc.sentences) or len(doc.sentences[j].text) > _NIL_SENTENCE_CHARS:
            continue
        counts = find_counts(doc.sentences[j].text)
        if counts and all(c.value == 0 for c in counts):
            return True
    return False


_NIL_SENTENCE_CHARS = 80  # 'No-one is reported to have been hurt.': the whole sentence is the toll


_WOUNDED_IN = re.compile(rf"\b{lexicons.alternation('wounded_in')}\b", re.IGNORECASE)


def _own_running_toll(doc: Doc, m: Mention) -> tuple[list, bool]:
    """A mention's counts, and whether its running toll is the incident's own: where it tells
    a later death from the incident's injuries ('died of injuries suffered in the attack,
    raising the death toll to 14'), that toll is the incident's updated overall figure, not a
    sum over earlier incidents."""
    if not any(c.cumulative for c in m.counts) or not _WOUNDED_IN.search(doc.text[m.start:m.end]):
        return m.counts, False
    return [replace(c, cumulative=False, total=True) if c.cumulative else c for c in m.counts], True


def _quoted(doc: Doc, m: Mention) -> bool:
    """A mention inside quotation marks: its sentence opens one."""
    return doc.text[doc.sentences[m.sentence].start:m.end].lstrip()[:1] in _OPENING_QUOTES


_OPENING_QUOTES = "\"“‘«"


# 'Two bomb attacks killed nine', 'a series of raids', 'raided three villages': a figure summed
# over several incidents
_SUMMED = re.compile(r"\b(?:" + lexicons.alternation("number_words") + r"|\d+|"
                     + lexicons.alternation("many_quantifiers") + r")\s+(?:"
                     + lexicons.alternation("separateness_adjectives") + r"\s+)?(?:\w+\s+)?(?:"
                     + lexicons.alternation("incident_plurals") + "|" + lexicons.alternation("place_plurals")
                     + r")\b", re.I)


def _sums(doc: Doc, m: Mention) -> bool:
    return bool(_SUMMED.search(doc.text[m.start:m.end]))


def _body_over_headline(d: Draft) -> EventKind:
    """'Protesters clash with police' over a report of a march that ended without incident:
    a riot only the headline tells is the protest the body tells."""
    kind = d.kind
    body = [m.kind for m in d.mentions if not m.headline and m.kind.event_type == "Protests"]
    if kind.event_type == "Riots" and body and all(
            m.headline for m in d.mentions if m.kind.event_type == "Riots"):
        return max(body, key=lambda k: k.rank)
    return kind


def _with_intervention(doc: Doc, d: Draft, kind: EventKind) -> EventKind:
    """A peaceful protest whose reports tell of tear gas or arrests was met with intervention,
    told in its own words or in the next sentence of its paragraph ('Police fired tear gas to
    disperse them.'), when that sentence has no trigger or date of its own."""
    if kind.sub_event_type != "Peaceful protest":
        return kind
    after = [_next_in_paragraph(doc, m.sentence) for m in d.mentions]
    spans = [(m.start, m.end) for m in d.mentions] + [(s.start, s.end) for s in after if s is not None]
    if any(not hedged(doc.text[a:b], x.start())  # not 'against a plan for mass arrests'
           for a, b in spans for x in INTERVENTION.finditer(doc.text[a:b])):
        return EventKind("Protests", "Protest with intervention", kind.rank)
    return kind


def _next_in_paragraph(doc: Doc, index: int):
    """The sentence after `index` in its paragraph, when it tells no incident or day of its own."""
    if index + 1 >= len(doc.sentences) or index == doc.title:
        return None
    s, nxt = doc.sentences[index], doc.sentences[index + 1]
    if nxt.paragraph != s.paragraph or TRIGGER.search(nxt.text) or doc.in_sentence(doc.dates, index + 1):
        return None
    return nxt


def _militants_killed(d: Draft, kind: EventKind) -> bool:
    """'Six gunmen were killed in a special operation': the dead are the armed side."""
    if kind.event_type != "Violence against civilians":
        return False
    killed = [c for m in d.mentions for c in m.counts if c.kind == "killed"]
    return bool(killed) and all(c.perpetrator for c in killed)


_ARMED_DEAD = re.compile(rf"\b(?:{lexicons.pattern('armed_target')})\b", re.IGNORECASE)


def _armed_dead(doc: Doc, d: Draft, kind: EventKind) -> bool:
    """'Six people including two militiamen were killed in an attack on the village': a toll
    that counts armed men (the sentence typed a battle) makes the attack a battle, though the
    other reports of it name only the attack; so does a fight told on the incident's day
    ('gunmen clashed with residents who fought beside police'). A few guards among a
    massacre's dead ('two police officers also died' of 147) leave it the attack it was."""
    if kind.sub_event_type != "Attack":
        return False
    toll = max((c.value for m in d.mentions for c in m.counts if c.kind == "killed" and c.value),
               default=0)
    for m in d.mentions:
        if m.kind.event_type != "Battles":
            continue
        sentence = doc.sentences[m.sentence]
        if m.headline and not _ARMED_DEAD.search(doc.text, sentence.start, sentence.end):
            continue  # a headline's '71 killed in clashes after football match': no armed men named
        armed = sum(c.value for c in m.counts if c.kind == "killed" and c.value)
        if armed and armed * 10 >= toll or m.kind.rank >= 5 and m.date is not None:
            return True
    return False


def _communal_riot(doc: Doc, d: Draft) -> bool:
    """A riot in a story that names no protest, march or vigil anywhere, against a
    community's mosques, shops or homes or with no state force in the fight: a mob's
    violence ('petrol bombs were hurled at a mosque, police said'), not demonstrators turned
    violent ('youths defying the curfew confronted police')."""
    words = [doc.text[m.start:m.end] for m in d.mentions]
    return not PROTEST.search(doc.text) and (any(_COMMUNAL.search(w) for w in words)
                                             or not any(forces_acting(w) for w in words))


_COMMUNAL = re.compile(rf"\b{lexicons.pattern('communal_targets')}\b", re.IGNORECASE)


def _evidence(doc: Doc, d: Draft) -> list[Span]:
    seen, out = set(), []
    for m in d.mentions:
        s = doc.sentences[m.sentence]
        if m.sentence not in seen:
            seen.add(m.sentence)
            out.append(Span(s.start, s.end, s.text))
    return out


def _trigger_of(d: Draft) -> tuple[int, int]:
    best = max(d.mentions, key=lambda m: m.kind.rank)
    return best.trigger


def _geo_precision(located: Located | None) -> int | None:
    if located is None:
        return None
    kind = located.place.kind
    if located.unlisted:
        return 2
    if kind in ("country", "admin1", "region"):  # a region: only its provinces are known
        return 3
    return 2 if located.near or kind == "admin2" else 1


def _confidence(when, located, fatalities, roles) -> float:
    score = 0.4 + 0.15 * (when is not None) + 0.15 * (located is not None)
    score += 0.15 * (fatalities is not None) + 0.1 * (roles.actor1 is not None)
    return round(min(score, 0.95), 2)


def _event_id(doc: Doc, d: Draft, kind: EventKind) -> str:
    """Stable for the same text: built from where the incident is first told, and how."""
    first = d.mentions[0]
    where = first.place.start if first.place else -1
    key = f"{doc.article.id}:{first.start}:{where}:{kind.sub_event_type}"
    return hashlib.sha1(key.encode()).hexdigest()[:12]
