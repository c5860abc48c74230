"""A change of the target during the game is in report.html: when (decision number, budget
year, round) and how (from X to Y, and the years whose targets changed)."""

from __future__ import annotations

import numpy as np
import pytest
from report_helpers import parse_html

from game.engine import Adopt, History, SetTarget, new_game
from game.engine.bots import greedy_policy
from game.numbers import format_target
from game.report import write_report
from game.report.session import target_changes
from game.saves import GameSettings, read_save, write_save


def _play(deck, changes: dict[int, float], seed: int = 4) -> History:
    """A greedy game of the standard scenario with the target set to ``changes[round]`` at
    the start of those rounds."""
    history = History.start(new_game(deck, "standard", seed))
    rng = np.random.default_rng(seed)
    done: set[int] = set()
    while not history.current.finished:
        round_index = history.current.round
        if round_index in changes and round_index not in done:
            history = history.do(SetTarget(changes[round_index]))
            done.add(round_index)
            continue
        history = history.do(greedy_policy(history.current, rng))
    return history


@pytest.fixture
def report_of(tmp_path, std_deck):
    def make(changes: dict[int, float], lang: str = "da"):
        history = _play(std_deck, changes)
        path = tmp_path / "spil.json"
        write_save(path, std_deck, GameSettings("standard", 4, None), history)
        saved = read_save(path)
        out = tmp_path / f"rapport-{lang}"
        write_report(saved, out, lang=lang, board_picture=lambda s, lang: _tiny_png())
        return saved, parse_html(out / "report.html")[1]

    return make


def _tiny_png() -> bytes:
    import io

    import pygame

    buffer = io.BytesIO()
    pygame.image.save(pygame.Surface((4, 4)), buffer, "x.png")
    return buffer.getvalue()


def _decision_of(saved, amount: float) -> int:
    actions = saved.history.actions
    return next(
        i for i, a in enumerate(actions, 1) if isinstance(a, SetTarget) and a.amount == amount
    )


def test_the_report_says_when_and_how_the_target_changed(report_of):
    saved, page = report_of({1: 40.0})
    number = _decision_of(saved, 40.0)
    # a facilitator counts adopted proposals, not the log's decisions (year ends, notes …)
    adopted = sum(isinstance(a, Adopt) for a in saved.history.actions[: number - 1])
    text = " ".join(page.text.split())
    assert ("h2", "Målet blev ændret undervejs") in page.headings
    assert (
        f"I budgetår 2028 (runde 2 af 4), efter {adopted} vedtagne forslag i alt, blev målet "
        "for 2030 ændret fra 49 til 40 mio. kr., og det ændrede målene for 2028–2030."
    ) in text
    assert "De afsluttede år (2027) beholdt deres mål." in text
    rows = page.table_after("År")
    shown = [[y, format_target(a), format_target(b)] for y, a, b in target_changes(saved)[0].years]
    assert rows[1:] == shown
    # with the decimals the game counts, as the board and the dialog said (8,2 in the report)
    assert shown[0] == ["2028", "10", "8,16"]
    assert shown[-1] == ["2030", "49", "40"] and [row[0] for row in shown] == [
        "2028",
        "2029",
        "2030",
    ]
    profile = saved.deck.scenario("standard").target
    assert target_changes(saved)[0].years[0][1:] == (profile[1], round(profile[1] * 40 / 49, 2))
    assert "(ændret undervejs – se »Målet blev ændret undervejs«)" in text


def test_every_change_is_reported_in_order(report_of):
    saved, page = report_of({0: 45.0, 2: 40.0})
    changes = target_changes(saved)
    assert [(c.round, c.before, c.after) for c in changes] == [(0, 49.0, 45.0), (2, 45.0, 40.0)]
    assert [year for year, _, _ in changes[1].years] == ["2029", "2030"]
    text = " ".join(page.text.split())
    assert (
        "I budgetår 2027 (runde 1 af 4), før gruppen havde vedtaget noget forslag, blev målet "
        "for 2030 ændret fra 49 til 45"
    ) in text
    adopted = changes[1].adopted
    assert adopted > 0
    assert (
        f"I budgetår 2029 (runde 3 af 4), efter {adopted} vedtagne forslag i alt, blev målet "
        "for 2030 ændret fra 45 til 40"
    ) in text
    assert "De afsluttede år (2027 og 2028) beholdt deres mål." in text


def test_setting_the_same_target_again_is_no_change(report_of):
    saved, page = report_of({1: 49.0})
    assert any(isinstance(a, SetTarget) for a in saved.history.actions)
    assert target_changes(saved) == []
    assert ("h2", "Målet blev ændret undervejs") not in page.headings


def test_an_unchanged_game_has_no_section(report_of):
    _, page = report_of({})
    assert not any("ændret" in heading for _, heading in page.headings)


def test_the_english_report_says_it_too(report_of):
    _, page = report_of({1: 40.0}, lang="en")
    text = " ".join(page.text.split())
    assert ("h2", "The target was changed") in page.headings
    assert "the target for 2030 was changed from 49 to 40" in text
    assert text.count("In budget year 2028 (round 2 of 4), after ") == 1


def test_decisions_csv_still_lists_the_change(tmp_path, std_deck):
    history = _play(std_deck, {1: 40.0})
    path = tmp_path / "spil.json"
    write_save(path, std_deck, GameSettings("standard", 4, None), history)
    out = tmp_path / "out"
    write_report(read_save(path), out, board_picture=lambda s, lang: _tiny_png())
    csv = (out / "decisions.csv").read_bytes().decode("utf-8-sig")
    assert "Nyt mål" in csv and ";40\r\n" in csv
