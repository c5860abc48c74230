"""The best portfolio the cards of one game would have allowed (the debrief's what-if), proved
optimal by an integer program solved with HiGHS.

The market of the relaxed game
    Every proposal the table showed during the game is adoptable at most once, in any round
    from the round it first appeared on the table until the last round. (In the real game a
    card leaves the table when the group adopts a card that excludes it, and cards appear
    only as others are taken; the optimiser does not follow that chain, it asks "with the
    cards you saw, when you saw them, what could you have done?")

The rules it respects (all from ``ledger``)
    * capacity with træthed: in every round the belastning adopted plus the capacity træthed
      takes (``ledger.fits``) fits the scenario's capacity; træthed grows with every adoption
      (``ledger.fatigue_of``) and the events (``ledger.fatigue_after_events``) and recovers at
      every year end (``ledger.recovered``);
    * exclusions, requirements (a card needs another adopted in the same or an earlier
      round) and the anlægsramme;
    * the kinds rule and the service floor, as part of winning (see the objective).

Amounts
    Every factor is taken as exactly as on the card (m = 1, the face value); the events are
    the ones drawn in the game (chance does not depend on the group's choices, see
    ``randomness``), with their amounts, service and træthed. Targets are the game's targets.

The objective (compared in this order, larger is better)
    1. winning: every year met, all three kinds adopted (when the scenario asks for it) and
       the final service level not below the scenario's floor;
    2. the number of years met;
    3. the total shortfall below target (smaller is better);
    4. the final service level (the gentlest plan: fewest service cuts);
    5. the total råderum over all years.
    With ``Problem.thrift`` (the planner bot, once its margin is in reach) a stage comes
    before 4: the capacity the plan's cards take, belastning plus træthed (smaller is better),
    so that of the plans that meet the targets the one asking least of the organisation wins.

The integer program
    x[i, s] = 1 when card i is adopted in round s (s from the round it first showed). Each
    card at most once; exclusive pairs at most one of the two; a card no earlier than the
    cards it requires. Træthed: G[s] ≥ F[s] + events(s), G ≥ 0 at the start of round s;
    E[s] = G[s] + Σ fatigue·x[·, s] at its end; F[s+1] ≥ E[s] − recovery − Σ lift·x[·, s],
    F ≥ 0 (more træthed never helps a plan, so the solver takes the engine's values). Træthed
    takes capacity point for point, so Σ load·x[·, s] + E[s] ≤ capacity in every round with
    an adoption (a binary any[s] switches the row off otherwise, needed only where events or
    the start brought træthed). Binaries met[y], have[k] and win encode the verdict with
    big-M rows. The objectives are solved in order, each stage keeping the earlier stages'
    optimum (``milp.solve_lexicographic``). ``evaluate`` then scores the plan with the engine's own
    ledger, so what is shown is exactly what the rules give.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from game.engine import ledger
from game.engine.milp import TIME_LIMIT_S, Infeasible, Objective, Program, SolverFailed
from game.engine.model import KINDS, Kind, Proposal, profile_of
from game.engine.state import GameState


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
    fatigue: int | None = None
    """Træthed it adds; None: the rule (``ledger.fatigue_of``) from service and kind."""
    welfare: bool = False
    requires: tuple[str, ...] = ()
    construction: float = 0.0
    anchor: int | None = None
    """For a calendar card: the year index its effect is tied to (``ledger.anchor``)."""

    @functools.cached_property
    def profile(self) -> tuple[float, ...]:
        """Face amounts from the year of adoption on (the last value holds)."""
        return profile_of(self.effect)

    @functools.cached_property
    def proposal(self) -> Proposal:
        """The card as a proposal, so the ledger's rules apply to it unchanged."""
        return Proposal(
            id=self.id,
            kind=self.kind,
            title=self.id,
            area="",
            effect=self.effect,
            service=self.service,
            load=self.load,
            fatigue=self.fatigue,
            welfare=self.welfare,
        )

    def amount(self, start: int, year: int) -> float:
        """Face-value amount in ``year`` when adopted in round ``start`` (``ledger.face``)."""
        return ledger.face(self, start, year, self.anchor)

    @property
    def strain(self) -> int:
        """The træthed adopting it adds (``ledger.fatigue_of``)."""
        return ledger.fatigue_of(self.proposal)

    @property
    def taken(self) -> int:
        """The capacity adopting it takes, belastning plus træthed (``ledger.capacity_taken``)."""
        return ledger.capacity_taken(self.proposal)

    @property
    def lift(self) -> int:
        """The service it raises, which eases the year-end recovery (``ledger.service_lift``)."""
        return ledger.service_lift(self.proposal)


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
    event_fatigue: tuple[int, ...] = ()
    """Træthed the events of each round add (empty: none)."""
    construction_budget: float | None = None
    start_round: int = 0
    """The round planning starts in (the debrief plans from 0; the planner bot from now)."""
    start_fatigue: int = 0
    """Træthed at the start, with this round's adoptions (and, for the planner bot, its
    events: see ``started_after_events``)."""
    started_after_events: bool = False
    """True when ``start_fatigue`` already holds the start round's events."""
    start_used: int = 0
    """Belastning already adopted in the start round."""
    start_lift: int = 0
    """Service already raised in the start round (eases its year-end recovery)."""
    kinds_present: tuple[Kind, ...] = ()
    """Kinds the group already has (the planner bot)."""
    construction_used: float = 0.0
    count_conditions: bool = False
    """Rank plans that cannot win by how many winning conditions they keep (the planner)."""
    kind_limits: tuple[tuple[Kind, int], ...] = ()
    """At most this many more cards of a kind (a one-sided strategy's tokens); empty: none."""
    thrift: bool = False
    """After the shortfall, prefer the plan whose cards take the least capacity, belastning plus
    træthed (the planner bot); the debrief's best plan takes the most råderum instead."""
    unit_scale: float = 1.0
    """The deck's unit to the mio. kr. (``Deck.unit_scale``): the integer program is solved
    in mio. kr., so that a deck written in t. kr. gets the plans it gets in mio. kr. (HiGHS's
    tolerances are absolute: near-ties broke otherwise in 3 of 48 games)."""

    @property
    def rounds(self) -> int:
        """Number of rounds (one per budget year)."""
        return len(self.years)

    def events_fatigue(self, round_index: int) -> int:
        """The træthed the events drawn at the start of ``round_index`` add."""
        return self.event_fatigue[round_index] if round_index < len(self.event_fatigue) else 0


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
    """The optimiser's answer: the best outcome and whether HiGHS proved it best."""

    exact: bool = True


