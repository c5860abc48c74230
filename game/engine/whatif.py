"""The debrief's what-if: what happened, what the same choices would have given, and the best
portfolio the cards of the game would have allowed.

* ``actual``: the realised råderum per year (the hidden factors as drawn).
* ``expected``: the same adoptions with every factor exactly as expected (m = 1, the face
  value), with the drawn events.
* ``worst10``: the same adoptions, the 10 % quantile per year of a Monte Carlo in which every
  adopted proposal's factor is drawn afresh (the events stay as drawn). Seeded from the
  game's seed, so the same game always gives the same figures.
* ``best_plan``/``best``/``best_met_all``: the optimiser's portfolio (``optimise``) and its
  råderum per year at m = 1, events as drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.engine.forecast import build_portfolio, drawn_events, sample_totals
from game.engine.optimise import best_portfolio
from game.engine.rules import shown_raaderum
from game.engine.state import GameState

WHATIF_SEED_SALT = 0x5EED_0F_5
"""Mixed into the game seed so the what-if's draws differ from the game's own."""


@dataclass(frozen=True)
class WhatIf:
    """Per-year figures of the what-if (all in the deck's unit, usually mio. kr.)."""

    years: tuple[str, ...]
    target: tuple[float, ...]
    actual: tuple[float, ...]
    expected: tuple[float, ...]
    """The same choices with every card at its face value (factor 1, as the best plan counts
    them): "Som på kortene", not the mean of the outcomes (``forecast.expected_amounts``)."""
    worst10: tuple[float, ...]
    best_plan: tuple[tuple[str, int], ...]
    best: tuple[float, ...]
    best_met_all: bool
    best_exact: bool = True
    """False when HiGHS could not prove the plan optimal within its time limit."""
    best_service: int | None = None
    """The service level the best plan ends on (None: not known)."""
    best_won: bool | None = None
    """Whether the best plan wins by every rule – the targets, all three kinds and the service
    floor (None: not known). A plan can meet every year and still lose on the floor."""

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form (amounts rounded to 4 decimals)."""
        return {
            "years": list(self.years),
            "target": list(self.target),
            "actual": [round(v, 4) for v in self.actual],
            "expected": [round(v, 4) for v in self.expected],
            "worst10": [round(v, 4) for v in self.worst10],
            "best_plan": [[pid, start] for pid, start in self.best_plan],
            "best": [round(v, 4) for v in self.best],
            "best_met_all": self.best_met_all,
            "best_exact": self.best_exact,
            "best_service": self.best_service,
            "best_won": self.best_won,
        }


def what_if(state: GameState, samples: int = 4000) -> WhatIf:
    """The what-if of a game (normally a finished one; for an unfinished game the years not
    yet played count only what has been decided so far, and ``actual`` gives them as the
    board shows them, ``shown_raaderum``: a report of a half-played table said 17,2 for a year
    its board and chart said 23,6, and so told the room that an investment would fail)."""
    deck = state.deck
    years = state.scenario.rounds
    plan = [(deck.proposal(a.card), a.round) for a in state.adopted]
    portfolio = build_portfolio(plan, years, np.array(drawn_events(state)), state.scenario)
    expected = portfolio.fixed + portfolio.gains.sum(axis=0)
    generator = np.random.default_rng([state.seed % 2**63, WHATIF_SEED_SALT])
    totals = sample_totals(portfolio, max(1, samples), generator)
    worst10 = np.quantile(totals, 0.1, axis=0)
    best = best_portfolio(state)
    return WhatIf(
        years=state.scenario.years,
        target=state.targets,
        actual=shown_raaderum(state),
        expected=tuple(float(v) for v in expected),
        worst10=tuple(float(v) for v in worst10),
        best_plan=best.plan,
        best=best.raaderum,
        best_met_all=best.met_all,
        best_exact=best.exact,
        best_service=best.service,
        best_won=best.won,
    )
