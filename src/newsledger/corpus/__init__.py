"""Many articles: readers, the parallel ingest, the DuckDB store, merging, exports."""
