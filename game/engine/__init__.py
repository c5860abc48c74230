"""The rules engine of Råderumsspillet. Pure Python and numpy; no drawing code.

The public API: ``new_game`` starts a game, ``legal_actions`` lists the decisions open to the
group, ``apply`` returns the next state or raises ``IllegalAction``. States are values; the
random generator's state lives inside them, so a seed plus an action log replays a game.
"""

from game.engine.actions import (
    MAX_NOTE_LENGTH,
    Action,
    ActionFormatError,
    Adopt,
    Annotate,
    EndYear,
    SetTarget,
    action_from_dict,
)
from game.engine.history import History, replay, replay_history
from game.engine.ledger import event_amount, realised
from game.engine.model import KINDS, Deck, Event, Kind, Proposal, Scenario
from game.engine.randomness import lognormal_params
from game.engine.rules import (
    MAX_TARGET,
    Chance,
    IllegalAction,
    apply,
    check,
    excluded_by,
    is_legal,
    legal_actions,
    new_game,
    raaderum,
    year_total,
)
from game.engine.state import (
    Adoption,
    DrawnEvent,
    GameState,
    YearResult,
    state_from_dict,
    state_hash,
    state_to_dict,
)
from game.engine.verdict import Verdict, verdict

__all__ = [
    "KINDS",
    "MAX_NOTE_LENGTH",
    "MAX_TARGET",
    "Action",
    "ActionFormatError",
    "Adopt",
    "Adoption",
    "Annotate",
    "Chance",
    "Deck",
    "DrawnEvent",
    "EndYear",
    "Event",
    "GameState",
    "History",
    "IllegalAction",
    "Kind",
    "Proposal",
    "Scenario",
    "SetTarget",
    "Verdict",
    "YearResult",
    "action_from_dict",
    "apply",
    "check",
    "event_amount",
    "excluded_by",
    "is_legal",
    "legal_actions",
    "lognormal_params",
    "new_game",
    "raaderum",
    "realised",
    "replay",
    "replay_history",
    "state_from_dict",
    "state_hash",
    "state_to_dict",
    "verdict",
    "year_total",
]
