"""Catalogues as a budget office's English-language software saves them: a CSV with decimal
points, numbers that read two ways a thousand apart, and the template's own help sheets
saved as files of their own. None of them may be read a thousand times wrong without a word."""

from __future__ import annotations

import csv
from pathlib import Path

from game.cli import main
from game.content import load_deck
from tests.catalogue.conftest import ABOUT, PROPOSALS, run_import, sheets, write_book


def _csv(tmp_path: Path, unit: str, *rows: str) -> list[Path]:
    """A CSV catalogue in ``unit``: forslag.csv with ``rows`` under budget years 2027–2030,
    scenarier.csv and om-kataloget.csv."""
    forslag = tmp_path / "forslag.csv"
    forslag.write_text(
        "Nr.;Forslag;Udvalg;Type;2027;2028;2029;2030\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    scenarier = tmp_path / "scenarier.csv"
    scenarier.write_text('id;titel;år;mål\nb;Budget;2027-2030;"1; 1; 1; 1"\n', encoding="utf-8")
    about = tmp_path / "om-kataloget.csv"
    about.write_text(
        f"felt;værdi\nid;solby\ntitel;Solby\nenhed;{unit}\nformatversion;2\n", encoding="utf-8"
    )
    return [forslag, scenarier, about]


def test_two_thousands_points_do_not_vouch_for_each_other_against_the_row(capsys, tmp_path):
    # Before: "-1.313" and "-1.575" beside 0,518 and -1,05 t. kr. were read as -1.313 and
    # -1.575 (each "in line" with the other) with an OK: a gain 1.000 times too large
    paths = _csv(
        tmp_path,
        "t. kr.",
        "R307;Fravær;Beskæftigelse;Investeringsforslag;0,518;-1,05;-1.313;-1.575",
        "R310;Vagtplan;Ældre;Effektiviseringsforslag;-300;-1200;-2500;-2500",
        "R311;Dagcenter;Ældre;Spareforslag;-2125;-3000;-3000;-3000",
    )
    code, text = run_import(capsys, *paths, out=tmp_path / "dæk")
    assert code == 2, text
    # a CSV's cells are all text: it is not told to write them "som et tal"
    assert (
        f"{paths[0]}:G2: '-1.313' kan læses på to måder: med dansk tusindtalspunktum er det "
        "−1.313 t. kr., med engelsk decimalpunktum −1,313 t. kr. – og −1.313 t. kr. passer ikke "
        "med rækkens andre år (0,518 og −1,05 t. kr.); skriv −1,313, hvis det er ment, og ellers "
        "−1313 – uden tusindtalsseparator. Det samme gælder 1 beløb mere (H2)"
    ) in text, text
    assert not (tmp_path / "dæk").exists()


def test_a_csv_saved_with_english_decimal_points_is_asked_once_not_guessed(capsys, tmp_path):
    # Before: a mio. kr. catalogue saved by English software ("0.518", "-1.05", "-1.125") was
    # told "9 beløb er over 1.000 mio. kr.: er kataloget i t. kr.?" – following that advice
    # gave an OK with -1.125 t. kr. read as -1.125 and -1.313 as -1.313
    rows = (
        "R307;Fravær;Beskæftigelse;Investeringsforslag;0.518;-1.05;-1.313;-1.575",
        "R308;Skolestruktur;Børn og unge;Spareforslag;-1.125;-2.25;-3.375;-3.375",
        "R309;Rengøring;Ældre;Spareforslag;-1.125;-1.125;-1.125;-1.125",
        "R310;Vagtplan;Ældre;Effektiviseringsforslag;-0.3;-1.2;-2.5;-2.5",
    )
    for unit in ("mio. kr.", "t. kr."):
        folder = tmp_path / unit.replace(" ", "")
        folder.mkdir()
        paths = _csv(folder, unit, *rows)
        code, text = run_import(capsys, *paths, out=folder / "dæk")
        assert code == 2, text
        lines = [line for line in text.splitlines() if "kan læses på to måder" in line]
        assert len(lines) == 1, text  # one cause, said once
        assert lines[0].startswith(
            f"{paths[0]}:G2: '-1.313' kan læses på to måder: med dansk tusindtalspunktum er det "
            f"−1.313 {unit}, med engelsk decimalpunktum −1,313 {unit} – og arket skriver andre "
            "beløb på engelsk (fx '0.518' i E2)"
        ), text
        assert "Det samme gælder 8 beløb mere (H2, E3, G3, H3, E4, F4 …)" in lines[0]
        assert lines[0].endswith("ret alle dens beløb til dansk (komma som decimaltegn)")
        assert "er kataloget i t. kr." not in text
        # "-2.25" among the amounts that read two ways is no outlier to warn about
        assert ":F3:" not in text, text
        assert not (folder / "dæk").exists()


def test_a_comma_thousands_both_readings_fit_stops_a_catalogue_in_t_kr(capsys, tmp_path):
    # Before: "-6,000" after 2.000, 500 and -3.000 t. kr. became -6 t. kr. with a warning,
    # though docs/deck-format.md says a catalogue in t. kr. stops there
    paths = _csv(
        tmp_path,
        "t. kr.",
        "B-4;Vikarer;Børn og unge;Spareforslag;2.000;500;-3.000;-6,000",
        "R310;Vagtplan;Ældre;Effektiviseringsforslag;-300;1200;2500;2500",
        "R311;Forebyggelse;Ældre;Investeringsforslag;-2125;3000;3000;3000",
    )
    code, text = run_import(capsys, *paths, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{paths[0]}:H2: '-6,000' kan læses på to måder: med dansk decimalkomma er det −6 t. kr., "
        "med engelsk tusindtalskomma −6.000 t. kr. – og i et katalog i t. kr. er −6 t. kr. næppe "
        "ment; skriv −6000, hvis det er ment, og ellers −6"
    ) in text, text


def test_numbers_that_read_one_way_still_settle_a_text_each_way(capsys, tmp_path):
    # the Norddjurs table writes mio. kr. with three decimals: "-1,050" beside "0,518" is a
    # decimal comma for sure; in t. kr. a thousands point among amounts in thousands fits
    paths = _csv(
        tmp_path,
        "mio. kr.",
        "R307;Fravær;Beskæftigelse;Investeringsforslag;0,518;-1,050;-1,313;-1,575",
        "R310;Vagtplan;Ældre;Effektiviseringsforslag;-0,3;1,2;2,5;2,5",
        "R311;Forebyggelse;Ældre;Spareforslag;2,125;3;3;3",
    )
    code, text = run_import(capsys, *paths, out=tmp_path / "mio")
    assert code in (0, 1), text
    assert load_deck(tmp_path / "mio").proposal("R307").effect == (0.518, -1.05, -1.313, -1.575)
    folder = tmp_path / "tkr"
    folder.mkdir()
    paths = _csv(
        folder,
        "t. kr.",
        "R307;Fravær;Beskæftigelse;Investeringsforslag;-518;1.050;1313;1575",
        "R310;Vagtplan;Ældre;Effektiviseringsforslag;-300;1.200;2500;2500",
        "R311;Forebyggelse;Ældre;Spareforslag;2125;3000;3000;3000",
    )
    code, text = run_import(capsys, *paths, out=folder / "dæk")
    assert code in (0, 1), text
    deck = load_deck(folder / "dæk")
    assert deck.proposal("R307").effect == (-518, 1050, 1313, 1575)
    assert deck.proposal("R310").effect == (-300, 1200, 2500, 2500)


def test_the_template_help_sheets_saved_as_csv_are_skipped_and_said(capsys, tmp_path):
    # Before: LibreOffice's "every sheet as CSV" of an exported catalogue stopped with
    # "katalog-Lister.csv: holder også arket 'Forslag' … giv hver del sin fil"
    assert main(["export", "decks/standard", "--out", str(tmp_path / "katalog.xlsx")]) == 0
    import openpyxl

    book = openpyxl.load_workbook(tmp_path / "katalog.xlsx")
    paths = []
    for sheet in book.worksheets:
        path = tmp_path / f"katalog-{sheet.title}.csv"
        with path.open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file, delimiter=";")
            for row in sheet.iter_rows(values_only=True):
                writer.writerow(
                    [
                        ""
                        if v is None
                        else str(v).replace(".", ",")
                        if isinstance(v, (int, float))
                        else v
                        for v in row
                    ]
                )
        paths.append(path)
    assert {"Vejledning", "Lister"} <= {sheet.title for sheet in book.worksheets}
    capsys.readouterr()
    code, text = run_import(capsys, *paths, paths[0], out=tmp_path / "dæk")
    assert "holder også arket" not in text, text
    for name in ("Vejledning", "Lister"):
        assert (
            f"katalog-{name}.csv: bemærk: filen er skabelonens ark '{name}' (hjælp til at "
            "udfylde kataloget), ikke kort, og er sprunget over"
        ) in text
    assert code in (0, 1), text
    assert len(load_deck(tmp_path / "dæk").proposals) == len(load_deck("decks/standard").proposals)


