"""The game state: one immutable value that holds everything, the game's chance included.

A state never changes; ``rules.apply`` returns a new one. The action log is not part of the
state (``History`` keeps it once), so a long game costs memory in proportion to its length.
``state_to_dict`` and ``state_from_dict`` give a JSON-safe form (the deck itself is referenced
by its content hash), and ``state_hash`` a short fingerprint that is identical across runs
and machines.
"""

from __future__ import annotations

import hashlib
import json
import math
import numbers
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from game.engine import ledger
from game.engine.model import Deck, Scenario

MAX_SEED = 2**63 - 1
"""The largest seed: a save writes it as a signed 64-bit whole number (JSON readers
and the save's schema), so a game the engine starts can always be saved and replayed."""


@dataclass(frozen=True)
class Adoption:
    """A proposal the group adopted, with its hidden factor and the group's note."""

    card: str
    round: int
    factor: float
    revealed: bool = False
    note: str = ""


@dataclass(frozen=True)
class DrawnEvent:
    """An event card drawn at the start of a round."""

    card: str
    round: int


@dataclass(frozen=True)
class YearResult:
    """The final record of a closed budget year."""

    year: str
    raaderum: float
    target: float
    met: bool
    capacity: int
    """The capacity the year ended with: the scenario's less what træthed took."""
    fatigue: int
    """Træthed carried into the next year (after the year-end recovery)."""
    service: int
    revealed: tuple[str, ...] = ()


@dataclass(frozen=True)
class GameState:
    """Everything about one game at one moment. Build it with ``game.engine.new_game`` and
    advance it with ``game.engine.apply``.

    It holds the hidden draws too (``pile`` and ``event_pile`` in the order they will come,
    each adoption's ``factor``): a bot that must see only what the table sees reads the
    market, the targets, ``results`` and ``raaderum(state, visible=True)``, not those.

    Two states are equal (and hash alike) when they are the same moment of the same game:
    the same deck (by ``Deck.content_hash``), the same scenario and the same draws and
    decisions, so a program may key a cache by the state across decks and scenarios."""

    deck: Deck = field(compare=False, repr=False)
    scenario: Scenario = field(repr=False)
    seed: int
    round: int
    targets: tuple[float, ...]
    market: tuple[str, ...]
    pile: tuple[str, ...]
    event_pile: tuple[str, ...]
    adopted: tuple[Adoption, ...] = ()
    events: tuple[DrawnEvent, ...] = ()
    discarded: tuple[str, ...] = ()
    seen: tuple[str, ...] = ()
    """Every proposal the table has shown, in order of first appearance."""
    seen_rounds: tuple[int, ...] = ()
    """The 0-based round in which each card of ``seen`` first lay on the table."""
    capacity: int = 0
    """The scenario's capacity per round (0 once the game is over)."""
    used_load: int = 0
    """Belastning adopted this round."""
    lift: int = 0
    """Service points raised by this round's adoptions (eases the year-end recovery)."""
    fatigue: int = 0
    """Træthed now: what it was when the round began plus what this round's adoptions added."""
    construction_used: float = 0.0
    """Anlæg adopted so far (deck's unit), against the scenario's anlægsramme."""
    service: int = 0
    results: tuple[YearResult, ...] = ()
    factors: tuple[float, ...] = ()
    """The hidden factor of every proposal of the scenario, in ``Scenario.proposals`` order
    (drawn when the game starts; see ``randomness``)."""
    event_draws: tuple[float, ...] = ()
    """One uniform number per event slot (round × events per round), drawn at the start."""
    fixed_events: tuple[tuple[str, ...], ...] | None = None
    """For a table that played on paper: the events it drew in each round (``rules.Chance``)."""
    open_table: bool = False
    """True when every proposal lies on the table (a paper table, ``rules.Chance``)."""
    deck_key: str = field(init=False, repr=False)
    """What the state's equality knows the deck by: its ``content_hash`` (a deck built in
    code without one: the deck object itself). Set from ``deck``; never given."""

    def __post_init__(self) -> None:
        key = self.deck.content_hash or f"object:{id(self.deck)}"
        object.__setattr__(self, "deck_key", key)

    @property
    def finished(self) -> bool:
        """True once the last budget year has been closed."""
        return self.round >= self.scenario.rounds

    @property
    def capacity_left(self) -> int:
        """Capacity still free this round: the capacity less the belastning adopted and the
        capacity træthed takes (``ledger.capacity_left``; 0 or less: nothing more fits)."""
        return ledger.capacity_left(self.capacity, self.used_load, self.fatigue)

    @property
    def lost_capacity(self) -> int:
        """The capacity træthed takes this round (``ledger.lost_capacity``)."""
        return ledger.lost_capacity(self.fatigue)

    @property
    def year(self) -> str | None:
        """The label of the budget year being decided, or None when the game is over."""
        return None if self.finished else self.scenario.years[self.round]

    def adoption(self, card: str) -> Adoption | None:
        """The adoption of ``card``, or None if it was not adopted."""
        for adoption in self.adopted:
            if adoption.card == card:
                return adoption
        return None

    def factor_of(self, card: str) -> float:
        """The hidden factor chance gave proposal ``card`` in this game."""
        return self.factors[self.scenario.position(card)]

    def adopted_ids(self) -> tuple[str, ...]:
        """Ids of the adopted proposals in order of adoption."""
        return tuple(a.card for a in self.adopted)

    def events_in_round(self, round_index: int) -> tuple[str, ...]:
        """Ids of the events drawn at the start of round ``round_index`` (0-based)."""
        return tuple(e.card for e in self.events if e.round == round_index)


