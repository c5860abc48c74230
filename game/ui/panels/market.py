"""The proposals on the table (market cards, each kept as its own picture), and after the last
year what each year adopted and what it really gave."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.engine import GameState, anchor, realised
from game.ui import theme
from game.ui.cards import draw_left_place, draw_market_card
from game.ui.draw import panel
from game.ui.layout import BoardLayout
from game.ui.layout_grid import grid
from game.ui.panels import Panel
from game.ui.panels.table import BoardTable, heading, proposal_line
from game.ui.retained import Layers, Same
from game.ui.scene import Host
from game.ui.tableslots import Slot
from game.ui.theme import BODY, FONT_BOLD, TINY


def card_keys(cards: int) -> str:
    """The keys that select a table of ``cards`` cards, as the hints name them: "1–8", or
    "1–9, 0" when the tenth card has the 0 key (the arrows reach the rest)."""
    return f"1–{cards}" if cards <= 9 else "1–9, 0"


@dataclass(frozen=True)
class MarketView:
    """What the market panel shows."""

    state: Same
    """The game state (the cards on the table, what can be adopted, the outcome)."""
    selected: str | None
    hover: int | None
    """The index of the card under the mouse."""
    slots: tuple[Slot, ...] = ()
    """The places on the table (``BoardTable.places``): a card's number is its place."""
    stopped: bool = False
    """A report's picture of a paper table that stopped early (``BoardTable.stopped``)."""


