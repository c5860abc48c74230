"""Træthed, capacity and the other rules of deck format 2, computed by hand (docs/rules.md).

The ledger deck (tests/conftest.py): spar5 is a saving with the default service −2, spar3 a
saving with service −3, eff an efficiency on Ældre (a welfare area), inv an investment with
the default service +1, tung an investment of belastning 5. The scenario 'regn' has capacity
16; træthed takes capacity point for point and the year end sheds 4.
"""

from __future__ import annotations

import dataclasses

import pytest

from game.content import load_sources
from game.engine import Adopt, EndYear, IllegalAction, apply, ledger, legal_actions, new_game


def _seed_with(deck, scenario, cards):
    for seed in range(2000):
        if set(cards) <= set(new_game(deck, scenario, seed).market):
            return seed
    raise AssertionError(f"no seed shows {cards}")


def test_every_adoption_adds_fatigue_by_the_rule(ledger_deck):
    fatigue = {
        pid: ledger.fatigue_of(ledger_deck.proposal(pid))
        for pid in ("spar5", "spar3", "eff", "inv")
    }
    # 1 for the agenda + the service it cuts + 1 for an efficiency on a welfare area
    assert fatigue == {"spar5": 1 + 2, "spar3": 1 + 3, "eff": 1 + 0 + 1, "inv": 1}


def test_fatigue_takes_capacity_in_the_same_round(ledger_deck):
    seed = _seed_with(ledger_deck, "regn", ["spar3", "spar5"])
    state = apply(new_game(ledger_deck, "regn", seed), Adopt("spar3"))
    # belastning 1 used, træthed 4 takes 4: 16 − 1 − 4 = 11 left
    assert (state.used_load, state.fatigue, state.capacity_left) == (1, 4, 11)
    state = apply(state, Adopt("spar5"))
    # belastning 2, træthed 4 + 3 = 7: 16 − 2 − 7 = 7 left
    assert (state.used_load, state.fatigue, state.capacity_left) == (2, 7, 7)


def test_a_card_whose_own_fatigue_does_not_fit_is_refused(ledger_deck):
    seed = _seed_with(ledger_deck, "regn", ["spar3", "spar5", "eff", "inv"])
    state = new_game(ledger_deck, "regn", seed)
    for card in ("spar3", "spar5", "eff"):
        state = apply(state, Adopt(card))
    # 16 − belastning 4 − træthed 9 = 3 left; inv needs belastning 3 and træthed 1 = 4
    assert state.capacity_left == 3
    with pytest.raises(IllegalAction) as error:
        apply(state, Adopt("inv"))
    assert error.value.code == "over_capacity"
    assert error.value.params == {"card": "inv", "load": 4, "left": 3}
    assert Adopt("inv") not in legal_actions(state)


def test_the_year_end_recovers_four_and_one_per_point_of_service_raised(ledger_deck):
    seed = _seed_with(ledger_deck, "regn", ["spar3", "spar5", "inv"])
    state = new_game(ledger_deck, "regn", seed)
    for card in ("spar3", "spar5", "inv"):
        state = apply(state, Adopt(card))
    assert state.fatigue == 4 + 3 + 1
    state = apply(state, EndYear())
    # 8 − 4 (recovery) − 1 (inv raised service by 1) = 3, which takes 3 capacity next year
    assert state.fatigue == 3
    assert state.results[0].fatigue == 3
    assert state.capacity_left == 16 - 3
    state = apply(state, EndYear())  # a quiet year: 3 − 4 stops at 0
    assert state.fatigue == 0
    assert state.capacity_left == 16


def test_the_last_round_counts_too(ledger_deck):
    seed = _seed_with(ledger_deck, "regn", ["spar3", "spar5"])
    state = new_game(ledger_deck, "regn", seed)
    for _ in range(3):
        state = apply(state, EndYear())
    assert state.round == 3  # the last budget year
    state = apply(apply(state, Adopt("spar3")), Adopt("spar5"))
    assert state.capacity_left == 16 - 2 - 7  # træthed took its share at once, last year too


