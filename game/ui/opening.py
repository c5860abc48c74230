"""Opening a saved game in the window: read it, take its lock so this window is its only
writer, and when another window holds it, let the facilitator choose (``"locked"`` dialog):
look at it read-only, or continue in a copy. Also where a game can be saved instead when its
folder fails: the folders of USB sticks and other drives that are plugged in."""

from __future__ import annotations

import os
import string
import sys
from dataclasses import replace
from pathlib import Path

from game.saves import SavedGame, SaveError, SaveLocked, copy_save, read_save
from game.saves.paper import drawn_factors
from game.ui.scene import Host


def open_save(app: Host, path: Path, take_over: str | None = None) -> bool:
    """Open the save at ``path`` on the board; True when it is on the board. A save that
    cannot be read shows its reason; a save another window holds opens the "locked" dialog.
    ``take_over``: the token of the holder the players chose to take the game over from."""
    try:
        saved = read_save(path)
    except SaveError as error:
        reason = app.t("error.broken_save", reason=error.text(app.lang))
        app.push("message", title=app.t("app.title"), text=reason)
        return False
    if saved.paper is not None:
        # a paper table's game is a record of the table's sheet: it is looked at here, and
        # corrected on "Bord på papir" (a key pressed on its board played a round the table
        # never played, without its event, and changed its result in the comparison)
        start(app, saved, read_only=True)
        return True
    try:
        app.game.claim(saved.path, saved.created, take_over)
    except SaveLocked as error:
        found = error.holder
        holder = found.describe(app.lang) if found is not None else None
        # a window on another computer may be one that died: the players may take over
        token = found.token if found is not None and not found.on_this_machine else None
        twin = error.elsewhere
        app.push("locked", saved=saved, holder=holder, token=token, elsewhere=twin)
        return False
    except SaveError as error:
        reason = app.t("error.broken_save", reason=error.text(app.lang))
        app.push("message", title=app.t("app.title"), text=reason)
        return False
    start(app, saved)
    return True


def start(app: Host, saved: SavedGame, *, read_only: bool = False) -> None:
    """Put ``saved`` on the board (``read_only``: to look at, never written). Nothing is
    written until the group changes the game, and then with a paper table's entries."""
    app.start_game(
        saved.deck,
        # in the window's language: a table played (or entered) in Danish, opened in an
        # English window, turned the window Danish
        replace(saved.settings, lang=app.lang),
        saved.history,
        saved.path,
        saved.created,
        read_only=read_only,
        paper=saved.paper,
        clock=saved.clock,
        drafts=saved.drafts,
    )


def continue_in_copy(app: Host, path: Path) -> bool:
    """Copy the save at ``path`` into the save folder as a game of its own and open the copy;
    True when it is on the board (a failure is said in a message)."""
    try:
        copy = copy_save(path, app.save_dir)
    except SaveError as error:
        reason = app.t("save.copy_failed", reason=error.worded(app.lang))
        app.push("message", title=app.t("app.title"), text=reason)
        return False
    if open_save(app, copy):
        app.toast("save.copy_made", path=str(copy))
        return True
    return False


def drive_folders() -> list[Path]:
    """Folders of drives plugged in besides the system's own (USB sticks, network drives): on
    Windows the drive letters from D:, on macOS /Volumes/*, on Linux /media/<user>/* and
    /run/media/<user>/*. Only folders that exist are listed, at most eight."""
    found: list[Path] = []
    if sys.platform == "win32":
        found = [Path(f"{letter}:\\") for letter in string.ascii_uppercase[3:]]
    elif sys.platform == "darwin":
        found = _children(Path("/Volumes"))
    else:
        user = os.environ.get("USER") or os.environ.get("LOGNAME") or ""
        for base in (Path("/media") / user, Path("/run/media") / user, Path("/mnt")):
            found += _children(base)
    existing = []
    for folder in found:
        try:
            if folder.is_dir():
                existing.append(folder)
        except OSError:
            continue
    return existing[:8]


def _children(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    except OSError:
        return []


def edit_paper_table(app: Host) -> None:
    """Open the sheet of the paper table on the board on "Bord på papir", filled in as it was
    entered; saving it there replaces the table's save (``PaperScene``)."""
    game = app.game
    if game.paper is None or game.history is None or game.settings is None:
        return
    current = game.history.current
    # a paper save keeps its adoptions in its action log, the rest of the sheet beside it
    adopted = tuple((adoption.card, adoption.round) for adoption in current.adopted)
    # and the factors the game rolled for the table stand on the sheet as if entered: the
    # seed follows from the entries, so a corrected name or a round-3 event rolled 2027's
    # and 2028's uncertain cards again and changed years the table had already played
    factors = (*game.paper.factors, *drawn_factors(current, game.paper))
    app.push(
        "paper",
        scenario=game.settings.scenario,
        target=game.settings.target,
        entered=replace(game.paper, adopted=adopted, factors=factors),
        played=None if current.finished else current.round,
        replacing=game.viewing,
    )
