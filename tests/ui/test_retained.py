"""Retained drawing of the board: the kept pictures of its panels give exactly the pixels of a
fresh drawing, in many states and sizes and after every kind of change a facilitator makes
(hover, selection, adoption, undo, target change, language, resize, timer, risk refinement)."""

from __future__ import annotations

import pygame
import pytest

from game.engine import EndYear
from game.engine.actions import SetTarget
from game.engine.history import History
from game.engine.rules import new_game
from game.saves import GameSettings
from game.ui.retained import Layers
from game.ui.scenes.board import BoardScene
from game.ui.screenshot import play_until

SIZES = [(1280, 720), (1920, 1080), (1000, 700)]


def picture(board: BoardScene, size: tuple[int, int]) -> bytes:
    """The board drawn with its kept pictures (whatever they are now)."""
    surface = pygame.Surface(size)
    board.draw(surface)
    return pygame.image.tobytes(surface, "RGB")


def fresh(board: BoardScene, size: tuple[int, int]) -> bytes:
    """The board drawn afresh, panel by panel, without any kept picture."""
    market = board.panel("market")
    kept = board.layers, market.cards
    board.layers, market.cards = Layers(), Layers()
    board.layers.enabled = market.cards.enabled = False
    try:
        return picture(board, size)
    finally:
        board.layers, market.cards = kept


def same(board: BoardScene, size: tuple[int, int]) -> None:
    """The board now, drawn from its kept pictures, equals a fresh drawing; so do the next two
    frames (the second of which blits the kept whole window)."""
    expected = fresh(board, size)
    for _ in range(3):
        cached = picture(board, size)
        check(cached, expected, size)


def check(cached: bytes, expected: bytes, size: tuple[int, int]) -> None:
    if cached != expected:
        width = size[0]
        first = next(i for i, (a, b) in enumerate(zip(cached, expected)) if a != b) // 3
        pytest.fail(f"kept pictures differ from a fresh drawing at {first % width, first // width}")


def histories(deck):
    start = History.start(new_game(deck, "standard", 4))
    yield "start", start, None
    middle = play_until(start, 1, 4, adopt_extra=1)
    yield "middle", middle, middle.current.market[0]
    last = play_until(start, deck.scenario("standard").rounds - 1, 4, adopt_extra=1)
    yield "last", last, last.current.market[-1] if last.current.market else None
    yield "finished", play_until(start, 99, 4), None


@pytest.mark.parametrize("size", SIZES)
def test_kept_pictures_equal_a_fresh_drawing_in_every_state(make_app, std_deck, size):
    app = make_app(std_deck, size=size)
    for name, history, selected in histories(std_deck):
        app.start_game(std_deck, GameSettings("standard", 4), history)
        board = app.top
        board.selected = selected
        board.hover = "card:1" if not history.current.finished else "end_year"
        picture(board, size)
        painted = board.layers.repaints
        same(board, size)  # the second drawing reuses everything
        assert board.layers.repaints == painted, name


def test_every_change_shows_up_as_a_fresh_drawing_would(make_app, std_deck):
    size = (1280, 720)
    app = make_app(std_deck, size=size)
    history = play_until(History.start(new_game(std_deck, "standard", 6)), 1, 6)
    app.start_game(std_deck, GameSettings("standard", 6, timer_minutes=1.0), history)
    board = app.top
    same(board, size)

    painted = board.layers.repaints
    cards = board.panel("market").cards.repaints
    board.hover = "card:0"  # the mouse over a card repaints the market and that card only
    same(board, size)
    assert board.layers.repaints == painted + 1
    assert board.panel("market").cards.repaints == cards + 1
    board.hover = "card:1"
    same(board, size)
    assert board.panel("market").cards.repaints == cards + 3
    board.hover = "card:2"
    same(board, size)
    board.hover = "undo"
    same(board, size)
    board.hover = "end_year"
    same(board, size)
    board.hover = "target"  # the year chart's title, which opens the target dialog
    same(board, size)
    board.hover = None
    same(board, size)

    board.select(2)
    same(board, size)
    for _ in range(6):  # the risk meter refines its estimate while idle
        board.risk.refine(app.game.state, board.selected_card())
        same(board, size)
    board.select(3)
    same(board, size)

    assert board.adopt()
    same(board, size)
    board.update(0.1)  # the adopted card glows, then fades
    same(board, size)
    board.update(1.0)
    same(board, size)

    app.game.do(SetTarget(80))
    same(board, size)
    app.game.undo()
    same(board, size)
    app.game.redo()
    same(board, size)

    app.game.clock.advance(30)  # the round timer ticks, then runs over
    board.update(0.0)
    same(board, size)
    app.game.clock.advance(40)
    board.update(0.0)
    same(board, size)

    app.set_language("en")
    same(board, size)
    app.set_language("da")
    same(board, size)

    app.game.do(EndYear())
    same(board, size)
    for other in [(1600, 900), size]:  # a resized window
        app.surface = pygame.display.set_mode(other, pygame.RESIZABLE)
        same(board, other)

    while not app.game.state.finished:
        app.game.do(EndYear())
    same(board, size)
