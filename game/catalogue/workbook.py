"""Opening an Excel workbook (.xlsx) from a stranger safely, and reading its sheets' cells.

Before openpyxl sees the file, the zip archive itself is checked: its size, the number and
unpacked size of its parts (a zip bomb), macros (``vbaProject.bin``, a macro-enabled content
type), links to other files (``xl/externalLinks``) and any XML that declares a DOCTYPE or an
entity (an XML bomb: Excel never writes one), each part scanned a megabyte at a time. openpyxl
then parses the XML with defusedxml, which refuses entities as a second guard; the import is
refused if defusedxml is not in use. Only the sheets named as the catalogue's are parsed: the
others are known by their names and states alone (a "Data" sheet of 180.000 rows costs
nothing), and a catalogue sheet over ``MAX_ROWS`` or ``MAX_COLUMNS`` is not read at all.
Every refusal is a Danish line that names the file; nothing in a workbook is ever run.
"""

from __future__ import annotations

import contextlib
import io
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

from game.catalogue.badcell import find_bad_cell
from game.catalogue.cells import Cell, column_letter, is_blank
from game.catalogue.columns import (
    DATA_SHEETS,
    ENGLISH_SHEETS,
    headed_like,
    header_key,
    lookup,
    sheet_key,
)
from game.catalogue.headings import SUM_FORMULA, headed_without_kind, heading_year, totals_text
from game.catalogue.sheets import Catalogue, CatalogueProblem, Scaled, Sheet
from game.content.loader import os_error_text
from game.content.numbertext import amount_text, danish
from game.messages import Decimal, Message, render
from game.numbers import is_known_unit, unit_scale

MAX_WORKBOOK_BYTES = 10 * 1024 * 1024
"""The largest workbook read (a catalogue of a few hundred proposals is well under 1 MB)."""
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
"""The most the parts of a workbook may unpack to, together."""
MAX_PARTS = 2_000
MAX_ROWS = 5_000
"""The most rows a sheet of a catalogue may use."""
MAX_COLUMNS = 200

_SUFFIXES = {
    suffix: f"catalogue.file.{suffix[1:]}"
    for suffix in (".xlsm", ".xltm", ".xlsb", ".xls", ".ods", ".numbers")
}
_MACRO_CONTENT = re.compile(rb"macroEnabled|vbaProject", re.IGNORECASE)
_DANGEROUS_XML = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


class WorkbookRefused(Exception):
    """A workbook that is not read at all: ``said`` is the reason (worded in the reader's
    language where it is shown), ``str(error)`` the Danish one."""

    def __init__(self, reason: str | Message, *, at: str = "", **params: Any) -> None:
        self.said = reason if isinstance(reason, Message) else Message.of(reason, **params)
        self.at = at
        """Where in the file ("Forslag!E2"), when one cell is the reason; else ""."""
        super().__init__(render(self.said))


HEADING_ROWS = 6
"""The rows of a sheet that is not read whose texts are kept (``_first_texts``): its headings
lie there, under a title or two."""


def _first_texts(sheet: Any) -> frozenset[str]:
    """The texts of the first ``HEADING_ROWS`` rows of ``sheet`` (casefolded, one space)."""
    texts: set[str] = set()
    rows = getattr(sheet, "iter_rows", None)
    if rows is None:
        return frozenset()
    for row in rows(min_row=1, max_row=HEADING_ROWS, max_col=40, values_only=True):
        texts.update(" ".join(str(v).casefold().split()) for v in row if isinstance(v, str))
        # a year typed as a number (2027) or a date heads an amount column as well as "2027"
        texts.update(year for v in row if not isinstance(v, str) and (year := heading_year(v)))
    return frozenset(texts)