EVENTS = """\
deck: {id: trae, title: Træthed, schema_version: 2}
proposals:
  - {id: s, kind: saving, title: S, area: Kultur, effect: [2], service: -1}
  - {id: e, kind: efficiency, title: E, area: Kultur, effect: [1], load: 1}
  - {id: i, kind: investment, title: I, area: Kultur, effect: [-1, 3], load: 1}
  - {id: i2, kind: investment, title: I2, area: Kultur, effect: [-1, 4], load: 1, requires: [e]}
  - {id: anl, kind: investment, title: Anlæg, area: Kultur, effect: [1], load: 1, construction: 7,
     uncertainty: 0}
events:
  - {id: syg, title: Sygefravær stiger, effect: [0], fatigue: 3, source: "Egen hændelse"}
  - {id: ro, title: Ro på, effect: [0], fatigue: -5}
scenarios:
  - {id: a, title: A, years: [2027, 2028], target: 0, capacity: 8, market: 5,
     events_per_round: 1, events: [syg], construction_budget: 5}
  - {id: b, title: B, years: [2027, 2028], target: 0, capacity: 4, market: 5,
     events_per_round: 1, events: [ro]}
"""


def test_events_add_or_relieve_fatigue_but_never_below_zero():
    deck = load_sources([("trae.yaml", EVENTS)])
    state = new_game(deck, "a", 1)
    assert state.events_in_round(0) == ("syg",)
    assert (state.fatigue, state.capacity_left) == (3, 8 - 3)
    assert deck.event("syg").source == "Egen hændelse"
    assert new_game(deck, "b", 1).fatigue == 0  # −5 from 0 stays 0


def test_a_card_that_requires_another_waits_for_it():
    deck = load_sources([("trae.yaml", EVENTS)])
    state = new_game(deck, "b", 1)
    with pytest.raises(IllegalAction) as error:
        apply(state, Adopt("i2"))
    assert error.value.code == "requires"
    assert error.value.params["other"] == "e"
    state = apply(apply(state, Adopt("e")), Adopt("i2"))  # after it, in the same round
    assert state.adopted_ids() == ("e", "i2")


def test_construction_is_paid_from_the_anlaegsramme_not_the_raaderum():
    deck = load_sources([("trae.yaml", EVENTS)])
    state = new_game(deck, "a", 1)
    assert state.scenario.construction_budget == 5
    with pytest.raises(IllegalAction) as error:
        apply(state, Adopt("anl"))  # anlæg 7 > 5
    assert error.value.code == "over_construction"
    other = new_game(deck, "b", 1)  # no anlægsramme: no limit
    other = apply(other, Adopt("anl"))
    assert other.construction_used == 7
    assert ledger.year_totals(other) == (1.0, 1.0)  # only the operating effect counts


def test_a_paper_tables_own_events_and_factors_replace_the_draws():
    from game.engine import Chance, replay, state_hash

    deck = load_sources([("trae.yaml", EVENTS)])
    chance = Chance(events=(("ro",),), factors=(("i", 0.5),))
    state = new_game(deck, "b", 3, chance=chance)
    assert state.events_in_round(0) == ("ro",)
    assert state.factor_of("i") == 0.5
    state = apply(state, Adopt("i"))
    state = apply(state, EndYear())
    assert state.events_in_round(1) == ()  # none entered for round 2: none drawn
    assert ledger.year_totals(state)[1] == pytest.approx(3 * 0.5)
    again = replay(deck, "b", 3, [Adopt("i"), EndYear()], chance=chance)
    assert state_hash(again) == state_hash(state)
    with pytest.raises(IllegalAction) as error:
        new_game(deck, "b", 3, chance=Chance(events=(("syg",),)))  # not an event of 'b'
    assert error.value.code == "bad_chance"


def test_a_paper_table_has_the_whole_catalogue_in_front_of_it():
    from game.engine import Chance

    deck = load_sources([("trae.yaml", EVENTS)])
    state = new_game(deck, "b", 3, chance=Chance(open_table=True))
    assert set(state.market) == set(state.scenario.proposals)  # the market of 5 holds all 5
    small = dataclasses.replace(state.scenario, market=3)
    narrow = dataclasses.replace(deck, scenarios=(small,))
    assert len(new_game(narrow, "b", 3).market) == 3
    assert len(new_game(narrow, "b", 3, chance=Chance(open_table=True)).market) == 5
