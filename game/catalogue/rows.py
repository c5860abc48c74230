"""The sheets with one card per row (Forslag, Hændelser, Scenarier): the row of headings, each
row a card and each cell a field, amounts by year or by budget year, and the headings the
import does not know, said or skipped (``unknown_heading``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import math
import re
import statistics
from collections.abc import Callable, Sequence
from typing import Any

from game.catalogue.cells import (
    LIST_WORDS,
    Cell,
    CellError,
    column_letter,
    column_number,
    error_named,
    is_blank,
    minus_after,
    read,
    shortened,
    written_units,
)
from game.catalogue.columns import (
    COLUMNS,
    EVENTS,
    GUIDE,
    PROPOSALS,
    SCENARIOS,
    SECTION_OF,
    Column,
    english_heading,
    english_label,
    header_key,
    looks_like_amount_heading,
    lookup,
    normal,
)
from game.catalogue.headings import (
    SUM_FORMULA,
    TITLE_ROWS,
    TOTAL_ENDINGS,
    TOTAL_WORDS,
    accounts_heading,
    header_row,
    heading_year,
    late_header_row,
    overslag_number,
    speaks_of_a_year,
    totals_text,
)
from game.catalogue.reading import REMARKS, Reading
from game.catalogue.sheets import CatalogueProblem, Scaled, Sheet
from game.catalogue.wording import note_hidden_cards
from game.content.numbertext import amount_text, amounts_text, grouped
from game.content.plausibility import unit_in_words
from game.content.schema import AMOUNT_LIMIT, ID_PATTERN, unit_scale
from game.content.validation_messages import id_spelling
from game.content.yamlsafe import YamlDocument
from game.messages import LANGUAGES, ByLanguage, Message, catalogue
from game.numbers import AmountError, is_known_unit, parse_amount


def _year_of(value: Any) -> int | None:
    """A cell's budget year (2027 as a number or a text), or None."""
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    text = text.strip()
    return int(text) if text.isdigit() and len(text) == 4 and 1990 <= int(text) <= 2100 else None


def _joined(words: list[str]) -> ByLanguage:
    """Words joined as each reader joins them: "2, 3 og 4" / "2, 3 and 4"."""
    return ByLanguage.of(**{lang: catalogue(lang).join(words) for lang in LANGUAGES})


def _rows_per_year(reading: Reading, sheet: Sheet, header: int, rows: list[int]) -> None:
    """A catalogue laid out as a budget system exports it, one row per proposal and year
    (the id again on each row, the year in a column of its own): said once, at the second
    row of the first such proposal, with how the template lays it out. Before, the office
    was told "ukendt kolonne 'Budgetår'", and after renaming it 'fra budgetår', "forslag med
    id 'B1' findes allerede" three times (``Reading.rows_per_year`` holds those back)."""
    headings = sheet.row_cells(header)
    names = lookup(PROPOSALS)  # "Nr." and "Forslag" as the import reads them

    def headed(field: str) -> list[int]:
        return [
            c
            for c, cell in headings.items()
            if getattr(names.get(header_key(cell.value)), "field", None) == field
        ]

    ids, titles = headed("id"), headed("title")
    if not ids:
        return
    by_id: dict[str, list[int]] = {}
    for row in rows:
        cell = sheet.cells.get((row, ids[0]))
        if cell is not None and str(cell.value).strip():
            by_id.setdefault(str(cell.value).strip(), []).append(row)

    def title(row: int) -> str:  # two proposals given one id by mistake are not one's years
        cell = sheet.cells.get((row, titles[0])) if titles else None
        return str(cell.value).strip() if cell is not None else ""

    for pid, same in by_id.items():
        if len(same) < 2 or len({title(r) for r in same}) > 1:
            continue
        for column, heading in headings.items():
            years = [_year_of(getattr(sheet.cells.get((r, column)), "value", "")) for r in same]
            if column != ids[0] and None not in years and len(set(years)) == len(years):
                reading.add(
                    sheet,
                    sheet.cells[(same[1], ids[0])],
                    "catalogue.rows_per_year",
                    id=pid,
                    rows=_joined([str(r) for r in same]),
                    years=_joined([str(y) for y in years]),
                    column=shortened(str(heading.value).strip()),
                )
                reading.rows_per_year = True
                return


def read_table(reading: Reading, sheet: Sheet) -> YamlDocument | None:
    """A sheet of one card per row as a document for the loader (its section: proposals,
    events or scenarios), each value's line its cell; None when the sheet has no rows or
    no headings it can read. Every problem is added to ``reading``."""
    section = SECTION_OF[sheet.name]
    rows = sheet.rows()
    if not rows:
        if sheet.name != EVENTS:
            reading.add(sheet, None, _empty_text(sheet.name, "sheet"))
            reading.empty.add(sheet.name)
        return None
    header_row_ = header_row(sheet)
    skipped = [row for row in rows if row < header_row_]
    if skipped:
        shown = f"{skipped[0]}–{skipped[-1]}" if len(skipped) > 1 else str(skipped[0])
        count = "one" if len(skipped) == 1 else "many"
        said = Message.of(f"catalogue.title_rows.{count}", rows=shown, header=header_row_)
        reading.warnings.append(CatalogueProblem(sheet.where(), said))
    rows = [row for row in rows if row >= header_row_]
    if sheet.name == PROPOSALS:
        _rows_per_year(reading, sheet, header_row_, rows[1:])
    columns = _headers(reading, sheet, header_row_)
    if columns is None:
        return None
    note_hidden_cards(reading, sheet, columns)
    if sheet.name == PROPOSALS:
        areas = [c for c, spec in columns.items() if spec.field == "area"]
        if areas:
            reading.areas_at = sheet.where(Cell(header_row_, areas[0], None).ref)
    cards: list[dict[str, Any]] = []
    document = YamlDocument(sheet.file, {section: cards})
    split = False
    for row in rows[1:]:
        if _split_row(reading, sheet, header_row_, row, columns):
            split = True  # not read: its cells stand in the wrong columns
            continue
        first = _totals_cell(sheet, row, columns)
        if first is not None:
            # a totals row under the catalogue ("I alt"): not a proposal
            said = Message.of(
                "catalogue.totals_row",
                row=row,
                text=str(first[1].value).strip(),
                what=Message.of(f"catalogue.row_as.{section}"),
            )
            reading.warnings.append(CatalogueProblem(sheet.where(first[1].ref), said))
            continue
        subtotal = _sums_row(sheet, row, columns)
        if subtotal is not None:
            # a committee's subtotal ("Ældreudvalget" over =SUM(F4:F6) …): not a proposal, and
            # not "'id' er tom" three times, which asked to make a sum a proposal
            named, formula = subtotal
            label_text = (
                f" ('{shortened(str(named.value).strip())}')" if named.formula is None else ""
            )
            said = Message.of(
                "catalogue.sums_row",
                row=row,
                label=label_text,
                formula=shortened(formula),
                what=Message.of(f"catalogue.row_as.{section}"),
            )
            reading.warnings.append(CatalogueProblem(sheet.where(named.ref), said))
            continue
        inner_heading = _heading_cell(sheet, row, columns)
        if inner_heading is not None:
            text = shortened(str(inner_heading.value).strip())
            said = Message.of(
                "catalogue.section_row",
                row=row,
                text=text,
                what=Message.of(f"catalogue.row_as.{section}"),
            )
            reading.warnings.append(CatalogueProblem(sheet.where(inner_heading.ref), said))
            continue
        numbers = _numbers_only(sheet, row, columns)
        errors = [(cell, cell.error) for cell in numbers if cell.error is not None]
        if errors:
            # a stray error under the table (=E5/0 shown as #DIV/0!): each cell's own error,
            # not "'id' er tom", "'titel' er tom" … beside it as if it were a proposal
            for cell, code in errors:
                spec = columns.get(cell.column)
                name = f"'{spec.header}'" if spec is not None else cell.ref
                error = error_named(code)
                reading.add(sheet, cell, "catalogue.cell.error", name=name, error=error)
            numbers = [cell for cell in numbers if cell.error is None]
            if not numbers:
                continue
        if numbers:
            # a sum without its "I alt", or a card whose texts were forgotten: one problem at
            # the row (it is not skipped: it may be a proposal), not "'id' er tom" per column
            start, end = numbers[0].ref, numbers[-1].ref
            said = Message.of(
                "catalogue.numbers_only_row",
                row=row,
                cells=start if start == end else f"{start}:{end}",
            )
            reading.add(sheet, numbers[0], said)
            continue
        card = _card(reading, sheet, row, columns, document, (section, len(cards)))
        cards.append(card)
    if not cards:
        if sheet.name != EVENTS:
            if not split:  # the split rows are said, each with what to do
                reading.add(sheet, None, _empty_text(sheet.name, "headers_only"))
            reading.empty.add(sheet.name)
        return None
    return document


LIST_READERS = frozenset({"years", "numbers", "texts", "ids", "wholes"})
"""The readers of columns that hold a list in one cell ("2027; 2028; 2029")."""
_LOOKS_LIKE = {
    "years": re.compile(r"\s*(?:19|20)\d\d\s*"),
    "numbers": re.compile(r"\s*[-−–÷]?\s*[\d.,]*\d\s*(?:%)?\s*"),
    "wholes": re.compile(r"\s*\d+\s*"),
    "ids": re.compile(r"\s*[\w.-]+\s*"),
    "texts": re.compile(r".*\S.*"),
}
"""What one element of each kind of list looks like, split into a cell of its own."""


def _width(sheet: Sheet, header_row_: int) -> int:
    """The last column with a heading."""
    return max(sheet.row_cells(header_row_), default=0)


def _split_row(
    reading: Reading, sheet: Sheet, header_row_: int, row: int, columns: dict[int, Column]
) -> bool:
    """In a semicolon-separated file, a list written without quotes ("2027; 2028; 2029")
    is split by its semicolons into cells of its own, and the row has more fields than the
    headings. Says which column's list was split, over which cells, and how to write it –
    in quotes, or with commas – and returns True; False for a row without such cells."""
    width = _width(sheet, header_row_)
    values = sheet.row_cells(row)
    if sheet.separator != ";" or not values or max(values) <= width:
        return False
    last = max(values)
    extra = last - width
    fields = [values.get(c) for c in range(1, last + 1)]
    lists: list[tuple[Column, int, int]] = []  # (column, first field, number of fields)
    position = 0
    for column in range(1, width + 1):
        spec = columns.get(column)
        taken = 1
        if spec is not None and spec.reader in LIST_READERS:
            looks = _LOOKS_LIKE[spec.reader]
            while taken <= extra:
                following = fields[position + taken]
                if following is None or not looks.fullmatch(str(following.value)):
                    break
                taken += 1
            if taken > 1:
                lists.append((spec, position, taken))
        extra -= taken - 1
        position += taken
    if extra or not lists:  # the cells are not a list's: said once for the row
        at = values[min(c for c in values if c > width)]
        reading.add(sheet, at, "catalogue.csv_row_split", count=last, width=width)
        return True
    for spec, first, count in lists:
        split_list(reading, sheet, spec, row, first + 1, first + count)
    return True


