"""Where a table sheet's headings are, and what its titles say about the unit.

A budget office's sheet rarely starts with its headings in row 1: a title stands above them,
and a budget table often has a heading of two rows – "Nr.", "Forslag" and "Slags" merged down
over both rows, and a band such as "Beløb i 1.000 kr." merged across the year columns, with
the years ("2027", "2028" …) in the row under it. ``header_row`` finds the row of headings,
``join_heading_rows`` reads a heading of two rows as one, and ``stated_units`` lists the units
that titles and bands name, so that the import can compare them with the deck's unit.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from typing import Any

from game.catalogue.cells import Cell, cell_range
from game.catalogue.columns import PROPOSALS, header_key, lookup, normal
from game.catalogue.sheets import Sheet
from game.numbers import is_known_unit

TITLE_ROWS = 10
"""How far down a sheet the row of headings is looked for (above it: a title, a note)."""

_BUDGET_WORD = (
    r"(?:budgetår|budgetforslag|budgetoverslag|budget|beløb|bf|bo\s*\d?|b|overslagsår|overslag"
    r"|oå\s*\d?|år)"
)
"""The words a budget table writes before or after a year: "Budget", "BF" (budgetforslag),
"BO"/"BO1" (budgetoverslag), "Overslagsår", "B". Not "Regnskab" or "R": a year's accounts
are spending, not a proposal's amount (``accounts_heading``)."""
_ACCOUNTS = re.compile(
    r"(?:regnskab|r|forbrug|grundbudget|oprindeligt\s+budget|korrigeret\s+budget"
    r"|vedtaget\s+budget|budget\s*ramme|ramme|basisbudget|nettoudgift\w*|udgift\w*)"
    r"\s*(?:\d{2}\s*[-/]\s*)?(?:19|20)\d\d\b.*|(?:19|20)\d\d\s*(?:regnskab|forbrug)\b.*"
)
"""A heading that names a year's accounts or the budget the proposals are cut from
("Regnskab 2025", "R2025", "Forbrug 2026", "Grundbudget 2027", "Oprindeligt budget 2027")."""


TOTAL_WORDS = (
    "i alt",
    "ialt",
    "total",
    "totalt",
    "subtotal",
    "sum",
    "samlet",
    "samlede",
    "hovedtotal",
    "netto",
    "nettoeffekt",
    "nettovirkning",
)
"""What a totals row's text begins with ("I alt", "I alt Børne- og Skoleudvalget", "Sum",
"Nettoeffekt", "Samlede besparelser")."""
TOTAL_ENDINGS = (" i alt", " ialt", " total", " samlet", " sum")
"""What a totals row's text ends with ("Ældreudvalget i alt", "Effektiviseringer total",
"Budgetkatalog, samlet")."""


def totals_text(value: Any) -> bool:
    """True for the text that makes a row a totals or subtotal row: it begins with a word of
    ``TOTAL_WORDS`` ("I alt", "Sum:") or ends with one of ``TOTAL_ENDINGS`` ("Ældreudvalget i
    alt"), or is a "Heraf …" row."""
    if not isinstance(value, str):
        return False
    text = normal(value)
    ending = text.rstrip(":").replace(",", " ")
    return (
        any(text == w or text.startswith((w + " ", w + ":", w + ",", w + "(")) for w in TOTAL_WORDS)
        or ending.endswith(TOTAL_ENDINGS)
        or text.startswith("heraf ")
    )


def accounts_heading(value: Any) -> bool:
    """True for a column of what a year cost or was budgeted (``_ACCOUNTS``): a budget
    office's context beside its proposals, never their amounts ("Regnskab 2025" was read as
    each proposal's first year, and last year's spending became a saving)."""
    return isinstance(value, str) and _ACCOUNTS.fullmatch(normal(value)) is not None


_YEAR_HEADING = re.compile(
    rf"(?:{_BUDGET_WORD}\s*)?((?:19|20)\d\d)\s*"
    rf"(?:\*+|\([^()]{{1,12}}\)|ff\.?|[-–]|{_BUDGET_WORD}|{_BUDGET_WORD}\s*\([^()]{{1,12}}\)"
    r"|(?:i\s+)?(?:t\.?\s*kr|tkr|mio\.?\s*kr|1\.?000\s*kr)\.?)?"
)
"""A heading that names a budget year: "2027", "2027*", "2027 (B)", "Budget 2027", "BO 2028",
"BO1 2028", "BF 2027", "B2027", "2027 B", "2028 BO", "2030 ff.", "2030-", "Beløb 2027",
"Budgetforslag 2027", "OÅ 2028", "2027 t.kr."."""
_OVERSLAG_NUMBER = re.compile(r"(?:bo|overslagsår|overslag)\s*(\d)")
"""A heading that numbers an overslagsår without its year: "BO1", "Overslagsår 2" (the years
after the budget year, counted from a column headed by that year)."""
_YEARISH = re.compile(r"(?:19|20)\d\d|\bbo\s*\d\b|overslag")
"""Text that speaks of a budget year, whether or not ``heading_year`` can place it."""


