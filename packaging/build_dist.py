"""Build the offline bundles for municipal laptops without internet.

    python packaging/build_dist.py [--target windows-py312 ...] [--out dist] [--build build]

writes ``<out>/raaderum-<version>-<system>-py3XX.zip`` for every target (default: Windows
64-bit and Linux x86_64, each for Python 3.11, 3.12, 3.13 and 3.14). A bundle is one folder holding
the game's wheel, every runtime dependency from ``[project] dependencies`` of pyproject.toml
as binary wheels for that platform and Python, an install script that makes a virtual
environment next to itself and installs with ``--no-index``, a start script, a Danish
``LÆS MIG.txt`` and, as plain text, the facilitator's rules and the guide to a
municipality's own deck. Nothing in a bundle fetches from the internet; building it does (PyPI).
Beside the zips, ``<out>/SHA256SUMS`` lists every zip in the folder with its SHA-256 (the
format of ``sha256sum -c``), so an IT contact can check a copy.

Downloaded wheels are kept in ``<build>/wheel-cache`` and offered to pip again, so a second
build only asks the index which versions are newest. Besides the standard library this needs
pip and ``packaging`` (pip's own vendored copy when ``packaging`` is not installed).
"""

from __future__ import annotations

import argparse
import email.parser
import hashlib
import re
import shutil
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    from pip._vendor import tomli as tomllib  # type: ignore[no-redef]

try:
    from packaging.requirements import Requirement
    from packaging.tags import Tag, compatible_tags, cpython_tags
    from packaging.utils import NormalizedName, canonicalize_name, parse_wheel_filename
except ModuleNotFoundError:  # not installed: pip's vendored copy, the one pip resolves with
    from pip._vendor.packaging.requirements import Requirement  # type: ignore[assignment]
    from pip._vendor.packaging.tags import (  # type: ignore[assignment]
        Tag,
        compatible_tags,
        cpython_tags,
    )
    from pip._vendor.packaging.utils import (  # type: ignore[assignment]
        NormalizedName,
        canonicalize_name,
        parse_wheel_filename,
    )

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent
PYTHONS = ((3, 11), (3, 12), (3, 13), (3, 14))
# glibc 2.28 or newer (Debian 10, Ubuntu 20.04, RHEL 8); pip expands manylinux2014 to
# manylinux2010 and manylinux1 itself, but not the PEP 600 names.
LINUX_PLATFORMS = ("manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64")
WINDOWS_PLATFORMS = ("win_amd64",)
# Files of a bundle: template in packaging/<system>/ (or a path from the project's root), name
# in the bundle, unix mode. The facilitator's rules (docs/rules.md, Danish) go along as plain
# text: the bundle is all a locked-down laptop gets.
# So does the budget office's guide to a municipality's own deck (docs/deck-format.md): the
# YAML files "import" writes point to it under both names (game/catalogue/yamlwrite.py).
RULES = "../../docs/rules.md"
DECK_GUIDE = "../../docs/deck-format.md"
DECK_GUIDE_NAME = "Dæk og katalog.txt"
FILES = {
    "windows": (
        ("installer.bat", "installer.bat", 0o644),
        ("start.bat", "Start Råderumsspillet.bat", 0o644),
        ("laes-mig.txt", "LÆS MIG.txt", 0o644),
        (RULES, "Spilleregler.txt", 0o644),
        (DECK_GUIDE, DECK_GUIDE_NAME, 0o644),
    ),
    "linux": (
        ("install.sh", "install.sh", 0o755),
        ("start.sh", "start.sh", 0o755),
        ("laes-mig.txt", "LÆS MIG.txt", 0o644),
        (RULES, "Spilleregler.txt", 0o644),
        (DECK_GUIDE, DECK_GUIDE_NAME, 0o644),
    ),
}


class BuildError(Exception):
    """A bundle cannot be built; the message says why."""


