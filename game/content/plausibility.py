"""Is the deck what its author meant? Checks of a deck that loads, for what is easily written
wrong without breaking a rule: a sign convention that turns every saving into a cost, events
whose sign looks turned, amounts in another unit than the deck's, cards that never reach a
table, amounts and rounds that no scenario reaches, a table that can never be filled, hidden
characters in names.

``raaderum validate`` (through the loader) and ``raaderum import`` (``game.catalogue``) use the
same checks, so a rule stands in one place; the import words some of them in the workbook's
words (its keys ``catalogue.*``). The checks take the ``Deck`` and the documents it was read
from, and name each problem by the line (or, for a workbook, the cell number) of the field
concerned.

A problem that is surely a misreading stops the deck (``sign_errors``: most savings would cost
money); the rest are warnings (``deck_warnings``), since a deck written for version 1 that
plays as its author meant must still validate.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

from game.content import hidden
from game.content.event_signs import net, suspect_events
from game.content.numbertext import WORD_QUOTES, amount_text, amounts_text, yaml_number
from game.content.schema import WELFARE_AREAS, is_known_unit, unit_scale
from game.content.yamlsafe import Problem, YamlDocument
from game.engine.model import Deck, Event, Kind, Proposal, Scenario
from game.engine.rules import scaled_targets
from game.messages import LANGUAGES, ByLanguage, Message, catalogue, unit_words
from game.numbers import MET_TOLERANCE, USUAL_UNITS, format_amount, format_exact, format_percent

Place = tuple[YamlDocument, tuple[str | int, ...]]


# --- where things are ----------------------------------------------------------------------


def _cards(documents: Sequence[YamlDocument], section: str) -> dict[str, Place]:
    """The document and path of the first card of ``section`` with each id."""
    found: dict[str, Place] = {}
    for doc in documents:
        cards = doc.data.get(section) if isinstance(doc.data, dict) else None
        for index, card in enumerate(cards if isinstance(cards, list) else []):
            if isinstance(card, dict) and isinstance(card.get("id"), str):
                found.setdefault(card["id"], (doc, (section, index)))
    return found


def _at(place: Place | None, *key: str | int) -> tuple[str, int] | None:
    """File and line of ``key`` of the card at ``place`` (or of the card, if it lacks it)."""
    if place is None:
        return None
    doc, path = place
    card: Any = doc.data
    for part in path:
        card = card[part]
    written = isinstance(card, dict) and (not key or key[0] in card)
    return doc.file, doc.line((*path, *key) if written else path)


def _header(documents: Sequence[YamlDocument]) -> tuple[YamlDocument, dict[str, Any]] | None:
    for doc in documents:
        block = doc.data.get("deck") if isinstance(doc.data, dict) else None
        if isinstance(block, dict):
            return doc, block
    return None


def _header_line(documents: Sequence[YamlDocument], field: str) -> tuple[str, int] | None:
    """File and line of ``field`` of the deck header (or of the header)."""
    found = _header(documents)
    if found is None:
        return None
    doc, block = found
    return doc.file, doc.line(("deck", field) if field in block else ("deck",))


def _written_times_thousand(effect: Sequence[float], documents: Sequence[YamlDocument]) -> str:
    """``effect`` a thousand times larger, as the deck's file must write it: "[-2000, 0, 6500]"
    (in the file's sign, without thousands dots, which a deck may not write)."""
    sign = _sign(documents)
    return "[" + ", ".join(yaml_number(sign * value * 1_000) for value in effect) + "]"


def _sign(documents: Sequence[YamlDocument]) -> float:
    """−1 for a deck that writes savings with the budget's minus, else 1."""
    return -1.0 if savings_negative(documents) else 1.0


def savings_negative(documents: Sequence[YamlDocument]) -> bool:
    """True when the deck writes savings with the budget's minus (``sign: savings_negative``)."""
    found = _header(documents)
    return found is not None and found[1].get("sign") == "savings_negative"


# --- the sign convention ---------------------------------------------------------------------

SIGN_NAMED = 3
"""Savings named one by one when the sign convention is wrong (the rest are counted)."""

SIGN_LISTED = 12
"""The further savings that cost money, listed by id after ``SIGN_NAMED``'s (then "…")."""


def costs_as_saving(proposal: Proposal) -> bool:
    """True for a saving that costs money over the years it gives (a first-year gain aside)."""
    return proposal.kind is Kind.SAVING and sum(proposal.profile[: len(proposal.effect)]) < 0


def _only_costs(proposal: Proposal) -> bool:
    """True for a card that frees nothing in any year and costs in one."""
    return max(proposal.effect) <= 0 < -min(proposal.effect)


def never_frees(proposal: Proposal) -> bool:
    """True for an efficiency that frees nothing in any year and costs in one."""
    return proposal.kind is Kind.EFFICIENCY and _only_costs(proposal)


def never_pays_back(proposal: Proposal) -> bool:
    """True for an investment that gives nothing back in any year and costs in one: an
    investment costs first and pays later, so its amounts' sign is likely turned."""
    return proposal.kind is Kind.INVESTMENT and _only_costs(proposal)


def cost_skipped_after(proposal: Proposal) -> int | None:
    """For a card tied to budget years (``effect_from_year``) whose costs come before its
    gains: the last budget year with a cost – adopted after it, the card gives its gains
    without its cost (years before adoption are skipped), so it is the cheapest card on the
    table. None for any other card."""
    if proposal.calendar_year is None or not proposal.calendar_year.isdigit():
        return None
    costs = [i for i, value in enumerate(proposal.effect) if value < 0]
    if not costs or not any(value > 0 for value in proposal.effect[costs[-1] + 1 :]):
        return None
    return int(proposal.calendar_year) + costs[-1]


def worth_nothing(proposal: Proposal) -> bool:
    """True for a card whose every amount is 0 and that raises no service: on the board it
    can only take capacity, or cut service for nothing (an empty row of a catalogue, or
    amounts not filled in yet). A card another card requires may be 0 on purpose (its cost
    stands in another budget)."""
    return not any(proposal.effect) and proposal.service <= 0


def pays_before_it_costs(proposal: Proposal) -> bool:
    """True for an investment that gives money its first year and costs money from then on:
    an investment written with the other sign (it costs first and pays later)."""
    effect = proposal.effect
    return (
        proposal.kind is Kind.INVESTMENT
        and len(effect) > 1
        and effect[0] > 0
        and effect[-1] < 0
        and sum(effect) < 0
    )


def sign_errors(deck: Deck, documents: Sequence[YamlDocument]) -> list[Problem]:
    """Most of the deck's savings cost money: the amounts are written with the other sign
    convention than the deck says (a budget table's minus for a saving under the default
    sign, or plus under ``sign: savings_negative``). Every saving would cost money and the game
    would be nonsense, so this stops the deck; the first savings are named at their amounts."""
    savings = [p for p in deck.proposals if p.kind is Kind.SAVING]
    costing = [p for p in savings if costs_as_saving(p)]
    if not savings or len(costing) * 2 <= len(savings):
        return []
    places = _cards(documents, "proposals")
    key = "deck.savings_cost_negative" if savings_negative(documents) else "deck.savings_cost"
    found = []
    for proposal in costing[:SIGN_NAMED]:
        at = _at(places.get(proposal.id), "effect", 0)
        if at is not None:
            found.append(Problem.of(*at, key, id=proposal.id))
    more = len(costing) - SIGN_NAMED
    at = _at(places.get(costing[min(SIGN_NAMED, len(costing) - 1)].id), "effect", 0)
    if more > 0 and at is not None:
        count = "one" if more == 1 else "many"
        # named: "… og 1 besparelse mere" left the office to find B-4 among 40 rows itself
        rest = [f"'{p.id}'" for p in costing[SIGN_NAMED:]]
        ids = ", ".join(rest[:SIGN_LISTED]) + (", …" if len(rest) > SIGN_LISTED else "")
        found.append(Problem.of(*at, f"deck.savings_cost_more.{count}", count=more, ids=ids))
    return found


def _sign_warnings(deck: Deck, documents: Sequence[YamlDocument]) -> Iterator[Problem]:
    """A saving that costs money, an efficiency that frees nothing, an investment that never
    pays back (when most savings are
    right, each may be meant, or a slip), a card worth nothing (``worth_nothing``), and each
    event whose sign looks turned."""
    places = _cards(documents, "proposals")
    # under the budget's minus the sign the author must write is the other one: said too
    written = ".negative" if savings_negative(documents) else ""
    required = {pid for proposal in deck.proposals for pid in proposal.requires}
    for proposal in deck.proposals:
        free_after = cost_skipped_after(proposal)
        if free_after is not None:
            at = _at(places.get(proposal.id), "effect_from_year")
            if at is not None:
                yield Problem.of(
                    *at,
                    "deck.cost_skipped",
                    id=proposal.id,
                    year=proposal.calendar_year,
                    last=str(free_after),
                )
        if (proposal.uncertainty > 0 or proposal.failure > 0) and not proposal.is_uncertain:
            # a card of costs alone printed "± d20 ved første gevinst: …" and never rolled;
            # said where the author wrote an uncertainty (a kind's own is no choice of theirs)
            # and the sign is not in doubt (said below)
            place = places.get(proposal.id)
            stated = [k for k in ("uncertainty", "failure") if place and k in _card(place)]
            at = _at(place, stated[0]) if stated else None
            # (an investment of costs alone keeps this warning beside its own: "skriv
            # gevinsten" is its advice either way)
            turned = costs_as_saving(proposal) or never_frees(proposal)
            if at is not None and not turned and not worth_nothing(proposal):
                yield Problem.of(*at, "deck.uncertain_without_gain", id=proposal.id)
        if worth_nothing(proposal) and proposal.id not in required:
            at = _at(places.get(proposal.id), "effect", 0)
            if at is not None:
                yield Problem.of(*at, "deck.worth_nothing", id=proposal.id)
            continue
        if costs_as_saving(proposal):
            key = "deck.saving_costs"
        elif never_frees(proposal):
            key = "deck.efficiency_never_frees"
        elif never_pays_back(proposal):
            key = "deck.investment_never_pays_back"
        elif pays_before_it_costs(proposal):
            key = "deck.investment_turned"
        else:
            continue
        at = _at(places.get(proposal.id), "effect", 0)
        if at is not None:
            yield Problem.of(*at, key + written, id=proposal.id)
    yield from _event_sign_warnings(deck, documents)


EVENT_SIGNS_NAMED = 3
"""The most events whose sign looks turned that get a line each (the rest are counted)."""


def _event_sign_warnings(deck: Deck, documents: Sequence[YamlDocument]) -> Iterator[Problem]:
    """A warning at each event whose sign looks turned (``game.content.event_signs``), saying
    how it was read; then how many more, and the sign rule of the deck's convention – said only
    when an event looks turned, not for every deck with ``sign: savings_negative``. The count
    and the rule stand at the header's ``sign`` (or at the first event named)."""
    suspects, most_gain = suspect_events(deck.events)
    if not suspects:
        return
    places = _cards(documents, "events")
    gains = sum(1 for event in deck.events if net(event) > 0)
    unit = unit_in_words(deck.unit)
    first: tuple[str, int] | None = None
    for suspect in suspects[:EVENT_SIGNS_NAMED]:
        at = _at(places.get(suspect.event.id), "effect", 0)
        if at is None:
            continue
        first = first or at
        yield Problem.of(
            *at,
            f"deck.event_sign.{suspect.reason}",
            title=_quoted_title(suspect.event.title),
            id=suspect.event.id,
            amounts=amount_list(suspect.event.effect),
            unit=unit,
            gains=gains,
            count=len(deck.events),
        )
    at = _header_line(documents, "sign") if savings_negative(documents) else None
    at = at or first
    if at is None:
        return
    if len(suspects) > EVENT_SIGNS_NAMED:
        yield Problem.of(*at, "deck.event_sign.more", count=len(suspects) - EVENT_SIGNS_NAMED)
    which = Message.of(f"deck.event_sign.{'all' if most_gain else 'named'}")
    rule = "negative" if savings_negative(documents) else "positive"
    yield Problem.of(*at, f"deck.event_sign.rule_{rule}", which=which)


def amount_list(values: Sequence[float]) -> ByLanguage:
    """Amounts as each reader writes them, "−500, −1.500 og −2.000"."""
    return ByLanguage.of(
        **{
            lang: catalogue(lang).join([format_amount(float(v), lang) for v in values])
            for lang in LANGUAGES
        }
    )


def unit_in_words(unit: str) -> ByLanguage:
    """The deck's unit as each reader's messages name it."""
    return ByLanguage.of(**{lang: unit_words(unit, lang) for lang in LANGUAGES})


# --- amounts in another unit -------------------------------------------------------------------

LARGE_TYPICAL_MIO = 100.0
"""A typical proposal above this many mio. kr. a year suggests amounts written in t. kr."""
SMALL_TYPICAL_MIO = 0.005
"""A typical proposal below this many mio. kr. (5.000 kr.) a year suggests amounts written in
a larger unit than the deck's (0,45 meant as mio. kr. in a deck in t. kr.)."""


def typical_amount(deck: Deck) -> float:
    """The median of the proposals' largest yearly amounts, in mio. kr."""
    largest = sorted(max(abs(a) for a in p.effect) for p in deck.proposals)
    if not largest:
        return 0.0
    return largest[len(largest) // 2] / unit_scale(deck.unit)


def unit_warnings(deck: Deck, documents: Sequence[YamlDocument]) -> list[Problem]:
    """A warning when the deck's unit is not one the game knows (its amounts are then checked
    against the limits of mio. kr.: a deck in "tusinde kroner" would pass 1.500 as 1.500 mio.),
    when its typical proposal is far too large for the unit (``LARGE_TYPICAL_MIO``) or, in
    a unit smaller than mio. kr., far too small (``SMALL_TYPICAL_MIO``), or at
    each card whose amounts are about a thousand times off the typical card's
    (``_in_another_unit``)."""
    at = _header_line(documents, "unit")
    if at is None:
        return []
    if not is_known_unit(deck.unit):
        return [Problem.of(*at, "deck.unit_unknown", unit=deck.unit)]
    typical = typical_amount(deck)
    scale = unit_scale(deck.unit)
    if scale == 1.0 and typical > LARGE_TYPICAL_MIO:
        # "500" a year in a deck in mio. kr.: a catalogue in t. kr. whose unit was left
        return [Problem.of(*at, "deck.unit_large", median=round(typical, 1))]
    if scale == 1000.0 and typical > LARGE_TYPICAL_MIO:
        # "400.000" a year in a deck in t. kr.: amounts written in kroner
        amount = ByLanguage.of(
            **{lang: format_amount(typical * scale, lang, 0) for lang in LANGUAGES}
        )
        return [Problem.of(*at, "deck.unit_large_kr", amount=amount, median=round(typical, 1))]
    if scale > 1.0 and 0 < typical < SMALL_TYPICAL_MIO:
        return [_unit_small(at, typical, deck.unit)]
    return _in_another_unit(deck, documents, typical)


def _unit_small(at: tuple[str, int], typical_mio: float, unit: str) -> Problem:
    """The warning that the deck's typical proposal, ``typical_mio`` mio. kr. a year, is far
    too small for a budget proposal, naming the larger unit its amounts make sense in (the
    first of t. kr. and mio. kr. that is larger than ``unit`` and gives at least
    ``SMALL_TYPICAL_MIO``)."""
    scale = unit_scale(unit)
    written = typical_mio * scale
    larger = next(
        (size for size in (1_000.0, 1.0) if size < scale and written / size >= SMALL_TYPICAL_MIO),
        1.0,
    )
    amount = ByLanguage.of(**{lang: format_amount(written, lang, 2) for lang in LANGUAGES})
    # kr. read as mio. kr. are a million times too small, not a thousand
    factor = ByLanguage.of(**{lang: format_amount(scale / larger, lang, 0) for lang in LANGUAGES})
    in_kroner = typical_mio * 1_000_000
    kroner = ByLanguage.of(
        **{lang: format_amount(in_kroner, lang, 0 if in_kroner >= 10 else 2) for lang in LANGUAGES}
    )
    return Problem.of(
        *at,
        "deck.unit_small_kr" if scale == 1_000_000.0 else "deck.unit_small",  # no "dvs. 2,5 kr."
        amount=amount,
        unit=unit_in_words(USUAL_UNITS[scale]),
        kroner=kroner,
        larger=unit_in_words(USUAL_UNITS[larger]),
        factor=factor,
    )


def _in_another_unit(
    deck: Deck, documents: Sequence[YamlDocument], typical_mio: float
) -> list[Problem]:
    """A warning at each card whose largest amount is about a thousand times smaller or
    larger than the deck's typical proposal's: among cards of "1.500" t. kr., "2,2" was most
    likely written in mio. kr. (and is worth 2.200 kr. in the game); among cards of 2–4
    mio. kr., "800" was most likely written in t. kr. (and would decide every game)."""
    scale = unit_scale(deck.unit)
    typical = typical_mio * scale
    if typical <= 0:
        return []
    places = {**_cards(documents, "events"), **_cards(documents, "proposals")}
    cards: list[Proposal | Event] = [*deck.proposals, *deck.events]
    found = []
    for card in cards:
        largest = max(abs(a) for a in card.effect)
        larger_unit = USUAL_UNITS.get(scale / 1_000) if scale >= 1_000 else None
        smaller_unit = USUAL_UNITS.get(scale * 1_000)
        at = _at(places.get(card.id), "effect")
        if at is None or largest <= 0:
            continue
        if larger_unit and largest * 100 < typical and 0.1 <= largest * 1_000 / typical <= 10:
            found.append(
                Problem.of(
                    *at,
                    "deck.amount_in_millions." + ("one" if len(card.effect) == 1 else "many"),
                    id=card.id,
                    largest=largest,
                    typical=float(round(typical)),
                    unit=unit_in_words(deck.unit),
                    thousand=_written_times_thousand(card.effect, documents),
                    amounts=amounts_text([_sign(documents) * a * 1_000 for a in card.effect]),
                )
            )
        elif smaller_unit and largest > typical * 100 and 0.1 <= largest / 1_000 / typical <= 10:
            # said at the amount it names (the year of the 600.000, not the row's first year)
            year = next(i for i, a in enumerate(card.effect) if abs(a) == largest)
            at = _at(places.get(card.id), "effect", year) or at
            found.append(
                Problem.of(
                    *at,
                    "deck.amount_in_thousands",
                    id=card.id,
                    largest=largest,
                    typical=typical,
                    unit=unit_in_words(deck.unit),
                    other=unit_in_words(smaller_unit),
                    # "950 t. kr. er 0,95 mio. kr.", not "1"
                    fraction=ByLanguage.of(
                        **{lang: format_exact(largest / 1_000, lang) for lang in LANGUAGES}
                    ),
                )
            )
    return found


# --- cards, amounts and rounds that no table reaches -------------------------------------------


def _holding(deck: Deck, section: str) -> dict[str, list[Scenario]]:
    """The scenarios that hold each card of ``section`` ("proposals" or "events")."""
    found: dict[str, list[Scenario]] = {}
    for scenario in deck.scenarios:
        for card_id in dict.fromkeys(getattr(scenario, section)):
            found.setdefault(card_id, []).append(scenario)
    return found


def reach_warnings(deck: Deck, documents: Sequence[YamlDocument]) -> list[Problem]:
    """What no table ever sees: a proposal or an event in no scenario, amounts after the last
    year any scenario plays, event rounds no scenario has, a scenario whose pile cannot fill
    the table it asks for, a last target beyond all the pile gives, and anlæg beyond a
    scenario's whole anlægsramme."""
    found: list[Problem] = []
    proposals = _cards(documents, "proposals")
    events = _cards(documents, "events")
    unused: list[Problem] = []
    holding_proposals = _holding(deck, "proposals")
    holding_events = _holding(deck, "events")
    for proposal in deck.proposals:
        scenarios = holding_proposals.get(proposal.id, [])
        place = proposals.get(proposal.id)
        if not scenarios:
            at = _at(place, "id")
            if at is not None:
                found.append(Problem.of(*at, "deck.in_no_scenario", id=proposal.id))
            continue
        unused.extend(_unused_amounts(proposal, scenarios, place))
    if len(unused) > UNUSED_NAMED + 1:
        # a catalogue of four budget years played over three: said at a few cards, then counted
        more = len(unused) - UNUSED_NAMED
        first = unused[UNUSED_NAMED]
        said = Problem.of(first.file, first.line, "deck.effect_unused_more", count=more)
        unused = [*unused[:UNUSED_NAMED], said]
    found.extend(unused)
    for event in deck.events:
        scenarios = holding_events.get(event.id, [])
        place = events.get(event.id)
        if not scenarios:
            at = _at(place, "id")
            if at is not None:
                found.append(Problem.of(*at, "deck.event_in_no_scenario", id=event.id))
            continue
        found.extend(_unused_rounds(event, scenarios, place))
    found.extend(_never_adoptable(deck, proposals, holding_proposals))
    scenario_places = _cards(documents, "scenarios")
    for scenario in deck.scenarios:
        found.extend(_unfilled_table(scenario, scenario_places.get(scenario.id)))
        found.extend(_no_events(scenario, scenario_places.get(scenario.id)))
        found.extend(_years_skipped(scenario, scenario_places.get(scenario.id)))
        found.extend(_out_of_reach(deck, scenario, scenario_places.get(scenario.id)))
        found.extend(_target_tiny(deck, scenario, scenario_places.get(scenario.id)))
        found.extend(_construction(deck, scenario, scenario_places.get(scenario.id), proposals))
    return found


UNUSED_NAMED = 3
"""Proposals named one by one for amounts no game uses (the rest are counted)."""


def _never_adoptable(
    deck: Deck, places: dict[str, Place], holding: dict[str, list[Scenario]]
) -> Iterator[Problem]:
    """A proposal no group can ever adopt although the loader lets it pass: it needs
    (directly or through another card) two cards that exclude each other – the direct pair
    is refused –, or, in a scenario, a card that scenario's pile does not hold."""
    for proposal in deck.proposals:
        at = _at(places.get(proposal.id), "requires")
        if at is None:
            continue
        clash = deck.requirement_clash(proposal.id)
        if clash is not None:
            yield Problem.of(
                *at, "deck.requires_excluded", id=proposal.id, first=clash[0], second=clash[1]
            )
            continue
        for scenario in holding.get(proposal.id, []):
            missing = deck.missing_requirement(scenario, proposal.id)
            if missing is not None:
                yield Problem.of(
                    *at,
                    "deck.requires_outside",
                    id=proposal.id,
                    required=missing,
                    scenario=scenario.id,
                )


def _amounts(count: int, first: int) -> tuple[str, dict[str, Any]]:
    """The key part and parameter of "beløb nr. 4", "beløb nr. 4 og 5", "beløb nr. 4–6"
    (the amounts ``first`` to ``count``)."""
    if first == count:
        return "one", {"numbers": str(first)}
    if first + 1 == count:
        return "many", {"numbers": _joined([first, count])}
    return "many", {"numbers": f"{first}–{count}"}


def _matters(effect: Sequence[float], used: int) -> bool:
    """True when the amounts of ``effect`` after its first ``used`` (those no game reaches)
    say something: zeros (the end of a one-off amount, a budget table's blank years) are the
    usual way to write a card, and an amount equal to the last one played (a budget table
    writes a saving of 3 under every year) changes nothing; no one meant them to be played."""
    carried = effect[used - 1] if used >= 1 else None
    return any(amount not in (0, carried) for amount in effect[used:])


def _unused_amounts(
    proposal: Proposal, scenarios: list[Scenario], place: Place | None
) -> Iterator[Problem]:
    """Amounts of a proposal after the last year of the longest scenario that holds it: no
    table ever gets them (the last amount a game uses holds for later years, which no game
    plays)."""
    count = len(proposal.effect)
    at = _at(place, "effect")
    if at is None or count == 1:
        return
    if proposal.calendar_year is not None and str(proposal.calendar_year).isdigit():
        years = [s for s in scenarios if s.years[-1].isdigit()]
        if not years:
            return
        last = max(years, key=lambda s: int(s.years[-1]))
        used = int(last.years[-1]) - int(proposal.calendar_year) + 1
        if 1 <= used < count and _matters(proposal.effect, used):
            part, numbers = _amounts(count, used + 1)
            yield Problem.of(
                *(_at(place, "effect", used) or at),
                f"deck.effect_after_years.{part}",
                id=proposal.id,
                count=count,
                scenario=last.id,
                end=last.years[-1],
                **numbers,
            )
        return
    longest = max(scenarios, key=lambda s: len(s.years))
    used = len(longest.years)
    if used < count and _matters(proposal.effect, used):
        part, numbers = _amounts(count, used + 1)
        yield Problem.of(
            *(_at(place, "effect", used) or at),
            f"deck.effect_unused.{part}",
            id=proposal.id,
            count=count,
            scenario=longest.id,
            years=used,
            **numbers,
        )


def _unused_rounds(
    event: Event, scenarios: list[Scenario], place: Place | None
) -> Iterator[Problem]:
    """Rounds of an event that no scenario holding it has, and amounts after the last year
    any of them plays once the event is drawn (at its first possible round)."""
    longest = max(scenarios, key=lambda s: len(s.years))
    years = len(longest.years)
    rounds = event.rounds if event.rounds is not None else tuple(range(1, years + 1))
    beyond = sorted({r for r in rounds if r > years})
    at_rounds = _at(place, "rounds")
    if beyond and at_rounds is not None:
        left = [r for r in rounds if r <= years]
        part = "one" if len(beyond) == 1 else "many"
        key = f"deck.rounds_beyond.{part}" if left else f"deck.rounds_never.{part}"
        yield Problem.of(
            *at_rounds,
            key,
            rounds=_joined(beyond),
            scenario=longest.id,
            years=years,
            left=_joined(left),
        )
        if not left:
            return
    count = len(event.effect)
    first = min(r for r in rounds if r <= years) if rounds else 1
    used = max(len(s.years) for s in scenarios) - first + 1
    at = _at(place, "effect")
    if at is not None and count > 1 and 1 <= used < count and _matters(event.effect, used):
        part, numbers = _amounts(count, used + 1)
        yield Problem.of(
            *at,
            f"deck.event_effect_unused.{part}",
            id=event.id,
            count=count,
            round=first,
            years=years,
            **numbers,
        )


def _joined(numbers: Sequence[int]) -> Message | str:
    """ "4", "4 og 5", "2, 3 og 4" in the reader's words."""
    shown = [str(n) for n in numbers]
    if len(shown) <= 1:
        return "".join(shown)
    return Message.of("deck.number.listed", first=", ".join(shown[:-1]), last=shown[-1])


def _unfilled_table(scenario: Scenario, place: Place | None) -> Iterator[Problem]:
    """A scenario that asks for more cards on the table (``market``, written) than its pile
    has: every card lies on the table from the start and it is never refilled."""
    at = _at(place, "market")
    pile = len(scenario.proposals)
    written = place is not None and "market" in _card(place)
    if at is None or not written or scenario.market <= pile:
        return
    key = "deck.market_over_pile" if pile >= 3 else "deck.market_over_small_pile"
    yield Problem.of(*at, key, id=scenario.id, market=scenario.market, pile=pile)


def _no_events(scenario: Scenario, place: Place | None) -> Iterator[Problem]:
    """A scenario that draws events every round (``events_per_round``, 1 unless written) but
    has none to draw: a catalogue imported without its 'Hændelser' sheet plays without
    events, and its printed rules would tell the table to draw one."""
    at = _at(place, "id")
    if at is not None and scenario.events_per_round > 0 and not scenario.events:
        yield Problem.of(*at, "deck.no_events", id=scenario.id, n=scenario.events_per_round)
    elif 0 < len(scenario.events) < scenario.event_slots:
        # an event is drawn once: a pile smaller than the draws leaves the last rounds
        # without one (a budget officer's three-year scenario with two events)
        at = _at(place, "events")
        if at is not None:
            yield Problem.of(
                *at,
                "deck.few_events",
                id=scenario.id,
                slots=scenario.event_slots,
                count=len(scenario.events),
            )


def _years_skipped(scenario: Scenario, place: Place | None) -> Iterator[Problem]:
    """Calendar years with a gap ("2027, 2028, 2030"): each round is one budget year, so the
    start screen said "2027–2030 · 3 år" and the second round's result stood under 2030."""
    years = scenario.years
    if not all(y.isdigit() and len(y) == 4 for y in years):
        return
    numbers = [int(y) for y in years]
    missing = [
        str(year) for a, b in itertools.pairwise(numbers) if b > a + 1 for year in range(a + 1, b)
    ]
    at = _at(place, "years")
    if missing and at is not None:
        yield Problem.of(*at, "deck.years_skipped", id=scenario.id, missing=", ".join(missing[:4]))


def _card(place: Place) -> dict[str, Any]:
    doc, path = place
    card: Any = doc.data
    for part in path:
        card = card[part]
    return card if isinstance(card, dict) else {}


def _out_of_reach(deck: Deck, scenario: Scenario, place: Place | None) -> Iterator[Problem]:
    """A scenario with a year whose target is more than its whole pile gives at full effect
    (every gain of every card, no cost, no event): no group can reach it. The first such
    year is named: a flat target, or ``[50, 4, 7, 10]``, was blamed on the last year, or not
    said at all."""

    def gain(proposal: Proposal) -> float:
        return max(0.0, max(proposal.effect, default=0.0))

    # of two cards that exclude each other, only one can be adopted
    most = sum(gain(deck.proposal(pid)) for pid in deck.most_together(scenario.proposals, gain))
    beyond = next((i for i, t in enumerate(scenario.target) if t > most + 1e-9), None)
    at = _at(place, "target")
    if beyond is not None and at is not None:
        yield Problem.of(
            *at,
            "deck.target_out_of_reach",
            id=scenario.id,
            year=scenario.years[beyond],
            target=scenario.target[beyond],
            most=round(most, 6),
            unit=unit_in_words(deck.unit),
        )


def _kind_beyond_construction(deck: Deck, scenario: Scenario) -> tuple[Kind, float] | None:
    """A kind the scenario requires whose every card of the pile needs more anlæg than the
    scenario's whole anlægsramme, and the least anlæg one of them needs; None when there is
    none (or no limit)."""
    budget = scenario.construction_budget
    if budget is None or not scenario.require_all_kinds:
        return None
    for kind in Kind:
        cards = [p for p in map(deck.proposal, scenario.proposals) if p.kind is kind]
        if cards and all(p.construction > budget + 1e-9 for p in cards):
            return kind, min(p.construction for p in cards)
    return None


def _no_plan_key(deck: Deck, scenario: Scenario, cause: str) -> tuple[str, dict[str, Any]]:
    """The warning's key and fields for a scenario no X can win (``reach.no_plan_cause``). A
    floor no plan keeps even without the capacity's limit says the highest service level a
    plan reaches, so the author sees how far to lower it; without the kinds rule, "alle tre
    slags" is not said."""
    from game.engine.reach import floor_most

    key = f"deck.target_no_plan.{cause}"
    fields: dict[str, Any] = {"id": scenario.id}
    kinds = scenario.require_all_kinds
    if cause == "floor":
        best = floor_most(deck, scenario.id)
        if best is not None:
            key += "_kinds" if kinds else "_any"
            fields.update(floor=scenario.service_floor, best=best, construction="")
            budget = scenario.construction_budget
            if budget is not None:
                # a service the anlægsramme holds down: the ramme is a reason too
                roomy = dataclasses.replace(scenario, construction_budget=None)
                wide = dataclasses.replace(
                    deck,
                    scenarios=tuple(roomy if s.id == scenario.id else s for s in deck.scenarios),
                )
                free = floor_most(wide, scenario.id)
                if free is not None and free > best:
                    fields["construction"] = Message.of(
                        "deck.target_floor_construction_binds",
                        budget=budget,
                        unit=unit_in_words(deck.unit),
                        free=free,
                    )
    elif cause == "both" and not kinds:
        key = "deck.target_no_plan.floor_capacity"
        fields.update(floor=scenario.service_floor)
    return key, fields


def luck_warnings(deck: Deck, documents: Sequence[YamlDocument]) -> list[Problem]:
    """A scenario whose own last target is above what its pile can meet without luck
    (``game.engine.reach``: every proposal on the table from the first year at its face
    amount, no events, every other rule kept): only good events or uncertain cards that give
    more than their face amount can win it. Said at the scenario's ``target``; a target the
    pile cannot reach at full effect at all is said by ``reach_warnings`` instead. HiGHS takes
    up to a few seconds per scenario, so only ``raaderum validate`` and the import ask
    (``load_deck`` with ``deep``), and a pile of hundreds of proposals is not asked
    (``game.engine.reach.worth_asking``)."""
    # the solver loads when asked
    from game.engine.reach import last_year_most, no_plan_cause, target_reach, worth_asking

    found: list[Problem] = []
    places = _cards(documents, "scenarios")
    for scenario in deck.scenarios:
        at = _at(places.get(scenario.id), "target")
        if at is None or not worth_asking(deck, scenario.id):
            continue
        if any(True for _ in _out_of_reach(deck, scenario, places.get(scenario.id))):
            continue
        reach = target_reach(deck, scenario.id)
        last = scenario.target[-1]
        if reach is None:
            cause = no_plan_cause(deck, scenario.id)
            unpaid = _kind_beyond_construction(deck, scenario) if cause != "years" else None
            if unpaid is not None:
                # "hæv kapaciteten" where capacity was at its most: the anlægsramme was it
                kind, least = unpaid
                found.append(
                    Problem.of(
                        *at,
                        "deck.target_no_plan.construction",
                        id=scenario.id,
                        kinds=Message.of(f"kinds.{kind.value}"),
                        budget=scenario.construction_budget,
                        least=least,
                        unit=unit_in_words(deck.unit),
                    )
                )
                continue
            key, fields = _no_plan_key(deck, scenario, cause)
            found.append(Problem.of(*at, key, **fields))
        elif reach.beyond(last) and (short := reach.short_year(scenario.target)) is not None:
            found.append(
                Problem.of(
                    *at,
                    "deck.target_beyond_luck_early",
                    id=scenario.id,
                    year=scenario.years[short],
                    target=scenario.target[short],
                    most=reach.most_in(short),
                    unit=unit_in_words(deck.unit),
                    capacity=_capacity_binds(deck, scenario),
                )
            )
        elif reach.beyond(last):
            # named by what holds X down: the last year on its own, or the years together
            # ("bunken når kun ca. 5.601 i sidste år" where the pile gives 7.375 there)
            year_most = last_year_most(deck, scenario.id)
            scaled = scaled_targets(tuple(scenario.target), reach.shown)
            together = year_most > last + MET_TOLERANCE
            found.append(
                Problem.of(
                    *at,
                    "deck.target_beyond_luck" + ("_together" if together else ""),
                    id=scenario.id,
                    target=last,
                    most=reach.shown,
                    year_most=math.floor(year_most * 10 + 1e-9) / 10,
                    unit=unit_in_words(deck.unit),
                    capacity=_capacity_binds(deck, scenario),
                    share=ByLanguage.of(
                        **{lang: format_percent(reach.shown / last, lang) for lang in LANGUAGES}
                    ),
                    scaled=ByLanguage.of(
                        **{
                            lang: "; ".join(format_amount(t, lang) for t in scaled)
                            for lang in LANGUAGES
                        }
                    ),
                )
            )
    return found


CAPACITY_TRIED = 4
"""How many times a scenario's capacity is tried at most, to find the least capacity that
would let its pile meet its targets without luck (more than that is no longer the game)."""
CAPACITY_SEARCH_S = 0.5
"""Seconds HiGHS may spend on each capacity tried."""


def _capacity_binds(deck: Deck, scenario: Scenario) -> Message | str:
    """The words added to a target out of reach when the scenario's capacity is what keeps
    its pile from its targets: the least capacity (up to ``CAPACITY_TRIED`` times the
    scenario's) with which the same pile meets every target without luck, else "" (an author
    with capacity 3 was told only to lower the target or add proposals, and capacity was
    never named)."""
    from game.engine.reach import target_reach

    def meets(capacity: int) -> bool:
        roomy = dataclasses.replace(scenario, capacity=capacity)
        wide = dataclasses.replace(
            deck, scenarios=tuple(roomy if s.id == scenario.id else s for s in deck.scenarios)
        )
        reach = target_reach(wide, scenario.id, CAPACITY_SEARCH_S)
        return (
            reach is not None
            and not reach.beyond(scenario.target[-1])
            and reach.short_year(scenario.target) is None
        )

    low, high = scenario.capacity, scenario.capacity * CAPACITY_TRIED
    if high <= low or not meets(high):
        return ""
    while high - low > 1:  # the least capacity that meets them: low fails, high meets
        middle = (low + high) // 2
        low, high = (low, middle) if meets(middle) else (middle, high)
    return Message.of("deck.target_capacity_binds", capacity=scenario.capacity, tried=high)


def _construction(
    deck: Deck, scenario: Scenario, place: Place | None, proposals: dict[str, Place]
) -> Iterator[Problem]:
    """A card whose anlæg is more than the scenario's whole anlægsramme: it lies on that table
    but can never be adopted there (the balance harness would call it dead). Said at the
    card's anlæg; when it is more than ten times the ramme and a thousandth of it would fit,
    it asks whether the anlæg was written in the next smaller unit (400 t. kr. typed in a
    deck in mio. kr. with a ramme of 8)."""
    budget = scenario.construction_budget
    if budget is None or _at(place, "construction_budget") is None:
        return
    smaller = USUAL_UNITS.get(unit_scale(deck.unit) * 1_000)
    for pid in scenario.proposals:
        construction = deck.proposal(pid).construction
        at = _at(proposals.get(pid), "construction") or _at(place, "construction_budget")
        if construction <= budget + 1e-9 or at is None:
            continue
        params: dict[str, Any] = {
            "id": pid,
            "scenario": scenario.id,
            "construction": amount_text(construction),  # as typed, every decimal
            "budget": amount_text(budget),
            "unit": unit_in_words(deck.unit),
        }
        key = "deck.construction_over_budget"
        if smaller is not None and budget * 10 < construction <= budget * 1_000 + 1e-9:
            key += "_unit"
            # "så skriv 0.2" in a deck (0,2 is refused there); the import says 0,2 (its cell)
            fraction = construction / 1_000
            params.update(
                smaller=smaller, fraction=amount_text(fraction), write=yaml_number(fraction)
            )
        yield Problem.of(*at, key, **params)


# --- texts --------------------------------------------------------------------------------------

TITLE_READABLE = 45
"""A card title longer than this is cut on a projector's small cards: at 1024×768 with ten
cards on the table a card has two lines of about 24 letters for its title (the standard
deck's longest, 41 letters, fit; a budget office's of 46 and 55 were cut, and validate said
nothing below 60); ``validate`` warns."""

NAMES: dict[str, tuple[str, ...]] = {
    "deck": ("unit", "welfare_areas"),
    "proposals": ("area", "effect_from_year"),
    "scenarios": ("years",),
}
"""Texts the game compares with other texts (an area with the welfare areas, a year with the
years), where a hidden character makes two texts that look the same different."""


QUESTION_ON_CARD = 130
"""Characters of a question the printed card shows (three lines in its italic); the rest is
cut there and stands only in the catalogue pages (a 267-character question lost its second
sentence on the card)."""


def text_warnings(documents: Sequence[YamlDocument]) -> list[Problem]:
    """A warning for each proposal or event title longer than ``TITLE_READABLE``, each
    title another proposal (or event) of the deck also has (``_titles_twice``), each
    question longer than ``QUESTION_ON_CARD``, and for a hidden character in a name
    (``NAMES``)."""
    found = _titles_twice(documents)
    for doc in documents:
        if not isinstance(doc.data, dict):
            continue
        for section in ("proposals", "events"):
            cards = doc.data.get(section)
            for index, card in enumerate(cards if isinstance(cards, list) else []):
                title = card.get("title") if isinstance(card, dict) else None
                if isinstance(title, str) and len(title) > TITLE_READABLE:
                    line = doc.line((section, index, "title"))
                    key = "deck.title_long" + (".event" if section == "events" else "")
                    found.append(Problem.of(doc.file, line, key, length=len(title)))
                question = card.get("question") if isinstance(card, dict) else None
                if isinstance(question, str) and len(question) > QUESTION_ON_CARD:
                    line = doc.line((section, index, "question"))
                    found.append(
                        Problem.of(
                            doc.file,
                            line,
                            "deck.question_long",
                            length=len(question),
                            most=QUESTION_ON_CARD,
                        )
                    )
        found.extend(_hidden_in_names(doc))
        found.extend(_cut_by_comments(doc))
        found.extend(_in_word_quotes(doc))
    return sorted(found, key=lambda p: p.line)


def _titles_twice(documents: Sequence[YamlDocument]) -> list[Problem]:
    """A warning at every proposal (event) whose title – letter case and spaces aside – an
    earlier proposal (event) of the deck already has: the board, the printed cards and a paper
    table's entries name cards by title ("Madservice" in two committees), and the group
    cannot tell them apart."""
    found = []
    for section in ("proposals", "events"):
        first: dict[str, dict[str, Any]] = {}
        for doc in documents:
            cards = doc.data.get(section) if isinstance(doc.data, dict) else None
            for index, card in enumerate(cards if isinstance(cards, list) else []):
                if not isinstance(card, dict):
                    continue
                title, pid = card.get("title"), card.get("id")
                if not isinstance(title, str) or not isinstance(pid, str):
                    continue
                folded = " ".join(unicodedata.normalize("NFC", title).split()).casefold()
                earlier = first.setdefault(folded, card)
                if earlier.get("id") == pid:
                    continue
                line = doc.line((section, index, "title"))
                said = {"title": title.strip(), "other": earlier.get("id")}
                # the same row given again under a new number: its amounts count twice
                same = all(card.get(k) == earlier.get(k) for k in ("kind", "effect"))
                key = f"deck.{'card' if same else 'title'}_twice.{section}"
                found.append(Problem.of(doc.file, line, key, **said))
    return found


PROSE_FIELDS = frozenset({"title", "text", "question", "source", "briefing", "area"})
"""Fields of prose and an area's name ("Teknik #2"), where `` #`` in an unquoted text is more
likely a number sign ("notat #4") than a comment."""


def _cut_by_comments(doc: YamlDocument) -> Iterator[Problem]:
    """A warning for each prose field whose unquoted text is followed by `` # …`` on its
    line: YAML reads the rest as a comment, so "(jf. budgetnotat #4 fra direktionen)" became
    "(jf. budgetnotat" on the card, with no word."""
    for path, comment in doc.comments_after.items():
        if path and path[-1] in PROSE_FIELDS:
            yield Problem.of(
                doc.file,
                doc.line(path),
                "deck.comment_cut",
                where=str(path[-1]),
                rest=comment[:40],
            )


TITLE_MOST = 60
"""The most characters of a title a warning quotes; a longer one ends in "…" (it was cut
mid-word without a mark: "… specialundervisning og anbringels")."""


def _quoted_title(title: str) -> str:
    """``title`` as a warning quotes it: whole, or cut at a word with "…"."""
    if len(title) <= TITLE_MOST:
        return title
    cut = title[: TITLE_MOST - 1].rsplit(" ", 1)[0].rstrip(" ,–-")
    return f"{cut}…"


QUOTED_MOST = 40
"""The most characters of a text a warning quotes (a long text is cut before its last quote)."""


def _word_quoted(text: str) -> bool:
    """True for a text in typographic quotes: “…”, „…“, ‘…’, or a double one at one end
    only (“Rengøring …, the closing quote lost). An apostrophe at the end (’) and a phrase
    quoted inside the text (Projekt “Grøn by”) are no such quotes."""
    first, last = text[0], text[-1]
    if first in WORD_QUOTES and last in WORD_QUOTES:
        return True
    double = "“”„‟"
    inside = text[1:-1]
    return (first in double or last in double) and not any(c in double for c in inside)


def _in_word_quotes(doc: YamlDocument) -> Iterator[Problem]:
    """A warning for each text that stands wholly in typographic quotes (“2027”, “Mere
    digital post” copied from Word): YAML reads them as letters of the text, so the board and
    the printed card showed the quotes, and a year read “2027”–“2030"."""
    seen: set[int] = set()  # one warning a line: "years: [“2027”, “2028”]" is one mistake
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), doc.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(reversed([((*path, k), v) for k, v in value.items()]))
        elif isinstance(value, list):
            stack.extend(reversed([((*path, i), v) for i, v in enumerate(value)]))
        elif isinstance(value, str) and len(value.strip()) > 1:
            text = value.strip()
            line = doc.line(path)
            if _word_quoted(text) and line not in seen:
                seen.add(line)
                field = next((str(p) for p in reversed(path) if isinstance(p, str)), "?")
                cut = f"{text[: QUOTED_MOST - 2]}…{text[-1]}"
                shown = text if len(text) <= QUOTED_MOST else cut
                said = {"field": field, "text": shown}
                yield Problem.of(doc.file, line, "deck.word_quoted", **said)


def _hidden_in_names(doc: YamlDocument) -> Iterator[Problem]:
    for section, names in NAMES.items():
        block = doc.data.get(section)
        entries: list[tuple[tuple[str | int, ...], Any]] = []
        if section == "deck":
            entries = [((section,), block)]
        if section != "deck" and isinstance(block, list):
            entries = [((section, i), card) for i, card in enumerate(block)]
        for path, card in entries:
            if not isinstance(card, dict):
                continue
            for name in names:
                value = card.get(name)
                texts = enumerate(value) if isinstance(value, list) else [(None, value)]
                for number, text in texts:
                    if not isinstance(text, str):
                        continue
                    where: Message | str = name
                    key: tuple[str | int, ...] = (*path, name)
                    if number is not None:
                        where = Message.of("field.nth", field=name, number=number + 1)
                        key = (*key, number)
                    said = hidden.in_value(where, text, warning=True)
                    if said is not None:
                        yield Problem(doc.file, doc.line(key), said)


SOURCELESS_NAMED = 5
"""Proposals without a source named by id in the warning, as examples of the count."""


def source_warnings(deck: Deck, documents: Sequence[YamlDocument]) -> list[Problem]:
    """One warning, at the first of them, for the proposals without a ``source`` in a deck
    whose other proposals have one – a source forgotten: the table asks where an amount
    comes from, and the printed card has no line for it – and one for the events the same
    way. A deck without any sources (an older deck, a first draft) is not warned about card
    by card."""
    found: list[Problem] = []
    for section, cards, prefix in (
        ("proposals", deck.proposals, "deck.no_source"),
        ("events", deck.events, "deck.no_source_event"),
    ):
        sourceless = [card.id for card in cards if not card.source.strip()]
        if not sourceless or len(sourceless) == len(cards):
            continue
        at = _at(_cards(documents, section).get(sourceless[0]), "id")
        if at is None:
            continue
        named = ", ".join(f"'{cid}'" for cid in sourceless[:SOURCELESS_NAMED])
        key = f"{prefix}.one" if len(sourceless) == 1 else f"{prefix}.many"
        found.append(Problem.of(*at, key, count=len(sourceless), ids=named))
    return found


def welfare_warnings(deck: Deck, documents: Sequence[YamlDocument]) -> list[Problem]:
    """A warning when the deck keeps the default welfare areas but none of its proposals'
    areas (three or more, with efficiencies among the cards) is one of them: KL's second
    barrier – an efficiency on a welfare area is seen as a saving – then never applies,
    usually because the areas are named otherwise ("Ældreudvalget" for "Ældre")."""
    areas = {p.area for p in deck.proposals}
    if deck.welfare_areas != WELFARE_AREAS:
        return _unused_welfare_areas(deck, documents, areas)
    if (
        not any(p.kind is Kind.EFFICIENCY for p in deck.proposals)
        or len(areas) < 3
        or deck.welfare_areas != WELFARE_AREAS
        or any(p.welfare for p in deck.proposals)
    ):
        return []
    at = _header_line(documents, "welfare_areas") or _header_line(documents, "id")
    if at is None:
        return []
    # the example is the deck's own areas that name a welfare field ("Ældre- og
    # Sundhedsudvalget"), else its first two ("BSU", "ÆSU"): names it has, written as its
    # cards write them, so that copying the example works (it gave "Ældreudvalget; Børne- og
    # Ungeudvalget" to a deck of "BSU", "TMU" and "ÆSU", which matched none of its cards)
    # ("Hjemmepleje og plejecentre", "Elderly care"); none when no name looks like one (an
    # example of "Administration; IT og digitalisering" named areas that are not welfare)
    likely = sorted(a for a in areas if looks_like_welfare(a))[:WELFARE_EXAMPLE_MOST]
    if not likely:
        return [Problem.of(*at, "deck.no_welfare_area_none", areas=", ".join(sorted(areas)))]
    return [
        Problem.of(
            *at,
            "deck.no_welfare_area",
            areas=", ".join(sorted(areas)),
            example=", ".join(likely),
            listed="; ".join(likely),
        )
    ]


def _unused_welfare_areas(
    deck: Deck, documents: Sequence[YamlDocument], areas: set[str]
) -> list[Problem]:
    """A warning naming the deck's own welfare areas that no proposal has as its area, when
    they seem meant for the cards: the cards the author meant lose the barrier's extra
    træthed without a word ("Ældreområdet" listed, "Ældre" written on the cards). Said of
    every unused name when none of the list is a card's area, else only of the names a card's
    area contains or is contained in (a full list of the municipality's welfare areas, some
    without a card in this deck, is not a mistake)."""
    at = _header_line(documents, "welfare_areas")
    if at is None or not areas:
        return []
    none_used = not any(name in areas for name in deck.welfare_areas)
    named = []
    for name in deck.welfare_areas:
        close = [a for a in sorted(areas) if _contains_either(a, name)]
        if name in areas or not (close or none_used):
            continue
        named.append(f"'{name}' ('{close[0]}'?)" if close else f"'{name}'")
    if not named:
        return []
    return [
        Problem.of(
            *at,
            "deck.unused_welfare_area.one" if len(named) == 1 else "deck.unused_welfare_area.many",
            names=", ".join(named),
            areas=", ".join(sorted(areas)),
        )
    ]


def _contains_either(one: str, other: str) -> bool:
    """Whether one name holds the other (case aside): "Ældre" and "Ældreområdet"."""
    a, b = one.casefold(), other.casefold()
    return a in b or b in a


WELFARE_STEMS = tuple(
    dict.fromkeys(
        [
            *(word for area in WELFARE_AREAS for word in area.casefold().split() if word != "og"),
            "arbejdsmarked",
            "familie",
            "omsorg",
            "undervisning",
            "hjemmepleje",
            "plejecent",
            "plejebolig",
            "plejehjem",
            "sygepleje",
            "daginstitution",
            "ungdom",
            "misbrug",
            "rehabilitering",
            "genoptræning",
            "jobcenter",
        ]
    )
)
"""Danish words in an area's name that make it a welfare area for the example in the
warning, also inside a compound ("Ældreudvalget"): the words of the default
``WELFARE_AREAS`` ("Børn og unge" gives "børn" and "unge"), and the fields a committee's name
also uses for them ("Hjemmepleje og plejecentre"; not "pleje" alone, which "Vejpleje" and
"Naturpleje" hold)."""

WELFARE_ENGLISH = re.compile(
    r"\b(?:elderly|older people|seniors?|care|health\w*|schools?|education|child\w*|youth"
    r"|young people|disabilit\w*|psychiatr\w*|employment|nursing|famil\w*)\b"
)
"""The same in English, as whole words ("Elderly care", not "Careers")."""

WELFARE_ABBREVIATIONS = frozenset(
    {"bsu", "buu", "bfu", "bu", "æsu", "æu", "ssu", "su", "sou", "shu", "au", "amu", "beu"}
)
"""Committees of welfare written short, as a budget catalogue often does ("BSU" for Børne- og
Skoleudvalget, "ÆSU" for Ældre- og Sundhedsudvalget); "TMU" or "KFU" are not."""

WELFARE_EXAMPLE_MOST = 6
"""The most areas the example names."""


def looks_like_welfare(area: str) -> bool:
    """True for an area whose name looks like a welfare area (``WELFARE_STEMS``,
    ``WELFARE_ENGLISH``, ``WELFARE_ABBREVIATIONS``): "Ældre- og Sundhedsudvalget", "Elderly
    care", "BSU"; not "Tværgående", "Cross-cutting", "Vejpleje" or "IT og digitalisering"."""
    name = area.casefold().strip()
    return (
        name in WELFARE_ABBREVIATIONS
        or any(stem in name for stem in WELFARE_STEMS)
        or WELFARE_ENGLISH.search(name) is not None
    )


def case_warnings(deck: Deck, documents: Sequence[YamlDocument]) -> list[Problem]:
    """A warning at a card whose id differs from an earlier card's of its section (proposals,
    events, scenarios) only in capitals: a handwritten result sheet and ``raaderum enter``
    read ids whatever their capitals ("B1-rengoering" and "b1-rengoering" cannot be told
    apart). A proposal and an event are not compared: the sheet keeps them apart."""
    found: list[Problem] = []
    for section, ids in (
        ("proposals", [p.id for p in deck.proposals]),
        ("events", [e.id for e in deck.events]),
        ("scenarios", [s.id for s in deck.scenarios]),
    ):
        places = _cards(documents, section)
        seen: dict[str, str] = {}
        key = "deck.id_case.scenarios" if section == "scenarios" else "deck.id_case"
        for cid in ids:
            other = seen.setdefault(cid.casefold(), cid)
            at = _at(places.get(cid), "id")
            if other != cid and at is not None:
                found.append(Problem.of(*at, key, id=cid, other=other))
    return found


TINY_TARGET_RATIO = 100.0
"""A pile this many times its scenario's final target at full effect (2–3 times is the
rule of docs/rules.md) makes a game no table can lose: the target is most likely written in
another unit than the cards (the cards of a catalogue turned into t. kr., its targets left
in mio. kr.)."""


def _target_tiny(deck: Deck, scenario: Scenario, place: Place | None) -> Iterator[Problem]:
    """A scenario whose final target is a hundredth or less of what its pile frees at full
    effect: a catalogue whose amounts were turned into t. kr. kept targets of 21 (mio. kr.),
    read as 21 t. kr., and the greedy bot won two games of three without a word. In a deck
    in t. kr. whose pile holds the target a thousand times over, the target in t. kr. is
    named."""
    # each card counted at most ten times the typical card: one card written in t. kr. in a
    # deck in mio. kr. is said at the card (``unit_warnings``), not again at every target
    cap = 10 * typical_amount(deck) * unit_scale(deck.unit)
    most = sum(
        min(cap, max(0.0, max(deck.proposal(pid).effect, default=0.0)))
        for pid in scenario.proposals
    )
    last = scenario.target[-1]
    at = _at(place, "target")
    if at is None or last <= 0 or most < TINY_TARGET_RATIO * last:
        return
    ratio = most / last
    # written in mio. kr. in a deck in t. kr.: the target a thousand times larger is still
    # within the pile ("Så er målet 25.000 t. kr." was said of a pile of 19.050)
    thousand = unit_scale(deck.unit) == 1_000.0 and last * 1_000 <= most
    yield Problem.of(
        *at,
        "deck.target_tiny.thousand" if thousand else "deck.target_tiny",
        id=scenario.id,
        year=scenario.years[-1],
        target=last,
        most=round(most, 6),
        times=ByLanguage.of(**{lang: format_amount(ratio, lang, 0) for lang in LANGUAGES}),
        unit=unit_in_words(deck.unit),
        written=ByLanguage.of(**{lang: format_amount(last * 1_000, lang, 0) for lang in LANGUAGES}),
    )


def deck_warnings(deck: Deck, documents: Sequence[YamlDocument]) -> list[Problem]:
    """Every warning about a deck that loads (none stops it)."""
    return [
        *unit_warnings(deck, documents),
        *welfare_warnings(deck, documents),
        *source_warnings(deck, documents),
        *_sign_warnings(deck, documents),
        *reach_warnings(deck, documents),
        *text_warnings(documents),
        *case_warnings(deck, documents),
    ]
