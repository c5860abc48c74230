"""The board's "Vedtaget": the adopted proposals under their budget year, and how many of each
kind. The list never hides its first lines behind a summary: when it holds more than fits, it
scrolls (the mouse wheel, or a click on the "mere" line at either end), and after an adoption
the board scrolls it to the newest card."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.engine import KINDS, GameState, Kind
from game.ui import theme
from game.ui.draw import kind_icon, panel
from game.ui.layout import BoardLayout
from game.ui.panels import Panel
from game.ui.panels.table import BoardTable, empty_line, heading, panel_parts, proposal_line
from game.ui.retained import Same
from game.ui.theme import FONT_BOLD, TINY

Row = tuple[str, str | None]
"""A line of the list: (year label, None) or ("", card id)."""


def adopted_rows(state: GameState) -> list[Row]:
    """The list's lines: each budget year with adoptions, then its cards in order."""
    rows: list[Row] = []
    for round_index, year in enumerate(state.scenario.years):
        cards = [a.card for a in state.adopted if a.round == round_index]
        if cards:
            rows.append((year, None))
            rows.extend(("", card) for card in cards)
    return rows


def scroll_window(total: int, capacity: int, scroll: int) -> tuple[int, int, bool, bool]:
    """Which of ``total`` lines show in ``capacity`` lines scrolled by ``scroll``: (first line,
    how many, a "more above" line, a "more below" line). Every line can be reached, and the
    first line of the list is shown whenever the list is at its top (``scroll`` 0)."""
    if total <= capacity:
        return 0, total, False, False
    if capacity < 4:  # too few lines for both "mere" lines: only the one below
        first = max(0, min(scroll, total - capacity))
        room = min(capacity, total - first)
        below = first + room < total and capacity > 1
        return first, room - (1 if below else 0), False, below
    first = max(0, min(scroll, total - capacity + 1))
    above = first > 0
    room = capacity - (1 if above else 0)
    below = first + room < total
    if below:
        room -= 1
    return first, room, above, below


@dataclass(frozen=True)
class AdoptedView:
    """What the adopted panel shows."""

    state: Same
    """The game state (the adoptions per year, their notes, the kinds the scenario needs)."""
    flash: tuple[tuple[str, float], ...]
    """Newly adopted cards and how much of their highlight is left (1 → 0)."""
    scroll: int
    """The first line shown (the board keeps it; the panel clamps it)."""
    picture: bool = False
    """Drawn as the picture next to a report: a list too long says the report lists the rest
    (a picture cannot be scrolled)."""


