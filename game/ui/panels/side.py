"""The board's right-hand column, top: this year's events, each with its title, what it adds
or takes this year and its text in full (the panel asks the layout for the room it needs)."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.engine import Event, GameState, face
from game.ui import theme
from game.ui.cards import event_hurts, signed
from game.ui.draw import panel
from game.ui.layout import BoardLayout, board_layout
from game.ui.panels import Panel
from game.ui.panels.header import EndYearPanel
from game.ui.panels.meters import MetersPanel
from game.ui.panels.table import BoardTable, empty_line
from game.ui.scene import Host
from game.ui.theme import BODY, FONT_BOLD, TIGHT, TINY


@dataclass(frozen=True)
class EventsView:
    """What the events panel shows: the events of the open year (the last, once over)."""

    events: tuple[Event, ...]
    caption: str = ""
    """"Hændelse i år", or "Hændelse i 2030" once the game is over (a finished board, and the
    report's board.png, said "i år" of the last year)."""


FINISHED_MARKET = 4
"""The cards a finished game's board is laid out for: one row, so the chart is as tall as
the board ever draws it, and the list of what each year adopted has the rest."""


def events_caption(app: Host, state: GameState) -> str:
    """The events' caption for ``state``: this year's, or the last year's once over."""
    if state.finished:
        return app.t("board.events_in", year=state.scenario.years[-1])
    return app.t("board.events")


def event_effects(app: Host, event: Event, fatigue: bool = True) -> list[str]:
    """What an event does besides its money, as the board words it: "Service −1" and, with
    ``fatigue``, "Træthed +2" ("0 mio. kr." in green hid a reform that took 2 of the capacity
    every year, and the service went orange with no word why)."""
    said = []
    if event.service:
        said.append(app.t("card.service", service=signed(event.service)))
    if event.fatigue and fatigue:
        said.append(app.t("card.fatigue", fatigue=signed(event.fatigue)))
    return said


BESIDE_SHARE = 0.45
"""The most of the panel's width an event's amount takes beside its title; a longer one gets
a line of its own under the title."""


class EventsPanel(Panel[BoardTable, BoardLayout]):
    """This year's events; a click shows them in full ("events")."""

    name = "events"
    View = EventsView

    def rect(self, layout: BoardLayout) -> pygame.Rect:
        return layout.events

    def view(self, table: BoardTable) -> EventsView:
        state = table.state
        round_index = state.round if not state.finished else state.scenario.rounds - 1
        caption = events_caption(self.app, state)
        if table.stopped:  # a paper table that stopped: its last year's events
            round_index = state.round - 1
            caption = self.app.t("board.events_in", year=state.scenario.years[round_index])
        events = tuple(state.deck.event(e) for e in state.events_in_round(round_index))
        return EventsView(events, caption)

    def hit(self, pos: tuple[int, int], layout: BoardLayout, view: EventsView) -> str | None:
        return "events"

    def _amount(self, event: Event, fatigue: bool = True) -> str:
        """The event's amount this year and its other effects (``event_effects``): "−2 mio.
        kr. · Service −1 · Træthed +2"."""
        money = self.app.amount(face(event, 0, 0), sign=True)
        return " · ".join([money, *event_effects(self.app, event, fatigue)])

    def _caption_line(self, width: int, view: EventsView) -> tuple[str, int, bool] | None:
        """The caption, the text size at which the one event's amount stands beside it on the
        caption's line, and whether that amount says the event's træthed: "HÆNDELSE I ÅR", or
        "HÆNDELSE" when only that leaves room ("HÆNDELSE I ÅR" ran into "+1 mio. kr. · Service
        +1" at 1024×768); the træthed is left out before the line gives up (the year's
        summary says it, and the text keeps its room); None when the amount goes beside the
        event's title (several events, or no room at all)."""
        if len(view.events) != 1:
            return None
        app, sc = self.app, self.app.scale
        event = view.events[0]
        for fatigue in (True, False) if event.fatigue else (True,):
            for caption in (view.caption.upper(), app.t("board.events_short").upper()):
                room = width - app.text.width(caption, sc.min_text, FONT_BOLD) - sc.gap
                for size in (sc.body, sc.min_text):
                    if app.text.width(self._amount(event, fatigue), size, FONT_BOLD) <= room:
                        return caption, size, fatigue
        return None

    def _blocks(self, width: int, view: EventsView) -> list[tuple[Event, int, int, int, int]]:
        """Per event: the event, the width its amount takes beside its title, and the heights
        of its title (at the body size), of its amount's own line under the title (0 when it
        stands beside the title or on the caption's line) and of its text (at the smallest
        size) in ``width`` pixels. An amount longer than ``BESIDE_SHARE`` of the width gets a
        line of its own ("−2 mio. kr. · Service −1 · Træthed +2" beside the title cut it)."""
        app, sc = self.app, self.app.scale
        blocks = []
        alone = self._caption_line(width, view) is not None
        for event in view.events:
            amount_w = 0 if alone else app.text.width(self._amount(event), sc.body, FONT_BOLD)
            below = 0
            if amount_w > width * BESIDE_SHARE:
                line = app.text.fit(self._amount(event), width, 100_000, sc.body, sc.min_text)
                amount_w, below = 0, line.height
            amount_w += sc.gap if amount_w else 0
            title = app.text.fit(
                event.title, width - amount_w, 100_000, sc.body, sc.body, FONT_BOLD
            )
            text = app.text.fit(
                event.text.strip(), width, 100_000, sc.min_text, sc.min_text, spacing=TIGHT
            )
            blocks.append(
                (event, amount_w, title.height, below, text.height if event.text.strip() else 0)
            )
        return blocks

    def caption_height(self) -> int:
        """The height of the panel's caption ("Hændelse i år"): a small line, so the room
        goes to the events' own titles and texts."""
        return round(self.app.scale.min_text * 1.4)

    def needed_height(self, width: int, view: EventsView) -> int:
        """The height the panel needs in ``width`` pixels to show every title and text in full."""
        g = self.app.scale.gap
        head = self.caption_height()
        blocks = self._blocks(width - 2 * g, view)
        if not blocks:
            return head + 2 * g + round(self.app.scale.body * 1.4)
        return 2 * g + head + sum(t + a + x + g for _, _, t, a, x in blocks)

    def paint(self, surface: pygame.Surface, layout: BoardLayout, view: EventsView) -> None:
        app = self.app
        g = layout.gap
        panel(surface, layout.events, layout.radius, theme.EVENT_TINT)
        inner = layout.events.inflate(-2 * g, -2 * g)
        head = pygame.Rect(inner.x, inner.y, inner.width, self.caption_height())
        body = pygame.Rect(inner.x, head.bottom, inner.width, inner.bottom - head.bottom)
        caption = TINY.bold().ink(theme.MUTED).lines(1).shrink()
        on_caption = self._caption_line(body.width, view)
        words = view.caption.upper() if on_caption is None else on_caption[0]
        app.text.draw(surface, words, head, caption)
        if not view.events:
            empty_line(app, surface, app.t("board.events_none"), body)
            return
        y = body.y
        for event, amount_w, title_h, below_h, text_h in self._blocks(body.width, view):
            ink = theme.GAP if event_hurts(event) else theme.MET
            title = pygame.Rect(body.x, y, body.width - amount_w, min(title_h, body.bottom - y))
            app.text.draw(surface, event.title, title, BODY.bold().shrink())
            row = pygame.Rect(body.x, y, body.width, min(title_h, body.bottom - y))
            style = BODY.bold().ink(ink).right().lines(1).shrink()
            amount = self._amount(event)
            if on_caption is not None:
                row = head  # one event: its amount on the caption's line
                style = style.sized(on_caption[1]).middle()
                amount = self._amount(event, on_caption[2])
            elif below_h:  # on a line of its own, under the title
                row = pygame.Rect(body.x, title.bottom, body.width, below_h)
                style = BODY.bold().ink(ink).lines(1).shrink()
            app.text.draw(surface, amount, row, style)
            y += title.height + below_h
            if text_h and y < body.bottom:
                box = pygame.Rect(body.x, y, body.width, body.bottom - y)
                y = app.text.draw(surface, event.text.strip(), box, TINY.tight()).bottom
            y += g


def events_text(app: Host, state: GameState) -> str:
    """This year's events in full, for the message a click on the panel opens: title, text
    and the effect per year from now on ("" without events)."""
    round_index = min(state.round, state.scenario.rounds - 1)
    parts = []
    for eid in state.events_in_round(round_index):
        event = state.deck.event(eid)
        effects = " · ".join(
            f"{year}: {app.amount(face(event, round_index, i), sign=True, unit=False)}"
            for i, year in enumerate(state.scenario.years)
            if i >= round_index
        )
        # what it does to the service level and the træthed, as the board says it
        effects = " · ".join([effects, *event_effects(app, event)])
        parts.append(f"{event.title}\n{event.text}\n{app.t('card.effect')}: {effects}")
    return "\n\n".join(parts)


def measured_layout(
    size: tuple[int, int],
    table: BoardTable,
    events: EventsPanel,
    meters: MetersPanel,
    end: EndYearPanel,
    banner: bool,
) -> BoardLayout:
    """The board's layout for a window of ``size`` with the side column sized by what the
    events and the meters of ``table`` need (``game.ui.layout.board_layout``)."""
    width, height = size
    scenario = table.state.scenario
    # a table never holds more cards than the scenario's pile: a deck with "market: 15" and
    # eight proposals had its cards laid out for fifteen, titles cut and costs dropped
    market = max(1, min(scenario.market, len(scenario.proposals)))
    if table.state.finished:
        # no table of cards after the last year: the year chart takes the room a row of them
        # would (a report's picture had an 80-pixel chart over a half-empty list)
        market = min(market, FINISHED_MARKET)
    years = scenario.rounds
    side_w = board_layout(width, height, market, years).side.width
    return board_layout(
        width,
        height,
        market,
        years,
        events_h=events.needed_height(side_w, events.view(table)),
        meters_h=meters.needed_height(side_w, meters.view(table)),
        end_h=end.needed_height(side_w, end.view(table)),
        banner=banner,
    )
