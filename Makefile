# riskreg: `make run` to try it, `make test` to test it. Both create .venv when it is missing.

# The machine's python3 when it is 3.11 or newer, else the newest python3.1x that runs (a pyenv
# shim can exist and not run).
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python3.11; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { echo $$p; exit; }; \
	done; echo python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000

.PHONY: run serve test lint bench bench-data clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 || { \
		echo "riskreg needs Python 3.11 or newer, which '$(PYTHON)' is not ($$($(PYTHON) --version 2>&1 | head -n 1))."; \
		echo "Install 3.11, 3.12 or 3.13, or name one: make PYTHON=/path/to/python3.12 ..."; \
		exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

## Migrate the SQLite database in var/, load the demo council, serve on http://127.0.0.1:8000
run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "Serving on http://$(HOST)/ (Ctrl+C to stop)"
	$(BIN)/python manage.py runserver $(HOST)

## Production serving: gunicorn (2 x cores + 1 workers), WhiteNoise, PostgreSQL, `check --deploy`
## clean. Settings from the environment (README, Deployment); DEMO=1 loads the demo council.
## Reminders: run `manage.py send_reminders` once a day beside it, from cron or a systemd timer
## (README, Deployment, Reminders); it is safe to run twice and retries failed emails.
serve: $(STAMP)
	bin/serve

## The whole test suite (browser tests included), on SQLite or on $$DATABASE_URL, in parallel: one
## worker a core (PYTEST_WORKERS=auto), each with its own test database and browser.
## PYTEST_WORKERS=3 sets the number; PYTEST_WORKERS=0 runs it in this one process (as
## `.venv/bin/pytest` does), for --pdb or to read a failure's output in order.
PYTEST_WORKERS ?= auto
test: $(STAMP)
	$(BIN)/pytest -n $(PYTEST_WORKERS)

## Ruff lint and format checks, and the layers of the apps (import-linter, pyproject.toml)
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

## Page, load and PDF benchmarks over 10,000 risks on SQLite and PostgreSQL, one table (not in test;
## knobs: BENCH_DURATION, BENCH_REQUESTS, BENCH_RUNS... see bench/run.py)
bench: $(STAMP)
	@command -v wrk >/dev/null || { echo "make bench needs wrk for the load runs: apt-get install wrk"; exit 1; }
	$(BIN)/python bench/run.py

## A 10,000-risk organisation for benchmarks, in the current database
bench-data: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py generate_bench_data --risks 10000 --replace

clean:
	rm -rf $(VENV) var staticfiles
