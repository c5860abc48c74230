"""What interpreting a catalogue has found so far (``Reading``): its problems, each ranked by
sheet and cell so that they are said in the workbook's order, its warnings, the cells read
and what one sheet tells the reading of another (headings by budget year, hidden rows).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.catalogue.cells import Cell
from game.catalogue.columns import (
    DATA_SHEETS,
    ENGLISH_NAMES,
    ENGLISH_SHEETS,
    english_label,
    label,
    sheet_key,
)
from game.catalogue.sheets import Catalogue, CatalogueProblem, Scaled, Sheet
from game.messages import Message

ROW_SPAN = 1_000
SHEET_SPAN = 100_000 * ROW_SPAN
KIND_WORDS = {"saving": "besparelse", "efficiency": "effektivisering", "investment": "investering"}


REMARKS = frozenset({"bemærkning", "bemærkninger"})
"""Headings read as the card's text that often hold a budget office's internal remarks."""


@dataclass
class Found:
    """A problem at a cell (or a sheet) before it is written as a line."""

    rank: int
    problem: CatalogueProblem


@dataclass
class Reading:
    """What interpreting a catalogue has found so far."""

    catalogue: Catalogue
    problems: list[Found] = field(default_factory=list)
    warnings: list[CatalogueProblem] = field(default_factory=list)
    places: dict[int, tuple[Sheet, Cell]] = field(default_factory=dict)
    reported: set[tuple[str, int, str]] = field(default_factory=set)
    """(sheet, row, field) of every cell already reported, so the loader does not repeat it."""
    read: set[tuple[str, str]] = field(default_factory=set)
    """(sheet, cell) of every cell read for a field."""
    empty: set[str] = field(default_factory=set)
    """Sheets reported as having no rows."""
    year_gaps: set[str] = field(default_factory=set)
    """Sheets whose amount headings skip a year (said once, at the heading)."""
    year_headers: dict[tuple[str, int], str] = field(default_factory=dict)
    """(sheet, row) → the first year written as a column heading in that row (2027)."""
    respelled: list[tuple[str, str]] = field(default_factory=list)
    """Ids written with æ, ø, å or spaces, and the ids they became ("Æ-1" → "Ae-1")."""
    titled: list[tuple[str, str]] = field(default_factory=list)
    """Titles written where an id goes (a scenario's list, 'kræver', 'udelukker') and the id
    of the one card with that title they were read as."""
    decimal_ids: list[tuple[str, str]] = field(default_factory=list)
    """Lists whose "3,1" was read as the proposal numbered 3.1 (``rows._decimal_ids``)."""
    effect_headers: dict[str, dict[int, str]] = field(default_factory=dict)
    """Sheet → amount column index → its heading, where the sheet heads them by budget year
    or in English ("Year 2")."""
    headed: set[tuple[str, str, int]] = field(default_factory=set)
    """(sheet, field, amount index) of every column a sheet heads, however it heads it."""
    own_headers: dict[str, dict[str, str]] = field(default_factory=dict)
    """Sheet → field → its heading where the sheet heads it in English ("Type", "events per
    round"): messages name the column so, not by the template's Danish 'slags'."""
    unit_blank_at: tuple[Sheet, Cell] | None = None
    """The cell of the 'enhed' value on Om kataloget when it is left empty: what follows from
    the unit (a typical card far too large for mio. kr.) is said there."""
    areas_at: str = ""
    """Where the proposals' areas are headed ("katalog.xlsx:Forslag!D1"): what is said of the
    areas as a whole (none is a welfare area) is said there."""
    unit: str = "mio. kr."
    """The deck's unit as 'Om kataloget' writes it (for messages about amounts)."""
    unit_written: str = ""
    """The 'enhed' cell as it is written ("m DKK", which the deck writes "mio. kr."): quoted
    so in messages that name the cell."""
    rows_per_year: bool = False
    """True when the proposals' sheet has one row per proposal and year (said once): the
    loader's "id findes allerede" of those rows is held back."""
    scaled_refused: set[tuple[str, str]] = field(default_factory=set)
    """(sheet, cell) of the amounts refused because their number format shows kroner in
    another unit than ``unit`` (``rows.refuse_scaled``)."""
    scaled_mismatch: list[tuple[Sheet, tuple[Scaled, ...]]] = field(default_factory=list)
    """Amounts read as shown although their number format divides kroner for another unit
    than ``unit``, per sheet: refused instead of the unit, when the deck's typical card says
    the unit is wrong (a whole column of kroner shown in mio. kr. in a catalogue in t. kr.)."""
    converted: list[tuple[Sheet, Cell, Any]] = field(default_factory=list)
    """Amount cells with another unit written after the number, and the value they became."""
    sheet_numbers: dict[tuple[str, str], Any] = field(default_factory=dict)
    """(file, sheet) → how the sheet writes its amounts (``rows.SheetNumbers``)."""
    typical_amount: float | None = None
    """The proposals' sheet's typical amount that reads one way (``rows.SheetNumbers``)."""
    asked: list[tuple[Sheet, Cell, str, dict[str, Any]]] = field(default_factory=list)
    """The amounts that read two ways a thousand apart and were asked about: (sheet, cell,
    message key, its parameters), said once per sheet (``rows.say_asked``)."""
    budget_years: dict[str, str] = field(default_factory=dict)
    """Sheet → the first year of its amount columns headed by budget years ("2027", "2028" …):
    every row without its own 'fra budgetår' is tied to those years."""
    budget_year_cells: dict[str, Cell] = field(default_factory=dict)
    """Sheet → the heading of its first budget-year column (where a problem with it is said)."""
    said_headings: set[tuple[str, str]] = field(default_factory=set)
    """(sheet, cell) of headings already refused with a problem of their own."""
    hidden_cards: dict[str, dict[str, str]] = field(default_factory=dict)
    """Sheet → the ids on its hidden rows, each with its kind ("saving" …, "" if none)."""
    hidden_warnings: dict[str, tuple[CatalogueProblem, int]] = field(default_factory=dict)
    """Sheet → the warning naming its hidden rows and its place (made a problem when the rest
    of the catalogue needs those rows)."""
    follow_ons: dict[str, list[str]] = field(default_factory=dict)
    """Sheet → the ids named elsewhere that stand on its hidden rows, or, for a sheet that was
    not read at all, the ids named elsewhere that could not be checked (one line says so)."""
    kinds_hidden: dict[str, list[str]] = field(default_factory=dict)
    """Scenario → the kinds it lacks only because their proposals stand on hidden rows."""
    resembling: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    """(sheet, field) → the cell and text of a skipped heading that looks like that field's
    column ("Konsekvens for service"), so that a summary of the field's empty cells names
    the skipped column instead of calling the cells empty."""
    years_misplaced: bool = False
    """True when the year columns start before the scenarios' first year: the amounts are read
    one year off, so the sign checks' advice (which the shift causes) is not given."""

    @property
    def english(self) -> bool:
        """True for a workbook whose data sheets are named in English ("Proposals"): messages
        name its sheets and columns in English where the workbook has none of its own."""
        english = {sheet_key(name) for name in ENGLISH_SHEETS}
        return any(
            sheet_key(sheet.title) in english
            for sheet in self.catalogue.sheets.values()
            if sheet.title
        )

    def sheet_words(self, name: str) -> str:
        """The data sheet ``name`` as the workbook names it ("Proposals"), or, where it has no
        such sheet, as a message names it: in English for an English workbook."""
        sheet = self.catalogue.sheets.get(name)
        if sheet is not None:
            return sheet.shown
        return ENGLISH_NAMES.get(name, name) if self.english else name

    def header_words(self, sheet: str, field_name: str, index: int | None = None) -> str:
        """The column of ``field_name`` on ``sheet`` as the sheet heads it where it heads it
        in English ("Year 2", "Type"), else in English for an English workbook ("events per
        round"), else the template's Danish heading ("år 2")."""
        if field_name == "effect" and index is not None:
            own = self.effect_headers.get(sheet, {}).get(index)
        else:
            own = self.own_headers.get(sheet, {}).get(field_name)
        if own:
            return own
        if (sheet, field_name, index or 0) in self.headed:
            return label(sheet, field_name, index)  # headed in Danish: as the template does
        if self.english:
            return english_label(field_name, index)
        return label(sheet, field_name, index)

    def line(self, sheet: Sheet, cell: Cell) -> int:
        number = (DATA_SHEETS.index(sheet.name) + 1) * SHEET_SPAN
        number += cell.row * ROW_SPAN + min(cell.column, ROW_SPAN - 1)
        self.places[number] = (sheet, cell)
        return number

    def add(
        self,
        sheet: Sheet,
        cell: Cell | None,
        said: Message | str,
        at: str | None = None,
        **params: Any,
    ) -> None:
        """A problem at ``cell`` (or at the range ``at``, or at the sheet): the message
        ``said``, or its key and ``params``."""
        rank = DATA_SHEETS.index(sheet.name) + 1 if sheet.name in DATA_SHEETS else 0
        number = rank * SHEET_SPAN
        if cell is not None:
            number = self.line(sheet, cell)
            at = at or cell.ref
        message = said if isinstance(said, Message) else Message.of(said, **params)
        self.problems.append(Found(number, CatalogueProblem(sheet.where(at or ""), message)))

    def after_sheet(self, name: str, said: Message) -> None:
        """A problem that sums up lines of the sheet ``name``: said after them."""
        number = (DATA_SHEETS.index(name) + 2) * SHEET_SPAN - 1
        self.problems.append(Found(number, CatalogueProblem(self.catalogue.label, said)))

    def whole(self, said: Message | str, **params: Any) -> None:
        """A problem of the catalogue as a whole (named by its file)."""
        message = said if isinstance(said, Message) else Message.of(said, **params)
        self.problems.append(Found(0, CatalogueProblem(self.catalogue.label, message)))
