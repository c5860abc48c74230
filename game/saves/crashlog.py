"""The crash safety net: an unexpected exception is written to a log file with its traceback."""

from __future__ import annotations

import platform
import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

import game
from game.saves.files import Output, WriteFailed, write_files


def crash_log_folder(save_dir: Path) -> Path:
    """Where crash logs of a game saving into ``save_dir`` go: ``<save_dir>/logs``, inside the
    folder the user chose (so a facilitator who sends "the save folder" sends the logs too)."""
    return Path(save_dir) / "logs"


def _log_dirs(save_dir: Path) -> list[Path]:
    return [crash_log_folder(save_dir), Path(tempfile.gettempdir()) / "raaderum" / "logs"]


def write_crash_log(save_dir: Path, error: BaseException) -> Path:
    """Write ``error``'s traceback to ``<save_dir>/logs/crash-<time>.log``; return the path.

    Falls back to the system's temp folder when the save folder cannot be written, so the
    report is never lost because of where it was meant to go; the returned path says where it
    went (crash messages show it). Raises ``WriteFailed`` when no folder can take it.
    """
    moment = datetime.now().astimezone()
    name = f"crash-{moment.strftime('%Y%m%d-%H%M%S-%f')}.log"
    lines = [
        f"Råderumsspillet {getattr(game, '__version__', '?')} – uventet fejl",
        f"tidspunkt: {moment.isoformat(timespec='seconds')}",
        f"python: {sys.version.split()[0]} på {platform.platform()}",
        f"gemte spil: {save_dir}",
        "",
        *traceback.format_exception(type(error), error, error.__traceback__),
    ]
    text = "\n".join(line.rstrip("\n") for line in lines) + "\n"
    data = text.encode("utf-8", "backslashreplace")
    last: WriteFailed | None = None
    for directory in _log_dirs(Path(save_dir)):
        target = directory / name
        try:
            directory.mkdir(parents=True, exist_ok=True)
            write_files([Output(target, data)], verb="fejlrapporten kunne ikke skrives")
            return target
        except OSError as problem:
            last = WriteFailed(directory, str(problem.strerror or problem))
        except WriteFailed as problem:
            last = problem
    assert last is not None
    raise last
