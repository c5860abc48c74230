"""A controller's re-check of the import (trial D): English workbooks with short phrases in
a column that looks like 'service', two-row headings with a band of staff or construction,
per-year staff beside an 'årsværk' column, sum rows on a side sheet of proposals, English
words to type in English workbooks, the welfare areas' example and units in English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from game.cli import main
from tests.catalogue.conftest import run_import, sheets, write_book


def _english_book(extra: list[str] = (), cells: list[Any] = (), unit: str = "m DKK") -> dict:
    """An English office's workbook (as the trial's mk_en.py makes it)."""
    proposals = [["Ref", "Title", "Type", "Service area", "Year 1", "Year 2", "Year 3", *extra]]
    for ref, title, kind, area, amounts in [
        ("C1", "Fewer cleaning visits", "Saving", "Elderly care", (0.8, 1.6, 1.6)),
        ("C2", "Shared purchasing", "Efficiency", "Cross-cutting", (0.2, 0.5, 0.5)),
        ("C3", "Early intervention", "Investment", "Children", (-1, 0.5, 1.5)),
    ]:
        proposals.append([ref, title, kind, area, *amounts, *cells])
    return {
        "About the catalogue": [
            ["field", "value"],
            ["id", "harbourtown"],
            ["title", "Harbourtown savings catalogue"],
            ["language", "en"],
            ["unit", unit],
            ["format version", 2],
        ],
        "Proposals": proposals,
        "Scenarios": [
            ["id", "title", "years", "target", "capacity"],
            ["base", "Three years", "2027-2029", "0.5; 1; 2", 6],
        ],
    }


def _import_en(capsys, tmp_path: Path, book: dict, name: str = "en.xlsx") -> tuple[int, str, Path]:
    path = write_book(tmp_path / name, book)
    out = tmp_path / f"d-{name}"
    code = main(["--lang", "en", "import", str(path), "--out", str(out)])
    captured = capsys.readouterr()
    return code, captured.err + captured.out, path


@pytest.mark.parametrize("phrase", ["Longer waits", "Fewer visits"])
def test_short_repeated_phrases_under_service_impact_are_a_description(capsys, tmp_path, phrase):
    # Before: "'Service impact' … looks like 'service': rename it 'service' to have it read"
    # and "3 proposals … take their kind's standard for 'service' … rename it 'service'",
    # which gave an error for every row; only full sentences were caught
    book = _english_book(["Service impact"], [phrase])
    code, text, path = _import_en(capsys, tmp_path, book)
    assert code == 0, text
    assert (
        f"{path}:Proposals!H1: warning: the column 'Service impact' holds text (e.g. "
        f"'{phrase}') and is not read: the game's 'service' is a whole number from −5 to 5"
    ) in text, text
    assert "rename it 'service'" not in text, text


def test_short_repeated_danish_phrases_under_servicekonsekvens_are_a_description(capsys, tmp_path):
    rows = [list(row) for row in sheets()["Forslag"]]
    rows[0].append("Servicekonsekvens")
    for row in rows[1:]:
        row.append("Længere ventetid")
    path = write_book(tmp_path / "k.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "d")
    assert code == 0, text
    assert (
        f"{path}:Forslag!I1: advarsel: kolonnen 'Servicekonsekvens' har tekst (fx 'Længere "
        "ventetid') og er ikke læst"
    ) in text, text
    assert "omdøb den til 'service'" not in text, text
