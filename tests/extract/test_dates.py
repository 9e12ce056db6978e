"""Temporal expressions: every row is a short sentence written for this test."""
from __future__ import annotations

from datetime import date

import pytest

from newsledger.article import Article
from newsledger.document import Doc
from newsledger.extract.clean import mark_dateline, mark_title
from newsledger.extract.dates import TimeExpr, find_dates, resolve_weekday
from newsledger.extract.text import split_sentences

WED = date(2015, 5, 6)     # a Wednesday: the default publication day below
SUN = date(2015, 5, 3)     # a Sunday
JAN = date(2016, 1, 5)     # a Tuesday early in the year: month/day dates fall back a year


def only(text: str, published: date | None = WED) -> TimeExpr:
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


def row(e: TimeExpr) -> tuple:
    return e.text, e.date, e.precision, e.kind


def headers_of(text: str):
    """The clean stage's paragraph headers, which find_dates reads."""
    doc = Doc(Article(text, published=WED), split_sentences(text))
    mark_title(doc)
    mark_dateline(doc)
    return doc.headers


def check(text: str, published: date | None, expected: tuple) -> None:
    """The expression whose text is expected[0] has the expected date, precision, kind."""
    found = {e.text: row(e) for e in find_dates(text, published)}
    assert found.get(expected[0]) == expected, found


# --------------------------------------------------------------------------- absolute

@pytest.mark.parametrize("text, expected", [
    ("Gunmen struck on May 4, 2015, officials said.", ("May 4, 2015", "2015-05-04", "day", "absolute")),
    ("Gunmen struck on 4 May 2015 near the border.", ("4 May 2015", "2015-05-04", "day", "absolute")),
    ("The log entry is dated 2015-05-04.", ("2015-05-04", "2015-05-04", "day", "absolute")),
    ("A car bomb exploded on Jan. 13 in the old town.", ("Jan. 13", "2015-01-13", "day", "absolute")),
    ("Troops withdrew on Aug 2 after the talks.", ("Aug 2", "2014-08-02", "day", "absolute")),
    ("The convoy was hit on 13 January near a bridge.", ("13 January", "2015-01-13", "day", "absolute")),
    ("A statement on January 13 (Sunday) gave the toll.",
     ("January 13 (Sunday)", "2015-01-13", "day", "absolute")),
    ("Three blasts shook the city on Tuesday 22 March.",
     ("Tuesday 22 March", "2015-03-22", "day", "absolute")),
    ("Shots were fired on Tuesday, May 5, witnesses said.",
     ("Tuesday, May 5", "2015-05-05", "day", "absolute")),
    ("He recalled the Nov. 8 agreement between the parties.", ("Nov. 8", "2014-11-08", "day", "absolute")),
    ("Rebels entered the town on the 4th of May.", ("4th of May", "2015-05-04", "day", "absolute")),
    ("The curfew began on May 13th, 2015.", ("May 13th, 2015", "2015-05-13", "day", "absolute")),
    ("The raid happened on May 2 last year.", ("May 2 last year", "2014-05-02", "day", "absolute")),
    ("Two soldiers died on the 2015/05/01 patrol.", ("2015/05/01", "2015-05-01", "day", "absolute")),
])
def test_full_dates(text, expected):
    assert row(only(text)) == expected


@pytest.mark.parametrize("text, published, expected_date", [
    ("The blast on May 6 killed four.", WED, "2015-05-06"),       # publication day itself
    ("The blast on May 7 killed four.", WED, "2014-05-07"),       # after publication: last year
    ("The blast on December 30 killed four.", JAN, "2015-12-30"),
    ("The blast on 3 January killed four.", JAN, "2016-01-03"),
    ("The blast on February 29 killed four.", date(2015, 3, 1), "2012-02-29"),
])
def test_year_inferred_on_or_before_publication(text, published, expected_date):
    assert only(text, published).date == expected_date


