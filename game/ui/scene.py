"""Scenes, the router that stacks them by name, and what a scene may ask of the window.

A scene is one screen (start, board, year reveal, debrief) or an overlay drawn over the scene
below it (card view, help, menu, dialog). The ``Router`` keeps a stack of scenes and makes
them by name from a table of routes (``game.ui.scenes.ROUTES``), so a scene opens another with
``app.push("card", card=…)`` and never imports it: no scene module imports another scene.
Only the top scene gets input, every scene on the stack gets ``update``, and drawing starts at
the topmost scene that is not an overlay.

Protocol (the other scenes code against exactly this)::

    class MyScene(Scene):
        name = "mine"                           # the route it is made by
        is_overlay = False                      # True: the scene below stays visible
        def __init__(self, app: Host, **params) # keep app; read app.game.state, app.t …
        def handle(self, event) -> None         # input (only when on top of the stack)
        def update(self, dt: float) -> bool     # dt in seconds; True = still animating
        def draw(self, surface) -> None         # draw everything from the window size

Scenes compute their rectangles from ``surface.get_size()`` with ``game.ui.layout`` on every
draw, so resizing needs no extra work. Call ``app.request_redraw()`` after a change made
outside ``handle`` (input always triggers a redraw).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal, Protocol

import pygame

from game.messages import Catalogue, Message
from game.saves import SavedGame
from game.session import GameController
from game.ui.fonts import Fonts
from game.ui.text import TextRenderer
from game.ui.theme import Scale

Leaving = Literal["quit", "restart", "new"]
"""Where the players go when they leave the game on screen: the window closes, the game starts
over, or the start screen for a new game (``Host.leave_game``, the "quit" dialog)."""


class Host(Protocol):
    """What a scene may use of the window it lives in (``game.ui.app.App``)."""

    game: GameController
    text: TextRenderer
    fonts: Fonts
    frames_drawn: int
    report_picture: bool
    report_stopped: bool
    """True while the host draws a report's board.png (a picture: nothing scrolls)."""

    @property
    def size(self) -> tuple[int, int]: ...
    @property
    def scale(self) -> Scale: ...
    @property
    def lang(self) -> str: ...
    @property
    def save_dir(self) -> Path | None: ...
    @property
    def top(self) -> Scene | None: ...
    @property
    def scenes(self) -> list[Scene]: ...
    @property
    def catalogue(self) -> Catalogue: ...
    @property
    def unit(self) -> str: ...
    def t(self, key: str, **params: Any) -> str: ...
    def say(self, message: Message) -> str: ...
    def amount(
        self, value: float, *, sign: bool = False, unit: bool = True, exact: bool = False
    ) -> str: ...
    def target_amount(self, value: float) -> str: ...
    def set_language(self, lang: str) -> None: ...
    def remember(self, **choices: str | None) -> None: ...
    def toast(self, key: str, *, error: bool = False, **params: Any) -> None: ...
    def request_redraw(self) -> None: ...
    def push(self, name: str | Scene, **params: Any) -> Scene: ...
    def pop(self) -> Scene | None: ...
    def replace(self, name: str | Scene, **params: Any) -> Scene: ...
    def replace_all(self, name: str | Scene, **params: Any) -> Scene: ...
    def back_to(self, name: str, **params: Any) -> Scene: ...
    def find(self, name: str | type) -> Any: ...
    def start_game(self, *args: Any, **kwargs: Any) -> None: ...
    def report_board(self, saved: SavedGame, lang: str) -> bytes: ...
    def quit(self, code: int = 0) -> None: ...
    def request_quit(self) -> None: ...
    def leave_game(self, then: Leaving) -> None: ...
    def undo(self, *, asked: bool = False) -> None: ...
    def redo(self) -> None: ...
    def left_game(self, then: Leaving) -> None: ...


class Scene:
    """Base class of every scene: does nothing, draws nothing."""

    name: str = ""
    """The route the router makes this scene by."""

    is_overlay: bool = False
    """Overlays draw on top of the scene below them (which is drawn first)."""

    def __init__(self, app: Host) -> None:
        self.app = app

    @property
    def wants_text_input(self) -> bool:
        """True while a text field of the scene has the focus: the field then takes the keys
        before the scene's own shortcuts (a scene without a field: never). The App's only
        shortcuts, F1 and F11, type no text."""
        return False

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

    def language_changed(self) -> None:
        """Called when the window switches language: drop anything drawn and kept in the old
        one (the panels' kept pictures)."""

    def keep_typed(self) -> None:
        """Called as the window closes: keep what is typed and not saved yet, so that it is
        in the save (the card view's note)."""

    def notices_below(self) -> int | None:
        """Where the notices may start on this scene (below a band of its own under the
        title band, e.g. the debrief's tabs), or None for just under the title band."""
        return None

    def notices_area(self) -> pygame.Rect | None:
        """The part of this scene the notices stand in, as wide as it (the board's list of
        adopted proposals), or None to place them by ``notices_below``."""
        return None

    def notices_newest(self) -> bool:
        """True when the notices in ``notices_area`` are the newest that stand whole there,
        the older left out, rather than all of them elsewhere when they do not all fit."""
        return False


Route = Callable[..., Scene]
"""Makes a scene: ``route(host, **params)`` (a scene class is a route)."""


