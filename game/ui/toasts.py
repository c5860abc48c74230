"""The notices at the bottom of the window (toasts): the game controller keeps them as data,
this draws them, newest at the bottom, problems in the warning colour."""

from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.draw import panel
from game.ui.text import TextRenderer
from game.ui.theme import BODY, Scale


def draw_notices(
    surface: pygame.Surface, text: TextRenderer, notices: list[tuple[str, bool]]
) -> None:
    """Draw ``notices`` (words, is it a problem) stacked up from the bottom of ``surface``."""
    if not notices:
        return
    scale = Scale(surface.get_height())
    width, height = surface.get_size()
    y = height - scale.gap * 3
    size = scale.body
    box_w = min(width - 4 * scale.gap, max(width // 2, size * 24))
    style = BODY.ink(theme.HEADER_INK).center().middle().shrink()
    for words, error in reversed(notices):
        fitted = text.fit(words, box_w - 4 * scale.gap, size * 4, size, scale.min_text)
        box_h = fitted.height + 2 * scale.gap
        y -= box_h
        rect = pygame.Rect((width - box_w) // 2, y, box_w, box_h)
        panel(surface, rect, scale.radius, theme.WARNING if error else theme.HEADER)
        text.draw(surface, words, rect.inflate(-4 * scale.gap, -2 * scale.gap), style)
        y -= scale.gap
