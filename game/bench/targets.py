"""The performance targets and whether a set of figures meets them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """One target: its wording, and a check of the figures."""

    figure: str
    text: str
    met: Callable[[Mapping[str, float]], bool]


TARGETS: tuple[Target, ...] = (
    Target(
        "frame_ms_p95",
        "≤ 8 ms and ≤ 4 × frame_limit_ms",
        lambda f: f["frame_ms_p95"] <= 8.0 and f["frame_ms_p95"] <= 4 * f["frame_limit_ms"],
    ),
    Target("idle_cpu_percent", "≤ 5 %", lambda f: f["idle_cpu_percent"] <= 5.0),
    Target("startup_ms", "≤ 1,000 ms", lambda f: f["startup_ms"] <= 1000.0),
    Target(
        "forecast_samples_per_s",
        "≥ 5,000,000 /s and ≥ 50 × naive",
        lambda f: (
            f["forecast_samples_per_s"] >= 5e6
            and f["forecast_samples_per_s"] >= 50 * f["forecast_naive_samples_per_s"]
        ),
    ),
    Target("risk_meter_ms", "≤ 10 ms", lambda f: f["risk_meter_ms"] <= 10.0),
    Target("games_per_s", "≥ 2,000 /s (one core)", lambda f: f["games_per_s"] >= 2000.0),
    Target(
        "batch_games_per_s",
        "≥ 2,000 /s (one core)",
        lambda f: f["batch_games_per_s"] >= 2000.0,
    ),
    Target(
        "optimiser_proved_share",
        "= 1 (every best plan proved optimal, every scenario)",
        lambda f: f["optimiser_proved_share"] >= 1.0,
    ),
    Target("validate_large_ms", "≤ 200 ms", lambda f: f["validate_large_ms"] <= 200.0),
    Target("validate_typos_ms", "≤ 500 ms", lambda f: f["validate_typos_ms"] <= 500.0),
    Target("peak_rss_mb", "≤ 200 MB", lambda f: f["peak_rss_mb"] <= 200.0),
)


def target_of(figure: str) -> Target | None:
    """The target attached to ``figure``, if it has one."""
    return next((t for t in TARGETS if t.figure == figure), None)


def checks(figures: Mapping[str, float]) -> dict[str, bool]:
    """``{figure: met}`` for every target whose figures were measured."""
    result = {}
    for target in TARGETS:
        try:
            result[target.figure] = bool(target.met(figures))
        except KeyError:
            continue
    return result
