"""The values the save module hands to the rest of the game."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.engine.actions import EndYear
from game.engine.history import History
from game.engine.model import Deck
from game.messages import Message, render
from game.saves.files import display_path


def one_line(text: str, limit: int = 300) -> str:
    """``text`` on one line (control characters become spaces), shortened to ``limit``."""
    flat = "".join(" " if ord(ch) < 32 or ord(ch) == 127 else ch for ch in text)
    flat = " ".join(flat.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class SaveError(Exception):
    """A save that cannot be written or read. ``str(error)`` is one Danish line;
    ``text(lang)`` the same line in the reader's language.

    ``path`` is the file concerned and ``reason`` the message without the file name (Danish);
    ``said`` is that message as data (a catalogue key and its parameters; a reason given as
    text is said as it is, in every language). ``code``
    says what kind of problem it is, for a window that offers a remedy: "locked" (open in
    another window, see ``SaveLocked``), "damaged" (a file that is not a readable save), the
    codes of ``oserrors.os_code`` for a refused write ("disk_full", "read_only", "no_access",
    "not_a_folder", …), or "other".
    """

    def __init__(
        self,
        path: Path | str,
        reason: str | Message,
        code: str = "other",
        cause: str | Message | None = None,
    ) -> None:
        self.path = Path(path)
        self.said = reason if isinstance(reason, Message) else Message.of("say", text=reason)
        self.reason = one_line(render(self.said))
        self.code = code
        if isinstance(cause, str):
            cause = Message.of("say", text=cause)
        self.said_cause = cause if cause is not None else self.said
        """The bare cause as a message, to be worded in the reader's language."""
        self.cause = one_line(render(self.said_cause))
        """The bare cause of a failed write ("disken er fuld"), for a banner."""
        super().__init__(f"{display_path(self.path)}: {self.reason}")

    def worded(self, lang: str = "da") -> str:
        """The reason alone, in ``lang``, on one line."""
        return one_line(render(self.said, lang))

    def text(self, lang: str = "da") -> str:
        """``FILE: reason`` in ``lang``, on one line."""
        return f"{display_path(self.path)}: {self.worded(lang)}"


@dataclass(frozen=True)
class GameSettings:
    """How a game was started: the scenario, the seed and the facilitator's choices (the one
    settings type of the game: the start screen, the command line, the window and the save
    file all use it)."""

    scenario: str
    seed: int
    target: float | None = None
    """The facilitator's X, the last year's target (the deck's unit); None = the scenario's."""
    lang: str = "da"
    timer_minutes: float | None = None
    """Optional round timer of the facilitator."""
    table: str = ""
    """The table's name as the facilitator typed it ("Bord 3"; "" when none was given)."""
    robot: str = ""
    """The bot that played the game in the kiosk mode (``play --autoplay``: "planner",
    "greedy", "random"), "" for a game a group played: the comparison leaves robots out."""


@dataclass(frozen=True)
class RoundClock:
    """How much of the round timer the open round had used when the game was saved: a
    window opened again on the save (``play --resume``) goes on from there instead of
    giving the round its whole time again."""

    round: int
    """The 0-based round it belongs to (the open one when saved)."""
    seconds: float
    """Seconds of the round's timer used."""


@dataclass(frozen=True)
class PaperTable:
    """What a paper table chose: its name, and (id, 0-based round) of every adopted proposal
    and drawn event in the order entered, and (id, factor) of every factor it rolled."""

    table: str
    adopted: tuple[tuple[str, int], ...] = ()
    events: tuple[tuple[str, int], ...] = ()
    factors: tuple[tuple[str, float], ...] = field(default=())
    die: bool = True
    """The factors not entered are rolled on each card's printed die from the seed (a face the
    table could have rolled); False for a save entered before that rule, whose factors not
    entered are the seed's own (so it replays as it was saved)."""


def paper_stopped(history: History, paper: PaperTable | None) -> bool:
    """Whether ``history`` is a paper table's game that stopped before its last year
    (``enter --stopped-after``): it is saved with its next year open, and until a window
    plays on in it (a decision in that year) that year is not begun. 0-based
    ``history.current.round`` is then the number of years it played."""
    actions = history.actions
    return (
        paper is not None
        and not history.current.finished
        and (not actions or isinstance(actions[-1], EndYear))
    )


