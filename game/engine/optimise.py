"""The best portfolio the cards of one game would have allowed (the debrief's what-if).

The market of the relaxed game
    Every proposal the table showed during the game is adoptable at most once, in any round
    from the round it first appeared on the table until the last round. (In the real game a
    card leaves the table when the group adopts a card that excludes it, and cards appear
    only as others are taken; the optimiser does not follow that chain, it asks "with the
    cards you saw, when you saw them, what could you have done?")

The rules it respects
    * capacity per round, with the fatigue rule: a round's capacity is
      ``capacity_for(scenario capacity, fatigue)``, and fatigue moves on with
      ``fatigue_after(fatigue, cuts of that round)`` exactly as in ``rules``;
    * exclusions (two proposals that exclude each other are never both in the plan);
    * the kinds rule and the service floor, as part of winning (see the objective).

Amounts
    Every factor is taken as exactly as expected (m = 1, the face value); the events are the
    ones drawn in the game, with their amounts and service. Targets are the game's targets.

The objective (compared in this order, larger is better)
    1. winning: every year met, all three kinds adopted (when the scenario asks for it) and
       the final service level not below the scenario's floor;
    2. the number of years met;
    3. the total shortfall below target (smaller is better);
    4. the final service level (the gentlest plan: fewest service cuts);
    5. the total råderum over all years.

The search
    Depth-first branch and bound, round by round and card by card (adopt before skip, the
    cards of a round in order of value per load). The bound of a year is a fractional
    knapsack over the cards still open, using all capacity that could still be spent before
    that year closes. The game's own plan is the first incumbent, so the optimiser never
    reports less than what the group did. The search stops after ``node_budget`` nodes (a
    deterministic budget, so the same game always gives the same answer); then the best plan
    found so far is returned with ``exact=False``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from game.engine.actions import EndYear
from game.engine.model import KINDS, Kind, amount_at
from game.engine.rules import apply, capacity_for, event_amount, fatigue_after, new_game
from game.engine.state import GameState

DEFAULT_NODE_BUDGET = 200_000
"""Search nodes before the optimiser settles for the best plan found so far."""

_EPS = 1e-9


@dataclass(frozen=True)
class Card:
    """A proposal as the optimiser sees it."""

    id: str
    kind: Kind
    load: int
    service: int
    effect: tuple[float, ...]
    first_round: int
    excludes: tuple[str, ...] = ()

    def amount(self, start: int, year: int) -> float:
        """Face-value amount in ``year`` when adopted in round ``start`` (both 0-based)."""
        return amount_at(self.effect, year - start) if year >= start else 0.0


@dataclass(frozen=True)
class Problem:
    """Everything the optimiser needs: the cards, the fixed amounts, targets and rules."""

    years: tuple[str, ...]
    targets: tuple[float, ...]
    fixed: tuple[float, ...]
    """Amounts per year that do not depend on the plan (the drawn events)."""
    cards: tuple[Card, ...]
    capacity: int
    base_service: int = 0
    """Service from the drawn events."""
    service_floor: int | None = None
    require_all_kinds: bool = True

    @property
    def rounds(self) -> int:
        """Number of rounds (one per budget year)."""
        return len(self.years)


@dataclass(frozen=True)
class Outcome:
    """How a plan does in the relaxed game."""

    plan: tuple[tuple[str, int], ...]
    raaderum: tuple[float, ...]
    met: tuple[bool, ...]
    won: bool
    service: int

    @property
    def met_all(self) -> bool:
        """True when every year reaches its target."""
        return all(self.met)


@dataclass(frozen=True)
class OptimalPlan(Outcome):
    """The optimiser's answer: the best outcome and whether the search proved it best."""

    exact: bool = True
    nodes: int = 0


class InfeasiblePlan(ValueError):
    """A plan that breaks the relaxed game's rules (capacity, exclusions, market, twice)."""


def market_by_round(state: GameState) -> tuple[tuple[str, ...], ...]:
    """The cards on the table at the start of each round played so far, found by replaying
    the state's action log from the start of the game."""
    current = new_game(state.deck, state.scenario.id, state.seed)
    markets = [current.market]
    for action in state.log:
        current = apply(current, action)
        if isinstance(action, EndYear) and not current.finished:
            markets.append(current.market)
    return tuple(markets)


def first_rounds(state: GameState) -> dict[str, int]:
    """For every proposal the table showed: the 0-based round it first appeared in."""
    first: dict[str, int] = {}
    for round_index, market in enumerate(market_by_round(state)):
        for card in market:
            first.setdefault(card, round_index)
    return first


