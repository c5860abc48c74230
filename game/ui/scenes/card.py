"""A proposal up close: its text, the effect per year, the uncertainty in words, source,
discussion question, staff change, and "Vedtag"/"Luk" (plus the group's "hvorfor?" note)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.engine import Adopt, Annotate, realised
from game.numbers import format_amount, format_percent
from game.ui import theme
from game.ui.cards import effect_from, factor_range, kind_word, refusal
from game.ui.dialog import dim
from game.ui.draw import button, effect_bars, kind_icon, panel
from game.ui.layout_screens import DetailLayout, detail_layout
from game.ui.scene import Scene, ctrl_held, is_activation, is_key
from game.ui.textfield import TextField
from game.ui.theme import BODY, HEADING, TINY, TITLE, Scale

if TYPE_CHECKING:
    from game.ui.scene import Host


class CardScene(Scene):
    """The card view over the dimmed board. Enter adopts, Esc closes."""

    name = "card"
    is_overlay = True

    def __init__(self, app: Host, card: str) -> None:
        super().__init__(app)
        self.card = card
        self.proposal = app.game.deck.proposal(card)
        adoption = app.game.state.adoption(card)
        self.note = TextField(
            self.layout().note,
            app.fonts.get("regular", Scale(app.size[1]).body),
            text=adoption.note if adoption else "",
            placeholder=app.t("card.note_placeholder"),
        )
        """The group's "hvorfor?": sent with the adoption, or saved later with Annotate."""

    def _sync_note(self, layout: DetailLayout) -> None:
        """Keep the note field's rectangle and font in step with the window size."""
        self.note.set_rect(layout.note)
        self.note.font = self.app.fonts.get("regular", Scale(self.app.size[1]).body)

    @property
    def wants_text_input(self) -> bool:  # type: ignore[override]
        """True while the note field has the focus (keys type text, not shortcuts)."""
        return self.note.focused

    def layout(self) -> DetailLayout:
        """The card view's rectangles."""
        width, height = self.app.size
        return detail_layout(width, height)

    def note_text(self) -> str:
        """The note typed so far."""
        return self.note.text

    def close(self) -> None:
        """Back to the board."""
        if self.app.top is self:
            self.note.blur()
            self.app.pop()

    def adopt(self) -> None:
        """Adopt the card (with the note) and close; a refusal shows its reason."""
        if self.app.game.state.adoption(self.card) is not None:
            self.save_note()
            return
        if self.app.game.do(Adopt(self.card, self.note_text())):
            board = self.app.find("board")
            if board is not None:
                board.selected = None
            self.close()

    def save_note(self) -> None:
        """Write the note of an adopted card (Annotate)."""
        adoption = self.app.game.state.adoption(self.card)
        if adoption is None or adoption.note == self.note_text():
            return
        if self.app.game.do(Annotate(self.card, self.note_text())):
            self.app.toast("toast.saved_note")

    def handle(self, event: pygame.event.Event) -> None:
        """Note field first (it takes clicks on it and every key while focused), then
        Enter (adopt), Esc (close) and the buttons."""
        layout = self.layout()
        self._sync_note(layout)
        if self.wants_text_input:
            if is_key(event, pygame.K_ESCAPE):
                self.note.blur()
                return
            if is_key(event, pygame.K_RETURN, pygame.K_KP_ENTER) and not ctrl_held(event):
                self.note.blur()
                self.adopt()
                return
        if self.note.handle(event):
            return
        if is_key(event, pygame.K_ESCAPE):
            self.close()
        elif is_key(event, pygame.K_RETURN, pygame.K_KP_ENTER):
            self.adopt()
        elif is_key(event, pygame.K_TAB):
            self.note.focus()  # keyboard only: Tab to write the reason, Enter to adopt
        elif is_activation(event):
            if layout.close.collidepoint(event.pos) or not layout.panel.collidepoint(event.pos):
                self.close()
            elif (
                layout.adopt.collidepoint(event.pos)
                and self.app.game.state.adoption(self.card) is None
            ):
                self.adopt()
            elif layout.save_note.collidepoint(event.pos) and self._note_editable():
                self.save_note()

    def _note_editable(self) -> bool:
        return self.app.game.state.adoption(self.card) is not None

    # --- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """The large card."""
        dim(surface)
        app = self.app
        state = app.game.state
        proposal = self.proposal
        layout = self.layout()
        scale = Scale(surface.get_height())
        text = app.text
        color = theme.kind_color(proposal.kind)
        panel(surface, layout.panel, scale.radius, theme.CARD)
        pygame.draw.rect(
            surface,
            color,
            layout.band,
            border_top_left_radius=scale.radius,
            border_top_right_radius=scale.radius,
        )
        g = scale.gap
        icon = pygame.Rect(
            layout.band.x + 2 * g,
            layout.band.y + g,
            layout.band.height - 2 * g,
            layout.band.height - 2 * g,
        )
        pygame.draw.ellipse(surface, theme.CARD, icon.inflate(g, g))
        kind_icon(surface, proposal.kind, icon.inflate(-icon.width // 5, -icon.height // 5), color)
        ink = theme.INK if proposal.kind is proposal.kind.SAVING else theme.HEADER_INK
        head = pygame.Rect(
            icon.right + 2 * g,
            layout.band.y,
            layout.band.width - icon.width - 4 * g,
            layout.band.height,
        )
        text.draw(
            surface,
            f"{kind_word(app, proposal.kind)} · {proposal.area}",
            head,
            HEADING.ink(ink).middle().lines(1).shrink(),
        )
        text.draw(surface, proposal.title, layout.title, TITLE.shrink("heading"))
        text.draw(surface, proposal.text, layout.text, BODY.shrink())
        if proposal.question:
            q = layout.question
            pygame.draw.rect(surface, theme.EVENT_TINT, q, border_radius=scale.radius)
            inner = q.inflate(-2 * g, -g)
            label_h = round(scale.body * 1.3)
            text.draw(
                surface,
                app.t("card.question"),
                pygame.Rect(inner.x, inner.y, inner.width, label_h),
                TINY.bold().ink(theme.MUTED).lines(1),
            )
            text.draw(
                surface,
                proposal.question,
                pygame.Rect(inner.x, inner.y + label_h, inner.width, inner.height - label_h),
                BODY.shrink(),
            )
        if proposal.source:
            text.draw(
                surface,
                app.t("card.source", source=proposal.source),
                layout.source,
                TINY.ink(theme.MUTED),
            )
        self._draw_table(surface, layout, scale)
        self._draw_facts(surface, layout, scale)
        self._draw_note(surface, layout, scale)
        self._draw_buttons(surface, layout, scale, state)

    def _draw_table(self, surface: pygame.Surface, layout: DetailLayout, scale: Scale) -> None:
        app = self.app
        state = app.game.state
        proposal = self.proposal
        adoption = state.adoption(self.card)
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

    def _draw_facts(self, surface: pygame.Surface, layout: DetailLayout, scale: Scale) -> None:
        app = self.app
        state = app.game.state
        proposal = self.proposal
        lines: list[tuple[str, theme.Color]] = []
        adoption = state.adoption(self.card)
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
        meta = (
            f"{app.t('card.load', load=proposal.load)} · {app.t('card.service', service=service)}"
        )
        if proposal.staff is not None:
            meta += " · " + app.t(
                "card.staff", staff=format_amount(proposal.staff, app.lang, sign=True)
            )
        lines.append((meta, theme.INK))
        if proposal.excludes:
            titles = ", ".join(
                state.deck.proposal(c).title
                for c in proposal.excludes
                if state.deck.has_proposal(c)
            )
            lines.append((app.t("card.excludes", titles=titles), theme.MUTED))
        if adoption is not None:
            lines.append(
                (app.t("card.adopted", year=state.scenario.years[adoption.round]), theme.MET)
            )
        elif not state.finished and self.card in state.market:
            board = self.app.find("board")
            if board is not None:
                base = board.risk.get(state, None).probability
                chance = board.risk.get(state, self.card).probability
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

    def _draw_note(self, surface: pygame.Surface, layout: DetailLayout, scale: Scale) -> None:
        self.app.text.draw(
            surface, self.app.t("card.note"), layout.note_label, BODY.bold().lines(1)
        )
        self._sync_note(layout)
        self.note.draw(surface)

    def _draw_buttons(
        self, surface: pygame.Surface, layout: DetailLayout, scale: Scale, state: Any
    ) -> None:
        app = self.app
        adoption = state.adoption(self.card)
        problem = refusal(state, self.card) if adoption is None else None
        if adoption is None:
            button(
                surface,
                app.text,
                layout.adopt,
                app.t("card.adopt"),
                scale.heading,
                radius=scale.radius,
                primary=problem is None,
                enabled=problem is None,
            )
        elif self._note_editable():
            button(
                surface,
                app.text,
                layout.save_note,
                app.t("card.note_save"),
                scale.body,
                radius=scale.radius,
                primary=True,
            )
        button(
            surface, app.text, layout.close, app.t("card.close"), scale.heading, radius=scale.radius
        )
        if problem is not None:
            status = app.say(app.game.refusal(problem))
            app.text.draw(
                surface, status, layout.status, BODY.bold().ink(theme.WARNING).middle().shrink()
            )
