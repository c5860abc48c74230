"""Real second processes for the lock tests: a worker runs Python that opens, writes or drops a
save on command, and answers each command with one line, so tests sequence processes by their
answers, never by sleeping."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WORKER = r"""
import os, sys
from pathlib import Path
from game.content import load_deck
from game.engine import History, new_game
from game.saves import GameSaver, GameSettings, SaveLocked, open_for_writing
from game.saves.files import Output, write_files
import game.saves.files as files

path = Path(sys.argv[1])
deck = load_deck(sys.argv[2])
saver = None


def say(*parts):
    print(*parts, flush=True)


say("ready", os.getpid())
for line in sys.stdin:
    command, *rest = line.split()
    if command == "lock":
        try:
            lock = open_for_writing(path)
        except SaveLocked as error:
            holder = error.holder
            say("refused", holder.pid if holder else "-", holder.host if holder else "-")
        else:
            say("locked", lock.generation)
    elif command == "save":
        saver = saver or GameSaver(path)
        start = History.start(new_game(deck, "lang", 5))
        status = saver.save(deck, GameSettings("lang", 5, None), start)
        say("saved" if status.ok else "failed", status.error.code if status.error else "-")
    elif command == "half-write":
        # write a temp file of ``path`` and stop before the rename until told to go on
        real_replace = files._replace

        def paused(source, target):
            say("paused", Path(source).name)
            assert sys.stdin.readline().strip() == "go"
            real_replace(source, target)

        files._replace = paused
        write_files([Output(path, b'{"written by": "worker"}')])
        files._replace = real_replace
        say("written")
    elif command == "exit":
        sys.exit(0)
    elif command == "crash":
        os._exit(0)  # like a crash: no clean-up, the lock stays behind
"""

MINI = Path(__file__).resolve().parent.parent / "data" / "valid" / "mini.yaml"


class Worker:
    """One worker process on the save ``path`` (see the module docstring)."""

    def __init__(self, path: Path, tmp: Path) -> None:
        script = tmp / "save_worker.py"
        if not script.exists():
            script.write_text(WORKER, encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, str(script), str(path), str(MINI)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        first = self.read()
        assert first[0] == "ready", first
        self.pid = int(first[1])

    def send(self, command: str) -> None:
        """Give a command without waiting for its answer."""
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def read(self) -> list[str]:
        """The next answer, as words."""
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise AssertionError(f"worker ended: {self.process.stderr.read()}")  # type: ignore[union-attr]
        return line.split()

    def ask(self, command: str) -> list[str]:
        """Give a command and wait for its answer."""
        self.send(command)
        return self.read()

    def end(self, command: str = "exit") -> int:
        """Let the worker exit (``exit``: cleanly; ``crash``: without releasing anything) and
        collect it, so its process id is gone."""
        self.send(command)
        return self.process.wait(timeout=60)

    def kill(self) -> None:
        """SIGKILL (or TerminateProcess) and collect."""
        self.process.kill()
        self.process.wait(timeout=60)
