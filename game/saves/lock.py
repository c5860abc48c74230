"""One game has one writer: a lock file next to each save that names who holds it.

Opening a game for writing (``open_for_writing``) takes the save's lock; a second window that
opens the same save gets ``SaveLocked``, whose ``holder`` says where the game is open (machine,
user, process, program start) so the window can offer to open it read-only or to continue in a
copy (``copy_save``). The lock is released when the game closes and when the program exits; a
lock left by a crashed game is taken over: on the same machine once its process is gone, from
another machine (a save folder on a shared drive) once it has not been refreshed for
``STALE_AFTER`` seconds (the holder refreshes it at every save).

How it is safe without help from the operating system: the lock of ``spil.json`` is the file
``.spil.json.lock.<n>`` with the highest generation ``n``. Every change of holder creates the
next generation with ``O_CREAT | O_EXCL``, which only one process can do; whoever created it
holds the lock, reads the folder again to check that no higher generation exists, and only then
removes the older ones. Releasing rewrites the file as released instead of removing it, so the
generations never restart and two processes can never both believe they took a lock over.
Before every write the holder checks that its generation is still the highest.

A save folder that goes away for a while (a USB stick pulled, a network or cloud folder that
drops, a folder renamed) is not a takeover: the check says that the folder cannot be reached,
and once it is back the holder writes again. When it comes back without the holder's lock file
and nobody else has taken the lock meanwhile (no higher generation, no live holder), the lock is
taken again by the same ``O_CREAT | O_EXCL`` claim as when the game was opened.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import re
import secrets
import stat
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path

from game.messages import ByLanguage, Message, moment_words, render
from game.saves.files import display_path, host_name
from game.saves.model import SaveError
from game.saves.oserrors import os_code, os_message
from game.saves.processes import me, process_alive

STALE_AFTER = 4 * 3600.0
"""Seconds after which a lock of another machine that was not refreshed counts as abandoned
(a game refreshes its lock at every decision; a group rarely thinks for four hours)."""
WRITING_GRACE = 60.0
"""Seconds a lock file may stay empty or unreadable (being written) before it is abandoned."""
_FORMAT = "raaderum-lock"
_READ_TRIES = 50


@dataclass(frozen=True)
class LockHolder:
    """Who holds (or held) a save's lock, as written in its lock file."""

    host: str
    pid: int
    user: str
    started: str
    """ISO 8601 local time of the holder's program start."""
    taken: str
    """ISO 8601 local time the lock was taken."""
    refreshed: float
    """Epoch seconds of the holder's last save (or of taking the lock)."""
    token: str
    start_id: int | None = None
    boot: str | None = None
    released: bool = False

    @property
    def on_this_machine(self) -> bool:
        """True when the holder runs on this machine."""
        return self.host == host_name()

    def said(self) -> Message:
        """Where the game is open, e.g. "på computeren LAPTOP-K7F2Q (bruger anne, proces
        4242, programmet startet 28.11.2026 kl. 10:02, sidst åbnet eller gemt 28.11.2026 kl.
        11:40)", as a message: the lock is stamped when the game is opened and at every save."""
        here = self.on_this_machine
        where = Message.of("lock.here") if here else Message.of("lock.there", host=self.host)
        moment: Message | ByLanguage
        saved: Message | ByLanguage
        try:
            moment = moment_words(datetime.fromisoformat(self.started))
        except ValueError:
            moment = Message.of("lock.moment_unknown")
        try:  # when it last opened or saved: a window that stopped long ago is most likely gone
            saved = moment_words(datetime.fromtimestamp(self.refreshed))
        except (OverflowError, OSError, ValueError):
            saved = Message.of("lock.moment_unknown")
        return Message.of(
            "lock.holder", where=where, user=self.user, pid=self.pid, moment=moment, saved=saved
        )

    def describe(self, lang: str = "da") -> str:
        """Where the game is open (``said``), in ``lang``."""
        return render(self.said(), lang)

    def to_json(self) -> bytes:
        """The lock file's content."""
        return json.dumps({"format": _FORMAT, **asdict(self)}, ensure_ascii=False).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> LockHolder | None:
        """The holder in a lock file, or None when the file is not (yet) a complete lock."""
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or data.pop("format", None) != _FORMAT:
                return None
            holder = cls(**data)
        except (ValueError, TypeError):
            return None
        types_ok = (
            isinstance(holder.host, str)
            and isinstance(holder.pid, int)
            and isinstance(holder.user, str)
            and isinstance(holder.started, str)
            and isinstance(holder.taken, str)
            and isinstance(holder.refreshed, (int, float))
            and isinstance(holder.token, str)
            and isinstance(holder.released, bool)
            and (holder.start_id is None or isinstance(holder.start_id, int))
            and (holder.boot is None or isinstance(holder.boot, str))
        )
        return holder if types_ok else None


