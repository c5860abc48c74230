"""Budget tables as budget offices lay them out: a heading of two rows, and a unit named in a
title or a band over the years that must agree with the deck's unit."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from game.content import load_deck
from tests.catalogue.conftest import ABOUT, run_import, sheets, write_book

TWO_ROW_HEADING = [
    ["Budgetforslag 2027–2029"],
    [],
    ["id", "slags", "titel", "område", "Beløb i mio. kr.", None, None, "tekst"],
    [None, None, None, None, 2027, 2028, 2029, None],
    ["spar", "besparelse", "Spar på kontoret", "Administration", 3, 3, 3, "Tekst"],
    ["eff", "effektivisering", "Ny vagtplan", "Ældre", -1, 2, 4, None],
    ["inv", "investering", "Forebyggelse", "Sundhed", -3, 1, 6, None],
]


def _book(path: Path, rows: list[list[object]], unit: str = "mio. kr.") -> Path:
    about = [list(row) for row in ABOUT]
    about[3] = ["enhed", unit]
    write_book(path, sheets(proposals=rows, about=about))
    return _merge(path, "A1:H1", "E3:G3", *(f"{column}3:{column}4" for column in "ABCDH"))


def test_a_heading_of_two_rows_with_merged_cells_is_read_as_one(capsys, tmp_path):
    # Before: "Forslag!A3:A4: cellerne er flettet; ophæv fletningen" for each of the five
    # headings merged down, though this is how most budget tables are laid out.
    path = _book(tmp_path / "katalog.xlsx", [list(row) for row in TWO_ROW_HEADING])
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "flettet" not in text
    deck = load_deck(tmp_path / "dæk")
    assert [p.id for p in deck.proposals] == ["spar", "eff", "inv"]
    assert deck.proposal("eff").effect == (-1.0, 2.0, 4.0)
    assert deck.proposal("spar").kind.value == "saving"


def test_cells_under_a_two_row_heading_keep_their_names(capsys, tmp_path):
    rows = [list(row) for row in TWO_ROW_HEADING]
    rows[5][5] = "to"  # eff's 2028 amount, cell F6
    path = _book(tmp_path / "katalog.xlsx", rows)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2 and f"{path}:Forslag!F6:" in text, text


def _in_thousands(band: str) -> list[list[object]]:
    """The two-row table with ``band`` over its years and every amount a thousand times."""
    rows = [list(row) for row in TWO_ROW_HEADING]
    rows[2][4] = band
    for row in rows[4:]:
        row[4:7] = [value * 1000 for value in row[4:7]]
    return rows


def _merge(path: Path, *ranges: str) -> Path:
    """The workbook at ``path`` with these ranges of its Forslag sheet merged."""
    book = openpyxl.load_workbook(path)
    for cells in ranges:
        book["Forslag"].merge_cells(cells)
    book.save(path)
    return path


@pytest.mark.parametrize(
    "cells",
    [
        "E6:F6",  # two years of one proposal
        "G5:G7",  # one amount over three proposals: counted once or three times?
    ],
)
def test_a_merged_cell_among_the_proposals_is_still_refused(capsys, tmp_path, cells):
    path = _book(tmp_path / "katalog.xlsx", [list(row) for row in TWO_ROW_HEADING])
    code, text = run_import(capsys, _merge(path, cells), out=tmp_path / "dæk")
    assert code == 2 and f"{path}:Forslag!{cells}: cellerne er flettet" in text, text


def test_a_title_merged_across_two_columns_is_refused_once_with_advice_that_works(capsys, tmp_path):
    # a catalogue whose titles (and their heading) are merged over B:C got one refusal per
    # row, each saying "skriv værdien i hver celle" – which then gave "kolonnen 'titel' står
    # to gange"
    rows = [
        ["id", "titel", None, "slags", "område", "år 1", "år 2", "år 3"],
        *[
            [f"s{n}", f"Spar {n}", None, "besparelse", "Administration", n, n, n]
            for n in range(1, 5)
        ],
        ["eff", "Ny vagtplan", None, "effektivisering", "Ældre", -1, 2, 4],
        ["inv", "Forebyggelse", None, "investering", "Sundhed", -3, 1, 6],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    book = openpyxl.load_workbook(path)
    for row in range(1, 8):
        book["Forslag"].merge_cells(f"B{row}:C{row}")
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert text.count("flettet") == 1, text
    assert (
        f"{path}:Forslag!B1:C1: cellerne er flettet hen over kolonnerne, og det samme gælder "
        "B2:C2, B3:C3, B4:C4, … (7 fletninger i alt på arket); ophæv fletningerne"
    ) in text, text
    assert "lad værdien stå i den første celle af hver (B1 osv.) alene" in text
    assert "skriv værdien i hver celle" not in text
    # the advice followed: unmerged, each value in its first cell, the others empty
    book = openpyxl.load_workbook(path)
    for row in range(1, 8):
        book["Forslag"].unmerge_cells(f"B{row}:C{row}")
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "står to gange" not in text
    deck = load_deck(tmp_path / "dæk")
    assert deck.proposal("s3").title == "Spar 3"


def test_a_band_in_thousands_over_a_deck_in_millions_stops_the_import(capsys, tmp_path):
    # Before: the band was not read, and 3.000 t. kr. would have been 3.000 mio. kr. (or,
    # the other way round, 3 mio. kr. under a 't. kr.' deck a tiny 0,003).
    rows = [list(row) for row in TWO_ROW_HEADING]
    rows[2][4] = "Beløb i 1.000 kr."
    path = _book(tmp_path / "katalog.xlsx", rows)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{path}:Forslag!E3: 'Beløb i 1.000 kr.' siger, at beløbene er i t. kr., men "
        "'enhed' på arket 'Om kataloget' er 'mio. kr.'; ret den ene"
    ) in text
    assert not (tmp_path / "dæk").exists()
    # an anlæg in t. kr. over the limit of mio. kr. is the same unit's fault: not a line more
    rows[2].append("anlæg")
    rows[3].append(None)
    for row in rows[4:]:
        row.append(4500)
    code, text = run_import(capsys, _book(tmp_path / "katalog2.xlsx", rows), out=tmp_path / "d2")
    assert code == 2, text
    assert "siger, at beløbene er i t. kr." in text
    assert "'anlæg' må højst være" not in text, text


@pytest.mark.parametrize(
    "band",
    [
        "Beløb i 1.000 kroner",
        "Beløb i tusinde kroner",
        "Beløb i 1 000 kr.",
        "DKK 1.000",
        "DKK '000",
        "Beløb i kr. (1.000)",
        "Beløb i kr. 1.000",
    ],
)
def test_a_band_in_thousands_written_as_offices_write_it_is_read_as_thousands(
    capsys, tmp_path, band
):
    # before: "Beløb i 1.000 kroner" over a deck in mio. kr. was not read, and 50 t. kr.
    # became 50 mio. kr. with the import saying OK; "Beløb i kr. (1.000)" over a deck in
    # t. kr. was read as whole kroner, and a right catalogue was stopped
    rows = [list(row) for row in TWO_ROW_HEADING]
    rows[2][4] = band
    code, text = run_import(capsys, _book(tmp_path / "mio.xlsx", rows), out=tmp_path / "d1")
    assert code == 2 and f"'{band}' siger, at beløbene er i t. kr." in text, text
    rows = [list(row) for row in _in_thousands(band)]
    path = _book(tmp_path / "tkr.xlsx", rows, unit="t. kr.")
    code, text = run_import(capsys, path, out=tmp_path / "d2")
    assert code == 0, text
    assert load_deck(tmp_path / "d2").proposal("spar").effect[0] == rows[4][4]


def test_whole_kroner_written_before_the_number_are_read_as_after_it(capsys, tmp_path):
    # "400.000 kr." was converted, "kr. 400.000" refused as "er ikke et tal"
    rows = [
        ["id", "slags", "titel", "område", "år 1", "år 2"],
        ["spar", "besparelse", "Spar på kontoret", "Administration", "kr. 400.000", None],
        ["eff", "effektivisering", "Ny vagtplan", "Ældre", "DKK -100.000", "400.000 kroner"],
        ["inv", "investering", "Forebyggelse", "Sundhed", -3, 6],
    ]
    code, text = run_import(
        capsys, write_book(tmp_path / "k.xlsx", sheets(proposals=rows)), out=tmp_path / "dæk"
    )
    assert code == 0, text
    deck = load_deck(tmp_path / "dæk")
    assert deck.proposal("spar").effect == (0.4,)
    assert deck.proposal("eff").effect == (-0.1, 0.4)


def test_a_band_that_agrees_with_the_deck_unit_imports(capsys, tmp_path):
    path = _book(tmp_path / "katalog.xlsx", _in_thousands("Beløb i 1.000 kr."), unit="t. kr.")
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    deck = load_deck(tmp_path / "dæk")
    assert deck.unit == "t. kr." and deck.proposal("inv").effect == (-3000.0, 1000.0, 6000.0)


def test_a_title_naming_another_unit_stops_the_import(capsys, tmp_path):
    rows = [list(row) for row in TWO_ROW_HEADING]
    rows[0][0] = "Budgetforslag 2027–2029 (t. kr.)"
    path = _book(tmp_path / "katalog.xlsx", rows)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2 and f"{path}:Forslag!A1: 'Budgetforslag 2027–2029 (t. kr.)' siger" in text


def test_two_full_rows_of_headings_are_not_joined(capsys, tmp_path):
    # a row under the headings that repeats them is a mistake to name, not a heading's part
    rows = [list(row) for row in TWO_ROW_HEADING]
    rows[2][4:7] = ["år 1", "år 2", "år 3"]
    rows[3] = ["id", "slags", "titel", "område", "år 1", "år 2", "år 3", "tekst"]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2 and f"{path}:Forslag!" in text, text


def _years_table(headings: list[object]) -> list[list[object]]:
    """A one-row heading with these four year headings, and three proposals over four years."""
    return [
        ["id", "slags", "titel", "område", *headings, "tekst"],
        ["spar", "besparelse", "Spar på kontoret", "Administration", 3, 3, 3, 3, "Tekst"],
        ["eff", "effektivisering", "Ny vagtplan", "Ældre", -1, 2, 4, 4, None],
        ["inv", "investering", "Forebyggelse", "Sundhed", -3, -1, 2, 6, None],
    ]


def _four_years(tmp_path: Path) -> list[list[object]]:
    scenario = [
        ["id", "titel", "år", "mål"],
        ["fire", "Fire år", "2027; 2028; 2029; 2030", "1; 2; 3; 4"],
    ]
    return scenario


def _imported(capsys, tmp_path, rows, name: str = "katalog.xlsx"):  # type: ignore[no-untyped-def]
    """Import the proposal ``rows`` with the four-year scenario: the exit code, what the
    import said and the workbook's path (the deck goes to a folder named after it)."""
    content = sheets(proposals=rows, scenarios=_four_years(tmp_path))
    path = write_book(tmp_path / name, content)
    code, text = run_import(capsys, path, out=tmp_path / f"dæk-{path.stem}")
    return code, text, path


