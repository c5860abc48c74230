"""Tables that did not play as a group plays: a year reopened after its result was shown (the
group saw the outcome and the next event, then chose again), and games the kiosk's robot
played. The host comparing a conference's tables must see the first and not count the second."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from report_helpers import autoplay

from game.cli import main
from game.engine import EndYear
from game.report import compare_saves, write_comparison
from game.report.compare import table_choices
from game.saves import GameSettings, SaveError, read_save, write_save


def _reopened_game(deck, folder: Path) -> Path:
    """A finished intro game whose first year was taken back twice and whose second once."""
    history = autoplay(deck, "intro", 3, "greedy")
    history = history.with_reopened(0).with_reopened(0).with_reopened(1)
    path = folder / "bord-1.json"
    write_save(path, deck, GameSettings("intro", 3, None, table="Bord 1"), history)
    return path


def test_a_reopened_year_is_kept_in_the_save_and_said_in_the_report(std_deck, tmp_path, capsys):
    path = _reopened_game(std_deck, tmp_path)
    saved = read_save(path)
    assert saved.history.reopened == (0, 0, 1)
    years = saved.history.current.scenario.years
    out = tmp_path / "rapport"
    assert main(["report", str(path), "--out", str(out)]) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    assert (
        f"Bordet åbnede {years[0]} (2 gange) og {years[1]} igen efter at have set årets resultat "
        "(med Fortryd)."
    ) in html
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["reopened_years"] == [years[0], years[0], years[1]]
    # a table that never reopened a year says nothing of it
    plain = tmp_path / "bord-2.json"
    history = autoplay(std_deck, "intro", 4, "greedy")
    write_save(plain, std_deck, GameSettings("intro", 4, None, table="Bord 2"), history)
    assert main(["report", str(plain), "--out", str(tmp_path / "r2")]) == 0
    assert "åbnede" not in (tmp_path / "r2" / "report.html").read_text(encoding="utf-8")


def test_a_year_the_file_says_was_reopened_must_be_one_of_the_scenarios(std_deck, tmp_path):
    path = _reopened_game(std_deck, tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["reopened"] = [7]
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(SaveError) as error:
        read_save(path)
    assert "år 8 blev åbnet igen, men scenariet har kun 3 år" in str(error.value)


def test_the_comparison_shows_a_reopened_year_and_leaves_the_robots_games_out(
    std_deck, tmp_path, capsys
):
    folder = tmp_path / "konference"
    folder.mkdir()
    _reopened_game(std_deck, folder)
    for seed in (5, 6):
        history = autoplay(std_deck, "intro", seed, "greedy")
        settings = GameSettings("intro", seed, None, table=f"Bord {seed - 3}")
        write_save(folder / f"bord-{seed - 3}.json", std_deck, settings, history)
    kiosk = autoplay(std_deck, "intro", 9, "greedy")
    write_save(
        folder / "kiosk.json", std_deck, GameSettings("intro", 9, None, robot="greedy"), kiosk
    )

    comparison = compare_saves([folder])
    [group] = comparison
    assert sorted(tab.name for tab in group.tables) == ["Bord 1", "Bord 2", "Bord 3"]
    assert comparison.robots == [folder / "kiosk.json"]
    years = group.years
    first = next(tab for tab in group.tables if tab.name == "Bord 1")
    assert first.reopened == (0, 0, 1)
    said = f"Bordet åbnede {years[0]} (2 gange) og {years[1]} igen"
    assert said in table_choices(group, first, "da")
    out = tmp_path / "sammenligning"
    write_comparison(comparison, out)
    html = (out / "compare.html").read_text(encoding="utf-8")
    assert said in html
    assert (
        "kiosk.json er et spil, som robotten spillede (play --autoplay), og tælles ikke med."
        in html
    )
    with (out / "compare_tables.csv").open(encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(file, delimiter=";"))
    reopened = {(r["table"], r["year"]): r["reopened"] for r in rows}
    assert reopened[("Bord 1", years[0])] == "2" and reopened[("Bord 1", years[1])] == "1"
    assert reopened[("Bord 2", years[0])] == "0"
    assert not any(r["file"] == "kiosk.json" for r in rows)
    # the command line says it too
    assert main(["compare", str(folder), "--out", str(tmp_path / "cli")]) == 0
    assert "kiosk.json er et spil, som robotten spillede" in capsys.readouterr().err


def test_ending_a_year_again_after_reopening_it_keeps_the_note(std_deck):
    history = autoplay(std_deck, "intro", 3, "greedy").with_reopened(2)
    back = history.undo()
    assert back.reopened == (2,)
    assert back.do(EndYear()).reopened == (2,) and back.redo().reopened == (2,)


def test_a_year_made_again_as_it_was_takes_back_the_note_that_it_was_reopened(std_deck, tmp_path):
    # a facilitator slipped on a finished table (Ctrl+Z, "Fortryd og spil videre") and put it
    # right with Ctrl+Y: the table was marked for good as one that looked ahead
    from game.session.controller import GameController

    game = GameController(std_deck, save_dir=tmp_path)
    game.start(std_deck, GameSettings("intro", 3, None))
    while not game.state.finished:
        game.do(EndYear())
    last = game.state.scenario.rounds - 1
    assert game.reopens_year() == last
    assert game.undo() and game.history.reopened == (last,)
    assert game.redo() and game.state.finished and game.history.reopened == ()
    # a year chosen anew keeps it
    assert game.undo() and game.do(EndYear()) and game.history.reopened == (last,)
    assert read_save(game.save_path).history.reopened == (last,)


def test_a_folder_of_robot_games_only_says_so_not_that_nothing_could_be_read(
    std_deck, tmp_path, capsys
):
    # the kiosk's laptop: "ingen af de gemte spil kunne læses" sent the host looking for
    # damaged files
    folder = tmp_path / "kiosk"
    folder.mkdir()
    for seed in (1, 2):
        history = autoplay(std_deck, "intro", seed, "greedy")
        settings = GameSettings("intro", seed, None, robot="planner")
        write_save(folder / f"spil-{seed}.json", std_deck, settings, history)
    assert main(["compare", str(folder), "--out", str(tmp_path / "ud")]) == 2
    err = capsys.readouterr().err
    assert "Intet bord at sammenligne: de 2 gemte spil er spillet af robotten" in err, err
    assert "kunne læses" not in err