class SaveLocked(SaveError):
    """The save is open for writing in another window (``holder``; None while that window is
    still writing its lock file). The window offers: open read-only, or continue in a copy."""

    def __init__(
        self, path: Path, holder: LockHolder | None, *, elsewhere: Path | None = None
    ) -> None:
        self.holder = holder
        self.elsewhere = elsewhere
        """Another file of the same game that the other window holds (a conflict copy), or
        None when it holds this very file."""
        if elsewhere is not None:
            reason = Message.of(
                "lock.open_elsewhere",
                file=display_path(elsewhere.name),
                holder=holder.said() if holder is not None else "",
            )
        elif holder is None:
            reason = Message.of("lock.opening")
        else:
            reason = Message.of("lock.open", holder=holder.said())
        super().__init__(path, reason, code="locked")


def _me(now: float) -> LockHolder:
    who = me()
    return LockHolder(
        host=who.host,
        pid=who.pid,
        user=who.user,
        started=who.started,
        taken=datetime.fromtimestamp(now).astimezone().isoformat(timespec="seconds"),
        refreshed=now,
        token=secrets.token_hex(8),
        start_id=who.start_id,
        boot=who.boot,
    )


def lock_prefix(save: Path) -> str:
    """The start of the lock file names of ``save``."""
    return f".{save.name}.lock."


def _lock_path(save: Path, generation: int) -> Path:
    return save.parent / f"{lock_prefix(save)}{generation}"


