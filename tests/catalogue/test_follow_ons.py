"""Problems that only follow from another: a Forslag sheet or file that could not be read, or
proposals on rows hidden by a filter, make every id that names them "unknown". The cause is
said first, and what follows from it in one line, not one "ukendt forslag" per id."""

from __future__ import annotations

import csv

import openpyxl

from tests.catalogue.conftest import PROPOSALS, run_import, sheets, write_book

SCENARIOS_NAMING = [
    ["id", "titel", "år", "mål", "forslag"],
    ["tre-aar", "Tre år", "2027; 2028; 2029", "1; 2; 3", "spar, eff, inv"],
    ["alle", "Alle forslag", "2027; 2028; 2029", "1; 2; 3", None],
]
"""Scenarios that name the proposals (the second takes all)."""


def test_ids_on_rows_hidden_by_a_filter_are_said_once_with_the_hidden_rows(capsys, tmp_path):
    # Before: "ukendt forslag 'eff' (mente du …?)" for each id that stood on a hidden row,
    # and "scenariet … kan ikke vindes: det har intet forslag af slagsen …" – while the
    # cause, the hidden rows, came last as a warning
    rows = [[*row, None] for row in PROPOSALS]
    rows[0][-1] = "kræver"
    rows[1][-1] = "eff"
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=SCENARIOS_NAMING))
    book = openpyxl.load_workbook(path)
    for row in (3, 4):  # 'eff' and 'inv', filtered out
        book["Forslag"].row_dimensions[row].hidden = True
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    lines = text.strip().splitlines()
    assert lines[0] == (
        f"{path}:Forslag!A3: rækkerne 3 (eff), 4 (inv) er skjult i Excel (fx filtreret fra) og "
        "er ikke taget med, men kataloget bruger dem: 3 henvisninger nævner de skjulte forslag "
        "'eff', 'inv', og uden de skjulte rækker har scenariet 'alle' intet forslag af slagsen "
        "'effektivisering' eller 'investering' og kan ikke vindes; vis rækkerne (fx Data › Ryd "
        "filter), eller ret det, der bruger dem"
    ), text
    assert "ukendt forslag" not in text and "kan ikke vindes: det har" not in text, text
    assert "advarsel: rækkerne 3 (eff), 4 (inv)" not in text, text  # said once
    assert len(lines) == 1, text


def test_hidden_rows_nothing_names_stay_a_warning(capsys, tmp_path):
    rows = [*PROPOSALS, ["gammel", "besparelse", "Gammelt forslag", "Kultur", 1]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    book = openpyxl.load_workbook(path)
    book["Forslag"].row_dimensions[5].hidden = True
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert f"{path}:Forslag!A5: advarsel: række 5 (gammel) er skjult i Excel" in text


def test_ids_of_a_proposals_sheet_that_could_not_be_read_are_summed_up(capsys, tmp_path):
    # Before: the heading that could not be read, then "ukendt forslag 'spar'", "… 'eff'",
    # "… 'inv'" for every id the scenarios named
    rows = [list(row) for row in PROPOSALS]
    rows[0][4:7] = ["Drift 2027", "Drift 2028", "Drift 2029"]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=SCENARIOS_NAMING))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    lines = text.strip().splitlines()
    assert lines[0].startswith(f"{path}:Forslag!E1: 'Drift 2027' ligner et budgetår"), text
    assert "ukendt forslag" not in text, text
    assert lines[-1] == (
        f"raaderum import: {path}: 3 henvisninger til forslag ('spar', 'eff', 'inv') er ikke "
        "tjekket, fordi arket 'Forslag' ikke kunne læses (se ovenfor)"
    ), text


def test_a_missing_proposals_sheet_is_not_followed_by_unknown_ids(capsys, tmp_path):
    content = sheets(proposals=None, scenarios=SCENARIOS_NAMING)
    content["Budgetforslag 2027"] = PROPOSALS
    path = write_book(tmp_path / "katalog.xlsx", content)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    lines = text.strip().splitlines()
    assert lines[0] == (
        f"raaderum import: {path}: kataloget mangler arket 'Forslag' (mente du 'Budgetforslag "
        "2027'? Omdøb arket til 'Forslag')"
    ), text
    assert "ukendt forslag" not in text, text
    assert "fordi kataloget ikke har arket 'Forslag' (se ovenfor)" in lines[1], text


def _csv(path, rows):  # type: ignore[no-untyped-def]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=",").writerows(rows)
    return path


def test_a_refused_proposals_csv_is_not_called_missing(capsys, tmp_path):
    # Before: forslag.csv was refused (an unquoted decimal comma), and then "kataloget mangler
    # arket 'Forslag'; importér også en CSV-fil med arket Forslag" – it was given – and an
    # "ukendt forslag" for every id the scenarios named
    proposals = [list(row) for row in PROPOSALS]
    files = [
        _csv(tmp_path / "forslag.csv", proposals),
        _csv(tmp_path / "scenarier.csv", SCENARIOS_NAMING),
    ]
    text = (tmp_path / "forslag.csv").read_text(encoding="utf-8")
    (tmp_path / "forslag.csv").write_text(text.replace(",3,", ",2,5,", 1), encoding="utf-8")
    code, text = run_import(capsys, *files, out=tmp_path / "dæk")
    assert code == 2
    lines = text.strip().splitlines()
    assert lines[0].startswith(f"raaderum import: {files[0]}: række 2 har 9 felter"), text
    assert "mangler arket 'Forslag'" not in text and "ukendt forslag" not in text, text
    assert (
        f"3 henvisninger til forslag ('spar', 'eff', 'inv') er ikke tjekket, fordi {files[0]} "
        "ikke kunne læses (se ovenfor)"
    ) in text
