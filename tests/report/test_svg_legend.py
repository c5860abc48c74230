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


def test_nine_tables_names_under_the_service_bars_stay_in_their_slots_and_ticks_are_whole():
    from game.report.svg import bars_against_target

    names = [f"Bord {i} – Sydhavnen" if i % 2 else f"Bord {i} (papir)" for i in range(1, 10)]
    svg = bars_against_target(
        names,
        [Series("Service", [8, 0, 8, 7, -2, 3, -2, 10, 0], PALETTE[0])],
        None,
        title="Service pr. bord",
        target_label="",
        height=220,
        whole=True,
    )
    slot = (720 - 14 - 56) / len(names)
    labels = re.findall(
        r'<text x="[\d.]+" y="(2\d\d\.\d)"[^>]*?( textLength="[\d.]+")?[^>]*>([^<]+)</text>', svg
    )
    under = [(text, bool(squeezed)) for _, squeezed, text in labels]
    assert under, svg
    for text, squeezed in under:  # each line fits its slot, or is pressed to fit it
        assert squeezed or 7.2 * len(text) <= slot - 6, text
    assert ("Bord 2", False) in under and ("(papir)", False) in under  # wrapped, not cut
    ticks = re.findall(r'fill="[^"]+">(−?\d+(?:,\d+)?)</text>', svg)  # the axis: whole steps
    assert ticks and all("," not in tick for tick in ticks), ticks


def test_a_year_just_under_its_target_keeps_its_value_at_its_bar_clear_of_the_line():
    # the value stands at its own bar (above the target line it read as the target's value);
    # where the line would run through it (a printed report read "2,9" struck out), it stands
    # inside the top of the bar; a value clear of its line keeps its place above
    from game.report.svg import INK, LABEL_HEIGHT, bars_against_target

    svg = bars_against_target(
        ["2027", "2028"],
        [Series("Råderum", [9.4, 30.0], PALETTE[0])],
        [10.0, 25.0],
        title="Råderum år for år",
        target_label="Mål",
        met_colors=("nået", "ikke nået"),
    )
    lines = re.findall(
        rf'<line x1="[\d.]+" y1="([\d.]+)" x2="[\d.]+" y2="[\d.]+" stroke="{INK}" '
        r'stroke-width="3"',
        svg,
    )[:2]  # the two years' target lines (the legend's comes last)
    # (a missed year's bar is striped: its value is ink with a white halo, not white)
    near = re.search(rf'<text x="[\d.]+" y="([\d.]+)"[^>]*fill="{INK}"[^>]*>9,4<', svg)
    bar = re.search(
        r'<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="[\d.]+" fill="url\(#stripes-',
        svg,
    )
    met = re.search(r'<text x="[\d.]+" y="([\d.]+)"[^>]*paint-order="stroke">30<', svg)
    assert lines and near and bar and met, svg
    top, baseline = float(bar.group(1)), float(near.group(1))
    line_y = float(lines[0])
    # the white value lies inside the bar, wholly below the line that runs just above it
    assert top < baseline - LABEL_HEIGHT + 2 and baseline - LABEL_HEIGHT > line_y
    assert float(met.group(1)) < float(lines[1])  # 30 against 25: above its bar, clear
    assert INK not in PALETTE  # no table is drawn in the target line's black


def test_a_long_proposal_title_in_the_bar_chart_is_shortened_from_its_end():
    # a catalogue's title of 54 letters was cut at 41 letters, and the rest, right-aligned
    # against the bars, began outside the chart: "gital døgnpleje med skærmbesøg og senso…"
    from game.report.svg import LETTER_W, horizontal_bars

    title = "Digital døgnpleje med skærmbesøg og sensorer i eget hjem"
    svg = horizontal_bars([title, "Kort"], [3, 1], title="Forslagene", maximum=8.0)
    shown = re.findall(r'text-anchor="end" fill="[^"]+">([^<]+)</text>', svg)
    assert shown[1] == "Kort"
    assert shown[0].startswith("Digital døgnpleje") and shown[0].endswith("…")
    assert len(shown[0]) * 7.4 <= 300 - 8  # DejaVu Sans's widest Danish titles: 7,4 a letter
    assert LETTER_W >= 7.4


def test_a_long_table_name_under_its_bars_keeps_its_paper_mark_and_is_not_pressed_flat():
    # "Bord 8 – Erhvervsforeningen & Handelsstandsforeningen (papir)" was pressed to a third
    # of its width under eight tables' bars, and elsewhere cut before "(papir)"
    from game.report.svg import bars_against_target

    names = [f"Bord {n}" for n in range(1, 8)]
    names.append("Bord 8 – Erhvervsforeningen & Handelsstandsforeningen (papir)")
    series = [Series("Service", [float(n) for n in range(8)], PALETTE[0])]
    svg = bars_against_target(names, series, None, title="Service", target_label="Gulv")
    lines = re.findall(
        r'text-anchor="middle" fill="[^"]+"( textLength="([\d.]+)"[^>]*)?>([^<]+)<', svg
    )
    eighth = [(length, text) for _, length, text in lines if "…" in text or "(papir)" in text]
    assert any(text.endswith("(papir)") for _, text in eighth), lines
    for length, text in eighth:
        if length:  # pressed together: at most to PRESSED_MOST of its width
            assert float(length) >= 0.8 * 7.6 * len(text) - 1e-6, (text, length)


