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
