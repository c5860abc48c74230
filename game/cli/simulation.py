"""``raaderum simulate`` (bots play many games) and ``raaderum forecast`` (the risk meter for a
plan, from the command line).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from game.cli.common import (
    EXIT_OK,
    load_deck_named,
    reader_lang,
    scenario_of,
    target_line,
    usage_error,
    warn_target,
)
from game.messages import (
    catalogue,
    unit_words,
)
from game.numbers import format_target

if TYPE_CHECKING:
    from game.engine import Deck, Scenario


def cmd_simulate(args: argparse.Namespace) -> int:
    """Let a bot play many games and report wins and loss reasons."""
    from game.engine.simulate import simulate

    deck = load_deck_named(args.deck)
    scenario = scenario_of(deck, args.scenario)
    warn_target(deck, scenario, args.target, reader_lang(args), "simulate")
    result = simulate(deck, scenario.id, args.policy, args.games, args.seed, args.target)
    if args.json:
        from game.engine.rules import scaled_targets

        played = (
            scaled_targets(scenario.target, args.target)
            if args.target is not None
            else scenario.target
        )
        # the targets the bots played against, in the deck's unit
        data = {**result.to_dict(), "unit": deck.unit, "targets": list(played)}
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    from game.numbers import format_amount, format_percent

    lang = reader_lang(args)
    say = catalogue(lang).t
    title, policy, games = scenario.title, args.policy, args.games
    print(say("cli.sim.head", title=title, id=scenario.id, policy=policy, games=games))
    print(target_line(deck, scenario, args.target, lang))
    print(say("cli.sim.won", wins=result.wins, percent=format_percent(result.win_rate, lang)))
    for reason, count in result.losses.items():
        print(say("cli.sim.lost", reason=say(f"cli.sim.reason.{reason}"), count=count))
    if sum(result.losses.values()) > args.games - result.wins:
        print(say("cli.sim.several_reasons"))  # the lines add up to more than the lost games
    for year, amount in zip(scenario.years, result.mean_raaderum):
        shown = format_amount(amount, lang)
        print(say("cli.sim.mean", year=year, amount=shown, unit=unit_words(deck.unit, lang)))
    return EXIT_OK


def _plan_items(deck: Deck, scenario: Scenario, items: Sequence[str]) -> list[str]:
    """``--adopt`` entries as ``parse_plan`` reads them (``ID@ROUND``), written the ways
    ``raaderum enter`` takes them too: a card by its title or by the id the budget office's
    workbook spelt ("Luk den mindste landsbyskole@2"), and a round by its budget year
    ("skole-luk@2028") – a budget office's plan says years, not rounds."""
    from game.saves.paper import by_title

    parts = [item.rpartition("@") if "@" in item else (item, "", "") for item in items]
    cards = by_title(
        [(card.strip(), n) for n, (card, _, _) in enumerate(parts)],
        scenario.proposals,
        lambda pid: deck.proposal(pid).title,
    )
    years = [year.strip() for year in scenario.years]
    written = []
    for item, (card, _), (_, at, when) in zip(items, cards, parts):
        if not card.strip():  # parse_plan says so, with what was typed ("@2028")
            written.append(item.strip())
            continue
        when = when.strip()
        if when in years:
            when = str(years.index(when) + 1)
        written.append(f"{card}{at}{when}")
    return written


def cmd_forecast(args: argparse.Namespace) -> int:
    """The multi-year effect of a set of proposals (the deck author's calculator)."""
    from game.engine.forecast import forecast_plan
    from game.engine.rules import scaled_targets
    from game.planning import PlanError, parse_plan

    deck = load_deck_named(args.deck)
    scenario = scenario_of(deck, args.scenario)
    try:
        plan = parse_plan(deck, scenario, _plan_items(deck, scenario, args.adopt))
    except PlanError as error:
        raise usage_error(error.key, **error.params) from None
    warn_target(deck, scenario, args.target, reader_lang(args), "forecast")
    target = scaled_targets(scenario.target, args.target) if args.target is not None else None
    result = forecast_plan(
        deck,
        scenario,
        plan,
        target=target,
        samples=args.samples,
        seed=args.seed,
        certain=args.certain,
    )
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
        return EXIT_OK
    from game.numbers import format_amount, format_percent

    lang = reader_lang(args)
    say = catalogue(lang).t

    from game.content.schema import unit_scale

    places = 0 if unit_scale(deck.unit) >= 1000 else 1  # one column, one precision

    def amount(value: float) -> str:
        return format_amount(round(value, places), lang, decimals=places)

    samples = format_amount(result.samples, lang, decimals=0)
    count = "one" if len(plan) == 1 else "many"
    unit = unit_words(deck.unit, lang)
    head = f"cli.fc.head.{count}"
    outcomes = say("cli.fc.outcome_one" if result.samples == 1 else "cli.fc.outcomes")
    print(
        say(
            head,
            title=scenario.title,
            count=len(plan),
            samples=samples,
            outcomes=outcomes,
            unit=unit,
        )
    )
    p10, p50, p90 = (format_percent(share, lang) for share in (0.1, 0.5, 0.9))
    year_head, target_head = say("cli.fc.year"), say("cli.fc.target")
    print(
        f"{year_head:>6} {target_head:>8} {say('cli.fc.expected'):>10} {p10:>8} {p50:>8} {p90:>8}"
    )
    for i, year in enumerate(result.years):
        print(
            f"{year:>6} {format_target(result.target[i], lang):>8} "
            f"{amount(result.expected[i]):>10} {amount(result.p10[i]):>8} "
            f"{amount(result.p50[i]):>8} {amount(result.p90[i]):>8}"
        )
    print(say("cli.fc.probability", percent=format_percent(result.probability, lang)))
    return EXIT_OK
