"""The deck loader's problems in the workbook's words (``loader_problem``: the cell, the
sheet's Danish headings, numbers as the cells wrote them), and the problems that only
follow from hidden rows or a sheet that was not read, said once with their cause.
"""

from __future__ import annotations

import re
from typing import Any

from game.catalogue.cells import CellError, kind_word, read
from game.catalogue.columns import (
    ABOUT,
    COLUMNS,
    DATA_SHEETS,
    EVENTS,
    PROPOSALS,
    SCENARIOS,
    SECTION_OF,
    Column,
)
from game.catalogue.reading import KIND_WORDS, Found, Reading
from game.catalogue.sheets import CatalogueProblem, Sheet
from game.content.numbertext import amount_text
from game.content.schema import ID_PATTERN
from game.content.validation_messages import id_spelling
from game.messages import LANGUAGES, ByLanguage, Message, catalogue, render

_QUOTED = re.compile(r"'(\w+)(?: \((nr|no)\. (\d+)\))?'")
_WHOLE_MESSAGES = {
    "deck.no_scenarios": (SCENARIOS, "catalogue.no_scenario_rows"),
    "deck.no_proposals": (PROPOSALS, "catalogue.no_proposal_rows"),
}


def note_hidden_cards(reading: Reading, sheet: Sheet, columns: dict[int, Column]) -> None:
    """Note the id (as the deck would spell it) and kind of each card on a hidden row, so
    that a problem that only follows from its being hidden is told with its cause."""
    by_field = {spec.field: column for column, spec in columns.items()}
    if "id" not in by_field:
        return
    cards: dict[str, str] = {}
    for row in sheet.hidden_rows:
        cell = sheet.hidden_cells.get((row, by_field["id"]))
        if cell is None:
            continue
        try:
            text = str(read(columns[by_field["id"]], cell))
        except CellError:
            continue
        spelled = text if re.fullmatch(ID_PATTERN, text) else id_spelling(text) or text
        kind = sheet.hidden_cells.get((row, by_field.get("kind", 0)))
        word = kind_word(str(kind.value)) if kind is not None else None
        cards[spelled] = next((k for k, w in KIND_WORDS.items() if w == word), "")
    if cards:
        reading.hidden_cards[sheet.name] = cards


def sheets_not_read(reading: Reading) -> dict[str, Message]:
    """The sheets whose cards other sheets name (Forslag, Hændelser) that were not read at
    all – missing, refused, or with headings that could not be read (said already) – and
    why, in words that end "… because {why}"."""
    found: dict[str, Message] = {}
    catalogue = reading.catalogue
    for name in (PROPOSALS, EVENTS):
        sheet = catalogue.sheets.get(name)
        if name in catalogue.refused and catalogue.in_workbook:  # over the limits
            found[name] = Message.of("catalogue.unread.sheet", sheet=name)
        elif name in catalogue.refused:
            found[name] = Message.of("catalogue.unread.file", file=catalogue.refused[name])
        elif name not in reading.empty:
            continue
        elif sheet is None:
            where = "missing" if catalogue.in_workbook else "missing_csv"
            found[name] = Message.of(f"catalogue.unread.{where}", sheet=name)
        elif sheet.in_workbook:
            found[name] = Message.of("catalogue.unread.sheet", sheet=name)
        else:
            found[name] = Message.of("catalogue.unread.file", file=sheet.file)
    return found


def follows_on(reading: Reading, unread: dict[str, Message], said: Message) -> bool:
    """True for a problem of the loader's that only follows from a sheet that was not read
    (``unread``) or from rows that are hidden: an id it names that stands there, or a kind a
    scenario lacks because all its proposals are hidden. Noted for ``say_follow_ons``."""
    for section, name in (("proposals", PROPOSALS), ("events", EVENTS)):
        if said.key not in (f"deck.unknown.{section}", f"deck.unknown_close.{section}"):
            continue
        ref = str(said.kwargs.get("ref"))
        if name in unread or ref in reading.hidden_cards.get(name, {}):
            reading.follow_ons.setdefault(name, []).append(ref)
            return True
        return False
    reason = said.kwargs.get("reason")
    if said.key != "deck.unwinnable" or not isinstance(reason, Message):
        return False
    kind = reason.kwargs.get("kind")
    if reason.key != "deck.unwinnable.no_kind" or not isinstance(kind, Message):
        return False
    value = kind.key.rsplit(".", 1)[-1]
    if value not in reading.hidden_cards.get(PROPOSALS, {}).values():
        return False
    reading.kinds_hidden.setdefault(str(said.kwargs.get("id")), []).append(value)
    return True


