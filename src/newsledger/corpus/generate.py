"""A corpus generator for benchmarks and tests: N wire-style articles of ~600 words, written
from this module's own templates and place names (real towns with approximate coordinates;
every person, agency and quote is invented), so scale can be measured without shipping
anyone's articles.

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
from pathlib import Path

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


COUNTRIES: tuple[Country, ...] = (
    Country("IQ", "Iraq", "Iraqi", "Baghdad", (
        Place("Kirkuk", "Kirkuk", 35.468, 44.392), Place("Hawija", "Kirkuk", 35.324, 43.773),
        Place("Mosul", "Nineveh", 36.335, 43.119), Place("Tikrit", "Salah ad Din", 34.607, 43.678),
        Place("Samarra", "Salah ad Din", 34.196, 43.886), Place("Baqubah", "Diyala", 33.747, 44.644),
        Place("Ramadi", "Anbar", 33.421, 43.308)),
        ("Iraqi security forces", "the Iraqi army", "Iraqi police"),
        ("Islamic State", "Daesh", "IS"), "dinar"),
    Country("NG", "Nigeria", "Nigerian", "Abuja", (
        Place("Maiduguri", "Borno", 11.846, 13.157), Place("Konduga", "Borno", 11.653, 13.418),
        Place("Damboa", "Borno", 11.155, 12.756), Place("Bama", "Borno", 11.522, 13.686),
        Place("Mubi", "Adamawa", 10.268, 13.264), Place("Yola", "Adamawa", 9.204, 12.495)),
        ("the Nigerian army", "Nigerian troops", "the Civilian Joint Task Force"),
        ("Boko Haram", "Islamic State West Africa Province", "ISWAP"), "naira"),
    Country("SO", "Somalia", "Somali", "Mogadishu", (
        Place("Mogadishu", "Banaadir", 2.037, 45.344), Place("Afgooye", "Lower Shabeelle", 2.138, 45.121),
        Place("Baidoa", "Bay", 3.114, 43.650), Place("Kismayo", "Lower Juba", -0.358, 42.545),
        Place("Beledweyne", "Hiiraan", 4.736, 45.204)),
        ("Somali government forces", "the Somali National Army", "African Union troops"),
        ("al-Shabaab", "al Shabaab"), "shilling"),
    Country("AF", "Afghanistan", "Afghan", "Kabul", (
        Place("Kabul", "Kabul", 34.528, 69.172), Place("Kandahar", "Kandahar", 31.613, 65.710),
        Place("Kunduz", "Kunduz", 36.728, 68.868), Place("Jalalabad", "Nangarhar", 34.427, 70.452),
        Place("Lashkar Gah", "Helmand", 31.594, 64.372), Place("Ghazni", "Ghazni", 33.554, 68.421)),
        ("Afghan security forces", "the Afghan army", "Afghan police"),
        ("Taliban", "Islamic State Khorasan"), "afghani"),
    Country("SY", "Syria", "Syrian", "Damascus", (
        Place("Aleppo", "Aleppo", 36.202, 37.134), Place("Idlib", "Idlib", 35.931, 36.634),
        Place("Maarat al-Numan", "Idlib", 35.644, 36.672), Place("Raqqa", "Ar-Raqqah", 35.953, 39.008),
        Place("Deir ez-Zor", "Deir ez-Zor", 35.336, 40.141), Place("Homs", "Homs", 34.727, 36.723)),
        ("Syrian government forces", "the Syrian army", "pro-government militias"),
        ("Islamic State", "Hayat Tahrir al-Sham"), "pound"),
    Country("YE", "Yemen", "Yemeni", "Sanaa", (
        Place("Sanaa", "Amanat Alasimah", 15.355, 44.207), Place("Aden", "Aden", 12.779, 45.037),
        Place("Taiz", "Taiz", 13.580, 44.021), Place("Marib", "Marib", 15.463, 45.325),
        Place("Hodeidah", "Al Hudaydah", 14.798, 42.955)),
        ("Yemeni government forces", "forces loyal to the government", "the Saudi-led coalition"),
        ("Houthi", "al Qaeda in the Arabian Peninsula"), "rial"),
    Country("ML", "Mali", "Malian", "Bamako", (
        Place("Gao", "Gao", 16.272, -0.045), Place("Timbuktu", "Tombouctou", 16.774, -3.007),
        Place("Mopti", "Mopti", 14.484, -4.183), Place("Kidal", "Kidal", 18.441, 1.408),
        Place("Menaka", "Menaka", 15.918, 2.402)),
        ("the Malian army", "Malian soldiers", "UN peacekeepers"),
        ("JNIM", "Islamic State in the Greater Sahara"), "CFA franc"),
    Country("CD", "DR Congo", "Congolese", "Kinshasa", (
        Place("Beni", "North Kivu", 0.491, 29.473), Place("Butembo", "North Kivu", 0.142, 29.292),
        Place("Goma", "North Kivu", -1.679, 29.223), Place("Bunia", "Ituri", 1.559, 30.252),
        Place("Djugu", "Ituri", 1.923, 30.501)),
        ("the Congolese army", "FARDC soldiers", "Congolese police"),
        ("Allied Democratic Forces", "ADF", "M23", "CODECO"), "franc"),
    Country("PK", "Pakistan", "Pakistani", "Islamabad", (
        Place("Peshawar", "Khyber Pakhtunkhwa", 34.008, 71.579), Place("Bannu", "Khyber Pakhtunkhwa", 32.985, 70.604),
        Place("Quetta", "Balochistan", 30.184, 67.001), Place("Karachi", "Sindh", 24.861, 67.010)),
        ("Pakistani security forces", "the Pakistani army", "Pakistani police"),
        ("Pakistani Taliban", "Tehrik-i-Taliban Pakistan", "Baloch Liberation Army"), "rupee"),
)

AGENCIES = ("Meridian Wire", "Continental Press", "Global Dispatch", "Northstar News Agency",
            "The Daily Ledger", "Horizon Newswire")
FIRST = ("Ahmed", "Fatima", "Mohamed", "Ibrahim", "Amina", "Hassan", "Yusuf", "Grace", "Samuel",
         "Aisha", "Omar", "Musa", "Nasir", "Zainab", "Abdullahi", "Khalid", "Mariam", "Bashir",
         "Halima", "Joseph", "Karim", "Leila", "Daniel", "Salma", "Tariq", "Esther", "Idris", "Nadia")
LAST = ("Hassan", "Okafor", "Abdi", "Rahimi", "Karimi", "Diallo", "Traore", "Mwangi", "Yusuf",
        "Haidari", "Saleh", "Jaber", "Bello", "Qureshi", "Khan", "Farah", "Osman", "Kabore",
        "Nwosu", "Sultani", "Mansour", "Haddad", "Lukusa", "Maiga", "Durrani", "Adeyemi")
JOBS = ("shopkeeper", "teacher", "farmer", "taxi driver", "student", "nurse", "trader", "mechanic")
TITLES = ("provincial police chief", "local government spokesman", "district governor",
          "military spokesman", "health official", "security official")
WEEKDAYS = lexicons.words("weekdays")
MONTHS = lexicons.words("months")
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


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


KINDS: tuple[Kind, ...] = (
    Kind("Explosions/Remote violence", "Remote explosive/landmine/IED",
         "Roadside bomb kills {n} in {place}",
         ("A roadside bomb killed {killed} {victims} and wounded {injured} others in {place} on {when}, officials said.",
          "{Killed} {victims} were killed and {injured} wounded when a bomb planted by the road exploded near a {target} in {place} on {when}, police said.",
          "An improvised explosive device struck a {target} in {place} on {when}, killing {killed} {victims} and wounding {injured}, security sources said."),
         ("military convoy", "police checkpoint", "minibus", "crowded market"),
         ("soldiers", "people", "civilians", "police officers")),
    Kind("Explosions/Remote violence", "Suicide bomb",
         "Suicide bomber kills {n} in {place}",
         ("A suicide bomber blew himself up at a {target} in {place} on {when}, killing {killed} {victims} and wounding {injured}, officials said.",
          "{Killed} {victims} were killed and {injured} injured on {when} when a suicide bomber detonated an explosives vest at a {target} in {place}, police said."),
         ("mosque", "market", "recruitment centre", "wedding party", "checkpoint"),
         ("people", "worshippers", "civilians", "recruits")),
    Kind("Explosions/Remote violence", "Air/drone strike",
         "Air strikes kill {n} in {place}",
         ("Air strikes by {forces} killed {killed} {victims} and wounded {injured} near {place} on {when}, residents and medics said.",
          "{Killed} {victims} were killed on {when} when warplanes struck a {target} on the edge of {place}, according to local medics."),
         ("market", "residential district", "suspected militant hideout", "fuel depot"),
         ("people", "civilians", "fighters"), by_state=True),
    Kind("Explosions/Remote violence", "Shelling/artillery/missile attack",
         "Shelling kills {n} in {place}",
         ("Shells fired by {actor} fighters hit a {target} in {place} on {when}, killing {killed} {victims} and wounding {injured}, officials said.",
          "{Killed} {victims} were killed when mortar rounds landed on a {target} in {place} on {when}, a local official said."),
         ("residential area", "school", "market", "camp for displaced families"),
         ("civilians", "people", "children")),
    Kind("Battles", "Armed clash",
         "Clashes kill {n} near {place}",
         ("Fighting between {forces} and {actor} fighters near {place} on {when} killed {killed} {victims}, and {injured} more were wounded, officials said.",
          "{Killed} {victims} died in clashes on {when} when {actor} fighters attacked positions held by {forces} outside {place}, a military spokesman said."),
         ("army base", "checkpoint", "patrol"),
         ("soldiers", "fighters", "people")),
    Kind("Violence against civilians", "Attack",
         "Gunmen kill {n} villagers near {place}",
         ("Gunmen believed to belong to {actor} killed {killed} {victims} in a village near {place} on {when}, and {injured} were wounded, local leaders said.",
          "{Killed} {victims} were shot dead on {when} when suspected {actor} fighters stormed a {target} outside {place}, residents said."),
         ("village", "farming settlement", "camp for displaced families", "bus station"),
         ("villagers", "civilians", "farmers", "people")),
    Kind("Violence against civilians", "Abduction/forced disappearance",
         "Gunmen abduct villagers near {place}",
         ("Suspected {actor} fighters abducted a group of {victims} near {place} on {when}, killing {killed} who tried to flee and wounding {injured}, officials said.",),
         ("village", "road", "school"),
         ("villagers", "travellers", "students")),
    Kind("Riots", "Violent demonstration",
         "Riots erupt in {place}",
         ("Protesters set fire to government buildings in {place} on {when} and clashed with {forces}; {killed} {victims} were killed and {injured} hurt, officials said.",),
         ("government office", "police station"),
         ("people", "protesters")),
)

DETAIL = {
    "Explosions/Remote violence": (
        "The blast struck as the {target} passed through a busy street, according to a police officer who spoke on condition of anonymity because he was not authorised to brief reporters.",
        "The explosion shattered windows several streets away and left a deep crater in the road, witnesses said.",
        "Pictures shared on social media showed burned vehicles and debris scattered across the road.",
        "Hospital officials said {injured} people had been admitted, some with serious burns and shrapnel wounds.",
        "Bomb disposal experts later found a second device nearby and made it safe, the police said.",
    ),
    "Battles": (
        "The fighting lasted several hours before the attackers withdrew towards the bush, a local official said.",
        "Residents said they heard heavy gunfire and explosions from early morning until midday.",
        "The army said it had recovered weapons and ammunition abandoned by the fighters.",
        "Reinforcements arrived by road in the afternoon, and helicopters were seen over the area.",
        "A military source said several vehicles had been destroyed during the fighting.",
    ),
    "Violence against civilians": (
        "The attackers arrived at dawn, went from house to house and set fire to granaries, residents said.",
        "Survivors fled into the surrounding fields and walked for hours to reach the nearest town.",
        "Local leaders said most of the victims were farmers returning from their fields.",
        "Red Cross volunteers helped to bury the dead on the same day, in line with local custom.",
        "Hospital officials said {injured} people had been admitted, several of them with gunshot wounds.",
    ),
    "Riots": (
        "The protest began peacefully but turned violent when police fired tear gas to disperse the crowd.",
        "Shops along the main road were looted and several cars were burned, witnesses said.",
        "A curfew was imposed on the town from dusk until dawn.",
        "Protesters were angry over the arrest of a local leader and the rising cost of living.",
    ),
}
AFTERMATH = (
    "Among the dead were women and children, officials said, adding that the toll could rise because several of the wounded were in a critical condition.",
    "Ambulances took the wounded to the main hospital in {place}, where doctors appealed for blood donations.",
    "Security forces sealed off the area and began searching nearby houses, witnesses said.",
    "Funerals were held later in the day, and hundreds of mourners gathered at the cemetery.",
    "Shops and schools in {place} stayed closed the following day as residents feared further violence.",
    "The governor of {admin1} declared three days of mourning and visited the wounded in hospital.",
    "Relatives waited outside the hospital for news of the missing, some of them weeping.",
    "Police said they had detained several people for questioning but gave no further details.",
)
OFFICIAL_QUOTES = (
    "The attackers targeted innocent people who were going about their daily lives",
    "We have sent reinforcements to the area and the situation is now under control",
    "This cowardly act will not go unpunished, and those responsible will be brought to justice",
    "Our forces are searching the surrounding villages for the people who planned this",
    "We had received warnings, but nobody expected an attack on this scale",
)
WITNESS_QUOTES = (
    ("I heard a huge explosion and then gunfire for almost half an hour", "Everyone was running and screaming."),
    ("We hid under the beds until the shooting stopped", "When we came out, our neighbours were lying in the street."),
    ("The sky was full of smoke", "I could not find my brother for hours."),
    ("They came on motorcycles and started shooting at everyone", "Nobody came to help us."),
)
CLAIMS = (
    "No group immediately claimed responsibility, but {group} has carried out similar attacks in the area.",
    "{Group} claimed responsibility in a statement posted online, saying its fighters had targeted the security forces.",
    "Officials blamed {group}, which has stepped up its operations in {admin1} in recent months.",
    "{Group} denied any involvement in a statement sent to journalists.",
)
BACKGROUND = (
    "In {month}, {n} people were killed in a similar attack in {place2}, about {km} kilometres away.",
    "Earlier this year, {group} fighters ambushed an army patrol near {place2}, killing {n} soldiers.",
    "On {month} {day}, a car bomb in {place2} killed {n} people and wounded dozens, officials said at the time.",
)
CONTEXT = (
    "{Country} has struggled to restore security since {group} emerged as a major force in {year}.",
    "The violence has displaced more than {thousands},000 people in {admin1} alone, according to the United Nations refugee agency.",
    "Aid agencies say access to many rural districts remains limited because of insecurity and poor roads.",
    "The government has repeatedly promised to improve protection for civilians, but critics say progress has been slow.",
    "Analysts say the group has exploited local grievances over land, jobs and the conduct of the security forces.",
    "Parliament is due to debate a new security budget next month, and several lawmakers have called for an inquiry.",
    "Prices of food and fuel have risen sharply in the region, deepening the hardship of families who fled the fighting.",
    "Schools in parts of {admin1} have been closed for months, and many teachers have left for safer cities.",
    "Local leaders have called for talks, saying military operations alone cannot end the conflict.",
    "The {adjective} authorities rarely publish casualty figures, and independent verification is difficult.",
    "Humanitarian groups estimate that one in three people in the province needs food assistance.",
    "Farmers say they can no longer reach their fields, and this year's harvest is expected to be poor.",
    "Diplomats in {capital} say international donors are growing impatient with the slow pace of reform.",
    "A ceasefire agreed last year collapsed within weeks, and both sides accuse each other of breaking it.",
    "Human rights groups have documented abuses by all parties and urged the government to investigate.",
    "Mobile phone networks in the area were cut for several hours, making it hard to confirm details.",
    "Many residents travel only in daylight and avoid the main roads, which are dotted with checkpoints.",
    "The United Nations says funding for its appeal for {country} covers less than half of what is needed.",
    "Officials in {capital} say they are recruiting and training thousands of new police officers.",
    "Community elders say young men are drawn to armed groups by unemployment as much as by ideology.",
    "The region is one of the poorest in {country}, with few paved roads and little access to electricity.",
    "Thousands of families live in camps on the edge of {place}, relying on aid deliveries that often arrive late.",
    "The government says the armed groups are weakened, but they still control large parts of the countryside.",
    "Opposition politicians accuse the government of neglecting the region and of failing to pay local officials on time.",
    "Traders say business has fallen by half since the main highway to {capital} became unsafe.",
    "The conflict has also strained relations between communities that lived side by side for generations.",
    "Religious leaders from different faiths have held joint meetings to call for calm.",
    "A report by a group of independent experts last year said the armed groups raise money through taxes on trade and cattle.",
    "Several international aid organisations suspended operations in the area last year after staff were threatened.",
    "The army has built new bases along the main roads, but residents say patrols rarely reach remote villages.",
    "Local radio stations broadcast messages urging fighters to lay down their weapons in exchange for an amnesty.",
    "More than {thousands} fighters have surrendered under the amnesty programme since it began, officials say.",
    "Cross-border trade with neighbouring countries has slowed, and the price of grain has doubled in some markets.",
    "Health workers say outbreaks of cholera and measles are spreading in crowded camps.",
    "The provincial government has asked {capital} for more money to rebuild schools and clinics.",
    "Women's groups say they have been left out of local peace committees, despite bearing much of the burden of the conflict.",
    "Journalists face restrictions on travel in the area, and several have been detained in recent years.",
    "The security situation is expected to feature prominently in next year's elections.",
    "Officials say the rainy season usually brings a lull in fighting as roads become impassable.",
    "Neighbouring governments have agreed to share intelligence and to coordinate patrols along the border.",
)
REACTIONS = (
    "The United Nations envoy for {country}, {person}, condemned the attack and urged all parties to protect civilians.",
    "In a statement, the interior ministry said it would hold those responsible to account.",
    "The president ordered an investigation and sent condolences to the families of the victims.",
    "Neighbouring countries and several Western embassies issued statements condemning the violence.",
)


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


@dataclass(frozen=True)
class Topic:
    headlines: tuple[str, ...]
    ledes: tuple[str, ...]
    body: tuple[str, ...]
    quotes: tuple[str, ...]
    speakers: tuple[str, ...]


TEAMS = ("Rangers", "United", "City Stars", "Lions", "Eagles", "Rovers", "Warriors", "Sharks")
TOPICS: tuple[Topic, ...] = (
    Topic(("Central bank holds rates as inflation eases", "{Country} {currency} steadies after budget"),
          ("The {adjective} central bank kept its main interest rate unchanged on Thursday, saying inflation had eased to {pct} percent and the {currency} had stabilised.",
           "{Country}'s finance ministry unveiled a budget that raises spending on roads and schools while cutting fuel subsidies, officials in {capital} said."),
          ("Economists had expected the decision after three months of slowing price rises.",
           "Food prices, which account for nearly half of the inflation basket, rose more slowly than in the previous quarter.",
           "Traders in {place} said demand for imported goods remained weak.",
           "The {currency} has lost about {pct} percent of its value against the dollar over the past year.",
           "The International Monetary Fund has urged the government to broaden its tax base.",
           "Exporters welcomed the move but said access to foreign currency remained a problem.",
           "Bank lending to small businesses grew modestly, according to figures published on Wednesday.",
           "Analysts expect growth of around {pct} percent next year if oil output holds steady.",
           "The bank said it would publish its next policy statement in six weeks.",
           "Mobile money transfers have grown rapidly and now account for a large share of payments.",
           "Government borrowing costs fell slightly after the announcement, dealers said.",
           "Importers of medicine and fuel have been given priority access to foreign currency.",
           "The statistics office revised last year's growth figure upwards.",
           "Business groups asked for lower taxes on imported machinery.",
           "Remittances from abroad rose for the third consecutive quarter, the bank said."),
          ("We will keep a close eye on prices and act if needed", "The outlook has improved, but risks remain",
           "Small traders are still struggling to get credit", "This budget puts infrastructure first"),
          ("the bank's governor", "an economist at a bank in the capital", "a trader", "the finance minister")),
    Topic(("{team} beat {team2} to go top", "Late strike gives {team} victory"),
          ("{team} beat {team2} {goals}-1 in {place} on Saturday, with a late strike securing the win in front of a sold-out crowd.",
           "A goal in the {minute}th minute gave {team} a narrow victory over {team2} in the league on Sunday."),
          ("The visitors started brightly, attacking down the left flank, but their finishing let them down.",
           "The home side's goalkeeper made three fine saves before half-time.",
           "A long-range shot struck the crossbar early in the second half.",
           "The win lifts the club to the top of the table, two points clear with five games left.",
           "The coach made two changes at the break, bringing on a second striker.",
           "Attendance has risen sharply this season after the stadium was renovated.",
           "The league's top scorer was rested ahead of next week's cup match.",
           "Fans in {place} celebrated late into the night.",
           "The referee was praised for letting the game flow despite the heavy rain.",
           "Ticket prices will rise next season to pay for new floodlights, the club said.",
           "Two players from the youth academy made their debuts.",
           "The defender was booked for a late tackle and will miss the next match.",
           "Television rights for the league were sold this year for a record sum.",
           "The match was delayed by fifteen minutes because of traffic outside the ground.",
           "The national team coach watched the game from the stands."),
          ("We showed character after a difficult start", "The players gave everything today",
           "Our attack was not sharp enough, and we paid for it", "The title race is far from over"),
          ("the team's coach", "the club captain", "a supporter", "the league's chairman")),
    Topic(("Vaccination campaign reaches {place}", "Health workers begin measles drive in {admin1}"),
          ("Health workers began a week-long vaccination campaign in {place} on Monday, aiming to reach more than {thousands},000 children in {admin1}.",),
          ("Teams will go from house to house and set up posts at markets and schools.",
           "Coverage in the province fell during the last two years, the health ministry said.",
           "Mothers queued outside the clinic from early morning.",
           "The campaign is funded by the government and international partners.",
           "Cold-chain equipment has been delivered to twelve district health centres.",
           "Officials said community leaders had helped to overcome rumours about vaccine safety.",
           "A similar campaign last year reached nine in ten children in the capital.",
           "Volunteers were trained to record every dose on mobile phones.",
           "Health officials said supplies of the vaccine were sufficient for the whole campaign.",
           "Radio announcements in local languages have been broadcast for two weeks.",
           "Clinics will stay open late during the campaign so working parents can attend.",
           "The ministry plans a second round in the northern districts in three months.",
           "Doctors say malnutrition makes children more vulnerable to measles."),
          ("Every child deserves protection from preventable disease", "We are seeing more families come forward",
           "The main challenge is reaching remote villages"),
          ("a health ministry official", "a nurse at the clinic", "a mother of three")),
    Topic(("Rains raise hopes for harvest in {admin1}", "Farmers in {place} plant early after good rains"),
          ("Heavy rains across {admin1} this month have raised hopes of a good harvest after two dry years, agricultural officials said on Tuesday.",),
          ("Farmers around {place} have planted maize, sorghum and beans earlier than usual.",
           "The weather service forecasts near-normal rainfall for the rest of the season.",
           "Fertiliser prices remain high, and many smallholders cannot afford enough.",
           "Some low-lying roads were briefly cut by flooding, but no damage to crops was reported.",
           "Livestock markets have recovered as pasture improved.",
           "The agriculture ministry plans to distribute improved seed to {thousands},000 households.",
           "Prices of maize in the main market of {place} fell by a fifth this month.",
           "Extension workers are teaching farmers to conserve water and soil.",
           "Irrigation schemes built last year have doubled yields in some villages.",
           "Traders expect exports of sesame and beans to rise.",
           "The government has promised to repair rural roads before the harvest.",
           "Young people are returning to farming as prices improve, local officials said.",
           "Women's cooperatives have begun selling vegetables directly to schools."),
          ("This is the best start to the season in years", "If the rains hold, we will have enough to sell",
           "We still need better storage so the harvest is not wasted"),
          ("a farmer", "an agricultural officer", "a seed trader")),
    Topic(("Book fair opens in {capital}", "Film festival celebrates {adjective} cinema"),
          ("A week-long book fair opened in {capital} on Wednesday, drawing publishers from across the region and thousands of visitors.",
           "A film festival celebrating {adjective} cinema opened in {place} on Friday with a screening of a new drama about a family of fishermen."),
          ("Organisers said more than a hundred publishers had taken stands this year.",
           "Readings by young poets drew large crowds on the opening night.",
           "Tickets for the closing ceremony sold out within hours.",
           "Several of the films were shot on small budgets with local actors.",
           "Schools organised visits for students throughout the week.",
           "A panel discussed the challenges of distributing books in rural areas.",
           "A children's corner offered storytelling sessions every morning.",
           "Publishers said sales of books in local languages were rising.",
           "The programme included concerts by traditional musicians.",
           "Entry to most events was free, thanks to sponsorship by local businesses.",
           "Translators discussed how to bring more foreign novels to readers.",
           "The organisers hope to take the event to other cities next year.",
           "An award for the best first novel will be announced on the final day."),
          ("Culture brings people together", "Young writers need more places to publish",
           "We want audiences to see their own lives on screen"),
          ("the festival director", "a novelist", "a visitor", "the culture minister")),
    Topic(("Parliament passes election law", "Electoral commission sets date for polls"),
          ("{Country}'s parliament passed a new election law on Tuesday after weeks of debate, setting rules for campaign finance and the registration of voters.",
           "The electoral commission said on Thursday that national elections would be held in {month} next year, and voter registration would begin in {place} next month."),
          ("Opposition parties said the law was an improvement but called for an independent audit of the voter roll.",
           "The vote passed by a large majority, with several independents abstaining.",
           "Observers from regional organisations are expected to monitor the polls.",
           "The commission plans to open registration centres in every district.",
           "Campaign spending limits will be enforced for the first time.",
           "Civil society groups said they would run voter education programmes.",
           "The law also sets aside seats for women and young candidates.",
           "The president is expected to sign the law within days.",
           "Election officials will be trained in the use of new biometric equipment.",
           "Voters abroad will be able to register at embassies for the first time.",
           "The budget for the elections has been approved by the finance committee.",
           "Political parties must submit their lists of candidates three months before the vote.",
           "Results will be published at each polling station on election night."),
          ("This law gives every citizen confidence in the process", "We will study the text carefully before deciding",
           "Registration must be open to everyone, including displaced people"),
          ("the speaker of parliament", "an opposition leader", "the commission's chairman")),
)
GENERAL_CONTEXT = (
    "The announcement was widely discussed on social media.",
    "Officials said further details would be published next week.",
    "Similar initiatives have been launched in neighbouring countries in recent years.",
    "Local newspapers gave the story prominent coverage on Sunday.",
    "The government said it would review progress at the end of the year.",
    "Residents of {place} said they hoped the change would bring lasting benefits.",
    "{Country} has a young population, with more than half of its people under the age of twenty-five.",
    "The government has made improving public services a priority ahead of next year's elections.",
    "Electricity shortages remain a daily frustration for businesses and households in {place}.",
    "The capital, {capital}, has grown rapidly over the past decade as people moved from rural areas.",
    "Mobile phone use has spread quickly, and many people now pay for goods and services by phone.",
    "Road building funded by foreign lenders has cut travel times between {place} and {capital}.",
    "Critics say too much public money is still spent in the capital rather than in the provinces.",
    "Remittances from relatives working abroad support many families in {admin1}.",
    "The local council said it would hold public meetings to explain the plans to residents.",
    "A survey published last month found that most people expect living standards to improve next year.",
    "Universities in {capital} have expanded their intake, but graduates say jobs are hard to find.",
    "Tourism has been slow to recover, though hotel bookings rose this year, the tourism board said.",
    "The province's governor said the project would create hundreds of jobs for young people.",
    "Several business associations welcomed the news in statements on Monday.",
    "International partners have pledged support, though some funds have yet to arrive.",
    "Newspapers in {capital} praised the initiative but warned that implementation would be the real test.",
    "Public transport in {place} is often crowded, and many residents rely on shared minibuses.",
    "Teachers' unions have asked for higher pay and smaller classes in the coming school year.",
    "The national statistics office is due to publish new population figures later this year.",
    "Shops in the central market of {place} reported brisk trade over the weekend.",
    "The meteorological service advised residents to prepare for hotter weather next month.",
    "A new bridge over the river is due to open before the end of the year, officials said.",
    "The ministry said more details would be available on its website in the coming days.",
    "Civil society groups called for more public consultation before decisions are taken.",
)


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
