"""How numbers must be written in a deck, and what to say when one could be read two ways.

YAML (PyYAML follows YAML 1.1) reads some numbers differently from what a Danish author
means, without a word: ``1.000`` is 1, ``010`` is 8, ``1:30`` is 90, and in a list ``[1,5]``
is two numbers. Every such number is refused with a message that shows both readings and how
to write it. The rule in a deck is simple: a point is the decimal sign, nothing separates
thousands, no leading zeros: ``1.5``, ``1500``, ``0.518``.

``scalar_problem`` checks a plain scalar that YAML read as a number, ``comma_problem`` a
comma written directly between two numbers of a flow list, and ``text_problem`` a text found
where a number was expected (``12,5``, ``1 500``, ``1e3``, ``20 %``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from game.content import hidden
from game.content.hidden import first_hidden
from game.messages import LANGUAGES, ByLanguage, Decimal, Message, catalogue, render
from game.numbers import AmountError, in_unit, is_known_unit, parse_amount, split_unit, unit_scale

_THOUSANDS_DOT = re.compile(r"^[+-]?0*[1-9][0-9]*\.[0-9]{3}$")
_ZERO_PADDED = re.compile(r"^[+-]?0[0-9]+$")
_EXPONENT = re.compile(r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)[eE][+-]?[0-9]+$")
_TYPOGRAPHIC_MINUS = "\u2212\u2013\u2014\u00f7"


def yaml_number(value: float) -> str:
    """``value`` written the way a deck must write it: point as decimal sign, no thousands
    separator, and never a point followed by exactly three digits (``1.1250``, not
    ``1.125``), which the deck rules refuse as a possible thousands dot; rounded to seven
    decimals."""
    # seven decimals keep a krone in mio. kr.; what lies beyond is a spreadsheet's float noise
    # (−800,0000000001 and −1199,9999999999998 are −800 and −1200 alike)
    value = round(float(value), 7)
    if value.is_integer():
        return str(int(value))
    text = f"{value:.7f}".rstrip("0")
    if _THOUSANDS_DOT.match(text):
        text += "0"
    return text


def danish(value: float) -> str:
    """``value`` the Danish way, without thousands separators: 1,125 or 1125 (for messages
    that set two readings side by side)."""
    text = yaml_number(value)
    if _THOUSANDS_DOT.match(text[:-1]) and text.endswith("0"):
        text = text[:-1]
    return text.replace(".", ",")


HUGE = 1e15
"""From this size on a number in a message is "et meget stort tal" ("1e+308" says nothing)."""


def grouped(value: float, lang: str = "da") -> str:
    """``value`` with every decimal it has (up to seven) and its thousands grouped as a reader
    of ``lang`` writes them: "1.000", "−1.234,5", "0,518" (Danish), "1,000", "−1,234.5"
    (English); "et meget stort tal" for infinity and numbers from ``HUGE`` on."""
    value = float(value)
    if not math.isfinite(value) or abs(value) >= HUGE:
        return render(Message.of("number.huge"), lang)
    text = yaml_number(abs(value))
    whole, _, decimals = text.partition(".")
    decimals = decimals.rstrip("0")
    point, group = (",", ".") if lang == "da" else (".", ",")
    whole = f"{int(whole):,}".replace(",", group)
    sign = "−" if value < 0 and text != "0" else ""
    return sign + whole + (point + decimals if decimals else "")


def amount_text(value: float) -> ByLanguage:
    """``value`` as a parameter of a message, written by ``grouped`` in each reader's way."""
    return ByLanguage.of(**{lang: grouped(value, lang) for lang in LANGUAGES})


def amounts_text(values: Sequence[float]) -> ByLanguage:
    """Numbers as a parameter of a message, each written by ``grouped`` and joined as each
    reader joins words: "−2.000, 0 og 6.500" / "−2,000, 0 and 6,500"."""
    return ByLanguage.of(
        **{
            lang: catalogue(lang).join([grouped(value, lang) for value in values])
            for lang in LANGUAGES
        }
    )


def _reading(value: float) -> Decimal:
    """``value`` as a reading in a message: "1,125" for a Danish reader, "1.125" for others."""
    return Decimal(danish(value).replace(",", "."))


EXPONENT_TOO_LARGE = 1e12
"""An amount written with an exponent at or above this is far beyond any limit of the
format (the largest, a target, is 10¹¹): it is not written out in the message."""


