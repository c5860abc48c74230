"""``raaderum bench``: speed and memory figures of the game, measured in one run."""

from game.bench.command import run_bench

__all__ = ["run_bench"]