def read_workbook(path: Path, label: str) -> Catalogue:
    """The sheets of the workbook at ``path`` (messages name it ``label``).

    Raises ``WorkbookRefused`` for a file that is not read at all (see the module docstring);
    a hidden sheet with a data sheet's name, two sheets with one data sheet's name ("Hændelser"
    and "Haendelser") and sheets over the limits are problems of the returned ``Catalogue``.
    """
    raw = _bytes(path)
    _check_archive(raw, path.suffix.lower())
    danish = {sheet_key(name): name for name in DATA_SHEETS}
    english = {sheet_key(title): name for title, name in ENGLISH_SHEETS.items()}
    book = _open(raw, {**danish, **english})
    titles = {sheet_key(sheet.title) for sheet in book.worksheets}
    # an English name stands for a part only where the Danish one is missing: a Danish
    # workbook's own "About" or "Scenario" sheet (notes, a calculation) is no second copy
    wanted = {**{k: v for k, v in english.items() if v not in danish_parts(titles)}, **danish}
    saved = _open(raw, wanted, data_only=True)  # the values Excel saved with its formulas
    catalogue = Catalogue(label)
    catalogue.notes.extend(_open_elsewhere(path, label))
    named: dict[str, list[Any]] = {}
    for sheet in book.worksheets:
        name = wanted.get(sheet_key(sheet.title))
        if name is None:
            catalogue.other_sheets.append(sheet.title)
            if sheet.sheet_state != "visible":
                catalogue.hidden_sheets[sheet.title] = _very(sheet)
        else:
            named.setdefault(name, []).append(sheet)
    for sheet in book.worksheets:
        name = wanted.get(sheet_key(sheet.title))
        if name is None:
            continue
        read = _chosen(named[name])
        if sheet is not read:
            # a second sheet with the name ("Haendelser" next to "Hændelser"), often an old
            # copy, hidden or not: which one is meant cannot be known
            said = _twin(sheet, read, name)
            catalogue.problems.append(CatalogueProblem(f"{label}:{sheet.title}", said))
            continue
        if sheet.sheet_state != "visible":
            # a hidden sheet is often an old copy kept next to the one being edited
            key = "catalogue.sheet_" + ("very_hidden" if _very(sheet) else "hidden")
            said = Message.of(key, sheet=sheet.title)
            catalogue.problems.append(CatalogueProblem(f"{label}:{sheet.title}", said))
        values = saved[sheet.title] if sheet.title in saved.sheetnames else None
        found = _sheet(sheet, name, label, catalogue.problems, values)
        if found is not None and sheet.title != name:
            found.title = sheet.title  # "Proposals": its cells named as the office sees them
        if found is None:  # over the limits: said, and not read (nor what names its cards)
            catalogue.refused[name] = label
        else:
            catalogue.sheets[name] = found
    for chart in getattr(book, "chartsheets", []):
        catalogue.other_sheets.append(chart.title)
    if catalogue.other_sheets:
        # the other sheets' first rows are read after all (streamed, not as cards): "Ark1"
        # with the headings of 'Forslag' is named when 'Forslag' is missing, and a committee's
        # own sheet of proposals ("Kultur") beside it is said to be left out of the deck
        catalogue.other_texts.update(_first_rows(raw, catalogue.other_sheets))
        carded = [t for t, texts in catalogue.other_texts.items() if _headed_as_data(texts)]
        if carded:
            opened = _open(raw, {sheet_key(t): t for t in carded})
            for sheet in opened.worksheets:
                if sheet.title in carded:
                    catalogue.other_rows[sheet.title] = _filled_rows(sheet)
    return catalogue


def _first_rows(raw: bytes, titles: list[str]) -> dict[str, frozenset[str]]:
    """The texts of the first ``HEADING_ROWS`` rows of each of the sheets ``titles``
    (``_first_texts``), streamed: a sheet's later rows are never parsed (a "Data" sheet of
    180.000 rows took 38 s to open whole). {} for a workbook that cannot be streamed."""
    import openpyxl

    if openpyxl.DEFUSEDXML is not True:
        return {}
    found: dict[str, frozenset[str]] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl's English warnings are not the reader's
        try:
            book = openpyxl.load_workbook(
                io.BytesIO(raw), read_only=True, data_only=True, keep_links=False
            )
        except Exception:  # the sheets that matter were opened already; this is only a hint
            return {}
        try:
            for title in titles:
                if title in book.sheetnames:
                    found[title] = _first_texts(book[title])
        except Exception:  # a sheet that does not stream: no hint from it
            pass
        finally:
            book.close()
    return found


