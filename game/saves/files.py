"""Writing files so that nobody ever finds half of one, and checking folders before writing.

Every file the game writes (saves, reports, pictures) goes through ``write_files``: each file
is written to a temp file in its target folder, flushed and fsynced, read back and checked
(size, and for PNG the signature and the closing IEND chunk), and only when *every* file of
the batch passed are they renamed to their final names. A failure removes the temp files and
raises ``WriteFailed`` with a plain-Danish reason; no file with a final name is half written,
and a report is either complete or not there.

Temp files carry the writer's host and process id in their name
(``.<name>.<host>-<pid>.<random>.tmp``), so one writer's cleanup only ever removes its own
leftovers or those of a process that is gone, never another live writer's file.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import socket
import stat
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from game.messages import Message, render
from game.saves.oserrors import os_code, os_message

TEMP_SUFFIX = ".tmp"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_END = b"IEND\xaeB`\x82"
FOREIGN_TEMP_AGE = 24 * 3600
"""Seconds after which a temp file of a writer on another machine counts as abandoned."""
_NAME_KEEP = 80
"""Characters of the final name kept in a temp name (names are limited to 255 bytes)."""

Check = Callable[[bytes], Message | str | None]
"""A check of a file's content as read back: None when good, else the reason."""


class WriteFailed(Exception):
    """A file that could not be written. ``str(error)`` is one Danish line, ``text(lang)``
    the same line in the reader's language.

    ``path`` is the file or folder concerned, ``said`` the reason without the path (a
    message; a reason given as text is said as it is), ``reason`` that reason in Danish,
    ``cause`` the bare cause without what failed ("the disk is full"), ``code`` a stable
    English word for the kind of failure (see ``oserrors.os_code``; also "check_failed" when a
    written file did not read back as written).
    """

    def __init__(
        self,
        path: Path | str,
        reason: str | Message,
        code: str = "other",
        cause: Message | None = None,
    ) -> None:
        self.path = Path(path)
        self.said = reason if isinstance(reason, Message) else Message.of("say", text=reason)
        self.cause = cause if cause is not None else self.said
        self.reason = render(self.said)
        self.code = code
        super().__init__(f"{display_path(self.path)}: {self.reason}")

    def text(self, lang: str = "da") -> str:
        """``FILE: reason`` in ``lang``."""
        return f"{display_path(self.path)}: {render(self.said, lang)}"


def display_path(path: Path | str, limit: int = 200) -> str:
    """``path`` as one printable line: bytes that are not UTF-8 (kept by Python as lone
    surrogates) become "\ufffd", control characters become spaces, and a long path is
    shortened in the middle."""
    text = os.fsencode(path).decode("utf-8", "replace")
    text = "".join(" " if ord(ch) < 32 or ord(ch) == 127 else ch for ch in text)
    if len(text) > limit:
        half = (limit - 1) // 2
        text = text[:half] + "…" + text[-half:]
    return text


def check_png(data: bytes) -> Message | None:
    """None for a complete PNG (signature first, IEND chunk last), else the reason."""
    if not data.startswith(PNG_SIGNATURE):
        return Message.of("files.png_invalid")
    if not data.endswith(PNG_END):
        return Message.of("files.png_cut")
    return None


def check_not_empty(data: bytes) -> Message | None:
    """None when ``data`` holds anything."""
    return None if data else Message.of("files.empty")


