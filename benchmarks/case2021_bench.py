"""Event typing on CASE 2021 Task 2 snippets labelled with ACLED sub-event types
(see shared/benchmarks/case2021_task2/README.md).

    python benchmarks/case2021_bench.py [--tsv PATH] [--limit N] [--half A|B] [--confusions]

--half keeps one of two fixed halves, split by a stable hash of the snippet id: tune on A,
only check B (a rule that lifts A and leaves B no worse carries over to unseen text).
--errors (half A only) prints each wrongly typed snippet, for tuning.

Each snippet is extracted as a one-paragraph article; the event with the highest confidence
(first on ties) is its prediction; no event predicts "no event". Prints accuracy and macro-F1
over the 25 ACLED labels plus "no event", and accuracy of the 6 top-level event types.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import time
from collections import Counter
from pathlib import Path

from newsledger.article import Article
from newsledger.ledger import SUB_EVENT_TYPES
from newsledger.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared"
LABELS = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance", "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike", "ARMED_CLASH": "Armed clash", "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack", "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity", "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use", "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory", "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established", "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention", "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence", "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
}
NO_EVENT = "no event"  # ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB


def half_of(snippet_id: str) -> str:
    """'A' or 'B', fixed by the id's SHA-1 (the same split in every run and process)."""
    return "AB"[hashlib.sha1(snippet_id.encode()).digest()[0] & 1]


def macro_f1(pairs: list[tuple[str, str]], labels: set[str]) -> float:
    f1s = []
    for label in sorted(labels):
        tp = sum(g == label and p == label for g, p in pairs)
        fp = sum(g != label and p == label for g, p in pairs)
        fn = sum(g == label and p != label for g, p in pairs)
        if tp + fp + fn:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / len(f1s)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tsv", default=str(SHARED / "benchmarks" / "case2021_task2" /
                                         "test_set_final_release_with_labels.no_turkey.tsv"))
    ap.add_argument("--limit", type=int)
    ap.add_argument("--confusions", action="store_true", help="print the most common errors")
    ap.add_argument("--half", choices=("A", "B"), help="score one fixed half of the snippets")
    ap.add_argument("--errors", action="store_true", help="print the misses' snippets (half A only)")
    args = ap.parse_args()
    path = Path(args.tsv)
    if not path.exists():
        print(f"no CASE 2021 data at {path}", file=sys.stderr)
        return 2
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    if args.errors and args.half != "A":
        print("--errors needs --half A: half B is only checked, never read", file=sys.stderr)
        return 2
    if args.half:
        rows = [r for r in rows if half_of(r["id"]) == args.half]
    rows = rows[: args.limit]
    gold = [LABELS.get(r["SubType"], NO_EVENT) for r in rows]
    pipeline = Pipeline.load()
    t0 = time.perf_counter()
    predicted = []
    for ledger in pipeline.extract_many(Article(r["EventSnippet"], id=r["id"]) for r in rows):
        best = max(ledger.events, key=lambda e: e.confidence, default=None)
        predicted.append(best.sub_event_type if best else NO_EVENT)
    secs = time.perf_counter() - t0
    pairs = list(zip(gold, predicted))
    top = lambda s: SUB_EVENT_TYPES.get(s, NO_EVENT)  # noqa: E731
    print(f"snippets: {len(rows)}  ({len(rows) / secs:.1f}/s)")
    print(f"sub-event accuracy: {sum(g == p for g, p in pairs) / len(pairs):.3f}  "
          f"macro-F1 (25 labels + no event): {macro_f1(pairs, set(gold)):.3f}")
    print(f"event-type accuracy (6 types + no event): "
          f"{sum(top(g) == top(p) for g, p in pairs) / len(pairs):.3f}")
    if args.confusions:
        for (g, p), n in Counter((g, p) for g, p in pairs if g != p).most_common(25):
            print(f"{n:4d}  {g} -> {p}")
    if args.errors:
        for r, (g, p) in zip(rows, pairs):
            if g != p:
                print(f"[{r['id']}] {g} -> {p}: {r['EventSnippet']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
