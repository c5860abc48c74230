"""Catalogues as a budget office's own workbook has them (from a trial with fourteen of
them): amounts shown in t. kr. by a number format, English thousands commas, a column of
totals, subtotal rows worded every which way, and one committee's rows with the other sign."""

from __future__ import annotations

import shutil

import openpyxl

from game.content import load_deck
from tests.catalogue.conftest import ABOUT, run_import, sheets, write_book

IN_THOUSANDS = [list(row) for row in ABOUT]
IN_THOUSANDS[3] = ["enhed", "t. kr."]
FOUR_YEARS = [
    ["id", "titel", "år", "mål"],
    ["fire", "Fire år", "2027; 2028; 2029; 2030", "1.000; 2.000; 3.000; 4.000"],
]


def _table(*rows: list[object], headings: tuple[object, ...] = (2027, 2028, 2029, 2030)):
    return [["id", "slags", "titel", "område", *headings], *[list(row) for row in rows]]


def _import(capsys, tmp_path, rows, about=IN_THOUSANDS):  # type: ignore[no-untyped-def]
    """``raaderum import`` of a workbook in t. kr. over four years with these proposal rows:
    the exit code, what it said and the workbook's path."""
    content = sheets(about=about, proposals=rows, scenarios=FOUR_YEARS)
    path = write_book(tmp_path / "katalog.xlsx", content)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    return code, text, path


PROPOSALS = (
    ["filial", "besparelse", "Luk filialen", "Kultur", 400, 800, 800, 800],
    ["post", "effektivisering", "Digital post", "Administration", -100, 300, 500, 500],
    ["rehab", "investering", "Hverdagsrehabilitering", "Ældre", -900, 0, 500, 900],
)


def _in_kroner(tmp_path, number_format: str, **content):  # type: ignore[no-untyped-def]
    """A workbook whose amounts are a thousand times ``PROPOSALS``' (kroner of a catalogue in
    t. kr.) and shown with ``number_format``; ``content``: the other sheets."""
    rows = _table(*([*r[:4], *(v * 1000 for v in r[4:])] for r in PROPOSALS))
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, **content))
    return _amounts_shown(path, number_format)


def _amounts_shown(path, number_format: str):  # type: ignore[no-untyped-def]
    """The workbook at ``path`` with its proposals' amounts (E2:H…) shown with
    ``number_format``."""
    book = openpyxl.load_workbook(path)
    for row in book["Forslag"].iter_rows(min_row=2, min_col=5, max_col=8):
        for cell in row:
            cell.number_format = number_format
    book.save(path)
    return path


def test_amounts_kept_in_kroner_but_shown_in_thousands_are_read_as_shown(capsys, tmp_path):
    # before: "#,##0," shows 400000 as 400 under "Beløb i 1.000 kr.", the import read
    # 400000 t. kr. (400 mio. kr. a year) and said OK
    path = _in_kroner(tmp_path, "#,##0,;[Red]-#,##0,", about=IN_THOUSANDS, scenarios=FOUR_YEARS)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        f"{path}:Forslag: advarsel: 12 celler (E2–H4) gemmer et tal, som deres talformat "
        "viser divideret med 1.000"
    ) in text
    deck = load_deck(tmp_path / "dæk")
    assert deck.proposal("filial").effect == (400, 800, 800, 800)
    assert deck.proposal("rehab").effect == (-900, 0, 500, 900)


def test_amounts_in_kroner_shown_in_millions_are_told_so(capsys, tmp_path):
    # a trial's "#,##0,," (kroner shown in mio. kr.) was read right but told "divideret med
    # 1.000 … er kataloget i t. kr."
    in_mio = [FOUR_YEARS[0], ["fire", "Fire år", "2027; 2028; 2029; 2030", "1; 2; 3; 4"]]
    path = _in_kroner(tmp_path, "#,##0,,", scenarios=in_mio)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "viser divideret med 1.000.000 (fx »#.##0,,«" in text
    assert "er kataloget i mio. kr., er det rigtigt" in text and "i t. kr., er det" not in text
    assert load_deck(tmp_path / "dæk").proposal("filial").effect == (0.4, 0.8, 0.8, 0.8)


