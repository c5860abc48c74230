"""When the disk says no: every refused write is a plain-Danish reason (never the system's
text), "den forrige gemning er bevaret" only when it is true, the game knows what is not saved
and can move to another folder, and the command line says so and exits non-zero."""

from __future__ import annotations

import errno
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main
from game.engine import EndYear, History, legal_actions, new_game
from game.saves import GameSaver, GameSettings, SaveError, folder_problem, read_save, write_save
from game.saves.oserrors import os_code, os_reason
from tests.mounts import can_mount_tmpfs

SETTINGS = GameSettings("lang", 42, None)
ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
SYSTEM_TEXT = ("Errno", "No space", "Read-only", "Permission denied", "File exists", "too long")


def _history(deck, decisions: int = 1) -> History:
    history = History.start(new_game(deck, "lang", 42))
    for _ in range(decisions):
        history = history.do(legal_actions(history.current)[0])
    return history


def _refusing(number: int):
    def refuse(*args, **kwargs):
        raise OSError(number, os.strerror(number))

    return refuse


REFUSALS = [
    (errno.ENOSPC, "disken er fuld", "disk_full"),
    (errno.EROFS, "skrivebeskyttet drev", "read_only"),
    (errno.EACCES, "ingen adgang", "no_access"),
    (errno.EPERM, "ingen adgang", "no_access"),
    (errno.EEXIST, "der findes allerede en fil med det navn", "exists"),
    (errno.ENAMETOOLONG, "for langt", "name_too_long"),
    (errno.EIO, "drevet svarer ikke", "other"),
    (errno.EDQUOT, "lagerkvote", "disk_full"),
]


@pytest.mark.parametrize(("number", "words", "code"), REFUSALS)
@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_refused_write_is_said_in_danish(
    tmp_path, mini_deck, monkeypatch, number, words, code, step
):
    path = tmp_path / "spil.json"
    write_save(path, mini_deck, SETTINGS, _history(mini_deck))
    before = path.read_bytes()
    monkeypatch.setattr(os, step, _refusing(number))
    with pytest.raises(SaveError) as caught:
        write_save(path, mini_deck, SETTINGS, _history(mini_deck, 2))
    monkeypatch.undo()
    message = str(caught.value)
    assert message.startswith(f"{path}: spillet kunne ikke gemmes: ") and words in message
    assert message.endswith("; den forrige gemning er bevaret")
    assert not any(text in message for text in SYSTEM_TEXT), message
    assert caught.value.code == code
    assert path.read_bytes() == before
    assert sorted(
        p.name for p in tmp_path.iterdir() if not p.name.startswith(".spil.json.lock")
    ) == ["spil.json"]


def test_a_new_game_that_was_never_saved_does_not_claim_a_previous_save(
    tmp_path, mini_deck, monkeypatch
):
    monkeypatch.setattr(os, "fsync", _refusing(errno.ENOSPC))
    with pytest.raises(SaveError) as caught:
        write_save(tmp_path / "spil.json", mini_deck, SETTINGS, _history(mini_deck))
    assert str(caught.value).endswith("spillet kunne ikke gemmes: disken er fuld")
    assert "bevaret" not in str(caught.value)


def test_every_errno_has_danish_words():
    for number in sorted(errno.errorcode):
        reason = os_reason(OSError(number, os.strerror(number)))
        assert reason and not any(text in reason for text in SYSTEM_TEXT), (number, reason)
    assert "fejlkode 9999" in os_reason(OSError(9999, "Something new"))
    assert os_code(OSError(errno.ENOSPC, "x")) == "disk_full"


def test_a_name_too_long_for_the_disk_is_a_real_refusal(tmp_path, mini_deck):
    path = tmp_path / ("spil-" + "x" * 300 + ".json")
    with pytest.raises(SaveError) as caught:
        write_save(path, mini_deck, SETTINGS, _history(mini_deck))
    assert "stien eller filnavnet er for langt" in str(caught.value)


def test_decisions_after_a_saved_start_are_said_plainly_in_either_language(
    tmp_path, mini_deck, monkeypatch
):
    # Before: "Spillet er ikke gemt, siden det begyndte" – read by a facilitator as "the game
    # was never saved", though its start was in the file.
    from game.messages import render
    from game.saves.autosave import unsaved_message

    saver = GameSaver(tmp_path / "borde" / "spil.json")
    assert saver.save(mini_deck, SETTINGS, _history(mini_deck, 0)).ok
    monkeypatch.setattr(os, "fsync", _refusing(errno.ENOSPC))
    status = saver.save(mini_deck, SETTINGS, _history(mini_deck, 1))
    assert status.unsaved_since == 0
    said = unsaved_message(status)
    assert said is not None
    assert render(said) == (
        "Beslutningerne er ikke gemt (filen har kun spillets start): disken er fuld."
    )
    assert status.message() == render(said)  # the command line says it alike
    assert render(said, "en").startswith("The decisions are not saved (the file holds only")


