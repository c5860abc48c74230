"""The board's year chart: what the board hands to ``game.ui.charts.draw_year_chart``.

Closed years show their final result, open years the plan the group can see (unrevealed
factors taken as 1), and the risk meter's fan (10–90 % band and median) per open year.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine import GameState, shown_raaderum
from game.engine.forecast import Forecast
from game.ui.charts import draw_year_chart

if TYPE_CHECKING:
    from game.ui.scene import Host


def year_values(state: GameState) -> list[float]:
    """The råderum shown per year: final results of closed years, the visible plan after
    (``shown_raaderum``)."""
    return list(shown_raaderum(state))


def draw_board_years(
    surface: pygame.Surface,
    app: Host,
    rect: pygame.Rect,
    state: GameState,
    forecast: Forecast | None,
    *,
    stopped: bool = False,
) -> None:
    """The year chart of the board, drawn by ``game.ui.charts.draw_year_chart`` (shared with the
    year reveal and the debrief), with the risk fan when a forecast is given; ``stopped``: a
    paper table that stopped early, whose open year was never played."""
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
        current=None if state.finished or stopped else state.round,
        fonts=app.fonts,
        lang=app.lang,
        played=len(state.results) if stopped else None,
    )