def test_a_deck_in_thousands_with_amounts_in_kroner_stops_the_import(capsys, tmp_path):
    # before: no word at all when the amounts stayed under the limit of 1.000 mio. kr.; then
    # a warning, followed by "OK" and a deck of cards 1.000 times too large
    rows = _table(*([*r[:4], *(v * 300 for v in r[4:])] for r in PROPOSALS))
    code, text, path = _import(capsys, tmp_path, rows)
    assert code == 2, text
    assert (
        f"{path}:Om kataloget!B4: det typiske forslag giver 240.000 t. kr. om året (240 mio. kr.), "
        "og det er langt mere, end én kommune finder i ét forslag: er beløbene skrevet i kroner?"
    ) in text
    assert "OK" not in text and not (tmp_path / "dæk").exists()


def test_amounts_in_thousands_under_the_templates_mio_kr_stop_the_import(capsys, tmp_path):
    # the template's 'enhed' left at "mio. kr." for a catalogue in t. kr.: before, a warning
    # and "OK" with cards of 800 mio. kr. for a municipality of 45.000 people
    about = [row if row[0] != "enhed" else ["enhed", "mio. kr."] for row in IN_THOUSANDS]
    code, text, path = _import(capsys, tmp_path, list(_table(*PROPOSALS)), about=about)
    assert code == 2, text
    assert f"{path}:Om kataloget!B4: det typiske forslag giver" in text
    assert "er beløbene i t. kr.? Så skriv 't. kr.' ud for 'enhed' på arket Om kataloget" in text
    assert not (tmp_path / "dæk").exists()


def test_amounts_in_mio_kr_under_a_catalogue_in_t_kr_stop_the_import(capsys, tmp_path):
    # 'enhed' t. kr. with the amounts typed in mio. kr. (0,4; 0,8): before, "OK" and a deck
    # where closing the library saved 800 kroner a year
    rows = _table(*([*r[:4], *(v / 1000 for v in r[4:])] for r in PROPOSALS))
    code, text, path = _import(capsys, tmp_path, rows)
    assert code == 2, text
    assert (
        f"{path}:Om kataloget!B4: det typiske forslag giver 0,8 t. kr. om året, dvs. 800 kr., og "
        "det er langt mindre end et budgetforslag: er beløbene i mio. kr.? Så skriv 'mio. kr.' "
        "ud for 'enhed' på arket Om kataloget"
    ) in text
    assert not (tmp_path / "dæk").exists()


def test_a_row_of_english_thousands_commas_is_named_with_every_cell(capsys, tmp_path):
    # before: "1,500", "-1,500", "-3,000" agreed with each other read as 1,5, -1,5 and -3,
    # and only the card's size was questioned ("er beløbet skrevet i mio. kr.?")
    rows = _table(
        *PROPOSALS, ["skat", "besparelse", "Ny takst", "Kultur", "1,500", "1,500", "3,000", "3,000"]
    )
    # in a catalogue in t. kr. 1,5 t. kr. is hardly meant: every cell is asked, never read
    # as 1,5 with a warning (a trial's deck was written with every card 1.000 times too small)
    # – said once, at the first, with the others named (34 lines for an English export)
    code, text, path = _import(capsys, tmp_path, rows)
    assert code == 2, text
    said = f"{path}:Forslag!E5: '1,500' kan læses på to måder: med dansk decimalkomma "
    assert said + "er det 1,5 t. kr." in text, text
    assert "Det samme gælder 3 beløb mere (F5, G5, H5)" in text
    assert text.count("kan læses på to måder") == 1


def test_a_column_of_totals_over_the_years_is_skipped_not_read_as_a_year(capsys, tmp_path):
    # before: "'I alt 2027-2030' ligner et budgetår …; skriv årstallet alene (fx 2030)", which
    # would have read the four-year totals as 2030
    rows = _table(
        *([*r, sum(r[4:])] for r in PROPOSALS),  # type: ignore[arg-type]
        headings=(2027, 2028, 2029, 2030, "I alt 2027-2030"),
    )
    code, text, path = _import(capsys, tmp_path, rows)
    assert code == 0, text
    assert (
        f"{path}:Forslag!I1: advarsel: kolonnen 'I alt 2027-2030' ligner en sum af årene og er "
        "ikke læst"
    ) in text
    assert load_deck(tmp_path / "dæk").proposal("filial").effect == (400, 800, 800, 800)


