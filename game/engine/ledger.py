"""The ledger of Råderumsspillet: every rule that turns decisions into amounts, capacity and a
verdict, written once. The rules engine, the batch simulator, the forecast, the what-if and the
optimiser all take their formulas from here (docs/rules.md explains them for facilitators).

Amounts are in the deck's unit (normally mio. kr.) per budget year; years and rounds are
0-based indices into the scenario's years. A card adopted (or an event drawn) in round
``start`` contributes its effect from year ``start`` on; the last value of its effect holds.
A calendar card's effect belongs to fixed budget years instead (``anchor``).

The functions that the batch simulator also applies to numpy arrays (``realise``, ``meets``,
``fits``, ``recovered`` …) accept a number or an array and give the same result element by
element; tests/engine/test_batch.py checks the batch against the engine bit for bit.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any, Protocol, overload

import numpy as np

from game.engine.model import KINDS, Deck, Event, Kind, Proposal, Scenario


class Adoption(Protocol):
    """What the ledger reads of an adopted card (``state.Adoption``)."""

    @property
    def card(self) -> str: ...
    @property
    def round(self) -> int: ...
    @property
    def factor(self) -> float: ...
    @property
    def revealed(self) -> bool: ...


class DrawnEvent(Protocol):
    """What the ledger reads of a drawn event (``state.DrawnEvent``)."""

    @property
    def card(self) -> str: ...
    @property
    def round(self) -> int: ...


class GameState(Protocol):
    """What the ledger reads of a game state (``state.GameState``); a protocol, so the ledger
    depends on the model only and the state may use the ledger's capacity rules."""

    @property
    def deck(self) -> Deck: ...
    @property
    def scenario(self) -> Scenario: ...
    @property
    def adopted(self) -> tuple[Adoption, ...]: ...
    @property
    def events(self) -> tuple[DrawnEvent, ...]: ...


Array = np.ndarray
"""Amounts or counts of many games at once (the batch simulator); element by element."""


class HasProfile(Protocol):
    """A card with face amounts per year from its start on (proposals, events, plan cards)."""

    @property
    def profile(self) -> tuple[float, ...]: ...


AGENDA_FATIGUE = 1
"""Træthed every adopted proposal adds: each change on the agenda costs the organisation."""
PERCEIVED_FATIGUE = 1
"""Extra træthed of an efficiency on a welfare area, which is seen as a saving."""
FATIGUE_RECOVERY = 4
"""Træthed the organisation sheds at the end of every year."""
MET_TOLERANCE = 1e-9
"""A year is met when its råderum is at least the target less this (float noise, not money)."""

LOSS_TARGET = "target"
LOSS_KINDS = "kinds"
LOSS_SERVICE = "service"
LOSS_REASONS: tuple[str, ...] = (LOSS_TARGET, LOSS_KINDS, LOSS_SERVICE)
"""Why a game is lost, in the order the verdict lists them."""


# --- Amounts ---------------------------------------------------------------------------


def anchor(proposal: Proposal, scenario: Scenario) -> int | None:
    """Where a calendar card's schedule starts: the index, among the scenario's years, of the
    year its first value belongs to (below 0 when it started earlier); None for a card whose
    effect runs from the year of adoption. Calendar cards need years written as numbers (the
    loader checks it)."""
    if proposal.calendar_year is None:
        return None
    return int(proposal.calendar_year) - int(scenario.years[0])


def face(card: HasProfile, start: int, year: int, anchor: int | None = None) -> float:
    """The amount a card shows for ``year`` when adopted (or drawn) in round ``start``: its
    effect ``year - start`` years on (for a calendar card ``year - anchor``); the last value
    holds; 0 before ``start`` (and before a calendar card's first year)."""
    if year < start:
        return 0.0
    offset = year - (start if anchor is None else anchor)
    if offset < 0:
        return 0.0
    profile = card.profile
    return profile[min(offset, len(profile) - 1)]


