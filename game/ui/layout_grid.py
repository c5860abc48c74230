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