def _shown_ids(ids: list[str]) -> str:
    """Ids as a message lists them: "'E-01', 'E-03'", each once, at most six."""
    unique = list(dict.fromkeys(ids))
    return ", ".join(f"'{i}'" for i in unique[:6]) + (" …" if len(unique) > 6 else "")


def say_follow_ons(reading: Reading, unread: dict[str, Message]) -> None:
    """The problems ``follows_on`` held back, each kind in one line with its cause: after
    the sheets, "N henvisninger til forslag er ikke tjekket, fordi arket 'Forslag' ikke er
    læst"; and, for hidden rows the catalogue needs, their warning made a problem that says
    what needs them (it stands at the rows, before what names them)."""
    for name, ids in reading.follow_ons.items():
        if name not in unread:
            continue
        count = "one" if len(ids) == 1 else "many"
        key = f"catalogue.refs_unchecked.{SECTION_OF[name]}.{count}"
        said = Message.of(key, count=len(ids), ids=_shown_ids(ids), why=unread[name])
        reading.after_sheet(SCENARIOS, said)
    for name, (warning, line) in reading.hidden_warnings.items():
        uses: list[Message] = []
        ids = reading.follow_ons.get(name, []) if name not in unread else []
        if ids:
            count = "one" if len(ids) == 1 else "many"
            key = f"catalogue.hidden_uses.{SECTION_OF[name]}.{count}"
            uses.append(Message.of(key, count=len(ids), ids=_shown_ids(ids)))
        if name == PROPOSALS and reading.kinds_hidden:
            kinds = [k for k in KIND_WORDS if any(k in v for v in reading.kinds_hidden.values())]
            words = {
                lang: f" {catalogue(lang).t('catalogue.cell.or')} ".join(
                    f"'{KIND_WORDS[kind]}'"
                    for kind in kinds  # the workbook's own words
                )
                for lang in LANGUAGES
            }
            count = "one" if len(reading.kinds_hidden) == 1 else "many"
            uses.append(
                Message.of(
                    f"catalogue.hidden_uses.kinds.{count}",
                    scenarios=_shown_ids(list(reading.kinds_hidden)),
                    kinds=ByLanguage.of(**words),
                )
            )
        if not uses:
            continue
        reading.warnings.remove(warning)
        used = (
            uses[0]
            if len(uses) == 1
            else Message.of("catalogue.hidden_uses.both", first=uses[0], second=uses[1])
        )
        key = re.sub(r"^(catalogue\.rows_(?:hidden|collapsed))\.", r"\1_used.", warning.said.key)
        said = Message.of(key, rows=warning.said.kwargs["rows"], uses=used)
        reading.problems.append(Found(line, CatalogueProblem(warning.where, said)))


