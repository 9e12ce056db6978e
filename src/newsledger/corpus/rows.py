"""Articles → rows: the one path from an input record to what is stored, shared by `ingest`
(in its worker processes) and `spark-ingest` (on Spark's executors), so both give the same
rows for the same text.

`rows(items, pipeline)` takes reader Records (`readers.py`) or Jobs (one text with every
source it arrived from) and yields, per item and in order, a `Rows`: the `sources` status
rows, and for a text that was extracted its `articles` row, `events` rows, and its quotes and
entities flattened into rows of their own (the store keeps them as JSON in `articles`; a
Parquet dataset is easier to query with one row per quote or entity). Articles are extracted
`batch_size` at a time, so a caller holds at most one batch of texts and ledgers.

Articles with none of the pipeline's event trigger words cannot yield an event: they get an
empty ledger and are never parsed, unless `all_ledgers` (see ingest.py); nor are those with
no sentence telling an incident (`no_event_sentence`, extract/screen.py).
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

import pyarrow as pa

from ..article import Article
from .readers import Record, _from_object
from .store import SourceRow, article_row, event_rows

# articles.extraction: parsed; no trigger word; trigger words but no sentence telling an incident
FULL, NO_EVENT_WORDS, NO_EVENT_SENTENCE = "full", "no_event_words", "no_event_sentence"

_MENTION = pa.struct([("text", pa.string()), ("start", pa.int32()), ("end", pa.int32())])
QUOTE_SCHEMA = pa.schema([
    ("content_hash", pa.string()), ("seq", pa.int32()), ("speaker", pa.string()),
    ("text", pa.string()), ("kind", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
    ("cue", pa.string()), ("addressee", pa.string()),
])
ENTITY_SCHEMA = pa.schema([
    ("content_hash", pa.string()), ("seq", pa.int32()), ("entity_id", pa.string()),
    ("canonical", pa.string()), ("type", pa.string()), ("mentions", pa.list_(_MENTION)),
])


@dataclass
class Job:
    """One distinct text to extract, with every source it arrived from."""

    content_hash: str
    article: Article
    sources: list[SourceRow]


@dataclass
class Rows:
    """What one item gives: its status rows and, when extracted, the article's rows."""

    sources: list[SourceRow]
    article: dict[str, Any] | None = None      # store.ARTICLE_SCHEMA
    events: list[dict[str, Any]] = field(default_factory=list)    # store.EVENT_SCHEMA
    quotes: list[dict[str, Any]] = field(default_factory=list)    # QUOTE_SCHEMA
    entities: list[dict[str, Any]] = field(default_factory=list)  # ENTITY_SCHEMA
    failure: str | None = None  # why extraction failed (the sources say it too)


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def source_row(record: Record, h: str | None = None) -> SourceRow:
    a = record.article
    return SourceRow(
        source_key=record.key, path=record.path, member=record.member, status=record.status,
        message=record.message, content_hash=h, encoding=record.encoding,
        id=a.id if a else None, published=a.published if a else None,
        title=a.title if a else None, url=a.url if a else None, source=a.source if a else None)


def job_of(record: Record) -> Job | None:
    """The job of a record that was read (None for one that was not: it has a status only)."""
    if record.article is None:
        return None
    h = content_hash(record.article.text)
    return Job(h, record.article, [source_row(record, h)])


def record_of(mapping: Mapping[str, Any], path: str, member: str | None) -> Record:
    """A record from a mapping with text and optional id, published, url, title, source (a
    Parquet row, a JSON object), checked as the JSON reader checks its objects."""
    data = dict(mapping)
    if isinstance(data.get("published"), datetime):  # a timestamp column: its day
        data["published"] = data["published"].date()
    if isinstance(data.get("published"), date):
        data["published"] = data["published"].isoformat()
    return _from_object(data, path, member)


def rows(items: Iterable[Record | Job], pipeline: Any, all_ledgers: bool = False,
         batch_size: int = 32) -> Iterator[Rows]:
    """The rows of each item, in order. Only read articles wait for a batch; a record that
    was not read comes out with its status row when the batch before it is done."""
    pending: list[Record | Job] = []
    for item in items:
        pending.append(item)
        if sum(isinstance(p, Job) or p.article is not None for p in pending) >= batch_size:
            yield from _flush(pending, pipeline, all_ledgers)
            pending = []
    if pending:
        yield from _flush(pending, pipeline, all_ledgers)


