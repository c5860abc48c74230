"""Small decks written in a test as Python data: a budget office's catalogue of numbered cards
(long titles, amounts in t. kr., six years …) without a YAML text built line by line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import yaml

from game.content import load_sources
from game.engine import Deck

KINDS = ("saving", "efficiency", "investment")


class _Plain(yaml.SafeDumper):
    """Writes a value shared by several cards out each time: the loader refuses YAML aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def numbered_deck(
    count: int,
    scenario: dict[str, Any],
    *,
    card: Callable[[int], dict[str, Any]] = lambda n: {},
    unit: str | None = None,
    events: Sequence[dict[str, Any]] = (),
) -> Deck:
    """A deck of ``count`` proposals "k0", "k1" … (the kinds in turn, "Forslag N", area
    Administration, effect [1]; ``card(n)`` changes or adds fields of card n) and the one
    ``scenario`` (its fields as the deck format writes them), loaded as the game loads a
    deck file."""
    proposals = [
        {
            "id": f"k{n}",
            "kind": KINDS[n % 3],
            "title": f"Forslag {n}",
            "area": "Administration",
            "effect": [1],
            **card(n),
        }
        for n in range(count)
    ]
    head: dict[str, Any] = {"id": "proeve", "title": "Prøvedæk", "schema_version": 1}
    if unit is not None:
        head["unit"] = unit
    data: dict[str, Any] = {"deck": head, "proposals": proposals, "scenarios": [scenario]}
    if events:
        data["events"] = list(events)
    text = yaml.dump(data, Dumper=_Plain, allow_unicode=True, sort_keys=False)
    return load_sources([("proeve.yaml", text)])
