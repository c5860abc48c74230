"""The deck format, versions 1 and 2, as pydantic models.

These models check one card or one header at a time (so every problem in a deck is found in
one pass) and produce the published JSON Schema (``raaderum schema``, ``decks/schema.json``).
Version 2 adds fields a version-1 deck does not have (``V2_FIELDS``); the loader refuses them
in a version-1 deck with a message that says to write ``schema_version: 2``. Amounts are
checked against limits that follow the deck's unit in the loader (``unit_scale``).
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from game.engine.rules import MAX_TARGET
from game.numbers import UNIT_SCALES as UNIT_SCALES
from game.numbers import is_known_unit as is_known_unit
from game.numbers import unit_scale as unit_scale

ID_PATTERN = r"^[A-Za-z0-9_.\-]+$"
SCHEMA_VERSION = 2
"""The newest deck format; version 1 is still read."""

AMOUNT_LIMIT = 1000.0
"""The largest amount a card may carry, in mio. kr.; other units scale it (``unit_scale``)."""
TARGET_LIMIT = MAX_TARGET
"""The largest target, in mio. kr. (the engine's limit); other units scale it."""

WELFARE_AREAS: tuple[str, ...] = (
    "Ældre",
    "Sundhed",
    "Skole",
    "Dagtilbud",
    "Børn og unge",
    "Social og handicap",
    "Psykiatri",
    "Beskæftigelse",
)
"""The welfare areas of a deck that names none: an efficiency there is easily seen as a saving
(KL, "Et sprog for råderumsarbejdet": the second barrier)."""

V2_FIELDS: dict[str, tuple[str, ...]] = {
    "deck": ("welfare_areas", "sign"),
    "proposals": ("requires", "fatigue", "construction", "effect_from_year"),
    "events": ("source", "fatigue"),
    "scenarios": ("construction_budget",),
}
"""Fields that need ``schema_version: 2``."""


KIND_NAMES: dict[str, str] = {
    "saving": "saving",
    "efficiency": "efficiency",
    "investment": "investment",
    "besparelse": "saving",
    "effektivisering": "efficiency",
    "investering": "investment",
}

KIND_ALIASES: dict[str, str] = {
    "spareforslag": "besparelse",
    "besparelsesforslag": "besparelse",
    "b": "besparelse",
    "effektiviseringsforslag": "effektivisering",
    "e": "effektivisering",
    "investeringsforslag": "investering",
    "i": "investering",
}
"""What a budget office's own sheet writes for the three kinds ("Spareforslag", "B/E/I")."""

KIND_DEFAULTS: dict[str, dict[str, float]] = {
    "saving": {"uncertainty": 0.05, "service": -2, "load": 1},
    "efficiency": {"uncertainty": 0.2, "service": 0, "load": 2},
    "investment": {"uncertainty": 0.4, "service": 1, "load": 3},
}


def _year_label(value: Any) -> Any:
    """Years may be written as numbers (2027) or text ("2027"); both become text, without
    spaces around it (a year of spaces alone is empty: it was accepted, and the board showed
    no year)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value.strip()
    return value


MAX_CAPACITY = 30
"""The most capacity a scenario may have (a round's belastning and træthed together)."""

ID_MAX = 32
"""The longest a card's id may be."""
CardId = Annotated[str, Field(min_length=1, max_length=ID_MAX, pattern=ID_PATTERN)]
Amount = Annotated[float, Field(allow_inf_nan=False)]
"""An amount in the deck's unit; the loader checks the limit that follows the unit
(``crosschecks.check_amounts``: 1.000 mio. kr., 1.000.000 t. kr.). No bound of its own here:
1e30 was told "må højst være 1.000.000.000" where 111.111 was told 1.000."""
Effect = Annotated[list[Amount], Field(min_length=1, max_length=10)]
Service = Annotated[int, Field(ge=-5, le=5)]
YearLabel = Annotated[
    str,
    BeforeValidator(_year_label),
    Field(min_length=1, max_length=12),
    WithJsonSchema(
        {"anyOf": [{"type": "string", "minLength": 1, "maxLength": 12}, {"type": "integer"}]}
    ),
]


def _one_line(value: Any) -> Any:
    """A title written as a YAML block (``title: |``) keeps its line breaks; a title is one
    line on the board and the card, so the breaks become spaces and the ends are trimmed."""
    if isinstance(value, str) and ("\n" in value or "\r" in value):
        return " ".join(value.split())
    return value


Title = Annotated[
    str,
    BeforeValidator(_one_line),
    Field(min_length=1, max_length=90),
    WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 90}),
]
"""A card's, a scenario's or the deck's title: one line of at most 90 characters."""
Target = Annotated[float, Field(ge=0, le=1e11, allow_inf_nan=False)]
"""A target in the deck's unit; the loader checks the limit that follows the unit."""
Fatigue = Annotated[int, Field(ge=0, le=10)]


def _trimmed(value: Any) -> Any:
    """A unit is read without the spaces around it, so a unit of spaces alone is empty (it
    was called an unknown unit, and its amounts were checked as mio. kr.)."""
    return value.strip() if isinstance(value, str) else value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


DEFAULT_UNIT = "mio. kr."
"""The unit of a deck whose header writes none."""
MAX_UNIT_LENGTH = 20


