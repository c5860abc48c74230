"""``GameController``: one game in play, with no pygame.

It holds the engine's ``History`` (every state since the start and the redo list), the
``GameSettings`` the game was started with (the same type the saves store), where the game is
saved, and the notices shown to the players as data (a message key and its parameters; the
window words and draws them). Every decision goes through ``do``/``undo``/``redo``: the engine
applies it or refuses it (a refusal becomes a notice), and the game is saved after each one.
A game opened from its save is not written until the group changes it (looking at a game, a
cloud drive's conflict copy say, leaves its file as it was), and a paper table's game keeps
what the table entered in every file it is written to.

Time comes from an injected ``clock`` (a callable returning seconds, ``time.monotonic`` by
default), used for the round timer and how long a notice stays; tests hand in a clock they
move by hand, so nothing drawn depends on when a test runs.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from game.engine import (
    Action,
    Adopt,
    Annotate,
    Deck,
    EndYear,
    GameState,
    History,
    IllegalAction,
    SetTarget,
    new_game,
)
from game.messages import Message, exact, render
from game.saves import (
    GameSaver,
    GameSettings,
    PaperTable,
    RoundClock,
    SaveError,
    SaveStatus,
    folder_problem,
    new_save_path,
)
from game.saves.autosave import unsaved_message
from game.saves.model import paper_stopped
from game.session.jobs import ReachBook

log = logging.getLogger(__name__)

Clock = Callable[[], float]
"""Seconds from an arbitrary start (``time.monotonic`` or a test's own)."""

NOTICE_SECONDS = 4.0
"""How long a notice stays on screen."""
SAME_SLOT: dict[str, str] = {
    "toast.undone": "history",
    "toast.redone": "history",
    # three savings in a row left "Serviceniveauet er nu −4" beside a panel at −5
    "board.under_floor": "service",
    "board.under_floor_event": "service",
}
"""Notices that say the latest state of one thing: a new one replaces the others of its slot
(a key under one of these, "toast.undone.adopt", is of its slot too)."""


def slot_of(key: str) -> str | None:
    """The ``SAME_SLOT`` slot of a notice's key, or of the key it is a kind of."""
    return SAME_SLOT.get(key) or SAME_SLOT.get(key.rpartition(".")[0])


DRAFT_KEPT = "card.draft_kept"
"""The notice that a reason is kept for a card and goes with its adoption."""
MAX_NOTICES = 3


@dataclass(frozen=True)
class Notice:
    """A short message for the players (a toast): what to say, whether it is a problem, and
    until when (clock seconds) it is shown."""

    message: Message
    error: bool
    until: float


def refusal_message(deck: Deck, error: IllegalAction) -> Message:
    """Why the engine refused a move, as a message: key ``error.<code>`` with the error's
    parameters (a card named by ``other`` becomes its title) and the engine's own ``reason``
    for a code the catalogue does not know."""
    code = getattr(error.code, "value", error.code)  # a str-valued enum or a plain str
    params = dict(error.params)
    other = params.get("other")
    if isinstance(other, str) and deck.has_proposal(other):
        params["other"] = deck.proposal(other).title
    params.setdefault("reason", error.reason)
    return Message.of(f"error.{code}", **params)


class GameController:
    """The game in play (see the module docstring). ``history`` is None until a game starts."""

    def __init__(
        self,
        deck: Deck,
        *,
        save_dir: Path | None = None,
        deck_path: Path | None = None,
        clock: Clock = time.monotonic,
    ) -> None:
        self.deck = deck
        self.deck_path = deck_path
        """The deck's file or folder (None: the standard deck)."""
        self.reaches = ReachBook()
        """How high the facilitator's X can go on each scenario (computed when first asked)."""
        self.save_dir = save_dir
        self.clock = clock
        self.history: History | None = None
        self.settings: GameSettings | None = None
        self.paper: PaperTable | None = None
        """What a paper table entered (its name, events and factors) when the game on screen
        is a paper table's: its chance came from them, so every save of the game keeps them."""
        self.save_path: Path | None = None
        self.created: str | None = None
        """ISO time of the game's first save (None: not saved yet, or stamped by the save)."""
        self.last_save_ok = False
        """True once the game on screen is safely in its save file."""
        self.saver: GameSaver | None = None
        """The writer of the game's save file: its lock and whether the game is saved."""
        self.read_only = False
        """True for a game opened only to look at (its save is open in another window): the
        controller then refuses every decision."""
        self.viewing: Path | None = None
        """The save a read-only game was opened from (to continue it in a copy)."""
        self.viewed_free = False
        """For a read-only game: the window that held its save has closed it (``follow``), so
        this window may continue the game itself instead of in a copy."""
        self._viewed_stamp: float | None = None
        self.save_problem: str | None = None
        """Why the game never got a save file (its folder cannot be used), or None."""
        self.given_up = False
        """True when the players left the game on screen without its unsaved decisions, as
        they were told (``give_up``): it is no longer asked about."""
        self.opened_finished = False
        """True for a finished game opened from its save (a table's stored result) until it
        is changed: taking back its last decision asks first (``asks_before_undo``)."""
        self.drafts: dict[str, str] = {}
        """The group's reasons written for cards not adopted yet (card id → note): kept until
        the card is adopted with it, for this window only."""
        self.notices: list[Notice] = []
        self.round_started = clock()
        """Clock time when the open round began (the round timer counts from here)."""
        self._timer_round = -1
        self._paused_at: float | None = None
        self._pauses = 0
        self._spent: dict[int, float] = {}
        """Seconds the group had used of each round it left (an undone year end goes back to
        the round with the time it had used, not a full timer)."""

    # --- the game -----------------------------------------------------------------------
    @property
    def looking_at_paper(self) -> bool:
        """True for a paper table's game: it is opened to be looked at, never played on in the
        window, and its sheet is corrected on "Bord på papir" (``game.ui.opening``)."""
        return self.read_only and self.paper is not None

    @property
    def looking_at_stopped_paper(self) -> bool:
        """True for a paper table's game that stopped before its last year: its open year was
        never begun (the board says where it stopped, as its report does)."""
        return (
            self.looking_at_paper
            and self.history is not None
            and paper_stopped(self.history, self.paper)
        )

    @property
    def table_name(self) -> str:
        """The table's name: a paper table's, or the one typed at the start ("" when none).
        The screens add "(papir)" for a paper table (``game.ui.panels.header.table_heading``)."""
        if self.paper is not None:
            return self.paper.table.strip()
        return (self.settings.table if self.settings is not None else "").strip()

    @property
    def playing(self) -> bool:
        """True once a game has started."""
        return self.history is not None

    @property
    def state(self) -> GameState:
        """The current game state; raises ``RuntimeError`` before a game has started."""
        if self.history is None:
            raise RuntimeError("no game is running")
        return self.history.current

    def start(
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
        """Begin a game with ``settings`` and save it in a new file in the save folder, or
        resume ``history`` from its file ``save_path``: its lock is taken, and nothing is
        written until the group changes the game. ``paper`` is what a paper table entered,
        for a paper table's game. A ``read_only`` game is shown, never saved, and refuses
        decisions (its save is open in another window). ``clock``: the round timer's time
        the open round had used when the game was saved; the round goes on from there.
        ``drafts``: the notes typed on cards not yet adopted when the game was saved."""
        resumed = history is not None and save_path is not None and not read_only
        self.deck = deck
        self.settings = settings
        self.paper = paper
        self.history = history or History.start(
            new_game(deck, settings.scenario, settings.seed, settings.target)
        )
        self.read_only = read_only
        self.viewing = save_path if read_only else None
        self.viewed_free = False
        self._viewed_stamp = _modified(save_path) if read_only and save_path else None
        self.save_problem = None
        self.given_up = False
        self.opened_finished = history is not None and history.current.finished
        if self.saver is not None and (read_only or self.saver.path != save_path):
            self.saver.close()  # another game: its save's lock is given back
            self.saver = None
        self.save_path = None if read_only else save_path
        self.created = created
        self.notices = []
        self.drafts = {card: note for card, note in drafts if note}
        self._timer_round = -1
        self._spent = {}
        if clock is not None and history is not None and clock.round == history.current.round:
            self._spent[clock.round] = clock.seconds
        self._round_changed()
        if self.save_path is None and self.save_dir is not None and not read_only:
            try:
                self.save_path = new_save_path(self.save_dir)
            except Exception as error:  # no save folder: play on, and say so
                self._save_failed(error)
        if resumed:
            self._resume()
        else:
            self.autosave()

    def claim(self, path: Path, created: str | None = None, take_over: str | None = None) -> None:
        """Take the lock of the save at ``path`` before resuming it, so that the game is
        written by this window only. Raises ``game.saves.SaveLocked`` (its ``holder`` says
        where the game is open) or ``SaveError``; nothing changes then. ``take_over``: the
        token of the holder the players chose to take the game over from (``LockHolder``)."""
        saver = GameSaver(path, created=created)
        saver.open(take_over)
        if self.saver is not None and self.saver is not saver:
            self.saver.close()
        self.saver = saver

    def restart(self) -> bool:
        """The same scenario, seed and target from the beginning, in a new save; False when
        no game was started."""
        if self.settings is None:
            return False
        self.start(self.deck, self.settings)
        return True

    def set_language(self, lang: str) -> None:
        """Remember the UI language in the settings (it is saved with the game)."""
        if self.settings is not None and self.settings.lang != lang:
            self.settings = replace(self.settings, lang=lang)

    def do(self, action: Action) -> bool:
        """Apply a decision through the engine and save; a refused move becomes a notice.
        True if the decision was made. An adoption without a note takes the reason kept for
        the card (``drafts``), wherever it is adopted from."""
        if isinstance(action, Adopt) and not action.note and self.drafts.get(action.card):
            action = replace(action, note=self.drafts[action.card])
        done = self._change(lambda history: history.do(action))
        if done and isinstance(action, Adopt):
            self.drafts.pop(action.card, None)
            # "the reason goes with the adoption" is no longer news once it has
            self.notices = [n for n in self.notices if n.message.key != DRAFT_KEPT]
        return done

    def refuse_read_only(self) -> bool:
        """True (and a notice that says why and what to do) for a game open read-only: no
        decision, no change of target."""
        if self.read_only:
            key = "save.read_only_refused_free" if self.viewed_free else "save.read_only_refused"
            if self.looking_at_paper:
                key = "save.paper_refused"
            self.notify(Message.of(key), error=True)
        return self.read_only

    def asks_before_undo(self) -> bool:
        """True when taking back the last decision would reopen a table's stored result: a
        finished game opened from its save (one Backspace would make it a game in progress,
        in the save and in "Sammenlign borde")."""
        return (
            self.history is not None
            and self.opened_finished
            and self.history.current.finished
            and not self.read_only
        )

    def reopens_year(self) -> int | None:
        """The year (0-based round) that taking back the last decision would open again – its
        end, after its result and the next year's event were shown – or None. The window asks
        first, and the year is noted in the save (``History.reopened``): a table that looked
        at a year's outcome and played it again shows so in its report and comparison."""
        history = self.history
        if history is None or not history.actions or not isinstance(history.actions[-1], EndYear):
            return None
        return history.states[-2].round

    def undo(self) -> bool:
        """Take back the last decision (True if something was undone). The reason of an
        adoption taken back is kept for its card again (``drafts``), so it goes with the card
        when the group adopts it later. A year's end taken back is noted (``reopens_year``)."""
        before = self.history.current.adopted if self.history is not None else ()
        action = self.history.actions[-1] if self.history and self.history.actions else None
        told = self._history_notice("toast.undone", action, self.state if action else None)
        year = self.reopens_year()

        def taken_back(history: History) -> History:
            earlier = history.undo()
            return earlier if year is None else earlier.with_reopened(year)

        undone = self._change(taken_back, told)
        if undone:
            self.opened_finished = False  # asked once: the game is the group's again
        if undone:
            for adoption in before:
                if adoption.note and self.state.adoption(adoption.card) is None:
                    self.drafts.setdefault(adoption.card, adoption.note)
        return undone

    def redo(self) -> bool:
        """Make the last undone decision again (True if something was redone). A year's end
        made again as it was – nothing else decided since it was taken back – takes back the
        note that the year was reopened: the group chose nothing anew (a facilitator's slip on
        a finished table, put right with Ctrl+Y, marked it for good)."""
        waiting = self.history.redo_actions if self.history is not None else ()
        action = waiting[0] if waiting else None
        told = self._history_notice("toast.redone", action, self.state if action else None)

        def made_again(history: History) -> History:
            year = history.current.round
            again = history.redo()
            return again.without_reopened(year) if isinstance(action, EndYear) else again

        return self._change(made_again, told)

    def _history_notice(self, key: str, action: Action | None, before: GameState | None) -> Message:
        """What an undo or redo says it did (``key`` "toast.undone" or "toast.redone"): which
        card is no longer (or again) adopted, which year's end, whose reason, or the target;
        ``before``: the state the decision is taken back from (undo) or made in (redo). A
        trial's facilitator saw only "Fortrudt" after Backspace took a whole year back."""
        if isinstance(action, (Adopt, Annotate)) and self.deck.has_proposal(action.card):
            kind = "adopt" if isinstance(action, Adopt) else "annotate"
            return Message.of(f"{key}.{kind}", title=self.deck.proposal(action.card).title)
        if isinstance(action, EndYear) and before is not None:
            # undo: the year just closed is the one before the open round (or the last, once
            # the game is over); redo: the open round's year is closed again
            if key == "toast.redone":
                index = before.round
            else:
                index = before.scenario.rounds - 1 if before.finished else before.round - 1
            if 0 <= index < before.scenario.rounds:
                return Message.of(f"{key}.end_year", year=before.scenario.years[index])
        if isinstance(action, SetTarget) and before is not None and self.history is not None:
            # undo: the target the state before the change had; redo: the one set again
            undoing = key == "toast.undone"
            target = self.history.states[-2].targets[-1] if undoing else float(action.amount)
            year = before.scenario.years[-1]
            return Message.of(f"{key}.set_target", year=year, amount=exact(float(target)))
        return Message.of(key)

    def _change(self, step: Callable[[History], History], done: Message | None = None) -> bool:
        if self.history is None or self.refuse_read_only():
            return False
        try:
            self.history = step(self.history)
        except IllegalAction as error:
            self.notify(refusal_message(self.deck, error), error=True)
            return False
        self._round_changed()
        if done is not None:
            # what the notices said of the decision taken back (or made again) is no longer
            # true ("Målet for 2030 er nu 40" beside a chart back at 34); errors stay
            self.notices = [n for n in self.notices if n.error]
            self.notify(done)
        self.autosave()
        return True

    def refusal(self, error: IllegalAction) -> Message:
        """The message that explains a refused move."""
        return refusal_message(self.deck, error)

    # --- time ---------------------------------------------------------------------------
    def _round_changed(self) -> None:
        if self.history is not None and self.state.round != self._timer_round:
            now = self.clock() if self._paused_at is None else self._paused_at
            if self._timer_round >= 0:
                self._spent[self._timer_round] = now - self.round_started
            self._timer_round = self.state.round
            # a round met again after an undone year end goes on from the time it had used
            self.round_started = now - self._spent.get(self._timer_round, 0.0)

    def seconds_left(self) -> float:
        """Seconds left of the open round's timer (negative when over; ``inf`` without a timer
        or once the game is over, and in a game open read-only: the window that plays it has
        the clock); while paused, the time left when it was paused."""
        settings = self.settings
        if settings is None or not settings.timer_minutes or self.state.finished or self.read_only:
            return float("inf")
        now = self.clock() if self._paused_at is None else self._paused_at
        return settings.timer_minutes * 60 - (now - self.round_started)

    def round_clock(self) -> RoundClock | None:
        """The round timer's time used in the open round, as a save keeps it (None without a
        timer or once the game is over)."""
        settings = self.settings
        if self.history is None or settings is None or not settings.timer_minutes:
            return None
        if self.state.finished:
            return None
        now = self.clock() if self._paused_at is None else self._paused_at
        return RoundClock(self.state.round, max(0.0, now - self.round_started))

    def pause_timer(self) -> None:
        """Stop the round timer (the menu or the help is open: the facilitator has the
        floor). Pauses nest: the help opened from the menu, then closed, leaves the timer
        standing until the menu closes too."""
        self._pauses += 1
        if self._paused_at is None:
            self._paused_at = self.clock()

    def resume_timer(self) -> None:
        """Let the round timer run on from where it was paused, once every pause has ended."""
        self._pauses = max(0, self._pauses - 1)
        if self._pauses == 0 and self._paused_at is not None:
            self.round_started += self.clock() - self._paused_at
            self._paused_at = None

    # --- notices ------------------------------------------------------------------------
    def notify(self, message: Message, *, error: bool = False) -> None:
        """Show ``message`` for a few seconds. The same message again replaces the old one,
        and so does one of its family (``SAME_SLOT``): "Gentaget" replaces "Fortrudt", which
        only the newest of them is true of (they stacked up on a few undos and redos)."""
        slot = slot_of(message.key)
        kept = [
            n
            for n in self.notices
            if n.message != message and (slot is None or slot_of(n.message.key) != slot)
        ][-(MAX_NOTICES - 1) :]
        self.notices = [*kept, Notice(message, error, self.clock() + NOTICE_SECONDS)]

    def showing(self, key: str) -> bool:
        """Whether a notice of ``key``'s slot (``SAME_SLOT``), or ``key`` itself, is shown."""
        slot = slot_of(key)
        return any(
            n.message.key == key or (slot is not None and slot_of(n.message.key) == slot)
            for n in self.notices
        )

    def withdraw(self, key: str) -> None:
        """Drop the notices of ``key``'s slot (``SAME_SLOT``), or of ``key`` itself: what they
        said is no longer true (the service level is back over its floor)."""
        slot = slot_of(key)
        self.notices = [
            n
            for n in self.notices
            if n.message.key != key and (slot is None or slot_of(n.message.key) != slot)
        ]

    def clear_notices(self) -> None:
        """Drop every notice at once (the year's summary opens: what the round's notices said
        is in it, and they covered its headline while the room read the result)."""
        self.notices = []

    def expire_notices(self) -> bool:
        """Drop the notices whose time is up; True when one was dropped."""
        now = self.clock()
        kept = [n for n in self.notices if n.until > now]
        changed = len(kept) != len(self.notices)
        self.notices = kept
        return changed

    # --- a game open in another window ----------------------------------------------------
    def follow(self) -> bool:
        """For a game opened read-only (its save is open in another window): show what the
        other window decided since (the save file changed: its game is read again, when it
        is still the same game), and note when that window has let go of the save
        (``viewed_free``). True when either changed. Called every few seconds by the board."""
        if not self.read_only or self.viewing is None or self.history is None:
            return False
        if self.looking_at_paper:  # no other window plays a paper table
            return False
        from game.saves import lock_holder, read_save

        changed = False
        stamp = _modified(self.viewing)
        if stamp is not None and stamp != self._viewed_stamp:
            # each version of the file is read once (saves are written whole, by a rename): a
            # broken file or another game in its place is passed over, not read every time
            self._viewed_stamp = stamp
            try:
                saved = read_save(self.viewing)
            except SaveError:
                saved = None
            if saved is not None:
                now = saved.history.current
                same = (now.scenario.id, now.seed) == (self.state.scenario.id, self.state.seed)
                if same and saved.history.actions != self.history.actions:
                    self.history = saved.history
                    self._round_changed()
                    changed = True
        free = lock_holder(self.viewing) is None
        if free != self.viewed_free:
            self.viewed_free = free
            changed = True
        return changed

    # --- saving -------------------------------------------------------------------------
    def autosave(self) -> None:
        """Write the game to its save file (after every decision) through its ``GameSaver``;
        a failure becomes a notice, and the first one also a line on stderr, never an
        exception (a full disk must not end the workshop). Decisions a failed save left out
        are written by the next save that succeeds (the whole game is written every time)."""
        if self.history is None or self.settings is None or self.save_path is None:
            return
        saver = self._saver(self.save_path)
        adopted = set(self.history.current.adopted_ids())  # their notes are in the log
        drafts = tuple(
            sorted(
                (card, note) for card, note in self.drafts.items() if note and card not in adopted
            )
        )
        status = saver.save(self.deck, self.settings, self.history, self.round_clock(), drafts)
        self._saved(saver, status)

    def keep_clock(self) -> None:
        """Write the round timer's time used and the notes typed on cards not yet adopted
        into the game's save as the window closes, or as such a note is kept (Enter in the
        card view: "Begrundelse er gemt") (the decisions are in it already): opened
        again, the round goes on with the time it had left, not from the time of its last
        decision, and a note typed but not adopted is still on its card. Only a game with a
        timer or a note, in a save that exists and holds every decision; a failure is a
        notice, as any save's."""
        if self.read_only or self.save_path is None:
            return
        if self.round_clock() is None and not any(self.drafts.values()):
            return
        if self.unsaved() is None and self.save_path.exists():
            self.autosave()

    def save_pending(self) -> bool:
        """Try once more to write the decisions that are not in the save file yet (its
        folder may be back: a USB stick put in again); True when the game on screen is in its
        file now (or has nothing to save)."""
        if self.unsaved() is not None:
            self.autosave()
        return self.unsaved() is None

    def _resume(self) -> None:
        """A game opened from its save file: hold the file (its lock) and write nothing."""
        assert self.history is not None and self.save_path is not None
        saver = self._saver(self.save_path)
        self._saved(saver, saver.resume(len(self.history.actions)))

    def _saver(self, path: Path) -> GameSaver:
        """The writer of the save at ``path`` (a new one for another file: the old one's lock
        is given back), carrying the paper table's entries of the game on screen."""
        if self.saver is None or self.saver.path != path:
            if self.saver is not None:
                self.saver.close()  # another game: its save's lock is given back
            # created=None keeps the creation time already in the file (or stamps a new one)
            self.saver = GameSaver(path, created=self.created)
        self.saver.paper = self.paper
        return self.saver

    def _saved(self, saver: GameSaver, status: SaveStatus) -> None:
        """Take in the outcome of a save (or of resuming): a failure becomes a notice, and the
        first of a row also a line on stderr."""
        self.last_save_ok = status.ok
        self.save_problem = None
        if not status.ok and status.error is not None:
            if saver.failures == 1:
                lang = self.settings.lang if self.settings is not None else "da"
                why = unsaved_message(status)
                said = render(Message.of("save.stderr_failed", reason=why or ""), lang)
                print(f"raaderum: {said}", file=sys.stderr)
            self.notify(Message.of("error.save_failed", reason=status.error.cause), error=True)

    def unsaved(self) -> Message | None:
        """Why the game on screen is not (all) in its save file, as the banner says it; None
        while it is saved, for a game without a save folder and for a read-only game."""
        if self.history is None or self.read_only or self.given_up:
            return None
        if self.saver is not None and self.saver.path == self.save_path:
            return unsaved_message(self.saver.status)
        return unsaved_message(None, self.save_problem)

    def save_elsewhere(self, folder: Path) -> Message:
        """Save the game in ``folder`` (another folder, a USB stick) and keep saving it there;
        new games are saved there too. Returns what to tell the players: where it is saved, or
        why that failed as well (the game then stays where it was)."""
        if self.history is None or self.settings is None:
            return Message.of("save.elsewhere_failed", cause="")
        folder = Path(folder).expanduser()
        if self.saver is None:
            problem = folder_problem(folder)
            if problem is not None:
                return Message.of("save.elsewhere_failed", cause=problem.said)
            try:
                self.save_path = new_save_path(folder)
            except SaveError as error:
                return Message.of("save.elsewhere_failed", cause=error.cause)
            self.autosave()
            ok = self.last_save_ok
            assert self.saver is not None
            status = self.saver.status
        else:
            status = self.saver.save_elsewhere(folder, self.deck, self.settings, self.history)
            ok = status.ok
            if ok:
                self.save_path = self.saver.path
                self.last_save_ok = True
                self.save_problem = None
        if not ok:
            cause = status.error.cause if status.error is not None else ""
            return Message.of("save.elsewhere_failed", cause=cause)
        self.save_dir = folder
        return Message.of("save.elsewhere_done", path=str(self.save_path))

    def give_up(self) -> None:
        """The players leave the game on screen for the start screen although decisions are
        not saved, as they were told: those decisions are given up (``unsaved`` is None from
        now on, so closing the window does not ask about them again) and the lock is given
        back. What its save file holds stays there."""
        self.close()
        self.given_up = True

    def close(self) -> None:
        """Give the save's lock back (the window closes, or another game starts)."""
        if self.saver is not None:
            self.saver.close()
            self.saver = None

    def _save_failed(self, error: Exception) -> None:
        self.last_save_ok = False
        log.warning("autosave failed: %s", error)
        reason = getattr(error, "cause", None) or getattr(error, "reason", None) or str(error)
        self.save_problem = reason
        self.notify(Message.of("error.save_failed", reason=reason), error=True)


def _modified(path: Path) -> float | None:
    """The file's modification time, or None when it cannot be read."""
    try:
        return path.stat().st_mtime
    except OSError:
        return None