def _generations(save: Path) -> list[tuple[int, Path]]:
    """The lock files of ``save``, lowest generation first."""
    prefix = lock_prefix(save)
    found = []
    try:
        entries = list(save.parent.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []  # no folder, no lock: writing will say why the folder is missing
    except OSError as error:
        said = Message.of("files.cannot_read", reason=os_message(error, reading=True))
        raise SaveError(save, said) from None
    for entry in entries:
        name = entry.name
        if name.startswith(prefix) and re.fullmatch(r"\d{1,18}", name[len(prefix) :]):
            found.append((int(name[len(prefix) :]), entry))
    return sorted(found)


_MISSING = object()


def _read(path: Path) -> LockHolder | object | None:
    """The holder in ``path``; None when unreadable (being written); _MISSING when gone."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return _MISSING
    except OSError:
        return None
    return LockHolder.from_json(raw[:4096])


def is_stale(holder: LockHolder, now: float | None = None) -> bool:
    """True when ``holder`` no longer holds the lock: released, a process of this machine that
    is gone (or the machine rebooted), or another machine's lock not refreshed for
    ``STALE_AFTER`` seconds."""
    if holder.released:
        return True
    if holder.on_this_machine:
        mine = me()
        if holder.boot and mine.boot and holder.boot != mine.boot:
            return True
        return not process_alive(holder.pid, holder.start_id)
    now = time.time() if now is None else now
    return now - holder.refreshed > STALE_AFTER


def _age(path: Path, now: float) -> float:
    try:
        return now - path.stat().st_mtime
    except OSError:
        return 0.0


def _top_holder(save: Path, now: float) -> tuple[int, LockHolder | None, bool]:
    """(highest generation or 0, its holder, whether it is free to take over)."""
    for _ in range(_READ_TRIES):
        generations = _generations(save)
        if not generations:
            return 0, None, True
        generation, path = generations[-1]
        holder = _read(path)
        if holder is _MISSING:
            continue  # removed by a new holder's cleanup: look again
        if isinstance(holder, LockHolder):
            return generation, holder, is_stale(holder, now)
        if _age(path, now) > WRITING_GRACE:
            return generation, None, True  # a lock file its writer never finished
        time.sleep(0.01)  # being written this very moment: read it again shortly
    return generation, None, False


def _create(path: Path, holder: LockHolder) -> None:
    """Create ``path`` holding ``holder``; raises FileExistsError when another process did."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        os.write(fd, holder.to_json())
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _rewrite(path: Path, holder: LockHolder) -> None:
    """Replace the content of an existing lock file atomically."""
    temp = path.parent / f"{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        temp.write_bytes(holder.to_json())
        os.replace(temp, path)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


_HELD: dict[Path, SaveLock] = {}


def _key(save: Path) -> Path:
    save = Path(save)
    # a symlink loop in the folder ("b.json" → "c.json" → "b.json") raises RuntimeError
    with contextlib.suppress(OSError, RuntimeError):
        return save.resolve()
    return save.absolute()


class SaveLock:
    """This process's lock on one save (see the module docstring). Get it from
    ``open_for_writing``."""

    def __init__(self, save: Path, generation: int, holder: LockHolder) -> None:
        self.save = save
        self.generation = generation
        self.holder = holder
        self.released = False

    @property
    def file(self) -> Path:
        """The lock file."""
        return _lock_path(self.save, self.generation)

    def verify(self) -> None:
        """Raise ``SaveLocked`` (naming the new holder) unless this lock still holds.

        A save folder that cannot be reached raises a ``SaveError`` that says so (code
        "unreachable"): the lock is not lost, only out of sight. When the folder is back
        without this lock's file and nobody has taken the lock meanwhile (only lower
        generations, none of them held), the lock is taken again (``retake``)."""
        if self.released:
            raise SaveLocked(self.save, None)
        check_reachable(self.save)
        generation, holder, free = _top_holder(self.save, time.time())
        ours = holder is not None and holder.token == self.holder.token
        if generation == self.generation and ours:
            return
        if generation < self.generation and free:
            self.retake()
            return
        raise SaveLocked(self.save, holder)  # None: its file is being written

    def retake(self) -> None:
        """Claim the lock again after its file went missing with its folder (the folder is
        back, nobody holds the game): the next generation, created exclusively, so that a
        window opening the game at this very moment and this one never both hold it. Raises
        ``SaveLocked`` when another process was first."""
        generation, holder = _claim(self.save, time.time())
        self.generation, self.holder = generation, holder
        _HELD[_key(self.save)] = self

    def refresh(self, now: float | None = None) -> None:
        """Stamp the lock as alive now (done at every save, so other machines see a live
        game); raises ``SaveLocked`` when it was taken over."""
        self.verify()
        self.holder = replace(self.holder, refreshed=time.time() if now is None else now)
        with contextlib.suppress(OSError):
            _rewrite(self.file, self.holder)

    def forget(self) -> None:
        """Stop holding the lock without touching its file (it was taken over)."""
        self.released = True
        if _HELD.get(_key(self.save)) is self:
            del _HELD[_key(self.save)]

    def release(self) -> None:
        """Give the lock back (mark its file released); harmless when already released or
        taken over."""
        if self.released:
            return
        self.released = True
        if _HELD.get(_key(self.save)) is self:
            del _HELD[_key(self.save)]
        generation, holder, _ = _top_holder(self.save, time.time())
        ours = holder is not None and holder.token == self.holder.token
        if generation == self.generation and ours:
            with contextlib.suppress(OSError):
                _rewrite(self.file, replace(self.holder, released=True))


def open_for_writing(
    save: Path,
    *,
    now: float | None = None,
    create_folder: bool = True,
    take_over: str | None = None,
) -> SaveLock:
    """Take the lock of ``save`` for this process (again the same lock if it holds it already).

    ``take_over`` is the token of a holder the players chose to take the game over from (a
    window on a computer that died, whose lock would block the game for ``STALE_AFTER``):
    that holder's lock counts as free; any other live holder still refuses. The window taken
    over from learns at its next save (``SaveLock.verify``) and writes no more.

    Raises ``SaveLocked`` (a ``SaveError``) with the holder when another live window has the
    game open, and ``SaveError`` when the folder cannot be read or written. The save itself
    need not exist yet; its folder is created unless ``create_folder`` is False (a game whose
    file is known to be there: a missing folder is then a drive that went away, said as such
    and never made anew on the system's own disk). The lock is released by
    ``SaveLock.release`` or at the program's exit.
    """
    save = Path(save)
    key = _key(save)
    held = _HELD.get(key)
    if held is not None and not held.released:
        try:
            held.verify()
            return held
        except SaveLocked:
            held.forget()  # taken over meanwhile: look at the lock afresh
    moment = time.time() if now is None else now
    if create_folder:
        try:
            save.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            cause = Message.of("files.cannot_create", reason=os_message(error))
            raise _refused(save, cause, os_code(error)) from None
    else:
        check_reachable(save)
    generation, mine = _claim(save, moment, take_over)
    lock = SaveLock(save, generation, mine)
    _HELD[key] = lock
    return lock


def _claim(save: Path, moment: float, take_over: str | None = None) -> tuple[int, LockHolder]:
    """Create the next generation of ``save``'s lock for this process (see the module
    docstring) and return it with its holder. Raises ``SaveLocked`` when another live window
    holds the game (or wins every race), ``SaveError`` when the lock file cannot be made.
    ``take_over``: the token of a holder whose lock counts as free."""
    for _ in range(_READ_TRIES):
        generation, holder, free = _top_holder(save, moment)
        chosen = take_over is not None and holder is not None and holder.token == take_over
        if not free and not chosen:
            raise SaveLocked(save, holder)
        mine = _me(moment)
        claimed = _lock_path(save, generation + 1)
        try:
            _create(claimed, mine)
        except FileExistsError:
            continue  # another process took this generation first: look at it
        except OSError as error:
            raise _refused(save, os_message(error), os_code(error)) from None
        generations = _generations(save)
        if not generations or generations[-1][0] != generation + 1:
            with contextlib.suppress(OSError):
                claimed.unlink()  # a slower process of an older round: step back and look again
            continue
        for _, path in generations[:-1]:
            with contextlib.suppress(OSError):
                path.unlink()
        return generation + 1, mine
    raise SaveLocked(save, None)


def _refused(save: Path, cause: Message, code: str) -> SaveError:
    return SaveError(save, Message.of("save.not_saved", cause=cause), code=code, cause=cause)


def check_reachable(save: Path) -> None:
    """Raise a ``SaveError`` (code "unreachable") that names the folder of ``save`` when the
    folder is not there or cannot be looked at: a USB stick pulled out, a network or cloud
    folder that dropped, a folder renamed. Nothing is created."""
    try:
        reachable = stat.S_ISDIR(save.parent.stat().st_mode)
    except OSError:
        reachable = False
    if not reachable:
        cause = Message.of("lock.folder_unreachable", folder=display_path(save.parent))
        raise _refused(save, cause, "unreachable")


def lock_holder(save: Path, *, now: float | None = None) -> LockHolder | None:
    """The live holder of ``save``'s lock, or None when nobody (else) holds it."""
    held = _HELD.get(_key(Path(save)))
    if held is not None and not held.released:
        return None
    _, holder, free = _top_holder(Path(save), time.time() if now is None else now)
    return None if free else holder


_LOCK_NAME = re.compile(r"\.(.+)\.lock\.(\d{1,18})")
"""A lock file's name (``lock_prefix`` and its generation): the save's name, the generation."""


LOCK_HELD = "held"
"""``lock_states``: another live window holds the game."""
LOCK_INTERRUPTED = "interrupted"
"""``lock_states``: a window held the game and never let it go – it was killed, crashed or
the pc stopped – so the game stopped in the middle of a round, where it is taken up again."""


def lock_states(saves: Sequence[Path], *, now: float | None = None) -> dict[Path, str]:
    """Those of ``saves`` that another live window holds (``LOCK_HELD``) or that a window
    left without closing them (``LOCK_INTERRUPTED``: its lock neither released nor live),
    found with one listing of each folder: asking ``lock_holder`` save by save lists the
    folder once per save, and a conference's folder of saves on a network drive holds
    hundreds. A folder that cannot be listed marks none of its saves (the list only hints)."""
    moment = time.time() if now is None else now
    by_folder: dict[Path, list[Path]] = {}
    for save in saves:
        by_folder.setdefault(Path(save).parent, []).append(Path(save))
    found: dict[Path, str] = {}
    for folder, members in by_folder.items():
        try:
            names = [entry.name for entry in folder.iterdir()]
        except OSError:
            continue
        tops: dict[str, tuple[int, str]] = {}
        for name in names:
            match = _LOCK_NAME.fullmatch(name)
            if match is not None:
                generation = int(match.group(2))
                if generation > tops.get(match.group(1), (-1, ""))[0]:
                    tops[match.group(1)] = (generation, name)
        for save in members:
            held = _HELD.get(_key(save))
            if (held is not None and not held.released) or save.name not in tops:
                continue  # this window's own game, or no lock at all
            holder = _read(folder / tops[save.name][1])
            if not isinstance(holder, LockHolder) or holder.released:
                continue
            found[save] = LOCK_INTERRUPTED if is_stale(holder, moment) else LOCK_HELD
    return found


def held_elsewhere(saves: Sequence[Path], *, now: float | None = None) -> set[Path]:
    """Those of ``saves`` that another live window holds (``lock_states``)."""
    return {save for save, state in lock_states(saves, now=now).items() if state == LOCK_HELD}


def held_lock(save: Path) -> SaveLock | None:
    """This process's lock on ``save``, if it holds one."""
    held = _HELD.get(_key(Path(save)))
    return held if held is not None and not held.released else None


def release_all() -> None:
    """Release every lock of this process (run at exit)."""
    for lock in list(_HELD.values()):
        lock.release()


atexit.register(release_all)
