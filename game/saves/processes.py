"""Who this process is, and whether another process on this machine is still running.

A lock file names its holder by host, process id, user and program start; a later reader on
the same machine uses ``process_alive`` to tell a running game from a crashed one. The start
identity (Linux: clock ticks after boot; Windows: creation time) catches a process id that was
reused by another program after the game crashed; the boot id catches a reboot.
"""

from __future__ import annotations

import getpass
import os
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

_IMPORTED = time.time()


@dataclass(frozen=True)
class ProcessIdentity:
    """This process as a lock file records it."""

    host: str
    pid: int
    user: str
    started: str
    """ISO 8601 local time of the program's start."""
    start_id: int | None
    """Exact start of the process (Linux ticks after boot, Windows FILETIME); None if unknown."""
    boot: str | None
    """This boot of the machine (Linux), so a reboot frees every lock of the machine."""


def _linux_stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name, or None."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    tail = text.rsplit(")", 1)
    return tail[1].split() if len(tail) == 2 else None


def _windows_start(pid: int) -> tuple[bool, int | None]:
    """(running, creation time) of ``pid`` on Windows; (True, None) when it cannot be told."""
    import ctypes
    from ctypes import wintypes

    kernel = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    query_limited = 0x1000
    handle = kernel.OpenProcess(query_limited, False, pid)
    if not handle:
        access_denied = 5
        return (ctypes.get_last_error() == access_denied), None  # type: ignore[attr-defined]
    try:
        code = wintypes.DWORD()
        if kernel.GetExitCodeProcess(handle, ctypes.byref(code)) and code.value != 259:
            return False, None  # 259 = STILL_ACTIVE
        times = [wintypes.FILETIME() for _ in range(4)]
        if not kernel.GetProcessTimes(handle, *(ctypes.byref(t) for t in times)):
            return True, None
        created = times[0]
        return True, (created.dwHighDateTime << 32) | created.dwLowDateTime
    finally:
        kernel.CloseHandle(handle)


def process_start(pid: int) -> int | None:
    """The exact start identity of process ``pid``, or None when unknown or gone."""
    if sys.platform.startswith("linux"):
        fields = _linux_stat(pid)
        if fields is None or len(fields) < 20:
            return None
        try:
            return int(fields[19])
        except ValueError:
            return None
    if os.name == "nt":
        try:
            return _windows_start(pid)[1]
        except (OSError, AttributeError, ValueError):
            return None
    return None


def process_alive(pid: int, start_id: int | None = None) -> bool:
    """True while process ``pid`` of this machine runs (and, when ``start_id`` is given, is
    still the process that started then). When it cannot be told, it counts as running."""
    if pid <= 0:
        return False
    if sys.platform.startswith("linux"):
        fields = _linux_stat(pid)
        if fields is None:
            return False
        if fields and fields[0] in ("Z", "X", "x"):
            return False  # a zombie: it has exited, only its parent has not collected it
        if start_id is not None and len(fields) > 19:
            return fields[19] == str(start_id)
        return True
    if os.name == "nt":
        try:
            running, started = _windows_start(pid)
        except (OSError, AttributeError, ValueError):
            return True
        if not running:
            return False
        return start_id is None or started is None or started == start_id
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _boot_id() -> str | None:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip() or None
    except OSError:
        return None


def _started_at(start_id: int | None) -> float:
    """Epoch seconds of this program's start (Linux: exact; elsewhere: when it loaded us)."""
    if start_id is None or not sys.platform.startswith("linux"):
        return _IMPORTED
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        for line in Path("/proc/stat").read_text(encoding="ascii").splitlines():
            if line.startswith("btime "):
                return int(line.split()[1]) + start_id / ticks
    except (OSError, ValueError):
        pass
    return _IMPORTED


def _user() -> str:
    try:
        return getpass.getuser() or "?"
    except (OSError, KeyError, ImportError):
        return "?"


@lru_cache(maxsize=4)
def _identity(pid: int) -> ProcessIdentity:
    from game.saves.files import host_name

    start_id = process_start(pid)
    started = datetime.fromtimestamp(_started_at(start_id)).astimezone()
    return ProcessIdentity(
        host=host_name(),
        pid=pid,
        user=_user(),
        started=started.isoformat(timespec="seconds"),
        start_id=start_id,
        boot=_boot_id(),
    )


def me() -> ProcessIdentity:
    """This process (cached per process id, so a forked child gets its own)."""
    return _identity(os.getpid())
