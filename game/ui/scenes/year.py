"""The end-of-year reveal: what happened in the budget year the group just closed.

The board pushes ``"year"`` (``YearScene(app, before, after)``) with the states before and after
``EndYear``. The scene shows, one part after another with a short animation (≤ 0.5 s each,
skipped by a click or any key): the year's råderum growing against its target and whether it
was met, the events of the year, the uncertain proposals whose outcome became known (better or
worse than hoped, or a failure), and the events that strike next year. "Videre" (Enter, Space,
a click) returns to the board, or opens the debrief after the last year; Ctrl+Z/Backspace takes
the end of the year back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.engine import GameState, Proposal, event_amount, raaderum, realised
from game.numbers import format_gap, format_percent
from game.ui import charts, theme
from game.ui.draw import button, kind_icon, panel
from game.ui.layout import split_columns, split_rows
from game.ui.pages import draw_header, line_height
from game.ui.scene import Scene, ctrl_held, is_activation
from game.ui.theme import BODY, FONT_BOLD, HEADING, TINY, Color

if TYPE_CHECKING:
    from game.ui.pages import draw_header, line_height
from game.ui.scene import Host

CONFIRM_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_ESCAPE)
"""Keys that leave the reveal once it has been shown."""
STEP_SECONDS = 0.45
"""Length of one reveal animation (the issue allows at most 0.5 s)."""


@dataclass(frozen=True)
class Line:
    """One row of a reveal section: a headline, a detail and how to mark it."""

    title: str
    detail: str
    tone: str = "neutral"  # "good", "bad" or "neutral"
    proposal: Proposal | None = None
    text: str = ""


@dataclass(frozen=True)
class Reveal:
    """Everything the year scene tells, computed once from the two states."""

    year: str
    index: int
    raaderum: float
    target: float
    met: bool
    events: tuple[Line, ...]
    outcomes: tuple[Line, ...]
    next_year: str | None
    next_events: tuple[Line, ...]


def _sign(app: Host, value: float) -> str:
    return app.amount(value, sign=True)


def event_lines(app: Host, state: GameState, round_index: int, year_index: int) -> list[Line]:
    """The events drawn in ``round_index`` with what they add or take in ``year_index``."""
    lines: list[Line] = []
    for drawn in state.events:
        if drawn.round != round_index:
            continue
        event = state.deck.event(drawn.card)
        amount = event_amount(state, drawn, year_index)
        parts = [_sign(app, amount)]
        if event.service:
            parts.append(app.t("year.service", service=f"{event.service:+d}".replace("-", "−")))
        tone = "good" if amount > 0 else "bad" if amount < 0 else "neutral"
        lines.append(Line(event.title, " · ".join(parts), tone, text=event.text.strip()))
    return lines


def outcome_lines(app: Host, before: GameState, after: GameState) -> list[Line]:
    """The proposals whose hidden factor became known when ``before``'s year closed."""
    year_index = before.round
    year = before.scenario.years[year_index]
    revealed = after.results[-1].revealed if after.results else ()
    lines: list[Line] = []
    for card in revealed:
        adoption = after.adoption(card)
        if adoption is None:
            continue
        proposal = after.deck.proposal(card)
        face = proposal.amount(year_index - adoption.round)
        real = realised(proposal, adoption, year_index)
        if adoption.factor <= 0:
            verdict, tone = app.t("year.failed"), "bad"
        elif adoption.factor > 1.005:
            verdict, tone = app.t("year.better"), "good"
        elif adoption.factor < 0.995:
            verdict, tone = app.t("year.worse"), "bad"
        else:
            verdict, tone = app.t("year.as_expected"), "neutral"
        detail = app.t(
            "year.face_vs_real",
            face=app.amount(face, unit=False),
            real=app.amount(real),
            year=year,
        )
        share = app.t("card.revealed", percent=format_percent(adoption.factor, app.lang))
        lines.append(Line(f"{proposal.title}: {verdict}", detail, tone, proposal, share))
    return lines


