"""Every panel's retained-drawing key changes when what it shows changes, generated from the
panels themselves: each panel declares what it shows as the fields of its view, and this test
perturbs every field of every panel (the board's and the debrief's) with values taken from
real situations of a game, checking that the key changes and that the painted pixels change.
It also checks the converse: a panel painted from a view taken in one situation gives the
same pixels in every other situation, so nothing a painter shows is left out of its view."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import numpy as np
import pygame

from game.engine import Adopt, EndYear, History, new_game, verdict
from game.engine.bots import greedy_policy, random_policy
from game.engine.planner import planner_policy
from game.engine.simulate import play_game
from game.engine.whatif import what_if
from game.saves import GameSettings, PaperTable
from game.ui import theme
from game.ui.panels import Panel
from game.ui.panels.debrief import TABS
from game.ui.scenes.debrief import DebriefScene
from game.ui.screenshot import play_until

SIZE = (1280, 720)


@dataclass(frozen=True)
class Situation:
    """One moment of the board: the game, the selection, the mouse, the highlight, the time."""

    settings: GameSettings
    history: History
    selected: str | None = None
    hover: str | None = None
    flash: tuple[tuple[str, float], ...] = ()
    now: float = 0.0
    adopted_scroll: int = 0
    not_saved: str | None = None
    """Why the game cannot be saved (the banner shows), or None."""
    read_only: bool = False
    viewed_free: bool = False
    """… and the window that held it has closed it."""
    paper: bool = False
    """… or it is a paper table's game, looked at (its banner corrects the sheet)."""
    picture: bool = False
    """The board drawn as the picture next to a report."""
    stopped: bool = False
    """… of a paper table that stopped before its last year."""


def show(app: Any, board: Any, situation: Situation) -> None:
    """Put ``situation`` on the board."""
    app.game.settings = situation.settings
    app.game.history = situation.history
    app.report_picture = situation.picture
    app.report_stopped = situation.stopped
    app.game.clock.now = situation.now
    app.game.read_only = situation.read_only
    app.game.viewed_free = situation.viewed_free
    app.game.paper = PaperTable("Bord 7") if situation.paper else None
    app.game.save_problem = situation.not_saved
    if situation.not_saved is not None:
        app.game.save_path = None  # the game never got a file: the banner says why
    elif app.game.saver is not None:
        app.game.save_path = app.game.saver.path
    board.selected = situation.selected
    board.hover = situation.hover
    board.flash = dict(situation.flash)
    board.adopted_scroll = situation.adopted_scroll
    board._clock_text = ""


def board_situations(deck: Any) -> list[Situation]:
    """A game on the board, changed one thing at a time the way a facilitator changes it."""
    timed = GameSettings("standard", 6, timer_minutes=1.0)
    start = History.start(new_game(deck, "standard", 6))
    middle = play_until(start, 1, 6)
    market = middle.current.market
    adopted = middle.do(Adopt(market[0], "Fordi"))
    long_game = play_until(History.start(new_game(deck, "lang-horisont", 2)), 7, 2)
    base = Situation(timed, middle, now=1000.0)
    found = [
        base,
        replace(base, history=start),
        replace(base, selected=market[1]),
        replace(base, selected=market[2]),
        *(replace(base, hover=h) for h in ("card:0", "card:1", "undo", "help", "menu")),
        *(replace(base, hover=h) for h in ("redo", "end_year", "target", "events")),
        replace(base, now=1030.0),
        replace(base, now=1070.0),
        replace(base, history=adopted),
        replace(base, history=adopted, flash=((market[0], 0.8),)),
        replace(base, history=adopted, flash=((market[0], 0.3),)),
        replace(base, history=adopted.undo()),
        replace(base, history=adopted.do(EndYear())),
        replace(base, history=play_until(start, 99, 6)),
        replace(base, history=play_until(start, 99, 6), hover="end_year"),
        *(
            replace(
                base, settings=GameSettings("lang-horisont", 2), history=long_game, adopted_scroll=s
            )
            for s in (0, 2, 4)
        ),
        replace(base, not_saved="disken er fuld"),
        replace(base, not_saved="mappen er skrivebeskyttet"),
        replace(base, not_saved="disken er fuld", hover="save_elsewhere"),
        replace(base, read_only=True),
        replace(base, read_only=True, hover="as_copy"),
        replace(base, read_only=True, viewed_free=True),
        replace(base, read_only=True, paper=True),
        replace(base, settings=GameSettings("standard", 6)),
        replace(base, settings=GameSettings("standard", 6, timer_minutes=1.0, table="Bord 3")),
    ]
    other = History.start(new_game(deck, "borgermoede", 3))
    found.append(Situation(GameSettings("borgermoede", 3), play_until(other, 1, 3)))
    # the picture next to a report: two finished games (their verdicts differ), and a list
    # too long for the panel
    found += [
        replace(base, history=play_until(start, 99, 6), picture=True),
        replace(base, history=play_until(start, 99, 6)),
        Situation(GameSettings("borgermoede", 3), play_until(other, 99, 3), picture=True),
        replace(
            base,
            settings=GameSettings("lang-horisont", 2),
            history=long_game,
            adopted_scroll=2,
            picture=True,
        ),
        # a paper table that stopped after its second year, and the same game not stopped
        Situation(GameSettings("borgermoede", 3), play_until(other, 2, 3), picture=True),
        Situation(
            GameSettings("borgermoede", 3), play_until(other, 2, 3), picture=True, stopped=True
        ),
    ]
    return found