@dataclass(frozen=True)
class Target:
    """One bundle: an operating system and a CPython minor version, always 64-bit."""

    system: str  # "windows" or "linux"
    python: tuple[int, int]

    @property
    def name(self) -> str:
        return f"{self.system}-py{self.python[0]}{self.python[1]}"

    @property
    def dotted(self) -> str:
        return f"{self.python[0]}.{self.python[1]}"

    @property
    def platforms(self) -> tuple[str, ...]:
        return WINDOWS_PLATFORMS if self.system == "windows" else LINUX_PLATFORMS

    def tags(self) -> set[Tag]:
        """Every wheel tag this target's interpreter accepts, as pip computes them."""
        abi = f"cp{self.python[0]}{self.python[1]}"
        platforms = list(self.platforms)
        return set(cpython_tags(self.python, [abi], platforms)) | set(
            compatible_tags(self.python, abi, platforms)
        )

    def markers(self) -> dict[str, str]:
        """The PEP 508 marker environment of this target (pip uses the build machine's)."""
        windows = self.system == "windows"
        return {
            "implementation_name": "cpython",
            "implementation_version": f"{self.dotted}.0",
            "os_name": "nt" if windows else "posix",
            "platform_machine": "AMD64" if windows else "x86_64",
            "platform_python_implementation": "CPython",
            "platform_release": "",
            "platform_system": "Windows" if windows else "Linux",
            "platform_version": "",
            "python_full_version": f"{self.dotted}.0",
            "python_version": self.dotted,
            "sys_platform": "win32" if windows else "linux",
            "extra": "",
        }


ALL_TARGETS = tuple(Target(system, py) for system in ("windows", "linux") for py in PYTHONS)


@dataclass(frozen=True)
class Project:
    """What the bundles need from pyproject.toml."""

    name: str
    version: str
    dependencies: tuple[str, ...]


