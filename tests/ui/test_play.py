"""Play complete games in the real window with posted key, mouse and finger events, from the
start screen to the debrief, for every scenario of the standard deck."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.engine import Adopt, EndYear, replay, state_hash, verdict
from game.engine.bots import greedy_policy
from game.saves import read_save
from game.ui import theme
from game.ui.layout import card_layout
from game.ui.layout_screens import detail_layout, start_layout
from game.ui.scenes.board import BoardScene
from game.ui.scenes.card import CardScene
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.start import StartScene
from game.ui.scenes.year import YearScene
from tests.ui.driver import click, key, pixel, select_card, settle, tap


def start_from_start_screen(app, scenario_index: int, seed: int) -> None:
    start = StartScene(app, seed=seed)
    app.push(start)
    app.step(0.02)
    layout = start_layout(*app.size, len(app.game.deck.scenarios), len(start.saves.entries))
    click(app, layout.scenarios[scenario_index].center)
    assert start.scenario.id == app.game.deck.scenarios[scenario_index].id
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, BoardScene)


def place_of(board: BoardScene, card: str) -> int:
    """Where ``card`` lies on the table (its number − 1): places keep their numbers all round."""
    return [slot.card for slot in board.slots()].index(card)


def adopt_with_keys(app, board: BoardScene, card: str) -> None:
    index = place_of(board, card)
    select_card(app, card)
    assert board.selected == card
    rect = board.layout().market[index]
    band = card_layout(rect, board.layout().min_text).band
    # the selected card is drawn with its kind's colour in the band
    proposal = app.game.deck.proposal(card)
    assert pixel(app, (band.x + band.width * 6 // 10, band.y + 1)) == theme.kind_color(
        proposal.kind
    )
    key(app, pygame.K_RETURN)


def adopt_with_mouse(app, board: BoardScene, card: str, finger: bool = False) -> None:
    index = place_of(board, card)
    rect = board.layout().market[index]
    (tap if finger else click)(app, rect.center)
    assert isinstance(app.top, CardScene) and app.top.card == card
    (tap if finger else click)(app, detail_layout(*app.size).adopt.center)
    assert isinstance(app.top, BoardScene)


def play_through(app, seed: int, reveals: list | None = None) -> list:
    generator = np.random.default_rng(seed)
    actions = []
    for _ in range(400):
        top = app.top
        if isinstance(top, DebriefScene):
            return actions
        if isinstance(top, YearScene):
            if reveals is not None:
                reveals.append(top.after.round)
            key(app, pygame.K_RETURN)  # skip the animation
            settle(app)
            key(app, pygame.K_RETURN)  # continue
            continue
        assert isinstance(top, BoardScene), top
        state = app.game.state
        action = greedy_policy(state, generator)
        before = len(app.game.history.actions)
        if isinstance(action, Adopt):
            style = len(actions) % 3
            if style == 0:
                adopt_with_keys(app, top, action.card)
            else:
                adopt_with_mouse(app, top, action.card, finger=style == 2)
        else:
            key(app, pygame.K_SPACE)
        assert len(app.game.history.actions) == before + 1
        assert app.game.history.actions[-1] == action
        actions.append(action)
        settle(app, 3)
    raise AssertionError("the game did not end")


@pytest.mark.parametrize("scenario_index", range(5))
def test_complete_game_from_start_screen_to_debrief(make_app, std_deck, scenario_index):
    scenario = std_deck.scenarios[scenario_index]
    seed = 11 + scenario_index
    app = make_app(std_deck)
    start_from_start_screen(app, scenario_index, seed)
    reveals: list[int] = []
    actions = play_through(app, seed, reveals)
    state = app.game.state
    assert reveals == list(range(1, scenario.rounds + 1))  # every year was revealed
    assert state.finished
    assert sum(isinstance(a, EndYear) for a in actions) == scenario.rounds
    debrief = app.top
    assert isinstance(debrief, DebriefScene)
    assert debrief.verdict == verdict(state)
    # the engine agrees with a replay of what was clicked, and the autosave holds it all
    assert state_hash(replay(std_deck, scenario.id, seed, actions)) == state_hash(state)
    saved = read_save(app.game.save_path)
    assert state_hash(saved.history.current) == state_hash(state)
    assert saved.settings.scenario == scenario.id and saved.settings.seed == seed


def test_autoplay_makes_n_decisions_per_second_and_stops_at_the_debrief(make_app, std_deck):
    from game.saves import GameSettings
    from game.ui.autoplay import Autoplay

    app = make_app(std_deck)
    app.start_game(std_deck, GameSettings("intro", 6, None))
    bot = Autoplay(app, "greedy", speed=10, seed=6, quit_at_end=True)
    app.on_frame.append(bot)
    seconds = 0.0
    times: list[float] = []  # when each of the first three decisions was made
    while len(times) < 3:
        app.step(0.01)
        seconds += 0.01
        times += [seconds] * (len(app.game.history.actions) - len(times))
    assert [round(t, 2) for t in times] == pytest.approx([0.1, 0.2, 0.3], abs=0.021)
    while app.running and seconds < 60:
        app.step(0.05)
        seconds += 0.05
    assert not app.running and app.exit_code == 0
    assert isinstance(app.top, DebriefScene) and app.game.state.finished
    assert bot.decisions == len(app.game.history.actions)


def test_a_deck_given_with_deck_stands_in_the_path_field_and_standard_is_not_marked(
    make_app, std_deck
):
    # Before: the start screen left the path field empty while a municipality's own deck
    # (from --deck) was the one loaded.
    from pathlib import Path

    own = Path("decks/kystby")
    app = make_app(std_deck)
    app.game.deck_path = own  # as `raaderum play --deck decks/kystby` sets it
    start = StartScene(app, seed=1)
    app.push(start)
    app.step(0.02)
    assert start.path_field.text == str(own)
    layout = start_layout(*app.size, len(app.game.deck.scenarios), len(start.saves.entries))
    own_frame = pixel(app, (layout.deck_standard.x + 6, layout.deck_standard.centery))
    app.game.deck_path = None  # the standard deck: its button is marked
    app.request_redraw()
    app.step(0.02)
    assert pixel(app, (layout.deck_standard.x + 6, layout.deck_standard.centery)) != own_frame


def test_the_kiosk_planner_plays_as_the_headless_planner_and_the_window_keeps_drawing(
    make_app, std_deck
):
    # at a conference stand the greedy bot lost intro with one token investment; the planner
    # shows a careful table, and while it thinks (in the background) frames go on being drawn
    import numpy as np

    from game.engine.planner import planner_policy
    from game.engine.simulate import play_game
    from game.saves import GameSettings
    from game.ui.autoplay import Autoplay

    app = make_app(std_deck)
    app.start_game(std_deck, GameSettings("intro", 6, None))
    bot = Autoplay(app, "planner", speed=50, seed=6, quit_at_end=False)
    app.on_frame.append(bot)
    frames_while_thinking = 0
    for _ in range(4000):
        if app.game.state.finished:
            break
        app.step(0.02)
        if bot.thinking is not None:
            frames_while_thinking += 1
            bot.thinking.wait()
    state = app.game.state
    assert state.finished and frames_while_thinking > 0
    headless = play_game(std_deck, "intro", 6, planner_policy(), np.random.default_rng(6))
    assert [(a.card, a.round) for a in state.adopted] == [
        (a.card, a.round) for a in headless.adopted
    ]


def test_the_kiosk_begins_a_new_game_after_the_debrief_and_marks_its_games_as_the_robots(
    make_app, std_deck, tmp_path
):
    # at a conference stand the kiosk showed one debrief for the rest of the day, and its
    # games were counted as tables in "Sammenlign borde"
    from game.saves import GameSettings
    from game.ui.autoplay import KIOSK_REST, Autoplay

    app = make_app(std_deck)
    app.game.save_dir = tmp_path
    app.start_game(std_deck, GameSettings("intro", 6, None, robot="greedy"))
    first = app.game.save_path
    bot = Autoplay(app, "greedy", speed=100, seed=6, quit_at_end=False)
    app.on_frame.append(bot)
    seconds = 0.0
    while not (app.game.state.finished and isinstance(app.top, DebriefScene)) and seconds < 60:
        app.step(0.05)
        seconds += 0.05
    assert isinstance(app.top, DebriefScene)
    for _ in range(int((KIOSK_REST - 1) / 0.5)):
        app.step(0.5)
    assert isinstance(app.top, DebriefScene)  # the passer-by has time to read the result
    for _ in range(4):
        app.step(0.5)
    assert not app.game.state.finished and app.game.save_path != first
    assert app.game.settings is not None and app.game.settings.robot == "greedy"
    assert read_save(first).settings.robot == "greedy" and read_save(first).history.current.finished


def test_play_autoplay_saves_its_game_as_the_robots(windows):
    app = windows("--autoplay", "planner", "--scenario", "intro", "--seed", "2")
    assert app.game.settings is not None and app.game.settings.robot == "planner"
    app = windows("--scenario", "intro", "--seed", "2")
    assert app.game.settings is not None and app.game.settings.robot == ""
