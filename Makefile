# Two commands set everything up on a fresh machine:
#   make dashboard   creates .venv, installs, runs the dashboard on targets.yaml
#   make test        creates .venv, installs, runs every test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
TARGETS ?= targets.yaml
PORT   ?= 8501

.PHONY: dashboard test check bench score mutate clean native

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# The extractor's core modules compiled with mypyc (native/build.py, which lists them and rebuilds only
# when one of them changed); extract/ runs them only while they match its sources, else as plain Python.
NATIVE := native/build/extract/SOURCES.json
$(NATIVE): $(VENV)/.installed native/build.py $(wildcard extract/*.py)
	$(PY) native/build.py

native: $(NATIVE)

dashboard: $(VENV)/.installed $(NATIVE)
	$(PY) -m streamlit run dashboard/app.py --server.port $(PORT) --server.headless true -- --targets $(TARGETS)

test: $(VENV)/.installed $(NATIVE)
	$(PY) -m tracker check $(TARGETS)
	$(PY) -m pytest -q

check: $(VENV)/.installed
	$(PY) -m tracker check $(TARGETS)

bench: $(VENV)/.installed $(NATIVE)
	$(PY) bench/extract_bench.py
	$(PY) bench/tracker_bench.py
	$(PY) bench/dashboard_bench.py
	$(PY) bench/corpus_bench.py

score: $(VENV)/.installed
	$(PY) ../shared/eval/score.py --gold ../shared/eval/gold-seeds.jsonl --docs ../shared/corpus --cmd "$(PY) -m extract" --show-errors

# Mutation testing, kept out of `make test` (hours on 2 cores): each entry of the vocabulary tables
# deleted in turn, then mutmut on each core module against its own tests (tests/mutation/).
# `make mutate MODULES=tracker/units.py` runs one module; results are kept in .mutate/ between runs.
MODULES ?=
mutate: $(VENV)/.installed
	$(PY) tests/mutation/vocab_deletion.py; words=$$?; $(PY) tests/mutation/mutate.py $(MODULES) && exit $$words

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .mutate native/build