def problem_from_state(state: GameState) -> Problem:
    """The relaxed game of ``state``: its table, its drawn events and its targets."""
    deck = state.deck
    years = state.scenario.rounds
    fixed = [0.0] * years
    for event in state.events:
        for year in range(years):
            fixed[year] += event_amount(state, event, year)
    base_service = sum(deck.event(e.card).service for e in state.events)
    cards = []
    for pid, first in first_rounds(state).items():
        p = deck.proposal(pid)
        cards.append(Card(pid, p.kind, p.load, p.service, p.effect, first, p.excludes))
    return Problem(
        years=state.scenario.years,
        targets=state.targets,
        fixed=tuple(fixed),
        cards=tuple(cards),
        capacity=state.scenario.capacity,
        base_service=base_service,
        service_floor=state.scenario.service_floor,
        require_all_kinds=state.scenario.require_all_kinds,
    )


def evaluate(problem: Problem, plan: Sequence[tuple[str, int]]) -> Outcome:
    """The outcome of ``plan`` ((id, 0-based round) pairs); raises ``InfeasiblePlan``."""
    cards = {c.id: c for c in problem.cards}
    rounds = problem.rounds
    seen: set[str] = set()
    for pid, start in plan:
        card = cards.get(pid)
        if card is None:
            raise InfeasiblePlan(f"{pid!r} was never on the table")
        if pid in seen:
            raise InfeasiblePlan(f"{pid!r} is adopted twice")
        if not card.first_round <= start < rounds:
            raise InfeasiblePlan(f"{pid!r} is not on the table in round {start + 1}")
        seen.add(pid)
    for pid in seen:
        for other in cards[pid].excludes:
            if other in seen:
                raise InfeasiblePlan(f"{pid!r} and {other!r} exclude each other")
    fatigue = 0
    for round_index in range(rounds):
        chosen = [cards[pid] for pid, start in plan if start == round_index]
        capacity = capacity_for(problem.capacity, fatigue)
        if sum(c.load for c in chosen) > capacity:
            raise InfeasiblePlan(f"round {round_index + 1} needs more than capacity {capacity}")
        fatigue = fatigue_after(fatigue, sum(max(0, -c.service) for c in chosen))
    totals = [
        problem.fixed[year] + sum(cards[pid].amount(start, year) for pid, start in plan)
        for year in range(rounds)
    ]
    met = tuple(t >= target - _EPS for t, target in zip(totals, problem.targets))
    service = problem.base_service + sum(cards[pid].service for pid, _ in plan)
    kinds_ok = not problem.require_all_kinds or {cards[pid].kind for pid in seen} >= set(KINDS)
    floor_ok = problem.service_floor is None or service >= problem.service_floor
    ordered = tuple(sorted(((pid, start) for pid, start in plan), key=lambda x: (x[1], x[0])))
    return Outcome(
        plan=ordered,
        raaderum=tuple(totals),
        met=met,
        won=all(met) and kinds_ok and floor_ok,
        service=service,
    )


Score = tuple[int, int, float, int, float]


def score(problem: Problem, outcome: Outcome) -> Score:
    """The objective as a tuple: larger is better (see the module docstring)."""
    shortfall = sum(max(0.0, t - r) for r, t in zip(outcome.raaderum, problem.targets))
    return (
        int(outcome.won),
        sum(outcome.met),
        -round(shortfall, 6),
        outcome.service,
        round(sum(outcome.raaderum), 6),
    )


