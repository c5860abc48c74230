"""Fixtures of the save tests: the corpus folder and the small valid deck."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content import load_deck
from game.engine import Deck

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """tests/data: the corpus of broken decks and saves."""
    return DATA


@pytest.fixture(scope="session")
def mini_deck() -> Deck:
    """The small valid deck every corpus save was played with."""
    return load_deck(DATA / "valid" / "mini.yaml")
