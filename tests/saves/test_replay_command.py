"""``raaderum replay SAVE [--json]`` rebuilds the game and prints it, the same everywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from game.cli import main
from game.engine import raaderum, state_hash
from game.saves import read_save


def _replay_json(path: Path, hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run(
        [sys.executable, "-m", "game", "replay", str(path), "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_json_state_is_identical_across_runs(data_dir: Path) -> None:
    path = data_dir / "valid" / "lang-unfinished.json"
    first, second = _replay_json(path, "1"), _replay_json(path, "12345")
    assert first == second
    data = json.loads(first)
    saved = read_save(path)
    state = saved.history.current
    assert data["state_hash"] == state_hash(state)
    assert data["scenario"] == "lang" and data["round"] == state.round == 1
    assert data["finished"] is False and data["won"] is None
    assert data["adopted"] == list(state.adopted_ids()) and data["adopted"]
    # closed years as they ended, open years as the board shows them: never a factor the
    # table has not seen (a host read a half-played table's 2029 as 23,9, its board said 21)
    shown = [r.raaderum for r in state.results]
    shown += list(raaderum(state, visible=True))[len(shown) :]
    assert data["raaderum"] == [round(v, 6) for v in shown]
    assert len(data["raaderum"]) == 3 and data["redo"] == 1


def test_finished_game_has_a_verdict(data_dir: Path, capsys) -> None:
    path = data_dir / "valid" / "kort-finished.json"
    assert main(["replay", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["finished"] is True and isinstance(data["won"], bool)
    assert data["round"] == data["rounds"] == 2
    assert main(["replay", str(path)]) == 0
    text = capsys.readouterr().out
    assert "Spillet er slut efter 2 runder." in text
    assert ("Resultat: vundet" in text) == data["won"]
    assert ("Resultat: tabt" in text) == (not data["won"])
    # the træthed the last year ended with, as the result screen and the report say (it
    # said the level after a turn of the year that never comes)
    from game.engine.fatigue import fatigue_years

    state = read_save(path).history.current
    last = fatigue_years(state)[-1]
    assert data["fatigue"] == last.peak
    assert f"træthed: {last.peak}" in text


def test_human_summary_in_danish(data_dir: Path, capsys) -> None:
    path = data_dir / "valid" / "lang-unfinished.json"
    assert main(["replay", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    state = read_save(path).history.current
    assert "Scenarie: Langt spil (lang), startværdi 3" in lines
    assert "Runde 2 af 3 (budgetår 2028)." in lines
    assert any(line.startswith("2027") and line.endswith("nået") for line in lines)
    assert any(line.startswith("2029") and line.endswith("åbent") for line in lines)
    assert f"Vedtaget ({len(state.adopted)}): {', '.join(state.adopted_ids())}" in lines
    assert "Resultat: endnu ikke afgjort." in lines


def test_human_summary_in_english(data_dir: Path, capsys) -> None:
    # "raaderum --lang en replay" printed Danish with decimal commas
    path = data_dir / "valid" / "kort-finished.json"
    assert main(["--lang", "en", "replay", str(path)]) == 0
    text = capsys.readouterr().out
    assert "The game is over after 2 rounds." in text and "Saved game: " in text
    assert "Result: won." in text or "Result: lost." in text
    assert "Spillet" not in text and "Resultat" not in text
    assert main(["replay", str(path)]) == 0
    assert "Spillet er slut efter 2 runder." in capsys.readouterr().out


def test_a_named_table_played_in_the_window_is_named(tmp_path: Path, capsys) -> None:
    # a paper save said "Bord på papir: Bord 8"; a laptop game named "Bord 1" said nothing
    from game.content import load_deck
    from game.engine import History, new_game
    from game.paths import standard_deck
    from game.saves import GameSettings, write_save

    deck = load_deck(standard_deck())
    path = tmp_path / "bord1.json"
    history = History.start(new_game(deck, "intro", 3))
    write_save(path, deck, GameSettings("intro", 3, table="Bord 1"), history)
    assert main(["replay", str(path)]) == 0
    assert "Bord: Bord 1\n" in capsys.readouterr().out
    assert main(["replay", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["table"] == "Bord 1" and "paper" not in data


def test_a_year_missed_by_a_thousandth_reads_as_missed(tmp_path: Path, capsys) -> None:
    # a council's year lost by 0,001 mio. kr.: "2027  3  3  ikke nået"
    from game.content import load_deck
    from game.engine import Adopt, EndYear, History, new_game
    from game.paths import standard_deck
    from game.saves import GameSettings, write_save

    deck = load_deck(standard_deck())
    history = History.start(new_game(deck, "intro", 703091))
    for pid in ("velfaerdsteknologi", "borgerkonsulent", "indkoeb", "vakancer", "sfo-takst"):
        history = history.do(Adopt(pid))
    for pid in ("sundhed-kurser", "rengoering-3-uger"):
        history = history.do(Adopt(pid))
    history = history.do(EndYear())
    result = history.current.results[0]
    assert not result.met and 2.99 < result.raaderum < 3
    path = tmp_path / "spil.json"
    write_save(path, deck, GameSettings("intro", 703091), history)
    assert main(["replay", str(path)]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("2027"))
    assert row.split() == ["2027", "3", "2,999", "ikke", "nået"], row