def test_subtotal_rows_worded_as_offices_word_them_are_passed_over(capsys, tmp_path):
    # before: "'id' er tom; den skal udfyldes" – filling it in would make a sum a proposal
    rows = _table(
        *PROPOSALS,
        [None, None, "Samlede besparelser", None, 400, 800, 800, 800],
        [None, "effektivisering", "Effektiviseringer total", None, -100, 300, 500, 500],
        [None, None, "Budgetkatalog, samlet", None, -600, 1100, 1800, 2200],
    )
    code, text, _path = _import(capsys, tmp_path, rows)
    assert code == 0, text
    for row, title in (
        (5, "Samlede besparelser"),
        (6, "Effektiviseringer total"),
        (7, "Budgetkatalog, samlet"),
    ):
        assert f"række {row} ('{title}') ligner en sumrække" in text, title
    assert len(load_deck(tmp_path / "dæk").proposals) == 3


def test_an_investment_with_the_other_sign_is_pointed_out(capsys, tmp_path):
    # one committee pasted its rows with the other sign: the saving and the efficiency were
    # pointed out, the investment (a gain first, then costs) was not
    about = [*IN_THOUSANDS, ["fortegn", "besparelser negative"]]
    rows = _table(
        ["a", "besparelse", "Spar A", "Kultur", -400, -400, -400, -400],
        ["b", "besparelse", "Spar B", "Kultur", -300, -300, -300, -300],
        ["c", "effektivisering", "Ny proces", "Administration", 100, -300, -500, -500],
        ["inv", "investering", "Forebyggelse", "Ældre", -2000, 0, 2000, 4000],
    )
    code, text, path = _import(capsys, tmp_path, rows, about=about)
    assert code == 0, text
    assert (
        f"{path}:Forslag!E5: advarsel: investeringen 'inv' giver penge det første år og koster "
        "penge siden, hvor en investering koster først og giver siden; står beløbene med det "
        "rigtige fortegn? Kataloget har 'besparelser negative' ud for 'fortegn', så udgiften "
        "skrives med plus og gevinsten med minus"
    ) in text


def test_an_investment_that_only_ever_costs_is_pointed_out(capsys, tmp_path):
    # 500; 500; 500; 500 under 'besparelser negative': a cost every year and no word, while
    # an efficiency of the same shape was asked about its sign
    about = [*IN_THOUSANDS, ["fortegn", "besparelser negative"]]
    rows = _table(
        ["a", "besparelse", "Spar A", "Kultur", -400, -400, -400, -400],
        ["b", "besparelse", "Spar B", "Kultur", -300, -300, -300, -300],
        ["c", "effektivisering", "Ny proces", "Administration", 100, -300, -500, -500],
        ["inv", "investering", "Nyt plejecenter", "Ældre", 500, 500, 500, 500],
    )
    code, text, path = _import(capsys, tmp_path, rows, about=about)
    assert code == 0, text
    assert (
        f"{path}:Forslag!E5: advarsel: investeringen 'inv' giver intet tilbage i noget år, men "
        "koster kun penge, hvor en investering koster først og giver siden; står beløbene med "
        "det rigtige fortegn? Kataloget har 'besparelser negative' ud for 'fortegn', så "
        "udgiften skrives med plus og gevinsten med minus"
    ) in text


