"""Amounts as a budget office leaves them: a blank year between two amounts, and numbers
written as text that are far out of line with their row or could be read two ways."""

from __future__ import annotations

from game.cli import main
from game.content import load_deck
from tests.catalogue.conftest import ABOUT, PROPOSALS, SCENARIOS, run_import, sheets, write_book

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
    # blank years after the last amount are no gap: not named (the amount goes on)
    assert "Forslag!F4" not in text and "Forslag!G4" not in text, text
    deck = load_deck(tmp_path / "dæk")
    assert deck.proposal("vikarer").effect == (2000, 2000, 0, 2000)
    assert deck.proposal("salg").effect == (5000,)


def test_a_blank_after_the_last_amount_goes_on_under_budget_years_as_under_aar_n(capsys, tmp_path):
    # Before: under 2027, 2028 … a blank after the last amount was 0 (a saving of 1.800
    # became the one-off [1800, 0, 0]), while the same row under 'år 1' … was a lasting
    # saving, as docs/deck-format.md says for both
    for headings in (("år 1", "år 2", "år 3"), (2027, 2028, 2029)):
        rows = [
            [*PROPOSALS[0][:4], *headings],
            ["spar", "besparelse", "Spar", "Administration", 1.8, None, None],
            ["eff", "effektivisering", "Ny vagtplan", "Ældre", -1, 2, None],
            ["inv", "investering", "Forebyggelse", "Sundhed", -3, None, 6],
        ]
        out = tmp_path / f"dæk{headings[0]}"
        path = write_book(tmp_path / f"katalog{headings[0]}.xlsx", sheets(proposals=rows))
        code, text = run_import(capsys, path, out=out)
        assert code == 0, text
        deck = load_deck(out)
        assert deck.proposal("spar").effect == (1.8,)
        assert deck.proposal("eff").effect == (-1, 2)
        assert deck.proposal("inv").effect == (-3, 0, 6)  # a blank before a later amount
    assert (
        f"{path}:Forslag!E1: bemærk: kolonnerne med årstal fra 2027 er læst som forslagets "
        "indfasning"
    ) in text
    assert (
        "Et tomt år før et senere beløb er 0; efter det sidste beløb gælder det sidste beløb "
        "videre, så skriv 0 i året efter et engangsbeløb."
    ) in text


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


def _row_in_thousands(*amounts: object) -> dict[str, list[list[object]]]:
    """The small catalogue in t. kr., 'spar' with these four amounts in its years."""
    rows = [
        [*PROPOSALS[0][:4], "år 1", "år 2", "år 3", "år 4"],
        ["spar", "besparelse", "Spar på kontoret", "Administration", *amounts],
        ["eff", "effektivisering", "Ny vagtplan", "Ældre", -1000, 2000, 4000, None],
        ["inv", "investering", "Forebyggelse", "Sundhed", -3000, 1000, 6000, None],
    ]
    return sheets(proposals=rows, about=_in_thousands())


def test_a_text_amount_far_out_of_line_with_its_row_is_named_with_how_it_was_read(capsys, tmp_path):
    # Before: "1,5" among 500, 1.500 and 2.000 t. kr. became 1,5 t. kr. with an OK.
    path = write_book(tmp_path / "katalog.xlsx", _row_in_thousands("1,5", 500, 1500, 2000))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        f"{path}:Forslag!E2: advarsel: '1,5' står som tekst og er læst som 1,5 t. kr., men "
        "rækkens andre år er 500, 1.500 og 2.000 t. kr.; menes 1.500, så skriv 1.500"
    ) in text
    # the same number typed as a number is what Excel says it is: not questioned
    path = write_book(tmp_path / "tal.xlsx", _row_in_thousands(1.5, 500, 1500, 2000))
    code, text = run_import(capsys, path, out=tmp_path / "dæk2")
    assert code == 0 and "står som tekst" not in text, text


