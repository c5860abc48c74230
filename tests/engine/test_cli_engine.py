"""The command line around the engine: simulate and forecast, as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from game.balance.play import play
from game.content import load_deck
from game.engine.simulate import simulate
from game.paths import standard_deck


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True)


def test_simulate_json_has_the_promised_keys_and_is_reproducible():
    first = _run("simulate", "--scenario", "intro", "--games", "40", "--seed", "3", "--json")
    again = _run("simulate", "--scenario", "intro", "--games", "40", "--seed", "3", "--json")
    assert first.returncode == 0, first.stderr
    assert first.stdout == again.stdout
    data = json.loads(first.stdout)
    assert {
        "scenario",
        "policy",
        "games",
        "seed",
        "wins",
        "win_rate",
        "losses",
        "mean_raaderum",
    } <= set(data)
    assert set(data["losses"]) == {"target", "kinds", "service"}
    years = len(load_deck(standard_deck()).scenario("intro").years)
    assert data["scenario"] == "intro" and data["games"] == 40
    assert len(data["mean_raaderum"]) == years
    assert data["win_rate"] == pytest.approx(data["wins"] / 40)


def test_a_planning_table_clearly_beats_random_play_on_every_standard_scenario(std_deck):
    """The game rewards thinking ahead: the look-ahead planner wins far more often than a
    table that adopts at random (docs/balance.md has the full figures)."""
    for scenario in std_deck.scenarios:
        planner = play(std_deck, scenario.id, "planner", 10, 11)
        rand = simulate(std_deck, scenario.id, "random", 150, 11)
        planner_rate = sum(r.won for r in planner) / len(planner)
        assert planner_rate >= rand.win_rate + 0.2, scenario.id


def test_standard_scenario_is_neither_always_won_nor_always_lost(std_deck):
    records = play(std_deck, "standard", "planner", 40, 2026)
    rate = sum(r.won for r in records) / len(records)
    assert 0.25 <= rate <= 0.85
    assert any(r.reasons for r in records) and any(r.won for r in records)


def test_forecast_certain_json_is_the_exact_sum(std_deck):
    out = _run(
        "forecast",
        "--scenario",
        "standard",
        "--adopt",
        "vakancer",
        "--adopt",
        "lean@2",
        "--certain",
        "--json",
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    vakancer = std_deck.proposal("vakancer").effect
    lean = std_deck.proposal("lean").effect
    expected = [vakancer[0], vakancer[0] + lean[0], vakancer[0] + lean[1], vakancer[0] + lean[2]]
    assert data["expected"] == pytest.approx(expected)
    assert data["p10"] == data["p50"] == data["p90"] == data["expected"]
    assert data["years"] == ["2027", "2028", "2029", "2030"]
    assert data["probability"] in (0.0, 1.0)


def test_forecast_takes_a_title_and_a_budget_year_as_enter_does(std_deck):
    # a budget office's plan says "Luk den mindste landsbyskole" in 2028; forecast refused
    # both ("ukendt forslag", "runden skal være mellem 1 og 4") where enter takes them
    by_name = _run(
        "forecast", "--scenario", "standard", "--certain", "--json",
        "--adopt", f"{std_deck.proposal('skole-luk').title}@2028", "--adopt", "lean@2029",
    )  # fmt: skip
    by_id = _run(
        "forecast", "--scenario", "standard", "--certain", "--json",
        "--adopt", "skole-luk@2", "--adopt", "lean@3",
    )  # fmt: skip
    assert by_name.returncode == 0, by_name.stderr
    assert json.loads(by_name.stdout) == json.loads(by_id.stdout)
    assert json.loads(by_id.stdout)["expected"][0] == 0  # nothing in 2027: the years were read


def test_forecast_samples_give_a_spread_and_a_probability():
    out = _run(
        "forecast",
        "--scenario",
        "standard",
        "--adopt",
        "borgerkonsulent",
        "--samples",
        "5000",
        "--json",
    )
    data = json.loads(out.stdout)
    assert data["p10"][-1] < data["p50"][-1] < data["p90"][-1]
    assert data["p10"][0] == data["p90"][0]  # the first year is a certain cost
    assert 0.0 <= data["probability"] <= 1.0


@pytest.mark.parametrize(
    ("scenario", "adopt", "message"),
    [
        ("standard", ["findes-ikke"], "ukendt forslag 'findes-ikke'"),
        ("standard", ["lean@9"], "runden skal være mellem 1 og 4 (eller et af scenariets år: 2027"),
        ("standard", ["lean@2035"], "(eller et af scenariets år: 2027, 2028, 2029, 2030)"),
        ("standard", ["lean", "effektiviseringsbidrag"], "udelukker hinanden"),
        # plans the game itself refuses (before, the forecast computed them)
        (
            "standard",
            ["skaermbesoeg"],
            "'skaermbesoeg' kræver 'velfaerdsteknologi', som planen skal",
        ),
        ("standard", ["velfaerdsteknologi@2", "skaermbesoeg@1"], "vedtage i runde 1 eller før"),
        (
            "lang-horisont",
            ["kloge-kvadratmeter", "velfaerdsboliger@2", "botilbud-sammenlaeg"],
            "planens anlæg er 30 mio. kr., men scenariets anlægsramme er 22 mio. kr.",
        ),
        ("standard", ["skarmbesoeg"], "ukendt forslag 'skarmbesoeg' (mente du 'skaermbesoeg'?)"),
    ],
)
def test_forecast_errors_are_one_line_with_exit_2(scenario, adopt, message):
    args = ["forecast", "--scenario", scenario]
    for item in adopt:
        args += ["--adopt", item]
    out = _run(*args)
    assert out.returncode == 2
    assert message in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["simulate", "--games", "1"],
        ["balance", "--games", "1"],
        ["forecast", "--adopt", "vakancer"],
        ["print", "--out", "ud"],
        ["enter", "--table", "1", "--adopt", "2027:vakancer", "--out", "ud"],
        ["screenshot", "--scene", "board", "--out", "ud"],
        ["play"],
    ],
)
def test_every_command_names_an_unknown_scenario_in_the_readers_words(command, tmp_path):
    # Before: balance ended in a KeyError traceback, and play and screenshot said it in
    # English ("unknown scenario 'nope'") in a Danish command line.
    command = [str(tmp_path / "ud") if arg == "ud" else arg for arg in command]
    out = _run(*command, "--scenario", "nope")
    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stderr
    assert f"raaderum {command[0]}: ukendt scenarie 'nope' (kendte: standard, intro" in out.stderr
    english = _run("--lang", "en", *command, "--scenario", "nope")
    assert "unknown scenario 'nope' (known: standard, intro" in english.stderr
    assert not (tmp_path / "ud").exists()


def test_a_broken_deck_exits_2_at_its_line(tmp_path):
    bad = tmp_path / "d.yaml"
    bad.write_text("deck: [\n", encoding="utf-8")
    out = _run("simulate", "--deck", str(bad))
    assert out.returncode == 2
    assert out.stderr.startswith(f"{bad}:")


@pytest.mark.parametrize(
    "args",
    [
        ["simulate", "--seed", "-1"],
        ["simulate", "--target", "nan"],
        ["simulate", "--target", "-1"],
        ["simulate", "--games", "0"],
        ["forecast", "--scenario", "standard", "--adopt", "lean", "--seed", "-3"],
        ["forecast", "--scenario", "standard", "--adopt", "lean", "--samples", "0"],
        ["play", "--timer", "-5"],
        ["play", "--timer", "nan"],
        ["play", "--speed", "0"],
        ["play", "--seed", "18446744073709551616"],
        ["play", "--target", "100001"],
        ["play", "--size", "10x10"],
    ],
)
def test_bad_numbers_on_the_command_line_are_refused_before_anything_runs(args):
    out = _run(*args)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert out.stderr.splitlines() == [out.stderr.strip()]  # one line, in Danish
    assert out.stderr.startswith(f"raaderum {args[0]}: {args[-2]}")


def test_forecast_target_is_the_facilitators_x_like_in_the_game():
    out = _run(
        "forecast",
        "--scenario",
        "standard",
        "--adopt",
        "lean",
        "--target",
        "60",
        "--certain",
        "--json",
    )
    profile = load_deck(standard_deck()).scenario("standard").target
    scaled = [round(t * 60 / profile[-1], 2) for t in profile]
    assert json.loads(out.stdout)["target"] == scaled


def test_simulate_says_why_its_loss_lines_add_up_to_more_than_the_games_lost():
    # a budget officer added "tabt – …" lines up to 114 of 99 lost games and thought the
    # command miscounted
    out = _run("simulate", "--scenario", "intro", "--games", "60", "--policy", "random")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    won = int(next(line for line in lines if line.startswith("Vundet: ")).split()[1])
    counted = sum(int(line.rsplit(": ", 1)[1]) for line in lines if line.startswith("  tabt – "))
    assert counted > 60 - won  # random games lose on several counts at once …
    assert "flere grunde på én gang" in out.stdout  # … and the output says so
    single = _run("simulate", "--scenario", "intro", "--games", "20", "--policy", "greedy")
    assert "flere grunde" not in single.stdout  # only when it happens


def test_forecast_refuses_a_round_over_its_capacity_as_the_game_does(std_deck):
    # a trial: eight cards in 2027, needing 33 points of a capacity of 24, were forecast as
    # a valid plan that the game would have refused
    from game.engine import ledger
    from game.planning import PlanError, parse_plan

    scenario = std_deck.scenario("intro")  # capacity 28
    free = [
        p
        for p in map(std_deck.proposal, scenario.proposals)
        if not p.requires and not std_deck.exclusive_with(p.id)
    ]
    plan: list[str] = []
    need = 0
    for card in free:  # the cards in order, until one more would not fit in 2027
        taken = card.load + ledger.fatigue_of(card)
        if need + taken > scenario.capacity:
            break
        plan.append(card.id)
        need += taken
    else:
        raise AssertionError("the pile fits in one round")
    parse_plan(std_deck, scenario, plan)  # up to the capacity: a plan
    with pytest.raises(PlanError) as error:
        parse_plan(std_deck, scenario, [*plan, card.id])
    assert error.value.key == "plan.capacity"
    assert error.value.params["needed"] == need + taken > scenario.capacity
    # the card that did not fit, a year later: the year end rests the organisation
    later = _run(
        "forecast",
        "--scenario",
        "intro",
        *(f"--adopt={p}" for p in plan),
        "--adopt",
        f"{card.id}@2",
    )
    assert later.returncode == 0, later.stderr
    over = _run("forecast", "--scenario", "intro", *(f"--adopt={p}" for p in [*plan, card.id]))
    assert over.returncode == 2 and "runde 1 (2027)" in over.stderr, over.stderr
    assert f"kræver {need + taken} point kapacitet" in over.stderr
    assert "flyt nogle af forslagene til runde 2 (fx ID@2)" in over.stderr
    # in the last round there is no later one to move them to (it said "fx @2" of round 4)
    last = [f"--adopt={p}@3" for p in [*plan, card.id]]
    over = _run("forecast", "--scenario", "intro", *last)
    assert over.returncode == 2 and "runde 3 (2029)" in over.stderr, over.stderr
    assert "tag nogle af forslagene ud, eller vedtag dem i en tidligere runde" in over.stderr
