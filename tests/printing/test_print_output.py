"""Where `print`, `template` and `export` write: a missing folder is made, and a folder that
cannot take the file is said as such ("kan ikke skrives"), not as a file that cannot be read."""

from __future__ import annotations

import shlex
import subprocess
import sys

import pytest

from game.cli import main
from game.paths import standard_deck
from tests.mounts import can_mount_tmpfs


def test_print_makes_a_missing_folder(tmp_path, capsys):
    out = tmp_path / "konference" / "bord 3" / "kort.html"
    assert main(["print", "--scenario", "intro", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "A4-sider" in capsys.readouterr().out


@pytest.mark.parametrize(
    "command",
    [
        ["print", "--scenario", "intro", "--out"],
        ["template"],
        ["export", str(standard_deck())],
    ],
)
def test_a_path_under_a_file_is_refused_before_anything_is_written(tmp_path, capsys, command):
    blocker = tmp_path / "noter"
    blocker.write_text("x", encoding="utf-8")
    name = "kort.html" if command[0] == "print" else "katalog.xlsx"
    out = blocker / name
    assert main([*command, str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{out} kan ikke skrives – {blocker}: er en fil, ikke en mappe" in err, err
    assert "kan ikke læses" not in err and "Traceback" not in err
    assert blocker.read_text(encoding="utf-8") == "x"


def test_print_to_a_folder_name_is_refused(tmp_path, capsys):
    folder = tmp_path / "kort.html"
    folder.mkdir()
    assert main(["print", "--scenario", "intro", "--out", str(folder)]) == 2
    assert "er en mappe; giv et filnavn som kort.html" in capsys.readouterr().err


@pytest.mark.skipif(not can_mount_tmpfs(), reason="needs user namespaces to mount a tmpfs")
@pytest.mark.parametrize("command", ["print", "template"])
def test_a_read_only_drive_is_said_as_one_that_cannot_be_written(tmp_path, command):
    """A USB stick mounted read-only (a real refusal, as root too): the message said
    "kan ikke læses: du har ikke adgang til at læse den" about the file to be written."""
    disk = tmp_path / "stik"
    disk.mkdir()
    out = disk / ("kort.html" if command == "print" else "katalog.xlsx")
    args = ["--scenario", "intro", "--out", str(out)] if command == "print" else [str(out)]
    game = shlex.join([sys.executable, "-m", "game", command, *args])
    where = shlex.quote(str(disk))
    script = f"mount -t tmpfs -o size=64k none {where} && mount -o remount,ro {where} && {game}"
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 2, result.stderr
    assert f"{out} kan ikke skrives" in result.stderr
    assert "skrivebeskyttet drev" in result.stderr
    assert "kan ikke læses" not in result.stderr and "Traceback" not in result.stderr


def _on_small_disk(tmp_path, *args: str) -> subprocess.CompletedProcess[str]:
    """``raaderum ARGS`` with ``{disk}`` in them standing for a 20 KB file system of its own."""
    disk = tmp_path / "stik"
    disk.mkdir()
    game = shlex.join(
        [sys.executable, "-m", "game", *(a.replace("{disk}", str(disk)) for a in args)]
    )
    where = shlex.quote(str(disk))
    script = (
        f"mount -t tmpfs -o size=20k none {where} && {game}; code=$?; ls -A {where}; exit $code"
    )
    return subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, timeout=300
    )


@pytest.mark.skipif(not can_mount_tmpfs(), reason="needs user namespaces to mount a tmpfs")
@pytest.mark.parametrize(
    "args",
    [
        ["template", "{disk}/katalog.xlsx"],
        ["export", str(standard_deck()), "{disk}/katalog.xlsx"],
        ["print", "--scenario", "standard", "--out", "{disk}/kort.html"],
    ],
)
def test_a_full_disk_leaves_no_half_written_file(tmp_path, args):
    """A full USB stick: the workbook was left half-written (20.480 bytes, "beskadiget" to
    the importer) and a retry was refused with "findes allerede"; Python's own English
    "Exception ignored … No space left on device" came after the Danish line."""
    result = _on_small_disk(tmp_path, *args)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "disken er fuld" in lines[0], result.stderr
    assert args[-1].replace("{disk}/", "") in lines[0]  # it names the file
    assert result.stdout.strip() == "", "nothing is left on the disk"


@pytest.mark.skipif(not can_mount_tmpfs(), reason="needs user namespaces to mount a tmpfs")
def test_an_import_onto_a_full_disk_leaves_no_half_deck(tmp_path):
    # the deck folder stayed with deck.yaml and a cut-off forslag.yaml, which loads broken
    workbook = tmp_path / "katalog.xlsx"
    assert main(["export", str(standard_deck()), str(workbook)]) == 0
    result = _on_small_disk(tmp_path, "import", str(workbook), "--out", "{disk}/dæk")
    assert result.returncode == 2, result.stderr
    assert "dækmappen kan ikke oprettes her: disken er fuld" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout.strip() == ""


def test_a_deck_whose_folder_name_is_not_utf8_prints(tmp_path, capsys):
    # "print bad\xff-deck --out p.html" ended in UnicodeEncodeError: the folder's name went
    # into the page's enter command as it was
    import os
    import shutil
    from pathlib import Path

    from game.cli import main

    folder = tmp_path / os.fsdecode(b"bad\xff-deck")
    folder.mkdir()
    shutil.copy(Path(__file__).resolve().parents[2] / "docs" / "example-deck.yaml", folder)
    out = tmp_path / "kort.html"
    assert main(["print", str(folder), "--out", str(out)]) == 0, capsys.readouterr().err
    assert "bad\ufffd-deck" in out.read_text(encoding="utf-8")
