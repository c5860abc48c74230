"""What the year reveal tells, computed once from the states before and after ``EndYear``
(the year's råderum against its target, its events, the uncertain proposals whose outcome
became known, next year's events), and how its lists are drawn."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pygame

from game.engine import GameState, Proposal, anchor, event_amount, face, raaderum, realised
from game.numbers import (
    format_amount,
    format_factor,
    format_percent,
    format_share_of,
    pair_decimals,
)
from game.session import fatigue_years
from game.ui import theme
from game.ui.cards import event_hurts, signed
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
    fatigue: tuple[str, ...] = ()
    """Træthed in words: at the year end, what the turn of the year took off, what the new
    events changed and what it takes of next year's capacity."""


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
            parts.append(app.t("year.service", service=signed(event.service)))
        if event.fatigue:
            parts.append(app.t("year.event_fatigue", fatigue=signed(event.fatigue)))
        tone = "good" if amount > 0 else "bad" if amount < 0 else "neutral"
        if amount == 0 and event_hurts(event):
            tone = "bad"  # a reform with no cost that tires the organisation
        lines.append(Line(event.title, " · ".join(parts), tone, text=event.text.strip()))
    return lines


AS_EXPECTED = 0.05
"""An outcome within this share of the card's amount (95–105 %) is "som ventet"."""


def outcome_lines(app: Host, before: GameState, after: GameState) -> list[Line]:
    """The proposals whose hidden factor became known when ``before``'s year closed: the
    failures first, then by how far the amount differs from the card's, largest first."""
    year_index = before.round
    year = before.scenario.years[year_index]
    revealed = after.results[-1].revealed if after.results else ()
    found: list[tuple[tuple[bool, float], Line]] = []
    for card in revealed:
        adoption = after.adoption(card)
        proposal = after.deck.proposal(card)
        if adoption is None or not proposal.is_uncertain:
            continue  # a certain card (a saving) has nothing to reveal
        start = anchor(proposal, after.scenario)
        face_value = face(proposal, adoption.round, year_index, start)
        real = realised(proposal, adoption, year_index, start)
        # the verdict follows the share shown next to it ("108 % af det forventede" is better
        # than expected, also when the amounts round alike); a few per cent either way is
        # as expected, as the printed die's middle faces are
        # … but in a year that was missed, a card that gave less than its amount says so,
        # with the decimals that show it: a year lost by 0,001 mio. kr. said "som ventet ·
        # faktisk 0,5 · 100 %" of the card whose 0,9987 lost it
        missed = bool(after.results) and not after.results[-1].met
        slight = missed and 1 - AS_EXPECTED < adoption.factor < 1
        if adoption.factor <= 0:
            verdict, tone = app.t("year.failed"), "bad"
        elif adoption.factor >= 1 + AS_EXPECTED:
            verdict, tone = app.t("year.better"), "good"
        elif adoption.factor <= 1 - AS_EXPECTED:
            verdict, tone = app.t("year.worse"), "bad"
        elif slight:
            verdict, tone = app.t("year.slightly_worse"), "bad"
        else:
            verdict, tone = app.t("year.as_expected"), "neutral"
        # with the decimals it takes for a better or worse amount to look it ("0,5 → 0,54")
        if tone == "good":
            places = pair_decimals(face_value, real, met=False)
        elif tone == "bad":
            places = pair_decimals(real, face_value, met=False)
        else:
            places = pair_decimals(face_value, real, met=True)
        shown_face = format_amount(face_value, app.lang, places)
        shown_real = format_amount(real, app.lang, places)
        # … and as many as it takes for the two amounts to give the share shown beside them
        # ("ventet 0,5, faktisk 0,585 … 117 %", not "faktisk 0,6", which reads as 120 %)
        percent = format_factor(adoption.factor, app.lang)
        whole = percent == format_percent(adoption.factor, app.lang)
        if adoption.factor > 0 and face_value > 0 and whole:
            shown_real = format_share_of(real, face_value, adoption.factor, app.lang, places)
        detail = app.t(
            "year.face_vs_real",
            face=shown_face,
            real=f"{shown_real} {app.unit}",
            year=year,
        )
        share = app.t("card.revealed", percent=percent)
        line = Line(f"{proposal.title}: {verdict}", detail, tone, proposal, share)
        found.append(((adoption.factor > 0, -abs(real - face_value)), line))
    # the failures first, then the biggest surprises: a panel that cannot show them all ("+2
    # mere") must not hide the ones that matter behind the ones that went as hoped
    return [line for _, line in sorted(found, key=lambda pair: pair[0])]


