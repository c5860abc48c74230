"""Mixed-integer linear programs solved by HiGHS: the one place that talks to ``highspy``.

A ``Program`` collects variables (with bounds and integrality) and rows (sparse, with lower
and upper bounds), then ``solve_lexicographic`` optimises a list of objectives in order of
priority: each stage keeps the earlier stages' optimal values (within a stated tolerance) as
constraints. That is how the optimiser keeps its lexicographic order exactly, without weights.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from highspy import _core  # the raw binding: lets us set options before HiGHS prints its banner

INF = math.inf
_NOISE = 1e-9
"""Bounds and coefficients closer to zero than this are zero (float noise from subtracting
amounts; HiGHS's presolve stumbles on 'excessively small' bounds)."""


def _clean(value: float) -> float:
    return 0.0 if abs(value) < _NOISE else value


TIME_LIMIT_S = 20.0
"""A safety net per stage; the optimiser reports a plan as unproved if a stage hits it."""


@dataclass(frozen=True)
class Objective:
    """One stage: maximise (or minimise) ``sum(coef * var)``; later stages keep its value to
    within ``tolerance`` (absolute)."""

    coefficients: Mapping[int, float]
    maximise: bool = True
    tolerance: float = 1e-6


@dataclass(frozen=True)
class Solution:
    """The values of the variables of the last stage solved, and whether every stage was
    proved optimal (``proved``) or one ran out of time with a feasible plan."""

    values: tuple[float, ...]
    proved: bool
    stages: tuple[float, ...]
    """The optimal value of each stage's objective."""
    bound: float
    """The best value of the last stage solved that HiGHS could not rule out: equal to its
    value in ``stages`` when ``proved``, else the branch and bound's dual bound (no
    solution does better, e.g. a maximum stays at or below it)."""


class Infeasible(ValueError):
    """The program has no solution at all (a bug in the model: every game has one)."""


def _solver(lp: _core.HighsLp, time_limit: float = TIME_LIMIT_S) -> _core._Highs:
    """A quiet HiGHS instance holding ``lp``, set to prove optimality exactly within
    ``time_limit`` seconds."""
    highs = _core._Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("mip_rel_gap", 0.0)
    highs.setOptionValue("mip_abs_gap", 1e-9)
    highs.setOptionValue("time_limit", time_limit)
    highs.passModel(lp)
    return highs


def _feasible(highs: _core._Highs) -> bool:
    """True when HiGHS holds a feasible (if not proved optimal) solution."""
    return bool(highs.getInfo().primal_solution_status == 2)


_SOLVER_ERRORS = (ValueError, RuntimeError, MemoryError, IndexError, OverflowError)
"""What highspy raises when HiGHS itself throws (pybind11 turns ``std::length_error`` into
``ValueError``, ``std::bad_alloc`` into ``MemoryError`` and so on). Seen once: highspy 1.15.1
threw 'vector::reserve' while the planner played an eight-year game on a busy machine."""

_RETRIES: tuple[tuple[tuple[str, str | int], ...], ...] = (
    (),
    (("presolve", "off"),),
    (("presolve", "off"), ("random_seed", 7919)),
)
"""The settings of each try: as configured, then without presolve (slower but steadier: HiGHS
1.16's presolve called a feasible eight-row program infeasible), then also on another of
HiGHS's random paths through the branch and bound."""


class SolverFailed(RuntimeError):
    """HiGHS threw on every try (``_RETRIES``); the message is its own."""


def _run(
    lp: _core.HighsLp, time_limit: float = TIME_LIMIT_S
) -> tuple[_core._Highs, _core.HighsModelStatus]:
    """Solve ``lp`` with a fresh solver per try, each within ``time_limit`` seconds. The
    optimiser's programs have a feasible point (the empty plan, and each stage keeps the
    previous stage's optimum), so any status but optimal or out of time is a numerical slip,
    and so is an exception from inside HiGHS: both get the next try of ``_RETRIES``. (A
    program that truly has none, ``optimise.highest_scale`` for a pile that lacks a kind,
    says so on every try.) Returns the solver of the last try and its status
    (tests/engine/test_optimise.py checks the optimiser against exhaustive search).

    Raises ``SolverFailed`` when HiGHS throws on every try."""
    failure: BaseException | None = None
    last: tuple[_core._Highs, _core.HighsModelStatus] | None = None
    for settings in _RETRIES:
        highs = _solver(lp, time_limit)
        for name, value in settings:
            highs.setOptionValue(name, value)
        try:
            highs.run()
        except _SOLVER_ERRORS as raised:
            failure = raised
            continue
        last = highs, highs.getModelStatus()
        if last[1] in (_core.HighsModelStatus.kOptimal, _core.HighsModelStatus.kTimeLimit):
            break
    if last is None:
        raise SolverFailed(f"HiGHS: {failure}") from failure
    return last


class Program:
    """A mixed-integer linear program under construction."""

    def __init__(self) -> None:
        self._lower: list[float] = []
        self._upper: list[float] = []
        self._integer: list[bool] = []
        self._starts: list[int] = [0]
        self._index: list[int] = []
        self._value: list[float] = []
        self._row_lower: list[float] = []
        self._row_upper: list[float] = []

    @property
    def size(self) -> int:
        """Number of variables."""
        return len(self._lower)

    def var(self, lower: float = 0.0, upper: float = INF, *, integer: bool = False) -> int:
        """A new variable; returns its index."""
        self._lower.append(lower)
        self._upper.append(upper)
        self._integer.append(integer)
        return len(self._lower) - 1

    def binary(self) -> int:
        """A new 0/1 variable."""
        return self.var(0.0, 1.0, integer=True)

    def row(self, terms: Mapping[int, float], lower: float = -INF, upper: float = INF) -> None:
        """Add ``lower ≤ Σ coef·var ≤ upper`` (zero coefficients are dropped)."""
        for column, coefficient in terms.items():
            if _clean(coefficient) != 0.0:
                self._index.append(column)
                self._value.append(coefficient)
        self._starts.append(len(self._index))
        self._row_lower.append(_clean(lower))
        self._row_upper.append(_clean(upper))

    def _lp(self, cost: np.ndarray, maximise: bool) -> _core.HighsLp:
        lp = _core.HighsLp()
        lp.num_col_ = self.size
        lp.num_row_ = len(self._row_lower)
        lp.col_cost_ = cost
        lp.sense_ = _core.ObjSense.kMaximize if maximise else _core.ObjSense.kMinimize
        lp.col_lower_ = np.array(self._lower, dtype=float)
        lp.col_upper_ = np.array(self._upper, dtype=float)
        lp.row_lower_ = np.array(self._row_lower, dtype=float)
        lp.row_upper_ = np.array(self._row_upper, dtype=float)
        lp.a_matrix_.format_ = _core.MatrixFormat.kRowwise
        lp.a_matrix_.start_ = np.array(self._starts, dtype=np.int32)
        lp.a_matrix_.index_ = np.array(self._index, dtype=np.int32)
        lp.a_matrix_.value_ = np.array(self._value, dtype=float)
        kinds = _core.HighsVarType
        lp.integrality_ = [kinds.kInteger if i else kinds.kContinuous for i in self._integer]
        return lp

    def solve_lexicographic(
        self, objectives: Sequence[Objective], time_limit: float = TIME_LIMIT_S
    ) -> Solution:
        """Optimise ``objectives`` in order (no starting point is handed to HiGHS: with
        highspy 1.16 a user solution made a later stage stop at a non-optimal point), each
        stage within ``time_limit`` seconds.

        Raises ``Infeasible`` when the program has no feasible point, and ``SolverFailed``
        when HiGHS throws on every try of the first stage (a later stage that fails leaves
        the earlier stages' plan, unproved).
        """
        values: list[float] | None = None
        proved = True
        stages: list[float] = []
        bound = math.nan
        kept = len(self._row_lower)
        for objective in objectives:
            cost = np.zeros(self.size)
            for column, coefficient in objective.coefficients.items():
                cost[column] += coefficient
            try:
                highs, status = _run(self._lp(cost, objective.maximise), time_limit)
            except SolverFailed:
                if values is None:
                    raise
                proved = False  # keep the earlier stages' plan, as after a time-out
                break
            solution = highs.getSolution()
            if status != _core.HighsModelStatus.kOptimal:
                proved = False
                if status != _core.HighsModelStatus.kTimeLimit or not _feasible(highs):
                    if values is None:
                        raise Infeasible(highs.modelStatusToString(status))
                    break
            values = list(solution.col_value)
            reached = float(cost @ np.array(values))
            stages.append(reached)
            bound = reached if proved else float(highs.getInfo().mip_dual_bound)
            # later stages keep this optimum (within the tolerance)
            slack = objective.tolerance
            low, high = (reached - slack, INF) if objective.maximise else (-INF, reached + slack)
            if np.any(cost):
                self.row({int(c): float(cost[c]) for c in np.flatnonzero(cost)}, low, high)
            if not proved:
                break
        del self._starts[kept + 1 :], self._index[self._starts[-1] :]
        del self._value[self._starts[-1] :], self._row_lower[kept:], self._row_upper[kept:]
        assert values is not None
        return Solution(values=tuple(values), proved=proved, stages=tuple(stages), bound=bound)
