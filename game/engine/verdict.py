"""Who won and why: the verdict of a finished game, and the loss reasons so far."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import ledger
from game.engine.ledger import LOSS_KINDS, LOSS_REASONS, LOSS_SERVICE, LOSS_TARGET
from game.engine.model import Kind
from game.engine.rules import kinds_adopted, scaled_targets
from game.engine.state import GameState

__all__ = ["LOSS_KINDS", "LOSS_REASONS", "LOSS_SERVICE", "LOSS_TARGET", "Verdict", "verdict"]


@dataclass(frozen=True)
class Verdict:
    """The outcome of a game. ``won`` is None until the last year is closed.

    ``reasons`` are the codes of what loses the game (while playing: what would lose it now),
    in this order: ``"target"`` (a closed year missed its target; ``missed_years`` names
    them), ``"kinds"`` (not every kind adopted; ``missing_kinds``) and ``"service"`` (the
    service level under ``service_floor``). Empty when the game is won."""

    finished: bool
    won: bool | None
    reasons: tuple[str, ...]
    missed_years: tuple[str, ...]
    missing_kinds: tuple[Kind, ...]
    service: int
    service_floor: int | None
    all_kinds: bool = True
    """Whether the scenario demands all three kinds (``Scenario.require_all_kinds``)."""
    targets_changed: bool = False
    """Whether the facilitator changed X (``SetTarget``) after a year had closed: the years
    are then judged against targets of two (or more) scalings, and a program that compares
    strategies should count the game apart. A change before the first year closes is the
    same as starting with that X and does not count."""

    @property
    def service_below_floor(self) -> bool:
        """True when the scenario has a service floor and the level is under it."""
        return ledger.below_floor(self.service, self.service_floor)


def verdict(state: GameState) -> Verdict:
    """The verdict on ``state``; while playing, the reasons the group would lose right now."""
    scenario = state.scenario
    missed = tuple(r.year for r in state.results if not r.met)
    missing = ledger.missing_kinds(kinds_adopted(state), scenario.require_all_kinds)
    floor = scenario.service_floor
    reasons = ledger.loss_reasons(
        bool(missed), bool(missing), ledger.below_floor(state.service, floor)
    )
    finished = state.finished
    return Verdict(
        finished=finished,
        won=(not reasons) if finished else None,
        reasons=reasons,
        missed_years=missed,
        missing_kinds=missing,
        service=state.service,
        service_floor=floor,
        all_kinds=scenario.require_all_kinds,
        targets_changed=_targets_changed(state),
    )


ROUNDING = 0.005 + 1e-9
"""How far a target may be from one scaling and still be of it: ``scaled_targets`` rounds
each target to two decimals (deck's unit), so a scenario's own 3,333 is 3,33 scaled by its
own X. A change of X that moves a closed year's target by 0,01 is a change (0,02 let X go
from 25 to 25,1 after a closed year of 3 unsaid)."""


def _targets_changed(state: GameState) -> bool:
    """Whether the targets are of more than one X: neither the scenario's own nor one
    scaling of them (``Verdict.targets_changed``)."""
    targets = state.targets
    if targets == tuple(float(t) for t in state.scenario.target):
        return False
    # X is kept as its last year's target, rounded to two decimals (40,005 is 40,01): any X
    # that rounds to it may be the one
    for step in range(-5, 6):
        again = scaled_targets(state.scenario.target, targets[-1] + step / 1000)
        if all(abs(a - b) <= ROUNDING for a, b in zip(targets, again)):
            return False
    return True
