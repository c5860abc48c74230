"""Messages for pydantic's validation errors, shared by the deck loader and the saves.

``message`` turns one pydantic error (its type, context and input) into a ``Message`` about
the field ``where`` ("'load' skal være et helt tal, ikke 2.5" / "'load' must be a whole
number, not 2.5"); the catalogue words it in the reader's language (keys ``field.*``). The
deck loader adds ``FILE:LINE:`` in front; the save reader adds "feltet" and the save's name.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from game.content.numbertext import WORD_QUOTES
from game.content.schema import KIND_ALIASES
from game.messages import Message
from game.numbers import whole_digits

DANISH_FIELDS: dict[str, str] = {
    "titel": "title",
    "slags": "kind",
    "område": "area",
    "beløb": "effect",
    "fra budgetår": "effect_from_year",
    "tekst": "text",
    "spørgsmål": "question",
    "kilde": "source",
    "belastning": "load",
    "træthed": "fatigue",
    "usikkerhed": "uncertainty",
    "svigtrisiko": "failure",
    "årsværk": "staff",
    "anlæg": "construction",
    "udelukker": "excludes",
    "kræver": "requires",
    "runder": "rounds",
    "vægt": "weight",
    "oplæg": "briefing",
    "år": "years",
    "mål": "target",
    "kapacitet": "capacity",
    "forslag på bordet": "market",
    "hændelser pr. runde": "events_per_round",
    "hændelser": "events",
    "forslag": "proposals",
    "servicegulv": "service_floor",
    "alle tre slags": "require_all_kinds",
    "anlægsramme": "construction_budget",
    "enhed": "unit",
    "sprog": "language",
    "fortegn": "sign",
    "velfærdsområder": "welfare_areas",
    "formatversion": "schema_version",
}
"""The workbook's Danish column names and the deck fields they fill: a YAML author who writes
the names from the catalogue (``usikkerhed:``) is pointed to the field (``uncertainty``)."""


def unknown_field(key: str, known: Iterable[str], cutoff: float = 0.6, prefix: str = "") -> Message:
    """ "ukendt felt 'titel' (mente du 'title'?)"; a name is suggested when it is at least
    ``cutoff`` similar (difflib's ratio). ``prefix`` is put before both names when shown
    ("settings.")."""
    known = list(known)
    danish = DANISH_FIELDS.get(" ".join(str(key).casefold().split()))
    close = (
        [danish] if danish in known else difflib.get_close_matches(key, known, n=1, cutoff=cutoff)
    )
    if close:
        return Message.of("field.unknown_close", name=f"{prefix}{key}", close=f"{prefix}{close[0]}")
    return Message.of("field.unknown", name=f"{prefix}{key}")


def message(
    kind: str,
    where: Message | str,
    ctx: dict[str, Any],
    value: Any,
    *,
    source: str = "YAML",
    written: str | None = None,
) -> Message:
    """The message for a pydantic error of type ``kind`` on the field ``where``.

    ``ctx`` is the error's context and ``value`` its input; ``source`` names the format that
    was read ("YAML" or "JSON"): YAML's hints (an unquoted ``no`` read as false) are only given
    for YAML; ``written`` is the word YAML read as true or false (``no``, ``On``), quoted in
    them. An error type without a template gives "'where': kind".
    """
    if source == "YAML" and isinstance(value, bool) and written is not None:
        # "language: no" was told "must be one of: 'da' or 'en', not false": the word as
        # written, and why YAML read it so
        said = "true" if value else "false"
        if kind == "string_type":
            return Message.of("field.text_yaml_word", where=where, word=written, value=said)
        if TEMPLATES.get(kind) == "one_of":
            expected = _choices(ctx)
            return Message.of(
                "field.one_of_yaml_word", where=where, expected=expected, word=written, value=said
            )
    if kind == "string_type":
        if source == "YAML" and isinstance(value, bool):
            key = "field.text_yaml_true" if value else "field.text_yaml_false"
            return Message.of(key, where=where)
        if value is None:
            return Message.of("field.text_empty", where=where)
        if source == "YAML" and isinstance(value, (int, float)):
            return Message.of("field.text_yaml_number", where=where)
        if source == "YAML":
            return Message.of("field.text", where=where)
        return Message.of("field.text_not", where=where, value=show(value))
    if kind == "string_too_long":
        length = len(value) if isinstance(value, str) else "?"
        return Message.of(
            "field.too_long_text", where=where, length=length, most=ctx.get("max_length", "?")
        )
    template = TEMPLATES.get(kind)
    if template is None:
        return Message.of("field.other", where=where, kind=kind)
    if template in ("pattern", "one_of") and isinstance(value, str):
        bare = value.strip()
        if len(bare) > 2 and bare[0] in WORD_QUOTES and bare[-1] in WORD_QUOTES:
            # "excludes: [“bibliotek-selvbetjening”]" from Word was told which letters an id
            # may hold, not that the quotes were the letters it may not
            inner = bare[1:-1].strip()
            write = (id_spelling(inner) or inner) if template == "pattern" else inner
            return Message.of("field.word_quotes", where=where, value=bare, write=write)
    if template == "pattern" and isinstance(value, str):
        suggestion = id_spelling(value)
        if suggestion is not None and suggestion != value:  # "ældre-1": say "aeldre-1"
            return Message.of("field.pattern_suggest", where=where, value=suggestion)
    if template == "one_of" and isinstance(value, str):
        options = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        close = difflib.get_close_matches(value.strip().casefold(), options, n=1, cutoff=0.7)
        alias = KIND_ALIASES.get(value.strip().casefold().rstrip("."))
        if not close and alias in options:  # "Spareforslag", as the Excel import reads it
            close = [alias]
        typed = value.strip().casefold()
        begun = [o for o in options if len(typed) >= 5 and o.startswith(typed[:5])]
        if not close and len(begun) == 1:  # "besparing": the word begun, not near enough
            close = begun
        if close:  # "besparrelse": say "besparelse"
            return Message.of(
                "field.one_of_close",
                where=where,
                value=show(value),
                expected=_choices(ctx),
                close=close[0],
            )
    if (
        template == "whole"
        and isinstance(value, float)
        and math.isfinite(value)
        and value.is_integer()
    ):  # "capacity: 8.0" was told "ikke 8.0" and not what to write
        return Message.of(
            "field.whole_point_zero", where=where, value=show(value), write=int(value)
        )
    fields = {name: "?" for name in _CONTEXT_FIELDS}
    fields.update({k: number_text(v) for k, v in ctx.items() if k in _CONTEXT_FIELDS})
    if template == "few" and ctx.get("min_length") == 1:
        template = "few_one"  # "mindst ét element", not "mindst 1 element(er)"
    return Message.of(
        f"field.{template}", where=where, value=show(value), expected=_choices(ctx), **fields
    )


DANISH_LETTERS = (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("Æ", "Ae"), ("Ø", "Oe"), ("Å", "Aa"))


def plain_letters(text: str) -> str:
    """``text`` in ASCII letters: æ, ø, å (and Æ, Ø, Å) as ae, oe, aa, other letters without
    their accents; characters with no such spelling are dropped ("Ærø" → "Aeroe")."""
    for letter, ascii_ in DANISH_LETTERS:
        text = text.replace(letter, ascii_)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def id_spelling(text: str) -> str | None:
    """An id as it may be written: æ, ø, å as ae, oe, aa, other letters without their accents,
    spaces and dashes of any kind ("–", "—", "−") as hyphens ("Ældre 1" → "Aeldre-1", "E–01"
    → "E-01"); None when no such spelling is an id."""

    spelled = "".join(
        "-" if unicodedata.category(c) == "Pd" or c == "\u2212" else c for c in text.strip()
    )
    spelled = plain_letters(spelled)
    spelled = re.sub(r"\s+", "-", spelled)
    return spelled if spelled and re.fullmatch(r"[A-Za-z0-9_.\-]+", spelled) else None


_CONTEXT_FIELDS = ("ge", "le", "gt", "min_length", "max_length")
"""The fields of pydantic's error contexts that the messages name."""


def _choices(ctx: dict[str, Any]) -> Message | str:
    """pydantic's "'a', 'b' or 'c'" with the reader's "or"."""
    expected = str(ctx.get("expected", ""))
    if " or " not in expected:
        return expected
    first, last = expected.rsplit(" or ", 1)
    return Message.of("deck.number.either", first=first, second=last)


TEMPLATES: dict[str, str] = {
    "string_too_short": "empty",
    "string_pattern_mismatch": "pattern",
    "int_type": "whole",
    "int_from_float": "whole",
    "int_parsing": "whole",
    "float_type": "number",
    "float_parsing": "number",
    "finite_number": "number",
    "bool_type": "bool",
    "greater_than_equal": "at_least",
    "less_than_equal": "at_most",
    "greater_than": "greater",
    "list_type": "list",
    "too_short": "few",
    "too_long": "many",
    "literal_error": "one_of",
}
"""pydantic's error types and their messages in the catalogue (``field.<name>``); the
placeholders come from the error's context."""


SHOWN_DIGITS = 20
"""The most digits a message writes of a whole number: a longer one (a seed of 10**400 typed
into a save) is said by its length, "et tal på 401 cifre", not printed over a screen."""


def show(value: Any) -> Message | str:
    """A value as a message shows it: text in quotes (40 characters), true/false, "tom", a
    whole number of more than ``SHOWN_DIGITS`` digits by its length."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and (digits := whole_digits(value)) > SHOWN_DIGITS:
        return Message.of("field.value_long_number", digits=float(digits))
    if value is None:
        return Message.of("field.value_empty")
    if isinstance(value, str):
        return f"'{value[:40]}'"
    if isinstance(value, (list, dict)):
        return Message.of("field.value_list" if isinstance(value, list) else "field.value_map")
    return str(value)


def number_text(value: Any) -> str:
    """A number of an error's context as text: 1000.0 as "1000"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
