"""``raaderum balance``: play a deck with every strategy and report what it teaches.

    raaderum balance [--deck PATH] [--scenario ID ...] [--games N] [--one-sided-games N]
                     [--seed S] [--workers N] [--json] [--markdown FILE]

Prints a Danish table (or, with ``--json``, one JSON object) and exits 0; with ``--markdown``
it also writes the tables as Markdown (``make balance`` writes docs/balance.md). A progress
bar runs on stderr when it is a terminal.
"""

from __future__ import annotations

import json
import math
import os
import shlex
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from game.balance.advice import (
    KIND_WORD,
    KIND_WORDS,
    card_advice,
    guidance,
    held_back,
    one_sided_advice,
    percent,
    pile_advice,
    pile_too_big,
    target_advice,
    too_strong,
)
from game.balance.analysis import (
    BEST_RANGE,
    DEAD,
    DOMINANT,
    HINDSIGHT_MIN,
    ScenarioResult,
    Suggestion,
    card_stats,
    checks,
    largest_events,
    pile_of,
    suggested,
    summarise,
    target_candidates,
)
from game.balance.diagnosis import diagnose, wins_with_each
from game.balance.lessons import lessons_for
from game.balance.play import GameRecord, play
from game.balance.strategies import BEST_CANDIDATES, BY_NAME, STRATEGIES, Strategy, spoken
from game.engine.model import Deck
from game.launcher import commands_as_run
from game.numbers import format_amount, unit_scale


