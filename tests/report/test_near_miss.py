"""A year that misses its target by a little is shown as a miss in the printed report too:
35,98 against 36, never "36" next to a red cross."""

from __future__ import annotations

from game.report.session import _amount
from game.report.svg import Series, bars_against_target


def test_the_bar_label_of_a_near_miss_shows_the_miss():
    svg = bars_against_target(
        ["2027", "2028"],
        [Series("Råderum", (35.98, 40.0), "#000")],
        (36.0, 36.0),
        title="Råderum",
        target_label="mål",
        met_colors=("nået", "ikke nået"),
    )
    assert ">35,98</text>" in svg
    assert ">36</text>" not in svg  # was the label of the missed year
    assert ">40</text>" in svg


def test_the_year_table_cell_of_a_near_miss_shows_the_miss():
    assert _amount(35.98, "da", 36.0, False) == "35,98"
    assert _amount(35.98, "da") == "36"  # on its own, one decimal as before
    assert _amount(-0.04, "da", 0.0, False) == '<span class="neg">−0,04</span>'
