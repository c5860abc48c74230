"""The running window on top of the saves: its autosave says in Danish why a save failed (never
the system's text), keeps playing, knows it is unsaved, never writes a game another window
holds, and a crash log lands inside the save folder with its path in the message."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from pathlib import Path

import pygame
import pytest
from save_workers import Worker

from game.engine import History, legal_actions, new_game
from game.saves import GameSettings, read_save, write_save
from game.ui.app import App


@pytest.fixture
def window(mini_deck):
    made: list[App] = []

    def build(save_dir: Path) -> App:
        app = App(mini_deck, save_dir=save_dir)
        made.append(app)
        return app

    yield build
    for app in made:
        if app.game.saver is not None:
            app.game.saver.close()
    pygame.event.clear()


def test_a_save_folder_under_a_file_is_said_in_danish_and_the_game_goes_on(
    window, mini_deck, tmp_path, capsys
):
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    app = window(blocker / "saves")
    app.start_game(mini_deck, GameSettings("lang", 3))
    (toast,) = app.toast_texts()
    assert toast.startswith("Spillet kunne ikke gemmes: mappen kan ikke oprettes: ")
    assert "Errno" not in toast and "Not a directory" not in toast
    assert not app.game.last_save_ok and not app.game.saver.status.ever_saved
    assert app.game.do(legal_actions(app.game.state)[0]), "the workshop goes on"
    assert app.game.saver.status.decisions == 1 and app.game.saver.failures == 2
    err = capsys.readouterr().err
    assert err.count("raaderum: Spillet er ikke gemt") == 1, "stderr hears it once"


def test_a_game_another_window_holds_is_never_written(window, mini_deck, tmp_path):
    path = tmp_path / "spil.json"
    history = History.start(new_game(mini_deck, "lang", 5))
    write_save(path, mini_deck, GameSettings("lang", 5, None), history)
    before = path.read_bytes()
    other = Worker(path, tmp_path)
    try:
        assert other.ask("lock")[0] == "locked"
        app = window(tmp_path)
        saved = read_save(path)
        app.start_game(saved.deck, GameSettings("lang", 5), saved.history, path, saved.created)
        app.game.do(legal_actions(app.game.state)[0])
        assert path.read_bytes() == before
        assert any(f"proces {other.pid}" in text for text in app.toast_texts())
        assert app.game.saver.status.error.code == "locked"
    finally:
        other.end()


def test_a_crash_log_lands_inside_the_save_folder_and_the_message_says_where(
    window, mini_deck, tmp_path
):
    app = window(tmp_path / "saves")
    app.start_game(mini_deck, GameSettings("lang", 3))

    class Exploding:
        is_overlay = False

        def update(self, dt: float) -> bool:
            raise RuntimeError("boom")

    app.on_frame.append(lambda dt: Exploding().update(dt))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert app.run() == 1
    (log,) = (tmp_path / "saves" / "logs").glob("crash-*.log")
    assert "RuntimeError: boom" in log.read_text("utf-8")
    assert not (tmp_path / "logs").exists(), "nothing outside the folder the user chose"
    assert str(log) in app.top.body
