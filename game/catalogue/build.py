"""From the cells of a catalogue to a validated deck, with every problem named by its cell.

Each sheet becomes one document for the deck loader (``game.content.load_documents``), whose
line numbers are cell numbers: every problem the loader finds is turned back into the cell it
concerns ("katalog.xlsx:Forslag!C12: …") and its field names into the sheet's Danish headers,
so the import checks exactly what ``raaderum validate`` checks, and says it in the workbook's
words. What only a sheet can get wrong (a header, a merged cell, a formula, a number written
as text that cannot be read) is checked here first; all problems are reported at once.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from game.catalogue.cells import (
    LIST_WORDS,
    Cell,
    CellError,
    cell_range,
    column_letter,
    column_number,
    kind_word,
    read,
    shortened,
    written_units,
)
from game.catalogue.columns import (
    ABOUT,
    ABOUT_ROWS,
    COLUMNS,
    DATA_SHEETS,
    EVENTS,
    GUIDE,
    LISTS,
    PROPOSALS,
    SCENARIOS,
    SECTION_OF,
    Column,
    header_key,
    label,
    looks_like,
    looks_like_amount_heading,
    lookup,
    normal,
    sheet_key,
)
from game.catalogue.headings import (
    header_row,
    heading_year,
    join_heading_rows,
    overslag_number,
    speaks_of_a_year,
    stated_units,
)
from game.catalogue.sheets import Catalogue, CatalogueProblem, Sheet
from game.catalogue.writer import TEMPLATE
from game.content import DeckError, load_documents
from game.content.loader import font_warnings
from game.content.numbertext import amount_text, grouped
from game.content.plausibility import amount_list, deck_warnings, luck_warnings, unit_in_words
from game.content.schema import ID_PATTERN, unit_scale
from game.content.validation_messages import id_spelling
from game.content.yamlsafe import Problem, YamlDocument
from game.engine.model import Deck, Event, Scenario
from game.messages import LANGUAGES, ByLanguage, Message, catalogue, render
from game.numbers import is_known_unit, usual_unit

_ROW_SPAN = 1_000
_SHEET_SPAN = 100_000 * _ROW_SPAN
_KIND_WORDS = {"saving": "besparelse", "efficiency": "effektivisering", "investment": "investering"}


_REMARKS = frozenset({"bemærkning", "bemærkninger"})
"""Headings read as the card's text that often hold a budget office's internal remarks."""


class CatalogueError(Exception):
    """A catalogue that does not make a deck; ``said`` holds every problem (where it is and
    what it is), in the order of the sheets and cells, and ``lines(lang)`` words them as
    "katalog.xlsx:Forslag!C12: message"; ``problems`` are those lines in Danish."""

    def __init__(
        self, said: list[CatalogueProblem], warnings: list[CatalogueProblem] | None = None
    ) -> None:
        self.said = said
        self.warnings = list(warnings or [])
        """The warnings found before the import stopped (said too, so one round of fixes
        takes care of all that is known)."""
        self.problems = self.lines()
        super().__init__("\n".join(self.problems))

    def lines(self, lang: str = "da") -> list[str]:
        """Every problem as one line in ``lang``."""
        return [problem.text(lang) for problem in self.said]


@dataclass(frozen=True)
class Imported:
    """A catalogue that makes a valid deck: the deck's data (what its YAML files hold), the
    deck, and warnings (columns that are not part of a catalogue and were skipped)."""

    data: dict[str, Any]
    deck: Deck
    warnings: tuple[CatalogueProblem, ...] = ()


@dataclass
class _Found:
    """A problem at a cell (or a sheet) before it is written as a line."""

    rank: int
    problem: CatalogueProblem


@dataclass
class _Reading:
    """What interpreting a catalogue has found so far."""

    catalogue: Catalogue
    problems: list[_Found] = field(default_factory=list)
    warnings: list[CatalogueProblem] = field(default_factory=list)
    places: dict[int, tuple[Sheet, Cell]] = field(default_factory=dict)
    reported: set[tuple[str, int, str]] = field(default_factory=set)
    """(sheet, row, field) of every cell already reported, so the loader does not repeat it."""
    read: set[tuple[str, str]] = field(default_factory=set)
    """(sheet, cell) of every cell read for a field."""
    empty: set[str] = field(default_factory=set)
    """Sheets reported as having no rows."""
    year_gaps: set[str] = field(default_factory=set)
    """Sheets whose amount headings skip a year (said once, at the heading)."""
    year_headers: dict[tuple[str, int], str] = field(default_factory=dict)
    """(sheet, row) → the first year written as a column heading in that row (2027)."""
    respelled: list[tuple[str, str]] = field(default_factory=list)
    """Ids written with æ, ø, å or spaces, and the ids they became ("Æ-1" → "Ae-1")."""
    effect_headers: dict[str, dict[int, str]] = field(default_factory=dict)
    """Sheet → amount column index → its heading, where the sheet heads them by budget year."""
    unit: str = "mio. kr."
    """The deck's unit as 'Om kataloget' writes it (for messages about amounts)."""
    converted: list[tuple[Sheet, Cell, Any]] = field(default_factory=list)
    """Amount cells with another unit written after the number, and the value they became."""
    budget_years: dict[str, str] = field(default_factory=dict)
    """Sheet → the first year of its amount columns headed by budget years ("2027", "2028" …):
    every row without its own 'fra budgetår' is tied to those years."""
    budget_year_cells: dict[str, Cell] = field(default_factory=dict)
    """Sheet → the heading of its first budget-year column (where a problem with it is said)."""
    said_headings: set[tuple[str, str]] = field(default_factory=set)
    """(sheet, cell) of headings already refused with a problem of their own."""
    hidden_cards: dict[str, dict[str, str]] = field(default_factory=dict)
    """Sheet → the ids on its hidden rows, each with its kind ("saving" …, "" if none)."""
    hidden_warnings: dict[str, tuple[CatalogueProblem, int]] = field(default_factory=dict)
    """Sheet → the warning naming its hidden rows and its place (made a problem when the rest
    of the catalogue needs those rows)."""
    follow_ons: dict[str, list[str]] = field(default_factory=dict)
    """Sheet → the ids named elsewhere that stand on its hidden rows, or, for a sheet that was
    not read at all, the ids named elsewhere that could not be checked (one line says so)."""
    kinds_hidden: dict[str, list[str]] = field(default_factory=dict)
    """Scenario → the kinds it lacks only because their proposals stand on hidden rows."""
    years_misplaced: bool = False
    """True when the year columns start before the scenarios' first year: the amounts are read
    one year off, so the sign checks' advice (which the shift causes) is not given."""

    def line(self, sheet: Sheet, cell: Cell) -> int:
        number = (DATA_SHEETS.index(sheet.name) + 1) * _SHEET_SPAN
        number += cell.row * _ROW_SPAN + min(cell.column, _ROW_SPAN - 1)
        self.places[number] = (sheet, cell)
        return number

    def add(
        self,
        sheet: Sheet,
        cell: Cell | None,
        said: Message | str,
        at: str | None = None,
        **params: Any,
    ) -> None:
        """A problem at ``cell`` (or at the range ``at``, or at the sheet): the message
        ``said``, or its key and ``params``."""
        rank = DATA_SHEETS.index(sheet.name) + 1 if sheet.name in DATA_SHEETS else 0
        number = rank * _SHEET_SPAN
        if cell is not None:
            number = self.line(sheet, cell)
            at = at or cell.ref
        message = said if isinstance(said, Message) else Message.of(said, **params)
        self.problems.append(_Found(number, CatalogueProblem(sheet.where(at or ""), message)))

    def after_sheet(self, name: str, said: Message) -> None:
        """A problem that sums up lines of the sheet ``name``: said after them."""
        number = (DATA_SHEETS.index(name) + 2) * _SHEET_SPAN - 1
        self.problems.append(_Found(number, CatalogueProblem(self.catalogue.label, said)))

    def whole(self, said: Message | str, **params: Any) -> None:
        """A problem of the catalogue as a whole (named by its file)."""
        message = said if isinstance(said, Message) else Message.of(said, **params)
        self.problems.append(_Found(0, CatalogueProblem(self.catalogue.label, message)))