def build_reveal(app: Host, before: GameState, after: GameState) -> Reveal:
    """The content of the year scene for the year closed between ``before`` and ``after``."""
    index = before.round
    result = after.results[index]
    next_year = None if after.finished else after.scenario.years[after.round]
    next_events = [] if after.finished else event_lines(app, after, after.round, after.round)
    return Reveal(
        year=result.year,
        index=index,
        raaderum=result.raaderum,
        target=result.target,
        met=result.met,
        events=tuple(event_lines(app, before, before.round, index)),
        outcomes=tuple(outcome_lines(app, before, after)),
        next_year=next_year,
        next_events=tuple(next_events),
    )


def tone_color(tone: str) -> Color:
    """Ink of a row's mark: green for good news, vermillion for bad, grey otherwise."""
    return {"good": theme.MET, "bad": theme.GAP}.get(tone, theme.MUTED)


def draw_tone_mark(surface: pygame.Surface, rect: pygame.Rect, tone: str) -> None:
    """A shape that carries the tone without colour: ▲ good, ▼ bad, ● neutral."""
    color = tone_color(tone)
    cx, cy = rect.center
    r = max(3, min(rect.width, rect.height) // 2 - 1)
    if tone == "good":
        pygame.draw.polygon(
            surface, color, [(cx, cy - r), (cx + r, cy + r * 3 // 4), (cx - r, cy + r * 3 // 4)]
        )
    elif tone == "bad":
        pygame.draw.polygon(
            surface, color, [(cx, cy + r), (cx + r, cy - r * 3 // 4), (cx - r, cy - r * 3 // 4)]
        )
    else:
        pygame.draw.circle(surface, color, (cx, cy), r * 2 // 3)


def draw_lines(
    app: Host,
    surface: pygame.Surface,
    rect: pygame.Rect,
    heading: str,
    lines: list[Line],
    empty: str,
) -> None:
    """A titled panel listing ``lines`` (each a marked title and a muted detail line)."""
    sc = app.scale
    g = sc.gap
    panel(surface, rect, sc.radius)
    inner = rect.inflate(-2 * g, -2 * g)
    title_h = round(sc.heading * 1.35)
    app.text.draw(
        surface,
        heading,
        pygame.Rect(inner.x, inner.y, inner.width, title_h),
        HEADING.lines(1).shrink(),
    )
    y = inner.y + title_h + g // 2
    if not lines:
        app.text.draw(
            surface,
            empty,
            pygame.Rect(inner.x, y, inner.width, inner.bottom - y),
            BODY.ink(theme.MUTED).shrink(),
        )
        return
    size = sc.body
    title_h = line_height(app, size, FONT_BOLD)
    detail_h = line_height(app, sc.min_text)
    base_h = title_h + detail_h + g
    room = inner.bottom - y
    rows = max(1, min(len(lines), room // base_h))
    if rows < len(lines):  # leave a line for "+N mere"
        rows = max(1, min(rows, (room - detail_h) // base_h))
        room -= detail_h
    extra = max(0, (room // rows - base_h) // detail_h) if rows else 0
    for line in lines[:rows]:
        mark = pygame.Rect(inner.x, y + (title_h - size) // 2, size, size)
        if line.proposal is not None:
            kind_icon(surface, line.proposal.kind, mark, theme.kind_color(line.proposal.kind))
            tone = pygame.Rect(
                mark.right + g // 2, mark.y + size // 6, size * 2 // 3, size * 2 // 3
            )
            draw_tone_mark(surface, tone, line.tone)
            text_x = tone.right + g
        else:
            draw_tone_mark(surface, mark, line.tone)
            text_x = mark.right + g
        width = inner.right - text_x
        app.text.draw(
            surface,
            line.title,
            pygame.Rect(text_x, y, width, title_h),
            BODY.sized(size).bold().lines(1).shrink(),
        )
        y += title_h
        app.text.draw(
            surface,
            line.detail,
            pygame.Rect(text_x, y, width, detail_h),
            TINY.ink(theme.WARNING if line.tone == "bad" else theme.INK).lines(1),
        )
        y += detail_h
        if line.text and extra:
            used = app.text.draw(
                surface,
                line.text,
                pygame.Rect(text_x, y, width, extra * detail_h),
                TINY.ink(theme.MUTED).lines(extra),
            )
            y += used.height
        y += g
    hidden = len(lines) - rows
    if hidden > 0:
        app.text.draw(
            surface,
            app.t("board.more", count=hidden),
            pygame.Rect(inner.x, inner.bottom - sc.min_text - 2, inner.width, sc.min_text + 2),
            TINY.ink(theme.MUTED).right(),
        )


def chart_values(state: GameState) -> list[float]:
    """Råderum per year as the chart shows it: final results for closed years, what the group
    planned on (unrevealed factors at face value) for the open ones."""
    planned = raaderum(state, visible=True)
    return [r.raaderum for r in state.results] + list(planned[len(state.results) :])


class YearScene(Scene):
    """The reveal of a closed budget year (see the module docstring)."""

    name = "year"

    def __init__(self, app: Host, before: GameState, after: GameState) -> None:
        super().__init__(app)
        self.before = before
        self.after = after
        self.reveal = build_reveal(app, before, after)
        self.steps = 4  # chart, events, outcomes, next year
        self.elapsed = 0.0
        self.continue_rect = pygame.Rect(0, 0, 0, 0)
        self.done = False

    # --- animation ----------------------------------------------------------------------
    @property
    def total_seconds(self) -> float:
        """Length of the whole reveal."""
        return self.steps * STEP_SECONDS

    @property
    def animating(self) -> bool:
        """True until every part has been revealed."""
        return self.elapsed < self.total_seconds

    def progress(self, step: int) -> float:
        """0 → 1 progress of part ``step``."""
        return max(0.0, min(1.0, (self.elapsed - step * STEP_SECONDS) / STEP_SECONDS))

    def skip(self) -> None:
        """Jump to the end of the reveal."""
        self.elapsed = self.total_seconds
        self.app.request_redraw()

    def update(self, dt: float) -> bool:
        """Advance the reveal; True while it animates (60 frames per second)."""
        if not self.animating:
            return False
        self.elapsed = min(self.total_seconds, self.elapsed + dt)
        self.app.request_redraw()
        return self.animating

    # --- input --------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        """A key or click skips the animation; then Enter/Space/click continues."""
        pressed = event.type == pygame.KEYDOWN or is_activation(event)
        if not pressed:
            return
        if event.type == pygame.KEYDOWN and (
            (event.key == pygame.K_z and ctrl_held(event)) or event.key == pygame.K_BACKSPACE
        ):
            self.take_back()
            return
        if self.animating:
            self.skip()
            return
        confirm = event.type == pygame.KEYDOWN and event.key in CONFIRM_KEYS
        if confirm or (is_activation(event) and self.continue_rect.collidepoint(event.pos)):
            self.proceed()

    def proceed(self) -> None:
        """Back to the board, or on to the debrief after the last year."""
        if self.done:
            return
        self.done = True
        if self.after.finished:
            self.app.replace("debrief")
        else:
            self.app.pop()

    def take_back(self) -> None:
        """Undo the end of the year and return to the board in that round."""
        if self.done:
            return
        history = self.app.game.history
        if history is not None and history.current is self.after and self.app.game.undo():
            self.done = True
            self.app.pop()

    # --- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Header, the year chart with this year's verdict, the three lists, Videre."""
        app = self.app
        sc = app.scale
        g = sc.gap
        surface.fill(theme.BACKGROUND)
        reveal = self.reveal
        scenario = self.after.scenario
        header = draw_header(
            app,
            surface,
            app.t("year.title", year=reveal.year),
            app.t("board.round", round=reveal.index + 1, rounds=scenario.rounds),
        )
        width, height = surface.get_size()
        foot_h = max(round(sc.heading * 2.2), round(height * 0.085))
        body = pygame.Rect(
            2 * g, header.bottom + 2 * g, width - 4 * g, height - header.bottom - foot_h - 5 * g
        )
        left, right = split_columns(body, [0.56, 0.44], 2 * g)
        self._draw_result(surface, left)
        sections = (
            (
                app.t("year.events", year=reveal.year),
                list(reveal.events),
                app.t("year.events_none"),
            ),
            (app.t("year.outcomes"), list(reveal.outcomes), app.t("year.outcomes_none")),
            (
                app.t("year.next_events", year=reveal.next_year)
                if reveal.next_year
                else app.t("year.game_over"),
                list(reveal.next_events),
                app.t("year.next_none") if reveal.next_year else app.t("year.last"),
            ),
        )
        weights = [min(3.0, 1.2 + 0.7 * len(lines)) for _, lines, _ in sections]
        parts = split_rows(right, weights, g)
        for step, (rect, (heading, lines, empty)) in enumerate(zip(parts, sections), start=1):
            share = self.progress(step)
            if share <= 0:
                continue
            if share >= 1:
                draw_lines(app, surface, rect, heading, lines, empty)
                continue
            layer = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            draw_lines(app, layer, rect, heading, lines, empty)
            layer.set_alpha(round(255 * share))
            surface.blit(layer, (round((1 - share) * 6 * g), 0))
        self._draw_footer(
            surface, pygame.Rect(2 * g, height - foot_h - 2 * g, width - 4 * g, foot_h)
        )

    def _draw_result(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        app = self.app
        sc = app.scale
        g = sc.gap
        reveal = self.reveal
        panel(surface, rect, sc.radius)
        inner = rect.inflate(-2 * g, -2 * g)
        banner_h = round(sc.title * 1.5)
        banner = pygame.Rect(inner.x, inner.y, inner.width, banner_h)
        grow = self.progress(0)
        if grow >= 1:
            badge = pygame.Rect(banner.x, banner.y, banner_h, banner_h).inflate(-g, -g)
            if reveal.met:
                charts.draw_check(surface, badge.center, badge.height, theme.MET)
                text = app.t(
                    "year.met",
                    amount=app.amount(reveal.raaderum, unit=False),
                    target=app.amount(reveal.target),
                )
            else:
                charts.draw_cross(surface, badge.center, badge.height, theme.GAP)
                text = app.t(
                    "year.missed",
                    gap=f"{format_gap(reveal.raaderum, reveal.target, app.lang)} {app.unit}",
                    amount=app.amount(reveal.raaderum, unit=False),
                    target=app.amount(reveal.target),
                )
            app.text.draw(
                surface,
                text,
                pygame.Rect(badge.right + g, banner.y, banner.right - badge.right - g, banner_h),
                HEADING.ink(theme.INK if reveal.met else theme.WARNING).middle().lines(2).shrink(),
            )
        state = self.after
        values = chart_values(state)
        values[reveal.index] *= grow
        closed = len(state.results) if grow >= 1 else reveal.index
        met = [r.met for r in state.results]
        chart_rect = pygame.Rect(
            inner.x, banner.bottom + g, inner.width, inner.bottom - banner.bottom - g
        )
        charts.draw_year_chart(
            surface,
            chart_rect,
            state.scenario.years,
            state.targets,
            values,
            met=met[:closed],
            closed=closed,
            current=reveal.index,
            fonts=app.fonts,
            lang=app.lang,
            scale=sc,
        )

    def _draw_footer(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        app = self.app
        sc = app.scale
        g = sc.gap
        label = app.t("year.to_debrief") if self.after.finished else app.t("year.continue")
        width = max(sc.body * 10, rect.width // 4)
        self.continue_rect = pygame.Rect(rect.right - width, rect.y, width, rect.height)
        button(
            surface,
            app.text,
            self.continue_rect,
            label,
            sc.heading,
            radius=sc.radius,
            primary=True,
            enabled=not self.animating,
            hint=app.t("year.continue_hint"),
        )
        hint = app.t("year.skip_hint") if self.animating else app.t("year.undo_hint")
        app.text.draw(
            surface,
            hint,
            pygame.Rect(rect.x, rect.y, rect.width - width - 2 * g, rect.height),
            TINY.ink(theme.MUTED).middle().lines(2),
        )
