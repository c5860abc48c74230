"""Where each card lies on the table during a round: its place, and so its number, stays the
same until the table is filled up again at the next round.

The engine's market is the cards that can still be adopted, in the order they were laid out;
a card adopted (or ruled out by an adopted card) leaves it, and the cards after it would move
up and take new numbers. A group that talks about "nummer 7" must still find it at number 7
after someone adopted number 3, so the board keeps the round's first layout and shows a card
that left as an empty place saying why. The layout of a round is read from the game's history
(the first state of the round), so undo, redo and a resumed game give the same places.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.engine import GameState


@dataclass(frozen=True)
class Slot:
    """One place on the table: its card, and why it left (None while it lies there)."""

    card: str
    left: str | None = None
    """"adopted" (adopted this round) or "gone" (no longer on the table for another reason; a
    card ruled out by an adopted one stays, greyed, until the table is filled up)."""

    @property
    def open(self) -> bool:
        """True while the card lies on the table (it can be chosen)."""
        return self.left is None


def round_start(states: Sequence[GameState]) -> GameState:
    """The first state of the last state's round in ``states`` (a game's history in order)."""
    current = states[-1]
    first = current
    for state in reversed(states):
        if state.round != current.round or state.finished != current.finished:
            break
        first = state
    return first


def table_slots(states: Sequence[GameState]) -> tuple[Slot, ...]:
    """The places on the table now: the round's first layout, with the cards that left since
    marked, then any card laid out since (none in the rules today).
    ``states`` is the game's history (at least the current state); empty when it is over."""
    current = states[-1]
    if current.finished:
        return ()
    now = set(current.market)
    adopted = {a.card for a in current.adopted if a.round == current.round}
    slots = []
    for card in round_start(states).market:
        if card in now:
            slots.append(Slot(card))
        else:
            slots.append(Slot(card, "adopted" if card in adopted else "gone"))
    laid = {slot.card for slot in slots}
    slots += [Slot(card) for card in current.market if card not in laid]
    return tuple(slots)
