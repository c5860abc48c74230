"""Drawing helpers shared by the scenes: panels, buttons, kind icons, meters and sparklines."""

from __future__ import annotations

import math

import pygame

from game.engine import Kind
from game.ui import theme
from game.ui.charts import hatch
from game.ui.text import TextRenderer
from game.ui.theme import BODY, Color


def panel(
    surface: pygame.Surface,
    rect: pygame.Rect,
    radius: int,
    color: Color = theme.PANEL,
    *,
    shadow: bool = True,
    border: Color | None = None,
    width: int = 0,
) -> None:
    """A rounded panel with a soft offset shadow."""
    if shadow:
        drop_shadow(surface, rect, radius, max(2, radius // 3))
    pygame.draw.rect(surface, color, rect, border_radius=radius)
    if border is not None:
        pygame.draw.rect(surface, border, rect, max(1, width), border_radius=radius)


def drop_shadow(
    surface: pygame.Surface,
    rect: pygame.Rect,
    radius: int,
    offset: int,
    color: Color = theme.SHADOW,
) -> None:
    """The shadow of a rounded rectangle ``rect`` that is drawn over it next: ``rect`` moved
    down by ``offset``. Only the bands that stay visible (by the top corners and under the
    bottom edge) are painted, so a large panel does not fill its area twice."""
    moved = rect.move(0, offset)
    edge = radius + 2  # rows of ``rect`` that its rounded corners may leave uncovered
    bands = (
        pygame.Rect(moved.x, moved.y, moved.width, rect.y + edge - moved.y),
        pygame.Rect(moved.x, rect.bottom - edge, moved.width, moved.bottom - rect.bottom + edge),
    )
    clip = surface.get_clip()
    for band in bands:
        visible = band.clip(clip)
        if visible.width > 0 and visible.height > 0:
            surface.set_clip(visible)
            pygame.draw.rect(surface, color, moved, border_radius=radius)
    surface.set_clip(clip)


def button(
    surface: pygame.Surface,
    text: TextRenderer,
    rect: pygame.Rect,
    label: str,
    size: int,
    *,
    radius: int,
    primary: bool = False,
    enabled: bool = True,
    hint: str = "",
    hover: bool = False,
) -> None:
    """A rounded button; ``primary`` is filled with the accent colour, disabled is greyed,
    ``hover`` (the mouse is over it) darkens the fill a little."""
    if not enabled:
        fill, ink, edge = theme.DISABLED, theme.MUTED, theme.FAINT
    elif primary:
        fill, ink, edge = theme.ACCENT, theme.HEADER_INK, theme.ACCENT
    else:
        fill, ink, edge = theme.CARD, theme.INK, theme.LINE
    if hover and enabled:
        fill = theme.mix(fill, theme.INK, 0.12) if primary else theme.mix(fill, theme.ACCENT, 0.12)
    pygame.draw.rect(surface, fill, rect, border_radius=radius)
    pygame.draw.rect(surface, edge, rect, max(1, radius // 5), border_radius=radius)
    inner = rect.inflate(-radius, -max(2, radius // 3))
    if hint and rect.height > size * 2.6:
        top, bottom = inner.copy(), inner.copy()
        top.height = round(inner.height * 0.6)
        bottom.y, bottom.height = top.bottom, inner.height - top.height
        text.draw(surface, label, top, BODY.sized(size).bold().ink(ink).center().bottom().lines(1))
        text.draw(
            surface,
            hint,
            bottom,
            BODY.sized(max(1, round(size * 0.8))).ink(ink).center().lines(1).shrink(1),
        )
        return
    text.draw(
        surface,
        label,
        inner,
        BODY.sized(size).bold().ink(ink).center().middle().lines(1).shrink(max(1, size * 2 // 3)),
    )


def kind_icon(surface: pygame.Surface, kind: Kind, rect: pygame.Rect, color: Color) -> None:
    """The shape that names a kind without colour: a coin with a minus for savings, a gear for
    efficiencies, a rising arrow for investments."""
    r = min(rect.width, rect.height) // 2
    cx, cy = rect.center
    line = max(2, r // 4)
    if kind is Kind.SAVING:
        # a coin with a minus: money taken out
        pygame.draw.circle(surface, color, (cx, cy), r)
        pygame.draw.circle(surface, theme.CARD, (cx, cy), max(1, r - line))
        pygame.draw.rect(surface, color, pygame.Rect(cx - r // 2, cy - line // 2, r, line))
    elif kind is Kind.EFFICIENCY:
        # a gear: ring with teeth
        for i in range(8):
            angle = i * math.pi / 4
            x = cx + math.cos(angle) * (r - line)
            y = cy + math.sin(angle) * (r - line)
            pygame.draw.circle(surface, color, (round(x), round(y)), max(1, line))
        pygame.draw.circle(surface, color, (cx, cy), max(1, r - line))
        pygame.draw.circle(surface, theme.CARD, (cx, cy), max(1, r // 3))
    else:
        # a rising arrow over a base line: pays back later
        base = cy + r - line
        pygame.draw.rect(surface, color, pygame.Rect(cx - r, base, 2 * r, line))
        points = [
            (cx - r, base - line),
            (cx - r // 4, cy),
            (cx + r // 5, cy + r // 3),
            (cx + r - line, cy - r + line * 2),
        ]
        pygame.draw.lines(surface, color, False, points, line)
        tip = (cx + r, cy - r)
        pygame.draw.polygon(
            surface,
            color,
            [tip, (tip[0] - r // 1.4, tip[1] + line // 2), (tip[0] - line // 2, tip[1] + r // 1.4)],
        )


def pips(
    surface: pygame.Surface,
    rect: pygame.Rect,
    filled: int,
    total: int,
    color: Color,
    *,
    empty: Color = theme.DISABLED,
) -> None:
    """A row of ``total`` rounded pips, the first ``filled`` coloured (the one gauge of the UI:
    the board's capacity and fatigue meters)."""
    if total <= 0:
        return
    g = max(2, rect.height // 5)
    w = min(rect.height * 1.6, (rect.width - g * (total - 1)) / total)
    for i in range(total):
        pip = pygame.Rect(round(rect.x + i * (w + g)), rect.y, max(2, round(w)), rect.height)
        pygame.draw.rect(
            surface, color if i < filled else empty, pip, border_radius=max(1, rect.height // 3)
        )


def effect_bars(
    surface: pygame.Surface,
    rect: pygame.Rect,
    values: list[float],
    scale_max: float,
    color: Color,
    *,
    negative: Color = theme.GAP,
    low: list[float] | None = None,
    high: list[float] | None = None,
    range_color: Color = theme.FAN,
) -> list[pygame.Rect]:
    """A sparkline of columns around a zero line: gains up, costs down and hatched in
    ``negative`` (the one sparkline of the UI: market cards and the card view).

    ``low``/``high`` draw the uncertainty range (10–90 %) as a light block behind a narrower
    bar. Returns each column's slot."""
    n = max(1, len(values))
    g = max(1, rect.width // (n * 6))
    w = (rect.width - g * (n - 1)) / n
    top = max(1e-9, scale_max)
    cost = max([-v for v in values if v < 0], default=0.0)
    # the zero line splits the height in proportion to the largest gain and the largest cost
    # (within 25–85 %), and one scale serves both: a cost of 4 is as tall as a gain of 4
    share = 0.96 if cost <= 0 else min(0.85, max(0.25, top / (top + cost)))
    zero = rect.y + rect.height * share
    up = zero - rect.y
    down = rect.bottom - zero
    per_unit = up / top if cost <= 0 else min(up / top, down / cost)
    slots: list[pygame.Rect] = []
    for i, value in enumerate(values):
        x = round(rect.x + i * (w + g))
        slot = pygame.Rect(x, rect.y, max(1, round(w)), rect.height)
        slots.append(slot)
        if low is not None and high is not None and high[i] > low[i] and value > 0:
            y1 = round(zero - min(up, max(0.0, high[i]) * per_unit))
            y0 = round(zero - min(up, max(0.0, low[i]) * per_unit))
            span = pygame.Rect(x, y1, max(1, round(w)), max(1, y0 - y1))
            pygame.draw.rect(surface, range_color, span)
        bar_w = max(1, round(w * (0.6 if low is not None else 1.0)))
        bar_x = x + (round(w) - bar_w) // 2
        if value >= 0:
            h = min(up, value * per_unit)
            bar = pygame.Rect(bar_x, round(zero - h), bar_w, max(1, round(h)))
            pygame.draw.rect(surface, color, bar)
        else:  # a cost: hatched, like the year chart's gaps, so the sign reads without colour
            h = min(down, -value * per_unit)
            bar = pygame.Rect(bar_x, round(zero), bar_w, max(1, round(h)))
            pygame.draw.rect(surface, theme.mix(negative, theme.CARD, 0.7), bar)
            hatch(surface, bar, negative, step=max(4, bar_w // 2))
            pygame.draw.rect(surface, negative, bar, 1)
    pygame.draw.line(surface, theme.LINE, (rect.x, round(zero)), (rect.right, round(zero)), 1)
    return slots