class InfeasiblePlan(ValueError):
    """A plan that breaks the relaxed game's rules (capacity, exclusions, market, twice)."""


def card_for(state: GameState, pid: str, first_round: int) -> Card:
    """The optimiser's view of proposal ``pid`` in the game of ``state``."""
    p = state.deck.proposal(pid)
    return Card(
        pid,
        p.kind,
        p.load,
        p.service,
        p.effect,
        first_round,
        tuple(sorted(state.deck.exclusive_with(pid))),
        fatigue=p.fatigue,
        welfare=p.welfare,
        requires=p.requires,
        construction=p.construction,
        anchor=ledger.anchor(p, state.scenario),
    )


def problem_from_state(state: GameState) -> Problem:
    """The relaxed game of ``state``: its table, its drawn events and its targets."""
    deck = state.deck
    scenario = state.scenario
    years = scenario.rounds
    fixed = ledger.event_totals([(deck.event(e.card), e.round) for e in state.events], years)
    base_service = sum(deck.event(e.card).service for e in state.events)
    event_fatigue = [0] * years
    for event in state.events:
        event_fatigue[event.round] += deck.event(event.card).fatigue
    cards = tuple(card_for(state, pid, first) for pid, first in zip(state.seen, state.seen_rounds))
    return Problem(
        years=scenario.years,
        targets=state.targets,
        fixed=fixed,
        cards=cards,
        capacity=scenario.capacity,
        base_service=base_service,
        service_floor=scenario.service_floor,
        require_all_kinds=scenario.require_all_kinds,
        event_fatigue=tuple(event_fatigue),
        construction_budget=scenario.construction_budget,
        unit_scale=deck.unit_scale,
    )


