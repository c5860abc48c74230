"""A game's log is kept once, so memory grows in proportion to its length: a 10,000-move save
writes, reads and replays, and a log past the limit is refused with a clear message."""

from __future__ import annotations

import gc
import json
import tracemalloc
from pathlib import Path

import pytest

from game.engine import Adopt, Annotate, Deck, History, new_game
from game.saves import GameSettings, SaveError, read_save, write_save
from game.saves.document import MAX_ACTIONS


def _long_history(deck: Deck, moves: int) -> History:
    """A standard game whose group rewrites its note on the first card ``moves`` − 1 times."""
    state = new_game(deck, "standard", 4)
    history = History.start(state).do(Adopt(state.market[0]))
    card = history.current.adopted[0].card
    for number in range(moves - 1):
        history = history.do(Annotate(card, f"Begrundelse nr. {number}"))
    return history


def _traced_bytes(deck: Deck, moves: int) -> int:
    gc.collect()
    tracemalloc.start()
    history = _long_history(deck, moves)
    size = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del history
    return size


def test_a_save_at_the_move_limit_writes_reads_and_replays(std_deck: Deck, tmp_path: Path) -> None:
    history = _long_history(std_deck, MAX_ACTIONS)
    path = tmp_path / "lang.json"
    write_save(path, std_deck, GameSettings("standard", 4, None), history)
    saved = read_save(path)
    assert len(saved.history.actions) == MAX_ACTIONS
    assert saved.history.current.adopted[0].note == f"Begrundelse nr. {MAX_ACTIONS - 2}"
    assert saved.history.undo().current.adopted[0].note == f"Begrundelse nr. {MAX_ACTIONS - 3}"


def test_memory_grows_in_proportion_to_the_length_of_a_game(std_deck: Deck) -> None:
    short, long = _traced_bytes(std_deck, 1_000), _traced_bytes(std_deck, 10_000)
    # ten times the moves: ten times the memory (a log per state would make it a hundred)
    assert long < 13 * short


def test_a_log_past_the_limit_is_refused_by_name(std_deck: Deck, tmp_path: Path) -> None:
    history = _long_history(std_deck, 3)
    path = tmp_path / "for-lang.json"
    write_save(path, std_deck, GameSettings("standard", 4, None), history)
    document = json.loads(path.read_text(encoding="utf-8"))
    note = {"type": "annotate", "card": document["actions"][0]["card"], "note": "x"}
    document["actions"] += [note] * MAX_ACTIONS
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(SaveError, match=r"over 10\.000 træk"):  # Danish thousands point
        read_save(path)
