"""The numpy batch simulator plays exactly the engine's greedy games."""

from __future__ import annotations

import numpy as np
import pytest

from game.engine import Deck
from game.engine.batch import play_batch, simulate_batch
from game.engine.bots import greedy_policy
from game.engine.rules import raaderum
from game.engine.simulate import game_seed, play_game, simulate
from game.engine.verdict import verdict

GAMES = 40


def _check_against_engine(deck: Deck, scenario: str, seed: int, target: float | None) -> None:
    batch = simulate_batch(deck, scenario, games=GAMES, seed=seed, target=target)
    for game in range(GAMES):
        final = play_game(
            deck, scenario, game_seed(seed, game), greedy_policy, np.random.default_rng(0), target
        )
        outcome = verdict(final)
        assert bool(batch.won[game]) == outcome.won, (scenario, game)
        assert batch.reasons(game) == outcome.reasons, (scenario, game)
        assert tuple(batch.raaderum[game].tolist()) == raaderum(final), (scenario, game)
        assert int(batch.service[game]) == final.service
    expected = simulate(deck, scenario, "greedy", GAMES, seed, target).to_dict()
    assert batch.summary(seed).to_dict() == expected


@pytest.mark.parametrize("target", [None, 30.0])
def test_batch_matches_the_engine_on_every_standard_scenario(
    std_deck: Deck, target: float | None
) -> None:
    for scenario in std_deck.scenarios:
        _check_against_engine(std_deck, scenario.id, seed=7, target=target)


def test_batch_matches_the_engine_with_exclusions_and_a_service_floor(ledger_deck: Deck) -> None:
    for scenario in ledger_deck.scenarios:
        for seed in (0, 1, 2):
            _check_against_engine(ledger_deck, scenario.id, seed=seed, target=None)


def test_batch_games_are_independent_of_the_batch_they_are_played_in(std_deck: Deck) -> None:
    seeds = [game_seed(3, i) for i in range(12)]
    together = play_batch(std_deck, None, seeds)
    alone = play_batch(std_deck, None, seeds[5:6])
    assert np.array_equal(together.raaderum[5:6], alone.raaderum)
    assert bool(together.won[5]) == bool(alone.won[0])


def test_batch_refuses_a_target_out_of_range(std_deck: Deck) -> None:
    with pytest.raises(ValueError):
        simulate_batch(std_deck, games=2, target=float("nan"))
