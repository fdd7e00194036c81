# Two commands (see README): `make run` starts the dashboard, `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test build

run: $(VENV)/.runtime
	scripts/system-deps.sh  # Chromium and fonts: the charts' PNG/SVG export and the press kit
	$(BIN)/python -m parindex build
	$(BIN)/python -m parindex serve --server.headless true --server.address 127.0.0.1 --server.port $(PORT)

test: $(VENV)/.dev
	scripts/system-deps.sh
	scripts/axe-core.sh  # the accessibility rules the browser tests inject (pinned, from npm)
	$(BIN)/python -m pytest

build: $(VENV)/.runtime
	$(BIN)/python -m parindex build

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.runtime
