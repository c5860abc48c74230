"""Numbers, quotes and ids in the import's messages as a Danish budget officer writes them:
"1.200", not "1200", "[-500, 1200]" or "1e+308"; a cell quoted as it was typed; an id with
an en dash read as the hyphen it is."""

from __future__ import annotations

import pytest

from game.cli import main
from game.content import load_deck
from tests.catalogue.conftest import ABOUT, PROPOSALS, SCENARIOS, run_import, sheets, write_book


def _import(capsys, tmp_path, **content):  # type: ignore[no-untyped-def]
    path = write_book(tmp_path / "katalog.xlsx", sheets(**content))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    return code, text, path


def test_amounts_a_thousand_times_larger_are_written_as_danish_numbers(capsys, tmp_path):
    # Before: "I t. kr. skrives beløbene [-500, 1200, 2400]" – a Python list
    about = [list(row) for row in ABOUT]
    about[3] = ["enhed", "t. kr."]
    rows = [PROPOSALS[0], *[[*row[:4], -500, 1200, 2400, None] for row in PROPOSALS[1:]]]
    rows[1][4:7] = [-0.5, 1.2, 2.4]
    scenarios = [SCENARIOS[0], ["t", "T", "2027; 2028; 2029", "1000; 2000; 3000"]]
    code, text, path = _import(capsys, tmp_path, proposals=rows, about=about, scenarios=scenarios)
    assert code == 0, text
    assert (
        f"{path}:Forslag!E2: advarsel: 'spar' flytter råderummet højst 2,4 t. kr. om året, "
        "mens det typiske forslag frigør 2.400 t. kr.: er beløbene skrevet i mio. kr.? "
        "I t. kr. skrives beløbene −500, 1.200 og 2.400"
    ) in text
    assert "[" not in text, text


def test_a_single_amount_a_thousand_times_larger_is_called_beloebet(capsys, tmp_path):
    # Before: "I t. kr. skrives beløbene 1.800" about the one amount of a card
    about = [list(row) for row in ABOUT]
    about[3] = ["enhed", "t. kr."]
    rows = [PROPOSALS[0], *[[*row[:4], 1800, None, None, None] for row in PROPOSALS[1:]]]
    rows[1][4] = 1.8
    scenarios = [SCENARIOS[0], ["t", "T", "2027; 2028", "1000; 2000"]]
    code, text, path = _import(capsys, tmp_path, proposals=rows, about=about, scenarios=scenarios)
    assert code == 0, text
    assert (
        f"{path}:Forslag!E2: advarsel: 'spar' flytter råderummet 1,8 t. kr. om året, "
        "mens det typiske forslag frigør 1.800 t. kr.: er beløbet skrevet i mio. kr.? "
        "I t. kr. skrives beløbet 1.800"
    ) in text
    assert "beløbene" not in text, text


@pytest.mark.parametrize(
    ("column", "value", "said"),
    [
        # the deck's own limit, as for any amount over it (1e30 was told 1.000.000.000, and
        # 111.111 in the next row 1.000)
        ("år 1", 1e308, "'år 1' må højst være 1.000, ikke et meget stort tal (beløb i mio. kr.)"),
        (
            "år 1",
            -1e15,
            "'år 1' skal være mindst −1.000, ikke et meget stort tal (beløb i mio. kr.)",
        ),
        ("service", 1e308, "'service' må højst være 5, ikke et meget stort tal"),
        ("belastning", 1_000_000, "'belastning' må højst være 5, ikke 1.000.000"),
        ("årsværk", 25_000, "'årsværk' må højst være 10.000, ikke 25.000"),
    ],
)
def test_a_limit_and_a_value_beyond_it_are_written_as_danish_numbers(
    capsys, tmp_path, column, value, said
):
    # Before: "'år 1' må højst være 1000000000, ikke 1e+308", and a 309-digit number for
    # 'service'
    rows = [list(row) for row in PROPOSALS]
    if column == "år 1":
        rows[1][4], ref = value, "E2"
    else:  # a column of its own after the template's, in I
        rows[0].append(column)
        rows[1].append(value)
        ref = "I2"
    code, text, path = _import(capsys, tmp_path, proposals=rows)
    assert code == 2
    assert f"{path}:Forslag!{ref}: {said}" in text.splitlines(), text


