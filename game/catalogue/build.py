"""From the cells of a catalogue to a validated deck, with every problem named by its cell.

Each sheet becomes one document for the deck loader (``game.content.load_documents``), whose
line numbers are cell numbers: every problem the loader finds is turned back into the cell it
concerns ("katalog.xlsx:Forslag!C12: …") and its field names into the sheet's Danish headers,
so the import checks exactly what ``raaderum validate`` checks, and says it in the workbook's
words. What only a sheet can get wrong (a header, a merged cell, a formula, a number written
as text that cannot be read) is checked here first; all problems are reported at once.

The parts: ``about`` reads the "Om kataloget" sheet and ``rows`` the sheets with one card per
row, both into one ``reading.Reading``; ``wording`` turns the loader's problems back into cells
and the sheet's words; this module opens, checks and orders the whole.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from game.catalogue.about import read_about
from game.catalogue.cells import (
    Cell,
    cell_range,
    column_letter,
    column_number,
    kind_word,
    shortened,
)
from game.catalogue.columns import (
    ABOUT,
    DATA_SHEETS,
    ENGLISH_NAMES,
    EVENTS,
    GUIDE,
    LISTS,
    PROPOSALS,
    SCENARIOS,
    SECTION_OF,
    headed_like,
    header_key,
    looks_like,
    lookup,
    required_fields,
    sheet_key,
)
from game.catalogue.headings import (
    headed_without_kind,
    header_row,
    join_heading_rows,
    stated_units,
)
from game.catalogue.reading import KIND_WORDS, Reading
from game.catalogue.rows import (
    converted_note,
    notes_on_cells_read,
    read_table,
    refuse_scaled,
    say_asked,
    say_scaled_mismatch,
    settle_spaced_ids,
    years_before_the_scenarios,
)
from game.catalogue.sheets import Catalogue, CatalogueProblem, Sheet
from game.catalogue.wording import (
    follows_on,
    in_sheet_words,
    in_workbook_names,
    loader_problem,
    say_follow_ons,
    sheets_not_read,
)
from game.catalogue.writer import TEMPLATE
from game.content import DeckError, load_documents
from game.content.loader import font_warnings
from game.content.numbertext import amount_text
from game.content.plausibility import deck_warnings, luck_warnings, unit_in_words
from game.content.schema import unit_scale
from game.content.yamlsafe import Problem, YamlDocument
from game.engine.model import Deck, Event, Scenario
from game.messages import LANGUAGES, ByLanguage, Message, catalogue, render
from game.messages import catalogue as say_in
from game.numbers import is_known_unit, price_level, usual_unit


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


def interpret(catalogue: Catalogue, header: dict[str, Any] | None = None) -> Imported:
    """The deck a catalogue makes; raises ``CatalogueError`` with every problem.

    ``header`` is the deck header to use when the catalogue has no "Om kataloget" sheet (an
    import of CSV files); a workbook must have the sheet.
    """
    reading = Reading(catalogue)
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
            # rows hidden only by collapsed groups are said so (shown again by the group's +)
            how = "collapsed" if set(sheet.hidden_rows) <= set(sheet.collapsed_rows) else "hidden"
            said = Message.of(f"catalogue.rows_{how}.{count}", rows=rows + more)
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
                    header["unit"] = _deck_unit(reading, header["unit"], catalogue.label)
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
            _struck(reading, sheet, above)
        _comments(reading, sheet, max(above, 1))
        refused: list[str] = []
        for merged in sheet.merged:
            cells = cell_range(merged)
            if cells is not None and cells[1][0] < above:
                continue  # a title merged over the columns, above the headings: not read
            if name != ABOUT and _fill_down(reading, sheet, merged, above):
                continue
            refused.append(merged)
        _say_merged(reading, sheet, refused, above if name != ABOUT else 0)
        document = read_about(reading, sheet) if name == ABOUT else read_table(reading, sheet)
        notes_on_cells_read(reading, sheet)
        if name == ABOUT and document is not None:
            unit = document.data["deck"].get("unit")
            if isinstance(unit, str) and unit.strip():
                # "1.000 kr." is written "t. kr."
                document.data["deck"]["unit"] = _deck_unit(reading, unit, sheet.where())
            else:
                # never silent: a t. kr. catalogue of small amounts passed every range as
                # mio. kr., a thousand times too large
                said = Message.of("catalogue.unit_blank", about=ABOUT)
                # at the 'enhed' row's value cell, where it is filled in (the sheet if none)
                place = reading.places.get(document.key_lines.get(("deck", "unit"), -1))
                reading.unit_blank_at = place
                at = place[0].where(place[1].ref) if place is not None else sheet.where()
                if not any(found.problem.where == at for found in reading.problems):
                    # a cell showing an error (#REF!) is said as such, not also as empty
                    reading.warnings.append(CatalogueProblem(at, said))
        if document is not None:
            documents.append(document)
    _unread_sheets(reading)
    settle_spaced_ids(reading, documents)
    converted_note(reading)
    # titles read as ids, and ids respelled: each said once, with the first few of them
    for key, pairs in (
        ("catalogue.titles_as_ids", reading.titled),
        ("catalogue.decimal_ids", list(dict.fromkeys(reading.decimal_ids))),
        ("catalogue.ids_respelled", reading.respelled),
    ):
        if pairs:
            shown = ", ".join(f"'{old}' → '{new}'" for old, new in pairs[:4])
            more = " …" if len(pairs) > 4 else ""
            count = "one" if len(pairs) == 1 else "many"
            said = Message.of(f"{key}.{count}", count=len(pairs), ids=shown + more)
            reading.warnings.append(CatalogueProblem(catalogue.label, said))
    data = _merged(documents)
    years_before_the_scenarios(reading, data)
    units_disagree = _units_agree(reading, data, stated)
    try:
        deck = load_documents(documents)
    except DeckError as error:
        unread = sheets_not_read(reading)
        for problem in error.problems:
            if follows_on(reading, unread, problem.said):
                continue  # said once, with its cause (say_follow_ons)
            if problem.said.key.startswith(
                ("deck.unit_unknown_beyond", "deck.unit_foreign_beyond")
            ):
                continue  # the import stops at an unknown 'enhed' itself, in its own words
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
                "deck.effect_too_big_thousands",
                "deck.effect_too_small_thousands",
                "deck.construction_too_big_thousands",
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
            loader_problem(reading, problem.line, problem.said)
        say_follow_ons(reading, unread)
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
    say_scaled_mismatch(reading)
    say_asked(reading)
    if reading.problems or catalogue.problems or deck is None:
        # a file or rows the reading had to leave out fail the import too: the deck would
        # silently lack them
        # and the real warnings found so far (not the notes on how the sheet was read)
        warned = [w for w in reading.warnings if render(w.said).startswith("advarsel")]
        lines = [in_workbook_names(reading, p) for p in _lines(reading, catalogue.problems)]
        raise CatalogueError(lines, [in_workbook_names(reading, w) for w in warned])
    warnings = tuple(in_workbook_names(reading, w) for w in reading.warnings)
    return Imported(data=data, deck=deck, warnings=warnings)


_SAID_FOR_THE_WORKBOOK = {
    "deck.savings_cost": "catalogue.savings_cost",
    "deck.savings_cost_negative": "catalogue.savings_cost_negative",
    "deck.saving_costs.negative": "catalogue.saving_costs.negative",
    "deck.efficiency_never_frees.negative": "catalogue.efficiency_never_frees.negative",
    "deck.investment_turned.negative": "catalogue.investment_turned.negative",
    "deck.investment_never_pays_back.negative": "catalogue.investment_never_pays_back.negative",
    "deck.amount_in_millions.one": "catalogue.amount_in_millions.one",
    "deck.amount_in_millions.many": "catalogue.amount_in_millions.many",
    "deck.unit_large": "catalogue.unit_large",
    "deck.unit_large_kr": "catalogue.unit_large_kr",
    "deck.unit_small": "catalogue.unit_small",
    "deck.unit_small_kr": "catalogue.unit_small_kr",
    "deck.in_no_scenario": "catalogue.in_no_scenario",
    "deck.event_in_no_scenario": "catalogue.event_in_no_scenario",
    "deck.event_sign.says_cost": "catalogue.event_sign.says_cost",
    "deck.event_sign.says_gain": "catalogue.event_sign.says_gain",
    "deck.event_sign.most_gain": "catalogue.event_sign.most_gain",
    "deck.event_sign.more": "catalogue.event_sign.more",
    "deck.event_sign.rule_negative": "catalogue.event_sign.rule_negative",
    "deck.event_sign.rule_positive": "catalogue.event_sign.rule_positive",
    "deck.no_welfare_area": "catalogue.no_welfare_area",
    "deck.no_welfare_area_none": "catalogue.no_welfare_area_none",
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
    "deck.investment_never_pays_back",
)
"""The loader's checks of the amounts' signs (key prefixes)."""

_UNIT_STOPS = {
    "deck.unit_large": "catalogue.unit_large_stop",
    "deck.unit_large_kr": "catalogue.unit_large_kr_stop",
    "deck.unit_small": "catalogue.unit_small_stop",
    "deck.unit_small_kr": "catalogue.unit_small_kr_stop",
    "deck.unit_unknown": "catalogue.unit_unknown_stop",
}
"""The loader's warnings that a deck's typical card is far too large (or small) for its unit,
or that its unit is not a unit of money the game knows ('%' played targets of "1,2 %"), and
the import's refusals in their place (a YAML deck written by hand is warned, not refused)."""

