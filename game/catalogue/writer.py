"""Writing a catalogue workbook: the template a budget office fills in, or a deck exported.

The workbook has the sheets "Om kataloget", "Forslag", "Hændelser" and "Scenarier" (the deck),
"Vejledning" (every column explained) and "Lister" (the choices of the drop-down lists for
kind, area, sign and yes/no). Numbers stand in number cells; a list of numbers in one cell is
written the Danish way ("12; 24,5"), as the import reads it. A text is always a text cell,
also when it begins with "=" (never a formula).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game.catalogue.columns import (
    ABOUT,
    ABOUT_ROWS,
    COLUMNS,
    DATA_SHEETS,
    GUIDE,
    KIND_WORDS,
    LISTS,
    MAX_EFFECT_YEARS,
    PROPOSALS,
    SCENARIOS,
    SECTION_OF,
    SIGN_WORDS,
    Column,
)
from game.content.numbertext import grouped, yaml_number
from game.content.schema import KIND_NAMES, WELFARE_AREAS
from game.launcher import commands_as_run
from game.messages import Message
from game.saves.files import check_not_empty, write_file

MIN_EFFECT_COLUMNS = 4
"""Amount columns a workbook always has ("år 1" … "år 4"), more when a card needs them."""
MAX_VALIDATED_ROWS = 1000
"""Rows that get the drop-down lists."""

_HEADER_FILL = "FFD9E2EC"
_VERSION2_FILL = "FFFCE9C6"
_KIND_DANISH = {
    english: danish_word for danish_word, english in KIND_NAMES.items() if danish_word != english
}
_SIGN_DANISH = {english: danish_word for danish_word, english in SIGN_WORDS.items()}

GUIDE_INTRO: tuple[str, ...] = (
    "Sådan udfylder I kataloget",
    "Kataloget er et dæk til Råderumsspillet. Udfyld arkene 'Om kataloget', 'Forslag', "
    "'Hændelser' og 'Scenarier', og lav det om til et dæk med:  raaderum import "
    "katalog.xlsx --out mappe/",
    "Én række er ét kort. Tomme rækker springes over. Overskrifterne i række 1 skal stå, som "
    "de står her; andre kolonner (fx tovholder) springes over med en advarsel.",
    "Tal skrives, som I plejer: 1.250,5 og 0,518 (komma som decimaltegn, punktum mellem "
    "tusinder), også i celler, der er formateret som tekst. Minus som − eller -.",
    "Beløbene står i katalogets enhed (se 'Om kataloget'). 'år 1' er det år, forslaget "
    "vedtages. Er de senere år tomme, gælder det sidste beløb alle senere år; skriv 0 i året "
    "efter et engangsbeløb.",
    "Kolonner mærket 'format 2' kræver formatversion 2 på arket 'Om kataloget'.",
    "En formel læses som den værdi, Excel regnede ud og gemte med filen; makroer læses ikke. "
    "En overskrift i to rækker med flettede celler går an (fx 'Beløb i 1.000 kr.' over "
    "årstallene), og et udvalg flettet ned over sine forslag læses i hver række; andre "
    "flettede celler skal ophæves. En enhed i titlen skal være den samme som på arket 'Om "
    "kataloget'. Gem som Excel-projektmappe (.xlsx).",
    "Er der fejl, siger importen præcis hvilken celle, fx katalog.xlsx:Forslag!C12, og "
    "nævner alle fejl på én gang.",
)

TEMPLATE: dict[str, Any] = {
    "deck": {
        "id": "vores-katalog",
        "title": "Vores kommunes råderumskatalog",
        "language": "da",
        "unit": "mio. kr.",
        "schema_version": 2,
        "sign": "savings_positive",
    },
    "proposals": [
        {
            "id": "R901",
            "kind": "besparelse",
            "title": "Mindre pulje til løntilskud",
            "area": "Beskæftigelse",
            "effect": [0.3],
            "text": "Puljen til løntilskudsjob gøres mindre. Færre ledige får et job med "
            "løntilskud i kommunen.",
            "question": "Hvem mister en vej tilbage til arbejdsmarkedet?",
            "source": "Eksempel efter Norddjurs Kommunes budget 2025–2028",
            "service": -1,
        },
        {
            "id": "sygefravaer",
            "kind": "effektivisering",
            "title": "Fælles indsats mod sygefravær",
            "area": "Tværgående",
            "effect": [-0.2, 0.5, 1.5],
            "text": "En projektleder i HR hjælper arbejdspladserne med højest fravær. Den "
            "koster det første år og giver flere hænder bagefter.",
            "question": "Hvad gør arbejdspladserne med lavt fravær, som de andre kan lære af?",
            "source": "Eksempel",
            "uncertainty": 0.25,
            "failure": 0.1,
        },
        {
            "id": "R307",
            "kind": "investering",
            "title": "Fremmøde i skolen",
            "area": "Skole",
            "effect": [-1, 0.518, 1.05, 1.575],
            "text": "Færre unge med højt fravær giver på sigt færre på offentlig forsørgelse.",
            "question": "Tør vi vente på gevinsten?",
            "source": "Eksempel efter Norddjurs Kommunes budget 2025–2028",
        },
    ],
    "events": [
        # as many as the example scenario draws (one a year): an event is drawn once, and a
        # scenario with fewer plays its last years without one (validate says so)
        {
            "id": "udligning",
            "title": "Udligningen falder",
            "effect": [-2],
            "text": "Kommunen får 2 mio. kr. mindre i udligning om året.",
            "weight": 2,
        },
        {
            "id": "flere-aeldre",
            "title": "Flere ældre end ventet",
            "effect": [-0.5, -1, -1.5],
            "text": "Der bliver flere ældre end i budgettet, og udgiften vokser år for år.",
        },
        {
            "id": "oekonomiaftale",
            "title": "Bedre økonomiaftale end ventet",
            "effect": [1],
            "text": "Økonomiaftalen giver kommunen 1 mio. kr. mere om året end budgetteret.",
        },
        {
            "id": "energipriser",
            "title": "Energipriserne stiger",
            "effect": [-1, -0.5],
            "text": "Højere priser på el og varme i kommunens bygninger; de falder lidt igen.",
        },
    ],
    "scenarios": [
        {
            "id": "fire-aar",
            "title": "Fire år",
            "briefing": "Find et råderum i hvert af de næste fire år.",
            "years": ["2027", "2028", "2029", "2030"],
            # within reach of the three example cards (a plan meets it with no events)
            "target": [0.1, 0.3, 0.6, 1.2],
            "capacity": 6,
        }
    ],
}
"""The template's example rows: one card of each kind, four events and a scenario."""


