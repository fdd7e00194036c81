# Two commands (see README): `make run` starts the dashboard, `make test` runs every test.
# For the edit-test loop: `make lint` (ruff, settings in pyproject.toml) and `make test-fast` (no browser, no slow trials).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test test-fast lint build

run: $(VENV)/.runtime
	scripts/system-deps.sh  # Chromium and fonts: the charts' PNG/SVG export and the press kit
	$(BIN)/python -m parindex build
	$(BIN)/python -m parindex serve --server.headless true --server.address 127.0.0.1 --server.port $(PORT)

test: $(VENV)/.dev
	scripts/system-deps.sh
	scripts/axe-core.sh  # the accessibility rules the browser tests inject (pinned, from npm)
	$(BIN)/ruff check .  # the quality gates first: a lint finding fails CI before the suite runs
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

test-fast: $(VENV)/.dev  # on every core (pytest-xdist): each worker builds its own fixture databases
	$(BIN)/python -m pytest -m "not browser and not slow" -n auto

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

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
