"""Plans of proposals written as ``ID[@ROUND]`` (for ``raaderum forecast``)."""

from __future__ import annotations

from collections.abc import Sequence

from game.engine.model import Deck, Scenario


class PlanError(ValueError):
    """A plan that cannot be read: ``key`` names the problem in the message catalogue
    (``plan.<key>`` in ``game.messages``) and ``params`` fill it; the command line words it
    in the reader's language."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(f"plan.{key}: {params}")
        self.key = f"plan.{key}"
        self.params = params


def parse_plan(deck: Deck, scenario: Scenario, items: Sequence[str]) -> list[tuple[str, int]]:
    """(proposal id, 0-based round) pairs from ``ID[@ROUND]`` strings (ROUND is 1-based).

    Raises ``PlanError`` for unknown ids, rounds outside the scenario, a proposal named
    twice, and pairs that exclude each other.
    """
    plan: list[tuple[str, int]] = []
    for item in items:
        pid, _, round_text = item.partition("@")
        if not deck.has_proposal(pid):
            raise PlanError("unknown", card=pid)
        if pid not in scenario.proposals:
            raise PlanError("not_in_scenario", card=pid, scenario=scenario.id)
        round_no = 1
        if round_text:
            try:
                round_no = int(round_text)
            except ValueError:
                raise PlanError("round_number", item=item) from None
        if not 1 <= round_no <= scenario.rounds:
            raise PlanError("round_range", item=item, rounds=scenario.rounds)
        if any(pid == other for other, _ in plan):
            raise PlanError("twice", card=pid)
        for other, _ in plan:
            if other in deck.proposal(pid).excludes or pid in deck.proposal(other).excludes:
                raise PlanError("excluded", card=pid, other=other)
        plan.append((pid, round_no - 1))
    return plan
