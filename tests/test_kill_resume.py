"""Kill the real game (SIGKILL) at random moments of an autoplayed workshop, resume, and check
that nothing that was on screen is lost.

The game autosaves after every decision before it redraws, so a decision on screen is a
decision on disk. While the game runs, a watcher reads the save as fast as it can — every read
must succeed (the file is replaced atomically, never half-written) — and remembers every log it
saw. After the kill the save must hold every decision the watcher saw, be a prefix of the log
of an unkilled run with the same seed, and its state must hash the same as an independent
replay of its log on the deck from disk. Every fourth kill before the end is resumed with
``raaderum play --resume`` and played to the end, which must give the unkilled run's game.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from game.content import load_deck
from game.engine import replay, state_hash
from game.paths import standard_deck
from game.saves import list_saves, read_save

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal"),
]

SCENARIO = "lang-horisont"
SEEDS = (11, 29)
KILLS_PER_SEED = 10
RESUME_EVERY = 4
ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}


def _command(save_dir: Path, seed: int, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "game",
        "play",
        "--autoplay",
        "greedy",
        "--speed",
        "50",
        "--save-dir",
        str(save_dir),
        "--seed",
        str(seed),
        "--scenario",
        SCENARIO,
        *extra,
    ]


def _start(save_dir: Path, seed: int, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        _command(save_dir, seed, *extra),
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _first_save(save_dir: Path, process: subprocess.Popen[bytes]) -> Path:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = [p for p in save_dir.glob("*.json") if not p.name.startswith(".")]
        if found:
            return found[0]
        if process.poll() is not None:
            raise AssertionError(f"the game ended before saving: {process.stderr.read()!r}")
        time.sleep(0.005)
    raise AssertionError("no autosave appeared within 60 s")


def _log(path: Path) -> list[dict]:
    return [a.to_dict() for a in read_save(path).history.actions]


def _reference(tmp_path: Path, seed: int) -> tuple[list[dict], float]:
    """The log of an unkilled run, and how long it played after its first save."""
    save_dir = tmp_path / f"reference-{seed}"
    process = _start(save_dir, seed, "--quit-at-end")
    path = _first_save(save_dir, process)
    started = time.monotonic()
    while process.poll() is None and not read_save(path).history.current.finished:
        time.sleep(0.005)  # "playing" ends with the last decision, not with the window
    playing = time.monotonic() - started
    assert process.wait(timeout=120) == 0, process.stderr.read()
    saved = read_save(path)
    assert saved.history.current.finished
    return [a.to_dict() for a in saved.history.actions], playing


def test_sigkill_at_random_moments_loses_no_decision(tmp_path: Path) -> None:
    deck = load_deck(standard_deck())
    rng = np.random.default_rng(4)
    killed_while_playing = mid_game = reads = resumes = 0
    for seed in SEEDS:
        reference, playing = _reference(tmp_path, seed)
        assert len(reference) >= 15
        for kill in range(KILLS_PER_SEED):
            save_dir = tmp_path / f"kill-{seed}-{kill}"
            process = _start(save_dir, seed)
            path = _first_save(save_dir, process)
            kill_at = time.monotonic() + float(rng.uniform(0.0, 0.8 * playing))
            seen: list[list[dict]] = []
            while time.monotonic() < kill_at:
                seen.append(_log(path))  # a read mid-game never sees a broken file
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
            if process.returncode == -signal.SIGKILL:
                killed_while_playing += 1

            saved = read_save(path)
            log = [a.to_dict() for a in saved.history.actions]
            for earlier in seen:
                assert log[: len(earlier)] == earlier, "a decision seen before the kill was lost"
            assert log == reference[: len(log)], "the save is not the unkilled run's prefix"
            replayed = replay(deck, SCENARIO, seed, saved.history.actions)
            assert saved.deck.content_hash == deck.content_hash
            assert state_hash(saved.history.current) == state_hash(replayed)
            leftovers = [p for p in save_dir.iterdir() if p != path]
            assert all(p.name.startswith(f".{path.name}.") for p in leftovers)

            reads += len(seen)
            if saved.history.current.finished:
                assert log == reference
                continue
            mid_game += 1
            if mid_game % RESUME_EVERY == 1:
                resumes += 1
                (info,) = list_saves(save_dir)
                assert info.path == path and info.round == saved.history.current.round
                resumed = subprocess.run(
                    _command(save_dir, seed, "--resume", "--quit-at-end"),
                    env=ENV,
                    capture_output=True,
                    timeout=120,
                )
                assert resumed.returncode == 0, resumed.stderr
                final = read_save(path)
                assert final.history.current.finished
                assert [a.to_dict() for a in final.history.actions] == reference
                assert final.created == saved.created
    assert killed_while_playing == len(SEEDS) * KILLS_PER_SEED, "every kill hit a running game"
    assert mid_game >= 10, f"only {mid_game} kills landed before the last decision"
    assert resumes >= 3
    assert reads > 200, "the watcher read the save while it was being rewritten"