def _round6(value: float) -> float:
    return float(f"{value:.6f}")


def state_to_dict(state: GameState) -> dict[str, Any]:
    """A JSON-safe dict of the state; the deck is named by id and content hash only."""
    return {
        "deck": {"id": state.deck.id, "content_hash": state.deck.content_hash},
        "scenario": state.scenario.id,
        "seed": state.seed,
        "round": state.round,
        "targets": list(state.targets),
        "market": list(state.market),
        "pile": list(state.pile),
        "event_pile": list(state.event_pile),
        "adopted": [
            {
                "card": a.card,
                "round": a.round,
                "factor": a.factor,
                "revealed": a.revealed,
                "note": a.note,
            }
            for a in state.adopted
        ],
        "events": [{"card": e.card, "round": e.round} for e in state.events],
        "discarded": list(state.discarded),
        "seen": list(state.seen),
        "seen_rounds": list(state.seen_rounds),
        "capacity": state.capacity,
        "used_load": state.used_load,
        "lift": state.lift,
        "fatigue": state.fatigue,
        "construction_used": state.construction_used,
        "service": state.service,
        "results": [
            {
                "year": r.year,
                "raaderum": r.raaderum,
                "target": r.target,
                "met": r.met,
                "capacity": r.capacity,
                "fatigue": r.fatigue,
                "service": r.service,
                "revealed": list(r.revealed),
            }
            for r in state.results
        ],
        "factors": list(state.factors),
        "event_draws": list(state.event_draws),
        "open_table": state.open_table,
        "fixed_events": None
        if state.fixed_events is None
        else [list(drawn) for drawn in state.fixed_events],
    }


def state_from_dict(data: dict[str, Any], deck: Deck) -> GameState:
    """Rebuild a state from ``state_to_dict`` output and the deck it was played with.

    Raises ``ValueError``: "the state was made with a different deck" when it belongs to
    another deck; "malformed game state: …", naming the field and what is wrong with it,
    when it is malformed: ``data`` not a dict, a field
    missing or of the wrong type; a card id that is not a proposal or event of the
    scenario, or that stands twice (or in two of market, pile, discarded and adopted); a
    round outside 0 … the scenario's rounds; a negative counter; a number that is not
    finite; a seed outside 0 … ``MAX_SEED``; lists whose lengths do not fit the scenario.
    A state it returns can be played on (``legal_actions``, ``apply``) without a KeyError.
    """
    try:
        return _state_from_dict(data, deck)
    except _Malformed as error:
        raise ValueError(f"malformed game state: {error}") from None
    except (KeyError, TypeError, IndexError) as error:  # pragma: no cover - a missed check
        raise ValueError(f"malformed game state: {error!r}") from None


class _Malformed(Exception):
    """Why a state dict cannot be read (said after "malformed game state: ")."""


_WRITABLE_BITS = 13_000
"""A whole number of at most this many bits has at most 3914 digits, so str() writes it."""


