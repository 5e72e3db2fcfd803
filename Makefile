# The two commands of the README: `make run` and `make test`. Both start from a fresh clone.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= data/kancil.duckdb
PORT ?= 8501

.PHONY: run test lint unit e2e bench demo clean fuzz

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

unit: $(VENV)/.installed
	$(BIN)/python -m pytest -q

test: lint unit

# The fuzz suite of the ingester (tests/test_fuzz_ingest.py) with many more examples than `make test` runs.
FUZZ_EXAMPLES ?= 1000
fuzz: $(VENV)/.installed
	KANCIL_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q tests/test_fuzz_ingest.py

bench: $(VENV)/.installed
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
