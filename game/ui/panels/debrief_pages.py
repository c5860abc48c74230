"""The debrief's first three pages: Resultat (the verdict with its reasons, the råderum per
year, service and fatigue), Vedtagne forslag (every adoption with its year, realised amounts
and the group's note) and Til diskussion (the adopted cards' questions). The two lists scroll:
the scene keeps the first row shown, the panel says how far it can go (``max_scroll``)."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.engine import Adoption, GameState, Proposal, anchor, event_amount, realised
from game.messages import catalogue
from game.numbers import (
    column_places,
    format_amount,
    pair_decimals,
    quoted,
    round_half_away,
)
from game.session import fatigue_years
from game.ui import charts, theme
from game.ui.draw import kind_icon, panel
from game.ui.layout_grid import split_columns, split_rows
from game.ui.linechart import draw_fatigue_chart, draw_line_chart
from game.ui.pages import line_height
from game.ui.panels import Panel
from game.ui.panels.debrief import DebriefLayout, DebriefTable
from game.ui.retained import Same
from game.ui.scene import Host
from game.ui.theme import BODY, FONT_BOLD, HEADING, TINY


@dataclass(frozen=True)
class ResultView:
    """What the result page shows."""

    state: Same
    won: bool
    reasons: tuple[str, ...]


class ResultPage(Panel[DebriefTable, DebriefLayout]):
    """Resultat: the verdict and its reasons, the year chart, service and fatigue."""

    name = "result"
    View = ResultView

    def rect(self, layout: DebriefLayout) -> pygame.Rect:
        return layout.body

    def view(self, table: DebriefTable) -> ResultView:
        reasons = tuple(self.app.catalogue.verdict_reasons(table.verdict))
        # a group that won after the target was lowered must not look as if it met the first
        history = self.app.game.history
        state = table.state.item
        first = history.initial.targets[-1] if history is not None else state.targets[-1]
        if first != state.targets[-1]:
            reasons += (
                self.app.t(
                    "debrief.target_changed",
                    year=state.scenario.years[-1],
                    before=self.app.amount(first, unit=False, exact=True),
                    after=self.app.amount(state.targets[-1], unit=False, exact=True),
                ),
            )
        if table.verdict.service_below_floor:
            reasons += (self.service_by_kind(state),)
        return ResultView(table.state, bool(table.verdict.won), reasons)

    def service_by_kind(self, state: GameState) -> str:
        """Where a service level under the floor came from (``Catalogue.service_by_kind``),
        said where the debrief had only named the condition that failed."""
        return catalogue(self.app.lang).service_by_kind(state)

    def paint(self, surface: pygame.Surface, layout: DebriefLayout, view: ResultView) -> None:
        app = self.app
        sc = app.scale
        g = sc.gap
        state: GameState = view.state.item
        left, right = split_columns(layout.body, [0.62, 0.38], 2 * g)
        # the reasons take the room they need at the smallest heading size, from a quarter of
        # the column up to two fifths (a loss on three counts, with where the service went,
        # was cut: "… under gulvet på −6. Bespar…")
        text_w = left.width - 4 * g - sc.title - g
        fitted = app.text.fit(
            "\n".join(view.reasons), text_w, 10_000, sc.min_text, sc.min_text, FONT_BOLD
        )
        share = min(0.42, max(0.24, (fitted.height + 3 * g) / max(1, left.height)))
        reasons_rect, chart_panel = split_rows(left, [share, 1 - share], g)
        panel(surface, reasons_rect, sc.radius)
        inner = reasons_rect.inflate(-2 * g, -2 * g)
        badge = pygame.Rect(inner.x, inner.centery - sc.title // 2, sc.title, sc.title)
        if view.won:
            charts.draw_check(surface, badge.center, badge.height, theme.MET)
        else:
            charts.draw_cross(surface, badge.center, badge.height, theme.GAP)
        box = pygame.Rect(badge.right + g, inner.y, inner.right - badge.right - g, inner.height)
        ink = theme.INK if view.won else theme.WARNING
        app.text.draw(surface, "\n".join(view.reasons), box, HEADING.ink(ink).middle().shrink())
        panel(surface, chart_panel, sc.radius)
        chart_inner = chart_panel.inflate(-2 * g, -2 * g)
        title_h = round(sc.heading * 1.3)
        title = pygame.Rect(chart_inner.x, chart_inner.y, chart_inner.width, title_h)
        app.text.draw(
            surface, app.t("debrief.chart", unit=app.unit), title, HEADING.lines(1).shrink()
        )
        results = state.results
        chart = pygame.Rect(
            chart_inner.x, title.bottom, chart_inner.width, chart_inner.height - title_h
        )
        charts.draw_year_chart(
            surface,
            chart,
            state.scenario.years,
            state.targets,
            [r.raaderum for r in results],
            met=[r.met for r in results],
            closed=len(results),
            fonts=app.fonts,
            lang=app.lang,
            scale=sc,
        )
        service_rect, fatigue_rect = split_rows(right, [1.0, 1.0], g)
        years = [r.year for r in results]
        floor = state.scenario.service_floor
        panel(surface, service_rect, sc.radius)
        draw_line_chart(
            surface,
            service_rect.inflate(-2 * g, -2 * g),
            years,
            [float(r.service) for r in results],
            title=app.t("board.service"),
            fonts=app.fonts,
            color=theme.PURPLE,
            signed=True,
            floor=float(floor) if floor is not None else None,
            floor_label=(
                app.t("board.service_floor", floor=format_amount(floor, app.lang, 0, sign=True))
                if floor is not None
                else ""
            ),
            lang=app.lang,
            scale=sc,
            minimum=0.0,
        )
        panel(surface, fatigue_rect, sc.radius)
        fatigue = fatigue_years(state)
        ends = [f.shown_end for f in fatigue]
        note = app.t("debrief.fatigue_note")
        # what the events added is in the column but not told by it: a year seemed to grow
        # by more than its adoptions ("2029 ends at 10 after the turn, 2030 ends at 18 after
        # one adoption of 2")
        by_events = [f"{f.year} ({f.events:+d})" for f in fatigue if f.events]
        if by_events:
            joined = catalogue(app.lang).join(by_events)
            note = f"{note} {app.t('debrief.fatigue_events', years=joined)}"
        draw_fatigue_chart(
            surface,
            fatigue_rect.inflate(-2 * g, -2 * g),
            years,
            [f.peak for f in fatigue],
            ends,
            title=app.t("debrief.fatigue"),
            note=note,
            fonts=app.fonts,
            scale=sc,
        )


def first_visible(heights: list[int], room: int, scroll: int) -> tuple[int, int]:
    """The first row to draw of rows ``heights`` high in ``room`` pixels given ``scroll``, and
    the largest useful scroll (the last rows fill the room)."""
    total = 0
    last_start = len(heights)
    for index in range(len(heights) - 1, -1, -1):
        total += heights[index]
        if total > room:
            break
        last_start = index
    limit = min(len(heights) - 1, last_start) if heights else 0
    return max(0, min(scroll, limit)), limit


def rows_in_sight(app: Host, heights: list[int], room: int, scroll: int) -> tuple[int, int, int]:
    """``first_visible`` when the rows fit; when they do not, the same for the room left above
    the "rul ned" badge (which has a line of its own, under the last row). Returns the first
    row, the largest useful scroll and the room the rows have."""
    first, limit = first_visible(heights, room, scroll)
    if limit > 0:
        room -= line_height(app, app.scale.min_text, FONT_BOLD)
        first, limit = first_visible(heights, room, scroll)
    return first, limit, room


def scroll_hint(app: Host, surface: pygame.Surface, inner: pygame.Rect, first: int) -> None:
    """The "▼ more below (from row N)" badge in the bottom right corner of a list."""
    sc = app.scale
    key = "debrief.scroll" if first == 0 else "debrief.scroll_from"
    text = app.t(key, shown=first + 1)
    font = app.fonts.get(FONT_BOLD, sc.min_text)
    height = line_height(app, sc.min_text, FONT_BOLD)
    box = pygame.Rect(0, 0, font.size(text)[0] + height + 3 * sc.gap, height)
    box.bottomright = inner.bottomright
    pygame.draw.rect(surface, theme.HEADER, box, border_radius=sc.radius)
    r = height // 4
    cx, cy = box.x + sc.gap + r, box.centery
    arrow = [(cx - r, cy - r // 2), (cx + r, cy - r // 2), (cx, cy + r)]
    pygame.draw.polygon(surface, theme.HEADER_INK, arrow)
    label = pygame.Rect(cx + r + sc.gap // 2, box.y, box.right - cx - r - sc.gap, height)
    style = TINY.bold().ink(theme.HEADER_INK).center().middle().lines(1)
    app.text.draw(surface, text, label, style)


@dataclass(frozen=True)
class ListView:
    """What a scrolling page shows: the game and the first row shown."""

    state: Same
    scroll: int


class ListPage(Panel[DebriefTable, DebriefLayout]):
    """A page with a list that scrolls (``max_scroll`` rows at most)."""

    View = ListView

    def rect(self, layout: DebriefLayout) -> pygame.Rect:
        return layout.body

    def view(self, table: DebriefTable) -> ListView:
        return ListView(table.state, table.scroll)

    def max_scroll(self, layout: DebriefLayout, state: GameState) -> int:
        """The largest useful scroll of the list."""
        heights, room = self.heights(layout, state)
        return rows_in_sight(self.app, heights, room, 0)[1]

    def heights(self, layout: DebriefLayout, state: GameState) -> tuple[list[int], int]:
        """The rows' heights and the room for them."""
        raise NotImplementedError


