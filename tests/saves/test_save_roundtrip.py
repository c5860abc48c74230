"""Property tests: whatever the group did (undo and redo included), save → load → replay gives
the same game; an illegal move changes nothing."""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import (
    Adopt,
    Annotate,
    Deck,
    EndYear,
    History,
    IllegalAction,
    SetTarget,
    check,
    legal_actions,
    new_game,
    state_hash,
)
from game.saves import GameSettings, read_save, write_save

OPS = st.lists(
    st.tuples(
        st.sampled_from(["do", "do", "do", "undo", "redo", "note", "target"]), st.integers(0, 999)
    ),
    max_size=45,
)


def _play(deck: Deck, scenario: str, seed: int, target: float | None, ops) -> History:
    history = History.start(new_game(deck, scenario, seed, target))
    for op, pick in ops:
        state = history.current
        if op == "do" and not state.finished:
            moves = legal_actions(state)
            history = history.do(moves[pick % len(moves)])
        elif op == "undo" and history.can_undo:
            history = history.undo()
        elif op == "redo" and history.can_redo:
            history = history.redo()
        elif op == "note" and state.adopted:
            card = state.adopted[pick % len(state.adopted)].card
            history = history.do(Annotate(card, f"fordi {pick} – æøå"))
        elif op == "target" and not state.finished:
            history = history.do(SetTarget(pick / 7))
    return history


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    scenario=st.sampled_from(["kort", "lang"]),
    seed=st.integers(0, 2**63 - 1),
    target=st.one_of(st.none(), st.floats(0, 50, allow_nan=False)),
    ops=OPS,
)
def test_save_load_replay_gives_the_same_game(mini_deck, scenario, seed, target, ops) -> None:
    history = _play(mini_deck, scenario, seed, target, ops)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "spil.json"
        write_save(path, mini_deck, GameSettings(scenario, seed, target), history)
        saved = read_save(path)
    resumed = saved.history
    assert state_hash(resumed.current) == state_hash(history.current)
    assert resumed.actions == history.actions
    assert resumed.redo_actions == history.redo_actions
    assert [state_hash(s) for s in resumed.states] == [state_hash(s) for s in history.states]
    assert saved.settings == GameSettings(scenario, seed, target)
    # Undo and redo keep working after the resume, exactly as before it.
    if history.can_redo:
        assert state_hash(resumed.redo().current) == state_hash(history.redo().current)
    if history.can_undo:
        assert state_hash(resumed.undo().current) == state_hash(history.undo().current)


ANY_ACTION = st.one_of(
    st.builds(Adopt, st.sampled_from(["s1", "s2", "s3", "e1", "e2", "e3", "i1", "i2", "i3", "x"])),
    st.builds(Adopt, st.sampled_from(["s1", "e1", "i1"]), st.text(min_size=270, max_size=300)),
    st.builds(EndYear),
    st.builds(Annotate, st.sampled_from(["s1", "e2", "i3", "nope"]), st.text(max_size=300)),
    st.builds(
        SetTarget, st.one_of(st.floats(allow_nan=True), st.sampled_from([-1.0, 1e9, math.inf]))
    ),
)


@settings(max_examples=150, deadline=None)
@given(
    scenario=st.sampled_from(["kort", "lang"]),
    seed=st.integers(0, 10_000),
    ops=OPS,
    action=ANY_ACTION,
)
def test_an_illegal_move_changes_nothing(mini_deck, scenario, seed, ops, action) -> None:
    history = _play(mini_deck, scenario, seed, None, ops)
    before = state_hash(history.current)
    problem = check(history.current, action)
    try:
        after = history.do(action)
    except IllegalAction as error:
        assert problem is not None and error.code == problem.code
        assert state_hash(history.current) == before
        return
    assert problem is None
    assert after.actions[-1] == action and after.states[:-1] == history.states
    assert state_hash(history.current) == before


def test_long_game_on_the_standard_deck_round_trips(tmp_path) -> None:
    from game.content import load_deck
    from game.paths import standard_deck

    deck = load_deck(standard_deck())
    scenario = max(deck.scenarios, key=lambda s: s.rounds)
    history = History.start(new_game(deck, scenario.id, 2024))
    step = 0
    while not history.current.finished:
        moves = legal_actions(history.current)
        history = history.do(moves[step % len(moves)])
        step += 1
    path = tmp_path / "lang.json"
    write_save(path, deck, GameSettings(scenario.id, 2024, None), history)
    saved = read_save(path)
    assert saved.history.current.finished
    assert state_hash(saved.history.current) == state_hash(history.current)
    assert saved.deck.content_hash == deck.content_hash


def test_the_round_timers_time_used_is_kept_and_a_bad_one_is_refused_plainly(tmp_path) -> None:
    # the time a round had used goes with its save (a window opened again goes on from it);
    # a hand-edited clock is a clear message, never a traceback
    import json

    from game.content import load_deck
    from game.paths import standard_deck
    from game.saves import RoundClock, SaveError

    deck = load_deck(standard_deck())
    history = History.start(new_game(deck, "intro", 3)).do(EndYear())
    path = tmp_path / "spil.json"
    settings = GameSettings("intro", 3, timer_minutes=8)
    write_save(path, deck, settings, history, clock=RoundClock(1, 42.5))
    assert read_save(path).clock == RoundClock(1, 42.5)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["clock"]["seconds"] = -5
    path.write_text(json.dumps(document), encoding="utf-8")
    try:
        read_save(path)
    except SaveError as error:
        assert "feltet 'clock.seconds' skal være mindst 0, ikke -5" in str(error)
    else:
        raise AssertionError("a negative clock was read")
    write_save(path, deck, settings, history)  # no clock: as saves were before
    assert read_save(path).clock is None
