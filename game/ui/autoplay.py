"""The kiosk mode: a bot plays in the window at N decisions per second, visibly.

Each adoption is shown on the board first (the card gets selected) and made half a beat later,
so the bot makes N decisions per second.
Reveal scenes are continued with Enter. The debrief stays on screen for ``KIOSK_REST`` seconds
(time for a passer-by at a conference stand to read it), then the bot begins a new game of the
same scenario with the next seed, as a kiosk should; with ``quit_at_end`` the window closes
about a second after the debrief appears instead. Every game is saved marked as the robot's
(``GameSettings.robot``), so the comparison of tables leaves it out.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

import numpy as np
import pygame

from game.engine import Action, Adopt, GameState
from game.engine.bots import POLICIES, Policy, greedy_policy
from game.engine.planner import planner_policy
from game.session.jobs import Job

if TYPE_CHECKING:
    from game.ui.scene import Host

END_DELAY = 1.0
"""Seconds the debrief shows before ``quit_at_end`` closes the window."""
KIOSK_REST = 20.0
"""Seconds the debrief shows before the kiosk begins its next game."""


class Autoplay:
    """A per-frame hook (``app.on_frame``) that plays the game with a bot policy: one of
    ``POLICIES`` by name, or "planner", the look-ahead planner, which plays as a careful table
    does (all three kinds, investments early) and thinks in the background (a second or so a
    round) while the window draws on."""

    def __init__(self, app: Host, policy: str, speed: float, seed: int, quit_at_end: bool) -> None:
        self.app = app
        self.policy: Policy = planner_policy() if policy == "planner" else POLICIES[policy]
        self.background = policy == "planner"
        """True for a bot that thinks too long for one frame: it decides in a ``Job``."""
        self.thinking: Job[Action] | None = None
        """The decision being worked out in the background (the planner), or None."""
        self.interval = 1.0 / max(0.1, speed)
        self.generator = np.random.default_rng(seed)
        self.quit_at_end = quit_at_end
        self.clock = 0.0
        self.end_clock = 0.0
        self.decisions = 0
        self.pending: str | None = None
        self.resting = False

    def __call__(self, dt: float) -> bool:
        """One frame of the bot; always True (it needs frames to keep time)."""
        app = self.app
        top = app.top
        finished = app.game.history is not None and app.game.state.finished
        if finished and top is not None and top.name == "debrief":
            self.end_clock += dt
            if self.quit_at_end and self.end_clock >= END_DELAY:
                app.quit(0)
            elif not self.quit_at_end and self.end_clock >= KIOSK_REST:
                self._next_game()
            return True
        half = self.interval / 2
        self.clock += dt
        if self.clock < half - 1e-9:
            return True
        self.clock = min(self.clock - half, half)  # keep time, but no burst after a stall
        if self.resting:
            self.resting = False
        elif top is not None and top.name == "board":
            self._play(top)
        elif top is not None and app.game.history is not None:
            # a reveal or an overlay: move on the way a person would, with Enter
            top.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r"))
            app.request_redraw()
        return True

    def _next_game(self) -> None:
        """The kiosk's next game: the same deck, scenario and target with a new seed, in a
        new save (the finished one stays as it is)."""
        game = self.app.game
        settings = game.settings
        if settings is None:
            return
        seed = int(self.generator.integers(0, 2**31))
        self.app.start_game(game.deck, dataclasses.replace(settings, seed=seed))
        self.end_clock = 0.0
        self.clock = 0.0
        self.pending = None
        self.thinking = None
        self.resting = False

    def _play(self, board: Any) -> None:
        """One half-beat: show the next adoption (select it) or make the shown one; ending the
        year takes a whole beat."""
        state = self.app.game.state
        if state.finished:
            board.show_debrief()
            return
        if self.pending is not None:
            board.adopt(self.pending)
            self.pending = None
            self.decisions += 1
            return
        action = self._decide(state)
        if action is None:
            return  # still thinking: the window goes on drawing
        if isinstance(action, Adopt):
            board.selected = self.pending = action.card  # visible for half a beat
            self.app.request_redraw()
            return
        board.end_year()
        self.decisions += 1
        self.resting = True

    def _decide(self, state: GameState) -> Action | None:
        """The bot's next decision, or None while a background bot is still thinking. A
        background decision that failed is made by the greedy bot instead, so the kiosk
        never stops."""
        if not self.background:
            return self.policy(state, self.generator)
        if self.thinking is None:
            policy, generator = self.policy, self.generator
            self.thinking = Job(lambda: policy(state, generator))
            return None
        if self.thinking.running:
            return None
        action = self.thinking.result
        self.thinking = None
        return action if action is not None else greedy_policy(state, self.generator)
