"""Numbers in decks: a number YAML (1.1) or a Danish author could read two ways is refused
at its line, with both readings and how to write it; the obvious ones are read as meant."""

from __future__ import annotations

import pytest

from game.content import DeckError, load_sources
from tests.content.test_loader import _good_body

EFFECT_LINE = 10  # the first card's "effect: [2]" in _good_body()


def _load_with_effect(effect: str):
    return load_sources([("deck.yaml", _good_body().replace("effect: [2]", effect, 1))])


def _problems_with_effect(effect: str) -> list[str]:
    with pytest.raises(DeckError) as error:
        _load_with_effect(effect)
    return [str(p) for p in error.value.problems]


REFUSED = [
    # (what the author wrote, fragments of the one message at the effect's line)
    # -- from the issue --
    ("effect: [2,5]", ["'2,5' læser YAML som to tal (2 og 5)", "skriv 2.5", "2, 5"]),
    # "7 mio. kr." alone became 7000 in a deck in t. kr.: the amount was 0,7 mio. kr.
    (
        "effect: [0,7 mio. kr.]",
        ["'0,7 mio. kr.' læser YAML som et tal og en tekst", "700 i t. kr."],
    ),
    ("effect: [1, 2,5 t. kr.]", ["'2,5 t. kr.'", "0.0025 i mio. kr. eller 2.5 i t. kr."]),
    ("effect: [1.000]", ["som 1 (punktum som decimaltegn", "som 1000 (punktum mellem", "1000"]),
    ("effect: [05]", ["'05' har et nul foran", "oktaltal", "Skriv 5 uden nul foran"]),
    ("effect: [010]", ["'010' har et nul foran", "oktaltal: 8, ikke 10", "Skriv 10"]),
    ("effect: [012]", ["oktaltal: 10, ikke 12", "Skriv 12"]),
    ("effect: [1:30]", ["'1:30' læser YAML som 90", "tresstalssystemet", "anførselstegn"]),
    ("effect: [12.500]", ["som 12,5", "som 12500", "skriv 12.5 (= 12,5) eller 12500"]),
    # -- the same kinds, as Danish authors also write them --
    ("effect: [-1.500]", ["som -1,5", "som -1500", "skriv -1.5 (= -1,5) eller -1500"]),
    ("effect: [1.125]", ["som 1,125", "som 1125", "skriv 1.1250 (= 1,125) eller 1125"]),
    ("effect: [1.000,5]", ["'1.000,5' læser YAML som to tal", "skriv 1000.5 (= 1000,5)"]),
    ("effect: [1,000]", ["'1,000' læser YAML som to tal", "skriv 1 eller 1000", "1, 0"]),
    ("effect: [1,5,2]", ["tre tal (1, 5 og 2)", "mellemrum efter kommaerne: 1, 5, 2"]),
    # the minus of a negative decimal below 1 was dropped from the two numbers: "0, 5"
    ("effect: [-0,5]", ["'-0,5' læser YAML som to tal (-0 og 5)", "skriv -0.5", "kommaet: -0, 5"]),
    ("effect: [12,5 ]", ["'12,5' læser YAML som to tal"]),
    ("effect: [-05]", ["'-05' har et nul foran", "Skriv -5"]),
    ("effect: [00]", ["'00' har et nul foran", "Skriv 0"]),
    ("effect: [09]", ["'09' har et nul foran, og derfor læser YAML det som tekst", "Skriv 9"]),
    ("effect: [1:30:00]", ["læser YAML som 5400"]),
    ("effect: [1 500]", ["'1 500' er skrevet med mellemrum mellem tusinder", "Skriv 1500"]),
    ("effect: ['12,5']", ["'effect (nr. 1)' skal være et tal", "decimalkomma", "Skriv 12.5"]),
    ("effect: [1.000.000]", ["punktum mellem tusinder", "Skriv 1000000"]),
    ("effect: [−5]", ["typografisk minus", "Skriv -5"]),
    ("effect: [–1,5]", ["læser YAML som to tal (–1 og 5)", "skriv -1.5", "kommaet: -1, 5"]),
    ("effect: [-.5]", ["uden ciffer før punktummet", "Skriv -0.5"]),
    ("effect: [1e3]", ["'1e3' er skrevet med eksponent", "Skriv 1000"]),
    # "1e308" was told to write out a number of 309 digits
    ("effect: [1e308]", ["'1e308' er skrevet med eksponent og er langt større end noget tal"]),
    ("effect: [0x10]", ["sekstentalssystemet", "Skriv 16"]),
    ("effect: [0o10]", ["ikke skrevet i titalssystemet", "Skriv 8"]),
    ("effect: [0b101]", ["totalssystemet", "Skriv 5"]),
    ("effect: [1_000]", ["understregning", "YAML 1.1 læser det som 1000", "Skriv 1000"]),
    ("effect: [5 mio. kr.]", ["indeholder mere end tallet", "skriv kun tallet, 5"]),
    ("effect: [.inf]", ["'effect (nr. 1)' skal være et tal, ikke inf", "uendelig"]),
    ("effect: [~]", ["'effect (nr. 1)' skal være et tal, ikke tom"]),
    ("effect: 1,5", ["'effect' skal være en liste", "skriv [1.5], hvis det er ét tal", "[1, 5]"]),
    ("effect: {a: 1,5}", ["'1,5' læser YAML som to tal"]),
]


