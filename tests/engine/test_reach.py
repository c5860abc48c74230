"""How high the facilitator's X can go (``game.engine.reach``): the largest last-year target
the whole pile meets without luck – checked against exhaustive search, by hand and by
playing the plan it names through the engine."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import Adopt, EndYear, Kind, apply, new_game, verdict
from game.engine.optimise import Card, Problem, can_win, card_for, highest_scale
from game.engine.reach import target_reach
from game.engine.rules import Chance, scaled_targets
from tests.engine.test_optimise import feasible_plans, keeps_kinds_and_floor, problems

WEIGHTS = st.lists(st.integers(0, 8).map(lambda v: v / 2), min_size=3, max_size=3)


def _best_scale(problem: Problem, weights: tuple[float, ...]) -> float | None:
    """The largest s ≥ 0 some plan meets s·weights with, by trying every plan."""
    best = None
    for _, totals, service, kinds in feasible_plans(problem):
        if not keeps_kinds_and_floor(problem, service, kinds):
            continue
        if any(t < 0 for t, w in zip(totals, weights) if w == 0):
            continue  # a year asked for nothing still may not go below 0
        s = min((t / w for t, w in zip(totals, weights) if w > 0), default=math.inf)
        if s >= 0 and (best is None or s > best):
            best = s
    return best


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problem=problems(), raw=WEIGHTS)
def test_the_highest_scale_is_the_largest_any_plan_meets(problem, raw):
    weights = (*raw[: problem.rounds - 1], 1.0)[-problem.rounds :]  # the last year's is 1
    expected = _best_scale(problem, weights)
    found = highest_scale(problem, weights)
    if expected is None:
        assert found is None
        return
    assert found is not None and found.exact
    assert found.reached == pytest.approx(expected, abs=1e-6)
    assert found.bound == pytest.approx(expected, abs=1e-6)


def test_an_investment_started_a_year_later_lets_the_target_go_higher():
    # Targets 0,5·X and X. The saving gives 5 from the first year, the efficiency 0 then 4,
    # the investment costs 2 in its first year and gives 6 after. All in year 1: 3 and 15,
    # so X ≤ min(3/0,5; 15) = 6. The investment a year later: 5 and 5 + 4 − 2 = 7, so X = 7;
    # the efficiency a year later gives nothing in year 2 (X ≤ 3).
    cards = (
        Card("s", Kind.SAVING, 1, 0, (5.0,), 0),
        Card("e", Kind.EFFICIENCY, 1, 0, (0.0, 4.0), 0),
        Card("i", Kind.INVESTMENT, 1, 0, (-2.0, 6.0), 0),
    )
    problem = Problem(("2027", "2028"), (0.0, 0.0), (0.0, 0.0), cards, capacity=20)
    found = highest_scale(problem, (0.5, 1.0))
    assert found is not None and found.exact
    assert found.reached == pytest.approx(7.0)
    assert sorted(found.plan) == [("e", 0), ("i", 1), ("s", 0)]


def test_a_pile_without_a_kind_the_rules_ask_for_reaches_nothing():
    cards = (Card("s", Kind.SAVING, 1, 0, (5.0,), 0), Card("e", Kind.EFFICIENCY, 1, 0, (3.0,), 0))
    problem = Problem(("2027",), (0.0,), (0.0,), cards, capacity=20)
    assert highest_scale(problem, (1.0,)) is None
    relaxed = Problem(("2027",), (0.0,), (0.0,), cards, capacity=20, require_all_kinds=False)
    found = highest_scale(relaxed, (1.0,))
    assert found is not None and found.reached == pytest.approx(8.0)


@pytest.mark.parametrize("scenario_id", ["intro", "krise", "borgermoede"])
def test_the_reach_is_won_in_the_engine_and_a_little_more_is_not(std_deck, scenario_id):
    """The plan the reach names wins a real game at X = the reach when luck plays no part
    (the whole pile on the table, no events, every card at its face amount); no plan wins
    with X a little above, and the scenario's own target is within reach."""
    scenario = std_deck.scenario(scenario_id)
    reach = target_reach(std_deck, scenario_id)
    assert reach is not None and reach.exact
    assert reach.reached >= scenario.target[-1]
    x = math.floor(reach.reached * 100) / 100  # the targets are kept to two decimals
    chance = Chance(
        events=((),) * scenario.rounds,
        factors=tuple((pid, 1.0) for pid in scenario.proposals),
        open_table=True,
    )
    state = new_game(std_deck, scenario_id, 1, x, chance=chance)
    for round_index in range(scenario.rounds):
        for pid, start in reach.plan:
            if start == round_index:
                state = apply(state, Adopt(pid))
        state = apply(state, EndYear())
    assert verdict(state).won, verdict(state).reasons
    assert reach.beyond(x + 0.5) and not reach.beyond(x)
    higher = Problem(
        years=scenario.years,
        targets=scaled_targets(scenario.target, reach.ceiling + 0.5),
        fixed=(0.0,) * scenario.rounds,
        cards=tuple(card_for(state, pid, 0) for pid in scenario.proposals),
        capacity=scenario.capacity,
        service_floor=scenario.service_floor,
        require_all_kinds=scenario.require_all_kinds,
        construction_budget=scenario.construction_budget,
    )
    assert not can_win(higher)


