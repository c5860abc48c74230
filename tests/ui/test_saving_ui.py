"""Saving when the disk says no, as the window shows it: a banner on the board until the game
is saved again, saving elsewhere (another folder, a USB stick), a warning before closing with
unsaved decisions, a save folder that cannot be created said on the start screen (with another
folder taken instead), and a save another window holds opened read-only or as a copy."""

from __future__ import annotations

import dataclasses
import os
import time
from datetime import datetime
from pathlib import Path

import pygame
import pytest

from game.engine import Adopt, History, legal_actions, new_game
from game.saves import GameSettings, LockHolder, read_save, write_save
from game.saves.lock import lock_prefix
from game.ui.scenes.board import BoardScene
from game.ui.scenes.start import StartScene
from game.ui.start_view import folder_rects
from tests.ui.driver import click, key, record_cut, record_text, type_text


def blocked_folder(tmp_path: Path) -> Path:
    """A save folder that cannot be created: it would lie under a file."""
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    return blocker / "saves"


def blocked_start(make_app, std_deck, tmp_path):  # type: ignore[no-untyped-def]
    """The start screen at 1024×768 with a save folder that cannot be created, drawn once."""
    app = make_app(std_deck, size=(1024, 768))
    app.game.save_dir = blocked_folder(tmp_path)
    start = StartScene(app, seed=4)
    app.push(start)
    return app, start


def first_adoption(app) -> Adopt:
    return next(a for a in legal_actions(app.game.state) if isinstance(a, Adopt))


def test_the_board_says_it_is_not_saved_until_it_is_saved_elsewhere(make_app, std_deck, tmp_path):
    """Before: each failed save was a 4-second toast, and the game played on with nothing
    saved; now a banner stays until saving works again, and G saves elsewhere."""
    app = make_app(std_deck, size=(1024, 768))
    app.game.save_dir = blocked_folder(tmp_path)
    app.start_game(std_deck, GameSettings("standard", 3))
    app.game.do(first_adoption(app))
    board = app.top
    assert isinstance(board, BoardScene)
    drawn = record_text(app)
    app.game.clock.advance(60)  # long after every toast
    app.step(0.02)
    banner = board.banner_text()
    assert banner.startswith("Spillet er ikke gemt: mappen kan ikke oprettes")
    assert "Gem et andet sted (G)" in banner and "Errno" not in banner
    assert banner in drawn and board.layout().banner is not None
    assert app.game.unsaved() is not None
    # G: save elsewhere, typed into the dialog's folder field
    key(app, pygame.K_g)
    dialog = app.top
    assert dialog.name == "save_elsewhere" and dialog.wants_text_input
    key(app, pygame.K_a, pygame.KMOD_CTRL)
    type_text(app, str(tmp_path / "usb"))
    key(app, pygame.K_RETURN)
    assert app.top is board
    saved = list((tmp_path / "usb").glob("*.json"))
    assert len(saved) == 1 and read_save(saved[0]).history.actions == app.game.history.actions
    assert app.game.unsaved() is None and board.banner_text() == ""
    assert board.layout().banner is None
    app.game.do(first_adoption(app))  # and it keeps saving there
    assert len(read_save(saved[0]).history.actions) == 2


def test_saving_elsewhere_into_a_folder_that_fails_too_says_why(make_app, std_deck, tmp_path):
    app = make_app(std_deck)
    app.game.save_dir = blocked_folder(tmp_path)
    app.start_game(std_deck, GameSettings("standard", 3))
    app.push("save_elsewhere")
    dialog = app.top
    dialog.field.text = str(tmp_path / "fil" / "usb")
    key(app, pygame.K_RETURN)
    assert app.top is dialog
    assert dialog.status.startswith("Det lykkedes heller ikke: mappen kan ikke oprettes")
    assert app.game.unsaved() is not None


