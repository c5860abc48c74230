"""The deck format, version 1, as pydantic models.

These models check one card or one header at a time (so every problem in a deck is found in
one pass) and produce the published JSON Schema (``raaderum schema``, ``decks/schema.json``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from game.engine.rules import MAX_TARGET

ID_PATTERN = r"^[A-Za-z0-9_.\-]+$"
SCHEMA_VERSION = 1

KIND_NAMES: dict[str, str] = {
    "saving": "saving",
    "efficiency": "efficiency",
    "investment": "investment",
    "besparelse": "saving",
    "effektivisering": "efficiency",
    "investering": "investment",
}

KIND_DEFAULTS: dict[str, dict[str, float]] = {
    "saving": {"uncertainty": 0.05, "service": -2, "load": 1},
    "efficiency": {"uncertainty": 0.2, "service": 0, "load": 2},
    "investment": {"uncertainty": 0.4, "service": 1, "load": 3},
}


def _year_label(value: Any) -> Any:
    """Years may be written as numbers (2027) or text ("2027"); both become text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


CardId = Annotated[str, Field(min_length=1, max_length=32, pattern=ID_PATTERN)]
Amount = Annotated[float, Field(ge=-1000, le=1000, allow_inf_nan=False)]
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
Target = Annotated[float, Field(ge=0, le=int(MAX_TARGET), allow_inf_nan=False)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class DeckHeader(_Strict):
    """The ``deck:`` block: which deck this is."""

    id: CardId
    title: Annotated[str, Field(min_length=1, max_length=90)]
    language: Literal["da", "en"] = "da"
    unit: Annotated[str, Field(min_length=1, max_length=20)] = "mio. kr."
    schema_version: Literal[1]


class ProposalSpec(_Strict):
    """One proposal card (forslag)."""

    id: CardId
    kind: Literal[
        "saving", "efficiency", "investment", "besparelse", "effektivisering", "investering"
    ]
    title: Annotated[str, Field(min_length=1, max_length=90)]
    area: Annotated[str, Field(min_length=1, max_length=40)]
    effect: Effect
    text: Annotated[str, Field(max_length=600)] = ""
    uncertainty: Annotated[float, Field(ge=0, le=1)] | None = None
    failure: Annotated[float, Field(ge=0, le=0.95)] = 0.0
    service: Service | None = None
    load: Annotated[int, Field(ge=1, le=5)] | None = None
    staff: Annotated[float, Field(ge=-10_000, le=10_000, allow_inf_nan=False)] | None = None
    question: Annotated[str, Field(max_length=300)] = ""
    source: Annotated[str, Field(max_length=200)] = ""
    excludes: list[CardId] = []


class EventSpec(_Strict):
    """One event card (hændelse)."""

    id: CardId
    title: Annotated[str, Field(min_length=1, max_length=90)]
    effect: Effect
    text: Annotated[str, Field(max_length=600)] = ""
    service: Service = 0
    rounds: Annotated[list[Annotated[int, Field(ge=1, le=8)]], Field(min_length=1)] | None = None
    weight: Annotated[float, Field(gt=0, le=1000, allow_inf_nan=False)] = 1.0


class ScenarioSpec(_Strict):
    """One scenario: the years, the target and which cards are in play."""

    id: CardId
    title: Annotated[str, Field(min_length=1, max_length=90)]
    briefing: Annotated[str, Field(max_length=1000)] = ""
    years: Annotated[list[YearLabel], Field(min_length=2, max_length=8)]
    target: Target | Annotated[list[Target], Field(min_length=2, max_length=8)]
    capacity: Annotated[int, Field(ge=1, le=30)] = 6
    market: Annotated[int, Field(ge=3, le=15)] = 8
    events_per_round: Annotated[int, Field(ge=0, le=3)] = 1
    events: list[CardId] | None = None
    proposals: list[CardId] | None = None
    service_floor: Annotated[int, Field(ge=-100, le=100)] | None = None
    require_all_kinds: bool = True


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


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one deck file, for editors (VS Code's YAML extension and others)."""
    schema = DeckFile.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "raaderum-deck-v1.json",
        "title": "Råderumsspillet deck file (schema version 1)",
        **schema,
    }
