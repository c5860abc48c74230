"""The crash safety net: an unexpected exception is written to a log file with its traceback."""

from __future__ import annotations

import platform
import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

import game


def _log_dirs(save_dir: Path) -> list[Path]:
    return [save_dir.parent / "logs", save_dir / "logs", Path(tempfile.gettempdir()) / "raaderum"]


def write_crash_log(save_dir: Path, error: BaseException) -> Path:
    """Write ``error``'s traceback to ``<save_dir>/../logs/crash-<time>.log``; return the path.

    Falls back to ``save_dir/logs`` and then the system's temp folder when a folder cannot be
    written, so the report is never lost because of where it was meant to go.
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
    last: OSError | None = None
    for directory in _log_dirs(Path(save_dir)):
        try:
            directory.mkdir(parents=True, exist_ok=True)
            target = directory / name
            target.write_text(text, encoding="utf-8")
            return target
        except OSError as problem:
            last = problem
    assert last is not None
    raise last
