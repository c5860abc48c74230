"""Undo, redo and replay on top of the pure rules.

``History`` is a value like the game state: the states since the start of the game, the
actions that led to them (kept once, here, not in every state) and the actions that were
undone (the redo list). ``replay`` rebuilds a state from a seed and an action log, which is all
a save file needs to store. Memory grows in proportion to the number of decisions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from game.engine.actions import Action
from game.engine.model import Deck
from game.engine.rules import Chance, IllegalAction, Refusal, apply, new_game
from game.engine.state import GameState


@dataclass(frozen=True)
class History:
    """The states of one game from its start, the actions between them, and the undone
    actions that can be redone. ``states[i + 1] == apply(states[i], actions[i])``."""

    states: tuple[GameState, ...]
    actions: tuple[Action, ...] = ()
    """The decisions taken since the start, in order (one fewer than ``states``)."""
    redo_actions: tuple[Action, ...] = ()
    reopened: tuple[int, ...] = ()
    """The years (0-based rounds) whose end was taken back after their result was shown, in
    the order it happened, once per time: a table that looks at a year's outcome and the next
    event, then plays the year again, is said to have done so in its report and comparison.
    Kept by ``do``, ``undo`` and ``redo``; changed only by ``with_reopened`` (the window's
    undo of a year's end) and ``without_reopened``, so replaying a save's redo list adds
    nothing."""

    def __post_init__(self) -> None:
        if len(self.actions) != len(self.states) - 1:
            raise ValueError("a history needs exactly one action between two states")

    @classmethod
    def start(cls, state: GameState) -> History:
        """A history that begins at ``state``."""
        return cls(states=(state,))

    @property
    def current(self) -> GameState:
        """The state on screen."""
        return self.states[-1]

    @property
    def initial(self) -> GameState:
        """The state the game started from."""
        return self.states[0]

    @property
    def can_undo(self) -> bool:
        """True when there is a decision to take back."""
        return len(self.states) > 1

    @property
    def can_redo(self) -> bool:
        """True when an undone decision can be made again."""
        return bool(self.redo_actions)

    def do(self, action: Action) -> History:
        """Apply a new decision (raises ``IllegalAction``); the redo list is dropped."""
        return History(
            states=(*self.states, apply(self.current, action)),
            actions=(*self.actions, action),
            reopened=self.reopened,
        )

    def undo(self) -> History:
        """Take back the last decision; it goes onto the redo list."""
        if not self.can_undo:
            raise IllegalAction(Refusal.NOTHING_TO_UNDO, "there is nothing to undo")
        return History(
            states=self.states[:-1],
            actions=self.actions[:-1],
            redo_actions=(self.actions[-1], *self.redo_actions),
            reopened=self.reopened,
        )

    def with_reopened(self, year: int) -> History:
        """This history with the year ``year`` (0-based round) noted as reopened once more:
        its end was taken back after its result was shown (``reopened``)."""
        return replace(self, reopened=(*self.reopened, year))

    def without_reopened(self, year: int) -> History:
        """This history without its last note that ``year`` was reopened, when that is the
        last note (the year's end made again as it was: nothing was chosen anew)."""
        if not self.reopened or self.reopened[-1] != year:
            return self
        return replace(self, reopened=self.reopened[:-1])

    def redo(self) -> History:
        """Make the most recently undone decision again."""
        if not self.can_redo:
            raise IllegalAction(Refusal.NOTHING_TO_REDO, "there is nothing to redo")
        action, *rest = self.redo_actions
        return History(
            states=(*self.states, apply(self.current, action)),
            actions=(*self.actions, action),
            redo_actions=tuple(rest),
            reopened=self.reopened,
        )


def replay(
    deck: Deck,
    scenario_id: str | None,
    seed: int,
    actions: Iterable[Action],
    target: float | None = None,
    chance: Chance | None = None,
) -> GameState:
    """The state reached by ``actions`` from a new game; raises ``IllegalAction`` on a bad move."""
    state = new_game(deck, scenario_id, seed, target, chance=chance)
    for action in actions:
        state = apply(state, action)
    return state


def replay_history(
    deck: Deck,
    scenario_id: str | None,
    seed: int,
    actions: Iterable[Action],
    redo: Iterable[Action] = (),
    target: float | None = None,
    chance: Chance | None = None,
) -> History:
    """Like ``replay`` but keeps every intermediate state, so undo works after a resume."""
    states = [new_game(deck, scenario_id, seed, target, chance=chance)]
    done: list[Action] = []
    for action in actions:
        states.append(apply(states[-1], action))
        done.append(action)
    return History(states=tuple(states), actions=tuple(done), redo_actions=tuple(redo))