def _headed_as_data(texts: frozenset[str]) -> bool:
    """True when ``texts`` (a sheet's first rows) hold every required heading of one of the
    data sheets (``columns.headed_like``), or a proposals table's headings without a column of
    kinds ("Investeringer": ``headings.headed_without_kind``)."""
    return any(headed_like(texts, name) for name in DATA_SHEETS) or headed_without_kind(texts)


def _filled_rows(sheet: Any) -> int:
    """How many rows of ``sheet`` under its headings hold something in their first 40
    columns, counted up to ``MAX_ROWS``, beyond which no catalogue goes. The headings are the
    row among the first ``HEADING_ROWS`` with the most of a data sheet's headings: a title
    above them is no card (nor is a card whose 'tekst' is "Tekst" a heading row)."""
    rows = getattr(sheet, "iter_rows", None)
    if rows is None:
        return 0
    headings = {key for name in DATA_SHEETS for key in lookup(name)}
    filled: list[bool] = []
    heading_row, most = 0, 0
    for number, row in enumerate(
        rows(max_col=40, max_row=MAX_ROWS + HEADING_ROWS, values_only=True), start=1
    ):
        values = [v for v in row if not is_blank(v)]
        # a totals row ("I alt", "Sum") or a row of sums (=SUM(C2:C3)) is no proposal: the
        # proposals' sheet would skip it too (before: "2 udfyldte rækker" for one and I alt)
        sums = all(isinstance(v, str) and SUM_FORMULA.match(v) for v in values)
        # … its first filled cell says so: a proposal "B7 | Samlet ledelse …" is counted
        filled.append(bool(values) and not sums and not (values and totals_text(values[0])))
        if number <= HEADING_ROWS:
            found = sum(1 for v in row if isinstance(v, str) and header_key(v) in headings)
            if found > most:
                heading_row, most = number, found
    return sum(filled[heading_row:])


def danish_parts(titles: set[str]) -> set[str]:
    """The data sheets whose Danish name is among ``titles`` (as ``sheet_key`` writes them)."""
    return {name for name in DATA_SHEETS if sheet_key(name) in titles}


def _chosen(sheets: list[Any]) -> Any:
    """Of the sheets whose names name one data sheet, the one read: the first visible one,
    else the first (its being hidden is said)."""
    return next((sheet for sheet in sheets if sheet.sheet_state == "visible"), sheets[0])


def _very(sheet: Any) -> bool:
    """True for a sheet Excel hides as "very hidden" (its menu cannot show it again)."""
    return bool(sheet.sheet_state == "veryHidden")


def _twin(sheet: Any, read: Any, name: str) -> Message:
    """The problem of a sheet whose name names the data sheet ``name`` that the sheet ``read``
    is read as: which of them is meant cannot be known; says how to hide or show which."""
    if sheet.sheet_state == "visible":
        return Message.of("catalogue.sheet_twin", sheet=sheet.title, other=read.title, name=name)
    key = "catalogue.sheet_twin_" + ("very_hidden" if _very(sheet) else "hidden")
    return Message.of(key, sheet=sheet.title, other=read.title, name=name)


_LOCK_FILES = (("~$", "", "Excel"), (".~lock.", "#", "LibreOffice"))
"""The lock file a program keeps beside a workbook while it is open: prefix, suffix, name."""


def _open_elsewhere(path: Path, label: str) -> list[CatalogueProblem]:
    """A warning when a lock file beside the workbook says it is open in Excel (or
    LibreOffice): the import reads the version last saved, not what is on the screen."""
    for prefix, suffix, program in _LOCK_FILES:
        lock = path.with_name(f"{prefix}{path.name}{suffix}")
        try:
            found = lock.is_file()
        except OSError:
            found = False
        if found:
            said = Message.of("catalogue.file.open_in", program=program, lock=lock.name)
            return [CatalogueProblem(label, said)]
    return []