def face_row(
    card: HasProfile, start: int, years: int, anchor: int | None = None
) -> tuple[float, ...]:
    """``face`` for every year 0 … ``years`` − 1."""
    return tuple(face(card, start, year, anchor) for year in range(years))


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


def seen_factor(adoption: Adoption, visible_only: bool) -> float:
    """The factor the group reckons with: the real one once revealed (or when the true amounts
    are asked for), else 1 – an unrevealed card counts at face value."""
    return adoption.factor if adoption.revealed or not visible_only else 1.0


def realised(proposal: Proposal, adoption: Adoption, year: int, anchor: int | None = None) -> float:
    """What an adoption really frees (+) or costs (−) in ``year``."""
    return realise(face(proposal, adoption.round, year, anchor), adoption.factor)


def visible(proposal: Proposal, adoption: Adoption, year: int, anchor: int | None = None) -> float:
    """What the group sees for ``year``: the realised amount once revealed, else the face."""
    return realise(face(proposal, adoption.round, year, anchor), seen_factor(adoption, True))


def realised_row(
    card: HasProfile, start: int, years: int, anchor: int | None, factor: float
) -> tuple[float, ...]:
    """``realise`` of the face amount of every year 0 … ``years`` − 1."""
    return _realised_row(card.profile, start, years, anchor, factor)


@functools.lru_cache(maxsize=512)
def _realised_row(
    profile: tuple[float, ...], start: int, years: int, anchor: int | None, factor: float
) -> tuple[float, ...]:
    # Kept: the engine sums these in every greedy decision. Bounded, so a long run of games
    # (each with its own factors) does not grow memory: 512 rows hold a few games, which is
    # where the repeats are. Keyed by the profile, not the card.
    card = _Profile(profile)
    return tuple(realise(amount, factor) for amount in face_row(card, start, years, anchor))


class _Profile:
    """A bare profile, so the cached row is keyed by amounts, not by a whole card."""

    __slots__ = ("profile",)

    def __init__(self, profile: tuple[float, ...]) -> None:
        self.profile = profile


def expected_row(
    proposal: Proposal, start: int, years: int, anchor: int | None = None
) -> tuple[float, ...]:
    """``expected`` for every year 0 … ``years`` − 1."""
    return realised_row(proposal, start, years, anchor, expected_factor(proposal))


def expected(proposal: Proposal, start: int, year: int, anchor: int | None = None) -> float:
    """The expected amount in ``year``: gains weighted by the chance that the card works."""
    return realise(face(proposal, start, year, anchor), expected_factor(proposal))


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


# --- Years -----------------------------------------------------------------------------


def year_totals(state: GameState, *, visible_only: bool = False) -> tuple[float, ...]:
    """The råderum of every year of the scenario: the drawn events (in order of drawing), then
    the adopted proposals (in order of adoption) – added in that order, so every consumer that
    sums the same way gets the same bits.

    With ``visible_only`` the hidden factors of unrevealed proposals are taken as 1 (what the
    group planned on); otherwise the true realised amounts are summed.
    """
    scenario = state.scenario
    years = scenario.rounds
    event_of = state.deck.event
    totals = list(event_totals([(event_of(e.card), e.round) for e in state.events], years))
    proposal_of = state.deck.proposal
    for adoption in state.adopted:
        proposal = proposal_of(adoption.card)
        factor = seen_factor(adoption, visible_only)
        row = realised_row(proposal, adoption.round, years, anchor(proposal, scenario), factor)
        for year in range(adoption.round, years):
            totals[year] += row[year]
    return tuple(totals)


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
#
# Træthed (fatigue) is KL's first barrier: the organisation tires of the whole råderum agenda.
# Every adopted proposal adds træthed (``fatigue_of``), events may add or relieve some, and
# træthed takes capacity at once, point for point, in the same round (so the last round counts
# too). At the end of every year the organisation
# sheds FATIGUE_RECOVERY points, and one more for every point of service the year's adoptions
# raised: something that gladdens eases the fatigue (KL: "noget af det, der glæder, og det,
# der gnaver").


def service_cut(proposal: Proposal) -> int:
    """The service points a proposal cuts (0 for one that keeps or raises service)."""
    return max(0, -proposal.service)