_OF_THE_WHOLE = frozenset(
    {
        "deck.unit_large",
        "deck.unit_large_kr",
        "deck.unit_small",
        "deck.unit_small_kr",
        "deck.no_welfare_area",
        "deck.no_welfare_area_none",
    }
)
"""Warnings about the catalogue as a whole (named by its file, not by a cell)."""

_ON_THE_EVENTS_SHEET = frozenset(
    {"deck.event_sign.more", "deck.event_sign.rule_negative", "deck.event_sign.rule_positive"}
)
"""Warnings about the events as a whole (named by the sheet Hændelser; in a YAML deck they
stand at the header's ``sign``)."""


def _on_the_events_sheet(reading: Reading, said: Message) -> None:
    events = reading.catalogue.sheets.get(EVENTS)
    at = events.where() if events is not None else reading.catalogue.label
    reading.warnings.append(CatalogueProblem(at, _for_the_workbook(said)))


def _deck_unit(reading: Reading, written: str, where: str) -> str:
    """The deck's unit for the catalogue's 'enhed' ``written`` as the game writes it ("1.000
    kr." → "t. kr."), kept in ``reading.unit``; a price level written after it ("mio. kr.
    (2027-priser)") is no part of the unit and is said, since no card will show it."""
    reading.unit = usual_unit(written.strip())
    reading.unit_written = written.strip()
    level = price_level(written)
    if level is not None and is_known_unit(written):
        said = Message.of(
            "catalogue.price_level", written=written.strip(), level=level, unit=reading.unit
        )
        reading.warnings.append(CatalogueProblem(where, said))
    return reading.unit