_THOUSAND = r"(?:1[.\s\xa0]?000|['’]000)"
_KRONER = r"(?:kroner|kr|dkk)"
_UNIT_PHRASE = re.compile(
    r"(?<![\w.])("
    rf"(?:mia\.?|milliarder)\s*{_KRONER}"
    rf"|(?:mio\.?|millioner)\s*{_KRONER}"
    rf"|t\.?\s*{_KRONER}|tkr"
    rf"|{_THOUSAND}\s*{_KRONER}"
    rf"|tusinde?\s*{_KRONER}"
    rf"|{_KRONER}\.?\s*\(?{_THOUSAND}\)?"
    rf"|{_KRONER})(?!\w)\.?",
    re.IGNORECASE,
)
"""A unit written inside a longer text: "Beløb i 1.000 kr.", "(t. kr.)", "mio. kr., 2027-pl",
"Beløb i 1.000 kroner", "DKK '000", "Beløb i kr. (1.000)" (the thousand after the word is
part of the unit, not a bare "kr.")."""


def heading_year(value: Any) -> str | None:
    """The budget year a column heading names ("2027"), or None: a year as a number or text
    (with a "Budget"/"BO" word, a footnote mark or a bracket), or a date (Excel's 1-1-2027
    shown as "2027")."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return str(value.year)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    found = _YEAR_HEADING.fullmatch(normal(value))
    return found.group(1) if found else None


def headed_without_kind(texts: frozenset[str]) -> bool:
    """True when ``texts`` (the first rows of a sheet that is not read, as
    ``workbook._first_texts`` keeps them) hold a proposals table's headings without a column
    of kinds: an id ("Nr."), a title ("Forslag") and the yearly amounts ("2027" or "år 1").
    A budget office keeps its investments on a sheet of their own ("Investeringer"), where
    every row has the sheet's kind; its rows were left out of the deck without a word."""
    known = lookup(PROPOSALS)
    columns = [known[header_key(t)] for t in texts if header_key(t) in known]
    fields = {column.field for column in columns if column.reader != "effect"}
    amounts = any(column.reader == "effect" for column in columns) or any(
        heading_year(t) is not None for t in texts
    )
    return amounts and {"id", "title"} <= fields and "kind" not in fields


def overslag_number(value: Any) -> int | None:
    """The number of an overslagsår a heading names without its year ("BO1" → 1), or None."""
    found = _OVERSLAG_NUMBER.fullmatch(normal(value)) if isinstance(value, str) else None
    return int(found.group(1)) if found else None


def speaks_of_a_year(value: Any) -> bool:
    """True for a heading that names a budget year in some way ("2030 i alt", "BO3"), so that
    a column the import cannot place is refused rather than skipped: its amounts would be
    missing without a word."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return True
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return 1900 <= value < 2100
    return isinstance(value, str) and _YEARISH.search(normal(value)) is not None


def header_row(sheet: Sheet) -> int:
    """The row of a table sheet's headings: the first of its first ``TITLE_ROWS`` rows with
    two or more cells that name a column of the sheet ("id", "titel", "år 1" …), else its
    first row. A budget office's sheet often has a title and a blank row above them."""
    rows = sheet.rows()
    if not rows:
        return 1
    return next((row for row in rows[:TITLE_ROWS] if _names_columns(sheet, row)), rows[0])


def late_header_row(sheet: Sheet, look: int = 50) -> int | None:
    """The row of a table sheet's headings when it stands below the first ``TITLE_ROWS`` rows
    (within ``look`` rows), where ``header_row`` does not look; None when there is none. A
    sheet with a long note above its table was told that its columns were missing "in row 1"."""
    return next((row for row in sheet.rows()[TITLE_ROWS:look] if _names_columns(sheet, row)), None)


def _names_columns(sheet: Sheet, row: int) -> bool:
    """True for a row with two or more cells that name a column of the sheet: its headings."""
    known = lookup(sheet.name)
    names = [
        header_key(cell.value)
        for (r, _), cell in sheet.cells.items()
        if r == row and isinstance(cell.value, str)
    ]
    return sum(1 for name in names if name in known) >= 2


def _is_heading(sheet: Sheet, cell: Cell) -> bool:
    """True for a cell that can only be a heading: a column's name or a budget year."""
    if cell.formula is not None or cell.error is not None:
        return False
    if isinstance(cell.value, str) and header_key(cell.value) in lookup(sheet.name):
        return True
    return speaks_of_a_year(cell.value)


