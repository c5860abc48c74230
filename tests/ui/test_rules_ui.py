"""The new rules on the board, readable from the back of a room: every card says its
belastning and its træthed in words (never "Kap."), carries a badge when it requires another
card or needs anlæg; the capacity meter says what træthed takes; the anlægsramme is a meter; an
efficiency on a welfare area says it is seen as a saving; a refused adoption says why in
Danish, with amounts in the deck's unit; the year reveal and the debrief show træthed per year
and what the turn of the year took off."""

from __future__ import annotations

import pygame
import pytest

from game.content import load_sources
from game.engine import Adopt, EndYear, History, fatigue_of, lost_capacity, new_game, recovered
from game.saves import GameSettings
from game.session import fatigue_years
from game.ui import linechart
from game.ui.scenes.board import BoardScene
from tests.ui.driver import key, record_chart_text, record_text, settle

RULES_DECK = """\
deck: {id: regler, title: Reglerne, schema_version: 2, unit: "t. kr.",
       welfare_areas: [Ældre]}
proposals:
  - {id: spar, kind: saving, title: Luk en filial, area: Kultur, effect: [2], service: -1}
  - {id: eff, kind: efficiency, title: Hjemmeplejens ruter, area: Ældre, effect: [1, 2],
     load: 1, uncertainty: 0, failure: 0}
  - {id: inv, kind: investment, title: Velfærdsteknologi, area: Ældre, effect: [-1, 3],
     requires: [eff]}
  - {id: anl, kind: investment, title: Nyt plejecenter, area: Ældre, effect: [0.5, 4],
     construction: 12.5}
  - {id: lille, kind: saving, title: Færre aviser, area: Administration, effect: [0.518],
     excludes: [spar]}
events:
  - {id: ro, title: Ro på, effect: [0]}
scenarios:
  - {id: a, title: Fire år, years: [2027, 2028, 2029, 2030], target: [1, 2, 3, 3],
     capacity: 6, market: 5, events_per_round: 0, construction_budget: 7.5}
"""


def rules_deck():
    return load_sources([("regler.yaml", RULES_DECK)])


def board(make_app, size=(1280, 720)):
    deck = rules_deck()
    app = make_app(deck, size=size)
    app.start_game(deck, GameSettings("a", 1))
    app.step(0.02)
    return app, deck


def redraw(app) -> list[str]:
    drawn = record_text(app)
    for scene in app.scenes:
        if isinstance(scene, BoardScene):
            scene.layers = type(scene.layers)()
            scene.panel("market").cards.enabled = False
    app.request_redraw()
    app.step(0.02)
    return drawn


def test_cards_say_belastning_and_traethed_and_carry_badges(make_app):
    app, deck = board(make_app, size=(1024, 768))
    drawn = redraw(app)
    assert "Belastning 1" in drawn or "Belastning 1 · Træthed 2" in drawn
    facts = [t for t in drawn if t.startswith(("Belastning", "Træthed"))]
    assert any("Træthed 3" in t for t in facts)  # the welfare efficiency: 1 + 1 perceived … + cut
    assert not any("Kap." in t or "Load" in t for t in drawn)
    assert drawn.count("Kræver") == 1 and drawn.count("Anlæg") == 1
    # the two cards that rule each other out say so before either is adopted (a council
    # found out only when "Lean" turned "Udelukket" after "Effektiviseringsbidrag")
    assert drawn.count("Udelukker") == 2
    assert "Kræver et andet" in drawn  # why the card that requires another is refused
    # the meters: capacity, what træthed takes, what is left; the anlægsramme
    assert "Kapacitet 6: 0 brugt · 0 tabt til træthed · 6 tilbage" in drawn
    assert "Anlæg brugt: 0 af 7,5 t. kr." in drawn
    app.game.do(Adopt("eff"))  # træthed 2 (agenda + welfare efficiency) takes 1
    # what it required is adopted: "Kræver" goes (it stayed on a card free to adopt)
    assert "Kræver" not in redraw(app)
    drawn = redraw(app)
    fatigue = fatigue_of(deck.proposal("eff"))  # the agenda and the welfare efficiency: 2
    lost = lost_capacity(fatigue)
    line = f"Kapacitet 6: 1 brugt · {lost} tabt til træthed · {6 - 1 - lost} tilbage"
    assert line in drawn
    assert f"Træthed {fatigue}: tager {lost} af kapaciteten" in drawn
    assert "Kræver et andet" not in drawn  # inv may follow eff in the same round
    app.game.do(Adopt("spar"))  # the choice is made: "Udelukket" on lille, no badge left
    assert "Udelukker" not in redraw(app)