def split_list(
    reading: Reading, sheet: Sheet, spec: Column, row: int, first: int, last: int
) -> None:
    """Say that the list of ``spec`` stands split over the columns ``first`` to ``last`` of
    ``row``, and how to write it so that it stays in one cell."""
    cells = [sheet.cells.get((row, column)) for column in range(first, last + 1)]
    parts = [str(cell.value).strip() for cell in cells if cell is not None]
    comma: Message | str = ""
    if spec.reader in ("years", "numbers", "ids", "wholes"):
        kind = "numbers" if spec.reader == "wholes" else spec.reader
        comma = Message.of(f"catalogue.csv_list_comma.{kind}", comma=", ".join(parts))
    said = Message.of(
        "catalogue.csv_list_split",
        header=spec.header,
        count=last - first + 1,
        cells=f"{column_letter(first)}{row}:{column_letter(last)}{row}",
        joined="; ".join(parts),
        comma=comma,
    )
    reading.add(sheet, cells[0] or Cell(row, first, None), said)


_CARD_ONLY_FIELDS = frozenset(
    {"text", "question", "source", "uncertainty", "failure", "load", "service", "fatigue"}
)
"""Fields a proposal's row fills and a totals row does not: its words (text, question, source)
and its own figures besides the amounts. The area is not among them: a committee's name is
often merged down over its subtotal row as well."""


def _totals_cell(sheet: Sheet, row: int, columns: dict[int, Column]) -> tuple[int, Cell] | None:
    """The cell that makes ``row`` a totals (or subtotal) row – text in one of its first three
    cells that begins with a word of ``TOTAL_WORDS`` or ends with one of ``TOTAL_ENDINGS`` –
    in a row without a kind or without an id (a proposal always has both; a subtotal of one
    kind may carry its kind), unless the row has a kind and an area or a proposal's own fields
    (``_CARD_ONLY_FIELDS``); None for any other row."""
    kind_columns = [c for c, spec in columns.items() if spec.field == "kind"]
    id_columns = [c for c, spec in columns.items() if spec.field == "id"]
    has_kind = any(sheet.cells.get((row, c)) is not None for c in kind_columns)
    has_id = any(sheet.cells.get((row, c)) is not None for c in id_columns)
    if has_kind and (has_id or not id_columns):
        return None
    described = any(
        sheet.cells.get((row, c)) is not None
        for c, spec in columns.items()
        if spec.field in _CARD_ONLY_FIELDS
    )
    has_area = any(
        sheet.cells.get((row, c)) is not None for c, spec in columns.items() if spec.field == "area"
    )
    if has_kind and (described or has_area):
        # "Samlet vagtplanlægning" with its kind, text and uncertainty but no id, or "Samlet
        # ledelse på skoleområdet" with its kind and area, was taken for a totals row and
        # dropped, while the import said OK: a row that names a kind and an area (or a
        # proposal's own fields) is a proposal, and the loader says its id is empty
        return None
    cells = list(sheet.row_cells(row).items())
    for column, cell in cells[:3]:
        if not isinstance(cell.value, str):
            continue
        if not totals_text(cell.value):
            continue  # "Ældreudvalget i alt", "Heraf engangsbeløb" are
        if has_id and column not in id_columns:
            # "B7 | | Samlet ledelse på skoleområdet": a proposal's own id beside a title that
            # begins with "Samlet" – dropped as a subtotal while the import said OK; read, and
            # the loader says its kind is empty
            return None
        return column, cell
    return None


def _sums_row(sheet: Sheet, row: int, columns: dict[int, Column]) -> tuple[Cell, str] | None:
    """A subtotal row: no id and no kind, and every amount cell it fills a sum formula
    (saved with its value or not). Returns the cell that names it (its first text, else its
    first sum) and the first sum's formula; None for any other row."""
    for c, spec in columns.items():
        if spec.field in ("id", "kind") and sheet.cells.get((row, c)) is not None:
            return None
    saved = dict(sheet.from_formulas)
    sums: list[tuple[Cell, str]] = []
    for c, spec in sorted(columns.items()):
        cell = sheet.cells.get((row, c))
        if spec.reader != "effect" or cell is None:
            continue
        formula = cell.formula or saved.get(cell.ref)
        if formula is None or not SUM_FORMULA.match(formula):
            return None
        sums.append((cell, formula))
    if not sums:
        return None
    texts = [c for c in sheet.row_cells(row).values() if isinstance(c.value, str) and not c.formula]
    return (texts[0] if texts else sums[0][0]), sums[0][1]


_NAMING_FIELDS = frozenset({"id", "title", "kind", "area"})
"""The fields that say what a row is; a row with none of them and only numbers is no card."""


def _numbers_only(sheet: Sheet, row: int, columns: dict[int, Column]) -> list[Cell]:
    """The cells of ``row`` when it holds only numbers (or formulas, or cells that show an
    error) and nothing in the columns that name a card (id, titel, slags, område), in column
    order; else []."""
    cells = list(sheet.row_cells(row).items())
    if not cells:
        return []
    for column, cell in cells:
        spec = columns.get(column)
        if spec is not None and spec.field in _NAMING_FIELDS:
            return []
        numeric = isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool)
        if not (numeric or cell.formula or cell.error is not None):
            return []
    return [cell for _, cell in cells]


def _heading_cell(sheet: Sheet, row: int, columns: dict[int, Column]) -> Cell | None:
    """The one text cell of a row that holds nothing else – a section heading inside the
    table ("ÆLDRE", "Børne- og Skoleudvalget") – or None."""
    cells = list(sheet.row_cells(row).values())
    if len(cells) != 1 or not isinstance(cells[0].value, str):
        return None
    spec = columns.get(cells[0].column)
    return cells[0] if spec is None or spec.reader != "effect" else None


def _empty_text(sheet: str, what: str) -> Message:
    rows = {PROPOSALS: "proposals", SCENARIOS: "scenarios"}.get(sheet, "other")
    return Message.of(
        "catalogue.empty",
        what=Message.of(f"catalogue.empty.{what}"),
        rows=Message.of(f"catalogue.row.{rows}"),
        guide=GUIDE,
    )


