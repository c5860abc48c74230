"""How high the facilitator's X can go on a scenario before the game cannot be won without
luck.

The rule
    The reach of a scenario is the largest X (the last budget year's target; the earlier
    years scale with it, ``rules.scaled_targets``) that its whole pile can meet when luck
    plays no part: every proposal on the table from the first budget year, each at its face
    amount (factor 1, as the board shows it), no event drawn, and every other rule kept –
    capacity with træthed, exclusions, requirements, the anlægsramme, all three kinds and
    the service floor. It is the optimiser's relaxed game (``optimise``) with the targets
    raised as far as a plan can follow them.

What it tells the facilitator
    An X above the reach cannot be won unless the table draws good events or cards that
    give more than their face amount: the start screen, the "Skift mål" dialog and the
    commands say so before the group plays for a target nobody could reach. An X below it
    can still be lost to events and draws; the balance harness (``raaderum balance``) says
    how often.

Cost
    One integer program per scenario (HiGHS); the standard deck's scenarios take from a few
    hundredths of a second (intro) to about two seconds (standard), and the eight-year
    ``lang-horisont`` is cut off after ``REACH_TIME_S`` with a proved bound (``Reach.ceiling``).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass

from game.engine import ledger
from game.engine.milp import SolverFailed
from game.engine.model import Deck
from game.engine.optimise import (
    Problem,
    can_win,
    card_for,
    highest_scale,
    most_in_year,
    most_service,
)
from game.engine.rules import new_game, target_weights

REACH_TIME_S = 2.0
"""Seconds HiGHS may spend on a scenario's reach; after that the best plan found stands,
with HiGHS's proved upper bound as the ceiling."""

REACH_MOST_PROPOSALS = 300
"""Piles larger than this are not asked (``worth_asking``): a generated deck of 1.000
proposals took 5 s and 360 MB, and a real catalogue has tens of proposals, not hundreds."""


def worth_asking(deck: Deck, scenario_id: str) -> bool:
    """Whether the reach of ``scenario_id`` is computed at all: its pile holds at most
    ``REACH_MOST_PROPOSALS`` proposals."""
    return len(deck.scenario(scenario_id).proposals) <= REACH_MOST_PROPOSALS


@dataclass(frozen=True)
class Reach:
    """The reach of a scenario, as X in the deck's unit.

    ``reached``: an X the best plan found meets; ``ceiling``: no plan meets an X above it
    (equal to ``reached`` when HiGHS proved it; ``math.inf`` when the time ran out before any
    plan was found); ``plan``: that plan, as (proposal id, 0-based round) pairs;
    ``year_most``: for each budget year before the last, the most any plan gives in that year
    alone (``optimise.most_in_year``, a proved ceiling; empty when nothing is known)."""

    reached: float
    ceiling: float
    plan: tuple[tuple[str, int], ...] = ()
    year_most: tuple[float, ...] = ()
    unit_scale: float = 1.0
    """The deck's unit to the mio. kr.: the "ca." figures are rounded down to a tenth of a
    mio. kr. in any unit (a workbook in t. kr. read "ca. 28.688" where the same in mio. kr.
    read "ca. 28,6")."""

    def _down(self, value: float) -> float:
        """``value`` rounded down to a tenth of a mio. kr., in the deck's unit."""
        tenths = 10 / self.unit_scale  # per unit of the deck: 10 in mio. kr., 0,01 in t. kr.
        return round(math.floor(value * tenths + 1e-9) / tenths, 9)

    def short_year(self, targets: Sequence[float]) -> int | None:
        """The first budget year before the last (0-based) whose target in ``targets``
        (deck's unit, one per year) is above what that year can give on its own
        (``year_most``): no plan meets it, whatever the other years get. A flat target of 10
        whose pile gives at most 8,5 in 2028 is held down by 2028, not by the last year, and
        that is the year a deck author must lower or feed. None when every earlier year could
        be met on its own: the last year, or the years together, hold X down."""
        for year, (target, most) in enumerate(zip(targets[:-1], self.year_most)):
            if target > most + ledger.MET_TOLERANCE:
                return year
        return None

    def most_in(self, year: int) -> float:
        """``year_most[year]`` rounded down to a tenth of a mio. kr.: the "højst ca." figure."""
        return self._down(self.year_most[year])

    @property
    def exact(self) -> bool:
        """True when ``reached`` is proved to be the largest X."""
        return self.ceiling <= self.reached + ledger.MET_TOLERANCE

    def beyond(self, target: float | None) -> bool:
        """Whether the facilitator's X (None: the scenario's own) is above the ceiling: no
        plan meets it without luck."""
        return target is not None and target > self.ceiling + ledger.MET_TOLERANCE

    @property
    def shown(self) -> float:
        """``reached`` rounded down to a tenth of a mio. kr.: the "ca." figure a warning
        gives (never more than a plan meets)."""
        return self._down(self.reached)


def target_reach(deck: Deck, scenario_id: str, time_limit: float = REACH_TIME_S) -> Reach | None:
    """The reach of scenario ``scenario_id`` of ``deck`` (see the module docstring).

    Returns None when no X can be won, not even 0: a kind the scenario asks for is not in its
    pile, or the floor cannot be kept. When HiGHS throws on every try (``SolverFailed``) or
    finds no plan in the time given, nothing is known: the reach is 0 with an infinite
    ceiling, and ``beyond`` is never true. Raises ``KeyError`` for an unknown scenario."""
    scenario = deck.scenario(scenario_id)
    problem = _whole_pile(deck, scenario_id)
    try:
        ceiling = highest_scale(problem, target_weights(scenario.target), time_limit)
    except SolverFailed:
        return Reach(reached=0.0, ceiling=math.inf)
    if ceiling is None:
        return None
    each = time_limit / max(1, scenario.rounds - 1)  # the years share the reach's time
    year_most = tuple(most_in_year(problem, year, each) for year in range(scenario.rounds - 1))
    return Reach(
        reached=ceiling.reached,
        ceiling=ceiling.bound,
        plan=ceiling.plan,
        year_most=year_most,
        unit_scale=deck.unit_scale,
    )


