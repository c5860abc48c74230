"""The string catalogs of the game window: one per language, looked up with ``Strings.t``."""

from __future__ import annotations

import logging
from typing import Any

from game.messages import Message
from game.ui.strings import da, en

log = logging.getLogger(__name__)

CATALOGS: dict[str, dict[str, str]] = {"da": da.STRINGS, "en": en.STRINGS}
LANGUAGES: tuple[str, ...] = tuple(CATALOGS)


class Strings:
    """Looks up UI texts by key in one language (Danish as fallback, then the key itself)."""

    def __init__(self, lang: str = "da") -> None:
        self.lang = lang if lang in CATALOGS else "da"
        self._catalog = CATALOGS[self.lang]
        self._missing: set[str] = set()

    def t(self, key: str, **params: Any) -> str:
        """The text for ``key`` with ``{name}`` placeholders filled from ``params``."""
        text = self._catalog.get(key)
        if text is None:
            text = CATALOGS["da"].get(key, key)
            if key not in self._missing:
                self._missing.add(key)
                log.warning("missing %s text for %r", self.lang, key)
        if params:
            try:
                return text.format(**params)
            except (KeyError, IndexError, ValueError):
                return text
        return text

    def has(self, key: str) -> bool:
        """True when the catalog has ``key``."""
        return key in self._catalog

    def message(self, message: Message) -> str:
        """A message (key and parameters) in this language; an ``error.<code>`` the catalogue
        lacks falls back to "error.unknown" with the message's ``reason``."""
        params = message.kwargs
        if not self.has(message.key) and message.key.startswith("error."):
            return self.t("error.unknown", reason=params.get("reason", message.key))
        return self.t(message.key, **params)