def test_proposals_split_over_one_sheet_per_kind_are_told_how_to_gather_them(capsys, tmp_path):
    # before: "kataloget mangler arket 'Forslag'; arkene hedder: Besparelser, …" – no word on
    # what to do with a catalogue kept as one sheet per kind (or per committee)
    content = sheets(proposals=None, scenarios=FOUR_YEARS, about=IN_THOUSANDS)
    for kind in ("Besparelser", "Effektiviseringer", "Investeringer"):
        content[kind] = _table(PROPOSALS[0])
    path = write_book(tmp_path / "katalog.xlsx", content)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert (
        "kataloget mangler arket 'Forslag'; forslagene står vist på flere ark (Besparelser, "
        "Effektiviseringer, Investeringer). Saml dem på ét ark, der hedder 'Forslag', under de "
        "samme overskrifter og med en kolonne 'slags'"
    ) in text


def test_service_written_as_a_word_is_refused_with_the_scale(capsys, tmp_path):
    # before: "'service' skal være et tal: 'Høj konsekvens' er ikke et tal" – which number?
    table = [["id", "slags", "titel", "område", "service", 2027, 2028, 2029, 2030]]
    table.append([*PROPOSALS[0][:4], "Høj konsekvens", 400, 800, 800, 800])
    code, text, path = _import(capsys, tmp_path, table)
    assert code == 2
    assert (
        f"{path}:Forslag!E2: 'service' skal være et helt tal fra −5 til 5, ikke 'Høj "
        "konsekvens': minus, når forslaget sænker serviceniveauet (−1 lidt, −3 meget)"
    ) in text


def test_a_workbook_renamed_xls_is_read_for_what_it_is(capsys, tmp_path):
    # before: "er i Excels gamle format (.xls)" for an .xlsx file someone renamed
    path = write_book(tmp_path / "katalog.xlsx", sheets())
    renamed = path.rename(tmp_path / "katalog.xls")
    code, text = run_import(capsys, renamed, out=tmp_path / "dæk")
    assert code == 0, text
    assert "gamle format" not in text
    # a real .xls (the old binary format) is still refused with the advice to save as .xlsx
    old = tmp_path / "gammel.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    code, text = run_import(capsys, old, out=tmp_path / "dæk2")
    assert code == 2 and "Excels gamle format (.xls)" in text


def test_a_stopped_import_also_says_the_warnings_it_found(capsys, tmp_path):
    # before: the warnings came only once every problem was mended – a second round of fixes
    rows = _table(
        *PROPOSALS,
        [None, None, "Samlede besparelser", None, 400, 800, 800, 800],
        ["fejl", "besparrelse", "Stavefejl i slags", "Kultur", 100, 100, 100, 100],
    )
    code, text, _path = _import(capsys, tmp_path, rows)
    assert code == 2
    lines = text.splitlines()
    problem = next(i for i, line in enumerate(lines) if "Forslag!B6:" in line)
    warning = next(i for i, line in enumerate(lines) if "ligner en sumrække" in line)
    assert problem < warning


def test_a_spreadsheets_float_noise_is_rounded_away_both_ways(capsys, tmp_path):
    # before: -800.0000000001 was kept as it was, -1199.9999999999998 became -1200
    rows = _table(
        ["a", "besparelse", "Spar A", "Kultur", 400.0000000001, 800, 800, 800],
        ["b", "besparelse", "Spar B", "Kultur", 1199.9999999999998, 1200, 1200, 1200],
        *PROPOSALS[1:],
    )
    code, text, _path = _import(capsys, tmp_path, rows)
    assert code == 0, text
    written = (tmp_path / "dæk" / "forslag.yaml").read_text(encoding="utf-8")
    assert "effect: [400, 800, 800, 800]" in written
    assert "effect: [1200, 1200, 1200, 1200]" in written


def _formatted(path, **formats: str):  # type: ignore[no-untyped-def]
    """The workbook at ``path`` with number formats set on cells of its Forslag sheet."""
    book = openpyxl.load_workbook(path)
    for cell, number_format in formats.items():
        book["Forslag"][cell].number_format = number_format
    book.save(path)
    return path


