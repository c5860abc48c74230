"""Where the game window opens and how large: on the display it was asked for, never larger
than the part of that display's desktop a window can use.

A laptop at 125 % scaling reports a smaller "logical" desktop (1366×768 at 125 % is 1093×614);
a 1280×720 window would then reach past the screen's edge with "Afslut 2027" out of sight.
``first_window_size`` is the pure rule (tested without a display); ``desktop`` asks SDL for the
display's desktop size and, where SDL reports it, its usable area (without the taskbar or the
menu bar).
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pygame

TASKBAR = 48
"""Pixels kept free for a taskbar or dock when SDL does not report the usable area."""
FRAME = (16, 40)
"""Pixels around the window's drawing area: its frame (width) and its title bar (height)."""


@dataclass(frozen=True)
class Desktop:
    """One display as SDL reports it: its desktop size and the usable part of it (None: SDL
    does not say)."""

    size: tuple[int, int]
    usable: tuple[int, int] | None = None


def first_window_size(
    requested: tuple[int, int], desktop: Desktop, minimum: tuple[int, int] = (320, 200)
) -> tuple[int, int]:
    """The size of the first window: ``requested``, but never wider or taller than the usable
    desktop (the desktop less a taskbar when SDL does not report it) less the window's frame
    and title bar; never smaller than ``minimum``."""
    if desktop.usable is not None:
        room_w, room_h = desktop.usable
    else:
        room_w, room_h = desktop.size[0], desktop.size[1] - TASKBAR
    room_w, room_h = room_w - FRAME[0], room_h - FRAME[1]
    width = max(minimum[0], min(requested[0], room_w))
    height = max(minimum[1], min(requested[1], room_h))
    return width, height


FILL_SHARE = 0.9
"""The share of the usable desktop a window opens at when no size is asked for."""


def fitted_window_size(
    desktop: Desktop, least: tuple[int, int], minimum: tuple[int, int] = (320, 200)
) -> tuple[int, int]:
    """The size of the first window when none was asked for: ``FILL_SHARE`` of the usable
    desktop (less the window's frame), at least ``least`` where the desktop has room for it –
    a 1280×720 window in the middle of a 4K screen was tiny from the back of the room, and
    on a 1366×768 laptop it left a frame of wasted screen around the game."""
    if desktop.usable is not None:
        room_w, room_h = desktop.usable
    else:
        room_w, room_h = desktop.size[0], desktop.size[1] - TASKBAR
    room_w, room_h = room_w - FRAME[0], room_h - FRAME[1]
    wanted = (
        max(least[0], round(room_w * FILL_SHARE)),
        max(least[1], round(room_h * FILL_SHARE)),
    )
    return first_window_size(wanted, desktop, minimum)


def choose_display(asked: int | None, count: int) -> int:
    """The display to open on: ``asked`` when it exists, else the first."""
    if asked is None or not 0 <= asked < max(1, count):
        return 0
    return asked


INVISIBLE_DRIVERS = ("dummy", "offscreen")
"""SDL's video drivers without a screen: their "desktop" is no limit to a window's size."""


def desktop(display: int) -> Desktop | None:
    """Display ``display``'s desktop as SDL reports it (the video system must be initialised);
    None for a driver without a screen (tests, screenshots)."""
    if pygame.display.get_driver() in INVISIBLE_DRIVERS:
        return None
    sizes: Sequence[tuple[int, int]] = pygame.display.get_desktop_sizes()
    size = sizes[display] if 0 <= display < len(sizes) else sizes[0]
    return Desktop((int(size[0]), int(size[1])), usable_area(display))


class _Rect(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("w", ctypes.c_int), ("h", ctypes.c_int)]


def _sdl_library() -> ctypes.CDLL | None:
    """The SDL library pygame runs on (its own copy, next to the pygame package)."""
    package = Path(pygame.__file__).parent
    patterns = {
        "win32": [package / "SDL2.dll"],
        "darwin": sorted(package.glob(".dylibs/libSDL2*.dylib")),
    }.get(sys.platform, sorted(package.parent.glob("pygame_ce.libs/libSDL2-2*.so*")))
    for path in patterns:
        if path.name.startswith(("libSDL2_", "SDL2_")):
            continue
        try:
            return ctypes.CDLL(str(path))
        except OSError:
            continue
    return None


def usable_area(display: int) -> tuple[int, int] | None:
    """The usable size of display ``display`` (the desktop less taskbars and menu bars) as SDL
    reports it, or None where it cannot be asked (then ``first_window_size`` keeps room)."""
    try:
        library = _sdl_library()
        if library is None:
            return None
        function = library.SDL_GetDisplayUsableBounds
        function.argtypes = [ctypes.c_int, ctypes.POINTER(_Rect)]
        function.restype = ctypes.c_int
        rect = _Rect()
        if function(display, ctypes.byref(rect)) != 0 or rect.w <= 0 or rect.h <= 0:
            return None
        return rect.w, rect.h
    except (AttributeError, OSError, ValueError):
        return None
