"""The session report of one saved game: report.html, decisions.csv, summary.json, board.png.

``report.html`` is one self-contained file (inline CSS, charts as inline SVG, nothing loaded
from anywhere) laid out for A4 so it can go with the minutes. The picture of the board comes
from whoever asks for the report (the command line or the debrief hand in the window's
off-screen renderer), so this package draws nothing itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from game.engine.actions import Action, Adopt, Annotate, EndYear, SetTarget
from game.engine.fatigue import fatigue_years
from game.engine.ledger import anchor, capacity_left, event_amount, realised, visible
from game.engine.model import Deck, Kind
from game.engine.randomness import on_die
from game.engine.rules import apply, shown_raaderum
from game.engine.state import GameState, state_hash
from game.engine.verdict import Verdict, verdict
from game.engine.whatif import WhatIf, what_if
from game.messages import Message, catalogue, unit_words
from game.numbers import (
    format_against,
    format_amount,
    format_factor,
    format_moment,
    format_target,
)
from game.report.csvfile import csv_bytes, number
from game.report.page import esc, figure, page, table
from game.report.svg import ACTUAL_DARK, MET, PALETTE, Series, bars_against_target, line_chart
from game.saves import SavedGame
from game.saves.files import display_path

DECISIONS_HEADER = (
    "round",
    "year",
    "action",
    "proposal_id",
    "title",
    "kind",
    "area",
    "note",
    "target",
)
"""Columns of decisions.csv (fixed English identifiers; the values are in the report's
language). "target" is filled only on a ``set_target`` row: the facilitator's new X."""


@dataclass(frozen=True)
class TargetChange:
    """A change of the facilitator's target during the game (a ``SetTarget`` decision)."""

    decision: int
    """1-based number of the decision in the game's log."""
    round: int
    """0-based round (budget year) in which the target was changed."""
    before: float
    """The facilitator's X (the last year's target) before the change."""
    after: float
    """The X after the change."""
    years: tuple[tuple[str, float, float], ...]
    """(year, target before, target after) of every year whose target changed."""
    adopted: int = 0
    """Proposals adopted in the game before the change (what a facilitator counts)."""


def target_changes(saved: SavedGame) -> list[TargetChange]:
    """Every change of the target in ``saved``, found by replaying its decisions from the start
    with the engine; a decision that sets the target it already had is not a change."""
    state = saved.history.initial  # a paper table's start is its own, not the seed's
    years = state.scenario.years
    changes: list[TargetChange] = []
    for decision, action in enumerate(saved.history.actions, start=1):
        after = apply(state, action)
        if isinstance(action, SetTarget) and after.targets != state.targets:
            changed = tuple(
                (years[i], state.targets[i], after.targets[i])
                for i in range(len(years))
                if after.targets[i] != state.targets[i]
            )
            changes.append(
                TargetChange(
                    decision,
                    state.round,
                    state.targets[-1],
                    after.targets[-1],
                    changed,
                    len(state.adopted),
                )
            )
        state = after
    return changes


@dataclass(frozen=True)
class Decision:
    """One entry of the game's action log, placed in its round."""

    round: int  # 0-based
    action: str  # adopt | end_year | annotate | set_target
    card: str = ""
    note: str = ""
    amount: float | None = None


def decisions(actions: Sequence[Action]) -> list[Decision]:
    """Every decision of a game's action log in order, with the round it was taken in."""
    found: list[Decision] = []
    round_index = 0
    for action in actions:
        if isinstance(action, Adopt):
            found.append(Decision(round_index, "adopt", action.card, action.note))
        elif isinstance(action, Annotate):
            found.append(Decision(round_index, "annotate", action.card, action.note))
        elif isinstance(action, SetTarget):
            found.append(Decision(round_index, "set_target", amount=action.amount))
        elif isinstance(action, EndYear):
            found.append(Decision(round_index, "end_year"))
            round_index += 1
    return found


def kind_word(lang: str, kind: Kind) -> str:
    """ "Besparelse" / "Saving" …"""
    return catalogue(lang).t(f"kind.{kind.value}")


def verdict_lines(state: GameState, outcome: Verdict, lang: str) -> list[str]:
    """The reasons behind the verdict, as sentences (worded as on the debrief)."""
    return catalogue(lang).verdict_reasons(outcome)


