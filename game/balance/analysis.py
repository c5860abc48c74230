"""What the games of a balance run come to: win rates, loss reasons, the size of each pile,
how often each card is taken, and whether the deck meets the balance targets.

The targets (issue #10, docs/balance.md) for a deck that teaches what KL's game teaches:

* every one-sided strategy wins at most 10 % on every scenario of three or more years – the
  greedy versions, the look-ahead ones, which plan like the planner with at most one card of
  each kind they do not lean on, and the board versions, which take the strongest card of each
  such kind and hope for good draws (a deck must not rely on the one-sided bots playing badly);
* the best strategy wins 45–75 % on every scenario and at least twice as often as the best
  one-sided strategy;
* random play wins at most 5 %;
* in at least 90 % of the best strategy's games the best plan in hindsight wins (the events
  change the result, but no deal is hopeless);
* no card is dominant (taken in more than 85 % of the games where it shows) or dead (under
  5 %) under the best strategy;
* each pile frees 2–3 times the final target at full effect, savings alone less than it.

A deck the best plan in hindsight rarely wins (under ``REACH_MIN``) is out of reach: the
targets whose fix would make it harder still (fewer savings, a smaller pile, stronger
one-sided play losing, no dominant card) and the scenario's lessons wait until it can be won
(``Check.judged``), and the report diagnoses what holds it back (``diagnosis``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from game.balance.diagnosis import Diagnosis, reached_in_share
from game.balance.outclass import outclassed
from game.balance.play import GameRecord
from game.balance.strategies import BEST_CANDIDATES, BY_NAME, spoken
from game.engine.ledger import (
    LOSS_REASONS,
    MET_TOLERANCE,
    capacity_taken,
    expected_factor,
    meets,
)
from game.engine.model import KINDS, PROFILE_YEARS, Deck, Kind, Proposal, Scenario, amount_at
from game.numbers import amount_decimals, round_half_away

ONE_SIDED_MAX = 0.10
BEST_RANGE = (0.45, 0.75)
BEST_OVER_ONE_SIDED = 2.0
RANDOM_MAX = 0.05
HINDSIGHT_MIN = 0.90
DOMINANT = 0.85
DEAD = 0.05
MIN_SHOWN = 20
"""A card's adoption rate is judged only when it showed in at least this many games."""
PILE_RANGE = (2.0, 3.0)
REACH_MIN = 0.5
"""Below this share of games won by the best plan in hindsight, the deck is out of reach."""


@dataclass(frozen=True)
class StrategyResult:
    """The outcome of one strategy on one scenario."""

    name: str
    games: int
    wins: int
    losses: dict[str, int]
    mean_raaderum: tuple[float, ...]
    reached_often: tuple[float, ...] = ()
    """Per year the råderum the strategy reached in ``REACHED_SHARE`` of its games (the
    40th percentile): a target a deck author can try when the targets are out of reach or
    too easy."""
    years_met: float = 0.0
    """The mean number of years that met their target."""
    shortfall: float = 0.0
    """The mean total shortfall below the targets, over all years."""

    @property
    def win_rate(self) -> float:
        """Share of the games won."""
        return self.wins / self.games if self.games else 0.0

    @property
    def one_sided(self) -> bool:
        """True for a strategy that leans on one or two kinds only."""
        return BY_NAME[self.name].one_sided


@dataclass(frozen=True)
class CardStat:
    """How often the best strategy took a card when it showed."""

    id: str
    title: str
    kind: Kind
    shown: int
    adopted: int
    per_capacity: float = 0.0
    """Its råderum per point of capacity (``per_capacity``) within the scenario's years, in
    the deck's unit."""
    reach: float = 0.0
    """The most it can give in the scenario's last year (adopted in the first round)."""
    full: float = 0.0
    """Its full effect (the last amount on the card), which a short scenario may not reach."""
    outclasses: tuple[str, ...] = ()
    """Ids of the pile's cards of its kind it beats on every count (``outclass``)."""
    outclassed_by: tuple[str, ...] = ()
    """Ids of the pile's cards of its kind that beat it on every count."""
    requires: tuple[str, ...] = ()
    """Ids of the cards it requires (``Proposal.requires``): a card adopted only after them."""
    peak: float = 0.0
    """The most it gives in any one of the scenario's years (adopted in the first round):
    above ``reach`` for a one-off amount ([4, 0]) or one that falls."""

    @property
    def rate(self) -> float:
        """Share of the games where the card showed in which it was adopted."""
        return self.adopted / self.shown if self.shown else 0.0

    @property
    def flag(self) -> str:
        """'dominant', 'dead' or '' (judged only when it showed often enough)."""
        if self.shown < MIN_SHOWN:
            return ""
        if self.rate > DOMINANT:
            return "dominant"
        if self.rate < DEAD:
            return "dead"
        return ""