def effect_columns(data: dict[str, Any]) -> int:
    """How many amount columns a workbook of ``data`` needs."""
    longest = [
        len(card.get("effect") or [])
        for section in ("proposals", "events")
        for card in data.get(section) or []
        if isinstance(card, dict)
    ]
    return min(MAX_EFFECT_YEARS, max([MIN_EFFECT_COLUMNS, *longest]))


def sheet_columns(sheet: str, amounts: int) -> list[Column]:
    """The columns a sheet is written with: every column, and ``amounts`` amount columns."""
    return [c for c in COLUMNS[sheet] if c.reader != "effect" or c.index < amounts]


def write_workbook(path: Path, data: dict[str, Any], *, template: bool = False) -> None:
    """Write ``data`` (a deck as its YAML holds it: "deck", "proposals", "events",
    "scenarios") as a catalogue workbook at ``path``. ``template``: six amount columns.
    Raises ``game.saves.WriteFailed`` when the file cannot be written; then there is none."""
    from openpyxl import Workbook

    book = Workbook()
    amounts = 6 if template else effect_columns(data)
    areas = _areas(data)
    first = True
    for name in DATA_SHEETS:
        sheet = book.active if first else book.create_sheet(name)
        sheet.title = name
        first = False
        if name == ABOUT:
            _about(sheet, data.get("deck") or {})
        else:
            _table(sheet, name, data.get(SECTION_OF[name]) or [], amounts)
    _guide(book.create_sheet(GUIDE), amounts)
    _lists(book.create_sheet(LISTS), areas)
    _validations(book, areas, amounts)
    path.parent.mkdir(parents=True, exist_ok=True)
    # built in memory and written atomically (a temp file, checked, then renamed): a full disk
    # leaves no half-written workbook behind that a retry would refuse to overwrite
    buffer = io.BytesIO()
    book.save(buffer)
    write_file(path, buffer.getvalue(), check_not_empty, verb=Message.of("cli.not_written"))