def _headers(reading: Reading, sheet: Sheet, row: int) -> dict[int, Column] | None:
    names = lookup(sheet.name)
    headers = [normal(spec.header) for spec in COLUMNS[sheet.name]]
    columns: dict[int, Column] = {}
    seen: dict[tuple[str, int], Cell] = {}
    meant: set[str] = set()
    twice: set[int] = set()
    heading = sheet.row_cells(row)
    official = {normal(spec.header) for spec in COLUMNS[sheet.name]} | {
        normal(spec.field) for spec in COLUMNS[sheet.name]
    }
    amounts_named = any(
        names.get(header_key(cell.value)) is not None
        and names[header_key(cell.value)].reader == "effect"
        for cell in heading.values()
    )
    read_here = sum(1 for c in heading.values() if header_key(c.value) in names)
    lower = late_header_row(sheet) if read_here < 2 else None
    if lower is not None:
        # the headings stand further down than the import looks: said where they are, and
        # the title in row 1 is not read as a row of headings ("'Råderumskatalog 2027-2030'
        # ligner et budgetår" came after it)
        reading.empty.add(sheet.name)
        reading.add(sheet, None, "catalogue.headings_too_low", row=lower, most=TITLE_ROWS)
        return None
    for column, cell in sorted(heading.items()):
        spec = names.get(header_key(cell.value)) if cell.formula is None else None
        # a budget office's own name ("Bemærkning" for 'tekst'): the column's own heading
        # wins when the sheet has both, and the other one is skipped
        shadow = next(
            (
                other
                for other in heading.values()
                if spec is not None
                and header_key(cell.value) not in official
                and header_key(other.value) in official
                and names.get(header_key(other.value)) is spec
            ),
            None,
        )
        if spec is not None and shadow is not None:
            shadowed = Message.of(
                "catalogue.alias_shadowed",
                text=shortened(str(cell.value).strip()),
                header=spec.header,
                ref=shadow.ref,
            )
            reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), shadowed))
            continue
        if (
            spec is None
            and sheet.name in (PROPOSALS, EVENTS)
            and (_construction_by_year(cell) or _band_of(sheet, cell) == "construction")
        ):
            # "Anlæg 2027", "Anlæg 2028", or 2027 … under a band "Anlæg": construction per
            # year, not operating amounts; the game has one anlæg per card, paid from the
            # anlægsramme when it is adopted
            built = [
                c
                for _, c in sorted(heading.items())
                if _construction_by_year(c) or _band_of(sheet, c) == "construction"
            ]
            if not reading.said_headings & {(sheet.name, c.ref) for c in built}:
                refused = Message.of("catalogue.construction_by_year", named=_named(sheet, [cell]))
                reading.add(sheet, cell, refused)
            reading.said_headings.add((sheet.name, cell.ref))
            continue
        if (
            spec is None
            and sheet.name == PROPOSALS
            and (_staff_by_year(cell) or _band_of(sheet, cell) == "staff")
        ):
            # "Årsværk 2027" … "Årsværk 2030", or 2027 … under a band "Årsværk": staff per
            # year, not amounts; said once, at the first, naming them all (before: "skriv
            # årstallet alene som overskrift", once a column, or "kolonnen '2027' står to
            # gange … anlægget skrives samlet i kolonnen 'anlæg'" under a band)
            staff = [
                c
                for _, c in sorted(heading.items())
                if _staff_by_year(c) or _band_of(sheet, c) == "staff"
            ]
            if not reading.said_headings & {(sheet.name, c.ref) for c in staff}:
                named = _named(sheet, staff[:6])
                last = shortened(str(staff[-1].value).strip())
                kept = next(
                    (
                        other
                        for other in heading.values()
                        if other.formula is None
                        and getattr(names.get(header_key(other.value)), "field", "") == "staff"
                    ),
                    None,
                )
                if kept is not None:
                    # 'Årsværk' beside 'ÅV 2028', 'ÅV 2029': renaming one would make two
                    kept_text = shortened(str(kept.value).strip())
                    said = Message.of(
                        "catalogue.staff_by_year_kept", named=named, text=kept_text, ref=kept.ref
                    )
                else:
                    said = Message.of("catalogue.staff_by_year", named=named, last=last)
                reading.add(sheet, cell, said)
            reading.said_headings.add((sheet.name, cell.ref))
            continue
        service = spec
        if spec is None and sheet.name in (PROPOSALS, EVENTS) and cell.formula is None:
            service = resembles(sheet, cell)  # "Konsekvenser for service"
        words = _words_below(sheet, row, cell) if getattr(service, "field", "") == "service" else []
        if words:
            # "Servicekonsekvens" with "Længere skolevej for ca. 120 elever": a description,
            # said once at its heading and skipped (before: an error for every row, or advice
            # to rename it 'service', which gave them)
            said = Message.of(
                "catalogue.service_words", text=shortened(str(cell.value).strip()), sample=words[0]
            )
            reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), said))
            reading.said_headings.add((sheet.name, cell.ref))
            continue
        if spec is None and sheet.name in (PROPOSALS, EVENTS) and cell.formula is None:
            spec = None if amounts_named else _budget_year_column(reading, sheet, cell)
        if spec is None and (sheet.name, cell.ref) in reading.said_headings:
            continue
        if spec is None:
            what = Message.of("catalogue.what.column", sheet=sheet.shown)
            close = unknown_heading(reading, sheet, cell, headers, what)
            if close is not None:
                meant.add(close)
            continue
        key = (spec.field, spec.index)
        if key in seen:
            text, other = (shortened(str(c.value).strip()) for c in (cell, seen[key]))
            if spec.reader == "effect" and heading_year(cell.value) is not None:
                # a band of years for drift and one for anlæg side by side ("2027 … 2030"
                # twice): said as such, with where anlæg goes
                twice_said = Message.of("catalogue.year_column_twice", text=text, ref=seen[key].ref)
            elif header_key(text) == header_key(spec.header) == header_key(other):
                twice_said = Message.of(
                    "catalogue.column_twice", header=spec.header, ref=seen[key].ref
                )
            else:
                # "Beskrivelse" and "Bemærkning" both read as 'tekst': named as the sheet names
                # them ("kolonnen 'tekst' står to gange" named a column the sheet did not have)
                twice_said = Message.of(
                    "catalogue.column_twice_alias",
                    text=text,
                    other=other,
                    header=spec.header,
                    ref=seen[key].ref,
                )
            reading.add(sheet, cell, twice_said)
            twice.add(column)  # said once at its heading, not again for every cell below
            continue
        seen[key] = cell
        columns[column] = spec
        reading.headed.add((sheet.name, spec.field, spec.index))
        if english_heading(sheet.name, cell.value) and isinstance(cell.value, str):
            # "Year 2", "Type": the column named as the sheet heads it, not as 'år 2', 'slags'
            own = cell.value.strip()
            columns[column] = dataclasses.replace(spec, header=own)
            if spec.reader == "effect":
                reading.effect_headers.setdefault(sheet.name, {})[spec.index] = own
            else:
                reading.own_headers.setdefault(sheet.name, {})[spec.field] = own
        if spec.field == "text" and header_key(cell.value) in REMARKS:
            # a budget office's remarks are often internal ("afventer MED-høring"): the card's
            # text is read out at the table and printed in the report
            remark = Message.of("catalogue.remark_as_text", text=shortened(str(cell.value).strip()))
            reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), remark))
    years = sorted(
        (spec.index, cell)
        for (field_name, index), cell in seen.items()
        for spec in [columns[cell.column]]
        if spec.reader == "effect"
    )
    # budget years beside 'år N' columns ("2027" … "2030" pasted over the template, its 'år 5'
    # and 'år 6' left): said at the first year, with what to do; a missing 'år 1' before them
    # is not said as well (it advised adding 'år 1', against the year's message)
    by_year = (sheet.name, row) in reading.year_headers
    if by_year:
        years = []
    for expected, (index, cell) in enumerate(years):
        if index != expected:  # "år 1, år 2, år 4": the heading 'år 3' is missing
            first_year = reading.budget_years.get(sheet.name)
            absent = reading.header_words(sheet.name, "effect", expected)
            if first_year is not None:  # "2027, 2028, 2030": the year 2029 is missing
                absent = str(int(first_year) + expected)
            reading.add(sheet, cell, "catalogue.year_column_gap", header=cell.value, missing=absent)
            reading.year_gaps.add(sheet.name)
            break
    absent_specs = [
        spec
        for spec in COLUMNS[sheet.name]
        if spec.required and (spec.field, spec.index) not in seen
    ]
    if absent_specs:
        reading.empty.add(sheet.name)  # no "the catalogue has no proposals" on top
    # named as the workbook would head them ('Year 1' beside 'Title'; ``header_words``);
    # budget years heading the amounts: the template's 'år N' are not missing
    missing = [
        reading.header_words(
            sheet.name, spec.field, spec.index if spec.reader == "effect" else None
        )
        for spec in absent_specs
        if normal(spec.header) not in meant
        and not (by_year and spec.header in _effect_headers(sheet.name))
    ]
    lower = late_header_row(sheet) if missing else None
    if lower is not None:
        # the headings stand further down than the import looks: said where they are
        reading.add(sheet, None, "catalogue.headings_too_low", row=lower, most=TITLE_ROWS)
    elif missing:
        names_text = ", ".join(f"'{name}'" for name in missing)
        count = "one" if len(missing) == 1 else "many"
        reading.add(
            sheet,
            None,
            f"catalogue.columns_missing.{count}",
            names=names_text,
            row=row,
            guide=GUIDE,
        )
    if sheet.name in reading.empty:
        return None
    for (cell_row, column), cell in sorted(sheet.cells.items()):
        known = column in columns or column in twice
        if sheet.separator == ";" and column > _width(sheet, row):
            continue  # a list split by its semicolons: said by _split_row, with what to do
        if cell_row > row and not known and not _skipped(reading, sheet, row, column):
            reading.add(sheet, cell, "catalogue.no_header_column", row=row)
            break
    return columns


def _effect_headers(sheet: str) -> set[str]:
    """The headers of the amount columns of ``sheet`` ('år 1' …)."""
    return {column.header for column in COLUMNS[sheet] if column.reader == "effect"}


def _budget_year_column(reading: Reading, sheet: Sheet, cell: Cell) -> Column | None:
    """The amount column a heading that is a budget year stands for ("2027" → 'år 1', "2028"
    → 'år 2' …: the phasing from the year of adoption), as budget tables write them; None for a
    heading that is not a year, or a year that cannot be placed (said by ``unknown_heading``)."""
    text = heading_year(cell.value)
    number = overslag_number(cell.value)
    if text is None and number is not None and sheet.name in reading.budget_years:
        text = str(int(reading.budget_years[sheet.name]) + number)  # "BO1" after "2027"
    if text is None:
        return None
    first = reading.budget_years.setdefault(sheet.name, text)
    index = int(text) - int(first)
    effect = [c for c in COLUMNS[sheet.name] if c.reader == "effect"]
    if index < 0:
        # "2030, 2029, 2028, 2027": the years in falling order (said once, at the first)
        if sheet.name not in reading.year_gaps:
            first_text = reading.effect_headers.get(sheet.name, {}).get(0, first)
            reading.add(
                sheet,
                cell,
                "catalogue.years_falling",
                text=shortened(str(cell.value).strip()),
                first=first_text,
            )
            reading.year_gaps.add(sheet.name)
        reading.said_headings.add((sheet.name, cell.ref))
        return None
    if not 0 <= index < len(effect):
        if first == text:
            del reading.budget_years[sheet.name]
        return None
    if index == 0:
        reading.budget_year_cells[sheet.name] = cell
        # an event has no budget year of its own: it acts from the year it is drawn
        key = "catalogue.budget_year_columns" + ("_events" if sheet.name == EVENTS else "")
        said = Message.of(key, first=first, second=int(first) + 1)
        reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), said))
    # messages about its cells name the column by its own heading ("'BO1 2028' skal være et
    # tal"), not by the template's 'år 2' that the sheet never wrote
    heading = str(cell.value).strip() if isinstance(cell.value, str) else text
    reading.effect_headers.setdefault(sheet.name, {})[index] = heading
    return dataclasses.replace(effect[index], header=heading)


_CONSTRUCTION_WORD = re.compile(r"(anlæg|anlaeg|anlægsudgift|anlægsbeløb)\b")
"""A heading that starts by naming construction ("Anlæg 2027")."""


def _construction_by_year(cell: Cell) -> bool:
    """True for a heading of construction in one year ("Anlæg 2027", "Anlæg BO1")."""
    if cell.formula is not None or not isinstance(cell.value, str):
        return False
    return bool(_CONSTRUCTION_WORD.match(normal(cell.value))) and speaks_of_a_year(cell.value)


_STAFF_WORD = re.compile(
    r"(?<!\w)(?:årsværk\w*|åv|fte|staff|personale|stillinger|ansatte|medarbejdere)(?!\w)"
)
"""A word that names staff in a heading ("Årsværk 2027", "ÅV 2028", "FTE 2029",
"Personale 2030") – not "Personaleudgifter"."""

_MONEY_WORD = re.compile(r"(?<!\w)(?:\w*udgift\w*|\w*besparelse\w*|løn\w*|kr|costs?|pay)(?!\w)")
"""A word that names money in a heading: "Besparelse på medarbejdere 2029", "Staff costs
2027" are amounts, not staff."""


def _names_staff(text: str) -> bool:
    """Whether a heading or band (``normal``-ized) counts staff, not money."""
    return bool(_STAFF_WORD.search(text)) and not _MONEY_WORD.search(text)


_BAND_CONSTRUCTION = re.compile(r"(?<!\w)(?:anlæg\w*|anlaeg\w*|construction|capital)(?!\w)")
"""A band that names construction over a set of years ("Anlæg", "Anlægsudgifter"; not
"Capitalised savings")."""