def test_the_saver_knows_what_is_not_saved_and_can_move_the_game(tmp_path, mini_deck, monkeypatch):
    saver = GameSaver(tmp_path / "borde" / "spil.json")
    assert saver.save(mini_deck, SETTINGS, _history(mini_deck, 3)).ok
    first_id = saver.game_id
    monkeypatch.setattr(os, "fsync", _refusing(errno.ENOSPC))
    status = saver.save(mini_deck, SETTINGS, _history(mini_deck, 4))
    assert (not status.ok, status.unsaved_since, status.decisions, saver.failures) == (
        True,
        3,
        4,
        1,
    )
    assert status.message() == "Spillet er ikke gemt siden beslutning 3: disken er fuld."
    status = saver.save(mini_deck, SETTINGS, _history(mini_deck, 5))
    assert status.unsaved_since == 3 and saver.failures == 2
    monkeypatch.undo()
    blocker = tmp_path / "usb"
    blocker.write_text("not a folder")
    status = saver.save_elsewhere(blocker / "raaderum", mini_deck, SETTINGS, _history(mini_deck, 5))
    assert not status.ok and status.unsaved_since == 3
    assert "er en fil, ikke en mappe" in status.message()
    status = saver.save_elsewhere(tmp_path / "stick", mini_deck, SETTINGS, _history(mini_deck, 5))
    assert status.ok and saver.path.parent == tmp_path / "stick"
    moved = read_save(saver.path)
    assert moved.game_id == first_id and len(moved.history.actions) == 5
    assert saver.save(mini_deck, SETTINGS, _history(mini_deck, 6)).ok
    assert len(read_save(saver.path).history.actions) == 6, "it keeps saving in the new place"


def test_a_game_never_saved_says_so(tmp_path, mini_deck):
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    saver = GameSaver(blocker / "saves" / "spil.json")
    status = saver.save(mini_deck, SETTINGS, _history(mini_deck))
    assert not status.ok and not status.ever_saved and status.unsaved_since is None
    assert status.message().startswith("Spillet er ikke gemt: mappen kan ikke oprettes")


def _read_only(folder: Path) -> bool:
    """Make ``folder`` read-only; False when that has no effect (running as root)."""
    folder.chmod(0o555)
    probe = folder / "probe"
    try:
        probe.write_text("x")
    except OSError:
        return True
    probe.unlink()
    folder.chmod(0o755)
    return False


@pytest.mark.parametrize("where", ["is-a-file", "under-a-file", "read-only"])
def test_the_folder_check_names_the_problem(tmp_path, where):
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    folder = {"is-a-file": blocker, "under-a-file": blocker / "a" / "b"}.get(where)
    if where == "read-only":
        folder = tmp_path / "ro"
        folder.mkdir()
        if not _read_only(folder):
            pytest.skip("the folder stays writable (running as root)")
    problem = folder_problem(folder)
    folder.chmod(0o755) if where == "read-only" else None
    assert problem is not None
    expected = {
        "is-a-file": "er en fil, ikke en mappe",
        "under-a-file": f"fordi {blocker} er en fil, ikke en mappe",
        "read-only": "der kan ikke skrives i mappen: ingen adgang",
    }[where]
    assert expected in str(problem)
    assert folder_problem(tmp_path / "new" / "saves") is None
    assert (tmp_path / "new" / "saves").is_dir() and list(
        (tmp_path / "new" / "saves").iterdir()
    ) == []


