"""The article as it came in, and how raw bytes become one (or a clear error)."""
from __future__ import annotations

import codecs
import hashlib
import re
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


# Byte-order marks, longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xef\xbb\xbf", "utf-8"), (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"))
_INVALID = re.compile("[\udc80-\udcff]")  # undecodable bytes, as surrogateescape gives them
_NON_ASCII = re.compile("[^\x00-\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # only JSON escapes (\\ud800) can make one
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # control characters but \t \n \f \r
WESTERN = "cp1252"  # what an 8-bit text is read as when no detector can tell better


def decode(data: bytes, where: str = "input", limit: int | None = MAX_BYTES,
           check: bool = True, declared: str | None = None) -> str:
    """Bytes → text, refusing what is not text (see `decode_bytes`)."""
    return decode_bytes(data, where, limit, check, declared)[0]


def decode_bytes(data: bytes, where: str = "input", limit: int | None = MAX_BYTES,
                 check: bool = True, declared: str | None = None) -> tuple[str, str]:
    """Bytes → (text, encoding used), refusing what is not text; the message says where.
    A file of many articles passes `limit=None, check=False`: each article is checked.

    The encoding, in this order: a byte-order mark (UTF-8/16/32); a `declared` UTF-16/32;
    UTF-8, when the bytes are valid UTF-8; the `declared` charset (an HTTP header, an HTML
    `<meta>`), when the bytes decode with it; otherwise a detector (charset-normalizer). Bytes that are not valid UTF-8 are read as another
    encoding only when they do not look like UTF-8: UTF-8 text with a bad byte (at least
    as many well-formed multi-byte sequences as invalid bytes) is refused with the offset
    of the first bad byte, as one corrupt character must not silently become another."""
    if limit is not None and len(data) > limit:
        raise InputError(f"{where}: too large ({len(data):,} bytes; limit {limit:,})", "too_large")
    text, encoding = _decode(data, where, declared)
    if check:
        check_text(text, where)
    return text, encoding


def _decode(data: bytes, where: str, declared: str | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, len(bom), codec, where), codec
    codec = charset(declared)
    wide = (codec or "").startswith(("utf-16", "utf-32"))
    if b"\x00" in data[:8192] and not wide:
        raise InputError(f"{where}: binary data, not text", "not_text")
    # Valid UTF-8 beats a declared 8-bit charset: pages labelled Latin-1 that are UTF-8 are
    # common, while 8-bit text that happens to be valid UTF-8 is all but unknown.
    for candidate in ([codec] if wide else []) + ["utf-8"] + ([codec] if codec and not wide else []):
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            pass  # pages often declare what they are not: look at the bytes themselves
    bad_at = _first_bad_utf8(data)
    if _looks_like_utf8(data):
        raise _bad_utf8(data, bad_at, where)
    return _detect(data, bad_at, where)


def _first_bad_utf8(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start
    return len(data)


def _strict(data: bytes, skip: int, codec: str, where: str) -> str:
    try:
        return data[skip:].decode(codec)
    except UnicodeDecodeError as err:
        at = skip + err.start
        raise InputError(f"{where}: invalid {codec.upper()} at byte {at} (after its byte-order mark)",
                         "bad_encoding") from None


def _bad_utf8(data: bytes, at: int, where: str) -> InputError:
    line = data[:at].count(b"\n") + 1
    return InputError(f"{where}: invalid UTF-8 at byte {at} (line {line})", "bad_encoding")


def _looks_like_utf8(data: bytes) -> bool:
    """Whether undecodable bytes are damage in UTF-8 text rather than another encoding:
    8-bit text (Windows-1252, Latin-1, …) almost never forms a well-formed UTF-8 sequence,
    UTF-8 text with a bad byte is full of them."""
    text = data.decode("utf-8", "surrogateescape")
    invalid = len(_INVALID.findall(text))
    return len(_NON_ASCII.findall(text)) - invalid >= invalid


def _detect(data: bytes, bad_at: int, where: str) -> tuple[str, str]:
    """The encoding charset-normalizer finds, except that Windows-1252 wins whenever it
    reads the bytes as cleanly (no more "chaos") as the best: on news-length texts the
    detector's language scores cannot tell Windows-1252 from 1250 or 775 ('naïve' or 'naďve'),
    and 1252 is the fallback browsers use for undeclared pages. The price: undeclared
    Turkish or Polish 8-bit text may be read as Windows-1252 (a declared charset is believed)."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        line = data[:bad_at].count(b"\n") + 1
        raise InputError(f"{where}: invalid UTF-8 at byte {bad_at} (line {line}) and no other "
                         "encoding fits", "bad_encoding")
    least = min(m.chaos for m in matches)
    clean = {name for m in matches if m.chaos <= least for name in m.could_be_from_charset}
    codec = codecs.lookup(WESTERN if WESTERN in clean else matches[0].encoding).name
    return data.decode(codec), codec


def charset(label: str | None) -> str | None:
    """A charset label (`utf-8`, `ISO-8859-1`, `windows-1252`) → Python codec name, or None
    when unknown. Latin-1 and ASCII labels mean Windows-1252, as in browsers (WHATWG
    Encoding): pages so labelled use its quotes and dashes."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return WESTERN if name in ("latin-1", "iso8859-1", "ascii") else name


def check_text(text: str, where: str = "input") -> None:
    if not text.strip():
        raise InputError(f"{where}: empty text", "empty")
    lone = _SURROGATE.search(text)
    if lone:
        raise InputError(f"{where}: not Unicode text: lone surrogate U+{ord(lone.group()):04X} at "
                         f"character {lone.start()}", "bad_encoding")
    controls = len(_CONTROL.findall(text, 0, 8192))
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
