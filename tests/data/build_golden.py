"""Pin whole playthroughs of the standard deck (tests/data/golden.json).

Each scenario gets a fixed seed and the action log a greedy game played (with notes, a
target change and an undone decision along the way, so every kind of action is in a log);
the file pins the final ``state_hash``, the råderum of every year and the hidden factors.
``tests/engine/test_golden.py`` replays the logs and compares. Run this only when the rules
or the standard deck change on purpose, and say so in the commit:
``.venv/bin/python tests/data/build_golden.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from game.content import load_deck
from game.engine import Annotate, History, SetTarget, new_game, raaderum, state_hash
from game.engine.bots import greedy_policy
from game.paths import standard_deck

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden.json"
SEEDS = {"standard": 2027, "intro": 45, "krise": 50, "lang-horisont": 2034, "borgermoede": 8}


def playthrough(deck, scenario: str, seed: int) -> History:
    """The pinned game: greedy decisions, a note, a target change and an undo/redo."""
    generator = np.random.default_rng(seed)
    history = History.start(new_game(deck, scenario, seed))
    while not history.current.finished:
        action = greedy_policy(history.current, generator)
        history = history.do(action)
        if len(history.actions) == 2 and history.current.adopted:
            card = history.current.adopted[0].card
            history = history.do(Annotate(card, "Fordi det giver ro på økonomien – æøå"))
            history = history.undo().redo()
        if len(history.actions) == 5:
            history = history.do(SetTarget(history.current.scenario.target[-1] + 1.5))
    return history


def main() -> None:
    deck = load_deck(standard_deck())
    pinned = {"deck_hash": deck.content_hash, "scenarios": {}}
    for scenario, seed in SEEDS.items():
        history = playthrough(deck, scenario, seed)
        final = history.current
        pinned["scenarios"][scenario] = {
            "seed": seed,
            "actions": [a.to_dict() for a in history.actions],
            "state_hash": state_hash(final),
            "raaderum": [round(v, 9) for v in raaderum(final)],
            "factors": list(final.factors),
        }
    GOLDEN.write_text(json.dumps(pinned, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"pinned {len(SEEDS)} playthroughs in {GOLDEN}")


if __name__ == "__main__":
    main()