class _Search:
    """Branch and bound over (round, card) decisions. Cards are bits of an int mask."""

    def __init__(self, problem: Problem, node_budget: int) -> None:
        self.problem = problem
        self.budget = node_budget
        self.nodes = 0
        self.aborted = False
        cards = problem.cards
        self.n = len(cards)
        self.rounds = problem.rounds
        index = {c.id: i for i, c in enumerate(cards)}
        self.excl = [0] * self.n
        for i, card in enumerate(cards):
            for other in card.excludes:
                j = index.get(other)
                if j is not None:
                    self.excl[i] |= 1 << j
                    self.excl[j] |= 1 << i
        self.kind_bit = [1 << KINDS.index(c.kind) for c in cards]
        self.all_kinds = (1 << len(KINDS)) - 1 if problem.require_all_kinds else 0
        # rows[i][s] = amounts per year of card i adopted in round s.
        self.rows = [
            [tuple(c.amount(s, y) for y in range(self.rounds)) for s in range(self.rounds)]
            for c in cards
        ]
        # The cards open in each round, the most valuable per load first.
        self.candidates: list[list[int]] = []
        for r in range(self.rounds):
            open_cards = [i for i, c in enumerate(cards) if c.first_round <= r]
            open_cards.sort(key=lambda i: (-sum(self.rows[i][r]) / cards[i].load, cards[i].id))
            self.candidates.append(open_cards)
        # bound_order[r][y]: (card, value, load) with value = the most card i can add to
        # year y if adopted in any round from max(first, r) to y; sorted by value per load.
        self.bound_order: list[list[list[tuple[int, float, int]]]] = []
        for r in range(self.rounds):
            per_year: list[list[tuple[int, float, int]]] = []
            for y in range(self.rounds):
                items = []
                for i, c in enumerate(cards):
                    starts = range(max(c.first_round, r), y + 1)
                    value = max((self.rows[i][s][y] for s in starts), default=0.0)
                    if value > 0:
                        items.append((i, value, c.load))
                items.sort(key=lambda item: -item[1] / item[2])
                per_year.append(items)
            self.bound_order.append(per_year)
        self.plus_service = sorted(
            ((i, c.service, c.load) for i, c in enumerate(cards) if c.service > 0),
            key=lambda item: -item[1] / item[2],
        )
        # For the service bound of winning plans: per (r, y) the open cards that cost no
        # service, and those that cut it, the most råderum per point of service first.
        self.free_order: list[list[list[tuple[int, float]]]] = []
        self.cut_order: list[list[list[tuple[int, float, int]]]] = []
        for r in range(self.rounds):
            free_years: list[list[tuple[int, float]]] = []
            cut_years: list[list[tuple[int, float, int]]] = []
            for y in range(self.rounds):
                items = self.bound_order[r][y]
                free_years.append([(i, v) for i, v, _ in items if cards[i].service >= 0])
                cuts = [(i, v, -cards[i].service) for i, v, _ in items if cards[i].service < 0]
                cuts.sort(key=lambda item: -item[1] / item[2])
                cut_years.append(cuts)
            self.free_order.append(free_years)
            self.cut_order.append(cut_years)
        self.best: Score | None = None
        self.best_plan: tuple[tuple[str, int], ...] = ()
        self.plan: list[tuple[int, int]] = []
        # Partial plans seen at the start of a round, by (round, adopted cards): see _dominated.
        self.seen: dict[
            tuple[int, int], list[tuple[int, int, float, float, tuple[float, ...]]]
        ] = {}

    def offer(self, plan: Sequence[tuple[str, int]]) -> None:
        """Make ``plan`` the incumbent if it is feasible and better."""
        try:
            outcome = evaluate(self.problem, plan)
        except InfeasiblePlan:
            return
        value = score(self.problem, outcome)
        if self.best is None or value > self.best:
            self.best, self.best_plan = value, outcome.plan

    def run(self) -> None:
        """Search from the start of the game."""
        start_capacity = capacity_for(self.problem.capacity, 0)
        self._visit(0, 0, 0, 0, tuple(self.problem.fixed), 0, 0, 0, start_capacity, 0)

    def _bound(
        self,
        r: int,
        mask: int,
        blocked: int,
        totals: tuple[float, ...],
        left: int,
        service: int,
        kinds: int,
    ) -> Score:
        """An optimistic score of every plan that completes this partial plan."""
        problem = self.problem
        targets = problem.targets
        closed = mask | blocked
        met = 0
        shortfall = 0.0
        surplus = 0.0
        for y in range(self.rounds):
            best = totals[y]
            if y >= r:
                room = float(left + problem.capacity * (y - r))
                for i, value, load in self.bound_order[r][y]:
                    if room <= 0:
                        break
                    if closed >> i & 1:
                        continue
                    if load <= room:
                        best += value
                        room -= load
                    else:
                        best += value * room / load
                        room = 0
            if best >= targets[y] - _EPS:
                met += 1
            else:
                shortfall += targets[y] - best
            surplus += best
        service_ub = float(service)
        room = float(left + problem.capacity * (self.rounds - 1 - r))
        for i, gain, load in self.plus_service:
            if room <= 0:
                break
            if closed >> i & 1:
                continue
            share = min(1.0, room / load)
            service_ub += gain * share
            room -= load
        for i in range(self.n):
            if not closed >> i & 1:
                kinds |= self.kind_bit[i]
        can_win = (
            met == self.rounds
            and kinds & self.all_kinds == self.all_kinds
            and (problem.service_floor is None or service_ub >= problem.service_floor)
        )
        if can_win and self.best is not None and self.best[0] == 1:
            # Only winning plans can beat a winning incumbent, and a winning plan must cover
            # every year's deficit: what the service-neutral cards cannot cover costs cuts.
            service_ub -= self._least_cuts(r, closed, totals)
        return (
            int(can_win),
            met,
            -round(shortfall, 6),
            math.floor(service_ub + 1e-6),
            round(surplus, 6),
        )

    def _dominated(self, r: int, mask: int, fatigue: int, totals: tuple[float, ...]) -> bool:
        """True when a partial plan with the same cards, reached earlier, is at least as good.

        With the same adopted cards the service, kinds and exclusions are the same; a plan
        that has no more fatigue, met at least as many closed years with no more shortfall and
        no less råderum, and has at least as much råderum in every open year, can be
        completed in every way this one can, and as well.
        """
        targets = self.problem.targets
        met = sum(1 for y in range(r) if totals[y] >= targets[y] - _EPS)
        shortfall = sum(max(0.0, targets[y] - totals[y]) for y in range(r))
        past = sum(totals[:r])
        future = totals[r:]
        entries = self.seen.setdefault((r, mask), [])
        for other_fatigue, other_met, other_short, other_past, other_future in entries:
            if (
                other_fatigue <= fatigue
                and other_met >= met
                and other_short <= shortfall + _EPS
                and other_past >= past - _EPS
                and all(o >= t - _EPS for o, t in zip(other_future, future))
            ):
                return True
        entries.append((fatigue, met, shortfall, past, future))
        return False

    def _least_cuts(self, r: int, closed: int, totals: tuple[float, ...]) -> int:
        """A lower bound on the service every plan that meets all open years must cut."""
        worst = 0.0
        targets = self.problem.targets
        for y in range(r, self.rounds):
            need = targets[y] - _EPS - totals[y]
            if need <= 0:
                continue
            for i, value in self.free_order[r][y]:
                if not closed >> i & 1:
                    need -= value
            cost = 0.0
            for i, value, cut in self.cut_order[r][y]:
                if need <= 0:
                    break
                if closed >> i & 1:
                    continue
                if value <= need:
                    cost += cut
                    need -= value
                else:
                    cost += cut * need / value
                    need = 0
            worst = max(worst, cost)
        return math.ceil(worst - 1e-6)

    def _visit(
        self,
        r: int,
        pos: int,
        mask: int,
        blocked: int,
        totals: tuple[float, ...],
        kinds: int,
        used: int,
        cuts: int,
        capacity: int,
        fatigue: int,
        service: int = 0,
    ) -> None:
        if self.aborted:
            return
        self.nodes += 1
        if self.nodes > self.budget:
            self.aborted = True
            return
        if r == self.rounds:
            self.offer([(self.problem.cards[i].id, s) for i, s in self.plan])
            return
        candidates = self.candidates[r]
        if pos == len(candidates):
            fatigue = fatigue_after(fatigue, cuts)
            if self._dominated(r + 1, mask, fatigue, totals):
                return
            next_capacity = capacity_for(self.problem.capacity, fatigue)
            self._visit(
                r + 1, 0, mask, blocked, totals, kinds, 0, 0, next_capacity, fatigue, service
            )
            return
        if self.best is not None:
            bound = self._bound(
                r,
                mask,
                blocked,
                totals,
                capacity - used,
                self.problem.base_service + service,
                kinds,
            )
            if bound <= self.best:
                return
        i = candidates[pos]
        card = self.problem.cards[i]
        bit = 1 << i
        if not (mask | blocked) & bit and used + card.load <= capacity:
            row = self.rows[i][r]
            self.plan.append((i, r))
            self._visit(
                r,
                pos + 1,
                mask | bit,
                blocked | self.excl[i],
                tuple(t + a for t, a in zip(totals, row)),
                kinds | self.kind_bit[i],
                used + card.load,
                cuts + max(0, -card.service),
                capacity,
                fatigue,
                service + card.service,
            )
            self.plan.pop()
        self._visit(
            r, pos + 1, mask, blocked, totals, kinds, used, cuts, capacity, fatigue, service
        )


def optimise(
    problem: Problem,
    incumbents: Sequence[Sequence[tuple[str, int]]] = (),
    node_budget: int = DEFAULT_NODE_BUDGET,
) -> OptimalPlan:
    """The best plan of the relaxed game (see the module docstring).

    ``incumbents`` are feasible plans to start from (e.g. what the group did); the empty plan
    is always one. ``exact`` is False when the node budget ran out before the search ended.
    """
    search = _Search(problem, node_budget)
    search.offer(())
    for plan in incumbents:
        search.offer(plan)
    search.run()
    outcome = evaluate(problem, search.best_plan)
    return OptimalPlan(
        plan=outcome.plan,
        raaderum=outcome.raaderum,
        met=outcome.met,
        won=outcome.won,
        service=outcome.service,
        exact=not search.aborted,
        nodes=search.nodes,
    )


def best_portfolio(state: GameState, node_budget: int = DEFAULT_NODE_BUDGET) -> OptimalPlan:
    """The best portfolio the cards seen in the game of ``state`` would have allowed."""
    own_plan = [(a.card, a.round) for a in state.adopted]
    return optimise(problem_from_state(state), [own_plan], node_budget)
