"""The command line: clear one-line errors for bad input, valid ledgers for good input."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from newsledger.cli import main
from newsledger.validate import ledger_problems

SAMPLE = ROOT / "samples" / "wire_report.txt"


@pytest.mark.parametrize("content, message", [
    (b"", "empty text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data"),
    (b"Caf\xc3\xa9 \xe9 bombing\n", "invalid UTF-8 at byte 6 (line 1)"),  # a bad byte in UTF-8 text
])
def test_bad_files_fail_with_one_line(tmp_path, capsys, content, message):
    f = tmp_path / "in.txt"
    f.write_bytes(content)
    assert main(["extract", str(f)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_missing_file_directory_and_bad_date(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["extract", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err
    assert main(["extract", str(SAMPLE), "--published", "14/03/2026"]) == 2
    assert "bad published date" in capsys.readouterr().err


def test_sample_as_json_is_valid(capsys):
    assert main(["extract", str(SAMPLE), "--published", "2026-03-14", "--id", "s1"]) == 0
    ledger = json.loads(capsys.readouterr().out)
    assert ledger["id"] == "s1" and ledger["published"] == "2026-03-14"
    assert ledger["events"], "the sample reports several incidents"
    assert ledger_problems(ledger, SAMPLE.read_text(encoding="utf-8")) == []


def test_text_without_events_gives_empty_lists(tmp_path, capsys):
    f = tmp_path / "calm.txt"
    f.write_text("The city council approved a new budget for parks and libraries.\n")
    assert main(["extract", str(f), "--format", "jsonl"]) == 0
    ledger = json.loads(capsys.readouterr().out)
    assert ledger["events"] == [] and ledger["claims"] == [] and ledger["published"] is None


def test_csv_has_acled_columns(capsys):
    assert main(["extract", str(SAMPLE), "--published", "2026-03-14", "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header.startswith("event_id_cnty,event_date,year,time_precision,event_type")
    assert header.endswith("fatalities,injured")


def test_console_script_reads_stdin_and_prints_a_table():
    proc = subprocess.run(
        [sys.executable, "-m", "newsledger", "extract", "-", "--published", "2026-03-14",
         "--format", "table"],
        input=SAMPLE.read_bytes(), capture_output=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert "events" in out and "Kirkuk" in out


def test_user_actor_file_renames_an_actor_in_the_output(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Islamic State militants attacked a village near Tikrit on Monday, "
                       "killing four farmers, police said.\n", encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    mine.write_text("- canonical: Daesh (our name)\n  aliases: [Islamic State]\n", encoding="utf-8")
    assert main(["extract", str(article), "--published", "2024-05-10"]) == 0
    before = json.loads(capsys.readouterr().out)["events"]
    assert main(["extract", str(article), "--published", "2024-05-10", "--actors", str(mine)]) == 0
    after = json.loads(capsys.readouterr().out)["events"]
    assert [e["actor1"] for e in before] == ["Islamic State"]
    assert [e["actor1"] for e in after] == ["Daesh (our name)"]
