"""Bord på papir: from the start screen, the facilitator enters a paper table by clicking the
round of each adopted proposal and drawn event, and saves it as a game marked as paper."""

from __future__ import annotations

import pygame
import pytest

from game.engine import Kind, verdict
from game.engine.ledger import fatigue_of
from game.messages import catalogue
from game.report.compare import compare_saves
from game.saves import read_save
from game.ui.scenes.paper import PaperScene, chips, paper_layout
from game.ui.scenes.start import StartScene
from tests.ui.driver import (
    click,
    key,
    record_drawn_cut,
    record_text,
    start_screen_with_target,
    type_text,
)


def shown(app):  # type: ignore[no-untyped-def]
    """The saved table's result: a message that stays until the host closes it."""
    top = app.top
    return [top.full] if getattr(top, "name", "") == "message" else []


def _open(make_app, deck, size=(1366, 768), scenario="intro"):
    """The "Bord på papir" screen of ``scenario``, opened from the start screen."""
    app = make_app(deck, size=size)
    start = StartScene(app, seed=4)
    app.push(start)
    app.step(0.02)
    start.choose([s.id for s in deck.scenarios].index(scenario))
    click(app, start.paper_button(start.layout()).center)
    scene = app.top
    assert isinstance(scene, PaperScene)
    assert scene.scenario.id == scenario
    return app, scene


def _open_named(make_app, deck, name: str):
    """The screen with the table's name typed in."""
    app, scene = _open(make_app, deck)
    click(app, scene.layout().name.center)
    type_text(app, name)
    key(app, pygame.K_RETURN)
    return app, scene


def _chip(scene: PaperScene, which: str, item_id: str, round_index: int) -> tuple[int, int]:
    layout = scene.layout()
    rows = layout.cards if which == "cards" else layout.events
    ids = list(scene.scenario.proposals if which == "cards" else scene.scenario.events)
    row = rows[ids.index(item_id) - scene.offsets[which]]
    return chips(row, scene.scenario.rounds, layout.chip)[round_index].center


def test_a_paper_table_entered_on_screen_is_saved_as_paper(make_app, std_deck, tmp_path):
    app, scene = _open_named(make_app, std_deck, "Bord 7")
    saving = next(p for p in scene.scenario.proposals if std_deck.proposal(p).kind is Kind.SAVING)
    events = [e for e in scene.scenario.events if std_deck.event(e).rounds is None][:2]
    click(app, _chip(scene, "cards", saving, 0))
    click(app, _chip(scene, "events", events[0], 0))
    click(app, _chip(scene, "events", events[1], 1))
    click(app, _chip(scene, "events", events[1], 1))  # a second click takes it back …
    assert events[1] not in scene.drawn
    click(app, _chip(scene, "events", events[1], 1))  # … and a third sets it again
    drawn = record_text(app)
    click(app, scene.layout().save.center)
    # round 3 has no event: asked about first (before, it was saved as "no event" unasked)
    assert app.top is scene and not list((tmp_path / "saves").glob("*.json"))
    assert any("Der er ingen hændelse i runde 3." in text for text in drawn), drawn
    click(app, scene.layout().save.center)  # the table drew none: save it as it is
    assert app.top is not scene, scene.problems
    saves = list((tmp_path / "saves").glob("*.json"))
    assert len(saves) == 1
    saved = read_save(saves[0])
    assert saved.table == "Bord 7"
    assert [(a.card, a.round) for a in saved.history.current.adopted] == [(saving, 0)]
    assert [e.card for e in saved.history.current.events] == events
    assert any("Bord 7" in text for text in shown(app))
    # the result, to hold against the table's own ledger: the years it missed (before: the
    # last year's figures, also when the table had met that year and lost on an earlier one)
    outcome = verdict(saved.history.current)
    assert not outcome.won and outcome.missed_years
    said = next(text for text in shown(app) if "Bord 7" in text)
    assert "Bord 7 er gemt i " in said and " – tabt. " in said, said
    missed = catalogue("da").join(list(outcome.missed_years))
    assert f"Målet blev ikke nået i {missed}." in said, said
    group = compare_saves([tmp_path / "saves"])[0]
    assert [t.table for t in group.tables] == ["Bord 7"]


