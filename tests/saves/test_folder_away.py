"""A save folder that goes away for a while (a USB stick pulled, a network or cloud folder that
drops, a folder renamed) and comes back. Before: the window said the game "er ved at blive åbnet
i et andet vindue" (no other window existed), and after the folder was back no decision was
saved again until the group saved elsewhere. Now the window names the folder that cannot be
reached, and the next decision once it is back saves every decision made meanwhile."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from collections.abc import Callable
from pathlib import Path

from save_workers import Worker

from game.engine import Deck, legal_actions
from game.saves import GameSettings, read_save
from game.saves.files import display_path
from game.ui.app import App


def decide(app: App) -> None:
    """One decision of the group: the first move the rules allow."""
    assert app.game.do(legal_actions(app.game.state)[0])


def playing(window: Callable[[Deck, Path], App], deck: Deck, folder: Path) -> tuple[App, Path]:
    """A game in the window with two decisions saved in ``folder``."""
    app = window(deck, folder)
    app.start_game(deck, GameSettings("lang", 3))
    decide(app)
    decide(app)
    path = app.game.save_path
    assert path is not None and len(read_save(path).history.actions) == 2
    return app, path


def banner(app: App) -> str:
    return app.find("board").banner_text()


def locks(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.lock.*"))


def test_a_folder_that_goes_away_is_named_and_every_decision_is_saved_when_it_is_back(
    window, mini_deck, tmp_path
):
    folder = tmp_path / "USB-nøgle"
    app, path = playing(window, mini_deck, folder)
    folder.rename(tmp_path / "væk")  # the stick is pulled out
    decide(app)
    text = banner(app)
    assert text.startswith("Spillet er ikke gemt siden beslutning 2: gemmemappen "), text
    assert f"{display_path(folder)} kan ikke nås" in text
    assert "andet vindue" not in text
    assert any("kan ikke nås" in toast for toast in app.toast_texts())
    assert not folder.exists(), "the folder is not made anew where the stick was"
    decide(app)
    (tmp_path / "væk").rename(folder)  # … and put in again
    decide(app)
    assert banner(app) == "" and app.game.unsaved() is None
    assert len(read_save(path).history.actions) == 5, "the decisions made meanwhile too"


def test_a_folder_back_without_the_games_lock_is_taken_again(window, mini_deck, tmp_path):
    """A cloud folder that comes back without the lock file (nobody else took the game): the
    window takes its lock again, saves, and a second window is still refused."""
    folder = tmp_path / "OneDrive"
    app, path = playing(window, mini_deck, folder)
    folder.rename(tmp_path / "væk")
    decide(app)
    (tmp_path / "væk").rename(folder)
    for lock in locks(folder):
        lock.unlink()
    decide(app)
    assert app.game.unsaved() is None
    assert len(read_save(path).history.actions) == 4
    assert locks(folder), "the game holds its save again"
    other = Worker(path, tmp_path)
    try:
        assert other.ask("lock")[0] == "refused"
    finally:
        other.end()


def test_a_game_another_window_took_while_the_folder_was_away_is_not_overwritten(
    window, mini_deck, tmp_path
):
    """Today's rule stays: a save another window really took over is never written again."""
    folder = tmp_path / "Netværk"
    app, path = playing(window, mini_deck, folder)
    folder.rename(tmp_path / "væk")
    decide(app)
    (tmp_path / "væk").rename(folder)
    for lock in locks(folder):
        lock.unlink()
    other = Worker(path, tmp_path)
    try:
        assert other.ask("lock")[0] == "locked"
        before = path.read_bytes()
        decide(app)
        assert path.read_bytes() == before
        assert app.game.saver is not None and app.game.saver.status.error is not None
        assert app.game.saver.status.error.code == "locked"
        assert f"proces {other.pid}" in banner(app)
    finally:
        other.end()


def test_closing_once_the_folder_is_back_saves_without_a_question(window, mini_deck, tmp_path):
    """The folder came back after the last decision: closing the window saves it, instead of
    warning that decisions would be lost."""
    folder = tmp_path / "USB"
    app, path = playing(window, mini_deck, folder)
    folder.rename(tmp_path / "væk")
    decide(app)
    (tmp_path / "væk").rename(folder)
    app.request_quit()
    assert app.find("quit") is None and not app.running
    assert len(read_save(path).history.actions) == 3


def test_closing_while_the_folder_is_away_still_warns(window, mini_deck, tmp_path):
    folder = tmp_path / "USB"
    app, path = playing(window, mini_deck, folder)
    folder.rename(tmp_path / "væk")
    decide(app)
    app.request_quit()
    assert app.find("quit") is not None and app.running
    assert len(read_save(tmp_path / "væk" / path.name).history.actions) == 2
