"""Plain reasons for the operating system's refusals to read or write a file.

The system's own text ("No space left on device", "[Errno 17] File exists: '…'") never reaches
the user: every ``OSError`` is translated from its ``errno`` (and on Windows its ``winerror``)
into a short phrase in the catalogue (``os.*``) that fits after "spillet kunne ikke gemmes: ".
"""

from __future__ import annotations

import errno

from game.messages import Message, render

_BY_ERRNO: dict[int, str] = {
    errno.ENOSPC: "disk_full",
    errno.EROFS: "read_only_drive",
    errno.EACCES: "no_access",
    errno.EPERM: "no_access",
    errno.EEXIST: "exists",
    errno.ENAMETOOLONG: "name_too_long",
    errno.ENOTDIR: "not_a_folder",
    errno.EISDIR: "is_folder",
    errno.ENOENT: "missing",
    errno.EFBIG: "too_big",
    errno.EIO: "drive_gone",
    errno.EMFILE: "too_many_open",
    errno.ENFILE: "too_many_open",
    errno.EBUSY: "busy",
    errno.ENODEV: "no_drive",
    errno.ENXIO: "no_drive",
    errno.EINVAL: "bad_name",
    errno.ELOOP: "loop",
    errno.EXDEV: "cross_drive",
    errno.ENOTEMPTY: "not_empty",
}
for _name, _text in (
    ("EDQUOT", "quota"),
    ("ESTALE", "network_gone"),
    ("ETIMEDOUT", "network_silent"),
    ("EHOSTDOWN", "network_silent"),
    ("ENETDOWN", "network_down"),
    ("ENETUNREACH", "network_down"),
    ("ECONNRESET", "network_reset"),
    ("ETXTBSY", "busy"),
    ("ENOLCK", "no_locks"),
    ("EILSEQ", "bad_chars"),
):
    _number = getattr(errno, _name, None)
    if _number is not None:
        _BY_ERRNO.setdefault(_number, _text)

_BY_WINERROR: dict[int, str] = {
    5: "no_access",
    19: "read_only_disk",
    21: "not_ready",
    32: "busy_sync",
    33: "locked",
    39: "disk_full",
    53: "network_missing",
    64: "network_reset",
    112: "disk_full",
    123: "bad_name",
    206: "name_too_long",
    1224: "open_elsewhere",
}
"""The system's refusals and their messages in the catalogue (``os.<name>``)."""

_CODES: dict[int, str] = {
    errno.ENOSPC: "disk_full",
    errno.EFBIG: "disk_full",
    errno.EROFS: "read_only",
    errno.EACCES: "no_access",
    errno.EPERM: "no_access",
    errno.ENOTDIR: "not_a_folder",
    errno.EEXIST: "exists",
    errno.ENAMETOOLONG: "name_too_long",
    errno.ENOENT: "missing",
}
if hasattr(errno, "EDQUOT"):
    _CODES[errno.EDQUOT] = "disk_full"


def os_message(error: OSError, *, reading: bool = False) -> Message:
    """Why the system refused, as a message (no file name, no system text). ``reading``: the
    refusal came while reading, so no access is no permission to read (a save without read
    permission was called write-protected)."""
    if reading and (isinstance(error, PermissionError) or error.errno in _NO_ACCESS):
        return Message.of("os.no_read_access")
    winerror = getattr(error, "winerror", None)
    if isinstance(winerror, int) and winerror in _BY_WINERROR:
        return Message.of(f"os.{_BY_WINERROR[winerror]}")
    if error.errno in _BY_ERRNO:
        return Message.of(f"os.{_BY_ERRNO[error.errno]}")
    if isinstance(error, PermissionError):
        return Message.of("os.no_access")
    if isinstance(error, FileNotFoundError):
        return Message.of("os.missing")
    if error.errno is not None:
        return Message.of("os.refused_code", code=error.errno)
    return Message.of("os.refused")


_NO_ACCESS = frozenset({errno.EACCES, errno.EPERM})


def os_reason(error: OSError) -> str:
    """A short Danish phrase for why the system refused (no file name, no system text)."""
    return render(os_message(error))


def os_code(error: OSError) -> str:
    """A stable English code for the kind of refusal ("disk_full", "read_only", "no_access",
    "not_a_folder", "exists", "name_too_long", "missing" or "other"), for the window to pick a
    remedy (e.g. offer another folder)."""
    if getattr(error, "winerror", None) in (39, 112):
        return "disk_full"
    if error.errno is not None and error.errno in _CODES:
        return _CODES[error.errno]
    return "other"