def interpret(catalogue: Catalogue, header: dict[str, Any] | None = None) -> Imported:
    """The deck a catalogue makes; raises ``CatalogueError`` with every problem.

    ``header`` is the deck header to use when the catalogue has no "Om kataloget" sheet (an
    import of CSV files); a workbook must have the sheet.
    """
    reading = _Reading(catalogue)
    reading.warnings.extend(catalogue.notes)
    documents: list[YamlDocument] = []
    stated: dict[str, tuple[Sheet, list[tuple[Cell, str]]]] = {}
    """Data sheet → the units its titles and headings name (checked against the deck's)."""
    for name in DATA_SHEETS:
        sheet = catalogue.sheets.get(name)
        if sheet is not None and sheet.hidden_rows:
            # each row named with its first cell ("8 (BU-05)"), at the first hidden row
            rows = ", ".join(
                f"{r} ({shortened(sheet.hidden_first[r][1])})"
                if r in sheet.hidden_first
                else str(r)
                for r in sheet.hidden_rows[:12]
            )
            more = "…" if len(sheet.hidden_rows) > 12 else ""
            count = "one" if len(sheet.hidden_rows) == 1 else "many"
            said = Message.of(f"catalogue.rows_hidden.{count}", rows=rows + more)
            top = sheet.hidden_rows[0]
            column = sheet.hidden_first.get(top, (1, ""))[0]
            at = sheet.where(Cell(top, column, None).ref)
            reading.hidden_warnings[name] = (
                CatalogueProblem(at, said),
                reading.line(sheet, Cell(top, column, None)),
            )
            reading.warnings.append(reading.hidden_warnings[name][0])
        if sheet is None:
            if name in catalogue.refused:
                # its file was given but refused (said first): not missing, and not read
                reading.empty.add(name)
            elif name == ABOUT and header is not None:
                documents.append(YamlDocument(catalogue.label, {"deck": header}))
                if isinstance(header.get("unit"), str) and header["unit"].strip():
                    reading.unit = usual_unit(header["unit"].strip())
                    header["unit"] = reading.unit
                said = Message.of("catalogue.csv_defaults")
                reading.warnings.append(CatalogueProblem(catalogue.label, said))
            elif name in (ABOUT, PROPOSALS, SCENARIOS) or _looking_like(catalogue, name):
                _missing_sheet(reading, name)
            continue
        above = 0
        if name != ABOUT:
            joined = join_heading_rows(sheet)
            sheet = dataclasses.replace(joined.sheet, cells=dict(joined.sheet.cells))
            above = header_row(sheet)
            stated[name] = (sheet, stated_units(sheet, joined.bands))
        _comments(reading, sheet, max(above, 1))
        for merged in sheet.merged:
            cells = cell_range(merged)
            if cells is not None and cells[1][0] < above:
                continue  # a title merged over the columns, above the headings: not read
            if name != ABOUT and _fill_down(reading, sheet, merged, above):
                continue
            reading.add(sheet, None, "catalogue.merged", at=merged)
        document = _about(reading, sheet) if name == ABOUT else _table(reading, sheet)
        _notes_on_cells_read(reading, sheet)
        if name == ABOUT and document is not None:
            unit = document.data["deck"].get("unit")
            if isinstance(unit, str) and unit.strip():
                reading.unit = usual_unit(unit.strip())
                document.data["deck"]["unit"] = reading.unit  # "1.000 kr." is written "t. kr."
        if document is not None:
            documents.append(document)
    _unread_sheets(reading)
    _settle_spaced_ids(reading, documents)
    _converted_note(reading)
    if reading.respelled:
        shown = ", ".join(f"'{old}' → '{new}'" for old, new in reading.respelled[:4])
        more = " …" if len(reading.respelled) > 4 else ""
        count = "one" if len(reading.respelled) == 1 else "many"
        said = Message.of(
            f"catalogue.ids_respelled.{count}", count=len(reading.respelled), ids=shown + more
        )
        reading.warnings.append(CatalogueProblem(catalogue.label, said))
    data = _merged(documents)
    _years_before_the_scenarios(reading, data)
    units_disagree = _units_agree(reading, data, stated)
    try:
        deck = load_documents(documents)
    except DeckError as error:
        unread = _unread(reading)
        for problem in error.problems:
            if _follows_on(reading, unread, problem.said):
                continue  # said once, with its cause (_say_follow_ons)
            if problem.said.key in ("deck.unit_probably_thousands", "deck.unit_probably_kroner"):
                # many amounts over the limit of the unit: said first, in the workbook's words
                # ('enhed' on Om kataloget) – unless a title already said which unit it is
                if not units_disagree:
                    count = problem.said.kwargs["count"]
                    key = problem.said.key.replace("deck.", "catalogue.", 1)
                    reading.whole(key, count=count)
                continue
            if units_disagree and problem.said.key in (
                "deck.effect_too_big",
                "deck.effect_too_small",
                "deck.construction_too_big",
                "deck.construction_budget_too_big",
            ):
                continue  # the unit said at its title or heading is the cause; not 40 lines more
            if problem.said.key == "deck.no_header_any" and ABOUT in reading.empty:
                continue  # the missing sheet 'Om kataloget' is said, in the workbook's words
            if reading.years_misplaced and problem.said.key.startswith(_SIGN_CHECKS):
                continue  # the amounts are read a year off: the year columns are the cause
            if problem.said.key.startswith("deck.savings_cost_more."):
                reading.after_sheet(PROPOSALS, problem.said)  # the savings not named above
                continue
            if problem.said.key in _SAID_FOR_THE_WORKBOOK and problem.line in reading.places:
                sheet, cell = reading.places[problem.line]
                reading.add(sheet, cell, _for_the_workbook(problem.said))
                continue
            _loader_problem(reading, problem.line, problem.said)
        _say_follow_ons(reading, unread)
        deck = None
    if deck is not None:
        for document in documents:  # a 👍 in a text is drawn without it: said as validate does
            for warning in font_warnings(document):
                _loader_warning(reading, warning)
        for warning in deck_warnings(deck, documents):
            if warning.said.key in _ON_THE_EVENTS_SHEET:
                _on_the_events_sheet(reading, warning.said)
                continue
            _loader_warning(reading, warning)
        for warning in luck_warnings(deck, documents):  # as validate says it, at the target
            _loader_warning(reading, warning)
        _what_a_budget_office_gets_wrong(reading, deck, documents)
    if reading.problems or catalogue.problems or deck is None:
        # a file or rows the reading had to leave out fail the import too: the deck would
        # silently lack them
        # and the real warnings found so far (not the notes on how the sheet was read)
        warned = [w for w in reading.warnings if render(w.said).startswith("advarsel")]
        raise CatalogueError(_lines(reading, catalogue.problems), warned)
    return Imported(data=data, deck=deck, warnings=tuple(reading.warnings))


_SAID_FOR_THE_WORKBOOK = {
    "deck.savings_cost": "catalogue.savings_cost",
    "deck.savings_cost_negative": "catalogue.savings_cost_negative",
    "deck.saving_costs.negative": "catalogue.saving_costs.negative",
    "deck.efficiency_never_frees.negative": "catalogue.efficiency_never_frees.negative",
    "deck.investment_turned.negative": "catalogue.investment_turned.negative",
    "deck.amount_in_millions.one": "catalogue.amount_in_millions.one",
    "deck.amount_in_millions.many": "catalogue.amount_in_millions.many",
    "deck.unit_large": "catalogue.unit_large",
    "deck.unit_large_kr": "catalogue.unit_large_kr",
    "deck.unit_small": "catalogue.unit_small",
    "deck.in_no_scenario": "catalogue.in_no_scenario",
    "deck.event_in_no_scenario": "catalogue.event_in_no_scenario",
    "deck.event_sign.says_cost": "catalogue.event_sign.says_cost",
    "deck.event_sign.says_gain": "catalogue.event_sign.says_gain",
    "deck.event_sign.most_gain": "catalogue.event_sign.most_gain",
    "deck.event_sign.more": "catalogue.event_sign.more",
    "deck.event_sign.rule_negative": "catalogue.event_sign.rule_negative",
    "deck.event_sign.rule_positive": "catalogue.event_sign.rule_positive",
    "deck.no_welfare_area": "catalogue.no_welfare_area",
    "deck.no_events": "catalogue.no_events",
}
"""The loader's checks of what a deck means (``game.content.plausibility``) whose advice names
a YAML field ("skriv sign: savings_negative"), and the same message in the workbook's words
("skriv 'besparelser negative' ud for 'fortegn' på arket Om kataloget")."""

_SIGN_CHECKS = (
    "deck.savings_cost",
    "deck.saving_costs",
    "deck.efficiency_never_frees",
    "deck.investment_turned",
)
"""The loader's checks of the amounts' signs (key prefixes)."""

_UNIT_STOPS = {
    "deck.unit_large": "catalogue.unit_large_stop",
    "deck.unit_large_kr": "catalogue.unit_large_kr_stop",
    "deck.unit_small": "catalogue.unit_small_stop",
}
"""The loader's warnings that a deck's typical card is far too large (or small) for its unit,
and the import's refusals in their place (a YAML deck written by hand is warned, not
refused)."""

_OF_THE_WHOLE = frozenset(
    {"deck.unit_large", "deck.unit_large_kr", "deck.unit_small", "deck.no_welfare_area"}
)
"""Warnings about the catalogue as a whole (named by its file, not by a cell)."""

_ON_THE_EVENTS_SHEET = frozenset(
    {"deck.event_sign.more", "deck.event_sign.rule_negative", "deck.event_sign.rule_positive"}
)
"""Warnings about the events as a whole (named by the sheet Hændelser; in a YAML deck they
stand at the header's ``sign``)."""


def _on_the_events_sheet(reading: _Reading, said: Message) -> None:
    events = reading.catalogue.sheets.get(EVENTS)
    at = events.where() if events is not None else reading.catalogue.label
    reading.warnings.append(CatalogueProblem(at, _for_the_workbook(said)))


def _for_the_workbook(said: Message) -> Message:
    return Message(_SAID_FOR_THE_WORKBOOK[said.key], said.params)


def _loader_warning(reading: _Reading, warning: Problem) -> None:
    """A warning of the loader's (``deck_warnings``) at its cell, in the workbook's words: its
    own message where the loader's names a YAML field, else the field names as the sheet's
    headers."""
    place = reading.places.get(warning.line)
    said = warning.said
    if said.key in _UNIT_STOPS:
        # a typical card of hundreds of mio. kr.: the unit is wrong (the template's "mio. kr."
        # left for amounts in t. kr.); a deck of such cards is no use, so the import stops
        reading.whole(_UNIT_STOPS[said.key], **said.kwargs)
        return
    if said.key in _SAID_FOR_THE_WORKBOOK:
        said = _for_the_workbook(said)
        if warning.said.key in _OF_THE_WHOLE or place is None:
            reading.warnings.append(CatalogueProblem(reading.catalogue.label, said))
            return
    if place is None:
        reading.warnings.append(CatalogueProblem(reading.catalogue.label, said))
        return
    sheet, cell = place
    if said.key.startswith("deck."):
        said = _in_sheet_words(reading, sheet, said)
    reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), said))


