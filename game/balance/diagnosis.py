"""Why a deck cannot be won, found in its games rather than guessed.

When the best plan in hindsight loses too many of the best strategy's games, every game it
loses is put to the optimiser again with one rule eased at a time – unlimited capacity, no
service floor, no anlægsramme, no demand for all three kinds, no events – and with all of
them eased at once. What wins then names what held the game back. For the capacity (and the
floor) the optimiser also finds the least change that wins each game, so the report can say
"hæv kapaciteten fra 6 til 9: så kunne 11 af 20 spil vindes". Per year it finds the most
råderum any plan could give that year (``optimise.most_in_year``), with the rules and without
the capacity and the anlægsramme: a target above that is above what the cards can give. From
the games themselves it counts the rounds the strategy ended with a card on the table that
only the capacity (or the anlægsramme) kept out and that would have added to a year below its
target.

Every figure is a count of the games played, so each sentence of the report holds for the
deck at hand.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial

import numpy as np

from game.balance.parallel import map_chunks
from game.balance.play import GameRecord
from game.engine.ledger import MET_TOLERANCE
from game.engine.optimise import Problem, can_win, most_in_year

RULES = ("capacity", "floor", "construction", "kinds", "events")
"""The rules the diagnosis eases one at a time, in the order the report names them."""

REACHED_SHARE = 0.6
"""The share of games a figure counts as reached in: the 40th percentile (the report's
suggested targets and the ceilings of a year alike)."""


@dataclass(frozen=True)
class Diagnosis:
    """What held back the games the best plan in hindsight lost."""

    strategy: str
    """The strategy whose games were judged (the report's ★)."""
    games: int
    lost: int
    """The games the best plan in hindsight lost: the ones diagnosed."""
    rescued: dict[str, int]
    """Per eased rule (``RULES``, only those the scenario has), and "all" for every one of
    them at once but the events: how many lost games the best plan would then win."""
    capacity_needed: tuple[int | None, ...]
    """Per game: the least capacity with which the best plan in hindsight wins (the
    scenario's own when it already wins; None when no capacity is enough)."""
    floor_needed: tuple[int | None, ...]
    """Per game, in a scenario with a floor: the highest floor with which it wins."""
    reach: tuple[tuple[float, ...], ...]
    """Per lost game, per year: the most råderum any plan gives that year, under the rules."""
    open_reach: tuple[tuple[float, ...], ...]
    """The same without limits on the capacity and the anlægsramme."""
    capacity_short: int
    """Games in which the strategy ended a round with a card on the table that only the
    capacity kept out and that would have added to a year below its target."""
    capacity_short_rounds: int
    construction_short: int
    """The same for the anlægsramme."""
    lucky: int = 0
    """Lost games the strategy itself won: the best plan in hindsight counts on the cards'
    expected amounts, the strategy drew better ones (a deck of uncertain cards)."""

    def capacity_for(self, share: float) -> tuple[int, int] | None:
        """The least capacity with which the best plan in hindsight wins at least ``share``
        of the games, and how many it then wins; None when no capacity is enough."""
        return _least(self.capacity_needed, share, self.games)

    def floor_for(self, share: float) -> tuple[int, int] | None:
        """The highest floor with which the best plan wins at least ``share`` of the games,
        and how many it then wins; None when no floor is low enough (or there is none)."""
        if not self.floor_needed:
            return None
        found = _least([None if f is None else -f for f in self.floor_needed], share, self.games)
        return None if found is None else (-found[0], found[1])

    def year_short(self, year: int, target: float) -> tuple[int, int, float, float]:
        """Of the lost games: in how many ``target`` is above the most the cards give in
        ``year`` under the rules, in how many also without capacity and anlægsramme limits,
        and those two ceilings as reached in ``REACHED_SHARE`` of the lost games."""
        under = [r[year] for r in self.reach]
        free = [r[year] for r in self.open_reach]
        return (
            sum(target > v + MET_TOLERANCE for v in under),
            sum(target > v + MET_TOLERANCE for v in free),
            reached_in_share(under),
            reached_in_share(free),
        )

    def short_ceilings(self, year: int, target: float) -> tuple[float, float]:
        """Among the lost games in which ``target`` is above the most the cards give in
        ``year`` (under the rules; without capacity and anlægsramme limits), that most as
        reached in ``REACHED_SHARE`` of them: always below ``target`` (over every lost game
        it was not, and the report told a budget office to "lower" 1.000 to at most 1.950);
        the second never below the first."""
        under = [r[year] for r in self.reach if target > r[year] + MET_TOLERANCE]
        free = [r[year] for r in self.open_reach if target > r[year] + MET_TOLERANCE]
        ceiling = reached_in_share(under)
        # the games still short without the limits are fewer and harder: their ceiling came
        # out under the one with the limits ("højst 17.730 … også uden grænse … højst
        # 16.810"), as if lifting a limit gave less; "højst" holds for the larger of the two
        return ceiling, max(ceiling, reached_in_share(free))


def reached_in_share(values: Sequence[float]) -> float:
    """The value reached in ``REACHED_SHARE`` of ``values`` (their 40th percentile)."""
    return float(np.quantile(values, 1 - REACHED_SHARE)) if values else 0.0


def _least(needed: Sequence[int | None], share: float, games: int) -> tuple[int, int] | None:
    """The least of ``needed`` that covers ``share`` of ``games``, and how many it covers."""
    known = sorted(n for n in needed if n is not None)
    want = max(1, math.ceil(share * games - 1e-9))
    if len(known) < want:
        return None
    value = known[want - 1]
    return value, sum(n <= value for n in known)


def _least_winning(low: int, high: int, wins: Callable[[int], bool]) -> int:
    """The least value in [low, high] for which ``wins`` holds (it holds at ``high`` and
    keeps holding above any value where it holds)."""
    while low < high:
        middle = (low + high) // 2
        if wins(middle):
            high = middle
        else:
            low = middle + 1
    return high


def unlimited_capacity(problem: Problem) -> int:
    """A capacity no plan of ``problem`` can use up: every card's belastning and træthed,
    the events' træthed and the træthed at the start."""
    used = sum(c.load + c.strain for c in problem.cards)
    tired = problem.start_fatigue + sum(max(0, f) for f in problem.event_fatigue)
    return max(problem.capacity, used + tired)


def eased(problem: Problem, rule: str) -> Problem:
    """``problem`` with one rule eased (``RULES``), or every rule but the events ("all")."""
    if rule == "capacity":
        return replace(problem, capacity=unlimited_capacity(problem))
    if rule == "floor":
        return replace(problem, service_floor=None)
    if rule == "construction":
        return replace(problem, construction_budget=None)
    if rule == "kinds":
        return replace(problem, require_all_kinds=False)
    if rule == "events":
        years = len(problem.years)
        return replace(problem, fixed=(0.0,) * years, base_service=0, event_fatigue=())
    assert rule == "all", rule
    for each in ("capacity", "floor", "construction", "kinds"):
        problem = eased(problem, each)
    return problem


def rules_of(problem: Problem) -> tuple[str, ...]:
    """The rules of ``RULES`` that bind in ``problem`` (a scenario without a floor has none
    to ease)."""
    present = {
        "capacity": True,
        "floor": problem.service_floor is not None,
        "construction": problem.construction_budget is not None,
        "kinds": problem.require_all_kinds,
        "events": any(problem.fixed) or problem.base_service != 0 or any(problem.event_fatigue),
    }
    return tuple(rule for rule in RULES if present[rule])


def capacity_needed(problem: Problem, won: bool) -> int | None:
    """The least capacity with which the best plan of ``problem`` wins (None: none does)."""
    if won:
        return problem.capacity
    most = unlimited_capacity(problem)
    if not can_win(replace(problem, capacity=most)):
        return None
    return _least_winning(
        problem.capacity + 1, most, lambda c: can_win(replace(problem, capacity=c))
    )


def floor_needed(problem: Problem, won: bool) -> int | None:
    """The highest service floor with which the best plan of ``problem`` wins (None: none
    does, or the scenario has no floor)."""
    floor = problem.service_floor
    if floor is None:
        return None
    if won:
        return floor
    if not can_win(replace(problem, service_floor=None)):
        return None
    # the lowest service any plan can end with: every card that cuts service adopted
    lowest = problem.base_service + sum(min(0, c.service) for c in problem.cards)
    # search the floor from above as an ascending "cut" (floor − cut): a deeper cut never hurts
    cut = _least_winning(
        1, max(1, floor - lowest), lambda d: can_win(replace(problem, service_floor=floor - d))
    )
    return floor - cut


@dataclass(frozen=True)
class _Facts:
    """What the optimiser says about one game in hindsight (see ``Diagnosis``)."""

    rescued: tuple[str, ...]
    capacity_needed: int | None
    floor_needed: int | None
    reach: tuple[float, ...] | None
    open_reach: tuple[float, ...] | None


def _facts(
    rules: Sequence[str], has_floor: bool, games: Sequence[tuple[Problem, bool]]
) -> list[_Facts]:
    """The facts of each game of ``games`` (its problem, and whether its best plan won)."""
    found = []
    for problem, won in games:
        years = range(len(problem.years))
        open_problem = replace(eased(problem, "capacity"), construction_budget=None)
        found.append(
            _Facts(
                rescued=() if won else tuple(r for r in rules if can_win(eased(problem, r))),
                capacity_needed=capacity_needed(problem, won),
                floor_needed=floor_needed(problem, won) if has_floor else None,
                reach=None if won else tuple(most_in_year(problem, y) for y in years),
                open_reach=None if won else tuple(most_in_year(open_problem, y) for y in years),
            )
        )
    return found


DIAGNOSED_CHUNK = 10
"""Games per task handed to a worker process by the diagnosis (a lost game takes about as
long to diagnose as to play with the planner)."""


def diagnose(
    strategy: str,
    records: Sequence[GameRecord],
    *,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> Diagnosis | None:
    """The diagnosis of the games ``records`` (played with hindsight, so each holds its
    problem); None when they hold none. The games are shared out over ``workers``
    processes; ``progress`` is told how many are done."""
    games = [(r.problem, bool(r.hindsight_won)) for r in records if r.problem is not None]
    if not games:
        return None
    problems = [problem for problem, _ in games]
    rules = (*rules_of(problems[0]), "all")
    has_floor = problems[0].service_floor is not None
    task = partial(_facts, rules, has_floor)
    facts = map_chunks(task, games, chunk=DIAGNOSED_CHUNK, workers=workers, progress=progress)
    lost = [f for f, (_, won) in zip(facts, games) if not won]
    return Diagnosis(
        strategy=strategy,
        games=len(games),
        lost=len(lost),
        rescued={rule: sum(rule in f.rescued for f in lost) for rule in rules},
        capacity_needed=tuple(f.capacity_needed for f in facts),
        floor_needed=tuple(f.floor_needed for f in facts) if has_floor else (),
        reach=tuple(f.reach for f in lost if f.reach is not None),
        open_reach=tuple(f.open_reach for f in lost if f.open_reach is not None),
        capacity_short=sum(r.capacity_short > 0 for r in records),
        capacity_short_rounds=sum(r.capacity_short for r in records),
        construction_short=sum(r.construction_short > 0 for r in records),
        lucky=sum(r.won and r.problem is not None and not r.hindsight_won for r in records),
    )


def _wins_each(
    targets: Sequence[Sequence[float]], problems: Sequence[Problem]
) -> list[tuple[bool, ...]]:
    """Per problem, per set of ``targets``: whether its best plan wins with them."""
    return [tuple(can_win(replace(p, targets=tuple(t))) for t in targets) for p in problems]


def wins_with_each(
    records: Sequence[GameRecord], targets: Sequence[Sequence[float]], *, workers: int = 1
) -> list[int] | None:
    """For each set of ``targets``: in how many of ``records`` the best plan in hindsight
    would win with them (None when the records hold no problems). The games are shared out
    over ``workers`` processes."""
    problems = [r.problem for r in records if r.problem is not None]
    if not problems:
        return None
    if not targets:
        return []
    task = partial(_wins_each, [tuple(t) for t in targets])
    rows = map_chunks(task, problems, chunk=DIAGNOSED_CHUNK * 5, workers=workers)
    return [sum(row[i] for row in rows) for i in range(len(targets))]
