"""A budget office's trial of ``raaderum import`` with its own workbooks: investments kept on
a sheet of their own, staff per year, a service column of sentences, a long note above the
headings and areas written as committees' abbreviations."""

from __future__ import annotations

from typing import Any

import pytest

from game.cli import main
from tests.catalogue.conftest import run_import, write_book

ABOUT = [
    ["felt", "værdi"],
    ["id", "test"],
    ["titel", "Test"],
    ["sprog", "da"],
    ["enhed", "t. kr."],
    ["formatversion", 2],
    ["fortegn", "besparelser negative"],
]
EVENTS = [["id", "titel", "år 1"], ["udligning", "Udligning under forventet", 2000]]
SCENARIOS = [
    ["id", "titel", "år", "mål", "kapacitet"],
    ["ws", "Workshop", "2027-2030", "500; 1.000; 1.500; 2.000", 10],
]
HEADERS = ["Nr.", "Forslag", "Type", "Udvalg", "2027", "2028", "2029", "2030"]
ROWS = [
    ["B1", "Sammenlægning af små skoler", "Besparelse", "BSU", -1250, -2500, -2500, -2500],
    ["E1", "Skærmbesøg i PPR", "Effektivisering", "BSU", -400, -800, -1250, -1250],
    ["I0", "Velfærdsteknologi", "Investering", "ÆSU", 500, -200, -600, -600],
]


def _book(proposals: list[list[Any]], **more: list[list[Any]]) -> dict[str, list[list[Any]]]:
    """The office's workbook: its own headings on 'Forslag', and the sheets ``more``."""
    return {
        "Om kataloget": ABOUT,
        "Forslag": proposals,
        "Hændelser": EVENTS,
        "Scenarier": SCENARIOS,
        **more,
    }


def _investments(headers: list[Any], rows: list[list[Any]]) -> list[list[Any]]:
    """A sheet of investments under a title and a note, as the office keeps them."""
    return [["Investeringsforslag (drift)"], ["Beløb i 1.000 kr."], [], headers, *rows]


def test_investments_on_their_own_sheet_without_a_kind_column_stop_the_import(capsys, tmp_path):
    # Before: "OK – 3 forslag" with only "arket 'Investeringer' læses ikke"; both investments
    # were missing from the deck
    rows = [
        ["I1", "Hverdagsrehabilitering", "ÆSU", 3000, 500, -2000, -4000, 0],
        ["I2", "Energirenovering", "TMU", 4000, -1000, -2500, -2500, 12000],
    ]
    headers = ["Nr.", "Forslag", "Udvalg", 2027, 2028, 2029, 2030, "Anlæg"]
    content = _book([HEADERS, *ROWS], Investeringer=_investments(headers, rows))
    path = write_book(tmp_path / "katalog.xlsx", content)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{path}: arket 'Investeringer' har overskrifter som en tabel over forslag (nummer, "
        "titel og beløb pr. år), men ingen kolonne med forslagenes slags, og 2 udfyldte rækker "
        "under dem; kun arket 'Forslag' bliver til kort, så de kommer ikke med i dækket. Flyt "
        "rækkerne til arket 'Forslag', og skriv 'investering' i kolonnen 'Type', som arkets "
        "navn siger, eller slet arket 'Investeringer', hvis det er en gammel kopi"
    ) in text, text
    assert "læses ikke" not in text, text


def test_a_sheet_of_proposals_whose_name_names_no_kind_asks_for_each_kind(capsys, tmp_path):
    rows = [["K1", "Kortere åbningstid på biblioteket", "KFU", -300, -300, -300, -300]]
    headers = ["Nr.", "Forslag", "Udvalg", "Budget 2027", "BO1 2028", "BO2 2029", "BO3 2030"]
    content = _book([HEADERS, *ROWS], Kultur=[headers, *rows])
    path = write_book(tmp_path / "katalog.xlsx", content)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{path}: arket 'Kultur' har overskrifter som en tabel over forslag (nummer, titel og "
        "beløb pr. år), men ingen kolonne med forslagets slags, og en udfyldt række under dem; "
        "kun arket 'Forslag' bliver til kort, så rækken kommer ikke med i dækket. Flyt rækken "
        "til arket 'Forslag', og skriv forslagets slags (besparelse, effektivisering eller "
        "investering) i kolonnen 'Type', eller slet arket 'Kultur', hvis det er en gammel kopi"
    ) in text, text


def test_a_sheet_of_savings_without_rows_or_a_sheet_of_notes_only_warns(capsys, tmp_path):
    headers = ["Nr.", "Forslag", "Udvalg", 2027, 2028, 2029, 2030]
    content = _book(
        [HEADERS, *ROWS],
        Besparelser=_investments(headers, []),
        Noter=[["Nr.", "Forslag", "Bemærkning"], ["B1", "Skoler", "Høring i maj"]],
    )
    path = write_book(tmp_path / "katalog.xlsx", content)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "advarsel: arkene 'Besparelser', 'Noter' læses ikke" in text, text