@dataclass(frozen=True)
class _Columns:
    size: int
    line_h: int
    year_w: int
    numbers_w: int
    title_w: int
    inner: pygame.Rect
    top: int


@dataclass(frozen=True)
class ShownAmounts:
    """The amounts of "Vedtagne forslag" as the page writes them (in the deck's unit): each
    rounded for itself, as the year screen and the report round it, and the total the
    råderum the result names. A column may then miss its total by a rounding difference, as
    in any budget table; ``differs`` says so, and the page says it under the table (moving
    amounts so that columns added up showed an actual 1,26 as 1,2, where the year screen
    said 1,26 and the report 1,3)."""

    adopted: tuple[tuple[float | None, ...], ...]
    """Per adoption (in order of adoption), per year: None before the year it was adopted."""
    events: tuple[float, ...]
    """The drawn events' amounts per year."""
    totals: tuple[float | None, ...]
    """The råderum per year: None for a year not played."""
    places: tuple[int, ...]
    """The decimals of each year's column (``column_places``)."""
    total_places: tuple[int, ...]
    """The decimals of each year's total: the column's, or as many as it takes for a missed
    year not to read as its target (2,999 against 3 was "Råderum i alt 3" under a ✗)."""
    differs: bool
    """Whether a played year's rounded amounts add up to other than its rounded total."""