def _band_of(sheet: Sheet, cell: Cell) -> str | None:
    """What the band over a year heading names in a heading of two rows: "staff" under
    "Årsværk" (or "ÅV", "FTE", "Personale" …), "construction" under "Anlæg"; else None."""
    if cell.formula is not None or heading_year(cell.value) is None:
        return None
    band = sheet.bands.get(cell.column)
    if band is None or not isinstance(band.value, str):
        return None
    text = normal(band.value)
    if _names_staff(text):
        return "staff"
    if _BAND_CONSTRUCTION.search(text):
        return "construction"
    return None


def _named(sheet: Sheet, cells: list[Cell]) -> Message:
    """Headings named in a message: "'ÅV 2028', 'ÅV 2029'", or, under a band of a heading of
    two rows, "'2027', '2028' under 'Årsværk' (I1)"."""
    texts = ", ".join(f"'{shortened(str(c.value).strip())}'" for c in cells)
    band = sheet.bands.get(cells[0].column) if _band_of(sheet, cells[0]) else None
    if band is None:
        return Message.of("say", text=texts)
    band_text = shortened(str(band.value).strip())
    return Message.of("catalogue.under_band", named=texts, band=band_text, ref=band.ref)


_LEADING_NUMBER = re.compile(r"\s*[-−–+]?\s*\d")
"""A text that begins with a number ("-1 lidt", "−3 meget"): a service step with a word."""

_WORD = re.compile(r"[^\W\d_]{3,}")
"""A word of three letters or more: a cell that holds one is text, not a number."""


def _words_below(sheet: Sheet, row: int, heading: Cell) -> list[str]:
    """The texts under ``heading`` (in row ``row``), shortened, when most of its filled cells
    hold words and they describe ("Længere skolevej for ca. 120 elever", "Færre møder",
    "Ingen": a text of three words or more, or mostly different texts); else []. A column of
    numbers with a slip ("lidt") among them is read, and so is one of a few ratings ("Høj
    konsekvens", "Lav"): each is said at its cell, with the scale to write instead."""
    filled = [
        cell
        for (r, column), cell in sorted(sheet.cells.items())
        if r > row and column == heading.column and not is_blank(cell.value)
    ]
    texts = [
        shortened(str(cell.value).strip())
        for cell in filled
        if cell.formula is None
        and isinstance(cell.value, str)
        and _WORD.search(cell.value)
        and not _LEADING_NUMBER.match(cell.value)  # "-1 lidt": a number with a word after it
    ]
    if 2 * len(texts) <= len(filled):
        return []
    # words that describe ("Længere skolevej for ca. 120 elever", "Longer waits" in every
    # row), not ratings ("Høj", "Meget høj konsekvens"), which are said at their cells (before:
    # advice to rename the column 'service', which gave errors)
    described = [text for text in texts if not _RATING.fullmatch(normal(text))]
    return texts if described else []


_RATING = re.compile(
    r"(?:(?:meget|ret|very|fairly)\s+)?"
    r"(?:høj|lav|middel|mellem|stor|lille|ingen|nogen|begrænset|betydelig|moderat|mindre|større"
    r"|high|low|medium|moderate|none|minor|major|some|limited|significant|small|large|no)"
    r"(?:\s+(?:konsekvens|påvirkning|effekt|impact|effect|consequence))?"
)
"""A rating of how much a proposal touches the service ("Høj konsekvens", "Lav", "High"):
read as 'service' and refused at its cell with the scale, unlike a description."""


def _staff_by_year(cell: Cell) -> bool:
    """True for a heading that names staff and a budget year ("Årsværk 2027"): the staff of a
    year, not an amount – the deck has one figure of staff a proposal ('årsværk')."""
    if cell.formula is not None or not isinstance(cell.value, str):
        return False
    text = normal(cell.value)
    return _names_staff(text) and re.search(r"(?:19|20)\d\d", text) is not None


def years_before_the_scenarios(reading: Reading, data: dict[str, Any]) -> None:
    """A year column before a scenario's first budget year, when the columns after it cover
    the scenario's years too ("Budget 2026" before 2027 … 2030, often the base budget): the
    amounts under the years are the phasing from adoption, so 2026 would be read as the first
    year's amounts and 2027 as the second's. Said at the early column. A catalogue headed
    2026 … 2029 for a scenario 2027–2030 is the phasing of a budget made a year earlier and is
    read as such."""
    spans = [
        (int(years[0]), int(years[-1]))
        for scenario in data.get("scenarios") or []
        if isinstance(scenario, dict)
        for years in [scenario.get("years")]
        if isinstance(years, list) and years and all(str(y).isdigit() for y in years)
    ]
    for name, first in reading.budget_years.items():
        columns = reading.effect_headers.get(name, {})
        cell = reading.budget_year_cells.get(name)
        last = int(first) + max(columns, default=0)
        covered = [start for start, end in spans if int(first) < start and end <= last]
        if cell is None or not covered:
            continue
        start = min(covered)
        reading.add(
            reading.catalogue.sheets[name],
            cell,
            "catalogue.year_before_scenarios",
            text=shortened(str(cell.value).strip()),
            start=start,
            start_heading=columns.get(start - int(first), str(start)),
        )
        reading.years_misplaced = True


def _skipped(reading: Reading, sheet: Sheet, row: int, column: int) -> bool:
    """True for a column whose header was skipped with a warning or refused with a problem
    (its cells are ignored: the line at the heading says what to do)."""
    header = sheet.cells.get((row, column))
    if header is None:
        return False
    if (sheet.name, header.ref) in reading.said_headings:
        return True
    where = sheet.where(header.ref)
    return any(warning.where == where for warning in reading.warnings) or any(
        found.problem.where == where for found in reading.problems
    )


def names_from_year(text: str) -> bool:
    """True for a heading that names the proposals' 'fra budgetår' column."""
    spec = lookup(PROPOSALS).get(header_key(text))
    return spec is not None and spec.field == "effect_from_year"


def _card(
    reading: Reading,
    sheet: Sheet,
    row: int,
    columns: dict[int, Column],
    document: YamlDocument,
    path: tuple[str, int],
) -> dict[str, Any]:
    card: dict[str, Any] = {}
    first = min(sheet.row_cells(row), default=1)
    document.value_lines[path] = reading.line(sheet, sheet.cells[(row, first)])
    amounts: dict[int, tuple[Cell, Any]] = {}
    bad_amount = False
    for column, spec in sorted(columns.items()):
        cell = sheet.cells.get((row, column))
        if cell is None:
            if spec.required and spec.reader != "effect":
                empty = Cell(row, column, None)
                reading.add(sheet, empty, "catalogue.required_empty", header=spec.header)
                reading.reported.add((sheet.name, row, spec.field))
            continue
        line = reading.line(sheet, cell)
        reading.read.add((sheet.name, cell.ref))
        try:
            value = read(spec, cell, reading.unit)
        except CellError as error:
            reading.add(sheet, cell, error.said)
            reading.reported.add((sheet.name, row, spec.field))
            bad_amount = bad_amount or spec.reader == "effect"
            continue
        if spec.reader in _NUMBER_READERS and minus_after(cell):
            # "1.250-" (a minus after the number, as an accounting system exports it) is read
            # as negative, but never silently: a stray dash would turn a cost into a gain
            read_as = _read_as(value)
            shown = (
                ByLanguage.of(
                    **{
                        lang: f"{read_as.get(lang)} {unit_in_words(reading.unit).get(lang)}"
                        for lang in LANGUAGES
                    }
                )
                if spec.is_amount
                else read_as
            )
            said = Message.of(
                "catalogue.minus_after", text=shortened(str(cell.value).strip()), read=shown
            )
            reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), said))
        if spec.field == "target" and not _targets_one_way(reading, sheet, cell):
            reading.reported.add((sheet.name, row, spec.field))
            continue
        written = written_units(cell) if spec.is_amount else []
        if any(unit_scale(unit) != unit_scale(reading.unit) for unit in written):
            reading.converted.append((sheet, cell, value))
        if spec.reader == "id" and isinstance(value, str):
            value = _respelled(reading, value)
        elif spec.reader == "ids" and isinstance(value, list):
            # settled once every id and title is known (``settle_spaced_ids``): an id with a
            # space ("BU 03"), a title with a comma ("Rengøring, hver 3. uge") split in two
            value = [str(part) for part in value]
        if spec.reader == "effect":
            amounts[spec.index] = (cell, value)
            document.key_lines[(*path, "effect", spec.index)] = line
            continue
        card[spec.field] = value
        document.key_lines[(*path, spec.field)] = line
        if isinstance(value, list):
            for index in range(len(value)):
                document.key_lines[(*path, spec.field, index)] = line
    amount_columns = {c for c, spec in columns.items() if spec.reader == "effect"}
    if amounts and not bad_amount and not _text_amounts(reading, sheet, amounts, amount_columns):
        reading.reported.add((sheet.name, row, "effect"))
        bad_amount = True
    if any(spec.reader == "effect" for spec in columns.values()):
        _effect(reading, sheet, row, columns, amounts, bad_amount, card, document, path)
    # Amounts under budget years ("2027", "BO1 2028" …) are the proposal's phasing when it is
    # adopted in the first of them, as a budget table shows it; adopted later, the phasing
    # moves with it. Tied to the years instead, an investment adopted late would skip its
    # start-up cost and a phased saving its phase-in. A card tied to fixed years says so in
    # its own 'fra budgetår'.
    return card


_NUMBER_READERS = frozenset({"effect", "number", "numbers", "whole", "service", "share"})
"""The readers that read a cell as a number (``cells.number``), a minus after it included."""


def _spaced(part: object) -> bool:
    return isinstance(part, str) and any(ch.isspace() for ch in part)


ID_LISTS = {"proposals": ("excludes", "requires"), "scenarios": ("proposals", "events")}
"""The list fields of each section that name ids of the catalogue."""
ALL_WORDS = frozenset({"alle", "all", "alle forslag", "alle hændelser", "samtlige"})
"""What a scenario's list of proposals or events may say for "every card of the catalogue",
as an empty cell does ("ukendt hændelse 'Alle'" named it as an unknown id)."""


