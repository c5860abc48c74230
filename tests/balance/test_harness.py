"""``raaderum balance`` on small decks, as a deck author runs it: does it tell a deck where
savings alone win from one where the three kinds must be combined?"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCENARIO = """\
scenarios:
  - id: prove
    title: Prøvespil
    years: ["2027", "2028", "2029"]
    target: [{targets}]
    capacity: 14
    market: 6
    service_floor: {floor}
    require_all_kinds: true
events:
  - id: udligning
    title: Udligningen falder
    text: Kommunen får mindre i udligning end ventet.
    effect: [-1]
    source: Prøvedæk
  - id: aftale
    title: God økonomiaftale
    text: Aftalen kompenserer for demografien.
    effect: [1]
    source: Prøvedæk
"""


def _card(pid: str, kind: str, effect: list[float], service: int, load: int) -> str:
    return f"""\
  - id: {pid}
    kind: {kind}
    title: {pid.capitalize()}
    area: Administration
    effect: {effect}
    service: {service}
    load: {load}
    question: Hvem mærker det?
    source: Prøvedæk
"""


def _deck(folder: Path, savings: float, floor: int, targets: str) -> Path:
    """A six-card deck: two savings of ``savings`` each, two efficiencies, two investments."""
    cards = [
        _card("spar-a", "saving", [savings], -1, 1),
        _card("spar-b", "saving", [savings], -1, 1),
        _card("eff-a", "efficiency", [1, 3, 4], 0, 2),
        _card("eff-b", "efficiency", [1, 2, 4], 0, 2),
        _card("inv-a", "investment", [-2, 4, 9], 1, 3),
        _card("inv-b", "investment", [-2, 3, 8], 1, 3),
    ]
    head = "deck:\n  id: prove\n  title: Prøvedæk\n  schema_version: 2\nproposals:\n"
    path = folder / "deck.yaml"
    body = head + "".join(cards) + SCENARIO.format(targets=targets, floor=floor)
    path.write_text(body, encoding="utf-8")
    return path


def _balance(deck: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "game", "balance", "--deck", str(deck), "--games", "30"]
    return subprocess.run([*command, "--workers", "1", *extra], capture_output=True, text=True)


def _report(deck: Path) -> dict:
    run = _balance(deck, "--json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def _check(report: dict, words: str) -> bool:
    found = [c["met"] for c in report["checks"] if words in c["text"]]
    assert found, f"no check mentions {words!r}: {[c['text'] for c in report['checks']]}"
    return all(found)


@pytest.fixture(scope="module")
def savings_deck(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Savings of 12 each against targets of 6, 8, 10: any table that adopts them wins."""
    folder = tmp_path_factory.mktemp("spar")
    return _report(_deck(folder, 12.0, -6, "6, 8, 10"))


def test_a_deck_that_savings_alone_win_is_flagged(savings_deck):
    scenario = savings_deck["scenarios"]["prove"]
    assert scenario["strategies"]["savings-first"]["win_rate"] > 0.5
    assert not _check(savings_deck, "savings-first vinder højst")
    assert savings_deck["all_met"] is False
    # the pile check sees it too: the savings alone free more than the final target
    assert scenario["pile"]["by_kind"]["saving"] == 24
    assert not _check(savings_deck, "besparelserne alene frigør mindre end slutmålet")


def test_every_strategy_plays_every_game_and_reports_its_losses(savings_deck):
    scenario = savings_deck["scenarios"]["prove"]
    names = {"random", "greedy", "planner", "savings-first", "no-investment", "invest-first"}
    assert set(scenario["strategies"]) == names
    for result in scenario["strategies"].values():
        lost = result["games"] - result["wins"]
        assert result["games"] == 30
        assert result["win_rate"] == pytest.approx(result["wins"] / 30, abs=1e-4)
        # every lost game has at least one reason, and no reason counts more games than lost
        assert all(0 <= n <= lost for n in result["losses"].values())
        assert (max(result["losses"].values()) > 0) == (lost > 0)
        assert len(result["mean_raaderum"]) == 3
    assert 0.0 <= scenario["hindsight_share"] <= 1.0
    assert {card["id"] for card in scenario["cards"]} <= {
        "spar-a",
        "spar-b",
        "eff-a",
        "eff-b",
        "inv-a",
        "inv-b",
    }


def test_a_deck_that_needs_all_three_kinds_turns_the_one_sided_strategies_down(
    tmp_path, savings_deck
):
    # small savings and a service floor: a table must also invest to reach 2029
    report = _report(_deck(tmp_path, 2.0, -2, "2, 6, 14"))
    strategies = report["scenarios"]["prove"]["strategies"]
    before = savings_deck["scenarios"]["prove"]["strategies"]
    assert _check(report, "besparelserne alene frigør mindre end slutmålet")
    assert _check(report, "no-investment vinder højst")
    assert strategies["savings-first"]["win_rate"] < before["savings-first"]["win_rate"] - 0.3
    assert strategies["planner"]["win_rate"] > strategies["savings-first"]["win_rate"]
    assert strategies["planner"]["win_rate"] > strategies["no-investment"]["win_rate"]


def test_the_danish_table_and_the_markdown_file(tmp_path):
    deck = _deck(tmp_path, 12.0, -6, "6, 8, 10")
    markdown = tmp_path / "balance.md"
    run = _balance(deck, "--markdown", str(markdown))
    assert run.returncode == 0, run.stderr
    assert "Besparelser først" in run.stdout and "Målene for balancen" in run.stdout
    assert "✗" in run.stdout  # the broken deck misses a target, and the table says so
    text = markdown.read_text(encoding="utf-8")
    assert text.startswith("# Balance: Prøvedæk")
    assert "| " in text and "✗ " in text
    assert "Traceback" not in run.stderr