def fatigue_lines(app: Host, after: GameState, index: int) -> tuple[str, ...]:
    """What the year reveal says about træthed for the year ``index`` closed in ``after``."""
    years = fatigue_years(after)
    if index >= len(years):
        return ()
    year = years[index]
    if not year.turn:  # the game's last year: no turn of the year follows
        lines = [app.t("year.fatigue_last", peak=year.peak)]
    else:
        lines = [app.t("year.fatigue", peak=year.peak, recovery=year.recovery, end=year.end)]
    if year.lift and year.turn:  # a part of the recovery, which the last year has none of
        lines.append(app.t("year.fatigue_lift", lift=year.lift))
    if not after.finished:
        change = after.fatigue - year.end
        if change:
            lines.append(app.t("year.fatigue_events", change=signed(change)))
        next_year = after.scenario.years[after.round]
        lines.append(
            app.t(
                "year.fatigue_next",
                year=next_year,
                lost=after.lost_capacity,
                capacity=after.capacity,
            )
        )
    return tuple(lines)


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
        fatigue=fatigue_lines(app, after, index),
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


def _line_parts(app: Host, width: int, line: Line) -> tuple[int, int, int]:
    """The heights of a line's title (bold, wrapped), detail and text in ``width`` pixels."""
    sc = app.scale
    title = app.text.fit(line.title, width, 100_000, sc.body, sc.min_text, FONT_BOLD).height
    detail = app.text.fit(line.detail, width, 100_000, sc.min_text, sc.min_text).height
    text = app.text.fit(line.text, width, 100_000, sc.min_text, sc.min_text).height
    return title, detail, text if line.text else 0


