"""Play many complete games with a bot and summarise the outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game.engine.bots import POLICIES, Policy
from game.engine.model import Deck
from game.engine.rules import apply, new_game, raaderum
from game.engine.state import GameState
from game.engine.verdict import LOSS_REASONS, verdict


@dataclass
class SimulationResult:
    """Summary of ``games`` bot games on one scenario."""

    scenario: str
    policy: str
    games: int
    seed: int
    wins: int = 0
    losses: dict[str, int] = field(default_factory=lambda: {r: 0 for r in LOSS_REASONS})
    raaderum_sum: list[float] = field(default_factory=list)

    @property
    def win_rate(self) -> float:
        """Share of games won."""
        return self.wins / self.games if self.games else 0.0

    @property
    def mean_raaderum(self) -> list[float]:
        """Mean realised råderum per year."""
        return [s / self.games for s in self.raaderum_sum] if self.games else []

    def to_dict(self) -> dict[str, object]:
        """JSON-ready dict with the keys of ``raaderum simulate --json``."""
        return {
            "scenario": self.scenario,
            "policy": self.policy,
            "games": self.games,
            "seed": self.seed,
            "wins": self.wins,
            "win_rate": round(self.win_rate, 4),
            "losses": dict(self.losses),
            "mean_raaderum": [round(v, 3) for v in self.mean_raaderum],
        }


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


def game_seed(seed: int, index: int) -> int:
    """The seed of game ``index`` in a simulation seeded with ``seed``."""
    return (seed * 1_000_003 + index) % (2**63)


def simulate(
    deck: Deck,
    scenario_id: str | None = None,
    policy: str = "greedy",
    games: int = 100,
    seed: int = 0,
    target: float | None = None,
) -> SimulationResult:
    """Play ``games`` games with the named policy; the same seed gives the same result."""
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
