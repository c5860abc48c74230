"""Events whose sign looks turned: a deck's or catalogue's events written with the other sign
than its proposals' convention (``sign`` in a deck, 'fortegn' in a workbook) become windfalls,
and its windfalls costs. ``game.content.plausibility`` warns at each such event, for
``raaderum validate`` and ``raaderum import`` alike.

Two rules, each a reason for a warning, never for a stop (an event may be good news, and
a title is only words):

* most events give the municipality money (``most_gain``): a catalogue's events are
  mostly costs – a lower equalisation, more elderly, dearer wages – so when more of them
  are gains than costs, and at least two are, they are likely written with the other sign.
  This rule reads no words.
* an event's title says the opposite of its sign (``says_cost``, ``says_gain``): a title
  that names a direction of income ("Udligning under forventet", "Færgeruten mister
  statstilskud") or of an expense ("Lønnen stiger", "Lavere tjenestemandspensioner"), or a
  phrase that is a cost or a gain in itself ("Flere ældre", "Merindtægt"). A title that
  names both an income and an expense, or both directions, says nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from game.engine.model import Event

COST_PHRASES = (
    "flere ældre",
    "flere børn",
    "merudgift",
    "mindreindtægt",
    "ekstraudgift",
    "udgiftsskred",
    "dyrere",
    "prisstigning",
    "lønstigning",
    "underskud",
    "koster mere",
)
"""Phrases that are a cost to the municipality whatever else the title says."""
GAIN_PHRASES = (
    "merindtægt",
    "mindreudgift",
    "overskud",
    "billigere",
    "flere i job",
    "kommer i job",
)
"""Phrases that are a gain to the municipality whatever else the title says."""
INCOME_WORDS = (
    "udligning",
    "skat",
    "tilskud",
    "indtægt",
    "salg",
    "kompensation",
    "refusion",
    "provenu",
)
"""Parts of words that name an income: more of it is a gain, less a cost."""
EXPENSE_WORDS = (
    "udgift",
    "pris",
    "løn",
    "takst",
    "medfinansiering",
    "pension",
    "sygefravær",
    "ledighed",
    "overenskomst",
    "regning",
    "forsørgelse",
    "vikar",
)
"""Parts of words that name an expense: more of it is a cost, less a gain."""
UP_WORDS = frozenset(
    {
        "højere",
        "større",
        "over",
        "stiger",
        "stigende",
        "stigning",
        "vokser",
        "voksende",
        "flere",
        "mere",
        "ekstra",
        "øget",
        "øgede",
        "øges",
    }
)
"""Whole words that say an amount grows."""
DOWN_WORDS = frozenset(
    {
        "lavere",
        "mindre",
        "under",
        "falder",
        "faldende",
        "fald",
        "færre",
        "mister",
        "svigter",
        "bortfalder",
        "reduceres",
        "reduceret",
        "nedsættes",
        "nedsat",
    }
)
"""Whole words that say an amount shrinks."""

COST = "cost"
GAIN = "gain"


def title_says(title: str) -> str | None:
    """``COST`` or ``GAIN`` for a title that says which the event is, else None."""
    text = unicodedata.normalize("NFC", title).casefold()
    costs = any(phrase in text for phrase in COST_PHRASES)
    gains = any(phrase in text for phrase in GAIN_PHRASES)
    if costs != gains:
        return COST if costs else GAIN
    if costs:
        return None
    words = re.findall(r"\w+", text)
    income = any(part in word for word in words for part in INCOME_WORDS)
    expense = any(part in word for word in words for part in EXPENSE_WORDS)
    up = any(word in UP_WORDS for word in words)
    down = any(word in DOWN_WORDS for word in words)
    if income == expense or up == down:
        return None
    grows = up
    return GAIN if grows == income else COST


@dataclass(frozen=True)
class Suspect:
    """An event whose sign looks turned: its place among the deck's events, the event, and
    why (``says_cost``: its title says it costs money, but it gives money in the game;
    ``says_gain``: the other way round; ``most_gain``: it gives money, as most events do)."""

    index: int
    event: Event
    reason: str


def net(event: Event) -> float:
    """What the event gives the municipality over the years it writes (minus: it costs)."""
    return sum(event.effect)


def suspect_events(events: Sequence[Event]) -> tuple[list[Suspect], bool]:
    """The events whose sign looks turned, in deck order, and whether most events giving
    money is among the reasons (the whole sheet then probably has the other sign)."""
    gains = [i for i, event in enumerate(events) if net(event) > 0]
    costs = [i for i, event in enumerate(events) if net(event) < 0]
    most_gain = len(gains) >= 2 and len(gains) > len(costs)
    found: list[Suspect] = []
    for index, event in enumerate(events):
        said = title_says(event.title)
        amount = net(event)
        if said == COST and amount > 0:
            found.append(Suspect(index, event, "says_cost"))
        elif said == GAIN and amount < 0:
            found.append(Suspect(index, event, "says_gain"))
        elif most_gain and amount > 0 and said is None:
            found.append(Suspect(index, event, "most_gain"))
    return found, most_gain
