"""Bots that play the game: a random baseline, the greedy heuristic and the one-sided
strategies the balance harness plays against it.

A policy is a function ``(state, generator) -> action``; the generator is the bot's own (the
game's chance stays in the state), so a seeded bot plays the same game every time. Every bot
plays through the engine's public API (``legal_actions`` and ``adoptable``, both exported by
``game.engine``) and sees only what the table sees: the face value of unrevealed cards, the
events drawn so far.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from game.engine import ledger
from game.engine.actions import Action, Adopt, EndYear
from game.engine.model import KINDS, Deck, Kind, Proposal
from game.engine.rules import adoptable, kinds_adopted, legal_actions, raaderum
from game.engine.state import GameState

Policy = Callable[[GameState, np.random.Generator], Action]

BUFFER = 1.1
"""Greedy aims this much above each target, as a margin for events and uncertainty."""
BUFFER_ABS = 2.0
"""… and this many mio. kr. more (``Deck.in_unit``: 2.000 in a deck in t. kr.)."""
SERVICE_WORTH = 3.0
"""Mio. kr. per remaining year that a point of service is worth when there is a floor."""
KIND_BONUS = 1_000.0
"""Worth (mio. kr.) of adopting a kind the group still lacks when the scenario requires all
three: more than any card's amounts, so a missing kind always comes first."""


@dataclass(frozen=True)
class GreedyWeights:
    """The greedy bot's amounts in a deck's unit (``greedy_weights``); the scalar bot here
    and the vectorised one (``batch``) both take them, so that they play alike."""

    margin: float
    """``BUFFER_ABS``: aimed above each target besides the ``BUFFER`` share."""
    kind_bonus: float
    """``KIND_BONUS``: the worth of a kind the group still lacks."""
    service_worth: float
    """``SERVICE_WORTH``: the worth of a point of service per remaining year."""


def greedy_weights(deck: Deck) -> GreedyWeights:
    """The greedy bot's amounts for ``deck``: its mio. kr. in the deck's unit. A deck in
    t. kr. (a budget office's own) was played with a margin of 2 t. kr. and a bonus for a
    missing kind of 1 mio. kr., and lost most games on the kinds it should have won."""
    return _weights(deck.unit_scale)


@functools.lru_cache(maxsize=8)
def _weights(unit_scale: float) -> GreedyWeights:
    """``greedy_weights`` for a deck whose unit is ``unit_scale`` to the mio. kr. (asked for
    every card the greedy bot scores: made once per unit)."""
    return GreedyWeights(
        margin=BUFFER_ABS * unit_scale,
        kind_bonus=KIND_BONUS * unit_scale,
        service_worth=SERVICE_WORTH * unit_scale,
    )


def random_policy(state: GameState, generator: np.random.Generator) -> Action:
    """Pick any legal decision, ending the year included, with equal chance."""
    moves = legal_actions(state)
    return moves[int(generator.integers(len(moves)))]


def gaps(state: GameState) -> list[float]:
    """What each remaining year (this one first) still lacks of its target with the greedy
    margin, as the table sees it (unrevealed cards at face value); 0 where it is covered."""
    shown = raaderum(state, visible=True)
    margin = greedy_weights(state.deck).margin
    return [
        max(0.0, state.targets[year] * BUFFER + margin - shown[year])
        for year in range(state.round, state.scenario.rounds)
    ]


def capacity_cost(state: GameState, proposal: Proposal) -> int:
    """The capacity adopting ``proposal`` takes now: its belastning and the capacity its own
    træthed takes (``ledger``)."""
    before = ledger.lost_capacity(state.fatigue)
    after = ledger.lost_capacity(state.fatigue + ledger.fatigue_of(proposal))
    return proposal.load + after - before


def adoption_value(
    state: GameState, proposal: Proposal, gaps: list[float], have: set[Kind] | None = None
) -> float:
    """How much adopting ``proposal`` now closes the remaining gaps, per unit of capacity.

    The current year counts at least double (as much as half the years left): its result
    becomes final when the round ends.
    """
    anchor = ledger.anchor(proposal, state.scenario)
    row = ledger.expected_row(proposal, state.round, state.scenario.rounds, anchor)
    value = 0.0
    weight = max(2.0, len(gaps) / 2.0)  # the current year's weight; later years count 1
    for amount, gap in zip(row[state.round :], gaps):
        if amount > 0:
            value += weight * (gap if gap < amount else amount)  # min(amount, gap)
        elif amount < 0:
            value += weight * amount * (1.0 if gap > 0 else 0.5)
        weight = 1.0
    scenario = state.scenario
    weights = greedy_weights(state.deck)
    if (
        scenario.require_all_kinds
        and proposal.kind not in (kinds_adopted(state) if have is None else have)
        and (state.round >= 1 or gaps[0] <= 0)
    ):
        value += weights.kind_bonus  # a missing kind, once the first year's gap is dealt with
    floor = scenario.service_floor
    if floor is not None:
        value += weights.service_worth * len(gaps) * proposal.service  # service counts
        last_round = state.round == scenario.rounds - 1
        if last_round and state.service + proposal.service < floor and proposal.service < 0:
            value -= weights.kind_bonus  # no later round to win the service back
    return value / max(1, capacity_cost(state, proposal))


def _best(state: GameState, allowed: Callable[[Proposal], bool]) -> str | None:
    """The adoptable allowed card of the highest greedy value, if any has a positive one."""
    open_gaps = gaps(state)
    best: str | None = None
    best_value = 0.0
    have = kinds_adopted(state)
    proposal_of = state.deck.proposal
    for card in adoptable(state):
        proposal = proposal_of(card)
        if not allowed(proposal):
            continue
        value = adoption_value(state, proposal, open_gaps, have)
        if value > best_value + 1e-12:
            best, best_value = card, value
    return best


