"""Bord på papir: the facilitator enters what a paper table chose, round by round.

Two lists, the scenario's proposals and its events, each row with one chip per round: a click
on a chip says "adopted (drawn) in this round", a second click takes it back. "Gem bordet"
turns the entries into a game through the rules (``game.saves.paper``) and saves it in the
save folder (a round without an event is asked about first: a second "Gem bordet" says the
table drew none), marked as a paper table, so the report and the comparison count it; what the
rules refuse is shown under the lists, and nothing is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game import engine
from game.engine import anchor, die_table, face
from game.messages import Message, render
from game.numbers import format_amount
from game.saves import GameSettings, SaveError, new_save_path, write_save
from game.saves.listing import replaced_seed, tables_named
from game.saves.model import PaperTable
from game.saves.paper import (
    MAX_TABLE_NAME,
    Extent,
    PaperError,
    drawn_factors,
    entry_seed,
    paper_history,
    rounds_short_of_events,
)
from game.ui import theme
from game.ui.draw import button, kind_icon
from game.ui.opening import open_save
from game.ui.scene import Scene, is_activation, is_key
from game.ui.start_view import targets_text
from game.ui.textfield import TextField, said_left_out
from game.ui.theme import BODY, TINY, TITLE, Scale

if TYPE_CHECKING:
    from game.ui.scene import Host

Rect = pygame.Rect


@dataclass(frozen=True)
class PaperLayout:
    """The rectangles of the screen; ``cards`` and ``events`` are the visible list rows."""

    title: Rect
    intro: Rect
    name_label: Rect
    name: Rect
    stop_label: Rect
    stop: Rect
    """The row of round chips that say how far the table got (the last one: all years)."""
    cards_label: Rect
    events_label: Rect
    cards: tuple[Rect, ...]
    events: tuple[Rect, ...]
    status: Rect
    save: Rect
    back: Rect
    help: Rect
    """ "Hjælp (F1)": the keys of the screen."""
    chip: int = 0
    """The side of a row's round chips (px): a row of one line's height less 4, also where the
    rows are two lines high (``two_lines``); 0: the row's height less 4."""
    two_lines: tuple[bool, bool] = (False, False)
    """Whether the proposals' and the events' rows hold their words on two lines (on one,
    they were cut)."""


CUT_SHARE = 1 / 3
"""More rows than this share cut on one line: the list's rows are two lines high, though it
takes more pages (``PaperScene._needs_two_lines``)."""
SHARE_RANGE = (0.45, 0.65)
"""The proposals' list takes between these shares of the width, the events the rest."""


