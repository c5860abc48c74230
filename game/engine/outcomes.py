"""The summary of many bot games on one scenario (``raaderum simulate``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.ledger import LOSS_REASONS


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


def game_seed(seed: int, index: int) -> int:
    """The seed of game ``index`` in a simulation seeded with ``seed``."""
    return (seed * 1_000_003 + index) % (2**63)
