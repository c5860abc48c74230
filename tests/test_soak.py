"""Soak: 5,000 bot games in one process, with a save → read → replay cycle every 25 games,
must not grow the memory the game keeps.

How it is measured: tracemalloc starts after a warm-up of 250 games (which fills the one-off
caches: the deck copy cache of the save reader, numpy's scratch generator, interned strings),
and the memory still held at the end — allocations made during the 4,750 measured games that
were never freed — must stay under 512 KiB. Measured on the reference machine: about 64 KiB
(interpreter free lists and the bounded caches). Keeping just each game's action log alive
(about 1.3 KiB per game) grows it to about 5.9 MiB and fails the test, so the bound catches a
leak of roughly 110 bytes per game or more.
"""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from game.content import load_deck
from game.engine import History, replay_history, state_hash
from game.engine.bots import POLICIES
from game.engine.simulate import game_seed, play_history
from game.paths import standard_deck
from game.saves import GameSettings, read_save, write_save

GAMES = 5_000
WARM_UP = 250
SAVE_EVERY = 25
BOUND = 512 * 1024


@pytest.mark.slow
def test_five_thousand_games_do_not_grow_memory(tmp_path: Path) -> None:
    deck = load_deck(standard_deck())
    scenarios = [s.id for s in deck.scenarios]
    policies = [POLICIES["greedy"], POLICIES["random"]]
    generator = np.random.default_rng(2026)
    save = tmp_path / "soak.json"
    cycles = 0
    baseline = 0
    for index in range(GAMES):
        if index == WARM_UP:
            gc.collect()
            tracemalloc.start()
            baseline = tracemalloc.get_traced_memory()[0]
        scenario = scenarios[index % len(scenarios)]
        seed = game_seed(7, index)
        played = play_history(deck, scenario, seed, policies[index % 2], generator)
        final = played.current
        assert final.finished
        if index % SAVE_EVERY == 0:
            history: History = replay_history(deck, scenario, seed, played.actions)
            write_save(save, deck, GameSettings(scenario, seed, None), history.undo())
            resumed = read_save(save).history.redo()
            assert state_hash(resumed.current) == state_hash(final)
            cycles += 1
    gc.collect()
    grown = tracemalloc.get_traced_memory()[0] - baseline
    tracemalloc.stop()
    assert cycles == GAMES // SAVE_EVERY
    assert grown < BOUND, f"memory grew by {grown / 1024:.0f} KiB over {GAMES - WARM_UP} games"
