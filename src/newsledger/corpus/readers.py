"""Input formats → articles. Each reader yields one `Record` per input article: the Article
when it could be read, otherwise a status (empty, not_text, bad_encoding, too_large,
unsupported, failed) and a one-line reason. Readers never raise: one bad file must not stop
a run over a million good ones, and nothing is dropped silently.

Formats:
- `.txt` (and files with no suffix): the text; metadata from a sidecar `NAME.json`
  (id, published, url, title, source) or from a header of `key: value` lines ended by a
  blank line; failing both, a date in the file name (`2015-05-04-kirkuk.txt`).
- `.jsonl` / `.json`: objects with `text` and optional id, published, url, title, source
  (a `.json` file may hold one object or a list of them).
- `.html` / `.htm`: main text and metadata extracted with trafilatura (scripts, menus and
  comments dropped).
- `.warc` / `.warc.gz`: each HTTP response with an HTML or plain-text body (warcio); a file
  that is no WARC, or yields no such response, gets one row for the file.

Encodings (`article.decode_bytes`): a byte-order mark (UTF-8/16/32), then a declared charset
(the HTTP `Content-Type` of a WARC record, an HTML `<meta charset>`), then UTF-8, then
detection (charset-normalizer) for 8-bit text such as Windows-1252; the encoding used is
kept on the Record (and the `sources` row). JSON Lines files are read line by line, so they
must be in an ASCII-compatible encoding.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from ..article import MAX_BYTES, Article, check_text, decode_bytes, parse_published
from ..errors import InputError

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MAX_HTML_BYTES = 4 * MAX_BYTES      # markup weighs several times its text
MAX_JSON_BYTES = 50 * MAX_BYTES     # a .json file may hold a list of many articles
HEADER_KEYS = {"id", "title", "published", "date", "url", "source", "author", "byline", "language"}
_HEADER_LINE = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*?)\s*$")
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-?([01]\d)-?([0-3]\d)(?!\d)")
# `<meta charset="…">` or `<meta http-equiv="Content-Type" content="text/html; charset=…">`,
# or an XML declaration's encoding, within the first bytes of a page (as browsers look)
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE)
META_SCAN = 4096


@dataclass(frozen=True)
class Record:
    """One input article, read or not. `key` names it uniquely and stably: the absolute
    path, plus `#line=N` for a JSONL line or `#offset=N` for a WARC record."""

    key: str
    path: str
    member: str | None = None
    article: Article | None = None
    status: str = "ok"
    message: str | None = None
    encoding: str | None = None  # of the bytes the article was read from


def failure(path: str, member: str | None, code: str, message: str) -> Record:
    return Record(_key(path, member), path, member, None, code, message)


def _key(path: str, member: str | None) -> str:
    return f"{path}#{member}" if member else path


def _ok(path: str, member: str | None, article: Article, message: str | None = None,
        encoding: str | None = None) -> Record:
    return Record(_key(path, member), path, member, article, "ok", message, encoding)


# -- walking ------------------------------------------------------------------------------
def walk(paths: Iterable[str | Path]) -> Iterator[Path | Record]:
    """Files under `paths` in a stable order (sorted, recursively), skipping hidden files and
    the JSON sidecars of text files. A path that does not exist comes back as a Record."""
    for raw in paths:
        p = Path(raw).absolute()
        if p.is_dir():
            yield from _walk_dir(p)
        elif p.exists():
            yield p
        else:
            yield failure(str(p), None, "missing", f"{p}: no such file or directory")


def _walk_dir(root: Path) -> Iterator[Path | Record]:
    errors: list[OSError] = []  # unreadable folders are reported, not skipped silently
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        names = set(filenames)
        for name in sorted(filenames):
            if name.startswith(".") or _is_sidecar(name, names):
                continue
            yield Path(dirpath) / name
    for err in errors:
        where = str(err.filename or root)
        yield failure(where, None, "failed", f"{where}: cannot read folder: {err.strerror or err}")


def _is_sidecar(name: str, siblings: set[str]) -> bool:
    """`NAME.json` beside a text file `read_txt` reads it for (any text suffix, any case)."""
    stem, suffix = os.path.splitext(name)
    if suffix.lower() != ".json":
        return False
    return any(os.path.splitext(s)[0] == stem and os.path.splitext(s)[1].lower() in TEXT_SUFFIXES
               for s in siblings if s != name)


def read_paths(paths: Iterable[str | Path]) -> Iterator[Record]:
    """Every input article under `paths`, as Records, in a stable order."""
    for item in walk(paths):
        if isinstance(item, Record):
            yield item
        else:
            yield from read_file(item)


def read_file(path: Path) -> Iterator[Record]:
    """Records of one file, dispatched on its suffix. Never raises."""
    where = str(path)
    reader = _reader_for(path)
    if reader is None:
        yield failure(where, None, "unsupported", f"{where}: unsupported file type")
        return
    try:
        yield from reader(path)
    except InputError as err:
        yield failure(where, None, err.code, str(err))
    except Exception as err:  # a reader bug or an unreadable file: report it, go on
        yield failure(where, None, "failed", f"{where}: {type(err).__name__}: {err}")


def _reader_for(path: Path):
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz", ".arc.gz")):
        return read_warc
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_txt
    if suffix == ".jsonl" or name.endswith(".ndjson"):
        return read_jsonl
    if suffix == ".json":
        return read_json
    if suffix in HTML_SUFFIXES:
        return read_html
    return None


# -- plain text -----------------------------------------------------------------------------
def read_txt(path: Path) -> Iterator[Record]:
    where = str(path)
    size = path.stat().st_size
    if size > MAX_BYTES:  # checked before reading: a 5 GB log file must not be loaded
        yield failure(where, None, "too_large", f"{where}: too large ({size:,} bytes; limit {MAX_BYTES:,})")
        return
    text, encoding = decode_bytes(path.read_bytes(), where)
    meta, body = split_header(text)
    sidecar = path.with_suffix(".json")
    if sidecar.exists():
        meta = {**meta, **_read_sidecar(sidecar)}
    if "published" not in meta and "date" not in meta:
        meta["published"] = date_in_name(path)
    article, warning = build_article(body, meta, where)
    yield _ok(where, None, article, warning, encoding)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """`key: value` lines at the very top, ended by a blank line, are metadata, not text;
    only known keys count, so a first line like `WASHINGTON: …` stays in the article."""
    head, sep, body = text.partition("\n\n")
    if not sep:
        return {}, text
    meta: dict[str, str] = {}
    for line in head.splitlines():
        m = _HEADER_LINE.match(line)
        if not m or m.group(1).lower() not in HEADER_KEYS:
            return {}, text
        meta[m.group(1).lower()] = m.group(2)
    return meta, body.lstrip("\n")


def _read_sidecar(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise InputError(f"{path}: sidecar is not a JSON object", "failed")
    return {k: data[k] for k in ("id", "published", "url", "title", "source") if data.get(k) is not None}


def date_in_name(path: Path) -> date | None:
    for m in _NAME_DATE.finditer(path.name):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None


def build_article(text: str, meta: dict[str, Any], where: str) -> tuple[Article, str | None]:
    """An Article from text and loose metadata. A malformed date does not lose the article:
    it is dropped and the reason comes back as a warning for the status row."""
    check_text(text, where)
    warning = None
    try:
        published = parse_published(meta.get("published") or meta.get("date"))
    except InputError as err:
        published, warning = None, f"{err} (date ignored)"
    article = Article(
        text,
        id=_str(meta.get("id")) or "",
        published=published,
        url=_str(meta.get("url")),
        title=_str(meta.get("title")),
        source=_str(meta.get("source")),
    )
    return article, warning


def _str(value: Any) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


# -- JSON lines and JSON ------------------------------------------------------------------------
def read_jsonl(path: Path) -> Iterator[Record]:
    where = str(path)
    with path.open("rb") as f:
        for n, line in _lines(f, MAX_BYTES):
            member = f"line={n}"
            if line is None:
                yield failure(where, member, "too_large", f"{where}:{n}: line longer than {MAX_BYTES:,} bytes")
            elif line.strip():
                yield _from_json_bytes(line, where, member)


def _lines(f: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines; a line over `limit` bytes is skipped without holding it in memory
    and comes back as None."""
    n = 0
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # drain the rest of the over-long line
                rest = f.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield n, None
        else:
            yield n, line


