"""Where the game finds its shipped data (decks, fonts) and where it keeps the user's files."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

_PACKAGE = Path(__file__).resolve().parent
APP_NAME = "raaderum"


def data_root() -> Path:
    """The folder that holds ``decks/`` and ``assets/``: the source tree when run from a
    checkout (or an editable install), else the copy inside the installed package."""
    source_tree = _PACKAGE.parent
    if (source_tree / "decks" / "standard").is_dir() and (source_tree / "assets").is_dir():
        return source_tree
    return _PACKAGE / "_data"


def decks_dir() -> Path:
    """The folder of shipped decks."""
    return data_root() / "decks"


def standard_deck() -> Path:
    """The standard Danish deck."""
    return decks_dir() / "standard"


def assets_dir() -> Path:
    """The folder of shipped fonts and images."""
    return data_root() / "assets"


def user_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's data folder for saves and logs (``--save-dir`` or $RAADERUM_HOME wins)."""
    if override is not None:
        return Path(override)
    env = os.environ.get("RAADERUM_HOME")
    if env:
        return Path(env)
    return user_data_path(APP_NAME, appauthor=False)


def saves_dir() -> Path:
    """Where the window keeps its saves unless ``--save-dir`` says otherwise: the user data
    folder's ``saves`` (``raaderum enter`` writes there too, so the compare screen finds the
    paper tables)."""
    return user_dir() / "saves"


_LITTER_NAMES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r", "__macosx"})
_LITTER_SUFFIXES = (".swp", ".swo", ".swx", ".tmp", ".part", ".crdownload")


def is_litter(name: str) -> bool:
    """True for a file or folder name that is hidden or left by an editor or the operating
    system, never a user's own deck file or save: ``.DS_Store``, macOS's ``._name``
    (AppleDouble), ``.#name`` and ``#name#`` (Emacs), ``name~`` (backups), ``~$name`` (Office
    lock files), ``*.swp`` (Vim), ``Thumbs.db``, ``desktop.ini``, ``__MACOSX``, half-finished
    downloads. Deck folders and the save list both skip these."""
    lowered = name.lower()
    return (
        name.startswith((".", "~$", "~lock."))
        or name.endswith("~")
        or (name.startswith("#") and name.endswith("#"))
        or lowered in _LITTER_NAMES
        or lowered.endswith(_LITTER_SUFFIXES)
    )


_SHELL_SPECIAL = frozenset("()&;|<>'*?[]{}!#~^`$,=")
"""Characters a shell reads as more than a letter of a file name (``spil(1).json`` is a
syntax error in bash, ``Budget&Plan`` two commands in Kommandoprompt)."""


def command_word(path: str | os.PathLike[str]) -> str:
    """A path as a command the game prints takes it: in double quotes when it holds a space
    ("C:\\Users\\Anne Marie\\katalog.xlsx") or a character a shell reads as syntax
    (``spil(1).json``), which Windows' Kommandoprompt and a Linux shell read alike; as
    written otherwise. A path copied from a hint must work when pasted."""
    text = str(path)
    plain = not any(c.isspace() or c in _SHELL_SPECIAL for c in text)
    return text if plain else f'"{text}"'


def absolute(path: str | os.PathLike[str]) -> Path:
    """``path`` made absolute against the working folder, with ``~`` expanded, but without
    following links (a mapped network drive stays ``S:\\…``, not its UNC path)."""
    return Path(os.path.abspath(Path(path).expanduser()))
