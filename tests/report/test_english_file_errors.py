"""A file that cannot be written is said in the reader's language: an English facilitator
got "rapporten kan ikke skrives: er en fil, ikke en mappe" from `report --lang en`."""

from __future__ import annotations

import pytest

from game.cli import main


@pytest.fixture
def paper_save(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "saves" / "bord.json"
    args = ["enter", "--scenario", "intro", "--table", "T", "--out", str(path)]
    args += ["--adopt", "rengoering-3-uger@1", "--event", "medfinansiering@1"]
    assert main([*args, "--event", "ingen@2", "--event", "ingen@3"]) == 0
    return path


@pytest.mark.parametrize("command", ["report", "compare", "screenshot"])
def test_a_file_in_the_way_is_said_in_english(tmp_path, capsys, paper_save, command):
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    capsys.readouterr()
    if command == "screenshot":
        args = ["screenshot", "--scene", "board", "--out", str(blocker / "x.png")]
    else:
        args = [command, str(paper_save if command == "report" else paper_save.parent)]
        args += ["--out", str(blocker)]
    assert main(["--lang", "en", *args]) == 2
    err = capsys.readouterr().err
    assert "is a file, not a folder" in err, err
    assert not any(word in err for word in ("kan ikke", "skrives", "mappe", "fil,")), err


@pytest.mark.parametrize("name", ["board.jpg", "board", "board.PNG.txt"])
def test_a_screenshot_is_refused_under_a_name_that_is_not_png(tmp_path, capsys, name):
    # PNG data was written under board.jpg, which a viewer then opens as a broken picture
    out = tmp_path / name
    assert main(["screenshot", "--scene", "board", "--out", str(out)]) == 2
    assert "billedet gemmes som PNG; giv et filnavn, der ender på .png" in capsys.readouterr().err
    assert not out.exists()


def test_a_factor_that_is_no_number_is_said_in_english(capsys, tmp_path):
    args = ["--lang", "en", "enter", "--scenario", "intro", "--table", "T"]
    args += ["--adopt", "velfaerdsteknologi@1", "--factor", "velfaerdsteknologi=abc"]
    assert main([*args, "--out", str(tmp_path / "t.json")]) == 2
    err = capsys.readouterr().err
    assert "'abc' is not a number" in err and "er ikke et tal" not in err, err
