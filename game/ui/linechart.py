"""The debrief's line charts (service level and fatigue over the years), drawn like the
charts of ``game.ui.charts``: nothing outside the rectangle, nothing told by colour alone."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pygame

from game.numbers import format_amount
from game.ui import theme
from game.ui.charts import ValueAxis, _scale, blit_text, fitting, hatch, year_options
from game.ui.fonts import Fonts
from game.ui.text import wrap_lines
from game.ui.theme import FONT_BOLD, FONT_REGULAR, Color, Scale


def draw_line_chart(
    surface: pygame.Surface,
    rect: pygame.Rect,
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    fonts: Fonts,
    color: Color = theme.BLUE,
    floor: float | None = None,
    floor_label: str = "",
    lang: str = "da",
    scale: Scale | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
    signed: bool = False,
    background: Color = theme.PANEL,
) -> None:
    """One series over the years (service level, fatigue): a title, a line with square markers
    and the value at every point (with its sign when ``signed``: "+8", "−7"), and an optional
    dashed ``floor`` line (the service floor), labelled at its left end, away from the last
    year's point that decides the game. Values stand on ``background`` (the panel's colour),
    so the line between two years never runs through one."""
    sc = _scale(surface, scale)
    if rect.width <= 0 or rect.height <= 0:
        return
    title_font = fonts.get(FONT_BOLD, max(sc.min_text, sc.body))
    label_font = fonts.get(FONT_REGULAR, sc.min_text)
    line = label_font.get_linesize()
    title_line = title_font.get_linesize()
    pad = sc.gap
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip))
    blit_text(surface, title, title_font, theme.INK, "topleft", rect.topleft, rect.width)
    plot = pygame.Rect(
        rect.left + pad,
        rect.top + title_line + pad + line,
        rect.width - 2 * pad,
        rect.height - title_line - 2 * line - 2 * pad,
    )
    if plot.height < 8 or not values:
        surface.set_clip(clip)
        return
    spread = list(values)
    if floor is not None:
        spread.append(floor)
    if minimum is not None:
        spread.append(minimum)
    if maximum is not None:
        spread.append(maximum)
    axis = ValueAxis.fit(spread, plot.top, plot.bottom, pad=0.0)
    if axis.low < 0:
        y0 = axis.y(0.0)
        pygame.draw.line(surface, theme.FAINT, (plot.left, y0), (plot.right, y0), 1)
    n = len(values)
    step = plot.width / max(1, n)
    points = [(round(plot.left + (i + 0.5) * step), axis.y(v)) for i, v in enumerate(values)]
    marker = max(6, pad + 2)
    if floor is not None:
        y_floor = axis.y(floor)
        _dashed(surface, theme.GAP, (plot.left, y_floor), (plot.right, y_floor), 3, pad)
        if floor_label:
            # at the left end, above the line; where a point's value stands there, below
            # the line, or else between the first two points (never over a value)
            size = label_font.size(floor_label)
            taken = [
                _value_box(label_font, x, y, marker, value, floor, signed, lang, i == n - 1)
                for i, ((x, y), value) in enumerate(zip(points, values))
            ]
            # then between any two points, then at the right end (a line that starts on the
            # floor and rises ran through "gulv −3" between the first two)
            middles = [(a[0] + b[0]) // 2 - size[0] // 2 for a, b in itertools.pairwise(points)]
            lefts = [plot.left, *middles, plot.right - size[0]]
            spots = [
                pygame.Rect(left, y, *size)
                for left in lefts
                for y in (y_floor - 2 - size[1], y_floor + 2)
            ]
            top = plot.top - line  # from the values' line above the plot to the years' line
            room = pygame.Rect(rect.left, top, rect.width, rect.bottom - line - top)
            free = [
                spot
                for spot in spots
                if room.contains(spot) and not any(spot.colliderect(box) for box in taken)
            ]
            # and, where a spot allows, clear of the line and the points' markers too (the
            # falling line ran through "gulv −6")
            marks = [pygame.Rect(x - marker, y - marker, 2 * marker, 2 * marker) for x, y in points]
            segments = list(itertools.pairwise(points))
            clear = [
                spot
                for spot in free
                if not any(spot.colliderect(box) for box in marks)
                and not any(spot.clipline(a, b) for a, b in segments)
            ]
            spot = (clear or free or spots)[0]
            blit_text(surface, floor_label, label_font, theme.GAP, "topleft", spot.topleft)
    if len(points) > 1:
        pygame.draw.lines(surface, color, False, points, max(3, pad // 2))
    for index, ((x, y), value) in enumerate(zip(points, values)):
        below = floor is not None and value < floor
        last = index == len(points) - 1
        square = pygame.Rect(0, 0, marker, marker)
        square.center = (x, y)
        pygame.draw.rect(surface, theme.GAP if below else color, square)
        pygame.draw.rect(surface, theme.CARD, square, 1)
        # a point under the floor has its value beside it, clear of the dashed floor line
        # (the last one on its right, where no line runs on)
        box = _value_box(label_font, x, y, marker, value, floor, signed, lang, last)
        # on the panel's colour, so the line between the years passes behind the value
        pygame.draw.rect(surface, background, box.inflate(4, -max(0, box.height // 5)))
        blit_text(
            surface,
            format_amount(value, lang, decimals=0, sign=signed),
            label_font,
            theme.GAP if below else theme.INK,
            "topleft",
            box.topleft,
        )
    for i, label in enumerate(labels[:n]):
        blit_text(
            surface,
            fitting(label_font, year_options(label), max(8, round(step) - 4)),
            label_font,
            theme.MUTED,
            "midtop",
            (points[i][0], rect.bottom - line),
            max(8, round(step) - 4),
        )
    surface.set_clip(clip)


def _value_box(
    font: pygame.font.Font,
    x: int,
    y: int,
    marker: int,
    value: float,
    floor: float | None,
    signed: bool,
    lang: str,
    last: bool,
) -> pygame.Rect:
    """Where ``line_chart`` writes a point's value (as it places it), for keeping other
    labels off it."""
    width, height = font.size(format_amount(value, lang, decimals=0, sign=signed))
    box = pygame.Rect(0, 0, width, height)
    below = floor is not None and value < floor
    if below and last:
        box.midleft = (x + marker // 2 + 3, y)
    elif below:
        box.midright = (x - marker // 2 - 3, y)
    else:
        box.midbottom = (x, y - marker // 2 - 2)
    return box


def _dashed(
    surface: pygame.Surface,
    color: Color,
    start: tuple[int, int],
    end: tuple[int, int],
    width: int,
    dash: int,
) -> None:
    """A horizontal dashed line."""
    x, y = start
    while x < end[0]:
        pygame.draw.line(surface, color, (x, y), (min(end[0], x + dash), y), width)
        x += 2 * dash


def draw_fatigue_chart(
    surface: pygame.Surface,
    rect: pygame.Rect,
    labels: Sequence[str],
    peaks: Sequence[int],
    ends: Sequence[int],
    *,
    title: str,
    note: str,
    fonts: Fonts,
    scale: Scale | None = None,
) -> None:
    """Træthed year by year: a column up to the year-end level with that number over it, the
    part shed at the turn of the year hatched and marked "−3", and the level carried on
    written in the solid part (when something was shed; else the number over it says it).
    ``note`` (under the title) says how to read it."""
    sc = _scale(surface, scale)
    if rect.width <= 0 or rect.height <= 0:
        return
    title_font = fonts.get(FONT_BOLD, max(sc.min_text, sc.body))
    label_font = fonts.get(FONT_REGULAR, sc.min_text)
    value_font = fonts.get(FONT_BOLD, sc.min_text)
    line = label_font.get_linesize()
    pad = sc.gap
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip))
    blit_text(surface, title, title_font, theme.INK, "topleft", rect.topleft, rect.width)
    y = rect.top + title_font.get_linesize()
    for text in wrap_lines(label_font, note, rect.width):
        blit_text(surface, text, label_font, theme.MUTED, "topleft", (rect.left, y), rect.width)
        y += line
    plot = pygame.Rect(
        rect.left + pad, y + pad + line, rect.width - 2 * pad, rect.bottom - line - pad - y - line
    )
    n = len(peaks)
    if plot.height < 8 or n == 0:
        surface.set_clip(clip)
        return
    axis = ValueAxis.fit([0.0, *map(float, peaks), 6.0], plot.top, plot.bottom, pad=0.0)
    step = plot.width / n
    for i, (peak, end) in enumerate(zip(peaks, ends)):
        center = round(plot.left + (i + 0.5) * step)
        width = max(6, round(step * 0.6))
        top, kept, zero = axis.y(peak), axis.y(end), axis.y(0.0)
        kept_bar = pygame.Rect(center - width // 2, kept, width, max(1, zero - kept))
        pygame.draw.rect(surface, theme.ORANGE, kept_bar)
        # a number its part of the column is too low for is written beside the column, the
        # next one under it (a short first year's "−4" and "4" were left out), as long as it
        # stays in the gap before the next column; else over the column's own number (eight
        # years at 800×600: "−2" beside 2032 ran into 2033's "0" as "−20")
        beside = (kept_bar.right + 3, top - line)
        gap_end = round(plot.left + (i + 1) * step + (step - width) / 2) - 2
        over = top - 2 - value_font.get_linesize()
        if peak > end:
            shed = pygame.Rect(center - width // 2, top, width, max(1, kept - top))
            pygame.draw.rect(surface, theme.mix(theme.ORANGE, theme.CARD, 0.75), shed)
            hatch(surface, shed, theme.ORANGE, step=max(6, pad))
            pygame.draw.rect(surface, theme.ORANGE, shed, 1)
            words = f"−{peak - end}"
            if shed.height >= line:
                blit_text(surface, words, value_font, theme.INK, "center", shed.center)
            elif beside[0] + value_font.size(words)[0] > gap_end and over - line >= y:
                blit_text(surface, words, value_font, theme.INK, "midbottom", (center, over))
            else:
                beside = (beside[0], max(shed.centery, beside[1] + line))
                blit_text(surface, words, value_font, theme.INK, "midleft", beside)
        if end == peak:
            pass  # nothing was shed: the number over the column says it (not "8" twice)
        elif end and kept_bar.height >= line:
            blit_text(surface, str(end), value_font, theme.INK, "midtop", (center, kept + 1))
        elif end and beside[0] + value_font.size(str(end))[0] <= (kept_bar.right + gap_end) / 2:
            y_beside = max(kept_bar.centery, beside[1] + line)
            blit_text(surface, str(end), value_font, theme.INK, "midleft", (beside[0], y_beside))
        # else left out: nearer the next column than its own it read as the next year's
        # (eight years at 1024×768: "1" beside 2031 by 2032's "1"); the column less its
        # hatched part says it
        blit_text(surface, str(peak), value_font, theme.INK, "midbottom", (center, top - 2))
        blit_text(
            surface,
            fitting(label_font, year_options(labels[i]), max(8, round(step) - 4))
            if i < len(labels)
            else "",
            label_font,
            theme.MUTED,
            "midtop",
            (center, rect.bottom - line),
            max(8, round(step) - 4),
        )
    surface.set_clip(clip)
