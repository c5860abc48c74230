"""Where everything goes: pure functions from the window size to the rectangles of a scene.

Nothing here needs a display; every function is tested at many window sizes. All sizes derive
from the window, so the board looks the same from 640×360 up to 3840×2160.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pygame

from game.ui.theme import Scale

Rect = pygame.Rect


def _rect(x: float, y: float, w: float, h: float) -> Rect:
    return Rect(round(x), round(y), max(1, round(w)), max(1, round(h)))


def split_columns(area: Rect, weights: list[float], gap: int) -> list[Rect]:
    """``area`` cut into columns with widths in proportion to ``weights`` and ``gap`` between."""
    free = max(len(weights), area.width - gap * (len(weights) - 1))
    total = sum(weights)
    rects: list[Rect] = []
    x = float(area.x)
    for weight in weights:
        width = free * weight / total
        rects.append(_rect(x, area.y, width, area.height))
        x += width + gap
    return rects


def split_rows(area: Rect, weights: list[float], gap: int) -> list[Rect]:
    """``area`` cut into rows with heights in proportion to ``weights`` and ``gap`` between."""
    free = max(len(weights), area.height - gap * (len(weights) - 1))
    total = sum(weights)
    rects: list[Rect] = []
    y = float(area.y)
    for weight in weights:
        height = free * weight / total
        rects.append(_rect(area.x, y, area.width, height))
        y += height + gap
    return rects


def grid(area: Rect, count: int, cols: int, gap: int) -> list[Rect]:
    """``count`` equal cells in reading order (left to right, then down) filling ``area``."""
    if count <= 0:
        return []
    cols = max(1, min(cols, count))
    rows = math.ceil(count / cols)
    width = (area.width - gap * (cols - 1)) / cols
    height = (area.height - gap * (rows - 1)) / rows
    return [
        _rect(
            area.x + (i % cols) * (width + gap),
            area.y + (i // cols) * (height + gap),
            width,
            height,
        )
        for i in range(count)
    ]


def market_columns(count: int) -> int:
    """Columns of the market grid: one row up to four cards, otherwise two rows."""
    return count if count <= 4 else math.ceil(count / 2)


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
    toast: Rect

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
            self.toast,
        ]
        return rects + list(self.market) + list(self.header_buttons.values())


HEADER_BUTTONS: tuple[str, ...] = ("undo", "redo", "help", "menu")


def board_layout(width: int, height: int, market_size: int, years: int) -> BoardLayout:
    """The board for a window of ``width`` × ``height`` with ``market_size`` cards on the table
    and ``years`` budget years."""
    width, height = max(1, width), max(1, height)
    scale = Scale(height)
    g = scale.gap
    header_h = max(round(scale.heading * 2.0), round(height * 0.075))
    header = _rect(0, 0, width, header_h)
    inner = _rect(g, header_h + g, width - 2 * g, height - header_h - 2 * g)

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

    left, side = split_columns(inner, [0.64, 0.36], g)
    chart_panel, market_panel = split_rows(left, [0.35, 0.65], g)
    pad = g
    title_h = round(scale.heading * 1.5)
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
    market_area = _rect(
        market_panel.x + pad,
        market_title.bottom,
        market_panel.width - 2 * pad,
        market_panel.bottom - market_title.bottom - pad,
    )
    cards = tuple(grid(market_area, market_size, market_columns(market_size), g))

    end_h = max(round(scale.heading * 2.4), round(height * 0.09))
    side_body, end_area = (
        _rect(side.x, side.y, side.width, side.height - end_h - g),
        _rect(side.x, side.bottom - end_h, side.width, end_h),
    )
    events, meters, adopted = split_rows(side_body, [0.27, 0.25, 0.48], g)
    toast_w = min(width - 4 * g, max(width * 0.5, scale.body * 24))
    toast = _rect(
        (width - toast_w) / 2, height - g * 3 - scale.body * 4.2, toast_w, scale.body * 4.2
    )
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
        toast=toast,
    )


@dataclass(frozen=True)
class CardLayout:
    """The rectangles of one proposal card drawn on the board (market slot)."""

    band: Rect
    icon: Rect
    kind: Rect
    number: Rect
    title: Rect
    area: Rect
    effect: Rect
    footer: Rect


def card_layout(card: Rect, min_text: int) -> CardLayout:
    """The parts of a small proposal card: kind band, title, area, effect strip and footer."""
    pad = max(3, round(min_text * 0.4))
    line = round(min_text * 1.3)
    band_h = max(line, round(card.height * 0.15))
    band = _rect(card.x, card.y, card.width, band_h)
    icon_s = max(1, band_h - pad)
    icon = _rect(card.x + pad, card.y + pad / 2, icon_s, icon_s)
    number_w = round(min_text * 1.6)
    number = _rect(card.right - pad - number_w, card.y, number_w, band_h)
    kind = _rect(icon.right + pad, card.y, max(1, number.x - icon.right - 2 * pad), band_h)
    footer = _rect(card.x + pad, card.bottom - line - pad / 2, card.width - 2 * pad, line)
    effect_h = max(round(line * 2.2), round(card.height * 0.27))
    effect = _rect(card.x + pad, footer.y - effect_h, card.width - 2 * pad, effect_h)
    area = _rect(card.x + pad, effect.y - line - pad / 2, card.width - 2 * pad, line)
    title = _rect(
        card.x + pad,
        band.bottom + pad / 2,
        card.width - 2 * pad,
        max(1, area.y - band.bottom - pad),
    )
    return CardLayout(band, icon, kind, number, title, area, effect, footer)


@dataclass(frozen=True)
class DetailLayout:
    """The rectangles of the card view (a card up close)."""

    panel: Rect
    band: Rect
    title: Rect
    text: Rect
    question: Rect
    source: Rect
    table: Rect
    facts: Rect
    note_label: Rect
    note: Rect
    status: Rect
    adopt: Rect
    close: Rect
    save_note: Rect


def detail_layout(width: int, height: int) -> DetailLayout:
    """The card view: a large card over the dimmed board."""
    width, height = max(1, width), max(1, height)
    scale = Scale(height)
    g = scale.gap
    panel = _rect(width * 0.06, height * 0.05, width * 0.88, height * 0.90)
    band = _rect(panel.x, panel.y, panel.width, max(scale.heading * 2, panel.height * 0.1))
    body = _rect(
        panel.x + 2 * g, band.bottom + g, panel.width - 4 * g, panel.bottom - band.bottom - 2 * g
    )
    button_h = max(scale.body * 2, round(height * 0.075))
    content = _rect(body.x, body.y, body.width, body.height - button_h - g)
    buttons = _rect(body.x, content.bottom + g, body.width, button_h)
    left, right = split_columns(content, [0.55, 0.45], 3 * g)
    title_h = scale.title * 2.6
    title = _rect(left.x, left.y, left.width, title_h)
    rest = _rect(left.x, title.bottom + g, left.width, left.bottom - title.bottom - g)
    text, question, source = split_rows(rest, [0.55, 0.27, 0.18], g)
    table, facts, note_area = split_rows(right, [0.40, 0.30, 0.30], g)
    label_h = round(scale.body * 1.4)
    note_label = _rect(note_area.x, note_area.y, note_area.width, label_h)
    note = _rect(note_area.x, note_label.bottom, note_area.width, note_area.height - label_h)
    adopt_w = max(scale.body * 8, buttons.width * 0.2)
    close = _rect(buttons.right - adopt_w * 0.8, buttons.y, adopt_w * 0.8, buttons.height)
    adopt = _rect(close.x - g - adopt_w, buttons.y, adopt_w, buttons.height)
    save_note = _rect(adopt.x - g - adopt_w, buttons.y, adopt_w, buttons.height)
    status = _rect(buttons.x, buttons.y, max(1, save_note.x - buttons.x - g), buttons.height)
    return DetailLayout(
        panel,
        band,
        title,
        text,
        question,
        source,
        table,
        facts,
        note_label,
        note,
        status,
        adopt,
        close,
        save_note,
    )


@dataclass(frozen=True)
class StartLayout:
    """The rectangles of the start screen."""

    title: Rect
    subtitle: Rect
    deck_label: Rect
    deck_standard: Rect
    deck_path: Rect
    deck_load: Rect
    deck_status: Rect
    scenario_label: Rect
    scenarios: tuple[Rect, ...]
    briefing: Rect
    target_label: Rect
    target_minus: Rect
    target_field: Rect
    target_plus: Rect
    timer_label: Rect
    timer_minus: Rect
    timer_field: Rect
    timer_plus: Rect
    start: Rect
    resume_label: Rect
    resumes: tuple[Rect, ...]
    help: Rect = field(default_factory=lambda: Rect(0, 0, 1, 1))


def stepper_row(row: Rect, step_w: float, scale: Scale) -> tuple[Rect, Rect, Rect]:
    """The "−" button, the number field and the "+" button of a number stepper in ``row``
    (``game.ui.stepper``): square-ish buttons ``step_w`` wide around a field of at most ten
    body letters."""
    g = scale.gap
    minus = _rect(row.x, row.y, step_w, row.height)
    field_w = min(row.width - 2 * step_w - 2 * g, scale.body * 10)
    field_rect = _rect(minus.right + g, row.y, field_w, row.height)
    plus = _rect(field_rect.right + g, row.y, step_w, row.height)
    return minus, field_rect, plus


def start_layout(width: int, height: int, scenarios: int, resumes: int) -> StartLayout:
    """The start screen: deck, scenario list and briefing, target, timer, start and resume."""
    width, height = max(1, width), max(1, height)
    scale = Scale(height)
    g = scale.gap
    m = 3 * g
    title = _rect(m, m, width * 0.6, scale.title * 1.4)
    subtitle = _rect(m, title.bottom, width * 0.6, scale.body * 1.5)
    help_w = scale.body * 6
    help_rect = _rect(width - m - help_w, m, help_w, scale.body * 2.2)
    body = _rect(m, subtitle.bottom + 2 * g, width - 2 * m, height - subtitle.bottom - 2 * g - m)
    left, right = split_columns(body, [0.5, 0.5], 3 * g)
    row = round(scale.body * 2.2)
    label = round(scale.body * 1.5)
    y: float = left.y
    deck_label = _rect(left.x, y, left.width, label)
    y += label
    std_w = left.width * 0.32
    deck_standard = _rect(left.x, y, std_w, row)
    load_w = left.width * 0.16
    deck_load = _rect(left.right - load_w, y, load_w, row)
    deck_path = _rect(
        deck_standard.right + g, y, max(1, deck_load.x - deck_standard.right - 2 * g), row
    )
    y += row + g / 2
    deck_status = _rect(left.x, y, left.width, label)
    y += label + g
    scenario_label = _rect(left.x, y, left.width, label)
    y += label
    resume_h = label + max(1, min(resumes, 4)) * (row + g / 2) if resumes else label + row
    list_h = max(row, left.bottom - y - resume_h - 2 * g)
    item_h = min(row * 1.15, (list_h - g / 2 * max(0, scenarios - 1)) / max(1, scenarios))
    scen_rects = tuple(
        _rect(left.x, y + i * (item_h + g / 2), left.width, item_h) for i in range(scenarios)
    )
    y = left.bottom - resume_h
    resume_label = _rect(left.x, y, left.width, label)
    y += label
    resume_rects = tuple(
        _rect(left.x, y + i * (row + g / 2), left.width, row) for i in range(min(resumes, 4))
    )

    start_h = round(row * 1.4)
    start = _rect(right.x, right.bottom - start_h, right.width, start_h)
    y = start.y - 2 * g
    step_w = row
    timer_row = _rect(right.x, y - row, right.width, row)
    timer_label = _rect(right.x, timer_row.y - label, right.width, label)
    target_row = _rect(right.x, timer_label.y - g - row, right.width, row)
    target_label = _rect(right.x, target_row.y - label, right.width, label)

    target_minus, target_field, target_plus = stepper_row(target_row, step_w, scale)
    timer_minus, timer_field, timer_plus = stepper_row(timer_row, step_w, scale)
    briefing = _rect(right.x, right.y, right.width, max(1, target_label.y - right.y - 2 * g))
    return StartLayout(
        title=title,
        subtitle=subtitle,
        deck_label=deck_label,
        deck_standard=deck_standard,
        deck_path=deck_path,
        deck_load=deck_load,
        deck_status=deck_status,
        scenario_label=scenario_label,
        scenarios=scen_rects,
        briefing=briefing,
        target_label=target_label,
        target_minus=target_minus,
        target_field=target_field,
        target_plus=target_plus,
        timer_label=timer_label,
        timer_minus=timer_minus,
        timer_field=timer_field,
        timer_plus=timer_plus,
        start=start,
        resume_label=resume_label,
        resumes=resume_rects,
        help=help_rect,
    )


@dataclass(frozen=True)
class DialogLayout:
    """A centred panel with a title, a body and a column of buttons (help, menu, messages)."""

    panel: Rect
    title: Rect
    body: Rect
    buttons: tuple[Rect, ...]


def dialog_layout(
    width: int, height: int, buttons: int, *, wide: float = 0.6, tall: float = 0.7
) -> DialogLayout:
    """A dialog of ``wide`` × ``tall`` of the window with ``buttons`` stacked buttons."""
    width, height = max(1, width), max(1, height)
    scale = Scale(height)
    g = scale.gap
    panel = _rect(width * (1 - wide) / 2, height * (1 - tall) / 2, width * wide, height * tall)
    title = _rect(panel.x + 3 * g, panel.y + 2 * g, panel.width - 6 * g, scale.title * 1.3)
    button_h = max(scale.body * 2, round(height * 0.065))
    stack = buttons * button_h + max(0, buttons - 1) * g
    body = _rect(
        panel.x + 3 * g,
        title.bottom + g,
        panel.width - 6 * g,
        max(1, panel.bottom - title.bottom - stack - 4 * g),
    )
    rects = tuple(
        _rect(
            panel.x + 3 * g,
            panel.bottom - 2 * g - stack + i * (button_h + g),
            panel.width - 6 * g,
            button_h,
        )
        for i in range(buttons)
    )
    return DialogLayout(panel, title, body, rects)
