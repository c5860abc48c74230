"""Malformed workbooks and CSV files: each gives a message that names its cell, and exit 2.

Every file is made here, as a budget office would make it (or as an attacker would), and
imported through the command line; no traceback, no deck folder, the whole message checked.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from game.catalogue import workbook
from game.cli import main
from tests.catalogue.conftest import (
    ABOUT,
    PROPOSAL_HEADERS,
    PROPOSALS,
    run_import,
    saved_by_excel,
    sheets,
    write_book,
)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _bomb(body: str) -> bytes:
    """A real billion-laughs bomb (nine levels of ten: 10⁹ 'lol's when expanded) in front of
    ``body``, whose ``&lol9;`` expands it."""
    levels = "".join(
        f' <!ENTITY lol{n} "' + f"&lol{n - 1 if n > 1 else ''};" * 10 + '">\n' for n in range(1, 10)
    )
    head = f'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n{levels}]>\n'
    return (head + body).encode()


BILLION_LAUGHS_STRINGS = _bomb(
    f'<sst xmlns="{_MAIN}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
)
BILLION_LAUGHS_SHEET = _bomb(
    f'<worksheet xmlns="{_MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
    "<t>&lol9;</t></is></c></row></sheetData></worksheet>"
)


def _rewrite(path: Path, change: dict[str, bytes | None]) -> Path:
    """The workbook at ``path`` with some of its zip parts replaced (None: removed) or added."""
    parts = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            parts[name] = archive.read(name)
    for name, content in change.items():
        if content is None:
            parts.pop(name, None)
        else:
            parts[name] = content
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    path.write_bytes(buffer.getvalue())
    return path


def _assert_refused(capsys, tmp_path: Path, *paths: Path, expected: str) -> None:
    out = tmp_path / "dæk"
    code, text = run_import(capsys, *paths, out=out)
    assert code == 2, text
    assert expected in text, text
    assert "Traceback" not in text
    assert not out.exists()
    for line in text.strip().splitlines():  # every line names a file
        assert line.removeprefix("raaderum import: ").startswith(str(paths[0].parent)), line


def _proposals(*rows: list[object]) -> list[list[object]]:
    return [list(PROPOSALS[0]), *[list(r) for r in rows]]


def _year_2_written(tmp_path: Path, written: object) -> Path:
    """The template's catalogue with ``written`` in the second card's 'år 2' (Forslag!F3)."""
    row = list(PROPOSALS[2])
    row[5] = written
    return write_book(tmp_path / "katalog.xlsx", sheets(proposals=_proposals(PROPOSALS[1], row)))


def _headed(capsys, tmp_path: Path, *headings: object, at: int = 4, name: str = "katalog.xlsx"):  # type: ignore[no-untyped-def]
    """Import the small catalogue with its amount headings from column ``at`` (0-based) set to
    ``headings``: the exit code, what it said and the workbook's path."""
    rows = _proposals(*PROPOSALS[1:])
    rows[0][at : at + len(headings)] = list(headings)
    path = write_book(tmp_path / name, sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / f"dæk-{Path(name).stem}")
    return code, text, path


def _hidden(path: Path, column: str) -> Path:
    """The workbook at ``path`` with ``column`` of its Forslag sheet hidden, as Excel hides it."""
    book = openpyxl.load_workbook(path)
    book["Forslag"].column_dimensions[column].hidden = True
    book.save(path)
    return path


def _imported(capsys, tmp_path: Path, rows: list[list[object]]):  # type: ignore[no-untyped-def]
    """Import a catalogue with the Forslag sheet ``rows``; what it said, and the deck."""
    from game.content import load_deck

    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    return text, load_deck(tmp_path / "dæk")


def test_a_misspelt_header_is_named_with_the_column_it_meant(capsys, tmp_path):
    rows = _proposals(*PROPOSALS[1:])
    rows[0][2] = "titl"
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}:Forslag!C1: ukendt kolonne 'titl' (mente du 'titel'?)",
    )


def test_a_missing_column_is_named(capsys, tmp_path):
    rows = [[v for i, v in enumerate(row) if i != 3] for row in PROPOSALS]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}:Forslag: kolonnen 'område' mangler i overskrifterne (række 1",
    )


def test_a_year_as_a_header_says_how_to_write_calendar_amounts(capsys, tmp_path):
    rows = _proposals(*PROPOSALS[1:])
    rows[0][5] = 2026
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert (
        f"{path}:Forslag!F1: kolonnen '2026' er et årstal, men arket har også 'år 1', "
        "'år 3': brug den ene slags overskrift. Med årstal alene læses beløbene som forslagets "
        "indfasning fra det år, det vedtages, og så skal 'år 1', 'år 3' væk"
    ) in text
    # not the advice of before, "årstallet for 'år 1' i kolonnen 'fra budgetår'", which ties
    # the amounts to fixed years, so that an investment adopted later skips its cost
    assert "fra budgetår" not in text


def test_a_kind_typo_is_named_with_its_cell_and_the_word_it_meant(capsys, tmp_path):
    row = list(PROPOSALS[1])
    row[1] = "besparrelse"
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=_proposals(row, *PROPOSALS[2:])))
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}:Forslag!B2: 'slags' skal være besparelse, effektivisering eller "
        "investering, ikke 'besparrelse' (mente du 'besparelse'?)",
    )


def test_text_in_an_amount_cell_is_named(capsys, tmp_path):
    path = _year_2_written(tmp_path, "ca. 2")
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=(
            f"{path}:Forslag!F3: 'år 2' skal være et tal: 'ca. 2' er ikke et tal; skriv kun "
            "tallet, 2 (et skøn er fint som tal)"
        ),
    )


def test_a_merged_cell_names_its_range(capsys, tmp_path):
    path = write_book(tmp_path / "katalog.xlsx", sheets())
    book = openpyxl.load_workbook(path)
    book["Forslag"].merge_cells("C3:D3")
    book.save(path)
    _assert_refused(
        capsys, tmp_path, path, expected=f"{path}:Forslag!C3:D3: cellerne er flettet; ophæv"
    )


def test_an_empty_sheet_is_named(capsys, tmp_path):
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=[]))
    _assert_refused(capsys, tmp_path, path, expected=f"{path}:Forslag: arket er tomt; skriv")


def test_a_sheet_with_only_headers_is_named(capsys, tmp_path):
    path = write_book(tmp_path / "katalog.xlsx", sheets(scenarios=[["id", "titel", "år", "mål"]]))
    _assert_refused(
        capsys, tmp_path, path, expected=f"{path}:Scenarier: arket har kun overskrifter"
    )


def test_a_formula_cell_says_to_paste_values(capsys, tmp_path):
    row = list(PROPOSALS[2])
    row[6] = "=E3*2"
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=_proposals(PROPOSALS[1], row)))
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}:Forslag!G3: 'år 3': cellen indeholder en formel (=E3*2), som filen "
        "ikke har gemt en værdi for (den er ikke gemt fra Excel eller LibreOffice); åbn og gem "
        "filen i Excel, eller kopiér cellerne og indsæt dem som værdier",
    )


def test_formulas_saved_with_their_values_are_read_as_the_values_and_named(capsys, tmp_path):
    # Before: every formula was refused ("indsæt dem som værdier"), though a catalogue's
    # phasings and sums are formulas and Excel saves the value it shows with each of them.
    row = list(PROPOSALS[2])
    row[5], row[6] = "=E3*-2", "=F3*2"  # −1, 2, 4 as Excel calculated and showed them
    rows = _proposals(PROPOSALS[1], row, PROPOSALS[3])
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    saved_by_excel(path, "Forslag", {"F3": 2, "G3": 4})
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    from game.content import load_deck

    assert load_deck(tmp_path / "dæk").proposal("eff").effect == (-1, 2, 4)
    assert (
        f"{path}:Forslag!F3: bemærk: 2 celler med formler (den første: =E3*-2) er læst med de "
        "værdier, Excel regnede ud og gemte med filen"
    ) in text


def test_a_formula_whose_saved_result_is_empty_text_is_an_empty_cell(capsys, tmp_path):
    # Excel's =HVIS(F3="";"";F3*2) saved as "" was refused as a formula "som filen ikke har
    # gemt en værdi for"
    row = list(PROPOSALS[1])
    row[5], row[6], row[7] = '=IF(E2="","",E2)', '=IF(E2="","","")', '=IF(1=1,"","x")'
    rows = _proposals(row, PROPOSALS[2], PROPOSALS[3])
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    saved_by_excel(path, "Forslag", {"F2": 3, "G2": "", "H2": ""})
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    from game.content import load_deck

    deck = load_deck(tmp_path / "dæk")
    assert deck.proposal("spar").effect == (3, 3)
    assert deck.proposal("spar").text == ""
    # a formula saved with no value at all is still refused (it was never calculated)
    path = write_book(tmp_path / "uden.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk2")
    assert code == 2 and "som filen ikke har gemt en værdi for" in text, text


def test_the_formula_note_counts_only_the_cells_that_were_read(capsys, tmp_path):
    # Before: "3 celler med formler (den første: =SUM(E2:G2))" – two of them in the skipped
    # column 'I alt 2027-2029' and the skipped totals row, which were never read
    rows = [
        ["id", "slags", "titel", "område", 2027, 2028, 2029, "I alt 2027-2029"],
        ["spar", "besparelse", "Spar på kontoret", "Administration", 3, "=E2", 3, "=SUM(E2:G2)"],
        ["eff", "effektivisering", "Ny vagtplan", "Ældre", -1, 2, 4, None],
        ["inv", "investering", "Forebyggelse", "Sundhed", -3, 1, 6, None],
        [None, None, "I alt", None, "=SUBTOTAL(9,E2:E4)", None, None, None],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    saved_by_excel(path, "Forslag", {"F2": 3, "H2": 9, "E5": -1})
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    from game.content import load_deck

    assert load_deck(tmp_path / "dæk").proposal("spar").effect == (3, 3, 3)
    assert (
        f"{path}:Forslag!F2: bemærk: en celle med en formel (=E2) er læst med den værdi, Excel "
        "regnede ud og gemte med filen"
    ) in text
    assert "SUM(" not in text and "SUBTOTAL" not in text, text


def test_a_formula_saved_with_an_error_is_named_as_the_error(capsys, tmp_path):
    row = list(PROPOSALS[2])
    row[6] = "=F3/0"
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=_proposals(PROPOSALS[1], row)))
    saved_by_excel(path, "Forslag", {"G3": "#DIV/0!"})
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert f"{path}:Forslag!G3:" in text and "#DIV/0!" in text