TEMPLATE_EXAMPLES = frozenset(card["id"] for card in TEMPLATE["proposals"])
"""The ids of the example rows ``raaderum template`` writes on its Forslag sheet."""
_TEMPLATE_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    section: {card["id"]: (name, card[name]) for card in TEMPLATE[section] if card.get(name)}
    for section, name in (("events", "text"), ("scenarios", "briefing"))
}
"""The template's example events and scenarios by id, with the text that only the template
writes (a real event may well be called 'udligning', but not with the example's words)."""
LEFTOVER_FIELDS = ("text", "question", "source")
"""The texts of the template's examples that are the template's own words: found on a row of
the office's own, they were left when its table was pasted over the examples' first columns."""
ONE_OFF = re.compile(r"(?i)\bengangs\w*")
"""Words that say a proposal's amount comes once (engangsindtægt, engangsbeløb …)."""


def _units_agree(
    reading: _Reading,
    data: dict[str, Any],
    stated: dict[str, tuple[Sheet, list[tuple[Cell, str]]]],
) -> bool:
    """A problem at each title or heading that names another unit than the deck's ("Beløb i
    1.000 kr." over a sheet whose 'Om kataloget' says mio. kr.): every amount would be read
    a thousand times too large or too small, so the import stops and names both. Returns
    True when it found one (the amounts' own range problems then say nothing new)."""
    about = data.get("deck")
    unit = about.get("unit") if isinstance(about, dict) else None
    written = str(unit).strip() if isinstance(unit, str) and unit.strip() else ""
    deck_unit = written or "mio. kr."
    sheet_of_about = reading.catalogue.sheets.get(ABOUT)
    if reading.catalogue.in_workbook and sheet_of_about is None:
        return False  # the missing sheet is named, and says that it holds the unit
    where: Message | None = None
    if reading.catalogue.in_workbook:
        where = Message.of("catalogue.unit_where_sheet", about=ABOUT)
    elif sheet_of_about is not None:
        where = Message.of("catalogue.unit_where_file", file=sheet_of_about.file)
    found = False
    for sheet, units in stated.values():
        for cell, named in units:
            if unit_scale(named) == unit_scale(deck_unit) and (
                not written or is_known_unit(written)
            ):
                continue
            params = {
                "text": shortened(str(cell.value).strip(), 60),
                "named": usual_unit(named),
                "unit": deck_unit,
                "about": where,
            }
            if written and not is_known_unit(written):
                key = "catalogue.unit_conflict_unknown"
            elif where is not None:
                key = "catalogue.unit_conflict"
            else:
                key = "catalogue.unit_conflict_csv"
            reading.add(sheet, cell, Message.of(key, **params))
            found = True
            break  # one line per sheet: the first title or heading that disagrees
    return found


def _what_a_budget_office_gets_wrong(
    reading: _Reading, deck: Deck, documents: list[YamlDocument]
) -> None:
    """Checks of the deck as a whole that catch what is easily got wrong when a budget
    office's sheet is read: the template's examples left in (proposals, the event and the
    scenario), one-off amounts that would
    repeat, a 'fra budgetår' filled on some rows only, and areas that match no welfare area
    (all warnings). The checks a YAML deck needs as much – the sign convention, amounts in
    another unit, rows that reach no table – are the loader's (``game.content.plausibility``)."""

    def where(section: str, index: int, *key: str | int) -> str:
        return _where(reading, documents, section, index, *key)

    def warn(at: str, key: str, **params: Any) -> None:
        reading.warnings.append(CatalogueProblem(at, Message.of(key, **params)))

    proposals = list(deck.proposals)
    example_words = {
        (name, str(card[name])): card["id"]
        for card in TEMPLATE["proposals"]
        for name in LEFTOVER_FIELDS
        if card.get(name)
    }
    for index, proposal in enumerate(proposals):
        if proposal.id in TEMPLATE_EXAMPLES and proposal.source.startswith("Eksempel"):
            warn(where("proposals", index, "id"), "catalogue.template_example", id=proposal.id)
            continue
        left = [
            (name, example_words[(name, getattr(proposal, name))])
            for name in LEFTOVER_FIELDS
            if (name, getattr(proposal, name)) in example_words
        ]
        if left:
            warn(
                where("proposals", index, left[0][0]),
                "catalogue.template_leftover",
                id=proposal.id,
                columns=", ".join(f"'{label(PROPOSALS, name)}'" for name, _ in left),
                example=left[0][1],
            )
        one_off = ONE_OFF.search(f"{proposal.title} {proposal.text}")
        if one_off and len(set(proposal.profile)) == 1 and proposal.effect[0] != 0:
            warn(
                where("proposals", index, "effect", 0),
                "catalogue.one_off",
                id=proposal.id,
                word=one_off.group(0),
            )
    # the template's example event and scenario, left when the office's own rows were added
    examples: tuple[tuple[str, Sequence[Event | Scenario]], ...] = (
        ("events", deck.events),
        ("scenarios", deck.scenarios),
    )
    for section, cards in examples:
        for index, card in enumerate(cards):
            own = _TEMPLATE_WORDS[section].get(card.id)
            if own is not None and getattr(card, own[0]) == own[1]:
                key = f"catalogue.template_example.{section}"
                warn(where(section, index, "id"), key, id=card.id)
    tied = [i for i, p in enumerate(proposals) if p.calendar_year is not None]
    if tied and len(tied) < len(proposals) and PROPOSALS not in reading.budget_years:
        untied = [p.id for p in proposals if p.calendar_year is None]
        first = next(i for i, p in enumerate(proposals) if p.calendar_year is None)
        warn(
            where("proposals", first, "id"),
            "catalogue.from_year_some",
            tied=len(tied),
            untied=len(untied),
        )


def _where(
    reading: _Reading, documents: list[YamlDocument], section: str, index: int, *key: str | int
) -> str:
    """The cell that holds ``key`` of the ``index``-th card of ``section`` ("Forslag!E5"),
    or the catalogue when it has none."""
    for doc in documents:
        if isinstance(doc.data, dict) and section in doc.data:
            place = reading.places.get(doc.line((section, index, *key)))
            if place is not None:
                return place[0].where(place[1].ref)
    return reading.catalogue.label


FORMULAS_TOGETHER = 5
"""From this many cells with formulas on one sheet, they are named in one line (their range)."""


def _lines(reading: _Reading, first: Iterable[CatalogueProblem]) -> list[CatalogueProblem]:
    seen: set[CatalogueProblem] = set()
    lines = list(first)
    for found in sorted(reading.problems, key=lambda f: f.rank):
        if found.problem not in seen:
            seen.add(found.problem)
            lines.append(found.problem)
    return _formulas_together(lines)


def _formulas_together(lines: list[CatalogueProblem]) -> list[CatalogueProblem]:
    """Many cells with formulas on one sheet (a catalogue whose sums and phasings are
    formulas) as one line at their range – "Forslag!E5:H56: 38 celler har formler" – in the
    place of the first, instead of one line per cell that buries the one thing to do."""
    cells: dict[str, list[tuple[int, int, CatalogueProblem]]] = {}
    for line in lines:
        place = re.fullmatch(r"(.*!)([A-Z]+)(\d+)", line.where)
        if line.said.key == "catalogue.cell.formula" and place:
            column = column_number(place.group(2))
            cells.setdefault(place.group(1), []).append((int(place.group(3)), column, line))
    merged: dict[int, CatalogueProblem] = {}
    dropped: set[int] = set()
    for sheet, found in cells.items():
        if len(found) < FORMULAS_TOGETHER:
            continue
        rows = [row for row, _, _ in found]
        columns = [column for _, column, _ in found]
        span = (
            f"{sheet}{column_letter(min(columns))}{min(rows)}"
            f":{column_letter(max(columns))}{max(rows)}"
        )
        example = dict(found[0][2].said.params).get("formula", "")
        said = Message.of("catalogue.formulas", count=len(found), example=example)
        merged[id(found[0][2])] = CatalogueProblem(span, said)
        dropped |= {id(line) for _, _, line in found[1:]}
    return [merged.get(id(line), line) for line in lines if id(line) not in dropped]


def _fill_down(reading: _Reading, sheet: Sheet, merged: str, heading_row: int) -> bool:
    """Read a cell merged down over several proposals ("Ældreudvalget" over rows 6–12 of the
    'område' column) as its value in each of those rows, with a warning; True when done. Only
    a merge within one column that is not an amount is read so: a merged amount would count
    once or several times, and the import cannot know which."""
    cells = cell_range(merged)
    if cells is None or cells[0][1] != cells[1][1]:
        return False
    (first, column), (last, _) = cells
    heading = sheet.cells.get((heading_row, column))
    top = sheet.cells.get((first, column))
    if heading is None or top is None or first <= heading_row:
        return False
    spec = lookup(sheet.name).get(header_key(heading.value))
    if spec is None or spec.reader == "effect":
        return False
    for row in range(first + 1, last + 1):
        sheet.cells[(row, column)] = Cell(row, column, top.value)
    text = shortened(str(top.value).strip())
    said = Message.of("catalogue.merged_filled", at=merged, text=text, first=first, last=last)
    reading.warnings.append(CatalogueProblem(sheet.where(merged), said))
    return True


