# One command to play, one to test; both create the virtual environment themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: play test lint typecheck imports bench balance screenshots dist dist-test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

play: $(STAMP)
	$(BIN)/raaderum

lint: $(STAMP)
	$(BIN)/ruff check game tests packaging
	$(BIN)/ruff format --check game tests packaging

typecheck: $(STAMP)
	$(BIN)/mypy game

# The contracts between the layers (pyproject.toml, [tool.importlinter]): the engine imports
# nothing from the rest of the game, the window only the engine's public API, no cycles.
imports: $(STAMP)
	$(BIN)/lint-imports

test: lint typecheck imports
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python -m pytest

bench: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/raaderum bench

# The balance of the standard deck (issue #10's targets), written to docs/balance.md. The full
# run (2,000 games per scenario and strategy, 500 for the three slow look-ahead one-sided
# strategies) takes two hours or more on two cores, lang-horisont most of it (the 600-game run
# in docs/balance.md, GAMES=600 ONE_SIDED_GAMES=200, took 1 h 3 min); GAMES=200
# ONE_SIDED_GAMES=100 takes minutes.
# SCENARIOS="standard intro" plays only those.
GAMES ?= 2000
ONE_SIDED_GAMES ?= 500
SCENARIOS ?=
balance: $(STAMP)
	$(BIN)/raaderum balance --games $(GAMES) --one-sided-games $(ONE_SIDED_GAMES) \
		$(foreach s,$(SCENARIOS),--scenario $(s)) --markdown docs/balance.md

screenshots: $(STAMP)
	mkdir -p docs/img
	for scene in board debrief compare note; do \
		SDL_VIDEODRIVER=dummy $(BIN)/raaderum screenshot --scene $$scene --seed 3 --out docs/img/$$scene.png --size 1600x900; \
	done
	SDL_VIDEODRIVER=dummy $(BIN)/raaderum screenshot --scene board --scenario lang-horisont --seed 3 --out docs/img/risk.png --size 1600x900

# Offline bundles for laptops without internet (README: "Uden internet"); needs PyPI to build.
dist: $(STAMP)
	$(BIN)/python packaging/build_dist.py

# Builds the Linux bundle for this Python, installs and plays it with the network refused.
dist-test: $(STAMP)
	RAADERUM_DIST_TEST=1 SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy \
		$(BIN)/python -m pytest -rs tests/test_dist.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