def note_mark(surface: pygame.Surface, rect: pygame.Rect) -> None:
    """A small speech bubble: this adoption carries the group's note."""
    body = pygame.Rect(rect.x, rect.y, rect.width, max(2, rect.height * 3 // 4))
    pygame.draw.rect(surface, theme.MUTED, body, border_radius=max(1, rect.height // 4))
    tail = [
        (body.x + body.width // 4, body.bottom - 1),
        (body.x + body.width // 4, rect.bottom),
        (body.x + body.width // 2, body.bottom - 1),
    ]
    pygame.draw.polygon(surface, theme.MUTED, tail)
    for k in (1, 2, 3):
        x = body.x + body.width * k // 4
        pygame.draw.circle(surface, theme.CARD, (x, body.centery), max(1, body.height // 7))


def arrow(surface: pygame.Surface, rect: pygame.Rect, up: bool, color: theme.Color) -> None:
    """A small filled triangle pointing up or down (the font has no arrows)."""
    r = max(3, min(rect.width, rect.height) // 3)
    cx, cy = rect.center
    if up:
        points = [(cx - r, cy + r // 2), (cx + r, cy + r // 2), (cx, cy - r)]
    else:
        points = [(cx - r, cy - r // 2), (cx + r, cy - r // 2), (cx, cy + r)]
    pygame.draw.polygon(surface, color, points)


class AdoptedPanel(Panel[BoardTable, BoardLayout]):
    """ "Vedtaget": the adopted proposals per year and the count of each kind; a click on a
    proposal opens it ("adopted:<id>"), on a "mere" line scrolls ("scroll_adopted:up|down")."""

    name = "adopted"
    View = AdoptedView

    def rect(self, layout: BoardLayout) -> pygame.Rect:
        return layout.adopted

    def view(self, table: BoardTable) -> AdoptedView:
        return AdoptedView(table.same_state, table.flash, table.adopted_scroll, table.picture)

    def clamp(self, state: GameState, scroll: int, layout: BoardLayout) -> int:
        """``scroll`` as the list can show it: the first line shown."""
        return self.window(state, scroll, layout)[0]

    def line_height(self, layout: BoardLayout) -> int:
        """The height of one line of the list."""
        return round(layout.min_text * 1.3)

    def capacity(self, layout: BoardLayout) -> int:
        """How many lines the list shows at once."""
        _, body = panel_parts(layout.adopted, layout)
        return max(1, body.height // self.line_height(layout))

    def window(
        self, state: GameState, scroll: int, layout: BoardLayout
    ) -> tuple[int, int, bool, bool]:
        """``scroll_window`` for this list in ``layout``."""
        return scroll_window(len(adopted_rows(state)), self.capacity(layout), scroll)

    def lines(
        self, layout: BoardLayout, view: AdoptedView
    ) -> list[tuple[pygame.Rect, str, str | None]]:
        """The lines on screen: (rect, what, card) where ``what`` is a year, "up" or "down"
        (the "mere" lines) or "" for a card."""
        state: GameState = view.state.item
        rows = adopted_rows(state)
        first, count, above, below = self.window(state, view.scroll, layout)
        shown: list[tuple[str, str | None]] = []
        if above:
            shown.append(("up", None))
        shown.extend(rows[first : first + count])
        if below:
            shown.append(("down", None))
        _, body = panel_parts(layout.adopted, layout)
        line_h = self.line_height(layout)
        return [
            (pygame.Rect(body.x, body.y + i * line_h, body.width, line_h), what, card)
            for i, (what, card) in enumerate(shown)
        ]

    def hit(self, pos: tuple[int, int], layout: BoardLayout, view: AdoptedView) -> str | None:
        for rect, what, card in self.lines(layout, view):
            if rect.collidepoint(pos):
                if card is not None:
                    return f"adopted:{card}"
                if what in ("up", "down"):
                    return f"scroll_adopted:{what}"
        return None

    def paint(self, surface: pygame.Surface, layout: BoardLayout, view: AdoptedView) -> None:
        app = self.app
        state: GameState = view.state.item
        panel(surface, layout.adopted, layout.radius)
        head, body = panel_parts(layout.adopted, layout)
        counts_w = self._kind_counts(surface, layout, state)
        title = f"{app.t('board.adopted')} ({len(state.adopted)})"
        head.width -= counts_w + layout.gap  # "Vedtaget (10)" ran into the first icon
        fitted = app.text.fit(
            title, head.width, head.height, layout.heading, layout.min_text, FONT_BOLD
        )
        if fitted.truncated:  # "Vedtaget…" in a narrow column: the kinds' counts say it
            title = app.t("board.adopted")
        heading(app, surface, title, head, valign="top")
        if not state.adopted:
            empty_line(app, surface, app.t("board.adopted_none"), body)
            return
        line_h = self.line_height(layout)
        glows = dict(view.flash)
        rows = adopted_rows(state)
        first, count, _, _ = self.window(state, view.scroll, layout)
        for row, what, card in self.lines(layout, view):
            if card is None and what in ("up", "down"):
                out_of_sight = rows[:first] if what == "up" else rows[first + count :]
                hidden = sum(1 for _, hidden_card in out_of_sight if hidden_card is not None)
                self._more(surface, row, what == "up", hidden, rows, first, view.picture)
                continue
            if card is None:
                app.text.draw(surface, what, row, TINY.bold().ink(theme.MUTED).middle().lines(1))
                continue
            proposal = state.deck.proposal(card)
            glow = glows.get(card, 0.0)
            if glow > 0:
                tint = theme.mix(theme.PANEL, theme.KIND_TINTS[proposal.kind], glow)
                pygame.draw.rect(surface, tint, row.inflate(layout.gap, 2), border_radius=4)
            adoption = state.adoption(card)
            note_w = line_h if adoption is not None and adoption.note else 0
            proposal_line(app, surface, layout, row, proposal, note_w)
            if note_w:
                mark = pygame.Rect(row.right - note_w, row.y + 3, note_w - 2, line_h - 6)
                note_mark(surface, mark)

    def _more(
        self,
        surface: pygame.Surface,
        row: pygame.Rect,
        up: bool,
        hidden: int,
        rows: list[Row],
        first: int,
        picture: bool,
    ) -> None:
        """A "mere" line: an arrow, how many proposals are out of sight (year headings are not
        counted), and at the top the year the first card shown belongs to (so a card is never
        shown without its year); in a report's ``picture`` it points to the report's list."""
        app = self.app
        pygame.draw.rect(surface, theme.CURRENT, row, border_radius=4)
        mark = pygame.Rect(row.x, row.y, row.height, row.height)
        arrow(surface, mark, up, theme.ACCENT)
        if picture:  # a picture cannot be scrolled: it points to the report's list
            plain, with_year = "board.more_in_report", "board.more_in_report_below"
        else:
            plain = "board.scroll_up" if up else "board.scroll_down"
            with_year = "board.scroll_up_below"
        # at the top, the year of the first card in sight, said as such (before it, the count
        # read as "5 more in 2028" when the five were 2027's)
        year = ""
        if up:
            year = next((label for label, card in reversed(rows[: first + 1]) if card is None), "")
        box = pygame.Rect(mark.right, row.y, row.width - mark.width, row.height)
        style = TINY.bold().ink(theme.ACCENT).middle().lines(1)
        forms = [app.t(plain, count=hidden)]
        if year:
            # the year in a shorter line where the whole one is cut ("▲ 6 mere ovenfor – rul
            # op · 2028 forts…" at 1024×768): the year is what keeps a card with its year
            forms = [
                app.t(with_year, count=hidden, year=year),
                app.t(f"{with_year}_short", count=hidden, year=year),
            ]
        words = next(
            (w for w in forms if not app.text.fitted(w, box, style, app.scale).truncated),
            forms[-1],
        )
        app.text.draw(surface, words, box, style)

    def kind_slots(self, layout: BoardLayout) -> list[tuple[Kind, pygame.Rect, pygame.Rect]]:
        """Where the heading shows each kind: (kind, icon rect, number rect)."""
        head, _ = panel_parts(layout.adopted, layout)
        icon_s = round(layout.min_text * 1.1)
        slot = icon_s + round(layout.min_text * 1.6)
        x = head.right - slot * len(KINDS)
        y = head.y + (head.height - icon_s) // 2
        slots = []
        for i, kind in enumerate(KINDS):
            left = x + i * slot
            icon = pygame.Rect(left, y, icon_s, icon_s)
            number = pygame.Rect(left + icon_s + 2, head.y, slot - icon_s - 2, head.height)
            slots.append((kind, icon, number))
        return slots

    def _kind_counts(self, surface: pygame.Surface, layout: BoardLayout, state: GameState) -> int:
        """How many of each kind are adopted, right-aligned in the heading: the kind's icon and
        a number; a kind the scenario still needs is greyed with a red 0. Returns the width."""
        slots = self.kind_slots(layout)
        for kind, icon, number in slots:
            count = sum(1 for a in state.adopted if state.deck.proposal(a.card).kind is kind)
            missing = count == 0 and state.scenario.require_all_kinds
            kind_icon(surface, kind, icon, theme.DISABLED if missing else theme.kind_color(kind))
            ink = theme.GAP if missing else theme.INK
            self.app.text.draw(surface, str(count), number, TINY.bold().ink(ink).middle().lines(1))
        return slots[-1][2].right - slots[0][1].x
