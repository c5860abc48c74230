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
from dataclasses import dataclass, field
from typing import Any

from game.engine import ledger
from game.engine.model import Deck, Scenario


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
    market, the targets, ``results`` and ``raaderum(state, visible=True)``, not those."""

    deck: Deck = field(compare=False, repr=False)
    scenario: Scenario = field(compare=False, repr=False)
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

    Raises ``ValueError`` when the dict belongs to another deck or is malformed.
    """
    try:
        return _state_from_dict(data, deck)
    except (KeyError, TypeError, IndexError) as error:
        raise ValueError(f"malformed game state: {error!r}") from None


def _state_from_dict(data: dict[str, Any], deck: Deck) -> GameState:
    deck_ref = data["deck"]
    if deck_ref["content_hash"] != deck.content_hash:
        raise ValueError("the state was made with a different deck")
    scenario = deck.scenario(data["scenario"])
    factors = tuple(float(f) for f in data["factors"])
    if len(factors) != len(scenario.proposals):
        raise ValueError("malformed hidden factors")
    return GameState(
        deck=deck,
        scenario=scenario,
        seed=int(data["seed"]),
        round=int(data["round"]),
        targets=tuple(float(t) for t in data["targets"]),
        market=tuple(data["market"]),
        pile=tuple(data["pile"]),
        event_pile=tuple(data["event_pile"]),
        adopted=tuple(
            Adoption(
                card=a["card"],
                round=int(a["round"]),
                factor=float(a["factor"]),
                revealed=bool(a["revealed"]),
                note=str(a["note"]),
            )
            for a in data["adopted"]
        ),
        events=tuple(DrawnEvent(e["card"], int(e["round"])) for e in data["events"]),
        discarded=tuple(data["discarded"]),
        seen=tuple(data["seen"]),
        seen_rounds=tuple(int(r) for r in data["seen_rounds"]),
        capacity=int(data["capacity"]),
        used_load=int(data["used_load"]),
        lift=int(data["lift"]),
        fatigue=int(data["fatigue"]),
        construction_used=float(data["construction_used"]),
        service=int(data["service"]),
        results=tuple(
            YearResult(
                year=str(r["year"]),
                raaderum=float(r["raaderum"]),
                target=float(r["target"]),
                met=bool(r["met"]),
                capacity=int(r["capacity"]),
                fatigue=int(r["fatigue"]),
                service=int(r["service"]),
                revealed=tuple(r["revealed"]),
            )
            for r in data["results"]
        ),
        factors=factors,
        event_draws=tuple(float(u) for u in data["event_draws"]),
        open_table=bool(data["open_table"]),
        fixed_events=None
        if data["fixed_events"] is None
        else tuple(tuple(str(e) for e in drawn) for drawn in data["fixed_events"]),
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