@pytest.mark.parametrize(("effect", "fragments"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_number_that_can_be_read_two_ways_is_refused_at_its_line(effect, fragments):
    problems = _problems_with_effect(effect)
    first = problems[0]
    assert first.startswith(f"deck.yaml:{EFFECT_LINE}: "), problems
    for fragment in fragments:
        assert fragment in first, (fragment, first)
    assert "\n" not in first


def test_a_share_written_with_a_huge_exponent_is_not_called_an_amount():
    # "uncertainty: 1e308" was told "langt over, hvad et beløb kan være", "1e3" "Skriv 1000"
    for written in ("1e308", "1e3", "-1e308"):
        problems = _problems_with_effect(f"effect: [2]\n    uncertainty: {written}")
        assert any(
            f"'{written}' er skrevet med eksponent og er ingen andel fra 0 til 1" in p
            and "fx 0.2 for 20 %" in p
            for p in problems
        ), problems


def test_the_issues_two_decimal_amounts_give_one_message_each():
    problems = _problems_with_effect("effect: [1,5, 2,5]")
    assert [p.split(": ", 1)[1][:8] for p in problems] == ["'1,5' læ", "'2,5' læ"]
    assert all(p.startswith("deck.yaml:10: ") for p in problems)


def test_the_issues_octal_list_names_every_misread_number():
    problems = _problems_with_effect("effect: [-10, 05, 010, 012]")
    assert [p.split("'")[1] for p in problems] == ["05", "010", "012"]


ACCEPTED = [
    ("effect: [0.518]", (0.518,)),  # Norddjurs writes 0,518 mio. kr.
    ("effect: [-0.518, 1]", (-0.518, 1.0)),  # (a saving that only cost would be refused)
    ("effect: [1.1250]", (1.125,)),  # how to write 1,125: the fourth decimal makes it clear
    ("effect: [1.5, 2.5]", (1.5, 2.5)),
    ("effect: [1, 5]", (1.0, 5.0)),
    ("effect: [+5]", (5.0,)),
    ("effect: [5.]", (5.0,)),
    ("effect: [.5]", (0.5,)),
    ("effect: [0]", (0.0,)),
    ("effect: [12.50]", (12.5,)),
    ("effect: [1.5e+2]", (150.0,)),  # read as 150 by every YAML version
    ("effect:\n      - 1.5\n      - 2", (1.5, 2.0)),
]


@pytest.mark.parametrize(("effect", "expected"), ACCEPTED, ids=[a[0] for a in ACCEPTED])
def test_numbers_with_one_obvious_reading_are_read_as_meant(effect, expected):
    assert _load_with_effect(effect).proposals[0].effect == expected


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("target: 1.200", "'1.200' kan læses på to måder: som 1,2"),
        ("target: 12,5", "'target' skal være et tal: '12,5' er skrevet med decimalkomma"),
        ("target: 1,000", "'1,000' kan læses som 1 (dansk) eller 1000 (engelsk)"),
        ("target: [1, 1.000]", "som 1000 (punktum mellem tusinder"),
    ],
)
def test_a_target_written_the_danish_way_is_one_clear_problem(line, fragment):
    with pytest.raises(DeckError) as error:
        load_sources([("deck.yaml", _good_body().replace("target: 1", line))])
    problems = [str(p) for p in error.value.problems]
    assert len(problems) == 1 and problems[0].startswith("deck.yaml:25: "), problems
    assert fragment in problems[0]


