"""What the players are told about saving, as messages: the banner while the game is not in
its save file ("Spillet er ikke gemt siden beslutning 5: disken er fuld."), and the outcome
of saving elsewhere. The causes come from ``game.saves`` in Danish; the frame around them is
worded in the window's language."""

from __future__ import annotations

from game.messages import Message
from game.saves import SaveStatus


def unsaved_message(status: SaveStatus | None, cause: str | None = None) -> Message | None:
    """The banner's sentence while the game on screen is not in its save file (None while it
    is): since which decision, and why (``cause`` when the game never got a file at all)."""
    if status is None:
        return None if cause is None else Message.of("save.never", cause=cause)
    if status.ok or status.error is None:
        return None
    reason = status.error.cause
    since = status.unsaved_since
    if since is None:
        return Message.of("save.never", cause=reason)
    if since == 0:
        return Message.of("save.not_since_start", cause=reason)
    return Message.of("save.not_since", count=since, cause=reason)
