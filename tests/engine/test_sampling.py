"""The Monte Carlo sampler behind the risk meter draws the distribution the rules define."""

from __future__ import annotations

import numpy as np

from game.engine.forecast import Portfolio, sample_totals, standard_normals
from game.engine.randomness import die_face, die_table, factor_from_draws, lognormal_params

SAMPLES = 400_000


def test_box_muller_draws_are_standard_normal() -> None:
    draws = np.empty(SAMPLES, dtype=np.float32)
    standard_normals(np.random.default_rng(11), draws, np.empty(SAMPLES))
    assert abs(float(draws.mean())) < 0.01
    assert abs(float(draws.std()) - 1.0) < 0.01
    assert abs(float((draws > 1.959964).mean()) - 0.025) < 0.002
    assert abs(float((draws < -1.959964).mean()) - 0.025) < 0.002
    halves = draws.reshape(2, -1)  # the sine and cosine halves are uncorrelated
    assert abs(float(np.corrcoef(halves[0], halves[1])[0, 1])) < 0.01


def _portfolio() -> Portfolio:
    uncertainty = np.array([0.05, 0.4, 0.3])
    params = [lognormal_params(u) for u in uncertainty]
    return Portfolio(
        gains=np.array([[5.0, 5.0, 5.0], [0.0, 6.0, 6.0], [0.0, 0.0, 9.0]]),
        fixed=np.array([-1.0, -2.0, 0.0]),
        mu=np.array([m for m, _ in params]),
        sigma=np.array([s for _, s in params]),
        failure=np.array([0.0, 0.2, 0.1]),
        mean=np.array([1.0, 0.8, 0.9]),
    )


def test_totals_have_the_expected_mean_failures_and_spread() -> None:
    portfolio = _portfolio()
    totals = sample_totals(portfolio, SAMPLES, np.random.default_rng(5))
    assert totals.shape == (SAMPLES, 3)
    expected = portfolio.fixed + (1.0 - portfolio.failure) @ portfolio.gains
    assert np.allclose(totals.mean(axis=0), expected, atol=0.03)
    # year 2 holds only the certain saving and the investment: the investment fails 20 %
    failed = np.isclose(totals[:, 1], -2.0 + 5.0, atol=0.6)
    assert abs(float(failed.mean()) - 0.2) < 0.01
    # the saving alone in year 1: lognormal with mean 1 and 5 % relative spread
    saving = (totals[:, 0] + 1.0) / 5.0
    assert abs(float(saving.std()) - 0.05) < 0.002


def test_the_same_seed_gives_the_same_totals() -> None:
    portfolio = _portfolio()
    first = sample_totals(portfolio, 10_000, np.random.default_rng(3))
    again = sample_totals(portfolio, 10_000, np.random.default_rng(3))
    assert np.array_equal(first, again)
    few = sample_totals(portfolio, 7, np.random.default_rng(3))
    assert few.shape == (7, 3) and np.isfinite(few).all()


def test_a_printed_cards_die_gives_the_games_chance_of_failure_and_mean() -> None:
    from game.content import load_deck
    from game.engine import die_table
    from game.paths import standard_deck

    deck = load_deck(standard_deck())
    uncertain = [p for p in deck.proposals if p.is_uncertain]
    assert uncertain
    for proposal in uncertain:
        bands = die_table(proposal.uncertainty, proposal.failure)
        faces = [face for band in bands for face in range(band.first, band.last + 1)]
        assert faces == list(range(1, 21)), proposal.id  # every face once, in order
        failing = sum(
            1 for band in bands for _ in range(band.first, band.last + 1) if band.factor == 0
        )
        assert failing == round(proposal.failure * 20), proposal.id
        mean = sum((b.last - b.first + 1) * b.factor for b in bands) / 20
        assert abs(mean - (1 - proposal.failure)) <= 0.03, (proposal.id, mean)
        factors = [b.factor for b in bands if b.factor > 0]
        assert factors == sorted(factors) and factors[0] < 1 < factors[-1], proposal.id


def test_a_wider_uncertainty_spreads_the_die_and_a_certain_card_always_gives_its_amount() -> None:
    from game.engine import DieBand, die_table

    narrow, wide = die_table(0.15, 0.0), die_table(0.5, 0.0)
    assert wide[0].factor < narrow[0].factor and wide[-1].factor > narrow[-1].factor
    assert die_table(0.0, 0.0) == (DieBand(1, 20, 1.0),)
    assert die_table(0.0, 0.1) == (DieBand(1, 2, 0.0), DieBand(3, 20, 1.0))


def test_a_paper_tables_factor_not_entered_falls_on_its_die_as_often_as_the_die_says() -> None:
    # a trial's paper table lost 2027 by 0,005 on a drawn factor of 0,99 – not on the die

    rng = np.random.default_rng(7)
    for uncertainty, failure in ((0.05, 0.0), (0.4, 0.15), (0.2, 0.05)):
        bands = die_table(uncertainty, failure)
        count = {band.factor: 0 for band in bands}
        draws = 40_000
        for _ in range(draws):
            factor = factor_from_draws(rng.random(), rng.standard_normal(), uncertainty, failure)
            count[die_face(factor, uncertainty, failure)] += 1  # KeyError: not a face
        for band in bands:  # each face as often as its share of the die's 20 faces
            share = (band.last - band.first + 1) / 20
            assert abs(count[band.factor] / draws - share) < 0.02, (uncertainty, band, count)
    assert die_face(0.0, 0.4, 0.15) == 0.0
    assert die_face(1.0, 0.0, 0.0) == 1.0
