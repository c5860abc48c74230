"""Where everything goes: pure functions from the window size to the rectangles of a scene.

Nothing here needs a display; every function is tested at many window sizes. All sizes derive
from the window, so the board looks the same from 640×360 up to 3840×2160.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.ui.layout_grid import _rect, grid, split_columns
from game.ui.layout_market import (
    CHART_MIN,
    CHART_MIN_UNDER_BANNER,
    card_pad,
    market_plan,
)
from game.ui.theme import Scale

Rect = pygame.Rect


@dataclass(frozen=True)
class BoardLayout:
    """The rectangles of the board."""

    width: int
    height: int
    min_text: int
    body: int
    heading: int
    big: int
    gap: int
    radius: int
    header: Rect
    header_title: Rect
    header_round: Rect
    header_buttons: dict[str, Rect]
    chart_panel: Rect
    chart_title: Rect
    risk: Rect
    chart: Rect
    market_panel: Rect
    market_title: Rect
    market: tuple[Rect, ...]
    side: Rect
    events: Rect
    meters: Rect
    adopted: Rect
    end_year: Rect
    notices: Rect
    banner: Rect | None = None
    """The band under the header that says the game is not saved (None while it is)."""
    market_hint: bool = True
    """False when the window is too low for the market's title line (the cards take it)."""

    def all_rects(self) -> list[Rect]:
        """Every rectangle (for tests: all must lie inside the window)."""
        rects = [
            self.header,
            self.header_title,
            self.header_round,
            self.chart_panel,
            self.chart_title,
            self.risk,
            self.chart,
            self.market_panel,
            self.market_title,
            self.side,
            self.events,
            self.meters,
            self.adopted,
            self.end_year,
            self.notices,
        ]
        if self.banner is not None:
            rects.append(self.banner)
        return rects + list(self.market) + list(self.header_buttons.values())


HEADER_BUTTONS: tuple[str, ...] = ("undo", "redo", "help", "menu")
LOW_WINDOW = 900
"""Below this height the board gives the market more room: a lower chart and no market title."""


def side_heights(
    total: int, gap: int, events_h: int, meters_h: int, adopted_min: int
) -> tuple[int, int, int]:
    """Heights of the side column's events, meters and adopted panels in ``total`` pixels:
    the meters get what they ask for (0: a quarter), the events what they ask for (0: about
    a quarter) as long as the adopted list keeps ``adopted_min`` (it scrolls when it holds
    more); when even that is too much, the events give way first, then the meters."""
    free = max(3, total - 2 * gap)
    meters = min(meters_h or round(free * 0.25), round(free * 0.45))
    events = min(events_h or round(free * 0.27), max(1, free - meters - adopted_min))
    short = adopted_min - (free - events - meters)
    if short > 0:
        give = min(short, max(0, events - round(free * 0.2)))
        events -= give
        short -= give
    if short > 0:
        meters -= min(short, max(0, meters - round(free * 0.2)))
    return max(1, events), max(1, meters), max(1, free - events - meters)