def test_an_event_clicked_after_the_question_is_saved_with_the_table(make_app, std_deck, tmp_path):
    app, scene = _open_named(make_app, std_deck, "Bord 2")
    events = [e for e in scene.scenario.events if std_deck.event(e).rounds is None][:3]
    for round_index, event in enumerate(events[:2]):
        click(app, _chip(scene, "events", event, round_index))
    click(app, scene.layout().save.center)
    assert app.top is scene and "runde 3" in scene.problems[0]
    click(app, _chip(scene, "events", events[2], 2))  # the facilitator finds the third card
    assert scene.problems == []
    click(app, scene.layout().save.center)
    assert app.top is not scene
    saved = read_save(next((tmp_path / "saves").glob("*.json")))
    assert [(e.card, e.round) for e in saved.history.current.events] == [
        (event, i) for i, event in enumerate(events)
    ]


def test_what_the_rules_refuse_is_shown_and_nothing_is_saved(make_app, std_deck, tmp_path):
    app, scene = _open(make_app, std_deck)
    click(app, scene.layout().save.center)
    assert scene.problems == ["Skriv bordets navn, før bordet gemmes (fx Bord 3)."]
    click(app, scene.layout().name.center)
    type_text(app, "Bord 8")
    key(app, pygame.K_RETURN)
    # cards in the first year until their belastning and træthed pass the capacity
    chosen: list[str] = []
    for card in scene.scenario.proposals:
        proposal = std_deck.proposal(card)
        if proposal.requires or proposal.excludes:
            continue
        chosen.append(card)
        needed = sum(std_deck.proposal(c).load + fatigue_of(std_deck.proposal(c)) for c in chosen)
        if needed > scene.scenario.capacity:
            break
    assert needed > scene.scenario.capacity
    for card in chosen:
        click(app, _chip(scene, "cards", card, 0))
    click(app, scene.layout().save.center)
    assert app.top is scene
    # sentences on the screen start with a capital; then what to check on the sheet
    assert scene.problems[0].startswith("Runde 1: forslaget "), scene.problems
    assert "kapacitet" in scene.problems[0]
    assert scene.problems[1].startswith("Tjek arket: i runde 1 (2027) er der tastet ")
    assert not list((tmp_path / "saves").glob("*.json"))
    key(app, pygame.K_ESCAPE)  # the entries are not saved: said first …
    assert app.top is scene
    key(app, pygame.K_ESCAPE)  # … and discarded the second time
    assert app.top is not scene


def test_the_lists_fit_the_window_and_scroll(make_app, std_deck):
    for size in ((1024, 768), (1366, 768), (3840, 2160)):
        layout = paper_layout(*size)
        assert layout.cards and layout.events
        assert layout.cards[-1].bottom < layout.status.y <= layout.save.y
        assert layout.events[0].x > layout.cards[0].right
    # the standard game's 25 proposals on a page of fewer rows: the wheel scrolls them, also
    # while the screen's cursor is in the table's name (it did nothing until a click elsewhere)
    app, scene = _open(make_app, std_deck, (1024, 768), "standard")
    assert scene.name_field.focused
    assert len(scene.scenario.proposals) > len(scene.layout().cards)
    pygame.mouse.set_pos(scene.layout().cards[0].center)
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-3))
    app.step(0.02)
    assert scene.offsets["cards"] == 3 and scene.name_field.focused


def test_the_borgermoede_events_are_shown_whole_at_1600x900(make_app, std_deck):
    # "dut-underkompensation · Lovændring koster mere end kompensatio…": the event rows kept
    # room for a kind's icon that an event does not have
    app, _ = _open(make_app, std_deck, (1600, 900), "borgermoede")
    cut = record_drawn_cut(app)
    app.request_redraw()
    app.step(0.02)
    assert not [text for text in cut if "·" in text], cut


