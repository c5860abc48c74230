"""Everything a user reads, one catalogue per language (``da.py``, ``en.py``), looked up by key.

A message is data until it is shown: ``Message.of("error.save_failed", reason=…)`` is a key
and its parameters, made where the problem is found (the game controller, the engine's
refusal codes) and worded where it is shown, in the reader's language, by
``Catalogue(lang).message(m)``. The window, the reports and the command line share one
catalogue, so a thing is worded once: the reasons of a lost game (``verdict_reasons``), the
engine's refusals (``error.<code>``), the limits (filled from the engine's constants).

Moving more messages in (deck and save problems, command-line errors) goes by key: add a
``MESSAGES.update({...})`` section with the same keys to ``da.py`` and ``en.py`` (a test checks
that both languages have the same keys and placeholders), let the code that finds the problem
carry a ``Message`` instead of a Danish sentence, and word it with ``render(message, lang)``
where it is printed or drawn.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from game.engine import (
    MAX_NOTE_LENGTH,
    MAX_TARGET,
    Deck,
    GameState,
    Kind,
    Scenario,
    Verdict,
    target_limit,
)
from game.launcher import mark_commands, unmark
from game.messages import da, en
from game.numbers import format_amount, format_exact, format_moment, is_known_unit, unit_scale

log = logging.getLogger(__name__)

CATALOGUES: dict[str, dict[str, str]] = {"da": da.MESSAGES, "en": en.MESSAGES}
LANGUAGES: tuple[str, ...] = tuple(CATALOGUES)

LIMITS: dict[str, float] = {"max_target": MAX_TARGET, "max_note": MAX_NOTE_LENGTH}
"""The game's limits, from the engine that enforces them: any message can name one as a
placeholder (``{max_target}``), written in the reader's way (100.000 / 100,000)."""


@dataclass(frozen=True)
class Message:
    """A message as data: its catalogue ``key`` and the ``params`` that fill its
    ``{placeholders}`` (sorted name/value pairs, so a message is hashable and comparable)."""

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, key: str, **params: Any) -> Message:
        """``Message.of("toast.undone")``, ``Message.of("error.save_failed", reason=…)``."""
        return cls(key, tuple(sorted(params.items())))

    @property
    def kwargs(self) -> dict[str, Any]:
        """The parameters as a dict."""
        return dict(self.params)


class Decimal(str):
    """A number as a parameter, written with a point ("1.125", "12.5") and shown with the
    reader's decimal sign ("1,125" in Danish) and no thousands separator – for messages about
    how a number was typed, where ``format_amount``'s grouping would blur the point."""


@dataclass(frozen=True)
class ByLanguage:
    """A parameter written differently for each language's reader (``ByLanguage.of(da="1.5
    (= 1,5)", en="1.5")``): a reading that only a Danish reader needs spelt out. A language
    without its own text gets the Danish one."""

    texts: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, **texts: str) -> ByLanguage:
        return cls(tuple(sorted(texts.items())))

    def get(self, lang: str) -> str:
        texts = dict(self.texts)
        return texts.get(lang, texts.get("da", ""))