def test_the_english_advice_for_a_text_out_of_line_writes_a_number_that_reads_one_way(
    capsys, tmp_path
):
    # a trial in English: "if 1,250 is meant, write 1,250" (in Danish Excel 1,25 or the
    # message that it reads two ways)
    path = write_book(tmp_path / "katalog.xlsx", _row_in_thousands("1,5", 500, 1500, 2000))
    code = main(["--lang", "en", "import", str(path), "--out", str(tmp_path / "dæk")])
    text = "\n".join(capsys.readouterr())
    assert code == 0, text
    assert "if 1,500 is meant, write 1500 – preferably as a number" in text, text


def test_a_comma_before_three_digits_that_the_row_reads_as_thousands_stops_the_import(
    capsys, tmp_path
):
    # Before: "1,500" among −500, −1.500 and −2.000 became 1,5 – a thousand times too small.
    path = write_book(tmp_path / "katalog.xlsx", _row_in_thousands("1,500", -500, -1500, -2000))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2
    assert (
        f"{path}:Forslag!E2: '1,500' kan læses på to måder: med dansk decimalkomma er det "
        "1,5 t. kr., med engelsk tusindtalskomma 1.500 t. kr. – og rækkens andre år (−500, "
        "−1.500 og −2.000 t. kr.) peger på 1.500 t. kr.; skriv 1500, hvis det er ment, og ellers "
        "1,5 – helst som et tal, ikke som tekst"
    ) in text
    assert not (tmp_path / "dæk").exists()


def test_a_thousands_point_read_far_out_of_line_with_its_row_stops_the_import(capsys, tmp_path):
    # Before: "1.000" typed as text among 0,3 and 1,8 mio. kr. (an English 1.000 = 1) became
    # 1.000 mio. kr. with only a warning, and the import succeeded
    rows = [
        [*PROPOSALS[0][:4], "år 1", "år 2", "år 3"],
        ["spar", "besparelse", "Spar", "Administration", 0.3, "1.000", 1.8],
        ["eff", "effektivisering", "Ny vagtplan", "Ældre", -1, "2.500", 4],
        *[row[:7] for row in PROPOSALS[3:]],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{path}:Forslag!F2: '1.000' kan læses på to måder: med dansk tusindtalspunktum er det "
        "1.000 mio. kr., med engelsk decimalpunktum 1 mio. kr. – og 1.000 mio. kr. passer ikke "
        "med rækkens andre år (0,3 og 1,8 mio. kr.); skriv 1, hvis det er ment, og ellers 1000 "
        "– helst som et tal, ikke som tekst. Det samme gælder 1 beløb mere (F3)"
    ) in text
    assert not (tmp_path / "dæk").exists()


def test_a_thousands_point_that_fits_its_row_is_read_as_thousands(capsys, tmp_path):
    path = write_book(tmp_path / "katalog.xlsx", _row_in_thousands("1.000", 800, 1200, 1500))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "Forslag!E2" not in text, text
    assert load_deck(tmp_path / "dæk").proposal("spar").effect == (1000, 800, 1200, 1500)


