"""Spelling variants of a place name that GeoNames does not list: a name of two or three
words written closed up ("Dan Sadau" as "Dansadau", "Bir Hakeim" as "Birhakeim"). Reports
spell small places both ways; the index keys each town under its closed-up form too.
(Hyphens need nothing: `name_key` reads "Dan-Sadau" as "dan sadau".)"""
from __future__ import annotations

MIN_CLOSED = 6  # letters of a closed-up form: shorter ones collide with words


def closed_up(key: str) -> list[str]:
    """The closed-up form of a name key of two or three words, or none."""
    parts = key.split()
    if not 2 <= len(parts) <= 3 or not all(p.isalpha() for p in parts):
        return []
    joined = "".join(parts)
    return [joined] if len(joined) >= MIN_CLOSED else []