@dataclass(frozen=True)
class Pile:
    """The size of a scenario's pile at full effect (each card's last value)."""

    total: float
    by_kind: dict[Kind, float]
    final_target: float
    reach: float | None = None
    """What the pile can give in the scenario's last year at most (every card adopted in the
    first round, at face value: ``within``), when that is less than ``total``: a short
    scenario ends before some cards reach their full effect."""
    never: tuple[str, ...] = ()
    """Titles of the pile's cards no group can ever adopt in the scenario
    (``Deck.adoptable``); they are not counted in ``total``."""
    savings: float | None = None
    """What the pile's savings alone free together at full effect (of two that exclude each
    other, the larger); None: ``by_kind``'s savings."""

    @property
    def savings_alone(self) -> float:
        """What the savings alone can free together at full effect."""
        return self.by_kind[Kind.SAVING] if self.savings is None else self.savings

    @property
    def ratio(self) -> float:
        """Full-effect total ÷ final target."""
        return self.total / self.final_target if self.final_target else 0.0

    @property
    def reach_ratio(self) -> float:
        """What the pile can give in the last year (``reach``, else ``total``) ÷ final target."""
        reach = self.total if self.reach is None else self.reach
        return reach / self.final_target if self.final_target else 0.0


@dataclass(frozen=True)
class Suggestion:
    """Targets to try, and where they come from."""

    targets: tuple[float, ...]
    reached: tuple[float, ...]
    """Per year what the strategy reached in ``REACHED_SHARE`` of its games."""
    sources: tuple[str, ...]
    """Per year the strategy whose figure it is."""
    empty: tuple[int, ...] = ()
    """The years that cannot carry a target as the deck stands (0 is tried there)."""


@dataclass
class ScenarioResult:
    """Everything the harness found on one scenario."""

    scenario: Scenario
    strategies: dict[str, StrategyResult]
    pile: Pile
    hindsight_share: float | None = None
    cards: list[CardStat] = field(default_factory=list)
    lessons: list[tuple[str, bool | None]] = field(default_factory=list)
    diagnosis: Diagnosis | None = None
    """What holds the deck back, when the best plan in hindsight loses too often."""
    suggestion: Suggestion | None = None
    """The targets to try (``target_candidates``) that the best plan in hindsight wins most
    often with, when the best strategy wins outside ``BEST_RANGE``."""
    suggested_won: int | None = None
    """In how many of the best strategy's games the best plan in hindsight wins with them."""
    lower_targets_help: bool = True
    """False when the run found that the best plan in hindsight would win no more games
    with the lower targets (then the report suggests none)."""
    big_events: tuple[tuple[str, float, str], ...] = ()
    """The scenario's largest events (``largest_events``): title, the amount furthest from 0
    in any of the scenario's years, in the deck's unit, and how long it lasts ("yearly",
    "once" or "while")."""

    @property
    def best(self) -> StrategyResult:
        """The balanced strategy with the highest win rate (★); between equal win rates the
        one that comes nearest the targets: most years met, then the smallest shortfall."""
        found = [self.strategies[n] for n in BEST_CANDIDATES if n in self.strategies]
        return max(found, key=lambda r: (r.win_rate, r.years_met, -r.shortfall))

    @property
    def out_of_reach(self) -> bool:
        """True when the best plan in hindsight wins under ``REACH_MIN`` of the games: the
        deck cannot be won as it stands, whoever plays it."""
        return self.hindsight_share is not None and self.hindsight_share < REACH_MIN

    @property
    def judgeable(self) -> bool:
        """True when the deck's lessons can be judged: the best strategy wins some games and
        the deck is not out of reach (0 % is not twice as often as 0 %)."""
        return self.best.win_rate > 0 and not self.out_of_reach

    @property
    def best_one_sided(self) -> StrategyResult | None:
        """The one-sided strategy with the highest win rate, if any was played."""
        found = [r for r in self.strategies.values() if r.one_sided]
        return max(found, key=lambda r: r.win_rate) if found else None


