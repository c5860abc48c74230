"""One table, one game: finding the copies of a game among many save files.

A cloud drive makes copies of a save that was changed in two places (``spil-…-LAPTOP-K7F2Q.json``,
``spil-… - Kopi.json``, ``spil-… (1).json``, ``… (conflicted copy 2026-11-28).json``), and a
facilitator copies folders by hand. A comparison must count each table's game once, so games
are recognised by their content, never by their file names: the game id stored in every save
(for older saves one derived from creation time, seed, deck and scenario), and a copy made with
"continue as a copy" is the same table as its original – unless both took decisions after they
parted: then two windows played on, and they are two tables (``_both_played_on``). Among the
files of one game the one with the longest log counts, unless another file took its last
decisions back (they are on that file's redo list: ``_counted``); of a paper table's entries
the one typed in last counts (a corrected sheet replaces the earlier entry, also an old copy
of it with more decisions); the others are named in a ``SameGame`` notice, saying whether
each is an identical copy, an older state of the same game (its log is a beginning of the
counted one), a copy holding decisions since taken back, a copy that went its own way after
some decision, or an earlier entry of a paper sheet typed in again. Files of one game that
went their own ways and were each played to the end are tables of their own
(``_finished_apart``): a save prepared once and copied to several laptops.

The start screen's list of saved games (``game.saves.listing``) folds the copies of a game the
same way, but only files with the same game id: a game continued "as a copy" in another window
is a game of its own there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from game.messages import Message, catalogue
from game.saves.files import display_path
from game.saves.model import SavedGame
from game.saves.stamps import stamp_seconds


@dataclass(frozen=True)
class Copy:
    """A file of a game that is not counted, and how it relates to the one that is."""

    path: Path
    decisions: int
    relation: str
    """ "same" (the same log), "entered_twice" (the same paper sheet entered again),
    "entered_again" (an earlier entry of a paper table whose sheet was typed in again, other
    than this, later: the later counts), "behind"
    (its log is a beginning of the counted one's), "undone" (the counted one is a beginning of
    its log and took the rest back: they are on its redo list), "diverged" (the logs differ
    from decision ``diverged_at``, and the counted one is longer) or "diverged_tie" (… and the
    two are as long: the one saved last counts)."""
    diverged_at: int | None = None
    """1-based number of the first decision that differs (for "diverged")."""
    table: str = ""
    """The table's name in this file (``table_of``)."""


@dataclass(frozen=True)
class SameGame:
    """The files of one game: ``kept`` is counted, ``copies`` are not."""

    kept: Path
    decisions: int
    copies: tuple[Copy, ...]
    apart: tuple[Copy, ...] = ()
    """Files of the same game id that went their own way and were each played to the end
    (relation "finished_apart"): counted as tables of their own, and named so."""
    table: str = ""
    """The table's name in the counted file (``table_of``)."""

    def lines(self, lang: str = "da", names: Mapping[Path, str] | None = None) -> list[str]:
        """One sentence per copy, in ``lang``; ``names``: how the files are shown to the
        reader (``game.saves.files.distinct_names``), a file not in it by its name."""
        shown = names or {}

        def name(path: Path) -> str:
            return display_path(shown.get(path, path.name))

        kept = name(self.kept)
        lines = []
        for copy in (*self.copies, *self.apart):
            lines.append(
                catalogue(lang).t(
                    f"report.same.{copy.relation}",
                    copy=name(copy.path),
                    kept=kept,
                    n=copy.decisions,
                    m=self.decisions,
                    n_decisions=_decisions(copy.decisions, lang),
                    m_decisions=_decisions(self.decisions, lang),
                    k=copy.diverged_at or 0,
                )
            )
            if copy.relation != "finished_apart" and table_key(copy.table) != table_key(self.table):
                # a copy renamed by hand ("Bord 6"): its name left the comparison unsaid
                lines.append(
                    catalogue(lang).t(
                        "report.same.other_name",
                        copy=name(copy.path),
                        kept=kept,
                        copy_table=copy.table or "–",
                        kept_table=self.table or "–",
                    )
                )
        return lines


