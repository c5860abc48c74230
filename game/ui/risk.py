"""The board's risk meter: a Monte Carlo forecast that is cheap per frame and refines itself.

The first estimate for a (state, selected card) pair uses a small sample that fits a frame
(2,000 samples ≈ 3 ms); while the board is idle, ``refine`` doubles the samples step by step
up to ``MAX_SAMPLES``, each step within a frame's budget.
It uses the engine's own building blocks (``state_portfolio``, ``sample_totals``), so its
figures are those of ``forecast_state`` / ``raaderum forecast``.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

from game.engine import GameState
from game.engine.forecast import (
    Forecast,
    Portfolio,
    expected_amounts,
    reduce_totals,
    sample_totals,
    settled_years,
    state_portfolio,
)

FIRST_SAMPLES = 2_000
CHUNK = 2_000
MAX_SAMPLES = 16_000


@dataclass
class _Run:
    state: GameState
    extra: str | None
    portfolio: Portfolio
    totals: np.ndarray
    forecast: Forecast
    generator: np.random.Generator


def _summarise(state: GameState, portfolio: Portfolio, totals: np.ndarray) -> Forecast:
    return reduce_totals(
        totals,
        state.scenario.years,
        state.targets,
        expected_amounts(portfolio),
        settled_years(state),
    )


class RiskMeter:
    """Forecasts for the board, cached by (state, selected card) and refined while idle."""

    def __init__(
        self, first: int = FIRST_SAMPLES, chunk: int = CHUNK, maximum: int = MAX_SAMPLES
    ) -> None:
        self.first = first
        self.chunk = chunk
        self.maximum = maximum
        self._runs: dict[tuple[int, str | None], _Run] = {}

    def get(self, state: GameState, extra: str | None = None) -> Forecast:
        """The current estimate for ``state`` with ``extra`` added (computed now if new)."""
        key = (id(state), extra)
        run = self._runs.get(key)
        if run is None or run.state is not state:
            if len(self._runs) > 24:
                self._runs.clear()
            generator = np.random.default_rng(
                [state.seed, state.round, len(state.adopted), zlib.crc32((extra or "").encode())]
            )
            portfolio = state_portfolio(state, extra)
            totals = np.array(sample_totals(portfolio, self.first, generator), dtype=np.float32)
            forecast = _summarise(state, portfolio, totals)
            run = _Run(state, extra, portfolio, totals, forecast, generator)
            self._runs[key] = run
        return run.forecast

    def refine(self, state: GameState, extra: str | None) -> bool:
        """Double the samples behind the estimate for (state, extra), up to ``maximum``; one
        call costs about one frame's budget (≈ 8 ms at the largest step). True when the
        estimate changed."""
        run = self._runs.get((id(state), extra))
        if run is None or run.state is not state or run.totals.shape[0] >= self.maximum:
            return False
        count = min(max(self.chunk, run.totals.shape[0]), self.maximum - run.totals.shape[0])
        more = sample_totals(run.portfolio, count, run.generator)
        run.totals = np.concatenate([run.totals, np.asarray(more, dtype=np.float32)])
        run.forecast = _summarise(state, run.portfolio, run.totals)
        return True

    def done(self, state: GameState, extra: str | None) -> bool:
        """True when the estimate for (state, extra) has all its samples."""
        run = self._runs.get((id(state), extra))
        return run is not None and run.totals.shape[0] >= self.maximum
