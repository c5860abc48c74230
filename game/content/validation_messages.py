"""Danish messages for pydantic's validation errors, shared by the deck loader and the saves.

``message`` turns one pydantic error (its type, context and input) into a Danish phrase about
the field ``where``: "'load' skal være et helt tal, ikke 2.5". The deck loader adds
``FILE:LINE:`` in front; the save reader adds "feltet" and the save's file name.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any


def unknown_field(key: str, known: Iterable[str], cutoff: float = 0.6, prefix: str = "") -> str:
    """ "ukendt felt 'titel' (mente du 'title'?)"; a name is suggested when it is at least
    ``cutoff`` similar (difflib's ratio). ``prefix`` is put before both names when shown
    ("settings.")."""
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=cutoff)
    hint = f" (mente du '{prefix}{close[0]}'?)" if close else ""
    return f"ukendt felt '{prefix}{key}'{hint}"


def message(kind: str, where: str, ctx: dict[str, Any], value: Any, *, source: str = "YAML") -> str:
    """The Danish message for a pydantic error of type ``kind`` on the field ``where``.

    ``ctx`` is the error's context and ``value`` its input; ``source`` names the format that
    was read ("YAML" or "JSON"): YAML's hints (an unquoted ``no`` read as false) are only given
    for YAML. An error type without a template gives "'where': kind".
    """
    if kind == "string_type":
        if source == "YAML" and isinstance(value, bool):
            return (
                f"'{where}' skal være tekst, men YAML læser værdien som "
                f"{'ja' if value else 'nej'} (true/false); sæt den i anførselstegn"
            )
        if value is None:
            return f"'{where}' er tom; skriv en tekst"
        if source == "YAML" and isinstance(value, (int, float)):
            return f"'{where}' skal være tekst, men YAML læser et tal; sæt det i anførselstegn"
        if source == "YAML":
            return f"'{where}' skal være tekst"
        return f"'{where}' skal være tekst, ikke {show(value)}"
    if kind == "string_too_long":
        length = len(value) if isinstance(value, str) else "?"
        return f"'{where}' er for lang: {length} tegn (højst {ctx.get('max_length')})"
    template = TEMPLATES.get(kind)
    if template is None:
        return f"'{where}': {kind}"
    expected = str(ctx.get("expected", "")).replace(" or ", " eller ")
    fields = TemplateFields({k: number_text(v) for k, v in ctx.items()})
    fields.update(where=where, value=show(value), expected=expected)
    return template.format_map(fields)


class TemplateFields(dict[str, str]):
    """Template fields; one pydantic does not supply shows as '?' instead of failing."""

    def __missing__(self, key: str) -> str:
        return "?"


_NUMBER = "'{where}' skal være et tal, ikke {value}"
_WHOLE = "'{where}' skal være et helt tal, ikke {value}"
TEMPLATES: dict[str, str] = {
    "string_too_short": "'{where}' må ikke være tom",
    "string_pattern_mismatch": "'{where}' må kun indeholde bogstaverne a–z og A–Z, tal og "
    "tegnene _ . -",
    "int_type": _WHOLE,
    "int_from_float": _WHOLE,
    "int_parsing": _WHOLE,
    "float_type": _NUMBER,
    "float_parsing": _NUMBER,
    "finite_number": _NUMBER,
    "bool_type": "'{where}' skal være true eller false, ikke {value}",
    "greater_than_equal": "'{where}' skal være mindst {ge}, ikke {value}",
    "less_than_equal": "'{where}' må højst være {le}, ikke {value}",
    "greater_than": "'{where}' skal være større end {gt}, ikke {value}",
    "list_type": "'{where}' skal være en liste, fx [1, 2, 3]",
    "too_short": "'{where}' skal have mindst {min_length} element(er)",
    "too_long": "'{where}' må højst have {max_length} elementer",
    "literal_error": "'{where}' skal være en af: {expected}, ikke {value}",
}
"""Danish messages for pydantic's error types; the fields come from the error's context."""


def show(value: Any) -> str:
    """A value as a message shows it: text in quotes (40 characters), true/false, "tom"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "tom"
    if isinstance(value, str):
        return f"'{value[:40]}'"
    if isinstance(value, (list, dict)):
        return "en liste" if isinstance(value, list) else "et felt-sæt"
    return str(value)


def number_text(value: Any) -> str:
    """A number of an error's context as text: 1000.0 as "1000"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
