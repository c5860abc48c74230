"""The Hændelser sheet as a budget office writes it: years as column headings, and the sign of
events next to proposals written the budget's way."""

from __future__ import annotations

from game.content import load_deck
from tests.catalogue.conftest import run_import, sheets, write_book


def test_year_columns_on_the_events_sheet_are_read_as_the_events_years(capsys, tmp_path):
    # Before: "kolonnen '2027' er et årstal: skriv … årstallet for 'år 1' i kolonnen 'fra
    # budgetår'", and doing so gave "'fra budgetår' er ikke en kolonne på arket Hændelser".
    events = [
        ["id", "titel", 2027, 2028, 2029],
        ["udligning", "Udligningen falder", -1, -1, None],
        ["salg", "Ekstra grundsalg", 2, None, None],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(events=events))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "'fra budgetår'" not in text, text
    assert f"{path}:Hændelser!C1: kolonnerne med årstal fra 2027 er læst som hændelsens år" in text
    assert "beløbet under 2027 gælder trækningsåret" in text
    deck = load_deck(tmp_path / "dæk")
    assert [event.effect for event in deck.events] == [(-1, -1, 0), (2, 0, 0)]


def test_a_year_column_next_to_aar_columns_on_the_events_sheet_gives_advice_that_works(
    capsys, tmp_path
):
    events = [["id", "titel", "år 1", 2027], ["udligning", "Udligningen falder", -1, -1]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(events=events))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    lines = text.strip().splitlines()
    assert len(lines) == 1, text  # not also "cellen står i en kolonne uden overskrift"
    assert lines[0].startswith(f"{path}:Hændelser!D1: kolonnen '2027' er et årstal")
    assert "en hændelse har intet 'fra budgetår'" in lines[0]
    assert "skriv alle beløbene under 'år 1', 'år 2'" in lines[0]
    # following the advice (only year columns) imports
    events = [["id", "titel", 2027, 2028], ["udligning", "Udligningen falder", -1, -1]]
    path = write_book(tmp_path / "katalog2.xlsx", sheets(events=events))
    code, text = run_import(capsys, path, out=tmp_path / "dæk2")
    assert code == 0, text


def test_fra_budgetaar_on_the_events_sheet_says_what_an_event_does_instead(capsys, tmp_path):
    events = [
        ["id", "titel", "år 1", "fra budgetår"],
        ["udligning", "Udligningen falder", -1, 2028],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(events=events))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        f"{path}:Hændelser!D1: advarsel: 'fra budgetår' bruges kun på arket Forslag og "
        "springes over: en hændelse virker fra det år, den trækkes"
    ) in text
    assert "skriv runderne under 'runder'" in text


def test_a_year_column_on_the_scenarios_sheet_points_to_the_years_column(capsys, tmp_path):
    scenarios = [
        ["id", "titel", "år", "mål", 2027],
        ["tre-aar", "Tre år", "2027; 2028; 2029", "1; 2; 3", 5],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(scenarios=scenarios))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert f"{path}:Scenarier!E1: kolonnen '2027' er et årstal; på arket Scenarier" in text
    assert "'fra budgetår'" not in text and "uden overskrift" not in text, text