@pytest.mark.parametrize("text, expected", [
    ("Militants hijacked a bus in November 2014.", ("November 2014", "2014-11", "month", "absolute")),
    ("Quarry workers were killed in September 2010.",
     ("September 2010", "2010-09", "month", "absolute")),
    ("The camp was attacked in December last year.",
     ("December last year", "2014-12", "month", "relative")),
    ("The camp was attacked last December.", ("last December", "2014-12", "month", "relative")),
    ("The camp was attacked in March.", ("March", "2015-03", "month", "absolute")),
    ("The camp was attacked in August.", ("August", "2014-08", "month", "absolute")),
    ("The group was founded in 2013.", ("2013", "2013", "year", "absolute")),
    ("A similar riot broke out in 1985.", ("1985", "1985", "year", "absolute")),
    ("The bombing took place in the spring of 2010.",
     ("the spring of 2010", "2010", "year", "absolute")),
    ("Violence rose sharply in mid-2013.", ("mid-2013", "2013", "year", "absolute")),
    ("The base was built by the end of 2012.", ("the end of 2012", "2012", "year", "absolute")),
])
def test_months_years_seasons(text, expected):
    assert row(only(text)) == expected


# --------------------------------------------------------------------------- relative

@pytest.mark.parametrize("text, published, expected", [
    ("Police said on Thursday that five died.", WED, ("Thursday", "2015-04-30", "day", "relative")),
    ("Tuesday's attack was the worst this year.", WED, ("Tuesday", "2015-05-05", "day", "relative")),
    ("Clashes erupted on Saturday night in the port.", WED,
     ("Saturday night", "2015-05-02", "day", "relative")),
    ("A mortar hit the market late on Sunday.", WED, ("late on Sunday", "2015-05-03", "day", "relative")),
    ("Gunmen raided a village late Monday.", WED, ("late Monday", "2015-05-04", "day", "relative")),
    ("The strike hit a school on Wednesday.", WED, ("Wednesday", "2015-05-06", "day", "relative")),
    ("Shelling resumed on Monday night.", WED, ("Monday night", "2015-05-04", "day", "relative")),
    ("The march was held last Friday.", date(2015, 5, 8), ("last Friday", "2015-05-01", "day", "relative")),
    ("The march was held last Friday.", WED, ("last Friday", "2015-05-01", "day", "relative")),
    ("The vote is due next Tuesday.", WED, ("next Tuesday", "2015-05-12", "day", "relative")),
    ("Fighting stopped overnight into Sunday.", WED,
     ("overnight into Sunday", "2015-05-03", "day", "relative")),
])
def test_weekdays(text, published, expected):
    check(text, published, expected)


@pytest.mark.parametrize("text, expected", [
    ("Two rockets landed yesterday.", ("yesterday", "2015-05-05", "day", "relative")),
    ("Looting continued yesterday morning.", ("yesterday morning", "2015-05-05", "day", "relative")),
    ("Rioters burned cars last night.", ("last night", "2015-05-05", "day", "relative")),
    ("A bomb went off today in the market.", ("today", "2015-05-06", "day", "relative")),
    ("A bomb went off this morning in the market.", ("this morning", "2015-05-06", "day", "relative")),
    ("Heavy shelling was heard overnight.", ("overnight", "2015-05-05", "day", "relative")),
    ("The day before yesterday, three died.", ("The day before yesterday", "2015-05-04", "day", "relative")),
    ("The army said last week that it had retaken the town.",
     ("last week", "2015-04-30", "week", "relative")),
    ("Six people were killed over the weekend.",
     ("over the weekend", "2015-05-02", "week", "relative")),
    ("Six people were killed at the weekend.", ("at the weekend", "2015-05-02", "week", "relative")),
    ("Protests spread this week to the south.", ("this week", "2015-05-05", "week", "relative")),
    ("Earlier this month, a convoy was ambushed.",
     ("Earlier this month", "2015-05", "month", "relative")),
    ("Attacks have doubled this month.", ("this month", "2015-05", "month", "relative")),
    ("The governor resigned last month.", ("last month", "2015-04", "month", "relative")),
    ("The governor resigned last year.", ("last year", "2014", "year", "relative")),
    ("The governor resigned earlier this year.", ("earlier this year", "2015", "year", "relative")),
    ("Floods hit the valley last summer.", ("last summer", "2014", "year", "relative")),
    ("Floods hit the valley last winter.", ("last winter", "2015", "year", "relative")),
    ("The camp was shelled two days ago.", ("two days ago", "2015-05-04", "day", "relative")),
    ("The camp was shelled three weeks ago.", ("three weeks ago", "2015-04-15", "week", "relative")),
    ("The camp was shelled a fortnight ago.", ("a fortnight ago", "2015-04-22", "week", "relative")),
    ("The party was founded nearly 20 years ago.",
     ("nearly 20 years ago", "1995", "year", "relative")),
])
def test_relative_phrases(text, expected):
    assert row(only(text)) == expected


