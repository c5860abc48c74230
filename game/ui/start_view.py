"""The lists of the start screen: the scenarios, the chosen one's briefing (or the loaded
deck's problems) and the saved games to continue."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pygame

from game.engine import Scenario
from game.numbers import format_amount
from game.ui import theme
from game.ui.draw import panel
from game.ui.layout_screens import StartLayout
from game.ui.scene import Host
from game.ui.theme import BODY, FONT_BOLD, HEADING, TINY


def format_time(iso: str, lang: str) -> str:
    """An ISO 8601 time as the people in the room write it: "26.11.2026 kl. 09:41"."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso[:16].replace("T", " ")
    return moment.strftime("%d.%m.%Y kl. %H:%M" if lang == "da" else "%Y-%m-%d %H:%M")


def draw_scenarios(
    app: Host,
    surface: pygame.Surface,
    layout: StartLayout,
    scenarios: tuple[Scenario, ...],
    chosen_index: int,
) -> None:
    """The scenarios to choose from, the chosen one filled with the accent colour."""
    text, scale = app.text, app.scale
    for i, (rect, scenario) in enumerate(zip(layout.scenarios, scenarios)):
        chosen = i == chosen_index
        panel(
            surface,
            rect,
            scale.radius,
            theme.ACCENT if chosen else theme.CARD,
            shadow=False,
            border=None if chosen else theme.FAINT,
            width=1,
        )
        ink = theme.HEADER_INK if chosen else theme.INK
        years = app.t(
            "start.years",
            first=scenario.years[0],
            last=scenario.years[-1],
            rounds=scenario.rounds,
        )
        inner = rect.inflate(-2 * scale.gap, 0)
        text.draw(surface, scenario.title, inner, BODY.bold().ink(ink).middle().lines(1).shrink())
        width = text.width(years, scale.min_text)
        if inner.width > width * 2.4:
            text.draw(surface, years, inner, TINY.ink(ink).right().middle().lines(1))


def draw_resumes(app: Host, surface: pygame.Surface, layout: StartLayout, saves: list[Any]) -> None:
    """The saved games to continue (or that there are none yet)."""
    text, scale = app.text, app.scale
    if not saves:
        rect = pygame.Rect(
            layout.resume_label.x,
            layout.resume_label.bottom,
            layout.resume_label.width,
            layout.resume_label.height,
        )
        text.draw(surface, app.t("start.resume_none"), rect, TINY.ink(theme.MUTED).lines(1))
    for rect, info in zip(layout.resumes, saves):
        panel(surface, rect, scale.radius, theme.CARD, shadow=False, border=theme.FAINT, width=1)
        label = app.t(
            "start.resume_item",
            date=format_time(info.updated, app.lang),
            scenario=info.scenario_title,
            round=min(info.round + 1, info.rounds),
            rounds=info.rounds,
        )
        text.draw(surface, label, rect.inflate(-2 * scale.gap, 0), TINY.middle().lines(1))


def draw_briefing(
    app: Host, surface: pygame.Surface, rect: pygame.Rect, scenario: Scenario, problems: list[str]
) -> None:
    """The chosen scenario: title, years and targets, briefing; or a deck's problems."""
    scale = app.scale
    panel(surface, rect, scale.radius, theme.PANEL)
    inner = rect.inflate(-3 * scale.gap, -3 * scale.gap)
    head_h = round(scale.heading * 1.4)
    if problems:  # a deck author's view: every FILE:LINE problem
        app.text.draw(surface, "\n".join(problems), inner, BODY.ink(theme.WARNING).shrink())
        return
    app.text.draw(
        surface,
        scenario.title,
        pygame.Rect(inner.x, inner.y, inner.width, head_h * 2),
        HEADING.lines(2).shrink(),
    )
    fitted = app.text.fit(
        scenario.title, inner.width, head_h * 2, scale.heading, scale.min_text, FONT_BOLD, 2
    )
    y = inner.y + fitted.height + scale.gap
    targets = "/".join(format_amount(t, app.lang) for t in sorted(set(scenario.target)))
    years = app.t(
        "start.years",
        first=scenario.years[0],
        last=scenario.years[-1],
        rounds=scenario.rounds,
    )
    facts = f"{years} · {app.t('board.target', amount=app.t('amount', amount=targets))}"
    app.text.draw(
        surface,
        facts,
        pygame.Rect(inner.x, y, inner.width, round(scale.body * 1.4)),
        BODY.ink(theme.MUTED).lines(1).shrink(),
    )
    y += round(scale.body * 1.6)
    app.text.draw(
        surface,
        scenario.briefing,
        pygame.Rect(inner.x, y, inner.width, inner.bottom - y),
        BODY.shrink(),
    )