def _areas(data: dict[str, Any]) -> list[str]:
    found = [
        str(card["area"])
        for card in data.get("proposals") or []
        if isinstance(card, dict) and card.get("area")
    ]
    welfare = (data.get("deck") or {}).get("welfare_areas") or list(WELFARE_AREAS)
    return list(dict.fromkeys([*found, *welfare, "Tværgående", "Administration"]))


def _put(sheet: Any, row: int, column: int, value: Any) -> Any:
    cell = sheet.cell(row=row, column=column)
    if value is None:
        return cell
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # a text that begins with "=" stays a text
        cell.number_format = "@"
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        cell.number_format = number_format(value)
    return cell


def number_format(value: float) -> str:
    """Excel's number format that shows ``value`` with its thousands grouped and every
    decimal it has (up to seven): "#,##0" for 8000, "#,##0.000" for 0.645. Excel shows the
    separators of the pc's own locale, so a Danish pc shows 8.000 and 0,645 (the format
    "General" showed 8000, which a budget office reads as a typing error)."""
    text = yaml_number(float(value))
    decimals = len(text.partition(".")[2].rstrip("0")) if "." in text else 0
    return "#,##0" + ("." + "0" * min(decimals, 7) if decimals else "")


def _style_header(cell: Any, help_text: str, version: int) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill

    cell.font = Font(bold=True)
    fill = _VERSION2_FILL if version == 2 else _HEADER_FILL
    cell.fill = PatternFill("solid", fgColor=fill)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    note = help_text + (" (format 2)" if version == 2 and "Format 2" not in help_text else "")
    cell.comment = Comment(note, "Råderumsspillet", width=320, height=140)


def _about(sheet: Any, header: dict[str, Any]) -> None:
    from openpyxl.styles import Alignment

    for column, title in enumerate(("felt", "værdi", "forklaring"), start=1):
        _style_header(sheet.cell(row=1, column=column), title, 1)
        sheet.cell(row=1, column=column).value = title
    for row, spec in enumerate(ABOUT_ROWS, start=2):
        _put(sheet, row, 1, spec.header)
        _put(sheet, row, 2, _cell_value(spec, header.get(spec.field)))
        note = _put(sheet, row, 3, spec.help + (" (format 2)" if spec.version == 2 else ""))
        note.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 36
    sheet.column_dimensions["C"].width = 90
    sheet.freeze_panes = "A2"


def _table(sheet: Any, name: str, cards: Sequence[Any], amounts: int) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    columns = sheet_columns(name, amounts)
    for number, spec in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=number)
        cell.value = spec.header
        _style_header(cell, spec.help, spec.version)
        sheet.column_dimensions[get_column_letter(number)].width = spec.width
    for row, card in enumerate(cards, start=2):
        if not isinstance(card, dict):
            continue
        for number, spec in enumerate(columns, start=1):
            if spec.reader == "effect":
                effect = card.get("effect") or []
                value = effect[spec.index] if spec.index < len(effect) else None
            else:
                value = _cell_value(spec, card.get(spec.field))
            cell = _put(sheet, row, number, value)
            if spec.reader == "text" and spec.width >= 30:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2" if name == PROPOSALS else "B2"


def _cell_value(spec: Column, value: Any) -> Any:
    """A field's value as its cell holds it."""
    if value is None:
        return None
    reader = spec.reader
    if reader == "kind":
        return _KIND_DANISH.get(str(value), str(value))
    if reader == "sign":
        return _SIGN_DANISH.get(str(value), str(value))
    if reader == "bool":
        return "ja" if value else "nej"
    if reader in ("ids", "wholes"):
        return ", ".join(str(item) for item in value) if isinstance(value, list) else value
    if reader in ("years", "texts"):
        return "; ".join(str(item) for item in value) if isinstance(value, list) else value
    if reader == "numbers" and isinstance(value, list):
        return "; ".join(grouped(float(item)) for item in value)  # "8.000; 16.000"
    if reader == "year":
        return int(value) if str(value).isdigit() and len(str(value)) < 10 else str(value)
    if reader in ("id", "text") and not isinstance(value, str):
        return str(value)
    return value


