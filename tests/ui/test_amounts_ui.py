"""Amounts in the window: the start screen reads back the target it pre-fills, the deck's
unit is shown, a near miss is shown as a miss, and a character the fonts lack is left out
instead of drawn as a box."""

from __future__ import annotations

import pygame
import pytest

from game.content import load_sources
from game.engine.actions import Adopt, EndYear
from game.engine.history import History
from game.engine.rules import new_game
from game.saves import GameSettings
from game.ui.scene import Scene
from game.ui.scenes.board import BoardScene
from game.ui.scenes.start import StartScene
from game.ui.scenes.year import YearScene
from tests.decks import numbered_deck
from tests.ui.driver import click, key, record_chart_text, record_text, type_text

THOUSANDS_DECK = """\
deck:
  id: tkr
  title: Et dæk i tusinder
  unit: "t. kr."
  schema_version: 1
proposals:
  - id: spar
    kind: saving
    title: Spar næsten nok
    area: Administration
    effect: [35.98]
    uncertainty: 0
  - id: eff
    kind: efficiency
    title: Effektiviser
    area: Skole
    effect: [1]
    uncertainty: 0
    failure: 0
  - id: inv
    kind: investment
    title: "Invester 🔪"
    area: Ældre
    effect: [-1, 2]
    uncertainty: 0
    failure: 0
scenarios:
  - id: tusind
    title: Tusinder
    years: ["2027", "2028", "2029"]
    target: [400, 600, 1200]
    events_per_round: 0
  - id: naesten
    title: Næsten
    years: ["2027", "2028"]
    target: [36, 36]
    events_per_round: 0
    require_all_kinds: false
  - id: skaev
    title: Skævt mål
    years: ["2027", "2028"]
    target: [6.17, 12.3450]  # a dot and three digits would be refused
    events_per_round: 0
"""


def _deck():
    return load_sources([("tkr.yaml", THOUSANDS_DECK)])


def _start_screen(make_app):
    """The start screen of the thousands deck, drawn once; (app, scene, drawn texts)."""
    app = make_app(_deck())
    start = StartScene(app, seed=3)
    app.push(start)
    drawn = record_text(app)
    app.step(0.02)
    return app, start, drawn


def test_enter_on_the_prefilled_target_keeps_a_thousands_target(make_app):
    """The field shows "1.200" for 1200; Enter started a game with targets 0,4 / 0,6 / 1,2."""
    app, start, drawn = _start_screen(make_app)
    assert start.target.text == "1.200"
    assert any(text.startswith("t. kr.") for text in drawn)  # the unit next to the field
    key(app, pygame.K_RETURN)
    assert isinstance(app.top, BoardScene)
    assert app.game.state.targets == (400, 600, 1200)


def test_plus_and_minus_step_a_thousands_target_by_a_round_amount(make_app):
    # before: "+" added 5 t. kr. (1.200 became 1.205, and the years' targets 401,67 / 602,5)
    # where the same button adds 5 mio. kr. to a deck in mio. kr.
    app, start, _ = _start_screen(make_app)
    click(app, start.layout().target_plus.center)
    assert start.target.text == "1.400"  # a fifth of 1.200 at most: 200
    click(app, start.layout().target_minus.center)
    click(app, start.layout().target_minus.center)
    assert start.target.text == "1.000"
    key(app, pygame.K_RETURN)
    assert app.game.state.targets[-1] == 1000
    # "Skift mål" in the game steps the same way
    from game.ui.scenes.target import TargetScene

    app.push(TargetScene(app))
    app.step(0.02)
    dialog = app.top
    assert isinstance(dialog, TargetScene)
    key(app, pygame.K_PLUS)
    assert dialog.number.text == "1.200"


def test_a_typed_thousands_target_is_read_the_danish_way(make_app):
    app, start, _ = _start_screen(make_app)
    click(app, start.layout().target_field.center)
    type_text(app, "2.400")
    key(app, pygame.K_RETURN)
    assert app.game.state.targets == (800, 1200, 2400)


def test_the_briefing_shows_the_targets_the_typed_x_gives(make_app):
    # before: the panel said "Mål 400/600/1.200" under a typed 2.400, and the briefing to
    # read aloud named only the scenario's own target
    app, start, drawn = _start_screen(make_app)
    assert any("Mål 400/600/1.200 t. kr." in text for text in drawn)
    click(app, start.layout().target_field.center)
    type_text(app, "2.400")
    drawn.clear()
    app.request_redraw()
    app.step(0.02)
    assert any("Jeres mål 800/1.200/2.400 t. kr." in text for text in drawn), drawn
    # … and the briefing's own 1.200, which its text names (a facilitator read 49 aloud
    # with 90 on the screen)
    assert any("Jeres mål 800/1.200/2.400 t. kr. (oplæggets: 1.200)" in t for t in drawn), drawn
    key(app, pygame.K_ESCAPE)  # out of the field: B opens the whole briefing
    key(app, pygame.K_b)
    drawn.clear()
    app.request_redraw()
    app.step(0.02)
    assert app.top.name == "message"
    assert any(text.startswith("Jeres mål 800/1.200/2.400 t. kr.") for text in drawn), drawn


