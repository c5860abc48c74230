"""A look-ahead bot: at the start of every round it plans the rest of the game with the
optimiser's integer program and adopts this round's part of the plan.

It plans with what the table knows: the cards on the table now (it cannot know which cards
come later, so it plans as if these stay), the expected amounts of uncertain cards (the gain
times the chance that the card works), the events drawn so far plus the average of the events
that may still come, and the rules of capacity, træthed, service, kinds and anlæg. It aims
above each target as a margin for chance: a wide margin where a plan can win with it, else its
usual one (``BUFFER``). When no plan wins with that, it does not give up a winning condition at
once: it plans again to win as the table reckons, first at the expected amounts without a
margin, then at the cards' face values (as the board shows them), and takes the first plan that
wins (``RECKONINGS``); only when none does, it keeps as many winning conditions as it can.
With its margin in reach it is thrifty: of the plans that reach the margin it plays the one that
takes the least capacity (belastning plus træthed), so it adopts no card the budget does not
need – KL names fatigue with the råderum agenda as the biggest barrier. Without the margin it
takes all the råderum and service it can get, as the debrief's best plan does.
It is the balance harness's "best strategy": a consultant's careful plan, not a perfect player.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game.engine import ledger
from game.engine.actions import Action, Adopt, EndYear
from game.engine.model import KINDS, Kind, Proposal
from game.engine.optimise import Card, OptimalPlan, Problem, can_win, optimise
from game.engine.rules import adoptable, kinds_adopted, missing_requirements
from game.engine.state import GameState

BUFFER = 1.05
"""The planner aims this share above each target …"""
BUFFER_ABS = 1.0
"""… and this many mio. kr. more (``Deck.in_unit``: 1.000 in a deck in t. kr.)."""
SERVICE_MARGIN = 1
"""… and keeps service this many points above the floor until the last round (events may
still cut it)."""


def expected_events(state: GameState) -> tuple[float, ...]:
    """The average effect per year of the events still to come: for every later round, the
    weighted mean of the events that may come then, times the events drawn per round."""
    scenario = state.scenario
    years = scenario.rounds
    totals = [0.0] * years
    deck = state.deck
    for round_index in range(state.round + 1, years):
        pile = [
            event
            for event in map(deck.event, state.event_pile)
            if event.rounds is None or round_index + 1 in event.rounds
        ]
        weight = sum(e.weight for e in pile)
        if not pile or weight <= 0:
            continue
        for year in range(round_index, years):
            mean = sum(e.weight * ledger.face(e, round_index, year) for e in pile) / weight
            totals[year] += mean * scenario.events_per_round
    return tuple(totals)


@dataclass(frozen=True)
class Reckoning:
    """How the planner reckons a plan: the margin it aims above each later target (``share``
    of the target plus ``extra`` mio. kr., ``Deck.in_unit``), the service points it keeps
    above the floor until the last round, uncertain cards at their expected amounts or
    (``face``) at face value, as the board shows them, and whether the plan is the one that
    takes the least capacity (``thrift``, ``Problem.thrift``) or the most råderum."""

    share: float = BUFFER
    extra: float = BUFFER_ABS
    service: int = SERVICE_MARGIN
    face: bool = False
    thrift: bool = True

    def factor(self, proposal: Proposal) -> float:
        """The factor an unrevealed card counts with: 1 at face value, else the expected."""
        return 1.0 if self.face else ledger.expected_factor(proposal)


CAREFUL = Reckoning()
"""The planner's own reckoning: a margin for chance, expected amounts."""
RECKONINGS = (
    Reckoning(share=1.15, extra=2.0),
    CAREFUL,
    Reckoning(share=1.0, extra=0.0, service=0, thrift=False),
    Reckoning(share=1.0, extra=0.0, service=0, face=True, thrift=False),
)
"""The reckonings in the order the planner tries them: the first that gives a winning plan is
played (see the module docstring)."""


def known_totals(state: GameState, reckoning: Reckoning | None = None) -> tuple[float, ...]:
    """The råderum per year the group can count on: drawn events, revealed cards as they
    turned out, unrevealed cards at their expected amounts (or as ``reckoning`` counts them)."""
    reckoning = reckoning or CAREFUL
    scenario = state.scenario
    years = scenario.rounds
    event_of = state.deck.event
    totals = list(ledger.event_totals([(event_of(e.card), e.round) for e in state.events], years))
    for adoption in state.adopted:
        proposal = state.deck.proposal(adoption.card)
        anchor = ledger.anchor(proposal, scenario)
        factor = adoption.factor if adoption.revealed else reckoning.factor(proposal)
        row = ledger.realised_row(proposal, adoption.round, years, anchor, factor)
        for year in range(adoption.round, years):
            totals[year] += row[year]
    return tuple(totals)