@pytest.mark.parametrize(
    ("field", "fragment"),
    [
        ("uncertainty: 20 %", "skriv andelen som et decimaltal: 0.2 for 20 %"),
        # the author's own number, not "fx 0.2 for 20 %" (trial: m_pct.yaml)
        (
            "failure: 10 %",
            "'failure' skal være et tal: '10 %' er skrevet i procent; skriv andelen som et "
            "decimaltal: 0.1 for 10 %",
        ),
        ("failure: 12,5 pct.", "skriv andelen som et decimaltal: 0.125 for 12,5 %"),
        ("failure: ca. 10 %", "'ca. 10 %' har et procenttegn; skriv andelen som et decimaltal, fx"),
        # a share above 1 is said as a percentage, as the import says it (trial: m_unc20.yaml)
        (
            "uncertainty: 20",
            "'uncertainty' må højst være 1, ikke 20: en andel ligger mellem 0 og 1; menes der "
            "20 %, så skriv 0.2",
        ),
        # the bound as YAML writes it (a consultant read "0,95" and YAML refuses a comma)
        ("failure: 10", "'failure' må højst være 0.95, ikke 10: en andel ligger mellem 0 og 1"),
        ("uncertainty: 150", "'uncertainty' må højst være 1, ikke 150"),
        ("uncertainty: 0,3", "Skriv 0.3"),
        # "Skriv 1.5" led to "må højst være 1" (an author's trial): said as a percentage
        (
            "uncertainty: 1,5",
            "'1,5' er skrevet med decimalkomma, og det læser YAML som tekst – og en andel ligger "
            "mellem 0 og 1; menes der 1,5 %, så skriv 0.015",
        ),
        ("uncertainty: .nan", "'uncertainty' skal være et tal, ikke nan"),
        ("load: 02", "'02' har et nul foran"),
        ("staff: 1.000", "'1.000' kan læses på to måder"),
    ],
)
def test_other_number_fields_follow_the_same_rules(field, fragment):
    text = _good_body().replace("    effect: [2]\n", f"    effect: [2]\n    {field}\n", 1)
    with pytest.raises(DeckError) as error:
        load_sources([("deck.yaml", text)])
    problems = [str(p) for p in error.value.problems]
    assert problems[0].startswith("deck.yaml:11: ") and fragment in problems[0], problems
    if field == "uncertainty: 150":
        assert "menes der" not in problems[0]  # 150 % is no share either


def test_a_percentage_in_english():
    text = _good_body().replace("    effect: [2]\n", "    effect: [2]\n    uncertainty: 20\n", 1)
    with pytest.raises(DeckError) as error:
        load_sources([("deck.yaml", text)])
    assert error.value.lines("en") == [
        "deck.yaml:11: 'uncertainty' must be at most 1, not 20: a share lies between 0 and 1; if "
        "20% is meant, write 0.2"
    ]


def test_a_year_label_with_a_leading_zero_is_not_silently_renumbered():
    text = _good_body().replace('years: ["2027", "2028"]', "years: [2027, 02030]")
    with pytest.raises(DeckError) as error:  # YAML 1.1 reads 02030 as 1048
        load_sources([("deck.yaml", text)])
    assert "'02030' har et nul foran, og tal med nul foran læser YAML som et oktaltal: 1048" in (
        str(error.value.problems[0])
    )


def test_an_amount_with_another_unit_is_told_in_the_decks_unit_wherever_the_header_stands():
    # Before: "1,5 mio. kr." in a deck in t. kr. was told "skriv kun tallet, 1.5" – followed,
    # the card would free 1,5 t. kr., a thousand times too little, without another word.
    body = _good_body()
    header, cards = body.split("proposals:", 1)
    header = header.replace("  schema_version: 1\n", '  schema_version: 1\n  unit: "t. kr."\n')
    cards = "proposals:" + cards.replace("effect: [2]", 'effect: ["1,5 mio. kr."]', 1)
    cards = cards.replace("effect: [2]", "effect: [2000]")
    # the cards' file is read before the header's, as decks/standard/ reads besparelser.yaml
    with pytest.raises(DeckError) as error:
        load_sources([("besparelser.yaml", cards), ("deck.yaml", header)])
    assert [str(p) for p in error.value.problems] == [
        "besparelser.yaml:6: 'effect (nr. 1)' skal være et tal: '1,5 mio. kr.' indeholder mere "
        "end tallet, og dækkets enhed er t. kr.; skriv kun tallet omregnet til t. kr., 1500"
    ]
    # in the deck's own unit, the number is only to be written without it
    with pytest.raises(DeckError) as error:
        load_sources(
            [("deck.yaml", _good_body().replace("effect: [2]", "effect: [2 mio. kr.]", 1))]
        )
    assert "skriv kun tallet, 2 (enheden står én gang" in str(error.value.problems[0])


