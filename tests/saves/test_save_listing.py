"""The "Fortsæt" list, file names, creation times and the crash log."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from game.engine import EndYear, History, legal_actions, new_game
from game.messages import render
from game.saves import (
    GameSettings,
    choose_resume,
    list_saves,
    new_save_path,
    other_versions,
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


def _later(path: Path, stamp: str = "2030-01-01T09:00:00.000+01:00") -> None:
    """Make ``path`` look saved after every other file (as a laptop whose clock runs ahead, or
    a copy saved last without a new decision)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["updated"] = stamp
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_cloud_drives_older_copy_is_listed_once_and_never_continued(tmp_path, mini_deck) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    game = folder / "spil.json"
    write_save(game, mini_deck, GameSettings("lang", 1, None), _history(mini_deck, "lang", 1, 2))
    older = folder / "spil (conflicted copy 2026-11-28).json"
    shutil.copyfile(game, older)
    same = folder / "spil - Kopi.json"
    write_save(game, mini_deck, GameSettings("lang", 1, None), _history(mini_deck, "lang", 1, 5))
    shutil.copyfile(game, same)
    _later(older)  # the older copy was saved last: it must still not be the one continued
    listed = list_saves(folder)
    assert len(listed) == 1, "one game, not three identical-looking rows"
    assert listed[0].path == game and listed[0].decisions == 5
    assert set(listed[0].copies) == {older, same}
    choice = choose_resume(folder)
    assert choice.path == game
    notes = " ".join(choice.notes)
    assert (
        older.name in notes
        and same.name in notes
        and "der er gemt senest (5 beslutninger)" in notes
    )
    assert len(read_save(older).history.actions) == 2, "the copy is only read, never changed"


def test_a_copy_that_went_its_own_way_is_listed_and_says_whose_copy_it_is(
    tmp_path, mini_deck
) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    game = folder / "spil.json"
    settings = GameSettings("lang", 1, None)
    start = _history(mini_deck, "lang", 1, 2)
    write_save(game, mini_deck, settings, start)
    branch = folder / "spil-LAPTOP-K7F2Q.json"
    shutil.copyfile(game, branch)
    other = next(m for m in legal_actions(start.current) if m != EndYear())
    longer = start.do(EndYear())
    longer = longer.do(next(m for m in legal_actions(longer.current) if m != EndYear()))
    write_save(game, mini_deck, settings, longer)
    write_save(branch, mini_deck, settings, start.do(other))
    listed = {info.path: info for info in list_saves(folder)}
    assert set(listed) == {game, branch}, "both are games someone may want to continue"
    assert listed[branch].branch_of == game and listed[branch].branch_at == 3
    assert listed[game].branch_of is None and listed[game].copies == ()


def test_an_original_and_its_copy_beside_a_conflict_copy_are_two_entries_not_three(
    tmp_path, mini_deck
) -> None:
    # A OneDrive folder: spil.json and its identical "spil - Kopi.json", an older
    # "spil (1).json", and "spil-DESKTOP-4K2L9.json" that went on differently from decision 3.
    # Before: the original was listed as "kopi af spil-DESKTOP-4K2L9.json", and its identical
    # copy as a second, separate copy.
    folder = tmp_path / "saves"
    folder.mkdir()
    settings = GameSettings("lang", 1, None)
    start = _history(mini_deck, "lang", 1, 2)
    other = next(m for m in legal_actions(start.current) if m != EndYear())
    original = start.do(other)
    conflict = start.do(EndYear())
    conflict = conflict.do(next(m for m in legal_actions(conflict.current) if m != EndYear()))
    game = folder / "spil.json"
    write_save(game, mini_deck, settings, start)  # one game id for all four
    for name in ("spil - Kopi.json", "spil (1).json", "spil-DESKTOP-4K2L9.json"):
        shutil.copyfile(game, folder / name)
    write_save(game, mini_deck, settings, original)
    write_save(folder / "spil - Kopi.json", mini_deck, settings, original)
    write_save(folder / "spil-DESKTOP-4K2L9.json", mini_deck, settings, conflict)
    listed = {info.path.name: info for info in list_saves(folder)}
    assert len(listed) == 2 and "spil-DESKTOP-4K2L9.json" in listed
    desktop = listed.pop("spil-DESKTOP-4K2L9.json")
    [ours] = listed.values()  # spil.json or its identical copy, standing for the other
    assert desktop.branch_of is None and {p.name for p in desktop.copies} == {"spil (1).json"}
    assert ours.branch_of is not None and ours.branch_of.name == "spil-DESKTOP-4K2L9.json"
    assert ours.branch_at == 3
    assert {ours.path.name, *(p.name for p in ours.copies)} == {"spil.json", "spil - Kopi.json"}
    assert not ours.copy, "neither file can be known to be the copy: neither is called one"
    # continuing one of these files by name says what the others hold (before: not a word)
    older = [render(n) for n in other_versions(read_save(folder / "spil (1).json"))]
    assert older[0] == (
        "bemærk: spil (1).json er en ældre udgave af spillet (2 beslutninger); "
        f"{folder / 'spil-DESKTOP-4K2L9.json'} har 4. Skal spillet fortsætte derfra, så luk og "
        f"åbn {folder / 'spil-DESKTOP-4K2L9.json'}"
    )
    assert len(older) == 2 and "anderledes fra beslutning 3" in older[1]  # and the other way
    [branch] = other_versions(read_save(folder / "spil.json"))
    assert render(branch).startswith(
        f"bemærk: {folder / 'spil-DESKTOP-4K2L9.json'} er samme spil, men anderledes fra "
        "beslutning 3; I fortsætter spil.json"
    )
    [other] = other_versions(read_save(folder / "spil-DESKTOP-4K2L9.json"))
    assert "anderledes fra beslutning 3; I fortsætter spil-DESKTOP-4K2L9.json" in render(other)
    # a report continues nothing: it says which file it shows (it told the host to close and
    # open a file, and "I fortsætter")
    reported = [
        render(n) for n in other_versions(read_save(folder / "spil (1).json"), wording="report")
    ]
    assert reported[0].endswith(
        "Rapporten viser spil (1).json; skal den vise hele spillet, så skriv rapporten for "
        f"{folder / 'spil-DESKTOP-4K2L9.json'}"
    )
    assert reported[1].endswith("anderledes fra beslutning 3; rapporten viser spil (1).json")
    assert not any("fortsætte" in line or "fortsætter" in line for line in reported)