def test_a_decimal_comma_that_fits_its_row_is_read_without_a_word(capsys, tmp_path):
    # Norddjurs writes mio. kr. with three decimals: −1,050 among −0,518 and −1,313
    rows = [
        [*PROPOSALS[0][:4], "år 1", "år 2", "år 3"],
        ["spar", "besparelse", "Spar", "Administration", "0,518", "1,050", "1,313"],
        *[row[:7] for row in PROPOSALS[2:]],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "Forslag!F2" not in text, text
    assert load_deck(tmp_path / "dæk").proposal("spar").effect == (0.518, 1.05, 1.313)


def test_a_comma_before_three_digits_without_a_row_to_judge_by_is_read_danish_and_said(
    capsys, tmp_path
):
    # in mio. kr. "-1,250" the English way is 1.250 mio. kr., beyond any card: the Danish
    # way for sure, without a word (a Danish office's "-1,050" got a warning per cell)
    events = [["id", "titel", "år 1"], ["udligning", "Udligningen falder", "-1,250"]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(events=events))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "Hændelser!C2" not in text, text
    assert load_deck(tmp_path / "dæk").event("udligning").effect == (-1.25,)
    # "1,000" the English way is 1.000 mio. kr., just within the limit: read the Danish way,
    # and said
    events = [["id", "titel", "år 1"], ["udligning", "Udligningen falder", "-1,000"]]
    path = write_book(tmp_path / "tusind.xlsx", sheets(events=events))
    code, text = run_import(capsys, path, out=tmp_path / "tusind")
    assert code == 0, text
    assert (
        f"{path}:Hændelser!C2: advarsel: '-1,000' er læst som −1 mio. kr. (dansk "
        "decimalkomma); menes −1.000 (engelsk tusindtalskomma), så skriv −1000"
    ) in text


def test_an_amount_with_its_unit_in_the_cell_is_converted_to_the_catalogues_unit(capsys, tmp_path):
    # Before: "−500 t.kr." in a catalogue in mio. kr. was refused ("skriv kun tallet"), so the
    # budget office had to retype every cell that carried its unit.
    rows = [
        PROPOSALS[0],
        ["spar", "besparelse", "Spar på kontoret", "Administration", "500 t.kr.", None, None, "T"],
        ["eff", "effektivisering", "Ny vagtplan", "Ældre", "−500 t. kr.", "2 mio.", 4, None],
        ["inv", "investering", "Forebyggelse", "Sundhed", "(3.000) tkr", 1, "6 mio. kr.", None],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    deck = load_deck(tmp_path / "dæk")
    assert deck.proposal("spar").effect == (0.5,)
    assert deck.proposal("eff").effect == (-0.5, 2, 4)
    assert deck.proposal("inv").effect == (-3, 1, 6)
    # said once, at the first converted cell, with how it was read; cells already in the
    # catalogue's unit ("2 mio.", "6 mio. kr.") are not converted and not named
    assert (
        f"{path}:Forslag!E2: bemærk: 3 beløb har enheden skrevet i cellen og er omregnet til "
        "katalogets enhed: '500 t.kr.' er læst som 0,5 mio. kr., og det samme gælder "
        "Forslag!E3, Forslag!E4"
    ) in text


def test_a_target_and_an_amount_in_mio_kr_are_converted_in_a_catalogue_in_t_kr(capsys, tmp_path):
    rows = [PROPOSALS[0], *[[*row[:4], 1000, 2000, 4000, None] for row in PROPOSALS[1:]]]
    rows[1][4] = "1,2 mio. kr."
    scenarios = [SCENARIOS[0], ["tre-aar", "Tre år", "2027; 2028; 2029", "1000; 2 mio. kr.; 3000"]]
    path = write_book(
        tmp_path / "katalog.xlsx",
        sheets(proposals=rows, about=_in_thousands(), scenarios=scenarios),
    )
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    deck = load_deck(tmp_path / "dæk")
    assert deck.proposal("spar").effect[0] == 1200
    assert deck.scenarios[0].target == (1000, 2000, 3000)
    assert "'1,2 mio. kr.' er læst som 1.200 t. kr., og det samme gælder Scenarier!D2" in text


def test_targets_each_with_their_unit_are_converted_and_said_as_the_list_they_are(capsys, tmp_path):
    # Before: a targets cell with a unit on every target, the first converted cell of the
    # workbook, ended the import in a traceback ("float() argument must be … not 'list'").
    rows = [PROPOSALS[0], *[[*row[:4], 1000, 2000, 4000, None] for row in PROPOSALS[1:]]]
    targets = "1,2 mio.; 4 mio.; 500 t. kr."
    scenarios = [SCENARIOS[0], ["tre-aar", "Tre år", "2027; 2028; 2029", targets]]
    path = write_book(
        tmp_path / "katalog.xlsx",
        sheets(proposals=rows, about=_in_thousands(), scenarios=scenarios),
    )
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert load_deck(tmp_path / "dæk").scenarios[0].target == (1200, 4000, 500)
    assert (
        f"{path}:Scenarier!D2: bemærk: et beløb har enheden skrevet i cellen og er omregnet til "
        f"katalogets enhed: '{targets}' er læst som 1.200; 4.000; 500 t. kr."
    ) in text


def test_a_unit_in_a_cell_is_refused_when_the_catalogues_own_unit_is_unknown(capsys, tmp_path):
    about = [list(row) for row in ABOUT]
    about[3] = ["enhed", "point"]
    rows = [list(row) for row in PROPOSALS]
    rows[1][4] = "500 t. kr."
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, about=about))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code != 0
    assert (
        f"{path}:Forslag!E2: 'år 1': '500 t. kr.' har enheden skrevet i cellen, men katalogets "
        "enhed 'point' kendes ikke, så beløbet kan ikke omregnes"
    ) in text
    assert not (tmp_path / "dæk").exists()


