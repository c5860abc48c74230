"""A budget office's trial of ``raaderum import``: whole kroner written "1.250,-", headings
the import did not know, subtotal rows named only by their committee, and an amount in
kroner among thousands."""

from __future__ import annotations

from typing import Any

import pytest

from game.content import load_deck
from tests.catalogue.conftest import (
    ABOUT,
    SCENARIOS,
    run_import,
    saved_by_excel,
    sheets,
    write_book,
)


def _in_thousands() -> list[list[object]]:
    about = [list(row) for row in ABOUT]
    about[3] = ["enhed", "t. kr."]
    return about


def _catalogue(rows: list[list[Any]]) -> dict[str, list[list[Any]]]:
    scenarios = [list(row) for row in SCENARIOS]
    scenarios[1][3] = "500; 1.000; 2.000"
    return sheets(proposals=rows, about=_in_thousands(), scenarios=scenarios)


HEADERS = ["id", "slags", "titel", "område", "år 1", "år 2", "år 3"]


def test_a_dash_after_the_comma_is_whole_kroner_never_a_sign(capsys, tmp_path):
    # Before: "1.250,-" was read as −1.250 without a word, "-2.000,-" stopped the import
    # ("indeholder andet end tallet"), and the import advised 'besparelser negative'.
    rows = [
        HEADERS,
        ["S1", "besparelse", "Forslag S1", "Ældre", "1.250,-", "1.250,-", "1.250,–"],
        ["S2", "besparelse", "Forslag S2", "Ældre", "800,-", "1.600,-", "2.400,-"],
        ["I1", "investering", "Forslag I1", "Ældre", "-2.000,-", "500,-", "3.000,-"],
        ["E1", "effektivisering", "Forslag E1", "Ældre", 0, "500,-", "1.000,-"],
    ]
    path = write_book(tmp_path / "katalog.xlsx", _catalogue(rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "indeholder andet end tallet" not in text and "fortegn" not in text, text
    deck = load_deck(tmp_path / "dæk")
    assert list(deck.proposal("S1").effect[:3]) == [1250, 1250, 1250]
    assert list(deck.proposal("S2").effect[:3]) == [800, 1600, 2400]
    assert list(deck.proposal("I1").effect[:3]) == [-2000, 500, 3000]
    assert "minus efter tallet" not in text, text


def test_a_minus_after_the_number_is_read_as_minus_and_named_at_its_cell(capsys, tmp_path):
    # Before: "1.250-" became −1.250 silently.
    rows = [
        HEADERS,
        ["S1", "besparelse", "Forslag S1", "Ældre", "1.250-", 1300, 1300],
        ["S2", "besparelse", "Forslag S2", "Ældre", 800, 1600, 2400],
        ["E1", "effektivisering", "Forslag E1", "Ældre", 0, 500, 1000],
        ["I1", "investering", "Forslag I1", "Ældre", -2000, 500, 3000],
    ]
    path = write_book(tmp_path / "katalog.xlsx", _catalogue(rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        f"{path}:Forslag!E2: bemærk: '1.250-' har minus efter tallet, som et udtræk fra "
        "økonomisystemet skriver det, og er læst som −1.250 t. kr."
    ) in text, text
    assert load_deck(tmp_path / "dæk").proposal("S1").effect[0] == -1250


def test_parse_amount_reads_whole_kroner_in_any_text():
    from game.numbers import parse_amount

    assert parse_amount("1.250,-") == 1250
    assert parse_amount("-2.000,-") == -2000
    assert parse_amount("1250,–") == 1250


_ROWS = [
    ["S1", "besparelse", "Forslag S1", "Ældre", 800, 1600, 2400, -1],
    ["S2", "besparelse", "Forslag S2", "Ældre", 800, 1600, 2400, 0],
    ["E1", "effektivisering", "Forslag E1", "Ældre", 0, 500, 1000, 0],
    ["I1", "investering", "Forslag I1", "Ældre", -2000, 500, 3000, 2],
]


@pytest.mark.parametrize(
    ("column", "heading"),
    [
        (0, "Løbenr."),
        (1, "Kategori"),
        (1, "Art"),
        (1, "Forslagets type"),
        (2, "Forslagets navn"),
        (2, "Navn"),
        (2, "Forslagstitel"),
        (2, "Titel på forslag"),
        (3, "Sektor"),
        (3, "Serviceområde"),
        (7, "Konsekvens for service"),
        (7, "Serviceniveau (-5 til 5)"),
    ],
)
def test_a_budget_offices_own_headings_are_read(capsys, tmp_path, column, heading):
    # Before: each of these stopped the import ("kolonnen 'titel' mangler") or was skipped
    # with the service the sheet filled in replaced by the kind's standard.
    headers = [*HEADERS, "service"]
    headers[column] = heading
    path = write_book(tmp_path / "katalog.xlsx", _catalogue([headers, *_ROWS]))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "springes over" not in text and "'usikkerhed' / 'service'" not in text, text
    deck = load_deck(tmp_path / "dæk")
    assert deck.proposal("I1").service == 2 and deck.proposal("S1").area == "Ældre"
    assert deck.proposal("E1").title == "Forslag E1"


@pytest.mark.parametrize(
    "years",
    [
        ["Beløb 2027", "Beløb 2028", "Beløb 2029"],
        ["Budgetforslag 2027", "OÅ 2028", "OÅ 2029"],
        ["Budgetforslag 2027", "BO 2028", "BO 2029"],
        ["2027 t.kr.", "2028 t.kr.", "2029 t.kr."],
    ],
)
def test_year_headings_with_a_word_or_a_unit_are_read(capsys, tmp_path, years):
    # Before: "'Beløb 2027' ligner et budgetår, men kan ikke læses som et" stopped the import.
    headers = [*HEADERS[:4], *years, "service"]
    path = write_book(tmp_path / "katalog.xlsx", _catalogue([headers, *_ROWS]))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert list(load_deck(tmp_path / "dæk").proposal("S2").effect[:3]) == [800, 1600, 2400]


def test_a_skipped_column_that_looks_like_a_field_is_named_so(capsys, tmp_path):
    # Before: "'Forventet service' er ikke en kolonne … og springes over", and then "4 forslag
    # … har ikke udfyldt 'usikkerhed' / 'service' / 'belastning'" as if the cells were empty
    # (and that line had no 'bemærk:'/'advarsel:' label).
    headers = [*HEADERS, "Forventet service"]
    path = write_book(tmp_path / "katalog.xlsx", _catalogue([headers, *_ROWS]))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        f"{path}:Forslag!H1: advarsel: 'Forventet service' er ikke en kolonne på arket Forslag "
        "og springes over, men ligner 'service': omdøb den til 'service', så læses den"
    ) in text, text
    assert (
        f"{path}:Forslag!H1: advarsel: 4 forslag (S1, S2, E1 og I1) har fået slagsens standard "
        "for 'service' i stedet for arkets egne tal, fordi kolonnen 'Forventet service' er "
        "sprunget over; omdøb den til 'service', så læses de"
    ) in text, text
    assert (
        f"{path}:Forslag!A2: bemærk: 4 forslag (S1, S2, E1 og I1) har ikke udfyldt "
        "'usikkerhed' / 'belastning' og har fået slagsens standard"
    ) in text, text


def test_a_committees_subtotal_row_of_sums_is_skipped_with_one_note(capsys, tmp_path):
    # Before: a row with only the committee's name and =SUM(...) under the years got
    # "'id' er tom; den skal udfyldes", "'område' er tom" and "'slags' er tom", which asked
    # to make a sum a proposal.
    rows = [
        [*HEADERS, "service"],
        *_ROWS[:2],
        [None, None, "Ældreudvalget", None, "=SUM(E2:E3)", "=SUM(F2:F3)", "=SUM(G2:G3)"],
        *_ROWS[2:],
    ]
    path = write_book(tmp_path / "katalog.xlsx", _catalogue(rows))
    saved_by_excel(path, "Forslag", {"E4": 1600, "F4": 3200, "G4": 4800})
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "er tom; den skal udfyldes" not in text, text
    assert (
        f"{path}:Forslag!C4: bemærk: række 4 ('Ældreudvalget') har summer i beløbskolonnerne "
        "(=SUM(E2:E3) …) og hverken id eller slags; den er læst som en subtotal og ikke som et "
        "forslag"
    ) in text, text
    assert text.count("række 4") == 1, text
    assert len(load_deck(tmp_path / "dæk").proposals) == 4


def test_an_amount_in_kroner_is_said_at_the_cell_that_holds_it(capsys, tmp_path):
    # Before: the warning about 600.000 (whole kroner in a t. kr. catalogue) named E4, the
    # row's first year, which holds 150.000 ... and not G4, where the 600.000 stands.
    rows = [
        [*HEADERS, "service"],
        *_ROWS[:2],
        ["D1", "effektivisering", "Digital administration", "Skole", 150000, 400000, 600000, 0],
        *_ROWS[2:],
    ]
    path = write_book(tmp_path / "katalog.xlsx", _catalogue(rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert f"{path}:Forslag!G4: advarsel: 'D1' har et beløb på 600.000 t. kr. om året" in text, text
    assert "Forslag!E4: advarsel: 'D1'" not in text, text


_TRIAL_DECK = """\
deck:
  id: "sonderaa-2027"
  title: "Sønderå Kommune – budget 2027-2030"
  unit: "t. kr."
  schema_version: 2
  sign: "savings_negative"

proposals:
{proposals}
scenarios:
  - id: "budget2027"
    title: "Budget 2027-2030"
    years: ["2027", "2028", "2029", "2030"]
    target: [1000, 3000, 5000, 6000]
    capacity: 20
"""
_TRIAL_PROPOSALS = [
    ("Ae-1", "besparelse", "[-1250, -1250, -1250, -1250]", -2),
    ("Ae-2", "besparelse", "[1250, -2500, -2500, -2500]", -2),
    ("Ae-3", "investering", "[800, -450, -900, -1200]", 1),
    ("B-1", "besparelse", "[-300, -900, -1800, -1800]", -3),
    ("B-2", "effektivisering", "[0, -200, -400, -400]", 0),
    ("B-3", "investering", "[1500, 500, -500, -2000]", 2),
    ("T-1", "effektivisering", "[-100, -400, -600, -600]", 0),
    ("T-2", "besparelse", "[-350.5, -350.5, -350.5, -350.5]", -1),
    ("K-1", "investering", "[2000, 1000, -1500, -2500]", 0),
]


def test_validate_says_the_years_together_hold_the_targets_down(capsys, tmp_path):
    # Before: "har et mål på 6.000 t. kr. i sidste år, men bunken når kun ca. 5.601 t. kr.
    # uden held", while the pile gives 7.375 in the last year: 5.601 is the X all targets
    # scale to, and it is the years together that bind.
    from game.cli import main

    cards = "\n".join(
        f'  - id: "{i}"\n    kind: "{k}"\n    title: "Forslag {i}"\n    area: "Ældre"\n'
        f"    effect: {e}\n    service: {s}\n"
        for i, k, e, s in _TRIAL_PROPOSALS
    )
    folder = tmp_path / "d3"
    folder.mkdir()
    (folder / "deck.yaml").write_text(_TRIAL_DECK.format(proposals=cards), encoding="utf-8")
    assert main(["validate", str(folder)]) == 0
    said = capsys.readouterr()
    text = said.err + said.out
    assert "men bunken når kun ca. 5.60" not in text, text
    assert (
        "advarsel: scenariet 'budget2027' kan ikke vindes uden held: hvert år kan nå sit eget "
        "mål, men ikke alle år på én gang"
    ) in text, text
    assert (
        "Bunken når kun målene, hvis de alle sænkes i samme forhold, til ca. 93 %: 933; 2.800; "
        # rounded down to a tenth of a mio. kr., as the same catalogue in mio. kr. reads
        # "5,6" (it read "5.601" in t. kr.)
        "4.667; 5.600 t. kr. (ca. 5.600 t. kr. i sidste år i stedet for 6.000 t. kr.)"
    ) in text, text
