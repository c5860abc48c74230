"""Damaged saves are listed as damaged, with their reason, and never skipped without a word:
``--resume`` does not quietly continue an older game when the newest save is damaged."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from game.cli import main
from game.engine import History, legal_actions, new_game
from game.saves import GameSettings, SaveError, choose_resume, read_save, scan_saves, write_save

DAMAGES = {
    "truncated": lambda data: data[: len(data) // 2],
    "not-utf8": lambda data: data.replace("Minidæk".encode(), b"Minid\xe6k", 1),
    "empty": lambda data: b"",
    "illegal-move": lambda data: data.replace(b'"card": "', b'"card": "zz', 1),
}


def _save(folder: Path, name: str, deck, decisions: int) -> Path:
    history = History.start(new_game(deck, "lang", 9))
    for _ in range(decisions):
        history = history.do(legal_actions(history.current)[0])
    path = folder / name
    write_save(path, deck, GameSettings("lang", 9, None), history)
    return path


def _seconds(stamp: str) -> float:
    return datetime.fromisoformat(stamp).timestamp()


def _damaged_copy(folder: Path, older: Path, name: str, damage: str, offset: float) -> Path:
    """A damaged save whose file time is ``offset`` seconds after ``older``'s save time."""
    path = folder / name
    path.write_bytes(DAMAGES[damage](older.read_bytes()))
    moment = _seconds(read_save(older).updated) + offset
    os.utime(path, (moment, moment))
    return path


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_the_listing_shows_damaged_saves_with_their_reason(tmp_path, mini_deck, damage):
    good = _save(tmp_path, "spil-a.json", mini_deck, 2)
    broken = _damaged_copy(tmp_path, good, "spil-b.json", damage, 3600)
    listing = scan_saves(tmp_path)
    assert [info.path for info in listing.games] == [good]
    (entry,) = listing.damaged
    assert entry.path == broken and entry.reason
    with pytest.raises(SaveError) as caught:
        read_save(broken)
    assert caught.value.reason == entry.reason and caught.value.code == "damaged"
    assert _seconds(entry.modified) == pytest.approx(_seconds(read_save(good).updated) + 3600, 1)


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_resume_refuses_when_the_newest_save_is_damaged(tmp_path, mini_deck, capsys, damage):
    older = _save(tmp_path, "spil-a.json", mini_deck, 2)
    broken = _damaged_copy(tmp_path, older, "spil-b.json", damage, 3600)
    choice = choose_resume(tmp_path)
    assert choice.path is None and choice.problem is not None
    assert choice.problem.startswith(f"Det nyeste gemte spil kan ikke åbnes: {broken}")
    assert f"»raaderum play --resume {older}«" in choice.problem
    assert "runde 1 af 3" in choice.problem
    code = main(["play", "--resume", "--save-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert str(broken) in err and str(older) in err


def test_an_older_damaged_save_is_mentioned_not_hidden(tmp_path, mini_deck):
    newer = _save(tmp_path, "spil-a.json", mini_deck, 3)
    broken = _damaged_copy(tmp_path, newer, "spil-0.json", "truncated", -3600)
    choice = choose_resume(tmp_path)
    assert choice.path == newer and choice.problem is None
    (note,) = choice.notes
    assert note.startswith(f"bemærk: {broken}") and "kan ikke læses" in note


def test_a_damaged_save_and_no_other_game(tmp_path, mini_deck):
    finished_elsewhere = _save(tmp_path / "x", "spil-a.json", mini_deck, 1)
    broken = _damaged_copy(tmp_path, finished_elsewhere, "spil-b.json", "empty", 0)
    choice = choose_resume(tmp_path)
    assert choice.path is None and "filen er tom" in choice.problem
    # a cloud placeholder not yet downloaded is the usual empty save: said so
    assert "OneDrive" in choice.problem
    assert choice.problem.endswith("Der er intet andet ufærdigt spil at fortsætte.")
    assert str(broken) in choice.problem


def test_hidden_files_and_lock_files_are_not_saves(tmp_path, mini_deck):
    good = _save(tmp_path, "spil-a.json", mini_deck, 1)
    (tmp_path / "._spil-a.json").write_bytes(b"\x00\x05\x16\x07AppleDouble")
    (tmp_path / ".spil-a.json.lock.3").write_text("{}")
    (tmp_path / "noter.txt").write_text("ikke et spil")
    listing = scan_saves(tmp_path)
    assert [info.path for info in listing.games] == [good] and listing.damaged == ()


def test_an_unreadable_folder_is_said(tmp_path):
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    listing = scan_saves(blocker)
    assert listing.games == () and listing.problem is not None
    assert "en del af stien er en fil" in listing.problem


def test_a_file_that_is_no_save_is_said_to_be_none_and_a_save_in_utf16_is_read(tmp_path, mini_deck):
    # a workbook, a deck and a save written again by PowerShell (UTF-16) or Notepad (ANSI)
    # were all "damaged" to replay and report
    good = _save(tmp_path, "spil.json", mini_deck, 2)
    text = good.read_text(encoding="utf-8")
    utf16 = tmp_path / "powershell.json"
    utf16.write_text(text, encoding="utf-16")
    assert read_save(utf16).history.current == read_save(good).history.current
    ansi = tmp_path / "notesblok.json"
    ansi.write_bytes(text.encode("cp1252"))
    workbook = tmp_path / "katalog.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + bytes(range(200)))
    deck = tmp_path / "deck.yaml"
    deck.write_text("deck:\n  id: a\n", encoding="utf-8")
    said = {}
    for path in (ansi, workbook, deck):
        with pytest.raises(SaveError) as error:
            read_save(path)
        said[path.name] = error.value.text("da")
    assert (
        "gemt igen i et andet tegnsæt (fx ANSI i Notesblok), så gem den som UTF-8"
        in said["notesblok.json"]
    )
    assert said["katalog.xlsx"].endswith(
        "filen er en Excel-projektmappe eller et andet Office-dokument, ikke et gemt spil (et "
        "gemt spil er en .json-fil)"
    )
    assert said["deck.yaml"].endswith("filen er ikke et gemt spil (et gemt spil er en .json-fil)")
    assert not any("beskadiget" in line for name, line in said.items() if name != "notesblok.json")
