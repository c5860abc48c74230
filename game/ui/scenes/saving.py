"""The dialogs of saving when the disk says no: save elsewhere (a folder field, with the USB
sticks and drives that are plugged in), the warning before closing with unsaved decisions, and
the choice when a save is open in another window (look at it read-only, or continue in a
copy), and which version to continue of a game that went two ways."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.saves import SavedGame, SaveInfo, decisions_said
from game.saves.files import display_path
from game.ui import theme
from game.ui.dialog import DialogScene
from game.ui.opening import continue_in_copy, drive_folders, open_save, start
from game.ui.scene import Leaving, is_activation, is_key
from game.ui.start_view import format_time
from game.ui.textfield import TextField
from game.ui.theme import BODY, TINY, Scale

if TYPE_CHECKING:
    from game.ui.scene import Host


class SaveElsewhereScene(DialogScene):
    """Save the game in another folder: type it (or click a drive), Enter saves there; with
    ``then`` ("restart", "new"), asked on the way to starting over or a new game, go on there
    once the game is saved."""

    name = "save_elsewhere"
    wide = 0.7
    tall = 0.72

    def __init__(self, app: Host, then: Leaving | None = None) -> None:
        self.then: Leaving | None = then if then != "quit" else None
        game = app.game
        problem = game.unsaved()
        folder = str(game.save_dir or "")
        cause = str(problem.kwargs.get("cause", "")) if problem is not None else ""
        body = app.t("save.elsewhere_text", folder=folder, cause=cause)
        super().__init__(
            app,
            app.t("save.elsewhere_title"),
            body,
            [
                (app.t("save.elsewhere_save"), self.save),
                (app.t("save.elsewhere_cancel"), self.close),
            ],
        )
        self.drives = drive_folders()
        self.status = ""
        self.field = TextField(
            (0, 0, 10, 10),
            app.fonts.get("regular", Scale(app.size[1]).body),
            placeholder=app.t("save.elsewhere_field"),
            max_length=400,
            multiline=False,
            show_counter=False,
        )
        self.field.focus()

    @property
    def wants_text_input(self) -> bool:
        """True while the folder field has the focus."""
        return self.field.focused

    def parts(self) -> tuple[pygame.Rect, pygame.Rect, list[pygame.Rect], pygame.Rect]:
        """The text, the field, the drive buttons and the status line in the dialog's body."""
        body = self.layout().body
        sc = Scale(self.app.size[1])
        row = round(sc.body * 2.2)
        text = pygame.Rect(body.x, body.y, body.width, body.height - 3 * row - 2 * sc.gap)
        field = pygame.Rect(body.x, text.bottom + sc.gap, body.width, row)
        width = max(1, body.width // max(1, min(4, len(self.drives))))
        drives = [
            pygame.Rect(body.x + i * width, field.bottom + sc.gap // 2, width - sc.gap, row)
            for i in range(min(4, len(self.drives)))
        ]
        status = pygame.Rect(body.x, field.bottom + row + sc.gap, body.width, row)
        return text, field, drives, status

    def save(self) -> None:
        """Save in the folder typed; close when it worked, else say why."""
        folder = self.field.text.strip().strip('"')
        if not folder:
            return
        message = self.app.game.save_elsewhere(Path(folder))
        if message.key == "save.elsewhere_done":
            self.close()
            if self.then is not None:  # saved: on to where the players were going
                self.app.left_game(self.then)
            self.app.toast(message.key, **message.kwargs)
        else:
            self.status = self.app.say(message)
        self.app.request_redraw()

    def handle(self, event: pygame.event.Event) -> None:
        """The field takes the typing; Enter saves, Esc closes, a drive fills the field."""
        _, field, drives, _ = self.parts()
        self.field.set_rect(field)
        if is_key(event, pygame.K_RETURN, pygame.K_KP_ENTER) and self.focus == 0:
            self.save()
            return
        if is_key(event, pygame.K_ESCAPE):
            self.close()
            return
        if is_activation(event):
            for rect, folder in zip(drives, self.drives):
                if rect.collidepoint(event.pos):
                    self.field.text = str(folder)
                    return
        moves = (pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN)
        if event.type == pygame.KEYDOWN and event.key in moves:
            super().handle(event)  # a one-line field has no lines to move between
            return
        if self.field.handle(event):
            return
        super().handle(event)

    def draw_body(self, surface: pygame.Surface, rect: pygame.Rect, scale: Scale) -> None:
        """The explanation, the folder field, the drives and what went wrong."""
        text, field, drives, status = self.parts()
        self.app.text.draw(surface, self.body, text, BODY.shrink())
        self.field.set_rect(field)
        self.field.font = self.app.fonts.get("regular", scale.body)
        self.field.draw(surface)
        for box, folder in zip(drives, self.drives):
            pygame.draw.rect(surface, theme.CARD, box, border_radius=scale.radius)
            pygame.draw.rect(surface, theme.LINE, box, 1, border_radius=scale.radius)
            style = TINY.bold().center().middle().lines(1).shrink()
            self.app.text.draw(surface, str(folder), box.inflate(-scale.gap, 0), style)
        if self.status:
            style = BODY.bold().ink(theme.WARNING).middle().shrink()
            self.app.text.draw(surface, self.status, status, style)


class QuitScene(DialogScene):
    """Leaving the game with decisions that are not saved – closing the window (``then``
    "quit"), starting it over ("restart") or going to the start screen ("new"): save
    elsewhere, leave anyway, or go back to the game."""

    name = "quit"
    wide = 0.6
    tall = 0.62

    def __init__(self, app: Host, then: Leaving = "quit") -> None:
        self.then: Leaving = then
        problem = app.game.unsaved()
        message = app.say(problem) if problem is not None else ""
        words = "" if self.then == "quit" else f"_{self.then}"
        super().__init__(
            app,
            app.t("save.quit_title"),
            app.t(f"save.quit_text{words}", message=message),
            [
                (app.t("save.quit_back"), self.close),
                (app.t("save.quit_save"), self.save_elsewhere),
                (app.t(f"save.quit_anyway{words}"), self.quit_anyway),
            ],
        )

    def save_elsewhere(self) -> None:
        """The "save elsewhere" dialog in place of this one (and, once saved, on to starting
        over or the new game the players asked for)."""
        self.app.replace("save_elsewhere", then=self.then)

    def quit_anyway(self) -> None:
        """Close the window, start over or go to the start screen, although decisions are
        not saved."""
        if self.then == "quit":
            self.app.quit()
            return
        self.close()
        self.app.left_game(self.then)


class RestartScene(DialogScene):
    """ "Start forfra" on a game in progress: the board emptied at once, Fortryd could not
    bring the game back, and nothing said that it was kept. Asks first, and says where the
    game in progress stays."""

    name = "restart"
    wide = 0.56
    tall = 0.5

    def __init__(self, app: Host) -> None:
        super().__init__(
            app,
            app.t("restart.title"),
            app.t("restart.text"),
            [(app.t("restart.back"), self.close), (app.t("restart.go"), self.restart)],
        )

    def restart(self) -> None:
        """Start the same scenario over (a new save; the game in progress stays in its own)."""
        self.close()
        self.app.leave_game("restart")


class ReopenScene(DialogScene):
    """Backspace, Ctrl+Z or "Fortryd" on a table's stored result opened from its save: take
    back the last decision and play on, or leave the result as it is (one stray key made a
    finished table a game in progress, in its save and in "Sammenlign borde")."""

    name = "reopen"
    wide = 0.56
    tall = 0.5

    def __init__(self, app: Host) -> None:
        super().__init__(
            app,
            app.t("reopen.title"),
            app.t("reopen.text"),
            [(app.t("reopen.keep"), self.close), (app.t("reopen.undo"), self.reopen)],
        )

    def reopen(self) -> None:
        """Take back the last decision; the board comes back in that round."""
        self.close()
        self.app.undo(asked=True)


class ReopenYearScene(DialogScene):
    """Backspace, Ctrl+Z or "Fortryd" right after a year's end: open the year again, or keep
    it. The group has seen how the year went and the next year's event; played again, the
    year is noted in the save, the report and the comparison (``GameController.reopens_year``)
    – undo is for a slip of the key, and a table that looked ahead shows so."""

    name = "reopen_year"
    wide = 0.6
    tall = 0.5

    def __init__(self, app: Host) -> None:
        year_index = app.game.reopens_year()
        years = app.game.state.scenario.years
        year = years[year_index] if year_index is not None else ""
        super().__init__(
            app,
            app.t("reopen_year.title", year=year),
            app.t(
                "reopen_year.text" + ("_last" if year_index == len(years) - 1 else ""),
                year=year,
            ),
            [
                (app.t("reopen_year.keep", year=year), self.close),
                (app.t("reopen_year.undo", year=year), self.reopen),
            ],
        )

    def reopen(self) -> None:
        """Take the year's end back; the board comes back in that year."""
        self.close()
        self.app.undo(asked=True)


class CloseScene(DialogScene):
    """Esc on the start screen: close the game, or go back (a facilitator in fullscreen on a
    projector had no way out but Alt+F4)."""

    name = "close"
    wide = 0.5
    tall = 0.42

    def __init__(self, app: Host) -> None:
        super().__init__(
            app,
            app.t("start.close_title"),
            app.t("start.close_text"),
            [(app.t("start.close_yes"), app.request_quit), (app.t("start.close_no"), self.close)],
        )


class LockedScene(DialogScene):
    """A save that another window holds: who holds it, and look read-only or continue in a
    copy."""

    name = "locked"
    wide = 0.64
    tall = 0.66

    def __init__(
        self,
        app: Host,
        saved: SavedGame,
        holder: str | None,
        token: str | None = None,
        elsewhere: Path | None = None,
    ) -> None:
        if elsewhere is not None:  # another file of the same game (a conflict copy's original)
            text = app.t(
                "save.locked_elsewhere_text",
                holder=holder or "",
                file=display_path(elsewhere.name),
            )
        elif holder is not None:
            text = app.t("save.locked_text", holder=holder)
        else:
            text = app.t("save.locked_unknown")
        self.saved = saved
        self.token = token
        # looking is the first button, the one Enter presses: a colleague who pressed Enter
        # made a second game of the table, and its decisions stood for the table's own in
        # "Sammenlign borde"
        buttons = [
            (app.t("save.read_only"), self.read_only),
            (app.t("save.as_copy"), self.as_copy),
        ]
        if token is not None:  # a window on another computer, perhaps one that died
            text = f"{text} {app.t('save.take_over_text')}"
            buttons.append((app.t("save.take_over"), self.take_over))
        buttons.append((app.t("save.cancel"), self.close))
        super().__init__(app, app.t("save.locked_title"), text, buttons)

    def take_over(self) -> None:
        """Continue the game here: the window on the other computer saves no more."""
        self.close()
        open_save(self.app, self.saved.path, take_over=self.token)

    def read_only(self) -> None:
        """Show the game to look at (nothing is written)."""
        self.close()
        start(self.app, self.saved, read_only=True)

    def as_copy(self) -> None:
        """Continue in a copy of the save (a game of its own, saved by this window)."""
        self.close()
        continue_in_copy(self.app, self.saved.path)


class VersionsScene(DialogScene):
    """The game being resumed went two ways (a cloud drive's conflict copy on which another
    laptop played on): each version with its decisions and when it was saved, and a button to
    continue each. The first button keeps the version on the board. The text says which
    version the comparison of tables counts (``counted``: its file)."""

    name = "versions"
    wide = 0.7
    tall = 0.7

    def __init__(
        self,
        app: Host,
        shown: SaveInfo,
        others: tuple[SaveInfo, ...],
        notes: str = "",
        counted: Path | None = None,
    ) -> None:
        versions = (shown, *others)
        lines = "\n".join(
            app.t(
                "save.versions_line",
                number=number,
                file=display_path(info.path.name),
                decisions=_decisions(app, info.decisions),
                when=format_time(info.updated, app.lang),
            )
            for number, info in enumerate(versions, start=1)
        )
        # which file the comparison counts, by its number ("the one with the most decisions"
        # named none when two versions had as many)
        place = next((n for n, info in enumerate(versions, start=1) if info.path == counted), None)
        shown_counted = (
            app.t("save.versions_counted", number=place)
            if place is not None
            else app.t("save.versions_counted_most")
        )
        text = app.t("save.versions_text", lines=lines, counted=shown_counted)
        if notes:
            text = f"{notes}\n\n{text}"
        buttons: list[tuple[str, Callable[[], None]]] = []
        for number, info in enumerate(versions, start=1):
            label = app.t(
                "save.versions_continue", number=number, decisions=_decisions(app, info.decisions)
            )
            buttons.append((label, self.close if number == 1 else self._opener(info.path)))
        title = app.t("save.versions_title", count=len(versions))
        super().__init__(app, title, text, buttons)

    def _opener(self, path: Path) -> Callable[[], None]:
        def go() -> None:
            self.close()
            open_save(self.app, path)

        return go


def _decisions(app: Host, count: int) -> str:
    """ "1 beslutning", "6 beslutninger" in the window's language."""
    return app.say(decisions_said(count))
