"""Work shared out over processes gives the same answer as in one process, in order."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from game.balance.parallel import map_chunks


def _squares(items: Sequence[int]) -> list[int]:
    return [i * i for i in items]


def test_the_results_come_in_the_items_order_whatever_the_workers():
    items = list(range(23))
    alone = map_chunks(_squares, items, chunk=4, workers=1)
    shared = map_chunks(_squares, items, chunk=4, workers=2)
    assert alone == shared == [i * i for i in items]


def test_progress_counts_the_items_done_chunk_by_chunk():
    told: list[int] = []
    map_chunks(_squares, range(10), chunk=4, workers=2, progress=told.append)
    assert told == [4, 8, 10]


def test_nothing_to_do_gives_nothing_and_a_chunk_of_zero_is_refused():
    assert map_chunks(_squares, [], chunk=3, workers=2) == []
    with pytest.raises(ValueError, match="chunk"):
        map_chunks(_squares, [1], chunk=0)