def _amount(value: float, lang: str, target: float | None = None, met: bool | None = None) -> str:
    """``value`` for an HTML table; next to ``target``, with the decimals that show a miss."""
    text = (
        format_amount(value, lang)
        if target is None
        else format_against(value, target, lang, met=met)
    )
    shown = esc(text)
    return f'<span class="neg">{shown}</span>' if value < 0 else shown


def _outcome(
    state: GameState, card: str, lang: str, drawn: bool = False, typed: bool = False
) -> str:
    """What an adoption gave against its face value; ``drawn`` for a paper table's card whose
    factor the game drew because the table did not enter its roll; ``typed`` for one whose
    entered factor is not on the card's die (saved with a warning the host may have missed:
    the report showed "50 % af kortets beløb" with no mark)."""
    t = catalogue(lang).t
    adoption = state.adoption(card)
    proposal = state.deck.proposal(card)
    if adoption is None or not proposal.is_uncertain:
        return t("report.outcome.certain") if adoption is not None else t("report.none")
    if not adoption.revealed:
        return t("report.outcome.pending")
    text = (
        t("report.outcome.failed")
        if adoption.factor == 0
        else t("report.outcome.factor", percent=format_factor(adoption.factor, lang))
    )
    if typed and not on_die(adoption.factor, proposal.uncertainty, proposal.failure):
        return f"{text} ({t('report.outcome.off_die')})"
    return f"{text} ({t('report.outcome.drawn')})" if drawn else text


