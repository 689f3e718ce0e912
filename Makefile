# Rasd: `make run` sets everything up and codes the demo corpus; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
STAMP  := $(VENV)/.installed

.PHONY: run test bench evaluate install clean lint

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	@mkdir -p out
	$(BIN)/rasd code demo/articles.jsonl -o out/demo-events.jsonl
	$(BIN)/rasd summary out/demo-events.jsonl

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/bench_code.py --shared $(SHARED)

evaluate: $(STAMP)
	$(BIN)/rasd evaluate --eval-dir $(SHARED)/eval

clean:
	rm -rf $(VENV) out build *.egg-info src/*.egg-info