def test_a_date_in_an_amount_cell_is_named(capsys, tmp_path):
    import datetime as dt

    row = list(PROPOSALS[1])
    row[4] = dt.datetime(2025, 5, 1)
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=_proposals(row)))
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}:Forslag!E2: 'år 1': cellen indeholder en dato eller et klokkeslæt "
        "(01-05-2025)",
    )


def test_an_amount_over_the_units_limit_is_named(capsys, tmp_path):
    row = list(PROPOSALS[1])
    row[4] = 1500  # 1500 mio. kr.: over the limit of 1000
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=_proposals(row, *PROPOSALS[2:])))
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}:Forslag!E2: 'år 1' må højst være 1.000, ikke 1.500 (beløb i mio. kr.)",
    )
    # written as text, "1.500" reads two ways: 1,5 mio. kr. the English way is as likely
    row[4] = "1.500"
    path = write_book(tmp_path / "tekst.xlsx", sheets(proposals=_proposals(row, *PROPOSALS[2:])))
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}:Forslag!E2: '1.500' kan læses på to måder: med dansk tusindtalspunktum "
        "er det 1.500 mio. kr., med engelsk decimalpunktum 1,5 mio. kr. – og i et katalog i "
        "mio. kr. er 1.500 mio. kr. næppe ment (er hele kataloget i t. kr., så skriv 't. kr.' ud "
        "for 'enhed' i stedet)",
    )


def test_a_duplicate_id_names_both_cells(capsys, tmp_path):
    row = list(PROPOSALS[2])
    row[0] = "spar"
    path = write_book(
        tmp_path / "katalog.xlsx", sheets(proposals=_proposals(PROPOSALS[1], row, PROPOSALS[3]))
    )
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}:Forslag!A3: forslag med id 'spar' findes allerede (Forslag!A2)",
    )


@pytest.mark.parametrize("second", ["ÆSU-1", "AeSU-1"])
def test_a_duplicate_id_with_ae_is_named_as_the_workbook_wrote_it(capsys, tmp_path, second):
    # before: "forslag med id 'AeSU-1' findes allerede" – an id the workbook nowhere wrote
    first, other = list(PROPOSALS[1]), list(PROPOSALS[2])
    first[0], other[0] = "ÆSU-1", second
    path = write_book(
        tmp_path / "katalog.xlsx", sheets(proposals=_proposals(first, other, PROPOSALS[3]))
    )
    out = tmp_path / "dæk"
    code, text = run_import(capsys, path, out=out)
    assert code == 2, text
    said = f"{path}:Forslag!A3: id'et 'ÆSU-1' står også i Forslag!A2; giv det ene forslag et"
    assert said in text
    assert "'Æ-1' og 'Ae-1' er det samme id" in text


def test_an_unknown_reference_is_named_with_a_hint(capsys, tmp_path):
    rows = [[*PROPOSALS[0], "udelukker"], *[[*row, None] for row in PROPOSALS[1:]]]
    rows[1][-1] = "ef"
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}:Forslag!I2: ukendt forslag 'ef' (mente du 'eff'?)",
    )


def test_a_format_2_column_in_a_version_1_catalogue_says_what_to_change(capsys, tmp_path):
    about = [
        row if row[0] != "formatversion" else ["formatversion", 1]
        for row in sheets()["Om kataloget"]
    ]
    rows = [[*PROPOSALS[0], "kræver"], *[[*row, None] for row in PROPOSALS[1:]]]
    rows[3][-1] = "eff"
    path = write_book(tmp_path / "katalog.xlsx", sheets(about=about, proposals=rows))
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}:Forslag!I4: 'kræver' findes fra dækformat 2: skriv 2 ud for "
        "'formatversion' på arket 'Om kataloget'",
    )


def test_targets_that_do_not_match_the_years_are_named(capsys, tmp_path):
    rows = [["id", "titel", "år", "mål"], ["s", "S", "2027–2030", "1; 2; 3"]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(scenarios=rows))
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}:Scenarier!D2: 'mål' har 3 tal, men scenariet har 4 år",
    )


def test_a_list_of_targets_written_with_commas_says_to_use_semicolons(capsys, tmp_path):
    rows = [["id", "titel", "år", "mål"], ["s", "S", "2027; 2028; 2029", "1,2,3"]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(scenarios=rows))
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}:Scenarier!D2: 'mål': '1,2,3' kan ikke læses som ét tal; skriv "
        "tallene adskilt af semikolon, fx 1; 2; 3",
    )


def test_a_missing_about_sheet_is_named(capsys, tmp_path):
    content = sheets(about=None)
    content["Om katalog"] = [["id", "x"]]
    path = write_book(tmp_path / "katalog.xlsx", content)
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}: kataloget mangler arket 'Om kataloget' (id, titel, formatversion og "
        "enhed); kopiér det fra skabelonen, som 'raaderum template' skriver "
        "(mente du 'Om katalog'? Omdøb arket til 'Om kataloget')",
    )


def test_missing_sheets_name_the_files_other_sheets_and_no_yaml_block(capsys, tmp_path):
    # Before: "arkene hedder: Noter" though the file had 'Forslag' too, and a third line
    # "ingen af dækkets filer (katalog.xlsx, katalog.xlsx) har en 'deck:'-blok".
    content = sheets(about=None, scenarios=None)
    content["Noter"] = [["note"]]
    path = write_book(tmp_path / "katalog.xlsx", content)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert (
        f"{path}: kataloget mangler arket 'Scenarier' (mindst ét scenarie); filens øvrige " in text
    )
    assert "ark hedder: Noter" in text
    assert "deck:" not in text and "blok" not in text


def test_a_macro_enabled_workbook_is_refused(capsys, tmp_path):
    path = write_book(tmp_path / "katalog.xlsm", sheets())
    _assert_refused(
        capsys, tmp_path, path, expected=f"{path}: filen er en projektmappe med makroer (.xlsm)"
    )


def test_macros_inside_an_xlsx_are_refused(capsys, tmp_path):
    path = _rewrite(
        write_book(tmp_path / "katalog.xlsx", sheets()), {"xl/vbaProject.bin": b"\x00" * 64}
    )
    _assert_refused(capsys, tmp_path, path, expected=f"{path}: filen indeholder makroer (VBA)")


def test_external_links_are_refused(capsys, tmp_path):
    link = b'<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
    path = _rewrite(
        write_book(tmp_path / "katalog.xlsx", sheets()),
        {"xl/externalLinks/externalLink1.xml": link},
    )
    _assert_refused(
        capsys, tmp_path, path, expected=f"{path}: filen har kæder til andre filer (eksterne links)"
    )


def test_a_real_xml_bomb_is_refused(capsys, tmp_path):
    path = _rewrite(
        write_book(tmp_path / "katalog.xlsx", sheets()),
        {"xl/sharedStrings.xml": BILLION_LAUGHS_STRINGS},
    )
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}: delen xl/sharedStrings.xml erklærer en DOCTYPE eller en XML-entitet",
    )


def test_the_xml_bomb_is_refused_by_defusedxml_too(tmp_path):
    """The second guard: openpyxl itself parses with defusedxml, even past our scan."""
    path = _rewrite(
        write_book(tmp_path / "katalog.xlsx", sheets()),
        {"xl/worksheets/sheet2.xml": BILLION_LAUGHS_SHEET},
    )
    with pytest.raises(workbook.WorkbookRefused, match="XML-bombe"):
        workbook._open(path.read_bytes(), {"forslag": "Forslag"})  # sheet2: Forslag, read


def test_a_zip_bomb_is_refused(capsys, tmp_path):
    path = _rewrite(
        write_book(tmp_path / "katalog.xlsx", sheets()),
        {"xl/media/fyld.bin": b"\x00" * (workbook.MAX_UNPACKED_BYTES + 1)},
    )
    assert path.stat().st_size < 1024 * 1024
    _assert_refused(capsys, tmp_path, path, expected=f"{path}: filen fylder for meget udpakket")


def test_a_workbook_over_the_size_limit_is_refused(capsys, tmp_path):
    path = tmp_path / "katalog.xlsx"
    path.write_bytes(b"PK" + b"\x00" * workbook.MAX_WORKBOOK_BYTES)
    _assert_refused(capsys, tmp_path, path, expected=f"{path}: filen er for stor (10,0 MB; højst")


def test_a_file_that_is_not_a_workbook_is_refused(capsys, tmp_path):
    path = tmp_path / "katalog.xlsx"
    path.write_text("id;slags\n", encoding="utf-8")
    _assert_refused(capsys, tmp_path, path, expected=f"{path}: filen er ikke en Excel-projektmappe")


def test_an_encrypted_workbook_is_refused(capsys, tmp_path):
    path = tmp_path / "katalog.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    _assert_refused(capsys, tmp_path, path, expected=f"{path}: filen er krypteret")


def test_a_cp1252_csv_with_decimal_commas_names_the_bad_cell(capsys, tmp_path):
    text = (
        "id;slags;titel;område;år 1;år 2\r\n"
        "spar;besparelse;Spar på ældreområdet;Ældre;2,5;\r\n"
        "eff;effektivisering;Færre vikarer;Ældre;-0,5;1,75 ca.\r\n"
    )
    path = tmp_path / "forslag.csv"
    path.write_bytes(text.encode("cp1252"))
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=(
            f"{path}:F3: 'år 2' skal være et tal: '1,75 ca.' er ikke et tal; skriv kun tallet, 1,75"
        ),
    )


def test_a_csv_without_scenarios_says_which_file_to_add(capsys, tmp_path):
    path = tmp_path / "forslag.csv"
    path.write_text(
        'id,slags,titel,område,år 1\nspar,besparelse,Spar,Ældre,"2,5"\n', encoding="utf-8"
    )
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}: kataloget mangler arket 'Scenarier' (mindst ét scenarie); importér "
        "også en CSV-fil med arket Scenarier",
    )


