"""The moves of the game. Actions are small values that name cards by id.

Every action turns into a plain dict (``to_dict``) and back (``action_from_dict``), so the
action log can be saved as JSON and replayed.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Adopt:
    """Adopt the proposal ``card`` from the market, optionally with the group's reason."""

    card: str
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain-dict form for saves."""
        data: dict[str, Any] = {"type": "adopt", "card": self.card}
        if self.note:
            data["note"] = self.note
        return data


@dataclass(frozen=True)
class EndYear:
    """Close the current budget year: its result becomes final and the next round starts."""

    def to_dict(self) -> dict[str, Any]:
        """Plain-dict form for saves."""
        return {"type": "end_year"}


@dataclass(frozen=True)
class Annotate:
    """Write or replace the group's note ("hvorfor?") on an adopted proposal."""

    card: str
    note: str

    def to_dict(self) -> dict[str, Any]:
        """Plain-dict form for saves."""
        return {"type": "annotate", "card": self.card, "note": self.note}


@dataclass(frozen=True)
class SetTarget:
    """Set the facilitator's X (the last year's target, see ``rules.scaled_targets``) for
    the current and all later years; closed years keep their target."""

    amount: float

    def __post_init__(self) -> None:
        # a numpy number (np.float32(45), np.int64(45)) becomes a plain float, so that the
        # action log can be written as JSON; anything else is refused by ``apply``
        # (a whole number too large for a float becomes an infinite one, refused the same way)
        if isinstance(self.amount, numbers.Real) and not isinstance(self.amount, (bool, float)):
            try:
                amount = float(self.amount)
            except OverflowError:
                amount = math.inf if self.amount > 0 else -math.inf
            object.__setattr__(self, "amount", amount)

    def to_dict(self) -> dict[str, Any]:
        """Plain-dict form for saves."""
        return {"type": "set_target", "amount": self.amount}


Action = Adopt | EndYear | Annotate | SetTarget

MAX_NOTE_LENGTH = 280


class ActionFormatError(ValueError):
    """A dict that does not describe an action (e.g. in a hand-edited save). Its text is the
    reason in English; ``field`` names the key that is wrong (None: the action as a whole),
    ``problem`` says how, for a reader that words it in its own language: "not_object",
    "no_type", "unknown_type", "unknown_keys" (``field``: the unknown keys, comma-separated),
    "missing", "not_text", "empty", "not_number", "too_large"; ``value`` is what the field
    holds."""

    def __init__(
        self, reason: str, *, problem: str, field: str | None = None, value: Any = None
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.problem = problem
        self.field = field
        self.value = value

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled whole, as ``IllegalAction`` (its keyword arguments were lost)
        return (_format_error, (self.reason, self.problem, self.field, self.value))


def _format_error(reason: str, problem: str, field: str | None, value: Any) -> ActionFormatError:
    """``ActionFormatError`` rebuilt from a pickle."""
    return ActionFormatError(reason, problem=problem, field=field, value=value)


def _text(data: dict[str, Any], key: str, *, required: bool = True) -> str:
    kind = data.get("type")
    if key not in data:
        if not required:
            return ""
        raise ActionFormatError(
            f"action {kind!r} needs text in {key!r}", problem="missing", field=key
        )
    value = data[key]
    if not isinstance(value, str):
        raise ActionFormatError(
            f"action {kind!r} needs text in {key!r}, not {type(value).__name__}",
            problem="not_text",
            field=key,
            value=value,
        )
    if required and not value:
        raise ActionFormatError(
            f"action {kind!r} needs text in {key!r}, not an empty text", problem="empty", field=key
        )
    return value


def action_from_dict(data: Any) -> Action:
    """Rebuild an action from its dict form. Raises ``ActionFormatError`` when malformed,
    naming the field that is wrong and why (``ActionFormatError.field``, ``.problem``)."""
    if not isinstance(data, dict):
        raise ActionFormatError("an action must be an object", problem="not_object", value=data)
    kind = data.get("type")
    if not isinstance(kind, str):
        raise ActionFormatError(
            f"an action needs its type as text, not {type(kind).__name__}",
            problem="no_type",
            field="type",
            value=kind,
        )
    allowed: dict[str, set[str]] = {
        "adopt": {"type", "card", "note"},
        "end_year": {"type"},
        "annotate": {"type", "card", "note"},
        "set_target": {"type", "amount"},
    }
    if kind not in allowed:
        raise ActionFormatError(
            f"unknown action type {kind!r}", problem="unknown_type", field="type", value=kind
        )
    extra = sorted(str(key) for key in set(data) - allowed[kind])
    if extra:
        raise ActionFormatError(
            f"action {kind!r} has unknown keys: {', '.join(extra)}",
            problem="unknown_keys",
            field=", ".join(extra),
        )
    if kind == "adopt":
        return Adopt(_text(data, "card"), _text(data, "note", required=False))
    if kind == "end_year":
        return EndYear()
    if kind == "annotate":
        return Annotate(_text(data, "card"), _text(data, "note", required=False))
    if "amount" not in data:
        raise ActionFormatError(
            "set_target needs a number in 'amount'", problem="missing", field="amount"
        )
    amount = data["amount"]
    if isinstance(amount, bool) or not isinstance(amount, (int, float)):
        raise ActionFormatError(
            "set_target needs a number in 'amount'",
            problem="not_number",
            field="amount",
            value=amount,
        )
    try:
        return SetTarget(float(amount))
    except OverflowError:  # a whole number of hundreds of digits, typed into a save
        raise ActionFormatError(
            "set_target's 'amount' is too large to be a target",
            problem="too_large",
            field="amount",
            value=amount,
        ) from None
