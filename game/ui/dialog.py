"""Dialogs: a centred panel with a title, a text and a column of buttons over the dimmed
scene below (the base of the message, help, menu and target scenes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.ui import theme
from game.ui.draw import button, panel
from game.ui.layout_screens import DialogLayout, dialog_layout
from game.ui.scene import HoldsTimer, is_activation, is_key
from game.ui.theme import BODY, TITLE, Scale

if TYPE_CHECKING:
    from game.ui.scene import Host


def dim(surface: pygame.Surface) -> None:
    """Darken everything drawn so far (the scene under an overlay)."""
    veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    veil.fill(theme.OVERLAY_DIM)
    surface.blit(veil, (0, 0))


class DialogScene(HoldsTimer):
    """A centred panel with a title, a text and a column of buttons; Esc closes it.

    While a dialog is open the round timer stands still (``HoldsTimer``: the menu, the help,
    "Skift mål", saving elsewhere, a question before quitting)."""

    is_overlay = True
    wide = 0.6
    tall = 0.6

    def __init__(
        self, app: Host, title: str, body: str, buttons: list[tuple[str, Callable[[], None]]]
    ) -> None:
        super().__init__(app)
        self.title = title
        self.body = body
        self.buttons = buttons
        self.focus = 0
        """The button Enter presses (the first until ↑/↓ or Tab moves it)."""
        self.focus_shown = False
        """True once the keyboard moved the focus: the focused button is then outlined."""

    def layout(self) -> DialogLayout:
        """The dialog's rectangles for the current window."""
        width, height = self.app.size
        return dialog_layout(width, height, len(self.buttons), wide=self.wide, tall=self.tall)

    def close(self) -> None:
        """Remove the dialog."""
        if self.app.top is self:
            self.app.pop()

    def move_focus(self, step: int) -> None:
        """Move the focus ``step`` buttons on, round the column (↑/↓, Tab, Shift+Tab, and a
        presenter remote's Page Up/Down)."""
        if self.buttons:
            self.focus = (self.focus + step) % len(self.buttons)
            self.focus_shown = True

    def handle(self, event: pygame.event.Event) -> None:
        """Esc closes; ↑/↓ (Tab, Page Up/Down) move the focus between the buttons and Enter
        presses the focused one (the first until the focus moves); clicks press buttons."""
        if is_key(event, pygame.K_ESCAPE):
            self.close()
        elif is_key(event, pygame.K_DOWN, pygame.K_PAGEDOWN):
            self.move_focus(1)
        elif is_key(event, pygame.K_UP, pygame.K_PAGEUP):
            self.move_focus(-1)
        elif is_key(event, pygame.K_TAB):
            self.move_focus(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        elif is_key(event, pygame.K_RETURN, pygame.K_KP_ENTER) and self.buttons:
            self.buttons[min(self.focus, len(self.buttons) - 1)][1]()
        elif is_activation(event):
            layout = self.layout()
            for rect, (_, action) in zip(layout.buttons, self.buttons):
                if rect.collidepoint(event.pos):
                    action()
                    return

    def draw(self, surface: pygame.Surface) -> None:
        """Dimmed background, panel, title, text, buttons."""
        dim(surface)
        layout = self.layout()
        scale = Scale(surface.get_height())
        panel(surface, layout.panel, scale.radius, theme.PANEL)
        self.app.text.draw(surface, self.title, layout.title, TITLE.middle().lines(1).shrink())
        self.draw_body(surface, layout.body, scale)
        marked = min(self.focus, len(self.buttons) - 1)
        for i, (rect, (label, _)) in enumerate(zip(layout.buttons, self.buttons)):
            # the filled button is the one Enter presses: it follows the focus (after ↑ the
            # first stayed filled beside the outlined one, and which one Enter took was unclear)
            button(
                surface,
                self.app.text,
                rect,
                label,
                scale.body,
                radius=scale.radius,
                primary=i == marked,
            )
            if self.focus_shown and i == self.focus:
                ring = rect.inflate(scale.gap, scale.gap)
                width = max(2, scale.gap // 3)
                pygame.draw.rect(surface, theme.INK, ring, width, border_radius=scale.radius)

    def draw_body(self, surface: pygame.Surface, rect: pygame.Rect, scale: Scale) -> None:
        """The dialog's text (subclasses draw more)."""
        self.app.text.draw(surface, self.body, rect, BODY.shrink())
