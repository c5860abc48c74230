"""Panels: the parts of a screen, each owning its rectangle, what it shows, how it paints it
and how it answers a click or a touch.

A panel takes its *view* — a frozen dataclass of everything it shows — from what its scene
has on the table, paints from that view alone, and its retained-drawing key is made from the
view (with the window size, the language and its rectangle). So a key, a hit-test and a
painter cannot drift apart: a painter that shows something new must read it from its view,
and then the key holds it. ``tests/ui/test_panels.py`` perturbs every field of every panel's
view and checks that the key and the painted pixels change.

A scene composes its panels with ``compose``; ``hit`` asks them in order what lies under a
point. To add a panel: write a ``Panel`` subclass with ``name``, ``View``, ``rect``, ``view``,
``paint`` (and ``hit`` if it can be clicked), and add it to the scene's list of panels.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

import pygame

from game.ui.retained import Layers, Part
from game.ui.scene import Host

Source = TypeVar("Source")
"""What a scene has on the table (``BoardTable`` for the board)."""
Layout = TypeVar("Layout")
"""The scene's rectangles (``BoardLayout`` for the board)."""


class Panel(Generic[Source, Layout]):
    """One part of a screen (see the module docstring). Subclasses set ``name`` and ``View``
    and implement ``rect``, ``view`` and ``paint``; ``hit`` and ``shadow`` are optional."""

    name: ClassVar[str] = ""
    View: ClassVar[type] = object
    """The frozen dataclass ``view`` returns: every field is something the panel shows."""
    shadow: ClassVar[bool] = True
    """True when the panel casts a drop shadow below its rectangle (part of its region)."""

    def __init__(self, app: Host) -> None:
        self.app = app

    def rect(self, layout: Layout) -> pygame.Rect:
        """The panel's rectangle."""
        raise NotImplementedError

    def region(self, layout: Layout) -> pygame.Rect:
        """Every pixel ``paint`` may touch: the rectangle and its shadow."""
        rect = self.rect(layout)
        if not self.shadow:
            return rect
        radius = getattr(layout, "radius", 0)
        return rect.union(rect.move(0, max(2, radius // 3)))

    def view(self, source: Source) -> Any:
        """What the panel shows now, as a ``View``."""
        raise NotImplementedError

    def paint(self, surface: pygame.Surface, layout: Layout, view: Any) -> None:
        """Draw the panel from ``view`` alone (and the window's words and fonts)."""
        raise NotImplementedError

    def hit(self, pos: tuple[int, int], layout: Layout, view: Any) -> str | None:
        """What a click or touch at ``pos`` means here ("card:2", "end_year" …), or None."""
        return None

    def key(self, surface: pygame.Surface, layout: Layout, view: Any) -> Hashable:
        """The retained-drawing key: the window size, the language, the region and the view."""
        return (surface.get_size(), self.app.lang, tuple(self.region(layout)), view)

    def part(self, surface: pygame.Surface, layout: Layout, view: Any) -> Part:
        """The panel as one ``Part`` of a retained composition (its key as ``key`` makes it)."""
        region = self.region(layout)
        key = (surface.get_size(), self.app.lang, tuple(region), view)
        return Part(self.name, region, key, lambda: self.paint(surface, layout, view))


def compose(
    layers: Layers,
    surface: pygame.Surface,
    background: tuple[int, int, int],
    panels: Sequence[Panel[Source, Layout]],
    layout: Layout,
    source: Source,
) -> None:
    """Draw ``panels`` in order over ``background``, each kept as a picture while its key is
    unchanged (``Layers.compose``)."""
    parts = [panel.part(surface, layout, panel.view(source)) for panel in panels]
    layers.compose(surface, background, parts)


def hit(
    panels: Sequence[Panel[Source, Layout]],
    pos: tuple[int, int],
    layout: Layout,
    source: Source,
) -> str | None:
    """What lies under ``pos``: the answer of the first panel that has one."""
    for panel in panels:
        if panel.rect(layout).collidepoint(pos):
            target = panel.hit(pos, layout, panel.view(source))
            if target is not None:
                return target
    return None
