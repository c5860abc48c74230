"""Replays survive upgrades: pinned playthroughs of every standard scenario and the corpus
saves give exactly the pinned state hash, year totals and hidden factors.

If this fails after a numpy (or Python) upgrade, the upgrade changed the game's chance and
old saves would replay differently: the game's own transforms in ``engine.randomness`` must
then be fixed, not the pins. If the rules or the standard deck changed on purpose, rebuild
the pins with ``tests/data/build_golden.py`` and say so in the commit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine import Deck, action_from_dict, raaderum, replay, state_hash
from game.saves import read_save

DATA = Path(__file__).resolve().parents[1] / "data"
GOLDEN = json.loads((DATA / "golden.json").read_text(encoding="utf-8"))


def test_the_pins_belong_to_this_standard_deck(std_deck: Deck) -> None:
    assert GOLDEN["deck_hash"] == std_deck.content_hash, (
        "the standard deck changed: rebuild tests/data/golden.json (see its build script)"
    )


@pytest.mark.parametrize("scenario", sorted(GOLDEN["scenarios"]))
def test_a_pinned_playthrough_replays_exactly(std_deck: Deck, scenario: str) -> None:
    pinned = GOLDEN["scenarios"][scenario]
    actions = [action_from_dict(a) for a in pinned["actions"]]
    final = replay(std_deck, scenario, pinned["seed"], actions)
    assert final.finished
    assert list(final.factors) == pinned["factors"]
    assert [round(v, 9) for v in raaderum(final)] == pinned["raaderum"]
    assert state_hash(final) == pinned["state_hash"]


@pytest.mark.parametrize("name", ["kort-finished.json", "lang-unfinished.json"])
def test_a_corpus_save_replays_to_its_stored_hash(name: str) -> None:
    document = json.loads((DATA / "valid" / name).read_text(encoding="utf-8"))
    saved = read_save(DATA / "valid" / name)
    assert state_hash(saved.history.current) == document["summary"]["state_hash"]