def test_every_problem_is_reported_at_once_in_the_order_of_the_cells(capsys, tmp_path):
    rows = _proposals(*PROPOSALS[1:])
    rows[1][1] = "spare"
    rows[2][4] = "x"
    rows[3][2] = None
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    cells = [line.split(": ")[0].rsplit("!", 1)[-1] for line in text.strip().splitlines()]
    assert cells == ["B2", "E3", "C4"], text


@pytest.mark.parametrize("second", ["del2", "unreadable"])
def test_a_csv_file_the_import_cannot_use_stops_it_instead_of_being_left_out(
    capsys, tmp_path, second
):
    # Before, the import said OK and the deck silently lacked the second file's proposals.
    forslag = tmp_path / "forslag.csv"
    forslag.write_text(
        "id;slags;titel;område;år 1;år 2\nspar;besparelse;Spar;Ældre;2;\n"
        "eff;effektivisering;Eff;Ældre;1;2\ninv;investering;Inv;Sundhed;-1;3\n",
        "utf-8",
    )
    scenarier = tmp_path / "scenarier.csv"
    scenarier.write_text("id;titel;år;mål\ns;S;2027–2028;1; 2\n".replace("1; 2", '"1; 2"'), "utf-8")
    assert main(["import", str(forslag), str(scenarier), "--out", str(tmp_path / "ok")]) == 0
    capsys.readouterr()
    if second == "del2":
        extra = tmp_path / "forslag-del2.csv"
        extra.write_text("id;slags;titel;område;år 1\nekstra;besparelse;Ekstra;Skole;4\n", "utf-8")
        expected = (
            f"{extra}: holder også arket 'Forslag', ligesom {forslag}: hver del af kataloget "
            "skal stå i én fil, så saml dem i én"
        )
    else:
        extra = tmp_path / "hændelser.csv"
        extra.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
        expected = f"{extra}: "
    _assert_refused(capsys, tmp_path, forslag, scenarier, extra, expected=expected)


def test_an_unquoted_decimal_comma_in_a_comma_separated_csv_is_refused_not_split(capsys, tmp_path):
    # "2,5" unquoted in a comma-separated file was read as 2 in year 1 and 5 in year 2.
    forslag = tmp_path / "forslag.csv"
    forslag.write_text(
        "id,slags,titel,område,år 1,år 2,år 3\nb1,besparelse,Spar,Ældre,2,5\n", encoding="utf-8"
    )
    scenarier = tmp_path / "scenarier.csv"
    scenarier.write_text('id;titel;år;mål\ns;S;2027–2028;"1; 2"\n', "utf-8")
    _assert_refused(
        capsys,
        tmp_path,
        forslag,
        scenarier,
        expected=f"{forslag}: række 2 har 6 felter, men overskriften har 7; i en kommasepareret "
        'fil skal et decimaltal med komma stå i anførselstegn ("2,5")',
    )


def _renamed(tmp_path: Path, events_name: str, name: str = "katalog.xlsx", **extra) -> Path:
    content = sheets()
    content = {(events_name if k == "Hændelser" else k): v for k, v in content.items()}
    content.update(extra)
    return write_book(tmp_path / name, content)


def test_an_events_sheet_spelt_without_ae_is_read(capsys, tmp_path):
    # the ASCII spelling the CSV files use; before, the events were left out and it said OK
    path = _renamed(tmp_path, "Haendelser")
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    from game.content import load_deck

    assert load_deck(tmp_path / "dæk").events, "the events are in the deck"


@pytest.mark.parametrize("name", ["Hændelser 2027", "Events 2027", "Begivenheder"])
def test_a_sheet_that_looks_like_the_events_stops_the_import_instead_of_being_left_out(
    capsys, tmp_path, name
):
    path = _renamed(tmp_path, name)
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=(
            f"kataloget har intet ark 'Hændelser' (mente du '{name}'? Omdøb arket til 'Hændelser')"
        ),
    )


def test_the_sheets_that_are_not_read_are_named(capsys, tmp_path):
    notes = [["Noter"], ["Husk at tjekke beløbene"]]
    path = _renamed(tmp_path, "Hændelser", Noter=notes, **{"Forslag 2026": [["gammel"]]})
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "advarsel: arkene 'Noter', 'Forslag 2026' læses ikke" in text, text


def test_year_labels_with_a_space_are_read_whole(capsys, tmp_path):
    # before, "Budget 2027; BO1; BO2" became four years: Budget, 2027, BO1, BO2
    scenario = [
        ["id", "titel", "år", "mål"],
        ["tre-aar", "Tre år", "Budget 2027; BO1; BO2", "1; 2; 3"],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(scenarios=scenario))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    from game.content import load_deck

    years = load_deck(tmp_path / "dæk").scenario("tre-aar").years
    assert years == ("Budget 2027", "BO1", "BO2")


def test_budget_years_as_headings_are_read_as_the_budget_years_they_name(capsys, tmp_path):
    # before, a budget table's "2027, 2028, 2029" headings stopped the import, asking for
    # 'år 1' … and the year 2027 written under 'fra budgetår' on every row
    code, text, path = _headed(capsys, tmp_path, 2027, 2028, 2029)
    assert code == 0, text
    assert (
        f"{path}:Forslag!E1: bemærk: kolonnerne med årstal fra 2027 er læst som forslagets "
        "indfasning" in text
    )
    from game.content import load_deck

    deck = load_deck(tmp_path / "dæk-katalog")
    eff = deck.proposal("eff")
    assert eff.effect == (-1, 2, 4)
    assert all(p.calendar_year is None for p in deck.proposals)  # it moves with adoption


def test_years_mixed_with_year_columns_still_say_where_the_amounts_go(capsys, tmp_path):
    # 'år 1', 2028, 2029: not a budget table's headings
    code, text, path = _headed(capsys, tmp_path, 2028, 2029, at=5)
    assert code == 2
    assert f"{path}:Forslag!F1: kolonnen '2028' er et årstal" in text


def test_a_hidden_column_is_read_and_named(capsys, tmp_path):
    # before, an old hidden 'service' column was used without a word
    rows = _proposals(*PROPOSALS[1:])
    rows[0].append("service")
    for row in rows[1:]:
        row.append(-1)
    path = _hidden(write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows)), "I")
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    # named by its heading too (a trial: "kolonne E" alone sent the reader looking)
    assert (
        f"{path}:Forslag: advarsel: kolonne I ('service') er skjult i Excel, men læses med" in text
    )
    from game.content import load_deck

    assert load_deck(tmp_path / "dæk").proposal("eff").service == -1


def test_a_hidden_column_of_sums_that_is_skipped_is_not_said_to_be_read(capsys, tmp_path):
    # before: "kolonne I er skjult i Excel, men læses med" for a column the import skipped,
    # and the number format's note counted the skipped column's and totals row's cells
    rows = _proposals(*PROPOSALS[1:])
    rows[0].append("I alt 2027-2029")
    for row in rows[1:]:
        row.append(sum(v for v in row[4:7] if isinstance(v, (int, float))) * 1000)
        row[4] = row[4] * 1000
    rows.append([None, None, "I alt", None, 0, 0, 0, None, 18000])
    path = _hidden(write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows)), "I")
    book = openpyxl.load_workbook(path)
    for row in book["Forslag"].iter_rows(min_row=2):
        for cell in (row[4], row[8]):
            cell.number_format = "#,##0,"
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "kolonne I er skjult" not in text, text
    assert f"{path}:Forslag: advarsel: 3 celler (E2–E4) gemmer et tal" in text, text
    from game.content import load_deck

    assert load_deck(tmp_path / "dæk").proposal("eff").effect == (-1, 2, 4)


def test_a_unit_the_game_does_not_know_stops_the_import_but_not_a_deck(capsys, tmp_path):
    # before, "tusinde kroner" was accepted without a word and checked as mio. kr. (it is a
    # known unit now, as "tusinde euro" is not); then an unknown unit ('%' in a trial) was
    # only warned of, and the deck played targets of "0,1 / 0,3 / 0,6 / 1,2 %"
    about = [
        row if row[0] != "enhed" else ["enhed", "tusinde euro"] for row in sheets()["Om kataloget"]
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(about=about))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2 and not (tmp_path / "dæk").exists(), text
    assert f"{path}:Om kataloget!B" in text
    assert "'enhed' er 'tusinde euro', men beløbene skal være i en enhed af kroner" in text
    # a deck written by hand with that unit (version 1 allowed it) still plays, warned
    good = write_book(tmp_path / "god.xlsx", sheets())
    assert run_import(capsys, good, out=tmp_path / "d")[0] == 0
    header = tmp_path / "d" / "deck.yaml"
    header.write_text(
        header.read_text(encoding="utf-8").replace('unit: "mio. kr."', 'unit: "tusinde euro"'),
        encoding="utf-8",
    )
    code = main(["validate", str(tmp_path / "d")])
    out = capsys.readouterr()
    assert code == 0 and "enheden 'tusinde euro' kendes ikke" in out.out + out.err


def test_a_price_level_after_the_unit_is_read_and_said(capsys, tmp_path):
    # budget documents write "mio. kr. (2027-priser)": no unit the game knew, so refused
    about = [
        row if row[0] != "enhed" else ["enhed", "mio. kr. (2027-priser)"]
        for row in sheets()["Om kataloget"]
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(about=about))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        f"{path}:Om kataloget: bemærk: 'enhed' er 'mio. kr. (2027-priser)'; dækkets beløb er i "
        "mio. kr., og prisniveauet (2027-priser) står ikke på kortene"
    ) in text
    from game.content import load_deck

    assert load_deck(tmp_path / "dæk").unit == "mio. kr."