def test_an_events_rounds_written_without_a_space_are_read_as_the_rounds(tmp_path):
    # "rounds: [2,3]" was refused as a possible decimal comma with the hint "skriv 2.3",
    # but rounds are whole numbers: it can only mean rounds 2 and 3
    import shutil

    from game.content import load_deck
    from game.paths import standard_deck

    deck = tmp_path / "kystby"
    shutil.copytree(standard_deck().parent / "kystby", deck)
    events = deck / "haendelser.yaml"
    text = events.read_text(encoding="utf-8")
    assert "rounds: [2, 3]" in text
    events.write_text(text.replace("rounds: [2, 3]", "rounds: [2,3]"), encoding="utf-8")
    original = load_deck(standard_deck().parent / "kystby")
    assert load_deck(deck).events == original.events
    # the same event's amount with a decimal comma is still asked about
    wrong = text.replace("effect: [-600]\n    rounds: [2, 3]", "effect: [-0,6]\n    rounds: [2,3]")
    assert wrong != text
    events.write_text(wrong, encoding="utf-8")
    from game.content import DeckError

    with pytest.raises(DeckError) as error:
        load_deck(deck)
    assert any("'-0,6' læser YAML som to tal" in str(p) for p in error.value.problems)


def test_a_unit_written_another_way_is_shown_the_usual_way_and_keeps_its_hash(capsys, tmp_path):
    # a budget office's deck wrote unit: "1.000 kr."; the game showed "mål 1.000/2.000 1.000 kr."
    def deck_with(unit: str):
        body = _good_body().replace(
            "  schema_version: 1\n", f'  schema_version: 1\n  unit: "{unit}"\n', 1
        )
        return load_sources([("deck.yaml", body)])

    written, usual = deck_with("1.000 kr."), deck_with("t. kr.")
    assert written.unit == usual.unit == "t. kr."
    assert written.unit_scale == usual.unit_scale == 1000
    # the hash is of the file's own word, so saves made before keep finding their deck
    assert written.content_hash != usual.content_hash
    assert deck_with("1.000 kr.").content_hash == written.content_hash

    from game.cli import main

    folder = tmp_path / "dæk"
    folder.mkdir()
    text = _good_body().replace("  schema_version: 1\n", '  schema_version: 1\n  unit: "Tkr"\n', 1)
    (folder / "deck.yaml").write_text(text, encoding="utf-8")
    assert main(["scenarios", str(folder)]) == 0
    shown = capsys.readouterr().out
    assert "t. kr." in shown and "Tkr" not in shown


def test_numbers_with_decimal_points_and_commas_between_them_are_read_as_a_list():
    # "effect: [0.5,1.5,2.5]" was refused as ambiguous, though every number has its decimal
    # point and the whole is no one number: it can only be three amounts
    deck = _load_with_effect("effect: [0.5,1.5,2.5]")
    assert any(p.effect == (0.5, 1.5, 2.5) for p in deck.proposals)
    # "[1.000,5]" can still be one Danish number (1000,5): asked about as before
    assert "'1.000,5' læser YAML som to tal" in _problems_with_effect("effect: [1.000,5]")[0]


@pytest.mark.parametrize(
    ("unit", "usual"),
    [
        ("m DKK", "mio. kr."),
        ("DKK m", "mio. kr."),
        ("DKKm", "mio. kr."),
        ("million DKK", "mio. kr."),
        ("DKK million", "mio. kr."),
        ("DKK millions", "mio. kr."),
        ("thousand DKK", "t. kr."),
        ("DKK thousand", "t. kr."),
        ("DKK '000", "t. kr."),
    ],
)
def test_a_unit_written_as_the_english_game_writes_it_is_known(capsys, tmp_path, unit, usual):
    # a trial: the English game shows amounts in "m DKK", but a deck with unit: "m DKK" was
    # warned "the unit 'm DKK' is not known, so the amounts are checked as mio. kr."
    from game.cli import main

    folder = tmp_path / "deck"
    folder.mkdir()
    body = _good_body().replace("  schema_version: 1\n", f'  schema_version: 1\n  unit: "{unit}"\n')
    (folder / "deck.yaml").write_text(body, encoding="utf-8")
    assert main(["--lang", "en", "validate", str(folder)]) == 0
    out = capsys.readouterr()
    assert "is not known" not in out.out + out.err, out
    assert load_sources([("deck.yaml", body)]).unit == usual
