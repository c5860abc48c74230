"""Many greedy-bot games at once: the greedy decisions of every game are scored together with
numpy arrays; each game's randomness is drawn from its own generator exactly as the engine
draws it.

``simulate_batch`` plays the same games as ``simulate(deck, scenario, "greedy", games, seed)``
(game ``i`` is seeded with ``game_seed(seed, i)``) and reaches the same verdicts and the same
realised råderum per game; tests/engine/test_batch.py checks this against the engine. It is
the fast path for balancing a deck over thousands of games. All games advance round by round
in step: within a round every game still deciding adopts its best card, until each has ended
its year; then all years are closed together.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from game.engine import ledger
from game.engine.bots import BUFFER, greedy_weights
from game.engine.model import KINDS, Deck, Scenario
from game.engine.outcomes import SimulationResult, game_seed
from game.engine.rules import (
    draw_events,
    fill_market,
    game_draws,
    round_uniforms,
    scaled_targets,
    target_limit,
)

TIE = 1e-12
"""A card must beat the best so far by this much (as in ``greedy_policy``)."""


@dataclass(frozen=True)
class BatchResult:
    """Per-game outcomes of a batch of greedy games."""

    scenario: str
    seeds: tuple[int, ...]
    won: np.ndarray  # (games,) bool
    missed_target: np.ndarray  # (games,) bool: some year missed its target
    missing_kinds: np.ndarray  # (games,) bool: a required kind was never adopted
    below_floor: np.ndarray  # (games,) bool: service ended under the scenario's floor
    raaderum: np.ndarray  # (games, years) realised råderum per year
    service: np.ndarray  # (games,) final service level

    def reasons(self, game: int) -> tuple[str, ...]:
        """The loss reasons of game ``game``, in the order ``verdict`` gives them."""
        return ledger.loss_reasons(
            bool(self.missed_target[game]),
            bool(self.missing_kinds[game]),
            bool(self.below_floor[game]),
        )

    def summary(self, seed: int) -> SimulationResult:
        """The same summary ``simulate`` gives for these games."""
        years = self.raaderum.shape[1]
        result = SimulationResult(
            scenario=self.scenario, policy="greedy", games=len(self.seeds), seed=seed
        )
        result.wins = int(self.won.sum())
        for game in range(len(self.seeds)):
            for reason in self.reasons(game):
                result.losses[reason] += 1
        sums = [0.0] * years
        for row in self.raaderum.tolist():  # in game order, as simulate adds them
            for year, amount in enumerate(row):
                sums[year] += amount
        result.raaderum_sum = sums
        return result


class _Tables:
    """The scenario's cards as arrays indexed by a local card number (from ``ledger``)."""

    def __init__(self, deck: Deck, scenario: Scenario) -> None:
        self.weights = greedy_weights(deck)  # the greedy bot's amounts in the deck's unit
        self.ids = scenario.proposals
        index = {pid: i for i, pid in enumerate(self.ids)}
        proposals = [deck.proposal(pid) for pid in self.ids]
        count, years = len(proposals), scenario.rounds
        self.kind = np.array([KINDS.index(p.kind) for p in proposals], dtype=np.intp)
        self.kinds = [KINDS.index(p.kind) for p in proposals]
        self.load = np.array([p.load for p in proposals], dtype=np.int64)
        self.fatigue = np.array([ledger.fatigue_of(p) for p in proposals], dtype=np.int64)
        self.lift = np.array([ledger.service_lift(p) for p in proposals], dtype=np.int64)
        self.service = np.array([p.service for p in proposals], dtype=np.int64)
        self.construction = np.array([p.construction for p in proposals], dtype=float)
        anchors = [ledger.anchor(p, scenario) for p in proposals]
        # [start, card, year]: face amounts and expected amounts of a card adopted in round
        # start (ledger.face_row / ledger.expected_row), 0 before the start
        self.face = np.array(
            [
                [ledger.face_row(p, s, years, a) for p, a in zip(proposals, anchors)]
                for s in range(years)
            ]
        ).reshape(years, count, years)
        self.expected = np.array(
            [
                [ledger.expected_row(p, s, years, a) for p, a in zip(proposals, anchors)]
                for s in range(years)
            ]
        ).reshape(years, count, years)
        self.partner_matrix = np.zeros((count, count), dtype=bool)
        self.requires = np.zeros((count, count), dtype=bool)  # [card, card it requires]
        for card, pid in enumerate(self.ids):
            for other in deck.exclusive_with(pid):
                if other in index:
                    self.partner_matrix[card, index[other]] = True
            for other in deck.proposal(pid).requires:
                if other in index:
                    self.requires[card, index[other]] = True
                else:  # a card the scenario does not hold can never be adopted first
                    self.requires[card, card] = True
        events = [deck.event(eid) for eid in scenario.events]
        self.event_face = np.array(
            [ledger.face_row(e, s, years) for e in events for s in range(years)]
        )
        self.event_face = self.event_face.reshape(len(events), years, years)
        self.event_service = [e.service for e in events]
        self.event_fatigue = [e.fatigue for e in events]
        self.event_weight = [e.weight for e in events]
        self.event_rounds = [e.rounds for e in events]