def _marks(svg: str) -> dict[str, list[str]]:
    """Every mark of a line chart by its series' colour, each as the eye reads it in grey: its
    outline (circle, square, a polygon pointing up or down) and whether it is open."""
    found: dict[str, list[str]] = {}
    for element, attributes in re.findall(r"<(circle|rect|polygon) ([^>]*?)/>", svg):
        color = re.search(r'(?:fill|stroke)="(#(?!ffffff)[0-9a-f]{6})"', attributes)
        if color is None or color.group(1) not in PALETTE:
            continue  # the chart's frame and grid
        outline = element
        if element == "polygon":
            points = [p.split(",") for p in re.search(r'points="([^"]+)"', attributes)[1].split()]
            up = float(points[0][1]) < float(points[1][1])
            outline = f"{len(points)}-gon {'up' if up else 'down'}"
        hollow = " open" if 'fill="#ffffff"' in attributes else ""
        found.setdefault(color.group(1), []).append(outline + hollow)
    return found


def test_a_black_and_white_print_tells_eight_tables_lines_apart_by_their_marks():
    # eight tables' lines turned into close greys on a black-and-white print, and every point
    # was the same dot: only the legend's colours told the tables apart
    names = [f"Bord {i}" for i in range(1, 9)]
    series = [Series(n, [i, i + 2, i + 4], PALETTE[i]) for i, n in enumerate(names)]
    svg = line_chart(
        ["2027", "2028", "2029"], series, title="Råderum", target=[1, 5, 9], target_label="Mål"
    )
    marks = _marks(svg)
    assert set(marks) == set(PALETTE)
    for color, shapes in marks.items():  # three points and the legend's line: one shape
        assert len(shapes) == 4 and len(set(shapes)) == 1, (color, shapes)
    assert len({shapes[0] for shapes in marks.values()}) == 8  # no two tables alike


def test_a_striped_series_of_bars_is_striped_in_its_bars_and_its_legend_box():
    # the report's "Hvad nu hvis?": green (the best plan) and vermillion (the worst 10 %)
    # stood side by side and printed as one grey; the best plan's bars are now striped
    from game.report.svg import bars_against_target, stripes_id

    series = [
        Series("De 10 % dårligste udfald", [1, 2, 3], PALETTE[5]),
        Series("Bedste plan", [2, 3, 4], PALETTE[2], True),
    ]
    svg = bars_against_target(
        ["2027", "2028", "2029"], series, [2, 3, 4], title="Hvad nu hvis?", target_label="Mål"
    )
    pattern = f"url(#{stripes_id(PALETTE[2])})"
    striped = re.findall(rf'<rect [^>]*fill="{re.escape(pattern)}"[^>]*/>', svg)
    assert len(striped) == 3 + 1  # three bars and the legend's box
    assert f'<pattern id="{stripes_id(PALETTE[2])}"' in svg
    assert svg.count(f'fill="{PALETTE[5]}"') == 3 + 1  # the other series stays solid


def _grey(color: str) -> float:
    """The grey a colour prints as (luma, 0–255)."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b


def test_a_black_and_white_print_tells_a_missed_year_from_a_met_one():
    # a host's trial: the report's "Råderum år for år" printed met (green) and missed
    # (vermillion) as one grey, in the bars and the legend
    from game.report.svg import MET, MISSED, bars_against_target, stripes_id

    svg = bars_against_target(
        ["2027", "2028", "2029"],
        [Series("Råderum", [2, 10, 30], PALETTE[0])],
        [3, 9, 28],
        title="Råderum år for år",
        target_label="Mål",
        met_colors=("Målet nået", "Målet ikke nået"),
    )
    pattern = f"url(#{stripes_id(MISSED)})"
    striped = re.findall(rf'<rect [^>]*fill="{re.escape(pattern)}"[^>]*/>', svg)
    assert len(striped) == 1 + 1  # 2027's bar and the legend's box
    assert svg.count(f'fill="{MET}"') == 2 + 1  # 2028, 2029 and the legend's box, solid


def test_a_paper_tables_name_that_two_lines_would_cut_gets_a_third_under_a_taller_chart():
    # compare.html's "Service pr. bord" labelled the eighth table "Bord 8 –" / "Hor… (papir)"
    from game.report.svg import bars_against_target

    names = [*(f"Bord {n}" for n in range(1, 8)), "Bord 8 – Horsens (papir)"]
    series = [Series("Service", [float(n) for n in range(8)], PALETTE[0])]
    svg = bars_against_target(names, series, None, title="Service", target_label="", height=220)
    under = re.findall(r'<text x="[\d.]+" y="([\d.]+)" text-anchor="middle"[^>]*>([^<]+)<', svg)
    eighth = [(float(y), text) for y, text in under if text in ("Bord 8 –", "Horsens", "(papir)")]
    assert [text for _, text in eighth] == ["Bord 8 –", "Horsens", "(papir)"], under
    assert 'viewBox="0 0 720 234"' in svg  # a line more under the plot
    axis = max(float(y) for y in re.findall(r'<line x1="[\d.]+" y1="([\d.]+)"', svg))
    assert eighth[0][0] - 12 > axis  # the name starts under the plot's lowest line
