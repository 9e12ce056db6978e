"""Spelling variants of a place name that GeoNames does not list: a name of two or three
words written closed up ("Dan Sadau" as "Dansadau", "Bir Hakeim" as "Birhakeim"), and an
Arabic name's final feminine ending written with or without its "h" ("Shabwah" as "Shabwa",
"Marsa" as "Marsah"), an Arabic qaf written "k" ("Tabqa" as "Tabka") and the article "al"
as "el" ("Al Arish" as "El Arish"), and "Madinat X" ("city of X") translated as "X Town" or "X City"
("Madinat Isa" as "Isa Town"). Reports spell small places both ways; the index keys each
place under these forms too. (Hyphens need nothing: `name_key` reads "Dan-Sadau" as "dan sadau".)"""
from __future__ import annotations

from .. import lexicons

# Alternate spellings this close (rapidfuzz ratio) to a town's own name ("Kiev", "Banghazi")
# count as its own name: they rank and are found like it, and are reported as written.
CLOSE_VARIANT = 75
MIN_CLOSED = 6  # letters of a closed-up form: shorter ones collide with words
MIN_FINAL_A = 5  # letters of a word whose final -ah/-a may vary: "Gaza", "Doha" stay as written


def closed_up(key: str) -> list[str]:
    """The closed-up form of a name key of two or three words, or none."""
    parts = key.split()
    if not 2 <= len(parts) <= 3 or not all(p.isalpha() for p in parts):
        return []
    joined = "".join(parts)
    return [joined] if len(joined) >= MIN_CLOSED else []


def final_a(key: str) -> list[str]:
    """The key with its last word's transliterated ta marbuta spelled the other way: "-ah" →
    "-a" ("shabwah" → "shabwa"), "-a" after a consonant → "-ah" ("al hudayda" → "al hudaydah");
    none for a short word or another ending. Only for names of Arabic-speaking countries
    (the caller decides): elsewhere a final "h" is no such ending."""
    head, _, last = key.rpartition(" ")
    if len(last) < MIN_FINAL_A or not last.isalpha():
        return []
    if last.endswith("ah") and last[-3] not in "aeiou":
        other = last[:-1]
    elif last.endswith("a") and last[-2] not in "aeiouh":
        other = last + "h"
    else:
        return []
    return [f"{head} {other}" if head else other]


_TRANSLATED: dict[str, list[str]] = {str(k): [str(w) for w in v]
                                     for k, v in lexicons.mapping("translated_town_words").items()}


def translated_town(key: str) -> list[str]:
    """"madinat hamad" → "hamad town", "hamad city": the Arabic word for a town translated,
    as English reports write it. Only for names of Arabic-speaking countries (the caller)."""
    head, _, rest = key.partition(" ")
    return [f"{rest} {word}" for word in _TRANSLATED.get(head, [])] if rest else []


def arabic_spellings(key: str) -> list[str]:
    """Other transliterations of an Arabic name key that English reports use: the qaf as
    "k" ("tabqa" → "tabka", "qamishli" → "kamishli"), the article "al" as "el" ("al arish" →
    "el arish"). Only for names of Arabic-speaking countries (the caller decides): elsewhere
    a "q" or an "al" is no such letter."""
    out = [key.replace("q", "k")] if "q" in key else []
    if key.startswith("al "):
        out.append("el " + key[3:])
    return out
