"""The ledger of Råderumsspillet: every rule that turns decisions into amounts, capacity and a
verdict, written once. The rules engine, the batch simulator, the forecast, the what-if and the
optimiser all take their formulas from here (docs/rules.md explains them for facilitators).

Amounts are in the deck's unit (normally mio. kr.) per budget year; years and rounds are
0-based indices into the scenario's years. A card adopted (or an event drawn) in round
``start`` contributes its effect from year ``start`` on; the last value of its effect holds.

The functions that the batch simulator also applies to numpy arrays (``realise``, ``meets``,
``fatigue_after``, ``capacity_for``) accept a float/int or an array and give the same result
element by element; tests/engine/test_batch.py checks the batch against the engine bit for bit.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol, overload

import numpy as np

from game.engine.model import KINDS, Event, Kind, Proposal

if TYPE_CHECKING:
    from game.engine.state import Adoption, DrawnEvent, GameState

Array = np.ndarray
"""Amounts or counts of many games at once (the batch simulator); element by element."""


class HasProfile(Protocol):
    """A card with face amounts per year from its start on (proposals, events, plan cards)."""

    @property
    def profile(self) -> tuple[float, ...]: ...


FATIGUE_RECOVERY = 2
"""Fatigue the organisation sheds at the end of every round."""
FATIGUE_PER_CAPACITY = 2
"""Every this many points of fatigue cost one point of capacity."""
MIN_CAPACITY = 2
"""Fatigue never lowers a round's capacity below this."""
MET_TOLERANCE = 1e-9
"""A year is met when its råderum is at least the target less this (float noise, not money)."""

LOSS_TARGET = "target"
LOSS_KINDS = "kinds"
LOSS_SERVICE = "service"
LOSS_REASONS: tuple[str, ...] = (LOSS_TARGET, LOSS_KINDS, LOSS_SERVICE)
"""Why a game is lost, in the order the verdict lists them."""


# --- Amounts ---------------------------------------------------------------------------


def face(card: HasProfile, start: int, year: int) -> float:
    """The amount a card shows for ``year`` when adopted (or drawn) in round ``start``: its
    effect ``year - start`` years on (the last value holds), 0 before ``start``."""
    return card.profile[year - start] if year >= start else 0.0


@overload
def gain_and_cost(amount: float) -> tuple[float, float]: ...
@overload
def gain_and_cost(amount: Array) -> tuple[Array, Array]: ...
def gain_and_cost(amount: float | Array) -> tuple[float | Array, float | Array]:
    """A face amount split into its gain (≥ 0, scaled by the hidden factor) and its cost
    (≤ 0, always what the card says). Works element by element on arrays."""
    if isinstance(amount, np.ndarray):
        return np.maximum(amount, 0.0), np.minimum(amount, 0.0)
    return max(amount, 0.0), min(amount, 0.0)


@overload
def realise(amount: float, factor: float) -> float: ...
@overload
def realise(amount: Array, factor: float | Array) -> Array: ...
def realise(amount: float | Array, factor: float | Array) -> float | Array:
    """What a face amount really gives: its gain times the hidden factor, plus its cost."""
    gain, cost = gain_and_cost(amount)
    result: float | Array = gain * factor + cost
    return result


def expected_factor(proposal: Proposal) -> float:
    """The mean hidden factor of a proposal: a lognormal with mean 1 unless it fails."""
    return 1.0 - proposal.failure


def expected(proposal: Proposal, start: int, year: int) -> float:
    """The expected amount in ``year``: gains weighted by the chance that the card works."""
    return realise(face(proposal, start, year), expected_factor(proposal))


def expected_profile(proposal: Proposal) -> tuple[float, ...]:
    """``expected`` for the PROFILE_YEARS years from adoption on."""
    return realised_profile(proposal, expected_factor(proposal))


def realised(proposal: Proposal, adoption: Adoption, year: int) -> float:
    """What an adoption really frees (+) or costs (−) in ``year``."""
    return realise(face(proposal, adoption.round, year), adoption.factor)


def seen_factor(adoption: Adoption, visible_only: bool) -> float:
    """The factor the group reckons with: the real one once revealed (or when the true amounts
    are asked for), else 1 – an unrevealed card counts at face value."""
    return adoption.factor if adoption.revealed or not visible_only else 1.0


def visible(proposal: Proposal, adoption: Adoption, year: int) -> float:
    """What the group sees for ``year``: the realised amount once revealed, else the face."""
    return realise(face(proposal, adoption.round, year), seen_factor(adoption, True))


@overload
def reveals(face_amount: float, revealed: bool) -> bool: ...
@overload
def reveals(face_amount: Array, revealed: Array) -> Array: ...
def reveals(face_amount: float | Array, revealed: bool | Array) -> bool | Array:
    """The reveal rule: an adoption's factor is shown at the end of the first year in which
    its face amount is a gain. Works element by element on arrays."""
    if isinstance(face_amount, np.ndarray):
        shown: Array = (face_amount > 0) & ~np.asarray(revealed)
        return shown
    return face_amount > 0 and not revealed


def event_amount(state: GameState, event: DrawnEvent, year: int) -> float:
    """What a drawn event adds (+) or takes (−) in ``year``."""
    return face(state.deck.event(event.card), event.round, year)


