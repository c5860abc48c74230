"""The one-sided strategies play what their names say, through the engine's public API."""

from __future__ import annotations

import numpy as np
import pytest

from game.balance.strategies import BY_NAME, STRATEGIES
from game.engine import apply, new_game
from game.engine.model import Kind

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


def test_every_kind_of_one_sided_play_has_a_greedy_and_a_look_ahead_version():
    sides: dict[str, set[bool]] = {}
    for strategy in STRATEGIES:
        if strategy.one_sided:
            sides.setdefault(strategy.side, set()).add(strategy.lookahead)
    assert sides == {side: {False, True} for side in ("savings", "no-investment", "no-saving")}