def evaluate(problem: Problem, plan: Sequence[tuple[str, int]]) -> Outcome:
    """The outcome of ``plan`` ((id, 0-based round) pairs) under the ledger's rules; raises
    ``InfeasiblePlan`` when it breaks them."""
    cards = {c.id: c for c in problem.cards}
    rounds = problem.rounds
    starts: dict[str, int] = {}
    for pid, start in plan:
        card = cards.get(pid)
        if card is None:
            raise InfeasiblePlan(f"{pid!r} was never on the table")
        if pid in starts:
            raise InfeasiblePlan(f"{pid!r} is adopted twice")
        if not card.first_round <= start < rounds:
            raise InfeasiblePlan(f"{pid!r} is not on the table in round {start + 1}")
        starts[pid] = start
    for pid, start in starts.items():
        for other in cards[pid].excludes:
            if other in starts:
                raise InfeasiblePlan(f"{pid!r} and {other!r} exclude each other")
        for other in cards[pid].requires:
            if starts.get(other, rounds) > start:
                raise InfeasiblePlan(f"{pid!r} needs {other!r} adopted first")
    budget = problem.construction_budget
    spent = problem.construction_used + sum(cards[pid].construction for pid in starts)
    if budget is not None and spent > budget + ledger.MET_TOLERANCE:
        raise InfeasiblePlan(f"the plan needs anlæg {spent:g}, the anlægsramme is {budget:g}")
    fatigue = problem.start_fatigue
    for round_index in range(problem.start_round, rounds):
        chosen = [cards[pid] for pid, start in starts.items() if start == round_index]
        first = round_index == problem.start_round
        if not (first and problem.started_after_events):
            fatigue = ledger.fatigue_after_events(fatigue, problem.events_fatigue(round_index))
        used = sum(c.load for c in chosen) + (problem.start_used if first else 0)
        fatigue += sum(c.strain for c in chosen)
        if chosen and ledger.capacity_left(problem.capacity, used, fatigue) < 0:
            raise InfeasiblePlan(f"round {round_index + 1} needs more than the capacity")
        lift = sum(c.lift for c in chosen) + (problem.start_lift if first else 0)
        fatigue = ledger.recovered(fatigue, lift)
    totals = list(problem.fixed)
    for pid, start in plan:
        for year in range(start, rounds):
            totals[year] += cards[pid].amount(start, year)
    met = tuple(ledger.meets(t, target) for t, target in zip(totals, problem.targets))
    service = problem.base_service + sum(cards[pid].service for pid in starts)
    kinds = [*problem.kinds_present, *(cards[pid].kind for pid in starts)]
    lacking = ledger.missing_kinds(kinds, problem.require_all_kinds)
    reasons = ledger.loss_reasons(
        not all(met), bool(lacking), ledger.below_floor(service, problem.service_floor)
    )
    return Outcome(
        plan=adoption_order(plan, cards),
        raaderum=tuple(totals),
        met=met,
        won=not reasons,
        service=service,
    )


def adoption_order(
    plan: Sequence[tuple[str, int]], cards: Mapping[str, Card]
) -> tuple[tuple[str, int], ...]:
    """``plan``'s (id, 0-based round) pairs by round, and within a round a card after the
    cards of that round it requires (``Card.requires``), else by id: the order a table can
    adopt them in (the best plan listed "Eftersyn af demografimodellen" before the
    rehabilitation it requires, and played in that order the engine refused it)."""

    def depth(pid: str, start: int, seen: frozenset[str] = frozenset()) -> int:
        same = [
            other for other in cards[pid].requires if other not in seen and (other, start) in pairs
        ]
        return 1 + max((depth(o, start, seen | {pid}) for o in same), default=-1)

    pairs = set(plan)
    return tuple(sorted(pairs, key=lambda x: (x[1], depth(x[0], x[1]), x[0])))


Score = tuple[int, int, float, int, int, float]


def effort(problem: Problem, plan: Sequence[tuple[str, int]]) -> int:
    """The capacity the cards of ``plan`` take: belastning plus the træthed each adds."""
    card = {c.id: c for c in problem.cards}
    return sum(card[pid].taken for pid, _ in plan)


def score(problem: Problem, outcome: Outcome) -> Score:
    """The objective as a tuple: larger is better (see the module docstring; the effort
    counts only with ``Problem.thrift``)."""
    shortfall = sum(max(0.0, t - r) for r, t in zip(outcome.raaderum, problem.targets))
    return (
        int(outcome.won),
        sum(outcome.met),
        -round(shortfall, 6),
        -effort(problem, outcome.plan) if problem.thrift else 0,
        outcome.service,
        round(sum(outcome.raaderum), 6),
    )


def _in_mio(problem: Problem) -> Problem:
    """``problem`` with every amount in mio. kr. (``Problem.unit_scale``): targets, fixed
    amounts, the cards' amounts and anlæg."""
    scale = problem.unit_scale
    if scale == 1.0:
        return problem

    def down(values: Sequence[float]) -> tuple[float, ...]:
        return tuple(v / scale for v in values)

    budget = problem.construction_budget
    return dataclasses.replace(
        problem,
        targets=down(problem.targets),
        fixed=down(problem.fixed),
        cards=tuple(
            dataclasses.replace(c, effect=down(c.effect), construction=c.construction / scale)
            for c in problem.cards
        ),
        construction_budget=None if budget is None else budget / scale,
        construction_used=problem.construction_used / scale,
        unit_scale=1.0,
    )


class _Model:
    """The integer program of a ``Problem`` (see the module docstring), in mio. kr."""

    def __init__(self, problem: Problem) -> None:
        problem = _in_mio(problem)
        self.problem = problem
        program = self.program = Program()
        rounds = problem.rounds
        cards = problem.cards
        self.x: dict[tuple[int, int], int] = {}
        for i, card in enumerate(cards):
            for s in range(card.first_round, rounds):
                self.x[i, s] = program.binary()
        for i in range(len(cards)):
            program.row({self.x[i, s]: 1.0 for s in self._starts(i)}, upper=1.0)
        index = {c.id: i for i, c in enumerate(cards)}
        for i, card in enumerate(cards):
            for other in card.excludes:
                j = index.get(other)
                if j is not None and i < j:
                    terms = {self.x[i, s]: 1.0 for s in self._starts(i)}
                    terms.update({self.x[j, s]: 1.0 for s in self._starts(j)})
                    program.row(terms, upper=1.0)
            for other in card.requires:
                j = index.get(other)
                for s in self._starts(i):
                    # adopted by round s only if the required card is adopted by round s
                    terms = {self.x[i, t]: 1.0 for t in self._starts(i) if t <= s}
                    if j is not None:
                        for t in self._starts(j):
                            if t <= s:
                                terms[self.x[j, t]] = terms.get(self.x[j, t], 0.0) - 1.0
                    program.row(terms, upper=0.0)
        if problem.construction_budget is not None:
            spend = {
                column: cards[i].construction
                for (i, _), column in self.x.items()
                if cards[i].construction > 0
            }
            if spend:
                program.row(spend, upper=problem.construction_budget - problem.construction_used)
        for kind, most in problem.kind_limits:
            chosen = {column: 1.0 for (i, _), column in self.x.items() if cards[i].kind is kind}
            if chosen:
                program.row(chosen, upper=float(most))
        self._capacity_rows()
        self.totals = [self._year_terms(y) for y in range(rounds)]
        self._verdict_rows()

    def _starts(self, i: int) -> range:
        return range(self.problem.cards[i].first_round, self.problem.rounds)

    def _round_terms(self, s: int, weight: str) -> dict[int, float]:
        terms: dict[int, float] = {}
        for i, card in enumerate(self.problem.cards):
            if (i, s) in self.x:
                terms[self.x[i, s]] = float(getattr(card, weight))
        return terms

    def _capacity_rows(self) -> None:
        problem, program = self.problem, self.program
        base = problem.capacity
        cards = problem.cards
        most = (
            problem.start_fatigue
            + sum(c.strain for c in cards)
            + sum(max(0, f) for f in problem.event_fatigue)
        )
        big = float(most) + 1.0
        start = float(problem.start_fatigue)
        fatigue = program.var(start, start)  # F at the start round (its events included)
        # the most træthed a round can start with (events included) when the plan adopted
        # nothing before it: a round with adoptions ends within the capacity
        most_started = 0
        for s in range(problem.start_round, problem.rounds):
            first = s == problem.start_round
            added = 0 if first and problem.started_after_events else problem.events_fatigue(s)
            if first:
                most_started = problem.start_fatigue + added
            else:
                most_started = max(0, max(most_started, base) - ledger.FATIGUE_RECOVERY) + added
            if added:
                started = program.var(0.0, float(most))  # G[s] ≥ F[s] + events, G ≥ 0
                program.row({started: 1.0, fatigue: -1.0}, lower=float(added))
            else:
                started = fatigue
            strain = {k: float(v) for k, v in self._round_terms(s, "strain").items()}
            loads = self._round_terms(s, "load")
            used = float(problem.start_used) if first else 0.0
            carried = most_started > base - used  # over the capacity without its events too
            if loads:
                end = {started: 1.0, **strain}  # træthed at the end of the round
                switch: dict[int, float] = {}
                slack = 0.0
                if added > 0 or (first and problem.start_fatigue > 0) or carried:
                    # Træthed from events (or from before the start) alone may take more than
                    # the capacity, in this round or – carried over rounds without an
                    # adoption – in a later one; then the row must bind only in a round with
                    # an adoption. Without such træthed it never does (every earlier round
                    # fitted), and the row needs no switch – a tighter program.
                    anyone = program.binary()
                    for column in loads:
                        program.row({column: 1.0, anyone: -1.0}, upper=0.0)
                    switch = {anyone: big}
                    slack = big
                # ledger.fits: Σ load·x + E ≤ capacity (træthed takes capacity point for point)
                row = dict(end)
                for column, load in loads.items():
                    row[column] = row.get(column, 0.0) + load
                program.row({**row, **switch}, upper=float(base) - used + slack)
            following = program.var(0.0, float(most))
            lifts = self._round_terms(s, "lift")
            lifted = float(problem.start_lift) if first else 0.0
            # F[s+1] ≥ G[s] + Σ strain·x − recovery − lift(s)
            terms = {following: 1.0, started: -1.0}
            for column in set(strain) | set(lifts):
                terms[column] = -strain.get(column, 0.0) + lifts.get(column, 0.0)
            program.row(terms, lower=-float(ledger.FATIGUE_RECOVERY) - lifted)
            fatigue = following

    def _year_terms(self, year: int) -> dict[int, float]:
        terms: dict[int, float] = {}
        for (i, s), column in self.x.items():
            if s <= year:
                amount = self.problem.cards[i].amount(s, year)
                if amount:
                    terms[column] = amount
        return terms

    def _verdict_rows(self) -> None:
        problem, program = self.problem, self.program
        self.met: list[int] = []
        self.short: list[int] = []
        for year, terms in enumerate(self.totals):
            target = problem.targets[year] - problem.fixed[year]
            fall = sum(min(0.0, v) for v in terms.values())
            most = max(0.0, target - fall)  # the largest shortfall any plan can have
            met = program.binary()
            short = program.var(0.0, most)
            # short ≥ target − Σ terms, and a met year has no shortfall: short ≤ most·(1 − met)
            program.row({**terms, short: 1.0}, lower=target)
            program.row({short: 1.0, met: most}, upper=most)
            self.met.append(met)
            self.short.append(short)
        self.win = program.binary()
        for met in self.met:
            program.row({self.win: 1.0, met: -1.0}, upper=0.0)
        self.conditions: list[int] = list(self.met)
        """Binaries of the winning conditions: every year, each missing kind, the floor."""
        if problem.require_all_kinds:
            for kind in KINDS:
                if kind in problem.kinds_present:
                    continue
                of_kind = {
                    column: 1.0
                    for (i, _), column in self.x.items()
                    if problem.cards[i].kind is kind
                }
                have = program.binary()
                program.row({have: 1.0, **{k: -v for k, v in of_kind.items()}}, upper=0.0)
                program.row({self.win: 1.0, have: -1.0}, upper=0.0)
                self.conditions.append(have)
        self.service = {
            column: float(problem.cards[i].service) for (i, _), column in self.x.items()
        }
        if problem.service_floor is not None:
            need = problem.service_floor - problem.base_service
            lowest = sum(min(0.0, v) for v in self.service.values())
            big = max(0.0, need - lowest)
            floor = program.binary()
            # Σ service ≥ need − big·(1 − floor), and winning needs the floor
            program.row({**self.service, floor: -big}, lower=need - big)
            program.row({self.win: 1.0, floor: -1.0}, upper=0.0)
            self.conditions.append(floor)

    def objectives(self) -> list[Objective]:
        """Four stages that keep the five-part order exactly: (win, years met) as
        win·(years + 1) + Σ met (the count of met years never reaches years + 1), then the
        shortfall, the service and the total råderum. With ``count_conditions`` (the planner
        bot) the first stage counts every winning condition (each year, each missing kind,
        the floor), so a plan that cannot win yet still keeps as many as it can."""
        everything: dict[int, float] = {}
        for terms in self.totals:
            for column, amount in terms.items():
                everything[column] = everything.get(column, 0.0) + amount
        counted = self.conditions if self.problem.count_conditions else self.met
        weights = dict.fromkeys(counted, 1.0)
        if self.problem.count_conditions:
            # the planner: this year's result becomes final at the end of the round, while
            # later years still have cards to come; meeting it counts as much as three others
            weights[self.met[self.problem.start_round]] = 3.0
        first = {self.win: float(sum(weights.values()) + 1), **weights}
        stages = [
            Objective(first, tolerance=0.5),
            Objective(dict.fromkeys(self.short, 1.0), maximise=False, tolerance=1e-6),
            Objective(self.service, tolerance=0.5),
            Objective(everything, tolerance=1e-6),
        ]
        if self.problem.thrift:
            cards = self.problem.cards
            taken = {column: float(cards[i].taken) for (i, _), column in self.x.items()}
            stages.insert(2, Objective(taken, maximise=False, tolerance=0.5))
        return stages

    def plan(self, values: Sequence[float]) -> list[tuple[str, int]]:
        cards = self.problem.cards
        return [(cards[i].id, s) for (i, s), column in self.x.items() if values[column] > 0.5]


def optimise(problem: Problem, incumbents: Sequence[Sequence[tuple[str, int]]] = ()) -> OptimalPlan:
    """The best plan of the relaxed game (see the module docstring).

    ``incumbents`` are plans to compare with (e.g. what the group did): the answer is never
    worse than the best feasible one of them. ``exact`` is False only if HiGHS ran out of its
    time limit before proving optimality (it has not happened on the standard deck), or if
    HiGHS threw on every try: then the answer is the best of ``incumbents`` and the empty plan,
    unproved, so a debrief or a bot goes on instead of stopping on the solver's error.
    """
    model = _Model(problem)
    try:
        solution = model.program.solve_lexicographic(model.objectives())
    except SolverFailed:
        best, proved = evaluate(problem, []), False
    else:
        best = evaluate(problem, model.plan(solution.values))
        proved = solution.proved
    for plan in incumbents:
        try:
            other = evaluate(problem, plan)
        except InfeasiblePlan:
            continue
        if score(problem, other) > score(problem, best):
            best = other
            proved = False  # the solver's answer was beaten: it cannot have been optimal
    return OptimalPlan(
        plan=best.plan,
        raaderum=best.raaderum,
        met=best.met,
        won=best.won,
        service=best.service,
        exact=proved,
    )


def can_win(problem: Problem) -> bool:
    """Whether some plan of ``problem`` wins, decided by the objective's first stage alone
    (winning and the count of winning conditions): the later stages only choose among plans
    with the same first-stage value, so ``optimise(problem).won`` is the same answer at about
    a quarter of the solver's work. When HiGHS throws on every try, the full ``optimise``
    answers (it falls back to the empty plan if it fails too)."""
    model = _Model(problem)
    try:
        solution = model.program.solve_lexicographic(model.objectives()[:1])
    except SolverFailed:
        return optimise(problem).won
    return evaluate(problem, model.plan(solution.values)).won