def target_candidates(result: ScenarioResult) -> list[Suggestion]:
    """The targets to try when the best strategy wins outside ``BEST_RANGE``: year by year
    what a balanced strategy (``BEST_CANDIDATES``) reached in ``REACHED_SHARE`` of its games
    – the ★'s own figures first, then the other's, then the best of the two year by year.

    A target is only lowered when the best strategy wins too seldom, only raised when too
    often. A year neither strategy brought above 0 cannot carry a target as the deck stands
    (``Suggestion.empty``; 0 is tried there, the lowest target a deck can have) – unless the
    diagnosis found a plan that gives more than 0 that year, and then its target stays. A
    profile that brings a year to 0 or below, which the other brought above it, is left out,
    and so is a candidate that would leave the targets as they are (then the targets are
    not what is wrong)."""
    best = result.best
    low, high = BEST_RANGE
    if low <= best.win_rate <= high:
        return []
    targets = result.scenario.target
    years = len(targets)
    played = [result.strategies[n] for n in BEST_CANDIDATES if n in result.strategies]
    played = [r for r in played if len(r.reached_often) == years]
    played.sort(key=lambda r: r.name != best.name)  # the ★ first
    profiles = [(r.reached_often, (r.name,) * years) for r in played]
    if len(played) > 1:
        tops = [max(played, key=lambda r: r.reached_often[y]) for y in range(years)]
        profiles.append(
            (
                tuple(t.reached_often[y] for y, t in enumerate(tops)),
                tuple(t.name for t in tops),
            )
        )
    carried = [any(r.reached_often[y] > 0 for r in played) for y in range(years)]
    found: list[Suggestion] = []
    for reached, sources in profiles:
        if best.win_rate >= low:
            # raised to what was reached, and halfway there: the whole step can leave the
            # best plan in hindsight under 90 % (the run then suggests the halfway one)
            empty: tuple[int, ...] = ()
            half = tuple(
                max(t, budget_figure(t + (v - t) / 2)) if v > t else t
                for t, v in zip(targets, reached)
            )
            moved = any(abs(a - b) > MET_TOLERANCE for a, b in zip(half, targets))
            if moved and half not in [f.targets for f in found]:
                found.append(Suggestion(half, tuple(reached), sources, empty))
            tried = tuple(max(t, budget_figure(v)) for t, v in zip(targets, reached))
        elif any(v <= 0 and c for v, c in zip(reached, carried)):
            continue  # it gives up a year the other strategy carried
        else:
            ceiling = _ceilings(result)
            empty = tuple(
                y for y, v in enumerate(reached) if v <= 0 and (ceiling is None or ceiling[y] <= 0)
            )
            # a year the strategy did not bring above 0, where the diagnosis found plans that
            # do, is lowered to what they gave (the report's "Sænk målet … til højst 4.880"),
            # not kept at its own target and then lifted by the next year's: "prøv målene
            # 6.100 / 6.100 / …" stood beside that "højst 4.880"
            lowered = [
                _lowered(t, v, None if ceiling is None else ceiling[y], y in empty)
                for y, (t, v) in enumerate(zip(targets, reached))
            ]
            # a råderum that grows stays growing: no year above a later one it was not above
            # (a strategy that spends its investments' gains late reached 4.197, then 3.275)
            for y in reversed(range(years - 1)):
                if y + 1 not in empty and targets[y] <= targets[y + 1]:
                    lowered[y] = min(lowered[y], lowered[y + 1])
            tried = tuple(lowered)
        changed = any(abs(a - b) > MET_TOLERANCE for a, b in zip(tried, targets))
        if changed and tried not in [f.targets for f in found]:
            found.append(Suggestion(tried, tuple(reached), sources, empty))
    return found


