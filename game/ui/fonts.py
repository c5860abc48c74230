"""Fonts by role and pixel size, loaded from ``assets/fonts`` and cached.

A missing or broken font file never stops the game: pygame's built-in font is used instead and
a warning is logged once per file.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

from game.paths import assets_dir
from game.ui.theme import FONT_FILES, FONT_REGULAR

log = logging.getLogger(__name__)

MAX_FONTS = 96
"""Loaded (role, size) pairs kept at once; resizing the window through many sizes clears it."""


class Fonts:
    """A cache of ``pygame.font.Font`` objects keyed by (role, pixel size)."""

    def __init__(self, folder: Path | None = None, files: dict[str, str] | None = None) -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        self.folder = folder if folder is not None else assets_dir() / "fonts"
        self.files = dict(files if files is not None else FONT_FILES)
        self._cache: dict[tuple[str, int], pygame.font.Font] = {}
        self._warned: set[str] = set()

    def get(self, role: str = FONT_REGULAR, size: int = 20) -> pygame.font.Font:
        """The font for ``role`` ("regular", "bold") at ``size`` pixels."""
        size = max(6, int(size))
        key = (role, size)
        font = self._cache.get(key)
        if font is None:
            if len(self._cache) >= MAX_FONTS:  # many window sizes: start afresh
                self._cache.clear()
            font = self._load(role, size)
            self._cache[key] = font
        return font

    def _load(self, role: str, size: int) -> pygame.font.Font:
        name = self.files.get(role, self.files.get(FONT_REGULAR, ""))
        path = self.folder / name
        try:
            return pygame.font.Font(str(path), size)
        except (OSError, FileNotFoundError, pygame.error) as error:
            if name not in self._warned:
                self._warned.add(name)
                log.warning("font %s could not be loaded (%s); using pygame's default", path, error)
            font = pygame.font.Font(None, round(size * 1.3))
            if role != FONT_REGULAR:
                font.set_bold(True)
            return font

    def clear(self) -> None:
        """Forget every loaded font (e.g. after many window resizes)."""
        self._cache.clear()
