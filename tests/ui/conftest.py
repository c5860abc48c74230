"""Fixtures for driving the game window headlessly."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

from game.engine import Deck
from game.ui.app import App
from tests.ui.driver import FakeClock


@pytest.fixture
def make_app(tmp_path: Path) -> Iterator[Callable[..., App]]:
    """Build an App on the dummy display with saves in a temporary folder."""
    made: list[App] = []

    def build(deck: Deck, *, size: tuple[int, int] = (1280, 720), lang: str = "da") -> App:
        app = App(deck, lang=lang, size=size, save_dir=tmp_path / "saves", clock=FakeClock())
        made.append(app)
        return app

    yield build
    pygame.event.clear()
