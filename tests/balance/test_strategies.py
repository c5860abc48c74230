"""The one-sided strategies play what their names say, through the engine's public API."""

from __future__ import annotations

import numpy as np
import pytest

from game.balance.strategies import BY_NAME, STRATEGIES
from game.engine import Adopt, apply, new_game
from game.engine.model import Kind
from game.engine.rules import adoptable

TOKENS = {
    "planner-savings": {Kind.EFFICIENCY, Kind.INVESTMENT},
    "planner-no-investment": {Kind.INVESTMENT},
    "planner-no-saving": {Kind.SAVING},
}


@pytest.mark.parametrize("name", sorted(TOKENS))
@pytest.mark.parametrize("seed", [0, 1])
def test_a_look_ahead_one_sided_strategy_adopts_at_most_one_card_of_its_token_kinds(
    std_deck, name, seed
):
    policy = BY_NAME[name].make()
    generator = np.random.default_rng(seed)
    state = new_game(std_deck, "intro", seed)
    while not state.finished:
        state = apply(state, policy(state, generator))
    kinds = [std_deck.proposal(pid).kind for pid in state.adopted_ids()]
    for kind in TOKENS[name]:
        assert kinds.count(kind) <= 1, (name, kinds)
    # it still plays: the kind it leans on carries most of its cards
    leaned = [k for k in kinds if k not in TOKENS[name]]
    assert len(leaned) >= 2


def test_every_kind_of_one_sided_play_has_a_greedy_a_look_ahead_and_a_board_version():
    sides: dict[str, set[str]] = {}
    for strategy in STRATEGIES:
        if strategy.one_sided:
            version = strategy.name.split("-")[0] if "-" in strategy.name else strategy.name
            version = version if version in ("planner", "board") else "greedy"
            sides.setdefault(strategy.side, set()).add(version)
    both = {"greedy", "planner", "board"}
    assert sides == {side: both for side in ("savings", "no-investment", "no-saving")}


BOARD_TOKENS = {
    "board-savings": {Kind.EFFICIENCY, Kind.INVESTMENT},
    "board-no-investment": {Kind.INVESTMENT},
    "board-no-saving": {Kind.SAVING},
}


@pytest.mark.parametrize("name", sorted(BOARD_TOKENS))
@pytest.mark.parametrize("scenario", ["standard", "borgermoede"])
def test_a_board_one_sided_strategy_takes_the_strongest_token_and_keeps_the_floor(
    std_deck, name, scenario
):
    policy = BY_NAME[name].make()
    generator = np.random.default_rng(0)
    for seed in range(4):
        state = new_game(std_deck, scenario, seed)
        last = state.scenario.rounds - 1
        floor = state.scenario.service_floor
        while not state.finished:
            action = policy(state, generator)
            if isinstance(action, Adopt):
                chosen = std_deck.proposal(action.card)
                # its own choices never take service below the floor
                assert floor is None or state.service + chosen.service >= floor
                if chosen.kind in BOARD_TOKENS[name]:
                    # a token: the first of its kind, and the strongest one on the table
                    assert all(
                        std_deck.proposal(a.card).kind is not chosen.kind for a in state.adopted
                    )
                    rivals = [
                        std_deck.proposal(c)
                        for c in adoptable(state)
                        if std_deck.proposal(c).kind is chosen.kind
                    ]
                    promise = chosen.amount(last - state.round)
                    assert promise == max(p.amount(last - state.round) for p in rivals)
            state = apply(state, action)
        kinds = [std_deck.proposal(pid).kind for pid in state.adopted_ids()]
        for kind in BOARD_TOKENS[name]:
            assert kinds.count(kind) <= 1, (name, seed, kinds)
