"""A paper table opened from the start screen's list is looked at, not played on; its sheet is
corrected on "Bord på papir" and replaces its save.

A host opened a paper table that stopped after round 2 and pressed Space, as one does to go
on: the window closed 2029 without an event, rolled factors for the table, and the save (and
the comparison) showed a lost table that never played that year.
"""

from __future__ import annotations

import pygame

from game.cli import main
from game.report.compare import compare_saves
from game.saves import read_save
from game.ui.scenes.paper import PaperScene
from game.ui.scenes.start import StartScene
from tests.ui.driver import click, key


def _stopped_paper_table(std_deck, folder):  # type: ignore[no-untyped-def]
    scenario = std_deck.scenario("intro")
    saving = next(p for p in scenario.proposals if std_deck.proposal(p).kind.value == "saving")
    events = [e for e in scenario.events if std_deck.event(e).rounds is None]
    args = ["enter", "--scenario", "intro", "--table", "Bord 7", "--save-dir", str(folder)]
    args += ["--adopt", f"{saving}@1", "--event", f"{events[0]}@1", "--event", f"{events[1]}@2"]
    assert main([*args, "--stopped-after", "2"]) == 0
    [path] = list(folder.glob("*.json"))
    return path, saving, events


def _open_from_list(make_app, std_deck):  # type: ignore[no-untyped-def]
    app = make_app(std_deck, size=(1024, 768))
    start = StartScene(app, seed=4)
    app.push(start)
    app.step(0.02)
    start.resume(0)
    app.step(0.02)
    return app


def test_a_paper_table_opened_from_the_list_is_not_played_on(make_app, std_deck, tmp_path):
    path, _, _ = _stopped_paper_table(std_deck, tmp_path / "saves")
    before = path.read_bytes()
    app = _open_from_list(make_app, std_deck)
    board = app.find("board")
    assert app.top is board and app.game.read_only
    assert board.banner_text().startswith("Bord på papir: her kan det ses, men ikke spilles")
    assert board.layout().banner is not None  # the band with its "Ret bordet (K)" button
    key(app, pygame.K_SPACE)  # a host's "go on"
    key(app, pygame.K_BACKSPACE)
    assert app.game.state.round == 2 and not app.game.state.finished
    assert path.read_bytes() == before
    assert any("Et bord på papir spilles ikke videre her" in t for t in app.toast_texts())
    [group] = compare_saves([tmp_path / "saves"])
    assert not group.tables[0].finished


def test_k_corrects_the_sheet_and_replaces_the_table_s_save(make_app, std_deck, tmp_path):
    path, saving, events = _stopped_paper_table(std_deck, tmp_path / "saves")
    app = _open_from_list(make_app, std_deck)
    key(app, pygame.K_k)
    scene = app.top
    assert isinstance(scene, PaperScene)
    # the sheet as it was entered: name, card, events, stopped after round 2
    assert scene.name_field.text == "Bord 7" and not scene.name_field.focused
    assert scene.adopted == {saving: 0}
    assert scene.drawn == {events[0]: 0, events[1]: 1}
    assert scene.played == 2
    # the table went on to 2029 after all, with a third event
    scene.set_stop(3)
    scene.toggle(scene.drawn, events[2], 2)
    click(app, scene.layout().save.center)
    assert not isinstance(app.top, PaperScene), scene.problems
    assert list((tmp_path / "saves").glob("*.json")) == [path]
    saved = read_save(path)
    assert saved.history.current.finished and saved.paper is not None
    assert [e.card for e in saved.history.current.events] == events[:3]
    # the board behind the message shows the corrected table, still only to be looked at
    assert app.game.read_only and app.game.state.finished
    [group] = compare_saves([tmp_path / "saves"])
    assert len(group.tables) == 1 and group.tables[0].finished


def test_the_menu_of_a_paper_table_offers_to_correct_it_not_to_change_the_target(
    make_app, std_deck, tmp_path
):
    _stopped_paper_table(std_deck, tmp_path / "saves")
    app = _open_from_list(make_app, std_deck)
    key(app, pygame.K_ESCAPE)
    labels = [label for label, _ in app.top.buttons]  # type: ignore[union-attr]
    assert "Ret bordet på papir" in labels
    assert "Skift mål" not in labels and "Start forfra (samme scenarie)" not in labels
    app.top.edit_paper()  # type: ignore[union-attr]
    assert isinstance(app.top, PaperScene)


