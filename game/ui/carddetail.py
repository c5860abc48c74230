"""The facts of a proposal on the card view: its effect per year and the words around it."""

from __future__ import annotations

import pygame

from game.engine import realised
from game.numbers import format_amount, format_percent
from game.ui import theme
from game.ui.cards import effect_from, factor_range
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
        label = "–" if i < start else app.amount(value, sign=True, unit=False)
        color = theme.GAP if value < 0 else theme.INK
        app.text.draw(
            surface, label, cell2, BODY.sized(size).bold().ink(color).center().middle().lines(1)
        )
        if adoption is not None and adoption.revealed and i >= start:
            cell3 = cell2.move(0, round(row_h))
            real = realised(proposal, adoption, i)
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


def draw_facts(
    app: Host, surface: pygame.Surface, layout: DetailLayout, scale: Scale, card: str
) -> None:
    """The uncertainty in words, load, service and staff, what it excludes, when it was
    adopted, and the chance of the target with it."""
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
            lines.append(
                (
                    app.t(
                        "card.range",
                        low=format_amount(values[best] * low, app.lang),
                        high=format_amount(values[best] * high, app.lang),
                        year=state.scenario.years[best],
                    ),
                    theme.INK,
                )
            )
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
                    app.t("card.revealed", percent=format_percent(adoption.factor, app.lang)),
                    theme.BLUE,
                )
            )
    else:
        lines.append((app.t("card.certain"), theme.INK))
    service = format_amount(proposal.service, app.lang, sign=True)
    meta = f"{app.t('card.load', load=proposal.load)} · {app.t('card.service', service=service)}"
    if proposal.staff is not None:
        meta += " · " + app.t(
            "card.staff", staff=format_amount(proposal.staff, app.lang, sign=True)
        )
    lines.append((meta, theme.INK))
    if proposal.excludes:
        titles = ", ".join(
            state.deck.proposal(c).title for c in proposal.excludes if state.deck.has_proposal(c)
        )
        lines.append((app.t("card.excludes", titles=titles), theme.MUTED))
    if adoption is not None:
        lines.append((app.t("card.adopted", year=state.scenario.years[adoption.round]), theme.MET))
    elif not state.finished and card in state.market:
        board = app.find("board")
        if board is not None:
            base = board.risk.get(state, None).probability
            chance = board.risk.get(state, card).probability
            text = app.t(
                "card.risk",
                base=format_percent(base, app.lang),
                percent=format_percent(chance, app.lang),
            )
            lines.insert(0, (text, theme.MET if chance >= 0.5 else theme.GAP))
    rect = layout.facts
    share = rect.height // max(1, len(lines))
    for i, (line, color) in enumerate(lines):
        app.text.draw(
            surface,
            line,
            pygame.Rect(rect.x, rect.y + i * share, rect.width, share),
            BODY.ink(color).shrink(),
        )
