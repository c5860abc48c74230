"""The board's meters: capacity (what is used, what træthed takes, what is left), træthed,
the service level and, when the scenario has one, the anlægsramme. Each meter is a line of
words and a gauge under it; a new meter is one function in ``METERS``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.engine import GameState
from game.engine.fatigue import fatigue_shown
from game.numbers import format_amount
from game.ui import theme
from game.ui.charts import hatch
from game.ui.draw import panel
from game.ui.layout import BoardLayout
from game.ui.panels import Panel
from game.ui.panels.table import BoardTable
from game.ui.scene import Host
from game.ui.theme import TIGHT, TINY

Segment = tuple[float, theme.Color, bool]
"""A part of a gauge: how much, its colour, and whether it is hatched (lost, not spent)."""

SERVICE_RANGE = (-10, 10)
"""The ends of the service scale."""


@dataclass(frozen=True)
class Meter:
    """A meter as the board shows it: its words, and a gauge of ``segments`` out of ``total``
    drawn as pips (whole points), a bar (amounts) or the service scale (a marker at ``value``
    and the scenario's ``floor``)."""

    text: str
    gauge: str
    """"pips", "bar" or "scale"."""
    segments: tuple[Segment, ...] = ()
    total: float = 0.0
    warn: bool = False
    """The words in the warning colour (the service level is under its floor)."""
    value: float = 0.0
    floor: float | None = None


def capacity_meter(app: Host, state: GameState) -> Meter | None:
    """Kapacitet: the capacity, the belastning adopted, what træthed takes, what is left."""
    if state.finished:
        return None  # no year left to spend it on (the report's board.png said "Kapacitet –")
    used = state.used_load
    lost = min(state.lost_capacity, max(0, state.capacity - used))
    left = max(0, state.capacity_left)
    text = app.t(
        "board.capacity_line", total=state.capacity, used=used, lost=state.lost_capacity, left=left
    )
    segments = ((used, theme.MUTED, False), (lost, theme.ORANGE, True), (left, theme.BLUE, False))
    return Meter(text, "pips", segments, state.capacity)


def fatigue_meter(app: Host, state: GameState) -> Meter | None:
    """Træthed: how tired the organisation is and what it takes of the capacity (the year
    reveal tells what it sheds at the year end)."""
    if state.finished and state.results:
        # no turn of the year after the last one: the level the year ended with, as the
        # reveal, the debrief and the report tell it
        fatigue = fatigue_shown(state)
        text = app.t("board.fatigue_end", fatigue=fatigue)
        return Meter(text, "pips", ((fatigue, theme.ORANGE, False),), max(6, fatigue))
    fatigue = state.fatigue
    text = app.t("board.fatigue_line", fatigue=fatigue, lost=state.lost_capacity)
    return Meter(text, "pips", ((fatigue, theme.ORANGE, False),), max(6, fatigue))


def service_meter(app: Host, state: GameState) -> Meter | None:
    """Serviceniveau: the level on a scale from −10 to +10, with the floor when there is one."""
    floor = state.scenario.service_floor
    service = format_amount(state.service, app.lang, sign=True)
    if floor is None:
        text = app.t("board.service_line", service=service)
    else:
        text = app.t(
            "board.service_floor_line", service=service, floor=format_amount(floor, app.lang)
        )
    below = floor is not None and state.service < floor
    return Meter(text, "scale", warn=below, value=state.service, floor=floor)


def construction_meter(app: Host, state: GameState) -> Meter | None:
    """Anlægsramme: the construction outlay adopted and what is left (None without one)."""
    budget = state.scenario.construction_budget
    if budget is None:
        return None
    used = state.construction_used
    left = max(0.0, budget - used)
    text = app.t(
        "board.construction_line", total=app.amount(budget), used=app.amount(used, unit=False)
    )
    segments = ((min(used, budget), theme.GREEN, False), (left, theme.DISABLED, False))
    return Meter(text, "bar", segments, budget)


METERS: tuple[Callable[[Host, GameState], Meter | None], ...] = (
    capacity_meter,
    fatigue_meter,
    service_meter,
    construction_meter,
)
"""The board's meters, top to bottom; a new meter is one more function here."""


@dataclass(frozen=True)
class MetersView:
    """What the meters panel shows."""

    meters: tuple[Meter, ...]


class MetersPanel(Panel[BoardTable, BoardLayout]):
    """The meters, each its words over its gauge."""

    name = "meters"
    View = MetersView

    def rect(self, layout: BoardLayout) -> pygame.Rect:
        return layout.meters

    def view(self, table: BoardTable) -> MetersView:
        # a paper table that stopped has no year left to spend capacity on, and its træthed
        # would be the next year's start (0), not where the table left it
        meters = [m for m in METERS if m not in (capacity_meter, fatigue_meter)]
        found = (meter(self.app, table.state) for meter in (meters if table.stopped else METERS))
        return MetersView(tuple(m for m in found if m is not None))

    def gauge_height(self) -> int:
        """The height of a gauge."""
        return max(6, round(self.app.scale.min_text * 0.7))

    def inline(self, width: int, meter: Meter) -> bool:
        """True when ``meter``'s gauge fits on the line of its words (a short line) at its
        least readable width (``least_gauge_width``)."""
        sc = self.app.scale
        words = self.app.text.width(meter.text, sc.min_text)
        return words + sc.gap + self.least_gauge_width(meter) <= width

    def least_gauge_width(self, meter: Meter) -> int:
        """The narrowest a gauge may be drawn: a row of pips keeps each pip at least half as
        wide as it is high (the capacity's 25 pips are not squeezed into hairlines beside a
        long line of words); a bar or a scale, five times the smallest text."""
        least = self.app.scale.min_text * 5
        if meter.gauge != "pips" or meter.total <= 0:
            return least
        height = self.gauge_height()
        pip, gap = max(2, height // 2), max(2, height // 4)  # the gap as ``pip_segments``'s
        return max(least, round(meter.total) * (pip + gap))

    def needed_height(self, width: int, view: MetersView) -> int:
        """The height the meters need in a panel ``width`` wide (every line in full)."""
        sc = self.app.scale
        g = sc.gap
        inner = max(1, width - 2 * g)
        total = 2 * g
        for meter in view.meters:
            fitted = self.app.text.fit(
                meter.text, inner, 100_000, sc.min_text, sc.min_text, spacing=TIGHT
            )
            gauge = 0 if self.inline(inner, meter) else self.gauge_height() + 2
            total += fitted.height + gauge + g
        return total

    def paint(self, surface: pygame.Surface, layout: BoardLayout, view: MetersView) -> None:
        app = self.app
        g = layout.gap
        panel(surface, layout.meters, layout.radius)
        inner = layout.meters.inflate(-2 * g, -2 * g)
        rows = len(view.meters)
        spare = max(0, inner.height - (self.needed_height(layout.meters.width, view) - 2 * g))
        y = inner.y + spare // max(1, 2 * rows)
        gauge_h = self.gauge_height()
        for meter in view.meters:
            ink = theme.GAP if meter.warn else theme.INK
            box = pygame.Rect(inner.x, y, inner.width, max(1, inner.bottom - y))
            used = app.text.draw(surface, meter.text, box, TINY.ink(ink).tight())
            if self.inline(inner.width, meter):  # the gauge to the right of a short line
                left = used.right + g
                gauge = pygame.Rect(left, used.centery - gauge_h // 2, inner.right - left, gauge_h)
                bottom = used.bottom
            else:
                gauge = pygame.Rect(inner.x, used.bottom + 2, inner.width, gauge_h)
                bottom = gauge.bottom
            self._gauge(surface, gauge, meter)
            y = bottom + g + spare // max(1, rows)

    def _gauge(self, surface: pygame.Surface, rect: pygame.Rect, meter: Meter) -> None:
        if meter.gauge == "pips":
            pip_segments(surface, rect, meter.segments, round(meter.total))
        elif meter.gauge == "bar":
            bar_segments(surface, rect, meter.segments, meter.total)
        else:
            service_scale(surface, rect, meter.value, meter.floor)


def pip_segments(
    surface: pygame.Surface, rect: pygame.Rect, segments: tuple[Segment, ...], total: int
) -> None:
    """``total`` pips in a row, coloured segment by segment (hatched ones striped), the rest
    empty."""
    if total <= 0:
        return
    g = max(2, rect.height // 4)
    width = min(rect.height * 2.4, (rect.width - g * (total - 1)) / total)
    looks = [(color, hatched) for count, color, hatched in segments for _ in range(round(count))]
    for i in range(total):
        pip = pygame.Rect(
            round(rect.x + i * (width + g)), rect.y, max(2, round(width)), rect.height
        )
        radius = max(1, rect.height // 3)
        if i >= len(looks):
            pygame.draw.rect(surface, theme.DISABLED, pip, border_radius=radius)
            continue
        color, hatched = looks[i]
        if hatched:
            pygame.draw.rect(surface, theme.mix(color, theme.CARD, 0.7), pip, border_radius=radius)
            hatch(surface, pip, color, step=max(4, rect.height // 2))
            pygame.draw.rect(surface, color, pip, 1, border_radius=radius)
        else:
            pygame.draw.rect(surface, color, pip, border_radius=radius)


def bar_segments(
    surface: pygame.Surface, rect: pygame.Rect, segments: tuple[Segment, ...], total: float
) -> None:
    """One bar split in proportion to ``segments`` of ``total``."""
    radius = max(1, rect.height // 3)
    pygame.draw.rect(surface, theme.DISABLED, rect, border_radius=radius)
    x = float(rect.x)
    for amount, color, _ in segments:
        width = rect.width * (amount / total) if total > 0 else 0.0
        if width >= 1:
            part = pygame.Rect(round(x), rect.y, max(1, round(width)), rect.height)
            pygame.draw.rect(surface, color, part, border_radius=radius)
        x += width


def service_scale(
    surface: pygame.Surface, rect: pygame.Rect, service: float, floor: float | None
) -> None:
    """A scale from −10 to +10 with a marker at the service level and a line at the floor."""
    low, high = SERVICE_RANGE
    value = max(low, min(high, service))
    bar_h = max(4, rect.height // 2)
    bar = pygame.Rect(
        rect.x + rect.height, rect.centery - bar_h // 2, rect.width - 2 * rect.height, bar_h
    )
    pygame.draw.rect(surface, theme.DISABLED, bar, border_radius=bar_h // 2)

    def x_of(v: float) -> int:
        return round(bar.x + (v - low) / (high - low) * bar.width)

    zero, vx = x_of(0), x_of(value)
    fill = pygame.Rect(min(zero, vx), bar.y, max(2, abs(vx - zero)), bar_h)
    color = theme.MET if service >= 0 else theme.GAP
    pygame.draw.rect(surface, color, fill, border_radius=bar_h // 2)
    pygame.draw.line(surface, theme.INK, (zero, rect.y), (zero, rect.bottom), 2)
    if floor is not None:
        fx = x_of(floor)
        pygame.draw.line(surface, theme.GAP, (fx, rect.y), (fx, rect.bottom), max(2, bar_h // 2))
    pygame.draw.circle(surface, theme.INK, (vx, bar.centery), max(3, rect.height // 2))
