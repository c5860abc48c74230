"""Where everything goes on the screens around the board: the card view, the start screen and
the dialogs. Pure functions from the window size to rectangles, like ``game.ui.layout``."""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.ui.layout_grid import _rect, split_columns, split_rows
from game.ui.theme import Scale

Rect = pygame.Rect


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
    table, facts, note_area = split_rows(right, [0.34, 0.40, 0.26], g)
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
    table_label: Rect
    table_field: Rect
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
    resume_area: Rect
    """The list of saved games (it scrolls: ``game.ui.savelist``)."""
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
    """The start screen: deck, scenario list, saved games (left); briefing, the table's name,
    target, timer and start (right). ``resumes`` is the number of saved games: the list takes
    up to five rows of the left column (it scrolls when there are more)."""
    width, height = max(1, width), max(1, height)
    scale = Scale(height)
    g = scale.gap
    m = 3 * g
    title = _rect(m, m, width * 0.6, scale.title * 1.4)
    help_w = scale.body * 6
    help_rect = _rect(width - m - help_w, m, help_w, scale.body * 2.2)
    # the whole width once the buttons above end ("… · Råderumsspillet – standar…" was cut
    # at 1024×768 beside empty space)
    clear = title.bottom >= help_rect.bottom
    subtitle = _rect(m, title.bottom, width - 2 * m if clear else width * 0.6, scale.body * 1.5)
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
    entry = round(scale.min_text * 2.5) + g  # two lines of small text (``SaveList``)
    wanted = max(2, min(max(1, resumes), 5)) * entry
    item_min = min(row, scale.body * 1.6)
    room = left.bottom - y - label - 2 * g
    list_h = max(entry, min(wanted, room - scenarios * (item_min + g / 2)))
    scen_h = max(row, room - list_h)
    item_h = min(row * 1.15, (scen_h - g / 2 * max(0, scenarios - 1)) / max(1, scenarios))
    scen_rects = tuple(
        _rect(left.x, y + i * (item_h + g / 2), left.width, item_h) for i in range(scenarios)
    )
    y = left.bottom - list_h - label
    resume_label = _rect(left.x, y, left.width, label)
    resume_area = _rect(left.x, resume_label.bottom, left.width, list_h)

    start_h = round(row * 1.4)
    start = _rect(right.x, right.bottom - start_h, right.width, start_h)
    y = start.y - 2 * g
    step_w = row
    timer_row = _rect(right.x, y - row, right.width, row)
    timer_label = _rect(right.x, timer_row.y - label, right.width, label)
    target_row = _rect(right.x, timer_label.y - g - row, right.width, row)
    target_label = _rect(right.x, target_row.y - label, right.width, label)
    table_field = _rect(right.x, target_label.y - g - row, right.width, row)
    table_label = _rect(right.x, table_field.y - label, right.width, label)

    target_minus, target_field, target_plus = stepper_row(target_row, step_w, scale)
    timer_minus, timer_field, timer_plus = stepper_row(timer_row, step_w, scale)
    briefing = _rect(right.x, right.y, right.width, max(1, table_label.y - right.y - 2 * g))
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
        table_label=table_label,
        table_field=table_field,
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
        resume_area=resume_area,
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
    width: int,
    height: int,
    buttons: int,
    *,
    wide: float = 0.6,
    tall: float = 0.7,
    fitted: bool = False,
) -> DialogLayout:
    """A dialog of ``wide`` × ``tall`` of the window with ``buttons`` stacked buttons; with
    ``fitted`` (a dialog with no text, as the menu) no taller than its title and buttons."""
    width, height = max(1, width), max(1, height)
    scale = Scale(height)
    g = scale.gap
    button_h = max(scale.body * 2, round(height * 0.065))
    stack = buttons * button_h + max(0, buttons - 1) * g
    if fitted:
        tall = min(tall, (scale.title * 1.3 + stack + 6 * g) / height)
    panel = _rect(width * (1 - wide) / 2, height * (1 - tall) / 2, width * wide, height * tall)
    title = _rect(panel.x + 3 * g, panel.y + 2 * g, panel.width - 6 * g, scale.title * 1.3)
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
