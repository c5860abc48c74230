"""Danish one-line explanations of illegal moves found in a save's action log."""

from __future__ import annotations

from game.engine.rules import MAX_TARGET, IllegalAction


def _short(value: object, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _amount(value: object) -> str:
    from game.numbers import format_amount

    return format_amount(value, "da") if isinstance(value, (int, float)) else "?"


def illegal_reason(error: IllegalAction) -> str:
    """Why a move is illegal, in Danish, from the error's ``code`` and ``params``."""
    p = error.params
    card = _short(p.get("card", "?"))
    texts = {
        "game_over": "spillet er allerede slut",
        "already_adopted": f"forslaget '{card}' er allerede vedtaget",
        "unknown_card": f"intet forslag har id'et '{card}'",
        "not_in_market": f"forslaget '{card}' ligger ikke på bordet",
        "over_capacity": (
            f"forslaget '{card}' kræver kapacitet {p.get('load', '?')}, "
            f"men der er kun {p.get('left', '?')} tilbage"
        ),
        "excluded": (
            f"forslaget '{card}' kan ikke vedtages sammen med '{_short(p.get('other', '?'))}'"
        ),
        "note_too_long": f"noten er for lang (højst {p.get('limit', '?')} tegn)",
        "bad_target": f"målet skal være mellem 0 og {MAX_TARGET:g}",
        "not_adopted": f"forslaget '{card}' er ikke vedtaget, så det kan ikke få en note",
        "unknown_action": "ukendt slags træk",
        "bad_chance": (f"hændelser og udfald fra bordet passer ikke til scenariet ('{card}')"),
        "requires": (
            f"forslaget '{card}' kræver, at '{_short(p.get('other', '?'))}' er vedtaget først"
        ),
        "over_construction": (
            f"forslaget '{card}' kræver anlæg {_amount(p.get('construction'))}, men der er kun "
            f"{_amount(p.get('left'))} tilbage af anlægsrammen"
        ),
    }
    return texts.get(error.code, _short(error.reason, 120))
