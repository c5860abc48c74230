"""Paper tables: what a table that played on paper chose, entered afterwards, as a normal game.

A facilitator enters, round by round, the proposals a paper table adopted and the events it
drew, and the hidden factors it rolled for uncertain proposals (the others are rolled on the
card's printed die from the table's seed: a face the table could have rolled).
``paper_history`` turns that into the game's history through the engine's rules, so the save,
the report and the comparison treat a paper table like any other game; every rule the table
broke is named ("runde 2: …") instead.

``start_paper_game`` is the one place that gives the engine a table's own chance (its
``Chance``: events, factors and an open table with the whole catalogue on it).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from game.content.validation_messages import id_spelling
from game.engine import (
    Adopt,
    Chance,
    Deck,
    EndYear,
    History,
    IllegalAction,
    Scenario,
    die_table,
    new_game,
)
from game.engine.model import Proposal
from game.engine.randomness import DIE_FACES
from game.engine.rules import excluded_by
from game.engine.state import GameState
from game.messages import LANGUAGES, ByLanguage, Message, catalogue, render
from game.numbers import format_amount
from game.saves.messages import illegal_message
from game.saves.model import GameSettings, PaperTable

NO_EVENT = ("ingen", "none", "ingen hændelse", "ingen hændelser", "intet", "ingenting", "no event")
"""What ``--event`` takes instead of an id for a round in which the table drew no event (the
first is the one the help and the messages name; the others are how a host writes it)."""


def no_event(entry: str) -> bool:
    """Whether an ``--event`` entry (before its ``@``) says the table drew no event."""
    return " ".join(entry.split()).casefold() in NO_EVENT


MAX_TABLE_NAME = 60
MAX_FACTOR = 10.0
"""The largest hidden factor a table may enter (the game's own rarely pass 3)."""


T = TypeVar("T")


class PaperError(ValueError):
    """Entries that do not make a game; ``said`` lists every one as a message, ``lines(lang)``
    words them (one line each) and ``problems`` are those lines in Danish."""

    def __init__(self, said: list[Message]) -> None:
        self.said = said
        self.problems = self.lines()
        super().__init__("; ".join(self.problems))

    def lines(self, lang: str = "da") -> list[str]:
        """Every problem in ``lang``, one line each."""
        return [render(message, lang) for message in self.said]


@dataclass(frozen=True)
class Entry:
    """One entry of a sheet, as a problem names it: its words as ``raaderum enter`` spells it
    (``said``: "--adopt skole-luk@2 (2028)"), and the card or event it names with its round
    (1-based, 0 for none) and budget year, so that the window can name it in its own words
    ("»Luk den mindste landsbyskole« i runde 2 (2028)")."""

    said: str
    ref: str
    round: int = 0
    year: str = ""


def _at(where: Entry, key: str, **params: object) -> Message:
    """A problem of one entry: "--adopt x@2: …"."""
    return Message.of(
        "paper.err.at",
        where=where.said,
        problem=Message.of(key, **params),
        entry=(where.ref, where.round, where.year),
    )


@dataclass(frozen=True)
class Examples:
    """Entries to show in a message about an entry's form, taken from the scenario played
    (an example naming a card the table never saw misleads): ``ID@2`` and ``ID=0,8``."""

    adopt: str
    event: str
    factor: str


def entry_examples(deck: Deck, scenario: Scenario) -> Examples:
    """Examples of the three kinds of entry with the scenario's own cards."""
    proposal = scenario.proposals[0] if scenario.proposals else "forslag"
    event = scenario.events[0] if scenario.events else "haendelse"
    uncertain = [p for p in scenario.proposals if not _certain(deck.proposal(p))]
    factor = uncertain[0] if uncertain else proposal
    return Examples(f"{proposal}@2", f"{event}@2", f"{factor}=0,8")


def parse_entries(
    items: Sequence[str], what: str, years: Sequence[str] = (), example: str | None = None
) -> list[tuple[str, int]]:
    """(id, 0-based round) from ``ID@ROUND`` texts (ROUND 1-based, or one of the scenario's
    ``years`` as the result sheet prints them: ``akutteam@2027``); ``what`` names the option
    in messages ("--adopt"), ``example`` is a right entry to show (``entry_examples``). Raises
    ``PaperError`` with every item that cannot be read."""
    found: list[tuple[str, int]] = []
    problems: list[Message] = []
    if example is None:
        example = "flere-aeldre@2" if what == "--event" else "skaermbesoeg@2"
    for item in items:
        card, at, round_text = item.strip().rpartition("@")
        if not at or not card:
            problems.append(
                Message.of("paper.err.entry_form", what=what, item=item, example=example)
            )
            continue
        if round_text.strip() in years:  # the budget year instead of the round
            found.append((card.strip(), list(years).index(round_text.strip())))
            continue
        try:
            number = int(round_text)
        except ValueError:
            problems.append(Message.of("paper.err.round_whole", what=what, item=item, card=card))
            continue
        found.append((card.strip(), number - 1))
    if problems:
        raise PaperError(problems)
    return found


def parse_stop(text: str, scenario: Scenario) -> int:
    """The budget years a paper table finished, from ``--stopped-after``: a round (1-based) or
    one of the scenario's years. Raises ``PaperError`` when it is neither."""
    text = text.strip()
    if text in scenario.years:
        return list(scenario.years).index(text) + 1
    try:
        number = int(text)
    except ValueError:
        number = 0
    if 1 <= number <= scenario.rounds:
        return number
    years = ", ".join(scenario.years)
    raise PaperError(
        [
            _at(
                Entry(f"--stopped-after {text}", text),
                "paper.err.round_range",
                rounds=scenario.rounds,
                years=years,
            )
        ]
    )


def by_title(
    pairs: Sequence[tuple[str, T]], ids: Sequence[str], title_of: Callable[[str], str]
) -> list[tuple[str, T]]:
    """``pairs`` with every entry that is not an id of ``ids`` but an id in another letter
    case, a title of one of them (letter case and surrounding spaces aside: "Luk den mindste
    landsbyskole"), or the id as
    the budget office's workbook wrote it before the import spelt it as an id ("ÆSU-1" for
    "AeSU-1", ``id_spelling``), replaced by that card's id; anything else – a title that
    several of ``ids`` have included – is kept for ``check_table`` to report."""
    titles: dict[str, str] = {}
    shared: set[str] = set()
    for i in ids:
        folded = _folded_title(title_of(i))
        if folded in titles:
            shared.add(folded)
        titles.setdefault(folded, i)
    for folded in shared:
        del titles[folded]  # which card was meant is the table's to say
    known = set(ids)
    # an id typed in another letter case ("SKOLE-LUK" with Caps Lock on), when only one id
    # reads so; ids the deck itself tells apart by case are the table's to say
    cased: dict[str, list[str]] = {}
    for i in ids:
        cased.setdefault(i.casefold(), []).append(i)

    def resolved(card: str) -> str:
        if card in known:
            return card
        spelled = id_spelling(unicodedata.normalize("NFC", card))
        if spelled is not None and spelled in known:
            return spelled
        same = cased.get(card.strip().casefold(), [])
        if len(same) == 1:
            return same[0]
        return titles.get(_folded_title(card), card)

    return [(resolved(card), value) for card, value in pairs]


def _folded_title(title: str) -> str:
    """A title as entries are matched against it: letter case, spaces and accents on vowels
    aside ("En fast borgerkonsulent" for "Én fast …"; æ, ø and å stay letters of their own)."""
    decomposed = unicodedata.normalize("NFD", " ".join(title.split()))
    plain = "".join(c for c in decomposed if c not in _VOWEL_ACCENTS)
    return unicodedata.normalize("NFC", plain).casefold()


_VOWEL_ACCENTS = frozenset("\u0301\u0300\u0302\u0308")
"""Acute, grave, circumflex and diaeresis: the accents a keyboard leaves out ("é" typed
"e"); the ring of å is not among them."""


def likely_scenario(
    deck: Deck,
    taken: Scenario,
    adopted: Sequence[str],
    events: Sequence[str],
    *,
    exact: bool = False,
) -> str | None:
    """The id of the scenario a paper sheet (its ``ID@ROUND`` entries) more likely belongs to
    than ``taken``: one that holds every card and event entered (by id or title) and has as
    many rounds as the sheet uses, best exactly as many as the sheet has events for; None
    when no other scenario does (a card's name mistyped is no sign of another scenario).
    ``exact``: only a scenario with exactly as many rounds as the sheet uses (a sheet shorter
    than ``taken``, which it may fit as a table that stopped early)."""
    last = max(_last_round(adopted), _last_round(events))
    fitting = [
        s
        for s in deck.scenarios
        if s.id != taken.id
        and (last == s.rounds if exact else last <= s.rounds)
        and _holds(deck, s, adopted, events)
    ]
    fitting.sort(key=lambda s: s.rounds != _last_round(events))  # stable: the deck's order
    return str(fitting[0].id) if fitting else None


def sheet_fits(
    deck: Deck, scenario: Scenario, adopted: Sequence[str], events: Sequence[str]
) -> bool:
    """True when ``scenario`` holds every card and event of a paper sheet's ``ID@ROUND``
    entries (by id or title) and no round is beyond its last: a problem of the sheet is then
    no sign that the table played another scenario."""
    last = max(_last_round(adopted), _last_round(events))
    return last <= scenario.rounds and _holds(deck, scenario, adopted, events)


def _entry_ids(items: Sequence[str]) -> list[str]:
    """The ids (or titles) of ``ID@ROUND`` entries, folded as they are compared."""
    return [
        unicodedata.normalize("NFC", item).rpartition("@")[0].strip().casefold() for item in items
    ]


def _last_round(items: Sequence[str]) -> int:
    """The highest round of ``ID@ROUND`` entries (0 without one)."""
    found = [item.rpartition("@")[2].strip() for item in items]
    return max((int(r) for r in found if r.isdigit()), default=0)


def _holds(deck: Deck, scenario: Scenario, adopted: Sequence[str], events: Sequence[str]) -> bool:
    """True when ``scenario`` has every card of ``adopted`` and every event of ``events``."""
    cards = _entry_ids(adopted)
    drawn = [e for e in _entry_ids(events) if not no_event(e)]
    names = {p.casefold() for p in scenario.proposals} | {
        deck.proposal(p).title.strip().casefold() for p in scenario.proposals
    }
    happen = {e.casefold() for e in scenario.events} | {
        deck.event(e).title.strip().casefold() for e in scenario.events
    }
    return all(c in names for c in cards) and all(e in happen for e in drawn)


def entry_seed(deck: Deck, scenario: Scenario, table: PaperTable, target: float | None) -> int:
    """The seed of a paper table's game when the host gives none: derived from what was
    entered, so that entering the same sheet twice gives the same game (the factors the table
    did not write down are drawn from it). The factors entered are left out: a host who
    writes down a factor the game rolled (as ``enter`` invites) keeps every other roll."""
    entered = [
        deck.content_hash,
        scenario.id,
        table.table.strip().casefold(),
        sorted(table.adopted),
        sorted(table.events),
        target,
    ]
    digest = hashlib.sha256(json.dumps(entered, ensure_ascii=False).encode()).hexdigest()
    return int(digest[:15], 16)


def parse_factors(items: Sequence[str], example: str = "R307=0,8") -> list[tuple[str, float]]:
    """(id, factor) from ``ID=FACTOR`` texts (``R307=0,8`` or ``R307=0.8``); ``example`` is a
    right entry to show (``entry_examples``)."""
    from game.numbers import AmountError, parse_amount

    found: list[tuple[str, float]] = []
    problems: list[Message] = []
    for item in items:
        card, equals, value = item.partition("=")
        if not equals or not card.strip():
            # the example's decimal sign as each reader writes it ("R307=0.8" in English)
            shown = ByLanguage.of(da=example, en=example.replace(",", "."))
            problems.append(Message.of("paper.err.factor_form", item=item, example=shown))
            continue
        try:
            factor = parse_amount(value, "da")
        except AmountError as error:
            if error.kind == "unit":  # a factor has no unit: "1½" is told to be a number only
                error = AmountError(error.text, error.message, "extra")
            # worded for each reader: an English host got "'abc' er ikke et tal"
            reason = ByLanguage.of(**{lang: error.in_language(lang) for lang in LANGUAGES})
            problems.append(Message.of("paper.err.factor_number", item=item, reason=reason))
            continue
        found.append((card.strip(), factor))
    if problems:
        raise PaperError(problems)
    return found


@dataclass(frozen=True)
class Extent:
    """What a sheet says of its rounds besides the cards: the 0-based rounds in which the
    table drew no event (``ingen@N``), and the budget years it finished when it stopped early
    (``played``; None: all of them)."""

    quiet: frozenset[int] = frozenset()
    played: int | None = None

    def after_stop(self, scenario: Scenario, round_index: int) -> bool:
        """Whether 0-based ``round_index`` comes after the years the table finished."""
        return self.played is not None and self.played <= round_index < scenario.rounds

    def last(self, scenario: Scenario) -> int:
        """The number of rounds the table played."""
        return scenario.rounds if self.played is None else self.played


NO_EXTENT = Extent()
"""A sheet of a table that played every year and entered an event for every round."""


def check_table(
    deck: Deck,
    scenario: Scenario,
    table: PaperTable,
    extent: Extent = NO_EXTENT,
) -> list[Message]:
    """Every problem of the entries that the rules do not find themselves: unknown ids (with a
    hint), rounds outside the scenario or after the table stopped (``extent``), an id entered
    twice, events in a round they may not come in or more than the round draws, factors out
    of range or for a card not adopted."""
    problems: list[Message] = []
    name = table.table.strip()
    if not name:
        problems.append(Message.of("paper.err.no_name"))
    elif len(name) > MAX_TABLE_NAME:
        problems.append(Message.of("paper.err.long_name", most=MAX_TABLE_NAME))
    rounds = scenario.rounds
    years = ", ".join(scenario.years)
    seen: set[str] = set()
    titles = [deck.proposal(p).title for p in scenario.proposals]
    for card, round_index in table.adopted:
        where = _entry("--adopt", card, round_index, scenario)
        if card not in scenario.proposals:
            elsewhere = _elsewhere(deck, scenario, where, card)
            if elsewhere is None and card in scenario.events:  # an event under --adopt
                elsewhere = _at(where, "paper.err.is_event", ref=card)
            problems.append(
                elsewhere or _unknown(where, "proposal", card, scenario.proposals, titles)
            )
        elif card in seen:
            problems.append(_at(where, "paper.err.proposal_twice"))
        if not 0 <= round_index < rounds:
            problems.append(_at(where, "paper.err.round_range", rounds=rounds, years=years))
        elif extent.after_stop(scenario, round_index):
            problems.append(_stopped(where, scenario, extent))
        seen.add(card)
    for round_index in sorted(extent.quiet):  # "ingen@2030": a round outside the game too
        if not 0 <= round_index < rounds:
            where = _entry("--event", NO_EVENT[0], round_index, scenario)
            problems.append(_at(where, "paper.err.round_range", rounds=rounds, years=years))
    drawn: set[str] = set()
    per_round: dict[int, int] = {}
    event_titles = [deck.event(e).title for e in scenario.events]
    for event, round_index in table.events:
        where = _entry("--event", event, round_index, scenario)
        if event not in scenario.events:
            if event in scenario.proposals:  # a proposal under --event
                problems.append(_at(where, "paper.err.is_proposal", ref=event))
                continue
            problems.append(
                _elsewhere(deck, scenario, where, event, "event")
                or _unknown(where, "event", event, scenario.events, event_titles)
            )
            continue
        if event in drawn:
            problems.append(_at(where, "paper.err.event_twice"))
        drawn.add(event)
        if not 0 <= round_index < rounds:
            problems.append(_at(where, "paper.err.round_range", rounds=rounds, years=years))
            continue
        if extent.after_stop(scenario, round_index):
            problems.append(_stopped(where, scenario, extent))
            continue
        allowed = deck.event(event).rounds
        if allowed is not None and round_index + 1 not in allowed:
            numbers = [str(r) for r in allowed]
            shown = ByLanguage.of(**{lang: catalogue(lang).join(numbers) for lang in LANGUAGES})
            problems.append(_at(where, "paper.err.event_rounds", rounds=shown))
        per_round[round_index] = per_round.get(round_index, 0) + 1
    for round_index, count in sorted(per_round.items()):
        if count > scenario.events_per_round:
            problems.append(
                Message.of(
                    f"paper.err.too_many_events.{'one' if count == 1 else 'many'}",
                    round=round_index + 1,
                    count=count,
                    per_round=scenario.events_per_round,
                )
            )
    factored: set[str] = set()
    for card, factor in table.factors:
        where = Entry(f"--factor {card}", card)
        if card not in seen and card not in scenario.proposals:
            # "BUF11" for BUF-11: said as the unknown id it is, with the one meant
            problems.append(_unknown(where, "proposal", card, scenario.proposals, titles))
        elif card not in seen:
            problems.append(_at(where, "paper.err.factor_not_adopted", card=card))
        elif deck.has_proposal(card) and _certain(deck.proposal(card)):
            problems.append(_at(where, "paper.err.factor_certain", card=card))
        elif card in factored:
            problems.append(_at(where, "paper.err.factor_twice"))
        roll = _die_roll(deck, card, factor)
        if roll is not None:  # "=17": the face the table rolled, not the factor it gives
            problems.append(_at(where, "paper.err.factor_roll", roll=roll[0], factor=roll[1]))
        elif not (math.isfinite(factor) and 0 <= factor <= MAX_FACTOR):
            problems.append(_at(where, "paper.err.factor_range", most=f"{MAX_FACTOR:g}"))
        elif deck.has_proposal(card) and not _certain(deck.proposal(card)):
            proposal = deck.proposal(card)
            bands = die_table(proposal.uncertainty, proposal.failure)
            faces = sorted({band.factor for band in bands})
            if factor > faces[-1] + 1e-9:  # 7 for 0,7: more than the die can give
                shown = ByLanguage.of(
                    **{
                        lang: " · ".join(format_amount(f, lang) for f in faces)
                        for lang in LANGUAGES
                    }
                )
                # the typed factor with its own decimals: "1,104 er større end … 1,1", not "1,1"
                typed = ByLanguage.of(
                    **{lang: format_amount(factor, lang, decimals=3) for lang in LANGUAGES}
                )
                problems.append(
                    _at(
                        where,
                        "paper.err.factor_above_die",
                        factor=typed,
                        most=float(faces[-1]),
                        faces=shown,
                    )
                )
        factored.add(card)
    if problems:
        # a round left out of the entries altogether is often the cause of the others (a
        # factor "not adopted" because the round that adopted it was not typed in); a round
        # outside the game is its own problem, and a round entered as quiet is not left out
        used = {r for _, r in table.adopted} | {r for _, r in table.events} | set(extent.quiet)
        later = max((r for r in used if 0 <= r < rounds), default=-1)
        for round_index in range(min(later, rounds)):
            if round_index not in used:
                problems.append(
                    Message.of(
                        "paper.err.round_empty",
                        round=round_index + 1,
                        year=scenario.years[round_index],
                    )
                )
    return problems


def _entry(what: str, card: str, round_index: int, scenario: Scenario) -> Entry:
    """An entry as messages name it: "--adopt skole-luk@2 (2028)" (the round and, when the
    scenario has it, its budget year – the result sheet prints years)."""
    said = f"{what} {card}@{round_index + 1}"
    if 0 <= round_index < len(scenario.years):
        year = scenario.years[round_index]
        return Entry(f"{said} ({year})", card, round_index + 1, year)
    return Entry(said, card, round_index + 1)


def _stopped(where: Entry, scenario: Scenario, extent: Extent) -> Message:
    last = extent.last(scenario)
    year = scenario.years[last - 1] if last > 0 else ""
    return _at(where, "paper.err.after_stop", played=last, year=year)


def rounds_short_of_events(deck: Deck, scenario: Scenario, table: PaperTable) -> list[int]:
    """The 0-based rounds in which the table entered fewer events than the rules draw (the
    scenario's events per round, as far as its pile still holds events for that round). The
    game would play such a round without the missing event, so the entering screens ask for
    it, or for a word that the table drew none; a save is never refused for it."""
    entered: dict[int, int] = {}
    for _, round_index in table.events:
        entered[round_index] = entered.get(round_index, 0) + 1
    taken = {event for event, _ in table.events}
    untaken = [deck.event(event) for event in scenario.events if event not in taken]
    short = []
    for round_index in range(scenario.rounds):
        left = sum(1 for e in untaken if e.rounds is None or round_index + 1 in e.rounds)
        have = entered.get(round_index, 0)
        if have < min(scenario.events_per_round, have + left):
            short.append(round_index)
    return short


def missing_events(
    deck: Deck,
    scenario: Scenario,
    table: PaperTable,
    extent: Extent = NO_EXTENT,
) -> list[Message]:
    """The problems of a table's events as entered: a round with fewer events than the rules
    draw (``rounds_short_of_events``) unless the table drew none in it or stopped before it
    (``extent``), and a quiet round that has an event, is outside the game or after the
    stop. Empty when the events are complete."""
    problems: list[Message] = []
    for round_index in sorted(extent.quiet):
        where = Entry(f"--event {NO_EVENT[0]}@{round_index + 1}", NO_EVENT[0], round_index + 1)
        if not 0 <= round_index < scenario.rounds:
            years = ", ".join(scenario.years)
            problems.append(
                _at(where, "paper.err.round_range", rounds=scenario.rounds, years=years)
            )
        elif extent.after_stop(scenario, round_index):
            problems.append(_stopped(where, scenario, extent))
        elif any(r == round_index for _, r in table.events):
            problems.append(_at(where, "paper.err.none_and_event", round=round_index + 1))
    per_round = scenario.events_per_round
    # the last round the sheet has anything in: a blank round after it may be one the
    # table never played (a table that ran out of time, told only to enter its event, was
    # saved as finished and lost with a year it never played)
    entered = [r for _, r in (*table.adopted, *table.events)] + list(extent.quiet)
    last = max(entered, default=-1)
    asked = False  # the blank rounds at the end are asked about once, at the first of them
    for round_index in rounds_short_of_events(deck, scenario, table):
        if round_index in extent.quiet or extent.after_stop(scenario, round_index):
            continue
        if extent.played is None and 0 <= last < round_index:
            if asked:
                continue
            asked = True
            problems.append(
                Message.of(
                    "paper.err.no_event_blank",
                    round=round_index + 1,
                    per_round=per_round,
                    played=last + 1,
                    year=scenario.years[last],
                )
            )
        else:
            problems.append(
                Message.of("paper.err.no_event", round=round_index + 1, per_round=per_round)
            )
    return problems


ROUND_PROBLEMS = frozenset(
    {
        "paper.err.round_range",
        "paper.err.round_empty",
        "paper.err.round_whole",
        "paper.err.after_stop",
        "paper.err.entry_form",
        "paper.err.other_scenario",
        "paper.err.other_scenario_event",
    }
)
"""Problems of a sheet's rounds, or of a sheet of another scenario (whose rounds are not
this one's): with one of them, the events missing are not said yet."""


def _keys(message: Message) -> set[str]:
    """The catalogue keys of ``message`` and of the messages among its parameters."""
    found = {message.key}
    for value in message.kwargs.values():
        if isinstance(value, Message):
            found |= _keys(value)
    return found


def entered_history(
    deck: Deck, settings: GameSettings, table: PaperTable, extent: Extent = NO_EXTENT
) -> History:
    """``paper_history`` of a sheet typed in, with the events it lacks (``missing_events``)
    said among its other problems: a card entered twice was said alone, and the missing
    event of another round only at the next run. Not when a round is out of place or the
    sheet is another scenario's (``ROUND_PROBLEMS``): that is what to mend first.
    Raises ``PaperError`` with every problem."""
    try:
        history = paper_history(deck, settings, table, extent)
        found: list[Message] = []
    except PaperError as error:
        found = list(error.said)
    if not any(_keys(m) & ROUND_PROBLEMS for m in found):
        scenario = deck.scenario(settings.scenario)
        found += [m for m in missing_events(deck, scenario, table, extent) if m not in found]
    if found:
        raise PaperError(found)
    return history


def drawn_factors(state: GameState, table: PaperTable) -> list[tuple[str, float]]:
    """(card, factor) for every uncertain card of a paper table whose factor the game drew
    because the table did not enter its roll – only cards that gave a gain (the table rolls
    for no other), in the order adopted. The host is told them, to write on the sheet."""
    rolled = {card for card, _ in table.factors}
    return [
        (adoption.card, adoption.factor)
        for adoption in state.adopted
        if adoption.card not in rolled
        and state.deck.proposal(adoption.card).is_uncertain
        and adoption.revealed
    ]


def _certain(proposal: Proposal) -> bool:
    # a card without uncertainty or risk of failure always gives its amount: no factor
    return proposal.uncertainty == 0 and proposal.failure == 0


def _unknown(
    where: Entry, kind: str, ref: str, known: Sequence[str], titles: Sequence[str] = ()
) -> Message:
    """An id the scenario does not know, with the closest id – or title, for an entry written
    as a title ("Luk den mindste landsbyskolee") – as a hint; a title that several of its
    cards have ("Madservice" in two committees) is said with their ids."""
    folded = _folded_title(ref)
    sharing = [i for i, title in zip(known, titles) if _folded_title(title) == folded]
    if len(sharing) > 1:
        ids = ", ".join(f"'{i}'" for i in sharing)
        return _at(where, f"paper.err.title_shared.{kind}", ref=ref.strip(), ids=ids)
    close = _typed_alike(ref, known) or difflib.get_close_matches(ref, list(known), n=1)
    if not close and titles:
        by_folded = {title.casefold(): title for title in titles}
        nearest = difflib.get_close_matches(ref.strip().casefold(), list(by_folded), n=1)
        close = [by_folded[f] for f in nearest]
    if close:
        return _at(where, f"paper.err.unknown_close.{kind}", ref=ref, close=close[0])
    return _at(where, f"paper.err.unknown.{kind}", ref=ref)


_LOOKALIKE = str.maketrans({"o": "0", "l": "1", "i": "1"})
"""Letters a hand-written or hastily typed id mixes up with digits ("SOS-O1", "SOS-0l")."""


def _id_key(ref: str) -> str:
    """An id as a host may type it: case, separators, look-alike letters and leading zeros
    of its numbers set aside ("SOS-O1", "sos 01" and "SOS-1" are all "s0s1")."""
    folded = re.sub(r"[\s\-_.]", "", ref.casefold()).translate(_LOOKALIKE)
    return re.sub(r"\d+", lambda m: str(int(m.group())), folded)


def _typed_alike(ref: str, known: Sequence[str]) -> list[str]:
    """The one id of ``known`` that ``ref`` is a mistyping of by ``_id_key`` ([] when none or
    several are): "mente du 'SOS-13'?" was said of "SOS-O1", where the host meant SOS-01."""
    key = _id_key(ref)
    found = [i for i in known if _id_key(i) == key]
    return found if len(found) == 1 else []


def _die_roll(deck: Deck, card: str, factor: float) -> tuple[int, float] | None:
    """(face, the factor it gives) when ``factor`` is a face of the d20 above any factor
    (11–20) for an uncertain card of ``deck``: the host typed the roll, not its factor."""
    if not (math.isfinite(factor) and factor.is_integer() and MAX_FACTOR < factor <= DIE_FACES):
        return None
    if not deck.has_proposal(card) or _certain(deck.proposal(card)):
        return None
    proposal = deck.proposal(card)
    face = int(factor)
    bands = die_table(proposal.uncertainty, proposal.failure)
    found = next((b.factor for b in bands if b.first <= face <= b.last), None)
    return None if found is None else (face, float(found))


def _elsewhere(
    deck: Deck, scenario: Scenario, where: Entry, card: str, kind: str = "proposal"
) -> Message | None:
    """A proposal (``kind`` "event": an event) of the deck that the scenario does not hold:
    which scenarios do (the host entered the sheet of another scenario, or forgot
    --scenario) – rather than the closest id of this scenario, which misled."""
    known = deck.has_proposal(card) if kind == "proposal" else deck.has_event(card)
    if not known:
        # written by its title, as a paper sheet names cards ("To dagcentre bliver til ét"),
        # or by its id in capitals
        items = deck.proposals if kind == "proposal" else deck.events
        folded = _folded_title(card)
        titled = [i.id for i in items if folded in (_folded_title(i.title), i.id.casefold())]
        own = scenario.proposals if kind == "proposal" else scenario.events
        if not titled or any(i in own for i in titled):
            return None  # unknown, or a title the scenario's own cards share (``_unknown``)
        card = titled[0]
    holding = [
        s.id for s in deck.scenarios if card in (s.proposals if kind == "proposal" else s.events)
    ]
    if not holding:
        return None
    shown = ByLanguage.of(**{lang: catalogue(lang).join(holding) for lang in LANGUAGES})
    key = "paper.err.other_scenario" if kind == "proposal" else "paper.err.other_scenario_event"
    return _at(where, key, card=card, scenario=scenario.id, holding=shown)


def paper_history(
    deck: Deck,
    settings: GameSettings,
    table: PaperTable,
    extent: Extent = NO_EXTENT,
) -> History:
    """The history of the paper table's game: every round's adoptions in the order entered,
    then the year's end, to the last year – or, for a table that stopped early (``extent``),
    to the end of the last year it finished: the game is then saved unfinished, its next
    year open, as a game left in the window.
    Raises ``PaperError`` with every problem of the entries, or with the first move the rules
    refuse ("runde 2: …")."""
    scenario = deck.scenario(settings.scenario)
    problems = check_table(deck, scenario, table, extent)
    if problems:
        raise PaperError(problems)
    history = History.start(start_paper_game(deck, settings, table))
    for round_index in range(extent.last(scenario)):
        for card in _required_first(deck, [c for c, r in table.adopted if r == round_index]):
            try:
                history = history.do(Adopt(card))
            except IllegalAction as error:
                reason = _refusal(history.current, card, error)
                said = Message.of("paper.err.in_round", round=round_index + 1, reason=reason)
                entered = [c for c, r in table.adopted if r == round_index]
                if error.code == "over_capacity":  # what the host can check on the sheet
                    hint = Message.of(
                        "paper.err.over_capacity_hint",
                        round=round_index + 1,
                        year=scenario.years[round_index],
                        count=len(entered),
                        cards=", ".join(entered),
                        capacity=scenario.capacity,
                    )
                    raise PaperError([said, hint]) from None
                raise PaperError([said]) from None
        history = history.do(EndYear())
    return history


def _required_first(deck: Deck, cards: list[str]) -> list[str]:
    """A round's adoptions in the order entered, except that a card comes after the cards of
    the same round it requires (a result sheet records no order within a round, and the
    rules allow a card that another one requires to be adopted earlier in the same round)."""
    placed: list[str] = []
    waiting = list(cards)
    while waiting:
        ready = next(
            (
                card
                for card in waiting
                if all(r in placed or r not in cards for r in deck.proposal(card).requires)
            ),
            waiting[0],  # a cycle (or an unknown card): left to the rules to refuse
        )
        placed.append(ready)
        waiting.remove(ready)
    return placed


def _refusal(state: GameState, card: str, error: IllegalAction) -> Message:
    """Why the rules refuse a paper table's adoption: a card that another adopted card rules
    out is named as such (the game has taken it off the table), and a card the game could not
    lay on the table says so."""
    if error.code == "not_in_market":
        other = excluded_by(state, card)
        if other is not None:
            return Message.of("paper.err.excluded", card=card, other=other)
        return Message.of("paper.err.no_room", card=card, market=state.scenario.market)
    return illegal_message(error)


def chance_of(scenario: Scenario, table: PaperTable) -> Chance:
    """The engine's form of what the table drew and rolled: the events per round (in the
    order entered) and the factors."""
    ordered = _ordered(table.events)
    events = tuple(
        tuple(event for event, r in ordered if r == round_index)
        for round_index in range(scenario.rounds)
    )
    return Chance(events=events, factors=tuple(table.factors), open_table=True, die=table.die)


def start_paper_game(deck: Deck, settings: GameSettings, table: PaperTable) -> GameState:
    """The start of a paper table's game: its own events and factors, and the whole catalogue
    on the table (the engine's ``Chance`` with an open table). Raises ``PaperError`` when the
    engine refuses the entered chance."""
    scenario = deck.scenario(settings.scenario)
    # an event in a round the game does not have (a hand-edited save) was dropped without a
    # word, and the year's figures changed
    beyond = [(event, r) for event, r in table.events if not 0 <= r < scenario.rounds]
    if beyond:
        years = ", ".join(scenario.years)
        raise PaperError(
            [
                _at(
                    _entry("--event", event, r, scenario),
                    "paper.err.round_range",
                    rounds=scenario.rounds,
                    years=years,
                )
                for event, r in beyond
            ]
        )
    try:
        return new_game(
            deck, scenario.id, settings.seed, settings.target, chance=chance_of(scenario, table)
        )
    except IllegalAction as error:
        raise PaperError([illegal_message(error)]) from None


def _ordered(pairs: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """The pairs sorted by round, keeping the order of entry within a round."""
    return [pair for _, pair in sorted(enumerate(pairs), key=lambda item: (item[1][1], item[0]))]