@pytest.mark.parametrize("published, expected", [
    (date(2015, 5, 4), "2015-05-02"),    # Monday: the weekend just past
    (date(2015, 5, 3), "2015-05-02"),    # Sunday
    (date(2015, 5, 2), "2015-05-02"),    # Saturday: that very weekend
    (date(2015, 5, 8), "2015-05-02"),    # Friday: the previous one
])
def test_weekend_is_its_saturday(published, expected):
    assert only("Gunmen attacked a bar over the weekend.", published).date == expected


def test_weekday_on_publication_day_is_that_day():
    assert only("Troops fired on Sunday.", SUN).date == "2015-05-03"


# --------------------------------------------------------------------------- anchored

@pytest.mark.parametrize("text, expected", [
    ("Police opened fire on Monday. On the same day, a bomb exploded.",
     ("the same day", "2015-05-04", "day", "anchored")),
    ("Police opened fire on Monday. A day later, a bomb exploded.",
     ("A day later", "2015-05-05", "day", "anchored")),
    ("Police opened fire on Monday. The next day, a bomb exploded.",
     ("The next day", "2015-05-05", "day", "anchored")),
    ("A bomb exploded on Tuesday. Two days earlier, police had opened fire.",
     ("Two days earlier", "2015-05-03", "day", "anchored")),
    ("The vote was held on April 20. Three days after the election, riots began.",
     ("Three days after the election", "2015-04-23", "day", "anchored")),
    # the anchor noun's own date wins over the nearest preceding date
    ("The election on April 20 was calm. Protests began on May 1. Three days after the "
     "election, riots began.", ("Three days after the election", "2015-04-23", "day", "anchored")),
    ("Sunday's attack in Mosul killed nine. Hours after the attack in Mosul, a curfew began.",
     ("Hours after the attack in Mosul", "2015-05-03", "day", "anchored")),
    ("A convoy was hit on May 1. Two hours later, a second blast followed.",
     ("Two hours later", "2015-05-01", "day", "anchored")),
    ("Two days after Sunday's vote, the result was annulled.",
     ("Two days after", "2015-05-05", "day", "anchored")),
    # the subject already has its date: the phrase dates the ceasefire's collapse
    ("The raid began on Wednesday, two days after the ceasefire collapsed.",
     ("two days after the ceasefire", "2015-05-04", "day", "anchored")),
    ("Three people died on Tuesday. The attack comes four days after the arrest of a cleric.",
     ("four days after the arrest", "2015-05-01", "day", "anchored")),
    ("Shelling continued on Monday for a fifth consecutive day.",
     ("for a fifth consecutive day", "2015-05-02", "week", "anchored")),
    ("A boy died on Monday, the third consecutive day of clashes.",
     ("the third consecutive day", "2015-05-04", "day", "anchored")),
    ("The talks failed in January. Three months later, war broke out.",
     ("Three months later", "2015-04", "month", "anchored")),
])
def test_anchored(text, expected):
    check(text, WED, expected)


def test_anchored_without_anchor_is_unresolved():
    assert row(only("The next day, the army withdrew.")) == ("The next day", None, None, "anchored")