def test_a_report_of_an_older_copy_says_which_file_holds_more(tmp_path, mini_deck, capsys):
    # Before: `raaderum report "spil (1).json"` wrote the older copy's report without a word.
    from game.cli import main

    folder = tmp_path / "saves"
    folder.mkdir()
    settings = GameSettings("lang", 1, None)
    game, older = folder / "spil.json", folder / "spil (1).json"
    write_save(game, mini_deck, settings, _history(mini_deck, "lang", 1, 1))
    shutil.copyfile(game, older)
    write_save(game, mini_deck, settings, _history(mini_deck, "lang", 1, 3))
    assert main(["report", str(older), "--out", str(tmp_path / "rapport")]) == 0
    err = capsys.readouterr().err
    assert "raaderum report: bemærk: spil (1).json er en ældre udgave af spillet" in err
    assert f"{game} har 3" in err
    # and `raaderum replay` of it, which said nothing while `report` did (a host's trial)
    assert main(["replay", str(older)]) == 0
    captured = capsys.readouterr()
    assert "raaderum replay: bemærk: spil (1).json er en ældre udgave af spillet" in captured.err
    assert f"hele spillet står i {game}" in captured.err
    assert "Gemt spil:" in captured.out  # the state itself, as before


@pytest.mark.parametrize("command", ["report", "compare"])
def test_an_out_named_like_a_file_is_refused_with_a_folder_to_write(
    tmp_path, mini_deck, capsys, command
) -> None:
    # Before: `--out rapport.html` made a folder named rapport.html/ without a word.
    from game.cli import main

    game = tmp_path / "spil.json"
    write_save(game, mini_deck, GameSettings("lang", 1, None), _history(mini_deck, "lang", 1, 1))
    out = tmp_path / "rapport.html"
    assert main([command, str(game), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"raaderum {command}: --out er en mappe" in err
    assert f"skriv fx --out {tmp_path / 'rapport'}" in err and not out.exists()


def test_continuing_a_copy_that_still_holds_decisions_taken_back_says_so(
    tmp_path, mini_deck
) -> None:
    # a stored result reopened ("Fortryd og spil videre") and saved; its cloud copy still
    # holds the decision taken back: continuing that copy would bring it back without a word
    folder = tmp_path / "saves"
    folder.mkdir()
    settings = GameSettings("lang", 1, None)
    game, copy = folder / "spil.json", folder / "spil - Kopi.json"
    full = _history(mini_deck, "lang", 1, 3)
    write_save(game, mini_deck, settings, full)
    shutil.copyfile(game, copy)
    write_save(game, mini_deck, settings, full.undo())
    [note] = other_versions(read_save(copy))
    assert render(note) == (
        f"bemærk: spil - Kopi.json har 3 beslutninger, men i {game} er de sidste fortrudt, og "
        f"filen er gemt igen med 2. Skal spillet fortsætte uden dem, så luk og åbn {game}"
    )
    assert other_versions(read_save(game)) == ()


def test_an_upper_case_save_is_listed_and_a_report_beside_the_saves_is_not(
    tmp_path, mini_deck
) -> None:
    # BORD2.JSON was skipped without a word, and a report written into the save folder
    # (its summary.json) was "Kan ikke åbnes" and stopped play --resume
    folder = tmp_path / "saves"
    folder.mkdir()
    loud = folder / "BORD2.JSON"
    write_save(loud, mini_deck, GameSettings("lang", 4, None), _history(mini_deck, "lang", 4, 2))
    (folder / "report.html").write_text("<html></html>", encoding="utf-8")
    summary = folder / "summary.json"
    summary.write_text('{"scenario": "lang"}', encoding="utf-8")
    later = loud.stat().st_mtime + 60  # the report was written after the game
    os.utime(summary, (later, later))
    assert [info.path for info in list_saves(folder)] == [loud]
    choice = choose_resume(folder)
    assert choice.path == loud and choice.problem is None