def test_every_row_is_whole_at_1024x768_on_two_lines_where_one_would_cut_it(make_app, std_deck):
    # the standard game's four rounds of chips cut nearly every row at 1024×768: "akutteam
    # · Tæt opfølgning efter udskri…"
    app, scene = _open(make_app, std_deck, (1024, 768), "standard")
    layout = scene.layout()
    assert layout.two_lines == (True, True) and layout.cards[0].height > layout.chip + 6
    cut = record_drawn_cut(app)
    seen: list[str] = []
    drawn = record_text(app)
    for _ in range(4):  # every row, page by page
        app.request_redraw()
        app.step(0.02)
        seen += [text for text in drawn if "  ·  " in text or "\n" in text]
        scene.offsets["cards"] += len(layout.cards)
        scene.offsets["events"] += len(layout.events)
    assert len(set(seen)) == len(scene.scenario.proposals) + len(scene.scenario.events)
    # what is drawn is whole (a form tried may be cut), but for a title wider than its row
    size = app.scale.min_text
    label = scene._label(layout.cards[0], std_deck.proposal("akutteam"), True, layout.chip)
    wider = {t for t in seen if app.text.width(t.split("  ·  ")[-1], size) > label.width}
    assert not (set(cut) & set(seen)) - wider, cut
    # a round's chip is still clicked where it is drawn, at one line's size
    scene.offsets["cards"] = 0
    click(app, _chip(scene, "cards", scene.scenario.proposals[0], 3))
    assert scene.adopted == {scene.scenario.proposals[0]: 3}
    # where one line holds the words, the rows stay one line high
    assert paper_layout(1366, 768).two_lines == (False, False)


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768), (1600, 900)])
@pytest.mark.parametrize("scenario", ["intro", "standard", "borgermoede"])
def test_a_rows_factor_chip_does_not_cut_its_words(make_app, std_deck, size, scenario):
    # an adopted uncertain card's "×?" took the room its one-line row had measured for its
    # words: a row read whole until the card was clicked, then "Velfærdsteknologi i ældrepl…"
    app, scene = _open(make_app, std_deck, size, scenario)
    layout = scene.layout()
    ids = list(scene.scenario.proposals)
    shown = [p for p in ids[: len(layout.cards)] if std_deck.proposal(p).is_uncertain]
    assert shown

    def cut_rows() -> set[str]:
        cut = record_drawn_cut(app)
        app.request_redraw()
        app.step(0.02)
        return {t for t in cut if t.split("  ·  ")[0].split("\n")[0] in ids}

    before = cut_rows()
    for card in shown:  # each in round 1: its gains fall in the years played
        click(app, _chip(scene, "cards", card, 0))
    drawn = record_text(app)
    after = cut_rows()
    assert "×?" in drawn and set(shown) <= set(scene.adopted)
    # where two-line rows hold the whole list on one page, no click cuts a row (a list that
    # would need pages keeps one line and may cut a row or two, as for any long title)
    two = paper_layout(*size, scene._measured[1], (True, True))
    if len(ids) <= len(two.cards):
        assert after <= before, after - before


def test_the_factor_a_table_rolled_is_set_from_the_cards_die_and_saved(
    make_app, std_deck, tmp_path
):
    from game.engine import die_table
    from game.ui.scenes.paper import factor_chip

    app, scene = _open_named(make_app, std_deck, "Bord 5")
    card = next(p for p in scene.scenario.proposals if std_deck.proposal(p).is_uncertain)
    proposal = std_deck.proposal(card)
    rows = scene.layout().cards
    row = rows[list(scene.scenario.proposals).index(card)]
    click(app, factor_chip(row, scene.scenario.rounds, scene.layout().chip).center)
    assert scene.factors == {}, "no factor before the card is adopted"
    click(app, _chip(scene, "cards", card, 0))
    drawn = record_text(app)
    faces = sorted({band.factor for band in die_table(proposal.uncertainty, proposal.failure)})
    click(app, factor_chip(row, scene.scenario.rounds, scene.layout().chip).center)
    click(app, factor_chip(row, scene.scenario.rounds, scene.layout().chip).center)
    assert scene.factors == {card: faces[1]}
    app.step(0.02)
    assert any(t == f"×{faces[1]:g}".replace(".", ",") for t in drawn), drawn
    events = [e for e in scene.scenario.events if std_deck.event(e).rounds is None][:3]
    for round_index, event in enumerate(events):
        click(app, _chip(scene, "events", event, round_index))
    click(app, scene.layout().save.center)
    assert app.top is not scene, scene.problems
    saved = read_save(next((tmp_path / "saves").glob("*.json")))
    assert saved.paper is not None and saved.paper.factors == ((card, faces[1]),)
    adopted = {a.card: a.factor for a in saved.history.current.adopted}
    assert adopted == {card: faces[1]}