@pytest.mark.parametrize("where", ["is-a-file", "under-a-file"])
def test_play_with_a_save_folder_that_cannot_be_made_exits_2(tmp_path, capsys, where):
    blocker = tmp_path / "fil"
    blocker.write_text("x")
    folder = blocker if where == "is-a-file" else blocker / "saves"
    code = main(["play", "--autoplay", "greedy", "--quit-at-end", "--save-dir", str(folder)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "er en fil, ikke en mappe" in err and "--save-dir" in err


def _autoplay(save_dir: Path, preexec=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            *(sys.executable, "-m", "game", "play", "--autoplay", "greedy", "--speed", "1000"),
            *("--quit-at-end", "--scenario", "intro", "--seed", "3", "--save-dir", str(save_dir)),
        ],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
        preexec_fn=preexec,
    )


def test_play_in_a_read_only_folder_refuses_before_playing(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    if not _read_only(folder):
        pytest.skip("the folder stays writable (running as root); see the disk-full test")
    try:
        result = _autoplay(folder)
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert "der kan ikke skrives i mappen: ingen adgang" in result.stderr
    assert "Traceback" not in result.stderr


def _small_file_limit(limit: int):
    def apply() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    return apply


@pytest.mark.skipif(sys.platform == "win32", reason="file size limits are a POSIX feature")
def test_a_game_that_could_never_be_saved_warns_once_and_exits_3(tmp_path):
    """A real refusal that works as root too: the kernel refuses bytes beyond a file-size
    limit smaller than a save (but larger than the lock file)."""
    folder = tmp_path / "saves"
    result = _autoplay(folder, _small_file_limit(4096))
    assert result.returncode == 3, result.stderr
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr
    warnings = [line for line in lines if line.startswith("raaderum: Spillet er ikke gemt:")]
    assert len(warnings) == 1, "warned at the first failure only"
    assert "filen bliver større, end systemet tillader" in warnings[0]
    assert lines[-1].startswith("raaderum play: spillet sluttede ugemt. Spillet er ikke gemt:")
    assert list(folder.glob("*.json")) == [] and list(folder.glob("*.tmp")) == []


def _play_on_small_disk(tmp_path: Path, *, read_only: bool) -> subprocess.CompletedProcess[str]:
    """``raaderum play --autoplay`` with its save folder on a 24 KB file system of its own
    (a save of the standard deck is about 60 KB), mounted read-only if asked."""
    disk = tmp_path / "disk"
    disk.mkdir()
    where = shlex.quote(str(disk))
    game = shlex.join(
        [
            *(sys.executable, "-m", "game", "play", "--autoplay", "greedy", "--speed", "1000"),
            *("--quit-at-end", "--scenario", "intro", "--seed", "3"),
            *("--save-dir", str(disk / "saves")),
        ]
    )
    mkdir = "" if read_only else f"mkdir {where}/saves && "
    remount = f"mount -o remount,ro {where} && " if read_only else ""
    script = (
        f"mount -t tmpfs -o size=24k none {where} && {mkdir}{remount}"
        f"{game}; code=$?; ls -a {where}/saves 1>&2; exit $code"
    )
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, env=ENV, timeout=300
    )


@pytest.mark.skipif(not can_mount_tmpfs(), reason="needs user namespaces to mount a tmpfs")
def test_a_full_disk_is_said_in_danish_and_exits_3(tmp_path):
    result = _play_on_small_disk(tmp_path, read_only=False)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("raaderum: ")]
    assert len(warnings) == 1 and "Spillet er ikke gemt: disken er fuld." in warnings[0]
    assert "den forrige gemning er bevaret" not in result.stderr, "nothing was ever saved"
    assert "spillet sluttede ugemt" in result.stderr
    assert ".json" not in result.stderr.replace(".json.lock.", ""), "no save, no temp file"


@pytest.mark.skipif(not can_mount_tmpfs(), reason="needs user namespaces to mount a tmpfs")
def test_a_read_only_drive_is_refused_before_playing(tmp_path):
    result = _play_on_small_disk(tmp_path, read_only=True)
    assert result.returncode == 2, result.stderr
    assert "mappen ligger på et skrivebeskyttet drev" in result.stderr
    assert "--save-dir" in result.stderr and "Traceback" not in result.stderr


def test_a_game_saved_to_the_end_exits_0(tmp_path):
    result = _autoplay(tmp_path / "saves")
    assert result.returncode == 0, result.stderr
    (save,) = (tmp_path / "saves").glob("*.json")
    assert read_save(save).history.current.finished


def test_end_year_after_failure_is_still_counted(tmp_path, mini_deck, monkeypatch):
    """A decision after a failed save: the status counts from the last good save."""
    saver = GameSaver(tmp_path / "spil.json")
    history = _history(mini_deck, 1)
    assert saver.save(mini_deck, SETTINGS, history).ok
    monkeypatch.setattr(os, "replace", _refusing(errno.EROFS))
    status = saver.save(mini_deck, SETTINGS, history.do(EndYear()))
    assert status.unsaved_since == 1
    assert "skrivebeskyttet drev" in status.message()