def _flush(items: list[Record | Job], pipeline: Any, all_ledgers: bool) -> Iterator[Rows]:
    jobs = [item if isinstance(item, Job) else job_of(item) for item in items]
    todo = [job for job in jobs if job is not None]
    # no call when nothing needs the pipeline: Spark hands in a pipeline that loads on first use
    done = iter(extract_batch(pipeline, [job.article for job in todo], all_ledgers) if todo else ())
    for item, job in zip(items, jobs):
        if job is None:
            yield Rows([source_row(item)])
        else:
            yield job_rows(job, *next(done))


def job_rows(job: Job, ok: bool, result: Any, extraction: str) -> Rows:
    """Rows of one extracted job: on failure its sources say why, and nothing else is kept."""
    if not ok:
        return Rows([replace(s, status="failed", message=result) for s in job.sources],
                    failure=result)
    h = job.content_hash
    return Rows(list(job.sources), article_row(h, job.article.text, result, extraction),
                event_rows(h, result), quote_rows(h, result), entity_rows(h, result))


def quote_rows(h: str, ledger: dict[str, Any]) -> list[dict[str, Any]]:
    keep = [f.name for f in QUOTE_SCHEMA][2:]
    return [{"content_hash": h, "seq": seq, **{k: q.get(k) for k in keep}}
            for seq, q in enumerate(ledger.get("quotes") or ())]


def entity_rows(h: str, ledger: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"content_hash": h, "seq": seq, "entity_id": e.get("id"),
             "canonical": e.get("canonical"), "type": e.get("type"),
             "mentions": [{k: m.get(k) for k in ("text", "start", "end")}
                          for m in e.get("mentions") or ()]}
            for seq, e in enumerate(ledger.get("entities") or ())]


# -- extraction ---------------------------------------------------------------------------
def has_event_words(text: str) -> bool:
    """Whether the text may state an event (`triage.may_hold_event`): a trigger word, beside a
    word of violence or policing where the trigger has an everyday sense ('a long-range shot').
    In a general news feed most articles fail this one-regex test (~1 ms) and skip spaCy."""
    from ..extract.triage import may_hold_event

    return may_hold_event(text)


def extract_batch(pipeline: Any, articles: list[Article],
                  all_ledgers: bool = False) -> list[tuple[bool, Any, str]]:
    """(ok, ledger dict or reason, extraction) per article. Articles with no event word, or
    no sentence telling an incident (the pipeline's screen before spaCy), get a ledger
    without events unless `all_ledgers` (their quotes, entities and claims are then not
    extracted). A batch that raises is redone one article at a time, so one bad article
    fails alone."""
    gated = [not all_ledgers and not has_event_words(a.text) for a in articles]
    todo = [a for a, skip in zip(articles, gated) if not skip]
    try:
        done = iter([(True, ledger.to_dict(), FULL if parsed else NO_EVENT_SENTENCE)
                     for ledger, parsed in pipeline.screen_many(todo, screen=not all_ledgers)])
    except Exception:
        done = iter([_extract_one(pipeline, a, all_ledgers) for a in todo])
    return [(True, _empty_ledger(a), NO_EVENT_WORDS) if skip else next(done)
            for a, skip in zip(articles, gated)]


def _extract_one(pipeline: Any, article: Article, all_ledgers: bool) -> tuple[bool, Any, str]:
    try:
        [(ledger, parsed)] = pipeline.screen_many([article], screen=not all_ledgers)
        return True, ledger.to_dict(), FULL if parsed else NO_EVENT_SENTENCE
    except Exception as err:
        return False, f"extraction failed: {type(err).__name__}: {err}", FULL


def _empty_ledger(a: Article) -> dict[str, Any]:
    from ..ledger import Ledger

    published = a.published.isoformat() if a.published else None
    return Ledger(id=a.id, published=published, title=a.title, source=a.source, url=a.url).to_dict()
