"""``raaderum bench --quick --json`` runs and reports every figure (the figures themselves are
checked against their targets by the bench, not by timed tests)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FIGURES = (
    "frame_ms_p50",
    "frame_ms_p95",
    "frame_limit_ms",
    "idle_cpu_percent",
    "startup_ms",
    "forecast_samples_per_s",
    "forecast_naive_samples_per_s",
    "risk_meter_ms",
    "games_per_s",
    "batch_games_per_s",
    "batch_speedup",
    "optimiser_proved_share",
    "optimiser_ms_p50",
    "optimiser_ms_p95",
    "validate_ms",
    "validate_large_ms",
    "validate_typos_ms",
    "peak_rss_mb",
)


@pytest.mark.slow
def test_quick_bench_prints_every_figure_as_json(tmp_path: Path) -> None:
    env = dict(
        os.environ,
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        RAADERUM_HOME=str(tmp_path),
    )
    done = subprocess.run(
        [sys.executable, "-m", "game", "bench", "--quick", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    for name in FIGURES:
        assert isinstance(result[name], (int, float)), name
        assert result[name] > 0, name
    assert set(result["met"]) <= set(FIGURES)
    for scenario in ("standard", "intro", "krise", "lang-horisont", "borgermoede"):
        for key in ("proved_share", "ms_p50", "ms_p95"):
            assert result[f"optimiser_{key}.{scenario}"] > 0, (key, scenario)
    assert result["machine"]["cores"] >= 1
    assert result["machine"]["cpu"]
    assert result["quick"] is True
