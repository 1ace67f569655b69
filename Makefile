# Two entry points (README): `make run` and `make test`. Everything else is a step of those.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | sha1sum | cut -c1-12)
# Debian packages: gettext compiles catalogues; Noto fonts print every script; libicu-dev builds
# PyICU (bidi, line breaking); poppler-utils and zbar-tools let the tests read PDFs and QR codes;
# espeak-ng and lame make the demo's computer-voice recordings; chromium runs the browser tests;
# wrk drives the bench's page load and Pango is WeasyPrint's, the bench's baseline (bench/);
# redis-server is `make cluster`'s private Redis.
DEBIAN_PACKAGES := gettext fonts-noto-core libicu-dev pkg-config poppler-utils zbar-tools chromium \
	espeak-ng lame wrk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 redis-server

.PHONY: run test system venv messages catalogues lint format clean

run: venv messages
	DEBUG=1 $(BIN)/python manage.py migrate --noinput -v0
	DEBUG=1 $(BIN)/python manage.py load_demo
	@echo ""
	@echo "  Public site:  http://127.0.0.1:8000/   (Arabic: /ar/, Tigrinya: /ti/)"
	@echo "  Admin:        http://127.0.0.1:8000/admin/   (demo logins above)"
	@echo ""
	DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

test: venv messages
	$(BIN)/pytest $(PYTEST_ARGS)

system:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "Please install these Debian packages first:$$missing" >&2; exit 1; fi; \
	fi

$(STAMP): pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is needed" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
	rm -f $(VENV)/.installed-* && touch $@

venv: system $(STAMP)

messages: venv
	$(BIN)/python manage.py compilemessages --ignore=.venv --verbosity 0

# After changing user-visible strings: update every registry language's catalogue.
catalogues: venv
	$(BIN)/python manage.py makemessages --ignore=.venv --ignore=var --no-obsolete \
	  $$($(BIN)/python -c "from languages import codes; from django.utils.translation import to_locale; print(' '.join('-l ' + to_locale(c) for c in codes()))")

lint: venv
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports

format: venv
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

clean:
	rm -rf $(VENV) var

# Benchmarks ([B], docs/performance.md): `make bench` is the full run; pass BENCH_ARGS="--quick
# --json bench.json" for the short one. Its tools come with the dev set-up (pyproject, Makefile).
.PHONY: bench
bench: venv
	$(BIN)/python -m bench $(BENCH_ARGS)

# Several nodes on one machine (docs/operations.md): two app servers, two workers, PostgreSQL
# (a database of its own, dropped after), a private Redis and an S3 server (moto), on loopback.
# `cluster` stays until Ctrl-C; `cluster-test` runs the scenarios and exits 0 when all hold.
# Both stop everything they started, whatever happens. redis-server: Debian's redis-server.
.PHONY: cluster cluster-test
cluster: venv messages
	$(BIN)/python -m ops.cluster

cluster-test: venv messages
	$(BIN)/python -m ops.cluster --test
