"""The rules of Råderumsspillet: starting a game, legal moves, and applying a move.

``apply(state, action)`` is a pure function: it returns the next state or raises
``IllegalAction`` with a machine-readable ``code`` (for the UI's string catalog) and an English
``reason``. The documented rules for facilitators are in docs/rules.md.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from game.engine.actions import MAX_NOTE_LENGTH, Action, Adopt, Annotate, EndYear, SetTarget
from game.engine.model import KINDS, Deck, Kind, Proposal
from game.engine.randomness import factor_from_draws, pack, restore, seed_state
from game.engine.state import Adoption, DrawnEvent, GameState, YearResult

FATIGUE_RECOVERY = 2
"""Fatigue the organisation sheds at the end of every round."""
FATIGUE_PER_CAPACITY = 2
"""Every this many points of fatigue cost one point of capacity."""
MIN_CAPACITY = 2
"""Fatigue never lowers a round's capacity below this."""
MAX_TARGET = 100_000.0

CardT = TypeVar("CardT")
KindT = TypeVar("KindT")


class IllegalAction(Exception):
    """A move the rules do not allow. ``code`` names the rule, ``params`` fill the message."""

    def __init__(self, code: str, reason: str, **params: Any) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.params = params


def _evolve(state: GameState, **changes: Any) -> GameState:
    """``dataclasses.replace`` for the hot path: a shallow copy with some fields changed.

    GameState has no __post_init__ and no derived fields, so copying its __dict__ is exact
    and several times faster than ``replace``.
    """
    new = object.__new__(GameState)
    new.__dict__.update(state.__dict__)
    new.__dict__.update(changes)
    return new


