"""Cards of a pile that another card of their kind beats on every count.

A card that gives at least as much in every year of the scenario (at its expected amounts),
takes no more belastning and gives no more træthed, keeps service at least as high, is no more
uncertain and no likelier to fail, needs no more anlæg, waits for no cards the other does not,
and shuts out no cards the other does not, is always the better choice of the two: a plan that
wants one card of that kind takes it first. Such a card is adopted in nearly every game where
its kind is needed – a dominant card in the balance report – and the card it outclasses only
when there is room for both. The balance advice names the pairs, so that a deck author gives
each card a strength of its own (decks/standard/README.md, "Hver sit kort").

Cards tied to calendar years (``Proposal.calendar_year``) are left out: their amounts do not
follow the year of adoption, so two of them compare only year by year in the ledger.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.engine.ledger import expected_factor, fatigue_of, realise
from game.engine.model import Deck, Proposal

TOLERANCE = 1e-9
"""Amounts and shares closer than this count as equal (in the deck's unit)."""


def expected_row(proposal: Proposal, years: int) -> tuple[float, ...]:
    """What ``proposal`` frees (+) or costs (−) in each of the first ``years`` years after
    its adoption, its gains at their expected amount (times 1 − failure), its costs as
    written, in the deck's unit."""
    factor = expected_factor(proposal)
    return tuple(realise(proposal.amount(offset), factor) for offset in range(years))


def _counts(proposal: Proposal, years: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The counts two cards are compared on: first the ones where more is better (each year's
    expected amount, service), then the ones where less is better (belastning, træthed,
    uncertainty, failure, anlæg)."""
    more = (*expected_row(proposal, years), float(proposal.service))
    less = (
        float(proposal.load),
        float(fatigue_of(proposal)),
        proposal.uncertainty,
        proposal.failure,
        proposal.construction,
    )
    return more, less


def outclasses(better: Proposal, other: Proposal, deck: Deck, years: int) -> bool:
    """True when ``better`` is of ``other``'s kind, at least as good on every count within
    ``years`` years and better on at least one (see the module docstring); False for cards
    that exclude each other (the group only ever chooses between them) or that are tied to
    calendar years."""
    if better.kind is not other.kind or better.id == other.id:
        return False
    if better.calendar_year is not None or other.calendar_year is not None:
        return False
    if other.id in deck.exclusive_with(better.id):
        return False
    if not set(better.requires) <= set(other.requires):
        return False
    shut_out = deck.exclusive_with(better.id) - {other.id}
    if not shut_out <= deck.exclusive_with(other.id) - {better.id}:
        return False
    more_b, less_b = _counts(better, years)
    more_o, less_o = _counts(other, years)
    pairs = [*zip(more_b, more_o, strict=True), *zip(less_o, less_b, strict=True)]
    if any(mine < theirs - TOLERANCE for mine, theirs in pairs):
        return False
    return any(mine > theirs + TOLERANCE for mine, theirs in pairs)


def outclassed(deck: Deck, pile: Iterable[str], years: int) -> dict[str, tuple[str, ...]]:
    """For each card id of ``pile`` the ids of the pile's cards it outclasses within the
    scenario's ``years`` (``outclasses``), in pile order; cards that outclass none are left
    out. Raises KeyError for an id the deck does not hold."""
    cards = [deck.proposal(pid) for pid in dict.fromkeys(pile)]
    found: dict[str, tuple[str, ...]] = {}
    for card in cards:
        beaten = tuple(other.id for other in cards if outclasses(card, other, deck, years))
        if beaten:
            found[card.id] = beaten
    return found
