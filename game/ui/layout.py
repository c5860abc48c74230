"""Where everything goes: pure functions from the window size to the rectangles of a scene.

Nothing here needs a display; every function is tested at many window sizes. All sizes derive
from the window, so the board looks the same from 640×360 up to 3840×2160.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.ui.theme import Scale

Rect = pygame.Rect


def _rect(x: float, y: float, w: float, h: float) -> Rect:
    return Rect(round(x), round(y), max(1, round(w)), max(1, round(h)))


def split_columns(area: Rect, weights: list[float], gap: int) -> list[Rect]:
    """``area`` cut into columns with widths in proportion to ``weights`` and ``gap`` between."""
    free = max(len(weights), area.width - gap * (len(weights) - 1))
    total = sum(weights)
    rects: list[Rect] = []
    x = float(area.x)
    for weight in weights:
        width = free * weight / total
        rects.append(_rect(x, area.y, width, area.height))
        x += width + gap
    return rects


def split_rows(area: Rect, weights: list[float], gap: int) -> list[Rect]:
    """``area`` cut into rows with heights in proportion to ``weights`` and ``gap`` between."""
    free = max(len(weights), area.height - gap * (len(weights) - 1))
    total = sum(weights)
    rects: list[Rect] = []
    y = float(area.y)
    for weight in weights:
        height = free * weight / total
        rects.append(_rect(area.x, y, area.width, height))
        y += height + gap
    return rects


def grid(area: Rect, count: int, cols: int, gap: int) -> list[Rect]:
    """``count`` equal cells in reading order (left to right, then down) filling ``area``."""
    if count <= 0:
        return []
    cols = max(1, min(cols, count))
    rows = math.ceil(count / cols)
    width = (area.width - gap * (cols - 1)) / cols
    height = (area.height - gap * (rows - 1)) / rows
    return [
        _rect(
            area.x + (i % cols) * (width + gap),
            area.y + (i // cols) * (height + gap),
            width,
            height,
        )
        for i in range(count)
    ]


def market_columns(count: int) -> int:
    """Columns of the market grid: one row up to four cards, otherwise two rows."""
    return count if count <= 4 else math.ceil(count / 2)


@dataclass(frozen=True)
class BoardLayout:
    """The rectangles of the board."""

    width: int
    height: int
    min_text: int
    body: int
    heading: int
    big: int
    gap: int
    radius: int
    header: Rect
    header_title: Rect
    header_round: Rect
    header_buttons: dict[str, Rect]
    chart_panel: Rect
    chart_title: Rect
    risk: Rect
    chart: Rect
    market_panel: Rect
    market_title: Rect
    market: tuple[Rect, ...]
    side: Rect
    events: Rect
    meters: Rect
    adopted: Rect
    end_year: Rect
    toast: Rect

    def all_rects(self) -> list[Rect]:
        """Every rectangle (for tests: all must lie inside the window)."""
        rects = [
            self.header,
            self.header_title,
            self.header_round,
            self.chart_panel,
            self.chart_title,
            self.risk,
            self.chart,
            self.market_panel,
            self.market_title,
            self.side,
            self.events,
            self.meters,
            self.adopted,
            self.end_year,
            self.toast,
        ]
        return rects + list(self.market) + list(self.header_buttons.values())


HEADER_BUTTONS: tuple[str, ...] = ("undo", "redo", "help", "menu")


def board_layout(width: int, height: int, market_size: int, years: int) -> BoardLayout:
    """The board for a window of ``width`` × ``height`` with ``market_size`` cards on the table
    and ``years`` budget years."""
    width, height = max(1, width), max(1, height)
    scale = Scale(height)
    g = scale.gap
    header_h = max(round(scale.heading * 2.0), round(height * 0.075))
    header = _rect(0, 0, width, header_h)
    inner = _rect(g, header_h + g, width - 2 * g, height - header_h - 2 * g)

    # header: title | round | buttons
    button_h = max(scale.min_text + 2 * g, round(header_h * 0.62))
    button_w = max(scale.min_text * 5, round(width * 0.072))
    buttons: dict[str, Rect] = {}
    x = width - g
    for name in reversed(HEADER_BUTTONS):
        x -= button_w
        buttons[name] = _rect(x, (header_h - button_h) / 2, button_w, button_h)
        x -= g
    buttons = {name: buttons[name] for name in HEADER_BUTTONS}
    buttons_left = x
    title_w = max(1, (buttons_left - 2 * g) * 0.5)
    header_title = _rect(g * 2, 0, title_w, header_h)
    header_round = _rect(g * 3 + title_w, 0, max(1, buttons_left - g * 4 - title_w), header_h)

    left, side = split_columns(inner, [0.64, 0.36], g)
    chart_panel, market_panel = split_rows(left, [0.35, 0.65], g)
    pad = g
    title_h = round(scale.heading * 1.5)
    chart_title = _rect(
        chart_panel.x + pad, chart_panel.y + pad / 2, chart_panel.width * 0.45, title_h
    )
    risk = _rect(
        chart_title.right + pad,
        chart_panel.y + pad / 2,
        chart_panel.right - chart_title.right - 2 * pad,
        title_h,
    )
    chart = _rect(
        chart_panel.x + pad,
        chart_title.bottom,
        chart_panel.width - 2 * pad,
        chart_panel.bottom - chart_title.bottom - pad,
    )
    market_title = _rect(
        market_panel.x + pad, market_panel.y + pad / 2, market_panel.width - 2 * pad, title_h
    )
    market_area = _rect(
        market_panel.x + pad,
        market_title.bottom,
        market_panel.width - 2 * pad,
        market_panel.bottom - market_title.bottom - pad,
    )
    cards = tuple(grid(market_area, market_size, market_columns(market_size), g))

    end_h = max(round(scale.heading * 2.4), round(height * 0.09))
    side_body, end_area = (
        _rect(side.x, side.y, side.width, side.height - end_h - g),
        _rect(side.x, side.bottom - end_h, side.width, end_h),
    )
    events, meters, adopted = split_rows(side_body, [0.27, 0.25, 0.48], g)
    toast_w = min(width - 4 * g, max(width * 0.5, scale.body * 24))
    toast = _rect(
        (width - toast_w) / 2, height - g * 3 - scale.body * 4.2, toast_w, scale.body * 4.2
    )
    return BoardLayout(
        width=width,
        height=height,
        min_text=scale.min_text,
        body=scale.body,
        heading=scale.heading,
        big=scale.title,
        gap=g,
        radius=scale.radius,
        header=header,
        header_title=header_title,
        header_round=header_round,
        header_buttons=buttons,
        chart_panel=chart_panel,
        chart_title=chart_title,
        risk=risk,
        chart=chart,
        market_panel=market_panel,
        market_title=market_title,
        market=cards,
        side=side,
        events=events,
        meters=meters,
        adopted=adopted,
        end_year=end_area,
        toast=toast,
    )


@dataclass(frozen=True)
class CardLayout:
    """The rectangles of one proposal card drawn on the board (market slot)."""

    band: Rect
    icon: Rect
    kind: Rect
    number: Rect
    title: Rect
    area: Rect
    effect: Rect
    footer: Rect


def card_layout(card: Rect, min_text: int) -> CardLayout:
    """The parts of a small proposal card: kind band, title, area, effect strip and footer."""
    pad = max(3, round(min_text * 0.4))
    line = round(min_text * 1.3)
    band_h = max(line, round(card.height * 0.15))
    band = _rect(card.x, card.y, card.width, band_h)
    icon_s = max(1, band_h - pad)
    icon = _rect(card.x + pad, card.y + pad / 2, icon_s, icon_s)
    number_w = round(min_text * 1.6)
    number = _rect(card.right - pad - number_w, card.y, number_w, band_h)
    kind = _rect(icon.right + pad, card.y, max(1, number.x - icon.right - 2 * pad), band_h)
    footer = _rect(card.x + pad, card.bottom - line - pad / 2, card.width - 2 * pad, line)
    effect_h = max(round(line * 2.2), round(card.height * 0.27))
    effect = _rect(card.x + pad, footer.y - effect_h, card.width - 2 * pad, effect_h)
    area = _rect(card.x + pad, effect.y - line - pad / 2, card.width - 2 * pad, line)
    title = _rect(
        card.x + pad,
        band.bottom + pad / 2,
        card.width - 2 * pad,
        max(1, area.y - band.bottom - pad),
    )
    return CardLayout(band, icon, kind, number, title, area, effect, footer)
