"""Text as it arrives: the dev corpus as given, lower-cased, upper-cased, mojibake-damaged,
with HTML-entity noise, mixed, and as a damaged archive (mojibake, lower case, doubled
apostrophes), each scored against the same gold, no new gold needed.

    python benchmarks/transform_bench.py [GOLD_DIR] [--only lower,upper] [--no-repair]

Each transformation rewrites every character of an article on its own (a few look at their
neighbour or paragraph), so the gold's evidence, quote starts and entity mentions are found
in the text as given and replaced by the same characters transformed. The transformed texts
and gold go to a temporary folder; the reference scorer scores each; every ledger's offsets
are checked against the transformed text (`validate.ledger_problems`). Prints one row per
transformation and its distance from the text as given, against the targets of issue 16
(0.05 for lower/upper case, 0.02 for mojibake and entities).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers 'sloppy-windows-1252')

from newsledger.article import Article, parse_published
from newsledger.extract.text import paragraphs
from newsledger.pipeline import Pipeline
from newsledger.validate import ledger_problems

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "eval").is_dir()),
              ROOT.parent / "shared")
FIELDS = ("event_f1", "exact_row_recall", "date", "location", "actor1")
EXTRA = ("quote_recall", "speaker_accuracy", "alias_grouping_recall")
TARGET = {"lower": 0.05, "upper": 0.05, "mojibake": 0.02, "entities": 0.02, "mixed": 0.05,
          "archive": 0.05}

Pieces = list[str]  # what each character of the text as given becomes


def as_given(text: str) -> Pieces:
    return list(text)


def lower(text: str) -> Pieces:
    return [c.lower() for c in text]


def upper(text: str) -> Pieces:
    return [c.upper() for c in text]


def _mojibake_char(c: str) -> str:
    """UTF-8 bytes read as Windows-1252 (undefined bytes kept as C1 controls, as browsers do)."""
    return c if c.isascii() else c.encode("utf-8").decode("sloppy-windows-1252")


def mojibake(text: str) -> Pieces:
    return [_mojibake_char(c) for c in text]


_ENTITY = {"&": "&amp;", "'": "&#39;", "\u2019": "& # 39;", '"': "&quot;",
           "\u201c": "&ldquo;", "\u201d": "&rdquo;", "\u2014": "&mdash;", "\u00a0": "&nbsp;"}


def _entity_char(text: str, i: int) -> str:
    c = text[i]
    if c in _ENTITY:
        return _ENTITY[c]
    if c == " " and i > 0 and text[i - 1] == ",":
        return "&nbsp;"  # scraped pages keep no-break spaces
    if not c.isascii() and c.isalpha():
        return f"&#{ord(c)};"
    return c


def entities(text: str) -> Pieces:
    return [_entity_char(text, i) for i in range(len(text))]


def mixed(text: str) -> Pieces:
    """Paragraphs in turn upper case, lower case and as given; mojibake; entity noise on
    ampersands and apostrophes."""
    case = [None] * len(text)
    for n, (start, end) in enumerate(paragraphs(text)):
        for i in range(start, end):
            case[i] = ("upper", "lower", None)[n % 3]
    out = []
    for i, c in enumerate(text):
        c = c.upper() if case[i] == "upper" else c.lower() if case[i] == "lower" else c
        if c in "&'":
            out.append(_ENTITY[c])
        else:
            out.append(_mojibake_char(c) if len(c) == 1 else "".join(map(_mojibake_char, c)))
    return out


def archive(text: str) -> Pieces:
    """As the archive of issue 16 arrived: mojibake, then everything lower-cased (the
    mojibake too), apostrophes doubled by an SQL escape ('governor''s')."""
    return ["''" if c == "'" else _mojibake_char(c).lower() for c in text]


TRANSFORMS: dict[str, Callable[[str], Pieces]] = {
    "as given": as_given, "lower": lower, "upper": upper, "mojibake": mojibake,
    "entities": entities, "mixed": mixed, "archive": archive,
}


def find(text: str, part: str) -> tuple[int, int] | None:
    """Where the scorer finds a gold string in the text (exactly, else up to whitespace)."""
    i = text.find(part)
    if i >= 0:
        return i, i + len(part)
    m = re.search(r"\s+".join(re.escape(w) for w in part.split()), text)
    return (m.start(), m.end()) if m else None


def moved(text: str, pieces: Pieces, transform: Callable[[str], Pieces], part: str) -> str:
    """A gold string as it reads in the transformed text."""
    span = find(text, part)
    return "".join(pieces[span[0]:span[1]]) if span else "".join(transform(part))


def transform_gold(gold: dict, text: str, pieces: Pieces, transform) -> dict:
    gold = json.loads(json.dumps(gold))
    move = lambda s: moved(text, pieces, transform, s) if isinstance(s, str) and s else s  # noqa: E731
    for e in gold.get("events", []):
        ev = e.get("evidence")
        e["evidence"] = [move(x) for x in ev] if isinstance(ev, list) else move(ev)
    for q in gold.get("quotes", []):
        q["quote_start"] = move(q.get("quote_start"))
    for ent in gold.get("entities", []):
        ent["mentions"] = [move(m) for m in ent.get("mentions", [])]
    return gold


def write_corpus(gold_dir: Path, out: Path, transform) -> list[tuple[Article, str]]:
    out.mkdir(parents=True, exist_ok=True)
    articles = []
    for gold_file in sorted(gold_dir.glob("*.json")):
        text_file = gold_file.with_suffix(".txt")
        if not text_file.exists():
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = text_file.read_text(encoding="utf-8")
        pieces = transform(text)
        new_text = "".join(pieces)
        (out / text_file.name).write_text(new_text, encoding="utf-8")
        (out / gold_file.name).write_text(
            json.dumps(transform_gold(gold, text, pieces, transform), ensure_ascii=False),
            encoding="utf-8")
        articles.append((Article(new_text, id=gold.get("id") or gold_file.stem,
                                 published=parse_published(gold.get("published")),
                                 url=gold.get("url"), source=gold.get("source")), new_text))
    return articles


def score(gold_dir: Path, pred: Path) -> dict:
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), str(gold_dir), str(pred), "--json"]
    summary = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    fields = summary.pop("field_accuracy_on_matched")
    return {**summary, **fields}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(SHARED / "corpus" / "dev"))
    ap.add_argument("--only", default="", help="comma-separated transformations")
    ap.add_argument("--no-repair", action="store_true", help="read every text as given")
    ap.add_argument("--keep", help="write the transformed corpora and ledgers here")
    args = ap.parse_args()
    gold_dir = Path(args.gold)
    if not gold_dir.is_dir():
        print(f"no gold folder at {gold_dir}", file=sys.stderr)
        return 2
    names = [n for n in TRANSFORMS if not args.only or n in args.only.split(",") or n == "as given"]
    pipeline = Pipeline.load()
    pipeline.repair = not args.no_repair
    rows: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="transform_bench_") as tmp:
        base = Path(args.keep) if args.keep else Path(tmp)
        for name in names:
            folder = base / name.replace(" ", "_")
            articles = write_corpus(gold_dir, folder, TRANSFORMS[name])
            pipeline.extract(articles[0][0])  # warm up (and build what the repair reads)
            t = time.perf_counter()
            ledgers = [x.to_dict() for x in pipeline.extract_many([a for a, _ in articles])]
            seconds = time.perf_counter() - t
            pred = folder / "pred.jsonl"
            pred.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in ledgers),
                            encoding="utf-8")
            bad = sum(len(ledger_problems(x, text)) for x, (_, text) in zip(ledgers, articles))
            repaired = sum(bool(x.get("normalized")) for x in ledgers)
            rows[name] = {**score(folder, pred), "offset_problems": bad, "repaired": repaired,
                          "seconds": seconds}
            print(f"{name}: done in {seconds:.1f}s", file=sys.stderr)
    report(rows)
    return 0


def report(rows: dict[str, dict]) -> None:
    cols = (*FIELDS, *EXTRA)
    print("| text | " + " | ".join(cols) + " | offset problems | repaired | s | within target |")
    print("|---" * (len(cols) + 5) + "|")
    ref = rows.get("as given")
    for name, r in rows.items():
        cells = []
        worst = 0.0
        for c in cols:
            v = r.get(c)
            if ref is None or name == "as given" or v is None:
                cells.append(f"{v}")
                continue
            d = v - ref[c]
            if c in FIELDS:
                worst = max(worst, -d)
            cells.append(f"{v:.3f} ({d:+.3f})")
        ok = "" if name == "as given" or ref is None else (
            "yes" if worst <= TARGET[name] + 1e-9 and r["offset_problems"] == 0 else "NO")
        print(f"| {name} | " + " | ".join(cells) +
              f" | {r['offset_problems']} | {r['repaired']} | {r['seconds']:.1f} | {ok} |")


if __name__ == "__main__":
    sys.exit(main())
