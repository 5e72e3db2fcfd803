# The two commands of the README: `make run` and `make test`. Both start from a fresh clone.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= data/kancil.duckdb
PORT ?= 8501
# The browser tests' Chromium (tests/e2e_support.py, kancil/config.py): Debian's, or KANCIL_CHROMIUM.
CHROMIUM_BIN ?= $(or $(KANCIL_CHROMIUM),/usr/bin/chromium)
APT_GET ?= apt-get
NO_CHROMIUM = make test: Chromium not found at $(CHROMIUM_BIN); the browser tests need Debian's Chromium. \
Install it with 'sudo apt-get install chromium' (make test does this itself when run as root with apt-get), or set \
KANCIL_CHROMIUM to a Chromium binary. To skip the browser tests on purpose: SKIP_BROWSER=1 make test

.PHONY: run test lint chromium unit e2e bench demo clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

$(DB): | $(VENV)/.installed
	$(BIN)/python -m kancil demo --db $(DB)

demo: $(VENV)/.installed
	rm -f $(DB) $(DB).wal $(DB).version
	$(BIN)/python -m kancil demo --db $(DB)

run: $(VENV)/.installed $(DB)
	$(BIN)/streamlit run app.py --server.port $(PORT)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/sqlfluff lint queries --disable-progress-bar --nocolor

# Honest test runs: the browser tests run, or make test fails and says how to get Chromium; only SKIP_BROWSER=1
# skips them, and pytest's summary then says "browser tests SKIPPED by SKIP_BROWSER=1" (tests/conftest.py).
chromium:
	@if [ -n "$(SKIP_BROWSER)" ] && [ "$(SKIP_BROWSER)" != "0" ]; then \
	  echo "SKIP_BROWSER=$(SKIP_BROWSER): the browser tests will be skipped"; \
	elif [ -x "$(CHROMIUM_BIN)" ]; then :; \
	elif [ -z "$(KANCIL_CHROMIUM)" ] && [ "$$(id -u)" = 0 ] && command -v $(APT_GET) >/dev/null 2>&1; then \
	  echo "make test: installing Debian's Chromium for the browser tests ($(APT_GET) install chromium)"; \
	  $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq chromium >/dev/null; \
	  [ -x "$(CHROMIUM_BIN)" ] || { echo "$(NO_CHROMIUM)" >&2; exit 1; }; \
	else \
	  echo "$(NO_CHROMIUM)" >&2; exit 1; \
	fi

unit: $(VENV)/.installed
	$(BIN)/python -m pytest -q

test: lint chromium unit

bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
