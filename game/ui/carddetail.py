"""The facts of a proposal on the card view: its effect per year and the words around it."""

from __future__ import annotations

import pygame

from game import engine
from game.engine import (
    PERCEIVED_FATIGUE,
    anchor,
    missing_requirements,
    perceived_as_saving,
    realised,
)
from game.numbers import format_amount, format_factor, format_percent, quoted
from game.ui import theme
from game.ui.cards import effect_from, factor_range, load_and_fatigue, signed
from game.ui.draw import effect_bars
from game.ui.layout_screens import DetailLayout
from game.ui.scene import Host
from game.ui.theme import BODY, Scale


def draw_effect_table(
    app: Host, surface: pygame.Surface, layout: DetailLayout, scale: Scale, card: str
) -> None:
    """The effect per budget year: at face value from now, and what it really gave once
    adopted."""
    state = app.game.state
    proposal = app.game.deck.proposal(card)
    adoption = state.adoption(card)
    start = adoption.round if adoption is not None else state.round
    years = state.scenario.years
    values = effect_from(proposal, state, start)
    rect = layout.table
    head_h = round(scale.body * 1.4)
    app.text.draw(
        surface,
        app.t("card.effect"),
        pygame.Rect(rect.x, rect.y, rect.width, head_h),
        BODY.bold().lines(1),
    )
    body = pygame.Rect(rect.x, rect.y + head_h, rect.width, rect.height - head_h)
    n = len(years)
    col_w = body.width / n
    rows = 2 if adoption is None or not adoption.revealed else 3
    row_h = min(body.height / rows, scale.body * 2.2)
    size = scale.min_text if col_w < scale.body * 3 else scale.body
    low, high = factor_range(proposal)
    for i, year in enumerate(years):
        x = round(body.x + i * col_w)
        cell = pygame.Rect(x, body.y, round(col_w) - 2, round(row_h))
        shade = theme.CURRENT if i == state.round else theme.PANEL
        pygame.draw.rect(surface, shade, cell)
        app.text.draw(
            surface,
            year,
            cell,
            BODY.sized(size).bold().ink(theme.MUTED).center().middle().lines(1),
        )
        value = values[i]
        cell2 = cell.move(0, round(row_h))
        label = "–" if i < start else app.amount(value, sign=True, unit=False, exact=True)
        color = theme.GAP if value < 0 else theme.INK
        app.text.draw(
            surface, label, cell2, BODY.sized(size).bold().ink(color).center().middle().lines(1)
        )
        if adoption is not None and adoption.revealed and i >= start:
            cell3 = cell2.move(0, round(row_h))
            real = realised(proposal, adoption, i, anchor(proposal, state.scenario))
            app.text.draw(
                surface,
                app.amount(real, sign=True, unit=False),
                cell3,
                BODY.sized(size).ink(theme.BLUE).center().middle().lines(1),
            )
    chart_top = body.y + round(row_h) * rows + scale.gap
    chart = pygame.Rect(body.x, chart_top, body.width, body.bottom - chart_top)
    if chart.height > scale.body * 2:
        shown = [v if i >= start else 0.0 for i, v in enumerate(values)]
        lows = highs = None
        if proposal.is_uncertain:
            lows = [v * low if v > 0 else v for v in shown]
            highs = [v * high if v > 0 else v for v in shown]
        effect_bars(
            surface,
            chart.inflate(-round(col_w * 0.2), 0),
            shown,
            max([abs(v) for v in shown] + (highs or []) + [1.0]),
            theme.kind_color(proposal.kind),
            low=lows,
            high=highs,
            range_color=theme.KIND_TINTS[proposal.kind],
        )


def rule_lines(app: Host, card: str) -> list[str]:
    """What the rules say about a card, in words: its belastning, træthed, service and staff
    in one line; that an efficiency on a welfare area is seen as a saving; what it requires
    (unless it still waits for it: the card's refusal says so); the anlæg it draws from the
    anlægsramme."""
    state = app.game.state
    proposal = app.game.deck.proposal(card)
    load, fatigue = load_and_fatigue(app, proposal)
    service = app.t("card.service", service=signed(proposal.service))
    parts = [load, fatigue, service]
    if proposal.staff is not None:
        staff = format_amount(proposal.staff, app.lang, sign=True)
        parts.append(app.t("card.staff", staff=staff))
    lines = [" · ".join(parts)]
    if perceived_as_saving(proposal):
        lines.append(app.t("card.perceived", extra=PERCEIVED_FATIGUE))
    waiting = missing_requirements(state, proposal) and state.adoption(card) is None
    if proposal.requires and not waiting:  # while it waits, the refusal below says it
        deck = state.deck
        titles = app.catalogue.join(
            [
                quoted(deck.proposal(c).title, app.lang)
                for c in proposal.requires
                if deck.has_proposal(c)
            ]
        )
        lines.append(app.t("card.requires", titles=titles))
    if proposal.construction > 0:
        amount = app.amount(proposal.construction)
        free = state.scenario.construction_budget is None
        lines.append(
            app.t("card.construction_free" if free else "card.construction", amount=amount)
        )
    return lines


