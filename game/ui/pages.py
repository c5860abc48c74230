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
from game.ui.layout_grid import split_columns
from game.ui.text import LINE_SPACING
from game.ui.theme import BODY, TINY, TITLE, Color, Scale

if TYPE_CHECKING:
    from game.ui.scene import Host

SCROLL_KEYS = {pygame.K_DOWN: 1, pygame.K_PAGEDOWN: 5, pygame.K_UP: -1, pygame.K_PAGEUP: -5}
"""Rows a key scrolls a page's list by (the mouse wheel scrolls three per notch)."""


@dataclass(frozen=True)
class PageRects:
    """Where a page puts its parts: the dark header band, the strip under it, the body and
    the footer."""

    strip: pygame.Rect
    body: pygame.Rect
    footer: pygame.Rect
    header: pygame.Rect


def page_layout(width: int, height: int, strip_h: int) -> PageRects:
    """The parts of a full-screen page of ``width`` × ``height`` with a strip ``strip_h``
    high under the header."""
    sc = Scale(height)
    g = sc.gap
    header = pygame.Rect(0, 0, width, max(round(sc.heading * 2.0), round(height * 0.075)))
    strip = pygame.Rect(2 * g, header.bottom + g, width - 4 * g, strip_h)
    foot_h = max(round(sc.heading * 2.0), round(height * 0.08))
    body = pygame.Rect(
        2 * g, strip.bottom + g, width - 4 * g, height - strip.bottom - foot_h - 4 * g
    )
    footer = pygame.Rect(2 * g, height - foot_h - 2 * g, width - 4 * g, foot_h)
    return PageRects(strip, body, footer, header)


def footer_rects(
    rect: pygame.Rect, names: list[str], width: int, gap: int
) -> dict[str, pygame.Rect]:
    """Where the footer's buttons ``names`` go: each ``width`` wide, against the right edge."""
    x = rect.right - len(names) * (width + gap) + gap
    rects = {}
    for name in names:
        rects[name] = pygame.Rect(x, rect.y, width, rect.height)
        x += width + gap
    return rects


@dataclass(frozen=True)
class FooterButton:
    """One button of a page's footer."""

    name: str
    label: str
    hint: str
    primary: bool = False
    enabled: bool = True


def line_height(app: Host, size: int, role: str = "regular") -> int:
    """The height of one line of fitted text at ``size`` (as ``TextRenderer.draw`` spaces it)."""
    return max(1, round(app.fonts.get(role, size).get_linesize() * LINE_SPACING))


def draw_header(app: Host, surface: pygame.Surface, title: str, subtitle: str) -> pygame.Rect:
    """The dark title band of a full-screen scene; returns its rectangle."""
    sc = app.scale
    width = surface.get_width()
    height = max(round(sc.heading * 2.0), round(surface.get_height() * 0.075))
    band = pygame.Rect(0, 0, width, height)
    pygame.draw.rect(surface, theme.HEADER, band)
    g = sc.gap
    inner = band.inflate(-4 * g, 0)
    # the title takes 62 % at most, and only what it needs: a short one ("I nåede det ikke")
    # leaves the rest to the subtitle, whose years were cut at 800×600 ("Bord 3 · Krise:
    # udligningschok sent i perioden ·…")
    title_w = app.text.width(title, sc.px(TITLE.size), TITLE.font) + 2 * g
    share = min(0.62, max(0.3, title_w / max(1, inner.width)))
    halves = split_columns(inner, [share, 1 - share], g)
    app.text.draw(surface, title, halves[0], TITLE.ink(theme.HEADER_INK).middle().lines(1).shrink())
    app.text.draw(
        surface, subtitle, halves[1], BODY.ink(theme.HEADER_INK).right().middle().lines(1).shrink()
    )
    return band


def draw_page(
    app: Host, surface: pygame.Surface, title: str, subtitle: str, strip_h: int
) -> PageRects:
    """Fill the page, draw its header and return the strip (``strip_h`` high), the body and
    the footer under it."""
    surface.fill(theme.BACKGROUND)
    draw_header(app, surface, title, subtitle)
    return page_layout(*surface.get_size(), strip_h)


def draw_footer(
    app: Host,
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
    rects = footer_rects(rect, [entry.name for entry in buttons], width, g)
    for entry in buttons:
        box = rects[entry.name]
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
    left = rect.right - len(buttons) * (width + g)
    app.text.draw(
        surface,
        status,
        pygame.Rect(rect.x, rect.y, left - rect.x, rect.height),
        TINY.ink(ink).middle().lines(3),
    )
    return rects