class _Writer:
    """Builds the pieces of one report."""

    def __init__(self, saved: SavedGame, lang: str, whatif: WhatIf | None) -> None:
        self.saved = saved
        self.lang = lang
        self.state = saved.history.current
        self.deck: Deck = saved.deck
        self.verdict = verdict(self.state)
        self.whatif: WhatIf = whatif if whatif is not None else what_if(self.state)
        self.years = self.state.scenario.years
        self.changes = target_changes(saved)

    def t(self, key: str, **params: object) -> str:
        if key == "unit":
            return self.unit
        return catalogue(self.lang).t(key, **params)

    @property
    def unit(self) -> str:
        """The deck's unit ("mio. kr."), in English words when the report is English."""
        return unit_words(self.deck.unit, self.lang)

    def html(self) -> str:
        parts = [
            self._header(),
            self._verdict(),
            self._target_changes(),
            self._years(),
            self._service(),
            self._adopted(),
            self._events(),
            self._whatif(),
            self._footer(),
        ]
        return page(self.t("report.title"), self.lang, "\n".join(parts))

    def _construction(self) -> list[tuple[str, str]]:
        """The anlæg the game used, against the scenario's anlægsramme, as the board's meter
        says it ("51.200 af 60.000 t. kr."); nothing for a scenario without anlæg. A budget
        office's report said nothing of the frame its game had used almost all of."""
        state, lang = self.state, self.lang
        budget = state.scenario.construction_budget
        if budget is None and not state.construction_used:
            return []
        used = format_amount(state.construction_used, lang)
        if budget is None:
            said = self.t("report.construction_free", used=used, unit=self.unit)
        else:
            total = format_amount(budget, lang)
            said = self.t("report.construction_used", used=used, budget=total, unit=self.unit)
        return [(self.t("report.construction"), said)]

    def _header(self) -> str:
        state, lang = self.state, self.lang
        first, last = state.targets[0], state.targets[-1]
        if len(set(state.targets)) == 1:
            target = self.t("report.target_same", amount=format_target(first, lang), unit=self.unit)
        else:
            target = self.t(
                "report.target_range",
                first=format_target(first, lang),
                last=format_target(last, lang),
                unit=self.unit,
            )
        if self.changes:
            target += " " + self.t("report.target_changed")
        name = (self.saved.table or self.saved.settings.table).strip()
        table = [(self.t("report.table"), name)] if name else []
        if name and self.saved.paper is not None:
            table = [(self.t("report.table"), f"{name} ({self.t('paper.marker')})")]
        facts = [
            *table,
            (self.t("report.deck"), self.deck.title),
            (self.t("report.scenario"), state.scenario.title),
            (self.t("report.years"), f"{self.years[0]}–{self.years[-1]}"),
            (self.t("report.target"), target),
            *self._construction(),
        ]
        rows = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts)
        generated = self.t(
            "report.generated",
            date=format_moment(datetime.now(), lang),
            file=display_path(self.saved.path.name),
        )
        return (
            f'<header class="top"><h1>{esc(self.t("report.title"))}</h1>'
            f'<p class="muted small">{esc(generated)}</p>'
            f'<dl class="facts">{rows}</dl></header>'
        )

    def _whatif_dict(self) -> dict[str, Any]:
        """``WhatIf.to_dict``, with null for the years a stopped paper table never played in
        its per-year figures (summary.json gave 6,4 and 11,9 beside a råderum of null)."""
        found = self.whatif.to_dict()
        played, years = self._played(), len(self.years)
        if played < years:
            for key in ("actual", "expected", "worst10", "best"):
                value = found.get(key)
                if isinstance(value, list):
                    found[key] = [v if y < played else None for y, v in enumerate(value)]
        return found

    def _played(self) -> int:
        """The years the report gives figures for: all of them, or for a paper table that
        stopped early the years it played (its next year's figures would only be what the
        cards adopted so far give: "Det skete … 11,9" for a year never played)."""
        return len(self.state.results) if self.saved.stopped else len(self.years)

    def _verdict(self) -> str:
        state, outcome = self.state, self.verdict
        reasons = verdict_lines(state, outcome, self.lang)
        if not outcome.finished:
            status = " ".join(reasons) if reasons else self.t("report.verdict.on_track")
            headline = self.t("report.unfinished", round=state.round + 1, rounds=len(self.years))
            if self.saved.stopped:  # a paper table that stopped: not "runde 3 af 3"
                body = self.t("report.verdict.stopped", status=status)
                headline = catalogue(self.lang).stopped_after(self.years, state.round)
            else:
                body = self.t("report.verdict.open", status=status)
            more = "".join(f"<p>{esc(line)}</p>" for line in self._reopened())
            return (
                f'<section class="verdict"><div class="headline">{esc(headline)}</div>'
                f"<p>{esc(body)}</p>{more}</section>"
            )
        klass = "won" if outcome.won else "lost"
        headline = self.t("report.verdict.won" if outcome.won else "report.verdict.lost")
        # where the service level came from, as the debrief says it: the window showed
        # "Besparelserne flyttede serviceniveauet med −16 …", the council's paper did not
        moved = catalogue(self.lang).service_by_kind(state)
        lines = "".join(f"<p>{esc(line)}</p>" for line in [*reasons, moved, *self._reopened()])
        return (
            f'<section class="verdict {klass}"><div class="headline">{esc(headline)}</div>'
            f"{lines}</section>"
        )

    def _reopened(self) -> list[str]:
        """The line saying which years the table took back after seeing their result (none
        when it never did)."""
        said = catalogue(self.lang).reopened(self.years, self.saved.history.reopened)
        return [said] if said else []

    def _target_changes(self) -> str:
        """When and how the facilitator changed the target (empty when never)."""
        if not self.changes:
            return ""
        lang, unit = self.lang, self.unit
        parts = [f'<section class="keep"><h2>{esc(self.t("report.section.target_changes"))}</h2>']
        for change in self.changes:
            years = [year for year, _, _ in change.years]
            span = years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"
            sentence = self.t(
                "report.target_change.when" + ("" if change.adopted else "_first"),
                adopted=change.adopted,
                year=self.years[change.round],
                round=change.round + 1,
                rounds=len(self.years),
                before=format_target(change.before, lang),
                after=format_target(change.after, lang),
                unit=unit,
                years=span,
                last=self.years[-1],
            )
            if change.round > 0:
                sentence += " " + self.t(
                    "report.target_change.kept",
                    years=catalogue(lang).join(list(self.years[: change.round])),
                )
            rows = [
                [esc(year), esc(format_target(old, lang)), esc(format_target(new, lang))]
                for year, old, new in change.years
            ]
            headers = [
                self.t("report.col.year"),
                f"{self.t('report.target_change.before')} ({unit})",
                f"{self.t('report.target_change.after')} ({unit})",
            ]
            parts.append(f"<p>{esc(sentence)}</p>{table(headers, rows, numeric=(1, 2))}")
        parts.append("</section>")
        return "".join(parts)

    def _years(self) -> str:
        state, lang = self.state, self.lang
        actual = shown_raaderum(state)  # never an unrevealed factor of an open year
        chart = bars_against_target(
            self.years,
            [Series(self.t("report.col.raaderum"), actual, MET)],
            state.targets,
            title=self.t("report.section.years"),
            target_label=self.t("report.chart.target"),
            lang=lang,
            met_colors=(self.t("report.chart.met"), self.t("report.chart.missed")),
            # an unfinished game's open years are not missed (the table says "–" for them)
            open_from=None if state.finished else len(state.results),
            open_label=self.t("report.chart.open"),
            played=self._played() if self.saved.stopped else None,
        )
        rows = []
        # træthed at each year end, as the capacity column and the screens count it (the
        # engine's ``YearResult.fatigue`` is after the turn of the year, even the last one's)
        peaks = [year.peak for year in fatigue_years(state)]
        # the capacity left at the year end, as the board's "… tilbage" said it: the engine's
        # rule (``ledger.capacity_left``) on the year's belastning and its træthed at the end
        loads = [
            sum(state.deck.proposal(a.card).load for a in state.adopted if a.round == i)
            for i in range(len(state.results))
        ]
        # a paper table that stopped has no råderum for the years it never played (its open
        # year showed what the cards adopted so far would give, 21,1 mio. kr. in 2029)
        begun = self._played()
        for i, year in enumerate(self.years):
            result = state.results[i] if i < len(state.results) else None
            if result is None:
                met = self.t("report.none")
            elif result.met:
                met = f'<span class="met">✓ {esc(self.t("report.yes"))}</span>'
            else:
                met = f'<span class="missed">✗ {esc(self.t("report.no"))}</span>'
            rows.append(
                [
                    esc(year),
                    esc(format_target(state.targets[i], lang)),
                    _amount(actual[i], lang, state.targets[i], result.met if result else None)
                    if i < begun
                    else self.t("report.none"),
                    met,
                    esc(max(0, capacity_left(state.scenario.capacity, loads[i], peaks[i])))
                    if result
                    else self.t("report.none"),
                    esc(peaks[i]) if result else self.t("report.none"),
                    esc(format_amount(result.service, lang, sign=True)) if result else "",
                ]
            )
        unit = self.t("unit").replace(" ", "\u00a0")  # a heading may wrap, but not "m | DKK"
        headers = [
            self.t("report.col.year"),
            f"{self.t('report.col.target')} ({unit})",
            f"{self.t('report.col.raaderum')} ({unit})",
            self.t("report.col.met"),
            self.t("report.col.capacity"),
            self.t("report.col.fatigue"),
            self.t("report.col.service"),
        ]
        return (
            f"<section><h2>{esc(self.t('report.section.years'))}</h2>"
            f"{figure(chart, self.t('report.section.years_note'))}"
            f'<div class="keep">{table(headers, rows, numeric=(1, 2, 4, 5, 6))}</div></section>'
        )

    def _floor_label(self) -> str:
        """ "Servicegulv −6" for the scenario's floor ("" without one)."""
        floor = self.state.scenario.service_floor
        if floor is None:
            return ""
        return self.t("compare.floor", floor=format_amount(floor, self.lang, 0, sign=True))

    def _service(self) -> str:
        results = self.state.results
        if not results:
            return ""
        years = [r.year for r in results]
        chart = line_chart(
            years,
            [
                Series(self.t("report.chart.service"), [r.service for r in results], PALETTE[0]),
                Series(
                    self.t("report.chart.fatigue"),
                    [f.peak for f in fatigue_years(self.state)],
                    PALETTE[5],
                    True,
                ),
            ],
            title=self.t("report.section.service"),
            lang=self.lang,
            height=220,
            floor=self.state.scenario.service_floor,
            floor_label=self._floor_label(),
            whole=True,
        )
        return (
            f"<section><h2>{esc(self.t('report.section.service'))}</h2>"
            f"{figure(chart, self.t('report.section.service_note'))}</section>"
        )

    def _adopted(self) -> str:
        state, lang = self.state, self.lang
        head = f"<section><h2>{esc(self.t('report.section.adopted'))}</h2>"
        if not state.adopted:
            return f"{head}<p>{esc(self.t('report.no_adopted'))}</p></section>"
        paper = self.saved.paper
        rolled = {card for card, _ in paper.factors} if paper is not None else set()
        drawn = {a.card for a in state.adopted if paper is not None and a.card not in rolled}
        typed = paper is not None
        blocks = []
        played = self._played()  # a paper table that stopped: none for the years it never played
        # a game not over shows what its board shows: an unrevealed card at face value, not
        # its hidden factor ("ikke afsløret" stood over a failed investment's 0)
        amount = realised if state.finished else visible
        open_years = not state.finished and not self.saved.stopped
        heading = "report.col.amounts_open" if open_years else "report.col.amounts"
        for adoption in state.adopted:
            proposal = self.deck.proposal(adoption.card)
            # a card tied to budget years (effect_from_year) gives that year's amount, however
            # late it is adopted, as the board counts it (the report showed 6 where 9 counted)
            where = anchor(proposal, state.scenario)
            amounts = [
                _amount(amount(proposal, adoption, y, where), lang)
                if adoption.round <= y < played
                else self.t("report.none")
                for y in range(len(self.years))
            ]
            meta = " · ".join(
                [
                    proposal.area,
                    f"{self.t('report.col.adopted')} {self.years[adoption.round]}",
                    f"{self.t('report.col.outcome')}: "
                    f"{_outcome(state, adoption.card, lang, adoption.card in drawn, typed)}",
                    f"{self.t('report.col.service')} "
                    f"{format_amount(proposal.service, lang, sign=True)}",
                ]
            )
            note = adoption.note.strip()
            note_html = (
                esc(note) if note else f'<span class="muted">{esc(self.t("report.no_note"))}</span>'
            )
            question = (
                f'<p><span class="label">{esc(self.t("report.col.question"))}:</span> '
                f"{esc(proposal.question)}</p>"
                if proposal.question
                else ""
            )
            blocks.append(
                f'<div class="proposal"><h3>{esc(proposal.title)}'
                f'<span class="badge {proposal.kind.value}">'
                f"{esc(kind_word(lang, proposal.kind))}</span></h3>"
                f'<p class="muted small">{esc(meta)}</p>'
                + table(
                    [f"{self.t(heading)} ({self.t('unit')})", *self.years],
                    [["", *amounts]],
                    numeric=tuple(range(1, len(self.years) + 1)),
                )
                + (
                    ""  # a paper table's result sheet has no reasons to enter: no empty lines
                    if paper is not None and not note
                    else f'<p><span class="label">{esc(self.t("report.col.note"))}:</span> '
                    f"{note_html}</p>"
                )
                + question
                + "</div>"
            )
        return head + "\n".join(blocks) + "</section>"

    def _events(self) -> str:
        state, lang = self.state, self.lang
        head = f"<section><h2>{esc(self.t('report.section.events'))}</h2>"
        if not state.events:
            return f"{head}<p>{esc(self.t('report.no_events'))}</p></section>"
        rows = []
        played = self._played()  # a paper table that stopped: none for the years it never played
        for drawn in state.events:
            event = self.deck.event(drawn.card)
            amounts = [
                _amount(event_amount(state, drawn, y), lang) if drawn.round <= y < played else ""
                for y in range(len(self.years))
            ]
            rows.append([esc(event.title), esc(self.years[drawn.round]), *amounts])
        headers = [self.t("report.col.event"), self.t("report.col.drawn"), *self.years]
        numeric = tuple(range(2, len(self.years) + 2))
        return head + table(headers, rows, numeric=numeric) + "</section>"

    def _whatif(self) -> str:
        w, lang = self.whatif, self.lang
        series = [
            # a darker blue than the palette's: in a grey print the palette's blue and the
            # worst 10 %'s vermillion were one grey, side by side
            Series(self.t("report.col.actual"), w.actual, ACTUAL_DARK),
            Series(self.t("report.col.expected"), w.expected, PALETTE[4]),
            Series(self.t("report.col.worst10"), w.worst10, PALETTE[5]),
            # striped: green and vermillion print as one grey, and best and worst stand
            # side by side
            Series(self.t("report.col.best"), w.best, PALETTE[2], True),
        ]
        played = self._played()
        chart = bars_against_target(
            self.years,
            series,
            w.target,
            title=self.t("report.section.whatif"),
            target_label=self.t("report.chart.target"),
            lang=lang,
            played=played if played < len(self.years) else None,
        )
        rows = [
            [esc(self.t("report.col.target")), *(esc(format_target(v, lang)) for v in w.target)]
        ]
        for s in series:
            # next to the year's target, with the decimals that show a miss: the screen said
            # "2,36 ✗" where this table said 2,4 against a target of 2,4
            rows.append(
                [
                    esc(s.label),
                    *(
                        _amount(v, lang, t) if y < played else self.t("report.none")
                        for y, (v, t) in enumerate(zip(s.values, w.target))
                    ),
                ]
            )
        numeric = tuple(range(1, len(self.years) + 1))
        whatif_table = table([self.t("unit"), *self.years], rows, numeric=numeric)
        below = [
            year
            for y, (year, actual, worst) in enumerate(zip(self.years, w.actual, w.worst10))
            if y < played and actual < worst - 1e-9
        ]
        if below:  # a council asks how the result can be below the worst case
            words = catalogue(lang)
            said = words.t("report.below_worst10", years=words.join(below))
            whatif_table += f'<p class="muted small">{esc(said)}</p>'

        best_rows = [
            [
                esc(self.years[start]),
                esc(self.deck.proposal(pid).title),
                esc(kind_word(lang, self.deck.proposal(pid).kind)),
                esc(self.deck.proposal(pid).area),
            ]
            for pid, start in w.best_plan
        ]
        best_table = (
            table(
                [
                    self.t("report.col.year"),
                    self.t("report.col.proposal"),
                    self.t("report.col.kind"),
                    self.t("report.col.area"),
                ],
                best_rows,
            )
            if best_rows
            else f"<p>{esc(self.t('report.best.none'))}</p>"
        )
        verdict_key = "report.best.met_all" if w.best_met_all else "report.best.not_met_all"
        if w.best_met_all and w.best_won is False:  # every year met, and lost on the rules
            verdict_key = "report.best.met_all_lost"
        inexact = (
            "" if w.best_exact else f'<p class="muted">{esc(self.t("report.best.inexact"))}</p>'
        )
        why = ""
        if w.best_met_all and w.best_service is not None:
            # why this plan, as the debrief says it: the same target at a service level of +7
            # against the group's −15 is the lesson, and the paper had only the plan's råderum
            said = catalogue(self.lang).best_plan_why(self.state, w.best_plan, w.best_service)
            why = f"<p>{esc(said)}</p>"
        # a paper table has the whole pile open (``Chance.open_table``): its best plan may use
        # every card of the scenario, and the page says so
        paper = ".paper" if self.saved.paper is not None else ""
        if self.saved.stopped and self.state.results:
            # the plan runs over every year of the game: its first year's figure stood beside
            # a stopped table's own with no word of why it began with a cost
            last = self.years[len(self.state.results) - 1]
            stopped = self.t("report.best.stopped", year=last)
            inexact = f'<p class="muted">{esc(stopped)}</p>{inexact}'
        return (
            f'<section class="page-break"><h2>{esc(self.t("report.section.whatif"))}</h2>'
            f"<p>{esc(self.t('report.section.whatif_note' + paper))}</p>"
            f'{figure(chart)}<div class="keep">{whatif_table}</div>'
            f"<h3>{esc(self.t('report.section.best' + paper))}</h3>"
            f'<p class="muted small">{esc(self.t("report.section.best_note" + paper))}</p>'
            f'<p class="label">{esc(self.t(verdict_key))}</p>{why}{inexact}{best_table}</section>'
        )

    def _footer(self) -> str:
        state = self.state
        return (
            f'<footer class="muted small">{esc(self.t("report.seed"))}: {esc(state.seed)} · '
            f"{esc(self.t('report.state_hash'))}: {esc(state_hash(state))} · "
            f"{esc(self.deck.id)} {esc(self.deck.content_hash[:12])}</footer>"
        )

    def decision_rows(self) -> list[list[str | None]]:
        rows: list[list[str | None]] = []
        for d in decisions(self.saved.history.actions):
            year = self.years[d.round] if d.round < len(self.years) else ""
            proposal = self.deck.proposal(d.card) if d.card else None
            target = number(d.amount, self.lang) if d.amount is not None else ""
            rows.append(
                [
                    str(d.round + 1),
                    year,
                    self.t(f"report.action.{d.action}"),
                    d.card,
                    proposal.title if proposal else "",
                    kind_word(self.lang, proposal.kind) if proposal else "",
                    proposal.area if proposal else "",
                    d.note,
                    target,
                ]
            )
        return rows

    def summary(self) -> dict[str, Any]:
        state, outcome = self.state, self.verdict
        return {
            "deck": {"id": self.deck.id, "title": self.deck.title, "hash": self.deck.content_hash},
            "scenario": {"id": state.scenario.id, "title": state.scenario.title},
            "table": (self.saved.table or self.saved.settings.table).strip(),
            "paper": self.saved.paper is not None,
            "seed": state.seed,
            "years": list(self.years),
            "target": [round(t, 6) for t in state.targets],
            "finished": state.finished,
            "verdict": {
                "won": outcome.won,
                "reasons": list(outcome.reasons),
                "missed_years": list(outcome.missed_years),
                "missing_kinds": [k.value for k in outcome.missing_kinds],
                "service": outcome.service,
                "service_floor": outcome.service_floor,
            },
            # a paper table that stopped: null for the years it never played (not what the
            # cards adopted so far would give), as compare_tables.csv leaves them blank
            "stopped": self.saved.stopped,
            # the years whose end the table took back after seeing their result, once per time
            "reopened_years": [self.years[y] for y in self.saved.history.reopened],
            "raaderum": [
                round(v, 6) if y < self._played() else None
                for y, v in enumerate(shown_raaderum(state))
            ],
            "met": [r.met for r in state.results],
            "adopted": [
                {"id": a.card, "round": a.round + 1, "year": self.years[a.round], "note": a.note}
                for a in state.adopted
            ],
            "adopted_ids": list(state.adopted_ids()),
            "events": [{"id": e.card, "round": e.round + 1} for e in state.events],
            "state_hash": state_hash(state),
            "what_if": self._whatif_dict(),
            "created": self.saved.created,
            "updated": self.saved.updated,
            "lang": self.lang,
        }


