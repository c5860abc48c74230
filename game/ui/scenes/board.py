"""The board: budget years against the target, the market, events, meters and the adopted.

The board is a composition of panels (``game.ui.panels``): each owns its rectangle, what it
shows, how it paints and what a click on it means. Once a frame the scene gathers what is on
the table (``BoardTable``); every panel takes its view from it, and one hit-test (``target_at``)
serves both the mouse-over and the click.

Keys: 1–9 select a market card, ←/→ move the selection, O opens it, Enter adopts it, Space
ends the year, Ctrl+Z/Backspace undo, Ctrl+Y/Ctrl+Shift+Z redo, F1/H help, Esc menu; while the
game is not saved, G saves it elsewhere (K continues a read-only game in a copy). A click on a
card opens it up close; the mouse wheel scrolls the adopted list.
"""

from __future__ import annotations

import pygame

from game.engine import Adopt, EndYear, GameState
from game.engine.forecast import Forecast
from game.ui import panels, theme
from game.ui.layout import BoardLayout, board_layout
from game.ui.opening import continue_in_copy
from game.ui.panels import Panel
from game.ui.panels.adopted import AdoptedPanel
from game.ui.panels.banner import BannerPanel
from game.ui.panels.chart import ChartPanel
from game.ui.panels.header import EndYearPanel, HeaderPanel
from game.ui.panels.market import MarketPanel
from game.ui.panels.meters import MetersPanel
from game.ui.panels.side import EventsPanel, events_text
from game.ui.panels.table import BoardTable
from game.ui.retained import Layers, Same
from game.ui.risk import RiskMeter
from game.ui.scene import Host, Scene, ctrl_held, is_activation, shift_held

FLASH_SECONDS = 0.5
"""How long a newly adopted proposal glows in the adopted list."""
NUMBER_KEYS = {getattr(pygame, f"K_{i}"): i for i in range(1, 10)}
NUMBER_KEYS.update({getattr(pygame, f"K_KP{i}"): i for i in range(1, 10)})


