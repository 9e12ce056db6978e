"""Spark against local ingest, in the same run, on the same input; and a simulated scale-out
of the incident merge.

    python benchmarks/spark_bench.py                        # 20,000 generated + 2,000 real articles
    python benchmarks/spark_bench.py --n 200 --real 100 --rounds 2 --scale 20000   # a quick check
    python benchmarks/spark_bench.py --json > spark.json    # one JSON object

Part 1, throughput: `newsledger generate N` (JSONL) and the real-text corpus
(`../shared/bench/real_corpus.py`, skipped where it is absent), each cut into `--rounds` slices;
on every slice, back to back, local `ingest` (2 workers), `spark-ingest` on `local[1]` and on
`local[2]`, their order rotated from slice to slice, so that the load of a shared machine falls
on all three alike; the ratio to local ingest is reported per slice (median) and over the sums.
Wall times are end to end (Spark's include loading the pipeline in each Python worker; the JVM
starts once before the rounds and its start is reported as `jvm_start_s`); CPU is the sum over the process tree (Python driver, JVM, Python workers),
sampled from /proc every 0.2 s; peak memory is split into the driver (Python + the JVM, which
in local mode also runs the executor's threads) and the executors' Python workers (sum and
largest); the load average is noted at the start and end of each run. Goal: local[2] within
1.3× of local ingest's wall time.

Part 2, simulated scale-out of the merge: event rows synthesized without NLP from the
generator's ground truth (`truth`: day, country, place, type, toll of each violent article;
one event per article, keyed by the text's hash as ingest keys them), in shards of 10,000
articles generated on the executors (seed = shard), each shard's dates moved on by the span of
a shard, so a larger corpus covers a longer period at the same density, as an archive grows.
For 20k, 100k and 1M articles it runs the Spark merge (blocks, shuffle, `merge_events`, Parquet)
and reports the executor CPU per event, the bytes the merge shuffles, the largest block and
the largest shuffle read of one task (from Spark's REST API): cost linear in the corpus, and
no task reading more than its blocks.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", ROOT.parent / "shared"))  # real_corpus.py
SHARD = 10_000

from newsledger.corpus.generate import generate  # noqa: E402
from newsledger.corpus.ingest import ingest  # noqa: E402


# -- the process tree -------------------------------------------------------------------------
class Tree:
    """Samples this process and its descendants: peak RSS per role, CPU seconds per process."""

    def __init__(self, interval: float = 0.2, ignore: tuple[str, ...] = ()) -> None:
        self.interval, self.peaks, self.cpu, self.ignore = interval, {}, {}, ignore
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._base = self._cpu_now()

    def __enter__(self) -> "Tree":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def cpu_seconds(self) -> float:
        return sum(v - self._base.get(pid, 0.0) for pid, v in self.cpu.items())

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def _cpu_now(self) -> dict[int, float]:
        return {pid: cpu for pid, _, _, cpu in _tree(os.getpid())}

    def _sample(self) -> None:
        rss: dict[str, int] = {}
        largest = 0
        for pid, role, mem, cpu in _tree(os.getpid()):
            if role in self.ignore:
                continue
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), cpu)
            rss[role] = rss.get(role, 0) + mem
            if role == "python_workers":
                largest = max(largest, mem)
        if largest:
            rss["largest_python_worker"] = largest
        for role, mem in rss.items():
            self.peaks[role] = max(self.peaks.get(role, 0), mem)

    def peak_mb(self) -> dict[str, int]:
        return {k: round(v / 2**20) for k, v in sorted(self.peaks.items())}


def _tree(root: int) -> list[tuple[int, str, int, float]]:
    """(pid, role, RSS bytes, CPU seconds) of `root` and its descendants."""
    page, tick = os.sysconf("SC_PAGE_SIZE"), os.sysconf("SC_CLK_TCK")
    out, stack = [], [(root, "driver_python")]
    while stack:
        pid, parent_role = stack.pop()
        try:
            with open(f"/proc/{pid}/statm") as f:
                mem = int(f.read().split()[1]) * page
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            cpu = (int(fields[11]) + int(fields[12])) / tick
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
            kids = []
            for task in os.listdir(f"/proc/{pid}/task"):  # the JVM forks from many threads
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    kids.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError, IndexError, NotADirectoryError):
            continue
        if pid == root:
            role = "driver_python"
        elif "java" in cmd.split(" ")[0]:
            role = "driver_jvm"  # local mode: the executor's threads run in the driver's JVM
        elif parent_role in ("driver_jvm", "python_workers"):
            role = "python_workers"  # Spark's Python daemon and the workers it forks
        else:
            role = "ingest_workers"  # local ingest's worker processes
        out.append((pid, role, mem, cpu))
        stack.extend((k, role) for k in kids)
    return out


# -- part 1 -----------------------------------------------------------------------------------
def inputs(work: Path, n: int, real: int, rounds: int, real_rounds: int) -> dict[str, list[Path]]:
    """Each input as `rounds` (`real_rounds`) JSONL slices of (nearly) equal size, one folder per slice."""
    found = {}
    gen = work / "generated"
    generate(n, gen, fmt="jsonl", shard=-(-n // rounds))
    found["generated"] = _slices(gen, sorted(gen.glob("*.jsonl")))
    script = SHARED / "bench" / "real_corpus.py"
    if real and script.exists():
        whole = work / "real.jsonl"
        subprocess.run([sys.executable, str(script), str(real), str(whole)],
                       check=True, stderr=subprocess.DEVNULL)
        lines = whole.read_text(encoding="utf-8").splitlines(keepends=True)
        size = -(-len(lines) // real_rounds)
        files = []
        for i in range(0, len(lines), size):
            files.append(work / f"real-{i // size:04d}.jsonl")
            files[-1].write_text("".join(lines[i:i + size]), encoding="utf-8")
        found["real"] = _slices(work / "real", files)
    return dict(sorted(found.items(), reverse=True))  # the real texts first: the shorter run


def _slices(root: Path, files: list[Path]) -> list[Path]:
    out = []
    for i, f in enumerate(files):
        folder = root / f"slice-{i}"
        folder.mkdir(parents=True, exist_ok=True)
        f.rename(folder / f.name)
        out.append(folder)
    return out


def run_local(src: Path, work: Path) -> dict[str, Any]:
    db = work / f"local-{src.parent.name}-{src.name}.duckdb"
    load = os.getloadavg()[0]
    with Tree(ignore=("driver_jvm",)) as tree:  # the JVM of earlier Spark runs, idle
        t0 = time.perf_counter()
        summary = ingest([src], db, workers=2, progress=False)
        wall = time.perf_counter() - t0
    db.unlink()
    return {"wall_s": round(wall, 1), "cpu_s": round(tree.cpu_seconds(), 1),
            "articles": summary.records, "events": summary.totals.get("events"),
            "incidents": summary.totals.get("incidents"), "peak_mb": tree.peak_mb(),
            "load": [round(load, 1), round(os.getloadavg()[0], 1)]}


def run_spark(src: Path, work: Path, master: str) -> dict[str, Any]:
    from newsledger.spark.job import session, spark_ingest

    out = work / f"spark-{src.parent.name}-{src.name}-{master.strip('local[]')}"
    load = os.getloadavg()[0]
    with Tree() as tree:
        t0 = time.perf_counter()
        spark = session(master, {"spark.ui.enabled": "false"})
        started = time.perf_counter() - t0
        result = spark_ingest([str(src)], str(out), spark=spark)
        spark.stop()
        wall = time.perf_counter() - t0
    shutil.rmtree(out, ignore_errors=True)
    return {"wall_s": round(wall, 1), "session_start_s": round(started, 1),
            "job_s": round(result.seconds, 1), "cpu_s": round(tree.cpu_seconds(), 1),
            "partitions": result.partitions, "phases_s": result.phases,
            "articles": result.counts["sources"],
            "events": result.counts["events"], "incidents": result.counts["incidents"],
            "peak_mb": tree.peak_mb(), "load": [round(load, 1), round(os.getloadavg()[0], 1)]}


LOCAL = "local_ingest_2_workers"


def throughput(slices: list[Path], work: Path, masters: list[str], name: str) -> dict[str, Any]:
    """Every contender on every slice, the slice's runs back to back and their order rotated
    from one slice to the next, so a change in the machine's load falls on all of them alike:
    the ratio to local ingest is taken per slice (its median reported) and over the sums."""
    contenders = [LOCAL, *(f"spark_{m}" for m in masters)]
    warm_jvm()
    rounds: list[dict[str, Any]] = []
    for i, src in enumerate(slices):
        order = contenders[i % len(contenders):] + contenders[:i % len(contenders)]
        runs = {}
        for c in order:
            runs[c] = run_local(src, work) if c == LOCAL else run_spark(src, work, c[len("spark_"):])
        rounds.append({"slice": i, "order": order, **runs})
        print(json.dumps({name: rounds[-1]}), file=sys.stderr, flush=True)
    return {c: _total([r[c] for r in rounds], [r[c]["wall_s"] / r[LOCAL]["wall_s"] for r in rounds])
            for c in contenders} | {"rounds": rounds}


def warm_jvm() -> float | None:
    """Start and stop a session once: the JVM (and its gateway) then lives for the rest of
    this process, so no contender pays its start; the time is reported beside the runs."""
    global JVM_START_S
    if JVM_START_S is None:
        from newsledger.spark.job import session

        t0 = time.perf_counter()
        session("local[1]", {"spark.ui.enabled": "false"}).stop()
        JVM_START_S = round(time.perf_counter() - t0, 1)
    return JVM_START_S


JVM_START_S: float | None = None


def _total(runs: list[dict[str, Any]], ratios: list[float]) -> dict[str, Any]:
    wall, cpu = sum(r["wall_s"] for r in runs), sum(r["cpu_s"] for r in runs)
    arts = sum(r["articles"] for r in runs)
    peaks: dict[str, int] = {}
    for r in runs:
        for k, v in r["peak_mb"].items():
            peaks[k] = max(peaks.get(k, 0), v)
    return {"articles": arts, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
            "articles_per_s": round(arts / wall, 2) if wall else None,
            "articles_per_core_hour": round(3600 * arts / cpu) if cpu else None,
            "wall_vs_local_median": round(statistics.median(ratios), 2),
            "wall_vs_local_of_sums": None, "peak_mb": peaks}


# -- part 2 -----------------------------------------------------------------------------------
def synthesized_events(shard: int, days: int) -> list[tuple[str, tuple]]:
    """One shard's event rows, in the form the Spark merge reads (job._tagged), without NLP."""
    from datetime import date, timedelta

    from newsledger.corpus.generate import COUNTRIES, Generator
    from newsledger.corpus.rows import content_hash
    from newsledger.corpus.store import MERGE_COLUMNS

    places = {(c.code, p.name): p for c in COUNTRIES for p in c.places}
    shift = timedelta(days=shard * days)
    out = []
    for a in Generator(seed=shard, violent_share=1.0).articles(SHARD):
        t = a.get("truth")
        if not t:
            continue
        h = content_hash(a["text"])
        day = date.fromisoformat(t["date"]) + shift
        p = places.get((t["country"], t["location"]))
        row = {"event_key": f"{h}#0", "content_hash": h, "seq": 0, "event_date": day.isoformat(),
               "date_precision": "day", "date_start": day, "date_end": day,
               "country": t["country"], "admin1": t.get("admin1"), "location": t.get("location"),
               "latitude": p.lat if p else None, "longitude": p.lon if p else None,
               "geo_precision": 1, "event_type": t["event_type"],
               "sub_event_type": t["sub_event_type"], "fatalities": t.get("fatalities"),
               "injured": t.get("injured"), "confidence": 0.5}
        out.append(("merge", {**{c: row.get(c) for c in MERGE_COLUMNS},
                              "published": date.fromisoformat(a["published"]) + shift}))
    return out


