"""newsledger on Apache Spark (`pip install newsledger[spark]`): `spark-ingest` extracts
ledgers on the executors through the same function as local `ingest` (corpus/rows.py), merges
incidents by the same rules (corpus/merge.py, one block of country × dates at a time), and
writes Parquet datasets that `newsledger import` loads into a local corpus database.

Modules: job.py (the driver: read, extract, merge, write), worker.py (what runs on the
executors), blocks.py (blocking the merge), schema.py (Arrow schemas → Spark schemas),
importer.py (Parquet datasets → DuckDB; needs no Spark), cli.py (the two commands).
"""
