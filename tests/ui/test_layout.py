"""The layout is computed from the window size alone: every rectangle lies inside the window,
market cards never overlap, and text is never smaller than 1/45 of the window height."""

from __future__ import annotations

import math
from itertools import combinations

import pygame
import pytest

from game.ui.layout import board_layout, card_layout
from game.ui.layout_grid import grid
from game.ui.layout_market import card_line, card_text_lines, market_columns
from game.ui.layout_screens import detail_layout, dialog_layout, start_layout
from game.ui.theme import Scale

SIZES = [
    (640, 360),
    (800, 600),
    (1280, 720),
    (1366, 768),
    (1600, 900),
    (1920, 1080),
    (2560, 1440),
    (3840, 2160),
    (1080, 1920),
]


def inside(rect: pygame.Rect, width: int, height: int) -> bool:
    return rect.x >= 0 and rect.y >= 0 and rect.right <= width and rect.bottom <= height


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize(("market", "years"), [(8, 4), (9, 8), (6, 2), (3, 3), (12, 4), (11, 8)])
def test_board_rects_inside_window_and_cards_apart(width, height, market, years):
    layout = board_layout(width, height, market, years)
    for rect in layout.all_rects():
        assert inside(rect, width, height), (rect, width, height)
        assert rect.width >= 1 and rect.height >= 1
    assert len(layout.market) == market
    for a, b in combinations(layout.market, 2):
        assert not a.colliderect(b)
    for card in layout.market:
        assert layout.market_panel.contains(card)
    # the side panels do not overlap the market or the chart
    for side in (layout.events, layout.meters, layout.adopted, layout.end_year):
        assert not side.colliderect(layout.market_panel)
        assert not side.colliderect(layout.chart_panel)
    buttons = list(layout.header_buttons.values())
    for a, b in combinations(buttons, 2):
        assert not a.colliderect(b)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_minimum_text_is_a_45th_of_the_height(width, height):
    layout = board_layout(width, height, 8, 4)
    assert layout.min_text >= math.ceil(height / 45)
    scale = Scale(height)
    assert min(scale.body, scale.heading, scale.title) >= layout.min_text


def test_market_is_in_reading_order():
    layout = board_layout(1600, 900, 8, 4)
    cards = layout.market
    assert market_columns(8) == 4
    # first row left to right, then the second row
    assert [c.y for c in cards[:4]] == [cards[0].y] * 4
    assert all(cards[i].x < cards[i + 1].x for i in range(3))
    assert cards[4].y > cards[0].y and cards[4].x == cards[0].x


def test_bigger_window_gives_bigger_cards():
    small = board_layout(1280, 720, 8, 4).market[0]
    large = board_layout(3840, 2160, 8, 4).market[0]
    assert large.width > small.width * 2.5 and large.height > small.height * 2.5


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_card_parts_inside_the_card(width, height):
    layout = board_layout(width, height, 8, 4)
    card = layout.market[0]
    parts = card_layout(card, layout.min_text)
    for rect in (parts.band, parts.title, parts.area, parts.effect, parts.footer):
        assert card.contains(rect), (rect, card)
    assert parts.band.bottom <= parts.title.y < parts.area.y < parts.effect.y < parts.footer.y


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_other_scenes_fit(width, height):
    detail = detail_layout(width, height)
    for rect in (
        detail.band,
        detail.title,
        detail.text,
        detail.table,
        detail.note,
        detail.adopt,
        detail.close,
    ):
        assert detail.panel.contains(rect), rect
    assert not detail.adopt.colliderect(detail.close)
    start = start_layout(width, height, 5, 3)
    for rect in (
        *start.scenarios,
        start.start,
        start.target_field,
        start.timer_field,
        start.resume_area,
        start.table_field,
        start.briefing,
    ):
        assert inside(rect, width, height), rect
    for a, b in combinations(start.scenarios, 2):
        assert not a.colliderect(b)
    dialog = dialog_layout(width, height, 5)
    for rect in dialog.buttons:
        assert dialog.panel.contains(rect)


def test_grid_fills_area_without_overlap():
    area = pygame.Rect(10, 10, 500, 300)
    cells = grid(area, 9, 5, 6)
    assert len(cells) == 9
    for cell in cells:
        assert area.contains(cell)
    for a, b in combinations(cells, 2):
        assert not a.colliderect(b)


def test_tiny_windows_do_not_break():
    for width, height in [(1, 1), (50, 30), (320, 200)]:
        layout = board_layout(width, height, 8, 4)
        assert all(r.width >= 1 and r.height >= 1 for r in layout.all_rects())
        detail_layout(width, height)
        start_layout(width, height, 5, 4)


@pytest.mark.parametrize("capacity", [1, 2, 3, 4, 5, 9])
@pytest.mark.parametrize("total", [0, 1, 3, 7, 20])
def test_a_scrolling_list_shows_its_first_line_at_the_top_and_reaches_every_line(capacity, total):
    from game.ui.panels.adopted import scroll_window

    first, count, above, below = scroll_window(total, capacity, 0)
    assert first == 0 and not above and (count >= 1 or total == 0)
    seen: set[int] = set()
    for scroll in range(total + 2):
        first, count, above, below = scroll_window(total, capacity, scroll)
        assert count + above + below <= max(capacity, 1)
        assert below == (first + count < total) or capacity == 1
        seen |= set(range(first, first + count))
    assert seen == set(range(total))


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1366, 768), (3840, 2160)])
def test_the_side_column_gives_the_events_what_they_need_and_keeps_the_adopted_list(size):
    width, height = size
    plain = board_layout(width, height, 8, 4)
    wanted = plain.events.height * 2
    layout = board_layout(width, height, 8, 4, events_h=wanted, meters_h=plain.meters.height)
    assert layout.events.height > plain.events.height
    scale = Scale(height)
    assert layout.adopted.height >= round(scale.heading * 1.4) + 2 * round(scale.min_text * 1.3)
    assert layout.events.bottom < layout.meters.y < layout.meters.bottom < layout.adopted.y
    assert layout.adopted.bottom < layout.end_year.y


