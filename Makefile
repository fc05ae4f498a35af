# Lernhafen — the two commands a newcomer needs are `make run` and `make test` (see README.md).
# Every target sets up what it needs; re-running is fast because installs are keyed on stamp files.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
PY_STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
CHROMIUM ?= /usr/bin/chromium
# Extra pytest arguments, e.g. PYTEST_ARGS='-m "not browser"' (CI runs the browser tests once).
PYTEST_ARGS ?=

.PHONY: run dev test lint format setup assets migrate seed static chromium bench bench-growth scale-out clean help

help:
	@echo "make run   – set up everything and serve the demo site on http://127.0.0.1:$(PORT)/"
	@echo "make dev   – the same with Django's autoreloading development server"
	@echo "make test  – set up and run lint, checks and the whole test suite"

$(PY_STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Lernhafen needs Python 3.11 or newer (found " + sys.version.split()[0] + ").")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
	touch $@

$(NPM_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 or newer (Debian: apt-get install nodejs npm)."; exit 1; }
	# --ignore-scripts: KERN's package carries maintainer-only install hooks; we only need its files.
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

var:
	mkdir -p var/media

# Subset fonts and KERN's CSS purged to the selectors we use, in var/build/ (never committed):
# cms/assets.py. The CSS follows every template, script and Python file (widget classes).
BUILD_DIR := var/build
FONTS_STAMP := $(BUILD_DIR)/.fonts-built
CSS_STAMP := $(BUILD_DIR)/.css-built
ASSET_SOURCES := $(shell find templates cms courses events learning -type f \
	\( -name '*.html' -o -name '*.js' -o -name '*.py' \) -not -path '*/migrations/*' 2>/dev/null)

$(FONTS_STAMP): cms/assets.py package-lock.json | $(PY_STAMP) $(NPM_STAMP)
	$(MANAGE) build_assets fonts
	touch $@

$(CSS_STAMP): purgecss.config.cjs package-lock.json $(ASSET_SOURCES) | $(PY_STAMP) $(NPM_STAMP)
	$(MANAGE) build_assets css
	touch $@

assets: $(FONTS_STAMP) $(CSS_STAMP)

setup: $(PY_STAMP) $(NPM_STAMP) var

migrate: setup assets
	$(MANAGE) migrate --noinput

seed: migrate
	$(MANAGE) seed_demo --admin-password-file var/admin-password

static: setup assets
	DJANGO_SETTINGS_MODULE=cms.settings.production LERNHAFEN_LOCAL_RUN=1 $(MANAGE) collectstatic --noinput --verbosity 0

# The access log leaves query strings and referrers out and masks tokens in paths
# (cms/access_log.py): cancel and confirmation links must not end up in a terminal or a file.
ACCESS_LOG := --access-logfile - --logger-class cms.access_log.AccessLogger \
	--access-logformat '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'

run: seed static
	@$(MANAGE) demo_logins --admin-password-file var/admin-password --base-url http://127.0.0.1:$(PORT)
	@[ -n "$$EMAIL_URL" ] || echo "Mails are written to var/mail/ (one file each), not to this terminal."
	@[ -n "$$REDIS_URL" ] || echo "Rate-limit counters are per process: set REDIS_URL to share them between workers."
	DJANGO_SETTINGS_MODULE=cms.settings.production LERNHAFEN_LOCAL_RUN=1 \
		$(BIN)/gunicorn cms.wsgi --bind 127.0.0.1:$(PORT) --workers 2 $(ACCESS_LOG)

dev: seed
	@$(MANAGE) demo_logins --admin-password-file var/admin-password --base-url http://127.0.0.1:$(PORT)
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(MANAGE) runserver 127.0.0.1:$(PORT)

chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Chromium at $(CHROMIUM): install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM=/path/to/chromium."; \
		exit 1; \
	fi

# First-party JavaScript only (vendor files come from node_modules); see eslint.config.mjs.
JS_SOURCES := cms/static courses/static events/static learning/static

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/lint-imports --no-cache
	node_modules/.bin/eslint --max-warnings 0 --no-error-on-unmatched-pattern $(JS_SOURCES)

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

test: setup assets chromium lint
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	CHROMIUM=$(CHROMIUM) $(BIN)/pytest $(PYTEST_ARGS)

# Page and static throughput, first/repeat visit bytes per page type (benchmarks/site_bench.py).
bench: seed static
	$(PY) benchmarks/site_bench.py

# A city after years of data (benchmarks/growth.py): builds 20,000 sessions and 200,000
# registrations in a throw-away PostgreSQL database and prints the median time and query count
# per page for the seeded and the large data set.
bench-growth: setup assets
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/lh_bench} $(PY) benchmarks/growth.py

# Two app servers on one PostgreSQL and Redis (benchmarks/scale_out.py; needs both running).
scale-out: setup assets
	$(PY) benchmarks/scale_out.py

clean:
	rm -rf $(VENV) node_modules var/static $(BUILD_DIR)