def test_anchored_never_lands_after_publication():
    # yesterday + a week would be after publication: the anchor was the wrong one
    check("Police fired yesterday. A week later, calm returned.", WED,
          ("A week later", None, None, "anchored"))


# --------------------------------------------------------------------------- headers

@pytest.mark.parametrize("text, expected", [
    ("Kirkuk, May 4: a car bomb killed two.", ("May 4", "2015-05-04", "day", "header")),
    ("Kirkuk, May 4 – a car bomb killed two.", ("May 4", "2015-05-04", "day", "header")),
    ("MOSCOW, August 11 (Itar-Tass) - Six gunmen were killed.",
     ("August 11", "2014-08-11", "day", "header")),
    ("KHARTOUM, Jan 20 (IANS) At least nine died.", ("Jan 20", "2015-01-20", "day", "header")),
    ("Lead paragraph.\nBASRA, Iraq, May 2 (Reuters) - Police said.",
     ("May 2", "2015-05-02", "day", "header")),
])
def test_dateline_headers(text, expected):
    found = {e.text: row(e) for e in find_dates(text, WED, headers_of(text))}
    assert found.get(expected[0]) == expected, found
    assert find_dates(text, WED)[0].kind != "header"  # without the record: an ordinary date


@pytest.mark.parametrize("text", ["Officials in Kirkuk said May 4 was calm.",
                                  "Kirkuk police said on May 4 - a Monday - that all was calm."])
def test_date_inside_a_sentence_is_not_a_header(text):
    [e] = [e for e in find_dates(text, WED, headers_of(text)) if e.text.startswith("May")]
    assert e.kind == "absolute"


# --------------------------------------------------------------------------- aggregates

@pytest.mark.parametrize("text, expected", [
    ("Clashes have raged since May 10.", ("since May 10", "2014-05-10", "day", "since")),
    ("Clashes have raged since 2015.", ("since 2015", "2015", "year", "since")),
    ("Clashes have raged since Thursday.", ("since Thursday", "2015-04-30", "day", "since")),
    ("Forty died over the past two weeks.",
     ("over the past two weeks", "2015-04-22", "week", "since")),
    ("Fighting raged from Saturday to Monday.",
     ("from Saturday to Monday", "2015-05-02", "day", "range")),
    ("Fighting raged between May 3 and May 5, 2014.",
     ("between May 3 and May 5, 2014", "2014-05-03", "day", "range")),
    ("The siege lasted May 3-5.", ("May 3-5", "2015-05-03", "day", "range")),
    ("The war raged from 2010 to 2012.", ("from 2010 to 2012", "2010", "year", "range")),
    # 'since X, when …': the clause tells what happened at X, which dates it
    ("It was the first death since March, when a boy was shot at a rally.",
     ("March", "2015-03", "month", "absolute")),
    ("There has been no death since March.", ("since March", "2015-03", "month", "since")),
])
def test_since_and_ranges(text, expected):
    check(text, WED, expected)


@pytest.mark.parametrize("text, expected", [
    ("The hill was taken by the army during the 2012 war.", ("2012", "2012", "year", "absolute")),
    ("Both parties boycotted the 2013 elections.", ("2013", "2013", "year", "absolute")),
])
def test_a_year_naming_an_episode_dates_it(text, expected):
    check(text, WED, expected)


@pytest.mark.parametrize("text", [
    "The 2012 figures were revised.",
    "Some 2012 soldiers took part.",
])
def test_a_year_before_other_nouns_is_no_date(text):
    assert find_dates(text, WED) == []


# --------------------------------------------------------------------------- not dates

@pytest.mark.parametrize("text", [
    "Protesters may march on the capital.",
    "A march through the old town ended peacefully.",
    "The Sunday Times published the letter.",
    "Shots rang out at 2:30 am and again at 11:45 p.m.",
    "In 2011 people took to the streets.",
    "A 29-year-old man, aged 45, was among 2,000 detainees.",
    "Resolution 2254 was adopted unanimously.",
    "He spent 20 years in prison.",
    "The fall of the city shocked the region.",
    "Voters backed the Good Friday Agreement.",
    "The 1990s were a violent decade.",
    "Nothing happened on 31 April.",
])
def test_non_dates(text):
    assert find_dates(text, WED) == []