def settle_spaced_ids(reading: Reading, documents: list[YamlDocument]) -> None:
    """An item of an id list with a space in it is one id when the catalogue has it spelt
    so ("BU 03", the id column's "BU 03" made "BU-03"), ids separated by spaces when each of
    them is one ("E1 E2"), and else one id the loader names as unknown ("IN 1", not 'IN' and
    '1'); always respelled as ids are (``_respelled``)."""
    cards = [
        card
        for document in documents
        for section in ("proposals", "events")
        for card in document.data.get(section) or []
        if isinstance(card, dict)
    ]
    known = {card.get("id") for card in cards}
    by_title: dict[str, list[str]] = {}
    for card in cards:
        if isinstance(card.get("title"), str) and isinstance(card.get("id"), str):
            by_title.setdefault(normal(card["title"]), []).append(card["id"])

    def title_of(item: Any) -> str | None:
        """The id of the one card whose title ``item`` is ("Fælles indkøb" for 'E-01'), when
        it is no id itself: "ukendt forslag 'Faelles-indkoeb'" sent the office looking."""
        if id_spelling(str(item)) in known or str(item) in known:
            return None
        found = by_title.get(normal(str(item)), [])
        return found[0] if len(found) == 1 else None

    for document in documents:
        for section, fields in ID_LISTS.items():
            for index, card in enumerate(document.data.get(section) or []):
                for name in fields:
                    items = card.get(name) if isinstance(card, dict) else None
                    if (
                        section == "scenarios"
                        and isinstance(items, list)
                        and len(items) == 1
                        and normal(str(items[0])) in ALL_WORDS
                    ):
                        del card[name]  # the catalogue's every card, as an empty cell
                        continue
                    if not isinstance(items, list):
                        continue
                    settled: list[Any] = []
                    for item in _comma_titles(_decimal_ids(reading, items, known), title_of):
                        titled = title_of(item)
                        if titled is not None:
                            reading.titled.append((str(item), titled))
                            settled.append(titled)
                            continue
                        parts = [p for p in str(item).split() if p.casefold() not in LIST_WORDS]
                        many = _spaced(item) and id_spelling(item) not in known
                        if many and all(id_spelling(p) in known for p in parts):
                            settled += [_respelled(reading, part) for part in parts]
                        else:  # one id: known, or named whole as the unknown id it is
                            settled.append(_respelled(reading, item))
                    card[name] = settled
                    line = document.key_lines.get((section, index, name))
                    if line is not None:
                        for at in range(len(settled)):
                            document.key_lines[(section, index, name, at)] = line


def _decimal_ids(reading: Reading, items: list[Any], known: set[Any]) -> list[Any]:
    """``items`` (a list cell split at its commas) with "3" and "1" joined again as "3.1" when
    the catalogue numbers a proposal 3.1 (Danish Excel shows it as "3,1"): 'kræver' "3,1"
    was read as the proposals 3 and 1, without a word. Each join is noted for a warning
    (``Reading.decimal_ids``): "3, 1" may have meant two proposals."""
    joined: list[Any] = []
    index = 0
    while index < len(items):
        here = str(items[index]).strip()
        after = str(items[index + 1]).strip() if index + 1 < len(items) else ""
        if here.isdigit() and after.isdigit() and f"{here}.{after}" in known:
            joined.append(f"{here}.{after}")
            reading.decimal_ids.append((f"{here},{after}", f"{here}.{after}"))
            index += 2
        else:
            joined.append(items[index])
            index += 1
    return joined


def _comma_titles(items: list[Any], title_of: Callable[[Any], str | None]) -> list[Any]:
    """``items`` (a list cell split at its commas) with the runs that together are one card's
    title joined again: "Rengøring, hver 3. uge" under 'udelukker' was read as the unknown
    ids 'Rengoering' and 'hver-3.-uge'."""
    joined: list[Any] = []
    start = 0
    while start < len(items):
        for end in range(len(items), start + 1, -1):
            words = ", ".join(str(item).strip() for item in items[start:end])
            if title_of(words) is not None:
                joined.append(words)
                start = end
                break
        else:
            joined.append(items[start])
            start += 1
    return joined


def _respelled(reading: Reading, text: str) -> str:
    """An id as the deck may write it: a budget office's "Æ-1" or "ØK 3" becomes "Ae-1" and
    "OeK-3" (noted for one warning), an id that is fine stays, and one that no spelling makes
    an id is left for the loader to name."""
    if re.fullmatch(ID_PATTERN, text):
        return text
    spelled = id_spelling(text)
    if spelled is None:
        return text
    if (text, spelled) not in reading.respelled:
        reading.respelled.append((text, spelled))
    return spelled


OUT_OF_LINE = 100
"""How many times smaller or larger than every other amount of its row an amount written as
text may be before the import asks about it (a misread thousands sign is 1.000 times)."""


def _targets_one_way(reading: Reading, sheet: Sheet, cell: Cell) -> bool:
    """False (asked at the cell, never guessed) for targets typed as text that read two ways
    a thousand apart: in a catalogue in t. kr. or smaller units "1,000; 2,000" (1 and 2 t. kr.
    with a Danish decimal comma, no municipality's target; it was read so with a hint, where
    an amount written so stops the import); a list whose other targets are written the
    English way ("2.5; 5.25; 9.125; 14": 9.125 was read as 9.125 mio. kr.); and a thousands
    point in mio. kr. ("1.500; 3.000": 1,5 mia. kr.) unless the catalogue's amounts are in
    the thousands too (its unit is said instead)."""
    if not isinstance(cell.value, str):
        return True
    parts = [p.strip() for p in re.split(r"[;\n]", cell.value) if p.strip()]
    if not parts or not any(_reads_two_ways(p) for p in parts):
        return True
    if any(_DANISH_NUMBER.fullmatch(p) for p in parts):
        return True  # "1.000; 2.500,5": the Danish way for sure
    scale = unit_scale(reading.unit)
    english_only = [p for p in parts if _ENGLISH_NUMBER.fullmatch(p)]
    thousands = reading.typical_amount is not None and reading.typical_amount >= THOUSANDS_TYPICAL
    if scale >= 1000 and all(_COMMA_THOUSANDS.fullmatch(p) for p in parts):
        why = Message.of("catalogue.target_why.small", unit=unit_in_words(reading.unit))
    elif english_only:
        why = Message.of("catalogue.target_why.english", example=shortened(english_only[0], 20))
    elif scale < 1000 and any(_POINT_THOUSANDS.fullmatch(p) for p in parts) and not thousands:
        why = Message.of("catalogue.target_why.big", unit=unit_in_words(reading.unit))
    elif (odd := _target_out_of_line(parts)) is not None:
        # "800; 1,600; 2500": 1,6 beside 800 and 2500 was read without a word
        why = Message.of("catalogue.target_why.out_of_line", text=shortened(odd, 20))
    else:
        return True
    try:
        danish = [parse_amount(p, "da") for p in parts]
        english = [parse_amount(p, "en") for p in parts]
    except AmountError:
        return True  # said as the cell is read

    def listed(values: list[float]) -> ByLanguage:
        return ByLanguage.of(
            **{lang: "; ".join(grouped(v, lang) for v in values) for lang in LANGUAGES}
        )

    reading.add(
        sheet,
        cell,
        "catalogue.target_asked",
        text=shortened(cell.value.strip(), 40),
        unit=unit_in_words(reading.unit),
        read=listed(danish),
        english=listed(english),
        why=why,
        write="; ".join(_one_way(v) for v in english),
        write_danish="; ".join(_one_way(v) for v in danish),
    )
    return False