def _looking_like(catalogue: Catalogue, name: str) -> list[str]:
    """The sheets that are not read whose names point at the data sheet ``name``."""
    return [other for other in catalogue.other_sheets if looks_like(other) == name]


def _comments(reading: _Reading, sheet: Sheet, headings: int) -> None:
    """A warning naming the cells under the headings (row ``headings``) that carry an Excel
    comment: a budget office's note on a proposal is not read, so it is said."""
    cells = [ref for row, ref in sheet.comments if row > headings]
    if cells:
        named = ", ".join(cells[:6]) + ("…" if len(cells) > 6 else "")
        count = "one" if len(cells) == 1 else "many"
        said = Message.of(f"catalogue.comments.{count}", cells=named)
        reading.warnings.append(CatalogueProblem(sheet.where(), said))


def _unread_sheets(reading: _Reading) -> None:
    """A warning naming the workbook's sheets that are not read (not the guide's own): a
    second "Forslag 2026" next to "Forslag", a "Noter" sheet; so nothing is left out unsaid."""
    catalogue = reading.catalogue
    if not catalogue.in_workbook:
        return
    unread = [
        sheet
        for sheet in catalogue.other_sheets
        if sheet_key(sheet) not in (sheet_key(GUIDE), sheet_key(LISTS))
        and not (looks_like(sheet) and looks_like(sheet) not in catalogue.sheets)
    ]
    if unread:
        names = ", ".join(f"'{sheet}'" for sheet in unread[:8]) + ("…" if len(unread) > 8 else "")
        count = "one" if len(unread) == 1 else "many"
        said = Message.of(f"catalogue.sheets_unread.{count}", sheets=names)
        reading.warnings.append(CatalogueProblem(catalogue.label, said))


def _missing_sheet(reading: _Reading, name: str) -> None:
    catalogue = reading.catalogue
    others = catalogue.other_sheets
    close = _looking_like(catalogue, name)[:1] or difflib.get_close_matches(
        name, others, n=1, cutoff=0.6
    )
    what = Message.of(f"catalogue.missing.{'about' if name == ABOUT else SECTION_OF[name]}")
    if not catalogue.in_workbook and name != ABOUT:
        what = Message.of("catalogue.missing_csv", what=what, name=name)
    split = [s for s in others if any(stem in s.casefold() for stem in SPLIT_STEMS)]
    if "" in catalogue.refused:  # a refused file whose name does not say what it holds
        what = Message.of("catalogue.missing_refused", what=what, files=catalogue.refused[""])
    elif close:
        what = Message.of("catalogue.missing_close", what=what, close=close[0], name=name)
    elif name == PROPOSALS and len(split) >= 2:
        # one sheet per kind or per committee, as many catalogues are kept
        what = Message.of("catalogue.missing_split", what=what, sheets=", ".join(split[:8]))
    elif others:
        what = Message.of("catalogue.missing_others", what=what, sheets=", ".join(others[:8]))
    reading.whole(what)
    reading.empty.add(name)


SPLIT_STEMS = ("bespar", "spare", "effektivis", "invest", "udvalg", "forslag")
"""Parts of sheet names that say the proposals are split over several sheets ("Besparelser",
"Investeringer", "Børne- og Ungeudvalget")."""


def _merged(documents: list[YamlDocument]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for document in documents:
        for key, value in document.data.items():
            if isinstance(value, list):
                data.setdefault(key, []).extend(value)
            else:
                data[key] = value
    return data


# --- the "Om kataloget" sheet ----------------------------------------------------------------


def _about(reading: _Reading, sheet: Sheet) -> YamlDocument | None:
    names = {normal(row.field): row for row in ABOUT_ROWS}
    names.update({normal(row.header): row for row in ABOUT_ROWS})
    header: dict[str, Any] = {}
    document = YamlDocument(sheet.file, {"deck": header})
    first = Cell(1, 1, None)
    document.value_lines[("deck",)] = reading.line(sheet, first)
    seen: dict[str, Cell] = {}
    for row in sheet.rows():
        key = sheet.cells.get((row, 1))
        value = sheet.cells.get((row, 2))
        if key is None:
            if value is not None:
                reading.add(sheet, value, "catalogue.value_no_name")
            continue
        name = normal(key.value) if key.formula is None else ""
        if name in ("felt", "navn", "field"):
            continue  # the sheet's header row
        spec = names.get(name)
        if spec is None:
            what = Message.of("catalogue.what.field")
            _unknown(reading, sheet, key, [r.header for r in ABOUT_ROWS], what)
            continue
        if spec.field in seen:
            reading.add(sheet, key, "catalogue.twice", header=spec.header, ref=seen[spec.field].ref)
            continue
        seen[spec.field] = key
        where = value if value is not None else Cell(row, 2, None)
        document.key_lines[("deck", spec.field)] = reading.line(sheet, where)
        beyond = [c for c in sheet.row_cells(row) if c > 2]
        if sheet.separator == ";" and beyond and value is not None:
            # "velfærdsområder;Ældre; Sundhed; Skole": the list split by its semicolons,
            # of which only the first part would be read
            if spec.reader in LIST_READERS:
                _split_list(reading, sheet, spec, row, 2, max(beyond))
            else:
                at = sheet.cells[(row, min(beyond))]
                reading.add(sheet, at, "catalogue.csv_row_split", count=max(beyond), width=2)
            reading.reported.add((sheet.name, 0, spec.field))
            continue
        if value is None:
            if spec.required:
                reading.add(sheet, where, "catalogue.empty_value", header=spec.header)
                reading.reported.add((sheet.name, row, spec.field))
            continue
        reading.read.add((sheet.name, value.ref))
        try:
            header[spec.field] = read(spec, value)
        except CellError as error:
            reading.add(sheet, value, error.said)
            reading.reported.add((sheet.name, 0, spec.field))
    for spec in ABOUT_ROWS:
        if spec.required and spec.field not in seen:
            reading.add(sheet, None, "catalogue.about_missing", header=spec.header)
            reading.reported.add((sheet.name, 0, spec.field))
    return document


def _unknown(
    reading: _Reading, sheet: Sheet, cell: Cell, known: list[str], what: Message
) -> str | None:
    """Report a header (or a name on "Om kataloget") that is not known: an error when it is
    close to a known one or is a year, else a warning (the column is skipped). Returns the
    known name it was close to."""
    text = str(cell.value).strip()
    if cell.formula is not None:
        reading.add(sheet, cell, "catalogue.header_formula")
        return None
    if re.fullmatch(r"(19|20)\d\d", normal(text)):
        first = reading.year_headers.setdefault((sheet.name, cell.row), text)
        if sheet.name != PROPOSALS:
            # no 'fra budgetår' there: an event acts from the year it is drawn, and a
            # scenario writes its years in a column of their own
            part = "events" if sheet.name == EVENTS else "scenarios"
            reading.add(sheet, cell, f"catalogue.header_year_{part}", text=text)
        elif first == text:
            # years beside 'år 1', 'år 2' …: the one or the other (a budget table's years
            # alone are the phasing from adoption; 'fra budgetår' would tie them to the years)
            lookup_of = lookup(sheet.name)
            named = [
                f"'{other.value}'"
                for other in sheet.row_cells(cell.row).values()
                if other.formula is None
                and getattr(lookup_of.get(header_key(other.value)), "reader", None) == "effect"
            ]
            reading.add(sheet, cell, "catalogue.header_year", text=text, named=", ".join(named))
        else:
            reading.add(sheet, cell, "catalogue.header_year_next", text=text, first=first)
        return None
    if sheet.name == EVENTS and _names_from_year(text):
        # the proposals' column: an event has no budget year, so its cells are not read
        said = Message.of("catalogue.from_year_events", text=shortened(text))
        reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), said))
        return None
    if sheet.name in (PROPOSALS, EVENTS) and _sums_years(text):
        # "I alt 2027-2030": the sum of the year columns, not a year of its own; skipped
        said = Message.of("catalogue.sum_column", text=shortened(text))
        reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), said))
        return None
    if sheet.name in (PROPOSALS, EVENTS) and looks_like_amount_heading(text):
        # "år 11", "4 år", "Beløb år 1-4": an amount column the import cannot place; refused
        # like a year it cannot place, for its amounts would be missing unsaid
        reading.add(sheet, cell, "catalogue.amount_heading_unread", text=shortened(text))
        amounts = next(c for c in COLUMNS[sheet.name] if c.reader == "effect")
        return normal(amounts.header)
    if sheet.name in (PROPOSALS, EVENTS) and speaks_of_a_year(cell.value):
        # "2030 i alt", "BO3" before any year: a column of amounts the import cannot place;
        # skipped, its amounts would be missing (or the year before would carry on) unsaid
        reading.add(sheet, cell, "catalogue.year_heading_unread", text=shortened(text))
        amounts = next(c for c in COLUMNS[sheet.name] if c.reader == "effect")
        return normal(amounts.header)
    close = difflib.get_close_matches(normal(text), known, n=1, cutoff=0.75)
    if close:
        reading.add(sheet, cell, "catalogue.unknown_column", text=text, close=close[0])
        return close[0]
    said = Message.of("catalogue.skipped", text=shortened(text), what=what)
    reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), said))
    return None


_YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s*[-–—/]\s*(?:(?:19|20)?\d\d)\b")
"""Two years joined by a dash ("2027-2030", "2027–30"): a span of years."""


