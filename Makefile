# CHM Commons. `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
INBOUND_PORT ?= 8025
HOST ?= 127.0.0.1

.DEFAULT_GOAL := help
.PHONY: help install install-dev run migrate seed test lint format bench messages \
	compile-messages clean screenshots

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Create .venv and install the pinned requirements

install-dev: $(VENV)/.installed-dev ## Install the development requirements too

migrate: install ## Apply database migrations
	$(BIN)/python manage.py migrate --noinput

seed: migrate ## Load the demo data (idempotent)
	$(BIN)/python manage.py seed_demo

export CHM_BASE_URL ?= http://$(HOST):$(PORT)

run: seed ## Install, migrate, load demo data and serve on http://$(HOST):$(PORT)
	@# Once the server is up, harvest the demo national feeds it serves itself.
	@(sleep 6; $(BIN)/python manage.py harvest_feeds >/dev/null 2>&1) &
	@# Every country's space is also a site of its own (national/middleware.py).
	@echo "National sites: http://bj.$${CHM_NATIONAL_DOMAIN:-localhost}:$(PORT)/ http://ke.$${CHM_NATIONAL_DOMAIN:-localhost}:$(PORT)/"
	@# Email in (replies to notification emails, topics by email) on a loopback
	@# SMTP port, stopped with the web server.
	@echo "Email in: SMTP on $(HOST):$(INBOUND_PORT) for reply+<token>@localhost and <forum>@localhost"
	@$(BIN)/python manage.py inbound_mail --host $(HOST) --port $(INBOUND_PORT) & \
		trap "kill $$! 2>/dev/null" EXIT INT TERM; \
		$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Test processes (pytest-xdist), each with its own test database and Redis
# database; TEST_WORKERS=0 runs in this process alone.
TEST_WORKERS ?= 2

test: install-dev ## Install the dev requirements and run the whole test suite
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: install-dev ## Check style, common mistakes (ruff) and the floors (import-linter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install-dev ## Reformat the code (ruff)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install-dev ## Run the benchmarks under bench/ and print their figures
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk) || echo "wrk is missing: bench_load.py will say so"
	@command -v nginx >/dev/null || (apt-get update -qq && apt-get install -y -qq nginx-light) || echo "nginx is missing: bench_load.py will say so"
	@for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

screenshots: install-dev ## Full-page PNGs of every page type, 390 and 1366 px, en and ar (LANGS=...), into screenshots/
	$(BIN)/python tests/e2e/screenshots.py

# The five catalogues beside the English source, and what is not project code.
LOCALES := fr es ar ru zh_Hans
MESSAGES_IGNORE := --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=bench \
	--ignore=node_modules --ignore=media --ignore=screenshots
MESSAGES_LOCALES := $(addprefix --locale=,$(LOCALES))

messages: install-dev ## Extract every msgid (django + djangojs) and compile the catalogues
	$(BIN)/python manage.py makemessages --domain=django $(MESSAGES_LOCALES) \
		$(MESSAGES_IGNORE) --no-obsolete
	$(BIN)/python manage.py makemessages --domain=djangojs $(MESSAGES_LOCALES) \
		$(MESSAGES_IGNORE) --no-obsolete
	$(MAKE) compile-messages

compile-messages: ## Compile the .po catalogues to .mo (msgfmt --check-format: fails on a bad placeholder)
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=staticfiles

clean: ## Remove the virtualenv, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles
