"""The balance report's tables as a deck author reads them."""

from __future__ import annotations

from dataclasses import replace

from game.balance.analysis import Pile, ScenarioResult, StrategyResult
from game.balance.command import scenario_lines
from game.engine.model import Kind, Scenario


def _result(means: tuple[float, ...]) -> ScenarioResult:
    scenario = Scenario(
        id="prove",
        title="Prøvespil",
        years=("2027", "2028", "2029"),
        target=(1.0, 5.0, 9.0),
        proposals=(),
        events=(),
    )
    played = {
        name: StrategyResult(
            name=name,
            games=10,
            wins=wins,
            losses={"target": 10 - wins, "kinds": 0, "service": 0},
            mean_raaderum=means,
        )
        for name, wins in (("random", 1), ("greedy", 4))
    }
    pile = Pile(total=20.0, by_kind=dict.fromkeys(Kind, 20.0 / 3), final_target=9.0)
    return ScenarioResult(scenario=scenario, strategies=played, pile=pile)


def test_mean_raaderum_is_written_with_one_decimal_even_near_zero():
    lines = scenario_lines(_result((-0.348, 0.156, 17.44)), "mio. kr.", markdown=True)
    row = next(line for line in lines if line.startswith("| Tilfældig"))
    assert row.rstrip(" |").endswith("−0,3 / 0,2 / 17,4")


def _all_lost(require_all_kinds: bool) -> ScenarioResult:
    # a deck nothing wins: every strategy, the one-sided ones too, at 0 %
    result = _result((0.0, 0.0, 0.0))
    played = {
        name: StrategyResult(name, 10, 0, {"target": 10, "kinds": 0, "service": 0}, (0, 0, 0))
        for name in ("random", "greedy", "planner", "savings-first", "planner-savings")
    }
    scenario = replace(result.scenario, require_all_kinds=require_all_kinds)
    return replace(result, scenario=scenario, strategies=played)


def test_a_deck_nothing_wins_gets_no_tick_for_beating_the_one_sided_play():
    from game.balance.analysis import checks
    from game.balance.lessons import all_three_kinds

    result = _all_lost(require_all_kinds=True)
    twice = [c for c in checks([result]) if "gange så ofte" in c.text]
    assert twice and not any(c.met for c in twice)
    ((text, met),) = all_three_kinds(result, {})
    assert met is False, text
    # a scenario that does not ask for all three kinds is not judged on that lesson
    ((text, met),) = all_three_kinds(_all_lost(require_all_kinds=False), {})
    assert met is None and "kræver ikke" in text


def test_targets_out_of_reach_get_a_suggestion_from_what_the_best_strategy_reached():
    # before, a municipality's deck whose targets nothing could reach got only ✗ lines
    from game.balance.analysis import summarise
    from game.balance.play import GameRecord
    from game.balance.strategies import spoken

    records = [
        GameRecord(i, False, ("target",), (float(i), 10.0 * i, 20.0 * i), 0) for i in range(11)
    ]
    best = summarise("greedy", records, 3)
    # in 60 % of the games the råderum was at least the 40th percentile, year by year
    assert best.reached_often == (4.0, 40.0, 80.0)
    result = _result((5.0, 50.0, 100.0))
    result = replace(result, strategies={"random": result.strategies["random"], "greedy": best})
    lines = scenario_lines(result, "t. kr.", markdown=False)
    advice = [line for line in lines if "prøv mål omkring det" in line]
    assert advice == [
        f"{spoken('greedy')} vinder 0,0 % (spillet er bygget til 45–75 %). I 60 % af spillene "
        f"nåede {spoken('greedy')} mindst 4 / 40 / 80 t. kr.: prøv mål omkring det, og kør "
        "balance igen."
    ]
    within = replace(best, wins=6)  # 6 of 11: within the range, no advice
    calm = replace(result, strategies={**result.strategies, "greedy": within})
    assert not any("prøv mål" in line for line in scenario_lines(calm, "t. kr.", markdown=False))


def test_a_negative_reach_is_said_as_it_was_and_the_target_to_try_is_never_below_zero():
    # Before: "nåede mindst 0 / 10.662 …" where the planner had reached −1.646 in 60 % of
    # its games: a figure it never reached.
    from game.balance.analysis import summarise
    from game.balance.play import GameRecord
    from game.balance.strategies import spoken

    records = [
        GameRecord(i, False, ("target",), (-5.0 + i * 0.1, 10.0 * i, 20.0 * i), 0)
        for i in range(11)
    ]
    best = summarise("greedy", records, 3)
    result = _result((5.0, 50.0, 100.0))
    result = replace(result, strategies={"random": result.strategies["random"], "greedy": best})
    lines = scenario_lines(result, "t. kr.", markdown=False)
    assert any(f"nåede {spoken('greedy')} mindst −4,6 / 40 / 80 t. kr." in line for line in lines)
    assert "Et mål kan ikke være negativt: prøv 0 / 40 / 80 t. kr." in lines
