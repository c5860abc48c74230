"""``raaderum screenshot``: render a scene of a seeded game to a PNG without a window.

The game is played by the look-ahead bot (``play_until``) up to a defined point: the board
mid-game (round 2, with adopted cards, a selected card and the risk fan), a card up close,
the card with a typed note, the year reveal mid-animation, the debrief after the last year,
help, start and compare (its tables played by the look-ahead, the greedy and the random bot in
turn: a conference where some tables plan, some grab and some guess).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from pathlib import Path

import numpy as np
import pygame

from game.engine import Adopt, Deck, EndYear, GameState, History, new_game
from game.engine.bots import greedy_policy, random_policy
from game.engine.planner import planner_policy
from game.launcher import said_by
from game.messages import catalogue, target_refusal
from game.saves import GameSettings, WriteFailed, folder_problem, new_save_path, write_save
from game.saves.files import check_png, display_path, write_file
from game.ui.app import PICTURE_SIZE, App, board_png, png_bytes
from game.ui.cards import refusal
from game.ui.launch import load_cli_deck
from game.ui.stepper import NumberField

EXIT_OK = 0
EXIT_BAD_INPUT = 2
SCENES = ("start", "board", "card", "year", "debrief", "help", "compare", "note")


SAMPLE_NOTE = {
    "da": "Vi tror på gevinsten – og følger op hvert halve år.",
    "en": "We believe in the gain – and will follow up every six months.",
}
"""The group's reason typed into the ``note`` screenshot, in the window's language."""


def play_until(history: History, rounds: int, seed: int, adopt_extra: int = 0) -> History:
    """Let the look-ahead bot play until ``rounds`` years are closed (then ``adopt_extra``
    more adoptions in the open year): a table that plays well, as the pictures in the README
    should show."""
    generator = np.random.default_rng(seed)
    policy = planner_policy()
    while not history.current.finished and history.current.round < rounds:
        history = history.do(policy(history.current, generator))
    done = 0
    while done < adopt_extra and not history.current.finished:
        action = policy(history.current, generator)
        if not isinstance(action, Adopt):
            break
        history = history.do(action)
        done += 1
    return history


def _table_saves(
    deck: Deck,
    scenario: str,
    seed: int,
    target: float | None,
    folder: Path,
    lang: str,
    tables: int = 8,
) -> None:
    """Saves of ``tables`` bot-played games for the compare screen: the tables of a citizen
    conference, played by the look-ahead, the greedy and the random bot by turns, so that the
    picture shows tables that won beside tables that did not."""
    folder.mkdir(parents=True, exist_ok=True)
    for table in range(tables):
        policy = (planner_policy(), greedy_policy, random_policy)[table % 3]
        generator = np.random.default_rng(seed + table)
        history = History.start(new_game(deck, scenario, seed + table, target))
        while not history.current.finished:
            history = history.do(policy(history.current, generator))
        # named, so that the picture is the same every time (unnamed tables are numbered in
        # the order of their files, whose names carry the clock)
        name = catalogue(lang).t("report.compare.table") + f" {table + 1}"
        settings = GameSettings(scenario, seed + table, target, table=name)
        write_save(new_save_path(folder), deck, settings, history)


def _app(deck: Deck, size: tuple[int, int], lang: str, deck_path: Path | None) -> App:
    return App(deck, lang=lang, size=size, window=False, deck_path=deck_path)


def _start(
    app: App, deck: Deck, history: History, scenario: str, seed: int, target: float | None
) -> None:
    app.start_game(deck, GameSettings(scenario, seed, target, app.lang), history)


def render_board_png(
    deck: Deck,
    history_or_state: History | GameState,
    path: str | Path,
    size: tuple[int, int] = PICTURE_SIZE,
    lang: str = "da",
) -> None:
    """Draw the board of a game (a History or a single GameState) into a PNG file, written
    atomically and checked (raises ``game.saves.WriteFailed``)."""
    history = (
        history_or_state
        if isinstance(history_or_state, History)
        else History.start(history_or_state)
    )
    data = board_png(deck, history, lang, size)
    write_file(Path(path), data, check_png, verb="billedet kunne ikke gemmes")


def render_scene(
    deck: Deck,
    scene: str,
    out: Path,
    *,
    size: tuple[int, int] = (1600, 900),
    seed: int = 1,
    scenario: str | None = None,
    lang: str = "da",
    target: float | None = None,
    deck_path: Path | None = None,
) -> None:
    """Render ``scene`` at its defined point of a seeded game to the PNG ``out``,
    written atomically and checked (raises ``game.saves.WriteFailed``; the folder must
    exist). ``deck_path`` is the deck given with --deck (None: the standard deck), shown on
    the start screen as ``raaderum play --deck`` shows it."""
    app = _app(deck, size, lang, deck_path)
    scenario_id = deck.scenario(scenario).id
    history = History.start(new_game(deck, scenario_id, seed, target))
    if scene == "start":
        start = app.push("start", seed=seed)
        ids = [s.id for s in deck.scenarios]
        start.choose(ids.index(scenario_id))  # type: ignore[attr-defined]
        if target is not None:  # the facilitator's X, as typed into the target field
            start.target = NumberField.of(target, app.lang)  # type: ignore[attr-defined]
        # the reach is computed in the background: the picture shows the warning a
        # facilitator sees a moment later (a deck whose own target is beyond its pile's reach)
        app.update(1 / 30)
        app.game.reaches.wait()
        app.update(1 / 30)
    elif scene in ("board", "card", "note", "help"):
        rounds = min(1, deck.scenario(scenario_id).rounds - 1)
        history = play_until(history, rounds, seed, adopt_extra=2)
        _start(app, deck, history, scenario_id, seed, target)
        board = app.find("board")
        state = app.game.state
        pick = next(
            (
                c
                for c in state.market
                if state.deck.proposal(c).is_uncertain and refusal(state, c) is None
            ),
            None,
        )
        board.selected = pick or (state.market[0] if state.market else None)
        if scene in ("card", "note") and board.selected:
            board.open_card(board.selected)
            if scene == "note":
                note = getattr(app.top, "note", None)
                if note is not None:
                    note.focus()
                    note.insert(SAMPLE_NOTE.get(app.lang, SAMPLE_NOTE["da"]))
        elif scene == "help":
            app.push("help")
    elif scene == "year":
        rounds = min(1, deck.scenario(scenario_id).rounds - 1)
        history = play_until(history, rounds, seed, adopt_extra=3)
        generator = np.random.default_rng(seed)
        while not history.current.finished:
            action = greedy_policy(history.current, generator)
            if isinstance(action, EndYear):
                break
            history = history.do(action)
        _start(app, deck, history, scenario_id, seed, target)
        app.find("board").end_year()
        for _ in range(120):  # until the reveal has finished animating
            if not app.update(1 / 60):
                break
    elif scene == "debrief":
        history = play_until(history, deck.scenario(scenario_id).rounds, seed)
        _start(app, deck, history, scenario_id, seed, target)
        app.update(0.0)
        wait = getattr(app.top, "wait_for_whatif", None)
        if wait is not None:
            wait(30.0)
        app.update(0.0)
    elif scene == "compare":
        history = play_until(history, 1, seed, adopt_extra=1)
        _start(app, deck, history, scenario_id, seed, target)
        # The folder is named relative to a temporary working folder, so that the picture
        # shows "borgerkonference" rather than a temporary folder's random name.
        with tempfile.TemporaryDirectory() as temp, contextlib.chdir(temp):
            folder = Path("borgerkonference")
            _table_saves(deck, scenario_id, seed, target, folder, app.lang)
            app.push("compare", folder=folder)
            for _ in range(30):
                app.update(1 / 30)
    else:
        raise ValueError(f"unknown scene {scene!r}")
    app.render(app.surface)
    write_file(out, png_bytes(app.surface), check_png, verb="billedet kunne ikke gemmes")


def run_screenshot(args: argparse.Namespace) -> int:
    """``raaderum screenshot --scene S --out FILE.png``: exit 2 with a Danish line when the file
    cannot be written (nothing half-written is left under its name)."""
    deck = load_cli_deck(args, "screenshot")
    if deck is None:
        return EXIT_BAD_INPUT
    out = Path(args.out)

    def fail(message: str) -> int:
        print(f"{said_by('screenshot')}: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT

    say = catalogue(args.lang or "da").t
    refused = target_refusal(deck, args.target, args.lang or "da")
    if refused is not None:  # a target over the deck's limit crashed the drawing
        return fail(refused)
    if out.is_dir():
        return fail(say("cli.is_folder", out=display_path(out), example="board.png"))
    if out.suffix.lower() != ".png":  # PNG data under a .jpg name opens as a broken picture
        return fail(say("cli.png_suffix", out=display_path(out), example=out.stem + ".png"))
    problem = folder_problem(out.parent)
    if problem is not None:
        return fail(
            say("cli.cannot_write", file=display_path(out), problem=problem.text(args.lang or "da"))
        )
    try:
        render_scene(
            deck,
            args.scene,
            out,
            size=args.size or (1600, 900),
            seed=args.seed if args.seed is not None else 1,
            scenario=args.scenario,
            lang=args.lang,
            target=args.target,
            deck_path=Path(args.deck) if getattr(args, "deck", None) else None,
        )
    except WriteFailed as error:
        return fail(error.text(args.lang or "da"))
    except (ValueError, pygame.error) as error:
        return fail(f"{display_path(out)}: billedet kunne ikke tegnes ({error})")
    print(display_path(out))
    return EXIT_OK
