"""The places on the table: a card keeps its number all round (pure, no display)."""

from __future__ import annotations

from game.engine import Adopt, EndYear, History, is_legal, new_game
from game.ui.tableslots import Slot, table_slots


def test_an_adopted_card_leaves_its_place_and_the_next_round_lays_the_table_anew(std_deck):
    history = History.start(new_game(std_deck, "standard", 3))
    start = history.current.market
    assert table_slots(history.states) == tuple(Slot(card) for card in start)
    third = next(card for card in start[2:] if is_legal(history.current, Adopt(card)))
    history = history.do(Adopt(third))
    slots = table_slots(history.states)
    assert [slot.card for slot in slots] == list(start), "nobody moves up"
    assert slots[start.index(third)] == Slot(third, "adopted")
    assert all(slot.open for slot in slots if slot.card != third)
    assert table_slots(history.undo().states) == tuple(Slot(card) for card in start)
    history = history.do(EndYear())
    assert table_slots(history.states) == tuple(Slot(c) for c in history.current.market)


def test_the_chance_line_names_the_selected_card_by_its_number_on_the_table(make_app, std_deck):
    from tests.ui.driver import record_text, select_card

    app = make_app(std_deck, size=(1366, 768))
    history = History.start(new_game(std_deck, "standard", 3))
    start = history.current.market
    third = next(card for card in start[2:5] if is_legal(history.current, Adopt(card)))
    history = history.do(Adopt(third))
    from game.saves import GameSettings

    app.start_game(std_deck, GameSettings("standard", 3), history)
    later = next(c for c in start[start.index(third) + 1 :] if c in history.current.market)
    drawn = record_text(app)
    select_card(app, later)
    for _ in range(30):  # the forecast is computed over a few frames
        app.step(0.02)
    chance = [t for t in drawn if t.startswith("Chance")]  # whole, or short beside the title
    assert chance and f"med forslag {start.index(later) + 1}:" in chance[-1], chance[-1:]
