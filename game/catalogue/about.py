"""The "Om kataloget" sheet: the deck's header (id, title, unit, welfare areas …) written as
rows of a name and a value; names the import does not know are said (``unknown_heading``).
"""

from __future__ import annotations

from typing import Any

from game.catalogue.cells import Cell, CellError, read
from game.catalogue.columns import ABOUT, ABOUT_ROWS, ALIASES, normal
from game.catalogue.reading import Reading
from game.catalogue.rows import LIST_READERS, split_list, unknown_heading
from game.catalogue.sheets import Sheet
from game.content.yamlsafe import YamlDocument
from game.messages import Message

HEADER_WORDS = ("felt", "navn", "field")
"""What the first cell of the sheet's header row says (the template: felt, værdi, forklaring)."""


def read_about(reading: Reading, sheet: Sheet) -> YamlDocument | None:
    """The deck's header from "Om kataloget" (column A the name, B the value) as a document
    for the loader, each value's line its cell; every problem is added to ``reading``."""
    names = {normal(row.field): row for row in ABOUT_ROWS}
    names.update({normal(row.header): row for row in ABOUT_ROWS})
    by_field = {row.field: row for row in ABOUT_ROWS}
    for alias, field_name in ALIASES.get(ABOUT, {}).items():  # "Schema version"
        if field_name in by_field:
            names.setdefault(normal(alias), by_field[field_name])
    header: dict[str, Any] = {}
    document = YamlDocument(sheet.file, {"deck": header})
    first = Cell(1, 1, None)
    document.value_lines[("deck",)] = reading.line(sheet, first)
    seen: dict[str, Cell] = {}
    # the template's own header row ("felt;værdi;forklaring") says how wide a row is: its third
    # column is the explanation, not a list split by its semicolons (a trial's CSV of the
    # template's own sheet was refused at every row)
    width = 2
    for row in sheet.rows():
        heading = sheet.cells.get((row, 1))
        if (
            heading is not None
            and heading.formula is None
            and normal(heading.value) in HEADER_WORDS
        ):
            width = max(2, max(sheet.row_cells(row)))
            break
    for row in sheet.rows():
        key = sheet.cells.get((row, 1))
        value = sheet.cells.get((row, 2))
        if key is None:
            if value is not None:
                reading.add(sheet, value, "catalogue.value_no_name")
            continue
        name = normal(key.value) if key.formula is None else ""
        if name in HEADER_WORDS:
            continue  # the sheet's header row
        spec = names.get(name)
        if spec is None:
            what = Message.of("catalogue.what.field")
            unknown_heading(reading, sheet, key, [r.header for r in ABOUT_ROWS], what)
            continue
        if spec.field in seen:
            reading.add(sheet, key, "catalogue.twice", header=spec.header, ref=seen[spec.field].ref)
            continue
        seen[spec.field] = key
        where = value if value is not None else Cell(row, 2, None)
        document.key_lines[("deck", spec.field)] = reading.line(sheet, where)
        beyond = [c for c in sheet.row_cells(row) if c > width]
        if sheet.separator == ";" and beyond and value is not None:
            # "velfærdsområder;Ældre; Sundhed; Skole": the list split by its semicolons,
            # of which only the first part would be read
            if spec.reader in LIST_READERS:
                split_list(reading, sheet, spec, row, 2, max(beyond))
            else:
                at = sheet.cells[(row, min(beyond))]
                reading.add(sheet, at, "catalogue.csv_row_split", count=max(beyond), width=width)
            reading.reported.add((sheet.name, 0, spec.field))
            continue
        if value is None:
            if spec.required:
                reading.add(sheet, where, "catalogue.empty_value", header=spec.header)
                reading.reported.add((sheet.name, row, spec.field))
            continue
        reading.read.add((sheet.name, value.ref))
        try:
            header[spec.field] = read(spec, value)
        except CellError as error:
            reading.add(sheet, value, error.said)
            reading.reported.add((sheet.name, 0, spec.field))
    for spec in ABOUT_ROWS:
        if spec.required and spec.field not in seen:
            reading.add(sheet, None, "catalogue.about_missing", header=spec.header)
            reading.reported.add((sheet.name, 0, spec.field))
    return document
