"""The game window: ``App`` owns the window, the scene router, the fonts and the frame loop.

The game itself (history, settings, autosave, undo/redo, notices, the clock) lives in
``game.session.GameController`` as ``app.game``; scenes talk to it, and it talks to the engine
and the saves. Scenes open other scenes by name through the router (``app.push("card",
card=…)``, routes in ``game.ui.scenes.ROUTES``). ``app.step()`` runs one frame (events,
update, draw) so tests can post events and step; ``app.run()`` is the loop: 60 frames per
second while something animates, otherwise it sleeps until an event arrives. With
``window=False`` the App draws into an off-screen surface and never touches the display (the
board picture of a report).
"""

from __future__ import annotations

import io
import os
import sys
import time
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pygame

from game.engine import Deck, History
from game.messages import Catalogue, Message, unit_words
from game.numbers import format_amount, format_exact, format_target
from game.paths import saves_dir
from game.saves import GameSettings, PaperTable, RoundClock, SavedGame
from game.saves import write_crash_log as saves_crash_log
from game.saves.preferences import remember
from game.session import Clock, GameController
from game.ui import theme
from game.ui.cards import say_if_under_floor
from game.ui.fonts import Fonts
from game.ui.scene import Leaving, Route, Router, Scene, finger_as_mouse
from game.ui.scenes import ROUTES
from game.ui.text import TextRenderer
from game.ui.theme import Scale
from game.ui.toasts import draw_notices
from game.ui.window import choose_display, desktop, first_window_size, fitted_window_size

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (320, 200)
WINDOW_MIN = (800, 450)
"""The smallest a user may drag or snap the window to: a half-screen snap on a 1366×768
laptop (683 wide) wrapped card titles a few letters a line; 1280×720 at 150 % (853×480) still
fits."""
FPS = 60
IDLE_SLEEP_MS = 25
"""Sleep between polls while nothing animates (pygame's event.wait polls and costs ~3 % CPU;
a plain sleep keeps an idle board near 0 % with at most 25 ms input latency)."""
PICTURE_SIZE = (1600, 900)
"""The size of a report's board.png."""
EXIT_OK = 0
EXIT_CRASH = 1
EXIT_BAD_INPUT = 2
EXIT_NOT_SAVED = 3
"""The game ended normally, but what was on screen at the end is not in its save file."""