def _from_json_bytes(line: bytes, where: str, member: str) -> Record:
    try:
        text, encoding = decode_bytes(line, f"{where}:{member}")
        data = json.loads(text)
    except InputError as err:
        return failure(where, member, err.code, str(err))
    except ValueError as err:
        return failure(where, member, "failed", f"{where}:{member}: invalid JSON: {err}")
    return _from_object(data, where, member, encoding)


def read_json(path: Path) -> Iterator[Record]:
    where = str(path)
    size = path.stat().st_size
    if size > MAX_JSON_BYTES:
        yield failure(where, None, "too_large", f"{where}: too large ({size:,} bytes)")
        return
    try:
        text, encoding = decode_bytes(path.read_bytes(), where, limit=None, check=False)
        data = json.loads(text)
    except ValueError as err:
        yield failure(where, None, "failed", f"{where}: invalid JSON: {err}")
        return
    if isinstance(data, dict) and "text" not in data and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield _from_object(item, where, f"item={i}", encoding)
    else:
        yield _from_object(data, where, None, encoding)


def _from_object(data: Any, where: str, member: str | None, encoding: str | None = None) -> Record:
    label = f"{where}:{member}" if member else where
    if not isinstance(data, dict):
        return failure(where, member, "failed", f"{label}: expected a JSON object")
    text = data.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        return failure(where, member, "empty", f"{label}: no text")
    if not isinstance(text, str):
        return failure(where, member, "not_text", f"{label}: `text` is not a string")
    if len(text) > MAX_BYTES:
        return failure(where, member, "too_large", f"{label}: text too large ({len(text):,} characters)")
    try:
        article, warning = build_article(text, data, label)
    except InputError as err:
        return failure(where, member, err.code, str(err))
    return _ok(where, member, article, warning, encoding)


