"""Work shared out over worker processes in chunks, with the results in the order given.

The balance harness plays thousands of games and then asks the optimiser thousands of
questions about them (``diagnosis``); both go through ``map_chunks``, so a run uses every core
the user gives it (``raaderum balance --workers N``) and its figures do not depend on how the
work was shared out: each chunk's result depends on its items alone.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def workers_default() -> int:
    """One worker process per core (at least one)."""
    return max(1, os.cpu_count() or 1)


def map_chunks(
    task: Callable[[Sequence[Item]], list[Result]],
    items: Sequence[Item],
    *,
    chunk: int,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[Result]:
    """``task`` applied to ``items`` ``chunk`` at a time, the results joined in the items'
    order. ``task`` gives one result per item and must be picklable (a module-level function,
    or a ``functools.partial`` of one) when ``workers`` > 1; with one worker, or one chunk,
    everything runs in this process. ``progress`` is told how many items are done as the
    chunks finish (in order)."""
    if chunk < 1:
        raise ValueError(f"chunk must be at least 1, not {chunk}")
    chunks = [items[start : start + chunk] for start in range(0, len(items), chunk)]
    done: list[Result] = []
    if workers <= 1 or len(chunks) <= 1:
        for part in chunks:
            done += task(part)
            if progress is not None:
                progress(len(done))
        return done
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(task, part) for part in chunks]
        for future in futures:
            done += future.result()
            if progress is not None:
                progress(len(done))
    return done
