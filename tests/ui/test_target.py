"""The facilitator changes the target mid-game: from the year chart's title or the Esc menu,
with the start screen's stepper; the change goes through the engine, is autosaved and undone
like any other decision."""

from __future__ import annotations

import math

import pygame

from game.engine import EndYear, new_game
from game.engine.actions import SetTarget
from game.engine.history import History
from game.engine.rules import scaled_targets
from game.numbers import format_amount, format_target
from game.saves import GameSettings, read_save
from game.ui import theme
from game.ui.scenes.board import BoardScene
from game.ui.scenes.overlays import MenuScene
from game.ui.scenes.target import TargetScene
from tests.ui.driver import click, key, record_text, record_text_places, type_text

CTRL = pygame.KMOD_CTRL


def pixel_colors(app, rect):
    """The colours on screen inside ``rect``."""
    return {
        tuple(app.surface.get_at((x, y)))[:3]
        for x in range(rect.x, rect.right, 2)
        for y in range(rect.y, rect.bottom, 2)
    }


def second_year_app(make_app, deck, size=(1280, 720)):
    """The board of the standard scenario after its first year was closed."""
    app = make_app(deck, size=size)
    history = History.start(new_game(deck, "standard", 5)).do(EndYear())
    app.start_game(deck, GameSettings("standard", 5), history)
    app.step(0.02)
    return app


def test_chart_title_opens_the_dialog_and_a_typed_target_is_saved_and_undone(make_app, std_deck):
    app = second_year_app(make_app, std_deck)
    board = app.top
    before = app.game.state.targets
    profile = app.game.state.scenario.target
    title = board.layout().chart_title
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=title.center, rel=(0, 0)))
    app.step(0.02)
    assert board.hover == "target"  # the title lights up in the accent colour: it can be clicked
    assert pixel_colors(app, title) & {theme.ACCENT}
    click(app, title.center)
    dialog = app.top
    assert isinstance(dialog, TargetScene)
    assert dialog.number.text == format_amount(before[-1], "da")
    (_, _, field, _), _, _ = dialog.parts(dialog.layout().body, app.scale)
    click(app, field.center)  # the number is kept, selected: typing replaces it
    assert dialog.number.focused and dialog.number.text == format_amount(before[-1], "da")
    key(app, pygame.K_h)  # a shortcut key while typing does nothing but edit the field
    assert app.top is dialog
    type_text(app, "4x0,5")  # kept as typed and refused, not read as 40,5
    assert dialog.number.text == "4x0,5"
    key(app, pygame.K_RETURN)
    assert app.top is dialog and app.game.state.targets == before
    for _ in "4x0,5":
        key(app, pygame.K_BACKSPACE)
    type_text(app, "40,5")
    assert dialog.number.text == "40,5"
    expected = (before[0], *scaled_targets(profile, 40.5)[1:])
    assert dialog.preview() == expected
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, BoardScene)
    assert app.game.state.targets == expected
    assert app.game.state.targets[0] == before[0]  # the closed year keeps its target
    assert app.game.history.actions[-1] == SetTarget(40.5)
    saved = read_save(app.game.save_path)
    assert saved.history.current.targets == expected
    assert saved.history.actions[-1] == SetTarget(40.5)
    # the board's chart title shows the new target of the open year
    assert format_amount(expected[1], "da") in app.t(
        "board.target", amount=app.amount(app.game.state.targets[app.game.state.round])
    )
    key(app, pygame.K_z, CTRL)
    assert app.game.state.targets == before
    assert read_save(app.game.save_path).history.current.targets == before
    key(app, pygame.K_y, CTRL)
    assert app.game.state.targets == expected


def test_menu_entry_steps_the_target_with_plus_and_minus(make_app, std_deck):
    app = second_year_app(make_app, std_deck, size=(1600, 900))
    before = app.game.state.targets
    key(app, pygame.K_ESCAPE)
    menu = app.top
    assert isinstance(menu, MenuScene)
    labels = [label for label, _ in menu.buttons]
    click(app, menu.layout().buttons[labels.index("Skift mål")].center)
    dialog = app.top
    assert isinstance(dialog, TargetScene)
    (_, minus, _, plus), _, _ = dialog.parts(dialog.layout().body, app.scale)
    click(app, plus.center)
    click(app, plus.center)
    key(app, pygame.K_MINUS)
    amount = before[-1] + 5
    assert dialog.number.text == format_amount(amount, "da")
    click(app, minus.center)
    click(app, minus.center)
    assert dialog.preview() == (
        before[0],
        *scaled_targets(app.game.state.scenario.target, amount - 10)[1:],
    )
    click(app, dialog.layout().buttons[0].center)  # "Skift mål"
    assert isinstance(app.top, BoardScene)
    assert app.game.state.targets[-1] == round(amount - 10, 2)
    assert read_save(app.game.save_path).history.current.targets == app.game.state.targets