def test_proposals_on_one_sheet_per_area_are_told_to_be_gathered(capsys, tmp_path):
    # Before: sheets named after areas ("Børn og unge", "Ældre") under the proposals'
    # headings got only "mangler arket 'Forslag'; filens øvrige ark hedder …", where sheets
    # named after committees got the advice to gather them
    content = sheets(proposals=None)
    content["Børn og unge"] = [PROPOSALS[0], PROPOSALS[1]]
    content["Ældre og sundhed"] = [PROPOSALS[0], PROPOSALS[2], PROPOSALS[3]]
    path = write_book(tmp_path / "katalog.xlsx", content)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert (
        "forslagene står vist på flere ark (Børn og unge, Ældre og sundhed). Saml dem på ét ark, "
        "der hedder 'Forslag'"
    ) in text, text


def test_an_old_hidden_copy_of_the_proposals_is_called_hidden_and_its_rows_counted(
    capsys, tmp_path
):
    # Before: "slet arket 'Forslag (2)'" for a sheet Excel hides (not among the tabs), and
    # "3 udfyldte rækker" for 2 rows under a title row
    path = write_book(
        tmp_path / "katalog.xlsx",
        {**sheets(), "Forslag (2)": [["Gammelt katalog"], PROPOSALS[0], *PROPOSALS[1:3]]},
    )
    import openpyxl

    book = openpyxl.load_workbook(path)
    book["Forslag (2)"].sheet_state = "hidden"
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{path}: arket 'Forslag (2)' (skjult i projektmappen: højreklik på en arkfane › Vis) "
        "har de samme overskrifter som arket 'Forslag' og 2 udfyldte rækker under dem"
    ) in text, text


