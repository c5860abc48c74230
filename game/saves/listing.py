"""What a save folder holds: the games to continue, the finished ones, and the damaged files.

Nothing is skipped without a word: a file that looks like a save (``*.json``, not hidden) but
cannot be read is listed as damaged with its reason, and ``choose_resume`` refuses to resume an
older game quietly when the newest one is damaged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from game.engine.verdict import verdict
from game.messages import ByLanguage, Message, moment_words, render
from game.paths import command_word, is_litter
from game.saves.copies import Listed, decisions_said, fold_copies, one_per_game, table_key
from game.saves.files import display_path
from game.saves.model import DamagedSave, SavedGame, SaveError, SaveInfo, SaveListing
from game.saves.oserrors import os_message
from game.saves.preferences import PREFERENCES_FILE
from game.saves.stamps import stamp_seconds
from game.saves.store import SAVE_SUFFIX, read_save


def _modified(path: Path) -> str:
    try:
        seconds = path.stat().st_mtime
    except OSError:
        seconds = 0.0
    return datetime.fromtimestamp(seconds).astimezone().isoformat(timespec="seconds")


def save_candidates(save_dir: Path) -> list[Path]:
    """The files of ``save_dir`` that look like saves (``*.json`` in any case – a USB stick
    formatted on an old camera writes BORD2.JSON –, not hidden, not editor or system litter:
    ``paths.is_litter``, not a report's own file: ``is_report_output``, not the game's own
    ``preferences.json``), sorted by name.
    Raises OSError when the folder cannot be read (not when it does not exist)."""
    try:
        entries = list(Path(save_dir).iterdir())
    except FileNotFoundError:
        return []
    return sorted(
        p
        for p in entries
        if p.name.lower().endswith(SAVE_SUFFIX)
        and not is_litter(p.name)
        and not is_report_output(p)
        # the game's own settings beside its saves (a host gave "compare" the whole data
        # folder, and the page listed preferences.json as "a JSON file of another program")
        and p.name.lower() != PREFERENCES_FILE
    )


def is_report_output(path: Path) -> bool:
    """Whether ``path`` is a file ``raaderum report`` wrote (its summary.json beside its
    report.html), not a save: a host who wrote a report into the save folder."""
    return path.name == "summary.json" and (path.parent / "report.html").is_file()


def scan_saves(save_dir: Path) -> SaveListing:
    """Every save in ``save_dir``: the readable games (finished too) newest first by their
    ``updated`` time, each game once (``copies.fold_copies``: the file that counts – the
    longest log, unless decisions were taken back since – stands for its identical, older and
    undone copies, which its ``copies`` names), and the damaged
    files newest first by modification time, each with the reason it cannot be read. Files
    are only read, never changed or deleted. A folder that cannot be read gives an empty
    listing with ``problem`` set."""
    save_dir = Path(save_dir)
    try:
        candidates = save_candidates(save_dir)
    except OSError as error:
        said = Message.of("files.cannot_read", reason=os_message(error, reading=True))
        return SaveListing((), (), render(said), said)
    readable: list[SavedGame] = []
    damaged: list[tuple[float, str, DamagedSave]] = []
    for candidate in candidates:
        try:
            readable.append(read_save(candidate))
        except SaveError as error:
            if not candidate.is_file():
                continue  # a folder named *.json, or a file removed meanwhile
            modified = _modified(candidate)
            entry = DamagedSave(candidate, error.reason, modified, error.said)
            damaged.append((stamp_seconds(modified), candidate.name, entry))
    games = [
        (stamp_seconds(listed.saved.updated), listed.saved.path.name, _info(listed))
        for listed in fold_copies(readable)
    ]
    games.sort(key=lambda item: (item[0], item[1]), reverse=True)
    damaged.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return SaveListing(tuple(i for _, _, i in games), tuple(d for _, _, d in damaged))


def _info(listed: Listed) -> SaveInfo:
    saved = listed.saved
    state = saved.history.current
    return SaveInfo(
        path=saved.path,
        updated=saved.updated,
        deck_title=saved.deck.title,
        scenario_title=state.scenario.title,
        round=state.round,
        rounds=state.scenario.rounds,
        finished=state.finished,
        table=(saved.table or saved.settings.table).strip(),  # a paper table: its entered name
        target=state.targets[-1] if state.targets else None,
        began_target=(saved.history.initial.targets[-1] if saved.history.initial.targets else None),
        unit=saved.deck.unit,
        won=bool(verdict(state).won) if state.finished else None,
        decisions=len(saved.history.actions),
        timer_minutes=saved.settings.timer_minutes,
        copies=tuple(copy.path for copy in listed.copies),
        branch_of=listed.branch.kept if listed.branch is not None else None,
        branch_at=listed.branch.copies[0].diverged_at if listed.branch is not None else None,
        paper=saved.paper is not None,
        stopped_after=state.scenario.years[state.round - 1]
        if saved.stopped and state.round
        else None,
        copy=saved.copy_of is not None,
        robot=saved.settings.robot,
    )


def list_saves(save_dir: Path, unfinished_only: bool = True) -> list[SaveInfo]:
    """The readable saves in ``save_dir``, newest first (by ``updated``); with
    ``unfinished_only`` (the "Fortsæt" list) finished games are left out. The damaged files
    are in ``scan_saves(save_dir).damaged``: a list shown to the user should show them too."""
    listing = scan_saves(save_dir)
    return list(listing.unfinished() if unfinished_only else listing.games)


def replaced_seed(replaced: Path | None) -> int | None:
    """The seed of the paper table's save a corrected sheet takes the place of, so that the
    table keeps its dice: the seed follows from what is entered (``entry_seed``), and a card
    taken out in the last round re-rolled every factor the table had not written down, and
    changed its earlier years in the report and the comparison. None when there is no such
    save, it cannot be read, or it is no paper table."""
    if replaced is None:
        return None
    try:
        saved = read_save(replaced)
    except SaveError:
        return None
    return saved.settings.seed if saved.paper is not None else None


def tables_named(save_dir: Path, table: str, scenario_title: str) -> list[SaveInfo]:
    """The readable games in ``save_dir`` of the scenario titled ``scenario_title`` whose table
    has the name ``table`` (case and spaces aside), newest first: entering a sheet under a
    name the folder holds says so at once (the same sheet again counts once in "Sammenlign
    borde", a corrected one beside its old file twice). A folder that cannot be read has
    none."""
    wanted = table_key(table)
    if not wanted or not save_dir.is_dir():
        return []
    return [
        info
        for info in list_saves(save_dir, unfinished_only=False)
        if table_key(info.table) == wanted and info.scenario_title == scenario_title
    ]


def _when(stamp: str) -> ByLanguage | str:
    """A save's ISO stamp as each reader writes a moment (``moment_words``)."""
    try:
        return moment_words(datetime.fromisoformat(stamp))
    except ValueError:
        return stamp


@dataclass(frozen=True)
class ResumeChoice:
    """The game ``raaderum play --resume`` (without a file) continues, or why none."""

    path: Path | None
    """The newest unfinished game (of its copies, the one with the most decisions: a cloud
    drive's older copy is never continued), None when there is none or the newest save is
    damaged."""
    said: Message | None
    """Why nothing is resumed (may span sentences), or None."""
    said_notes: tuple[Message, ...]
    """Damaged saves older than the chosen game: said, not hidden (one line each)."""

    @property
    def problem(self) -> str | None:
        """``said`` in Danish."""
        return render(self.said) if self.said is not None else None

    @property
    def notes(self) -> tuple[str, ...]:
        """``said_notes`` in Danish."""
        return tuple(render(note) for note in self.said_notes)


def _damaged_line(entry: DamagedSave) -> Message:
    reason = entry.said if entry.said is not None else entry.reason
    path, when = display_path(entry.path), _when(entry.modified)
    return Message.of("listing.damaged", path=path, when=when, reason=reason)


def choose_resume(save_dir: Path) -> ResumeChoice:
    """Pick the game to continue: the newest unfinished game, unless a damaged save is newer
    (then nothing, and the problem names the damaged file, its reason and the older game that
    could be resumed with ``--resume FILE``)."""
    listing = scan_saves(save_dir)
    if listing.problem is not None:
        problem = listing.said if listing.said is not None else listing.problem
        shown = Message.of("cli.file_problem", file=display_path(save_dir), problem=problem)
        return ResumeChoice(None, shown, ())
    unfinished = listing.unfinished()
    newest = unfinished[0] if unfinished else None
    newest_time = stamp_seconds(newest.updated) if newest else float("-inf")
    newer_damaged = [d for d in listing.damaged if stamp_seconds(d.modified) >= newest_time]
    if newer_damaged:
        latest = newer_damaged[0]
        newest_of_all = not listing.games or stamp_seconds(latest.modified) >= stamp_seconds(
            listing.games[0].updated
        )
        which = "listing.newest_damaged" if newest_of_all else "listing.newer_damaged"
        first = Message.of(which, damaged=_damaged_line(latest))
        if newest is not None:
            second = Message.of(
                "listing.resume_other",
                path=display_path(newest.path),
                scenario=newest.scenario_title,
                round=min(newest.round + 1, newest.rounds),
                rounds=newest.rounds,
                when=_when(newest.updated),
                quoted=command_word(display_path(newest.path)),
            )
        else:
            second = Message.of("listing.nothing_else")
        return ResumeChoice(None, Message.of("listing.both", first=first, second=second), ())
    if newest is None:
        return ResumeChoice(None, None, ())
    notes = tuple(Message.of("listing.note", damaged=_damaged_line(d)) for d in listing.damaged)
    if newest.copies:
        count = "one" if len(newest.copies) == 1 else "many"
        copies = ", ".join(display_path(path) for path in newest.copies)
        path = display_path(newest.path)
        said = Message.of(f"listing.copies.{count}", copies=copies, path=path, m=newest.decisions)
        notes = (said, *notes)
    return ResumeChoice(newest.path, None, notes)


def other_versions(
    saved: SavedGame,
    *,
    wording: Literal["", "report", "replay"] = "",
    games: Sequence[SaveInfo] | None = None,
) -> tuple[Message, ...]:
    """What a facilitator continuing ``saved`` should know about the other files of the same
    game in its folder (a cloud drive's conflict copies): that another file has more
    decisions of it, that another file took back decisions this one still holds, or that a
    file went its own way from some decision. ``wording``: "" for a window that continues
    ``saved``, "report" for a report of it and "replay" for ``raaderum replay``, which
    continue nothing. ``games``: the folder's games when already read
    (``scan_saves``). Empty when the file is the game's only one (or the folder cannot be
    read)."""
    tail = f"_{wording}" if wording else ""
    mine = saved.path.resolve()
    games = scan_saves(saved.path.parent).games if games is None else games
    head = next(
        (
            info
            for info in games
            if info.path.resolve() == mine or any(p.resolve() == mine for p in info.copies)
        ),
        None,
    )
    if head is None:
        return ()
    notes: list[Message] = []
    decisions = len(saved.history.actions)
    # a paper table's sheet typed in again later: that entry is the table's (``copies``)
    later_entry = (
        saved.paper is not None
        and head.paper
        and stamp_seconds(head.updated) > stamp_seconds(saved.updated)
    )
    if head.path.resolve() != mine and (later_entry or head.decisions != decisions):
        # fewer decisions: an older state; more: decisions the counted file took back since
        key = "behind" if head.decisions > decisions else "undone"
        key = "entered_again" if later_entry else key
        notes.append(
            Message.of(
                f"listing.version.{key}{tail}",
                file=display_path(saved.path.name),
                kept=display_path(head.path),
                n_decisions=decisions_said(decisions),
                m=head.decisions,
            )
        )
    if head.branch_of is not None:
        notes.append(_branch_note(saved, head.branch_of, head.branch_at, tail))
    for info in games:
        if info.branch_of is not None and info.branch_of.resolve() == head.path.resolve():
            notes.append(_branch_note(saved, info.path, info.branch_at, tail))
    return tuple(notes)


def game_versions(
    saved: SavedGame, games: Sequence[SaveInfo] | None = None
) -> tuple[SaveInfo, ...]:
    """The versions of the game of ``saved`` when it went two (or more) ways after some
    decision (a cloud drive's conflict copy on which another laptop played on), each as the
    "Fortsæt" list shows it: first ``saved`` itself, then the others. The window asks which
    of them the table continues. ``games``: the folder's games when already read. Empty when
    the game has one version, when ``saved`` is an older copy that another file stands for,
    or when the folder cannot be read."""
    mine = saved.path.resolve()
    games = scan_saves(saved.path.parent).games if games is None else games
    head = next((info for info in games if info.path.resolve() == mine), None)
    if head is None:
        return ()
    # the versions of one game all name its longest file; that file names none
    root = head.branch_of.resolve() if head.branch_of is not None else mine
    others = tuple(
        info
        for info in games
        if info is not head
        and (
            info.path.resolve() == root
            or (info.branch_of is not None and info.branch_of.resolve() == root)
        )
    )
    return (head, *others) if others else ()


def _branch_note(saved: SavedGame, other: Path, at: int | None, tail: str) -> Message:
    return Message.of(
        f"listing.version.branch{tail}",
        other=display_path(other),
        file=display_path(saved.path.name),
        k=at or 0,
    )


def counted_version(paths: Sequence[Path]) -> Path | None:
    """Of the files of one game that went several ways, the one the comparison of tables
    counts (``copies.one_per_game``); None when a file cannot be read."""
    try:
        saves = [read_save(path) for path in paths]
    except SaveError:
        return None
    kept, _ = one_per_game(saves)
    return kept[0].path if len(kept) == 1 else None
