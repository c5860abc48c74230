"""Fixtures of the save tests: the corpus folder and the small valid deck."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from game.content import load_deck
from game.engine import Deck

if TYPE_CHECKING:
    from game.ui.app import App

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """tests/data: the corpus of broken decks and saves."""
    return DATA


@pytest.fixture(scope="session")
def mini_deck() -> Deck:
    """The small valid deck every corpus save was played with."""
    return load_deck(DATA / "valid" / "mini.yaml")


@pytest.fixture
def window() -> Iterator[Callable[[Deck, Path], App]]:
    """Build the real window on the dummy display (the window tests set SDL's dummy drivers
    before they import pygame); its saves' locks are given back after."""
    import pygame

    from game.ui.app import App

    made: list[Any] = []

    def build(deck: Deck, save_dir: Path) -> App:
        app = App(deck, save_dir=save_dir, clock=lambda: 1000.0)
        made.append(app)
        return app

    yield build
    for app in made:
        app.game.close()
    pygame.event.clear()