def painted(panel: Panel[Any, Any], layout: Any, view: Any) -> bytes:
    """The pixels of ``panel`` painted afresh from ``view``."""
    surface = pygame.Surface(SIZE)
    surface.fill(theme.BACKGROUND)
    cards = getattr(panel, "cards", None)
    if cards is not None:
        cards.enabled = False
    panel.paint(surface, layout, view)
    region = panel.region(layout).clip(surface.get_rect())
    return pygame.image.tobytes(surface.subsurface(region), "RGB")


def check_panels(
    app: Any, scene: Any, panels: list[Panel[Any, Any]], situations: list, show: Any = show
) -> None:
    """The key and pixel checks of the module docstring, for ``panels`` of ``scene``."""
    surface = pygame.Surface(SIZE)
    for panel in panels:
        views, pictures, layouts = [], [], []
        for situation in situations:
            show(app, scene, situation)
            layout = scene.layout()
            view = panel.view(scene.table())
            assert isinstance(view, panel.View)
            views.append(view)
            layouts.append(layout)
            pictures.append(painted(panel, layout, view))
        # complete: a view painted (in its own layout: the board's side column is sized by
        # what it shows) while another situation is on the table looks the same
        for situation in situations[::3]:
            show(app, scene, situation)
            for view, picture, own in zip(views, pictures, layouts):
                assert painted(panel, own, view) == picture, f"{panel.name} reads around its view"
        # every field shown: perturbing it changes the key and the pixels. Pairs of situations
        # that differ in this field alone come first; a value from a situation that differs in
        # more may not fit the rest of the view (another scenario's years), so such a mix that
        # cannot be painted is passed over.
        for field in fields(panel.View):
            name = field.name
            pairs = [
                (a, picture, b)
                for a, picture in zip(views, pictures)
                for b in views
                if getattr(b, name) != getattr(a, name)
            ]
            pairs.sort(
                key=lambda pair: replace(pair[0], **{name: getattr(pair[2], name)}) != pair[2]
            )
            changed = False
            for a, picture, b in pairs:
                perturbed = replace(a, **{name: getattr(b, name)})
                assert panel.key(surface, layout, perturbed) != panel.key(surface, layout, a)
                try:
                    pixels = painted(panel, layout, perturbed)
                except (IndexError, KeyError, ValueError):
                    continue
                if pixels != picture:
                    changed = True
                    break
            assert changed, f"{panel.name}: no change of {field.name!r} shows on screen"


def test_every_board_panel_shows_each_input_of_its_key(make_app, std_deck):
    app = make_app(std_deck, size=SIZE)
    app.start_game(
        std_deck, GameSettings("standard", 6), History.start(new_game(std_deck, "standard", 6))
    )
    board = app.find("board")
    check_panels(app, board, board.all_panels, board_situations(std_deck))


def first_game(deck: Any, scenario: str, policy: Any, wanted: Any) -> Any:
    """The first bot game of ``scenario`` (by seed) whose final state is ``wanted``."""
    for seed in range(100):
        state = play_game(deck, scenario, seed, policy, np.random.default_rng(seed))
        if wanted(state):
            return state
    raise AssertionError(f"no such game of {scenario} in 100 seeds")


@dataclass(frozen=True)
class Debrief:
    """One moment of the debrief: the game, the page, the scroll, the what-if, the report."""

    state: Any
    whatif: Any
    tab: str = "result"
    scroll: int = 0
    error: str = ""
    pending: bool = False
    report_error: str = ""
    paths: tuple[Path, ...] = ()


def show_debrief(app: Any, scene: Any, situation: Debrief) -> None:
    """Put ``situation`` on the debrief."""
    scene.state = situation.state
    scene.verdict = verdict(situation.state)
    scene.tab = situation.tab
    scene.scroll = dict.fromkeys(TABS, situation.scroll)
    scene.job.result, scene.job.error = situation.whatif, situation.error
    scene.report_pending = situation.pending
    scene.report_error = situation.report_error
    scene.report_paths = list(situation.paths)


def test_every_debrief_panel_shows_each_input_of_its_key(make_app, std_deck):
    # eight budget years with many adoptions (the lists scroll), and a won game
    lost = first_game(std_deck, "lang-horisont", random_policy, lambda s: len(s.adopted) >= 20)
    won = first_game(std_deck, "standard", planner_policy(), lambda s: bool(verdict(s).won))
    other = first_game(std_deck, "intro", greedy_policy, lambda s: True)
    app = make_app(std_deck, size=SIZE)
    app.game.history = History.start(lost)
    scene = DebriefScene(app, background=False)
    app.push(scene)
    base = Debrief(lost, scene.whatif)
    won_whatif = what_if(won)
    found = [
        base,
        Debrief(won, won_whatif),
        Debrief(other, what_if(other)),
        replace(base, error="kunne ikke regnes", whatif=None),
        replace(base, whatif=None),
        replace(base, pending=True),
        replace(base, report_error="disken er fuld"),
        replace(base, paths=(Path("/rapporter/1/report.html"),)),
    ]
    for tab in TABS[1:]:
        found += [replace(base, tab=tab), replace(base, tab=tab, scroll=3)]
        found += [replace(base, tab=tab, state=won, whatif=won_whatif)]
    panels = [*scene.frame, *scene.pages.values()]
    check_panels(app, scene, panels, found, show_debrief)
