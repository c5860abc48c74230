"""Workbooks and CSV files made the way a budget office makes them: cell by cell."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from game.cli import main

ABOUT = [
    ["felt", "værdi"],
    ["id", "lille"],
    ["titel", "Lille katalog"],
    ["enhed", "mio. kr."],
    ["formatversion", 2],
]
PROPOSAL_HEADERS = ["id", "slags", "titel", "område", "år 1", "år 2", "år 3", "tekst"]
PROPOSALS = [
    PROPOSAL_HEADERS,
    ["spar", "besparelse", "Spar på kontoret", "Administration", 3, None, None, "Tekst"],
    ["eff", "effektivisering", "Ny vagtplan", "Ældre", -1, 2, 4, None],
    ["inv", "investering", "Forebyggelse", "Sundhed", -3, 1, 6, None],
]
EVENTS = [["id", "titel", "år 1"], ["udligning", "Udligningen falder", -1]]
SCENARIOS = [
    ["id", "titel", "år", "mål"],
    ["tre-aar", "Tre år", "2027; 2028; 2029", "1; 2; 2"],
]


def sheets(**changes: list[list[Any]] | None) -> dict[str, list[list[Any]]]:
    """The small valid catalogue, with some sheets replaced (None: left out)."""
    found = {
        "Om kataloget": ABOUT,
        "Forslag": PROPOSALS,
        "Hændelser": EVENTS,
        "Scenarier": SCENARIOS,
    }
    names = {"about": "Om kataloget", "proposals": "Forslag", "events": "Hændelser"}
    names["scenarios"] = "Scenarier"
    for key, rows in changes.items():
        if rows is None:
            found.pop(names[key])
        else:
            found[names[key]] = rows
    return {name: [list(row) for row in rows] for name, rows in found.items()}


def write_book(path: Path, content: dict[str, Sequence[Sequence[Any]]]) -> Path:
    """A workbook with one sheet per entry, each row typed in cell by cell."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in content.items():
        sheet = book.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(row=r, column=c, value=value)
    book.save(path)
    return path


def run_import(capsys: pytest.CaptureFixture[str], *paths: Path, out: Path) -> tuple[int, str]:
    """``raaderum import PATHS --out OUT``: the exit code and what it wrote to stderr."""
    code = main(["import", *(str(p) for p in paths), "--out", str(out)])
    captured = capsys.readouterr()
    return code, captured.err + captured.out


def saved_by_excel(path: Path, sheet: str, values: dict[str, Any]) -> Path:
    """The workbook at ``path`` as Excel saves it: each formula cell of ``sheet`` named in
    ``values`` ("G3") with the value Excel calculated stored next to its formula (openpyxl
    writes formulas without one; a value of the form "#…" is stored as an error, "" as an
    empty text)."""
    import re
    import zipfile

    names = openpyxl.load_workbook(path).sheetnames
    member = f"xl/worksheets/sheet{names.index(sheet) + 1}.xml"
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    xml = parts[member].decode("utf-8")
    for ref, value in values.items():
        # "#…" an error; "" a text result saved empty (=HVIS(F6="";"";…)), typed as text
        kind = ' t="e"' if str(value).startswith("#") else ' t="str"' if value == "" else ""
        pattern = re.compile(rf'<c r="{ref}"([^>]*)><f>([^<]*)</f><v\s*/>')
        xml, found = pattern.subn(
            lambda m, r=ref, v=value, k=kind: (
                f'<c r="{r}"{m.group(1)}{k}><f>{m.group(2)}</f><v>{v}</v>'
            ),
            xml,
        )
        assert found == 1, ref
    parts[member] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path