class _Games:
    """The mutable state of every game in the batch."""

    def __init__(self, tables: _Tables, deck: Deck, scenario: Scenario, seeds: list[int]) -> None:
        games, cards, years = len(seeds), len(tables.ids), scenario.rounds
        index = {pid: i for i, pid in enumerate(tables.ids)}
        self.piles: list[list[int]] = []
        self.factors = np.zeros((games, cards))
        self.event_uniforms: list[tuple[float, ...]] = []
        for game, seed in enumerate(seeds):
            draws = game_draws(deck, scenario, seed)  # the engine's own draws, per game
            self.piles.append([index[pid] for pid in draws.pile])
            self.factors[game] = draws.factors
            self.event_uniforms.append(draws.event_uniforms)
        self.event_piles = [list(range(len(tables.event_weight))) for _ in seeds]
        self.markets: list[list[int]] = [[] for _ in seeds]
        self.revealed = np.zeros((games, cards), dtype=bool)  # per adoption slot
        self.slot_card = np.zeros((games, cards), dtype=np.intp)
        self.slot_start = np.zeros((games, cards), dtype=np.intp)
        self.count = np.zeros(games, dtype=np.intp)
        self.adopted = np.zeros((games, cards), dtype=bool)
        self.blocked = np.zeros((games, cards), dtype=bool)
        self.have = np.zeros((games, len(KINDS)), dtype=bool)
        self.service = np.zeros(games, dtype=np.int64)
        self.fatigue = np.zeros(games, dtype=np.int64)
        self.used = np.zeros(games, dtype=np.int64)
        self.lift = np.zeros(games, dtype=np.int64)
        self.construction = np.zeros(games)
        self.visible = np.zeros((games, cards, years))  # per adoption slot, in order
        self.real = np.zeros((games, cards, years))
        slots = max(1, scenario.event_slots)
        self.events = np.zeros((games, slots, years))
        self.event_count = np.zeros(games, dtype=np.intp)
        self.met = np.zeros((games, years), dtype=bool)


def _check_target(target: float | None, deck: Deck) -> None:
    limit = target_limit(deck)
    if target is not None and (not math.isfinite(target) or not 0 <= target <= limit):
        raise ValueError(f"the target must be between 0 and {limit:g} {deck.unit}")


def simulate_batch(
    deck: Deck,
    scenario_id: str | None = None,
    *,
    games: int = 1_000,
    seed: int = 0,
    target: float | None = None,
) -> BatchResult:
    """Play ``games`` greedy games seeded like ``simulate`` (game i: ``game_seed(seed, i)``)."""
    return play_batch(deck, scenario_id, [game_seed(seed, i) for i in range(games)], target)


