"""The "Fortsæt" list, file names, creation times and the crash log."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest

from game.engine import EndYear, History, legal_actions, new_game
from game.saves import (
    GameSettings,
    list_saves,
    new_save_path,
    read_save,
    write_crash_log,
    write_save,
)


def _history(deck, scenario: str, seed: int, decisions: int) -> History:
    history = History.start(new_game(deck, scenario, seed))
    for i in range(decisions):
        if history.current.finished:
            break
        moves = legal_actions(history.current)
        history = history.do(moves[i % len(moves)] if i % 3 else EndYear())
    return history


def test_unfinished_games_newest_first_and_broken_files_skipped(tmp_path, mini_deck) -> None:
    folder = tmp_path / "saves"
    paths = []
    for scenario, seed, decisions in (("lang", 1, 2), ("kort", 2, 99), ("lang", 3, 5)):
        path = new_save_path(folder)
        history = _history(mini_deck, scenario, seed, decisions)
        write_save(path, mini_deck, GameSettings(scenario, seed, None), history)
        paths.append(path)
        time.sleep(0.01)
    broken = folder / "broken.json"
    broken.write_bytes(b'{"format": "raaderum-save", "version": 1')
    (folder / "notes.txt").write_text("ikke et spil")
    listed = list_saves(folder)
    assert [info.path for info in listed] == [paths[2], paths[0]]
    assert all(not info.finished for info in listed)
    first = listed[0]
    assert first.deck_title == "Minidæk til test" and first.scenario_title == "Langt spil"
    assert first.rounds == 3 and first.round == read_save(paths[2]).history.current.round
    everything = list_saves(folder, unfinished_only=False)
    assert [info.path for info in everything] == [paths[2], paths[1], paths[0]]
    assert everything[1].finished and everything[1].round == everything[1].rounds == 2
    assert broken.read_bytes() == b'{"format": "raaderum-save", "version": 1', "never deleted"


def test_resaving_an_old_game_moves_it_to_the_top(tmp_path, mini_deck) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    history = _history(mini_deck, "lang", 1, 1)
    write_save(a, mini_deck, GameSettings("lang", 1, None), history)
    time.sleep(0.01)
    write_save(b, mini_deck, GameSettings("lang", 1, None), history)
    assert [i.path for i in list_saves(tmp_path)] == [b, a]
    time.sleep(0.01)
    write_save(a, mini_deck, GameSettings("lang", 1, None), history.do(EndYear()))
    assert [i.path for i in list_saves(tmp_path)] == [a, b]


def test_missing_folder_lists_nothing(tmp_path) -> None:
    assert list_saves(tmp_path / "nothing-here") == []


def test_created_survives_autosaves_and_updated_moves(tmp_path, mini_deck) -> None:
    path = tmp_path / "spil.json"
    history = _history(mini_deck, "lang", 1, 1)
    write_save(path, mini_deck, GameSettings("lang", 1, None), history)
    first = read_save(path)
    time.sleep(0.01)
    write_save(path, mini_deck, GameSettings("lang", 1, None), history.do(EndYear()))
    second = read_save(path)
    assert second.created == first.created
    assert second.updated > first.updated
    write_save(path, mini_deck, GameSettings("lang", 1, None), history, created=first.updated)
    assert read_save(path).created == first.updated


def test_new_save_paths_are_unique_and_in_the_folder(tmp_path) -> None:
    folder = tmp_path / "deep" / "saves"
    paths = set()
    for _ in range(100):
        path = new_save_path(folder)
        path.write_text("{}")
        paths.add(path)
    assert len(paths) == 100 and all(p.parent == folder and p.suffix == ".json" for p in paths)


def _crash() -> BaseException:
    try:
        {}["missing-card"]
    except KeyError as error:
        return error
    raise AssertionError("unreachable")


def test_crash_log_holds_the_traceback(tmp_path) -> None:
    save_dir = tmp_path / "saves"
    save_dir.mkdir()
    log = write_crash_log(save_dir, _crash())
    assert log.parent == save_dir / "logs", "inside the folder the user chose, not beside it"
    assert log.name.startswith("crash-") and not (tmp_path / "logs").exists()
    text = log.read_text("utf-8")
    assert "Traceback" in text and "KeyError: 'missing-card'" in text and "_crash" in text
    again = write_crash_log(save_dir, _crash())
    assert again != log and log.exists()


def test_crash_log_falls_back_when_logs_folder_is_blocked(tmp_path, monkeypatch) -> None:
    save_dir = tmp_path / "saves"
    save_dir.mkdir()
    (save_dir / "logs").write_text("a file where the folder should be")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    log = write_crash_log(save_dir, _crash())
    assert log.parent == tmp_path / "temp" / "raaderum" / "logs"
    assert "KeyError" in log.read_text("utf-8")
    assert (save_dir / "logs").read_text() == "a file where the folder should be"


@pytest.mark.parametrize("name", ["kort-finished.json", "lang-unfinished.json"])
def test_listing_uses_the_replayed_game(data_dir: Path, tmp_path, name) -> None:
    copy = tmp_path / name
    copy.write_bytes((data_dir / "valid" / name).read_bytes())
    saved = read_save(copy)
    (info,) = list_saves(tmp_path, unfinished_only=False)
    assert info.finished == saved.history.current.finished
    assert info.round == saved.history.current.round and info.updated == saved.updated