def greedy_policy(state: GameState, generator: np.random.Generator) -> Action:
    """Adopt the card that closes most of the remaining gaps per unit of capacity, as long as
    one helps; then end the year."""
    best = _best(state, lambda _: True)
    return EndYear() if best is None else Adopt(best)


def _token(state: GameState, kind: Kind) -> str | None:
    """The adoptable card of ``kind`` that takes the least capacity (the first on a tie), when
    the scenario requires every kind and the group has none of that kind yet."""
    if not state.scenario.require_all_kinds or kind in kinds_adopted(state):
        return None
    proposal_of = state.deck.proposal
    cards = [c for c in adoptable(state) if proposal_of(c).kind is kind]
    if not cards:
        return None
    return min(cards, key=lambda c: capacity_cost(state, proposal_of(c)))


def _one_sided(kinds: set[Kind], state: GameState) -> Action:
    """Greedy on ``kinds`` only; a token of each other kind when the rules require it (from
    the second round on, or in the last round of a one-year game)."""
    best = _best(state, lambda p: p.kind in kinds)
    if best is not None:
        return Adopt(best)
    if state.round >= 1 or state.scenario.rounds == 1:
        for kind in (Kind.SAVING, Kind.EFFICIENCY, Kind.INVESTMENT):
            if kind not in kinds:
                token = _token(state, kind)
                if token is not None:
                    return Adopt(token)
    return EndYear()


def savings_first_policy(state: GameState, generator: np.random.Generator) -> Action:
    """The largest savings first, every round, while a gap remains and they fit; then one
    token card of each missing kind."""
    proposal_of = state.deck.proposal
    if any(g > 0 for g in gaps(state)):
        savings = [c for c in adoptable(state) if proposal_of(c).kind is Kind.SAVING]
        if savings:
            year = state.round
            scenario = state.scenario
            largest = max(
                savings,
                key=lambda c: ledger.face(
                    proposal_of(c), year, year, ledger.anchor(proposal_of(c), scenario)
                ),
            )
            return Adopt(largest)
    for kind in (Kind.EFFICIENCY, Kind.INVESTMENT):
        token = _token(state, kind)
        if token is not None:
            return Adopt(token)
    return EndYear()


def no_investment_policy(state: GameState, generator: np.random.Generator) -> Action:
    """Greedy on savings and efficiencies; one token investment at most."""
    return _one_sided({Kind.SAVING, Kind.EFFICIENCY}, state)


def invest_first_policy(state: GameState, generator: np.random.Generator) -> Action:
    """Greedy on efficiencies and investments, with no bridging savings: one token saving."""
    return _one_sided({Kind.EFFICIENCY, Kind.INVESTMENT}, state)


def _within_floor(state: GameState, proposal: Proposal) -> bool:
    """True when adopting ``proposal`` keeps service at or above the scenario's floor."""
    floor = state.scenario.service_floor
    return floor is None or state.service + proposal.service >= floor


def board_one_sided_policy(main: frozenset[Kind]) -> Policy:
    """A one-sided table that plays by the board's figures (face values, as the board shows
    them) and leans on the kinds in ``main``; of every other kind it adopts one card only,
    the one that promises most in the last year, as soon as it can.

    Each round, after any token: the efficiencies and investments of ``main`` that promise
    most in the last year, unless one would pull this year below its target; then (when
    savings are in ``main``) the savings that give most this year per point of service, while
    this year or the last year is short on the board. It never goes below the service floor.
    It stands for a careful table that hopes for good draws, not for the best plan.
    """

    def policy(state: GameState, generator: np.random.Generator) -> Action:
        proposal_of = state.deck.proposal
        scenario = state.scenario
        year, last = state.round, scenario.rounds - 1
        shown = raaderum(state, visible=True)
        taken = {proposal_of(a.card).kind for a in state.adopted}
        cards = [proposal_of(c) for c in adoptable(state)]
        cards = [p for p in cards if _within_floor(state, p)]

        def amount(proposal: Proposal, when: int) -> float:
            return ledger.face(proposal, year, when, ledger.anchor(proposal, scenario))

        def strongest(pool: list[Proposal]) -> Proposal:
            return max(pool, key=lambda p: amount(p, last))  # the first on a tie

        for kind in KINDS:
            tokens = [p for p in cards if p.kind is kind]
            if kind not in main and kind not in taken and tokens:
                return Adopt(strongest(tokens).id)
        lasting = [
            p
            for p in cards
            if p.kind in main
            and p.kind is not Kind.SAVING
            and (amount(p, year) >= 0 or shown[year] + amount(p, year) >= state.targets[year])
        ]
        if lasting:
            return Adopt(strongest(lasting).id)
        short = shown[year] < state.targets[year] or shown[last] < state.targets[last]
        savings = [p for p in cards if p.kind is Kind.SAVING and Kind.SAVING in main]
        if short and savings:
            best = max(savings, key=lambda p: amount(p, year) / max(1, -p.service))
            return Adopt(best.id)
        return EndYear()

    return policy


POLICIES: dict[str, Policy] = {
    "random": random_policy,
    "greedy": greedy_policy,
    "savings-first": savings_first_policy,
    "no-investment": no_investment_policy,
    "invest-first": invest_first_policy,
}
"""The bots by name (``raaderum simulate --policy``). The look-ahead planner lives in
``planner`` and is added by ``game.balance``."""
