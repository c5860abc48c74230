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

import re

from game.numbers import AmountError, parse_amount

_THOUSANDS_DOT = re.compile(r"^[+-]?0*[1-9][0-9]*\.[0-9]{3}$")
_ZERO_PADDED = re.compile(r"^[+-]?0[0-9]+$")
_EXPONENT = re.compile(r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)[eE][+-]?[0-9]+$")
_TYPOGRAPHIC_MINUS = "\u2212\u2013\u2014"
_COUNT_WORDS = {2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks"}
_QUOTE_IF_TEXT = "eller sæt anførselstegn om det, hvis det er tekst"


def yaml_number(value: float) -> str:
    """``value`` written the way a deck must write it: point as decimal sign, no thousands
    separator, and never a point followed by exactly three digits (``1.1250``, not
    ``1.125``), which the deck rules refuse as a possible thousands dot."""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.10f}".rstrip("0")
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


def scalar_problem(text: str, value: int | float) -> str | None:
    """A message when the plain scalar ``text``, which YAML read as ``value``, could mean
    something else (YAML 1.1 octal, base 60, ``_`` in digits, hex or binary, a Danish
    thousands dot), else None."""
    body = text.lstrip("+-")
    if body.isdigit() and (body[0] != "0" or body == "0"):
        return None  # a plain whole number: the common case, and never two readings
    if "_" in body:
        return (
            f"'{text}' har understregning mellem cifrene: YAML 1.1 læser det som "
            f"{danish(value)}, men andre programmer læser det som tekst. Skriv {yaml_number(value)}"
        )
    lowered = body.lower()
    if lowered.startswith(("0x", "0b")):
        system = "sekstentalssystemet" if lowered.startswith("0x") else "totalssystemet"
        return (
            f"'{text}' er et tal i {system}, som YAML læser som {danish(value)}. "
            f"Skriv {yaml_number(value)}, {_QUOTE_IF_TEXT}"
        )
    if ":" in body:
        return (
            f"'{text}' læser YAML som {danish(value)} (i sekstalssystemet, som minutter og "
            f"sekunder), ikke som teksten '{text}'. Skriv tallet med punktum som decimaltegn, "
            f"{_QUOTE_IF_TEXT} (fx et klokkeslæt)"
        )
    if _ZERO_PADDED.match(text):
        meant = int(text, 10)
        if meant != value:
            reading = f"som et oktaltal: {value}, ikke {meant}"
        else:
            reading = f"som et oktaltal (fx bliver 010 til 8, ikke 10); her giver det {meant}"
        return (
            f"'{text}' har et nul foran, og tal med nul foran læser YAML {reading}. "
            f"Skriv {meant} uden nul foran, {_QUOTE_IF_TEXT}"
        )
    if isinstance(value, float) and _THOUSANDS_DOT.match(text):
        return _thousands_dot(text, value)
    return None


def _thousands_dot(text: str, value: float) -> str:
    thousands = float(text.replace(".", ""))
    return (
        f"'{text}' kan læses på to måder: som {danish(value)} (punktum som decimaltegn – sådan "
        f"læser YAML det) eller som {danish(thousands)} (punktum mellem tusinder, som på "
        f"dansk). I kortspillet er punktum altid decimaltegn: skriv {_written(value)} eller "
        f"{_written(thousands)}"
    )


def _written(value: float) -> str:
    """How to write ``value`` in a deck, with its Danish reading when that looks different:
    "1.1250 (= 1,125)", "1000"."""
    written = yaml_number(value)
    return written if written == danish(value) else f"{written} (= {danish(value)})"


def _one_number(joined: str) -> list[float]:
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


def comma_problem(parts: list[str]) -> str:
    """The message for numbers written with a comma directly between them in a flow list
    (``[1,5]``): YAML reads ``len(parts)`` numbers, a Danish author may mean one."""
    joined = ",".join(parts)
    count = _COUNT_WORDS.get(len(parts), str(len(parts)))
    listed = ", ".join(parts[:-1]) + " og " + parts[-1]
    spaced = ", ".join(
        yaml_number(found[0]) if (found := _one_number(part)) else part for part in parts
    )
    message = (
        f"'{joined}' læser YAML som {count} tal ({listed}), fordi komma skiller tallene i en "
        "liste. "
    )
    readings = _one_number(joined)
    if not readings:
        return message + (
            f"Er det {count} tal, så skriv mellemrum efter kommaerne: {spaced} (og decimaltal "
            "med punktum: 1.5)"
        )
    one = " eller ".join(_written(value) for value in readings)
    return message + (
        f"Er det ét tal, så skriv {one}; er det {count} tal, så skriv mellemrum efter "
        f"kommaet: {spaced}"
    )