def _target_out_of_line(parts: list[str]) -> str | None:
    """The part of a list of targets that reads two ways a thousand apart and, the Danish
    way, stands ``OUT_OF_LINE`` times or more from the list's other targets while the English
    reading stands among them ("1,600" in "800; 1,600; 2500"); None when there is none."""
    plain = [p for p in parts if not _reads_two_ways(p)]
    try:
        others = sorted(abs(parse_amount(p, "da")) for p in plain)
    except AmountError:
        return None
    others = [v for v in others if v > 0]
    if not others:
        return None
    middle = others[len(others) // 2]

    def apart(value: float) -> bool:
        value = abs(value)
        return value == 0 or max(value, middle) / min(value, middle) >= OUT_OF_LINE

    for part in parts:
        if not _reads_two_ways(part):
            continue
        try:
            danish, english = parse_amount(part, "da"), parse_amount(part, "en")
        except AmountError:
            continue
        if apart(danish) and not apart(english):
            return part
    return None


_COMMA_THOUSANDS = re.compile(r"[-−–÷]?\s*\(?\s*[1-9]\d{0,2},\d{3}\s*\)?")
"""Text such as "1,500": 1,5 with a Danish decimal comma, 1.500 with an English thousands
comma (a leading 0, "0,518", is a decimal comma for sure)."""


_POINT_THOUSANDS = re.compile(r"[-−–÷]?\s*\(?\s*[1-9]\d{0,2}\.\d{3}\s*\)?")
"""Text such as "1.000": 1.000 with a Danish thousands point, 1 with an English decimal
point (the Danish reading is the one taken, unless the row's other amounts say otherwise)."""


def _times_shown(unit: str) -> int | None:
    """How many times a number format must divide kroner by 1.000 to show them in ``unit``
    (1 for t. kr., 2 for mio. kr., 0 for kr.); None for a unit the game does not know."""
    if not is_known_unit(unit):
        return None
    return round(math.log(1_000_000 / unit_scale(unit), 1000))


def _span(cells: Sequence[Scaled]) -> str:
    """The cells as a warning names them: "E2", or "E2–H4"."""
    first, last = cells[0].cell.ref, cells[-1].cell.ref
    return first if len(cells) == 1 else f"{first}–{last}"


def _in_kroner(reading: Reading, scaled: Scaled) -> float:
    """A scaled cell's number read as kroner, in the catalogue's unit: 1.500.000 shown as
    1,5 by "#,##0.0,," is 1.500 t. kr."""
    stored = float(scaled.cell.value) * 1000**scaled.times
    return float(stored / 1_000_000 * unit_scale(reading.unit))


def refuse_scaled(reading: Reading, sheet: Sheet, cells: Sequence[Scaled]) -> None:
    """The problem at the first of ``cells``, whose number format shows kroner in another
    unit than the catalogue's, when the catalogue's amounts say they are not meant as shown:
    the number stored, as shown, and what it is in the catalogue's unit if it is kroner –
    never guessed."""
    first = cells[0]
    shown = float(first.cell.value)
    said = Message.of(
        "catalogue.shown_scaled_other_unit." + ("one" if len(cells) == 1 else "many"),
        stored=amount_text(shown * 1000**first.times),
        shown=amount_text(shown),
        format=shortened(first.number_format),
        divisor=amount_text(1000.0**first.times),
        meant=amount_text(_in_kroner(reading, first)),
        unit=unit_in_words(reading.unit),
        cells=_span(cells),
        count=len(cells),
    )
    reading.add(sheet, first.cell, said)
    reading.scaled_refused.update((sheet.name, scaled.cell.ref) for scaled in cells)


def _scaled_warning(sheet: Sheet, cells: Sequence[Scaled]) -> CatalogueProblem:
    """The warning that ``cells`` (shown divided by 1.000 as often as the first of them) are
    read as shown."""
    suffix = "_millions" if cells[0].times >= 2 else ""
    count = "one" if len(cells) == 1 else "many"
    said = Message.of(
        f"catalogue.shown_scaled{suffix}.{count}", cells=_span(cells), count=len(cells)
    )
    return CatalogueProblem(sheet.where(), said)


def say_scaled_mismatch(reading: Reading) -> None:
    """The warnings for the amounts read as shown although their number format is of
    another unit than the catalogue's (``Reading.scaled_mismatch``), unless refused since."""
    for sheet, cells in reading.scaled_mismatch:
        if not any((sheet.name, c.cell.ref) in reading.scaled_refused for c in cells):
            reading.warnings.append(_scaled_warning(sheet, cells))


def notes_on_cells_read(reading: Reading, sheet: Sheet) -> None:
    """The notes on how a sheet's cells were read, counting only cells that were read (not a
    skipped totals row or column of sums): the values saved with formulas (one note, at the
    first of them: a catalogue's phasings are often formulas), the numbers a number format
    shows divided by 1.000, and the hidden columns that are read all the same."""

    def was_read(ref: str) -> bool:
        return (sheet.name, ref) in reading.read

    found = [(ref, f) for ref, f in sheet.from_formulas if was_read(ref)]
    if found:
        ref, formula = found[0]
        count = "one" if len(found) == 1 else "many"
        said = Message.of(
            f"catalogue.formulas_read.{count}", count=len(found), formula=shortened(formula)
        )
        reading.warnings.append(CatalogueProblem(sheet.where(ref), said))
    # cells shown divided by 1.000 and by 1.000.000 each named as what they are (one warning
    # said "divideret med 1.000.000" of cells that were divided by 1.000)
    expected = _times_shown(reading.unit)
    read = [
        scaled
        for scaled in sheet.shown_scaled.values()
        if was_read(scaled.cell.ref) and (sheet.name, scaled.cell.ref) not in reading.scaled_refused
    ]
    for times in sorted({scaled.times for scaled in read}):
        cells = tuple(scaled for scaled in read if scaled.times == times)
        if expected is not None and times != expected:
            # shown in another unit than the catalogue's, and in line with the row as shown
            # ("−1" among 2 and 4 mio. kr.): read as shown, unless the deck's typical card
            # then says the unit is wrong (refused then, else said: ``say_scaled_mismatch``)
            reading.scaled_mismatch.append((sheet, cells))
            continue
        reading.warnings.append(_scaled_warning(sheet, cells))
    blank = [found for found in sheet.shown_blank if was_read(found[0])]
    if blank:
        ref, number_format, value = blank[0]
        others = ", ".join(r for r, _, _ in blank[1:7]) + (" …" if len(blank) > 7 else "")
        said = Message.of(
            "catalogue.shown_blank." + ("many" if others else "one"),
            value=amount_text(value),
            format=shortened(number_format),
            count=len(blank),
            cells=others,
        )
        reading.warnings.append(CatalogueProblem(sheet.where(ref), said))
    ignored = [r for r in sheet.kroner_ignored if was_read(r)]
    if ignored:
        shown = ignored[0] if len(ignored) == 1 else f"{ignored[0]}–{ignored[-1]}"
        number = "one" if len(ignored) == 1 else "many"
        said = Message.of(
            f"catalogue.kroner_format_ignored.{number}", cells=shown, count=len(ignored)
        )
        reading.warnings.append(CatalogueProblem(sheet.where(), said))
    read_columns = {
        column_number(re.sub(r"\d", "", ref)) for name, ref in reading.read if name == sheet.name
    }
    hidden = sorted(c for c in sheet.hidden_columns if c in read_columns)
    if hidden:
        columns = ", ".join(_column_named(reading, sheet, c) for c in hidden)
        count = "one" if len(hidden) == 1 else "many"
        said = Message.of(f"catalogue.columns_hidden.{count}", columns=columns)
        reading.warnings.append(CatalogueProblem(sheet.where(), said))


def _column_named(reading: Reading, sheet: Sheet, column: int) -> str:
    """A column as a warning names it: its letter and its heading ("E ('2027')", the heading
    row of a sheet whose headings take two rows joined); the letter alone without one. (The
    amounts' headings the import keeps are counted by year, not by column: a hidden column E
    'Budget 2026' was named "E ('2031')", the sixth year's.)"""
    heading = sheet.cells.get((header_row(sheet), column))
    if heading is not None and heading.formula is None:
        # a date heading (Excel's 1-1-2027 shown as "2027") by its year, a text as written
        text = str(heading.value).strip()
        if isinstance(heading.value, (dt.date, dt.datetime)):
            text = heading_year(heading.value) or text
    else:
        return column_letter(column)
    return f"{column_letter(column)} ('{shortened(text)}')"


def converted_note(reading: Reading) -> None:
    """One note, at the first of them, naming the amount cells whose own unit was converted to
    the catalogue's ("−500 t. kr." read as −0,5 in mio. kr.), so no conversion is silent; and
    one for those whose number format shows their unit ("kr." on kroner, '#,##0 "t. kr."'):
    the unit is in the format, not in the cell ("-1500000 kr." was quoted as if typed)."""
    typed = [found for found in reading.converted if not _unit_format(*found[:2])]
    formatted = [found for found in reading.converted if _unit_format(*found[:2])]
    for key, converted in (("units_converted", typed), ("format_units_converted", formatted)):
        if not converted:
            continue
        sheet, cell, value = converted[0]
        others = [s.cell_name(c.ref) for s, c, _ in converted[1:]]
        shown = ", ".join(others[:6]) + (" …" if len(others) > 6 else "")
        text: ByLanguage | str = shortened(str(cell.value).strip())
        number_format, stored, shown_unit = sheet.unit_formatted.get(cell.ref, ("", 0.0, ""))
        if number_format:
            # the number the cell stores, in the reader's way, and the unit its format shows
            written = amount_text(stored)
            text = ByLanguage.of(
                **{lang: f"{written.get(lang)} {shown_unit}" for lang in LANGUAGES}
            )
        said = Message.of(
            f"catalogue.{key}." + ("many" if others else "one"),
            count=len(converted),
            text=text,
            format=shortened(number_format),
            read=_read_as(value),
            unit=unit_in_words(reading.unit),
            cells=shown,
        )
        reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), said))


def _unit_format(sheet: Sheet, cell: Cell) -> bool:
    """True for a cell whose unit its number format shows (not typed in it)."""
    return cell.ref in sheet.unit_formatted


def _read_as(value: Any) -> ByLanguage:
    """How a converted cell was read, for the note: one number, or the numbers of a list cell
    (a scenario's targets, "1,2 mio.; 4 mio.") separated by semicolons as the cell wrote them;
    each in the reader's way (``grouped``: "1.200")."""
    values = value if isinstance(value, list) else [value]
    return ByLanguage.of(
        **{lang: "; ".join(grouped(v, lang) for v in values) for lang in LANGUAGES}
    )


def _text_amounts(
    reading: Reading,
    sheet: Sheet,
    amounts: dict[int, tuple[Cell, Any]],
    amount_columns: set[int],
) -> bool:
    """Check the amounts of one row written as text, in two passes. First each text that
    reads as two numbers a thousand apart ("1,500": 1,5 the Danish way, 1.500 the English way;
    "1.313": 1.313 or 1,313) is settled by the row's amounts that read one way only – two such
    texts never vouch for each other – or asked at its cell (a problem, said once per sheet
    with the other cells named: ``say_asked``) where a guess could be a thousand times wrong:
    the row points to the English reading, the sheet writes other amounts only the English way
    ("-1.05"), a comma in a catalogue in t. kr. or kr., or a thousands point in one in mio. kr.
    (1.313 mio. kr. is 1,3 mia. kr.). A "1,500" in mio. kr. that nothing settles is read the
    Danish way – silently where the sheet writes its other amounts the Danish way ("-0,518")
    or the English reading is beyond the unit's limit, else with a warning. Then a text read
    far out of line with the row's other amounts that stand (1,5 among −500, −1.500 and
    −2.000 t. kr.) gets a warning saying how it was read; amounts asked about do not count.
    False after a problem."""
    fine = True
    numbers = _sheet_numbers(reading, sheet, amount_columns)
    english, danish_sheet = numbers.english, numbers.danish
    # a sheet whose amounts are in the thousands: a catalogue in t. kr. under 'mio. kr.'
    in_thousands = numbers.typical is not None and numbers.typical >= THOUSANDS_TYPICAL
    expected = _times_shown(reading.unit)
    scale = unit_scale(reading.unit)
    limit = AMOUNT_LIMIT * scale
    asked: set[int] = set()
    for index, (cell, value) in sorted(amounts.items()):
        scaled = sheet.shown_scaled.get((cell.row, cell.column))
        if scaled is not None and expected is not None and scaled.times != expected and value:
            # "#,##0.0,," shows 1.500.000 as 1,5 in a catalogue in t. kr.: among 1.500 and
            # 1.500 it was read as 1,5 t. kr., and the import said OK
            sizes = [abs(v) for i, (_, v) in amounts.items() if i != index and v]
            low, high = (min(sizes) / OUT_OF_LINE, max(sizes) * OUT_OF_LINE) if sizes else (0, 0)
            as_kroner = abs(_in_kroner(reading, scaled))
            if sizes and not low <= abs(value) <= high and low <= as_kroner <= high:
                refuse_scaled(reading, sheet, [scaled])
                asked.add(index)
                fine = False
            continue
        if not _two_ways(cell) or not isinstance(value, (int, float)) or not value:
            continue
        text = str(cell.value).strip()
        comma = bool(_COMMA_THOUSANDS.fullmatch(text))
        other = value * 1000 if comma else value / 1000  # the English reading
        # what settles it: the row's amounts that read one way only ("1,500", "-1,500" and
        # "-3,000" agree with each other either way, and so do "-1.313" and "-1.575")
        settled = [
            v for i, (c, v) in sorted(amounts.items()) if i != index and v and not _two_ways(c)
        ]
        sizes = [abs(v) for v in settled]
        danish_fits = bool(sizes) and _in_line(value, sizes)
        english_fits = bool(sizes) and _in_line(other, sizes)
        params = _asked_params(reading, sheet, text, value, other, comma)
        if danish_fits and not english_fits:
            continue  # "−1,050" among −0,518 and −1,313: the Danish way for sure
        why: Message | None = None
        if english is not None and not (comma and abs(other) > limit):
            # the sheet writes other amounts the English way: said of the whole sheet, with
            # what to do about the file, whatever the row says
            why = Message.of(
                "catalogue.asked_why.sheet",
                example=shortened(str(english.value).strip(), 20),
                cell=english.ref,
            )
        elif english_fits and not danish_fits:
            params["others"] = amounts_text(settled)
            why = Message.of("catalogue.asked_why.row_" + ("comma" if comma else "point"), **params)
        elif comma and abs(other) > limit:
            continue  # "-1,313" in mio. kr.: 1.313 mio. kr. is beyond any card
        elif not comma and scale < 1000 and not in_thousands:
            # "-1.000" in mio. kr. is 1 mia. kr. the Danish way: hardly a proposal, even on a
            # sheet that writes its other amounts the Danish way (a sheet of thousands is told
            # of its unit instead)
            why = Message.of("catalogue.asked_why.big", **params)
        elif danish_sheet:
            continue  # the sheet writes its other amounts the Danish way ("-0,518")
        elif comma and scale >= 1000:
            why = Message.of("catalogue.asked_why.small", **params)
        elif comma:
            reading.warnings.append(
                CatalogueProblem(
                    sheet.where(cell.ref), Message.of("catalogue.amount_read_danish", **params)
                )
            )
            continue
        else:
            continue  # "1.500" in t. kr.: the thousands point every Danish office writes
        params["why"] = why
        reading.asked.append((sheet, cell, "catalogue.amount_asked", params))
        asked.add(index)
        fine = False
    for index, (cell, value) in sorted(amounts.items()):
        if index in asked or not isinstance(cell.value, str) or _two_ways(cell):
            continue
        if not isinstance(value, (int, float)) or not value:
            continue
        # the amounts that stand: numbers, texts that read one way, texts settled above
        standing = [
            v for i, (_, v) in sorted(amounts.items()) if i != index and v and i not in asked
        ]
        sizes = [abs(v) for v in standing]
        if not sizes or _in_line(value, sizes):
            continue
        params = {
            "text": shortened(cell.value.strip(), 30),
            "read": amount_text(value),
            "unit": unit_in_words(reading.unit),
            "others": amounts_text(standing),
        }
        meant = value * 1000 if abs(value) < min(sizes) else value / 1000
        key = "catalogue.amount_out_of_line"
        if _in_line(meant, sizes):
            params["meant"] = amount_text(meant)
            # what to write without a separator that reads two ways: "1,250" in English
            # Excel is 1250, in Danish Excel 1,25
            params["write"] = ByLanguage.of(da=grouped(meant, "da"), en=f"{meant:.10g}")
            key += "_meant"
        said = Message.of(key, **params)
        reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), said))
    return fine


