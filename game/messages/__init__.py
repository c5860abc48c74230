"""Everything a user reads, one catalogue per language, looked up by key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Message:
    """A message as data: its catalogue ``key`` and the ``params`` that fill its
    ``{placeholders}`` (sorted name/value pairs, so a message is hashable and comparable)."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, key: str, **params: Any) -> Message:
        """``Message.of("toast.undone")``, ``Message.of("error.save_failed", reason=…)``."""
        return cls(key, tuple(sorted(params.items())))

    @property
    def kwargs(self) -> dict[str, Any]:
        """The parameters as a dict."""
        return dict(self.params)
