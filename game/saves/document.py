"""The save file format, version 2: building the JSON document and checking it with a pydantic
model (strict, no unknown fields) whose errors are worded by the deck loader's Danish table.

A save is a UTF-8 JSON object::

    {"format": "raaderum-save", "version": 2, "created": ISO, "updated": ISO,
     "game_id": 32 hex digits, "copy_of": game id or null,
     "deck": {"id", "title", "content_hash", "sources": [[file name, YAML text], ...]},
     "scenario": id,
     "settings": {"seed", "target", "lang", "timer_minutes", "table" (optional),
                  "robot" (optional: the kiosk bot that played the game)},
     "actions": [action dict, ...], "redo": [action dict, ...],
     "summary": {"scenario_title", "round", "rounds", "finished", "won", "state_hash"},
     "clock": {"round", "seconds"} (optional: the round timer's time used in the open round),
     "drafts": {card id: note} (optional: notes typed on cards not yet adopted),
     "reopened": [round, ...] (optional: the years, 0-based, whose end was taken back after
     their result was shown, once per time; ``History.reopened``)}

The game state is never stored: it is rebuilt by replaying ``actions`` from the seed. The
``summary`` only serves fast listing; ``read_save`` recomputes it from the replay, so a stale or
hand-edited summary never changes the game (``list_saves`` shows it, after a type check).
``game_id`` names the game in every copy of its file (a cloud drive's conflict copy included),
so a comparison of tables counts a game once; saves written before it existed have none and get
an id derived from their creation time, seed and deck (``legacy_game_id``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
)

from game.content.validation_messages import SHOWN_DIGITS, message, show, unknown_field
from game.engine.actions import MAX_NOTE_LENGTH
from game.engine.history import History
from game.engine.model import Deck
from game.engine.rules import MAX_SEED, MAX_TARGET
from game.engine.state import GameState, state_hash
from game.engine.verdict import verdict
from game.messages import Decimal, Message, render
from game.numbers import UNIT_SCALES, whole_digits
from game.saves.model import GameSettings, PaperTable, RoundClock
from game.saves.paper import MAX_FACTOR, MAX_TABLE_NAME

FORMAT = "raaderum-save"
VERSION = 2
"""Format 2 (this version): the game's chance is drawn once at the start (engine.randomness).
A format-1 save was played with other draws; its log cannot be replayed and is refused."""
MAX_PLAUSIBLE_VERSION = 999
"""The largest format number a later game could have written: formats are numbered 1, 2, 3
…, so a larger one (10**400) is damage, not a newer game, and no reason to update."""
MAX_SOURCES = 200
MAX_ACTIONS = 10_000
"""Most moves in the log (and in the redo list). A workshop makes well under a few hundred; the
history keeps the log once, so replay memory grows in proportion to its length, and replay
time too (about a millisecond a move): a 49.000-move save, within the old limit of 50.000,
took 48 s to open and 100 s to report, with nothing on the screen meanwhile."""
MIN_TIMER_MINUTES, MAX_TIMER_MINUTES = 0.1, 600.0
"""The round timer's minutes per year (0 or none: no timer), as a save, ``--timer`` and the
start screen take them."""
LANGUAGES = ("da", "en")
GAME_ID_PATTERN = r"^[0-9a-f]{32}$"


class FormatProblem(ValueError):
    """A field of the document that is missing, of the wrong type or out of range: ``said``
    is the message as data, ``str(problem)`` the message in Danish."""

    def __init__(self, said: Message) -> None:
        super().__init__(render(said))
        self.said = said


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
    deck: Deck,
    settings: GameSettings,
    history: History,
    created: str,
    updated: str,
    game_id: str,
    copy_of: str | None = None,
    paper: PaperTable | None = None,
    clock: RoundClock | None = None,
    drafts: tuple[tuple[str, str], ...] = (),
) -> dict[str, Any]:
    """The JSON-ready save document of a game. A paper table's save (``paper``) also holds
    ``"table"`` (its name), ``"paper": true`` and ``"entered"``: the events it drew and the
    factors it rolled, as [id, 0-based round] and [id, factor] pairs, and ``"die": true`` when
    the factors it did not enter were rolled on the cards' dice (``PaperTable.die``)."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "created": created,
        "updated": updated,
        "game_id": game_id,
        "copy_of": copy_of,
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
            **({"table": settings.table} if settings.table else {}),
            **({"robot": settings.robot} if settings.robot else {}),
        },
        "actions": [a.to_dict() for a in history.actions],
        "redo": [a.to_dict() for a in history.redo_actions],
        "summary": summary_of(history.current),
    }
    if clock is not None:
        document["clock"] = {"round": clock.round, "seconds": round(clock.seconds, 1)}
    if drafts:
        document["drafts"] = dict(drafts)
    if history.reopened:
        document["reopened"] = list(history.reopened)
    if paper is not None:
        document["table"] = paper.table
        document["paper"] = True
        document["entered"] = {
            "events": [[event, round_index] for event, round_index in paper.events],
            "factors": [[card, factor] for card, factor in paper.factors],
            **({"die": True} if paper.die else {}),
        }
    return document


