"""The board's input: keys and clicks, and what a click on each part of the board means. A
mixin of ``game.ui.scenes.board.BoardScene`` (the scene keeps the table, the decisions and the
drawing); the keys are listed in the board's module docstring and the help."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.ui import panels
from game.ui.scene import ctrl_held, is_activation, shift_held

if TYPE_CHECKING:
    from game.engine import GameState
    from game.ui.scene import Host

NUMBER_KEYS = {getattr(pygame, f"K_{i}"): i for i in range(1, 10)}
NUMBER_KEYS.update({getattr(pygame, f"K_KP{i}"): i for i in range(1, 10)})
NUMBER_KEYS.update({pygame.K_0: 10, pygame.K_KP0: 10})
"""The number keys (and the keypad's) that select the market cards 1–9, and 0 for card 10;
the arrow keys reach every card, also the 11th and 12th of a large table."""

TWO_DIGIT_SECONDS = 1.2
"""Seconds in which a second number key makes one number with the first: "1" then "2"
selects card 12 of a large table (a facilitator typed 12, got card 1 and adopted it with
Enter). Counted by the scene's own clock (``update``), never the wall clock."""

CLICKER_KEYS = (pygame.K_PAGEDOWN, pygame.K_PAGEUP)
"""What a presenter remote sends for "next" and "previous" (most of them; others send → ←)."""
STEP_KEYS = {pygame.K_RIGHT: 1, pygame.K_PAGEDOWN: 1, pygame.K_LEFT: -1, pygame.K_PAGEUP: -1}
"""The keys that select the next (1) and the previous (−1) card on the table: the arrows and a
presenter remote's Page Down / Page Up (also in a card's close-up, which then shows the next)."""
CLICK_THROUGH = 0.6
"""Seconds after the board comes back on top in a new year (the year reveal's "Videre"
closed) in which a click on the end-year button is taken for the second click of a
double-click on "Videre", which stands at the same place, and ignored: a double-click ended
the next year unasked. Space and the keys are not held back."""


class BoardInput:
    """What the board does with a key or a click (see the module docstring)."""

    digit_pending: tuple[int, float] | None = None
    """The first number key of a two-digit card number and the seconds left for the second."""

    if TYPE_CHECKING:  # what the board scene has, and this mixin uses
        app: Host
        flash: dict[str, float]
        hover: str | None
        selected: str | None
        adopted: Any
        uncovered_at: float

        @property
        def state(self) -> GameState: ...
        @property
        def panels(self) -> list[Any]: ...
        def select(self, number: int, quiet: bool = False) -> None: ...
        def slots(self) -> tuple[Any, ...]: ...

        last_place: int | None

        def selected_card(self) -> str | None: ...
        def open_card(self, card: str) -> None: ...
        def adopt(self, card: str | None = None, note: str = "") -> bool: ...
        def end_year(self) -> None: ...
        def open_events(self) -> None: ...
        def continue_in_copy(self) -> None: ...
        def scroll_adopted(self, lines: int) -> None: ...
        def layout(self) -> Any: ...
        def table(self) -> Any: ...

    def handle(self, event: pygame.event.Event) -> None:
        """Keys and clicks of the board (a key or click also cuts a highlight short)."""
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.flash.clear()
        if event.type == pygame.KEYDOWN:
            self._key(event)
        elif is_activation(event):
            self._part_digit()  # a click between two number keys parts them
            target = self.target_at(event.pos)
            if target == "end_year" and self.app.game.clock() - self.uncovered_at < CLICK_THROUGH:
                return  # the second click of a double-click on the screen that just closed
            self.activate(target)
        elif event.type == pygame.MOUSEWHEEL:
            self.scroll_adopted(-event.y * 3)
        elif event.type == pygame.MOUSEMOTION:
            target = self.target_at(event.pos)
            if target != self.hover:
                self.hover = target
                self.app.request_redraw()

    def target_at(self, pos: tuple[int, int]) -> str | None:
        """What a click at ``pos`` would hit (the panels' answer): "card:N", "adopted:ID",
        "events", "end_year", "target" (the year chart's title), a header button, or None."""
        return panels.hit(self.panels, pos, self.layout(), self.table())

    def activate(self, target: str | None) -> None:
        """Do what a click on ``target`` does."""
        if target is None:
            return
        kind, _, rest = target.partition(":")
        if kind == "card":
            slot = self.slots()[int(rest)]
            if slot.open:
                self.selected = slot.card
                self.open_card(slot.card)
        elif kind == "adopted":
            self.open_card(rest)
        elif kind == "scroll_adopted":
            page = max(1, self.adopted.capacity(self.layout()) - 2)
            self.scroll_adopted(-page if rest == "up" else page)
        else:
            actions = {
                "end_year": self.end_year,
                "events": self.open_events,
                "target": self.open_target,
                "undo": self.app.undo,
                "redo": self.app.redo,
                "help": lambda: self.app.push("help"),
                "menu": lambda: self.app.push("menu"),
                "save_elsewhere": lambda: self.app.push("save_elsewhere"),
                "as_copy": self.continue_in_copy,
            }
            actions[kind]()

    def open_target(self) -> None:
        """The "Skift mål" dialog – not for a game open read-only, which says why instead
        (its dialog took a new target and closed without a change)."""
        if not self.app.game.refuse_read_only():
            self.app.push("target")

    def step_selection(self, step: int) -> None:
        """Select the next (``step`` 1) or the previous (−1) card still open on the table, round
        the table; with none selected, on from the card adopted last (else the first or last)."""
        places = [n for n, slot in enumerate(self.slots(), start=1) if slot.open]
        if not places:
            return
        current = self.selected_card()
        numbers = {slot.card: n for n, slot in enumerate(self.slots(), start=1)}
        if current in numbers and numbers[current] in places:
            at = places.index(numbers[current])
            self.select(places[(at + step) % len(places)])
        elif self.last_place is not None:  # on from the card adopted last
            after = [n for n in places if (n - self.last_place) * step > 0]
            # none left that way: round the table, as from any other card
            self.select(
                (after[0] if step > 0 else after[-1])
                if after
                else (places[0] if step > 0 else places[-1])
            )
        else:
            self.select(places[0] if step > 0 else places[-1])

    def number_key(self, digit: int) -> None:
        """Select the card numbered by the key ``digit`` (0 is card 10), or – within
        ``TWO_DIGIT_SECONDS`` of a 1 on a table of ten or more – card 10 + ``digit``."""
        pending = self.digit_pending
        self.digit_pending = None
        number = 10 if digit == 0 else digit
        if pending is not None and 10 * pending[0] + digit <= len(self.slots()):
            self.select(10 * pending[0] + digit)
            return
        if digit == 1 and len(self.slots()) >= 10:
            # maybe the first key of 11 or 12: card 1 is selected at once if it is open, but
            # a card 1 already adopted is said only if no second key comes ("1" "1" for card
            # 11 flashed "Nr. 1 … er allerede vedtaget i år" in front of the room)
            self.select(number, quiet=True)
            self.digit_pending = (1, TWO_DIGIT_SECONDS)
            return
        self.select(number)

    def _part_digit(self) -> bool:
        """The number key waiting for a second one is alone after all: a card 1 that cannot be
        selected is said now. True when it was said."""
        pending, self.digit_pending = self.digit_pending, None
        if pending is not None:
            slots = self.slots()
            if slots and not slots[0].open:
                self.select(pending[0])
                return True
        return False

    def age_digit(self, dt: float) -> None:
        """Let ``dt`` seconds pass for a number key waiting for its second digit."""
        if self.digit_pending is not None:
            first, left = self.digit_pending
            if left > dt:
                self.digit_pending = (first, left - dt)
            else:
                self._part_digit()

    def _key(self, event: pygame.event.Event) -> None:
        key = event.key
        # "1", Enter, "1" is card 1 again, not card 11; "1" then Enter on an adopted card 1
        # says so and adopts nothing ("Vælg først et forslag" stood above it, or the card
        # selected a moment before was adopted)
        enter = key in (pygame.K_RETURN, pygame.K_KP_ENTER)
        if key not in NUMBER_KEYS and self._part_digit() and enter:
            return
        if ctrl_held(event):
            if (key == pygame.K_z and shift_held(event)) or key == pygame.K_y:
                self.app.redo()
            elif key == pygame.K_z:
                self.app.undo()
            return
        places = [n for n, slot in enumerate(self.slots(), start=1) if slot.open]
        if key in NUMBER_KEYS:
            self.number_key(NUMBER_KEYS[key] % 10)
        elif key in STEP_KEYS and places:
            self.step_selection(STEP_KEYS[key])
        elif key == pygame.K_o:
            chosen = self.selected_card()
            if chosen is not None:
                self.open_card(chosen)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.adopt()
        elif key == pygame.K_SPACE:
            self.end_year()
        elif key == pygame.K_BACKSPACE:
            self.app.undo()
        elif key == pygame.K_h:  # F1: the window opens the help from every screen
            self.app.push("help")
        elif key == pygame.K_ESCAPE:
            self.app.push("menu")
        elif key == pygame.K_g:
            if self.app.game.unsaved() is not None:
                self.app.push("save_elsewhere")
            elif self.app.game.save_path is not None:
                # nothing to rescue: say where the game is saved (G did nothing at all)
                self.app.toast("toast.saved_where", path=str(self.app.game.save_path))
        elif key == pygame.K_k and self.app.game.read_only:
            self.continue_in_copy()
