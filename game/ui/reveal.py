"""What the year reveal tells, computed once from the states before and after ``EndYear``
(the year's råderum against its target, its events, the uncertain proposals whose outcome
became known, next year's events), and how its lists are drawn."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.engine import GameState, Proposal, event_amount, raaderum, realised
from game.numbers import format_percent
from game.ui import theme
from game.ui.draw import kind_icon, panel
from game.ui.pages import line_height
from game.ui.scene import Host
from game.ui.theme import BODY, FONT_BOLD, HEADING, TINY, Color


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
