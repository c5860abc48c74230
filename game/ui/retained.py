"""Retained drawing: keep the picture of a board panel between frames and blit it again while
nothing it shows has changed.

A scene hands its panels, in drawing order, to ``Layers.compose(surface, background, parts)``
with one ``Part(name, region, key, paint)`` each.
The first time, and whenever ``key`` changes, ``paint()`` draws the panel the ordinary way and
the pixels of ``region`` are copied; afterwards the copy is blitted instead. The key must hold
everything the panel shows (the caller's contract: e.g. the game state, the language, the
window size, hover and selection), and ``region`` every pixel ``paint`` touches (the panel
and its shadow). A copy also holds what lay under the panel, so a panel is repainted, not
blitted, when an earlier panel of the same frame was repainted over any part of its region:
a picture is then never staler than a fresh drawing. When no part has changed since the last
two frames, the whole composed window is kept as one picture and a frame is a single blit.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

import pygame


class Same:
    """A key part that matches only the very same object (``is``), e.g. an immutable game
    state: equal content in a new object costs one repaint, never a stale picture. Holding
    the object keeps it alive, so its identity cannot be reused by another object."""

    __slots__ = ("item",)

    def __init__(self, item: Any) -> None:
        self.item = item

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.item is self.item

    def __hash__(self) -> int:
        return id(self.item)


@dataclass(frozen=True)
class Part:
    """One panel of a composed scene: its ``name``, the ``region`` it paints (panel and
    shadow), the ``key`` of everything it shows, and ``paint`` to draw it afresh."""

    name: str
    region: pygame.Rect
    key: Hashable
    paint: Callable[[], None]


@dataclass
class _Picture:
    key: Hashable
    region: pygame.Rect
    pixels: pygame.Surface


class Layers:
    """The kept pictures of one scene's panels (see the module docstring)."""

    def __init__(self) -> None:
        self.enabled = True
        """False draws every panel afresh (for comparing against the kept pictures)."""
        self._pictures: dict[str, _Picture] = {}
        self._painted: list[pygame.Rect] = []
        self._frame: tuple[Hashable, pygame.Surface] | None = None
        self._last_key: Hashable = None
        self.repaints = 0
        """Panels painted afresh so far (a test sees when a picture was reused)."""

    def begin(self) -> None:
        """Start a frame (the scene has just filled its background)."""
        self._painted = []

    def keep_only(self, names: tuple[str, ...] | list[str]) -> None:
        """Forget the kept pictures of every name not in ``names`` (cards that left)."""
        for name in [n for n in self._pictures if n not in names]:
            del self._pictures[name]

    def clear(self) -> None:
        """Forget every kept picture."""
        self._pictures.clear()
        self._frame = None
        self._last_key = None

    def compose(
        self, surface: pygame.Surface, background: tuple[int, int, int], parts: list[Part]
    ) -> None:
        """Fill ``surface`` with ``background`` and draw ``parts`` in order (each kept or
        painted afresh, see ``draw``). A composition drawn twice in a row is kept whole, and
        while it stays unchanged a frame blits it instead (frames that change every time do
        not pay for copying the window)."""
        frame_key = (
            surface.get_size(),
            background,
            tuple((p.name, tuple(p.region), p.key) for p in parts),
        )
        if self.enabled and self._frame is not None and self._frame[0] == frame_key:
            surface.blit(self._frame[1], (0, 0))
            return
        surface.fill(background)
        self.begin()
        for part in parts:
            self.draw(surface, part.name, part.region, part.key, part.paint)
        if frame_key == self._last_key:  # unchanged twice in a row: keep the whole picture
            self._frame = (frame_key, surface.copy())
        self._last_key = frame_key

    def draw(
        self,
        surface: pygame.Surface,
        name: str,
        region: pygame.Rect,
        key: Hashable,
        paint: Callable[[], None],
    ) -> None:
        """Blit the kept picture of panel ``name`` when its key and region are unchanged and
        nothing under it was repainted this frame; otherwise ``paint()`` and keep the result."""
        region = region.clip(surface.get_rect())
        kept = self._pictures.get(name)
        if (
            self.enabled
            and kept is not None
            and kept.key == key
            and kept.region == region
            and region.collidelist(self._painted) < 0
        ):
            surface.blit(kept.pixels, region)
            return
        paint()
        self.repaints += 1
        if region.width > 0 and region.height > 0:
            self._painted.append(region)
            self._pictures[name] = _Picture(key, region, surface.subsurface(region).copy())
