"""Figures of the pure engine and content: forecast, risk meter, bot games, validation."""

from __future__ import annotations

import math
import random
import tempfile
import time
from pathlib import Path

import numpy as np

from game.bench.largedeck import write_large_deck
from game.bench.timing import median, median_seconds, seconds
from game.content import DeckError, load_deck
from game.engine.bots import greedy_policy
from game.engine.forecast import Portfolio, build_portfolio, forecast_state, sample_totals
from game.engine.model import KINDS, Deck
from game.engine.optimise import best_portfolio
from game.engine.simulate import game_seed, play_game, simulate_engine
from game.engine.state import GameState

PORTFOLIO_SIZE = 12
PORTFOLIO_YEARS = 4
FORECAST_CHUNK = 100_000
"""Samples per ``sample_totals`` call when timing the vectorised forecast."""


def bench_portfolio(deck: Deck) -> Portfolio:
    """A 12-proposal, 4-year portfolio of the deck: four of each kind, adopted over the years."""
    chosen = []
    for kind in KINDS:
        chosen += [p for p in deck.proposals if p.kind is kind][: PORTFOLIO_SIZE // len(KINDS)]
    return build_portfolio(
        [(p, i % PORTFOLIO_YEARS) for i, p in enumerate(chosen)], PORTFOLIO_YEARS
    )


def naive_totals(portfolio: Portfolio, samples: int, rng: random.Random) -> list[list[float]]:
    """``sample_totals`` written as a plain Python loop: one sample, one proposal at a time."""
    gains = portfolio.gains.tolist()
    fixed = portfolio.fixed.tolist()
    params = list(
        zip(portfolio.mu.tolist(), portfolio.sigma.tolist(), portfolio.failure.tolist(), gains)
    )
    years = len(fixed)
    result = []
    for _ in range(samples):
        totals = list(fixed)
        for mu, sigma, failure, row in params:
            factor = 0.0 if rng.random() < failure else math.exp(mu + sigma * rng.gauss(0.0, 1.0))
            for year in range(years):
                totals[year] += factor * row[year]
        result.append(totals)
    return result


def forecast_rate(portfolio: Portfolio, chunks: int, repeats: int) -> float:
    """Vectorised Monte Carlo futures per second (median of ``repeats`` runs)."""
    generator = np.random.default_rng(1)

    def run() -> None:
        for _ in range(chunks):
            sample_totals(portfolio, FORECAST_CHUNK, generator)

    return chunks * FORECAST_CHUNK / median_seconds(run, repeats)


def naive_forecast_rate(portfolio: Portfolio, samples: int, repeats: int) -> float:
    """Plain-Python Monte Carlo futures per second (median of ``repeats`` runs)."""
    rng = random.Random(1)
    return samples / median_seconds(lambda: naive_totals(portfolio, samples, rng), repeats)


def risk_meter_ms(state: GameState, extra: str | None, repeats: int) -> float:
    """Milliseconds of one risk-meter update on the board: a new (state, card) pair's first
    estimate, as ``BoardScene.forecast`` computes it."""
    from game.ui.risk import RiskMeter

    return 1000 * median_seconds(lambda: RiskMeter().get(state, extra), repeats)


def risk_meter_full_ms(state: GameState, extra: str | None, repeats: int) -> float:
    """Milliseconds of ``forecast_state`` with the meter's full sample count in one go."""
    from game.ui.risk import MAX_SAMPLES

    return 1000 * median_seconds(
        lambda: forecast_state(state, extra, samples=MAX_SAMPLES, seed=3), repeats
    )


def games_rate(deck: Deck, scenario: str, games: int, repeats: int) -> float:
    """Complete greedy-bot games per second through the engine's ``apply`` on one core."""
    simulate_engine(deck, scenario, "greedy", max(1, games // 10), 0)
    times = [
        seconds(lambda: simulate_engine(deck, scenario, "greedy", games, 0)) for _ in range(repeats)
    ]
    return games / median(times)


def batch_games_rate(deck: Deck, scenario: str, games: int, repeats: int) -> float:
    """Greedy games per second with the numpy batch simulator (the same games as above)."""
    from game.engine.batch import simulate_batch

    simulate_batch(deck, scenario, games=max(1, games // 10), seed=0)
    times = [
        seconds(lambda: simulate_batch(deck, scenario, games=games, seed=0)) for _ in range(repeats)
    ]
    return games / median(times)


def optimiser_figures(deck: Deck, games: int) -> dict[str, dict[str, float]]:
    """Per scenario: the share of best plans HiGHS proved optimal and the median and 95th
    percentile milliseconds per plan, over the finished greedy games seeded 0 … games − 1."""
    result: dict[str, dict[str, float]] = {}
    generator = np.random.default_rng(0)
    for scenario in deck.scenarios:
        times: list[float] = []
        proved = 0
        for index in range(games):
            final = play_game(deck, scenario.id, game_seed(0, index), greedy_policy, generator)
            started = time.perf_counter()
            plan = best_portfolio(final)
            times.append(time.perf_counter() - started)
            proved += plan.exact
        result[scenario.id] = {
            "proved_share": proved / games,
            "ms_p50": 1000 * float(np.percentile(times, 50)),
            "ms_p95": 1000 * float(np.percentile(times, 95)),
        }
    return result


def validate_ms(path: Path, repeats: int) -> float:
    """Milliseconds to load and validate the deck at ``path``."""
    return 1000 * median_seconds(lambda: load_deck(path), repeats)


def validate_typos_ms(repeats: int, proposals: int = 1_000) -> float:
    """Milliseconds to validate a generated deck of ``proposals`` proposals in which every
    card names an unknown id (the "mente du …?" hints must not grow with the square)."""

    def validate(path: Path) -> None:
        try:
            load_deck(path)
        except DeckError:
            return
        raise AssertionError("the deck full of typos loaded")

    with tempfile.TemporaryDirectory(prefix="raaderum-bench-") as folder:
        path = write_large_deck(Path(folder) / "stavefejl", proposals, typos=True)
        return 1000 * median_seconds(lambda: validate(path), repeats)


def validate_large_ms(repeats: int, proposals: int = 1_000) -> float:
    """Milliseconds to validate a generated deck of ``proposals`` proposals."""
    with tempfile.TemporaryDirectory(prefix="raaderum-bench-") as folder:
        path = write_large_deck(Path(folder) / "stort", proposals)
        return validate_ms(path, repeats)
