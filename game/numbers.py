"""Amounts the Danish way (12,5 mio. kr.; 1.250) or the English way, for UI, CLI and reports.

One pair of functions writes and reads amounts everywhere: ``format_amount`` writes one,
``parse_amount`` reads back what it wrote and what people type. ``format_pair`` and
``format_gap`` write a value next to its target so that a miss never looks like a hit.

Reading rules (``parse_amount``), in Danish (``lang="da"``):

- comma is the decimal sign, dot (or a space) separates thousands: ``1.234,5``, ``47,5``,
  ``1 200``; one comma is always a decimal comma, so ``1,200`` is 1,2;
- a dot followed by groups of exactly three digits after a non-zero integer part separates
  thousands: ``1.200`` is 1200, ``1.234.567`` is 1234567;
- any other single dot can only be a decimal point and is read as one: ``47.5`` and ``1.20``
  are 47,5 and 1,2, ``0.518`` is 0,518 (a thousands group never follows a lone 0);
- with both a dot and a comma the last one is the decimal sign: ``1,234.5`` is 1234,5 too.

English (``lang="en"``) is the mirror image: dot for decimals, comma (or a space) between
thousands, ``1,200`` is 1200 and ``47,5`` is 47.5. Anything that is not one clear number
(``1,2,3``, ``1.2.3``, ``12.34,5``, ``1e3``, ``0x10``, ``5 %``, ``nan``) is refused with an
``AmountError`` that says how to write it. Signs: ``+``, ``-``, the minus sign ``−`` (which
``format_amount`` writes), the en dash ``–`` (which word processors make of a minus) and
the division sign ``÷``, a Danish accountant's minus (``÷2`` is −2). A dash after a comma
at the end (``1.250,-``, ``1.250,–``) is the Danish way of writing whole kroner – no øre – and
never a sign: ``1.250,-`` is 1250 and ``-2.000,-`` is −2000.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MET_TOLERANCE = 1e-9
"""A year's råderum meets its target when ``value >= target - MET_TOLERANCE`` (as the
engine decides it); the display functions use it only when they are not told the verdict."""

MAX_DECIMALS = 12
"""The most decimals any display function writes (a miss is at least ``MET_TOLERANCE``)."""

_SMALL_DECIMALS = 3
"""Decimals for amounts below 1: enough for three significant digits of 0,518, at most 3."""

_SPACES = " \u00a0\u202f\u2009\u2007"
_MINUS = "-\u2212\u2013\u00f7\u2011\u2012"
"""The signs read as minus: the hyphen, the true minus, the en dash, the accountant's ÷, and
the non-breaking hyphen and figure dash Word pastes ("‑500" was "ikke et tal")."""
_DIGITS = "0123456789"
_WHOLE_KRONER = re.compile(r"(?<=\d),[-\u2212\u2013\u2014]{1,2}$")
"""",-" (or ",–") after the last digit: whole kroner, no øre ("1.250,-"); never a sign."""


class AmountError(ValueError):
    """Text that is not one clear amount; ``str(error)`` says why, in the language asked."""

    def __init__(self, text: str, message: str, kind: str = "not_number") -> None:
        super().__init__(message)
        self.text = text
        self.message = message
        self.kind = kind
        """What is wrong ("empty", "not_number", "unclear", …), for wording it again."""

    def in_language(self, lang: str) -> str:
        """The same refusal worded for a reader of ``lang``."""
        return _refuse(self.text, lang, self.kind).message


WHOLE_FROM = 100.0
"""From this size on an amount is written without decimals."""


def amount_decimals(value: float, decimals: int | None = None) -> int:
    """The most decimals ``format_amount`` writes for ``value``: ``decimals`` when given,
    else 1, as a finance consultant writes mio. kr. ("0,8", "12,3"); none from 100 up (a
    t. kr. deck's "845" and "4.774", not "844,8" and "4.774,2"; 113 mio. kr. is precise
    enough); and for an amount that one decimal would show as 0,
    the first decimal place that shows it (0,04, not 0)."""
    if decimals is not None:
        return decimals
    magnitude = abs(float(value))
    if not math.isfinite(magnitude) or magnitude >= WHOLE_FROM:
        return 0
    if magnitude >= 1 or magnitude == 0:
        return 1
    leading = math.floor(math.log10(magnitude))  # -1 for 0.518, -2 for 0.05
    return max(1, min(_SMALL_DECIMALS, -leading))


def round_half_away(value: float, places: int) -> float:
    """``value`` to ``places`` decimals with a half rounded away from zero, as a budget table
    and a paper ledger round (2,5 is 3 and −1.234,5 is −1.235; Python's ``round`` gives 2 and
    −1.234). The number is taken as it is written (``repr``), so 2,675 is 2,68."""
    if not math.isfinite(value):
        return value
    step = Decimal(1).scaleb(-places)
    try:
        return float(Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_UP))
    except InvalidOperation:  # more digits than Decimal keeps (1e30 to 2 places): no half
        return round(float(value), places)


def column_places(values: Sequence[float]) -> int:
    """The decimals a column of amounts is written with so that it can add up: 1, or none
    when any of them is 100 or more (``WHOLE_FROM``, as ``format_amount`` writes it)."""
    largest = max((abs(v) for v in values if math.isfinite(v)), default=0.0)
    return 0 if largest >= WHOLE_FROM else 1


def format_amount(
    value: float, lang: str = "da", decimals: int | None = None, sign: bool = False
) -> str:
    """``value`` with at most ``amount_decimals(value, decimals)`` decimals, trailing zeros
    dropped: "1.234,5", "0,518", "−3" (Danish) or "1,234.5" (English). ``sign`` adds "+"."""
    places = amount_decimals(value, decimals)
    rounded = round_half_away(float(value), places)
    if rounded == 0:
        rounded = 0.0  # no "-0"
    text = f"{abs(rounded):,.{places}f}"
    if places:
        text = text.rstrip("0").rstrip(".")
    if lang == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if rounded < 0:
        text = "−" + text
    elif sign and rounded > 0:
        text = "+" + text
    return text


TARGET_DECIMALS = 2
"""A target is kept to two decimals (``rules.scaled_targets``) and written to as many as it has."""


def format_target(value: float, lang: str = "da") -> str:
    """A year's target as the game counts it: with the decimals it has, up to two ("5,51",
    "12,67", "3", "1.653,85"). Rounded to one decimal, 5,51 read as "5,5", and a paper table
    at 5,5 ticked a year the game counts as missed."""
    return format_exact(value, lang)


def format_exact(value: float, lang: str = "da", *, sign: bool = False) -> str:
    """``value`` with the decimals it has, up to two (``TARGET_DECIMALS``), as the game counts
    it: a target, or a printed card's amount that a paper table adds up on its ledger (a card
    of 0,95 printed as "+1" let a paper total pass a target the game counted as missed).
    ``sign`` adds "+"."""
    places = amount_decimals(value)
    while places < TARGET_DECIMALS and round_half_away(value, places) != round_half_away(
        value, TARGET_DECIMALS
    ):
        places += 1
    return format_amount(value, lang, places, sign=sign)


def pair_decimals(value: float, target: float, *, met: bool | None = None) -> int:
    """The decimals ``format_pair`` writes ``value`` and ``target`` with."""
    if met is None:
        met = value >= target - MET_TOLERANCE
    places = max(amount_decimals(value), amount_decimals(target))
    if not met:
        while places < MAX_DECIMALS and round_half_away(value, places) >= round_half_away(
            target, places
        ):
            places += 1
    return places


def format_pair(
    value: float, target: float, lang: str = "da", *, met: bool | None = None
) -> tuple[str, str]:
    """``value`` and ``target`` written with the same number of decimals, as many as it takes
    for a miss to look like one: 35,98 against 36 is ("35,98", "36"), never ("36", "36").

    ``met`` is the verdict (pass the engine's); without it ``value >= target -
    MET_TOLERANCE`` decides.
    """
    places = pair_decimals(value, target, met=met)
    return format_amount(value, lang, places), format_amount(target, lang, places)


def format_share_of(
    value: float, base: float, share: float, lang: str = "da", places: int = 0
) -> str:
    """``value`` with at least ``places`` decimals (``amount_decimals`` when fewer) and as
    many more as it takes for ``value`` ÷ ``base`` as written to give the percentage
    ``format_percent(share)`` shows beside it: a gain of 0,585 on a card's 0,5 is "0,585"
    next to "117 %", not "0,6" (which reads as 120 %)."""
    places = max(places, amount_decimals(value))
    target = format_percent(share, lang)
    while (
        places < MAX_DECIMALS
        and base != 0
        and format_percent(round_half_away(value, places) / base, lang) != target
    ):
        places += 1
    return format_amount(value, lang, places)


def format_against(
    value: float, target: float, lang: str = "da", *, met: bool | None = None
) -> str:
    """``value`` as ``format_pair`` writes it next to ``target``."""
    return format_pair(value, target, lang, met=met)[0]


def format_gap(value: float, target: float, lang: str = "da") -> str:
    """What is missing from ``value`` to ``target`` ("0" when nothing is), with as many
    decimals as it takes never to say that 0 is missing when something is: 0,02 or 0,0004."""
    gap = float(target) - float(value)
    if gap <= MET_TOLERANCE:
        return format_amount(0, lang)
    places = amount_decimals(gap)
    while places < MAX_DECIMALS and round_half_away(gap, places) <= 0:
        places += 1
    return format_amount(gap, lang, places)


def format_percent(share: float, lang: str = "da") -> str:
    """A share 0–1 as a whole percentage, a half rounded up (1 of 8 is "13 %", not Python's
    banker's "12 %"): "42 %" (Danish) or "42%" (English)."""
    value = math.floor(share * 100 + 0.5)
    return f"{value} %" if lang == "da" else f"{value}%"


def format_factor(factor: float, lang: str = "da") -> str:
    """A revealed hidden factor as a share of the card's amount, as ``format_percent`` writes
    it ("117 %") – but never "100 %" unless it is 1: one or two decimals then say how far
    from it ("99,9 %" for 0,9987; the year screen, the card and the report said 100 % of the
    card whose shortfall lost a year by 0,001 mio. kr.)."""
    if factor == 1 or math.floor(factor * 100 + 0.5) != 100:
        return format_percent(factor, lang)
    places = 1 if round_half_away(factor * 100, 1) != 100 else 2
    text = format_amount(round_half_away(factor * 100, places), lang, places)
    return f"{text} %" if lang == "da" else f"{text}%"


# --- reading ------------------------------------------------------------------------------


_MESSAGES = {
    "da": {
        "empty": "skriv et tal",
        "not_number": "'{text}' er ikke et tal",
        "exponent": "'{text}' er skrevet med eksponent; skriv tallet helt ud",
        "percent": "'{text}' har et procenttegn; skriv kun tallet",
        "unit": "'{text}' indeholder andet end tallet; skriv kun tallet, omregnet til "
        "enheden, som alle beløb har (1,5 mio. kr. er 1.500 i t. kr.)",
        "unclear": "'{text}' kan ikke læses som ét tal: skriv komma som decimaltegn og evt. "
        "punktum mellem tusinder, fx 1.234,5 eller 47,5",
        "too_big": "'{text}' er for stort et tal",
        "extra": "'{text}' indeholder andet end tallet; skriv kun tallet",
        "estimate": "'{text}' er ikke et tal; skriv kun tallet, {number} (et skøn er fint som tal)",
        "apostrophe": "{text} har en apostrof foran tallet (Excels mærke for tekst); slet "
        "apostroffen, så cellen er et tal",
    },
    "en": {
        "empty": "enter a number",
        "not_number": "'{text}' is not a number",
        "exponent": "'{text}' uses an exponent; write the number out",
        "percent": "'{text}' has a percent sign; write the number only",
        "unit": "'{text}' contains more than a number; write the number only, converted to "
        "the unit every amount has (1.5 m DKK is 1,500 in t. kr.)",
        "unclear": "'{text}' cannot be read as one number: write a point for decimals and "
        "no thousands separator, e.g. 1234.5 or 47.5",
        "too_big": "'{text}' is too large a number",
        "extra": "'{text}' contains more than a number; write the number only",
        "estimate": "'{text}' is not a number; write the number only, {number} (an estimate "
        "is fine as a number)",
        "apostrophe": "{text} has an apostrophe before the number (Excel's mark for text); "
        "delete the apostrophe so that the cell is a number",
    },
}
_EXPONENT = re.compile(r"^\d*[.,]?\d*[eE][+-]?\d+$")
_ESTIMATE = re.compile(
    r"(?:(?:ca\.?|cirka|omkring|approx\.?|about|~|≈)\s*[-−–+]?\s*\d[\d.,\s]*"
    r"|[-−–+]?\s*\d[\d.,\s]*?\s*(?:ca\.?|cirka|approx\.?))",
    re.IGNORECASE,
)
"""A number with a word that says it is an estimate, before or after it: "ca. -400",
"200 ca.", "~1,5"."""
_ESTIMATE_WORD = re.compile(r"ca\.?|cirka|omkring|approx\.?|about|~|≈", re.IGNORECASE)
"""The word itself (the number is what is left)."""


def _refuse(text: str, lang: str, kind: str) -> AmountError:
    messages = _MESSAGES.get(lang, _MESSAGES["da"])
    shown = text.strip()
    shown = shown if len(shown) <= 30 else shown[:29] + "…"
    number = " ".join(_ESTIMATE_WORD.sub(" ", text).split()) if kind == "estimate" else ""
    return AmountError(text, messages[kind].format(text=shown, number=number), kind)


def _grouped(part: str, separator: str) -> str | None:
    """The digits of an integer part written with ``separator`` between thousands, or None
    when the groups are not 1–3 digits (no leading 0 unless alone) followed by 3-digit groups."""
    groups = part.split(separator)
    first = groups[0]
    if not (1 <= len(first) <= 3) or (first[0] == "0") or not first.isdigit():
        return None
    if not all(len(g) == 3 and g.isdigit() for g in groups[1:]):
        return None
    return "".join(groups)


def parse_amount(text: str, lang: str = "da") -> float:
    """The amount written in ``text`` (see the module's reading rules); raises
    ``AmountError`` with a message in ``lang`` ("da" or "en") for anything else."""
    stripped = text.strip()
    if not stripped:
        raise _refuse(text, lang, "empty")
    if stripped[0] in "'’" and len(stripped) > 1:
        # "'-3.000": Excel's mark for a number kept as text, left in by an export
        try:
            parse_amount(stripped[1:], lang)
        except AmountError:
            pass
        else:
            raise _refuse(text, lang, "apostrophe")
    if _ESTIMATE.fullmatch(stripped):
        # "ca. -400", "200 ca.": an estimate said in words; the number alone says as much
        raise _refuse(text, lang, "estimate")
    body = whole_kroner(stripped)
    negative = False
    if body[0] in _MINUS or body[0] == "+":
        negative = body[0] in _MINUS
        body = body[1:]
    if not body:
        raise _refuse(text, lang, "not_number")
    if not all(c in _DIGITS or c in ".," or c in _SPACES for c in body):
        compact = "".join(c for c in body if c not in _SPACES)
        if _EXPONENT.match(compact) and any(c in _DIGITS for c in compact):
            raise _refuse(text, lang, "exponent")
        if "%" in body and any(c in _DIGITS for c in body):
            raise _refuse(text, lang, "percent")
        if body[0] in _DIGITS or body[0] in ".,":
            raise _refuse(text, lang, "unit")
        raise _refuse(text, lang, "not_number")
    if not any(c in _DIGITS for c in body) or body[0] in _SPACES or body[-1] in _SPACES:
        raise _refuse(text, lang, "unclear")
    digits = _digits(body, lang)
    if digits is None:
        raise _refuse(text, lang, "unclear")
    value = float(digits)
    if not math.isfinite(value):
        raise _refuse(text, lang, "too_big")
    return -value if negative and value else value


def whole_kroner(text: str) -> str:
    """``text`` without the ",-" (or ",–") that marks whole kroner after its last digit
    ("1.250,-" → "1.250"); any other text as it is."""
    return _WHOLE_KRONER.sub("", text.strip())


def _digits(body: str, lang: str) -> str | None:
    """``body`` (digits, separators and spaces) as a plain "1234.5", or None if unclear."""
    spaced = any(c in _SPACES for c in body)
    for space in _SPACES:
        body = body.replace(space, " ")
    dots, commas = body.count("."), body.count(",")
    decimal_mark = "," if lang == "da" else "."
    if dots and commas:
        decimal = "," if body.rfind(",") > body.rfind(".") else "."
        group = "." if decimal == "," else ","
        if body.count(decimal) != 1 or spaced:
            return None
    elif dots + commas == 0:
        decimal, group = "", " "
    else:
        mark = "." if dots else ","
        count = dots or commas
        if count > 1:
            decimal, group = "", mark
        elif mark == decimal_mark:
            decimal, group = mark, " "
        else:  # the language's thousands mark: thousands only where it can be nothing else
            head, _, tail = body.partition(mark)
            if len(tail) == 3 and tail.isdigit() and _grouped(head, " " if spaced else "\x00"):
                decimal, group = "", mark
            else:
                decimal, group = mark, " "
        if spaced and group != " ":
            return None
    whole, _, fraction = body.partition(decimal) if decimal else (body, "", "")
    if not fraction.isdigit() and fraction:
        return None
    if group in whole or (group == " " and " " in whole):
        joined = _grouped(whole, group)
        if joined is None:
            return None
        whole = joined
    elif whole and not whole.isdigit():
        return None
    if not whole and not fraction:
        return None
    return f"{whole or '0'}.{fraction or '0'}"


# --- units ----------------------------------------------------------------------------------


UNIT_SCALES: dict[str, float] = {
    "mio. kr.": 1.0,
    "mio.kr.": 1.0,
    "mio kr.": 1.0,
    "mia. kr.": 0.001,
    "t. kr.": 1_000.0,
    "t.kr.": 1_000.0,
    "tkr.": 1_000.0,
    "tkr": 1_000.0,
    "1.000 kr.": 1_000.0,
    "1000 kr.": 1_000.0,
    "tusind kr.": 1_000.0,
    "kr.": 1_000_000.0,
    "kr": 1_000_000.0,
    "mio kr": 1.0,
    # as budget texts also write them: "mill. kr.", "millioner", "tusinde", "mia."
    "mill. kr.": 1.0,
    "mill.": 1.0,
    "mill. dkk": 1.0,
    "millioner": 1.0,
    "mia.": 0.001,
    "milliarder": 0.001,
    "tusinde": 1_000.0,
    "tusind": 1_000.0,
    "kkr.": 1_000.0,
    "mio.": 1.0,
    "mio. dkk": 1.0,
    "mio dkk": 1.0,
    "mia kr.": 0.001,
    "t. dkk": 1_000.0,
    "tusinde kr.": 1_000.0,
    "tusind kr": 1_000.0,
    "tusinde kr": 1_000.0,
    "kr. (1.000)": 1_000.0,
    "1.000 dkk": 1_000.0,
    "dkk": 1_000_000.0,
    "kroner": 1_000_000.0,
    "mio. kroner": 1.0,
    "millioner kroner": 1.0,
    "millioner kr.": 1.0,
    "mia. kroner": 0.001,
    "mia. dkk": 0.001,
    "milliarder kroner": 0.001,
    "milliarder kr.": 0.001,
    "t. kroner": 1_000.0,
    "1.000 kroner": 1_000.0,
    "tusind kroner": 1_000.0,
    "tusinde kroner": 1_000.0,
    "tusind dkk": 1_000.0,
    "kroner (1.000)": 1_000.0,
    "dkk (1.000)": 1_000.0,
    "'000 kr.": 1_000.0,
    "'000 dkk": 1_000.0,
    "'000 kroner": 1_000.0,
    "kr. '000": 1_000.0,
    "dkk '000": 1_000.0,
    "kroner '000": 1_000.0,
    # "kr. i 1.000", as budget tables head their amount columns
    "kr. i 1.000": 1_000.0,
    "kroner i 1.000": 1_000.0,
    "dkk i 1.000": 1_000.0,
    "kr. i mio.": 1.0,
    "kroner i mio.": 1.0,
    "kr. i mia.": 0.001,
    # as English budget texts write them (and the game's English text: "m DKK", "DKK '000")
    "m dkk": 1.0,
    "dkk m": 1.0,
    "million dkk": 1.0,
    "millions dkk": 1.0,
    "dkk million": 1.0,
    "dkk millions": 1.0,
    "mn dkk": 1.0,
    "dkk mn": 1.0,
    "million kroner": 1.0,
    "thousand dkk": 1_000.0,
    "thousands dkk": 1_000.0,
    "dkk thousand": 1_000.0,
    "dkk thousands": 1_000.0,
    "thousand kroner": 1_000.0,
    "bn dkk": 0.001,
    "dkk bn": 0.001,
    "billion dkk": 0.001,
    "dkk billion": 0.001,
    "dkk billions": 0.001,
}
"""How many of a unit make one mio. kr. (units not listed count as mio. kr., and the loader
warns: ``is_known_unit``)."""


_PRICE_LEVEL = re.compile(
    r"[\s,;(–-]*(?:i\s+)?(?P<level>(?:\d{2,4}\s*[-‐–]?\s*(?:priser|pl|p/l|prisniveau)"
    r"|faste\s+priser|løbende\s+priser))\)?\s*$",
    re.IGNORECASE,
)
"""A price level after a unit, as budget documents write it: "mio. kr. (2027-priser)",
"t. kr., 2027-pl", "mio. kr. i faste priser"."""


def price_level(unit: str) -> str | None:
    """The price level written after ``unit`` ("2027-priser" of "mio. kr. (2027-priser)"), or
    None; it is no part of the unit (``unit_scale`` reads the unit without it)."""
    found = _PRICE_LEVEL.search(unit)
    return found.group("level") if found is not None and found.start() > 0 else None


def _unit_key(unit: str) -> str:
    """A unit as compared: lower case, without dots, spaces and brackets, so that "t.kr",
    "T. kr." and "tkr." are one unit, and "1.000 kr" and "1000 kr." another; a price level
    after it ("2027-priser") is no part of it."""
    level = _PRICE_LEVEL.search(unit)
    if level is not None and level.start() > 0:
        unit = unit[: level.start()]
    # "i 1.000 kr.", "Beløb i hele kroner": the words around a unit are no part of it
    words = re.sub(r"^\s*(?:beløb\s+)?(?:i\s+)?(?:hele\s+)?", "", unit.lower())
    return "".join(c for c in words.replace("’", "'") if c not in ". ()\u00a0\t")


_SCALES_BY_KEY: dict[str, float] = {_unit_key(unit): scale for unit, scale in UNIT_SCALES.items()}


def is_known_unit(unit: str) -> bool:
    """True when ``unit`` is one of ``UNIT_SCALES`` (case, dots, spaces and brackets aside)."""
    return _unit_key(unit) in _SCALES_BY_KEY


USUAL_UNITS: dict[float, str] = {
    1.0: "mio. kr.",
    1_000.0: "t. kr.",
    1_000_000.0: "kr.",
    0.001: "mia. kr.",
}
"""The usual way to write each size of unit in ``UNIT_SCALES``."""


def usual_unit(unit: str) -> str:
    """``unit`` as the game writes it ("1.000 kr." and "Tkr" → "t. kr."); an unknown unit as
    it is."""
    return USUAL_UNITS.get(unit_scale(unit), unit) if is_known_unit(unit) else unit


def unit_scale(unit: str) -> float:
    """How many of ``unit`` make one mio. kr. (1 for mio. kr., 1000 for t. kr.)."""
    return _SCALES_BY_KEY.get(_unit_key(unit), 1.0)


_UNIT_AFTER = re.compile(r"^(?P<number>.*?[0-9)])[\s\u00a0\u202f]*(?P<unit>[^\W\d_].*)$")
"""A number followed by a word: "−500 t. kr.", "1,5 mio.", "(200) tkr"."""


_KRONER_BEFORE = re.compile(
    r"^(?P<unit>(?:kr|dkk|kroner)\.?)[\s\u00a0\u202f]*(?P<number>[-−–÷(]?[\s\u00a0]*\d.*)$",
    re.IGNORECASE,
)
"""Whole kroner written before the number, as on a cheque or an invoice: "kr. 400.000",
"DKK 400.000"."""


def split_unit(text: str) -> tuple[str, str | None]:
    """``text`` without the unit written after its number (or whole kroner before it), and
    that unit: "−500 t. kr." → ("−500", "t. kr."), "kr. 400.000" → ("400.000", "kr.");
    ``(text, None)`` when no known unit (``is_known_unit``) goes with the number – a word
    that is not a unit is left for the number's own message."""
    found = _UNIT_AFTER.match(text.strip())
    if found is None or not is_known_unit(found.group("unit")):
        before = _KRONER_BEFORE.match(text.strip())
        if before is not None:
            return before.group("number").strip(), before.group("unit").strip()
        return text, None
    return found.group("number").strip(), found.group("unit").strip()


def in_unit(value: float, written: str, unit: str) -> float:
    """``value`` written in the unit ``written``, expressed in ``unit`` (−500 t. kr. is −0,5
    mio. kr.); both units must be known (``is_known_unit``). Rounded to nine decimals, so a
    conversion adds no float noise (2,01 mio. kr. is 2010 t. kr., not 2009,9999999999998)."""
    converted = round(value * unit_scale(unit) / unit_scale(written), 9)
    return converted + 0.0  # no −0


def quoted(text: str, lang: str = "da") -> str:
    """``text`` in the language's quotation marks: »…« in Danish, “…” in English."""
    return f"»{text}«" if lang == "da" else f"“{text}”"


def format_moment(
    moment: datetime.datetime,
    lang: str = "da",
    *,
    clock: bool = True,
    seconds: bool = False,
    year: bool = True,
) -> str:
    """A moment as the people in the room write it: "26.11.2026 kl. 09:41" in Danish,
    "2026-11-26 09:41" in English; ``clock`` False: the day alone; ``seconds``: the clock to
    the second ("kl. 09:41:07"), to tell apart two moments of one minute; ``year`` False:
    without the year ("26.11. kl. 09:41", "11-26 09:41"), for a narrow line."""
    time = "%H:%M:%S" if seconds else "%H:%M"
    if lang == "da":
        day = "%d.%m.%Y" if year else "%d.%m."
        return moment.strftime(f"{day} kl. {time}" if clock else day)
    day = "%Y-%m-%d" if year else "%m-%d"
    return moment.strftime(f"{day} {time}" if clock else day)


def whole_digits(value: int) -> int:
    """How many digits ``value`` has (its sign not counted): 3 for -100, 401 for 10**400.
    Counted without writing the number out, which Python refuses past 4300 digits."""
    magnitude = abs(value)
    if magnitude < 10:
        return 1
    digits = int(magnitude.bit_length() * 0.30102999566398120)  # log10(2)
    while 10**digits <= magnitude:
        digits += 1
    while digits > 1 and 10 ** (digits - 1) > magnitude:
        digits -= 1
    return digits