def test_esc_does_not_throw_away_what_was_entered_without_asking(make_app, std_deck, tmp_path):
    # Before, Esc or "Tilbage" left the screen at once and the entries were gone.
    app, scene = _open_named(make_app, std_deck, "Bord 4")
    saving = next(p for p in scene.scenario.proposals if std_deck.proposal(p).kind is Kind.SAVING)
    click(app, _chip(scene, "cards", saving, 0))
    drawn = record_text(app)
    key(app, pygame.K_ESCAPE)
    assert app.top is scene and scene.adopted == {saving: 0}
    assert any("Bordet er ikke gemt" in t for t in drawn), drawn
    click(app, scene.layout().back.center)  # the second time it leaves
    assert app.top is not scene
    app2, empty = _open(make_app, std_deck)
    key(app2, pygame.K_ESCAPE)  # nothing entered: Esc leaves at once
    assert app2.top is not empty


def test_a_saved_paper_table_is_listed_by_its_name_at_once(make_app, std_deck, tmp_path):
    # Before, the start screen listed it only when reopened, and as "Bord uden navn".
    from game.ui.savelist import entry_lines

    app, scene = _open_named(make_app, std_deck, "Bord 8")
    events = [e for e in scene.scenario.events if std_deck.event(e).rounds is None][:3]
    for round_index, event in enumerate(events):
        click(app, _chip(scene, "events", event, round_index))
    click(app, scene.layout().save.center)
    start = app.find("start")
    assert isinstance(start, StartScene) and len(start.saves.entries) == 1
    head, _ = entry_lines(app, start.saves.entries[0])
    assert head.startswith("Bord 8 (papir)"), head


def test_a_paper_table_is_entered_and_saved_with_the_keyboard_alone(make_app, std_deck, tmp_path):
    # Before, only Esc worked: the screen, its rows and chips and "Gem bordet" needed a mouse.
    app = make_app(std_deck, size=(1024, 768))
    start = StartScene(app, seed=4)
    app.push(start)
    app.step(0.02)
    start.choose([s.id for s in std_deck.scenarios].index("intro"))
    key(app, pygame.K_p)
    scene = app.top
    assert isinstance(scene, PaperScene)
    # the name has the focus when the screen opens: a host who typed at once ran the
    # screen's keys instead (an "S" set the table as stopped after round 2)
    assert scene.name_field.focused
    type_text(app, "Bord 9")
    key(app, pygame.K_TAB)  # to the proposals
    cards = list(scene.scenario.proposals)
    uncertain = next(i for i, p in enumerate(cards) if std_deck.proposal(p).is_uncertain)
    for _ in range(uncertain):
        key(app, pygame.K_DOWN)
    key(app, pygame.K_1)  # adopted in round 1
    key(app, pygame.K_f)  # the factor it rolled: the die's lowest face
    key(app, pygame.K_TAB)  # to the events
    events = list(scene.scenario.events)
    free = [i for i, e in enumerate(events) if std_deck.event(e).rounds is None][:3]
    at = 0
    for round_index, index in enumerate(free):
        for _ in range(index - at):
            key(app, pygame.K_DOWN)
        at = index
        key(app, getattr(pygame, f"K_{round_index + 1}"))
    key(app, pygame.K_RETURN)  # Gem bordet
    assert app.top is not scene, scene.problems
    saved = read_save(next((tmp_path / "saves").glob("*.json")))
    assert saved.table == "Bord 9"
    assert [(a.card, a.round) for a in saved.history.current.adopted] == [(cards[uncertain], 0)]
    assert saved.paper is not None and len(saved.paper.factors) == 1
    assert [e.card for e in saved.history.current.events] == [events[i] for i in free]


def test_the_same_sheet_entered_on_screen_and_with_enter_gives_the_same_game(
    make_app, std_deck, tmp_path, capsys
):
    # the screen drew a new seed each time, so a factor the table did not write down came
    # out differently every time the sheet was entered, and differently from `raaderum enter`
    from game.cli import main

    app, scene = _open_named(make_app, std_deck, "Bord 9")
    invest = next(
        p for p in scene.scenario.proposals if std_deck.proposal(p).kind is Kind.INVESTMENT
    )
    events = [e for e in scene.scenario.events if std_deck.event(e).rounds is None][:3]
    click(app, _chip(scene, "cards", invest, 0))
    for round_index, event in enumerate(events):
        click(app, _chip(scene, "events", event, round_index))
    click(app, scene.layout().save.center)
    assert app.top is not scene, scene.problems
    on_screen = read_save(next((tmp_path / "saves").glob("*.json"))).history.current
    out = tmp_path / "bord9.json"
    entered = ["enter", "--scenario", "intro", "--table", "Bord 9", "--adopt", f"{invest}@1"]
    entered += [f"--event={e}@{i + 1}" for i, e in enumerate(events)]
    assert main([*entered, "--out", str(out)]) == 0, capsys.readouterr()
    by_command = read_save(out).history.current
    assert on_screen.adoption(invest).factor == by_command.adoption(invest).factor
    assert on_screen.results == by_command.results


