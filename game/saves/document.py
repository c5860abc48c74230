"""The save file format, version 2: building the JSON document and checking one field by field.

A save is a UTF-8 JSON object::

    {"format": "raaderum-save", "version": 2, "created": ISO, "updated": ISO,
     "deck": {"id", "title", "content_hash", "sources": [[file name, YAML text], ...]},
     "scenario": id,
     "settings": {"seed", "target", "lang", "timer_minutes"},
     "actions": [action dict, ...], "redo": [action dict, ...],
     "summary": {"scenario_title", "round", "rounds", "finished", "won", "state_hash"}}

The game state is never stored: it is rebuilt by replaying ``actions`` from the seed. The
``summary`` only serves fast listing; ``read_save`` recomputes it from the replay, so a stale or
hand-edited summary never changes the game (``list_saves`` shows it, after a type check).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from game.engine.history import History
from game.engine.model import Deck
from game.engine.rules import MAX_TARGET
from game.engine.state import GameState, state_hash
from game.engine.verdict import verdict
from game.saves.model import GameSettings

FORMAT = "raaderum-save"
VERSION = 2
"""Format 2 (this version): the game's chance is drawn once at the start (engine.randomness).
A format-1 save was played with other draws; its log cannot be replayed and is refused."""
MAX_SOURCES = 200
MAX_ACTIONS = 50_000
"""Most moves in the log (and in the redo list). A workshop makes well under a few hundred; the
history keeps the log once, so replay memory grows in proportion to its length."""
MAX_SEED = 2**63 - 1
MAX_TIMER_MINUTES = 600.0
LANGUAGES = ("da", "en")
_HASH = re.compile(r"^[0-9a-f]{64}$")
_STATE_HASH = re.compile(r"^[0-9a-f]{32}$")

TOP_KEYS = (
    "format",
    "version",
    "created",
    "updated",
    "deck",
    "scenario",
    "settings",
    "actions",
    "redo",
    "summary",
)
DECK_KEYS = ("id", "title", "content_hash", "sources")
SETTINGS_KEYS = ("seed", "target", "lang", "timer_minutes")
SUMMARY_KEYS = ("scenario_title", "round", "rounds", "finished", "won", "state_hash")


class FormatProblem(ValueError):
    """A field of the document that is missing, of the wrong type or out of range (Danish)."""


def now_iso() -> str:
    """The current local time as ISO 8601 with milliseconds and UTC offset."""
    return datetime.now().astimezone().isoformat(timespec="milliseconds")


def summary_of(state: GameState) -> dict[str, Any]:
    """The small summary stored for fast listing."""
    return {
        "scenario_title": state.scenario.title,
        "round": state.round,
        "rounds": state.scenario.rounds,
        "finished": state.finished,
        "won": verdict(state).won,
        "state_hash": state_hash(state),
    }


def build_document(
    deck: Deck, settings: GameSettings, history: History, created: str, updated: str
) -> dict[str, Any]:
    """The JSON-ready save document of a game."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "created": created,
        "updated": updated,
        "deck": {
            "id": deck.id,
            "title": deck.title,
            "content_hash": deck.content_hash,
            "sources": [[name, text] for name, text in deck.sources],
        },
        "scenario": settings.scenario,
        "settings": {
            "seed": settings.seed,
            "target": settings.target,
            "lang": settings.lang,
            "timer_minutes": settings.timer_minutes,
        },
        "actions": [a.to_dict() for a in history.actions],
        "redo": [a.to_dict() for a in history.redo_actions],
        "summary": summary_of(history.current),
    }


@dataclass(frozen=True)
class Header:
    """The checked fields of a save document (everything but the replay)."""

    version: int
    created: str
    updated: str
    deck_id: str
    deck_title: str
    content_hash: str
    sources: tuple[tuple[str, str], ...]
    settings: GameSettings
    actions: tuple[dict[str, Any], ...]
    redo: tuple[dict[str, Any], ...]
    summary: dict[str, Any]


def _field(data: dict[str, Any], key: str, where: str) -> Any:
    if key not in data:
        raise FormatProblem(f"feltet '{where}{key}' mangler")
    return data[key]