def most_in_year(problem: Problem, year: int, time_limit: float | None = None) -> float:
    """The most råderum any plan of ``problem`` gives in ``year`` (0-based), whatever it does
    to the other years and the winning conditions: the ceiling of that year's target with
    these cards and events under the adoption rules (capacity with træthed, exclusions,
    requirements and the anlægsramme). The plan is scored by ``evaluate``, like every other.
    When HiGHS throws on every try, the figure of ``optimise``'s fallback stands in (the empty
    plan's: a floor, not the ceiling). With ``time_limit`` (seconds) the answer is a ceiling
    either way: when HiGHS runs out of time, its proved bound stands in for the best plan
    found (no plan gives more; the reach's ``year_most``)."""
    model = _Model(problem)
    stage = Objective(model.totals[year], tolerance=1e-6)
    try:
        limit = TIME_LIMIT_S if time_limit is None else time_limit
        solution = model.program.solve_lexicographic([stage], limit)
    except SolverFailed:
        return math.inf if time_limit is not None else optimise(problem).raaderum[year]
    found = evaluate(problem, model.plan(solution.values)).raaderum[year]
    if time_limit is not None and not solution.proved:
        # the stage's objective is the year's amounts; the råderum adds its fixed part
        return max(found, problem.fixed[year] + solution.bound * problem.unit_scale)
    return found


