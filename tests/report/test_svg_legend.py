"""The charts' legend: every entry of an eight-table comparison can be read (before, the
legend was one row and the entries after the third ran off the right edge of the chart)."""

from __future__ import annotations

import re

from game.report.svg import PALETTE, Series, line_chart


def _entries(svg: str) -> list[tuple[float, float, str]]:
    return [
        (float(x), float(y), text)
        for x, y, text in re.findall(
            r'<text x="([\d.]+)" y="([\d.]+)" fill="[^"]+">([^<]+)</text>', svg
        )
    ]


def test_a_legend_wider_than_the_chart_wraps_and_the_chart_grows_to_hold_it():
    years = ["2027", "2028", "2029", "2030"]
    names = [f"Bord {i} – Sydhavnen" for i in range(1, 9)]
    series = [
        Series(n, [i, i + 1, i + 2, i + 3], PALETTE[i % len(PALETTE)]) for i, n in enumerate(names)
    ]
    svg = line_chart(
        years, series, title="Råderum pr. bord", target=[3, 11, 25, 45], target_label="Mål"
    )
    width, height = map(float, re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).groups())
    legend = {text: (x, y) for x, y, text in _entries(svg) if text in [*names, "Mål"]}
    assert set(legend) == {*names, "Mål"}
    for text, (x, _) in legend.items():
        assert x + 7.2 * len(text) <= width, text  # the label ends inside the chart
    rows = sorted({y for _, y in legend.values()})
    assert len(rows) >= 3 and height == 260 + 18 * (len(rows) - 1)
    # the plot moves down under the added rows
    assert '<g transform="translate(0 ' in svg


def test_a_short_legend_stays_one_row_and_the_chart_keeps_its_size():
    svg = line_chart(
        ["2027"], [Series("Bord 1", [1], PALETTE[0])], title="t", target=[1], target_label="Mål"
    )
    assert 'viewBox="0 0 720 260"' in svg and "translate" not in svg
