"""How a table of proposals is laid out: the room one card needs for its title and its facts
(measured for the standard deck's titles at the smallest text), and the market plan that
shares the board between the side column, the chart and the cards (up to four rows of
three for ten to twelve cards). Pure functions; tested without a display."""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.ui.layout_grid import Rect, split_columns

NARROW_CARD = 8.5
"""A market card narrower than this many times the smallest text gets a third row instead."""


def market_columns(count: int, width: float | None = None, min_text: int = 0, gap: int = 0) -> int:
    """Columns of the market grid: one row up to four cards, otherwise two rows – or three
    when two rows in ``width`` pixels would make a card narrower than ``NARROW_CARD`` times
    the smallest text (nine cards on a 1024×768 projector)."""
    if count <= 4:
        return count
    cols = math.ceil(count / 2)
    if width is not None and (width - gap * (cols - 1)) / cols < NARROW_CARD * min_text:
        return math.ceil(count / 3)
    return cols


CARD_LINE = 1.22
"""The height of one line of a card's small text (tight spacing), in smallest-text sizes."""
TITLE_TWO_LINES = 11.4
"""A card title this many smallest-text sizes wide takes at most two lines (the longest titles
of the standard deck, measured at the smallest text: in bold, or in regular where bold would
need a third line); narrower takes three ..."""
TITLE_THREE_LINES = 10.6
"""... and narrower than this, four ..."""
TITLE_FOUR_LINES = 8.3
"""... and narrower than this, more (six, to be safe)."""
FACTS_ONE_LINE = 11.44
"""Belastning and træthed share one line on a card this many smallest-text sizes wide."""


def card_line(min_text: int) -> int:
    """The height in pixels of one line of a card's small text."""
    return round(min_text * CARD_LINE)


def card_text_lines(text_width: float, min_text: int) -> tuple[int, int]:
    """How many lines a market card's title and its facts (belastning, træthed, service) are
    expected to take in ``text_width`` pixels: (title lines, fact lines). An estimate for
    choosing the grid; the card measures its own text when it is drawn."""
    units = text_width / max(1, min_text)
    title = 6
    for lines, least in ((2, TITLE_TWO_LINES), (3, TITLE_THREE_LINES), (4, TITLE_FOUR_LINES)):
        if units >= least:
            title = lines
            break
    facts = 2 if units >= FACTS_ONE_LINE else 3
    return title, facts


def card_pad(min_text: int) -> int:
    """The padding inside a market card."""
    return max(3, round(min_text * 0.3))


def card_need(width: float, min_text: int) -> int:
    """The height a market card ``width`` pixels wide needs for its kind band, its title and
    its facts in full, the effect columns beside the last fact line (``card_text_lines``
    lines; ``card_layout``'s arithmetic)."""
    line = card_line(min_text)
    pad = card_pad(min_text)
    title, facts = card_text_lines(width - 2 * pad, min_text)
    rest = (title + facts) * line + 2.5 * pad + 1  # the columns beside the last fact line
    return math.ceil(max(rest + line, rest / 0.87))


@dataclass(frozen=True)
class MarketPlan:
    """How the left column and the side share the board, and the market's grid."""

    side_share: float
    """The side column's share of the width."""
    chart_h: int
    """The height of the chart panel (the market panel takes the rest of the left column)."""
    columns: int
    card_gap: int
    """The gap between two cards."""
    edge: int
    """The margin around the cards in the market panel (under its title, when it has one)."""
    slack: int
    """How many pixels a card has beyond what ``card_need`` says it needs (negative: short)."""


SIDE_NARROW = 0.05
"""How much of the width the side column gives the market when the cards need it."""
CHART_MIN = 0.24
"""The chart panel keeps at least this share of the left column's height …"""
CHART_MIN_UNDER_BANNER = 0.2
"""… and this much under a banner (a game open read-only or not saved), which takes a band
of the board: the cards keep the room for their titles (at 1024×768 they were cut to
"Højere…", one line, with the chart at its usual minimum)."""


def market_plan(
    inner: Rect,
    count: int,
    min_text: int,
    gap: int,
    title_h: int,
    *,
    wide: bool,
    chart_min: float = CHART_MIN,
) -> MarketPlan:
    """The shares of the board under the header (``inner``) for a market of ``count`` cards:
    the first plan in which every card has the room ``card_need`` asks for, trying the side
    column at its usual width before a narrower one and fewer rows before more (up to four
    rows of three cards for ten to twelve); when none has, the one that comes closest. The
    chart gets its usual share or what the cards leave, but at least ``chart_min``; the market
    has a title line ``title_h`` high (0: none, in a low window)."""
    low = title_h == 0
    base = 0.36 if wide else 0.33
    if count <= 4:
        options = [count]
    else:
        options = []
        for rows in (2, 3, 4):
            cols = math.ceil(count / rows)
            if cols not in options and (cols >= 3 or rows == 2):
                options.append(cols)
    plans: list[MarketPlan] = []
    for side_share in (base, base - SIDE_NARROW):
        left = split_columns(inner, [1 - side_share, side_share], gap)[0]
        for cols in options:
            rows = max(1, math.ceil(count / max(1, cols)))
            card_gap = gap if rows <= 3 else max(3, round(gap * 0.5))
            edge = gap if rows <= 3 else max(2, gap // 3)
            share = 0.25 if rows >= 3 else 0.30 if low else 0.35
            free = left.height - gap
            usual = round(free * share)
            card_w = (left.width - 2 * edge - card_gap * (cols - 1)) / max(1, cols)
            need = card_need(card_w, min_text) if count else 0
            top = title_h + gap // 2 + 1 if title_h else edge
            market_need = rows * need + (rows - 1) * card_gap + top + edge
            chart_h = max(round(free * chart_min), min(usual, free - market_need))
            market_h = free - chart_h - top - edge - (rows - 1) * card_gap
            slack = math.floor(market_h / rows) - need if count else 0
            if card_w - 2 * card_pad(min_text) < TITLE_FOUR_LINES * min_text:
                slack -= 100_000  # titles on five lines and more: only when nothing else fits
            plans.append(MarketPlan(side_share, chart_h, cols, card_gap, edge, slack))
    for plan in plans:
        if plan.slack >= 0:
            return plan
    return max(plans, key=lambda plan: plan.slack)