def test_anlaeg_typed_in_t_kr_in_a_catalogue_in_mio_kr_is_said_at_its_cell(capsys, tmp_path):
    # Before: "'inv' har anlæg 400 mio. kr., men scenariet … har en anlægsramme på 8 mio. kr."
    # at the scenario's Scenarier!E2, without a word of t. kr.
    rows = [[*row, None] for row in PROPOSALS]
    rows[0][-1] = "anlæg"
    rows[3][-1] = 400
    rows[2][-1] = 12  # over the ramme, but not a thousand times: no unit is guessed
    scenarios = [[*SCENARIOS[0], "anlægsramme"], [*SCENARIOS[1], 8]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, scenarios=scenarios))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        f"{path}:Forslag!I4: advarsel: 'inv' har anlæg 400 mio. kr., men scenariet 'tre-aar' har "
        "en anlægsramme på 8 mio. kr.: er anlægget skrevet i t. kr.? 400 t. kr. er 0,4 mio. kr.; "
        "så skriv 0,4."
    ) in text
    assert (
        f"{path}:Forslag!I3: advarsel: 'eff' har anlæg 12 mio. kr., men scenariet 'tre-aar' har "
        "en anlægsramme på 8 mio. kr.; kortet kan aldrig vedtages dér"
    ) in text
    assert "Scenarier!E2: advarsel" not in text, text


def test_the_accountants_division_sign_minus_is_read_as_minus_wherever_amounts_are_text(
    capsys, tmp_path
):
    # before: "÷2" was refused as "er ikke et tal" with no advice
    rows = [
        ["id", "slags", "titel", "område", "år 1", "år 2", "år 3"],
        ["spar", "besparelse", "Spar på kontoret", "Administration", 3, None, None],
        ["eff", "effektivisering", "Ny vagtplan", "Ældre", "÷1", "÷ 0,5", "2"],
        ["inv", "investering", "Forebyggelse", "Sundhed", "÷3,5", "÷500 t. kr.", 6],
    ]
    events = [["id", "titel", "år 1"], ["udligning", "Udligningen falder", "÷2"]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, events=events))
    out = tmp_path / "dæk"
    code, text = run_import(capsys, path, out=out)
    assert "er ikke et tal" not in text
    assert code == 0, text
    deck = load_deck(out)
    assert deck.proposal("eff").effect == (-1, -0.5, 2)
    assert deck.proposal("inv").effect == (-3.5, -0.5, 6)
    assert deck.event("udligning").effect == (-2,)


def test_english_thousands_in_a_catalogue_in_t_kr_stop_the_import_without_a_row_to_judge_by(
    capsys, tmp_path
):
    # a budget office's English Excel wrote "1,200" and "-3,000; 3,000; 4,500" in t. kr.: every
    # amount of the row reads two ways, and each became 1.000 times too small with only a
    # warning, though 1,2 t. kr. (1.200 kr.) is no budget proposal
    path = write_book(
        tmp_path / "katalog.xlsx", _row_in_thousands("-3,000", "1,200", "3,000", "4,500")
    )
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{path}:Forslag!E2: '-3,000' kan læses på to måder: med dansk decimalkomma er det "
        "−3 t. kr., med engelsk tusindtalskomma −3.000 t. kr. – og i et katalog i t. kr. er "
        "−3 t. kr. næppe ment; skriv −3000, hvis det er ment, og ellers −3 – helst som et tal, "
        "ikke som tekst. Det samme gælder 3 beløb mere (F2, G2, H2)"
    ) in text
    assert not (tmp_path / "dæk").exists()


