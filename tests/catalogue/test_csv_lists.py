"""A list in one cell of a semicolon-separated CSV file ("2027; 2028; 2029") must stand in
quotes, or its semicolons split it into cells of its own: the import says so, and how."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content import load_deck
from tests.catalogue.conftest import run_import

FORSLAG = (
    "id;slags;titel;område;år 1;år 2;år 3\r\n"
    "spar;besparelse;Spar på kontoret;Administration;3;;\r\n"
    "eff;effektivisering;Ny vagtplan;Ældre;-1;2;4\r\n"
    "inv;investering;Forebyggelse;Sundhed;-3;1;6\r\n"
)


def _files(tmp_path: Path, scenario_row: str, header: str = "id;titel;år;mål") -> list[Path]:
    forslag = tmp_path / "forslag.csv"
    forslag.write_bytes(FORSLAG.encode("cp1252"))
    scenarier = tmp_path / "scenarier.csv"
    scenarier.write_bytes(f"{header}\r\n{scenario_row}\r\n".encode("cp1252"))
    return [forslag, scenarier]


def test_an_unquoted_list_split_by_its_semicolons_says_to_quote_it(capsys, tmp_path):
    # Before: "'år' skal have mindst 2 elementer" and "cellen står i en kolonne uden
    # overskrift" – neither said to put the list in quotes.
    paths = _files(tmp_path, "s1;Tre år;2027; 2028; 2029;1; 2; 3")
    code, text = run_import(capsys, *paths, out=tmp_path / "dæk")
    assert code == 2
    scenarier = paths[1]
    assert text.strip().splitlines() == [
        f"{scenarier}:C2: 'år' står i 3 celler (C2:E2), fordi semikolonnerne i listen også "
        'skiller felterne i filen; skriv listen i anførselstegn: "2027; 2028; 2029", eller brug '
        "komma mellem årene: 2027, 2028, 2029",
        f"{scenarier}:F2: 'mål' står i 3 celler (F2:H2), fordi semikolonnerne i listen også "
        'skiller felterne i filen; skriv listen i anførselstegn: "1; 2; 3", eller brug komma og '
        "mellemrum mellem tallene: 1, 2, 3",
    ]


@pytest.mark.parametrize(
    "row",
    [
        's1;Tre år;"2027; 2028; 2029";"1; 2; 3"',  # in quotes
        "s1;Tre år;2027, 2028, 2029;1, 2, 3",  # with commas
    ],
)
def test_the_advice_for_a_split_list_imports(capsys, tmp_path, row):
    code, text = run_import(capsys, *_files(tmp_path, row), out=tmp_path / "dæk")
    assert code == 0, text
    scenario = load_deck(tmp_path / "dæk").scenario("s1")
    assert scenario.years == ("2027", "2028", "2029")
    assert scenario.target == (1, 2, 3)


def test_cells_past_the_headings_that_are_no_list_say_what_to_do(capsys, tmp_path):
    paths = _files(tmp_path, 's1;Tre år;2027–2029;"1; 2; 3";noget;mere')
    code, text = run_import(capsys, *paths, out=tmp_path / "dæk")
    assert code == 2
    assert (
        f"{paths[1]}:E2: rækken har 6 felter, men overskrifterne kun 4: et semikolon inde i en "
        'celle deler den i flere; sæt cellens indhold i anførselstegn (fx "2027; 2028; 2029")'
    ) in text
    assert "uden overskrift" not in text, text


def test_a_split_list_on_the_about_file_is_said_not_cut_to_its_first_part(capsys, tmp_path):
    # before, "Ældre" alone became the welfare areas: the rest of the list was not read
    about = tmp_path / "om-kataloget.csv"
    about.write_bytes(
        (
            "felt;værdi\r\nid;lille\r\ntitel;Lille katalog\r\nformatversion;2\r\n"
            "velfærdsområder;Ældre; Sundhed; Skole\r\n"
        ).encode("cp1252")
    )
    paths = _files(tmp_path, 's1;Tre år;"2027; 2028; 2029";"1; 2; 3"')
    code, text = run_import(capsys, about, *paths, out=tmp_path / "dæk")
    assert code == 2
    assert [line for line in text.strip().splitlines() if "advarsel" not in line] == [
        f"{about}:B5: 'velfærdsområder' står i 3 celler (B5:D5), fordi semikolonnerne i listen "
        'også skiller felterne i filen; skriv listen i anførselstegn: "Ældre; Sundhed; Skole"'
    ]


def test_a_minus_lost_to_the_windows_character_set_is_named_as_one(capsys, tmp_path):
    # Danish Excel saves "−300" (a typographic minus) as "?300" in a Windows-1252 CSV file;
    # before, the import said only "'?300' er ikke et tal".
    forslag, scenarier = _files(tmp_path, '"s1";"Tre år";"2027, 2028, 2029";"1, 2, 3"')
    typed = FORSLAG.replace("Ældre;-1;2;4", "Ældre;\u2212300;2;4")
    forslag.write_bytes(typed.encode("cp1252", errors="replace"))
    code, text = run_import(capsys, forslag, scenarier, out=tmp_path / "dæk")
    assert code == 2
    assert (
        f"{forslag}:E3: 'år 1' skal være et tal: '?300' har et '?' foran tallet, og det er som "
        "regel et minus (−), der gik tabt, da filen blev gemt som CSV med Windows' tegnsæt"
    ) in text


def test_the_templates_own_about_sheet_saved_as_csv_is_read_with_its_explanations(capsys, tmp_path):
    # Excel's "Gem som CSV" of the template's Om kataloget sheet keeps its third column,
    # "forklaring": every row was refused as a list split by its semicolons, the unit was
    # lost, and 22 follow-on errors asked for the 't. kr.' the file already had
    about = tmp_path / "om-kataloget.csv"
    about.write_bytes(
        (
            "felt;værdi;forklaring\r\nid;lille;Katalogets korte navn\r\n"
            "titel;Lille katalog;Titlen, der vises i spillets menu.\r\n"
            "enhed;t. kr.;Enheden for alle beløb.\r\nformatversion;2;\r\n"
        ).encode("cp1252")
    )
    forslag = tmp_path / "forslag.csv"
    forslag.write_bytes(
        (
            "id;slags;titel;område;år 1;år 2;år 3\r\n"
            "spar;besparelse;Spar på kontoret;Administration;3000;;\r\n"
            "eff;effektivisering;Ny vagtplan;Ældre;-1000;2000;4000\r\n"
            "inv;investering;Forebyggelse;Sundhed;-3000;1000;6000\r\n"
        ).encode("cp1252")
    )
    scenarier = tmp_path / "scenarier.csv"
    scenarier.write_bytes(
        'id;titel;år;mål\r\ns1;Tre år;"2027; 2028; 2029";"1000; 2000; 3000"\r\n'.encode("cp1252")
    )
    code, text = run_import(capsys, about, forslag, scenarier, out=tmp_path / "dæk")
    assert code == 0, text
    assert load_deck(tmp_path / "dæk").unit == "t. kr."


@pytest.mark.parametrize(("encoding", "sign"), [("cp850", "†"), ("mac_roman", "Œ")])
def test_an_ms_dos_or_macintosh_csv_is_refused_not_read_as_garbled_letters(
    capsys, tmp_path, encoding, sign
):
    # Excel's "CSV (MS-DOS)" and "CSV (Macintosh)" were read as Windows-1252 and imported
    # with titles like "F‘rre †bningstimer" and the area "’ldre", and the import said OK
    forslag = tmp_path / "forslag.csv"
    forslag.write_bytes(FORSLAG.replace("Spar på kontoret", "Færre åbningstimer").encode(encoding))
    scenarier = tmp_path / "scenarier.csv"
    scenarier.write_bytes("id;titel;år;mål\r\ns1;Tre år;2027, 2028, 2029;1\r\n".encode(encoding))
    code, text = run_import(capsys, forslag, scenarier, out=tmp_path / "dæk")
    assert code == 2
    assert (
        f"{forslag}: tegnsættet ser ud til at være MS-DOS eller Macintosh ('{sign}' står " in text
    )
    assert not (tmp_path / "dæk").exists()
    # the same file saved as Windows-1252 ("CSV (semikolonsepareret)") is read as before
    forslag.write_bytes(FORSLAG.replace("Spar på kontoret", "Færre åbningstimer").encode("cp1252"))
    scenarier.write_bytes("id;titel;år;mål\r\ns1;Tre år;2027, 2028, 2029;1\r\n".encode("cp1252"))
    code, text = run_import(capsys, forslag, scenarier, out=tmp_path / "dæk")
    assert code == 0, text
    assert load_deck(tmp_path / "dæk").proposal("spar").title == "Færre åbningstimer"


def test_amounts_with_their_own_unit_in_a_csv_file_are_named_by_file_and_cell(capsys, tmp_path):
    # a trial: the cells converted from "t. kr." were named "Forslag!E3" – a sheet a CSV file
    # does not have – and the kinds' standard was noted under the about file, not the cards'
    forslag = tmp_path / "forslag.csv"
    text = FORSLAG.replace("3;;\r\n", "500 t. kr.;;\r\n").replace("-1;2;4", "-1000 t. kr.;2;4")
    forslag.write_bytes(text.encode("cp1252"))
    scenarier = tmp_path / "scenarier.csv"
    scenarier.write_bytes("id;titel;år;mål\r\ns1;Tre år;2027, 2028, 2029;1, 2, 3\r\n".encode())
    code, said = run_import(capsys, forslag, scenarier, out=tmp_path / "dæk")
    assert code == 0, said
    (note,) = [line for line in said.splitlines() if "omregnet til" in line]
    assert note.startswith(f"{forslag}:E2: bemærk: "), note
    assert "forslag.csv:E3" in note and "Forslag!" not in note, note
    (defaults,) = [line for line in said.splitlines() if "slagsens standard" in line]
    assert defaults.startswith(f"{forslag}:A2: "), defaults