class MarketPanel(Panel[BoardTable, BoardLayout]):
    """The market: a click on a card opens it ("card:N")."""

    name = "market"
    View = MarketView

    def __init__(self, app: Host) -> None:
        super().__init__(app)
        self.cards = Layers()
        """The kept pictures of the cards, used while the panel is repainted."""

    def rect(self, layout: BoardLayout) -> pygame.Rect:
        return layout.market_panel

    def view(self, table: BoardTable) -> MarketView:
        hover = table.hover or ""
        index = int(hover[5:]) if hover.startswith("card:") else None
        return MarketView(table.same_state, table.selected, index, table.places, table.stopped)

    def hit(self, pos: tuple[int, int], layout: BoardLayout, view: MarketView) -> str | None:
        for index, (slot, rect) in enumerate(zip(view.slots, layout.market)):
            if slot.open and rect.collidepoint(pos):
                return f"card:{index}"
        return None

    def paint(self, surface: pygame.Surface, layout: BoardLayout, view: MarketView) -> None:
        app = self.app
        state: GameState = view.state.item
        panel(surface, layout.market_panel, layout.radius)
        if state.finished or view.stopped:
            played = len(state.results) if view.stopped else None
            self._paint_outcome(surface, layout, state, played)
            return
        title = app.t("board.market")
        slots = view.slots
        if state.market:
            title = f"{title} · {app.t('board.select_hint', keys=card_keys(len(slots)))}"
        if layout.market_hint:
            heading(app, surface, title, layout.market_title)
        if not state.market:
            area = layout.market_panel.inflate(-4 * layout.gap, -4 * layout.gap)
            empty = BODY.ink(theme.MUTED).center().middle()
            app.text.draw(surface, app.t("board.market_empty"), area, empty)
            return
        cards = self.cards
        cards.begin()
        radius = layout.radius
        raised = None  # where the selected card stands out (over its neighbours' edges)
        places = {slot.card: index for index, slot in enumerate(slots) if slot.open}
        if view.selected in places:
            lifted = layout.market[places[view.selected]].inflate(radius, radius)
            raised = lifted.union(lifted.move(0, radius // 3))
        for number, (slot, rect) in enumerate(zip(slots, layout.market), start=1):
            card = slot.card
            if not slot.open:  # the card left this round: its place keeps its number
                key_left = (surface.get_size(), app.lang, view.state, number, slot)
                region = rect.union(rect.move(0, max(2, radius // 3)))

                def paint_left(
                    slot: Slot = slot, rect: pygame.Rect = rect, number: int = number
                ) -> None:
                    draw_left_place(
                        surface,
                        app,
                        rect,
                        state.deck.proposal(slot.card),
                        slot,
                        number,
                        min_text=layout.min_text,
                        radius=radius,
                    )

                cards.draw(surface, f"left:{card}", region, key_left, paint_left)
                continue
            chosen = card == view.selected
            # where the card draws: its shadow under it, and a selected card stands out (the
            # cards of four rows sit closer than that, so the others keep to their own room)
            region = rect.union(rect.move(0, max(2, radius // 3)))
            if chosen:
                lifted = rect.inflate(radius // 2, radius // 2)
                region = region.union(lifted).union(lifted.move(0, radius // 3))
            hover = view.hover == number - 1
            # a neighbour's kept picture holds the edge of the selected card's outline
            near = view.selected if raised is not None and raised.colliderect(region) else None
            key = (surface.get_size(), app.lang, view.state, number, chosen, hover, near)

            def paint(
                card: str = card,
                rect: pygame.Rect = rect,
                number: int = number,
                chosen: bool = chosen,
                hover: bool = hover,
            ) -> None:
                proposal = state.deck.proposal(card)
                draw_market_card(
                    surface,
                    app,
                    rect,
                    proposal,
                    state,
                    number,
                    selected=chosen,
                    min_text=layout.min_text,
                    radius=radius,
                    hover=hover,
                )

            cards.draw(surface, card, region, key, paint)
        cards.keep_only([*state.market, *(f"left:{slot.card}" for slot in slots if not slot.open)])

    def _paint_outcome(
        self,
        surface: pygame.Surface,
        layout: BoardLayout,
        state: GameState,
        played: int | None = None,
    ) -> None:
        """After the last year the table is empty: show what each year adopted instead, with
        what every proposal really delivered over the whole period – or, in the picture of a
        paper table that stopped, over the ``played`` years it played."""
        app = self.app
        heading(app, surface, app.t("board.outcome"), layout.market_title)
        area = pygame.Rect(
            layout.market_title.x,
            layout.market_title.bottom,
            layout.market_title.width,
            layout.market_panel.bottom - layout.market_title.bottom - layout.gap,
        )
        years = state.scenario.years[:played]
        cells = grid(area, len(years), 2, 3 * layout.gap)
        line_h = round(layout.min_text * 1.3)
        muted = TINY.ink(theme.MUTED).lines(1)
        for round_index, (year, cell) in enumerate(zip(years, cells)):
            line = pygame.Rect(cell.x, cell.y, cell.width, line_h)
            app.text.draw(surface, year, line, muted.bold())
            y = cell.y + line_h
            adoptions = [a for a in state.adopted if a.round == round_index]
            if not adoptions:  # the year's heading stood alone over an empty space
                row = pygame.Rect(cell.x, y, cell.width, line_h)
                app.text.draw(surface, app.t("board.year_none"), row, muted)
                continue
            room = max(0, (cell.bottom - y) // line_h)
            for i, adoption in enumerate(adoptions[:room]):
                row = pygame.Rect(cell.x, y, cell.width, line_h)
                if i == room - 1 and len(adoptions) > room:
                    more = app.t("board.more", count=len(adoptions) - room + 1)
                    app.text.draw(surface, more, row, muted)
                    break
                proposal = state.deck.proposal(adoption.card)
                start = anchor(proposal, state.scenario)
                total = sum(realised(proposal, adoption, y, start) for y in range(len(years)))
                amount = app.amount(total, sign=True, unit=False)
                amount_w = app.text.width(amount, layout.min_text, FONT_BOLD) + layout.gap
                proposal_line(app, surface, layout, row, proposal, amount_w)
                ink = theme.GAP if total < 0 else theme.INK
                app.text.draw(surface, amount, row, TINY.bold().ink(ink).right().middle().lines(1))
                y += line_h