def test_a_target_with_more_decimals_than_shown_is_kept_exactly(make_app):
    app, start, _ = _start_screen(make_app)
    start.choose(2)
    assert start.target.text == "12,3"  # shown rounded …
    key(app, pygame.K_RETURN)
    assert app.game.state.targets == (6.17, 12.345)  # … but Enter keeps the scenario's own target


def test_the_decks_unit_is_shown_and_english_keeps_its_words(make_app, std_deck):
    app = make_app(_deck())
    assert app.amount(5) == "5 t. kr."
    assert app.amount(0.518) == "0,5 t. kr."  # one decimal, as every amount
    assert make_app(std_deck).amount(5) == "5 mio. kr."
    assert make_app(std_deck, lang="en").amount(5) == "5 m DKK"
    assert make_app(_deck(), lang="en").amount(1200) == "1,200 DKK '000"  # English words
    assert app.t("card.effect") == "Virkning pr. år (t. kr.)"  # labels too, not only amounts
    assert app.t("card.range", low="1", high="2", year="2027") == (
        "Usikker: i 8 af 10 udfald mellem 1 og 2 t. kr. i 2027"
    )
    assert make_app(_deck(), lang="en").t("card.effect") == "Effect per year (DKK '000)"
    assert make_app(std_deck).t("card.effect") == "Virkning pr. år (mio. kr.)"


def test_a_near_miss_is_shown_as_a_miss(make_app):
    """35,98 against 36 was shown as "36 ✗" and "der mangler 0 mio. kr."."""
    deck = _deck()
    app = make_app(deck)
    history = History.start(new_game(deck, "naesten", 1)).do(Adopt("spar"))
    before = history.current
    history = history.do(EndYear())
    app.game.settings = GameSettings(scenario="naesten", seed=1)
    app.game.history = history
    assert history.current.results[0].raaderum == 35.98
    assert not history.current.results[0].met
    app.push(Scene(app))
    drawn = record_text(app)
    app.push(YearScene(app, before, history.current))
    key(app, pygame.K_a)  # skip the animation
    app.step(0.02)
    assert "Målet er ikke nået: der mangler 0,02 t. kr." in drawn
    assert not any("mangler 0 " in text for text in drawn)


def test_a_character_the_fonts_lack_is_left_out_not_drawn_as_a_box(make_app):
    app = make_app(_deck())
    with_knife = app.text.line("Invester 🔪", 24, (0, 0, 0))
    without = app.text.line("Invester ", 24, (0, 0, 0))
    assert with_knife.get_size() == without.get_size()


def test_a_near_miss_is_a_miss_on_the_board_the_reveal_and_the_debrief(make_app, monkeypatch):
    """A year of 35,98 against a target of 36: never "36" with a cross, never "mangler 0",
    and in the deck's unit on every screen."""
    from game.ui import charts
    from game.ui.scenes.debrief import DebriefScene

    charted = record_chart_text(monkeypatch, charts)
    deck = _deck()
    app = make_app(deck)
    app.start_game(deck, GameSettings(scenario="naesten", seed=1))
    app.game.do(Adopt("spar"))
    drawn = record_text(app)
    app.step(0.02)
    assert "35,98" in charted and "36" not in charted  # the planned year on the board
    assert any(text.startswith("Råderum pr. år · Mål 36 t. kr.") for text in drawn)
    board = app.top
    board.end_year()  # the reveal
    key(app, pygame.K_a)
    app.step(0.02)
    assert "Målet er ikke nået: der mangler 0,02 t. kr." in drawn
    assert not any("mio." in text for text in drawn)
    history = app.game.history.do(EndYear())
    app.game.history = history
    charted.clear()
    app.replace_all(DebriefScene(app, background=False))
    app.step(0.02)
    assert charted.count("35,98") == 2 and "36" not in charted
    assert not any("mio." in text for text in drawn)


