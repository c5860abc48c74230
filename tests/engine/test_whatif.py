"""The debrief's what-if: actual, expected at m = 1, the 10 % worst case and the best plan."""

from __future__ import annotations

import numpy as np
import pytest

from game.engine import raaderum
from game.engine.bots import POLICIES
from game.engine.forecast import forecast_plan
from game.engine.ledger import event_amount
from game.engine.optimise import evaluate, problem_from_state, score
from game.engine.randomness import factor_from_draws
from game.engine.simulate import play_game
from game.engine.whatif import what_if


@pytest.fixture(scope="module")
def finished(std_deck):
    """A finished standard game played by the greedy bot."""
    return play_game(std_deck, "standard", 11, POLICIES["greedy"], np.random.default_rng(11))


def _events(state, year):
    return sum(event_amount(state, e, year) for e in state.events)


def test_expected_is_the_exact_sum_at_face_value(finished):
    result = what_if(finished, samples=500)
    deck = finished.deck
    for year in range(finished.scenario.rounds):
        by_hand = _events(finished, year) + sum(
            deck.proposal(a.card).amount(year - a.round)
            for a in finished.adopted
            if year >= a.round
        )
        assert result.expected[year] == pytest.approx(by_hand)
    certain = forecast_plan(
        deck,
        finished.scenario,
        [(a.card, a.round) for a in finished.adopted],
        certain=True,
    )
    events = [_events(finished, y) for y in range(finished.scenario.rounds)]
    assert result.expected == pytest.approx([c + e for c, e in zip(certain.expected, events)])


def test_actual_is_what_the_rules_recorded(finished):
    result = what_if(finished, samples=500)
    assert result.actual == pytest.approx(raaderum(finished))
    assert result.actual == pytest.approx([r.raaderum for r in finished.results])
    assert result.years == finished.scenario.years
    assert result.target == finished.targets


def test_worst10_is_the_tenth_percentile_of_fresh_factors(finished):
    """An independent simulation with the engine's own factor draw gives the same p10."""
    result = what_if(finished, samples=20_000)
    deck = finished.deck
    rng = np.random.default_rng(123)
    years = finished.scenario.rounds
    n = 20_000
    totals = np.zeros((n, years))
    for year in range(years):
        totals[:, year] += _events(finished, year)
    for adoption in finished.adopted:
        proposal = deck.proposal(adoption.card)
        uniform = rng.random(n)
        normal = rng.standard_normal(n)
        factors = np.array(
            [
                factor_from_draws(u, z, proposal.uncertainty, proposal.failure)
                for u, z in zip(uniform, normal)
            ]
        )
        for year in range(adoption.round, years):
            amount = proposal.amount(year - adoption.round)
            totals[:, year] += factors * amount if amount > 0 else amount
    p10 = np.quantile(totals, 0.1, axis=0)
    spread = np.quantile(totals, 0.2, axis=0) - np.quantile(totals, 0.05, axis=0)
    for year in range(years):
        assert result.worst10[year] == pytest.approx(p10[year], abs=0.15 * spread[year] + 0.05)
        assert result.worst10[year] <= result.expected[year] + 1e-9


def test_certain_cards_have_no_worst_case(ledger_deck):
    from game.engine import Adopt, EndYear, apply, legal_actions, new_game

    state = new_game(ledger_deck, "regn", 0)
    for card in ("spar5", "eff", "inv"):
        if Adopt(card) in legal_actions(state):
            state = apply(state, Adopt(card))
    while not state.finished:
        state = apply(state, EndYear())
    result = what_if(state, samples=300)
    assert result.worst10 == pytest.approx(result.expected)
    assert result.actual == pytest.approx(result.expected)


def test_best_plan_is_legal_and_never_worse_than_the_groups(finished):
    result = what_if(finished, samples=300)
    problem = problem_from_state(finished)
    best = evaluate(problem, result.best_plan)
    own = evaluate(problem, [(a.card, a.round) for a in finished.adopted])
    assert best.raaderum == pytest.approx(result.best)
    assert result.best_met_all == all(best.met)
    assert score(problem, best) >= score(problem, own)


def test_same_game_same_figures(finished):
    first, second = what_if(finished, samples=800), what_if(finished, samples=800)
    assert first == second
