"""The game's writer: one ``GameSaver`` per game on screen, holding its save's lock and knowing
whether what is on screen is on disk.

``save`` never raises for a refused write: it returns a ``SaveStatus`` that a window shows
until saving works again ("Spillet er ikke gemt siden beslutning 5: disken er fuld."), and
``save_elsewhere`` moves the game to another folder (a USB stick) when its own folder fails.
A game opened from its file is ``resume``d: its lock is taken and nothing is written until the
group changes the game. A paper table's game is written with what the table entered
(``paper``) at every save, wherever it is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.engine.history import History
from game.engine.model import Deck
from game.messages import Message, render
from game.saves.files import display_path, folder_problem
from game.saves.lock import SaveLock, SaveLocked, held_elsewhere, lock_holder, open_for_writing
from game.saves.model import GameSettings, PaperTable, RoundClock, SaveError
from game.saves.store import SAVE_SUFFIX, new_save_path, stored_game_id, write_save


@dataclass(frozen=True)
class SaveStatus:
    """Whether the game on screen is in its save file."""

    path: Path | None
    """The save file (None: the game is not saved at all, e.g. a screenshot)."""
    decisions: int
    """Decisions on screen at the last attempt to save."""
    saved_decisions: int | None
    """Decisions in the file at the last successful save; None when it was never saved."""
    error: SaveError | None
    """Why the last attempt failed (``error.cause`` is the bare Danish reason, ``error.code``
    the kind: "locked", "disk_full", "read_only", "no_access", "not_a_folder", …), or None."""

    @property
    def ok(self) -> bool:
        """True when the last attempt succeeded (what is on screen is on disk)."""
        return self.error is None and self.saved_decisions is not None

    @property
    def ever_saved(self) -> bool:
        """True when the game reached its file at least once."""
        return self.saved_decisions is not None

    @property
    def unsaved_since(self) -> int | None:
        """When saving fails: the number of decisions still in the file (0 = only the start),
        so the board can say "ikke gemt siden beslutning N"; None while saving works or when
        the game was never saved."""
        return None if self.ok else self.saved_decisions

    def message(self) -> str:
        """One Danish sentence for the command line ("" while saving works), e.g. "Spillet er
        ikke gemt siden beslutning 5: disken er fuld." – the banner's (``unsaved_message``)."""
        said = unsaved_message(self)
        return render(said) if said is not None else ""


def open_game_for_writing(
    save: Path,
    *,
    create_folder: bool = True,
    take_over: str | None = None,
    game_id: str | None = None,
) -> SaveLock:
    """``open_for_writing`` for a game: also refused (``SaveLocked`` with ``elsewhere``) when
    another file of the same game – ``game_id``, else the one stored in ``save`` – is open
    in a live window (a cloud drive's conflict copy, a copy made by hand, opened beside the
    original: both windows wrote their own line of one game). ``take_over``: the players
    chose to take the game from the holder they saw, as ``open_for_writing`` says."""
    lock = open_for_writing(save, create_folder=create_folder, take_over=take_over)
    if take_over is not None:
        return lock
    twin = same_game_held(save, game_id or stored_game_id(Path(save)))
    if twin is not None:
        lock.release()
        raise SaveLocked(Path(save), lock_holder(twin), elsewhere=twin)
    return lock


def same_game_held(save: Path, game_id: str | None) -> Path | None:
    """Another save in the folder of ``save`` with the game id ``game_id`` that a live window
    of another process holds (``held_elsewhere``), or None: a conflict copy of a game open
    in a window was opened in a second one, and both wrote their own line of the game."""
    if not game_id:
        return None
    folder = Path(save).parent
    try:
        others = [p for p in folder.glob(f"*{SAVE_SUFFIX}") if p.name != Path(save).name]
    except OSError:
        return None
    for other in sorted(held_elsewhere(others)):
        if stored_game_id(other) == game_id:
            return other
    return None


def unsaved_message(status: SaveStatus | None, cause: str | None = None) -> Message | None:
    """The banner's sentence while the game on screen is not in its save file (None while it
    is): since which decision, and why (``cause`` when the game never got a file at all); a
    game another window took over is not saved by this one at all."""
    if status is None:
        return None if cause is None else Message.of("save.never", cause=cause)
    if status.ok or status.error is None:
        return None
    reason = status.error.cause
    since = status.unsaved_since
    if status.error.code == "locked":
        return Message.of("save.locked_now", cause=reason)
    if since is None:
        return Message.of("save.never", cause=reason)
    if since == 0:
        return Message.of("save.not_since_start", cause=reason)
    return Message.of("save.not_since", count=since, cause=reason)


