"""A message with one OK button over the dimmed scene below."""

from __future__ import annotations

from collections.abc import Callable

from game.ui.dialog import DialogScene
from game.ui.scene import Host


class MessageScene(DialogScene):
    """A message with one OK button (errors, broken saves, crash notice, the year's events)."""

    name = "message"

    def __init__(
        self, app: Host, title: str, text: str, on_close: Callable[[], None] | None = None
    ) -> None:
        self.on_close = on_close
        super().__init__(app, title, text, [(app.t("dialog.ok"), self._ok)])
        self.tall = 0.5

    def _ok(self) -> None:
        self.close()
        if self.on_close is not None:
            self.on_close()
