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
    the background: started by a scene's ``update`` (``pending``), read while drawing
    (``known``, which starts nothing)."""

    def __init__(self) -> None:
        self._jobs: dict[tuple[str, str], tuple[Job[Reach | None], Deck]] = {}

    @staticmethod
    def key(deck: Deck, scenario_id: str) -> tuple[str, str]:
        """What a reach is kept by: the deck's content hash (an edited deck is computed
        again) and the scenario."""
        return deck.content_hash or f"id:{id(deck)}", scenario_id

    def known(self, deck: Deck, scenario_id: str) -> Reach | None:
        """The reach if it is computed (None when not asked yet, while computing, after a
        failure, when no X can be won at all, or for a pile too large to ask)."""
        found = self._jobs.get(self.key(deck, scenario_id))
        return found[0].result if found is not None else None

    def hopeless(self, deck: Deck, scenario_id: str) -> bool:
        """True when the reach is computed and no X can be won at all (``target_reach`` None:
        the kinds, the service floor or the first years keep every plan from winning;
        ``raaderum validate`` says which). False while computing, after a failure, when not
        asked yet, or for a pile too large to ask."""
        found = self._jobs.get(self.key(deck, scenario_id))
        if found is None or found[0].running:
            return False
        return found[0].result is None and not found[0].error

    def pending(self, deck: Deck, scenario_id: str) -> bool:
        """True while the reach of ``scenario_id`` is being computed; starts it when it is new
        and worth asking (``reach.worth_asking``: not for a pile of hundreds of cards)."""
        from game.engine.reach import target_reach, worth_asking  # the solver loads when asked

        key = self.key(deck, scenario_id)
        if key not in self._jobs:
            if not worth_asking(deck, scenario_id):
                return False

            def work() -> Reach | None:
                return target_reach(deck, scenario_id)

            # the deck is kept with its job, so that its id is not reused while it is known
            self._jobs[key] = Job(work), deck
        return self._jobs[key][0].running

    def wait(self) -> None:
        """Block until every reach asked for is computed (screenshots, tests, leaving)."""
        for job, _ in list(self._jobs.values()):
            job.wait()