def loader_problem(reading: Reading, line: int, said: Message) -> None:
    """Add a problem the deck loader found at ``line`` (a cell's number, ``Reading.line``)
    to ``reading``, at its cell and in the sheet's words; a problem of the deck as a whole
    is said for the workbook."""
    place = reading.places.get(line)
    if said.key == "deck.no_header":
        if ABOUT not in reading.empty:
            reading.whole("catalogue.no_about")
        return
    if said.key in _WHOLE_MESSAGES:
        part, key = _WHOLE_MESSAGES[said.key]
        if part not in reading.empty:
            reading.whole(key)
        return
    if place is None:
        reading.whole(said)
        return
    sheet, cell = place
    name = str(said.kwargs.get("field", ""))
    if said.key == "deck.missing_field":
        if {(sheet.name, cell.row, name), (sheet.name, 0, name)} & reading.reported:
            return
        header = reading.header_words(sheet.name, name)
        reading.add(sheet, cell, "catalogue.field_missing", header=header)
        return
    if said.key == "deck.format2_field":
        header, about = reading.header_words(sheet.name, name), reading.sheet_words(ABOUT)
        reading.add(sheet, cell, "catalogue.format2", header=header, about=about)
        return
    if said.key == "deck.id_twice.proposals" and reading.rows_per_year:
        return  # one row per proposal and year: said once, with the layout to use
    written = [old for old, new in reading.respelled if new == said.kwargs.get("id")]
    if said.key.startswith("deck.id_twice.") and written:
        # the id as the workbook wrote it ("ÆSU-1"), not as the import spelt it ("AeSU-1")
        other = _places(reading, f"({said.kwargs.get('where', '')})").strip("()")
        reading.add(sheet, cell, "catalogue.id_twice", id=" / ".join(written), where=other)
        return
    reading.add(sheet, cell, in_sheet_words(reading, sheet, said))


_NUMBER_PARAMS: dict[str, tuple[str, ...]] = {
    "field.at_least": ("ge", "value"),
    "field.at_most": ("le", "value"),
    "field.greater": ("gt", "value"),
    "field.whole": ("value",),
    "field.number": ("value",),
    "field.too_long_text": ("length", "most"),
    "deck.target_range": ("limit",),
}
"""The loader's messages that write a limit or a value as YAML does ("1000000000", "1e+308",
"1.5"), and those parameters: in the workbook's words they are numbers as its reader writes
them ("1.000.000.000", "et meget stort tal", "1,5")."""
_NUMBER_TEXT = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|[-+]?inf")


def _numbers_as_read(said: Message) -> Message:
    """``said`` with the numbers ``_NUMBER_PARAMS`` names written by ``grouped``."""
    names = _NUMBER_PARAMS.get(said.key, ())
    params = dict(said.params)
    for name in names:
        value = params.get(name)
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        if number or (isinstance(value, str) and _NUMBER_TEXT.fullmatch(value)):
            params[name] = amount_text(float(value))  # type: ignore[arg-type]
        elif isinstance(value, Message) and value.key == "field.value_long_number":
            params[name] = Message.of("number.huge")  # as ``grouped`` says a cell's 1e308
    return Message.of(said.key, **params) if names else said


_DANISH_SHEET = re.compile(r"(?<!\w)(Om kataloget|Forslag|Hændelser|Scenarier)(?!\w)")
"""A data sheet named in a message's own text ("på arket Scenarier", "'Forslag'")."""
_DANISH_HEADER = re.compile(
    "'("
    + "|".join(
        re.escape(header)
        for header in sorted(
            {spec.header for sheet in DATA_SHEETS for spec in COLUMNS[sheet]}, key=len, reverse=True
        )
    )
    + ")'"
)
"""A column named by its Danish heading in a message's own text ("'hændelser pr. runde'")."""
_ENGLISH_WORDS = {
    "'Noter'": "'Notes'",
    "'Servicebeskrivelse'": "'Impact on users'",
    "'Intern note'": "'Internal note'",
    "'Grundbudget'": "'Base budget'",
}
"""Names a message asks the office to type (a sheet, a heading the import skips), in Danish
and as an English workbook would have them."""
_NAMED_PARAMS = frozenset({"header", "name", "about", "sheet", "close", "missing"})
"""Parameters that name one sheet or one column by its Danish name."""
_LISTED_PARAMS = frozenset({"names", "columns", "fields"})
"""Parameters that list columns by their quoted Danish names."""