def test_common_ways_of_writing_thousands_are_known_units(capsys, tmp_path):
    from game.content.schema import is_known_unit, unit_scale

    thousands = ("tusinde kr.", "kr. (1.000)", "1.000 DKK", "tusinde kroner", "1.000 kroner")
    others = ("DKK '000", "DKK 1.000", "kr. 1.000", "1 000 kr.", "1\xa0000 kr.", "’000 kr.")
    for unit in (*thousands, *others, "mio kr", "Mio. DKK", "mio. kroner", "kroner"):
        assert is_known_unit(unit), unit
    # now that an unknown unit stops the import, the shorter ways budget texts write them
    for unit, scale in (("mill. kr.", 1), ("Mill. DKK", 1), ("millioner", 1), ("tusinde", 1000)):
        assert is_known_unit(unit) and unit_scale(unit) == scale, unit
    assert unit_scale("mia.") == 0.001
    assert {unit_scale(u) for u in (*thousands, *others)} == {unit_scale("t. kr.")} == {1000}
    assert unit_scale("millioner kroner") == 1 and unit_scale("kroner") == 1_000_000
    # the words around a unit in 'enhed' ("(beløb i hele kroner)" was told in its limits)
    assert unit_scale("hele kroner") == 1_000_000 and unit_scale("i 1.000 kr.") == 1000


def test_savings_written_negative_says_that_the_events_turn_too(capsys, tmp_path):
    # before, the template's own loss event (−1) silently became a gain of +1
    about = [*sheets()["Om kataloget"], ["fortegn", "besparelser negative"]]
    rows = _proposals(*PROPOSALS[1:])
    rows[1][4] = -3  # the saving with the budget's minus
    path = write_book(tmp_path / "katalog.xlsx", sheets(about=about, proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    # the event's title says it is a loss, and the turned sign makes it a gain: named
    assert (
        f"{path}:Hændelser!C2: advarsel: hændelsen 'Udligningen falder' (udligning) giver "
        "kommunen penge i spillet"
    ) in text
    assert "med 'besparelser negative' vendes alle beløb – også hændelsernes" in text


def test_a_title_above_the_headings_is_passed_over_and_cells_keep_their_names(capsys, tmp_path):
    # Before: "kolonnerne 'id', 'slags' … mangler i overskrifterne (række 1)", and the advice
    # to unmerge the title; nearly every budget office's sheet has a title above its headings.
    rows = [["Budgetforslag 2027–2030"], [], *PROPOSALS]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    book = openpyxl.load_workbook(path)
    book["Forslag"].merge_cells("A1:H1")
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert f"{path}:Forslag: advarsel: række 1 over overskrifterne (række 3) er ikke læst" in text
    from game.content import load_deck

    assert [p.id for p in load_deck(tmp_path / "dæk").proposals] == ["spar", "eff", "inv"]
    rows[4] = [*rows[4][:4], "tre", *rows[4][5:]]  # an amount that is not a number, in row 5
    path = write_book(tmp_path / "katalog2.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk2")
    assert code == 2 and f"{path}:Forslag!E5:" in text, text


def test_a_budget_offices_habits_are_read_or_said_plainly(capsys, tmp_path):
    # a negative in brackets as accountants write it, a totals row under the catalogue, and
    # an uncertainty written as 20 (meant as 20 %)
    rows = _proposals(*PROPOSALS[1:])
    rows[2][4] = "(1,5)"  # eff's first year: −1,5
    rows.append(["I alt", None, None, None, 0.5, 3, 10, None])
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert f"{path}:Forslag!A5: advarsel: række 5 ('I alt') ligner en sumrække" in text
    from game.content import load_deck

    deck = load_deck(tmp_path / "dæk")
    assert deck.proposal("eff").effect[0] == -1.5 and len(deck.proposals) == 3
    rows[0] = [*rows[0], "usikkerhed"]
    rows[1] = [*rows[1], 20]
    path = write_book(tmp_path / "katalog2.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk2")
    assert code == 2
    assert "'usikkerhed' er en andel mellem 0 og 1, ikke 20; menes der 20 %, så skriv 20 %" in text


@pytest.mark.parametrize(("written", "read"), [("1,5-", -1.5), ("2 -", -2), ("0-", 0)])
def test_a_minus_after_the_number_as_a_budget_system_exports_it_is_read(
    capsys, tmp_path, written, read
):
    # "1.500-" from an SAP-based budget system (KMD Opus) was refused with a hint about units
    rows = _proposals(*PROPOSALS[1:])
    rows[2][4] = written  # eff's first year
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    from game.content import load_deck

    first = load_deck(tmp_path / "dæk").proposal("eff").effect[0]
    assert first == read and str(first) != "-0.0"


def test_excels_lock_file_is_named_as_such(capsys, tmp_path):
    lock = tmp_path / "~$katalog.xlsx"
    lock.write_bytes(b"\x00" * 165)
    code, text = run_import(capsys, lock, out=tmp_path / "dæk")
    assert code == 2 and "det er Excels låsefil" in text and "importér 'katalog.xlsx'" in text


@pytest.mark.parametrize(
    ("lock", "program"), [("~$katalog.xlsx", "Excel"), (".~lock.katalog.xlsx#", "LibreOffice")]
)
def test_a_workbook_open_in_excel_is_imported_with_a_warning(capsys, tmp_path, lock, program):
    # before: the lock file beside the workbook was silently ignored, and unsaved changes
    # on the screen were missing from the deck without a word
    path = write_book(tmp_path / "katalog.xlsx", sheets())
    (tmp_path / lock).write_bytes(b"\x00" * 165)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        f"{path}: advarsel: projektmappen ser ud til at være åben i {program} ('{lock}' ligger "
        "ved siden af den); importen læser den version, der sidst blev gemt – gem den først, "
        "hvis der er ændringer, der ikke er gemt"
    ) in text
    (tmp_path / lock).unlink()
    code, text = run_import(capsys, path, out=tmp_path / "dæk2")
    assert code == 0 and "åben i" not in text


def test_a_list_of_ids_with_og_and_an_id_in_the_wrong_case(capsys, tmp_path):
    # before: "ukendt forslag 'og'", and no hint for 'SPAR' where the id is 'spar'
    rows = _proposals(*PROPOSALS[1:])
    rows[0] = [*rows[0], "udelukker"]
    rows[3] = [*rows[3], "spar og eff"]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    from game.content import load_deck

    assert load_deck(tmp_path / "dæk").proposal("inv").excludes == ("spar", "eff")
    rows[3][-1] = "SPAR"
    path = write_book(tmp_path / "katalog2.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk2")
    assert code == 2 and "ukendt forslag 'SPAR' (mente du 'spar'?)" in text, text


def test_a_missing_or_doubled_year_heading_is_said_once_at_the_heading(capsys, tmp_path):
    # Before: "E3: 'år 3' er tom, men 'år 4' er udfyldt" for every row (at the år 1 column),
    # and a doubled 'år 2' also gave "G3: cellen står i en kolonne uden overskrift".
    code, text, path = _headed(capsys, tmp_path, "år 1", "år 2", "år 4", name="huller.xlsx")
    lines = text.strip().splitlines()
    assert code == 2 and len(lines) == 1, text
    assert f"{path}:Forslag!G1: kolonnen 'år 4' står, men der er ingen kolonne 'år 3'" in text
    code, text, path = _headed(capsys, tmp_path, "år 1", "år 2", "år 2", name="dobbelt.xlsx")
    assert code == 2 and f"{path}:Forslag!G1: kolonnen 'år 2' står to gange" in text
    assert "uden overskrift" not in text, text


def test_an_out_folder_that_cannot_be_created_says_so(capsys, tmp_path):
    # before: "kan ikke læses" for a folder that was to be written
    (tmp_path / "en-fil").write_text("x", encoding="utf-8")
    path = write_book(tmp_path / "katalog.xlsx", sheets())
    code, text = run_import(capsys, path, out=tmp_path / "en-fil" / "dæk")
    assert code == 2 and "dækmappen kan ikke oprettes her" in text and "læses" not in text


def test_savings_written_with_the_budgets_minus_under_the_default_sign_stop_the_import(
    capsys, tmp_path
):
    # before, every saving became a cost and the import said OK
    rows = _proposals(*PROPOSALS[1:])
    rows[1][4] = -3
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert f"{path}:Forslag!E2: besparelsen 'spar' ville koste penge" in text
    assert "skriv 'besparelser negative' ud for 'fortegn' på arket Om kataloget" in text
    assert not (tmp_path / "dæk").exists()


def test_what_a_budget_office_easily_gets_wrong_is_pointed_out_by_its_row(capsys, tmp_path):
    rows = _proposals(*PROPOSALS[1:])
    rows.append(
        [
            "salg",
            "besparelse",
            "Salg af annekset",
            "Administration",
            2,
            None,
            None,
            "Engangsindtægt ved salg af bygningen.",
        ]
    )
    rows.append(["ny", "besparelse", "Nyt forslag", "Administration", 1, None, None, None])
    scenarios = [
        ["id", "titel", "år", "mål", "forslag"],
        ["tre-aar", "Tre år", "2027; 2028; 2029", "1; 2; 3", "spar; eff; inv; salg"],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=scenarios))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert f"{path}:Forslag!E5: advarsel: 'salg' nævner 'Engangsindtægt'" in text
    assert f"{path}:Forslag!A6: advarsel: forslaget 'ny' er ikke med i noget scenarie" in text


def test_a_budget_offices_own_headings_and_subtotal_rows_are_read(capsys, tmp_path):
    rows = [
        ["Nr.", "Type", "Forslagets titel", "Udvalg", "år 1", "år 2", "år 3", "Bemærkning"],
        *[list(r) for r in PROPOSALS[1:3]],
        ["", "", "I alt Økonomiudvalget", "", 2, 2, 4, None],
        list(PROPOSALS[3]),
        ["I alt (t. kr.)", None, None, None, -1, 3, 10, None],
    ]
    text, deck = _imported(capsys, tmp_path, rows)
    assert "række 4 ('I alt Økonomiudvalget') ligner en sumrække" in text
    assert "række 6 ('I alt (t. kr.)') ligner en sumrække" in text
    assert [p.id for p in deck.proposals] == ["spar", "eff", "inv"]
    assert deck.proposal("spar").text == "Tekst"  # "Bemærkning" is the card's text


