# eventwire: `make run` installs into .venv and ingests the bundled samples into events.duckdb; `make test` runs the test suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test eval bench lint clean browser

VENDOR := src/eventwire/web/vendor

$(STAMP): pyproject.toml $(VENDOR)/package-lock.json
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip==26.3"
	$(PY) -m pip install --quiet -e ".[dev]"
	npm ci --prefix $(VENDOR) --no-audit --no-fund --silent
	touch $(STAMP)

install: $(STAMP)

run: install
	$(VENV)/bin/eventwire ingest --db events.duckdb samples
	$(VENV)/bin/eventwire dyads --db events.duckdb --top 10

test: install browser
	$(PY) -m pytest -q
	$(MAKE) --no-print-directory lint

lint: install
	$(VENV)/bin/ruff check src tests scripts benchmarks
	$(VENV)/bin/ruff format --check src tests scripts benchmarks
	$(VENV)/bin/mypy src

# Debian's chromium, for tests/test_browser.py (the dashboard in a real browser); needs root, as in CI.
browser:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y --no-install-recommends chromium)

eval: install
	$(PY) scripts/eval.py --check

bench: install
	$(PY) benchmarks/bench_code.py
	$(PY) benchmarks/bench_ingest.py
	$(PY) benchmarks/bench_cluster.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
