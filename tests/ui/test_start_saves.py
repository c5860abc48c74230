"""The start screen's saved games: seven unfinished games scroll (before, four were shown and
the rest could not be reached), every entry says what tells the games apart (the table's
name, the target, the round, the time, the scenario), finished games are listed (before: "Ingen
gemte spil endnu" when all were finished) and damaged files are listed with their reason."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.engine import History, new_game, scaled_targets
from game.engine.bots import greedy_policy
from game.numbers import format_target
from game.saves import GameSettings, new_save_path, read_save, write_save
from game.ui.savelist import entry_lines
from game.ui.scenes.board import BoardScene
from game.ui.scenes.start import StartScene
from tests.ui.driver import click, key, record_text, type_text


def played(deck, seed: int, decisions: int) -> History:
    history = History.start(new_game(deck, "standard", seed))
    generator = np.random.default_rng(seed)
    for _ in range(decisions):
        if history.current.finished:
            break
        history = history.do(greedy_policy(history.current, generator))
    return history


def save_games(deck, folder: Path, count: int, decisions: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        settings = GameSettings("standard", i, 40.0 + i, table=f"Bord {i + 1}")
        path = new_save_path(folder)
        write_save(path, deck, settings, played(deck, i, decisions + i))
        paths.append(path)
    return paths


def start_screen(app) -> tuple[StartScene, list[str]]:
    start = StartScene(app, seed=9)
    app.push(start)
    drawn = record_text(app)
    app.step(0.02)
    return start, drawn


def test_seven_unfinished_games_scroll_and_tell_themselves_apart(make_app, std_deck):
    app = make_app(std_deck, size=(1024, 768))
    paths = save_games(std_deck, app.game.save_dir, 7, 1)
    start, drawn = start_screen(app)
    area = start.layout().resume_area
    assert {entry.path for entry in start.saves.entries} == set(paths)
    shown = [i for _, _, i in start.saves.rows(area) if i is not None]
    assert 0 < len(shown) < 7 and shown[0] == 0  # the list starts at its first game
    assert "Bord 1 · mål 40 mio. kr." in drawn or any("mål 4" in t for t in drawn)
    heads = [t for t in drawn if t.startswith("Bord ") and " · mål " in t]
    assert len(set(heads)) == len(heads) == len(shown)  # no two entries look the same
    assert all("mål " in t and "mio. kr." in t for t in heads)
    assert any(t.startswith("Runde ") and " af 4 · " in t and "Standardspil" in t for t in drawn), (
        drawn
    )
    # the mouse wheel brings every game into sight
    seen = set(shown)
    for _ in range(10):
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
        app.step(0.02)
        seen |= {i for _, _, i in start.saves.rows(area) if i is not None}
    assert seen == set(range(7))
    # and a click opens the game clicked
    rect, _, index = next(row for row in start.saves.rows(area) if row[2] is not None)
    click(app, rect.center)
    assert isinstance(app.top, BoardScene)
    assert app.game.save_path == start.saves.entries[index].path


def test_only_finished_games_are_listed_for_their_result(make_app, std_deck):
    app = make_app(std_deck)
    save_games(std_deck, app.game.save_dir, 2, 200)
    start, drawn = start_screen(app)
    assert "Ingen gemte spil endnu." not in drawn
    assert len(start.saves.entries) == 2
    assert any(t.startswith("Færdigt (") for t in drawn)
    start.resume(0)
    assert app.game.state.finished
    app.step(0.02)
    assert app.top.name == "debrief"  # the result, the report and the comparison from there


def test_a_stored_result_is_not_reopened_by_one_stray_key(make_app, std_deck):
    # Before: opening a finished table to see its result, one Backspace took back its last
    # decision and rewrote the save as a game in progress ("i gang" in "Sammenlign borde").
    app = make_app(std_deck)
    save_games(std_deck, app.game.save_dir, 1, 200)
    start, _ = start_screen(app)
    start.resume(0)
    app.step(0.02)
    assert app.top.name == "debrief"
    path, finished = app.game.save_path, app.game.state
    key(app, pygame.K_BACKSPACE)
    assert app.top.name == "reopen" and "Spillet er slut" in app.top.body
    assert [label for label, _ in app.top.buttons] == [
        "Behold resultatet",
        "Fortryd og spil videre",
    ]
    click(app, app.top.layout().buttons[0].center)  # keep: nothing changed, nothing written
    assert app.top.name == "debrief" and app.game.state is finished
    assert read_save(path).history.current.finished
    key(app, pygame.K_z, pygame.KMOD_CTRL)
    click(app, app.top.layout().buttons[1].center)  # undo and play on, as chosen
    assert isinstance(app.top, BoardScene) and not app.game.state.finished
    assert not read_save(path).history.current.finished
    key(app, pygame.K_y, pygame.KMOD_CTRL)  # the game is the group's again: no more questions
    key(app, pygame.K_z, pygame.KMOD_CTRL)  # about the stored result – only the year's own
    assert app.game.state.finished and app.top.name == "reopen_year"
    click(app, app.top.layout().buttons[1].center)
    assert not app.game.state.finished and app.top.name != "reopen"
    # the Ctrl+Y made the year again as it was (the note taken back); reopened once more
    assert read_save(path).history.reopened == (finished.scenario.rounds - 1,)


def test_a_damaged_save_is_listed_with_its_reason(make_app, std_deck):
    app = make_app(std_deck)
    save_games(std_deck, app.game.save_dir, 1, 1)
    (app.game.save_dir / "spil-ødelagt.json").write_text("{ikke json", encoding="utf-8")
    start, drawn = start_screen(app)
    damaged = [e for e in start.saves.entries if e.damaged is not None]
    assert len(damaged) == 1
    assert "Kan ikke åbnes: spil-ødelagt.json" in drawn
    assert damaged[0].damaged.reason in drawn
    start.resume(start.saves.entries.index(damaged[0]))
    assert app.top.name == "message" and damaged[0].damaged.reason in app.top.body


def test_damaged_files_do_not_push_the_games_out_of_sight(make_app, std_deck):
    # Before: four cloud placeholders newer than every game filled the 1024×768 list, and
    # every game that could be played was under "7 mere – rul ned".
    app = make_app(std_deck, size=(1024, 768))
    games = save_games(std_deck, app.game.save_dir, 2, 1)
    later = time.time() + 60  # newer than every game
    for n in range(4):
        placeholder = app.game.save_dir / f"spil-sky-{n}.json"
        placeholder.write_bytes(b"")
        os.utime(placeholder, (later + n, later + n))
    start, _ = start_screen(app)
    kinds = ["damaged" if e.damaged is not None else "game" for e in start.saves.entries]
    # the newest damaged file stays on top (the game just played may be the one that broke)
    assert kinds == ["damaged", "game", "game", "damaged", "damaged", "damaged"]
    shown = [i for _, _, i in start.saves.rows(start.layout().resume_area) if i is not None]
    assert {start.saves.entries[i].path for i in shown} >= set(games)


def test_an_english_window_says_why_a_save_cannot_be_opened_in_english(make_app, std_deck):
    app = make_app(std_deck, lang="en")
    app.game.save_dir.mkdir(parents=True, exist_ok=True)
    (app.game.save_dir / "broken.json").write_text("{not json", encoding="utf-8")
    start, drawn = start_screen(app)
    damaged = [e.damaged for e in start.saves.entries if e.damaged is not None]
    assert len(damaged) == 1
    english = damaged[0].worded("en")
    assert english != damaged[0].reason  # the Danish reason is not what an English room reads
    assert english in drawn and damaged[0].reason not in drawn
    assert not any(letter in english for letter in "æøåÆØÅ")
    start.resume(0)
    assert app.top.name == "message" and english in app.top.body


def test_no_saved_games_says_so(make_app, std_deck):
    app = make_app(std_deck)
    _, drawn = start_screen(app)
    assert "Ingen gemte spil endnu." in drawn


def test_the_facilitator_names_the_table_and_the_save_keeps_it(make_app, std_deck):
    app = make_app(std_deck)
    start, _ = start_screen(app)
    click(app, start.layout().table_field.center)
    assert start.wants_text_input
    type_text(app, "Bord 3 – Ældreudvalget")
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, BoardScene)
    assert app.game.settings.table == "Bord 3 – Ældreudvalget"
    assert read_save(app.game.save_path).settings.table == "Bord 3 – Ældreudvalget"
    start, drawn = start_screen(app)
    assert any(t.startswith("Bord 3 – Ældreudvalget · mål 49 mio. kr.") for t in drawn)


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768)])
def test_a_cloud_drives_copies_of_a_game_are_one_row_that_opens_the_game_with_every_decision(
    make_app, std_deck, size
):
    app = make_app(std_deck, size=size)
    folder = app.game.save_dir
    folder.mkdir(parents=True, exist_ok=True)
    game = folder / "spil.json"
    settings = GameSettings("standard", 4, 40.0, table="Bord 4")
    write_save(game, std_deck, settings, played(std_deck, 4, 2))
    older = folder / "spil (conflicted copy 2026-11-28).json"
    shutil.copyfile(game, older)
    write_save(game, std_deck, settings, played(std_deck, 4, 6))
    data = json.loads(older.read_text(encoding="utf-8"))
    data["updated"] = "2030-01-01T09:00:00.000+01:00"  # the older copy was saved last
    older.write_text(json.dumps(data), encoding="utf-8")
    start, drawn = start_screen(app)
    assert [entry.path for entry in start.saves.entries] == [game]
    assert any("Bord 4" in t for t in drawn)
    # first on its line: at its end a 1024×768 row cut it to "· +…"
    assert any(t.startswith("+ 1 kopi af samme spil · Runde") for t in drawn), drawn
    rect, _, _ = next(row for row in start.saves.rows(start.layout().resume_area) if row[2] == 0)
    click(app, rect.center)
    assert isinstance(app.top, BoardScene)
    assert app.game.save_path == game
    assert len(app.game.history.actions) == 6


def test_the_saved_games_are_reached_and_opened_with_the_keyboard(make_app, std_deck):
    # Before, ↑/↓ changed the scenario and Enter started a new game: a saved game could only
    # be continued with the mouse.
    app = make_app(std_deck, size=(1024, 768))
    save_games(std_deck, app.game.save_dir, 3, 1)
    start, _ = start_screen(app)
    for _ in range(5):  # the table's name, the target, the timer, the deck path, the list
        key(app, pygame.K_TAB)
    assert start.saves.selected == 0 and not start.wants_text_input
    key(app, pygame.K_DOWN)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_UP)
    assert start.saves.selected == 1
    wanted = start.saves.entries[1].path
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, BoardScene)
    assert app.game.save_path == wanted


def test_a_briefing_longer_than_its_panel_is_read_whole_with_b_or_a_click(make_app, std_deck):
    # before, at 1024×768 the briefing stopped at "… og hver vedtagelse trætter…" with no way
    # to read the rest before the game
    from game.ui.scenes.message import MessageScene
    from tests.ui.driver import click, key

    app = make_app(std_deck, size=(1024, 768))
    start, drawn = start_screen(app)
    assert "Hele oplægget: klik her, eller tryk B" in drawn
    key(app, pygame.K_b)
    dialog = app.top
    assert isinstance(dialog, MessageScene) and dialog.body == start.scenario.briefing
    key(app, pygame.K_ESCAPE)
    assert app.top is start
    click(app, start.layout().briefing.center)
    assert isinstance(app.top, MessageScene)


def test_the_letter_keys_work_from_the_target_and_the_timer(make_app, std_deck):
    # a facilitator typed the round timer and pressed B to read the briefing aloud, as the
    # docs say: the timer read "1b", and the game would not start
    from game.ui.scenes.message import MessageScene

    app = make_app(std_deck, size=(1366, 768))
    start, _ = start_screen(app)
    click(app, start.layout().timer_field.center)
    assert start.timer.focused
    type_text(app, "1")
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_b, mod=0, unicode="b"))
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="b"))  # as SDL sends it
    app.step(0.02)
    assert isinstance(app.top, MessageScene) and app.top.body == start.scenario.briefing
    key(app, pygame.K_ESCAPE)
    assert app.top is start and start.timer.text == "1" and not start.timer.focused
    # the target as well; in the table's name a B is a letter of the name
    click(app, start.layout().target_field.center)
    key(app, pygame.K_s)
    assert app.top is not start  # "Sammenlign borde"
    key(app, pygame.K_ESCAPE)
    click(app, start.layout().table_field.center)
    key(app, pygame.K_b, unicode="b")
    type_text(app, "b")
    assert app.top is start and start.table_field.text.endswith("b")
    key(app, pygame.K_RETURN)
    assert start.timer.value == 1.0


def test_an_eight_year_plan_is_a_budget_year_three_overslagsaar_and_more(make_app, std_deck):
    # a budget has three overslagsår; "budgetår og 7 overslagsår" was wrong for eight years
    app = make_app(std_deck, size=(1366, 768))
    start, _ = start_screen(app)
    drawn = record_text(app)
    start.choose([s.id for s in std_deck.scenarios].index("lang-horisont"))
    app.request_redraw()
    app.step(0.02)
    assert any("8 år: budgetår, 3 overslagsår og 4 år mere" in text for text in drawn), drawn
    start.choose(0)
    app.request_redraw()
    app.step(0.02)
    assert any("4 år: budgetår og 3 overslagsår" in text for text in drawn)
    # … and a shorter one takes the first of them: "budgetår og 2 overslagsår" read to a
    # finance consultant as a budget with two
    start.choose([s.id for s in std_deck.scenarios].index("intro"))
    app.request_redraw()
    app.step(0.02)
    assert any("3 år: budgetåret og de 2 første overslagsår" in text for text in drawn), drawn


def test_help_opened_on_the_start_screen_lists_the_start_screens_keys(make_app, std_deck):
    # before, it listed the board's keys (1–9, O, Space …), none of which work there
    from tests.ui.driver import key

    app = make_app(std_deck, size=(1366, 768))
    start_screen(app)
    drawn = record_text(app)
    key(app, pygame.K_h)
    app.step(0.02)
    for words in ("Vælg scenarie", "Hele oplægget", "Bord på papir", "Start spillet"):
        assert words in drawn, words
    assert "Afslut året" not in drawn


def test_after_a_damaged_saves_message_the_keys_still_choose_saved_games(make_app, std_deck):
    # A conference host on a presenter remote: Enter on "Kan ikke åbnes", Enter on OK – and
    # the next ↓ changed the scenario, and Enter started a new, empty game in the list.
    app = make_app(std_deck, size=(1024, 768))
    save_games(std_deck, app.game.save_dir, 2, 1)
    (app.game.save_dir / "spil (2).json").write_text('{"format": "raade', encoding="utf-8")
    start, _ = start_screen(app)
    damaged = next(i for i, e in enumerate(start.saves.entries) if e.damaged is not None)
    for _ in range(5):  # the table's name, the target, the timer, the deck path, the list
        key(app, pygame.K_TAB)
    for _ in range(damaged):
        key(app, pygame.K_DOWN)
    assert start.saves.selected == damaged
    key(app, pygame.K_RETURN)
    assert app.top.name == "message"
    key(app, pygame.K_RETURN)  # OK
    assert app.top is start and start.saves.selected == damaged
    scenario = start.scenario.id
    files = sorted(app.game.save_dir.iterdir())
    step = pygame.K_UP if damaged else pygame.K_DOWN
    key(app, step)
    assert start.scenario.id == scenario and start.saves.selected != damaged
    wanted = start.saves.entries[start.saves.selected].path
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, BoardScene) and app.game.save_path == wanted
    assert sorted(p for p in app.game.save_dir.iterdir() if p.suffix == ".json") == [
        p for p in files if p.suffix == ".json"
    ]


def test_a_game_continued_in_a_copy_is_marked_as_a_copy_in_the_first_line(make_app, std_deck):
    # Two windows on one save: the second continued in a copy, and the list showed two
    # identical "Bord 1 · mål … mio. kr." rows; at 800×600 only the first line is whole
    from game.saves.store import copy_save

    app = make_app(std_deck, size=(800, 600))
    original = save_games(std_deck, app.game.save_dir, 1, 2)[0]
    copy = copy_save(original)
    start, drawn = start_screen(app)
    heads = {
        entry.info.path: line
        for entry in start.saves.entries
        if entry.info is not None
        for line in [entry_lines(app, entry)[0]]
    }
    assert heads[copy] == heads[original].replace("Bord 1", "Bord 1 (kopi)", 1)
    assert "(kopi)" not in heads[original]
    assert heads[copy] in drawn


def test_a_new_game_offers_the_scenario_and_target_the_tables_have_been_playing(make_app, std_deck):
    # at a citizen conference every table plays "borgermoede"; the start screen offered the
    # standard scenario with its X after every game, so a table could play the wrong one
    app = make_app(std_deck, size=(1024, 768))
    folder = app.game.save_dir
    folder.mkdir(parents=True, exist_ok=True)
    settings = GameSettings("borgermoede", 5, 30.0, table="Bord 2")
    history = History.start(new_game(std_deck, "borgermoede", 5, 30.0))
    write_save(new_save_path(folder), std_deck, settings, history)
    start, _ = start_screen(app)
    assert start.scenario.id == "borgermoede"
    assert start.target.value == 30.0
    # after a game ("Nyt spil"): the scenario and X of the game just played
    app.scenes.clear()
    app.game.history = History.start(new_game(std_deck, "krise", 3, 33.0))
    start, _ = start_screen(app)
    assert start.scenario.id == "krise" and start.target.value == 33.0
    # a target the facilitator changed for this table mid-game (to 20) is not the next
    # table's: the X the game began with is offered
    from game.engine import SetTarget

    app.scenes.clear()
    app.game.history = app.game.history.do(SetTarget(20.0))
    assert app.game.state.targets[-1] == 20.0
    start, _ = start_screen(app)
    assert start.scenario.id == "krise" and start.target.value == 33.0
    # … and a new window offers the same: it offered the newest save's changed 20, where
    # "Nyt spil" offered 33 (a facilitator saw two targets for the same next table)
    write_save(new_save_path(folder), std_deck, GameSettings("krise", 3, 33.0), app.game.history)
    fresh = make_app(std_deck, size=(1024, 768))
    start, _ = start_screen(fresh)
    assert start.scenario.id == "krise" and start.target.value == 33.0


def test_a_first_start_offers_the_decks_first_scenario(make_app, std_deck):
    app = make_app(std_deck, size=(1024, 768))
    start, _ = start_screen(app)
    assert start.scenario.id == std_deck.scenarios[0].id
    assert start.target.value == std_deck.scenarios[0].target[-1]


def test_a_typed_target_shows_the_targets_it_gives_year_by_year(make_app, std_deck):
    # the start screen showed the scenario's own "(scenariet: 3/10/23/49)" and dropped it as
    # soon as X was changed: the facilitator never saw what the group would be asked for
    app = make_app(std_deck, size=(1366, 768))
    start, drawn = start_screen(app)
    own = "/".join(f"{t:g}" for t in start.scenario.target)
    assert any(f"(scenariet: {own})" in text for text in drawn)
    click(app, start.layout().target_field.center)
    type_text(app, "60")
    # with the decimals the game counts (3,67, not 3,7 beside "Jeres mål 3,67"; the printed
    # sheet says 3,67 too)
    years = "/".join(format_target(t, "da") for t in scaled_targets(start.scenario.target, 60.0))
    assert years == "3,67/12,24/28,16/60"
    assert any(f"(år for år: {years})" in text for text in drawn), drawn
    # … and in the scenario's line ("Jeres mål …") with the same figures
    assert any(f"Jeres mål {years}" in text for text in drawn), drawn
    assert not any("3,7/12,2/28,2/60" in text for text in drawn), drawn


def test_the_comparison_is_reached_from_the_start_screen(make_app, std_deck):
    # a conference host had to open a finished game to reach "Sammenlign borde" from its menu
    from game.ui.scenes.compare import CompareScene

    app = make_app(std_deck, size=(1024, 768))
    save_games(std_deck, app.game.save_dir, 2, 1)
    start, drawn = start_screen(app)
    assert "Sammenlign borde (S)" in drawn and "Gemte spil" in drawn
    click(app, start.compare_button(start.layout()).center)
    assert isinstance(app.top, CompareScene) and app.top.folder == app.game.save_dir
    key(app, pygame.K_ESCAPE)
    assert app.top is start
    key(app, pygame.K_s)
    assert isinstance(app.top, CompareScene)


def test_esc_on_the_start_screen_offers_to_close_the_game(make_app, std_deck):
    # a facilitator in fullscreen on a projector had no way out of the start screen: Esc did
    # nothing and there is no close button
    from game.ui.scenes.saving import CloseScene

    app = make_app(std_deck, size=(1024, 768))
    start, _ = start_screen(app)
    click(app, start.layout().target_field.center)  # in the target field Esc leaves the field
    key(app, pygame.K_ESCAPE)
    assert app.top is start and not start.target.focused
    key(app, pygame.K_ESCAPE)
    dialog = app.top
    assert isinstance(dialog, CloseScene) and dialog.title == "Luk Råderumsspillet?"
    key(app, pygame.K_ESCAPE)  # back: nothing closed
    assert app.top is start and app.running
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, CloseScene)
    key(app, pygame.K_RETURN)  # "Luk spillet", the first button
    assert not app.running


def test_a_saved_game_typed_into_the_deck_field_is_opened(make_app, std_deck, tmp_path):
    # a save mailed to the facilitator, pasted where a deck goes, was read as a deck:
    # "dækket har intet scenarie … ukendt felt 'format'"
    app = make_app(std_deck, size=(1024, 768))
    [mailed] = save_games(std_deck, tmp_path / "fra mailen", 1, 3)
    start, _ = start_screen(app)
    for _ in range(4):  # the table's name, the target, the timer, the deck path
        key(app, pygame.K_TAB)
    assert start.path_field.focused
    type_text(app, f'"{mailed}"')
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, BoardScene), start.deck_problems
    assert app.game.save_path == mailed
    assert app.game.state == read_save(mailed).history.current


def test_a_copy_that_went_its_own_way_says_so_in_its_first_line(make_app, std_deck, tmp_path):
    # a trial: two rows both read "Bord 2 · mål 25 mio. kr. · Runde 1 af 3 · … kl. 16:31", and
    # the line that told them apart was cut off at the end of the second line
    from game.engine import Adopt, History, new_game
    from game.saves import GameSettings, new_save_path, write_save
    from game.ui.savelist import entry_lines
    from game.ui.scenes.start import StartScene

    start = History.start(new_game(std_deck, "intro", 8))
    market = start.current.market
    first = start.do(Adopt(market[0]))
    ours = first.do(Adopt(market[1]))
    theirs = first.do(Adopt(market[2])).do(Adopt(market[3]))
    folder = tmp_path / "saves"
    path = new_save_path(folder)
    settings = GameSettings("intro", 8, None, table="Bord 2")
    write_save(path, std_deck, settings, ours, game_id="c" * 32)
    write_save(
        path.with_name(f"{path.stem}-DESKTOP-AB12.json"),
        std_deck,
        settings,
        theirs,
        game_id="c" * 32,
    )
    app = make_app(std_deck, size=(1093, 614))
    screen = StartScene(app, seed=4)
    app.push(screen)
    app.step(0.02)
    heads = [entry_lines(app, entry) for entry in screen.saves.entries]
    assert len(heads) == 2
    assert sum("(egen udgave fra beslutning 2)" in head for head, _ in heads) == 1, heads
    branch = next(detail for head, detail in heads if "egen udgave" in head)
    # which version has more decisions, first: "samme spil som spil-…json, men anderledes
    # fra besl…" was cut at every size, and neither entry gave its count
    assert branch.startswith("2 beslutninger · Runde 1 af 3"), branch
    main_head, main_detail = next((h, d) for h, d in heads if "egen udgave" not in h)
    assert "(2 udgaver)" in main_head and main_detail.startswith("3 beslutninger · "), heads


def test_two_games_of_one_table_saved_in_the_same_minute_read_differently(make_app, std_deck):
    # a trial: two games of "Bord 3", started twice by mistake, were two identical rows
    # ("Bord 3 · mål 40 mio. kr." / "Runde 1 af 4 · 04.12.2026 kl. 10:15 · …"): which to go on?
    app = make_app(std_deck, size=(1024, 768))
    folder = app.game.save_dir
    folder.mkdir(parents=True, exist_ok=True)
    saved = {
        "a.json": (5, 1, "2026-12-04T10:15:07.000+01:00"),
        "b.json": (6, 2, "2026-12-04T10:15:41.000+01:00"),
        "c.json": (7, 1, "2026-12-04T10:15:07.000+01:00"),
        "other.json": (8, 1, "2026-12-04T10:15:07.000+01:00"),
    }
    for name, (seed, decisions, updated) in saved.items():
        table = "Bord 4" if name == "other.json" else "Bord 3"
        settings = GameSettings("standard", seed, 40.0, table=table)
        write_save(folder / name, std_deck, settings, played(std_deck, seed, decisions))
        data = json.loads((folder / name).read_text(encoding="utf-8"))
        data["updated"] = updated
        (folder / name).write_text(json.dumps(data), encoding="utf-8")
    start, _ = start_screen(app)
    lines = {e.path.name: entry_lines(app, e) for e in start.saves.entries}
    assert len(set(lines.values())) == 4, lines  # no two rows alike
    assert lines["b.json"][1].startswith("2 beslutninger · Runde 1 af 4 · 04.12.2026 kl. 10:15:41")
    # a and c: one decision each, saved in the same second – the file's name tells them apart
    assert lines["a.json"][1].startswith("a.json · 1 beslutning · Runde 1 af 4")
    assert lines["c.json"][1].startswith("c.json · 1 beslutning · ")
    # a row that reads like no other keeps its short line
    assert lines["other.json"][1].startswith("Runde 1 af 4 · 04.12.2026 kl. 10:15 · "), lines


@pytest.mark.parametrize("decisions", [6, 200])  # a game in progress, and a finished one
def test_a_row_of_copies_keeps_the_time_of_day_at_1024(make_app, std_deck, decisions):
    # at 1024×768 "+ 3 kopier af samme spil · Runde 2 af 4 · 05.12.2026 kl. 02:…" lost the
    # time, which tells the games apart: a line too wide drops the year of the date first
    from game.ui.savelist import entry_lines

    app = make_app(std_deck, size=(1024, 768))
    folder = app.game.save_dir
    folder.mkdir(parents=True, exist_ok=True)
    game = folder / "spil.json"
    write_save(
        game,
        std_deck,
        GameSettings("standard", 4, 40.0, table="Byrådet"),
        played(std_deck, 4, decisions),
    )
    for name in (
        "spil-LAPTOP-7F3K2.json",
        "spil (1).json",
        "spil (Kari Hansens konfliktkopi).json",
    ):
        shutil.copyfile(game, folder / name)
    start, drawn = start_screen(app)
    [entry] = start.saves.entries
    stamp = read_save(game).updated
    clock = f"kl. {stamp[11:16]}"
    _, full = entry_lines(app, entry)
    assert full.startswith("+ 3 kopier af samme spil · ") and stamp[:4] in full
    line = next(t for t in drawn if t.startswith("+ 3 kopier af samme spil"))
    assert clock in line and not line.endswith("…"), line
    # a row wide enough keeps the whole date
    _, wide = entry_lines(app, entry, lambda text: True)
    assert wide == full


def test_a_game_the_kiosk_played_is_listed_as_the_robots(make_app, std_deck):
    # the kiosk's games stood in the list as "Bord uden navn", like a group's
    app = make_app(std_deck, size=(1366, 768))
    folder = app.game.save_dir
    folder.mkdir(parents=True, exist_ok=True)
    settings = GameSettings("standard", 4, 40.0, robot="planner")
    write_save(folder / "spil.json", std_deck, settings, played(std_deck, 4, 3))
    _, drawn = start_screen(app)
    assert any(t.startswith("Bord uden navn (robotten)") for t in drawn), drawn


def test_a_deck_with_more_problems_than_the_panel_holds_says_how_many_more(make_app, std_deck):
    # a deck with eight problems showed three and a half, with no word of the rest
    app = make_app(std_deck, size=(1024, 768))
    start = StartScene(app, seed=9)
    app.push(start)
    start.deck_problems = [f"dæk.yaml:{n}: 'effect' skal være en liste af tal" for n in range(30)]
    drawn = record_text(app)
    app.request_redraw()
    app.step(0.02)
    text = "\n".join(drawn)
    shown = text.count("skal være en liste af tal")
    assert 0 < shown < 30, text
    assert f"… og {30 - shown} problemer mere: raaderum validate viser dem alle" in text, text


def _typed_in(make_app, std_deck, field: str, typed: str):  # type: ignore[no-untyped-def]
    """A start screen at 1366×768 with ``typed`` in its ``field`` (a StartLayout name)."""
    app = make_app(std_deck, size=(1366, 768))
    start = StartScene(app, seed=4)
    app.push(start)
    app.step(0.02)
    click(app, getattr(start.layout(), field).center)
    type_text(app, typed)
    return app, start


def _typed_and_started(make_app, std_deck, field: str, typed: str):  # type: ignore[no-untyped-def]
    app, start = _typed_in(make_app, std_deck, field, typed)
    click(app, start.layout().start.center)
    return app, start


@pytest.mark.parametrize("typed", ["1.000", "0,05", "-5", "15 min"])
def test_a_round_timer_the_game_cannot_save_is_refused_on_the_start_screen(
    make_app, std_deck, typed
):
    # "1.000" minutes started a game that could never be saved: the banner asked for a USB
    # stick, that failed too, and closing lost the table's session
    app, start = _typed_and_started(make_app, std_deck, "timer_field", typed)
    assert app.top is start and app.game.history is None
    assert any(
        f"Rundeuret »{typed}« kan ikke læses som et antal minutter mellem 0,1 og 600" in text
        for text in app.toast_texts()
    ), app.toast_texts()


def test_a_round_timer_of_minutes_starts_the_game_with_it(make_app, std_deck):
    app, start = _typed_and_started(make_app, std_deck, "timer_field", "7,5")
    assert app.top is not start and app.game.settings.timer_minutes == 7.5


@pytest.mark.parametrize("typed", ["-3", "12½", "4,5e1"])
def test_a_target_with_a_character_that_makes_no_number_is_refused_not_misread(
    make_app, std_deck, typed
):
    # "-3" was read as 3, "12½" as 12 and "4,5e1" as 4,51: the field dropped what it did
    # not take, and the game started on another number than the one typed
    app, start = _typed_and_started(make_app, std_deck, "target_field", typed)
    assert app.top is start and app.game.history is None
    assert any(f"Målet »{typed}« kan ikke læses" in text for text in app.toast_texts())


def test_a_click_in_the_target_field_keeps_the_typed_x(make_app, std_deck):
    # a stray click in the field emptied it, and the game started on the scenario's 49
    # instead of the facilitator's 12,5, without a word
    app, start = _typed_in(make_app, std_deck, "target_field", "12,5")
    click(app, start.layout().table_field.center)
    click(app, start.layout().target_field.center)
    click(app, start.layout().start.center)
    assert app.game.state is not None and app.game.state.targets[-1] == 12.5
    # typing after the click replaces the number, as in a selected field
    app2, start2 = _typed_in(make_app, std_deck, "target_field", "30")
    click(app2, start2.layout().target_field.center)
    type_text(app2, "45")
    assert start2.target.value == 45


def test_a_target_that_is_no_number_shows_no_targets_it_would_give(make_app, std_deck):
    # "-3" showed "(år for år: −0,18/−0,61/−1,41/−3)" beside the refusal Start gave
    app, _start = _typed_in(make_app, std_deck, "target_field", "-3")
    drawn = record_text(app)
    app.request_redraw()
    app.step(0.02)
    assert any("(ikke et mål – skriv fx 45 eller 12,5)" in text for text in drawn), drawn
    assert not any("år for år" in text or "Jeres mål" in text for text in drawn), drawn


def test_a_character_the_screen_cannot_show_is_left_out_of_a_name_with_a_word(make_app, std_deck):
    # "Bord 3 – Søndervang 😀" showed an empty box in the field, the emoji vanished on every
    # other screen ("Søndervang  er gemt"), and the save and the HTML kept it
    from game.content.glyphs import drawable

    app = make_app(std_deck, size=(1366, 768))
    start, _ = start_screen(app)
    click(app, start.layout().table_field.center)
    type_text(app, "Bord 3 – Søndervang 😀")
    assert start.table_field.text == "Bord 3 – Søndervang "
    assert "Et tegn, skærmen ikke kan vise (fx en emoji), kom ikke med" in app.toast_texts()
    type_text(app, "🌳🌳 ok")
    assert start.table_field.text == "Bord 3 – Søndervang  ok"
    assert "2 tegn, skærmen ikke kan vise (fx emojier), kom ikke med" in app.toast_texts()
    # a name entered elsewhere (raaderum enter) is drawn without the gap where it stood
    assert drawable("Bord 7 · Ærø 🌳 Skovhøj") == "Bord 7 · Ærø Skovhøj"
