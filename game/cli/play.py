"""``raaderum play`` (the window; a save resumed under its lock, or in a copy) and ``raaderum
report``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.cli.common import UsageError, file_problem, reader_lang, save_problem, usage_error
from game.launcher import said_by
from game.messages import (
    Message,
    render,
)

if TYPE_CHECKING:
    from game.saves.lock import SaveLock


def _resume_target(args: argparse.Namespace, folder: Path) -> Path | None:
    """The save ``--resume`` continues (None: let the window say there is none). Raises
    ``UsageError`` for a damaged or unreadable save, naming the older game it could resume."""
    from game.saves import SaveError, choose_resume, read_save

    if args.resume:
        path = Path(args.resume)
        try:
            read_save(path)
        except SaveError as error:
            raise save_problem(error) from None
        return path
    choice = choose_resume(folder)
    if choice.said is not None:
        raise UsageError(choice.said)
    for note in choice.said_notes:
        print(f"{said_by('play')}: {render(note, reader_lang(args))}", file=sys.stderr)
    return choice.path


def lock_for_play(args: argparse.Namespace, path: Path, folder: Path) -> tuple[SaveLock, Path]:
    """Take the lock of the save to resume, or (with ``--as-copy``) continue in a copy when
    another window has it – next to the save unless ``--save-dir`` is given; returns the lock
    and the save to play. Raises ``UsageError``."""
    from game.paths import command_word
    from game.saves import SaveError, SaveLocked, copy_save, open_for_writing
    from game.saves.autosave import open_game_for_writing
    from game.saves.files import display_path

    blocked: SaveError
    try:
        return open_game_for_writing(path), path
    except SaveLocked as error:
        if not args.as_copy:
            word = command_word(display_path(path))  # pasted whole, spaces and all
            raise usage_error("cli.locked", problem=file_problem(error), word=word) from None
        blocked = error
    except SaveError as error:
        if not args.as_copy:
            raise usage_error("cli.use_copy", problem=file_problem(error)) from None
        blocked = error
    # the copy goes next to the save (a conference's shared folder), unless --save-dir says
    # where; a folder the copy cannot be written in falls back to the save folder
    places = [folder] if getattr(args, "save_dir", None) else [path.parent, folder]
    for place in places:
        try:
            copy = copy_save(path, place)
            lock = open_for_writing(copy)
            break
        except SaveError as error:
            if place == places[-1]:
                raise save_problem(error) from None
    said = Message.of("cli.in_copy", reason=blocked.said, path=display_path(copy))
    print(f"{said_by('play')}: {render(said, reader_lang(args))}", file=sys.stderr)
    return lock, copy


def cmd_play(args: argparse.Namespace) -> int:
    """``raaderum play``: check the save folder (and with ``--resume`` the save and its lock)
    before a window that skips the start screen opens (the start screen says a folder's
    problem itself and takes another), then run the window. Exit 2 with a Danish line on a problem,
    3 when the game ended unsaved (see ``game.ui.app``)."""
    from game.saves import folder_problem
    from game.ui.launch import save_folder

    if args.as_copy and args.resume is None:  # it was ignored, and the start screen opened
        raise usage_error("cli.as_copy_alone")
    folder = save_folder(args)
    problem = folder_problem(folder)
    # only a window that skips the start screen is refused here: the start screen says what
    # is wrong with the folder and takes another (a locked-down laptop whose save folder
    # cannot be written opened no window at all from "Start Råderumsspillet.bat")
    skips_start = (
        args.resume is not None
        or getattr(args, "autoplay", None)
        or any(getattr(args, name, None) is not None for name in ("scenario", "target", "seed"))
    )
    if problem is not None and skips_start:
        from game.saves.files import display_path

        where = Message.of(
            "cli.file_problem", file=display_path(problem.path), problem=problem.said
        )
        raise usage_error("cli.other_folder", problem=where)
    lock = None
    if args.resume is not None:
        path = _resume_target(args, folder)
        if path is not None:
            lock, path = lock_for_play(args, path, folder)
            args.resume = str(path)
    try:
        from game.ui.launch import play

        return play(args)
    finally:
        if lock is not None:
            lock.release()


def cmd_report(args: argparse.Namespace) -> int:
    """``raaderum report``: the report, with board.png drawn off-screen by the game window's
    own renderer (handed in, so ``game.report`` draws nothing itself)."""
    from game.report.commands import run_report
    from game.ui.app import report_board

    return run_report(args, board_picture=report_board)