def face_rows(card: HasProfile, years: int) -> np.ndarray:
    """(start, year) → face amount of ``card``, as a ``years`` × ``years`` array."""
    return np.array([[face(card, start, year) for year in range(years)] for start in range(years)])


# --- Years -----------------------------------------------------------------------------


def year_totals(state: GameState, *, visible_only: bool = False) -> tuple[float, ...]:
    """The råderum of every year of the scenario: the drawn events (in order of drawing), then
    the adopted proposals (in order of adoption) – added in that order, so every consumer that
    sums the same way gets the same bits.

    With ``visible_only`` the hidden factors of unrevealed proposals are taken as 1 (what the
    group planned on); otherwise the true realised amounts are summed.
    """
    years = state.scenario.rounds
    event_of = state.deck.event
    totals = list(event_totals([(event_of(e.card), e.round) for e in state.events], years))
    proposal_of = state.deck.proposal
    for adoption in state.adopted:
        amounts = realised_profile(proposal_of(adoption.card), seen_factor(adoption, visible_only))
        for year, amount in zip(range(adoption.round, years), amounts):
            totals[year] += amount
    return tuple(totals)


def realised_profile(proposal: Proposal, factor: float) -> tuple[float, ...]:
    """``realise`` over the card's profile (PROFILE_YEARS years from adoption on)."""
    return _realised_profile(proposal.profile, factor)


@functools.lru_cache(maxsize=2048)
def _realised_profile(profile: tuple[float, ...], factor: float) -> tuple[float, ...]:
    # Kept because the engine sums these in every greedy decision; bounded, so a long run of
    # games (each with its own factors) does not grow memory.
    return tuple(realise(amount, factor) for amount in profile)


def event_totals(deck_events: Iterable[tuple[Event, int]], years: int) -> tuple[float, ...]:
    """The amounts per year of drawn events given as (event, round drawn)."""
    totals = [0.0] * years
    for card, start in deck_events:
        for year, amount in zip(range(start, years), card.profile):
            totals[year] += amount
    return tuple(totals)


@overload
def meets(total: float, target: float) -> bool: ...
@overload
def meets(total: Array, target: float | Array) -> Array: ...
def meets(total: float | Array, target: float | Array) -> bool | Array:
    """True where a year's råderum reaches its target. Works element by element on arrays."""
    if isinstance(total, np.ndarray):
        reached: Array = total >= np.asarray(target) - MET_TOLERANCE
        return reached
    return bool(total >= target - MET_TOLERANCE)


# --- Capacity and fatigue --------------------------------------------------------------


def service_cut(proposal: Proposal) -> int:
    """The service points a proposal cuts (0 for one that keeps or raises service)."""
    return max(0, -proposal.service)


@overload
def fatigue_after(fatigue: int, cuts: int) -> int: ...
@overload
def fatigue_after(fatigue: Array, cuts: Array) -> Array: ...
def fatigue_after(fatigue: int | Array, cuts: int | Array) -> int | Array:
    """Fatigue at the end of a round in which adopted proposals cut ``cuts`` points of service:
    F ← max(0, F + cuts − FATIGUE_RECOVERY). Works element by element on arrays."""
    if isinstance(fatigue, np.ndarray) or isinstance(cuts, np.ndarray):
        after: Array = np.maximum(np.asarray(fatigue) + cuts - FATIGUE_RECOVERY, 0)
        return after
    return max(0, fatigue + cuts - FATIGUE_RECOVERY)


@overload
def capacity_for(base_capacity: int, fatigue: int) -> int: ...
@overload
def capacity_for(base_capacity: int, fatigue: Array) -> Array: ...
def capacity_for(base_capacity: int, fatigue: int | Array) -> int | Array:
    """A round's capacity: the scenario's capacity less one per FATIGUE_PER_CAPACITY points
    of fatigue, never below MIN_CAPACITY (or the scenario's own capacity, if smaller)."""
    floor = min(base_capacity, MIN_CAPACITY)
    if isinstance(fatigue, np.ndarray):
        lowered: Array = np.maximum(base_capacity - fatigue // FATIGUE_PER_CAPACITY, floor)
        return lowered
    return max(floor, base_capacity - fatigue // FATIGUE_PER_CAPACITY)


# --- The verdict -----------------------------------------------------------------------


def missing_kinds(kinds: Iterable[Kind], required: bool) -> tuple[Kind, ...]:
    """The kinds a plan still lacks when the scenario requires all three (in KINDS order)."""
    if not required:
        return ()
    present = set(kinds)
    return tuple(k for k in KINDS if k not in present)


def below_floor(service: int, floor: int | None) -> bool:
    """True when the scenario has a service floor and ``service`` is under it."""
    return floor is not None and service < floor


def loss_reasons(missed_a_year: bool, lacks_a_kind: bool, under_floor: bool) -> tuple[str, ...]:
    """The reasons a game is lost (empty when it is won), in LOSS_REASONS order."""
    flags = (missed_a_year, lacks_a_kind, under_floor)
    return tuple(reason for reason, flag in zip(LOSS_REASONS, flags) if flag)


def plan_totals(
    plan: Sequence[tuple[Proposal, int]], fixed: Sequence[float], years: int
) -> tuple[float, ...]:
    """The face-value råderum per year of a plan of (proposal, round) plus ``fixed`` amounts."""
    totals = list(fixed)
    for proposal, start in plan:
        for year in range(start, years):
            totals[year] += face(proposal, start, year)
    return tuple(totals)