@pytest.mark.parametrize(
    ("proposal_id", "event_id"),
    [
        ("Forslag nr.", "Hændelse nr."),
        ("Forslag nr", "Hændelsesnr."),
        ("Forslags nr.", "Hændelsesnummer"),
        ("Forslagsnr", "Nummer"),
        ("Nummer", "Nr."),
    ],
)
def test_a_numbered_id_heading_is_read_as_the_id(capsys, tmp_path, proposal_id, event_id):
    # before: 'Forslag nr.' was "ikke en kolonne" and the import missed the id column
    rows = [[proposal_id, *PROPOSALS[0][1:]], *PROPOSALS[1:]]
    events = [[event_id, "titel", "år 1"], ["udligning", "Udligningen falder", -1]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, events=events))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "er ikke en kolonne" not in text
    from game.content import load_deck

    deck = load_deck(tmp_path / "dæk")
    assert [p.id for p in deck.proposals] == ["spar", "eff", "inv"]
    assert [e.id for e in deck.events] == ["udligning"]


def test_a_blank_year_before_a_later_amount_is_read_as_0_and_said(capsys, tmp_path):
    # before, the import stopped and asked for a 0 that a budget table leaves blank
    rows = _proposals(*PROPOSALS[1:])
    rows[2][4] = None  # 'eff': blank år 1, then 2 and 4
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert f"{path}:Forslag!E3: advarsel: 'år 1' er tom, men 'år 3' er udfyldt" in text
    from game.content import load_deck

    assert load_deck(tmp_path / "dæk").proposal("eff").effect == (0, 2, 4)


def test_a_dash_is_a_zero_and_a_minus_set_apart_is_still_a_minus(capsys, tmp_path):
    # budget tables write 0 as "-" and sometimes "- 200"; before, both stopped the import
    rows = _proposals(*PROPOSALS[1:])
    rows[2][4:7] = ["- 1", "-", 4]  # 'eff': −1, 0, 4
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    from game.content import load_deck

    assert load_deck(tmp_path / "dæk").proposal("eff").effect == (-1, 0, 4)


def test_many_formulas_are_named_in_one_line_at_their_range(capsys, tmp_path):
    # before, one line per cell (about 80 for a catalogue of phasings) buried what to do
    rows = _proposals(*PROPOSALS[1:])
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    book = openpyxl.load_workbook(path)
    sheet = book["Forslag"]
    for row in (3, 4):
        for column in ("F", "G", "H"):
            sheet[f"{column}{row}"] = f"=E{row}*2"
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert f"{path}:Forslag!F3:H4: 6 celler indeholder formler (fx =E3*2)" in text
    assert "cellen indeholder en formel" not in text


def test_a_budget_table_is_read_as_it_is_written(capsys, tmp_path):
    # a budget office's own layout: years with a footnote or a word, dates shown as years,
    # kinds as "Spareforslag" and "I", a committee's subtotal "… i alt", a heading row inside
    # the table, and a sale whose later years are blank (its amount goes on, as under 'år N')
    import datetime

    rows = [
        ["Nr.", "Type", "Forslag", "Udvalg", "Budget 2027", "2028*", datetime.datetime(2029, 1, 1)],
        ["ÆLDRE"],
        ["spar", "Spareforslag", "Spar på kontoret", "Administration", 3, 3, 3],
        ["eff", "Effektiviseringsforslag", "Ny vagtplan", "Ældre", -1, 2, 4],
        [None, None, "Ældreudvalget i alt", None, 2, 5, 7],
        ["salg", "B", "Salg af grunden", "Teknik", 5, None, None],
        ["inv", "I", "Forebyggelse", "Sundhed", -3, 1, 6],
    ]
    text, deck = _imported(capsys, tmp_path, rows)
    assert "række 2 ('ÆLDRE') har kun én tekst og ligner en mellemoverskrift" in text
    assert "række 5 ('Ældreudvalget i alt') ligner en sumrække" in text
    assert [p.id for p in deck.proposals] == ["spar", "eff", "salg", "inv"]
    assert [p.kind.value for p in deck.proposals] == [
        "saving",
        "efficiency",
        "saving",
        "investment",
    ]
    assert deck.proposal("salg").effect == (5,)  # the blank years after it: the amount goes on
    assert all(p.calendar_year is None for p in deck.proposals)


def test_most_savings_costing_money_stops_the_import_even_with_a_first_year_gain(capsys, tmp_path):
    # before, one saving with a first-year transition gain (+250, then −3.300) let every
    # other saving become a cost with an OK
    rows = _proposals(*PROPOSALS[1:])
    rows[1][4:7] = [0.25, -3.3, -3.3]
    rows.append(["spar2", "besparelse", "Færre vikarer", "Skole", -2, None, None, None])
    scenarios = [["id", "titel", "år", "mål"], ["tre-aar", "Tre år", "2027; 2028; 2029", "1; 2; 3"]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=scenarios))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert "ville koste penge, ligesom de fleste af katalogets besparelser" in text


def test_amounts_over_the_limit_of_mio_kr_say_first_that_the_catalogue_is_in_t_kr(capsys, tmp_path):
    # before, 50 lines of "skal være mindst −1.000 … (beløb i mio. kr.)" and no cause
    rows = _proposals(*PROPOSALS[1:])
    for row in rows[1:]:
        row[4:7] = [v * 1000 if isinstance(v, (int, float)) else v for v in row[4:7]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    first = text.splitlines()[0]
    assert "beløb er over 1.000 mio. kr.: er kataloget i t. kr.?" in first
    assert "skriv 't. kr.' ud for 'enhed'" in first


def test_numbered_proposals_and_shares_in_percent_are_read(capsys, tmp_path):
    # "Nr." 1.1 stored as a number became the invalid id "1,1"; "20 pct." was refused
    rows = _proposals(*PROPOSALS[1:])
    rows[0].append("usikkerhed")
    rows[1][0], rows[2][0], rows[3][0] = 1.1, 1.2, 2.1
    rows[2].append("20 pct.")
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    from game.content import load_deck

    deck = load_deck(tmp_path / "dæk")
    assert [p.id for p in deck.proposals] == ["1.1", "1.2", "2.1"]
    assert deck.proposal("1.2").uncertainty == 0.2


def test_abbreviated_plural_and_english_kinds_are_written_in_danish(capsys, tmp_path):
    # a trial's catalogue wrote "Invest." (told: "mente du 'investment'?") and following the
    # hint gave a Danish deck with kind: "investment"; "Inv." and "Investeringer" were refused
    rows = [
        ["Nr.", "Type", "Forslag", "Udvalg", "2027", "2028", "2029"],
        ["a", "Besp.", "Spar på kontoret", "Administration", 3, 3, 3],
        ["b", "Eff.", "Ny vagtplan", "Ældre", -1, 2, 4],
        ["c", "Invest.", "Forebyggelse", "Sundhed", -3, 1, 6],
        ["d", "Inv.", "Rehabilitering", "Sundhed", -3, 1, 6],
        ["e", "Investeringer", "Tidlig indsats", "Børn", -3, 1, 6],
        ["f", "investment", "Velfærdsteknologi", "Ældre", -3, 1, 6],
    ]
    _said, deck = _imported(capsys, tmp_path, rows)
    assert [p.kind.value for p in deck.proposals] == ["saving", "efficiency"] + ["investment"] * 4
    written = (tmp_path / "dæk" / "forslag.yaml").read_text(encoding="utf-8")
    assert "kind: investment" not in written and 'kind: "investment"' not in written
    assert written.count("investering") >= 4


def test_an_unknown_kind_is_told_the_danish_word_it_looks_like(capsys, tmp_path):
    row = list(PROPOSALS[1])
    row[1] = "investmnt"
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=_proposals(row, *PROPOSALS[2:])))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert "ikke 'investmnt' (mente du 'investering'?)" in text


def test_without_an_about_sheet_a_unit_title_is_not_said_to_disagree_with_it(capsys, tmp_path):
    # a trial's own workbook (no 'Om kataloget', "Beløb i 1.000 kr." over the proposals) was
    # told that 'enhed' on the sheet 'Om kataloget' is 'mio. kr.' – a sheet it did not have
    content = sheets(about=None)
    content["Forslag"] = [["Beløb i 1.000 kr."], *PROPOSALS]
    path = write_book(tmp_path / "katalog.xlsx", content)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert "kataloget mangler arket 'Om kataloget' (id, titel, formatversion og enhed)" in text
    assert "'raaderum template'" in text
    assert "siger, at beløbene er i" not in text


# "Budgetkatalog 2027" by its name; "Ark1" (the proposals left on Excel's own sheet) by its
# headings: it was told only "filens øvrige ark hedder: Ark1"
@pytest.mark.parametrize("name", ["Budgetkatalog 2027", "Ark1"])
def test_a_sheet_called_budgetkatalog_is_named_as_the_proposals(capsys, tmp_path, name):
    content = sheets()
    content[name] = content.pop("Forslag")
    path = write_book(tmp_path / "katalog.xlsx", content)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    meant = f"(mente du '{name}'? Omdøb arket til 'Forslag')"
    assert f"mangler arket 'Forslag' {meant}" in text


