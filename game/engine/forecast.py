"""Monte Carlo forecast of a portfolio of proposals, vectorised with numpy.

Each sample draws one hidden factor per uncertain proposal (0 with probability ``failure``,
else lognormal with mean 1), scales the positive amounts by it and adds the costs and any fixed
amounts (drawn events, revealed proposals). It is the deck author's calculator
(``raaderum forecast``) and the engine behind the board's risk meter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from game.engine import ledger
from game.engine.model import Deck, Proposal, Scenario
from game.engine.randomness import lognormal_params
from game.engine.rules import IllegalAction, Refusal, shown
from game.engine.state import GameState


@dataclass(frozen=True)
class Forecast:
    """Per-year figures of a forecast and the probability that every year is met."""

    years: tuple[str, ...]
    target: tuple[float, ...]
    expected: tuple[float, ...]
    p10: tuple[float, ...]
    p50: tuple[float, ...]
    p90: tuple[float, ...]
    probability: float
    samples: int

    def to_dict(self) -> dict[str, object]:
        """JSON-ready dict with the keys of ``raaderum forecast --json``."""
        return {
            "years": list(self.years),
            "target": list(self.target),
            "expected": [round(v, 4) for v in self.expected],
            "p10": [round(v, 4) for v in self.p10],
            "p50": [round(v, 4) for v in self.p50],
            "p90": [round(v, 4) for v in self.p90],
            "probability": round(self.probability, 4),
            "samples": self.samples,
        }


@dataclass(frozen=True)
class Portfolio:
    """The uncertain part of a plan as arrays, plus the amounts that are already certain."""

    gains: np.ndarray  # (k, years): positive face-value amounts, scaled by the factor
    fixed: np.ndarray  # (years,): costs, events and revealed proposals, never scaled
    mu: np.ndarray  # (k,) lognormal parameters of each uncertain proposal
    sigma: np.ndarray  # (k,)
    failure: np.ndarray  # (k,)
    mean: np.ndarray  # (k,) expected factor of each proposal (ledger.expected_factor)


def effect_row(proposal: Proposal, start: int, years: int, anchor: int | None = None) -> np.ndarray:
    """Face-value amounts of ``proposal`` adopted in round ``start`` over ``years`` years (a
    calendar card's amounts from its ``anchor``, ``ledger.anchor``)."""
    return np.array([ledger.face(proposal, start, y, anchor) for y in range(years)])


def build_portfolio(
    proposals: Sequence[tuple[Proposal, int]],
    years: int,
    fixed: np.ndarray | None = None,
    scenario: Scenario | None = None,
) -> Portfolio:
    """Arrays for ``proposals`` given as (proposal, 0-based adoption round). A calendar card
    (``effect_from_year``) takes its amounts from its budget years in ``scenario``; without a
    scenario every card counts from its round."""
    base = np.zeros(years) if fixed is None else np.asarray(fixed, dtype=float).copy()
    gains = np.zeros((len(proposals), years))
    mu = np.zeros(len(proposals))
    sigma = np.zeros(len(proposals))
    failure = np.zeros(len(proposals))
    mean = np.zeros(len(proposals))
    for i, (proposal, start) in enumerate(proposals):
        anchor = None if scenario is None else ledger.anchor(proposal, scenario)
        gains[i], costs = ledger.gain_and_cost(effect_row(proposal, start, years, anchor))
        base += costs
        mu[i], sigma[i] = lognormal_params(proposal.uncertainty)
        failure[i] = proposal.failure
        mean[i] = ledger.expected_factor(proposal)
    return Portfolio(gains=gains, fixed=base, mu=mu, sigma=sigma, failure=failure, mean=mean)


SAMPLE_CHUNK = 4096
"""Samples drawn per pass of ``sample_totals``: the working arrays stay in the CPU cache."""


def standard_normals(generator: np.random.Generator, out: np.ndarray, scratch: np.ndarray) -> None:
    """Fill the float32 vector ``out`` (even length) with independent standard normal draws.

    Box–Muller on float64 uniforms: for u₁ in (0, 1] and u₂ in [0, 1), √(−2 ln u₁)·cos 2πu₂ and
    √(−2 ln u₁)·sin 2πu₂ are two independent N(0, 1) values. It is exact in distribution and
    several times faster than numpy's float32 ziggurat here. ``scratch`` is a float64 buffer
    at least as long as ``out``.
    """
    half = out.shape[0] // 2
    uniform = scratch[: 2 * half]
    generator.random(out=uniform)
    first, second = uniform[:half], uniform[half:]
    np.subtract(1.0, first, out=first)  # (0, 1]; float32 still holds the smallest values
    np.multiply(second, 2.0 * np.pi, out=second)
    radius, angle = out[:half], out[half:]
    radius[:] = first
    angle[:] = second
    np.log(radius, out=radius)
    radius *= np.float32(-2.0)
    np.sqrt(radius, out=radius)
    sine = np.sin(angle)
    np.cos(angle, out=angle)
    angle *= radius
    radius *= sine


def sample_totals(portfolio: Portfolio, samples: int, generator: np.random.Generator) -> np.ndarray:
    """``samples`` × years matrix of simulated råderum.

    Works in cache-sized chunks with float32 buffers that are reused; the per-proposal
    parameters are tiled to the chunk so every step is one flat pass, and the failure draw is
    made only for the proposals that can fail.
    """
    k, years = portfolio.gains.shape
    if k == 0:
        return np.broadcast_to(portfolio.fixed, (samples, years))
    order = np.argsort(portfolio.failure > 0, kind="stable")  # proposals that can fail last
    sure = int(np.count_nonzero(portfolio.failure <= 0))
    gains = portfolio.gains[order].astype(np.float32)
    chunk = max(1, min(SAMPLE_CHUNK, samples))
    sigma = np.tile(portfolio.sigma[order].astype(np.float32), chunk)
    mu = np.tile(portfolio.mu[order].astype(np.float32), chunk)
    failure = np.tile(portfolio.failure[order][sure:], chunk).reshape(chunk, k - sure)
    draws = np.empty(chunk * k + 1, dtype=np.float32)
    scratch = np.empty(chunk * k + 1)
    failed = np.empty((chunk, k - sure), dtype=bool)
    gained = np.empty((chunk, years), dtype=np.float32)
    totals = np.empty((samples, years))
    for start in range(0, samples, chunk):
        n = min(chunk, samples - start)
        size = n * k
        standard_normals(generator, draws[: size + size % 2], scratch)
        flat = draws[:size]
        flat *= sigma[:size]
        flat += mu[:size]
        np.exp(flat, out=flat)
        factors = flat.reshape(n, k)
        if k > sure:
            uniform = scratch[: n * (k - sure)].reshape(n, k - sure)
            generator.random(out=uniform)
            np.less(uniform, failure[:n], out=failed[:n])
            np.copyto(factors[:, sure:], 0.0, where=failed[:n])
        np.matmul(factors, gains, out=gained[:n])
        np.add(gained[:n], portfolio.fixed, out=totals[start : start + n])
    return totals


def summarise(
    portfolio: Portfolio,
    years: Sequence[str],
    target: Sequence[float],
    *,
    samples: int,
    seed: int | np.random.Generator,
    certain: bool = False,
    settled: Sequence[bool | None] | None = None,
) -> Forecast:
    """Run the Monte Carlo and reduce it to expected value, quantiles and probability.

    ``settled`` marks closed years: True/False are final results, None means still open.
    """
    if certain:
        exact = portfolio.fixed + portfolio.gains.sum(axis=0)
        return reduce_totals(exact[None, :], years, target, exact, settled)
    generator = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    totals = sample_totals(portfolio, samples, generator)
    return reduce_totals(totals, years, target, expected_amounts(portfolio), settled)


def expected_amounts(portfolio: Portfolio) -> np.ndarray:
    """The exact expected råderum per year: each gain times its expected factor (1 − failure,
    ``ledger.expected_factor``), plus the fixed amounts."""
    expected: np.ndarray = portfolio.fixed + portfolio.mean @ portfolio.gains
    return expected


def reduce_totals(
    totals: np.ndarray,
    years: Sequence[str],
    target: Sequence[float],
    expected: np.ndarray,
    settled: Sequence[bool | None] | None = None,
) -> Forecast:
    """A ``Forecast`` from simulated råderum (samples × years): the 10/50/90 % quantiles per
    year and the share of samples that meet every year (closed years as ``settled``)."""
    target_arr = np.asarray(target, dtype=float)
    quantiles = np.quantile(totals, [0.1, 0.5, 0.9], axis=0)
    met = totals >= target_arr - 1e-6
    return Forecast(
        years=tuple(years),
        target=tuple(float(t) for t in target_arr),
        expected=tuple(float(v) for v in expected),
        p10=tuple(float(v) for v in quantiles[0]),
        p50=tuple(float(v) for v in quantiles[1]),
        p90=tuple(float(v) for v in quantiles[2]),
        probability=float(_settle(met, settled).all(axis=1).mean()),
        samples=int(totals.shape[0]),
    )


def settled_years(state: GameState) -> list[bool | None]:
    """Per year: the final result of a closed year (met or not), None for an open one."""
    settled: list[bool | None] = [r.met for r in state.results]
    return settled + [None] * (state.scenario.rounds - len(settled))


def _settle(met: np.ndarray, settled: Sequence[bool | None] | None) -> np.ndarray:
    if settled is None:
        return met
    met = met.copy()
    for year, outcome in enumerate(settled):
        if outcome is not None:
            met[:, year] = outcome
    return met


def forecast_plan(
    deck: Deck,
    scenario: Scenario,
    plan: Sequence[tuple[str, int]],
    *,
    target: Sequence[float] | None = None,
    samples: int = 20_000,
    seed: int = 0,
    certain: bool = False,
) -> Forecast:
    """Forecast a plan of (proposal id, 0-based round) pairs; events are left out."""
    portfolio = build_portfolio(
        [(deck.proposal(pid), start) for pid, start in plan], scenario.rounds, scenario=scenario
    )
    return summarise(
        portfolio,
        scenario.years,
        target if target is not None else scenario.target,
        samples=samples,
        seed=seed,
        certain=certain,
    )


def state_portfolio(state: GameState, extra: str | None = None) -> Portfolio:
    """The risk meter's view of a game: revealed factors and drawn events fixed, the rest
    (and ``extra``, a market card adopted this round) sampled."""
    years = state.scenario.rounds
    fixed = np.array(drawn_events(state), dtype=float)
    uncertain: list[tuple[Proposal, int]] = []
    deck = state.deck
    for adoption in state.adopted:
        proposal = deck.proposal(adoption.card)
        if adoption.revealed:
            anchor = ledger.anchor(proposal, state.scenario)
            fixed += [ledger.realised(proposal, adoption, y, anchor) for y in range(years)]
        else:
            uncertain.append((proposal, adoption.round))
    if extra is not None and state.adoption(extra) is None:
        uncertain.append((deck.proposal(extra), state.round))
    return build_portfolio(uncertain, years, fixed, state.scenario)


def drawn_events(state: GameState) -> tuple[float, ...]:
    """The amounts per year of the events drawn so far in ``state``."""
    event_of = state.deck.event
    return ledger.event_totals(
        [(event_of(e.card), e.round) for e in state.events], state.scenario.rounds
    )


def forecast_state(
    state: GameState,
    extra: str | None = None,
    *,
    samples: int = 4_000,
    seed: int | np.random.Generator = 0,
) -> Forecast:
    """The risk meter: the chance that every year is met with the adopted proposals (plus
    ``extra``, the id of a card on the table, as if adopted this round), with closed years
    taken as their final results, and the expected, 10 %, 50 % and 90 % råderum per year in
    the deck's unit (``Forecast``).

    Only what the table can know is used: the events drawn so far count, the events still to
    come do not (as on the board), and unrevealed factors are sampled (``samples`` draws
    from ``seed``; the board's meter draws 4,000 – a bot that calls this for every card each
    round may pass fewer, e.g. 256). ``Forecast.expected`` is exact, each gain times its
    expected factor (``expected_factor``), and depends on neither ``samples`` nor ``seed``.
    An ``extra`` already adopted counts once.

    Raises ``IllegalAction`` (code ``unknown_card`` or ``not_in_market``) when ``extra`` is
    not a proposal of the deck or not on the table: a forecast of a card that is not there
    answered silently before. A card on the table is forecast as if adopted even when the
    rules would refuse it now (it requires another card, another card excludes it, or the
    round's capacity is used up): ``legal_actions`` says what can be adopted. Raises
    ``ValueError`` when ``samples`` is not a whole number of at least 1, or ``seed`` is
    neither a whole number of at least 0 nor a numpy ``Generator``.
    """
    if isinstance(samples, bool) or not isinstance(samples, (int, np.integer)) or samples < 1:
        raise ValueError(f"samples must be a whole number of at least 1, not {samples!r}")
    if not isinstance(seed, np.random.Generator) and (
        isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0
    ):
        raise ValueError(f"seed must be a whole number of at least 0, not {seed!r}")
    if extra is not None and state.adoption(extra) is None:
        if not isinstance(extra, str) or not state.deck.has_proposal(extra):
            raise IllegalAction(
                Refusal.UNKNOWN_CARD, f"no proposal has the id {shown(extra)}", card=extra
            )
        if extra not in state.market:
            said = f"{shown(extra)} is not on the table"
            raise IllegalAction(Refusal.NOT_IN_MARKET, said, card=extra)
    return summarise(
        state_portfolio(state, extra),
        state.scenario.years,
        state.targets,
        samples=samples,
        seed=seed,
        settled=settled_years(state),
    )
