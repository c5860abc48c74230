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

from game.engine import EndYear, GameState
from game.engine.forecast import Forecast
from game.ui import panels, theme
from game.ui.boardinput import BoardInput
from game.ui.cards import adopt_card, refusal
from game.ui.layout import BoardLayout
from game.ui.opening import continue_in_copy, edit_paper_table, open_save
from game.ui.panels import Panel
from game.ui.panels.adopted import AdoptedPanel
from game.ui.panels.banner import BannerPanel, banner_text
from game.ui.panels.chart import ChartPanel
from game.ui.panels.header import EndYearPanel, HeaderPanel, round_clock
from game.ui.panels.market import MarketPanel, card_keys
from game.ui.panels.meters import MetersPanel
from game.ui.panels.side import EventsPanel, events_caption, events_text, measured_layout
from game.ui.panels.table import BoardTable
from game.ui.retained import Layers, Same
from game.ui.risk import RiskMeter
from game.ui.scene import Host, Scene
from game.ui.tableslots import Slot, table_slots

FLASH_SECONDS = 0.5
FOLLOW_SECONDS = 2.0
"""How often a board open read-only looks at its save and at the other window's lock."""
"""How long a newly adopted proposal glows in the adopted list."""


class BoardScene(BoardInput, Scene):
    """The main table of the game."""

    name = "board"

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.selected: str | None = None
        self.hover: str | None = None
        self.flash: dict[str, float] = {}
        """Newly adopted cards and the seconds left of their highlight in the adopted list."""
        self._known: tuple[str, ...] = app.game.state.adopted_ids()
        self.uncovered_at = float("-inf")
        """When the board came back on top in a new year (after the year reveal, whose
        "Videre" stands where "Afslut" does: ``BoardInput``'s guard against a double-click)."""
        self._round_seen = app.game.state.round
        self.risk = RiskMeter()
        self.events = EventsPanel(app)
        self.meters = MetersPanel(app)
        self.adopted = AdoptedPanel(app)
        self.banner = BannerPanel(app)
        self.end = EndYearPanel(app)
        self.all_panels: list[Panel[BoardTable, BoardLayout]] = [
            HeaderPanel(app),
            self.banner,
            ChartPanel(app),
            MarketPanel(app),
            self.events,
            self.meters,
            self.adopted,
            self.end,
        ]
        """Every panel of the board in drawing order (the banner only while it is needed)."""
        self.layers = Layers()
        """The kept pictures of the panels (retained drawing)."""
        self.adopted_scroll = 0
        """The first line asked for of the adopted list (the newest after an adoption)."""
        self._debrief_shown = False
        self._follow_in = FOLLOW_SECONDS
        self._clock_text = ""
        self._layout: tuple[tuple[object, ...], BoardLayout] | None = None
        self._slots: tuple[tuple[object, int], tuple[Slot, ...]] | None = None
        self.last_place: int | None = None
        """The place (1-based) of the card adopted last, where ←/→ go on from."""

    # --- what is on the table -----------------------------------------------------------
    def on_enter(self) -> None:
        """The board is on top again: after the year reveal (a new round), the end-year
        button ignores clicks for a moment (``boardinput.CLICK_THROUGH``)."""
        if self.app.game.state.round != self._round_seen:
            self.uncovered_at = self.app.game.clock()
            self._round_seen = self.app.game.state.round

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
        return banner_text(self.app)

    def layout(self) -> BoardLayout:
        """The board's rectangles for the current window size and for the room the events and
        the meters need now (measured again only when the window, the state, the language or
        the banner changes; nothing changes a layout's rectangles in place)."""
        banner = self.banner_text()
        picture = self.app.report_picture
        stopped = self.draws_stopped_table
        key = (self.app.size, Same(self.state), self.app.lang, banner, picture, stopped)
        if self._layout is None or self._layout[0] != key:
            table = BoardTable(
                self.state,
                None,
                None,
                (),
                None,
                None,
                "",
                False,
                False,
                False,
                picture=picture,
                stopped=stopped,
            )
            made = measured_layout(
                self.app.size, table, self.events, self.meters, self.end, bool(banner)
            )
            if self._layout is not None and self._layout[1] == made:
                made = self._layout[1]  # the same rectangles: keep the very object
            self._layout = (key, made)
        return self._layout[1]

    @property
    def draws_stopped_table(self) -> bool:
        """The board is drawn as a paper table that stopped before its last year
        (``BoardTable.stopped``): a report's picture of one, or one opened from the start
        screen's list to be looked at (it showed "Runde 3 af 3 · Budget 2029", no event and
        seven cards the table never had)."""
        if self.app.report_picture:
            return self.app.report_stopped
        return self.app.game.looking_at_stopped_paper

    def slots(self) -> tuple[Slot, ...]:
        """The places on the table this round (``game.ui.tableslots``): a card keeps its
        number until the table is filled up again."""
        history = self.app.game.history
        states = history.states if history is not None else (self.state,)
        key = (states[-1], len(states))
        if self._slots is None or self._slots[0] != key:
            self._slots = (key, table_slots(states))
        return self._slots[1]

    def selected_card(self) -> str | None:
        """The selected market card, if it is still on the table."""
        if self.selected is not None and self.selected in self.state.market:
            return self.selected
        return None

    def chance_card(self) -> str | None:
        """The selected card, when it can be adopted now: the chance line reckons with it
        (a card refused for capacity or a missing requirement gave "med forslag 7: 0 %")."""
        card = self.selected_card()
        return card if card is not None and refusal(self.state, card) is None else None

    def forecast(self) -> Forecast:
        """The risk meter's estimate (with the selected card added, when it can be)."""
        return self.risk.get(self.state, self.chance_card())

    def table(self) -> BoardTable:
        """Everything the panels show now."""
        state = self.state
        layout = self.layout()
        selected = self.selected_card()
        stopped = self.draws_stopped_table
        forecast = None if state.finished or stopped else self.forecast()
        history = self.app.game.history
        clock = self._clock_text or self.clock_text()
        return BoardTable(
            state=state,
            selected=selected,
            hover=self.hover,
            flash=tuple(sorted((c, s / FLASH_SECONDS) for c, s in self.flash.items())),
            forecast=forecast,
            base_forecast=None
            if forecast is None or self.chance_card() is None
            else self.risk.get(state),
            clock=clock,
            late=bool(clock) and self.seconds_left() < 0,
            # a game open read-only takes back nothing: its Fortryd and Gentag are greyed
            can_undo=history is not None and history.can_undo and not self.app.game.read_only,
            can_redo=history is not None and history.can_redo and not self.app.game.read_only,
            adopted_scroll=self.adopted.clamp(state, self.adopted_scroll, layout),
            banner=self.banner_text(),
            read_only=self.app.game.read_only,
            viewed_free=self.app.game.viewed_free,
            paper=self.app.game.looking_at_paper,
            slots=self.slots(),
            picture=self.app.report_picture,
            stopped=stopped,
        )

    # --- decisions ----------------------------------------------------------------------
    def select(self, number: int, quiet: bool = False) -> None:
        """Select the card at place ``number`` on the table (1-based reading order; a place
        whose card left this round selects nothing and says why, unless ``quiet``)."""
        slots = self.slots()
        if 1 <= number <= len(slots) and slots[number - 1].open:
            self.selected = slots[number - 1].card
            self.app.request_redraw()
        elif 1 <= number <= len(slots) and not quiet:
            # say why, or the next Enter would only say "Vælg først et forslag"; the card
            # selected before stays selected (what is marked is what Enter adopts)
            slot = slots[number - 1]
            title = self.state.deck.proposal(slot.card).title
            key = "board.place_adopted" if slot.left == "adopted" else "board.place_gone"
            self.app.toast(key, number=number, title=title)

    def adopt(self, card: str | None = None, note: str = "") -> bool:
        """Adopt ``card`` (default: the selected card) through the game controller."""
        card = card or self.selected_card()
        if card is None:
            if not self.state.finished and self.state.market:
                self.app.toast("board.select_first", keys=card_keys(len(self.slots())))
            return False
        places = [slot.card for slot in self.slots()]
        done = adopt_card(self.app, card, note)
        if done:
            self.selected = None
            # → then goes on from the adopted card's place, not from card 1
            self.last_place = places.index(card) + 1 if card in places else None
        return done

    def end_year(self) -> None:
        """Close the year and show the reveal (or the debrief when the game is over)."""
        before = self.state
        if before.finished:
            self.show_debrief()
            return
        if not self.app.game.do(EndYear()):
            return
        self.selected = self.last_place = None  # the table is laid anew
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
            self.app.push("message", title=events_caption(self.app, self.state), text=text)

    def language_changed(self) -> None:
        """The panels' kept pictures hold words of the old language: draw them afresh."""
        self.layers = Layers()

    def notices_area(self) -> pygame.Rect | None:
        """Notices stand over the list of adopted proposals (``BoardLayout.notices``): under
        the year chart's title they still covered the bars' figures, the very amounts an
        adoption had just changed, and before that the line "service under gulvet"."""
        return self.layout().notices

    def notices_below(self) -> int | None:
        """Where notices stand that the adopted list cannot hold whole (several at once, at
        800×600): under the year chart's title and chance line (they covered the line that
        says what an adoption just did), and under the banner while it shows."""
        layout = self.layout()
        chart = self.panel("chart")
        if not isinstance(chart, ChartPanel):
            return layout.banner.bottom if layout.banner is not None else None
        _, chance, _ = chart.rows(layout, chart.view(self.table()))
        if layout.banner is not None:
            return max(layout.banner.bottom, chance.bottom)
        return chance.bottom

    def continue_in_copy(self) -> None:
        """A game open read-only: play on in a copy of its save (a game of its own) – or,
        once the window that held it has closed it, continue the game itself. A paper
        table's game is not played on in the window: its sheet is corrected instead
        (``edit_paper_table``)."""
        viewing = self.app.game.viewing
        if viewing is None:
            return
        if self.app.game.looking_at_paper:
            edit_paper_table(self.app)
            return
        if self.app.game.viewed_free:
            # when another window took the save in the meantime, open_save says so and offers
            # a copy itself: no copy is made behind that message
            if open_save(self.app, viewing):
                self.app.toast("save.continued_here")
            return
        continue_in_copy(self.app, viewing)

    def scroll_adopted(self, lines: int) -> None:
        """Scroll the adopted list by ``lines`` (negative: up)."""
        layout = self.layout()
        first = self.adopted.clamp(self.state, self.adopted_scroll, layout)
        self.adopted_scroll = self.adopted.clamp(self.state, max(0, first + lines), layout)
        self.app.request_redraw()

    # --- time ---------------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        """Risk refinement while idle, the round timer and the debrief after the last year;
        for a game open read-only, every ``FOLLOW_SECONDS`` what the other window decided
        and whether it has closed the game (``GameController.follow``)."""
        game = self.app.game
        if game.read_only:
            self._follow_in -= dt
            if self._follow_in <= 0:
                self._follow_in = FOLLOW_SECONDS
                was_free = game.viewed_free
                if game.follow():
                    self.app.request_redraw()
                    if game.viewed_free and not was_free:
                        self.app.toast("save.other_closed")
        state = self.state
        adopted = state.adopted_ids()
        if adopted != self._known:
            known = self._known
            fresh = adopted[len(known) :] if adopted[: len(known)] == known else ()
            self.flash.update({card: FLASH_SECONDS for card in fresh})
            if fresh:
                self.adopted_scroll = len(adopted) * 2  # follow: the newest card in sight
            self._known = adopted
        self.age_digit(dt)
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
            self.risk.refine(state, self.chance_card()) or self.risk.refine(state, None)
        ):
            self.app.request_redraw()
        return bool(self.flash)

    def seconds_left(self) -> float:
        """Seconds left of this year's round timer (negative when over; inf without timer)."""
        return self.app.game.seconds_left()

    def clock_text(self) -> str:
        """The round timer ("Tid: 7:32" / "Over tid: 1:10"), or "" without a timer."""
        return round_clock(self.app)

    # --- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """The whole board: each panel is kept as a picture (``game.ui.retained``) and drawn
        afresh only when its view has changed."""
        panels.compose(
            self.layers, surface, theme.BACKGROUND, self.panels, self.layout(), self.table()
        )
