"""One pair of functions writes and reads amounts for the window, the command line and the
reports: what is written reads back as the value shown, in Danish and in English; what a
person types is read the obvious way or refused with a message, never guessed; a value next
to its target never looks like a hit when it is a miss."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from game.numbers import (
    AmountError,
    amount_decimals,
    format_against,
    format_amount,
    format_gap,
    format_pair,
    format_target,
    in_unit,
    parse_amount,
    round_half_away,
    split_unit,
)

AMOUNTS = st.floats(min_value=-1_000_000, max_value=1_000_000, allow_nan=False)
"""Every amount the game can show: card effects (±1000), sums of them, targets (≤100,000)."""


@settings(max_examples=400, derandomize=True, deadline=None)
@given(value=AMOUNTS, lang=st.sampled_from(["da", "en"]), sign=st.booleans())
@example(value=1200.0, lang="da", sign=False)  # "1.200": the target field's old misreading
@example(value=1200.0, lang="en", sign=False)
@example(value=0.518, lang="da", sign=False)
@example(value=-1234.5, lang="da", sign=True)
@example(value=999.96, lang="da", sign=False)  # rounds up to "1.000"
def test_parsing_the_formatted_text_gives_the_shown_value_back(value, lang, sign):
    text = format_amount(value, lang, sign=sign)
    decimals = amount_decimals(value)
    assert parse_amount(text, lang) == pytest.approx(round_half_away(value, decimals), abs=1e-9)
    assert abs(parse_amount(text, lang) - value) <= 0.5 * 10**-decimals + 1e-9


@settings(max_examples=200, derandomize=True, deadline=None)
@given(value=AMOUNTS, lang=st.sampled_from(["da", "en"]), decimals=st.integers(0, 6))
def test_round_trip_holds_for_every_number_of_decimals(value, lang, decimals):
    text = format_amount(value, lang, decimals)
    assert parse_amount(text, lang) == pytest.approx(round_half_away(value, decimals), abs=1e-9)


READ = [
    # (text, lang, value): what the formatter writes and what people type
    ("1.234,5", "da", 1234.5),
    ("1,234.5", "en", 1234.5),
    ("47,5", "da", 47.5),
    ("47.5", "da", 47.5),  # a lone dot not followed by three digits can only be a decimal point
    ("47,5", "en", 47.5),
    ("1200", "da", 1200),
    ("1.200", "da", 1200),  # what the start screen pre-fills for 1200
    ("1,200", "da", 1.2),  # one comma is always the Danish decimal comma
    ("1,200", "en", 1200),
    ("1.200", "en", 1.2),
    ("1.20", "da", 1.2),  # two digits: not a thousands group
    ("0.518", "da", 0.518),  # a thousands group never follows a lone 0
    ("0,518", "en", 0.518),
    ("1.234.567", "da", 1234567),
    ("1 200", "da", 1200),
    ("1\u00a0200,5", "da", 1200.5),  # a non-breaking space between thousands (Excel, Word)
    ("1,234.5", "da", 1234.5),  # both marks: the last one is the decimal sign
    ("−1.234,5", "da", -1234.5),  # the minus sign format_amount writes
    ("–5", "da", -5),  # an en dash, as word processors write a minus
    ("+5", "da", 5),
    (",5", "da", 0.5),
    ("5,", "da", 5),
    (" 12,5 ", "da", 12.5),
]


@pytest.mark.parametrize(("text", "lang", "value"), READ)
def test_typed_amounts_are_read_the_obvious_way(text, lang, value):
    assert parse_amount(text, lang) == value


REFUSED = [
    ("", "da", "skriv et tal"),
    ("1,2,3", "da", "'1,2,3' kan ikke læses som ét tal"),
    ("1.2.3", "da", "kan ikke læses som ét tal"),
    ("12.34,5", "da", "kan ikke læses som ét tal"),  # the thousands groups are wrong
    ("1.234,5,6", "da", "kan ikke læses som ét tal"),
    ("1 234.567", "da", "kan ikke læses som ét tal"),  # spaces and a thousands dot
    ("1  200", "da", "kan ikke læses som ét tal"),
    ("1e3", "da", "'1e3' er skrevet med eksponent"),
    ("5 %", "da", "'5 %' har et procenttegn"),
    ("47,5 mio. kr.", "da", "indeholder andet end tallet"),
    ("0x10", "da", "indeholder andet end tallet"),
    ("nan", "da", "'nan' er ikke et tal"),
    ("inf", "da", "'inf' er ikke et tal"),
    ("--5", "da", "er ikke et tal"),
    ("-", "da", "'-' er ikke et tal"),
    ("−", "en", "'−' is not a number"),
    ("9" * 400, "da", "er for stort et tal"),
    ("1,2,3", "en", "'1,2,3' cannot be read as one number"),
    ("", "en", "enter a number"),
]


@pytest.mark.parametrize(("text", "lang", "message"), REFUSED)
def test_unclear_input_is_refused_with_a_message_in_the_language(text, lang, message):
    with pytest.raises(AmountError) as error:
        parse_amount(text, lang)
    assert message in str(error.value)
    assert "\n" not in str(error.value) and len(str(error.value)) < 200


def test_amounts_keep_one_decimal_and_a_small_one_is_never_shown_as_0():
    # one decimal, as a finance consultant writes mio. kr. (before: "0,833", "0,518")
    assert format_amount(0.518) == "0,5"
    assert format_amount(0.833, "en") == "0.8"
    assert format_amount(0.05) == "0,05"  # one decimal would show it as 0
    assert format_amount(-0.04) == "−0,04"
    assert format_amount(0.30000000000000004) == "0,3"
    assert format_amount(12.345) == "12,3"  # larger amounts keep one decimal
    assert format_amount(99.94) == "99,9"
    # from 100 up no decimals: a t. kr. deck's "845" and "4.774", not "844,8" and "4.774,2"
    # (before, amounts from 100 to 999 kept one: "faktisk 844,8 t. kr.")
    assert format_amount(844.8, "da") == "845"
    assert format_amount(4774.2, "da") == "4.774"  # a t. kr. amount as a budget writes it
    assert format_amount(-4774.6, "en") == "−4,775"
    assert format_amount(2.5, decimals=0) == "3"  # a half away from zero, as a ledger rounds


def test_a_near_miss_is_never_shown_as_a_hit():
    assert format_amount(35.98) == "36"  # on its own the value rounds to the target …
    assert format_pair(35.98, 36) == ("35,98", "36")  # … next to it, the miss shows
    assert format_gap(35.98, 36) == "0,02"  # not "der mangler 0 mio. kr."
    assert format_gap(35.9996, 36) == "0,0004"
    assert format_against(36.0, 36) == "36"
    assert format_against(36 - 1e-12, 36) == "36"  # met within the engine's tolerance
    assert format_against(35.98, 36, met=True) == "36"  # the verdict decides when given
    assert format_gap(37, 36) == "0"


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    target=st.floats(min_value=0, max_value=100_000),
    shortfall=st.floats(min_value=2e-9, max_value=50),
    lang=st.sampled_from(["da", "en"]),
)
def test_what_is_shown_agrees_with_the_verdict(target, shortfall, lang):
    value = target - shortfall
    if value >= target - 1e-9:  # float rounding made it a hit after all
        return
    shown_value, shown_target = format_pair(value, target, lang)
    assert parse_amount(shown_value, lang) < parse_amount(shown_target, lang)
    gap = parse_amount(format_gap(value, target, lang), lang)
    assert gap > 0  # never "der mangler 0"
    assert abs(gap - shortfall) <= 0.05 + 1e-9
    hit_value, hit_target = format_pair(target + shortfall, target, lang)
    assert parse_amount(hit_value, lang) >= parse_amount(hit_target, lang)


def test_a_half_percent_is_rounded_up():
    # 1 of 8 tables won: 12,5 % is "13 %" (Python's round gave "12 %")
    from game.numbers import format_percent

    assert format_percent(1 / 8) == "13 %" and format_percent(3 / 8, "en") == "38%"
    assert format_percent(0.125 - 1e-9) == "12 %"


def test_a_deck_in_t_kr_reads_in_english_as_thousands_of_kroner():
    # before, English pages of a t. kr. deck said "800/1,600/2,500 t. kr."
    from game.messages import unit_words

    assert unit_words("t. kr.", "en") == unit_words("tkr", "en") == "DKK '000"
    assert unit_words("t. kr.", "da") == "t. kr."
    assert unit_words("mio. kr.", "en") == "m DKK"
    assert unit_words("borgere", "en") == "borgere"  # a unit the game does not know: as written


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("−500 t. kr.", ("−500", "t. kr.")),
        ("-500t.kr.", ("-500", "t.kr.")),
        ("1,5 mio.", ("1,5", "mio.")),
        ("(200) TKR", ("(200)", "TKR")),
        ("1.500 kr.", ("1.500", "kr.")),
        # a word that is not a unit, or nothing after the number: left for the number's message
        ("1,5 ca.", ("1,5 ca.", None)),
        ("ca. 1,5", ("ca. 1,5", None)),
        ("1,5", ("1,5", None)),
        ("20 %", ("20 %", None)),
    ],
)
def test_split_unit_takes_only_a_known_unit_after_the_number(text, expected):
    assert split_unit(text) == expected


def test_in_unit_converts_between_units_without_float_noise():
    assert in_unit(-500, "t. kr.", "mio. kr.") == -0.5
    assert in_unit(2.01, "mio. kr.", "t. kr.") == 2010  # 2.01 * 1000 is 2009.9999999999998
    assert in_unit(2, "mia. kr.", "mio. kr.") == 2000
    assert in_unit(1500, "kr.", "t. kr.") == 1.5


@pytest.mark.parametrize(
    ("value", "decimals", "shown"),
    [
        (-250.5, 0, "−251"),  # a printed card said +250 for −250,5 t. kr. (banker's rounding)
        (-1234.5, 0, "−1.235"),
        (2.5, 0, "3"),
        (3.5, 0, "4"),
        (2.675, 2, "2,68"),  # as written, not as the float nearest to it rounds
        (0.05, 1, "0,1"),
    ],
)
def test_a_half_is_rounded_away_from_zero_as_a_budget_table_rounds(value, decimals, shown):
    assert format_amount(value, "da", decimals) == shown


def test_an_outcome_is_written_with_the_decimals_that_give_its_percentage():
    # a year reveal said "ventet 0,5, faktisk 0,6 … 117 % af det forventede": 0,6 is 120 %
    from game.numbers import format_percent, format_share_of

    assert format_share_of(0.585, 0.5, 1.17) == "0,585"
    assert format_share_of(7.02, 6, 1.17) == "7"  # 7 of 6 is already 117 %
    assert format_share_of(0.46, 0.5, 0.92, places=2) == "0,46"  # never fewer than asked
    assert format_share_of(0.585, 0.5, 1.17, "en") == "0.585"
    for face, factor in ((0.5, 1.17), (2.5, 0.83), (13.5, 1.234), (0.3, 0.61)):
        shown = format_share_of(face * factor, face, factor)
        assert format_percent(float(shown.replace(",", ".")) / face) == format_percent(factor)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (5.51, "5,51"),
        (1.65, "1,65"),
        (12.67, "12,67"),
        (3.0, "3"),
        (3.3, "3,3"),
        (1653.85, "1.653,85"),
        (49.0, "49"),
        (0.05, "0,05"),
    ],
)
def test_a_target_is_written_with_the_decimals_it_has(value, shown):
    # a target rounded to one decimal (5,51 as "5,5") let a paper table tick a missed year
    assert format_target(value) == shown
    assert parse_amount(shown) == value


def test_a_revealed_factor_reads_as_100_percent_only_when_it_is_1() -> None:
    # a year lost by 0,001 mio. kr. said that the card that lost it gave "100 %"
    from game.numbers import format_factor

    assert format_factor(1.0) == "100 %"
    assert format_factor(0.998689) == "99,9 %"
    assert format_factor(1.0004, "en") == "100.04%"
    assert format_factor(1.17) == "117 %" and format_factor(0.0) == "0 %"
    assert format_factor(0.9999) == "99,99 %"


def test_the_hyphens_word_pastes_are_read_as_minus():
    # "‑500" (a non-breaking hyphen from Word) was "er ikke et tal", with the sign unseen
    from game.numbers import parse_amount

    assert parse_amount("\u2011500") == -500
    assert parse_amount("\u20121,5") == -1.5
