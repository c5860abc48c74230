"""The board's year chart: råderum per year against the target, the risk fan, and the chance
of meeting the target every year (with the selected card, when one is selected)."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.engine.forecast import Forecast
from game.numbers import format_percent
from game.ui import theme
from game.ui.draw import panel
from game.ui.layout import BoardLayout
from game.ui.panels import Panel
from game.ui.panels.table import BoardTable, heading
from game.ui.retained import Same
from game.ui.theme import BODY
from game.ui.yearbars import draw_board_years


@dataclass(frozen=True)
class ChartView:
    """What the year chart shows."""

    state: Same
    """The game state (years, targets, results, adopted cards)."""
    forecast: Forecast | None
    """The risk fan and chance (None once the game is over)."""
    base_forecast: Forecast | None
    """The chance without the selected card (None without a selection)."""
    selected: int | None
    """The selected card's number on the table (1-based)."""
    hover: bool
    """The mouse is over the title (a click there changes the target)."""


class ChartPanel(Panel[BoardTable, BoardLayout]):
    """The year chart, whose title opens the target dialog."""

    name = "chart"
    View = ChartView

    def rect(self, layout: BoardLayout) -> pygame.Rect:
        return layout.chart_panel

    def view(self, table: BoardTable) -> ChartView:
        state = table.state
        number = state.market.index(table.selected) + 1 if table.selected else None
        return ChartView(
            table.same_state,
            table.forecast,
            table.base_forecast if number is not None else None,
            number,
            table.hover == "target",
        )

    def hit(self, pos: tuple[int, int], layout: BoardLayout, view: ChartView) -> str | None:
        finished = view.state.item.finished
        return "target" if layout.chart_title.collidepoint(pos) and not finished else None

    def paint(self, surface: pygame.Surface, layout: BoardLayout, view: ChartView) -> None:
        app = self.app
        state = view.state.item
        panel(surface, layout.chart_panel, layout.radius)
        target = state.targets[min(state.round, len(state.targets) - 1)]
        target_text = app.t("board.target", amount=app.amount(target))
        title = f"{app.t('board.years')} · {target_text}"
        color = theme.ACCENT if view.hover else theme.INK  # it can be clicked
        heading(app, surface, title, layout.chart_title, color=color)
        forecast = view.forecast
        if forecast is not None:
            percent = format_percent(forecast.probability, app.lang)
            if view.selected is None or view.base_forecast is None:
                risk = app.t("board.risk", percent=percent)
            else:
                risk = app.t(
                    "board.risk_with",
                    base=format_percent(view.base_forecast.probability, app.lang),
                    number=view.selected,
                    percent=percent,
                )
            color = theme.MET if forecast.probability >= 0.5 else theme.GAP
            style = BODY.bold().ink(color).right().middle().lines(1).shrink()
            app.text.draw(surface, risk, layout.risk, style)
        draw_board_years(surface, app, layout.chart, state, forecast)
