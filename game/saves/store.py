"""Writing saves atomically, reading them back by replaying their log, and listing them.

A save never holds the game state: ``read_save`` loads the deck copy through the same guarded
loader as a deck on disk, checks its content hash, and replays the action log move by move, so
a hand-edited log with an illegal move is caught and named. Reading never modifies the file.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import secrets
import stat
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from game.content import DeckError, load_sources
from game.content.validation_messages import show
from game.engine.actions import Action, ActionFormatError, Adopt, EndYear, action_from_dict
from game.engine.history import History
from game.engine.model import Deck
from game.engine.rules import IllegalAction, new_game
from game.engine.state import GameState
from game.messages import Message
from game.saves.document import FormatProblem, Header, build_document, check_document, now_iso
from game.saves.files import WriteFailed, remove_stale_temps, write_file
from game.saves.lock import SaveLock, SaveLocked, lock_holder
from game.saves.messages import illegal_message
from game.saves.model import (
    GameSettings,
    PaperTable,
    RoundClock,
    SavedGame,
    SaveError,
    one_line,
)
from game.saves.oserrors import os_code, os_message
from game.saves.paper import PaperError, start_paper_game
from game.saves.processes import process_alive

MAX_SAVE_BYTES = 8 * 1024 * 1024
"""Largest save file read or written: a deck copy (the standard deck is ~60 KB) plus the log."""
SAVE_SUFFIX = ".json"
_ACTION_TYPES = ("adopt", "end_year", "annotate", "set_target")


def new_game_id() -> str:
    """A fresh game id (32 hex digits)."""
    return secrets.token_hex(16)


def new_save_path(save_dir: Path) -> Path:
    """A new, unused file name in ``save_dir`` for a new game. The folder is created if it can
    be; when it cannot, the name is returned all the same and the first save says why (as a
    ``SaveError``), so starting a game never fails on the folder."""
    save_dir = Path(save_dir)
    with contextlib.suppress(OSError):
        save_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    while True:
        candidate = save_dir / f"spil-{stamp}-{secrets.token_hex(3)}{SAVE_SUFFIX}"
        if not candidate.exists():
            return candidate


@dataclass(frozen=True)
class SaveStamp:
    """What ``write_save`` wrote: the times and the game id now in the file."""

    created: str
    updated: str
    game_id: str
    copy_of: str | None


def write_save(
    path: Path,
    deck: Deck,
    settings: GameSettings,
    history: History,
    created: str | None = None,
    *,
    game_id: str | None = None,
    copy_of: str | None = None,
    lock: SaveLock | None = None,
    paper: PaperTable | None = None,
    clock: RoundClock | None = None,
    drafts: tuple[tuple[str, str], ...] = (),
) -> SaveStamp:
    """Save a game atomically: temp file in the same folder, flush, fsync, read back, rename,
    fsync folder (see ``game.saves.files``).

    ``created``, ``game_id`` and ``copy_of`` default to those of the save already at ``path``
    (so a game keeps its identity from save to save), else now / a new id / None. With
    ``lock`` (the game's own, from ``open_for_writing``) the lock is checked and refreshed
    first; without, the save is refused when another live window holds its lock.

    A paper table's game (its history begins from the table's entered chance) is only written
    with ``paper``, what the table entered: without it the file would replay another game.
    ``clock``: the round timer's time used in the open round, kept for a window opened again;
    ``drafts``: notes typed on cards not yet adopted, as (card id, text).

    Raises ``SaveLocked`` when another window holds the game, and ``SaveError`` for any other
    failure, with a Danish reason from the system's error ("disken er fuld", "mappen ligger
    på et skrivebeskyttet drev", …) and a ``code`` for the window's remedy; "den forrige
    gemning er bevaret" is said only when a readable earlier save of the game is on disk. A
    failure at any point leaves the previous save untouched and no temp file behind.
    """
    path = Path(path)
    _check_paper(path, history, paper)
    updated = now_iso()
    previous = _existing_identity(path)
    if created is None:
        created = previous.created if previous else updated
    if game_id is None:
        game_id = previous.game_id if previous else new_game_id()
    if copy_of is None and previous is not None:
        copy_of = previous.copy_of
    document = build_document(
        deck,
        settings,
        history,
        created,
        updated,
        game_id,
        copy_of,
        paper=paper,
        clock=clock,
        drafts=drafts,
    )
    try:
        check_document(document)
        data = json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")
    except (FormatProblem, ValueError) as error:
        reason = error.said if isinstance(error, FormatProblem) else str(error)
        raise SaveError(path, Message.of("save.cannot_save", reason=reason)) from None
    if len(data) > MAX_SAVE_BYTES:
        raise SaveError(path, Message.of("save.cannot_save_big", most=float(MAX_SAVE_BYTES)))
    if lock is not None:
        lock.refresh()
    else:
        holder = lock_holder(path)
        if holder is not None:
            raise SaveLocked(path, holder)
    failed = "save.not_saved_kept" if previous is not None else "save.not_saved"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        cause = Message.of("files.cannot_create", reason=os_message(error))
        said = Message.of(failed, cause=cause)
        raise SaveError(path, said, code=os_code(error), cause=cause) from None
    remove_stale_temps(path, process_alive)
    try:
        write_file(path, data)
    except WriteFailed as error:
        said = Message.of(failed, cause=error.cause)
        raise SaveError(path, said, code=error.code, cause=error.cause) from None
    return SaveStamp(created, updated, game_id, copy_of)


def _check_paper(path: Path, history: History, paper: PaperTable | None) -> None:
    """Refuse (``SaveError``, nothing written) a paper table's game without what the table
    entered: the file would replay the seed's events and factors, another game than the one
    on screen (or none at all)."""
    if paper is None and history.initial.open_table:
        cause = Message.of("save.paper_missing")
        raise SaveError(path, Message.of("save.cannot_save", reason=cause), cause=cause)


def copy_save(path: Path, save_dir: Path | None = None) -> Path:
    """Copy the game in ``path`` to a new save in ``save_dir`` (default: the same folder) as a
    game of its own ("continue as a copy": a new game id that records the original's in
    ``copy_of``); returns the new file. Raises ``SaveError``."""
    saved = read_save(path)
    target = new_save_path(Path(save_dir) if save_dir is not None else Path(path).parent)
    write_save(
        target,
        saved.deck,
        saved.settings,
        saved.history,
        game_id=new_game_id(),
        copy_of=saved.game_id,
        paper=saved.paper,
    )
    return target


@dataclass(frozen=True)
class _Identity:
    created: str
    game_id: str
    copy_of: str | None


def _existing_identity(path: Path) -> _Identity | None:
    """The identity of a readable save already at ``path``, or None."""
    try:
        header = check_document(_parse(_read_bytes(path), path))
    except (SaveError, FormatProblem):
        return None
    return _Identity(header.created, header.game_id, header.copy_of)


def stored_game_id(path: Path) -> str | None:
    """The game id of the readable save at ``path`` (read without replaying its log), or
    None for a file that is no readable save."""
    identity = _existing_identity(Path(path))
    return identity.game_id if identity is not None else None


def _read_bytes(path: Path) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SaveError(path, Message.of("save.is_folder"))
        if not stat.S_ISREG(info.st_mode):
            raise SaveError(path, Message.of("save.not_a_file"))
        size = info.st_size
        if size > MAX_SAVE_BYTES:
            # floats: worded with the reader's grouping, 52.491.567 in Danish
            said = Message.of("save.too_big", size=float(size), most=float(MAX_SAVE_BYTES))
            raise SaveError(path, said)
        with path.open("rb") as handle:
            raw = handle.read(MAX_SAVE_BYTES + 1)
    except FileNotFoundError:
        raise SaveError(path, Message.of("save.missing"), code="missing") from None
    except OSError as error:
        said = Message.of("save.unreadable", reason=os_message(error, reading=True))
        raise SaveError(path, said, os_code(error)) from None
    if len(raw) > MAX_SAVE_BYTES:
        raise SaveError(path, Message.of("save.too_big_over", most=float(MAX_SAVE_BYTES)))
    if not raw.strip():
        raise SaveError(path, Message.of("save.empty"))
    return raw


class _Duplicate(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Duplicate(key)
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise FormatProblem(Message.of("save.bad_constant", name=name))


_OFFICE_START = b"PK\x03\x04"
"""How a zip file starts: an Excel workbook, an .ods or a Word file named where a save was
meant."""


def _parse(raw: bytes, path: Path) -> Any:
    """JSON from bytes, with every failure as a Danish ``SaveError``. A save that an editor
    wrote again as UTF-16 (PowerShell's Out-File, Notepad's "Unicode") is read: its byte order
    mark says how. A file that is no save (a workbook, a deck) is said to be one, not
    "damaged"."""
    named_otherwise = path.suffix.lower() != SAVE_SUFFIX
    if raw.startswith(_OFFICE_START):
        raise SaveError(path, Message.of("save.office_file"))
    try:
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = raw.decode("utf-16")
        else:
            text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if named_otherwise:
            raise SaveError(path, Message.of("save.not_a_save")) from None
        line = raw[: error.start].count(b"\n") + 1
        raise SaveError(path, Message.of("save.not_utf8", line=line)) from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        if named_otherwise:
            raise SaveError(path, Message.of("save.not_a_save")) from None
        said = Message.of("save.not_json", line=error.lineno, column=error.colno)
        raise SaveError(path, said) from None
    except _Duplicate as error:
        raise SaveError(path, Message.of("save.field_twice", name=str(error)[:40])) from None
    except FormatProblem as error:
        raise SaveError(path, error.said) from None
    except RecursionError:
        raise SaveError(path, Message.of("save.too_deep")) from None
    except ValueError:
        raise SaveError(path, Message.of("save.bad_number")) from None
    for value in _strings(data):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise SaveError(path, Message.of("save.surrogates")) from None
    return data


def _strings(data: Any) -> Iterator[str]:
    """Every string (keys included) in a JSON value, without recursion."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            yield from item.keys()
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