LANDSCAPE = sorted(
    {size for size in SIZES if size[0] > size[1] and size[1] >= 600} | {(1024, 768), (1280, 800)}
)
"""The projector and laptop sizes (640×360 and the portrait screen cannot hold twelve cards
with text no smaller than the minimum)."""


@pytest.mark.parametrize(("width", "height"), LANDSCAPE)
@pytest.mark.parametrize("market", [10, 11, 12])
def test_a_table_of_twelve_gives_every_card_room_for_its_title_over_its_facts(
    width, height, market
):
    """The standard scenarios put 11-12 proposals on the table: every card keeps room for its
    title (on as many lines as its width needs, two at least) above belastning, træthed and
    service (the effect columns beside "Service −1") – before, titles were cut to "Luk den
    mindste…" at 1024×768."""
    layout = board_layout(width, height, market, 4)
    line = card_line(layout.min_text)
    assert layout.min_text >= math.ceil(height / 45)
    for card in layout.market:
        probe = card_layout(card, layout.min_text, line=line)
        title_lines, fact_lines = card_text_lines(probe.title.width, layout.min_text)
        assert title_lines <= 4, (card, title_lines)  # no title on five lines or more
        wanted = max(2, title_lines) * line
        parts = card_layout(
            card,
            layout.min_text,
            title_h=wanted,
            facts=fact_lines,
            line=line,
            beside=6 * layout.min_text,
        )
        assert parts.title.height >= wanted, (card, parts.title, title_lines)
        assert parts.footer.height == fact_lines * line
        for rect in (parts.band, parts.title, parts.effect, parts.footer):
            assert card.contains(rect), (rect, card)
        assert parts.band.bottom <= parts.title.y and parts.title.bottom <= parts.footer.y
    left = layout.chart_panel.height + layout.market_panel.height
    assert layout.chart_panel.height >= 0.23 * left  # the year chart stays readable


def test_year_panels_that_need_little_get_all_they_need_when_the_lists_are_full():
    # The year screen's three panels: this year's events, the uncertain cards' outcomes (a
    # list that ends in "+3 mere") and next year's events. Before, all three shrank in
    # proportion, and a one-event panel was cut in half ("+3.000 t. kr." half gone).
    from pygame import Rect

    from game.ui.layout_grid import fit_rows

    area = Rect(0, 0, 400, 600)
    events, outcomes, news = fit_rows(area, [192.0, 397.0, 217.0], 12)
    assert events.height >= 191 and news.height >= 216  # whole
    assert outcomes.height == 600 - 2 * 12 - events.height - news.height
    assert events.bottom + 12 == outcomes.top and outcomes.bottom + 12 == news.top
    # room enough: in proportion, as before
    assert [r.height for r in fit_rows(area, [100.0, 200.0, 100.0], 12)] == [144, 288, 144]
    # the long list would keep less than a quarter: in proportion again
    squeezed = fit_rows(area, [250.0, 500.0, 250.0], 12)
    assert squeezed[1].height > squeezed[0].height


def test_year_panels_keep_their_titles_before_any_panel_keeps_its_texts():
    # Before, the three panels shrank in proportion to all they needed, texts included: the
    # outcomes' panel, whose two titles needed 194 px, got 193, and said "+1 mere" under one
    # outcome while the events' panel above kept four lines of a card's text.
    from pygame import Rect

    from game.ui.layout_grid import fit_rows

    area = Rect(0, 0, 427, 600)
    needs, floors = [300.0, 254.0, 218.0], [110.0, 204.0, 110.0]
    events, outcomes, news = fit_rows(area, needs, 10, floors)
    assert outcomes.height >= 204  # both titles and details
    assert events.height >= 110 and news.height >= 110
    assert events.bottom + 10 == outcomes.top and news.bottom == area.bottom
    wanting = [n - f for n, f in zip(needs, floors)]  # the texts share what is left
    extra = [r.height - f for r, f in zip((events, outcomes, news), floors)]
    assert extra[0] > extra[2] > extra[1] >= 0, (extra, wanting)
    # the floors alone do not fit: as without them, on the floors
    tight = fit_rows(Rect(0, 0, 427, 300), needs, 10, floors)
    assert [r.height for r in tight] == [
        r.height for r in fit_rows(Rect(0, 0, 427, 300), floors, 10)
    ]


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1366, 768), (1920, 1080)])
def test_notices_leave_the_adopted_lists_heading_and_its_kind_counts_in_sight(size):
    # a toast covered "Vedtaget (3)" and its count of each kind – the rule of all three kinds
    # – just as the group checked what it had decided
    from game.ui.theme import Scale

    layout = board_layout(*size, 12, 4)
    heading = round(Scale(size[1]).heading * 1.4)
    assert layout.notices.top >= layout.adopted.top + heading, (layout.notices, layout.adopted)
    assert layout.notices.bottom <= layout.adopted.bottom
