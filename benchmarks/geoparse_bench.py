"""Measure the gazetteer on public geoparsing gold (GeoWebNews, TR-News, GeoVirus; see
shared/benchmarks/geoparsing/README.md).

    python benchmarks/geoparse_bench.py [--dir ../shared/benchmarks/geoparsing] [--half A|B]
        [--errors FILE] [--lookup-only]

`--half` keeps one half of each set, split by a stable hash of the document id (tune on A,
check on B); `--errors` writes each gold name resolved wrong (> 161 km) or not at all.

Recognition: `Gazetteer.find` spans against gold toponym spans (overlap counts).
Resolution, given each gold place name: the place find() ranks first where it found that very
span or a name inside it ("Dubai" in "Dubai World Trade Centre"), as the extractor would; else
the place `Gazetteer.lookup` picks with the article's countries and the provinces of its other
place names (`regions_of` its find() matches) as context. `--lookup-only`: lookup() with the
article's countries alone, the measure of earlier sessions. Reported: Acc@161 km, exact
GeoNames id, country and admin1 (TR-News).
"""
from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from newsledger.article import Article
from newsledger.document import Doc
from newsledger.extract.clean import mark_dateline, mark_title
from newsledger.extract.text import fold, split_sentences
from newsledger.places.gazetteer import Gazetteer, name_key, regions_of
from newsledger.places.distance import haversine as km

SHARED = Path(__file__).resolve().parents[2] / "shared"


def half_of(doc_id: str) -> str:
    """"A" or "B": a document's half, by a stable hash of its id (the same in every run)."""
    return "AB"[hashlib.sha1(doc_id.encode()).digest()[0] & 1]


def gwn(path: Path):
    """(doc id, text, [(start, end, name, lat, lon, geonames_id, country, admin1)])"""
    for art in ET.parse(path).getroot():
        text = art.findtext("text") or ""
        gold = []
        for t in art.find("toponyms"):
            lat = t.findtext("latitude")
            if not lat:
                continue  # demonyms, homonyms, non-toponyms: not places to resolve
            gid = t.findtext("geonamesID")
            gold.append((int(t.findtext("start")), int(t.findtext("end")), t.findtext("extractedName"),
                         float(lat), float(t.findtext("longitude")), int(gid) if gid else None, None, None))
        yield "gwn:" + art.get("file", ""), text, gold


def trnews(path: Path):
    for art in ET.parse(path).getroot():
        text = art.findtext("text") or ""
        gold = []
        for t in art.find("toponyms"):
            tag = t.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue
            phrase, start = t.findtext("phrase"), int(t.findtext("start"))
            found = text.find(phrase, max(0, start - 20))
            start = found if found >= 0 and abs(found - start) < 40 else start
            gold.append((start, start + len(phrase), phrase, float(tag.findtext("lat")),
                         float(tag.findtext("lon")), int(tag.get("geonameid")),
                         tag.findtext("country"), tag.findtext("admin1")))
        yield "tr:" + art.get("docid", ""), text, gold


def geovirus(path: Path):
    """GeoVirus: coordinates only (each place's Wikipedia page); ids are the source URLs."""
    for art in ET.parse(path).getroot():
        text = art.findtext("text") or ""
        gold = [(int(loc.findtext("start")), int(loc.findtext("end")), loc.findtext("name"),
                 float(loc.findtext("lat")), float(loc.findtext("lon")), None, None, None)
                for loc in art.find("locations")]
        yield "gv:" + (art.findtext("source") or ""), text, gold


def context_countries(found: list) -> list[str]:
    """The article's countries, most named first, from its place matches."""
    votes: Counter[str] = Counter()
    for m in found:
        if m.candidates:
            top = m.candidates[0]
            votes[top.country] += 2 if top.kind == "country" else 1
    return [c for c, _ in votes.most_common(3)]


def header_places(text: str) -> list[tuple[int, int]]:
    """The place spans of the text's dateline and paragraph headers (the clean stage's
    record, which the pipeline gives find())."""
    doc = Doc(Article(text), split_sentences(text))
    mark_title(doc)
    mark_dateline(doc)
    return doc.header_places()