def _object(value: Any, name: str, keys: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FormatProblem(f"feltet '{name}' skal være et objekt ({{...}})")
    unknown = sorted(set(value) - set(keys))
    if unknown:
        prefix = f"{name}." if name else ""
        raise FormatProblem(f"ukendt felt '{prefix}{unknown[0][:40]}'")
    return value


def _text(value: Any, name: str, max_length: int, *, empty: bool = False) -> str:
    if not isinstance(value, str):
        raise FormatProblem(f"feltet '{name}' skal være tekst")
    if not value and not empty:
        raise FormatProblem(f"feltet '{name}' må ikke være tomt")
    if len(value) > max_length:
        raise FormatProblem(f"feltet '{name}' er for langt ({len(value)} tegn; højst {max_length})")
    return value


def _integer(value: Any, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FormatProblem(f"feltet '{name}' skal være et helt tal")
    if not low <= value <= high:
        raise FormatProblem(f"feltet '{name}' skal være mellem {low} og {high}")
    return value


def _number(value: Any, name: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FormatProblem(f"feltet '{name}' skal være et tal")
    number = float(value)
    if not math.isfinite(number) or not low <= number <= high:
        raise FormatProblem(f"feltet '{name}' skal være mellem {low:g} og {high:g}")
    return number


def _timestamp(value: Any, name: str) -> str:
    text = _text(value, name, 40)
    try:
        datetime.fromisoformat(text)
    except ValueError:
        raise FormatProblem(f"feltet '{name}' er ikke et tidspunkt (ISO 8601)") from None
    return text


def _action_list(value: Any, name: str) -> tuple[dict[str, Any], ...]:
    if not isinstance(value, list):
        raise FormatProblem(f"feltet '{name}' skal være en liste")
    if len(value) > MAX_ACTIONS:
        raise FormatProblem(f"feltet '{name}' har over {MAX_ACTIONS} træk")
    return tuple(value)


def _sources(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list) or not value:
        raise FormatProblem("feltet 'deck.sources' skal være en liste med kortspillets filer")
    if len(value) > MAX_SOURCES:
        raise FormatProblem(f"feltet 'deck.sources' har over {MAX_SOURCES} filer")
    pairs: list[tuple[str, str]] = []
    for index, item in enumerate(value, start=1):
        if not isinstance(item, list) or len(item) != 2:
            raise FormatProblem(f"fil nr. {index} i 'deck.sources' skal være [filnavn, tekst]")
        name = _text(item[0], f"deck.sources[{index}].filnavn", 255)
        text = _text(item[1], f"deck.sources[{index}].tekst", 4 * 1024 * 1024, empty=True)
        pairs.append((name, text))
    return tuple(pairs)


def _summary(value: Any) -> dict[str, Any]:
    data = _object(value, "summary", SUMMARY_KEYS)
    where = "summary."
    result = {
        "scenario_title": _text(
            _field(data, "scenario_title", where), "summary.scenario_title", 200
        ),
        "round": _integer(_field(data, "round", where), "summary.round", 0, 100),
        "rounds": _integer(_field(data, "rounds", where), "summary.rounds", 1, 100),
        "finished": _field(data, "finished", where),
        "won": _field(data, "won", where),
        "state_hash": _field(data, "state_hash", where),
    }
    if not isinstance(result["finished"], bool):
        raise FormatProblem("feltet 'summary.finished' skal være true eller false")
    if result["won"] is not None and not isinstance(result["won"], bool):
        raise FormatProblem("feltet 'summary.won' skal være true, false eller null")
    if not isinstance(result["state_hash"], str) or not _STATE_HASH.match(result["state_hash"]):
        raise FormatProblem("feltet 'summary.state_hash' er ikke en gyldig fingeraftryk-streng")
    return result


def check_version(data: Any) -> int:
    """The format version of a save document (raises ``FormatProblem``)."""
    if not isinstance(data, dict):
        raise FormatProblem("filen er ikke et gemt Råderumsspil (JSON-objekt forventet)")
    if data.get("format") != FORMAT:
        raise FormatProblem("filen er ikke et gemt Råderumsspil (forkert 'format')")
    version = _field(data, "version", "")
    if isinstance(version, bool) or not isinstance(version, int):
        raise FormatProblem("feltet 'version' skal være et helt tal")
    if version > VERSION:
        raise FormatProblem(
            f"spillet er gemt med en nyere version af spillet (format {version}; "
            f"denne version læser format {VERSION}) – opdater spillet"
        )
    if version == 1:
        raise FormatProblem(
            "spillet er gemt med en ældre version af spillet (format 1), hvor tilfældigheden "
            f"blev trukket på en anden måde; denne version læser format {VERSION}, så spillet "
            "kan ikke genskabes – åbn det med den version, der gemte det, eller start et nyt spil"
        )
    if version < 1:
        raise FormatProblem(f"ukendt formatversion {version}")
    return version


def check_document(data: Any) -> Header:
    """Check every field of a save document; raises ``FormatProblem`` with a Danish message."""
    version = check_version(data)
    top = _object(data, "", TOP_KEYS)
    deck = _object(_field(top, "deck", ""), "deck", DECK_KEYS)
    content_hash = _field(deck, "content_hash", "deck.")
    if not isinstance(content_hash, str) or not _HASH.match(content_hash):
        raise FormatProblem("feltet 'deck.content_hash' er ikke en gyldig SHA-256-streng")
    settings = _object(_field(top, "settings", ""), "settings", SETTINGS_KEYS)
    target = _field(settings, "target", "settings.")
    timer = settings.get("timer_minutes")
    lang = _field(settings, "lang", "settings.")
    if lang not in LANGUAGES:
        raise FormatProblem("feltet 'settings.lang' skal være 'da' eller 'en'")
    game_settings = GameSettings(
        scenario=_text(_field(top, "scenario", ""), "scenario", 32),
        seed=_integer(_field(settings, "seed", "settings."), "settings.seed", 0, MAX_SEED),
        target=None if target is None else _number(target, "settings.target", 0, MAX_TARGET),
        lang=lang,
        timer_minutes=None
        if timer is None
        else _number(timer, "settings.timer_minutes", 0.1, MAX_TIMER_MINUTES),
    )
    return Header(
        version=version,
        created=_timestamp(_field(top, "created", ""), "created"),
        updated=_timestamp(_field(top, "updated", ""), "updated"),
        deck_id=_text(_field(deck, "id", "deck."), "deck.id", 32),
        deck_title=_text(_field(deck, "title", "deck."), "deck.title", 90),
        content_hash=content_hash,
        sources=_sources(_field(deck, "sources", "deck.")),
        settings=game_settings,
        actions=_action_list(_field(top, "actions", ""), "actions"),
        redo=_action_list(_field(top, "redo", ""), "redo"),
        summary=_summary(_field(top, "summary", "")),
    )
