"""What the board has on the table in one frame (``BoardTable``), and the pieces its panels
share: the heading and body of a panel, a muted empty line, a proposal in a list."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.engine import GameState, Proposal
from game.engine.forecast import Forecast
from game.ui import theme
from game.ui.draw import kind_icon
from game.ui.layout import BoardLayout
from game.ui.retained import Same
from game.ui.scene import Host
from game.ui.tableslots import Slot
from game.ui.theme import BODY, HEADING, TINY


@dataclass(frozen=True)
class BoardTable:
    """Everything the board shows now, gathered once a frame by the board scene; each panel
    takes its view from it."""

    state: GameState
    selected: str | None
    """The selected market card (None: none, or it left the table)."""
    hover: str | None
    """What the mouse is over (a panel's ``hit`` answer)."""
    flash: tuple[tuple[str, float], ...]
    """Newly adopted cards and how much of their highlight is left (1 → 0)."""
    forecast: Forecast | None
    """The risk meter's estimate with the selected card (None once the game is over)."""
    base_forecast: Forecast | None
    """The estimate without the selected card (None when no card is selected)."""
    clock: str
    """The round timer as shown ("Tid: 7:32"), or ""."""
    late: bool
    """True when the round timer has run out."""
    can_undo: bool
    can_redo: bool
    adopted_scroll: int = 0
    """The first line shown of the adopted list (already clamped by the board)."""
    banner: str = ""
    """Why the game is not saved ("" while it is): the banner under the header says it."""
    read_only: bool = False
    """The game is open read-only (its save is open in another window)."""
    viewed_free: bool = False
    """… and that window has closed it: this one may continue the game itself."""
    paper: bool = False
    """The game is a paper table's, open to look at: its banner's button corrects the sheet."""
    slots: tuple[Slot, ...] = ()
    """The places on the table this round (``game.ui.tableslots``); empty: the market as it
    is, one place per card."""
    picture: bool = False
    """The board is drawn as the picture next to a report (``App.report_picture``): nothing
    on it can be pressed or scrolled."""
    stopped: bool = False
    """… of a paper table that stopped before its last year (``SavedGame.stopped``): its open
    year was never played, so the picture shows what each year adopted and says where the
    table stopped, not the next year's table of cards and its "Afslut" button."""

    @property
    def places(self) -> tuple[Slot, ...]:
        """``slots``, or one open place per card on the table when none were given."""
        return self.slots or tuple(Slot(card) for card in self.state.market)

    @property
    def same_state(self) -> Same:
        """The state as a key part that matches only this very state."""
        return Same(self.state)


def panel_parts(rect: pygame.Rect, layout: BoardLayout) -> tuple[pygame.Rect, pygame.Rect]:
    """The heading line and the body inside a board panel ``rect`` (inset by one gap)."""
    inner = rect.inflate(-2 * layout.gap, -2 * layout.gap)
    head_h = round(layout.heading * 1.4)
    head = pygame.Rect(inner.x, inner.y, inner.width, head_h)
    body = pygame.Rect(inner.x, inner.y + head_h, inner.width, inner.height - head_h)
    return head, body


def heading(
    app: Host,
    surface: pygame.Surface,
    text: str,
    rect: pygame.Rect,
    *,
    valign: str = "middle",
    color: theme.Color = theme.INK,
) -> None:
    """A panel's heading: bold, one line, shrunk to fit."""
    app.text.draw(surface, text, rect, HEADING.ink(color).but(valign=valign).lines(1).shrink())


def empty_line(app: Host, surface: pygame.Surface, text: str, rect: pygame.Rect) -> None:
    """The muted line of a panel with nothing in it yet."""
    app.text.draw(surface, text, rect, BODY.ink(theme.MUTED).shrink())


def proposal_line(
    app: Host,
    surface: pygame.Surface,
    layout: BoardLayout,
    row: pygame.Rect,
    proposal: Proposal,
    right_w: int,
) -> None:
    """A proposal in a list: its kind's icon and its title, leaving ``right_w`` pixels on the
    right of ``row`` free (for an amount or the note mark)."""
    line_h = row.height
    icon = pygame.Rect(row.x, row.y + 2, line_h - 4, line_h - 4)
    kind_icon(surface, proposal.kind, icon, theme.kind_color(proposal.kind))
    title = pygame.Rect(
        icon.right + layout.gap, row.y, row.width - icon.width - layout.gap - right_w, line_h
    )
    app.text.draw(surface, proposal.title, title, TINY.middle().lines(1))