def evaluate(name: str, articles, gaz: Gazetteer, errors_out=None, lookup_only: bool = False) -> None:
    tp = fp = fn = 0
    errors, exact, with_id, country_ok, admin_ok, with_admin, unresolved = [], 0, 0, 0, 0, 0, 0
    n_gold, t0, chars = 0, time.perf_counter(), 0
    for doc_id, text, gold in articles:
        chars += len(text)
        found = gaz.find(text, headers=header_places(text))
        spans = [(m.start, m.end) for m in found]
        gspans = [(g[0], g[1]) for g in gold]
        hit = lambda a, bs: any(a[0] < b[1] and b[0] < a[1] for b in bs)  # noqa: E731
        tp += sum(hit(s, gspans) for s in spans)
        fp += sum(not hit(s, gspans) for s in spans)
        fn += sum(not hit(g, spans) for g in gspans)
        countries = context_countries(found)
        by_span = {(m.start, m.end): m for m in found}
        for start, end, surface, lat, lon, gid, country, admin1 in gold:
            n_gold += 1
            same = None
            if lookup_only:
                cands = gaz.lookup(surface, countries=countries)
            else:
                same = by_span.get((start, end)) or next(
                    (m for m in found if start <= m.start and m.end <= end and m.candidates), None)
                cands = list(same.candidates) if same is not None else gaz.lookup(
                    surface, countries=countries, regions=regions_of(found, exclude=name_key(surface)))
            if not cands:
                unresolved += 1
                errors.append(20000.0)
                if errors_out:
                    print(f"{doc_id}\tUNRESOLVED\t{surface!r}\t{lat},{lon}\t{gid}\t"
                          f"{text[max(0, start - 60):end + 40]!r}", file=errors_out)
                continue
            p = cands[0]
            errors.append(km(lat, lon, p.latitude, p.longitude))
            if errors_out and errors[-1] > 161:
                print(f"{doc_id}\tWRONG {errors[-1]:.0f}km\t{surface!r}\t{lat},{lon}\t{gid}\t"
                      f"got {p.name}/{p.kind}/{p.admin1}/{p.country} {'find' if same else 'lookup'} "
                      f"ctx={countries}\t"
                      f"{text[max(0, start - 60):end + 40]!r}", file=errors_out)
            if gid is not None:
                with_id += 1
                exact += p.geonames_id == gid
            if country:
                country_ok += gaz.country_name(p.country) is not None and \
                    fold(gaz.country_name(p.country)) == fold(country)
            if admin1:
                with_admin += 1
                admin_ok += p.admin1 is not None and fold(p.admin1) == fold(admin1) or \
                    p.kind == "admin1" and fold(p.name) == fold(admin1)
    secs = time.perf_counter() - t0
    prec, rec = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    print(f"== {name}: {n_gold} gold toponyms with coordinates")
    print(f"recognition (find, overlap): P {prec:.3f} R {rec:.3f} F1 {2 * prec * rec / max(prec + rec, 1e-9):.3f}")
    acc161 = sum(e <= 161 for e in errors) / max(len(errors), 1)
    print(f"resolution given gold names: Acc@161 {acc161:.3f}  median error {statistics.median(errors):.0f} km  "
          f"unresolved {unresolved / max(n_gold, 1):.3f}" +
          (f"  exact GeoNames id {exact / with_id:.3f} (of {with_id})" if with_id else ""))
    if with_admin:
        print(f"country {country_ok / max(n_gold - unresolved, 1):.3f}  admin1 {admin_ok / with_admin:.3f}")
    print(f"time {secs:.1f}s ({chars / secs:,.0f} chars/s including lookups)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", default=str(SHARED / "benchmarks" / "geoparsing"))
    ap.add_argument("--half", choices=("A", "B"), help="only this half of each set")
    ap.add_argument("--errors", help="write the wrong and unresolved names to this file")
    ap.add_argument("--lookup-only", action="store_true",
                    help="resolve each gold name by lookup() with the article's countries alone "
                         "(the measure of sessions before 5)")
    args = ap.parse_args()
    folder = Path(args.dir)
    if not folder.is_dir():
        print(f"no geoparsing data at {folder}", file=sys.stderr)
        return 2
    gaz = Gazetteer.load()
    out = open(args.errors, "w", encoding="utf-8") if args.errors else None
    label = f" (half {args.half})" if args.half else ""
    for name, articles in (("GeoWebNews", gwn(folder / "GWN.xml")),
                           ("TR-News", trnews(folder / "TR-News.no_turkey2016.xml")),
                           ("GeoVirus", geovirus(folder / "GeoVirus.xml"))):
        kept = (a for a in articles if args.half is None or half_of(a[0]) == args.half)
        evaluate(name + label, kept, gaz, out, args.lookup_only)
    if out:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
