"""A deck plays the same whichever unit its file is written in: the standard deck written in
t. kr. (every amount × 1000) gives the greedy bot, its vectorised twin and the planner the
same decisions and results as in mio. kr. A budget office's deck in t. kr. was played with
a margin of 2 t. kr. and a bonus of 1 mio. kr. for a missing kind: `simulate` lost 121 of 200
games on the kinds where the same deck in mio. kr. lost none."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from game.engine import Deck, EndYear
from game.engine.actions import Action
from game.engine.batch import play_batch
from game.engine.bots import Policy, greedy_policy
from game.engine.planner import planner_policy
from game.engine.rules import apply, new_game
from game.engine.simulate import game_seed
from game.engine.verdict import verdict

THOUSAND = 1000.0


def _in_thousands(deck: Deck) -> Deck:
    """``deck`` as a budget office writes it in t. kr.: every amount × 1000."""

    def scaled(values: tuple[float, ...]) -> tuple[float, ...]:
        return tuple(round(v * THOUSAND, 6) for v in values)

    return replace(
        deck,
        unit="t. kr.",
        unit_scale=THOUSAND,
        proposals=tuple(
            replace(p, effect=scaled(p.effect), construction=round(p.construction * THOUSAND, 6))
            for p in deck.proposals
        ),
        events=tuple(replace(e, effect=scaled(e.effect)) for e in deck.events),
        scenarios=tuple(
            replace(
                s,
                target=scaled(s.target),
                construction_budget=None
                if s.construction_budget is None
                else round(s.construction_budget * THOUSAND, 6),
            )
            for s in deck.scenarios
        ),
    )


def _moves(
    deck: Deck, scenario: str, seed: int, policy: Policy
) -> tuple[list[Action], tuple[bool, tuple[str, ...]]]:
    state = new_game(deck, scenario, seed)
    moves: list[Action] = []
    generator = np.random.default_rng(0)
    while not state.finished:
        move = policy(state, generator)
        moves.append(move)
        state = apply(state, move)
    outcome = verdict(state)
    return moves, (outcome.won, outcome.reasons)


@pytest.mark.parametrize("scenario", ["standard", "intro", "krise", "borgermoede"])
def test_the_greedy_bot_plays_a_deck_in_thousands_as_in_millions(
    std_deck: Deck, scenario: str
) -> None:
    thousands = _in_thousands(std_deck)
    seeds = [game_seed(11, game) for game in range(24)]
    for seed in seeds:
        in_millions = _moves(std_deck, scenario, seed, greedy_policy)
        assert _moves(thousands, scenario, seed, greedy_policy) == in_millions, seed
    # the vectorised twin (``raaderum simulate``) too: the same games won and lost, for the
    # same reasons – not lost on the kinds for want of a bonus worth 1 mio. kr.
    millions, kroner = play_batch(std_deck, scenario, seeds), play_batch(thousands, scenario, seeds)
    assert kroner.won.tolist() == millions.won.tolist()
    assert [kroner.reasons(g) for g in range(len(seeds))] == [
        millions.reasons(g) for g in range(len(seeds))
    ]
    assert np.allclose(kroner.raaderum, millions.raaderum * THOUSAND)


@pytest.mark.parametrize("scenario", ["intro", "standard"])
def test_the_planner_plays_a_deck_in_thousands_as_in_millions(
    std_deck: Deck, scenario: str
) -> None:
    # a budget office's workbook in t. kr. and the same in mio. kr.: the look-ahead bot
    # played 3 of 48 games otherwise (HiGHS's absolute tolerances broke near-ties), until
    # the integer program was solved in mio. kr.
    thousands = _in_thousands(std_deck)
    policy = planner_policy()
    for seed in [game_seed(5, game) for game in range(6)]:
        in_millions = _moves(std_deck, scenario, seed, policy)
        assert _moves(thousands, scenario, seed, policy) == in_millions, seed
        assert any(not isinstance(move, EndYear) for move in in_millions[0])


def test_the_reach_and_the_best_plan_are_the_same_in_thousands(std_deck: Deck) -> None:
    from game.engine.optimise import best_portfolio
    from game.engine.reach import target_reach

    thousands = _in_thousands(std_deck)
    for scenario in ("intro", "krise"):
        reach = target_reach(std_deck, scenario)
        reach_k = target_reach(thousands, scenario)
        assert reach is not None and reach_k is not None
        assert reach_k.reached == pytest.approx(reach.reached * THOUSAND, rel=1e-9)
        # the "ca." figure of the warnings too: "28,6" in mio. kr. read "28.688" in t. kr.
        assert reach_k.shown == pytest.approx(reach.shown * THOUSAND, rel=1e-9)
        assert reach_k.ceiling == pytest.approx(reach.ceiling * THOUSAND, rel=1e-9)
        state = new_game(std_deck, scenario, 3)
        state_k = new_game(thousands, scenario, 3)
        assert best_portfolio(state_k).plan == best_portfolio(state).plan
