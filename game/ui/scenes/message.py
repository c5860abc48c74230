"""A message with one OK button over the dimmed scene below."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.dialog import DialogScene
from game.ui.layout_screens import DialogLayout, dialog_layout
from game.ui.scene import Host
from game.ui.theme import BODY, Scale

LARGE = (0.9, 0.94)
"""The share of the window (wide, tall) a message grows to when its text needs it."""


class MessageScene(DialogScene):
    """A message with one OK button (errors, broken saves, crash notice, the year's events, a
    list the year reveal had to cut). A text that does not fit at the smallest readable size
    grows the dialog to ``LARGE``; if it still does not fit, the first of the ``between`` texts
    that fits, else the ``short`` text is shown (a list without its cards' long texts), so
    that every item is read whole."""

    name = "message"

    def __init__(
        self,
        app: Host,
        title: str,
        text: str,
        on_close: Callable[[], None] | None = None,
        short: str = "",
        between: tuple[str, ...] = (),
    ) -> None:
        self.on_close = on_close
        super().__init__(app, title, text, [(app.t("dialog.ok"), self._ok)])
        self.tall = 0.5
        self.full = text
        self.short = short or text
        self.between = between
        """Texts shorter than ``text`` and longer than ``short``, tried in order between them
        (the year's lists with the card texts that say least left out first)."""

    def layout(self) -> DialogLayout:
        """The smallest of the usual and the large dialog in which the text (or, failing that,
        the short text) fits without being cut; ``body`` is set to the text that fits."""
        width, height = self.app.size
        scale = self.app.scale
        tries = (
            (self.wide, self.tall, self.full),
            (*LARGE, self.full),
            *((*LARGE, text) for text in self.between),
            (*LARGE, self.short),
        )
        for wide, tall, text in tries:
            found = dialog_layout(width, height, len(self.buttons), wide=wide, tall=tall)
            self.body = text
            if not self._cut(text, found.body, scale):
                return found
        return found

    def _cut(self, text: str, rect: pygame.Rect, scale: Scale) -> bool:
        # measured exactly as ``draw_body`` draws it
        return self.app.text.fitted(text, rect, BODY.shrink(), scale).truncated

    def _ok(self) -> None:
        self.close()
        if self.on_close is not None:
            self.on_close()
