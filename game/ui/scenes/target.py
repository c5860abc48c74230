"""The facilitator changes the target mid-game ("Skift mål"): the start screen's number
stepper in a dialog, with the targets per year that would follow, before confirming.

X is the last year's target; earlier open years keep the scenario's profile and closed years
keep theirs (``game.engine.rules.scaled_targets``). The preview asks the engine itself
(``apply`` on the current state), and the change goes through ``app.game.do(SetTarget(x))``, so it
is autosaved and undoable like every other decision.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.engine import IllegalAction, SetTarget, apply, target_limit
from game.messages import exact
from game.numbers import format_amount, format_target
from game.ui import theme
from game.ui.dialog import DialogScene
from game.ui.layout_screens import stepper_row
from game.ui.scene import is_activation, is_key, minus_key, plus_key
from game.ui.start_view import ReachWatch, target_caption, target_step
from game.ui.stepper import NumberField, draw_stepper
from game.ui.theme import BODY, Scale

if TYPE_CHECKING:
    from game.ui.scene import Host


class TargetScene(DialogScene):
    """ "Skift mål": − / field / + for X, the resulting targets per year, confirm or cancel."""

    name = "target"
    wide = 0.56
    tall = 0.68

    def __init__(self, app: Host) -> None:
        super().__init__(
            app,
            app.t("target.title"),
            app.t("target.explain", year=app.game.state.scenario.years[-1]),
            [(app.t("target.confirm"), self.confirm), (app.t("target.cancel"), self.close)],
        )
        self.number = NumberField.of(app.game.state.targets[-1], app.lang)
        self.reach = ReachWatch()

    @property
    def step(self) -> float:
        """What "−"/"+" change X by (``target_step``: 5 mio. kr. in the deck's unit)."""
        state = self.app.game.state
        return target_step(state.deck, state.scenario)

    @property
    def wants_text_input(self) -> bool:
        """True while the number field has the focus."""
        return self.number.focused

    # --- model --------------------------------------------------------------------------
    def preview(self) -> tuple[float, ...] | None:
        """The targets per year after the change, as the engine computes them; None when the
        typed text is not an allowed target."""
        value = self.number.value
        if value is None:
            return None
        try:
            return apply(self.app.game.state, SetTarget(value)).targets
        except IllegalAction:
            return None

    def limit(self) -> float:
        """The largest target the deck allows, in its unit (100.000.000 in t. kr.)."""
        return target_limit(self.app.game.deck)

    def confirm(self) -> None:
        """Set the typed target (through the engine, autosaved); unchanged targets just close."""
        value = self.number.value
        if value is None:
            self.app.toast("error.bad_target", error=True, max_target=self.limit())
            return
        if self.preview() == self.app.game.state.targets:
            self.close()
            return
        if self.app.game.do(SetTarget(value)):
            self.close()
            # a float and the year, so that the toast reads right after a change of language
            year = self.app.game.state.scenario.years[-1]
            self.app.toast("target.done", amount=exact(float(value)), year=year)

    # --- layout -------------------------------------------------------------------------
    def parts(
        self, body: pygame.Rect, scale: Scale
    ) -> tuple[tuple[pygame.Rect, pygame.Rect, pygame.Rect, pygame.Rect], pygame.Rect, pygame.Rect]:
        """(stepper rects = label, minus, field, plus), the explanation and the year table."""
        g = scale.gap
        # as tall as the explanation needs at the smallest text (three lines in English at
        # 1024×768, where 2,8 lines cut it), at most 4,5 lines of the reading size
        fitted = self.app.text.fit(
            self.body, body.width, round(scale.body * 4.5), scale.body, scale.min_text
        )
        explain_h = max(round(scale.body * 2.8), fitted.height)
        explain = pygame.Rect(body.x, body.y, body.width, explain_h)
        label = pygame.Rect(body.x, explain.bottom + g, body.width, round(scale.body * 1.5))
        row_h = max(scale.body * 2, round(self.app.size[1] * 0.065))
        row = pygame.Rect(body.x, label.bottom, body.width, row_h)
        minus, field, plus = stepper_row(row, row_h, scale)
        table_y = row.bottom + 2 * g
        table = pygame.Rect(body.x, table_y, body.width, max(1, body.bottom - table_y))
        return (label, minus, field, plus), explain, table

    # --- input --------------------------------------------------------------------------
    def _steps(self) -> bool:
        """True when + and − step X: while the field shows a number not being typed (not
        focused, or its number selected). Once the facilitator types, they are characters:
        "-3" typed into the cleared field became 3, the "-" taken as a step down from 0."""
        return not self.number.focused or self.number.fresh

    def handle(self, event: pygame.event.Event) -> None:
        """Typing a number (the field takes the focus at the first digit and the typed number
        replaces X), −/+ (keys and buttons), Enter confirms, Esc cancels at once, as its
        button says ("Annullér (Esc)"), whatever was typed."""
        number = self.number
        if event.type == pygame.TEXTINPUT:
            if not number.focused and any(c.isdigit() for c in event.text):
                number.focus_kept()  # typing a number needs no click first: it replaces X
                self.focus = 0  # … and Enter confirms it ("Skift mål (Enter)")
            typed = event.text
            if self._steps():  # + and − step X (below); typed into a number, they are kept
                typed = typed.replace("+", "").replace("-", "")
            if number.focused and typed:
                number.typed(typed)
            return
        moves = (pygame.K_UP, pygame.K_DOWN, pygame.K_TAB, pygame.K_PAGEUP, pygame.K_PAGEDOWN)
        if event.type == pygame.KEYDOWN and event.key in moves:
            super().handle(event)  # the buttons' focus, also while the number is typed
            return
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                # one Esc cancels: before, the first only left the field, and the next digit
                # and Enter set a target the facilitator had meant to cancel
                self.close()
            elif (plus_key(event) or minus_key(event)) and self._steps():
                number.step(self.step if plus_key(event) else -self.step, self.app.lang)
                number.fresh = number.focused
            elif number.focused and not is_key(event, pygame.K_RETURN, pygame.K_KP_ENTER):
                number.key(event)
            else:
                super().handle(event)
            return
        if is_activation(event):
            (_, minus, field, plus), _, _ = self.parts(self.layout().body, Scale(self.app.size[1]))
            number.focused = False
            if not number.click(event.pos, (minus, field, plus), self.step, self.app.lang):
                super().handle(event)

    def update(self, dt: float) -> bool:
        """Redraw once the reach the target caption waits for is known (``ReachWatch``)."""
        state = self.app.game.state
        self.reach.update(self.app, state.deck, state.scenario.id)
        return super().update(dt)

    def typed(self) -> float | None:
        """The X typed, or None while it is the scenario's own (or not a number)."""
        value = self.number.value
        own = self.app.game.state.scenario.target[-1]
        return None if value is None or abs(value - own) < 1e-9 else value

    # --- drawing ------------------------------------------------------------------------
    def draw_body(self, surface: pygame.Surface, rect: pygame.Rect, scale: Scale) -> None:
        """The explanation, the stepper and the targets per year (new, and what it was)."""
        app = self.app
        stepper, explain, table = self.parts(rect, scale)
        app.text.draw(surface, self.body, explain, BODY.ink(theme.MUTED).shrink())
        state = app.game.state
        caption, warning = target_caption(
            app, state.deck, state.scenario, self.typed(), "target.label"
        )
        draw_stepper(
            surface,
            app.text,
            stepper,
            caption,
            self.number,
            scale,
            suffix=app.unit,
            warning=warning,
        )
        preview = self.preview()
        years = state.scenario.years
        # the years in two or three columns when one column would squash the lines (eight
        # years at 1093×614 stood on top of one another, their lower parts clipped)
        readable = round(scale.min_text * 1.35)
        columns = next(
            (c for c in (1, 2, 3) if (-(-len(years) // c) + 1) * readable <= table.height), 3
        )
        rows = -(-len(years) // columns)
        line_h = min(round(scale.body * 1.5), table.height // max(1, rows + 1))
        column_w = table.width // columns
        most = format_amount(self.limit(), app.lang)
        heading = (
            app.t("target.years")
            if preview is not None
            else app.t("error.bad_target", max_target=most)
        )
        app.text.draw(
            surface,
            heading,
            pygame.Rect(table.x, table.y, table.width, line_h),
            BODY.bold().ink(theme.INK if preview is not None else theme.WARNING).lines(1).shrink(),
        )
        if preview is None:
            return
        for i, (year, old, new) in enumerate(zip(years, state.targets, preview)):
            y = table.y + (i % rows + 1) * line_h
            x = table.x + (i // rows) * column_w
            closed = i < len(state.results)
            # each target with the decimals it has, as the board and the start screen show it
            # ("2,91", not "2,9")
            if closed:
                value = app.t("target.closed", amount=app.target_amount(old))
            elif abs(new - old) < 1e-9:
                value = app.target_amount(new)
            else:
                value = app.t(
                    "target.changed",
                    new=app.target_amount(new),
                    old=format_target(old, app.lang),
                )
            app.text.draw(
                surface,
                f"{year}: {value}",
                pygame.Rect(x, y, column_w - scale.gap, line_h),
                BODY.sized(scale.min_text if closed else scale.body)
                .ink(theme.MUTED if closed else theme.INK)
                .lines(1)
                .shrink(),
            )