def test_the_card_view_explains_the_rules_of_a_card(make_app):
    app, _ = board(make_app)
    drawn = record_text(app)
    app.push("card", card="eff")
    app.step(0.02)
    assert any("opfattes som besparelse (+1 træthed)" in t for t in drawn)
    assert any(t.startswith("Belastning 1 · Træthed 2 · Service 0") for t in drawn)
    key(app, pygame.K_ESCAPE)
    app.push("card", card="inv")
    app.step(0.02)
    # while it waits, the refusal says it once (the facts above it no longer repeat it: at
    # 1024×768 the repeated line pushed the card's other rules out of sight)
    assert any(
        "Forslaget kræver, at »Hjemmeplejens ruter« er vedtaget samme år eller før" in t
        for t in drawn
    )
    assert not any(t.startswith("Kræver »Hjemmeplejens ruter«") for t in drawn)
    key(app, pygame.K_ESCAPE)
    app.game.do(Adopt("eff"))
    drawn.clear()
    app.push("card", card="inv")
    app.step(0.02)
    assert any(t.startswith("Kræver »Hjemmeplejens ruter« (vedtaget samme år") for t in drawn)
    key(app, pygame.K_ESCAPE)
    app.push("card", card="anl")
    app.step(0.02)
    assert "Anlæg: 12,5 t. kr. af anlægsrammen (tæller ikke i driftens råderum)" in drawn
    assert "Virkning pr. år (t. kr.)" in drawn
    key(app, pygame.K_ESCAPE)
    app.push("card", card="lille")
    app.step(0.02)
    assert "+0,5" in drawn  # one decimal, as every amount (0,518 read "+0,518" before)


def test_a_refused_adoption_says_why_in_danish_with_the_decks_unit(make_app):
    app, _ = board(make_app)
    assert not app.game.do(Adopt("inv"))
    assert "Forslaget kræver, at »Hjemmeplejens ruter« er vedtaget samme år eller før." in (
        app.toast_texts()
    )
    assert not app.game.do(Adopt("anl"))
    text = app.toast_texts()[-1]
    assert text == (
        "Anlægsrammen rækker ikke: forslaget kræver anlæg for 12,5 t. kr., "
        "men der er kun 7,5 t. kr. tilbage."
    )
    assert "mio." not in text


def test_the_year_reveal_and_the_debrief_show_traethed_per_year(make_app, monkeypatch):
    app, deck = board(make_app)
    board_scene = app.top
    for card in ("spar", "eff"):  # træthed 2 (agenda, service cut) + 2 (agenda, welfare)
        app.game.do(Adopt(card))
    drawn = record_text(app)
    board_scene.end_year()
    settle(app)
    peak = fatigue_of(deck.proposal("spar")) + fatigue_of(deck.proposal("eff"))
    end = recovered(peak, 0)
    said = (
        f"Træthed ved årets slutning: {peak}. Ved årsskiftet falder den med {peak - end} "
        f"og er så {end}."
    )
    assert said in "\n".join(drawn)
    taken = f"I 2028 tager trætheden {lost_capacity(end)} af kapaciteten på 6."
    assert any(taken in t for t in drawn)
    # the debrief: a column per year with the year-end level and what was shed
    history = app.game.history
    while not history.current.finished:
        history = history.do(EndYear())
    app.game.history = history
    drawn.clear()
    charted = record_chart_text(monkeypatch, linechart)
    app.replace_all("debrief", background=False)
    app.step(0.02)
    assert "Træthed pr. år" in charted
    years = fatigue_years(history.current)
    assert (years[0].peak, years[0].end) == (peak, end)
    assert str(peak) in charted  # the year-end level over its column …
    assert peak > end and f"−{peak - end}" in charted  # … and what the turn of the year shed


def test_fatigue_years_agree_with_the_engine(std_deck):
    import numpy as np

    from game.engine.bots import greedy_policy

    for seed in range(6):
        history = History.start(new_game(std_deck, "standard", seed))
        generator = np.random.default_rng(seed)
        while not history.current.finished:
            history = history.do(greedy_policy(history.current, generator))
        years = fatigue_years(history.current)
        peaks = [
            state.fatigue
            for state, action in zip(history.states, history.actions)
            if isinstance(action, EndYear)
        ]
        assert [y.peak for y in years] == peaks
        assert [y.end for y in years] == [r.fatigue for r in history.current.results]
        assert all(y.recovery == y.peak - y.end >= 0 for y in years)


