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


def _two_row_book(path: Path, band: str) -> Path:
    """A two-row heading: "Beløb i mio. kr." merged over E–G and ``band`` merged over H–J,
    with 2027 … 2029 under each (the trial's mk2.py, b1.xlsx)."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets(proposals=None).items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    sheet = book.create_sheet("Forslag", 1)
    sheet.append(["Nr.", "Udvalg", "Forslag", "Type", "Beløb i mio. kr.", None, None, band])
    sheet.append([None, None, None, None, 2027, 2028, 2029, 2027, 2028, 2029])
    for column in "ABCD":
        sheet.merge_cells(f"{column}1:{column}2")
    sheet.merge_cells("E1:G1")
    sheet.merge_cells("H1:J1")
    sheet.append(["F1", "Ældre", "Færre besøg", "Besparelse", 1, 2, 2, -1, -2, -2])
    sheet.append(["F2", "Skole", "Ny plan", "Effektivisering", 0.5, 1, 1, -1, -1, -1])
    book.save(path)
    return path


def test_a_band_of_staff_over_a_second_set_of_years_is_staff_per_year(capsys, tmp_path):
    # Before: four errors "kolonnen '2027' står to gange (også i E2): står der to rækker af år,
    # fx drift og anlæg? … anlægget skrives samlet i kolonnen 'anlæg'"
    for band in ("Årsværk", "ÅV", "Personale"):
        path = _two_row_book(tmp_path / f"{band}.xlsx", band)
        code, text = run_import(capsys, path, out=tmp_path / f"d-{band}")
        assert code == 2, text
        assert (
            f"{path}:Forslag!H2: '2027', '2028', '2029' under '{band}' (H1) er årsværk pr. år, "
            "ikke beløb; spillet har ét tal for årsværk pr. forslag, i kolonnen 'årsværk'"
        ) in text, text
        assert "står to gange" not in text and "anlæg" not in text, text


def test_a_band_of_construction_over_a_second_set_of_years_is_construction(capsys, tmp_path):
    path = _two_row_book(tmp_path / "k.xlsx", "Anlæg")
    code, text = run_import(capsys, path, out=tmp_path / "d")
    assert code == 2, text
    assert text.count("er anlæg for ét år") == 1, text
    assert (
        f"{path}:Forslag!H2: kolonnen '2027' under 'Anlæg' (H1) er anlæg for ét år: spillet har "
        "ét anlægsbeløb pr. forslag"
    ) in text, text
    assert "står to gange" not in text, text


def test_per_year_staff_beside_an_arsvaerk_column_are_to_be_deleted(capsys, tmp_path):
    # Before: "Behold én kolonne – fx 'ÅV 2029' omdøbt til 'årsværk' – og slet de andre",
    # which would make a second column of årsværk
    rows = [list(row) for row in sheets()["Forslag"]]
    rows[0] += ["Årsværk", "ÅV 2028", "ÅV 2029"]
    for row in rows[1:]:
        row += [-2, -1, -2]
    path = write_book(tmp_path / "k.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "d")
    assert code == 2, text
    assert (
        f"{path}:Forslag!J1: 'ÅV 2028', 'ÅV 2029' er årsværk pr. år, ikke beløb; spillet har ét "
        "tal for årsværk pr. forslag (ændringen i årsværk, når forslaget virker fuldt ud), og det "
        "står allerede i kolonnen 'Årsværk' (I1). Slet kolonnerne pr. år (eller flyt dem til et "
        "ark, der ikke læses, fx 'Noter')"
    ) in text, text
    assert "omdøbt til" not in text, text


@pytest.mark.parametrize(
    "total",
    [
        [None, "I alt", 2, -1, -1, -1],
        ["Sum", None, "=SUM(C2:C2)", "=SUM(D2:D2)"],
        [None, None, "=SUM(C2:C2)", "=SUM(D2:D2)"],
    ],
)
def test_a_side_sheets_rows_are_counted_without_its_sum_row(capsys, tmp_path, total):
    # Before: "… og 2 udfyldte rækker under dem" for one proposal and its "I alt" row
    book = sheets()
    book["Investeringer"] = [
        ["Nr.", "Forslag", "2027", "2028", "2029", "2030"],
        ["INV-9", "Klimatilpasning", 2, -1, -1, -1],
        total,
    ]
    path = write_book(tmp_path / "k.xlsx", book)
    code, text = run_import(capsys, path, out=tmp_path / "d")
    assert code == 2, text
    assert (
        f"{path}: arket 'Investeringer' har overskrifter som en tabel over forslag (nummer, titel "
        "og beløb pr. år), men ingen kolonne med forslagets slags, og en udfyldt række under dem"
    ) in text, text


def test_an_english_workbook_is_told_english_words_to_type(capsys, tmp_path):
    # Before: "write 'investering' in the column 'Type'", "e.g. 'Noter'", "(e.g.
    # 'Servicebeskrivelse')" – Danish words to type into an English workbook
    book = _english_book(["Service impact", "FTE 2027", "FTE 2028"], ["Longer waits", -1, -2])
    book["Investments"] = [
        ["Ref", "Title", "Service area", "Year 1", "Year 2"],
        ["I1", "Rehab", "Elderly care", -1, 1],
    ]
    code, text, path = _import_en(capsys, tmp_path, book)
    assert code == 2, text
    assert (
        "Move the row to the sheet 'Proposals' and write 'investment' in the column 'Type', as "
        "the sheet's name says, or delete the sheet 'Investments' if it is an old copy"
    ) in text, text
    assert (
        f"{path}:Proposals!I1: 'FTE 2027', 'FTE 2028' are staff per year (årsværk), not amounts;"
        " the game has one figure of staff per proposal, in the column 'staff' (the change in "
        "staff once the proposal works in full). Keep one column – e.g. 'FTE 2028' renamed "
        "'staff' – and delete the others (or move them to a sheet that is not read, e.g. "
        "'Notes')"
    ) in text, text
    assert (
        "If the words belong on the card, move them to the column 'text'; otherwise give the "
        "column another name (e.g. 'Impact on users') so that it is not taken for the number"
    ) in text, text
    # a sheet without the kind's name: the three kinds, in English
    book["Extra"] = book.pop("Investments")
    code, text, path = _import_en(capsys, tmp_path, book, "extra.xlsx")
    assert "write the proposal's kind (saving, efficiency or investment) in the column" in text


@pytest.mark.parametrize("heading", ["targets", "Targets", "titles"])
def test_a_near_miss_of_an_english_heading_is_said_as_that_column(capsys, tmp_path, heading):
    # Before: "'targets' is not a column … and is skipped" and "the column 'target' is
    # missing", with nothing linking them
    book = _english_book()
    column = 3 if heading.lower() == "targets" else 1
    book["Scenarios"][0][column] = heading
    code, text, path = _import_en(capsys, tmp_path, book)
    assert code == 2, text
    close = "target" if heading.lower() == "targets" else "title"
    letter = "D" if column == 3 else "B"
    assert text.splitlines()[0] == (
        f"{path}:Scenarios!{letter}1: unknown column '{heading}' (did you mean '{close}'?)"
    ), text
    assert "is missing" not in text and "skipped" not in text, text


def _areas_book(areas: list[str]) -> dict:
    rows = [["id", "slags", "titel", "område", "år 1", "år 2"]]
    kinds = ["investering", "effektivisering", "besparelse", "effektivisering"]
    for number, area in enumerate(areas, start=1):
        amounts = [-1, 2] if number == 1 else [1, 2]
        rows.append([f"F{number}", kinds[number - 1], f"Forslag {number}", area, *amounts])
    return sheets(proposals=rows)


def test_the_welfare_example_names_every_area_that_looks_like_welfare(capsys, tmp_path):
    # Before: "fx 'Dagtilbud 0-5 år'" – 'Hjemmepleje og plejecentre' was left out
    areas = ["Administration", "Dagtilbud 0-5 år", "Hjemmepleje og plejecentre", "Tværgående"]
    path = write_book(tmp_path / "k.xlsx", _areas_book(areas))
    code, text = run_import(capsys, path, out=tmp_path / "d")
    assert code == 0, text
    assert (
        "skriv jeres velfærdsområder ud for 'velfærdsområder' på arket Om kataloget, fx "
        "'Dagtilbud 0-5 år; Hjemmepleje og plejecentre'\n"
    ) in text, text
    assert main(["validate", str(tmp_path / "d")]) == 0
    said = capsys.readouterr()
    assert "fx welfare_areas: [Dagtilbud 0-5 år, Hjemmepleje og plejecentre]" in said.out, said


def test_no_welfare_example_is_made_up_from_areas_that_are_not_welfare(capsys, tmp_path):
    # Before: "fx 'Administration; IT og digitalisering'" – areas that are not welfare areas
    areas = ["Administration", "IT og digitalisering", "Tværgående", "Vej og park"]
    path = write_book(tmp_path / "k.xlsx", _areas_book(areas))
    code, text = run_import(capsys, path, out=tmp_path / "d")
    assert code == 0, text
    assert (
        f"{path}:Forslag!D1: advarsel: ingen af forslagenes områder (Administration, IT og "
        "digitalisering, Tværgående, Vej og park) er et velfærdsområde, så ingen af dem giver "
        "den ekstra træthed, en effektivisering på velfærdsområderne giver, og ingen af navnene "
        "ligner et (ældre, sundhed, skole, dagtilbud, børn og unge, social og handicap, "
        "psykiatri, beskæftigelse); har kataloget velfærdsområder under andre navne, så skriv "
        "dem, som forslagene kalder dem, ud for 'velfærdsområder' på arket Om kataloget, adskilt "
        "af semikolon – har det ingen, er det i orden\n"
    ) in text, text
    assert main(["validate", str(tmp_path / "d")]) == 0
    said = capsys.readouterr()
    assert (
        "og ingen af navnene ligner et (ældre, sundhed, skole, dagtilbud, børn og unge, social "
        "og handicap, psykiatri, beskæftigelse); har dækket velfærdsområder under andre navne, "
        "så skriv dem, som forslagene kalder dem, i 'welfare_areas' i dækkets hoved – har det "
        "ingen, er det i orden"
    ) in said.out, said
    assert "fx welfare_areas" not in said.out, said


def test_the_english_welfare_example_leaves_cross_cutting_out(capsys, tmp_path):
    # Before: "e.g. 'Elderly care; Cross-cutting'" – Cross-cutting is no welfare area
    code, text, path = _import_en(capsys, tmp_path, _english_book())
    assert code == 0, text
    assert (
        f"{path}:Proposals!D1: warning: none of the proposals' areas (Children, Cross-cutting, "
        "Elderly care) is a welfare area, so none of them adds the extra fatigue an efficiency "
        "on a welfare area does; write your welfare areas next to 'welfare areas' on the sheet "
        "About the catalogue, e.g. 'Children; Elderly care'"
    ) in text, text


def test_an_english_workbooks_warnings_name_its_unit_in_english(capsys, tmp_path):
    # Before: "the target for 2027 is 1 mio. kr., but the pile gives at most about 0.8 mio.
    # kr." for a workbook whose unit is 'm DKK'
    book = _english_book()
    book["Scenarios"][1][3] = "1; 2; 3"
    code, text, path = _import_en(capsys, tmp_path, book)
    assert code == 0, text
    assert (
        f"{path}:Scenarios!D2: warning: the scenario 'base' cannot be won without luck: the "
        "target for 2027 is 1 m DKK, but the pile gives at most about 0.8 m DKK in 2027"
    ) in text, text
    assert "mio. kr." not in text, text


def test_a_unit_conflict_quotes_the_unit_cell_as_written_and_in_english(capsys, tmp_path):
    # Before: "'Amounts in DKK '000' says the amounts are in t. kr., but 'unit' on the sheet
    # 'About the catalogue' is 'mio. kr.'" – the cell says 'm DKK'
    book = _english_book()
    book["Proposals"] = [["Amounts in DKK '000"], [], *book["Proposals"]]
    code, text, path = _import_en(capsys, tmp_path, book)
    assert code == 2, text
    assert (
        f"{path}:Proposals!A1: 'Amounts in DKK '000' says the amounts are in DKK '000, but 'unit' "
        "on the sheet 'About the catalogue' is 'm DKK'; correct one of them so that they agree"
    ) in text, text


def test_a_unit_stop_in_an_english_workbook_names_units_in_english(capsys, tmp_path):
    # Before: "frees 1.6 t. kr. a year … are the amounts in mio. kr.? Then write 'mio. kr.'
    # beside 'unit'" to a workbook whose unit is "DKK '000"
    code, text, path = _import_en(capsys, tmp_path, _english_book(unit="DKK '000"))
    assert code == 2, text
    assert (
        f"{path}:About the catalogue!B5: the typical proposal frees 1.5 DKK '000 a year, that is "
        "1,500 kroner, far less than a budget proposal: are the amounts in m DKK? Then write "
        "'m DKK' beside 'unit' on the sheet About the catalogue."
    ) in text, text


def test_a_side_sheets_proposal_titled_like_a_total_is_counted(capsys, tmp_path):
    # a review: "B7 | Samlet ledelse på skoleområdet" was counted as a totals row, so a side
    # sheet of that one proposal was said to have no filled row, and nothing stopped the import
    book = sheets()
    book["Investeringer"] = [
        ["Nr.", "Forslag", "2027", "2028", "2029", "2030"],
        ["B7", "Samlet ledelse på skoleområdet", 2, -1, -1, -1],
    ]
    path = write_book(tmp_path / "k.xlsx", book)
    code, text = run_import(capsys, path, out=tmp_path / "d")
    assert code == 2, text
    assert "arket 'Investeringer' har overskrifter som en tabel over forslag" in text, text
    assert "og en udfyldt række under dem" in text, text
