"""Who won and why: the verdict of a finished game, and the loss reasons so far."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.model import KINDS, Kind
from game.engine.rules import kinds_adopted
from game.engine.state import GameState

LOSS_TARGET = "target"
LOSS_KINDS = "kinds"
LOSS_SERVICE = "service"
LOSS_REASONS: tuple[str, ...] = (LOSS_TARGET, LOSS_KINDS, LOSS_SERVICE)


@dataclass(frozen=True)
class Verdict:
    """The outcome of a game. ``won`` is None until the last year is closed."""

    finished: bool
    won: bool | None
    reasons: tuple[str, ...]
    missed_years: tuple[str, ...]
    missing_kinds: tuple[Kind, ...]
    service: int
    service_floor: int | None

    @property
    def service_below_floor(self) -> bool:
        """True when the scenario has a service floor and the level is under it."""
        return self.service_floor is not None and self.service < self.service_floor


def verdict(state: GameState) -> Verdict:
    """The verdict on ``state``; while playing, the reasons the group would lose right now."""
    scenario = state.scenario
    missed = tuple(r.year for r in state.results if not r.met)
    present = kinds_adopted(state)
    missing = tuple(k for k in KINDS if k not in present) if scenario.require_all_kinds else ()
    reasons: list[str] = []
    if missed:
        reasons.append(LOSS_TARGET)
    if missing:
        reasons.append(LOSS_KINDS)
    floor = scenario.service_floor
    if floor is not None and state.service < floor:
        reasons.append(LOSS_SERVICE)
    finished = state.finished
    return Verdict(
        finished=finished,
        won=(not reasons) if finished else None,
        reasons=tuple(reasons),
        missed_years=missed,
        missing_kinds=missing,
        service=state.service,
        service_floor=floor,
    )