def test_staff_per_year_is_said_once_as_staff_with_the_real_fix(capsys, tmp_path):
    # Before: "'Årsværk 2027' ligner et budgetår … skriv årstallet alene som overskrift", once
    # a column; following it gave "kolonnen '2027' står to gange"
    headers = [*HEADERS, "Årsværk 2027", "ÅV 2028", "FTE 2029", "Personale 2030"]
    staff = [[-2, -4.5, -4.5, -4.5], [0, -1, -1, -1], [1, 1, 1, 1]]
    rows = [[*row, *more] for row, more in zip(ROWS, staff, strict=True)]
    path = write_book(tmp_path / "katalog.xlsx", _book([headers, *rows]))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{path}:Forslag!I1: 'Årsværk 2027', 'ÅV 2028', 'FTE 2029', 'Personale 2030' er årsværk "
        "pr. år, ikke beløb; spillet har ét tal for årsværk pr. forslag, i kolonnen 'årsværk' "
        "(ændringen i årsværk, når forslaget virker fuldt ud). Behold én kolonne – fx "
        "'Personale 2030' omdøbt til 'årsværk' – og slet de andre (eller flyt dem til et ark, "
        "der ikke læses, fx 'Noter')"
    ) in text, text
    assert "budgetår" not in text and "uden overskrift" not in text, text
    assert text.count("årsværk pr. år") == 1, text


SERVICE_WORDS = "Længere skolevej for ca. 120 elever"


def _service_note(text: str) -> str:
    return (
        f"advarsel: kolonnen '{text}' har tekst (fx '{SERVICE_WORDS}') og er ikke læst: "
        "spillets 'service' er et helt tal fra −5 til 5 – de trin, serviceniveauet flyttes (−1 "
        "lidt, −3 meget). Skal ordene med på kortet, så flyt dem til kolonnen 'tekst'; ellers "
        "giv kolonnen et andet navn (fx 'Servicebeskrivelse'), så den ikke forveksles med tallet"
    )


def test_a_service_column_of_sentences_is_said_once_as_text(capsys, tmp_path):
    # Before: "Servicekonsekvens" was read as 'service', with an error for every row ("'service'
    # skal være et helt tal … ikke 'Længere skolevej …'"); "Konsekvenser for service" was
    # skipped with "omdøb den til 'service', så læses den", which led to the same errors
    words = [SERVICE_WORDS, "Færre fysiske møder", "Ingen"]
    for heading in ("Servicekonsekvens", "Konsekvenser for service", "service"):
        rows = [[*row, text] for row, text in zip(ROWS, words, strict=True)]
        path = write_book(tmp_path / "katalog.xlsx", _book([[*HEADERS, heading], *rows]))
        code, text = run_import(capsys, path, out=tmp_path / heading)
        assert code == 0, text
        assert f"{path}:Forslag!I1: {_service_note(heading)}" in text, text
        assert "skal være et helt tal" not in text and "omdøb den til" not in text, text


def test_a_service_column_of_numbers_with_a_slip_is_read_and_the_slip_said(capsys, tmp_path):
    rows = [[*row, value] for row, value in zip(ROWS, [-2, "lidt", 1], strict=True)]
    path = write_book(tmp_path / "katalog.xlsx", _book([[*HEADERS, "Servicekonsekvens"], *rows]))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert f"{path}:Forslag!I3: 'service' skal være et helt tal fra −5 til 5, ikke 'lidt'" in text
    assert "har tekst" not in text, text


def test_headings_below_row_ten_are_said_without_reading_the_title_as_a_heading(capsys, tmp_path):
    # Before: after "overskrifterne står i række 12" came "'Råderumskatalog 2027-2030' ligner
    # et budgetår … skriv årstallet alene som overskrift" at the title in A1
    notes = [[f"Note {i}: forklaring af kataloget og processen"] for i in range(2, 12)]
    proposals = [["Råderumskatalog 2027-2030", None, None, None, "2027-2030"], *notes]
    path = write_book(tmp_path / "katalog.xlsx", _book([*proposals, HEADERS, *ROWS]))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert text == (
        f"raaderum import: {path}:Forslag: overskrifterne står i række 12, men importen leder "
        "kun efter dem i de første 10 rækker; slet nogle af rækkerne over dem (en titel eller en "
        "note), så overskrifterne står højere\n"
    )