def format_clock(seconds: float) -> str:
    """Seconds as m:ss."""
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


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
        self.events = EventsPanel(app)
        self.meters = MetersPanel(app)
        self.adopted = AdoptedPanel(app)
        self.banner = BannerPanel(app)
        self.all_panels: list[Panel[BoardTable, BoardLayout]] = [
            HeaderPanel(app),
            self.banner,
            ChartPanel(app),
            MarketPanel(app),
            self.events,
            self.meters,
            self.adopted,
            EndYearPanel(app),
        ]
        """Every panel of the board in drawing order (the banner only while it is needed)."""
        self.layers = Layers()
        """The kept pictures of the panels (retained drawing)."""
        self.adopted_scroll = 0
        """The first line asked for of the adopted list (the newest after an adoption)."""
        self._debrief_shown = False
        self._clock_text = ""
        self._layout: tuple[tuple[object, ...], BoardLayout] | None = None

    # --- what is on the table -----------------------------------------------------------
    @property
    def state(self) -> GameState:
        """The state on the table."""
        return self.app.game.state

    def panel(self, name: str) -> Panel[BoardTable, BoardLayout]:
        """The panel called ``name``."""
        return next(p for p in self.panels if p.name == name)

    @property
    def panels(self) -> list[Panel[BoardTable, BoardLayout]]:
        """The panels on the board now: every panel, the banner only while the game is not
        saved (or is open read-only)."""
        if self.banner_text():
            return self.all_panels
        return [p for p in self.all_panels if p is not self.banner]

    def banner_text(self) -> str:
        """What the banner says ("" while the game is saved)."""
        game = self.app.game
        if game.read_only:
            return self.app.t("save.banner_readonly")
        problem = game.unsaved()
        return self.app.t("save.banner", message=self.app.say(problem)) if problem else ""

    def layout(self) -> BoardLayout:
        """The board's rectangles for the current window size and for the room the events and
        the meters need now (measured again only when the window, the state, the language or
        the banner changes; nothing changes a layout's rectangles in place)."""
        width, height = self.app.size
        state = self.state
        banner = self.banner_text()
        key = (width, height, Same(state), self.app.lang, banner)
        if self._layout is not None and self._layout[0] == key:
            return self._layout[1]
        market, years = max(1, state.scenario.market), state.scenario.rounds
        side_w = board_layout(width, height, market, years).side.width
        table = self._bare_table()
        made = board_layout(
            width,
            height,
            market,
            years,
            events_h=self.events.needed_height(side_w, self.events.view(table)),
            meters_h=self.meters.needed_height(side_w, self.meters.view(table)),
            banner=bool(banner),
        )
        if self._layout is None or self._layout[1] != made:
            self._layout = (key, made)
        else:
            self._layout = (key, self._layout[1])  # the same rectangles: keep the very object
        return self._layout[1]

    def selected_card(self) -> str | None:
        """The selected market card, if it is still on the table."""
        if self.selected is not None and self.selected in self.state.market:
            return self.selected
        return None

    def forecast(self) -> Forecast:
        """The risk meter's estimate (with the selected card added)."""
        return self.risk.get(self.state, self.selected_card())

    def _bare_table(self) -> BoardTable:
        """The table without the forecast, the clock and the scroll (what the events and the
        meters need to say how much room they take)."""
        return BoardTable(self.state, None, None, (), None, None, "", False, False, False)

    def table(self) -> BoardTable:
        """Everything the panels show now."""
        state = self.state
        layout = self.layout()
        selected = self.selected_card()
        forecast = None if state.finished else self.forecast()
        history = self.app.game.history
        clock = self._clock_text or self.clock_text()
        return BoardTable(
            state=state,
            selected=selected,
            hover=self.hover,
            flash=tuple(sorted((c, s / FLASH_SECONDS) for c, s in self.flash.items())),
            forecast=forecast,
            base_forecast=None if forecast is None or selected is None else self.risk.get(state),
            clock=clock,
            late=bool(clock) and self.seconds_left() < 0,
            can_undo=history is not None and history.can_undo,
            can_redo=history is not None and history.can_redo,
            adopted_scroll=self.adopted.clamp(state, self.adopted_scroll, layout),
            banner=self.banner_text(),
            read_only=self.app.game.read_only,
        )

    # --- decisions ----------------------------------------------------------------------
    def select(self, number: int) -> None:
        """Select market card ``number`` (1-based reading order)."""
        market = self.state.market
        if 1 <= number <= len(market):
            self.selected = market[number - 1]
            self.app.request_redraw()

    def adopt(self, card: str | None = None, note: str = "") -> bool:
        """Adopt ``card`` (default: the selected card) through the game controller."""
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
        text = events_text(self.app, self.state)
        if text:
            self.app.push("message", title=self.app.t("board.events"), text=text)

    def continue_in_copy(self) -> None:
        """A game open read-only: play on in a copy of its save (a game of its own)."""
        if self.app.game.viewing is not None:
            continue_in_copy(self.app, self.app.game.viewing)

    def scroll_adopted(self, lines: int) -> None:
        """Scroll the adopted list by ``lines`` (negative: up)."""
        layout = self.layout()
        first = self.adopted.clamp(self.state, self.adopted_scroll, layout)
        self.adopted_scroll = self.adopted.clamp(self.state, max(0, first + lines), layout)
        self.app.request_redraw()

    # --- input --------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        """Keys and clicks of the board (a key or click also cuts a highlight short)."""
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.flash.clear()
        if event.type == pygame.KEYDOWN:
            self._key(event)
        elif is_activation(event):
            self.activate(self.target_at(event.pos))
        elif event.type == pygame.MOUSEWHEEL:
            self.scroll_adopted(-event.y * 3)
        elif event.type == pygame.MOUSEMOTION:
            target = self.target_at(event.pos)
            if target != self.hover:
                self.hover = target
                self.app.request_redraw()

    def target_at(self, pos: tuple[int, int]) -> str | None:
        """What a click at ``pos`` would hit (the panels' answer): "card:N", "adopted:ID",
        "events", "end_year", "target" (the year chart's title), a header button, or None."""
        return panels.hit(self.panels, pos, self.layout(), self.table())

    def activate(self, target: str | None) -> None:
        """Do what a click on ``target`` does."""
        if target is None:
            return
        kind, _, rest = target.partition(":")
        if kind == "card":
            card = self.state.market[int(rest)]
            self.selected = card
            self.open_card(card)
        elif kind == "adopted":
            self.open_card(rest)
        elif kind == "scroll_adopted":
            page = max(1, self.adopted.capacity(self.layout()) - 2)
            self.scroll_adopted(-page if rest == "up" else page)
        else:
            actions = {
                "end_year": self.end_year,
                "events": self.open_events,
                "target": lambda: self.app.push("target"),
                "undo": self.app.game.undo,
                "redo": self.app.game.redo,
                "help": lambda: self.app.push("help"),
                "menu": lambda: self.app.push("menu"),
                "save_elsewhere": lambda: self.app.push("save_elsewhere"),
                "as_copy": self.continue_in_copy,
            }
            actions[kind]()

    def _key(self, event: pygame.event.Event) -> None:
        key = event.key
        game = self.app.game
        if ctrl_held(event):
            if key == pygame.K_z and shift_held(event):
                game.redo()
            elif key == pygame.K_z:
                game.undo()
            elif key == pygame.K_y:
                game.redo()
            return
        market = self.state.market
        if key in NUMBER_KEYS:
            self.select(NUMBER_KEYS[key])
        elif key in (pygame.K_LEFT, pygame.K_RIGHT) and market:
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
            game.undo()
        elif key in (pygame.K_F1, pygame.K_h):
            self.app.push("help")
        elif key == pygame.K_ESCAPE:
            self.app.push("menu")
        elif key == pygame.K_g and self.app.game.unsaved() is not None:
            self.app.push("save_elsewhere")
        elif key == pygame.K_k and self.app.game.read_only:
            self.continue_in_copy()

    # --- time ---------------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        """Risk refinement while idle, the round timer and the debrief after the last year."""
        state = self.state
        adopted = state.adopted_ids()
        if adopted != self._known:
            known = self._known
            fresh = adopted[len(known) :] if adopted[: len(known)] == known else ()
            self.flash.update({card: FLASH_SECONDS for card in fresh})
            if fresh:
                self.adopted_scroll = len(adopted) * 2  # follow: the newest card in sight
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
        afresh only when its view has changed."""
        panels.compose(
            self.layers, surface, theme.BACKGROUND, self.panels, self.layout(), self.table()
        )
