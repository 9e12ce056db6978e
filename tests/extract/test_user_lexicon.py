"""A user lexicon file adds a trigger word: `newsledger extract --lexicon FILE` types a new event."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
TEXT = "Unknown men firebombed a mosque in Leeds on Tuesday night.\n"


def _extract(tmp_path: Path, *extra: str) -> dict:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    env.pop("NEWSLEDGER_LEXICONS", None)
    done = subprocess.run([sys.executable, "-m", "newsledger", "extract", str(article),
                           "--published", "2024-05-10", *extra],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_trigger_word_added_by_a_user_file_makes_an_event(tmp_path):
    assert _extract(tmp_path)["events"] == []  # 'firebombed' is not a shipped trigger
    user = tmp_path / "mine.yaml"
    user.write_text("attack_triggers:\n  - 'firebomb(?:s|ed|ing)?'\n", encoding="utf-8")
    (event,) = _extract(tmp_path, "--lexicon", str(user))["events"]
    assert (event["event_type"], event["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert event["location"] == "Leeds" and "firebombed" in event["reason"]
