"""The debrief's "Hvad nu hvis?" page: what the same choices would have given at face value
and in the 10 % worst case, and the best plan the cards seen would have allowed
(``game.engine.whatif``; computed in the background, so the page can be waiting)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.engine import GameState
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
        1024×768 three columns cut "Én fast borgerkonsulent på…" under a roomy table)."""
        app = self.app
        sc = app.scale
        g = sc.gap
        table_rect, plan_rect = split_rows(inner, [0.58, 0.42], 2 * g)
        entries = len(data.best_plan)
        if not entries:
            return table_rect, plan_rect
        size = sc.min_text
        line_h = line_height(app, size, FONT_BOLD)
        bold = app.fonts.get(FONT_BOLD, size)
        widest = max(bold.size(state.deck.proposal(p).title)[0] for p, _ in data.best_plan)
        year_w = bold.size(year_short(state.scenario.years[-1]))[0] + g
        most = 3 if inner.width > sc.body * 45 else 2
        fits = [
            c
            for c in range(1, most + 1)
            if (inner.width - g * (c - 1)) / c - year_w - size - 2 * g >= widest
        ]
        if not fits:
            return table_rect, plan_rect
        rows = -(-entries // fits[-1])
        wanted = line_height(app, sc.body, FONT_BOLD) + (rows + 2) * line_h + g
        table_least = round((len(ROWS) + 1) * 1.25 * line_height(app, sc.body, FONT_BOLD))
        if wanted <= plan_rect.height or inner.height - wanted - 2 * g < table_least:
            return table_rect, plan_rect
        table_h = inner.height - wanted - 2 * g
        table = pygame.Rect(inner.x, inner.y, inner.width, table_h)
        return table, pygame.Rect(inner.x, table.bottom + 2 * g, inner.width, wanted)

    def _table(
        self, surface: pygame.Surface, rect: pygame.Rect, data: WhatIf, open_table: bool
    ) -> None:
        """The what-if rows by year; ``open_table`` (a paper table): the best plan's row says
        that it may use every proposal."""
        app = self.app
        sc = app.scale
        g = sc.gap
        row_h = rect.height / (len(ROWS) + 1)
        size = max(sc.min_text, min(sc.body, round(row_h * 0.5)))
        badge = max(sc.min_text, round(row_h * 0.45))
        font = app.fonts.get(FONT_BOLD, size)
        labels = [self._label(name, open_table) for name in ROWS]
        # a third of the width, or up to half so that a label needs no second line (a low
        # table, next to a tall best plan, cut "Samme valg, de 10 % dårligste udf…")
        widest = max(font.size(label)[0] for label in labels) + 2 * g
        label_w = round(max(rect.width * 0.34, min(rect.width * 0.5, widest)))
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
                x0 = box.centerx - (text_w + g + badge) // 2
                ink = theme.INK if met else theme.WARNING
                charts.blit_text(surface, text, font, ink, "midleft", (x0, box.centery))
                center = (x0 + text_w + g + badge // 2, box.centery)
                if met:
                    charts.draw_check(surface, center, badge, theme.MET)
                else:
                    charts.draw_cross(surface, center, badge, theme.GAP)

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
        heading = app.t("debrief.best_met" if data.best_met_all else "debrief.best_not_met")
        if not data.best_exact:
            heading += " " + app.t("debrief.best_found")
        title_h = line_height(app, sc.body, FONT_BOLD)
        title = pygame.Rect(rect.x, rect.y, rect.width, title_h)
        app.text.draw(surface, heading, title, BODY.bold().lines(1).shrink())
        size = sc.min_text
        line_h = line_height(app, size, FONT_BOLD)
        small = BODY.sized(size).lines(1)
        adopted = set(state.adopted_ids())
        # the bold blue titles are named only when the plan has some (a plan of the group's
        # own cards, differently timed, had a legend for nothing)
        others = any(pid not in adopted for pid, _ in data.best_plan)
        words = app.t("debrief.best_legend") + " "
        words += app.t("debrief.best_legend_new" if others else "debrief.best_legend_own")
        if data.best_met_all and data.best_service is not None:
            # why this plan of the many that meet the target (a facilitator wondered why it
            # adopted two investments in the last year): the one that cuts service least
            words = (
                app.t(
                    "debrief.best_why",
                    service=format_amount(data.best_service, app.lang, sign=True),
                    own=format_amount(state.service, app.lang, sign=True),
                )
                + " "
                + words
            )
        legend_y = rect.bottom - 2 * line_h
        legend = pygame.Rect(rect.x, legend_y, rect.width, 2 * line_h)
        app.text.draw(surface, words, legend, small.lines(2).ink(theme.MUTED).shrink())
        area = pygame.Rect(rect.x, rect.y + title_h, rect.width, legend_y - rect.y - title_h)
        entries = sorted(data.best_plan, key=lambda item: item[1])
        columns = 3 if area.width > sc.body * 45 else 2
        rows = max(1, area.height // line_h)
        capacity = rows * columns
        if entries and len(entries) <= capacity:
            # only the columns the plan needs, evenly filled: each title gets the width (three
            # narrow columns cut "Styrket…" with a third of the panel empty)
            columns = -(-len(entries) // rows)
            rows = -(-len(entries) // columns)
        if len(entries) > capacity:
            # too many to show: the cards the group did not adopt are what this page is for,
            # so they go first (still in year order), then as many of the group's own as fit
            entries = [e for e in entries if e[0] not in adopted] + [
                e for e in entries if e[0] in adopted
            ]
        shown = entries if len(entries) <= capacity else entries[: capacity - 1]
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
