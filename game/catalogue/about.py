"""The "Om kataloget" sheet: the deck's header (id, title, unit, welfare areas …) written as
rows of a name and a value; names the import does not know are said (``unknown_heading``).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from game.catalogue.cells import Cell, CellError, read
from game.catalogue.columns import ABOUT, ABOUT_ROWS, ALIASES, english_label, normal
from game.catalogue.reading import Reading
from game.catalogue.rows import LIST_READERS, split_list, unknown_heading
from game.catalogue.sheets import Sheet
from game.content.yamlsafe import YamlDocument
from game.messages import LANGUAGES, ByLanguage, Message, catalogue

HEADER_WORDS = ("felt", "navn", "field")
"""What the first cell of the sheet's header row says (the template: felt, værdi, forklaring)."""


def read_about(reading: Reading, sheet: Sheet) -> YamlDocument | None:
    """The deck's header from "Om kataloget" (column A the name, B the value) as a document
    for the loader, each value's line its cell; every problem is added to ``reading``."""
    names = {normal(row.field): row for row in ABOUT_ROWS}
    names.update({normal(english_label(row.field)): row for row in ABOUT_ROWS})
    names.update({normal(row.header): row for row in ABOUT_ROWS})
    by_field = {row.field: row for row in ABOUT_ROWS}
    for alias, field_name in ALIASES.get(ABOUT, {}).items():  # "Schema version"
        if field_name in by_field:
            names.setdefault(normal(alias), by_field[field_name])
    header: dict[str, Any] = {}
    document = YamlDocument(sheet.file, {"deck": header})
    danish = {normal(row.header) for row in ABOUT_ROWS}
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
        reading.headed.add((sheet.name, spec.field, 0))
        if name not in danish and isinstance(key.value, str):
            # "schema_version", "unit": the row named as the sheet names it in messages
            reading.own_headers.setdefault(sheet.name, {})[spec.field] = key.value.strip()
            spec = dataclasses.replace(spec, header=key.value.strip())
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
            named = reading.header_words(ABOUT, spec.field)
            reading.add(
                sheet,
                None,
                "catalogue.about_missing",
                header=named,
                english=_in_english(named, spec.field),
            )
            reading.reported.add((sheet.name, 0, spec.field))
    return document


def _in_english(header: str, field_name: str) -> ByLanguage:
    """The English name of a row the sheet lacks, for an English reader of a workbook named
    in Danish (" (or in English 'schema version')"); nothing where ``header`` is English."""
    english = english_label(field_name)
    texts = {lang: "" for lang in LANGUAGES}
    if normal(header) != normal(english):
        texts["en"] = catalogue("en").t("catalogue.in_english", name=english)
    return ByLanguage.of(**texts)
