"""Random numbers that live inside the game state.

The engine never touches Python's ``random`` module, numpy's global generator or the clock.
Each state carries the PCG64 bit generator's state as a tuple of ints; a draw restores that
state into a generator, draws, and returns the new tuple along with the numbers.
"""

from __future__ import annotations

import functools
import math
import threading

import numpy as np

from game.engine.state import RngState

_local = threading.local()


def seed_state(seed: int) -> RngState:
    """The generator state that ``numpy.random.default_rng(seed)`` starts from."""
    return pack(np.random.default_rng(seed))


def pack(generator: np.random.Generator) -> RngState:
    """The state of ``generator`` as a tuple of ints.

    Packing the thread's scratch generator (from ``restore``) also remembers where it stands,
    so that restoring that same state next costs nothing: do not draw from it after packing.
    """
    raw = generator.bit_generator.state
    inner = raw["state"]
    packed: RngState = (inner["state"], inner["inc"], raw["has_uint32"], raw["uinteger"])  # ints
    local = _local.__dict__
    if generator is local.get("generator"):
        local["position"] = packed
    return packed


def restore(state: RngState) -> np.random.Generator:
    """A generator positioned at ``state``. Each thread reuses one scratch generator.

    Setting a bit generator's state is the costly part of a draw in a game; it is skipped when
    the scratch generator already stands at ``state`` (it was packed there and not used since).
    """
    generator: np.random.Generator | None = getattr(_local, "generator", None)
    if generator is None:
        generator = np.random.Generator(np.random.PCG64(0))
        _local.generator = generator
        _local.position = None
    if _local.position != state:
        generator.bit_generator.state = {
            "bit_generator": "PCG64",
            "state": {"state": state[0], "inc": state[1]},
            "has_uint32": state[2],
            "uinteger": state[3],
        }
    _local.position = None  # the caller draws now: the position is unknown until packed again
    return generator


@functools.lru_cache(maxsize=256)
def lognormal_params(uncertainty: float) -> tuple[float, float]:
    """(mu, sigma) of a lognormal with mean 1 and relative standard deviation ``uncertainty``."""
    sigma2 = math.log1p(uncertainty * uncertainty)
    return -sigma2 / 2.0, math.sqrt(sigma2)


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