def _for_the_workbook(said: Message) -> Message:
    return Message(_SAID_FOR_THE_WORKBOOK[said.key], said.params)


def _loader_warning(reading: Reading, warning: Problem) -> None:
    """A warning of the loader's (``deck_warnings``) at its cell, in the workbook's words: its
    own message where the loader's names a YAML field, else the field names as the sheet's
    headers."""
    place = reading.places.get(warning.line)
    said = warning.said
    if said.key in _UNIT_STOPS:
        if reading.scaled_refused:
            return  # the cells shown in another unit are named: they made the typical card
        if reading.scaled_mismatch:
            # kroner shown in another unit by their number format made the typical card: the
            # format is the fault, not 'enhed' (whose change the unit's stop would advise)
            for sheet, cells in reading.scaled_mismatch:
                refuse_scaled(reading, sheet, cells)
            return
        # a typical card of hundreds of mio. kr.: the unit is wrong (the template's "mio. kr."
        # left for amounts in t. kr.); a deck of such cards is no use, so the import stops
        # an empty 'enhed' is where the unit is put right (the loader names the header)
        place = reading.unit_blank_at or place
        if place is None:
            reading.whole(_UNIT_STOPS[said.key], **said.kwargs)
        else:  # at the cell that says the unit, where it is put right
            reading.add(*place, _UNIT_STOPS[said.key], **said.kwargs)
        return
    if said.key == "deck.construction_over_budget_unit":
        # a cell takes the number as the reader writes it (0,2), not as a deck must (0.2)
        said = Message.of(said.key, **{**said.kwargs, "write": said.kwargs["fraction"]})
    if said.key in _SAID_FOR_THE_WORKBOOK:
        said = _for_the_workbook(said)
        if warning.said.key in ("deck.no_welfare_area", "deck.no_welfare_area_none"):
            # at the proposals' column of areas, whose names are the ones quoted
            at = reading.areas_at or reading.catalogue.label
            reading.warnings.append(CatalogueProblem(at, said))
            return
        if warning.said.key in _OF_THE_WHOLE or place is None:
            reading.warnings.append(CatalogueProblem(reading.catalogue.label, said))
            return
    if place is None:
        reading.warnings.append(CatalogueProblem(reading.catalogue.label, said))
        return
    sheet, cell = place
    if said.key.startswith("deck."):
        said = in_sheet_words(reading, sheet, said)
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
    reading: Reading,
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
                # the unit in the reader's words ("DKK '000"), and the cell as written
                "named": unit_in_words(usual_unit(named)),
                "unit": reading.unit_written or deck_unit,
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
    reading: Reading, deck: Deck, documents: list[YamlDocument]
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
        # a table pasted over the examples leaves their text, question and source; a short
        # question of the office's own that happens to be the template's ("Tør vi vente på
        # gevinsten?") was taken for that
        if len(left) >= 2 or [name for name, _ in left] == ["text"]:
            warn(
                where("proposals", index, left[0][0]),
                "catalogue.template_leftover",
                id=proposal.id,
                columns=", ".join(f"'{reading.header_words(PROPOSALS, name)}'" for name, _ in left),
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
    # the kind's own usikkerhed, service and belastning, taken where a row leaves them out:
    # said once, so that a saving the office counts as certain is not played with ±5 %
    written = [
        card
        for doc in documents
        if isinstance(doc.data, dict)
        for card in doc.data.get("proposals") or []
        if isinstance(card, dict)
    ]
    left_out = [[name for name in _KIND_DEFAULTED if card.get(name) is None] for card in written]
    fields = [name for name in _KIND_DEFAULTED if any(name in m for m in left_out)]
    for name in [n for n in fields if (PROPOSALS, n) in reading.resembling]:
        # the sheet filled the field in, in a column the import skipped ("Konsekvens for
        # service"): said of that column, not as cells left empty
        ref, text = reading.resembling[(PROPOSALS, name)]
        lacking = [i for i, m in enumerate(left_out) if name in m]
        ids = [str(written[i].get("id") or f"#{i + 1}") for i in lacking]
        warn(
            reading.catalogue.sheets[PROPOSALS].where(ref),
            "catalogue.kind_defaults_skipped",
            count=len(lacking),
            ids=_some(ids),
            field=reading.header_words(PROPOSALS, name),
            text=text,
        )
        fields.remove(name)
        left_out = [[n for n in m if n != name] for m in left_out]
    if fields:
        # named, at the first of them: "5 forslag har ikke udfyldt …" left the office to
        # find Æ-1, Æ-2, S-3, D-1 and K-1 itself (and a CSV import filed it under the wrong file)
        lacking = [i for i, m in enumerate(left_out) if m]
        ids = [str(written[i].get("id") or f"#{i + 1}") for i in lacking]
        # each card with the fields it left: "B1 og E1 har ikke udfyldt 'usikkerhed' /
        # 'service' / 'belastning'" named B1's own 'usikkerhed' as left out
        groups: dict[tuple[str, ...], list[str]] = {}
        for i, pid in zip(lacking, ids, strict=True):
            groups.setdefault(tuple(left_out[i]), []).append(pid)
        if len(groups) == 1:
            warn(
                where("proposals", lacking[0], "id"),
                "catalogue.kind_defaults",
                count=len(lacking),
                ids=_some(ids),
                fields=_fields(reading, next(iter(groups))),
            )
        else:
            warn(
                where("proposals", lacking[0], "id"),
                "catalogue.kind_defaults_mixed",
                count=len(lacking),
                lacking=_each_lacking(reading, groups),
            )


def _fields(reading: Reading, names: Sequence[str]) -> str:
    """Fields of the proposals' sheet by their headings: "'usikkerhed' / 'service'"."""
    return " / ".join(f"'{reading.header_words(PROPOSALS, name)}'" for name in names)


def _each_lacking(reading: Reading, groups: dict[tuple[str, ...], list[str]]) -> ByLanguage:
    """Cards grouped by the fields they left out, as each reader reads it: "B1 og E1:
    'belastning'; I1: 'usikkerhed' / 'belastning'"."""
    parts = [(_some(ids), _fields(reading, names)) for names, ids in groups.items()]
    return ByLanguage.of(
        **{
            lang: "; ".join(f"{ids.get(lang)}: {fields}" for ids, fields in parts)
            for lang in LANGUAGES
        }
    )


NAMED_IDS = 6
"""The ids a message about several cards names before "og 3 andre"."""


def _some(ids: Sequence[str]) -> ByLanguage:
    """``ids`` joined as each reader joins words, the first ``NAMED_IDS`` named and the rest
    counted when they are two or more: "Æ-1, Æ-2 og S-3" / "A-1, …, F-6 og 4 andre"."""
    shown = list(ids[:NAMED_IDS])
    words: dict[str, str] = {}
    for lang in LANGUAGES:
        strings = catalogue(lang)
        if len(ids) > NAMED_IDS + 1:  # never "og 1 andre": the one is named instead
            more = strings.t("catalogue.ids_more", count=len(ids) - NAMED_IDS)
            words[lang] = strings.join([*shown, more])
        else:
            words[lang] = strings.join(list(ids))
    return ByLanguage.of(**words)


_KIND_DEFAULTED = ("uncertainty", "service", "load")
"""The fields a proposal takes from its kind when its row leaves them out (``KIND_DEFAULTS``)."""


def _where(
    reading: Reading, documents: list[YamlDocument], section: str, index: int, *key: str | int
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


def _lines(reading: Reading, first: Iterable[CatalogueProblem]) -> list[CatalogueProblem]:
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


MERGES_NAMED = 3
"""The most further merged ranges a grouped refusal names (the rest are counted)."""


def _say_merged(reading: Reading, sheet: Sheet, refused: list[str], heading_row: int) -> None:
    """Refuse the merged ranges of ``sheet`` the import cannot read: one line for those merged
    across columns of one field (a title over B:C, in 200 rows: said once, not 200 times) –
    unmerge them and keep the value in the first cell, for a value written in each cell would
    make a second column of the field – and one line for the others (an amount over two years
    or rows: its value is written in each cell), each at its first range, naming the next."""
    refused = sorted(refused, key=lambda m: cell_range(m) or ((0, 0), (0, 0)))
    across = [m for m in refused if _across_one_field(sheet, m, heading_row)]
    for key, found in (
        ("catalogue.merged_across", across),
        ("catalogue.merged", [m for m in refused if m not in across]),
    ):
        if not found:
            continue
        first = found[0].split(":")[0]
        if len(found) == 1:
            reading.add(sheet, None, f"{key}.one", at=found[0], first=first)
            continue
        ranges = ", ".join(found[1 : MERGES_NAMED + 1])
        ranges += ", …" if len(found) > MERGES_NAMED + 1 else ""
        said = Message.of(f"{key}.many", first=first, ranges=ranges, count=len(found))
        reading.add(sheet, None, said, at=found[0])


def _across_one_field(sheet: Sheet, merged: str, heading_row: int) -> bool:
    """True for a range within one row whose columns after the first have no heading of
    their own (a title merged over B:C, its heading merged too or C's heading empty): the
    value belongs in the first cell alone. False for a range over rows or over columns with
    headings of their own (an amount over two years), and on a sheet without headings."""
    cells = cell_range(merged)
    if cells is None or heading_row < 1:
        return False
    (top, left), (bottom, right) = cells
    if top != bottom or left == right:
        return False
    if top == heading_row:
        return True  # the heading itself merged across: only its first cell names a column
    return all(sheet.cells.get((heading_row, c)) is None for c in range(left + 1, right + 1))


def _fill_down(reading: Reading, sheet: Sheet, merged: str, heading_row: int) -> bool:
    """Read a cell merged down over several proposals ("Ældreudvalget" over rows 6–12 of the
    'område' column) as its value in each of those rows, with a warning; True when done. Only
    a merge within one column that is not an amount is read so: a merged amount would count
    once or several times, and the import cannot know which."""
    cells = cell_range(merged)
    if cells is None or cells[0][1] != cells[1][1]:
        return False
    (first, column), (last, _) = cells
    heading = sheet.cells.get((heading_row, column))
    # the merge's value stands in its first row, also when a filter hid that row
    top = sheet.cells.get((first, column)) or sheet.hidden_cells.get((first, column))
    if heading is None or top is None or first <= heading_row:
        return False
    spec = lookup(sheet.name).get(header_key(heading.value))
    if spec is None or spec.reader == "effect":
        return False
    for row in range(first + 1, last + 1):
        # a hidden row is not read (said at the row): given only this value, it would
        # look like a heading between the proposals
        if row not in sheet.hidden_rows:
            sheet.cells[(row, column)] = Cell(row, column, top.value)
    text = shortened(str(top.value).strip())
    said = Message.of("catalogue.merged_filled", at=merged, text=text, first=first, last=last)
    reading.warnings.append(CatalogueProblem(sheet.where(merged), said))
    return True


def _looking_like(catalogue: Catalogue, name: str) -> list[str]:
    """The sheets that are not read whose names point at the data sheet ``name``."""
    return [other for other in catalogue.other_sheets if looks_like(other) == name]


def _struck(reading: Reading, sheet: Sheet, headings: int) -> None:
    """A warning naming the rows under the headings (row ``headings``) with a cell struck
    through: read as cards, though a budget office strikes a rejected proposal through."""
    struck = [(row, text) for row, text in sheet.struck_rows if row > headings]
    if struck:
        rows = ", ".join(f"{r} ({shortened(text)})" for r, text in struck[:12])
        more = "…" if len(struck) > 12 else ""
        count = "one" if len(struck) == 1 else "many"
        said = Message.of(f"catalogue.rows_struck.{count}", rows=rows + more)
        at = sheet.where(Cell(struck[0][0], 1, None).ref)
        reading.warnings.append(CatalogueProblem(at, said))


def _headed_like(catalogue: Catalogue, name: str) -> list[str]:
    """The sheets that are not read whose first rows hold the required headings of the data
    sheet ``name`` ("Ark1" with the headings of 'Forslag': a sheet left with Excel's name)."""
    return [
        other
        for other in catalogue.other_sheets
        if headed_like(catalogue.other_texts.get(other, frozenset()), name)
    ]


def _comments(reading: Reading, sheet: Sheet, headings: int) -> None:
    """A warning naming the cells under the headings (row ``headings``) that carry an Excel
    comment: a budget office's note on a proposal is not read, so it is said."""
    cells = [ref for row, ref in sheet.comments if row > headings]
    if cells:
        named = ", ".join(cells[:6]) + ("…" if len(cells) > 6 else "")
        count = "one" if len(cells) == 1 else "many"
        said = Message.of(f"catalogue.comments.{count}", cells=named)
        reading.warnings.append(CatalogueProblem(sheet.where(), said))


def _unread_sheets(reading: Reading) -> None:
    """A warning naming the workbook's sheets that are not read (not the guide's own): a
    second "Forslag 2026" next to "Forslag", a "Noter" sheet; so nothing is left out unsaid."""
    catalogue = reading.catalogue
    if not catalogue.in_workbook:
        return
    # a second sheet of cards under a data sheet's headings ("Kultur" or "Forslag (2)" beside
    # 'Forslag'): its rows would be left out of the deck, so the import stops and says so (a
    # committee's own sheet of proposals was dropped with "arket 'Kultur' læses ikke")
    held: set[str] = set()
    for sheet in catalogue.other_sheets:
        if _kindless(reading, sheet):
            held.add(sheet)
            continue
        # the data sheet whose headings it has most of (a sheet of proposals has the events'
        # headings too), when that one is read; a missing one is named by ``_missing_sheet``
        like = [
            name
            for name in (PROPOSALS, EVENTS, SCENARIOS)
            if sheet in _headed_like(catalogue, name)
        ]
        name = max(like, key=lambda n: len(required_fields(n)), default=None)
        if name is not None and name in catalogue.sheets:
            rows = catalogue.other_rows.get(sheet, 0)
            if rows > 0:
                held.add(sheet)
                number = "one" if rows == 1 else "many"
                hidden: Message | str = ""
                if sheet in catalogue.hidden_sheets:  # not to be found among the tabs
                    very = "very" if catalogue.hidden_sheets[sheet] else "plain"
                    hidden = Message.of(f"catalogue.elsewhere_hidden.{very}")
                reading.whole(
                    f"catalogue.cards_elsewhere.{number}",
                    sheet=sheet,
                    name=name,
                    rows=amount_text(rows),
                    hidden=hidden,
                )
    unread = [
        sheet
        for sheet in catalogue.other_sheets
        if sheet_key(sheet) not in (sheet_key(GUIDE), sheet_key(LISTS))
        and not (looks_like(sheet) and looks_like(sheet) not in catalogue.sheets)
        and sheet not in held
    ]
    if unread:
        names = ", ".join(f"'{sheet}'" for sheet in unread[:8]) + ("…" if len(unread) > 8 else "")
        count = "one" if len(unread) == 1 else "many"
        english = ByLanguage.of(da="", en="")
        if not reading.english:  # an English reader is told the English names work too
            named = [f"'{ENGLISH_NAMES[name]}'" for name in DATA_SHEETS]
            listed = say_in("en").join(named)
            in_english = Message.of("catalogue.sheets_in_english", sheets=listed)
            english = ByLanguage.of(da="", en=render(in_english, "en"))
        said = Message.of(f"catalogue.sheets_unread.{count}", sheets=names, english=english)
        reading.warnings.append(CatalogueProblem(catalogue.label, said))


def _kindless(reading: Reading, sheet: str) -> bool:
    """True, and the import stopped, when the sheet ``sheet`` that is not read holds filled
    rows under a proposals table's headings without a column of kinds (``Investeringer``
    beside 'Forslag': every row an investment). Its rows were left out of the deck with only
    "arket 'Investeringer' læses ikke"; the message says how to move them to 'Forslag', with
    the kind the sheet's name says in the column of kinds the office's 'Forslag' has."""
    catalogue = reading.catalogue
    texts = catalogue.other_texts.get(sheet, frozenset())
    proposals = catalogue.sheets.get(PROPOSALS)
    rows = catalogue.other_rows.get(sheet, 0)
    if proposals is None or rows == 0 or not headed_without_kind(texts):
        return False
    kind = kind_word(sheet)
    known = lookup(PROPOSALS)
    area = any(known[header_key(t)].field == "area" for t in texts if header_key(t) in known)
    if kind is None and not area and headed_like(texts, EVENTS):
        return False  # a second sheet of events ("id", "titel", "år 1"), said as such
    top = header_row(proposals)
    column = next(
        (
            str(cell.value)
            for cell in proposals.row_cells(top).values()
            if isinstance(cell.value, str)
            and header_key(cell.value) in known
            and known[header_key(cell.value)].field == "kind"
        ),
        reading.header_words(PROPOSALS, "kind"),
    )
    hidden: Message | str = ""
    if sheet in catalogue.hidden_sheets:
        hidden = Message.of(
            f"catalogue.elsewhere_hidden.{'very' if catalogue.hidden_sheets[sheet] else 'plain'}"
        )
    name = proposals.title or PROPOSALS
    number = "one" if rows == 1 else "many"
    which = "any" if kind is None else "named"
    # the words to type as the workbook writes its kinds: in English in an English workbook
    # (before: "write 'investering' in the column 'Type'" beside 'Saving' and 'Efficiency')
    words = {k: k if reading.english else w for k, w in KIND_WORDS.items()}
    first, last = ", ".join(list(words.values())[:-1]), words["investment"]
    kinds = ByLanguage.of(
        **{lang: f"{first} {say_in(lang).t('catalogue.cell.or')} {last}" for lang in LANGUAGES}
    )
    if kind is not None:
        kind = next(words[k] for k, w in KIND_WORDS.items() if w == kind)
    said = {"name": name, "column": column, "kinds": kinds, **({"kind": kind} if kind else {})}
    move = Message.of(f"catalogue.kindless_move.{which}.{number}", **said)
    reading.whole(
        f"catalogue.cards_kindless.{number}",
        sheet=sheet,
        hidden=hidden,
        name=name,
        rows=amount_text(rows),
        move=move,
    )
    return True


def _missing_sheet(reading: Reading, name: str) -> None:
    catalogue = reading.catalogue
    others = catalogue.other_sheets
    headed = _headed_like(catalogue, name)
    close = (
        _looking_like(catalogue, name)[:1]
        or difflib.get_close_matches(name, others, n=1, cutoff=0.6)
        # one sheet with its headings (several: one sheet per kind, told below)
        or (headed if len(headed) == 1 else [])
    )
    what = Message.of(f"catalogue.missing.{'about' if name == ABOUT else SECTION_OF[name]}")
    if not catalogue.in_workbook and name != ABOUT:
        what = Message.of("catalogue.missing_csv", what=what, name=name)
    split = [s for s in others if any(stem in s.casefold() for stem in SPLIT_STEMS)]
    if "" in catalogue.refused:  # a refused file whose name does not say what it holds
        what = Message.of("catalogue.missing_refused", what=what, files=catalogue.refused[""])
    elif close:
        what = Message.of("catalogue.missing_close", what=what, close=close[0], name=name)
    elif name == PROPOSALS and (len(split) >= 2 or len(headed) >= 2):
        # one sheet per kind, per committee or per area ("Børn og unge", "Ældre", each under
        # the proposals' headings), as many catalogues are kept
        sheets = split if len(split) >= 2 else headed
        what = Message.of("catalogue.missing_split", what=what, sheets=", ".join(sheets[:8]))
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
