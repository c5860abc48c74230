"""The band under the board's header while the game is not in its save file: what is not
saved and why, in plain words, and a button to save elsewhere (G) – or, for a game opened
read-only, a button to continue in a copy (K). It stays until saving works again."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui import theme
from game.ui.draw import button
from game.ui.layout import BoardLayout
from game.ui.panels import Panel
from game.ui.panels.table import BoardTable
from game.ui.scene import Host
from game.ui.theme import BODY


@dataclass(frozen=True)
class BannerView:
    """What the banner says."""

    text: str
    read_only: bool
    """The game is open read-only: the button continues in a copy instead …"""
    hover: bool
    free: bool = False
    """… or, once the other window has closed the game, continues it here …"""
    paper: bool = False
    """… or, for a paper table's game, opens its sheet to be corrected."""


class BannerPanel(Panel[BoardTable, BoardLayout]):
    """The "not saved" band; a click on its button opens "save elsewhere" ("save_elsewhere")
    or continues in a copy ("as_copy")."""

    name = "banner"
    View = BannerView
    shadow = False

    def rect(self, layout: BoardLayout) -> pygame.Rect:
        return layout.banner if layout.banner is not None else pygame.Rect(0, 0, 1, 1)

    def view(self, table: BoardTable) -> BannerView:
        hover = table.hover == self.action(table)
        return BannerView(table.banner, table.read_only, hover, table.viewed_free, table.paper)

    @staticmethod
    def action(table: BoardTable) -> str:
        """What the banner's button does."""
        return "as_copy" if table.read_only else "save_elsewhere"

    def button_rect(self, layout: BoardLayout) -> pygame.Rect:
        """The banner's button, against its right edge."""
        rect = self.rect(layout)
        g = layout.gap
        width = min(rect.width // 3, max(layout.body * 10, rect.width // 5))
        return pygame.Rect(rect.right - width - g, rect.y + g // 2, width, rect.height - g)

    def hit(self, pos: tuple[int, int], layout: BoardLayout, view: BannerView) -> str | None:
        if self.button_rect(layout).collidepoint(pos):
            return "as_copy" if view.read_only else "save_elsewhere"
        return None

    def paint(self, surface: pygame.Surface, layout: BoardLayout, view: BannerView) -> None:
        app = self.app
        rect = self.rect(layout)
        pygame.draw.rect(surface, theme.WARNING, rect)
        knob = self.button_rect(layout)
        words = pygame.Rect(
            rect.x + 2 * layout.gap, rect.y, knob.x - rect.x - 3 * layout.gap, rect.height
        )
        style = BODY.bold().ink(theme.HEADER_INK).middle().lines(2).tight().shrink()
        app.text.draw(surface, view.text, words, style)
        label = app.t(
            "save.edit_paper"
            if view.paper
            else "save.continue_here"
            if view.read_only and view.free
            else "save.as_copy"
            if view.read_only
            else "save.button"
        )
        button(
            surface,
            app.text,
            knob,
            label,
            layout.min_text,
            radius=layout.radius,
            hover=view.hover,
        )


def banner_text(app: Host) -> str:
    """What the banner says: the game is open read-only, or why it is not saved and how to
    save it elsewhere; "" while the game is saved."""
    game = app.game
    if game.looking_at_paper:
        return app.t("save.banner_paper")
    if game.read_only:
        return app.t("save.banner_free" if game.viewed_free else "save.banner_readonly")
    problem = game.unsaved()
    return app.t("save.banner", message=app.say(problem)) if problem is not None else ""
