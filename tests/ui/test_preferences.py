"""A new window remembers what the last one chose: the language and the start screen's deck.

A facilitator at an international course switched to English in every new window, and a
budget office typed the path of its own deck each time. ``raaderum play`` is run in process
here with the window's loop replaced by a few frames, so each test sees the window a person
would see when it opens.
"""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import json
import shutil
from pathlib import Path

import pygame
import pytest

from game.content import load_deck
from game.paths import standard_deck
from game.saves.preferences import (
    PREFERENCES_FILE,
    Preferences,
    read_preferences,
    write_preferences,
)
from game.ui.app import App
from tests.ui.driver import key, record_text, type_text

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "example-deck.yaml"


def start_of(app: App):  # type: ignore[no-untyped-def]
    start = app.find("start")
    assert start is not None and app.top is start
    return start


def test_english_chosen_in_one_window_opens_the_next_in_english(windows, tmp_path):
    first = windows()
    assert first.lang == "da"
    key(first, pygame.K_l)  # "In English (L)" on the start screen
    assert first.lang == "en"
    second = windows()
    assert second.lang == "en"
    drawn = record_text(second)
    second.request_redraw()
    second.step(0.02)
    assert "Start the game" in drawn and "Start spillet" not in drawn
    # --lang given for one window wins, and does not change what is remembered
    assert windows("--lang", "da").lang == "da"
    assert windows().lang == "en"
    # switched back in the menu of a game: the next window is Danish again
    game = windows("--scenario", "intro", "--seed", "3")
    assert game.lang == "en"
    key(game, pygame.K_ESCAPE)  # the menu
    game.top.switch_language()
    assert windows().lang == "da"


def test_the_deck_chosen_on_the_start_screen_is_offered_in_the_next_window(windows, tmp_path):
    own = tmp_path / "kommunens dæk.yaml"
    shutil.copy(EXAMPLE, own)
    first = windows()
    start = start_of(first)
    start.path_field.focus()
    type_text(first, str(own))
    key(first, pygame.K_RETURN)
    own_title = load_deck(own).title
    assert first.game.deck.title == own_title
    second = windows()
    start = start_of(second)
    assert second.game.deck.title == own_title
    assert start.path_field.text == str(own)
    # a game started from that screen plays that deck
    start.start()
    assert second.game.history is not None
    assert second.game.history.current.deck.title == own_title
    # "Standarddækket" on the start screen: the next window has the standard deck again
    start = start_of(windows())
    start.use_standard()
    third = windows()
    assert third.game.deck.title == load_deck(standard_deck()).title
    assert start_of(third).path_field.text == ""


def test_a_deck_given_with_deck_is_not_remembered(windows, tmp_path):
    own = tmp_path / "eget.yaml"
    shutil.copy(EXAMPLE, own)
    assert windows("--deck", str(own)).game.deck.title == load_deck(own).title
    assert windows().game.deck.title == load_deck(standard_deck()).title


def test_a_remembered_deck_that_is_gone_leaves_the_standard_deck_and_says_why(windows, tmp_path):
    stick = tmp_path / "usb" / "dæk.yaml"
    stick.parent.mkdir()
    shutil.copy(EXAMPLE, stick)
    start = start_of(windows())
    start.path_field.text = str(stick)
    start.load_path()
    shutil.rmtree(stick.parent)  # the stick is not in the laptop this time
    app = windows()
    start = start_of(app)
    assert app.game.deck.title == load_deck(standard_deck()).title
    assert start.path_field.text == str(stick)
    assert start.deck_message == app.t("start.remembered_deck_failed")
    # said as the path that is gone, not as a deck error at a made-up line ("dæk.yaml:1:")
    assert start.deck_problems[0] == f"{stick} findes ikke (længere).", start.deck_problems
    assert start.deck_problems[-1].startswith("Standarddækket er valgt indtil videre. Sæt")
    drawn = record_text(app)
    app.request_redraw()
    app.step(0.02)
    assert any("Standarddækket er valgt" in text for text in drawn)
    # the stick is back: Enter in the field opens the deck
    stick.parent.mkdir()
    shutil.copy(EXAMPLE, stick)
    start.path_field.focus()
    key(app, pygame.K_RETURN)
    assert app.game.deck.title == load_deck(stick).title
    assert start.deck_problems == []


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\x01 not json",
        b'{"lang": "klingon"}',
        b'["da"]',
        b'{"lang": "en", "deck": 7}',
        b"[" * 100_000,
        '{"lang": "en"}'.encode("utf-16"),
    ],
)
def test_a_damaged_preferences_file_opens_a_danish_window_and_is_mended(windows, tmp_path, content):
    home = tmp_path / "home"
    home.mkdir()
    (home / PREFERENCES_FILE).write_bytes(content)
    app = windows()
    assert app.lang == "da"
    assert app.game.deck.title == load_deck(standard_deck()).title
    key(app, pygame.K_l)
    assert json.loads((home / PREFERENCES_FILE).read_text("utf-8"))["lang"] == "en"


def test_preferences_keep_unknown_fields_out_and_read_back(tmp_path):
    path = tmp_path / "sub" / PREFERENCES_FILE
    assert read_preferences(path) == Preferences()
    assert write_preferences(path, Preferences(lang="en", deck="S:\\Økonomi\\dæk"))
    assert read_preferences(path) == Preferences(lang="en", deck="S:\\Økonomi\\dæk")
    path.write_text('{"lang": "en", "window": [1, 2]}', "utf-8")
    assert read_preferences(path) == Preferences(lang="en")


def test_a_preferences_file_that_cannot_be_written_still_switches_the_window(windows, tmp_path):
    home = tmp_path / "home"
    (home / PREFERENCES_FILE).mkdir(parents=True)  # in the way of the file, even for root
    app = windows()
    assert app.lang == "da"
    key(app, pygame.K_l)
    assert app.lang == "en"  # switched for this window, without a word about the file
    assert (home / PREFERENCES_FILE).is_dir()
    assert not [path for path in home.iterdir() if path.suffix == ".tmp"]


def test_a_remembered_deck_with_errors_is_told_to_be_corrected(windows, tmp_path):
    own = tmp_path / "dæk.yaml"
    shutil.copy(EXAMPLE, own)
    start = start_of(windows())
    start.path_field.text = str(own)
    start.load_path()
    own.write_text("deck: [", encoding="utf-8")  # the office saved a broken file since
    start = start_of(windows())
    assert start.deck_problems[-1] == (
        "Standarddækket er valgt indtil videre. Ret fejlene i dækket, og tryk Enter i feltet."
    ), start.deck_problems


def test_the_table_given_with_table_stands_in_the_start_screens_field(windows):
    # "raaderum play --table Byrådet" opened the start screen with the table's field empty,
    # and the game started from it had no name
    start = start_of(windows("--table", " Byrådet  Nord "))
    assert start.table_field.text == "Byrådet Nord"
    assert start_of(windows()).table_field.text == ""


def test_preferences_that_are_no_file_are_the_defaults_at_once(tmp_path):
    # a FIFO named preferences.json held "raaderum play" before its window opened
    import os

    fifo = tmp_path / PREFERENCES_FILE
    os.mkfifo(fifo)
    assert read_preferences(fifo) == Preferences()