def looks_like_number(text: str) -> bool:
    """True when ``text`` reads as one number the Danish or the English way."""
    return bool(text) and text[-1].isdigit() and bool(_one_number(text))


def list_problem(text: str) -> str | None:
    """A text such as ``1,5`` where a list of numbers was expected: one number with a decimal
    comma, or two numbers without the brackets? None when it does not look like numbers."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) < 2 or not all(_one_number(part) for part in parts):
        return None
    readings = _one_number(text.strip())
    one = " eller ".join(f"[{yaml_number(value)}]" for value in readings)
    many = "[" + ", ".join(yaml_number(_one_number(part)[0]) for part in parts) + "]"
    options = f"{one}, hvis det er ét tal, eller {many}" if one else many
    return f"'{text.strip()}' er tekst, ikke en liste; skriv {options}"


def text_problem(text: str, share: bool = False) -> str | None:
    """What is wrong with ``text`` where a number was expected, when it looks like a number
    written another way (``12,5``, ``1.000,5``, ``1 500``, ``−5``, ``1e3``, ``09``, ``20 %``,
    ``5 mio. kr.``); None when it does not look like a number at all. ``share`` is true for
    fields that hold a share from 0 to 1 (``uncertainty``, ``failure``)."""
    stripped = text.strip()
    if not stripped or not any(c.isdigit() for c in stripped):
        return None
    if "%" in stripped:
        if share:
            return (
                f"'{stripped}' har et procenttegn; skriv andelen som et decimaltal, fx 0.2 for 20 %"
            )
        return f"'{stripped}' har et procenttegn; skriv kun tallet"
    if _EXPONENT.match(stripped):
        value = float(stripped)
        return (
            f"'{stripped}' er skrevet med eksponent, og det læser YAML som tekst. Skriv "
            f"{yaml_number(value)}"
        )
    if stripped.lower().lstrip("+-").startswith(("0o", "0x", "0b")):
        try:
            value = int(stripped, 0)
        except ValueError:
            return None
        return (
            f"'{stripped}' er ikke skrevet i titalssystemet, og det læser YAML som tekst. "
            f"Skriv {value}"
        )
    if _ZERO_PADDED.match(stripped):
        return (
            f"'{stripped}' har et nul foran, og derfor læser YAML det som tekst. Skriv "
            f"{int(stripped, 10)} uden nul foran"
        )
    readings: dict[str, float] = {}
    for lang in ("da", "en"):
        try:
            readings[lang] = parse_amount(stripped, lang)
        except AmountError:
            continue
    if not readings:
        return _with_unit(stripped)
    da, en = readings.get("da"), readings.get("en")
    how = _how_written(stripped)
    if da is not None and en is not None and da != en:
        return (
            f"'{stripped}' kan læses som {danish(da)} (dansk) eller {danish(en)} (engelsk). "
            f"Skriv {yaml_number(da)} eller {yaml_number(en)}: punktum som decimaltegn og "
            "intet mellem tusinder"
        )
    value = readings.get("da", readings.get("en", 0.0))
    return f"'{stripped}' er skrevet {how}, og det læser YAML som tekst. Skriv {yaml_number(value)}"


def _how_written(text: str) -> str:
    if text[:1] in _TYPOGRAPHIC_MINUS:
        return "med et typografisk minus (−)"
    if any(c.isspace() for c in text):
        return "med mellemrum mellem tusinder"
    if "," in text and "." in text:
        return "med punktum mellem tusinder og decimalkomma"
    if "," in text:
        return "med decimalkomma"
    if text.count(".") > 1:
        return "med punktum mellem tusinder"
    return "uden ciffer før punktummet"  # '-.5', '+.5'


def _with_unit(text: str) -> str | None:
    """``5 mio. kr.`` and the like: a number followed by a word."""
    match = re.match(r"^([+\-\u2212\u2013]?[0-9][0-9., ]*)\s*[^\W\d_]", text)
    if match is None:
        return None
    try:
        value = parse_amount(match.group(1).strip(), "da")
    except AmountError:
        return None
    return (
        f"'{text}' indeholder mere end tallet; skriv kun tallet, {yaml_number(value)} "
        "(enheden står én gang for hele kortspillet i 'unit')"
    )