def most_service(problem: Problem) -> int | None:
    """The highest service level (the events' service plus the adopted cards') of a plan that
    wins ``problem`` with its service floor left out: every year met, all three kinds when
    the rules ask for them, under the adoption rules. A floor above it cannot be kept by any
    winning plan (``reach.no_plan_cause`` names it). None when no plan wins even without the
    floor, or when HiGHS throws on every try."""
    model = _Model(dataclasses.replace(problem, service_floor=None))
    model.program.row({model.win: 1.0}, lower=1.0)
    try:
        solution = model.program.solve_lexicographic([Objective(model.service, tolerance=0.5)])
    except (Infeasible, SolverFailed):
        return None
    outcome = evaluate(
        dataclasses.replace(problem, service_floor=None), model.plan(solution.values)
    )
    return outcome.service if outcome.won else None


@dataclass(frozen=True)
class Ceiling:
    """How far a profile of targets can be raised (``highest_scale``): ``plan`` meets the
    targets ``reached``·weights in every year and wins; no plan wins above ``bound``·weights
    (``bound`` equals ``reached`` when ``exact``)."""

    plan: tuple[tuple[str, int], ...]
    reached: float
    bound: float
    exact: bool


def highest_scale(
    problem: Problem, weights: Sequence[float], time_limit: float = TIME_LIMIT_S
) -> Ceiling | None:
    """The largest s for which a plan of ``problem`` wins against the targets s·``weights``
    (one per year; ``problem.targets`` is not used): every year met, the kinds and the floor
    kept, under the adoption rules. One integer program that maximises s, each year's row
    reading Σ amounts + fixed ≥ s·weight; ``reached`` is then recomputed from the plan by
    ``evaluate``, so it is exactly what the ledger gives. Within ``time_limit`` seconds the
    answer may be unproved: then ``bound`` is HiGHS's proved upper bound on s.

    Returns None when no plan wins even against targets of 0 (a kind the rules ask for is
    not in the pile, or the floor is out of reach). Raises ``SolverFailed`` when HiGHS throws
    on every try."""
    zero = (0.0,) * problem.rounds
    model = _Model(dataclasses.replace(problem, targets=zero))
    program = model.program
    scale = program.var(0.0)
    in_mio = model.problem  # the program's amounts are in mio. kr., and so is s
    for year, terms in enumerate(model.totals):
        # Σ amounts − weight·s ≥ −fixed: the year's råderum reaches its share of s
        program.row({**terms, scale: -float(weights[year])}, lower=-in_mio.fixed[year])
    program.row({model.win: 1.0}, lower=1.0)
    try:
        solution = program.solve_lexicographic([Objective({scale: 1.0})], time_limit)
    except Infeasible:
        if not can_win(dataclasses.replace(problem, targets=zero)):
            return None
        # no plan found in the time given, though one exists: nothing is known of s
        return Ceiling((), 0.0, math.inf, exact=False)
    plan = model.plan(solution.values)
    totals = evaluate(dataclasses.replace(problem, targets=zero), plan).raaderum
    unit = problem.unit_scale  # s back in the deck's unit
    reached = min(
        (total / weight for total, weight in zip(totals, weights) if weight > 0),
        default=solution.values[scale] * unit,
    )
    bound = max(reached, solution.bound * unit)
    return Ceiling(tuple(plan), reached, bound, solution.proved)


def best_portfolio(state: GameState) -> OptimalPlan:
    """The best portfolio the cards seen in the game of ``state`` would have allowed."""
    own_plan = [(a.card, a.round) for a in state.adopted]
    return optimise(problem_from_state(state), [own_plan])