class Router:
    """The stack of scenes, made by name from ``routes`` (see the module docstring)."""

    def __init__(self, host: Host, routes: Mapping[str, Route], changed: Callable[[], None]):
        self.host = host
        self.routes = dict(routes)
        self.stack: list[Scene] = []
        self._changed = changed

    def make(self, name: str | Scene, **params: Any) -> Scene:
        """A new scene of route ``name`` (a scene made already is taken as it is); raises
        ``KeyError`` for an unknown name."""
        if isinstance(name, Scene):
            return name
        return self.routes[name](self.host, **params)

    @property
    def top(self) -> Scene | None:
        """The scene that receives input."""
        return self.stack[-1] if self.stack else None

    def push(self, name: str | Scene, **params: Any) -> Scene:
        """Make scene ``name`` (or take a made scene) and put it on top of the stack."""
        return self.put(self.make(name, **params))

    def put(self, scene: Scene) -> Scene:
        """Put an already made ``scene`` on top of the stack."""
        self.stack.append(scene)
        scene.on_enter()
        self._changed()
        return scene

    def pop(self) -> Scene | None:
        """Remove the top scene (the one below becomes active)."""
        if not self.stack:
            return None
        scene = self.stack.pop()
        scene.on_exit()
        if self.stack:
            self.stack[-1].on_enter()
        self._changed()
        return scene

    def replace(self, name: str | Scene, **params: Any) -> Scene:
        """Swap the top scene for a new scene ``name``."""
        scene = self.make(name, **params)
        if self.stack:
            self.stack.pop().on_exit()
        return self.put(scene)

    def replace_all(self, name: str | Scene, **params: Any) -> Scene:
        """Clear the stack and show a new scene ``name``."""
        scene = self.make(name, **params)
        while self.stack:
            self.stack.pop().on_exit()
        return self.put(scene)

    def back_to(self, name: str, **params: Any) -> Scene:
        """Pop down to the topmost scene ``name``; without one, the top becomes a new one."""
        found: Scene | None = self.find(name)
        if found is None:
            return self.replace(name, **params)
        while self.stack[-1] is not found:  # found is on the stack: it is never emptied
            self.pop()
        return found

    def find(self, name: str | type) -> Any:
        """The topmost scene ``name`` (or of a scene class) on the stack, or None."""
        for scene in reversed(self.stack):
            if scene.name == name or (isinstance(name, type) and isinstance(scene, name)):
                return scene
        return None


def is_activation(event: pygame.event.Event) -> bool:
    """True for a left click or a tap (mouse button 1 going down)."""
    return event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1


def is_key(event: pygame.event.Event, *keys: int) -> bool:
    """True for a key press of one of ``keys``."""
    return event.type == pygame.KEYDOWN and event.key in keys


def plus_key(event: pygame.event.Event) -> bool:
    """True for a press of "+": the key of a Danish keyboard, the keypad's, or Shift and "="
    on an English one (which SDL reports as "=": the + of the target's stepper did nothing)."""
    if event.type != pygame.KEYDOWN:
        return False
    shifted_equals = event.key == pygame.K_EQUALS and shift_held(event)
    return event.key in (pygame.K_PLUS, pygame.K_KP_PLUS) or shifted_equals


def minus_key(event: pygame.event.Event) -> bool:
    """True for a press of "−" (the key or the keypad's)."""
    return is_key(event, pygame.K_MINUS, pygame.K_KP_MINUS)


def ctrl_held(event: pygame.event.Event) -> bool:
    """True when Ctrl (or Cmd on a Mac) is held during a key event."""
    mods = getattr(event, "mod", 0)
    return bool(mods & (pygame.KMOD_CTRL | pygame.KMOD_META))


def shift_held(event: pygame.event.Event) -> bool:
    """True when Shift is held during a key event."""
    return bool(getattr(event, "mod", 0) & pygame.KMOD_SHIFT)


def finger_as_mouse(event: pygame.event.Event, size: tuple[int, int]) -> pygame.event.Event:
    """A finger event (positions 0–1) as the mouse event it stands for, in a window of
    ``size`` pixels: a tap is a left click, a drag a mouse motion."""
    width, height = size
    pos = (round(event.x * width), round(event.y * height))
    kind = {
        pygame.FINGERDOWN: pygame.MOUSEBUTTONDOWN,
        pygame.FINGERUP: pygame.MOUSEBUTTONUP,
        pygame.FINGERMOTION: pygame.MOUSEMOTION,
    }[event.type]
    if kind == pygame.MOUSEMOTION:
        return pygame.event.Event(kind, pos=pos, rel=(0, 0), buttons=(1, 0, 0))
    return pygame.event.Event(kind, pos=pos, button=1)


class HoldsTimer(Scene):
    """A scene during which the round timer stands still: the facilitator has the floor (a
    dialog, the help, "Sammenlign borde", the year's summary while the room reads it). The
    pause is taken once when the scene opens, however often it is uncovered again
    (``on_enter`` runs then too), and ended when it closes; pauses nest, so the help opened
    from the menu leaves the timer standing until both are closed."""

    _holds_timer = False

    def on_enter(self) -> None:
        if not self._holds_timer:
            self._holds_timer = True
            self.app.game.pause_timer()

    def on_exit(self) -> None:
        if self._holds_timer:
            self._holds_timer = False
            self.app.game.resume_timer()
