"""Play many complete games with a bot and summarise the outcomes.

``simulate`` takes the fastest path that gives bit-identical results: the greedy bot's games
are played by the batch simulator (``batch``, checked against the engine game by game in
tests/engine/test_batch.py), every other policy through the engine (``simulate_engine``).
"""

from __future__ import annotations

import numpy as np

from game.engine.batch import simulate_batch
from game.engine.bots import POLICIES, Policy
from game.engine.history import History
from game.engine.model import Deck
from game.engine.outcomes import SimulationResult, game_seed
from game.engine.rules import apply, new_game, raaderum
from game.engine.state import GameState
from game.engine.verdict import verdict

__all__ = [
    "SimulationResult",
    "game_seed",
    "play_game",
    "play_history",
    "simulate",
    "simulate_engine",
]


def play_game(
    deck: Deck,
    scenario_id: str | None,
    seed: int,
    policy: Policy,
    generator: np.random.Generator,
    target: float | None = None,
) -> GameState:
    """Play one complete game with ``policy`` and return the final state."""
    state = new_game(deck, scenario_id, seed, target)
    while not state.finished:
        state = apply(state, policy(state, generator))
    return state


def play_history(
    deck: Deck,
    scenario_id: str | None,
    seed: int,
    policy: Policy,
    generator: np.random.Generator,
    target: float | None = None,
) -> History:
    """Like ``play_game``, but keeps every state and the action log (for replays and saves)."""
    history = History.start(new_game(deck, scenario_id, seed, target))
    while not history.current.finished:
        history = history.do(policy(history.current, generator))
    return history


def simulate(
    deck: Deck,
    scenario_id: str | None = None,
    policy: str = "greedy",
    games: int = 100,
    seed: int = 0,
    target: float | None = None,
) -> SimulationResult:
    """Play ``games`` games with the named policy; the same seed gives the same result.

    Raises ``KeyError`` for an unknown policy or scenario.
    """
    if policy == "greedy":
        return simulate_batch(deck, scenario_id, games=games, seed=seed, target=target).summary(
            seed
        )
    return simulate_engine(deck, scenario_id, policy, games, seed, target)


def simulate_engine(
    deck: Deck,
    scenario_id: str | None = None,
    policy: str = "greedy",
    games: int = 100,
    seed: int = 0,
    target: float | None = None,
) -> SimulationResult:
    """``simulate`` played through the engine's ``apply``, one game after another."""
    scenario = deck.scenario(scenario_id)
    chosen = POLICIES[policy]
    result = SimulationResult(scenario=scenario.id, policy=policy, games=games, seed=seed)
    result.raaderum_sum = [0.0] * scenario.rounds
    generator = np.random.default_rng(seed)
    for index in range(games):
        final = play_game(deck, scenario.id, game_seed(seed, index), chosen, generator, target)
        outcome = verdict(final)
        if outcome.won:
            result.wins += 1
        for reason in outcome.reasons:
            result.losses[reason] += 1
        for year, amount in enumerate(raaderum(final)):
            result.raaderum_sum[year] += amount
    return result