def _sums_years(text: str) -> bool:
    """True for a heading that names a total over a span of years ("I alt 2027-2030", "Sum
    2027–30", "2027-2030 i alt"): a column the year columns add up to."""
    plain = normal(text)
    if not _YEAR_SPAN.search(plain):
        return False
    words = plain.replace(",", " ")
    return any(words.startswith(w + " ") for w in TOTAL_WORDS) or words.endswith(TOTAL_ENDINGS)


# --- the sheets with one card per row -------------------------------------------------------


def _table(reading: _Reading, sheet: Sheet) -> YamlDocument | None:
    section = SECTION_OF[sheet.name]
    rows = sheet.rows()
    if not rows:
        if sheet.name != EVENTS:
            reading.add(sheet, None, _empty_text(sheet.name, "sheet"))
            reading.empty.add(sheet.name)
        return None
    header_row_ = header_row(sheet)
    skipped = [row for row in rows if row < header_row_]
    if skipped:
        shown = f"{skipped[0]}–{skipped[-1]}" if len(skipped) > 1 else str(skipped[0])
        count = "one" if len(skipped) == 1 else "many"
        said = Message.of(f"catalogue.title_rows.{count}", rows=shown, header=header_row_)
        reading.warnings.append(CatalogueProblem(sheet.where(), said))
    rows = [row for row in rows if row >= header_row_]
    columns = _headers(reading, sheet, header_row_)
    if columns is None:
        return None
    _hidden_cards(reading, sheet, columns)
    cards: list[dict[str, Any]] = []
    document = YamlDocument(sheet.file, {section: cards})
    split = False
    for row in rows[1:]:
        if _split_row(reading, sheet, header_row_, row, columns):
            split = True  # not read: its cells stand in the wrong columns
            continue
        first = _totals_cell(sheet, row, columns)
        if first is not None:
            # a totals row under the catalogue ("I alt"): not a proposal
            said = Message.of("catalogue.totals_row", row=row, text=str(first[1].value).strip())
            reading.warnings.append(CatalogueProblem(sheet.where(first[1].ref), said))
            continue
        inner_heading = _heading_cell(sheet, row, columns)
        if inner_heading is not None:
            text = shortened(str(inner_heading.value).strip())
            said = Message.of("catalogue.section_row", row=row, text=text)
            reading.warnings.append(CatalogueProblem(sheet.where(inner_heading.ref), said))
            continue
        numbers = _numbers_only(sheet, row, columns)
        if numbers:
            # a sum without its "I alt", or a card whose texts were forgotten: one problem at
            # the row (it is not skipped: it may be a proposal), not "'id' er tom" per column
            start, end = numbers[0].ref, numbers[-1].ref
            said = Message.of(
                "catalogue.numbers_only_row",
                row=row,
                cells=start if start == end else f"{start}:{end}",
            )
            reading.add(sheet, numbers[0], said)
            continue
        card = _card(reading, sheet, row, columns, document, (section, len(cards)))
        cards.append(card)
    if not cards:
        if sheet.name != EVENTS:
            if not split:  # the split rows are said, each with what to do
                reading.add(sheet, None, _empty_text(sheet.name, "headers_only"))
            reading.empty.add(sheet.name)
        return None
    return document


LIST_READERS = frozenset({"years", "numbers", "texts", "ids", "wholes"})
"""The readers of columns that hold a list in one cell ("2027; 2028; 2029")."""
_LOOKS_LIKE = {
    "years": re.compile(r"\s*(?:19|20)\d\d\s*"),
    "numbers": re.compile(r"\s*[-−–÷]?\s*[\d.,]*\d\s*(?:%)?\s*"),
    "wholes": re.compile(r"\s*\d+\s*"),
    "ids": re.compile(r"\s*[\w.-]+\s*"),
    "texts": re.compile(r".*\S.*"),
}
"""What one element of each kind of list looks like, split into a cell of its own."""


def _width(sheet: Sheet, header_row_: int) -> int:
    """The last column with a heading."""
    return max(sheet.row_cells(header_row_), default=0)


def _split_row(
    reading: _Reading, sheet: Sheet, header_row_: int, row: int, columns: dict[int, Column]
) -> bool:
    """In a semicolon-separated file, a list written without quotes ("2027; 2028; 2029")
    is split by its semicolons into cells of its own, and the row has more fields than the
    headings. Says which column's list was split, over which cells, and how to write it –
    in quotes, or with commas – and returns True; False for a row without such cells."""
    width = _width(sheet, header_row_)
    values = sheet.row_cells(row)
    if sheet.separator != ";" or not values or max(values) <= width:
        return False
    last = max(values)
    extra = last - width
    fields = [values.get(c) for c in range(1, last + 1)]
    lists: list[tuple[Column, int, int]] = []  # (column, first field, number of fields)
    position = 0
    for column in range(1, width + 1):
        spec = columns.get(column)
        taken = 1
        if spec is not None and spec.reader in LIST_READERS:
            looks = _LOOKS_LIKE[spec.reader]
            while taken <= extra:
                following = fields[position + taken]
                if following is None or not looks.fullmatch(str(following.value)):
                    break
                taken += 1
            if taken > 1:
                lists.append((spec, position, taken))
        extra -= taken - 1
        position += taken
    if extra or not lists:  # the cells are not a list's: said once for the row
        at = values[min(c for c in values if c > width)]
        reading.add(sheet, at, "catalogue.csv_row_split", count=last, width=width)
        return True
    for spec, first, count in lists:
        _split_list(reading, sheet, spec, row, first + 1, first + count)
    return True


def _split_list(
    reading: _Reading, sheet: Sheet, spec: Column, row: int, first: int, last: int
) -> None:
    """Say that the list of ``spec`` stands split over the columns ``first`` to ``last`` of
    ``row``, and how to write it so that it stays in one cell."""
    cells = [sheet.cells.get((row, column)) for column in range(first, last + 1)]
    parts = [str(cell.value).strip() for cell in cells if cell is not None]
    comma: Message | str = ""
    if spec.reader in ("years", "numbers", "ids", "wholes"):
        kind = "numbers" if spec.reader == "wholes" else spec.reader
        comma = Message.of(f"catalogue.csv_list_comma.{kind}", comma=", ".join(parts))
    said = Message.of(
        "catalogue.csv_list_split",
        header=spec.header,
        count=last - first + 1,
        cells=f"{column_letter(first)}{row}:{column_letter(last)}{row}",
        joined="; ".join(parts),
        comma=comma,
    )
    reading.add(sheet, cells[0] or Cell(row, first, None), said)


TOTAL_WORDS = (
    "i alt",
    "ialt",
    "total",
    "totalt",
    "subtotal",
    "sum",
    "samlet",
    "samlede",
    "hovedtotal",
    "netto",
    "nettoeffekt",
    "nettovirkning",
)
"""What a totals row's text begins with ("I alt", "I alt Børne- og Skoleudvalget", "Sum",
"Nettoeffekt", "Samlede besparelser")."""
TOTAL_ENDINGS = (" i alt", " ialt", " total", " samlet", " sum")
"""What a totals row's text ends with ("Ældreudvalget i alt", "Effektiviseringer total",
"Budgetkatalog, samlet")."""


def _totals_cell(sheet: Sheet, row: int, columns: dict[int, Column]) -> tuple[int, Cell] | None:
    """The cell that makes ``row`` a totals (or subtotal) row – text in one of its first three
    cells that begins with a word of ``TOTAL_WORDS`` or ends with one of ``TOTAL_ENDINGS`` –
    in a row without a kind or without an id (a proposal always has both; a subtotal of one
    kind may carry its kind); None for any other row."""
    kind_columns = [c for c, spec in columns.items() if spec.field == "kind"]
    id_columns = [c for c, spec in columns.items() if spec.field == "id"]
    has_kind = any(sheet.cells.get((row, c)) is not None for c in kind_columns)
    has_id = any(sheet.cells.get((row, c)) is not None for c in id_columns)
    if has_kind and (has_id or not id_columns):
        return None
    cells = list(sheet.row_cells(row).items())
    for column, cell in cells[:3]:
        if not isinstance(cell.value, str):
            continue
        text = normal(cell.value)
        if any(
            text == w or text.startswith((w + " ", w + ":", w + ",", w + "(")) for w in TOTAL_WORDS
        ):
            return column, cell
        ending = text.rstrip(":").replace(",", " ")
        if ending.endswith(TOTAL_ENDINGS) or text.startswith("heraf "):
            return column, cell  # "Ældreudvalget i alt", "Heraf engangsbeløb"
    return None


_NAMING_FIELDS = frozenset({"id", "title", "kind", "area"})
"""The fields that say what a row is; a row with none of them and only numbers is no card."""


def _numbers_only(sheet: Sheet, row: int, columns: dict[int, Column]) -> list[Cell]:
    """The cells of ``row`` when it holds only numbers (or formulas) and nothing in the columns
    that name a card (id, titel, slags, område), in column order; else []."""
    cells = list(sheet.row_cells(row).items())
    if not cells:
        return []
    for column, cell in cells:
        spec = columns.get(column)
        if spec is not None and spec.field in _NAMING_FIELDS:
            return []
        numeric = isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool)
        if not (numeric or cell.formula):
            return []
    return [cell for _, cell in cells]


def _heading_cell(sheet: Sheet, row: int, columns: dict[int, Column]) -> Cell | None:
    """The one text cell of a row that holds nothing else – a section heading inside the
    table ("ÆLDRE", "Børne- og Skoleudvalget") – or None."""
    cells = list(sheet.row_cells(row).values())
    if len(cells) != 1 or not isinstance(cells[0].value, str):
        return None
    spec = columns.get(cells[0].column)
    return cells[0] if spec is None or spec.reader != "effect" else None


