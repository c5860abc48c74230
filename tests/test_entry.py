"""The ``raaderum`` command's entry point: Ctrl+C while the program loads ends it without a
traceback, and during a command as the command says (exit 130)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import game.cli
from game import entry

ROOT = Path(__file__).resolve().parent.parent


def test_the_command_and_python_m_game_start_through_the_entry_point():
    project = (ROOT / "pyproject.toml").read_text("utf-8")
    assert '\nraaderum = "game.entry:main"\n' in project  # [project.scripts]
    ran = subprocess.run(
        [sys.executable, "-m", "game", "--version"], capture_output=True, text=True, cwd=ROOT
    )
    assert ran.returncode == 0 and ran.stdout.startswith("raaderum "), ran


def test_ctrl_c_while_loading_is_the_systems_and_during_a_command_exit_130(monkeypatch):
    # a Ctrl+C in the first half second of "raaderum import" printed the traceback of the
    # module being imported
    handlers: list[object] = []
    real = signal.signal

    def record(number: int, handler: object) -> object:
        if number == signal.SIGINT:
            handlers.append(handler)
        return real(number, handler)  # type: ignore[arg-type]

    monkeypatch.setattr(signal, "signal", record)
    monkeypatch.setattr(game.cli, "main", lambda: 0)
    assert entry.main() == 0
    assert handlers == [signal.SIG_DFL, signal.default_int_handler]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler

    def interrupted() -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(game.cli, "main", interrupted)
    assert entry.main() == entry.INTERRUPTED == 130