def play_batch(
    deck: Deck, scenario_id: str | None, seeds: list[int], target: float | None = None
) -> BatchResult:
    """Play one greedy game per seed (each as ``new_game(deck, scenario_id, seed, target)``
    played with ``greedy_policy``) and return every game's outcome."""
    _check_target(target, deck)
    scenario = deck.scenario(scenario_id)
    tables = _Tables(deck, scenario)
    targets = np.array(
        scaled_targets(scenario.target, target) if target is not None else scenario.target,
        dtype=float,
    )
    state = _Games(tables, deck, scenario, seeds)
    everyone = list(range(len(seeds)))
    for round_index in range(scenario.rounds):
        for game in everyone:
            _start_round(tables, scenario, state, game, round_index)
        _decide_round(tables, scenario, state, targets, round_index)
        _close_year(tables, state, targets, round_index)
    totals = _ledger(state.real, state.events, np.arange(len(seeds)))
    missed = np.logical_not(state.met.all(axis=1))
    kinds = [tuple(k for k, had in zip(KINDS, row) if had) for row in state.have.tolist()]
    required = scenario.require_all_kinds
    missing = np.array([bool(ledger.missing_kinds(k, required)) for k in kinds], dtype=bool)
    floor = scenario.service_floor
    below = np.array([ledger.below_floor(int(v), floor) for v in state.service], dtype=bool)
    return BatchResult(
        scenario=scenario.id,
        seeds=tuple(seeds),
        won=~(missed | missing | below),
        missed_target=missed,
        missing_kinds=missing,
        below_floor=below,
        raaderum=totals,
        service=state.service.copy(),
    )


def _start_round(
    tables: _Tables, scenario: Scenario, state: _Games, game: int, round_index: int
) -> None:
    """Events, then clearing excluded cards and refilling the market (as ``rules``)."""
    event_pile = state.event_piles[game]
    drawn = draw_events(
        event_pile,
        round_uniforms(scenario, state.event_uniforms[game], round_index),
        round_index + 1,
        tables.event_rounds.__getitem__,
        tables.event_weight.__getitem__,
    )
    for event in drawn:
        slot = state.event_count[game]
        state.events[game, slot] = tables.event_face[event, round_index]
        state.event_count[game] = slot + 1
        state.service[game] += tables.event_service[event]
    if drawn:
        added = sum(tables.event_fatigue[event] for event in drawn)
        state.fatigue[game] = ledger.fatigue_after_events(int(state.fatigue[game]), added)
    blocked = state.blocked[game].tolist()
    market = [c for c in state.markets[game] if not blocked[c]]
    pile = [c for c in state.piles[game] if not blocked[c]]
    fill_market(market, pile, scenario.market, range(len(KINDS)), tables.kinds.__getitem__)
    state.markets[game] = market
    state.piles[game] = pile
    state.used[game] = 0
    state.lift[game] = 0


def _ledger(contributions: np.ndarray, events: np.ndarray, games: np.ndarray) -> np.ndarray:
    """Råderum per year of ``games``: events, then adoptions in order, added one by one in
    the engine's order (``ledger.year_totals``) so that every sum is bit for bit the engine's."""
    totals = np.zeros((len(games), contributions.shape[2]))
    for slot in range(events.shape[1]):
        totals += events[games, slot]
    for slot in range(contributions.shape[1]):
        totals += contributions[games, slot]
    return totals