def test_closing_with_unsaved_decisions_warns_first(make_app, std_deck, tmp_path):
    app = make_app(std_deck)
    app.game.save_dir = blocked_folder(tmp_path)
    app.start_game(std_deck, GameSettings("standard", 3))
    app.game.do(first_adoption(app))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.step(0.02)
    assert app.running and app.top.name == "quit"
    assert "Spillet er ikke gemt" in app.top.body
    labels = [label for label, _ in app.top.buttons]
    assert labels == ["Tilbage til spillet", "Gem et andet sted", "Luk alligevel"]
    click(app, app.top.layout().buttons[0].center)
    assert app.running and isinstance(app.top, BoardScene)
    key(app, pygame.K_ESCAPE)  # the menu's "Luk spillet" warns too
    menu = app.top
    index = [label for label, _ in menu.buttons].index("Luk spillet")
    click(app, menu.layout().buttons[index].center)
    assert app.top.name == "quit"
    click(app, app.top.layout().buttons[2].center)
    assert not app.running


def unsaved_game(make_app, std_deck, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A window whose game has one decision that its save folder could not take."""
    app = make_app(std_deck)
    app.game.save_dir = blocked_folder(tmp_path)
    app.start_game(std_deck, GameSettings("standard", 3))
    app.game.do(first_adoption(app))
    return app


def press_in_menu(app, label: str) -> None:  # type: ignore[no-untyped-def]
    """Open the menu (Esc) and click its button ``label``."""
    key(app, pygame.K_ESCAPE)
    menu = app.top
    click(app, menu.layout().buttons[[text for text, _ in menu.buttons].index(label)].center)


@pytest.mark.parametrize(
    ("button", "anyway", "then"),
    [
        ("Start forfra (samme scenarie)", "Start forfra alligevel", "board"),
        ("Nyt spil", "Nyt spil alligevel", "start"),
    ],
)
def test_starting_over_or_a_new_game_with_unsaved_decisions_asks_first(
    make_app, std_deck, tmp_path, button, anyway, then
):
    # Before: the menu's "Start forfra" showed an empty board and "Nyt spil" the start screen
    # without a word, though the banner said that decisions were not saved; only closing the
    # window asked (and then about a game no longer on screen).
    app = unsaved_game(make_app, std_deck, tmp_path)
    press_in_menu(app, button)
    assert app.top.name == "quit"
    assert "Spillet er ikke gemt" in app.top.body and "går de beslutninger tabt" in app.top.body
    labels = [label for label, _ in app.top.buttons]
    assert labels == ["Tilbage til spillet", "Gem et andet sted", anyway]
    click(app, app.top.layout().buttons[0].center)  # back: the game as it was
    assert isinstance(app.top, BoardScene) and len(app.game.history.actions) == 1
    press_in_menu(app, button)
    click(app, app.top.layout().buttons[2].center)  # anyway
    assert app.top.name == then
    if then == "start":  # the game given up is not asked about again when the window closes
        pygame.event.post(pygame.event.Event(pygame.QUIT))
        app.step(0.02)
        assert app.top.name != "quit"


def test_saving_elsewhere_on_the_way_to_a_new_game_goes_on_to_it(make_app, std_deck, tmp_path):
    # Before: "Gem et andet sted" from the "Nyt spil" question saved the game and returned to
    # it; the players had to find "Nyt spil" in the menu once more.
    app = unsaved_game(make_app, std_deck, tmp_path)
    press_in_menu(app, "Nyt spil")
    click(app, app.top.layout().buttons[1].center)  # "Gem et andet sted"
    assert app.top.name == "save_elsewhere"
    type_text(app, str(tmp_path / "usb"))
    key(app, pygame.K_RETURN)
    assert app.top.name == "start"
    [saved] = (tmp_path / "usb").glob("*.json")
    assert len(read_save(saved).history.actions) == 1


def test_a_saved_game_closes_without_a_question(make_app, std_deck):
    app = make_app(std_deck)
    app.start_game(std_deck, GameSettings("standard", 3))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.step(0.02)
    assert not app.running


def test_a_save_folder_that_cannot_be_created_is_said_and_another_is_taken(
    make_app, std_deck, tmp_path
):
    """Before: the crash dialog from the start screen."""
    app, start = blocked_start(make_app, std_deck, tmp_path)
    drawn = record_text(app)
    app.step(0.02)
    assert start.folder_problem is not None
    assert any(
        t.startswith("Mappen til gemte spil, ")
        and ", kan ikke bruges: mappen kan ikke oprettes" in t
        for t in drawn
    ), drawn
    field, _ = folder_rects(app, start.layout().resume_area)
    click(app, field.center)
    type_text(app, str(tmp_path / "andre"))
    key(app, pygame.K_RETURN)
    assert start.folder_problem is None and app.game.save_dir == tmp_path / "andre"
    start.start()
    assert app.game.unsaved() is None
    assert len(list((tmp_path / "andre").glob("*.json"))) == 1


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_start_screen_names_the_save_folder_it_cannot_use(
    make_app, std_deck, tmp_path, monkeypatch, lang
):
    # a trial: "Mappen til gemte spil kan ikke bruges: mappen kan ikke oprettes: ingen adgang
    # – mappen eller filen er skrivebeskyttet." without the folder; only Help (F1) named it
    from game.saves.files import WriteFailed
    from game.ui import savelist

    folder = Path(tmp_path.anchor) / "Users" / "anne" / "AppData" / "Local" / "raaderum" / "saves"
    reason = "mappen kan ikke oprettes: ingen adgang – mappen eller filen er skrivebeskyttet"
    monkeypatch.setattr(
        savelist, "folder_problem", lambda f: WriteFailed(f, reason, code="read_only")
    )
    app = make_app(std_deck, size=(1024, 768), lang=lang)
    app.game.save_dir = folder
    start = StartScene(app, seed=4)
    app.push(start)
    drawn, cut = record_text(app), record_cut(app)
    app.step(0.02)
    said = [t for t in drawn if reason in t]
    assert len(said) == 1 and str(folder) in said[0], drawn
    assert not [t for t in cut if reason in t], cut  # path and reason whole at 1024×768
    # a path too long for the room: its middle is left out, its end and the reason are whole
    deep = folder.parents[3] / "anne.marie.jensen" / "OneDrive - Kommune" / "Dokumenter"
    deep = deep / "Råderumsspillet" / "Workshop i byrådssalen 2027" / "gemte spil"
    app.game.save_dir = deep
    start.check_folder()
    app.request_redraw()
    drawn.clear()
    app.step(0.02)
    said = [t for t in drawn if reason in t]
    assert len(said) == 1 and str(deep) not in said[0], said
    assert f"{os.sep}…{os.sep}" in said[0] and os.path.join(*deep.parts[-2:]) in said[0], said
    assert not [t for t in cut if reason in t], cut


def hold_elsewhere(path: Path) -> None:
    """Make the save at ``path`` look open in a window on another computer."""
    now = datetime.now().astimezone().isoformat(timespec="seconds")
    holder = LockHolder("LAPTOP-K7F2Q", 4242, "anne", now, now, time.time(), "abc123")
    (path.parent / f"{lock_prefix(path)}1").write_bytes(holder.to_json())


def saved_game(std_deck, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "spil.json"
    history = History.start(new_game(std_deck, "standard", 5))
    history = history.do(next(a for a in legal_actions(history.current) if isinstance(a, Adopt)))
    write_save(path, std_deck, GameSettings("standard", 5, table="Bord 2"), history)
    return path


def test_a_save_another_window_holds_opens_read_only(make_app, std_deck, tmp_path):
    """Before: both windows wrote the save (the last writer won)."""
    app = make_app(std_deck)
    path = saved_game(std_deck, app.game.save_dir)
    before = path.read_bytes()
    hold_elsewhere(path)
    start = StartScene(app, seed=4)
    app.push(start)
    drawn = record_text(app)
    app.step(0.02)
    # the list says so before the click (a trial found out only from the dialog)
    assert any("Bord 2 (åben i et andet vindue)" in t for t in drawn), drawn
    click(app, start.saves.rows(start.layout().resume_area)[0][0].center)
    dialog = app.top
    assert dialog.name == "locked"
    assert "på computeren LAPTOP-K7F2Q (bruger anne, proces 4242" in dialog.body
    assert (
        "Er den anden computer lukket eller gået i stå, kan I overtage spillet her" in dialog.body
    )
    labels = [label for label, _ in dialog.buttons]
    # looking first, the button Enter presses: a colleague who pressed Enter made a second
    # game of the table, whose decisions "Sammenlign borde" then counted as the table's
    assert labels == [
        "Se spillet (skrivebeskyttet)",
        "Fortsæt i en kopi",
        "Overtag spillet her",
        "Tilbage",
    ]
    key(app, pygame.K_RETURN)
    board = app.top
    assert isinstance(board, BoardScene) and app.game.read_only
    assert len(app.game.state.adopted) == 1
    assert not app.game.do(first_adoption(app))  # looking only
    assert "Fortsæt i en kopi (K)" in board.banner_text()
    assert path.read_bytes() == before
    key(app, pygame.K_k)  # … or play on in a copy
    assert not app.game.read_only and app.game.save_path != path
    assert app.game.do(first_adoption(app))
    copy = read_save(app.game.save_path)
    assert len(copy.history.actions) == 2 and copy.settings.table == "Bord 2"
    assert path.read_bytes() == before


def test_a_game_open_read_only_shows_no_running_timer_and_no_live_end_of_year(make_app, std_deck):
    # a trial's read-only window counted its own round timer down ("Tid: 7:58"), drew
    # "Afslut 2029" as a live button, and its result screen offered Ctrl+Z
    from game.engine import EndYear
    from game.ui.panels.header import EndYearPanel

    app = make_app(std_deck)
    folder = app.game.save_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "spil.json"
    history = History.start(new_game(std_deck, "intro", 5))
    write_save(path, std_deck, GameSettings("intro", 5, timer_minutes=8, table="Bord 2"), history)
    hold_elsewhere(path)
    start = StartScene(app, seed=4)
    app.push(start)
    app.step(0.02)
    click(app, start.saves.rows(start.layout().resume_area)[0][0].center)
    drawn = record_text(app)
    click(app, app.top.layout().buttons[0].center)  # "Se spillet (skrivebeskyttet)"
    board = app.top
    assert isinstance(board, BoardScene) and app.game.read_only
    app.game.clock.advance(30)
    app.request_redraw()
    app.step(0.02)
    assert board.clock_text() == "" and not any(t.startswith("Tid:") for t in drawn)
    end_year = EndYearPanel(app).view(board.table())
    assert not end_year.enabled
    # a game open read-only that is over: its result says so instead of "Ctrl+Z fortryder"
    finished = History.start(new_game(std_deck, "intro", 6))
    while not finished.current.finished:
        finished = finished.do(EndYear())
    app.start_game(std_deck, GameSettings("intro", 6), finished, read_only=True)
    app.push("debrief")
    drawn.clear()
    app.request_redraw()
    app.step(0.02)
    assert any("Åbnet skrivebeskyttet" in t for t in drawn)
    assert not any("Ctrl+Z fortryder" in t for t in drawn)


def open_held_save(app, std_deck, button: int) -> Path:  # type: ignore[no-untyped-def]
    """Open a save that a window on another computer holds, from the start screen, and
    press the "locked" dialog's button ``button`` (0: read-only, 1: copy); its path."""
    path = saved_game(std_deck, app.game.save_dir)
    hold_elsewhere(path)
    start = StartScene(app, seed=4)
    app.push(start)
    app.step(0.02)
    start.resume(0)
    click(app, app.top.layout().buttons[button].center)
    return path


def test_a_save_another_window_holds_continues_as_a_copy(make_app, std_deck, tmp_path):
    app = make_app(std_deck)
    path = open_held_save(app, std_deck, 1)
    assert isinstance(app.top, BoardScene) and not app.game.read_only
    assert app.game.save_path.parent == path.parent and app.game.save_path != path
    assert any(text.startswith("I spiller nu videre i en kopi") for text in app.toast_texts())


def test_a_game_a_dead_computer_holds_can_be_taken_over_here(make_app, std_deck, tmp_path):
    # Before: a lock left on a laptop that died blocked its game for four hours; only a copy
    # helped. The players may take the game over: it is saved here, in its own file.
    app = make_app(std_deck)
    path = open_held_save(app, std_deck, 2)
    assert isinstance(app.top, BoardScene) and not app.game.read_only
    assert app.game.save_path == path
    assert app.game.do(first_adoption(app))
    assert len(read_save(path).history.actions) == 2  # this window writes the game now


def test_the_g_that_opens_save_elsewhere_is_not_typed_into_its_folder_field(
    make_app, std_deck, tmp_path
):
    # A real keyboard sends the key, then its text, then the release. Before, the "g" landed
    # in the folder field and the game was saved in "g/tmp/…" under the working directory.
    app = make_app(std_deck, size=(1024, 768))
    app.game.save_dir = blocked_folder(tmp_path)
    app.start_game(std_deck, GameSettings("standard", 3))
    app.game.do(first_adoption(app))
    board = app.top
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_g, mod=0, unicode="g"))
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="g"))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=pygame.K_g, mod=0))
    app.step(0.02)
    dialog = app.top
    assert dialog.name == "save_elsewhere" and dialog.field.text == ""
    type_text(app, str(tmp_path / "usb"))
    assert dialog.field.text == str(tmp_path / "usb")
    key(app, pygame.K_RETURN)
    assert app.top is board
    assert len(list((tmp_path / "usb").glob("*.json"))) == 1


