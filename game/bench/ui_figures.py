"""Figures of the game window: frame time of the busiest board, idle CPU, start-up time and
the peak memory of an autoplayed game. The board is drawn by the game's own ``App``."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import Any

from game.bench.timing import median, percentile
from game.engine.history import History
from game.engine.model import Deck, Proposal
from game.engine.rules import new_game
from game.engine.state import GameState

SIZE = (1920, 1080)
BENCH_SEED = 1
STARTUP_ENV = "RAADERUM_EXIT_AFTER_FIRST_FRAME"
"""Set in the child: the App prints ``first-frame <unix time>`` and quits after one frame."""


@dataclass(frozen=True)
class FrameFigures:
    """Median per-run frame time percentiles of the board and of a bare fill and flip."""

    p50_ms: float
    p95_ms: float
    limit_ms: float


def busiest_history(deck: Deck, scenario: str | None = None, seed: int = BENCH_SEED) -> History:
    """A greedy game at the start of its last round: every earlier year has adopted cards
    (whose effects reach every year) and the market is full."""
    from game.ui.screenshot import play_until

    scenario_id = deck.scenario(scenario).id
    history = History.start(new_game(deck, scenario_id, seed))
    return play_until(history, deck.scenario(scenario_id).rounds - 1, seed)


def selected_card(state: GameState) -> str | None:
    """The card the bench selects: the uncertain market card whose gain this year is the most
    uncertain (so the risk fan of the open year is widest), else the first card."""
    deck = state.deck
    uncertain = [c for c in state.market if deck.proposal(c).is_uncertain]
    if uncertain:
        return max(uncertain, key=lambda c: _spread(deck.proposal(c)))
    return state.market[0] if state.market else None


def _spread(proposal: Proposal) -> float:
    return max(0.0, proposal.amount(0)) * (proposal.uncertainty + proposal.failure)


def board_app(deck: Deck, history: History) -> Any:
    """A 1920×1080 ``App`` (dummy video driver) showing the board of ``history`` with the
    selected card and the risk fan."""
    from game.ui.launch import headless

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    headless()
    from game.saves import GameSettings
    from game.ui.app import App

    app = App(deck, size=SIZE)
    state = history.current
    app.start_game(deck, GameSettings(state.scenario.id, state.seed), history)
    board = app.find("board")
    board.selected = selected_card(state)
    app.step(0.0)
    return app


def frame_times(app: Any, frames: int, repeats: int) -> FrameFigures:
    """Per-frame milliseconds of ``app.draw_frame()`` (the whole board, then flip) and of a
    bare full-window fill and flip; each figure the median over ``repeats`` runs."""
    import pygame

    def board_frame() -> None:
        app.draw_frame()

    window = pygame.display.get_surface()
    assert window is not None

    def bare_frame() -> None:
        window.fill((240, 240, 240))
        pygame.display.flip()

    for _ in range(10):
        board_frame()
        bare_frame()
    p50: list[float] = []
    p95: list[float] = []
    limit: list[float] = []
    for _ in range(repeats):
        board = _frame_ms(board_frame, frames)
        bare = _frame_ms(bare_frame, frames)
        p50.append(percentile(board, 0.5))
        p95.append(percentile(board, 0.95))
        limit.append(percentile(bare, 0.5))
    return FrameFigures(median(p50), median(p95), median(limit))


def _frame_ms(frame: Any, frames: int) -> list[float]:
    times = []
    for _ in range(frames):
        start = time.perf_counter()
        frame()
        times.append(1000 * (time.perf_counter() - start))
    return times


def idle_cpu_percent(app: Any, seconds: float) -> float:
    """CPU time the App's own main loop (``App.run``) uses while nothing changes, as a
    percentage of one core over ``seconds`` of wall time."""
    import pygame

    def run_for(duration: float) -> tuple[float, float]:
        app.running = True
        pygame.event.clear()
        pygame.time.set_timer(pygame.QUIT, max(1, round(duration * 1000)), loops=1)
        wall, cpu = time.perf_counter(), time.process_time()
        app.run()
        return time.perf_counter() - wall, time.process_time() - cpu

    run_for(1.0)  # let the risk meter finish refining and the loop settle into idling
    wall, cpu = run_for(seconds)
    app.running = True
    return 100.0 * cpu / wall


def _child_env(home: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        SDL_VIDEODRIVER=env.get("SDL_VIDEODRIVER", "dummy"),
        SDL_AUDIODRIVER="dummy",
        RAADERUM_HOME=home,
        PYGAME_HIDE_SUPPORT_PROMPT="1",
    )
    return env


def startup_ms(repeats: int) -> float:
    """Milliseconds from starting ``python -m game play`` to its first drawn frame of the
    start screen (median of ``repeats`` fresh processes)."""
    times = []
    with tempfile.TemporaryDirectory(prefix="raaderum-bench-") as home:
        env = _child_env(home)
        env[STARTUP_ENV] = "1"
        command = [sys.executable, "-m", "game", "play", "--save-dir", home]
        for _ in range(repeats):
            started = time.time()
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
            stamp = next(
                (line for line in done.stdout.splitlines() if line.startswith("first-frame ")),
                None,
            )
            if done.returncode != 0 or stamp is None:
                raise RuntimeError(f"start-up run failed: {done.stderr.strip()[-300:]}")
            times.append(1000 * (float(stamp.split()[1]) - started))
    return median(times)


def peak_rss_mb(repeats: int, speed: float = 1000.0) -> float:
    """Peak resident memory (MB) of a complete autoplayed game in a child process at
    1920×1080 (median of ``repeats`` games)."""
    peaks = []
    with tempfile.TemporaryDirectory(prefix="raaderum-bench-") as home:
        env = _child_env(home)
        command = [
            sys.executable, "-m", "game", "play", "--autoplay", "greedy", "--speed", str(speed),
            "--quit-at-end", "--seed", str(BENCH_SEED), "--size", f"{SIZE[0]}x{SIZE[1]}",
            "--save-dir", home,
        ]  # fmt: skip
        for _ in range(repeats):
            child = subprocess.Popen(
                command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
            error = child.stderr.read().decode(errors="replace") if child.stderr else ""
            if child.stderr:
                child.stderr.close()
            if child.returncode != 0:
                raise RuntimeError(f"autoplay run failed: {error.strip()[-300:]}")
            peaks.append(_maxrss_mb(usage))
    return median(peaks)


def _maxrss_mb(usage: resource.struct_rusage) -> float:
    per_unit = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return float(usage.ru_maxrss) * per_unit / (1024 * 1024)