def _bytes(path: Path) -> bytes:
    suffix = path.suffix.lower()
    if suffix in _SUFFIXES and not (suffix == ".xls" and _starts_as_xlsx(path)):
        # a workbook saved as .xlsx and renamed .xls is read for what it is
        raise WorkbookRefused(_SUFFIXES[suffix])
    if path.name.startswith("~$"):  # Excel's lock file while the workbook is open
        raise WorkbookRefused("catalogue.file.lock_file", name=path.name[2:])
    try:
        if not path.is_file():
            missing = not path.exists()
            raise WorkbookRefused(f"catalogue.file.{'missing' if missing else 'not_a_file'}")
        size = path.stat().st_size
        if size > MAX_WORKBOOK_BYTES:
            raise WorkbookRefused(_too_big(size))
        with path.open("rb") as handle:
            raw = handle.read(MAX_WORKBOOK_BYTES + 1)
    except OSError as error:
        raise WorkbookRefused(os_error_text(error)) from None
    if len(raw) > MAX_WORKBOOK_BYTES:
        raise WorkbookRefused(_too_big(len(raw)))
    if not raw:  # a save that failed, or a cloud placeholder not yet downloaded
        raise WorkbookRefused("catalogue.file.empty_workbook")
    return raw


def _starts_as_xlsx(path: Path) -> bool:
    """True when the file begins as a .xlsx archive does (its name may say otherwise)."""
    try:
        with path.open("rb") as handle:
            return handle.read(2) == b"PK"
    except OSError:
        return False


def _too_big(size: int) -> Message:
    limit = MAX_WORKBOOK_BYTES // (1024 * 1024)
    return Message.of(
        "catalogue.file.too_big", size=Decimal(f"{size / 1024 / 1024:.1f}"), most=limit
    )