def read_project(pyproject: Path) -> Project:
    """Name, version and runtime dependencies (``[project] dependencies``, no extras)."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    return Project(data["name"], data["version"], tuple(data.get("dependencies", ())))


def pip(*args: str) -> None:
    """Run the running Python's pip; a failure stops the build with pip's own message."""
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", *args]
    if subprocess.run(command).returncode != 0:
        raise BuildError(f"pip failed: {' '.join(command)}")


def build_wheel(project: Project, build: Path) -> Path:
    """Build the project's own wheel (pure Python) from the source tree."""
    out = build / "project"
    shutil.rmtree(out, ignore_errors=True)
    pip("wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(ROOT))
    wheels = list(out.glob("*.whl"))
    expected = f"{project.name}-{project.version}-py3-none-any.whl"
    if [w.name for w in wheels] != [expected]:
        raise BuildError(f"expected {expected} from the build, got {[w.name for w in wheels]}")
    return wheels[0]


def wheel_metadata(wheel: Path) -> tuple[NormalizedName, str, list[str]]:
    """Name, version and Requires-Dist lines of a wheel."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        meta = email.parser.BytesParser().parsebytes(archive.read(name), headersonly=True)
    return canonicalize_name(meta["Name"]), meta["Version"], meta.get_all("Requires-Dist", [])


def closure(wheels: list[Path], roots: list[str], target: Target) -> tuple[set[Path], list[str]]:
    """The wheels that ``roots`` need on ``target``, and the requirements no wheel meets.

    pip evaluates environment markers (``sys_platform == "win32"``, ``python_version``) for
    the machine it runs on, not for ``--platform``/``--python-version``; this walk evaluates
    them for the target, so a Windows-only dependency is not missed when building on Linux.
    """
    by_name: dict[NormalizedName, tuple[Path, str, list[str]]] = {}
    for wheel in wheels:
        name, version, requires = wheel_metadata(wheel)
        if name in by_name:
            raise BuildError(f"two wheels of {name}: {by_name[name][0].name} and {wheel.name}")
        by_name[name] = (wheel, version, requires)
    env = target.markers()
    needed: set[Path] = set()
    seen: set[tuple[Path, frozenset[str]]] = set()
    missing: list[str] = []
    todo = [Requirement(r) for r in roots]
    while todo:
        req = todo.pop()
        found = by_name.get(canonicalize_name(req.name))
        if found is None or not req.specifier.contains(found[1], prereleases=True):
            missing.append(str(req))
            continue
        if (found[0], frozenset(req.extras)) in seen:
            continue
        seen.add((found[0], frozenset(req.extras)))
        needed.add(found[0])
        extras = {"", *req.extras}
        for line in found[2]:
            dep = Requirement(line)
            if dep.marker is None or any(dep.marker.evaluate({**env, "extra": e}) for e in extras):
                dep.marker = None
                todo.append(dep)
    return needed, sorted(set(missing))


def download(project: Project, wheel: Path, target: Target, build: Path) -> list[Path]:
    """Binary wheels of every runtime dependency for ``target``, plus the project's wheel."""
    folder = build / "bundles" / target.name
    cache = build / "wheel-cache"
    cache.mkdir(parents=True, exist_ok=True)
    requirements = list(project.dependencies)
    for _ in range(5):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        shutil.copy2(wheel, folder / wheel.name)
        args = [
            "download",
            "--quiet",
            "--only-binary=:all:",
            "--dest",
            str(folder),
            "--find-links",
            str(cache),
            "--implementation",
            "cp",
            "--python-version",
            target.dotted,
            "--abi",
            f"cp{target.python[0]}{target.python[1]}",
        ]
        for platform in target.platforms:
            args += ["--platform", platform]
        pip(*args, *requirements)
        wheels = sorted(folder.glob("*.whl"))
        needed, missing = closure(wheels, [f"{project.name}=={project.version}"], target)
        if not missing:
            for unused in set(wheels) - needed:  # needed on the build machine only
                unused.unlink()
            for new in needed - {folder / wheel.name}:
                if not (cache / new.name).exists():
                    shutil.copy2(new, cache / new.name)
            return sorted(needed)
        requirements += [m for m in missing if m not in requirements]
    raise BuildError(f"{target.name}: dependencies still missing: {', '.join(missing)}")


def check_tags(wheels: list[Path], target: Target) -> None:
    """Every wheel must install on the target's interpreter (pip's own tag rules)."""
    accepted = target.tags()
    for wheel in wheels:
        tags = parse_wheel_filename(wheel.name)[3]
        if not tags & accepted:
            raise BuildError(f"{target.name}: {wheel.name} does not fit Python {target.dotted}")


def danish_list(items: list[str]) -> str:
    """``3.11, 3.12 og 3.13``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} og {items[-1]}"


_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
"""Markdown's ``*kursiv*`` (one star on each side of a word or phrase)."""

COMMANDS = {"linux": "sh start.sh", "windows": '"Start Råderumsspillet.bat"'}
"""How the bundle's texts write the game's command (``raaderum`` where it is installed)."""


_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
"""Markdown's ``[tekst](adresse)``."""

_FENCE = re.compile(r"^\s*```")
"""A line that opens or closes a code block."""


def _link(match: re.Match[str]) -> str:
    """A link as plain text: its words, and a web address after them in parentheses (an
    anchor or another file of docs/ is not there to follow in Notepad)."""
    text, target = match[1], match[2]
    return f"{text} ({target})" if target.startswith(("http://", "https://")) else text


def plain_text(markdown: str, command: str = "raaderum") -> str:
    """docs/rules.md or docs/deck-format.md as plain text for Notepad: headings underlined, no
    ``**``, ``*`` or backticks, links as their words, tables without their ``|---|`` rows and
    outer bars, columns kept apart by " · ", code blocks (commands, YAML) indented by four
    spaces and otherwise as written (a YAML comment is no heading), and ``raaderum`` in a
    command written as the bundle runs it (``command``)."""
    markdown = re.sub(r"`raaderum (?=[a-z])", f"`{command} ", markdown)
    out: list[str] = []
    code = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            code = not code
            rest = line.strip()[3:]
            if not code and rest.strip():  # text after a closing fence: a paragraph of its own
                out += ["", rest.strip()]
            continue
        if code:
            line = re.sub(r"(?<![\w/.~-])raaderum (?=[a-z])", f"{command} ", line)
            out.append(f"    {line}".rstrip())
            continue
        heading = re.match(r"^(#{1,4}) (.*)$", line)
        if heading:
            title = _LINK.sub(_link, heading[2]).replace("**", "").replace("`", "")
            out += [title, ("=" if len(heading[1]) == 1 else "-") * len(title)]
            continue
        if re.match(r"^\|[\s:|-]+\|$", line):
            continue  # a table's header rule
        line = _LINK.sub(_link, line)
        line = _ITALIC.sub(r"\1", line.replace("**", "").replace("`", ""))
        if line.startswith("|") and line.endswith("|"):
            line = " · ".join(cell.strip() for cell in line[1:-1].split("|"))
        out.append(line)
    return "\n".join(out) + "\n"


def render(template: Path, values: dict[str, str], windows: bool, name: str = "") -> bytes:
    """Fill ``@NAME@`` placeholders; Windows files get CRLF, and text files (a ``name`` in the
    bundle, or else the template, ending in .txt) a BOM for Notepad. Batch files get no BOM:
    cmd.exe would read it as part of the first command."""
    text = template.read_text(encoding="utf-8")
    if template.suffix == ".md":
        text = plain_text(text, COMMANDS["windows" if windows else "linux"])
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    # an underline of "=" is as long as the filled-in line above it
    text = re.sub(r"(?m)^(.+)\n=+$", lambda m: f"{m[1]}\n{'=' * len(m[1])}", text)
    left = re.findall(r"@[A-Z_]+@", text)
    if left:
        raise BuildError(f"{template}: unknown placeholders {left}")
    if windows:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        if (name or template.name).endswith(".txt"):
            return "\ufeff".encode() + text.encode("utf-8")
    return text.encode("utf-8")


def write_zip(path: Path, folder: str, files: list[tuple[str, bytes, int]]) -> None:
    """Write the bundle: one top folder, unix modes kept (``install.sh`` is executable),
    wheels stored as they are (already compressed), text deflated. Written atomically."""
    stamp = time.localtime()[:6]
    partial = path.with_name(path.name + ".partial")
    with zipfile.ZipFile(partial, "w") as archive:
        for name, data, mode in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=stamp)
            info.create_system = 3  # unix, so that unzip applies the mode bits
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = (
                zipfile.ZIP_STORED if name.endswith(".whl") else zipfile.ZIP_DEFLATED
            )
            archive.writestr(info, data)
    partial.replace(path)


