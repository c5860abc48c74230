"""Immutable content of a deck: proposals, events and scenarios.

The loader in ``game.content`` validates YAML and builds these values; the rules engine only
ever reads them. Every collection is a tuple so that a deck is hashable and can be shared
between many game states without copying.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum


class Kind(str, Enum):
    """The three kinds of proposal. The value is the English key used in saves ("saving",
    "efficiency", "investment"); a deck may also write the Danish names (besparelse,
    effektivisering, investering), which the loader turns into these. Compare with the
    members (``proposal.kind is Kind.SAVING``), not with a Danish word."""

    SAVING = "saving"
    EFFICIENCY = "efficiency"
    INVESTMENT = "investment"


KINDS: tuple[Kind, ...] = (Kind.SAVING, Kind.EFFICIENCY, Kind.INVESTMENT)


PROFILE_YEARS = 10
"""Years ahead for which ``profile`` holds the amounts (a scenario has at most 8 years)."""


def profile_of(effect: tuple[float, ...]) -> tuple[float, ...]:
    """The amounts of an effect list for PROFILE_YEARS years: the last value holds."""
    return tuple(effect[min(i, len(effect) - 1)] for i in range(PROFILE_YEARS))


def amount_at(effect: tuple[float, ...], offset: int) -> float:
    """The amount of an effect list ``offset`` years after it started (the last value holds)."""
    if offset < 0:
        return 0.0
    return effect[offset] if offset < len(effect) else effect[-1]


@dataclass(frozen=True)
class Proposal:
    """A card the group can adopt: what it frees (+) or costs (−) per year from adoption on."""

    id: str
    kind: Kind
    title: str
    area: str
    """The budget area (udvalg or sektor) the card belongs to, as the deck names it."""
    effect: tuple[float, ...]
    """What the card frees (+) or costs (−) in the deck's unit (normally mio. kr.) in each
    year from the year of adoption on; the last value holds for every later year."""
    text: str = ""
    uncertainty: float = 0.0
    """The relative spread of the gains (0.4: the hidden factor's standard deviation is about
    40 %; ``randomness``); costs are always as written."""
    failure: float = 0.0
    """The chance (0–1) that the card gives no gain at all (factor 0)."""
    service: int = 0
    """Points of service level the card adds (+) or cuts (−) when adopted."""
    load: int = 1
    """Belastning: the capacity points adopting the card takes in its round."""
    staff: float | None = None
    """Årsværk the card adds (+) or removes (−), for the card text; no rule reads it."""
    question: str = ""
    source: str = ""
    excludes: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    """Proposals that must be adopted before (or earlier in the same round as) this one."""
    fatigue: int | None = None
    """Træthed the card adds when adopted; None: the rule of ``ledger.fatigue_of``."""
    welfare: bool = False
    """True when the card's area is one of the deck's welfare areas (``Deck.welfare_areas``)."""
    construction: float = 0.0
    """Anlæg: the construction outlay it needs (deck's unit), paid from the scenario's
    anlægsramme and never counted in the operating råderum."""
    calendar_year: str | None = None
    """When set, ``effect`` is tied to calendar years: its first value belongs to this budget
    year (a number such as "2025"), whatever the year of adoption (``ledger.anchor``)."""
    profile: tuple[float, ...] = field(default=(), init=False, repr=False, compare=False)
    """Face-value amounts for the first PROFILE_YEARS years after adoption (or, for a
    calendar card, from ``calendar_year`` on)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "profile", profile_of(self.effect))

    @property
    def is_uncertain(self) -> bool:
        """True when the realised gains may differ from the face value: the card has an
        uncertainty or a risk of failure and a gain in some year (only gains are multiplied
        by the hidden factor; a card of costs alone has nothing to roll for)."""
        return (self.uncertainty > 0 or self.failure > 0) and any(v > 0 for v in self.effect)

    def amount(self, offset: int) -> float:
        """Face-value amount ``offset`` years after adoption."""
        return amount_at(self.effect, offset)


