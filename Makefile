# The front door. Every target creates .venv on first use.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SHARED  ?= ../shared/data

.PHONY: run test quick lint fuzz bench fooddb intake-sd clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## the main job: the web app in your browser (twitchcheck serve; Ctrl-C stops it)
	$(BIN)/twitchcheck serve

test: lint  ## ruff, mypy and the whole test suite
	$(BIN)/pytest

# The fast tier keeps bytecode and pytest's rewritten test modules in __pycache__ between
# runs even where the shell sets PYTHONDONTWRITEBYTECODE (recompiling them cost each worker
# ~6 s CPU of its collection), and leaves out two plugins whose only users are slow tests it
# skips: schemathesis's (tests/web/test_web_schema.py, not even collected: conftest.py) and
# playwright's (tests/browser; loading it cost each process ~1 s CPU).
quick: lint  ## the fast tier while developing: everything but the slow rebuilds, wheel install and browsers
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/pytest --quick -q -n auto -p no:schemathesis -p no:playwright

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

fuzz: $(STAMP)  ## the fuzz suite at length: many more hypothesis examples, every corpus file in every reader
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest tests/fuzz

bench: $(STAMP)  ## performance figures (not part of the tests)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/diary_bench.py
	$(BIN)/python bench/cold_start.py
	$(BIN)/python bench/api_load.py  # loopback only, 10 s per run

fooddb: $(STAMP)  ## rebuild the packaged food database from the USDA releases
	$(BIN)/python tools/build_fooddb.py --source $(SHARED) --out src/twitchcheck/data/foods.sqlite

intake-sd: $(STAMP)  ## rebuild the packaged intake SD table from NHANES 2017-2018
	$(BIN)/python tools/build_intake_sd.py --source $(SHARED)/nhanes --out src/twitchcheck/data/intake_sd.csv

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
