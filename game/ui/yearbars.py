"""The board's year chart: råderum per budget year against the target, with the risk fan.

Each year is a column: the bar is the råderum the group can see (closed years: the final
result), the target is a line across the column, a shortfall is a red block from the bar up to
the line, a met year carries a check mark and the word. The risk fan (10–90 % band and median)
is drawn behind the bar when a forecast is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine.forecast import Forecast
from game.engine.rules import raaderum
from game.engine.state import GameState
from game.ui import theme
from game.ui.theme import FONT_BOLD

if TYPE_CHECKING:
    from game.ui.app import App


def year_values(state: GameState) -> list[float]:
    """The råderum shown per year: final results of closed years, the visible plan after."""
    visible = list(raaderum(state, visible=True))
    for i, result in enumerate(state.results):
        visible[i] = result.raaderum
    return visible


def check_mark(surface: pygame.Surface, rect: pygame.Rect, color: theme.Color) -> None:
    """A check mark drawn with lines inside ``rect``."""
    w = max(2, rect.height // 5)
    points = [
        (rect.x + rect.width * 0.12, rect.y + rect.height * 0.55),
        (rect.x + rect.width * 0.4, rect.y + rect.height * 0.82),
        (rect.x + rect.width * 0.9, rect.y + rect.height * 0.2),
    ]
    pygame.draw.lines(surface, color, False, [(round(x), round(y)) for x, y in points], w)


def cross_mark(surface: pygame.Surface, rect: pygame.Rect, color: theme.Color) -> None:
    """A cross drawn with lines inside ``rect``."""
    w = max(2, rect.height // 5)
    inner = rect.inflate(-rect.width // 3, -rect.height // 3)
    pygame.draw.line(surface, color, inner.topleft, inner.bottomright, w)
    pygame.draw.line(surface, color, inner.bottomleft, inner.topright, w)


def draw_years(
    surface: pygame.Surface,
    app: App,
    rect: pygame.Rect,
    state: GameState,
    forecast: Forecast | None,
    *,
    min_text: int,
) -> list[pygame.Rect]:
    """Draw the year chart into ``rect``; returns each year's column rectangle."""
    text = app.text
    years = state.scenario.years
    n = len(years)
    values = year_values(state)
    targets = list(state.targets)
    top = max([*targets, *values, 1.0])
    bottom = min([0.0, *values])
    if forecast is not None:
        top = max(top, *forecast.p90)
        bottom = min(bottom, *forecast.p10)
    span = (top - bottom) * 1.08 or 1.0
    label_h = round(min_text * 1.35)
    plot = pygame.Rect(rect.x, rect.y + label_h, rect.width, max(1, rect.height - 3 * label_h))
    zero_y = plot.bottom - (0 - bottom) / span * plot.height

    def y_of(value: float) -> int:
        return round(zero_y - value / span * plot.height)

    gap = max(4, rect.width // (n * 8))
    col_w = (rect.width - gap * (n - 1)) / n
    columns: list[pygame.Rect] = []
    current = state.round
    for i, year in enumerate(years):
        x = round(rect.x + i * (col_w + gap))
        col = pygame.Rect(x, rect.y, max(1, round(col_w)), rect.height)
        columns.append(col)
        closed = i < len(state.results)
        if i == current and not state.finished:
            pygame.draw.rect(surface, theme.CURRENT, col, border_radius=6)
        bar_w = max(2, round(col_w * 0.46))
        bar_x = x + (round(col_w) - bar_w) // 2
        if forecast is not None and not closed:
            lo, hi = y_of(forecast.p90[i]), y_of(forecast.p10[i])
            fan_w = max(bar_w + 8, round(col_w * 0.7))
            fan = pygame.Rect(x + (round(col_w) - fan_w) // 2, lo, fan_w, max(2, hi - lo))
            pygame.draw.rect(surface, theme.FAN, fan, border_radius=4)
            mid = y_of(forecast.p50[i])
            pygame.draw.line(
                surface, theme.BLUE, (fan.x, mid), (fan.right, mid), max(2, min_text // 7)
            )
        value = values[i]
        target = targets[i]
        vy = y_of(value)
        zy = round(zero_y)
        bar_color = theme.INK if closed else theme.mix(theme.INK, theme.BACKGROUND, 0.35)
        bar = pygame.Rect(bar_x, min(vy, zy), bar_w, max(1, abs(zy - vy)))
        pygame.draw.rect(surface, bar_color, bar)
        ty = y_of(target)
        if value < target - 1e-9:
            gap_rect = pygame.Rect(
                bar_x, ty, bar_w, max(1, min(vy, zy) - ty if value >= 0 else zy - ty)
            )
            if value < 0:
                gap_rect = pygame.Rect(bar_x, ty, bar_w, max(1, zy - ty))
            pygame.draw.rect(surface, theme.GAP, gap_rect)
            pygame.draw.rect(surface, theme.mix(theme.GAP, theme.CARD, 0.5), gap_rect, 2)
        pygame.draw.line(
            surface, theme.TARGET, (x + 2, ty), (x + round(col_w) - 2, ty), max(2, min_text // 6)
        )
        # value label above the bar
        label = pygame.Rect(x, min(vy, ty) - label_h, round(col_w), label_h)
        label.y = max(rect.y, label.y)
        text.draw(
            surface,
            app.amount(value, unit=False),
            label,
            min_text,
            theme.INK,
            role=FONT_BOLD,
            align="center",
            valign="bottom",
            max_lines=1,
        )
        # year and status under the plot
        year_rect = pygame.Rect(x, rect.bottom - 2 * label_h, round(col_w), label_h)
        text.draw(
            surface,
            year,
            year_rect,
            min_text,
            theme.INK,
            role=FONT_BOLD,
            align="center",
            max_lines=1,
        )
        status_rect = pygame.Rect(x, rect.bottom - label_h, round(col_w), label_h)
        if closed:
            met = state.results[i].met
            word = app.t("board.met") if met else app.t("board.missed")
            mark_s = label_h - 4
            word_w = text.width(word, min_text)
            total = mark_s + 4 + word_w
            mx = x + max(0, (round(col_w) - total) // 2)
            mark = pygame.Rect(mx, status_rect.y + 2, mark_s, mark_s)
            (check_mark if met else cross_mark)(surface, mark, theme.MET if met else theme.GAP)
            text.draw(
                surface,
                word,
                pygame.Rect(mark.right + 4, status_rect.y, round(col_w), label_h),
                min_text,
                theme.MET if met else theme.GAP,
                role=FONT_BOLD,
                max_lines=1,
            )
        elif value < target - 1e-9:
            text.draw(
                surface,
                app.amount(value - target, unit=False),
                status_rect,
                min_text,
                theme.GAP,
                role=FONT_BOLD,
                align="center",
                max_lines=1,
            )
    pygame.draw.line(surface, theme.LINE, (rect.x, round(zero_y)), (rect.right, round(zero_y)), 1)
    return columns


def draw_board_years(
    surface: pygame.Surface,
    app: App,
    rect: pygame.Rect,
    state: GameState,
    forecast: Forecast | None,
) -> None:
    """The year chart of the board, drawn by ``game.ui.charts.draw_year_chart`` (shared with the
    year reveal and the debrief), or by ``draw_years`` when that module is not available."""
    try:
        from game.ui.charts import draw_year_chart
    except ImportError:
        draw_years(surface, app, rect, state, forecast, min_text=app.scale.min_text)
        return
    met: list[bool | None] = [r.met for r in state.results]
    met += [None] * (state.scenario.rounds - len(met))
    fan = (forecast.p10, forecast.p50, forecast.p90) if forecast is not None else None
    draw_year_chart(
        surface,
        rect,
        state.scenario.years,
        state.targets,
        year_values(state),
        met=met,
        fan=fan,
        closed=len(state.results),
        current=None if state.finished else state.round,
        fonts=app.fonts,
        lang=app.lang,
    )
