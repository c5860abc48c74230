"""Who won and why: the verdict of a finished game, and the loss reasons so far."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import ledger
from game.engine.ledger import LOSS_KINDS, LOSS_REASONS, LOSS_SERVICE, LOSS_TARGET
from game.engine.model import Kind
from game.engine.rules import kinds_adopted
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
    )
