"""Events found on general news about disease, disasters and health: GeoVirus (229 Wikinews
articles, ../shared/benchmarks/geoparsing/GeoVirus.xml, CC BY 2.5), read as `ingest` reads.

    python benchmarks/event_free_bench.py [--shared DIR] [--list]

Few of these articles tell a political or conflict event, so most events found are invented.
The articles are split into halves A and B by the SHA-1 of their source URL (stable across runs):
tune on A only; B is only counted. Prints events per 100 articles per half; `--list` prints
each half-A event's type, toll and evidence sentence. The texts stay under ../shared.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from negatives_bench import SHARED, ingest_ledgers

from newsledger.article import Article
from newsledger.pipeline import Pipeline


def half_of(key: str) -> str:
    """'A' or 'B', fixed by the key's SHA-1 (the same split in every run and process)."""
    return "AB"[hashlib.sha1(key.encode()).digest()[0] & 1]


def load(path: Path) -> list[tuple[str, Article]]:
    """(half, article) for every article, its id the article's index in the file."""
    out = []
    for i, art in enumerate(ET.parse(path).getroot().findall("article")):
        source = (art.findtext("source") or str(i)).strip()
        out.append((half_of(source), Article(art.findtext("text") or "", id=f"geovirus/{i}")))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(SHARED), help="the shared folder (default ../shared)")
    ap.add_argument("--list", action="store_true", help="print half A's events")
    args = ap.parse_args()
    path = Path(args.shared) / "benchmarks" / "geoparsing" / "GeoVirus.xml"
    if not path.is_file():
        print(f"GeoVirus not found: need {path} (pass --shared DIR)", file=sys.stderr)
        return 2
    docs = load(path)
    ledgers = ingest_ledgers(Pipeline.load(triage=True), [a for _, a in docs])
    print(f"{'half':<5} {'articles':>8} {'events':>6} {'per 100':>8}")
    for half in "AB":
        counts = [len(l.events) for (h, _), l in zip(docs, ledgers) if h == half]
        print(f"{half:<5} {len(counts):>8} {sum(counts):>6} {100 * sum(counts) / max(1, len(counts)):>8.1f}")
    if args.list:
        for (half, article), ledger in zip(docs, ledgers):
            for e in ledger.events if half == "A" else ():
                evidence = " ".join(s.text for s in e.evidence)[:300].replace("\n", " ")
                print(f"- {article.id}: {e.event_type} / {e.sub_event_type} | fatalities "
                      f"{e.fatalities} | {getattr(e, 'reason', '')}\n    {evidence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