def board_layout(
    width: int,
    height: int,
    market_size: int,
    years: int,
    *,
    events_h: int = 0,
    meters_h: int = 0,
    end_h: int = 0,
    banner: bool = False,
) -> BoardLayout:
    """The board for a window of ``width`` × ``height`` with ``market_size`` cards on the table
    and ``years`` budget years. ``events_h`` and ``meters_h`` are the heights the events and
    meters panels need for what they show now (0: their usual share; the board measures them
    with its fonts), ``end_h`` the height the end-of-year panel needs (a report's picture
    shows the verdict there; 0 or less than its usual height: its usual height, and never
    more than a third of the side column); ``banner`` makes room under the header for the
    "not saved" band."""
    width, height = max(1, width), max(1, height)
    scale = Scale(height)
    g = scale.gap
    low = height < LOW_WINDOW
    header_h = max(round(scale.heading * 2.0), round(height * (0.07 if low else 0.075)))
    header = _rect(0, 0, width, header_h)
    banner_rect = None
    top = header_h
    if banner:
        banner_rect = _rect(0, header_h, width, round(scale.min_text * 2.6 + scale.gap))
        top = banner_rect.bottom
    inner = _rect(g, top + g, width - 2 * g, height - top - 2 * g)

    # header: title | round | buttons
    button_h = max(scale.min_text + 2 * g, round(header_h * 0.62))
    button_w = max(scale.min_text * 5, round(width * 0.072))
    buttons: dict[str, Rect] = {}
    x = width - g
    for name in reversed(HEADER_BUTTONS):
        x -= button_w
        buttons[name] = _rect(x, (header_h - button_h) / 2, button_w, button_h)
        x -= g
    buttons = {name: buttons[name] for name in HEADER_BUTTONS}
    buttons_left = x
    title_w = max(1, (buttons_left - 2 * g) * 0.5)
    header_title = _rect(g * 2, 0, title_w, header_h)
    header_round = _rect(g * 3 + title_w, 0, max(1, buttons_left - g * 4 - title_w), header_h)

    title_h = round(scale.heading * 1.5)
    plan = market_plan(
        inner,
        market_size,
        scale.min_text,
        g,
        0 if low else title_h,
        wide=width >= height * 1.7,
        chart_min=CHART_MIN_UNDER_BANNER if banner else CHART_MIN,
    )
    left, side = split_columns(inner, [1 - plan.side_share, plan.side_share], g)
    chart_panel = _rect(left.x, left.y, left.width, plan.chart_h)
    market_panel = _rect(
        left.x, chart_panel.bottom + g, left.width, left.bottom - chart_panel.bottom - g
    )
    pad = g
    chart_title = _rect(
        chart_panel.x + pad, chart_panel.y + pad / 2, chart_panel.width * 0.45, title_h
    )
    risk = _rect(
        chart_title.right + pad,
        chart_panel.y + pad / 2,
        chart_panel.right - chart_title.right - 2 * pad,
        title_h,
    )
    chart = _rect(
        chart_panel.x + pad,
        chart_title.bottom,
        chart_panel.width - 2 * pad,
        chart_panel.bottom - chart_title.bottom - pad,
    )
    market_title = _rect(
        market_panel.x + pad, market_panel.y + pad / 2, market_panel.width - 2 * pad, title_h
    )
    edge = plan.edge
    cards_top = market_title.bottom if not low else market_panel.y + edge
    market_area = _rect(
        market_panel.x + edge,
        cards_top,
        market_panel.width - 2 * edge,
        market_panel.bottom - cards_top - edge,
    )
    cards = tuple(grid(market_area, market_size, plan.columns, plan.card_gap))

    end_h = max(round(scale.heading * 2.4), round(height * 0.09), min(end_h, side.height // 3))
    side_body, end_area = (
        _rect(side.x, side.y, side.width, side.height - end_h - g),
        _rect(side.x, side.bottom - end_h, side.width, end_h),
    )
    adopted_min = round(scale.heading * 1.4) + 2 * g + 2 * round(scale.min_text * 1.3)
    events_px, meters_px, _ = side_heights(side_body.height, g, events_h, meters_h, adopted_min)
    events = _rect(side_body.x, side_body.y, side_body.width, events_px)
    meters = _rect(side_body.x, events.bottom + g, side_body.width, meters_px)
    adopted = _rect(
        side_body.x, meters.bottom + g, side_body.width, side_body.bottom - meters.bottom - g
    )
    # notices stand over the adopted list, the part of the board that says least in the few
    # seconds after a move: over the chart they hid the very figures the move had changed.
    # A short list gives them room upwards, over the meters, never over "Afslut året".
    # Under the list's heading while the list holds them: "Vedtaget (3)" and its count of each
    # kind (the rule of all three kinds) stay in sight as a toast says what was adopted.
    least = round(scale.body * 4.2) + 2 * g
    heading_h = round(scale.heading * 1.4) + g
    notices_h = adopted.height - heading_h
    if notices_h < least:
        notices_h = max(adopted.height, least)
    notices = _rect(adopted.x, adopted.bottom - notices_h, adopted.width, notices_h)
    return BoardLayout(
        width=width,
        height=height,
        min_text=scale.min_text,
        body=scale.body,
        heading=scale.heading,
        big=scale.title,
        gap=g,
        radius=scale.radius,
        header=header,
        header_title=header_title,
        header_round=header_round,
        header_buttons=buttons,
        chart_panel=chart_panel,
        chart_title=chart_title,
        risk=risk,
        chart=chart,
        market_panel=market_panel,
        market_title=market_title,
        market=cards,
        side=side,
        events=events,
        meters=meters,
        adopted=adopted,
        end_year=end_area,
        notices=notices,
        banner=banner_rect,
        market_hint=not low,
    )


@dataclass(frozen=True)
class CardLayout:
    """The rectangles of one proposal card drawn on the board (market slot)."""

    band: Rect
    icon: Rect
    kind: Rect
    number: Rect
    title: Rect
    area: Rect | None
    """The line of the card's area and its badges (None when the title needs the room)."""
    effect: Rect
    footer: Rect
    """The facts: belastning, træthed, service (or why the card cannot be adopted)."""
    line: int
    """The height of one line of the card's small text."""


def card_layout(
    card: Rect,
    min_text: int,
    *,
    title_h: int = 0,
    facts: int = 1,
    badges: bool = False,
    line: int | None = None,
    beside: int = 0,
    amounts_w: int = 0,
) -> CardLayout:
    """The parts of a small proposal card, from the bottom up: ``facts`` lines of facts, the
    effect strip (amounts over columns), the area line with the badges, then the title in what
    is left under the kind band. When the title needs ``title_h`` pixels and there is not
    that much room, the area line goes first (kept when it carries ``badges``), then the
    effect strip shrinks to its amounts over thin columns, then – when it would be lower than
    a line and the last fact line is ``beside`` pixels wide (0: it fills the line) and leaves
    room for the amounts (``amounts_w`` pixels: the first and the last, "−1.100 … +2.400") –
    the strip moves beside it. Else the strip keeps a line for its amounts and the title is
    cut (the card view shows it whole): the group chooses by the amounts, and a card of a
    budget office's catalogue with a long title showed none. Only where the title and the
    amounts would not keep a line each does the strip keep thin columns alone."""
    line = line or round(min_text * 1.3)
    pad = card_pad(min_text)
    band_h = max(line, round(card.height * 0.13))
    band = _rect(card.x, card.y, card.width, band_h)
    icon_s = max(1, band_h - pad)
    icon = _rect(card.x + pad, card.y + pad / 2, icon_s, icon_s)
    number_w = round(min_text * 1.6)
    number = _rect(card.right - pad - number_w, card.y, number_w, band_h)
    kind = _rect(icon.right + pad, card.y, max(1, number.x - icon.right - 2 * pad), band_h)
    footer_h = facts * line
    footer = _rect(card.x + pad, card.bottom - footer_h - pad / 2, card.width - 2 * pad, footer_h)
    room = footer.y - band.bottom - 2 * pad  # title, area line and effect strip
    effect_h = max(round(line * 2.2), round(card.height * 0.27))
    effect_min = line + max(4, line // 3)
    thin = max(6, line // 3)
    area_h = line
    if title_h > room - effect_h - area_h and not badges:
        area_h = 0
    if title_h > room - effect_h - area_h:
        effect_h = max(effect_min, room - area_h - title_h)
    side_w = footer.width - beside - 2 * pad
    # beside the last fact line when the strip under the title would be lower than a line
    # of text: there it has a line's height for the amounts
    if (
        title_h > room - line - area_h
        and beside
        and facts
        and side_w >= max(2 * min_text, amounts_w)
    ):
        effect = _rect(footer.right - side_w, footer.bottom - line, side_w, line)
        title_bottom = footer.y - pad / 2 - area_h
    else:
        if title_h > room - effect_h - area_h:
            if room - area_h - line >= line:
                # a line for the amounts, and the title what it needs of the rest (one line
                # at least): a long title is cut before the amounts are
                effect_h = max(line, room - area_h - title_h)
            else:  # the last resort, where not even that fits: thin columns
                effect_h = max(thin, room - area_h - title_h)
        effect = _rect(card.x + pad, footer.y - pad / 2 - effect_h, card.width - 2 * pad, effect_h)
        title_bottom = effect.y - area_h
    area = _rect(card.x + pad, title_bottom, card.width - 2 * pad, area_h) if area_h else None
    title = _rect(
        card.x + pad,
        band.bottom + pad / 2,
        card.width - 2 * pad,
        max(1, title_bottom - band.bottom - pad),
    )
    return CardLayout(band, icon, kind, number, title, area, effect, footer, line)