def test_the_year_chart_under_the_band_keeps_its_labels_apart_at_1024x768(
    make_app, std_deck, tmp_path, monkeypatch
):
    # under the band the chart was 60 px high at 1024×768: the values and the bars ran
    # through "2027 · mål 3"
    from game.ui import charts
    from tests.ui.driver import record_chart_places

    _stopped_paper_table(std_deck, tmp_path / "saves")
    app = _open_from_list(make_app, std_deck)
    placed = record_chart_places(monkeypatch, charts)
    board = app.find("board")
    board.layers = type(board.layers)()
    app.request_redraw()
    app.step(0.02)
    years = [rect for text, rect in placed if "mål" in text]
    values = [rect for text, rect in placed if "mål" not in text]
    assert len(years) == 3 and values, placed
    assert not any(v.colliderect(y) for v in values for y in years), placed
    assert min(y.top for y in years) > max(v.bottom for v in values) + 4, placed


def test_correcting_a_sheet_keeps_the_factors_the_game_rolled_for_the_years_played(
    make_app, std_deck, tmp_path
):
    # a trial: renaming a paper table rolled its uncertain cards again (the seed follows from
    # the entries) and changed 2027 and 2028, which the table had played
    scenario = std_deck.scenario("intro")
    uncertain = [p for p in scenario.proposals if std_deck.proposal(p).is_uncertain][:2]
    events = [e for e in scenario.events if std_deck.event(e).rounds is None]
    folder = tmp_path / "saves"
    args = ["enter", "--scenario", "intro", "--table", "Bord 5", "--save-dir", str(folder)]
    for card in uncertain:
        args += ["--adopt", f"{card}@1"]
    args += ["--event", f"{events[0]}@1", "--event", f"{events[1]}@2", "--event", f"{events[2]}@3"]
    assert main(args) == 0
    [path] = list(folder.glob("*.json"))
    before = read_save(path).history.current
    app = _open_from_list(make_app, std_deck)
    assert not any("andet vindue" in text for text in app.toast_texts()), app.toast_texts()
    key(app, pygame.K_k)
    scene = app.top
    assert isinstance(scene, PaperScene)
    rolled = {a.card: a.factor for a in before.adopted if a.revealed}
    assert rolled and all(scene.factors.get(card) == f for card, f in rolled.items()), scene.factors
    key(app, pygame.K_ESCAPE)  # opened and left as it was: no "Bordet er ikke gemt"
    assert not isinstance(app.top, PaperScene), scene.problems
    key(app, pygame.K_k)
    scene = app.top
    scene.name_field.text = "Bord 6"  # a typo in the name, corrected
    click(app, scene.layout().save.center)
    after = read_save(path).history.current
    assert after.results == before.results
    assert not any("andet vindue" in text for text in app.toast_texts()), app.toast_texts()


def test_a_stopped_paper_table_is_shown_where_it_stopped_in_the_list_and_on_the_board(
    make_app, std_deck, tmp_path
):
    # a conference host: the list said "Bord 3 (papir) · Runde 3 af 3", and the board opened
    # as "Runde 3 af 3 · Budget 2029" with "Ingen hændelse", a chance of 0 % and seven cards
    # the table never had – on the projector, a table that lost a year it never played
    from tests.ui.driver import record_text

    _stopped_paper_table(std_deck, tmp_path / "saves")
    years = std_deck.scenario("intro").years
    app = make_app(std_deck, size=(1024, 768))
    start = StartScene(app, seed=4)
    drawn = record_text(app)
    app.push(start)
    app.step(0.02)
    assert any(t.startswith(f"Stoppede efter {years[1]} · ") for t in drawn), drawn
    assert not any(t.startswith("Runde 3 af 3") for t in drawn), drawn
    drawn.clear()
    start.resume(0)
    app.step(0.02)
    board = app.find("board")
    assert app.top is board and board.draws_stopped_table
    assert f"Bordet stoppede efter {years[1]}" in drawn, drawn
    assert not any(f"Budget {years[2]}" in t for t in drawn), drawn
