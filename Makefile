# Two commands set everything up on a fresh machine:
#   make dashboard   creates .venv, installs, runs the dashboard on targets.yaml
#   make test        creates .venv, installs, runs every test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
TARGETS ?= targets.yaml
PORT   ?= 8501

.PHONY: dashboard test check bench score clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

dashboard: $(VENV)/.installed
	$(PY) -m streamlit run dashboard/app.py --server.port $(PORT) --server.headless true -- --targets $(TARGETS)

test: $(VENV)/.installed
	$(PY) -m tracker check $(TARGETS)
	$(PY) -m pytest -q

check: $(VENV)/.installed
	$(PY) -m tracker check $(TARGETS)

bench: $(VENV)/.installed
	$(PY) bench/extract_bench.py
	$(PY) bench/tracker_bench.py
	$(PY) bench/dashboard_bench.py
	$(PY) bench/corpus_bench.py

score: $(VENV)/.installed
	$(PY) ../shared/eval/score.py --gold ../shared/eval/gold-seeds.jsonl --docs ../shared/corpus --cmd "$(PY) -m extract" --show-errors

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