def scalar_problem(text: str, value: int | float) -> Message | None:
    """A message when the plain scalar ``text``, which YAML read as ``value``, could mean
    something else (YAML 1.1 octal, base 60, ``_`` in digits, hex or binary, a Danish
    thousands dot), else None."""
    body = text.lstrip("+-")
    if body.isdigit() and (body[0] != "0" or body == "0"):
        return None  # a plain whole number: the common case, and never two readings
    if "_" in body:
        return Message.of(
            "deck.number.underscore", text=text, value=_reading(value), write=yaml_number(value)
        )
    lowered = body.lower()
    if lowered.startswith(("0x", "0b")):
        key = "deck.number.hex" if lowered.startswith("0x") else "deck.number.binary"
        return Message.of(key, text=text, value=_reading(value), write=yaml_number(value))
    if ":" in body:
        return Message.of("deck.number.base60", text=text, value=_reading(value))
    if _ZERO_PADDED.match(text):
        meant = int(text, 10)
        if meant != value:
            reading = Message.of("deck.number.octal_differs", value=value, meant=meant)
        else:
            reading = Message.of("deck.number.octal_same", meant=meant)
        return Message.of("deck.number.zero_padded", text=text, reading=reading, meant=meant)
    if isinstance(value, float) and _THOUSANDS_DOT.match(text):
        return _thousands_dot(text, value)
    return None


def _thousands_dot(text: str, value: float) -> Message:
    thousands = float(text.replace(".", ""))
    return Message.of(
        "deck.number.thousands_dot",
        text=text,
        value=_reading(value),
        thousands=_reading(thousands),
        write_value=_written(value),
        write_thousands=_written(thousands),
    )


def _written(value: float) -> Message | ByLanguage | str:
    """How to write ``value`` in a deck, with its reading where that looks different to the
    reader: "1.1250 (= 1,125)" (Danish), "1.1250 (= 1.125)", "1.5" (English), "1000"."""
    written = yaml_number(value)
    if written == danish(value):
        return written
    said = Message.of("deck.number.written", written=written, reading=_reading(value))
    if written != _reading(value):
        return said
    return ByLanguage.of(da=render(said, "da"), en=written)


def _either(options: list[Message | ByLanguage | str]) -> Message | ByLanguage | str:
    """One or two ways to write a number: "1.5 eller 15" / "1.5 or 15"."""
    if len(options) == 1:
        return options[0]
    return Message.of("deck.number.either", first=options[0], second=options[1])


def _count(number: int) -> Message | int:
    """A small count in words ("to", "tre" / "two", "three"), a larger one as digits."""
    return Message.of(f"deck.count.{number}") if 2 <= number <= 6 else number


def one_number(joined: str) -> list[float]:
    """The readings of ``joined`` as one number, Danish first (one or two distinct)."""
    readings: list[float] = []
    for lang in ("da", "en"):
        try:
            value = parse_amount(joined, lang)
        except AmountError:
            continue
        if value not in readings:
            readings.append(value)
    return readings


def _spaced(part: str) -> str:
    """One part of numbers split at their commas, as YAML writes it: "-0,5" split is
    "-0, 5" (``yaml_number`` writes -0.0 as 0 and dropped the minus), "1,000" is "1, 0"."""
    found = one_number(part)
    if not found:
        return part
    if found[0] == 0 and part.strip().startswith(("-", "−")):
        return "-0"
    return yaml_number(found[0])


def plainly_several(parts: list[str]) -> bool:
    """Whether numbers written with a comma directly between them (``[0.5,1.5,2.5]``) can
    only be several numbers: each has a decimal point, so its author writes decimals with a
    point, and the whole is no one number in either language."""
    return all("." in part for part in parts) and not one_number(",".join(parts))


def comma_problem(parts: list[str]) -> Message:
    """The message for numbers written with a comma directly between them in a flow list
    (``[1,5]``): YAML reads ``len(parts)`` numbers, a Danish author may mean one."""
    joined = ",".join(parts)
    count = _count(len(parts))
    listed = Message.of("deck.number.listed", first=", ".join(parts[:-1]), last=parts[-1])
    spaced = ", ".join(_spaced(part) for part in parts)
    readings = one_number(joined)
    if not readings:
        return Message.of(
            "deck.number.comma_many", text=joined, count=count, listed=listed, spaced=spaced
        )
    one = _either([_written(value) for value in readings])
    return Message.of(
        "deck.number.comma", text=joined, count=count, listed=listed, spaced=spaced, one=one
    )


