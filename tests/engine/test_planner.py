"""The look-ahead bot (the balance harness's best strategy): when no plan wins with its margin,
it plays for the plan that still wins as the board reckons, not for one that is sure to lose."""

from __future__ import annotations

import numpy as np
import pytest

from game.content import load_sources
from game.engine import Adopt, Deck, apply, new_game, verdict
from game.engine.optimise import best_portfolio, optimise
from game.engine.planner import CAREFUL, plan_round, planner_policy, planning_problem

# Two years, targets 1 and 9, service floor −2. A sure saving (3) and an efficiency (1, then
# 2) leave 5 in 2028. The investment (−1, then 6) brings 2028 to 11 on the board, but it fails
# six times in ten, so it is worth only 2,4 on average: 7,4 < 9. The big saving (6) reaches 9
# for certain, but its three steps of service take the level to −4, below the floor.
DECK = """\
deck:
  id: bet
  title: Væddemål
  schema_version: 2
proposals:
  - id: spar
    kind: saving
    title: Spar
    area: Administration
    effect: [3]
    service: -1
    uncertainty: 0
  - id: eff
    kind: efficiency
    title: Effektiv
    area: Administration
    effect: [1, 2]
    uncertainty: 0
    failure: 0
  - id: inv
    kind: investment
    title: Invester
    area: Administration
    effect: [-1, 6]
    service: 0
    uncertainty: 0
    failure: 0.6
  - id: stor
    kind: saving
    title: Stor besparelse
    area: Administration
    effect: [6]
    service: -3
    uncertainty: 0
scenarios:
  - id: bet
    title: Væddemål
    years: ["2027", "2028"]
    target: [1, 9]
    capacity: 22
    market: 4
    events_per_round: 0
    service_floor: -2
    require_all_kinds: false
"""


@pytest.fixture(scope="module")
def bet_deck() -> Deck:
    return load_sources([("bet.yaml", DECK)])


def test_when_no_plan_wins_with_the_margin_the_plan_is_one_that_wins_on_the_board(bet_deck):
    state = new_game(bet_deck, "bet", 0)
    careful = optimise(planning_problem(state, reckoning=CAREFUL))
    assert not careful.won
    assert "stor" in {pid for pid, _ in careful.plan}  # sure to end below the floor
    plan = plan_round(state)
    assert plan.won
    assert {pid for pid, _ in plan.plan} == {"spar", "eff", "inv"}


@pytest.mark.parametrize("seed", range(8))
def test_the_planner_bets_on_the_investment_and_wins_exactly_when_it_works(bet_deck, seed):
    policy = planner_policy()
    generator = np.random.default_rng(seed)
    state = new_game(bet_deck, "bet", seed)
    adopted = []
    while not state.finished:
        action = policy(state, generator)
        if isinstance(action, Adopt):
            adopted.append(action.card)
        state = apply(state, action)
    assert "stor" not in adopted
    assert "inv" in adopted
    works = next(a.factor for a in state.adopted if a.card == "inv") > 0
    assert verdict(state).won == works


# Two years, target 2 in each: the planner aims at 2 · 1,15 + 2 = 4,3. The saving (5 a year)
# reaches that on its own; the efficiency (1) and the investment (1, service +1) only add
# råderum and service.
SPARE = """\
deck: {id: spare, title: Nok er nok, schema_version: 2}
proposals:
  - {id: spar, kind: saving, title: Spar, area: Administration, effect: [5], service: 0,
     uncertainty: 0}
  - {id: eff, kind: efficiency, title: Effektiv, area: Administration, effect: [1],
     uncertainty: 0, failure: 0}
  - {id: inv, kind: investment, title: Invester, area: Administration, effect: [1],
     service: 1, uncertainty: 0, failure: 0}
scenarios:
  - {id: spare, title: Nok er nok, years: ["2027", "2028"], target: [2, 2], capacity: 22,
     market: 3, events_per_round: 0, require_all_kinds: false}
"""


def test_the_planner_adopts_no_more_than_its_margin_needs():
    """With the margin met, the planner spends no more of the organisation's capacity: it
    leaves the cards that would only add råderum or service. The debrief's best plan, which
    shows what the cards allowed, still takes them all."""
    deck = load_sources([("spare.yaml", SPARE)])
    state = new_game(deck, "spare", 0)
    plan = plan_round(state)
    assert plan.won
    assert {pid for pid, _ in plan.plan} == {"spar"}
    policy = planner_policy()
    generator = np.random.default_rng(0)
    while not state.finished:
        state = apply(state, policy(state, generator))
    assert state.adopted_ids() == ("spar",)
    assert verdict(state).won
    best = best_portfolio(state)  # the debrief's "Hvad nu hvis?"
    assert {pid for pid, _ in best.plan} == {"spar", "eff", "inv"}
