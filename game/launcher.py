"""How the user starts the program, for the commands a message or a printout tells them to type.

Installed with pip, the command is ``raaderum``. The offline bundle has no such command: its
start files set ``RAADERUM_LAUNCHER`` to the words that run the game there (``sh start.sh`` on
Linux, ``"Start Råderumsspillet.bat"`` on Windows), and every ``raaderum <command>`` in the
message catalogue and the command line's help is written that way
(packaging/build_dist.py's ``COMMANDS`` does the same for the bundle's own texts).
"""

from __future__ import annotations

import os
import re

LAUNCHER_VARIABLE = "RAADERUM_LAUNCHER"
"""The environment variable a start file sets to the words that run the game."""

COMMAND = "raaderum"
"""The installed command."""

_SPOKEN = re.compile(r"(?<![\w/.\\-])raaderum(?= (?:-|[a-z]))")
"""``raaderum`` as a command: followed by a space and a subcommand or an option (not a path's
``…/raaderum/saves``, a file ``raaderum.log`` or the version line ``raaderum 0.1.0``)."""


def launcher() -> str:
    """The words that run the game here: ``RAADERUM_LAUNCHER`` when a start file set it (at
    most 200 printable characters on one line, none that the system could not decode),
    else ``raaderum``."""
    words = os.environ.get(LAUNCHER_VARIABLE, "").strip()
    if not words or len(words) > 200 or not words.isprintable():
        return COMMAND
    try:  # bytes the system could not decode arrive as surrogates: no command to type
        words.encode("utf-8")
    except UnicodeEncodeError:
        return COMMAND
    return words


_MARK = "\x00launcher\x00"
"""Where a message template names the command (``mark_commands``): no format field, and no
character a filled-in value (a path, a title) can hold."""


def mark_commands(template: str) -> str:
    """``template`` (a message whose ``{placeholders}`` are filled afterwards) with each
    ``raaderum <command>`` marked, for ``unmark`` to write as this installation runs it
    after the filling: the words never pass through ``str.format`` (a launcher of
    "{path.__class__}" was filled in as a placeholder)."""
    if COMMAND not in template or launcher() == COMMAND:
        return template
    return _SPOKEN.sub(_MARK, template)


def unmark(text: str) -> str:
    """``text`` with the marks of ``mark_commands`` as the words that run the game here."""
    return text.replace(_MARK, launcher()) if _MARK in text else text


def commands_as_run(text: str) -> str:
    """``text`` with each ``raaderum <command>`` written as this installation runs it
    (``launcher``); unchanged where the command is ``raaderum``."""
    return unmark(mark_commands(text))


def said_by(command: str) -> str:
    """The name a command's own messages begin with: "raaderum play", or as the offline
    bundle runs it ("sh start.sh play"), as its help and errors say it."""
    return f"{launcher()} {command}"
