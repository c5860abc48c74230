"""``raaderum bench [--quick] [--json]``: every figure of issue 6 in one run.

Each figure is the median of repeated runs in this process (or of fresh child processes for
start-up time and peak memory). ``--quick`` uses fewer repetitions and finishes in well under
a minute; the table (or with ``--json`` one JSON object) also names the machine.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.bench import engine_figures as ef
from game.bench import ui_figures as uf
from game.bench.machine import machine_info
from game.bench.targets import checks, target_of

EXIT_OK = 0
EXIT_BAD_INPUT = 2


@dataclass(frozen=True)
class Plan:
    """How many repetitions each measurement gets."""

    frames: int
    frame_runs: int
    idle_seconds: float
    startups: int
    forecast_chunks: int
    naive_samples: int
    repeats: int
    risk_repeats: int
    games: int
    validate_repeats: int
    rss_games: int
    optimiser_games: int
    """Greedy games per scenario whose best plan is solved and timed."""


QUICK = Plan(60, 3, 2.0, 3, 5, 5_000, 3, 15, 300, 3, 1, 20)
FULL = Plan(240, 5, 5.0, 7, 20, 20_000, 5, 50, 2_000, 7, 3, 200)

UNITS = {
    "frame_ms_p50": "ms",
    "frame_ms_p95": "ms",
    "frame_limit_ms": "ms",
    "idle_cpu_percent": "%",
    "startup_ms": "ms",
    "forecast_samples_per_s": "/s",
    "forecast_naive_samples_per_s": "/s",
    "forecast_speedup": "×",
    "risk_meter_ms": "ms",
    "risk_meter_full_ms": "ms",
    "games_per_s": "/s",
    "batch_games_per_s": "/s",
    "batch_speedup": "×",
    "optimiser_proved_share": "",
    "optimiser_ms_p50": "ms",
    "optimiser_ms_p95": "ms",
    "validate_ms": "ms",
    "validate_large_ms": "ms",
    "validate_typos_ms": "ms",
    "peak_rss_mb": "MB",
}


ORDER = tuple(UNITS)
"""Display order of the figures (the table and the JSON object)."""


def measure(plan: Plan, progress: Callable[[str], None]) -> dict[str, float]:
    """Run every measurement of ``plan``; returns the figures by name.

    The engine and content figures come first, in a process that has not opened a window
    yet (as ``raaderum simulate`` or ``validate`` run); the window and the child processes
    follow. A garbage collection before each part keeps one part's garbage out of the next.
    """
    from game.content import load_deck
    from game.paths import standard_deck

    deck = load_deck(standard_deck())
    scenario = deck.scenario(None).id
    figures: dict[str, float] = {}
    history = uf.busiest_history(deck, scenario)
    state = history.current
    extra = uf.selected_card(state)

    progress("forecast")
    gc.collect()
    portfolio = ef.bench_portfolio(deck)
    figures["forecast_samples_per_s"] = ef.forecast_rate(
        portfolio, plan.forecast_chunks, plan.repeats
    )
    figures["forecast_naive_samples_per_s"] = ef.naive_forecast_rate(
        portfolio, plan.naive_samples, plan.repeats
    )
    figures["forecast_speedup"] = (
        figures["forecast_samples_per_s"] / figures["forecast_naive_samples_per_s"]
    )
    progress("risk meter")
    figures["risk_meter_ms"] = ef.risk_meter_ms(state, extra, plan.risk_repeats)
    figures["risk_meter_full_ms"] = ef.risk_meter_full_ms(state, extra, plan.repeats)

    progress("bot games")
    gc.collect()
    figures["games_per_s"] = ef.games_rate(deck, scenario, plan.games, plan.repeats)
    figures["batch_games_per_s"] = ef.batch_games_rate(deck, scenario, plan.games, plan.repeats)
    figures["batch_speedup"] = figures["batch_games_per_s"] / figures["games_per_s"]

    progress("best plans (HiGHS)")
    gc.collect()
    per_scenario = ef.optimiser_figures(deck, plan.optimiser_games)
    figures["optimiser_proved_share"] = min(v["proved_share"] for v in per_scenario.values())
    figures["optimiser_ms_p50"] = max(v["ms_p50"] for v in per_scenario.values())
    figures["optimiser_ms_p95"] = max(v["ms_p95"] for v in per_scenario.values())
    for name, values in per_scenario.items():
        for key, value in values.items():
            figures[f"optimiser_{key}.{name}"] = value

    progress("validation")
    gc.collect()
    figures["validate_ms"] = ef.validate_ms(standard_deck(), plan.validate_repeats)
    figures["validate_large_ms"] = ef.validate_large_ms(plan.validate_repeats)
    figures["validate_typos_ms"] = ef.validate_typos_ms(plan.validate_repeats)

    progress("board frames")
    gc.collect()
    app = uf.board_app(deck, history)
    frames = uf.frame_times(app, plan.frames, plan.frame_runs)
    figures.update(
        frame_ms_p50=frames.p50_ms, frame_ms_p95=frames.p95_ms, frame_limit_ms=frames.limit_ms
    )
    progress("idle CPU")
    figures["idle_cpu_percent"] = uf.idle_cpu_percent(app, plan.idle_seconds)

    progress("start-up")
    figures["startup_ms"] = uf.startup_ms(plan.startups)
    progress("peak memory")
    figures["peak_rss_mb"] = uf.peak_rss_mb(plan.rss_games)
    ordered = {name: figures[name] for name in ORDER if name in figures}
    return {**ordered, **{k: v for k, v in figures.items() if k not in ordered}}


def _number(value: float) -> str:
    if value >= 100_000:
        return f"{value:,.0f}"
    if value >= 100:
        return f"{value:,.1f}"
    return f"{value:.2f}"


def table(result: dict[str, Any]) -> str:
    """The human-readable table of a bench result."""
    figures: dict[str, float] = result["figures"]
    met: dict[str, bool] = result["met"]
    machine = result["machine"]
    lines = [
        f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['platform']}",
        f"Python {machine['python']}, numpy {machine['numpy']}, pygame-ce {machine['pygame_ce']}"
        f" (SDL {machine['sdl']}), video driver {result['video_driver']}",
        f"Mode: {'quick' if result['quick'] else 'full'}, {result['seconds']:.1f} s",
        "",
        f"{'figure':<36} {'value':>14} {'unit':<4} {'target':<34} met",
    ]
    for name, value in figures.items():
        target = target_of(name)
        verdict = ("yes" if met[name] else "NO") if name in met else ""
        text = target.text if target else ""
        unit = UNITS.get(name.split(".")[0], "")
        lines.append(f"{name:<36} {_number(value):>14} {unit:<4} {text:<34} {verdict}")
    return "\n".join(lines)


def run_bench(args: argparse.Namespace) -> int:
    """``raaderum bench``: measure, then print the table or the JSON object."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    quick = bool(getattr(args, "quick", False))
    as_json = bool(getattr(args, "json", False))
    started = time.perf_counter()

    def progress(step: str) -> None:
        print(f"bench: {step} …", file=sys.stderr, flush=True)

    figures = measure(QUICK if quick else FULL, progress)
    result: dict[str, Any] = {
        "figures": figures,
        "met": checks(figures),
        "machine": machine_info(),
        "video_driver": os.environ.get("SDL_VIDEODRIVER", ""),
        "quick": quick,
        "seconds": time.perf_counter() - started,
    }
    if as_json:
        flat = {name: round(value, 4) for name, value in figures.items()}
        print(json.dumps({**flat, **{k: v for k, v in result.items() if k != "figures"}}))
    else:
        print(table(result))
    return EXIT_OK
