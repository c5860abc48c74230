"""What the window remembers from one session to the next: the language and the deck.

A facilitator at an international course who switched to English, or a budget office that
plays its own deck, should not have to choose again in every new window. The choices live in
``preferences.json`` in the user's data folder (``game.paths.user_dir``: next to ``saves``),
JSON that is only ever read as data. The file is a convenience: a missing, damaged or foreign
file reads as the defaults (Danish, the standard deck), and a folder that cannot be written
leaves the choice for this window only. Neither ever stops the game.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from game.paths import user_dir
from game.saves.files import WriteFailed, write_file

PREFERENCES_FILE = "preferences.json"
MAX_BYTES = 64 * 1024
"""A preferences file larger than this is not ours (it holds two short fields)."""


class Preferences(BaseModel):
    """The remembered choices. ``lang``: the window's language ("da" or "en"); ``deck``: the
    path of the deck last opened on the start screen (None: the standard deck)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    lang: Literal["da", "en"] = "da"
    deck: str | None = None


def preferences_path() -> Path:
    """The preferences file in the user's data folder ($RAADERUM_HOME when set)."""
    return user_dir() / PREFERENCES_FILE


def read_preferences(path: Path) -> Preferences:
    """The preferences in ``path``; the defaults when the file is missing, unreadable, too
    large, not JSON or not preferences (a field it does not know is ignored, one of the wrong
    type or value makes the whole file read as the defaults), or no regular file (a FIFO held
    the window before it opened). Never raises."""
    try:
        if not path.is_file():
            return Preferences()
        with open(path, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError:
        return Preferences()
    if len(data) > MAX_BYTES:
        return Preferences()
    try:
        return Preferences.model_validate(json.loads(data.decode("utf-8-sig")))
    except (UnicodeDecodeError, ValueError, ValidationError, RecursionError):
        return Preferences()


def write_preferences(path: Path, preferences: Preferences) -> bool:
    """Write ``preferences`` to ``path`` atomically (``game.saves.files``); False, and the old
    file untouched, when it cannot be written (a read-only profile, a full disk)."""
    text = json.dumps(preferences.model_dump(), ensure_ascii=False, indent=2) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file(path, text.encode("utf-8"))
    except (OSError, WriteFailed):
        return False
    return True


def remember(path: Path | None, **changes: str | None) -> Preferences | None:
    """Read the preferences at ``path``, change the fields given, write them back, and return
    them (None when ``path`` is None: a window that remembers nothing, as in tests). A file
    that cannot be written leaves the change for this window only."""
    if path is None:
        return None
    updated = Preferences.model_validate({**read_preferences(path).model_dump(), **changes})
    write_preferences(path, updated)
    return updated