def shown_amounts(state: GameState) -> ShownAmounts:
    """The page's amounts, each rounded for itself (``ShownAmounts``)."""
    years = range(state.scenario.rounds)
    adopted: list[list[float | None]] = [[None for _ in years] for _ in state.adopted]
    events, totals, places, total_places = [], [], [], []
    differs = False
    for i in years:
        rows = [k for k, a in enumerate(state.adopted) if a.round <= i]
        values = [sum(event_amount(state, e, i) for e in state.events)]
        for k in rows:
            adoption = state.adopted[k]
            proposal = state.deck.proposal(adoption.card)
            values.append(realised(proposal, adoption, i, anchor(proposal, state.scenario)))
        column = [*values, sum(values)]
        places.append(column_places(column))
        shown = [round_half_away(v, places[-1]) for v in values]
        events.append(shown[0])
        for k, amount in zip(rows, shown[1:]):
            adopted[k][i] = amount
        played = i < len(state.results)
        total_places.append(places[-1])
        if played and not state.results[i].met:
            missed = pair_decimals(sum(values), state.targets[i], met=False)
            total_places[-1] = max(places[-1], missed)
        total = round_half_away(sum(values), total_places[-1])
        totals.append(total if played else None)
        differs = differs or (played and abs(sum(shown) - total) > 10 ** -(places[-1] + 2))
    return ShownAmounts(
        tuple(map(tuple, adopted)),
        tuple(events),
        tuple(totals),
        tuple(places),
        tuple(total_places),
        differs,
    )


