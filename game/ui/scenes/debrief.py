"""The debrief after the last year: won or lost and why, and what to take back to the room.

Four pages (tabs; keys 1–4, ←/→ or Tab, or a click):

* Resultat: the verdict with its reasons (``game.engine.verdict``), the råderum of every year
  against its target, and the service level and fatigue over the years.
* Forslag: every adopted proposal with its year, realised amount per year and the group's note.
* Til diskussion: the discussion questions of the adopted cards.
* Hvad nu hvis: the what-if (``game.engine.whatif``): what the same choices would have given
  at face value and in the 10 % worst case, and the best plan the cards seen would have
  allowed. It is computed in a background thread so the window stays responsive.

"Rapport" (R) writes the session report into the user's data folder and shows where;
N starts a new game, Esc opens the menu, Ctrl+Z takes the last decision back (into the last
round).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.engine.ledger import realised
from game.engine.state import GameState
from game.engine.verdict import Verdict, verdict
from game.numbers import format_against, format_amount
from game.session.debrief import WhatIfJob, write_session_report
from game.ui import charts, theme
from game.ui.draw import kind_icon, panel
from game.ui.layout import split_columns, split_rows
from game.ui.pages import SCROLL_KEYS, FooterButton, draw_footer, draw_page, line_height
from game.ui.scene import Scene, ctrl_held, is_activation
from game.ui.theme import BODY, FONT_BOLD, HEADING, TINY

if TYPE_CHECKING:
    from game.engine.whatif import WhatIf
    from game.ui.scene import Host

log = logging.getLogger(__name__)

TABS: tuple[str, ...] = ("result", "proposals", "questions", "whatif")
SCROLL_TABS = ("proposals", "questions")


def verdict_lines(app: Host, state: GameState, outcome: Verdict) -> tuple[str, list[str]]:
    """The headline and the reasons of the verdict, in the UI language."""
    if outcome.won:
        return app.t("debrief.won"), [app.t("debrief.won_why")]
    reasons: list[str] = []
    if outcome.missed_years:
        reasons.append(app.t("debrief.missed", years=", ".join(outcome.missed_years)))
    if outcome.missing_kinds:
        kinds = ", ".join(app.t(f"kinds.{kind.value}") for kind in outcome.missing_kinds)
        reasons.append(app.t("debrief.kinds", kinds=kinds))
    if outcome.service_below_floor:
        reasons.append(
            app.t("debrief.service", service=outcome.service, floor=outcome.service_floor)
        )
    return app.t("debrief.lost"), reasons


@dataclass
class Button:
    """A clickable button of the footer."""

    name: str
    rect: pygame.Rect


class DebriefScene(Scene):
    """The end of the game (see the module docstring)."""

    name = "debrief"

    def __init__(self, app: Host, *, background: bool = True) -> None:
        super().__init__(app)
        self.state = app.game.state
        self.verdict = verdict(self.state)
        self.tab = TABS[0]
        self.scroll: dict[str, int] = {name: 0 for name in TABS}
        self.max_scroll: dict[str, int] = {name: 0 for name in TABS}
        self.tab_rects: list[pygame.Rect] = []
        self.buttons: list[Button] = []
        self.report_paths: list[Path] = []
        self.report_error = ""
        self.report_pending = False
        self._pending_frame = 0
        self.job = WhatIfJob(self.state, background=background)
        self._computing = background

    # --- what-if --------------------------------------------------------------------------
    @property
    def whatif(self) -> WhatIf | None:
        """The what-if, once computed."""
        return self.job.result

    @property
    def whatif_error(self) -> str:
        """Why the what-if failed ("" otherwise)."""
        return self.job.error

    def wait_for_whatif(self, timeout: float | None = None) -> None:
        """Block until the what-if is computed (for screenshots and tests)."""
        self.job.wait(timeout)
        self.app.request_redraw()

    def update(self, dt: float) -> bool:
        """Redraw once the what-if arrives; write a pending report after its notice is shown."""
        if self._computing and not self.job.running:
            self._computing = False
            self.app.request_redraw()
        if self.report_pending and self.app.frames_drawn > self._pending_frame:
            self.report_pending = False
            self._write_report()
        return self.report_pending

    # --- input ----------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        """Tabs, scrolling, the footer buttons and the debrief's keys."""
        if event.type == pygame.KEYDOWN:
            self._handle_key(event)
        elif is_activation(event):
            for index, rect in enumerate(self.tab_rects):
                if rect.collidepoint(event.pos):
                    self.tab = TABS[index]
                    return
            for entry in self.buttons:
                if entry.rect.collidepoint(event.pos):
                    self.press(entry.name)
                    return
        elif event.type == pygame.MOUSEWHEEL:
            self._scroll_by(-event.y * 3)

    def _handle_key(self, event: pygame.event.Event) -> None:
        key = event.key
        if (key == pygame.K_z and ctrl_held(event)) or key == pygame.K_BACKSPACE:
            self.press("undo")
        elif key == pygame.K_ESCAPE:
            self.press("menu")
        elif key == pygame.K_n:
            self.press("new")
        elif key == pygame.K_r:
            self.press("report")
        elif pygame.K_1 <= key <= pygame.K_1 + len(TABS) - 1:
            self.tab = TABS[key - pygame.K_1]
        elif key in (pygame.K_RIGHT, pygame.K_TAB, pygame.K_LEFT):
            step = -1 if key == pygame.K_LEFT or (event.mod & pygame.KMOD_SHIFT) else 1
            self.tab = TABS[(TABS.index(self.tab) + step) % len(TABS)]
        elif key in SCROLL_KEYS:
            self._scroll_by(SCROLL_KEYS[key])

    def _scroll_by(self, rows: int) -> None:
        if self.tab in SCROLL_TABS:
            limit = self.max_scroll[self.tab]
            self.scroll[self.tab] = max(0, min(limit, self.scroll[self.tab] + rows))
            self.app.request_redraw()

    def press(self, name: str) -> None:
        """Do what the footer button ``name`` does."""
        app = self.app
        if name == "report":
            if not self.report_pending:
                self.report_pending = True
                self.report_error = ""
                self._pending_frame = app.frames_drawn
                app.request_redraw()
        elif name == "new":
            app.replace_all("start")
        elif name == "menu":
            app.push("menu")
        elif name == "undo" and app.game.undo():
            app.back_to("board")

    # --- report ---------------------------------------------------------------------------
    def _write_report(self) -> None:
        app = self.app
        try:
            self.report_paths = write_session_report(
                app.game, app.lang, app.report_board, self.job.result
            )
            app.toast("debrief.report_done", folder=str(self.report_paths[0].parent))
        except Exception as error:  # a report problem must never end the workshop
            log.warning("report failed: %s", error)
            self.report_error = str(error) or type(error).__name__
            app.toast("debrief.report_failed", reason=self.report_error, error=True)
        app.request_redraw()

    # --- drawing --------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Header, tabs, the current page and the footer."""
        app = self.app
        headline, _ = verdict_lines(app, self.state, self.verdict)
        scenario = self.state.scenario
        subtitle = f"{scenario.title} · {scenario.years[0]}–{scenario.years[-1]}"
        rects = draw_page(app, surface, headline, subtitle, round(app.scale.body * 2.0))
        self._draw_tabs(surface, rects.strip)
        page = {
            "result": self._draw_result,
            "proposals": self._draw_proposals,
            "questions": self._draw_questions,
            "whatif": self._draw_whatif,
        }[self.tab]
        page(surface, rects.body)
        self._draw_footer(surface, rects.footer)

    def _draw_tabs(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        app = self.app
        sc = app.scale
        self.tab_rects = split_columns(rect, [1.0] * len(TABS), sc.gap)
        for index, (name, tab) in enumerate(zip(TABS, self.tab_rects)):
            active = name == self.tab
            fill = theme.HEADER if active else theme.PANEL
            ink = theme.HEADER_INK if active else theme.INK
            pygame.draw.rect(surface, fill, tab, border_radius=sc.radius)
            if not active:
                pygame.draw.rect(surface, theme.LINE, tab, 1, border_radius=sc.radius)
            label = f"{index + 1}  {app.t(f'debrief.tab.{name}')}"
            app.text.draw(
                surface,
                label,
                tab.inflate(-sc.gap, 0),
                BODY.bold().ink(ink).center().middle().lines(1).shrink(),
            )

    def _draw_footer(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        app = self.app
        sc = app.scale
        width = min(rect.width // 5, max(sc.body * 9, rect.width // 6))
        if self.report_pending:
            status, ink = app.t("debrief.report_writing"), theme.MUTED
        elif self.report_error:
            status, ink = app.t("debrief.report_failed", reason=self.report_error), theme.WARNING
        elif self.report_paths:
            status = app.t("debrief.report_done", folder=str(self.report_paths[0].parent))
            ink = theme.INK
        else:
            status, ink = app.t("debrief.undo_hint"), theme.MUTED
        buttons = [
            FooterButton(
                name,
                app.t(f"debrief.button.{name}"),
                app.t(f"debrief.key.{name}"),
                primary=name == "report",
            )
            for name in ("report", "new", "menu")
        ]
        drawn = draw_footer(app, surface, rect, buttons, width, status, ink)
        self.buttons = [Button(name, box) for name, box in drawn.items()]

    # --- page: result ---------------------------------------------------------------------
    def _draw_result(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        app = self.app
        sc = app.scale
        g = sc.gap
        state = self.state
        left, right = split_columns(rect, [0.62, 0.38], 2 * g)
        reasons_rect, chart_panel = split_rows(left, [0.24, 0.76], g)
        panel(surface, reasons_rect, sc.radius)
        inner = reasons_rect.inflate(-2 * g, -2 * g)
        _, reasons = verdict_lines(app, state, self.verdict)
        badge = pygame.Rect(inner.x, inner.centery - sc.title // 2, sc.title, sc.title)
        if self.verdict.won:
            charts.draw_check(surface, badge.center, badge.height, theme.MET)
        else:
            charts.draw_cross(surface, badge.center, badge.height, theme.GAP)
        app.text.draw(
            surface,
            "\n".join(reasons),
            pygame.Rect(badge.right + g, inner.y, inner.right - badge.right - g, inner.height),
            HEADING.ink(theme.INK if self.verdict.won else theme.WARNING).middle().shrink(),
        )
        panel(surface, chart_panel, sc.radius)
        chart_inner = chart_panel.inflate(-2 * g, -2 * g)
        title_h = round(sc.heading * 1.3)
        app.text.draw(
            surface,
            app.t("debrief.chart"),
            pygame.Rect(chart_inner.x, chart_inner.y, chart_inner.width, title_h),
            HEADING.lines(1).shrink(),
        )
        results = state.results
        charts.draw_year_chart(
            surface,
            pygame.Rect(
                chart_inner.x,
                chart_inner.y + title_h,
                chart_inner.width,
                chart_inner.height - title_h,
            ),
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
        for box, title, values, color, extra in (
            (
                service_rect,
                app.t("board.service"),
                [r.service for r in results],
                theme.PURPLE,
                floor,
            ),
            (
                fatigue_rect,
                app.t("board.fatigue"),
                [r.fatigue for r in results],
                theme.ORANGE,
                None,
            ),
        ):
            panel(surface, box, sc.radius)
            charts.draw_line_chart(
                surface,
                box.inflate(-2 * g, -2 * g),
                years,
                [float(v) for v in values],
                title=title,
                fonts=app.fonts,
                color=color,
                floor=float(extra) if extra is not None else None,
                floor_label=app.t("board.service_floor", floor=extra) if extra is not None else "",
                lang=app.lang,
                scale=sc,
                minimum=0.0,
            )

    # --- page: proposals ------------------------------------------------------------------
    def _draw_proposals(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        app = self.app
        sc = app.scale
        g = sc.gap
        state = self.state
        panel(surface, rect, sc.radius)
        inner = rect.inflate(-2 * g, -2 * g)
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
        title_w = inner.width - numbers_w - g
        # Column heads.
        app.text.draw(
            surface,
            app.t("debrief.proposals_head"),
            pygame.Rect(inner.x, inner.y, title_w, line_h),
            BODY.sized(size).bold().ink(theme.MUTED).lines(1),
        )
        for i, year in enumerate(years):
            cell = pygame.Rect(inner.right - numbers_w + i * year_w, inner.y, year_w - g, line_h)
            app.text.draw(
                surface, year, cell, BODY.sized(size).bold().ink(theme.MUTED).right().lines(1)
            )
        top = inner.y + line_h + g // 2
        pygame.draw.line(surface, theme.LINE, (inner.x, top - g // 4), (inner.right, top - g // 4))
        if not state.adopted:
            app.text.draw(
                surface,
                app.t("board.adopted_none"),
                pygame.Rect(inner.x, top, inner.width, line_h * 2),
                BODY.ink(theme.MUTED),
            )
            return
        rows = []
        for adoption in state.adopted:
            proposal = state.deck.proposal(adoption.card)
            note = adoption.note.strip()
            height = line_h * (2 if note else 1) + g
            rows.append((adoption, proposal, note, height))
        visible_h = inner.bottom - top
        first = self._first_visible("proposals", [r[3] for r in rows], visible_h)
        y = top
        for adoption, proposal, note, height in rows[first:]:
            if y + height > inner.bottom:
                break
            icon = pygame.Rect(inner.x, y + (line_h - size) // 2, size, size)
            kind_icon(surface, proposal.kind, icon, theme.kind_color(proposal.kind))
            year = years[adoption.round]
            head = f"{proposal.title} · {app.t('debrief.adopted_in', year=year)}"
            if adoption.revealed and adoption.factor <= 0:
                head += f" · {app.t('year.failed')}"
            app.text.draw(
                surface,
                head,
                pygame.Rect(icon.right + g, y, title_w - size - g, line_h),
                BODY.sized(size).bold().lines(1),
            )
            if note:
                app.text.draw(
                    surface,
                    f"»{note}«",
                    pygame.Rect(icon.right + g, y + line_h, inner.width - size - g, line_h),
                    BODY.sized(size).ink(theme.MUTED).lines(1),
                )
            for i in range(len(years)):
                if i < adoption.round:
                    continue
                amount = realised(proposal, adoption, i)
                ink = theme.GAP if amount < 0 else theme.INK
                cell = pygame.Rect(inner.right - numbers_w + i * year_w, y, year_w - g, line_h)
                app.text.draw(
                    surface,
                    format_amount(amount, app.lang),
                    cell,
                    BODY.sized(size).ink(ink).right().lines(1),
                )
            y += height
            pygame.draw.line(surface, theme.FAINT, (inner.x, y - g // 2), (inner.right, y - g // 2))
        self._draw_scroll_hint(surface, inner, "proposals")

    def _first_visible(self, tab: str, heights: list[int], room: int) -> int:
        """The first row to draw given the tab's scroll, and the largest useful scroll."""
        total = 0
        last_start = len(heights)
        for index in range(len(heights) - 1, -1, -1):
            total += heights[index]
            if total > room:
                break
            last_start = index
        self.max_scroll[tab] = min(len(heights) - 1, last_start) if heights else 0
        self.scroll[tab] = max(0, min(self.scroll[tab], self.max_scroll[tab]))
        return self.scroll[tab]

    def _draw_scroll_hint(self, surface: pygame.Surface, inner: pygame.Rect, tab: str) -> None:
        if self.max_scroll[tab] <= 0:
            return
        app = self.app
        sc = app.scale
        text = app.t("debrief.scroll", shown=self.scroll[tab] + 1)
        font = app.fonts.get(FONT_BOLD, sc.min_text)
        height = line_height(app, sc.min_text, FONT_BOLD)
        box = pygame.Rect(0, 0, font.size(text)[0] + height + 3 * sc.gap, height)
        box.bottomright = inner.bottomright
        pygame.draw.rect(surface, theme.HEADER, box, border_radius=sc.radius)
        r = height // 4
        cx, cy = box.x + sc.gap + r, box.centery
        pygame.draw.polygon(
            surface, theme.HEADER_INK, [(cx - r, cy - r // 2), (cx + r, cy - r // 2), (cx, cy + r)]
        )
        label = pygame.Rect(cx + r + sc.gap // 2, box.y, box.right - cx - r - sc.gap, height)
        app.text.draw(
            surface, text, label, TINY.bold().ink(theme.HEADER_INK).center().middle().lines(1)
        )

    # --- page: questions ------------------------------------------------------------------
    def _draw_questions(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        app = self.app
        sc = app.scale
        g = sc.gap
        state = self.state
        panel(surface, rect, sc.radius)
        inner = rect.inflate(-3 * g, -2 * g)
        items = [
            state.deck.proposal(a.card)
            for a in state.adopted
            if state.deck.proposal(a.card).question.strip()
        ]
        if not items:
            app.text.draw(surface, app.t("debrief.no_questions"), inner, BODY.ink(theme.MUTED))
            return
        size = sc.body
        blocks = []
        for proposal in items:
            fitted = app.text.fit(
                proposal.question.strip(), inner.width - size - g, 10_000, size, size
            )
            title_h = line_height(app, sc.min_text, FONT_BOLD)
            blocks.append((proposal, title_h, fitted.height + title_h + 2 * g))
        first = self._first_visible("questions", [b[2] for b in blocks], inner.height)
        y = inner.y
        for proposal, title_h, height in blocks[first:]:
            if y + height > inner.bottom and y > inner.y:
                break
            icon = pygame.Rect(inner.x, y + g // 2, sc.min_text, sc.min_text)
            kind_icon(surface, proposal.kind, icon, theme.kind_color(proposal.kind))
            app.text.draw(
                surface,
                proposal.title,
                pygame.Rect(icon.right + g, y, inner.width - icon.width - g, title_h),
                TINY.bold().ink(theme.MUTED).lines(1),
            )
            app.text.draw(
                surface,
                proposal.question.strip(),
                pygame.Rect(
                    icon.right + g,
                    y + title_h,
                    inner.width - icon.width - g,
                    min(height - title_h, inner.bottom - y - title_h),
                ),
                BODY.sized(size).shrink(),
            )
            y += height
        self._draw_scroll_hint(surface, inner, "questions")

    # --- page: what-if --------------------------------------------------------------------
    def _draw_whatif(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        app = self.app
        sc = app.scale
        g = sc.gap
        panel(surface, rect, sc.radius)
        inner = rect.inflate(-3 * g, -2 * g)
        data = self.whatif
        if data is None:
            key = "debrief.whatif_failed" if self.whatif_error else "debrief.whatif_wait"
            app.text.draw(
                surface,
                app.t(key, reason=self.whatif_error),
                inner,
                HEADING.bold(False).ink(theme.MUTED).center().middle().shrink(),
            )
            return
        table_rect, plan_rect = split_rows(inner, [0.58, 0.42], 2 * g)
        self._draw_whatif_table(surface, table_rect, data)
        self._draw_best_plan(surface, plan_rect, data)

    def _draw_whatif_table(self, surface: pygame.Surface, rect: pygame.Rect, data: WhatIf) -> None:
        app = self.app
        sc = app.scale
        g = sc.gap
        rows = (
            ("target", data.target),
            ("actual", data.actual),
            ("expected", data.expected),
            ("worst10", data.worst10),
            ("best", data.best),
        )
        n = len(data.years)
        label_w = round(rect.width * 0.34)
        col_w = (rect.width - label_w) / max(1, n)
        row_h = rect.height / (len(rows) + 1)
        size = max(sc.min_text, min(sc.body, round(row_h * 0.5)))
        bold = FONT_BOLD
        badge = max(sc.min_text, round(row_h * 0.45))
        for i, year in enumerate(data.years):
            cell = pygame.Rect(
                round(rect.x + label_w + i * col_w), rect.y, round(col_w), round(row_h)
            )
            app.text.draw(
                surface,
                year,
                cell,
                BODY.sized(size).bold().ink(theme.MUTED).center().middle().lines(1),
            )
        for r, (name, values) in enumerate(rows, start=1):
            y = round(rect.y + r * row_h)
            if r % 2 == 0:
                pygame.draw.rect(
                    surface,
                    theme.BACKGROUND,
                    (rect.x, y, rect.width, round(row_h)),
                    border_radius=sc.radius,
                )
            app.text.draw(
                surface,
                app.t(f"debrief.whatif.{name}"),
                pygame.Rect(rect.x + g, y, label_w - 2 * g, round(row_h)),
                BODY.sized(size).bold(name == "actual").middle().lines(2).shrink(),
            )
            for i, value in enumerate(values):
                cell = pygame.Rect(
                    round(rect.x + label_w + i * col_w), y, round(col_w), round(row_h)
                )
                text = format_amount(value, app.lang)
                if name == "target":
                    app.text.draw(
                        surface,
                        text,
                        cell,
                        BODY.sized(size).ink(theme.MUTED).center().middle().lines(1),
                    )
                    continue
                met = value >= data.target[i] - 1e-6
                text = format_against(value, data.target[i], app.lang, met=met)
                font = app.fonts.get(bold, size)
                text_w = font.size(charts.displayable(text, font))[0]
                total_w = text_w + g + badge
                x0 = cell.centerx - total_w // 2
                charts.blit_text(
                    surface,
                    text,
                    font,
                    theme.INK if met else theme.WARNING,
                    "midleft",
                    (x0, cell.centery),
                )
                center = (x0 + text_w + g + badge // 2, cell.centery)
                if met:
                    charts.draw_check(surface, center, badge, theme.MET)
                else:
                    charts.draw_cross(surface, center, badge, theme.GAP)

    def _draw_best_plan(self, surface: pygame.Surface, rect: pygame.Rect, data: WhatIf) -> None:
        """The best plan as a grid in reading order: year, kind icon and title per entry;
        cards the group did not adopt are bold and blue (and named so in the legend)."""
        app = self.app
        sc = app.scale
        g = sc.gap
        state = self.state
        key = "debrief.best_met" if data.best_met_all else "debrief.best_not_met"
        heading = app.t(key)
        if not data.best_exact:
            heading += " " + app.t("debrief.best_found")
        title_h = line_height(app, sc.body, FONT_BOLD)
        app.text.draw(
            surface,
            heading,
            pygame.Rect(rect.x, rect.y, rect.width, title_h),
            BODY.bold().lines(1).shrink(),
        )
        size = sc.min_text
        line_h = line_height(app, size, FONT_BOLD)
        adopted = set(state.adopted_ids())
        legend_y = rect.bottom - line_h
        app.text.draw(
            surface,
            app.t("debrief.best_legend"),
            pygame.Rect(rect.x, legend_y, rect.width, line_h),
            BODY.sized(size).ink(theme.MUTED).lines(1),
        )
        area = pygame.Rect(rect.x, rect.y + title_h, rect.width, legend_y - rect.y - title_h)
        entries = sorted(data.best_plan, key=lambda item: item[1])
        columns = 3 if area.width > sc.body * 45 else 2
        rows = max(1, area.height // line_h)
        capacity = rows * columns
        shown = entries if len(entries) <= capacity else entries[: capacity - 1]
        col_w = (area.width - g * (columns - 1)) / columns
        year_w = app.fonts.get(FONT_BOLD, size).size(state.scenario.years[-1])[0] + g
        for index, (pid, start) in enumerate(shown):
            column, row = divmod(index, rows)
            x = round(area.x + column * (col_w + g))
            y = area.y + row * line_h
            app.text.draw(
                surface,
                state.scenario.years[start],
                pygame.Rect(x, y, year_w, line_h),
                BODY.sized(size).bold().ink(theme.MUTED).lines(1),
            )
            proposal = state.deck.proposal(pid)
            icon = pygame.Rect(x + year_w, y + (line_h - size) // 2, size, size)
            kind_icon(surface, proposal.kind, icon, theme.kind_color(proposal.kind))
            new = pid not in adopted
            app.text.draw(
                surface,
                proposal.title,
                pygame.Rect(icon.right + g // 2, y, round(x + col_w) - icon.right - g, line_h),
                BODY.sized(size).bold(new).ink(theme.ACCENT if new else theme.INK).lines(1),
            )
        if len(shown) < len(entries):
            index = len(shown)
            column, row = divmod(index, rows)
            app.text.draw(
                surface,
                app.t("board.more", count=len(entries) - len(shown)),
                pygame.Rect(
                    round(area.x + column * (col_w + g)),
                    area.y + row * line_h,
                    round(col_w),
                    line_h,
                ),
                BODY.sized(size).ink(theme.MUTED).lines(1),
            )
