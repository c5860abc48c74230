"""A move of the log that was damaged by hand is refused with the field that is wrong and
why, in the reader's language – not a list of the fields that are there."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from game.engine import EndYear, History, SetTarget, legal_actions, new_game
from game.saves import GameSettings, write_save


def _save_with_move(folder: Path, deck, move: dict[str, Any]) -> Path:
    """A save whose first move is ``move`` (the rest of the log as played)."""
    history = History.start(new_game(deck, "lang", 9))
    history = history.do(legal_actions(history.current)[0]).do(EndYear()).do(SetTarget(5.0))
    path = folder / "spil.json"
    write_save(path, deck, GameSettings("lang", 9, None), history)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["actions"][0] = move
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


CASES = [
    (
        {"type": "adopt", "card": 123},
        "træk nr. 1 i loggen kan ikke læses: 'card' skal være et korts id (tekst), ikke 123",
        "move no. 1 in the log cannot be read: 'card' must be a card's id (text), not 123",
    ),
    (
        {"type": "set_target", "amount": 10**400},
        "træk nr. 1 i loggen kan ikke læses: 'amount' er et tal på 401 cifre og dermed for stort"
        " til at være et mål",
        "move no. 1 in the log cannot be read: 'amount' is a number of 401 digits, too large to"
        " be a target",
    ),
    (
        {"type": "set_target", "amount": "45"},
        "træk nr. 1 i loggen kan ikke læses: 'amount' skal være et tal, ikke '45'",
        "move no. 1 in the log cannot be read: 'amount' must be a number, not '45'",
    ),
    (
        {"type": "adopt"},
        "træk nr. 1 i loggen kan ikke læses: feltet 'card' mangler",
        "move no. 1 in the log cannot be read: the field 'card' is missing",
    ),
    (
        {"type": "adopt", "card": ""},
        "træk nr. 1 i loggen kan ikke læses: 'card' er tom, men der skal stå et korts id",
        "move no. 1 in the log cannot be read: 'card' is empty, but it must hold a card's id",
    ),
    (
        {"type": "annotate", "card": "e1", "note": ["a"]},
        "træk nr. 1 i loggen kan ikke læses: 'note' skal være en tekst, ikke en liste",
        "move no. 1 in the log cannot be read: 'note' must be text, not a list",
    ),
    (
        {"type": "adopt", "card": "e1", "amount": 5},
        "træk nr. 1 i loggen kan ikke læses: et træk af slagsen 'adopt' har ikke feltet 'amount'",
        "move no. 1 in the log cannot be read: a move of the kind 'adopt' has no field 'amount'",
    ),
]


@pytest.mark.parametrize(
    ("move", "danish", "english"),
    CASES,
    ids=[
        "card-123",
        "amount-10e400",
        "amount-text",
        "card-missing",
        "card-empty",
        "note-list",
        "extra-field",
    ],
)
def test_a_damaged_move_names_the_wrong_field_and_why(
    move, danish, english, tmp_path, mini_deck, capsys
):
    # Before: "forkerte eller manglende felter (card, type)" – the fields that are there, not
    # the one that is wrong – and for 10**400 the engine's own reason was thrown away.
    path = _save_with_move(tmp_path, mini_deck, move)
    for lang, expected in (("da", danish), ("en", english)):
        assert main(["--lang", lang, "replay", str(path)]) == 2
        err = capsys.readouterr().err
        assert err.strip() == f"raaderum replay: {path}: {expected}", err
        assert "Traceback" not in err
