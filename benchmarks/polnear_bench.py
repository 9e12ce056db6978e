"""Quotes and claims on the PolNeAR attribution corpus (see shared/benchmarks/polnear/README.md).

    python benchmarks/polnear_bench.py [--split test|dev] [--dir PATH] [--limit N]

Gold: each article's first annotator (.ann files in file-name order); every Content span is an
attribution. A Content is *direct* when at least half of its characters lie inside quotation
marks (“…”, "…" or ''…''), else *indirect*. Each gold Content is paired with the predicted item
whose span overlaps it most (character overlap, discontinuous spans summed); recall = paired
gold / gold. A prediction is correct for precision when it overlaps any gold Content.
On pairs with a gold Source, the speaker (quote) or claimant (claim) is right when a mention of
the entity of that name overlaps the Source span, one of its mentions (or the name itself)
equals the Source text, or name and Source text contain one another (case folded). For a
pronoun Source the antecedent is not in the gold: the speaker is right when the name or one of
its mentions occurs earlier in the text than the pronoun (a lenient check). A description
Source ('the president', 'The Indiana governor': a determiner, then words ending in one in
lower case) is scored in its own bucket: right as for a named Source, or when an earlier
mention of the predicted entity has the description's last word (or its abbreviation, 'Gov.')
within 40 characters before or after it ('President Barack Obama', 'Pence, the governor').
"named + description" is the named bucket as it was before descriptions had their own. The cue is right
when the predicted cue and the gold Cue text are equal or one contains the other (case folded).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from newsledger.article import Article
from newsledger.ledger import Ledger
from newsledger.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "their",
            "its", "our", "us", "me", "my"}
Spans = list[tuple[int, int]]
DESCRIPTION = re.compile(r"(?i:the|this|that|a|an)\s+(?:[\w'’.\-]+\s+)*?(?P<head>[a-z][\w\-]*)")


@dataclass
class Gold:
    content: Spans
    direct: bool
    source: Spans = field(default_factory=list)
    cue: str | None = None


@dataclass
class Pred:
    start: int
    end: int
    kind: str  # direct, indirect, claim
    speaker: str | None
    cue: str | None


def parse_spans(s: str) -> Spans:
    return [(int(a), int(b)) for a, b in (p.split() for p in s.split(";"))]


def quoted_share(text: str) -> float:
    text = text.replace("''", '"')  # some texts write quotation marks as ''…''
    inside, n = False, 0
    for ch in text:
        if ch in "“”\"":
            inside = ch == "“" or (ch == '"' and not inside)
        else:
            n += inside
    return n / max(1, len(text))


def read_gold(ann: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, Spans]] = {}
    relations = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, offsets = parts[1].split(" ", 1)
            spans[parts[0]] = (label, parse_spans(offsets))
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()[1:]))
    linked = {r["Content"]: r for r in relations if "Content" in r}
    out = []
    for tid, (label, content) in spans.items():
        if label != "Content":
            continue
        rel = linked.get(tid, {})
        ctext = " ".join(text[s:e] for s, e in content)
        cue = " ".join(text[s:e] for s, e in spans[rel["Cue"]][1]) if "Cue" in rel else None
        out.append(Gold(content, quoted_share(ctext) >= 0.5,
                        spans[rel["Source"]][1] if "Source" in rel else [], cue))
    return out


def load(folder: Path, limit: int | None) -> list[tuple[Article, list[Gold]]]:
    first: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        first.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    out = []
    for name, ann in list(first.items())[:limit]:
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        out.append((Article(text, id=name), read_gold(ann, text)))
    return out


def overlap(a: Spans, s: int, e: int) -> int:
    return sum(max(0, min(b, e) - max(a_, s)) for a_, b in a)


def predictions(ledger: Ledger) -> list[Pred]:
    return ([Pred(q.start, q.end, q.kind, q.speaker, q.cue) for q in ledger.quotes] +
            [Pred(c.start, c.end, "claim", c.claimant, c.cue) for c in ledger.claims])


def speaker_ok(g: Gold, p: Pred, text: str, ledger: Ledger) -> bool:
    if not p.speaker:
        return False
    name = p.speaker.casefold()
    mentions = [(m.text.casefold(), m.start, m.end) for e in ledger.entities
                if e.canonical.casefold() == name for m in e.mentions]
    src = " ".join(text[s:e] for s, e in g.source).casefold()
    s0 = g.source[0][0]
    if src in PRONOUNS:
        return name in text[:s0].casefold() or any(e <= s0 for _, _, e in mentions)
    forms = {name} | {t for t, _, _ in mentions}
    if (any(overlap(g.source, s, e) for _, s, e in mentions) or src in forms
            or name in src or src in name):
        return True
    head = description(" ".join(text[s:e] for s, e in g.source))
    if head is None:
        return False
    low = text.casefold()
    heads = (head, head[:3] + ".") if len(head) > 4 else (head,)
    return any(h in low[max(0, s - 40):s] or h in low[e:e + 40] for _, s, e in mentions
               if e <= s0 for h in heads)


def description(src: str) -> str | None:
    """The head of a description Source ('The Indiana governor' → 'governor'): a determiner,
    then words ending in one in lower case; None for a name ('the White House')."""
    m = DESCRIPTION.fullmatch(src.strip())
    return m.group("head").casefold() if m else None


def source_kind(src: str) -> str:
    if src.casefold() in PRONOUNS:
        return "pronoun"
    return "description" if description(src) else "named"


def cue_ok(g: Gold, p: Pred) -> bool:
    a, b = (p.cue or "").casefold().strip(), (g.cue or "").casefold().strip()
    return bool(a and b) and (a in b or b in a)


def rate(n: int, d: int) -> str:
    return f"{n / d:.3f} ({n}/{d})" if d else "  -  (0/0)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=("test", "dev"))
    ap.add_argument("--dir", default=str(SHARED / "benchmarks" / "polnear"))
    ap.add_argument("--limit", type=int)
    ap.add_argument("--errors", action="store_true",
                    help="list wrong speakers and missed direct quotes (dev only: test stays unread)")
    args = ap.parse_args()
    if args.errors and args.split != "dev":
        ap.error("--errors reads the dev split only: the test split is for checking")
    folder = Path(args.dir) / args.split
    if not (folder / "attributions").is_dir():
        print(f"no PolNeAR data at {folder}", file=sys.stderr)
        return 2
    data = load(folder, args.limit)
    pipeline = Pipeline.load()
    pipeline.extract(data[0][0])  # warm up
    t0 = time.perf_counter()
    ledgers = list(pipeline.extract_many(a for a, _ in data))
    secs = time.perf_counter() - t0

    recall = {k: [0, 0] for k in ("direct", "indirect", "q+c direct", "q+c indirect")}
    prec = {k: [0, 0] for k in ("direct", "indirect", "claim")}
    spk = {f"{w} {k}": [0, 0] for w in ("quote", "claim") for k in ("named", "description", "pronoun")}
    cue = {k: [0, 0] for k in ("quote", "claim")}
    errors: list[str] = []
    for (article, gold), ledger in zip(data, ledgers):
        preds = predictions(ledger)
        for p in preds:
            prec[p.kind][0] += any(overlap(g.content, p.start, p.end) for g in gold)
            prec[p.kind][1] += 1
        for g in gold:
            kind = "direct" if g.direct else "indirect"
            for key, pool in ((kind, [p for p in preds if p.kind != "claim"]),
                              (f"q+c {kind}", preds)):
                best = max(pool, key=lambda p: overlap(g.content, p.start, p.end), default=None)
                paired = best is not None and overlap(g.content, best.start, best.end) > 0
                recall[key][0] += paired
                recall[key][1] += 1
            if not paired:  # the speaker and cue are judged on the quote+claim pairing
                if args.errors and g.direct:
                    errors.append(f"MISS  {article.id}: {_snippet(article.text, g.content)}")
                continue
            which = "claim" if best.kind == "claim" else "quote"
            if g.source:
                kind = source_kind(" ".join(article.text[s:e] for s, e in g.source))
                bucket = spk[f"{which} {kind}"]
                ok = speaker_ok(g, best, article.text, ledger)
                bucket[0] += ok
                bucket[1] += 1
                if args.errors and not ok:
                    src = " ".join(article.text[s:e] for s, e in g.source)
                    errors.append(f"SPEAKER {article.id}: gold {src!r} got {best.speaker!r} "
                                  f"({best.kind}) | {_snippet(article.text, g.content)}")
            if g.cue:
                cue[which][0] += cue_ok(g, best)
                cue[which][1] += 1

    n_gold = recall["direct"][1] + recall["indirect"][1]
    print(f"PolNeAR {args.split}: {len(data)} articles, {n_gold} gold contents "
          f"({recall['direct'][1]} direct, {recall['indirect'][1]} indirect); "
          f"extract {secs:.1f}s -> {len(data) / secs:.1f} articles/s")
    add = lambda *xs: [sum(x[0] for x in xs), sum(x[1] for x in xs)]  # noqa: E731
    print("recall (gold contents paired)")
    for label, (n, d) in (("  quotes, direct gold", recall["direct"]),
                          ("  quotes, indirect gold", recall["indirect"]),
                          ("  quotes, all gold", add(recall["direct"], recall["indirect"])),
                          ("  quotes+claims, direct gold", recall["q+c direct"]),
                          ("  quotes+claims, indirect gold", recall["q+c indirect"]),
                          ("  quotes+claims, all gold",
                           add(recall["q+c direct"], recall["q+c indirect"]))):
        print(f"{label:32s} {rate(n, d)}")
    print("precision (predictions overlapping a gold content)")
    for label, (n, d) in (("  direct quotes", prec["direct"]),
                          ("  indirect quotes", prec["indirect"]),
                          ("  quotes", add(prec["direct"], prec["indirect"])),
                          ("  claims", prec["claim"]),
                          ("  quotes+claims", add(*prec.values()))):
        print(f"{label:32s} {rate(n, d)}")
    print("on quote+claim pairs with a gold Source: speaker accuracy")
    for key, (n, d) in spk.items():
        print(f"  {key + ' sources':30s} {rate(n, d)}")
    for w in ("quote", "claim"):
        print(f"  {w + ' named + description':30s} {rate(*add(spk[w + ' named'], spk[w + ' description']))}")
    print(f"  {'all':30s} {rate(*add(*spk.values()))}")
    print("on pairs with a gold Cue: cue accuracy")
    for key, (n, d) in cue.items():
        print(f"  {key + 's':30s} {rate(n, d)}")
    for line in errors:
        print(line)
    return 0


def _snippet(text: str, spans: Spans, width: int = 120) -> str:
    """The gold content's first words and the words after it (where a cue usually is)."""
    s, e = spans[0][0], spans[-1][1]
    return " ".join((text[s:s + width] + " [...] " + text[e:e + width]).split())


if __name__ == "__main__":
    sys.exit(main())