def test_the_ways_budget_tables_head_their_years_are_all_read(capsys, tmp_path):
    # Before: "BO1 2028", "BF 2027", "2030 ff." and "Budgetår 2027" were skipped with a warning
    # and the import said OK: the investment kept its first-year cost every year.
    cases = {
        "bo-numbered": ["Budget 2027", "BO1 2028", "BO2 2029", "BO3 2030"],
        "bo-alone": [2027, "BO1", "BO2", "BO3"],
        "bf": ["BF 2027", "BO 2028", "BO 2029", "BO 2030"],
        "ff": [2027, 2028, 2029, "2030 ff."],
        "budgetaar": ["Budgetår 2027", "Budgetår 2028", "Budgetår 2029", "Budgetår 2030"],
        "suffix": ["2027 B", "2028 BO", "2029 BO", "2030-"],
    }
    for name, headings in cases.items():
        path = write_book(
            tmp_path / f"{name}.xlsx",
            sheets(proposals=_years_table(headings), scenarios=_four_years(tmp_path)),
        )
        code, text = run_import(capsys, path, out=tmp_path / name)
        assert code == 0, (name, text)
        deck = load_deck(tmp_path / name)
        assert deck.proposal("inv").effect == (-3.0, -1.0, 2.0, 6.0), name
        assert deck.proposal("inv").calendar_year is None, name  # the phasing, not fixed years


