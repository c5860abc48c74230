"""The rules of Råderumsspillet: starting a game, legal moves, and applying a move.

``apply(state, action)`` is a pure function: it returns the next state or raises
``IllegalAction`` with a machine-readable ``code`` (a ``Refusal``, for the message catalogue)
and an English ``reason``. The amounts, capacity, fatigue and verdict rules live in ``ledger``;
this module sequences them. The documented rules for facilitators are in docs/rules.md.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any, TypeVar

from game.engine import ledger
from game.engine.actions import MAX_NOTE_LENGTH, Action, Adopt, Annotate, EndYear, SetTarget
from game.engine.model import KINDS, Deck, Kind, Proposal, Scenario
from game.engine.randomness import Draws, die_face, draw_game
from game.engine.state import MAX_SEED as MAX_SEED  # state_from_dict checks it too
from game.engine.state import Adoption, DrawnEvent, GameState, YearResult

MAX_TARGET = 100_000.0
"""The largest target a facilitator can set, in mio. kr.; a deck in another unit scales it
(``target_limit``: 100.000.000 in a deck in t. kr.)."""

CardT = TypeVar("CardT")
KindT = TypeVar("KindT")


class Refusal(str, Enum):
    """Why a move is refused: the code the message catalogue looks up (same as its value)."""

    GAME_OVER = "game_over"
    NOT_ADOPTED = "not_adopted"
    NOTE_TOO_LONG = "note_too_long"
    BAD_NOTE = "bad_note"
    BAD_TARGET = "bad_target"
    UNKNOWN_ACTION = "unknown_action"
    ALREADY_ADOPTED = "already_adopted"
    UNKNOWN_CARD = "unknown_card"
    NOT_IN_MARKET = "not_in_market"
    OVER_CAPACITY = "over_capacity"
    EXCLUDED = "excluded"
    NOTHING_TO_UNDO = "nothing_to_undo"
    NOTHING_TO_REDO = "nothing_to_redo"
    REQUIRES = "requires"
    OVER_CONSTRUCTION = "over_construction"
    BAD_CHANCE = "bad_chance"

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


class IllegalAction(Exception):
    """A move the rules do not allow. ``code`` names the rule, ``params`` fill the message."""

    def __init__(self, code: Refusal, reason: str, **params: Any) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.params = params

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled whole (a tournament's worker process sends it to the parent): by its args
        # alone it came back as IllegalAction(reason) and failed, and a Pool's result thread
        # died with it
        return (_illegal_action, (self.code, self.reason, self.params))


def _illegal_action(code: Refusal, reason: str, params: dict[str, Any]) -> IllegalAction:
    """``IllegalAction`` rebuilt from a pickle."""
    return IllegalAction(code, reason, **params)


def _evolve(state: GameState, **changes: Any) -> GameState:
    """``dataclasses.replace`` for the hot path: a shallow copy with some fields changed.

    GameState's one derived field, ``deck_key``, follows ``deck``, which no rule changes, so
    copying its __dict__ is exact and several times faster than ``replace``.
    """
    new = object.__new__(GameState)
    new.__dict__.update(state.__dict__)
    new.__dict__.update(changes)
    return new


def target_weights(profile: tuple[float, ...]) -> tuple[float, ...]:
    """Each year's target per unit of the facilitator's X: the scenario's ``profile`` divided
    by its last year's target (1 in every year when that is not positive). ``(3, 9, 25)`` →
    ``(0.12, 0.36, 1.0)``."""
    last = profile[-1]
    if last <= 0:
        return tuple(1.0 for _ in profile)
    return tuple(t / last for t in profile)


def scaled_targets(profile: tuple[float, ...], amount: float) -> tuple[float, ...]:
    """Targets when the facilitator sets X: X is the target of the last year, and earlier
    years keep the scenario's profile (``target_weights``), to two decimals; a scenario
    whose last target is not positive simply gets X in every year."""
    if profile[-1] <= 0:
        return tuple(float(amount) for _ in profile)
    return tuple(round(float(amount) * w, 2) for w in target_weights(profile))


def game_draws(deck: Deck, scenario: Scenario, seed: int) -> Draws:
    """All the chance of a game on ``scenario`` seeded with ``seed`` (see ``randomness``)."""
    odds = [(p.uncertainty, p.failure) for p in map(deck.proposal, scenario.proposals)]
    return draw_game(seed, scenario.proposals, odds, scenario.event_slots)


@dataclass(frozen=True)
class Chance:
    """Chance entered by hand instead of drawn from the seed: a table that played on paper
    rolled its own dice and drew its own event cards.

    ``events``: per round (0-based), the ids of the events the table drew at its start
    (``None``: draw them from the seed as usual). ``factors``: (card id, factor) for cards
    whose outcome the table rolled; the other cards keep the seed's factors. ``open_table``:
    every proposal of the scenario lies on the table (a paper table has the whole catalogue
    in front of it), so the market holds the whole pile.
    """

    events: tuple[tuple[str, ...], ...] | None = None
    factors: tuple[tuple[str, float], ...] = ()
    open_table: bool = False
    die: bool = False
    """The factors not entered are the faces of each card's printed die that the seed's draws
    fall on (``randomness.die_face``), as the table would have rolled them; False: the seed's
    own factors (paper tables entered before this rule)."""


def new_game(
    deck: Deck,
    scenario_id: str | None = None,
    seed: int = 0,
    target: float | None = None,
    *,
    chance: Chance | None = None,
) -> GameState:
    """Start a game: shuffle the pile, draw the first round's events and fill the market.

    ``scenario_id`` None plays the deck's first scenario; an unknown id is a KeyError that
    lists the deck's scenarios. ``target`` (in the deck's unit) is the facilitator's X: see
    ``scaled_targets``.
    ``chance`` replaces drawn events and factors with those a paper table entered.
    ``seed`` is a whole number ≥ 0: the same deck, scenario, seed and actions give the same
    game; a numpy integer is taken as the plain int it holds. Raises ``KeyError`` for an
    unknown scenario, ``ValueError`` for a seed that is not a whole number from 0 to
    ``MAX_SEED`` (None would give a different game every time, and a save could not replay
    it; a larger one could not be saved) and ``IllegalAction``
    for a bad target (over ``target_limit``, in the deck's unit) or entered chance that the
    scenario does not allow (code ``bad_chance``).
    """
    if (
        isinstance(seed, bool)
        or not isinstance(seed, numbers.Integral)
        or not 0 <= seed <= MAX_SEED
    ):
        raise ValueError(f"the seed must be a whole number from 0 to {MAX_SEED}, not {shown(seed)}")
    seed = int(seed)  # np.int64(3) is game 3, and its state must write as JSON
    scenario = deck.scenario(scenario_id)
    if target is not None:
        _check_target(target, deck)
        target = float(target)
    draws = game_draws(deck, scenario, seed)
    targets = scaled_targets(scenario.target, target) if target is not None else scenario.target
    factors = draws.factors
    fixed_events = None
    if chance is not None and not isinstance(chance, Chance):
        raise IllegalAction(Refusal.BAD_CHANCE, f"chance must be a Chance, not {shown(chance)}")
    open_table = chance is not None and chance.open_table
    if chance is not None:
        if chance.die:
            factors = _on_the_die(deck, scenario, factors)
        factors = _entered_factors(scenario, factors, chance.factors)
        fixed_events = _entered_events(deck, scenario, chance.events)
    state = GameState(
        deck=deck,
        scenario=scenario,
        seed=seed,
        round=0,
        targets=targets,
        market=(),
        pile=draws.pile,
        event_pile=scenario.events,
        factors=factors,
        event_draws=draws.event_uniforms,
        fixed_events=fixed_events,
        open_table=open_table,
    )
    return _start_round(state)


def _on_the_die(deck: Deck, scenario: Scenario, factors: tuple[float, ...]) -> tuple[float, ...]:
    """Every card's factor moved to the face of its printed die the draw falls on."""
    return tuple(
        die_face(factor, card.uncertainty, card.failure)
        for factor, card in zip(factors, (deck.proposal(pid) for pid in scenario.proposals))
    )


def _entered_factors(
    scenario: Scenario, factors: tuple[float, ...], entered: Sequence[tuple[str, float]]
) -> tuple[float, ...]:
    result = list(factors)
    if not isinstance(entered, tuple | list):
        raise IllegalAction(
            Refusal.BAD_CHANCE, f"the factors are a list of (card, factor), not {shown(entered)}"
        )
    for pair in entered:
        if not (isinstance(pair, tuple | list) and len(pair) == 2):
            raise IllegalAction(
                Refusal.BAD_CHANCE, f"a factor is entered as (card, factor), not {shown(pair)}"
            )
        card, factor = pair
        if not isinstance(card, str) or card not in scenario.proposals:
            raise IllegalAction(
                Refusal.BAD_CHANCE, f"{card!r} is not in the scenario", card=card, what="factor"
            )
        if not (_is_number(factor) and math.isfinite(factor) and 0 <= factor <= 10):
            raise IllegalAction(
                Refusal.BAD_CHANCE, f"the factor of {card!r} must be 0–10", card=card
            )
        result[scenario.position(card)] = float(factor)
    return tuple(result)


def _entered_events(
    deck: Deck, scenario: Scenario, events: tuple[tuple[str, ...], ...] | None
) -> tuple[tuple[str, ...], ...] | None:
    if events is None:
        return None
    if not isinstance(events, tuple | list) or not all(
        isinstance(drawn, tuple | list) and all(isinstance(e, str) for e in drawn)
        for drawn in events
    ):
        raise IllegalAction(
            Refusal.BAD_CHANCE,
            f"the events are a list of each round's event ids, not {shown(events)}",
        )
    if len(events) > scenario.rounds:
        raise IllegalAction(Refusal.BAD_CHANCE, "more rounds of events than years")
    seen: set[str] = set()
    for round_index, drawn in enumerate(events):
        for eid in drawn:
            if eid not in scenario.events:
                raise IllegalAction(
                    Refusal.BAD_CHANCE, f"{eid!r} is not an event of the scenario", card=eid
                )
            if eid in seen:
                raise IllegalAction(Refusal.BAD_CHANCE, f"{eid!r} is drawn twice", card=eid)
            rounds = deck.event(eid).rounds
            if rounds is not None and round_index + 1 not in rounds:
                raise IllegalAction(
                    Refusal.BAD_CHANCE,
                    f"{eid!r} cannot come in round {round_index + 1}",
                    card=eid,
                    round=round_index + 1,
                )
            seen.add(eid)
    padded = events + ((),) * (scenario.rounds - len(events))
    return tuple(tuple(drawn) for drawn in padded)


def draw_events(
    event_pile: list[CardT],
    uniforms: Sequence[float],
    round_no: int,
    rounds_of: Callable[[CardT], tuple[int, ...] | None],
    weight_of: Callable[[CardT], float],
) -> list[CardT]:
    """The events of round ``round_no`` (1-based), one per uniform, taken from ``event_pile``
    (in place): each pick is a weighted choice among the events that may come in that round.
    Fewer are drawn when no event may come."""
    drawn: list[CardT] = []
    for uniform in uniforms:
        eligible = [
            i
            for i, card in enumerate(event_pile)
            if (rounds := rounds_of(card)) is None or round_no in rounds
        ]
        if not eligible:
            break
        weights = [weight_of(event_pile[i]) for i in eligible]
        drawn.append(event_pile.pop(eligible[weighted_choice(uniform, weights)]))
    return drawn


def round_uniforms(scenario: Scenario, draws: Sequence[float], round_index: int) -> Sequence[float]:
    """The event uniforms of round ``round_index`` (0-based)."""
    per_round = scenario.events_per_round
    return draws[round_index * per_round : (round_index + 1) * per_round]


def _start_round(state: GameState) -> GameState:
    """Draw the round's events, clear excluded cards and refill the market."""
    deck = state.deck
    event_of = deck.event
    event_pile = list(state.event_pile)
    if state.fixed_events is not None:  # a paper table's own draws
        drawn = list(state.fixed_events[state.round])
        event_pile = [eid for eid in event_pile if eid not in drawn]
    else:
        drawn = draw_events(
            event_pile,
            round_uniforms(state.scenario, state.event_draws, state.round),
            state.round + 1,
            lambda eid: event_of(eid).rounds,
            lambda eid: event_of(eid).weight,
        )
    service = state.service + sum(event_of(eid).service for eid in drawn)
    added = sum(event_of(eid).fatigue for eid in drawn)
    blocked = _blocked_by_adopted(state)
    market = [c for c in state.market if c not in blocked]
    discarded = list(state.discarded) + [c for c in state.market if c in blocked]
    pile = [c for c in state.pile if c not in blocked]
    discarded += [c for c in state.pile if c in blocked]
    size = len(market) + len(pile) if state.open_table else state.scenario.market
    fill_market(market, pile, size, KINDS, lambda c: deck.proposal(c).kind)
    shown = set(state.seen)
    new = tuple([c for c in market if c not in shown])
    return _evolve(
        state,
        market=tuple(market),
        pile=tuple(pile),
        event_pile=tuple(event_pile),
        events=state.events + tuple(DrawnEvent(eid, state.round) for eid in drawn),
        discarded=tuple(discarded),
        seen=state.seen + new,
        seen_rounds=state.seen_rounds + (state.round,) * len(new),
        service=service,
        fatigue=ledger.fatigue_after_events(state.fatigue, added) if drawn else state.fatigue,
        capacity=state.scenario.capacity,
        used_load=0,
        lift=0,
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
            return IllegalAction(Refusal.GAME_OVER, "the game is over")
        return None
    if isinstance(action, Annotate):
        if not isinstance(action.card, str) or state.adoption(action.card) is None:
            return IllegalAction(
                Refusal.NOT_ADOPTED,
                f"{shown(action.card)} has not been adopted",
                card=action.card if isinstance(action.card, str) else shown(action.card),
            )
        return _check_note(action.note)
    if isinstance(action, SetTarget):
        if state.finished:
            return IllegalAction(Refusal.GAME_OVER, "the game is over")
        try:
            _check_target(action.amount, state.deck)
        except IllegalAction as error:
            return error
        return None
    return IllegalAction(Refusal.UNKNOWN_ACTION, f"unknown action {action!r}")


def target_limit(deck: Deck) -> float:
    """The largest target a facilitator can set for ``deck``, in the deck's unit:
    ``MAX_TARGET`` mio. kr. scaled by ``Deck.unit_scale``."""
    return deck.in_unit(MAX_TARGET)


FAR_FACTOR = 10
"""An X more than this many times above or below the scenario's own is probably a typo."""


def target_far(scenario: Scenario, target: float | None) -> bool:
    """Whether the facilitator's X (deck's unit) is more than ``FAR_FACTOR`` times above or
    below ``scenario``'s own last target, or 0 against a positive one: 250 typed for 25, or
    25 for a deck in t. kr. meant as 25 mio. kr. Legal (the engine plays it); the window and
    the commands ask whether it was meant. None (the scenario's own): False."""
    own = scenario.target[-1]
    if target is None or own <= 0:
        return False
    return not own / FAR_FACTOR <= target <= own * FAR_FACTOR


def _is_number(value: object) -> bool:
    """A real number that is not a bool and fits in a float (10**400 does not)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return False
    try:
        float(value)
    except OverflowError:
        return False
    return True


def _check_target(amount: float, deck: Deck) -> None:
    limit = target_limit(deck)
    if not _is_number(amount) or not math.isfinite(amount) or not 0 <= amount <= limit:
        # "10" (a text) was told "must be between 0 and 100000", as if 10 were out of range
        wrong = "" if _is_number(amount) else f", not {shown(amount)}"
        raise IllegalAction(
            Refusal.BAD_TARGET,
            f"the target must be {'' if not wrong else 'a number '}between 0 and "
            f"{limit:.15g} {deck.unit}{wrong}",  # 100000000, not 1e+08
            amount=amount,
            limit=limit,
            max_target=limit,  # the message's {max_target}, in the deck's unit
        )


def shown(value: object) -> str:
    """``value`` as a refusal names it: its repr, cut to 60 characters (a whole object passed
    where an id belongs would fill the message; a seed of 10**5000 has no repr at all)."""
    try:
        text = repr(value)
    except ValueError:  # an int beyond Python's limit on digits
        return f"<{type(value).__name__} of more than 4300 digits>"
    return text if len(text) <= 60 else text[:59] + "…"


def _check_note(note: object) -> IllegalAction | None:
    if not isinstance(note, str):
        return IllegalAction(Refusal.BAD_NOTE, f"a note must be text, not {shown(note)}")
    if len(note) > MAX_NOTE_LENGTH:
        return IllegalAction(
            Refusal.NOTE_TOO_LONG,
            f"a note holds at most {MAX_NOTE_LENGTH} characters",
            limit=MAX_NOTE_LENGTH,
        )
    return None


def _check_adopt(state: GameState, card: str, note: str) -> IllegalAction | None:
    if state.finished:
        return IllegalAction(Refusal.GAME_OVER, "the game is over")
    if not isinstance(card, str):
        return IllegalAction(
            Refusal.UNKNOWN_CARD, f"no proposal has the id {shown(card)}", card=shown(card)
        )
    if card not in state.market:
        if state.adoption(card) is not None:
            return IllegalAction(Refusal.ALREADY_ADOPTED, f"{card!r} is already adopted", card=card)
        if not state.deck.has_proposal(card):
            return IllegalAction(
                Refusal.UNKNOWN_CARD, f"no proposal has the id {shown(card)}", card=card
            )
        blocker = excluded_by(state, card)
        if blocker is not None:  # it left the table when the card that excludes it came in
            return IllegalAction(
                Refusal.EXCLUDED,
                f"{card!r} cannot be adopted together with {blocker!r}",
                card=card,
                other=blocker,
            )
        if card not in state.scenario.proposals:  # the deck's, but never dealt in this game
            return IllegalAction(
                Refusal.NOT_IN_MARKET,
                f"{card!r} is not on the table: it is not in scenario {state.scenario.id!r}",
                card=card,
            )
        return IllegalAction(Refusal.NOT_IN_MARKET, f"{card!r} is not on the table", card=card)
    proposal = state.deck.proposal(card)
    blocker = excluded_by(state, card)
    if blocker is not None:
        return IllegalAction(
            Refusal.EXCLUDED,
            f"{card!r} cannot be adopted together with {blocker!r}",
            card=card,
            other=blocker,
        )
    missing = missing_requirements(state, proposal)
    if missing:
        return IllegalAction(
            Refusal.REQUIRES,
            f"{card!r} needs {missing[0]!r} adopted first",
            card=card,
            other=missing[0],
        )
    added = ledger.fatigue_of(proposal)
    if not ledger.fits(state.capacity, state.used_load, state.fatigue, proposal.load, added):
        left = state.capacity_left
        needs = proposal.load + ledger.lost_capacity(state.fatigue + added) - state.lost_capacity
        return IllegalAction(
            Refusal.OVER_CAPACITY,
            f"{card!r} needs capacity {needs} (belastning {proposal.load} and its træthed), "
            f"only {max(0, left)} is left",
            card=card,
            load=needs,
            left=max(0, left),
        )
    if not construction_fits(state, proposal):
        budget = state.scenario.construction_budget or 0.0
        return IllegalAction(
            Refusal.OVER_CONSTRUCTION,
            f"{card!r} needs anlæg {proposal.construction:g}, only "
            f"{budget - state.construction_used:g} of the anlægsramme is left",
            card=card,
            construction=proposal.construction,
            left=budget - state.construction_used,
        )
    return _check_note(note)


def missing_requirements(state: GameState, proposal: Proposal) -> tuple[str, ...]:
    """The proposals ``proposal`` requires that the group has not adopted yet."""
    if not proposal.requires:
        return ()
    adopted = set(state.adopted_ids())
    return tuple(pid for pid in proposal.requires if pid not in adopted)


def construction_fits(state: GameState, proposal: Proposal) -> bool:
    """True when the anlægsramme (if the scenario has one) still holds the card's anlæg."""
    budget = state.scenario.construction_budget
    if budget is None or proposal.construction <= 0:
        return True
    return state.construction_used + proposal.construction <= budget + ledger.MET_TOLERANCE


def is_legal(state: GameState, action: Action) -> bool:
    """True when ``apply(state, action)`` would succeed."""
    return check(state, action) is None


def legal_actions(state: GameState) -> list[Action]:
    """The decisions open to the group: every adoptable market card, then ending the year.

    Each ``Adopt`` is listed without a note; ``apply`` takes the same adoption with a note
    (``Adopt(card, note)``, at most ``MAX_NOTE_LENGTH`` characters) too. Notes (``Annotate``,
    also after the end) and target changes (``SetTarget``, until the game ends) are open with
    valid arguments and are not listed.
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
    blocked = _blocked_by_adopted(state) if state.adopted else ()
    proposal_of = state.deck.proposal
    capacity, used, fatigue = state.capacity, state.used_load, state.fatigue
    found = []
    for card in state.market:
        proposal = proposal_of(card)
        if (
            ledger.fits(capacity, used, fatigue, proposal.load, ledger.fatigue_of(proposal))
            and card not in blocked
            and not missing_requirements(state, proposal)
            and construction_fits(state, proposal)
        ):
            found.append(card)
    return found


def apply(state: GameState, action: Action) -> GameState:
    """The state after ``action``; raises ``IllegalAction`` (state unchanged) when illegal."""
    problem = check(state, action)
    if problem is not None:
        raise problem
    if isinstance(action, Adopt):
        return _adopt(state, state.deck.proposal(action.card), action.note)
    if isinstance(action, EndYear):
        return _end_year(state)
    if isinstance(action, Annotate):
        adopted = tuple(
            replace(a, note=action.note) if a.card == action.card else a for a in state.adopted
        )
        return _evolve(state, adopted=adopted)
    assert isinstance(action, SetTarget)
    scaled = scaled_targets(state.scenario.target, action.amount)
    targets = state.targets[: state.round] + scaled[state.round :]
    return _evolve(state, targets=targets)


def _adopt(state: GameState, proposal: Proposal, note: str) -> GameState:
    adoption = Adoption(
        card=proposal.id, round=state.round, factor=state.factor_of(proposal.id), note=note
    )
    return _evolve(
        state,
        market=tuple([c for c in state.market if c != proposal.id]),
        adopted=(*state.adopted, adoption),
        used_load=state.used_load + proposal.load,
        fatigue=state.fatigue + ledger.fatigue_of(proposal),
        lift=state.lift + ledger.service_lift(proposal),
        construction_used=state.construction_used + proposal.construction,
        service=state.service + proposal.service,
    )


def _end_year(state: GameState) -> GameState:
    year_index = state.round
    scenario = state.scenario
    total = ledger.year_totals(state)[year_index]
    revealed: list[str] = []
    adopted: list[Adoption] = []
    proposal_of = state.deck.proposal
    for adoption in state.adopted:
        proposal = proposal_of(adoption.card)
        amount = ledger.face(
            proposal, adoption.round, year_index, ledger.anchor(proposal, scenario)
        )
        if ledger.reveals(amount, adoption.revealed):
            revealed.append(adoption.card)
            adoption = replace(adoption, revealed=True)
        adopted.append(adoption)
    fatigue = ledger.recovered(state.fatigue, state.lift)
    target = state.targets[year_index]
    result = YearResult(
        year=scenario.years[year_index],
        raaderum=total,
        target=target,
        met=ledger.meets(total, target),
        capacity=state.capacity - state.lost_capacity,
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
    )
    if state.finished:
        return _evolve(state, market=(), used_load=0, lift=0, capacity=0)
    return _start_round(state)


def year_total(state: GameState, year_index: int, *, visible: bool = False) -> float:
    """The råderum of the year ``year_index`` (0 … rounds − 1) in the deck's unit (see
    ``ledger.year_totals``); raises ``IndexError`` for another index (−1 gave the last year
    without a word)."""
    rounds = state.scenario.rounds
    if isinstance(year_index, bool) or not isinstance(year_index, numbers.Integral):
        raise IndexError(
            f"the year's index is a whole number 0–{rounds - 1}, not {shown(year_index)}"
        )
    if not 0 <= year_index < rounds:
        raise IndexError(f"the scenario has the years 0–{rounds - 1}, not {year_index}")
    return ledger.year_totals(state, visible_only=visible)[year_index]


def raaderum(state: GameState, *, visible: bool = False) -> tuple[float, ...]:
    """The råderum of every year of the scenario, in the deck's unit (``ledger.year_totals``).

    By default the true amounts: an uncertain card that has not been revealed yet counts with
    its hidden factor – what the verdict will say, but not what the table can know. A bot or
    a screen that must see only what the table sees passes ``visible=True`` (unrevealed cards
    at face value, as the board shows them).
    """
    return ledger.year_totals(state, visible_only=visible)


def shown_raaderum(state: GameState) -> tuple[float, ...]:
    """The råderum a table may be shown per year, in the deck's unit: the final result of
    every closed year, and the visible plan (``raaderum(state, visible=True)``) of every
    open year – never an unrevealed factor (a comparison screen showed a half-played
    table's 2029 as 23,9 where its board said 21)."""
    shown = list(raaderum(state, visible=True))
    for i, result in enumerate(state.results):
        shown[i] = result.raaderum
    return tuple(shown)


def kinds_adopted(state: GameState) -> set[Kind]:
    """The kinds of proposal the group has adopted so far."""
    return {state.deck.proposal(a.card).kind for a in state.adopted}