def test_a_leading_apostrophe_is_named_as_excels_mark_for_text(capsys, tmp_path):
    rows = [list(row) for row in PROPOSALS]
    rows[2][5] = "'2"
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, about=ABOUT))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert (
        f"{path}:Forslag!F3: 'år 2' skal være et tal: '2 har en apostrof foran tallet (Excels "
        "mærke for tekst); slet apostroffen, så cellen er et tal"
    ) in text, text


def test_the_english_advice_on_a_text_read_two_ways_is_whole(capsys, tmp_path):
    paths = _csv(
        tmp_path,
        "t. kr.",
        "B-4;Vikarer;Børn og unge;Spareforslag;-500;-1500;-2,000;-2000",
        "R310;Vagtplan;Ældre;Effektiviseringsforslag;-300;1200;2500;2500",
        "R311;Forebyggelse;Ældre;Investeringsforslag;-2125;3000;3000;3000",
    )
    code = main(["--lang", "en", "import", *map(str, paths), "--out", str(tmp_path / "dæk")])
    text = "\n".join(capsys.readouterr())
    assert code == 2
    # what to write reads one way as the import reads it: "−2000", not "-2,000" again
    assert "write −2000 if that is meant, and else −2 (the import reads numbers the Danish way" in (
        text
    ), text


def test_targets_beside_english_ones_or_with_a_thousands_point_in_mio_kr_are_asked(
    capsys, tmp_path
):
    # "2.5; 5.25; 9.125; 14" was read as 2,5; 5,25; 9.125; 14 mio. kr. with an OK, and
    # "1.500; 3.000" in mio. kr. as 1,5 mia. kr. a year
    for targets, why in (
        ("2.5; 5.25; 9.125; 14", "og listen skriver andre mål på engelsk (fx '2.5')"),
        ("1.500; 3.000; 4.500", "og i et katalog i mio. kr. er et mål på over tusind mio. kr."),
    ):
        scenarios = [["id", "titel", "år", "mål"], ["s", "S", "2027–2029", targets]]
        path = write_book(tmp_path / "katalog.xlsx", sheets(scenarios=scenarios))
        code, text = run_import(capsys, path, out=tmp_path / "dæk")
        assert code == 2, text
        assert f"{path}:Scenarier!D2: målene '{targets}' kan læses på to måder" in text, text
        assert why in text, text
    # Danish targets are read as ever
    scenarios = [["id", "titel", "år", "mål"], ["s", "S", "2027–2029", "0,5; 1,25; 2"]]
    path = write_book(tmp_path / "dansk.xlsx", sheets(scenarios=scenarios))
    code, text = run_import(capsys, path, out=tmp_path / "dansk")
    assert code in (0, 1), text
    assert load_deck(tmp_path / "dansk").scenario("s").target == (0.5, 1.25, 2)


