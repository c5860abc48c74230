"""Bots that play the game: a random baseline and a greedy heuristic.

A policy is a function ``(state, generator) -> action``; the generator is the bot's own (the
game's randomness stays in the state), so a seeded bot plays the same game every time.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from game.engine.actions import Action, Adopt, EndYear
from game.engine.ledger import expected_profile
from game.engine.model import Kind, Proposal
from game.engine.rules import adoptable, kinds_adopted, legal_actions, raaderum
from game.engine.state import GameState

Policy = Callable[[GameState, np.random.Generator], Action]

BUFFER = 1.1
"""Greedy aims this much above each target, as a margin for events and uncertainty."""
BUFFER_ABS = 5.0
SERVICE_WORTH = 3.0
"""Mio. kr. per remaining year that a point of service is worth when there is a floor."""
KIND_BONUS = 1_000.0
"""Worth of adopting a kind the group still lacks when the scenario requires all three."""


def random_policy(state: GameState, generator: np.random.Generator) -> Action:
    """Pick any legal decision, ending the year included, with equal chance."""
    moves = legal_actions(state)
    return moves[int(generator.integers(len(moves)))]


def adoption_value(
    state: GameState, proposal: Proposal, gaps: list[float], have: set[Kind] | None = None
) -> float:
    """How much adopting ``proposal`` now closes the remaining gaps, per unit of load.

    The current year counts at least double (as much as half the years left): its result
    becomes final when the round ends.
    """
    value = 0.0
    weight = max(2.0, len(gaps) / 2.0)  # the current year's weight; later years count 1
    for amount, gap in zip(expected_profile(proposal), gaps):
        if amount > 0:
            value += weight * (gap if gap < amount else amount)  # min(amount, gap)
        elif amount < 0:
            value += weight * amount * (1.0 if gap > 0 else 0.5)
        weight = 1.0
    scenario = state.scenario
    if (
        scenario.require_all_kinds
        and proposal.kind not in (kinds_adopted(state) if have is None else have)
        and (state.round >= 1 or gaps[0] <= 0)
    ):
        value += KIND_BONUS  # a missing kind, once the first year's gap is dealt with
    floor = scenario.service_floor
    if floor is not None:
        value += SERVICE_WORTH * len(gaps) * proposal.service  # a floor makes service count
        last_round = state.round == scenario.rounds - 1
        if last_round and state.service + proposal.service < floor and proposal.service < 0:
            value -= KIND_BONUS  # no later round to win the service back
    return value / proposal.load


def greedy_policy(state: GameState, generator: np.random.Generator) -> Action:
    """Adopt the card that closes most of the remaining gaps per unit of load, as long as one
    helps; then end the year."""
    visible = raaderum(state, visible=True)
    gaps = [
        max(0.0, state.targets[y] * BUFFER + BUFFER_ABS - visible[y])
        for y in range(state.round, state.scenario.rounds)
    ]
    best: str | None = None
    best_value = 0.0
    have = kinds_adopted(state)
    proposal = state.deck.proposal
    for card in adoptable(state):
        value = adoption_value(state, proposal(card), gaps, have)
        if value > best_value + 1e-12:
            best, best_value = card, value
    return EndYear() if best is None else Adopt(best)


POLICIES: dict[str, Policy] = {"random": random_policy, "greedy": greedy_policy}
