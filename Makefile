# Igren CMS — `make run` serves the demo site, `make test` runs every check. `make help` lists all.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DEV_SETTINGS := igren_site.settings.dev
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install tools run test lint format schema messages bench clean dist host-test matrix matrix-full mutation production-test frontend

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[site,test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the package with its test extras

# Outside tools the tests drive: Node packages (graphql-http audit, ical.js, playwright-core),
# Debian's Chromium with CJK fonts, and Debian's Caddy and Varnish (the production topology).
# Each step is skipped where its installer is missing;
# the tests that need a tool then skip, or fail when IGREN_REQUIRE_TOOLS=1 (as in CI).
JS_STAMP := tests/js/node_modules/.installed-$(shell cksum < tests/js/package-lock.json | cut -d' ' -f1)
DEBIAN_PACKAGES := chromium fonts-noto-cjk caddy varnish

$(JS_STAMP): tests/js/package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --prefix tests/js --no-audit --no-fund --loglevel=error && \
	  rm -f tests/js/node_modules/.installed-* && touch $(JS_STAMP); \
	else echo "npm not found: the Node-driven tests will skip"; fi

FRONTEND_STAMP := examples/frontend/node_modules/.installed-$(shell cksum < examples/frontend/package-lock.json | cut -d' ' -f1)

$(FRONTEND_STAMP): examples/frontend/package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --prefix examples/frontend --no-audit --no-fund --loglevel=error && \
	  rm -f examples/frontend/node_modules/.installed-* && touch $(FRONTEND_STAMP); \
	else echo "npm not found: the starter frontend's test will skip"; fi

frontend: $(FRONTEND_STAMP) ## Build the starter frontend (examples/frontend); IGREN_API=…/graphql/ types it from a live API
	cd examples/frontend && ASTRO_TELEMETRY_DISABLED=1 npm run build

tools: $(JS_STAMP) $(FRONTEND_STAMP) ## Install the Node test packages and Debian's Chromium (when apt-get can)
	@if command -v chromium >/dev/null && fc-list :lang=ja | grep -q . && \
	  command -v caddy >/dev/null && { command -v varnishd || test -x /usr/sbin/varnishd; } >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(DEBIAN_PACKAGES) >/dev/null || \
	  { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(DEBIAN_PACKAGES) >/dev/null; }; \
	else echo "chromium/caddy/varnish not installed and apt-get not usable: their tests will skip"; fi

run: install ## Migrate, load the Igren demo, create a local admin and serve on http://127.0.0.1:8000/
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(BIN)/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(BIN)/python manage.py load_igren_demo
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(BIN)/python manage.py ensure_local_admin
	@echo "igren_worker runs beside the server: scheduled pages publish within 30 s of their time"
	DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(BIN)/python manage.py igren_worker & \
	  worker=$$!; trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	  DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install tools ## ruff, Django checks, migrations check, pytest on SQLite and on PostgreSQL
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	DJANGO_SETTINGS_MODULE=igren_site.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=igren_site.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	@echo "=== pytest on SQLite ==="
	env -u DATABASE_URL $(BIN)/python -m pytest $(PYTEST_ARGS)
	@echo "=== pytest on PostgreSQL ==="
	$(BIN)/python scripts/with_postgres.py $(BIN)/python -m pytest $(PYTEST_ARGS)
	$(MAKE) --no-print-directory production-test dist host-test matrix

production-test: install tools ## The production topology: Caddy → Varnish → gunicorn, worker, Redis, PostgreSQL
	@echo "=== the production topology (Debian's Caddy and Varnish) ==="
	$(BIN)/python scripts/with_postgres.py $(BIN)/python -m pytest -m production tests/production $(PYTEST_ARGS)

dist: install ## Build the sdist and wheel into dist/ and check them (twine, check-wheel-contents)
	rm -rf dist build
	$(BIN)/python -m build --outdir dist . >/dev/null
	$(BIN)/twine check --strict dist/*
	$(BIN)/check-wheel-contents dist/*.whl

host-test: install ## Install the wheel into a fresh `wagtail start` site (root and /igren/ prefix)
	@echo "=== the wheel in a new Wagtail site ==="
	$(BIN)/python -m pytest -m host_install tests/install

# Interpreters of the matrix: pyenv's when installed, else whatever python3.1x is on PATH.
MATRIX_PATH := $(subst $(eval) ,:,$(wildcard $(HOME)/.pyenv/versions/3.1[123].*/bin))
matrix: install ## Smoke tests on SQLite for every declared Python x Django pair (nox)
	@echo "=== compatibility matrix (smoke) ==="
	PATH="$(MATRIX_PATH):$$PATH" $(BIN)/nox --no-color

matrix-full: install ## The whole suite on SQLite for every declared Python x Django pair
	PATH="$(MATRIX_PATH):$$PATH" $(BIN)/nox --no-color -- tests

lint: install ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

schema: install ## Regenerate schema.graphql from the running schema
	DJANGO_SETTINGS_MODULE=igren_site.settings.test $(BIN)/python manage.py export_schema

messages: install ## Refresh and compile the Japanese translations (needs GNU gettext)
	for app in pages snippets igren_cms; do \
	  (cd $$app && DJANGO_SETTINGS_MODULE=$(DEV_SETTINGS) ../$(BIN)/python ../manage.py makemessages -l ja --no-location --no-obsolete); \
	done
	$(BIN)/python scripts/ja_translations.py
	# Wagtail's strings its own Japanese catalogue leaves in English (igren_cms/locale/ja/supplement).
	msgcat --use-first igren_cms/locale/ja/LC_MESSAGES/django.po \
	  igren_cms/locale/ja/supplement/wagtail-django.po \
	  igren_cms/locale/ja/supplement/wagtail-localize-django.po \
	  -o igren_cms/locale/ja/LC_MESSAGES/django.po
	mkdir -p igren_cms/jslocale/ja/LC_MESSAGES
	{ echo "# Generated by make messages from igren_cms/locale/ja/supplement/wagtail*-djangojs.po."; \
	  msgcat --use-first igren_cms/locale/ja/supplement/wagtail-djangojs.po \
	    igren_cms/locale/ja/supplement/wagtail-localize-djangojs.po; } \
	  > igren_cms/jslocale/ja/LC_MESSAGES/djangojs.po
	for app in pages snippets igren_cms; do (cd $$app && ../$(BIN)/django-admin compilemessages); done
	msgfmt -c -o igren_cms/jslocale/ja/LC_MESSAGES/djangojs.mo igren_cms/jslocale/ja/LC_MESSAGES/djangojs.po

clean: ## Remove the virtualenv and local databases
	rm -rf $(VENV) igren.sqlite3 test-igren.sqlite3 .pytest_cache .hypothesis tests/js/node_modules

# On PostgreSQL (scratch databases igren_bench*, made and dropped by each script; DATABASE_URL
# names another server or database name) and Redis db 10 for the HTTP part. wrk comes from
# Debian's packages; without it the HTTP part says so and is skipped.
mutation: install ## Mutation testing (cosmic-ray) of the event domain and feed writers, ~40 min
	bash scripts/mutation.sh

bench: install tools ## Ratios: in-process latency, 1,000 vs 100,000 events, gunicorn+wrk req/s, the edge, hostile load
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; } || \
	  echo "wrk not installed and apt-get not usable: the HTTP bench will be skipped"
	$(BIN)/python bench/run.py
	$(BIN)/python bench/scale.py
	$(BIN)/python bench/http_load.py
	$(BIN)/python bench/edge_load.py
	$(BIN)/python bench/hostile_load.py
