"""Work the window must not wait for, done in a background thread: the debrief's what-if
(``WhatIfJob`` in ``debrief``) and each scenario's reach, how high the facilitator's X can go
(``ReachBook``). HiGHS lets go of Python's lock while it solves, so the window keeps drawing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from game.engine import Deck
    from game.engine.reach import Reach

log = logging.getLogger(__name__)

T = TypeVar("T")


class Job(Generic[T]):
    """``work()`` computed in a background thread (or at once with ``background=False``).
    ``result`` is None until it is done; ``error`` says why it failed ("" otherwise): a job
    that fails leaves the window usable, it only lacks what the job would have added."""

    def __init__(self, work: Callable[[], T], *, background: bool = True) -> None:
        self._work = work
        self.result: T | None = None
        self.error = ""
        self._thread: threading.Thread | None = None
        if background:
            self._thread = threading.Thread(target=self._run, daemon=False)
            self._thread.start()
        else:
            self._run()

    def _run(self) -> None:
        try:
            self.result = self._work()
        except Exception as error:  # the window goes on without the job's answer
            log.warning("background job failed: %s", error)
            self.error = str(error) or type(error).__name__

    @property
    def running(self) -> bool:
        """True while the thread is still computing."""
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        """Block until the job is done (screenshots and tests)."""
        if self._thread is not None:
            self._thread.join(timeout)


class ReachBook:
    """Each scenario's reach (``game.engine.reach``), computed once per deck and scenario in
    the background when first asked for. ``background=False`` computes at once (tests)."""

    def __init__(self, *, background: bool = True) -> None:
        self.background = background
        self._jobs: dict[tuple[str, str], tuple[Job[Reach | None], Deck]] = {}

    def job(self, deck: Deck, scenario_id: str) -> Job[Reach | None]:
        """The job computing the reach of ``scenario_id`` in ``deck``, started if new (a deck
        is known by its content hash, so an edited deck is computed again)."""
        key = (deck.content_hash or f"id:{id(deck)}", scenario_id)
        if key not in self._jobs:
            from game.engine.reach import target_reach  # the solver loads when asked

            def work() -> Reach | None:
                return target_reach(deck, scenario_id)

            # the deck is kept with its job, so that its id is not reused while it is known
            self._jobs[key] = Job(work, background=self.background), deck
        return self._jobs[key][0]

    def known(self, deck: Deck, scenario_id: str) -> Reach | None:
        """The reach if it is computed (None while computing, after a failure, when no X can
        be won at all, or for a pile too large to ask: ``reach.worth_asking``); starts the
        computation when it is new."""
        from game.engine.reach import worth_asking

        if not worth_asking(deck, scenario_id):
            return None
        return self.job(deck, scenario_id).result

    def pending(self, deck: Deck, scenario_id: str) -> bool:
        """True while the reach of ``scenario_id`` is being computed (started if new and
        worth asking)."""
        from game.engine.reach import worth_asking

        return worth_asking(deck, scenario_id) and self.job(deck, scenario_id).running

    def wait(self) -> None:
        """Block until every reach asked for is computed (screenshots, tests, leaving)."""
        for job, _ in list(self._jobs.values()):
            job.wait()
