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

# Python packages come from the lock file, each checked against its hash, so every machine gets
# the same versions; `make lock` writes the lock files from pyproject.toml.
$(VENV)/.installed: pyproject.toml requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

static/build/.built: node_modules/.installed $(wildcard static/scss/*.scss)
	npm run --silent build
	@touch $@

.PHONY: install
install: $(VENV)/.installed static/build/.built ## Install Python and npm dependencies and build the assets

LOCK := $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
	--quiet --custom-compile-command "make lock"

.PHONY: lock
lock: $(VENV)/.installed ## Write the lock files after a change to pyproject.toml's dependencies (UPGRADE=1: newest versions too)
	$(LOCK) $(if $(UPGRADE),--upgrade) -o requirements.txt
	$(LOCK) $(if $(UPGRADE),--upgrade) --extra dev -o requirements-dev.txt

.PHONY: lock-check
lock-check: $(VENV)/.installed ## Check that the lock files still match pyproject.toml
	@tmp=$$(mktemp -d) && trap 'rm -rf $$tmp' EXIT \
	  && cp requirements.txt requirements-dev.txt $$tmp/ \
	  && $(LOCK) -o $$tmp/requirements.txt && $(LOCK) --extra dev -o $$tmp/requirements-dev.txt \
	  && diff -u requirements.txt $$tmp/requirements.txt \
	  && diff -u requirements-dev.txt $$tmp/requirements-dev.txt \
	  || { echo "The lock files do not match pyproject.toml: run make lock and commit them."; exit 1; }

# ---------------------------------------------------------------------------- run

.PHONY: migrate
migrate: install ## Apply database migrations
	$(DEV_ENV) $(MANAGE) migrate --no-input

.PHONY: seed
seed: migrate ## Load the demo council (idempotent)
	$(DEV_ENV) $(MANAGE) seed_demo

.PHONY: run
run: seed ## Install, migrate, load the demo council and serve on http://127.0.0.1:8000 (with a task worker beside it)
	$(DEV_ENV) $(MANAGE) db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(DEV_ENV) $(MANAGE) runserver 127.0.0.1:8000

# ---------------------------------------------------------------------------- test

# `make test` is the whole suite, and `make ci` runs exactly it (with the browser and production
# tests required to run), then the suite again on PostgreSQL. Two processes; the production
# tests share one server, so they stay in one (their xdist_group).
.PHONY: test
test: install ## Run the whole suite on SQLite (browser tests skip without Chromium, production tests without nginx)
	$(BIN)/pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

.PHONY: postgres
postgres: ## Start the local PostgreSQL server if it is down and create the database
	@pg_isready -q -h 127.0.0.1 -p 5432 \
	  || $(SUDO) pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in $$(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
	@psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'shortbreaks'" \
	  | grep -q 1 || createdb -h 127.0.0.1 -U postgres shortbreaks

.PHONY: test-postgres
test-postgres: install postgres ## Run the suite on PostgreSQL (all but the browser and production tests, which make test runs)
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -m "not browser and not production" -n 2 $(PYTEST_ARGS)

.PHONY: chromium
chromium: ## Install Debian's Chromium for the browser tests if it is missing
	@command -v chromium >/dev/null \
	  || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

.PHONY: test-browser
test-browser: install chromium ## Run only the browser and accessibility tests (they must run, not skip)
	BROWSER_TESTS_REQUIRED=1 $(BIN)/pytest -m browser -n 2 $(PYTEST_ARGS)

# Debian's nginx package is the plain server (nginx-light only adds the echo module). Where
# services may start (no policy-rc.d), the package starts a system nginx on port 80; the
# tests run their own nginx on a free port, so that one does them no harm.
.PHONY: nginx
nginx: ## Install Debian's nginx for the production tests if it is missing
	@command -v nginx >/dev/null \
	  || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx; }

.PHONY: test-production
test-production: install nginx ## The slow-client and oversize-request tests against the production set-up (nginx in front of gunicorn)
	PRODUCTION_TESTS_REQUIRED=1 $(BIN)/pytest -m production $(PYTEST_ARGS)

# ---------------------------------------------------------------------------- benchmarks

BENCH_ENV := DJANGO_SETTINGS_MODULE=portal.settings.test

.PHONY: bench
bench: install postgres ## Time searches, the checker, the open data, the back office, the reports and a 10,000-row import on SQLite and PostgreSQL
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
	$(BENCH_ENV) $(MANAGE) bench_imports
	$(BENCH_ENV) DATABASE_URL=$(PG_URL) $(MANAGE) bench_imports

.PHONY: bench-places
bench-places: install postgres ## Time the places page (10,000 services, 1,000 places) and send_place_alerts (10,000 alerts against 1,000 new places) on SQLite and PostgreSQL
	$(BENCH_ENV) $(MANAGE) bench_places_now
	$(BENCH_ENV) DATABASE_URL=$(PG_URL) $(MANAGE) bench_places_now

# Debian's wrk 4.1, the HTTP load generator of make bench-http.
.PHONY: wrk
wrk: ## Install Debian's wrk for the HTTP benchmark if it is missing
	@command -v wrk >/dev/null \
	  || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk; }

# make bench-http SERVICES=100000 DB=postgresql; without DB, SQLite and then PostgreSQL.
SERVICES ?= 10000
BENCH_HTTP_DBS := $(or $(DB),sqlite postgresql)

.PHONY: bench-http
bench-http: install nginx wrk $(if $(filter postgresql,$(BENCH_HTTP_DBS)),postgres) ## Load nginx and gunicorn with wrk: requests/s, p50, p95, p99 of each page against /health (SERVICES=10000, DB=sqlite or postgresql; both without DB)
	@$(if $(filter-out sqlite postgresql,$(BENCH_HTTP_DBS)),echo "DB must be sqlite or postgresql"; exit 1)
	$(if $(filter sqlite,$(BENCH_HTTP_DBS)),$(BENCH_ENV) $(MANAGE) bench_http --services $(SERVICES))
	$(if $(filter postgresql,$(BENCH_HTTP_DBS)),$(BENCH_ENV) DATABASE_URL=$(PG_URL) $(MANAGE) bench_http --services $(SERVICES))

# ---------------------------------------------------------------------------- quality

.PHONY: lint
lint: install ## Check the code with ruff (lint and format) and the import contracts (import-linter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

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
ci: lint check lock-check eligibility-cases chromium nginx ## Everything CI runs: lint, checks, make test with every test required, then PostgreSQL
	BROWSER_TESTS_REQUIRED=1 PRODUCTION_TESTS_REQUIRED=1 $(MAKE) test
	$(MAKE) test-postgres

.PHONY: clean
clean: ## Remove the virtualenv, node_modules, built assets and the SQLite database
	rm -rf $(VENV) node_modules static/build staticfiles db.sqlite3