def sum_rows(state: GameState, amounts: ShownAmounts) -> tuple[str, ...]:
    """The rows under the adopted proposals: the events' amounts (when any event was drawn:
    "Hændelser 0 0 0 0" said nothing), the råderum per year, and, when a column of
    ``amounts`` does not add up to it by rounding, a line that says so ("rounding")."""
    years = range(state.scenario.rounds)
    drawn = any(event_amount(state, e, i) for e in state.events for i in years)
    rows = ("events", "total") if drawn else ("total",)
    return (*rows, "rounding") if amounts.differs else rows


class ProposalsPage(ListPage):
    """Vedtagne forslag: each adoption with its year, amounts per year and the note."""

    name = "proposals"

    def _columns(self, layout: DebriefLayout, state: GameState) -> _Columns:
        app = self.app
        sc = app.scale
        g = sc.gap
        inner = layout.body.inflate(-2 * g, -2 * g)
        years = state.scenario.years
        lines_needed = 1 + sum(2 if a.note.strip() else 1 for a in state.adopted)
        size = sc.min_text
        for candidate in (sc.body, round((sc.body + sc.min_text) / 2)):
            room = line_height(app, candidate, FONT_BOLD) * lines_needed + g * len(state.adopted)
            if room <= inner.height and candidate * len(years) * 4 < inner.width // 2:
                size = candidate
                break
        bold = app.fonts.get(FONT_BOLD, size)
        line_h = line_height(app, size, FONT_BOLD)
        year_w = max(bold.size("−88,8")[0], bold.size(years[-1])[0]) + g
        numbers_w = year_w * len(years)
        top = inner.y + line_h + g // 2
        return _Columns(size, line_h, year_w, numbers_w, inner.width - numbers_w - g, inner, top)

    def heights(self, layout: DebriefLayout, state: GameState) -> tuple[list[int], int]:
        """One row per adoption (with its note), then the events' row and the total's."""
        c = self._columns(layout, state)
        g = self.app.scale.gap
        heights = [c.line_h * (1 + self._note_lines(c, a.note)) + g for a in state.adopted]
        if state.adopted:
            heights += [c.line_h + g] * len(sum_rows(state, shown_amounts(state)))
        return heights, c.inner.bottom - c.top

    def _note_lines(self, c: _Columns, note: str) -> int:
        """How many lines the group's note takes under its card, wrapped in full (0: none)."""
        note = note.strip()
        if not note:
            return 0
        width = c.inner.width - c.size - self.app.scale.gap
        shown = quoted(note, self.app.lang)
        return len(self.app.text.fit(shown, width, 100_000, c.size, c.size).lines)

    def paint(self, surface: pygame.Surface, layout: DebriefLayout, view: ListView) -> None:
        app = self.app
        g = app.scale.gap
        state: GameState = view.state.item
        panel(surface, layout.body, app.scale.radius)
        c = self._columns(layout, state)
        inner, size, line_h = c.inner, c.size, c.line_h
        years = state.scenario.years
        head_style = BODY.sized(size).bold().ink(theme.MUTED).lines(1)
        head = pygame.Rect(inner.x, inner.y, c.title_w, line_h)
        app.text.draw(surface, app.t("debrief.proposals_head", unit=app.unit), head, head_style)
        for i, year in enumerate(years):
            cell = pygame.Rect(
                inner.right - c.numbers_w + i * c.year_w, inner.y, c.year_w - g, line_h
            )
            app.text.draw(surface, year, cell, head_style.right())
        top = c.top
        pygame.draw.line(surface, theme.LINE, (inner.x, top - g // 4), (inner.right, top - g // 4))
        if not state.adopted:
            none = pygame.Rect(inner.x, top, inner.width, line_h * 2)
            app.text.draw(surface, app.t("board.adopted_none"), none, BODY.ink(theme.MUTED))
            return
        heights, room = self.heights(layout, state)
        first, limit, room = rows_in_sight(app, heights, room, view.scroll)
        y = top
        amounts = shown_amounts(state)
        sums = sum_rows(state, amounts)
        rows: list[int | str] = [*range(len(state.adopted)), *sums]
        for row, height in list(zip(rows, heights))[first:]:
            if y + height > top + room:
                break
            if isinstance(row, str):
                self._sum_row(surface, c, row, amounts, y, years)
            else:
                adoption = state.adopted[row]
                proposal = state.deck.proposal(adoption.card)
                self._row(surface, c, proposal, adoption, y, years, amounts, row)
            y += height
            # a rule over the total
            over_total = "events" in sums and row == sums[sums.index("total") - 1]
            line = theme.LINE if over_total else theme.FAINT
            pygame.draw.line(surface, line, (inner.x, y - g // 2), (inner.right, y - g // 2))
        if first < limit:  # more below (at the end of the list, nothing is said)
            scroll_hint(app, surface, inner, first)

    def _sum_row(
        self,
        surface: pygame.Surface,
        c: _Columns,
        row: str,
        amounts: ShownAmounts,
        y: int,
        years: tuple[str, ...],
    ) -> None:
        """The events' amounts per year ("events"), the year's råderum ("total"), or that the
        amounts are rounded for themselves ("rounding"): the column over the total adds up to
        it but for rounding (the page's 2030 added up to 57,4, the result said 50,4,
        and the −7 of the events was on no page)."""
        app = self.app
        g = app.scale.gap
        inner, size, line_h = c.inner, c.size, c.line_h
        if row == "rounding":
            box = pygame.Rect(inner.x + size + g, y, inner.width - size - g, line_h)
            style = BODY.sized(size).ink(theme.MUTED).lines(1).shrink()
            app.text.draw(surface, app.t("debrief.sum_row.rounding"), box, style)
            return
        total = row == "total"
        label = pygame.Rect(inner.x + size + g, y, c.title_w - size - g, line_h)
        style = BODY.sized(size).bold(total).lines(1)
        app.text.draw(surface, app.t(f"debrief.sum_row.{row}"), label, style)
        for i in range(len(years)):
            amount = amounts.totals[i] if total else amounts.events[i]
            if amount is None:
                continue
            ink = theme.GAP if amount < 0 else theme.INK
            cell = pygame.Rect(inner.right - c.numbers_w + i * c.year_w, y, c.year_w - g, line_h)
            places = amounts.total_places[i] if total else amounts.places[i]
            text = format_amount(amount, app.lang, places)
            app.text.draw(
                surface, text, cell, BODY.sized(size).bold(total).ink(ink).right().lines(1)
            )

    def _row(
        self,
        surface: pygame.Surface,
        c: _Columns,
        proposal: Proposal,
        adoption: Adoption,
        y: int,
        years: tuple[str, ...],
        amounts: ShownAmounts,
        index: int,
    ) -> None:
        """One adoption: its title, year and the group's note, and its amounts as
        ``amounts`` writes them (row ``index``)."""
        app = self.app
        g = app.scale.gap
        inner, size, line_h = c.inner, c.size, c.line_h
        icon = pygame.Rect(inner.x, y + (line_h - size) // 2, size, size)
        kind_icon(surface, proposal.kind, icon, theme.kind_color(proposal.kind))
        head = f"{proposal.title} · {app.t('debrief.adopted_in', year=years[adoption.round])}"
        if adoption.revealed and adoption.factor <= 0:
            head += f" · {app.t('year.failed')}"
        title = pygame.Rect(icon.right + g, y, c.title_w - size - g, line_h)
        app.text.draw(surface, head, title, BODY.sized(size).bold().lines(1))
        note = adoption.note.strip()
        if note:  # in full: the group's reasons are what the debrief is for
            rows = self._note_lines(c, note)
            below = pygame.Rect(icon.right + g, y + line_h, inner.width - size - g, line_h * rows)
            # in the window's quotation marks (»…« in an English window too, before)
            app.text.draw(surface, quoted(note, app.lang), below, BODY.sized(size).ink(theme.MUTED))
        for i, amount in enumerate(amounts.adopted[index]):
            if amount is None:
                continue
            ink = theme.GAP if amount < 0 else theme.INK
            cell = pygame.Rect(inner.right - c.numbers_w + i * c.year_w, y, c.year_w - g, line_h)
            style = BODY.sized(size).ink(ink).right().lines(1)
            text = format_amount(amount, app.lang, amounts.places[i])
            app.text.draw(surface, text, cell, style)


class QuestionsPage(ListPage):
    """Til diskussion: the discussion question of every adopted card that has one."""

    name = "questions"

    def _items(self, state: GameState) -> list[Proposal]:
        proposals = [state.deck.proposal(a.card) for a in state.adopted]
        return [p for p in proposals if p.question.strip()]

    def _inner(self, layout: DebriefLayout) -> pygame.Rect:
        g = self.app.scale.gap
        return layout.body.inflate(-3 * g, -2 * g)

    def heights(self, layout: DebriefLayout, state: GameState) -> tuple[list[int], int]:
        app = self.app
        sc = app.scale
        g = sc.gap
        inner = self._inner(layout)
        title_h = line_height(app, sc.min_text, FONT_BOLD)
        heights = []
        for proposal in self._items(state):
            width = inner.width - sc.body - g
            fitted = app.text.fit(proposal.question.strip(), width, 10_000, sc.body, sc.body)
            heights.append(fitted.height + title_h + 2 * g)
        return heights, inner.height

    def paint(self, surface: pygame.Surface, layout: DebriefLayout, view: ListView) -> None:
        app = self.app
        sc = app.scale
        g = sc.gap
        state: GameState = view.state.item
        panel(surface, layout.body, sc.radius)
        inner = self._inner(layout)
        items = self._items(state)
        if not items:
            app.text.draw(surface, app.t("debrief.no_questions"), inner, BODY.ink(theme.MUTED))
            return
        heights, room = self.heights(layout, state)
        first, limit, room = rows_in_sight(app, heights, room, view.scroll)
        title_h = line_height(app, sc.min_text, FONT_BOLD)
        y = inner.y
        bottom = inner.bottom - (inner.height - room if limit > 0 else 0)
        for proposal, height in list(zip(items, heights))[first:]:
            if y + height > bottom and y > inner.y:
                break
            icon = pygame.Rect(inner.x, y + g // 2, sc.min_text, sc.min_text)
            kind_icon(surface, proposal.kind, icon, theme.kind_color(proposal.kind))
            width = inner.width - icon.width - g
            title = pygame.Rect(icon.right + g, y, width, title_h)
            app.text.draw(surface, proposal.title, title, TINY.bold().ink(theme.MUTED).lines(1))
            text_h = min(height - title_h, bottom - y - title_h)
            question = pygame.Rect(icon.right + g, y + title_h, width, text_h)
            app.text.draw(surface, proposal.question.strip(), question, BODY.shrink())
            y += height
        if first < limit:  # more below (at the end of the list, nothing is said)
            scroll_hint(app, surface, inner, first)
