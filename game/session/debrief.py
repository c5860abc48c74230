"""The debrief's work that needs no window: the what-if computed in the background, and the
session report of the game in play written into a new folder."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from game.engine import GameState
from game.paths import saves_dir, user_dir
from game.saves import SavedGame, read_save
from game.session.controller import GameController
from game.session.jobs import Job

if TYPE_CHECKING:
    from game.engine.whatif import WhatIf
    from game.report import BoardPicture


class WhatIfJob(Job["WhatIf"]):
    """``what_if(state)`` computed in a background thread (or at once with
    ``background=False``), so the window stays responsive while the group talks. ``result``
    is None until it is done; ``error`` says why it failed ("" otherwise)."""

    def __init__(self, state: GameState, *, background: bool = True) -> None:
        self.state = state

        def work() -> WhatIf:
            from game.engine.whatif import what_if  # the solver loads when a debrief needs it

            return what_if(state)

        super().__init__(work, background=background)


def reports_root(save_dir: Path | None) -> Path:
    """The folder that holds the reports written from the window (``report_folder``): next to
    the default save folder (``user_dir()/saves``), inside any other save folder (one chosen
    with ``--save-dir``, even one that happens to be called "saves")."""
    if save_dir is None or save_dir == saves_dir():
        return user_dir() / "reports"
    return save_dir / "reports"


def report_folder(save_dir: Path | None, prefix: str = "") -> Path:
    """A new, not yet existing folder ``reports/<prefix><timestamp>`` where the facilitator
    finds it: next to the default save folder (``…/raaderum/saves`` → ``…/raaderum/reports``),
    inside a save folder chosen with ``--save-dir`` (``D:/Konference`` →
    ``D:/Konference/reports``; before, reports went to the chosen folder's parent, e.g. the
    user's home folder for a folder on the desktop). Neither the save list nor the comparison
    looks into sub-folders, so the reports' files are never taken for saves."""
    root = reports_root(save_dir)
    stamp = f"{prefix}{datetime.now().strftime('%Y%m%d-%H%M%S')}"
    folder = root / stamp
    suffix = 2
    while folder.exists():
        folder = root / f"{stamp}-{suffix}"
        suffix += 1
    return folder


def saved_game(game: GameController) -> SavedGame:
    """The game in play as a save: read back from its file when it is saved, else built from
    the controller (a game played without a save folder)."""
    if game.save_path is not None and game.save_path.exists():
        return read_save(game.save_path)
    if game.history is None or game.settings is None:
        raise RuntimeError("no game is running")
    now = datetime.now().astimezone().isoformat(timespec="seconds")
    return SavedGame(
        path=game.save_path or Path("game.json"),
        deck=game.deck,
        settings=game.settings,
        history=game.history,
        created=game.created or now,
        updated=now,
    )


def write_session_report(
    game: GameController,
    lang: str,
    board_picture: BoardPicture | None,
    whatif: WhatIf | None = None,
) -> list[Path]:
    """Write the session report of the game in play into a new folder under the user's data
    folder (``report_folder``) with board.png drawn by ``board_picture``; returns the files
    written. Raises ``game.saves.WriteFailed`` or ``SaveError`` when it cannot be written."""
    from game.report import write_report  # loaded when a report is written, not at start-up

    folder = report_folder(game.save_dir)
    saved = saved_game(game)
    return write_report(saved, folder, lang=lang, whatif=whatif, board_picture=board_picture)
