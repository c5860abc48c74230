"""The engine's public API as an outside program meets it (a tournament harness with worker
processes, a researcher's bots): its errors survive pickling, and bad arguments get the
documented error with a short message – from an outside developer's trial."""

from __future__ import annotations

import pickle

import pytest

from game.content import DeckError, load_deck
from game.engine import (
    Adopt,
    Chance,
    EndYear,
    IllegalAction,
    SetTarget,
    apply,
    forecast_state,
    new_game,
    verdict,
)
from game.engine.actions import ActionFormatError, action_from_dict
from game.engine.rules import year_total


def test_the_engines_errors_survive_pickling_as_a_worker_process_sends_them(std_deck, tmp_path):
    # a multiprocessing Pool whose worker met an illegal move lost its result thread: the
    # error came back as IllegalAction(reason) and failed ("missing 1 required argument")
    state = new_game(std_deck, "intro", 1)
    with pytest.raises(IllegalAction) as caught:
        apply(state, Adopt("zzz"))
    again = pickle.loads(pickle.dumps(caught.value))
    assert isinstance(again, IllegalAction)
    assert (again.code, again.reason, again.params) == (
        caught.value.code,
        caught.value.reason,
        caught.value.params,
    )
    with pytest.raises(ActionFormatError) as wrong:
        action_from_dict({"type": "x"})
    back = pickle.loads(pickle.dumps(wrong.value))
    assert (back.problem, back.field, str(back)) == (wrong.value.problem, "type", str(wrong.value))
    with pytest.raises(DeckError) as bad:
        load_deck(tmp_path / "findes-ikke")
    deck_error = pickle.loads(pickle.dumps(bad.value))
    assert deck_error.problems == bad.value.problems
    assert str(deck_error) == str(bad.value)  # not one character a line


@pytest.mark.parametrize(
    ("argument", "value"),
    [("samples", 0), ("samples", -5), ("samples", 2.5), ("seed", -1), ("seed", "1")],
)
def test_a_forecast_with_a_bad_sample_count_or_seed_says_so(std_deck, argument, value):
    # numpy's IndexError and "expected non-negative integer" reached the bot
    state = new_game(std_deck, "intro", 1)
    with pytest.raises(ValueError, match=f"^{argument} must be a whole number"):
        forecast_state(state, **{argument: value})


@pytest.mark.parametrize(
    "chance",
    [
        Chance(factors=None),  # type: ignore[arg-type]
        Chance(events=5),  # type: ignore[arg-type]
        Chance(events=(None,)),  # type: ignore[arg-type]
        {"open_table": True},
    ],
)
def test_chance_of_the_wrong_shape_is_refused_as_bad_chance(std_deck, chance):
    # TypeError and AttributeError, where the docstring promises IllegalAction(bad_chance)
    with pytest.raises(IllegalAction) as caught:
        new_game(std_deck, "intro", 1, chance=chance)
    assert caught.value.code == "bad_chance"


def test_huge_arguments_get_short_messages(std_deck):
    with pytest.raises(ValueError) as seed:
        new_game(std_deck, "intro", 10**5000)  # repr() itself refuses so many digits
    assert len(str(seed.value)) < 200
    with pytest.raises(KeyError) as scenario:
        new_game(std_deck, "x" * 100_000, 1)
    assert len(str(scenario.value)) < 300
    with pytest.raises(IllegalAction) as card:
        apply(new_game(std_deck, "intro", 1), Adopt("x" * 100_000))
    assert len(str(card.value)) < 200


def test_a_small_change_of_x_after_a_closed_year_is_in_the_verdict(std_deck):
    # X from 25 to 25,1 after 2027 moved 2028 and 2029, and targets_changed said False
    closed = apply(new_game(std_deck, "intro", 3), EndYear())
    changed = apply(closed, SetTarget(25.1))
    assert changed.targets[0] == 3.0 and changed.targets[-1] == 25.1
    assert verdict(changed).targets_changed is True
    assert verdict(apply(closed, SetTarget(25.0))).targets_changed is False


def test_a_target_that_is_no_number_is_told_so(std_deck):
    # "10" was told "the target must be between 0 and 100000", as if 10 were out of range
    with pytest.raises(IllegalAction, match=r"must be a number between 0 and 100000 .*, not '10'"):
        apply(new_game(std_deck, "intro", 1), SetTarget("10"))  # type: ignore[arg-type]


def test_a_year_outside_the_scenario_is_refused(std_deck):
    # year_total(state, -1) gave the last year without a word, 99 a bare IndexError
    state = new_game(std_deck, "intro", 1)
    assert year_total(state, 2) == year_total(state, 2)
    for index in (-1, 3, 99):
        with pytest.raises(IndexError, match="the scenario has the years 0–2"):
            year_total(state, index)


def test_an_unknown_proposal_or_event_id_names_the_nearest_known_ones(std_deck):
    # a tournament harness got a bare "KeyError: 'nope'", while Deck.scenario named the known
    with pytest.raises(KeyError) as error:
        std_deck.proposal("sfo-taks")
    said = str(error.value)
    assert "unknown proposal 'sfo-taks'" in said and "nearest: sfo-takst" in said, said
    assert f"known: {len(std_deck.proposals)} proposals" in said
    with pytest.raises(KeyError) as error:
        std_deck.event("x" * 1000)
    said = str(error.value)
    assert said.startswith("\"unknown event 'xxx") and len(said) < 150, said
    assert std_deck.proposal("sfo-takst").id == "sfo-takst"