def _check_archive(raw: bytes, suffix: str) -> None:
    """Refuse what is not a plain .xlsx archive, before any XML is parsed."""
    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise WorkbookRefused("catalogue.file.encrypted")
    if not raw.startswith(b"PK"):
        raise WorkbookRefused(
            "catalogue.file.not_xlsx_csv" if suffix != ".csv" else "catalogue.file.not_workbook"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise WorkbookRefused("catalogue.file.damaged") from None
    if len(infos) > MAX_PARTS:
        raise WorkbookRefused("catalogue.file.parts", most=MAX_PARTS)
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise WorkbookRefused("catalogue.file.zip_bomb")
    names = {info.filename.lower() for info in infos}
    if "[content_types].xml" not in names or not any(n.startswith("xl/") for n in names):
        # an OpenDocument file given the name .xlsx (LibreOffice's own format, renamed) says
        # what it is in its first part, "mimetype"; so do Word and PowerPoint files by parts
        raise WorkbookRefused(_what_it_is(archive, names))
    if any(name.endswith("vbaproject.bin") or "vbaproject" in name for name in names):
        raise WorkbookRefused(_MACROS)
    if any(name.startswith("xl/externallinks/") for name in names):
        raise WorkbookRefused("catalogue.file.links")
    if "xl/workbook.xml" in names:
        # Excel's "Strict Open XML" save: openpyxl reads none of its sheets, and the import
        # said that every sheet was missing (with an English warning from openpyxl)
        with contextlib.suppress(KeyError, zipfile.BadZipFile, OSError, EOFError, RuntimeError):
            head = archive.open(_member(archive, "xl/workbook.xml")).read(4096)
            if _STRICT in head:
                raise WorkbookRefused("catalogue.file.strict")
    for info in infos:
        if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        try:
            with archive.open(info) as part:
                _scan(part, info.filename)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
            raise WorkbookRefused("catalogue.file.part_broken") from None


_STRICT = b"purl.oclc.org/ooxml/spreadsheetml/main"
"""The namespace of a workbook saved as Excel's "Strict Open XML-regneark"."""


def _member(archive: zipfile.ZipFile, lower: str) -> str:
    """The archive's name of the part ``lower`` (names are compared without case)."""
    return next(info.filename for info in archive.infolist() if info.filename.lower() == lower)


_CHUNK = 1024 * 1024
_OVERLAP = 4096
"""A part is scanned a megabyte at a time (a sheet of 180.000 rows is tens of MB unpacked),
each chunk with the end of the one before it, so no declaration is split unseen."""


def _scan(part: Any, name: str) -> None:
    """Refuse a part with a DOCTYPE or entity declaration (or, for the content types, macros)."""
    tail = b""
    while True:
        chunk = part.read(_CHUNK)
        if not chunk:
            return
        content = tail + chunk
        if _DANGEROUS_XML.search(content):
            raise WorkbookRefused("catalogue.file.xml_part", part=name)
        if name == "[Content_Types].xml" and _MACRO_CONTENT.search(content):
            raise WorkbookRefused(_MACROS)
        tail = content[-_OVERLAP:]


def _what_it_is(archive: zipfile.ZipFile, names: set[str]) -> str:
    """The refusal for a zip file that is no .xlsx: an OpenDocument spreadsheet (.ods)
    named otherwise is said to be one; anything else is "not an Excel workbook"."""
    if "mimetype" in names:
        try:
            kind = archive.read("mimetype")[:100]
        except (KeyError, zipfile.BadZipFile, ValueError, OSError, EOFError):
            kind = b""
        if kind.strip() == b"application/vnd.oasis.opendocument.spreadsheet":
            return "catalogue.file.ods"
    return "catalogue.file.not_xlsx"


_MACROS = "catalogue.file.macros"


_EMPTY_SHEET = (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData/></worksheet>"
)
"""A worksheet without cells: what openpyxl is given for a sheet that is not read."""


class _Skipping:
    """A workbook's zip archive that opens the worksheet parts in ``skipped`` as empty sheets
    (everything else as it is), so that a sheet outside the catalogue – a "Data" sheet of
    180.000 rows – is never parsed."""

    def __init__(self, archive: Any, skipped: set[str]) -> None:
        self._archive: Any = archive
        self._skipped = skipped

    def open(self, name: Any, *args: Any, **kwargs: Any) -> Any:
        if name in self._skipped:
            return io.BytesIO(_EMPTY_SHEET)
        return self._archive.open(name, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._archive, name)


def _open(raw: bytes, wanted: dict[str, str], *, data_only: bool = False) -> Any:
    """The workbook in ``raw``: its formulas, or with ``data_only`` the values Excel (or
    LibreOffice) calculated and saved with them (None where a file has none). Only the
    sheets whose names ``wanted`` has (by ``sheet_key``) are read; every other sheet is there
    with its name and state (hidden or not), but without cells."""
    import openpyxl
    from openpyxl.reader.excel import ExcelReader

    if openpyxl.DEFUSEDXML is not True:
        raise WorkbookRefused("catalogue.file.unsafe")

    class Reader(ExcelReader):  # type: ignore[misc]
        archive: Any

        def read_worksheets(self) -> None:
            skipped = {
                rel.target
                for sheet, rel in self.parser.find_sheets()
                if sheet_key(sheet.name) not in wanted
            }
            archive: Any = self.archive
            self.archive = _Skipping(archive, skipped)
            try:
                super().read_worksheets()
            finally:
                self.archive = archive

    try:
        with warnings.catch_warnings():
            # openpyxl warns in English of what it skips (data validation, an odd defined
            # name); the import says in Danish what matters, and never openpyxl's own words
            warnings.simplefilter("ignore")
            reader = Reader(
                io.BytesIO(raw),
                read_only=False,
                data_only=data_only,
                keep_vba=False,
                keep_links=False,
            )
            reader.read()
        return reader.wb
    except Exception as error:  # openpyxl raises many kinds; a workbook must never crash us
        name = type(error).__name__
        if _chain(error) & {"EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden"}:
            raise WorkbookRefused("catalogue.file.xml_bomb") from None
        bad = find_bad_cell(raw, lambda title: sheet_key(title) in wanted)
        if bad is not None:  # openpyxl does not say which cell it stumbled on
            raise WorkbookRefused(
                f"catalogue.file.bad_{bad.kind}", at=f"{bad.sheet}!{bad.ref}", value=bad.value
            ) from None
        raise WorkbookRefused("catalogue.file.unreadable", name=name) from None


def _chain(error: BaseException) -> set[str]:
    """The class names of ``error`` and the errors it was raised from (openpyxl wraps them)."""
    names: set[str] = set()
    seen: BaseException | None = error
    while seen is not None and len(names) < 20:
        names.add(type(seen).__name__)
        seen = seen.__cause__ or seen.__context__
    return names


def _sheet(
    worksheet: Any,
    name: str,
    label: str,
    problems: list[CatalogueProblem],
    values: Any = None,
) -> Sheet | None:
    """The cells of ``worksheet``; a formula is read as the value saved with it (``values``,
    the same sheet opened for its saved values) and named in ``Sheet.from_formulas``, and a
    formula without a saved value is kept as a formula (the import refuses it at its cell).
    None for a sheet over the limits (``MAX_ROWS``, ``MAX_COLUMNS``: said in ``problems``):
    it is not read at all."""
    sheet = Sheet(name, label)
    too_large = _too_large(worksheet)
    if too_large is not None:
        problems.append(CatalogueProblem(sheet.where(), too_large))
        return None
    saved = getattr(values, "_cells", {})
    sheet.merged = [str(cells) for cells in worksheet.merged_cells.ranges]
    # rows Excel hides (a filter, "Skjul" or a collapsed group): a budget office hides the
    # rejected proposals so, and collapses a group of them (Data › Gruppér); what Excel does
    # not show is not read, and a warning names the rows. The header row (row 1) is always read
    hidden = {r for r, dimension in worksheet.row_dimensions.items() if dimension.hidden and r > 1}
    # those hidden by a collapsed group (an outline level), said as such: the way to show
    # them again is the group's "+", not Data › Ryd filter
    sheet.collapsed_rows = sorted(
        r
        for r, dimension in worksheet.row_dimensions.items()
        if dimension.hidden and r > 1 and getattr(dimension, "outlineLevel", 0)
    )
    # columns Excel hides are read (an old column hidden by hand still says something), and
    # named in a warning
    hidden_columns = {
        column
        for dimension in worksheet.column_dimensions.values()
        if dimension.hidden and dimension.min is not None
        for column in range(dimension.min, (dimension.max or dimension.min) + 1)
    }
    kroner: dict[tuple[int, int], float] = {}  # cells a number format shows as "… kr."
    formats: dict[tuple[int, int], str] = {}  # and that format
    struck: dict[int, list[bool]] = {}  # row -> whether each filled cell is struck through
    first: dict[int, str] = {}
    for (row, column), cell in sorted(worksheet._cells.items()):  # the cells that exist
        value = cell.value
        if isinstance(value, str):
            value = excel_text(value)
        if row not in hidden and not is_blank(value):
            struck.setdefault(row, []).append(bool(getattr(cell.font, "strike", False)))
            first.setdefault(row, str(value).strip())
        if cell.comment is not None and row not in hidden:
            sheet.comments.append((row, Cell(row, column, value).ref))  # a note: not read
        if row in hidden:
            if not is_blank(value) and row not in sheet.hidden_rows:
                sheet.hidden_rows.append(row)
                sheet.hidden_first[row] = (column, str(value).strip())
            if not is_blank(value):
                sheet.hidden_cells[(row, column)] = Cell(row, column, value)
            continue
        seen = column in sheet.hidden_columns
        if column in hidden_columns and not is_blank(value) and not seen:
            sheet.hidden_columns.append(column)
        formula = None
        error = None
        if cell.data_type == "f":
            formula = str(getattr(value, "text", None) or value or "=")
            if not formula.startswith("="):
                formula = "=" + formula
            result = saved.get((row, column))
            if result is not None and result.data_type == "e":
                formula, error = None, str(result.value)  # "#DIV/0!": said as an error
            elif result is not None and result.data_type == "str" and is_blank(result.value):
                # a text result saved empty: Excel's =HVIS(F6="";"";…) shows an empty cell,
                # and it is one (a formula saved without any value has no text type)
                continue
            elif result is not None and not is_blank(result.value):
                # the value the office saw: read as it is shown, and named in a note
                sheet.from_formulas.append((Cell(row, column, value).ref, formula))
                formula, value = None, result.value
        elif cell.data_type == "e":
            error = str(value)
        elif is_blank(value):
            continue
        thousands = _format_thousands(cell.number_format, value) if formula is None else 0
        if thousands:
            # "#.##0," shows 400 for 400000: the office reads (and means) what it sees
            value = value / 1000**thousands
            scaled = Scaled(Cell(row, column, value), thousands, str(cell.number_format))
            sheet.shown_scaled[(row, column)] = scaled
        shown_unit = _format_unit(cell.number_format, value) if formula is None else None
        if shown_unit is not None and unit_scale(shown_unit) == unit_scale("kr."):
            # Excel's "Valuta"/"Regnskab" formats write "kr." after any number: decided for
            # the sheet as a whole below (0,8 in a catalogue in mio. kr. became 0,0000008)
            kroner[(row, column)] = float(value)
            formats[(row, column)] = str(cell.number_format)
            shown_unit = None
        if shown_unit is not None:
            # "#,##0 "t. kr."" shows 350 as "350 t. kr.": read as the text the office sees,
            # so that a deck in mio. kr. gets 0,35, as from a cell typed "350 t. kr." (it got
            # 350 mio. kr. a year, and the import said OK)
            sheet.unit_formatted[Cell(row, column, None).ref] = (
                str(cell.number_format),
                float(value),
                shown_unit,
            )
            value = f"{danish(float(value))} {shown_unit}"
        if formula is None and _format_hides(cell.number_format, value):
            # "#.##0;;" shows a negative amount as an empty cell, ";;;" every number: the
            # office saw nothing where the import read −500 (said at the cell)
            sheet.shown_blank.append(
                (Cell(row, column, value).ref, str(cell.number_format), float(value))
            )
        percent = formula is None and _format_percent(cell.number_format, value)
        sheet.cells[(row, column)] = Cell(row, column, value, formula, error, percent)
    _read_kroner_formats(sheet, kroner, problems)
    for (row, column), amount in kroner.items():
        if isinstance(sheet.cells[(row, column)].value, str):  # read as kroner
            ref = Cell(row, column, None).ref
            sheet.unit_formatted[ref] = (formats[(row, column)], amount, "kr.")
    # a budget office strikes a rejected proposal through instead of deleting it – the whole
    # row, or its title: read, and said (it was imported without a word)
    sheet.struck_rows = [(row, first[row]) for row, marks in sorted(struck.items()) if any(marks)]
    return sheet


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def excel_text(text: str) -> str:
    """A cell's text as Excel shows it: the characters the file stores escaped decoded
    ("_x000D_" is the carriage return of a text pasted from Outlook or Word, "_x005F_" an
    underscore that keeps the next escape as text), every line break a plain "\n", a tab a
    space, and no other control character (nothing a card can show). The card of such a text
    printed "Linje 1_x000D_"."""
    decoded = _ESCAPED.sub(lambda found: chr(int(found.group(1), 16)), text)
    lines = decoded.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL.sub("", lines)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


KRONER_SEEN = 100_000
"""A sheet whose "kr." formats show an amount of this many kroner or more (0,1 mio. kr.) may
hold kroner; one whose every such amount is below it holds the catalogue's own unit."""
KRONER_LEAST = 10_000
"""Below this many kroner an amount is no budget proposal: a sheet with such amounts among
larger ones under a "kr." format holds no one unit (``_read_kroner_formats``)."""


def _read_kroner_formats(
    sheet: Sheet, kroner: dict[tuple[int, int], float], problems: list[CatalogueProblem]
) -> None:
    """Read the numbers a "kr." number format shows (Excel's "Valuta" and "Regnskab" formats,
    ``kroner``: cell → number) the way the whole sheet makes sense of them. When every one is
    below ``KRONER_SEEN`` the format is the look of money, not the unit: they are read in the
    catalogue's unit and named in ``Sheet.kroner_ignored`` (0,8 in a catalogue in mio. kr.
    became 0,0000008 mio. kr., and 1.500 in one in t. kr. 1,5 t. kr.). When every one is at
    least ``KRONER_LEAST`` they are kroner, read as if "kr." were typed in the cell. Other
    sheets mix the two, and the import stops at a small and a large one."""
    amounts = {key: v for key, v in kroner.items() if v}
    if not amounts:
        return
    largest = max(amounts, key=lambda key: abs(amounts[key]))
    smallest = min(amounts, key=lambda key: abs(amounts[key]))
    if abs(amounts[largest]) < KRONER_SEEN:
        sheet.kroner_ignored = [Cell(r, c, v).ref for (r, c), v in sorted(amounts.items())]
        return
    if abs(amounts[smallest]) >= KRONER_LEAST:
        for (row, column), value in kroner.items():
            old = sheet.cells[(row, column)]
            sheet.cells[(row, column)] = Cell(
                row, column, f"{danish(value)} kr.", old.formula, old.error, old.percent
            )
        return
    problems.append(
        CatalogueProblem(
            sheet.where(Cell(*smallest, 0).ref),
            Message.of(
                "catalogue.kroner_format_mixed",
                small=Cell(*smallest, 0).ref,
                small_value=amount_text(amounts[smallest]),
                large=Cell(*largest, 0).ref,
                large_value=amount_text(amounts[largest]),
            ),
        )
    )


def _too_large(worksheet: Any) -> Message | None:
    """Why a sheet is too large to be a catalogue's – rows with content beyond ``MAX_ROWS``
    under its headings, or columns beyond ``MAX_COLUMNS`` – with what to do; None if it is
    not. Cells that only carry a format do not count."""
    used = [
        (row, column)
        for (row, column), cell in worksheet._cells.items()
        if cell.data_type in ("f", "e") or not is_blank(cell.value)
    ]
    if not used:
        return None
    last_row, last_column = max(row for row, _ in used), max(column for _, column in used)
    if last_row > MAX_ROWS + 1:
        return Message.of(
            "catalogue.file.too_many_rows", last=amount_text(last_row), most=amount_text(MAX_ROWS)
        )
    if last_column > MAX_COLUMNS:
        return Message.of(
            "catalogue.file.too_many_columns",
            column=column_letter(last_column),
            most=amount_text(MAX_COLUMNS),
        )
    return None


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
"""The parts of a number format that show text (quoted text, an escaped character, a colour
or condition in brackets, the spacing of "_)" and the fill of "*-")."""


def _section(number_format: Any, value: Any, sign: str) -> str | None:
    """The section of Excel's number format that shows the number ``value`` (the second for
    a negative number when there is one), when the format holds ``sign`` at all; None for
    text, booleans and formats without it."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not isinstance(number_format, str) or sign not in number_format:
        return None
    sections = number_format.split(";")
    return sections[1] if value < 0 and len(sections) > 1 else sections[0]


def _format_hides(number_format: Any, value: Any) -> bool:
    """True when Excel's number format shows no digit of the number ``value`` other than 0:
    the section that shows it has no digit placeholder ("#.##0;;" shows a negative number as
    an empty cell, ";;;" every number, '0;"–"' a negative one as a dash). False for text, 0,
    formats of one section and formats with conditions ("[<0]"), whose sections do not go by
    the sign."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value:
        return False
    if not isinstance(number_format, str) or ";" not in number_format:
        return False
    if re.search(r"\[[<>=]", number_format):
        return False
    section = _section(number_format, value, ";")
    shown = _QUOTED.sub("", section or "")
    return not re.search(r"[0#?]|general|standard", shown, re.IGNORECASE)


def _format_percent(number_format: Any, value: Any) -> bool:
    """True when Excel's number format shows the number ``value`` as a percentage ("0%",
    "0,0 %"): a % outside quoted text in the section that shows it."""
    section = _section(number_format, value, "%")
    return section is not None and "%" in _QUOTED.sub(" ", section)


def _format_unit(number_format: Any, value: Any) -> str | None:
    """The unit of money Excel's number format writes after the number ``value`` as quoted
    text ('#,##0 "t. kr."' shows 350 as "350 t. kr."), when it is one the game knows
    (``is_known_unit``); None for text, other formats and other words ('0 "stk."')."""
    section = _section(number_format, value, '"')
    if section is None:
        return None
    words = " ".join(re.findall(r'"([^"]*)"', section)).strip()
    return words if words and is_known_unit(words) else None


def _format_thousands(number_format: Any, value: Any) -> int:
    """How many times Excel's number format divides a number by 1.000 when it shows it: each
    comma right after the last digit placeholder of the section that shows ``value``
    ("#,##0," shows 400000 as 400; "0,," shows millions). 0 for text, dates and the usual
    formats."""
    section = _section(number_format, value, ",")
    if section is None:
        return 0
    plain = _QUOTED.sub(" ", section)
    last = max(plain.rfind(c) for c in "0#?")
    if last < 0:
        return 0
    after = plain[last + 1 :]
    return len(after) - len(after.lstrip(","))