def test_a_unit_written_1000_kr_is_written_in_the_deck_and_messages_as_t_kr(capsys, tmp_path):
    # a trial's catalogue said "enhed: 1.000 kr."; the deck and every message then wrote
    # amounts as "−1,5 1.000 kr." and "mål 1.000/2.000 1.000 kr."
    from tests.catalogue.conftest import ABOUT

    about = [row if row[0] != "enhed" else ["enhed", "1.000 kr."] for row in ABOUT]
    rows = [
        [*row[:4], *(v * 1000 if isinstance(v, int) else v for v in row[4:7]), *row[7:]]
        for row in _proposals(*PROPOSALS[1:])
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(about=about, proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    written = (tmp_path / "dæk" / "deck.yaml").read_text(encoding="utf-8")
    assert "t. kr." in written and "1.000 kr." not in written

    rows[2][5] = "2,000"  # a text the two ways of reading tell apart
    path = write_book(tmp_path / "katalog2.xlsx", sheets(about=about, proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk2")
    assert code == 2
    assert "t. kr.) peger på 2.000" in text and "1.000 kr." not in text


def test_a_catalogue_without_events_or_welfare_areas_is_warned_at_import_and_validate(
    capsys, tmp_path
):
    # a trial's catalogue had no 'Hændelser' sheet and committees as areas: the import said
    # nothing of the events, and validate nothing of the welfare areas
    rows = [
        ["Nr.", "Type", "Forslag", "Udvalg", "2027", "2028", "2029"],
        ["a", "besparelse", "Færre vikarer", "Ældreudvalget", 3, 3, 3],
        ["b", "effektivisering", "Fælles indkøb", "Økonomiudvalget", 1, 2, 3],
        ["c", "investering", "Tidlig indsats", "Børne- og Ungeudvalget", -3, 1, 6],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, events=None))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert text.count("er et velfærdsområde") == 1
    assert "ud for 'velfærdsområder' på arket Om kataloget" in text
    # the example is the catalogue's own welfare committees, not names it does not have
    assert "fx 'Børne- og Ungeudvalget; Ældreudvalget'" in text
    assert "men kataloget har ingen at trække" in text
    assert "skriv 0 under 'hændelser pr. runde' på arket Scenarier" in text
    from game.cli import main

    assert main(["validate", str(tmp_path / "dæk")]) == 0
    said = capsys.readouterr().out
    assert "skriv jeres velfærdsområder i 'welfare_areas' i dækkets hoved" in said
    assert "fx welfare_areas: [Børne- og Ungeudvalget, Ældreudvalget]" in said
    assert "Økonomiudvalget]" not in said
    assert "eller skriv 'events_per_round: 0'" in said


def test_a_row_of_numbers_without_a_name_is_one_problem_at_its_row(capsys, tmp_path):
    # a trial's sum row without "I alt" gave four errors: 'id', 'titel', 'slags', 'område' er tom
    rows = _proposals(*PROPOSALS[1:])
    rows.append([None, None, None, None, -9999, -9999, -9999])
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    row = len(rows)
    assert (
        f"{path}:Forslag!E{row}: række {row} har kun tal (E{row}:G{row}) og intet id, ingen "
        "titel, slags eller område"
    ) in text
    assert "er tom" not in text


def test_a_comment_on_a_proposal_is_named_and_the_templates_help_is_not(capsys, tmp_path):
    # a trial's note on a proposal (an Excel comment) was dropped without a word
    from openpyxl.comments import Comment

    path = write_book(tmp_path / "katalog.xlsx", sheets())
    book = openpyxl.load_workbook(path)
    book["Forslag"]["C2"].comment = Comment("Aftalt med MED-udvalget", "Lise")
    book["Forslag"]["A1"].comment = Comment("Overskriftens hjælp", "skabelon")
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "Forslag: advarsel: cellen C2 har en kommentar, som ikke læses" in text
    assert "A1" not in text
    template = tmp_path / "skabelon.xlsx"
    from game.cli import main

    assert main(["template", str(template)]) == 0
    capsys.readouterr()
    _code, said = run_import(capsys, template, out=tmp_path / "dæk2")
    assert "advarsel" in said and "kommentar" not in said  # its headings' help is not named


def test_a_base_budget_column_before_the_scenarios_first_year_stops_the_import(capsys, tmp_path):
    # a budget office's hidden "Budget 2026" (the base budget, the same on every row) before
    # 2027 … 2029 was read as every proposal's first year, 2027 as its second; the import
    # told it to flip the savings' sign, and after that it imported "OK"
    rows = [["id", "slags", "titel", "område", "Budget 2026", 2027, 2028, 2029, "tekst"]]
    for row in PROPOSALS[1:]:
        rows.append([*row[:4], 25000, *row[4:]])
    path = _hidden(write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows)), "E")
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{path}:Forslag!E1: kolonnen 'Budget 2026' ligger før scenariernes første budgetår"
        " 2027, som også har sin egen kolonne ('2027')" in text
    )
    assert "besparelser positive" not in text and "ville koste penge" not in text
    assert not (tmp_path / "dæk").exists()


def test_a_catalogue_headed_a_year_before_the_scenarios_is_read_as_its_phasing(capsys, tmp_path):
    # a catalogue made for budget 2026 (2026 … 2028) played from 2027: its years are the
    # phasing from adoption, as before
    rows = _proposals(*PROPOSALS[1:])
    rows[0][4:7] = [2026, 2027, 2028]
    text, deck = _imported(capsys, tmp_path, rows)
    assert "ligger før scenariernes første budgetår" not in text
    assert deck.proposal("eff").effect == (-1, 2, 4)


def test_years_in_falling_order_are_named_as_such(capsys, tmp_path):
    code, text, path = _headed(capsys, tmp_path, 2029, 2028, 2027)
    assert code == 2, text
    assert (
        f"{path}:Forslag!F1: kolonnen '2028' står efter '2029': årstallene skal stå i stigende"
        " rækkefølge" in text
    )
    assert "år -1" not in text and "år 0" not in text


def test_construction_per_year_says_to_add_it_up_in_one_anlaeg_column(capsys, tmp_path):
    # "Anlæg 2027", "Anlæg 2028" was told to be written as a plain year – which would have
    # read the construction money as operating amounts
    rows = _proposals(*PROPOSALS[1:])
    rows[0] += ["Anlæg 2027", "Anlæg 2028"]
    for row in rows[1:]:
        row += [None, None]
    rows[3][-2:] = [4, 2]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{path}:Forslag!I1: kolonnen 'Anlæg 2027' er anlæg for ét år: spillet har ét"
        " anlægsbeløb pr. forslag" in text
    )
    assert "Anlæg 2028" not in text  # said once
    assert "årstallet alene" not in text


def test_a_line_break_typed_in_a_title_or_area_cell_is_read_as_a_space(capsys, tmp_path):
    # "Nedlæg⏎busrute 12" (Alt+Enter in Excel) stood on the board as "Nedlæg busrute 12…",
    # cut after its first line although the whole title fits
    rows = _proposals(*PROPOSALS[1:])
    rows[1][2] = "Spar på\nkontoret"
    rows[1][3] = "Børn og \nunge"
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    from game.content import load_deck

    spar = load_deck(tmp_path / "dæk").proposals[0]
    assert (spar.title, spar.area) == ("Spar på kontoret", "Børn og unge")


def test_a_date_shown_as_a_year_under_fra_budgetaar_is_read_as_that_year(capsys, tmp_path):
    # Excel shows 1-1-2028 formatted "åååå" as 2028; the import refused it as a date
    # (01-01-2028) the office never saw, while a year heading of the same kind was read
    import datetime as dt

    import yaml

    headers = [*PROPOSAL_HEADERS, "fra budgetår"]
    rows = [headers, *([*row, None] for row in PROPOSALS[1:])]
    rows[2][-1] = dt.datetime(2028, 1, 1)
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    book = openpyxl.load_workbook(path)
    book["Forslag"]["I3"].number_format = "yyyy"
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    cards = yaml.safe_load((tmp_path / "dæk" / "forslag.yaml").read_text(encoding="utf-8"))
    [eff] = [card for card in cards["proposals"] if card["id"] == "eff"]
    assert str(eff["effect_from_year"]) == "2028"


def test_an_ods_spreadsheet_named_xlsx_is_said_to_be_one(capsys, tmp_path):
    # LibreOffice's own format renamed to .xlsx got "er ikke en Excel-projektmappe (.xlsx)",
    # while the same file named .ods was told how to save it as .xlsx
    path = tmp_path / "katalog.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}: filen er et OpenDocument-regneark (.ods); gem det som Excel-",
    )


def test_a_hidden_year_column_is_named_by_its_own_heading(capsys, tmp_path):
    # a hidden column E headed "2027" in a catalogue of six budget years was named
    # "kolonne E ('2032')": the sixth year's heading, counted by year, not by column
    years = [2027, 2028, 2029, 2030, 2031, 2032]
    rows = [
        ["id", "slags", "titel", "område", *years],
        ["spar", "besparelse", "Spar på kontoret", "Administration", 3, 3, 3, 3, 3, 3],
        ["eff", "effektivisering", "Ny vagtplan", "Ældre", -1, 2, 4, 4, 4, 4],
        ["inv", "investering", "Forebyggelse", "Sundhed", -3, 1, 6, 6, 6, 6],
    ]
    scenarios = [["id", "titel", "år", "mål"], ["seks", "Seks år", "2027–2032", "1; 2; 3; 4; 5; 6"]]
    book = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=scenarios))
    path = _hidden(book, "E")
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert f"{path}:Forslag: advarsel: kolonne E ('2027') er skjult i Excel" in text, text


def test_two_columns_read_as_one_field_are_named_as_the_sheet_names_them(capsys, tmp_path):
    # "kolonnen 'tekst' står to gange (også i E1)" for a sheet with 'Beskrivelse' and
    # 'Bemærkning' and no column called 'tekst'
    rows = _proposals(*PROPOSALS[1:])
    rows[0][7] = "Beskrivelse"
    rows[0].append("Bemærkning")
    for row in rows[1:]:
        row.append("intern")
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{path}:Forslag!I1: kolonnen 'Bemærkning' læses som 'tekst', og det gør 'Beskrivelse' "
        "i H1 også; giv den ene en overskrift, importen ikke kender"
    ) in text, text
    assert "'tekst' står to gange" not in text


def test_a_serviceniveau_column_is_read_as_the_cards_service(capsys, tmp_path):
    # a filled "Serviceniveau" column was skipped with a general warning, and every card got
    # its kind's default service
    rows = _proposals(*PROPOSALS[1:])
    rows[0].append("Serviceniveau")
    for row, service in zip(rows[1:], (-2, 0, 1)):
        row.append(service)
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    from game.content import load_deck

    deck = load_deck(tmp_path / "dæk")
    assert [deck.proposal(p).service for p in ("spar", "eff", "inv")] == [-2, 0, 1]
    assert "Serviceniveau' er ikke en kolonne" not in text


def test_ids_that_excel_saved_as_a_decimal_number_are_named_as_such(capsys, tmp_path):
    # "2,3" typed in a Danish Excel is the number 2,3: "ukendt forslag '2.3'" sent the budget
    # office looking for a proposal of that id
    rows = _proposals(*PROPOSALS[1:])
    rows[0].append("kræver")
    rows[1].append(2.3)
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{path}:Forslag!I2: 'kræver': Excel har gemt cellen som tallet 2,3, ikke som id'er; "
        "skriv id'erne med semikolon (2; 3)"
    ) in text, text
    assert "ukendt forslag '2.3'" not in text


