"""The debrief's "Hvad nu hvis?" page: what the same choices would have given at face value
and in the 10 % worst case, and the best plan the cards seen would have allowed
(``game.engine.whatif``; computed in the background, so the page can be waiting)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.engine import GameState
from game.messages import catalogue
from game.numbers import format_against, format_amount, format_target
from game.ui import charts, theme
from game.ui.compare_view import year_short
from game.ui.draw import kind_icon, panel
from game.ui.layout_grid import split_rows
from game.ui.pages import line_height
from game.ui.panels import Panel
from game.ui.panels.debrief import DebriefLayout, DebriefTable
from game.ui.retained import Same
from game.ui.theme import BODY, FONT_BOLD, FONT_REGULAR, HEADING

if TYPE_CHECKING:
    from game.engine.whatif import WhatIf  # computed in the background: imported when used

ROWS = ("target", "actual", "expected", "worst10", "best")


@dataclass(frozen=True)
class WhatIfView:
    """What the what-if page shows."""

    state: Same
    whatif: WhatIf | None
    """None while it is computed (or when it failed)."""
    error: str
    """Why it failed ("" otherwise)."""


class WhatIfPage(Panel[DebriefTable, DebriefLayout]):
    """Hvad nu hvis?: the table of alternatives and the best plan."""

    name = "whatif"
    View = WhatIfView

    def rect(self, layout: DebriefLayout) -> pygame.Rect:
        return layout.body

    def view(self, table: DebriefTable) -> WhatIfView:
        return WhatIfView(table.state, table.whatif, table.whatif_error)

    def paint(self, surface: pygame.Surface, layout: DebriefLayout, view: WhatIfView) -> None:
        app = self.app
        g = app.scale.gap
        panel(surface, layout.body, app.scale.radius)
        inner = layout.body.inflate(-3 * g, -2 * g)
        data = view.whatif
        if data is None:
            key = "debrief.whatif_failed" if view.error else "debrief.whatif_wait"
            style = HEADING.bold(False).ink(theme.MUTED).center().middle().shrink()
            app.text.draw(surface, app.t(key, reason=view.error), inner, style)
            return
        table_rect, plan_rect = self._split(inner, data, view.state.item)
        self._table(surface, table_rect, data, view.state.item.open_table)
        self._best_plan(surface, plan_rect, data, view.state.item)

    def _split(
        self, inner: pygame.Rect, data: WhatIf, state: GameState
    ) -> tuple[pygame.Rect, pygame.Rect]:
        """The table's rectangle and the best plan's: 58 % and 42 % of the page, or, when
        the plan's titles would be cut in that room, the plan as tall as the most columns
        that hold every title whole need, as long as the table keeps rows of 1¼ lines (at
        1024×768 three columns cut "Én fast borgerkonsulent på…" under a roomy table). A plan
        too long for that shows the cards the group did not adopt whole and sums up its own
        (`lang-horisont`'s 24 cards cut "Genoptræning på hold og…")."""
        app = self.app
        sc = app.scale
        g = sc.gap
        table_rect, plan_rect = split_rows(inner, [0.58, 0.42], 2 * g)
        entries = len(data.best_plan)
        if not entries:
            return table_rect, plan_rect
        line_h = line_height(app, sc.min_text, FONT_BOLD)
        table_least = round((len(ROWS) + 1) * 1.25 * line_height(app, sc.body, FONT_BOLD))
        adopted = set(state.adopted_ids())
        new = [pid for pid, _ in data.best_plan if pid not in adopted]
        own = entries - len(new)
        every = [pid for pid, _ in data.best_plan]
        legend = self._legend_lines(inner.width, self._legend(data, state))
        for count, pids in ((entries, every), (len(new) + (1 if own else 0), new)):
            fits = [
                c
                for c in range(1, self._most_columns(inner.width) + 1)
                if self._titles_fit(inner.width, c, pids, state)
            ]
            if not fits or not count:
                continue
            rows = -(-count // fits[-1])
            wanted = line_height(app, sc.body, FONT_BOLD) + (rows + legend) * line_h + g
            if wanted <= plan_rect.height:
                return table_rect, plan_rect
            if inner.height - wanted - 2 * g >= table_least:
                table = pygame.Rect(inner.x, inner.y, inner.width, inner.height - wanted - 2 * g)
                return table, pygame.Rect(inner.x, table.bottom + 2 * g, inner.width, wanted)
        return table_rect, plan_rect

    def _most_columns(self, width: int) -> int:
        """The most columns the best plan is set in: three on a wide page, else two."""
        return 3 if width > self.app.scale.body * 45 else 2

    def _titles_fit(self, width: int, columns: int, pids: list[str], state: GameState) -> bool:
        """Whether the titles of ``pids`` are whole in ``columns`` columns of a plan ``width``
        pixels wide, each after a short year ("’27") and a kind icon."""
        if not pids:
            return True
        sc = self.app.scale
        g = sc.gap
        bold = self.app.fonts.get(FONT_BOLD, sc.min_text)
        widest = max(bold.size(state.deck.proposal(p).title)[0] for p in pids)
        year_w = bold.size(year_short(state.scenario.years[-1]))[0] + g
        column_w = (width - g * (columns - 1)) / columns
        return column_w - year_w - sc.min_text - 2 * g >= widest

    def _table(
        self, surface: pygame.Surface, rect: pygame.Rect, data: WhatIf, open_table: bool
    ) -> None:
        """The what-if rows by year; ``open_table`` (a paper table): the best plan's row says
        that it may use every proposal."""
        app = self.app
        sc = app.scale
        g = sc.gap
        row_h = rect.height / (len(ROWS) + 1)
        labels = [self._label(name, open_table) for name in ROWS]
        size, badge, space, label_w = self._table_sizes(rect, data, labels, row_h)
        font = app.fonts.get(FONT_BOLD, size)
        col_w = (rect.width - label_w) / max(1, len(data.years))

        def cell(i: int, y: int) -> pygame.Rect:
            return pygame.Rect(round(rect.x + label_w + i * col_w), y, round(col_w), round(row_h))

        head = BODY.sized(size).bold().ink(theme.MUTED).center().middle().lines(1)
        for i, year in enumerate(data.years):
            app.text.draw(surface, year, cell(i, rect.y), head)
        for r, name in enumerate(ROWS, start=1):
            y = round(rect.y + r * row_h)
            if r % 2 == 0:
                stripe = (rect.x, y, rect.width, round(row_h))
                pygame.draw.rect(surface, theme.BACKGROUND, stripe, border_radius=sc.radius)
            label = pygame.Rect(rect.x + g, y, label_w - 2 * g, round(row_h))
            style = BODY.sized(size).bold(name == "actual").middle().lines(2).shrink()
            app.text.draw(surface, labels[r - 1], label, style)
            for i, value in enumerate(getattr(data, name)):
                box = cell(i, y)
                text = format_amount(value, app.lang)
                if name == "target":  # as the game counts it: 2,91, not 2,9 (the board's)
                    text = format_target(value, app.lang)
                    style = BODY.sized(size).ink(theme.MUTED).center().middle().lines(1)
                    app.text.draw(surface, text, box, style)
                    continue
                met = value >= data.target[i] - 1e-6
                text = format_against(value, data.target[i], app.lang, met=met)
                text_w = font.size(charts.displayable(text, font))[0]
                x0 = box.centerx - (text_w + space + badge) // 2
                ink = theme.INK if met else theme.WARNING
                charts.blit_text(surface, text, font, ink, "midleft", (x0, box.centery))
                center = (x0 + text_w + space + badge // 2, box.centery)
                if met:
                    charts.draw_check(surface, center, badge, theme.MET)
                else:
                    charts.draw_cross(surface, center, badge, theme.GAP)

    def _table_sizes(
        self, rect: pygame.Rect, data: WhatIf, labels: list[str], row_h: float
    ) -> tuple[int, int, int, int]:
        """The table's text size, badge size, space between an amount and its badge, and the
        label column's width (pixels), so that every amount and its badge fit its year's
        column: the labels take a third of the width, or up to half so that a label needs no
        second line (a low table cut "Samme valg, de 10 % dårligste udf…"). When the amounts
        need more room (eight years at 1024×768: "7,997" ran into the next year's cross), the
        labels give it back as far as they stay whole on two lines, the badges move closer,
        and else the text gets smaller, down to the smallest text size."""
        app = self.app
        sc = app.scale
        g = sc.gap
        years = max(1, len(data.years))
        size = max(sc.min_text, min(sc.body, round(row_h * 0.5)))
        largest_badge = max(sc.min_text, round(row_h * 0.45))
        texts = [
            format_against(value, data.target[i], app.lang, met=value >= data.target[i] - 1e-6)
            for name in ROWS[1:]
            for i, value in enumerate(getattr(data, name))
        ]
        while True:
            badge = min(largest_badge, size)
            font = app.fonts.get(FONT_BOLD, size)
            widest_label = max(font.size(label)[0] for label in labels) + 2 * g
            label_w = round(max(rect.width * 0.34, min(rect.width * 0.5, widest_label)))
            widest = max(font.size(charts.displayable(t, font))[0] for t in texts)
            for space in (g, g // 2):
                least_label_w = rect.width - (widest + space + badge + g) * years
                if least_label_w >= label_w:
                    return size, badge, space, label_w
                if least_label_w >= rect.width * 0.25 and self._labels_whole(
                    labels, least_label_w, row_h, size
                ):
                    return size, badge, space, least_label_w
            if size <= sc.min_text:
                return size, badge, space, max(round(rect.width * 0.25), least_label_w)
            size -= 1

    def _labels_whole(self, labels: list[str], label_w: int, row_h: float, size: int) -> bool:
        """Whether every row label is whole (on at most two lines) in a label column
        ``label_w`` pixels wide with rows ``row_h`` tall."""
        app = self.app
        box = pygame.Rect(0, 0, label_w - 2 * app.scale.gap, round(row_h))
        style = BODY.sized(size).bold().middle().lines(2).shrink()
        return not any(app.text.fitted(t, box, style, app.scale).truncated for t in labels)

    def _label(self, name: str, open_table: bool) -> str:
        """A row's label; a paper table has the whole pile open, so its best plan's row says
        that it may use every card."""
        whole = name == "best" and open_table
        return self.app.t("debrief.whatif.best_all" if whole else f"debrief.whatif.{name}")

    def _best_plan(
        self, surface: pygame.Surface, rect: pygame.Rect, data: WhatIf, state: GameState
    ) -> None:
        """The best plan as a grid in reading order: year, kind icon and title per entry;
        cards the group did not adopt are bold and blue (and named so in the legend)."""
        app = self.app
        sc = app.scale
        g = sc.gap
        # a plan that meets every year but ends under the service floor loses by the rules:
        # it read "den når målet i alle år" with a tick in every year
        key = "debrief.best_met" if data.best_met_all else "debrief.best_not_met"
        if data.best_met_all and data.best_won is False:
            key = "debrief.best_met_lost"
        heading = app.t(key)
        if not data.best_exact:
            heading += " " + app.t("debrief.best_found")
        title_h = line_height(app, sc.body, FONT_BOLD)
        title = pygame.Rect(rect.x, rect.y, rect.width, title_h)
        app.text.draw(surface, heading, title, BODY.bold().lines(1).shrink())
        size = sc.min_text
        line_h = line_height(app, size, FONT_BOLD)
        small = BODY.sized(size).lines(1)
        adopted = set(state.adopted_ids())
        words = self._legend(data, state)
        lines = self._legend_lines(rect.width, words)
        legend_y = rect.bottom - lines * line_h
        legend = pygame.Rect(rect.x, legend_y, rect.width, lines * line_h)
        app.text.draw(surface, words, legend, small.lines(lines).ink(theme.MUTED).shrink())
        area = pygame.Rect(rect.x, rect.y + title_h, rect.width, legend_y - rect.y - title_h)
        entries = sorted(data.best_plan, key=lambda item: item[1])
        rows = max(1, area.height // line_h)
        columns, shown = self._plan_columns(area.width, rows, entries, adopted, state)
        if len(entries) > len(shown):
            # too many to show: the cards the group did not adopt are what this page is for,
            # so they went first (still in year order), then as many of the group's own as fit
            entries = [e for e in entries if e[0] not in adopted] + [
                e for e in entries if e[0] in adopted
            ]
        elif entries:
            # only the columns the plan needs, evenly filled: each title gets the width (three
            # narrow columns cut "Styrket…" with a third of the panel empty)
            columns = -(-len(entries) // rows)
            rows = -(-len(entries) // columns)
        col_w = (area.width - g * (columns - 1)) / columns
        bold = app.fonts.get(FONT_BOLD, size)
        labels = list(state.scenario.years)
        year_w = bold.size(labels[-1])[0] + g
        widest = max((bold.size(state.deck.proposal(p).title)[0] for p, _ in shown), default=0)
        if widest > col_w - year_w - size - g:
            # "’27" gives the titles the room "2027" takes (at 1024×768 three columns cut
            # "Én fast borgerkonsulent på tv…", the page the group discusses)
            labels = [year_short(year) for year in labels]
            year_w = bold.size(labels[-1])[0] + g
        for index, (pid, start) in enumerate(shown):
            column, row = divmod(index, rows)
            x = round(area.x + column * (col_w + g))
            y = area.y + row * line_h
            year = pygame.Rect(x, y, year_w, line_h)
            app.text.draw(surface, labels[start], year, small.bold().ink(theme.MUTED))
            proposal = state.deck.proposal(pid)
            icon = pygame.Rect(x + year_w, y + (line_h - size) // 2, size, size)
            kind_icon(surface, proposal.kind, icon, theme.kind_color(proposal.kind))
            new = pid not in adopted
            title_box = pygame.Rect(
                icon.right + g // 2, y, round(x + col_w) - icon.right - g, line_h
            )
            style = small.bold(new).ink(theme.ACCENT if new else theme.INK)
            font = app.fonts.get(FONT_BOLD if new else FONT_REGULAR, size)
            app.text.draw(
                surface, cut_to_width(proposal.title, font, title_box.width), title_box, style
            )
        if len(shown) < len(entries):
            column, row = divmod(len(shown), rows)
            more = pygame.Rect(
                round(area.x + column * (col_w + g)), area.y + row * line_h, round(col_w), line_h
            )
            count = len(entries) - len(shown)
            left_out = entries[len(shown) :]
            key = (
                "debrief.best_more_own" if all(e[0] in adopted for e in left_out) else "board.more"
            )
            app.text.draw(surface, app.t(key, count=count), more, small.ink(theme.MUTED))

    def _legend(self, data: WhatIf, state: GameState) -> str:
        """The words under the best plan: why this plan (when it meets every target), that it
        counts on the expected payoffs, what bold and blue mean – and, when it starts
        investments in the last year, that they are there for the service they add (a council
        took "2029 Styrket hverdagsrehabilitering" at −3 for the ideal budget)."""
        app = self.app
        adopted = set(state.adopted_ids())
        # the bold blue titles are named only when the plan has some (a plan of the group's
        # own cards, differently timed, had a legend for nothing)
        others = any(pid not in adopted for pid, _ in data.best_plan)
        words = app.t("debrief.best_legend") + " "
        words += app.t("debrief.best_legend_new" if others else "debrief.best_legend_own")
        if data.best_met_all and data.best_service is not None:
            # why this plan of the many that meet the target (a facilitator wondered why it
            # adopted two investments in the last year): the one that cuts service least
            why = catalogue(app.lang).best_plan_why(state, data.best_plan, data.best_service)
            words = f"{why} {words}"
        return words

    def _legend_lines(self, width: int, words: str) -> int:
        """The lines the legend takes at the smallest text: two, or three for a longer one."""
        size = self.app.scale.min_text
        fitted = self.app.text.fit(words, width, 100_000, size, size)
        return 3 if fitted.height > 2 * line_height(self.app, size) + 1 else 2

    def _plan_columns(
        self,
        width: int,
        rows: int,
        entries: list[tuple[str, int]],
        adopted: set[str],
        state: GameState,
    ) -> tuple[int, list[tuple[str, int]]]:
        """How many columns of ``rows`` the best plan is set in, and the entries shown (the
        cards the group did not adopt first when not all fit, the last place kept for "+ 4 af
        jeres egne"): the most columns in which every shown title is whole, else in which
        the titles of the cards the group did not adopt are whole and all shown; else the
        most columns, titles cut."""
        most = self._most_columns(width)

        def shown_in(columns: int) -> list[tuple[str, int]]:
            capacity = rows * columns
            if len(entries) <= capacity:
                return entries
            ordered = [e for e in entries if e[0] not in adopted]
            ordered += [e for e in entries if e[0] in adopted]
            return ordered[: capacity - 1]

        new = sum(1 for pid, _ in entries if pid not in adopted)
        for whole in ("all", "new"):
            for columns in range(most, 0, -1):
                shown = shown_in(columns)
                pids = [pid for pid, _ in shown if whole == "all" or pid not in adopted]
                every_new = sum(1 for pid, _ in shown if pid not in adopted) == new
                if every_new and self._titles_fit(width, columns, pids, state):
                    return columns, shown
        return most, shown_in(most)


def cut_to_width(text: str, font: pygame.font.Font, width: int) -> str:
    """``text`` whole when it fits ``width`` pixels, else as many of its letters as fit and
    "…": "Eftersyn af demografim…" tells more than the word-wise "Eftersyn af…" (the best
    plan's titles at 1024×768)."""
    if font.size(text)[0] <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest head that fits with its ellipsis
        middle = (low + high + 1) // 2
        if font.size(text[:middle].rstrip() + "…")[0] <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…" if low else text