def _shown(value: Any) -> str:
    """``value`` as a reason quotes it: a huge whole number by its length, never in full,
    and a long text cut short."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        magnitude = abs(int(value))
        if magnitude.bit_length() > _WRITABLE_BITS:  # str() refuses it (past 4300 digits)
            return "a whole number of more than 4000 digits"
        if (digits := len(str(magnitude))) > 20:
            return f"a whole number of {digits} digits"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _field(data: Any, key: str, where: str) -> Any:
    if not isinstance(data, dict):
        raise _Malformed(f"{where or 'the state'} must be a dict, not {type(data).__name__}")
    if key not in data:
        raise _Malformed(f"'{where}{key}' is missing")
    return data[key]


def _whole(
    data: Any, key: str, where: str = "", low: int | None = 0, high: int | None = None
) -> int:
    """The whole number ``data[key]`` from ``low`` to ``high`` (None: no bound)."""
    return _whole_value(_field(data, key, where), f"{where}{key}", low, high)


def _whole_value(value: Any, name: str, low: int | None = 0, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise _Malformed(f"'{name}' must be a whole number, not {_shown(value)}")
    number = int(value)
    if (low is not None and number < low) or (high is not None and number > high):
        if high is None:
            bounds = f"at least {low}"
        elif low is None:
            bounds = f"at most {high}"
        else:
            bounds = f"from {low} to {high}"
        raise _Malformed(f"'{name}' must be {bounds}, not {_shown(value)}")
    return number


def _real_value(
    value: Any, name: str, low: float | None = None, below: float | None = None
) -> float:
    """A finite number ≥ ``low`` and < ``below`` (None: no bound)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise _Malformed(f"'{name}' must be a number, not {_shown(value)}")
    try:
        number = float(value)
    except OverflowError:
        raise _Malformed(f"'{name}' is too large: {_shown(value)}") from None
    if not math.isfinite(number):
        raise _Malformed(f"'{name}' must be a finite number, not {_shown(value)}")
    if low is not None and number < low:
        raise _Malformed(f"'{name}' must be at least {low}, not {_shown(value)}")
    if below is not None and number >= below:
        raise _Malformed(f"'{name}' must be less than {below}, not {_shown(value)}")
    return number


def _real(data: Any, key: str, where: str = "", low: float | None = None) -> float:
    return _real_value(_field(data, key, where), f"{where}{key}", low)


def _flag(data: Any, key: str, where: str = "") -> bool:
    value = _field(data, key, where)
    if not isinstance(value, bool):
        raise _Malformed(f"'{where}{key}' must be true or false, not {_shown(value)}")
    return value


def _text(data: Any, key: str, where: str = "") -> str:
    value = _field(data, key, where)
    if not isinstance(value, str):
        raise _Malformed(f"'{where}{key}' must be a text, not {_shown(value)}")
    return value


def _list(value: Any, name: str, count: int | None = None) -> list[Any]:
    if not isinstance(value, (list, tuple)):
        raise _Malformed(f"'{name}' must be a list, not {_shown(value)}")
    if count is not None and len(value) != count:
        raise _Malformed(f"'{name}' must have {count} items, not {len(value)}")
    return list(value)


def _card(value: Any, name: str, known: Collection[str], what: str) -> str:
    if not isinstance(value, str):
        raise _Malformed(f"'{name}' must be a card id (a text), not {_shown(value)}")
    if value not in known:
        raise _Malformed(f"'{name}' is {_shown(value)}, which is not {what} of the scenario")
    return value


def _cards(
    value: Any, name: str, known: Collection[str], what: str, *, unique: bool = True
) -> tuple[str, ...]:
    """A list of card ids, each ``what`` ("a proposal") of ``known``, none twice."""
    cards = tuple(
        _card(item, f"{name}[{i}]", known, what) for i, item in enumerate(_list(value, name))
    )
    if unique:
        _no_twice(cards, name)
    return cards


def _no_twice(cards: tuple[str, ...], name: str) -> None:
    seen: set[str] = set()
    for card in cards:
        if card in seen:
            raise _Malformed(f"'{name}' holds the card {_shown(card)} twice")
        seen.add(card)