def test_a_solver_that_always_throws_leaves_the_reach_unknown_and_nothing_is_said(
    std_deck, monkeypatch
):
    # a warning must never rest on a solver that failed: the start screen and validate say
    # nothing rather than "cannot be won"
    from tests.engine.test_optimise import _highs_throws

    _highs_throws(monkeypatch, fails=10**6)
    reach = target_reach(std_deck, "intro")
    assert reach is not None and reach.ceiling == math.inf and not reach.exact
    assert not reach.beyond(1000.0)


def test_what_a_pile_frees_together_counts_one_of_two_cards_that_exclude_each_other():
    # a budget office was told its savings "kan række til målet" by a pair of which only one
    # can be adopted; hand-computed on the standard deck's web of three: the efficiency
    # contribution (4,5) excludes both the lean programme (4) and the flat cut (3)
    from game.content import load_deck
    from game.paths import standard_deck

    deck = load_deck(standard_deck())
    web = ["effektiviseringsbidrag", "lean", "adm-groenthoester"]

    def last(p):  # type: ignore[no-untyped-def]
        return p.effect[-1]

    assert deck.most_together(web, last) == ("lean", "adm-groenthoester")  # 7 beats 4,5
    big = {"effektiviseringsbidrag": 10.0, "lean": 4.0, "adm-groenthoester": 3.0}
    assert deck.most_together(web, lambda p: big[p.id]) == ("effektiviseringsbidrag",)
    # a card worth nothing is left out; cards that exclude nothing are all kept
    assert deck.most_together(["lean", "vakancer"], lambda p: 0.0) == ()
    intro = deck.scenario("intro")
    together = deck.most_together(intro.proposals, last)
    assert "bibliotek-aabningstid" not in together  # 2 beside the self-service's 3
    assert len(together) == len(intro.proposals) - 1
    assert sum(deck.proposal(p).effect[-1] for p in together) == 67.5


def test_what_a_pile_frees_together_takes_a_card_with_the_cards_it_requires():
    # a card needs the cards it requires: screen visits (5) need the welfare technology,
    # worth −1 here, so both (4) – and without the technology's value, none of the two
    from game.content import load_deck
    from game.paths import standard_deck

    deck = load_deck(standard_deck())
    pair = ["skaermbesoeg", "velfaerdsteknologi"]
    worth = {"skaermbesoeg": 5.0, "velfaerdsteknologi": -1.0}
    assert deck.most_together(pair, lambda p: worth[p.id]) == tuple(pair)
    worth["velfaerdsteknologi"] = -6.0
    assert deck.most_together(pair, lambda p: worth[p.id]) == ()
    # a requirement outside the cards asked about counts as met
    assert deck.most_together(["skaermbesoeg"], lambda p: 5.0) == ("skaermbesoeg",)
