"""Writing a deck's data as the YAML files of a deck folder, the way the loader reads them back.

Every text is written in double quotes with JSON's escapes (line breaks as ``\\n``; the
characters the loader refuses unescaped, such as a non-breaking space, as ``\\u00a0``), and
every number with ``numbertext.yaml_number`` (a point as the decimal sign, never a point before
exactly three digits), so what is written is read back as exactly the same deck.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from game.catalogue.columns import ABOUT, COLUMNS, EVENTS, PROPOSALS, SCENARIOS
from game.content.numbertext import yaml_number
from game.content.schema import json_schema_text
from game.saves.files import Output, WriteFailed, check_not_empty, write_files

FILES: tuple[tuple[str, str, str], ...] = (
    ("deck.yaml", "deck", "dækkets hoved (arket 'Om kataloget')"),
    ("forslag.yaml", "proposals", "forslagene (arket 'Forslag')"),
    ("haendelser.yaml", "events", "hændelserne (arket 'Hændelser')"),
    ("scenarier.yaml", "scenarios", "scenarierne (arket 'Scenarier')"),
)
"""The files of an imported deck: name, section and what it holds."""

SCHEMA_FILE = "schema.json"
"""The deck format's JSON Schema, written into the imported deck folder next to its YAML files
(which name it in their first line), so an editor checks and completes them wherever the
folder is kept; the loader reads only the YAML files."""

DECK_GUIDE = "docs/deck-format.md – i pakken til pc'er uden internet filen »Dæk og katalog.txt«"
"""Where the budget office's guide is, in the source and in the offline bundle (the bundle's
name is packaging/build_dist.py's ``DECK_GUIDE_NAME``)."""

_SHEET = {"deck": ABOUT, "proposals": PROPOSALS, "events": EVENTS, "scenarios": SCENARIOS}


def field_order(section: str) -> list[str]:
    """The fields of ``section`` in the order the sheet has its columns."""
    order: list[str] = []
    for column in COLUMNS[_SHEET[section]]:
        if column.field not in order:
            order.append(column.field)
    return order


def scalar(value: Any) -> str:
    """One value as YAML: a quoted text, a number, true/false."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return yaml_number(float(value)) if isinstance(value, float) else str(value)
    if value is None:
        return "null"
    text = json.dumps(str(value), ensure_ascii=False)
    return "".join(c if c.isprintable() or c == " " else _escape(c) for c in text)


def _escape(char: str) -> str:
    """A character YAML must not see as it is (``HIDDEN_CHARACTERS`` and other invisible
    ones), as a double-quoted escape."""
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(scalar(item) for item in value) + "]"
    return scalar(value)


def _mapping(card: dict[str, Any], order: Sequence[str], indent: str, first: str) -> list[str]:
    lines = []
    keys = [key for key in order if key in card] + [key for key in card if key not in order]
    for number, key in enumerate(keys):
        lead = first if number == 0 else indent
        lines.append(f"{lead}{key}: {_value(card[key])}")
    return lines


def section_text(section: str, content: Any, origin: str, what: str) -> str:
    """The text of the YAML file that holds ``section`` (a header dict or a list of cards)."""
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_FILE}",
        f"# {what[0].upper()}{what[1:]}, lavet af 'raaderum import' fra {origin}.",
        f"# Ret i regnearket og importér igen, eller ret her (se {DECK_GUIDE}).",
        "",
        f"{section}:",
    ]
    order = field_order(section)
    if section == "deck":
        lines += _mapping(content, order, "  ", "  ")
    elif not content:
        lines[-1] += " []"
    else:
        for number, card in enumerate(content):
            if number:
                lines.append("")
            lines += _mapping(card, order, "    ", "  - ")
    return "\n".join(lines) + "\n"


def deck_texts(data: dict[str, Any], origin: str) -> list[tuple[str, str]]:
    """(file name, text) of every file of the deck ``data``: the YAML files (sections with
    content only; the events file only when there are events) and the schema they name, its
    explanations in the deck's language (an English deck's author reads English)."""
    header = data.get("deck")
    language = header.get("language") if isinstance(header, dict) else None
    texts = [(SCHEMA_FILE, json_schema_text("en" if language == "en" else "da"))]
    for name, section, what in FILES:
        content = data.get(section)
        if content is None or (section == "events" and not content):
            continue
        texts.append((name, section_text(section, content, origin, what)))
    return texts


def write_deck(folder: Path, texts: Iterable[tuple[str, str]]) -> list[Path]:
    """Write the files into ``folder`` (created if needed), all or none: each is written to
    a temp file and checked before any is renamed into place (``game.saves.write_files``), and
    a folder made here is removed again when they cannot be written. Returns their paths;
    raises ``game.saves.WriteFailed``."""
    made = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    outputs = [Output(folder / name, text.encode("utf-8"), check_not_empty) for name, text in texts]
    try:
        write_files(outputs)
    except WriteFailed:
        if made:
            with contextlib.suppress(OSError):
                folder.rmdir()  # empty again: the temp files are gone
        raise
    return [output.path for output in outputs]
