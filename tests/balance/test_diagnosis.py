"""The diagnosis of a deck that cannot be won: every figure it gives holds for the games."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from game.balance.diagnosis import DIAGNOSED_CHUNK, _least, diagnose, eased
from game.balance.play import play
from game.content import load_deck
from game.engine.optimise import can_win, most_in_year
from tests.balance.test_harness import _deck


@pytest.fixture(scope="module")
def cramped(tmp_path_factory: pytest.TempPathFactory):
    """The three-kinds deck of test_harness with a capacity of 8 instead of 24: an
    investment (belastning 3, træthed 1) and a saving fill a round."""
    folder = tmp_path_factory.mktemp("cramped")
    deck = load_deck(_deck(folder, 2.5, -2, "2, 6, 25", capacity=8, sure=True))
    return play(deck, "prove", "greedy", 6, 0, hindsight=True)


def test_the_games_are_kept_for_the_diagnosis_with_the_rounds_capacity_cut_short(cramped):
    assert all(r.problem is not None for r in cramped)
    assert all(r.problem.capacity == 8 for r in cramped if r.problem is not None)
    # the greedy bot ends rounds with an investment on the table that would have helped 2029
    assert sum(r.capacity_short for r in cramped) > 0
    assert all(0 <= r.capacity_short <= 3 and r.construction_short == 0 for r in cramped)


def test_the_least_capacity_wins_and_one_less_does_not(cramped):
    found = diagnose("greedy", cramped)
    assert found is not None and found.games == 6
    assert found.lost == sum(not r.hindsight_won for r in cramped) > 0
    for record, needed in zip(cramped, found.capacity_needed):
        problem = record.problem
        assert problem is not None and needed is not None
        assert can_win(replace(problem, capacity=needed))
        if needed > problem.capacity:
            assert not can_win(replace(problem, capacity=needed - 1))
    # each eased rule counts exactly the lost games it alone turns into wins
    lost = [r.problem for r in cramped if not r.hindsight_won and r.problem is not None]
    for rule, count in found.rescued.items():
        assert count == sum(can_win(eased(p, rule)) for p in lost), rule
    assert found.rescued["capacity"] == found.lost  # here the capacity is all that is wrong
    assert "floor" in found.rescued and "construction" not in found.rescued  # no anlægsramme


def test_the_ceilings_of_a_year_are_the_optimisers(cramped):
    found = diagnose("greedy", cramped)
    assert found is not None
    lost = [r.problem for r in cramped if not r.hindsight_won and r.problem is not None]
    assert [row[2] for row in found.reach] == [most_in_year(p, 2) for p in lost]
    # without the capacity's limit a year never gives less
    for under, free in zip(found.reach, found.open_reach):
        assert all(f >= u - 1e-9 for u, f in zip(under, free))


def test_the_diagnosis_shared_over_two_processes_says_the_same(tmp_path: Path):
    deck = load_deck(_deck(tmp_path, 2.5, -2, "2, 6, 25", capacity=8, sure=True))
    games = play(deck, "prove", "greedy", DIAGNOSED_CHUNK + 4, 0, hindsight=True)
    alone = diagnose("greedy", games)
    told: list[int] = []
    shared = diagnose("greedy", games, workers=2, progress=told.append)
    assert alone is not None and alone.lost > 0
    assert shared == alone
    assert told == [DIAGNOSED_CHUNK, len(games)]


def test_the_least_value_that_covers_a_share_of_the_games():
    needed = (6, 6, 9, None, 12)
    assert _least(needed, 0.5, 5) == (9, 3)  # three of five games need 9 or less
    assert _least(needed, 0.8, 5) == (12, 4)
    assert _least(needed, 0.9, 5) is None  # one game no capacity wins


def test_a_deck_without_lost_games_has_nothing_to_diagnose(tmp_path: Path):
    deck = load_deck(_deck(tmp_path, 12.0, -6, "6, 8, 10"))
    records = play(deck, "prove", "greedy", 3, 0, hindsight=True)
    found = diagnose("greedy", records)
    assert found is not None and found.lost == 0 and found.reach == ()
    assert found.capacity_for(0.9) == (14, 3)  # the scenario's own capacity already wins