def comma_unit_problem(parts: list[str]) -> Message | None:
    """The message for a Danish decimal comma before an amount with its unit in a flow list
    (``[0,7 mio. kr.]``: YAML reads 0 and the text "7 mio. kr."); None when the joined text
    is not one amount with a known unit. It names the amount in both usual units, since the
    deck's own may be either (the text alone was read as 7 mio. kr., ten times too much)."""
    number, unit = split_unit(",".join(parts))
    readings = one_number(number) if unit is not None else []
    if unit is None or len(readings) != 1:
        return None
    mio = readings[0] / unit_scale(unit)
    return Message.of(
        "deck.number.comma_unit",
        text=",".join(parts),
        listed=Message.of("deck.number.listed", first=", ".join(parts[:-1]), last=parts[-1]),
        mio=yaml_number(mio),
        thousand=yaml_number(mio * 1_000),
    )


def looks_like_number(text: str) -> bool:
    """True when ``text`` reads as one number the Danish or the English way."""
    return bool(text) and text[-1].isdigit() and bool(one_number(text))


def list_problem(text: str) -> Message | None:
    """A text such as ``1,5`` where a list of numbers was expected: one number with a decimal
    comma, or two numbers without the brackets? None when it does not look like numbers."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) < 2 or not all(one_number(part) for part in parts):
        return None
    readings = one_number(text.strip())
    many = "[" + ", ".join(yaml_number(one_number(part)[0]) for part in parts) + "]"
    if not readings:
        return Message.of("deck.number.text_not_list", text=text.strip(), options=many)
    one = _either([f"[{yaml_number(value)}]" for value in readings])
    options = Message.of("deck.number.one_or_many", one=one, many=many)
    return Message.of("deck.number.text_not_list", text=text.strip(), options=options)


PERCENT = re.compile(r"(.*?)\s*(?:%|pct\.?|procent)", re.IGNORECASE)
"""A share written as a percentage: "20 %", "20%", "20 pct.", "20 procent"."""


def percent_of(text: str) -> tuple[str, float] | None:
    """The number of a percentage as written and the share it is: "12,5 %" → ("12,5",
    0.125); None when ``text`` is not one number with a percent sign (or "pct.", "procent")."""
    match = PERCENT.fullmatch(text.strip())
    if match is None or not match.group(1):
        return None
    written = match.group(1).strip()
    readings = one_number(written)
    if len(readings) != 1:
        return None
    return written, readings[0] / 100


def meant_as_percent(value: float) -> bool:
    """True for a share above 1 that reads as a percentage (20 for 20 %): a share lies
    between 0 and 1, so such a number is said, never guessed."""
    return 1 < value <= 100


_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
"""A number as YAML reads it, written plainly (3, -1.5, .5)."""

WORD_QUOTES = "“”„‟‘’‚"
"""Typographic quotes (from Word, Outlook or a phone): to YAML they are letters of the text,
not quotes around it. (»…« is how a Danish text quotes on purpose: not among them.)"""


def text_problem(text: str, share: bool = False, unit: str | None = None) -> Message | None:
    """What is wrong with ``text`` where a number was expected, when it looks like a number
    written another way (``12,5``, ``1.000,5``, ``1 500``, ``−5``, ``1e3``, ``09``, ``20 %``,
    ``5 mio. kr.``); None when it does not look like a number at all. ``share`` is true for
    fields that hold a share from 0 to 1 (``uncertainty``, ``failure``); ``unit`` is the
    deck's, so that "1,5 mio. kr." in a deck in t. kr. is told to be written 1500."""
    index = first_hidden(text)
    if index is not None and any(c.isdigit() for c in text):
        return _hidden_in_number(text, index)
    stripped = text.strip()
    if not stripped or not any(c.isdigit() for c in stripped):
        return None
    if len(stripped) > 2 and stripped[0] in WORD_QUOTES and stripped[-1] in WORD_QUOTES:
        # "effect: [“3”]" from Word was told "skal være et tal, ikke '“3”'": the quotes are
        # the mistake, and what is inside them may have one more (“2,5”)
        inner = stripped[1:-1].strip()
        inside = None if _PLAIN_NUMBER.fullmatch(inner) else text_problem(inner, share, unit)
        if inside is None:
            return Message.of("deck.number.word_quotes", text=stripped, write=inner)
        return Message.of("deck.number.word_quotes_and", text=stripped, then=inside)
    percent = percent_of(stripped) if share else None
    if percent is not None:  # "10 %": write 0.1 for 10 %, with the author's own number
        written, value = percent
        return Message.of(
            "deck.number.percent_share", text=stripped, write=yaml_number(value), percent=written
        )
    if "%" in stripped:
        key = "deck.number.percent_share_example" if share else "deck.number.percent"
        return Message.of(key, text=stripped)
    if _EXPONENT.match(stripped):
        value = float(stripped)
        if share and not (math.isfinite(value) and 0 <= value <= 1):
            # a share of "1e3" was told "Skriv 1000", one of "-1e308" "langt over"
            return Message.of("deck.number.exponent_huge_share", text=stripped)
        if not math.isfinite(value) or abs(value) >= EXPONENT_TOO_LARGE:
            # "1e308" was told to write a number of 309 digits
            return Message.of("deck.number.exponent_huge", text=stripped)
        return Message.of("deck.number.exponent", text=stripped, write=yaml_number(value))
    if stripped.lower().lstrip("+-").startswith(("0o", "0x", "0b")):
        try:
            whole = int(stripped, 0)
        except ValueError:
            return None
        return Message.of("deck.number.not_decimal", text=stripped, write=whole)
    if _ZERO_PADDED.match(stripped):
        return Message.of("deck.number.zero_text", text=stripped, write=int(stripped, 10))
    readings: dict[str, float] = {}
    for lang in ("da", "en"):
        try:
            readings[lang] = parse_amount(stripped, lang)
        except AmountError:
            continue
    if not readings:
        return _with_unit(stripped, unit)
    da, en = readings.get("da"), readings.get("en")
    if da is not None and en is not None and da != en:
        return Message.of(
            "deck.number.two_readings",
            text=stripped,
            da=_reading(da),
            en=_reading(en),
            write_da=yaml_number(da),
            write_en=yaml_number(en),
        )
    value = readings.get("da", readings.get("en", 0.0))
    if share and meant_as_percent(value):
        # "uncertainty: 1,5" was told "Skriv 1.5", and 1.5 then "må højst være 1"
        return Message.of(
            "deck.number.written_as_text_share",
            text=stripped,
            how=Message.of(f"deck.number.how.{_how_written(stripped)}"),
            value=_reading(value),
            write=yaml_number(round(value / 100, 9)),
        )
    return Message.of(
        "deck.number.written_as_text",
        text=stripped,
        how=Message.of(f"deck.number.how.{_how_written(stripped)}"),
        write=yaml_number(value),
    )


