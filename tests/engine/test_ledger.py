"""The ledger: hand-computed multi-year sums, delayed effects, uncertainty and events."""

from __future__ import annotations

import numpy as np
import pytest

from game.engine import (
    Adopt,
    EndYear,
    IllegalAction,
    apply,
    legal_actions,
    new_game,
    raaderum,
    year_total,
)
from game.engine.forecast import forecast_plan
from game.engine.ledger import realised


def _play(deck, scenario, seed, plan):
    """Adopt the cards of ``plan`` (one list per round) and end each year."""
    state = new_game(deck, scenario, seed)
    for cards in plan:
        for card in cards:
            state = apply(state, Adopt(card))
        state = apply(state, EndYear())
    return state


def _market_has(deck, scenario, cards):
    """A seed whose first market shows every card in ``cards``."""
    for seed in range(500):
        if set(cards) <= set(new_game(deck, scenario, seed).market):
            return seed
    raise AssertionError("no seed shows those cards")


def test_multi_year_sums_by_hand(ledger_deck):
    seed = _market_has(ledger_deck, "regn", ["spar5", "inv", "eff"])
    state = new_game(ledger_deck, "regn", seed)
    state = apply(state, Adopt("spar5"))
    state = apply(state, Adopt("eff"))
    state = apply(state, EndYear())
    state = apply(state, Adopt("inv"))
    state = apply(state, EndYear())
    state = apply(state, EndYear())
    state = apply(state, EndYear())
    # spar5: 5 every year. eff [1, 3, 6] from 2027. inv [-4, 2, 10] from 2028.
    assert raaderum(state) == pytest.approx((5 + 1, 5 + 3 - 4, 5 + 6 + 2, 5 + 6 + 10))
    assert [r.raaderum for r in state.results] == pytest.approx([6, 4, 13, 21])
    assert [r.met for r in state.results] == [True, True, True, True]


def test_last_value_holds_for_every_later_year(ledger_deck):
    seed = _market_has(ledger_deck, "regn", ["eff"])
    state = _play(ledger_deck, "regn", seed, [["eff"], [], [], []])
    assert raaderum(state) == pytest.approx((1, 3, 6, 6))


def test_costs_are_never_scaled_and_gains_are(ledger_deck):
    costs, gains = [], []
    for seed in range(400):
        state = new_game(ledger_deck, "regn", seed)
        if "usikker" not in state.market:
            continue
        state = apply(state, Adopt("usikker"))
        adoption = state.adoption("usikker")
        proposal = ledger_deck.proposal("usikker")
        costs.append(realised(proposal, adoption, 0))
        gains.append(realised(proposal, adoption, 1))
    assert len(costs) > 100
    assert set(costs) == {-3.0}
    assert len(set(gains)) > 10  # the gains really vary


def test_mean_gain_is_base_times_one_minus_failure(ledger_deck):
    factors = [new_game(ledger_deck, "regn", seed).factor_of("usikker") for seed in range(6000)]
    factors_arr = np.array(factors)
    # failure 0.3 → 30 % zeros; mean of the factor ≈ 1 − 0.3 = 0.7 (sd of the mean ≈ 0.007).
    assert np.mean(factors_arr == 0) == pytest.approx(0.3, abs=0.03)
    assert factors_arr.mean() == pytest.approx(0.7, abs=0.03)
    nonzero = factors_arr[factors_arr > 0]
    assert nonzero.mean() == pytest.approx(1.0, abs=0.03)
    assert nonzero.std() / nonzero.mean() == pytest.approx(0.5, abs=0.06)


def test_a_card_has_the_same_factor_whenever_it_is_adopted(ledger_deck):
    seed = _market_has(ledger_deck, "regn", ["usikker", "spar5"])
    first = apply(new_game(ledger_deck, "regn", seed), Adopt("usikker"))
    later = apply(apply(new_game(ledger_deck, "regn", seed), Adopt("spar5")), EndYear())
    if "usikker" in later.market:
        later = apply(later, Adopt("usikker"))
        assert later.adoption("usikker").factor == first.adoption("usikker").factor
    assert first.adoption("usikker").factor == new_game(ledger_deck, "regn", seed).factor_of(
        "usikker"
    )


def test_the_events_do_not_depend_on_what_the_group_adopts(std_deck):
    for seed in range(20):
        idle = new_game(std_deck, "standard", seed)
        busy = idle
        for _ in range(3):
            idle = apply(idle, EndYear())
            for card in list(busy.market)[:2]:
                if Adopt(card) in legal_actions(busy):
                    busy = apply(busy, Adopt(card))
            busy = apply(busy, EndYear())
        assert idle.events == busy.events


def test_factor_is_hidden_until_the_first_gain_arrives(ledger_deck):
    seed = _market_has(ledger_deck, "regn", ["usikker"])
    state = apply(new_game(ledger_deck, "regn", seed), Adopt("usikker"))
    # Year 1 is a cost: the group still sees the face value of the gain.
    assert year_total(state, 1, visible=True) == pytest.approx(6)
    state = apply(state, EndYear())
    assert not state.adoption("usikker").revealed
    assert state.results[0].revealed == ()
    state = apply(state, EndYear())
    adoption = state.adoption("usikker")
    assert adoption.revealed
    assert state.results[1].revealed == ("usikker",)
    assert year_total(state, 1, visible=True) == pytest.approx(6 * adoption.factor)


def test_events_hit_from_the_round_they_are_drawn(ledger_deck):
    state = new_game(ledger_deck, "events", 3)
    first = state.events_in_round(0)
    assert first == ("tab",)  # "gave" may only be drawn in round 2
    assert raaderum(state) == pytest.approx((-2, -2, -2))
    state = apply(state, EndYear())
    assert state.events_in_round(1) == ("gave",)
    assert state.service == 1  # the event's service
    assert raaderum(state) == pytest.approx((-2, -1, -2))
    state = apply(state, EndYear())
    assert state.events_in_round(2) == ()  # the pile is empty


def test_forecast_certain_gives_exact_sums(ledger_deck):
    scenario = ledger_deck.scenario("regn")
    result = forecast_plan(ledger_deck, scenario, [("spar5", 0), ("inv", 1)], certain=True)
    assert result.expected == pytest.approx((5, 1, 7, 15))
    assert result.p10 == result.p90 == result.expected
    assert result.probability == 0.0  # 2028 gives 1 < 4


def test_illegal_adoption_leaves_the_state_unchanged(ledger_deck):
    state = new_game(ledger_deck, "regn", 1)
    before = state
    with pytest.raises(IllegalAction) as error:
        apply(state, Adopt("findes-ikke"))
    assert error.value.code == "unknown_card"
    assert state == before