@dataclass(frozen=True)
class Event:
    """An event card (hændelse): an effect on the ledger from the round it is drawn."""

    id: str
    title: str
    effect: tuple[float, ...]
    text: str = ""
    service: int = 0
    """Steps the event moves the service level when drawn."""
    rounds: tuple[int, ...] | None = None
    """The rounds it may be drawn in, counted from 1 as the deck's file writes them
    (``state.round`` counts from 0); None: any round."""
    weight: float = 1.0
    """How many times as likely as an event of weight 1 it is to be drawn."""
    fatigue: int = 0
    """Træthed the event adds to the organisation when drawn (negative: relief)."""
    source: str = ""
    profile: tuple[float, ...] = field(default=(), init=False, repr=False, compare=False)
    """Amounts for the first PROFILE_YEARS years after the event was drawn."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "profile", profile_of(self.effect))

    def amount(self, offset: int) -> float:
        """Amount ``offset`` years after the event was drawn."""
        return amount_at(self.effect, offset)


@dataclass(frozen=True)
class Scenario:
    """A playable setting: its years, targets, table size and which cards are in play."""

    id: str
    title: str
    years: tuple[str, ...]
    target: tuple[float, ...]
    proposals: tuple[str, ...]
    events: tuple[str, ...]
    briefing: str = ""
    capacity: int = 6
    market: int = 8
    events_per_round: int = 1
    service_floor: int | None = None
    require_all_kinds: bool = True
    construction_budget: float | None = None
    """Anlægsramme: the construction outlay the period allows (deck's unit); None: no limit."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_positions", {pid: i for i, pid in enumerate(self.proposals)})

    @property
    def rounds(self) -> int:
        """Number of rounds: one per budget year."""
        return len(self.years)

    @property
    def event_slots(self) -> int:
        """Event draws in a game: one per round and event per round."""
        return self.rounds * self.events_per_round

    @property
    def draws_events(self) -> bool:
        """Whether a game of the scenario draws events at all (a municipality's catalogue
        may have none, or ``events_per_round: 0``): the help and the printed rules then say
        nothing of drawing them."""
        return self.events_per_round > 0 and bool(self.events)

    def position(self, pid: str) -> int:
        """The index of proposal ``pid`` in ``proposals`` (KeyError if not in the scenario)."""
        return self._positions[pid]  # type: ignore[attr-defined, no-any-return]


MOST_TOGETHER_EXACT = 14
"""The largest web of proposals linked by exclusions that ``Deck.most_together`` tries in
every combination (2¹⁴ of them)."""


@dataclass(frozen=True)
class Deck:
    """A validated deck. ``content_hash`` identifies its content across machines."""

    id: str
    title: str
    proposals: tuple[Proposal, ...]
    events: tuple[Event, ...]
    scenarios: tuple[Scenario, ...]
    language: str = "da"
    unit: str = "mio. kr."
    """The unit of every amount as the game shows it ("t. kr." for a deck that writes
    "1.000 kr." or "Tkr"; an unknown unit as written)."""
    unit_scale: float = 1.0
    """How many of ``unit`` make one mio. kr. (1 for mio. kr., 1000 for t. kr.), as the loader
    reads the unit; it scales the engine's limits and the bots' margins (``in_unit``)."""
    schema_version: int = 1
    welfare_areas: tuple[str, ...] = ()
    """Areas where an efficiency is easily seen as a saving (KL's second barrier)."""
    content_hash: str = ""
    written_unit: str = ""
    """The unit as the deck's file writes it, when the game shows it otherwise (else empty);
    the content hash is taken of it, so a deck keeps the hash its saves know it by."""
    sources: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)
    """The YAML texts the deck was read from, as (file name, text); saves embed them."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_pindex", {p.id: p for p in self.proposals})
        object.__setattr__(self, "_eindex", {e.id: e for e in self.events})
        partners: dict[str, set[str]] = {p.id: set() for p in self.proposals}
        for proposal in self.proposals:
            for other in proposal.excludes:
                partners[proposal.id].add(other)
                partners.setdefault(other, set()).add(proposal.id)
        frozen = {pid: frozenset(ids) for pid, ids in partners.items()}
        object.__setattr__(self, "_xindex", frozen)
        needed_by: dict[str, set[str]] = {}
        for proposal in self.proposals:
            for other in proposal.requires:
                needed_by.setdefault(other, set()).add(proposal.id)
        object.__setattr__(self, "_rindex", {pid: frozenset(ids) for pid, ids in needed_by.items()})

    def in_unit(self, amount: float) -> float:
        """``amount`` mio. kr. in this deck's unit (×1000 for a deck in t. kr.): the size of
        an amount the engine or a bot reckons with in mio. kr. (a margin, a limit), so that a
        deck plays the same whichever unit its file is written in."""
        return amount * self.unit_scale

    def exclusive_with(self, pid: str) -> frozenset[str]:
        """Ids that cannot be adopted together with ``pid`` (exclusion works both ways)."""
        return self._xindex.get(pid, frozenset())  # type: ignore[attr-defined, no-any-return]

    def most_together(
        self, ids: Iterable[str], value: Callable[[Proposal], float]
    ) -> tuple[str, ...]:
        """Those of the proposals ``ids`` that a group can adopt together – no two of them
        exclude each other (``excludes``), and each with the cards it ``requires`` among
        ``ids`` – whose ``value`` sums highest, in the order of ``ids``; a proposal worth
        nothing (``value`` ≤ 0) is left out unless another needs it. What a pile frees "at
        full effect" counts only the larger of two proposals that exclude each other (a
        budget office was told its savings "kan række til målet" by a pair of which only one
        can be adopted). Exact for up to ``MOST_TOGETHER_EXACT`` proposals linked by
        exclusions and requirements, the largest first beyond that (no deck has such a web)."""
        worth = {pid: value(self.proposal(pid)) for pid in dict.fromkeys(ids)}
        chosen: set[str] = set()
        left = dict.fromkeys(worth)  # in order, with a look-up in constant time
        while left:
            first = next(iter(left))
            del left[first]
            group, todo = [first], [first]  # one web of exclusions and requirements
            while todo:
                for other in self._linked(todo.pop()):
                    if other in left:
                        del left[other]
                        group.append(other)
                        todo.append(other)
            chosen.update(self._best_of(group, worth))
        return tuple(pid for pid in worth if pid in chosen)

    def _linked(self, pid: str) -> set[str]:
        """The proposals ``pid`` excludes or requires, or that exclude or require it."""
        needed_by: frozenset[str] = self._rindex.get(pid, frozenset())  # type: ignore[attr-defined]
        return set(self.exclusive_with(pid)) | set(self.proposal(pid).requires) | needed_by

    def _best_of(self, group: list[str], worth: dict[str, float]) -> list[str]:
        """The proposals of one web ``group`` a group can adopt together with the highest
        total worth (requirements outside the web count as met)."""
        inside = set(group)
        needs = [[r for r in self.proposal(pid).requires if r in inside] for pid in group]
        if len(group) > MOST_TOGETHER_EXACT:
            taken: list[str] = []
            for pid in sorted(group, key=lambda p: -worth[p]):
                if worth[pid] > 0 and not self.exclusive_with(pid) & set(taken):
                    taken.append(pid)
            while True:  # a card whose requirement was not taken cannot be adopted
                kept = [
                    p for p, n in zip(group, needs) if p in taken and all(r in taken for r in n)
                ]
                if len(kept) == len(taken):
                    return kept
                taken = kept
        index = {pid: i for i, pid in enumerate(group)}
        clash = [
            sum(1 << j for j, other in enumerate(group) if other in self.exclusive_with(pid))
            for pid in group
        ]
        need = [sum(1 << index[r] for r in n) for n in needs]
        best, best_mask = 0.0, 0
        for mask in range(1 << len(group)):
            if any(
                mask >> i & 1 and (mask & clash[i] or mask & need[i] != need[i])
                for i in range(len(group))
            ):
                continue
            total = sum(worth[pid] for i, pid in enumerate(group) if mask >> i & 1)
            if total > best + 1e-12:
                best, best_mask = total, mask
        return [pid for i, pid in enumerate(group) if best_mask >> i & 1]

    def proposal(self, pid: str) -> Proposal:
        """The proposal with id ``pid``; KeyError naming the nearest known ids if unknown."""
        try:
            return self._pindex[pid]  # type: ignore[attr-defined, no-any-return]
        except KeyError:
            raise KeyError(_unknown_id("proposal", pid, self._pindex)) from None  # type: ignore[attr-defined]

    def event(self, eid: str) -> Event:
        """The event with id ``eid``; KeyError naming the nearest known ids if unknown."""
        try:
            return self._eindex[eid]  # type: ignore[attr-defined, no-any-return]
        except KeyError:
            raise KeyError(_unknown_id("event", eid, self._eindex)) from None  # type: ignore[attr-defined]

    def scenario(self, sid: str | None = None) -> Scenario:
        """The scenario ``sid``, or the deck's first scenario when ``sid`` is None."""
        if sid is None:
            return self.scenarios[0]
        for scenario in self.scenarios:
            if scenario.id == sid:
                return scenario
        known = ", ".join(s.id for s in self.scenarios)
        named = repr(sid) if len(repr(sid)) <= 60 else repr(sid)[:59] + "…"  # not 100.000 chars
        raise KeyError(f"unknown scenario {named} (known: {known})")

    def required_by(self, pid: str) -> tuple[str, ...]:
        """Every proposal ``pid`` needs adopted first, directly or through the cards it
        requires, in the order they are met (the loader refuses a ring of requirements)."""
        order: list[str] = []
        waiting = list(self.proposal(pid).requires)
        while waiting:
            card = waiting.pop(0)
            if card in order or card == pid:
                continue
            order.append(card)
            waiting.extend(self.proposal(card).requires)
        return tuple(order)

    def requirement_clash(self, pid: str) -> tuple[str, str] | None:
        """Two cards that exclude each other although ``pid`` needs both (itself among them,
        directly or through the cards it requires), so ``pid`` can never be adopted; None when
        there is no such pair."""
        together = [pid, *self.required_by(pid)]
        return next(
            (
                (first, second)
                for index, first in enumerate(together)
                for second in together[index + 1 :]
                if second in self.exclusive_with(first)
            ),
            None,
        )

    def missing_requirement(self, scenario: Scenario, pid: str) -> str | None:
        """The first card ``pid`` needs (``required_by``) that ``scenario``'s pile lacks, so it
        can never be adopted there; None when the pile holds them all."""
        return next((c for c in self.required_by(pid) if c not in scenario.proposals), None)

    def adoptable(self, scenario: Scenario) -> tuple[str, ...]:
        """The proposals of ``scenario``'s pile that a group can ever adopt there: without a
        ``requirement_clash`` or a ``missing_requirement`` (``raaderum validate`` warns about
        the others)."""
        return tuple(
            pid
            for pid in scenario.proposals
            if self.requirement_clash(pid) is None
            and self.missing_requirement(scenario, pid) is None
        )

    def has_proposal(self, pid: str) -> bool:
        """True when the deck has a proposal with id ``pid``."""
        return pid in self._pindex  # type: ignore[attr-defined]

    def has_event(self, eid: str) -> bool:
        """True when the deck has an event with id ``eid``."""
        return eid in self._eindex  # type: ignore[attr-defined]


def _unknown_id(what: str, given: object, known: Iterable[str]) -> str:
    """ "unknown proposal 'nope' (known: 41 proposals; nearest: 'sfo-takst')": what a program
    using the API is told of an id the deck lacks (a bare KeyError: 'nope' said nothing), cut
    to 60 characters when the id is huge."""
    named = repr(given) if len(repr(given)) <= 60 else repr(given)[:59] + "…"
    ids = list(known)
    near = difflib.get_close_matches(str(given)[:200], ids, n=3) if isinstance(given, str) else []
    nearest = f"; nearest: {', '.join(near)}" if near else ""
    return f"unknown {what} {named} (known: {len(ids)} {what}s{nearest})"