THOUSANDS_TYPICAL = 100.0
"""A sheet whose typical amount is this many mio. kr. or more holds amounts in t. kr.: its
"1.500" is not asked about (the unit's own check says what to change)."""


def _in_line(amount: float, sizes: Sequence[float]) -> bool:
    """Whether ``amount`` is within ``OUT_OF_LINE`` times the smallest and largest of
    ``sizes`` (positive)."""
    return min(sizes) / OUT_OF_LINE <= abs(amount) <= max(sizes) * OUT_OF_LINE


def _one_way(value: float) -> str:
    """``value`` as text that reads one way only: digits without a thousands separator and a
    decimal comma, with a true minus ("−1,313", "1500")."""
    text = f"{abs(value):.10g}".replace(".", ",")
    return f"−{text}" if value < 0 else text


def _asked_params(
    reading: Reading, sheet: Sheet, text: str, value: float, other: float, comma: bool
) -> dict[str, Any]:
    """The parameters of the question about a text that reads two ways: both readings, how
    each reads it, and what to write for either – as a number in a workbook, as text that
    reads one way in a CSV file (where every cell is text)."""
    # what to write for either: a number that reads one way as the import reads it (the
    # Danish way, for an English reader too): "1500", "−1,313" – not "1.500" again
    english_write, danish_write = _one_way(other), _one_way(value)
    style = "workbook" if sheet.in_workbook else "csv"
    return {
        "text": shortened(text, 30),
        "read": amount_text(value),
        "english": amount_text(other),
        "unit": unit_in_words(reading.unit),
        "how_danish": Message.of("catalogue.asked_how." + ("comma" if comma else "point")),
        "how_english": Message.of("catalogue.asked_how.english_" + ("comma" if comma else "point")),
        "write": english_write,
        "write_danish": danish_write,
        "prefer": Message.of(f"catalogue.asked_prefer.{style}"),
        "more": "",
        "advice": "",
    }


def say_asked(reading: Reading) -> None:
    """One problem per sheet for the amounts that read two ways and were asked about
    (``Reading.asked``): at the first of them, naming the others – a CSV saved by English
    software is one cause, not forty lines. On a sheet that writes other amounts the English
    way, it ends with what to do about the whole file."""
    by_sheet: dict[tuple[str, str], list[tuple[Sheet, Cell, str, dict[str, Any]]]] = {}
    for asked in reading.asked:
        by_sheet.setdefault((asked[0].file, asked[0].name), []).append(asked)
    for cells in by_sheet.values():
        sheet, cell, key, params = cells[0]
        others = [c.ref for _, c, _, _ in cells[1:]]
        more: Message | str = ""
        if others:
            shown = ", ".join(others[:6]) + (" …" if len(others) > 6 else "")
            more = Message.of(
                "catalogue.asked_more." + ("one" if len(others) == 1 else "many"),
                count=len(others),
                cells=shown,
            )
        why = params.get("why")
        english = isinstance(why, Message) and why.key == "catalogue.asked_why.sheet"
        advice = Message.of("catalogue.asked_advice.english") if english else ""
        reading.add(sheet, cell, Message.of(key, **{**params, "more": more, "advice": advice}))


def _two_ways(cell: Cell) -> bool:
    """Whether ``cell`` holds a text that reads as two numbers a thousand apart."""
    return isinstance(cell.value, str) and _reads_two_ways(cell.value)


def _reads_two_ways(text: str) -> bool:
    """Whether ``text`` reads as two numbers a thousand apart: "1,500" (1,5 or 1.500) or
    "1.313" (1.313 or 1,313)."""
    text = text.strip()
    return bool(_COMMA_THOUSANDS.fullmatch(text) or _POINT_THOUSANDS.fullmatch(text))


_ENGLISH_NUMBER = re.compile(
    r"[-−–÷]?\s*\(?\s*"
    r"(?:\d+\.\d{1,2}|\d+\.\d{4,}|0\.\d+|\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,})"
    r"\s*\)?"
)
"""A number that only the English way reads: "-1.05", "0.518", "12,500.5", "1,250,000"."""

_DANISH_NUMBER = re.compile(
    r"[-−–÷]?\s*\(?\s*"
    r"(?:\d+,\d{1,2}|\d+,\d{4,}|0,\d+|\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,})"
    r"\s*\)?"
)
"""A number that only the Danish way reads: "-1,05", "0,518", "12.500,5", "1.250.000"."""


@dataclasses.dataclass(frozen=True)
class SheetNumbers:
    """How a sheet writes its amounts (``_sheet_numbers``)."""

    english: Cell | None
    """The first amount text that only the English way reads ("-1.05") – None when there is
    none, or when the sheet also writes texts only the Danish way reads."""
    danish: bool
    """True when it writes texts only the Danish way reads ("-1,05") and none the English."""
    typical: float | None
    """The median size of its amounts that read one way (numbers and such texts; None when
    it has none): a sheet of amounts in the thousands is a catalogue in t. kr. whatever its
    'enhed' says, which the unit's own check tells – no "1.500" there is asked about."""


def _sheet_numbers(reading: Reading, sheet: Sheet, columns: set[int]) -> SheetNumbers:
    """How ``sheet`` writes its amounts (in its amount ``columns``, every row): see
    ``SheetNumbers``. Worked out once a sheet; the proposals' sheet's ``typical`` is kept in
    ``Reading.typical_amount`` for the targets."""
    key = (sheet.file, sheet.name)
    if key not in reading.sheet_numbers:
        english: Cell | None = None
        danish = False
        sizes: list[float] = []
        for (_, column), cell in sorted(sheet.cells.items()):
            if column not in columns:
                continue
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                if cell.value:
                    sizes.append(abs(float(cell.value)))
                continue
            if not isinstance(cell.value, str):
                continue
            text = cell.value.strip()
            if english is None and _ENGLISH_NUMBER.fullmatch(text):
                english = cell
            elif _DANISH_NUMBER.fullmatch(text):
                danish = True
            if not _two_ways(cell):
                try:
                    value = parse_amount(text, "da")
                except AmountError:
                    continue
                if value:
                    sizes.append(abs(value))
        found = SheetNumbers(
            english=None if danish else english,
            danish=danish and english is None,
            typical=statistics.median(sizes) if sizes else None,
        )
        reading.sheet_numbers[key] = found
        if sheet.name == PROPOSALS and reading.typical_amount is None:
            reading.typical_amount = found.typical
    found = reading.sheet_numbers[key]
    assert isinstance(found, SheetNumbers)
    return found


def _effect(
    reading: Reading,
    sheet: Sheet,
    row: int,
    columns: dict[int, Column],
    amounts: dict[int, tuple[Cell, Any]],
    bad: bool,
    card: dict[str, Any],
    document: YamlDocument,
    path: tuple[str, int],
) -> None:
    """The amounts of a row as one ``effect`` list: "år 1" on, no gaps (a blank before a later
    amount is 0, said at its cell), up to the last amount, which goes on in the years after
    it – under 'år N' headings and budget years alike."""
    first_column = next(
        c for c, spec in columns.items() if spec.reader == "effect" and not spec.index
    )
    first = Cell(row, first_column, None)
    document.key_lines[(*path, "effect")] = reading.line(
        sheet, amounts[0][0] if 0 in amounts else first
    )
    if bad:
        return
    if not amounts:
        header = columns[first_column].header
        reading.add(sheet, first, "catalogue.first_year_empty", header=header)
        reading.reported.add((sheet.name, row, "effect"))
        return
    aligned = _from_year_aligned(reading, sheet, row, amounts, card)
    if aligned is None:
        reading.reported.add((sheet.name, row, "effect"))
        return
    amounts = aligned
    last = max(amounts)
    gaps = [index for index in range(last) if index not in amounts]
    if gaps and sheet.name in reading.year_gaps:  # a missing heading: said once, at it
        reading.reported.add((sheet.name, row, "effect"))
        return
    headers = {
        spec.index: (c, spec.header) for c, spec in columns.items() if spec.reader == "effect"
    }
    for index in gaps:
        # a blank cell before a later amount is a 0, as in a budget table: read so, and said
        # at each such cell (a saving that silently vanishes for one year is easily missed)
        absent = reading.header_words(sheet.name, "effect", index)
        gap_column, header = headers.get(index, (first_column, absent))
        said = Message.of("catalogue.year_gap", header=header, last=headers[last][1])
        reading.warnings.append(
            CatalogueProblem(sheet.where(Cell(row, gap_column, None).ref), said)
        )
    # a blank after the last amount is no amount: the list ends there, and the last amount
    # goes on (the deck's rule), whether the columns are headed 'år N' or by budget years
    card["effect"] = [amounts[index][1] if index in amounts else 0 for index in range(last + 1)]


