"""The Hændelser sheet as a budget office writes it: years as column headings, and the sign of
events next to proposals written the budget's way."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from game.content import load_deck
from tests.catalogue.conftest import ABOUT, PROPOSALS, run_import, sheets, write_book


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
    assert (
        f"{path}:Hændelser!C1: bemærk: kolonnerne med årstal fra 2027 er læst som hændelsens år"
        in text
    )
    assert "2027 er året, hændelsen trækkes, 2028 året efter osv." in text
    deck = load_deck(tmp_path / "dæk")
    assert [event.effect for event in deck.events] == [(-1, -1), (2,)]


def test_a_year_column_next_to_aar_columns_on_the_events_sheet_gives_advice_that_works(
    capsys, tmp_path
):
    events = [["id", "titel", "år 1", 2027], ["udligning", "Udligningen falder", -1, -1]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(events=events))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    # one problem (warnings, such as the one event for three years, are said beside it)
    lines = [line for line in text.strip().splitlines() if ": advarsel: " not in line]
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


def _budget_signed(events: list[list[object]]) -> dict[str, list[list[object]]]:
    """The small catalogue written the budget's way ('besparelser negative'), with these
    events."""
    about = [*ABOUT, ["fortegn", "besparelser negative"]]
    proposals = [list(PROPOSALS[0])]
    for row in PROPOSALS[1:]:
        proposals.append([-v if isinstance(v, (int, float)) else v for v in row])
    return sheets(about=about, proposals=proposals, events=events)


RULE_NEGATIVE = "advarsel: med 'besparelser negative' vendes alle beløb – også hændelsernes"


def test_events_written_with_the_games_sign_next_to_budget_signed_proposals_are_named(
    capsys, tmp_path
):
    # Before: udligning +2000, flere ældre +1000/+2000/+3000 and grundsalg −3000 in the game,
    # with an OK and only the general "bemærk: … skrives med plus".
    events = [
        ["id", "titel", "år 1", "år 2", "år 3"],
        ["udligning", "Udligning under forventet", -2, None, None],
        ["flere-aeldre", "Flere ældre end ventet", -1, -2, -3],
        ["grundsalg", "Ekstra grundsalg", 3, 0, None],
    ]
    path = write_book(tmp_path / "katalog.xlsx", _budget_signed(events))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        f"{path}:Hændelser!C2: advarsel: hændelsen 'Udligning under forventet' (udligning) "
        "giver kommunen penge i spillet (2 mio. kr.), men titlen siger, at den koster penge"
    ) in text
    assert (
        f"{path}:Hændelser!C3: advarsel: hændelsen 'Flere ældre end ventet' (flere-aeldre) "
        "giver kommunen penge i spillet (1, 2 og 3 mio. kr.)"
    ) in text
    assert (
        f"{path}:Hændelser!C4: advarsel: hændelsen 'Ekstra grundsalg' (grundsalg) koster "
        "kommunen penge i spillet (−3 og 0 mio. kr.), men titlen siger, at den giver penge"
    ) in text
    assert f"{path}:Hændelser: {RULE_NEGATIVE}" in text
    assert "så vend fortegnet på dem alle" in text
    # the only note is the proposals' kind defaults, not one about the events' sign
    assert [line for line in text.splitlines() if "bemærk" in line and "slagsens" not in line] == []


def test_events_written_the_budgets_way_get_no_note(capsys, tmp_path):
    events = [
        ["id", "titel", "år 1", "år 2", "år 3"],
        ["udligning", "Udligning under forventet", 2, None, None],
        ["flere-aeldre", "Flere ældre end ventet", 1, 2, 3],
        ["grundsalg", "Ekstra grundsalg", -3, 0, None],
    ]
    path = write_book(tmp_path / "katalog.xlsx", _budget_signed(events))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "Hændelser" not in text and "fortegn" not in text, text
    assert [line for line in text.splitlines() if "bemærk" in line and "slagsens" not in line] == []
    deck = load_deck(tmp_path / "dæk")
    assert [e.effect[0] for e in deck.events] == [-2, -1, 3]


def test_most_events_giving_money_is_said_without_reading_their_titles(capsys, tmp_path):
    # titles that say nothing about cost or gain: the rule is that events mostly cost money
    events = [
        ["id", "titel", "år 1"],
        ["a", "Hændelse A", -2],
        ["b", "Hændelse B", -1],
        ["c", "Hændelse C", 3],
    ]
    path = write_book(tmp_path / "katalog.xlsx", _budget_signed(events))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        f"{path}:Hændelser!C2: advarsel: hændelsen 'Hændelse A' (a) giver kommunen penge i "
        "spillet (2 mio. kr.) – ligesom 2 af katalogets 3 hændelser"
    ) in text
    assert f"{path}:Hændelser!C3: advarsel: hændelsen 'Hændelse B' (b)" in text
    assert "Hændelser!C4" not in text, text


def test_one_event_with_the_budgets_sign_under_the_default_sign_is_named(capsys, tmp_path):
    events = [
        ["id", "titel", "år 1"],
        ["udligning", "Udligningen falder", -1],
        ["skat", "Skatteindtægterne falder", 2],  # a loss written the budget's way
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(events=events))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert f"{path}:Hændelser!C3: advarsel: hændelsen 'Skatteindtægterne falder' (skat)" in text
    assert (
        f"{path}:Hændelser: advarsel: med 'besparelser positive' (standard) skrives en "
        "hændelse, der koster kommunen penge, med minus"
    ) in text
    assert "så vend fortegnet på de nævnte hændelser" in text
    assert "Hændelser!C2" not in text, text


def test_the_shipped_decks_events_look_right_to_the_sign_check():
    from game.content.event_signs import suspect_events

    for name in ("standard", "kystby"):
        deck = load_deck(Path(__file__).parents[2] / "decks" / name)
        assert suspect_events(deck.events) == ([], False), name
        turned = [dataclasses.replace(e, effect=tuple(-v for v in e.effect)) for e in deck.events]
        suspects, most_gain = suspect_events(turned)
        assert most_gain and len(suspects) >= len(deck.events) // 2, name


def _with_rounds(capsys, tmp_path: Path, *written: str):  # type: ignore[no-untyped-def]
    """Import the small catalogue with a 'runder' column holding ``written`` (one per event)."""
    events = [["id", "titel", "år 1", "runder"]]
    events += [[f"h{i}", f"Hændelse {i}", -1, rounds] for i, rounds in enumerate(written)]
    scenarios = [["id", "titel", "år", "mål"], ["fire", "Fire år", "2027; 2028; 2029; 2030", "1"]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(events=events, scenarios=scenarios))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    return code, text, path


def test_rounds_written_as_a_span_are_every_round_of_it(capsys, tmp_path):
    # Before: "2-4" was refused with the amounts' advice ("skriv kun tallet, omregnet til
    # enheden, som alle beløb har"), though the years' column takes "2027–2030".
    code, text, _ = _with_rounds(capsys, tmp_path, "2-4", "1 – 2", "runde 3 og 4", "2; 4")
    assert code == 0, text
    deck = load_deck(tmp_path / "dæk")
    assert [deck.event(f"h{i}").rounds for i in range(4)] == [(2, 3, 4), (1, 2), (3, 4), (2, 4)]


def test_rounds_that_are_no_rounds_are_told_how_rounds_are_written(capsys, tmp_path):
    code, text, path = _with_rounds(capsys, tmp_path, "2 mio.", "4-2")
    assert code == 2
    for row, written in ((2, "2 mio."), (3, "4-2")):
        assert (
            f"{path}:Hændelser!D{row}: 'runder' skal være runder skrevet som hele tal, fx 2; 3 "
            f"eller 2-4 (runde 1 er scenariets første år), ikke '{written}'"
        ) in text
    assert "omregnet til enheden" not in text


def test_a_budget_year_or_a_decimal_under_rounds_is_told_what_rounds_are(capsys, tmp_path):
    # "må højst være 4, ikke 2.028" for a year written under 'runder', and "skal være et helt
    # tal, ikke 1,2" for the "1,2" a Danish Excel keeps as the number 1,2
    code, text, path = _with_rounds(capsys, tmp_path, "2028", 1.2, 2029)  # type: ignore[arg-type]
    assert code == 2, text
    assert (
        f"{path}:Hændelser!D2: 'runder': 2028 er et budgetår, men runderne tælles fra 1"
    ) in text, text
    assert f"{path}:Hændelser!D4: 'runder': 2029 er et budgetår" in text, text
    assert (
        f"{path}:Hændelser!D3: 'runder': Excel har gemt cellen som tallet 1,2, ikke som runder; "
        "skriv runderne med semikolon (1; 2)"
    ) in text, text