def test_an_investment_under_budget_years_has_its_costs_first_whenever_it_is_adopted(
    capsys, tmp_path
):
    # Before, amounts under 2027 … 2030 were tied to those years: adopted in 2029, the
    # investment skipped its start-up costs and gave 2 and 6 at once (a budget office found
    # its planner winning 82,5 % of the games, and 5 % with the same amounts under 'år 1' …).
    from game.engine import Adopt, EndYear, apply, new_game
    from game.engine.rules import raaderum

    path = write_book(
        tmp_path / "katalog.xlsx",
        sheets(proposals=_years_table([2027, 2028, 2029, 2030]), scenarios=_four_years(tmp_path)),
    )
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        "fra det år, det vedtages: 2027 er vedtagelsesåret, 2028 året efter osv., så en "
        "investering altid har sine udgifter først" in text
    )
    state = new_game(load_deck(tmp_path / "dæk"), "fire", seed=1)
    state = apply(apply(state, EndYear()), EndYear())  # 2027 and 2028 pass without it
    before = raaderum(state, visible=True)
    after = raaderum(apply(state, Adopt("inv")), visible=True)
    assert [round(a - b, 6) for a, b in zip(after, before, strict=True)] == [0, 0, -3, -1]


def test_a_year_heading_that_cannot_be_placed_stops_the_import(capsys, tmp_path):
    # a column of amounts that is skipped would make the year before carry on, unsaid
    headings = [2027, 2028, 2029, "2030 i alt"]
    path = write_book(
        tmp_path / "katalog.xlsx",
        sheets(proposals=_years_table(headings), scenarios=_four_years(tmp_path)),
    )
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert f"{path}:Forslag!H1: '2030 i alt' ligner et budgetår, men kan ikke læses" in text
    assert "'år 1' mangler" not in text


