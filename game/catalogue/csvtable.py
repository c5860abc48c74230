"""Reading one CSV file of a catalogue: one sheet, as Danish Excel and others write it.

The text may be UTF-8 (with or without a byte-order mark), UTF-16 (Excel's "Unicode-tekst")
or Windows-1252 (Danish Excel's "CSV (semikolonsepareret)"); the separator is a semicolon,
a comma or a tab, found from the header line (Excel's ``sep=;`` first line is honoured).
Every cell is text; numbers in it are read the Danish way by ``game.catalogue.cells``, so
``1,5`` is 1,5 whatever the separator. Which part of the catalogue the file holds is told by
its name (forslag.csv, haendelser.csv, …) or else by its headers.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from pathlib import Path

from game.catalogue.cells import Cell, is_blank
from game.catalogue.columns import (
    ABOUT,
    EVENTS,
    GUIDE,
    LISTS,
    PROPOSALS,
    SCENARIOS,
    header_key,
    lookup,
    normal,
)
from game.catalogue.sheets import Sheet
from game.catalogue.workbook import MAX_COLUMNS, MAX_ROWS, WorkbookRefused
from game.content.loader import os_error_text
from game.content.numbertext import amount_text
from game.content.yamlsafe import MOJIBAKE
from game.messages import Message

MAX_CSV_BYTES = 5 * 1024 * 1024

_NAMES: tuple[tuple[str, str], ...] = (
    ("forslag", PROPOSALS),
    ("proposal", PROPOSALS),
    ("hændelse", EVENTS),
    ("haendelse", EVENTS),
    ("event", EVENTS),
    ("scenari", SCENARIOS),
    ("om kataloget", ABOUT),
    ("om-kataloget", ABOUT),
    ("om_kataloget", ABOUT),
    ("about", ABOUT),
)


def read_csv(path: Path, label: str) -> Sheet:
    """The sheet in the CSV file at ``path`` (messages name it ``label``); raises
    ``WorkbookRefused`` for a file that cannot be read as text."""
    text = _decode(_bytes(path))
    lines = text.splitlines()
    if lines and normal(lines[0]).startswith("sep=") and len(lines[0].strip()) == 5:
        delimiter = lines[0].strip()[4]
        offset = 1
        text = "\n".join(lines[1:])
    else:
        delimiter = _delimiter(lines[0] if lines else "")
        offset = 0
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise WorkbookRefused(Message.of("catalogue.file.csv_error", reason=str(error))) from None
    if delimiter == ",":
        _check_comma_rows(rows, offset)
    sheet = Sheet(_part(path, rows), label, in_workbook=False, separator=delimiter)
    for index, values in enumerate(rows):
        row = index + 1 + offset
        if row > MAX_ROWS + 1 + offset or len(values) > MAX_COLUMNS:
            raise WorkbookRefused(
                "catalogue.file.csv_size",
                rows=amount_text(MAX_ROWS),
                columns=amount_text(MAX_COLUMNS),
            )
        for column, value in enumerate(values, start=1):
            if not is_blank(value):
                sheet.cells[(row, column)] = Cell(row, column, value)
    return sheet


def _check_comma_rows(rows: list[list[str]], offset: int) -> None:
    """In a comma-separated file an unquoted decimal comma splits one amount in two ("2,5"
    becomes 2 and 5 in two years), which no cell check can see. Excel writes every row with
    as many fields as the header, so a row with another count is refused, never guessed."""
    width = len(rows[0]) if rows else 0
    for index, values in enumerate(rows[1:], start=2):
        if any(not is_blank(v) for v in values) and len(values) != width:
            count = "one" if len(values) == 1 else "many"
            raise WorkbookRefused(
                f"catalogue.file.csv_fields.{count}",
                row=index + offset,
                count=len(values),
                width=width,
            )


def _bytes(path: Path) -> bytes:
    try:
        if not path.is_file():
            missing = not path.exists()
            raise WorkbookRefused(f"catalogue.file.{'missing' if missing else 'not_a_file'}")
        with path.open("rb") as handle:
            raw = handle.read(MAX_CSV_BYTES + 1)
    except OSError as error:
        raise WorkbookRefused(os_error_text(error)) from None
    if len(raw) > MAX_CSV_BYTES:
        raise WorkbookRefused("catalogue.file.too_big_csv", most=MAX_CSV_BYTES // 1024 // 1024)
    if raw.startswith(b"PK"):
        raise WorkbookRefused("catalogue.file.csv_is_xlsx")
    return raw


_DOS_OR_MAC = re.compile(r"(?<=\w)[‘›†¾¿Œ¯]|[‘›†¾¿Œ¯](?=\w)")
"""Danish letters of an MS-DOS (code page 850) or Macintosh CSV, both save formats of Excel,
read as Windows-1252: æ, ø, å become ‘, ›, † (DOS) or ¾, ¿, Œ (Mac), next to other letters;
no Danish catalogue writes these signs inside a word."""


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise WorkbookRefused("catalogue.file.utf16") from None
    else:
        # A UTF-8 byte-order mark is dropped before the text is decoded, so that it never ends
        # up in the first heading, also when the rest is Windows-1252 (a file patched by a tool)
        raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError:
                raise WorkbookRefused("catalogue.file.charset") from None
            dos = _DOS_OR_MAC.search(text)
            if dos:
                # "F‘rre †bningstimer": an MS-DOS or Macintosh CSV read as Windows-1252
                raise WorkbookRefused("catalogue.file.charset_dos", sample=dos.group(0)) from None
        garbled = MOJIBAKE.search(text)
        if garbled:  # UTF-8 read as ANSI and saved as UTF-8 again: "Ã¦ldre"
            raise WorkbookRefused("catalogue.file.charset_twice", sample=garbled.group(0))
    if "\x00" in text:
        raise WorkbookRefused("catalogue.file.nul")
    if not text.strip():
        raise WorkbookRefused("catalogue.file.empty")
    return unicodedata.normalize("NFC", text)


def _delimiter(header: str) -> str:
    """The separator of the header line: the most frequent of ; , and tab outside quotes."""
    counts = {";": 0, ",": 0, "\t": 0}
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda c: (counts[c], c == ";"))
    return best if counts[best] else ";"


_HELPER_WORDS: tuple[tuple[str, str], ...] = (
    ("vejledning", GUIDE),
    ("guide", GUIDE),
    ("lister", LISTS),
    ("lists", LISTS),
)


def helper_named(path: Path) -> str | None:
    """The template's own help sheet a CSV file's name says it holds ("katalog-Vejledning.csv"
    → Vejledning, "katalog-Lister.csv" → Lister, as a spreadsheet's "save every sheet as CSV"
    names them), or None – never for a file whose name names a data sheet."""
    if part_named(path) is not None:
        return None
    words = re.findall(r"[^\W_]+", normal(path.stem))
    return next((sheet for word, sheet in _HELPER_WORDS if word in words), None)


def part_named(path: Path) -> str | None:
    """The sheet a CSV file's name says it holds ("forslag.csv" → Forslag), or None."""
    stem = normal(path.stem)
    for word, sheet in _NAMES:
        if word in stem:
            return sheet
    return None


def _part(path: Path, rows: list[list[str]]) -> str:
    """Which sheet the file holds: from its name, else from its headers."""
    named = part_named(path)
    if named is not None:
        return named
    headers = {header_key(value) for value in (rows[0] if rows else [])}
    if {"felt", "værdi"} <= headers:
        return ABOUT
    best, score = PROPOSALS, 0
    for sheet in (PROPOSALS, EVENTS, SCENARIOS):
        names = lookup(sheet)
        found = sum(1 for header in headers if header in names)
        distinct = {"slags", "kind"} if sheet == PROPOSALS else set()
        if sheet == SCENARIOS:
            distinct = {"mål", "target", "år", "years"}
        if sheet == EVENTS:
            distinct = {"runder", "rounds", "vægt", "weight"}
        found += 10 * len(headers & distinct)
        if found > score:
            best, score = sheet, found
    return best
