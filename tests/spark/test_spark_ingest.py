"""spark-ingest on a real local Spark session (local[2]) against local `ingest` on the same
input: the same sources, articles, events (field for field) and incidents; every input gets a
status; a task that dies mid-partition is retried without doubling rows; re-running (with
another number of partitions) writes the same datasets; Parquet input gives the rows JSONL
gives; `import` loads an output into a database equal to the local one. One session for the
module; the dev-corpus comparison runs where the shared corpus is beside the checkout."""
from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java (17)", allow_module_level=True)

import duckdb  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from conftest import dev_corpus_or_skip  # noqa: E402
from newsledger.corpus.ingest import ingest  # noqa: E402
from newsledger.corpus.readers import read_paths  # noqa: E402
from newsledger.corpus.store import Store, table_digest  # noqa: E402
from newsledger.spark import worker  # noqa: E402
from newsledger.spark.importer import import_dir  # noqa: E402
from newsledger.spark.job import spark_ingest  # noqa: E402
from newsledger.spark.worker import Settings  # noqa: E402
from spark_helpers import MARKER  # noqa: E402

CRASH = Settings(pipeline="spark_helpers:crash_once_pipeline", batch_size=2)
SPARK = Settings(pipeline=CRASH.pipeline)  # the same pipeline: no worker loads the model twice
LOCAL = "spark_helpers:cached_pipeline"     # local ingest: the model loaded once in this process

HERE = Path(__file__).resolve().parent
TABLES = {"sources": "source_key", "articles": "content_hash", "events": "event_key",
          "incidents": "incident_id", "incident_reports": "event_key"}

ARTICLES = [  # sentences written for these tests
    ("k1", "2024-03-12", "Wire A", "KIRKUK, Iraq - A roadside bomb killed four soldiers on a highway "
     "south of Kirkuk on Monday, a police officer said.\n\nThe army closed the road for hours."),
    ("k2", "2024-03-12", "Wire B", "A roadside bomb struck an army patrol near Kirkuk on Monday, "
     "killing five soldiers, officials said.\n\nNo group said it had planted the device."),
    ("m1", "2024-05-02", "Wire A", "MAIDUGURI, Nigeria - Soldiers clashed with Boko Haram fighters "
     "on the outskirts of Maiduguri on Wednesday, leaving twelve militants dead, the army said."),
    ("g1", "2024-05-20", "Wire C", "Grain prices rose for a third week in the capital as traders "
     "waited for the harvest, the chamber of commerce said on Friday."),
    ("v1", "2024-06-01", "Wire B", "Gunmen shot dead seven villagers in Konduga in Borno state on "
     "Saturday, residents said.\n\n\"They came at night and burned the granary,\" said Musa Bello, "
     "a farmer."),
    ("p1", "2024-06-03", "Wire C", "Police fired tear gas at hundreds of students protesting fee rises "
     "in Mosul on Sunday, and two protesters were injured, a hospital official said."),
    ("a1", "2024-07-09", "Wire A", "An air strike hit a fuel depot outside Sanaa on Tuesday, killing "
     "three guards, a local official said. The coalition did not comment."),
    ("a2", "2024-07-10", "Wire D", "Three guards died when an air strike hit a fuel depot near Sanaa "
     "on Tuesday, witnesses told reporters on Wednesday."),
]


def _obj(a: tuple) -> dict:
    return {"id": a[0], "published": a[1], "source": a[2], "title": f"Report {a[0]}", "text": a[3],
            "url": f"https://news.example/{a[0]}"}