def _hidden_in_number(text: str, index: int) -> Message:
    """A number with a character one cannot see (``game.content.hidden``): named, with where
    it stands and what to write: "der står et hårdt mellemrum (U+00A0) mellem '1' og '500' …;
    skriv 1500"."""
    char = text[index]
    before = hidden.as_seen(text[:index]).strip()
    after = hidden.as_seen(text[index + 1 :]).strip()
    fix = hidden.fix(char, space_fits=not before)  # "1,<hard space>3": a space fits there
    cleaned = "".join(c for c in text if not hidden.is_hidden(c)).strip()
    if before and after and re.fullmatch(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)", cleaned):
        fix = Message.of("deck.hidden.fix_write", write=yaml_number(float(cleaned)))
    return Message.of(
        "deck.number.hidden", char=hidden.describe(char), place=hidden.place(text, index), fix=fix
    )


def _how_written(text: str) -> str:
    if re.fullmatch(r"[+-]?\d+(\.\d+)?", text):
        return "quoted"  # '"700"': a plain number, in quotes
    if text[:1] in _TYPOGRAPHIC_MINUS:
        return "minus"
    if any(c.isspace() for c in text):
        return "spaces"
    if "," in text and "." in text:
        return "dots_and_comma"
    if "," in text:
        return "comma"
    if text.count(".") > 1:
        return "dots"
    return "no_digit"  # '-.5', '+.5'


def _with_unit(text: str, unit: str | None = None) -> Message | None:
    """``5 mio. kr.`` and the like: a number followed by a word. A known unit other than the
    deck's ``unit`` is converted in the number to write (1,5 mio. kr. is 1500 in t. kr.)."""
    number, written = split_unit(text)
    if (
        unit is not None
        and written is not None
        and is_known_unit(unit)
        and unit_scale(written) != unit_scale(unit)
    ):
        try:
            value = in_unit(parse_amount(number, "da"), written, unit)
        except AmountError:
            value = None
        if value is not None:
            return Message.of(
                "deck.number.with_other_unit", text=text, unit=unit, write=yaml_number(value)
            )
    match = re.match(r"^([+\-\u2212\u2013\u00f7]?[0-9][0-9., ]*)\s*[^\W\d_]", text)
    if match is None:
        return None
    try:
        value = parse_amount(match.group(1).strip(), "da")
    except AmountError:
        return None
    return Message.of("deck.number.with_unit", text=text, write=yaml_number(value))
