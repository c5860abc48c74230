"""On a 1024×768 projector and every other supported size, what the room must read is drawn in
full: the round timer, the chance line (with a selected card), every card title and every
event's title and text (before, "…· Ti…", "med forslag 1: 100…" and cut titles). Measured
with the fonts that draw them: a text counts as cut when ``TextRenderer.fitted`` says so."""

from __future__ import annotations

from dataclasses import replace

import pygame
import pytest

from game.engine import (
    Adopt,
    DrawnEvent,
    EndYear,
    History,
    IllegalAction,
    legal_actions,
    new_game,
    verdict,
)
from game.saves import GameSettings
from game.ui import theme
from game.ui.app import App
from game.ui.screenshot import play_until
from game.ui.theme import Scale
from tests.ui.driver import click, key

SIZES = [(1024, 768), (1280, 720), (1280, 800), (1366, 768), (1920, 1080), (3840, 2160)]


def record_cuts(app, skip=None) -> tuple[list[str], set[str]]:
    """Every text drawn, and those drawn cut (not counting those inside ``skip()``: the
    adopted list shows a title on one line, the market in full)."""
    drawn: list[str] = []
    cut: set[str] = set()
    original = app.text.draw

    def spy(surface, text, rect, style, scale=None):  # type: ignore[no-untyped-def]
        drawn.append(text)
        rect = pygame.Rect(rect)
        fitted = app.text.fitted(text, rect, style, scale or Scale(surface.get_height()))
        if fitted.truncated and (skip is None or not skip().contains(rect)):
            cut.add(text)
        return original(surface, text, rect, style, scale)

    app.text.draw = spy  # type: ignore[method-assign]
    return drawn, cut


