"""``raaderum play`` as a person runs it: a bot game in a real (dummy-driver) window that ends
by itself, resuming a save, and clear one-line messages for bad input or no display."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from game.engine import state_hash
from game.saves import list_saves, read_save


def run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "RAADERUM_HOME": str(tmp_path / "home"),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_autoplay_plays_a_whole_game_and_quits_at_the_end(tmp_path):
    saves = tmp_path / "saves"
    result = run(
        [
            "play",
            "--autoplay",
            "greedy",
            "--speed",
            "20",
            "--quit-at-end",
            "--scenario",
            "intro",
            "--seed",
            "4",
            "--save-dir",
            str(saves),
        ],
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    files = list(saves.glob("*.json"))
    assert len(files) == 1
    saved = read_save(files[0])
    assert saved.history.current.finished
    assert saved.settings.seed == 4 and saved.settings.scenario == "intro"


def test_resume_continues_the_newest_unfinished_game(tmp_path):
    saves = tmp_path / "saves"
    # a game stopped after a few decisions: play it with the engine and save it
    from game.content import load_deck
    from game.engine import Adopt, History, new_game
    from game.paths import standard_deck
    from game.saves import GameSettings, new_save_path, write_save

    deck = load_deck(standard_deck())
    history = History.start(new_game(deck, "intro", 7))
    history = history.do(Adopt(history.current.market[0], "fordi"))
    path = new_save_path(saves)
    write_save(path, deck, GameSettings("intro", 7, None), history)
    assert [info.path for info in list_saves(saves)] == [path]
    result = run(
        [
            "play",
            "--resume",
            "--autoplay",
            "random",
            "--speed",
            "30",
            "--quit-at-end",
            "--save-dir",
            str(saves),
        ],
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    finished = read_save(path)
    assert finished.history.current.finished
    assert finished.history.current.adopted[0].note == "fordi"  # the decision was kept
    assert list_saves(saves) == []  # nothing unfinished is left


def test_broken_save_gives_one_line_and_exit_2(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "raaderum-save", "version": 1, "actions": [', encoding="utf-8")
    before = broken.read_bytes()
    result = run(["play", "--resume", str(broken)], tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert broken.read_bytes() == before


def test_broken_deck_lists_file_and_line_before_a_window_opens(tmp_path):
    deck = tmp_path / "deck.yaml"
    deck.write_text("deck:\n  id: x\n  title: [unclosed\n", encoding="utf-8")
    result = run(["play", "--deck", str(deck)], tmp_path)
    assert result.returncode == 2
    assert f"{deck}:" in result.stderr or "deck.yaml:" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_scenario_is_bad_input(tmp_path):
    result = run(["play", "--scenario", "findes-ikke"], tmp_path)
    assert result.returncode == 2
    assert "findes-ikke" in result.stderr and "Traceback" not in result.stderr


def test_no_display_says_how_to_run_headless(tmp_path):
    result = run(["play", "--scenario", "intro"], tmp_path, SDL_VIDEODRIVER="no-such-driver")
    assert result.returncode == 2
    assert "Ingen skærm fundet" in result.stderr
    assert "SDL_VIDEODRIVER=dummy" in result.stderr and "raaderum screenshot" in result.stderr


def test_replay_of_the_autoplayed_save_matches(tmp_path):
    saves = tmp_path / "saves"
    result = run(
        [
            "play",
            "--autoplay",
            "random",
            "--speed",
            "40",
            "--quit-at-end",
            "--scenario",
            "intro",
            "--seed",
            "9",
            "--save-dir",
            str(saves),
        ],
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    path = next(saves.glob("*.json"))
    replayed = run(["replay", str(path), "--json"], tmp_path)
    assert replayed.returncode == 0, replayed.stderr
    data = json.loads(replayed.stdout)
    assert data["state_hash"] == state_hash(read_save(path).history.current)
    assert data["finished"] is True


def test_no_screen_at_all_is_said_instead_of_playing_invisibly(tmp_path):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SDL_VIDEODRIVER", "DISPLAY", "WAYLAND_DISPLAY")
    }
    result = subprocess.run(
        [sys.executable, "-m", "game", "play", "--scenario", "intro"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**environment, "RAADERUM_HOME": str(tmp_path / "home")},
    )
    assert result.returncode == 2
    assert "Ingen skærm fundet" in result.stderr


def test_resume_when_every_save_is_finished_says_so(tmp_path):
    saves = tmp_path / "saves"
    done = run(
        [
            "play",
            "--autoplay",
            "greedy",
            "--speed",
            "1000",
            "--quit-at-end",
            "--scenario",
            "intro",
            "--seed",
            "3",
            "--save-dir",
            str(saves),
        ],
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    result = run(["play", "--resume", "--save-dir", str(saves)], tmp_path)
    assert result.returncode == 2
    assert "Alle gemte spil er spillet færdig" in result.stderr


def test_screenshot_to_a_folder_or_an_unwritable_place_is_one_line(tmp_path):
    for out in (tmp_path, Path("/proc/no/such/place.png")):
        result = run(["screenshot", "--scene", "start", "--out", str(out)], tmp_path)
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    # a target over the deck's limit crashed the drawing with a traceback in Danish units
    shot = ["--lang", "en", "screenshot", "--scene", "board", "--target", "1200000"]
    result = run([*shot, "--out", str(tmp_path / "b.png")], tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip() == (
        "raaderum screenshot: --target: the target must be between 0 and 100,000 m DKK"
    )


def test_an_explicit_lang_wins_over_the_language_a_game_was_saved_in(tmp_path):
    from game.content import load_deck
    from game.engine import Adopt, History, new_game
    from game.paths import standard_deck
    from game.saves import GameSettings, write_save

    deck = load_deck(standard_deck())
    history = History.start(new_game(deck, "intro", 7))
    history = history.do(Adopt(history.current.market[0]))
    english, kept = tmp_path / "english.json", tmp_path / "kept.json"
    for path in (english, kept):
        write_save(path, deck, GameSettings("intro", 7, None, lang="en"), history)
    end = ["--autoplay", "random", "--speed", "30", "--quit-at-end"]
    assert run(["play", "--resume", str(english), "--lang", "da", *end], tmp_path).returncode == 0
    assert run(["play", "--resume", str(kept), *end], tmp_path).returncode == 0
    assert read_save(english).settings.lang == "da"  # the facilitator asked for Danish
    assert read_save(kept).settings.lang == "en"  # no --lang: the game keeps its language
    # … unless a window was switched to a language: --resume speaks it, as the start screen's
    # list does (the same game opened in Danish one way and in English the other)
    from game.saves.preferences import Preferences, write_preferences

    third = tmp_path / "third.json"
    write_save(third, deck, GameSettings("intro", 7, None, lang="en"), history)
    assert write_preferences(tmp_path / "home" / "preferences.json", Preferences(lang="da"))
    assert run(["play", "--resume", str(third), *end], tmp_path).returncode == 0
    assert read_save(third).settings.lang == "da"
