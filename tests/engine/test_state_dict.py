"""``state_from_dict`` refuses a damaged dict with a ValueError that names the field and what
is wrong with it, instead of building a state that ``legal_actions`` and ``apply`` later
crash on with a bare KeyError (a market card the deck does not have, round 99)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from game.engine import (
    EndYear,
    apply,
    legal_actions,
    new_game,
    state_from_dict,
    state_hash,
    state_to_dict,
    verdict,
)

Change = Callable[[dict[str, Any]], None]


def _set(key: str, value: Any) -> Change:
    return lambda data: data.__setitem__(key, value)


def _first(key: str, field: str, value: Any) -> Change:
    return lambda data: data[key][0].__setitem__(field, value)


DAMAGES: list[tuple[str, Change, str]] = [
    (
        "unknown market card",
        _set("market", ["nope"]),
        r"'market\[0\]' is 'nope', which is not a proposal",
    ),
    # a card of the deck that the scenario 'standard' does not play
    (
        "card of another scenario",
        _set("market", ["sfo-takst"]),
        "'sfo-takst', which is not a proposal of the scenario",
    ),
    (
        "market card twice",
        lambda d: d.__setitem__("market", [d["market"][0]] * 2),
        "'market' holds the card .* twice",
    ),
    (
        "card in market and pile",
        lambda d: d["pile"].append(d["market"][0]),
        "is in both 'market' and 'pile'",
    ),
    (
        "unknown pile card",
        lambda d: d["pile"].append(7),
        r"'pile\[\d+\]' must be a card id \(a text\), not 7",
    ),
    (
        "unknown event",
        _set("event_pile", ["nope"]),
        r"'event_pile\[0\]' is 'nope', which is not an event",
    ),
    ("adopted unknown card", _first("adopted", "card", "nope"), r"'adopted\[0\].card' is 'nope'"),
    (
        "adopted in a later round",
        _first("adopted", "round", 3),
        r"'adopted\[0\].round' must be from 0 to 1, not 3",
    ),
    ("round 99", _set("round", 99), "'round' must be from 0 to 4, not 99"),
    ("round -1", _set("round", -1), "'round' must be from 0 to 4, not -1"),
    ("round as text", _set("round", "1"), "'round' must be a whole number, not '1'"),
    ("round true", _set("round", True), "'round' must be a whole number, not True"),
    ("fatigue -5", _set("fatigue", -5), "'fatigue' must be at least 0, not -5"),
    ("capacity 2.5", _set("capacity", 2.5), "'capacity' must be a whole number, not 2.5"),
    (
        "seed 10**30",
        _set("seed", 10**30),
        "'seed' must be from 0 to 9223372036854775807, not a whole number of 31 digits",
    ),
    (
        "seed 10**5000 (past what str() writes)",
        _set("seed", 10**5000),
        "'seed' must be from 0 to 9223372036854775807, not a whole number of more than 4000",
    ),
    ("seed -1", _set("seed", -1), "'seed' must be from 0 to 9223372036854775807, not -1"),
    (
        "target not finite",
        lambda d: d["targets"].__setitem__(0, float("nan")),
        r"'targets\[0\]' must be a finite number",
    ),
    ("missing round", lambda d: d.pop("round"), "'round' is missing"),
    ("results of another round", _set("results", []), "'results' must have 1 items, not 0"),
    (
        "open_table as text",
        _set("open_table", "ja"),
        "'open_table' must be true or false, not 'ja'",
    ),
    (
        "event draw of 1",
        lambda d: d["event_draws"].__setitem__(0, 1.0),
        r"'event_draws\[0\]' must be less than 1.0",
    ),
    ("not a dict", lambda d: d.clear(), "'deck' is missing"),
]


@pytest.fixture(scope="module")
def played(std_deck) -> dict[str, Any]:
    """A standard game one year in, one proposal adopted in its second year."""
    state = apply(new_game(std_deck, "standard", 1), EndYear())
    adopt = next(a for a in legal_actions(state) if type(a).__name__ == "Adopt")
    return state_to_dict(apply(state, adopt))


@pytest.mark.parametrize(("label", "damage", "reason"), DAMAGES, ids=[d[0] for d in DAMAGES])
def test_a_damaged_state_dict_is_a_value_error_that_says_what_is_wrong(
    label, damage, reason, played, std_deck
):
    # Before, 'nope' in the market, round 99, fatigue -5 and seed 10**30 were accepted; the
    # state then crashed legal_actions and apply with KeyError: 'nope'.
    data = copy.deepcopy(played)
    damage(data)
    with pytest.raises(ValueError, match="^malformed game state: .*" + reason):
        state_from_dict(data, std_deck)


def test_a_state_dict_that_is_not_a_dict_is_a_value_error(std_deck):
    with pytest.raises(ValueError, match="the state must be a dict, not list"):
        state_from_dict([], std_deck)  # type: ignore[arg-type]


def test_every_state_of_played_games_reads_back_and_plays_on(std_deck):
    # the checks refuse nothing the engine makes: every scenario, every state of a game
    for scenario in std_deck.scenarios:
        state = new_game(std_deck, scenario.id, 7)
        while True:
            again = state_from_dict(state_to_dict(state), std_deck)
            assert again == state and state_hash(again) == state_hash(state)
            if state.finished:
                verdict(again)
                break
            state = apply(state, legal_actions(state)[-1])
