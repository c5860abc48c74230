"""The first window fits the usable desktop of the display it was asked for (a 1366×768
laptop at 125 % scaling has a 1093×614 logical desktop), and fullscreen uses that display."""

from __future__ import annotations

import pygame
import pytest

import game.ui.app as app_module
from game.ui.app import App
from game.ui.window import FRAME, TASKBAR, Desktop, choose_display, first_window_size

LAPTOP_125 = Desktop((1093, 614))
"""A 1366×768 laptop at 125 % scaling, as SDL reports it (no usable area known)."""


def test_the_first_window_never_exceeds_the_usable_desktop():
    width, height = first_window_size((1280, 720), LAPTOP_125)
    assert width <= 1093 - FRAME[0] and height <= 614 - TASKBAR - FRAME[1]
    # where SDL reports the usable area (the desktop less the taskbar), that is the limit
    width, height = first_window_size((1280, 720), Desktop((1093, 614), (1093, 566)))
    assert (width, height) == (1093 - FRAME[0], 566 - FRAME[1])
    # a window that fits is opened as asked; a tiny desktop still gets a usable window
    assert first_window_size((1024, 600), Desktop((1920, 1080), (1920, 1040))) == (1024, 600)
    assert first_window_size((1280, 720), Desktop((300, 200))) == (320, 200)


def test_a_display_that_does_not_exist_falls_back_to_the_first():
    assert choose_display(1, 2) == 1
    assert choose_display(2, 2) == 0
    assert choose_display(-1, 2) == 0
    assert choose_display(None, 1) == 0


@pytest.fixture
def opened(monkeypatch):
    """Every ``set_mode`` call of the window: (size, flags, display)."""
    calls = []
    real = pygame.display.set_mode

    def spy(size=(0, 0), flags=0, depth=0, display=0, vsync=0):  # type: ignore[no-untyped-def]
        calls.append((tuple(size), flags, display))
        return real(size, flags)  # the dummy driver has one display

    monkeypatch.setattr(pygame.display, "set_mode", spy)
    monkeypatch.setattr(pygame.display, "get_num_displays", lambda: 2)
    return calls


def test_the_window_opens_within_the_laptops_desktop_on_the_display_asked_for(
    monkeypatch, std_deck, opened
):
    """Before: the 1280×720 window opened larger than the 1093×614 desktop, with the menu and
    "Afslut 2027" off-screen."""
    asked = []

    def laptop(display: int) -> Desktop:
        asked.append(display)
        return Desktop((1093, 614), (1093, 566))

    monkeypatch.setattr(app_module, "desktop", laptop)
    app = App(std_deck, size=(1280, 720), display=1)
    assert asked == [1]
    width, height = app.size
    assert width <= 1093 and height + FRAME[1] <= 566
    assert opened[-1][2] == 1  # on display 1
    app.push("start")
    app.step(0.02)
    app.toggle_fullscreen()
    assert opened[-1] == ((0, 0), pygame.FULLSCREEN, 1)  # fullscreen on the same display
    app.toggle_fullscreen()
    assert opened[-1][0] == (width, height) and opened[-1][2] == 1


def test_a_display_that_is_not_there_opens_the_window_on_the_first(std_deck, opened):
    app = App(std_deck, size=(800, 600), display=7)
    assert app.display == 0 and opened[-1][2] == 0


def test_the_taskbar_names_the_game_not_the_script(std_deck, monkeypatch, tmp_path):
    """pygame names the X11 window class after the script when it is imported, so a dock
    showed "__main__.py" for `python -m game` (the bundle's start.sh). SDL reads the name when
    its video system starts; the window now starts it with "raaderum"."""
    monkeypatch.setenv("SDL_VIDEO_X11_WMCLASS", "__main__.py")  # what pygame's import left
    monkeypatch.delenv("SDL_WINDOWS_DPI_AWARENESS", raising=False)
    seen: list[tuple[str | None, str | None]] = []
    init = pygame.display.init

    def spy() -> None:
        import os

        hints = ("SDL_VIDEO_X11_WMCLASS", "SDL_WINDOWS_DPI_AWARENESS")
        seen.append(tuple(os.environ.get(hint) for hint in hints))  # type: ignore[arg-type]
        init()

    monkeypatch.setattr(pygame.display, "init", spy)
    App(std_deck, size=(1024, 768), save_dir=tmp_path)
    # … and a Windows laptop with display scaling draws it sharp, not stretched by Windows
    assert seen and set(seen) == {("raaderum", "permonitorv2")}


def test_a_window_without_a_size_asked_for_fills_most_of_the_desktop():
    # at 3840×2160 the game opened as a 1280×720 window in the middle of the screen, tiny
    # from the back of the room; a size asked for (--size) is still kept as it was
    from game.ui.window import fitted_window_size

    four_k = Desktop((3840, 2160), (3840, 2112))
    width, height = fitted_window_size(four_k, (1280, 720))
    assert width >= 0.85 * 3840 and height >= 0.85 * 2112
    assert width <= 3840 - FRAME[0] and height <= 2112 - FRAME[1]
    assert first_window_size((1280, 720), four_k) == (1280, 720)
    # a laptop at 125 % (1093×614 logical): the most the desktop holds, as before
    laptop = Desktop((1093, 614))
    assert fitted_window_size(laptop, (1280, 720)) == first_window_size((1280, 720), laptop)
    # a full HD projector: nine tenths of what a window can use, (1920 − 16) × 0,9 and
    # (1040 − 40) × 0,9
    assert fitted_window_size(Desktop((1920, 1080), (1920, 1040)), (1280, 720)) == (1714, 900)