def test_an_amount_shown_as_a_percentage_is_refused_at_its_cell(capsys, tmp_path):
    # before: 0,25 formatted "0%" showed "25%" in a column of −300s and was read as 0,25
    rows = [list(row) for row in PROPOSALS]
    rows[1][6] = 0.25
    content = sheets(about=IN_THOUSANDS, proposals=_table(*rows), scenarios=FOUR_YEARS)
    path = _formatted(write_book(tmp_path / "katalog.xlsx", content), G3="0%")
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert (
        f"{path}:Forslag!G3: '2029': cellen er formateret som procent og viser 25 %, men "
        "indeholder tallet 0,25"
    ) in text
    assert not (tmp_path / "dæk").exists()


def test_an_amount_its_number_format_hides_is_named_with_what_was_read(capsys, tmp_path):
    # before: "#,##0;;" shows the investment's −900 as an empty cell (the office hid its
    # zeros and its negatives with them), and the import read −900 without a word
    content = sheets(about=IN_THOUSANDS, proposals=_table(*PROPOSALS), scenarios=FOUR_YEARS)
    path = _formatted(
        write_book(tmp_path / "katalog.xlsx", content),
        E4="#,##0;;",
        E3=";;;",
        F3='#,##0;"–"',  # 300 is shown; only a negative would be a dash
        F4="#,##0;;",  # 0 is nothing in Excel and nothing to the game
    )
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        f"{path}:Forslag!E3: advarsel: Excel viser ikke tallet i cellen, fordi talformatet "
        "»;;;« skjuler det, men cellen indeholder −100, og det er læst; det samme gælder E4 "
        "(2 celler i alt)"
    ) in text
    assert "F3" not in text and "F4" not in text
    assert load_deck(tmp_path / "dæk").proposal("rehab").effect[0] == -900


def test_a_share_shown_as_a_percentage_is_read_as_the_share(capsys, tmp_path):
    rows = [[*row, None] for row in PROPOSALS]
    rows[2][-1] = 0.3
    headings = (2027, 2028, 2029, 2030, "usikkerhed")
    content = sheets(
        about=IN_THOUSANDS, proposals=_table(*rows, headings=headings), scenarios=FOUR_YEARS
    )
    path = _formatted(write_book(tmp_path / "katalog.xlsx", content), I4="0%")
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert load_deck(tmp_path / "dæk").proposal("rehab").uncertainty == 0.3


def test_cells_shown_in_thousands_and_in_millions_are_each_named_as_what_they_are(capsys, tmp_path):
    # a trial: "5 celler (E2–G9) … divideret med 1.000.000" of which two were shown ÷1.000
    path = _in_kroner(tmp_path, "#,##0,,", scenarios=FOUR_YEARS, about=IN_THOUSANDS)
    book = openpyxl.load_workbook(path)
    for cell in book["Forslag"]["E2":"H2"][0]:
        cell.number_format = "#,##0,"
        cell.value = cell.value * 1000 if isinstance(cell.value, (int, float)) else cell.value
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    thousands = [line for line in text.splitlines() if "divideret med 1.000 (" in line]
    assert thousands and "4 celler (E2–H2)" in thousands[0], text
    # the cells shown in mio. kr. in a catalogue in t. kr. are refused as such, not read as
    # shown (−0,1 t. kr. for −100.000 kr.) and not blamed on the catalogue's unit
    assert code == 2 and not (tmp_path / "dæk").exists(), text
    assert (
        f"{path}:Forslag!E3: 8 celler (E3–H4) gemmer tal, som talformatet »#,##0,,« viser "
        "divideret med 1.000.000 – den første, −100.000, vises som −0,1 – men kataloget er i "
        "t. kr.: står der kroner i cellerne, er den første −100 t. kr."
    ) in text
    assert "ud for 'enhed'" not in text