def test_the_welfare_areas_example_is_the_catalogues_own_areas(capsys, tmp_path):
    # Before: areas written "BSU", "TMU", "ÆSU" were told "fx 'Ældreudvalget; Børne- og
    # Ungeudvalget'", names that match none of the cards (and the same in 'validate')
    rows = [*ROWS, ["B3", "Færre kontrolbesøg", "Besparelse", "TMU", -200, -200, -200, -200]]
    path = write_book(tmp_path / "katalog.xlsx", _book([HEADERS, *rows]))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        f"{path}:Forslag!D1: advarsel: ingen af forslagenes områder (BSU, TMU, ÆSU) er et "
        "velfærdsområde, så ingen af dem giver den ekstra træthed, en effektivisering på "
        "velfærdsområderne giver; skriv jeres velfærdsområder ud for 'velfærdsområder' på "
        "arket Om kataloget, fx 'BSU; ÆSU'\n"
    ) in text, text
    assert main(["validate", str(tmp_path / "dæk")]) == 0
    said = capsys.readouterr()
    assert "fx welfare_areas: [BSU, ÆSU]" in said.err + said.out, said


def test_staff_per_year_beside_construction_per_year_is_said_too(capsys, tmp_path):
    headers = [*HEADERS, "Anlæg 2027", "Anlæg 2028", "Årsværk 2027", "Årsværk 2028"]
    rows = [[*row, 0, 0, -1, -2] for row in ROWS]
    path = write_book(tmp_path / "katalog.xlsx", _book([headers, *rows]))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert f"{path}:Forslag!I1: kolonnen 'Anlæg 2027' er anlæg for ét år" in text, text
    assert (
        f"{path}:Forslag!K1: 'Årsværk 2027', 'Årsværk 2028' er årsværk pr. år, ikke beløb"
    ) in text, text


def test_construction_per_year_after_staff_per_year_is_said_too(capsys, tmp_path):
    headers = [*HEADERS, "Årsværk 2027", "Årsværk 2028", "Anlæg 2027", "Anlæg 2028"]
    rows = [[*row, -1, -2, 0, 0] for row in ROWS]
    path = write_book(tmp_path / "katalog.xlsx", _book([headers, *rows]))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert f"{path}:Forslag!I1: 'Årsværk 2027', 'Årsværk 2028' er årsværk pr. år" in text, text
    assert f"{path}:Forslag!K1: kolonnen 'Anlæg 2027' er anlæg for ét år" in text, text


def test_budget_years_over_the_template_with_its_year_5_and_6_left_are_said_once(capsys, tmp_path):
    # Before: "kolonnen 'år 1' mangler" and "tilføj kolonnen 'år 1'" beside the right
    # message ("skal 'år 5', 'år 6' væk"); with "Budget 2027" it was "skriv årstallet alene"
    for years in (["2027", "2028", "2029", "2030"], ["Budget 2027", "BO1 2028", "BO2", "BO3"]):
        headers = [*HEADERS[:4], *years, "år 5", "år 6"]
        path = write_book(tmp_path / "katalog.xlsx", _book([headers, *ROWS]))
        code, text = run_import(capsys, path, out=tmp_path / years[0])
        assert code == 2, text
        assert (
            f"{path}:Forslag!E1: kolonnen '{years[0]}' er et årstal, men arket har også 'år 5', "
            "'år 6': brug den ene slags overskrift. Med årstal alene læses beløbene som "
            "forslagets indfasning fra det år, det vedtages, og så skal 'år 5', 'år 6' væk (er "
            "de tomme, så slet dem); med 'år 1', 'år 2' … skrives de i stedet for årstallene"
        ) in text, text
        assert "'år 1'" not in text.replace("'år 1', 'år 2' …", ""), text
        assert "ligner et budgetår" not in text, text


def test_a_service_column_of_ratings_or_steps_is_read_and_each_slip_said(capsys, tmp_path):
    # a review: "Høj", "Lav", "Middel" and "-1 lidt" were taken for a description and the
    # column skipped, so every card got its kind's service without a word
    for values in (["Høj", "Lav", "Middel"], ["-1 lidt", "-3 meget", 0]):
        rows = [[*row, value] for row, value in zip(ROWS, values, strict=True)]
        path = write_book(tmp_path / "katalog.xlsx", _book([[*HEADERS, "Service"], *rows]))
        code, text = run_import(capsys, path, out=tmp_path / "dæk")
        assert code == 2, text
        assert f"{path}:Forslag!I2: 'service' skal være et helt tal fra −5 til 5" in text, text
        assert "har tekst" not in text, text


@pytest.mark.parametrize(
    ("heading", "staff"),
    [
        ("Årsværk 2027", True),
        ("ÅV 2028", True),
        ("Personale 2030", True),
        ("Personaleudgifter 2027", False),
        ("Besparelse på medarbejdere 2029", False),
        ("Staff costs 2027", False),
    ],
)
def test_a_heading_of_staff_is_told_from_one_of_money(heading, staff):
    # "Personaleudgifter 2027" and "Staff costs 2027" – amounts – were refused as staff per year
    from game.catalogue.headings import normal
    from game.catalogue.rows import _names_staff

    assert _names_staff(normal(heading)) is staff