class Catalogue:
    """The messages of one language (Danish for an unknown language; a key missing in English
    falls back to Danish, then to the key itself)."""

    def __init__(self, lang: str = "da") -> None:
        self.lang = lang if lang in CATALOGUES else "da"
        self._messages = CATALOGUES[self.lang]
        self._missing: set[str] = set()

    def t(self, key: str, **params: Any) -> str:
        """The message ``key`` with its ``{name}`` placeholders filled from ``params``, and
        its ``raaderum <command>`` as this installation runs it (``game.launcher``)."""
        return unmark(self._fill(mark_commands(self._template(key)), params))

    def in_unit(self, deck_unit: str, key: str, /, **params: Any) -> str:
        """``t`` for a deck in ``deck_unit``: the catalogue's own unit in the message's words
        is ``deck_unit`` ("Virkning pr. år (t. kr.)"), put in before the placeholders are
        filled (a message may have its own ``{unit}``), so that a filled-in text (a card's, a
        limit already in the deck's unit) is never changed."""
        own = self._messages.get("unit", deck_unit)
        template = mark_commands(self._template(key).replace(own, deck_unit))
        return unmark(self._fill(template, params))

    def _template(self, key: str) -> str:
        text = self._messages.get(key)
        if text is None:
            text = CATALOGUES["da"].get(key, key)
            if key not in self._missing:
                self._missing.add(key)
                log.warning("missing %s message %r", self.lang, key)
        return text

    def _fill(self, text: str, params: dict[str, Any]) -> str:
        if "{max_" in text:
            params = {**self._limits(), **params}
        count = params.get("count")
        if type(count) is int and abs(count) >= 1000:
            # "5.000 forslag", not "5000 forslag" (a count is never a year)
            params = {**params, "count": format_amount(count, self.lang, 0)}
        if params:
            try:
                return text.format(**params)
            except (KeyError, IndexError, ValueError):
                return text
        return text

    def _limits(self) -> dict[str, str]:
        return {name: format_amount(value, self.lang, 0) for name, value in LIMITS.items()}

    def has(self, key: str) -> bool:
        """True when the catalogue has ``key``."""
        return key in self._messages

    def message(self, message: Message) -> str:
        """``message`` worded in this language; an ``error.<code>`` the catalogue lacks (a new
        refusal code) falls back to "error.unknown" with the message's ``reason``."""
        params = self.worded(message.kwargs)
        if not self.has(message.key) and message.key.startswith("error."):
            return self.t("error.unknown", reason=params.get("reason", message.key))
        return self.t(message.key, **params)

    def reworded(self, message: Message, edit: Callable[[str, str], str]) -> str:
        """``message`` worded with ``edit(key, template)`` applied to its template, and to
        those of the messages among its parameters, before they are filled: words the text
        itself writes are changed, never a parameter's (a card's title, a cell's text)."""
        params = {
            name: self.reworded(value, edit) if isinstance(value, Message) else self._worded(value)
            for name, value in message.kwargs.items()
        }
        if not self.has(message.key) and message.key.startswith("error."):
            return self.message(message)
        template = edit(message.key, self._template(message.key))
        return unmark(self._fill(mark_commands(template), params))

    def worded(self, params: dict[str, Any]) -> dict[str, Any]:
        """A message's parameters as the reader writes them: every amount (a float) with
        ``format_amount`` in this language ("12,5", "0,518"), a ``Decimal`` with the reader's
        decimal sign, a ``Message`` (a reason inside a message) worded in this language; the
        rest as they are."""
        return {name: self._worded(value) for name, value in params.items()}

    def _worded(self, value: Any) -> Any:
        if isinstance(value, Message):
            return self.message(value)
        if isinstance(value, ByLanguage):
            return value.get(self.lang)
        if isinstance(value, Decimal):
            return value.replace(".", ",") if self.lang == "da" else str(value)
        if isinstance(value, float):
            return format_amount(value, self.lang)
        return value

    def join(self, words: list[str]) -> str:
        """ "a, b og c" / "a, b and c"."""
        if len(words) <= 1:
            return "".join(words)
        return f"{', '.join(words[:-1])} {self.t('and')} {words[-1]}"

    def reopened(self, years: Sequence[str], reopened: Sequence[int]) -> str:
        """ "Bordet åbnede 2027 (2 gange) og 2029 igen efter årets resultat.": the years whose
        end a table took back after seeing how they went (``History.reopened``, 0-based, once
        per time), as its report and the comparison say it; "" when none."""
        if not reopened:
            return ""
        counts: dict[int, int] = {}
        for year in reopened:
            counts[year] = counts.get(year, 0) + 1
        named = [
            years[year]
            if times == 1
            else self.t("report.reopened.times", year=years[year], times=times)
            for year, times in sorted(counts.items())
            if year < len(years)
        ]
        return self.t("report.reopened", years=self.join(named)) if named else ""

    def stopped_after(self, years: Sequence[str], played: int) -> str:
        """ "Bordet stoppede efter runde 2 (2028) og spillede ikke 2029.": a paper table that
        stopped after ``played`` of the budget ``years`` (the report, its picture and the
        comparison say it alike)."""
        return self.t(
            "report.stopped",
            round=played,
            year=years[played - 1] if played else "",
            rest=self.join(list(years[played:])),
        )

    def win_conditions(self, scenario: Scenario, *, boxes: bool = False) -> list[str]:
        """What a table must have met when the last year is closed, in the words of the
        three conditions of docs/rules.md – those ``scenario`` has (a deck's scenario may
        leave out the kinds rule or the floor). The printed sheet and the help say the same:
        after "I vinder, hvis …", or with ``boxes`` each as a sentence of its own beside a
        box to tick ("☐ serviceniveauet er ikke under −3", not "… ikke er under")."""
        said = [self.t("print.win.target")]
        if scenario.require_all_kinds:
            said.append(self.t("print.win.kinds"))
        if scenario.service_floor is not None:
            floor = scenario.service_floor
            shown = format_amount(floor, self.lang, decimals=0, sign=True) if floor else "0"
            said.append(
                self.t("print.win.floor_check" if boxes else "print.win.floor", floor=shown)
            )
        return said

    def service_by_kind(self, state: GameState) -> str:
        """Where the service level came from: what the adopted savings, efficiencies and
        investments and the drawn events each moved it ("Besparelserne flyttede
        serviceniveauet med −11, …") – the price of the savings' certainty, in the debrief
        and the report alike."""
        deck = state.deck
        moved = dict.fromkeys(Kind, 0)
        for adoption in state.adopted:
            proposal = deck.proposal(adoption.card)
            moved[proposal.kind] += proposal.service
        events = sum(deck.event(drawn.card).service for drawn in state.events)
        return self.t(
            "debrief.service_by_kind",
            saving=format_amount(moved[Kind.SAVING], self.lang, sign=True),
            efficiency=format_amount(moved[Kind.EFFICIENCY], self.lang, sign=True),
            investment=format_amount(moved[Kind.INVESTMENT], self.lang, sign=True),
            events=format_amount(events, self.lang, sign=True),
        )

    def best_plan_why(self, state: GameState, plan: Sequence[tuple[str, int]], service: int) -> str:
        """Why the best plan is this one of the many that meet every target: it cuts service
        least, ending on ``service`` against the group's own level; and, when it starts
        investments in the last year, that they are there for the service they add (a
        council took "2029 Styrket hverdagsrehabilitering" at −3 for the ideal budget)."""
        why = self.t(
            "debrief.best_why",
            service=format_amount(service, self.lang, sign=True),
            own=format_amount(state.service, self.lang, sign=True),
        )
        last = state.scenario.rounds - 1
        late = [
            pid
            for pid, start in plan
            if start == last and state.deck.proposal(pid).kind is Kind.INVESTMENT
        ]
        if late:
            key = "debrief.best_late." + ("one" if len(late) == 1 else "many")
            why += " " + self.t(key, year=state.scenario.years[last])
        return why

    def verdict_reasons(self, outcome: Verdict) -> list[str]:
        """Why a game was won or lost, one sentence per reason (the debrief and the report
        say the same)."""
        if outcome.won:
            # what was met, in the words of the three conditions (rules.md, "Gruppen vinder")
            met = [self.t("verdict.won_target")]
            if outcome.all_kinds:
                met.append(self.t("verdict.won_kinds"))
            if outcome.service_floor is not None:
                on_floor = outcome.service == outcome.service_floor  # not "ikke under −6" of −6
                met.append(
                    self.t(
                        "verdict.won_service_on_floor" if on_floor else "verdict.won_service",
                        service=format_amount(outcome.service, self.lang, sign=True),
                        floor=format_amount(outcome.service_floor, self.lang, sign=True),
                    )
                )
            return [self.join(met) + "."]
        reasons = []
        # a game not over yet: its kinds and service are what they are now ("endte på" was
        # said of a table that closed in its second year)
        now = "" if outcome.finished else ".open"
        if outcome.missed_years:
            reasons.append(self.t("verdict.missed", years=self.join(list(outcome.missed_years))))
        if outcome.missing_kinds:
            kinds = [self.t(f"kinds.{kind.value}") for kind in outcome.missing_kinds]
            if len(kinds) == 1:
                reasons.append(self.t("verdict.kinds" + now, kinds=kinds[0]))
            else:  # "hverken effektiviseringer eller investeringer", not "ingen … og …"
                first = ", ".join(kinds[:-1])
                reasons.append(self.t("verdict.kinds_neither" + now, first=first, last=kinds[-1]))
        if outcome.service_below_floor:
            service, floor = outcome.service, outcome.service_floor
            reasons.append(
                self.t(
                    "verdict.service" + now,
                    service=format_amount(service, self.lang),
                    floor=format_amount(floor or 0, self.lang),
                )
            )
        return reasons