def test_a_paper_table_is_scored_against_the_x_typed_on_the_start_screen(
    make_app, std_deck, tmp_path
):
    # the printed sheet says "--target 30", the host types 30 on the start screen and opens
    # Bord på papir: the table was saved against the scenario's own target, and a table
    # that missed 30 was told it had won
    app = make_app(std_deck, size=(1366, 768))
    start_screen_with_target(app, "intro", "30")
    key(app, pygame.K_ESCAPE)  # out of the field
    key(app, pygame.K_p)  # from the keyboard, as the button
    scene = app.top
    assert isinstance(scene, PaperScene) and scene.target == 30
    shown = record_text(app)
    app.request_redraw()
    app.step(0.02)
    assert any("Jeres mål" in text and "/30 mio. kr." in text for text in shown), shown
    click(app, scene.layout().name.center)
    type_text(app, "Bord 3")
    key(app, pygame.K_RETURN)
    for round_index, event in enumerate(
        [e for e in scene.scenario.events if std_deck.event(e).rounds is None][:3]
    ):
        click(app, _chip(scene, "events", event, round_index))
    click(app, scene.layout().save.center)
    assert app.top is not scene, scene.problems
    saved = read_save(next((tmp_path / "saves").glob("*.json")))
    assert saved.history.current.targets[-1] == 30


def test_paper_is_not_opened_on_a_target_that_is_not_a_number(make_app, std_deck):
    app = make_app(std_deck, size=(1366, 768))
    start = StartScene(app, seed=4)
    app.push(start)
    app.step(0.02)
    click(app, start.layout().target_field.center)
    type_text(app, "1,2,3")
    click(app, start.paper_button(start.layout()).center)
    assert app.top is start
    assert any("»1,2,3« kan ikke læses" in text for text in app.toast_texts())


def test_a_corrected_sheet_entered_again_replaces_the_paper_table_of_its_name(
    make_app, std_deck, tmp_path
):
    # a corrected sheet entered again was saved beside the old one, and the comparison
    # counted both; the host had to find and delete the old file by hand
    free = [e for e in std_deck.scenario("intro").events if std_deck.event(e).rounds is None]

    def enter(name: str, events: list[str]) -> PaperScene:
        app, scene = _open_named(make_app, std_deck, name)
        for round_index, event in enumerate(events):
            click(app, _chip(scene, "events", event, round_index))
        click(app, scene.layout().save.center)
        return scene

    first = enter("Bord 6", free[:3])
    assert first.app.top is not first, first.problems
    second = enter("bord 6", free[1:4])  # the wrong event in round 1, corrected
    assert second.app.top is second
    assert second.problems[0].startswith(
        "Der er allerede et bord på papir ved navn »bord 6« i mappen. Er arket rettet, så "
        "tryk »Gem bordet« igen: så erstatter det det gemte bord"
    ), second.problems
    [path] = list((tmp_path / "saves").glob("*.json"))
    click(second.app, second.layout().save.center)  # replaced, as said
    assert second.app.top is not second
    assert list((tmp_path / "saves").glob("*.json")) == [path]
    saved = read_save(path)
    assert [e.card for e in saved.history.current.events] == free[1:4]
    assert "rettet og gemt" in shown(second.app)[0]
    assert len(compare_saves([tmp_path / "saves"])[0].tables) == 1


def test_a_name_a_game_in_the_window_has_is_saved_beside_it_when_asked_twice(
    make_app, std_deck, tmp_path
):
    from game.engine import History, new_game
    from game.saves import GameSettings, new_save_path, write_save

    history = History.start(new_game(std_deck, "intro", 5))
    played = new_save_path(tmp_path / "saves")
    write_save(played, std_deck, GameSettings("intro", 5, None, table="Bord 6"), history)
    app, scene = _open_named(make_app, std_deck, "Bord 6")
    for round_index, event in enumerate(
        [e for e in scene.scenario.events if std_deck.event(e).rounds is None][:3]
    ):
        click(app, _chip(scene, "events", event, round_index))
    click(app, scene.layout().save.center)
    assert scene.problems[0].startswith("Der er allerede et bord ved navn »Bord 6« i mappen.")
    click(app, scene.layout().save.center)  # another table: saved beside it, as asked
    assert app.top is not scene
    assert len(list((tmp_path / "saves").glob("*.json"))) == 2
    assert read_save(played).paper is None  # the window's game is untouched


