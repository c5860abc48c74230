"""Proposal cards as the board shows them: small market cards and the facts behind them."""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import TYPE_CHECKING

import pygame

from game.engine import Adopt, GameState, IllegalAction, Kind, Proposal, check, lognormal_params
from game.ui import theme
from game.ui.draw import drop_shadow, effect_bars, kind_icon
from game.ui.layout import card_layout
from game.ui.theme import BODY, FONT_BOLD

if TYPE_CHECKING:
    from game.ui.scene import Host

Z90 = NormalDist().inv_cdf(0.9)


def effect_from(proposal: Proposal, state: GameState, start: int | None = None) -> list[float]:
    """Face-value amounts of ``proposal`` in each budget year, adopted in round ``start``
    (default: the current round); years before adoption are 0."""
    start = state.round if start is None else start
    return [
        proposal.amount(year - start) if year >= start else 0.0
        for year in range(state.scenario.rounds)
    ]


def factor_range(proposal: Proposal) -> tuple[float, float]:
    """The 10–90 % range of a proposal's hidden factor (failure counts as factor 0)."""
    mu, sigma = lognormal_params(proposal.uncertainty)

    def quantile(q: float) -> float:
        if q <= proposal.failure:
            return 0.0
        inner = (q - proposal.failure) / max(1e-9, 1.0 - proposal.failure)
        inner = min(max(inner, 1e-9), 1 - 1e-9)
        return math.exp(mu + sigma * NormalDist().inv_cdf(inner))

    return quantile(0.1), quantile(0.9)


def refusal(state: GameState, card: str) -> IllegalAction | None:
    """Why ``card`` cannot be adopted now, or None when it can."""
    return check(state, Adopt(card))


def kind_word(app: Host, kind: Kind) -> str:
    """The kind's name in the UI language ("Besparelse")."""
    return app.t(f"kind.{kind.value}")