def test_a_wrong_unit_is_said_once_not_at_every_amount(capsys, tmp_path):
    # amounts in t. kr. under a band that says mio. kr., and a unit the game does not know
    path = _book(tmp_path / "katalog.xlsx", _in_thousands("Mio. kr."), unit="euro")
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    # (the warnings found before the stop follow the problems: here the title row)
    lines = [
        line for line in text.splitlines() if "katalog.xlsx" in line and "advarsel" not in line
    ]
    assert lines == [
        f"{path}:Forslag!E3: 'Mio. kr.' siger, at beløbene er i mio. kr., men spillet kender "
        "ikke enheden 'euro' på arket 'Om kataloget' (den læses som mio. kr.); skriv "
        "'mio. kr.' ud for 'enhed'"
    ], text


def test_a_subtotal_with_a_comma_and_a_net_total_are_passed_over(capsys, tmp_path):
    rows = _years_table([2027, 2028, 2029, 2030])
    rows.append(["Sum, Social- og Sundhedsudvalget", None, None, None, 2, 5, 9, 13, None])
    rows.append(["Nettoeffekt", None, None, None, 2, 5, 9, 13, None])
    path = write_book(
        tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=_four_years(tmp_path))
    )
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "række 5 ('Sum, Social- og Sundhedsudvalget') ligner en sumrække" in text
    assert "række 6 ('Nettoeffekt') ligner en sumrække" in text


def test_a_proposal_whose_title_begins_like_a_total_is_not_dropped(capsys, tmp_path):
    # "Samlet vagtplanlægning" with its kind, amounts and text but no id was taken for a
    # totals row: a warning, the proposal gone, and the import said OK
    rows = _years_table([2027, 2028, 2029, 2030])
    rows.append([None, "effektivisering", "Samlet vagtplanlægning", "Ældre", 0, 1, 2, 2, "Én plan"])
    rows.append(["Samlet", None, None, None, 2, 5, 9, 13, None])
    path = write_book(
        tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=_four_years(tmp_path))
    )
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert f"{path}:Forslag!A5: 'id' er tom" in text, text
    assert "'Samlet vagtplanlægning') ligner en sumrække" not in text
    assert "række 6 ('Samlet') ligner en sumrække" in text  # the real total still is one


