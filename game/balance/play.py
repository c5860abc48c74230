"""Playing many games of one scenario with one strategy, on every core, reproducibly.

Game ``i`` of a run seeded ``seed`` is ``new_game(deck, scenario, game_seed(seed, i))`` played
by a fresh policy with its own generator ``default_rng([seed, i])``, so a game's outcome does
not depend on how the games are shared out between processes. The greedy bot's games go
through the batch simulator (bit-identical to the engine, and much faster).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

import numpy as np

from game.balance.parallel import map_chunks
from game.balance.strategies import BY_NAME
from game.engine import (
    EndYear,
    GameState,
    apply,
    construction_fits,
    excluded_by,
    ledger,
    missing_requirements,
    new_game,
    raaderum,
    verdict,
)
from game.engine.batch import play_batch
from game.engine.model import Deck
from game.engine.optimise import Problem, optimise, problem_from_state
from game.engine.outcomes import game_seed

CHUNK = 50
"""Games per task handed to a worker process."""


@dataclass(frozen=True)
class GameRecord:
    """What one game came to."""

    index: int
    won: bool
    reasons: tuple[str, ...]
    raaderum: tuple[float, ...]
    service: int
    adopted: tuple[str, ...] = ()
    seen: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    hindsight_won: bool | None = None
    """Whether the optimiser's best plan with the cards the table saw wins (when asked)."""
    problem: Problem | None = None
    """The game in hindsight as the optimiser sees it (when asked): the cards the table saw,
    the events that came and the rules, so the diagnosis can ask what would have won."""
    capacity_short: int = 0
    """Rounds (when asked) that ended with a card on the table that only the capacity
    (belastning and træthed) kept out and that would have added to a year below its target."""
    construction_short: int = 0
    """The same, for cards that only the anlægsramme kept out."""


def _kept_out(state: GameState) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The table's cards that, as the round ends, only the capacity (first) or only the
    anlægsramme (second) keeps out: not excluded, their requirements adopted."""
    by_capacity: list[str] = []
    by_construction: list[str] = []
    for card in state.market:
        proposal = state.deck.proposal(card)
        if excluded_by(state, card) is not None or missing_requirements(state, proposal):
            continue
        added = ledger.fatigue_of(proposal)
        fits = ledger.fits(state.capacity, state.used_load, state.fatigue, proposal.load, added)
        room = construction_fits(state, proposal)
        if room and not fits:
            by_capacity.append(card)
        elif fits and not room:
            by_construction.append(card)
    return tuple(by_capacity), tuple(by_construction)


def _would_help(state: GameState, round_index: int, cards: Sequence[str]) -> bool:
    """True when one of ``cards``, adopted in ``round_index``, would have added råderum (at
    face value) to a year from then on that ended below its target."""
    missed = [y for y, result in enumerate(state.results) if y >= round_index and not result.met]
    for card in cards:
        proposal = state.deck.proposal(card)
        anchor = ledger.anchor(proposal, state.scenario)
        if any(ledger.face(proposal, round_index, y, anchor) > 0 for y in missed):
            return True
    return False


def _play_chunk(
    deck: Deck, scenario: str, strategy: str, seed: int, hindsight: bool, indices: Sequence[int]
) -> list[GameRecord]:
    records = []
    for index in indices:
        policy = BY_NAME[strategy].make()
        generator = np.random.default_rng([seed, index])
        state = new_game(deck, scenario, game_seed(seed, index))
        kept_out: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
        while not state.finished:
            action = policy(state, generator)
            if hindsight and isinstance(action, EndYear):
                kept_out.append(_kept_out(state))
            state = apply(state, action)
        outcome = verdict(state)
        problem = problem_from_state(state) if hindsight else None
        records.append(
            GameRecord(
                index=index,
                won=bool(outcome.won),
                reasons=outcome.reasons,
                raaderum=raaderum(state),
                service=state.service,
                adopted=state.adopted_ids(),
                seen=state.seen,
                events=tuple(e.card for e in state.events),
                # best_portfolio(state), with the problem kept for the diagnosis
                hindsight_won=None
                if problem is None
                else optimise(problem, [[(a.card, a.round) for a in state.adopted]]).won,
                problem=problem,
                capacity_short=sum(_would_help(state, r, c) for r, (c, _) in enumerate(kept_out)),
                construction_short=sum(
                    _would_help(state, r, c) for r, (_, c) in enumerate(kept_out)
                ),
            )
        )
    return records


def _batch(deck: Deck, scenario: str, seed: int, games: int) -> list[GameRecord]:
    result = play_batch(deck, scenario, [game_seed(seed, i) for i in range(games)])
    return [
        GameRecord(
            index=i,
            won=bool(result.won[i]),
            reasons=result.reasons(i),
            raaderum=tuple(float(v) for v in result.raaderum[i]),
            service=int(result.service[i]),
        )
        for i in range(games)
    ]


def play(
    deck: Deck,
    scenario: str,
    strategy: str,
    games: int,
    seed: int = 0,
    *,
    hindsight: bool = False,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[GameRecord]:
    """``games`` games of ``scenario`` played by ``strategy``, in game order. With
    ``hindsight`` each record says whether the optimiser's best plan in hindsight wins.
    ``progress`` is told how many games are done as they finish."""
    if strategy == "greedy" and not hindsight:
        records = _batch(deck, scenario, seed, games)
        if progress is not None:
            progress(games)
        return records
    task = partial(_play_chunk, deck, scenario, strategy, seed, hindsight)
    return map_chunks(task, range(games), chunk=CHUNK, workers=workers, progress=progress)