def test_a_thousands_point_in_mio_kr_is_asked_unless_the_sheet_is_in_thousands(capsys, tmp_path):
    # a row pasted as text "-1.000 -1.000 -1.000" beside cards of 1–4 mio. kr. became
    # −1.000 mio. kr. a year with a warning; an event "1.000" the same
    rows = [list(row[:7]) for row in PROPOSALS]
    rows.append(["r5", "besparelse", "Indkøb", "Tværgående", "-1.000", "-1.000", "-1.000"])
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{path}:Forslag!E5: '-1.000' kan læses på to måder: med dansk tusindtalspunktum er det "
        "−1.000 mio. kr., med engelsk decimalpunktum −1 mio. kr."
    ) in text, text
    # a catalogue whose amounts are in the thousands under 'mio. kr.' is told of its unit
    # instead, its "1.500" not asked about
    thousands = [PROPOSALS[0][:7]] + [
        [*row[:4], *(v * 1000 if v else None for v in row[4:7])] for row in PROPOSALS[1:]
    ]
    thousands[1][5] = "1.500"
    path = write_book(tmp_path / "tusinder.xlsx", sheets(proposals=thousands))
    code, text = run_import(capsys, path, out=tmp_path / "tusinder")
    assert code == 2, text
    assert "kan læses på to måder" not in text, text
    assert "er kataloget i t. kr.?" in text, text
    # with every amount written so, both are said at once
    every = [PROPOSALS[0][:7]] + [
        [*row[:4], *(f"{v * 1000:.0f}"[:-3] + ".000" if v else None for v in row[4:7])]
        for row in PROPOSALS[1:]
    ]
    path = write_book(tmp_path / "tekst.xlsx", sheets(proposals=every))
    code, text = run_import(capsys, path, out=tmp_path / "tekst")
    assert code == 2, text
    assert "(er hele kataloget i t. kr., så skriv 't. kr.' ud for 'enhed' i stedet)" in text


def test_a_danish_sheet_of_three_decimals_is_read_without_a_word(capsys, tmp_path):
    # a Danish office's CSV in mio. kr. ("-0,518", "-1,050", "-1,313") got a warning at
    # every cell suggesting −1.313 mio. kr., beyond any card
    paths = _csv(
        tmp_path,
        "mio. kr.",
        "R307;Fravær;Beskæftigelse;Investeringsforslag;-0,518;-1,050;-1,313;-1,575",
        "R308;Skole;Børn og unge;Spareforslag;1,125;2,250;3,375;3,375",
        "R310;Vagtplan;Ældre;Effektiviseringsforslag;-0,250;1,200;2,500;2,500",
    )
    code, text = run_import(capsys, paths[0], paths[1], paths[2], out=tmp_path / "dæk")
    assert code in (0, 1), text
    assert "decimalkomma" not in text and "to måder" not in text, text
    assert load_deck(tmp_path / "dæk").proposal("R308").effect == (1.125, 2.25, 3.375, 3.375)


def test_an_outlier_warning_never_counts_amounts_that_were_asked_about(capsys, tmp_path):
    # "-0,5" beside "-1.000 -1.000 -1.000" was told "menes −500, så skriv −500" while the
    # three were refused as reading two ways
    rows = [list(row[:7]) for row in PROPOSALS]
    rows.append(["r5", "besparelse", "Indkøb", "Tværgående", "-0,5", "-1.000", "-1.000"])
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert "Forslag!F5: '-1.000' kan læses på to måder" in text, text
    assert "menes −500" not in text and "Forslag!E5" not in text, text


def test_the_sheets_english_numbers_are_found_in_every_amount_column(capsys, tmp_path):
    # the sheet's way of writing numbers was looked for only in the columns its first row
    # filled: a first card with one year's amount hid the "-1.05" beside it, and "-1.125"
    # (1,125 t. kr. the English way) was read as −1.125 t. kr. without a word
    paths = _csv(
        tmp_path,
        "t. kr.",
        "R1;Gebyr;Teknik;Spareforslag;2500;;;",
        "R2;Fravær;Beskæftigelse;Investeringsforslag;-518;-1.05;2500;2500",
        "R3;Rengøring;Ældre;Spareforslag;-1.125;-1.125;-1.125;-1.125",
    )
    code, text = run_import(capsys, *paths, out=tmp_path / "dæk")
    assert code == 2, text
    assert f"{paths[0]}:E4: '-1.125' kan læses på to måder" in text, text
    assert "og arket skriver andre beløb på engelsk (fx '-1.05' i F3)" in text, text
