"""``--target`` on the command line is read like the start screen reads it (1.200 is 1200 in
Danish, 47,5 is 47,5), and a bad amount is a one-line message in the command's language."""

from __future__ import annotations

import json

import pytest

from game.cli import _normalise, build_parser, main
from game.engine.rules import scaled_targets
from game.paths import standard_deck


def _target(argv: list[str]) -> float:
    args = build_parser().parse_args(argv)
    _normalise(args)
    return float(args.target)


@pytest.mark.parametrize(
    ("argv", "target"),
    [
        (["play", "--target", "1.200"], 1200.0),  # was 1.2: a t. kr. deck's target 1000× too small
        (["play", "--target", "47,5"], 47.5),  # was "must be a number" in English
        (["play", "--target", "47.5"], 47.5),
        (["play", "--target", "1.234,5"], 1234.5),
        (["play", "--lang", "en", "--target", "1200"], 1200.0),
        (["play", "--target", "1200.5", "--lang", "en"], 1200.5),  # the order does not matter
        (["play", "--lang", "en", "--target", "1,200.5"], 1200.5),
        (["screenshot", "--scene", "start", "--out", "x.png", "--target", "1.200"], 1200.0),
        (["simulate", "--target", "1.200"], 1200.0),
        (["forecast", "--scenario", "s", "--adopt", "a", "--target", "12,5"], 12.5),
    ],
)
def test_target_is_read_like_the_start_screen_reads_it(argv, target):
    assert _target(argv) == target


def test_forecast_plays_for_the_target_typed_the_danish_way(capsys, std_deck):
    scenario = std_deck.scenario("standard")
    argv = ["forecast", "--deck", str(standard_deck()), "--scenario", "standard"]
    argv += ["--adopt", scenario.proposals[0], "--certain", "--json", "--target", "47,5"]
    assert main(argv) == 0
    shown = json.loads(capsys.readouterr().out)["target"]
    assert tuple(shown) == pytest.approx(scaled_targets(scenario.target, 47.5))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["simulate", "--target", "1,2,3"],
            "raaderum simulate: --target: '1,2,3' kan ikke læses som ét tal: skriv komma som "
            "decimaltegn og evt. punktum mellem tusinder, fx 1.234,5 eller 47,5",
        ),
        (
            ["simulate", "--target", "200.000"],
            "raaderum simulate: --target: målet skal være mellem 0 og 100.000 mio. kr.",
        ),
        (["simulate", "--target", "nan"], "raaderum simulate: --target: 'nan' er ikke et tal"),
        (
            ["play", "--lang", "en", "--target", "-5"],
            "raaderum play: --target: the target cannot be negative",
        ),
        (
            ["play", "--lang", "en", "--target", "x"],
            "raaderum play: --target: 'x' is not a number",
        ),
        (
            ["play", "--target"],
            "raaderum play: --target mangler en værdi (se raaderum play --help)",
        ),
        (
            ["play", "--seed", "1.5"],
            "raaderum play: --seed: skal være et helt tal, ikke '1.5' (se raaderum play --help)",
        ),
        (
            ["play", "--timer", "700"],
            "raaderum play: --timer: antallet af minutter (0 = intet ur) skal være mellem 0,1 "
            "og 600 (se raaderum play --help)",
        ),
        (
            ["play", "--size", "stor"],
            "raaderum play: --size: størrelsen skrives som bredde x højde, fx 1280x720, ikke "
            "'stor' (se raaderum play --help)",
        ),
        (
            ["play", "--lang", "fr"],
            "raaderum play: --lang: 'fr' er ikke et af valgene 'da', 'en' (se raaderum play "
            "--help)",
        ),
        (["spil"], "raaderum: ukendt kommando 'spil' (se raaderum --help)"),
    ],
)
def test_bad_numbers_and_options_are_one_line_in_the_commands_language(argv, message, capsys):
    try:
        code = main(argv)
    except SystemExit as leave:
        code = leave.code
    assert code == 2
    assert capsys.readouterr().err.splitlines() == [message]


def test_numbers_on_the_command_line_accept_the_danish_way():
    args = build_parser().parse_args(["simulate", "--games", "1.000", "--seed", "12"])
    assert (args.games, args.seed) == (1000, 12)
    args = build_parser().parse_args(["play", "--timer", "1,5", "--speed", "0,5"])
    assert (args.timer, args.speed) == (1.5, 0.5)


def test_ids_typed_decomposed_are_found(capsys):
    args = build_parser().parse_args(
        ["forecast", "--scenario", "sta\u0301ndard", "--adopt", "a\u0301"]
    )
    _normalise(args)
    assert args.scenario == "stándard" and args.adopt == ["á"]