def test_cancel_and_bad_numbers_leave_the_target_alone(make_app, std_deck):
    app = second_year_app(make_app, std_deck)
    before = app.game.state.targets
    log = app.game.history.actions
    app.top.activate("target")
    dialog = app.top
    (_, _, field, _), _, _ = dialog.parts(dialog.layout().body, app.scale)
    click(app, field.center)
    type_text(app, "999999")  # above the engine's limit
    assert dialog.preview() is None
    key(app, pygame.K_RETURN)
    assert app.top is dialog
    assert app.game.state.targets == before
    assert "Målet skal være et tal mellem 0 og 100.000 mio. kr." in app.toast_texts()
    # one Esc cancels, as "Annullér (Esc)" says: before, it only left the field, the dialog
    # stayed, and a stray digit and Enter then set a target the facilitator had cancelled
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.top, BoardScene)
    type_text(app, "3")
    key(app, pygame.K_RETURN)
    assert app.game.state.targets == before
    assert not any(isinstance(action, SetTarget) for action in app.game.history.actions[len(log) :])
    # the finished game has no target to change: no menu entry
    while not app.game.state.finished:
        app.game.history = app.game.history.do(EndYear())
    menu = MenuScene(app)
    assert "Skift mål" not in [label for label, _ in menu.buttons]


def test_typing_a_target_in_the_dialog_needs_no_click_first(make_app, std_deck):
    # Before, the number field never had the focus unless clicked: typing 50 and Enter from
    # the keyboard closed the dialog with the target unchanged and no word.
    app = second_year_app(make_app, std_deck)
    key(app, pygame.K_ESCAPE)
    menu = app.top
    assert isinstance(menu, MenuScene)
    for _ in range([label for label, _ in menu.buttons].index("Skift mål")):
        key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, TargetScene)
    type_text(app, "50")
    key(app, pygame.K_RETURN)
    assert app.game.state.targets[-1] == 50
    assert not isinstance(app.top, TargetScene)
    assert any(t.startswith("Målet for") for t in app.toast_texts())
    # undone: the notice of the change goes with it ("Målet for 2030 er nu 50" stood beside a
    # chart back at its old target)
    key(app, pygame.K_z, pygame.KMOD_CTRL)
    assert app.game.state.targets[-1] != 50
    assert not any(t.startswith("Målet for") for t in app.toast_texts()), app.toast_texts()
    own = format_target(app.game.state.targets[-1], "da")
    assert app.toast_texts() == [f"Fortrudt: målet for 2030 er {own} mio. kr. igen"]


def test_a_target_with_two_decimals_is_said_as_typed(make_app, std_deck):
    # "Målet for 2030 er nu 27,6 mio. kr." for a typed 27,55 that the game counts as 27,55
    app = second_year_app(make_app, std_deck)
    app.push("target")
    type_text(app, "27,55")
    key(app, pygame.K_RETURN)
    assert app.game.state.targets[-1] == 27.55
    assert "Målet for 2030 er nu 27,55 mio. kr." in app.toast_texts()
    key(app, pygame.K_z, pygame.KMOD_CTRL)
    key(app, pygame.K_y, pygame.KMOD_CTRL)
    assert app.toast_texts() == ["Gentaget: målet for 2030 er 27,55 mio. kr."]


def test_a_typed_target_is_confirmed_by_enter_even_after_the_focus_moved(make_app, std_deck):
    # Before, ↓ to "Annullér", typing 70 and Enter closed the dialog with the target unchanged.
    app = second_year_app(make_app, std_deck)
    app.push("target")
    scene = app.top
    assert isinstance(scene, TargetScene)
    key(app, pygame.K_DOWN)
    assert scene.focus == 1
    type_text(app, "70")  # typing brings the focus back to "Skift mål (Enter)"
    assert scene.focus == 0
    key(app, pygame.K_DOWN)  # and the focus keys still work while the number is typed
    assert scene.focus == 1
    key(app, pygame.K_UP)
    key(app, pygame.K_RETURN)
    assert app.game.state.targets[-1] == 70


