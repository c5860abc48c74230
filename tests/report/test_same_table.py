"""A cloud drive's conflict copy of a table's save is not one more table: each game counts once,
recognised by its content (game id, seed, deck and log), never by its file name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.content import load_deck
from game.engine import EndYear, History, legal_actions, new_game
from game.report import compare_saves, write_comparison
from game.saves import GameSettings, copy_save, read_save, write_save

COPY_NAMES = (
    "{stem}-LAPTOP-K7F2Q.json",
    "{stem} - Kopi.json",
    "{stem} (1).json",
    "{stem} (conflicted copy 2026-11-28).json",
    "{stem}-kopi.json",
    "Kopi af {stem}.json",
    "helt-andet-navn.json",
)


def _history(deck, seed: int, decisions: int, pick: int = 0) -> History:
    history = History.start(new_game(deck, "lang", seed))
    for i in range(decisions):
        if history.current.finished:
            break
        moves = legal_actions(history.current)
        history = history.do(moves[(pick + i) % len(moves)] if i % 3 != 2 else EndYear())
    return history


def _table(folder: Path, name: str, deck, seed: int, decisions: int, pick: int = 0) -> Path:
    path = folder / name
    write_save(path, deck, GameSettings("lang", seed, None), _history(deck, seed, decisions, pick))
    return path


@pytest.fixture(scope="module")
def mini_deck():
    """The small deck of the save corpus."""
    return load_deck(Path(__file__).resolve().parent.parent / "data" / "valid" / "mini.yaml")


@pytest.fixture
def three_tables(tmp_path, mini_deck) -> Path:
    folder = tmp_path / "borde"
    folder.mkdir()
    for number, seed in ((1, 11), (2, 12), (3, 13)):
        _table(folder, f"bord{number}.json", mini_deck, seed, 4)
    return folder


def test_a_copy_renamed_by_hand_says_which_name_the_comparison_uses(three_tables):
    # a host's trial: a copy whose table name was changed to "Bord 6" was counted once as a
    # copy, and "Bord 5" disappeared from the comparison without a word
    original = three_tables / "bord1.json"
    renamed = three_tables / "bord1 - Kopi.json"
    data = json.loads(original.read_text(encoding="utf-8"))
    data["settings"]["table"] = "Bord 6"
    renamed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    comparison = compare_saves([three_tables])
    (same,) = comparison.copies
    kept = read_save(same.kept).settings.table or "–"
    other = "Bord 6" if kept != "Bord 6" else (read_save(original).settings.table or "–")
    lines = comparison.notices()
    assert len(lines) == 2, lines
    assert f"»{other}«" in lines[1] and f"sammenligningen bruger »{kept}«" in lines[1], lines


@pytest.mark.parametrize("pattern", COPY_NAMES)
def test_a_conflict_copy_counts_once_whatever_its_name(three_tables, pattern):
    original = three_tables / "bord1.json"
    copy = three_tables / pattern.format(stem="bord1")
    shutil.copyfile(original, copy)
    comparison = compare_saves([three_tables])
    (group,) = comparison
    assert len(group.tables) == 3
    assert all(use.tables_total == 3 for use in group.proposals)
    (same,) = comparison.copies
    assert {same.kept, *(c.path for c in same.copies)} == {original, copy}
    (line,) = comparison.notices()
    assert "er en kopi af" in line and "tælles ikke med" in line
    assert copy.name in line or original.name in line


def test_a_copy_left_behind_counts_as_the_longer_game(three_tables, mini_deck):
    """OneDrive kept an older state of table 2 as a conflict copy; the table played on."""
    table = three_tables / "bord2.json"
    old = three_tables / "bord2 (1).json"
    shutil.copyfile(table, old)
    write_save(table, mini_deck, GameSettings("lang", 12, None), _history(mini_deck, 12, 7))
    comparison = compare_saves([three_tables])
    (group,) = comparison
    assert len(group.tables) == 3
    assert table in {t.path for t in group.tables} and old not in {t.path for t in group.tables}
    (line,) = comparison.notices()
    assert line == (
        "bord2 (1).json er en ældre udgave af samme spil som bord2.json (4 af 7 beslutninger); "
        "kun bord2.json tælles med."
    )


def test_a_copy_that_went_its_own_way_counts_once_with_a_notice(three_tables, mini_deck):
    """Two windows wrote the same game (before the lock existed): the logs part after
    decision 4; the longer counts, and the notice says where they part."""
    table = three_tables / "bord3.json"
    fork = three_tables / "bord3-LAPTOP-K7F2Q.json"
    shutil.copyfile(table, fork)
    base = _history(mini_deck, 13, 4)
    longer, other = base, base
    for i in range(3):
        longer = longer.do(legal_actions(longer.current)[0] if i else EndYear())
    other = other.do(legal_actions(other.current)[0])  # an adoption where the other closed
    settings = GameSettings("lang", 13, None)
    write_save(table, mini_deck, settings, longer)
    write_save(fork, mini_deck, settings, other)
    assert read_save(fork).game_id == read_save(table).game_id
    comparison = compare_saves([three_tables])
    (group,) = comparison
    assert len(group.tables) == 3 and table in {t.path for t in group.tables}
    (line,) = comparison.notices()
    assert "er samme spil, men beslutningerne er forskellige fra nr. 5" in line
    assert "bord3.json har flest beslutninger (7 mod 5)" in line


def _finished(history: History, pick: int) -> History:
    """``history`` played to the end: adoption ``pick`` (when legal) before each year's end."""
    while not history.current.finished:
        moves = [m for m in legal_actions(history.current) if m != EndYear()]
        history = history.do(moves[pick % len(moves)] if moves and pick >= 0 else EndYear())
        pick = -1 if pick >= 0 else pick + 1  # one adoption a year, then close it
        if pick == -1:
            history = history.do(EndYear()) if not history.current.finished else history
            pick = 0
    return history