def test_a_title_in_a_scenarios_list_is_read_as_its_card_and_alle_as_every_card(capsys, tmp_path):
    # "ukendt forslag 'Ny-vagtplan'" for the title "Ny vagtplan" written in the list, and
    # "ukendt hændelse 'Alle'" where the guide says an empty cell means every card
    scenarios = [
        ["id", "titel", "år", "mål", "forslag", "hændelser"],
        ["tre-aar", "Tre år", "2027; 2028; 2029", "1; 2; 2", "spar, Ny vagtplan, inv", "Alle"],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(scenarios=scenarios))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        "advarsel: et forslags titel står, hvor dets id skal stå (i et scenaries liste, "
        "'kræver' eller 'udelukker'), og er læst som det forslag: 'Ny vagtplan' → 'eff'"
    ) in text, text
    from game.content import load_deck

    deck = load_deck(tmp_path / "dæk")
    scenario = deck.scenario("tre-aar")
    assert scenario.proposals == ("spar", "eff", "inv")
    assert scenario.events == tuple(e.id for e in deck.events)


@pytest.mark.parametrize(
    ("kind", "advice"),
    [
        ("Omprioritering", "en omprioritering flytter penge fra ét område til et andet"),
        ("Anlæg", "er en investering med anlægsudgiften i kolonnen 'anlæg'"),
        # an expansion was asked "mente du 'besparelse'?", the opposite of what it is
        ("Udvidelsesforslag", "et udvidelsesforslag bruger råderum i stedet for at finde det"),
    ],
)
def test_a_budget_offices_own_kind_is_told_what_it_is_in_the_game(capsys, tmp_path, kind, advice):
    # "ikke 'omprioritering'" and "ikke 'anlæg'" said nothing about what to write instead
    rows = _proposals(*PROPOSALS[1:])
    rows[1][1] = kind
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert f"{path}:Forslag!B2: 'slags' skal være besparelse, effektivisering eller " in text
    assert advice in text and "mente du" not in text, text


def test_a_text_pasted_from_outlook_is_read_as_excel_shows_it(capsys, tmp_path):
    # Excel stores the carriage return of a text pasted from Outlook or Word as "_x000D_",
    # which the deck kept: the printed card read "Linje 1_x000D_"
    import zipfile

    from game.content import load_deck

    rows = _proposals(*PROPOSALS[1:])
    rows[1][7] = "MARK"  # the column 'tekst'
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    stored = "Linje 1_x000D_\nLinje 2_x0009_med tab og _x0001_ og _x005F_x000D_ som tekst"
    patched = tmp_path / "outlook.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, data.replace(b"MARK", stored.encode()))
    code, text = run_import(capsys, patched, out=tmp_path / "dæk")
    assert code == 0, text
    deck = load_deck(tmp_path / "dæk")
    card = deck.proposal(rows[1][0])
    assert card.text == "Linje 1\nLinje 2 med tab og  og _x000D_ som tekst"


def test_a_committees_own_sheet_of_proposals_stops_the_import_instead_of_being_left_out(
    capsys, tmp_path
):
    # before: "Kultur" with the headings of 'Forslag' and two proposals got only "arket
    # 'Kultur' læses ikke", and the deck came without them; a sheet of notes still only warns
    content = sheets()
    content["Kultur"] = [
        list(PROPOSALS[0]),
        ["bib", "besparelse", "Kortere åbningstid", "Kultur", 1, None, None, None],
        ["hal", "besparelse", "Luk en hal", "Kultur", 2, None, None, None],
    ]
    content["Noter"] = [["Husk at spørge udvalget"]]
    path = write_book(tmp_path / "katalog.xlsx", content)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{path}: arket 'Kultur' har de samme overskrifter som arket 'Forslag' og 2 udfyldte "
        "rækker under dem, men kun arket 'Forslag' bliver til kort"
    ) in text, text
    assert "arket 'Noter' læses ikke" in text
    assert not (tmp_path / "dæk").exists()


def test_a_workbook_saved_as_strict_open_xml_is_told_how_to_save_it(capsys, tmp_path):
    # before: "kataloget mangler arket 'Om kataloget' / 'Forslag' / 'Scenarier'" for a catalogue
    # that had them all, and an English warning from openpyxl above it
    import zipfile

    path = write_book(tmp_path / "katalog.xlsx", sheets())
    strict = tmp_path / "strict.xlsx"
    transitional = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(strict, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = data.replace(transitional, b"http://purl.oclc.org/ooxml/spreadsheetml/main")
            target.writestr(item, data)
    code, text = run_import(capsys, strict, out=tmp_path / "dæk")
    assert code == 2
    assert text.strip() == (
        f"raaderum import: {strict}: filen er gemt som »Strict Open XML-regneark«, som "
        "importen ikke kan læse; åbn filen i Excel, og gem den som »Excel-projektmappe (*.xlsx)«"
    ), text


def test_a_title_with_a_comma_under_udelukker_is_read_as_that_card(capsys, tmp_path):
    # "Rengøring, hver 3. uge" under 'udelukker' was split at its comma and read as the
    # unknown ids 'Rengoering' and 'hver-3.-uge', with a warning that it had rewritten them
    from game.content import load_deck

    rows = _proposals(*PROPOSALS[1:])
    rows[1][2] = "Rengøring, hver 3. uge"  # the saving's title
    rows[0].append("udelukker")
    rows[2].append("Rengøring, hver 3. uge")  # the efficiency excludes it, by its title
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "ukendt forslag" not in text and "Rengoering" not in text, text
    assert "'Rengøring, hver 3. uge' → 'spar'" in text  # the title read as the card, said
    assert load_deck(tmp_path / "dæk").proposal("eff").excludes == ("spar",)


def test_rows_in_a_collapsed_group_are_left_out_and_named_like_hidden_rows(capsys, tmp_path):
    # a budget office collapses the group of its rejected proposals (Data › Gruppér); they were
    # imported all the same, with only a note "1 rækker (5) ligger i en sammenklappet gruppe
    # … og er læst som de andre", while Excel did not show them
    from game.content import load_deck

    rows = [
        *PROPOSALS,
        ["afvist", "besparelse", "Afvist i udvalget", "Skole", 2, None, None, None],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    book = openpyxl.load_workbook(path)
    book["Forslag"].row_dimensions[5].outlineLevel = 1
    book["Forslag"].row_dimensions[5].hidden = True
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        f"{path}:Forslag!A5: advarsel: række 5 (afvist) ligger i en sammenklappet gruppe i "
        "Excel og er ikke taget med; skal den med, så fold gruppen ud" in text
    )
    assert "1 rækker" not in text and "læst som de andre" not in text
    assert {p.id for p in load_deck(tmp_path / "dæk").proposals} == {"spar", "eff", "inv"}


def test_collapsed_rows_the_catalogue_uses_stop_the_import_with_one_line(capsys, tmp_path):
    # two proposals in a collapsed group, one of them named by a scenario's proposals
    rows = [
        *PROPOSALS,
        ["afvist", "besparelse", "Afvist i udvalget", "Skole", 2, None, None, None],
        ["afvist2", "besparelse", "Også afvist", "Skole", 1, None, None, None],
    ]
    scenarios = [
        ["id", "titel", "år", "mål", "forslag"],
        ["tre-aar", "Tre år", "2027; 2028; 2029", "1; 2; 2", "spar; eff; inv; afvist"],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=scenarios))
    book = openpyxl.load_workbook(path)
    for row in (5, 6):
        book["Forslag"].row_dimensions[row].outlineLevel = 1
        book["Forslag"].row_dimensions[row].hidden = True
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code != 0, text
    assert (
        f"{path}:Forslag!A5: rækkerne 5 (afvist), 6 (afvist2) ligger i en sammenklappet gruppe "
        "i Excel og er ikke taget med, men kataloget bruger dem" in text
    ), text
    assert "Traceback" not in text