@lru_cache(maxsize=8)
def _load_deck_copy(sources: tuple[tuple[str, str], ...]) -> Deck:
    """The deck inside a save (cached: a folder of saves usually shares one deck)."""
    return load_sources(sources)


def _deck(header: Header, path: Path) -> Deck:
    try:
        deck = _load_deck_copy(header.sources)
    except DeckError as error:
        first = error.problems[0] if error.problems else None
        more = len(error.problems) - 1
        said = Message.of(
            "save.deck_invalid" if more <= 0 else "save.deck_invalid_more",
            place=f"{first.file}:{first.line}" if first is not None else "?",
            problem=first.said if first is not None else "?",
            more=Message.of("save.more_one" if more == 1 else "save.more_many", count=more),
        )
        raise SaveError(path, said) from None
    except Exception as error:  # a save must never crash the program
        said = Message.of("save.deck_unreadable", kind=type(error).__name__)
        raise SaveError(path, said) from None
    if deck.content_hash != header.content_hash:
        raise SaveError(path, Message.of("save.deck_changed"))
    if deck.id != header.deck_id:
        raise SaveError(path, Message.of("save.deck_id"))
    return deck


def _action(raw: Any, label: Message, path: Path) -> Action:
    if not isinstance(raw, dict):
        raise SaveError(path, Message.of("save.move_not_object", move=label))
    kind = raw.get("type")
    if kind not in _ACTION_TYPES:
        shown = one_line(kind, 40) if isinstance(kind, str) else show(kind)
        raise SaveError(path, Message.of("save.move_kind", move=label, kind=shown))
    try:
        return action_from_dict(raw)
    except ActionFormatError as error:
        raise SaveError(path, _action_problem(error, label, str(kind))) from None