class DeckHeader(_Strict):
    """The ``deck:`` block: which deck this is."""

    id: CardId
    title: Title
    language: Literal["da", "en"] = "da"
    unit: Annotated[
        str, BeforeValidator(_trimmed), Field(min_length=1, max_length=MAX_UNIT_LENGTH)
    ] = DEFAULT_UNIT
    schema_version: Literal[1, 2]
    welfare_areas: list[Annotated[str, Field(min_length=1, max_length=40)]] | None = None
    """Areas where an efficiency is seen as a saving; default ``WELFARE_AREAS``."""
    sign: Literal["savings_positive", "savings_negative"] = "savings_positive"
    """``savings_negative``: amounts are written as budget changes, a reduction of expenses
    negative (as Norddjurs's tables); the loader turns every amount's sign."""


class ProposalSpec(_Strict):
    """One proposal card (forslag)."""

    id: CardId
    kind: Literal[
        "saving", "efficiency", "investment", "besparelse", "effektivisering", "investering"
    ]
    title: Title
    area: Annotated[str, Field(min_length=1, max_length=40)]
    effect: Effect
    text: Annotated[str, Field(max_length=600)] = ""
    uncertainty: Annotated[float, Field(ge=0, le=1)] | None = None
    failure: Annotated[float, Field(ge=0, le=0.95)] = 0.0
    service: Service | None = None
    load: Annotated[int, Field(ge=1, le=5)] | None = None
    staff: Annotated[float, Field(ge=-10_000, le=10_000, allow_inf_nan=False)] | None = None
    question: Annotated[str, Field(max_length=300)] = ""
    source: Annotated[str, Field(max_length=300)] = ""
    excludes: list[CardId] = []
    requires: list[CardId] = []
    fatigue: Fatigue | None = None
    construction: Annotated[float, Field(ge=0, le=1e9, allow_inf_nan=False)] = 0.0
    effect_from_year: YearLabel | None = None


class EventSpec(_Strict):
    """One event card (hændelse)."""

    id: CardId
    title: Title
    effect: Effect
    text: Annotated[str, Field(max_length=600)] = ""
    service: Service = 0
    rounds: Annotated[list[Annotated[int, Field(ge=1, le=8)]], Field(min_length=1)] | None = None
    weight: Annotated[float, Field(gt=0, le=1000, allow_inf_nan=False)] = 1.0
    source: Annotated[str, Field(max_length=300)] = ""
    fatigue: Annotated[int, Field(ge=-5, le=10)] = 0


class ScenarioSpec(_Strict):
    """One scenario: the years, the target and which cards are in play."""

    id: CardId
    title: Title
    briefing: Annotated[str, Field(max_length=1000)] = ""
    years: Annotated[list[YearLabel], Field(min_length=2, max_length=8)]
    target: Target | Annotated[list[Target], Field(min_length=2, max_length=8)]
    capacity: Annotated[int, Field(ge=1, le=MAX_CAPACITY)] = 6
    market: Annotated[int, Field(ge=3, le=15)] = 8
    events_per_round: Annotated[int, Field(ge=0, le=3)] = 1
    events: list[CardId] | None = None
    proposals: list[CardId] | None = None
    service_floor: Annotated[int, Field(ge=-100, le=100)] | None = None
    require_all_kinds: bool = True
    construction_budget: Annotated[float, Field(ge=0, le=1e11, allow_inf_nan=False)] | None = None


class DeckFile(_Strict):
    """One YAML file of a deck. Every key is optional in a file; ``deck`` must appear exactly
    once across the files of a deck."""

    deck: DeckHeader | None = None
    proposals: list[ProposalSpec] = []
    events: list[EventSpec] = []
    scenarios: list[ScenarioSpec] = []


SECTIONS: dict[str, type[_Strict]] = {
    "proposals": ProposalSpec,
    "events": EventSpec,
    "scenarios": ScenarioSpec,
}


def json_schema(lang: str = "da") -> dict[str, Any]:
    """The JSON Schema of one deck file, for editors (VS Code's YAML extension and others),
    with the explanation of every block and field (``field_help``) in ``lang`` ("da" or
    "en") as ``description``, which the editor shows on hover."""
    from game.content import field_help

    sections, fields = (
        (field_help.SECTIONS_HELP_EN, field_help.FIELDS_HELP_EN)
        if lang == "en"
        else (field_help.SECTIONS_HELP, field_help.FIELDS_HELP)
    )
    schema = DeckFile.model_json_schema()
    blocks = {"DeckFile": schema, **schema.get("$defs", {})}
    for name, block in blocks.items():
        if name in sections:
            block["description"] = sections[name]
        for field, help_text in fields.get(name, {}).items():
            block["properties"][field]["description"] = help_text
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "raaderum-deck-v2.json",
        "title": "Råderumsspillet deck file (schema version 2; version 1 is still read)",
        **schema,
    }


def json_schema_text(lang: str = "da") -> str:
    """``json_schema(lang)`` as the text of a schema file (``decks/schema.json``, the one an
    imported deck folder gets), ending in a line break."""
    return json.dumps(json_schema(lang), indent=2, ensure_ascii=False) + "\n"
