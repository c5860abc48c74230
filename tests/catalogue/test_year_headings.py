"""The amount columns headed as a budget office heads them: "År1", "4. år", "år 4
(overslagsår)" are the template's "år 4"; a heading that speaks of a year's amounts but
cannot be placed stops the import (its amounts would otherwise be missing without a word)."""

from __future__ import annotations

import pytest

from game.content import load_deck
from tests.catalogue.conftest import EVENTS, PROPOSALS, run_import, sheets, write_book

AMOUNTS = {"spar": (3,), "eff": (-1, 2, 4), "inv": (-3, 1, 6)}
"""The amounts of conftest's PROPOSALS, as the deck must hold them."""


@pytest.mark.parametrize(
    ("first", "second", "third"),
    [
        ("År1", "år-2", "År 3"),
        ("1. år", "2. år", "3. år"),
        ("år 1", "år 2", "3.år"),
        ("År 1", "År 2", "år 3 (overslagsår)"),
        ("år 1", "år 2", "År 3*"),
        ("Beløb år 1", "Beløb år 2", "Beløb år 3"),
        ("aar 1", "aar 2", "aar 3"),
    ],
)
def test_year_columns_headed_the_usual_ways_are_read_as_the_years_they_number(
    capsys, tmp_path, first, second, third
):
    # before: '4. år' was skipped with a warning (the import succeeded without the last
    # year's amounts) and 'År1', 'år-2' were refused as unknown columns
    rows = [list(row) for row in PROPOSALS]
    rows[0][4:7] = [first, second, third]
    events = [["id", "titel", first, second], ["udligning", "Udligningen falder", -1, -2]]
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows, events=events))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert "springes over" not in text and "ukendt kolonne" not in text, text
    deck = load_deck(tmp_path / "dæk")
    assert {p.id: tuple(p.effect) for p in deck.proposals} == AMOUNTS
    assert tuple(deck.events[0].effect) == (-1, -2)


@pytest.mark.parametrize("heading", ["år 11", "4 år", "År 3 i alt", "år 3 og 4"])
def test_a_year_column_that_cannot_be_placed_stops_the_import(capsys, tmp_path, heading):
    rows = [list(row) for row in PROPOSALS]
    rows[0][6] = heading
    path = write_book(tmp_path / "katalog.xlsx", sheets(proposals=rows))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 2, text
    assert (
        f"{path}:Forslag!G1: '{heading}' ligner en kolonne med et års beløb, men kan ikke "
        "læses som én; skriv 'år 1', 'år 2' … højst 'år 10' som overskrift"
    ) in text
    assert not (tmp_path / "dæk").exists()


def test_a_year_column_of_the_events_headed_4_aar_is_read(capsys, tmp_path):
    events = [
        ["id", "titel", "1. år", "2. år", "3. år", "4. år"],
        [*EVENTS[1][:2], -1, -1, -1, -2],
    ]
    path = write_book(tmp_path / "katalog.xlsx", sheets(events=events))
    code, text = run_import(capsys, path, out=tmp_path / "dæk")
    assert code == 0, text
    assert tuple(load_deck(tmp_path / "dæk").events[0].effect) == (-1, -1, -1, -2)
