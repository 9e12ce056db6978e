"""A large JSONL or Parquet file read in parts by several tasks gives the records, keys,
statuses and messages of reading it whole, whatever the size of the parts: lines cut in the
middle, blank lines, bad JSON, an over-long line, no newline at the end. No Spark needed."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsledger.article import MAX_BYTES
from newsledger.corpus.readers import read_file
from newsledger.spark import worker
from newsledger.spark.job import number_lines, plan_inputs

TEXTS = ["A bus overturned near the border crossing on Sunday, police said.",
         "Farmers blocked the ring road with tractors for a second day.",
         "The council approved a new budget for the district's clinics."]


def _records(plan_local: list) -> list:
    return [r for _, path, part in number_lines(plan_local)
            for _, r in worker.read_part(Path(path), part)]


def _jsonl(path: Path, long_line: bool) -> Path:
    lines = [json.dumps({"id": f"a{i}", "text": t}) for i, t in enumerate(TEXTS)]
    lines[1:1] = ["", "{not json", "   "]
    if long_line:
        lines.insert(4, json.dumps({"id": "big", "text": "word " * (MAX_BYTES // 5 + 10)}))
    path.write_text("\r\n".join(lines[:3]) + "\n" + "\n".join(lines[3:]), encoding="utf-8")  # no final newline
    return path


@pytest.mark.parametrize("split", [1, 7, 64, 100, 333, 10_000])
def test_jsonl_in_byte_ranges_reads_as_whole(tmp_path, split):
    path = _jsonl(tmp_path / "feed.jsonl", long_line=False)
    plan = plan_inputs([str(path)], split_bytes=split)
    assert (len(plan.local) > 1) == (split < path.stat().st_size)
    whole = list(read_file(path))
    assert _records(plan.local) == whole
    assert [r.status for r in whole] == ["ok", "failed", "ok", "ok"]


def test_an_over_long_line_is_one_record_in_any_part(tmp_path):
    path = _jsonl(tmp_path / "feed.jsonl", long_line=True)
    whole = list(read_file(path))
    assert "too_large" in {r.status for r in whole}
    for split in (MAX_BYTES // 3, MAX_BYTES + 17):
        assert _records(plan_inputs([str(path)], split_bytes=split).local) == whole


def test_a_small_file_is_one_piece(tmp_path):
    path = _jsonl(tmp_path / "feed.jsonl", long_line=False)
    assert [p[2] for p in plan_inputs([str(path)]).local] == [None]


@pytest.mark.parametrize("split", [1, 2_000, 10**9])
def test_parquet_in_runs_of_row_groups_reads_as_whole(tmp_path, split):
    path = tmp_path / "feed.parquet"
    rows = [{"id": f"p{i}", "text": TEXTS[i % 3] + f" Report {i}."} for i in range(20)]
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=3)
    plan = plan_inputs([str(path)], split_bytes=split)
    if split == 1:
        assert len(plan.local) == 7  # one part per row group
    whole = list(worker.read_parquet(path))
    assert _records(plan.local) == whole
    assert [r.member for r in whole] == [f"row={i}" for i in range(1, 21)]