def test_copies_of_one_save_each_played_to_the_end_are_tables_of_their_own(three_tables, mini_deck):
    # a host prepared one save and copied it to three laptops; each table played it to the
    # end from decision 2 on its own. The comparison counted one of them, and told the
    # host to move the two others out of the folder as old versions of one table
    base = _history(mini_deck, 13, 4)
    settings = GameSettings("lang", 13, None)
    table = three_tables / "bord3.json"
    played = []
    moves = [m for m in legal_actions(base.current) if m != EndYear()]
    for number in range(3):
        path = three_tables / f"laptop-{number}.json"
        shutil.copyfile(table, path)  # the same game id
        write_save(path, mini_deck, settings, _finished(base.do(moves[number]), number))
        played.append(path)
    abandoned = three_tables / "laptop-0 (1).json"  # a branch given up: the same table's
    shutil.copyfile(table, abandoned)
    write_save(abandoned, mini_deck, settings, base.do(moves[0]).do(EndYear()))
    table.unlink()
    ids = {read_save(p).game_id for p in [*played, abandoned]}
    assert len(ids) == 1 and all(read_save(p).history.current.finished for p in played)
    comparison = compare_saves([three_tables])
    (group,) = comparison
    counted = {t.path for t in group.tables}
    assert set(played) <= counted and len(counted) == 5  # bord1, bord2 and the three
    assert abandoned not in counted
    said = " ".join(comparison.notices())
    assert said.count("er spillet færdigt hver for sig fra beslutning nr. 5") == 2, said
    assert "laptop-0 (1).json" in said


def test_two_copies_as_long_as_each_other_are_not_told_one_has_more(three_tables, mini_deck):
    # Before: "… har flest beslutninger (4 mod 4)" for two windows' equally long games.
    table = three_tables / "bord3.json"
    fork = three_tables / "bord3-LAPTOP-K7F2Q.json"
    shutil.copyfile(table, fork)
    base = _history(mini_deck, 13, 4)
    moves = [m for m in legal_actions(base.current) if m != EndYear()]
    settings = GameSettings("lang", 13, None)
    write_save(table, mini_deck, settings, base.do(moves[0]))
    write_save(fork, mini_deck, settings, base.do(moves[1]))
    (line,) = compare_saves([three_tables]).notices()
    assert "er samme spil, men beslutningerne er forskellige fra nr. 5" in line
    assert "begge har 5 beslutninger" in line and "flest" not in line


def test_different_games_stay_different_tables_even_when_they_look_alike(tmp_path, mini_deck):
    """Two tables given the same seed by the facilitator that happened to decide alike are
    two tables: different games, whatever their logs."""
    folder = tmp_path / "borde"
    folder.mkdir()
    _table(folder, "bord1.json", mini_deck, 11, 4)
    _table(folder, "bord1-kopi.json", mini_deck, 11, 4)
    _table(folder, "bord2.json", mini_deck, 11, 2)
    comparison = compare_saves([folder])
    (group,) = comparison
    assert len(group.tables) == 3 and comparison.copies == []