def _guide(sheet: Any, amounts: int) -> None:
    from openpyxl.styles import Alignment, Font

    row = 1
    for number, line in enumerate(GUIDE_INTRO):
        # the import command as this installation runs it (the offline bundle has no raaderum)
        cell = _put(sheet, row, 1, commands_as_run(line))
        if number == 0:
            cell.font = Font(bold=True, size=14)
        row += 1
    row += 1
    for column, title in enumerate(
        ("ark", "kolonne", "felt i dækket", "skal udfyldes", "betydning"), 1
    ):
        cell = sheet.cell(row=row, column=column)
        cell.value = title
        cell.font = Font(bold=True)
    for name in DATA_SHEETS:
        columns = ABOUT_ROWS if name == ABOUT else sheet_columns(name, amounts)
        for spec in columns:
            row += 1
            _put(sheet, row, 1, name)
            _put(sheet, row, 2, spec.header)
            _put(sheet, row, 3, spec.field + (" (format 2)" if spec.version == 2 else ""))
            _put(sheet, row, 4, "ja" if spec.required else "")
            _put(sheet, row, 5, spec.help).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDE", (14, 20, 24, 12, 100)):
        sheet.column_dimensions[letter].width = width


def _lists(sheet: Any, areas: list[str]) -> None:
    from openpyxl.styles import Font

    lists = (
        ("slags", list(KIND_WORDS)),
        ("område", areas),
        ("fortegn", list(SIGN_WORDS)),
        ("ja/nej", ["ja", "nej"]),
        ("sprog", ["da", "en"]),
    )
    for column, (title, values) in enumerate(lists, start=1):
        cell = sheet.cell(row=1, column=column)
        cell.value = title
        cell.font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            _put(sheet, row, column, value)
        sheet.column_dimensions[cell.column_letter].width = 24


def _validations(book: Any, areas: list[str], amounts: int) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    last = MAX_VALIDATED_ROWS + 1

    def add(sheet: Any, formula: str, cells: str, strict: bool, message: str) -> None:
        rule = DataValidation(
            type="list",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop" if strict else "warning",
            errorTitle="Råderumsspillet",
            error=message,
        )
        sheet.add_data_validation(rule)
        rule.add(cells)

    def column_of(name: str, field: str) -> str:
        columns = sheet_columns(name, amounts)
        index = next(i for i, c in enumerate(columns, start=1) if c.field == field)
        return str(get_column_letter(index))

    proposals = book[PROPOSALS]
    kind = column_of(PROPOSALS, "kind")
    add(
        proposals,
        f"={LISTS}!$A$2:$A$4",
        f"{kind}2:{kind}{last}",
        False,  # a warning, not a stop: the import also reads B, E, I and "Spareforslag"
        "Vælg besparelse, effektivisering eller investering på listen. Importen læser også "
        "B, E og I, spareforslag, effektiviseringsforslag og investeringsforslag samt "
        "forkortelser som Inv. – andet stopper importen.",
    )
    area = column_of(PROPOSALS, "area")
    add(
        proposals,
        f"={LISTS}!$B$2:$B${len(areas) + 1}",
        f"{area}2:{area}{last}",
        False,
        "Området står ikke på listen. Stav det ens på alle kort – eller tilføj det på arket "
        "Lister.",
    )
    scenarios = book[SCENARIOS]
    kinds = column_of(SCENARIOS, "require_all_kinds")
    add(scenarios, f"={LISTS}!$D$2:$D$3", f"{kinds}2:{kinds}{last}", True, "Skriv ja eller nej.")
    about = book[ABOUT]
    rows = {spec.field: row for row, spec in enumerate(ABOUT_ROWS, start=2)}
    add(about, f"={LISTS}!$C$2:$C$3", f"B{rows['sign']}", True, "Vælg et fortegn på listen.")
    add(about, f"={LISTS}!$E$2:$E$3", f"B{rows['language']}", True, "Skriv da eller en.")