def shard_days() -> int:
    from datetime import date

    from newsledger.corpus.generate import Generator

    arts = list(Generator(seed=0, violent_share=1.0).articles(SHARD))
    first, last = (date.fromisoformat(arts[i]["published"]) for i in (0, -1))
    return (last - first).days + 7  # a week between shards: no incident spans two


def scale_out(sizes: list[int], work: Path, master: str) -> list[dict[str, Any]]:
    from newsledger.spark import job
    from newsledger.spark.job import Result, session

    from pyspark import StorageLevel

    spark = session(master, {"spark.ui.enabled": "true"})  # the REST API gives the metrics
    sc = spark.sparkContext
    days = shard_days()
    rows = []
    try:
        for n in sizes:
            shards = max(1, n // SHARD)
            parts = max(4, 2 * shards // 5)  # ~25k events a partition
            events = sc.parallelize(range(shards), shards).flatMap(
                lambda s: synthesized_events(s, days)).persist(StorageLevel.MEMORY_AND_DISK)
            count = events.count()
            group = f"merge-{n}"
            sc.setJobGroup(group, group)
            cpu0, t0 = _tree_cpu(), time.perf_counter()
            result = Result(out="")
            merged = job._merge(sc, events, parts, result)
            out = str(work / f"merge-{n}")
            job._write(spark, merged, "incidents", out)
            wall = time.perf_counter() - t0
            cpu = _tree_cpu() - cpu0
            stages = _stage_metrics(sc, group)
            events.unpersist()
            rows.append({
                "articles": shards * SHARD, "events": count, "partitions": parts,
                "merge_wall_s": round(wall, 1), "merge_cpu_s_all_processes": round(cpu, 1),
                "cpu_ms_per_event": round(1000 * cpu / max(count, 1), 3),
                "jvm_executor_cpu_s": round(stages["executor_cpu_ns"] / 1e9, 1),
                "shuffle_write_mb": round(stages["shuffle_write"] / 2**20, 2),
                "shuffle_bytes_per_event": round(stages["shuffle_write"] / max(count, 1), 1),
                "largest_task_shuffle_read_mb": round(stages["max_task_read"] / 2**20, 2),
                "blocks": result.blocks, "largest_block_events": result.largest_block,
            })
            print(json.dumps(rows[-1]), file=sys.stderr)
    finally:
        spark.stop()
    return rows


def _tree_cpu() -> float:
    return sum(cpu for _, _, _, cpu in _tree(os.getpid()))


def _stage_metrics(sc: Any, group: str) -> dict[str, float]:
    """Executor CPU (JVM side), shuffle bytes written, and the largest shuffle read of one
    task, over the stages of a job group, from the REST API of the Spark UI."""
    tracker = sc.statusTracker()
    stage_ids = sorted({s for j in tracker.getJobIdsForGroup(group)
                        for s in (tracker.getJobInfo(j).stageIds if tracker.getJobInfo(j) else ())})
    base = f"{sc.uiWebUrl}/api/v1/applications/{sc.applicationId}/stages"
    total = {"executor_cpu_ns": 0.0, "shuffle_write": 0.0, "max_task_read": 0.0}
    for sid in stage_ids:
        try:
            attempts = json.load(urllib.request.urlopen(f"{base}/{sid}", timeout=10))
        except OSError:
            continue  # a stage skipped (its shuffle output reused) has no record
        for st in attempts:
            total["executor_cpu_ns"] += st.get("executorCpuTime", 0)
            total["shuffle_write"] += st.get("shuffleWriteBytes", 0)
            summary = json.load(urllib.request.urlopen(
                f"{base}/{sid}/{st['attemptId']}/taskSummary?quantiles=1.0", timeout=10))
            read = summary.get("shuffleReadMetrics", {}).get("readBytes", [0])
            total["max_task_read"] = max(total["max_task_read"], read[-1] if read else 0)
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20_000, help="generated articles (part 1)")
    ap.add_argument("--real", type=int, default=2_000, help="real-text articles (part 1; 0: none)")
    ap.add_argument("--masters", default="local[1],local[2]")
    ap.add_argument("--rounds", type=int, default=4,
                    help="slices of the generated input; every contender runs on each, in rotated order")
    ap.add_argument("--real-rounds", type=int, default=2, help="slices of the real-text input")
    ap.add_argument("--scale", default="20000,100000,1000000", help="articles (part 2; '' to skip)")
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--dir", help="work folder (kept); default: a temporary one, removed")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    work = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="spark-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    report: dict[str, Any] = {"cpus": os.cpu_count(), "load_before": round(os.getloadavg()[0], 2)}
    try:
        if not args.skip_throughput:
            masters = args.masters.split(",")
            for name, slices in inputs(work, args.n, args.real, args.rounds, args.real_rounds).items():
                runs = throughput(slices, work, masters, name)
                for key in runs:
                    if key != "rounds":
                        runs[key]["wall_vs_local_of_sums"] = round(runs[key]["wall_s"] / runs[LOCAL]["wall_s"], 2)
                report[name] = runs
                print(json.dumps({name: {k: v for k, v in runs.items() if k != "rounds"}}),
                      file=sys.stderr, flush=True)
        sizes = [int(s) for s in args.scale.split(",") if s.strip()]
        if sizes:
            report["scale_out"] = scale_out(sizes, work, args.masters.split(",")[-1])
        report["jvm_start_s"] = JVM_START_S  # once per process, before the Spark runs
        report["load_after"] = round(os.getloadavg()[0], 2)
    finally:
        if not args.dir:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(report, indent=None if args.json else 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
