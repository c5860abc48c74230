"""The numpy batch simulator plays exactly the engine's greedy games."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from game.engine import Deck
from game.engine.batch import play_batch, simulate_batch
from game.engine.bots import greedy_policy
from game.engine.rules import new_game, raaderum
from game.engine.simulate import game_seed, play_game, simulate
from game.engine.verdict import verdict

GAMES = 40


def _check_against_engine(deck: Deck, scenario: str, seed: int, target: float | None) -> None:
    batch = simulate_batch(deck, scenario, games=GAMES, seed=seed, target=target)
    for game in range(GAMES):
        final = play_game(
            deck, scenario, game_seed(seed, game), greedy_policy, np.random.default_rng(0), target
        )
        outcome = verdict(final)
        assert bool(batch.won[game]) == outcome.won, (scenario, game)
        assert batch.reasons(game) == outcome.reasons, (scenario, game)
        assert tuple(batch.raaderum[game].tolist()) == raaderum(final), (scenario, game)
        assert int(batch.service[game]) == final.service
    expected = simulate(deck, scenario, "greedy", GAMES, seed, target).to_dict()
    assert batch.summary(seed).to_dict() == expected


@pytest.mark.parametrize("target", [None, 30.0])
def test_batch_matches_the_engine_on_every_standard_scenario(
    std_deck: Deck, target: float | None
) -> None:
    for scenario in std_deck.scenarios:
        _check_against_engine(std_deck, scenario.id, seed=7, target=target)


def test_batch_matches_the_engine_with_exclusions_and_a_service_floor(ledger_deck: Deck) -> None:
    for scenario in ledger_deck.scenarios:
        for seed in (0, 1, 2):
            _check_against_engine(ledger_deck, scenario.id, seed=seed, target=None)


def test_batch_games_are_independent_of_the_batch_they_are_played_in(std_deck: Deck) -> None:
    seeds = [game_seed(3, i) for i in range(12)]
    together = play_batch(std_deck, None, seeds)
    alone = play_batch(std_deck, None, seeds[5:6])
    assert np.array_equal(together.raaderum[5:6], alone.raaderum)
    assert bool(together.won[5]) == bool(alone.won[0])


def test_batch_refuses_a_target_out_of_range(std_deck: Deck) -> None:
    with pytest.raises(ValueError):
        simulate_batch(std_deck, games=2, target=float("nan"))


OPTIONS_DECK = """\
deck: {id: valg, title: Alle scenariets valg, schema_version: 1}
proposals:
  - {id: s1, kind: saving, title: S1, area: A, effect: [4], service: -2, uncertainty: 0}
  - {id: s2, kind: saving, title: S2, area: B, effect: [3], service: -1, excludes: [e2]}
  - {id: s3, kind: saving, title: S3, area: A, effect: [6], service: -3, failure: 0.2}
  - {id: e1, kind: efficiency, title: E1, area: B, effect: [0, 2, 5], load: 2}
  - {id: e2, kind: efficiency, title: E2, area: C, effect: [-1, 3, 4], load: 2}
  - {id: e3, kind: efficiency, title: E3, area: A, effect: [1, 1, 3], load: 1, failure: 0.3}
  - {id: i1, kind: investment, title: I1, area: C, effect: [-3, 0, 9], load: 3, service: 2}
  - {id: i2, kind: investment, title: I2, area: B, effect: [-2, 4], load: 2, failure: 0.4}
  - {id: i3, kind: investment, title: I3, area: A, effect: [-5, -1, 12], load: 4, excludes: [s1]}
events:
  - {id: h1, title: H1, effect: [-3]}
  - {id: h2, title: H2, effect: [2, 0], service: 1, weight: 3}
  - {id: h3, title: H3, effect: [-1, -2, -4], rounds: [2, 3]}
  - {id: h4, title: H4, effect: [-6], rounds: [1], weight: 0.5}
  - {id: h5, title: H5, effect: [1], service: -1}
scenarios:
  - id: to-pr-runde
    title: To hændelser pr. runde
    years: ["2027", "2028", "2029", "2030"]
    target: [2, 4, 6, 8]
    capacity: 5
    market: 4
    events_per_round: 2
    service_floor: -3
  - id: tre-pr-runde-uden-slags
    title: Tre hændelser pr. runde, ingen krav om slags
    years: ["2027", "2028", "2029"]
    target: 3
    capacity: 4
    market: 5
    events_per_round: 3
    require_all_kinds: false
  - id: ingen-haendelser
    title: Ingen hændelser
    years: ["2027", "2028"]
    target: [1, 2]
    capacity: 3
    market: 3
    events_per_round: 0
    proposals: [s1, s2, e1, e3, i2, i3]
"""


@pytest.fixture(scope="module")
def options_deck() -> Deck:
    from game.content import load_sources

    return load_sources([("valg.yaml", OPTIONS_DECK)])


@pytest.mark.parametrize("target", [None, 12.0])
def test_batch_matches_the_engine_with_several_events_per_round_and_every_option(
    options_deck: Deck, target: float | None
) -> None:
    for scenario in options_deck.scenarios:
        for seed in (0, 5):
            _check_against_engine(options_deck, scenario.id, seed=seed, target=target)


def test_two_events_per_round_are_drawn_in_the_batch_as_in_the_engine(options_deck: Deck) -> None:
    # Several events in one round must all count: the engine's year totals include both.
    state = new_game(options_deck, "to-pr-runde", 3)
    assert len(state.events_in_round(0)) == 2
    batch = play_batch(options_deck, "to-pr-runde", [3])
    final = play_game(options_deck, "to-pr-runde", 3, greedy_policy, np.random.default_rng(0))
    assert tuple(batch.raaderum[0].tolist()) == raaderum(final)
    assert len(final.events_in_round(1)) == 2


def test_a_scenario_without_proposals_ends_every_year_as_in_the_engine(std_deck: Deck) -> None:
    # a deck being written may have one (validate warns and plays it); the batch once raised
    # IndexError where the engine plays the game to its end
    empty = replace(std_deck.scenario("intro"), proposals=())
    deck = replace(std_deck, scenarios=(empty,))
    _check_against_engine(deck, "intro", seed=3, target=None)
