"""The notices (toasts): the game controller keeps them as data, this draws them, newest at
the top, problems in the warning colour. They stand under the title band, or where the scene
says (``Scene.notices_area``, ``Scene.notices_below``), and never over a button: the window's
main buttons (Vedtag, Afslut året, Rapport) are at the bottom."""

from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.draw import panel
from game.ui.text import TextRenderer
from game.ui.theme import BODY, Scale


def shown_notices(notices: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The notices to draw, newest first, each wording once (a refusal repeated by three
    clicks is one notice, not a stack of three)."""
    seen: set[str] = set()
    shown = []
    for words, error in reversed(notices):
        if words not in seen:
            seen.add(words)
            shown.append((words, error))
    return shown


def _fit_whole(
    text: TextRenderer, shown: list[tuple[str, bool]], area: pygame.Rect, scale: Scale
) -> int:
    """How many of ``shown`` (newest first) stand whole in ``area``, one under the other (a
    button below it is never covered, and a notice is never cut)."""
    height = -scale.gap
    for count, (words, _) in enumerate(shown):
        # as large as the area's room left allows, down to the smallest text: a notice that
        # wrapped in the body size did not fit the debrief's footer, and stood over its page
        room = min(scale.body * 4, area.height - height - 3 * scale.gap)
        if room <= 0:
            return count
        fitted = text.fit(words, area.width - 4 * scale.gap, room, scale.body, scale.min_text)
        height += fitted.height + 3 * scale.gap
        if fitted.truncated or height > area.height:
            return count
    return len(shown)


def notice_top(surface: pygame.Surface) -> int:
    """Where the first notice starts: under the title band every scene draws at the top."""
    scale = Scale(surface.get_height())
    header = max(round(scale.heading * 2.0), round(surface.get_height() * 0.075))
    return header + scale.gap


def draw_notices(
    surface: pygame.Surface,
    text: TextRenderer,
    notices: list[tuple[str, bool]],
    top: int | None = None,
    area: pygame.Rect | None = None,
    newest: bool = False,
) -> None:
    """Draw ``notices`` (words, is it a problem) stacked down from under the title band, or
    from ``top`` (under a band the scene keeps there, such as the debrief's tabs), or inside
    ``area`` (a part of the scene that can be covered for a few seconds, such as the board's
    list of adopted proposals), as wide as it, when they all stand whole in it; with
    ``newest`` (a scene whose notices are about what was just done there, such as the card
    view's note), as many of the newest as stand whole in it. Otherwise all of them stand
    where they stand without an area."""
    if not notices:
        return
    scale = Scale(surface.get_height())
    width = surface.get_width()
    size = scale.body
    shown = shown_notices(notices)
    if area is not None:
        whole = _fit_whole(text, shown, area, scale)
        if whole and newest:
            # the newest that stand whole there: an older one has had its seconds, and under
            # the title band two of them covered the card's kind and title
            shown = shown[:whole]
        elif whole < len(shown):
            area = None  # more than the area holds whole: where the scene's notices otherwise go
    if area is not None:
        left, y, box_w = area.x, area.y, area.width
    else:
        y = max(notice_top(surface), top + scale.gap) if top is not None else notice_top(surface)
        box_w = min(width - 4 * scale.gap, max(width // 2, size * 24))
        left = (width - box_w) // 2
    style = BODY.ink(theme.HEADER_INK).center().middle().shrink()
    bottom = area.bottom if area is not None else surface.get_height()
    for words, error in shown:
        room = max(1, min(size * 4, bottom - y - 2 * scale.gap))
        fitted = text.fit(words, box_w - 4 * scale.gap, room, size, scale.min_text)
        box_h = fitted.height + 2 * scale.gap
        rect = pygame.Rect(left, y, box_w, box_h)
        panel(surface, rect, scale.radius, theme.WARNING if error else theme.HEADER)
        text.draw(surface, words, rect.inflate(-4 * scale.gap, -2 * scale.gap), style)
        y += box_h + scale.gap
