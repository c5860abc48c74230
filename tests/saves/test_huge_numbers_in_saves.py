"""A number typed into a save by hand is never printed in full when it is huge, and a format
number no game writes (10**400, 0, "2") is a damaged file, not a save from a newer game."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from game.engine import History, legal_actions, new_game
from game.saves import GameSettings, write_save


def _damaged(folder: Path, deck, damage: Callable[[dict[str, Any]], None]) -> Path:
    history = History.start(new_game(deck, "lang", 9))
    history = history.do(legal_actions(history.current)[0])
    path = folder / "spil.json"
    write_save(path, deck, GameSettings("lang", 9, None), history)
    data = json.loads(path.read_text(encoding="utf-8"))
    damage(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _said(path: Path, lang: str, capsys) -> str:
    assert main(["--lang", lang, "replay", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err


@pytest.mark.parametrize(
    "version",
    [10**400, 10**25, 1000, 0, -1, "2", 2.5, True, None],
    ids=["10e400", "10e25", "1000", "0", "-1", "text", "2.5", "true", "null"],
)
def test_a_version_no_game_writes_is_an_invalid_version_number(
    version, tmp_path, mini_deck, capsys
):
    # Before, 10**400 said "gemt med en nyere version af Råderumsspillet (format 1000…" with ~250
    # digits and told the host to update the game.
    path = _damaged(tmp_path, mini_deck, lambda data: data.__setitem__("version", version))
    danish, english = _said(path, "da", capsys), _said(path, "en", capsys)
    assert "ugyldigt versionsnummer i feltet 'version'" in danish and "beskadiget" in danish
    assert "invalid version number in the field 'version'" in english
    for said in (danish, english):
        assert "nyere" not in said and "newer version of the game (format" not in said
        assert not re.search(r"\d{21}", said), said
    if version == 10**400:
        assert "(et tal på 401 cifre)" in danish and "(a number of 401 digits)" in english


def test_a_save_from_a_newer_game_still_says_update(tmp_path, mini_deck, capsys):
    path = _damaged(tmp_path, mini_deck, lambda data: data.__setitem__("version", 3))
    assert "gemt med en nyere version af Råderumsspillet (format 3" in _said(path, "da", capsys)


@pytest.mark.parametrize(
    ("damage", "danish"),
    [
        (
            lambda data: data["settings"].__setitem__("target", 10**400),
            "feltet 'settings.target' er et tal på 401 cifre og dermed for stort",
        ),
        (
            lambda data: data["settings"].__setitem__("seed", 10**30),
            "feltet 'settings.seed' skal være mellem 0 og 9223372036854775807, ikke et tal"
            " på 31 cifre",
        ),
    ],
    ids=["target-10e400", "seed-10e30"],
)
def test_a_huge_number_in_a_save_is_said_by_its_length(damage, danish, tmp_path, mini_deck, capsys):
    path = _damaged(tmp_path, mini_deck, damage)
    said = _said(path, "da", capsys)
    assert danish in said
    assert not re.search(r"\d{21}", said) and not re.search(r"\d{21}", _said(path, "en", capsys))