def _empty_text(sheet: str, what: str) -> Message:
    rows = {PROPOSALS: "proposals", SCENARIOS: "scenarios"}.get(sheet, "other")
    return Message.of(
        "catalogue.empty",
        what=Message.of(f"catalogue.empty.{what}"),
        rows=Message.of(f"catalogue.row.{rows}"),
        guide=GUIDE,
    )


def _headers(reading: _Reading, sheet: Sheet, row: int) -> dict[int, Column] | None:
    names = lookup(sheet.name)
    headers = [normal(spec.header) for spec in COLUMNS[sheet.name]]
    columns: dict[int, Column] = {}
    seen: dict[tuple[str, int], Cell] = {}
    meant: set[str] = set()
    twice: set[int] = set()
    heading = sheet.row_cells(row)
    official = {normal(spec.header) for spec in COLUMNS[sheet.name]} | {
        normal(spec.field) for spec in COLUMNS[sheet.name]
    }
    amounts_named = any(
        names.get(header_key(cell.value)) is not None
        and names[header_key(cell.value)].reader == "effect"
        for cell in heading.values()
    )
    for column, cell in sorted(heading.items()):
        spec = names.get(header_key(cell.value)) if cell.formula is None else None
        # a budget office's own name ("Bemærkning" for 'tekst'): the column's own heading
        # wins when the sheet has both, and the other one is skipped
        shadow = next(
            (
                other
                for other in heading.values()
                if spec is not None
                and header_key(cell.value) not in official
                and header_key(other.value) in official
                and names.get(header_key(other.value)) is spec
            ),
            None,
        )
        if spec is not None and shadow is not None:
            shadowed = Message.of(
                "catalogue.alias_shadowed",
                text=shortened(str(cell.value).strip()),
                header=spec.header,
                ref=shadow.ref,
            )
            reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), shadowed))
            continue
        if spec is None and sheet.name in (PROPOSALS, EVENTS) and _construction_by_year(cell):
            # "Anlæg 2027", "Anlæg 2028": construction per year, not operating amounts; the
            # game has one anlæg per card, paid from the anlægsramme when it is adopted
            if not reading.said_headings & {(sheet.name, c.ref) for c in heading.values()}:
                refused = Message.of(
                    "catalogue.construction_by_year", text=shortened(str(cell.value).strip())
                )
                reading.add(sheet, cell, refused)
            reading.said_headings.add((sheet.name, cell.ref))
            continue
        if spec is None and sheet.name in (PROPOSALS, EVENTS) and cell.formula is None:
            spec = None if amounts_named else _budget_year_column(reading, sheet, cell)
        if spec is None and (sheet.name, cell.ref) in reading.said_headings:
            continue
        if spec is None:
            what = Message.of("catalogue.what.column", sheet=sheet.name)
            close = _unknown(reading, sheet, cell, headers, what)
            if close is not None:
                meant.add(close)
            continue
        key = (spec.field, spec.index)
        if key in seen:
            reading.add(
                sheet, cell, "catalogue.column_twice", header=spec.header, ref=seen[key].ref
            )
            twice.add(column)  # said once at its heading, not again for every cell below
            continue
        seen[key] = cell
        columns[column] = spec
        if spec.field == "text" and header_key(cell.value) in _REMARKS:
            # a budget office's remarks are often internal ("afventer MED-høring"): the card's
            # text is read out at the table and printed in the report
            remark = Message.of("catalogue.remark_as_text", text=shortened(str(cell.value).strip()))
            reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), remark))
    years = sorted(
        (spec.index, cell)
        for (field_name, index), cell in seen.items()
        for spec in [columns[cell.column]]
        if spec.reader == "effect"
    )
    for expected, (index, cell) in enumerate(years):
        if index != expected:  # "år 1, år 2, år 4": the heading 'år 3' is missing
            first_year = reading.budget_years.get(sheet.name)
            absent = label(sheet.name, "effect", expected)
            if first_year is not None:  # "2027, 2028, 2030": the year 2029 is missing
                absent = str(int(first_year) + expected)
            reading.add(sheet, cell, "catalogue.year_column_gap", header=cell.value, missing=absent)
            reading.year_gaps.add(sheet.name)
            break
    missing = [
        spec.header
        for spec in COLUMNS[sheet.name]
        if spec.required and (spec.field, spec.index) not in seen
    ]
    if missing:
        reading.empty.add(sheet.name)  # no "the catalogue has no proposals" on top
    missing = [name for name in missing if normal(name) not in meant]
    if missing:
        names_text = ", ".join(f"'{name}'" for name in missing)
        count = "one" if len(missing) == 1 else "many"
        said = f"catalogue.columns_missing.{count}"
        reading.add(sheet, None, said, names=names_text, row=row, guide=GUIDE)
    if sheet.name in reading.empty:
        return None
    for (cell_row, column), cell in sorted(sheet.cells.items()):
        known = column in columns or column in twice
        if sheet.separator == ";" and column > _width(sheet, row):
            continue  # a list split by its semicolons: said by _split_row, with what to do
        if cell_row > row and not known and not _skipped(reading, sheet, row, column):
            reading.add(sheet, cell, "catalogue.no_header_column", row=row)
            break
    return columns


def _budget_year_column(reading: _Reading, sheet: Sheet, cell: Cell) -> Column | None:
    """The amount column a heading that is a budget year stands for ("2027" → 'år 1', "2028"
    → 'år 2' …: the phasing from the year of adoption), as budget tables write them; None for a
    heading that is not a year, or a year that cannot be placed (said by ``_unknown``)."""
    text = heading_year(cell.value)
    number = overslag_number(cell.value)
    if text is None and number is not None and sheet.name in reading.budget_years:
        text = str(int(reading.budget_years[sheet.name]) + number)  # "BO1" after "2027"
    if text is None:
        return None
    first = reading.budget_years.setdefault(sheet.name, text)
    index = int(text) - int(first)
    effect = [c for c in COLUMNS[sheet.name] if c.reader == "effect"]
    if index < 0:
        # "2030, 2029, 2028, 2027": the years in falling order (said once, at the first)
        if sheet.name not in reading.year_gaps:
            first_text = reading.effect_headers.get(sheet.name, {}).get(0, first)
            reading.add(
                sheet,
                cell,
                "catalogue.years_falling",
                text=shortened(str(cell.value).strip()),
                first=first_text,
            )
            reading.year_gaps.add(sheet.name)
        reading.said_headings.add((sheet.name, cell.ref))
        return None
    if not 0 <= index < len(effect):
        if first == text:
            del reading.budget_years[sheet.name]
        return None
    if index == 0:
        reading.budget_year_cells[sheet.name] = cell
        # an event has no budget year of its own: it acts from the year it is drawn
        key = "catalogue.budget_year_columns" + ("_events" if sheet.name == EVENTS else "")
        said = Message.of(key, first=first, second=int(first) + 1)
        reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), said))
    # messages about its cells name the column by its own heading ("'BO1 2028' skal være et
    # tal"), not by the template's 'år 2' that the sheet never wrote
    heading = str(cell.value).strip() if isinstance(cell.value, str) else text
    reading.effect_headers.setdefault(sheet.name, {})[index] = heading
    return dataclasses.replace(effect[index], header=heading)


_CONSTRUCTION_WORD = re.compile(r"(anlæg|anlaeg|anlægsudgift|anlægsbeløb)\b")
"""A heading that starts by naming construction ("Anlæg 2027")."""


def _construction_by_year(cell: Cell) -> bool:
    """True for a heading of construction in one year ("Anlæg 2027", "Anlæg BO1")."""
    if cell.formula is not None or not isinstance(cell.value, str):
        return False
    return bool(_CONSTRUCTION_WORD.match(normal(cell.value))) and speaks_of_a_year(cell.value)


def _years_before_the_scenarios(reading: _Reading, data: dict[str, Any]) -> None:
    """A year column before a scenario's first budget year, when the columns after it cover
    the scenario's years too ("Budget 2026" before 2027 … 2030, often the base budget): the
    amounts under the years are the phasing from adoption, so 2026 would be read as the first
    year's amounts and 2027 as the second's. Said at the early column. A catalogue headed
    2026 … 2029 for a scenario 2027–2030 is the phasing of a budget made a year earlier and is
    read as such."""
    spans = [
        (int(years[0]), int(years[-1]))
        for scenario in data.get("scenarios") or []
        if isinstance(scenario, dict)
        for years in [scenario.get("years")]
        if isinstance(years, list) and years and all(str(y).isdigit() for y in years)
    ]
    for name, first in reading.budget_years.items():
        columns = reading.effect_headers.get(name, {})
        cell = reading.budget_year_cells.get(name)
        last = int(first) + max(columns, default=0)
        covered = [start for start, end in spans if int(first) < start and end <= last]
        if cell is None or not covered:
            continue
        start = min(covered)
        reading.add(
            reading.catalogue.sheets[name],
            cell,
            "catalogue.year_before_scenarios",
            text=shortened(str(cell.value).strip()),
            start=start,
            start_heading=columns.get(start - int(first), str(start)),
        )
        reading.years_misplaced = True


def _skipped(reading: _Reading, sheet: Sheet, row: int, column: int) -> bool:
    """True for a column whose header was skipped with a warning or refused with a problem
    (its cells are ignored: the line at the heading says what to do)."""
    header = sheet.cells.get((row, column))
    if header is None:
        return False
    if (sheet.name, header.ref) in reading.said_headings:
        return True
    where = sheet.where(header.ref)
    return any(warning.where == where for warning in reading.warnings) or any(
        found.problem.where == where for found in reading.problems
    )