_FIELD_PROBLEMS = {
    "missing": "save.move_field_missing",
    "not_text": "save.move_field_text",
    "empty": "save.move_field_empty",
    "not_number": "save.move_field_number",
    "too_large": "save.move_field_too_large",
}
"""``ActionFormatError.problem`` and the message that says it about the field."""


def _action_problem(error: ActionFormatError, label: Message, kind: str) -> Message:
    """What is wrong with a move of the kind ``kind``, naming the field that is wrong and why
    (the engine's reason, worded for the reader): "'card' skal være et korts id (tekst), ikke
    123", not the fields that are there."""
    field = one_line(error.field or "", 60)
    if error.problem == "unknown_keys":
        fields = ", ".join(f"'{name}'" for name in field.split(", "))
        return Message.of("save.move_field_unknown", move=label, kind=kind, fields=fields)
    key = _FIELD_PROBLEMS.get(error.problem)
    if key is None:  # a problem this reader has no words for: the engine's own reason
        return Message.of("save.move_fields", move=label, fields=one_line(error.reason, 80))
    if error.problem == "not_text" and error.field == "card":
        key = "save.move_field_card"
    return Message.of(key, move=label, field=field, value=show(error.value))


def _apply_log(history: History, log: tuple[Any, ...], where: str, path: Path) -> History:
    """Apply every move of ``log`` to ``history``; an unreadable or illegal move is named by
    its number (1-based) and ``where`` it stands ("log" or "redo")."""
    for number, raw in enumerate(log, start=1):
        label = Message.of(f"save.move_in_{where}", number=number)
        action = _action(raw, label, path)
        try:
            history = history.do(action)
        except IllegalAction as error:
            said = Message.of("save.move_illegal", move=label, reason=illegal_message(error))
            raise SaveError(path, said) from None
    return history


