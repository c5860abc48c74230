"""The rules engine of Råderumsspillet. Pure Python and numpy; no drawing code.

The public API: ``new_game`` starts a game, ``legal_actions`` lists the decisions open to the
group, ``apply`` returns the next state or raises ``IllegalAction``. States are values; the
random generator's state lives inside them, so a seed plus an action log replays a game.
The engine reads no files: a deck is loaded by ``game.content.load_deck(path)`` (a folder or
a .yaml file; ``game.paths.standard_deck()`` is the standard deck's folder, wherever the game
is installed), which raises ``DeckError`` with each problem as ``FILE:LINE: message``.

For a bot that must see only what the table sees: ``adoptable(state)`` lists the cards it
may adopt, ``raaderum(state, visible=True)`` gives each year's råderum at the board's figures,
and ``forecast_state(state, extra)`` is the board's risk meter – the chance that every year
is met with the adopted cards (plus the card ``extra``) and the expected, 10 % and 90 %
råderum per year (``Forecast``), sampled from what the table can know. ``verdict(state)``
says how the game ends (``Verdict.reasons``); ``IllegalAction.code`` is a ``Refusal``.
``expected_factor(proposal)`` is the chance-weighted factor of an uncertain card (1 minus its
chance of failing), the figure a careful table reckons with before the card is revealed.

What an outside bot most often gets wrong (the rules are docs/rules.md):

- A card's ``effect[0]`` counts in the budget year it is adopted, ``effect[1]`` the year
  after; the last value holds for the later years. ``face(card, start, year, anchor=None)``
  gives the board's figure, with ``anchor(proposal, scenario)`` for a card tied to calendar
  years (``Proposal.calendar_year``, which a deck writes as format 2's ``effect_from_year``).
- A card takes ``load`` plus its træthed (``fatigue_of``) of the round's capacity, and
  træthed carries into the next year (``recovered``).
- The service floor is judged when the game ends (``verdict``), not at each adoption:
  ``legal_actions`` lets a table go below it for a while.
- ``raaderum(state)`` without ``visible=True`` counts the hidden factors of cards not revealed
  yet – what the verdict will say, not what the table can know: a bot that plans with it
  sees the future.
- ``Proposal.kind`` is a ``Kind`` (``Kind.SAVING``, ``Kind.EFFICIENCY``,
  ``Kind.INVESTMENT``), whatever the deck wrote (``besparelse``, ``effektivisering``,
  ``investering``): compare with the members (``p.kind is Kind.SAVING``), not with a word;
  ``p.kind == "besparelse"`` is False.
- ``apply`` on the real state plays the real game: a search that tries moves with it sees
  the pile's order, the hidden factors and the coming events. A fair search samples what the
  table cannot know (``forecast_state``).
- ``new_game`` raises ``KeyError`` for a scenario id the deck does not have
  (``deck.scenarios`` lists them) and ``ValueError`` for a seed that is not a whole number
  from 0 to ``MAX_SEED``.
- ``state.market`` holds the ids of the cards on the table now and shrinks as cards are
  adopted; name cards by id, and ask ``adoptable(state)`` which of them may be adopted (a
  card may wait for a card it requires). ``deck.exclusive_with(card)`` names the cards that
  adopting ``card`` rules out, for a plan over the rounds to come.
- ``state.round`` counts from 0, but an event's ``rounds`` count from 1, as the deck's file
  writes them: ``rounds=(3, 4)`` comes at ``state.round`` 2 or 3. The events still to come
  are the scenario's events not yet in ``state.events``, each ``weight`` times as likely as
  an event of weight 1 (``scenario.events_per_round`` a round).
- Plan later rounds with ``scenario.capacity``: ``state.capacity`` is the same every round
  (0 once the game is over); ``state.capacity_left`` is what is still free this round.
- ``SetTarget`` (the facilitator's X, changed during the game) is open until the game ends
  and never in ``legal_actions``; the closed years keep the targets they were judged against.
  ``verdict(state).targets_changed`` says whether X was changed after a year closed – a
  harness that compares bots should refuse ``SetTarget`` or count such games apart.
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
from game.engine.forecast import Forecast, forecast_state
from game.engine.history import History, replay, replay_history
from game.engine.ledger import (
    FATIGUE_RECOVERY,
    PERCEIVED_FATIGUE,
    anchor,
    event_amount,
    expected_factor,
    face,
    face_row,
    fatigue_after_events,
    fatigue_of,
    lost_capacity,
    perceived_as_saving,
    realised,
    recovered,
    service_lift,
)
from game.engine.model import KINDS, Deck, Event, Kind, Proposal, Scenario
from game.engine.randomness import DieBand, die_table, lognormal_params
from game.engine.rules import (
    MAX_SEED,
    MAX_TARGET,
    Chance,
    IllegalAction,
    Refusal,
    adoptable,
    apply,
    check,
    construction_fits,
    excluded_by,
    is_legal,
    legal_actions,
    missing_requirements,
    new_game,
    raaderum,
    scaled_targets,
    shown_raaderum,
    target_far,
    target_limit,
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
    "FATIGUE_RECOVERY",
    "KINDS",
    "MAX_NOTE_LENGTH",
    "MAX_SEED",
    "MAX_TARGET",
    "PERCEIVED_FATIGUE",
    "Action",
    "ActionFormatError",
    "Adopt",
    "Adoption",
    "Annotate",
    "Chance",
    "Deck",
    "DieBand",
    "DrawnEvent",
    "EndYear",
    "Event",
    "Forecast",
    "GameState",
    "History",
    "IllegalAction",
    "Kind",
    "Proposal",
    "Refusal",
    "Scenario",
    "SetTarget",
    "Verdict",
    "YearResult",
    "action_from_dict",
    "adoptable",
    "anchor",
    "apply",
    "check",
    "construction_fits",
    "die_table",
    "event_amount",
    "excluded_by",
    "expected_factor",
    "face",
    "face_row",
    "fatigue_after_events",
    "fatigue_of",
    "forecast_state",
    "is_legal",
    "legal_actions",
    "lognormal_params",
    "lost_capacity",
    "missing_requirements",
    "new_game",
    "perceived_as_saving",
    "raaderum",
    "realised",
    "recovered",
    "replay",
    "replay_history",
    "scaled_targets",
    "service_lift",
    "shown_raaderum",
    "state_from_dict",
    "state_hash",
    "state_to_dict",
    "target_far",
    "target_limit",
    "verdict",
    "year_total",
]