def _names_from_year(text: str) -> bool:
    """True for a heading that names the proposals' 'fra budgetår' column."""
    spec = lookup(PROPOSALS).get(header_key(text))
    return spec is not None and spec.field == "effect_from_year"


def _card(
    reading: _Reading,
    sheet: Sheet,
    row: int,
    columns: dict[int, Column],
    document: YamlDocument,
    path: tuple[str, int],
) -> dict[str, Any]:
    card: dict[str, Any] = {}
    first = min(sheet.row_cells(row), default=1)
    document.value_lines[path] = reading.line(sheet, sheet.cells[(row, first)])
    amounts: dict[int, tuple[Cell, Any]] = {}
    bad_amount = False
    for column, spec in sorted(columns.items()):
        cell = sheet.cells.get((row, column))
        if cell is None:
            if spec.required and spec.reader != "effect":
                empty = Cell(row, column, None)
                reading.add(sheet, empty, "catalogue.required_empty", header=spec.header)
                reading.reported.add((sheet.name, row, spec.field))
            continue
        line = reading.line(sheet, cell)
        reading.read.add((sheet.name, cell.ref))
        try:
            value = read(spec, cell, reading.unit)
        except CellError as error:
            reading.add(sheet, cell, error.said)
            reading.reported.add((sheet.name, row, spec.field))
            bad_amount = bad_amount or spec.reader == "effect"
            continue
        written = written_units(cell) if spec.is_amount else []
        if any(unit_scale(unit) != unit_scale(reading.unit) for unit in written):
            reading.converted.append((sheet, cell, value))
        if spec.reader == "id" and isinstance(value, str):
            value = _respelled(reading, value)
        elif spec.reader == "ids" and isinstance(value, list):
            # an id with a space ("BU 03") is settled once every id is known
            value = [part if _spaced(part) else _respelled(reading, part) for part in value]
        if spec.reader == "effect":
            amounts[spec.index] = (cell, value)
            document.key_lines[(*path, "effect", spec.index)] = line
            continue
        card[spec.field] = value
        document.key_lines[(*path, spec.field)] = line
        if isinstance(value, list):
            for index in range(len(value)):
                document.key_lines[(*path, spec.field, index)] = line
    if amounts and not bad_amount and not _text_amounts(reading, sheet, amounts):
        reading.reported.add((sheet.name, row, "effect"))
        bad_amount = True
    if any(spec.reader == "effect" for spec in columns.values()):
        _effect(reading, sheet, row, columns, amounts, bad_amount, card, document, path)
    # Amounts under budget years ("2027", "BO1 2028" …) are the proposal's phasing when it is
    # adopted in the first of them, as a budget table shows it; adopted later, the phasing
    # moves with it. Tied to the years instead, an investment adopted late would skip its
    # start-up cost and a phased saving its phase-in. A card tied to fixed years says so in
    # its own 'fra budgetår'.
    return card


def _spaced(part: object) -> bool:
    return isinstance(part, str) and any(ch.isspace() for ch in part)


ID_LISTS = {"proposals": ("excludes", "requires"), "scenarios": ("proposals", "events")}
"""The list fields of each section that name ids of the catalogue."""


def _settle_spaced_ids(reading: _Reading, documents: list[YamlDocument]) -> None:
    """An item of an id list with a space in it is one id when the catalogue has it spelt
    so ("BU 03", the id column's "BU 03" made "BU-03"), ids separated by spaces when each of
    them is one ("E1 E2"), and else one id the loader names as unknown ("IN 1", not 'IN' and
    '1'); always respelled as ids are (``_respelled``)."""
    known = {
        card.get("id")
        for document in documents
        for section in ("proposals", "events")
        for card in document.data.get(section) or []
        if isinstance(card, dict)
    }
    for document in documents:
        for section, fields in ID_LISTS.items():
            for index, card in enumerate(document.data.get(section) or []):
                for name in fields:
                    items = card.get(name) if isinstance(card, dict) else None
                    if not isinstance(items, list) or not any(map(_spaced, items)):
                        continue
                    settled: list[Any] = []
                    for item in items:
                        parts = [p for p in str(item).split() if p.casefold() not in LIST_WORDS]
                        many = _spaced(item) and id_spelling(item) not in known
                        if many and all(id_spelling(p) in known for p in parts):
                            settled += [_respelled(reading, part) for part in parts]
                        else:  # one id: known, or named whole as the unknown id it is
                            settled.append(_respelled(reading, item))
                    card[name] = settled
                    line = document.key_lines.get((section, index, name))
                    if line is not None:
                        for at in range(len(settled)):
                            document.key_lines[(section, index, name, at)] = line


def _respelled(reading: _Reading, text: str) -> str:
    """An id as the deck may write it: a budget office's "Æ-1" or "ØK 3" becomes "Ae-1" and
    "OeK-3" (noted for one warning), an id that is fine stays, and one that no spelling makes
    an id is left for the loader to name."""
    if re.fullmatch(ID_PATTERN, text):
        return text
    spelled = id_spelling(text)
    if spelled is None:
        return text
    if (text, spelled) not in reading.respelled:
        reading.respelled.append((text, spelled))
    return spelled


OUT_OF_LINE = 100
"""How many times smaller or larger than every other amount of its row an amount written as
text may be before the import asks about it (a misread thousands sign is 1.000 times)."""
_COMMA_THOUSANDS = re.compile(r"[-−–÷]?\s*\(?\s*[1-9]\d{0,2},\d{3}\s*\)?")
"""Text such as "1,500": 1,5 with a Danish decimal comma, 1.500 with an English thousands
comma (a leading 0, "0,518", is a decimal comma for sure)."""


_POINT_THOUSANDS = re.compile(r"[-−–÷]?\s*\(?\s*[1-9]\d{0,2}\.\d{3}\s*\)?")
"""Text such as "1.000": 1.000 with a Danish thousands point, 1 with an English decimal
point (the Danish reading is the one taken, unless the row's other amounts say otherwise)."""


def _notes_on_cells_read(reading: _Reading, sheet: Sheet) -> None:
    """The notes on how a sheet's cells were read, counting only cells that were read (not a
    skipped totals row or column of sums): the values saved with formulas (one note, at the
    first of them: a catalogue's phasings are often formulas), the numbers a number format
    shows divided by 1.000, and the hidden columns that are read all the same."""

    def was_read(ref: str) -> bool:
        return (sheet.name, ref) in reading.read

    found = [(ref, f) for ref, f in sheet.from_formulas if was_read(ref)]
    if found:
        ref, formula = found[0]
        count = "one" if len(found) == 1 else "many"
        said = Message.of(
            f"catalogue.formulas_read.{count}", count=len(found), formula=shortened(formula)
        )
        reading.warnings.append(CatalogueProblem(sheet.where(ref), said))
    scaled = [ref for ref in sheet.shown_scaled if was_read(ref)]
    if scaled:
        shown = scaled[0] if len(scaled) == 1 else f"{scaled[0]}–{scaled[-1]}"
        key = "catalogue.shown_scaled" + ("_millions" if sheet.shown_millions else "")
        said = Message.of(key, cells=shown, count=len(scaled))
        reading.warnings.append(CatalogueProblem(sheet.where(), said))
    read_columns = {
        column_number(re.sub(r"\d", "", ref)) for name, ref in reading.read if name == sheet.name
    }
    hidden = sorted(c for c in sheet.hidden_columns if c in read_columns)
    if hidden:
        columns = ", ".join(column_letter(c) for c in hidden)
        count = "one" if len(hidden) == 1 else "many"
        said = Message.of(f"catalogue.columns_hidden.{count}", columns=columns)
        reading.warnings.append(CatalogueProblem(sheet.where(), said))


def _converted_note(reading: _Reading) -> None:
    """One note, at the first of them, naming the amount cells whose own unit was converted to
    the catalogue's ("−500 t. kr." read as −0,5 in mio. kr.), so no conversion is silent."""
    if not reading.converted:
        return
    sheet, cell, value = reading.converted[0]
    others = [f"{s.name}!{c.ref}" for s, c, _ in reading.converted[1:]]
    shown = ", ".join(others[:6]) + (" …" if len(others) > 6 else "")
    said = Message.of(
        "catalogue.units_converted." + ("many" if others else "one"),
        count=len(reading.converted),
        text=shortened(str(cell.value).strip()),
        read=_read_as(value),
        unit=unit_in_words(reading.unit),
        cells=shown,
    )
    reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), said))


def _read_as(value: Any) -> ByLanguage:
    """How a converted cell was read, for the note: one number, or the numbers of a list cell
    (a scenario's targets, "1,2 mio.; 4 mio.") separated by semicolons as the cell wrote them;
    each in the reader's way (``grouped``: "1.200")."""
    values = value if isinstance(value, list) else [value]
    return ByLanguage.of(
        **{lang: "; ".join(grouped(v, lang) for v in values) for lang in LANGUAGES}
    )


