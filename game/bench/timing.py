"""Small helpers for repeated measurements: medians, percentiles and a stopwatch."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence


def median(values: Sequence[float]) -> float:
    """The median of ``values`` (which must not be empty)."""
    return float(statistics.median(values))


def percentile(values: Sequence[float], share: float) -> float:
    """The ``share`` quantile of ``values`` (linear interpolation, 0 ≤ share ≤ 1)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def seconds(work: Callable[[], object]) -> float:
    """Wall-clock seconds that one call of ``work`` takes."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def median_seconds(work: Callable[[], object], repeats: int, warmup: int = 1) -> float:
    """Median wall-clock seconds of ``repeats`` calls of ``work`` after ``warmup`` calls."""
    for _ in range(warmup):
        work()
    return median([seconds(work) for _ in range(repeats)])
