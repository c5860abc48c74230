"""The strategies the balance harness plays, by name, with their Danish description.

Every strategy plays through the engine's public API. The one-sided ones lean on one or two
kinds of proposal and use the others only as tokens; a good deck makes them lose.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from game.engine.bots import POLICIES, Policy, board_one_sided_policy
from game.engine.model import Kind
from game.engine.planner import planner_policy


@dataclass(frozen=True)
class Strategy:
    """A strategy: how to make its policy, what it is called, and whether it is one-sided."""

    name: str
    label: str
    """Danish, for the table."""
    make: Callable[[], Policy]
    one_sided: bool = False
    side: str = ""
    """For a one-sided strategy, the kind of play it stands for: "savings" (savings, one token
    of each other kind), "no-investment" (one token investment) or "no-saving" (one token
    saving, no bridging savings)."""
    lookahead: bool = False
    """Plays with the optimiser (slow). ``raaderum balance --one-sided-games N`` plays the
    look-ahead one-sided strategies N games (the planner always plays ``--games``)."""


def _planned(name: str, label: str, tokens: set[Kind], side: str) -> Strategy:
    """A look-ahead one-sided strategy: the planner with at most one card of ``tokens``."""
    frozen = frozenset(tokens)
    return Strategy(
        name, label, lambda: planner_policy(frozen), one_sided=True, side=side, lookahead=True
    )


STRATEGIES: tuple[Strategy, ...] = (
    Strategy("random", "Tilfældig", lambda: POLICIES["random"]),
    Strategy("greedy", "Grådig (mest råderum pr. kapacitet)", lambda: POLICIES["greedy"]),
    Strategy("planner", "Planlægger (ser frem med optimeringen)", planner_policy, lookahead=True),
    Strategy(
        "savings-first",
        "Besparelser først (de største hvert år)",
        lambda: POLICIES["savings-first"],
        one_sided=True,
        side="savings",
    ),
    Strategy(
        "no-investment",
        "Ingen investeringer (højst én for syns skyld)",
        lambda: POLICIES["no-investment"],
        one_sided=True,
        side="no-investment",
    ),
    Strategy(
        "invest-first",
        "Investeringer og effektiviseringer uden brobyggende besparelser",
        lambda: POLICIES["invest-first"],
        one_sided=True,
        side="no-saving",
    ),
    # The same three kinds of one-sided play, planned as carefully as the planner plays: a
    # deck must make them lose too, not only the greedy versions.
    *(
        _planned(name, label, tokens, side)
        for name, label, tokens, side in (
            (
                "planner-savings",
                "Planlægger med besparelser (højst én af hver af de andre slags)",
                {Kind.EFFICIENCY, Kind.INVESTMENT},
                "savings",
            ),
            (
                "planner-no-investment",
                "Planlægger uden investeringer (højst én)",
                {Kind.INVESTMENT},
                "no-investment",
            ),
            (
                "planner-no-saving",
                "Planlægger uden brobyggende besparelser (højst én besparelse)",
                {Kind.SAVING},
                "no-saving",
            ),
        )
    ),
)

# … and played by the board's figures, hoping for good draws (a strategy an outside bot
# found: one strong investment, then efficiencies and savings, wins where the planned one
# gives up).
STRATEGIES = (
    *STRATEGIES,
    *(
        Strategy(
            name,
            label,
            functools.partial(board_one_sided_policy, frozenset(main)),
            one_sided=True,
            side=side,
        )
        for name, label, main, side in (
            (
                "board-savings",
                "Besparelser efter brættets tal (af hver af de andre slags kun den stærkeste)",
                {Kind.SAVING},
                "savings",
            ),
            (
                "board-no-investment",
                "Uden investeringer efter brættets tal (kun den stærkeste)",
                {Kind.SAVING, Kind.EFFICIENCY},
                "no-investment",
            ),
            (
                "board-no-saving",
                "Uden brobyggende besparelser efter brættets tal (kun den stærkeste)",
                {Kind.EFFICIENCY, Kind.INVESTMENT},
                "no-saving",
            ),
        )
    ),
)

BY_NAME: dict[str, Strategy] = {s.name: s for s in STRATEGIES}
BEST_CANDIDATES = ("greedy", "planner")
"""The balanced strategies; the better of them on a scenario is that scenario's best."""


def spoken(name: str) -> str:
    """A strategy's Danish name in a sentence of the report: its label up to the explanation
    in brackets, in quotes (»Planlægger«, »Besparelser først«); an unknown name as it is."""
    strategy = BY_NAME.get(name)
    return f"»{strategy.label.split(' (')[0]}«" if strategy is not None else name
