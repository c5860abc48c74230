"""Writing saves atomically, reading them back by replaying their log, and listing them.

A save never holds the game state: ``read_save`` loads the deck copy through the same guarded
loader as a deck on disk, checks its content hash, and replays the action log move by move, so
a hand-edited log with an illegal move is caught and named. Reading never modifies the file.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import stat
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from game.content import DeckError, load_sources
from game.engine.actions import Action, ActionFormatError, action_from_dict
from game.engine.history import History
from game.engine.model import Deck
from game.engine.rules import IllegalAction, apply, new_game
from game.engine.state import GameState
from game.paths import is_litter
from game.saves.document import FormatProblem, Header, build_document, check_document, now_iso
from game.saves.messages import illegal_reason
from game.saves.model import GameSettings, SavedGame, SaveError, SaveInfo, one_line

MAX_SAVE_BYTES = 8 * 1024 * 1024
"""Largest save file read or written: a deck copy (the standard deck is ~60 KB) plus the log."""
SAVE_SUFFIX = ".json"
_TEMP_SUFFIX = ".tmp"
_ACTION_TYPES = ("adopt", "end_year", "annotate", "set_target")


def new_save_path(save_dir: Path) -> Path:
    """A new, unused file name in ``save_dir`` (created if missing) for a new game."""
    save_dir = Path(save_dir)
    try:
        save_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SaveError(save_dir, f"mappen kan ikke oprettes: {error.strerror}") from None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    while True:
        candidate = save_dir / f"spil-{stamp}-{secrets.token_hex(3)}{SAVE_SUFFIX}"
        if not candidate.exists():
            return candidate


def write_save(
    path: Path,
    deck: Deck,
    settings: GameSettings,
    history: History,
    created: str | None = None,
) -> None:
    """Save a game atomically: temp file in the same folder, flush, fsync, rename, fsync folder.

    A failure at any point leaves the previous save untouched and no temp file behind; it is
    raised as ``SaveError``. ``created`` defaults to the existing file's creation time, or now.
    """
    path = Path(path)
    updated = now_iso()
    if created is None:
        created = _existing_created(path) or updated
    document = build_document(deck, settings, history, created, updated)
    try:
        check_document(document)
        data = json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")
    except (FormatProblem, ValueError) as error:
        raise SaveError(path, f"spillet kan ikke gemmes: {error}") from None
    if len(data) > MAX_SAVE_BYTES:
        raise SaveError(path, f"spillet kan ikke gemmes: over {MAX_SAVE_BYTES:,} bytes")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temps(path)
        _atomic_write(path, data)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise SaveError(
            path, f"spillet kunne ikke gemmes ({reason}); den forrige gemning er bevaret"
        ) from None
    _fsync_directory(path.parent)


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def _atomic_write(path: Path, data: bytes) -> None:
    fd, temp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=_TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _replace(source: str, target: Path) -> None:
    """``os.replace``, retried briefly on Windows, where a reader may hold the file open."""
    for attempt in range(5):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if os.name != "nt" or attempt == 4:
                raise
            time.sleep(0.05)


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable (POSIX); folders cannot be opened for this on Windows."""
    if os.name == "nt":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_stale_temps(path: Path) -> None:
    """Delete temp files of this save left by a process that was killed mid-write."""
    prefix = _temp_prefix(path)
    for leftover in path.parent.glob(f"{glob_escape(prefix)}*{_TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def glob_escape(text: str) -> str:
    """``text`` with glob wildcards escaped."""
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in text)


def _existing_created(path: Path) -> str | None:
    """The ``created`` time of an existing save at ``path``, if it is readable."""
    try:
        data = _parse(_read_bytes(path), path)
    except SaveError:
        return None
    created = data.get("created") if isinstance(data, dict) else None
    if isinstance(created, str) and len(created) <= 40:
        with contextlib.suppress(ValueError):
            datetime.fromisoformat(created)
            return created
    return None


def _read_bytes(path: Path) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SaveError(path, "er en mappe, ikke et gemt spil")
        if not stat.S_ISREG(info.st_mode):
            raise SaveError(path, "er ikke en almindelig fil, så det er ikke et gemt spil")
        size = info.st_size
        if size > MAX_SAVE_BYTES:
            raise SaveError(path, f"filen er for stor ({size:,} bytes; højst {MAX_SAVE_BYTES:,})")
        with path.open("rb") as handle:
            raw = handle.read(MAX_SAVE_BYTES + 1)
    except FileNotFoundError:
        raise SaveError(path, "filen findes ikke") from None
    except OSError as error:
        raise SaveError(path, f"filen kan ikke læses ({error.strerror})") from None
    if len(raw) > MAX_SAVE_BYTES:
        raise SaveError(path, f"filen er for stor (over {MAX_SAVE_BYTES:,} bytes)")
    if not raw.strip():
        raise SaveError(path, "filen er tom")
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
    raise FormatProblem(f"'{name}' er ikke et gyldigt tal")