def _from_year_aligned(
    reading: Reading,
    sheet: Sheet,
    row: int,
    amounts: dict[int, tuple[Cell, Any]],
    card: dict[str, Any],
) -> dict[int, tuple[Cell, Any]] | None:
    """A row's amounts (index of their column → cell and value) counted from its own 'fra
    budgetår' when the columns are budget years: under "2027 … 2030" a card 'fra budgetår'
    2028 has its first amount in the column 2028 (the import took the column 2027 as its
    first year, and every amount came a year late). None, said at the cell, when an amount
    stands in a year before it, or when it lies before the first year column; the amounts as
    they are without budget years or 'fra budgetår'."""
    first = reading.budget_years.get(sheet.name)
    start = card.get("effect_from_year")
    if first is None or start is None or not str(start).strip().isdigit():
        return amounts
    offset = int(str(start).strip()) - int(first)
    if offset == 0:
        return amounts
    if offset < 0:
        cell = next(iter(sorted(amounts.items())))[1][0]
        reading.add(sheet, cell, "catalogue.from_year_before_columns", year=start, first=first)
        return None
    early = [
        (index, cell)
        for index, (cell, value) in sorted(amounts.items())
        if index < offset and value
    ]
    if early:  # a 0 in a year before it says nothing: read as the empty cell it is
        index, cell = early[0]
        year = str(int(first) + index)
        reading.add(sheet, cell, "catalogue.amount_before_from_year", year=year, start=start)
        return None
    return {index - offset: found for index, found in amounts.items() if index >= offset}


def unknown_heading(
    reading: Reading, sheet: Sheet, cell: Cell, known: list[str], what: Message
) -> str | None:
    """Report a header (or a name on "Om kataloget") that is not known: an error when it is
    close to a known one or is a year, else a warning (the column is skipped). Returns the
    known name it was close to."""
    text = str(cell.value).strip()
    if cell.formula is not None:
        reading.add(sheet, cell, "catalogue.header_formula")
        return None
    beside = sheet.name == PROPOSALS and (
        heading_year(cell.value) is not None
        or (
            overslag_number(cell.value) is not None
            and (sheet.name, cell.row) in reading.year_headers
        )
    )
    if beside:  # "Budget 2027", "BO2" beside 'år 5': said as the years they are, like "2027"
        columns = lookup(sheet.name)
        beside = any(
            getattr(columns.get(header_key(other.value)), "reader", None) == "effect"
            for other in sheet.row_cells(cell.row).values()
            if other.formula is None
        )
    if re.fullmatch(r"(19|20)\d\d", normal(text)) or beside:
        first = reading.year_headers.setdefault((sheet.name, cell.row), text)
        if sheet.name != PROPOSALS:
            # no 'fra budgetår' there: an event acts from the year it is drawn, and a
            # scenario writes its years in a column of their own
            part = "events" if sheet.name == EVENTS else "scenarios"
            reading.add(sheet, cell, f"catalogue.header_year_{part}", text=text)
        elif first == text:
            # years beside 'år 1', 'år 2' …: the one or the other (a budget table's years
            # alone are the phasing from adoption; 'fra budgetår' would tie them to the years)
            lookup_of = lookup(sheet.name)
            named = [
                f"'{other.value}'"
                for other in sheet.row_cells(cell.row).values()
                if other.formula is None
                and getattr(lookup_of.get(header_key(other.value)), "reader", None) == "effect"
            ]
            reading.add(sheet, cell, "catalogue.header_year", text=text, named=", ".join(named))
        else:
            reading.add(sheet, cell, "catalogue.header_year_next", text=text, first=first)
        return None
    if sheet.name == EVENTS and names_from_year(text):
        # the proposals' column: an event has no budget year, so its cells are not read
        said = Message.of("catalogue.from_year_events", text=shortened(text))
        reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), said))
        return None
    if (
        sheet.name == PROPOSALS
        and _FULL_YEAR.fullmatch(normal(text))
        and _amount_headings(sheet, cell.row) < 2
        and any(row > cell.row for row, column in sheet.cells if column == cell.column)
    ):
        # "Helårsvirkning" beside a lone part-year first amount: skipped, the first amount
        # went on every year (a saving of −1.250,5 never reached its −2.500); beside a
        # phasing over the years it repeats them, and is skipped as other columns are
        reading.add(sheet, cell, "catalogue.full_year_column", text=shortened(text))
        return None
    if sheet.name in (PROPOSALS, EVENTS) and accounts_heading(text):
        # "Regnskab 2025", "Grundbudget 2027": what a year cost, beside the proposals; skipped
        said = Message.of("catalogue.accounts_column", text=shortened(text))
        reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), said))
        return None
    if sheet.name in (PROPOSALS, EVENTS) and _sums_years(text):
        # "I alt 2027-2030": the sum of the year columns, not a year of its own; skipped
        said = Message.of("catalogue.sum_column", text=shortened(text))
        reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), said))
        return None
    if sheet.name in (PROPOSALS, EVENTS) and looks_like_amount_heading(text):
        # "år 11", "4 år", "Beløb år 1-4": an amount column the import cannot place; refused
        # like a year it cannot place, for its amounts would be missing unsaid
        reading.add(sheet, cell, "catalogue.amount_heading_unread", text=shortened(text))
        amounts = next(c for c in COLUMNS[sheet.name] if c.reader == "effect")
        return normal(amounts.header)
    if sheet.name in (PROPOSALS, EVENTS) and speaks_of_a_year(cell.value):
        # "2030 i alt", "BO3" before any year: a column of amounts the import cannot place;
        # skipped, its amounts would be missing (or the year before would carry on) unsaid
        reading.add(sheet, cell, "catalogue.year_heading_unread", text=shortened(text))
        amounts = next(c for c in COLUMNS[sheet.name] if c.reader == "effect")
        return normal(amounts.header)
    close = difflib.get_close_matches(normal(text), known, n=1, cutoff=0.75)
    if close:
        reading.add(sheet, cell, "catalogue.unknown_column", text=text, close=close[0])
        return close[0]
    english = {
        normal(english_label(spec.field)): spec
        for spec in COLUMNS.get(sheet.name, [])
        if spec.reader != "effect"
    }
    close = difflib.get_close_matches(normal(text), list(english), n=1, cutoff=0.75)
    if close and reading.english:
        # "targets", "titles" in an English workbook: a near miss of a column's English
        # name, said as that column (before: skipped, then "the column 'target' is missing")
        reading.add(sheet, cell, "catalogue.unknown_column", text=text, close=close[0])
        return normal(english[close[0]].header)
    like = resembles(sheet, cell) if sheet.name in (PROPOSALS, EVENTS) else None
    if like is not None:
        # "Konsekvens for service": skipped, but said as the column it looks like, and how
        # to make it read (a later summary of the field names this column, too)
        reading.resembling[(sheet.name, like.field)] = (cell.ref, shortened(text))
        said = Message.of(
            "catalogue.skipped_resembles", text=shortened(text), what=what, header=like.header
        )
    else:
        said = Message.of("catalogue.skipped", text=shortened(text), what=what)
    reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), said))
    return None


def resembles(sheet: Sheet, cell: Cell) -> Column | None:
    """The one column of ``sheet`` whose name (or a known word for it, ``lookup``) a heading
    the import does not know holds as a word of its own ("Konsekvens for service" holds
    'service'), when no other heading of the row is read as that column; else None. Not a
    compound: "Serviceområde" speaks of the area, not of the service."""
    text = normal(cell.value)
    names = lookup(sheet.name)
    found: dict[str, Column] = {}
    for name, spec in names.items():
        if spec.reader == "effect" or len(name) < 2:
            continue
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            found[spec.field] = spec
    if len(found) != 1:
        return None
    (spec,) = found.values()
    for other in sheet.row_cells(cell.row).values():
        if (
            other is not cell
            and other.formula is None
            and names.get(header_key(other.value)) is spec
        ):
            return None
    return spec


_YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s*[-–—/]\s*(?:(?:19|20)?\d\d)\b")
"""Two years joined by a dash ("2027-2030", "2027–30"): a span of years."""


_FULL_YEAR = re.compile(
    r"(?:helårs?(?:virkning|effekt)?|fuld(?:\s+års)?\s*(?:effekt|virkning)|varig\s*(?:effekt|virkning))"
    r"(?:\s*\(.*\))?"
)
"""A heading of the amount a proposal gives once it works a whole year ("Helårsvirkning",
"Fuld effekt", "Varig effekt"), which a budget table writes beside a part-year first amount."""


def _amount_headings(sheet: Sheet, row: int) -> int:
    """How many headings in ``row`` name an amount column: a budget year, an overslagsår or
    'år N'."""
    known = lookup(sheet.name)
    return sum(
        1
        for cell in sheet.row_cells(row).values()
        if heading_year(cell.value) is not None
        or overslag_number(cell.value) is not None
        or getattr(known.get(header_key(cell.value)), "reader", None) == "effect"
    )


def _sums_years(text: str) -> bool:
    """True for a heading that names a total over a span of years ("I alt 2027-2030", "Sum
    2027–30", "2027-2030 i alt"): a column the year columns add up to."""
    plain = normal(text)
    if not _YEAR_SPAN.search(plain):
        return False
    words = plain.replace(",", " ")
    return any(words.startswith(w + " ") for w in TOTAL_WORDS) or words.endswith(TOTAL_ENDINGS)