def capacity_for(base_capacity: int, fatigue: int) -> int:
    """A round's capacity: the scenario's capacity lowered by one per FATIGUE_PER_CAPACITY,
    never below MIN_CAPACITY (or the scenario's own capacity, if that is smaller)."""
    floor = min(base_capacity, MIN_CAPACITY)
    return max(floor, base_capacity - fatigue // FATIGUE_PER_CAPACITY)


def fatigue_after(fatigue: int, cuts: int) -> int:
    """Fatigue at the end of a round in which proposals cut ``cuts`` points of service."""
    return max(0, fatigue + cuts - FATIGUE_RECOVERY)


def scaled_targets(profile: tuple[float, ...], amount: float) -> tuple[float, ...]:
    """Targets when the facilitator sets X: X is the target of the last year, and earlier
    years keep the scenario's profile (a flat scenario simply gets X in every year)."""
    last = profile[-1]
    if last <= 0:
        return tuple(float(amount) for _ in profile)
    return tuple(round(float(amount) * t / last, 2) for t in profile)


def new_game(
    deck: Deck, scenario_id: str | None = None, seed: int = 0, target: float | None = None
) -> GameState:
    """Start a game: shuffle the pile, draw the first round's events and fill the market.

    ``target`` (mio. kr.) is the facilitator's X: see ``scaled_targets``.
    """
    scenario = deck.scenario(scenario_id)
    if target is not None:
        _check_target(target)
    generator = restore(seed_state(seed))
    order = generator.permutation(len(scenario.proposals))
    pile = tuple([scenario.proposals[i] for i in order.tolist()])
    targets = scaled_targets(scenario.target, target) if target is not None else scenario.target
    state = GameState(
        deck=deck,
        scenario=scenario,
        seed=seed,
        round=0,
        targets=targets,
        market=(),
        pile=pile,
        event_pile=scenario.events,
        rng=pack(generator),
    )
    return _start_round(state)


def _start_round(state: GameState) -> GameState:
    """Draw the round's events, clear excluded cards and refill the market."""
    generator = restore(state.rng)
    deck = state.deck
    event_of = deck.event
    round_no = state.round + 1
    event_pile = list(state.event_pile)
    drawn: list[DrawnEvent] = []
    service = state.service
    for _ in range(state.scenario.events_per_round):
        eligible = [
            i
            for i, eid in enumerate(event_pile)
            if (rounds := event_of(eid).rounds) is None or round_no in rounds
        ]
        if not eligible:
            break
        weights = [event_of(event_pile[i]).weight for i in eligible]
        eid = event_pile.pop(eligible[weighted_choice(generator.random(), weights)])
        drawn.append(DrawnEvent(eid, state.round))
        service += deck.event(eid).service

    blocked = _blocked_by_adopted(state)
    market = [c for c in state.market if c not in blocked]
    discarded = list(state.discarded) + [c for c in state.market if c in blocked]
    pile = [c for c in state.pile if c not in blocked]
    discarded += [c for c in state.pile if c in blocked]
    fill_market(market, pile, state.scenario.market, KINDS, lambda c: deck.proposal(c).kind)
    shown = set(state.seen)
    seen = state.seen + tuple([c for c in market if c not in shown])
    return _evolve(
        state,
        market=tuple(market),
        pile=tuple(pile),
        event_pile=tuple(event_pile),
        events=state.events + tuple(drawn),
        discarded=tuple(discarded),
        seen=seen,
        service=service,
        capacity=capacity_for(state.scenario.capacity, state.fatigue),
        used_load=0,
        cuts=0,
        rng=pack(generator),
    )


def weighted_choice(uniform: float, weights: Sequence[float]) -> int:
    """The position in ``weights`` that ``uniform`` (a draw in [0, 1)) picks: each position
    with chance weight / total; the last one if rounding leaves the draw unspent."""
    pick = uniform * sum(weights)
    for position, weight in enumerate(weights):
        pick -= weight
        if pick < 0:
            return position
    return len(weights) - 1


def fill_market(
    market: list[CardT],
    pile: list[CardT],
    size: int,
    kinds: Sequence[KindT],
    kind_of: Callable[[CardT], KindT],
) -> None:
    """Refill ``market`` from ``pile`` (both in place) up to ``size`` cards: first the top
    card of each of ``kinds`` the market lacks, in that order, then the top of the pile."""
    present = {kind_of(c) for c in market}
    for kind in kinds:
        if len(market) >= size:
            break
        if kind in present:
            continue
        for i, card in enumerate(pile):
            if kind_of(card) == kind:
                market.append(pile.pop(i))
                break
    while len(market) < size and pile:
        market.append(pile.pop(0))


def _blocked_by_adopted(state: GameState) -> set[str]:
    """Ids that can no longer be adopted because an adopted proposal excludes them."""
    blocked: set[str] = set()
    adopted: set[str] = set()
    exclusive_with = state.deck.exclusive_with
    for adoption in state.adopted:
        blocked.update(exclusive_with(adoption.card))
        adopted.add(adoption.card)
    return blocked - adopted


def excluded_by(state: GameState, card: str) -> str | None:
    """The id of an adopted proposal that rules ``card`` out, or None."""
    partners = state.deck.exclusive_with(card)
    for adoption in state.adopted:
        if adoption.card in partners:
            return adoption.card
    return None


def check(state: GameState, action: Action) -> IllegalAction | None:
    """Why ``action`` is illegal in ``state``, or None when it is legal."""
    if isinstance(action, Adopt):
        return _check_adopt(state, action.card, action.note)
    if isinstance(action, EndYear):
        if state.finished:
            return IllegalAction("game_over", "the game is over")
        return None
    if isinstance(action, Annotate):
        if state.adoption(action.card) is None:
            return IllegalAction(
                "not_adopted", f"{action.card!r} has not been adopted", card=action.card
            )
        return _check_note(action.note)
    if isinstance(action, SetTarget):
        if state.finished:
            return IllegalAction("game_over", "the game is over")
        try:
            _check_target(action.amount)
        except IllegalAction as error:
            return error
        return None
    return IllegalAction("unknown_action", f"unknown action {action!r}")


def _check_target(amount: float) -> None:
    if not math.isfinite(amount) or not 0 <= amount <= MAX_TARGET:
        raise IllegalAction(
            "bad_target", f"the target must be between 0 and {MAX_TARGET:g}", amount=amount
        )


def _check_note(note: str) -> IllegalAction | None:
    if len(note) > MAX_NOTE_LENGTH:
        return IllegalAction(
            "note_too_long",
            f"a note holds at most {MAX_NOTE_LENGTH} characters",
            limit=MAX_NOTE_LENGTH,
        )
    return None


def _check_adopt(state: GameState, card: str, note: str) -> IllegalAction | None:
    if state.finished:
        return IllegalAction("game_over", "the game is over")
    if card not in state.market:
        if state.adoption(card) is not None:
            return IllegalAction("already_adopted", f"{card!r} is already adopted", card=card)
        if not state.deck.has_proposal(card):
            return IllegalAction("unknown_card", f"no proposal has the id {card!r}", card=card)
        return IllegalAction("not_in_market", f"{card!r} is not on the table", card=card)
    proposal = state.deck.proposal(card)
    if proposal.load > state.capacity_left:
        return IllegalAction(
            "over_capacity",
            f"{card!r} needs capacity {proposal.load}, only {state.capacity_left} is left",
            card=card,
            load=proposal.load,
            left=state.capacity_left,
        )
    blocker = excluded_by(state, card)
    if blocker is not None:
        return IllegalAction(
            "excluded",
            f"{card!r} cannot be adopted together with {blocker!r}",
            card=card,
            other=blocker,
        )
    return _check_note(note)


def is_legal(state: GameState, action: Action) -> bool:
    """True when ``apply(state, action)`` would succeed."""
    return check(state, action) is None


def legal_actions(state: GameState) -> list[Action]:
    """The decisions open to the group: every adoptable market card, then ending the year.

    Notes (``Annotate``) and target changes (``SetTarget``) are always open with valid
    arguments and are not listed.
    """
    if state.finished:
        return []
    moves: list[Action] = [Adopt(card) for card in adoptable(state)]
    moves.append(EndYear())
    return moves


def adoptable(state: GameState) -> list[str]:
    """The market cards that can be adopted now, in market order (as in ``legal_actions``)."""
    if state.finished:
        return []
    left = state.capacity - state.used_load
    blocked = _blocked_by_adopted(state) if state.adopted else ()
    proposal = state.deck.proposal
    return [card for card in state.market if proposal(card).load <= left and card not in blocked]


def apply(state: GameState, action: Action) -> GameState:
    """The state after ``action``; raises ``IllegalAction`` (state unchanged) when illegal."""
    problem = check(state, action)
    if problem is not None:
        raise problem
    log = (*state.log, action)
    if isinstance(action, Adopt):
        return _adopt(state, state.deck.proposal(action.card), action.note, log)
    if isinstance(action, EndYear):
        return _end_year(state, log)
    if isinstance(action, Annotate):
        adopted = tuple(
            replace(a, note=action.note) if a.card == action.card else a for a in state.adopted
        )
        return _evolve(state, adopted=adopted, log=log)
    assert isinstance(action, SetTarget)
    scaled = scaled_targets(state.scenario.target, action.amount)
    targets = state.targets[: state.round] + scaled[state.round :]
    return _evolve(state, targets=targets, log=log)


def _adopt(state: GameState, proposal: Proposal, note: str, log: tuple[Action, ...]) -> GameState:
    generator = restore(state.rng)
    uniform = float(generator.random())
    normal = float(generator.standard_normal())
    factor = factor_from_draws(uniform, normal, proposal.uncertainty, proposal.failure)
    adoption = Adoption(card=proposal.id, round=state.round, factor=factor, note=note)
    return _evolve(
        state,
        market=tuple([c for c in state.market if c != proposal.id]),
        adopted=(*state.adopted, adoption),
        used_load=state.used_load + proposal.load,
        cuts=state.cuts + max(0, -proposal.service),
        service=state.service + proposal.service,
        rng=pack(generator),
        log=log,
    )


def _end_year(state: GameState, log: tuple[Action, ...]) -> GameState:
    year_index = state.round
    total = year_total(state, year_index)
    revealed: list[str] = []
    adopted: list[Adoption] = []
    proposal_of = state.deck.proposal
    for adoption in state.adopted:
        if (
            not adoption.revealed
            and proposal_of(adoption.card).amount(year_index - adoption.round) > 0
        ):
            revealed.append(adoption.card)
            adoption = Adoption(adoption.card, adoption.round, adoption.factor, True, adoption.note)
        adopted.append(adoption)
    fatigue = fatigue_after(state.fatigue, state.cuts)
    result = YearResult(
        year=state.scenario.years[year_index],
        raaderum=total,
        target=state.targets[year_index],
        met=total >= state.targets[year_index] - 1e-9,
        capacity=state.capacity,
        fatigue=fatigue,
        service=state.service,
        revealed=tuple(revealed),
    )
    state = _evolve(
        state,
        round=year_index + 1,
        adopted=tuple(adopted),
        fatigue=fatigue,
        results=(*state.results, result),
        log=log,
    )
    if state.finished:
        return _evolve(state, market=(), used_load=0, cuts=0, capacity=0)
    return _start_round(state)


def realised(proposal: Proposal, adoption: Adoption, year_index: int) -> float:
    """What an adoption really frees (+) or costs (−) in a year: gains scaled by its factor."""
    amount = proposal.amount(year_index - adoption.round)
    return amount * adoption.factor if amount > 0 else amount


def planned(proposal: Proposal, adoption: Adoption, year_index: int) -> float:
    """What the group can see: the realised amount once revealed, else the face value."""
    if adoption.revealed:
        return realised(proposal, adoption, year_index)
    return proposal.amount(year_index - adoption.round)


def event_amount(state: GameState, event: DrawnEvent, year_index: int) -> float:
    """What a drawn event adds (+) or takes (−) in a year."""
    return state.deck.event(event.card).amount(year_index - event.round)


def year_total(state: GameState, year_index: int, *, visible: bool = False) -> float:
    """The råderum of a year: adopted proposals plus drawn events.

    With ``visible`` the hidden factors of unrevealed proposals are taken as 1 (what the
    group planned on); otherwise the true realised amounts are summed.
    """
    deck = state.deck
    amount_of = planned if visible else realised
    total = 0.0
    for adoption in state.adopted:
        total += amount_of(deck.proposal(adoption.card), adoption, year_index)
    for event in state.events:
        total += event_amount(state, event, year_index)
    return total


def raaderum(state: GameState, *, visible: bool = False) -> tuple[float, ...]:
    """The råderum of every year of the scenario (see ``year_total``), in one pass."""
    years = state.scenario.rounds
    totals = [0.0] * years
    deck = state.deck
    proposal = deck.proposal
    for adoption in state.adopted:
        factor = adoption.factor if adoption.revealed or not visible else 1.0
        for year, amount in zip(range(adoption.round, years), proposal(adoption.card).profile):
            totals[year] += amount * factor if amount > 0 else amount
    event_of = deck.event
    for event in state.events:
        for year, amount in zip(range(event.round, years), event_of(event.card).profile):
            totals[year] += amount
    return tuple(totals)


def kinds_adopted(state: GameState) -> set[Kind]:
    """The kinds of proposal the group has adopted so far."""
    return {state.deck.proposal(a.card).kind for a in state.adopted}
