"""One-line explanations of illegal moves found in a save's action log, as messages
(``save.illegal.<refusal code>`` in the catalogue)."""

from __future__ import annotations

from game.engine.rules import MAX_TARGET, IllegalAction
from game.messages import Message, render


def _short(value: object, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _amount(value: object) -> float | str:
    return float(value) if isinstance(value, (int, float)) else "?"


def illegal_message(error: IllegalAction) -> Message:
    """Why a move is illegal, from the error's ``code`` and ``params``."""
    p = error.params
    known = {
        "game_over",
        "already_adopted",
        "unknown_card",
        "not_in_market",
        "over_capacity",
        "excluded",
        "note_too_long",
        "bad_target",
        "not_adopted",
        "unknown_action",
        "bad_chance",
        "requires",
        "over_construction",
    }
    if error.code not in known:
        return Message.of("say", text=_short(error.reason, 120))
    return Message.of(
        f"save.illegal.{error.code}",
        card=_short(p.get("card", "?")),
        other=_short(p.get("other", "?")),
        load=p.get("load", "?"),
        left=p.get("left", "?"),
        limit=p.get("limit", "?"),
        most=_amount(p.get("limit", MAX_TARGET)),
        construction=_amount(p.get("construction")),
        left_amount=_amount(p.get("left")),
    )


def illegal_reason(error: IllegalAction) -> str:
    """Why a move is illegal, in Danish."""
    return render(illegal_message(error))
