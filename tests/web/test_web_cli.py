"""`newsledger serve`: clear one-line errors before anything listens."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

from newsledger.cli import main  # noqa: E402


@pytest.mark.parametrize("make, words", [
    (lambda p: None, "no such database"),
    (lambda p: p.write_text("not a database\n" * 100), "cannot open the database"),
    (lambda p: __import__("duckdb").connect(str(p)).close(), "not a newsledger corpus"),
])
def test_serve_refuses_what_is_not_a_corpus(tmp_path, capsys, make, words):
    db = tmp_path / "x.duckdb"
    make(db)
    assert main(["serve", "--db", str(db), "--port", "8999"]) == 2
    err = capsys.readouterr().err
    assert words in err and len(err.strip().splitlines()) == 1


def test_serve_refuses_a_bad_port(tmp_path, capsys):
    from web_corpus import build

    db = build(tmp_path / "c.duckdb")
    assert main(["serve", "--db", str(db), "--port", "70000"]) == 2
    assert "--port 70000" in capsys.readouterr().err


def test_serve_is_listed_in_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "serve" in capsys.readouterr().out