def _lowered(target: float, reached: float, ceiling: float | None, empty: bool) -> float:
    """A year's target lowered to what the strategy ``reached`` in most games; a year it
    did not bring above 0 to the diagnosis's ``ceiling`` (what plans gave that year), and to
    0 when nothing can carry it (``empty``). Never above the ``target`` itself."""
    if empty:
        return 0.0
    if reached > 0:
        return min(target, budget_figure(reached, down=True))
    return target if ceiling is None else min(target, budget_figure(ceiling, down=True))


def budget_figure(
    value: float, down: bool = False, *, up: bool = False, as_written: bool = True
) -> float:
    """``value`` to two significant figures, as a budget office writes a target: 431,2 → 430,
    4.796 → 4.800 (``down``: 4.700, so that a lowered target stays within what was written as
    reached; ``up``: 4.710 → 4.800, for a target to raise to at least), 2,44 → 2,4; first
    rounded as ``format_amount`` writes it, unless not ``as_written`` (a bound the figure must
    keep: "højst 29.175" may not become 29.200). Zero and negative values are returned as
    they are."""
    # from the figure as the report writes it beside the suggestion ("nåede mindst 7" for
    # 6,96: suggest 7, not 6,9)
    if as_written:
        value = round_half_away(value, amount_decimals(value))
    if value <= 0:
        return value
    step = 10.0 ** (math.floor(math.log10(value)) - 1)
    units = value / step
    if down:
        whole = math.floor(units + 1e-9)
    elif up:
        whole = math.ceil(units - 1e-9)
    else:
        whole = math.floor(units + 0.5)
    return round(whole * step, 6)


def _ceilings(result: ScenarioResult) -> list[float] | None:
    """Per year the most råderum a plan gave that year in ``REACHED_SHARE`` of the games
    the diagnosis looked at (None without a diagnosis)."""
    found = result.diagnosis
    if found is None or not found.reach:
        return None
    return [found.year_short(y, t)[2] for y, t in enumerate(result.scenario.target)]


def suggested(result: ScenarioResult) -> Suggestion | None:
    """The targets the report suggests: the candidate the best plan in hindsight wins most
    often with (``ScenarioResult.suggestion``, chosen by the run), else the ★'s own."""
    if result.suggestion is not None:
        return result.suggestion
    if not result.lower_targets_help:
        return None
    found = target_candidates(result)
    return found[0] if found else None


def summarise(
    name: str, records: Sequence[GameRecord], years: int, targets: Sequence[float] = ()
) -> StrategyResult:
    """Win rate, loss reasons and mean råderum per year of one strategy's games (and, given
    the ``targets``, how near it came to them)."""
    losses = dict.fromkeys(LOSS_REASONS, 0)
    sums = [0.0] * years
    met = short = 0.0
    for record in records:
        for reason in record.reasons:
            losses[reason] += 1
        for year, amount in enumerate(record.raaderum):
            sums[year] += amount
        for amount, target in zip(record.raaderum, targets):
            met += meets(amount, target)
            short += max(0.0, target - amount)
    games = len(records)
    return StrategyResult(
        name=name,
        games=games,
        wins=sum(r.won for r in records),
        losses=losses,
        mean_raaderum=tuple(s / games for s in sums) if games else (),
        reached_often=tuple(
            reached_in_share([r.raaderum[year] for r in records]) for year in range(years)
        )
        if games
        else (),
        years_met=met / games if games else 0.0,
        shortfall=short / games if games else 0.0,
    )


def pile_of(deck: Deck, scenario: Scenario) -> Pile:
    """The full-effect size of the scenario's pile, in all and per kind, counting only the
    cards a group can ever adopt there (``Deck.adoptable``) and, of cards that exclude each
    other, only those a group can adopt together (``Deck.most_together``); ``savings`` is
    what the savings alone can free together."""
    by_kind = dict.fromkeys(KINDS, 0.0)
    adoptable = deck.adoptable(scenario)
    never = tuple(deck.proposal(p).title for p in scenario.proposals if p not in adoptable)
    for pid in deck.most_together(adoptable, lambda p: p.effect[-1]):
        proposal = deck.proposal(pid)
        by_kind[proposal.kind] += proposal.effect[-1]
    reached = deck.most_together(adoptable, lambda p: within(p, scenario.rounds))
    reach = sum(within(deck.proposal(pid), scenario.rounds) for pid in reached)
    savings = [pid for pid in adoptable if deck.proposal(pid).kind is Kind.SAVING]
    alone = sum(deck.proposal(p).effect[-1] for p in deck.most_together(savings, _last))
    total = sum(by_kind.values())
    short = reach < total - 1e-9
    return Pile(total, by_kind, scenario.target[-1], reach if short else None, never, alone)