def test_another_save_folder_is_typed_from_the_keyboard_alone(make_app, std_deck, tmp_path):
    # Before, Tab never reached the field for another folder: a keyboard-only facilitator
    # could not leave a save folder that cannot be used.
    app = make_app(std_deck, size=(1024, 768))
    app.game.save_dir = blocked_folder(tmp_path)
    start = StartScene(app, seed=4)
    app.push(start)
    app.step(0.02)
    assert start.folder_problem is not None
    for _ in range(5):  # name, target, timer, deck path, the other folder
        key(app, pygame.K_TAB)
    assert start.folder_field.focused
    type_text(app, str(tmp_path / "andre"))
    key(app, pygame.K_RETURN)
    assert start.folder_problem is None and app.game.save_dir == tmp_path / "andre"


def test_a_read_only_window_follows_the_other_and_continues_the_game_when_it_closes(
    make_app, std_deck, tmp_path
):
    # Window B showed the game read-only: it stayed at the first decision while window A
    # played on, and after A had closed, K still made a copy (a third save for one table)
    app = make_app(std_deck)
    path = open_held_save(app, std_deck, 0)  # "Se spillet (skrivebeskyttet)"
    board = app.top
    assert app.game.read_only and len(app.game.state.adopted) == 1
    # the other window decides: its save gets a second adoption
    other = read_save(path)
    state = other.history.current
    history = other.history.do(next(a for a in legal_actions(state) if isinstance(a, Adopt)))
    for lock in path.parent.glob(f"{lock_prefix(path)}*"):  # (written as the other window
        lock.unlink()  # writes it: under its own lock)
    write_save(path, std_deck, other.settings, history)
    hold_elsewhere(path)
    app.step(2.1)
    assert len(app.game.state.adopted) == 2 and app.game.read_only
    assert "Fortsæt i en kopi (K)" in board.banner_text()
    # … and closes the game: its lock goes
    for lock in path.parent.glob(f"{lock_prefix(path)}*"):
        lock.unlink()
    app.step(2.1)
    assert any(t.startswith("Det andet vindue har lukket spillet") for t in app.toast_texts())
    assert "Fortsæt det her (K)" in board.banner_text()
    key(app, pygame.K_k)
    assert not app.game.read_only and app.game.save_path == path
    assert app.game.do(first_adoption(app))
    assert len(read_save(path).history.actions) == 3  # the same game, one file
    assert sorted(p.name for p in path.parent.glob("*.json")) == ["spil.json"]


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_a_board_under_the_read_only_banner_keeps_every_card_title_whole(make_app, std_deck, size):
    # the banner takes a band of the board: at 1024×768 nine of eleven titles were cut to
    # one line ("Højere…", "Styrket…") in the window the audience watched
    app = make_app(std_deck, size=size)
    path = saved_game(std_deck, app.game.save_dir)
    saved = read_save(path)
    titles = {std_deck.proposal(c).title for c in new_game(std_deck, "intro", 7).market}
    app.start_game(
        std_deck,
        GameSettings("intro", 7),
        History.start(new_game(std_deck, "intro", 7)),
        path,
        saved.created,
        read_only=True,
    )
    cut = record_cut(app)
    app.step(0.02)
    assert app.top.banner_text() and not titles & set(cut), titles & set(cut)