@dataclass(frozen=True)
class SavedGame:
    """A save read back: the deck copy inside it and the history rebuilt by replaying its log."""

    path: Path
    deck: Deck
    settings: GameSettings
    history: History
    created: str
    """ISO 8601 local time of the first save of this game."""
    updated: str
    """ISO 8601 local time of the latest save."""
    game_id: str = ""
    """The game's identity (32 hex digits), the same in every copy of its save file."""
    copy_of: str | None = None
    """The game id this game was copied from ("continue as a copy"), if any."""
    paper: PaperTable | None = None
    """For a table that played on paper: its name and what it entered (else None)."""
    clock: RoundClock | None = None
    """The round timer's time used in the open round when saved (None: no timer, or a save
    written before the clock was kept)."""
    drafts: tuple[tuple[str, str], ...] = ()
    """Notes typed on cards not yet adopted ("hvorfor?"), as (card id, text): kept when the
    window closed before the card was adopted."""

    @property
    def table(self) -> str | None:
        """The name of a paper table ("Bord 3"), or None for a game played in the window."""
        return self.paper.table if self.paper is not None else None

    @property
    def stopped(self) -> bool:
        """A paper table that stopped before its last year (``paper_stopped``)."""
        return paper_stopped(self.history, self.paper)


@dataclass(frozen=True)
class SaveInfo:
    """One line of the start screen's "Fortsæt" list."""

    path: Path
    updated: str
    deck_title: str
    scenario_title: str
    round: int
    """0-based round being played (equals ``rounds`` once the game is finished)."""
    rounds: int
    finished: bool
    table: str = ""
    """The table's name from the game's settings ("" when none was given)."""
    target: float | None = None
    """The last budget year's target the game is played for (the deck's unit)."""
    began_target: float | None = None
    """… and the one it began with (before the facilitator changed it mid-game, if they did):
    the X the start screen offers the next table."""
    unit: str = "mio. kr."
    """The deck's unit."""
    won: bool | None = None
    """Whether a finished game was won (None while it is being played)."""
    decisions: int = 0
    """How many decisions the game's log holds."""
    timer_minutes: float | None = None
    """The round timer the game was started with (None: none)."""
    copies: tuple[Path, ...] = ()
    """Identical or older copies of this game (a cloud drive's conflict copies): the same game
    id and a log that is a beginning of this one's. They are not listed on their own."""
    branch_of: Path | None = None
    """For a file of a game that went its own way: the game's longest file, listed above it."""
    branch_at: int | None = None
    """… and the 1-based number of the first decision where the two differ."""
    paper: bool = False
    """A table that played on paper and was entered afterwards."""
    stopped_after: str | None = None
    """For a paper table that stopped before its last year (``paper_stopped``): the last
    budget year it played ("2028"); None otherwise."""
    copy: bool = False
    """A game continued in a copy ("Fortsæt i en kopi": its ``copy_of`` is set): the list marks
    it, or it reads like the game it was copied from. A file that went its own way
    (``branch_of``) is not called a copy: which of two conflicting files was the original
    cannot be known, so the list says from which decision they differ."""
    robot: str = ""
    """The bot that played the game in the kiosk mode ("" for a group's game): listed as the
    robot's, and left out of the comparison."""


@dataclass(frozen=True)
class DamagedSave:
    """A file in the save folder that looks like a save but cannot be read."""

    path: Path
    reason: str
    """Why, in Danish (one line, without the file name)."""
    modified: str
    """ISO 8601 local time the file was last changed."""
    said: Message | None = None
    """Why, as data, to be worded in the reader's language (None: ``reason`` as it is)."""

    def worded(self, lang: str = "da") -> str:
        """Why, in ``lang`` (one line, without the file name)."""
        return one_line(render(self.said, lang)) if self.said is not None else self.reason


@dataclass(frozen=True)
class SaveListing:
    """What a save folder holds: readable games newest first, and damaged files newest first."""

    games: tuple[SaveInfo, ...]
    damaged: tuple[DamagedSave, ...]
    problem: str | None = None
    """Why the folder itself cannot be read (Danish), or None."""
    said: Message | None = None
    """The same as a message, to be worded in the reader's language."""

    def unfinished(self) -> tuple[SaveInfo, ...]:
        """The games that can be continued, newest first."""
        return tuple(info for info in self.games if not info.finished)
