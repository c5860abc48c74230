"""The start screen: deck, scenario (with briefing), target, round timer, start, continue.

Enter starts the game. The target ("indsæt selv X mio. kr.") is pre-filled from the scenario
and changes with +/− or by typing into its field.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game.content import DeckError, load_deck
from game.engine import Deck
from game.numbers import format_amount
from game.paths import standard_deck
from game.saves import GameSettings, SaveError, list_saves, read_save
from game.ui import theme
from game.ui.draw import button
from game.ui.layout_screens import StartLayout, start_layout
from game.ui.scene import Scene, is_activation, is_key
from game.ui.start_view import draw_briefing, draw_resumes, draw_scenarios
from game.ui.stepper import NumberField, draw_stepper
from game.ui.textfield import TextField
from game.ui.theme import BODY, TINY, TITLE, Scale

if TYPE_CHECKING:
    from game.ui.scene import Host

TARGET_STEP = 5.0
TIMER_STEP = 1.0
MAX_TIMER = 120.0
"""Minutes per year at most on the round timer."""


def resume_into(app: Host, path: Path) -> bool:
    """Load the save at ``path`` into ``app`` (a broken save shows a dialog); True if loaded."""
    try:
        saved = read_save(path)
    except SaveError as error:
        reason = app.t("error.broken_save", reason=str(error))
        app.push("message", title=app.t("app.title"), text=reason)
        return False
    app.start_game(saved.deck, saved.settings, saved.history, saved.path, saved.created)
    return True


class StartScene(Scene):
    """Choose deck, scenario, target and timer; start or continue a game."""

    name = "start"

    def __init__(self, app: Host, seed: int | None = None, timer: float | None = None) -> None:
        super().__init__(app)
        self.deck: Deck = app.game.deck
        self.saves = self._list_saves()
        self.deck_problems: list[str] = []
        self.deck_message = ""
        self.scenario_index = 0
        self.seed = seed if seed is not None else random.SystemRandom().randrange(1, 1_000_000)
        self.target = NumberField.of(self.scenario.target[-1], app.lang)
        self.timer = NumberField.of(timer or 0, app.lang)
        self.path_field = TextField(
            self.layout().deck_path,
            app.fonts.get("regular", Scale(app.size[1]).min_text),
            placeholder=app.t("start.deck_path"),
            max_length=400,
            multiline=False,
            show_counter=False,
        )

    # --- model --------------------------------------------------------------------------
    def _list_saves(self) -> list[Any]:
        if self.app.save_dir is None:
            return []
        try:
            return list(list_saves(self.app.save_dir))[:4]
        except OSError:
            return []

    @property
    def scenario(self) -> Any:
        """The chosen scenario."""
        return self.deck.scenarios[self.scenario_index]

    def _scenario_target_text(self) -> str:
        return format_amount(self.scenario.target[-1], self.app.lang)

    @property
    def wants_text_input(self) -> bool:  # type: ignore[override]
        """True while a field has the focus."""
        return self.target.focused or self.timer.focused or self.path_field.focused

    def layout(self) -> StartLayout:
        """The start screen's rectangles."""
        width, height = self.app.size
        return start_layout(width, height, len(self.deck.scenarios), len(self.saves))

    def choose(self, index: int) -> None:
        """Pick scenario ``index``; the target resets to the scenario's."""
        self.scenario_index = max(0, min(len(self.deck.scenarios) - 1, index))
        self.target.text = self._scenario_target_text()
        self.target.exact = self.scenario.target[-1]

    def target_value(self) -> float | None:
        """The facilitator's X (the last year's target; earlier years scale with it), or None
        when it is the scenario's own."""
        value = self.target.value
        if value is None:
            return None
        if abs(value - self.scenario.target[-1]) < 1e-9:
            return None
        return value

    def timer_value(self) -> float | None:
        """Minutes per year, or None for no timer."""
        value = self.timer.value
        return value if value and value > 0 else None

    def step_target(self, delta: float) -> None:
        """+/− on the target."""
        self.target.step(delta, self.app.lang)

    def load_path(self) -> None:
        """Load the deck typed into the path field; problems are listed as FILE:LINE lines."""
        path = self.path_field.text.strip().strip('"')
        if not path:
            return
        try:
            deck = load_deck(Path(path).expanduser())
        except DeckError as error:
            self.deck_problems = [str(p) for p in error.problems][:12]
            self.deck_message = self.app.t("start.deck_problems")
            return
        except OSError as error:
            self.deck_problems = [str(error)]
            self.deck_message = self.app.t("start.deck_problems")
            return
        self.use_deck(deck, Path(path))

    def use_deck(self, deck: Deck, path: Path | None) -> None:
        """Play with ``deck`` (None path = the standard deck)."""
        self.deck = deck
        self.app.game.deck = deck
        self.app.game.deck_path = path
        self.deck_problems = []
        self.deck_message = self.app.t("start.deck_loaded", title=deck.title)
        self.choose(0)

    def use_standard(self) -> None:
        """Back to the standard deck."""
        try:
            self.use_deck(load_deck(standard_deck()), None)
        except DeckError as error:
            self.deck_problems = [str(p) for p in error.problems][:12]

    def start(self) -> None:
        """Start the chosen game."""
        settings = GameSettings(
            scenario=self.scenario.id,
            seed=self.seed,
            target=self.target_value(),
            lang=self.app.lang,
            timer_minutes=self.timer_value(),
        )
        self.app.start_game(self.deck, settings)

    def resume(self, index: int) -> None:
        """Continue saved game ``index`` of the list."""
        resume_into(self.app, self.saves[index].path)

    # --- input --------------------------------------------------------------------------
    def _blur(self) -> None:
        self.target.focused = self.timer.focused = False
        self.path_field.blur()

    def handle(self, event: pygame.event.Event) -> None:
        """Fields, lists and buttons."""
        layout = self.layout()
        path_focused = self.path_field.focused
        if path_focused and not is_activation(event):
            if is_key(event, pygame.K_RETURN, pygame.K_KP_ENTER):
                self._blur()
                self.load_path()
            elif is_key(event, pygame.K_ESCAPE):
                self._blur()
            else:
                self.path_field.handle(event)
            return
        number = self.target if self.target.focused else self.timer if self.timer.focused else None
        if number is not None and event.type == pygame.TEXTINPUT:
            number.typed(event.text)
            return
        if (
            number is not None
            and event.type == pygame.KEYDOWN
            and event.key
            not in (
                pygame.K_RETURN,
                pygame.K_KP_ENTER,
                pygame.K_ESCAPE,
                pygame.K_TAB,
            )
        ):
            number.key(event)
            return
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self._blur()
                self.start()
            elif event.key == pygame.K_ESCAPE:
                self._blur()
            elif event.key == pygame.K_DOWN:
                self.choose(self.scenario_index + 1)
            elif event.key == pygame.K_UP:
                self.choose(self.scenario_index - 1)
            elif event.key in (pygame.K_PLUS, pygame.K_KP_PLUS):
                self.step_target(TARGET_STEP)
            elif event.key in (pygame.K_MINUS, pygame.K_KP_MINUS):
                self.step_target(-TARGET_STEP)
            elif event.key in (pygame.K_F1, pygame.K_h):
                self.app.push("help")
            return
        if not is_activation(event):
            return
        pos = event.pos
        self._blur()
        for i, rect in enumerate(layout.scenarios):
            if rect.collidepoint(pos):
                self.choose(i)
                return
        for i, rect in enumerate(layout.resumes):
            if rect.collidepoint(pos) and i < len(self.saves):
                self.resume(i)
                return
        lang = self.app.lang
        target = (layout.target_minus, layout.target_field, layout.target_plus)
        timer = (layout.timer_minus, layout.timer_field, layout.timer_plus)
        if layout.start.collidepoint(pos):
            self.start()
        elif self.target.click(pos, target, TARGET_STEP, lang) or self.timer.click(
            pos, timer, TIMER_STEP, lang, high=MAX_TIMER
        ):
            return
        elif layout.deck_standard.collidepoint(pos):
            self.use_standard()
        elif layout.deck_load.collidepoint(pos):
            self.load_path()
        elif layout.deck_path.collidepoint(pos):
            self.path_field.set_rect(layout.deck_path)
            self.path_field.handle(event)
        elif layout.help.collidepoint(pos):
            self.app.push("help")
        elif self.paper_button(layout).collidepoint(pos):
            self.app.push("paper", scenario=self.scenario.id)

    # --- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """The whole start screen."""
        app = self.app
        text = app.text
        layout = self.layout()
        scale = Scale(surface.get_height())
        surface.fill(theme.BACKGROUND)
        text.draw(surface, app.t("app.title"), layout.title, TITLE.lines(1).shrink())
        text.draw(
            surface,
            f"{app.t('app.subtitle')} · {self.deck.title}",
            layout.subtitle,
            BODY.ink(theme.MUTED).lines(1).shrink(),
        )
        button(surface, text, layout.help, app.t("board.help"), scale.min_text, radius=scale.radius)
        button(
            surface,
            text,
            self.paper_button(layout),
            app.t("paper.open"),
            scale.min_text,
            radius=scale.radius,
        )
        self._label(surface, app.t("start.deck"), layout.deck_label, scale)
        button(
            surface,
            text,
            layout.deck_standard,
            app.t("start.deck_standard"),
            scale.min_text,
            radius=scale.radius,
            primary=self.app.game.deck_path is None,
        )
        self._draw_path_field(surface, layout.deck_path, scale)
        button(
            surface,
            text,
            layout.deck_load,
            app.t("start.deck_load"),
            scale.min_text,
            radius=scale.radius,
        )
        status = self.deck_message
        if status:
            text.draw(
                surface,
                status,
                layout.deck_status,
                TINY.ink(theme.WARNING if self.deck_problems else theme.MUTED).lines(1),
            )
        self._label(surface, app.t("start.scenario"), layout.scenario_label, scale)
        draw_scenarios(app, surface, layout, self.deck.scenarios, self.scenario_index)
        draw_briefing(app, surface, layout.briefing, self.scenario, self.deck_problems)
        suffix = app.unit
        if self.target_value() is None and len(set(self.scenario.target)) > 1:
            targets = "/".join(format_amount(t, app.lang) for t in self.scenario.target)
            suffix = f"{suffix} {app.t('start.target_scenario', amount=targets)}"
        target_rects = (
            layout.target_label,
            layout.target_minus,
            layout.target_field,
            layout.target_plus,
        )
        draw_stepper(
            surface, text, target_rects, app.t("start.target"), self.target, scale, suffix=suffix
        )
        timer_rects = (
            layout.timer_label,
            layout.timer_minus,
            layout.timer_field,
            layout.timer_plus,
        )
        draw_stepper(
            surface, text, timer_rects, app.t("start.timer"), self.timer, scale, suffix="min"
        )
        button(
            surface,
            text,
            layout.start,
            app.t("start.start"),
            scale.heading,
            radius=scale.radius,
            primary=True,
            hint=app.t("start.start_hint"),
        )
        self._label(surface, app.t("start.resume"), layout.resume_label, scale)
        draw_resumes(app, surface, layout, self.saves)

    def paper_button(self, layout: StartLayout) -> pygame.Rect:
        """ "Bord på papir …", left of the help button: enter what a paper table chose."""
        help_rect = layout.help
        width = round(help_rect.width * 2.2)
        gap = Scale(self.app.size[1]).gap
        return pygame.Rect(help_rect.x - gap - width, help_rect.y, width, help_rect.height)

    def _label(self, surface: pygame.Surface, label: str, rect: pygame.Rect, scale: Scale) -> None:
        """The bold name over a group of choices ("Kortspil", "Scenarie", "Fortsæt")."""
        self.app.text.draw(surface, label, rect, BODY.bold().lines(1).shrink())

    def _draw_path_field(self, surface: pygame.Surface, rect: pygame.Rect, scale: Scale) -> None:
        self.path_field.set_rect(rect)
        self.path_field.font = self.app.fonts.get("regular", scale.min_text)
        self.path_field.draw(surface)