def test_a_read_only_board_greys_undo_and_keeps_its_notices_off_the_banner(
    make_app, std_deck, monkeypatch
):
    # "Fortryd" looked enabled and did nothing; a notice was drawn over the banner's words
    from game.ui import toasts

    app = make_app(std_deck, size=(1366, 768))
    open_held_save(app, std_deck, 0)  # "Se spillet (skrivebeskyttet)"
    board = app.top
    assert app.game.read_only and app.game.history.can_undo
    table = board.table()
    assert not table.can_undo and not table.can_redo
    boxes: list[pygame.Rect] = []
    panel = toasts.panel

    def spy(surface, rect, *args, **kwargs):  # type: ignore[no-untyped-def]
        boxes.append(pygame.Rect(rect))
        return panel(surface, rect, *args, **kwargs)

    monkeypatch.setattr(toasts, "panel", spy)
    assert not app.game.do(first_adoption(app))  # refused: a notice says why
    app.request_redraw()
    app.step(0.02)
    banner = board.layout().banner
    assert boxes and all(box.top >= banner.bottom for box in boxes), (boxes, banner)


def test_k_after_the_other_window_closed_makes_no_copy_when_a_third_took_the_game(
    make_app, std_deck
):
    # the save was free a moment ago, but another window has opened it since: K must say so
    # (the "locked" dialog, which offers a copy), not make a copy behind that message
    app = make_app(std_deck)
    path = open_held_save(app, std_deck, 0)  # "Se spillet (skrivebeskyttet)"
    for lock in path.parent.glob(f"{lock_prefix(path)}*"):
        lock.unlink()
    app.step(2.1)
    assert app.game.viewed_free
    hold_elsewhere(path)  # … and a third window takes it before K is pressed
    key(app, pygame.K_k)
    assert app.top.name == "locked"
    assert sorted(p.name for p in path.parent.glob("*.json")) == ["spil.json"]