def planning_problem(
    state: GameState, tokens: frozenset[Kind] = frozenset(), reckoning: Reckoning = CAREFUL
) -> Problem:
    """The rest of the game as the planner sees it (see the module docstring). ``tokens``:
    kinds the plan may hold at most one card of over the whole game (a one-sided strategy);
    ``reckoning``: with or without the margin, at expected or face amounts."""
    scenario = state.scenario
    deck = state.deck
    adopted = set(state.adopted_ids())
    open_cards = set(adoptable(state))
    cards = []
    for pid in state.market:
        proposal = deck.proposal(pid)
        requires = tuple(r for r in proposal.requires if r not in adopted)
        if pid not in open_cards and not missing_requirements(state, proposal):
            continue  # excluded or over the anlægsramme: it will not come back
        if any(r not in state.market for r in requires):
            continue  # needs a card the table does not show
        factor = reckoning.factor(proposal)
        cards.append(
            Card(
                pid,
                proposal.kind,
                proposal.load,
                proposal.service,
                tuple(ledger.realise(v, factor) for v in proposal.effect),
                state.round,
                tuple(sorted(deck.exclusive_with(pid) & set(state.market))),
                fatigue=proposal.fatigue,
                welfare=proposal.welfare,
                requires=requires,
                construction=proposal.construction,
                anchor=ledger.anchor(proposal, scenario),
            )
        )
    known = known_totals(state, reckoning)
    coming = expected_events(state)
    targets = tuple(
        t * reckoning.share + deck.in_unit(reckoning.extra) if year >= state.round else t
        for year, t in enumerate(state.targets)
    )
    return Problem(
        years=scenario.years,
        targets=targets,
        fixed=tuple(k + c for k, c in zip(known, coming)),
        cards=tuple(cards),
        capacity=scenario.capacity,
        base_service=state.service,
        service_floor=None
        if scenario.service_floor is None
        else scenario.service_floor
        + (reckoning.service if state.round < scenario.rounds - 1 else 0),
        require_all_kinds=scenario.require_all_kinds,
        construction_budget=scenario.construction_budget,
        start_round=state.round,
        start_fatigue=state.fatigue,
        started_after_events=True,
        start_used=state.used_load,
        start_lift=state.lift,
        kinds_present=tuple(kinds_adopted(state)),
        construction_used=state.construction_used,
        count_conditions=True,
        thrift=reckoning.thrift,
        unit_scale=deck.unit_scale,
        kind_limits=tuple(
            (kind, max(0, 1 - sum(deck.proposal(a.card).kind is kind for a in state.adopted)))
            for kind in KINDS
            if kind in tokens
        ),
    )


def plan_round(state: GameState, tokens: frozenset[Kind] = frozenset()) -> OptimalPlan:
    """The plan for the rest of the game from ``state``: the best plan of the first of
    ``RECKONINGS`` under which some plan wins, else the best plan of the ``CAREFUL``
    reckoning (it keeps as many winning conditions as it can). Whether a reckoning can win is
    asked first (``can_win``, one stage of the solver); only the plan played is optimised in
    full."""
    for reckoning in RECKONINGS:
        problem = planning_problem(state, tokens, reckoning)
        if can_win(problem):
            return optimise(problem)
    return optimise(planning_problem(state, tokens, CAREFUL))


@dataclass
class PlannerPolicy:
    """The look-ahead bot as a policy; it keeps this round's plan between its decisions."""

    tokens: frozenset[Kind] = frozenset()
    """Kinds it adopts at most one card of (a one-sided look-ahead strategy); empty: none."""
    _key: tuple[object, ...] = ()
    _plan: list[str] = field(default_factory=list)

    def __call__(self, state: GameState, generator: np.random.Generator) -> Action:
        key = (id(state.deck), state.scenario.id, state.seed, state.round, state.targets)
        if key != self._key:
            self._key = key
            best = plan_round(state, self.tokens)
            self._plan = [pid for pid, start in best.plan if start == state.round]
        open_cards = set(adoptable(state))
        while self._plan:
            card = self._plan.pop(0)
            if card in open_cards:
                return Adopt(card)
        return EndYear()


def planner_policy(tokens: frozenset[Kind] = frozenset()) -> PlannerPolicy:
    """A fresh look-ahead bot (each keeps its own plan: one per process or thread); with
    ``tokens``, one that adopts at most one card of each of those kinds."""
    return PlannerPolicy(tokens)
