"""«Sammenlign borde»: the saves of several tables side by side (e.g. a citizen conference).

The scene reads a folder of saves (the save folder unless another is given or typed into the
path field) with ``game.report.compare_saves`` and shows one group at a time — tables that
played the same deck content and scenario; different decks or scenarios are never mixed:

* left: every proposal adopted by at least one table, most adopted first, as a bar of
  "tables that adopted it / all tables", with the mean round of adoption;
* right: the win rate, and per table its råderum per year against the target (met years
  with a check, missed with a cross), its service level and its result.

A click on a table (or its place 1–9 in the list) shows what it adopted, year by year.

Keys: ←/→ switch group, ↑/↓ scroll the proposals, W writes compare.html and compare.csv
(``game.report.write_comparison``) into the user's data folder, Enter reads the folder in the
path field again, Esc goes back.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game.messages import Message, render, unit_words
from game.numbers import format_target
from game.paths import saves_dir
from game.session.debrief import report_folder, reports_root
from game.ui import theme
from game.ui.boardinput import NUMBER_KEYS
from game.ui.compare_view import (
    draw_proposals,
    draw_tables,
    proposals_max_scroll,
    tables_share,
)
from game.ui.draw import button, panel
from game.ui.layout_grid import split_columns
from game.ui.pages import SCROLL_KEYS, FooterButton, draw_footer, draw_page, line_height
from game.ui.scene import HoldsTimer, is_activation
from game.ui.textfield import TextField
from game.ui.theme import FONT_BOLD, HEADING, TINY, FieldStyle

if TYPE_CHECKING:
    from game.report import ComparisonGroup
    from game.ui.scene import Host

log = logging.getLogger(__name__)

MAX_PATH_LENGTH = 1000


def default_folder(app: Host) -> Path:
    """The folder the game saves into (the tables' saves when played on this machine)."""
    return app.save_dir if app.save_dir is not None else saves_dir()


class CompareScene(HoldsTimer):
    """The comparison of tables (see the module docstring)."""

    name = "compare"

    def __init__(self, app: Host, folder: Path | None = None) -> None:
        super().__init__(app)
        self.folder = Path(folder) if folder is not None else default_folder(app)
        sc = app.scale
        self.field = TextField(
            (0, 0, 100, 40),
            app.fonts.get("regular", sc.min_text),
            text=str(self.folder),
            placeholder=app.t("compare.path_placeholder"),
            max_length=MAX_PATH_LENGTH,
            multiline=False,
            show_counter=False,
        )
        self.groups: list[ComparisonGroup] = []
        self.unreadable: list[Any] = []
        self.copies: list[Any] = []
        """Files that hold a game already counted (a cloud drive's conflict copy)."""
        self.unplayed: list[Path] = []
        self.robots: list[Path] = []
        self.robots_by_group: list[int] = []
        self.unplayed_by_group: list[int] = []
        self.unplayed_keys: dict[Path, tuple[str, str, tuple[float, ...]]] = {}
        """Saves of games without a decision, which the comparison leaves out."""
        self.apart: list[Message | None] = []
        """Per group: why it is not compared with the others (``report.why_apart``)."""
        self.tables_first = 0
        """The first table shown when they do not all fit."""
        self.tables_most = 0
        self.tables_rect = pygame.Rect(0, 0, 0, 0)
        self.table_rows: tuple[tuple[int, pygame.Rect], ...] = ()
        """The tables' rows on screen: (index in the group, row); a click shows its choices."""
        self.error = ""
        self.index = 0
        self.scroll = 0
        self.max_scroll = 0
        self.written: list[Path] = []
        self.write_error = ""
        self.buttons: dict[str, pygame.Rect] = {}
        self.load()

    @property
    def wants_text_input(self) -> bool:
        """True while the path field has the focus."""
        return self.field.focused

    @property
    def group(self) -> ComparisonGroup | None:
        """The group on screen."""
        return self.groups[self.index] if self.groups else None

    # --- model ----------------------------------------------------------------------------
    def load(self, folder: Path | None = None) -> None:
        """Read the saves in ``folder`` (default: the current one) and group them."""
        if folder is not None:
            self.folder = folder
        self.error = ""
        self.written = []
        self.write_error = ""
        self.index = self.scroll = 0
        if not self.folder.is_dir():
            self.groups, self.unreadable, self.apart = [], [], []
            self.error = self.app.t("compare.no_folder", folder=str(self.folder))
            return
        try:
            from game.report import compare_saves, why_apart  # loaded when used: fast start-up

            comparison = compare_saves([self.folder])
        except Exception as error:  # a bad folder must not end the workshop
            log.warning("comparison failed: %s", error)
            self.groups, self.unreadable, self.apart = [], [], []
            self.error = str(error) or type(error).__name__
            return
        self.groups = list(comparison)
        self.index = self._own_group()
        self.apart = [why_apart(self.groups, i) for i in range(len(self.groups))]
        self.unreadable = list(getattr(comparison, "unreadable", []))
        self.copies = list(getattr(comparison, "copies", []))
        self.unplayed = list(getattr(comparison, "unplayed", []))
        # each group says only its own (all of them stood under every group)
        self.unplayed_by_group = [comparison.unplayed_in(i) for i in range(len(self.groups))]
        self.robots = list(getattr(comparison, "robots", []))
        self.robots_by_group = [
            comparison.unplayed_in(i, robots=True) for i in range(len(self.groups))
        ]
        self.unplayed_keys = dict(getattr(comparison, "unplayed_keys", {}))
        self.app.request_redraw()

    def _own_group(self) -> int:
        """The group of the game on this window's board (opened from its result screen or
        its menu, the host looks for the table just played), else the first."""
        game = self.app.game
        mine = game.save_path if game.playing else None
        if mine is None:
            return 0
        try:
            mine = mine.resolve()
            for index, group in enumerate(self.groups):
                if any(table.path.resolve() == mine for table in group.tables):
                    return index
        except OSError:
            pass
        return 0

    def out_dir(self) -> Path:
        """A new folder for compare.html/compare.csv under the user's data folder."""
        return report_folder(self.app.save_dir, "compare-")

    def write(self) -> None:
        """Write compare.html and compare.csv of every group; remember where."""
        if not self.groups:
            return
        try:
            folder = self.out_dir()
            from game.report import write_comparison
            from game.report.compare import Comparison

            # the whole comparison, so the page also lists the copies it counted once
            found = Comparison(
                self.groups, self.unreadable, self.copies, self.unplayed, robots=self.robots
            )
            found.unplayed_keys = self.unplayed_keys
            self.written = list(write_comparison(found, folder, self.app.lang))
            self.write_error = ""
            self.app.toast("compare.written", folder=str(folder))
        except Exception as error:  # a full disk must not end the workshop
            log.warning("writing the comparison failed: %s", error)
            self.write_error = str(error) or type(error).__name__
            self.app.toast("compare.write_failed", reason=self.write_error, error=True)

    def service_floor(self, group: Any) -> int | None:
        """The service floor of the group's scenario (known when it is this game's deck)."""
        deck = self.app.game.deck
        if deck.content_hash != group.deck_hash:
            return None
        try:
            return deck.scenario(group.scenario_id).service_floor
        except KeyError:
            return None

    # --- input ----------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        """The path field first, then keys and buttons."""
        if (
            self.field.focused
            and event.type == pygame.KEYDOWN
            and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
        ):
            self.field.blur()
            self.load(Path(self.field.text.strip().strip('"')).expanduser())
            return
        if self.field.handle(event):
            return
        if event.type == pygame.KEYDOWN:
            self._handle_key(event.key, bool(getattr(event, "mod", 0) & pygame.KMOD_SHIFT))
        elif is_activation(event):
            for name, rect in self.buttons.items():
                if rect.collidepoint(event.pos):
                    self.press(name)
                    return
            for index, row in self.table_rows:
                if row.collidepoint(event.pos):
                    self.show_table(index)
                    return
        elif event.type == pygame.MOUSEWHEEL:
            if self.tables_rect.collidepoint(pygame.mouse.get_pos()):
                self.scroll_tables(-event.y)
            else:
                self._scroll_by(-event.y * 3)

    def _handle_key(self, key: int, shift: bool = False) -> None:
        if key == pygame.K_ESCAPE:
            self.press("back")
        elif key == pygame.K_h:
            self.app.push("help")
        elif key == pygame.K_w:
            self.press("write")
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.press("load")
        elif key in (pygame.K_LEFT, pygame.K_RIGHT) and self.groups:
            step = 1 if key == pygame.K_RIGHT else -1
            self.index = (self.index + step) % len(self.groups)
            self.scroll = self.tables_first = 0
        elif key in NUMBER_KEYS:
            self.show_table(NUMBER_KEYS[key] - 1)
        elif key in SCROLL_KEYS and shift:
            self.scroll_tables(1 if SCROLL_KEYS[key] > 0 else -1)
        elif key in SCROLL_KEYS:
            self._scroll_by(SCROLL_KEYS[key])

    def show_table(self, index: int) -> None:
        """What the group's table ``index`` (0-based, in the list's order) adopted, year by
        year, with its result (``report.table_choices``): the host asks the table that won
        how it did it. A number beyond the list does nothing."""
        group = self.group
        if group is None or not 0 <= index < len(group.tables):
            return
        from game.report import table_choices

        table = group.tables[index]
        self.app.push(
            "message",
            title=self.app.t("compare.choices.title", table=table.label(self.app.lang)),
            text=table_choices(group, table, self.app.lang),
            short=table_choices(group, table, self.app.lang, kinds=False),
        )

    def scroll_tables(self, rows: int) -> None:
        """Scroll the list of tables (more tables than fit: the mouse wheel over it, or
        Shift with ↑/↓ and Page Up/Down)."""
        self.tables_first = max(0, min(self.tables_most, self.tables_first + rows))
        self.app.request_redraw()

    def _scroll_by(self, rows: int) -> None:
        self.scroll = max(0, min(self.max_scroll, self.scroll + rows))
        self.app.request_redraw()

    def press(self, name: str) -> None:
        """Do what the button ``name`` does."""
        if name == "back":
            self.field.blur()
            self.app.pop()
        elif name == "write":
            self.write()
        elif name == "load":
            self.load(Path(self.field.text.strip().strip('"')).expanduser())
        elif name in ("previous", "next") and self.groups:
            step = 1 if name == "next" else -1
            self.index = (self.index + step) % len(self.groups)
            self.scroll = self.tables_first = 0

    def on_exit(self) -> None:
        """Give the keyboard back when the scene closes (and the round timer, which stood
        still while the tables were compared)."""
        self.field.blur()
        super().on_exit()

    # --- drawing --------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Header, the path row, the group and the footer."""
        app = self.app
        sc = app.scale
        g = sc.gap
        group = self.group
        subtitle = ""
        if group is not None:
            subtitle = app.t("compare.group_of", index=self.index + 1, count=len(self.groups))
        row_h = round(line_height(app, sc.min_text) * 1.6)
        page = draw_page(app, surface, app.t("compare.title"), subtitle, row_h)
        body = page.body
        self.buttons = {}
        self._draw_path_row(surface, page.strip)
        if group is None:
            panel(surface, body, sc.radius)
            left_out = len(self.robots) + len(self.unplayed)
            message = self.error or (
                app.t(
                    "compare.only_left_out." + ("one" if left_out == 1 else "many"), count=left_out
                )
                if left_out
                else app.t("compare.empty", folder=str(self.folder))
            )
            app.text.draw(
                surface,
                message,
                body.inflate(-4 * g, -4 * g),
                HEADING.bold(False).ink(theme.MUTED).center().middle().shrink(),
            )
        else:
            self._draw_group(surface, body, group)
        self._draw_footer(surface, page.footer)

    def _draw_path_row(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        app = self.app
        sc = app.scale
        g = sc.gap
        label = app.t("compare.folder")
        label_w = app.fonts.get(FONT_BOLD, sc.min_text).size(label)[0] + g
        app.text.draw(
            surface,
            label,
            pygame.Rect(rect.x, rect.y, label_w, rect.height),
            TINY.bold().middle().lines(1),
        )
        load_w = max(sc.body * 5, rect.width // 9)
        load = pygame.Rect(rect.right - load_w, rect.y, load_w, rect.height)
        self.field.set_rect(
            pygame.Rect(rect.x + label_w, rect.y, load.left - g - rect.x - label_w, rect.height)
        )
        self.field.font = app.fonts.get("regular", sc.min_text)
        self.field.style = FieldStyle(padding=max(4, g // 2), radius=sc.radius)
        self.field.draw(surface)
        button(surface, app.text, load, app.t("compare.load"), sc.min_text, radius=sc.radius)
        self.buttons["load"] = load

    def _draw_group(self, surface: pygame.Surface, rect: pygame.Rect, group: Any) -> None:
        app = self.app
        sc = app.scale
        g = sc.gap
        title = app.t(
            "compare.group",
            scenario=group.scenario_title,
            deck=group.deck_title,
            # in the group's own deck's unit ("2.500 t. kr."), not the window's deck's
            targets=(
                f"{format_target(group.targets[-1], app.lang)} {unit_words(group.unit, app.lang)}"
                if group.targets
                else ""
            ),
            year=group.years[-1] if group.years else "",
        )
        title_h = line_height(app, sc.heading, FONT_BOLD)
        arrows_w = 0
        if len(self.groups) > 1:
            arrows_w = title_h * 2 + g
            prev_rect = pygame.Rect(rect.right - arrows_w, rect.y, title_h, title_h)
            next_rect = pygame.Rect(rect.right - title_h, rect.y, title_h, title_h)
            for name, box, direction in (("previous", prev_rect, -1), ("next", next_rect, 1)):
                pygame.draw.rect(surface, theme.CARD, box, border_radius=sc.radius)
                pygame.draw.rect(surface, theme.LINE, box, 1, border_radius=sc.radius)
                cx, cy, r = box.centerx, box.centery, box.height // 4
                pygame.draw.polygon(
                    surface,
                    theme.INK,
                    [
                        (cx - r * direction, cy - r),
                        (cx + r * direction, cy),
                        (cx - r * direction, cy + r),
                    ],
                )
                self.buttons[name] = box
        app.text.draw(
            surface,
            title,
            pygame.Rect(rect.x, rect.y, rect.width - arrows_w - g, title_h),
            HEADING.lines(1).shrink(),
        )
        body = pygame.Rect(rect.x, rect.y + title_h + g, rect.width, rect.height - title_h - g)
        share = tables_share(app, group, body.width)
        left, right = split_columns(body, [1 - share, share], 2 * g)
        self.max_scroll = proposals_max_scroll(app, left, group)
        self.scroll = min(self.scroll, self.max_scroll)
        draw_proposals(app, surface, left, group, self.scroll)
        floor = self.service_floor(group)
        # the copies of this group's games only (the count stood on every group)
        kept = {table.path for table in group.tables}
        copies = sum(len(same.copies) for same in self.copies if same.kept in kept)
        # a copy that went its own way is named: the decisions counted may be a colleague's
        # copy's, not the table's own (a host must look before trusting the row)
        names = {table.path: table.name for table in group.tables}
        # once per table and decision: two copies that left at the same decision were said
        # twice, and the line was cut before the other notes
        diverged = tuple(
            dict.fromkeys(
                (names[same.kept], copy.diverged_at)
                for same in self.copies
                if same.kept in kept
                for copy in same.copies
                if copy.relation.startswith("diverged") and copy.diverged_at is not None
            )
        )
        # a paper table typed in again: the latest entry counts, not the longest copy
        entered_again = tuple(
            dict.fromkeys(
                names[same.kept]
                for same in self.copies
                if same.kept in kept
                for copy in same.copies
                if copy.relation == "entered_again"
            )
        )
        self.tables_rect = right
        self.tables_most, self.table_rows = draw_tables(
            app,
            surface,
            right,
            group,
            [u.shown or u.path.name for u in self.unreadable],
            floor,
            copies,
            self.tables_first,
            unplayed=(
                self.unplayed_by_group[self.index]
                if self.index < len(self.unplayed_by_group)
                else 0
            ),
            diverged=diverged,
            entered_again=entered_again,
            robots=(
                self.robots_by_group[self.index] if self.index < len(self.robots_by_group) else 0
            ),
            # a group of its own says why: another scenario, deck version or target
            apart=self._apart_line(),
        )
        self.tables_first = min(self.tables_first, self.tables_most)

    def _apart_line(self) -> str:
        why = self.apart[self.index] if self.index < len(self.apart) else None
        if why is None:
            return ""
        return self.app.t("compare.group_apart", why=render(why, self.app.lang))

    def _draw_footer(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        app = self.app
        sc = app.scale
        width = min(rect.width // 4, max(sc.body * 10, rect.width // 5))
        if self.write_error:
            status = app.t("compare.write_failed", reason=self.write_error)
            ink = theme.WARNING
        elif self.written:
            status, ink = app.t("compare.written", folder=str(self.written[0].parent)), theme.INK
        else:
            # where it will be, before W is pressed (a host asked where "the data folder" is)
            folder = reports_root(app.save_dir)
            status, ink = app.t("compare.hint", folder=str(folder)), theme.MUTED
        buttons = [
            FooterButton(
                "write", app.t("compare.write"), "W", primary=True, enabled=bool(self.groups)
            ),
            FooterButton("back", app.t("compare.back"), "Esc"),
        ]
        self.buttons.update(draw_footer(app, surface, rect, buttons, width, status, ink))
