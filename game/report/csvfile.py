"""CSV files that Danish Excel opens as columns, with the Danish letters intact.

The choice: ``;`` between fields (Excel's list separator in a Danish locale; ``,`` in an
English report, as English Excel splits by it) *and* UTF-8 with a byte order mark (without
it Excel reads the file as Windows-1252 and garbles æ, ø, å). Numbers with decimals use a
decimal comma in Danish and a point in English. Column
names are fixed English identifiers, so scripts can read every file the same way. A text
cell that starts like a spreadsheet formula (``=``, ``+``, ``-``, ``@``) gets a leading
apostrophe so a participant's note can never run as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

DELIMITERS = {"da": ";", "en": ","}
"""The field separator by the report's language (Excel's list separator in that locale)."""
ENCODING = "utf-8-sig"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | None


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def number(value: float, lang: str, decimals: int = 2) -> str:
    """``value`` with up to ``decimals`` decimals, no thousands separator, decimal comma in
    Danish."""
    text = f"{round(value, decimals):.{decimals}f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(".", ",") if lang == "da" else text


def cell(value: Cell) -> str:
    """The text of one cell, guarded against formula injection."""
    if value is None:
        return ""
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def csv_bytes(header: Sequence[str], rows: Sequence[Sequence[Cell]], lang: str = "da") -> bytes:
    """The bytes of a CSV file of ``rows`` under ``header``, for a reader of ``lang`` (see
    the module docstring)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITERS.get(lang, ";"), lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue().encode(ENCODING)