# --------------------------------------------------------------------------- unknown publication

@pytest.mark.parametrize("text, expected", [
    ("The blast happened yesterday.", ("yesterday", None, None, "relative")),
    ("The blast happened on Tuesday.", ("Tuesday", None, None, "relative")),
    ("The blast happened last week.", ("last week", None, None, "relative")),
    ("The blast happened two days ago.", ("two days ago", None, None, "relative")),
    ("The blast happened on Jan. 13.", ("Jan. 13", None, None, "absolute")),
    ("The blast happened in August.", ("August", None, None, "absolute")),
    ("The blast happened on May 4, 2015.", ("May 4, 2015", "2015-05-04", "day", "absolute")),
    ("The blast happened in November 2014.", ("November 2014", "2014-11", "month", "absolute")),
    ("The blast happened in 1985.", ("1985", "1985", "year", "absolute")),
])
def test_without_publication_date(text, expected):
    assert row(only(text, None)) == expected


def test_without_publication_date_anchors_still_use_the_text():
    check("The blast happened on May 4, 2015. The next day, police arrived.", None,
          ("The next day", "2015-05-05", "day", "anchored"))


def test_without_publication_date_never_uses_today():
    text = "Yesterday, today, this week, last month, on Monday, over the weekend, a day later."
    assert all(e.date is None and e.precision is None for e in find_dates(text, None))


# --------------------------------------------------------------------------- API

@pytest.mark.parametrize("name, published, expected", [
    ("Wednesday", WED, date(2015, 5, 6)),
    ("Tuesday", WED, date(2015, 5, 5)),
    ("Thursday", WED, date(2015, 4, 30)),
    ("sunday", WED, date(2015, 5, 3)),
    ("Sat", WED, date(2015, 5, 2)),
])
def test_resolve_weekday(name, published, expected):
    assert resolve_weekday(name, published) == expected


def test_resolve_weekday_rejects_other_words():
    with pytest.raises(ValueError):
        resolve_weekday("Someday", WED)


def test_offsets_order_and_spans():
    text = ("KIRKUK, May 4 (AFP) - A bomb killed two on Sunday. Two days later, on Tuesday, "
            "gunmen struck again, as they had in November 2014 and since 2013.\n"
            "Officials said yesterday that last week's toll was the highest this year.")
    found = find_dates(text, WED, headers_of(text))
    assert [e.kind for e in found] == ["header", "relative", "anchored", "relative", "absolute",
                                       "since", "relative", "relative", "relative"]
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    for e in found:
        assert text[e.start:e.end] == e.text
        assert (e.date is None) == (e.precision is None)


def test_offsets_count_code_points():
    text = "Réfugiés — “déplacés” — fled on Tuesday."
    e = only(text)
    assert text[e.start:e.end] == "Tuesday" and e.date == "2015-05-05"


# --------------------------------------------------------------------------- properties

hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies
WORDS = ("on in since from to between and the a of last this next late early overnight "
         "Monday Sunday's Saturday night May may March Jan. Aug 4 13 22nd 31 2015 1985 - : "
         "(AFP) , . \n KIRKUK, day days week weekend month year ago after before later same "
         "election attack for fifth consecutive hours yesterday today two few nearly").split(" ")


@hypothesis.settings(max_examples=300, deadline=None, database=None)
@hypothesis.given(st.lists(st.sampled_from(WORDS), max_size=30),
                  st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31))))
def test_any_text_gives_consistent_spans(words, published):
    text = " ".join(words)
    last_end = 0
    for e in find_dates(text, published):
        assert text[e.start:e.end] == e.text and e.start >= last_end
        last_end = e.end
        assert (e.date is None) == (e.precision is None)
        assert e.kind in {"absolute", "relative", "anchored", "header", "since", "range"}
        if published is None:
            assert e.kind not in ("relative",) or e.date is None