def test_the_factors_the_game_rolled_for_a_paper_table_are_said(make_app, std_deck, tmp_path):
    # `enter` names the factors it drew for cards the table gave none; the screen said nothing
    from game.numbers import format_amount

    app, scene = _open_named(make_app, std_deck, "Bord 9")
    invest = next(
        p for p in scene.scenario.proposals if std_deck.proposal(p).kind is Kind.INVESTMENT
    )
    click(app, _chip(scene, "cards", invest, 0))
    for round_index, event in enumerate(
        [e for e in scene.scenario.events if std_deck.event(e).rounds is None][:3]
    ):
        click(app, _chip(scene, "events", event, round_index))
    click(app, scene.layout().save.center)
    assert app.top is not scene, scene.problems
    factor = (
        read_save(next((tmp_path / "saves").glob("*.json"))).history.current.adoption(invest).factor
    )
    said = next(text for text in shown(app) if "Bord 9" in text)
    assert (
        "Bordet tastede ingen faktor for disse usikre forslag, så spillet slog for dem på "
        f"kortets terning: »{std_deck.proposal(invest).title}« ({invest}) ×{format_amount(factor)}."
    ) in said, said


def test_the_arrows_move_between_the_two_lists(make_app, std_deck):
    # ↓ at the last proposal went nowhere; the events stand to the right of the proposals
    app, scene = _open_named(make_app, std_deck, "Bord 5")
    key(app, pygame.K_TAB)  # back in the name …
    key(app, pygame.K_TAB)  # … and on to the proposals
    assert scene.cursor == ("cards", 0)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RIGHT)
    assert scene.cursor == ("events", 1)
    key(app, pygame.K_1)  # the event drawn in round 1
    assert scene.drawn == {scene.scenario.events[1]: 0}
    key(app, pygame.K_LEFT)
    assert scene.cursor == ("cards", 1)


def test_a_table_that_stopped_early_is_saved_unfinished_from_the_screen(
    make_app, std_deck, tmp_path
):
    # only `raaderum enter` could say how far a table got; on screen a table that stopped
    # after 2028 had to be saved as a finished game, lost in 2029
    from game.ui.scenes.paper import stop_chips

    app, scene = _open_named(make_app, std_deck, "Bord 8")
    saving = next(p for p in scene.scenario.proposals if std_deck.proposal(p).kind is Kind.SAVING)
    events = [e for e in scene.scenario.events if std_deck.event(e).rounds is None][:2]
    click(app, _chip(scene, "cards", saving, 2))  # adopted in round 3, which it never played
    click(app, _chip(scene, "events", events[0], 0))
    click(app, _chip(scene, "events", events[1], 1))
    stop = stop_chips(scene.layout().stop, scene.scenario.rounds)
    click(app, stop[1].center)
    assert scene.played == 2
    drawn = record_text(app)
    click(app, scene.layout().save.center)
    assert app.top is scene and not list((tmp_path / "saves").glob("*.json"))
    assert any("bordet nåede kun til og med runde 2 (2028)" in text for text in drawn), drawn
    click(app, _chip(scene, "cards", saving, 2))  # taken back …
    click(app, _chip(scene, "cards", saving, 0))  # … and set in round 1
    click(app, scene.layout().save.center)
    assert app.top is not scene, scene.problems
    [path] = list((tmp_path / "saves").glob("*.json"))
    state = read_save(path).history.current
    assert not state.finished and len(state.results) == 2
    said = next(text for text in shown(app) if "Bord 8" in text)
    assert "stoppet: bordet nåede til og med 2028 og spillede ikke de senere år" in said, said
    [group] = compare_saves([tmp_path / "saves"])
    assert not group.tables[0].finished


def test_s_steps_how_far_the_table_got_and_the_last_round_means_all(make_app, std_deck):
    app, scene = _open(make_app, std_deck)
    key(app, pygame.K_TAB)  # from the name to the lists, where S is a key
    rounds = scene.scenario.rounds
    seen = []
    for _ in range(rounds):
        key(app, pygame.K_s)
        seen.append(scene.played)
    assert seen == [*range(rounds - 1, 0, -1), None]


