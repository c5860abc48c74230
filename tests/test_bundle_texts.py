"""The texts an offline bundle carries (packaging/), rendered as ``make dist`` renders them:
what an IT supporter reads on a locked-down laptop. ``tests/test_dist.py`` builds and plays a
real bundle; this checks the texts of both systems on every run, without a build."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def build_dist():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_dist", ROOT / "packaging/build_dist.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_dist"] = module
    spec.loader.exec_module(module)
    return module


def _values(bundle: str) -> dict[str, str]:
    """The placeholders ``make dist`` fills for a Python 3.12 bundle named ``bundle``."""
    return {
        "VERSION": "0.1.0",
        "PY": "3.12",
        "PY_MAJOR": "3",
        "PY_MINOR": "12",
        "WHEEL": "raaderum-0.1.0-py3-none-any.whl",
        "BUNDLE": bundle,
        "PYTHONS": "3.11, 3.12, 3.13 og 3.14",
    }


def _texts(build_dist, system: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    values = _values(f"raaderum-0.1.0-{system}-py312")
    windows = system == "windows"
    rendered = {}
    for source, name, _ in build_dist.FILES[system]:
        data = build_dist.render(build_dist.TEMPLATES / system / source, values, windows, name)
        if name.endswith(".txt") and windows:
            assert data.startswith("\ufeff".encode()), f"{name}: Notepad needs the BOM"
            data = data[3:]
        text = data.decode("utf-8")
        if windows:
            assert "\n" not in text.replace("\r\n", ""), f"{name}: Windows lines end in CRLF"
            text = text.replace("\r\n", "\n")
        rendered[name] = text
    return rendered


@pytest.mark.parametrize("system", ["linux", "windows"])
def test_the_bundle_carries_the_facilitators_rules(build_dist, system):  # type: ignore[no-untyped-def]
    texts = _texts(build_dist, system)
    rules = texts["Spilleregler.txt"]
    command = build_dist.COMMANDS[system]
    markdown = (ROOT / "docs/rules.md").read_text(encoding="utf-8")
    assert rules == build_dist.plain_text(markdown, command)
    # the commands as the bundle runs them, and no Markdown italics (a trial found 13 "*…*"
    # and "raaderum balance", which the bundle has no such command for)
    assert "raaderum balance" not in rules and f"{command} balance" in rules
    assert not re.search(r"(?<![\w*])\*\w[^*\n]*\*(?![\w*])", rules), rules
    assert "Spilleregler.txt" in texts["LÆS MIG.txt"]
    # plain text for Notepad, whole and on its own: no Markdown marks, no files it lacks
    lines = rules.splitlines()
    assert lines[0] == "Spilleregler – Råderumsspillet" and set(lines[1]) == {"="}
    assert "**" not in rules and "`" not in rules and "|---" not in rules
    assert "docs/" not in rules and "README" not in rules
    assert "Ctrl+Z eller Backspace · fortryd" in rules


@pytest.mark.parametrize("system", ["linux", "windows"])
def test_laes_mig_is_tidy(build_dist, system):  # type: ignore[no-untyped-def]
    lines = _texts(build_dist, system)["LÆS MIG.txt"].splitlines()
    assert set(lines[1]) == {"="} and len(lines[1]) == len(lines[0]), lines[:2]
    too_long = [line for line in lines if len(line) > 79 and "--out" not in line]
    assert not too_long, too_long
    text = "\n".join(lines)
    assert "@" not in text
    assert "print --scenario" in text and "Rapport" in text  # paper and reports
    assert re.search(r"saves\b", text)  # where the games are saved
    # a trial: where an interrupted game is continued, how to get into the folder on Linux,
    # and that a locked-down pc must approve the folder (AppLocker)
    assert "spille videre" in text
    assert "AppLocker" in text if system == "windows" else "cd ~/raaderum-" in text


def test_linux_commands_work_from_a_stick_without_execute_permission(build_dist):  # type: ignore[no-untyped-def]
    """A FAT-formatted USB stick is often mounted without execute permission: "./install.sh"
    is then refused, "sh install.sh" works. Every command the texts give runs through sh."""
    texts = _texts(build_dist, "linux")
    for name, text in texts.items():
        assert "./install.sh" not in text and "./start.sh" not in text, name
    assert "sh install.sh" in texts["LÆS MIG.txt"] and "sh start.sh" in texts["LÆS MIG.txt"]


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux bundle's start script")
def test_start_sh_on_another_pc_says_so_and_not_that_the_game_is_not_installed(tmp_path):
    # .venv/bin/python is a link to the Python that made it: on another pc it points nowhere,
    # and the script said "Spillet er ikke installeret endnu" instead of "en anden pc"
    import shutil
    import subprocess

    folder = tmp_path / "USB stik" / "Råderum"
    (folder / ".venv" / "bin").mkdir(parents=True)
    shutil.copy2(ROOT / "packaging" / "linux" / "start.sh", folder / "start.sh")
    (folder / ".venv" / "bin" / "python").symlink_to(tmp_path / "ingen" / "python3.13")
    moved = subprocess.run(
        ["sh", str(folder / "start.sh"), "--version"], capture_output=True, text=True, check=False
    )
    assert moved.returncode == 1
    assert "blev lavet på en anden pc eller med en anden Python" in moved.stderr
    (folder / ".venv" / "bin" / "python").unlink()
    fresh = subprocess.run(["sh", str(folder / "start.sh")], capture_output=True, text=True)
    assert fresh.returncode == 1 and "ikke installeret endnu" in fresh.stderr


def _as_another_user() -> list[str] | None:
    """The prefix that runs a command where file modes hold: as is for a normal user, as
    ``nobody`` through setpriv for root (root writes into any folder); None if neither."""
    import os
    import shutil

    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux bundle's install script")
def test_install_sh_in_a_read_only_folder_says_read_only_not_fat(build_dist):  # type: ignore[no-untyped-def]
    # a trial: "chmod -R a-w" on the unpacked folder, and install.sh said the folder lay on a
    # drive that holds no links (a FAT stick), for its test link failed as everything did
    import shutil
    import subprocess
    import tempfile

    prefix = _as_another_user()
    if prefix is None:
        pytest.skip("runs as root without setpriv: every folder is writable")
    top = Path(tempfile.mkdtemp(prefix="raaderum-ro-"))
    try:
        top.chmod(0o755)
        folder = top / "Min mappe" / "raaderum-0.1.0-linux-py312"
        (folder / "wheels").mkdir(parents=True)
        (folder / "wheels" / "raaderum-0.1.0-py3-none-any.whl").write_bytes(b"")
        values = _values(folder.name)
        script = build_dist.render(build_dist.TEMPLATES / "linux/install.sh", values, False)
        (folder / "install.sh").write_bytes(script)
        # a Python 3.12 that fits and whose venv fails as a real one does where it may not write
        python = top / "python3.12"
        python.write_text(
            '#!/bin/sh\ncase "$1" in\n  -c) exit 0 ;;\n  --version) echo "Python 3.12.3" ;;\n'
            '  -m) mkdir -p "$4/bin" || exit 1 ;;\nesac\n'
        )
        python.chmod(0o755)
        for path in [folder, *folder.rglob("*"), folder.parent]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        env = {"PATH": "/usr/bin:/bin", "PYTHON": str(python), "LANG": "C.UTF-8"}
        result = subprocess.run(
            [*prefix, "sh", str(folder / "install.sh")],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert result.returncode == 1, result.stdout + result.stderr
        assert "skrivebeskyttet" in result.stderr, result.stderr
        assert "FAT" not in result.stderr and "links" not in result.stderr, result.stderr
        assert "din egen mappe" in result.stderr  # what to do instead
        assert not list(folder.glob(".raaderum-*"))
    finally:
        for path in [top, *top.rglob("*")]:
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(top)


def test_installer_bat_checks_that_it_may_write_before_it_makes_the_venv(build_dist):  # type: ignore[no-untyped-def]
    # as install.sh: a folder that cannot be written is said to be read-only, with where to
    # unpack instead, not left to the traceback of a failed venv
    script = _texts(build_dist, "windows")["installer.bat"]
    probe = script.index('if not exist "%PROBE%" goto read_only')
    assert probe < script.index("-m venv --clear")
    said = script[script.index("\n:read_only\n") :]
    said = said[: said.index("goto end")]
    assert "skrivebeskyttet" in said and "din egen mappe" in said


@pytest.mark.parametrize("system", ["linux", "windows"])
def test_the_bundle_carries_the_guide_to_a_municipalitys_own_deck(build_dist, system):  # type: ignore[no-untyped-def]
    # a trial: the YAML files "import" writes say "se docs/deck-format.md", and the README
    # calls it the budget office's guide, but the bundle had no such file
    texts = _texts(build_dist, system)
    name = build_dist.DECK_GUIDE_NAME
    guide = texts[name]
    command = build_dist.COMMANDS[system]
    markdown = (ROOT / "docs/deck-format.md").read_text(encoding="utf-8")
    assert guide == build_dist.plain_text(markdown, command)
    assert name in texts["LÆS MIG.txt"].replace("\n  ", " ").replace("\n", " ")
    lines = guide.splitlines()
    assert lines[0].startswith("Dækformatet") and set(lines[1]) == {"="}
    # no Markdown left: fences, links to anchors, backticks, bold
    assert "```" not in guide and "](#" not in guide and "`" not in guide and "**" not in guide
    # the bundle's command, in prose and in code blocks alike
    assert "raaderum import" not in guide and "raaderum validate" not in guide
    assert f"    {command} import katalog.xlsx --out vores-dæk" in guide
    # a code block is indented and as written: its YAML comments are not headings
    assert "    deck:\n      id: norddjurs\n" in guide
    assert "    effect: [0]                                 # udgiften" in guide


def test_plain_text_keeps_code_blocks_as_written_and_indented(build_dist):  # type: ignore[no-untyped-def]
    markdown = (
        "# Titel\n\nSe [Felterne](#felterne) og [KL](https://www.kl.dk).\n\n"
        "```yaml\n# en kommentar, ikke en overskrift\nproposals:\n  - id: **x**\n```\n"
        "Tekst.\n\n```\nraaderum validate MIN-MAPPE\n``` Og så videre.\n"
    )
    text = build_dist.plain_text(markdown, "sh start.sh")
    assert text.splitlines() == [
        "Titel",
        "=====",
        "",
        "Se Felterne og KL (https://www.kl.dk).",
        "",
        "    # en kommentar, ikke en overskrift",
        "    proposals:",
        "      - id: **x**",
        "Tekst.",
        "",
        "    sh start.sh validate MIN-MAPPE",
        "",
        "Og så videre.",
    ]


def test_imported_yaml_names_the_guide_as_the_bundle_calls_it(build_dist):  # type: ignore[no-untyped-def]
    from game.catalogue.yamlwrite import section_text

    text = section_text("proposals", [], "katalog.xlsx", "forslagene")
    comment = next(line for line in text.splitlines() if "Ret i regnearket" in line)
    assert "docs/deck-format.md" in comment and f"»{build_dist.DECK_GUIDE_NAME}«" in comment


def test_build_dist_writes_sha256sums_that_sha256sum_checks(build_dist, tmp_path):  # type: ignore[no-untyped-def]
    # a trial: an IT contact had no way to check the zips they were handed
    import hashlib
    import shutil
    import subprocess

    (tmp_path / "raaderum-0.1.0-linux-py312.zip").write_bytes(b"PK linux")
    (tmp_path / "raaderum-0.1.0-windows-py312.zip").write_bytes(b"PK windows")
    (tmp_path / "noter.txt").write_text("ikke en pakke")
    sums = build_dist.write_checksums(tmp_path)
    assert sums == tmp_path / "SHA256SUMS"
    assert sums.read_bytes().decode("ascii").splitlines() == [
        f"{hashlib.sha256(b'PK linux').hexdigest()}  raaderum-0.1.0-linux-py312.zip",
        f"{hashlib.sha256(b'PK windows').hexdigest()}  raaderum-0.1.0-windows-py312.zip",
    ]
    if shutil.which("sha256sum"):
        checked = subprocess.run(
            ["sha256sum", "-c", "SHA256SUMS"], cwd=tmp_path, capture_output=True, text=True
        )
        assert checked.returncode == 0 and checked.stdout.count(": OK") == 2, checked.stdout


@pytest.mark.parametrize("system", ["linux", "windows"])
def test_laes_mig_tells_it_how_to_check_uninstall_and_what_the_pc_needs(build_dist, system):  # type: ignore[no-untyped-def]
    # a trial: an IT contact missed how to check the zip, how to remove the game and its
    # saves, whether admin rights are needed, which systems it runs on, and its size
    text = _texts(build_dist, system)["LÆS MIG.txt"]
    flat = " ".join(text.split())
    assert "SHA256SUMS" in flat and "Afinstallér" in flat and "preferences.json" in flat
    assert "kopiér dem først" in flat  # the saves are in the data folder: copy them first
    assert "ca. " in flat and " MB" in flat and "wheels" in flat
    if system == "windows":
        assert "Get-FileHash raaderum-0.1.0-windows-py312.zip" in flat
        assert "certutil -hashfile raaderum-0.1.0-windows-py312.zip SHA256" in flat
        assert "%LOCALAPPDATA%\\raaderum" in flat
        assert "kræver ikke administratorrettigheder" in flat
        assert '"Install for all users"' in flat and "Windows 10 eller 11" in flat
    else:
        assert "sha256sum -c --ignore-missing SHA256SUMS" in flat
        assert "~/.local/share/raaderum " in flat
        assert "kræver ikke root eller sudo" in flat
        assert "glibc 2.28" in flat and "python3.12-venv" in flat


def test_the_readmes_offline_section_answers_an_it_contacts_questions():
    # a trial: the section said nothing of checking, uninstalling, admin rights or the
    # systems it runs on, left the venv module out of the Linux paragraph, and gave the size
    # of .venv alone ("ca. 170 MB") for a folder of about 200 MB with its wheels
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Uden internet") :]
    section = " ".join(section[: section.index("\n## ")].split())
    for said in (
        "SHA256SUMS",
        "sha256sum -c",
        "Get-FileHash",
        "certutil -hashfile",
        "Afinstallér",
        "%LOCALAPPDATA%\\raaderum",
        "~/.local/share/raaderum",
        "preferences.json",
        "kopiér dem først",
        "Administratorrettigheder",
        "Install for all users",
        "Windows 10",
        "glibc 2.28",
        "python3.12-venv",
        "Dæk og katalog.txt",
    ):
        assert said in section, said
    assert "ca. 170 MB" not in section and "ca. 200 MB" in section
