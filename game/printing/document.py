"""The print-and-play document: one self-contained A4 HTML file (inline CSS and SVG, no other
resource) that a browser prints to paper or PDF.

Its pages, in order: the facilitator's sheet (the rules in brief, the briefing, the targets),
the result sheet for entering a paper table, the ledger where a paper table adds up its years,
the board of the scenario (landscape), the
proposal cards and the event cards, eight to a page with cut marks, and last the handout that
says in words what each proposal is (its text, question, årsværk and whole source). Every
page is a box of the paper's size and every card a box of a fixed size that hides what does
not fit, so a card can never be split over two pages. Kinds are told apart by icon and word,
not only colour.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace
from html import escape, unescape
from typing import TypeVar

from game.engine import Deck, Event, Kind, Proposal, Scenario, die_table, ledger, scaled_targets
from game.messages import catalogue, unit_words
from game.numbers import format_amount, format_exact, format_target
from game.paths import command_word
from game.printing.svg import KIND_COLORS, KIND_TINTS, effect_strip, icon

CARD_W, CARD_H = 90.0, 63.0
"""A card's size in mm; eight fill an A4 page in two columns and four rows."""
COLUMNS, ROWS = 2, 4
PER_PAGE = COLUMNS * ROWS
PAGE_W, PAGE_H = 210.0, 297.0
MARGIN_X = (PAGE_W - COLUMNS * CARD_W) / 2
MARGIN_Y = (PAGE_H - ROWS * CARD_H) / 2
MARK = 6.0
"""Length of a cut mark in the margin, mm."""
SERVICE_TRACK = 24
"""The service track's steps at most (25 boxes across the board page): from the lowest level
the scenario's cards and events reach, or the floor, up to +8 or the highest they reach."""
FATIGUE_TRACK = 30
"""The fatigue track's last box: it runs to the scenario's capacity (past it nothing can be
adopted), but never past this."""


def document(
    deck: Deck,
    scenario: Scenario,
    lang: str = "da",
    target: float | None = None,
    deck_path: str | None = None,
) -> str:
    """The whole print-and-play document for ``scenario`` of ``deck`` as HTML text; with
    ``target`` (the facilitator's X, the last year's target in the deck's unit) every sheet
    shows the targets the window would play (``scaled_targets``), and the result sheet's
    command for entering the table names it; so it does ``deck_path``, the deck as the
    command line named it (None: the standard deck, which the command finds by itself)."""
    t = catalogue(lang).t
    own = scenario.target[-1]
    # the scenario's own target typed as X is no other target: the sheet said "sat til
    # 30.000 i stedet for scenariets eget (30.000)" (its reach is still asked, as for any X)
    other = target is not None and abs(target - own) > 1e-9 * max(1.0, abs(own))
    from game.engine.reach import out_of_reach  # the solver loads when an X is given

    reach = out_of_reach(deck, scenario.id, target)
    beyond = None
    if reach is not None and target is not None:
        short = reach.short_year(scaled_targets(scenario.target, target))
        beyond = (
            (scenario.years[-1], reach.shown)
            if short is None
            else (scenario.years[short], reach.most_in(short))
        )
    if target is not None:
        scenario = replace(scenario, target=scaled_targets(scenario.target, target))
    proposals = [deck.proposal(pid) for pid in scenario.proposals]
    events = [deck.event(eid) for eid in scenario.events]
    pages = [
        _sheet(
            deck,
            scenario,
            lang,
            own if other else None,
            beyond,
            _entering(scenario, lang, target, deck_path) if scenario.rounds else "",
        ),
        _result_sheet(deck, scenario, proposals, events, lang, target, deck_path),
        _ledger_sheet(deck, scenario, lang),
        _board(deck, scenario, lang),
    ]
    for start in range(0, len(proposals), PER_PAGE):
        chunk = proposals[start : start + PER_PAGE]
        footer = t(
            "print.cards_of" if len(chunk) > 1 else "print.cards_one",
            first=start + 1,
            last=start + len(chunk),
            total=len(proposals),
        )
        cards = [_proposal_card(deck, scenario, p, lang) for p in chunk]
        pages.append(_card_page(cards, footer, t("print.cut")))
    copies = event_copies(events)
    printed = [
        (e, copies[e.id] if copies else 1)
        for e in events
        for _ in range(copies[e.id] if copies else 1)
    ]
    for start in range(0, len(printed), PER_PAGE):
        chunk_events = printed[start : start + PER_PAGE]
        footer = t(
            "print.events_of" if len(chunk_events) > 1 else "print.events_one",
            first=start + 1,
            last=start + len(chunk_events),
            total=len(printed),
        )
        cards = [_event_card(deck, scenario, e, lang, n) for e, n in chunk_events]
        pages.append(_card_page(cards, footer, t("print.cut")))
    start = 0
    for chunk in catalogue_chunks(proposals):
        pages.append(_catalogue_page(deck, chunk, start, len(proposals), lang))
        start += len(chunk)
    start = 0
    for chunk_of_events in catalogue_chunks(events):
        pages.append(_events_page(deck, scenario, chunk_of_events, start, len(events), lang))
        start += len(chunk_of_events)
    title = escape(t("print.document", deck=deck.title))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(pages)
        + "\n</body>\n</html>\n"
    )


def page_count(html: str) -> int:
    """The pages of a ``document``: the facilitator's sheet (one page, or two when its rules
    need it), the result sheet, the ledger, the board, the card pages and the catalogue
    pages – one ``page`` section each."""
    return html.count('<section class="page')


MOST_COPIES = 8
"""The most copies of one event card printed to give it its weight on paper."""