def test_a_row_with_a_kind_and_an_area_is_a_proposal_whatever_its_title_begins_with(
    capsys, tmp_path
):
    # "| besparelse | Samlet ledelse på skoleområdet | Skole | 2 …" without an id was dropped as
    # a totals row with only a warning, and the import said OK
    rows = _years_table([2027, 2028, 2029, 2030])
    rows.append([None, "besparelse", "Samlet ledelse på skoleområdet", "Skole", 2, 2, 2, 2, None])
    rows.append(["I alt", None, None, None, 2, 5, 9, 13, None])
    rows.append(["Samlet", None, None, "Skole", 2, 5, 9, 13, None])
    path = write_book(
        tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=_four_years(tmp_path))
    )
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert f"{path}:Forslag!A5: 'id' er tom" in text, text
    assert "'Samlet ledelse på skoleområdet') ligner en sumrække" not in text
    # the real totals still are ones
    assert "række 6 ('I alt') ligner en sumrække" in text
    assert "række 7 ('Samlet') ligner en sumrække" in text


def test_an_area_merged_down_over_its_proposals_is_read_in_each_row(capsys, tmp_path):
    # Before: refused ("ophæv fletningen"), with an "'område' er tom" line for each row under
    # it; a committee's name merged down over its proposals is a common habit.
    rows = [list(row) for row in TWO_ROW_HEADING]
    rows[5][3] = rows[6][3] = None
    rows[4][3] = "Ældre"
    path = _merge(_book(tmp_path / "katalog.xlsx", rows), "D5:D7")
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert f"{path}:Forslag!D5:D7: advarsel: cellerne er flettet; 'Ældre' er læst i hver" in text
    deck = load_deck(tmp_path / "dæk")
    assert {p.area for p in deck.proposals} == {"Ældre"}


@pytest.mark.parametrize("hidden_first", [False, True])
def test_a_row_a_filter_hid_under_a_merged_area_is_not_taken_for_a_heading(
    capsys, tmp_path, hidden_first
):
    # "Ældreudvalget" merged over C2:C5 with row 5 filtered out: besides the hidden row's own
    # line, the import warned that row 5 "ligner en mellemoverskrift" – it held only the
    # merged name, filled into it
    rows = [list(row) for row in TWO_ROW_HEADING]
    dropped = ["gammel", "besparelse", "Forkastet forslag", None, 1, 1, 1, None]
    at = 5 if hidden_first else 8  # the hidden row: the merge's first row, or its last
    rows.insert(at - 1, dropped)
    for row in rows[4:8]:
        row[3] = None
    rows[4][3] = "Ældre"
    path = _merge(_book(tmp_path / "katalog.xlsx", rows), "D5:D8")
    book = openpyxl.load_workbook(path)
    book["Forslag"].row_dimensions[at].hidden = True
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert f"{path}:Forslag!A{at}: advarsel: række {at} (gammel) er skjult" in text
    assert "mellemoverskrift" not in text
    deck = load_deck(tmp_path / "dæk")
    assert [p.id for p in deck.proposals] == ["spar", "eff", "inv"]
    assert {p.area for p in deck.proposals} == {"Ældre"}


@pytest.mark.parametrize(
    ("extra", "counted"),
    [
        # before: not mentioned; then counted, not named ("… og 2 besparelser mere")
        (5, "… og 2 besparelser mere ('s3', 's4') ville koste penge af samme grund"),
        (4, "… og 1 besparelse mere ('s3') ville koste penge af samme grund"),  # "1 besparelse"
    ],
)
def test_a_sign_refusal_counts_the_savings_it_did_not_name(capsys, tmp_path, extra, counted):
    rows = _years_table([2027, 2028, 2029, 2030])
    for n in range(extra):
        rows.append([f"s{n}", "besparelse", f"Spar {n}", "Administration", -1, -1, -1, -1, None])
    path = write_book(
        tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=_four_years(tmp_path))
    )
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert text.count("ville koste penge, ligesom de fleste") == 3, text
    assert counted in text
    # the count comes after the savings it adds to (before, it was the first line)
    lines = text.splitlines()
    named = [i for i, line in enumerate(lines) if "ville koste penge, ligesom de fleste" in line]
    assert max(named) < next(i for i, line in enumerate(lines) if counted in line)


