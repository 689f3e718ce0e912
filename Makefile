# Rasd: `make run` sets everything up and codes the demo corpus; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
STAMP  := $(VENV)/.installed

.PHONY: run test bench evaluate install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

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

bench: $(STAMP)
	$(BIN)/python bench/bench_code.py --shared $(SHARED)
	$(BIN)/python bench/bench_store.py --shared $(SHARED)

evaluate: $(STAMP)
	$(BIN)/rasd evaluate --eval-dir $(SHARED)/eval

clean:
	rm -rf $(VENV) out build *.egg-info src/*.egg-info
