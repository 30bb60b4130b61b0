# `make run` and `make test` do all the set-up on a fresh clone (README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench clean

$(STAMP): requirements.txt requirements-solver.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q "pip<26.3"
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python scripts/run_local.py

test: $(STAMP)
	$(BIN)/python -m pytest -n auto -q

bench: $(STAMP)
	$(BIN)/python bench/ddb_calls.py
	$(BIN)/python bench/cold_import.py
	$(BIN)/python bench/solve_overhead.py
	$(BIN)/python bench/version_calls.py
	$(BIN)/python bench/templates.py

clean:
	rm -rf $(VENV) .pytest_cache