# --- the model ----------------------------------------------------------------------------
def _timestamp(value: str) -> str:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(Message.of("save.timestamp")) from None
    return value


def _pair(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) and len(value) == 2 else value


ShortId = Annotated[str, Field(min_length=1, max_length=32)]
Title = Annotated[str, Field(min_length=1, max_length=90)]
LongTitle = Annotated[str, Field(min_length=1, max_length=200)]
FileName = Annotated[str, Field(min_length=1, max_length=255)]
FileText = Annotated[str, Field(max_length=4 * 1024 * 1024)]
Timestamp = Annotated[str, Field(min_length=1, max_length=40), AfterValidator(_timestamp)]
GameId = Annotated[str, Field(pattern=GAME_ID_PATTERN)]
SourceFile = Annotated[tuple[FileName, FileText], BeforeValidator(_pair)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class DeckCopy(_Strict):
    """The deck inside a save: its id, title, content hash and YAML files."""

    id: ShortId
    title: Title
    content_hash: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    sources: list[SourceFile] = Field(min_length=1, max_length=MAX_SOURCES)


LARGEST_TARGET = MAX_TARGET * max(UNIT_SCALES.values())
"""The largest facilitator's X a save may hold, in any deck's unit: the engine's limit in mio.
kr. scaled to the smallest unit a deck can have. The deck's own limit (``target_limit``) is
checked when the game is replayed, so a deck in t. kr. saves an X of 150.000 (150 mio. kr.)."""


class SettingsModel(_Strict):
    """How the game was started (see ``GameSettings``)."""

    seed: int = Field(ge=0, le=MAX_SEED)
    target: float | None = Field(ge=0, le=LARGEST_TARGET, allow_inf_nan=False)
    lang: Literal["da", "en"]
    timer_minutes: float | None = Field(
        default=None, ge=MIN_TIMER_MINUTES, le=MAX_TIMER_MINUTES, allow_inf_nan=False
    )
    table: Annotated[str, Field(max_length=MAX_TABLE_NAME)] = ""
    robot: Annotated[str, Field(max_length=20, pattern=r"^[a-z-]*$")] = ""


class SummaryModel(_Strict):
    """The summary for fast listing (never trusted for the game itself)."""

    scenario_title: LongTitle
    round: int = Field(ge=0, le=100)
    rounds: int = Field(ge=1, le=100)
    finished: bool
    won: bool | None
    state_hash: Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]


class EnteredModel(_Strict):
    """What a paper table drew and rolled (see ``build_document``)."""

    events: list[
        Annotated[tuple[ShortId, Annotated[int, Field(ge=0, le=100)]], BeforeValidator(_pair)]
    ] = Field(max_length=100)
    factors: list[
        Annotated[
            tuple[ShortId, Annotated[float, Field(ge=0, le=MAX_FACTOR, allow_inf_nan=False)]],
            BeforeValidator(_pair),
        ]
    ] = Field(max_length=500)
    die: bool = False
    """The factors not entered were rolled on the cards' dice (``PaperTable.die``); absent in
    saves entered before that rule."""


MAX_DRAFTS = 100
"""Notes on cards not yet adopted that a save holds at most (a pile has tens of cards)."""
DraftNote = Annotated[str, Field(max_length=MAX_NOTE_LENGTH)]


class ClockModel(_Strict):
    """The round timer's time used in the open round (see ``RoundClock``)."""

    round: int = Field(ge=0, le=100)
    seconds: float = Field(ge=0, le=MAX_TIMER_MINUTES * 60 * 10, allow_inf_nan=False)


class SaveDocument(_Strict):
    """A save file, version 1 (see the module docstring)."""

    format: Literal["raaderum-save"]
    version: int
    created: Timestamp
    updated: Timestamp
    game_id: GameId | None = None
    copy_of: GameId | None = None
    deck: DeckCopy
    scenario: ShortId
    settings: SettingsModel
    actions: list[Any] = Field(max_length=MAX_ACTIONS)
    redo: list[Any] = Field(max_length=MAX_ACTIONS)
    summary: SummaryModel
    table: Annotated[str, Field(min_length=1, max_length=MAX_TABLE_NAME)] | None = None
    """A paper table's name (saves of paper tables only)."""
    paper: bool = False
    entered: EnteredModel | None = None
    clock: ClockModel | None = None
    drafts: Annotated[dict[ShortId, DraftNote], Field(max_length=MAX_DRAFTS)] | None = None
    reopened: list[Annotated[int, Field(ge=0, lt=100)]] = Field(
        default_factory=list, max_length=MAX_ACTIONS
    )