def chunks(items, size):
    return [items[i : i + size] for i in range(0, len(items), size)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_timer_chance_titles_and_events_are_read_in_full(make_app, std_deck, size):
    app = make_app(std_deck, size=size)
    settings = GameSettings("standard", 3, timer_minutes=10)
    base = play_until(History.start(new_game(std_deck, "standard", 3)), 1, 3, adopt_extra=2)
    app.start_game(std_deck, settings, base)
    board = app.top
    drawn, cut = record_cuts(app, skip=lambda: board.layout().adopted)
    state = base.current
    market = state.scenario.market
    proposals = [p.id for p in std_deck.proposals]
    events = [e.id for e in std_deck.events]
    earlier = tuple(e for e in state.events if e.round != state.round)
    per_round = state.scenario.events_per_round
    groups = chunks(proposals, market)
    event_groups = chunks(events, per_round)
    for number in range(max(len(groups), len(event_groups))):
        cards = groups[number % len(groups)]
        drawn_now = event_groups[number % len(event_groups)]
        shown = replace(
            state,
            market=tuple(cards),
            events=(*earlier, *(DrawnEvent(e, state.round) for e in drawn_now)),
        )
        app.game.history = History.start(shown)
        board.selected = cards[-1]
        board.layers = type(board.layers)()  # draw every panel afresh (nothing kept)
        board.panel("market").cards.enabled = False
        app.request_redraw()
        app.step(0.02)
        clock = board.clock_text()
        assert clock and any(clock in text for text in drawn)
        assert not any(clock in text for text in cut), f"the timer is cut: {cut}"
        # whole, or in its shorter form beside a title kept at its heading's size
        chance = [t for t in drawn if t.startswith("Chance")]
        assert chance and not set(chance) & cut, f"the chance line is cut: {chance}"
        for card in cards:
            title = std_deck.proposal(card).title
            assert title in drawn and title not in cut, f"{title!r} is cut at {size}"
        for eid in drawn_now:
            deck_event = std_deck.event(eid)
            assert deck_event.title in drawn and deck_event.title not in cut
            text = deck_event.text.strip()
            assert text in drawn and text not in cut, f"{deck_event.title}: text cut at {size}"
        drawn.clear()


def test_the_report_picture_shows_the_verdict_and_no_buttons(std_deck):
    # before: board.png next to the report showed Fortryd, Gentag, Hjælp, Menu and "Se
    # resultatet" – nothing a reader of the report can press
    history = play_until(History.start(new_game(std_deck, "standard", 3)), 4, 3)
    assert history.current.finished
    app = App(std_deck, size=(1600, 900), window=False)
    app.report_picture = True
    app.start_game(std_deck, GameSettings("standard", 3), history)
    drawn, cut = record_cuts(app)
    app.render(app.surface)
    for button in ("board.undo", "board.redo", "board.help", "board.menu", "board.debrief"):
        assert app.t(button) not in drawn, button
    reasons = app.catalogue.verdict_reasons(verdict(history.current))
    assert " ".join(reasons) in drawn and " ".join(reasons) not in cut
    # a picture of a finished game: no capacity left to spend, and the last year's event
    # is not "this year's" ("Kapacitet –" and "HÆNDELSE I ÅR" stood on board.png)
    assert not any(text.startswith(app.t("board.capacity")) for text in drawn), drawn
    assert "HÆNDELSE I 2030" in drawn and "HÆNDELSE I ÅR" not in drawn
    window = App(std_deck, size=(1600, 900), window=False)  # the window keeps its buttons
    window.start_game(std_deck, GameSettings("standard", 3), history)
    drawn, _ = record_cuts(window)
    window.render(window.surface)
    assert window.t("board.menu") in drawn and window.t("board.debrief") in drawn


def test_the_report_picture_shows_the_adopted_list_from_its_first_line(std_deck):
    """board.png at 1920×1080: the "+1 mere" line hid the first year and its first card."""
    import numpy as np

    from game.engine.bots import greedy_policy

    history = History.start(new_game(std_deck, "lang-horisont", 2))
    generator = np.random.default_rng(2)
    while history.current.round < 7:
        history = history.do(greedy_policy(history.current, generator))
    app = App(std_deck, size=(1920, 1080), window=False)
    state = history.current
    app.start_game(std_deck, GameSettings("lang-horisont", 2), history)
    drawn, _ = record_cuts(app)
    app.render(app.surface)
    first_year = state.scenario.years[state.adopted[0].round]
    first_card = std_deck.proposal(state.adopted[0].card).title
    assert first_year in drawn and first_card in drawn
    assert any(text.endswith("mere – rul ned") for text in drawn)


@pytest.mark.parametrize("height", [240, 300, 360])
def test_a_reveal_list_shows_whole_lines_and_counts_the_rest_on_a_row_of_its_own(
    make_app, std_deck, height
):
    # Before, at 1024×768 the third line was cut in half and "+1 mere" was drawn over it.
    from game.ui.reveal import Line, draw_lines

    app = make_app(std_deck, size=(1024, 768))
    proposals = [std_deck.proposal(p) for p in std_deck.scenario("standard").proposals][:5]
    lines = [
        Line(f"{p.title}: bedre end ventet", f"ventet 1, faktisk {i},2 mio. kr.", "good", p, p.text)
        for i, p in enumerate(proposals)
    ]
    placed: dict[str, pygame.Rect] = {}
    original = app.text.draw

    def spy(surface, text, box, *args, **kwargs):  # type: ignore[no-untyped-def]
        used = original(surface, text, box, *args, **kwargs)
        placed[text] = used
        return used

    app.text.draw = spy  # type: ignore[method-assign]
    rect = pygame.Rect(10, 10, 420, height)
    draw_lines(app, app.surface, rect, "Usikre forslag", lines, "ingen")
    titles = [line.title for line in lines if line.title in placed]
    assert titles == [line.title for line in lines[: len(titles)]]
    more = [t for t in placed if t.endswith(" mere")]
    hidden = len(lines) - len(titles)
    assert (more == [f"+{hidden} mere"]) if hidden else not more
    floor = placed[more[0]].top if more else rect.bottom
    for line in lines[: len(titles)]:
        assert line.detail in placed, "a line is shown with its detail or not at all"
        for text in (line.title, line.detail):
            assert placed[text].bottom <= floor, (text, "runs into the count or off the panel")


@pytest.mark.parametrize("height", [260, 300, 340])
def test_a_long_text_never_pushes_the_next_lines_title_under_the_count(make_app, std_deck, height):
    # Before, at 1024×768 the year screen showed one outcome with its text and "+1 mere" over
    # an empty space: the first card's text took the room the second one's title needed.
    from game.ui.reveal import Line, draw_lines

    app = make_app(std_deck, size=(1024, 768))
    proposals = [std_deck.proposal(p) for p in std_deck.scenario("standard").proposals][:4]

    def titles_shown(texts: bool) -> list[str]:
        lines = [
            Line(
                f"{p.title}: bedre end ventet",
                "ventet 1, faktisk 1,2 mio. kr.",
                "good",
                p,
                p.text * 3 if texts else "",
            )
            for p in proposals
        ]
        placed: list[str] = []
        original = app.text.draw

        def spy(surface, text, box, *args, **kwargs):  # type: ignore[no-untyped-def]
            placed.append(text)
            return original(surface, text, box, *args, **kwargs)

        app.text.draw = spy  # type: ignore[method-assign]
        draw_lines(app, app.surface, pygame.Rect(10, 10, 420, height), "Usikre", lines, "")
        app.text.draw = original  # type: ignore[method-assign]
        return [line.title for line in lines if line.title in placed]

    with_texts, without = titles_shown(True), titles_shown(False)
    assert 1 < len(without) < len(proposals), without  # the panel holds some of the lines
    assert with_texts == without


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1366, 768), (1920, 1080)], ids=str)
def test_the_capacity_pips_stay_readable_beside_their_line_in_either_language(
    make_app, std_deck, lang, size
):
    # before: in a 1280×720 window in English, "Capacity 25: 5 used · 6 lost to fatigue · 14 left"
    # left the 25 pips beside it about 90 px, and they were drawn as hairlines
    app = make_app(std_deck, size=size, lang=lang)
    app.start_game(std_deck, GameSettings("borgermoede", 1, None, lang))
    for _ in range(3):  # a line with used and lost capacity, as in the middle of a game
        adopt = next(a for a in legal_actions(app.game.state) if isinstance(a, Adopt))
        app.game.do(adopt)
    app.request_redraw()
    app.step(0.02)
    meters = app.top.layout().meters
    picture = pygame.surfarray.pixels3d(app.surface)
    rows = []
    for y in range(meters.top, meters.bottom):
        line = [tuple(picture[x, y]) == theme.BLUE for x in range(meters.left, meters.right)]
        rows.append(line)
    del picture
    pips = max(rows, key=sum)  # the row through the capacity's pips left (blue)
    runs = [len(run) for run in "".join("x" if on else " " for on in pips).split()]
    assert len(runs) == app.game.state.capacity_left, runs
    assert min(runs) >= 5, runs


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)])
def test_a_year_list_cut_short_opens_whole_with_a_click(make_app, std_deck, size):
    # before: at 1024×768 "+2 mere" hid two outcomes, and no click, key or wheel showed them;
    # then at 1280×720 the dialog itself cut the third outcome and left out the fourth
    app = make_app(std_deck, size=size)
    seed = 67723
    history = History.start(new_game(std_deck, "standard", seed))
    uncertain = [
        a
        for a in legal_actions(history.current)
        if isinstance(a, Adopt) and std_deck.proposal(a.card).is_uncertain
    ]
    for action in uncertain:
        try:
            history = history.do(action)
        except IllegalAction:
            continue  # the capacity is used up
    adopted = [a.card for a in history.current.adopted]
    assert len(adopted) >= 4
    app.start_game(std_deck, GameSettings("standard", seed, None, "da"), history)
    app.step(0.02)
    app.find("board").end_year()
    year = app.top
    year.skip()
    drawn, cut = record_cuts(app)
    app.request_redraw()
    app.step(0.02)
    assert year.cut_sections, drawn  # texts cut short (their titles are all there)
    assert any(t.startswith("Klik på en liste, der er skåret af") for t in drawn)
    outcomes = next(r for r, heading, *_ in year.cut_sections if heading.startswith("Usikre"))
    click(app, outcomes.center)
    assert app.top.name == "message"
    drawn.clear()
    cut.clear()
    app.request_redraw()
    app.step(0.02)
    assert app.top.body not in cut, app.top.body  # the dialog shows every outcome whole
    whole = "\n".join(drawn)
    assert len(year.reveal.outcomes) > 2
    for line in year.reveal.outcomes:  # every outcome, also those under "+N mere"
        assert line.title in whole and line.detail in whole, line.title
    key(app, pygame.K_RETURN)
    assert app.top is year  # the dialog closes back to the year
    # and without a mouse: L opens the lists cut short (a trial on keys alone had no way)
    key(app, pygame.K_l)
    assert app.top.name == "message"
    for line in year.reveal.outcomes:
        assert line.title in app.top.full, line.title
    key(app, pygame.K_RETURN)
    assert app.top is year