def test_one_cell_shown_in_millions_in_a_catalogue_in_thousands_stops_the_import(capsys, tmp_path):
    # a trial: 1.500.000 shown as "1,5" by "#,##0.0,," among 1.500 and 1.500 t. kr. was read
    # as 1,5 t. kr. (1.500 kr.), and the import said OK
    rows = [list(row) for row in PROPOSALS]
    rows[0][4:] = [1_500_000, 1500, 1500, 1500]
    content = sheets(about=IN_THOUSANDS, proposals=_table(*rows), scenarios=FOUR_YEARS)
    path = write_book(tmp_path / "katalog.xlsx", content)
    book = openpyxl.load_workbook(path)
    book["Forslag"]["E2"].number_format = "#,##0.0,,"
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2 and not (tmp_path / "dæk").exists(), text
    assert (
        f"{path}:Forslag!E2: cellen gemmer 1.500.000, som talformatet »#,##0.0,,« viser "
        "divideret med 1.000.000, altså som 1,5, men kataloget er i t. kr.: står der kroner i "
        "cellen, er beløbet 1.500 t. kr. – skriv beløbet i t. kr., eller giv cellen samme "
        "talformat som katalogets andre beløb"
    ) in text


def test_cells_shown_in_thousands_in_a_catalogue_in_millions_stop_the_import(capsys, tmp_path):
    # the other way round: kroner shown in t. kr. ("#,##0,") were read as shown, 400 mio. kr.
    path = _in_kroner(tmp_path, "#,##0,", scenarios=FOUR_YEARS)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2 and not (tmp_path / "dæk").exists(), text
    assert "viser divideret med 1.000 – den første, 400.000, vises som 400" in text
    assert "er den første 0,4 mio. kr." in text


def test_a_row_struck_through_is_read_and_said(capsys, tmp_path):
    # offices strike a rejected proposal through instead of deleting it: it was imported as
    # one of the deck's proposals without a word
    path = write_book(tmp_path / "katalog.xlsx", sheets())
    book = openpyxl.load_workbook(path)
    forslag = book["Forslag"]
    for cell in forslag[3]:
        if cell.value is not None:
            cell.font = openpyxl.styles.Font(strike=True)
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    said = [line for line in text.splitlines() if "streget over" in line]
    assert len(said) == 1 and said[0].startswith(f"{path}:Forslag!A3: advarsel: række 3 ("), said
    # the title alone struck is said as well; a row with nothing struck is not
    for cell in forslag[3]:
        cell.font = openpyxl.styles.Font(strike=cell.column == 3)
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk2")
    assert code == 0 and text.count("streget over") == 1, text
    for cell in forslag[3]:
        cell.font = openpyxl.styles.Font(strike=False)
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk3")
    assert code == 0 and "streget over" not in text
    # a heading struck through is a heading (a style of the office's own), not a card
    for cell in forslag[1]:
        cell.font = openpyxl.styles.Font(strike=True)
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk4")
    assert code == 0 and "streget over" not in text, text


def test_an_amount_whose_number_format_shows_its_unit_is_read_in_that_unit(capsys, tmp_path):
    # a trial: one cell of a catalogue in mio. kr. held 350 shown '#,##0 "t. kr."' as
    # "350 t. kr."; the import read 350 mio. kr. a year and said OK
    rows = _table(*PROPOSALS)
    rows = [rows[0], *([*r[:4], *(v / 1000 for v in r[4:])] for r in rows[1:])]
    in_mio = [FOUR_YEARS[0], ["fire", "Fire år", "2027; 2028; 2029; 2030", "1; 2; 3; 4"]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=in_mio))
    book = openpyxl.load_workbook(path)
    book["Forslag"]["E2"].value = 350
    book["Forslag"]["E2"].number_format = '#,##0 "t. kr."'
    book["Forslag"]["F2"].number_format = '0.0 "mio. kr."'  # the catalogue's own unit
    book["Forslag"]["G2"].number_format = '0.0 "stk."'  # a word that is no unit: as it is
    book.save(path)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    # the unit named as the number format's, not as typed in the cell
    assert 'talformat (»#,##0 "t. kr."«), ikke i cellen' in text, text
    assert "350 t. kr. er læst som 0,35 mio. kr." in text, text
    assert load_deck(tmp_path / "dæk").proposal("filial").effect == (0.35, 0.8, 0.8, 0.8)


VALUTA = '_ "kr." * #,##0.00_ ;_ "kr." * \\-#,##0.00_ ;_ "kr." * "-"??_ ;_ @_ '
"""Danish Excel's "Regnskab" format: "kr." before every number, whatever its unit."""


