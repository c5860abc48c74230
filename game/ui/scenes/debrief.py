"""The debrief after the last year: won or lost and why, and what to take back to the room.

Four pages (tabs; keys 1–4, ←/→ or Tab, or a click), each a panel (``game.ui.panels``):

* Resultat: the verdict with its reasons (worded as in the report), the råderum of every year
  against its target, and the service level and fatigue over the years.
* Vedtagne forslag: every adopted proposal with its year, realised amount per year and the
  group's note.
* Til diskussion: the discussion questions of the adopted cards.
* Hvad nu hvis: the what-if (``game.engine.whatif``), computed in the background
  (``game.session.debrief.WhatIfJob``) so the window stays responsive.

"Rapport" (R) writes the session report into the user's data folder and shows where;
N starts a new game, Esc opens the menu, Ctrl+Z takes the last decision back (into the last
round).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game import engine
from game.saves import SaveError, WriteFailed
from game.session.debrief import WhatIfJob, write_session_report
from game.ui import panels, theme
from game.ui.opening import edit_paper_table
from game.ui.pages import SCROLL_KEYS
from game.ui.panels import Panel
from game.ui.panels.debrief import (
    TABS,
    DebriefLayout,
    DebriefTable,
    FooterPanel,
    TabsPanel,
    TitlePanel,
    debrief_layout,
)
from game.ui.panels.debrief_pages import ListPage, ProposalsPage, QuestionsPage, ResultPage
from game.ui.panels.whatif import WhatIfPage
from game.ui.retained import Layers, Same
from game.ui.scene import Host, Scene, ctrl_held, is_activation

if TYPE_CHECKING:
    from game.engine.whatif import WhatIf  # computed in the background: imported when used

log = logging.getLogger(__name__)


class DebriefScene(Scene):
    """The end of the game (see the module docstring)."""

    name = "debrief"

    def __init__(self, app: Host, *, background: bool = True) -> None:
        super().__init__(app)
        self.state = app.game.state
        self.verdict = engine.verdict(self.state)
        self.tab = TABS[0]
        self.scroll: dict[str, int] = {name: 0 for name in TABS}
        self.pages: dict[str, Panel[DebriefTable, DebriefLayout]] = {
            page.name: page
            for page in (ResultPage(app), ProposalsPage(app), QuestionsPage(app), WhatIfPage(app))
        }
        self.frame: list[Panel[DebriefTable, DebriefLayout]] = [
            TitlePanel(app),
            TabsPanel(app),
            FooterPanel(app),
        ]
        self.layers = Layers()
        self.report_paths: list[Path] = []
        self.report_error = ""
        self.report_pending = False
        self._pending_frame = 0
        self.job = WhatIfJob(self.state, background=background)
        self._computing = background

    # --- what is on the table -------------------------------------------------------------
    @property
    def whatif(self) -> WhatIf | None:
        """The what-if, once computed."""
        return self.job.result

    @property
    def whatif_error(self) -> str:
        """Why the what-if failed ("" otherwise)."""
        return self.job.error

    def layout(self) -> DebriefLayout:
        """The debrief's rectangles for the current window."""
        return debrief_layout(*self.app.size)

    def notices_below(self) -> int | None:
        """Notices stand under the tabs (they covered "Forslagene" and "Spørgsmål" for their
        few seconds, just when a facilitator reached for a tab) – when the footer has no
        room for them (``notices_area``)."""
        return self.layout().strip.bottom

    def notices_area(self) -> pygame.Rect | None:
        """Notices stand in the footer, left of its buttons, where the page's own status
        line says the same ("Rapporten er gemt i …"): under the tabs they covered the
        columns' headings and the what-if page's years."""
        layout = self.layout()
        left = min(rect.left for rect in layout.buttons.values()) - layout.footer.left
        room = pygame.Rect(layout.footer.x, layout.footer.y, left - 2 * layout.radius, 0)
        room.height = layout.footer.height
        return room if room.width >= layout.button_w else None

    def panels(self) -> list[Panel[DebriefTable, DebriefLayout]]:
        """The panels on screen: the frame and the current page."""
        return [self.frame[0], self.frame[1], self.pages[self.tab], self.frame[2]]

    def max_scroll(self, tab: str) -> int:
        """How far the list of ``tab`` can scroll (0 for a page without a list)."""
        page = self.pages[tab]
        return page.max_scroll(self.layout(), self.state) if isinstance(page, ListPage) else 0

    def table(self) -> DebriefTable:
        """Everything the panels show now."""
        t = self.app.t
        if self.report_pending:
            status, ink = t("debrief.report_writing"), theme.MUTED
        elif self.report_error:
            status, ink = t("debrief.report_failed", reason=self.report_error), theme.WARNING
        elif self.report_paths:
            status = t("debrief.report_done", folder=str(self.report_paths[0].parent))
            ink = theme.INK
        elif self.app.game.looking_at_paper:
            # a paper table's result: said how to correct it (K did, without a word of it)
            status, ink = t("debrief.paper_read_only"), theme.MUTED
        elif self.app.game.read_only:
            status, ink = t("debrief.read_only"), theme.MUTED
        else:
            status, ink = t("debrief.undo_hint"), theme.MUTED
        scroll = min(self.scroll[self.tab], self.max_scroll(self.tab))
        return DebriefTable(
            Same(self.state),
            self.verdict,
            self.tab,
            scroll,
            self.whatif,
            self.whatif_error,
            status,
            ink,
        )

    def wait_for_whatif(self, timeout: float | None = None) -> None:
        """Block until the what-if is computed (for screenshots and tests)."""
        self.job.wait(timeout)
        self.app.request_redraw()

    def update(self, dt: float) -> bool:
        """Redraw once the what-if arrives; write a pending report after its notice is shown."""
        if self._computing and not self.job.running:
            self._computing = False
            self.app.request_redraw()
        if self.report_pending and self.app.frames_drawn > self._pending_frame:
            self.report_pending = False
            self._write_report()
        return self.report_pending

    # --- input ----------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        """Tabs, scrolling, the footer buttons and the debrief's keys."""
        if event.type == pygame.KEYDOWN:
            self._handle_key(event)
        elif is_activation(event):
            target = panels.hit(self.panels(), event.pos, self.layout(), self.table()) or ""
            kind, _, rest = target.partition(":")
            if kind == "tab":
                self.tab = TABS[int(rest)]
            elif kind == "button":
                self.press(rest)
        elif event.type == pygame.MOUSEWHEEL:
            self._scroll_by(-event.y * 3)

    def _handle_key(self, event: pygame.event.Event) -> None:
        key = event.key
        if key == pygame.K_BACKSPACE and not self.app.game.read_only:
            # a stray Backspace (a trial's nervous facilitator) reopened the finished game
            # without a word: it asks first, as a result opened from its save does; Ctrl+Z
            # and the button, which nobody presses by accident, take the year back at once
            self.app.push("reopen")
        elif (key == pygame.K_z and ctrl_held(event)) or key == pygame.K_BACKSPACE:
            self.press("undo")
        elif key == pygame.K_ESCAPE:
            self.press("menu")
        elif key == pygame.K_h:
            self.app.push("help")
        elif key == pygame.K_n:
            self.press("new")
        elif key == pygame.K_r:
            self.press("report")
        elif key == pygame.K_k and self.app.game.looking_at_paper:
            edit_paper_table(self.app)  # a paper table's result: its sheet, to be corrected
        elif pygame.K_1 <= key <= pygame.K_1 + len(TABS) - 1:
            self.tab = TABS[key - pygame.K_1]
        elif key in (pygame.K_RIGHT, pygame.K_TAB, pygame.K_LEFT):
            step = -1 if key == pygame.K_LEFT or (event.mod & pygame.KMOD_SHIFT) else 1
            self.tab = TABS[(TABS.index(self.tab) + step) % len(TABS)]
        elif key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and self._at_end(key):
            # a presenter remote's "next" at the end of a page (or "back" at its top) turns
            # to the next (previous) tab: with PgDn/PgUp alone the tabs were out of reach
            step = 1 if key == pygame.K_PAGEDOWN else -1
            index = TABS.index(self.tab) + step
            if 0 <= index < len(TABS):
                self.tab = TABS[index]
                self.app.request_redraw()
        elif key in SCROLL_KEYS:
            self._scroll_by(SCROLL_KEYS[key])

    def _at_end(self, key: int) -> bool:
        """True when Page Down (Page Up) has nothing more to scroll on this tab."""
        if key == pygame.K_PAGEDOWN:
            return self.scroll[self.tab] >= self.max_scroll(self.tab)
        return self.scroll[self.tab] <= 0

    def _scroll_by(self, rows: int) -> None:
        limit = self.max_scroll(self.tab)
        self.scroll[self.tab] = max(0, min(limit, self.scroll[self.tab] + rows))
        self.app.request_redraw()

    def press(self, name: str) -> None:
        """Do what the footer button ``name`` does."""
        app = self.app
        if name == "report":
            if not self.report_pending:
                self.report_pending = True
                self.report_error = ""
                self._pending_frame = app.frames_drawn
                app.request_redraw()
        elif name == "new":
            app.leave_game("new")
        elif name == "menu":
            app.push("menu")
        elif name == "undo":
            app.undo()

    # --- report ---------------------------------------------------------------------------
    def _write_report(self) -> None:
        app = self.app
        try:
            self.report_paths = write_session_report(
                app.game, app.lang, app.report_board, self.job.result
            )
            app.toast("debrief.report_done", folder=str(self.report_paths[0].parent))
        except Exception as error:  # a report problem must never end the workshop
            log.warning("report failed: %s", error)
            # a file problem in the window's language (it was Danish in an English window)
            if isinstance(error, WriteFailed):
                said = error.text(app.lang)
            elif isinstance(error, SaveError):
                said = error.worded(app.lang)
            else:
                said = str(error)
            self.report_error = said or type(error).__name__
            app.toast("debrief.report_failed", reason=self.report_error, error=True)
        app.request_redraw()

    # --- drawing --------------------------------------------------------------------------
    def language_changed(self) -> None:
        """The panels' kept pictures hold words of the old language: draw them afresh."""
        self.layers = Layers()

    def draw(self, surface: pygame.Surface) -> None:
        """The title band, the tabs, the current page and the footer (each kept as a picture
        while unchanged)."""
        panels.compose(
            self.layers, surface, theme.BACKGROUND, self.panels(), self.layout(), self.table()
        )