def test_the_change_target_dialog_says_all_of_its_explanation_at_1024(make_app, std_deck):
    # before, the English explanation stopped at "Closed years keep their target. Can…"
    from tests.ui.test_projector import record_cuts

    for lang in ("en", "da"):
        app = make_app(std_deck, size=(1024, 768), lang=lang)
        app.start_game(std_deck, GameSettings("standard", 3, None, lang))
        app.step(0.02)
        drawn, cut = record_cuts(app)
        app.push("target")
        app.step(0.02)
        explanation = app.t("target.explain", year="2030")
        assert explanation in drawn and explanation not in cut, lang
        label = app.t("target.label", year="2030")
        assert label in drawn and "2030" in label
        # "målet for sidste år" reads as last year's (2026) target to a finance consultant
        assert "sidste år" not in label and "sidste års" not in explanation


def test_a_deck_in_t_kr_is_told_its_own_limit(make_app):
    # a deck in t. kr. may set X up to 100.000.000 t. kr.; over it the dialog said
    # "mellem 0 og 100.000 t. kr." – the limit in mio. kr. with the deck's unit put after it
    from game.content import load_deck
    from game.paths import standard_deck

    kystby = load_deck(standard_deck().parent / "kystby")
    app = make_app(kystby)
    app.start_game(kystby, GameSettings("kystby", 5), History.start(new_game(kystby, "kystby", 5)))
    app.step(0.02)
    app.top.activate("target")
    dialog = app.top
    (_, _, field, _), _, _ = dialog.parts(dialog.layout().body, app.scale)
    click(app, field.center)
    type_text(app, "150000")  # 150 mio. kr.: allowed
    assert dialog.preview() is not None
    for _ in range(6):
        key(app, pygame.K_BACKSPACE)
    type_text(app, "200000000")
    assert dialog.preview() is None
    key(app, pygame.K_RETURN)
    assert "Målet skal være et tal mellem 0 og 100.000.000 t. kr." in app.toast_texts()


def test_the_toast_of_a_new_target_reads_right_after_a_change_of_language(make_app, std_deck):
    # a trial set 20 in English and switched to Danish: "Målet er nu 20 m DKK i det sidste år"
    app = second_year_app(make_app, std_deck)
    app.set_language("en")
    app.push("target")
    type_text(app, "20")
    key(app, pygame.K_RETURN)
    assert app.game.state.targets[-1] == 20
    assert "The target for 2030 is now 20 m DKK" in app.toast_texts()
    app.set_language("da")
    assert "Målet for 2030 er nu 20 mio. kr." in app.toast_texts()


def test_the_dialog_questions_a_target_far_from_the_scenarios(make_app, std_deck):
    app = second_year_app(make_app, std_deck)
    app.push("target")
    drawn = record_text(app)
    type_text(app, "500")
    app.request_redraw()
    app.step(0.02)
    assert "Målet for 2030 – langt fra scenariets 49. Tastefejl?" in drawn


def test_ctrl_a_in_the_target_field_selects_the_number_so_typing_replaces_it(make_app, std_deck):
    # "1.200", Ctrl+A, Backspace, "45" gave "1.2045" – taken as 1,2 mio. kr.: Ctrl+A did
    # nothing in this field, so Backspace took only the last digit
    app = second_year_app(make_app, std_deck)
    click(app, app.top.layout().chart_title.center)
    dialog = app.top
    (_, _, field, _), _, _ = dialog.parts(dialog.layout().body, app.scale)
    click(app, field.center)
    type_text(app, "1.200")
    key(app, pygame.K_a, CTRL)
    type_text(app, "45")
    assert dialog.number.text == "45"
    key(app, pygame.K_a, CTRL)
    key(app, pygame.K_BACKSPACE)
    assert dialog.number.text == ""
    type_text(app, "47,5")
    key(app, pygame.K_RETURN)
    assert app.game.state.targets[-1] == 47.5


def test_the_dialog_shows_each_target_with_the_decimals_the_board_shows(make_app, std_deck):
    # the board said "mål 2,91" and "9,69"; the dialog "2027: 2,9 mio. kr.", "2028: 9,7"

    app = make_app(std_deck, size=(1024, 768))
    app.start_game(std_deck, GameSettings("standard", 5, 47.5))
    app.step(0.02)
    targets = app.game.state.targets
    assert any(format_target(t, "da") != format_amount(t, "da") for t in targets)
    drawn = record_text(app)
    click(app, app.top.layout().chart_title.center)
    assert isinstance(app.top, TargetScene)
    app.step(0.02)
    for year, target in zip(app.game.state.scenario.years, targets):
        assert f"{year}: {format_target(target, 'da')} mio. kr." in drawn, (year, drawn)


