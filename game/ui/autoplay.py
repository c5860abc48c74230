"""The kiosk mode: a bot plays in the window at N decisions per second, visibly.

Each decision is shown on the board first (the card gets selected) and made on the next beat.
Reveal scenes are continued with Enter; the debrief stays on screen, and with ``quit_at_end``
the window closes about a second after it appears.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pygame

from game.engine.actions import Adopt
from game.engine.bots import POLICIES
from game.ui.scenes.board import BoardScene
from game.ui.scenes.optional import scene_class

if TYPE_CHECKING:
    from game.ui.app import App

END_DELAY = 1.0


class Autoplay:
    """A per-frame hook (``app.on_frame``) that plays the game with a bot policy."""

    def __init__(self, app: App, policy: str, speed: float, seed: int, quit_at_end: bool) -> None:
        self.app = app
        self.policy = POLICIES[policy]
        self.interval = 1.0 / max(0.1, speed)
        self.generator = np.random.default_rng(seed)
        self.quit_at_end = quit_at_end
        self.clock = 0.0
        self.end_clock = 0.0
        self.decisions = 0

    def __call__(self, dt: float) -> bool:
        """One frame of the bot; always True (it needs frames to keep time)."""
        app = self.app
        top = app.top
        debrief = scene_class("game.ui.scenes.debrief", "DebriefScene")
        finished = app.history is not None and app.state.finished
        if finished and (debrief is None or isinstance(top, debrief)):
            self.end_clock += dt
            if self.quit_at_end and self.end_clock >= END_DELAY:
                app.quit(0)
            return self.quit_at_end
        self.clock += dt
        if self.clock < self.interval:
            return True
        self.clock = 0.0
        if isinstance(top, BoardScene):
            self._play(top)
        elif top is not None and app.history is not None:
            # a reveal or an overlay: move on the way a person would, with Enter
            top.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r"))
            app.request_redraw()
        return True

    def _play(self, board: BoardScene) -> None:
        state = self.app.state
        if state.finished:
            board.show_debrief()
            return
        action = self.policy(state, self.generator)
        if isinstance(action, Adopt):
            if board.selected != action.card:
                board.selected = action.card  # show the choice for one beat
                self.app.request_redraw()
                return
            board.adopt(action.card)
        else:
            board.end_year()
        self.decisions += 1