def test_a_copy_of_an_old_save_without_game_id_is_recognised(three_tables):
    """Saves written before game ids existed: the id is derived from the content."""
    original = three_tables / "bord1.json"
    document = json.loads(original.read_text("utf-8"))
    del document["game_id"], document["copy_of"]
    original.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    shutil.copyfile(original, three_tables / "bord1 - Kopi.json")
    comparison = compare_saves([three_tables])
    assert len(comparison[0].tables) == 3 and len(comparison.copies) == 1


def test_continued_as_a_copy_is_the_same_table(three_tables, mini_deck):
    original = three_tables / "bord1.json"
    copy = copy_save(original)
    saved = read_save(copy)
    write_save(
        copy, mini_deck, saved.settings, saved.history.do(legal_actions(saved.history.current)[0])
    )
    comparison = compare_saves([three_tables])
    assert len(comparison[0].tables) == 3
    assert {t.path for t in comparison[0].tables} == {
        copy,
        three_tables / "bord2.json",
        three_tables / "bord3.json",
    }


def test_a_game_and_its_copy_that_both_played_on_are_two_tables(three_tables, mini_deck):
    # a host's trial: a window played on in a copy while the first window played on too; the
    # start screen listed "Bord A" and "Bord A (kopi)", the comparison counted one of them
    # (the one that had clicked more) and told the host to move the other – still in play –
    # out of the folder
    original = three_tables / "bord1.json"
    copy = copy_save(original)
    for path, pick in ((copy, 0), (original, 1)):
        saved = read_save(path)
        moves = legal_actions(saved.history.current)
        write_save(path, mini_deck, saved.settings, saved.history.do(moves[pick]))
    comparison = compare_saves([three_tables])
    group = comparison[0]
    assert len(group.tables) == 4
    copies = [t for t in group.tables if t.copy]
    assert [t.path for t in copies] == [copy]
    assert copies[0].label("da").endswith("(kopi)")
    assert not comparison.copies and not group.same_names


def test_the_html_and_the_command_line_count_three_tables(three_tables, tmp_path, capsys):
    shutil.copyfile(three_tables / "bord1.json", three_tables / "bord1-LAPTOP-K7F2Q.json")
    comparison = compare_saves([three_tables])
    out = tmp_path / "ud"
    write_comparison(comparison, out)
    html = (out / "compare.html").read_text("utf-8")
    assert "ud fra 3 gemte spil" in html and "Samme spil i flere filer" in html
    assert "bord1-LAPTOP-K7F2Q.json" in html
    assert main(["compare", str(three_tables), "--out", str(tmp_path / "ud2")]) == 0
    err = capsys.readouterr().err
    assert "raaderum compare: bemærk: " in err and "bord1-LAPTOP-K7F2Q.json" in err
    rows = (tmp_path / "ud2" / "compare.csv").read_text("utf-8-sig").splitlines()[1:]
    assert rows and all(row.split(";")[9] == "3" for row in rows)  # tables_total


def test_a_table_undone_after_its_copy_was_made_counts_without_the_decisions_taken_back(
    three_tables, mini_deck
):
    # Before: a stored result reopened with "Fortryd og spil videre" (20 decisions, the last
    # on its redo list) lost to its cloud copies with 21: compare counted the copy, and
    # `report` told the host to continue from it – bringing the undone decision back.
    table = three_tables / "bord3.json"
    copy = three_tables / "bord3 - Kopi.json"
    settings = GameSettings("lang", 13, None)
    full = _history(mini_deck, 13, 4)
    write_save(table, mini_deck, settings, full)
    shutil.copyfile(table, copy)
    write_save(table, mini_deck, settings, full.undo())  # undone, and saved again
    comparison = compare_saves([three_tables])
    (group,) = comparison
    assert table in {t.path for t in group.tables} and copy not in {t.path for t in group.tables}
    (line,) = comparison.notices()
    assert line == (
        "bord3 - Kopi.json har 4 beslutninger af samme spil som bord3.json, men bord3.json er "
        "gemt senere med 3: de sidste beslutninger er fortrudt, og kun bord3.json tælles med."
    )