# -- HTML -----------------------------------------------------------------------------------------
def read_html(path: Path) -> Iterator[Record]:
    where = str(path)
    size = path.stat().st_size
    if size > MAX_HTML_BYTES:
        yield failure(where, None, "too_large", f"{where}: too large ({size:,} bytes; limit {MAX_HTML_BYTES:,})")
        return
    yield from_html(path.read_bytes(), where, None)


def from_html(data: bytes, where: str, member: str | None, url: str | None = None,
              declared: str | None = None) -> Record:
    """Main text of a page via trafilatura. The page is decoded here, so that its encoding
    is known: `declared` (an HTTP header's charset) first, else the page's own `<meta>`."""
    import trafilatura

    label = f"{where}:{member}" if member else where
    if not data.strip():
        return failure(where, member, "empty", f"{label}: empty page")
    try:
        page, encoding = decode_bytes(data, label, limit=None, check=False,
                                      declared=declared or meta_charset(data))
    except InputError as err:
        return failure(where, member, err.code, str(err))
    doc = trafilatura.bare_extraction(
        page, url=url, with_metadata=True, include_comments=False, include_tables=False)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        return failure(where, member, "empty", f"{label}: no main text found in the page")
    meta = {
        "title": getattr(doc, "title", None),
        "published": getattr(doc, "date", None),
        "url": getattr(doc, "url", None) or url,
        "source": getattr(doc, "sitename", None),
    }
    try:
        article, warning = build_article(text, meta, label)
    except InputError as err:
        return failure(where, member, err.code, str(err))
    return _ok(where, member, article, warning, encoding)


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes, if any."""
    m = _META_CHARSET.search(data[:META_SCAN])
    return (m.group(1) or m.group(2)).decode("ascii") if m else None


def http_charset(content_type: str) -> str | None:
    """`text/html; charset="ISO-8859-1"` → `ISO-8859-1`."""
    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


# -- WARC -----------------------------------------------------------------------------------------
def read_warc(path: Path) -> Iterator[Record]:
    """Each response (or resource) record with an HTML or text body. Requests, metadata and
    non-200 responses are not articles and give no row; other content types (images, PDF)
    give an `unsupported` row so a crawl's coverage can be checked. A file that is no WARC,
    or holds no such record, gets one row of its own: no input passes without a status."""
    from warcio.archiveiterator import ArchiveIterator

    where = str(path)
    if path.stat().st_size == 0:
        yield failure(where, None, "empty", f"{where}: empty file")
        return
    if not _archive_signature(path):
        yield failure(where, None, "failed", f"{where}: not a WARC file")
        return
    count = yielded = 0
    with path.open("rb") as f:
        records = ArchiveIterator(f)
        try:
            for rec in records:
                record = _warc_record(rec, records, where)
                count += 1
                if record is not None:
                    yielded += 1
                    yield record
        except Exception as err:
            if count == 0:
                yield failure(where, None, "failed", f"{where}: not a WARC file ({type(err).__name__})")
            else:  # truncated or corrupt archive: keep what was read
                yield failure(where, f"offset=end-{count}", "failed",
                              f"{where}: unreadable after {count} records: {type(err).__name__}: {err}")
            return
    if yielded == 0:
        yield failure(where, None, "empty", f"{where}: no HTML or text responses")


def _archive_signature(path: Path) -> bool:
    """Whether the file begins as a WARC (`WARC/1.x`) or ARC (`filedesc://`) does, gzipped or
    not: warcio reads any text as an ARC record, so a stray file would give bogus records."""
    import gzip
    import zlib

    with path.open("rb") as f:
        head = f.read(2)
        f.seek(0)
        try:
            start = gzip.GzipFile(fileobj=f).read(16) if head == b"\x1f\x8b" else f.read(16)
        except (OSError, EOFError, zlib.error):
            return False
    return start.startswith((b"WARC/", b"filedesc://"))


def _warc_record(rec: Any, records: Any, where: str) -> Record | None:
    if rec.rec_type not in ("response", "resource"):
        return None
    url = rec.rec_headers.get_header("WARC-Target-URI")
    if rec.rec_type == "response":
        if rec.http_headers is None or rec.http_headers.get_statuscode() != "200":
            return None
        ctype = rec.http_headers.get_header("Content-Type") or ""
    else:
        ctype = rec.rec_headers.get_header("Content-Type") or ""
    declared = http_charset(ctype)
    ctype = ctype.split(";")[0].strip().lower()
    body = _read_upto(rec.content_stream(), MAX_HTML_BYTES + 1)
    # only after the body: asking for the offset first makes warcio skip the record's content
    member = f"offset={records.get_record_offset()}"
    label = f"{where}:{member}"
    if len(body) > MAX_HTML_BYTES:
        return failure(where, member, "too_large", f"{label}: body over {MAX_HTML_BYTES:,} bytes")
    if ctype in ("text/html", "application/xhtml+xml", ""):
        return from_html(body, where, member, url, declared)
    if ctype == "text/plain":
        try:
            text, encoding = decode_bytes(body, label, declared=declared)
            article, warning = build_article(text, {"url": url}, label)
        except InputError as err:
            return failure(where, member, err.code, str(err))
        return _ok(where, member, article, warning, encoding)
    return failure(where, member, "unsupported", f"{label}: content type {ctype}")


def _read_upto(stream: Any, limit: int) -> bytes:
    """Read at most `limit` bytes in chunks (warcio's decoding stream returns nothing for
    one very large read)."""
    parts, size = [], 0
    while size < limit:
        chunk = stream.read(min(1 << 16, limit - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)