def _text_width(app: Host, inner_width: int, line: Line) -> int:
    """The width of a line's title, detail and text in a panel ``inner_width`` wide inside:
    what the marks before them (kind and tone, or tone alone) leave, as ``draw_lines`` draws
    them."""
    sc = app.scale
    g = sc.gap
    marks = sc.body + (g // 2 + sc.body * 2 // 3 if line.proposal is not None else 0)
    return inner_width - marks - g


def _head_height(app: Host, inner_width: int, line: Line) -> int:
    """The height of a line's title and detail, and the gap after it, in a panel
    ``inner_width`` wide inside."""
    title_h, detail_h, _ = _line_parts(app, _text_width(app, inner_width, line), line)
    return title_h + detail_h + app.scale.gap


def _lines_shown(heads: list[int], room: int, more_h: int, gap: int) -> int:
    """How many lines a panel shows when each takes ``heads`` (its title, detail and gap) and
    the lines have ``room`` pixels: the first always, the others while their titles and
    details fit, leaving ``more_h`` for the "+2 mere" row when some are left out. Their texts
    get what is left, so a long text never pushes the next line's title out."""
    if sum(heads) - gap <= room:
        return len(heads)
    used = 0
    for number, head in enumerate(heads):
        if number and used + head - gap > room - more_h:
            return number
        used += head
    return len(heads)


def needed_height(
    app: Host, width: int, lines: list[Line], empty: str = "", *, texts: bool = True
) -> int:
    """The height a reveal section of ``lines`` needs in a panel ``width`` wide, every title,
    detail and (with ``texts``) text in full; without lines, the height of its ``empty`` text
    (at least one line)."""
    sc = app.scale
    g = sc.gap
    inner = width - 2 * g
    head = round(sc.heading * 1.35) + g // 2
    if not lines:
        said = app.text.fit(empty, inner, 100_000, sc.body, sc.body).height if empty else 0
        return 2 * g + head + max(line_height(app, sc.body), said)
    parts = [_line_parts(app, _text_width(app, inner, line), line) for line in lines]
    return 2 * g + head + sum(sum(p if texts else p[:2]) + g for p in parts)


def draw_lines(
    app: Host,
    surface: pygame.Surface,
    rect: pygame.Rect,
    heading: str,
    lines: list[Line],
    empty: str,
) -> bool:
    """A titled panel listing ``lines`` (each a marked title, a detail line and its text, as
    much of it as the panel holds: the sections are sized by what they need). True when
    something was left out (lines under "+1 mere", or a text cut short): ``lines_text``
    says it all."""
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
        return False
    size = sc.body
    cut = False
    tiny_h = line_height(app, sc.min_text)
    more_h = tiny_h + 2  # the "+1 mere" row: a whole line of its own
    heads = [_head_height(app, inner.width, line) for line in lines]
    shown = _lines_shown(heads, inner.bottom - y, more_h, g)
    bottom = inner.bottom - (more_h if shown < len(lines) else 0)
    for number, line in enumerate(lines[:shown]):
        mark = pygame.Rect(inner.x, y + (line_height(app, size, FONT_BOLD) - size) // 2, size, size)
        tone = pygame.Rect(mark.right + g // 2, mark.y + size // 6, size * 2 // 3, size * 2 // 3)
        text_x = (tone.right if line.proposal is not None else mark.right) + g
        width = inner.right - text_x
        if line.proposal is not None:
            kind_icon(surface, line.proposal.kind, mark, theme.kind_color(line.proposal.kind))
            draw_tone_mark(surface, tone, line.tone)
        else:
            draw_tone_mark(surface, mark, line.tone)
        box = pygame.Rect(text_x, y, width, max(1, bottom - y))
        y = app.text.draw(surface, line.title, box, BODY.sized(size).bold().shrink()).bottom
        detail_ink = theme.WARNING if line.tone == "bad" else theme.INK
        box = pygame.Rect(text_x, y, width, max(1, bottom - y))
        y = app.text.draw(surface, line.detail, box, TINY.ink(detail_ink)).bottom
        # a text takes only the room the titles and details of the lines after it leave
        text_bottom = bottom - sum(heads[number + 1 : shown])
        if line.text and text_bottom - y >= tiny_h:  # only whole lines, never over "+1 mere"
            box = pygame.Rect(text_x, y, width, text_bottom - y)
            style = TINY.ink(theme.MUTED)
            cut = cut or app.text.fitted(line.text, box, style, sc).truncated
            y = app.text.draw(surface, line.text, box, style).bottom
        elif line.text:
            cut = True
        y += g
    if shown < len(lines):
        # the lines left out are counted in a row of their own (never over a half-cut line)
        app.text.draw(
            surface,
            app.t("board.more", count=len(lines) - shown),
            pygame.Rect(inner.x, inner.bottom - more_h, inner.width, more_h),
            TINY.ink(theme.MUTED).right(),
        )
        return True
    return cut


def lines_text(lines: list[Line], *, texts: bool = True) -> str:
    """A reveal section's lines in full, as a dialog shows them: title, detail and (with
    ``texts``) the card's text of each, a blank line between them."""
    return "\n\n".join(
        "\n".join(part for part in (line.title, line.detail, line.text if texts else "") if part)
        for line in lines
    )


def chart_values(state: GameState, *, new_events: bool = True) -> list[float]:
    """Råderum per year as the chart shows it: final results for closed years, what the group
    planned on (unrevealed factors at face value) for the open ones; without ``new_events``,
    the open years as they stood before the events drawn for the new round (the year screen
    shows those events before the chart counts them)."""
    if not new_events:
        earlier = tuple(e for e in state.events if e.round < state.round)
        state = replace(state, events=earlier)
    planned = raaderum(state, visible=True)
    return [r.raaderum for r in state.results] + list(planned[len(state.results) :])
