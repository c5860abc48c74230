"""Budget tables as budget offices lay them out: a heading of two rows, and a unit named in a
title or a band over the years that must agree with the deck's unit."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from game.content import load_deck
from tests.catalogue.conftest import ABOUT, run_import, sheets, write_book

TWO_ROW_HEADING = [
    ["Budgetforslag 2027–2029"],
    [],
    ["id", "slags", "titel", "område", "Beløb i mio. kr.", None, None, "tekst"],
    [None, None, None, None, 2027, 2028, 2029, None],
    ["spar", "besparelse", "Spar på kontoret", "Administration", 3, 3, 3, "Tekst"],
    ["eff", "effektivisering", "Ny vagtplan", "Ældre", -1, 2, 4, None],
    ["inv", "investering", "Forebyggelse", "Sundhed", -3, 1, 6, None],
]


def _book(path: Path, rows: list[list[object]], unit: str = "mio. kr.") -> Path:
    about = [list(row) for row in ABOUT]
    about[3] = ["enhed", unit]
    write_book(path, sheets(proposals=rows, about=about))
    book = openpyxl.load_workbook(path)
    sheet = book["Forslag"]
    sheet.merge_cells("A1:H1")
    for column in "ABCDH":
        sheet.merge_cells(f"{column}3:{column}4")
    sheet.merge_cells("E3:G3")
    book.save(path)
    return path


def test_a_heading_of_two_rows_with_merged_cells_is_read_as_one(capsys, tmp_path):
    # Before: "Forslag!A3:A4: cellerne er flettet; ophæv fletningen" for each of the five
    # headings merged down, though this is how most budget tables are laid out.
    path = _book(tmp_path / "katalog.xlsx", [list(row) for row in TWO_ROW_HEADING])
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "flettet" not in text
    deck = load_deck(tmp_path / "dæk")
    assert [p.id for p in deck.proposals] == ["spar", "eff", "inv"]
    assert deck.proposal("eff").effect == (-1.0, 2.0, 4.0)
    assert deck.proposal("spar").kind.value == "saving"


def test_cells_under_a_two_row_heading_keep_their_names(capsys, tmp_path):
    rows = [list(row) for row in TWO_ROW_HEADING]
    rows[5][5] = "to"  # eff's 2028 amount, cell F6
    path = _book(tmp_path / "katalog.xlsx", rows)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2 and f"{path}:Forslag!F6:" in text, text


def test_a_merged_cell_among_the_proposals_is_still_refused(capsys, tmp_path):
    path = _book(tmp_path / "katalog.xlsx", [list(row) for row in TWO_ROW_HEADING])
    book = openpyxl.load_workbook(path)
    book["Forslag"].merge_cells("E6:F6")
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2 and f"{path}:Forslag!E6:F6: cellerne er flettet" in text, text


def test_a_band_in_thousands_over_a_deck_in_millions_stops_the_import(capsys, tmp_path):
    # Before: the band was not read, and 3.000 t. kr. would have been 3.000 mio. kr. (or,
    # the other way round, 3 mio. kr. under a 't. kr.' deck a tiny 0,003).
    rows = [list(row) for row in TWO_ROW_HEADING]
    rows[2][4] = "Beløb i 1.000 kr."
    path = _book(tmp_path / "katalog.xlsx", rows)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{path}:Forslag!E3: 'Beløb i 1.000 kr.' siger, at beløbene er i 1.000 kr., men "
        "'enhed' på arket Om kataloget er 'mio. kr.'"
    ) in text
    assert not (tmp_path / "dæk").exists()


def test_a_band_that_agrees_with_the_deck_unit_imports(capsys, tmp_path):
    rows = [list(row) for row in TWO_ROW_HEADING]
    rows[2][4] = "Beløb i 1.000 kr."
    for row in rows[4:]:
        row[4:7] = [value * 1000 for value in row[4:7]]
    path = _book(tmp_path / "katalog.xlsx", rows, unit="t. kr.")
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    deck = load_deck(tmp_path / "dæk")
    assert deck.unit == "t. kr." and deck.proposal("inv").effect == (-3000.0, 1000.0, 6000.0)


def test_a_title_naming_another_unit_stops_the_import(capsys, tmp_path):
    rows = [list(row) for row in TWO_ROW_HEADING]
    rows[0][0] = "Budgetforslag 2027–2029 (t. kr.)"
    path = _book(tmp_path / "katalog.xlsx", rows)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2 and f"{path}:Forslag!A1: 'Budgetforslag 2027–2029 (t. kr.)' siger" in text


def test_two_full_rows_of_headings_are_not_joined(capsys, tmp_path):
    # a row under the headings that repeats them is a mistake to name, not a heading's part
    rows = [list(row) for row in TWO_ROW_HEADING]
    rows[2][4:7] = ["år 1", "år 2", "år 3"]
    rows[3] = ["id", "slags", "titel", "område", "år 1", "år 2", "år 3", "tekst"]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2 and f"{path}:Forslag!" in text, text