CHECKSUMS = "SHA256SUMS"
"""The list of the output folder's zips and their SHA-256, as ``sha256sum`` writes it."""


def write_checksums(out: Path) -> Path:
    """Write ``SHA256SUMS`` in ``out``: one line per zip there (built now or before), the
    lowercase hex digest, two spaces and the file name, LF line ends. ``sha256sum -c`` checks
    it, and on Windows it is compared by eye with ``Get-FileHash`` or ``certutil -hashfile``
    (both print the same digest in capitals). Written atomically."""
    lines = []
    for path in sorted(out.glob("*.zip")):
        digest = hashlib.sha256()
        with path.open("rb") as data:
            for block in iter(lambda: data.read(1 << 20), b""):
                digest.update(block)
        lines.append(f"{digest.hexdigest()}  {path.name}\n")
    target = out / CHECKSUMS
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes("".join(lines).encode("utf-8"))
    partial.replace(target)
    return target


def build_bundle(project: Project, wheel: Path, target: Target, build: Path, out: Path) -> Path:
    """Download, check and zip one target's bundle; returns the zip's path."""
    wheels = download(project, wheel, target, build)
    check_tags(wheels, target)
    folder = f"{project.name}-{project.version}-{target.name}"
    values = {
        "VERSION": project.version,
        "PY": target.dotted,
        "PY_MAJOR": str(target.python[0]),
        "PY_MINOR": str(target.python[1]),
        "WHEEL": wheel.name,
        "BUNDLE": folder,
        "PYTHONS": danish_list([f"{a}.{b}" for a, b in PYTHONS]),
    }
    windows = target.system == "windows"
    files = [
        (name, render(TEMPLATES / target.system / source, values, windows, name), mode)
        for source, name, mode in FILES[target.system]
    ]
    files += [(f"wheels/{w.name}", w.read_bytes(), 0o644) for w in wheels]
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{folder}.zip"
    write_zip(path, folder, files)
    return path


def main(argv: list[str] | None = None) -> int:
    names = [t.name for t in ALL_TARGETS]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--target",
        action="append",
        choices=names,
        help="build only this bundle (repeatable; default: all)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="folder for the zips")
    parser.add_argument("--build", type=Path, default=ROOT / "build", help="work and cache folder")
    args = parser.parse_args(argv)
    targets = [t for t in ALL_TARGETS if args.target is None or t.name in args.target]
    build = args.build.resolve()
    try:
        project = read_project(ROOT / "pyproject.toml")
        wheel = build_wheel(project, build)
        for target in targets:
            started = time.monotonic()
            path = build_bundle(project, wheel, target, build, args.out.resolve())
            size = path.stat().st_size / 1024**2
            print(f"{path}: {size:.1f} MB ({time.monotonic() - started:.0f} s)")
        if targets:
            print(f"{write_checksums(args.out.resolve())}: SHA-256 of every zip there")
    except BuildError as error:
        print(f"build_dist: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
