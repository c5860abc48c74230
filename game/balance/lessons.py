"""What each scenario of the standard deck says it teaches, checked against the games.

A scenario's briefing makes a claim to the room ("kun investeringer, der når at betale sig,
kan bære jer igennem"); the balance run shows whether the mechanics keep it. Other decks get
the general lesson only (all three kinds are needed).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from game.balance.analysis import ONE_SIDED_MAX, ScenarioResult
from game.balance.play import GameRecord
from game.balance.strategies import BY_NAME, spoken

Lesson = Callable[
    [ScenarioResult, Mapping[str, Sequence[GameRecord]]], list[tuple[str, bool | None]]
]


def _side(result: ScenarioResult, side: str) -> tuple[float, str] | None:
    """The best win rate of the one-sided strategies that stand for ``side`` (the greedy, the
    look-ahead and the board version) and the name of the strategy that won it (the first of
    equals), or None when none was played."""
    played = [
        (r.win_rate, name)
        for name, r in result.strategies.items()
        if name in BY_NAME and BY_NAME[name].one_sided and BY_NAME[name].side == side
    ]
    return max(played, key=lambda item: item[0]) if played else None


def _named(found: tuple[float, str] | None) -> str:
    """ "3 % (»Uden investeringer efter brættets tal«)": the figure with the strategy it is
    of (a consultant read "besparelser først vinder 33 %" as »Besparelser først«, which won 4)."""
    return "–" if found is None else f"{_pct(found[0])} ({spoken(found[1])})"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}".replace("%", " %")


def all_three_kinds(
    result: ScenarioResult, records: Mapping[str, Sequence[GameRecord]]
) -> list[tuple[str, bool | None]]:
    """Every kind is needed: the one-sided strategies (the best of the greedy, the look-ahead
    and the board version of each) lose where the balanced ones win."""
    best = result.best
    if not result.scenario.require_all_kinds:
        return [("Scenariet kræver ikke alle tre slags, så den lektie prøves ikke her", None)]
    sides = {n: _side(result, n) for n in ("savings", "no-investment", "no-saving")}
    worst_case = max((v[0] for v in sides.values() if v is not None), default=None)
    text = (
        f"Alle tre slags skal i spil: {spoken(best.name)} vinder {_pct(best.win_rate)}, mens "
        f"den bedste ensidige strategi vinder {_named(sides['savings'])} med besparelser, "
        f"{_named(sides['no-investment'])} uden investeringer og "
        f"{_named(sides['no-saving'])} uden brobyggende besparelser"
    )
    # a deck where nothing wins teaches nothing: 0 % is not twice as often as 0 %
    met = None if worst_case is None else best.win_rate > 0 and worst_case * 2 <= best.win_rate
    return [(text, met)]


def paying_investments(
    result: ScenarioResult, records: Mapping[str, Sequence[GameRecord]]
) -> list[tuple[str, bool | None]]:
    """Det lange lys: without investments that pay off in time there is no way through."""
    found = _side(result, "no-investment")
    rate = None if found is None else found[0]
    text = (
        f"Kun investeringer, der når at betale sig, bærer jer igennem: uden dem vinder "
        f"gruppen {_pct(rate)} (højst {_pct(ONE_SIDED_MAX)}"
        + ("" if found is None else f"; bedst: {spoken(found[1])}")
        + ")"
    )
    return [
        *all_three_kinds(result, records),
        (text, None if rate is None else rate <= ONE_SIDED_MAX),
    ]


def late_shock(
    result: ScenarioResult, records: Mapping[str, Sequence[GameRecord]]
) -> list[tuple[str, bool | None]]:
    """Krise: the late udligning shock fells a plan without a margin, not a careful one."""
    games = records.get(result.best.name, ())
    hit = [r for r in games if "udligningschok" in r.events]
    spared = [r for r in games if "udligningschok" not in r.events]
    if not hit or not spared:
        return all_three_kinds(result, records)
    hit_rate = sum(r.won for r in hit) / len(hit)
    spared_rate = sum(r.won for r in spared) / len(spared)
    text = (
        f"Planen skal holde, hvis det værste sker: med udligningschokket vinder "
        f"{spoken(result.best.name)} "
        f"{_pct(hit_rate)} ({len(hit)} spil), uden det {_pct(spared_rate)}"
    )
    return [*all_three_kinds(result, records), (text, hit_rate > 0.0)]


_STEPS = {1: "ét", 2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks"}
"""Small numbers as a Danish text writes them."""


def service_floor(
    result: ScenarioResult, records: Mapping[str, Sequence[GameRecord]]
) -> list[tuple[str, bool | None]]:
    """Borgerkonference: the service floor stops the savings race."""
    games = records.get("savings-first", ())
    if not games:
        return all_three_kinds(result, records)
    below = sum("service" in r.reasons for r in games) / len(games)
    floor = result.scenario.service_floor or 0
    steps = _STEPS.get(-floor, f"{-floor}")
    text = (
        f"Serviceniveauet må ikke ende mere end {steps} trin under i dag: »Besparelser først« "
        f"ender under gulvet i {_pct(below)} af spillene"
    )
    return [*all_three_kinds(result, records), (text, below >= 0.5)]


LESSONS: dict[str, Lesson] = {
    "lang-horisont": paying_investments,
    "krise": late_shock,
    "borgermoede": service_floor,
}
"""The standard deck's scenarios with a lesson of their own; the rest get all_three_kinds."""


def lessons_for(
    deck_id: str, result: ScenarioResult, records: Mapping[str, Sequence[GameRecord]]
) -> list[tuple[str, bool | None]]:
    """The lesson lines of one scenario (the standard deck's own, or the general one)."""
    lesson = LESSONS.get(result.scenario.id) if deck_id == "standard" else None
    found = (lesson or all_three_kinds)(result, records)
    if result.judgeable:
        return found
    # a deck nothing wins teaches nothing yet: say so instead of a ✗ that points elsewhere
    if result.out_of_reach and result.hindsight_share is not None:
        why = f"den bedste plan set i bakspejlet vinder {_pct(result.hindsight_share)}"
    else:
        why = f"{spoken(result.best.name)} vinder {_pct(result.best.win_rate)}"
    return [
        (text, None)
        if met is None
        else (f"{text.split(':')[0]}: bedømmes først, når dækket kan vindes ({why})", None)
        for text, met in found
    ]
