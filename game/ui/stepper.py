"""The number stepper of the start screen and the target dialog: a label, "−", a field that
takes a typed number (Danish or English style) and "+".

``NumberField`` holds the typed text and the focus; ``draw_stepper`` draws the widget into
the four rectangles of ``game.ui.layout.stepper_row``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.numbers import AmountError, format_amount, parse_amount
from game.ui import theme
from game.ui.draw import button
from game.ui.text import TextRenderer
from game.ui.theme import BODY, FONT_BOLD, HEADING, Scale


def parse_number(text: str, lang: str = "da") -> float | None:
    """A number as ``game.numbers.parse_amount`` reads it in ``lang`` ("1.200" is 1200 in
    Danish, "12,5" and "12.5" are 12,5), or None when it is not one clear number."""
    try:
        return parse_amount(text, lang)
    except AmountError:
        return None


MAX_TYPED = 24
"""The most characters a number field holds: more than any number it takes ("100.000,25"),
so that a longer paste is refused as it stands, not read by its first characters."""


@dataclass
class NumberField:
    """A small field for a number: what is typed, and Backspace, while focused.

    ``exact`` is the value the field was filled with: while the text is still the one
    ``format_amount`` wrote for it, ``value`` is that exact number, not its rounded text.
    """

    text: str
    focused: bool = False
    lang: str = "da"
    exact: float | None = None
    fresh: bool = False
    """Focused by a click or Tab with the number kept: the first typed character replaces it, as a
    selected field's text is replaced (Backspace clears it)."""

    @classmethod
    def of(cls, value: float, lang: str) -> NumberField:
        """A field showing ``value`` in ``lang``."""
        return cls(format_amount(value, lang), lang=lang, exact=value)

    @property
    def value(self) -> float | None:
        """The typed number, or None when the text is not a number."""
        if self.exact is not None and self.text == format_amount(self.exact, self.lang):
            return self.exact
        return parse_number(self.text, self.lang)

    def key(self, event: pygame.event.Event) -> None:
        """Edit with Backspace; Ctrl+A (Cmd+A) selects the number, so that typing replaces
        it and Backspace clears it, as in every other field ("1.200", Ctrl+A, "45" gave
        "1.2045"); typed characters arrive as TEXTINPUT."""
        if event.key == pygame.K_BACKSPACE:
            self.text = "" if self.fresh else self.text[:-1]
            self.fresh = False
        elif event.key == pygame.K_a and event.mod & (pygame.KMOD_CTRL | pygame.KMOD_META):
            self.fresh = bool(self.text)

    def typed(self, characters: str) -> None:
        """Append ``characters`` as typed (control characters aside), up to ``MAX_TYPED``: a
        character that makes no number is kept and the number refused where it is used,
        not dropped ("-3" was read as 3, "12½" as 12 and "4,5e1" as 4,51, without a word)."""
        kept = "" if self.fresh else self.text
        typed = "".join(c for c in characters if c.isprintable())
        if typed or not self.fresh:
            self.text = (kept + typed)[:MAX_TYPED]
            self.fresh = False

    def focus_kept(self) -> None:
        """Take the keyboard but keep the number, selected (a click or Tab into the field):
        the first typed character replaces it and Backspace clears it (a click emptied the
        field, and the game started on the scenario's target instead of the facilitator's X)."""
        self.focused = True
        self.fresh = True
        pygame.key.start_text_input()

    def step(self, delta: float, lang: str, low: float = 0.0, high: float = float("inf")) -> None:
        """The "−"/"+" buttons: change the number by ``delta`` within [low, high]."""
        value = self.value or 0.0
        self.exact = max(low, min(high, value + delta))
        self.text = format_amount(self.exact, lang)

    def click(
        self,
        pos: tuple[int, int],
        rects: tuple[pygame.Rect, pygame.Rect, pygame.Rect],
        delta: float,
        lang: str,
        high: float = float("inf"),
    ) -> bool:
        """A click at ``pos`` on the stepper's (minus, field, plus): step down, start typing or
        step up. True when the click hit one of them."""
        minus, field, plus = rects
        if minus.collidepoint(pos):
            self.step(-delta, lang, high=high)
        elif plus.collidepoint(pos):
            self.step(delta, lang, high=high)
        elif field.collidepoint(pos):
            self.focus_kept()
        else:
            return False
        return True


def draw_stepper(
    surface: pygame.Surface,
    text: TextRenderer,
    rects: tuple[pygame.Rect, pygame.Rect, pygame.Rect, pygame.Rect],
    label: str | tuple[str, ...],
    number: NumberField,
    scale: Scale,
    *,
    suffix: str,
    warning: bool = False,
) -> None:
    """The widget in ``rects`` = (label, minus, field, plus): the label over the row, the two
    buttons, the field (outlined in the accent colour with a caret while focused) and the
    ``suffix`` (the unit) right of "+". With ``warning`` the label is in the warning colour
    (a value the label questions). A label given in several forms, longest first, is drawn
    in the first that fits one line (the last, cut, when none does)."""
    label_rect, minus, field, plus = rects
    style = BODY.bold().lines(1).shrink()
    forms = (label,) if isinstance(label, str) else label
    shown = next(
        (
            form
            for form in forms
            if not text.fit(
                form,
                label_rect.width,
                label_rect.height,
                scale.body,
                scale.min_text,
                FONT_BOLD,
                max_lines=1,
            ).truncated
        ),
        forms[-1],
    )
    text.draw(surface, shown, label_rect, style.ink(theme.WARNING) if warning else style)
    button(surface, text, minus, "−", scale.heading, radius=scale.radius)
    button(surface, text, plus, "+", scale.heading, radius=scale.radius)
    pygame.draw.rect(surface, theme.CARD, field, border_radius=scale.radius // 2)
    pygame.draw.rect(
        surface,
        theme.ACCENT if number.focused else theme.LINE,
        field,
        3 if number.focused else 1,
        border_radius=scale.radius // 2,
    )
    shown = number.text + ("|" if number.focused and not number.fresh else "")
    area = field.inflate(-2 * scale.gap, 0)
    if number.focused and number.fresh and number.text:  # selected: typing replaces it
        wide = min(area.width, text.width(number.text, scale.heading) + scale.gap)
        mark = pygame.Rect(0, 0, wide, round(scale.heading * 1.3))
        mark.center = area.center
        pygame.draw.rect(
            surface, theme.FieldStyle().selection, mark, border_radius=scale.radius // 3
        )
    text.draw(surface, shown, area, HEADING.center().middle().lines(1).shrink())
    rest = pygame.Rect(
        plus.right + scale.gap,
        field.y,
        max(1, label_rect.right - plus.right - scale.gap),
        field.height,
    )
    text.draw(surface, suffix, rest, BODY.ink(theme.MUTED).middle().lines(2).shrink())
