"""Shared fixtures: small hand-made decks whose ledgers can be computed by hand."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.content import load_deck, load_sources
from game.engine import Deck
from game.paths import standard_deck


@pytest.fixture(autouse=True)
def own_user_folder(tmp_path_factory, monkeypatch):  # type: ignore[no-untyped-def]
    """Every test has its own user data folder (saves, logs, preferences.json): the
    tester's own games and remembered language never change a result, and no test writes
    into them. A test that sets RAADERUM_HOME itself wins."""
    monkeypatch.setenv("RAADERUM_HOME", str(tmp_path_factory.mktemp("home")))


LEDGER_DECK = """\
deck:
  id: ledger
  title: Regnestykker
  schema_version: 1
proposals:
  - id: spar5
    kind: saving
    title: Spar fem
    area: Administration
    effect: [5]
    uncertainty: 0
  - id: spar3
    kind: saving
    title: Spar tre
    area: Skole
    effect: [3]
    uncertainty: 0
    service: -3
  - id: eff
    kind: efficiency
    title: Effektiv
    area: Ældre
    effect: [1, 3, 6]
    uncertainty: 0
    failure: 0
  - id: inv
    kind: investment
    title: Invester
    area: Børn og unge
    effect: [-4, 2, 10]
    uncertainty: 0
    failure: 0
  - id: usikker
    kind: investment
    title: Usikker
    area: Sundhed
    effect: [-3, 6]
    uncertainty: 0.5
    failure: 0.3
  - id: tung
    kind: investment
    title: Tung
    area: Sundhed
    effect: [-1, 4]
    load: 5
    uncertainty: 0
    excludes: [spar3]
events:
  - id: tab
    title: Udligning lavere
    effect: [-2]
  - id: gave
    title: Økonomiaftale
    effect: [1, 0]
    service: 1
    rounds: [2]
scenarios:
  - id: regn
    title: Regnestykke
    years: ["2027", "2028", "2029", "2030"]
    target: 4
    capacity: 16
    market: 6
    events_per_round: 0
  - id: events
    title: Med hændelser
    years: ["2027", "2028", "2029"]
    target: [1, 2, 3]
    capacity: 16
    market: 3
    events_per_round: 1
    service_floor: -1
"""


@pytest.fixture(scope="session")
def ledger_deck() -> Deck:
    """A deck with certain amounts, for hand-computed ledgers."""
    return load_sources([("ledger.yaml", LEDGER_DECK)])


@pytest.fixture(scope="session")
def std_deck() -> Deck:
    """The shipped standard deck."""
    return load_deck(standard_deck())