def test_g_on_a_saved_game_says_where_it_is_saved(make_app, std_deck):
    # G did nothing at all on a game that saves itself, though the help lists it
    app = make_app(std_deck, size=(1024, 768))
    app.start_game(std_deck, GameSettings("standard", 3))
    app.game.do(first_adoption(app))
    assert app.game.unsaved() is None and app.game.save_path is not None
    key(app, pygame.K_g)
    assert isinstance(app.top, BoardScene)
    assert f"Spillet gemmes af sig selv efter hver beslutning, i {app.game.save_path}" in (
        app.toast_texts()
    )


def test_a_read_only_menu_offers_the_copy_and_not_a_target_it_cannot_change(make_app, std_deck):
    # "Skift mål" in a game open read-only: the dialog closed on Enter and the target stayed
    # as it was, without a word; the menu now offers what the banner offers
    from game.ui.scenes.overlays import MenuScene

    app = make_app(std_deck, size=(1366, 768))
    path = open_held_save(app, std_deck, 0)  # "Se spillet (skrivebeskyttet)"
    assert app.game.read_only
    key(app, pygame.K_ESCAPE)
    menu = app.top
    assert isinstance(menu, MenuScene)
    labels = [label for label, _ in menu.buttons]
    assert "Skift mål" not in labels and "Fortsæt i en kopi" in labels, labels
    click(app, menu.layout().buttons[labels.index("Fortsæt i en kopi")].center)
    assert isinstance(app.top, BoardScene) and not app.game.read_only
    assert app.game.save_path.parent == path.parent and app.game.save_path != path