def _text_amounts(reading: _Reading, sheet: Sheet, amounts: dict[int, tuple[Cell, Any]]) -> bool:
    """Check the amounts of one row written as text against the row's other amounts: a text
    read far out of line with them (1,5 among −500, −1.500 and −2.000 t. kr.) gets a warning
    at its cell saying how it was read; a text that reads two ways ("1,500": 1,5 the Danish
    way, 1.500 the English way) a warning – or, when the row's other amounts point to the
    other reading, a problem; and a thousands point read far out of line ("1.000" among 0,3
    and 1,8, which the English way is 1) a problem naming both readings (the value is never
    guessed). False after a problem."""
    fine = True

    def two_ways(cell: Cell) -> bool:
        return isinstance(cell.value, str) and bool(_COMMA_THOUSANDS.fullmatch(cell.value.strip()))

    for index, (cell, value) in sorted(amounts.items()):
        if not isinstance(cell.value, str) or not isinstance(value, (int, float)) or not value:
            continue
        others = [v for i, (_, v) in sorted(amounts.items()) if i != index and v]
        sizes = [abs(v) for v in others]
        # what settles a text that reads two ways: the row's amounts that read one way only
        # ("1,500", "-1,500", "-3,000" agree with each other either way)
        settled = [
            abs(v) for i, (c, v) in sorted(amounts.items()) if i != index and v and not two_ways(c)
        ]

        def in_line(amount: float, sizes: list[float] = sizes) -> bool:
            return min(sizes) / OUT_OF_LINE <= abs(amount) <= max(sizes) * OUT_OF_LINE

        text = cell.value.strip()
        read_as = amount_text(value)
        params: dict[str, Any] = {
            "text": shortened(text, 30),
            "read": read_as,
            "unit": unit_in_words(reading.unit),
        }
        if others:
            params["others"] = amount_list(others)
        if _COMMA_THOUSANDS.fullmatch(text):
            english = value * 1000
            params["english"] = amount_text(english)
            danish_fits, english_fits = (
                bool(settled) and in_line(value, settled),
                bool(settled) and in_line(english, settled),
            )
            if danish_fits and not english_fits:
                continue  # "−1,050" among −0,518 and −1,313: a decimal comma for sure
            if english_fits and not danish_fits:
                reading.add(sheet, cell, Message.of("catalogue.amount_two_ways", **params))
                fine = False
                continue
            reading.warnings.append(
                CatalogueProblem(
                    sheet.where(cell.ref), Message.of("catalogue.amount_read_danish", **params)
                )
            )
            continue
        if not others or in_line(value):
            continue
        if _POINT_THOUSANDS.fullmatch(text):
            # "1.000" among 0,3 and 1,8: 1.000 with a Danish thousands point, 1 with an English
            # decimal point – and the row says the first reading is wrong; never guessed
            params["read"] = amount_text(value)
            params["english"] = amount_text(value / 1000)
            reading.add(sheet, cell, Message.of("catalogue.amount_point_two_ways", **params))
            fine = False
            continue
        meant = value * 1000 if abs(value) < min(sizes) else value / 1000
        key = "catalogue.amount_out_of_line"
        if in_line(meant):
            params["meant"] = amount_text(meant)
            key += "_meant"
        said = Message.of(key, **params)
        reading.warnings.append(CatalogueProblem(sheet.where(cell.ref), said))
    return fine


def _effect(
    reading: _Reading,
    sheet: Sheet,
    row: int,
    columns: dict[int, Column],
    amounts: dict[int, tuple[Cell, Any]],
    bad: bool,
    card: dict[str, Any],
    document: YamlDocument,
    path: tuple[str, int],
) -> None:
    """The amounts of a row as one ``effect`` list: "år 1" on, no gaps (a blank before a later
    amount is 0, said at its cell), up to the last amount, which goes on in the years after
    it – under 'år N' headings and budget years alike."""
    first_column = next(
        c for c, spec in columns.items() if spec.reader == "effect" and not spec.index
    )
    first = Cell(row, first_column, None)
    document.key_lines[(*path, "effect")] = reading.line(
        sheet, amounts[0][0] if 0 in amounts else first
    )
    if bad:
        return
    if not amounts:
        header = columns[first_column].header
        reading.add(sheet, first, "catalogue.first_year_empty", header=header)
        reading.reported.add((sheet.name, row, "effect"))
        return
    last = max(amounts)
    gaps = [index for index in range(last) if index not in amounts]
    if gaps and sheet.name in reading.year_gaps:  # a missing heading: said once, at it
        reading.reported.add((sheet.name, row, "effect"))
        return
    headers = {
        spec.index: (c, spec.header) for c, spec in columns.items() if spec.reader == "effect"
    }
    for index in gaps:
        # a blank cell before a later amount is a 0, as in a budget table: read so, and said
        # at each such cell (a saving that silently vanishes for one year is easily missed)
        gap_column, header = headers.get(index, (first_column, label(sheet.name, "effect", index)))
        said = Message.of("catalogue.year_gap", header=header, last=headers[last][1])
        reading.warnings.append(
            CatalogueProblem(sheet.where(Cell(row, gap_column, None).ref), said)
        )
    # a blank after the last amount is no amount: the list ends there, and the last amount
    # goes on (the deck's rule), whether the columns are headed 'år N' or by budget years
    card["effect"] = [amounts[index][1] if index in amounts else 0 for index in range(last + 1)]


# --- the loader's problems in the workbook's words -----------------------------------------


_QUOTED = re.compile(r"'(\w+)(?: \((nr|no)\. (\d+)\))?'")
_WHOLE_MESSAGES = {
    "deck.no_scenarios": (SCENARIOS, "catalogue.no_scenario_rows"),
    "deck.no_proposals": (PROPOSALS, "catalogue.no_proposal_rows"),
}


def _hidden_cards(reading: _Reading, sheet: Sheet, columns: dict[int, Column]) -> None:
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
        cards[spelled] = next((k for k, w in _KIND_WORDS.items() if w == word), "")
    if cards:
        reading.hidden_cards[sheet.name] = cards


def _unread(reading: _Reading) -> dict[str, Message]:
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


def _follows_on(reading: _Reading, unread: dict[str, Message], said: Message) -> bool:
    """True for a problem of the loader's that only follows from a sheet that was not read
    (``unread``) or from rows that are hidden: an id it names that stands there, or a kind a
    scenario lacks because all its proposals are hidden. Noted for ``_say_follow_ons``."""
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


def _say_follow_ons(reading: _Reading, unread: dict[str, Message]) -> None:
    """The problems ``_follows_on`` held back, each kind in one line with its cause: after
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
            kinds = [k for k in _KIND_WORDS if any(k in v for v in reading.kinds_hidden.values())]
            words = {
                lang: f" {catalogue(lang).t('catalogue.cell.or')} ".join(
                    f"'{_KIND_WORDS[kind]}'"
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
        key = warning.said.key.replace("catalogue.rows_hidden.", "catalogue.rows_hidden_used.")
        said = Message.of(key, rows=warning.said.kwargs["rows"], uses=used)
        reading.problems.append(_Found(line, CatalogueProblem(warning.where, said)))


def _loader_problem(reading: _Reading, line: int, said: Message) -> None:
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
        reading.add(sheet, cell, "catalogue.field_missing", header=label(sheet.name, name))
        return
    if said.key == "deck.format2_field":
        reading.add(sheet, cell, "catalogue.format2", header=label(sheet.name, name), about=ABOUT)
        return
    written = [old for old, new in reading.respelled if new == said.kwargs.get("id")]
    if said.key.startswith("deck.id_twice.") and written:
        # the id as the workbook wrote it ("ÆSU-1"), not as the import spelt it ("AeSU-1")
        other = _places(reading, f"({said.kwargs.get('where', '')})").strip("()")
        reading.add(sheet, cell, "catalogue.id_twice", id=" / ".join(written), where=other)
        return
    reading.add(sheet, cell, _in_sheet_words(reading, sheet, said))


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
    return Message.of(said.key, **params) if names else said


def _in_sheet_words(reading: _Reading, sheet: Sheet, said: Message) -> Message:
    """A message of the loader's with its field names as the sheet's headers, its
    "(FILE:LINE)" references as cells and its numbers as the reader writes them
    (``_numbers_as_read``), in every language."""
    said = _numbers_as_read(said)
    texts = {
        lang: _words(
            sheet.name,
            _places(reading, render(said, lang)),
            lang,
            reading.effect_headers.get(sheet.name, {}),
        )
        for lang in LANGUAGES
    }
    return Message.of("say", text=ByLanguage.of(**texts))


def _places(reading: _Reading, message: str) -> str:
    """The loader's "(FILE:LINE)" references in a message as cells: "(Forslag!A7)"."""

    def cell(match: re.Match[str]) -> str:
        place = reading.places.get(int(match.group(1)))
        if place is None:
            return match.group(0)
        sheet, found = place
        return f"({sheet.name}!{found.ref})" if sheet.in_workbook else f"({sheet.where(found.ref)})"

    return re.sub(r"\([^()]*:(\d+)\)", cell, message)


def _words(sheet: str, message: str, lang: str, years: dict[int, str] | None = None) -> str:
    """The loader's field names as the sheet's headers, and its kinds as the sheet writes
    them (the headers and the kinds are the workbook's own Danish words in every language);
    ``years`` are the sheet's own headings of its amount columns by index ("2027")."""
    fields = {column.field for column in COLUMNS[sheet]}

    def header(match: re.Match[str]) -> str:
        name, word, number = match.group(1), match.group(2), match.group(3)
        if name in _KIND_WORDS:
            return f"'{_KIND_WORDS[name]}'"
        if name not in fields:
            return match.group(0)
        if name == "effect" and number is not None:
            index = int(number) - 1
            return f"'{(years or {}).get(index) or label(sheet, name, index)}'"
        shown = f"'{label(sheet, name)}'"
        return f"{shown} ({word}. {number})" if number is not None else shown

    text = _QUOTED.sub(header, message)
    if sheet == ABOUT:
        say = catalogue(lang).t
        text = text.replace(say("deck.element.deck"), say("catalogue.about_sheet", about=ABOUT))
    return text