def test_a_proposal_numbered_3_1_named_3_comma_1_in_a_list_is_that_proposal(capsys, tmp_path):
    # a catalogue numbers its proposals 1, 3, 3.1 (udvalg 3, forslag 1) and Danish Excel shows
    # 3.1 as "3,1"; 'kræver' "3,1" was read as the proposals 3 and 1, without a word
    from game.content import load_deck

    rows = [
        ["id", "slags", "titel", "område", "år 1", "kræver"],
        [1, "besparelse", "Spar på kontoret", "Administration", 3, None],
        [3, "effektivisering", "Ny vagtplan", "Ældre", 2, None],
        [3.1, "effektivisering", "Ny vagtplan, nat", "Ældre", 1, None],
        [4, "investering", "Forebyggelse", "Sundhed", -3, "3,1"],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert load_deck(tmp_path / "dæk").proposal("4").requires == ("3.1",)
    assert "advarsel: '3,1' → '3.1' på en liste over forslag er læst som forslagets nummer" in text


def test_headings_below_the_rows_the_import_looks_in_are_said_where_they_are(capsys, tmp_path):
    # twelve lines of notes above the table: "kolonnerne 'id', 'slags' … mangler i
    # overskrifterne (række 1)", though they stood in row 13
    rows = [[f"Note {n}: om kataloget"] for n in range(12)] + _proposals(*PROPOSALS[1:])
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert (
        f"{path}:Forslag: overskrifterne står i række 13, men importen leder kun efter dem i de "
        "første 10 rækker"
    ) in text, text
    assert "mangler i overskrifterne" not in text


def _stored(path: Path, ref: str, cell: str, sheet: str = "Forslag") -> Path:
    """The workbook at ``path`` with cell ``ref`` of ``sheet`` stored as ``cell`` (XML), as
    another program's export may store it."""
    import re

    member = f"xl/worksheets/sheet{openpyxl.load_workbook(path).sheetnames.index(sheet) + 1}.xml"
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(member).decode("utf-8")
    xml, found = re.subn(rf'<c r="{ref}"[^>]*>.*?</c>', cell, xml, count=1)
    assert found == 1
    return _rewrite(path, {member: xml.encode("utf-8")})


@pytest.mark.parametrize(
    ("ref", "cell", "said"),
    [
        ("E2", '<c r="E2"><v>NaN</v></c>', "cellen er gemt som »NaN«, som ikke er et tal"),
        ("E3", '<c r="E3"><v>INF</v></c>', "cellen er gemt som »INF«, som ikke er et tal"),
        ("C2", '<c r="C2" t="s"><v>999</v></c>', "cellen peger på en tekst, som ikke findes"),
    ],
)
def test_a_cell_excel_could_not_have_written_is_named_by_its_cell(
    capsys, tmp_path, ref, cell, said
):
    # an export from another program stored "NaN" in an amount cell (or a text that is not
    # in the file): the whole file was refused as "kan ikke læses som Excel-projektmappe
    # (ValueError)", and the office had thirty rows to look through
    path = _stored(write_book(tmp_path / "katalog.xlsx", sheets()), ref, cell)
    _assert_refused(capsys, tmp_path, path, expected=f"{path}:Forslag!{ref}: {said}")


def test_a_broken_cell_outside_the_catalogues_sheets_is_not_blamed(tmp_path):
    # only the sheets the import reads are looked through: a note sheet's cell is not the
    # reason a catalogue sheet could not be read
    from game.catalogue.badcell import find_bad_cell

    path = _stored(
        write_book(tmp_path / "katalog.xlsx", sheets()), "E2", '<c r="E2"><v>NaN</v></c>'
    )
    raw = path.read_bytes()
    assert find_bad_cell(raw, lambda title: title == "Forslag").ref == "E2"
    assert find_bad_cell(raw, lambda title: title != "Forslag") is None


def test_a_broken_cell_on_the_offices_own_note_sheet_does_not_stop_the_import(capsys, tmp_path):
    # the office keeps its notes on a sheet of its own, exported with a "NaN": the import
    # reads only the catalogue's sheets, so the deck is written and the notes are left alone
    content = {**sheets(), "Noter": [["note", "tal"], ["overslag", 1]]}
    path = _stored(
        write_book(tmp_path / "katalog.xlsx", content), "B2", '<c r="B2"><v>NaN</v></c>', "Noter"
    )
    out = tmp_path / "dæk"
    code, text = run_import(capsys, path, out=out)
    assert code == 0, text
    assert "NaN" not in text and "Traceback" not in text
    assert (out / "deck.yaml").exists() and (out / "forslag.yaml").exists()


def test_a_stray_error_cell_under_the_table_gives_only_its_own_error(capsys, tmp_path):
    # =E5/0 left under the table (shown as #DIV/0!) gave five lines: "'id' er tom", "'titel' er
    # tom", "'slags' er tom", "'område' er tom" and the error itself
    rows = [*PROPOSALS, [None, None, None, None, "=E4/0", None, None, None]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    saved_by_excel(path, "Forslag", {"E5": "#DIV/0!"})
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert f"{path}:Forslag!E5: 'år 1': cellen viser fejlen" in text, text
    assert "er tom" not in text, text
    assert [
        line for line in text.splitlines() if "Forslag!" in line and "advarsel" not in line
    ] == [line for line in text.splitlines() if "Forslag!E5" in line]


def test_an_error_in_a_proposals_row_is_said_with_the_proposal_read(capsys, tmp_path):
    # the row of a real proposal with an error among its amounts is not passed over: its
    # error is said at the cell, and nothing else of the row is refused
    rows = [*PROPOSALS, ["ny", "besparelse", "Ny", "Skole", "=E4/0", 2, 2, None]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    saved_by_excel(path, "Forslag", {"E5": "#DIV/0!"})
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert f"{path}:Forslag!E5: 'år 1': cellen viser fejlen" in text, text
    assert "er tom" not in text and "kun tal" not in text, text


@pytest.mark.parametrize("word", ["Reduktion", "Servicereduktion", "Red.", "servicereduktioner"])
def test_a_budgets_words_for_a_saving_are_read_as_besparelse(capsys, tmp_path, word):
    # "Reduktion", "Servicereduktion" and "Red." are a Danish budget's words for a saving
    from game.content import load_deck

    rows = [*PROPOSALS, ["red", word, "Kortere åbningstid", "Kultur", 1, None, None, None]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert load_deck(tmp_path / "dæk").proposal("red").kind.value == "saving"


@pytest.mark.parametrize(
    ("word", "advice"),
    [
        ("Serviceudvidelse", "et udvidelsesforslag bruger råderum i stedet for at finde det"),
        ("Ompr.", "en omprioritering flytter penge fra ét område til et andet"),
        ("Indtægt", "en højere takst eller en ny indtægt frigør råderum og tæller i spillet som"),
        ("Takststigning", "en højere takst eller en ny indtægt frigør råderum og tæller i"),
    ],
)
def test_a_budgets_own_kinds_are_refused_as_written_with_what_to_write(
    capsys, tmp_path, word, advice
):
    # "Serviceudvidelse" and "Ompr." got no word of what they are, and "Indtægt" not that a
    # new income is a saving in the game; the cell was quoted in lower case ('reduktion')
    rows = [*PROPOSALS, ["ny", word, "Nyt forslag", "Kultur", 1, None, None, None]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=(
            f"{path}:Forslag!B5: 'slags' skal være besparelse, effektivisering eller "
            f"investering, ikke '{word}' – {advice}"
        ),
    )


@pytest.mark.parametrize(
    ("written", "number"), [("ca. -400", "-400"), ("200 ca.", "200"), ("cirka 1,5", "1,5")]
)
def test_an_estimate_in_words_is_told_to_be_written_as_the_number(
    capsys, tmp_path, written, number
):
    # "ca. -400" got "'ca. -400' er ikke et tal" with no fix, and "200 ca." a hint about units
    path = _year_2_written(tmp_path, written)
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=(
            f"{path}:Forslag!F3: 'år 2' skal være et tal: '{written}' er ikke et tal; skriv kun "
            f"tallet, {number} (et skøn er fint som tal)"
        ),
    )


def test_n_a_in_an_amount_is_told_to_be_0_and_what_an_empty_cell_means(capsys, tmp_path):
    path = _year_2_written(tmp_path, "n/a")
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=(
            f"{path}:Forslag!F3: 'år 2' skal være et tal: 'n/a' er ikke et tal; giver kortet "
            "intet det år, så skriv 0. En tom celle er også 0, men kun før et senere beløb"
        ),
    )


@pytest.mark.parametrize(
    ("code", "danish"),
    [
        ("#N/A", "#I/T (#N/A)"),
        ("#REF!", "#REFERENCE! (#REF!)"),
        ("#DIV/0!", "#DIVISION/0! (#DIV/0!)"),
        ("#VALUE!", "#VÆRDI! (#VALUE!)"),
        ("#NAME?", "#NAVN? (#NAME?)"),
        ("#NUM!", "#NUM!"),
        ("#NULL!", "#NUL! (#NULL!)"),
    ],
)
def test_an_error_cell_is_named_as_danish_excel_shows_it(capsys, tmp_path, code, danish):
    # the file stores the English code; a Danish Excel shows #REFERENCE!, #DIVISION/0! …
    path = _year_2_written(tmp_path, "=E3*1")
    saved_by_excel(path, "Forslag", {"F3": code})
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}:Forslag!F3: 'år 2': cellen viser fejlen {danish}; ret eller tøm cellen",
    )
    main(["--lang", "en", "import", str(path), "--out", str(tmp_path / "en")])
    english = capsys.readouterr()
    said = english.err + english.out
    assert f"{path}:Forslag!F3: 'år 2': the cell shows the error {code}; correct" in said, said


def test_an_empty_unit_is_said_at_its_cell_and_so_is_what_follows_from_it(capsys, tmp_path):
    # 'enhed' left empty on Om kataloget: the warning named no cell, and the stop for amounts
    # far too large for mio. kr. stood at Om kataloget!A1
    about = [list(row) for row in ABOUT]
    about[3] = ["enhed", None]
    rows = [
        PROPOSAL_HEADERS,
        ["spar", "besparelse", "Spar på kontoret", "Administration", 300, 300, 300, None],
        ["eff", "effektivisering", "Ny vagtplan", "Ældre", -100, 200, 400, None],
        ["inv", "investering", "Forebyggelse", "Sundhed", -300, 100, 600, None],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(about=about, proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert f"{path}:Om kataloget!B4: advarsel: 'enhed' er ikke udfyldt" in text, text
    assert f"{path}:Om kataloget!B4: det typiske forslag giver" in text, text
    assert "Om kataloget!A1" not in text and f"{path}:Om kataloget: " not in text


def test_a_unit_cell_showing_an_error_is_said_once_as_the_error(capsys, tmp_path):
    # 'enhed' showing #REF! was said twice: as the cell's error and as an empty unit
    about = [list(row) for row in ABOUT]
    about[3] = ["enhed", "=Ark2!B1"]
    path = write_book(tmp_path / "katalog.xlsx", sheets(about=about))
    saved_by_excel(path, "Om kataloget", {"B4": "#REF!"})
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert f"{path}:Om kataloget!B4: 'enhed': cellen viser fejlen #REFERENCE! (#REF!)" in text
    assert "'enhed' er ikke udfyldt" not in text, text


def test_no_welfare_area_is_said_at_the_proposals_column_of_areas(capsys, tmp_path):
    # the warning named neither sheet nor cell ("katalog.xlsx: advarsel: ingen af …")
    rows = [
        ["Nr.", "Type", "Forslag", "Udvalg", "2027", "2028", "2029"],
        ["a", "besparelse", "Færre vikarer", "Ældreudvalget", 3, 3, 3],
        ["b", "effektivisering", "Fælles indkøb", "Økonomiudvalget", 1, 2, 3],
        ["c", "investering", "Tidlig indsats", "Børne- og Ungeudvalget", -3, 1, 6],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert f"{path}:Forslag!D1: advarsel: ingen af forslagenes områder" in text, text


def test_a_file_level_refusal_names_its_subject(capsys, tmp_path):
    # "w5_makro.xlsm: er en projektmappe med makroer" had no subject
    path = write_book(tmp_path / "katalog.xlsx", sheets()).rename(tmp_path / "katalog.xlsm")
    _assert_refused(
        capsys,
        tmp_path,
        path,
        expected=f"{path}: filen er en projektmappe med makroer (.xlsm); gem den som",
    )
    code = main(["--lang", "en", "import", str(path), "--out", str(tmp_path / "en")])
    english = capsys.readouterr()
    assert code == 2
    assert f"{path}: the file is a workbook with macros (.xlsm)" in english.err + english.out
