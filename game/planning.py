"""Plans of proposals written as ``ID[@ROUND]`` (for ``raaderum forecast``)."""

from __future__ import annotations

from collections.abc import Sequence

from game.engine.model import Deck, Scenario


class PlanError(ValueError):
    """A plan that cannot be read; the message is Danish and names the item."""


def parse_plan(deck: Deck, scenario: Scenario, items: Sequence[str]) -> list[tuple[str, int]]:
    """(proposal id, 0-based round) pairs from ``ID[@ROUND]`` strings (ROUND is 1-based).

    Raises ``PlanError`` for unknown ids, rounds outside the scenario, a proposal named
    twice, and pairs that exclude each other.
    """
    plan: list[tuple[str, int]] = []
    for item in items:
        pid, _, round_text = item.partition("@")
        if not deck.has_proposal(pid):
            raise PlanError(f"ukendt forslag '{pid}'")
        if pid not in scenario.proposals:
            raise PlanError(f"forslaget '{pid}' er ikke med i scenariet '{scenario.id}'")
        round_no = 1
        if round_text:
            try:
                round_no = int(round_text)
            except ValueError:
                raise PlanError(f"'{item}': runden skal være et tal") from None
        if not 1 <= round_no <= scenario.rounds:
            raise PlanError(
                f"'{item}': runden skal være mellem 1 og {scenario.rounds}",
            )
        if any(pid == other for other, _ in plan):
            raise PlanError(f"'{pid}' står to gange")
        for other, _ in plan:
            if other in deck.proposal(pid).excludes or pid in deck.proposal(other).excludes:
                raise PlanError(f"'{pid}' og '{other}' udelukker hinanden")
        plan.append((pid, round_no - 1))
    return plan