def _within(merged: str, top: int, bottom: int) -> bool:
    """True for a merged range ("A3:A4") that lies in rows ``top`` to ``bottom``."""
    cells = cell_range(merged)
    return cells is not None and top <= cells[0][0] and cells[1][0] <= bottom


@dataclasses.dataclass(frozen=True)
class JoinedHeading:
    """A sheet whose heading of two rows is read as one (see ``join_heading_rows``)."""

    sheet: Sheet
    """The sheet with the lower heading row's cells moved up into the row of headings (each
    cell keeps its own place, so messages still name the cell where it stands)."""
    bands: tuple[Cell, ...] = ()
    """Cells of the upper row that a heading under them replaced ("Beløb i 1.000 kr.")."""


def join_heading_rows(sheet: Sheet) -> JoinedHeading:
    """``sheet`` with a heading of two rows read as one row.

    The row under the row of headings (``header_row``) is the heading's second row when every
    cell in it is a heading (a column's name or a budget year) and at least one of them stands
    under a cell that is not: a band such as "Beløb i 1.000 kr." over the years, or nothing
    because "Nr." was merged down from the row above. Each column then takes its heading from
    the lower row where it has one, else from the upper row. A sheet without such a second row
    is returned as it is.
    """
    top = header_row(sheet)
    below = top + 1
    lower, upper = sheet.row_cells(below), sheet.row_cells(top)
    if not lower or not all(_is_heading(sheet, cell) for cell in lower.values()):
        return JoinedHeading(sheet)
    if all(c in upper and _is_heading(sheet, upper[c]) for c in lower):
        return JoinedHeading(sheet)  # two full rows of headings: the second is not a part
    cells = {key: cell for key, cell in sheet.cells.items() if key[0] != below}
    bands = []
    # the merged ranges within the two heading rows are read, not refused
    inside = [m for m in sheet.merged if _within(m, top, below)]
    over: dict[int, Cell] = {}
    for merged in inside:
        cells_of = cell_range(merged)
        if cells_of is None or cells_of[0][0] != top or cells_of[1][0] != top:
            continue
        band = upper.get(cells_of[0][1])
        for column in range(cells_of[0][1], cells_of[1][1] + 1):
            if band is not None:
                over[column] = band
    for column, cell in lower.items():
        if column in upper:
            bands.append(upper[column])
            over.setdefault(column, upper[column])
        cells[(top, column)] = cell
    for column in sorted(lower):
        # a band not merged but written over the first year only ("Årsværk" in I1 over I–L)
        after_year = heading_year(lower.get(column - 1, lower[column]).value) is not None
        year = heading_year(lower[column].value) is not None and after_year
        if year and column not in over and column not in upper and column - 1 in over:
            over[column] = over[column - 1]
    joined = dataclasses.replace(
        sheet,
        cells=cells,
        merged=[m for m in sheet.merged if m not in inside],
        bands={c: band for c, band in over.items() if c in lower},
    )
    return JoinedHeading(joined, tuple(bands))


def stated_unit(text: Any) -> str | None:
    """The unit a title or a heading names ("Beløb i 1.000 kr." → "1.000 kr."), or None."""
    if not isinstance(text, str):
        return None
    for found in _UNIT_PHRASE.finditer(text):
        unit = found.group(0).strip()
        before = text[: found.start()].casefold()
        bare = unit.casefold().rstrip(".") in ("kr", "kroner", "dkk")
        if bare and not before.endswith(("i ", "(", "i\xa0")):
            continue  # a bare "kr." counts only as "beløb i kr." or "(kr.)", not "Kr. …"
        return unit
    return None


def stated_units(sheet: Sheet, bands: tuple[Cell, ...] = ()) -> list[tuple[Cell, str]]:
    """The cells that name the unit of the amounts, with the unit each names: title rows
    above the headings, ``bands`` over the years, and year headings such as "2027 (1.000
    kr.)", in sheet order. A heading of another column ("Takst (kr.)") does not count, nor a
    unit whose size is not known (``is_known_unit``)."""
    top = header_row(sheet)
    found: list[tuple[Cell, str]] = []
    candidates = [
        cell
        for (row, _), cell in sorted(sheet.cells.items())
        if row < top or (row == top and heading_year(cell.value) is not None)
    ]
    for cell in [*candidates, *bands]:
        unit = stated_unit(cell.value)
        if unit is not None and is_known_unit(unit):
            found.append((cell, unit))
    return found


SUM_FORMULA = re.compile(r"=\s*(?:sum|summer|subtotal|subtotaler)\s*\(", re.IGNORECASE)
"""A formula that adds up cells above it: =SUM(F4:F6), =SUBTOTAL(9;F4:F6), Danish =SUMMER(…)."""