def test_the_help_opened_on_the_paper_screen_lists_its_keys(make_app, std_deck):
    # F1 on Bord på papir listed the board's keys (Space ends the year …), none of its own
    app, scene = _open(make_app, std_deck, size=(1024, 768))
    drawn = record_text(app)
    key(app, pygame.K_F1)
    assert app.top.name == "help"
    for words in (
        "Runde 1–9 til/fra",
        "Usikkert forslags udfald",
        "Spillet til og med runde …",
        "Gem bordet",
    ):
        assert words in drawn, words
    assert "Afslut året" not in " ".join(drawn)
    key(app, pygame.K_F1)
    assert app.top is scene
    click(app, scene.layout().help.center)  # and by mouse: the button beside "Tilbage"
    assert app.top.name == "help"


def test_the_two_lists_share_the_width_by_the_length_of_their_lines(make_app, std_deck):
    # at 1024×768 the events' titles were cut to "God øk…", "Lovændr…" beside a proposals
    # list with room to spare: each list now gets room in proportion to its longest line
    app, scene = _open(make_app, std_deck, size=(1024, 768))
    layout = scene.layout()
    size = app.scale.min_text

    def longest(items) -> int:  # type: ignore[no-untyped-def]
        return max(app.text.width(f"{i.id}  ·  {i.title}", size) for i in items)

    cards = longest([std_deck.proposal(p) for p in scene.scenario.proposals])
    events = longest([std_deck.event(e) for e in scene.scenario.events])
    shown_cards = layout.cards[0].width / cards
    shown_events = layout.events[0].width / events
    assert abs(shown_cards - shown_events) < 0.2, (shown_cards, shown_events)
    assert shown_events > 0.7, shown_events


def test_a_card_whose_first_gain_falls_after_the_game_offers_no_factor(
    make_app, std_deck, tmp_path
):
    # rehabilitering (−3, −1, +6 …) adopted in 2028 of a three-year game first gains in 2030:
    # the table never rolls for it, but the screen offered "×?" and saved what was typed
    from game.ui.scenes.paper import factor_chip

    app, scene = _open_named(make_app, std_deck, "Bord 6")
    rows = scene.layout().cards
    row = rows[list(scene.scenario.proposals).index("rehabilitering")]
    drawn = record_text(app)
    click(app, _chip(scene, "cards", "rehabilitering", 1))  # 2028
    app.request_redraw()
    app.step(0.02)
    assert "×?" not in drawn, "no factor to enter for a card the table never rolled"
    click(app, factor_chip(row, scene.scenario.rounds, scene.layout().chip).center)
    assert scene.factors == {}
    drawn.clear()
    click(app, _chip(scene, "cards", "rehabilitering", 0))  # 2027: rolled at the end of 2029
    app.request_redraw()
    app.step(0.02)
    assert "×?" in drawn


def test_a_sheets_problems_are_said_in_the_screens_words_not_as_enter_spells_them(
    make_app, std_deck
):
    # "--event udligningschok@2 (2028): hændelsen kan kun trækkes i runde 3 og 4" and
    # "forslaget 'velfaerdsboliger' kræver, at 'kloge-kvadratmeter' …": a facilitator in the
    # window never typed an option or an id
    app, scene = _open(make_app, std_deck, (1366, 768), "lang-horisont")
    late = next(e for e in scene.scenario.events if std_deck.event(e).rounds == (3, 4))
    scene.name_field.text = "Bord 3"
    scene.drawn[late] = 1  # round 2, where it cannot be drawn
    scene.adopted["velfaerdsboliger"] = 1  # without »Kloge kvadratmeter«
    click(app, scene.layout().save.center)
    said = " ".join(scene.problems)
    title = std_deck.event(late).title
    assert f"»{title}« i runde 2 (2028): hændelsen kan kun trækkes i runde 3 og 4" in said, said
    assert "--" not in said and late not in said, said
    # a card played without the card it requires: both by their titles
    del scene.drawn[late]
    scene.adopted = {"velfaerdsboliger": 0}
    click(app, scene.layout().save.center)  # asked once about the rounds without an event
    click(app, scene.layout().save.center)
    said = " ".join(scene.problems)
    assert "Velfærdsboliger i en frigjort bygning" in said, said
    assert "velfaerdsboliger" not in said and "kloge-kvadratmeter" not in said, said
