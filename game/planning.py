"""Plans of proposals written as ``ID[@ROUND]`` (for ``raaderum forecast``)."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from game.engine import ledger
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

    Raises ``PlanError`` for unknown ids (with the closest id of the scenario), rounds
    outside the scenario, a proposal named twice, pairs that exclude each other, a proposal
    whose required proposal is not adopted in the same round or before, anlæg beyond the
    scenario's anlægsramme and a round that needs more than its capacity – the plans the game
    itself would refuse.
    """
    plan: list[tuple[str, int]] = []
    years = ", ".join(scenario.years)
    for item in items:
        pid, at, round_text = item.partition("@")
        if not pid.strip():  # "@2" was told "ukendt forslag ''"
            raise PlanError("no_card", item=item)
        if at and not round_text.strip():
            # "vakancer@" was read as round 1; raaderum enter refuses it
            raise PlanError("round_number", item=item, years=years)
        if not deck.has_proposal(pid):
            close = difflib.get_close_matches(pid, scenario.proposals, n=1, cutoff=0.6)
            if close:
                raise PlanError("unknown_close", card=pid, close=close[0])
            raise PlanError("unknown", card=pid)
        if pid not in scenario.proposals:
            raise PlanError("not_in_scenario", card=pid, scenario=scenario.id)
        round_no = 1
        if round_text:
            try:
                round_no = int(round_text)
            except ValueError:
                raise PlanError("round_number", item=item, years=years) from None
        if not 1 <= round_no <= scenario.rounds:
            raise PlanError("round_range", item=item, rounds=scenario.rounds, years=years)
        if any(pid == other for other, _ in plan):
            raise PlanError("twice", card=pid)
        for other, _ in plan:
            if other in deck.proposal(pid).excludes or pid in deck.proposal(other).excludes:
                raise PlanError("excluded", card=pid, other=other)
        plan.append((pid, round_no - 1))
    rounds = dict(plan)
    for pid, round_index in plan:
        for needed in deck.proposal(pid).requires:
            if needed not in rounds or rounds[needed] > round_index:
                raise PlanError("requires", card=pid, needed=needed, round=round_index + 1)
    budget = scenario.construction_budget
    total = sum(deck.proposal(pid).construction for pid, _ in plan)
    if budget is not None and total > budget + 1e-9:
        raise PlanError("construction", total=total, budget=budget, unit=deck.unit)
    _check_capacity(deck, scenario, plan)
    return plan


def _check_capacity(deck: Deck, scenario: Scenario, plan: Sequence[tuple[str, int]]) -> None:
    """Raise ``PlanError("capacity")`` for the first round whose adoptions need more than the
    round's capacity: their belastning and the capacity the træthed takes (the træthed left
    from the years before, after the year end's recovery, and each adoption's own), as the
    game counts them (``ledger``; events, which the forecast leaves out, would only add). A
    plan of eight cards in the first year needing 33 of 24 was shown as a valid forecast."""
    fatigue = 0
    for round_index in range(scenario.rounds):
        cards = [deck.proposal(pid) for pid, at in plan if at == round_index]
        carried = ledger.lost_capacity(fatigue)  # the træthed left from the years before
        used = sum(card.load for card in cards)
        fatigue += sum(ledger.fatigue_of(card) for card in cards)
        if ledger.capacity_left(scenario.capacity, used, fatigue) < 0:
            # the next round to move cards to, or – in the last – fewer cards or an earlier
            # round (a re-test was told "en senere runde (fx @2)" for round 4 of 4)
            last = round_index == scenario.rounds - 1
            raise PlanError(
                ("capacity_last" if last else "capacity") + (".carried" if carried else ""),
                round=round_index + 1,
                year=scenario.years[round_index],
                needed=used + ledger.lost_capacity(fatigue),
                capacity=scenario.capacity,
                count=len(cards),
                carried=carried,
                next=round_index + 2,
            )
        fatigue = ledger.recovered(fatigue, sum(ledger.service_lift(card) for card in cards))