def test_the_last_years_reveal_does_not_promise_a_turn_of_the_year(make_app):
    # a trial's last reveal said "Ved årsskiftet falder den med 4 til 0" – there is no next year
    app, deck = board(make_app)
    board_scene = app.top
    history = app.game.history
    while history.current.round < history.current.scenario.rounds - 1:
        history = history.do(EndYear())
    app.game.history = history
    app.game.do(Adopt("spar"))
    drawn = record_text(app)
    board_scene.end_year()
    settle(app)
    text = "\n".join(drawn)
    peak = fatigue_of(deck.proposal("spar"))
    assert f"Træthed ved spillets slutning: {peak}." in text
    assert "Ved årsskiftet" not in text


def test_a_card_over_the_capacity_says_what_it_needs_in_all(make_app):
    # a trial saw "Kapacitet 4, kun 0 tilbage" under "Belastning 3": the 4 is belastning and
    # træthed together, which the card now says
    app, deck = board(make_app, size=(1366, 768))
    for card in ("spar", "eff", "lille"):
        app.game.do(Adopt(card))
    state = app.game.state
    drawn = "\n".join(redraw(app))
    inv = deck.proposal("inv")
    needs = inv.load + fatigue_of(inv)
    assert needs > state.capacity_left
    assert f"Tager {needs} i alt, kun {state.capacity_left} tilbage" in drawn


def test_the_debrief_sheds_no_traethed_after_the_games_last_year(make_app, monkeypatch):
    # the chart showed "−2" shed "ved årsskiftet" after 2030, when the game had ended
    app, _deck = board(make_app)
    history = app.game.history
    while history.current.round < history.current.scenario.rounds - 1:
        history = history.do(EndYear())
    history = history.do(Adopt("spar")).do(EndYear())
    app.game.history = history
    calls: list = []
    original = linechart.draw_fatigue_chart

    def spy(surface, rect, labels, peaks, ends, **kwargs):  # type: ignore[no-untyped-def]
        calls.append((list(peaks), list(ends)))
        return original(surface, rect, labels, peaks, ends, **kwargs)

    from game.ui.panels import debrief_pages

    monkeypatch.setattr(debrief_pages, "draw_fatigue_chart", spy)
    app.replace_all("debrief", background=False)
    app.step(0.02)
    peaks, ends = calls[-1]
    years = fatigue_years(history.current)
    assert peaks[-1] == years[-1].peak > 0 and ends[-1] == peaks[-1]  # nothing shed at the end
    assert ends[:-1] == [y.end for y in years[:-1]]


def test_a_traethed_column_that_shed_nothing_says_its_number_once(monkeypatch):
    # a trial saw "8" over and "8" inside a column that had not fallen ("8 / 8")
    from game.ui.fonts import Fonts

    texts = record_chart_text(monkeypatch, linechart)
    surface = pygame.Surface((600, 400))
    fonts = Fonts()
    years = ["2027", "2028"]
    rect = surface.get_rect()
    peaks, ends = [8, 5], [8, 3]
    linechart.draw_fatigue_chart(surface, rect, years, peaks, ends, title="T", note="", fonts=fonts)
    assert texts.count("8") == 1  # 2027: nothing shed, its level once
    assert texts.count("5") == 1 and "3" in texts and "−2" in texts  # 2028: level, kept, shed


def test_the_board_of_a_finished_game_shows_the_traethed_the_game_ended_with(make_app):
    # before, the board (and the report's board.png) showed the level after a turn of the
    # year that never came: 9 where the reveal and the debrief said 13
    from game.ui.panels.meters import fatigue_meter

    app, deck = board(make_app)
    history = app.game.history
    while history.current.round < len(history.current.scenario.years) - 1:
        history = history.do(EndYear())
    history = history.do(Adopt("spar")).do(EndYear())  # træthed in the last year
    state = history.current
    peak = fatigue_years(state)[-1].peak
    assert peak == fatigue_of(deck.proposal("spar")) and state.fatigue < peak
    meter = fatigue_meter(app, state)
    assert meter is not None and meter.text == f"Træthed ved spillets slutning: {peak}"


@pytest.mark.parametrize("size", [(1024, 768), (800, 600)])
def test_a_narrow_card_over_the_capacity_never_says_there_is_none_beside_what_is_left(
    make_app, size
):
    # a facilitator at 1024×768 read "Ingen kapacitet" on three cards while the meter said
    # "3 tilbage"; the group asked "men der er jo 3 tilbage?"
    app, deck = board(make_app, size=size)
    app.game.do(Adopt("spar"))
    state = app.game.state
    inv = deck.proposal("inv")
    assert 0 < state.capacity_left < inv.load + fatigue_of(inv)
    drawn = "\n".join(redraw(app))
    assert "Ingen kapacitet" not in drawn
    assert "Kræver" in drawn or "For lidt kapacitet" in drawn