def _write_corpus(root: Path) -> Path:
    src = root / "in"
    (src / "feed").mkdir(parents=True)
    lines = [json.dumps(_obj(a)) for a in ARTICLES[:5]]
    lines.insert(2, "{this line is not JSON")
    lines.append(json.dumps({"id": "k1-again", "source": "Wire Z", "text": ARTICLES[0][3]}))  # same text
    lines.append(json.dumps({"id": "no-text", "title": "nothing"}))
    (src / "feed" / "day1.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (src / "feed" / "day2.jsonl").write_text(
        "\n".join(json.dumps(_obj(a)) for a in ARTICLES[5:]) + "\n", encoding="utf-8")
    (src / "feed" / "empty.jsonl").write_bytes(b"")
    (src / "2024-08-01-note.txt").write_text(
        "title: Storm\nsource: Wire E\n\nA storm flooded fields near Kirkuk on Thursday.\n", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (src / "latin1.txt").write_bytes("Caf\xe9 owners met the mayor.".encode("latin-1"))  # read as cp1252
    (src / "damaged.txt").write_bytes("Caf\xe9 owners met the mayor.".encode("utf-8") + b" \xff and left.")
    _warc(src / "crawl.warc.gz")
    whole = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\n" + b"x" * 300)
    (src / "corrupt.warc.gz").write_bytes(whole[:40])  # cut inside the first record
    (src / "truncated.warc.gz").write_bytes(whole[: len(whole) // 2])
    return src


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = ("<html><head><title>Ferry</title></head><body><article><h1>Ferry</h1><p>"
            + "A new ferry began crossing the lake on Monday, the port authority said. " * 8
            + "</p></article></body></html>").encode()
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for url, ctype, body in (("https://news.example/ferry", "text/html; charset=utf-8", page),
                                 ("https://news.example/map.pdf", "application/pdf", b"%PDF-1.4 ...")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


@pytest.fixture(scope="module")
def spark(tmp_path_factory):
    from newsledger.spark.job import session

    # executors import this folder's helpers and see the marker (their environment is the
    # JVM's, fixed when it starts); local[2,4]: 2 cores, a task may fail 3 times
    os.environ[MARKER] = str(tmp_path_factory.mktemp("crash") / "crashed")
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(HERE), *filter(None, [os.environ.get("PYTHONPATH")]), *sys.path])
    spark = session("local[2,4]", {"spark.ui.enabled": "false"})
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    root = tmp_path_factory.mktemp("spark")
    return root, _write_corpus(root)


@pytest.fixture(scope="module")
def local_db(work):
    root, src = work
    db = root / "local.duckdb"
    ingest([src], db, workers=0, progress=False, pipeline=LOCAL)
    return db


@pytest.fixture(scope="module")
def out(spark, work):
    """The first run: a Python worker dies in its first partition, Spark retries the task;
    the JSONL files are read in parts of 256 bytes (lines cut in the middle)."""
    root, src = work
    marker = Path(os.environ[MARKER])
    spark_ingest([str(src)], str(root / "out"), partitions=3, settings=CRASH, spark=spark,
                 split_bytes=256)
    assert marker.exists(), "the worker was meant to die once"
    return root / "out"


def parquet_rows(out: Path, table: str) -> list[tuple]:
    return duckdb.sql(f"SELECT * FROM read_parquet('{out}/{table}/*.parquet') "
                      f"ORDER BY {TABLES.get(table, 'content_hash, seq')}").fetchall()


def store_rows(db: Path, table: str) -> list[tuple]:
    with Store(db, read_only=True) as store:
        return store.rows(f"SELECT * FROM {table} ORDER BY {TABLES[table]}")


@pytest.mark.parametrize("table", list(TABLES))
def test_same_rows_as_local_ingest_despite_a_retried_task(out, local_db, table):
    spark_rows, local_rows = parquet_rows(out, table), store_rows(local_db, table)
    assert spark_rows == local_rows
    assert len(spark_rows) == len({r[0] for r in spark_rows})  # nothing doubled


def test_events_field_for_field(out, local_db):
    with Store(local_db, read_only=True) as store:
        local = store.dicts("SELECT * FROM events ORDER BY event_key")
    spark = duckdb.sql(f"SELECT * FROM read_parquet('{out}/events/*.parquet') ORDER BY event_key")
    names = [d[0] for d in spark.description]
    spark_events = [dict(zip(names, r)) for r in spark.fetchall()]
    assert len(local) >= 6 and {k for e in local for k in e} == set(names)
    for a, b in zip(spark_events, local):
        assert {k: (a[k], b[k]) for k in a if a[k] != b[k]} == {}


def test_every_input_has_a_status(out, work):
    _, src = work
    expected = {r.key: r.status for r in read_paths([src])}
    got = dict(duckdb.sql(f"SELECT source_key, status FROM read_parquet('{out}/sources/*.parquet')").fetchall())
    assert got == expected
    by_name = {(Path(k.split("#")[0]).name, k.partition("#")[2]): s for k, s in got.items()}
    assert by_name[("day1.jsonl", "line=3")] == "failed"          # not JSON
    assert by_name[("day1.jsonl", "line=8")] == "empty"           # no text
    assert by_name[("empty.txt", "")] == "empty"
    assert by_name[("binary.txt", "")] == "not_text"
    assert by_name[("latin1.txt", "")] == "ok"
    assert by_name[("damaged.txt", "")] == "bad_encoding"  # UTF-8 with a bad byte: refused
    assert "failed" in {s for (n, _), s in by_name.items() if n == "corrupt.warc.gz"}
    assert sorted(s for (n, _), s in by_name.items() if n == "crawl.warc.gz") == ["ok", "unsupported"]


def test_one_article_for_one_text_under_two_names(out):
    rows = duckdb.sql(f"SELECT content_hash, list(id ORDER BY source_key) FROM "
                      f"read_parquet('{out}/sources/*.parquet') WHERE status = 'ok' "
                      "GROUP BY 1 HAVING count(*) > 1").fetchall()
    assert [ids for _, ids in rows] == [["k1", "k1-again"]]
    (article_id,) = duckdb.sql(f"SELECT id FROM read_parquet('{out}/articles/*.parquet') "
                               f"WHERE content_hash = '{rows[0][0]}'").fetchall()[0]
    assert article_id == "k1"  # the first reading, as in a local run


def test_reports_of_one_incident_merge(out):
    merged = duckdb.sql(f"SELECT country, n_reports FROM read_parquet('{out}/incidents/*.parquet') "
                        "WHERE n_reports > 1 ORDER BY 1").fetchall()
    assert ("IQ", 2) in merged  # the two Kirkuk bomb reports


def test_quotes_and_entities_are_rows(out):
    quotes = duckdb.sql(f"SELECT speaker, text FROM read_parquet('{out}/quotes/*.parquet')").fetchall()
    assert any("granary" in text for _, text in quotes)
    n, = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/entities/*.parquet') "
                    "WHERE len(mentions) > 0").fetchall()[0]
    assert n > 0


def test_rerun_with_other_partitions_writes_the_same_datasets(spark, out, work, capsys):
    """Through the command (in this process, so on the module's session), each file whole."""
    from newsledger.cli import main

    before = {t: parquet_rows(out, t) for t in (*TABLES, "quotes", "entities")}
    assert main(["spark-ingest", str(work[1]), "--out", str(out), "--partitions", "2",
                 "--pipeline", SPARK.pipeline]) == 0
    assert {t: parquet_rows(out, t) for t in before} == before
    assert f"read {len(before['sources'])} input articles" in capsys.readouterr().err
    assert spark.sparkContext._jsc is not None  # the module's session is still open


def test_pipeline_loads_once_per_process(spark, out):
    loads = spark.sparkContext.parallelize(range(8), 8).mapPartitions(worker.loads).collect()
    assert loads and all(sum(counts.values()) <= 1 for _, counts in loads)
    assert any(counts for _, counts in loads)


def test_parquet_input_gives_the_rows_of_the_same_json(spark, work, out):
    root, _ = work
    pdir = root / "parquet"
    pdir.mkdir()
    import pyarrow as pa

    objs = [_obj(a) for a in ARTICLES]
    pq.write_table(pa.Table.from_pylist(objs), pdir / "feed.parquet", row_group_size=3)
    (pdir / "_SUCCESS").write_bytes(b"")  # a writer's mark, not an input
    pout = root / "pout"
    spark_ingest([str(pdir)], str(pout), partitions=2, spark=spark, settings=SPARK,
                 split_bytes=1)  # a task per row group
    ids = {r[0] for r in duckdb.sql(f"SELECT id FROM read_parquet('{pout}/sources/*.parquet')").fetchall()}
    assert ids == {a[0] for a in ARTICLES}
    members = {r[0] for r in duckdb.sql(f"SELECT member FROM read_parquet('{pout}/sources/*.parquet')").fetchall()}
    assert members == {f"row={i}" for i in range(1, len(ARTICLES) + 1)}
    assert parquet_rows(pout, "events") == parquet_rows(out, "events")  # same texts, same events


def test_import_loads_a_database_equal_to_the_local_one(out, local_db, tmp_path):
    from newsledger.cli import main

    db = tmp_path / "imported.duckdb"
    assert main(["import", str(out), "--db", str(db)]) == 0
    import_dir(out, db)  # twice: nothing doubles
    with Store(db, read_only=True) as a, Store(local_db, read_only=True) as b:
        assert table_digest(a) == table_digest(b)


def test_import_refuses_an_unfinished_output(tmp_path):
    from newsledger.errors import InputError

    with pytest.raises(InputError):
        import_dir(tmp_path, tmp_path / "x.duckdb")


def test_dev_corpus_same_as_local_ingest(spark, tmp_path):
    dev = dev_corpus_or_skip()
    db = tmp_path / "dev.duckdb"
    ingest([dev], db, workers=0, progress=False, pipeline=LOCAL)
    spark_ingest([str(dev)], str(tmp_path / "out"), partitions=4, spark=spark, settings=SPARK)
    for table in TABLES:
        assert parquet_rows(tmp_path / "out", table) == store_rows(db, table), table


def test_remote_files_are_read_like_local_ones(work):
    """`binaryFiles` hands (URI, bytes): the same readers, the records named after the URI."""
    _, src = work
    path = src / "feed" / "day1.jsonl"
    uri = "hdfs://namenode/feeds/day1.jsonl"
    remote = [r for _, r in worker.read_blobs(9, [(uri, path.read_bytes())])]
    local = list(read_paths([path]))
    assert [(r.member, r.status, r.article) for r in remote] == [(r.member, r.status, r.article) for r in local]
    assert {r.path for r in remote} == {uri} and all(r.key.startswith(uri + "#") for r in remote)
    assert all(str(path.parent) not in (r.message or "") for r in remote)


@pytest.mark.parametrize("option", [["--partitions", "0"], ["--split-mb", "0"], ["--conf", "novalue"]])
def test_bad_options_are_usage_errors(work, tmp_path, capsys, option):
    from newsledger.cli import main

    assert main(["spark-ingest", str(work[1]), "--out", str(tmp_path / "o"), *option]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not (tmp_path / "o").exists()
