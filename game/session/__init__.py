"""A game being played, without a window: the history, the settings, autosave, undo and redo,
the notices for the players and the clock (``GameController``). The window's scenes talk to
the controller; the controller talks to the engine and the saves."""

from game.engine.fatigue import FatigueYear, fatigue_years
from game.session.controller import DRAFT_KEPT, Clock, GameController, Notice
from game.session.debrief import (
    WhatIfJob,
    report_folder,
    reports_root,
    saved_game,
    write_session_report,
)

__all__ = [
    "DRAFT_KEPT",
    "Clock",
    "FatigueYear",
    "GameController",
    "Notice",
    "WhatIfJob",
    "fatigue_years",
    "report_folder",
    "reports_root",
    "saved_game",
    "write_session_report",
]