BoardPicture = Callable[[SavedGame, str], bytes]
"""Draws the board of a saved game in a language as PNG bytes, off-screen: it must never touch
a window on screen. The caller hands it in (the command line and the debrief pass the game
window's ``game.ui.app.report_board``), so this package draws nothing itself."""


REPORT_FILES = ("report.html", "decisions.csv", "summary.json", "board.png")
"""The files ``write_report`` writes into its folder."""


def write_report(
    saved: SavedGame,
    out_dir: Path,
    lang: str = "da",
    whatif: WhatIf | None = None,
    board_picture: BoardPicture | None = None,
) -> list[Path]:
    """Write report.html, decisions.csv, summary.json and, given ``board_picture``, board.png
    for a saved game into ``out_dir`` (created if missing); returns the paths written.

    All files are built in memory first, then written atomically and checked (board.png must
    be a complete PNG) as one batch: either all are there, complete, or none is.
    Raises ``game.saves.WriteFailed`` (one Danish line, e.g. "…: rapporten kunne ikke skrives:
    disken er fuld") when the folder cannot be made or written, before anything is written.

    ``whatif`` is ``what_if(saved.history.current)`` when the caller has it already (the
    debrief computes it while the group talks); it is computed here otherwise.
    ``board_picture`` draws board.png (without it there is no board.png).
    """
    from game.saves.files import Output, WriteFailed, check_png, folder_problem, write_files

    out_dir = Path(out_dir)
    problem = folder_problem(out_dir)
    if problem is not None:
        said = Message.of("report.cannot_write", reason=problem.said)
        raise WriteFailed(problem.path, said, problem.code)
    writer = _Writer(saved, lang, whatif)
    summary = json.dumps(writer.summary(), ensure_ascii=False, indent=2) + "\n"
    outputs = [
        Output(out_dir / "report.html", writer.html().encode("utf-8")),
        Output(
            out_dir / "decisions.csv", csv_bytes(DECISIONS_HEADER, writer.decision_rows(), lang)
        ),
        Output(out_dir / "summary.json", summary.encode("utf-8")),
    ]
    if board_picture is not None:
        outputs.append(Output(out_dir / "board.png", board_picture(saved, lang), check_png))
    write_files(outputs, verb="rapporten kunne ikke skrives")
    return [output.path for output in outputs]