def test_the_helps_key_names_are_whole_at_1024(make_app, std_deck):
    # "Mellemrumstast" under the board's end-year button cut the help's key chip to "Mellemrums…"
    app = make_app(std_deck, size=(1024, 768))
    app.start_game(std_deck, GameSettings("standard", 3, None, "da"))
    app.step(0.02)
    drawn, cut = record_cuts(app)
    app.push("help")
    app.step(0.02)
    assert "Mellemrum" in drawn
    keys = {name for name, _ in app.top.keys} | {"Mellemrum", "Piletaster"}
    assert not (cut & keys), cut & keys
    # … and so is what each key does ("Hvor spillet er gemt – eller g…", "Vælg forrige/næste
    # forslag (…": that G saves elsewhere and that a presenter remote works were lost)
    said = {app.t(what) for _, what in app.top.keys}
    assert not (cut & said), cut & said


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_screens_help_says_each_key_whole_at_1024(make_app, std_deck, lang):
    # the compare screen's help read "Forrige/næste dæk og sc…" and "Skriv rapporten over
    # bord…" on a 1024×768 projector: only the board's help was measured
    from game.ui.scenes.overlays import SCREEN_KEYS

    app = make_app(std_deck, size=(1024, 768), lang=lang)
    app.start_game(std_deck, GameSettings("standard", 3, None, lang))
    app.step(0.02)
    app.push("help")
    app.step(0.02)
    help_scene = app.top
    for screen, keys in SCREEN_KEYS.items():
        help_scene.keys = keys
        drawn, cut = record_cuts(app)
        app.request_redraw()
        app.step(0.02)
        said = {app.t(what) for _, what in keys}
        said |= {app.t(name) for name, _ in keys if name.startswith("help.keyname.")}
        assert said <= set(drawn), (screen, said - set(drawn))
        assert not (cut & said), (screen, cut & said)


@pytest.mark.parametrize("size", [(1366, 768), (3840, 2160)])
def test_the_year_s_events_are_read_whole_beside_the_chart(make_app, std_deck, size):
    # a facilitator's trial: the year screen cut the events' last lines ("… bliver lig…") at
    # every size, 4K too, beside a chart with room to spare; the facilitator reads them aloud
    import numpy as np

    from game.engine.bots import greedy_policy

    app = make_app(std_deck, size=size)
    history = play_until(History.start(new_game(std_deck, "standard", 1)), 1, 1, adopt_extra=3)
    generator = np.random.default_rng(1)
    while not isinstance(action := greedy_policy(history.current, generator), EndYear):
        history = history.do(action)  # the year of ``raaderum screenshot --scene year``
    app.start_game(std_deck, GameSettings("standard", 1, None, "da"), history)
    app.step(0.02)
    app.find("board").end_year()
    year = app.top
    year.skip()
    app.request_redraw()
    app.step(0.02)
    events = [line.text for line in (*year.reveal.events, *year.reveal.next_events)]
    assert sum(len(text) for text in events) > 250, events  # long texts, as in the trial
    assert not year.cut_sections, [heading for _, heading, *_ in year.cut_sections]
