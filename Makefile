# fazhi: `make run` sets everything up and processes seeds/ into outputs/; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup run test test-fast lint bench train-ner report clean-outputs

# PYTHONWARNINGS=ignore: setuptools prints notices (not errors) on every editable install.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)
	$(BIN)/fazhi models fetch

run: setup
	$(BIN)/fazhi run seeds/ --out outputs/

test: setup
	$(BIN)/python -m pytest -q -n auto

test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check pipeline schemas tests training bench
	$(BIN)/lint-imports

bench: setup
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet -e '.[bench,dask]'
	$(BIN)/python bench/run.py

train-ner: setup
	$(BIN)/fazhi train ner --corpora ../shared/corpora

report: run
	$(BIN)/fazhi report outputs/ --out outputs/report.html

clean-outputs:
	rm -rf outputs/documents outputs/articles outputs/sentences outputs/entities outputs/metrics outputs/quarantine outputs/run.json outputs/.snapshots outputs/.current outputs/.fazhi outputs/.staging