def draw_market_card(
    surface: pygame.Surface,
    app: Host,
    rect: pygame.Rect,
    proposal: Proposal,
    state: GameState,
    number: int,
    *,
    selected: bool,
    min_text: int,
    radius: int,
    hover: bool = False,
) -> None:
    """A proposal on the table: kind band (colour, icon, word, key number), title, area,
    effect per remaining year, uncertainty, load and service; greyed when not adoptable;
    outlined in the accent colour while the mouse is over it."""
    text = app.text
    problem = refusal(state, proposal.id)
    color = theme.kind_color(proposal.kind)
    parts = card_layout(rect, min_text)
    if selected:
        lifted = rect.inflate(radius // 2, radius // 2)
        pygame.draw.rect(surface, theme.SELECTED, lifted.move(0, radius // 3), border_radius=radius)
        pygame.draw.rect(surface, theme.CARD, rect, border_radius=radius)
        pygame.draw.rect(surface, theme.SELECTED, lifted, max(3, radius // 2), border_radius=radius)
    else:
        drop_shadow(surface, rect, radius, max(2, radius // 3))
        pygame.draw.rect(surface, theme.CARD, rect, border_radius=radius)
    band_color = color if problem is None else theme.mix(color, theme.DISABLED, 0.6)
    pygame.draw.rect(
        surface,
        band_color,
        parts.band,
        border_top_left_radius=radius,
        border_top_right_radius=radius,
    )
    icon_bg = parts.icon.inflate(2, 2)
    pygame.draw.ellipse(surface, theme.CARD, icon_bg)
    kind_icon(
        surface,
        proposal.kind,
        parts.icon.inflate(-parts.icon.width // 5, -parts.icon.height // 5),
        band_color,
    )
    band_ink = theme.HEADER_INK if proposal.kind is not Kind.SAVING else theme.INK
    word = kind_word(app, proposal.kind)
    if text.width(word, min_text, FONT_BOLD) > parts.kind.width:
        word = app.t(f"kind_short.{proposal.kind.value}")
    text.draw(
        surface, word, parts.kind, BODY.sized(min_text).bold().ink(band_ink).middle().lines(1)
    )
    pygame.draw.circle(
        surface,
        theme.CARD,
        parts.number.center,
        min(parts.number.width, parts.number.height) // 2 - 1,
    )
    text.draw(
        surface, str(number), parts.number, BODY.sized(min_text).bold().center().middle().lines(1)
    )
    ink = theme.INK if problem is None else theme.MUTED
    title_size = max(min_text, round(min_text * 1.15))
    text.draw(
        surface,
        proposal.title,
        parts.title,
        BODY.sized(title_size).bold().ink(ink).shrink(min_text),
    )
    area_text = proposal.area
    if proposal.is_uncertain:
        tag = app.t("card.uncertain_tag")  # "±": the card view spells the range out
        tag_w = text.width(tag, min_text, FONT_BOLD) + min_text // 2
        tag_rect = pygame.Rect(parts.area.right - tag_w, parts.area.y, tag_w, parts.area.height)
        pygame.draw.rect(
            surface, theme.KIND_TINTS[Kind.EFFICIENCY], tag_rect, border_radius=radius // 2
        )
        text.draw(surface, tag, tag_rect, BODY.sized(min_text).bold().center().middle().lines(1))
        area_rect = pygame.Rect(
            parts.area.x, parts.area.y, max(1, tag_rect.x - parts.area.x - 4), parts.area.height
        )
    else:
        area_rect = parts.area
    text.draw(
        surface, area_text, area_rect, BODY.sized(min_text).ink(theme.MUTED).middle().lines(1)
    )
    draw_effect_strip(surface, app, parts.effect, proposal, state, min_text)
    load = app.t("card.load_short", load=proposal.load)
    service = app.t("card.service_short", service=_signed(proposal.service))
    footer = f"{load} · {service}" if problem is None else app.t(f"card.short.{problem.code}")
    text.draw(
        surface,
        footer,
        parts.footer,
        BODY.sized(min_text)
        .bold(problem is not None)
        .ink(ink if problem is None else theme.WARNING)
        .middle()
        .lines(1),
    )
    if problem is not None:
        veil = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(veil, (*theme.BACKGROUND, 90), veil.get_rect(), border_radius=radius)
        surface.blit(veil, rect.topleft)
    if hover and not selected:
        pygame.draw.rect(surface, theme.ACCENT, rect, max(2, radius // 3), border_radius=radius)


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else ("−" + str(-value) if value < 0 else "0")


def draw_effect_strip(
    surface: pygame.Surface,
    app: Host,
    rect: pygame.Rect,
    proposal: Proposal,
    state: GameState,
    min_text: int,
) -> None:
    """Columns for the years from now on (gains up, costs down, whiskers when uncertain) with
    the amounts under them when there is room."""
    start = state.round if not state.finished else 0
    values = effect_from(proposal, state)[start:]
    if not values:
        return
    low = high = None
    if proposal.is_uncertain:
        f10, f90 = factor_range(proposal)
        low = [v * f10 if v > 0 else v for v in values]
        high = [v * f90 if v > 0 else v for v in values]
    top = max([abs(v) for v in values] + (high or []) + [1.0])
    label_h = round(min_text * 1.3)
    slot_w = rect.width / len(values)
    labels = max(app.text.width(app.amount(v, sign=True, unit=False), min_text) for v in values)
    show_labels = labels <= slot_w - 2 and rect.height > label_h * 1.8
    bars = pygame.Rect(rect.x, rect.y, rect.width, rect.height - (label_h if show_labels else 0))
    slots = effect_bars(
        surface,
        bars,
        values,
        top,
        theme.kind_color(proposal.kind),
        low=low,
        high=high,
        range_color=theme.KIND_TINTS[proposal.kind],
    )
    if show_labels:
        for slot, value in zip(slots, values):
            label = pygame.Rect(slot.x - 2, bars.bottom, slot.width + 4, label_h)
            app.text.draw(
                surface,
                app.amount(value, sign=True, unit=False),
                label,
                BODY.sized(min_text).ink(theme.INK if value >= 0 else theme.GAP).center().lines(1),
            )
