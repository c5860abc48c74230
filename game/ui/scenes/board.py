"""The board: budget years against the target, the market, events, meters and the adopted.

Keys: 1–9 select a market card, Enter adopts it, Space ends the year, Ctrl+Z/Backspace undo,
Ctrl+Y/Ctrl+Shift+Z redo, F1/H help, Esc menu. A click on a card opens it up close.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine.actions import Adopt, EndYear
from game.engine.forecast import Forecast
from game.engine.ledger import realised
from game.engine.model import KINDS, Kind, Proposal
from game.engine.state import GameState
from game.numbers import format_amount, format_percent
from game.ui import theme
from game.ui.cards import draw_market_card
from game.ui.draw import button, kind_icon, panel, pips
from game.ui.layout import BoardLayout, board_layout, grid
from game.ui.retained import Layers, Part, Same
from game.ui.risk import RiskMeter
from game.ui.scene import Scene, ctrl_held, is_activation, shift_held
from game.ui.theme import BODY, FONT_BOLD, HEADING, TINY
from game.ui.yearbars import draw_board_years

if TYPE_CHECKING:
    from game.ui.scene import Host

FLASH_SECONDS = 0.5
"""How long a newly adopted proposal glows in the adopted list."""
NUMBER_KEYS = {getattr(pygame, f"K_{i}"): i for i in range(1, 10)}
NUMBER_KEYS.update({getattr(pygame, f"K_KP{i}"): i for i in range(1, 10)})


def note_mark(surface: pygame.Surface, rect: pygame.Rect) -> None:
    """A small speech bubble: this adoption carries the group's note."""
    body = pygame.Rect(rect.x, rect.y, rect.width, max(2, rect.height * 3 // 4))
    pygame.draw.rect(surface, theme.MUTED, body, border_radius=max(1, rect.height // 4))
    tail = [
        (body.x + body.width // 4, body.bottom - 1),
        (body.x + body.width // 4, rect.bottom),
        (body.x + body.width // 2, body.bottom - 1),
    ]
    pygame.draw.polygon(surface, theme.MUTED, tail)
    for k in (1, 2, 3):
        x = body.x + body.width * k // 4
        pygame.draw.circle(surface, theme.CARD, (x, body.centery), max(1, body.height // 7))


def format_clock(seconds: float) -> str:
    """Seconds as m:ss."""
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def panel_parts(rect: pygame.Rect, layout: BoardLayout) -> tuple[pygame.Rect, pygame.Rect]:
    """The heading line and the body inside a board panel ``rect`` (inset by one gap)."""
    inner = rect.inflate(-2 * layout.gap, -2 * layout.gap)
    head_h = round(layout.heading * 1.4)
    head = pygame.Rect(inner.x, inner.y, inner.width, head_h)
    body = pygame.Rect(inner.x, inner.y + head_h, inner.width, inner.height - head_h)
    return head, body


class BoardScene(Scene):
    """The main table of the game."""

    name = "board"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.selected: str | None = None
        self.hover: str | None = None
        self.flash: dict[str, float] = {}
        """Newly adopted cards and the seconds left of their highlight in the adopted list."""
        self._known: tuple[str, ...] = app.game.state.adopted_ids()
        self.risk = RiskMeter()
        self.layers = Layers()
        """The kept pictures of the board's panels (retained drawing)."""
        self.card_layers = Layers()
        """The kept pictures of the market cards, used while the market panel is repainted."""
        self._debrief_shown = False
        self._clock_text = ""

    # --- helpers ------------------------------------------------------------------------
    @property
    def state(self) -> GameState:
        """The state on the table."""
        return self.app.game.state

    def layout(self) -> BoardLayout:
        """The board's rectangles for the current window size."""
        width, height = self.app.size
        state = self.state
        return board_layout(width, height, max(1, state.scenario.market), state.scenario.rounds)

    def selected_card(self) -> str | None:
        """The selected market card, if it is still on the table."""
        if self.selected is not None and self.selected in self.state.market:
            return self.selected
        return None

    def forecast(self) -> Forecast:
        """The risk meter's estimate (with the selected card added)."""
        return self.risk.get(self.state, self.selected_card())

    def select(self, number: int) -> None:
        """Select market card ``number`` (1-based reading order)."""
        market = self.state.market
        if 1 <= number <= len(market):
            self.selected = market[number - 1]
            self.app.request_redraw()

    def adopt(self, card: str | None = None, note: str = "") -> bool:
        """Adopt ``card`` (default: the selected card) through the Host."""
        card = card or self.selected_card()
        if card is None:
            if not self.state.finished and self.state.market:
                self.app.toast("board.select_first", n=min(9, len(self.state.market)))
            return False
        done = self.app.game.do(Adopt(card, note))
        if done:
            self.selected = None
        return done

    def end_year(self) -> None:
        """Close the year and show the reveal (or the debrief when the game is over)."""
        before = self.state
        if before.finished:
            self.show_debrief()
            return
        if not self.app.game.do(EndYear()):
            return
        self.selected = None
        self.app.push("year", before=before, after=self.app.game.state)

    def show_debrief(self) -> None:
        """Push the debrief scene (after the last year)."""
        self._debrief_shown = True
        self.app.push("debrief")

    def open_card(self, card: str) -> None:
        """Show ``card`` up close."""
        self.app.push("card", card=card)

    def open_events(self) -> None:
        """This year's events in full: text and effect per year (the panel may cut them)."""
        state = self.state
        round_index = min(state.round, state.scenario.rounds - 1)
        parts = []
        for eid in state.events_in_round(round_index):
            event = state.deck.event(eid)
            effects = " · ".join(
                f"{year}: {self.app.amount(event.amount(i - round_index), sign=True, unit=False)}"
                for i, year in enumerate(state.scenario.years)
                if i >= round_index
            )
            parts.append(f"{event.title}\n{event.text}\n{self.app.t('card.effect')}: {effects}")
        if parts:
            self.app.push("message", title=self.app.t("board.events"), text="\n\n".join(parts))

    def open_help(self) -> None:
        """Show the help overlay."""
        self.app.push("help")

    def open_target(self) -> None:
        """The "change target" dialog (a click on the year chart's title "… · Mål X")."""
        self.app.push("target")

    def open_menu(self) -> None:
        """Show the menu overlay."""
        self.app.push("menu")

    # --- input --------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        """Keys and clicks of the board (a key or click also cuts a highlight short)."""
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.flash.clear()
        if event.type == pygame.KEYDOWN:
            self._key(event)
        elif is_activation(event):
            self._click(event.pos)
        elif event.type == pygame.MOUSEMOTION:
            target = self.target_at(event.pos)
            if target != self.hover:
                self.hover = target
                self.app.request_redraw()

    def target_at(self, pos: tuple[int, int]) -> str | None:
        """What a click at ``pos`` would hit: "card:N", "end_year", "target" (the year chart's
        title, which opens the target dialog), a header button, or None."""
        layout = self.layout()
        for index, rect in enumerate(layout.market[: len(self.state.market)]):
            if rect.collidepoint(pos):
                return f"card:{index}"
        if layout.end_year.collidepoint(pos):
            return "end_year"
        if layout.chart_title.collidepoint(pos) and not self.state.finished:
            return "target"
        for name, rect in layout.header_buttons.items():
            if rect.collidepoint(pos):
                return name
        return None

    def _key(self, event: pygame.event.Event) -> None:
        key = event.key
        app = self.app
        if ctrl_held(event):
            if key == pygame.K_z and shift_held(event):
                app.game.redo()
            elif key == pygame.K_z:
                app.game.undo()
            elif key == pygame.K_y:
                app.game.redo()
            return
        if key in NUMBER_KEYS:
            self.select(NUMBER_KEYS[key])
        elif key in (pygame.K_LEFT, pygame.K_RIGHT) and self.state.market:
            market = self.state.market
            current = self.selected_card()
            step = 1 if key == pygame.K_RIGHT else -1
            index = (market.index(current) + step) % len(market) if current else 0
            self.select(index + 1)
        elif key == pygame.K_o:
            chosen = self.selected_card()
            if chosen is not None:
                self.open_card(chosen)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.adopt()
        elif key == pygame.K_SPACE:
            self.end_year()
        elif key == pygame.K_BACKSPACE:
            app.game.undo()
        elif key in (pygame.K_F1, pygame.K_h):
            self.open_help()
        elif key == pygame.K_ESCAPE:
            self.open_menu()

    def _click(self, pos: tuple[int, int]) -> None:
        layout = self.layout()
        for card, rect in zip(self.state.market, layout.market):
            if rect.collidepoint(pos):
                self.selected = card
                self.open_card(card)
                return
        if layout.end_year.collidepoint(pos):
            self.end_year()
            return
        if layout.events.collidepoint(pos):
            self.open_events()
            return
        if layout.chart_title.collidepoint(pos) and not self.state.finished:
            self.open_target()
            return
        for rect, _, listed in self.adopted_rows(layout, self.state):
            if listed is not None and rect.collidepoint(pos):
                self.open_card(listed)
                return
        actions = {
            "undo": self.app.game.undo,
            "redo": self.app.game.redo,
            "help": self.open_help,
            "menu": self.open_menu,
        }
        for name, rect in layout.header_buttons.items():
            if rect.collidepoint(pos):
                actions[name]()
                return

    # --- time ---------------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        """Risk refinement while idle, the round timer and the debrief after the last year."""
        state = self.state
        adopted = state.adopted_ids()
        if adopted != self._known:
            fresh = (
                adopted[len(self._known) :] if adopted[: len(self._known)] == self._known else ()
            )
            self.flash.update({card: FLASH_SECONDS for card in fresh})
            self._known = adopted
        for card in list(self.flash):
            self.flash[card] -= dt
            if self.flash[card] <= 0:
                del self.flash[card]
        if not state.finished:
            self._debrief_shown = False
        elif not self._debrief_shown:
            if self.app.top is self:
                self.show_debrief()
            elif self.app.find("debrief") is not None:
                self._debrief_shown = True
        clock = self.clock_text()
        if clock != self._clock_text:
            self._clock_text = clock
            self.app.request_redraw()
        if not state.finished and (
            self.risk.refine(state, self.selected_card()) or self.risk.refine(state, None)
        ):
            self.app.request_redraw()
        return bool(self.flash)

    def seconds_left(self) -> float:
        """Seconds left of this year's round timer (negative when over; inf without timer)."""
        return self.app.game.seconds_left()

    def clock_text(self) -> str:
        """The round timer ("Tid: 7:32" / "Tiden er gået: 1:10"), or "" without a timer."""
        left = self.seconds_left()
        if left == float("inf"):
            return ""
        if left >= 0:
            return self.app.t("board.timer", time=format_clock(left))
        return self.app.t("board.timer_over", time=format_clock(-left))

    # --- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """The whole board: each panel is kept as a picture (``game.ui.retained``) and drawn
        afresh only when something it shows has changed."""
        layout = self.layout()
        state = self.state
        app = self.app
        base = (surface.get_size(), app.lang, Same(state))
        shadow = max(2, layout.radius // 3)

        def region(rect: pygame.Rect) -> pygame.Rect:
            return rect.union(rect.move(0, shadow))

        clock = self._clock_text or self.clock_text()
        history = app.game.history
        header_key = (
            *base,
            clock,
            bool(clock) and self.seconds_left() < 0,
            history is not None and history.can_undo,
            history is not None and history.can_redo,
            self.hover if self.hover in layout.header_buttons else None,
        )
        forecast = None if state.finished else self.forecast()
        selected = self.selected_card()
        base_forecast = None if forecast is None or selected is None else self.risk.get(state)
        card_hover = self.hover if (self.hover or "").startswith("card:") else None
        flash = tuple(sorted(self.flash.items()))
        parts = [
            Part(
                "header",
                layout.header,
                header_key,
                lambda: self._draw_header(surface, layout, state),
            ),
            Part(
                "chart",
                region(layout.chart_panel),
                (*base, forecast, base_forecast, selected, self.hover == "target"),
                lambda: self._draw_chart(surface, layout, state),
            ),
            Part(
                "market",
                region(layout.market_panel),
                (*base, selected, card_hover),
                lambda: self._draw_market(surface, layout, state),
            ),
            Part(
                "events",
                region(layout.events),
                base,
                lambda: self._draw_events(surface, layout, state),
            ),
            Part(
                "meters",
                region(layout.meters),
                base,
                lambda: self._draw_meters(surface, layout, state),
            ),
            Part(
                "adopted",
                region(layout.adopted),
                (*base, flash),
                lambda: self._draw_adopted(surface, layout, state),
            ),
            Part(
                "end_year",
                layout.end_year,
                (*base, self.hover == "end_year"),
                lambda: self._draw_end_year(surface, layout, state),
            ),
        ]
        self.layers.compose(surface, theme.BACKGROUND, parts)

    def _draw_end_year(
        self, surface: pygame.Surface, layout: BoardLayout, state: GameState
    ) -> None:
        label = (
            self.app.t("board.debrief")
            if state.finished
            else self.app.t("board.end_year", year=state.year)
        )
        button(
            surface,
            self.app.text,
            layout.end_year,
            label,
            layout.heading,
            radius=layout.radius,
            primary=True,
            hint="" if state.finished else self.app.t("board.end_year_key"),
            hover=self.hover == "end_year",
        )

    def _heading(
        self,
        surface: pygame.Surface,
        layout: BoardLayout,
        text: str,
        rect: pygame.Rect,
        *,
        valign: str = "middle",
        color: theme.Color = theme.INK,
    ) -> None:
        """A panel's heading: bold, one line, shrunk to fit."""
        self.app.text.draw(
            surface, text, rect, HEADING.ink(color).but(valign=valign).lines(1).shrink()
        )

    def _empty(
        self, surface: pygame.Surface, layout: BoardLayout, text: str, rect: pygame.Rect
    ) -> None:
        """The muted line of a panel with nothing in it yet."""
        self.app.text.draw(surface, text, rect, BODY.ink(theme.MUTED).shrink())

    def _proposal_line(
        self,
        surface: pygame.Surface,
        layout: BoardLayout,
        row: pygame.Rect,
        proposal: Proposal,
        right_w: int,
    ) -> None:
        """A proposal in a list: its kind's icon and its title, leaving ``right_w`` pixels on
        the right of ``row`` free (for an amount or the note mark)."""
        line_h = row.height
        icon = pygame.Rect(row.x, row.y + 2, line_h - 4, line_h - 4)
        kind_icon(surface, proposal.kind, icon, theme.kind_color(proposal.kind))
        self.app.text.draw(
            surface,
            proposal.title,
            pygame.Rect(
                icon.right + layout.gap,
                row.y,
                row.width - icon.width - layout.gap - right_w,
                line_h,
            ),
            TINY.middle().lines(1),
        )

    def _draw_header(self, surface: pygame.Surface, layout: BoardLayout, state: GameState) -> None:
        app = self.app
        pygame.draw.rect(surface, theme.HEADER, layout.header)
        title = f"{app.t('app.title')} · {state.scenario.title}"
        app.text.draw(
            surface,
            title,
            layout.header_title,
            BODY.bold().ink(theme.HEADER_INK).middle().lines(1).shrink(),
        )
        if state.finished:
            status = app.t("board.finished")
        else:
            status = (
                f"{app.t('board.round', round=state.round + 1, rounds=state.scenario.rounds)}"
                f" · {app.t('board.year', year=state.year)}"
            )
        clock = self._clock_text or self.clock_text()
        if clock:
            status = f"{status} · {clock}"
        late = bool(clock) and self.seconds_left() < 0
        app.text.draw(
            surface,
            status,
            layout.header_round,
            HEADING.ink(theme.YELLOW if late else theme.HEADER_INK)
            .center()
            .middle()
            .lines(1)
            .shrink(),
        )
        enabled = {
            "undo": app.game.history is not None and app.game.history.can_undo,
            "redo": app.game.history is not None and app.game.history.can_redo,
            "help": True,
            "menu": True,
        }
        for name, rect in layout.header_buttons.items():
            button(
                surface,
                app.text,
                rect,
                app.t(f"board.{name}"),
                layout.min_text,
                radius=layout.radius,
                enabled=enabled[name],
                hover=self.hover == name,
            )

    def _draw_chart(self, surface: pygame.Surface, layout: BoardLayout, state: GameState) -> None:
        app = self.app
        panel(surface, layout.chart_panel, layout.radius)
        target_text = app.t(
            "board.target",
            amount=app.amount(state.targets[min(state.round, len(state.targets) - 1)]),
        )
        title = f"{app.t('board.years')} · {target_text}"
        color = theme.ACCENT if self.hover == "target" else theme.INK  # it can be clicked
        self._heading(surface, layout, title, layout.chart_title, color=color)
        forecast = None if state.finished else self.forecast()
        if forecast is not None:
            percent = format_percent(forecast.probability, app.lang)
            selected = self.selected_card()
            if selected is None:
                risk = app.t("board.risk", percent=percent)
            else:
                base = self.risk.get(state, None)
                risk = app.t(
                    "board.risk_with",
                    base=format_percent(base.probability, app.lang),
                    number=state.market.index(selected) + 1,
                    percent=percent,
                )
            color = theme.MET if forecast.probability >= 0.5 else theme.GAP
            app.text.draw(
                surface,
                risk,
                layout.risk,
                BODY.bold().ink(color).right().middle().lines(1).shrink(),
            )
        draw_board_years(surface, app, layout.chart, state, forecast)

    def _draw_market(self, surface: pygame.Surface, layout: BoardLayout, state: GameState) -> None:
        app = self.app
        panel(surface, layout.market_panel, layout.radius)
        if state.finished:
            self._draw_outcome(surface, layout, state)
            return
        title = app.t("board.market")
        if state.market:
            title = f"{title} · {app.t('board.select_hint', n=min(9, len(state.market)))}"
        self._heading(surface, layout, title, layout.market_title)
        if not state.market:
            area = layout.market_panel.inflate(-4 * layout.gap, -4 * layout.gap)
            app.text.draw(
                surface, app.t("board.market_empty"), area, BODY.ink(theme.MUTED).center().middle()
            )
            return
        selected = self.selected_card()
        cards = self.card_layers
        cards.begin()
        radius = layout.radius
        for number, (card, rect) in enumerate(zip(state.market, layout.market), start=1):
            lifted = rect.inflate(radius // 2, radius // 2)  # a selected card stands out
            region = lifted.union(lifted.move(0, radius // 3)).union(
                rect.move(0, max(2, radius // 3))
            )
            chosen = card == selected
            hover = self.hover == f"card:{number - 1}"
            key = (surface.get_size(), app.lang, Same(state), number, chosen, hover)

            def paint(card: str = card, rect: pygame.Rect = rect, number: int = number) -> None:
                draw_market_card(
                    surface,
                    app,
                    rect,
                    state.deck.proposal(card),
                    state,
                    number,
                    selected=card == selected,
                    min_text=layout.min_text,
                    radius=radius,
                    hover=self.hover == f"card:{number - 1}",
                )

            cards.draw(surface, card, region, key, paint)
        cards.keep_only(state.market)

    def _draw_outcome(self, surface: pygame.Surface, layout: BoardLayout, state: GameState) -> None:
        """After the last year the table is empty: show what each year adopted instead, with
        what every proposal really delivered over the whole period."""
        app = self.app
        self._heading(surface, layout, app.t("board.outcome"), layout.market_title)
        area = pygame.Rect(
            layout.market_title.x,
            layout.market_title.bottom,
            layout.market_title.width,
            layout.market_panel.bottom - layout.market_title.bottom - layout.gap,
        )
        years = state.scenario.years
        cells = grid(area, len(years), 2, 3 * layout.gap)
        line_h = round(layout.min_text * 1.3)
        for round_index, (year, cell) in enumerate(zip(years, cells)):
            app.text.draw(
                surface,
                year,
                pygame.Rect(cell.x, cell.y, cell.width, line_h),
                TINY.bold().ink(theme.MUTED).lines(1),
            )
            y = cell.y + line_h
            adoptions = [a for a in state.adopted if a.round == round_index]
            room = max(0, (cell.bottom - y) // line_h)
            for i, adoption in enumerate(adoptions[:room]):
                if i == room - 1 and len(adoptions) > room:
                    more = app.t("board.more", count=len(adoptions) - room + 1)
                    app.text.draw(
                        surface,
                        more,
                        pygame.Rect(cell.x, y, cell.width, line_h),
                        TINY.ink(theme.MUTED).lines(1),
                    )
                    break
                proposal = state.deck.proposal(adoption.card)
                total = sum(realised(proposal, adoption, y_index) for y_index in range(len(years)))
                amount = app.amount(total, sign=True, unit=False)
                amount_w = app.text.width(amount, layout.min_text, FONT_BOLD) + layout.gap
                row = pygame.Rect(cell.x, y, cell.width, line_h)
                self._proposal_line(surface, layout, row, proposal, amount_w)
                app.text.draw(
                    surface,
                    amount,
                    row,
                    TINY.bold()
                    .ink(theme.GAP if total < 0 else theme.INK)
                    .right()
                    .middle()
                    .lines(1),
                )
                y += line_h

    def _draw_events(self, surface: pygame.Surface, layout: BoardLayout, state: GameState) -> None:
        app = self.app
        panel(surface, layout.events, layout.radius, theme.EVENT_TINT)
        head, body = panel_parts(layout.events, layout)
        self._heading(surface, layout, app.t("board.events"), head, valign="top")
        round_index = state.round if not state.finished else state.scenario.rounds - 1
        events = state.events_in_round(round_index)
        if not events:
            self._empty(surface, layout, app.t("board.events_none"), body)
            return
        share = body.height // len(events)
        for i, eid in enumerate(events):
            event = state.deck.event(eid)
            box = pygame.Rect(body.x, body.y + i * share, body.width, share)
            effect = event.amount(0)
            amount = app.amount(effect, sign=True)
            line_h = round(layout.body * 1.3)
            title_rect = pygame.Rect(box.x, box.y, box.width, line_h)
            amount_w = app.text.width(amount, layout.body, FONT_BOLD) + layout.gap
            app.text.draw(
                surface,
                event.title,
                pygame.Rect(box.x, box.y, box.width - amount_w, line_h),
                BODY.bold().lines(1).shrink(),
            )
            app.text.draw(
                surface,
                amount,
                title_rect,
                BODY.bold().ink(theme.GAP if effect < 0 else theme.MET).right().lines(1),
            )
            text_rect = pygame.Rect(box.x, box.y + line_h, box.width, box.height - line_h)
            app.text.draw(surface, event.text, text_rect, TINY)

    def _draw_meters(self, surface: pygame.Surface, layout: BoardLayout, state: GameState) -> None:
        app = self.app
        panel(surface, layout.meters, layout.radius)
        inner = layout.meters.inflate(-2 * layout.gap, -2 * layout.gap)
        rows = 3
        row_h = inner.height // rows
        label_w = round(inner.width * 0.42)
        floor = state.scenario.service_floor
        entries: list[tuple[str, str, int, int, theme.Color]] = [
            (
                app.t("board.capacity"),
                "–"
                if state.finished
                else app.t("board.capacity_value", left=state.capacity_left, total=state.capacity),
                state.capacity_left,
                state.capacity,
                theme.BLUE,
            ),
            (
                app.t("board.fatigue"),
                str(state.fatigue),
                state.fatigue,
                max(6, state.fatigue),
                theme.ORANGE,
            ),
        ]
        for i, (label, value, filled, total, color) in enumerate(entries):
            row = pygame.Rect(inner.x, inner.y + i * row_h, inner.width, row_h)
            self._meter_label(surface, layout, row, label_w, label, value, warn=False)
            pip_h = max(6, row_h // 3)
            pip_row = pygame.Rect(
                row.x + label_w, row.y + (row_h - pip_h) // 2, inner.width - label_w, pip_h
            )
            pips(surface, pip_row, filled, total, color)
        row = pygame.Rect(inner.x, inner.y + 2 * row_h, inner.width, row_h)
        value = format_amount(state.service, app.lang, sign=True)
        if floor is not None:
            floor_text = format_amount(floor, app.lang)
            value = f"{value} ({app.t('board.service_floor', floor=floor_text)})"
        below = floor is not None and state.service < floor
        self._meter_label(surface, layout, row, label_w, app.t("board.service"), value, warn=below)
        self._draw_service_scale(
            surface, pygame.Rect(row.x + label_w, row.y, inner.width - label_w, row_h), state
        )

    def _meter_label(
        self,
        surface: pygame.Surface,
        layout: BoardLayout,
        row: pygame.Rect,
        width: int,
        label: str,
        value: str,
        *,
        warn: bool,
    ) -> None:
        """A meter's name (bold) over its value (muted, or red when ``warn``)."""
        half = row.height // 2
        self.app.text.draw(
            surface, label, pygame.Rect(row.x, row.y, width, half), BODY.bold().lines(1).shrink()
        )
        self.app.text.draw(
            surface,
            value,
            pygame.Rect(row.x, row.y + half, width, half),
            TINY.ink(theme.GAP if warn else theme.MUTED).lines(1),
        )

    def _draw_service_scale(
        self, surface: pygame.Surface, rect: pygame.Rect, state: GameState
    ) -> None:
        """A horizontal scale from −10 to +10 with a marker at the service level and the floor."""
        low, high = -10, 10
        value = max(low, min(high, state.service))
        bar_h = max(6, rect.height // 4)
        bar = pygame.Rect(rect.x, rect.centery - bar_h // 2, rect.width, bar_h)
        pygame.draw.rect(surface, theme.DISABLED, bar, border_radius=bar_h // 2)

        def x_of(v: float) -> int:
            return round(bar.x + (v - low) / (high - low) * bar.width)

        zero = x_of(0)
        vx = x_of(value)
        fill = pygame.Rect(min(zero, vx), bar.y, max(2, abs(vx - zero)), bar_h)
        pygame.draw.rect(
            surface, theme.MET if state.service >= 0 else theme.GAP, fill, border_radius=bar_h // 2
        )
        pygame.draw.line(surface, theme.INK, (zero, bar.y - 3), (zero, bar.bottom + 3), 2)
        floor = state.scenario.service_floor
        if floor is not None:
            fx = x_of(floor)
            pygame.draw.line(
                surface, theme.GAP, (fx, rect.y + 2), (fx, rect.bottom - 2), max(2, bar_h // 3)
            )
        pygame.draw.circle(surface, theme.INK, (vx, bar.centery), bar_h)

    def _draw_adopted(self, surface: pygame.Surface, layout: BoardLayout, state: GameState) -> None:
        app = self.app
        panel(surface, layout.adopted, layout.radius)
        head, body = panel_parts(layout.adopted, layout)
        counts_w = self._draw_kind_counts(surface, layout, state)
        title = f"{app.t('board.adopted')} ({len(state.adopted)})"
        head.width -= counts_w
        self._heading(surface, layout, title, head, valign="top")
        if not state.adopted:
            self._empty(surface, layout, app.t("board.adopted_none"), body)
            return
        line_h = round(layout.min_text * 1.3)
        for row, label, card in self.adopted_rows(layout, state):
            if card is None:
                app.text.draw(surface, label, row, TINY.bold().ink(theme.MUTED).middle().lines(1))
                continue
            proposal = state.deck.proposal(card)
            glow = self.flash.get(card, 0.0) / FLASH_SECONDS
            if glow > 0:
                tint = theme.mix(theme.PANEL, theme.KIND_TINTS[proposal.kind], glow)
                pygame.draw.rect(surface, tint, row.inflate(layout.gap, 2), border_radius=4)
            adoption = state.adoption(card)
            note_w = line_h if adoption is not None and adoption.note else 0
            self._proposal_line(surface, layout, row, proposal, note_w)
            if note_w:
                note_mark(
                    surface, pygame.Rect(row.right - note_w, row.y + 3, note_w - 2, line_h - 6)
                )

    def kind_slots(self, layout: BoardLayout) -> list[tuple[Kind, pygame.Rect, pygame.Rect]]:
        """Where the "Vedtaget" heading shows each kind: (kind, icon rect, number rect)."""
        head, _ = panel_parts(layout.adopted, layout)
        icon_s = round(layout.min_text * 1.1)
        slot = icon_s + round(layout.min_text * 1.6)
        x = head.right - slot * len(KINDS)
        y = head.y + (head.height - icon_s) // 2
        slots = []
        for i, kind in enumerate(KINDS):
            left = x + i * slot
            icon = pygame.Rect(left, y, icon_s, icon_s)
            number = pygame.Rect(left + icon_s + 2, head.y, slot - icon_s - 2, head.height)
            slots.append((kind, icon, number))
        return slots

    def _draw_kind_counts(
        self, surface: pygame.Surface, layout: BoardLayout, state: GameState
    ) -> int:
        """How many of each kind are adopted, right-aligned in the panel's heading: the kind's
        icon and a number; a kind the scenario still needs is greyed with a red 0. Returns the
        width used."""
        slots = self.kind_slots(layout)
        for kind, icon, number in slots:
            count = sum(1 for a in state.adopted if state.deck.proposal(a.card).kind is kind)
            missing = count == 0 and state.scenario.require_all_kinds
            kind_icon(surface, kind, icon, theme.DISABLED if missing else theme.kind_color(kind))
            self.app.text.draw(
                surface,
                str(count),
                number,
                TINY.bold().ink(theme.GAP if missing else theme.INK).middle().lines(1),
            )
        return slots[-1][2].right - slots[0][1].x

    def adopted_rows(
        self, layout: BoardLayout, state: GameState
    ) -> list[tuple[pygame.Rect, str, str | None]]:
        """The rows of the "Vedtaget" panel: (rect, year label, None) or (rect, "", card id).
        When they do not all fit, the most recent are shown under a "+N mere" line."""
        _, body = panel_parts(layout.adopted, layout)
        line_h = round(layout.min_text * 1.3)
        capacity = max(1, body.height // line_h)
        lines: list[tuple[str, str | None]] = []
        for round_index, year in enumerate(state.scenario.years):
            cards = [a.card for a in state.adopted if a.round == round_index]
            if cards:
                lines.append((year, None))
                lines.extend(("", card) for card in cards)
        if len(lines) > capacity:
            hidden = sum(1 for _, card in lines[: len(lines) - capacity + 1] if card)
            lines = [(self.app.t("board.more", count=hidden), None), *lines[-(capacity - 1) :]]
        return [
            (pygame.Rect(body.x, body.y + i * line_h, body.width, line_h), label, card)
            for i, (label, card) in enumerate(lines)
        ]
