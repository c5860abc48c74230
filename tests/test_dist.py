"""The offline bundle for a laptop without internet (``make dist``).

Builds the Linux bundle for the running Python with ``packaging/build_dist.py``, unpacks it
into a folder with spaces in its path, installs it with its own ``install.sh`` while the
network is refused, and plays it through its own ``start.sh``: validate the standard deck,
simulate ten games, render the board.

install.sh itself passes ``--no-index`` and ignores the machine's pip settings; on top of
that pip's index and every proxy point at a closed port, and where the kernel allows it
(``unshare -rn``) install and game run in a network namespace with no network at all.

The build needs PyPI and takes a while, so these tests only run with
``RAADERUM_DIST_TEST=1`` (``make dist-test`` and CI); plain ``pytest`` skips them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pygame
import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("RAADERUM_DIST_TEST") != "1",
        reason="builds and installs the offline bundle; run `make dist-test`",
    ),
    pytest.mark.skipif(sys.platform != "linux", reason="tests the Linux bundle"),
]

tomllib = pytest.importorskip("tomllib", reason="the bundles are for Python 3.11 and newer")
ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
VERSION = PYPROJECT["version"]
PY = f"{sys.version_info.major}.{sys.version_info.minor}"
TARGET = f"linux-py{sys.version_info.major}{sys.version_info.minor}"
BUNDLE = f"raaderum-{VERSION}-{TARGET}"
UNREACHABLE = "http://127.0.0.1:9/"  # the discard port: nothing listens there


def _name(text: str) -> str:
    """The normalised distribution name at the start of a requirement or a metadata name."""
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", text)
    assert match is not None, text
    return re.sub(r"[-_.]+", "_", match.group()).lower()


def _files(folder: Path) -> dict[Path, bytes]:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _no_network_prefix() -> list[str]:
    """``unshare -rn`` when this machine lets us drop the network entirely."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn"]
    return []


class Installed:
    """The unpacked, installed bundle and a way to run its scripts offline."""

    def __init__(self, folder: Path, zip_path: Path, env: dict[str, str], tmp: Path) -> None:
        self.folder = folder
        self.zip_path = zip_path
        self.env = env
        self.tmp = tmp
        self.prefix = _no_network_prefix()

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run ``args`` without network, from a folder that is neither the bundle nor the
        source tree (so nothing resolves by accident against the checkout)."""
        return subprocess.run(
            [*self.prefix, *args],
            cwd=self.tmp,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    def start(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self.run(str(self.folder / "start.sh"), *args)

    def python(self, code: str) -> str:
        result = self.run(str(self.folder / ".venv/bin/python"), "-P", "-c", code)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    tmp = tmp_path_factory.mktemp("dist")
    out = tmp / "dist"
    build = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging/build_dist.py"),
            "--target",
            TARGET,
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, f"build_dist.py failed:\n{build.stdout}\n{build.stderr}"
    zip_path = out / f"{BUNDLE}.zip"

    # Unpack as unzip does: with the unix modes stored in the zip.
    stick = tmp / "USB stik"
    with zipfile.ZipFile(zip_path) as archive:
        for info in archive.infolist():
            path = Path(archive.extract(info, stick))
            path.chmod((info.external_attr >> 16) & 0o777)
    folder = stick / BUNDLE

    # This Python first on PATH, under its versioned name as a distribution ships it.
    bin_dir = tmp / "bin"
    bin_dir.mkdir()
    (bin_dir / f"python{PY}").symlink_to(os.path.realpath(sys.executable))
    home = tmp / "home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    env.update(
        PATH=f"{bin_dir}:/usr/bin:/bin",
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        PIP_INDEX_URL=UNREACHABLE,
        HTTP_PROXY=UNREACHABLE,
        HTTPS_PROXY=UNREACHABLE,
        ALL_PROXY=UNREACHABLE,
        http_proxy=UNREACHABLE,
        https_proxy=UNREACHABLE,
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
    )
    env.pop("NO_PROXY", None)
    env.pop("no_proxy", None)
    env.pop("RAADERUM_HOME", None)  # saves, if any, go to the temporary HOME
    bundle = Installed(folder, zip_path, env, tmp)
    install = bundle.run(str(folder / "install.sh"))
    assert install.returncode == 0, f"install.sh failed:\n{install.stdout}\n{install.stderr}"
    assert f"raaderum {VERSION}" in install.stdout
    return bundle


def test_the_zip_is_one_folder_with_executable_scripts_and_no_dev_tools(
    installed: Installed,
) -> None:
    with zipfile.ZipFile(installed.zip_path) as archive:
        infos = {info.filename: info for info in archive.infolist()}
    assert {name.split("/")[0] for name in infos} == {BUNDLE}
    for script in ("install.sh", "start.sh"):
        mode = infos[f"{BUNDLE}/{script}"].external_attr >> 16
        assert mode & 0o111 == 0o111, f"{script} is not executable in the zip"
    assert f"{BUNDLE}/LÆS MIG.txt" in infos
    wheels = {_name(Path(name).name.split("-")[0]) for name in infos if name.endswith(".whl")}
    dev_tools = {_name(dep) for dep in PYPROJECT["optional-dependencies"]["dev"]}
    assert wheels & dev_tools == set()
    assert "pygame_ce" in wheels and "raaderum" in wheels


def test_everything_installed_came_from_the_bundle(installed: Installed) -> None:
    """Nothing was fetched or taken from elsewhere: the environment holds exactly the
    bundle's wheels (plus the pip and setuptools that venv itself puts there)."""
    listing = installed.python(
        "import importlib.metadata as m\n"
        "for d in m.distributions(): print(d.metadata['Name'], d.version)"
    )
    installed_dists = {
        (_name(name), version)
        for name, version in (line.split() for line in listing.splitlines())
        if _name(name) not in ("pip", "setuptools")
    }
    in_bundle = {
        (_name(wheel.name.split("-")[0]), wheel.name.split("-")[1])
        for wheel in (installed.folder / "wheels").glob("*.whl")
    }
    assert installed_dists == in_bundle
    game_file = installed.python("import game; print(game.__file__)")
    assert Path(game_file).is_relative_to(installed.folder / ".venv")


