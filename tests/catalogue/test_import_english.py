"""``raaderum --lang en import``: every problem names its cell as in Danish and explains it in
English; the workbook's own words (sheet names, headers, kinds) are quoted as the sheet has
them. Without ``--lang`` the Danish is unchanged (the other catalogue tests)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.cli import main
from tests.catalogue.conftest import PROPOSALS, sheets, write_book

DANISH_LETTERS = re.compile("[æøåÆØÅ]")
QUOTED = re.compile(r"'[^']*'")


def _import(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.err + captured.out


def _english(text: str, *workbook_words: str) -> bool:
    """No Danish letters outside the workbook's own words (quoted, or named)."""
    for word in workbook_words:
        text = text.replace(word, "")
    return not DANISH_LETTERS.search(QUOTED.sub("", text))


def test_cell_problems_are_named_by_cell_and_explained_in_english(capsys, tmp_path):
    rows = [list(row) for row in PROPOSALS]
    rows[1][1] = "besparrelse"  # a kind with a typo
    rows[2][5] = "to"  # 'år 2' that is not a number
    rows[3][4] = "1,2,3"  # 'år 1' with commas between numbers
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, out = _import(capsys, "--lang", "en", "import", str(path), "--out", str(tmp_path / "d"))
    assert code == 2
    lines = out.splitlines()
    assert (
        f"{path}:Forslag!B2: 'slags' must be besparelse, effektivisering or investering (in "
        "English saving, efficiency or investment), not 'besparrelse' (did you mean 'besparelse'?)"
    ) in lines
    assert f"{path}:Forslag!F3: 'år 2' must be a number: 'to' is not a number" in lines
    assert (
        f"{path}:Forslag!E4: 'år 1' must be a number: '1,2,3' cannot be read as one number: "
        "a catalogue is read the Danish way, with a comma for decimals"
    ) in out
    assert all(_english(line) for line in lines), out
    assert not (tmp_path / "d").exists()


def test_a_misspelt_header_is_named_in_english(capsys, tmp_path):
    rows = [list(row) for row in PROPOSALS]
    rows[0][2] = "titl"
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, out = _import(capsys, "--lang", "en", "import", str(path), "--out", str(tmp_path / "d"))
    assert code == 2
    assert f"{path}:Forslag!C1: unknown column 'titl' (did you mean 'titel'?)" in out.splitlines()


def test_the_same_workbook_is_refused_in_danish_without_lang(capsys, tmp_path):
    rows = [list(row) for row in PROPOSALS]
    rows[2][5] = "to"
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, out = _import(capsys, "import", str(path), "--out", str(tmp_path / "d"))
    assert code == 2
    assert f"{path}:Forslag!F3: 'år 2' skal være et tal: 'to' er ikke et tal" in out.splitlines()


def test_a_missing_sheet_and_a_missing_column_in_english(capsys, tmp_path):
    rows = [[v for i, v in enumerate(row) if i != 3] for row in PROPOSALS]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=None))
    code, out = _import(capsys, "--lang", "en", "import", str(path), "--out", str(tmp_path / "d"))
    assert code == 2
    assert (
        f"{path}:Forslag: the column 'område' is missing from the headers (row 1; "
        "see the sheet Vejledning in the template that raaderum template writes)"
    ) in out
    assert "the catalogue has no sheet 'Scenarier' (at least one scenario)" in out
    assert all(_english(line) for line in out.splitlines()), out


def test_a_loader_problem_names_the_header_and_the_cell_in_english(capsys, tmp_path):
    scenarios = [["id", "titel", "år", "mål"], ["tre-aar", "Tre år", "2027; 2028", "1; 2; 3"]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(scenarios=scenarios))
    code, out = _import(capsys, "--lang", "en", "import", str(path), "--out", str(tmp_path / "d"))
    assert code == 2
    assert f"{path}:Scenarier!D2: 'mål' has 3 numbers, but the scenario has 2 years" in out
    assert all(_english(line, "Tre år") for line in out.splitlines()), out


def test_a_file_that_is_not_a_catalogue_is_refused_in_english(capsys, tmp_path):
    bad = tmp_path / "forslag.csv"
    bad.write_bytes(b"PK\x03\x04 not a csv")
    code, out = _import(capsys, "--lang", "en", "import", str(bad), "--out", str(tmp_path / "d"))
    assert code == 2
    assert out.strip() == (
        f"raaderum import: {bad}: the file is an Excel workbook, not a CSV file; give it the "
        "extension .xlsx"
    )
    assert _english(out)


