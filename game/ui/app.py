"""The game window: the ``App`` that owns the game, the scene stack and the main loop.

``App`` holds the deck, the engine's ``History``, the settings, the string catalog, fonts and
the window. Scenes send decisions with ``app.do(action)``; the App applies them through the
engine, shows a refused move's localized reason as a toast, and autosaves. ``app.step()`` runs
one frame (events, update, draw) so tests can post events and step; ``app.run()`` is the loop:
60 frames per second while something animates, otherwise it sleeps until an event arrives.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pygame

from game.engine.actions import Action
from game.engine.history import History
from game.engine.model import Deck
from game.engine.rules import IllegalAction, new_game
from game.engine.state import GameState
from game.numbers import format_amount
from game.ui import theme
from game.ui.fonts import Fonts
from game.ui.scene import Scene
from game.ui.strings import CATALOGS, Strings
from game.ui.text import TextRenderer
from game.ui.theme import BODY, Scale

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (320, 200)
FPS = 60
IDLE_SLEEP_MS = 25
"""Sleep between polls while nothing animates (pygame's event.wait polls and costs ~3 % CPU;
a plain sleep keeps an idle board near 0 % with at most 25 ms input latency)."""
TOAST_SECONDS = 4.0
EXIT_OK = 0
EXIT_CRASH = 1
EXIT_BAD_INPUT = 2
EXIT_NOT_SAVED = 3
"""The game ended normally, but what was on screen at the end is not in its save file."""


@dataclass(frozen=True)
class PlaySettings:
    """The choices made before a game starts (mirrors ``game.saves.GameSettings``)."""

    scenario: str
    seed: int
    target: float | None = None
    lang: str = "da"
    timer_minutes: float | None = None


@dataclass
class Toast:
    """A short message at the bottom of the window."""

    text: str
    error: bool
    until: float


class App:
    """The running game window. See the module docstring and ``game.ui.scene``."""

    def __init__(
        self,
        deck: Deck,
        *,
        lang: str = "da",
        size: tuple[int, int] = DEFAULT_SIZE,
        fullscreen: bool = False,
        save_dir: Path | None = None,
        deck_path: Path | None = None,
    ) -> None:
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("Råderumsspillet")
        self.deck = deck
        self.deck_path = deck_path
        self.strings = Strings(lang)
        self.fonts = Fonts()
        self.text = TextRenderer(self.fonts)
        self.theme = theme
        self.window_size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        self.fullscreen = fullscreen
        self.surface = self._open_window()
        self.scenes: list[Scene] = []
        self.history: History | None = None
        self.settings: PlaySettings | None = None
        self.save_dir = save_dir
        self.save_path: Path | None = None
        self.save_created: str | None = None
        self.last_save_ok = False
        """True once the game on screen is safely in its save file."""
        self.saver: Any = None
        """The ``game.saves.GameSaver`` of the game on screen (its lock and save status)."""
        self.running = True
        self.exit_code = EXIT_OK
        self.toasts: list[Toast] = []
        self.frames_drawn = 0
        self.on_frame: list[Callable[[float], bool]] = []
        """Extra per-frame hooks (the autoplay bot); each returns True while it needs frames."""
        self._dirty = True
        self._had_events = False
        self._last_tick = time.monotonic()

    # --- window -------------------------------------------------------------------------
    def _open_window(self) -> pygame.Surface:
        flags = pygame.FULLSCREEN if self.fullscreen else pygame.RESIZABLE
        size = (0, 0) if self.fullscreen else self.window_size
        return pygame.display.set_mode(size, flags)

    def toggle_fullscreen(self) -> None:
        """Switch between fullscreen and a resizable window."""
        if not self.fullscreen:
            self.window_size = self.surface.get_size()
        self.fullscreen = not self.fullscreen
        self.surface = self._open_window()
        self.request_redraw()

    @property
    def size(self) -> tuple[int, int]:
        """The window size in pixels."""
        return self.surface.get_size()

    @property
    def scale(self) -> Scale:
        """Text sizes and spacing for the current window height."""
        return Scale(self.surface.get_height())

    # --- strings ------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        """The UI language ("da" or "en")."""
        return self.strings.lang

    def t(self, key: str, **params: Any) -> str:
        """The UI text ``key`` in the current language, in the deck's unit: a deck with
        ``unit: "t. kr."`` reads "Virkning pr. år (t. kr.)", not "(mio. kr.)"."""
        default = self.strings.t("unit")
        unit = self.unit
        if unit == default:
            return self.strings.t(key, **params)
        template = self.strings.t(key).replace(default, unit)
        try:
            return template.format(**params) if params else template
        except (KeyError, IndexError, ValueError):
            return template

    def amount(self, value: float, *, sign: bool = False, unit: bool = True) -> str:
        """An amount in the deck's unit, Danish style: "12,5 mio. kr."."""
        text = format_amount(value, self.lang, sign=sign)
        return f"{text} {self.unit}" if unit else text

    @property
    def unit(self) -> str:
        """The deck's unit ("t. kr."); the UI language's words for the default "mio. kr."."""
        unit = self.deck.unit
        return self.strings.t("unit") if unit == CATALOGS["da"]["unit"] else unit

    def set_language(self, lang: str) -> None:
        """Switch the UI language."""
        self.strings = Strings(lang)
        if self.settings is not None:
            self.settings = replace(self.settings, lang=self.strings.lang)
        self.request_redraw()

    # --- game ---------------------------------------------------------------------------
    @property
    def state(self) -> GameState:
        """The current game state (only valid once a game is running)."""
        if self.history is None:
            raise RuntimeError("no game is running")
        return self.history.current

    def start_game(
        self,
        deck: Deck,
        settings: PlaySettings,
        history: History | None = None,
        save_path: Path | None = None,
        created: str | None = None,
    ) -> None:
        """Begin (or resume with ``history``) a game and show the board."""
        from game.ui.scenes.board import BoardScene

        self.deck = deck
        self.settings = settings
        if settings.lang != self.lang:
            self.strings = Strings(settings.lang)
        self.history = history or History.start(
            new_game(deck, settings.scenario, settings.seed, settings.target)
        )
        self.save_path = save_path
        self.save_created = created
        if self.save_path is None and self.save_dir is not None:
            self.save_path = self._new_save_path()
        self.replace_all(BoardScene(self))
        self.autosave()

    def do(self, action: Action) -> bool:
        """Apply a decision through the engine. A refused move shows its reason; True if done."""
        if self.history is None:
            return False
        try:
            self.history = self.history.do(action)
        except IllegalAction as error:
            self.show_illegal(error)
            return False
        self.autosave()
        self.request_redraw()
        return True

    def undo(self) -> bool:
        """Take back the last decision (True if something was undone)."""
        if self.history is None:
            return False
        try:
            self.history = self.history.undo()
        except IllegalAction as error:
            self.show_illegal(error)
            return False
        self.toast(self.t("toast.undone"))
        self.autosave()
        return True

    def redo(self) -> bool:
        """Make the last undone decision again (True if something was redone)."""
        if self.history is None:
            return False
        try:
            self.history = self.history.redo()
        except IllegalAction as error:
            self.show_illegal(error)
            return False
        self.toast(self.t("toast.redone"))
        self.autosave()
        return True

    def illegal_message(self, error: IllegalAction) -> str:
        """The localized reason of a refused move."""
        key = f"error.{error.code}"
        params = dict(error.params)
        other = params.get("other")
        if isinstance(other, str) and self.deck.has_proposal(other):
            params["other"] = self.deck.proposal(other).title
        if self.strings.has(key):
            return self.t(key, **params)
        return self.t("error.unknown", reason=error.reason)

    def show_illegal(self, error: IllegalAction) -> None:
        """Show why a move was refused."""
        self.toast(self.illegal_message(error), error=True)

    # --- saving -------------------------------------------------------------------------
    def _new_save_path(self) -> Path:
        from game.saves import new_save_path

        assert self.save_dir is not None
        return new_save_path(self.save_dir)

    def autosave(self) -> None:
        """Write the game to its save file (after every decision) through its
        ``GameSaver``; a failure becomes a toast, and the first one also a line on stderr."""
        if self.history is None or self.settings is None or self.save_path is None:
            return
        from game.saves import GameSaver, GameSettings

        if self.saver is None or self.saver.path != self.save_path:
            if self.saver is not None:
                self.saver.close()  # another game: its save's lock is given back
            # created=None keeps the creation time already in the file (or stamps a new one)
            self.saver = GameSaver(self.save_path, created=self.save_created)
        settings = GameSettings(
            scenario=self.settings.scenario,
            seed=self.settings.seed,
            target=self.settings.target,
            lang=self.settings.lang,
            timer_minutes=self.settings.timer_minutes,
        )
        status = self.saver.save(self.deck, settings, self.history)
        self.last_save_ok = status.ok
        if not status.ok:  # a full disk must not end the workshop
            if self.saver.failures == 1:
                print(
                    f"raaderum: {status.message()} Spillet fortsætter, men beslutningerne "
                    "gemmes ikke, før det lykkes igen.",
                    file=sys.stderr,
                )
            self.toast(self.t("error.save_failed", reason=status.error.cause), error=True)

    # --- scenes -------------------------------------------------------------------------
    @property
    def top(self) -> Scene | None:
        """The scene that receives input."""
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        """Put ``scene`` on top of the stack."""
        self.scenes.append(scene)
        scene.on_enter()
        self.request_redraw()

    def pop(self) -> Scene | None:
        """Remove the top scene (the one below becomes active)."""
        if not self.scenes:
            return None
        scene = self.scenes.pop()
        scene.on_exit()
        if self.scenes:
            self.scenes[-1].on_enter()
        self.request_redraw()
        return scene

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for ``scene``."""
        if self.scenes:
            self.scenes.pop().on_exit()
        self.push(scene)

    def replace_all(self, scene: Scene) -> None:
        """Clear the stack and show ``scene``."""
        while self.scenes:
            self.scenes.pop().on_exit()
        self.push(scene)

    def find(self, kind: type) -> Any:
        """The topmost scene of class ``kind`` on the stack, or None."""
        for scene in reversed(self.scenes):
            if isinstance(scene, kind):
                return scene
        return None

    def request_redraw(self) -> None:
        """Draw a new frame at the next opportunity."""
        self._dirty = True

    def toast(self, text: str, *, error: bool = False) -> None:
        """Show ``text`` for a few seconds at the bottom of the window."""
        self.toasts = [t for t in self.toasts if t.text != text][-2:]
        self.toasts.append(Toast(text, error, time.monotonic() + TOAST_SECONDS))
        self.request_redraw()

    def quit(self, code: int = EXIT_OK) -> None:
        """Leave the loop after this frame (an earlier crash keeps its non-zero exit code)."""
        self.running = False
        self.exit_code = max(self.exit_code, code)

    # --- frames -------------------------------------------------------------------------
    def dispatch(self, event: pygame.event.Event) -> None:
        """Route one event: window events here, input to the top scene."""
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED, pygame.WINDOWRESIZED):
            surface = pygame.display.get_surface()
            if surface is not None:
                self.surface = surface
            self.request_redraw()
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWFOCUSGAINED):
            self.request_redraw()
            return
        if event.type in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
            event = self._finger_as_mouse(event)
        elif event.type in (
            pygame.MOUSEBUTTONDOWN,
            pygame.MOUSEBUTTONUP,
            pygame.MOUSEMOTION,
        ) and getattr(event, "touch", False):
            return  # SDL's copy of a finger event: the finger event itself is used
        top = self.top
        if top is None:
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()  # F11 never types text, so it works even in a field
            return
        if event.type in (
            pygame.KEYDOWN,
            pygame.KEYUP,
            pygame.TEXTINPUT,
            pygame.TEXTEDITING,
            pygame.MOUSEBUTTONDOWN,
            pygame.MOUSEBUTTONUP,
            pygame.MOUSEMOTION,
            pygame.MOUSEWHEEL,
        ):
            if event.type != pygame.MOUSEMOTION:
                self.request_redraw()
            top.handle(event)

    def _finger_as_mouse(self, event: pygame.event.Event) -> pygame.event.Event:
        width, height = self.size
        pos = (round(event.x * width), round(event.y * height))
        kind = {
            pygame.FINGERDOWN: pygame.MOUSEBUTTONDOWN,
            pygame.FINGERUP: pygame.MOUSEBUTTONUP,
            pygame.FINGERMOTION: pygame.MOUSEMOTION,
        }[event.type]
        if kind == pygame.MOUSEMOTION:
            return pygame.event.Event(kind, pos=pos, rel=(0, 0), buttons=(1, 0, 0))
        return pygame.event.Event(kind, pos=pos, button=1)

    def update(self, dt: float) -> bool:
        """Advance every scene and hook by ``dt`` seconds; True while something animates."""
        busy = False
        for scene in list(self.scenes):
            if scene.update(dt):
                busy = True
        for hook in list(self.on_frame):
            if hook(dt):
                busy = True
        now = time.monotonic()
        before = len(self.toasts)
        self.toasts = [t for t in self.toasts if t.until > now]
        if len(self.toasts) != before:
            self.request_redraw()
        if busy:
            self.request_redraw()
        return busy

    def render(self, surface: pygame.Surface) -> None:
        """Draw the visible scenes (from the topmost full scene upwards) and the toasts."""
        start = len(self.scenes) - 1
        while start > 0 and self.scenes[start].is_overlay:
            start -= 1
        if not self.scenes or self.scenes[max(0, start)].is_overlay:
            surface.fill(theme.BACKGROUND)
        for scene in self.scenes[max(0, start) :]:
            scene.draw(surface)
        self._draw_toasts(surface)

    def _draw_toasts(self, surface: pygame.Surface) -> None:
        if not self.toasts:
            return
        from game.ui.draw import panel

        scale = Scale(surface.get_height())
        width, height = surface.get_size()
        y = height - scale.gap * 3
        for toast in reversed(self.toasts):
            size = scale.body
            box_w = min(width - 4 * scale.gap, max(width // 2, size * 24))
            fitted = self.text.fit(
                toast.text, box_w - 4 * scale.gap, size * 4, size, scale.min_text
            )
            box_h = fitted.height + 2 * scale.gap
            y -= box_h
            rect = pygame.Rect((width - box_w) // 2, y, box_w, box_h)
            color = theme.WARNING if toast.error else theme.HEADER
            panel(surface, rect, scale.radius, color)
            self.text.draw(
                surface,
                toast.text,
                rect.inflate(-4 * scale.gap, -2 * scale.gap),
                BODY.sized(size).ink(theme.HEADER_INK).center().middle().shrink(),
            )
            y -= scale.gap

    def toast_texts(self) -> list[str]:
        """The messages on screen now (for tests and the autoplay log)."""
        return [t.text for t in self.toasts]

    def step(self, dt: float | None = None) -> bool:
        """One frame: handle pending events, update, draw if needed. Returns ``update``'s
        answer (True while something animates)."""
        now = time.monotonic()
        if dt is None:
            dt = min(0.1, now - self._last_tick)
        self._last_tick = now
        events = pygame.event.get()
        for event in events:
            self.dispatch(event)
        self._had_events = bool(events)
        busy = self.update(dt)
        if self._dirty:
            self.draw_frame()
        return busy

    def draw_frame(self) -> None:
        """Draw the scenes into the window and show it."""
        surface = pygame.display.get_surface()
        if surface is not None:
            self.surface = surface
        self.render(self.surface)
        pygame.display.flip()
        self.frames_drawn += 1
        self._dirty = False
        if self.frames_drawn == 1 and os.environ.get("RAADERUM_EXIT_AFTER_FIRST_FRAME"):
            print(f"first-frame {time.time():.6f}", flush=True)  # start-up time for the bench
            self.quit()

    def run(self) -> int:
        """The main loop: 60 frames per second while something animates, otherwise short sleeps
        between event polls and no drawing until something changes. Returns the exit code.
        Crashes are logged and the player is told how to resume."""
        clock = pygame.time.Clock()
        busy = True
        while self.running and self.scenes:
            try:
                if busy:
                    clock.tick(FPS)
                elif not self._had_events:
                    pygame.time.wait(IDLE_SLEEP_MS)
                busy = self.step()
            except Exception as error:  # the safety net: log, tell, keep the save
                if not self._crashed(error):
                    return 1
                busy = True
        return self.exit_code

    def _crashed(self, error: BaseException) -> bool:
        """Write the crash log and show a message; False when the message itself failed."""
        log_path = write_crash_log(self.save_dir, error)
        self.exit_code = EXIT_CRASH
        saved = self.save_path is not None and self.last_save_ok
        message = self.t("error.crash" if saved else "error.crash_unsaved", log=str(log_path))
        print(message, file=sys.stderr)
        if getattr(self, "_crash_count", 0) >= 1:
            return False
        self._crash_count = 1
        from game.ui.scenes.dialog import MessageScene

        try:
            self.replace_all(MessageScene(self, self.t("app.title"), message, on_close=self.quit))
            self.draw_frame()
        except Exception:
            return False
        return True


def write_crash_log(save_dir: Path | None, error: BaseException) -> Path:
    """Write the traceback of ``error`` with ``game.saves.write_crash_log`` next to the saves
    (the user data folder's ``saves`` when there is no save folder); returns the log file."""
    from game.paths import user_dir
    from game.saves import write_crash_log as saves_crash_log

    return saves_crash_log(save_dir if save_dir is not None else user_dir() / "saves", error)


# --- command line -----------------------------------------------------------------------
def display_available() -> bool:
    """Initialise the video system; False when there is no screen to show a window on.

    With no display SDL quietly falls back to its invisible "offscreen" (or "dummy") driver, and
    the game would run where nobody can see it; that counts as no display unless the user asked
    for such a driver with SDL_VIDEODRIVER (as tests and headless kiosks do).
    """
    try:
        pygame.display.init()
    except pygame.error:
        return False
    invisible = pygame.display.get_driver() in ("offscreen", "dummy")
    return not invisible or bool(os.environ.get("SDL_VIDEODRIVER"))


def run_play(args: argparse.Namespace) -> int:
    """``raaderum play``: open the window (start screen, or straight to the board)."""
    from game.ui.launch import play

    return play(args)