def _parse(raw: bytes, path: Path) -> Any:
    """JSON from bytes, with every failure as a Danish ``SaveError``."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SaveError(
            path, f"filen er ikke UTF-8-tekst (linje {line}) – den er beskadiget"
        ) from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise SaveError(
            path,
            f"filen er ikke gyldig JSON (linje {error.lineno}, kolonne {error.colno}) – "
            "den er afkortet eller beskadiget",
        ) from None
    except _Duplicate as error:
        raise SaveError(path, f"feltet '{str(error)[:40]}' står to gange") from None
    except FormatProblem as error:
        raise SaveError(path, str(error)) from None
    except RecursionError:
        raise SaveError(path, "filen er for dybt indlejret til at være et gemt spil") from None
    except ValueError:
        raise SaveError(path, "filen indeholder et ugyldigt tal") from None
    for value in _strings(data):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise SaveError(path, "filen indeholder ugyldige tegn (halve UTF-16-par)") from None
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
        first = str(error.problems[0]) if error.problems else "ukendt fejl"
        more = len(error.problems) - 1
        extra = f" (og {more} problem{'er' if more > 1 else ''} mere)" if more > 0 else ""
        raise SaveError(path, f"kortspillet i det gemte spil er ugyldigt: {first}{extra}") from None
    except Exception as error:  # a save must never crash the program
        raise SaveError(
            path, f"kortspillet i det gemte spil kan ikke læses ({type(error).__name__})"
        ) from None
    if deck.content_hash != header.content_hash:
        raise SaveError(
            path,
            "kortspillet i det gemte spil er ændret efter gemningen "
            "(indholdets fingeraftryk passer ikke)",
        )
    if deck.id != header.deck_id:
        raise SaveError(path, "feltet 'deck.id' passer ikke med kortspillet i det gemte spil")
    return deck


def _action(raw: Any, label: str, path: Path) -> Action:
    if not isinstance(raw, dict):
        raise SaveError(path, f"{label} kan ikke læses: et træk skal være et objekt")
    kind = raw.get("type")
    if kind not in _ACTION_TYPES:
        shown = one_line(str(kind), 40)
        raise SaveError(path, f"{label} kan ikke læses: ukendt slags træk '{shown}'")
    try:
        return action_from_dict(raw)
    except ActionFormatError:
        fields = ", ".join(sorted(one_line(str(k), 20) for k in raw)[:6])
        raise SaveError(
            path, f"{label} kan ikke læses: forkerte eller manglende felter ({fields})"
        ) from None


def _apply_log(
    state: GameState, log: tuple[dict[str, Any], ...], where: str, path: Path
) -> tuple[list[GameState], list[Action]]:
    """Apply every move of ``log`` from ``state``; an unreadable or illegal move is named by
    its number (1-based) and ``where`` it stands."""
    states = [state]
    actions: list[Action] = []
    for number, raw in enumerate(log, start=1):
        label = f"træk nr. {number} {where}"
        action = _action(raw, label, path)
        try:
            state = apply(state, action)
        except IllegalAction as error:
            raise SaveError(path, f"{label} er ikke tilladt: {illegal_reason(error)}") from None
        states.append(state)
        actions.append(action)
    return states, actions


def _replay(header: Header, deck: Deck, path: Path) -> History:
    settings = header.settings
    try:
        state = new_game(deck, settings.scenario, settings.seed, settings.target)
    except KeyError:
        raise SaveError(
            path, f"scenariet '{settings.scenario}' findes ikke i kortspillet i det gemte spil"
        ) from None
    except IllegalAction as error:
        raise SaveError(path, f"spillet kan ikke startes: {illegal_reason(error)}") from None
    states, done = _apply_log(state, header.actions, "i loggen", path)
    _, redo = _apply_log(states[-1], header.redo, "i fortryd-listen", path)
    return History(states=tuple(states), actions=tuple(done), redo_actions=tuple(redo))


def read_save(path: Path) -> SavedGame:
    """Read a save and rebuild its game by replaying the log; raises ``SaveError``.

    Every field is checked, the embedded deck passes the deck loader's guards and must match
    its content hash, and every move must be legal. The file is only ever opened for reading.
    The stored summary is not trusted: callers get the replayed history.
    """
    path = Path(path)
    data = _parse(_read_bytes(path), path)
    try:
        header = check_document(data)
    except FormatProblem as error:
        raise SaveError(path, str(error)) from None
    deck = _deck(header, path)
    history = _replay(header, deck, path)
    return SavedGame(
        path=path,
        deck=deck,
        settings=header.settings,
        history=history,
        created=header.created,
        updated=header.updated,
    )


def _sort_time(stamp: str) -> float:
    moment = datetime.fromisoformat(stamp)
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.timestamp()


def list_saves(save_dir: Path, unfinished_only: bool = True) -> list[SaveInfo]:
    """The readable saves in ``save_dir``, newest first (by ``updated``).

    Files that cannot be read are skipped, never deleted. With ``unfinished_only`` (the
    "Fortsæt" list) finished games are left out.
    """
    save_dir = Path(save_dir)
    try:
        candidates = sorted(p for p in save_dir.glob(f"*{SAVE_SUFFIX}") if not is_litter(p.name))
    except OSError:
        return []
    found: list[tuple[float, str, SaveInfo]] = []
    for candidate in candidates:
        try:
            saved = read_save(candidate)
        except SaveError:
            continue
        state = saved.history.current
        if unfinished_only and state.finished:
            continue
        info = SaveInfo(
            path=candidate,
            updated=saved.updated,
            deck_title=saved.deck.title,
            scenario_title=state.scenario.title,
            round=state.round,
            rounds=state.scenario.rounds,
            finished=state.finished,
        )
        found.append((_sort_time(saved.updated), candidate.name, info))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [info for _, _, info in found]
