"""Fixtures for driving the game window headlessly."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from collections.abc import Callable, Iterator
from pathlib import Path

import pygame
import pytest

from game.cli import main
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


@pytest.fixture
def windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., App]]:
    """Open ``raaderum play ARGS…`` as a window that shows its first frames and closes;
    returns the App it opened."""
    home = tmp_path / "home"
    monkeypatch.setenv("RAADERUM_HOME", str(home))
    opened: list[App] = []

    def run(self: App) -> int:
        self.step(0.02)
        opened.append(self)
        return 0

    monkeypatch.setattr(App, "run", run)
    monkeypatch.setattr(pygame, "quit", lambda: None)  # the test looks at the window after

    def open_window(*args: str) -> App:
        assert main(["play", "--size", "1024x768", *args]) == 0
        return opened[-1]

    yield open_window
    pygame.event.clear()
