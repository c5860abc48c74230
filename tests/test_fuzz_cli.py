"""Fuzzing every subcommand's arguments: whatever is typed, ``raaderum`` answers with exit
code 0 or 2 and a message, never a traceback.

The arguments are drawn by hypothesis (derandomized: every run tries the same cases) from
each subcommand's own options, values that have broken parsers before (1.200, 47,5, nan,
1e999, a 400-byte name, a name that is not UTF-8) and short random text. Nothing opens a
window or does long work: ``play`` and ``screenshot`` always end with a target that fails
validation, ``bench`` with an unknown option, ``simulate`` plays one game and ``forecast``
draws one sample; saves given to ``replay``, ``report`` and ``compare`` are broken or
missing, and the working folder is an empty temporary one. NUL bytes are left out: a
command line cannot contain them.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.cli import build_parser, main

DATA = Path(__file__).resolve().parent / "data"
NOT_UTF8 = b"m\xf8de-\xe6\xf8\xe5".decode("utf-8", "surrogateescape")  # a Latin-1 folder name

SUBPARSERS = next(
    action.choices
    for action in build_parser()._subparsers._group_actions  # type: ignore[union-attr]
    if isinstance(action, argparse._SubParsersAction)
)
ACTIONS = {
    name: {o: a for o, a in sub._option_string_actions.items() if o not in ("-h", "--help")}
    for name, sub in SUBPARSERS.items()
}
VALUES = [
    "",
    " ",
    "0",
    "-1",
    "-0",
    "1",
    "1.200",
    "1,200",
    "47,5",
    "47.5",
    "1.234,5",
    "1,2,3",
    "−5",
    "nan",
    "inf",
    "1e999",
    "9" * 40,
    "0x10",
    "100001",
    "x",
    "--",
    "-",
    "standard",
    "intro",
    "ukendt",
    "æøå",
    "a" * 300,
    "æ" * 200,
    NOT_UTF8,
    "linje\nskift",
    "1280x720",
    "10x10",
    "99999x99999",
    "da",
    "en",
    "fr",
    "random",
    "greedy",
    "start",
    "board",
    "s1",
    "s1@2",
    "s1@99",
    "s1@x",
    ".",
    "..",
    "/",
    "ikke-her/deck.yaml",
    str(DATA / "decks"),
    str(DATA / "decks" / "syntax-error.yaml"),
    str(DATA / "decks" / "tab-indentation.yaml"),
    str(DATA / "decks" / "billion-laughs.yaml"),
    str(DATA / "valid" / "mini.yaml"),
    str(DATA / "saves" / "truncated.json"),
    str(DATA / "saves" / "nested.json"),
    str(DATA / "saves" / "tampered-deck.json"),
    str(DATA / "saves" / "illegal-move.json"),
    str(DATA / "saves"),
]
TEXT = st.text(
    alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
    max_size=8,
)
TAILS = {
    # what makes sure a command ends quickly, without a window (last option wins)
    "play": ["--target", "ugyldig"],
    "screenshot": ["--target", "ugyldig"],
    "bench": ["--ukendt-fuzz"],
    "balance": ["--ukendt-fuzz"],  # plays thousands of games; tests/balance runs it small
    "simulate": ["--games", "1"],
    "forecast": ["--samples", "1"],
}
FILE_LINE = re.compile(r"^.+:(\d+|([^:!]+!)?[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?): ")
"""FILE:LINE (a deck), FILE:SHEET!C12 or FILE:C12 (a catalogue's cell)."""


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    """A subcommand, its required options with values, then options with (or without) values
    and bare words in any order, then the command's tail. Mostly well-formed, so that most
    cases get past argparse into the command itself."""
    command = draw(st.sampled_from(sorted(SUBPARSERS)))
    actions = ACTIONS[command]
    positional = any(not a.option_strings for a in SUBPARSERS[command]._actions)
    anything = st.one_of(st.sampled_from(VALUES), TEXT)

    def value(action: argparse.Action) -> str:
        if action.choices and draw(st.integers(0, 4)) > 0:
            return str(draw(st.sampled_from(sorted(action.choices))))
        return draw(anything)

    words: list[str] = [command]
    for option, action in sorted(actions.items()):
        if action.required and option.startswith("--") and draw(st.integers(0, 9)) > 0:
            words += [option, value(action)]
    for _ in range(draw(st.integers(0, 4))):
        if actions and (not positional or draw(st.booleans())) and draw(st.integers(0, 9)) > 0:
            option = draw(st.sampled_from(sorted(actions)))
            words.append(option)
            if actions[option].nargs != 0 and draw(st.integers(0, 9)) > 0:
                words.append(value(actions[option]))
        else:
            words.append(draw(anything))
    return [*words, *TAILS.get(command, [])]


@settings(
    max_examples=600,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(argv=command_lines())
def test_no_command_line_gives_a_traceback(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RAADERUM_HOME", str(tmp_path / "home"))
    capsys.readouterr()
    try:
        code = main(argv)
    except SystemExit as leave:  # argparse: --help, --version and usage errors
        code = leave.code if isinstance(leave.code, int) else 2
    out, err = capsys.readouterr()
    assert code in (0, 2), (argv, code, err)
    assert "Traceback" not in err and "Traceback" not in out
    if code == 2:  # a message: "raaderum CMD: …" or FILE:LINE lines (validate: on stdout)
        lines = (err or out).splitlines()
        assert lines, argv
        assert lines[0].startswith("raaderum") or FILE_LINE.match(lines[0]), (argv, err, out)


@pytest.mark.parametrize("command", sorted(SUBPARSERS))
def test_every_subcommand_has_help_and_refuses_an_unknown_option_in_one_danish_line(
    command, capsys
):
    with pytest.raises(SystemExit) as leave:
        main([command, "--help"])
    assert leave.value.code == 0
    assert capsys.readouterr().out.startswith(f"brug: raaderum {command}")
    with pytest.raises(SystemExit) as leave:
        main([command, "--findes-ikke"])
    assert leave.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    # named by its command: "raaderum play: ukendte argumenter" (it said "raaderum: …")
    assert len(lines) == 1 and lines[0].startswith(f"raaderum {command}: "), lines
    assert "ukendte argumenter: --findes-ikke" in lines[0] or " mangler " in lines[0], lines
    assert lines[0].endswith("--help)")