def test_a_text_amount_is_said_as_read_without_a_trailing_zero(capsys, tmp_path):
    # Before: "'4,125' er læst som 4,1250 mio. kr."
    events = [["id", "titel", "år 1"], ["udligning", "Udligningen falder", "-1,000"]]
    code, text, path = _import(capsys, tmp_path, events=events)
    assert code == 0, text
    assert (
        f"{path}:Hændelser!C2: advarsel: '-1,000' er læst som −1 mio. kr. (dansk "
        "decimalkomma); menes −1.000 (engelsk tusindtalskomma), så skriv −1000"
    ) in text


def test_an_english_reader_is_told_to_write_the_thousand_without_its_comma(capsys, tmp_path):
    # a trial: "if 1,000 is meant (English thousands comma), write 1,000" – what was typed
    events = [["id", "titel", "år 1"], ["udligning", "Udligningen falder", "-1,000"]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(events=events))
    code = main(["import", str(path), "--out", str(tmp_path / "deck"), "--lang", "en"])
    text = "".join(capsys.readouterr())
    assert code == 0, text
    assert "if −1,000 is meant (English thousands comma), write −1000 without the comma" in text


def test_a_cell_with_its_unit_is_quoted_as_it_was_typed(capsys, tmp_path):
    # Before: "'kr. 1,5' er ikke et tal" for a cell holding "kr. 1,5 mio."
    rows = [list(row) for row in PROPOSALS]
    rows[1][4] = "kr. 1,5 mio."
    code, text, path = _import(capsys, tmp_path, proposals=rows)
    assert code == 2
    assert f"{path}:Forslag!E2: 'år 1' skal være et tal: 'kr. 1,5 mio.' er ikke et tal" in text


def test_a_long_heading_is_quoted_with_a_mark_where_it_is_cut(capsys, tmp_path):
    heading = "Tovholder og ansvarlig for opfølgningen i fagudvalget"
    rows = [[*row, None] for row in PROPOSALS]
    rows[0][-1] = heading
    code, text, path = _import(capsys, tmp_path, proposals=rows)
    assert code == 0, text
    assert f"{path}:Forslag!I1: advarsel: '{heading[:39]}…' er ikke en kolonne" in text


@pytest.mark.parametrize("dash", ["–", "—", "−", "‐"])
def test_an_id_with_any_kind_of_dash_is_read_with_a_hyphen(capsys, tmp_path, dash):
    # Before: "E–01" became "E01", so the scenarios' "E-01" was an unknown proposal
    rows = [list(row) for row in PROPOSALS]
    rows[2][0] = f"E{dash}01"
    scenarios = [[*SCENARIOS[0], "forslag"], [*SCENARIOS[1], "spar, E-01, inv"]]
    code, text, _ = _import(capsys, tmp_path, proposals=rows, scenarios=scenarios)
    assert code == 0, text
    assert f"'E{dash}01' → 'E-01'" in text
    assert [p.id for p in load_deck(tmp_path / "dæk").proposals] == ["spar", "E-01", "inv"]


def test_the_length_of_a_very_long_text_is_a_danish_number(capsys, tmp_path):
    # Before: "'titel' er for lang: 32767 tegn (højst 90)"
    rows = [list(row) for row in PROPOSALS]
    rows[1][2] = "x" * 32767
    code, text, path = _import(capsys, tmp_path, proposals=rows)
    assert code == 2
    assert f"{path}:Forslag!C2: 'titel' er for lang: 32.767 tegn (højst 90)" in text


def test_a_time_or_a_duration_in_an_amount_cell_is_shown_as_excel_shows_it(capsys, tmp_path):
    # a cell with a duration was said as "(2 days, 0:00:00)", Python's English
    import datetime as dt

    rows = [list(row) for row in PROPOSALS]
    rows[1][4] = dt.timedelta(days=2)
    rows[2][4] = dt.time(12, 30)
    code, text, _ = _import(capsys, tmp_path, proposals=rows)
    assert code == 2
    assert "dato eller et klokkeslæt (48:00:00)" in text, text
    assert "dato eller et klokkeslæt (12:30)" in text
    assert "days" not in text