def _with_format(tmp_path, rows, number_format, about=IN_THOUSANDS):  # type: ignore[no-untyped-def]
    path = write_book(
        tmp_path / "katalog.xlsx", sheets(about=about, proposals=rows, scenarios=FOUR_YEARS)
    )
    return _amounts_shown(path, number_format)


def test_an_accounting_format_on_amounts_too_small_for_kroner_is_the_look_of_money(
    capsys, tmp_path
):
    # before: Danish Excel's "Regnskab" and "Valuta" formats ("kr. 1.500,00") made 1.500 t. kr.
    # into 1,5 t. kr., and 0,8 mio. kr. into 0,0000008 mio. kr., with the import saying OK
    for number_format in (VALUTA, '#,##0.00\\ "kr."'):
        path = _with_format(tmp_path, _table(*PROPOSALS), number_format)
        code, text = run_import(capsys, path, out=tmp_path / "dæk")
        assert code == 0, text
        assert (
            f"{path}:Forslag: bemærk: 11 celler (E2–H4) har et talformat, der skriver »kr.« "
            "efter tallet"
        ) in text
        assert load_deck(tmp_path / "dæk").proposal("filial").effect == (400, 800, 800, 800)
        (tmp_path / "katalog.xlsx").unlink()
        shutil.rmtree(tmp_path / "dæk")


def test_an_accounting_format_on_kroner_reads_kroner_and_a_mix_stops(capsys, tmp_path):
    kroner = _table(*([*r[:4], *(v * 1000 for v in r[4:])] for r in PROPOSALS))
    path = _with_format(tmp_path, kroner, VALUTA)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert load_deck(tmp_path / "dæk").proposal("filial").effect == (400, 800, 800, 800)
    # the unit is the number format's: the note said the amounts "har enheden skrevet i
    # cellen" and quoted '400000 kr.', a text the cell never held
    assert "har enheden skrevet i cellen" not in text, text
    assert (
        f"{path}:Forslag!E2: bemærk: 12 beløb vises med en enhed, som står i cellernes "
        "talformat (fx »"
    ) in text, text
    assert "ikke i cellerne, og de er omregnet til katalogets enhed: 400.000 kr. er læst" in text
    # 400.000 kr. beside 800 under one format: no one unit reads both
    mixed = [list(row) for row in kroner]
    mixed[1][4] = 800
    path = _with_format(tmp_path / "..", mixed, VALUTA)  # another workbook
    code, text = run_import(capsys, path, out=tmp_path / "mix")
    assert code == 2, text
    assert (
        f"{path}:Forslag!E2: talformatet skriver »kr.« efter tallene, men E2 (800) er for lille "
        "til at være kroner, og E4 (−900.000) ligner kroner"
    ) in text


def test_targets_with_english_thousands_commas_in_t_kr_stop_as_amounts_do(capsys, tmp_path):
    # before: "1,000; 2,000; 3,000; 4,000" in a catalogue in t. kr. became 1, 2, 3 and 4 t. kr.
    # with only a hint, where "1,500" as an amount stops the import as reading two ways
    scenarios = [
        FOUR_YEARS[0],
        ["fire", "Fire år", "2027; 2028; 2029; 2030", "1,000; 2,000; 3,000; 4,500"],
    ]
    path = write_book(
        tmp_path / "katalog.xlsx",
        sheets(about=IN_THOUSANDS, proposals=_table(*PROPOSALS), scenarios=scenarios),
    )
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{path}:Scenarier!D2: målene '1,000; 2,000; 3,000; 4,500' kan læses på to måder: med "
        "dansk tusindtalspunktum og decimalkomma er de 1; 2; 3; 4,5 t. kr., med engelsk "
        "decimalpunktum og tusindtalskomma 1.000; 2.000; 3.000; 4.500 t. kr. – og i et katalog "
        "i t. kr. er mål på få t. kr. næppe ment; skriv målene 1000; 2000; 3000; 4500, hvis det "
        "er ment"
    ) in text, text
    # the Danish way, as text: read as written
    scenarios[1][3] = "1.000; 2.000; 3.000; 4.500"
    path = write_book(
        tmp_path / "k2.xlsx",
        sheets(about=IN_THOUSANDS, proposals=_table(*PROPOSALS), scenarios=scenarios),
    )
    code, text = run_import(capsys, path, out=tmp_path / "d2")
    assert code == 0, text
    assert load_deck(tmp_path / "d2").scenario("fire").target == (1000, 2000, 3000, 4500)