def event_copies(events: Sequence[Event]) -> dict[str, int] | None:
    """How many copies of each event card to print, so that drawing from the shuffled pile
    (putting the other copies aside once an event is drawn) gives every event the chance the
    window's draw gives it: copies in proportion to ``Event.weight`` (rules.draw_events picks
    by weight among the events left). None when the weights need more than ``MOST_COPIES``
    copies of a card to be kept exactly (the sheet then says that paper draws them alike)."""
    for scale in range(1, MOST_COPIES + 1):
        counts = {e.id: e.weight * scale for e in events}
        if all(abs(c - round(c)) < 1e-9 and round(c) >= 1 for c in counts.values()):
            whole = {eid: round(c) for eid, c in counts.items()}
            if max(whole.values(), default=1) > MOST_COPIES:
                return None
            common = math.gcd(*whole.values()) if whole else 1
            return {eid: c // common for eid, c in whole.items()}
    return None


CardT = TypeVar("CardT", Proposal, Event)
CATALOGUE_MM = 238.0
"""Height (mm) a catalogue page has for its entries, below its heading."""
LINE_CHARS = {"head": 100, "text": 96, "source": 130}
"""Characters in one line of a catalogue entry's heading (10 pt bold), text and question
(8.6 pt) and source (7.2 pt) over 178 mm, counted low so that an estimate errs towards a line
too many."""


def catalogue_chunks(cards: Sequence[CardT]) -> list[list[CardT]]:
    """The proposals (or the events) split into handout pages, in order, as many to a page as
    the estimated height of their entries allows (each entry's whole text and question, and
    its source at most 4 lines: the whole source), so that no
    entry is cut at the foot of a page. The handout is where a card's text is read whole: a
    text of 590 characters was cut to five lines, and the card has no room for it."""

    def lines(text: str, style: str, most: int = 1000) -> int:
        return min(most, -(-len(text) // LINE_CHARS[style])) if text else 0

    chunks: list[list[CardT]] = []
    used = CATALOGUE_MM
    for card in cards:
        area = card.area if isinstance(card, Proposal) else ""
        question = card.question if isinstance(card, Proposal) else ""
        height = (
            4.0  # rule and gap above the entry
            + 4.4 * lines(card.title + card.id + area + "x" * 36, "head", 2)
            + 3.8 * lines(card.text, "text")
            + 3.8 * lines(question, "text")
            + 3.1 * lines("Kilde: " + card.source, "source", 4)
        )
        if used + height > CATALOGUE_MM:
            chunks.append([])
            used = 0.0
        chunks[-1].append(card)
        used += height
    return chunks


# --- cards ----------------------------------------------------------------------------------


def _kind_word(kind: Kind | None, lang: str) -> str:
    t = catalogue(lang).t
    return t("print.event") if kind is None else t(f"kind.{kind.value}")


def _band(kind: Kind | None, card_id: str, lang: str) -> str:
    color = KIND_COLORS[kind]
    return (
        f'<div class="band" style="background:{color}">'
        f'<span class="badge">{icon(kind, 5.2)}</span>'
        f'<span class="word">{escape(_kind_word(kind, lang).upper())}</span>'
        f'<span class="cid">{escape(card_id)}</span></div>'
    )


def _labels(count: int, first_year: str | None, lang: str) -> list[str]:
    t = catalogue(lang).t
    if first_year is not None and first_year.isdigit():
        return [str(int(first_year) + i) for i in range(count)]
    return [t("print.year_n", n=i + 1) for i in range(count)]


def _strip(
    amounts: tuple[float, ...], first_year: str | None, unit: str, lang: str, years: int
) -> str:
    """The card's amounts for ``years`` years (the last amount holds), with a caption."""
    t = catalogue(lang).t
    caption = t("print.per_year", unit=unit)
    if len(amounts) <= years:
        # the amount that holds is one the game reaches; after the game's last year nothing
        # counts (an intro card read "derefter hvert år: +13,5" in a game of three years)
        caption += f" · {t('print.holds')}: {format_exact(amounts[-1], lang, sign=True)}"
    count = min(8, years)  # the years of the game: amounts after its last year do not count
    amounts = tuple(amounts[min(i, len(amounts) - 1)] for i in range(count))
    labels = _labels(count, first_year, lang)
    return (
        f'<div class="caption">{escape(caption)}</div>'
        f'<div class="stripbox">{effect_strip(list(amounts), labels, lang, 84, 15)}</div>'
    )


def _years(scenario: Scenario, proposal: Proposal) -> int:
    """How many years a proposal's strip shows: the scenario's, or for a card tied to budget
    years, from its first year to the scenario's last."""
    first = proposal.calendar_year
    if first is not None and first.isdigit() and scenario.years[-1].isdigit():
        return int(scenario.years[-1]) - int(first) + 1
    return scenario.rounds


def _signed(value: int) -> str:
    return format_amount(value, "da", decimals=0, sign=True) if value else "0"


def _proposal_card(deck: Deck, scenario: Scenario, proposal: Proposal, lang: str) -> str:
    t = catalogue(lang).t
    facts = [
        f"{t('print.load')} <b>{proposal.load}</b>",
        f"{t('print.fatigue')} <b>{ledger.fatigue_of(proposal)}</b>",
        f"{t('print.service')} <b>{escape(_signed(proposal.service))}</b>",
    ]
    extra = []
    if proposal.construction:
        amount = format_amount(proposal.construction, lang)
        extra.append(
            escape(t("print.construction", amount=amount, unit=unit_words(deck.unit, lang)))
        )
    if proposal.requires:
        extra.append(escape(t("print.requires", ids=", ".join(proposal.requires))))
    excluded = sorted(deck.exclusive_with(proposal.id) & set(scenario.proposals))
    if excluded:
        extra.append(escape(t("print.excludes", ids=", ".join(excluded))))
    source = t("print.source", source=proposal.source) if proposal.source else ""
    kind = proposal.kind
    chance = _die_line(proposal, lang) if proposal.is_uncertain else ""
    return (
        f'<div class="card" style="--tint:{KIND_TINTS[kind]}" data-id="{escape(proposal.id)}">'
        + _band(kind, proposal.id, lang)
        + '<div class="body">'
        + _clamp(f'<div class="title">{escape(proposal.title)}</div>')
        + f'<div class="area">{escape(proposal.area)}</div>'
        + _strip(
            proposal.effect,
            proposal.calendar_year,
            unit_words(deck.unit, lang),
            lang,
            _years(scenario, proposal),
        )
        + f'<div class="facts">{" · ".join(facts)}</div>'
        + (f'<div class="extra">{" · ".join(extra)}</div>' if extra else "")
        + chance
        + _lower_half(proposal, source, bool(extra), bool(chance), t(f"card.ask.{kind.value}"))
        + "</div></div>"
    )


TITLE_LEADING = 1.2
"""The line height of a card's title (em): at 1,12 the second line's p, j and g were cut by
the box, and the top of a third line showed under a title cut with "…"; at 1,2 a line of
DejaVu Sans holds its descenders, and the box ends where the third line begins."""
CARD_BODY_MM = 49.0
"""The height of a proposal card's body under its band (mm): 63 mm less the slot's
padding, the border, the band and the body's padding."""
CARD_TEXT_W = 81.7
"""The width of a proposal card's text (mm)."""
WORDS_SIZES = (7.6, 6.9)
"""The sizes (pt) of the card's question, the larger when it fits."""
TEXT_SIZES = (7.0, 6.4)
"""The sizes (pt) of the card's text on a card without a question."""
SOURCE_PT = 5.8
CARD_EM = 0.53
"""A letter's width in em for the card's question, text and source (``text_lines``): the
deck's questions and sources in DejaVu Sans and its oblique average 0,51 em a letter, and at
``EM_WIDTH`` a question of 60 letters was given one line on the card and printed cut
("… forklarer vi…") above a blank line. (The sheets' rules, set wide, keep ``EM_WIDTH``.)"""


def card_lines(
    title: str,
    words: str,
    source: str,
    extra: bool,
    chance: bool,
    sizes: tuple[float, float] = WORDS_SIZES,
) -> tuple[int, float, int]:
    """How a proposal card shares what its body has left under its figures (``CARD_BODY_MM``
    less the title's one or two lines, the area, the strip, the facts and, when there, the
    lines of anlæg, Kræver and Udelukker (``extra``) and of the die (``chance``)): the
    question's lines and size (pt), and the source's lines. The question comes first (the
    table discusses it; at a card with a die and an Udelukker line it was cut to "… og hvem
    savne…" above a blank line): whole in up to three lines at the first of ``sizes`` (pt)
    that holds it, else as many lines as fit at the last. The source, which the handout
    prints whole, keeps at least one line (every card says what supports it) and gets a
    second when there is room. Lines are ``text_lines``'s estimates."""
    used = (3.2 if extra else 0) + (3.5 if chance else 0)
    return _lower_lines(title, words, source, used, sizes, most=3)


AREA_MM = 3.6
"""The height of a proposal card's area line (mm), which an event card does not have."""
EVENT_SIZES = (7.0, 6.4, 6.0)
"""The sizes (pt) of an event card's text, the largest that holds it whole."""
EVENT_TEXT_LINES = 6
"""The most lines of an event card's text: it has no question, and its text is the event."""


def event_lines(title: str, text: str, source: str) -> tuple[int, float, int]:
    """``card_lines`` for an event card (no area line, no anlæg or die): its text
    whole in up to ``EVENT_TEXT_LINES`` lines at the first of ``EVENT_SIZES`` that holds it
    beside a line of source at least (the text was clamped to four lines: "… men ikke helt
    tilbage: 0,5 mio. kr. om året…" lost whether the cost stays)."""
    return _lower_lines(title, text, source, -AREA_MM, EVENT_SIZES, most=EVENT_TEXT_LINES)


def _lower_lines(
    title: str, words: str, source: str, extra_mm: float, sizes: tuple[float, ...], most: int
) -> tuple[int, float, int]:
    """The lines and size (pt) of the words under a card's figures and the lines of its
    source, in the room its body has left after the title's one or two lines, the area, the
    strip, the facts and ``extra_mm`` more (``card_lines``)."""
    title_lines = min(2, text_lines(title, 10.5, CARD_TEXT_W))
    used = title_lines * 10.5 * TITLE_LEADING * PT_MM + AREA_MM + 3.4 + 15 + 4.5 + extra_mm
    source_line = SOURCE_PT * 1.3 * PT_MM
    source_needed = min(2, text_lines(source, SOURCE_PT, CARD_TEXT_W, CARD_EM)) if source else 0
    room = CARD_BODY_MM - used - 0.8
    if not words:
        return 0, sizes[0], source_needed
    for size in sizes:
        line = size * 1.25 * PT_MM
        needed = text_lines(words, size, CARD_TEXT_W, CARD_EM)
        for source_lines in sorted({source_needed, min(source_needed, 1)}, reverse=True):
            if needed <= most and needed * line + source_lines * source_line <= room:
                return needed, size, source_lines
    size = sizes[-1]
    source_lines = min(source_needed, 1)
    fits = int((room - source_lines * source_line) // (size * 1.25 * PT_MM))
    return max(1, min(most, fits)), size, source_lines


def _clamp(html: str, *, foot: bool = False) -> str:
    """``html`` (a box clamped to its lines) in a plain box of its own: a clamped box that is
    itself an item of the card's column printed "…" at the end of a line that went on below
    it ("Grønthøster på 0,5 % af… / administrationen"); ``foot``: at the card's foot."""
    return f'<div class="clamp{" foot" if foot else ""}">{html}</div>'


def _room(lines: int, leading: float) -> str:
    """The CSS max-height of a box clamped to ``lines`` lines of ``leading`` em: a little more
    than the lines, as Chrome clamps a line early when the height is exactly theirs (a
    question of two lines printed as one, "… og hvem savne…", and every source as one)."""
    return f"{lines * leading + 0.15:.2f}em"


def _lower_half(proposal: Proposal, source: str, extra: bool, chance: bool, ask: str) -> str:
    """What the card says under its figures – its question, or, when it has none (as a
    budget office's own catalogue seldom does), its text, which the import had said the
    table reads on the card (the lower half of every card was blank), or with neither the
    question ``ask`` of its kind, as the card view asks it – and its source, in the lines
    ``card_lines`` gives them."""
    asked = proposal.question or ("" if proposal.text else ask)
    words = asked or proposal.text
    sizes = WORDS_SIZES if asked else TEXT_SIZES
    lines, size, source_lines = card_lines(proposal.title, words, source, extra, chance, sizes)
    html = _words_box("question" if asked else "cardtext", words, lines, size) if words else ""
    return html + _source_box(source, source_lines)


def _words_box(kind: str, words: str, lines: int, size: float) -> str:
    """A card's question or text (CSS class ``kind``) clamped to ``lines`` lines at ``size``
    pt (``card_lines``, ``event_lines``)."""
    lines = max(1, lines)
    style = f"font-size: {size}pt; -webkit-line-clamp: {lines}; max-height: {_room(lines, 1.25)}"
    return _clamp(f'<div class="{kind}" style="{style}">{escape(words)}</div>')


def _source_box(source: str, lines: int) -> str:
    """A card's source at its foot, clamped to ``lines`` lines (one at least)."""
    clamp = max(1, lines)
    style = f"-webkit-line-clamp: {clamp}; max-height: {_room(clamp, 1.3)}"
    return _clamp(f'<div class="source" style="{style}">{escape(source)}</div>', foot=True)


def _die_line(proposal: Proposal, lang: str) -> str:
    """An uncertain card's ± mark and its die: which faces of a d20 give which factor
    (``randomness.die_table``), rolled when the card first gives a gain."""
    t = catalogue(lang).t
    faces = " · ".join(
        f"{band.first}–{band.last}: {format_amount(band.factor, lang)}"
        if band.first != band.last
        else f"{band.first}: {format_amount(band.factor, lang)}"
        for band in die_table(proposal.uncertainty, proposal.failure)
    )
    return f'<div class="chance"><b>±</b> {escape(t("print.die", faces=faces))}</div>'


def _event_card(deck: Deck, scenario: Scenario, event: Event, lang: str, copies: int = 1) -> str:
    """One event card; ``copies`` > 1 says on it how many alike the pile holds (put the others
    aside when it is drawn)."""
    t = catalogue(lang).t
    facts = [f"{t('print.service')} <b>{escape(_signed(event.service))}</b>"]
    if copies > 1:
        facts.append(escape(t("print.copies", n=copies)))
    if event.fatigue:
        facts.append(f"{t('print.fatigue')} <b>{escape(_signed(event.fatigue))}</b>")
    note = _rounds_note(scenario, event, lang)
    if note:
        facts.append(escape(note))
    source = t("print.source", source=event.source) if event.source else ""
    lines, size, source_lines = event_lines(event.title, event.text, source)
    return (
        f'<div class="card event" style="--tint:{KIND_TINTS[None]}" data-id="{escape(event.id)}">'
        + _band(None, event.id, lang)
        + '<div class="body">'
        + _clamp(f'<div class="title">{escape(event.title)}</div>')
        + _strip(
            event.effect,
            None,
            unit_words(deck.unit, lang),
            lang,
            min(len(event.effect), scenario.rounds),
        )
        + f'<div class="facts">{" · ".join(facts)}</div>'
        + _words_box("text", event.text, lines, size)
        + _source_box(source, source_lines)
        + "</div></div>"
    )


def _card_page(cards: Sequence[str], footer: str, cut: str) -> str:
    placed = []
    for index, card in enumerate(cards):
        column, row = index % COLUMNS, index // COLUMNS
        left, top = MARGIN_X + column * CARD_W, MARGIN_Y + row * CARD_H
        placed.append(f'<div class="slot" style="left:{left}mm;top:{top}mm">{card}</div>')
    return (
        '<section class="page cards">'
        + _cut_marks(len(cards))
        + "".join(placed)
        + f'<div class="footer">{escape(footer)} · {escape(cut)}</div></section>'
    )


def _cut_marks(count: int = COLUMNS * ROWS) -> str:
    """Short lines in the margins, on the extension of every cutting line of a page that holds
    ``count`` cards (a last page of one card has the marks of that card, not of eight)."""
    columns = max(1, min(COLUMNS, count))
    rows = max(1, min(ROWS, -(-count // COLUMNS)))
    bottom = MARGIN_Y + rows * CARD_H
    right = MARGIN_X + columns * CARD_W
    lines = []
    for i in range(columns + 1):
        x = MARGIN_X + i * CARD_W
        for y1, y2 in ((MARGIN_Y - MARK - 2, MARGIN_Y - 2), (bottom + 2, bottom + MARK + 2)):
            lines.append(f'<line x1="{x}" y1="{y1}" x2="{x}" y2="{y2}"/>')
    for j in range(rows + 1):
        y = MARGIN_Y + j * CARD_H
        for x1, x2 in ((MARGIN_X - MARK - 2, MARGIN_X - 2), (right + 2, right + MARK + 2)):
            lines.append(f'<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}"/>')
    return (
        f'<svg class="marks" viewBox="0 0 {PAGE_W} {PAGE_H}" width="{PAGE_W}mm" '
        f'height="{PAGE_H}mm">{"".join(lines)}</svg>'
    )


# --- the board ------------------------------------------------------------------------------


def _board(deck: Deck, scenario: Scenario, lang: str) -> str:
    t = catalogue(lang).t
    years = scenario.years
    head = "".join(
        f"<th>{escape(t('print.board.year', year=year))}<br><small>"
        f"{escape(t('print.board.round', n=i + 1))}</small></th>"
        for i, year in enumerate(years)
    )

    def row(label: str, cells: Sequence[str], cls: str = "") -> str:
        inner = "".join(f"<td>{cell}</td>" for cell in cells)
        return f'<tr class="{cls}"><th class="rowhead">{escape(label)}</th>{inner}</tr>'

    targets = [
        f'<span class="big">{escape(format_target(v, lang))}</span>' for v in scenario.target
    ]
    empty = ["" for _ in years]
    met = [
        "☐&nbsp;ja &nbsp; ☐&nbsp;nej" if lang == "da" else "☐&nbsp;yes &nbsp; ☐&nbsp;no"
        for _ in years
    ]
    budget = scenario.construction_budget
    # the anlæg used so far, year by year, against the scenario's anlægsramme (rule 13 of the
    # facilitator's sheet): a card whose anlæg does not fit what is left cannot be adopted
    construction = (
        ""
        if budget is None
        else row(
            t(
                "print.board.construction",
                budget=format_amount(budget, lang),
                unit=unit_words(deck.unit, lang),
            ),
            empty,
            "construction",
        )
    )
    table = (
        f'<table class="board"><tr><th class="rowhead"></th>{head}</tr>'
        + row(t("print.board.target"), targets, "target")
        + row(t("print.board.events"), empty, "events")
        + row(t("print.board.adopted"), empty, "adopted")
        + row(t("print.board.load"), empty, "load")
        + construction
        + row(t("print.board.raaderum"), empty, "result")
        + row(t("print.board.met"), met, "met")
        + "</table>"
    )
    # træthed from 0 until it takes the whole capacity (the last box reads "30+" on a deck
    # of more capacity), with the capacity that is left at each
    last = min(FATIGUE_TRACK, max(1, scenario.capacity))
    steps = [n for n in range(last + 1) if scenario.capacity - ledger.lost_capacity(n) >= 0]
    fatigue_cells = "".join(f"<td>{n}{'+' if n == FATIGUE_TRACK else ''}</td>" for n in steps)
    capacity_cells = "".join(
        f"<td>{max(0, scenario.capacity - ledger.lost_capacity(n))}</td>" for n in steps
    )
    floor = scenario.service_floor
    # every level the scenario's cards and events can reach, so a table that dips under −8
    # and invests its way back up keeps count (the track ended at "≤ −8", and the standard
    # pile's savings reach −17); at most ``SERVICE_TRACK`` steps, each box still readable
    cards = [deck.proposal(p).service for p in scenario.proposals]
    cards += [deck.event(e).service for e in scenario.events]
    lowest, highest = sum(min(0, n) for n in cards), sum(max(0, n) for n in cards)
    low = min(-8, lowest, -8 if floor is None else floor - 2)
    high = max(8, min(highest, low + SERVICE_TRACK))
    low = max(low, high - SERVICE_TRACK)

    def service_label(n: int) -> str:
        # the ends hold every level beyond them: a table that only saves ends at −17, and
        # writes it down in the end box
        if n == low:
            return f"≤ {_signed(n)}"
        return f"≥ {_signed(n)}" if n == high else _signed(n)

    service_cells = "".join(
        f'<td class="floor">{service_label(n)}<br><small>{escape(t("print.board.floor"))}'
        "</small></td>"
        if n == floor
        else f"<td>{service_label(n)}</td>"
        for n in range(low, high + 1)
    )
    track = (
        '<table class="track">'
        f"<tr><th>{escape(t('print.board.fatigue'))}</th>{fatigue_cells}</tr>"
        f"<tr><th>{escape(t('print.board.capacity', capacity=scenario.capacity))}</th>"
        f"{capacity_cells}</tr></table>"
        f'<table class="track"><tr><th>{escape(t("print.board.service"))}</th>{service_cells}'
        "</tr></table>"
    )
    return (
        '<section class="page board-page">'
        f"<h1>{escape(t('print.board.title', scenario=scenario.title))}</h1>"
        f'<p class="unit">{escape(t("print.board.unit", unit=unit_words(deck.unit, lang)))}</p>'
        f"{table}{track}</section>"
    )


# --- the facilitator's sheet and the result sheet -------------------------------------------


def sheet_rules(deck: Deck, scenario: Scenario, lang: str) -> list[str]:
    """The facilitator's sheet's rules in brief, in ``lang``, as they are numbered."""
    t = catalogue(lang).t
    events = [deck.event(eid) for eid in scenario.events]
    drawn = scenario.draws_events  # not a catalogue without events
    uncertain = any(deck.proposal(pid).is_uncertain for pid in scenario.proposals)
    # a table as large as the pile: every proposal lies open from the start (the engine's
    # market holds the whole pile), so nothing is shuffled or drawn
    open_table = scenario.market >= len(scenario.proposals)
    opened = "_open" if open_table else ""
    no_events = "" if drawn else "_no_events"
    rules = [
        t("print.sheet.rule.materials" if uncertain else "print.sheet.rule.materials_no_die"),
        t(f"print.sheet.rule.setup{opened}{no_events}"),
        t("print.sheet.rule.goal"),
        t(
            "print.sheet.rule.kinds"
            if scenario.require_all_kinds
            else "print.sheet.rule.kinds_free"
        ),
        t(
            f"print.sheet.rule.round{opened}{no_events}",
            events=t(
                "print.sheet.events.one"
                if scenario.events_per_round == 1
                else "print.sheet.events.many",
                n=scenario.events_per_round,
            ),
            market=min(scenario.market, len(scenario.proposals)),  # the engine's table too
        ),
        *(
            [t("print.sheet.rule.event_rounds")]
            if any(_rounds_note(scenario, e, lang) for e in events)
            else []
        ),
        *_weights_rule(events, lang),
        t("print.sheet.rule.amounts"),
        t("print.sheet.rule.capacity", capacity=scenario.capacity),
        t("print.sheet.rule.service"),
        t("print.sheet.rule.fatigue", recovery=ledger.FATIGUE_RECOVERY),
        t("print.sheet.rule.uncertainty"),
        t("print.sheet.rule.excludes"),
    ]
    if scenario.service_floor is not None:
        rules.append(t("print.sheet.rule.floor", floor=_signed(scenario.service_floor)))
    if scenario.construction_budget is not None:
        amount = format_amount(scenario.construction_budget, lang)
        rules.append(
            t("print.sheet.rule.construction", amount=amount, unit=unit_words(deck.unit, lang))
        )
    said = catalogue(lang)
    rules.append(t("print.sheet.rule.win", conditions=said.join(said.win_conditions(scenario))))
    return rules


def _weights_rule(events: Sequence[Event], lang: str) -> list[str]:
    """How the paper pile gives the events their weights: copies of the likelier ones (to put
    aside once drawn), or – weights that copies cannot keep – a word that paper draws alike."""
    t = catalogue(lang).t
    if len({e.weight for e in events}) <= 1:
        return []
    return [t("print.sheet.rule.copies" if event_copies(events) else "print.sheet.rule.weights")]


def _sheet(
    deck: Deck,
    scenario: Scenario,
    lang: str,
    own: float | None = None,
    beyond: tuple[str, float] | None = None,
    entering: str = "",
) -> str:
    """The facilitator's sheet; ``own`` is the scenario's own final target when the sheet is
    printed for the facilitator's X, and ``beyond`` (budget year, amount) when that X is above
    what the pile reaches without luck: the year that is short (``Reach.short_year``) and the
    most it gives, else the last year and the reach. ``entering``: how the paper tables'
    result sheets are entered (``_entering``), said under the rules."""
    t = catalogue(lang).t
    after = f'<p class="entering">{_unbroken_options(escape(entering))}</p>' if entering else ""
    unit = unit_words(deck.unit, lang)
    yours = ""
    if own is not None:
        said = t(
            "print.sheet.your_target",
            target=format_target(scenario.target[-1], lang),
            year=scenario.years[-1],
            own=format_target(own, lang),
            unit=unit,
        )
        yours = f'<p class="yours">{escape(said)}</p>'
    if beyond is not None:
        said = t(
            "print.sheet.beyond_reach",
            most=format_amount(beyond[1], lang),
            year=beyond[0],
            unit=unit,
        )
        yours += f'<p class="yours warn">{escape(said)}</p>'
    rules = sheet_rules(deck, scenario, lang)
    years = "".join(f"<th>{escape(year)}</th>" for year in scenario.years)
    targets = "".join(f"<td>{escape(format_target(v, lang))}</td>" for v in scenario.target)
    size, first = rules_fit(scenario.briefing, [*_said(yours), entering], rules)
    page = (
        '<section class="page sheet">'
        f"<h1>{escape(t('print.sheet.title', scenario=scenario.title))}</h1>"
        f'<p class="deck">{escape(deck.title)}</p>'
        f"<h2>{escape(t('print.sheet.briefing'))}</h2>"
        f'<p class="briefing">{escape(scenario.briefing)}</p>{yours}'
        f"<h2>{escape(t('print.sheet.targets'))} ({escape(unit_words(deck.unit, lang))})</h2>"
        f'<table class="targets"><tr>{years}</tr><tr>{targets}</tr></table>'
        f"<h2>{escape(t('print.sheet.rules'))}</h2>"
        f'<ol class="rules" style="font-size: {size}pt">'
        + "".join(f"<li>{escape(rule)}</li>" for rule in rules[:first])
        + "</ol>"
        + (after if first == len(rules) else "")
        + "</section>"
    )
    if first == len(rules):
        return page
    # the rules a page cannot hold go on a page of their own (the last rule, when the group
    # has won, was cut off at the foot of the page)
    more = t("print.sheet.rules_more")
    return page + (
        '<section class="page sheet">'
        f"<h2>{escape(more)}</h2>"
        f'<ol class="rules" start="{first + 1}" style="font-size: {RULE_SIZES[0]}pt">'
        + "".join(f"<li>{escape(rule)}</li>" for rule in rules[first:])
        + f"</ol>{after}</section>"
    )


def _said(html: str) -> list[str]:
    """The texts of the paragraphs in ``html`` (the sheet's notes about the target)."""
    return [re.sub(r"<[^>]+>", "", part) for part in re.findall(r"<p[^>]*>(.*?)</p>", html)]


PT_MM = 25.4 / 72
"""One typographic point in millimetres."""
SHEET_PAD_X, SHEET_PAD_Y = 18.0, 14.0
"""The sheets' padding (mm), as ``.sheet`` in ``CSS``."""
RULE_SIZES = (9.2, 8.7, 8.2, 7.7)
"""The sizes (pt) the facilitator's rules may be set in, the largest that fits first."""
EM_WIDTH = 0.5
"""A letter's width in em, on the wide side (a line of the rules in DejaVu Sans holds about
100 letters at 9,2 pt, 0,50 em each), so that with the words wrapped whole and the other
parts measured generously, the estimate of a text's height errs on the tall side."""


def text_height(text: str, size: float, width: float, leading: float) -> float:
    """The height (mm) ``text`` takes at ``size`` pt in a column ``width`` mm wide with line
    height ``leading`` (a factor of the size): ``text_lines`` lines."""
    return text_lines(text, size, width) * leading * size * PT_MM


def text_lines(text: str, size: float, width: float, em: float = EM_WIDTH) -> int:
    """The lines ``text`` takes at ``size`` pt in a column ``width`` mm wide, wrapped at
    words and measured with letters ``em`` em wide (``EM_WIDTH``): an estimate on the tall
    side."""
    per_line = max(1, int(width / (em * size * PT_MM)))
    lines, used = 1, 0
    for word in text.split():
        need = len(word) if used == 0 else used + 1 + len(word)
        if need > per_line and used:
            lines += 1 + (len(word) - 1) // per_line
            used = len(word) % per_line or per_line
        else:
            used = need
    return lines


def rules_fit(briefing: str, notes: Sequence[str], rules: Sequence[str]) -> tuple[float, int]:
    """The size (pt) of the facilitator's rules and how many of them fit on the sheet's page
    under the heading, the ``briefing``, the notes about the target (``notes``)
    and the targets' table: the largest of ``RULE_SIZES`` at which every rule fits, else the
    smallest and as many rules as fit (the others go on a page of their own). The heights
    are ``text_height``'s estimates, with the sheet's CSS for the margins."""
    width = PAGE_W - 2 * SHEET_PAD_X
    room = PAGE_H - 2 * SHEET_PAD_Y - 4.0  # 4 mm to spare
    heading = 17 * 1.2 * PT_MM + 1 + 10 * 1.35 * PT_MM  # the title and the deck's name
    h2 = 11.5 * 1.2 * PT_MM + 4.5 + 2 + 0.3
    used = heading + 3 * h2
    used += text_height(briefing, 11, width - 1.2 - 8, 1.35) + 4 + 2 * 11 * PT_MM
    for note in notes:
        used += text_height(note, 10, width, 1.35) + 1.5 + 10 * PT_MM
    used += 2 * 3 + (10 + 14) * 1.35 * PT_MM + 1  # the targets' table
    indent = 40 * 25.4 / 96  # the list's 40 px
    for size in RULE_SIZES:
        heights = [text_height(r, size, width - indent, 1.3) + 1 for r in rules]
        if used + 2 * size * PT_MM + sum(heights) <= room:
            return size, len(rules)
    total, first = used + 2 * size * PT_MM, 0
    for height in heights:
        if total + height > room:
            break
        total += height
        first += 1
    return size, max(first, 1)


def _entering(scenario: Scenario, lang: str, target: float | None, deck_path: str | None) -> str:
    """How the facilitator enters a paper table's result sheet: on the window's »Bord på
    papir« screen or with ``raaderum enter``, against the scenario, the facilitator's X and
    the deck the sheet was printed for."""
    named = scenario.id
    if target is not None:  # so that the table is entered against the targets it played
        # every decimal the facilitator typed: 27,55 shown as 27,6 would be another game
        # and written as the command reads it in the sheet's language: no thousands sign
        # (an English "3.000" is refused as 3 or 3000), the decimal sign of the language
        typed = f"{target:.6f}".rstrip("0").rstrip(".")
        typed = typed.replace(".", ",") if lang == "da" else typed
        language = "" if lang == "da" else f" --lang {lang}"
        named = f"{scenario.id}{language} --target {typed}"
    if deck_path is not None:  # a municipality's own deck: the command must find it
        named = f"{named} --deck {command_word(deck_path)}"
    return catalogue(lang).t("print.sheet.entering", scenario=named)


def _result_sheet(
    deck: Deck,
    scenario: Scenario,
    proposals: Sequence[Proposal],
    events: Sequence[Event],
    lang: str,
    target: float | None = None,
    deck_path: str | None = None,
) -> str:
    t = catalogue(lang).t
    rows = "".join(
        f"<tr><th>{escape(t('print.board.round', n=i + 1))}<br><small>{escape(year)}</small></th>"
        "<td></td><td></td><td></td></tr>"
        for i, year in enumerate(scenario.years)
    )
    ids = "".join(
        f'<li><span class="kindmark">{icon(p.kind, 2.6)}</span><b>{escape(p.id)}</b> '
        f"{escape(p.title)}</li>"
        for p in proposals
    ) + "".join(
        f'<li><span class="kindmark">{icon(None, 2.6)}</span><b>{escape(e.id)}</b> '
        f"{escape(e.title)}</li>"
        for e in events
    )
    uncertain = [p for p in proposals if p.is_uncertain]
    example = uncertain[0].id if uncertain else "ID"
    # the example's factor is one its die can give (a face between 0 and 1 when it has one)
    faces = (
        sorted({band.factor for band in die_table(uncertain[0].uncertainty, uncertain[0].failure)})
        if uncertain
        else [0.8]
    )
    factor = next((f for f in faces if 0 < f < 1), faces[-1])
    # what the table writes; how the facilitator enters it is on the facilitator's sheet (a
    # citizen at a paper table read "raaderum enter --scenario …" as their instructions)
    help_text = t("print.sheet.entry_help")
    played_for = played_for_text(deck, scenario, lang)
    entries = [f"{p.id} {p.title}" for p in proposals] + [f"{e.id} {e.title}" for e in events]
    row, whole = entry_layout(len(scenario.years), entries, help_text, played_for)
    factors = t("print.sheet.factors", example=example, factor=format_amount(factor, lang))
    return (
        '<section class="page sheet">'
        f"<h1>{escape(t('print.sheet.entry'))}</h1>"
        f'<p class="tablename">{escape(t("print.sheet.table"))}: '
        '<span class="blank"></span></p>'
        f'<p class="playedfor">{"<br>".join(map(escape, played_for))}</p>'
        f"{_played_to(scenario, lang)}"
        f'<p class="help">{_unbroken_options(escape(help_text))}</p>'
        f'<table class="entry" style="--row: {row:.1f}mm">'
        f"<tr><th></th><th>{escape(t('print.sheet.adopted'))}</th>"
        f"<th>{escape(t('print.sheet.drawn'))}</th><th>{escape(factors)}</th>"
        f"</tr>{rows}</table>"
        f"<h2>{escape(t('print.sheet.cards'))}</h2>"
        f'<ul class="ids{"" if whole else " short"}">{ids}</ul></section>'
    )


def played_for_text(deck: Deck, scenario: Scenario, lang: str) -> list[str]:
    """What the result sheet says the table played for, a line each: the scenario's title,
    and each year's target in the deck's unit, as the board writes them (the facilitator's X
    when the sheets were printed with one). Sheets of a 35-target table and a 28-target table
    looked alike, and one entered without --target landed in the other group without a
    word."""
    t = catalogue(lang).t
    targets = " · ".join(
        t("print.sheet.target_in", target=format_target(value, lang), year=year).replace(
            " ", "\N{NO-BREAK SPACE}"
        )
        for value, year in zip(scenario.target, scenario.years)
    )
    return [
        t("print.sheet.played_scenario", scenario=scenario.title),
        t("print.sheet.played_targets", unit=unit_words(deck.unit, lang), targets=targets),
    ]


def _played_to(scenario: Scenario, lang: str) -> str:
    """The sheet's "how far the table got" boxes: a blank last round may mean that the table
    adopted nothing or that it never played it (a table that ran out of time was entered as
    finished, and lost with a year it never played). Nothing for a one-year game."""
    if scenario.rounds < 2:
        return ""
    t = catalogue(lang).t
    boxes = [
        f"☐&nbsp;{escape(t('print.sheet.played_round', n=i + 1, year=year))}"
        for i, year in enumerate(scenario.years[:-1])
    ]
    boxes.append(f"☐&nbsp;{escape(t('print.sheet.played_all', n=scenario.rounds))}")
    return f'<p class="played">{escape(t("print.sheet.played"))}: ' + " ".join(boxes) + "</p>"


ENTRY_MM = 189.0
"""Height (mm) of the entry sheet below its heading, help text and table header that the rows
of the rounds and the list of cards share (with a margin for estimating the list)."""
ID_LINE_MM = 3.03
"""One line of the sheet's list of cards (6,6 pt at line height 1,3)."""
ROW_MM = (10.0, 40.0)
"""The least and the most height (mm) of a round's row on the entry sheet (a table adopts up to
seven cards a round and writes each id by hand: 26 mm held four or five ids such as
»bibliotek-aabningstid«, a round of seven did not fit)."""


ID_COLUMN_MM = (PAGE_W - 2 * SHEET_PAD_X - 2 * 5.0) / 3 - 3.4
"""The width (mm) of a title in the sheet's list of cards: a third of the page less the
columns' gaps and the hanging indent (``.ids`` in ``CSS``)."""
PLAYED_FOR_PT = 9.5
"""The size (pt) of the sheet's line of what the table played for (``played_for_text``)."""
HELP_PT, HELP_LINES = 8.5, 3
"""The size (pt) of the sheet's help text, and the lines of it that ``ENTRY_MM`` leaves room
for (a deck's own path in the command makes it longer)."""


def entry_layout(
    years: int, entries: Sequence[str], help_text: str = "", played_for: Sequence[str] = ()
) -> tuple[float, bool]:
    """The height (mm) of a round's row on the entry sheet and whether the list of its cards
    and events (``entries``: "id title" each, in three columns) can show whole titles: the
    room the page has, up to ``ROW_MM``'s most, less when a long scenario's rows and list
    would not fit; when even the least height leaves too little room, the titles keep one
    line each and are shortened with "…" (the ids, which are what the table writes, stay
    whole). The list is measured by its titles (``text_lines``: a budget office's titles of
    70 letters take three lines, and the list ran off the page), and a ``help_text`` longer
    than ``HELP_LINES`` takes its extra lines from the rows, as does the line of what the
    table played for (``played_for``: the scenario and its targets, ``played_for_text``)."""
    least, most = ROW_MM
    width = PAGE_W - 2 * SHEET_PAD_X
    extra_help = max(0, text_lines(help_text, HELP_PT, width) - HELP_LINES) if help_text else 0
    room = ENTRY_MM - extra_help * HELP_PT * 1.35 * PT_MM
    for line in played_for:
        room -= text_lines(line, PLAYED_FOR_PT, width) * PLAYED_FOR_PT * 1.35 * PT_MM
    lines = [text_lines(entry, 6.6, ID_COLUMN_MM) for entry in entries]
    # the columns are balanced by whole items: one item's lines more at worst
    wrapped = (-(-sum(lines) // 3) + max(lines, default=0)) * ID_LINE_MM
    row = (room - wrapped) / max(1, years)
    if row >= least:
        return min(most, row), True
    one_line = (-(-len(entries) // 3) + 1) * ID_LINE_MM
    return max(least, min(most, (room - one_line) / max(1, years))), False


def ledger_rows(years: int) -> int:
    """Rows for cards and events on the ledger sheet: a table adopts 3–6 cards a year and
    draws an event, so 24 for up to four years and 32 (smaller) for a longer game."""
    return 24 if years <= 4 else 32


def _ledger_sheet(deck: Deck, scenario: Scenario, lang: str) -> str:
    """The paper table's ledger: a row for every adopted card and drawn event, a column for
    every year – the amounts the card shows from its year on (the last one holds) – and at
    the foot the year's råderum, its target and whether it was met, as in docs/rules.md."""
    t = catalogue(lang).t
    years = "".join(f"<th>{escape(year)}</th>" for year in scenario.years)
    blank = "<td></td>" * scenario.rounds
    count = ledger_rows(scenario.rounds)
    height = f"{194 / count:.1f}mm"  # room below for the verdict line
    rows = "".join(
        f'<tr style="height:{height}"><td></td><td></td><td></td>{blank}</tr>' for _ in range(count)
    )
    targets = "".join(
        f"<td class='num'>{escape(format_target(v, lang))}</td>" for v in scenario.target
    )
    met = "☐&nbsp;ja ☐&nbsp;nej" if lang == "da" else "☐&nbsp;yes ☐&nbsp;no"
    return (
        '<section class="page sheet ledger">'
        f"<h1>{escape(t('print.ledger.title'))}</h1>"
        f'<p class="tablename">{escape(t("print.sheet.table"))}: <span class="blank"></span> '
        f"· {escape(t('print.board.unit', unit=unit_words(deck.unit, lang)))}</p>"
        f'<p class="help">{escape(t("print.ledger.help"))}</p>'
        f'<table class="ledgertable"><tr><th>{escape(t("print.ledger.card"))}</th>'
        f"<th>{escape(t('print.ledger.round'))}</th><th>{escape(t('print.ledger.factor'))}</th>"
        f"{years}</tr>{rows}"
        f'<tr class="sum"><th colspan="3">{escape(t("print.board.raaderum"))}</th>{blank}</tr>'
        f'<tr class="sum"><th colspan="3">{escape(t("print.board.target"))}</th>{targets}</tr>'
        f'<tr class="sum"><th colspan="3">{escape(t("print.board.met"))}</th>'
        + "".join(f"<td class='met'>{met}</td>" for _ in scenario.years)
        + "</tr></table>"
        # the verdict, so the table can tell whether it won: the years alone do not say it
        + f'<p class="verdict">{escape(t("print.ledger.verdict"))} '
        # a box never ends a line away from its word ("☐ vundet ☐" / "tabt" was printed)
        + " ".join(
            f"☐&nbsp;{escape(c)}" for c in catalogue(lang).win_conditions(scenario, boxes=True)
        )
        + f" →&nbsp;<b>☐&nbsp;{escape(t('print.ledger.won'))} "
        + f"☐&nbsp;{escape(t('print.ledger.lost'))}</b></p>"
        + "</section>"
    )


def _keep_together(text: str) -> str:
    """``text`` escaped, with a number and the word after it joined by a non-breaking space
    ("−4&nbsp;årsværk": a line never parts them)."""
    return re.sub(r"(\d) (?=\w)", "\\1&nbsp;", escape(text))


def _catalogue_page(
    deck: Deck, proposals: Sequence[Proposal], start: int, total: int, lang: str
) -> str:
    """A handout page that says in words what the proposals of one card page are: each card's
    text, question, årsværk and whole source, which the cards have no room for."""
    t = catalogue(lang).t
    items = []
    for proposal in proposals:
        facts = [_kind_word(proposal.kind, lang), proposal.area]
        if proposal.staff is not None:
            staff = format_amount(proposal.staff, lang, sign=True)
            facts.append(t("card.staff", staff=staff))
        source = t("print.source", source=proposal.source) if proposal.source else ""
        items.append(
            '<div class="item">'
            f'<div class="ihead"><span class="kindmark">{icon(proposal.kind, 3.2)}</span>'
            f"<b>{escape(proposal.title)}</b> <code>{escape(proposal.id)}</code>"
            f'<span class="ifacts"> · {_keep_together(" · ".join(facts))}</span></div>'
            f'<div class="itext">{escape(proposal.text)}</div>'
            + (
                f'<div class="iquestion">{escape(proposal.question)}</div>'
                if proposal.question
                else ""
            )
            + f'<div class="isource">{escape(source)}</div></div>'
        )
    return _handout_page(deck, items, "print.catalogue", start, total, lang)


def _handout_page(
    deck: Deck, items: Sequence[str], key: str, start: int, total: int, lang: str
) -> str:
    """A handout page of ``items`` (entries ``start`` + 1 … of ``total``) under the title
    ``key`` ("print.catalogue", "print.events_words"; ``key``_of and ``key``_one say which
    entries the page holds)."""
    t = catalogue(lang).t
    heading = t(
        f"{key}_of" if len(items) > 1 else f"{key}_one",
        first=start + 1,
        last=start + len(items),
        total=total,
    )
    return (
        '<section class="page sheet catalogue">'
        f"<h1>{escape(t(key, deck=deck.title))}</h1>"
        f'<p class="deck">{escape(heading)}</p>' + "".join(items) + "</section>"
    )


def _rounds_note(scenario: Scenario, event: Event, lang: str) -> str:
    """ "Kun i runde 2 og 3" for an event drawn only in some of ``scenario``'s rounds, else ""
    (an event of rounds 1–4 in a four-year scenario printed a needless "Kun i runde 1, 2, 3
    og 4")."""
    if event.rounds is None:
        return ""
    own = [r for r in event.rounds if r <= scenario.rounds]
    if len(set(own)) >= scenario.rounds:
        return ""
    return catalogue(lang).t("print.rounds", rounds=catalogue(lang).join([str(r) for r in own]))


def _events_page(
    deck: Deck, scenario: Scenario, events: Sequence[Event], start: int, total: int, lang: str
) -> str:
    """A page for the facilitator that says what the events of the scenario are in words:
    each event's whole text and source, which its card has no room for, to read aloud."""
    t = catalogue(lang).t
    items = []
    for event in events:
        facts = [t("print.event_word")]
        note = _rounds_note(scenario, event, lang)
        if note:
            facts.append(note)
        source = t("print.source", source=event.source) if event.source else ""
        items.append(
            '<div class="item">'
            f'<div class="ihead"><b>{escape(event.title)}</b> <code>{escape(event.id)}</code>'
            f'<span class="ifacts"> · {_keep_together(" · ".join(facts))}</span></div>'
            f'<div class="itext">{escape(event.text)}</div>'
            f'<div class="isource">{escape(source)}</div></div>'
        )
    return _handout_page(deck, items, "print.events_words", start, total, lang)


CSS = f"""
@page {{ size: A4 portrait; margin: 0; }}
@page landscape {{ size: A4 landscape; margin: 0; }}
* {{ box-sizing: border-box; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
  color: #1C2430; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
.page {{ position: relative; width: {PAGE_W}mm; height: {PAGE_H}mm; overflow: hidden;
  break-after: page; page-break-after: always; break-inside: avoid; }}
.page:last-child {{ break-after: auto; page-break-after: auto; }}
.board-page {{ page: landscape; width: {PAGE_H}mm; height: {PAGE_W}mm; padding: 12mm 14mm; }}
.marks {{ position: absolute; left: 0; top: 0; }}
.marks line {{ stroke: #1C2430; stroke-width: 0.25; }}
.slot {{ position: absolute; width: {CARD_W}mm; height: {CARD_H}mm; padding: 1.2mm; }}
.card {{ width: 100%; height: 100%; overflow: hidden; border: 0.35mm solid #1C2430;
  border-radius: 2.5mm; background: var(--tint); break-inside: avoid;
  page-break-inside: avoid; display: flex; flex-direction: column; }}
.band {{ height: 7.5mm; flex: none; display: flex; align-items: center; gap: 1.6mm;
  padding: 0 2.4mm; color: #FFFFFF; border-bottom: 0.35mm solid #1C2430; }}
.band .badge {{ width: 6.2mm; height: 6.2mm; border-radius: 50%; background: #FFFFFF;
  display: flex; align-items: center; justify-content: center; flex: none; }}
.band .word {{ font-weight: 700; font-size: 8.5pt; letter-spacing: 0.25mm;
  text-shadow: 0 0 0.6mm #1C2430; }}
.band .cid {{ margin-left: auto; font-size: 7pt; background: #FFFFFF; color: #1C2430;
  padding: 0.3mm 1.2mm; border-radius: 1mm; font-family: "DejaVu Sans Mono", monospace; }}
.body {{ flex: 1; padding: 1.6mm 2.6mm 1.4mm; display: flex; flex-direction: column;
  overflow: hidden; background: #FFFFFF; }}
.title {{ font-weight: 700; font-size: 10.5pt; line-height: {TITLE_LEADING};
  max-height: {2 * TITLE_LEADING:g}em; overflow: hidden; display: -webkit-box;
  -webkit-line-clamp: 2; -webkit-box-orient: vertical; }}
.area {{ font-size: 7pt; color: #4A5260; text-transform: uppercase; letter-spacing: 0.2mm;
  margin-top: 0.4mm; height: 3.2mm; overflow: hidden; }}
.caption {{ font-size: 5.8pt; color: #4A5260; margin-top: 0.8mm; height: 2.6mm;
  overflow: hidden; white-space: nowrap; }}
.stripbox {{ height: 15mm; flex: none; }}
.strip .num {{ font-size: 33px; font-weight: 700; fill: #1C2430; }}
.strip .lab {{ font-size: 22px; fill: #4A5260; }}
.facts {{ font-size: 8pt; margin-top: 0.6mm; height: 3.9mm; white-space: nowrap;
  overflow: hidden; }}
.extra {{ font-size: 6.5pt; height: 3.2mm; white-space: nowrap; overflow: hidden; }}
.chance {{ font-size: 7pt; height: 3.5mm; white-space: nowrap; overflow: hidden; }}
.question {{ font-style: italic; font-size: 7.6pt; line-height: 1.25; margin-top: 0.8mm;
  overflow: hidden; max-height: 3.9em; display: -webkit-box; -webkit-line-clamp: 3;
  -webkit-box-orient: vertical; }}
.cardtext {{ font-size: 7pt; line-height: 1.25; margin-top: 0.8mm; overflow: hidden;
  display: -webkit-box; -webkit-box-orient: vertical; }}
.event .text {{ font-size: 7pt; line-height: 1.25; margin-top: 0.6mm; overflow: hidden;
  display: -webkit-box; -webkit-box-orient: vertical; }}
.clamp.foot {{ margin-top: auto; }}
.source {{ font-size: 5.8pt; line-height: 1.3; color: #4A5260;
  overflow: hidden; max-height: 2.75em; display: -webkit-box; -webkit-line-clamp: 2;
  -webkit-box-orient: vertical; }}
.ledgertable {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
.ledgertable th, .ledgertable td {{ border: 0.3mm solid #1C2430; padding: 0 1mm;
  font-size: 9pt; text-align: center; }}
.ledgertable tr.sum {{ height: 8mm; }}
.ledger .verdict {{ font-size: 11pt; margin-top: 3mm; }}
.ledgertable tr:first-child th:first-child {{ width: 38mm; }}
.ledgertable tr:first-child th:nth-child(2) {{ width: 14mm; }}
.ledgertable tr:first-child th:nth-child(3) {{ width: 14mm; }}
.ledgertable tr.sum th {{ background: #F3F0E9; text-align: left; }}
.ledgertable td.num {{ font-weight: 700; font-size: 11pt; }}
.ledgertable td.met {{ font-size: 7pt; line-height: 1.2; }}
.catalogue {{ padding: 10mm 16mm; }}
.catalogue h1 {{ font-size: 14pt; }}
.catalogue .item {{ margin-top: 2.4mm; padding-top: 1.4mm; border-top: 0.2mm solid #C9C3B6;
  break-inside: avoid; }}
.catalogue .ihead {{ font-size: 10pt; }}
.catalogue .ihead code {{ font-size: 7.5pt; color: #4A5260; margin-left: 1mm; }}
.catalogue .ifacts {{ font-size: 8pt; color: #4A5260; }}
.catalogue .itext {{ font-size: 8.6pt; line-height: 1.25; margin-top: 0.6mm; }}
.catalogue .iquestion {{ font-size: 8.6pt; font-style: italic; margin-top: 0.4mm; }}
.catalogue .isource {{ font-size: 7.2pt; color: #4A5260; margin-top: 0.4mm; overflow: hidden;
  display: -webkit-box; -webkit-line-clamp: 4; -webkit-box-orient: vertical; }}
.footer {{ position: absolute; bottom: 8mm; left: 0; right: 0; text-align: center;
  font-size: 7pt; color: #4A5260; }}
.sheet {{ padding: 14mm 18mm; font-size: 10pt; line-height: 1.35; }}
.sheet h1 {{ font-size: 17pt; margin: 0 0 1mm; }}
.sheet h2 {{ font-size: 11.5pt; margin: 4.5mm 0 2mm; border-bottom: 0.3mm solid #1C2430; }}
.sheet .deck {{ color: #4A5260; margin: 0; }}
.yours {{ font-weight: 700; margin: 1.5mm 0 0; }}
.yours.warn {{ color: #A33A00; }}
.briefing {{ border-left: 1.2mm solid #1C2430; padding: 2mm 4mm; background: #F3F0E9;
  font-size: 11pt; }}
.targets, .entry {{ border-collapse: collapse; width: 100%; }}
.targets th, .targets td {{ border: 0.3mm solid #1C2430; padding: 1.5mm; text-align: center; }}
.targets td {{ font-size: 14pt; font-weight: 700; }}
.rules {{ font-size: 9.2pt; line-height: 1.3; margin: 1em 0; }}
.rules li {{ margin-bottom: 1mm; }}
.tablename .blank {{ display: inline-block; width: 80mm; border-bottom: 0.3mm solid #1C2430; }}
.played {{ margin: 1mm 0 2mm; }}
.playedfor {{ margin: 1.5mm 0 2mm; font-size: 9.5pt; line-height: 1.35; font-weight: 600; }}
.help {{ font-size: 8.5pt; color: #4A5260; }}
.entering {{ font-size: 10pt; line-height: 1.35; margin-top: 3mm; color: #4A5260; }}
.option {{ white-space: nowrap; }}
.entry th, .entry td {{ border: 0.3mm solid #1C2430; padding: 1.2mm; vertical-align: top;
  text-align: left; font-size: 8.5pt; }}
.entry td {{ height: var(--row, 17mm); }}
.entry th:first-child {{ width: 22mm; }}
.entry th:nth-child(2) {{ width: 42%; }}
.entry th:nth-child(3) {{ width: 18%; }}
.ids {{ columns: 3; column-gap: 5mm; list-style: none; padding: 0; margin: 0;
  font-size: 6.6pt; line-height: 1.3; }}
.ids li {{ break-inside: avoid; padding-left: 3.4mm; text-indent: -3.4mm; }}
.ids.short li {{ white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
.kindmark {{ display: inline-block; vertical-align: -0.5mm; margin-right: 0.8mm; }}
.board-page h1 {{ font-size: 16pt; margin: 0; }}
.board-page .unit {{ margin: 0.5mm 0 3mm; color: #4A5260; font-size: 9pt; }}
table.board {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
table.board th, table.board td {{ border: 0.35mm solid #1C2430; padding: 1.2mm;
  text-align: center; vertical-align: middle; font-size: 9pt; }}
table.board th.rowhead {{ width: 34mm; text-align: left; background: #F3F0E9; }}
table.board tr.target td {{ height: 11mm; }}
table.board tr.events td {{ height: 14mm; background: #EEE8F4; }}
table.board tr.adopted td {{ height: 40mm; }}
table.board tr.load td {{ height: 12mm; background: #F6F4EF; }}
table.board tr.result td {{ height: 13mm; }}
table.board tr.met td {{ height: 9mm; font-size: 10pt; }}
.big {{ font-size: 16pt; font-weight: 700; }}
table.track {{ border-collapse: collapse; margin-top: 3mm; width: 100%; table-layout: fixed; }}
table.track th {{ width: 60mm; text-align: left; font-size: 8pt; font-weight: 600; }}
table.track td {{ border: 0.3mm solid #1C2430; text-align: center; font-size: 8.5pt;
  height: 7mm; border-radius: 50%; }}
table.track td.floor {{ border: 0.8mm solid #1C2430; font-weight: 700; line-height: 1; }}
table.track td.floor small {{ font-size: 6pt; font-weight: 400; }}
"""


_OPTION = re.compile(r"--[a-z-]+(?: (?!--|…|–)(?:&quot;.*?&quot;|\S*[^\s.,;:)]))?")
"""An option of a command printed in a text, with its value when it has one ("--table
&quot;Bord 3&quot;", "--event ID@RUNDE", "--target 35"; a value in quotes with its spaces, a
sentence's full stop after it left out)."""
LONGEST_UNBROKEN = 48
"""The most characters of an option and its value kept on one line: a deck's long path is
let break at its spaces rather than run past the page's edge."""


def _unbroken_options(html: str) -> str:
    """``html`` (escaped text) with each command option kept whole on its line, together with
    its value: the printed command broke as "--⏎table", which a host typed as two words, and
    as "--event ID@RUNDE -⏎-factor ID=FAKTOR" (``.option`` does not wrap). A line breaks only
    at a space between whole tokens – inside a value only when it is too long for a line
    (``LONGEST_UNBROKEN``), and never inside the option's name."""

    def whole(match: re.Match[str]) -> str:
        text = match.group(0)
        if len(unescape(text)) > LONGEST_UNBROKEN:
            option, _, value = text.partition(" ")
            return f'<span class="option">{option}</span> {value}'
        return f'<span class="option">{text}</span>'

    return _OPTION.sub(whole, html)
