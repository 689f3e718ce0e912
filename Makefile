# Rasd: `make run` sets everything up and codes the demo corpus; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
STAMP  := $(VENV)/.installed

.PHONY: run test test-compiled bench evaluate install compiled clean

# The development install is editable and pure Python (RASD_COMPILE=0): an extension module
# beside its .py would shadow every later edit of it. setuptools and mypy are installed here so
# that the compiled build below needs nothing more.
$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip 'setuptools>=77' wheel
	RASD_COMPILE=0 $(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# What `pip install .` gives users: the hot modules compiled with mypyc (setup.py), installed
# beside the venv and put first on PYTHONPATH by `make bench` and `make test-compiled`.
COMPILED := $(VENV)/compiled
SOURCES  := $(shell find src -name '*.py' -o -name '*.json' -o -name '*.jsonl' -o -name '*.tsv')
$(COMPILED)/.built: $(STAMP) setup.py $(SOURCES)
	rm -rf $(COMPILED)
	$(BIN)/pip install --quiet --no-deps --no-build-isolation --target $(COMPILED) .
	rm -rf $(COMPILED)/bin   # console scripts that would run the venv's pure package
	touch $@

compiled: $(COMPILED)/.built

SEED   := $(wildcard $(SHARED)/seed/seed-article.ar.txt)
PORT   ?= 8000

# Codes the demo corpus (and the seed article when ../shared is there), prints a summary,
# stores the events and serves the dashboard until Ctrl-C.
run: $(STAMP)
	@mkdir -p out
	$(BIN)/rasd code demo/articles.jsonl $(SEED) -o out/demo-events.jsonl
	$(BIN)/rasd summary out/demo-events.jsonl
	rm -f out/demo.duckdb out/demo.duckdb.wal
	$(BIN)/rasd ingest demo/articles.jsonl $(SEED) --db out/demo.duckdb
	@echo "Dashboard: http://127.0.0.1:$(PORT)/   API docs: http://127.0.0.1:$(PORT)/docs   (Ctrl-C to stop)"
	$(BIN)/rasd serve --db out/demo.duckdb --port $(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest

# The same tests on the compiled build (CI runs both).
test-compiled: $(COMPILED)/.built
	PYTHONPATH=$(COMPILED) RASD_EXPECT_COMPILED=1 $(BIN)/python -m pytest

bench: $(COMPILED)/.built
	PYTHONPATH=$(COMPILED) $(BIN)/python bench/bench_code.py --shared $(SHARED)
	PYTHONPATH=$(COMPILED) $(BIN)/python bench/bench_store.py --shared $(SHARED)

evaluate: $(STAMP)
	$(BIN)/rasd evaluate --eval-dir $(SHARED)/eval

clean:
	rm -rf $(VENV) out build *.egg-info src/*.egg-info