@cache
def catalogue(lang: str) -> Catalogue:
    """The (shared) catalogue of ``lang``."""
    return Catalogue(lang)


def moment_words(moment: datetime.datetime) -> ByLanguage:
    """``moment`` as each reader writes it ("03.12.2026 kl. 16:37", "2026-12-03 16:37";
    ``format_moment``), for a message worded later in the reader's language."""
    return ByLanguage.of(**{lang: format_moment(moment, lang) for lang in LANGUAGES})


def unit_words(unit: str, lang: str) -> str:
    """A deck's unit in ``lang``: the default "mio. kr." in that language's words ("m DKK"),
    a thousand kroner in English "DKK '000" (however the deck spells "t. kr."), any other
    unit as the deck writes it."""
    if unit == CATALOGUES["da"]["unit"]:
        return catalogue(lang).t("unit")
    if lang == "en" and unit_scale(unit) == 1000.0 and is_known_unit(unit):
        return "DKK '000"
    return unit


def exact(value: float) -> ByLanguage:
    """An amount as a message parameter with the decimals it has, up to two (``format_exact``):
    a target the facilitator typed as 27,55 is said as 27,55, as the game counts it – a plain
    float parameter is written with one decimal (27,6)."""
    return ByLanguage.of(**{lang: format_exact(value, lang) for lang in LANGUAGES})


def target_refusal(deck: Deck, target: float | None, lang: str) -> str | None:
    """Why the facilitator's X ``target`` (in the deck's unit) cannot be played on ``deck`` –
    it is over ``target_limit``, 100.000.000 in a deck in t. kr. – in ``lang``; None when it
    can (or when no X was given)."""
    limit = target_limit(deck)
    if target is None or target <= limit:
        return None
    worded = f"{format_amount(limit, lang)} {unit_words(deck.unit, lang)}"
    return catalogue(lang).t("cli.target_range", limit=worded)


def unknown_scenario(deck: Deck, scenario_id: str | None) -> Message:
    """The refusal of a scenario id ``deck`` does not have, naming the ids it has (every
    command and the window say it alike)."""
    known = ", ".join(s.id for s in deck.scenarios)
    return Message.of("cli.unknown_scenario", id=scenario_id, known=known)


def render(message: Message, lang: str = "da") -> str:
    """``message`` worded in ``lang``."""
    return catalogue(lang).message(message)
