"""Drive the real game window headlessly: post pygame events and step the App."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

from game.ui.app import App

if TYPE_CHECKING:
    from game.ui.scenes.start import StartScene


class FakeClock:
    """A clock for the game controller that moves only when a test says so: nothing drawn
    depends on when (or how loaded) a test run is."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass."""
        self.now += seconds


def key(app: App, key_code: int, mod: int = 0, unicode: str = "") -> None:
    """Press and release a key, then run one frame."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key_code, mod=mod, unicode=unicode))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key_code, mod=mod))
    app.step(0.02)


CARD_KEYS = [getattr(pygame, f"K_{i}") for i in (*range(1, 10), 0)]
"""The keys that select the market cards 1–10 (1–9, then 0 for the tenth)."""


def select_card(app: App, card: str) -> None:
    """Select a market card with the keys a facilitator uses: its number key (1–9, 0 for the
    tenth), or the arrow keys for the 11th and later cards of a large table."""
    slots = app.find("board").slots()  # a card's number is its place on the table
    index = [slot.card for slot in slots].index(card)
    if index < len(CARD_KEYS):
        key(app, CARD_KEYS[index])
        return
    places = [n for n, slot in enumerate(slots) if slot.open]
    key(app, CARD_KEYS[places[0]])
    for _ in range(places.index(index)):
        key(app, pygame.K_RIGHT)


def type_text(app: App, text: str) -> None:
    """Type ``text`` (as SDL's text input would deliver it)."""
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    app.step(0.02)


def click(app: App, pos: tuple[int, int]) -> None:
    """Click with the left mouse button at ``pos``."""
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
    app.step(0.02)


def tap(app: App, pos: tuple[int, int]) -> None:
    """Touch the screen with a finger at ``pos`` (normalised like SDL's finger events)."""
    width, height = app.size
    x, y = pos[0] / width, pos[1] / height
    pygame.event.post(
        pygame.event.Event(
            pygame.FINGERDOWN, x=x, y=y, dx=0, dy=0, finger_id=0, touch_id=0, pressure=1.0
        )
    )
    pygame.event.post(
        pygame.event.Event(
            pygame.FINGERUP, x=x, y=y, dx=0, dy=0, finger_id=0, touch_id=0, pressure=0.0
        )
    )
    app.step(0.02)


def settle(app: App, frames: int = 40) -> None:
    """Run frames with a long time step so animations finish."""
    for _ in range(frames):
        if not app.step(0.5):
            break
    app.step(0.02)


def pixel(app: App, pos: tuple[int, int]) -> tuple[int, int, int]:
    """The colour on screen at ``pos``."""
    color = app.surface.get_at(pos)
    return (color.r, color.g, color.b)


def post_key(code: int, mod: int = 0) -> None:
    """Post a key press without running a frame (the caller steps the scene itself)."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=""))


def record_text_places(app: App) -> list[tuple[str, pygame.Rect]]:
    """Collect every (text, rectangle) the scenes draw (the real renderer still draws it)."""
    placed: list[tuple[str, pygame.Rect]] = []
    original = app.text.draw

    def spy(surface, text, rect, *args, **kwargs):  # type: ignore[no-untyped-def]
        placed.append((text, pygame.Rect(rect)))
        return original(surface, text, rect, *args, **kwargs)

    app.text.draw = spy  # type: ignore[method-assign]
    return placed


def record_text(app: App) -> list[str]:
    """Collect every text the scenes draw (the real renderer still draws it)."""
    drawn: list[str] = []
    original = app.text.draw

    def spy(surface, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn.append(text)
        return original(surface, text, *args, **kwargs)

    app.text.draw = spy  # type: ignore[method-assign]
    return drawn


def record_chart_text(monkeypatch, module) -> list[str]:  # type: ignore[no-untyped-def]
    """Collect every text a chart module draws with its ``blit_text`` (the charts place their
    labels themselves; the real function still draws them)."""
    texts: list[str] = []
    record_chart_places(monkeypatch, module, texts)
    return texts


def record_chart_places(  # type: ignore[no-untyped-def]
    monkeypatch, module, texts: list[str] | None = None
) -> list[tuple[str, pygame.Rect]]:
    """Collect every (text, rectangle) a chart module draws with its ``blit_text`` (and the
    texts alone into ``texts``, when given)."""
    placed: list[tuple[str, pygame.Rect]] = []
    original = module.blit_text

    def spy(surface, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        box = original(surface, text, *args, **kwargs)
        placed.append((text, box))
        if texts is not None:
            texts.append(text)
        return box

    monkeypatch.setattr(module, "blit_text", spy)
    return placed


def record_cut(app: App) -> list[str]:
    """Collect every text the scenes had to cut (draw with "…") while fitting it."""
    cut: list[str] = []
    fitted = app.text.fitted

    def spy(text, rect, style, scale):  # type: ignore[no-untyped-def]
        result = fitted(text, rect, style, scale)
        if result.truncated:
            cut.append(text)
        return result

    app.text.fitted = spy  # type: ignore[method-assign]
    return cut


def start_screen_with_target(app: App, scenario: str, typed: str) -> StartScene:
    """The start screen on ``scenario`` with ``typed`` in its target field (the field keeps
    the focus); returns the StartScene."""
    from game.ui.scenes.start import StartScene

    start = StartScene(app, seed=4)
    app.push(start)
    app.step(0.02)
    start.choose([s.id for s in app.game.deck.scenarios].index(scenario))
    click(app, start.layout().target_field.center)
    type_text(app, typed)
    return start


def record_drawn_cut(app: App) -> list[str]:
    """Collect every text drawn cut (with "…"), leaving out the fits a layout only measures
    (a panel that asks whether its labels would be whole before it chooses a width)."""
    cut: list[str] = []
    drawing = [0]
    fitted, draw = app.text.fitted, app.text.draw

    def fitted_spy(text, rect, style, scale):  # type: ignore[no-untyped-def]
        result = fitted(text, rect, style, scale)
        if drawing[0] and result.truncated:
            cut.append(text)
        return result

    def draw_spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        drawing[0] += 1
        try:
            return draw(*args, **kwargs)
        finally:
            drawing[0] -= 1

    app.text.fitted = fitted_spy  # type: ignore[method-assign]
    app.text.draw = draw_spy  # type: ignore[method-assign]
    return cut


def notice_frames(app: App) -> tuple[pygame.Surface, pygame.Surface]:
    """The window drawn with the notices it shows now, and again without them (they are
    cleared): where a notice stands, and what it covers."""
    app.render(app.surface)
    shown = app.surface.copy()
    app.game.clear_notices()
    app.render(app.surface)
    return shown, app.surface.copy()


def same_pixels(one: pygame.Surface, other: pygame.Surface, rect: pygame.Rect) -> bool:
    """Whether ``rect`` looks the same on both surfaces."""
    return pygame.image.tobytes(one.subsurface(rect), "RGB") == pygame.image.tobytes(
        other.subsurface(rect), "RGB"
    )
