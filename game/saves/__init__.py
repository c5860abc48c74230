"""Autosave, resume and replay: save files that never lose a workshop and never run anything.

Saves are JSON (never pickle). A save holds the deck's YAML texts and the action log; reading
one rebuilds the game by replaying the log through the rules engine.
"""

from game.saves.crashlog import write_crash_log
from game.saves.model import GameSettings, SavedGame, SaveError, SaveInfo
from game.saves.store import list_saves, new_save_path, read_save, write_save

__all__ = [
    "GameSettings",
    "SaveError",
    "SaveInfo",
    "SavedGame",
    "list_saves",
    "new_save_path",
    "read_save",
    "write_crash_log",
    "write_save",
]
