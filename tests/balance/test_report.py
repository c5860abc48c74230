"""The balance report's tables as a deck author reads them."""

from __future__ import annotations

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