def test_the_bundled_game_has_the_projects_version(installed: Installed) -> None:
    result = installed.start("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"raaderum {VERSION}"


def test_the_bundles_messages_say_its_start_file_not_raaderum(installed: Installed) -> None:
    # the bundle has no raaderum command: "raaderum import …" left an IT contact stuck
    written = installed.tmp / "katalog.xlsx"
    result = installed.start("template", str(written))
    assert result.returncode == 0, result.stderr
    assert f"sh start.sh import {written} --out MAPPE" in result.stdout


def test_validate_the_standard_deck_shipped_in_the_bundle(installed: Installed) -> None:
    deck = Path(installed.python("from game.paths import standard_deck; print(standard_deck())"))
    assert deck.is_relative_to(installed.folder)
    source = ROOT / "decks" / "standard"
    assert _files(deck) == _files(source), "the bundle's standard deck differs from decks/"
    result = installed.start("validate", str(deck))
    assert result.returncode == 0, result.stdout + result.stderr
    assert ": OK" in result.stdout


def test_simulate_ten_games(installed: Installed) -> None:
    result = installed.start("simulate", "--games", "10", "--seed", "3")
    assert result.returncode == 0, result.stderr
    assert "spil: 10" in result.stdout
    assert "Vundet:" in result.stdout


def test_screenshot_of_the_board(installed: Installed) -> None:
    png = installed.tmp / "board.png"
    result = installed.start("screenshot", "--scene", "board", "--out", str(png))
    assert result.returncode == 0, result.stderr
    picture = pygame.image.load(str(png))
    width, height = picture.get_size()
    assert width >= 800 and height >= 450
    colours = {picture.get_at((x, y))[:3] for x in range(0, width, 7) for y in range(0, height, 7)}
    assert len(colours) > 50, "the board came out (nearly) blank"


def test_start_without_install_says_to_run_install_first(installed: Installed) -> None:
    fresh = installed.tmp / "uinstalleret"
    fresh.mkdir()
    shutil.copy2(installed.folder / "start.sh", fresh / "start.sh")
    result = installed.run(str(fresh / "start.sh"))
    assert result.returncode == 1
    assert "install.sh" in result.stderr


def test_the_facilitators_rules_and_laes_mig_s_print_command(installed: Installed) -> None:
    """The bundle is all a locked-down laptop gets: the rules go along, and the print
    command LÆS MIG gives works as written, through sh (a USB stick is often mounted
    without execute permission, so the scripts' own mode is taken away here)."""
    rules = (installed.folder / "Spilleregler.txt").read_text(encoding="utf-8")
    assert rules.startswith("Spilleregler – Råderumsspillet\n") and "**" not in rules
    readme = (installed.folder / "LÆS MIG.txt").read_text(encoding="utf-8")
    command = next(line.strip() for line in readme.splitlines() if " print " in line)
    words = command.split(" skriver ")[0].split()
    assert words[:3] == ["sh", "start.sh", "print"], command
    home = Path(installed.env["HOME"])
    args = [word.replace("~", str(home)) for word in words[2:]]
    start = installed.folder / "start.sh"
    start.chmod(0o644)
    try:
        result = installed.run("sh", str(start), *args)
    finally:
        start.chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert (home / "kort.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_sha256sums_checks_the_zip_and_the_deck_guide_goes_along(installed: Installed) -> None:
    out = installed.zip_path.parent
    result = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=out, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{installed.zip_path.name}: OK" in result.stdout
    guide = (installed.folder / "Dæk og katalog.txt").read_text(encoding="utf-8")
    assert guide.startswith("Dækformatet") and "sh start.sh import" in guide
