"""The article as it came in, and how raw bytes become one (or a clear error)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import InputError

MAX_BYTES = 5_000_000  # ~800k words; longer inputs are crawl debris, not articles


@dataclass(frozen=True)
class Article:
    """Text exactly as given (offsets index it) plus what is known about where it came from."""

    text: str
    id: str = ""
    published: date | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    meta: dict = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", text_id(self.text))


def text_id(text: str) -> str:
    """A stable id from the content, so the same text always gets the same id."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def parse_published(value: str | date | None) -> date | None:
    """`YYYY-MM-DD` (a longer ISO timestamp is cut to its date) → date; raises InputError."""
    if value is None or isinstance(value, date):
        return value
    value = str(value).strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"bad published date {value!r}: expected YYYY-MM-DD", "bad_date") from None


def decode(data: bytes, where: str = "input", limit: int | None = MAX_BYTES,
           check: bool = True) -> str:
    """Bytes → text, refusing what is not text. The message says where the problem is.
    A file of many articles passes `limit=None, check=False`: each article is checked."""
    if limit is not None and len(data) > limit:
        raise InputError(f"{where}: too large ({len(data):,} bytes; limit {limit:,})", "too_large")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: binary data, not text", "not_text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(
            f"{where}: invalid UTF-8 at byte {err.start} (line {line})", "bad_encoding"
        ) from None
    if check:
        check_text(text, where)
    return text


def check_text(text: str, where: str = "input") -> None:
    if not text.strip():
        raise InputError(f"{where}: empty text", "empty")
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise InputError(f"{where}: binary data, not text", "not_text")


def read_article(path: str | Path, **meta) -> Article:
    """Read one text file (or `-` for stdin) as an article."""
    import sys

    if str(path) == "-":
        return Article(decode(sys.stdin.buffer.read(), "stdin"), **meta)
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a directory (extract takes one file; use `ingest` for folders)", "is_dir")
    if not p.exists():
        raise InputError(f"{p}: no such file", "missing")
    if p.stat().st_size > MAX_BYTES:
        raise InputError(f"{p}: too large ({p.stat().st_size:,} bytes; limit {MAX_BYTES:,})", "too_large")
    return Article(decode(p.read_bytes(), str(p)), **meta)
