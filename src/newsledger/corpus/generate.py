"""A corpus generator for benchmarks and tests: N wire-style articles of ~600 words, written
from the project's own templates and place names in `data/generator.yaml` (real towns with
approximate coordinates; every person, agency and quote is invented), so scale can be measured
without shipping anyone's articles.

A share of the articles (`violent_share`) reports a violent incident — a bombing, an air
strike, a clash, an attack on a village, a kidnapping — with its date, place, actors and toll,
official and witness quotes, earlier incidents as background, and context; about a third of
those are further reports of an incident already covered (another agency, a day later, often
another toll), so incident merging has real work to do. The rest is a general news feed:
economy, sport, health, weather, culture and politics, which still quotes people and uses
words like "attack" and "strike" in their ordinary senses. Deterministic by seed.
"""
from __future__ import annotations

import json
import random
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

import yaml

from .. import lexicons


@dataclass(frozen=True)
class Place:
    name: str
    admin1: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    adjective: str
    capital: str
    places: tuple[Place, ...]
    forces: tuple[str, ...]      # how articles name the state's forces
    groups: tuple[str, ...]      # armed groups active there, bare names ("{group} fighters")
    currency: str

def _material() -> dict:
    text = resources.files("newsledger").joinpath("data/generator.yaml").read_text("utf-8")
    return yaml.safe_load(text)


_M = _material()
COUNTRIES: tuple[Country, ...] = tuple(
    Country(c["code"], c["name"], c["adjective"], c["capital"],
            tuple(Place(name, admin1, lat, lon) for name, admin1, lat, lon in c["places"]),
            tuple(c["forces"]), tuple(c["groups"]), c["currency"])
    for c in _M["countries"])
AGENCIES: tuple[str, ...] = tuple(_M["agencies"])
FIRST: tuple[str, ...] = tuple(_M["first_names"])
LAST: tuple[str, ...] = tuple(_M["last_names"])
JOBS: tuple[str, ...] = tuple(_M["jobs"])
TITLES: tuple[str, ...] = tuple(_M["official_titles"])
TEAMS: tuple[str, ...] = tuple(_M["teams"])
WEEKDAYS = lexicons.words("weekdays")
MONTHS = lexicons.words("months")
# 1..10 as words (the first word of each value in number_words)
NUMBER_WORDS: dict[int, str] = {}
for _word, _value in lexicons.mapping("number_words").items():
    if isinstance(_value, int) and 1 <= _value <= 10:
        NUMBER_WORDS.setdefault(_value, _word)


@dataclass(frozen=True)
class Kind:
    """A kind of violent incident: its ACLED type, and how articles tell it."""

    event_type: str
    sub_event_type: str
    headline: str           # {n} {place}
    ledes: tuple[str, ...]  # {killed} {victims} {injured} {place} {when} {actor} {forces} {target}
    targets: tuple[str, ...]
    victims: tuple[str, ...]
    by_state: bool = False  # the initiator is the state (air strikes)


KINDS: tuple[Kind, ...] = tuple(
    Kind(k["event_type"], k["sub_event_type"], k["headline"], tuple(k["ledes"]),
         tuple(k["targets"]), tuple(k["victims"]), k.get("by_state", False))
    for k in _M["kinds"])
DETAIL: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _M["detail"].items()}
AFTERMATH: tuple[str, ...] = tuple(_M["aftermath"])
OFFICIAL_QUOTES: tuple[str, ...] = tuple(_M["official_quotes"])
WITNESS_QUOTES: tuple[tuple[str, str], ...] = tuple((a, b) for a, b in _M["witness_quotes"])
CLAIMS: tuple[str, ...] = tuple(_M["claims"])
BACKGROUND: tuple[str, ...] = tuple(_M["background"])
CONTEXT: tuple[str, ...] = tuple(_M["context"])
REACTIONS: tuple[str, ...] = tuple(_M["reactions"])


@dataclass(frozen=True)
class Topic:
    headlines: tuple[str, ...]
    ledes: tuple[str, ...]
    body: tuple[str, ...]
    quotes: tuple[str, ...]
    speakers: tuple[str, ...]


TOPICS: tuple[Topic, ...] = tuple(
    Topic(tuple(t["headlines"]), tuple(t["ledes"]), tuple(t["body"]), tuple(t["quotes"]),
          tuple(t["speakers"]))
    for t in _M["topics"])
GENERAL_CONTEXT: tuple[str, ...] = tuple(_M["general_context"])


@dataclass
class Incident:
    """The facts one or more articles report; each report may give its own toll."""

    country: Country
    place: Place
    kind: Kind
    day: date
    killed: int
    injured: int
    actor: str
    forces: str
    target: str
    victims: str
    reports: int = 0


