# Kronika: `make run` sets up and runs the demo; `make test` runs the whole test suite.
# Both create .venv with python3 -m venv if it is missing and install Kronika into it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= kronika.db
PORT   ?= 8000

.PHONY: run test install install-test bench clean-db

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Stamp files: reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: $(VENV)/.installed
	$(BIN)/kronika ingest examples --db $(DB)
	$(BIN)/kronika stats --db $(DB)
	$(BIN)/kronika events --db $(DB) --limit 15
	@echo "Explore: $(BIN)/kronika --help  (docs, show ID --mentions, actors, events, timeline, export)"
	@echo "Starting the web UI at http://127.0.0.1:$(PORT)/ (API docs at /docs; Ctrl+C stops)"
	$(BIN)/kronika serve --db $(DB) --host 127.0.0.1 --port $(PORT)

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/pipeline.py
	$(BIN)/python bench/api.py

clean-db:
	rm -f $(DB) $(DB)-wal $(DB)-shm