def test_a_target_typed_in_the_wrong_unit_is_warned_about_and_the_targets_are_shown(capsys):
    # A facilitator types 12 (meaning mio. kr.) for a deck in t. kr.: before, the bots played
    # against 12.000 kr. without a word, and the output never showed the targets.
    kystby = str(standard_deck().parent / "kystby")
    assert main(["simulate", "--deck", kystby, "--games", "3", "--target", "12"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith(
        "raaderum simulate: advarsel: målet 12 t. kr. er langt fra scenariets eget (2.500 t. kr.)"
    ), captured.err
    assert "Mål pr. år: 3,84 / 7,68 / 12 t. kr." in captured.out  # as the game counts them
    assert main(["simulate", "--deck", kystby, "--games", "3", "--target", "2.400"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "Mål pr. år: 768 / 1.536 / 2.400 t. kr." in captured.out


def test_simulate_json_names_its_unit_and_the_targets_it_played_against(capsys):
    kystby = str(standard_deck().parent / "kystby")
    assert main(["simulate", "--deck", kystby, "--games", "2", "--json", "--target", "2.400"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["unit"] == "t. kr." and data["targets"] == [768.0, 1536.0, 2400.0]


def test_forecast_without_scenario_reckons_on_the_decks_first_as_the_readme_says(capsys, std_deck):
    # Before: "raaderum forecast: mangler --scenario", though the README says --scenario
    # defaults to the deck's first scenario (as simulate, print and play do).
    first = std_deck.scenarios[0]
    argv = ["forecast", "--deck", str(standard_deck()), "--adopt", first.proposals[0]]
    assert main([*argv, "--certain", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["years"] == list(first.years)
    assert tuple(shown["target"]) == pytest.approx(first.target)


def test_a_target_written_with_a_unit_is_told_to_be_written_in_the_decks_unit(capsys):
    # "omregnet til enheden, som alle beløb har (1,5 mio. kr. er 1.500 i t. kr.)" named no unit
    assert main(["simulate", "--games", "2", "--target", "28 mio."]) == 2
    said = capsys.readouterr().err
    assert (
        "'28 mio.' indeholder andet end tallet; skriv X som et tal i dækkets enhed: 28 for " in said
    )
    assert "28.000 i et dæk i t. kr." in said


def test_a_target_over_the_limit_is_refused_in_the_decks_unit(capsys):
    # 150.000 t. kr. (150 mio. kr.) was refused for a deck in t. kr. as over "100.000"
    kystby = str(standard_deck().parent / "kystby")
    assert main(["simulate", "--deck", kystby, "--games", "2", "--target", "150.000"]) == 0
    assert "Mål pr. år:" in capsys.readouterr().out
    assert main(["simulate", "--deck", kystby, "--games", "2", "--target", "200.000.000"]) == 2
    assert "målet skal være mellem 0 og 100.000.000 t. kr." in capsys.readouterr().err
    assert main(["simulate", "--games", "2", "--target", "150.000"]) == 2
    assert "målet skal være mellem 0 og 100.000 mio. kr." in capsys.readouterr().err


@pytest.mark.parametrize("command", ["enter", "simulate"])
def test_the_largest_seed_the_message_names_is_itself_accepted(command, capsys):
    # "--seed skal være mellem 0 og 9.223.372.036.854.775.808": that number was refused too
    with pytest.raises(SystemExit) as leave:
        main([command, "--seed", str(2**63)])
    assert leave.value.code == 2
    said = capsys.readouterr().err
    assert "mellem 0 og 9.223.372.036.854.775.807 " in said, said
    # the option is named once: "--seed: --seed skal være …" said it twice
    assert f"raaderum {command}: --seed: værdien skal være mellem 0 og" in said, said


def test_a_target_above_what_the_pile_can_reach_without_luck_is_warned_about(capsys):
    # 40 for the intro game: no plan meets it even with every card on the table and no events
    from game.content import load_deck
    from game.engine.reach import target_reach

    reach = target_reach(load_deck(standard_deck()), "intro")
    assert reach is not None
    above, within = f"{reach.ceiling + 5:.0f}", f"{reach.reached - 1:.0f}"
    assert main(["simulate", "--scenario", "intro", "--games", "2", "--target", above]) == 0
    err = capsys.readouterr().err
    assert err.startswith(
        f"raaderum simulate: advarsel: målet {above} mio. kr. er over, hvad bunken kan nå uden held"
    )
    assert main(["simulate", "--scenario", "intro", "--games", "2", "--target", within]) == 0
    assert capsys.readouterr().err == ""


def test_an_english_target_that_danish_reads_otherwise_is_refused(capsys):
    # "print --target 1.200 --lang en" printed a target of 1,2 t. kr. for a deck in t. kr.:
    # a Danish host printing an English copy types the number the Danish way
    assert main(["simulate", "--games", "2", "--lang", "en", "--target", "1.200"]) == 2
    said = capsys.readouterr().err
    assert "'1.200' reads as 1.2 in English and as 1200 in Danish" in said, said
    assert main(["simulate", "--games", "2", "--lang", "en", "--target", "1,200"]) == 2
    assert "'1,200' reads as 1200 in English and as 1.2 in Danish" in capsys.readouterr().err
    assert main(["simulate", "--games", "2", "--lang", "en", "--target", "47.5"]) == 0
    # in Danish 1.200 is 1200, as the help writes it (far from the scenario's 49: a warning)
    assert main(["simulate", "--games", "2", "--target", "1.200"]) == 0
    assert "målet 1.200 mio. kr. er langt fra scenariets eget" in capsys.readouterr().err


def test_a_forecast_adoption_without_its_round_after_the_at_sign_is_refused(capsys):
    # "forecast --adopt vakancer@" was read as round 1; enter refuses the same entry
    from game.cli import main

    assert main(["forecast", "--adopt", "vakancer@"]) == 2
    assert "'vakancer@': runden skal være et tal (1, 2, …)" in capsys.readouterr().err
    assert main(["forecast", "--adopt", "vakancer"]) == 0  # no round at all: the first
    capsys.readouterr()
    # and "@2" alone was told "ukendt forslag ''"
    assert main(["forecast", "--adopt", "@2"]) == 2
    assert "'@2': der mangler et forslag; skriv fx skole-luk@2" in capsys.readouterr().err
    # with a year, or nothing after the @, what was typed is quoted
    for typed in ("@2028", "@"):
        assert main(["forecast", "--adopt", typed]) == 2
        assert f"'{typed}': der mangler et forslag" in capsys.readouterr().err, typed