def test_clicking_the_target_of_a_read_only_game_says_why_it_cannot_change(make_app, std_deck):
    # the chart's title opens "Skift mål" on a game of one's own; on one open read-only the
    # dialog took a new target and closed without a change or a word
    app = make_app(std_deck, size=(1366, 768))
    open_held_save(app, std_deck, 0)
    board = app.top
    board.activate("target")
    app.step(0.02)
    assert app.top is board
    assert any("skrivebeskyttet" in text.lower() for text in app.toast_texts()), app.toast_texts()


def test_a_game_whose_window_stopped_without_closing_it_is_marked_interrupted(
    make_app, std_deck, tmp_path
):
    # after a crash the facilitator looks for the game to take up: the list said nothing of
    # which game was stopped in the middle of a round
    app = make_app(std_deck)
    path = saved_game(std_deck, app.game.save_dir)
    now = datetime.now().astimezone().isoformat(timespec="seconds")
    lost = time.time() - 5 * 3600  # a laptop's lock not refreshed for five hours: it stopped
    holder = LockHolder("LAPTOP-K7F2Q", 4242, "anne", now, now, lost, "abc123")
    lock = path.parent / f"{lock_prefix(path)}1"
    lock.write_bytes(holder.to_json())
    start = StartScene(app, seed=4)
    app.push(start)
    drawn = record_text(app)
    app.step(0.02)
    assert any("Bord 2 (afbrudt)" in t for t in drawn), drawn
    # a window that closed the game properly released it: nothing to say
    lock.write_bytes(dataclasses.replace(holder, released=True).to_json())
    start.saves.load(app.game.save_dir)
    drawn.clear()
    app.request_redraw()
    app.step(0.02)
    assert any(t.startswith("Bord 2") for t in drawn) and not any("afbrudt" in t for t in drawn)