def _state_from_dict(data: Any, deck: Deck) -> GameState:
    deck_ref = _field(data, "deck", "")
    if _field(deck_ref, "content_hash", "deck.") != deck.content_hash:
        raise ValueError("the state was made with a different deck")
    scenario_id = _text(data, "scenario")
    scenarios = {s.id: s for s in deck.scenarios}
    if scenario_id not in scenarios:
        raise _Malformed(
            f"'scenario' is {_shown(scenario_id)}, which is not a scenario of the deck"
        )
    scenario = scenarios[scenario_id]
    rounds = scenario.rounds
    proposals, events = set(scenario.proposals), set(scenario.events)
    round_ = _whole(data, "round", high=rounds)

    def proposal_ids(key: str) -> tuple[str, ...]:
        return _cards(_field(data, key, ""), key, proposals, "a proposal")

    market, pile, discarded = (
        proposal_ids("market"),
        proposal_ids("pile"),
        proposal_ids("discarded"),
    )
    adopted = tuple(
        _adoption(item, f"adopted[{i}].", proposals, round_, rounds)
        for i, item in enumerate(_list(_field(data, "adopted", ""), "adopted"))
    )
    _no_twice(tuple(a.card for a in adopted), "adopted")
    places = {"market": market, "pile": pile, "discarded": discarded}
    places["adopted"] = tuple(a.card for a in adopted)
    where: dict[str, str] = {}
    for place, cards in places.items():
        for card in cards:
            if card in where:
                raise _Malformed(
                    f"the card {_shown(card)} is in both '{where[card]}' and '{place}'"
                )
            where[card] = place
    drawn = tuple(
        DrawnEvent(
            _card(_field(item, "card", f"events[{i}]."), f"events[{i}].card", events, "an event"),
            _whole(item, "round", f"events[{i}].", high=min(round_, rounds - 1)),
        )
        for i, item in enumerate(_list(_field(data, "events", ""), "events"))
    )
    _no_twice(tuple(e.card for e in drawn), "events")
    seen = proposal_ids("seen")
    seen_rounds = tuple(
        _whole_value(r, f"seen_rounds[{i}]", 0, rounds)
        for i, r in enumerate(_list(_field(data, "seen_rounds", ""), "seen_rounds", len(seen)))
    )
    results = tuple(
        _result(item, f"results[{i}].", proposals)
        for i, item in enumerate(_list(_field(data, "results", ""), "results", round_))
    )
    factors = tuple(
        _real_value(f, f"factors[{i}]", 0.0)
        for i, f in enumerate(
            _list(_field(data, "factors", ""), "factors", len(scenario.proposals))
        )
    )
    draws = _list(_field(data, "event_draws", ""), "event_draws", scenario.event_slots)
    fixed = _field(data, "fixed_events", "")
    fixed_events = None
    if fixed is not None:
        fixed_events = tuple(
            _cards(one, f"fixed_events[{i}]", events, "an event")
            for i, one in enumerate(_list(fixed, "fixed_events", rounds))
        )
        _no_twice(tuple(e for one in fixed_events for e in one), "fixed_events")
    return GameState(
        deck=deck,
        scenario=scenario,
        seed=_whole(data, "seed", high=MAX_SEED),
        round=round_,
        targets=tuple(
            _real_value(t, f"targets[{i}]")
            for i, t in enumerate(_list(_field(data, "targets", ""), "targets", rounds))
        ),
        market=market,
        pile=pile,
        event_pile=_cards(_field(data, "event_pile", ""), "event_pile", events, "an event"),
        adopted=adopted,
        events=drawn,
        discarded=discarded,
        seen=seen,
        seen_rounds=seen_rounds,
        capacity=_whole(data, "capacity"),
        used_load=_whole(data, "used_load"),
        lift=_whole(data, "lift"),
        fatigue=_whole(data, "fatigue"),
        construction_used=_real(data, "construction_used", low=0.0),
        service=_whole(data, "service", low=None),
        results=results,
        factors=factors,
        event_draws=tuple(
            _real_value(u, f"event_draws[{i}]", 0.0, 1.0) for i, u in enumerate(draws)
        ),
        open_table=_flag(data, "open_table"),
        fixed_events=fixed_events,
    )


def _adoption(
    item: Any, where: str, proposals: Collection[str], round_: int, rounds: int
) -> Adoption:
    return Adoption(
        card=_card(_field(item, "card", where), f"{where}card", proposals, "a proposal"),
        round=_whole(item, "round", where, high=min(round_, rounds - 1)),
        factor=_real(item, "factor", where, low=0.0),
        revealed=_flag(item, "revealed", where),
        note=_text(item, "note", where),
    )


def _result(item: Any, where: str, proposals: Collection[str]) -> YearResult:
    return YearResult(
        year=_text(item, "year", where),
        raaderum=_real(item, "raaderum", where),
        target=_real(item, "target", where),
        met=_flag(item, "met", where),
        capacity=_whole(item, "capacity", where),
        fatigue=_whole(item, "fatigue", where),
        service=_whole(item, "service", where, low=None),
        revealed=_cards(
            _field(item, "revealed", where), f"{where}revealed", proposals, "a proposal"
        ),
    )


def _canonical(value: Any) -> Any:
    if isinstance(value, float):
        return _round6(value)
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    return value


def state_hash(state: GameState) -> str:
    """A hex fingerprint of the canonical state, stable across runs and machines."""
    text = json.dumps(
        _canonical(state_to_dict(state)), sort_keys=True, separators=(",", ":"), ensure_ascii=True
    )
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:32]
