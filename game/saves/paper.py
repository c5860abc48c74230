"""Paper tables: what a table that played on paper chose, entered afterwards, as a normal game.

A facilitator enters, round by round, the proposals a paper table adopted and the events it
drew, and the hidden factors it rolled for uncertain proposals (the others are drawn from the
table's seed, as in the game). ``paper_history`` turns that into the game's history through
the engine's rules, so the save, the report and the comparison treat a paper table like any
other game; every rule the table broke is named ("runde 2: …") instead.

``start_paper_game`` is the one place that gives the engine a table's own chance (its
``Chance``: events, factors and an open table with the whole catalogue on it).
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Sequence

from game.engine import Adopt, Chance, Deck, EndYear, History, IllegalAction, Scenario, new_game
from game.engine.rules import excluded_by
from game.engine.state import GameState
from game.saves.messages import illegal_reason
from game.saves.model import GameSettings, PaperTable

MAX_TABLE_NAME = 60
MAX_FACTOR = 10.0
"""The largest hidden factor a table may enter (the game's own rarely pass 3)."""


class PaperError(ValueError):
    """Entries that do not make a game; ``problems`` lists every one (Danish, one line each)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def parse_entries(items: Sequence[str], what: str) -> list[tuple[str, int]]:
    """(id, 0-based round) from ``ID@ROUND`` texts (ROUND 1-based); ``what`` names the option
    in messages ("--adopt"). Raises ``PaperError`` with every item that cannot be read."""
    found: list[tuple[str, int]] = []
    problems: list[str] = []
    for item in items:
        card, at, round_text = item.strip().rpartition("@")
        if not at or not card:
            problems.append(f"{what} '{item}': skriv ID@RUNDE, fx skaermbesoeg@2")
            continue
        try:
            number = int(round_text)
        except ValueError:
            problems.append(f"{what} '{item}': runden skal være et helt tal, fx {card}@2")
            continue
        found.append((card.strip(), number - 1))
    if problems:
        raise PaperError(problems)
    return found


def parse_factors(items: Sequence[str]) -> list[tuple[str, float]]:
    """(id, factor) from ``ID=FACTOR`` texts (``R307=0,8`` or ``R307=0.8``)."""
    from game.numbers import AmountError, parse_amount

    found: list[tuple[str, float]] = []
    problems: list[str] = []
    for item in items:
        card, equals, value = item.partition("=")
        if not equals or not card.strip():
            problems.append(f"--factor '{item}': skriv ID=FAKTOR, fx R307=0,8")
            continue
        try:
            factor = parse_amount(value, "da")
        except AmountError as error:
            problems.append(f"--factor '{item}': {error}")
            continue
        found.append((card.strip(), factor))
    if problems:
        raise PaperError(problems)
    return found


def check_table(deck: Deck, scenario: Scenario, table: PaperTable) -> list[str]:
    """Every problem of the entries that the rules do not find themselves: unknown ids (with a
    hint), rounds outside the scenario, an id entered twice, events in a round they may not
    come in or more than the round draws, factors out of range or for a card not adopted."""
    problems: list[str] = []
    name = table.table.strip()
    if not name:
        problems.append('skriv bordets navn (--table "Bord 3")')
    elif len(name) > MAX_TABLE_NAME:
        problems.append(f"bordets navn må højst være {MAX_TABLE_NAME} tegn")
    rounds = scenario.rounds
    seen: set[str] = set()
    for card, round_index in table.adopted:
        where = f"--adopt {card}@{round_index + 1}"
        if card not in scenario.proposals:
            problems.append(f"{where}: {_unknown('forslag', card, scenario.proposals)}")
        elif card in seen:
            problems.append(f"{where}: forslaget står to gange")
        if not 0 <= round_index < rounds:
            problems.append(f"{where}: runden skal være mellem 1 og {rounds}")
        seen.add(card)
    drawn: set[str] = set()
    per_round: dict[int, int] = {}
    for event, round_index in table.events:
        where = f"--event {event}@{round_index + 1}"
        if event not in scenario.events:
            problems.append(f"{where}: {_unknown('hændelse', event, scenario.events)}")
            continue
        if event in drawn:
            problems.append(f"{where}: hændelsen står to gange (hver trækkes højst én gang)")
        drawn.add(event)
        if not 0 <= round_index < rounds:
            problems.append(f"{where}: runden skal være mellem 1 og {rounds}")
            continue
        allowed = deck.event(event).rounds
        if allowed is not None and round_index + 1 not in allowed:
            shown = ", ".join(str(r) for r in allowed)
            problems.append(f"{where}: hændelsen kan kun trækkes i runde {shown}")
        per_round[round_index] = per_round.get(round_index, 0) + 1
    for round_index, count in sorted(per_round.items()):
        if count > scenario.events_per_round:
            problems.append(
                f"runde {round_index + 1}: {count} hændelser er angivet, men scenariet trækker "
                f"{scenario.events_per_round} pr. runde"
            )
    factored: set[str] = set()
    for card, factor in table.factors:
        where = f"--factor {card}"
        if card not in seen:
            problems.append(f"{where}: forslaget er ikke vedtaget ved bordet (--adopt {card}@…)")
        elif card in factored:
            problems.append(f"{where}: faktoren står to gange")
        if not (math.isfinite(factor) and 0 <= factor <= MAX_FACTOR):
            problems.append(f"{where}: faktoren skal være mellem 0 og {MAX_FACTOR:g}")
        factored.add(card)
    return problems


def _unknown(label: str, ref: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(ref, list(known), n=1)
    hint = f" (mente du '{close[0]}'?)" if close else ""
    return f"ukendt {label} '{ref}' i scenariet{hint}"


def paper_history(deck: Deck, settings: GameSettings, table: PaperTable) -> History:
    """The history of the paper table's game: every round's adoptions in the order entered,
    then the year's end, to the last year. Raises ``PaperError`` with every problem of the
    entries, or with the first move the rules refuse ("runde 2: …")."""
    scenario = deck.scenario(settings.scenario)
    problems = check_table(deck, scenario, table)
    if problems:
        raise PaperError(problems)
    history = History.start(start_paper_game(deck, settings, table))
    for round_index in range(scenario.rounds):
        for card in [c for c, r in table.adopted if r == round_index]:
            try:
                history = history.do(Adopt(card))
            except IllegalAction as error:
                reason = _refusal(history.current, card, error)
                raise PaperError([f"runde {round_index + 1}: {reason}"]) from None
        history = history.do(EndYear())
    return history


def _refusal(state: GameState, card: str, error: IllegalAction) -> str:
    """Why the rules refuse a paper table's adoption: a card that another adopted card rules
    out is named as such (the game has taken it off the table), and a card the game could not
    lay on the table says so."""
    if error.code == "not_in_market":
        other = excluded_by(state, card)
        if other is not None:
            return f"forslaget '{card}' kan ikke vedtages sammen med '{other}'"
        return (
            f"forslaget '{card}' kan ikke lægges på bordet i runden (bordet har plads til "
            f"{state.scenario.market} forslag)"
        )
    return illegal_reason(error)


def chance_of(scenario: Scenario, table: PaperTable) -> Chance:
    """The engine's form of what the table drew and rolled: the events per round (in the
    order entered) and the factors."""
    ordered = _ordered(table.events)
    events = tuple(
        tuple(event for event, r in ordered if r == round_index)
        for round_index in range(scenario.rounds)
    )
    return Chance(events=events, factors=tuple(table.factors), open_table=True)


def start_paper_game(deck: Deck, settings: GameSettings, table: PaperTable) -> GameState:
    """The start of a paper table's game: its own events and factors, and the whole catalogue
    on the table (the engine's ``Chance`` with an open table). Raises ``PaperError`` when the
    engine refuses the entered chance."""
    scenario = deck.scenario(settings.scenario)
    try:
        return new_game(
            deck, scenario.id, settings.seed, settings.target, chance=chance_of(scenario, table)
        )
    except IllegalAction as error:
        raise PaperError([illegal_reason(error)]) from None


def _ordered(pairs: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """The pairs sorted by round, keeping the order of entry within a round."""
    return [pair for _, pair in sorted(enumerate(pairs), key=lambda item: (item[1][1], item[0]))]