# --- an incident's date from its context (events.py's date choice), through the pipeline ---
# published on Friday 10 May 2024: 'on Sunday' is 2024-05-05, 'on Monday' 2024-05-06

def _dated(extract, text: str) -> list[tuple]:
    events = extract(text, published="2024-05-10")["events"]
    return [(e["location"], e["event_date"], e["date_precision"], e["fatalities"]) for e in events]


def test_a_paragraphs_date_carries_to_its_sentences(extract):
    text = ("On Sunday, gunmen killed three farmers in the village of Kwanar in Zamfara state. "
            "In the village of Dabagi soldiers later arrested twelve suspects.")
    assert ("Dabagi", "2024-05-05", "day", None) in _dated(extract, text)


def test_the_storys_day_carries_to_its_later_paragraphs(extract):
    text = ("On Sunday, gunmen killed three farmers in the village of Kwanar in Zamfara state."
            "\n\nIn the village of Dabagi soldiers arrested twelve suspects.")
    assert ("Dabagi", "2024-05-05", "day", None) in _dated(extract, text)


@pytest.mark.parametrize("opening", ["Separately, in", "In another incident, in"])
def test_a_date_does_not_cross_a_paragraph_into_another_incident(extract, opening):
    text = ("On Sunday, gunmen killed three farmers in the village of Kwanar in Zamfara state."
            f"\n\n{opening} the village of Dabagi soldiers arrested twelve suspects.")
    assert ("Dabagi", "2024-05-10", "week", None) in _dated(extract, text)


def test_the_incidents_a_lead_sums_take_its_date(extract):
    text = ("Two bomb attacks killed nine people in Iraq on Monday, police said.\n\n"
            "In one attack, a bomb killed five people at a market in Baquba.\n\n"
            "In a separate attack, a roadside bomb killed four soldiers in Kirkuk.")
    found = _dated(extract, text)
    assert ("Baquba", "2024-05-06", "day", 5) in found
    assert ("Kirkuk", "2024-05-06", "day", 4) in found


def test_a_stated_day_beats_one_counted_from_another_incident(extract):
    text = ("Gunmen attacked a checkpoint in Shabwa province on Thursday.\n\nThe assault came "
            "hours after an air strike killed four fighters in Marib late on Wednesday.")
    assert ("Marib", "2024-05-08", "day", 4) in _dated(extract, text)


def test_a_date_of_the_background_since_clause_is_not_the_incidents(extract):
    text = ("Shelling killed a civilian in Idlib on Sunday, the deadliest strike on the town since "
            "protests began in March 2011.")
    found = _dated(extract, text)
    assert ("Idlib", "2024-05-05", "day", 1) in found
    assert all(when != "2011-03" for _, when, _, _ in found)


@pytest.mark.parametrize("text, dated", [
    ("The Sunday Herald reported the raid.", False),
    ("A Saturday Review columnist was arrested.", False),      # any name, not only newspapers
    ("Children left the Sunday school early.", False),
    ("Gunmen Kill Five On Sunday In Kano", True),              # a title-case headline
    ("Troops withdrew on Tuesday March 3.", True),
    ("Clashes erupted on Saturday Night, police said.", True),
])
def test_a_weekday_that_begins_a_name_dates_nothing(text, dated):
    days = [t for t in find_dates(text, WED) if t.text.lower().rstrip(".").endswith(
        ("sunday", "saturday", "tuesday", "night", "3"))]
    assert bool(days) == dated


@pytest.mark.parametrize("text, expected", [
    # 'the night before' counts back from the clause's day; 'in the city' is no object of 'before'
    ("Lawmakers on Thursday blamed the police for the rioting the night before in the city.", "2024-05-08"),
    ("Lawmakers on Thursday blamed the police for the rioting the day before.", "2024-05-08"),
])
def test_the_night_before_is_anchored(text, expected):
    got = [d for d in find_dates(text, date(2024, 5, 10)) if d.kind == "anchored"]
    assert [d.date for d in got] == [expected]
