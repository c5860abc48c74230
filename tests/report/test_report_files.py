"""Every file a report, a comparison or a screenshot writes is complete or absent: written to a
temp file, checked (a PNG must end with its IEND chunk), then renamed, as one batch; a disk that
says no is exit 2 with a Danish line and leaves no half file under a final name."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.messages import render
from game.report import compare_saves, write_comparison, write_report
from game.saves import WriteFailed, read_save
from game.saves.files import PNG_END, PNG_SIGNATURE, check_png
from game.ui.app import report_board

ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
REPORT_FILES = ["board.png", "decisions.csv", "report.html", "summary.json"]


@pytest.fixture(scope="module")
def save(saves_dir) -> Path:
    return saves_dir / "intro.json"


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _run(*args: str | bytes, preexec=None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        capture_output=True,
        env=ENV,
        timeout=300,
        preexec_fn=preexec,
    )


def _file_limit(limit: int):
    def apply() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    return apply


def test_a_cut_off_png_is_caught():
    picture = PNG_SIGNATURE + b"\x00" * 100 + PNG_END
    assert check_png(picture) is None
    cut, foreign = check_png(picture[:-5]), check_png(b"GIF89a" + picture)
    assert cut is not None and foreign is not None
    assert "afkortet" in render(cut) and "cut short" in render(cut, "en")
    assert "ikke en gyldig PNG" in render(foreign) and "not a valid PNG" in render(foreign, "en")


def test_a_report_with_a_broken_picture_writes_nothing(save, tmp_path):
    saved = read_save(save)
    out = tmp_path / "rapport"
    with pytest.raises(WriteFailed) as caught:
        write_report(saved, out, board_picture=lambda s, lang: PNG_SIGNATURE + b"\x00" * 64)
    assert "rapporten kunne ikke skrives: billedet er afkortet" in str(caught.value)
    assert _names(out) == [], "no report.html without its board.png, no temp files"


@pytest.mark.parametrize("where", ["is-a-file", "under-a-file"])
def test_a_report_folder_that_cannot_be_made_is_refused_up_front(save, tmp_path, where):
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    out = blocker if where == "is-a-file" else blocker / "rapport"
    with pytest.raises(
        WriteFailed, match=r"rapporten kan ikke skrives: .*er en fil, ikke en mappe"
    ):
        write_report(read_save(save), out, board_picture=lambda s, lang: b"")
    result = _run("report", str(save), "--out", str(out))
    err = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in err and len(err.splitlines()) == 1
    assert "er en fil, ikke en mappe" in err and blocker.read_text() == "x"


@pytest.mark.skipif(sys.platform == "win32", reason="file size limits are a POSIX feature")
def test_report_on_a_full_disk_exits_2_and_leaves_nothing_half_written(save, tmp_path):
    """The kernel refuses bytes beyond 40 KB per file: report.html (~20 KB) would fit,
    board.png (~100 KB) does not, so nothing may be left, not even report.html."""
    out = tmp_path / "rapport"
    result = _run("report", str(save), "--out", str(out), preexec=_file_limit(40_000))
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert (
        "board.png: rapporten kunne ikke skrives: filen bliver større, end systemet tillader"
        in (err)
    )
    assert result.stdout == b"", "no file is listed as written"
    assert _names(out) == []
    done = _run("report", str(save), "--out", str(out))
    assert done.returncode == 0 and _names(out) == REPORT_FILES
    assert check_png((out / "board.png").read_bytes()) is None


@pytest.mark.skipif(sys.platform == "win32", reason="file size limits are a POSIX feature")
def test_screenshot_on_a_full_disk_exits_2_without_a_cut_off_png(tmp_path):
    out = tmp_path / "board.png"
    result = _run("screenshot", "--scene", "start", "--out", str(out), preexec=_file_limit(20_000))
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "board.png: billedet kunne ikke gemmes: filen bliver større" in err
    assert "Traceback" not in err and _names(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="file size limits are a POSIX feature")
def test_comparison_on_a_full_disk_exits_2(saves_dir, tmp_path):
    out = tmp_path / "sammenligning"
    result = _run("compare", str(saves_dir), "--out", str(out), preexec=_file_limit(2_000))
    err = result.stderr.decode()
    assert result.returncode == 2 and "sammenligningen kunne ikke skrives" in err
    assert "Traceback" not in err and _names(out) == []


def test_write_comparison_refuses_a_folder_under_a_file(saves_dir, tmp_path):
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    with pytest.raises(WriteFailed, match="sammenligningen kan ikke skrives"):
        write_comparison(compare_saves([saves_dir]), blocker / "ud")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs byte file names")
def test_report_into_a_folder_whose_name_is_not_utf8(save, tmp_path):
    out = os.fsencode(tmp_path) + b"/rapport-\xff\xfe-m\xe6rke"
    result = _run("report", os.fsencode(save), "--out", out)
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(os.listdir(out)) == [name.encode() for name in REPORT_FILES]
    with open(out + b"/board.png", "rb") as handle:
        assert check_png(handle.read()) is None
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 4 and all("rapport-\ufffd\ufffd-m\ufffdrke" in line for line in lines)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs byte file names")
def test_screenshot_into_a_folder_whose_name_is_not_utf8(tmp_path):
    folder = os.fsencode(tmp_path) + b"/billeder-\xff"
    os.mkdir(folder)
    result = _run("screenshot", "--scene", "start", "--out", folder + b"/start.png")
    assert result.returncode == 0, result.stderr.decode()
    with open(folder + b"/start.png", "rb") as handle:
        assert check_png(handle.read()) is None


def test_a_failed_batch_leaves_the_earlier_report_untouched(save, tmp_path):
    out = tmp_path / "rapport"
    first = write_report(read_save(save), out, board_picture=report_board)
    before = {p.name: p.read_bytes() for p in first}
    with pytest.raises(WriteFailed):
        write_report(read_save(save), out, lang="en", board_picture=lambda s, lang: b"\x89PNG")
    assert {p.name: p.read_bytes() for p in first} == before
    assert _names(out) == REPORT_FILES


def test_unicode_save_names_are_shown_readably(save, tmp_path):
    named = tmp_path / "bord æøå.json"
    shutil.copyfile(save, named)
    out = tmp_path / "ud"
    result = _run("report", str(named), "--out", str(out))
    assert result.returncode == 0
    assert "bord æøå.json" in (out / "report.html").read_text("utf-8")


def test_the_board_picture_of_a_long_game_points_to_the_report_not_to_a_scroll_bar(
    tmp_path, monkeypatch
):
    # board.png is a picture next to report.html: "12 mere – rul ned" asked its reader to
    # scroll a picture; it now says that the report lists the rest (the window still says
    # "rul ned", where the list scrolls)
    import numpy as np

    from game.content import load_deck
    from game.engine import History, new_game
    from game.engine.bots import greedy_policy
    from game.paths import standard_deck
    from game.saves.model import GameSettings, SavedGame
    from game.ui.app import board_png
    from game.ui.text import TextRenderer

    deck = load_deck(standard_deck())
    history = History.start(new_game(deck, "lang-horisont", 2))
    generator = np.random.default_rng(2)
    while not history.current.finished:
        history = history.do(greedy_policy(history.current, generator))
    assert len(history.current.adopted) > 12  # more than the board's list shows
    drawn: list[str] = []
    original = TextRenderer.draw

    def spy(self, surface, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn.append(text)
        return original(self, surface, text, *args, **kwargs)

    monkeypatch.setattr(TextRenderer, "draw", spy)
    settings = GameSettings("lang-horisont", 2)
    saved = SavedGame(tmp_path / "spil.json", deck, settings, history, "", "")
    check_png(report_board(saved, "da"))
    in_report = [text for text in drawn if " mere – " in text]
    assert in_report and all("se rapportens liste" in text for text in in_report), in_report
    drawn.clear()
    board_png(deck, history, "da")  # the same board as a screenshot of the window
    assert any(text.endswith("mere – rul ned") for text in drawn), drawn


def test_a_second_tables_report_does_not_overwrite_the_first_in_the_same_folder(
    saves_dir, tmp_path, capsys
):
    # a host writing eight tables' reports with the same --out kept only the last, exit 0
    from game.cli import main

    out = tmp_path / "rapporter"
    assert main(["report", str(saves_dir / "bord1.json"), "--out", str(out)]) == 0
    first = (out / "summary.json").read_bytes()
    capsys.readouterr()
    assert main(["report", str(saves_dir / "bord2.json"), "--out", str(out)]) == 2
    said = capsys.readouterr().err
    assert said.startswith(
        f"raaderum report: {out} har allerede rapporten for et andet spil (startværdi 40), og den "
        f"overskrives ikke; skriv denne rapport i sin egen mappe, fx --out {out / 'bord2'}"
    ), said
    assert (out / "summary.json").read_bytes() == first
    # the same game's report written again, as the game went on, is no other game's
    assert main(["report", str(saves_dir / "bord1.json"), "--out", str(out)]) == 0


def test_a_report_never_replaces_the_save_it_is_written_from(tmp_path, capsys):
    # "report spil/summary.json --out spil": the report's summary.json took the save's place,
    # and the game was gone
    from report_helpers import save_game

    from game.cli import main
    from game.content import load_deck
    from game.paths import standard_deck

    folder = tmp_path / "spil"
    save = save_game(folder, "summary.json", load_deck(standard_deck()), "intro", 3, "greedy")
    before = save.read_bytes()
    assert main(["report", str(save), "--out", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "rapporten ville erstatte selve det gemte spil" in err, err
    assert save.read_bytes() == before and not (folder / "report.html").exists()
    assert read_save(save).history.current.finished
