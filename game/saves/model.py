"""The values the save module hands to the rest of the game."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.engine.history import History
from game.engine.model import Deck


def one_line(text: str, limit: int = 300) -> str:
    """``text`` on one line (control characters become spaces), shortened to ``limit``."""
    flat = "".join(" " if ord(ch) < 32 or ord(ch) == 127 else ch for ch in text)
    flat = " ".join(flat.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class SaveError(Exception):
    """A save that cannot be written or read. ``str(error)`` is one Danish line.

    ``path`` is the file concerned and ``reason`` the message without the file name.
    """

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = one_line(reason)
        super().__init__(f"{one_line(str(path), 200)}: {self.reason}")


@dataclass(frozen=True)
class GameSettings:
    """How a game was started: the scenario, the seed and the facilitator's choices."""

    scenario: str
    seed: int
    target: float | None
    """Råderum to find each year (mio. kr.); None = the scenario's own targets."""
    lang: str = "da"
    timer_minutes: float | None = None
    """Optional round timer of the facilitator."""


@dataclass(frozen=True)
class SavedGame:
    """A save read back: the deck copy inside it and the history rebuilt by replaying its log."""

    path: Path
    deck: Deck
    settings: GameSettings
    history: History
    created: str
    """ISO 8601 local time of the first save of this game."""
    updated: str
    """ISO 8601 local time of the latest save."""


@dataclass(frozen=True)
class SaveInfo:
    """One line of the start screen's "Fortsæt" list."""

    path: Path
    updated: str
    deck_title: str
    scenario_title: str
    round: int
    """0-based round being played (equals ``rounds`` once the game is finished)."""
    rounds: int
    finished: bool