def paper_layout(
    width: int, height: int, share: float = 0.6, two_lines: tuple[bool, bool] = (False, False)
) -> PaperLayout:
    """The screen at ``width`` × ``height``: a title, the table's name, the proposals (left,
    ``share`` of the width: three fifths unless the lines' lengths say otherwise) and the
    events (right), and the buttons at the bottom; ``two_lines``: the proposals' and the
    events' rows high enough for their words on two lines (fewer rows to a page; the lists
    scroll)."""
    scale = Scale(height)
    g = scale.gap
    margin = 3 * g
    inner = width - 2 * margin
    title = Rect(margin, margin, inner, round(scale.title * 1.3))
    intro = Rect(margin, title.bottom, inner, round(scale.min_text * 1.6))
    name_label = Rect(margin, intro.bottom + g, round(inner * 0.18), round(scale.body * 2.3))
    name = Rect(name_label.right + g, name_label.y, round(inner * 0.35), name_label.height)
    stop_label = Rect(name.right + 2 * g, name.y, round(inner * 0.22), name.height)
    stop = Rect(stop_label.right + g, name.y, margin + inner - stop_label.right - g, name.height)
    name_label = name_label.move(0, (name.height - round(scale.body * 1.4)) // 2)
    button_h = round(scale.body * 2.2)
    bottom = height - margin - button_h
    status = Rect(
        margin, bottom - g - round(scale.min_text * 3.4), inner, round(scale.min_text * 3.4)
    )
    left_w = round((inner - 2 * g) * share)
    labels_y = name.bottom + 2 * g
    cards_label = Rect(margin, labels_y, left_w, round(scale.body * 1.4))
    events_label = Rect(
        cards_label.right + 2 * g, labels_y, inner - left_w - 2 * g, cards_label.height
    )
    one_line = max(scale.min_text + 8, round(scale.body * 1.45))
    top = cards_label.bottom + g // 2

    def rows(x: int, w: int, two: bool) -> tuple[Rect, ...]:
        # two lines of the smallest text (25 px a line at 18 px) and the row's margins
        row_h = max(one_line, round(scale.min_text * 2.8) + 6) if two else one_line
        count = max(1, (status.y - g - top) // row_h)
        return tuple(Rect(x, top + i * row_h, w, row_h - 2) for i in range(count))

    cards = rows(cards_label.x, left_w, two_lines[0])
    events = rows(events_label.x, events_label.width, two_lines[1])
    save_w = round(inner * 0.22)
    save = Rect(margin + inner - save_w, bottom, save_w, button_h)
    back = Rect(margin, bottom, round(inner * 0.14), button_h)
    help_rect = Rect(back.right + 2 * g, bottom, round(inner * 0.14), button_h)
    return PaperLayout(
        title,
        intro,
        name_label,
        name,
        stop_label,
        stop,
        cards_label,
        events_label,
        cards,
        events,
        status,
        save,
        back,
        help_rect,
        chip=one_line - 6,
        two_lines=two_lines,
    )


def factor_chip(row: Rect, rounds: int, side: int = 0) -> Rect:
    """The chip left of the round chips where an adopted uncertain card's factor is set: a
    click steps through the faces of the printed card's die, then back to "drawn by the game"."""
    first = chips(row, rounds, side)[0]
    width = round(first.width * 1.9)
    return Rect(first.x - width - max(2, first.width // 3), first.y, width, first.height)


def stop_chips(area: Rect, rounds: int) -> tuple[Rect, ...]:
    """The round chips of "Spillet til og med runde", left-aligned in ``area``: as high as the
    area allows, and narrower when the rounds would not fit (eight years at 1024 pixels)."""
    size = max(8, min(area.height - 4, round(area.width / max(1, rounds) / 1.2)))
    gap = max(2, size // 6)
    top = area.y + (area.height - size) // 2
    return tuple(Rect(area.x + i * (size + gap), top, size, size) for i in range(rounds))


def chips(row: Rect, rounds: int, side: int = 0) -> tuple[Rect, ...]:
    """One chip per round at the right end of a list row, ``side`` px square (0: the row's
    height less 4), in the middle of the row's height."""
    size = side or row.height - 4
    gap = max(2, size // 6)
    right = row.right - 2
    top = row.y + (row.height - size) // 2
    return tuple(
        Rect(right - (rounds - i) * (size + gap) + gap, top, size, size) for i in range(rounds)
    )


class PaperScene(Scene):
    """Enter a paper table: its name, the round each proposal was adopted and each event
    drawn; save it as a game marked as a paper table."""

    name = "paper"

    def __init__(
        self,
        app: Host,
        scenario: str | None = None,
        target: float | None = None,
        *,
        entered: PaperTable | None = None,
        played: int | None = None,
        replacing: Path | None = None,
    ) -> None:
        """``entered``: a saved paper table's sheet, filled in to be corrected (``played``:
        the budget years it finished when it stopped early); saving replaces its save
        ``replacing``."""
        super().__init__(app)
        self.deck = app.game.deck
        self.scenario = self.deck.scenario(scenario)
        self.target = target
        """The facilitator's X (the last year's target) the paper table played for, from the
        start screen; None: the scenario's own."""
        self.adopted: dict[str, int] = {}
        """Proposal id → 0-based round, in the order entered."""
        self.drawn: dict[str, int] = {}
        """Event id → 0-based round, in the order entered."""
        self.factors: dict[str, float] = {}
        """Uncertain proposal id → the factor the table rolled (the others: drawn by the game)."""
        self.played: int | None = played
        """The budget years the table finished, when it stopped early (the game is saved
        unfinished, as ``raaderum enter --stopped-after``); None: all of them."""
        self.offsets = {"cards": 0, "events": 0}
        self.problems: list[str] = []
        self.cursor: tuple[str, int] | None = None
        """The keyboard's row: ("cards" | "events", index in the list), or None."""
        self.asked_leave = False
        """True once Esc or "Tilbage" has said that the entries are not saved: a second one
        leaves and discards them."""
        self.asked_name: str | None = None
        """The table's name that "Gem bordet" has said is taken: a second "Gem bordet" saves
        it anyway (a table of the same name, say, from another round of the day)."""
        self._measured: tuple[tuple[int, int], float, tuple[bool, bool]] | None = None
        """For the window's size: the proposals' share of the width (``_column_share``) and
        whether the proposals' and the events' rows are two lines high
        (``_needs_two_lines``), measured again when the window changes size."""
        self.replacing = replacing
        """The save this sheet replaces when saved: the paper table being corrected, or the
        one table of the same name that "Gem bordet" has asked about (a corrected sheet
        entered again: both files counted in the comparison)."""
        self.asked_short: tuple[int, ...] | None = None
        """The rounds without an event that "Gem bordet" has asked about once: a second
        "Gem bordet" saves the table as it is (the table drew no event in them)."""
        layout = self.layout()
        self.name_field = TextField(
            layout.name,
            app.fonts.get("regular", Scale(app.size[1]).min_text),
            placeholder=app.t("paper.table"),
            max_length=MAX_TABLE_NAME,
            multiline=False,
            show_counter=False,
            on_full=lambda _: app.toast("start.table_full", error=True, most=MAX_TABLE_NAME),
            on_undrawable=said_left_out(app.toast),
        )
        self.opened_with: tuple[PaperTable, int | None] | None = None
        """The sheet as it was opened to be corrected: leaving it unchanged asks nothing."""
        if entered is not None:
            self.name_field.text = entered.table
            self.adopted = dict(entered.adopted)
            self.drawn = dict(entered.events)
            self.factors = dict(entered.factors)
            self.opened_with = (self.table(), self.played)
        else:
            # the name first: a host who types at once typed into the screen's keys (an "S"
            # set the table as stopped after round 2)
            self.name_field.focus()

    @property
    def wants_text_input(self) -> bool:
        """True while the table's name has the focus."""
        return self.name_field.focused

    def layout(self) -> PaperLayout:
        """The screen's rectangles for the window's size."""
        width, height = self.app.size
        if self._measured is None or self._measured[0] != (width, height):
            share = self._column_share()
            one = paper_layout(width, height, share)
            two = paper_layout(width, height, share, (True, True))
            lines = (self._needs_two_lines(one, two, 0), self._needs_two_lines(one, two, 1))
            self._measured = ((width, height), share, lines)
        _, share, lines = self._measured
        return paper_layout(width, height, share, lines)

    def _needs_two_lines(self, one: PaperLayout, two: PaperLayout, which: int) -> bool:
        """Whether the proposals' (``which`` 0) or the events' (1) rows are drawn two lines
        high: where one line cuts a row's "id  ·  title" and either the list still fits one
        page of two-line rows, or one line would cut more than ``CUT_SHARE`` of the rows (at
        1024×768 the standard game's four rounds of chips cut nearly every row). A row or two
        cut by a word keeps the list on one page."""
        size = Scale(self.app.size[1]).min_text
        key, rows, items = self._lists(one)[which]
        if not rows or not items:
            return False
        cut = sum(
            self.app.text.width(f"{item.id}  ·  {item.title}", size)
            > self._label(rows[0], item, key == "cards", one.chip, measuring=True).width
            for item in items
        )
        fits_page = len(items) <= len(self._lists(two)[which][1])
        return cut > 0 and (fits_page or cut > CUT_SHARE * len(items))

    def _label(
        self, row: Rect, item: Any, is_card: bool, side: int, measuring: bool = False
    ) -> Rect:
        """Where a row's words go: after the kind's icon (an event has none), before the round
        chips and, on an uncertain card the table rolled for, the factor chip. ``measuring``
        (the layout, measured once per window size): every uncertain card as if it had the
        chip, since a click may give it one (a one-line row was then cut by "×?")."""
        right = chips(row, self.scenario.rounds, side)[0].x
        if is_card and (item.is_uncertain if measuring else self._has_factor(item)):
            right = factor_chip(row, self.scenario.rounds, side).x
        start = row.x + 4 + (side - 2) + 6 if is_card else row.x + 6
        return Rect(start, row.y, right - start - 4, row.height)

    def _column_share(self) -> float:
        """The proposals' share of the width, from how long the two lists' lines are: the
        events' titles were cut to "God øk…" at 1024×768 beside a proposals list with room to
        spare. The two share the width in proportion to what their longest "id  ·  title"
        needs beside its round chips, so that where both fit on one line, both are whole;
        between ``SHARE_RANGE``."""
        width, height = self.app.size
        probe = paper_layout(width, height)
        size = Scale(height).min_text
        needs = []
        for key, rows, items in self._lists(probe):
            words = max(
                (self.app.text.width(f"{i.id}  ·  {i.title}", size) for i in items), default=0
            )
            beside = (
                max(
                    rows[0].width
                    - self._label(rows[0], i, key == "cards", probe.chip, measuring=True).width
                    for i in items
                )
                if items and rows
                else 0
            )
            needs.append(words + beside)
        cards, events = needs
        low, high = SHARE_RANGE
        # in proportion: where the two fit beside each other, both are whole
        return min(high, max(low, cards / max(1, cards + events)))

    # --- model --------------------------------------------------------------------------
    def toggle(self, chosen: dict[str, int], card: str, round_index: int) -> None:
        """Say that ``card`` was adopted (drawn) in ``round_index``; again: take it back."""
        if chosen.get(card) == round_index:
            del chosen[card]
        else:
            chosen.pop(card, None)
            chosen[card] = round_index
        self.problems = []
        self.asked_short = None
        self.asked_leave = False

    def set_stop(self, played: int) -> None:
        """Say that the table finished ``played`` budget years (the last: all, the default);
        the same again: all years."""
        whole = played >= self.scenario.rounds or played == self.played
        self.played = None if whole else played
        self.problems = []
        self.asked_short = None
        self.asked_leave = False

    def step_factor(self, card: str) -> None:
        """Set the factor of an adopted uncertain card to the next face of its printed die
        (``randomness.die_table``); after the last: drawn by the game again."""
        proposal = self.deck.proposal(card)
        values = sorted({band.factor for band in die_table(proposal.uncertainty, proposal.failure)})
        now = self.factors.get(card)
        later = [v for v in values if now is not None and v > now]
        if now is None:
            self.factors[card] = values[0]
        elif later:
            self.factors[card] = later[0]
        else:
            del self.factors[card]
        self.problems = []
        self.asked_short = None
        self.asked_leave = False

    def table(self) -> PaperTable:
        """The entries as a paper table (factors only for cards still adopted)."""
        return PaperTable(
            table=self.name_field.text.strip(),
            adopted=tuple(self.adopted.items()),
            events=tuple(self.drawn.items()),
            # only the factors of cards the table rolled for (a chip on the screen)
            factors=tuple(
                (c, f) for c, f in self.factors.items() if self._has_factor(self.deck.proposal(c))
            ),
        )

    def save(self) -> bool:
        """Play the entries through the rules and save them; problems are shown instead."""
        app = self.app
        table = self.table()
        if not table.table:
            self.problems = [app.t("paper.name_missing")]
            return False
        # the same sheet entered twice counts as two tables in the comparison: asked first
        taken = tables_named(app.save_dir, table.table, self.scenario.title) if app.save_dir else []
        taken = [info for info in taken if not _same_file(info.path, self.replacing)]
        if taken and self.asked_name != table.table:
            self.asked_name = table.table
            if len(taken) == 1 and taken[0].paper and self.replacing is None:
                # a corrected sheet entered again: the next "Gem bordet" replaces the old one
                self.problems = [app.t("paper.name_taken_replace", table=table.table)]
            else:
                self.problems = [app.t("paper.name_taken", table=table.table)]
            return False
        replaced = self.replacing
        if replaced is None and taken and len(taken) == 1 and taken[0].paper:
            replaced = taken[0].path
        # the seed follows from the entries, as with `raaderum enter`: the same sheet entered
        # twice (in the window or on the command line) gives the same game; a corrected
        # sheet keeps the dice of the one it replaces
        seed = replaced_seed(replaced)
        if seed is None:
            seed = entry_seed(self.deck, self.scenario, table, self.target)
        settings = GameSettings(self.scenario.id, seed, self.target, app.lang)
        try:
            history = paper_history(self.deck, settings, table, Extent(played=self.played))
            last = self.scenario.rounds if self.played is None else self.played
            short = tuple(
                r for r in rounds_short_of_events(self.deck, self.scenario, table) if r < last
            )
            if short and short != self.asked_short:
                self.asked_short = short
                rounds = app.catalogue.join([str(r + 1) for r in short])
                count = "one" if len(short) == 1 else "many"
                self.problems = [app.t(f"paper.no_event.{count}", rounds=rounds)]
                return False
            if app.save_dir is None:
                raise SaveError("", Message.of("paper.no_save_folder"))
            # a corrected sheet is written over the table's save, atomically: never two
            path = replaced if replaced is not None else new_save_path(app.save_dir)
            write_save(path, self.deck, settings, history, paper=table)
        except PaperError as error:  # a sentence on the screen starts with a capital
            lines = [render(self._in_window_words(m), app.lang) for m in error.said[:4]]
            self.problems = [line[:1].upper() + line[1:] for line in lines]
            return False
        except SaveError as error:
            self.problems = [app.t("paper.problem", reason=error.worded(app.lang))]
            return False
        # the result, so the host can hold it against the table's own ledger at once
        outcome = engine.verdict(history.current)
        # a lost table names why (the year it missed, not the last one), as `enter` does
        if not history.current.finished:  # stopped early: the years not reached stay open
            result = app.t("paper.saved_open", year=self.scenario.years[last - 1])
        elif outcome.won:
            result = app.t("cli.enter.won")
        else:
            result = app.t("paper.saved_lost", why=" ".join(app.catalogue.verdict_reasons(outcome)))
        drawn = drawn_factors(history.current, table)
        if drawn:  # as `enter` says it: the factors to write on the sheet
            shown = "; ".join(
                # the card's title, and its id as the sheet writes it
                app.t("paper.card_title", title=self.deck.proposal(card).title)
                + f" ({card}) ×{format_amount(factor, app.lang)}"
                for card, factor in drawn
            )
            result = f"{result} {app.t('paper.drawn', factors=shown)}"
        key = "paper.replaced" if replaced is not None else "paper.saved"
        app.pop()
        if self.replacing is not None:  # corrected from its board: the board shows it now
            open_save(app, path)
        start = app.find("start")
        if start is not None:  # the start screen's list shows the table just saved
            start.check_folder()
        # the result stays until it is closed: the host copies the rolled factors onto the
        # sheet (a toast cut them off and faded)
        text = app.t(key, table=table.table, path=path.name, result=result)
        app.push("message", title=app.t("paper.saved_title"), text=text)
        return True

    def leave(self) -> None:
        """Back to the start screen; with entries not saved, the first time only says so (a
        second Esc or "Tilbage" discards them)."""
        entered = bool(
            self.adopted
            or self.drawn
            or self.factors
            or self.played is not None
            or self.name_field.text.strip()
        )
        # opened to be corrected and left as it was: nothing to lose
        unchanged = self.opened_with == (self.table(), self.played)
        if entered and not unchanged and not self.asked_leave:
            self.asked_leave = True
            self.problems = [self.app.t("paper.leave_unsaved")]
            return
        self.app.pop()

    # --- input --------------------------------------------------------------------------
    def _lists(self, layout: PaperLayout) -> list[tuple[str, tuple[Rect, ...], list[Any]]]:
        cards = [self.deck.proposal(pid) for pid in self.scenario.proposals]
        events = [self.deck.event(eid) for eid in self.scenario.events]
        return [("cards", layout.cards, cards), ("events", layout.events, events)]

    def handle(self, event: pygame.event.Event) -> None:
        """The name field, the chips, the mouse wheel over a list, and the buttons."""
        layout = self.layout()
        is_wheel = event.type == pygame.MOUSEWHEEL
        # the wheel scrolls the list under the mouse, also while the name is being typed (it
        # did nothing until the field lost the keyboard)
        if self.name_field.focused and not is_activation(event) and not is_wheel:
            if is_key(event, pygame.K_TAB):
                self.name_field.blur()
                back = bool(event.mod & pygame.KMOD_SHIFT)
                self.cursor = ("events", 0) if back else ("cards", 0)
            elif is_key(event, pygame.K_RETURN, pygame.K_KP_ENTER):
                self.name_field.blur()
            elif is_key(event, pygame.K_ESCAPE):  # as everywhere on the screen: back (asked
                self.name_field.blur()  # first when something was entered)
                self.leave()
            else:
                self.name_field.handle(event)
            return
        if is_key(event, pygame.K_ESCAPE):
            self.leave()
            return
        if event.type == pygame.KEYDOWN and self._key(event, layout):
            return
        if event.type == pygame.MOUSEWHEEL:
            pos = pygame.mouse.get_pos()
            for key, rows, items in self._lists(layout):
                area = rows[0].unionall(rows) if rows else Rect(0, 0, 0, 0)
                if area.collidepoint(pos):
                    most = max(0, len(items) - len(rows))
                    self.offsets[key] = max(0, min(most, self.offsets[key] - event.y))
            return
        if not is_activation(event):
            return
        pos = event.pos
        self.name_field.blur()
        if layout.name.collidepoint(pos):
            self.name_field.set_rect(layout.name)
            self.name_field.handle(event)
        elif layout.save.collidepoint(pos):
            self.save()
        elif layout.back.collidepoint(pos):
            self.leave()
        elif layout.help.collidepoint(pos):
            self.app.push("help")
        else:
            for index, chip in enumerate(stop_chips(layout.stop, self.scenario.rounds)):
                if chip.collidepoint(pos):
                    self.set_stop(index + 1)
                    return
            self._click_chip(layout, pos)

    def _key(self, event: pygame.event.Event, layout: PaperLayout) -> bool:
        """The keyboard (True when the key was used): Tab goes from the name to the proposals
        to the events and back; ↑/↓ move along the list, ←/→ to the other list; a digit 1–9
        sets (or takes back) the round of the row; F steps an adopted uncertain card's factor;
        S steps how far the table got (all years, one fewer, …); Enter saves."""
        key = event.key
        lists = {name: items for name, _, items in self._lists(layout)}
        if key == pygame.K_TAB:  # the name → the proposals → the events → the name
            back = bool(event.mod & pygame.KMOD_SHIFT)
            now = self.cursor[0] if self.cursor else None
            if now == "cards":
                chosen = None if back else "events"
            elif now == "events":
                chosen = "cards" if back else None
            else:
                chosen = "events" if back else None
            if chosen is None:
                self.cursor = None
                self.name_field.set_rect(layout.name)
                self.name_field.focus()
            else:
                self.cursor = (chosen, 0)
                self.offsets[chosen] = 0
            return True
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.save()
            return True
        if key == pygame.K_s:  # how far the table got: all years, then one year fewer, …
            last = self.scenario.rounds if self.played is None else self.played
            self.set_stop(last - 1 if last > 1 else self.scenario.rounds)
            return True
        if self.cursor is None:
            return False
        name, index = self.cursor
        items = lists[name]
        rows = len(layout.cards if name == "cards" else layout.events)
        if key in (pygame.K_LEFT, pygame.K_RIGHT):
            # the lists stand side by side: → to the events, ← back to the proposals (↓ at
            # the last proposal went nowhere)
            other = "events" if key == pygame.K_RIGHT else "cards"
            if other != name and lists[other]:
                self.cursor = (other, min(index, len(lists[other]) - 1))
                first = self.offsets[other]
                shown = len(layout.cards if other == "cards" else layout.events)
                if not first <= self.cursor[1] < first + shown:
                    self.offsets[other] = max(0, self.cursor[1] - shown + 1)
            return True
        if key in (pygame.K_UP, pygame.K_DOWN):
            index = max(0, min(len(items) - 1, index + (1 if key == pygame.K_DOWN else -1)))
            self.cursor = (name, index)
            first = self.offsets[name]
            if index < first:
                self.offsets[name] = index
            elif index >= first + rows:
                self.offsets[name] = index - rows + 1
            return True
        digit = key - pygame.K_1 if pygame.K_1 <= key <= pygame.K_9 else -1
        if 0 <= digit < self.scenario.rounds:
            self.toggle(self.adopted if name == "cards" else self.drawn, items[index].id, digit)
            return True
        if key == pygame.K_f and name == "cards" and self._has_factor(items[index]):
            self.step_factor(items[index].id)
            return True
        return False

    def _click_chip(self, layout: PaperLayout, pos: tuple[int, int]) -> None:
        for key, rows, items in self._lists(layout):
            chosen = self.adopted if key == "cards" else self.drawn
            for row, item in zip(rows, items[self.offsets[key] :]):
                for round_index, chip in enumerate(chips(row, self.scenario.rounds, layout.chip)):
                    if chip.collidepoint(pos):
                        self.toggle(chosen, item.id, round_index)
                        return
                on_factor = factor_chip(row, self.scenario.rounds, layout.chip).collidepoint(pos)
                if key == "cards" and on_factor and self._has_factor(item):
                    self.step_factor(item.id)
                    return

    def _in_window_words(self, said: Message) -> Message:
        """A problem of the sheet as this screen names things: a card or an event by its title
        and its round, not as ``raaderum enter`` spells the entry ("--event sen-regning@2
        (2028)", "forslaget 'velfaerdsboliger'": a facilitator never typed either)."""
        params = dict(said.params)
        for name, value in params.items():
            if isinstance(value, Message):
                params[name] = self._in_window_words(value)
        entry = params.get("entry")
        if said.key == "paper.err.at" and isinstance(entry, tuple):
            ref, number, year = entry
            title = self._title(ref)
            params["where"] = (
                self.app.t("paper.entry", title=title, round=number, year=year)
                if number and year
                else self.app.t("paper.card_title", title=title)
            )
        if said.key.startswith("save.illegal."):
            for name in ("card", "other"):
                if isinstance(params.get(name), str):
                    params[name] = self._title(params[name])
        return Message(said.key, tuple(sorted(params.items())))

    def _title(self, ref: str) -> str:
        """The title of the card or event ``ref`` names (its id), or ``ref`` when none."""
        for find in (self.deck.proposal, self.deck.event):
            try:
                return str(find(ref).title)
            except KeyError:
                continue
        return ref

    def _has_factor(self, item: Any) -> bool:
        """An adopted uncertain card that the table rolled for: its row shows the factor chip.
        A card whose first gain falls after the years the table played is never rolled (it
        offered "×?" all the same, and a factor typed there was saved without a word)."""
        start = self.adopted.get(item.id)
        if start is None or not item.is_uncertain:
            return False
        played = self.scenario.rounds if self.played is None else self.played
        where = anchor(item, self.scenario)
        return any(face(item, start, year, where) > 0 for year in range(start, played))

    # --- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """The title, the name field, both lists with their chips, problems and buttons."""
        app = self.app
        text = app.text
        layout = self.layout()
        scale = Scale(surface.get_height())
        surface.fill(theme.BACKGROUND)
        heading = f"{app.t('paper.title')}: {self.scenario.title}"
        text.draw(surface, heading, layout.title, TITLE.lines(1).shrink())
        # the targets the table played for (the start screen's X), as the result sheet says
        intro = f"{targets_text(app, self.scenario, self.target)} · {app.t('paper.intro')}"
        text.draw(surface, intro, layout.intro, TINY.ink(theme.MUTED).lines(1).shrink())
        text.draw(surface, app.t("paper.table"), layout.name_label, BODY.bold().lines(1).shrink())
        self.name_field.set_rect(layout.name)
        self.name_field.font = app.fonts.get("regular", scale.min_text)
        self.name_field.draw(surface)
        self._stop(surface, layout)
        label = BODY.bold().lines(1).shrink()
        for key, rows, items in self._lists(layout):
            first = self.offsets[key]
            heading = app.t("paper.adopted" if key == "cards" else "paper.events")
            if len(items) > len(rows):
                last = min(len(items), first + len(rows))
                heading = app.t(
                    "paper.range", label=heading, first=first + 1, last=last, total=len(items)
                )
            box = layout.cards_label if key == "cards" else layout.events_label
            text.draw(surface, heading, box, label)
            chosen = self.adopted if key == "cards" else self.drawn
            first = self.offsets[key]
            for number, (row, item) in enumerate(zip(rows, items[first:]), start=first):
                self._row(surface, row, item, chosen.get(item.id), key == "cards", layout)
                if self.cursor == (key, number):  # the keyboard's row
                    ring = max(2, scale.gap // 3)
                    pygame.draw.rect(surface, theme.INK, row, ring, border_radius=scale.radius // 2)
        if self.problems:
            lines = "\n".join(self.problems)
            text.draw(surface, lines, layout.status, TINY.ink(theme.WARNING).lines(4).shrink())
        else:
            years = ", ".join(
                app.t("paper.round", n=i + 1, year=year)
                for i, year in enumerate(self.scenario.years)
            )
            text.draw(surface, years, layout.status, TINY.ink(theme.MUTED).lines(2).shrink())
        button(surface, text, layout.back, app.t("paper.back"), scale.min_text, radius=scale.radius)
        button(surface, text, layout.help, app.t("paper.help"), scale.min_text, radius=scale.radius)
        button(
            surface,
            text,
            layout.save,
            app.t("paper.save"),
            scale.body,
            radius=scale.radius,
            primary=True,
        )

    def _stop(self, surface: pygame.Surface, layout: PaperLayout) -> None:
        """ "Nåede til og med" and one chip per round: the rounds the table played are filled,
        the chip of its last round marked."""
        app = self.app
        style = TINY.bold().lines(1).shrink().middle().right()
        app.text.draw(surface, app.t("paper.stop"), layout.stop_label, style)
        last = self.scenario.rounds if self.played is None else self.played
        for index, chip in enumerate(stop_chips(layout.stop, self.scenario.rounds)):
            played = index < last
            fill = theme.ACCENT if index == last - 1 else theme.CURRENT if played else theme.PANEL
            pygame.draw.rect(surface, fill, chip, border_radius=chip.height // 3)
            pygame.draw.rect(surface, theme.LINE, chip, 1, border_radius=chip.height // 3)
            ink = theme.HEADER_INK if index == last - 1 else theme.INK if played else theme.MUTED
            style = TINY.bold().center().middle().ink(ink)
            app.text.draw(surface, str(index + 1), chip, style.lines(1).shrink())

    def _row(
        self,
        surface: pygame.Surface,
        row: Rect,
        item: Any,
        chosen: int | None,
        is_card: bool,
        layout: PaperLayout,
    ) -> None:
        app = self.app
        side = layout.chip
        fill = theme.CARD if chosen is None else theme.CURRENT
        pygame.draw.rect(surface, fill, row, border_radius=Scale(app.size[1]).radius // 2)
        marks = chips(row, self.scenario.rounds, side)
        icon = Rect(row.x + 4, row.y + (row.height - side) // 2 + 1, side - 2, side - 2)
        if is_card:
            kind_icon(surface, item.kind, icon, theme.kind_color(item.kind))
        if is_card and self._has_factor(item):
            chip = factor_chip(row, self.scenario.rounds, side)
            factor = self.factors.get(item.id)
            set_ = factor is not None
            pygame.draw.rect(
                surface, theme.ACCENT if set_ else theme.PANEL, chip, border_radius=chip.height // 3
            )
            pygame.draw.rect(surface, theme.LINE, chip, 1, border_radius=chip.height // 3)
            shown = f"×{format_amount(factor, app.lang)}" if factor is not None else "×?"
            style = TINY.bold().center().middle().ink(theme.HEADER_INK if set_ else theme.MUTED)
            app.text.draw(surface, shown, chip, style.lines(1).shrink())
        # an event has no kind's icon: its words take the icon's place ("Lovændring koster
        # mere end kompensatio…" at 1600×900)
        label = self._label(row, item, is_card, side)
        # the id first: the result sheet has the ids; on two lines, wrapped at a word, or the
        # id above the title where only that keeps both whole ("effektiviseringsbidrag ·
        # Effektiviseringsbidrag i administrationen")
        lines = 2 if layout.two_lines[0 if is_card else 1] else 1
        style = TINY.ink(theme.INK).lines(lines).shrink().middle()
        words = f"{item.id}  ·  {item.title}"
        if lines == 2:
            scale = Scale(app.size[1])
            split = f"{item.id}\n{item.title}"
            whole = not app.text.fitted(words, label, style, scale).truncated
            if not whole and not app.text.fitted(split, label, style, scale).truncated:
                words = split
        app.text.draw(surface, words, label, style)
        for round_index, chip in enumerate(marks):
            on = chosen == round_index
            pygame.draw.rect(
                surface, theme.ACCENT if on else theme.PANEL, chip, border_radius=chip.height // 3
            )
            pygame.draw.rect(surface, theme.LINE, chip, 1, border_radius=chip.height // 3)
            style = TINY.bold().center().middle().ink(theme.HEADER_INK if on else theme.MUTED)
            app.text.draw(surface, str(round_index + 1), chip, style.lines(1).shrink())


def _same_file(path: Path, other: Path | None) -> bool:
    """True when ``other`` is ``path`` (the same file, however the two paths are written)."""
    if other is None:
        return False
    try:
        return path.samefile(other)
    except OSError:
        return path.resolve() == other.resolve()