def in_workbook_names(reading: Reading, problem: CatalogueProblem) -> CatalogueProblem:
    """``problem`` with the sheets and columns its text names as the workbook names them, for
    a workbook whose sheets are named in English (``Reading.english``): "write 0 under
    'events per round' on the sheet Scenarios", not "… 'hændelser pr. runde' on the sheet
    Scenarier", which the workbook has not. Other workbooks' problems as they are."""
    if not reading.english:
        return problem
    # a heading several sheets have ('id', 'titel') as the problem's own sheet heads it
    own = [
        name
        for name, sheet in reading.catalogue.sheets.items()
        if sheet.in_workbook and problem.where.startswith(f"{sheet.where()}!")
    ]
    headers: dict[str, str] = {}
    for part in [*own, *(name for name in DATA_SHEETS if name not in own)]:
        for spec in COLUMNS[part]:
            index = spec.index if spec.reader == "effect" else None
            words = reading.header_words(part, spec.field, index)
            if spec.header not in headers or (
                part not in own and headers[spec.header] == spec.header
            ):
                headers[spec.header] = words  # else a sheet's English heading wins

    def column(match: re.Match[str]) -> str:
        return f"'{headers.get(match.group(1), match.group(1))}'"

    def named(match: re.Match[str]) -> str:
        return reading.sheet_words(match.group(1))

    def text(words: str) -> str:
        for danish, english in _ENGLISH_WORDS.items():
            words = words.replace(danish, english)
        return _DANISH_SHEET.sub(named, _DANISH_HEADER.sub(column, words))

    def template(key: str, words: str) -> str:
        return text(words) if key.startswith("catalogue.") else words

    def renamed(said: Message) -> Message:
        params: dict[str, Any] = {}
        for name, value in said.params:
            if isinstance(value, Message):
                value = renamed(value)
            elif isinstance(value, str) and name in _NAMED_PARAMS:
                value = (
                    reading.sheet_words(value)
                    if value in DATA_SHEETS
                    else headers.get(value, value)
                )
            elif isinstance(value, str) and name in _LISTED_PARAMS:
                value = _DANISH_HEADER.sub(column, value)
            params[name] = value
        return Message.of(said.key, **params)

    said = renamed(problem.said)
    texts = {lang: catalogue(lang).reworded(said, template) for lang in LANGUAGES}
    return CatalogueProblem(problem.where, Message.of("say", text=ByLanguage.of(**texts)))


def in_sheet_words(reading: Reading, sheet: Sheet, said: Message) -> Message:
    """A message of the loader's with its field names as the sheet's headers, its
    "(FILE:LINE)" references as cells and its numbers as the reader writes them
    (``_numbers_as_read``), in every language."""
    said = _numbers_as_read(said)
    texts = {
        lang: _words(reading, sheet.name, _places(reading, render(said, lang)), lang)
        for lang in LANGUAGES
    }
    return Message.of("say", text=ByLanguage.of(**texts))


def _places(reading: Reading, message: str) -> str:
    """The loader's "(FILE:LINE)" references in a message as cells: "(Forslag!A7)"."""

    def cell(match: re.Match[str]) -> str:
        place = reading.places.get(int(match.group(1)))
        if place is None:
            return match.group(0)
        sheet, found = place
        return (
            f"({sheet.cell_name(found.ref)})"
            if sheet.in_workbook
            else f"({sheet.where(found.ref)})"
        )

    return re.sub(r"\([^()]*:(\d+)\)", cell, message)


def _words(reading: Reading, sheet: str, message: str, lang: str) -> str:
    """The loader's field names as the sheet's headers (``Reading.header_words``: its own
    headings of its amount columns, "2027" or "Year 2", and its English headings), and its
    kinds as the sheet writes them (the headers and the kinds are the workbook's own words in
    every language)."""
    fields = {column.field for column in COLUMNS[sheet]}

    def header(match: re.Match[str]) -> str:
        name, word, number = match.group(1), match.group(2), match.group(3)
        if name in KIND_WORDS:
            return f"'{KIND_WORDS[name]}'"
        if name not in fields:
            return match.group(0)
        if name == "effect" and number is not None:
            return f"'{reading.header_words(sheet, name, int(number) - 1)}'"
        shown = f"'{reading.header_words(sheet, name)}'"
        return f"{shown} ({word}. {number})" if number is not None else shown

    text = _QUOTED.sub(header, message)
    if sheet == ABOUT:
        say = catalogue(lang).t
        about = reading.sheet_words(ABOUT)
        text = text.replace(say("deck.element.deck"), say("catalogue.about_sheet", about=about))
    return text