@pytest.mark.parametrize("typed", ["1,2,3", "1.2.3"])
def test_a_target_that_is_not_one_number_is_said_and_the_game_waits(make_app, typed):
    # Before, the game started silently on the scenario's own target.
    app, start, _ = _start_screen(make_app)
    click(app, start.layout().target_field.center)
    type_text(app, typed)
    key(app, pygame.K_RETURN)
    assert app.top is start
    assert any(f"Målet »{typed}« kan ikke læses som ét tal" in t for t in app.toast_texts())
    # the facilitator corrects it, and the game starts on the corrected target
    click(app, start.layout().target_field.center)
    type_text(app, "2.400")
    key(app, pygame.K_RETURN)
    assert app.game.state.targets == (800, 1200, 2400)


LONG_TITLES = (
    "Virksomhedsrettet indsats for unge under 30 uden uddannelse",
    "Tidlig indsats i familier med børn i mistrivsel for at forebygge anbringelser",
    "Fælles visitation på tværs af sundhed, ældre og handicap",
    "Ruteoptimering i affaldsindsamlingen og på materielgården",
    "Salg af kommunale grunde i Nørremarken til boligbyggeri",
    "Sammenlægning af administrative funktioner på tværs af dagtilbud og skoler",
)


def _catalogue_deck():
    """A budget office's catalogue in t. kr.: long titles, a cost first, phased gains and a
    one-off sale – ten cards on the table."""
    shapes = [
        ("investment", [-1100, -300, 1200]),
        ("investment", [-1800, -1800, 1000]),
        ("efficiency", [200, 700, 1300]),
        ("efficiency", [150, 500, 900]),
        ("saving", [3000, 0]),
        ("saving", [950]),
    ]

    def card(number: int) -> dict[str, object]:
        kind, effect = shapes[number % len(shapes)]
        title = f"{LONG_TITLES[number % len(LONG_TITLES)]} ({number})"
        area = "Social og sundhed"
        return {"kind": kind, "title": title, "area": area, "effect": effect, "uncertainty": 0}

    years = ["2027", "2028", "2029", "2030"]
    scenario = {"id": "fire", "title": "Fire år", "years": years, "target": [500, 1000, 2000, 3000]}
    scenario |= {"capacity": 30, "market": 10, "events_per_round": 0}
    return numbered_deck(10, scenario, card=card, unit="t. kr.")


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768), (3840, 2160)])
def test_every_card_of_a_catalogue_with_long_titles_shows_its_cost_and_its_gain(make_app, size):
    # before: at 1366×768 a long title took the card, and three of ten cards showed no
    # amount at all (a few pixels of columns); others showed "… +900" or "… 0", which hid an
    # investment's cost and made a one-off sale of 3.000 t. kr. look worthless
    deck = _catalogue_deck()
    app = make_app(deck, size=size)
    drawn = record_text(app)
    app.start_game(deck, GameSettings("fire", 1, None, "da"))
    app.step(0.02)
    state = app.find(BoardScene).state
    assert len(state.market) == 10
    for pid in state.market:
        values = deck.proposal(pid).effect
        words = [app.amount(v, sign=True, unit=False, exact=True) for v in values]
        if len(set(values)) == 1:
            assert any(t.startswith(words[0]) for t in drawn), (pid, words)
            continue
        span = f"{words[0]} … {words[-1]}"
        assert span in drawn or all(w in drawn for w in words), (pid, words, size)


@pytest.mark.parametrize(("target", "shown"), [("[2, 2, 5, 8]", "2/2/5/8"), ("4", "4")])
def test_the_start_screen_names_every_years_target_in_order(make_app, tmp_path, target, shown):
    # the README's own deck (2/2/5/8) read "Mål 2/5/8 mio. kr." on the start screen: three
    # targets for a four-year game, beside "(scenariet: 2/2/5/8)"
    from game.content import load_deck
    from game.ui.scenes.start import StartScene
    from tests.ui.driver import record_text

    (tmp_path / "deck.yaml").write_text(
        f"""deck: {{id: flad, title: Flad, schema_version: 1}}
proposals:
  - {{id: spar, kind: besparelse, title: Spar, area: Adm, effect: [2]}}
  - {{id: eff, kind: effektivisering, title: Effektiviser, area: Adm, effect: [1, 3]}}
  - {{id: inv, kind: investering, title: Invester, area: Adm, effect: [-1, 3, 6]}}
scenarios:
  - {{id: fire, title: Fire år, years: [2027, 2028, 2029, 2030], target: {target}}}
""",
        encoding="utf-8",
    )
    deck = load_deck(tmp_path / "deck.yaml")
    app = make_app(deck, size=(1366, 768))
    drawn = record_text(app)
    app.push(StartScene(app, seed=4))
    app.step(0.02)
    assert any(f"Mål {shown} mio. kr." in text for text in drawn), [t for t in drawn if "Mål" in t]
