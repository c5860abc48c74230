"""The chance of a game, drawn once at its start from the seed, with the project's own transforms.

A game draws all its chance when it starts, the way a board game shuffles its decks before the
first round:

* the order of the proposal pile (a Fisher–Yates shuffle),
* one hidden factor per proposal of the scenario (does it fail, and how well does it go),
* one uniform number per event slot (round × events per round) that picks that slot's event.

So what a table draws never depends on how many cards it adopted or in which order: an event
comes whatever the group did before it, a proposal has the same hidden factor whenever it is
adopted, and the debrief's plan in hindsight meets the same events as the game did.

Only the raw 64-bit outputs of the PCG64 bit generator are used (numpy's ``PCG64.random_raw``,
seeded with ``SeedSequence(seed)``; both are specified algorithms whose streams numpy keeps
stable). Every transform from raw bits to a shuffle, a uniform or a normal number is written
here, as boardgame.io ships its own generator, so a numpy upgrade that changes ``Generator``'s
methods cannot change an old game. ``tests/engine/test_golden.py`` pins whole playthroughs.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

_MASK64 = (1 << 64) - 1
_UNIT = 2.0**-53
_BLOCK = 256


class RawBits:
    """The raw 64-bit outputs of PCG64 seeded with ``SeedSequence(seed)``, one at a time."""

    def __init__(self, seed: int) -> None:
        bits = np.random.PCG64(np.random.SeedSequence(seed))
        blocks = iter(lambda: bits.random_raw(_BLOCK).tolist(), None)  # Python ints, in order
        self._stream: Iterator[int] = itertools.chain.from_iterable(blocks)

    def next(self) -> int:
        """The next raw output, an int in [0, 2**64)."""
        return next(self._stream)

    def uniform(self) -> float:
        """A uniform float in [0, 1) with 53 random bits."""
        return (self.next() >> 11) * _UNIT

    def open_uniform(self) -> float:
        """A uniform float in the open interval (0, 1)."""
        return ((self.next() >> 11) + 0.5) * _UNIT

    def below(self, bound: int) -> int:
        """An unbiased int in [0, bound) (Lemire's multiply-and-reject method); bound ≥ 1."""
        product = self.next() * bound
        low = product & _MASK64
        if low < bound:
            threshold = ((1 << 64) - bound) % bound
            while low < threshold:
                product = self.next() * bound
                low = product & _MASK64
        return product >> 64

    def normal(self) -> float:
        """A standard normal number from the next two raw outputs (``box_muller``)."""
        first = self.next()
        return box_muller(first, self.next())


def box_muller(first: int, second: int) -> float:
    """A standard normal number from two raw outputs: √(−2 ln u₁)·cos 2πu₂ with u₁ in the
    open interval (0, 1) and u₂ in [0, 1), each from the top 53 bits of its output."""
    radius = math.sqrt(-2.0 * math.log(((first >> 11) + 0.5) * _UNIT))
    return radius * math.cos(2.0 * math.pi * ((second >> 11) * _UNIT))


@dataclass(frozen=True)
class Draws:
    """Everything chance decides in one game.

    ``pile``: the scenario's proposal ids in shuffled order. ``factors``: the hidden factor of
    each proposal, in the order of ``Scenario.proposals``. ``event_uniforms``: one number in
    [0, 1) per event slot, slot ``round * events_per_round + k``.
    """

    pile: tuple[str, ...]
    factors: tuple[float, ...]
    event_uniforms: tuple[float, ...]


def shuffled(items: Sequence[str], bits: RawBits) -> tuple[str, ...]:
    """``items`` in a uniformly random order (Fisher–Yates, from the last position down)."""
    order = list(items)
    below = bits.below
    for last in range(len(order) - 1, 0, -1):
        other = below(last + 1)
        order[last], order[other] = order[other], order[last]
    return tuple(order)


@functools.lru_cache(maxsize=256)
def lognormal_params(uncertainty: float) -> tuple[float, float]:
    """(mu, sigma) of a lognormal with mean 1 and relative standard deviation ``uncertainty``."""
    sigma2 = math.log1p(uncertainty * uncertainty)
    return -sigma2 / 2.0, math.sqrt(sigma2)


@dataclass(frozen=True)
class DieBand:
    """Faces ``first``…``last`` (1-based) of a die give the hidden factor ``factor``."""

    first: int
    last: int
    factor: float


DIE_FACES = 20
"""A printed card's die: a 20-sided die gives the chance of failure in steps of 5 %."""


def die_table(uncertainty: float, failure: float, faces: int = DIE_FACES) -> tuple[DieBand, ...]:
    """The hidden factor as a paper table rolls it: ``factor_from_draws``'s distribution cut
    into bands of a ``faces``-sided die. The lowest faces (``failure`` × faces, rounded) give
    0; the others split the lognormal (mean 1, relative deviation ``uncertainty``) into a low
    fifth, a middle and a high fifth. The fifths give the mean of the distribution in their
    part and the middle what keeps the mean of the faces that work at 1, each rounded to 0.1,
    so the die's mean is the game's (1 − failure) within rounding. A card
    without uncertainty gives 1 on every face that does not fail."""
    failed = min(faces, max(0, round(failure * faces)))
    bands = [DieBand(1, failed, 0.0)] if failed else []
    hits = faces - failed
    if hits == 0:
        return tuple(bands)
    if uncertainty <= 0:
        return (*bands, DieBand(failed + 1, faces, 1.0))
    _, sigma = lognormal_params(uncertainty)
    normal = NormalDist()
    tail = round(hits * 0.2)
    middle = hits - 2 * tail

    def part_mean(low: float, high: float) -> float:
        # E[X | its quantile lies in (low, high)] for the lognormal with mean 1
        upper = normal.cdf(normal.inv_cdf(high) - sigma) if high < 1 else 1.0
        lower = normal.cdf(normal.inv_cdf(low) - sigma) if low > 0 else 0.0
        return (upper - lower) / (high - low)

    bottom = round(part_mean(0.0, tail / hits), 1) if tail else 0.0
    top = round(part_mean(1 - tail / hits, 1.0), 1) if tail else 0.0
    # the middle takes what keeps the die's mean at 1 (the tails are rounded first)
    centre = max(0.0, round((hits - tail * (bottom + top)) / middle, 1))
    first = failed + 1
    for count, factor in ((tail, bottom), (middle, centre), (tail, top)):
        if count > 0:
            bands.append(DieBand(first, first + count - 1, factor))
            first += count
    return tuple(bands)


def die_factors(uncertainty: float, failure: float, faces: int = DIE_FACES) -> tuple[float, ...]:
    """The factors a card's printed die can give, in rising order (``die_table``'s)."""
    return tuple(sorted({band.factor for band in die_table(uncertainty, failure, faces)}))


def on_die(factor: float, uncertainty: float, failure: float, faces: int = DIE_FACES) -> bool:
    """Whether a paper table can have rolled ``factor`` on the card's die (``die_factors``):
    a factor typed off it (0,85 where the die has 0,7 and 1) is a typing mistake or an old
    printout's die, which the entry warns of and the report marks."""
    return any(abs(factor - face) <= 1e-9 for face in die_factors(uncertainty, failure, faces))


def die_face(factor: float, uncertainty: float, failure: float, faces: int = DIE_FACES) -> float:
    """The factor of the printed die's face that the drawn ``factor`` falls on: 0 stays 0 (the
    die's failed faces), and a gain's place in the lognormal (its quantile among the gains)
    picks the low fifth, the middle or the high fifth of ``die_table``. A paper table whose
    factor was not entered gets a face its die could have shown, with the seed's luck."""
    bands = die_table(uncertainty, failure, faces)
    working = [band for band in bands if band.factor > 0 or uncertainty <= 0]
    if factor <= 0 or not working:
        return 0.0
    if uncertainty <= 0 or len(working) == 1:
        return working[0].factor
    mu, sigma = lognormal_params(uncertainty)
    quantile = NormalDist().cdf((math.log(factor) - mu) / sigma)
    hits = sum(band.last - band.first + 1 for band in working)
    below = 0
    for band in working:
        below += band.last - band.first + 1
        if quantile < below / hits:
            return band.factor
    return working[-1].factor


def factor_from_draws(uniform: float, normal: float, uncertainty: float, failure: float) -> float:
    """The hidden factor m from one uniform and one standard normal draw.

    m = 0 with probability ``failure``; otherwise lognormal with mean 1 and relative standard
    deviation ``uncertainty``. Rounded to 6 decimals so saved games hash the same everywhere.
    """
    if uniform < failure:
        return 0.0
    if uncertainty <= 0:
        return 1.0
    mu, sigma = lognormal_params(uncertainty)
    return round(math.exp(mu + sigma * normal), 6)


def draw_game(
    seed: int,
    proposals: Sequence[str],
    odds: Sequence[tuple[float, float]],
    event_slots: int,
) -> Draws:
    """All the chance of a game seeded with ``seed``.

    ``proposals`` are the scenario's proposal ids, ``odds`` their (uncertainty, failure) in the
    same order, ``event_slots`` the number of event draws (rounds × events per round). The
    raw outputs are consumed in this order: the shuffle (one per position, more on the rare
    rejection), then three per proposal (a uniform for failure, two for the normal), then one
    per event slot. A factor is computed only where it is needed, but its three outputs are
    always consumed, so one card's odds never shift another card's draws.
    """
    bits = RawBits(seed)
    pile = shuffled(proposals, bits)
    draw = bits.next
    factors = []
    for uncertainty, failure in odds:
        uniform = (draw() >> 11) * _UNIT
        first, second = draw(), draw()
        if uniform < failure:
            factors.append(0.0)
        elif uncertainty <= 0:
            factors.append(1.0)
        else:
            normal = box_muller(first, second)
            factors.append(factor_from_draws(uniform, normal, uncertainty, failure))
    events = tuple((draw() >> 11) * _UNIT for _ in range(event_slots))
    return Draws(pile=pile, factors=tuple(factors), event_uniforms=events)
