"""Autosave, resume and replay: save files that never lose a workshop and never run anything.

Saves are JSON (never pickle). A save holds the deck's YAML texts and the action log; reading
one rebuilds the game by replaying the log through the rules engine. One game has one writer
(``open_for_writing``, ``GameSaver``), every file is written atomically and checked
(``game.saves.files``), and every refusal is a Danish reason, never the system's text.
"""

from game.saves.autosave import GameSaver, SaveStatus
from game.saves.copies import decisions_said
from game.saves.crashlog import crash_log_folder, write_crash_log
from game.saves.files import WriteFailed, folder_problem
from game.saves.listing import (
    ResumeChoice,
    choose_resume,
    counted_version,
    game_versions,
    list_saves,
    other_versions,
    scan_saves,
)
from game.saves.lock import (
    LOCK_HELD,
    LOCK_INTERRUPTED,
    LockHolder,
    SaveLock,
    SaveLocked,
    held_elsewhere,
    lock_holder,
    lock_states,
    open_for_writing,
)
from game.saves.model import (
    DamagedSave,
    GameSettings,
    PaperTable,
    RoundClock,
    SavedGame,
    SaveError,
    SaveInfo,
    SaveListing,
)
from game.saves.store import SaveStamp, copy_save, new_save_path, read_save, write_save

__all__ = [
    "LOCK_HELD",
    "LOCK_INTERRUPTED",
    "DamagedSave",
    "GameSaver",
    "GameSettings",
    "LockHolder",
    "PaperTable",
    "ResumeChoice",
    "RoundClock",
    "SaveError",
    "SaveInfo",
    "SaveListing",
    "SaveLock",
    "SaveLocked",
    "SaveStamp",
    "SaveStatus",
    "SavedGame",
    "WriteFailed",
    "choose_resume",
    "copy_save",
    "counted_version",
    "crash_log_folder",
    "decisions_said",
    "folder_problem",
    "game_versions",
    "held_elsewhere",
    "list_saves",
    "lock_holder",
    "lock_states",
    "new_save_path",
    "open_for_writing",
    "other_versions",
    "read_save",
    "scan_saves",
    "write_crash_log",
    "write_save",
]