def _decide_round(
    tables: _Tables, scenario: Scenario, state: _Games, targets: np.ndarray, round_index: int
) -> None:
    """Let every game adopt its greedy choice until each chooses to end the year."""
    years = scenario.rounds
    # a scenario without proposals (a deck being written: validate warns, and it plays) has no
    # decisions: every year ends at once, as in the engine
    deciding = np.arange(len(state.piles) if tables.load.size else 0)
    size = scenario.market
    floor = scenario.service_floor
    last_round = round_index == years - 1
    capacity = scenario.capacity
    budget = scenario.construction_budget
    weights = tables.weights
    while deciding.size:
        adopted_slots = int(state.count[deciding].max())
        visible = _ledger(state.visible[:, : max(1, adopted_slots)], state.events, deciding)
        gaps = np.maximum(0.0, targets * BUFFER + weights.margin - visible)[:, round_index:]
        market = np.full((deciding.size, size), -1, dtype=np.intp)
        for row, game in enumerate(deciding.tolist()):
            shown = state.markets[game]
            market[row, : len(shown)] = shown
        cards = np.maximum(market, 0)
        rows = deciding[:, None]
        used, fatigue = state.used[deciding][:, None], state.fatigue[deciding][:, None]
        load, added = tables.load[cards], tables.fatigue[cards]
        missing = (tables.requires[cards] & ~state.adopted[deciding][:, None, :]).any(axis=2)
        open_ = (
            (market >= 0)
            & ledger.fits(capacity, used, fatigue, load, added)
            & ~state.blocked[rows, cards]
            & ~missing
        )
        if budget is not None:
            room = budget + ledger.MET_TOLERANCE - state.construction[deciding][:, None]
            open_ &= (tables.construction[cards] <= 0) | (tables.construction[cards] <= room)
        expected = tables.expected[round_index][cards]  # (games, market, years)
        weight = max(2.0, gaps.shape[1] / 2.0)
        value = np.zeros(market.shape)
        for offset in range(gaps.shape[1]):
            amount = expected[:, :, round_index + offset]
            gap = gaps[:, offset][:, None]
            gain = weight * np.minimum(amount, gap)
            cost = weight * amount * np.where(gap > 0, 1.0, 0.5)
            value += np.where(amount > 0, gain, np.where(amount < 0, cost, 0.0))
            weight = 1.0
        if scenario.require_all_kinds:
            lacking = ~state.have[rows, tables.kind[cards]]
            timely = (gaps[:, 0] <= 0) | (round_index >= 1)
            value = np.where(lacking & timely[:, None], value + weights.kind_bonus, value)
        if floor is not None:
            service = tables.service[cards]
            value = value + weights.service_worth * gaps.shape[1] * service
            if last_round:
                hurt = (state.service[deciding][:, None] + service < floor) & (service < 0)
                value = np.where(hurt, value - weights.kind_bonus, value)
        lost = ledger.lost_capacity(fatigue + added) - ledger.lost_capacity(fatigue)
        value = value / np.maximum(1, load + lost)
        best = np.zeros(deciding.size)
        choice = np.full(deciding.size, -1, dtype=np.intp)
        for column in range(size):  # the first card that beats the best so far, as greedy
            better = open_[:, column] & (value[:, column] > best + TIE)
            best = np.where(better, value[:, column], best)
            choice = np.where(better, column, choice)
        chosen = choice >= 0
        _adopt(tables, state, deciding[chosen], choice[chosen], round_index)
        deciding = deciding[chosen]


def _adopt(
    tables: _Tables, state: _Games, games: np.ndarray, columns: np.ndarray, round_index: int
) -> None:
    """Each of ``games`` adopts its market card in ``columns`` with the hidden factor chance
    gave it at the start (as ``rules``); the ledgers are updated together."""
    cards = [state.markets[g].pop(c) for g, c in zip(games.tolist(), columns.tolist())]
    if not cards:
        return
    picked = np.array(cards, dtype=np.intp)
    slots = state.count[games]
    state.slot_card[games, slots] = picked
    state.slot_start[games, slots] = round_index
    state.count[games] += 1
    face = tables.face[round_index][picked]
    state.visible[games, slots] = face
    state.real[games, slots] = ledger.realise(face, state.factors[games, picked][:, None])
    state.used[games] += tables.load[picked]
    state.fatigue[games] += tables.fatigue[picked]
    state.lift[games] += tables.lift[picked]
    state.construction[games] += tables.construction[picked]
    state.service[games] += tables.service[picked]
    state.have[games, tables.kind[picked]] = True
    state.adopted[games, picked] = True
    state.blocked[games] |= tables.partner_matrix[picked]


def _close_year(tables: _Tables, state: _Games, targets: np.ndarray, year: int) -> None:
    """End the year in every game: its result, the reveals and the recovery (``ledger``)."""
    games = np.arange(len(state.piles))
    total = _ledger(state.real[:, :, year : year + 1], state.events[:, :, year : year + 1], games)
    state.met[:, year] = ledger.meets(total[:, 0], targets[year])
    used = np.arange(state.revealed.shape[1]) < state.count[:, None]
    amount = tables.face[state.slot_start, state.slot_card, year]
    reveal = used & ledger.reveals(amount, state.revealed)
    state.revealed |= reveal
    state.visible[reveal] = state.real[reveal]
    state.fatigue = ledger.recovered(state.fatigue, state.lift)
