"""Rebuild the save files of the test corpus (valid/*.json and saves/*.json).

Run it after a change to the deck loader or the engine that alters content hashes or the
shuffle: ``.venv/bin/python tests/data/build_saves.py``. Each broken save carries exactly one
fault; ``expected.yaml`` lists the message each must produce.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import numpy as np

from game.content import load_deck
from game.engine import Adopt, EndYear, History, SetTarget, new_game
from game.engine.bots import greedy_policy
from game.engine.rules import adoptable
from game.saves import GameSettings
from game.saves.document import build_document

HERE = Path(__file__).resolve().parent
CREATED = "2026-11-20T09:00:00.000+01:00"
UPDATED = "2026-11-20T10:30:00.000+01:00"
GAME_IDS = ("5a1e0000000000000000000000000001", "5a1e0000000000000000000000000002")
MARKER = "/tmp/raaderum-corpus-pwned-save"


def dump(data: Any) -> bytes:
    """The bytes write_save would produce for ``data``."""
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def valid_documents() -> tuple[dict[str, Any], dict[str, Any], History]:
    """A finished game on 'kort' and an unfinished one (with a redo list) on 'lang'."""
    deck = load_deck(HERE / "valid" / "mini.yaml")
    generator = np.random.default_rng(11)
    history = History.start(new_game(deck, "kort", 5))
    while not history.current.finished:
        history = history.do(greedy_policy(history.current, generator))
    finished = build_document(
        deck, GameSettings("kort", 5, None), history, CREATED, UPDATED, GAME_IDS[0]
    )
    history = History.start(new_game(deck, "lang", 3, None))
    for _ in range(3):  # three adoptions in the first year (the first adoptable card each time)
        history = history.do(Adopt(adoptable(history.current)[0]))
    history = history.do(EndYear()).do(SetTarget(5.0))
    history = history.do(Adopt(adoptable(history.current)[0])).undo()
    unfinished = build_document(
        deck, GameSettings("lang", 3, None, "da", 20.0), history, CREATED, UPDATED, GAME_IDS[1]
    )
    return finished, unfinished, history


def main() -> None:
    finished, unfinished, history = valid_documents()
    (HERE / "valid" / "kort-finished.json").write_bytes(dump(finished))
    (HERE / "valid" / "lang-unfinished.json").write_bytes(dump(unfinished))
    good = dump(unfinished)
    saves = HERE / "saves"
    saves.mkdir(exist_ok=True)
    out: dict[str, bytes] = {}

    def variant(name: str, change: Any) -> None:
        doc = copy.deepcopy(unfinished)
        change(doc)
        out[name] = dump(doc)

    out["truncated.json"] = good[: len(good) // 2]
    flipped = bytearray(good)
    for offset in (40, 41, 42):
        flipped[offset] ^= 0x5A
    out["corrupted-bytes.json"] = bytes(flipped)
    out["not-utf8.json"] = good.replace("Minidæk".encode(), b"Minid\xe6k", 1)
    out["empty.json"] = b""
    out["not-json.json"] = b"deck:\n  id: mini\n"
    out["array.json"] = b"[1, 2, 3]\n"
    out["nested.json"] = b"[" * 100_000 + b"]" * 100_000
    out["duplicate-key.json"] = good.replace(
        b'"scenario": "lang",', b'"scenario": "lang",\n "scenario": "kort",', 1
    )
    out["nan-target.json"] = good.replace(b'"target": null', b'"target": NaN', 1)
    out["lone-surrogate.json"] = good.replace(b'"Minid', b'"\\ud800Minid', 1)

    variant("wrong-format.json", lambda d: d.update(format="kommune-budget"))
    variant("newer-version.json", lambda d: d.update(version=3))
    variant("missing-actions.json", lambda d: d.pop("actions"))
    variant("seed-as-text.json", lambda d: d["settings"].update(seed="3"))
    variant("negative-seed.json", lambda d: d["settings"].update(seed=-1))
    variant("unknown-field.json", lambda d: d.update(cheat=True))
    variant("bad-timestamp.json", lambda d: d.update(updated="i går"))
    variant("unknown-scenario.json", lambda d: d.update(scenario="ukendt"))
    variant("summary-wrong-type.json", lambda d: d["summary"].update(round="to"))

    pile_card = history.states[1].pile[0]
    variant(
        "illegal-move.json",
        lambda d: d["actions"].insert(1, {"type": "adopt", "card": pile_card}),
    )
    variant(
        "unknown-action.json",
        lambda d: d["actions"].insert(2, {"type": "teleport", "card": "s1"}),
    )
    variant(
        "action-extra-field.json",
        lambda d: d["actions"][0].update(amount=5),
    )
    variant(
        "after-game-over.json",
        lambda d: d["actions"].extend([{"type": "end_year"}] * 3),
    )
    variant(
        "illegal-redo.json",
        lambda d: d["redo"].insert(0, {"type": "annotate", "card": "zz", "note": "hvorfor"}),
    )
    variant(
        "tampered-deck.json",
        lambda d: d["deck"]["sources"][0].__setitem__(
            1, d["deck"]["sources"][0][1].replace("effect: [2, 2]", "effect: [20, 20]")
        ),
    )
    variant(
        "deck-alias-bomb.json",
        lambda d: d["deck"]["sources"][0].__setitem__(
            1,
            d["deck"]["sources"][0][1].replace(
                'title: "Minidæk til test"',
                'title: "Minidæk til test"\n  x: &a ["lol", "lol", "lol"]\n'
                "  y: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                "  z: [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
            ),
        ),
    )
    variant(
        "deck-python-tag.json",
        lambda d: d["deck"]["sources"][0].__setitem__(
            1,
            d["deck"]["sources"][0][1].replace(
                'title: "Luk en filial"',
                f'title: !!python/object/apply:os.system ["touch {MARKER}"]',
            ),
        ),
    )
    variant(
        "deck-unknown-key.json",
        lambda d: d["deck"]["sources"][0].__setitem__(
            1, d["deck"]["sources"][0][1].replace("    area: Kultur\n", "    omraade: Kultur\n", 1)
        ),
    )
    variant("deck-no-sources.json", lambda d: d["deck"].update(sources=[]))
    variant("deck-hash-not-hex.json", lambda d: d["deck"].update(content_hash="abc"))
    variant(
        "note-too-long.json",
        lambda d: d["actions"].insert(
            1, {"type": "annotate", "card": d["actions"][0]["card"], "note": "x" * 300}
        ),
    )
    variant(
        "bad-target-action.json",
        lambda d: d["actions"].append({"type": "set_target", "amount": -4}),
    )
    variant("old-format.json", lambda d: d.update(version=1))
    variant("lang-unknown.json", lambda d: d["settings"].update(lang="fr"))
    variant("timer-zero.json", lambda d: d["settings"].update(timer_minutes=0))
    variant("game-id-not-hex.json", lambda d: d.update(game_id="LAPTOP-K7F2Q"))
    variant("source-without-text.json", lambda d: d["deck"].update(sources=[["mini.yaml"]]))
    variant("deck-is-list.json", lambda d: d.update(deck=["mini"]))
    variant("summary-unknown-field.json", lambda d: d["summary"].update(extra=1))
    variant("target-is-bool.json", lambda d: d["settings"].update(target=True))
    for name, data in out.items():
        (saves / name).write_bytes(data)
    print(f"{len(out)} broken saves; pile card for illegal-move: {pile_card}")


if __name__ == "__main__":
    main()
