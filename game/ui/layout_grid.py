"""Cutting rectangles: columns, rows and grids in proportion, with gaps. Pure functions."""

from __future__ import annotations

import math

import pygame

Rect = pygame.Rect


def _rect(x: float, y: float, w: float, h: float) -> Rect:
    return Rect(round(x), round(y), max(1, round(w)), max(1, round(h)))


def split_columns(area: Rect, weights: list[float], gap: int) -> list[Rect]:
    """``area`` cut into columns with widths in proportion to ``weights`` and ``gap`` between."""
    return [Rect(r.y, r.x, r.height, r.width) for r in _split(_swap(area), weights, gap)]


def split_rows(area: Rect, weights: list[float], gap: int) -> list[Rect]:
    """``area`` cut into rows with heights in proportion to ``weights`` and ``gap`` between."""
    return _split(area, weights, gap)


LONGEST_SHARE = 0.25
"""The least share of the height ``fit_rows`` leaves the row that needs most (its heading and
a line or two)."""


def fit_rows(
    area: Rect, needs: list[float], gap: int, floors: list[float] | None = None
) -> list[Rect]:
    """``area`` cut into rows for contents that need ``needs`` pixels each: in proportion to
    the needs when they all fit. When they do not and ``floors`` (what each row cannot do
    without, such as a list's titles without their texts) fit, every row gets its floor and
    the rest is shared in proportion to what each still needs. Otherwise every row but the
    one that needs most gets all it needs (of its floor, when given), and that one (a list
    that can end in "+2 mere") takes what is left – so a one-line panel is never cut in half
    to spare a long one. When that would leave the long row less than ``LONGEST_SHARE`` of
    the height, the rows share in proportion again."""
    free = area.height - gap * (len(needs) - 1)
    if not needs or sum(needs) <= free:
        return split_rows(area, needs, gap)
    if floors is not None:
        floors = [min(floor, need) for floor, need in zip(floors, needs)]
        if sum(floors) <= free:
            spare = free - sum(floors)
            wanting = [need - floor for floor, need in zip(floors, needs)]
            heights = [f + spare * w / sum(wanting) for f, w in zip(floors, wanting)]
            return split_rows(area, heights, gap)
        needs = floors
    longest = max(range(len(needs)), key=lambda i: needs[i])
    rest = sum(need for i, need in enumerate(needs) if i != longest)
    left = free - rest
    if left < free * LONGEST_SHARE:
        return split_rows(area, needs, gap)
    heights = [left if i == longest else need for i, need in enumerate(needs)]
    return split_rows(area, heights, gap)


def _swap(area: Rect) -> Rect:
    return Rect(area.y, area.x, area.height, area.width)


def _split(area: Rect, weights: list[float], gap: int) -> list[Rect]:
    # rows: heights in proportion to the weights (columns are rows of the swapped rectangle)
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