def _replay(header: Header, deck: Deck, path: Path) -> History:
    """The history of the save: the log replayed, then the redo list replayed and taken back
    again (so every move of it is checked and it can be redone)."""
    settings = header.settings
    try:
        if header.paper is not None:
            state = _paper_start(header, deck, path)
        else:
            state = new_game(deck, settings.scenario, settings.seed, settings.target)
    except KeyError:
        said = Message.of("save.no_scenario", id=settings.scenario)
        raise SaveError(path, said) from None
    except IllegalAction as error:
        said = Message.of("save.cannot_start", reason=illegal_message(error))
        raise SaveError(path, said) from None
    history = _apply_log(History.start(state), header.actions, "log", path)
    history = _apply_log(history, header.redo, "redo", path)
    for _ in header.redo:
        history = history.undo()
    rounds = len(history.initial.targets)
    for year in header.reopened:
        if year >= rounds:  # a year the scenario does not have: the file was edited
            said = Message.of("save.reopened_year", year=year + 1, rounds=rounds)
            raise SaveError(path, said)
        history = history.with_reopened(year)
    return history


def _paper_start(header: Header, deck: Deck, path: Path) -> GameState:
    """The start of a paper table's game: its entered events and factors, and the proposals
    its log adopts, round by round (``game.saves.paper``)."""
    assert header.paper is not None
    adopted: list[tuple[str, int]] = []
    round_index = 0
    for number, raw in enumerate(header.actions, start=1):
        action = _action(raw, Message.of("save.move_in_log", number=number), path)
        if isinstance(action, Adopt):
            adopted.append((action.card, round_index))
        elif isinstance(action, EndYear):
            round_index += 1
    table = replace(header.paper, adopted=tuple(adopted))
    try:
        return start_paper_game(deck, header.settings, table)
    except PaperError as error:
        said = Message.of("save.paper_broken", reason=error.said[0] if error.said else "")
        raise SaveError(path, said) from None


def read_save(path: Path) -> SavedGame:
    """Read a save and rebuild its game by replaying the log; raises ``SaveError`` (code
    "damaged" for a file that is not a readable save).

    Every field is checked, the embedded deck passes the deck loader's guards and must match
    its content hash, and every move must be legal. The file is only ever opened for reading.
    The stored summary is not trusted: callers get the replayed history.
    """
    path = Path(path)
    try:
        data = _parse(_read_bytes(path), path)
        try:
            header = check_document(data)
        except FormatProblem as error:
            raise SaveError(path, error.said) from None
        deck = _deck(header, path)
        history = _replay(header, deck, path)
    except SaveError as error:
        if error.code == "other":
            error.code = "damaged"
        raise
    return SavedGame(
        path=path,
        deck=deck,
        settings=header.settings,
        history=history,
        created=header.created,
        updated=header.updated,
        game_id=header.game_id,
        copy_of=header.copy_of,
        paper=header.paper,
        clock=header.clock,
        drafts=header.drafts,
    )
