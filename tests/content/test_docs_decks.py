"""The deck examples a budget office copies from the README and the docs must validate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.content import Problem, load_sources
from game.engine import Kind

ROOT = Path(__file__).resolve().parents[2]


def _yaml_blocks(markdown: Path) -> list[str]:
    text = markdown.read_text(encoding="utf-8")
    return [b for b in re.findall(r"```yaml\n(.*?)```", text, flags=re.S) if "deck:" in b]


@pytest.mark.parametrize("doc", ["README.md", "docs/deck-format.md"])
def test_every_complete_deck_example_validates(doc):
    blocks = _yaml_blocks(ROOT / doc)
    assert blocks, f"{doc} has no deck example"
    for block in blocks:
        warnings: list[Problem] = []
        deck = load_sources([(doc, block)], warnings, deep=True)
        assert {p.kind for p in deck.proposals} == set(Kind)
        # nor does it warn: a trial copied the complete example, whose target its pile could
        # not reach without luck, and lost every game
        assert not warnings, [w.text() for w in warnings]


def test_the_example_in_deck_format_is_the_shipped_example_file():
    shipped = (ROOT / "docs" / "example-deck.yaml").read_text(encoding="utf-8")
    assert shipped in _yaml_blocks(ROOT / "docs" / "deck-format.md")
