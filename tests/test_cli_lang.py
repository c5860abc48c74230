"""``raaderum --lang en``: deck problems, save problems and usage errors in English, with the
same FILE:LINE places as in Danish; without ``--lang`` the Danish is unchanged."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from game.cli import main
from game.content import load_deck
from game.paths import standard_deck

DANISH_LETTERS = re.compile("[æøåÆØÅ]")

HEADER = """deck:
  id: broken
  title: Broken
  schema_version: 1
"""
SCENARIO = """scenarios:
  - id: s1
    title: S
    years: ["2027"]
    target: 10
"""


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.fixture
def comma_deck(tmp_path: Path) -> Path:
    """A deck whose amounts are written with a Danish decimal comma in a flow list."""
    folder = tmp_path / "komma"
    folder.mkdir()
    (folder / "deck.yaml").write_text(
        HEADER
        + """proposals:
  - id: p1
    kind: saving
    title: Et forslag
    area: Kultur
    effect: [1,5, 2]
"""
        + SCENARIO,
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def field_deck(tmp_path: Path) -> Path:
    """A deck with an unknown field and a kind that does not exist."""
    folder = tmp_path / "felter"
    folder.mkdir()
    (folder / "deck.yaml").write_text(
        HEADER
        + """proposals:
  - id: p1
    kind: besparing
    title: Et forslag
    area: Kultur
    effect: [1.5, 2]
    titel: Stavefejl
