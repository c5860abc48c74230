"""Which cell of a workbook its reader stumbled on: a cell Excel itself could not have
written (the number "NaN" or "INF", a text that points past the workbook's shared texts, a
truth value other than 0 or 1, a date that is no date), as another program's export may
leave one. openpyxl stops on such a cell without saying which it is; the import then names
the sheet and the cell, as it names every other problem ("FILE:SHEET!CELL: …").

The sheets are read with defusedxml, as openpyxl reads them, and only after openpyxl failed:
the normal import never pays for this second look.
"""

from __future__ import annotations

import datetime
import io
import math
import posixpath
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO

from defusedxml import ElementTree

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass(frozen=True)
class BadCell:
    """A cell no reader can take: ``sheet`` (its name as the workbook shows it), ``ref``
    ("E2"), ``kind`` ("number", "text", "truth" or "date": what the file says the cell
    holds) and ``value``, the characters stored for it (at most 40)."""

    sheet: str
    ref: str
    kind: str
    value: str


def find_bad_cell(raw: bytes, wanted: Callable[[str], bool]) -> BadCell | None:
    """The first cell, sheet by sheet in the workbook's order, that cannot be read, among
    the sheets whose names ``wanted`` accepts; None when none is found (the file is broken in
    another way) or the file's parts cannot be found."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            shared = _shared_count(archive, names)
            for title, member in _sheets(archive, names):
                if not wanted(title) or member not in names:
                    continue
                with archive.open(member) as part:
                    for ref, kind, value in _cells(part):
                        said = _unreadable(kind, value, shared)
                        if said is not None:
                            return BadCell(title, ref, said, value[:40])
    except Exception:  # a part missing or broken, defusedxml's refusals: the caller says
        return None  # that the file cannot be read, as it did before this look
    return None


def _sheets(archive: zipfile.ZipFile, names: set[str]) -> list[tuple[str, str]]:
    """(title, member) of every worksheet, in the workbook's order."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels_name = "xl/_rels/workbook.xml.rels"
    targets: dict[str, str] = {}
    if rels_name in names:
        for rel in ElementTree.fromstring(archive.read(rels_name)).iter(f"{PACKAGE}Relationship"):
            target = rel.get("Target", "")
            member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            targets[rel.get("Id", "")] = posixpath.normpath(member)
    found = []
    for sheet in book.iter(f"{MAIN}sheet"):
        member = targets.get(sheet.get(f"{RELATIONSHIPS}id", ""))
        if member is not None:
            found.append((sheet.get("name", ""), member))
    return found


def _shared_count(archive: zipfile.ZipFile, names: set[str]) -> int:
    """How many shared texts the workbook holds (0 without the part)."""
    if "xl/sharedStrings.xml" not in names:
        return 0
    with archive.open("xl/sharedStrings.xml") as part:
        return sum(1 for _, item in ElementTree.iterparse(part) if item.tag == f"{MAIN}si")


def _cells(part: IO[bytes]) -> Iterator[tuple[str, str, str]]:
    """(ref, type, stored value) of every cell of a worksheet part that has a value."""
    for _, element in ElementTree.iterparse(part):
        if element.tag != f"{MAIN}c":
            continue
        value = element.find(f"{MAIN}v")
        if value is not None and value.text is not None:
            yield element.get("r", "?"), element.get("t", "n"), value.text.strip()
        element.clear()


def _unreadable(kind: str, value: str, shared: int) -> str | None:
    """What a cell of type ``kind`` with ``value`` should have held, when it does not."""
    if kind == "n":
        try:
            number = float(value)
        except ValueError:
            return "number"
        return None if math.isfinite(number) else "number"
    if kind == "s":
        return None if value.isdigit() and int(value) < shared else "text"
    if kind == "b":
        return None if value in ("0", "1") else "truth"
    if kind == "d":
        try:
            datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return "date"
    return None
