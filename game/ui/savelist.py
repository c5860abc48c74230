"""The start screen's list of saved games: every game in the save folder, newest first – the
ones to continue, the finished ones (to see their result, write their report, compare), and
the files that cannot be opened, each with its reason. Each entry says what tells the games
apart: the table's name, the target, the round (or the result), the time and the scenario.
The list scrolls (the mouse wheel, Page Up/Down, or a click on its "mere" line) and never
hides its first entry behind a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pygame

from game.messages import render, unit_words
from game.numbers import format_amount
from game.saves import (
    LOCK_HELD,
    LOCK_INTERRUPTED,
    DamagedSave,
    SaveInfo,
    SaveListing,
    decisions_said,
    folder_problem,
    lock_states,
    scan_saves,
)
from game.saves.stamps import stamp_seconds
from game.ui import theme
from game.ui.draw import panel
from game.ui.panels.adopted import arrow, scroll_window
from game.ui.scene import Host
from game.ui.start_view import format_time
from game.ui.theme import TINY


@dataclass(frozen=True)
class Entry:
    """One line of the list: a game (``info``) or a damaged file (``damaged``)."""

    info: SaveInfo | None = None
    damaged: DamagedSave | None = None
    held: bool = False
    """Another window holds the game (its save's lock) as the list was read: it opens
    read-only or in a copy."""
    interrupted: bool = False
    """The window that played the game stopped without closing it (killed, crashed, the pc
    shut down) in the middle of a round: the game a facilitator looks for after a crash."""
    versions: int = 1
    """How many files of this game went their own way (this one and its ``branch_of``
    entries, a cloud drive's conflict copies on which another laptop played on): 1 for a
    game in one version."""
    alike: int = 0
    """Another entry of the list would read the same (two games of one table, target and
    scenario, saved in the same minute): 1 – the lines add the decisions and the second it
    was saved; 2 – that too was the same, and the second line starts with the file's name."""

    @property
    def path(self) -> Path:
        """The save file."""
        if self.info is not None:
            return self.info.path
        assert self.damaged is not None
        return self.damaged.path


def entries(listing: SaveListing) -> list[Entry]:
    """Every game of ``listing``, newest first, then the damaged files, newest first – but a
    damaged file newer than every game is at the top, where it is noticed (the game just
    played may be the one that broke). Damaged files never push the games out of sight (four
    cloud placeholders once filled a 1024×768 list)."""
    games = sorted(listing.games, key=lambda info: stamp_seconds(info.updated), reverse=True)
    damaged = sorted(listing.damaged, key=lambda d: stamp_seconds(d.modified), reverse=True)
    newest_game = stamp_seconds(games[0].updated) if games else float("-inf")
    first = damaged[:1] if damaged and stamp_seconds(damaged[0].modified) > newest_game else []
    roots = [info.branch_of.resolve() for info in games if info.branch_of is not None]
    return [
        *(Entry(damaged=d) for d in first),
        *(Entry(info=info, versions=1 + roots.count(info.path.resolve())) for info in games),
        *(Entry(damaged=d) for d in damaged[len(first) :]),
    ]


def told_apart(app: Host, listed: list[Entry]) -> list[Entry]:
    """``listed`` with ``Entry.alike`` set where two entries would read the same: two games
    of one table, target and scenario, saved in the same minute, were two identical rows
    (a facilitator could not tell which to continue). Their lines then add what differs."""
    found = list(listed)
    for level in (1, 2):
        lines = [entry_lines(app, entry) for entry in found]
        times = Counter(lines)
        found = [
            replace(entry, alike=level) if entry.info is not None and times[line] > 1 else entry
            for entry, line in zip(found, lines)
        ]
    return found


def entry_lines(
    app: Host, entry: Entry, fits: Callable[[str], bool] | None = None
) -> tuple[str, str]:
    """The two lines of an entry: the table and its target (or which file cannot be opened),
    then the round or result, the time and the scenario (or why the file cannot be read).
    A second line that ``fits`` says is too wide gives the date without its year ("05.12. kl.
    02:51"): at 1024×768 "+ 3 kopier af samme spil · Runde 2 af 4 · 05.12.2026 kl. 02:…"
    lost the time, which tells the games apart."""
    head, detail = _entry_lines(app, entry, year=True)
    for year, scenario in ((False, True), (False, False)):
        if fits is None or fits(detail) or entry.info is None:
            break
        # then without the scenario's title, which the start screen shows beside the list
        head, detail = _entry_lines(app, entry, year=year, scenario=scenario)
    return head, detail


def _entry_lines(app: Host, entry: Entry, *, year: bool, scenario: bool = True) -> tuple[str, str]:
    """``entry_lines``, with or without the year in the date and the scenario's title."""
    if entry.damaged is not None:
        damaged = entry.damaged
        head = app.t("start.resume_damaged", name=damaged.path.name, reason="").rstrip(" ·")
        return head, damaged.worded(app.lang)
    info = entry.info
    assert info is not None
    table = info.table.strip() or app.t("start.resume_untitled")
    markers = [
        app.t(key)
        for key, on in (
            ("paper.marker", info.paper),
            ("start.robot_marker", bool(info.robot)),
            ("start.copy_marker", info.copy),
            ("start.held_marker", entry.held),
            ("start.interrupted_marker", entry.interrupted),
        )
        if on
    ]
    if info.branch_of is not None:
        # in the first line, which a small screen shows whole: two rows read alike ("Bord 2 ·
        # mål 25 mio. kr.") and what told them apart was cut at the end of the second
        markers.append(app.t("start.branch_marker", k=info.branch_at or 0))
    elif entry.versions > 1:  # the game another entry went its own way from
        markers.append(app.t("start.versions_marker", count=entry.versions))
    if markers:  # in the first line, which a small screen shows whole
        table = f"{table} ({', '.join(markers)})"
    if info.target is not None:
        amount = f"{format_amount(info.target, app.lang)} {unit_words(info.unit, app.lang)}"
        table = f"{table} · {app.t('start.resume_target', target=amount)}"
    date = format_time(info.updated, app.lang, seconds=entry.alike > 0, year=year)
    title = info.scenario_title if scenario else ""
    if info.finished:
        result = app.t("start.resume_won" if info.won else "start.resume_lost")
        detail = app.t("start.resume_finished", result=result, date=date, scenario=title)
    elif info.stopped_after is not None:  # not "Runde 3 af 3": the table never began it
        detail = app.t("start.resume_stopped", year=info.stopped_after, date=date, scenario=title)
    else:
        detail = app.t(
            "start.resume_open",
            round=min(info.round + 1, info.rounds),
            rounds=info.rounds,
            date=date,
            scenario=title,
        )
    if info.branch_of is not None or entry.versions > 1 or entry.alike:
        # which of the versions has more decisions, first: the line was cut at "samme spil
        # som spil-…json, men anderledes fra besl…" even at 4K, and the count never shown
        detail = f"{app.say(decisions_said(info.decisions))} · {detail}"
    if entry.alike > 1:
        detail = f"{info.path.name} · {detail}"
    detail = detail.removesuffix(" · ")  # no scenario's title: no separator before it
    copies = copies_words(app, info)
    # the copies before the round, date and scenario: at the end of the line, 1024×768 cut
    # them to "· +…", and the scenario's title is the part a narrow row can spare
    return table, f"{copies} · {detail}" if copies else detail


def copies_words(app: Host, info: SaveInfo) -> str:
    """What the entry says about other files of the same game: how many identical or older
    copies it stands for ("" when none). A file that went its own way says so in its first
    line (``start.branch_marker``)."""
    if info.copies:
        count = "one" if len(info.copies) == 1 else "many"
        return app.t(f"start.resume_copies.{count}", n=len(info.copies))
    return ""


class SaveList:
    """The list's content, where it is scrolled to, and how it is drawn and clicked."""

    def __init__(self, app: Host) -> None:
        self.app = app
        self.entries: list[Entry] = []
        self.problem: str | None = None
        """Why the folder cannot be read (said in the list), or None."""
        self.folder_problem: str | None = None
        """Why games cannot be saved in the folder (it cannot be created or written), or None."""
        self.problem_folder: Path | None = None
        """The folder ``folder_problem`` is about (the start screen names it), or None."""
        self.scroll = 0
        self.selected: int | None = None
        """The entry the keyboard has chosen (Tab to the list, then ↑/↓; Enter opens it), or
        None while the list does not have the focus."""

    def select(self, area: pygame.Rect, index: int) -> None:
        """Choose entry ``index`` (clamped to the list) and scroll it into sight."""
        if not self.entries:
            self.selected = None
            return
        self.selected = max(0, min(len(self.entries) - 1, index))
        first, count, _, _ = self.window(area)
        if self.selected < first:
            self.scroll = self.selected
        elif self.selected >= first + count:
            self.scroll = self.selected - count + 1
        self.scroll = self.window(area)[0]
        # the "more above" row takes a place: the chosen entry must still be in sight
        first, count, _, _ = self.window(area)
        if not first <= self.selected < first + count:
            self.scroll_by(area, 1 if self.selected >= first + count else -1)

    def check(self, folder: Path | None) -> bool:
        """Use ``folder`` when games can be saved in it (creating it if needed) and list its
        games; True when it can be used, else ``folder_problem`` says why."""
        found = folder_problem(folder) if folder is not None else None
        self.folder_problem = render(found.said, self.app.lang) if found is not None else None
        self.problem_folder = folder if found is not None else None
        if found is None:
            self.load(folder)
        elif folder is not None and folder.is_dir():
            # a folder that cannot be written may still hold the tables' games (a
            # write-protected USB stick): said, with where they can be seen, not hidden
            try:
                held = len(scan_saves(folder).games)
            except OSError:
                held = 0
            if held:
                count = "one" if held == 1 else "many"
                more = self.app.t(f"start.folder_holds.{count}", count=held)
                self.folder_problem = f"{self.folder_problem}. {more}"
        return found is None

    def load(self, folder: Path | None) -> None:
        """Read the save folder (an unreadable folder is said, not hidden)."""
        self.scroll = 0
        self.selected = None
        if folder is None:
            self.entries, self.problem = [], None
            return
        listing = scan_saves(folder)
        # a game another window has open is marked, so a facilitator with two windows sees
        # which is busy before clicking it (a trial found out only from the dialog)
        # and so is a game whose window stopped without closing it, the one a facilitator
        # looks for after a crash (it is also the newest, at the top)
        listed = entries(listing)
        states = lock_states([e.path for e in listed if e.info is not None])
        found = [
            replace(
                e,
                held=states.get(e.path) == LOCK_HELD,
                interrupted=states.get(e.path) == LOCK_INTERRUPTED
                and e.info is not None
                and not e.info.finished,
            )
            for e in listed
        ]
        self.entries, self.problem = told_apart(self.app, found), listing.problem

    def row_height(self) -> int:
        """The height of one entry (two lines)."""
        return 2 * self._line() + self.app.scale.gap

    def _line(self) -> int:
        sc = self.app.scale
        return self.app.text.fit(
            "Ag", 99, 99, sc.min_text, sc.min_text, spacing=theme.TIGHT
        ).line_height

    def window(self, area: pygame.Rect) -> tuple[int, int, bool, bool]:
        """Which entries show in ``area`` (``game.ui.panels.adopted.scroll_window``): the first,
        how many, and the "more above"/"more below" lines (each one row)."""
        capacity = max(1, area.height // self.row_height())
        return scroll_window(len(self.entries), capacity, self.scroll)

    def rows(self, area: pygame.Rect) -> list[tuple[pygame.Rect, str, int | None]]:
        """The rows on screen: (rect, "up" | "down" | "", entry index)."""
        first, count, above, below = self.window(area)
        shown: list[tuple[str, int | None]] = [("up", None)] if above else []
        shown += [("", i) for i in range(first, first + count)]
        if below:
            shown.append(("down", None))
        height = self.row_height()
        return [
            (pygame.Rect(area.x, area.y + i * height, area.width, height - 2), what, index)
            for i, (what, index) in enumerate(shown)
        ]

    def scroll_by(self, area: pygame.Rect, rows: int) -> None:
        """Scroll by ``rows`` entries (negative: up)."""
        first = self.window(area)[0]
        self.scroll = max(0, first + rows)
        self.scroll = self.window(area)[0]

    def hit(self, area: pygame.Rect, pos: tuple[int, int]) -> int | str | None:
        """The entry index under ``pos``, "up"/"down" for the "mere" lines, or None."""
        for rect, what, index in self.rows(area):
            if rect.collidepoint(pos):
                return index if index is not None else what
        return None

    def click(self, area: pygame.Rect, pos: tuple[int, int]) -> Entry | None:
        """A click in the list: scrolls on a "mere" line; the entry clicked, if any."""
        found = self.hit(area, pos)
        if isinstance(found, str):
            page = max(1, area.height // self.row_height() - 2)
            self.scroll_by(area, -page if found == "up" else page)
            return None
        return self.entries[found] if found is not None else None

    def draw(self, surface: pygame.Surface, area: pygame.Rect, empty: str) -> None:
        """The entries in ``area`` (or ``empty`` when there are none)."""
        app, sc = self.app, self.app.scale
        if self.problem is not None or not self.entries:
            words = self.problem if self.problem is not None else empty
            ink = theme.WARNING if self.problem is not None else theme.MUTED
            app.text.draw(surface, words, area, TINY.ink(ink))
            return
        first, count, _, _ = self.window(area)
        line = self._line()
        for rect, what, index in self.rows(area):
            if index is None:
                hidden = first if what == "up" else len(self.entries) - first - count
                pygame.draw.rect(surface, theme.CURRENT, rect, border_radius=sc.radius)
                mark = pygame.Rect(rect.x + sc.gap, rect.centery - line // 2, line, line)
                arrow(surface, mark, what == "up", theme.ACCENT)
                key = "board.scroll_up" if what == "up" else "board.scroll_down"
                box = pygame.Rect(mark.right + sc.gap, rect.y, rect.right - mark.right, rect.height)
                app.text.draw(
                    surface,
                    app.t(key, count=hidden),
                    box,
                    TINY.bold().ink(theme.ACCENT).middle().lines(1),
                )
                continue
            entry = self.entries[index]
            damaged = entry.damaged is not None
            fill = theme.mix(theme.CARD, theme.WARNING, 0.08) if damaged else theme.CARD
            panel(surface, rect, sc.radius, fill, shadow=False, border=theme.FAINT, width=1)
            if index == self.selected:
                ring = max(2, sc.gap // 3)
                pygame.draw.rect(surface, theme.INK, rect, ring, border_radius=sc.radius)
            inner = rect.inflate(-2 * sc.gap, -sc.gap // 2)
            size = app.scale.min_text

            def fits(text: str, width: int = inner.width, size: int = size) -> bool:
                return app.text.width(text, size) <= width

            head, detail = entry_lines(app, entry, fits)
            top = pygame.Rect(inner.x, inner.y, inner.width, line)
            ink = theme.WARNING if damaged else theme.INK
            app.text.draw(surface, head, top, TINY.bold().ink(ink).tight().middle().lines(1))
            below = pygame.Rect(inner.x, inner.y + line, inner.width, line)
            app.text.draw(surface, detail, below, TINY.ink(theme.MUTED).tight().middle().lines(1))
