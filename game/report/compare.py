"""Comparing tables: many saves (e.g. eight tables at a citizen conference) side by side.

Saves are grouped by deck content and scenario, never mixed: two tables that played different
decks or scenarios land in different groups. A save that cannot be read is listed with its
error; it never stops the comparison.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from game.content.loader import rules_hash
from game.engine.ledger import meets
from game.engine.model import Kind
from game.engine.rules import shown_raaderum
from game.engine.verdict import Verdict, verdict
from game.messages import Message, catalogue, render, unit_words
from game.numbers import (
    format_against,
    format_amount,
    format_moment,
    format_percent,
    format_target,
)
from game.paths import command_word, is_litter
from game.report.csvfile import csv_bytes, number
from game.report.page import esc, figure, page, table
from game.report.session import kind_word
from game.report.svg import (
    MET,
    PALETTE,
    Series,
    bars_against_target,
    closing_mark,
    horizontal_bars,
    line_chart,
    series_color,
    stripes_css,
)
from game.saves import SavedGame, SaveError, read_save
from game.saves.copies import SameGame, one_per_game
from game.saves.files import display_path, distinct_names
from game.saves.listing import save_candidates
from game.saves.oserrors import os_message
from game.saves.store import SAVE_SUFFIX

COMPARE_HEADER = (
    "group",
    "deck",
    "deck_hash",
    "scenario",
    "id",
    "title",
    "kind",
    "area",
    "tables_adopted",
    "tables_total",
    "mean_round",
)
"""Columns of compare.csv (fixed English identifiers; one row per proposal and group).
"group" is the comparison group's number as the page numbers them (tables of one scenario
with another target, or another version of the deck, are compared apart): a pivot on the
proposal alone would add up the groups."""
TABLES_HEADER = (
    "group",
    "scenario",
    "table",
    "paper",
    "file",
    "year",
    "target",
    "raaderum",
    "met",
    "service",
    "result",
    "why",
    "unit",
    "reopened",
    "events",
)
"""Columns of compare_tables.csv: one row per table and budget year (fixed English
identifiers, values in the report's language), so a host can pivot the tables in Excel.
"service" is the level at the year's end (now, in an open year). An unfinished game's years
not begun have no råderum and no service, and its years not over no "met"; "unit" is the
deck's in the report's words ("m DKK" in English; tables of decks in mio. kr. and in t. kr.
can share a file); "reopened" how many times the table took the year's end back after
seeing its result (``History.reopened``); "events" the titles of the events the table drew
that year ("; " between two), "ingen" ("none") for a year played without one, as the page
says it, and blank for a year not played."""


@dataclass(frozen=True)
class Unreadable:
    """A save that could not be read, and why (``FILE: reason`` as a message): ``text(lang)``
    words it in the reader's language, ``error`` in Danish."""

    path: Path
    said: Message
    shown: str = ""
    """The file as the comparison names it (``distinct_names``); "" for its name."""

    def text(self, lang: str = "da") -> str:
        """``FILE: reason`` in ``lang``, one line."""
        return render(self.said, lang)

    @property
    def error(self) -> str:
        """``FILE: reason`` in Danish."""
        return self.text("da")

    def handout_text(self, lang: str = "da") -> str:
        """``text`` with the file's name only, for compare.html: a handout for citizens shows
        no folders (on Windows they carry the host's user name)."""
        params = {**self.said.kwargs, "path": self.shown or self.path.name or str(self.path)}
        return render(Message.of(self.said.key, **params), lang)


@dataclass(frozen=True)
class TableResult:
    """One table's game."""

    path: Path
    finished: bool
    won: bool | None
    raaderum: tuple[float, ...]
    service: int
    adopted: tuple[tuple[str, int], ...]
    """(proposal id, 0-based round) in order of adoption."""
    target: tuple[float, ...]
    outcome: Verdict | None = None
    """The game's verdict (why a finished game was lost, worded per language)."""
    table: str | None = None
    """The name of a table that played on paper and was entered afterwards, else None."""
    name: str = ""
    """The table's own name: a paper table's, or the one typed at the start ("" if none)."""
    number: int = 0
    """"Bord N" for a table without a name; for a name several tables share, which of them
    (1, 2, …); set by ``numbered``."""
    played: int | None = None
    """The budget years an unfinished game has begun (the later years are not played yet, and
    their råderum is only what the cards adopted so far would give); None: every year."""
    year_service: tuple[int, ...] = ()
    """The service level at the end of each closed budget year (the engine's year results);
    ``service`` is the level now (of the open year in an unfinished game)."""
    stopped: bool = False
    """A paper table that stopped before its last year (``enter --stopped-after``): every
    year it began is over, and the next is not begun (its figures would only be what the
    cards adopted so far project)."""
    shown: str = ""
    """The save as the comparison names it: its name, or "laptop5/spil.json" when another
    save of the comparison has the same name (``distinct_names``); "" for its name."""
    copy: bool = False
    """A game continued in a copy whose original is also in the comparison (both played on
    after they parted): "Bord A (kopi)", as the start screen lists it."""
    reopened: tuple[int, ...] = ()
    """The years (0-based) whose end the table took back after seeing their result, once per
    time (``History.reopened``): said beside its result."""
    events: tuple[tuple[str, int], ...] = ()
    """(event id, 0-based round) of the events the table drew, in the order drawn."""

    @property
    def file(self) -> str:
        """The save's name as the reader is shown it."""
        return display_path(self.shown or self.path.name)

    def service_in(self, index: int) -> int | None:
        """The service level of budget year ``index`` (0-based): at its end for a closed year,
        the level now for the open one, None for a year not begun."""
        if index < len(self.year_service):
            return self.year_service[index]
        return self.service if self.begun(index) else None

    def begun(self, index: int) -> bool:
        """Whether budget year ``index`` (0-based) has begun at this table."""
        return self.played is None or index < self.played

    def closed(self, index: int) -> bool:
        """Whether budget year ``index`` (0-based) is over at this table (its result final):
        every year of a finished game, the years before the open one of an unfinished game."""
        return self.finished or self.begun(index + 1) or (self.stopped and self.begun(index))

    @property
    def result_key(self) -> str:
        """The message key of the table's result: "compare.won", "compare.lost",
        "compare.stopped" (a paper table that stopped before its last year: it is not "i
        gang" at the end of a conference) or "compare.open"."""
        if self.finished:
            return "compare.won" if self.won else "compare.lost"
        return "compare.stopped" if self.stopped else "compare.open"

    @property
    def paper(self) -> bool:
        """True for a table that played on paper and was entered afterwards."""
        return self.table is not None

    def label(self, lang: str = "da") -> str:
        """What the page calls the table: "Bord 4", "Bord 6 (2)", "Bord 3 (papir)", "Bord A
        (kopi)", and the second paper table of a name "Bord 6 (2, papir)", not "Bord 6 (2)
        (papir)"."""
        words = catalogue(lang)
        marks = [str(self.number)] if self.name and self.number > 1 else []
        marker = words.t("paper.marker")
        # a host who wrote "Bord 6 (papir)" got "Bord 6 (papir) (papir)"
        if self.paper and marker.casefold() not in self.name.casefold():
            marks.append(marker)
        if self.copy:
            marks.append(words.t("start.copy_marker"))
        label = self.name or f"{words.t('report.compare.table')} {self.number}"
        return f"{label} ({', '.join(marks)})" if marks else label


@dataclass(frozen=True)
class ProposalUse:
    """How the tables of a group used one proposal of the scenario."""

    id: str
    title: str
    kind: Kind
    area: str
    tables_adopted: int
    tables_total: int
    mean_round: float | None
    """Mean 1-based round of adoption among the tables that adopted it."""


@dataclass(frozen=True)
class ComparisonGroup:
    """The tables that played the same deck content, scenario and targets."""

    deck_id: str
    deck_title: str
    deck_hash: str
    scenario_id: str
    scenario_title: str
    years: tuple[str, ...]
    tables: tuple[TableResult, ...]
    """Numbered and in the order of their names ("Bord 2" before "Bord 10"; ``numbered``)."""
    proposals: tuple[ProposalUse, ...]
    """Every proposal of the scenario, the most adopted first."""
    rules_hash: str = ""
    """What the group's deck plays (``content.loader.rules_hash``): the groups' key."""
    deck_versions: int = 1
    """How many versions of the deck (content hashes) its tables played – more than one when
    a card's words were corrected between the tables; the rules are the same."""
    same_names: tuple[tuple[str, tuple[Path, ...]], ...] = ()
    """Names that more than one table (file) carries: perhaps one table entered twice."""
    unit: str = "mio. kr."
    """The deck's unit."""
    service_floor: int | None = None
    """The scenario's service floor (None: none)."""
    event_titles: tuple[tuple[str, str], ...] = ()
    """(id, title) of the scenario's events, in the deck's words."""

    def drawn(self, tab: TableResult, index: int) -> list[str]:
        """The titles of the events ``tab`` drew in budget year ``index`` (an id the deck
        does not have as it stands), in the order drawn."""
        titles = dict(self.event_titles)
        return [titles.get(card, card) for card, at in tab.events if at == index]

    @property
    def targets(self) -> tuple[float, ...]:
        """The targets every table of the group played for (the same by construction)."""
        return self.tables[0].target if self.tables else ()

    @property
    def wins(self) -> int:
        """Tables that finished and won."""
        return sum(1 for t in self.tables if t.won)

    @property
    def finished(self) -> int:
        """Tables whose game is over."""
        return sum(1 for t in self.tables if t.finished)

    @property
    def win_rate(self) -> float:
        """Share of the finished tables that won (0 when none has finished)."""
        return self.wins / self.finished if self.finished else 0.0


class Comparison(list[ComparisonGroup]):
    """The groups of a comparison; ``unreadable`` lists the saves that could not be read and
    ``copies`` the games found in more than one file (each counted once)."""

    def __init__(
        self,
        groups: Iterable[ComparisonGroup],
        unreadable: Iterable[Unreadable],
        copies: Iterable[SameGame] = (),
        unplayed: Iterable[Path] = (),
        names: Mapping[Path, str] | None = None,
        robots: Iterable[Path] = (),
    ):
        super().__init__(groups)
        self.unreadable: list[Unreadable] = list(unreadable)
        self.copies: list[SameGame] = list(copies)
        self.unplayed: list[Path] = list(unplayed)
        """Saves of a game without a single decision (started, never played): not counted."""
        self.robots: list[Path] = list(robots)
        """Saves of games the kiosk's robot played (``play --autoplay``): not counted – a
        laptop that stood at the conference's stand before it became a table brought them."""
        self.unplayed_keys: dict[Path, tuple[str, str, tuple[float, ...]]] = {}
        """Each of ``unplayed`` and ``robots`` by the group it would be in: deck hash,
        scenario, targets."""
        self.names: dict[Path, str] = dict(names or {})
        """How each file is named to the reader (``distinct_names``)."""

    def unplayed_in(self, index: int, *, robots: bool = False) -> int:
        """How many of ``unplayed`` (with ``robots``: of ``robots``) would be in group
        ``index`` (by deck, scenario and targets); those that fit no group are counted with
        the first (said once, not under every group: "Ikke spillet: 1" stood under three
        groups, none of them its own)."""
        groups = list(self)
        keys = [(g.rules_hash, g.scenario_id, g.targets) for g in groups]
        count = 0
        for path in self.robots if robots else self.unplayed:
            key = self.unplayed_keys.get(path)
            home = keys.index(key) if key in keys else 0
            count += home == index
        return count

    def notices(self, lang: str = "da") -> list[str]:
        """One sentence per file that was not counted because its game is in another or was
        never played, one per name that several tables carry, one per group of another deck
        than the most tables played (a stray save in the host's folder), one per group
        compared apart from the first, saying why, and one per group whose tables played
        versions of the deck that differ only in words."""
        copies = [line for same in self.copies for line in same.lines(lang, self.names)]
        return (
            copies
            + unplayed_lines(self.unplayed, lang, self.names)
            + unplayed_lines(self.robots, lang, self.names, robots=True)
            + [line for group in self for line in same_name_lines(group, lang)]
            + self._other_decks(lang)
            + self._apart(lang)
            + self._worded_apart(lang)
        )

    def _worded_apart(self, lang: str) -> list[str]:
        """One sentence per group whose tables played versions of one deck that differ only
        in words (``ComparisonGroup.deck_versions``): compared as one, and said so."""
        return [
            catalogue(lang).t(
                "report.compare.versions_worded", number=number, count=group.deck_versions
            )
            for number, group in enumerate(self, start=1)
            if group.deck_versions > 1
        ]

    def _apart(self, lang: str) -> list[str]:
        """One sentence per group after the first: its tables are compared apart, and why
        (compare.html says it above the group; the terminal said nothing of the split)."""
        groups = list(self)
        usual = self._usual_deck()
        lines = []
        for index, group in enumerate(groups[1:], start=1):
            why = why_apart(groups, index)
            if why is None or usual not in (None, group.deck_hash):
                continue  # a stray deck's group is named by _other_decks already
            lines.append(
                catalogue(lang).t(
                    "compare.group_apart_line",
                    number=index + 1,
                    tables=", ".join(tab.label(lang) for tab in group.tables),
                    why=render(why, lang),
                )
            )
        return lines

    def _usual_deck(self) -> str | None:
        """The content hash of the deck most tables played, when another deck was played by
        fewer (a stray save); None for one deck, or decks played by as many tables."""
        tables: dict[str, int] = {}
        for group in self:
            tables[group.deck_hash] = tables.get(group.deck_hash, 0) + len(group.tables)
        counts = sorted(tables.values(), reverse=True)
        if len(counts) < 2 or counts[0] == counts[1]:
            return None
        return max(tables, key=lambda deck: tables[deck])

    def _other_decks(self, lang: str) -> list[str]:
        usual = self._usual_deck()
        if usual is None:
            return []  # one deck, or two decks played by as many tables: no stray save to name
        usual_title = next(group.deck_title for group in self if group.deck_hash == usual)
        return [
            catalogue(lang).t(
                # the same title: the deck was changed (a card edited) between the tables
                "report.compare.other_version"
                if group.deck_title == usual_title
                else "report.compare.other_deck",
                files=", ".join(t.file for t in group.tables),
                deck=group.deck_title,
            )
            for group in self
            if group.deck_hash != usual
        ]


def unplayed_lines(
    paths: Sequence[Path],
    lang: str,
    names: Mapping[Path, str] | None = None,
    *,
    robots: bool = False,
) -> list[str]:
    """One sentence per save of a game without a decision (with ``robots``: of a game the
    kiosk's robot played), which the comparison leaves out (``names``: how the files are
    shown, ``distinct_names``)."""
    shown = names or {}
    key = "report.compare.robot" if robots else "report.compare.unplayed"
    return [catalogue(lang).t(key, file=display_path(shown.get(p, p.name))) for p in paths]


SUBFOLDER_DEPTH = 6
"""How deep ``save_files`` looks into a folder's subfolders: a host who copies each laptop's
save folder – or a whole USB stick, "USB-stik Bord 4/Råderum/raaderum/saves", or a Windows
profile's AppData/Local/raaderum/saves – into a folder per laptop in one conference folder
names that folder alone. A deeper folder that holds saves is named as not read
(``DEEPER_LOOK``), never skipped without a word."""
DEEPER_LOOK = 4
"""How many levels below ``SUBFOLDER_DEPTH`` a folder is searched for a save, only to say
that it was not read (a host who names a whole disk by mistake does not wait for all of it)."""


def save_files(paths: Sequence[Path]) -> tuple[list[Path], list[Unreadable]]:
    """The save files named by ``paths`` (files, or folders whose ``*.json`` are taken, with
    those of their subfolders ``SUBFOLDER_DEPTH`` levels down, hidden ones not), in a stable
    order without duplicates, and the paths that do not exist or cannot be read."""
    files: list[Path] = []
    missing: list[Unreadable] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = _folder_saves(path, SUBFOLDER_DEPTH, missing)
        elif path.exists() and path.suffix.lower() != SAVE_SUFFIX:
            # notes or a deck named by mistake: not "truncated or damaged", as JSON said
            said = Message.of("compare.not_a_save", path=display_path(path))
            missing.append(Unreadable(path, said))
            continue
        elif path.exists():
            found = [path]
        else:
            missing.append(Unreadable(path, Message.of("compare.missing", path=display_path(path))))
            continue
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, missing


def _folder_saves(folder: Path, depth: int, unreadable: list[Unreadable]) -> list[Path]:
    """The saves of ``folder`` and, ``depth`` levels down, of its subfolders (not hidden);
    a folder that cannot be read is added to ``unreadable``."""
    try:
        found = [p for p in save_candidates(folder) if p.is_file()]
        subs = sorted(p for p in folder.iterdir() if _walked(p))
    except OSError as error:
        said = Message.of(
            "compare.folder_unreadable",
            path=display_path(folder),
            reason=os_message(error, reading=True),
        )
        unreadable.append(Unreadable(folder, said))
        return []
    for sub in subs:
        if sub.name.startswith(".") or is_litter(sub.name):
            continue
        if depth > 0:
            found += _folder_saves(sub, depth - 1, unreadable)
        elif _holds_saves(sub, DEEPER_LOOK):
            shown = display_path(sub)
            said = Message.of(
                "compare.too_deep", path=shown, word=command_word(shown), depth=SUBFOLDER_DEPTH
            )
            unreadable.append(Unreadable(sub, said))
    return found


def _walked(path: Path) -> bool:
    """Whether the search for saves goes into ``path``: a folder, but not a link to one. A
    link to the disk's root ran for minutes, and a link to the folder above was read again
    and again; a folder named on the command line is read even when it is a link."""
    return path.is_dir() and not path.is_symlink()


def _holds_saves(folder: Path, depth: int) -> bool:
    """True when ``folder`` or its subfolders, ``depth`` levels down, hold a save file."""
    try:
        if any(p.is_file() for p in save_candidates(folder)):
            return True
        subs = [p for p in folder.iterdir() if _walked(p)] if depth > 0 else []
    except OSError:
        return False
    return any(
        _holds_saves(sub, depth - 1)
        for sub in subs
        if not sub.name.startswith(".") and not is_litter(sub.name)
    )


def _table(saved: SavedGame) -> TableResult:
    state = saved.history.current
    outcome = verdict(state)
    stopped = saved.stopped  # a paper table's year after its stop is not begun
    return TableResult(
        path=saved.path,
        finished=state.finished,
        won=outcome.won,
        raaderum=shown_raaderum(state),  # an open year's hidden factors are no one's yet
        service=state.service,
        adopted=tuple((a.card, a.round) for a in state.adopted),
        target=state.targets,
        table=saved.table,
        name=(saved.table or saved.settings.table).strip(),
        outcome=outcome,
        played=None if state.finished else state.round + (0 if stopped else 1),
        year_service=tuple(result.service for result in state.results),
        stopped=stopped,
        reopened=saved.history.reopened,
        events=tuple((e.card, e.round) for e in state.events),
    )


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    # "Bord 2" before "Bord 10": digits compare as numbers, the rest without case and spaces
    # ("Bord8" came before "Bord 1")
    return tuple(
        (0, int(part)) if part.isdigit() else (1, "".join(part.casefold().split()))
        for part in re.split(r"(\d+)", text)
        if part and part.strip()
    )


def _clashes(name: str, taken: set[str]) -> bool:
    """Whether the name ``name`` ("bord 3", casefolded) given to a table without one would be
    read as a taken name: the name itself, or one that begins with it and goes on with other
    than a digit ("bord 3 – æblehaven": a host read out "Bord 3" for two tables)."""
    return any(
        other == name or (other.startswith(name) and not other[len(name)].isdigit())
        for other in taken
    )


def numbered(tables: Sequence[TableResult], taken: set[str] | None = None) -> list[TableResult]:
    """The tables with their ``number`` set, sorted by name ("Bord 2" before "Bord 10").

    A table without a name gets the lowest N for which "Bord N" (or "Table N") is no other
    table's name, so it never takes a paper table's name. Tables that share a name (perhaps
    one table entered twice) are numbered 1, 2, … among themselves; a paper table and a
    screen table of one name are not (the paper table's label says "(papir)"), nor a game
    and the copy it was continued in ("(kopi)").

    ``taken`` are names already in use elsewhere in the comparison (casefolded: every table's
    own name, and the "Bord N" given to unnamed tables of earlier groups); the names given
    here are added to it, so one comparison never shows two tables as "Bord 10"."""
    names = [t.name.casefold() for t in tables]
    taken = set(names) if taken is None else taken
    taken.update(names)
    words = {catalogue(lang).t("report.compare.table").casefold() for lang in ("da", "en")}
    seen: dict[tuple[str, bool, bool], int] = {}
    found: list[TableResult] = []
    number = 0
    for tab, name in zip(tables, names):
        if name:
            # "Bord 3 (papir)" and the screen's "Bord 3" are told apart by the marker already
            key = (name, tab.paper, tab.copy)
            seen[key] = seen.get(key, 0) + 1
            found.append(replace(tab, number=seen[key]))
            continue
        number += 1
        while any(_clashes(f"{word} {number}", taken) for word in words):
            number += 1
        taken.update(f"{word} {number}" for word in words)
        found.append(replace(tab, number=number))
    return sorted(found, key=lambda t: (_natural(t.name or t.label("da")), t.number))


def same_names(tables: Sequence[TableResult]) -> list[tuple[str, tuple[Path, ...]]]:
    """The names more than one table carries, each with the files that carry it."""
    by_name: dict[tuple[str, bool], list[TableResult]] = {}
    for tab in tables:
        if tab.name:  # a game and the copy it went on in are told apart by "(kopi)"
            by_name.setdefault((tab.name.casefold(), tab.copy), []).append(tab)
    return [
        (same[0].name, tuple(t.path for t in same)) for same in by_name.values() if len(same) > 1
    ]


def same_name_lines(group: ComparisonGroup, lang: str) -> list[str]:
    """One sentence per name that several tables of ``group`` carry (is one table entered
    twice?), naming the files."""
    files = {t.path: t.file for t in group.tables}
    return [
        catalogue(lang).t(
            "report.compare.same_name",
            count=len(paths),
            name=name,
            files=", ".join(files.get(p, display_path(p.name)) for p in paths),
        )
        for name, paths in group.same_names
    ]


def _group(saves: list[SavedGame], taken: set[str], names: Mapping[Path, str]) -> ComparisonGroup:
    deck = saves[0].deck
    scenario = saves[0].history.current.scenario
    ids = {s.game_id for s in saves}
    found = [replace(_table(s), shown=names.get(s.path, ""), copy=s.copy_of in ids) for s in saves]
    tables = tuple(numbered(found, taken))
    uses = []
    for pid in scenario.proposals:
        proposal = deck.proposal(pid)
        rounds = [start + 1 for t in tables for card, start in t.adopted if card == pid]
        uses.append(
            ProposalUse(
                id=pid,
                title=proposal.title,
                kind=proposal.kind,
                area=proposal.area,
                tables_adopted=len(rounds),
                tables_total=len(tables),
                mean_round=sum(rounds) / len(rounds) if rounds else None,
            )
        )
    uses.sort(key=lambda u: (-u.tables_adopted, u.mean_round or 0.0, u.title))
    return ComparisonGroup(
        service_floor=scenario.service_floor,
        deck_id=deck.id,
        deck_title=deck.title,
        deck_hash=deck.content_hash,
        scenario_id=scenario.id,
        scenario_title=scenario.title,
        years=scenario.years,
        tables=tables,
        proposals=tuple(uses),
        same_names=tuple(same_names(found)),
        unit=deck.unit,
        event_titles=tuple((e.id, e.title) for e in deck.events if e.id in scenario.events),
        rules_hash=rules_hash(deck),
        deck_versions=len({s.deck.content_hash for s in saves}),
    )


def compare_saves(paths: list[Path]) -> Comparison:
    """Read the saves in ``paths`` (files or folders), count each game once (a cloud drive's
    conflict copy or an older copy of a table's save is the same table: see
    ``game.saves.copies``; the result's ``copies`` names them) and group the games by deck
    content hash, scenario and targets (tables that played for a different X are never
    mixed). Unreadable saves are listed in the result's ``unreadable``, not raised."""
    files, unreadable = save_files(paths)
    names = distinct_names([*files, *(u.path for u in unreadable)])
    readable: list[SavedGame] = []
    for file in files:
        try:
            readable.append(read_save(file))
        except SaveError as error:
            said = Message.of("compare.unreadable_line", path=display_path(file), reason=error.said)
            unreadable.append(Unreadable(file, said))
    unreadable = [replace(u, shown=names.get(u.path, "")) for u in unreadable]
    games, copies = one_per_game(readable)
    # a game started and never played (someone pressed Start and walked away) is no table
    unplayed = [saved.path for saved in games if not saved.history.actions]
    # … and a game the kiosk's robot played is no table either
    robots = [s.path for s in games if s.history.actions and s.settings.robot]
    groups: dict[tuple[str, str, tuple[float, ...]], list[SavedGame]] = {}
    for saved in games:
        if not saved.history.actions or saved.settings.robot:
            continue
        current = saved.history.current
        # by what the deck plays: a corrected typo in one laptop's deck is the same game
        key = (rules_hash(saved.deck), current.scenario.id, current.targets)
        groups.setdefault(key, []).append(saved)
    ordered = sorted(
        groups.values(), key=lambda s: (-len(s), s[0].deck.title, s[0].settings.scenario)
    )
    # every table's own name, so an unnamed table of one group is not given another's name
    taken = {(s.table or s.settings.table).strip().casefold() for s in games} - {""}
    comparison = Comparison(
        (_group(saves, taken, names) for saves in ordered),
        unreadable,
        copies,
        unplayed,
        names,
        robots,
    )
    comparison.unplayed_keys = {
        saved.path: (
            rules_hash(saved.deck),
            saved.settings.scenario,
            saved.history.current.targets,
        )
        for saved in games
        if not saved.history.actions or saved.settings.robot
    }
    return comparison


def why_apart(groups: Sequence[ComparisonGroup], index: int) -> Message | None:
    """Why group ``index`` is not compared with the others, told against the group nearest to
    it (the fewest differences; the first of equals): another deck, another scenario, another
    version of the same deck, or – in the same scenario of the same deck – another target.
    None when there is one group. The groups' key is deck content hash, scenario and targets
    (``compare``)."""
    if len(groups) < 2:
        return None
    group = groups[index]

    def differences(other: ComparisonGroup) -> tuple[bool, bool, bool, bool]:
        return (
            other.deck_id != group.deck_id,
            other.scenario_id != group.scenario_id,
            other.deck_hash != group.deck_hash,
            other.targets != group.targets,
        )

    others = [(sum(differences(g)), i, g) for i, g in enumerate(groups) if i != index]
    _, nearest, other = min(others, key=lambda item: (item[0], item[1]))
    deck, scenario, version, target = differences(other)
    if deck or scenario:
        key = "compare.apart.deck" if deck else "compare.apart.scenario"
    elif version:
        key = "compare.apart.version_target" if target else "compare.apart.version"
    else:
        key = "compare.apart.target"
    return Message.of(key, group=nearest + 1)


def _generated(count: int) -> str:
    """The key of the page's "written from N saves" line: "1 gemt spil", not "1 gemte spil"."""
    return "report.compare.generated_one" if count == 1 else "report.compare.generated"


def _result(lang: str, t: TableResult) -> str:
    return catalogue(lang).t(t.result_key)


def _group_html(
    group: ComparisonGroup, lang: str, apart: Message | None = None, number: int | None = None
) -> str:
    def t(key: str, **params: object) -> str:
        return catalogue(lang).t(key, **params)

    title = t(
        "report.compare.group",
        scenario=group.scenario_title,
        deck=group.deck_title,
        targets="/".join(format_target(v, lang) for v in group.targets),
        unit=unit_words(group.unit, lang),
    )
    if number is not None:
        title = t("report.compare.numbered", number=number, title=title)
    total = len(group.tables)
    labels = [tab.label(lang) for tab in group.tables]
    parts = [
        f'<section class="group"><h2>{esc(title)}</h2>',
        # a sentence of its own, as the window says it ("Ikke talt sammen med de andre: …")
        f"<p>{esc(t('compare.group_apart', why=render(apart, lang)))}</p>"
        if apart is not None
        else "",
        f'<p class="muted small">'
        f"{esc(t('report.compare.group_hash', hash=group.deck_hash[:16]))}</p>",
        "<p>"
        + esc(
            t(
                "report.compare.win_rate",
                wins=group.wins,
                tables=group.finished,
                percent=format_percent(group.win_rate, lang),
            )
            if group.finished
            else t("report.compare.none_finished")
        )
        + "</p>",
    ]
    if group.finished < total:
        parts.append(f"<p>{esc(t('report.compare.unfinished', count=total - group.finished))}</p>")
    parts.extend(f'<p class="lesson">{esc(line)}</p>' for line in lesson_lines(group, lang))
    parts.extend(f'<p class="notice">{esc(line)}</p>' for line in same_name_lines(group, lang))
    table_rows = []
    for i, tab in enumerate(group.tables):
        result = _result(lang, tab)
        klass = "met" if tab.won else ("missed" if tab.finished else "")
        why = ""
        if tab.finished and not tab.won and tab.outcome is not None:
            # every reason, as the CSV and the window's table say them: a table that missed
            # 2029 and ended under the floor showed only the floor, and one that only missed
            # a year showed nothing beside its "tabt"
            reasons = " ".join(catalogue(lang).verdict_reasons(tab.outcome))
            why = f'<br><small class="muted why">{esc(reasons)}</small>' if reasons else ""
        reopened = catalogue(lang).reopened(group.years, tab.reopened)
        if reopened:  # a table that looked at a year's outcome and played it again
            why += f'<br><small class="muted reopened">{esc(reopened)}</small>'
        table_rows.append(
            [
                # a long name wraps (it took the width, and the reasons beside it stood one
                # word a line); its closing "(papir)" stays with the word before it
                f'{_name_html(labels[i])}<br><small class="muted file">{esc(tab.file)}</small>',
                f'<span class="{klass}">{esc(result)}</span>{why}',
                *(
                    # a year that is over has its ✓ or ✗, also at a table still playing
                    _year_cell(v, t, lang)
                    if tab.closed(year)
                    else esc(format_against(v, t, lang) if tab.begun(year) else "–")
                    for year, (v, t) in enumerate(zip(tab.raaderum, tab.target))
                ),
                _service_cell(tab.service, group.service_floor, lang),
                esc(len(tab.adopted)),
            ]
        )
    n_years = len(group.years)
    headers = [
        t("report.compare.table_file"),
        t("report.compare.result"),
        *group.years,
        t("report.col.service"),
        t("report.section.adopted"),
    ]
    parts.append(
        table(
            headers,
            table_rows,
            numeric=tuple(range(2, 2 + n_years + 2)),
            css_class="keep wide" if n_years > 5 else "keep",
        )
    )
    # Råderum and service per table.
    series = []
    for i, tab in enumerate(group.tables):
        color, dash = series_color(i)
        # the years that are over: an open year's figure is only what the cards adopted so
        # far would give, and a point on the chart read as that table's result
        shown = [v for year, v in enumerate(tab.raaderum) if tab.closed(year)]
        end = t("compare.stopped") if tab.stopped else ""
        series.append(Series(labels[i], shown, color, dash, end))
    target = group.tables[0].target if len({tab.target for tab in group.tables}) == 1 else None
    # each heading is kept on the page of its figure (a heading was left alone at a foot)
    # the unit in the heading: a deck in t. kr. showed 1.250 with no word of what it counts
    raaderum_title = t("report.compare.raaderum", unit=unit_words(group.unit, lang))
    parts.append(f'<div class="keep"><h3>{esc(raaderum_title)}</h3>')
    parts.append(
        figure(
            line_chart(
                group.years,
                series,
                title=raaderum_title,
                lang=lang,
                target=target,
                target_label=t("report.chart.target"),
                height=300,
            )
        )
        + "</div>"
    )
    parts.append(f'<div class="keep"><h3>{esc(t("report.compare.service"))}</h3>')
    floor = group.service_floor
    service = bars_against_target(
        labels,
        [Series(t("report.col.service"), [tab.service for tab in group.tables], PALETTE[0])],
        None if floor is None else [float(floor)] * len(group.tables),
        title=t("report.compare.service"),
        target_label=""
        if floor is None
        else t("compare.floor", floor=format_amount(floor, lang, 0, sign=True)),
        lang=lang,
        height=220,
        whole=True,
    )
    parts.append(figure(service) + "</div>")
    # Proposals: a chart of those adopted by at least one table, a table of all.
    used = [u for u in group.proposals if u.tables_adopted]
    unfinished = total - group.finished
    # a table that stopped before the last year could not adopt in it: the shares count it
    # (it chose what it chose), and the page says so beside the win rate of the finished ones
    counted = (
        " "
        + t(
            # "alle 2 borde" reads wrong: of two tables, "begge borde"
            "report.compare.proposals_unfinished."
            + ("many" if unfinished > 1 else "both" if total == 2 else "one"),
            total=total,
            unfinished=unfinished,
        )
        if unfinished and total > 1
        else ""
    )
    heading = (
        f"<h3>{esc(t('report.compare.proposals'))}</h3>"
        f'<p class="muted small">{esc(t("report.compare.proposals_note") + counted)}</p>'
    )
    if not used:
        parts.append(heading)
    if used:
        kind_colors = {Kind.SAVING: PALETTE[1], Kind.EFFICIENCY: PALETTE[0], Kind.INVESTMENT: MET}

        def swatch(kind: Kind) -> str:  # investments striped, as their bars (grey in print)
            color = kind_colors[kind]
            if kind is Kind.INVESTMENT:
                return f"background:{stripes_css(color)}; border:1px solid {color}"
            return f"background:{color}"

        chart = horizontal_bars(
            [u.title for u in used],
            [u.tables_adopted for u in used],
            title=t("report.compare.proposals"),
            maximum=float(total),
            colors=[kind_colors[u.kind] for u in used],
            striped=[u.kind is Kind.INVESTMENT for u in used],
            value_labels=[f"{u.tables_adopted}/{total}" for u in used],
        )
        legend = "".join(
            f'<span class="swatch" style="{swatch(k)}"></span>{esc(kind_word(lang, k))} '
            for k in (Kind.SAVING, Kind.EFFICIENCY, Kind.INVESTMENT)
        )
        parts.append(
            f'<div class="keep">{heading}{figure(chart)}<p class="small">{legend}</p></div>'
        )
    rows = [
        [
            esc(u.title),
            esc(kind_word(lang, u.kind)),
            esc(u.area),
            esc(f"{u.tables_adopted}/{u.tables_total}"),
            esc(format_amount(u.mean_round, lang))
            if u.mean_round is not None
            else t("report.none"),
        ]
        for u in group.proposals
    ]
    headers = [
        t("report.col.proposal"),
        t("report.col.kind"),
        t("report.col.area"),
        t("report.compare.adopted_by"),
        # the rounds as the years they are ("Hvem vedtog hvad" below names years)
        t("report.compare.mean_round", first=group.years[0] if group.years else ""),
    ]
    parts.append(table(headers, rows, numeric=(3, 4)))
    parts.append(_who_chose_what(group, labels, lang))
    parts.append(_what_struck(group, labels, lang))
    parts.append("</section>")
    return "\n".join(parts)


def _name_html(label: str) -> str:
    """A table's label for the comparison's table: short ones whole on one line, long ones
    free to wrap between words, with the last word and a closing mark ("(papir)") kept
    together on the last line."""
    if len(label) <= 24 or " " not in label:
        return f'<span class="nowrap">{esc(label)}</span>'
    name, mark = closing_mark(label)
    first, _, last = name.rpartition(" ")
    kept = f'<span class="nowrap">{esc(last + mark)}</span>'
    return f"{esc(first)} {kept}" if first else kept


def kind_counts(group: ComparisonGroup, tab: TableResult) -> tuple[int, int, int]:
    """How many savings, efficiencies and investments ``tab`` adopted."""
    kind_of = {u.id: u.kind for u in group.proposals}
    kinds = [kind_of.get(card) for card, _ in tab.adopted]
    return (
        kinds.count(Kind.SAVING),
        kinds.count(Kind.EFFICIENCY),
        kinds.count(Kind.INVESTMENT),
    )


def table_choices(
    group: ComparisonGroup, tab: TableResult, lang: str, *, kinds: bool = True
) -> str:
    """One table's decisions as the host reads them out in the window (the printed page has
    them in its table of who chose what): per budget year the table's råderum against the
    target, the proposals it adopted that year (title and kind, in order of adoption) and
    the event it drew, a year not begun yet as such; then how many of each kind, the service
    level and the result with a loss's reasons. One line per year and two after them, in the
    deck's unit; ``kinds=False`` leaves out each proposal's kind (shorter, for a long game)."""
    words = catalogue(lang)
    by_id = {u.id: u for u in group.proposals}

    def named(card: str) -> str:
        use = by_id.get(card)
        if use is None:
            return card
        return f"{use.title} ({words.t(f'kind.word.{use.kind.value}')})" if kinds else use.title

    lines = []
    for index, year in enumerate(group.years):
        if not tab.begun(index):
            key = "compare.choices.not_played" if tab.stopped else "compare.choices.not_begun"
            lines.append(words.t(key, year=year))
            continue
        cards = [named(card) for card, at in tab.adopted if at == index]
        value = tab.raaderum[index] if index < len(tab.raaderum) else 0.0
        target = tab.target[index] if index < len(tab.target) else 0.0
        key = "compare.choices.year" if tab.closed(index) else "compare.choices.year_open"
        line = words.t(
            key,
            year=year,
            value=format_against(value, target, lang),
            target=format_target(target, lang),
            unit=unit_words(group.unit, lang),
            cards="; ".join(cards) if cards else words.t("compare.choices.none"),
        )
        drawn = group.drawn(tab, index)
        if drawn:  # what struck the table that year, beside what it chose
            line += " " + words.t("compare.choices.event", events="; ".join(drawn))
        lines.append(line)
    savings, efficiencies, investments = kind_counts(group, tab)
    lines.append(
        words.t(
            "compare.choices.kinds",
            savings=savings,
            efficiencies=efficiencies,
            investments=investments,
            service=format_amount(tab.service, lang, sign=True),
        )
    )
    if tab.stopped and tab.played:  # as the table's report says it
        lines.append(words.stopped_after(group.years, tab.played))
    elif not tab.finished:
        lines.append(words.t("compare.choices.open"))
    elif tab.won:
        lines.append(words.t("compare.choices.won"))
    else:
        reasons = words.verdict_reasons(tab.outcome) if tab.outcome is not None else []
        lines.append(words.t("compare.choices.lost", reasons=" ".join(reasons)).strip())
    reopened = words.reopened(group.years, tab.reopened)
    if reopened:  # the window's table view says it, as the page and the report do
        lines.append(reopened)
    return "\n".join(lines)


def _who_chose_what(group: ComparisonGroup, labels: Sequence[str], lang: str) -> str:
    """Proposals by tables: the budget year in which each table adopted each proposal that at
    least one table adopted, and per table how many of each kind it used – so the host can
    say which tables closed the school, not only how many."""

    def t(key: str, **params: object) -> str:
        return catalogue(lang).t(key, **params)

    used = [u for u in group.proposals if u.tables_adopted]
    if not used or not group.tables:
        return ""
    when = [dict(tab.adopted) for tab in group.tables]
    rows = [
        [
            f'{esc(u.title)}<br><small class="muted">{esc(kind_word(lang, u.kind))}</small>',
            *(
                esc(group.years[rounds[u.id]]) if u.id in rounds else '<span class="muted">–</span>'
                for rounds in when
            ),
        ]
        for u in used
    ]
    counts = [kind_counts(group, tab) for tab in group.tables]
    rows.append(
        [
            f"<b>{esc(t('report.compare.kinds'))}</b>",
            *(f"<b>{' · '.join(str(n) for n in c)}</b>" for c in counts),
        ]
    )
    columns = range(1, 1 + len(group.tables))
    return (
        f"<h3>{esc(t('report.compare.who'))}</h3>"
        f'<p class="muted small">{esc(t("report.compare.who_note"))}</p>'
        + table([t("report.col.proposal"), *labels], rows, numeric=tuple(columns), css_class="who")
    )


def _what_struck(group: ComparisonGroup, labels: Sequence[str], lang: str) -> str:
    """Tables by years: the events each table drew in each budget year, so that the host can
    tell a table that chose badly from one that was struck hard ("" when no table drew one).
    A row per table, so that twenty tables or three hundred stay readable (a column per
    table broke the titles mid-word at twenty)."""
    if not any(tab.events for tab in group.tables):
        return ""
    words = catalogue(lang)
    none = f'<span class="muted">{esc(words.t("report.compare.no_event"))}</span>'
    rows = []
    for label, tab in zip(labels, group.tables):
        cells = []
        for index in range(len(group.years)):
            drawn = group.drawn(tab, index)
            if drawn:
                cells.append("<br>".join(esc(title) for title in drawn))
            else:
                cells.append(none if tab.begun(index) else '<span class="muted">–</span>')
        rows.append([_name_html(label), *cells])
    return (
        f"<h3>{esc(words.t('report.compare.struck'))}</h3>"
        f'<p class="muted small">{esc(words.t("report.compare.struck_note"))}</p>'
        + table([words.t("compare.table_col"), *group.years], rows, css_class="struck")
    )


def lesson_lines(group: ComparisonGroup, lang: str) -> list[str]:
    """What the finished tables of a group show, in sentences the host can read out: the
    kinds the tables that won used on average (with the fewest and most) against those that
    lost (when there are both), and why those lost, the most common reason first."""
    words = catalogue(lang)
    done = [tab for tab in group.tables if tab.finished and tab.outcome is not None]
    won = [tab for tab in done if tab.won]
    lost = [tab for tab in done if not tab.won]
    lines = []

    def mix(tables: Sequence[TableResult]) -> str:
        """The kinds the tables used: one table's counts, or the mean of several with the
        fewest and most of each ("5,5 (2–9)"): a mean of a savings-only and an
        investments-only table looks like the winners' mix."""
        counts = [kind_counts(group, tab) for tab in tables]
        shown = []
        for k in range(3):
            values = [c[k] for c in counts]
            mean = format_amount(round(sum(values) / len(values), 1), lang)
            low, high = min(values), max(values)
            shown.append(mean if low == high else f"{mean} ({low}–{high})")
        said = " · ".join(shown)
        return said if len(tables) == 1 else words.t("report.compare.mean", mix=said)

    if won and lost:
        spread = any(len(tables) > 1 for tables in (won, lost))
        lines.append(
            words.t(
                "report.compare.lesson_mix",
                won=len(won),
                won_mix=mix(won),
                lost=len(lost),
                lost_mix=mix(lost),
            )
            + (" " + words.t("report.compare.lesson_spread") if spread else "")
        )
    # the verdict's own reasons ("target", "kinds", "service"), the most common first
    codes = [code for tab in lost if tab.outcome for code in tab.outcome.reasons]
    counted = sorted(
        ((code, codes.count(code)) for code in dict.fromkeys(codes)), key=lambda r: -r[1]
    )
    if counted:
        said = words.join(
            [words.t(f"report.compare.lost_on.{code}", count=count) for code, count in counted]
        )
        lines.append(words.t("report.compare.lesson_lost", lost=len(lost), reasons=said))
    return lines


def comparison_html(
    groups: Sequence[ComparisonGroup],
    unreadable: Sequence[Unreadable],
    lang: str,
    copies: Sequence[SameGame] = (),
    unplayed: Sequence[Path] = (),
    robots: Sequence[Path] = (),
) -> str:
    """The self-contained compare.html (``copies``: the games found in more than one file;
    ``unplayed``: saves of games without a decision, and ``robots``: of games the kiosk's
    robot played, both left out)."""
    count = sum(len(g.tables) for g in groups)
    names = groups.names if isinstance(groups, Comparison) else None  # how files are shown
    date = format_moment(datetime.now(), lang)
    parts = [
        f'<header class="top"><h1>{esc(catalogue(lang).t("report.compare.title"))}</h1>'
        f'<p class="muted small">'
        f"{esc(catalogue(lang).t(_generated(count), date=date, count=count))}"
        "</p></header>"
    ]
    if not groups:
        parts.append(f"<p>{esc(catalogue(lang).t('report.compare.nothing'))}</p>")
    if len(groups) > 1:
        parts.append(f"<p>{esc(catalogue(lang).t('report.compare.mixed'))}</p>")
    for index, group in enumerate(groups):
        # numbered when there are several, as the window's "Gruppe 1 af 2" and the reasons
        # ("samme scenarie som gruppe 2") name them
        number = index + 1 if len(groups) > 1 else None
        html = _group_html(group, lang, why_apart(groups, index), number)
        if index:
            html = html.replace('<section class="group">', '<section class="group page-break">', 1)
        parts.append(html)
    if copies:
        parts.append(f"<section><h2>{esc(catalogue(lang).t('report.compare.copies'))}</h2>")
        parts.append(
            f'<p class="muted small">{esc(catalogue(lang).t("report.compare.copies_note"))}</p><ul>'
        )
        parts.extend(f"<li>{esc(line)}</li>" for same in copies for line in same.lines(lang, names))
        parts.append("</ul></section>")
    if unplayed:
        parts.append(
            f"<section><h2>{esc(catalogue(lang).t('report.compare.unplayed_head'))}</h2><ul>"
        )
        parts.extend(f"<li>{esc(line)}</li>" for line in unplayed_lines(unplayed, lang, names))
        parts.append("</ul></section>")
    if robots:
        parts.append(f"<section><h2>{esc(catalogue(lang).t('report.compare.robot_head'))}</h2><ul>")
        lines = unplayed_lines(robots, lang, names, robots=True)
        parts.extend(f"<li>{esc(line)}</li>" for line in lines)
        parts.append("</ul></section>")
    if unreadable:
        parts.append(f"<section><h2>{esc(catalogue(lang).t('report.compare.unreadable'))}</h2><ul>")
        parts.extend(f"<li>{esc(u.handout_text(lang))}</li>" for u in unreadable)
        parts.append("</ul></section>")
    return page(catalogue(lang).t("report.compare.title"), lang, "\n".join(parts))


def comparison_rows(groups: Sequence[ComparisonGroup], lang: str) -> list[list[str | int]]:
    """The rows of compare.csv."""
    rows: list[list[str | int]] = []
    for number_, group in enumerate(groups, start=1):
        for u in group.proposals:
            rows.append(
                [
                    number_,
                    group.deck_id,
                    group.deck_hash,
                    group.scenario_id,
                    u.id,
                    u.title,
                    kind_word(lang, u.kind),
                    u.area,
                    u.tables_adopted,
                    u.tables_total,
                    number(u.mean_round, lang) if u.mean_round is not None else "",
                ]
            )
    return rows


def _service_cell(service: int, floor: int | None, lang: str) -> str:
    """A table's service level, in the missed colour below the scenario's floor (as the
    window shows it)."""
    text = esc(format_amount(service, lang, sign=True))
    below = floor is not None and service < floor
    return f'<span class="missed">{text}</span>' if below else text


def _year_cell(value: float, target: float, lang: str) -> str:
    """A table's råderum in one year, marked ✓ or ✗ against the year's target (as the window
    marks it), the miss in the missed colour."""
    text = esc(format_against(value, target, lang))
    if meets(value, target):
        return f'{text} <span class="met">✓</span>'
    return f'<span class="missed">{text} ✗</span>'


def table_rows(groups: Sequence[ComparisonGroup], lang: str) -> list[list[str | int]]:
    """The rows of compare_tables.csv: per table (by the page's name) and budget year, the
    target, the råderum, whether it was met, the service level at the year's end (now, for an
    open year; blank for a year not begun) and the table's result."""
    words = catalogue(lang)
    yes, no = words.t("report.yes"), words.t("report.no")
    none = words.t("report.compare.no_event")
    rows: list[list[str | int]] = []
    for number_, group in enumerate(groups, start=1):
        for tab in group.tables:
            result = words.t(tab.result_key)
            lost = tab.finished and not tab.won and tab.outcome is not None
            why = " ".join(words.verdict_reasons(tab.outcome)) if lost and tab.outcome else ""
            for index, year in enumerate(group.years):
                value = tab.raaderum[index] if index < len(tab.raaderum) else 0.0
                target = tab.target[index] if index < len(tab.target) else 0.0
                settled = tab.closed(index)
                service = tab.service_in(index)
                rows.append(
                    [
                        number_,
                        group.scenario_id,
                        tab.label(lang),
                        yes if tab.paper else no,
                        tab.file,
                        year,
                        number(target, lang),
                        number(value, lang) if tab.begun(index) else "",
                        (yes if meets(value, target) else no) if settled else "",
                        "" if service is None else service,
                        result,
                        why,
                        unit_words(group.unit, lang),
                        # blank, as the other columns, for a year the table did not play
                        tab.reopened.count(index) if tab.begun(index) else "",
                        # as the page says it: a year begun without an event is "ingen",
                        # a year not played is blank
                        "; ".join(group.drawn(tab, index)) or (none if tab.begun(index) else ""),
                    ]
                )
    return rows


def write_comparison(
    groups: Sequence[ComparisonGroup],
    out_dir: Path,
    lang: str = "da",
    unreadable: Sequence[Unreadable] | None = None,
) -> list[Path]:
    """Write compare.html, compare.csv and compare_tables.csv into ``out_dir`` (created if
    missing), atomically and as one batch (all or none); returns the paths. Raises
    ``game.saves.WriteFailed`` (one Danish line) when the folder cannot be made or written.
    The unreadable saves, the copies and the unplayed games are taken from ``groups`` when
    it is a ``Comparison`` (unreadable: unless given)."""
    from game.saves.files import Output, WriteFailed, folder_problem, write_files

    if unreadable is None:
        unreadable = groups.unreadable if isinstance(groups, Comparison) else []
    copies = groups.copies if isinstance(groups, Comparison) else []
    unplayed = groups.unplayed if isinstance(groups, Comparison) else []
    robots = groups.robots if isinstance(groups, Comparison) else []
    out_dir = Path(out_dir)
    problem = folder_problem(out_dir)
    if problem is not None:
        said = Message.of("compare.cannot_write", reason=problem.said)
        raise WriteFailed(problem.path, said, problem.code)
    html = comparison_html(groups, unreadable, lang, copies, unplayed, robots)
    outputs = [
        Output(out_dir / "compare.html", html.encode("utf-8")),
        Output(
            out_dir / "compare.csv", csv_bytes(COMPARE_HEADER, comparison_rows(groups, lang), lang)
        ),
        Output(
            out_dir / "compare_tables.csv", csv_bytes(TABLES_HEADER, table_rows(groups, lang), lang)
        ),
    ]
    write_files(outputs, verb="sammenligningen kunne ikke skrives")
    return [output.path for output in outputs]
