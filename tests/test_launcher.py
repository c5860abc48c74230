"""The offline bundle has no ``raaderum`` command: its start files say how they run the game
(``RAADERUM_LAUNCHER``), and the messages, the help and the printed sheets tell the user to
type that, not a command that is not there."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.launcher import LAUNCHER_VARIABLE, commands_as_run

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("words", ["sh start.sh", '"Start Råderumsspillet.bat"'])
def test_the_template_tells_the_bundle_user_the_command_they_have(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path, words
) -> None:
    # an IT contact was told "raaderum import …", and Windows answered "'raaderum' is not
    # recognized as an internal or external command"
    monkeypatch.setenv(LAUNCHER_VARIABLE, words)
    folder = tmp_path / "raaderum import"  # a path is never rewritten
    folder.mkdir()
    assert main(["template", str(folder / "katalog.xlsx")]) == 0
    out = capsys.readouterr().out
    written = folder / "katalog.xlsx"
    assert f'{words} import "{written}" --out MAPPE' in out
    assert "raaderum" not in out.replace(str(folder), "")  # only the folder's own name
    # the workbook's own guide says the same command (it said "raaderum import" in the bundle)
    import openpyxl

    guide = [row[0] for row in openpyxl.load_workbook(written)["Vejledning"].values if row]
    intro = next(str(text) for text in guide if "import" in str(text))
    assert f"{words} import katalog.xlsx" in intro and "raaderum" not in intro, intro


def test_the_help_and_its_errors_name_the_start_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(LAUNCHER_VARIABLE, "sh start.sh")
    with pytest.raises(SystemExit):
        main(["--help"])
    assert capsys.readouterr().out.startswith("brug: sh start.sh [-h]")
    with pytest.raises(SystemExit):
        main(["report"])
    err = capsys.readouterr().err
    assert "sh start.sh report --help" in err and "raaderum" not in err
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("raaderum ")  # the program's name and version


def _printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, words: str) -> str:
    """The print-and-play page of intro, printed with the start file's ``words``."""
    monkeypatch.setenv(LAUNCHER_VARIABLE, words)
    out = tmp_path / "kort.html"
    assert main(["print", "--scenario", "intro", "--out", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def test_the_printed_paper_sheet_says_the_bundles_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    html = _printed(monkeypatch, tmp_path, "sh start.sh")
    assert "sh start.sh enter <span" in html
    assert "raaderum enter" not in html


def test_installed_with_pip_the_command_is_raaderum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(LAUNCHER_VARIABLE, raising=False)
    assert commands_as_run("kør raaderum validate") == "kør raaderum validate"
    monkeypatch.setenv(LAUNCHER_VARIABLE, "sh start.sh")
    said = "kør raaderum validate, se …/raaderum/saves og raaderum.log (raaderum 0.1.0)"
    assert commands_as_run(said) == (
        "kør sh start.sh validate, se …/raaderum/saves og raaderum.log (raaderum 0.1.0)"
    )
    monkeypatch.setenv(LAUNCHER_VARIABLE, "  \n ")
    assert commands_as_run("raaderum play --resume") == "raaderum play --resume"


@pytest.mark.parametrize(
    ("start", "words"),
    [("linux/start.sh", "sh start.sh"), ("windows/start.bat", '"Start Råderumsspillet.bat"')],
)
def test_each_start_file_sets_the_words_its_own_texts_use(start: str, words: str) -> None:
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("build_dist", ROOT / "packaging/build_dist.py")
    assert spec is not None and spec.loader is not None
    build_dist = importlib.util.module_from_spec(spec)
    sys.modules["build_dist"] = build_dist
    spec.loader.exec_module(build_dist)
    system = start.split("/")[0]
    assert build_dist.COMMANDS[system] == words
    text = (ROOT / "packaging" / start).read_text(encoding="utf-8")
    assert (
        f'RAADERUM_LAUNCHER="{words}"' if system == "linux" else f"set RAADERUM_LAUNCHER={words}"
    ) in text


def test_a_commands_own_errors_begin_with_the_start_file_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # "raaderum report: …/nope.json: filen findes ikke" beside "sh start.sh compare: mangler
    # GEMT_SPIL" in one bundle: the program named itself two ways
    monkeypatch.setenv(LAUNCHER_VARIABLE, "sh start.sh")
    assert main(["report", str(tmp_path / "nope.json"), "--out", str(tmp_path / "ud")]) == 2
    assert capsys.readouterr().err.startswith("sh start.sh report: ")
    assert main(["enter", "--table", "Bord 1", "--adopt", "skole-luck@1"]) == 2
    err = capsys.readouterr().err
    assert err and all(line.startswith("sh start.sh enter: ") for line in err.splitlines()), err


@pytest.mark.parametrize("words", ["{path.__class__}", "sh {start}.sh", "{word.x}", "{}", "}"])
def test_braces_in_the_start_files_words_are_words_not_placeholders(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path, words
) -> None:
    # "{word.x}" ended in AttributeError, "{path.__class__}" printed "<class 'pathlib…'>"
    # and "sh {start}.sh" left the message unfilled ("{path}: skabelonen er skrevet")
    monkeypatch.setenv(LAUNCHER_VARIABLE, words)
    written = tmp_path / "katalog.xlsx"
    assert main(["template", str(written)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{written}: ") and f'{words} import "{written}"' not in out
    assert f"{words} import {written} --out MAPPE" in out, out


def test_words_the_system_could_not_decode_are_no_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # bytes that are no UTF-8 arrive as surrogates: "print" ended in UnicodeEncodeError
    assert "raaderum enter <span" in _printed(monkeypatch, tmp_path, "sh st\udce6rt.sh")
