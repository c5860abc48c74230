"""The scene protocol and the scene stack of the game window.

A scene is one screen (start, board, year reveal, debrief) or an overlay drawn over the scene
below it (card view, help, menu, dialog). The ``App`` keeps a stack of scenes; only the top
scene gets input, every scene on the stack gets ``update``, and drawing starts at the topmost
scene that is not an overlay.

Protocol (the other scenes code against exactly this)::

    class MyScene(Scene):
        is_overlay = False                      # True: the scene below stays visible
        def __init__(self, app: App) -> None    # keep app; read app.state, app.t, app.text …
        def handle(self, event) -> None         # input (only when on top of the stack)
        def update(self, dt: float) -> bool     # dt in seconds; True = still animating
        def draw(self, surface) -> None         # draw everything from the window size

Scenes compute their rectangles from ``surface.get_size()`` with ``game.ui.layout`` on every
draw, so resizing needs no extra work. Call ``app.request_redraw()`` after a change made
outside ``handle`` (input always triggers a redraw).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.ui.app import App


class Scene:
    """Base class of every scene: does nothing, draws nothing."""

    is_overlay: bool = False
    """Overlays draw on top of the scene below them (which is drawn first)."""

    wants_text_input: bool = False
    """True while a text field of the scene has the focus: the App then passes key presses
    straight to the scene without treating them as shortcuts."""

    def __init__(self, app: App) -> None:
        self.app = app

    def handle(self, event: pygame.event.Event) -> None:
        """React to one input event (keys, mouse, text)."""

    def update(self, dt: float) -> bool:
        """Advance animations by ``dt`` seconds; True while the scene needs more frames."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the scene onto ``surface`` (the whole window)."""

    def on_enter(self) -> None:
        """Called when the scene becomes the top of the stack (pushed, or uncovered)."""

    def on_exit(self) -> None:
        """Called when the scene is removed from the stack."""


def is_activation(event: pygame.event.Event) -> bool:
    """True for a left click or a tap (mouse button 1 going down)."""
    return event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1


def is_key(event: pygame.event.Event, *keys: int) -> bool:
    """True for a key press of one of ``keys``."""
    return event.type == pygame.KEYDOWN and event.key in keys


def ctrl_held(event: pygame.event.Event) -> bool:
    """True when Ctrl (or Cmd on a Mac) is held during a key event."""
    mods = getattr(event, "mod", 0)
    return bool(mods & (pygame.KMOD_CTRL | pygame.KMOD_META))


def shift_held(event: pygame.event.Event) -> bool:
    """True when Shift is held during a key event."""
    return bool(getattr(event, "mod", 0) & pygame.KMOD_SHIFT)
