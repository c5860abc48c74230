"""The board's header (title, round and year, round timer, undo/redo/help/menu) and its
"Afslut år" button."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game import engine
from game.ui import theme
from game.ui.draw import button, panel
from game.ui.layout import BoardLayout
from game.ui.panels import Panel
from game.ui.panels.table import BoardTable
from game.ui.scene import Host
from game.ui.theme import BODY, FONT_BOLD, HEADING


@dataclass(frozen=True)
class HeaderView:
    """What the header shows."""

    table: str
    """The table's name ("Bord 3"; "" when none): the least the title shows when the whole
    does not fit, since it tells the room which table's game it sees."""
    scenario: str
    """The scenario's title (the least the title shows for a table without a name)."""
    status: str
    """Round and year (or "the game is over"), and the round timer."""
    late: bool
    """The round timer ran out (the status turns yellow)."""
    can_undo: bool
    can_redo: bool
    hover: str | None
    """The header button under the mouse."""
    buttons: bool = True
    """Fortryd, Gentag, Hjælp and Menu are drawn (not in a report's picture)."""


class HeaderPanel(Panel[BoardTable, BoardLayout]):
    """The dark band at the top of the board."""

    name = "header"
    View = HeaderView
    shadow = False

    def rect(self, layout: BoardLayout) -> pygame.Rect:
        return layout.header

    def view(self, table: BoardTable) -> HeaderView:
        t, state = self.app.t, table.state
        if state.finished:
            status = t("board.finished")
        elif table.stopped:
            status = t("board.stopped", year=state.scenario.years[state.round - 1])
        else:
            rounds = t("board.round", round=state.round + 1, rounds=state.scenario.rounds)
            status = f"{rounds} · {t('board.year', year=state.year)}"
        if table.clock:
            status = f"{status} · {table.clock}"
        return HeaderView(
            table=table_heading(self.app),
            scenario=state.scenario.title,
            status=status,
            late=table.late,
            can_undo=table.can_undo,
            can_redo=table.can_redo,
            hover=table.hover if table.hover in ("undo", "redo", "help", "menu") else None,
            buttons=not table.picture,
        )

    def hit(self, pos: tuple[int, int], layout: BoardLayout, view: HeaderView) -> str | None:
        for name, rect in layout.header_buttons.items():
            if rect.collidepoint(pos):
                return name
        return None

    def split(self, layout: BoardLayout, view: HeaderView) -> tuple[pygame.Rect, pygame.Rect]:
        """The title's and the status's rectangles: the status (round, year, timer) gets the
        width it needs beside the buttons, shrunk down to the smallest text if it must (or if
        the scenario's title needs the room), and the title what is left – so the round timer
        is never cut, the game's title may be."""
        app, g = self.app, layout.gap
        left = layout.header_title.x
        right = layout.header_round.right
        free = right - left - g
        width = app.text.width(view.status, layout.heading, FONT_BOLD)
        if width > free * 0.6:
            width = app.text.width(view.status, layout.min_text, FONT_BOLD)
        width = min(free, width + 2 * g)
        short = view.table or view.scenario  # the least the title shows
        title_need = app.text.width(short, layout.min_text, FONT_BOLD) + g
        if free - width < title_need:  # the status gives way, down to the smallest text
            least = app.text.width(view.status, layout.min_text, FONT_BOLD) + 2 * g
            width = min(free, max(least, free - title_need))
        status = pygame.Rect(right - width, 0, width, layout.header.height)
        title = pygame.Rect(left, 0, max(1, status.x - left - g), layout.header.height)
        return title, status

    def paint(self, surface: pygame.Surface, layout: BoardLayout, view: HeaderView) -> None:
        app = self.app
        pygame.draw.rect(surface, theme.HEADER, layout.header)
        title_rect, status_rect = self.split(layout, view)
        title_style = BODY.bold().ink(theme.HEADER_INK).middle().lines(1).shrink()
        title = f"{view.table or app.t('app.title')} · {view.scenario}"
        if app.text.fitted(title, title_rect, title_style, app.scale).truncated:
            # the table's name tells the tables apart (a timer running over took the room and
            # "Bord 2 · …" became the scenario alone); without one, the scenario does
            title = view.table or view.scenario
        app.text.draw(surface, title, title_rect, title_style)
        status_ink = theme.YELLOW if view.late else theme.HEADER_INK
        status_style = HEADING.ink(status_ink).center().middle().lines(1).shrink()
        app.text.draw(surface, view.status, status_rect, status_style)
        if not view.buttons:  # a picture next to a report: nothing there can be pressed
            return
        enabled = {"undo": view.can_undo, "redo": view.can_redo, "help": True, "menu": True}
        for name, rect in layout.header_buttons.items():
            button(
                surface,
                app.text,
                rect,
                app.t(f"board.{name}"),
                layout.min_text,
                radius=layout.radius,
                enabled=enabled[name],
                hover=view.hover == name,
            )


