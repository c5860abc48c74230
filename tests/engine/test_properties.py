"""Invariants over random legal action sequences (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import (
    Adopt,
    EndYear,
    IllegalAction,
    apply,
    legal_actions,
    new_game,
    state_from_dict,
    state_hash,
    state_to_dict,
    year_total,
)
from game.engine.ledger import face, realised


@st.composite
def games(draw, deck):
    """A game played by random legal choices, checked after every move."""
    scenario = draw(st.sampled_from([s.id for s in deck.scenarios]))
    state = new_game(deck, scenario, draw(st.integers(0, 2**32)))
    states = [state]
    while not state.finished and len(states) < 60:
        moves = legal_actions(state)
        state = apply(state, moves[draw(st.integers(0, len(moves) - 1))])
        states.append(state)
    return states


def _parts(state, year):
    deck = state.deck
    parts = [realised(deck.proposal(a.card), a, year) for a in state.adopted]
    parts += [face(deck.event(e.card), e.round, year) for e in state.events]
    return parts


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_invariants_hold_along_random_games(std_deck, data):
    for state in data.draw(games(std_deck)):
        assert 0 <= state.used_load <= state.capacity or state.finished
        for year in range(state.scenario.rounds):
            assert year_total(state, year) == pytest.approx(sum(_parts(state, year)))
        for result, year in zip(state.results, range(len(state.results))):
            assert result.raaderum == pytest.approx(sum(_parts(state, year)))
        assert state_from_dict(state_to_dict(state), std_deck) == state
        assert len(set(state.market)) == len(state.market)
        assert set(state.market).isdisjoint(state.adopted_ids())


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32), card=st.text(min_size=1, max_size=12))
def test_an_illegal_action_never_changes_the_state(std_deck, seed, card):
    state = new_game(std_deck, "standard", seed)
    digest = state_hash(state)
    if card in state.market:
        return
    try:
        apply(state, Adopt(card))
    except IllegalAction:
        pass
    else:  # pragma: no cover - would be a rules bug
        raise AssertionError("adopting a card that is not on the table was allowed")
    assert state_hash(state) == digest
    finished = new_game(std_deck, "intro", seed)
    while not finished.finished:
        finished = apply(finished, EndYear())
    with pytest.raises(IllegalAction):
        apply(finished, EndYear())
