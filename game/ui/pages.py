"""Full-screen pages of the debrief and the table comparison: the dark header, a strip under
it (the debrief's tabs, the comparison's folder row), the body, and a footer of buttons on
the right with a status line on the left. Both pages scroll their lists with the same keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.ui import theme
from game.ui.draw import button
from game.ui.scenes.year import draw_header
from game.ui.theme import TINY, Color

if TYPE_CHECKING:
    from game.ui.app import App

SCROLL_KEYS = {pygame.K_DOWN: 1, pygame.K_PAGEDOWN: 5, pygame.K_UP: -1, pygame.K_PAGEUP: -5}
"""Rows a key scrolls a page's list by (the mouse wheel scrolls three per notch)."""


@dataclass(frozen=True)
class PageRects:
    """Where a page puts its parts (the header is drawn already)."""

    strip: pygame.Rect
    body: pygame.Rect
    footer: pygame.Rect


@dataclass(frozen=True)
class FooterButton:
    """One button of a page's footer."""

    name: str
    label: str
    hint: str
    primary: bool = False
    enabled: bool = True


def draw_page(
    app: App, surface: pygame.Surface, title: str, subtitle: str, strip_h: int
) -> PageRects:
    """Fill the page, draw its header and return the strip (``strip_h`` high), the body and
    the footer under it."""
    sc = app.scale
    g = sc.gap
    surface.fill(theme.BACKGROUND)
    header = draw_header(app, surface, title, subtitle)
    width, height = surface.get_size()
    strip = pygame.Rect(2 * g, header.bottom + g, width - 4 * g, strip_h)
    foot_h = max(round(sc.heading * 2.0), round(height * 0.08))
    body = pygame.Rect(
        2 * g, strip.bottom + g, width - 4 * g, height - strip.bottom - foot_h - 4 * g
    )
    footer = pygame.Rect(2 * g, height - foot_h - 2 * g, width - 4 * g, foot_h)
    return PageRects(strip, body, footer)


def draw_footer(
    app: App,
    surface: pygame.Surface,
    rect: pygame.Rect,
    buttons: list[FooterButton],
    width: int,
    status: str,
    ink: Color,
) -> dict[str, pygame.Rect]:
    """The footer: ``buttons`` (each ``width`` wide, in this order) against the right edge and
    ``status`` in the room left of them. Returns each button's rectangle by name."""
    sc = app.scale
    g = sc.gap
    rects: dict[str, pygame.Rect] = {}
    x = rect.right - len(buttons) * (width + g) + g
    for entry in buttons:
        box = pygame.Rect(x, rect.y, width, rect.height)
        rects[entry.name] = box
        button(
            surface,
            app.text,
            box,
            entry.label,
            sc.body,
            radius=sc.radius,
            primary=entry.primary,
            enabled=entry.enabled,
            hint=entry.hint,
        )
        x += width + g
    left = rect.right - len(buttons) * (width + g)
    app.text.draw(
        surface,
        status,
        pygame.Rect(rect.x, rect.y, left - rect.x, rect.height),
        TINY.ink(ink).middle().lines(3),
    )
    return rects