# --- messages --------------------------------------------------------------------------------
_SAYS: dict[tuple[str, ...], str] = {
    ("deck", "sources"): "sources",
    ("deck", "content_hash"): "content_hash",
    ("summary", "state_hash"): "state_hash",
    ("settings", "lang"): "lang",
    ("game_id",): "game_id",
    ("copy_of",): "game_id",
    ("actions",): "moves",
    ("redo",): "moves",
}
"""What to say about a field whatever is wrong with it (``save.says.<name>``)."""
_TOO_LONG = {("actions",), ("redo",)}
_OBJECTS = {"model_type", "model_attributes_type", "dict_type"}


def _dotted(loc: tuple[str | int, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text


def _model_at(loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model that holds the field at ``loc`` (None below a list or a plain value)."""
    model: type[BaseModel] = SaveDocument
    for part in loc[:-1]:
        if not isinstance(part, str) or part not in model.model_fields:
            return None
        annotation = model.model_fields[part].annotation
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return None
        model = annotation
    return model


def _bounds(loc: tuple[str | int, ...]) -> tuple[float, float] | None:
    model = _model_at(loc)
    if model is None or not isinstance(loc[-1], str) or loc[-1] not in model.model_fields:
        return None
    low = high = None
    for item in model.model_fields[loc[-1]].metadata:
        low = getattr(item, "ge", low)
        high = getattr(item, "le", high)
    return (low, high) if low is not None and high is not None else None


def _number(value: float) -> Decimal | str:
    """A bound as the reader writes it: 0,1, 600 and 100000000000 (Danish; ``:g`` wrote the
    last as 1e+11)."""
    if not isinstance(value, float):
        return str(value)
    return Decimal(str(int(value))) if value.is_integer() else Decimal(repr(value))


def _long_number(value: Any) -> bool:
    """True for a whole number too long to be written out in a message (``show`` says it by
    its length), such as 10**400 typed where a number belongs."""
    return (
        isinstance(value, int)
        and not isinstance(value, bool)
        and whole_digits(value) > SHOWN_DIGITS
    )


def problem_text(detail: Any) -> Message:
    """One pydantic error of ``SaveDocument`` as a message about the field ("feltet
    'settings.seed' skal være et helt tal, ikke '42'")."""
    loc = tuple(detail["loc"])
    kind = detail["type"]
    value = detail.get("input")
    where: str | Message = _dotted(loc)
    if kind == "missing":
        return Message.of("save.field_missing", where=where)
    if kind == "extra_forbidden":
        model = _model_at(loc) or SaveDocument
        prefix = f"{_dotted(loc[:-1])}." if len(loc) > 1 else ""
        said = unknown_field(str(loc[-1])[:40], model.model_fields, cutoff=0.8, prefix=prefix)
        if said.key == "field.unknown":  # no misspelling of a field this version knows
            return Message.of("save.field_unknown", **said.kwargs)
        return said
    if kind in _OBJECTS:
        return Message.of("save.field_object", where=where)
    if len(loc) == 3 and loc[:2] in (("entered", "events"), ("entered", "factors")):
        # "feltet 'entered.events[1]': tuple_type": say what an item is
        return Message.of(f"save.entered_pair.{loc[1]}", where=where)
    if len(loc) == 3 and loc[:2] == ("deck", "sources") and isinstance(loc[2], int):
        return Message.of("save.source_pair", number=loc[2] + 1)
    if len(loc) == 4 and loc[:2] == ("deck", "sources") and isinstance(loc[2], int):
        part = Message.of("save.source_name" if loc[3] == 0 else "save.source_text")
        where = Message.of("save.source_part", number=loc[2] + 1, part=part)
    if kind == "too_long" and loc in _TOO_LONG:
        return Message.of("save.too_many_moves", where=where, most=float(MAX_ACTIONS))  # "10.000"
    if loc in _SAYS:
        return Message.of(f"save.says.{_SAYS[loc]}", where=where)
    if kind == "value_error":
        error = detail.get("ctx", {}).get("error")
        if isinstance(error, ValueError) and isinstance(error.args[0], Message):
            return Message.of("save.field_says", where=where, says=error.args[0])
        return Message.of("save.field_invalid", where=where)
    bounds = _bounds(loc)
    if kind in ("float_type", "finite_number") and _long_number(value):
        return Message.of("save.field_too_large", where=where, value=show(value))
    if kind in ("greater_than_equal", "less_than_equal") and bounds is not None:
        low, high = bounds
        return Message.of(
            "save.field_between",
            where=where,
            low=_number(low),
            high=_number(high),
            value=show(value),
        )
    said = message(kind, where, detail.get("ctx") or {}, value, source="JSON")
    return Message.of("save.field", problem=said)


@dataclass(frozen=True)
class Header:
    """The checked fields of a save document (everything but the replay)."""

    version: int
    created: str
    updated: str
    game_id: str
    copy_of: str | None
    deck_id: str
    deck_title: str
    content_hash: str
    sources: tuple[tuple[str, str], ...]
    settings: GameSettings
    actions: tuple[Any, ...]
    redo: tuple[Any, ...]
    summary: dict[str, Any]
    paper: PaperTable | None = None
    """What a paper table entered (None for a game played in the window)."""
    clock: RoundClock | None = None
    """The round timer's time used in the open round when saved (None: not kept)."""
    drafts: tuple[tuple[str, str], ...] = ()
    """Notes typed on cards not yet adopted."""
    reopened: tuple[int, ...] = ()
    """The years (0-based rounds) whose end was taken back after their result was shown."""


def legacy_game_id(created: str, seed: int, content_hash: str, scenario: str) -> str:
    """The game id of a save written before saves had one: the same for every copy of it."""
    text = f"{created}|{seed}|{content_hash}|{scenario}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def check_version(data: Any) -> int:
    """The format version of a save document (raises ``FormatProblem``)."""
    if not isinstance(data, dict):
        raise FormatProblem(Message.of("save.not_a_save_object"))
    if data.get("format") != FORMAT:
        raise FormatProblem(Message.of("save.not_a_save_format"))
    if "version" not in data:
        raise FormatProblem(Message.of("save.field_missing", where="version"))
    version: Any = data["version"]
    if (
        isinstance(version, bool)
        or not isinstance(version, int)
        or not 1 <= version <= MAX_PLAUSIBLE_VERSION
    ):
        # not a format number any game writes ("2", 2.5, 0, 10**400): the file is damaged
        raise FormatProblem(Message.of("save.version_invalid", value=show(version)))
    if version > VERSION:
        raise FormatProblem(Message.of("save.version_newer", version=version, reads=VERSION))
    if version == 1:
        raise FormatProblem(Message.of("save.version_1", reads=VERSION))
    return version


def check_document(data: Any) -> Header:
    """Check a save document with ``SaveDocument``; raises ``FormatProblem`` whose message is
    the first problem in Danish ("feltet 'settings.seed' skal være et helt tal, ikke '42'")."""
    version = check_version(data)
    try:
        document = SaveDocument.model_validate(data)
    except ValidationError as error:
        details = error.errors(include_url=False)
        # an unknown field first: it is often a misspelling that also makes a field "missing"
        extra = [d for d in details if d["type"] == "extra_forbidden"]
        raise FormatProblem(problem_text((extra or details)[0])) from None
    settings = document.settings
    game_settings = GameSettings(
        scenario=document.scenario,
        seed=settings.seed,
        target=settings.target,
        lang=settings.lang,
        timer_minutes=settings.timer_minutes,
        table=settings.table,
        robot=settings.robot,
    )
    paper = None
    if document.paper:
        if document.table is None or document.entered is None:
            raise FormatProblem(Message.of("save.paper_fields"))
        paper = PaperTable(
            table=document.table,
            events=tuple((e, r) for e, r in document.entered.events),
            factors=tuple((c, f) for c, f in document.entered.factors),
            die=document.entered.die,
        )
    elif document.table is not None or document.entered is not None:
        raise FormatProblem(Message.of("save.paper_only"))
    game_id = document.game_id or legacy_game_id(
        document.created, settings.seed, document.deck.content_hash, document.scenario
    )
    return Header(
        version=version,
        created=document.created,
        updated=document.updated,
        game_id=game_id,
        copy_of=document.copy_of,
        deck_id=document.deck.id,
        deck_title=document.deck.title,
        content_hash=document.deck.content_hash,
        sources=tuple((name, text) for name, text in document.deck.sources),
        settings=game_settings,
        actions=tuple(document.actions),
        redo=tuple(document.redo),
        summary=document.summary.model_dump(),
        paper=paper,
        clock=None
        if document.clock is None
        else RoundClock(document.clock.round, document.clock.seconds),
        drafts=tuple(document.drafts.items()) if document.drafts else (),
        reopened=tuple(document.reopened),
    )