def test_a_catalogue_in_kroner_of_amounts_in_mio_kr_is_told_the_right_factor(capsys, tmp_path):
    # a trial: 'enhed' kr. over amounts of 1,5 said "kort, der er 1.000 gange for små" (they
    # are a million times too small), and named no cell to put right
    about = [list(row) for row in IN_THOUSANDS]
    about[3] = ["enhed", "kr."]
    rows = _table(*([*r[:4], *(v / 1000 for v in r[4:])] for r in PROPOSALS))
    content = sheets(about=about, proposals=rows, scenarios=FOUR_YEARS)
    path = write_book(tmp_path / "katalog.xlsx", content)
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2 and not (tmp_path / "dæk").exists(), text
    assert f"{path}:Om kataloget!B4: det typiske forslag giver" in text, text
    assert "kort, der er 1.000.000 gange for små" in text, text


def test_a_catalogue_of_one_row_per_proposal_and_year_is_told_the_templates_layout(
    capsys, tmp_path
):
    # a budget office's export has one row per proposal and year: it was told "ukendt kolonne
    # 'Budgetår'", and with the column renamed 'fra budgetår', "forslag med id 'B1' findes
    # allerede" once per extra row
    # also under the budget office's own headings for id and title ("Nr.", "Forslag")
    for heading, number, title in (
        ("Budgetår", "id", "titel"),
        ("fra budgetår", "id", "titel"),
        ("Budgetår", "Nr.", "Forslag"),
    ):
        rows = [
            [number, "slags", title, "område", heading, "år 1"],
            ["B1", "besparelse", "Færre vikarer", "Dagtilbud", 2027, 0.5],
            ["B1", "besparelse", "Færre vikarer", "Dagtilbud", 2028, 1.0],
            ["I1", "investering", "Rehabilitering", "Ældre", 2027, -1],
            ["I1", "investering", "Rehabilitering", "Ældre", 2028, 2],
        ]
        path = write_book(tmp_path / f"{heading}-{number}.xlsx", sheets(proposals=rows))
        code, text = run_import(capsys, path, out=tmp_path / "dæk")
        assert code == 2 and not (tmp_path / "dæk").exists(), text
        assert (
            f"{path}:Forslag!A3: 'B1' står i række 2 og 3 med hvert sit år (2027 og 2028) i "
            f"kolonnen '{heading}': kataloget har vist én række pr. forslag og år."
        ) in text, text
        assert "findes allerede" not in text, text


def test_a_target_that_reads_two_ways_and_stands_apart_from_the_others_is_asked(capsys, tmp_path):
    # "800; 1,600; 2500" in a catalogue in t. kr. became 800 / 1,6 / 2500 with no word: only a
    # list written all in thousands commas was asked about
    scenarios = [
        FOUR_YEARS[0],
        ["fire", "Fire år", "2027; 2028; 2029; 2030", "800; 1,600; 2500; 3000"],
    ]
    path = write_book(
        tmp_path / "katalog.xlsx",
        sheets(about=IN_THOUSANDS, proposals=_table(*PROPOSALS), scenarios=scenarios),
    )
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert f"{path}:Scenarier!D2: målene '800; 1,600; 2500; 3000' kan læses på to måder" in text, (
        text
    )
    assert "og læst på dansk står '1,600' langt fra listens andre mål" in text, text
    # written the Danish way, it is read as written
    scenarios[1][3] = "800; 1.600; 2500; 3000"
    path = write_book(
        tmp_path / "katalog2.xlsx",
        sheets(about=IN_THOUSANDS, proposals=_table(*PROPOSALS), scenarios=scenarios),
    )
    code, text = run_import(capsys, path, out=tmp_path / "dæk2")
    assert code == 0, text
