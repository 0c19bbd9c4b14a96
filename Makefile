# The short breaks portal. `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Local development runs with DEBUG on; production never does (see .env.example).
DEV_ENV := DEBUG=true
PG_URL ?= postgres://postgres@127.0.0.1:5432/shortbreaks
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTEST_ARGS ?=

.PHONY: help
help: ## List the targets
	@grep -E '^[a-z][a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sort \
	  | awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}'

# ---------------------------------------------------------------------------- install

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "Python 3.11 or newer is needed: set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

static/build/.built: node_modules/.installed $(wildcard static/scss/*.scss)
	npm run --silent build
	@touch $@

.PHONY: install
install: $(VENV)/.installed static/build/.built ## Install Python and npm dependencies and build the assets

# ---------------------------------------------------------------------------- run

.PHONY: migrate
migrate: install ## Apply database migrations
	$(DEV_ENV) $(MANAGE) migrate --no-input

.PHONY: seed
seed: migrate ## Load the demo council (idempotent)
	$(DEV_ENV) $(MANAGE) seed_demo

.PHONY: run
run: seed ## Install, migrate, load the demo council and serve on http://127.0.0.1:8000
	$(DEV_ENV) $(MANAGE) runserver 127.0.0.1:8000

# ---------------------------------------------------------------------------- test

.PHONY: test
test: install ## Run the whole suite on SQLite (browser tests skip if Chromium is missing)
	$(BIN)/pytest $(PYTEST_ARGS)

.PHONY: test-sqlite
test-sqlite: install ## Run the suite, without the browser and production tests, on SQLite
	$(BIN)/pytest -m "not browser and not production" -n 2 $(PYTEST_ARGS)

.PHONY: postgres
postgres: ## Start the local PostgreSQL server if it is down and create the database
	@pg_isready -q -h 127.0.0.1 -p 5432 \
	  || $(SUDO) pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in $$(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
	@psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'shortbreaks'" \
	  | grep -q 1 || createdb -h 127.0.0.1 -U postgres shortbreaks

.PHONY: test-postgres
test-postgres: install postgres ## Run the suite, without the browser and production tests, on PostgreSQL
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -m "not browser and not production" -n 2 $(PYTEST_ARGS)

.PHONY: chromium
chromium: ## Install Debian's Chromium for the browser tests if it is missing
	@command -v chromium >/dev/null \
	  || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

.PHONY: test-browser
test-browser: install chromium postgres ## Run the browser and accessibility tests (they must run, not skip)
	BROWSER_TESTS_REQUIRED=1 DATABASE_URL=$(PG_URL) $(BIN)/pytest -m browser -n 2 $(PYTEST_ARGS)

# Debian's nginx package is the plain server (nginx-light only adds the echo module). Where
# services may start (no policy-rc.d), the package starts a system nginx on port 80; the
# tests run their own nginx on a free port, so that one does them no harm.
.PHONY: nginx
nginx: ## Install Debian's nginx for the production tests if it is missing
	@command -v nginx >/dev/null \
	  || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx; }

.PHONY: test-production
test-production: install nginx postgres ## The slow-client and oversize-request tests against the production set-up (nginx in front of gunicorn)
	PRODUCTION_TESTS_REQUIRED=1 $(BIN)/pytest -m production $(PYTEST_ARGS)

# ---------------------------------------------------------------------------- benchmarks

BENCH_ENV := DJANGO_SETTINGS_MODULE=portal.settings.test

.PHONY: bench
bench: install postgres ## Time searches, the checker, the open data, the back office and the reports on SQLite and PostgreSQL
	$(BENCH_ENV) $(MANAGE) bench_directory
	$(BENCH_ENV) DATABASE_URL=$(PG_URL) $(MANAGE) bench_directory
	$(BENCH_ENV) $(MANAGE) bench_openreferral
	$(BENCH_ENV) DATABASE_URL=$(PG_URL) $(MANAGE) bench_openreferral
	$(BENCH_ENV) $(MANAGE) bench_eligibility
	$(BENCH_ENV) DATABASE_URL=$(PG_URL) $(MANAGE) bench_eligibility
	$(BENCH_ENV) $(MANAGE) bench_back_office
	$(BENCH_ENV) DATABASE_URL=$(PG_URL) $(MANAGE) bench_back_office
	$(BENCH_ENV) $(MANAGE) bench_reports
	$(BENCH_ENV) DATABASE_URL=$(PG_URL) $(MANAGE) bench_reports

# ---------------------------------------------------------------------------- quality

.PHONY: lint
lint: install ## Check the code with ruff (lint and format)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

.PHONY: format
format: install ## Format the code and fix what ruff can
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

.PHONY: check
check: install ## Django's system checks and a check for missing migrations
	$(DEV_ENV) $(MANAGE) check
	$(DEV_ENV) $(MANAGE) makemigrations --check --dry-run

ELIGIBILITY_CASES := fixtures/eligibility/west-sussex-style-cases.yaml

.PHONY: eligibility-cases
eligibility-cases: install ## Run the demo council's eligibility case file through the engine
	$(DEV_ENV) $(MANAGE) check_eligibility_cases $(ELIGIBILITY_CASES)

.PHONY: ci
ci: lint check eligibility-cases test-sqlite test-postgres test-browser test-production ## Everything CI runs: lint, checks, both databases, browsers, the production set-up

.PHONY: clean
clean: ## Remove the virtualenv, node_modules, built assets and the SQLite database
	rm -rf $(VENV) node_modules static/build staticfiles db.sqlite3
