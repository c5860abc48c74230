"""Every broken deck and save of the corpus is rejected with its message and line, the file
untouched, nothing executed; the command line answers with one line and exit code 2."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
import yaml

from game.cli import main
from game.content import DeckError, load_deck
from game.saves import SaveError, read_save

DATA = Path(__file__).resolve().parent.parent / "data"
EXPECTED = yaml.safe_load((DATA / "expected.yaml").read_text(encoding="utf-8"))
MARKERS = (Path("/tmp/raaderum-corpus-pwned"), Path("/tmp/raaderum-corpus-pwned-save"))


def _fingerprint(path: Path) -> list[tuple[str, str, int]]:
    files = sorted(path.rglob("*")) if path.is_dir() else [path]
    return [
        (str(f), hashlib.sha256(f.read_bytes()).hexdigest(), f.stat().st_mtime_ns)
        for f in files
        if f.is_file()
    ]


@pytest.fixture(autouse=True)
def _no_command_ran():
    for marker in MARKERS:
        marker.unlink(missing_ok=True)
    yield
    for marker in MARKERS:
        assert not marker.exists(), "a tag in a deck or save ran a command"


def test_corpus_is_large_enough() -> None:
    assert len(EXPECTED["decks"]) + len(EXPECTED["saves"]) >= 25
    listed = set(EXPECTED["decks"]) | set(EXPECTED["saves"])
    on_disk = {p.name for p in (DATA / "decks").iterdir()} | {
        p.name for p in (DATA / "saves").iterdir()
    }
    assert on_disk == listed, "every corpus file has an expected message, and vice versa"


@pytest.mark.parametrize("name", sorted(EXPECTED["decks"]))
def test_broken_deck_is_rejected_at_its_line(name: str) -> None:
    expected = EXPECTED["decks"][name]
    path = DATA / "decks" / name
    file = str(path / expected["file"]) if "file" in expected else str(path)
    before = _fingerprint(path)
    # an alias bomb or a huge file is refused, not expanded: its expected message says so
    # (no clock here: a test must not depend on the machine's load)
    with pytest.raises(DeckError) as caught:
        load_deck(path)
    problems = caught.value.problems
    wanted = f"{file}:{expected['line']}:"
    assert any(str(p).startswith(wanted) and expected["message"] in p.message for p in problems), (
        f"expected {wanted} {expected['message']!r}, got {[str(p) for p in problems]}"
    )
    assert all("\n" not in str(p) for p in problems)
    assert _fingerprint(path) == before


@pytest.mark.parametrize("name", sorted(EXPECTED["decks"]))
def test_validate_command_prints_file_line_and_exits_2(name: str, capsys) -> None:
    path = DATA / "decks" / name
    assert main(["validate", str(path)]) == 2
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert lines and all(line.startswith(str(path)) for line in lines)
    assert "Traceback" not in out + err


@pytest.mark.parametrize("name", sorted(EXPECTED["saves"]))
def test_broken_save_is_rejected_with_its_message(name: str) -> None:
    path = DATA / "saves" / name
    before = _fingerprint(path)
    with pytest.raises(SaveError) as caught:
        read_save(path)
    message = str(caught.value)
    assert EXPECTED["saves"][name] in message
    assert "\n" not in message and message.startswith(str(path))
    assert _fingerprint(path) == before


@pytest.mark.parametrize("name", sorted(EXPECTED["saves"]))
def test_replay_command_answers_broken_save_with_one_line(name: str, capsys) -> None:
    path = DATA / "saves" / name
    before = _fingerprint(path)
    assert main(["replay", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and EXPECTED["saves"][name] in err
    assert "Traceback" not in err
    assert _fingerprint(path) == before


def test_oversize_deck_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    filler = "# " + "x" * 98 + "\n"
    path.write_text((DATA / "valid" / "mini.yaml").read_text("utf-8") + filler * 11_000, "utf-8")
    assert path.stat().st_size > 1024 * 1024
    with pytest.raises(DeckError) as caught:
        load_deck(path)
    assert str(caught.value).startswith(f"{path}:1: filen er for stor")


def test_oversize_save_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    good = (DATA / "valid" / "lang-unfinished.json").read_bytes()
    path.write_bytes(good[:-2] + b", " + b" " * (9 * 1024 * 1024) + b"}")
    before = _fingerprint(path)
    with pytest.raises(SaveError, match="filen er for stor"):
        read_save(path)
    assert _fingerprint(path) == before


def test_missing_and_folder_paths_are_clear(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="filen findes ikke"):
        read_save(tmp_path / "nope.json")
    with pytest.raises(SaveError, match="er en mappe"):
        read_save(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_pipe_is_refused_instead_of_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "spil.json"
    os.mkfifo(pipe)
    with pytest.raises(SaveError, match="ikke en almindelig fil"):
        read_save(pipe)


def test_valid_corpus_saves_load(mini_deck) -> None:
    finished = read_save(DATA / "valid" / "kort-finished.json")
    assert finished.history.current.finished
    assert finished.deck.content_hash == mini_deck.content_hash
    unfinished = read_save(DATA / "valid" / "lang-unfinished.json")
    assert not unfinished.history.current.finished
    assert unfinished.history.can_redo and unfinished.settings.timer_minutes == 20.0