def draw_facts(
    app: Host, surface: pygame.Surface, layout: DetailLayout, scale: Scale, card: str
) -> None:
    """The uncertainty in words, load, service and staff, what it excludes, when it was
    adopted, and the chance of the target with it (``fact_lines``)."""
    draw_lines(app, surface, layout.facts, scale, fact_lines(app, card))


def facts_height(app: Host, width: int, scale: Scale, card: str) -> int:
    """The height ``fact_lines`` need at the smallest text size, wrapped to ``width``."""
    size = scale.min_text
    return sum(app.text.fit(t, width, 100_000, size, size).height for t, _ in fact_lines(app, card))


def _apart(low: float, high: float, lang: str) -> tuple[str, str]:
    """``low`` and ``high`` as the card writes amounts, with as many decimals (up to three)
    as it takes to tell them apart: a saving of 0,6 with a small uncertainty read "mellem
    0,6 og 0,6"."""
    said = format_amount(low, lang), format_amount(high, lang)
    for decimals in (2, 3):
        if said[0] != said[1] or low == high:
            break
        said = format_amount(low, lang, decimals), format_amount(high, lang, decimals)
    return said


def fact_lines(app: Host, card: str) -> list[tuple[str, theme.Color]]:
    """The facts of ``draw_facts`` as (line, colour), the chance of the target first."""
    state = app.game.state
    proposal = app.game.deck.proposal(card)
    lines: list[tuple[str, theme.Color]] = []
    adoption = state.adoption(card)
    if proposal.is_uncertain:
        low, high = factor_range(proposal)
        start = adoption.round if adoption is not None else state.round
        values = effect_from(proposal, state, start)
        best = max(range(len(values)), key=lambda i: values[i])
        if values[best] > 0:
            least, most = _apart(values[best] * low, values[best] * high, app.lang)
            year = state.scenario.years[best]
            lines.append((app.t("card.range", low=least, high=most, year=year), theme.INK))
        if proposal.failure > 0:
            lines.append(
                (
                    app.t("card.failure", percent=format_percent(proposal.failure, app.lang)),
                    theme.INK,
                )
            )
        if adoption is not None and adoption.revealed:
            lines.append(
                (
                    app.t("card.revealed", percent=format_factor(adoption.factor, app.lang)),
                    theme.BLUE,
                )
            )
    else:
        lines.append((app.t("card.certain"), theme.INK))
    lines.extend((line, theme.INK) for line in rule_lines(app, card))
    if proposal.excludes:
        titles = ", ".join(
            state.deck.proposal(c).title for c in proposal.excludes if state.deck.has_proposal(c)
        )
        lines.append((app.t("card.excludes", titles=titles), theme.MUTED))
    if adoption is not None:
        lines.append((app.t("card.adopted", year=state.scenario.years[adoption.round]), theme.MET))
    elif not state.finished and card in state.market:
        board = app.find("board")
        missed = engine.verdict(state).missed_years
        if missed:
            # a year already missed: "0 % med dette forslag (0 % uden)" on every card said
            # nothing; the card still counts for the years left, and the debrief shows how
            text = app.t("card.risk_lost", year=missed[0])
            lines.insert(0, (text, theme.GAP))
        elif board is not None:
            base = board.risk.get(state, None).probability
            chance = board.risk.get(state, card).probability
            text = app.t(
                "card.risk",
                base=format_percent(base, app.lang),
                percent=format_percent(chance, app.lang),
            )
            lines.insert(0, (text, theme.MET if chance >= 0.5 else theme.GAP))
    return lines


def draw_lines(
    app: Host,
    surface: pygame.Surface,
    rect: pygame.Rect,
    scale: Scale,
    lines: list[tuple[str, theme.Color]],
) -> None:
    """``lines`` one under another in ``rect``, each wrapped in full: at the reading size when
    they all fit, else all a little smaller together, down to the smallest text."""
    size = scale.body
    while size > scale.min_text:
        height = sum(app.text.fit(t, rect.width, 100_000, size, size).height for t, _ in lines)
        if height <= rect.height:
            break
        size -= 1
    y = rect.y
    for line, color in lines:
        box = pygame.Rect(rect.x, y, rect.width, max(1, rect.bottom - y))
        y = app.text.draw(surface, line, box, BODY.sized(size).ink(color)).bottom