def service_lift(proposal: Proposal) -> int:
    """The service points a proposal raises (0 for one that keeps or cuts service)."""
    return max(0, proposal.service)


def perceived_as_saving(proposal: Proposal) -> bool:
    """KL's second barrier: an efficiency on a welfare area is seen as a saving."""
    return proposal.kind is Kind.EFFICIENCY and proposal.welfare


def fatigue_of(proposal: Proposal) -> int:
    """The træthed a proposal adds when adopted: AGENDA_FATIGUE for putting a change on the
    agenda, one per point of service it cuts, and PERCEIVED_FATIGUE more for an efficiency on
    a welfare area. A card's own ``fatigue`` overrides the rule."""
    if proposal.fatigue is not None:
        return proposal.fatigue
    perceived = PERCEIVED_FATIGUE if perceived_as_saving(proposal) else 0
    return AGENDA_FATIGUE + service_cut(proposal) + perceived


@overload
def lost_capacity(fatigue: int) -> int: ...
@overload
def lost_capacity(fatigue: Array) -> Array: ...
def lost_capacity(fatigue: int | Array) -> int | Array:
    """The capacity træthed takes: point for point (a tired organisation has room for less)."""
    return fatigue


def capacity_taken(proposal: Proposal) -> int:
    """The capacity adopting ``proposal`` takes in a round that starts rested: its belastning
    and the capacity its own træthed takes."""
    return proposal.load + lost_capacity(fatigue_of(proposal))


@overload
def capacity_left(capacity: int, used: int, fatigue: int) -> int: ...
@overload
def capacity_left(capacity: int, used: Array, fatigue: Array) -> Array: ...
def capacity_left(capacity: int, used: int | Array, fatigue: int | Array) -> int | Array:
    """Capacity still free this round (negative when træthed takes more than is left)."""
    left: int | Array = _left(capacity, used, fatigue)
    return left


def _left(capacity: int, used: Any, fatigue: Any) -> Any:
    # the formula behind capacity_left and fits, for numbers and arrays alike
    return capacity - used - lost_capacity(fatigue)


@overload
def fits(capacity: int, used: int, fatigue: int, load: int, added: int) -> bool: ...
@overload
def fits(capacity: int, used: Array, fatigue: Array, load: Array, added: Array) -> Array: ...
def fits(
    capacity: int,
    used: int | Array,
    fatigue: int | Array,
    load: int | Array,
    added: int | Array,
) -> bool | Array:
    """True where a card of ``load`` that adds ``added`` træthed can be adopted: its load and
    the capacity its own træthed takes must fit in what is left."""
    after = _left(capacity, used + load, fatigue + added)
    if isinstance(after, np.ndarray):
        ok: Array = after >= 0
        return ok
    return bool(after >= 0)


@overload
def fatigue_after_events(fatigue: int, added: int) -> int: ...
@overload
def fatigue_after_events(fatigue: Array, added: Array) -> Array: ...
def fatigue_after_events(fatigue: int | Array, added: int | Array) -> int | Array:
    """Træthed once a round's events have added (or relieved) theirs: never below 0."""
    if isinstance(fatigue, np.ndarray) or isinstance(added, np.ndarray):
        after: Array = np.maximum(np.asarray(fatigue) + added, 0)
        return after
    return max(0, fatigue + added)


@overload
def recovered(fatigue: int, lift: int) -> int: ...
@overload
def recovered(fatigue: Array, lift: Array) -> Array: ...
def recovered(fatigue: int | Array, lift: int | Array) -> int | Array:
    """Træthed after the year end: FATIGUE_RECOVERY less, and one less per point of service
    the year's adoptions raised (``lift``); never below 0."""
    if isinstance(fatigue, np.ndarray) or isinstance(lift, np.ndarray):
        after: Array = np.maximum(np.asarray(fatigue) - FATIGUE_RECOVERY - lift, 0)
        return after
    return max(0, fatigue - FATIGUE_RECOVERY - lift)


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
