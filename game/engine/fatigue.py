"""Træthed year by year, as the year reveal and the debrief tell it: what the organisation
carried into each budget year, what the year's events and adoptions added, what it had at the
year end, what it shed at the turn of the year and what it kept. Computed from a game state
with the engine's own rules (``fatigue_of``, ``fatigue_after_events``, ``recovered``), so it
agrees with the capacity the engine gave each year."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.ledger import (
    FATIGUE_RECOVERY,
    fatigue_after_events,
    fatigue_of,
    lost_capacity,
    recovered,
    service_lift,
)
from game.engine.state import GameState


@dataclass(frozen=True)
class FatigueYear:
    """Træthed in one closed budget year (whole points)."""

    year: str
    start: int
    """Carried in from the year before (after its recovery)."""
    events: int
    """What the year's events added (negative: relieved), as it counted (never below 0)."""
    adopted: int
    """What the year's adoptions added."""
    peak: int
    """At the year end, before the recovery: what took capacity in the year's last decisions."""
    recovery: int
    """What the organisation shed at the turn of the year."""
    lift: int
    """The part of the recovery due to the service the year's adoptions raised."""
    end: int
    """Carried into the next year (the engine's level after the year; ``recovery`` is shed
    even after the game's last year, where the screens show no turn: ``turn``)."""
    turn: bool = True
    """A turn of the year follows (False for the last year of a finished game): only then do
    the screens tell what was shed."""

    @property
    def shown_end(self) -> int:
        """The level the screens show at the year's end: ``end`` when a turn of the year
        follows, else the year-end level itself (nothing is shed after the game)."""
        return self.end if self.turn else self.peak

    @property
    def lost_capacity(self) -> int:
        """The capacity træthed took at the year end."""
        return lost_capacity(self.peak)


def fatigue_years(state: GameState) -> list[FatigueYear]:
    """Træthed of every closed year of ``state`` (``state.results`` in order)."""
    deck, years = state.deck, []
    carried = 0
    for index, result in enumerate(state.results):
        added = sum(deck.event(e.card).fatigue for e in state.events if e.round == index)
        drawn = any(e.round == index for e in state.events)
        start_after_events = fatigue_after_events(carried, added) if drawn else carried
        adopted = [deck.proposal(a.card) for a in state.adopted if a.round == index]
        added_by_adoptions = sum(fatigue_of(p) for p in adopted)
        lift = sum(service_lift(p) for p in adopted)
        peak = start_after_events + added_by_adoptions
        end = recovered(peak, lift)
        years.append(
            FatigueYear(
                year=result.year,
                start=carried,
                events=start_after_events - carried,
                adopted=added_by_adoptions,
                peak=peak,
                recovery=peak - end,
                lift=max(0, min(lift, peak - end - min(peak, FATIGUE_RECOVERY))),
                end=end,
                turn=not (state.finished and index == len(state.results) - 1),
            )
        )
        carried = end
    return years


def fatigue_shown(state: GameState) -> int:
    """The træthed the screens, the report and ``raaderum replay`` give for ``state``: its
    level now, or for a finished game the level its last year ended with (no turn of the
    year follows, so nothing is shed after the game)."""
    if state.finished and state.results:
        return fatigue_years(state)[-1].peak
    return state.fatigue