def test_a_conflict_copy_of_a_game_open_elsewhere_is_not_played_beside_it(
    make_app, std_deck, tmp_path
):
    # a facilitator opened "Bord 1 (konfliktkopi …).json" while another window played the
    # original: "er en ældre udgave" with OK, and both windows played their own line of it
    import shutil

    from game.ui.opening import open_save

    app = make_app(std_deck)
    path = saved_game(std_deck, app.game.save_dir)
    copy = path.with_name("Bord 2 (konfliktkopi 2026-12-04).json")
    shutil.copyfile(path, copy)
    before = copy.read_bytes()
    hold_elsewhere(path)
    assert not open_save(app, copy)
    dialog = app.top
    assert dialog.name == "locked"
    assert "Samme spil er allerede åbent i et andet vindue" in dialog.body
    assert "i filen spil.json, som denne fil er en kopi af" in dialog.body
    key(app, pygame.K_RETURN)  # look at it: never written
    assert isinstance(app.top, BoardScene) and app.game.read_only
    assert not app.game.do(first_adoption(app))
    assert copy.read_bytes() == before


def test_plain_play_opens_the_start_screen_even_when_the_save_folder_cannot_be_used(
    windows, tmp_path
):
    # Before: "raaderum play" (the start file of the offline bundle) refused before any window
    # opened, with one line on a console the facilitator never sees; the start screen is the
    # one that says what is wrong and takes another folder
    blocked = blocked_folder(tmp_path)
    app = windows("--save-dir", str(blocked))
    start = app.find("start")
    assert start is not None
    assert start.folder_problem is not None and "kan ikke oprettes" in start.folder_problem


def test_with_a_folder_problem_every_other_button_still_answers_and_a_bad_path_keeps_focus(
    make_app, std_deck, tmp_path
):
    # the start screen with a save folder that cannot be used ignored every click but the
    # scenarios and the folder field; and after a path that still failed, the next letters
    # typed pressed the screen's keys ("p" opened Bord på papir)
    app, start = blocked_start(make_app, std_deck, tmp_path)
    app.step(0.02)
    assert start.folder_problem is not None
    field, _ = folder_rects(app, start.layout().resume_area)
    click(app, field.center)
    (tmp_path / "andet").mkdir()
    type_text(app, str(blocked_folder(tmp_path / "andet")))
    key(app, pygame.K_RETURN)
    assert start.folder_problem is not None and start.folder_field.focused
    type_text(app, "p")
    assert app.top is start and start.folder_field.text.endswith("p")
    key(app, pygame.K_ESCAPE)
    click(app, start.layout().help.center)
    assert app.top.name == "help"


def test_a_folder_that_cannot_be_written_says_how_many_games_it_holds(
    make_app, std_deck, tmp_path, monkeypatch
):
    # a write-protected USB stick of the tables' games looked empty: the folder's problem
    # took the list's place without a word of the games in it
    from game.saves.files import WriteFailed
    from game.ui import savelist

    folder = tmp_path / "usb"
    history = History.start(new_game(std_deck, "standard", 1))
    for n in (1, 2):
        write_save(folder / f"bord-{n}.json", std_deck, GameSettings("standard", n, None), history)
    refused = WriteFailed(folder, "der kan ikke skrives i mappen: ingen adgang", code="read_only")
    monkeypatch.setattr(savelist, "folder_problem", lambda _folder: refused)
    app = make_app(std_deck, size=(1366, 768))
    app.game.save_dir = folder
    start = StartScene(app, seed=4)
    app.push(start)
    app.step(0.02)
    assert start.folder_problem is not None
    assert start.folder_problem.endswith(
        "Mappen har 2 gemte spil; »Sammenlign borde« (S) kan stadig vise dem"
    ), start.folder_problem
