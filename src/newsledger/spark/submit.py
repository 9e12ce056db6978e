"""The script to give `spark-submit` (absolute imports: spark-submit runs it as a file):

    spark-submit --py-files newsledger.zip …/newsledger/spark/submit.py INPUT… --out DIR

The arguments are those of `newsledger spark-ingest`; the master comes from spark-submit."""
import sys

from newsledger.cli import main

if __name__ == "__main__":
    sys.exit(main(["spark-ingest", *sys.argv[1:]]))