def test_the_import_and_validate_share_the_checks_of_what_a_deck_means(capsys, tmp_path):
    # an amount in t. kr. among amounts in mio. kr., a year no scenario plays and a table its
    # pile cannot fill: said by the loader's checks, in the workbook's words, at the cell
    rows = _years_table([2027, 2028, 2029, 2030])
    rows[1][4:8] = [800, 800, 800, 800]
    scenarios = [
        ["id", "titel", "år", "mål", "forslag på bordet"],
        ["tre", "Tre år", "2027; 2028; 2029", "1; 2; 3", 5],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=scenarios))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        f"{path}:Forslag!E2: advarsel: 'spar' har et beløb på 800 mio. kr. om året, mens det "
        "typiske forslag har 6 mio. kr.: er beløbet skrevet i t. kr.? 800 t. kr. er 0,8 mio. kr."
    ) in text
    assert (
        f"{path}:Forslag!H4: advarsel: forslaget 'inv' har 4 beløb, men det længste scenarie med "
        "det ('tre') har 3 år, så beløb nr. 4 bruges aldrig"
    ) in text
    # a saving of 3 under every year, or an efficiency whose 4 carries on, loses nothing
    assert "Forslag!H2" not in text and "Forslag!H3" not in text
    assert (
        f"{path}:Scenarier!E2: advarsel: scenariet 'tre' lægger 5 forslag på bordet ('forslag "
        "på bordet'), men har kun 3 forslag i bunken"
    ) in text
    assert "market" not in text


def test_messages_name_an_amount_column_by_its_own_year_heading(capsys, tmp_path):
    # Before: "'år 2' skal være et tal" under a column the sheet heads "BO1 2028".
    rows = _years_table(["Budget 2027", "BO1 2028", "BO2 2029", "BO3 2030"])
    rows[2][5] = "to"
    rows[3][4] = -5000  # far beyond any amount in mio. kr.
    path = write_book(
        tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=_four_years(tmp_path))
    )
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert f"{path}:Forslag!F3: 'BO1 2028' skal være et tal: 'to' er ikke et tal" in text, text
    assert f"{path}:Forslag!E4: 'Budget 2027' skal være mindst" in text, text
    assert "'år 1'" not in text and "'år 2'" not in text


def test_ids_with_danish_letters_are_respelled_everywhere_they_are_named(capsys, tmp_path):
    # Before: every "Æ-1" of a real catalogue was refused ("skriv fx 'Ae-1'"), one line each.
    rows = [
        ["id", "slags", "titel", "område", "år 1", "år 2", "år 3", "kræver"],
        ["Æ-1", "besparelse", "Spar på kontoret", "Administration", 3, None, None, None],
        ["ØK 2", "effektivisering", "Ny vagtplan", "Ældre", -1, 2, 4, "Æ-1"],
        ["inv", "investering", "Forebyggelse", "Sundhed", -3, 1, 6, None],
    ]
    scenarios = [
        ["id", "titel", "år", "mål", "forslag"],
        ["tre-aar", "Tre år", "2027; 2028; 2029", "1; 2; 3", "Æ-1; OeK-2; inv"],
    ]
    about = [list(row) for row in ABOUT]
    about[4] = ["formatversion", 2]
    path = write_book(
        tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=scenarios, about=about)
    )
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "2 id'er er skrevet om" in text and "'Æ-1' → 'Ae-1', 'ØK 2' → 'OeK-2'" in text
    deck = load_deck(tmp_path / "dæk")
    assert [p.id for p in deck.proposals] == ["Ae-1", "OeK-2", "inv"]
    assert deck.proposal("OeK-2").requires == ("Ae-1",)
    assert deck.scenario("tre-aar").proposals == ("Ae-1", "OeK-2", "inv")


