"""The start screen: deck, scenario (with briefing), the table's name, target, round timer,
start, and the saved games (to continue, to see a finished game's result, or why a file cannot
be opened).

Enter starts the game. The target ("indsæt selv X mio. kr.") is pre-filled from the scenario
and changes with +/− or by typing into its field. The list of saved games scrolls (the mouse
wheel, Page Up/Down). When the save folder cannot be used, the list says why and takes
another folder.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game.content import DeckError, load_deck
from game.engine import Deck, target_limit
from game.numbers import format_amount
from game.paths import absolute, standard_deck
from game.saves import GameSettings, SaveInfo
from game.saves.document import MAX_TIMER_MINUTES, MIN_TIMER_MINUTES
from game.saves.paper import MAX_TABLE_NAME
from game.saves.store import SAVE_SUFFIX
from game.ui.layout_screens import StartLayout, start_layout
from game.ui.opening import open_save
from game.ui.savelist import SaveList
from game.ui.scene import Scene, is_activation, is_key, minus_key, plus_key
from game.ui.start_view import (
    ReachWatch,
    draw_start,
    folder_rects,
    target_step,
    targets_text,
)
from game.ui.stepper import NumberField
from game.ui.textfield import TextField, said_left_out
from game.ui.theme import FONT_BOLD, Scale

if TYPE_CHECKING:
    from game.ui.scene import Host

TIMER_STEP = 1.0
MAX_TIMER = 120.0
"""Minutes per year at most on the round timer."""


def resume_into(app: Host, path: Path) -> bool:
    """Open the save at ``path`` (see ``game.ui.opening.open_save``); True when it is on the
    board."""
    return open_save(app, path)


class StartScene(Scene):
    """Choose deck, scenario, target and timer; start or continue a game."""

    name = "start"

    def __init__(
        self,
        app: Host,
        seed: int | None = None,
        timer: float | None = None,
        remembered: tuple[str, list[str]] | None = None,
        table: str = "",
    ) -> None:
        """``remembered``: the deck the last window used that could not be opened this time (a
        USB stick not plugged in), as its path and the problems found; the screen says so and
        shows the path, so that Enter in the field tries it again. ``table``: the table's name
        given with ``play --table``, in its field (it was left empty)."""
        super().__init__(app)
        self.deck: Deck = app.game.deck
        self.saves = SaveList(app)
        """The saved games in the save folder (``game.ui.savelist``)."""
        self.check_folder()
        self.deck_problems: list[str] = []
        self.deck_message = ""
        self.scenario_index, target = self._last_played()
        self.seed = seed if seed is not None else random.SystemRandom().randrange(1, 1_000_000)
        self.target = NumberField.of(
            target if target is not None else self.scenario.target[-1], app.lang
        )
        if timer is None and app.game.settings is not None:
            # "Nyt spil": the next table plays with the round timer the last one had
            timer = app.game.settings.timer_minutes
        elif timer is None:
            # a new window: the timer of the newest game on the screen's table of this deck
            # (a trial's second window offered the scenario and X, but no timer)
            timer = self._last_timer()
        self.timer = NumberField.of(timer or 0, app.lang)
        self.path_field = TextField(
            self.layout().deck_path,
            app.fonts.get("regular", Scale(app.size[1]).min_text),
            placeholder=app.t("start.deck_path"),
            max_length=400,
            multiline=False,
            show_counter=False,
            rest_at_end=True,
        )
        if app.game.deck_path is not None:
            # the deck given with --deck (or chosen before): its path stands where it is typed
            self.path_field.text = str(app.game.deck_path)
        if remembered is not None:
            self.path_field.text = remembered[0]
            # a deck that is gone (the stick is not in) or one with errors: advice for each
            broken = Path(remembered[0]).exists()
            hint = "start.remembered_deck_hint_broken" if broken else "start.remembered_deck_hint"
            self.deck_problems = [*remembered[1][:11], app.t(hint)]
            self.deck_message = app.t("start.remembered_deck_failed")
        small = app.fonts.get("regular", Scale(app.size[1]).min_text)
        self.table_field = TextField(
            self.layout().table_field,
            small,
            placeholder=app.t("start.table_placeholder"),
            max_length=MAX_TABLE_NAME,
            multiline=False,
            show_counter=False,
            on_full=lambda _: app.toast("start.table_full", error=True, most=MAX_TABLE_NAME),
            on_undrawable=said_left_out(app.toast),
        )
        """The table's name ("Bord 3"): it tells this table's saved game from the others."""
        self.table_field.text = table[:MAX_TABLE_NAME]
        self.folder_field = TextField(
            (0, 0, 10, 10),
            small,
            placeholder=app.t("start.folder_field"),
            max_length=400,
            multiline=False,
            show_counter=False,
            rest_at_end=True,
        )
        """Another save folder, typed when the save folder cannot be used."""
        self.reach = ReachWatch()
        """Redraws the target's caption once the scenario's reach is computed."""

    # --- model --------------------------------------------------------------------------
    def fields(self) -> tuple[TextField, ...]:
        """The text fields of the screen."""
        return (self.path_field, self.table_field, self.folder_field)

    @property
    def folder_problem(self) -> str | None:
        """Why the save folder cannot be used (the list then asks for another), or None."""
        return self.saves.folder_problem

    def _last_played(self) -> tuple[int, float | None]:
        """The scenario (its index in the deck) and X to offer: those the game just played began
        with ("Nyt spil" at a conference where every table plays the same scenario), else those
        the newest saved game of this deck began with, else the deck's first scenario and its
        own X. Either way a target changed for one table mid-game is not the next table's (a
        new window offered it, where "Nyt spil" did not)."""
        scenarios = self.deck.scenarios
        game = self.app.game
        history = game.history
        if history is not None and history.current.deck.content_hash == self.deck.content_hash:
            ids = [s.id for s in scenarios]
            if history.current.scenario.id in ids:
                # the X the game began with: a target changed for one table mid-game (the
                # group struggled) is not the next table's
                return ids.index(history.current.scenario.id), history.initial.targets[-1]
        titles = [s.title for s in scenarios]
        info = self._newest()
        if info is not None and info.scenario_title in titles:
            return titles.index(info.scenario_title), info.began_target
        return 0, None

    def _last_timer(self) -> float | None:
        """The round timer of the newest game of this deck played in a window (a paper
        table's sheet has none), or None."""
        info = self._newest(in_window=True)
        return info.timer_minutes if info is not None else None

    def _newest(self, *, in_window: bool = False) -> SaveInfo | None:
        """The newest saved game of this deck in the save folder (``in_window``: played in a
        window, not entered from paper), or None."""
        for entry in self.saves.entries:
            info = entry.info
            if info is None or info.deck_title != self.deck.title:
                continue
            if not (in_window and info.paper):
                return info
        return None

    def check_folder(self) -> None:
        """Look at the save folder: why it cannot be used, or its games."""
        self.saves.check(self.app.save_dir)

    def use_folder(self) -> None:
        """Save games in the folder typed into the folder field (when it can be used)."""
        text = self.folder_field.text.strip().strip('"')
        if text and self.saves.check(Path(text).expanduser()):
            self.app.game.save_dir = Path(text).expanduser()
            self.app.toast("start.folder_ok", folder=str(self.app.game.save_dir))

    @property
    def scenario(self) -> Any:
        """The chosen scenario."""
        return self.deck.scenarios[self.scenario_index]

    def _scenario_target_text(self) -> str:
        return format_amount(self.scenario.target[-1], self.app.lang)

    @property
    def wants_text_input(self) -> bool:
        """True while a field has the focus."""
        focused = any(field.focused for field in self.fields())
        return self.target.focused or self.timer.focused or focused

    def layout(self) -> StartLayout:
        """The start screen's rectangles."""
        width, height = self.app.size
        # a save folder that cannot be used takes the list's place with what is wrong, the
        # folder's path and a field for another: room for three lines of it (in two, a long
        # path cut the reason off at 1024×768)
        rows = len(self.saves.entries) if self.folder_problem is None else 3
        return start_layout(width, height, len(self.deck.scenarios), rows)

    def choose(self, index: int) -> None:
        """Pick scenario ``index``; the target resets to the scenario's."""
        self.scenario_index = max(0, min(len(self.deck.scenarios) - 1, index))
        self.target.text = self._scenario_target_text()
        self.target.exact = self.scenario.target[-1]

    def target_value(self) -> float | None:
        """The facilitator's X (the last year's target; earlier years scale with it), or None
        when it is the scenario's own."""
        value = self.target.value
        if value is None or not self.target_typed_valid():
            return None  # "-5" gave "Jeres mål −5/−2,35/…" beside the field's "ikke et mål"
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
        typed = Path(path).expanduser()
        if typed.suffix.lower() == SAVE_SUFFIX and typed.is_file():
            # a saved game typed or pasted where a deck goes (from a mail or a shared
            # folder): open it, as the list would – it was read as a deck with no scenario
            resume_into(self.app, typed)
            return
        try:
            deck = load_deck(typed)
        except (DeckError, OSError) as error:
            lang = self.app.lang
            found = error.lines(lang) if isinstance(error, DeckError) else [str(error)]
            self.deck_problems = found[:100]
            self.deck_message = self.app.t("start.deck_problems")
            return
        self.use_deck(deck, Path(path))

    def use_deck(self, deck: Deck, path: Path | None) -> None:
        """Play with ``deck`` (None path = the standard deck)."""
        self.deck = deck
        self.app.game.deck = deck
        self.app.game.deck_path = path
        self.app.remember(deck=None if path is None else str(absolute(path)))
        self.deck_problems = []
        self.deck_message = self.app.t("start.deck_loaded", title=deck.title)
        self.choose(0)

    def use_standard(self) -> None:
        """Back to the standard deck."""
        try:
            self.use_deck(load_deck(standard_deck()), None)
        except DeckError as error:
            self.deck_problems = error.lines(self.app.lang)[:100]

    def target_typed_valid(self) -> bool:
        """True when the target field holds a usable X (0 to the deck's limit) or nothing."""
        typed = self.target.text.strip()
        value = self.target.value
        limit = target_limit(self.deck)
        return not ((typed and value is None) or (value is not None and not 0 <= value <= limit))

    def target_typed_ok(self) -> bool:
        """True when the target field holds a usable X (or nothing); otherwise the toast says
        why, and neither a game nor a paper table goes on with the scenario's target instead."""
        typed = self.target.text.strip()
        limit = target_limit(self.deck)
        if not self.target_typed_valid():
            self.app.toast(
                "start.target_not_number",
                error=True,
                text=typed,
                most=format_amount(limit, self.app.lang),
            )
            return False
        return True

    def timer_typed_ok(self) -> bool:
        """True when the round timer's field holds nothing, 0 or minutes the game can save
        (``MIN_TIMER_MINUTES``–``MAX_TIMER_MINUTES``); otherwise the toast says why and the
        game does not start (a typed "1.000" started a game that could never be saved)."""
        typed = self.timer.text.strip()
        value = self.timer.value
        if not typed or value == 0:
            return True
        if value is not None and MIN_TIMER_MINUTES <= value <= MAX_TIMER_MINUTES:
            return True
        lang = self.app.lang
        self.app.toast(
            "start.timer_not_number",
            error=True,
            text=typed,
            least=format_amount(MIN_TIMER_MINUTES, lang),
            most=format_amount(MAX_TIMER_MINUTES, lang),
        )
        return False

    def enter_paper(self) -> None:
        """Bord på papir for the chosen scenario, against the X on this screen (the printed
        result sheet says which X the table played for)."""
        if self.target_typed_ok():
            self.app.push("paper", scenario=self.scenario.id, target=self.target_value())

    def start(self) -> None:
        """Start the chosen game; a target that is not a number (or is too large) is said,
        and the game does not start on the scenario's target instead."""
        if not self.target_typed_ok() or not self.timer_typed_ok():
            return
        settings = GameSettings(
            scenario=self.scenario.id,
            seed=self.seed,
            target=self.target_value(),
            lang=self.app.lang,
            timer_minutes=self.timer_value(),
            table=" ".join(self.table_field.text.split()),
        )
        self.app.start_game(self.deck, settings)

    def resume(self, index: int) -> None:
        """Open saved game ``index`` of the list (a damaged file: why it cannot be opened)."""
        entry = self.saves.entries[index]
        if entry.damaged is not None:
            text = self.app.t("error.broken_save", reason=entry.damaged.worded(self.app.lang))
            self.app.push("message", title=entry.path.name, text=text)
            return
        resume_into(self.app, entry.path)

    # --- input --------------------------------------------------------------------------
    def tab(self, step: int) -> None:
        """Tab (Shift+Tab): the focus to the next (previous) field – the table's name, the
        target, the round timer, the deck path, the saved games (↑/↓ choose, Enter opens) –
        and after the last one to none, where Enter starts the game. A number keeps its value
        until something is typed."""
        layout = self.layout()
        order: list[object] = [self.table_field, self.target, self.timer, self.path_field]
        rects = {
            id(self.table_field): layout.table_field,
            id(self.path_field): layout.deck_path,
        }
        if self.folder_problem is not None:  # the save folder cannot be used: type another
            order.append(self.folder_field)
            rects[id(self.folder_field)] = folder_rects(self.app, layout.resume_area)[0]
        elif self.saves.entries:
            order.append(self.saves)  # the saved games: ↑/↓ choose one, Enter opens it
        now = next(
            (i for i, f in enumerate(order) if getattr(f, "focused", False)),
            order.index(self.saves) if self.saves.selected is not None else len(order),
        )
        self._blur()
        chosen = (now + step) % (len(order) + 1)
        if chosen == len(order):
            return
        field = order[chosen]
        if field is self.saves:
            self.saves.select(layout.resume_area, 0)
            return
        if isinstance(field, TextField):
            field.set_rect(rects[id(field)])
            field.focus()
            field.anchor, field.cursor = 0, len(field.text)  # typing replaces the name
        elif isinstance(field, NumberField):
            field.focus_kept()

    def _letters(self) -> dict[int, Callable[[], object]]:
        """The screen's letter keys (not in the name or path field, where they are typed)."""
        return {
            pygame.K_h: lambda: self.app.push("help"),  # F1 opens it from every screen
            pygame.K_p: self.enter_paper,  # Bord på papir, from the keyboard too
            pygame.K_s: lambda: self.app.push("compare"),  # a conference's tables side by side
            pygame.K_b: self.show_briefing,  # the scenario's briefing, whole, to read aloud
            pygame.K_l: self.switch_language,  # the other language, as the button says
        }

    def _blur(self) -> None:
        self.target.focused = self.timer.focused = False
        self.saves.selected = None
        for field in self.fields():
            field.blur()

    def _field_key(self, event: pygame.event.Event) -> bool:
        """Keys for a focused text field: Enter does what the field is for, Esc leaves it."""
        field = next((f for f in self.fields() if f.focused), None)
        if field is None or is_activation(event):
            return False
        if is_key(event, pygame.K_TAB):
            self.tab(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        elif is_key(event, pygame.K_RETURN, pygame.K_KP_ENTER):
            self._blur()
            if field is self.path_field:
                self.load_path()
            elif field is self.folder_field:
                self.use_folder()
                if self.saves.folder_problem is not None:
                    # still no good: the field keeps the focus, so the corrected path is typed
                    # into it (a "p" typed next opened "Bord på papir", "l" the language)
                    self.folder_field.focus()
            else:
                self.start()
        elif is_key(event, pygame.K_ESCAPE):
            self._blur()
        else:
            field.handle(event)
        return True

    def show_briefing(self) -> None:
        """The chosen scenario's briefing whole, in a dialog (the panel holds its first lines
        on a small screen)."""
        scenario = self.scenario
        text = scenario.briefing
        custom = self.target_value()
        if custom is not None:  # the deck's text names the scenario's own target
            text = f"{targets_text(self.app, scenario, custom)}.\n\n{text}"
        self.app.push("message", title=scenario.title, text=text)

    def handle(self, event: pygame.event.Event) -> None:
        """Fields, lists and buttons."""
        layout = self.layout()
        if self._field_key(event):
            return
        if event.type == pygame.MOUSEWHEEL:
            self.saves.scroll_by(layout.resume_area, -event.y)
            return
        number = self.target if self.target.focused else self.timer if self.timer.focused else None
        if number is not None and event.type == pygame.TEXTINPUT:
            number.typed(event.text)
            return
        passed_on = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_TAB)
        held = pygame.KMOD_CTRL | pygame.KMOD_META | pygame.KMOD_ALT
        letter = event.type == pygame.KEYDOWN and event.key in self._letters()
        if number is not None and letter and not event.mod & held:
            # a letter makes no number: in the target or the timer the screen's letter keys
            # still work ("B" after typing the timer gave "1b", and the game would not start)
            self._blur()
            pygame.key.stop_text_input()  # the letter is not typed anywhere
            self._letters()[event.key]()
            return
        if number is not None and event.type == pygame.KEYDOWN and event.key not in passed_on:
            number.key(event)
            return
        chosen = self.saves.selected
        if event.type == pygame.KEYDOWN and chosen is not None:
            if event.key in (pygame.K_UP, pygame.K_DOWN):
                step = 1 if event.key == pygame.K_DOWN else -1
                self.saves.select(layout.resume_area, chosen + step)
                return
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                # the row stays chosen: when the game cannot be opened (a damaged file, a game
                # open elsewhere), the keys go on choosing saved games after the message
                # (before, the next ↓ changed the scenario and Enter started a new game)
                self.resume(chosen)
                return
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_TAB:
                self.tab(-1 if event.mod & pygame.KMOD_SHIFT else 1)
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self._blur()
                self.start()
            elif event.key == pygame.K_ESCAPE:
                # Esc leaves a field or a chosen saved game; with nothing chosen it offers to
                # close the game (in fullscreen on a projector there was no way out)
                if number is None and chosen is None:
                    self.app.push("close")
                self._blur()
            elif event.key == pygame.K_DOWN:
                self.choose(self.scenario_index + 1)
            elif event.key == pygame.K_UP:
                self.choose(self.scenario_index - 1)
            elif plus_key(event):
                self.step_target(target_step(self.deck, self.scenario))
            elif minus_key(event):
                self.step_target(-target_step(self.deck, self.scenario))
            elif event.key in self._letters():
                self._letters()[event.key]()
            elif event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
                self.saves.scroll_by(layout.resume_area, -3 if event.key == pygame.K_PAGEUP else 3)
            return
        if not is_activation(event):
            return
        pos = event.pos
        self._blur()
        for i, rect in enumerate(layout.scenarios):
            if rect.collidepoint(pos):
                self.choose(i)
                return
        if self.folder_problem is not None and layout.resume_area.collidepoint(pos):
            # the folder's problem takes the place of the saved games' list; every other
            # button works as ever (a click on Start, Hjælp or "+" did nothing at all)
            field, use = folder_rects(self.app, layout.resume_area)
            if field.collidepoint(pos):
                self.folder_field.set_rect(field)
                self.folder_field.handle(event)
            elif use.collidepoint(pos):
                self.use_folder()
            return
        if layout.resume_area.collidepoint(pos):
            entry = self.saves.click(layout.resume_area, pos)
            if entry is not None:
                self.resume(self.saves.entries.index(entry))
            return
        if layout.table_field.collidepoint(pos):
            self.table_field.set_rect(layout.table_field)
            self.table_field.handle(event)
            return
        lang = self.app.lang
        target = (layout.target_minus, layout.target_field, layout.target_plus)
        timer = (layout.timer_minus, layout.timer_field, layout.timer_plus)
        if layout.start.collidepoint(pos):
            self.start()
        elif self.target.click(
            pos, target, target_step(self.deck, self.scenario), lang
        ) or self.timer.click(pos, timer, TIMER_STEP, lang, high=MAX_TIMER):
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
        elif layout.briefing.collidepoint(pos) and not self.deck_problems:
            self.show_briefing()
        elif self.paper_button(layout).collidepoint(pos):
            self.enter_paper()
        elif self.compare_button(layout).collidepoint(pos):
            self.app.push("compare")
        elif self.language_button(layout).collidepoint(pos):
            self.switch_language()

    def update(self, dt: float) -> bool:
        """Redraw once the reach the target caption waits for is known (``ReachWatch``)."""
        self.reach.update(self.app, self.deck, self.scenario.id)
        return super().update(dt)

    def switch_language(self) -> None:
        """Danish ↔ English before a game starts (the menu does it during a game): a
        facilitator who tried English at the last game's end must get back without a game."""
        self.app.set_language("en" if self.app.lang == "da" else "da")

    def language_changed(self) -> None:
        """The fields' grey hints follow the language (they were made in the old one), and
        so do the numbers in the target and timer fields: 47,5 becomes 47.5 in English, as
        the line above them says it."""
        lang = self.app.lang
        for name in ("target", "timer"):
            field = getattr(self, name)
            value = field.value
            if value is not None and field.lang != lang:
                setattr(self, name, NumberField.of(value, lang))
        self.path_field.placeholder = self.app.t("start.deck_path")
        self.table_field.placeholder = self.app.t("start.table_placeholder")
        self.folder_field.placeholder = self.app.t("start.folder_field")

    # --- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """The whole start screen (``game.ui.start_view.draw_start``)."""
        draw_start(self, surface)

    def language_button(self, layout: StartLayout) -> pygame.Rect:
        """ "In English (L)" / "På dansk (L)", left of "Bord på papir"."""
        paper = self.paper_button(layout)
        width = round(layout.help.width * 1.7)
        gap = Scale(self.app.size[1]).gap
        return pygame.Rect(paper.x - gap - width, paper.y, width, paper.height)

    def compare_button(self, layout: StartLayout) -> pygame.Rect:
        """ "Sammenlign borde (S)" at the right end of the saved games' heading: a conference
        host had to start or open a game to reach the comparison from its menu."""
        scale = Scale(self.app.size[1])
        label = layout.resume_label
        width = self.app.text.width(self.app.t("start.compare"), scale.min_text, FONT_BOLD)
        width = min(label.width // 2, width + 3 * scale.gap)
        return pygame.Rect(label.right - width, label.y, width, label.height)

    def paper_button(self, layout: StartLayout) -> pygame.Rect:
        """ "Bord på papir …", left of the help button: enter what a paper table chose."""
        help_rect = layout.help
        width = round(help_rect.width * 2.2)
        gap = Scale(self.app.size[1]).gap
        return pygame.Rect(help_rect.x - gap - width, help_rect.y, width, help_rect.height)
