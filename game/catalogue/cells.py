"""Reading one cell of a catalogue as the value of a deck field.

A cell holds a number, a text, a date, a yes/no or nothing. Numbers written as text are read
the Danish way (``game.numbers.parse_amount``): ``1.250,5`` is 1250,5, ``0,518`` is 0,518
and ``−1,050`` is −1,05, as a Danish budget office writes them. Every refusal is a
``CellError`` with a message about the column ("'år 2' skal være et tal: …"); a
value is never guessed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.catalogue.columns import KIND_WORDS, SIGN_WORDS, Column, normal
from game.content.numbertext import PERCENT, amount_text, danish, meant_as_percent
from game.content.schema import KIND_ALIASES, KIND_NAMES
from game.messages import LANGUAGES, ByLanguage, Message, catalogue, render
from game.numbers import AmountError, in_unit, is_known_unit, parse_amount, split_unit

_YEAR_RANGE = re.compile(r"^(\d{4}|\d{2})\s*[-–—/]\s*(\d{4}|\d{2})$")
"""Budget years as a span: "2027-2030", and as budget documents shorten it, "2027-30",
"27-30" and "2027/2030" (a two-digit year is in the century of the first year, or 20xx)."""
_ID_SEPARATORS = re.compile(r"[,;\s]+")
_TRUE = {"ja", "j", "sand", "true", "x", "1", "yes"}
_FALSE = {"nej", "n", "falsk", "false", "0", "no"}
_MAX_RANGE = 8


class CellError(ValueError):
    """A cell that cannot be read for its column: ``said`` is the message (worded in the
    reader's language where it is shown), ``str(error)`` the Danish one."""

    def __init__(self, key: str, **params: Any) -> None:
        self.said = Message.of(key, **params)
        super().__init__(render(self.said))


@dataclass(frozen=True)
class Cell:
    """One non-empty cell: where it is and what it holds."""

    row: int
    """1-based row."""
    column: int
    """1-based column."""
    value: Any
    """A text, an int, a float, a bool or a date/time."""
    formula: str | None = None
    """The formula the cell holds (such a cell is refused: paste values)."""
    error: str | None = None
    """The error value the cell shows (#DIV/0!, #REF! …)."""
    percent: bool = False
    """True when the spreadsheet shows the number as a percentage (its format has a %), so
    0,25 reads "25 %" on the screen."""

    @property
    def ref(self) -> str:
        """The cell as a spreadsheet names it: "C12"."""
        return f"{column_letter(self.column)}{self.row}"


def column_letter(number: int) -> str:
    """The letters of a 1-based column number: 1 is A, 27 is AA."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """The 1-based number of a column's letters: A is 1, AA is 27."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def cell_range(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The first and last (row, column) of a range such as "D6:D12" (or one cell, "C3"), as
    openpyxl names merged cells; None for other text."""
    found = re.fullmatch(r"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?", text)
    if found is None:
        return None
    first = (int(found.group(2)), column_number(found.group(1)))
    if found.group(3) is None:
        return first, first
    return first, (int(found.group(4)), column_number(found.group(3)))


def is_blank(value: Any) -> bool:
    """True for a cell that holds nothing (or only spaces)."""
    return value is None or (isinstance(value, str) and not value.strip())


def read(column: Column, cell: Cell, unit: str = "mio. kr.") -> Any:
    """The value of ``cell`` for ``column`` (see ``Column.reader``); an amount column's cell
    in the catalogue's ``unit`` (see ``_amount``). Raises ``CellError``."""
    name = f"'{column.header}'"
    if cell.formula is not None:
        raise CellError("catalogue.cell.formula", name=name, formula=shortened(cell.formula))
    if cell.error is not None:
        raise CellError("catalogue.cell.error", name=name, error=error_named(cell.error))
    value = cell.value
    if isinstance(value, dt.date) and column.reader == "year":
        # a date in a year column: Excel shows 1-1-2028 formatted "åååå" as 2028, and a
        # year heading of the same kind is read by its year (``headings.heading_year``)
        value = value.year
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise CellError("catalogue.cell.date", name=name, date=_shown_date(value))
    if cell.percent and column.reader != "share" and value != 0:
        # 0,25 shown as "25 %" in an amount or a count: neither reading is safe to guess
        percent = round(float(value) * 100, 10)
        raise CellError(
            "catalogue.cell.percent",
            name=name,
            shown=amount_text(percent),
            value=amount_text(float(value)),
        )
    if column.is_amount:
        if column.reader == "numbers":
            return _numbers(name, value, lambda n, v: _amount(n, v, unit))
        return _amount(name, value, unit)
    found = _READERS[column.reader](name, value)
    if column.field in ONE_LINE and isinstance(found, str):
        # a line break typed in the cell (Alt+Enter) only wrapped it in Excel; on the board
        # a title with one was cut after its first line
        return re.sub(r"[ \t]*\n\s*", " ", found)
    return found


ONE_LINE = frozenset({"title", "area"})
"""Fields shown on one line (a card's title, its area): the cell's line breaks are spaces."""


def written_units(cell: Cell) -> list[str]:
    """The units written after the numbers in an amount cell ("−500 t. kr." → ["t. kr."],
    "1000; 2 mio. kr." → ["mio. kr."]); empty for a number cell or a text without one."""
    if not isinstance(cell.value, str):
        return []
    found = (split_unit(part)[1] for part in _parts(cell.value))
    return [unit for unit in found if unit is not None]


EXCEL_ERRORS_DANISH = {
    "#N/A": "#I/T",
    "#REF!": "#REFERENCE!",
    "#DIV/0!": "#DIVISION/0!",
    "#VALUE!": "#VÆRDI!",
    "#NAME?": "#NAVN?",
    "#NULL!": "#NUL!",
}
"""Excel's error values as the file stores them (in English) and as Danish Excel shows them
(#NUM! is the same in both)."""


def error_named(code: str) -> ByLanguage:
    """An error value as the reader's Excel shows it: "#DIVISION/0! (#DIV/0!)" for a Danish
    reader, "#DIV/0!" for an English one."""
    danish_name = EXCEL_ERRORS_DANISH.get(code.strip().upper())
    return ByLanguage.of(da=f"{danish_name} ({code})" if danish_name else code, en=code)


_NOT_AVAILABLE = frozenset({"n/a", "na", "n.a.", "i/t", "i.t.", "ikke relevant", "ir", "-/-"})
"""What a budget table writes in a year a proposal gives nothing: not a number."""


def _amount(name: str, value: Any, unit: str) -> float | int:
    """An amount in the catalogue's ``unit``: a number, or a text read the Danish way; a
    known unit written after the number ("−500 t. kr.", "1,5 mio.") is converted to ``unit``
    (−500 t. kr. is −0,5 in a catalogue in mio. kr.). Raises ``CellError``, also when the
    catalogue's own unit is unknown, so the cell's unit cannot be converted."""
    if isinstance(value, str) and normal(value) in _NOT_AVAILABLE:
        # "n/a" where a proposal gives nothing: 0, said how (an empty cell is 0 only before
        # a later amount)
        raise CellError("catalogue.cell.not_available", name=name, text=shortened(value.strip()))
    if isinstance(value, str):
        text, written = split_unit(_text(name, value))
        if written is not None:
            if not is_known_unit(unit):
                raise CellError(
                    "catalogue.cell.unit_unconvertible", name=name, text=shortened(value), unit=unit
                )
            try:
                found = number(name, text)
            except CellError:
                # said of the whole cell ("kr. 1,5 mio."), never of the part before its unit
                number(name, value.strip())
                raise
            return _plain(in_unit(found, written, unit))
    return _number(name, value)


def _shown_date(value: Any) -> str:
    """A date, a time or a duration as Excel shows it ("01-01-2027", "12:30", "48:00:00"),
    never Python's English ("2 days, 0:00:00")."""
    if isinstance(value, dt.datetime):
        return value.strftime("%d-%m-%Y %H:%M") if value.time() != dt.time() else _day(value)
    if isinstance(value, dt.date):
        return _day(value)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if isinstance(value, dt.timedelta):
        seconds = round(value.total_seconds())
        sign, seconds = ("−" if seconds < 0 else ""), abs(seconds)
        return f"{sign}{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return str(value)


def _day(value: dt.date) -> str:
    return value.strftime("%d-%m-%Y")


def _text(name: str, value: Any) -> str:
    if isinstance(value, bool):
        raise CellError("catalogue.cell.text_bool", name=name, value=_truth(value))
    if isinstance(value, (int, float)):
        return danish(float(value))
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def _id(name: str, value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, float) and not isinstance(value, bool):
        return repr(value)  # a number such as 1.1 in an "Nr." column: "1.1", not "1,1"
    return _text(name, value)


_SHORTEST_PREFIX = 3
"""An abbreviation ("Inv.", "Besp.", "Eff") names a kind from this many letters on."""


def kind_word(text: str) -> str | None:
    """The Danish kind a budget office's word names, or None: the deck's own names (Danish or
    English), the aliases, plurals ("Investeringer") and abbreviations ("Invest.", "Inv.")
    that begin only one kind's name. The import always writes the Danish word."""
    text = normal(text)
    if text in KIND_NAMES:
        return next(w for w in KIND_WORDS if KIND_NAMES[w] == KIND_NAMES[text])
    bare = text.rstrip(".").strip()
    if bare in KIND_ALIASES:
        return KIND_ALIASES[bare]
    if bare in _BUDGET_KIND_WORDS:
        return _BUDGET_KIND_WORDS[bare]
    if bare in _ENGLISH_PLURALS:  # "Savings", as an English office's list writes them
        return next(w for w in KIND_WORDS if KIND_NAMES[w] == _ENGLISH_PLURALS[bare])
    for word in KIND_WORDS:
        if bare in (word + "r", word + "er"):
            return word
    if len(bare) >= _SHORTEST_PREFIX:
        starts = [word for word in KIND_WORDS if word.startswith(bare)]
        if len(starts) == 1:
            return starts[0]
    return None


_ENGLISH_PLURALS = {"savings": "saving", "efficiencies": "efficiency", "investments": "investment"}
"""The English kinds in the plural."""

_BUDGET_KIND_WORDS = {
    "reduktion": "besparelse",
    "reduktioner": "besparelse",
    "servicereduktion": "besparelse",
    "servicereduktioner": "besparelse",
    "red": "besparelse",
}
"""A Danish budget's own words for a kind that are no beginning of the kind's name (a
"Reduktion" or "Servicereduktion", "Red." for short, is a saving)."""


def _kind(name: str, value: Any) -> str:
    written = _text(name, value).strip()
    text = normal(written)
    found = kind_word(text)
    if found is not None:
        return found
    # "savng": the English word it is close to, when it is close to no Danish one (the import
    # reads saving, efficiency and investment too)
    close = difflib.get_close_matches(text, [*KIND_WORDS, *KIND_ALIASES]) or (
        difflib.get_close_matches(text, list(KIND_NAMES))
    )
    meant = KIND_ALIASES.get(close[0], close[0]) if close else ""
    hint: Message | str = Message.of("catalogue.cell.meant", close=meant) if meant else ""
    words = text.replace("-", " ").split()
    for word, key in _KIND_ADVICE.items():  # a budget office's own kinds: what each one is
        if word in words or text.startswith(word):
            hint = Message.of(key)
            break
    # quoted as written ("Indtægt", not "indtægt"): the office looks for it in its sheet
    raise CellError("catalogue.cell.kind", name=name, text=shortened(written), hint=hint)


_KIND_ADVICE = {
    "anlæg": "catalogue.kind_advice.construction",
    "anlægsforslag": "catalogue.kind_advice.construction",
    "omprioritering": "catalogue.kind_advice.reprioritising",
    "omprioriteringer": "catalogue.kind_advice.reprioritising",
    "ompr.": "catalogue.kind_advice.reprioritising",
    "ompr": "catalogue.kind_advice.reprioritising",
    "udvidelse": "catalogue.kind_advice.expansion",
    "udvidelser": "catalogue.kind_advice.expansion",
    "udvidelsesforslag": "catalogue.kind_advice.expansion",
    "serviceudvidelse": "catalogue.kind_advice.expansion",
    "serviceudvidelser": "catalogue.kind_advice.expansion",
    "indtægt": "catalogue.kind_advice.income",
    "indtægter": "catalogue.kind_advice.income",
    "indtægtsforslag": "catalogue.kind_advice.income",
    "merindtægt": "catalogue.kind_advice.income",
    "merindtægter": "catalogue.kind_advice.income",
    "takststigning": "catalogue.kind_advice.income",
    "takststigninger": "catalogue.kind_advice.income",
    "takstforhøjelse": "catalogue.kind_advice.income",
    "takstforhøjelser": "catalogue.kind_advice.income",
    "driftsønske": "catalogue.kind_advice.expansion",
    "driftsønsker": "catalogue.kind_advice.expansion",
}
"""Kinds a budget office writes that the game has no such word for, and what to write."""


def _truth(value: bool) -> Message:
    """SAND or FALSK (TRUE or FALSE), as the spreadsheet shows a logical value."""
    return Message.of("catalogue.cell.true" if value else "catalogue.cell.false")


def shortened(text: str, most: int = 40) -> str:
    """``text`` as a message quotes a cell: whole up to ``most`` characters, else cut with
    "…" (so a quote never looks like the whole of what was typed when it is not)."""
    return text if len(text) <= most else text[: most - 1] + "…"


_DASHES = frozenset({"-", "−", "–", "—"})
"""A cell with only a dash: zero, as budget tables write it."""


def number(name: str, value: Any) -> float:
    """A number cell, or a text read the Danish way; raises ``CellError``."""
    if isinstance(value, bool):
        raise CellError("catalogue.cell.number_bool", name=name, value=_truth(value))
    if isinstance(value, (int, float)):
        return float(value)
    text = _text(name, value)
    if text.strip() in _DASHES:  # a budget table's zero
        return 0.0
    spaced = re.fullmatch(r"\s*([-−–÷])\s+(\d.*)", text)
    if spaced:  # "- 200": a minus set apart from its number
        text = f"{spaced.group(1)}{spaced.group(2)}"
    if re.fullmatch(r"\?\s*\d[\d.,\s]*", text.strip()):
        # "−300" saved by Excel as CSV in Windows-1252, which has no "−": the minus became "?"
        raise CellError("catalogue.cell.lost_minus", name=name, text=shortened(text))
    bracketed = re.fullmatch(r"\(\s*([^()]+?)\s*\)", text.strip())
    # "1.500-": the minus after the number, as SAP-based budget systems (KMD Opus) export it
    # (said at the cell: ``minus_after``); "1.500,-" is whole kroner, read by parse_amount
    trailing = _MINUS_AFTER.fullmatch(text.strip())
    signed = re.fullmatch(r"[-−–÷]\s*(\d.*)", bracketed.group(1)) if bracketed else None
    if signed:
        # "(-300)": the accountant's minus and a typed one; read as +300 it lost its cost
        raise CellError(
            "catalogue.cell.minus_in_brackets",
            name=name,
            text=shortened(text.strip()),
            minus=f"−{signed.group(1)}",
            plain=signed.group(1),
        )
    try:
        if bracketed:  # the accountant's negative: (1,2) is −1,2
            return -parse_amount(bracketed.group(1), "da")
        if trailing:
            return -parse_amount(trailing.group(1), "da") or 0.0  # "0-" is 0, not −0
        return parse_amount(text, "da")
    except AmountError as error:
        raise CellError("catalogue.cell.number", name=name, reason=_amount_reason(error)) from None


_MINUS_AFTER = re.compile(r"(\d(?:[\d.,\s]*\d)?)\s*[-−–]")
"""A number with a minus after its last digit ("1.500-", "2 -"), as SAP-based budget systems
export a negative amount. Not "1.500,-": a dash after a comma is whole kroner, never a sign."""


def minus_after(cell: Cell) -> list[str]:
    """The parts of a text cell that are read as negative because of a minus after the number
    ("1.250-" in a cell, or in a list of targets "1.000-; 2.000-"), other than zero; [] for
    any other cell. The import names each such cell: the sign is never taken silently."""
    if not isinstance(cell.value, str):
        return []
    found = []
    for part in _parts(cell.value):
        text, _ = split_unit(part)
        matched = _MINUS_AFTER.fullmatch(text.strip())
        if matched is None:
            continue
        try:
            if parse_amount(matched.group(1), "da"):
                found.append(part)
        except AmountError:
            continue
    return found


def _amount_reason(error: AmountError) -> ByLanguage:
    """Why a text is not a number; the cell is read the Danish way, so an English reader is
    told so instead of being shown the English way of writing numbers."""
    english = error.in_language("en")
    if error.kind == "unclear":
        english = catalogue("en").t(
            "catalogue.cell.unclear", text=shortened(error.text.strip(), 30)
        )
    return ByLanguage.of(da=error.message, en=english)


def _number(name: str, value: Any) -> float | int:
    return _plain(number(name, value))


def _plain(found: float) -> float | int:
    """A whole amount as an int (as YAML would read it), else the float."""
    return int(found) if found.is_integer() and abs(found) < 2**53 else found


def _service(name: str, value: Any) -> int:
    """A change of the service level: a whole number, written as every other number cell is
    ("-" for 0, "2-" or "(2)" for −2); a word ("Høj konsekvens", "Lav") is refused with the
    scale the game uses (the import never guesses what a word is worth)."""
    if isinstance(value, str) and _LETTER.search(value):
        raise CellError("catalogue.cell.service_words", name=name, text=shortened(value))
    return _whole(name, value)


_LETTER = re.compile(r"[^\W\d_]")
"""A letter of any alphabet: a service cell with one is a word, not a number."""


def _whole(name: str, value: Any) -> int:
    found = number(name, value)
    if not found.is_integer():
        raise CellError("catalogue.cell.whole", name=name, value=amount_text(found))
    return int(found)  # one too large for its column is said with the column's limit


def _share(name: str, value: Any) -> float | int:
    percent = PERCENT.fullmatch(value.strip()) if isinstance(value, str) else None
    if percent and percent.group(1):
        return _number(name, percent.group(1)) / 100
    found = _number(name, value)
    if meant_as_percent(found):  # "20" meant as 20 %: said, not guessed
        raise CellError("catalogue.cell.share_percent", name=name, value=amount_text(found))
    return found


LIST_WORDS = frozenset({"og", "and", "&", "samt"})
"""Words between the last two ids of a list ("E1, E2 og E3"), not ids."""


_LIST_SEPARATORS = re.compile(r"\s*[,;\n]\s*|\s+(?:og|and|samt|&)\s+", re.IGNORECASE)
"""What separates the ids of a list in one cell: a comma, a semicolon, a line break or the
word before the last id ("E1, E2 og E3"); a space alone may be inside an id ("BU 03")."""


def _ids(name: str, value: Any) -> list[str]:
    """The ids of a list cell, split at commas, semicolons, line breaks and "og"; a part with
    a space in it ("BU 03", or "E1 E2" written with spaces only) is left whole here and
    settled against the catalogue's ids once all are read (``rows.settle_spaced_ids``)."""
    if isinstance(value, float) and not value.is_integer():
        # Danish Excel keeps "2,3" typed in a cell as the number 2,3: two ids, 2 and 3, were
        # read as one unknown proposal '2.3'
        shown = f"{value:g}".replace(".", ",")
        raise CellError(
            "catalogue.cell.ids_number", name=name, shown=shown, ids=shown.replace(",", "; ")
        )
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [_id(name, value)]
    text = _text(name, value)
    return [
        part
        for part in (p.strip() for p in _LIST_SEPARATORS.split(text))
        if part and part.casefold() not in LIST_WORDS
    ]


_ROUND_SPAN = re.compile(r"(\d+)\s*[-–—]\s*(\d+)")
"""Two rounds joined by a dash ("2-4", "2 – 4"): every round from the one to the other."""
_ROUND_WORDS = frozenset({"runde", "runder", "round", "rounds", *LIST_WORDS})
"""Words a list of rounds may have ("runde 2 og 3"), not rounds."""


_MAX_ROUND = 1900
"""A number under 'runder' from here on is a budget year, not a round (a game has a few)."""


def _wholes(name: str, value: Any) -> list[int]:
    """The rounds of an event: whole numbers separated by commas, semicolons or spaces, and
    spans written with a dash ("2-4" is 2, 3, 4); raises ``CellError`` naming the rounds'
    way of writing (never the amounts' advice about units)."""
    if isinstance(value, float) and not value.is_integer():
        # "1,2" typed in a Danish Excel is the number 1,2: the rounds 1 and 2 ("skal være et
        # helt tal, ikke 1,2" said nothing of how to write them)
        shown = f"{value:g}".replace(".", ",")
        raise CellError(
            "catalogue.cell.rounds_number", name=name, shown=shown, rounds=shown.replace(",", "; ")
        )
    if isinstance(value, int) and not isinstance(value, bool) and value > _MAX_ROUND:
        # a budget year under 'runder' (2028): rounds are counted from 1
        raise CellError("catalogue.cell.rounds_year", name=name, year=value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [_whole(name, value)]
    text = _text(name, value)

    def span(match: re.Match[str]) -> str:
        first, last = int(match.group(1)), int(match.group(2))
        if not first <= last <= first + _MAX_RANGE:
            raise CellError("catalogue.cell.rounds", name=name, text=shortened(text))
        return " ".join(str(n) for n in range(first, last + 1))

    parts = _ID_SEPARATORS.split(_ROUND_SPAN.sub(span, text))
    found = []
    for part in parts:
        if not part or part.casefold() in _ROUND_WORDS:
            continue
        if not part.isdigit():
            raise CellError("catalogue.cell.rounds", name=name, text=shortened(text))
        if int(part) > _MAX_ROUND:
            raise CellError("catalogue.cell.rounds_year", name=name, year=int(part))
        found.append(int(part))
    return found


def _parts(text: str) -> list[str]:
    """A list written in one cell: separated by semicolons or line breaks, or by a comma
    followed by a space (a decimal comma is never followed by a space)."""
    if ";" in text or "\n" in text:
        parts = re.split(r"[;\n]", text)
    elif ", " in text:
        parts = text.split(", ")
    else:
        parts = [text]
    return [part.strip() for part in parts if part.strip()]


def _numbers(
    name: str, value: Any, one: Callable[[str, Any], float | int] = _number
) -> float | int | list[float | int]:
    """One number or a list of them (a target), each read by ``one``."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return one(name, value)
    parts = _parts(_text(name, value))
    if len(parts) == 1:
        try:
            return one(name, parts[0])
        except CellError:
            pieces = parts[0].split(",")
            if len(pieces) > 2 and all(p.strip() for p in pieces):
                example = "; ".join(p.strip() for p in pieces)
                raise CellError(
                    "catalogue.cell.one_number",
                    name=name,
                    text=shortened(parts[0]),
                    example=example,
                ) from None
            raise
    return [one(name, part) for part in parts]


def _year(name: str, value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _text(name, value)


def _full_years(first: str, last: str) -> tuple[int, int]:
    """A span's first and last year written in full: ("2027", "30") → (2027, 2030),
    ("27", "30") → (2027, 2030)."""
    start = int(first) if len(first) == 4 else 2000 + int(first)
    end = int(last) if len(last) == 4 else start // 100 * 100 + int(last)
    return start, end


def _years(name: str, value: Any) -> list[str]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [_year(name, value)]
    text = _text(name, value)
    span = _YEAR_RANGE.match(text)
    if span:
        first, last = _full_years(span.group(1), span.group(2))
        if not first < last <= first + _MAX_RANGE - 1:
            raise CellError("catalogue.cell.year_span", name=name, text=text, most=_MAX_RANGE)
        return [str(year) for year in range(first, last + 1)]
    if ";" in text or "\n" in text or "," in text:
        # a label may hold a space ("Budget 2027; BO1; BO2"): only these separate years
        return [part.strip() for part in re.split(r"[;,\n]", text) if part.strip()]
    words = text.split()
    if all(word.isdigit() for word in words):
        return words  # "2027 2028 2029"
    return [text.strip()] if text.strip() else []


def _bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = normal(_id(name, value))
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError("catalogue.cell.bool", name=name, text=shortened(text))


def _sign(name: str, value: Any) -> str:
    text = normal(_text(name, value))
    if text in SIGN_WORDS:
        return SIGN_WORDS[text]
    if text in SIGN_WORDS.values():
        return text
    quoted = [f"'{word}'" for word in SIGN_WORDS]
    words = ByLanguage.of(
        **{lang: f" {catalogue(lang).t('catalogue.cell.or')} ".join(quoted) for lang in LANGUAGES}
    )
    raise CellError("catalogue.cell.sign", name=name, words=words, text=shortened(text))


def _language(name: str, value: Any) -> str:
    text = normal(_text(name, value))
    if text in ("da", "dansk"):
        return "da"
    if text in ("en", "engelsk", "english"):
        return "en"
    raise CellError("catalogue.cell.language", name=name, text=shortened(text))


def _texts(name: str, value: Any) -> list[str]:
    text = _text(name, value)
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]


_READERS: dict[str, Callable[[str, Any], Any]] = {
    "text": _text,
    "id": _id,
    "kind": _kind,
    "number": _number,
    "effect": _number,
    "whole": _whole,
    "service": _service,
    "share": _share,
    "ids": _ids,
    "wholes": _wholes,
    "numbers": _numbers,
    "year": _year,
    "years": _years,
    "bool": _bool,
    "sign": _sign,
    "language": _language,
    "texts": _texts,
}
"""How each kind of column reads a cell (``Column.reader``)."""
