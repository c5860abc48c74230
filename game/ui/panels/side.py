"""The board's right-hand column: this year's events, the meters (capacity, fatigue, service)
and the adopted proposals per year."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.engine import KINDS, Event, GameState, Kind
from game.numbers import format_amount
from game.ui import theme
from game.ui.draw import kind_icon, panel, pips
from game.ui.layout import BoardLayout
from game.ui.panels import Panel
from game.ui.panels.table import BoardTable, empty_line, heading, panel_parts, proposal_line
from game.ui.retained import Same
from game.ui.scene import Host
from game.ui.theme import BODY, FONT_BOLD, TINY


@dataclass(frozen=True)
class EventsView:
    """What the events panel shows: the events of the open year (the last, once over)."""

    events: tuple[Event, ...]


class EventsPanel(Panel[BoardTable, BoardLayout]):
    """This year's events; a click shows them in full ("events")."""

    name = "events"
    View = EventsView

    def rect(self, layout: BoardLayout) -> pygame.Rect:
        return layout.events

    def view(self, table: BoardTable) -> EventsView:
        state = table.state
        round_index = state.round if not state.finished else state.scenario.rounds - 1
        return EventsView(tuple(state.deck.event(e) for e in state.events_in_round(round_index)))

    def hit(self, pos: tuple[int, int], layout: BoardLayout, view: EventsView) -> str | None:
        return "events"

    def paint(self, surface: pygame.Surface, layout: BoardLayout, view: EventsView) -> None:
        app = self.app
        panel(surface, layout.events, layout.radius, theme.EVENT_TINT)
        head, body = panel_parts(layout.events, layout)
        heading(app, surface, app.t("board.events"), head, valign="top")
        if not view.events:
            empty_line(app, surface, app.t("board.events_none"), body)
            return
        share = body.height // len(view.events)
        line_h = round(layout.body * 1.3)
        for i, event in enumerate(view.events):
            box = pygame.Rect(body.x, body.y + i * share, body.width, share)
            effect = event.amount(0)
            amount = app.amount(effect, sign=True)
            amount_w = app.text.width(amount, layout.body, FONT_BOLD) + layout.gap
            title = pygame.Rect(box.x, box.y, box.width - amount_w, line_h)
            app.text.draw(surface, event.title, title, BODY.bold().lines(1).shrink())
            ink = theme.GAP if effect < 0 else theme.MET
            title_row = pygame.Rect(box.x, box.y, box.width, line_h)
            app.text.draw(surface, amount, title_row, BODY.bold().ink(ink).right().lines(1))
            text_rect = pygame.Rect(box.x, box.y + line_h, box.width, box.height - line_h)
            app.text.draw(surface, event.text, text_rect, TINY)


@dataclass(frozen=True)
class PipMeter:
    """A meter drawn as pips: its name, its value in words, filled of total pips, colour."""

    label: str
    value: str
    filled: int
    total: int
    color: theme.Color


def capacity_meter(app: Host, state: GameState) -> PipMeter:
    """Kapacitet: the load left of this year's capacity."""
    value = (
        "–"
        if state.finished
        else app.t("board.capacity_value", left=state.capacity_left, total=state.capacity)
    )
    label = app.t("board.capacity")
    return PipMeter(label, value, state.capacity_left, state.capacity, theme.BLUE)


def fatigue_meter(app: Host, state: GameState) -> PipMeter:
    """Træthed: the organisation's fatigue (six pips, more when it runs higher)."""
    fatigue = state.fatigue
    return PipMeter(app.t("board.fatigue"), str(fatigue), fatigue, max(6, fatigue), theme.ORANGE)


PIP_METERS: tuple[Callable[[Host, GameState], PipMeter], ...] = (capacity_meter, fatigue_meter)
"""The meters drawn as pips, top to bottom; a new meter is one more function here."""


@dataclass(frozen=True)
class MetersView:
    """What the meters panel shows."""

    pips: tuple[PipMeter, ...]
    service: int
    floor: int | None
    """The scenario's service floor (None: none)."""


