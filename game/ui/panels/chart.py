"""The board's year chart: råderum per year against the target, the risk fan, and the chance
of meeting the target every year (with the selected card, when one is selected)."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game import engine
from game.engine.forecast import Forecast
from game.numbers import format_percent
from game.ui import theme
from game.ui.draw import panel
from game.ui.layout import BoardLayout
from game.ui.panels import Panel
from game.ui.panels.table import BoardTable, heading
from game.ui.retained import Same
from game.ui.theme import BODY, FONT_BOLD
from game.ui.yearbars import draw_board_years

LOW_CHART = 7
"""A chart lower than this many lines of the smallest text cannot show its value labels,
bars and year labels apart: the chance line then shares the title's line in a shorter form."""
TINY_CHART = 4
"""… and one lower than this many lines has no room for its bars at all: the chance line then
shares the title's line in its shortest form, "Chance: 31 %"."""


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
    stopped: bool = False
    """A report's picture of a paper table that stopped early (``BoardTable.stopped``)."""


class ChartPanel(Panel[BoardTable, BoardLayout]):
    """The year chart, whose title opens the target dialog."""

    name = "chart"
    View = ChartView

    def rect(self, layout: BoardLayout) -> pygame.Rect:
        return layout.chart_panel

    def view(self, table: BoardTable) -> ChartView:
        state = table.state
        # the card's number is its place on the table, which it keeps all round
        places = [slot.card for slot in table.places]
        number = (
            places.index(table.selected) + 1
            if table.selected in places
            else (state.market.index(table.selected) + 1 if table.selected else None)
        )
        if table.base_forecast is None:
            number = None  # no "med forslag 7" for a card that cannot be adopted now
        return ChartView(
            table.same_state,
            table.forecast,
            table.base_forecast if number is not None else None,
            number,
            table.hover == "target",
            table.stopped,
        )

    def hit(self, pos: tuple[int, int], layout: BoardLayout, view: ChartView) -> str | None:
        finished = view.state.item.finished
        title = self.rows(layout, view)[0]
        return "target" if title.collidepoint(pos) and not finished else None

    def title(self, view: ChartView) -> str:
        """ "Råderum pr. år · Mål 24 mio. kr." (the open year's target; a paper table that
        stopped: its last year's, not the target of a year it never played)."""
        app, state = self.app, view.state.item
        year = state.round - 1 if view.stopped and state.round else state.round
        target = state.targets[min(year, len(state.targets) - 1)]
        return f"{app.t('board.years')} · {app.t('board.target', amount=app.target_amount(target))}"

    def risk(
        self,
        view: ChartView,
        width: int | None = None,
        min_text: int = 0,
        *,
        tiny: bool = False,
        chance_kept: bool = False,
    ) -> str:
        """The chance of meeting the target every year (with the selected card), or "";
        followed by the other conditions of a win that are not met now (``unmet``). Given the
        ``width`` the line has at ``min_text``, the longest form that fits: the whole line,
        then with "Chance for målet" for short, then "Chance: 31 %" with the conditions, then
        the chance alone (the colour still says that something else is wrong); with ``tiny``,
        further down to "Chance: 31 %"
        (beside the title of a chart a line of its own would leave without room for its
        bars: at 800×600 under a banner they ran through the year labels). ``chance_kept``:
        never the conditions alone, without the chance."""
        app, forecast = self.app, view.forecast
        if forecast is None:
            return ""
        percent = format_percent(forecast.probability, app.lang)

        def chance(key: str) -> str:
            if view.selected is None or view.base_forecast is None:
                return app.t(key, percent=percent)
            return app.t(
                f"{key}_with",
                base=format_percent(view.base_forecast.probability, app.lang),
                number=view.selected,
                percent=percent,
            )

        unmet = self.unmet(view)
        own = percent
        if view.selected is not None and view.base_forecast is not None:
            own = format_percent(view.base_forecast.probability, app.lang)
        forms = [
            " · ".join([chance("board.risk"), *unmet]),
            " · ".join([chance("board.risk_brief"), *unmet]),
            # the conditions a win fails keep their words before the chance keeps its own: at
            # 1024×768 and 1366×768 "service under gulvet" was dropped for the whole sentence
            " · ".join([chance("board.risk_tiny"), *unmet]),
            # the board's own chance where the line has no room to say a card is in it (with
            # card 2 selected, "Chance: 9 %" read as the plan's own 4 %)
            " · ".join([app.t("board.risk_tiny", percent=own), *unmet]),
            *([] if chance_kept else [" · ".join(unmet)]),
            chance("board.risk"),
        ]
        if not unmet:
            forms = forms[-1:]
        if tiny:
            forms += [chance("board.risk_brief"), chance("board.risk_tiny")]
        if width is None:
            return forms[0]
        fits = [f for f in forms if app.text.width(f, min_text, FONT_BOLD) <= width]
        return fits[0] if fits else forms[-1]

    def unmet(self, view: ChartView) -> list[str]:
        """The win's other conditions the game fails right now ("mangler en
        effektivisering" from the second round on, "service under gulvet"): the chance counts
        the amounts only, and a council read a green 93 % as its chance of winning a game it
        could no longer win."""
        app, state = self.app, view.state.item
        outcome = engine.verdict(state)
        said = []
        # a closed year that missed its target: the chance stays at 0 % for the rest of the
        # game, which a room read as a broken meter without this word
        if outcome.missed_years:
            said.append(app.t("board.risk_missed", year=outcome.missed_years[0]))
        # a kind not adopted yet is said from the second round on: in the first, none is
        if outcome.missing_kinds and state.round > 0:
            missing = outcome.missing_kinds
            if len(missing) == 1:  # short: the line has one row at 1024×768
                said.append(app.t("board.risk_kind", kind=app.t(f"kind.word.{missing[0].value}")))
            else:
                said.append(app.t("board.risk_kinds", count=len(missing)))
        if outcome.service_below_floor:
            said.append(app.t("board.risk_floor"))
        return said

    def rows(
        self, layout: BoardLayout, view: ChartView
    ) -> tuple[pygame.Rect, pygame.Rect, pygame.Rect]:
        """The title's, the chance line's and the chart's rectangles: the title at its heading's
        size and the chance whole share a line when both fit, otherwise the chance gets a line
        of its own under the title and the chart gives up the room – unless that would leave
        the chart too low for its bars, when the chance takes a shorter form beside the
        title."""
        app, min_text = self.app, layout.min_text
        line = pygame.Rect(layout.chart_title.x, layout.chart_title.y, 0, layout.chart_title.height)
        line.width = layout.risk.right - line.x
        title_w = app.text.width(self.title(view), min_text, FONT_BOLD)
        risk_w = app.text.width(self.risk(view), min_text, FONT_BOLD)
        # the title keeps its heading's size: in the last round, and on every selection of a
        # card, the chance line beside it shrank "Mål 49 mio. kr." – the number the back row
        # reads – to body text
        whole = app.text.width(self.title(view), app.scale.heading, FONT_BOLD) + layout.gap
        room = line.width - whole - layout.gap
        if room > 0 and risk_w <= room:  # both whole on one line
            title = pygame.Rect(line.x, line.y, whole, line.height)
            risk = pygame.Rect(title.right + layout.gap, line.y, room, line.height)
            return title, risk, layout.chart
        second = round(layout.body * 1.4)
        left = layout.chart.bottom - (line.bottom + second)
        low = left < LOW_CHART * min_text
        tiny = left < TINY_CHART * min_text
        if low and room > 0:
            # a chart a line of its own would leave too low: the chance in a shorter form
            # beside the whole title ("Chance: 0 % · med forslag 11: 0 %") – a form that still
            # says the chance (the conditions alone left it out at 1600×900; then the title
            # gives way, as before)
            # … a chance of 0 adds nothing to "2027 blev ikke nået"
            lost = view.forecast is not None and view.forecast.probability <= 0
            short = self.risk(view, room, min_text, tiny=True, chance_kept=not lost)
            if app.text.width(short, min_text, FONT_BOLD) <= room:
                title = pygame.Rect(line.x, line.y, whole, line.height)
                risk = pygame.Rect(title.right + layout.gap, line.y, room, line.height)
                return title, risk, layout.chart
        if low and title_w + risk_w + 2 * layout.gap <= line.width:
            share = max(layout.chart_title.width, title_w + layout.gap)
            share = min(share, line.width - risk_w - layout.gap)
            title = pygame.Rect(line.x, line.y, share, line.height)
            risk = pygame.Rect(
                title.right + layout.gap, line.y, line.right - title.right - layout.gap, line.height
            )
            return title, risk, layout.chart
        room = line.width - title_w - 2 * layout.gap
        if (
            low
            and room > 0
            and app.text.width(self.risk(view, room, min_text, tiny=tiny), min_text, FONT_BOLD)
            <= room
        ):
            # a chart that a line of its own would leave too low for its bars and labels (under
            # a banner at 1024×768 the bars ran through "2027 · mål 3"): the chance in a
            # shorter form beside the title
            title = pygame.Rect(line.x, line.y, title_w + layout.gap, line.height)
            risk = pygame.Rect(title.right + layout.gap, line.y, room, line.height)
            return title, risk, layout.chart
        # otherwise the chance whole on a line of its own, under the whole title: at 1600×900
        # a shorter form beside the title had left out the chance itself
        risk = pygame.Rect(line.x, line.bottom, line.width, second)
        chart = pygame.Rect(
            layout.chart.x, risk.bottom, layout.chart.width, layout.chart.bottom - risk.bottom
        )
        return line, risk, chart

    def paint(self, surface: pygame.Surface, layout: BoardLayout, view: ChartView) -> None:
        app = self.app
        state = view.state.item
        panel(surface, layout.chart_panel, layout.radius)
        title_rect, risk_rect, chart_rect = self.rows(layout, view)
        color = theme.ACCENT if view.hover else theme.INK  # it can be clicked
        heading(app, surface, self.title(view), title_rect, color=color)
        forecast = view.forecast
        if forecast is not None:
            # green only when the amounts look good and nothing else loses the game now
            good = forecast.probability >= 0.5 and not self.unmet(view)
            color = theme.MET if good else theme.GAP
            style = BODY.bold().ink(color).right().middle().lines(1).shrink()
            line = self.risk(view, risk_rect.width, layout.min_text, tiny=True)
            app.text.draw(surface, line, risk_rect, style)
        # the fan and its "3?" belong to the bars, which show the board without the selected
        # card: the card's own chance is the line above ("med forslag 8"); selecting a card
        # that makes 2027 a sure miss put "3?" on a year the board still met
        board = view.base_forecast if view.base_forecast is not None else forecast
        draw_board_years(surface, app, chart_rect, state, board, stopped=view.stopped)