class GameSaver:
    """Autosave of one game to ``path`` (see the module docstring).

    ``created``, ``game_id`` and ``copy_of`` are those of a resumed save (None: taken from the
    file at ``path`` if there is one, else new). ``paper`` is what a paper table entered (its
    name, events and factors), written with its game at every save: its chance came from them.
    """

    def __init__(
        self,
        path: Path,
        *,
        created: str | None = None,
        game_id: str | None = None,
        copy_of: str | None = None,
        paper: PaperTable | None = None,
    ) -> None:
        self.path = Path(path)
        self.created = created
        self.game_id = game_id
        self.copy_of = copy_of
        self.paper = paper
        self.lock: SaveLock | None = None
        self.status = SaveStatus(self.path, 0, None, None)
        self.failures = 0
        """Failed attempts in a row (1 right after the first failure: the moment to warn)."""
        self.locked_out: SaveLocked | None = None
        """Set once another window held (or took over) the save: from then on this game never
        writes that file again (it would overwrite the other window's decisions); the window
        offers to continue as a copy (``save_elsewhere`` or ``copy_save``)."""

    def open(self, take_over: str | None = None) -> None:
        """Take the save's lock now (when a game is opened for writing). Raises ``SaveLocked``
        (its ``holder`` says where the game is open) or ``SaveError``. Once the game is in its
        file, a missing folder is said as unreachable and never created anew (a pulled USB
        stick's mount point would otherwise take the game onto the system's own disk).
        ``take_over``: the token of a holder the players chose to take the game over from."""
        if self.lock is None or self.lock.released:
            self.lock = open_game_for_writing(
                self.path,
                create_folder=not self.status.ever_saved,
                take_over=take_over,
                game_id=self.game_id,
            )

    def resume(self, decisions: int) -> SaveStatus:
        """The game on screen is the one in the file (just opened, with ``decisions`` in its
        log): take the save's lock and write nothing, so that opening a game to look at it
        never changes its file or its "updated" time. Another window holding the game is said
        as at a save; any other problem is said by the first save that needs the folder."""
        self.status = SaveStatus(self.path, decisions, decisions, None)
        try:
            self.open()
        except SaveLocked as error:
            return self._locked(decisions, error)
        except SaveError:
            pass  # the file holds the game on screen; the next decision's save says why not
        return self.status

    def save(
        self,
        deck: Deck,
        settings: GameSettings,
        history: History,
        clock: RoundClock | None = None,
        drafts: tuple[tuple[str, str], ...] = (),
    ) -> SaveStatus:
        """Write the game (taking the lock at the first save), with the round timer's time
        used (``clock``) and the notes typed on cards not yet adopted (``drafts``); returns
        the new status and never raises ``SaveError``."""
        decisions = len(history.actions)
        if self.locked_out is not None:
            return self._failed(decisions, self.locked_out)
        try:
            self.open()
            stamp = write_save(
                self.path,
                deck,
                settings,
                history,
                self.created,
                game_id=self.game_id,
                copy_of=self.copy_of,
                lock=self.lock,
                paper=self.paper,
                clock=clock,
                drafts=drafts,
            )
        except SaveLocked as error:
            return self._locked(decisions, error)
        except SaveError as error:
            return self._failed(decisions, error)
        self.created, self.game_id, self.copy_of = stamp.created, stamp.game_id, stamp.copy_of
        self.failures = 0
        self.status = SaveStatus(self.path, decisions, decisions, None)
        return self.status

    def _locked(self, decisions: int, error: SaveLocked) -> SaveStatus:
        """Another window holds (or took over) the save: never write it again."""
        self.locked_out = error
        if self.lock is not None:
            self.lock.forget()  # it is not ours any more: never release it
            self.lock = None
        return self._failed(decisions, error)

    def _failed(self, decisions: int, error: SaveError) -> SaveStatus:
        self.failures += 1
        self.status = SaveStatus(self.path, decisions, self.status.saved_decisions, error)
        return self.status

    def save_elsewhere(
        self, folder: Path, deck: Deck, settings: GameSettings, history: History
    ) -> SaveStatus:
        """Save the game as a new file in ``folder`` (e.g. a USB stick) and keep saving there;
        the game keeps its id and creation time. When that fails too, the game stays where it
        was and the status says why (the folder's own problem, in Danish)."""
        problem = folder_problem(Path(folder))
        if problem is not None:
            error = SaveError(
                problem.path,
                f"spillet kunne ikke gemmes i {display_path(folder)}: {problem.reason}",
                code=problem.code,
                cause=problem.reason,
            )
            return self._failed(len(history.actions), error)
        moved = GameSaver(
            new_save_path(Path(folder)),
            created=self.created,
            game_id=self.game_id,
            copy_of=self.copy_of,
            paper=self.paper,
        )
        status = moved.save(deck, settings, history)
        if not status.ok:
            moved.close()
            assert status.error is not None
            return self._failed(status.decisions, status.error)
        self.close()
        self.locked_out = None
        self.path, self.lock = moved.path, moved.lock
        self.created, self.game_id, self.copy_of = moved.created, moved.game_id, moved.copy_of
        self.failures = 0
        self.status = status
        return status

    def close(self) -> None:
        """Release the save's lock (the game is closed or replaced)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None