def _last(proposal: Proposal) -> float:
    """A proposal's full effect (its last amount)."""
    return proposal.effect[-1]


def within(proposal: Proposal, years: int | None = None) -> float:
    """The amount ``proposal`` gives in the last of ``years`` years when adopted in the first
    round (its full effect, the last amount, when ``years`` is None or reaches it), in the
    deck's unit: an investment of [−3, 1, 8, 13,5] gives 8 in a game of three years."""
    effect = proposal.effect
    return effect[-1] if years is None else effect[min(len(effect), years) - 1]


def peak(proposal: Proposal, years: int | None = None) -> float:
    """The largest amount ``proposal`` gives in one of the first ``years`` years (all its
    amounts when None), in the deck's unit: 4 for a one-off sale of [4, 0]."""
    effect = proposal.effect if years is None else proposal.effect[:years]
    return max(effect)


def per_capacity(proposal: Proposal, years: int | None = None) -> float:
    """A card's råderum per point of capacity, the measure the standard deck is tuned by
    (decks/standard/README.md): what it gives in the scenario's last year (``within``; the
    full effect when ``years`` is None) times its expected factor, divided by what it takes
    of a round's capacity (``ledger.capacity_taken``: belastning and the træthed it gives),
    in the deck's unit. A card far above the others of its kind is taken in every game; one
    far below, in none."""
    used = capacity_taken(proposal)
    return within(proposal, years) * expected_factor(proposal) / used if used > 0 else 0.0


def largest_events(
    deck: Deck, scenario: Scenario, count: int = 2
) -> tuple[tuple[str, float, str], ...]:
    """The ``count`` events of ``scenario`` that cost the most in one of its years: (title,
    that amount in the deck's unit, how long it lasts: "yearly" when every amount is that
    amount, "growing" when it grows to it and stays ("Flere ældre", [-0.5, -1.5, -2.5], is
    not "−2,5 om året" from the start), "once" for a single year's amount, else "while"),
    largest first, each over the years it can run from the first round it may be drawn in;
    fewer when the scenario has fewer events that cost. A one-off ("Salg af
    grund", [-2000, 0, 0, 0]) is not "om året". An event that gives råderum ("Ekstra
    grundsalg") loses no game, and was advised to be made smaller."""
    found = []
    for eid in dict.fromkeys(scenario.events):
        event = deck.event(eid)
        # the years it can run: from the first round it may be drawn in ("rounds" counts
        # from 1), not from the first year ([-1 … -6] drawn in round 4 of 8 reaches −5)
        first = min(event.rounds, default=1) if event.rounds else 1
        years = max(0, scenario.rounds - (first - 1))
        amounts = [amount_at(event.effect, year) for year in range(years)]
        peak = min(amounts, default=0.0)
        if peak < 0:
            # at its largest when the game ends, and for good: a one-off [-3000, 0] in a game
            # of one year was "−3.000 t. kr. om året"
            if amounts[-1] == peak and amount_at(event.effect, years) <= peak:
                grows = any(value != peak for value in amounts if value)
                lasts = "growing" if grows else "yearly"
            else:
                lasts = "once" if sum(1 for value in amounts if value) == 1 else "while"
            found.append((event.title, peak, lasts))
    return tuple(sorted(found, key=lambda e: -abs(e[1]))[:count])