def test_an_id_with_a_space_is_one_id_in_a_list_and_ids_with_spaces_only_are_many(capsys, tmp_path):
    # Before: "BU-02; BU 03" under 'udelukker' was "ukendt forslag 'BU'" and "ukendt forslag
    # '03'", though the id column's "BU 03" is the id BU-03.
    rows = [
        ["id", "slags", "titel", "område", "år 1", "år 2", "år 3", "udelukker", "kræver"],
        ["BU-01", "besparelse", "Luk børnehuset", "Dagtilbud", 3, None, None, "BU-02; BU 03", None],
        ["BU-02", "besparelse", "Kortere åbningstid", "Dagtilbud", 1, None, None, None, None],
        ["BU 03", "effektivisering", "Fælles indkøb", "Skole", -1, 2, 4, None, None],
        ["E1", "effektivisering", "Ny vagtplan", "Ældre", -1, 2, 4, None, None],
        ["E2", "effektivisering", "Ny rute", "Ældre", -1, 2, 4, None, None],
        ["inv", "investering", "Forebyggelse", "Sundhed", -3, 1, 6, None, "E1 E2 og BU 03"],
    ]
    about = [list(row) for row in ABOUT]
    about[4] = ["formatversion", 2]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, about=about))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    deck = load_deck(tmp_path / "dæk")
    assert deck.proposal("BU-01").excludes == ("BU-02", "BU-03")
    assert deck.proposal("inv").requires == ("E1", "E2", "BU-03")


def test_an_unknown_id_with_a_space_is_named_whole_not_in_pieces(capsys, tmp_path):
    # Before: "IN 1" under 'kræver' (the id is IN1) was "ukendt forslag 'IN' (mente du
    # 'IN2'?)" – the row's own id – and "ukendt forslag '1'".
    rows = [
        ["id", "slags", "titel", "område", "år 1", "år 2", "år 3", "kræver"],
        ["IN1", "investering", "Forebyggelse", "Sundhed", -3, 1, 6, None],
        ["IN2", "investering", "Opfølgning", "Sundhed", -1, 1, 3, "IN 1"],
        ["spar", "besparelse", "Spar på kontoret", "Administration", 3, None, None, None],
        ["eff", "effektivisering", "Ny vagtplan", "Ældre", -1, 2, 4, None],
    ]
    about = [list(row) for row in ABOUT]
    about[4] = ["formatversion", 2]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, about=about))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert f"{path}:Forslag!H3: ukendt forslag 'IN-1' (mente du 'IN1'?)" in text
    assert "'IN'" not in text and "ukendt forslag '1'" not in text


def test_a_fra_budgetaar_under_budget_years_takes_its_amounts_from_its_own_year(capsys, tmp_path):
    # before: under "2027 … 2030" a saving 'fra budgetår' 2028 with [tom, 1, 2, 2] got the
    # effect [0, 1, 2, 2] from 2028, so each amount came a year late, and the import said OK
    rows = _years_table([2027, 2028, 2029, 2030])
    rows[0].append("fra budgetår")
    for row in rows[1:]:
        row.append(None)
    rows.append(["sen", "besparelse", "Fra 2028", "Skole", None, 1, 2, 2, None, 2028])
    rows.append(["nul", "besparelse", "Fra 2029", "Skole", 0, 0, 2, 2, None, 2029])
    content = sheets(proposals=rows, scenarios=_four_years(tmp_path))
    path = write_book(tmp_path / "katalog.xlsx", content)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    deck = load_deck(tmp_path / "dæk")
    assert deck.proposal("sen").effect == (1, 2, 2)
    assert deck.proposal("nul").effect == (2, 2)
    assert "er tom, men" not in text, text
    # an amount in a year before it is no amount of the card's: said at its cell
    rows[-2][4] = 5
    code, text, path = _imported(capsys, tmp_path, rows, "katalog2.xlsx")
    assert code == 2
    assert (
        f"{path}:Forslag!E5: forslaget har et beløb i 2027, men gælder 'fra budgetår' 2028"
    ) in text, text