def test_the_dialog_says_when_a_new_target_is_beyond_what_the_pile_can_reach(make_app, std_deck):
    # mid-game the facilitator raises X: above the reach no plan wins without luck
    from game.engine.reach import target_reach
    from game.numbers import format_amount

    reach = target_reach(std_deck, "standard")
    assert reach is not None
    app = second_year_app(make_app, std_deck)
    app.push("target")
    drawn = record_text(app)
    type_text(app, str(math.ceil(reach.ceiling) + 5))
    app.game.reaches.wait()
    drawn.clear()
    app.step(0.02)  # redrawn when the reach arrives, without another key
    assert f"Målet for 2030 – bunken når kun ca. {format_amount(reach.shown)} uden held" in drawn


def test_eight_years_targets_stand_apart_on_a_scaled_laptop(make_app, std_deck):
    # "Det lange lys" at 1093×614: the eight "Mål pr. år" lines stood on top of one another,
    # their lower parts clipped
    app = make_app(std_deck, size=(1093, 614))
    app.start_game(std_deck, GameSettings("lang-horisont", 3, None, "da"))
    app.step(0.02)
    placed = record_text_places(app)
    app.push("target")
    app.step(0.02)
    lines = [rect for text, rect in placed if text[:4].isdigit() and text[4:6] == ": "]
    assert len(lines) == 8, placed
    assert min(rect.height for rect in lines) >= app.scale.min_text * 1.25
    assert not any(a.colliderect(b) for i, a in enumerate(lines) for b in lines[i + 1 :])


def test_a_warning_over_the_target_is_drawn_in_the_longest_form_that_fits(make_app, std_deck):
    # a budget office's deck in t. kr. at 1024×768: "Målet for 2030 – bunken når kun ca.
    # 40.875 uden h…", the one figure that mattered cut; the short form still says which
    # target the field holds (it read "Bunken når kun ca. …" over a bare number)
    from game.ui.stepper import NumberField, draw_stepper
    from game.ui.theme import Scale

    app = make_app(std_deck, size=(1024, 768))
    drawn = record_text(app)
    scale = Scale(768)
    long = "Målet for 2030 – bunken når kun ca. 40.875 uden held"
    short = "Mål 2030: højst ca. 40.875 uden held"
    number = NumberField.of(45000, "da")
    for width, shown in ((900, long), (280, short)):
        label = pygame.Rect(10, 10, width, round(scale.body * 1.4))
        rects = (
            label,
            pygame.Rect(10, 50, 40, 40),
            pygame.Rect(60, 50, 120, 40),
            pygame.Rect(190, 50, 40, 40),
        )
        drawn.clear()
        draw_stepper(app.surface, app.text, rects, (long, short), number, scale, suffix="t. kr.")
        assert shown in drawn and (long not in drawn or shown == long), drawn


def test_a_minus_typed_into_the_cleared_field_is_kept_and_refused_not_a_step(make_app, std_deck):
    # "-3" typed after Backspace became 3: the "-" stepped X down from the empty field's 0,
    # and the "3" replaced the stepped number; the start screen refuses "-3"
    app = second_year_app(make_app, std_deck)
    before = app.game.state.targets
    app.top.activate("target")
    dialog = app.top
    assert isinstance(dialog, TargetScene)
    (_, _, field, _), _, _ = dialog.parts(dialog.layout().body, app.scale)
    click(app, field.center)
    key(app, pygame.K_BACKSPACE)  # the selected number is cleared: the field is typed in
    key(app, pygame.K_MINUS)
    type_text(app, "-")
    type_text(app, "3")
    assert dialog.number.text == "-3"
    key(app, pygame.K_RETURN)
    assert app.top is dialog and app.game.state.targets == before


def test_shift_and_equals_steps_the_target_up_on_an_english_keyboard(make_app, std_deck):
    # SDL reports "+" of a US layout as Shift and "=": the dialog's + key did nothing there
    app = second_year_app(make_app, std_deck)
    app.top.activate("target")
    dialog = app.top
    assert isinstance(dialog, TargetScene)
    shown = dialog.number.value
    key(app, pygame.K_EQUALS, mod=pygame.KMOD_LSHIFT)
    type_text(app, "+")  # the text the key gives is no part of the number
    assert dialog.number.value == shown + dialog.step
    key(app, pygame.K_EQUALS)  # "=" alone is no step
    assert dialog.number.value == shown + dialog.step