class Progress:
    """A one-line progress bar on a terminal; elsewhere (a log, a file) a plain line at each
    tenth of the work. The bar is cut to the terminal's width, so that it never wraps (a
    wrapped line would leave a stale copy of itself on every update)."""

    BAR = 30
    """The bar's width in characters."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = max(1, total)
        self.done = 0
        # sys.stderr when the bar is made, not when the module was imported (a stream bound
        # then may be closed since: a test's captured one was)
        self.stream = stream if stream is not None else sys.stderr
        self.live = self.stream.isatty()
        self.tenths = 0
        """The tenths of the work a plain line has been written for (off a terminal)."""

    def step(self, label: str, finished: int, part: int) -> None:
        """``finished`` of the ``part`` steps labelled ``label`` are done."""
        self._draw(label, self.done + finished)
        if finished >= part:
            self.done += part

    def note(self, label: str) -> None:
        """Work outside the counted steps (the diagnosis): the bar stands, ``label`` shows."""
        self._draw(label, self.done)

    def line(self, label: str, shown: int) -> str:
        """The line drawn for ``label`` with ``shown`` steps done, as wide as the terminal
        allows (one column spare)."""
        filled = int(self.BAR * min(shown, self.total) / self.total)
        bar = "█" * filled + "·" * (self.BAR - filled)
        text = f"{bar} {min(100, shown * 100 // self.total):3d} %  {label}"
        room = max(self.BAR, self._columns() - 1)
        return text[: room - 1] + "…" if len(text) > room else text.ljust(room)

    def _columns(self) -> int:
        """The terminal's width: $COLUMNS when set, else the stream's own terminal's, else 80."""
        if os.environ.get("COLUMNS", "").isdigit():
            return int(os.environ["COLUMNS"])
        try:
            return os.get_terminal_size(self.stream.fileno()).columns
        except (AttributeError, OSError, ValueError):
            return 80

    def _draw(self, label: str, shown: int) -> None:
        if not self.live:
            tenths = min(10, shown * 10 // self.total)
            if tenths > self.tenths:
                self.tenths = tenths
                self.stream.write(f"{tenths * 10:3d} %  {label}\n")
                self.stream.flush()
            return
        self.stream.write("\r" + self.line(label, shown))
        self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\r" + " " * (self._columns() - 1) + "\r")
            self.stream.flush()


def run(
    deck: Deck,
    scenario_ids: Sequence[str],
    games: int,
    seed: int,
    workers: int,
    progress: Progress | None = None,
    one_sided_games: int | None = None,
) -> list[ScenarioResult]:
    """Play every strategy on every scenario ``games`` times (the look-ahead one-sided ones
    ``one_sided_games`` times, default ``games``); the better balanced strategy's games are
    also judged in hindsight and per card."""
    results = []
    for sid in scenario_ids:
        scenario = deck.scenario(sid)
        records: dict[str, list[GameRecord]] = {}
        for strategy in STRATEGIES:
            label = f"{sid}: {strategy.label}"
            count = games_of(strategy, games, one_sided_games)

            def tell(done: int, label: str = label, count: int = count) -> None:
                if progress is not None:
                    progress.step(label, done, count)

            records[strategy.name] = play(
                deck,
                sid,
                strategy.name,
                count,
                seed,
                hindsight=strategy.name == "planner",
                workers=workers,
                progress=tell,
            )
        summaries = {
            n: summarise(n, r, scenario.rounds, scenario.target) for n, r in records.items()
        }
        result = ScenarioResult(scenario, summaries, pile_of(deck, scenario))
        best = result.best.name
        if best != "planner":  # judge the better balanced strategy's own games
            records[best] = play(deck, sid, best, games, seed, hindsight=True, workers=workers)
        judged = records[best]
        result.hindsight_share = sum(bool(r.hindsight_won) for r in judged) / max(1, len(judged))
        if result.hindsight_share < HINDSIGHT_MIN:  # what holds the lost games back

            def told(done: int, sid: str = sid, count: int = len(judged)) -> None:
                if progress is not None:
                    progress.note(f"{sid}: hvad holdt spillene tilbage {done}/{count}")

            result.diagnosis = diagnose(best, judged, workers=workers, progress=told)
        # the targets to try: of the candidates, the one the best plan in hindsight wins
        # most often with (the ★'s own on a tie)
        now = sum(bool(r.hindsight_won) for r in judged)
        candidates = target_candidates(result)
        if progress is not None and candidates:
            progress.note(f"{sid}: regner på mål at foreslå")
        counts = wins_with_each(judged, [c.targets for c in candidates], workers=workers)
        raising = result.best.win_rate > BEST_RANGE[1]
        chosen: tuple[bool, float] | None = None
        for candidate, won in zip(candidates, counts or ()):
            rank = suggestion_rank(candidate, won, len(judged), raising)
            if chosen is None or rank > chosen:
                chosen = rank
                result.suggestion, result.suggested_won = candidate, won
        lower = result.best.win_rate < BEST_RANGE[0]
        if lower and result.suggested_won is not None and result.suggested_won <= now:
            # lower targets would win no more games in hindsight: suggest none
            result.suggestion, result.suggested_won = None, None
            result.lower_targets_help = False
        result.cards = card_stats(deck, judged, scenario.rounds)
        result.big_events = largest_events(deck, scenario)
        result.lessons = lessons_for(deck.id, result, records)
        results.append(result)
    return results


def suggestion_rank(
    candidate: Suggestion, won: int, games: int, raising: bool
) -> tuple[bool, float]:
    """How a candidate of targets ranks (the highest is suggested) after the best plan in
    hindsight won ``won`` of ``games`` with it: when a game too easy is to be made harder
    (``raising``), the highest targets it still wins in ``HINDSIGHT_MIN`` of the games – the
    candidate won most often with was the one that raised least, a step of 1 mio. kr. a run
    – else the most wins."""
    if raising and won >= HINDSIGHT_MIN * games:
        return (True, sum(candidate.targets))
    return (False, won)


def games_of(strategy: Strategy, games: int, one_sided_games: int | None) -> int:
    """How many games ``strategy`` plays: ``one_sided_games`` for a look-ahead one-sided
    strategy when given, else ``games``."""
    if strategy.one_sided and strategy.lookahead and one_sided_games is not None:
        return one_sided_games
    return games


REASONS = {"target": "mål", "kinds": "slags", "service": "service"}


def _never_counted(titles: tuple[str, ...]) -> str:
    """The sentence after the pile's size naming the cards it leaves out because no group can
    ever adopt them (``raaderum validate`` says why), or nothing."""
    if not titles:
        return ""
    named = " og ".join(", ".join(f"»{t}«" for t in titles).rsplit(", ", 1))
    return commands_as_run(
        f" {named} kan aldrig vedtages i scenariet og er ikke talt med"
        " (raaderum validate siger hvorfor)."
    )


def scenario_lines(result: ScenarioResult, unit: str, markdown: bool) -> list[str]:
    """The tables of one scenario, as plain text or Markdown."""
    s = result.scenario
    pile = result.pile
    targets = " / ".join(format_amount(t) for t in s.target)
    # the pile and its parts with the same decimals, so that they add up as written (132,5 =
    # 31 + 39 + 62,5); whole numbers in a deck in t. kr.
    places = 1 if unit_scale(unit) <= 1 else 0

    def times(ratio: float) -> str:
        # against a final target of 0 no ratio means anything ("0 × slutmålet" did)
        if pile.final_target <= 0:
            return ""
        return f" ({format_amount(ratio, decimals=2)} × slutmålet)"

    lines = [
        f"## {s.title} ({s.id})" if markdown else f"{s.title} ({s.id})",
        "",
        f"Mål pr. år: {targets} {unit.rstrip('.')}. "
        f"Bunken frigør {format_amount(pile.total, decimals=places)} {unit} ved fuld effekt"
        f"{times(pile.ratio)}: "
        + ", ".join(
            f"{KIND_WORDS[k]} {format_amount(v, decimals=places)}" for k, v in pile.by_kind.items()
        )
        + (
            "."
            if pile.reach is None
            else f". Inden for scenariets {len(result.scenario.years)} år når kortene højst "
            f"{format_amount(pile.reach, decimals=places)} {unit} i det sidste år"
            f"{times(pile.reach_ratio)}, fordi nogle først giver deres fulde beløb senere."
        )
        + _never_counted(pile.never),
        "",
    ]
    found = guidance(result, unit)
    if found is not None:
        # first what the author must fix: the deck cannot (always) be won, and why
        lines += [f"**{found.headline}**" if markdown else found.headline, ""]
        for title, items in (
            ("Det holder den bedste plan i bakspejlet tilbage i de spil, den taber:", found.why),
            ("Prøv:", found.tries),
        ):
            if items:
                lines.append(title)
                if markdown:
                    lines.append("")
                lines += [f"- {item}" if markdown else f"  - {item}" for item in items]
                lines.append("")
    header = ["Strategi", "Vundet", "Tabt på mål", "på slags", "på service", "Gns. råderum pr. år"]
    rows = []
    for strategy in STRATEGIES:
        r = result.strategies.get(strategy.name)
        if r is None:
            continue
        rows.append(
            [
                strategy.label + (" ★" if r.name == result.best.name else ""),
                percent(r.win_rate),
                *(percent(r.losses[k] / r.games) for k in ("target", "kinds", "service")),
                # one decimal like every amount of the report (none in t. kr.): a mean near 0
                # is not "−0,348", and 8.077,7 t. kr. stands among whole t. kr. as 8.078
                " / ".join(format_amount(v, decimals=places) for v in r.mean_raaderum),
            ]
        )
    lines += _table(header, rows, markdown)
    lines += ["", legend(markdown), ""]
    if found is None:
        if result.hindsight_share is not None:
            lines.append(
                f"Den bedste plan set i bakspejlet (med de kort, bordet så) vinder i "
                f"{percent(result.hindsight_share)} af de spil, {spoken(result.best.name)} "
                "spillede."
            )
        advice = target_advice(result, unit)
        if advice is not None:
            lines.append(advice)
    for text, met in result.lessons:
        if met is None:  # a lesson with ✓ or ✗ stands once, among the targets below
            lines.append(f"- {text}" if markdown else f"  {text}")
    if lines[-1]:
        lines.append("")
    if result.cards:
        flagged = [c for c in result.cards if c.flag]
        lines.append(
            f"Kort under {spoken(result.best.name)}: vedtaget, når kortet lå på bordet"
            + (
                f" ({len(flagged)} dominerende eller døde)"
                if flagged
                else " (ingen dominerende eller døde)"
            )
            + (
                "; de bedømmes først, når dækket kan vindes, for nu skal gruppen bruge det, "
                "den kan få"
                if result.out_of_reach and flagged
                else ""
            )
            + ":"
        )
        lines.append("")
        card_rows = [
            [
                c.title,
                KIND_WORD[c.kind],
                str(c.shown),
                percent(c.rate),
                {"dominant": "dominerende", "dead": "dødt"}.get(c.flag, ""),
            ]
            for c in result.cards
        ]
        lines += _table(["Forslag", "Slags", "Vist i spil", "Vedtaget", ""], card_rows, markdown)
        lines.append("")
        to_do = one_sided_advice(result, unit) + (
            []
            if result.out_of_reach
            else card_advice(
                result.cards,
                unit,
                result.scenario.require_all_kinds,
                more_capacity=bool(result.diagnosis and result.diagnosis.rescued.get("capacity")),
                strong=too_strong(result),
                hold_targets=held_back(result),
                shrink_pile=pile_too_big(result),
            )
        )
        if to_do:
            lines += [f"- {text}" if markdown else f"  {text}" for text in to_do]
            lines.append("")
    sizes = pile_advice(result, unit)  # judged with or without cards, and out of reach too
    if sizes:
        lines += [f"- {text}" if markdown else f"  {text}" for text in sizes]
        lines.append("")
    return lines


def legend(markdown: bool) -> str:
    """What the strategy table's ★ and loss columns mean (the Markdown page's introduction
    already says the latter)."""
    star = (
        "★ er den af de to afbalancerede strategier (»Grådig« og »Planlægger«), der vinder "
        "oftest – ved samme vinderprocent den, der kommer nærmest målene. Dens spil bruges "
        "til den bedste plan set i bakspejlet og til kortenes tal. Forslagene til nye mål "
        "bygger på det, begge strategier nåede (forslaget siger hvis tal, det er), og de "
        "prøves på ★'s spil."
    )
    if markdown:
        return star
    return star + (
        " Et spil kan tabes på flere ting på én gang, så »Tabt på …« summer ikke til 100 %."
    )


def _table(header: list[str], rows: list[list[str]], markdown: bool) -> list[str]:
    if markdown:
        out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        out += ["| " + " | ".join(row) + " |" for row in rows]
        return out
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    out = ["  ".join(str(h).ljust(w) for h, w in zip(header, widths))]
    out += ["  ".join(str(c).ljust(w) for c, w in zip(row, widths)) for row in rows]
    return out


def report_text(
    deck: Deck,
    results: Sequence[ScenarioResult],
    games: int,
    seed: int,
    markdown: bool,
    one_sided: int | None = None,
    deck_arg: str | None = None,
) -> str:
    """The whole report: the scenarios' tables and the targets with ✓/✗. ``deck_arg`` is the
    deck as --deck named it (None: the standard deck, whose report ``make balance`` writes);
    the Markdown report's first lines give the command that wrote it."""
    lines = []
    if markdown:
        # a name whose bytes are not UTF-8 as "\ufffd": the report is UTF-8 (it ended in a
        # traceback after every game had been played)
        shown = None if deck_arg is None else os.fsencode(deck_arg).decode("utf-8", "replace")
        named = "" if shown is None else f" --deck {shlex.quote(shown)}"
        option = "" if one_sided is None else f" --one-sided-games {one_sided}"
        fewer = (
            ""
            if one_sided is None or one_sided == games
            else f", de tre planlagte ensidige strategier {one_sided} gange (de er langsomme)"
        )
        played = [r.scenario.id for r in results]
        only = ""
        if len(played) < len(deck.scenarios):
            option += "".join(f" --scenario {sid}" for sid in played)
            left = [s.id for s in deck.scenarios if s.id not in played]
            everything = "uden --scenario" if deck_arg else "`make balance` uden SCENARIOS"
            only = (
                f" Kun {', '.join(played)} er spillet her; {', '.join(left)} er ikke med "
                f"({everything} spiller alle)."
            )
        make = "" if deck_arg else " (`make balance`)"
        lines += [
            f"{REPORT_START}{deck.title}",
            "",
            f"{REPORT_BY}{named} --games {games}{option} --seed {seed}`{make}."
            f"{only} "
            f"Hvert scenarie er spillet {games} gange med hver strategi{fewer}; hvert spil har "
            f"sin egen startværdi (seed), udledt af --seed {seed}, så den samme kommando giver "
            "den samme rapport.",
            "",
            "Sådan læses tabellerne: *Vundet* er andelen af spil, strategien vandt. Et tabt spil "
            "kan have flere grunde på én gang, så kolonnerne *Tabt på …* summer ikke til 100 %. "
            "*Planlæggeren* ser frem med samme heltalsprogram som resultatskærmens bedste plan, "
            "men kun med de kort, der ligger på bordet, og med forventede beløb og hændelser; "
            "den sigter efter luft over hvert mål og regner kun med brættets tal, når ingen "
            "plan med luft eller med de forventede beløb kan vinde. Når luften kan nås, vælger "
            "den blandt planerne den, der tager mindst kapacitet (belastning og træthed): den "
            "vedtager ikke forslag, budgettet ikke har brug for. Et forslag, den alligevel "
            "altid tager, er derfor et, der altid er det bedste valg; "
            "*den bedste plan set i bakspejlet* kender de hændelser, der kom, og de kort, bordet "
            "så, og regner med kortenes forventede beløb. *De planlagte ensidige strategier* "
            "lægger planer som planlæggeren, men "
            "vedtager højst ét kort af hver af de slags, de ikke satser på; de viser, om de "
            "ensidige strategier også taber, når de spilles med omhu, og ikke kun fordi den "
            "grådige udgave spiller dårligt. *De ensidige strategier efter brættets tal* "
            "tager straks det stærkeste kort af hver af de andre slags (det, der lover mest i "
            "det sidste år), regner med brættets tal og håber på gode træk, sådan som et bord "
            "kan spille, når den forsigtige plan ikke kan vinde. Et forslag er *dominerende*, "
            "når den bedste "
            "strategi vedtager det i over "
            f"{DOMINANT * 100:.0f} % af de spil, hvor det lå på bordet, og *dødt* under "
            f"{DEAD * 100:.0f} %.",
            "",
        ]
    for result in results:
        lines += scenario_lines(result, deck.unit, markdown)
    found = checks(results)
    waiting = [c for c in found if not c.judged]
    lines.append("## Målene for balancen" if markdown else "Målene for balancen")
    lines += ["", CHECKS_LEGEND + (" " + WAITING_LEGEND if waiting else ""), ""]
    fewest = min(games, one_sided or games)
    if fewest < FEW_GAMES:
        # a budget office saw its planner move from 72,5 % ✓ to 82,5 % ✗ between two runs
        lines += [sample_warning(fewest), ""]
    for check in found:
        mark = "– " if not check.judged else "✓ " if check.met else "✗ "
        lines.append(("- " if markdown else "  ") + mark + check.text)
    met = sum(c.met for c in found)
    if waiting:
        judged = len(found) - len(waiting)
        lines += [
            "",
            f"{met} af {judged} bedømte mål er nået; {len(waiting)} bedømmes først, når dækket "
            "kan vindes.",
        ]
    else:
        lines += ["", f"{met} af {len(found)} mål er nået."]
    return "\n".join(lines) + "\n"


FEW_GAMES = 200
"""Below this many games per strategy a win rate is too uncertain to judge a deck by: the
report says how uncertain (``sample_warning``)."""


def sample_warning(games: int) -> str:
    """How far a win rate from ``games`` games may lie from the true one (95 %, at a true
    rate of 50 %, where it is widest), and what to do before changing the deck by ✓ and ✗."""
    spread = 1.96 * math.sqrt(0.25 / max(1, games)) * 100
    return (
        f"Bemærk: med {games} spil pr. strategi kan en vinderprocent ligge op til "
        f"{format_amount(spread, decimals=0)} procentpoint fra den, mange spil ville give, så et "
        "mål tæt på sin grænse kan skifte mellem ✓ og ✗ fra kørsel til kørsel. Kør mindst "
        f"{FEW_GAMES} spil (--games og --one-sided-games), før du retter dækket efter dem."
    )


CHECKS_LEGEND = (
    "Bunken ved fuld effekt er summen af kortenes sidste beløb: 2–3 × slutmålet giver gruppen "
    "noget at vælge imellem, uden at den kan tage det hele, og besparelserne alene skal give "
    "mindre end slutmålet, ellers kan gruppen spare sig til målet. »2 gange så ofte«: den "
    "bedste strategi skal vinde mindst dobbelt så ofte som den bedste ensidige, ellers lærer "
    "spillet ikke, at alle tre slags skal i spil."
)
"""What the pile targets and the twice-as-often target mean, above the list."""

WAITING_LEGEND = (
    "– er et mål, der først bedømmes, når dækket kan vindes: at rette det nu ville gøre "
    "spillet endnu sværere, eller det siger intet, når intet vinder."
)
"""Said when some targets wait (``Check.judged``)."""


def to_json(deck: Deck, results: Sequence[ScenarioResult], games: int, seed: int) -> dict[str, Any]:
    """The run as a JSON-ready object."""
    found = checks(results)
    return {
        "deck": deck.id,
        "unit": deck.unit,
        "games": games,
        "seed": seed,
        "scenarios": {
            r.scenario.id: {
                "best": r.best.name,
                "strategies": {
                    n: {
                        "win_rate": round(s.win_rate, 4),
                        "wins": s.wins,
                        "games": s.games,
                        "losses": s.losses,
                        "mean_raaderum": [round(v, 3) for v in s.mean_raaderum],
                        "reached_in_60_percent": [round(v, 3) for v in s.reached_often],
                        "one_sided": s.one_sided,
                    }
                    for n, s in r.strategies.items()
                },
                "hindsight_share": None
                if r.hindsight_share is None
                else round(r.hindsight_share, 4),
                "pile": {
                    "total": r.pile.total,
                    "ratio": round(r.pile.ratio, 3),
                    "reach_in_last_year": r.pile.reach,
                    "never_adoptable": list(r.pile.never),
                    "by_kind": {k.value: v for k, v in r.pile.by_kind.items()},
                    "savings_alone": r.pile.savings_alone,
                },
                "cards": [
                    {
                        "id": c.id,
                        "shown": c.shown,
                        "adopted": c.adopted,
                        "rate": round(c.rate, 4),
                        "flag": c.flag,
                        "per_capacity": round(c.per_capacity, 4),
                        "outclasses": list(c.outclasses),
                    }
                    for c in r.cards
                ],
                "lessons": [{"text": t, "met": m} for t, m in r.lessons],
                "out_of_reach": r.out_of_reach,
                "suggested_targets": _rounded(None if (t := suggested(r)) is None else t.targets),
                "suggested_targets_won": r.suggested_won,
                "diagnosis": _diagnosis_json(r, deck.unit),
            }
            for r in results
        },
        "checks": [{"text": c.text, "met": c.met, "judged": c.judged} for c in found],
        "all_met": all(c.met for c in found),
    }


def _rounded(values: Sequence[float] | None) -> list[float] | None:
    return None if values is None else [round(v, 3) for v in values]


def _diagnosis_json(result: ScenarioResult, unit: str) -> dict[str, Any] | None:
    """The diagnosis as JSON (None when the best plan in hindsight wins often enough)."""
    found = result.diagnosis
    if found is None:
        return None
    half = found.capacity_for(0.5)
    floor = found.floor_for(0.5)
    return {
        "strategy": found.strategy,
        "games": found.games,
        "lost": found.lost,
        "rescued": found.rescued,
        "capacity_for_half": None if half is None else half[0],
        "floor_for_half": None if floor is None else floor[0],
        "capacity_short_games": found.capacity_short,
        "construction_short_games": found.construction_short,
        "most_per_year": [
            {"under_rules": round(u, 3), "without_limits": round(f, 3)}
            for u, f in (found.year_short(y, t)[2:] for y, t in enumerate(result.scenario.target))
        ],
        "guidance": None
        if (g := guidance(result, unit)) is None
        else [g.headline, *g.why, *g.tries],
    }


def run_balance(args: Any) -> int:
    """The ``raaderum balance`` command (arguments already checked by the CLI)."""

    from game.balance.parallel import workers_default
    from game.cli.common import (
        load_deck_named,
        reader_lang,
        scenario_of,
        usage_error,
        writable,
        write_or_say,
    )
    from game.messages import catalogue
    from game.saves.files import write_file

    markdown = Path(args.markdown) if args.markdown else None
    if markdown is not None:  # said before minutes of games, not after them
        if markdown.is_dir():
            raise usage_error("cli.is_folder", out=args.markdown, example="balance.md")
        if markdown.exists() and not _earlier_report(markdown):
            # the deck being tested, a save or a document was overwritten with the report
            raise usage_error("cli.exists", out=args.markdown)
        writable(markdown)
    deck = load_deck_named(args.deck)
    if reader_lang(args) != "da":  # said, not silently ignored
        print(catalogue(reader_lang(args)).t("cli.balance_danish"), file=sys.stderr)
    ids = list(dict.fromkeys(args.scenario)) if args.scenario else [s.id for s in deck.scenarios]
    for sid in ids:
        scenario_of(deck, sid)  # an unknown id is a usage error, worded, before any game
    workers = args.workers or workers_default()
    one_sided = args.one_sided_games
    per_scenario = sum(games_of(s, args.games, one_sided) for s in STRATEGIES) + args.games
    progress = Progress(len(ids) * per_scenario)
    started = time.perf_counter()
    results = run(deck, ids, args.games, args.seed, workers, progress, one_sided)
    progress.close()
    if markdown is not None:
        text = report_text(
            deck,
            results,
            args.games,
            args.seed,
            markdown=True,
            one_sided=one_sided,
            deck_arg=args.deck,
        )
        write_or_say(markdown, lambda: write_file(markdown, text.encode("utf-8")))
    if args.json:
        print(json.dumps(to_json(deck, results, args.games, args.seed), ensure_ascii=False))
    else:
        print(report_text(deck, results, args.games, args.seed, markdown=False), end="")
        seconds = f"{time.perf_counter() - started:.0f}"
        print(catalogue(reader_lang(args)).t("cli.balance_done", seconds=seconds), file=sys.stderr)
    return 0


REPORT_START = "# Balance: "
REPORT_BY = "Skrevet af `raaderum balance"
"""How a Markdown report of ``balance`` begins (``report_text``): its heading, then, two lines
down, the command that wrote it. A file that begins so is the report of an earlier run,
which a new run may replace (``make balance`` rewrites docs/balance.md); any other file –
also a note of the author's own headed "# Balance: …" – is never overwritten."""


def _earlier_report(path: Path) -> bool:
    """Whether the file at ``path`` is empty or a Markdown report of an earlier run."""
    if not path.is_file():
        # a device, a FIFO or a socket is no report: /dev/null read as empty, was replaced by
        # the report (and a FIFO held the command before any game)
        return False
    try:
        with path.open("rb") as handle:
            start = handle.read(1024).decode("utf-8", errors="replace")
    except OSError:
        return False  # said by ``writable`` or the write itself
    lines = start.split("\n")
    return not start or (
        len(lines) > 2 and lines[0].startswith(REPORT_START) and lines[2].startswith(REPORT_BY)
    )


__all__ = ["BEST_CANDIDATES", "BY_NAME", "report_text", "run", "run_balance", "to_json"]