def last_year_most(deck: Deck, scenario_id: str, time_limit: float = REACH_TIME_S) -> float:
    """The most råderum any plan gives in the scenario's last budget year on its own, luck
    aside as in ``target_reach`` (a ceiling when HiGHS runs out of time): when it meets the
    last target, and every earlier year can meet its own (``Reach.short_year`` is None), a
    reach below the targets is the years together holding X down, not the last year."""
    scenario = deck.scenario(scenario_id)
    return most_in_year(_whole_pile(deck, scenario_id), scenario.rounds - 1, time_limit)


def _whole_pile(deck: Deck, scenario_id: str) -> Problem:
    """The relaxed game of the reach: the whole pile on the table from the first year at face
    amounts, no event, targets of 0."""
    scenario = deck.scenario(scenario_id)
    state = new_game(deck, scenario_id, 0)  # only for the cards' view (exclusions, anchors)
    rounds = scenario.rounds
    return Problem(
        years=scenario.years,
        targets=(0.0,) * rounds,
        fixed=(0.0,) * rounds,
        cards=tuple(card_for(state, pid, 0) for pid in scenario.proposals),
        capacity=scenario.capacity,
        service_floor=scenario.service_floor,
        require_all_kinds=scenario.require_all_kinds,
        construction_budget=scenario.construction_budget,
        unit_scale=deck.unit_scale,
    )


NO_PLAN_CAUSES = ("years", "kinds", "floor", "both")
"""Why no X can be won (``no_plan_cause``)."""


def no_plan_cause(deck: Deck, scenario_id: str) -> str:
    """Why no X of ``scenario_id`` can be won (``target_reach`` is None), one of
    ``NO_PLAN_CAUSES``: "years" – plans that keep the rules exist, but every one of them has
    a year with råderum below 0 (a card that costs in its first years, such as an
    investment the kinds rule asks for, that the rest of the pile cannot pay for); "floor" –
    no plan keeps the service floor (with all three kinds, when the rules ask for them) even
    with no limit to the capacity: the cards' service cannot reach it (``floor_most``);
    "kinds" – no plan adopts all three kinds under the adoption rules (capacity with
    træthed, exclusions, requirements, anlægsramme), floor or not; "both" – the floor can be
    kept (with the kinds) without the capacity's limit, and the kinds fit in the capacity,
    but not the two together. The capacity is blamed only when a plan keeping the floor
    exists without it: a floor of 30 that the cards' service never reaches was said as "ingen
    plan får vedtaget alle tre slags inden for kapaciteten; hæv kapaciteten", also at the
    largest capacity. Each question is ``optimise.can_win`` (which falls back to the full
    solve, never raising, when HiGHS throws). Raises ``KeyError`` for an unknown scenario."""
    scenario = deck.scenario(scenario_id)
    any_year = _any_year(deck, scenario_id)
    if can_win(any_year):
        return "years"
    if scenario.service_floor is None:
        return "kinds"
    free = _unlimited(any_year)
    if not can_win(free):
        # not even without the capacity: the floor, unless the kinds alone cannot be had
        return "floor" if can_win(dataclasses.replace(free, service_floor=None)) else "kinds"
    # the capacity binds: alone, or together with the floor
    return "both" if can_win(dataclasses.replace(any_year, service_floor=None)) else "kinds"


def floor_most(deck: Deck, scenario_id: str) -> int | None:
    """The highest service level a plan of ``scenario_id`` can reach that adopts all three
    kinds (when the scenario asks for them), whatever its råderum (the years do not count),
    with no limit to the capacity but under the other adoption rules: a service floor
    above it cannot be kept however the capacity is set. None when no such plan exists, or
    HiGHS throws. Raises ``KeyError`` for an unknown scenario."""
    return most_service(_unlimited(_any_year(deck, scenario_id)))


def _any_year(deck: Deck, scenario_id: str) -> Problem:
    """The relaxed game of the reach with targets no year can miss: only the rules count."""
    rounds = deck.scenario(scenario_id).rounds
    return dataclasses.replace(_whole_pile(deck, scenario_id), targets=(-_NO_TARGET,) * rounds)


def _unlimited(problem: Problem) -> Problem:
    """``problem`` with a capacity no plan fills: every card's belastning and træthed, and
    the events', taken at once."""
    most = sum(abs(c.load) + abs(c.strain) for c in problem.cards) + sum(
        map(abs, problem.event_fatigue)
    )
    return dataclasses.replace(problem, capacity=problem.capacity + most + 1)


_NO_TARGET = 1e12
"""A target below anything a year can give: the years no longer count."""


def out_of_reach(deck: Deck, scenario_id: str, target: float | None) -> Reach | None:
    """The reach when the facilitator's ``target`` is above what the pile meets without
    luck, else None: for no X (None), a target within reach, a pile too large to ask
    (``worth_asking``) or a reach not known. What the commands and the printed sheet say,
    with its "ca." figure (``Reach.shown``) and the year that is short (``short_year``); the
    window asks in the background (``ReachBook``)."""
    if target is None or not worth_asking(deck, scenario_id):
        return None
    reach = target_reach(deck, scenario_id)
    return reach if reach is not None and reach.beyond(target) else None