@dataclass(frozen=True)
class EndYearView:
    """What the end-of-year button shows."""

    finished: bool
    """After the last year the button opens the debrief."""
    year: str | None
    hover: bool
    verdict: str = ""
    """In a report's picture of a finished game: the verdict the picture shows instead of a
    button ("Målet blev nået hvert år …", or why the game was lost)."""
    enabled: bool = True
    """False in a game open read-only: it ends no year (drawn greyed, as Fortryd is)."""


class EndYearPanel(Panel[BoardTable, BoardLayout]):
    """ "Afslut 2027" (Space), or "Se resultatet" once the game is over."""

    name = "end_year"
    View = EndYearView
    shadow = False

    def rect(self, layout: BoardLayout) -> pygame.Rect:
        return layout.end_year

    def view(self, table: BoardTable) -> EndYearView:
        state = table.state
        said = ""
        if table.picture and state.finished:
            said = " ".join(self.app.catalogue.verdict_reasons(engine.verdict(state)))
        elif table.stopped:
            said = self.app.catalogue.stopped_after(state.scenario.years, state.round)
        enabled = state.finished or not table.read_only
        return EndYearView(state.finished, state.year, table.hover == "end_year", said, enabled)

    def hit(self, pos: tuple[int, int], layout: BoardLayout, view: EndYearView) -> str | None:
        return "end_year"

    def needed_height(self, width: int, view: EndYearView) -> int:
        """The height the panel needs in ``width`` pixels to show the picture's verdict in
        full at the body size (0 for the button: its usual height). The report's board.png
        cut "… serviceniveauet endte på −6, ik…"."""
        if not view.verdict:
            return 0
        sc = self.app.scale
        inner = width - 2 * sc.gap
        fitted = self.app.text.fit(view.verdict, inner, 100_000, sc.body, sc.body, FONT_BOLD)
        return fitted.height + 2 * sc.gap

    def paint(self, surface: pygame.Surface, layout: BoardLayout, view: EndYearView) -> None:
        t = self.app.t
        if view.verdict:
            panel(surface, layout.end_year, layout.radius)
            box = layout.end_year.inflate(-2 * layout.gap, -2 * layout.gap)
            self.app.text.draw(surface, view.verdict, box, BODY.bold().middle().shrink())
            return
        label = t("board.debrief") if view.finished else t("board.end_year", year=view.year)
        button(
            surface,
            self.app.text,
            layout.end_year,
            label,
            layout.heading,
            radius=layout.radius,
            primary=True,
            enabled=view.enabled,
            hint="" if view.finished or not view.enabled else t("board.end_year_key"),
            hover=view.hover,
        )


def table_heading(app: Host) -> str:
    """ "Bord 3", "Bord 6 (papir)" – which table is on the projector – or "" unnamed."""
    name = app.game.table_name
    if name and app.game.paper is not None:
        return f"{name} ({app.t('paper.marker')})"
    return name


def format_clock(seconds: float) -> str:
    """Seconds as m:ss."""
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def round_clock(app: Host) -> str:
    """The round timer as the header shows it ("Tid: 7:32" / "Over tid: 1:10"), or ""
    without a timer."""
    left = app.game.seconds_left()
    if left == float("inf"):
        return ""
    if left >= 0:
        return app.t("board.timer", time=format_clock(left))
    return app.t("board.timer_over", time=format_clock(-left))