def test_a_skipped_column_is_warned_about_in_english(capsys, tmp_path: Path):
    rows = [[*row, None] for row in PROPOSALS]
    rows[0][-1] = "Bemærkning"
    rows[1][-1] = "intern note"
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    out_dir = tmp_path / "d"
    code, out = _import(capsys, "--lang", "en", "import", str(path), "--out", str(out_dir))
    assert code == 0, out
    assert (
        f"{path}:Forslag!I1: warning: 'Bemærkning' is the sheet's word for 'tekst', but the "
        "sheet also has the column 'tekst' (H1), and only that one is read; 'Bemærkning' is "
        "skipped. If the cards should have the text from 'Bemærkning', delete the column "
        "'tekst' (or rename it)"
    ) in out.splitlines()
    assert f"{out_dir}: OK – 'Lille katalog': 3 proposals" in out


def test_an_english_offices_workbook_is_read_by_its_own_sheet_names_and_headings(capsys, tmp_path):
    # a trial: sheets "Proposals/Events/Scenarios/About" were refused ("Rename the sheet to
    # 'Forslag'"), and "Ref, Title, Service area, Type, Year 1 … Description" lacked 'id',
    # 'område', 'år 1'
    from tests.catalogue.conftest import write_book

    book = {
        "About the catalogue": [
            ["field", "value"],
            ["id", "riverton"],
            ["title", "Riverton budget 2027"],
            ["unit", "mio. kr."],
            ["language", "en"],
            ["schema_version", 2],
        ],
        "Proposals": [
            [
                *("Ref", "Title", "Service area", "Type", "Year 1", "Year 2", "Year 3"),
                *("Description", "Owner"),
            ],
            ["S-1", "Close the museum on Mondays", "Culture", "saving", 1, None, None, "Closed"],
            ["E-1", "New rota", "Care", "efficiency", -0.5, 1, "two", None],
            ["I-1", "Prevention", "Health", "investment", -2, 1, 4, None],
        ],
        "Events": [["Ref", "Name", "Year 1"], ["grant", "Grant cut", -1]],
        "Scenarios": [
            ["id", "title", "years", "target"],
            ["three", "Three", "2027; 2028; 2029", "1; 2; 3"],
        ],
    }
    path = write_book(tmp_path / "riverton.xlsx", book)
    code, out = _import(capsys, "--lang", "en", "import", str(path), "--out", str(tmp_path / "d"))
    assert code == 2, out
    # the one mistake, named at the cell as the office's sheet is called
    assert f"{path}:Proposals!G3: " in out, out
    assert "sheet Forslag" not in out and "sheet Proposals" in out, out  # as the office calls it
    assert "Rename the sheet" not in out and "are missing" not in out, out
    book["Proposals"][2][6] = 2
    write_book(path, book)
    code, out = _import(capsys, "--lang", "en", "import", str(path), "--out", str(tmp_path / "d"))
    assert code == 0, out
    from game.content import load_deck

    deck = load_deck(tmp_path / "d")
    assert [p.id for p in deck.proposals] == ["S-1", "E-1", "I-1"]
    assert deck.proposal("E-1").effect[:3] == (-0.5, 1.0, 2.0)
    assert deck.proposal("S-1").area == "Culture" and deck.proposal("S-1").text == "Closed"
    assert [e.title for e in deck.events] == ["Grant cut"]
    # the editor's explanations of the deck's fields in the deck's language, English
    import json

    schema = json.loads((tmp_path / "d" / "schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["ProposalSpec"]["description"].startswith("A proposal"), schema


def test_singular_and_us_sheet_names_and_schema_version_are_read(capsys, tmp_path):
    # a re-test: "Proposal", "Event", "Scenario" and "About the catalog" were refused or left
    # out (the events lost), and "Schema version" on the About sheet was not a field
    from tests.catalogue.conftest import ABOUT, EVENTS, PROPOSALS, SCENARIOS, write_book

    about = [row if row[0] != "formatversion" else ["Schema version", 2] for row in ABOUT]
    book = {"About the catalog": about, "Proposal": PROPOSALS, "Event": EVENTS}
    book["Scenario"] = SCENARIOS
    path = write_book(tmp_path / "k.xlsx", book)
    code, out = _import(capsys, "--lang", "en", "import", str(path), "--out", str(tmp_path / "d"))
    assert code == 0, out
    from game.content import load_deck

    deck = load_deck(tmp_path / "d")
    assert deck.events and len(deck.proposals) == 3


def test_the_template_asked_for_in_english_says_that_it_is_danish(capsys, tmp_path):
    # a trial: `template --lang en` wrote the Danish workbook without a word
    code, out = _import(capsys, "--lang", "en", "template", str(tmp_path / "t.xlsx"))
    assert code == 0
    assert "The template is in Danish. An office that works in English may name the sheets" in out
    code, out = _import(capsys, "template", str(tmp_path / "t2.xlsx"))
    assert "engelsk" not in out


def test_a_danish_workbooks_own_about_or_scenario_sheet_is_no_second_copy(capsys, tmp_path):
    # the English names stand for a part only where the Danish sheet is missing: an office's
    # "About" notes or "Scenario" calculation beside "Om kataloget" and "Scenarier" was read
    # as a second copy of the part
    from tests.catalogue.conftest import run_import, sheets, write_book

    book = sheets()
    book["About"] = [["Lavet af økonomiafdelingen"]]
    book["Scenario"] = [["Beregning", 1]]
    path = write_book(tmp_path / "k.xlsx", book)
    code, text = run_import(capsys, path, out=tmp_path / "d")
    assert code == 0, text
    assert "'About', 'Scenario' læses ikke" in text, text


def test_a_catalogue_in_m_dkk_is_imported_in_mio_kr(capsys, tmp_path):
    # a trial: 'enhed' "m DKK" – the English game's own word – stopped the import ("the amounts
    # must be in a unit of kroner the game knows")
    from tests.catalogue.conftest import ABOUT

    about = [row if row[0] != "enhed" else ["unit", "m DKK"] for row in ABOUT]
    path = write_book(tmp_path / "k.xlsx", sheets(about=about))
    out_dir = tmp_path / "d"
    code, out = _import(capsys, "--lang", "en", "import", str(path), "--out", str(out_dir))
    assert code == 0, out
    assert "unit of kroner the game knows" not in out
    from game.content import load_deck

    assert load_deck(out_dir).unit == "mio. kr."


def _riverton() -> dict[str, list[list[object]]]:
    """An English-speaking office's workbook: English sheet names and headings."""
    return {
        "About the catalogue": [
            ["field", "value"],
            ["id", "riverton"],
            ["title", "Riverton budget 2027"],
            ["unit", "m DKK"],
            ["language", "en"],
            ["schema_version", 2],
        ],
        "Proposals": [
            ["Ref", "Title", "Service area", "Type", "Year 1", "Year 2", "Year 3", "Description"],
            ["S-1", "Close the museum on Mondays", "Culture", "saving", 1, None, None, "Closed"],
            ["E-1", "New rota", "Care", "efficiency", -0.5, 1, 2, None],
            ["I-1", "Prevention", "Health", "investment", -2, 1, 4, None],
        ],
        "Events": [["Ref", "Name", "Year 1"], ["grant", "Grant cut", -1]],
        "Scenarios": [
            ["id", "title", "years", "target"],
            ["three", "Three", "2027; 2028; 2029", "1; 2; 3"],
        ],
    }


def _riverton_import(capsys, tmp_path, book, *lang: str) -> tuple[int, str, Path]:
    path = write_book(tmp_path / "riverton.xlsx", book)
    out_dir = tmp_path / f"d{len(list(tmp_path.iterdir()))}"  # a new folder for each import
    code, out = _import(capsys, *lang, "import", str(path), "--out", str(out_dir))
    return code, out, path


def test_an_english_workbooks_cells_are_named_by_its_own_headings(capsys, tmp_path):
    # a trial: under 'Type' and 'Year 2' the messages named 'slags' and 'år 2', and the kind
    # was told in Danish words only
    book = _riverton()
    book["Proposals"][1][3] = "savng"
    book["Proposals"][2][5] = "two"
    code, out, path = _riverton_import(capsys, tmp_path, book, "--lang", "en")
    assert code == 2
    lines = out.splitlines()
    assert (
        f"{path}:Proposals!D2: 'Type' must be besparelse, effektivisering or investering (in "
        "English saving, efficiency or investment), not 'savng' (did you mean 'saving'?)"
    ) in lines, out
    assert f"{path}:Proposals!F3: 'Year 2' must be a number: 'two' is not a number" in lines


def test_an_english_workbook_is_told_its_missing_row_and_sheet_in_english(capsys, tmp_path):
    # a trial: "'formatversion' is missing" on 'About the catalogue', and "Rename the sheet to
    # 'Scenarier'" for a sheet 'Scenarios 2027' beside 'Proposals' and 'Events'
    book = _riverton()
    book["About the catalogue"].pop()  # no schema_version
    book["Scenarios 2027"] = book.pop("Scenarios")
    code, out, path = _riverton_import(capsys, tmp_path, book, "--lang", "en")
    assert code == 2
    assert (
        f"{path}:About the catalogue: 'schema version' is missing: write 'schema version' in "
        "column A and the value in column B"
    ) in out, out
    assert (
        f"{path}: the catalogue has no sheet 'Scenarios' (at least one scenario) (did you mean "
        "'Scenarios 2027'? Rename the sheet to 'Scenarios')"
    ) in out, out


def test_a_danish_workbook_is_told_the_english_names_in_english(capsys, tmp_path):
    # the English reader of a Danish workbook learns that the English names work too
    from tests.catalogue.conftest import ABOUT

    book = sheets(about=[row for row in ABOUT if row[0] != "formatversion"])
    book["Noter"] = [["Lavet af økonomiafdelingen"]]
    path = write_book(tmp_path / "k.xlsx", book)
    code, out = _import(capsys, "--lang", "en", "import", str(path), "--out", str(tmp_path / "d"))
    assert code == 2
    assert (
        f"{path}:Om kataloget: 'formatversion' is missing: write 'formatversion' (or in English "
        "'schema version') in column A and the value in column B"
    ) in out, out
    assert (
        f"{path}: warning: the sheet 'Noter' is not read (only the sheets 'Om kataloget', "
        "'Forslag', 'Hændelser' and 'Scenarier' – in English 'About the catalogue', 'Proposals', "
        "'Events' and 'Scenarios' – make the deck)"
    ) in out, out
    code, out = _import(capsys, "import", str(path), "--out", str(tmp_path / "d2"))
    assert (
        f"{path}: advarsel: arket 'Noter' læses ikke (kun arkene 'Om kataloget', 'Forslag', "
        "'Hændelser' og 'Scenarier' bliver til dækket)"
    ) in out, out


def test_an_english_workbooks_unread_sheet_is_told_its_own_sheet_names(capsys, tmp_path):
    # a trial: a 'Notes' sheet was told "only the sheets 'Om kataloget', 'Forslag', 'Hændelser'
    # and 'Scenarier' make the deck", none of which the workbook has
    book = _riverton()
    book["Notes"] = [["Made by the finance office"]]
    code, out, path = _riverton_import(capsys, tmp_path, book, "--lang", "en")
    assert code == 0, out
    assert (
        f"{path}: warning: the sheet 'Notes' is not read (only the sheets 'About the catalogue', "
        "'Proposals', 'Events' and 'Scenarios' make the deck)"
    ) in out.splitlines(), out


def test_events_per_round_with_spaces_is_the_column_events_per_round(capsys, tmp_path):
    # a trial: 'events per round' was skipped ("is not a column of the sheet Scenarios") while
    # 'events_per_round' was read
    book = _riverton()
    book["Scenarios"][0].append("events per round")
    book["Scenarios"][1].append(0)
    code, out, path = _riverton_import(capsys, tmp_path, book, "--lang", "en")
    assert code == 0, out
    assert "is not a column" not in out, out
    from game.content import load_deck

    (deck_dir,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert load_deck(deck_dir).scenarios[0].events_per_round == 0
    book["Scenarios"][1][-1] = 5
    code, out, path = _riverton_import(capsys, tmp_path, book, "--lang", "en")
    assert f"{path}:Scenarios!E2: 'events per round' must be at most 3, not 5" in out.splitlines()


def test_an_english_workbooks_warnings_name_its_sheets_and_english_columns(capsys, tmp_path):
    # a trial: without events, an English workbook was told "write 0 under 'hændelser pr.
    # runde' on the sheet Scenarier"; in Danish too the workbook's own sheets are named
    book = _riverton()
    del book["Events"]
    code, out, path = _riverton_import(capsys, tmp_path, book, "--lang", "en")
    assert code == 0, out
    assert (
        f"{path}:Scenarios!A2: warning: the scenario 'three' is to draw events every round, but "
        "the catalogue has none to draw, so the game has no events; put the events on a sheet "
        "'Events' (see the template that 'raaderum template' writes), or write 0 under 'events "
        "per round' on the sheet Scenarios if that is what is meant"
    ) in out.splitlines(), out
    assert "'velfærdsområder'" not in out and "'welfare areas' on the sheet About the" in out, out
    code, out, path = _riverton_import(capsys, tmp_path, book)
    assert "skriv 0 under 'events per round' på arket Scenarios" in out, out
