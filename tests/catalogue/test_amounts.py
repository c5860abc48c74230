"""Amounts as a budget office leaves them: a blank year between two amounts, and numbers
written as text that are far out of line with their row or could be read two ways."""

from __future__ import annotations

from game.content import load_deck
from tests.catalogue.conftest import ABOUT, PROPOSALS, run_import, sheets, write_book

GAP_WARNING = "er læst som 0 – skriv 0 i cellen, hvis det er ment, eller beløbet"


def _in_thousands() -> list[list[object]]:
    about = [list(row) for row in ABOUT]
    about[3] = ["enhed", "t. kr."]
    return about


def test_a_blank_budget_year_between_two_amounts_is_named_by_its_cell(capsys, tmp_path):
    # Before: "Færre vikarer" became [-2000, -2000, 0, -2000] with only the general line
    # "et tomt år er 0" – the saving vanished for 2029 without a word about the cell.
    rows = [
        ["id", "slags", "titel", "område", 2027, 2028, 2029, 2030],
        ["vikarer", "besparelse", "Færre vikarer", "Dagtilbud", 2000, 2000, None, 2000],
        ["eff", "effektivisering", "Ny vagtplan", "Ældre", -1000, 2000, 4000, 4000],
        ["salg", "besparelse", "Salg af grunden", "Teknik", 5000, None, None, None],
        ["inv", "investering", "Forebyggelse", "Sundhed", -3000, 1000, 6000, 6000],
    ]
    scenarios = [["id", "titel", "år", "mål"], ["fire", "Fire år", "2027–2030", "1; 2; 3; 4"]]
    path = write_book(
        tmp_path / "katalog.xlsx",
        sheets(proposals=rows, about=_in_thousands(), scenarios=scenarios),
    )
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        f"{path}:Forslag!G2: advarsel: '2029' er tom, men '2030' er udfyldt; den tomme celle "
        + GAP_WARNING
    ) in text
    # a one-off's blank years after its amount are no gap: not named
    assert "Forslag!F4" not in text and "Forslag!G4" not in text, text
    deck = load_deck(tmp_path / "dæk")
    assert deck.proposal("vikarer").effect == (2000, 2000, 0, 2000)
    assert deck.proposal("salg").effect == (5000, 0, 0, 0)


def test_every_blank_aar_cell_before_a_later_amount_is_named(capsys, tmp_path):
    rows = [
        [*PROPOSALS[0][:4], "år 1", "år 2", "år 3", "år 4"],
        ["spar", "besparelse", "Spar", "Administration", 3, None, None, 3],
        *[row[:7] for row in PROPOSALS[2:]],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert f"{path}:Forslag!F2: advarsel: 'år 2' er tom, men 'år 4' er udfyldt" in text
    assert f"{path}:Forslag!G2: advarsel: 'år 3' er tom, men 'år 4' er udfyldt" in text
    assert load_deck(tmp_path / "dæk").proposal("spar").effect == (3, 0, 0, 3)


def test_a_blank_year_on_the_events_sheet_is_named_too(capsys, tmp_path):
    events = [
        ["id", "titel", 2027, 2028, 2029],
        ["aeldre", "Flere ældre end ventet", -1, None, -3],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(events=events))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert f"{path}:Hændelser!D2: advarsel: '2028' er tom, men '2029' er udfyldt" in text


def test_a_missing_budget_year_heading_names_the_year(capsys, tmp_path):
    # before: "der er ingen kolonne 'år 3' før den" on a sheet that has no 'år N' columns
    rows = [
        [*PROPOSALS[0][:4], 2027, 2028, 2030],
        *[row[:7] for row in PROPOSALS[1:]],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert (
        f"{path}:Forslag!G1: kolonnen '2030' står, men der er ingen kolonne '2029' før den"
    ) in text