class App:
    """The running game window. See the module docstring and ``game.ui.scene``."""

    def __init__(
        self,
        deck: Deck,
        *,
        lang: str = "da",
        size: tuple[int, int] | None = DEFAULT_SIZE,
        fullscreen: bool = False,
        save_dir: Path | None = None,
        deck_path: Path | None = None,
        clock: Clock = time.monotonic,
        window: bool = True,
        routes: Mapping[str, Route] = ROUTES,
        display: int = 0,
        preferences: Path | None = None,
    ) -> None:
        self.window = window
        self.preferences = preferences
        """The file that keeps the language and the deck for the next window
        (``game.saves.preferences``); None: this window remembers nothing (tests, pictures)."""
        self.report_picture = False
        """True while drawing a report's board.png: a picture cannot be scrolled, so the
        board's lists point to the report instead of saying "rul ned"."""
        self.report_stopped = False
        """The report's picture is of a paper table that stopped early (``board_png``)."""
        self.display = 0
        """The display the window opens on (and goes fullscreen on)."""
        if window:
            window_hints()
            pygame.display.init()
            pygame.display.set_caption("Råderumsspillet")
            self.display = choose_display(display, pygame.display.get_num_displays())
        pygame.font.init()
        self.game = GameController(deck, save_dir=save_dir, deck_path=deck_path, clock=clock)
        self.strings = Catalogue(lang)
        self.fonts = Fonts()
        self.text = TextRenderer(self.fonts)
        asked = size or DEFAULT_SIZE
        self.window_size = (max(MIN_SIZE[0], asked[0]), max(MIN_SIZE[1], asked[1]))
        if window:
            found = desktop(self.display)
            if found is not None and size is None:  # no size asked: most of the desktop
                self.window_size = fitted_window_size(found, self.window_size, MIN_SIZE)
            elif found is not None:  # never larger than the usable desktop of the display
                self.window_size = first_window_size(self.window_size, found, MIN_SIZE)
        self.fullscreen = fullscreen
        self.surface = self._open_window()
        self.router = Router(self, routes, self.request_redraw)
        self.running = True
        self.exit_code = EXIT_OK
        self.frames_drawn = 0
        self.on_frame: list[Callable[[float], bool]] = []
        """Extra per-frame hooks (the autoplay bot); each returns True while it needs frames."""
        self._dirty = True
        self._had_events = False
        self._opened_by_key = False
        """True right after a key opened a scene: the text SDL sends for that key is dropped."""
        self._last_tick = clock()
        self._crash_count = 0

    # --- window -------------------------------------------------------------------------
    def _open_window(self) -> pygame.Surface:
        if not self.window:
            return pygame.Surface(self.window_size)
        flags = pygame.FULLSCREEN if self.fullscreen else pygame.RESIZABLE
        size = (0, 0) if self.fullscreen else self.window_size
        surface = pygame.display.set_mode(size, flags, display=self.display)
        if not self.fullscreen:
            self._keep_readable(surface.get_size())
        return surface

    def _keep_readable(self, size: tuple[int, int]) -> None:
        """Stop the window from being dragged or snapped narrower or lower than
        ``WINDOW_MIN`` (or than it opened, on a smaller desktop)."""
        smallest = (min(WINDOW_MIN[0], size[0]), min(WINDOW_MIN[1], size[1]))
        try:
            with warnings.catch_warnings():  # pygame-ce wants its Window API for drawing too
                warnings.simplefilter("ignore", DeprecationWarning)
                pygame.Window.from_display_module().minimum_size = smallest
        except (AttributeError, pygame.error):  # an older pygame-ce: the window is as it was
            pass

    def toggle_fullscreen(self) -> None:
        """Switch between fullscreen and a resizable window."""
        if not self.window:
            return
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

    @property
    def save_dir(self) -> Path | None:
        """The save folder (None: games are not saved)."""
        return self.game.save_dir

    # --- words --------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        """The UI language ("da" or "en")."""
        return self.strings.lang

    @property
    def catalogue(self) -> Catalogue:
        """The messages of the UI language."""
        return self.strings

    def t(self, key: str, **params: Any) -> str:
        """The UI text ``key`` in the current language, in the deck's unit: a deck with
        ``unit: "t. kr."`` reads "Virkning pr. år (t. kr.)", not "(mio. kr.)"."""
        return self.strings.in_unit(self.unit, key, **params)

    def say(self, message: Message) -> str:
        """A message (key and parameters) in the current language and the deck's unit; a
        refusal whose code the catalogue lacks falls back to the engine's own reason."""
        params = self.strings.worded(message.kwargs)
        if not self.strings.has(message.key) and message.key.startswith("error."):
            return self.t("error.unknown", reason=params.get("reason", message.key))
        return self.t(message.key, **params)

    def amount(
        self, value: float, *, sign: bool = False, unit: bool = True, exact: bool = False
    ) -> str:
        """An amount in the deck's unit, Danish style: "12,5 mio. kr."; ``exact``: with the
        decimals it has, up to two (``format_exact``) – a card's own amounts, as the printed
        card shows them and the game counts them (+0,95, not +1)."""
        if exact:
            text = format_exact(value, self.lang, sign=sign)
        else:
            text = format_amount(value, self.lang, sign=sign)
        return f"{text} {self.unit}" if unit else text

    def target_amount(self, value: float) -> str:
        """A target in the deck's unit with the decimals it has ("5,51 mio. kr.";
        ``format_target``)."""
        return f"{format_target(value, self.lang)} {self.unit}"

    @property
    def unit(self) -> str:
        """The deck's unit ("t. kr."); the UI language's words for the default "mio. kr."."""
        return unit_words(self.game.deck.unit, self.lang)

    def set_language(self, lang: str) -> None:
        """Switch the UI language (the game's settings remember it)."""
        self.strings = Catalogue(lang)
        self.game.set_language(self.strings.lang)
        self.remember(lang=self.strings.lang)
        for scene in self.scenes:
            scene.language_changed()
        self.request_redraw()

    def remember(self, **choices: str | None) -> None:
        """Keep ``choices`` (``lang``, ``deck``) for the next window, when this window has a
        preferences file; one that cannot be written keeps them for this window only."""
        remember(self.preferences, **choices)

    def toast(self, key: str, *, error: bool = False, **params: Any) -> None:
        """Show the message ``key`` (with ``params``) for a few seconds."""
        self.game.notify(Message.of(key, **params), error=error)
        self.request_redraw()

    def toast_texts(self) -> list[str]:
        """The messages on screen now (for tests and the autoplay log)."""
        return [self.say(notice.message) for notice in self.game.notices]

    # --- game ---------------------------------------------------------------------------
    def start_game(
        self,
        deck: Deck,
        settings: GameSettings,
        history: History | None = None,
        save_path: Path | None = None,
        created: str | None = None,
        *,
        read_only: bool = False,
        paper: PaperTable | None = None,
        clock: RoundClock | None = None,
        drafts: tuple[tuple[str, str], ...] = (),
    ) -> None:
        """Begin (or resume with ``history``) a game and show the board (``read_only``: a
        game only to look at; ``paper``: a paper table's entries; ``clock``: the round
        timer's time used when it was saved; ``drafts``: notes typed on cards not yet
        adopted; see ``GameController.start``)."""
        if settings.lang != self.lang:
            self.strings = Catalogue(settings.lang)
        self.game.start(
            deck,
            settings,
            history,
            save_path,
            created,
            read_only=read_only,
            paper=paper,
            clock=clock,
            drafts=drafts,
        )
        self.replace_all("board")

    # --- scenes -------------------------------------------------------------------------
    @property
    def scenes(self) -> list[Scene]:
        """The stack of scenes, bottom first."""
        return self.router.stack

    @property
    def top(self) -> Scene | None:
        """The scene that receives input."""
        return self.router.top

    def push(self, name: str | Scene, **params: Any) -> Scene:
        """Open scene ``name`` (or an already made scene) on top."""
        return self.router.push(name, **params)

    def pop(self) -> Scene | None:
        """Close the top scene."""
        return self.router.pop()

    def replace(self, name: str | Scene, **params: Any) -> Scene:
        """Swap the top scene for scene ``name``."""
        return self.router.replace(name, **params)

    def replace_all(self, name: str | Scene, **params: Any) -> Scene:
        """Clear the stack and show scene ``name``."""
        return self.router.replace_all(name, **params)

    def back_to(self, name: str, **params: Any) -> Scene:
        """Close the scenes above the topmost ``name`` (or swap the top for a new one)."""
        return self.router.back_to(name, **params)

    def find(self, name: str | type) -> Any:
        """The topmost scene ``name`` on the stack, or None."""
        return self.router.find(name)

    def report_board(self, saved: SavedGame, lang: str) -> bytes:
        """A report's board.png, drawn off-screen (``report_board``)."""
        return report_board(saved, lang)

    def request_redraw(self) -> None:
        """Draw a new frame at the next opportunity."""
        self._dirty = True

    def request_quit(self) -> None:
        """Close the window – but while decisions are not saved, first try once more (the
        save folder may be back), and when that fails too say so and offer to save elsewhere
        ("quit" dialog); asked again while it is shown, close. What is typed and not saved
        yet (a card's note) is kept first (``Scene.keep_typed``)."""
        for scene in self.scenes:
            scene.keep_typed()
        if self.find("quit") is None and not self.game.save_pending():
            self.push("quit")
            return
        self.game.keep_clock()
        self.quit()

    def undo(self, *, asked: bool = False) -> None:
        """Take back the last decision (Backspace, Ctrl+Z, "Fortryd"); a table's stored
        result opened from its save asks first ("reopen" dialog), and so does a year's end
        ("reopen_year": the year is noted as reopened), unless ``asked``. From the debrief the
        board comes back in the round taken back."""
        if not asked and self.game.asks_before_undo():
            self.push("reopen")
            return
        if not asked and not self.game.read_only and self.game.reopens_year() is not None:
            # the year's outcome and the next event are seen: played again, it is noted
            self.push("reopen_year")
            return
        before = self.game.state if self.game.history is not None else None
        if not self.game.undo():
            return
        if before is not None:  # the floor notice follows the level (``say_if_under_floor``)
            say_if_under_floor(self, before, self.game.state, "board.under_floor")
        if self.find("debrief") is not None or self.find("year") is not None:
            self.back_to("board")  # the year taken back is played on the board

    def redo(self) -> None:
        """Make the last undone decision again (Ctrl+Y, Ctrl+Shift+Z, "Gentag"); an adoption
        made again that takes the service under its floor says so, as the adoption did (a
        re-test saw only "Gentaget" at −4 under a floor of −3)."""
        before = self.game.state if self.game.history is not None else None
        if self.game.redo() and before is not None:
            say_if_under_floor(self, before, self.game.state, "board.under_floor")

    def leave_game(self, then: Leaving) -> None:
        """Leave the game on screen: for the start screen (``then`` "new"), or from its
        beginning in a new save ("restart"). While decisions are not saved (and one more try
        to save them fails), ask first, as closing the window does ("quit" dialog). What is
        typed and not saved yet, and the round timer's time used, are kept first, as closing
        the window keeps them: the game reopened from the list went on with its round's time
        (it began the round again)."""
        for scene in self.scenes:
            scene.keep_typed()
        if not self.game.save_pending():
            self.push("quit", then=then)
            return
        self.left_game(then)

    def left_game(self, then: Leaving) -> None:
        """Do what ``leave_game`` asked for, now (the players were asked, or nothing is
        unsaved)."""
        self.game.keep_clock()
        if then == "restart":
            if self.game.restart():
                self.replace_all("board")
            return
        if self.game.unsaved() is not None:
            self.game.give_up()  # they chose to leave it: not asked again when closing
        self.replace_all("start")

    def quit(self, code: int = EXIT_OK) -> None:
        """Leave the loop after this frame (an earlier crash keeps its non-zero exit code)."""
        self.running = False
        self.exit_code = max(self.exit_code, code)

    # --- frames -------------------------------------------------------------------------
    def dispatch(self, event: pygame.event.Event) -> None:
        """Route one event: window events here, input to the top scene."""
        if event.type == pygame.QUIT:
            self.request_quit()
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
        if event.type == pygame.WINDOWLEAVE:
            # the mouse left the window: a motion to nowhere, so no card or button stays
            # outlined as if the mouse were still over it
            event = pygame.event.Event(
                pygame.MOUSEMOTION, pos=(-1, -1), rel=(0, 0), buttons=(0, 0, 0), touch=False
            )
            self.request_redraw()
        if event.type in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
            event = finger_as_mouse(event, self.size)
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
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F1 and top.name != "help":
            self.push("help")  # from every screen (the help itself closes on F1)
            self.request_redraw()
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
            if event.type == pygame.TEXTINPUT and self._opened_by_key:
                # the text of the key that opened this scene (G opens "save elsewhere" with
                # its field focused): SDL sends it right after the key, and it is not typed
                self._opened_by_key = False
                return
            if event.type != pygame.TEXTEDITING:
                self._opened_by_key = False
            top.handle(event)
            if event.type == pygame.KEYDOWN and self.top is not top:
                self._opened_by_key = True

    def update(self, dt: float) -> bool:
        """Advance every scene and hook by ``dt`` seconds; True while something animates."""
        busy = False
        for scene in list(self.scenes):
            if scene.update(dt):
                busy = True
        for hook in list(self.on_frame):
            if hook(dt):
                busy = True
        if self.game.expire_notices():
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
        notices = [(self.say(n.message), n.error) for n in self.game.notices]
        if notices and self.scenes:  # where they stand is asked only when there are some
            scene = self.scenes[-1]
            draw_notices(
                surface,
                self.text,
                notices,
                scene.notices_below(),
                scene.notices_area(),
                scene.notices_newest(),
            )

    def step(self, dt: float | None = None) -> bool:
        """One frame: handle pending events, update, draw if needed. Returns ``update``'s
        answer (True while something animates)."""
        now = self.game.clock()
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
        if self.window:
            surface = pygame.display.get_surface()
            if surface is not None:
                self.surface = surface
        self.render(self.surface)
        if self.window:
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
        saved = self.game.save_path is not None and self.game.last_save_ok
        message = self.t("error.crash" if saved else "error.crash_unsaved", log=str(log_path))
        print(message, file=sys.stderr)
        if self._crash_count >= 1:
            return False
        self._crash_count = 1
        try:
            self.replace_all("message", title=self.t("app.title"), text=message, on_close=self.quit)
            self.draw_frame()
        except Exception:
            return False
        return True