class MetersPanel(Panel[BoardTable, BoardLayout]):
    """The pip meters and the service level on a scale from −10 to +10."""

    name = "meters"
    View = MetersView

    def rect(self, layout: BoardLayout) -> pygame.Rect:
        return layout.meters

    def view(self, table: BoardTable) -> MetersView:
        state = table.state
        meters = tuple(meter(self.app, state) for meter in PIP_METERS)
        return MetersView(meters, state.service, state.scenario.service_floor)

    def paint(self, surface: pygame.Surface, layout: BoardLayout, view: MetersView) -> None:
        app = self.app
        panel(surface, layout.meters, layout.radius)
        inner = layout.meters.inflate(-2 * layout.gap, -2 * layout.gap)
        row_h = inner.height // (len(view.pips) + 1)
        label_w = round(inner.width * 0.42)
        for i, meter in enumerate(view.pips):
            row = pygame.Rect(inner.x, inner.y + i * row_h, inner.width, row_h)
            self._label(surface, row, label_w, meter.label, meter.value, warn=False)
            pip_h = max(6, row_h // 3)
            pip_row = pygame.Rect(
                row.x + label_w, row.y + (row_h - pip_h) // 2, inner.width - label_w, pip_h
            )
            pips(surface, pip_row, meter.filled, meter.total, meter.color)
        row = pygame.Rect(inner.x, inner.y + len(view.pips) * row_h, inner.width, row_h)
        value = format_amount(view.service, app.lang, sign=True)
        if view.floor is not None:
            floor_text = format_amount(view.floor, app.lang)
            value = f"{value} ({app.t('board.service_floor', floor=floor_text)})"
        below = view.floor is not None and view.service < view.floor
        self._label(surface, row, label_w, app.t("board.service"), value, warn=below)
        scale = pygame.Rect(row.x + label_w, row.y, inner.width - label_w, row_h)
        self._service_scale(surface, scale, view)

    def _label(
        self,
        surface: pygame.Surface,
        row: pygame.Rect,
        width: int,
        label: str,
        value: str,
        *,
        warn: bool,
    ) -> None:
        """A meter's name (bold) over its value (muted, or red when ``warn``)."""
        half = row.height // 2
        name = pygame.Rect(row.x, row.y, width, half)
        self.app.text.draw(surface, label, name, BODY.bold().lines(1).shrink())
        below = pygame.Rect(row.x, row.y + half, width, half)
        ink = theme.GAP if warn else theme.MUTED
        self.app.text.draw(surface, value, below, TINY.ink(ink).lines(1))

    def _service_scale(self, surface: pygame.Surface, rect: pygame.Rect, view: MetersView) -> None:
        """A horizontal scale from −10 to +10 with a marker at the service level and the floor."""
        low, high = -10, 10
        value = max(low, min(high, view.service))
        bar_h = max(6, rect.height // 4)
        bar = pygame.Rect(rect.x, rect.centery - bar_h // 2, rect.width, bar_h)
        pygame.draw.rect(surface, theme.DISABLED, bar, border_radius=bar_h // 2)

        def x_of(v: float) -> int:
            return round(bar.x + (v - low) / (high - low) * bar.width)

        zero = x_of(0)
        vx = x_of(value)
        fill = pygame.Rect(min(zero, vx), bar.y, max(2, abs(vx - zero)), bar_h)
        color = theme.MET if view.service >= 0 else theme.GAP
        pygame.draw.rect(surface, color, fill, border_radius=bar_h // 2)
        pygame.draw.line(surface, theme.INK, (zero, bar.y - 3), (zero, bar.bottom + 3), 2)
        if view.floor is not None:
            fx = x_of(view.floor)
            width = max(2, bar_h // 3)
            pygame.draw.line(surface, theme.GAP, (fx, rect.y + 2), (fx, rect.bottom - 2), width)
        pygame.draw.circle(surface, theme.INK, (vx, bar.centery), bar_h)


def note_mark(surface: pygame.Surface, rect: pygame.Rect) -> None:
    """A small speech bubble: this adoption carries the group's note."""
    body = pygame.Rect(rect.x, rect.y, rect.width, max(2, rect.height * 3 // 4))
    pygame.draw.rect(surface, theme.MUTED, body, border_radius=max(1, rect.height // 4))
    tail = [
        (body.x + body.width // 4, body.bottom - 1),
        (body.x + body.width // 4, rect.bottom),
        (body.x + body.width // 2, body.bottom - 1),
    ]
    pygame.draw.polygon(surface, theme.MUTED, tail)
    for k in (1, 2, 3):
        x = body.x + body.width * k // 4
        pygame.draw.circle(surface, theme.CARD, (x, body.centery), max(1, body.height // 7))


@dataclass(frozen=True)
class AdoptedView:
    """What the adopted panel shows."""

    state: Same
    """The game state (the adoptions per year, their notes, the kinds the scenario needs)."""
    flash: tuple[tuple[str, float], ...]
    """Newly adopted cards and how much of their highlight is left (1 → 0)."""


class AdoptedPanel(Panel[BoardTable, BoardLayout]):
    """ "Vedtaget": the adopted proposals per year and the count of each kind; a click on a
    proposal opens it ("adopted:<id>")."""

    name = "adopted"
    View = AdoptedView

    def rect(self, layout: BoardLayout) -> pygame.Rect:
        return layout.adopted

    def view(self, table: BoardTable) -> AdoptedView:
        return AdoptedView(table.same_state, table.flash)

    def hit(self, pos: tuple[int, int], layout: BoardLayout, view: AdoptedView) -> str | None:
        for rect, _, card in self.rows(layout, view.state.item):
            if card is not None and rect.collidepoint(pos):
                return f"adopted:{card}"
        return None

    def paint(self, surface: pygame.Surface, layout: BoardLayout, view: AdoptedView) -> None:
        app = self.app
        state: GameState = view.state.item
        panel(surface, layout.adopted, layout.radius)
        head, body = panel_parts(layout.adopted, layout)
        counts_w = self._kind_counts(surface, layout, state)
        title = f"{app.t('board.adopted')} ({len(state.adopted)})"
        head.width -= counts_w
        heading(app, surface, title, head, valign="top")
        if not state.adopted:
            empty_line(app, surface, app.t("board.adopted_none"), body)
            return
        line_h = round(layout.min_text * 1.3)
        glows = dict(view.flash)
        for row, label, card in self.rows(layout, state):
            if card is None:
                app.text.draw(surface, label, row, TINY.bold().ink(theme.MUTED).middle().lines(1))
                continue
            proposal = state.deck.proposal(card)
            glow = glows.get(card, 0.0)
            if glow > 0:
                tint = theme.mix(theme.PANEL, theme.KIND_TINTS[proposal.kind], glow)
                pygame.draw.rect(surface, tint, row.inflate(layout.gap, 2), border_radius=4)
            adoption = state.adoption(card)
            note_w = line_h if adoption is not None and adoption.note else 0
            proposal_line(app, surface, layout, row, proposal, note_w)
            if note_w:
                mark = pygame.Rect(row.right - note_w, row.y + 3, note_w - 2, line_h - 6)
                note_mark(surface, mark)

    def kind_slots(self, layout: BoardLayout) -> list[tuple[Kind, pygame.Rect, pygame.Rect]]:
        """Where the heading shows each kind: (kind, icon rect, number rect)."""
        head, _ = panel_parts(layout.adopted, layout)
        icon_s = round(layout.min_text * 1.1)
        slot = icon_s + round(layout.min_text * 1.6)
        x = head.right - slot * len(KINDS)
        y = head.y + (head.height - icon_s) // 2
        slots = []
        for i, kind in enumerate(KINDS):
            left = x + i * slot
            icon = pygame.Rect(left, y, icon_s, icon_s)
            number = pygame.Rect(left + icon_s + 2, head.y, slot - icon_s - 2, head.height)
            slots.append((kind, icon, number))
        return slots

    def _kind_counts(self, surface: pygame.Surface, layout: BoardLayout, state: GameState) -> int:
        """How many of each kind are adopted, right-aligned in the heading: the kind's icon and
        a number; a kind the scenario still needs is greyed with a red 0. Returns the width."""
        slots = self.kind_slots(layout)
        for kind, icon, number in slots:
            count = sum(1 for a in state.adopted if state.deck.proposal(a.card).kind is kind)
            missing = count == 0 and state.scenario.require_all_kinds
            kind_icon(surface, kind, icon, theme.DISABLED if missing else theme.kind_color(kind))
            ink = theme.GAP if missing else theme.INK
            self.app.text.draw(surface, str(count), number, TINY.bold().ink(ink).middle().lines(1))
        return slots[-1][2].right - slots[0][1].x

    def rows(
        self, layout: BoardLayout, state: GameState
    ) -> list[tuple[pygame.Rect, str, str | None]]:
        """The rows: (rect, year label, None) or (rect, "", card id). When they do not all fit,
        the most recent are shown under a "+N mere" line."""
        _, body = panel_parts(layout.adopted, layout)
        line_h = round(layout.min_text * 1.3)
        capacity = max(1, body.height // line_h)
        lines: list[tuple[str, str | None]] = []
        for round_index, year in enumerate(state.scenario.years):
            cards = [a.card for a in state.adopted if a.round == round_index]
            if cards:
                lines.append((year, None))
                lines.extend(("", card) for card in cards)
        if len(lines) > capacity:
            hidden = sum(1 for _, card in lines[: len(lines) - capacity + 1] if card)
            lines = [(self.app.t("board.more", count=hidden), None), *lines[-(capacity - 1) :]]
        return [
            (pygame.Rect(body.x, body.y + i * line_h, body.width, line_h), label, card)
            for i, (label, card) in enumerate(lines)
        ]
