"""What the balance report tells a deck author to do, in Danish: whether the deck can be won
at all and what holds it back (from ``diagnosis``), and which targets to try.

Every sentence is built from counts of the games played; none is said unless the games show
it.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from game.balance.analysis import (
    BEST_RANGE,
    HINDSIGHT_MIN,
    ONE_SIDED_MAX,
    PILE_RANGE,
    REACH_MIN,
    CardStat,
    ScenarioResult,
    StrategyResult,
    budget_figure,
    suggested,
)
from game.balance.diagnosis import REACHED_SHARE, Diagnosis
from game.balance.strategies import BY_NAME, spoken
from game.content.schema import MAX_CAPACITY
from game.engine.model import KINDS, Kind, Scenario
from game.messages import catalogue
from game.numbers import format_amount, format_percent, unit_scale

KIND_WORDS = {
    Kind.SAVING: "besparelser",
    Kind.EFFICIENCY: "effektiviseringer",
    Kind.INVESTMENT: "investeringer",
}
"""The kinds in the plural, as the report writes them."""
KIND_WORD = {kind: catalogue("da").t(f"kind.word.{kind.value}") for kind in KINDS}
"""One card's kind, as the game's Danish messages write it."""


EVENT_LASTS = {
    "yearly": "{amount} om året",
    "growing": "vokser til {amount} om året",
    "once": "{amount} i ét år",
    "while": "{amount} i nogle år",
}
"""How long an event's amount lasts, in the advice's words (``largest_events``)."""


SMALL_EVENT_SHARE = 0.10
"""An event that costs at most this share of the final target a year is small already (the
standard deck's move 1–3 mio. kr. against 25–80): ``balance`` does not tell to shrink it."""


def percent(value: float) -> str:
    """A share as the report writes it: one decimal, Danish comma ("48,9 %")."""
    return f"{value * 100:.1f} %".replace(".", ",")


def _amount(value: float, unit: str) -> str:
    """``value`` with its unit, to a tenth of a mio. kr. or a whole t. kr."""
    return f"{format_amount(value, decimals=0 if unit_scale(unit) >= 1_000 else 1)} {unit}"


def _counts(part: int, whole: int) -> bool:
    """True when ``part`` of ``whole`` games is worth a line of its own: at least a quarter."""
    return part > 0 and 4 * part >= whole


def _listed(items: list[str]) -> str:
    """ "a", "a og b", "a, b og c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " og " + items[-1]


@dataclass(frozen=True)
class Guidance:
    """The diagnosis as the report prints it: a headline, what holds the deck back, and
    what to try."""

    headline: str
    why: list[str]
    tries: list[str]


RULE_NAMES = {
    "capacity": "kapaciteten",
    "floor": "gulvet",
    "construction": "anlægsrammen",
    "kinds": "kravet om alle tre slags",
}


def guidance(result: ScenarioResult, unit: str) -> Guidance | None:
    """What the report says first about a scenario whose best plan in hindsight loses too
    often; None when it wins often enough (or was not asked)."""
    found = result.diagnosis
    share = result.hindsight_share
    if found is None or share is None:
        return None
    won = found.games - found.lost
    who = spoken(found.strategy)
    if result.out_of_reach:
        # "kan ikke vindes" over a plan that won 22 of 100 games read as a contradiction to a
        # budget office (and another scenario at 51 % only "kan vindes, men ikke altid")
        headline = (
            f"✗ Dækket kan {'ikke' if won == 0 else 'sjældent'} vindes, som det står: "
            f"{'selv ' if won == 0 else ''}den bedste plan set i bakspejlet, der kender "
            f"hændelserne og de kort, bordet så, vinder {'kun ' if won else ''}{won} af de "
            f"{found.games} spil, {who} spillede ({percent(share)}), når kortene giver det "
            "forventede. Ret det først: "
            "kravene til, hvad spillet lærer (fx at ensidige strategier taber), bedømmes først, "
            f"når den vinder i mindst {REACH_MIN * 100:.0f} % af spillene."
        )
    else:
        headline = (
            f"Dækket kan vindes, men ikke altid: den bedste plan set i bakspejlet vinder {won} "
            f"af de {found.games} spil, {who} spillede ({percent(share)}; målet er mindst "
            f"{HINDSIGHT_MIN * 100:.0f} %), når kortene giver det forventede."
        )
    if found.lucky:
        # a planner that won games the plan in hindsight loses read as a contradiction (5 %
        # won, "100 af dem kan ikke vindes"): the plan counts on the expected amounts
        headline += (
            f" {who} vandt {found.lucky} af de {found.lost} tabte alligevel, fordi de usikre "
            "forslag gav mere end forventet: dækket afhænger af held."
        )
    why = _why(result, found, unit)
    tries = _tries(result, found, unit)
    advice = target_advice(result, unit)
    if advice is not None:
        tries.append(advice)
    return Guidance(headline, why, tries)


def _why(result: ScenarioResult, found: Diagnosis, unit: str) -> list[str]:
    scenario = result.scenario
    lost = found.lost
    if not lost:
        return []
    who = spoken(found.strategy)
    rescued = {k: v for k, v in found.rescued.items() if k != "all"}
    lines = []
    for rule, count in sorted(rescued.items(), key=lambda kv: -kv[1]):
        if count == 0:
            continue
        of = f"kunne {count} af dem vindes"
        if rule == "capacity":
            line = (
                f"Kapaciteten ({scenario.capacity} pr. runde, som belastning og træthed deler): "
                f"med ubegrænset kapacitet {of}."
            )
            if found.capacity_short:
                line += (
                    f" {who} sluttede en runde med et forslag på bordet, som kun kapaciteten "
                    f"holdt ude, og som ville have løftet et år under målet, i "
                    f"{found.capacity_short} af sine {found.games} spil "
                    f"({found.capacity_short_rounds} af {found.games * scenario.rounds} "
                    "runder)."
                )
        elif rule == "floor":
            floor = format_amount(scenario.service_floor or 0, "da")
            line = f"Gulvet for serviceniveauet ({floor}): uden gulv {of}."
        elif rule == "construction":
            budget = scenario.construction_budget or 0.0
            line = f"Anlægsrammen ({_amount(budget, unit)}): uden ramme {of}."
            if found.construction_short:
                line += (
                    f" {who} sluttede en runde med et forslag, der kun var for stort til det, "
                    f"der var tilbage af rammen, og som ville have løftet et år under målet, i "
                    f"{found.construction_short} af sine {found.games} spil."
                )
        elif rule == "kinds":
            line = f"Kravet om alle tre slags: uden det {of}."
        else:
            line = f"Hændelserne: uden dem {of}."
        lines.append(line)
    eased = [RULE_NAMES[r] for r in rescued if r in RULE_NAMES]
    together = found.rescued.get("all", 0)
    single = max((v for k, v in rescued.items() if k != "events"), default=0)
    if not lines:
        lines.append(
            f"Ingen enkelt regel er grænsen: {_listed(eased)} lempet hver for sig "
            "redder ikke ét af dem."
        )
    if len(eased) > 1 and together > single:
        lines.append(f"Med {_listed(eased)} lempet på én gang kunne {together} af dem vindes.")
    if together < lost:
        lines.append(
            f"{lost - together} af dem kan ikke vindes, selv med {_listed(eased)} lempet: "
            "målene er højere, end kortene (ved det forventede udfald) og hændelserne kan give."
        )
    share = f"{REACHED_SHARE * 100:.0f} %"
    limits = _limits(scenario)
    for year, label in enumerate(scenario.years):
        target = scenario.target[year]
        under, free, _, _ = found.year_short(year, target)
        if not _counts(under, lost):
            continue
        ceiling, open_ceiling = found.short_ceilings(year, target)
        line = (
            f"Målet for {label} ({format_amount(target)}) er højere, end kortene kan give det "
            f"år med de hændelser, der kom, i {under} af dem, selv når alt sættes ind på "
            f"{label}: højst {_amount(ceiling, unit)} i {share} af dem."
        )
        if free:
            line += (
                f" Også uden grænse for {limits} gælder det {free} af dem "
                f"(højst {_amount(open_ceiling, unit)} i {share} af dem)."
            )
        else:
            line += f" Uden grænse for {limits} kunne året nås i dem alle."
        lines.append(line)
    return lines


def _raised(now: int, *steps: tuple[int, int] | None) -> list[tuple[int, int]]:
    """Of ``steps`` (a value and the games it wins, each the least that wins a larger share:
    half the games, then the share the target asks for), those above ``now``, without
    repeats: advice to go from 7 to 7 says nothing. Empty when none is (the rule alone does
    not reach the share, or the scenario already has it)."""
    found: list[tuple[int, int]] = []
    for step in steps:
        if step is not None and step[0] > now and (not found or step[0] > found[-1][0]):
            found.append(step)
    return found


def _limits(scenario: Scenario) -> str:
    """The limits the diagnosis lifts, as the report names them: the anlægsramme only when
    the scenario has one."""
    if scenario.construction_budget is None:
        return "kapaciteten"
    return "kapaciteten og anlægsrammen"


def _tries(result: ScenarioResult, found: Diagnosis, unit: str) -> list[str]:
    scenario = result.scenario
    games = found.games
    won = games - found.lost
    rescued = found.rescued
    ranked: list[tuple[int, str]] = []
    if rescued.get("capacity"):
        # never a capacity the deck's format refuses: "med 31" stood in a budget office's
        # report, and validate then said "'capacity' må højst være 30"
        steps = _raised(
            scenario.capacity,
            *(
                None if found_at is None or found_at[0] > MAX_CAPACITY else found_at
                for found_at in (found.capacity_for(0.5), found.capacity_for(HINDSIGHT_MIN))
            ),
        )
        needed = [n for n in found.capacity_needed if n is not None]
        if not steps and max(needed, default=0) > MAX_CAPACITY:
            at_most = sum(n <= MAX_CAPACITY for n in needed)
            line = (
                f"Hæv kapaciteten, men den rækker ikke alene: selv med {MAX_CAPACITY}, det "
                f"højeste et scenarie kan have, kunne den bedste plan i bakspejlet vinde "
                f"{at_most} af de {games} spil."
            )
        elif steps:
            line = (
                f"Hæv kapaciteten fra {scenario.capacity} til {steps[0][0]}: så kunne den bedste "
                f"plan i bakspejlet vinde {steps[0][1]} af de {games} spil"
            )
            if len(steps) > 1:
                line += f" (med {steps[1][0]}: {steps[1][1]})"
            line += "."
        else:
            enough = max(n for n in found.capacity_needed if n is not None)
            line = (
                f"Hæv kapaciteten, men den rækker ikke alene: med {enough} kunne den bedste "
                f"plan i bakspejlet vinde {won + rescued['capacity']} af de {games} spil, og "
                "mere kapacitet giver ikke flere."
            )
        ranked.append((rescued["capacity"], line))
    if rescued.get("floor") and scenario.service_floor is not None:
        lowered = _raised(
            -scenario.service_floor,
            *(
                None if f is None else (-f[0], f[1])
                for f in (found.floor_for(0.5), found.floor_for(HINDSIGHT_MIN))
            ),
        )
        if lowered:
            floor = -lowered[0][0]
            line = (
                f"Sænk gulvet for serviceniveauet fra {scenario.service_floor} til {floor}, "
                f"eller giv bunken investeringer, der løfter serviceniveauet: med gulvet på "
                f"{floor} kunne den bedste plan i bakspejlet vinde {lowered[0][1]} af de "
                f"{games} spil"
            )
            if len(lowered) > 1:
                line += f" (med {-lowered[1][0]}: {lowered[1][1]})"
            line += "."
        else:
            line = (
                "Sænk gulvet for serviceniveauet, eller giv bunken investeringer, der løfter "
                f"det (uden gulv: {won + rescued['floor']} af de {games} spil)."
            )
        ranked.append((rescued["floor"], line))
    if rescued.get("construction"):
        line = (
            "Hæv anlægsrammen, eller gør forslagenes anlæg mindre (uden ramme: "
            f"{won + rescued['construction']} af de {games} spil)."
        )
        ranked.append((rescued["construction"], line))
    if rescued.get("kinds"):
        line = (
            "Giv hver slags et forslag, som gruppen kan bære i de første år (uden kravet om "
            f"alle tre slags: {won + rescued['kinds']} af de {games} spil)."
        )
        ranked.append((rescued["kinds"], line))
    if rescued.get("events"):
        named = [
            f"»{title}« ({EVENT_LASTS[lasts].format(amount=_amount(amount, unit))})"
            for title, amount, lasts in result.big_events
        ]
        largest = f", fx {_listed(named)}" if named else ""
        biggest = max((abs(amount) for _, amount, _ in result.big_events), default=0.0)
        if not result.big_events or biggest >= SMALL_EVENT_SHARE * scenario.target[-1]:
            line = (
                f"Gør de store hændelser mindre{largest}, så gruppens valg afgør mere end "
                f"trækket (uden hændelser: {won + rescued['events']} af de {games} spil)."
            )
        else:
            # events of a tenth of the final target or less: said again after every cut,
            # they would end unrealistically small
            line = (
                f"Hændelserne afgør spil (uden dem: {won + rescued['events']} af de {games} "
                f"spil), men de er allerede små – den største koster "
                f"{_amount(biggest, unit)} om året, under "
                f"{SMALL_EVENT_SHARE * 100:.0f} % af slutmålet: gør dem ikke mindre, men giv "
                "gruppen mere luft – lavere mål eller flere forslag i bunken."
            )
        ranked.append((rescued["events"], line))
    # a rule that saves only a few of the lost games is not worth changing the deck for
    # (a budget office was told to shrink its events when that saved 1 game of 40); the
    # one that saves most is still named when none saves many
    ranked.sort(key=lambda r: -r[0])
    tries = [line for n, line in ranked if _counts(n, found.lost)] or [
        line for _, line in ranked[:1]
    ]
    for year, label in enumerate(scenario.years):
        under, free, _, open_all = found.year_short(year, scenario.target[year])
        if not _counts(under, found.lost):
            continue
        ceiling, open_short = found.short_ceilings(year, scenario.target[year])
        # without limits: what the short games reach, or – when the limits alone hold them
        # back – what every lost game reached
        open_ceiling = open_short if _counts(free, found.lost) else open_all
        when = f"første år ({label})" if year == 0 else label
        if ceiling <= 0:  # no target above 0 can be met: say what would change that
            rules = (
                "kapacitet" if scenario.construction_budget is None else "kapacitet og anlægsramme"
            )
            line = f"Med scenariets {rules} kan kortene ikke give et råderum over 0 i {label}"
            if _counts(free, found.lost):
                line += (
                    f"; giv bunken flere forslag, der giver råderum i {when}"
                    f"{_table_hint(scenario) if year == 0 else ''} (selv uden grænse for "
                    f"kapaciteten gav kortene højst {_amount(open_ceiling, unit)} det år), "
                    f"eller sænk målet for {label}."
                )
            else:
                line += (
                    f"; hæv kapaciteten (uden grænse for den gav kortene "
                    f"{_amount(open_ceiling, unit)} det år), eller sænk målet for {label}."
                )
            tries.append(line)
            continue
        line = (
            f"Sænk målet for {label} til højst {_amount(ceiling, unit)} (så meget kunne kortene "
            f"give det år, med de hændelser, der kom, i {REACHED_SHARE * 100:.0f} % af de tabte "
            "spil, hvor målet var for højt)"
        )
        if _counts(free, found.lost):
            line += (
                f", eller giv bunken flere forslag, der giver råderum i {when}"
                f"{_table_hint(scenario) if year == 0 else ''}; mere kapacitet "
                f"hjælper kun lidt (uden grænse for den: {_amount(open_ceiling, unit)})."
            )
        else:
            line += (
                f" – eller hæv kapaciteten: uden grænse for den gav kortene "
                f"{_amount(open_ceiling, unit)} det år."
            )
        tries.append(line)
    return tries


def _table_hint(scenario: Scenario) -> str:
    """In the first year only the cards on the table can be adopted: when the scenario lays
    out fewer than its pile, the other lever ("… eller læg flere af bunkens forslag på bordet
    fra start"). An author's deck with 8 of 24 on the table won 75 % instead of 45 % with 12,
    and was told only to cut its first target by two thirds."""
    pile = len(scenario.proposals)
    if scenario.market >= pile:
        return ""
    return (
        f", eller læg flere af bunkens forslag på bordet fra start (market – 'forslag på "
        f"bordet' i et katalog – er {scenario.market} af bunkens {pile})"
    )


def target_advice(result: ScenarioResult, unit: str) -> str | None:
    """The targets to try when the best strategy (★) wins outside the range the game is
    built for (``analysis.suggested``): year by year what a balanced strategy reached in
    ``REACHED_SHARE`` of its games – a year it did not bring above 0 cannot carry a target
    as the deck stands – and how often the best plan in hindsight would win with them."""
    found = suggested(result)
    best = result.best
    low, high = BEST_RANGE
    if found is None:
        if result.out_of_reach or low <= best.win_rate <= high:
            return None
        # no targets to offer: said, not left as a bare ✗ (a budget office got no next step)
        if best.win_rate < low:
            lead = (
                f"{spoken(best.name)} vinder {percent(best.win_rate)} (spillet er bygget til "
                f"{low * 100:.0f}–{high * 100:.0f} %), og lavere mål alene hjælper ikke: med de "
                "mål, strategierne nåede, ville den bedste plan i bakspejlet ikke vinde flere "
                "spil. "
            )
            if result.diagnosis is not None:
                return lead + (
                    "Se på det, der holder spillene tilbage (ovenfor), ret én ting, og kør "
                    "balance igen."
                )
            return lead + (
                "Den bedste plan i bakspejlet vinder ofte, så målene kan nås; det er vejen "
                "dertil, gruppen sjældent finder. Giv gruppen mere at vælge imellem (flere kort "
                "på bordet: 'market'), eller gør de første års mål lidt lavere, og kør balance "
                "igen."
            )
        return (
            f"{spoken(best.name)} vinder {percent(best.win_rate)} (spillet er bygget til "
            f"{low * 100:.0f}–{high * 100:.0f} %), og højere mål kan ikke foreslås, uden at den "
            "bedste plan i bakspejlet taber for ofte: gør bunken mindre eller hændelserne "
            "større, så gruppens valg betyder mere, og kør balance igen."
        )
    names = sorted(set(found.sources), key=found.sources.index)
    if len(names) == 1:
        reached = " / ".join(format_amount(v) for v in found.reached)
        who = spoken(names[0])
    else:  # the best of the two year by year: say whose figure each is
        reached = " / ".join(
            f"{format_amount(v)} ({spoken(n)})" for v, n in zip(found.reached, found.sources)
        )
        who = "den bedste af " + _listed([spoken(n) for n in names]) + " år for år"
    text = (
        f"{spoken(best.name)} vinder {percent(best.win_rate)} (spillet er bygget til "
        f"{low * 100:.0f}–{high * 100:.0f} %). I {REACHED_SHARE * 100:.0f} % af spillene nåede "
        f"{who} mindst {reached} {unit}"
    )
    years = result.scenario.years
    empty = list(found.empty)
    kept = [y for y in range(len(years)) if y not in empty]
    said = " / ".join(format_amount(found.targets[y]) for y in kept)
    last = found.targets[-1]
    # a lower target that breaks the pile's own check is no cure: not offered as one; nor a
    # higher one under the pile's 2 × (a deck author was told "prøv målene 2 / 17 / 30" of a
    # pile of 35, and the next run "sænk slutmålet")
    own = result.scenario.target[-1]
    too_low = last > 0 and result.pile.total / last > PILE_RANGE[1] and last < own
    too_high = last > 0 and result.pile.total / last < PILE_RANGE[0] and last > own
    too_low = too_low or too_high
    if too_low:
        text += "" if text.endswith(".") else "."  # "t. kr." ends the sentence itself
    elif not empty:
        text += f": prøv målene {said} {unit}, og kør balance igen."
    else:
        named = _listed([years[y] for y in empty])
        text += "" if text.endswith(".") else "."  # "mio. kr." ends the sentence itself
        text += (
            f" {named} kan ikke bære et mål, som dækket står: giv bunken forslag, der giver "
            f"råderum i {named}."
        )
        if kept and not too_low:
            text += (
                f" Prøv målene {said} {unit} for {_listed([years[y] for y in kept])}, og kør "
                "balance igen."
            )
    if result.suggested_won is not None:
        zero = f" (og 0 i {_listed([years[y] for y in empty])})" if empty else ""
        # the targets tried are named when the line has not offered them: "Med dem" after
        # "nåede mindst −5,3 / 0,7 / 11,3" read as a negative target that was tried
        them = f"Med målene {said} {unit}" if too_low else "Med dem"
        text += (
            f" {them}{zero} kunne den bedste plan i bakspejlet vinde {result.suggested_won} af "
            f"de {best.games} spil, {spoken(best.name)} spillede."
        )
        if result.suggested_won < HINDSIGHT_MIN * best.games and best.win_rate < low:
            # a budget office applied targets that left the deck as unwinnable as before,
            # and the next run advised something else
            text += (
                f" Det er under de {HINDSIGHT_MIN * 100:.0f} %, et spil skal kunne vindes i, så "
                "lavere mål alene gør det ikke: se på det, der holder spillene tilbage."
            )
        elif result.suggested_won < HINDSIGHT_MIN * best.games:
            # raising: a game too easy was told "lavere mål alene gør det ikke" beside higher
            # targets, and pointed to a diagnosis it never printed
            text += (
                f" Det er under de {HINDSIGHT_MIN * 100:.0f} %, et spil skal kunne vindes i: "
                "hæv målene et stykke mindre end det, og kør balance igen."
            )
    if too_high:
        text += (
            f" Men med et slutmål på {format_amount(last)} {unit} giver bunken kun "
            f"{format_amount(result.pile.total / last, decimals=2)} × slutmålet, under de "
            f"{PILE_RANGE[0]:g} ×, som målene for balancen kræver: {_raise_within(result, unit)}"
        )
    elif too_low:
        text += (
            f" Men med et slutmål på {format_amount(last)} {unit} giver bunken "
            f"{format_amount(result.pile.total / last, decimals=2)} × slutmålet, over de "
            f"{PILE_RANGE[1]:g} ×, som målene for balancen tillader: se hellere på det, der "
            "holder spillene tilbage (ovenfor), end at sænke målet så meget."
        )
    return text


def _raise_within(result: ScenarioResult, unit: str) -> str:
    """How far the final target can go up while the pile stays at ``PILE_RANGE``'s bottom
    times it, and what to add to go further: the sentence's end. A game too easy was told to
    try a final target its pile gave 1,17 × of, and the next run to lower it again."""
    pile = result.pile
    low = PILE_RANGE[0]
    most = budget_figure(pile.total / low, down=True, as_written=False)
    what = "investeringer" if _wins_without(result) else "forslag"
    if most > pile.final_target:
        lead = f"hæv slutmålet til højst {_amount(most, unit)}, eller læg {what} i bunken"
    else:
        lead = f"hæv ikke slutmålet, før der er lagt flere {what} i bunken"
    return (
        f"{lead}, så den giver mindst {low:g} × det mål, du vil have, ved fuld effekt, og kør "
        "balance igen."
    )


SIDE_ADVICE = {
    "savings": (
        "Besparelserne bærer spillet næsten alene ({who} vinder {rate}): hæv målet for det "
        "sidste år{bound}, {floor}, eller tag besparelser ud af bunken, så investeringernes og "
        "effektiviseringernes beløb skal til."
    ),
    "no-investment": (
        "Spillet kan vindes uden investeringer ({who} vinder {rate}): besparelserne og "
        "effektiviseringerne giver nok i det sidste år. Hæv målet for det sidste år{bound}, "
        "eller tag effektiviseringer ud af bunken, så investeringernes store beløb skal til."
    ),
    "no-saving": (
        "Spillet kan vindes uden brobyggende besparelser ({who} vinder {rate}): "
        "investeringerne og effektiviseringerne koster for lidt i de første år, eller målene "
        "for de første år er for lave. Hæv målene for de første år."
    ),
}
"""What to do when one kind of one-sided play wins too often, per ``Strategy.side``."""

SIDE_ADVICE_HARD = {
    "savings": (
        "Besparelserne bærer spillet næsten alene ({who} vinder {rate}): {floor}, eller tag "
        "besparelser ud af bunken, så investeringernes og effektiviseringernes beløb skal til "
        "(hæv ikke målene, før dækket kan vindes oftere: se ovenfor)."
    ),
    "no-investment": (
        "Spillet kan vindes uden investeringer ({who} vinder {rate}): besparelserne og "
        "effektiviseringerne giver nok i det sidste år. Tag effektiviseringer ud af bunken, "
        "så investeringernes store beløb skal til (hæv ikke målene, før dækket kan vindes "
        "oftere: se ovenfor)."
    ),
    "no-saving": (
        "Spillet kan vindes uden brobyggende besparelser ({who} vinder {rate}): "
        "investeringerne og effektiviseringerne koster for lidt i de første år. Giv dem den "
        "udgift i vedtagelsesåret, som indsatsen kræver, før målene for de første år hæves "
        "(dækket kan ikke altid vindes: se ovenfor)."
    ),
}
"""The same when the best plan in hindsight loses too often (``guidance`` says what to
lower first): advice that does not also tell the author to raise a target."""


def winning_sides(result: ScenarioResult) -> list[tuple[str, StrategyResult]]:
    """Each kind of one-sided play (``Strategy.side``) whose best strategy wins more than
    ``ONE_SIDED_MAX`` of its games, with that strategy, in ``SIDE_ADVICE``'s order. Empty on
    a deck out of reach (it is told what holds it back first) and on a scenario of fewer
    than three years, which the balance targets do not hold to it."""
    if result.out_of_reach or result.scenario.rounds < 3:
        return []
    found = []
    for side in SIDE_ADVICE:
        played = [
            r for r in result.strategies.values() if r.one_sided and BY_NAME[r.name].side == side
        ]
        best = max(played, key=lambda r: r.win_rate, default=None)
        if best is not None and best.win_rate > ONE_SIDED_MAX:
            found.append((side, best))
    return found


def held_back(result: ScenarioResult) -> bool:
    """Whether the report tells the author what holds the deck back before anything else: the
    best plan in hindsight loses too often (``guidance``), or the best strategy wins too
    seldom. Such a deck is not told to raise a target or to take cards out (a budget office
    read "hæv ikke målene" and "hæv slutmålet" about one scenario)."""
    diagnosed = result.diagnosis is not None and result.hindsight_share is not None
    return diagnosed or result.best.win_rate < BEST_RANGE[0]


def _composition_advice(result: ScenarioResult, who: str, unit: str, hard: bool = False) -> str:
    """Why several kinds of one-sided play win although the pile is 2–3 times the final
    target: the kinds a group can win without (investments, mostly) hold too small a share of
    it – the others alone free the final target. Said with the figures, and what to move; a
    budget office told "bunken giver mere, end målene kræver … tag de stærkeste forslag ud"
    of a pile of 2,72 × took out its best saving, and the deck could no longer be won."""
    pile = result.pile
    last = pile.final_target
    without = pile.total - pile.by_kind.get(Kind.INVESTMENT, 0.0)
    share = pile.by_kind.get(Kind.INVESTMENT, 0.0) / pile.total if pile.total else 0.0
    lead = (
        f"Flere ensidige strategier vinder for ofte ({who}), selv om bunken er "
        f"{format_amount(pile.ratio, decimals=2)} × slutmålet: "
    )
    first = (
        " Ret dog først det, der holder spillene tilbage (ovenfor), og hæv ikke målene, før "
        "dækket kan vindes oftere."
        if hard
        else ""
    )
    investments = pile.by_kind.get(Kind.INVESTMENT, 0.0)
    move = (
        "giv dem større beløb i de sidste år, eller tag effektiviseringer ud"
        if investments >= last
        # efficiencies taken out alone leave the pile under 2 × the final target
        else f"giv dem mindst {_amount(_shown_up(last - investments, unit), unit)} mere ved "
        "fuld effekt (flere investeringer, eller større beløb i de sidste år), og tag først "
        "så effektiviseringer ud"
    )
    if without >= last:
        return (
            lead + f"besparelserne og effektiviseringerne alene frigør "
            f"{_amount(without, unit)} ({format_amount(without / last, decimals=2)} × "
            f"slutmålet), og investeringerne er kun {format_percent(share)} af bunken. Flyt "
            f"bunkens volumen over til investeringerne – {move} – så besparelserne og "
            "effektiviseringerne alene "
            "giver mindre end slutmålet; hold bunken på 2–3 × slutmålet (tag ikke bunkens "
            "stærkeste forslag ud uden at lægge tilsvarende investeringer i: så bliver dækket "
            "blot sværere at vinde)." + first
        )
    if hard:
        return (
            lead + "målene for de første år lader gruppen udskyde en slags. Ret først det, der "
            "holder spillene tilbage (ovenfor); tag ikke bunkens stærkeste forslag ud, for så "
            "bliver dækket blot sværere at vinde."
        )
    return (
        lead + "målene for de første år er så lave, at gruppen kan udskyde en slags. Hæv "
        "målene for de første år lidt, og kør balancen igen; tag ikke bunkens stærkeste "
        "forslag ud, for så bliver dækket blot sværere at vinde."
    )


def one_sided_advice(result: ScenarioResult, unit: str = "mio. kr.") -> list[str]:
    """One sentence per kind of one-sided play that wins too often (``winning_sides``): what
    in the deck lets it, and what to change. A scenario without a service floor is told to
    set one, not to tighten it. When several kinds win, one sentence says so: the deck gives
    more than its targets need, and "savings carry the game alone" beside "the game is won
    without savings" told the author two opposite things."""
    if not result.scenario.require_all_kinds:
        return []  # nothing to teach about the kinds: one-sided play may win here
    sides = winning_sides(result)
    hard = held_back(result)
    if len(sides) >= 2:
        who = _listed([f"{spoken(best.name)} vinder {percent(best.win_rate)}" for _, best in sides])
        pile = result.pile
        if pile.final_target > 0 and pile.ratio > PILE_RANGE[1]:
            cure = (
                "Gør bunken mindre, når dækket kan vindes oftere (se ovenfor og nedenfor)."
                if hard
                else "Gør bunken mindre (se nedenfor), og kør balancen igen, før du ændrer "
                "slagsene."
            )
        else:
            # what the pile is made of, whether or not the deck is held back: "tag de
            # stærkeste forslag ud" of a pile within 2–3 × made a held-back deck unwinnable
            return [_composition_advice(result, who, unit, hard)]
        return [
            f"Flere ensidige strategier vinder for ofte ({who}): gruppen behøver ikke kombinere "
            f"de tre slags, for bunken giver mere, end målene kræver. {cure}"
        ]
    texts = SIDE_ADVICE_HARD if hard else SIDE_ADVICE
    floor = (
        "stram gulvet for serviceniveauet"
        if result.scenario.service_floor is not None
        else "sæt et gulv for serviceniveauet ('service_floor')"
    )
    pile = result.pile
    bound = ""
    if pile.final_target > 0:
        # a higher final target keeps the pile at 2 × or more only up to this
        most = budget_figure(pile.total / PILE_RANGE[0], down=True, as_written=False)
        bound = (
            f" (højst til {_amount(most, unit)}, så bunken bliver på mindst "
            f"{PILE_RANGE[0]:g} × slutmålet)"
        )
    said = []
    for side, best in sides:
        who, rate = spoken(best.name), percent(best.win_rate)
        thin = _thin_side(result, side, unit, who=who, rate=rate, floor=floor)
        if thin is not None:
            said.append(thin)
        else:
            said.append(texts[side].format(who=who, rate=rate, floor=floor, bound=bound))
    return said


NEAR_LOW = 1.1
"""A pile under this many times ``PILE_RANGE``'s bottom (2,2 × the final target) has no room
to lose savings or to carry a higher final target: the one-sided advice does not tell to."""


def _thin_side(
    result: ScenarioResult, side: str, unit: str, *, who: str, rate: str, floor: str
) -> str | None:
    """The one-sided advice for a pile with no room for its usual cure, or None when it has
    room. A budget consultant's pile of 2,04 × the final target was told "Hæv målet for det
    sidste år, eller tag effektiviseringer ud af bunken": without its strongest efficiency
    it was 1,74 × and could no longer be won; at a final target of 33 it was 1,85 ×, and the
    report said "sænk slutmålet til højst 30" – back where it started. The pile's 2–3 × is
    kept: what carries the one-sided play is moved over to the kinds it does without, and
    neither a target above the pile's 2 × nor cards taken out below it are advised."""
    pile = result.pile
    last = pile.final_target
    low = PILE_RANGE[0]
    if last <= 0:
        return None
    ratio = format_amount(pile.ratio, decimals=2)
    under = (
        f"kommer den under de {low:g} ×, som målene for balancen kræver"
        if pile.ratio >= low
        else f"kommer den længere under de {low:g} ×, som målene for balancen kræver"
    )
    keep = (
        f"bunken er kun {ratio} × slutmålet, så tag ikke {{out}} ud, og hæv ikke slutmålet: så "
        f"{under}, og dækket bliver blot sværere at vinde"
    )
    if side == "no-investment":
        investments = pile.by_kind.get(Kind.INVESTMENT, 0.0)
        others = pile.total - investments  # savings and efficiencies at full effect
        over = others - last
        out = (
            "en effektivisering"
            if over < 0.005 * max(1.0, last)
            else f"effektiviseringer for mere end {_amount(over, unit)}"
        )
        if investments >= others:
            # a final target above the others' sum still leaves the pile 2 × or more
            return None
        if investments >= last:
            # taking out what the others give over the final target leaves 2 × or more; a
            # final target above the others' sum does not
            most = budget_figure(pile.total / low, down=True, as_written=False)
            return (
                f"Spillet kan vindes uden investeringer ({who} vinder {rate}): besparelserne "
                f"og effektiviseringerne giver {_amount(others, unit)} ved fuld effekt "
                f"({format_amount(others / last, decimals=2)} × slutmålet). Tag {out} ud af "
                "bunken, så investeringernes store beløb skal til. Hæv ikke slutmålet i "
                f"stedet: over {_amount(most, unit)} kommer bunken under de {low:g} × "
                "slutmålet, som målene for balancen kræver, før besparelserne og "
                "effektiviseringerne alene bliver for små."
            )
        add = _amount(_shown_up(last - investments, unit), unit)
        return (
            f"Spillet kan vindes uden investeringer ({who} vinder {rate}): besparelserne og "
            f"effektiviseringerne giver {_amount(others, unit)} ved fuld effekt "
            f"({format_amount(others / last, decimals=2)} × slutmålet), men "
            + keep.format(out="bare effektiviseringer")
            + f". Giv i stedet investeringerne mindst {add} mere ved fuld effekt (flere "
            f"investeringer i bunken, eller større beløb i de sidste år), og tag så {out} ud, "
            "så besparelserne og effektiviseringerne alene giver mindre end slutmålet, og "
            f"bunken bliver på mindst {low:g} × slutmålet."
        )
    if side == "savings" and pile.ratio < low * NEAR_LOW:
        return (
            f"Besparelserne bærer spillet næsten alene ({who} vinder {rate}), men "
            + keep.format(out="besparelser")
            + f". {floor[0].upper()}{floor[1:]}, eller byt nogle besparelser ud med "
            "investeringer eller effektiviseringer med samme beløb, så deres beløb skal til."
        )
    return None


def _shown_up(value: float, unit: str) -> float:
    """``value`` rounded up to what ``_amount`` writes (a tenth of a mio. kr., a whole t. kr.):
    "mindst 1,9" must be enough."""
    step = 1.0 if unit_scale(unit) >= 1_000 else 0.1
    return math.ceil(value / step - 1e-9) * step


def _wins_without(result: ScenarioResult) -> bool:
    """True when one-sided play wins too often without investments (or on savings): more
    savings and efficiencies, or a lower final target, let it win more still."""
    if not result.scenario.require_all_kinds:
        return False
    return any(side in ("no-investment", "savings") for side, _ in winning_sides(result))


SIDE_RELIES_ON: dict[str, frozenset[Kind]] = {
    "savings": frozenset({Kind.SAVING}),
    "no-investment": frozenset({Kind.SAVING, Kind.EFFICIENCY}),
    "no-saving": frozenset({Kind.EFFICIENCY, Kind.INVESTMENT}),
}
"""The kinds each side of one-sided play wins with (``Strategy.side``): more of them in the
pile makes it win more."""


def too_strong(result: ScenarioResult) -> frozenset[Kind]:
    """The kinds a one-sided play that wins too often (``winning_sides``) wins with – among
    them those ``one_sided_advice`` tells the author to take out of the pile: ``card_advice``
    must not tell them to add more of those (a deck author read "Planlægger uden
    investeringer vinder 50 %" and "læg flere besparelser i bunken" about one scenario)."""
    return frozenset(
        kind for side, _ in winning_sides(result) for kind in SIDE_RELIES_ON.get(side, ())
    )


def pile_too_big(result: ScenarioResult) -> bool:
    """True when ``pile_advice`` tells the author to take proposals out of the pile: it gives
    more than ``PILE_RANGE``'s top times the final target at full effect, and the deck is
    won often enough (``held_back`` is false)."""
    pile = result.pile
    return pile.final_target > 0 and pile.ratio > PILE_RANGE[1] and not held_back(result)


def pile_advice(result: ScenarioResult, unit: str) -> list[str]:
    """What to change when the pile at full effect lies outside ``PILE_RANGE`` of the final
    target, or its savings alone reach the target: how much to add or take out, or the
    target that would fit (a budget office saw "✗ bunken frigør 2–3 × slutmålet" and no
    word on what to do)."""
    pile = result.pile
    said: list[str] = []
    low, high = PILE_RANGE
    hard = held_back(result)
    last = pile.final_target
    stop = "" if unit.endswith(".") else "."  # "… 7 t. kr." ends the sentence itself
    if last <= 0:
        return said
    if pile.ratio < low and _wins_without(result):
        # a lower final target, or more savings and efficiencies, let the one-sided play
        # that wins too often win more still: the report said "hæv målet" one run and
        # "sænk slutmålet til højst 30" the next, back where the author started
        said.append(
            f"Bunken giver {format_amount(pile.ratio, decimals=2)} × slutmålet ved fuld effekt "
            f"(målene for balancen: {low:g}–{high:g} ×), så gruppen har næsten intet at vælge "
            f"imellem: læg investeringer for mindst {_amount(low * last - pile.total, unit)} "
            "(ved fuld effekt) i bunken. Sænk ikke slutmålet, og læg ikke flere besparelser "
            "eller effektiviseringer i: så vinder de ensidige strategier ovenfor endnu oftere."
        )
    elif pile.ratio < low:
        said.append(
            f"Bunken giver {format_amount(pile.ratio, decimals=2)} × slutmålet ved fuld effekt "
            f"(målene for balancen: {low:g}–{high:g} ×), så gruppen har næsten intet at vælge "
            f"imellem: læg forslag for mindst {_amount(low * last - pile.total, unit)} (ved "
            f"fuld effekt) i bunken, eller sænk slutmålet til højst "
            f"{_amount(budget_figure(pile.total / low, down=True, as_written=False), unit)}{stop}"
        )
    elif pile.ratio > high and hard:
        # a deck won too seldom is not told to take cards out: that makes it harder still (a
        # budget office read "kan ikke vindes" and "tag forslag ud af bunken" side by side)
        said.append(
            f"Bunken giver {format_amount(pile.ratio, decimals=2)} × slutmålet ved fuld effekt "
            f"(målene for balancen: {low:g}–{high:g} ×). Tag først forslag ud, når dækket kan "
            "vindes: det, der står øverst, holder det tilbage, og færre forslag gør det sværere."
        )
    elif pile_too_big(result):
        least = budget_figure(pile.total / high, up=True, as_written=False)
        raise_it = f", eller hæv slutmålet til mindst {_amount(least, unit)}{stop}"
        said.append(
            f"Bunken giver {format_amount(pile.ratio, decimals=2)} × slutmålet ved fuld effekt "
            f"(målene for balancen: {low:g}–{high:g} ×), så gruppen kan tage det letteste: "
            f"tag forslag for mindst {_amount(pile.total - high * last, unit)} ud af "
            f"bunken{raise_it}"
        )
    savings = pile.savings_alone
    if savings >= last and result.scenario.require_all_kinds:
        # exactly the target: "tag besparelser for mindst 0 t. kr. ud" said nothing to do
        out = (
            "en besparelse"
            if savings - last < 0.005 * max(1.0, last)
            # exactly that much left savings equal to the target, which is not under it
            else f"besparelser for mere end {_amount(savings - last, unit)}"
        )
        # what the pile's sums allow, not what a strategy won: "en gruppe kan spare sig til
        # målet" stood beside savings-first winning 6 %; and a deck won too seldom is told
        # to take savings out only once it can be won, as the line above says of the pile
        enough = (
            f"Besparelserne alene giver {_amount(savings, unit)} ved fuld effekt, mindst "
            f"slutmålet på {_amount(last, unit)}, så de kan række til målet uden de to andre slags"
        )
        if hard:
            said.append(f"{enough}. Når dækket kan vindes oftere, så tag {out} ud.")
        else:
            said.append(f"{enough}: tag {out} ud, eller hæv slutmålet.")
    return said


CROWDED = 0.6
"""When at least this share of a kind's cards (and two or more) is dominant, the pile holds
too few of that kind for the plan, and the report says so once for the kind."""
APART = 0.1
"""A card whose råderum per point of capacity lies this share above (or below) the median of
the other cards of its kind is told to change its amount or belastning."""
SCARCE_OTHERS = 0.5
"""A kind's dominant cards are put down to scarcity only when its other cards are adopted in
at least this share of the games too: the plan takes nearly all it is given."""


def card_advice(
    cards: Sequence[CardStat],
    unit: str,
    all_kinds: bool = False,
    more_capacity: bool = False,
    strong: frozenset[Kind] = frozenset(),
    hold_targets: bool = False,
    shrink_pile: bool = False,
) -> list[str]:
    """What to do about the dominant and dead cards of a scenario (``CardStat.flag``), one
    sentence per kind or card: a kind whose cards are nearly all dominant needs more cards
    to choose among (so does a kind of one card when ``all_kinds``, the scenario's demand for
    all three kinds, makes the plan take it); a flagged card that beats others of its kind
    on every count, or that others beat so (``outclass_sentence``), is told which; a card
    that gives clearly more (or less)
    råderum per point of capacity than the others of its kind needs another amount or
    belastning; a flagged card that does not, needs a look at what that measure leaves out
    (its first years, its service, the cards that require it). ``more_capacity``: the
    report already tells the scenario to raise its capacity, so a crowded kind is not also
    told to tighten it. ``strong``: kinds the report tells the author to take out of the pile
    because one-sided play wins with them (``too_strong``); a crowded kind among them is told
    why its cards are taken, not to add more (a deck author read "tag besparelser ud" and
    "læg flere besparelser i bunken" about one scenario). ``hold_targets``: the report tells
    the author not to raise a target yet (``held_back``), so a crowded kind is not told to.
    ``shrink_pile``: the report tells the author to take proposals out of the pile
    (``pile_too_big``), so a crowded kind is told to take them among the other kinds and to
    swap some for more of its own, not to add to a pile that is already too big."""
    said: list[str] = []
    for kind in KINDS:
        mine = [c for c in cards if c.kind is kind]
        dominant = [c for c in mine if c.flag == "dominant"]
        plural = KIND_WORDS[kind]
        # scarce: the plan takes nearly all of the kind because there are no more to take –
        # not when it leaves some of them on the table (outclassed cards adopted 10–48 %
        # beside five dominant ones were told "der er ikke flere besparelser")
        crowded = (
            len(dominant) >= 2
            and len(dominant) >= CROWDED * len(mine)
            and all(c.rate >= SCARCE_OTHERS for c in mine if c.flag != "dominant")
        )
        alone = all_kinds and len(mine) == 1 and len(dominant) == 1
        if alone:
            said.append(
                f"»{mine[0].title}« er bunkens eneste {KIND_WORD[kind]}, og alle tre slags skal "
                f"i spil, så planen må tage det. Læg flere {plural} i bunken, så der er noget "
                "at vælge imellem."
            )
        elif crowded and kind in strong:
            said.append(
                f"{_counted(dominant, mine)} {plural} er dominerende, fordi de bærer spillet: "
                "følg rådet om de ensidige strategier ovenfor, før du ændrer de enkelte kort."
            )
        elif crowded and shrink_pile:
            said.append(
                f"{_counted(dominant, mine)} {plural} er dominerende: der er ikke flere "
                f"{plural}, end planen kan bruge, så den tager dem næsten alle. Når du gør "
                "bunken mindre (se nedenfor), så tag forslagene ud blandt de andre slags, og "
                f"byt gerne nogle af dem for flere {plural}, så de må konkurrere om kapaciteten."
            )
        elif crowded:
            counted = _counted(dominant, mine)
            said.append(
                f"{counted} {plural} er dominerende: der er ikke flere {plural}, end planen kan "
                f"bruge, så den tager dem næsten alle. Læg flere {plural} i bunken, så de må "
                "konkurrere om kapaciteten"
                + (
                    ""
                    if hold_targets
                    else " (og hæv målet, hvis bunken ellers giver over 3 gange målet)"
                )
                # a deck held back is not told to tighten what holds it back
                + ("." if more_capacity or hold_targets else ", eller stram kapaciteten.")
            )
        titles = {c.id: c.title for c in cards}
        for card in mine:
            beaten = outclass_sentence(card, titles)
            if beaten:
                said.append(beaten)
                continue
            waits = _waits_sentence(card, cards)
            if waits:
                said.append(waits)
                continue
            if not card.flag or ((crowded or alone) and card.flag == "dominant"):
                continue
            others = [c.per_capacity for c in mine if c is not card]
            median = statistics.median(others) if others else None
            said.append(_card_sentence(card, median, unit))
    return said


def _counted(dominant: Sequence[CardStat], mine: Sequence[CardStat]) -> str:
    """How many of a kind's cards are dominant: "Alle bunkens 3", "2 af bunkens 3"."""
    if len(dominant) == len(mine):
        return f"Alle bunkens {len(mine)}"
    return f"{len(dominant)} af bunkens {len(mine)}"


def _waits_sentence(card: CardStat, cards: Sequence[CardStat]) -> str | None:
    """The advice for a dead card that requires a card the plan seldom adopts: that card is
    the cause (a budget officer was told to look at the cards that require the dead one,
    when it was the one requiring another). None for any other card."""
    if card.flag != "dead" or not card.requires:
        return None
    by_id = {c.id: c for c in cards}
    seldom = [by_id[r] for r in card.requires if r in by_id and by_id[r].rate < 0.5]
    if not seldom:
        return None
    named = " og ".join(f"»{c.title}« (vedtaget i {percent(c.rate)})" for c in seldom)
    return (
        f"»{card.title}« er dødt (vedtaget i {percent(card.rate)}): det kan først vedtages, "
        f"når {named} er vedtaget, og planen tager det sjældent. Se først på det kort, eller "
        "tag kravet ('requires') væk, hvis forslaget kan stå alene."
    )


def outclass_sentence(card: CardStat, titles: dict[str, str]) -> str | None:
    """The advice for a dominant card that beats other cards of its kind on every count
    (``CardStat.outclasses``), or for a dead card that others beat so (``outclassed_by``);
    None for any other card. ``titles``: card id → title."""
    if card.flag == "dominant" and card.outclasses:
        others = [f"»{titles.get(pid, pid)}«" for pid in card.outclasses]
        them = "det" if len(others) == 1 else "dem"
        return (
            f"»{card.title}« er dominerende (vedtaget i {percent(card.rate)}), og det er på "
            f"alle punkter mindst lige så godt som {_listed(others)}: mindst samme beløb hvert "
            "år (ved forventet effekt), højst samme belastning, træthed, usikkerhed og anlæg "
            f"og mindst samme serviceniveau, så en plan tager det altid før {them}. Giv "
            "kortene hver sin styrke, fx mere belastning eller en langsommere indfasning til "
            "det, der giver mest, eller en hurtigere gevinst til det mindre."
        )
    if card.flag == "dead" and card.outclassed_by:
        others = [f"»{titles.get(pid, pid)}«" for pid in card.outclassed_by]
        many = len(others) > 1
        return (
            f"»{card.title}« er dødt (vedtaget i {percent(card.rate)}): {_listed(others)} er "
            f"på alle punkter mindst lige så {'gode' if many else 'godt'}, så planen tager "
            f"{'dem' if many else 'det'} i stedet. Giv det en styrke af sin egen, fx mindre "
            "belastning, en hurtigere gevinst eller mindre usikkerhed, eller tag det ud af "
            "scenariets bunke."
        )
    return None


def _places(*values: float) -> int:
    """Decimals for amounts compared side by side, about three digits for the largest:
    "2,87 mod 2,7" (mio. kr.), "833 mod 775" and "1.169 mod 1.200" (t. kr.)."""
    largest = max((abs(v) for v in values), default=0.0)
    return 0 if largest >= 100 else 1 if largest >= 10 else 2


def _card_sentence(card: CardStat, others: float | None, unit: str) -> str:
    """The advice for one flagged card; ``others``: the median råderum per point of capacity
    of the other cards of its kind in the pile (None when it is alone), in ``unit``."""
    plural = KIND_WORDS[card.kind]
    places = _places(card.per_capacity, others or 0.0)
    mine = format_amount(card.per_capacity, decimals=places)
    if others is None:  # the only card of its kind: nothing to hold it against
        measured = (
            f"det giver {mine} {unit} pr. point kapacitet, og bunken har ingen andre {plural} "
            "at holde det op imod"
        )
    else:
        theirs = format_amount(others, decimals=places)
        measured = (
            f"det giver {mine} {unit} pr. point kapacitet mod {theirs} for bunkens andre {plural}"
        )
    short = card.reach < card.full - 1e-9  # the scenario ends before its full effect
    if card.flag == "dead" and short:
        reach = format_amount(card.reach, decimals=_places(card.reach, card.full))
        full = format_amount(card.full, decimals=_places(card.reach, card.full))
        return (
            f"»{card.title}« er dødt (vedtaget i {percent(card.rate)}): når scenariet "
            f"slutter, giver det højst {reach} {unit} af sine {full} {unit} ved fuld effekt "
            f"(vedtaget i første runde), og {measured}. Giv scenariet flere år, eller tag det "
            "ud af scenariets bunke."
        )
    above = others is not None and card.per_capacity > others * (1 + APART)
    below = others is not None and card.per_capacity < others * (1 - APART)
    if card.flag == "dominant" and card.peak > card.reach + 1e-9:
        # a one-off sale of [4, 0] gives 0 in the last year: "0 mod 0,54 pr. point" misled
        early = format_amount(card.peak, decimals=_places(card.peak, card.reach))
        late = format_amount(card.reach, decimals=_places(card.peak, card.reach))
        return (
            f"»{card.title}« er dominerende (vedtaget i {percent(card.rate)}): det giver "
            f"{early} {unit} i et af de første år, men {late} {unit} i scenariets sidste år, "
            "så det er de første års mål, det betaler. Sænk beløbet, hvis det er et skøn, "
            "eller læg flere forslag i bunken, der giver noget allerede i de første år."
        )
    if card.flag == "dominant":
        opening = f"»{card.title}« er dominerende (vedtaget i {percent(card.rate)})"
        if above:
            return (
                f"{opening}: {measured}. Hæv belastningen, hvis forslaget kræver mere "
                "arbejde, end kortet siger, eller sænk beløbet, hvis det er et skøn."
            )
    else:
        opening = f"»{card.title}« er dødt (vedtaget i {percent(card.rate)})"
        if below:
            return (
                f"{opening}: {measured}. Sænk belastningen, hvis forslaget kræver mindre "
                "arbejde, end kortet siger, hæv beløbet, hvis det er et skøn, eller tag det ud "
                "af scenariets bunke."
            )
    if others is None:
        compared = ""
    else:
        than = "mindre end" if below else "mere end" if above else "omtrent som"
        compared = (
            f", selv om det giver {than} bunkens andre {plural} pr. point kapacitet "
            f"({mine} mod {theirs} {unit})"
        )
    return (
        f"{opening}{compared}: se på, hvad det giver og koster i de første år, hvad det gør "
        "ved serviceniveauet, og om andre kort kræver det."
    )