def card_stats(
    deck: Deck, records: Sequence[GameRecord], years: int | None = None
) -> list[CardStat]:
    """Per card: in how many games it showed and in how many of those it was adopted, what it
    gives within the scenario's ``years``, and which of the shown cards it beats on every
    count within them (``outclass.outclassed``; all of them when ``years`` is None: the
    first ten years)."""
    shown: dict[str, int] = {}
    adopted: dict[str, int] = {}
    for record in records:
        for pid in record.seen:
            shown[pid] = shown.get(pid, 0) + 1
        for pid in record.adopted:
            adopted[pid] = adopted.get(pid, 0) + 1
    beats = outclassed(deck, shown, years or PROFILE_YEARS)
    beaten_by: dict[str, list[str]] = {}
    for better, others in beats.items():
        for other in others:
            beaten_by.setdefault(other, []).append(better)
    stats = [
        CardStat(
            pid,
            deck.proposal(pid).title,
            deck.proposal(pid).kind,
            shown[pid],
            adopted.get(pid, 0),
            per_capacity(deck.proposal(pid), years),
            within(deck.proposal(pid), years),
            deck.proposal(pid).effect[-1],
            beats.get(pid, ()),
            tuple(beaten_by.get(pid, ())),
            deck.proposal(pid).requires,
            peak(deck.proposal(pid), years),
        )
        for pid in shown
    ]
    return sorted(stats, key=lambda c: (KINDS.index(c.kind), -c.rate, c.id))


@dataclass(frozen=True)
class Check:
    """One balance target and whether the run met it."""

    text: str
    met: bool
    judged: bool = True
    """False for a target that waits until the deck can be won (then ``met`` is False)."""


def checks(results: Sequence[ScenarioResult]) -> list[Check]:
    """The balance targets (module docstring), one line per target and scenario. On a deck
    out of reach the targets whose fix would make it harder wait (``judged`` False), and so
    does the twice-as-often target while the best strategy wins nothing; a scenario that does
    not require all three kinds judges none of the targets that teach them."""
    found: list[Check] = []
    for result in results:
        sid = result.scenario.id
        best = result.best
        reach = not result.out_of_reach
        # a scenario that does not require all three kinds does not teach them: its one-sided
        # plays may win (a budget office's was told "✗" eight times beside "den lektie
        # prøves ikke her")
        kinds = result.scenario.require_all_kinds

        def add(text: str, met: bool, judged: bool = True, sid: str = sid) -> None:
            found.append(Check(f"{sid}: {text}", met and judged, judged))

        if result.hindsight_share is not None:
            add(
                f"den bedste plan set i bakspejlet vinder i mindst {HINDSIGHT_MIN * 100:.0f} % "
                "af spillene",
                result.hindsight_share >= HINDSIGHT_MIN,
            )
        low, high = BEST_RANGE
        add(
            f"bedste strategi ({spoken(best.name)}) vinder {low * 100:.0f}–{high * 100:.0f} %",
            low <= best.win_rate <= high,
        )
        one_sided = result.best_one_sided
        if one_sided is not None:
            add(
                f"bedste strategi vinder mindst {BEST_OVER_ONE_SIDED:g} gange så ofte som den "
                f"bedste ensidige ({spoken(one_sided.name)})",
                best.win_rate >= BEST_OVER_ONE_SIDED * one_sided.win_rate,
                result.judgeable and kinds,  # 0 % is not twice as often as 0 %
            )
            if result.scenario.rounds >= 3:
                for strategy in result.strategies.values():
                    if strategy.one_sided:
                        add(
                            f"{spoken(strategy.name)} vinder højst {ONE_SIDED_MAX * 100:.0f} %",
                            strategy.win_rate <= ONE_SIDED_MAX,
                            reach and kinds,
                        )
        if "random" in result.strategies:
            add(
                f"tilfældigt spil vinder højst {RANDOM_MAX * 100:.0f} %",
                result.strategies["random"].win_rate <= RANDOM_MAX,
                reach,
            )
        if result.cards:
            flagged = [c.id for c in result.cards if c.flag]
            add("intet kort er dominerende eller dødt", not flagged, reach)
        pile = result.pile
        add(
            f"bunken frigør {PILE_RANGE[0]:g}–{PILE_RANGE[1]:g} × slutmålet ved fuld effekt",
            PILE_RANGE[0] <= pile.ratio <= PILE_RANGE[1],
            # a pile below the range is judged: a larger one is what a deck out of reach needs
            reach or pile.ratio <= PILE_RANGE[1],
        )
        add(
            "besparelserne alene frigør mindre end slutmålet",
            pile.savings_alone < pile.final_target,
            reach and kinds,
        )
        for text, met in result.lessons:
            if met is not None:
                add(text, met)
    return found