# --- who writes ---------------------------------------------------------------------------
def _clean_tag(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")[:40] or "host"


def host_name() -> str:
    """This machine's name as other machines on a shared drive see it in lock files."""
    try:
        return socket.gethostname() or "ukendt"
    except OSError:
        return "ukendt"


def writer_tag() -> str:
    """``<host>-<pid>`` in ASCII: the part of a temp file's name that says who wrote it."""
    return f"{_clean_tag(host_name())}-{os.getpid()}"


def temp_prefix(final: Path) -> str:
    """The start of every temp file name of ``final``."""
    return f".{final.name[:_NAME_KEEP]}."


def _temp_path(final: Path) -> Path:
    return final.parent / f"{temp_prefix(final)}{writer_tag()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"


def _temp_owner(final: Path, temp: Path) -> tuple[str, int] | None:
    """(host tag, pid) of the writer that made ``temp``, or None for a name of another form."""
    middle = temp.name[len(temp_prefix(final)) : -len(TEMP_SUFFIX)]
    match = re.fullmatch(r"(.+)-(\d+)\.[0-9a-f]{8}", middle)
    if match is None:
        return None
    return match.group(1), int(match.group(2))


def remove_stale_temps(
    final: Path, alive: Callable[[int], bool], now: float | None = None
) -> list[Path]:
    """Delete the temp files of ``final`` left by writers that are gone: this process's own,
    those of a dead process on this machine, those of an older version (no writer in the
    name) and those of another machine older than ``FOREIGN_TEMP_AGE`` seconds. A live
    writer's temp file is never touched. Returns the files removed."""
    prefix = temp_prefix(final)
    me = writer_tag()
    host = me.rsplit("-", 1)[0]
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        candidates = [
            p
            for p in final.parent.iterdir()
            if p.name.startswith(prefix) and p.name.endswith(TEMP_SUFFIX)
        ]
    except OSError:
        return removed
    for temp in candidates:
        owner = _temp_owner(final, temp)
        if owner is None or f"{owner[0]}-{owner[1]}" == me:
            stale = True  # a writer of an older version, or this process's own leftover
        elif owner[0] == host:
            stale = not alive(owner[1])
        else:
            try:
                stale = now - temp.stat().st_mtime > FOREIGN_TEMP_AGE
            except OSError:
                stale = False
        if stale:
            with contextlib.suppress(OSError):
                temp.unlink()
                removed.append(temp)
    return removed


# --- writing ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Output:
    """One file to write: where, what, and how to check it once written."""

    path: Path
    data: bytes
    check: Check | None = None


def _replace(source: Path, target: Path) -> None:
    """``os.replace``, retried briefly on Windows, where a reader may hold the file open."""
    for attempt in range(5):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if os.name != "nt" or attempt == 4:
                raise
            time.sleep(0.05)


def fsync_directory(directory: Path) -> None:
    """Make a rename durable (POSIX); folders cannot be opened for this on Windows."""
    if os.name == "nt":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_temp(output: Output) -> Path:
    """Write, flush, fsync and read back one temp file; raises OSError or WriteFailed."""
    temp = _temp_path(output.path)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(output.data)
            handle.flush()
            os.fsync(handle.fileno())
        with temp.open("rb") as handle:
            written = handle.read(len(output.data) + 1)
        if written != output.data:
            raise WriteFailed(output.path, Message.of("files.incomplete"), "check_failed")
        problem = (output.check or check_not_empty)(written)
        if problem is not None:
            raise WriteFailed(output.path, problem, "check_failed")
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return temp


_NOT_WRITTEN = Message.of("files.not_written")


def write_files(outputs: Sequence[Output], *, verb: str | Message = _NOT_WRITTEN) -> None:
    """Write every file of ``outputs`` atomically and checked, all or none (see the module
    docstring). Folders must exist. Raises ``WriteFailed`` whose reason reads
    "``verb``: <reason>" (its ``cause`` the reason alone); then no final file was created or
    changed, except in the rare case that a rename itself fails after others succeeded (each
    renamed file is complete)."""
    said = verb if isinstance(verb, Message) else Message.of("say", text=verb)

    def failed(path: Path, cause: Message, code: str) -> WriteFailed:
        reason = Message.of("files.failed", verb=said, reason=cause)
        return WriteFailed(path, reason, code, cause=cause)

    temps: list[Path] = []
    try:
        for output in outputs:
            try:
                temps.append(_write_temp(output))
            except OSError as error:
                raise failed(output.path, os_message(error), os_code(error)) from None
            except WriteFailed as error:
                raise failed(error.path, error.said, error.code) from None
        for index, (output, temp) in enumerate(zip(outputs, temps)):
            try:
                _replace(temp, output.path)
            except OSError as error:
                temps = temps[index:]
                raise failed(output.path, os_message(error), os_code(error)) from None
        temps = []
    finally:
        for temp in temps:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    for directory in {output.path.parent for output in outputs}:
        fsync_directory(directory)


def write_file(
    path: Path, data: bytes, check: Check | None = None, **kwargs: str | Message
) -> None:
    """``write_files`` for one file."""
    write_files([Output(Path(path), data, check)], **kwargs)


# --- folders ------------------------------------------------------------------------------
def _file_ancestor(path: Path) -> Path | None:
    """The nearest existing ancestor of ``path`` (or ``path`` itself) that is not a folder."""
    for candidate in (path, *path.parents):
        try:
            info = candidate.stat()
        except OSError:
            continue
        return None if stat.S_ISDIR(info.st_mode) else candidate
    return None


def folder_problem(folder: Path, *, create: bool = True) -> WriteFailed | None:
    """Why files cannot be written into ``folder``, or None when they can.

    With ``create`` a missing folder is created (with its parents). Writing is probed with a
    small temp file that is removed again, so a read-only folder, a folder on a full disk
    (that cannot take a new file), a path that is a file or lies under one, and a path the
    system refuses are all found before anything is written. The ``WriteFailed``'s reason is
    Danish and its ``code`` one of those of ``oserrors.os_code`` (plus "not_a_folder").
    """
    folder = Path(folder)
    blocker = _file_ancestor(folder)
    if blocker is not None:
        if blocker == folder:
            return WriteFailed(folder, Message.of("files.is_file"), "not_a_folder")
        said = Message.of("files.under_file", blocker=display_path(blocker))
        return WriteFailed(folder, said, "not_a_folder")
    try:
        if create:
            folder.mkdir(parents=True, exist_ok=True)
        elif not folder.is_dir():
            return WriteFailed(folder, Message.of("files.no_folder"), "missing")
    except OSError as error:
        said = Message.of("files.cannot_create", reason=os_message(error))
        return WriteFailed(folder, said, os_code(error))
    probe = folder / f".skriveprøve.{writer_tag()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            os.write(fd, b"x")
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as error:
        said = Message.of("files.cannot_write", reason=os_message(error))
        return WriteFailed(folder, said, os_code(error))
    finally:
        with contextlib.suppress(OSError):
            os.unlink(probe)
    return None


def distinct_names(paths: Iterable[Path]) -> dict[Path, str]:
    """Each path as few of its last parts as tell it from every other path in ``paths``: the
    file's name when no other file has it, else "laptop5/spil.json" (saves gathered from five
    laptops on one USB stick were all "spil.json", and "delete the one that does not count"
    could not be acted on). No more of the path than that: a handout shows no user names."""
    unique = list(dict.fromkeys(paths))
    names: dict[Path, str] = {}
    for path in unique:
        parts = path.parts
        tail = parts[-1:]
        for count in range(1, len(parts) + 1):
            tail = parts[-count:]
            if not any(other != path and other.parts[-count:] == tail for other in unique):
                break
        names[path] = str(Path(*tail))
    return names
