"""Saves of autoplayed games, written with the real save module, for the report tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_helpers import save_game


@pytest.fixture(scope="session")
def saves_dir(tmp_path_factory, std_deck) -> Path:
    """Five standard-scenario tables, one intro table and one broken file."""
    folder = tmp_path_factory.mktemp("saves")
    for i in range(5):
        policy = "greedy" if i % 2 == 0 else "random"
        save_game(folder, f"bord{i + 1}.json", std_deck, "standard", 40 + i, policy)
    save_game(folder, "intro.json", std_deck, "intro", 7, "greedy")
    (folder / "broken.json").write_text('{"format": "raaderum-save", ', encoding="utf-8")
    return folder
