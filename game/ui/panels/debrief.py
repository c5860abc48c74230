"""The debrief's frame: what it has on the table (``DebriefTable``), its rectangles
(``DebriefLayout``), and the panels around its pages: the title band, the tabs and the
footer with Rapport / Nyt spil / Menu and the report's status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.engine import Verdict
from game.ui import theme
from game.ui.layout_grid import split_columns
from game.ui.pages import FooterButton, draw_footer, draw_header, footer_rects, page_layout
from game.ui.panels import Panel
from game.ui.panels.header import table_heading
from game.ui.retained import Same
from game.ui.theme import BODY, Scale

if TYPE_CHECKING:
    from game.engine.whatif import WhatIf  # computed in the background: imported when used

TABS: tuple[str, ...] = ("result", "proposals", "questions", "whatif")
BUTTONS: tuple[str, ...] = ("report", "new", "menu")
"""The footer's buttons: Rapport, Nyt spil and Menu (whose Fortryd takes the last year back
for a mouse; a fourth button left the report's status and the notices no room)."""


@dataclass(frozen=True)
class DebriefTable:
    """Everything the debrief shows now, gathered once a frame by the debrief scene."""

    state: Same
    """The finished game's state."""
    verdict: Verdict
    tab: str
    scroll: int
    """The first row shown of the current tab's list."""
    whatif: WhatIf | None
    whatif_error: str
    status: str
    """The footer's line: the report being written, where it went, or why it failed."""
    status_ink: theme.Color


@dataclass(frozen=True)
class DebriefLayout:
    """The debrief's rectangles."""

    header: pygame.Rect
    strip: pygame.Rect
    body: pygame.Rect
    footer: pygame.Rect
    tabs: tuple[pygame.Rect, ...]
    buttons: dict[str, pygame.Rect]
    button_w: int
    radius: int


def debrief_layout(width: int, height: int) -> DebriefLayout:
    """The debrief for a window of ``width`` × ``height``."""
    sc = Scale(height)
    page = page_layout(width, height, round(sc.body * 2.0))
    tabs = tuple(split_columns(page.strip, [1.0] * len(TABS), sc.gap))
    rect = page.footer
    button_w = min(rect.width // 5, max(sc.body * 9, rect.width // 6))
    buttons = footer_rects(rect, list(BUTTONS), button_w, sc.gap)
    return DebriefLayout(
        page.header, page.strip, page.body, page.footer, tabs, buttons, button_w, sc.radius
    )


@dataclass(frozen=True)
class TitleView:
    """What the title band shows."""

    title: str
    subtitle: str


class TitlePanel(Panel[DebriefTable, DebriefLayout]):
    """The dark band: won or lost, and the scenario with its years."""

    name = "title"
    View = TitleView
    shadow = False

    def rect(self, layout: DebriefLayout) -> pygame.Rect:
        return layout.header

    def view(self, table: DebriefTable) -> TitleView:
        won = table.verdict.won
        scenario = table.state.item.scenario
        subtitle = f"{scenario.title} · {scenario.years[0]}–{scenario.years[-1]}"
        heading = table_heading(self.app)
        if heading:  # which table's result is on the projector
            subtitle = f"{heading} · {subtitle}"
        return TitleView(self.app.t("debrief.won" if won else "debrief.lost"), subtitle)

    def paint(self, surface: pygame.Surface, layout: DebriefLayout, view: TitleView) -> None:
        draw_header(self.app, surface, view.title, view.subtitle)


@dataclass(frozen=True)
class TabsView:
    """What the tab strip shows."""

    active: int


class TabsPanel(Panel[DebriefTable, DebriefLayout]):
    """The four tabs (keys 1–4); a click opens one ("tab:N")."""

    name = "tabs"
    View = TabsView
    shadow = False

    def rect(self, layout: DebriefLayout) -> pygame.Rect:
        return layout.strip

    def view(self, table: DebriefTable) -> TabsView:
        return TabsView(TABS.index(table.tab))

    def hit(self, pos: tuple[int, int], layout: DebriefLayout, view: TabsView) -> str | None:
        return next((f"tab:{i}" for i, r in enumerate(layout.tabs) if r.collidepoint(pos)), None)

    def paint(self, surface: pygame.Surface, layout: DebriefLayout, view: TabsView) -> None:
        app = self.app
        sc = app.scale
        for index, (name, tab) in enumerate(zip(TABS, layout.tabs)):
            active = index == view.active
            fill = theme.HEADER if active else theme.PANEL
            ink = theme.HEADER_INK if active else theme.INK
            pygame.draw.rect(surface, fill, tab, border_radius=sc.radius)
            if not active:
                pygame.draw.rect(surface, theme.LINE, tab, 1, border_radius=sc.radius)
            label = f"{index + 1}  {app.t(f'debrief.tab.{name}')}"
            style = BODY.bold().ink(ink).center().middle().lines(1).shrink()
            app.text.draw(surface, label, tab.inflate(-sc.gap, 0), style)


@dataclass(frozen=True)
class FooterView:
    """What the footer shows."""

    status: str
    ink: theme.Color


class FooterPanel(Panel[DebriefTable, DebriefLayout]):
    """Rapport (R), Nyt spil (N), Menu (Esc) and the report's status; a click presses a
    button ("button:report")."""

    name = "footer"
    View = FooterView
    shadow = False

    def rect(self, layout: DebriefLayout) -> pygame.Rect:
        return layout.footer

    def view(self, table: DebriefTable) -> FooterView:
        return FooterView(table.status, table.status_ink)

    def hit(self, pos: tuple[int, int], layout: DebriefLayout, view: FooterView) -> str | None:
        found = (name for name, r in layout.buttons.items() if r.collidepoint(pos))
        return next((f"button:{name}" for name in found), None)

    def paint(self, surface: pygame.Surface, layout: DebriefLayout, view: FooterView) -> None:
        t = self.app.t
        buttons = [
            FooterButton(
                name, t(f"debrief.button.{name}"), t(f"debrief.key.{name}"), name == "report"
            )
            for name in BUTTONS
        ]
        width = layout.button_w
        draw_footer(self.app, surface, layout.footer, buttons, width, view.status, view.ink)