def window_hints() -> None:
    """Hints SDL reads when its video system starts (call before ``pygame.display.init``):

    * the name a taskbar or dock shows for the window (X11's WM_CLASS, Wayland's app id):
      "raaderum", also when started as ``python -m game`` (it showed "__main__.py"). pygame
      sets the X11 name to the script's name when it is imported, so it is set, not defaulted;
    * on Windows, per-monitor DPI awareness: on a laptop with display scaling (125 %, 150 %)
      the window gets the screen's real pixels and draws its text sharp at the layout's sizes,
      instead of being drawn small and stretched (blurred) by Windows. pygame-ce documents
      the hint (``SDL_WINDOWS_DPI_AWARENESS``); a value set by the user is kept."""
    for hint in ("SDL_VIDEO_X11_WMCLASS", "SDL_VIDEO_WAYLAND_WMCLASS"):
        os.environ[hint] = "raaderum"
    os.environ.setdefault("SDL_WINDOWS_DPI_AWARENESS", "permonitorv2")


def board_png(
    deck: Deck,
    history: History,
    lang: str = "da",
    size: tuple[int, int] = PICTURE_SIZE,
    *,
    for_report: bool = False,
    stopped: bool = False,
) -> bytes:
    """The board of a game (its last state, with the undo/redo buttons of ``history``) as PNG
    bytes, drawn into an off-screen surface by a window-less ``App``: it never opens, resizes
    or replaces a window (a report written from the running game leaves it as it was).
    ``for_report``: the picture goes next to report.html, so a list too long for the board
    says that the report lists the rest (a picture cannot be scrolled); ``stopped``: a paper
    table that stopped before its last year (``SavedGame.stopped``), whose open year shows no
    table of cards."""
    app = App(deck, lang=lang, size=size, window=False)
    app.report_picture = for_report
    app.report_stopped = stopped
    state = history.current
    app.start_game(deck, GameSettings(state.scenario.id, state.seed, lang=lang), history)
    app.render(app.surface)
    return png_bytes(app.surface)


def png_bytes(surface: pygame.Surface) -> bytes:
    """``surface`` encoded as PNG in memory (no file name reaches SDL, so any folder name
    works, and the bytes can be checked before anything is written)."""
    buffer = io.BytesIO()
    pygame.image.save(surface, buffer, "picture.png")
    return buffer.getvalue()


def report_board(saved: SavedGame, lang: str) -> bytes:
    """The board picture of a report (``game.report.BoardPicture``): ``board_png`` of the saved
    game, drawn off-screen at 1600×900."""
    return board_png(saved.deck, saved.history, lang, for_report=True, stopped=saved.stopped)


def write_crash_log(save_dir: Path | None, error: BaseException) -> Path:
    """Write the traceback of ``error`` with ``game.saves.write_crash_log`` next to the saves
    (the user data folder's ``saves`` when there is no save folder); returns the log file."""
    return saves_crash_log(save_dir if save_dir is not None else saves_dir(), error)