def test_a_proposal_with_its_own_id_and_a_title_like_a_subtotal_is_not_dropped(capsys, tmp_path):
    # before: "B7 | | Samlet ledelse på skoleområdet | Skole | 2 | 2" (its kind left empty)
    # was skipped as a subtotal row with a warning, and the import said OK without it
    rows = _years_table([2027, 2028, 2029, 2030])
    rows.append(["B7", None, "Samlet ledelse på skoleområdet", "Skole", 2, 2, 2, 2, None])
    rows.append(["B8", None, "Ledelse og administration samlet", "Kultur", 1, 1, 1, 1, None])
    rows.append(["I alt", None, None, None, 6, 8, 12, 16, None])  # a totals row all the same
    path = write_book(
        tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=_four_years(tmp_path))
    )
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert f"{path}:Forslag!B5: 'slags' er tom" in text
    assert f"{path}:Forslag!B6: 'slags' er tom" in text
    assert "Forslag!B7" not in text and "sumrække" in text  # "I alt" is passed over, as before


@pytest.mark.parametrize("context", ["Regnskab 2025", "R2025", "Forbrug 2026", "Grundbudget 2027"])
def test_a_column_of_a_years_accounts_beside_the_proposals_is_skipped_not_read(
    capsys, tmp_path, context
):
    # "Regnskab 2025" before the budget years was read as each proposal's first year: last
    # year's spending of 3.000 t. kr. became a first-year saving, with the import saying OK
    rows = _years_table([2027, 2028, 2029, 2030])
    rows[0].insert(4, context)
    for row in rows[1:]:
        row.insert(4, 1000)
    content = sheets(proposals=rows, scenarios=_four_years(tmp_path))
    path = write_book(tmp_path / "katalog.xlsx", content)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert f"{path}:Forslag!E1: advarsel: kolonnen '{context}' er et regnskab" in text, text
    deck = load_deck(tmp_path / "dæk")
    assert set(deck.proposal("spar").effect) == {3}  # 3 every year, not 1.000 first
    assert deck.proposal("inv").effect == (-3, -1, 2, 6)


def test_two_bands_of_the_same_years_are_said_to_be_drift_and_anlaeg(capsys, tmp_path):
    # a catalogue with "2027 … 2030" for drift and again for anlæg was told only "kolonnen
    # '2027' står to gange", with no word of where anlæg goes
    rows = _years_table([2027, 2028, 2029, 2030])
    rows[0][8:8] = [2027, 2028, 2029, 2030]
    for row in rows[1:]:
        row[8:8] = [0, 0, 0, 0]
    code, text, path = _imported(capsys, tmp_path, rows)
    assert code == 2
    assert (
        f"{path}:Forslag!I1: kolonnen '2027' står to gange (også i E1): står der to rækker af "
        "år, fx drift og anlæg?"
    ) in text, text
    assert "samlet i kolonnen 'anlæg'" in text


def test_a_full_year_column_beside_a_lone_first_year_amount_stops_the_import(capsys, tmp_path):
    # "Budget 2027 | Helårsvirkning": the full-year column was skipped with a generic warning,
    # and the part-year first amount went on every year (−1.250,5 never reached −2.500)
    rows = [
        ["id", "slags", "titel", "område", "Budget 2027", "Helårsvirkning"],
        ["spar", "besparelse", "Spar på kontoret", "Administration", 1.5, 3],
        ["eff", "effektivisering", "Ny vagtplan", "Ældre", 1, 2],
        ["inv", "investering", "Forebyggelse", "Sundhed", -3, 4],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{path}:Forslag!F1: kolonnen 'Helårsvirkning' læses ikke, og uden den gælder det "
        "første års beløb alle år"
    ) in text, text
    # beside amounts for every year it only repeats them: skipped, as before
    rows = [[*row[:5], row[4], row[5]] for row in rows]
    rows[0][5] = "BO1"
    path = write_book(tmp_path / "k2.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "d2")
    assert code == 0, text