@dataclass
class Generator:
    seed: int = 0
    violent_share: float = 1.0
    start: date = date(2016, 1, 4)
    rng: random.Random = field(init=False)
    recent: deque = field(default_factory=lambda: deque(maxlen=40))

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def articles(self, n: int) -> Iterator[dict]:
        """n article dicts: id, published, title, source, url, text (and, for checking, the
        incident's facts under `truth`)."""
        span = min(730, max(7, n // 15))  # ~15 articles a day, as a wire desk files them
        for i in range(n):
            published = self.start + timedelta(days=i * span // max(n, 1))
            if self.rng.random() < self.violent_share:
                yield self._violent(i, published)
            else:
                yield self._general(i, published)

    # -- violent ---------------------------------------------------------------------------
    def _violent(self, i: int, published: date) -> dict:
        r = self.rng
        incident = self._incident(published)
        incident.reports += 1
        agency = r.choice(AGENCIES)
        killed = self._report_count(incident.killed, incident.reports)
        injured = self._report_count(incident.injured, incident.reports)
        published = max(published, incident.day)
        paragraphs = [self._lede(incident, agency, published, killed, injured)]
        paragraphs += self._body(incident, injured)
        title = incident.kind.headline.format(n=killed, place=incident.place.name)
        return self._finish(i, published, agency, title, paragraphs, incident, killed, injured)

    def _incident(self, published: date) -> Incident:
        r = self.rng
        if self.recent and r.random() < 0.35:
            old = r.choice(list(self.recent))
            if (published - old.day).days <= 2:
                return old
        country = r.choice(COUNTRIES)
        kind = r.choice(KINDS)
        incident = Incident(
            country=country, place=r.choice(country.places), kind=kind,
            day=published - timedelta(days=r.choice((0, 0, 1, 1, 2))),
            killed=r.choice((1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 15, 18, 21, 25, 30, 42)),
            injured=r.choice((2, 3, 5, 8, 10, 14, 20, 27, 35, 50)),
            actor=r.choice(country.groups), forces=r.choice(country.forces),
            target=r.choice(kind.targets), victims=r.choice(kind.victims))
        self.recent.append(incident)
        return incident

    def _report_count(self, true: int, nth: int) -> int:
        """First reports are often low, later ones revised; sometimes agencies differ."""
        if nth == 1 or self.rng.random() < 0.5:
            return true
        return max(1, true + self.rng.choice((-3, -2, -1, 1, 2, 3, 5)))

    def _lede(self, inc: Incident, agency: str, published: date, killed: int, injured: int) -> str:
        r = self.rng
        when = _when(inc.day, published, r)
        actor = inc.forces if inc.kind.by_state else inc.actor
        lede = r.choice(inc.kind.ledes).format(
            killed=_count(killed, r), Killed=_cap(_count(killed, r)), victims=inc.victims,
            injured=_count(injured, r, zero="none"), place=inc.place.name, when=when,
            actor=actor, forces=inc.forces, target=inc.target)
        return f"{inc.place.name.upper()}, {inc.country.name} ({agency}) - {lede}"

    def _body(self, inc: Incident, injured: int) -> list[str]:
        r, c = self.rng, inc.country
        slots = self._slots(c, inc.place, injured=injured, target=inc.target, group=inc.actor)
        official = f"{_person(r)}, the {r.choice(TITLES)} in {inc.place.admin1}"
        said, rest = r.choice(WITNESS_QUOTES)
        witness = f"{_person(r)}, a {r.choice(JOBS)} in {inc.place.name}"
        quote_a, quote_b = r.sample(OFFICIAL_QUOTES, 2)
        paragraphs = [
            " ".join(s.format(**slots) for s in r.sample(DETAIL[inc.kind.event_type], 2)),
            f"\"{quote_a},\" said {official}.",
            r.choice(CLAIMS).format(**slots),
            " ".join(s.format(**slots) for s in r.sample(AFTERMATH, 2)),
            f"\"{said},\" said {witness}. \"{rest}\"",
            f"{_person(r)}, a spokesman for {inc.forces}, told reporters: \"{quote_b}.\"",
            self._background(c, inc.place),
            r.choice(REACTIONS).format(**slots),
        ]
        return paragraphs + self._context(c, slots, CONTEXT, sum(len(p.split()) for p in paragraphs))

    def _background(self, c: Country, place: Place) -> str:
        r = self.rng
        other = r.choice([p for p in c.places if p != place] or [place])
        return r.choice(BACKGROUND).format(
            month=r.choice(MONTHS), day=r.randint(1, 28), n=r.randint(3, 40), place2=other.name,
            km=r.randint(20, 200), group=r.choice(c.groups))

    # -- general news ------------------------------------------------------------------------
    def _general(self, i: int, published: date) -> dict:
        r = self.rng
        topic = r.choice(TOPICS)
        c = r.choice(COUNTRIES)
        place = r.choice(c.places)
        agency = r.choice(AGENCIES)
        slots = self._slots(c, place)
        lede = r.choice(topic.ledes).format(**slots)
        paragraphs = [f"{place.name.upper()}, {c.name} ({agency}) - {lede}"]
        for quote in r.sample(topic.quotes, 2):
            paragraphs.append(f"\"{quote.format(**slots)},\" said {_person(r)}, {r.choice(topic.speakers)}.")
        body = [s.format(**slots) for s in r.sample(topic.body, len(topic.body))]
        paragraphs.insert(2, " ".join(body[:3]))
        used = sum(len(p.split()) for p in paragraphs)
        paragraphs += self._context(c, slots, tuple(body[3:]) + GENERAL_CONTEXT, used)
        title = r.choice(topic.headlines).format(**slots)
        return self._finish(i, published, agency, title, paragraphs, None, None, None)

    # -- shared -----------------------------------------------------------------------------
    def _slots(self, c: Country, place: Place, **extra: object) -> dict[str, object]:
        r = self.rng
        group = str(extra.pop("group", r.choice(c.groups)))
        return {
            "country": c.name, "Country": c.name, "adjective": c.adjective, "capital": c.capital,
            "place": place.name, "admin1": place.admin1, "group": group, "Group": _cap(group),
            "year": r.randint(2004, 2014), "thousands": r.randint(20, 900),
            "person": _person(r), "currency": c.currency, "pct": r.randint(2, 19),
            "team": r.choice(TEAMS), "team2": r.choice(TEAMS), "goals": r.randint(1, 4),
            "minute": r.randint(5, 89), "month": r.choice(MONTHS), "injured": 0, "target": "",
            **extra,
        }

    def _context(self, c: Country, slots: dict, pool: tuple[str, ...], used: int) -> list[str]:
        """Context paragraphs of 2-3 sentences until the article reaches its ~600 words."""
        r = self.rng
        target = r.randint(510, 630)
        sentences = [s.format(**slots) for s in r.sample(pool, len(pool))]
        out: list[str] = []
        while sentences and used < target:
            k = r.choice((2, 3))
            take, sentences = sentences[:k], sentences[k:]
            out.append(" ".join(take))
            used += sum(len(s.split()) for s in take)
        return out

    def _finish(self, i: int, published: date, agency: str, title: str, paragraphs: list[str],
                incident: Incident | None, killed: int | None, injured: int | None) -> dict:
        r = self.rng
        paragraphs.append(f"(Reporting by {_person(r)}; Editing by {_person(r)})")
        slug = "-".join(title.lower().split()[:6]).replace(",", "")
        truth = None
        if incident is not None:
            truth = {"date": incident.day.isoformat(), "country": incident.country.code,
                     "location": incident.place.name, "admin1": incident.place.admin1,
                     "event_type": incident.kind.event_type,
                     "sub_event_type": incident.kind.sub_event_type,
                     "fatalities": killed, "injured": injured}
        return {
            "id": f"gen-{self.seed}-{i:07d}", "published": published.isoformat(), "title": title,
            "source": agency, "url": f"https://news.example/{published:%Y/%m/%d}/{slug}-{i}",
            "text": "\n\n".join(paragraphs) + "\n", "truth": truth,
        }


def _when(day: date, published: date, r: random.Random) -> str:
    if (published - day).days <= 6 and r.random() < 0.7:
        return WEEKDAYS[day.weekday()]
    return f"{MONTHS[day.month - 1]} {day.day}"


def _count(n: int, r: random.Random, zero: str = "no") -> str:
    if n == 0:
        return zero
    if n <= 10 and r.random() < 0.6:
        return NUMBER_WORDS[n]
    return f"at least {n}" if r.random() < 0.3 else str(n)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _person(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


# -- writing ---------------------------------------------------------------------------------------
def generate(n: int, out: str | Path, violent_share: float = 1.0, seed: int = 0,
             fmt: str = "txt", shard: int = 10_000) -> int:
    """Write n articles under `out`: `txt` files with a `key: value` header, or `jsonl`
    shards of `shard` articles. Returns the number written."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    articles = Generator(seed=seed, violent_share=violent_share).articles(n)
    if fmt == "jsonl":
        return _write_jsonl(articles, out, shard)
    count = 0
    for a in articles:
        folder = out / f"{count // 1000:04d}"  # a few thousand files per folder at most
        folder.mkdir(exist_ok=True)
        header = "".join(f"{k}: {a[k]}\n" for k in ("id", "title", "published", "source", "url"))
        (folder / f"{a['id']}.txt").write_text(header + "\n" + a["text"], encoding="utf-8")
        count += 1
    return count


def _write_jsonl(articles: Iterator[dict], out: Path, shard: int) -> int:
    count, f = 0, None
    try:
        for a in articles:
            if count % shard == 0:
                if f:
                    f.close()
                f = (out / f"articles-{count // shard:04d}.jsonl").open("w", encoding="utf-8")
            a = {k: v for k, v in a.items() if k != "truth"}
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
            count += 1
    finally:
        if f:
            f.close()
    return count