def test_a_blank_unit_is_said_with_what_the_amounts_were_read_as(capsys, tmp_path):
    # a t. kr. catalogue of small amounts (15-225) with 'enhed' left empty was read as
    # mio. kr. with an OK: cards of 85 mio. kr., a target a thousand times too large
    about = [list(row) for row in ABOUT]
    about[3] = ["enhed", None]
    path = write_book(tmp_path / "katalog.xlsx", sheets(about=about))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert (
        # at the cell where the unit is written (it named no cell)
        f"{path}:Om kataloget!B4: advarsel: 'enhed' er ikke udfyldt på 'Om kataloget', så alle "
        "beløb er læst som mio. kr.; står de i t. kr., så skriv t. kr. i 'enhed'"
    ) in text
    path = write_book(tmp_path / "med.xlsx", sheets())
    code, text = run_import(capsys, path, out=tmp_path / "dæk2")
    assert code == 0 and "'enhed' er ikke udfyldt" not in text, text


def test_a_minus_inside_an_accountants_brackets_is_refused_at_its_cell(capsys, tmp_path):
    # before: "(-300)" was read as +300 (the brackets' minus undid the typed one), and an
    # investment of "(-1.000); (-500); 1.000" lost its cost with the import saying OK
    rows = [
        ["id", "slags", "titel", "område", "år 1", "år 2", "år 3"],
        ["spar", "besparelse", "Spar på kontoret", "Administration", "(300)", None, None],
        ["eff", "effektivisering", "Ny vagtplan", "Ældre", "(−1,5)", "(÷0,5)", "2"],
        ["inv", "investering", "Forebyggelse", "Sundhed", "(-3,5)", "( – 1 )", 6],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    for cell, typed, minus in (
        ("E3", "(−1,5)", "−1,5"),
        ("F3", "(÷0,5)", "−0,5"),
        ("E4", "(-3,5)", "−3,5"),
        ("F4", "( – 1 )", "−1"),
    ):
        assert (
            f"{path}:Forslag!{cell}: '{'år 1' if cell[0] == 'E' else 'år 2'}' skal være et tal: "
            f"'{typed}' har både en parentes og et minus"
        ) in text, text
        assert f"skriv {minus} eller (" in text
    assert "Forslag!E2" not in text  # "(300)" alone is the accountant's −300


def test_a_service_cell_is_read_like_every_other_number_cell(capsys, tmp_path):
    # before: the budget table's "-" for no change, and "2-" from the finance system, were
    # told "'service' skal være et helt tal fra −5 til 5, ikke '-'" on a service cell only,
    # while the same cells under 'træthed', 'usikkerhed' or 'år 2' were read
    rows = [
        ["id", "slags", "titel", "område", "år 1", "service"],
        ["spar", "besparelse", "Spar på kontoret", "Administration", 1, "2-"],
        ["eff", "effektivisering", "Ny vagtplan", "Ældre", 2, "-"],
        ["inv", "investering", "Forebyggelse", "Sundhed", -1, 1],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code in (0, 1), text
    deck = load_deck(tmp_path / "dæk")
    assert deck.proposal("spar").service == -2
    assert deck.proposal("eff").service == 0
    assert f"{path}:Forslag!F2: bemærk: '2-' har minus efter tallet" in text

    rows[2][5] = "Lav"  # a word is still never guessed
    path = write_book(tmp_path / "ord.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "ord")
    assert code == 2
    assert f"{path}:Forslag!F3: 'service' skal være et helt tal fra −5 til 5, ikke 'Lav'" in text