def table_of(saved: SavedGame) -> str:
    """The table's name a save carries: a paper table's, else the window's ("" for none)."""
    return saved.paper.table if saved.paper is not None else saved.settings.table


def table_key(table: str) -> str:
    """A table's name as two names are compared (case and spaces aside): "Bord  8" and
    "bord 8" are one table's."""
    return " ".join(table.split()).casefold()


def decisions_said(count: int) -> Message:
    """ "1 beslutning", "7 beslutninger" ("1 decision", "7 decisions"), as a message."""
    return Message.of(f"report.decisions.{'one' if count == 1 else 'many'}", count=count)


def _decisions(count: int, lang: str) -> str:
    """``decisions_said`` in ``lang``."""
    return catalogue(lang).message(decisions_said(count))


def _first_difference(a: Sequence[object], b: Sequence[object]) -> int | None:
    """0-based index of the first difference of ``a`` and ``b`` (None when one is a
    beginning of the other)."""
    for index, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return index
    return None


def _clusters(
    saves: Sequence[SavedGame], *, follow_copies: bool = True, same_sheets: bool = True
) -> list[list[SavedGame]]:
    """The saves grouped by game: the same game id, (with ``follow_copies``) a copy and its
    original, and (with ``same_sheets``) the same paper sheet entered twice."""
    parent = list(range(len(saves)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_id: dict[str, int] = {}
    for index, saved in enumerate(saves):
        if saved.game_id in by_id:
            parent[root(index)] = root(by_id[saved.game_id])
        else:
            by_id[saved.game_id] = index
    for index, saved in enumerate(saves):
        original = by_id.get(saved.copy_of or "") if follow_copies else None
        if (
            original is not None
            and _same_start(saves[original], saved)
            and not _both_played_on(saves[original], saved)
        ):
            parent[root(index)] = root(original)
    sheets: dict[tuple[object, ...], int] = {}
    for index, saved in enumerate(saves):
        sheet = _paper_sheet(saved) if same_sheets else None
        if sheet is None:
            continue
        if sheet in sheets:
            parent[root(index)] = root(sheets[sheet])
        else:
            sheets[sheet] = index
    groups: dict[int, list[SavedGame]] = {}
    for index, saved in enumerate(saves):
        groups.setdefault(root(index), []).append(saved)
    return list(groups.values())


def _paper_sheet(saved: SavedGame) -> tuple[object, ...] | None:
    """What identifies a paper table's sheet: the deck, scenario and target, the table's name,
    every card and event it entered and every factor it rolled. The same sheet entered twice
    gets two game ids (each ``raaderum enter`` makes a new save), but it is one table – also
    when the cards were typed in another order or a round as its year. Two entries whose
    factors differ are two results, not one sheet: both count, and the comparison says that
    two tables carry the name (a host's corrected entry, 'tabt', had silently replaced the
    first, 'vundet'). None for a game played in the window."""
    if saved.paper is None:
        return None
    return (
        saved.deck.content_hash,
        saved.settings.scenario,
        saved.settings.target,
        saved.paper.table.strip().casefold(),
        tuple(sorted((a.card, a.round) for a in saved.history.current.adopted)),
        tuple(sorted(saved.paper.events)),
        tuple(sorted(saved.paper.factors)),
    )


def _both_played_on(original: SavedGame, copy: SavedGame) -> bool:
    """Whether a game continued in a copy and its original both took decisions after they
    parted: two windows played on, so the comparison counts two tables (as the start screen
    lists two games), not one of them with a word to move a file that is still being played.
    A copy whose original stopped, or one left behind, is the same table."""
    return _first_difference(original.history.actions, copy.history.actions) is not None


def _same_start(a: SavedGame, b: SavedGame) -> bool:
    return (
        a.deck.content_hash == b.deck.content_hash
        and a.settings.scenario == b.settings.scenario
        and a.settings.seed == b.settings.seed
        and a.settings.target == b.settings.target
    )


def _longest(cluster: Sequence[SavedGame]) -> SavedGame:
    """The file with the longest log, then the latest save, then the name."""
    return max(
        cluster, key=lambda s: (len(s.history.actions), stamp_seconds(s.updated), s.path.name)
    )


def _newest_entry(cluster: Sequence[SavedGame]) -> SavedGame:
    """The paper entry typed in last (its save's updated time: ``raaderum enter`` and its
    ``--replace`` stamp it), then the one with more decisions, then the name."""
    return max(
        cluster, key=lambda s: (stamp_seconds(s.updated), len(s.history.actions), s.path.name)
    )


def _counted(cluster: Sequence[SavedGame]) -> SavedGame:
    """The file of a game that counts: the longest log (then the latest save, then the
    name) – unless another file took the longest file's last decisions back (they are on its
    redo list: the game was undone and saved again after the longest file was written); then
    that file, so that older, longer copies never bring decisions taken back again. Which
    file is newer is never judged by the clock (a laptop's may run ahead) – except among the
    entries of one paper table: a sheet typed in again replaces the earlier entry (a card
    keyed by mistake taken out with ``--replace``), so the newest entry counts, not an old
    copy of it with more decisions on a USB stick (``_newest_entry``)."""
    if all(s.paper is not None for s in cluster):
        return _newest_entry(cluster)
    longest = _longest(cluster)
    log = longest.history.actions
    taken_back = [
        s
        for s in cluster
        if len(s.history.actions) < len(log)
        and (*s.history.actions, *s.history.redo_actions)[: len(log)] == log
    ]
    if not taken_back:
        return longest
    return max(
        taken_back, key=lambda s: (stamp_seconds(s.updated), len(s.history.actions), s.path.name)
    )


def _relation(saved: SavedGame, kept: SavedGame) -> Copy:
    """How ``saved`` relates to ``kept``, another file of the same game (the one counted)."""
    other, log = saved.history.actions, kept.history.actions
    sheet = _paper_sheet(saved)
    if sheet is not None and sheet == _paper_sheet(kept) and saved.game_id != kept.game_id:
        # the same sheet typed in again, perhaps in another order within a round (in the
        # window, then with `enter`): one table, not "different decisions from no. 1"
        return Copy(saved.path, len(other), "entered_twice", table=table_of(saved))
    if (
        sheet is not None
        and kept.paper is not None
        and sheet != _paper_sheet(kept)
        and stamp_seconds(saved.updated) < stamp_seconds(kept.updated)
    ):
        # the table's sheet typed in again later (corrected): the later entry replaces this
        # one, whether it has fewer decisions, more or others
        return Copy(saved.path, len(other), "entered_again", table=table_of(saved))
    difference = _first_difference(other, log)
    if difference is not None:
        relation = "diverged_tie" if len(other) == len(log) else "diverged"
        return Copy(saved.path, len(other), relation, difference + 1, table_of(saved))
    if len(other) == len(log) and saved.paper and kept.paper and saved.game_id != kept.game_id:
        return Copy(saved.path, len(other), "entered_twice", table=table_of(saved))
    if len(other) > len(log):  # the kept file took decisions back and was saved after this
        return Copy(saved.path, len(other), "undone", table=table_of(saved))
    relation = "same" if len(other) == len(log) else "behind"
    return Copy(saved.path, len(other), relation, table=table_of(saved))


def _finished_apart(cluster: Sequence[SavedGame]) -> list[list[SavedGame]]:
    """The files of one game split by the games played to the end in them: files that went
    their own way after a common start and were each finished are tables of their own (a
    save prepared once and copied to four laptops; a crashed laptop's game continued on a
    spare while the laptop's own window played on), each with the files whose log agrees
    longest with its own. One part – the whole cluster – when fewer than two different
    finished games are among them (an abandoned branch is the same table's)."""
    if any(s.paper is not None for s in cluster):
        return [list(cluster)]  # a paper sheet is one table however often it was entered
    finished = list(
        dict.fromkeys(tuple(s.history.actions) for s in cluster if s.history.current.finished)
    )
    if len(finished) < 2:
        return [list(cluster)]
    parts: dict[tuple[object, ...], list[SavedGame]] = {log: [] for log in finished}
    for saved in cluster:
        log = tuple(saved.history.actions)
        nearest = max(finished, key=lambda end: _common_length(log, end))
        parts[nearest].append(saved)
    return list(parts.values())


def _common_length(a: Sequence[object], b: Sequence[object]) -> int:
    """How many first decisions ``a`` and ``b`` share."""
    difference = _first_difference(a, b)
    return min(len(a), len(b)) if difference is None else difference


def one_per_game(saves: Sequence[SavedGame]) -> tuple[list[SavedGame], list[SameGame]]:
    """The saves with every game once (in the order of the first file of each game), and a
    ``SameGame`` for each game that was found in more than one file. Files of one game id
    that were each played to the end along their own way are counted each
    (``_finished_apart``), and the first of them names the others in its ``apart``."""
    kept: list[SavedGame] = []
    notices: list[SameGame] = []
    order = {id(saved): index for index, saved in enumerate(saves)}
    for cluster in sorted(_clusters(saves), key=lambda c: min(order[id(s)] for s in c)):
        parts = sorted(_finished_apart(cluster), key=lambda p: min(order[id(s)] for s in p))
        bests = [_counted(part) for part in parts]
        kept.extend(bests)
        for number, (part, best) in enumerate(zip(parts, bests)):
            copies = tuple(
                _relation(saved, best)
                for saved in sorted(part, key=lambda s: s.path.name)
                if saved is not best
            )
            apart = tuple(
                Copy(
                    other.path,
                    len(other.history.actions),
                    "finished_apart",
                    _common_length(other.history.actions, best.history.actions) + 1,
                )
                for other in bests[1:]
                if number == 0
            )
            if copies or apart:
                counted = len(best.history.actions)
                notices.append(SameGame(best.path, counted, copies, apart, table_of(best)))
    kept.sort(key=lambda s: order[id(s)])
    return kept, notices


@dataclass(frozen=True)
class Listed:
    """A file of the start screen's list: ``saved`` with the files it stands for."""

    saved: SavedGame
    copies: tuple[Copy, ...] = ()
    """Identical, older and undone copies of the game (same game id), left out of the list."""
    branch: SameGame | None = None
    """For a copy that went its own way: the file it is a copy of (``kept``, with that file's
    decisions) and this file's relation to it (``copies[0]``, "diverged")."""


def fold_copies(saves: Sequence[SavedGame]) -> list[Listed]:
    """The saves as the "Fortsæt" list shows them, in the order given: each game's counted
    file (``_counted``) stands for the identical, older and undone copies of it (a cloud
    drive's conflict copies, a folder copied by hand), so continuing the game never picks up
    an older copy, nor one holding decisions since taken back.
    A file that went its own way after some decision is listed too, saying from which decision
    it differs from the game's longest file, and it stands for its own identical and older
    copies in turn (an original and its "- Kopi" beside a conflict copy that went on are two
    entries, not three). Only files with the same game id are one game here – and the same
    paper sheet entered twice, which the comparison counts once too (it was listed twice)."""
    listed: dict[int, Listed] = {}
    for cluster in _clusters(saves, follow_copies=False, same_sheets=True):
        main: SavedGame | None = None
        rest = list(cluster)
        while rest:  # the longest file, then the longest of those that went their own way …
            head = _counted(rest)
            relations = [(saved, _relation(saved, head)) for saved in rest if saved is not head]
            folded = [r for _, r in relations if not r.relation.startswith("diverged")]
            branch = None
            if main is not None:
                relation = (_relation(head, main),)
                count = len(main.history.actions)
                branch = SameGame(main.path, count, relation, table=table_of(main))
            listed[id(head)] = Listed(
                head, tuple(sorted(folded, key=lambda r: r.path.name)), branch
            )
            main = main or head
            rest = [saved for saved, r in relations if r.relation.startswith("diverged")]
    return [listed[id(saved)] for saved in saves if id(saved) in listed]
