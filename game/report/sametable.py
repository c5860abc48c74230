"""One table, one game: finding the copies of a game among many save files.

A cloud drive makes copies of a save that was changed in two places (``spil-…-LAPTOP-K7F2Q.json``,
``spil-… - Kopi.json``, ``spil-… (1).json``, ``… (conflicted copy 2026-11-28).json``), and a
facilitator copies folders by hand. A comparison must count each table's game once, so games
are recognised by their content, never by their file names: the game id stored in every save
(for older saves one derived from creation time, seed, deck and scenario), and a copy made with
"continue as a copy" is the same table as its original. Among the files of one game the one
with the longest log counts; the others are named in a ``SameGame`` notice, saying whether
each is an identical copy, an older state of the same game (its log is a beginning of the
longer one), or a copy that went its own way after some decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from game.messages import catalogue
from game.saves import SavedGame
from game.saves.files import display_path
from game.saves.listing import stamp_seconds


@dataclass(frozen=True)
class Copy:
    """A file of a game that is not counted, and how it relates to the one that is."""

    path: Path
    decisions: int
    relation: str
    """ "same" (the same log), "behind" (its log is a beginning of the counted one's) or
    "diverged" (the logs differ from decision ``diverged_at``)."""
    diverged_at: int | None = None
    """1-based number of the first decision that differs (for "diverged")."""


@dataclass(frozen=True)
class SameGame:
    """The files of one game: ``kept`` is counted, ``copies`` are not."""

    kept: Path
    decisions: int
    copies: tuple[Copy, ...]

    def lines(self, lang: str = "da") -> list[str]:
        """One sentence per copy, in ``lang``."""
        kept = display_path(self.kept.name)
        lines = []
        for copy in self.copies:
            lines.append(
                catalogue(lang).t(
                    f"report.same.{copy.relation}",
                    copy=display_path(copy.path.name),
                    kept=kept,
                    n=copy.decisions,
                    m=self.decisions,
                    k=copy.diverged_at or 0,
                )
            )
        return lines


def _first_difference(a: Sequence[object], b: Sequence[object]) -> int | None:
    """0-based index of the first difference of ``a`` and ``b`` (None when one is a
    beginning of the other)."""
    for index, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return index
    return None


def _clusters(saves: Sequence[SavedGame]) -> list[list[SavedGame]]:
    """The saves grouped by game: the same game id, or a copy and its original."""
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
        original = by_id.get(saved.copy_of or "")
        if original is not None and _same_start(saves[original], saved):
            parent[root(index)] = root(original)
    groups: dict[int, list[SavedGame]] = {}
    for index, saved in enumerate(saves):
        groups.setdefault(root(index), []).append(saved)
    return list(groups.values())


def _same_start(a: SavedGame, b: SavedGame) -> bool:
    return (
        a.deck.content_hash == b.deck.content_hash
        and a.settings.scenario == b.settings.scenario
        and a.settings.seed == b.settings.seed
        and a.settings.target == b.settings.target
    )


def one_per_game(saves: Sequence[SavedGame]) -> tuple[list[SavedGame], list[SameGame]]:
    """The saves with every game once (in the order of the first file of each game), and a
    ``SameGame`` for each game that was found in more than one file."""
    kept: list[SavedGame] = []
    notices: list[SameGame] = []
    order = {id(saved): index for index, saved in enumerate(saves)}
    for cluster in sorted(_clusters(saves), key=lambda c: min(order[id(s)] for s in c)):
        best = max(
            cluster,
            key=lambda s: (len(s.history.actions), stamp_seconds(s.updated), s.path.name),
        )
        kept.append(best)
        if len(cluster) == 1:
            continue
        log = best.history.actions
        copies = []
        for saved in sorted(cluster, key=lambda s: s.path.name):
            if saved is best:
                continue
            other = saved.history.actions
            difference = _first_difference(other, log)
            if difference is not None:
                copies.append(Copy(saved.path, len(other), "diverged", difference + 1))
            elif len(other) == len(log):
                copies.append(Copy(saved.path, len(other), "same"))
            else:
                copies.append(Copy(saved.path, len(other), "behind"))
        notices.append(SameGame(best.path, len(log), tuple(copies)))
    kept.sort(key=lambda s: order[id(s)])
    return kept, notices
