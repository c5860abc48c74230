"""A catalogue as read from its file: named sheets of cells, before any cell is interpreted.

``Sheet`` holds the non-empty cells of one sheet (or of one CSV file) by position, and
``Catalogue`` the sheets of one import, with the problems found while opening the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import NamedTuple

from game.catalogue.cells import Cell
from game.messages import Message, render


class Scaled(NamedTuple):
    """A cell whose number format shows its number divided by 1.000 ``times`` times: the cell
    as read (its value as shown) and the format ("#.##0,,", ``times`` 2, shows 1.500.000 as
    1,5)."""

    cell: Cell
    times: int
    number_format: str


@dataclass(frozen=True)
class CatalogueProblem:
    """One problem of an import: where it is ("katalog.xlsx:Forslag!C12", a file, or "" for
    the import as a whole) and what it is, as a message worded in the reader's language."""

    where: str
    said: Message

    def text(self, lang: str = "da") -> str:
        """ "katalog.xlsx:Forslag!C12: message" in ``lang``."""
        worded = render(self.said, lang)
        return f"{self.where}: {worded}" if self.where else worded

    def __str__(self) -> str:
        return self.text()


@dataclass
class Sheet:
    """The non-empty cells of one sheet, by (row, column), both 1-based."""

    name: str
    """The part of the catalogue the sheet holds ("Forslag", …)."""
    file: str
    """The file as messages name it."""
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    merged: list[str] = field(default_factory=list)
    """Merged ranges, such as "B3:D3" (refused: a value must stand in each cell)."""
    struck_rows: list[tuple[int, str]] = field(default_factory=list)
    """Rows with a filled cell struck through (a rejected proposal kept so): read, and named
    with their first text."""
    collapsed_rows: list[int] = field(default_factory=list)
    """The ``hidden_rows`` hidden by a collapsed group (Excel's outline): not read either, and
    said as rows in a collapsed group."""
    hidden_rows: list[int] = field(default_factory=list)
    """Rows with content that Excel hides (filtered out or hidden by hand): not read."""
    from_formulas: list[tuple[str, str]] = field(default_factory=list)
    """(cell, formula) of the cells read as the value saved with their formula."""
    hidden_first: dict[int, tuple[int, str]] = field(default_factory=dict)
    """Each hidden row's first cell with content: (column, its text), to name the row by
    (a proposal's id, as a budget office's first column holds it)."""
    hidden_cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    """The non-empty cells of the hidden rows: not read as cards, but looked at to tell which
    of the catalogue's problems follow from the rows being hidden (an id named elsewhere)."""
    hidden_columns: list[int] = field(default_factory=list)
    """Columns with content that Excel hides: read (a warning names them)."""
    shown_scaled: dict[tuple[int, int], Scaled] = field(default_factory=dict)
    """(row, column) → the cells whose number format shows the number divided by 1.000
    ("#.##0,") or 1.000.000 ("#.##0,,"), in reading order: read as shown, and named in a
    warning (``rows.notes_on_cells_read``) – or refused, where the division does not match
    the catalogue's unit (looked up by place for each row's amounts)."""
    comments: list[tuple[int, str]] = field(default_factory=list)
    """(row, cell) of the cells with an Excel comment (a note): not read; those under the
    headings are named in a warning (the template's headings carry help as comments)."""
    kroner_ignored: list[str] = field(default_factory=list)
    """Cells whose number format writes "kr." after a number too small to be kroner (Excel's
    "Valuta"): read in the catalogue's unit, and named in a note."""
    unit_formatted: dict[str, tuple[str, float, str]] = field(default_factory=dict)
    """The amount cells whose number format writes a unit after the number ('#,##0 "t. kr."',
    or a "kr." format on kroner), read as if the unit were typed in them → the format, the
    number stored and the unit, so the note on their conversion names the format, not a text
    the cell never held."""
    shown_blank: list[tuple[str, str, float]] = field(default_factory=list)
    """(cell, number format, value) of the numbers other than 0 that their number format shows
    as nothing ("#.##0;;" hides a negative one): read as stored, and named in a warning."""
    bands: dict[int, Cell] = field(default_factory=dict)
    """Column → the band over it in a heading of two rows ("Årsværk" merged over I–L above
    2027 … 2030), where the heading under it was read instead (``join_heading_rows``)."""
    in_workbook: bool = True
    """True for a sheet of a workbook (cells are named "Forslag!C12"), false for a CSV file
    (cells are named "C12")."""
    separator: str = ""
    """The separator of a CSV file's fields (";", "," or a tab); "" for a workbook's sheet."""
    title: str = ""
    """The sheet's own name in the workbook when it is not ``name`` ("Proposals" for the
    part "Forslag"): messages name its cells by it."""
    _by_row: dict[int, list[int]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _indexed: int = field(default=-1, init=False, repr=False, compare=False)

    @property
    def shown(self) -> str:
        """The sheet's name as the office sees it ("Proposals", or the part's: "Forslag")."""
        return self.title or self.name

    def where(self, ref: str = "") -> str:
        """How a message names a cell (or the sheet itself when ``ref`` is empty):
        "katalog.xlsx:Forslag!C12" or "forslag.csv:C12"."""
        if not self.in_workbook:
            return f"{self.file}:{ref}" if ref else self.file
        return f"{self.file}:{self.shown}!{ref}" if ref else f"{self.file}:{self.shown}"

    def cell_name(self, ref: str) -> str:
        """A cell named inside a message, without the file's folder: "Forslag!C12" in a
        workbook, "forslag.csv:C12" in a CSV file (which has no sheets to name)."""
        if not self.in_workbook:
            return f"{PurePath(self.file).name}:{ref}"
        return f"{self.shown}!{ref}"

    def rows(self) -> list[int]:
        """The rows that hold anything, in order."""
        return sorted(self._index())

    def row_cells(self, row: int) -> dict[int, Cell]:
        """The cells of ``row`` by column, in column order (looked up in an index of the
        cells' places, so that reading a sheet of thousands of rows is not quadratic)."""
        return {column: self.cells[(row, column)] for column in self._index().get(row, [])}

    def _index(self) -> dict[int, list[int]]:
        """Row → its columns that hold a cell, made again when cells were added or removed."""
        if self._indexed != len(self.cells):
            index: dict[int, list[int]] = {}
            for row, column in sorted(self.cells):
                index.setdefault(row, []).append(column)
            self._by_row, self._indexed = index, len(self.cells)
        return self._by_row


@dataclass
class Catalogue:
    """The sheets of one import (one workbook, or one or more CSV files)."""

    label: str
    """The file as messages name it when no sheet is concerned."""
    sheets: dict[str, Sheet] = field(default_factory=dict)
    other_sheets: list[str] = field(default_factory=list)
    """Sheets of the workbook that are not part of the catalogue (shown in a hint)."""
    other_rows: dict[str, int] = field(default_factory=dict)
    """How many rows under the headings of each of ``other_sheets`` hold something."""
    hidden_sheets: dict[str, bool] = field(default_factory=dict)
    """The ``other_sheets`` that Excel hides → True when "very hidden" (no menu shows it)."""
    other_texts: dict[str, frozenset[str]] = field(default_factory=dict)
    """The texts in the first rows of each of ``other_sheets`` (casefolded), so that a data
    sheet left as "Ark1" can be told to be renamed: its headings are the data sheet's."""
    problems: list[CatalogueProblem] = field(default_factory=list)
    """Problems found while opening the files."""
    notes: list[CatalogueProblem] = field(default_factory=list)
    """Warnings found while opening the files (the workbook is open in Excel)."""
    refused: dict[str, str] = field(default_factory=dict)
    """Data sheet → the file that should hold it but was refused (a CSV file named for the
    sheet, "forslag.csv", or the workbook whose sheet is over the limits): the sheet is not
    missing, and what names its cards is not checked. The key "" holds refused files whose
    name does not say which sheet they are."""
    in_workbook: bool = True
    """False for an import of CSV files."""
