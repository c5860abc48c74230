"""The bot in the README ("A bot in a dozen lines") runs as written: an outside programmer
copies it first, and an example that fails sends them away."""

from __future__ import annotations

import contextlib
import io
import re
import textwrap
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def _bot_example() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("A bot in a dozen lines")
    block = re.search(r"```python\n(.*?)```", text[start:], re.S)
    assert block is not None, "the README's bot example has no python block"
    return textwrap.dedent(block.group(1))


def test_the_readme_bot_plays_a_whole_game_through_the_public_api():
    code = _bot_example()
    assert "import" in code and "new_game" in code
    out = io.StringIO()
    scope: dict[str, object] = {}
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(README), "exec"), scope)  # our own README, not user input
    state = scope["state"]
    assert state.finished  # type: ignore[attr-defined]
    kinds = {scope["deck"].proposal(a.card).kind for a in state.adopted}  # type: ignore[attr-defined]
    assert len(kinds) == 3  # one of each kind first, as its comment says
    won, reasons = out.getvalue().strip().split(" ", 1)
    assert won in ("True", "False") and reasons.startswith("(")
