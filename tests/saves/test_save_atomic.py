"""A save is written atomically: a failure at any point leaves the previous save intact and
readable, and no temp file behind."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine import EndYear, History, legal_actions, new_game, state_hash
from game.saves import GameSettings, SaveError, read_save, write_save

SETTINGS = GameSettings("lang", 42, None)


def _games(deck) -> tuple[History, History]:
    """An older history and the one a decision later that we fail to save."""
    old = History.start(new_game(deck, "lang", 42))
    old = old.do(legal_actions(old.current)[0])
    return old, old.do(EndYear())


def _saved(tmp_path: Path, deck) -> tuple[Path, bytes, History, History]:
    old, new = _games(deck)
    path = tmp_path / "spil.json"
    write_save(path, deck, SETTINGS, old)
    return path, path.read_bytes(), old, new


def _assert_old_save_intact(path: Path, content: bytes, old: History) -> None:
    assert path.read_bytes() == content
    assert state_hash(read_save(path).history.current) == state_hash(old.current)
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name], "temp file left"


def _fail(*args, **kwargs):
    raise OSError(errno.EIO, "Input/output error")


@pytest.mark.parametrize("where", ["fsync", "replace", "write"])
def test_failure_mid_save_keeps_the_old_save(tmp_path, mini_deck, monkeypatch, where) -> None:
    path, content, old, new = _saved(tmp_path, mini_deck)
    if where == "write":
        real_fdopen = os.fdopen

        def half_writing_fdopen(fd, *args, **kwargs):
            handle = real_fdopen(fd, *args, **kwargs)
            real_write = handle.write

            def write(data):
                real_write(data[: len(data) // 2])
                handle.flush()
                raise OSError(errno.ENOSPC, "No space left on device")

            handle.write = write
            return handle

        monkeypatch.setattr(os, "fdopen", half_writing_fdopen)
    else:
        monkeypatch.setattr(os, where, _fail)
    with pytest.raises(SaveError) as caught:
        write_save(path, mini_deck, SETTINGS, new)
    monkeypatch.undo()
    assert "den forrige gemning er bevaret" in str(caught.value)
    _assert_old_save_intact(path, content, old)


def test_interrupt_mid_save_keeps_the_old_save(tmp_path, mini_deck, monkeypatch) -> None:
    path, content, old, new = _saved(tmp_path, mini_deck)

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_save(path, mini_deck, SETTINGS, new)
    monkeypatch.undo()
    _assert_old_save_intact(path, content, old)


@pytest.mark.skipif(sys.platform == "win32", reason="file size limits are a POSIX feature")
def test_disk_full_in_the_middle_of_the_file(tmp_path, mini_deck) -> None:
    """A real partial write: the kernel refuses bytes beyond a file-size limit (EFBIG)."""
    path, content, old, _ = _saved(tmp_path, mini_deck)
    script = f"""
import resource, signal, sys
from pathlib import Path
from game.content import load_deck
from game.engine import EndYear, History, legal_actions, new_game
from game.saves import GameSettings, SaveError, write_save
deck = load_deck({str(Path(__file__).parent.parent / "data" / "valid" / "mini.yaml")!r})
history = History.start(new_game(deck, "lang", 42))
history = history.do(legal_actions(history.current)[0]).do(EndYear())
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, ({len(content) // 2}, resource.RLIM_INFINITY))
try:
    write_save(Path({str(path)!r}), deck, GameSettings("lang", 42, None), history)
except SaveError as error:
    print(error)
    sys.exit(3)
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 3, result.stderr
    assert "kunne ikke gemmes" in result.stdout
    _assert_old_save_intact(path, content, old)


def test_temp_files_of_a_killed_writer_are_cleaned_up(tmp_path, mini_deck) -> None:
    path, _, _, new = _saved(tmp_path, mini_deck)
    leftover = tmp_path / f".{path.name}.abc123.tmp"
    leftover.write_bytes(b'{"half": ')
    other = tmp_path / ".another-game.json.xyz.tmp"
    other.write_bytes(b"{")
    write_save(path, mini_deck, SETTINGS, new)
    assert not leftover.exists()
    assert other.exists(), "only this save's own temp files are removed"
    assert state_hash(read_save(path).history.current) == state_hash(new.current)


def test_unwritable_folder_gives_a_save_error(tmp_path, mini_deck) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    old, _ = _games(mini_deck)
    with pytest.raises(SaveError, match="kunne ikke gemmes"):
        write_save(blocker / "spil.json", mini_deck, SETTINGS, old)
    assert blocker.read_text() == "x"


def test_settings_that_cannot_be_read_back_are_never_written(tmp_path, mini_deck) -> None:
    old, _ = _games(mini_deck)
    path = tmp_path / "spil.json"
    with pytest.raises(SaveError, match="kan ikke gemmes"):
        write_save(path, mini_deck, GameSettings("lang", 42, None, lang="fr"), old)
    assert not path.exists() and list(tmp_path.iterdir()) == []