"""
        + SCENARIO,
        encoding="utf-8",
    )
    return folder


def test_a_decimal_comma_is_explained_in_english_at_its_line(capsys, comma_deck):
    status, out = _run(capsys, "--lang", "en", "validate", str(comma_deck))
    assert status == 2
    assert out.startswith(f"{comma_deck / 'deck.yaml'}:10: YAML reads '1,5' as two numbers")
    assert "If it is one number, write 1.5;" in out
    assert not DANISH_LETTERS.search(out), out


def test_an_unknown_field_and_a_bad_kind_are_explained_in_english(capsys, field_deck):
    status, out = _run(capsys, "--lang", "en", "validate", str(field_deck))
    file = field_deck / "deck.yaml"
    assert status == 2
    assert f"{file}:11: unknown field 'titel' (did you mean 'title'?)" in out
    assert f"{file}:7: 'kind' must be one of:" in out
    assert not DANISH_LETTERS.search(out.replace("besparelse", "")), out


@pytest.mark.parametrize(
    "argv",
    [
        ("--lang", "en", "play", "--deck"),
        ("play", "--lang", "en", "--deck"),
        ("--lang", "en", "screenshot", "--scene", "board", "--out", "x.png", "--deck"),
    ],
    ids=["play, top-level --lang", "play --lang", "screenshot"],
)
def test_a_deck_that_cannot_be_played_is_explained_in_english(capsys, comma_deck, argv):
    # a trial: `raaderum --lang en play --deck bad` said "YAML-syntaksfejl …" (validate and
    # scenarios spoke English)
    status, out = _run(capsys, *argv, str(comma_deck))
    assert status == 2
    assert f"{comma_deck / 'deck.yaml'}:10: YAML reads '1,5' as two numbers" in out, out
    assert not DANISH_LETTERS.search(out), out


def test_without_lang_the_deck_problems_stay_danish(capsys, comma_deck, field_deck):
    _, out = _run(capsys, "validate", str(comma_deck), str(field_deck))
    assert f"{comma_deck / 'deck.yaml'}:10: '1,5' læser YAML som to tal (1 og 5)" in out
    assert "skriv 1.5 (= 1,5); er det to tal" in out
    assert f"{field_deck / 'deck.yaml'}:11: ukendt felt 'titel' (mente du 'title'?)" in out


def test_the_command_own_lang_wins_over_the_top_level_one(capsys, tmp_path):
    missing = tmp_path / "findes-ikke"
    _, english = _run(capsys, "--lang", "en", "validate", str(missing))
    _, danish = _run(capsys, "validate", str(missing))
    assert english.strip() == f"{missing}:1: does not exist"
    assert danish.strip() == f"{missing}:1: findes ikke"
    _, out = _run(capsys, "--lang", "da", "validate", str(missing))
    assert out.strip() == f"{missing}:1: findes ikke"


def test_a_good_deck_is_summed_up_in_english(capsys):
    from game.paths import standard_deck

    status, out = _run(capsys, "--lang", "en", "validate", str(standard_deck()))
    assert status == 0
    assert re.search(r": OK – '.+': \d+ proposals \(\d+ savings?, \d+ efficienc", out), out
    assert " areas, " in out and " scenario" in out


@pytest.mark.parametrize(
    ("content", "english"),
    [
        ('{"format": "raaderum-save", "version": 9}', "saved by a newer version of the game"),
        ('{"format": "raaderum-save", "version": 2, ', "is not valid JSON (line 1, column"),
        ("", "the file is empty"),
        ('{"format": "noget andet"}', "is not a saved Råderumsspil game"),
    ],
)
def test_a_damaged_save_is_explained_in_english(capsys, tmp_path, content, english):
    save = tmp_path / "spil.json"
    save.write_text(content, encoding="utf-8")
    status, out = _run(capsys, "--lang", "en", "replay", str(save))
    assert status == 2
    assert out.startswith(f"raaderum replay: {save}: ")
    assert english in out
    assert not DANISH_LETTERS.search(out.replace("Råderumsspil", "")), out
    _, danish = _run(capsys, "replay", str(save))
    assert DANISH_LETTERS.search(danish) or "filen" in danish


def test_a_damaged_save_to_resume_is_explained_in_english(capsys, tmp_path):
    save = tmp_path / "spil.json"
    save.write_text('{"format": "raaderum-save", "version": 2, "actions": 3}', encoding="utf-8")
    status, out = _run(
        capsys, "--lang", "en", "play", "--resume", str(save), "--save-dir", str(tmp_path)
    )
    assert status == 2
    assert out.startswith(f"raaderum play: {save}: ")
    assert not DANISH_LETTERS.search(out), out


def test_play_speaks_the_language_the_window_was_last_switched_to(capsys, tmp_path):
    # a window switched to English; "raaderum play --resume" of a save open elsewhere then
    # answered in Danish, although --help says play takes the window's last language
    from game.saves.preferences import Preferences, preferences_path, write_preferences

    assert write_preferences(preferences_path(), Preferences(lang="en"))
    save = tmp_path / "spil.json"
    save.write_text('{"format": "raaderum-save", "version": 2, "actions": 3}', encoding="utf-8")
    status, out = _run(capsys, "play", "--resume", str(save), "--save-dir", str(tmp_path))
    assert status == 2
    assert out.startswith(f"raaderum play: {save}: ")
    assert not DANISH_LETTERS.search(out), out
    status, out = _run(
        capsys, "play", "--lang", "da", "--resume", str(save), "--save-dir", str(tmp_path)
    )
    assert status == 2 and "feltet 'created' mangler" in out, out  # a --lang given wins


def test_a_usage_error_is_in_english_with_lang_en(capsys, tmp_path):
    with pytest.raises(SystemExit) as stop:
        main(["--lang", "en", "play", "--size", "12"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err == (
        "raaderum play: argument --size: write the size as width x height, e.g. 1280x720, "
        "not '12' (see raaderum play --help)\n"
    )
    with pytest.raises(SystemExit):
        main(["play", "--size", "12"])
    assert capsys.readouterr().err == (
        "raaderum play: --size: størrelsen skrives som bredde x højde, fx 1280x720, ikke '12' "
        "(se raaderum play --help)\n"
    )
    status, out = _run(capsys, "--lang", "en", "template", str(tmp_path / "katalog.txt"))
    assert status == 2
    assert (
        out
        == f"raaderum template: {tmp_path / 'katalog.txt'}: an Excel workbook must end in .xlsx\n"
    )


def test_english_lines_of_every_catalogue_section_have_no_danish_letters():
    from game.messages import CATALOGUES

    allowed = ("Råderumsspil", "råderum", "»", "«")  # the budget term is kept in English
    for key, text in CATALOGUES["en"].items():
        if key.split(".")[0] in ("deck", "field", "save", "os", "cli"):
            shown = text
            for word in allowed:
                shown = shown.replace(word, "")
            assert not DANISH_LETTERS.search(shown), (key, text)


def test_a_command_own_lang_wins_then_the_top_level_one_then_its_default():
    from game.cli import _settle_lang, build_parser

    def lang(*argv: str) -> str | None:
        args = build_parser().parse_args(list(argv))
        _settle_lang(args)
        return args.lang

    assert lang("--lang", "en", "report", "s.json", "--out", "ud", "--lang", "da") == "da"
    assert lang("--lang", "en", "report", "s.json", "--out", "ud") == "en"
    assert lang("report", "s.json", "--out", "ud") is None  # the save's own language
    assert lang("play") == "da"
    assert lang("--lang", "en", "play") == "en"


# --- what the commands report, and paper-table entries -------------------------------------


def _without_content(out: str, *content: str) -> str:
    """``out`` without the deck's own words (titles and unit are content, Danish in a Danish
    deck)."""
    for text in content:
        out = out.replace(text, "")
    return out


def _standard_words() -> list[str]:
    from game.content import load_deck
    from game.paths import standard_deck

    deck = load_deck(standard_deck())
    return [deck.title, deck.unit, *(s.title for s in deck.scenarios)]


SIMULATE_WORDS = {
    "en": (
        "Scenario: ",
        ", bot: greedy, games: 5",
        "Won: ",
        "%)",
        "  lost – target not met: ",
        " mean råderum ",
    ),
    "da": (
        "Scenarie: ",
        ", bot: greedy, spil: 5",
        "Vundet: ",
        " %)",
        "  tabt – målet ikke nået: ",
        " gennemsnitligt råderum ",
    ),
}


@pytest.mark.parametrize("lang", ["en", "da"])
def test_simulate_reports_in_the_readers_language(capsys, lang):
    """``--lang en`` words the report in English; without it, it is Danish."""
    options = ("--lang", "en") if lang == "en" else ()
    status, out = _run(capsys, *options, "simulate", "--games", "5")
    head, head_end, won, won_end, lost, mean = SIMULATE_WORDS[lang]
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith(head) and lines[0].endswith(head_end)
    targets = {"en": "Targets per year: 3 / 10 / 23 / 49 ", "da": "Mål pr. år: 3 / 10 / 23 / 49 "}
    assert lines[1].startswith(targets[lang])
    assert lines[2].startswith(won) and lines[2].endswith(won_end)
    assert any(line.startswith(lost) for line in lines)
    assert any(mean in line for line in lines)
    if lang == "en":  # "råderum" is the budget term, kept in English
        words = _without_content(out, *_standard_words(), "råderum")
        assert not DANISH_LETTERS.search(words), out


def test_scenarios_and_forecast_in_english(capsys):
    status, out = _run(capsys, "--lang", "en", "scenarios")
    assert status == 0 and ", target " in out and ", mål " not in out
    assert not DANISH_LETTERS.search(_without_content(out, *_standard_words())), out
    from game.content import load_deck
    from game.paths import standard_deck

    deck = load_deck(standard_deck())
    scenario = deck.scenarios[0]
    card = scenario.proposals[0]
    status, out = _run(
        capsys,
        "--lang",
        "en",
        "forecast",
        "--scenario",
        scenario.id,
        "--adopt",
        card,
        "--samples",
        "50",
    )
    assert status == 0, out
    assert out.splitlines()[1].split() == ["year", "target", "expected", "10%", "50%", "90%"]
    assert "Chance of meeting every year's target: " in out
    assert not DANISH_LETTERS.search(_without_content(out, *_standard_words())), out


def _enter(capsys, out_file: Path, *entries: str, lang: str = "en") -> tuple[int, str]:
    """``raaderum --lang LANG enter`` of table 3 in the intro scenario with ``entries``."""
    table = "Table 3" if lang == "en" else "Bord 3"
    argv = ["--lang", lang, "enter", "--scenario", "intro", "--table", table, *entries]
    return _run(capsys, *argv, "--out", str(out_file))


def test_enter_names_a_bad_card_id_in_english(capsys, tmp_path):
    out_file = tmp_path / "bord.json"
    bad = ("--adopt", "skarmbesoeg@1", "--event", "zz@9")
    status, out = _enter(capsys, out_file, *bad, "--adopt", "x")
    assert status == 2
    expected = "raaderum enter: --adopt 'x': write ID@ROUND or ID@YEAR, e.g. rengoering-3-uger@2"
    assert out.strip() == expected
    status, out = _enter(capsys, out_file, *bad)
    assert status == 2
    lines = out.splitlines()
    assert lines[0].startswith("raaderum enter: --adopt skarmbesoeg@1 (2027): unknown proposal")
    assert "raaderum enter: --event zz@9: unknown event 'zz' in the scenario" in lines
    assert not DANISH_LETTERS.search(out), out
    assert not out_file.exists()
    status, out = _enter(capsys, out_file, "--adopt", "skarmbesoeg@1", lang="da")
    assert status == 2
    expected = "raaderum enter: --adopt skarmbesoeg@1 (2027): ukendt forslag 'skarmbesoeg'"
    assert out.startswith(expected)


def test_enter_reports_the_saved_table_in_english(capsys, tmp_path):
    out_file = tmp_path / "bord.json"
    status, out = _enter(capsys, out_file)
    assert status == 2 and not out_file.exists()
    assert "round 1: no event is entered, but the table draws 1 per round" in out
    assert "--event none@1" in out and not DANISH_LETTERS.search(out), out
    quiet = ("--event", "none@1", "--event", "none@2", "--event", "none@3")
    status, out = _enter(capsys, out_file, *quiet)
    assert status == 0, out
    assert out.startswith(f"{out_file}: Table 3 is saved as a paper table – lost (")
    assert out_file.exists()


def test_a_target_that_is_not_a_number_is_refused_in_english(capsys):
    status, out = _run(capsys, "--lang", "en", "simulate", "--games", "1", "--target", "1,2,3")
    assert status == 2
    assert out.startswith("raaderum simulate: --target: '1,2,3' cannot be read as one number")
    assert not DANISH_LETTERS.search(out), out
    status, out = _run(capsys, "simulate", "--games", "1", "--target", "1,2,3")
    assert out.startswith("raaderum simulate: --target: '1,2,3' kan ikke læses som ét tal")


# --- save folders, writing a save, the lock, the list of saves -------------------------------


def test_a_save_folder_that_is_a_file_is_refused_in_english(capsys, tmp_path):
    blocker = tmp_path / "saves"
    blocker.write_text("not a folder", encoding="utf-8")
    # a window that skips the start screen is refused before it opens (plain "play" opens
    # the start screen, which says so itself and takes another folder)
    intro = ("--scenario", "intro")
    status, out = _run(capsys, "--lang", "en", "play", *intro, "--save-dir", str(blocker))
    assert status == 2
    assert out.strip() == (
        f"raaderum play: {blocker}: is a file, not a folder – choose another folder with --save-dir"
    )
    status, out = _run(capsys, "play", *intro, "--save-dir", str(blocker))
    assert out.strip().startswith(f"raaderum play: {blocker}: er en fil, ikke en mappe")


def test_a_failed_save_and_a_held_lock_are_worded_in_english(tmp_path):
    from game.content import load_deck
    from game.engine import History, new_game
    from game.paths import standard_deck
    from game.saves import GameSettings, SaveError, SaveLocked, write_save

    deck = load_deck(standard_deck())
    scenario = deck.scenarios[0].id
    history = History.start(new_game(deck, scenario, 1))
    blocker = tmp_path / "fil"
    blocker.write_text("x", encoding="utf-8")
    path = blocker / "spil.json"
    with pytest.raises(SaveError) as caught:
        write_save(path, deck, GameSettings(scenario, 1), history)
    assert caught.value.worded("en").startswith(
        "the game could not be saved: the folder cannot be created: "
    )
    assert caught.value.reason.startswith("spillet kunne ikke gemmes: mappen kan ikke oprettes: ")
    assert not DANISH_LETTERS.search(caught.value.text("en"))
    locked = SaveLocked(tmp_path / "spil.json", None)
    assert locked.worded("en") == "the game is being opened in another window"
    assert locked.reason == "spillet er ved at blive åbnet i et andet vindue"


def test_a_damaged_newest_save_is_explained_in_english(capsys, tmp_path):
    (tmp_path / "spil-b.json").write_text("{", encoding="utf-8")
    status, out = _run(capsys, "--lang", "en", "play", "--save-dir", str(tmp_path), "--resume")
    assert status == 2
    assert out.startswith("raaderum play: The newest saved game cannot be opened: ")
    assert "There is no other unfinished game to continue." in out
    assert not DANISH_LETTERS.search(out), out


@pytest.mark.parametrize(
    ("adopt", "english"),
    [
        (["findes-ikke"], "unknown proposal 'findes-ikke'"),
        (["lean@9"], "'lean@9': the round must be between 1 and 4"),
        (["lean@x"], "'lean@x': the round must be a number"),
        (["lean", "lean"], "'lean' is named twice"),
        (["lean", "effektiviseringsbidrag"], "exclude each other"),
    ],
)
def test_a_plan_that_cannot_be_read_is_explained_in_english(capsys, adopt, english):
    args = ["--lang", "en", "forecast", "--scenario", "standard"]
    for item in adopt:
        args += ["--adopt", item]
    status, out = _run(capsys, *args)
    assert status == 2 and english in out
    assert not DANISH_LETTERS.search(out.replace("effektiviseringsbidrag", "")), out


@pytest.mark.parametrize(
    ("command", "danish", "english"),
    [
        ("validate", "mangler DÆK", "required: DECK"),
        ("import", "mangler KATALOG, --out", "required: CATALOGUE, --out"),
        ("template", "mangler FIL", "required: FILE"),
        ("report", "mangler GEMT_SPIL, --out", "required: SAVE, --out"),
        ("compare", "mangler GEMT_SPIL, --out", "required: SAVE, --out"),
    ],
)
def test_a_missing_argument_is_named_in_the_readers_language(capsys, command, danish, english):
    # "raaderum validate: mangler paths" named the code's variable, half in English
    for argv, words in (([command], danish), (["--lang", "en", command], english)):
        with pytest.raises(SystemExit) as leave:
            main(argv)
        err = capsys.readouterr().err
        assert leave.value.code == 2 and words in err, err


def test_every_help_text_has_its_danish_wording_and_none_is_left_over():
    from game.cli import build_parser
    from game.messages.cli_help import DANISH_HELP, help_texts

    english = set(help_texts(build_parser("en")))
    # the one text that names the language the parser is built for: Danish builds say "da"
    english = {t.replace("(default: en)", "(default: da)") for t in english}
    english |= {"show this help message and exit", "show program's version number and exit"}
    assert set(DANISH_HELP) == english, (english - set(DANISH_HELP), set(DANISH_HELP) - english)


@pytest.mark.parametrize("command", [[], ["print"], ["play"], ["enter"], ["balance"]])
def test_the_help_is_danish_unless_english_is_asked_for(capsys, command):
    # the bundle's LÆS MIG sends Danish users to "start.sh --help"; it was all English
    with pytest.raises(SystemExit):
        main([*command, "--help"])
    danish = capsys.readouterr().out
    assert danish.startswith("brug: raaderum") and "\ntilvalg:\n" in danish
    assert "vis denne hjælp og stop" in danish
    # the placeholders too: "--out OUT", "--save-dir SAVE_DIR" read as code
    english = ("OUT", "SAVE_DIR", "TABLE", "SCENARIO", "DECK", "GAMES", "ROUND", "FACTOR")
    assert not any(f" {word}" in danish or f"@{word}" in danish for word in english), danish
    assert "show this help" not in danish and "default:" not in danish, danish
    with pytest.raises(SystemExit):
        main(["--lang", "en", *command, "--help"])
    english = capsys.readouterr().out
    assert english.startswith("usage: raaderum") and "show this help message" in english


def test_every_option_of_every_command_says_what_it_is_for():
    # "simulate --games", "balance --seed", "bench --quick" … had no help line at all
    import argparse

    from game.cli import build_parser

    parser = build_parser("en")
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    silent = [
        f"{name} {action.option_strings[0] if action.option_strings else action.dest}"
        for name, command in commands.choices.items()
        for action in command._actions
        if not action.help
    ]
    assert not silent, silent


def test_english_command_output_names_the_unit_in_english(capsys):
    # "target 3/10/23/49 mio. kr." and "1 proposals" in English output
    assert main(["--lang", "en", "scenarios"]) == 0
    out = capsys.readouterr().out
    assert "target 3/10/23/49 m DKK" in out and "mio. kr." not in out
    argv = ["--lang", "en", "forecast", "--scenario", "intro", "--adopt", "vakancer"]
    assert main([*argv, "--samples", "50"]) == 0
    assert "1 proposal, 50 outcomes; amounts in m DKK" in capsys.readouterr().out
    # the forecast's table had no unit: a deck in t. kr. read as mio. kr.
    kystby = str(standard_deck().parent / "kystby")
    card = load_deck(kystby).proposals[0].id
    assert main(["forecast", "--deck", kystby, "--adopt", card, "--samples", "50"]) == 0
    assert "1 forslag, 50 udfald; beløb i t. kr." in capsys.readouterr().out
    assert main(["scenarios"]) == 0
    assert "mål 3/10/23/49 mio. kr." in capsys.readouterr().out


def test_scenarios_takes_the_deck_as_validate_and_print_do(capsys):
    # "raaderum scenarios decks/standard" stopped with "ukendte argumenter"
    from game.paths import standard_deck

    status, out = _run(capsys, "scenarios", str(standard_deck()))
    assert status == 0
    assert "standard " in out and "borgermoede" in out
    status, out = _run(capsys, "scenarios", str(standard_deck()), "--deck", "decks/kystby")
    assert status != 0 and "to dæk er angivet" in out


def test_balance_says_its_report_stays_danish_when_english_is_asked_for(capsys):
    # --lang en left the balance report Danish without a word: a reader took it for ignored
    args = ["balance", "--scenario", "intro", "--games", "2", "--one-sided-games", "1"]
    assert main(["--lang", "en", *args, "--workers", "1"]) == 0
    english = capsys.readouterr()
    assert "Vundet" in english.out  # the report itself is Danish
    assert "The balance report is written in Danish" in english.err
    assert main([*args, "--workers", "1"]) == 0
    assert "Balancerapporten skrives på dansk" not in capsys.readouterr().err


def test_every_command_takes_lang_after_its_name(capsys):
    # "raaderum validate --lang en DECK" was refused as an unrecognised argument; only
    # "raaderum --lang en validate DECK" worked
    import argparse

    from game.cli import build_parser

    commands = next(
        a for a in build_parser("en")._actions if isinstance(a, argparse._SubParsersAction)
    )
    assert [
        n for n, c in commands.choices.items() if "--lang" not in c._option_string_actions
    ] == []
    kystby = str(standard_deck().parent / "kystby")
    assert main(["validate", "--lang", "en", kystby]) == 0
    assert "proposals (6 savings" in capsys.readouterr().out


def test_an_english_count_with_a_thousands_comma_is_refused_not_read_the_danish_way(capsys):
    # "--lang en simulate --games 1,000" played one game: the count was read as Danish 1,000
    from game.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["--lang", "en", "simulate", "--games", "1,000"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "'1,000' can be read as 1000 (English) and as 1 (Danish)" in err
    with pytest.raises(SystemExit):
        main(["--lang", "en", "simulate", "--seed", "1.000", "--games", "1"])
    assert "'1.000' can be read as 1 (English) and as 1000 (Danish)" in capsys.readouterr().err
    # a Danish reader's 1.000 is a thousand, as the Danish help writes numbers
    assert main(["simulate", "--games", "1", "--seed", "1.000", "--scenario", "intro"]) == 0
    # and a Danish reader's count "1,000" is not read as one game either
    with pytest.raises(SystemExit):
        main(["simulate", "--games", "1,000"])
    err = capsys.readouterr().err
    assert "'1,000' kan læses som 1000 (engelsk) og som 1 (dansk)" in err
    assert "1,5" not in err  # a count is not shown a fraction to write


@pytest.mark.parametrize(
    ("lang", "said"),
    [("da", "bordets navn må højst være 60 tegn"), ("en", "at most 60 characters")],
)
def test_a_table_name_too_long_to_save_is_refused_before_the_window_opens(capsys, lang, said):
    # "play --table" with 61 letters opened the window, and every save of the game failed
    from game.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["--lang", lang, "play", "--scenario", "intro", "--table", "T" * 61])
    assert stopped.value.code == 2
    assert said in capsys.readouterr().err


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_table_name_is_refused_before_the_window_opens(capsys, name):
    # "play --table ''" opened the window, where every other empty name is refused
    from game.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["play", "--scenario", "intro", "--table", name])
    assert stopped.value.code == 2
    assert "bordets navn er tomt" in capsys.readouterr().err
    # and without --table the start screen still opens: argparse runs a text default
    # through the same check, and "raaderum" alone was refused
    from game.cli import build_parser

    assert not build_parser("da").parse_args(["play"]).table
    assert build_parser("da").parse_args(["play", "--table", " Bord  3 "]).table == "Bord 3"


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["report", "spil.json", "--out", ""], "--out"),
        (["compare", ".", "--out", " "], "--out"),
        (["validate", ""], "DECK"),
        (["template", ""], "FILE"),
        (["balance", "--markdown", "", "--games", "1"], "--markdown"),
        (["enter", "--table", "B", "--save-dir", "", "--adopt", "a@1"], "--save-dir"),
    ],
)
def test_an_empty_file_or_folder_name_is_refused_not_taken_for_the_current_folder(
    capsys, tmp_path, monkeypatch, argv, option
):
    # "report S --out ''" wrote the report into the folder the command was run from
    from game.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert (
        f"{option}: navnet er tomt; skriv navnet på en fil eller mappe" in capsys.readouterr().err
    )
    assert list(tmp_path.iterdir()) == []


def test_as_copy_without_resume_is_refused_and_resume_alone_still_means_the_newest(capsys):
    # "play --as-copy" alone was ignored, and the start screen opened
    from game.cli import main

    assert main(["play", "--as-copy"]) == 2
    assert "--as-copy gælder kun sammen med --resume" in capsys.readouterr().err
    # "--resume" with no file is the newest unfinished game (argparse gives ""): not an
    # empty name; with no saves it says so
    assert main(["play", "--resume"]) == 2
    err = capsys.readouterr().err
    assert "navnet er tomt" not in err and "Ingen gemte spil endnu" in err


def test_a_count_with_letters_is_not_told_to_convert_to_the_decks_unit(capsys):
    # "--seed 0x1" was told "omregnet til enheden, som alle beløb har (1,5 mio. kr. er 1.500
    # i t. kr.)": a seed or a count has no unit
    from game.cli import main

    with pytest.raises(SystemExit):
        main(["simulate", "--seed", "0x1"])
    err = capsys.readouterr().err
    assert "'0x1' indeholder andet end tallet; skriv kun tallet" in err
    assert "enheden" not in err


def test_every_deck_command_takes_the_deck_as_its_first_argument(capsys):
    # "raaderum balance vores-dæk" was told "ukendte argumenter", though validate and print
    # take the deck so
    from game.cli import main

    example = str(standard_deck().parent.parent / "docs" / "example-deck.yaml")
    assert main(["simulate", example, "--games", "2"]) == 0
    assert "Eksempel: tre år" in capsys.readouterr().out
    assert main(["forecast", example, "--adopt", "rengoering-3-uger"]) == 0
    capsys.readouterr()
    # given twice, the same deck is fine and two decks are refused
    assert main(["simulate", example, "--deck", example, "--games", "1"]) == 0
    capsys.readouterr()
    # … also written another way ("./docs/x.yaml" beside the whole path)
    relative = os.path.relpath(example)
    assert main(["simulate", relative, "--deck", example, "--games", "1"]) == 0, relative
    capsys.readouterr()
    assert main(["simulate", example, "--deck", str(standard_deck()), "--games", "1"]) == 2
    assert "to dæk er angivet" in capsys.readouterr().err


def test_a_commands_help_in_english_says_english_is_its_default(capsys):
    # "raaderum --lang en report --help" said "--lang … (default: da)", and English is what
    # the command then speaks
    with pytest.raises(SystemExit):
        main(["--lang", "en", "compare", "--help"])
    assert "language (default: en)" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["compare", "--help"])
    assert "sprog (udeladt: da)" in capsys.readouterr().out
